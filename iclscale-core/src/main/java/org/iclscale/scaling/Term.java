package org.iclscale.scaling;

/**
 * The six asymptotic loss terms of the exponent table (JSON key, resource symbol, one-line description of the
 * exact loss whose tail sum it is). The parameters of each live in {@code formulas/scaling-exponents.m} under
 * the prefix {@link #key()}.
 */
public enum Term {
    TIME("time", "t", "RRS time, L = N = P = inf: sum_k p_k exp(-2 gamma(t) lambda_k), gamma by gradient flow (App. F.2)"),
    DEPTH("depth", "L", "depth, t = N = P = inf: min_gamma sum_k p_k (1 - gamma lambda_k/L)^(2L) (App. F.3)"),
    WIDTH("width", "N", "width floor, t = L = P = inf: sum_k p_k z/(z + lambda_k), sum_k lambda_k/(z + lambda_k) = N (App. F.5, notes 3.5)"),
    CONTEXT("context", "P", "context floor, t = L = N = inf: sum_k p_k r^2/(r + lambda_k)^2 / (1 - P^-1 sum_k lambda_k^2/(r + lambda_k)^2) (notes 3.5)"),
    FS_TIME("fsTime", "t", "FS time, L = alpha = inf: sum_k p_k/(1 + 4 omega_k lambda_k^3 t) (Result 4, notes 3.3)"),
    FULL_ATTENTION_TIME("fullAttentionTime", "t", "full linear attention time, L = inf: sum_k p_k exp(-2 w^5 lambda_k), w by gradient flow (Result 9)");

    private final String key;
    private final String resource;
    private final String description;

    Term(String key, String resource, String description) {
        this.key = key;
        this.resource = resource;
        this.description = description;
    }

    public String key() {
        return key;
    }

    /** The resource symbol (t, L, N, P). */
    public String resource() {
        return resource;
    }

    public String description() {
        return description;
    }

    /** The term of the four-term law (Result 8) that a compute-formula symbol t, N, L, P refers to. */
    public static Term forResource(char symbol) {
        return switch (symbol) {
            case 't' -> TIME;
            case 'N' -> WIDTH;
            case 'L' -> DEPTH;
            case 'P' -> CONTEXT;
            default -> throw new IllegalArgumentException("no resource " + symbol);
        };
    }
}
