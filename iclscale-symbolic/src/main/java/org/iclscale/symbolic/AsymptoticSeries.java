package org.iclscale.symbolic;

import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.convert.VariablesSet;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Large-L expansion of a closed form in L (issue 15, "symbolic asymptotics") through ε = 1/L, because Symja's
 * {@code Series} at Infinity drops terms (design.md) and its Series of Gamma and Pochhammer ratios at ε = 0 is
 * unreliable (measured: Pochhammer[1/e + 1/2, 3]/Pochhammer[1/e + 2, 3] came out as 5/64 + O(e^3)). Only
 * derivatives and substitutions at ε = 0 are asked of Symja; the asymptotics come from known expansions:
 * <ul>
 * <li>Γ(p/ε + q): Stirling with Bernoulli polynomials, ln Γ(z + q) = (z + q − ½) ln z − z + ½ ln 2π
 * + Σ_{n≥1} (−1)^{n+1} B_{n+1}(q)/(n(n+1)) z^{−n} (DLMF 5.11.8);</li>
 * <li>₂F₁(a, b + z, c + z; y) for fixed |y| &lt; 1: Σ_k (a)_k y^k/k! Π_{j&lt;k} (1 + (b+j)ε)/(1 + (c+j)ε), each power of
 * ε a polynomial in k, and Σ_k (a)_k y^k k^r/k! = (y d/dy)^r (1 − y)^{−a};</li>
 * <li>b^{p/ε + q} with b free of ε, and rational functions of ε (a power of ε times a regular factor).</li>
 * </ul>
 * Each additive term of the (FunctionExpand-ed) expression becomes prefactor · base^L · L^power (· L^{s L}) ·
 * (1 + c₁/L + … + c_K/L^K) + O(L^{−K−1}) relatively; terms free of L are the constant part. Anything else is
 * refused. The expansions of the library's closed forms (and a rational function) are checked against exact values
 * in SymbolicSeriesTest and SymbolicVerbsTest; a new closed form named in a {@code series:} header needs its own
 * check there (the printed expansion is not re-verified at run time).
 */
final class AsymptoticSeries {

    private final ExprEvaluator ev;
    private final IExpr eps;
    private final IExpr lg;
    private final IExpr variable;
    private final int order;
    /** Assumptions used but not decidable here (InputForm), reported with the expansion. */
    private final List<String> conditions = new ArrayList<>();

    /** Heads an ε-dependent subexpression may have (everything else is refused before expanding). */
    private static final java.util.Set<String> SUPPORTED = java.util.Set.of("Plus", "Times", "Power", "Gamma",
            "Hypergeometric2F1");

    /** Temporary symbols of the templates, cleared after each expansion. */
    private static final String TEMPORARIES = "iclSeriesArg1, iclSeriesArg2, iclSeriesArg3, iclSeriesArg4, "
            + "iclSeriesArg5, iclSeriesArg6";

    private AsymptoticSeries(ExprEvaluator ev, IExpr variable, int order) {
        this.ev = ev;
        this.variable = variable;
        this.order = order;
        this.eps = ev.parse("iclSeriesEps");
        this.lg = ev.parse("iclSeriesLogEps");
    }

    /** Runs on the engine's evaluation thread. */
    static SymbolicEngine.Expansion expand(ExprEvaluator ev, IExpr f, IExpr variable, String name, int order) {
        AsymptoticSeries series = new AsymptoticSeries(ev, variable, order);
        try {
            return series.run(f, name);
        } finally {
            ev.eval("Clear[" + TEMPORARIES + "]");
        }
    }

    private SymbolicException unsupported(String why) {
        return new SymbolicException("cannot expand in 1/" + variable + ": " + why, SymbolicException.Kind.BAD_INPUT, null);
    }

    /** Evaluates a template whose arguments are bound to fresh symbols iclSeriesArg1, 2, ... (no text splicing). */
    private IExpr ev(String template, IExpr... args) {
        for (int i = 0; i < args.length; i++) {
            ev.eval(F.Set(ev.parse("iclSeriesArg" + (i + 1)), args[i]));
        }
        IExpr r = ev.eval(template);
        if (r == null || r == S.$Aborted) {
            throw new SymbolicException("Symja aborted the series expansion", SymbolicException.Kind.LIMIT, null);
        }
        return r;
    }

    private SymbolicEngine.Expansion run(IExpr f, String name) {
        IExpr g = ev("FunctionExpand[iclSeriesArg1] /. iclSeriesArg2 -> 1/iclSeriesEps", f, variable);
        requireSupported(g, name);
        // with a symbolic parameter Symja's Together/Simplify of the coefficients take minutes (measured: 40 s and
        // no answer for isoOptimalLossClosed with alpha free), so every other variable must have a value
        List<String> free = new ArrayList<>();
        for (String v : new VariablesSet(g).getVarListAsString()) {
            if (!v.equals(eps.toString())) {
                free.add(v);
            }
        }
        if (!free.isEmpty()) {
            throw unsupported(name + " has " + String.join(", ", free) + " free: give every other variable a value");
        }
        List<IExpr> terms = new ArrayList<>();
        if (g.isPlus()) {
            for (int i = 1; i < ((IAST) g).size(); i++) {
                terms.add(((IAST) g).get(i));
            }
        } else {
            terms.add(g);
        }
        IExpr constant = F.C0;
        List<SymbolicEngine.ExpansionTerm> out = new ArrayList<>();
        for (IExpr t : terms) {
            if (t.isFree(eps)) {
                constant = F.Plus(constant, t);
                continue;
            }
            out.add(describe(term(t)));
        }
        if (out.isEmpty()) {
            throw unsupported(name + " does not depend on " + variable);
        }
        IExpr c = valid(ev("Simplify[iclSeriesArg1]", constant), "the constant part");
        String constantText = inputForm(c);
        StringBuilder approximation = new StringBuilder();
        StringBuilder text = new StringBuilder();
        StringBuilder tex = new StringBuilder();
        if (!c.isZero()) {
            approximation.append(constantText);
            text.append(constantText);
            tex.append(tex(c));
        }
        for (SymbolicEngine.ExpansionTerm t : out) {
            String sep = approximation.length() == 0 ? "" : " + ";
            approximation.append(sep).append(t.inputForm());
            text.append(sep).append(t.text());
            tex.append(sep).append(t.tex());
        }
        return new SymbolicEngine.Expansion(variable.toString(), order, constantText, out, approximation.toString(),
                text.toString(), tex.toString(), conditions);
    }

    /** Every subexpression that depends on ε has a head the expansion knows (no Sum, Log, Max, ... of L). */
    private void requireSupported(IExpr e, String name) {
        if (e.isFree(eps) || e.equals(eps)) {
            return;
        }
        if (!(e instanceof IAST ast) || !SUPPORTED.contains(ast.head().toString())) {
            String head = e instanceof IAST ast0 ? ast0.head().toString() : e.toString();
            throw unsupported(name + " contains " + SymjaEngine.excerpt(head) + "[...] of " + variable + "; only Gamma functions, powers b^" + variable + ", 2F1 with " + variable
                    + " in its parameters and rational functions of " + variable + " are expanded (a formula file may "
                    + "name a closed form in its 'series:' header)");
        }
        for (int i = 1; i < ast.size(); i++) {
            requireSupported(ast.get(i), name);
        }
    }

    /** A result part must be a finite expression free of ε, lists and undefined values. */
    private IExpr valid(IExpr e, String what) {
        boolean bad = !e.isFree(eps) || !e.isFree(lg) || !e.isFree(x -> x.isList() || x.isIndeterminate()
                || x.isComplexInfinity() || x.isInfinity() || x.isNegativeInfinity() || x.isDirectedInfinity()
                || x == S.$Aborted, true);
        if (bad) {
            throw unsupported(what + " is not a finite expression (" + SymjaEngine.excerpt(e.toString()) + ")");
        }
        return e;
    }

    /**
     * One product term: the log of its ε-dependent factors split into A (singular part, in ε and ln ε) and B
     * (regular at ε = 0), with C the constant factor, turned into {prefactor, base, power, superPower,
     * coefficients-as-list}: A = a11 L ln L + a10 L + a01 ln L + a00 exactly (else refused), and
     * exp(B − B(0)) = 1 + c1 ε + … + c_K ε^K + O(ε^(K+1)) by derivatives at ε = 0.
     */
    private IExpr[] term(IExpr t) {
        IExpr a = F.C0;
        IExpr b = F.C0;
        IExpr c = F.C1;
        List<IExpr> factors = new ArrayList<>();
        if (t.isTimes()) {
            for (int i = 1; i < ((IAST) t).size(); i++) {
                factors.add(((IAST) t).get(i));
            }
        } else {
            factors.add(t);
        }
        for (IExpr factor : factors) {
            if (factor.isFree(eps)) {
                c = F.Times(c, factor);
                continue;
            }
            IExpr base = factor;
            IExpr k = F.C1;
            if (factor.isPower() && factor.exponent().isFree(eps)) {
                base = factor.base();
                k = factor.exponent();
            }
            if (factor.isPower() && factor.base().isFree(eps)) {
                // b^(p/eps + q)
                IExpr[] pq = linear(factor.exponent());
                a = F.Plus(a, ev("iclSeriesArg1*Log[iclSeriesArg2]", F.Plus(F.Times(pq[0], F.Power(eps, F.CN1)), pq[1]),
                        factor.base()));
            } else if (base.isAST(S.Gamma, 2)) {
                IExpr[] pq = linear(((IAST) base).arg1());
                if (pq[0].isZero()) {
                    b = F.Plus(b, F.Times(k, F.Log(base)));
                    continue;
                }
                a = F.Plus(a, ev("iclSeriesArg1*((iclSeriesArg2/iclSeriesEps + iclSeriesArg3 - 1/2)*(Log[iclSeriesArg2] - "
                        + "iclSeriesLogEps) - iclSeriesArg2/iclSeriesEps + Log[2*Pi]/2)", k, pq[0], pq[1]));
                b = F.Plus(b, ev("iclSeriesArg1*Sum[(-1)^(iclSeriesN + 1)*BernoulliB[iclSeriesN + 1, iclSeriesArg3]/"
                        + "(iclSeriesN*(iclSeriesN + 1))*(iclSeriesEps/iclSeriesArg2)^iclSeriesN, {iclSeriesN, 1, "
                        + order + "}]", k, pq[0], pq[1]));
            } else if (base.isAST(S.Hypergeometric2F1, 5)) {
                b = F.Plus(b, F.Times(k, F.Log(hypergeometric((IAST) base))));
            } else {
                IExpr[] rational = rational(base);
                a = F.Plus(a, F.Times(k, rational[0], lg));
                b = F.Plus(b, F.Times(k, F.Log(rational[1])));
            }
        }
        // regular part: B(0) into the prefactor, Exp[B - B(0)] = 1 + c1 eps + ... by derivatives at 0
        IExpr b0 = ev("Simplify[iclSeriesArg1 /. iclSeriesEps -> 0]", b);
        if (!b0.isFree(eps) || b0.isIndeterminate() || b0.isComplexInfinity() || b0.isInfinity()) {
            throw unsupported("the regular part is not finite at 1/L = 0");
        }
        List<IExpr> coefficients = new ArrayList<>();
        for (int j = 1; j <= order; j++) {
            coefficients.add(ev("Simplify[Together[(D[Exp[iclSeriesArg1 - iclSeriesArg2], {iclSeriesEps, " + j
                    + "}] /. iclSeriesEps -> 0)/" + j + "!]]", b, b0));
        }
        // singular part: A = a11 lnL*L + a10 L + a01 lnL + a00 after eps -> 1/L, ln eps -> -ln L
        IExpr a2 = ev("Expand[iclSeriesArg1 /. {iclSeriesLogEps -> -iclSeriesLogL, iclSeriesEps -> 1/iclSeriesArg2}]", a,
                variable);
        IExpr r11 = ev("Coefficient[Coefficient[iclSeriesArg1, iclSeriesArg2, 1], iclSeriesLogL, 1]", a2, variable);
        IExpr r10 = ev("Coefficient[Coefficient[iclSeriesArg1, iclSeriesArg2, 1], iclSeriesLogL, 0]", a2, variable);
        IExpr r01 = ev("Coefficient[Coefficient[iclSeriesArg1, iclSeriesArg2, 0], iclSeriesLogL, 1]", a2, variable);
        IExpr r00 = ev("Coefficient[Coefficient[iclSeriesArg1, iclSeriesArg2, 0], iclSeriesLogL, 0]", a2, variable);
        // the remainder from the unsimplified coefficients (Simplify may turn 2 Log[2] into Log[4] and then not
        // see 2 Log[2] - Log[4] = 0)
        IExpr rest = ev("Expand[iclSeriesArg1 - (iclSeriesArg2*iclSeriesArg6*iclSeriesLogL + iclSeriesArg3*"
                + "iclSeriesArg6 + iclSeriesArg4*iclSeriesLogL + iclSeriesArg5)]", a2, r11, r10, r01, r00, variable);
        if (!rest.isZero() && !ev("Simplify[iclSeriesArg1]", rest).isZero()) {
            throw unsupported("the growth of a factor is not of the form base^L L^power (left: "
                    + SymjaEngine.excerpt(rest.toString()) + ")");
        }
        IExpr a11 = ev("Simplify[iclSeriesArg1]", r11);
        IExpr a10 = ev("Simplify[iclSeriesArg1]", r10);
        IExpr a01 = ev("Simplify[iclSeriesArg1]", r01);
        IExpr a00 = r00;
        IExpr prefactor = valid(ev("Simplify[PowerExpand[iclSeriesArg1*Exp[iclSeriesArg2 + iclSeriesArg3]]]", c, a00, b0),
                "the prefactor");
        IExpr base = valid(ev("Simplify[Exp[iclSeriesArg1]]", a10), "the base");
        IExpr power = valid(a01, "the power"); // Exp[a01 Log[L]] = L^a01
        IExpr superPower = valid(a11, "the power of L^L"); // Exp[a11 L Log[L]] = L^(a11 L)
        for (IExpr coefficient : coefficients) {
            valid(coefficient, "a coefficient");
        }
        return new IExpr[] {prefactor, base, power, superPower, F.List(coefficients.toArray(new IExpr[0]))};
    }

    /**
     * The term's text from its parts, in this order: prefactor*base^L*L^power*L^(s*L)*(1 + c1/L + ...), so the
     * reader sees the structure (Symja's own printing would split (8/9)^L into 2^(3 L) 3^(-2 L)).
     */
    private SymbolicEngine.ExpansionTerm describe(IExpr[] s) {
        String v = variable.toString();
        String vt = tex(variable);
        List<String> coefficients = new ArrayList<>();
        IAST list = (IAST) s[4];
        List<String> input = new ArrayList<>();
        List<String> tex = new ArrayList<>();
        if (!s[0].isOne()) {
            input.add(group(inputForm(s[0])));
            tex.add(texGroup(s[0]));
        }
        if (!s[1].isOne()) {
            input.add(group(inputForm(s[1])) + "^" + v);
            tex.add("\\left(" + tex(s[1]) + "\\right)^{" + vt + "}");
        }
        if (!s[2].isZero()) {
            input.add(v + "^" + group(inputForm(s[2])));
            tex.add(vt + "^{" + tex(s[2]) + "}");
        }
        if (!s[3].isZero()) {
            input.add(v + "^(" + inputForm(F.Times(s[3], variable)) + ")");
            tex.add(vt + "^{" + tex(F.Times(s[3], variable)) + "}");
        }
        StringBuilder seriesInput = new StringBuilder("1");
        StringBuilder seriesTex = new StringBuilder("1");
        for (int j = 1; j < list.size(); j++) {
            IExpr cj = list.get(j);
            coefficients.add(inputForm(cj));
            if (cj.isZero()) {
                continue;
            }
            appendSigned(seriesInput, correctionInput(cj, v, j));
            appendSigned(seriesTex, correctionTex(cj, vt, j));
        }
        String big = "O(" + v + "^-" + (order + 1) + ")";
        String bigTex = "O\\left(" + vt + "^{-" + (order + 1) + "}\\right)";
        String scaleInput = String.join("*", input);
        String scaleTex = String.join(" ", tex);
        boolean trivial = list.size() == 1 || seriesInput.toString().equals("1");
        String approximation = trivial ? (scaleInput.isEmpty() ? "1" : scaleInput)
                : (scaleInput.isEmpty() ? "" : scaleInput + "*") + "(" + seriesInput + ")";
        String text = (scaleInput.isEmpty() ? "" : scaleInput + "*") + "(" + seriesInput + " + " + big + ")";
        String texForm = scaleTex + (scaleTex.isEmpty() ? "" : " ") + "\\left(" + seriesTex + " + " + bigTex
                + "\\right)";
        return new SymbolicEngine.ExpansionTerm(inputForm(s[0]), inputForm(s[1]), inputForm(s[2]), inputForm(s[3]),
                coefficients, approximation, text, texForm);
    }

    /** c/L^j as "p/(q*L^j)" for a rational c = p/q (Symja would print 5/1024*1/L^3), else "(c)/L^j". */
    private String correctionInput(IExpr c, String v, int j) {
        String power = j == 1 ? v : v + "^" + j;
        if (c.isRational()) {
            IExpr num = ev("Numerator[iclSeriesArg1]", c);
            IExpr den = ev("Denominator[iclSeriesArg1]", c);
            return inputForm(num) + "/" + (den.isOne() ? power : "(" + inputForm(den) + "*" + power + ")");
        }
        return "(" + inputForm(c) + ")/" + power;
    }

    private String correctionTex(IExpr c, String vt, int j) {
        String power = j == 1 ? vt : vt + "^{" + j + "}";
        if (c.isRational()) {
            IExpr num = ev("Numerator[iclSeriesArg1]", c);
            IExpr den = ev("Denominator[iclSeriesArg1]", c);
            String sign = num.isNegative() ? "-" : "";
            String n = tex(num.isNegative() ? num.negate() : num);
            return sign + "\\frac{" + n + "}{" + (den.isOne() ? "" : tex(den) + " ") + power + "}";
        }
        return "\\frac{" + tex(c) + "}{" + power + "}";
    }

    private static void appendSigned(StringBuilder sum, String part) {
        if (part.startsWith("-")) {
            sum.append(" - ").append(part.substring(1).trim());
        } else {
            sum.append(" + ").append(part);
        }
    }

    /** Parenthesised unless a name, a number or a bracketed call (Sqrt[Pi]) or a quotient of such. */
    private static String group(String s) {
        return s.matches("[A-Za-z0-9.]+|[A-Za-z]+\\[[^\\[\\]]*\\]") ? s : "(" + s + ")";
    }

    private String texGroup(IExpr e) {
        String t = tex(e);
        return e.isPlus() ? "\\left(" + t + "\\right)" : t;
    }

    /** u = p/eps + q with p, q free of eps. */
    private IExpr[] linear(IExpr u) {
        IExpr p = ev("Together[iclSeriesArg1*iclSeriesEps] /. iclSeriesEps -> 0", u);
        IExpr q = ev("Simplify[iclSeriesArg1 - iclSeriesArg2/iclSeriesEps]", u, p);
        if (!p.isFree(eps) || !q.isFree(eps) || p.isIndeterminate() || p.isInfinity() || p.isComplexInfinity()) {
            throw unsupported(SymjaEngine.excerpt(u.toString()) + " is not linear in " + variable);
        }
        return new IExpr[] {p, q};
    }

    /** A rational function R(eps) = eps^m g(eps), g(0) finite and non-zero: {m, g}. */
    private IExpr[] rational(IExpr r) {
        IExpr together = ev("Together[iclSeriesArg1]", r);
        IExpr num = ev("Expand[Numerator[iclSeriesArg1]]", together);
        IExpr den = ev("Expand[Denominator[iclSeriesArg1]]", together);
        for (IExpr part : new IExpr[] {num, den}) {
            if (!ev("PolynomialQ[iclSeriesArg1, iclSeriesEps]", part).isTrue()) {
                throw unsupported("the factor " + SymjaEngine.excerpt(r.toString()) + " is not a Gamma function, a "
                        + "power b^" + variable + ", a 2F1 with " + variable + " in its parameters or a rational function of "
                        + variable);
            }
        }
        int m = lowest(num) - lowest(den);
        IExpr g = ev("Together[iclSeriesArg1*iclSeriesEps^(" + (-m) + ")]", together);
        return new IExpr[] {F.ZZ(m), g};
    }

    private int lowest(IExpr polynomial) {
        IAST list = (IAST) ev("CoefficientList[iclSeriesArg1, iclSeriesEps]", polynomial);
        for (int i = 1; i < list.size(); i++) {
            if (!list.get(i).isZero()) {
                return i - 1;
            }
        }
        throw unsupported("a zero factor");
    }

    /** ₂F₁(a, b0 + p/eps, c0 + p/eps; y) = Σ_m H_m(y) (eps/p)^m up to eps^order (large-parameter expansion). */
    private IExpr hypergeometric(IAST f) {
        IExpr a = f.arg1();
        IExpr y = f.arg4();
        IExpr[] b = linear(f.arg2());
        IExpr[] c = linear(f.arg3());
        if (!a.isFree(eps) || !y.isFree(eps) || !ev("Simplify[iclSeriesArg1 - iclSeriesArg2]", b[0], c[0]).isZero()
                || b[0].isZero()) {
            throw unsupported("Hypergeometric2F1 needs L in its 2nd and 3rd parameters alike (a, b + L, c + L; y)");
        }
        if (ev("N[iclSeriesArg1]", y).isNumber()) {
            if (!ev("N[Abs[iclSeriesArg1]] < 1", y).isTrue()) {
                throw unsupported("Hypergeometric2F1 at |y| >= 1 (the large-parameter expansion needs |y| < 1)");
            }
        } else {
            String condition = "Abs[" + inputForm(ev("Simplify[iclSeriesArg1]", y)) + "] < 1";
            if (!conditions.contains(condition)) {
                conditions.add(condition);
            }
        }
        // log of the product over j < k, to order eps^order: Sum_n (-1)^(n+1) eps^n/n S_n(k)
        IExpr logProduct = ev("Sum[(-1)^(iclSeriesN + 1)*(iclSeriesEps/iclSeriesArg3)^iclSeriesN/iclSeriesN*"
                + "Expand[Sum[(iclSeriesArg1 + iclSeriesJ)^iclSeriesN - (iclSeriesArg2 + iclSeriesJ)^iclSeriesN, "
                + "{iclSeriesJ, 0, iclSeriesK - 1}]], {iclSeriesN, 1, " + order + "}]", b[1], c[1], b[0]);
        IExpr sum = F.C0;
        for (int m = 0; m <= order; m++) {
            // P_m(k) = coefficient of eps^m of Exp[logProduct]; then Sum_k (a)_k y^k/k! P_m(k)
            IExpr pm = ev("Expand[(D[Exp[iclSeriesArg1], {iclSeriesEps, " + m + "}] /. iclSeriesEps -> 0)/" + m + "!]",
                    logProduct);
            IAST coefficients = (IAST) ev("CoefficientList[iclSeriesArg1, iclSeriesK]", pm);
            IExpr hm = F.C0;
            IExpr theta = ev("(1 - iclSeriesY)^(-iclSeriesArg1)", a);
            for (int r = 1; r < coefficients.size(); r++) {
                hm = F.Plus(hm, F.Times(coefficients.get(r), theta));
                theta = ev("Together[iclSeriesY*D[iclSeriesArg1, iclSeriesY]]", theta);
            }
            sum = F.Plus(sum, F.Times(F.Power(eps, F.ZZ(m)), hm));
        }
        return ev("Together[iclSeriesArg1 /. iclSeriesY -> iclSeriesArg2]", sum, y);
    }

    private String inputForm(IExpr e) {
        return ev.eval(F.unaryAST1(S.InputForm, e)).toString().trim();
    }

    private String tex(IExpr e) {
        return ev.eval(F.unaryAST1(S.TeXForm, e)).toString().trim();
    }
}
