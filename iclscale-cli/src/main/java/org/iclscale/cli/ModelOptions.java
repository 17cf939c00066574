package org.iclscale.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.iclscale.core.Depth;
import org.iclscale.core.Extent;
import org.iclscale.core.Setting;
import org.iclscale.model.ModelSpec;
import picocli.CommandLine.Option;

/** The options that select a model: {@code --setting --alpha --depth --sigma}; {@link #toSpec} builds the spec. */
public final class ModelOptions {

    @Option(names = "--setting", defaultValue = "iso", converter = Converters.SettingConverter.class,
            description = "Data model: iso, fs or rrs (default: ${DEFAULT-VALUE}).")
    Setting setting = Setting.ISO;

    @Option(names = "--alpha", defaultValue = "inf", converter = Converters.AlphaConverter.class,
            description = "Context ratio alpha = P/D: a number > 0, or inf (default: ${DEFAULT-VALUE}).")
    double alpha = Double.POSITIVE_INFINITY;

    @Option(names = "--depth", defaultValue = "1", converter = Converters.DepthConverter.class,
            description = "Depth L = number of in-context GD steps: an integer in [1, 2147483647] (1e8 allowed), or inf "
                    + "(default: ${DEFAULT-VALUE}).")
    Depth depth = Depth.of(1);

    @Option(names = "--sigma", defaultValue = "0", converter = Converters.SigmaConverter.class,
            description = "Label-noise standard deviation sigma >= 0 (default: ${DEFAULT-VALUE}).")
    double sigma;

    public Setting setting() {
        return setting;
    }

    public double alpha() {
        return alpha;
    }

    public Depth depth() {
        return depth;
    }

    public double sigma() {
        return sigma;
    }

    /** The ISO spec of these options (verbs without structured options). */
    public ModelSpec toSpec() {
        return toSpec(new SpectrumOptions());
    }

    /** The spec of these options and the structured ones (ISO refuses every structured option that was given). */
    public ModelSpec toSpec(SpectrumOptions structured) {
        ModelSpec.Builder b;
        if (setting == Setting.ISO) {
            structured.requireAbsent(setting);
            b = ModelSpec.iso();
        } else {
            b = ModelSpec.builder(setting, structured.spectrumSpec(setting));
            structured.applyWidth(b);
        }
        return b.alpha(Extent.ofNullable(alpha)).depth(depth).sigma(sigma).build();
    }

    /** The parameters echoed in every result (α = inf is written as the string "inf"). */
    public Map<String, Object> echo() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("setting", setting.cliName());
        m.put("alpha", Double.isInfinite(alpha) ? "inf" : alpha);
        m.put("depth", depth.infinite() ? "inf" : depth.steps());
        m.put("sigma", sigma);
        return m;
    }
}
