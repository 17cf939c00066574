package org.iclscale.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iclscale.io.FormulaFiles;
import org.iclscale.scaling.ComputeFormula;
import org.iclscale.scaling.ExponentTable;
import org.iclscale.scaling.TailSum;
import org.iclscale.scaling.Term;
import org.iclscale.symbolic.SymbolicScaling;

/**
 * The symbolic columns that {@code exponents} prints (the branch expressions, TeX, conditions, the paper's forms
 * and the compute-optimal expressions), derived by Symja ({@link SymbolicScaling}) or read from a cache.
 *
 * <p>These strings depend on (ν, β) only through the branch each term is on (saturated or not, exponential filter
 * or not), and otherwise on the compute formula and the formula files; starting Symja costs ~1–3 CPU-s, most of a
 * symbolic {@code exponents} run (issue 17 item 6). The launcher sets the system property {@value #CACHE_PROPERTY}
 * to a directory of the build (wiped by each build); there a derivation is stored as JSON under a key of exactly
 * those inputs (plus the size and date of the symbolic module's jar), and a later run with the same key prints the
 * same columns without loading Symja. Without the property (tests, an embedding JVM) nothing is cached.
 */
final class SymbolicColumns {

    /** The system property naming the cache directory (unset: no cache). */
    static final String CACHE_PROPERTY = "iclscale.cache";

    /** Bumped when the stored layout changes. */
    private static final String FORMAT = "symbolic-columns-1";

    /** One row's symbolic columns (the keys of the {@code table.<term>} object, plus the TeX of the condition). */
    record TermColumns(String expression, String tex, String general, String condition, String conditionTex,
            String paper, String paperTex, boolean paperFormulaMatchesUnsaturated) {
    }

    /** The symbolic compute-optimal columns. */
    record AllocationColumns(Map<String, String> expressions, Map<String, String> tex, String depthPerWidth,
            String depthPerWidthTex, String lagrangeSystem) {
    }

    private final Map<Term, TermColumns> terms;
    private final AllocationColumns allocation;
    private final boolean fromCache;

    private SymbolicColumns(Map<Term, TermColumns> terms, AllocationColumns allocation, boolean fromCache) {
        this.terms = terms;
        this.allocation = allocation;
        this.fromCache = fromCache;
    }

    TermColumns term(Term t) {
        return terms.get(t);
    }

    AllocationColumns allocation() {
        return allocation;
    }

    /** Whether these columns were read from the cache (Symja not started). */
    boolean fromCache() {
        return fromCache;
    }

    /** The columns at (ν, β) for {@code formula}: from the cache when the launcher provides one, else derived. */
    static SymbolicColumns of(double nu, double beta, ExponentTable table, ComputeFormula formula) {
        String dir = System.getProperty(CACHE_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return derive(nu, beta, table, formula);
        }
        Path file = Path.of(dir, "exponents-" + sha256(key(nu, beta, table, formula)).substring(0, 32) + ".json");
        SymbolicColumns cached = read(file);
        if (cached != null) {
            return cached;
        }
        SymbolicColumns derived = derive(nu, beta, table, formula);
        write(file, derived);
        return derived;
    }

    /** Derives the columns with Symja. */
    static SymbolicColumns derive(double nu, double beta, ExponentTable table, ComputeFormula formula) {
        SymbolicScaling sym = new SymbolicScaling(nu, beta);
        Map<Term, TermColumns> terms = new EnumMap<>(Term.class);
        for (Term t : Term.values()) {
            SymbolicScaling.SymbolicExponent s = sym.exponent(table.tailSum(t));
            terms.put(t, new TermColumns(s.branch(), s.branchTex(), s.general(), s.condition(), s.conditionTex(),
                    s.paper(), s.paperTex(), s.paperEqualsUnsaturated()));
        }
        SymbolicScaling.SymbolicAllocation a = sym.allocation(table, formula, Term.TIME);
        return new SymbolicColumns(terms, new AllocationColumns(new LinkedHashMap<>(a.exponents()),
                new LinkedHashMap<>(a.tex()), a.depthPerWidth(), a.depthPerWidthTex(), a.lagrangeSystem()), false);
    }

    /** Everything the columns depend on (see the class comment). */
    static String key(double nu, double beta, ExponentTable table, ComputeFormula formula) {
        StringBuilder k = new StringBuilder(FORMAT).append('\n').append(formula.text()).append('\n');
        for (Term t : Term.values()) {
            TailSum ts = table.tailSum(t);
            k.append(t.key()).append(ts.saturated(nu, beta) ? " saturated" : " unsaturated")
                    .append(Double.isInfinite(ts.parameters(nu, beta)[3]) ? " exponential" : "").append('\n');
        }
        k.append(FormulaFiles.read(ExponentTable.FORMULA_FILE + ".m")).append('\n')
                .append(FormulaFiles.read("compute-optimal.m")).append('\n').append(symbolicJar());
        return k.toString();
    }

    /** Size and date of the jar (or class folder) that holds {@link SymbolicScaling}. */
    private static String symbolicJar() {
        try {
            Path p = Path.of(SymbolicScaling.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown " + System.nanoTime(); // no stable identity: never reuse
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SymbolicColumns read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (!FORMAT.equals(root.path("format").asText())) {
                return null;
            }
            Map<Term, TermColumns> terms = new EnumMap<>(Term.class);
            for (Term t : Term.values()) {
                JsonNode n = root.path("terms").path(t.key());
                if (n.isMissingNode()) {
                    return null;
                }
                terms.put(t, new TermColumns(n.path("expression").asText(), n.path("tex").asText(),
                        n.path("general").asText(), n.path("condition").asText(), n.path("conditionTex").asText(),
                        n.path("paper").asText(), n.path("paperTex").asText(),
                        n.path("paperFormulaMatchesUnsaturated").asBoolean()));
            }
            JsonNode a = root.path("allocation");
            return new SymbolicColumns(terms, new AllocationColumns(strings(a.path("expressions")),
                    strings(a.path("tex")), text(a.path("depthPerWidth")), text(a.path("depthPerWidthTex")),
                    a.path("lagrangeSystem").asText()), true);
        } catch (IOException | RuntimeException e) {
            return null; // unreadable (e.g. written by another version): derive again
        }
    }

    private static void write(Path file, SymbolicColumns c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode terms = root.putObject("terms");
        for (Map.Entry<Term, TermColumns> e : c.terms.entrySet()) {
            TermColumns t = e.getValue();
            ObjectNode n = terms.putObject(e.getKey().key());
            n.put("expression", t.expression()).put("tex", t.tex()).put("general", t.general())
                    .put("condition", t.condition()).put("conditionTex", t.conditionTex()).put("paper", t.paper())
                    .put("paperTex", t.paperTex()).put("paperFormulaMatchesUnsaturated", t.paperFormulaMatchesUnsaturated());
        }
        ObjectNode a = root.putObject("allocation");
        a.set("expressions", JSON.valueToTree(c.allocation.expressions()));
        a.set("tex", JSON.valueToTree(c.allocation.tex()));
        a.put("depthPerWidth", c.allocation.depthPerWidth());
        a.put("depthPerWidthTex", c.allocation.depthPerWidthTex());
        a.put("lagrangeSystem", c.allocation.lagrangeSystem());
        try {
            Files.createDirectories(file.getParent());
            // written aside and moved into place: two launchers never see a partial file
            Path tmp = Files.createTempFile(file.getParent(), "exponents-", ".tmp");
            Files.write(tmp, JSON.writeValueAsBytes(root));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written only costs the next run its Symja start
        }
    }

    private static Map<String, String> strings(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    private static String text(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
