package org.iclscale.figures;

import java.util.ArrayList;
import java.util.List;
import org.iclscale.core.Setting;
import org.iclscale.model.ModelSpec;
import org.iclscale.model.PowerLaw;
import org.iclscale.model.TrainSpec;
import org.iclscale.plot.Chart;

/** Small overlay runs of the tests: reduced-model SGD through {@link Overlay} on FS or RRS contexts. */
final class OverlayRuns {

    /** Context ratio, batch ratio of the test runs. */
    static final double ALPHA = 8;
    static final double TAU = 2;

    private OverlayRuns() {
    }

    /** One reduced-model run per depth at D = d (tied unless untied; per-layer rate eta L when untied). */
    static Overlay.Result run(Setting setting, double nu, double beta, int d, int[] depths, boolean untied, double eta,
            double[] steps, PaperFigures.Options o) {
        List<Overlay.Curve> curves = new ArrayList<>();
        for (int l : depths) {
            ModelSpec spec = ModelSpec.builder(setting, PowerLaw.of(nu, beta, d)).alpha(ALPHA).depth(l).build();
            TrainSpec run = TrainSpec.builder(spec, TrainSpec.Architecture.REDUCED).tau(TAU).untied(untied)
                    .eta(untied ? eta * l : eta).steps((int) steps[steps.length - 1]).testContexts(o.trials()).build();
            curves.add(new Overlay.Curve("SGD (L = " + l + ")", "SGD", "#000000", l, run, steps, 1));
        }
        Chart.Builder chart = new Chart.Builder("t", "(t)", Chart.Axis.log("n", "n", Double.NaN, Double.NaN),
                Chart.Axis.log("loss", "loss", Double.NaN, Double.NaN));
        return Overlay.run("t", "depth", curves, o, chart, "test");
    }
}
