package org.iclscale.cli;

import org.iclscale.core.Inputs;
import org.iclscale.io.Report;
import org.iclscale.theory.GammaLandscape;
import org.iclscale.theory.GradientFlow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dynamics}: gradient flow γ(t), 𝓛(t) from Γ(0) = 0 (paper Result 1 / Result 6). */
@Command(name = "dynamics", mixinStandardHelpOptions = true,
        description = {"Gradient flow of the reduced model from Gamma(0) = 0: gamma(t) and loss(t).",
            "Convention (paper Results 1, 6): dGamma/dt = -1/2 dLoss/dGamma; Dormand-Prince 8(5,3), tolerances 1e-12."})
public final class DynamicsCommand extends Verb {

    @Mixin
    ModelOptions model;

    @Mixin
    SpectrumOptions structured;

    @Option(names = "--times", required = true,
            description = "Comma-separated times t >= 0 in increasing order, e.g. 1,10,100.")
    String times;

    @Override
    protected Report compute() {
        double[] t = Inputs.nonNegativeList("--times", times);
        GammaLandscape landscape = Landscapes.create(model, structured);
        GradientFlow.Trajectory traj = GradientFlow.integrate(landscape, t);
        double[] excess = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            excess[i] = traj.loss()[i] - landscape.noiseVariance();
        }
        Report r = new Report("dynamics").putAll(model.echo());
        if (model.setting() != org.iclscale.core.Setting.ISO) {
            r.putAll(structured.echo());
        }
        r.put("convention", "dGamma/dt = -1/2 dLoss/dGamma, Gamma(0) = 0");
        r.put("method", "Dormand-Prince 8(5,3) (abs/rel tolerance " + GradientFlow.ABSOLUTE_TOLERANCE + "); loss: "
                + landscape.method());
        r.put("evaluations", traj.evaluations());
        r.column("time", t).column("gamma", traj.gamma()).column("loss", traj.loss()).column("excessLoss", excess);
        return r;
    }
}
