package org.iclscale.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iclscale.symbolic.ExpressionPolicy.Vocabulary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User input through {@link SymbolicEngine#parse}: the allow-list, nothing evaluated while parsing (Symja's own
 * converters run {@code Get["file"]} on the spot), the time limit, and that the allow-list itself names real
 * Symja built-ins.
 */
class UserExpressionTest {

    static SymbolicEngine engine;
    static Vocabulary vocabulary;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        engine = SymbolicEngine.get();
        FormulaLibrary lib = FormulaLibrary.standard();
        lib.define(engine);
        vocabulary = lib.vocabulary(List.of("alpha", "L"), "a variable of isoOptimalLoss");
    }

    private static SymbolicException refusal(String text) {
        SymbolicException e = assertThrows(SymbolicException.class, () -> engine.parse(text, vocabulary), text);
        assertTrue(e.isBadInput(), text + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        return e;
    }

    @Test
    void mathematicsParsesAndEvaluatesToTheSameNumbers() {
        UserExpression e = engine.parse("1 - (alpha/(1+alpha))*Sum[CatalanNumber[n]*isoCatalanX^n, {n, 0, L - 1}]", vocabulary);
        assertEquals(List.of("L", "alpha"), e.freeVariables(), "n is bound, isoCatalanX is a library value");
        Map<String, Double> at = Map.of("alpha", 0.7, "L", 3.0);
        assertEquals(engine.numeric("isoOptimalLoss", at), engine.numeric(e, at), 1e-15);
        UserExpression special = engine.parse("Gamma[L + 1/2]/(Sqrt[Pi]*Gamma[L + 1]) + Piecewise[{{1, alpha < 1}}, 0]"
                + " + mpMoment[2, alpha] + Max[0, 1 - alpha]*ArcTan[alpha]", vocabulary);
        assertTrue(Double.isFinite(engine.numeric(special, at)));
    }

    @Test
    void everyAllowedNameIsASymjaBuiltIn() {
        // a typo in the allow-list would silently allow a user symbol of that name as a head
        for (String f : ExpressionPolicy.functions()) {
            assertEquals("\"System`\"", engine.evaluate("Context[" + f + "]"), f);
        }
        for (String c : List.of("Pi", "E", "EulerGamma", "Catalan", "GoldenRatio", "Degree")) {
            assertTrue(engine.numeric(c, Map.of()) > 0, c);
        }
    }

    @Test
    void parsingEvaluatesNothing() throws IOException {
        // AST2Expr and ExprParser evaluate Get["file"] during conversion: the check must come first
        Path side = dir.resolve("side-effect.m");
        Path marker = dir.resolve("marker.txt");
        Files.writeString(side, "Export[\"" + marker.toString().replace('\\', '/') + "\", 1]");
        SymbolicException e = refusal("Get[\"" + side.toString().replace('\\', '/') + "\"]");
        assertTrue(e.getMessage().startsWith("Get is refused (file access)"), e.getMessage());
        assertFalse(Files.exists(marker));
    }

    @Test
    void everyKnownDangerousHeadIsRefusedByName() {
        for (String head : List.of("Export", "Import", "Get", "Put", "OpenWrite", "ReadString", "WriteString", "CreateFile",
                "CopyFile", "DeleteFile", "Run", "RunProcess", "JavaNew", "LoadJavaClass", "URLFetch", "Environment",
                "SystemDialogInput", "Input", "Set", "SetDelayed", "Unprotect", "ClearAll", "ToExpression", "Module",
                "Function", "Compile", "TimeConstrained")) {
            SymbolicException e = refusal(head + "[1]");
            assertTrue(e.getMessage().startsWith(head + " is refused (" + ExpressionPolicy.family(head) + ")"), e.getMessage());
        }
        assertTrue(refusal("(1+alpha)**-1").getMessage().contains("use ^"));
        assertTrue(refusal("$UserName").getMessage().startsWith("$UserName is refused"));
        assertTrue(refusal("x_").getMessage().contains("pattern"));
        assertTrue(refusal("\"text\"").getMessage().contains("string"));
        assertTrue(refusal("sin[alpha]").getMessage().contains("did you mean Sin?"));
        assertTrue(refusal("alpah").getMessage().contains("did you mean alpha?"));
        assertTrue(refusal("1e-3*alpha").getMessage().contains("10^-3"));
        assertTrue(refusal("Infinity").getMessage().contains("--series"));
        assertTrue(refusal("N").getMessage().contains("built-in"));
        assertTrue(refusal("Sum[n, {n, 1, 2000000}]").getMessage().contains("2000000 terms"));
        assertTrue(refusal("Sum[n, n]").getMessage().contains("iterators"));
        assertTrue(refusal("Sum[isoCatalanX, {isoCatalanX, 1, 3}]").getMessage().contains("fresh name"));
    }

    @Test
    void aTimeLimitStopsALongEvaluation() {
        UserExpression slow = engine.parse("Sum[1/n^3, {n, 1, 10^7}]", Vocabulary.constants());
        long t0 = System.nanoTime();
        SymbolicException e;
        try (SymbolicEngine.TimeLimit limit = engine.timeLimit(Duration.ofMillis(1500))) {
            e = assertThrows(SymbolicException.class, () -> engine.numeric(slow, Map.of()));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(e.isLimit(), e.getMessage());
        assertTrue(e.getMessage().contains("time limit of 1.5 s"), e.getMessage());
        assertTrue(seconds < 1.5 + 3, seconds + " s");
        // nested limits keep the earlier deadline; the engine is usable afterwards
        try (SymbolicEngine.TimeLimit outer = engine.timeLimit(Duration.ofSeconds(60));
                SymbolicEngine.TimeLimit inner = engine.timeLimit(Duration.ofMillis(500))) {
            assertThrows(SymbolicException.class, () -> engine.numeric(slow, Map.of()));
        }
        assertEquals(2.0, engine.numeric(engine.parse("1 + 1", Vocabulary.constants()), Map.of()));
    }

    @Test
    void constantVocabularyRefusesVariablesAndLibrarySymbols() {
        Vocabulary constants = Vocabulary.constants();
        assertEquals(0.5, engine.numeric(engine.parse("1/2", constants), Map.of()));
        assertEquals(Math.PI / 4, engine.numeric(engine.parse("Pi/4", constants), Map.of()), 1e-15);
        SymbolicException e = assertThrows(SymbolicException.class, () -> engine.parse("alpha", constants));
        assertTrue(e.getMessage().contains("a constant"), e.getMessage());
        assertThrows(SymbolicException.class, () -> engine.parse("isoOptimalLoss", constants));
        assertEquals(Set.of(), Set.copyOf(engine.parse("2*Pi", constants).freeVariables()));
    }
}
