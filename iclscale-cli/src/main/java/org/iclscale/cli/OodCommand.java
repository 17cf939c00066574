package org.iclscale.cli;

import org.iclscale.core.Inputs;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Setting;
import org.iclscale.io.Report;
import org.iclscale.model.FiniteSpectrum;
import org.iclscale.model.ModelSpec;
import org.iclscale.spectrum.Spectrum;
import org.iclscale.theory.OodModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ood}: FS out-of-distribution loss of the Result 3 optimum under rotated covariances (Result 5). */
@Command(name = "ood", mixinStandardHelpOptions = true,
        description = {"FS OOD brittleness (paper Result 5, Fig. 3c): the alpha = inf optimum Gamma = L Sigma^-1 tested on",
            "Sigma' = e^(theta S) Sigma e^(-theta S), Omega' = e^(theta S) Omega e^(-theta S), S = (G - G^T)/(2 sqrt D),",
            "G a seeded Gaussian matrix: loss = sigma^2 + tr Omega' [(I - Sigma^-1 Sigma')^L]^T Sigma' (I - Sigma^-1 Sigma')^L.",
            "Depth helps while the spectral radius of I - Sigma^-1 Sigma' is below 1 and hurts beyond (notes 3.3):",
            "--compare-depths 1,2,4,8 adds one loss column per depth and the crossover angle of the smallest and largest.",
            "Needs --setting fs, a finite --depth, D <= 2000 (dense D x D matrices)."})
public final class OodCommand extends Verb {

    @Mixin
    ModelOptions model;

    @Mixin
    SpectrumOptions structured;

    @Option(names = "--thetas", required = true, description = "Comma-separated rotation angles theta >= 0, increasing.")
    String thetas;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random skew-symmetric S (default ${DEFAULT-VALUE}).")
    String seed;

    @Option(names = "--compare-depths", description = "Comma-separated depths L >= 1 to tabulate side by side.")
    String compareDepths;

    @Override
    protected Report compute() {
        if (model.setting() != Setting.FS) {
            throw new InvalidInputException("--setting", model.setting().cliName(), "fs for ood (Result 5)");
        }
        if (Double.isFinite(model.alpha())) {
            throw new InvalidInputException("--alpha", model.alpha(), "inf for ood (Result 5 is the alpha = inf optimum)");
        }
        ModelSpec spec = model.toSpec(structured);
        if (spec.width().finite()) {
            throw new InvalidInputException("--width", spec.width(), "inf for ood");
        }
        if (model.depth().infinite()) {
            throw new InvalidInputException("--depth", "inf", "a finite integer >= 1 (Gamma = L Sigma^-1)");
        }
        double[] t = Inputs.nonNegativeList("--thetas", thetas);
        long s = Inputs.integer("--seed", seed, 0, Integer.MAX_VALUE);
        if (!(spec.spectrum() instanceof FiniteSpectrum finite)) {
            throw new InvalidInputException("--continuum", "not available for ood (it needs a finite list of modes: give --dim)");
        }
        Spectrum spectrum = finite.spectrum();
        if (spectrum.dim() > 2000) {
            throw new InvalidInputException("--dim", spectrum.dim(), "an integer <= 2000 for ood (dense matrix exponentials)");
        }
        int[] depths;
        if (compareDepths == null) {
            depths = new int[] {model.depth().steps()};
        } else {
            int[] more = Inputs.integerList("--compare-depths", compareDepths, 1, 1_000_000);
            depths = new int[more.length + 1];
            depths[0] = model.depth().steps();
            System.arraycopy(more, 0, depths, 1, more.length);
        }
        OodModel ood = new OodModel(spectrum, s, model.sigma());
        double[] loss = new double[t.length];
        double[] excess = new double[t.length];
        double[] rho = new double[t.length];
        double[][] byDepth = new double[depths.length][t.length];
        for (int i = 0; i < t.length; i++) {
            OodModel.Point p = ood.evaluate(t[i], depths);
            loss[i] = p.loss()[0];
            excess[i] = loss[i] - model.sigma() * model.sigma();
            rho[i] = p.spectralRadius();
            for (int d = 0; d < depths.length; d++) {
                byDepth[d][i] = p.loss()[d];
            }
        }
        Report r = new Report("ood").putAll(model.echo()).putAll(structured.echo(spec));
        r.put("seed", s);
        r.put("method", "Result 5 at Gamma = L Sigma^-1: eigen-decomposition of K = Lambda^-1/2 Sigma' Lambda^-1/2, "
                + "loss = sigma^2 + sum_j kappa_j (1 - kappa_j)^(2L) (V^T Lambda^1/2 Omega' Lambda^1/2 V)_jj; "
                + "e^(theta S) by Pade scaling and squaring (Hipparchus)");
        r.column("theta", t).column("loss", loss).column("excessLoss", excess).column("spectralRadius", rho);
        if (compareDepths != null) {
            int lo = Integer.MAX_VALUE;
            int hi = 0;
            for (int d = 0; d < depths.length; d++) {
                if (d > 0) {
                    r.column("lossL" + depths[d], byDepth[d]);
                }
                lo = Math.min(lo, depths[d]);
                hi = Math.max(hi, depths[d]);
            }
            if (lo != hi && t.length >= 2) {
                double c = ood.crossover(lo, hi, Math.max(t[0], 1e-12), t[t.length - 1]);
                if (Double.isFinite(c)) {
                    r.put("crossoverTheta", c);
                    r.put("crossoverDepths", new int[] {lo, hi});
                } else {
                    r.note("no crossover between L = " + lo + " and L = " + hi + " in the given theta range");
                }
            }
        }
        return r;
    }
}
