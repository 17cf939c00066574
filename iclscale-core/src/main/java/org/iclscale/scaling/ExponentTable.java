package org.iclscale.scaling;

import java.util.EnumMap;
import java.util.Map;
import org.iclscale.core.InvalidInputException;
import org.iclscale.io.FormulaFiles;

/**
 * The numeric exponent table at (ν, β): every term of {@link Term} from its tail-sum parameters in
 * {@code formulas/scaling-exponents.m} and the general rule of {@link TailSum} (no Symja).
 */
public final class ExponentTable {

    public static final String FORMULA_FILE = "scaling-exponents";

    private final double nu;
    private final double beta;
    private final Map<Term, TailSum> terms = new EnumMap<>(Term.class);

    /**
     * Largest ν and β of the table: the formulas multiply them (νβ, 5β, νβ + 2ν + 1), which must stay finite in
     * double precision; at this size every exponent has reached its β → ∞ or ν → ∞ limit to double precision.
     */
    public static final double MAX_EXPONENT = 1e100;

    public ExponentTable(double nu, double beta) {
        if (!(nu > 1 && nu <= MAX_EXPONENT)) {
            throw new InvalidInputException("nu", nu, "a number in (1, 1e100]");
        }
        if (!(beta > 0 && beta <= MAX_EXPONENT)) {
            throw new InvalidInputException("beta", beta, "a number in (0, 1e100]");
        }
        this.nu = nu;
        this.beta = beta;
        FormulaFiles.Text f = source();
        for (Term t : Term.values()) {
            terms.put(t, TailSum.of(f, t));
        }
    }

    private static FormulaFiles.Text cached;

    static synchronized FormulaFiles.Text source() {
        if (cached == null) {
            cached = FormulaFiles.load(FORMULA_FILE);
        }
        return cached;
    }

    public double nu() {
        return nu;
    }

    public double beta() {
        return beta;
    }

    public TailSum tailSum(Term t) {
        return terms.get(t);
    }

    public double exponent(Term t) {
        return terms.get(t).exponent(nu, beta);
    }

    public boolean saturated(Term t) {
        return terms.get(t).saturated(nu, beta);
    }

    public double paperExponent(Term t) {
        return terms.get(t).paperExponent(nu, beta);
    }
}
