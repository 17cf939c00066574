package org.iclscale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iclscale.scaling.ComputeFormula;
import org.iclscale.scaling.ExponentTable;
import org.iclscale.scaling.Term;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache of the symbolic columns of {@code exponents} (issue 17 item 6): its key covers what the columns depend
 * on (two points on the same branches derive the same strings; another branch gets another key), and a run served
 * from the cache prints exactly what a run with Symja prints.
 */
class SymbolicColumnsTest {

    @Test
    void pointsOnTheSameBranchesDeriveTheSameColumns() {
        ComputeFormula formula = ComputeFormula.parse("--compute", ComputeFormula.DEFAULT);
        ExponentTable a = new ExponentTable(1.5, 0.8);
        ExponentTable b = new ExponentTable(1.6, 0.7);
        assertEquals(SymbolicColumns.key(1.5, 0.8, a, formula), SymbolicColumns.key(1.6, 0.7, b, formula));
        SymbolicColumns ca = SymbolicColumns.derive(1.5, 0.8, a, formula);
        SymbolicColumns cb = SymbolicColumns.derive(1.6, 0.7, b, formula);
        for (Term t : Term.values()) {
            assertEquals(ca.term(t), cb.term(t), t.key());
        }
        assertEquals(ca.allocation(), cb.allocation());
        // β = 2.5 saturates the context term (ν·min(β, 2)): a different branch, a different key
        ExponentTable c = new ExponentTable(1.25, 2.5);
        assertNotEquals(SymbolicColumns.key(1.5, 0.8, a, formula), SymbolicColumns.key(1.25, 2.5, c, formula));
        assertNotEquals(SymbolicColumns.key(1.5, 0.8, a, formula), SymbolicColumns.key(1.5, 0.8, a,
                ComputeFormula.parse("--compute", "t*N^2*L")));
    }

    @Test
    void aCachedRunPrintsWhatSymjaPrints(@TempDir Path dir) throws Exception {
        String[] args = {"exponents", "--nu", "1.25", "--beta", "0.75", "--compute", "t*N^2*L", "--format", "json"};
        String[] texArgs = {"exponents", "--nu", "1.25", "--beta", "0.75", "--format", "tex"};
        CliHarness.Run live = CliHarness.run(args);
        CliHarness.Run liveTex = CliHarness.run(texArgs);
        assertEquals(0, live.code(), live.err());
        String previous = System.getProperty(SymbolicColumns.CACHE_PROPERTY);
        System.setProperty(SymbolicColumns.CACHE_PROPERTY, dir.toString());
        try {
            ExponentTable table = new ExponentTable(1.25, 0.75);
            ComputeFormula formula = ComputeFormula.parse("--compute", "t*N^2*L");
            assertFalse(SymbolicColumns.of(1.25, 0.75, table, formula).fromCache()); // derives and stores
            assertTrue(SymbolicColumns.of(1.25, 0.75, table, formula).fromCache());
            try (var files = Files.list(dir)) {
                assertEquals(1, files.filter(f -> f.toString().endsWith(".json")).count());
            }
            assertEquals(live.out(), CliHarness.run(args).out());
            assertEquals(liveTex.out(), CliHarness.run(texArgs).out()); // the first stores, the second reads
            assertEquals(liveTex.out(), CliHarness.run(texArgs).out());
        } finally {
            if (previous == null) {
                System.clearProperty(SymbolicColumns.CACHE_PROPERTY);
            } else {
                System.setProperty(SymbolicColumns.CACHE_PROPERTY, previous);
            }
        }
    }
}
