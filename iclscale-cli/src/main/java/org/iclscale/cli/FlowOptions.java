package org.iclscale.cli;

import org.iclscale.core.Inputs;
import org.iclscale.core.InvalidInputException;
import org.iclscale.model.FlowRequest;
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

    // no picocli default: an --init given with another rule is refused, not ignored (issue 18)
    @Option(names = "--init",
            description = "full-attention only: initial w(0) > 0 of the balanced init w_q = w_k = w_v = w, w_x = sqrt2 w "
                    + "(w = 0 is a fixed point; default " + FlowRequest.DEFAULT_INIT + ").")
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

    /** w(0) of full attention; refused with another rule, where nothing starts from it. */
    public double init() {
        if (init != null && rule() != FlowRule.FULL_ATTENTION) {
            throw new InvalidInputException("--init", init, "only with --rule full-attention (the " + ruleName()
                    + " flow starts from Gamma(0) = 0)");
        }
        return init == null ? FlowRequest.DEFAULT_INIT : Inputs.positive("--init", init, false);
    }
}
