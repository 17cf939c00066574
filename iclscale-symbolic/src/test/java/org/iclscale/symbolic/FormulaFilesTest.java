package org.iclscale.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iclscale.symbolic.FormulaLibrary.Formula;
import org.iclscale.symbolic.FormulaLibrary.FormulaFile;
import org.iclscale.symbolic.FormulaLibrary.Range;
import org.junit.jupiter.api.Test;

/** The formula files parse, carry complete headers and respect the Symja pitfalls; no Symja needed. */
class FormulaFilesTest {

    private static final FormulaLibrary LIB = FormulaLibrary.standard();

    @Test
    void theLibraryHoldsTheIsoSgdFsRrsAndFloorResults() {
        for (String f : List.of("iso-landscape", "iso-optimum", "iso-depth-one", "iso-infinite-depth", "sgd-depth-one",
                "fs-infinite-depth", "rrs-loss", "floors", "errata")) {
            assertTrue(LIB.files().containsKey(f), f);
        }
        for (String s : List.of("isoLoss", "isoOptimalLoss", "isoOptimalGamma", "isoDepthOneLoss", "isoInfiniteDepthLoss",
                "sgdLoss", "sgdGammaDistance", "fsLoss", "rrsLoss", "widthFloorLoss", "contextFloorLoss")) {
            assertTrue(LIB.names().contains(s), s);
        }
    }

    @Test
    void everyMainSymbolExistsInItsFile() {
        for (FormulaFile f : LIB.files().values()) {
            String main = f.header("main");
            if (!main.isEmpty()) {
                assertTrue(f.formulas().stream().anyMatch(x -> x.symbol().equals(main)), f.name() + " main " + main);
            }
        }
    }

    /**
     * Juxtaposition: "f (x)", ") x", "2alpha" (a number, not the digit of a name such as Hypergeometric2F1, followed
     * by a letter), "a b".
     */
    private static final Pattern JUXTAPOSED = Pattern.compile(
            "[\\w)\\]]\\s*\\(|\\)\\s*[\\w(]|(?<![A-Za-z0-9])\\d+[A-Za-z]|[A-Za-z0-9]\\s+[A-Za-z0-9(]");

    /** design.md: juxtaposition parses wrongly ((a) (b)^2 is (a b)^2): always write '*'. */
    @Test
    void noFormulaUsesJuxtaposition() {
        Pattern juxtaposed = JUXTAPOSED;
        for (FormulaFile f : LIB.files().values()) {
            for (Formula x : f.formulas()) {
                Matcher m = juxtaposed.matcher(x.rhs());
                assertFalse(m.find(), () -> f.name() + ": " + x.symbol() + " juxtaposes at '" + m.group() + "': " + x.rhs());
            }
        }
    }

    @Test
    void theJuxtapositionGuardCatchesTheKnownBadForms() {
        Pattern juxtaposed = JUXTAPOSED;
        for (String bad : List.of("(a) (b)^2", "2alpha", "alpha beta", "(1 + a)x", "f (x)",
                "1 + 12L", "0.5alpha")) {
            assertTrue(juxtaposed.matcher(bad).find(), bad);
        }
        for (String good : List.of("(a)*(b)^2", "2*alpha", "Sum[k^(-nu), {k, 1, dim}]", "1 - (a/(1 + a))",
                "Hypergeometric2F1[1, L + 1/2, L + 2, 4*x]")) {
            assertFalse(juxtaposed.matcher(good).find(), good);
        }
    }

    /** Single capitals N, C, D, E, I, O are built-ins; capitalised names must be built-in functions or L. */
    @Test
    void noBuiltInCapitalIsUsedAsAVariable() {
        Pattern capital = Pattern.compile("\\b([A-Z][A-Za-z0-9]*+)\\b(?!\\s*\\[)");
        Set<String> allowed = Set.of("L", "Pi", "Infinity", "True", "False");
        for (FormulaFile f : LIB.files().values()) {
            for (Formula x : f.formulas()) {
                Matcher m = capital.matcher(x.rhs());
                while (m.find()) {
                    assertTrue(allowed.contains(m.group(1)), f.name() + ": " + x.symbol() + " uses " + m.group(1));
                }
            }
            for (Range r : f.domain()) {
                assertFalse(Set.of("N", "C", "D", "E", "I", "O").contains(r.variable()), f.name() + ": " + r.variable());
            }
        }
    }

    /** Every free variable of every definition (textually) lies in its file's domain, so check can sample it. */
    @Test
    void everyFreeVariableHasADomain() {
        Pattern ident = Pattern.compile("(?<![\\w$])([a-z][A-Za-z0-9]*+)(?!\\s*\\[)(?!_)");
        Pattern iterator = Pattern.compile("\\{\\s*([a-z][A-Za-z0-9]*)\\s*,");
        Pattern argument = Pattern.compile("([a-z][A-Za-z0-9]*)_");
        Pattern local = Pattern.compile("[{,]\\s*([a-z][A-Za-z0-9]*)\\s*=");
        for (FormulaFile f : LIB.files().values()) {
            Set<String> domain = new HashSet<>(f.domainVariables());
            for (Formula x : f.formulas()) {
                Set<String> bound = new HashSet<>();
                for (Pattern p : List.of(iterator, argument, local)) {
                    Matcher m = p.matcher(x.rhs() + " " + x.lhs());
                    while (m.find()) {
                        bound.add(m.group(1));
                    }
                }
                Matcher m = ident.matcher(x.rhs());
                while (m.find()) {
                    String v = m.group(1);
                    if (LIB.symbols().contains(v) || bound.contains(v)) {
                        continue;
                    }
                    assertTrue(domain.contains(v), f.name() + ": " + x.symbol() + " uses " + v + " outside domain " + domain);
                }
            }
        }
    }

    @Test
    void headersAndDomainsParse() {
        FormulaFile f = LIB.file("iso-optimum");
        assertEquals("alpha", f.domain().get(0).variable());
        Range depth = f.domain().get(1);
        assertTrue(depth.integer());
        assertEquals(1.0, depth.at(0.0));
        assertEquals(12.0, depth.at(0.999999));
        Range alpha = f.domain().get(0);
        assertTrue(alpha.at(0.0) > 0, "open lower end avoided");
        assertTrue(f.header("source").contains("paper-notes"));
    }

    @Test
    void malformedFilesAreRejectedWithTheReason() {
        String header = "(*\nname: bad\ntitle: t\nsource: s\nassumptions: a\ndomain: x (0, 1]\nvariables: x\n*)\n";
        assertThrows(IllegalStateException.class, () -> FormulaLibrary.of(Map.of("bad.m", header + "y = x^2;")));
        assertThrows(IllegalStateException.class, () -> FormulaLibrary.of(Map.of("bad.m", "y := x;")));
        assertThrows(IllegalStateException.class, () -> FormulaLibrary.of(Map.of("other.m", header + "y := x;")));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FormulaLibrary.of(Map.of("bad.m", header.replace("x (0, 1]", "x from 0 to 1") + "y := x;")));
        assertTrue(e.getMessage().contains("domain"), e.getMessage());
        FormulaLibrary ok = FormulaLibrary.of(Map.of("bad.m", header + "y := x^2; (* note *)\nf[u_] := u*y;"));
        assertEquals(List.of("y"), ok.names());
        assertTrue(ok.formula("f").isFunction());
    }
}
