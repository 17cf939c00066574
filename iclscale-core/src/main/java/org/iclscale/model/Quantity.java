package org.iclscale.model;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.iclscale.core.InvalidInputException;

/**
 * What {@link ModelProbe} evaluates of a model at a point, by its name on the command line and in the Python
 * package ({@code check --quantity}). Each reads some point variables beyond the model's own ({@link #arguments}).
 */
public enum Quantity {
    /** The loss 𝓛(γ) at the point's γ (σ² included; {@link Theory#risk}). */
    LOSS("loss", Set.of("gamma"), "the loss L(gamma) at the point's gamma (sigma^2 included)"),
    /** The excess loss 𝓛(γ) − σ² at the point's γ. */
    EXCESS_LOSS("excessLoss", Set.of("gamma"), "the excess loss L(gamma) - sigma^2 at the point's gamma"),
    /** The optimal step-size scale γ* (a minimiser: {@link Theory#optimum}). */
    GAMMA("gamma", Set.of(), "the optimal step-size scale gamma* (the minimiser of the landscape)"),
    /** The loss at the optimal γ. */
    OPTIMAL_LOSS("optimalLoss", Set.of(), "the loss at the optimal gamma"),
    /** The t, L → ∞ floor (width or context floor; {@link Theory#floor}). */
    FLOOR("floor", Set.of(), "the t, L -> inf floor (width floor at alpha = inf, context floor at N = inf)"),
    /** The loss after training time t of the gradient flow from Γ(0) = 0, ½ convention ({@link Theory#riskAfter}). */
    LOSS_AFTER("lossAfter", Set.of("t"), "the loss after training time t of the gradient flow from Gamma(0) = 0 "
            + "(half convention)"),
    /** The depth-1 ISO online-SGD loss after t steps (paper Result 10, {@link Theory#sgd}). */
    SGD_LOSS("sgdLoss", Set.of("t"), "the depth-1 ISO online-SGD loss after t steps (Result 10; alpha, kappa, tau, "
            + "eta, sigma)");

    private final String key;
    private final Set<String> arguments;
    private final String description;

    Quantity(String key, Set<String> arguments, String description) {
        this.key = key;
        this.arguments = arguments;
        this.description = description;
    }

    /** The name on the command line, e.g. {@code excessLoss}. */
    public String key() {
        return key;
    }

    /** The point variables the quantity itself needs (γ for the loss, t for a curve), beyond the model's. */
    public Set<String> arguments() {
        return arguments;
    }

    public String description() {
        return description;
    }

    /** The quantity named {@code key}; an {@link InvalidInputException} of {@code quantity} listing the names. */
    public static Quantity parse(String key) {
        for (Quantity q : values()) {
            if (q.key.equals(key)) {
                return q;
            }
        }
        throw new InvalidInputException("quantity", key, "one of " + names());
    }

    /** The names, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(Quantity::key).collect(Collectors.joining(", "));
    }

    /** The names as a list. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Quantity::key).toList();
    }
}
