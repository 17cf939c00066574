package org.iclscale.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.iclscale.io.Report;
import org.iclscale.scaling.ComputeFormula;
import org.iclscale.scaling.ComputeOptimal;
import org.iclscale.scaling.ExponentTable;
import org.iclscale.symbolic.SymbolicScaling;
import org.iclscale.scaling.Term;
import org.iclscale.scaling.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exponents}: the exponent table at (ν, β) (paper Result 8, notes §5.2): each term is a tail sum of
 * {@code formulas/scaling-exponents.m}, its exponent derived by the general rule (numeric) and by Symja
 * (symbolic, TeX), with the regime, the dominant part and the paper's printed value; the compute-optimal
 * exponents of C from the Lagrange conditions for {@code --compute}; {@code --verify} fits local slopes of the
 * exact losses.
 */
@Command(name = "exponents", mixinStandardHelpOptions = true,
        description = {"Scaling exponents of the loss in time, depth, width, context (RRS), FS time and full-attention time,",
            "numeric and symbolic (TeX), with regimes and the paper's stated values; compute-optimal exponents of C.",
            "--verify fits the local slope of the exact loss (power law at D = inf) along each resource."})
public final class ExponentsCommand extends Verb {

    @Mixin
    ScalingOptions exponents;

    @Option(names = "--compute", defaultValue = ComputeFormula.DEFAULT,
            description = "compute formula, a product of powers of t, N, L, P (default ${DEFAULT-VALUE}, Result 8)")
    String computeText;

    @Option(names = "--verify", description = "fit local slopes of the exact losses and compare with the exponents")
    boolean verify;

    @Option(names = "--numeric-only", description = "skip the symbolic (Symja) derivation")
    boolean numericOnly;

    @Override
    protected Report compute() {
        double nu = exponents.nu();
        double beta = exponents.beta();
        ComputeFormula formula = ComputeFormula.parse("--compute", computeText);
        ExponentTable table = new ExponentTable(nu, beta);
        Report r = new Report("exponents").put("nu", nu).put("beta", beta).put("compute", formula.text());
        for (Term t : Term.values()) {
            r.put(t.key(), table.exponent(t));
        }
        ComputeOptimal opt = ComputeOptimal.of(table, formula);
        Map<String, Object> co = new LinkedHashMap<>();
        co.put("loss", opt.loss());
        co.put("time", opt.resources().get('t'));
        co.put("width", opt.resources().get('N'));
        co.put("depth", opt.resources().get('L'));
        co.put("context", opt.resources().get('P'));
        if (!Double.isNaN(opt.depthPerWidth())) {
            co.put("depthPerWidth", opt.depthPerWidth());
        }
        SymbolicScaling sym = numericOnly ? null : SymbolicScaling.of(nu, beta, BuildCache.directory());
        Map<String, Object> rows = new LinkedHashMap<>();
        StringBuilder tex = new StringBuilder("\\begin{tabular}{llll}\nresource & exponent & regime & paper\\\\\n\\hline\n");
        for (Term t : Term.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            double value = table.exponent(t);
            double paper = table.paperExponent(t);
            row.put("exponent", value);
            row.put("regime", table.tailSum(t).regime(nu, beta));
            row.put("dominant", table.tailSum(t).dominant(nu, beta));
            row.put("lossTerm", t.description());
            row.put("paperValue", paper);
            boolean differs = Math.abs(paper - value) > 1e-12 * Math.max(1, value);
            row.put("differsFromPaper", differs);
            if (sym != null) {
                SymbolicScaling.SymbolicExponent s = sym.exponent(table.tailSum(t));
                row.put("expression", s.branch());
                row.put("tex", s.branchTex());
                row.put("general", s.general());
                row.put("condition", s.condition());
                row.put("paper", s.paper());
                row.put("paperTex", s.paperTex());
                row.put("paperFormulaMatchesUnsaturated", s.paperEqualsUnsaturated());
                tex.append(t.key()).append(" & $").append(s.branchTex()).append(" = ").append(fmt(value)).append("$ & $")
                        .append(s.conditionTex()).append("$ & $").append(s.paperTex()).append(differs ? "$ (differs)" : "$")
                        .append("\\\\\n");
            }
            rows.put(t.key(), row);
        }
        if (sym != null) {
            SymbolicScaling.SymbolicAllocation a = sym.allocation(table, formula, Term.TIME);
            co.put("expressions", a.exponents());
            co.put("tex", a.tex());
            if (a.depthPerWidth() != null) {
                co.put("depthPerWidthExpression", a.depthPerWidth());
                co.put("depthPerWidthTex", a.depthPerWidthTex());
            }
            co.put("lagrangeSystem", a.lagrangeSystem());
            tex.append("\\end{tabular}\n\n$\\mathcal L^* \\propto C^{-").append(a.tex().get("loss")).append("}$");
            if (a.depthPerWidthTex() != null) {
                tex.append(", $L^* \\propto N^{*").append(a.depthPerWidthTex()).append("}$");
            }
            tex.append('\n');
            r.tex(tex.toString());
        }
        r.put("computeOptimal", co);
        r.put("table", rows);
        if (verify) {
            r.put("verify", Verification.run(nu, beta, table));
        }
        r.put("method", "tail-sum rule (q/p)*min(s, p*m) on formulas/scaling-exponents.m, flow rule a/(a+2) for trained "
                + "parameters; Lagrange a_i eps_i = e, sum b_i eps_i = 1 for C" + (sym != null ? "; symbolic via Symja" : ""));
        r.note("width: the paper's N^-(nu beta) holds only for beta < 1 (exact floor ~ N^-nu min(beta,1)); context: "
                + "nu min(beta,2); FS time: paper beta/(nu+nu beta+1), consistent nu beta/(nu beta+2nu+1) (notes 3.3, 3.5, 8)");
        return r;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
