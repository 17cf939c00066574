package org.iclscale.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.iclscale.scaling.ComputeFormula;
import org.iclscale.scaling.ComputeOptimal;
import org.iclscale.scaling.ExponentTable;
import org.iclscale.scaling.Term;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache of symbolic derivations (issue 17 item 6): a point on the branches of a stored derivation gets the
 * stored strings without the engine, and they are right there (equal to a fresh derivation at that point and, as
 * numbers at that point, to the numeric rule); another branch, compute formula or code identity derives anew.
 */
class DerivationCacheTest {

    private static final String CODE = "test-code-identity";

    @Test
    void aPointOnTheSameBranchesReusesTheDerivation(@TempDir Path dir) {
        ComputeFormula formula = ComputeFormula.parse("c", ComputeFormula.DEFAULT);
        SymbolicScaling first = SymbolicScaling.of(1.5, 0.8, new DerivationCache(dir, CODE));
        ExponentTable a = new ExponentTable(1.5, 0.8);
        for (Term t : Term.values()) {
            first.exponent(a.tailSum(t));
        }
        first.allocation(a, formula, Term.TIME);
        assertTrue(first.usedEngine());

        // (1.6, 0.7) is on the same branches as (1.5, 0.8): every string comes from the cache
        ExponentTable b = new ExponentTable(1.6, 0.7);
        SymbolicScaling cached = SymbolicScaling.of(1.6, 0.7, new DerivationCache(dir, CODE));
        SymbolicScaling fresh = new SymbolicScaling(1.6, 0.7);
        for (Term t : Term.values()) {
            SymbolicScaling.SymbolicExponent e = cached.exponent(b.tailSum(t));
            assertEquals(fresh.exponent(b.tailSum(t)), e, t.key());
        }
        SymbolicScaling.SymbolicAllocation alloc = cached.allocation(b, formula, Term.TIME);
        assertFalse(cached.usedEngine(), "served from the cache");
        assertEquals(fresh.allocation(b, formula, Term.TIME), alloc);
        // the stored strings, evaluated at the new point, are the numeric rule's exponents there
        for (Term t : Term.values()) {
            assertEquals(b.exponent(t), fresh.numeric(cached.exponent(b.tailSum(t)).branch()), 1e-12, t.key());
        }
        assertEquals(ComputeOptimal.of(b, formula).loss(), fresh.numeric(alloc.exponents().get("loss")), 1e-12);
    }

    @Test
    void anotherBranchFormulaOrCodeDerivesAnew(@TempDir Path dir) {
        ComputeFormula formula = ComputeFormula.parse("c", ComputeFormula.DEFAULT);
        ExponentTable a = new ExponentTable(1.5, 0.8);
        SymbolicScaling first = SymbolicScaling.of(1.5, 0.8, new DerivationCache(dir, CODE));
        first.exponent(a.tailSum(Term.CONTEXT));
        first.allocation(a, formula, Term.TIME);

        // β = 2.5 saturates the context term (ν·min(β, 2)): another branch
        ExponentTable c = new ExponentTable(1.5, 2.5);
        SymbolicScaling other = SymbolicScaling.of(1.5, 2.5, new DerivationCache(dir, CODE));
        SymbolicScaling.SymbolicExponent e = other.exponent(c.tailSum(Term.CONTEXT));
        assertTrue(other.usedEngine());
        assertEquals(new SymbolicScaling(1.5, 2.5).exponent(c.tailSum(Term.CONTEXT)), e);

        ComputeFormula another = ComputeFormula.parse("c", "t*N^2*L");
        SymbolicScaling withFormula = SymbolicScaling.of(1.5, 0.8, new DerivationCache(dir, CODE));
        assertEquals(new SymbolicScaling(1.5, 0.8).allocation(a, another, Term.TIME),
                withFormula.allocation(a, another, Term.TIME));
        assertTrue(withFormula.usedEngine());

        SymbolicScaling rebuilt = SymbolicScaling.of(1.5, 0.8, new DerivationCache(dir, "another build"));
        rebuilt.exponent(a.tailSum(Term.CONTEXT));
        assertTrue(rebuilt.usedEngine(), "a derivation of other code is not reused");
    }

    @Test
    void entriesAreReadOnlyForTheirOwnKey(@TempDir Path dir) throws Exception {
        DerivationCache cache = new DerivationCache(dir, CODE);
        assertNull(cache.read("k"));
        Properties p = new Properties();
        p.setProperty("x", "Min[nu*beta, nu]");
        cache.write("k", p);
        assertEquals("Min[nu*beta, nu]", cache.read("k").getProperty("x"));
        assertNull(cache.read("k2"));
        assertNull(new DerivationCache(dir, "other").read("k"));
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.toList();
        }
        assertEquals(1, files.size(), "no temporary file left: " + files);
        Files.writeString(files.get(0), "#key=something else\nx=1\n");
        assertNull(cache.read("k"), "an entry whose stored key differs is not used");
        Files.writeString(files.get(0), "\\u12"); // malformed
        assertNull(cache.read("k"));
        assertTrue(DerivationCache.codeIdentity().contains("\n"));
    }
}
