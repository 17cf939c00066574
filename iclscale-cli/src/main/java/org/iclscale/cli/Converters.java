package org.iclscale.cli;

import org.iclscale.core.Depth;
import org.iclscale.core.Gamma;
import org.iclscale.core.Inputs;
import org.iclscale.core.Setting;
import org.iclscale.io.OutputFormat;
import picocli.CommandLine.ITypeConverter;

/**
 * picocli converters for the shared options. Each throws {@link org.iclscale.core.InvalidInputException},
 * whose message (option, value, valid range) becomes the one-line error of exit code 2.
 */
public final class Converters {

    private Converters() {
    }

    public static final class SettingConverter implements ITypeConverter<Setting> {
        @Override
        public Setting convert(String value) {
            return Setting.parse(value);
        }
    }

    public static final class FormatConverter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return OutputFormat.parse(value);
        }
    }

    public static final class DepthConverter implements ITypeConverter<Depth> {
        @Override
        public Depth convert(String value) {
            return Depth.parse(value);
        }
    }

    public static final class GammaConverter implements ITypeConverter<Gamma> {
        @Override
        public Gamma convert(String value) {
            return Gamma.parse(value);
        }
    }

    /** α = P/D: a number > 0, or inf. */
    public static final class AlphaConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return Inputs.positive("--alpha", value, true);
        }
    }

    /** σ ≥ 0. */
    public static final class SigmaConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return Inputs.nonNegative("--sigma", value);
        }
    }
}
