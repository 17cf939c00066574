package org.iclscale.symbolic;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.iclscale.core.ComputationException;
import org.iclscale.core.Depth;

/**
 * Exact ISO optima derived by Symja from the formula files (paper-notes §3.1), used by
 * {@code optimum --format tex}:
 * <ul>
 * <li>σ = 0, finite L: γ* = Lα/(1+α) and 𝓛* as a rational function of α, by two routes that must agree:
 * the Catalan sum of {@code iso-optimum.m}, and the moment sum of the landscape ({@code iso-landscape.m},
 * Narayana moments) evaluated at γ = Lα/(1+α);</li>
 * <li>L = 1, any σ: the landscape of {@code iso-landscape.m} at L = 1, minimised by solving ∂𝓛/∂γ = 0;</li>
 * <li>L = ∞, σ = 0: [1 − α]_+ ({@code iso-infinite-depth.m}).</li>
 * </ul>
 */
public final class IsoClosedForms {

    /**
     * Largest depth for which the exact rational function is expanded (numerator degree 2L − 2 in α); beyond it
     * Symja's evaluator returns unevaluated forms (measured at L = 24), so the Catalan-sum form is printed.
     */
    public static final int MAX_EXACT_DEPTH = 16;

    /** Derived rational functions per depth (pure functions of L: safe to keep for the JVM's life). */
    private static final Map<Integer, String> CATALAN = new ConcurrentHashMap<>();
    private static final Map<Integer, String> MOMENTS = new ConcurrentHashMap<>();
    private static final Map<Integer, Boolean> AGREE = new ConcurrentHashMap<>();

    private IsoClosedForms() {
    }

    /** A derived optimum: exact expressions (InputForm), their TeX and values at the requested point. */
    public record Derivation(String gamma, String loss, String gammaTex, String lossTex, double gammaValue,
            double lossValue, String method) {
    }

    private static SymbolicEngine engine() {
        SymbolicEngine engine = SymbolicEngine.get();
        FormulaLibrary.standard().define(engine);
        return engine;
    }

    /**
     * Numerator polynomial P(α) of 𝓛*(α) = P(α)/(1+α)^{2L−1} from the Catalan sum of {@code iso-optimum.m}.
     * Symja's Together/Factor on the nested fractions is slow (minutes at L = 12), so the sum is written in
     * u = 1 + α, where the powers of the symbol u combine automatically, multiplied by u^{2L−1}, expanded, and
     * mapped back; the result is checked to be a polynomial.
     */
    public static String catalanNumerator(int depth) {
        requireExactDepth(depth);
        return CATALAN.computeIfAbsent(depth, l -> {
            SymbolicEngine e = engine();
            String inU = e.evaluate("Expand[u^(2*" + l + " - 1)*Block[{alpha = u - 1, L = " + l + "}, isoOptimalLoss]]");
            return polynomial(e, e.evaluate("Expand[(" + inU + ") /. u -> 1 + alpha]"), "Catalan route");
        });
    }

    /**
     * Numerator Q(α) of 𝓛*(α) = Q(α)/(1+α)^{2L} from the MP-moment landscape of {@code iso-landscape.m}
     * (Narayana moments) at γ = Lα/(1+α), σ = 0: with v = α and u = 1 + α treated as independent symbols the
     * signal sum times u^{2L} is a polynomial in u and v.
     */
    public static String momentNumerator(int depth) {
        requireExactDepth(depth);
        return MOMENTS.computeIfAbsent(depth, l -> {
            SymbolicEngine e = engine();
            String inUv = e.evaluate("Expand[u^(2*" + l + ")*Block[{L = " + l + ", sigma = 0, alpha = v}, "
                    + "Block[{gamma = L*v/u}, isoSignalLoss]]]");
            return polynomial(e, e.evaluate("Expand[(" + inUv + ") /. {u -> 1 + alpha, v -> alpha}]"), "moment route");
        });
    }

    private static String polynomial(SymbolicEngine e, String p, String route) {
        if (!e.evaluate("PolynomialQ[" + p + ", alpha]").equals("True")) {
            throw new ComputationException("Symja", route + " did not reduce to a polynomial numerator: " + p);
        }
        return p;
    }

    /** 𝓛*(α) at σ = 0 and depth L from the Catalan sum, as one rational function of α. */
    public static String catalanRoute(int depth) {
        return engine().evaluate("(" + catalanNumerator(depth) + ")/(1 + alpha)^" + (2 * depth - 1));
    }

    /** 𝓛*(α) at σ = 0 and depth L from the moment landscape at γ = Lα/(1+α), as one rational function of α. */
    public static String momentRoute(int depth) {
        return engine().evaluate("(" + momentNumerator(depth) + ")/(1 + alpha)^" + (2 * depth));
    }

    /** Whether the two routes give the same rational function: P(α)(1+α) − Q(α) expands to 0. */
    public static boolean routesAgree(int depth) {
        return AGREE.computeIfAbsent(depth, l -> engine().evaluate(
                "Expand[(" + catalanNumerator(l) + ")*(1 + alpha) - (" + momentNumerator(l) + ")]").equals("0"));
    }

    /** The depth-1 landscape in γ, α, σ (from the general-L moment sums at L = 1). */
    public static String depthOneLandscape() {
        return engine().together("Block[{L = 1}, isoLoss]");
    }

    /**
     * Why there is no exact closed form at this point (null if there is one): the derivations cover finite α with
     * σ = 0 at any depth, or depth 1 at any σ. Pure Java (does not start Symja), so callers can refuse up front.
     */
    public static String unavailable(double alpha, Depth depth, double sigma) {
        if (!Double.isFinite(alpha)) {
            return "the exact closed form is derived for finite alpha (at alpha = inf, Sigma-hat = I: gamma* = L and "
                    + "loss sigma^2, see --format table)";
        }
        if (sigma != 0 && depth.infinite()) {
            return "no closed form of the optimum at depth inf with sigma > 0 (use --format table/json for the numeric optimum)";
        }
        if (sigma != 0 && depth.steps() > 1) {
            return "no closed form of the optimum for depth " + depth.steps() + " > 1 with sigma > 0 (the optimum solves "
                    + "a polynomial of degree " + (2 * depth.steps() - 1) + " in gamma; use --format table/json for the "
                    + "numeric optimum)";
        }
        return null;
    }

    /** The exact optimum at the given point; throws {@link ComputationException} where no closed form exists. */
    public static Derivation derive(double alpha, Depth depth, double sigma) {
        String none = unavailable(alpha, depth, sigma);
        if (none != null) {
            throw new ComputationException("Symja", none);
        }
        SymbolicEngine e = engine();
        Map<String, Double> at = Map.of("alpha", alpha, "sigma", sigma);
        if (depth.infinite()) {
            if (sigma != 0) {
                throw new ComputationException("Symja", "no closed form of the optimum at depth inf with sigma > 0 "
                        + "(use the table or json format for the numeric optimum)");
            }
            String loss = e.evaluate("isoInfiniteDepthLoss");
            String series = e.evaluate("isoInfiniteDepthSeries");
            double value = e.numeric(loss, at);
            double check = e.numeric(series, at);
            if (Math.abs(value - check) > 1e-12) {
                throw new ComputationException("Symja", "Catalan generating function " + check + " differs from [1-alpha]_+ = " + value);
            }
            return new Derivation("Infinity", loss, "\\infty", "\\max(0, 1-\\alpha) = [1-\\alpha]_+", Double.POSITIVE_INFINITY,
                    value, "iso-infinite-depth.m, checked against the summed Catalan series");
        }
        int l = depth.steps();
        if (l == 1) {
            String landscape = depthOneLandscape();
            String gamma = e.together("gamma /. First[Solve[D[" + landscape + ", gamma] == 0, gamma]]");
            String loss = e.together("(" + landscape + ") /. gamma -> (" + gamma + ")");
            if (!e.isZero("(" + gamma + ") - isoDepthOneGamma") || !e.isZero("(" + loss + ") - isoDepthOneLoss")) {
                throw new ComputationException("Symja", "derived L = 1 optimum " + gamma + ", " + loss
                        + " disagrees with iso-depth-one.m");
            }
            // present gamma* cancelled and the loss as sigma^2 + (excess), the excess factored
            String gammaForm = sigma == 0 ? e.factor("Block[{sigma = 0}, " + gamma + "]") : e.factor(gamma);
            String excess = e.factor("(" + loss + ") - sigma^2");
            String lossForm = sigma == 0 ? e.factor("Block[{sigma = 0}, " + excess + "]") : "sigma^2 + " + excess;
            String lossTex = sigma == 0 ? e.tex(lossForm) : "\\sigma^2 + " + e.tex(excess);
            return new Derivation(gammaForm, lossForm, e.tex(gammaForm), lossTex, e.numeric(gamma, at),
                    e.numeric(loss, at), "Solve[D[landscape, gamma] == 0] on the L = 1 moment landscape (iso-landscape.m)");
        }
        if (sigma != 0) {
            throw new ComputationException("Symja", "no closed form of the optimum for depth " + l
                    + " > 1 with sigma > 0 (the optimum solves a polynomial of degree " + (2 * l - 1)
                    + " in gamma; use the table or json format for the numeric optimum)");
        }
        if (l > MAX_EXACT_DEPTH) {
            Map<String, Double> point = Map.of("alpha", alpha, "L", (double) l);
            String gamma = e.evaluate("Block[{L = " + l + "}, isoOptimalGamma]");
            return new Derivation(gamma, "isoOptimalLoss", e.tex(gamma),
                    "1 - \\frac{\\alpha}{1+\\alpha}\\sum_{n=0}^{" + (l - 1) + "} C_n x^n,\\quad x = \\frac{\\alpha}{(1+\\alpha)^2}",
                    e.numeric(gamma, at), e.numeric("isoOptimalLoss", point),
                    "Catalan sum of iso-optimum.m (the expanded rational function is printed up to depth " + MAX_EXACT_DEPTH + ")");
        }
        String catalan = catalanRoute(l);
        String moments = momentRoute(l);
        if (!routesAgree(l)) {
            throw new ComputationException("Symja", "Catalan route " + catalan + " and moment route " + moments + " disagree");
        }
        String gamma = e.evaluate("Block[{L = " + l + "}, isoOptimalGamma]");
        return new Derivation(gamma, catalan, e.tex(gamma), e.tex(catalan), e.numeric(gamma, at), e.numeric(catalan, at),
                "Catalan sum (iso-optimum.m) = MP-moment landscape at gamma = L alpha/(1+alpha) (iso-landscape.m)");
    }

    private static void requireExactDepth(int depth) {
        if (depth < 1 || depth > MAX_EXACT_DEPTH) {
            throw new ComputationException("Symja", "exact rational closed form available for depth 1.."
                    + MAX_EXACT_DEPTH + ", asked for " + depth);
        }
    }

    /** TeX of the exact optimum at the given point (γ* and 𝓛*, with their values). */
    public static String optimumTex(double alpha, Depth depth, double sigma) {
        Derivation d = derive(alpha, depth, sigma);
        StringBuilder tex = new StringBuilder();
        tex.append("% ISO optimum, depth L = ").append(depth).append(", sigma = ").append(num(sigma))
                .append("; derived by Symja: ").append(d.method()).append('\n');
        tex.append("\\begin{align}\n");
        tex.append("\\gamma^\\star &= ").append(d.gammaTex());
        if (Double.isFinite(d.gammaValue())) {
            tex.append(" \\quad (= ").append(num(d.gammaValue())).append(" \\text{ at } \\alpha = ").append(num(alpha)).append(')');
        }
        tex.append(" \\\\\n");
        tex.append("\\mathcal{L}^\\star").append(" &= ").append(d.lossTex()).append(" \\quad (= ").append(num(d.lossValue()))
                .append(" \\text{ at } \\alpha = ").append(num(alpha));
        if (sigma != 0) {
            tex.append(", \\sigma = ").append(num(sigma));
        }
        tex.append(")\n\\end{align}");
        return tex.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.12g", v).replaceFirst("\\.?0+$", "").replaceFirst("\\.?0+e", "e");
    }
}
