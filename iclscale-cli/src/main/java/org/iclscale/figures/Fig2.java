package org.iclscale.figures;

import java.util.ArrayList;
import java.util.List;
import org.iclscale.io.Report;
import org.iclscale.plot.Chart;
import org.iclscale.theory.IsoModel;
import org.iclscale.theory.OptimumSearch;

/**
 * Fig. 2: ISO landscapes of Γ = γI against γ/L from γ = 0, on the paper's axes; (a) α = 0.5, (b) α = 2,
 * L = 1..32, minima at γ/L = α/(1+α); (c) L = 16, α = 1.125 (the port's value; the paper does not state it),
 * label noise σ, plotted as 𝓛 − σ².
 */
final class Fig2 {

    static final int[] DEPTHS = {1, 2, 4, 8, 16, 32};

    private Fig2() {
    }

    static Figure build() {
        double[] x = grid(1.0 / 990, 990); // 0, 1/990, ..., 1: contains 1/3, 2/3 and the paper's grid k/99
        List<Figure.Panel> panels = new ArrayList<>();
        for (double alpha : new double[] {0.5, 2}) {
            String name = alpha == 0.5 ? "fig2a" : "fig2b";
            Report r = new Report(name).column("gammaPerLayer", x);
            Chart.Builder c = new Chart.Builder(name, alpha == 0.5 ? "(a)" : "(b)",
                    Chart.Axis.linear("γ / L", "$\\gamma / L$", -0.05, 1.05),
                    Chart.Axis.linear("ℒ(γ)", "$\\mathcal{L}(\\gamma)$", 0, 1.01))
                    .legend("upper right");
            for (int j = 0; j < DEPTHS.length; j++) {
                int l = DEPTHS[j];
                IsoModel m = FigureLandscapes.iso(alpha, l, 0);
                double[] loss = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    loss[i] = m.loss(x[i] * l);
                }
                r.column("L" + l, loss);
                c.add(Curves.theory("L = " + l, "$L = " + l + "$", Curves.rocket(j, DEPTHS.length), x, loss));
            }
            r.put("alpha", alpha).put("sigma", 0.0)
                    .put("stabilityEdgePerLayer", 2 / FigureLandscapes.iso(alpha, 1, 0).law().upperEdge());
            r.put("method", "exact Gauss-Chebyshev quadrature against Marchenko-Pastur");
            panels.add(new Figure.Panel(name, "loss vs gamma/L at alpha = " + Curves.fmt(alpha) + ", L = 1..32; minima at "
                    + "gamma/L = " + Curves.fmt(alpha) + "/(1+" + Curves.fmt(alpha) + ")", c.build(), r));
        }
        double alpha = 1.125;
        int l = 16;
        double[] sigmas = {0, 0.25, 0.5, 0.75, 1};
        Report r = new Report("fig2c").column("gammaPerLayer", x);
        Chart.Builder c = new Chart.Builder("fig2c", "(c)", Chart.Axis.linear("γ / L", "$\\gamma / L$", -0.05, 1.05),
                Chart.Axis.linear("ℒ(γ) − σ²", "$\\mathcal{L}(\\gamma) - \\sigma^2$", 0, 1.01)).legend("upper right");
        List<double[]> minima = new ArrayList<>();
        for (int j = 0; j < sigmas.length; j++) {
            double s = sigmas[j];
            IsoModel m = FigureLandscapes.iso(alpha, l, s);
            double[] excess = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                excess[i] = m.loss(x[i] * l) - s * s;
            }
            r.column("sigma" + Curves.fmt(s), excess);
            String label = s == 0 || s == 1 ? String.valueOf(s) : Curves.fmt(s);
            c.add(Curves.theory("σ = " + label, "$\\sigma = " + label + "$", Curves.rocket(j, sigmas.length), x, excess));
            OptimumSearch.Optimum opt = OptimumSearch.minimise(m);
            minima.add(new double[] {s, opt.gamma() / l, opt.loss() - s * s});
        }
        r.put("alpha", alpha).put("depth", l).put("method", "exact Gauss-Chebyshev quadrature against Marchenko-Pastur");
        Report min = Curves.table("fig2c-minima", minima, "sigma", "gammaPerLayer", "excessLoss");
        min.put("alpha", alpha).put("depth", l).put("method", "global grid + Brent");
        panels.add(new Figure.Panel("fig2c", "excess loss vs gamma/L with label noise (alpha = 1.125 as in the port)",
                c.build(), r).with("-minima", min));
        return new Figure("2", "ISO loss landscape of Gamma = gamma I", panels, List.of(
                "Fig. 2b/2c: the paper's curves are biased upward (its L(0) = 1.0086 in 2b, exact 1; 2c's minima 0.17, "
                        + "0.25, 0.42, 0.55, 0.66 vs exact 0.094, 0.182, 0.358, 0.493, 0.593): its coarse 100-point "
                        + "eigenvalue grid (port visualize_loss_landscape); the exact curves are drawn (README errata).",
                "Fig. 2c plots L - sigma^2; alpha = 1.125 is the port's value (the paper does not state alpha)."));
    }

    /** 0, step, 2 step, ..., n step. */
    static double[] grid(double step, int n) {
        double[] x = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            x[i] = i * step;
        }
        return x;
    }
}
