package org.iclscale.cli;

import org.iclscale.core.Inputs;
import org.iclscale.model.FlowRule;
import org.iclscale.theory.TimeConvention;
import picocli.CommandLine.Option;

/** Options of training dynamics: time convention, parameterisation rule, initial scale. */
public final class FlowOptions {

    @Option(names = "--convention", defaultValue = "half",
            description = "Time convention: half (dGamma/dt = -1/2 dLoss/dGamma, default; paper Results 1, 4, 6) or "
                    + "appendix-d (dGamma/dt = -dLoss/dGamma, paper App. D: FS closed form ln(1 + 4 omega lambda^3 t)). "
                    + "appendix-d time t = half time 2t.")
    String convention;

    @Option(names = "--rule", defaultValue = "tied",
            description = "Parameterisation: tied (reduced Gamma = gamma I, default), untied (one gamma per layer, "
                    + "learning rate eta0*L, rrs at alpha = inf), full-attention (all of W_x, W_q, W_k, W_v trained; "
                    + "Result 9: gamma = w^5, dw/dt = w^4 (-1/2 dLoss/dgamma), from the small balanced init --init).")
    String rule;

    @Option(names = "--init", defaultValue = "0.1",
            description = "full-attention only: initial w(0) > 0 of the balanced init w_q = w_k = w_v = w, w_x = sqrt2 w "
                    + "(w = 0 is a fixed point; default ${DEFAULT-VALUE}).")
    String init;

    public TimeConvention convention() {
        return TimeConvention.parse(convention == null ? "half" : convention);
    }

    public FlowRule rule() {
        return FlowRule.parse(rule == null ? "tied" : rule);
    }

    public String ruleName() {
        return rule().label();
    }

    public double init() {
        return Inputs.positive("--init", init == null ? "0.1" : init, false);
    }
}
