package org.iclscale.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iclscale.core.InvalidInputException;
import org.iclscale.io.OutputFormat;
import org.iclscale.io.Report;
import org.iclscale.model.ExponentsResult;
import org.iclscale.model.Theory;
import org.iclscale.scaling.ComputeFormula;
import org.iclscale.scaling.ComputeOptimal;
import org.iclscale.scaling.ExponentTable;
import org.iclscale.scaling.Term;
import org.iclscale.symbolic.SymbolicScaling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exponents}: the exponent table at (ν, β) (paper Result 8, notes §5.2): each term is a tail sum of
 * {@code formulas/scaling-exponents.m}, its exponent derived by the general rule (numeric) and by Symja
 * (symbolic, TeX), with the regime, the dominant part and the paper's printed value; the compute-optimal
 * exponents of C from the Lagrange conditions for {@code --compute}; {@code --verify} fits local slopes of the
 * exact losses. Lists and ranges of ν and β give one row per pair; {@code --format table} prints a table
 * ({@link ExponentTableText}), {@code tex} a booktabs table ({@link ExponentTableTex}), csv/json the fields;
 * {@code --regime-diagram} writes the (ν, β) plane as data and a plot ({@link RegimeDiagramFiles}).
 *
 * <p>The numeric path ({@code --numeric-only}, the regime diagram) never starts Symja.
 */
@Command(name = "exponents", mixinStandardHelpOptions = true,
        description = {"Scaling exponents of the loss in time, depth, width, context (RRS), FS time and full-attention time,",
            "numeric and symbolic (TeX), with regimes and the paper's stated values; compute-optimal exponents of C.",
            "--nu/--beta take lists and ranges (1.25,1.5 or 0.5:2:lin:4): one row per (nu, beta) pair.",
            "--verify fits the local slope of the exact loss (power law at D = inf) along each resource.",
            "--regime-diagram BASE writes BASE.csv, BASE-boundaries.csv and BASE.png/.svg over the (nu, beta) grid."})
public final class ExponentsCommand extends Verb {

    /** Most (ν, β) pairs of one table (each pair costs a symbolic derivation). */
    static final int MAX_PAIRS = 400;

    @Mixin
    ScalingOptions exponents;

    @Option(names = "--compute", defaultValue = ComputeFormula.DEFAULT,
            description = "compute formula, a product of powers of t, N, L, P (default ${DEFAULT-VALUE}, Result 8)")
    String computeText;

    @Option(names = "--verify", description = "fit local slopes of the exact losses and compare with the exponents (one pair)")
    boolean verify;

    @Option(names = "--numeric-only", description = "skip the symbolic (Symja) derivation")
    boolean numericOnly;

    @Option(names = "--regime-diagram", paramLabel = "BASE",
            description = "write the regime diagram over the (nu, beta) grid of --nu/--beta: BASE.csv, BASE-boundaries.csv, BASE.png, BASE.svg")
    Path regimeDiagram;

    @Override
    public Integer call() {
        List<double[]> pairs = pairs();
        ComputeFormula formula = ComputeFormula.parse("--compute", computeText);
        if (regimeDiagram != null) {
            Report r = RegimeDiagramFiles.write(regimeDiagram, exponents.nus(), exponents.betas());
            output.format().writer().write(r, spec.commandLine().getOut());
            return Main.EXIT_OK;
        }
        if (verify && pairs.size() > 1) {
            throw new InvalidInputException("--verify", "takes one (nu, beta) pair, got " + pairs.size());
        }
        OutputFormat format = output.format();
        java.io.PrintWriter out = spec.commandLine().getOut();
        if (pairs.size() == 1) {
            Built b = build(pairs.get(0)[0], pairs.get(0)[1], formula);
            if (format == OutputFormat.TABLE) {
                out.print(ExponentTableText.single(b.summary(), b.report().notes()));
                out.flush();
                return Main.EXIT_OK;
            }
            if (format == OutputFormat.TEX) {
                b.report().tex(ExponentTableTex.single(b.summary()));
            }
            format.writer().write(b.report(), out);
            return Main.EXIT_OK;
        }
        List<Built> all = new ArrayList<>();
        for (double[] p : pairs) {
            all.add(build(p[0], p[1], formula));
        }
        List<ExponentSummary> summaries = all.stream().map(Built::summary).toList();
        List<String> notes = all.get(0).report().notes();
        switch (format) {
            case TABLE -> {
                out.print(ExponentTableText.multiple(summaries, notes));
                out.flush();
            }
            case TEX -> {
                Report r = new Report("exponents");
                r.tex(ExponentTableTex.multiple(summaries));
                format.writer().write(r, out);
            }
            case JSON -> {
                Report r = new Report("exponents").put("compute", formula.text());
                r.put("nu", exponents.nus()).put("beta", exponents.betas());
                List<Object> list = new ArrayList<>();
                for (Built b : all) {
                    list.add(new LinkedHashMap<>(b.report().fields()));
                }
                r.put("pairs", list);
                notes.forEach(r::note);
                format.writer().write(r, out);
            }
            default -> format.writer().write(csv(summaries, formula), out);
        }
        return Main.EXIT_OK;
    }

    /** One pair's report (what {@code sweep exponents} collects per point; lists are the sweep's to expand). */
    @Override
    protected Report compute() {
        ComputeFormula formula = ComputeFormula.parse("--compute", computeText);
        Built b = build(exponents.nu(), exponents.beta(), formula);
        if (output.format() == OutputFormat.TEX) {
            b.report().tex(ExponentTableTex.single(b.summary()));
        }
        return b.report();
    }

    /** The (ν, β) pairs: the cartesian product of the --nu and --beta lists (ν slowest). */
    private List<double[]> pairs() {
        List<Double> nus = exponents.nus();
        List<Double> betas = exponents.betas();
        if ((long) nus.size() * betas.size() > MAX_PAIRS && regimeDiagram == null) {
            throw new InvalidInputException("--beta", nus.size() * (long) betas.size() + " (nu, beta) pairs is more than "
                    + MAX_PAIRS + " (use --regime-diagram for a grid)");
        }
        List<double[]> out = new ArrayList<>();
        for (double nu : nus) {
            for (double beta : betas) {
                out.add(new double[] {nu, beta});
            }
        }
        return out;
    }

    /** One pair's report (the fields of the single-pair JSON/CSV, unchanged) and its rows. */
    private record Built(Report report, ExponentSummary summary) {
    }

    private Built build(double nu, double beta, ComputeFormula formula) {
        ExponentsResult result = Theory.standard().exponents(nu, beta, formula, verify);
        ExponentTable table = result.table();
        Report r = new Report("exponents").put("nu", nu).put("beta", beta).put("compute", formula.text());
        for (Term t : Term.values()) {
            r.put(t.key(), result.terms().get(t).exponent());
        }
        ComputeOptimal opt = result.computeOptimal();
        Map<String, Object> co = new LinkedHashMap<>();
        co.put("loss", opt.loss());
        co.put("time", opt.resources().get('t'));
        co.put("width", opt.resources().get('N'));
        co.put("depth", opt.resources().get('L'));
        co.put("context", opt.resources().get('P'));
        result.depthPerWidth().ifPresent(rho -> co.put("depthPerWidth", rho));
        SymbolicScaling sym = numericOnly ? null : SymbolicSide.scaling(nu, beta);
        Map<String, Object> rows = new LinkedHashMap<>();
        for (Term t : Term.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            ExponentsResult.Exponent e = result.terms().get(t);
            row.put("exponent", e.exponent());
            row.put("regime", e.regime());
            row.put("dominant", e.dominant());
            row.put("lossTerm", e.lossTerm());
            row.put("paperValue", e.paperValue());
            row.put("differsFromPaper", e.differsFromPaper());
            if (sym != null) {
                SymbolicScaling.SymbolicExponent s = sym.exponent(table.tailSum(t));
                row.put("expression", s.branch());
                row.put("tex", s.branchTex());
                row.put("general", s.general());
                row.put("condition", s.condition());
                row.put("paper", s.paper());
                row.put("paperTex", s.paperTex());
                row.put("paperFormulaMatchesUnsaturated", s.paperEqualsUnsaturated());
            }
            rows.put(t.key(), row);
        }
        SymbolicScaling.SymbolicAllocation allocation = null;
        if (sym != null) {
            allocation = sym.allocation(table, formula, Term.TIME);
            co.put("expressions", allocation.exponents());
            co.put("tex", allocation.tex());
            if (allocation.depthPerWidth() != null) {
                co.put("depthPerWidthExpression", allocation.depthPerWidth());
                co.put("depthPerWidthTex", allocation.depthPerWidthTex());
            }
            co.put("lagrangeSystem", allocation.lagrangeSystem());
        }
        r.put("computeOptimal", co);
        r.put("table", rows);
        result.verification().ifPresent(v -> r.put("verify", v.asMap()));
        r.put("method", result.method() + (sym != null ? "; symbolic via Symja" : ""));
        result.notes().forEach(r::note);
        return new Built(r, ExponentSummary.of(table, formula, opt, sym, allocation));
    }

    /** Several pairs as CSV: one row per pair, a column per exponent and per differs-from-paper flag (0/1). */
    private static Report csv(List<ExponentSummary> pairs, ComputeFormula formula) {
        Report r = new Report("exponents");
        int n = pairs.size();
        r.column("nu", pairs.stream().mapToDouble(ExponentSummary::nu).toArray());
        r.column("beta", pairs.stream().mapToDouble(ExponentSummary::beta).toArray());
        List<ExponentSummary.Row> rows = pairs.get(0).rows();
        for (int i = 0; i < rows.size(); i++) {
            double[] v = new double[n];
            for (int k = 0; k < n; k++) {
                v[k] = pairs.get(k).rows().get(i).exponent();
            }
            r.column(rows.get(i).key(), v);
        }
        for (int i = 0; i < rows.size(); i++) {
            if (Double.isNaN(rows.get(i).paper())) {
                continue;
            }
            double[] d = new double[n];
            for (int k = 0; k < n; k++) {
                d[k] = pairs.get(k).rows().get(i).differs() ? 1 : 0;
            }
            r.column(rows.get(i).key() + "DiffersFromPaper", d);
        }
        r.put("compute", formula.text());
        return r;
    }

    /** Keeps the Symja-dependent construction out of the numeric path (a class loaded only when called). */
    private static final class SymbolicSide {
        static SymbolicScaling scaling(double nu, double beta) {
            return SymbolicScaling.of(nu, beta, BuildCache.directory());
        }
    }
}
