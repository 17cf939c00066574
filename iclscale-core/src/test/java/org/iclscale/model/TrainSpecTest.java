package org.iclscale.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.QueryLabels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** {@link TrainSpec}: defaults, derived sizes, and every bad parameter refused by name. */
class TrainSpecTest {

    private static final ModelSpec ISO = ModelSpec.iso().alpha(1).depth(2).build();

    private static TrainSpec.Builder reduced() {
        return TrainSpec.builder(ISO, TrainSpec.Architecture.REDUCED).dim(8).eta(0.05).steps(100);
    }

    private static void refused(String parameter, String value, Executable build) {
        InvalidInputException e = assertThrows(InvalidInputException.class, build);
        assertEquals(parameter, e.parameter(), e.getMessage());
        assertTrue(e.getMessage().contains(value), "names the value " + value + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("--"), "names the parameter, not an option: " + e.getMessage());
        assertFalse(e.getMessage().contains("NaN") && !value.equals("NaN"), e.getMessage());
    }

    private static void refusedReduced(String parameter, String value, Consumer<TrainSpec.Builder> change) {
        TrainSpec.Builder b = reduced();
        change.accept(b);
        refused(parameter, value, b::build);
    }

    @Test
    void defaultsAndDerivedSizes() {
        TrainSpec s = reduced().kappa(0.5).tau(2).build();
        assertEquals(8, s.contextLength());
        assertEquals(4, s.queries());
        assertEquals(16, s.batch());
        assertEquals(2, s.every(), "max(1, steps/50)");
        assertEquals(1, s.seed());
        assertEquals(200, s.testContexts());
        assertEquals(0.0, s.init());
        assertEquals(QueryLabels.NOISY, s.queryLabels());
        assertEquals(0.05, s.flowTimePerStep());
        assertEquals(0.025, reduced().untied(true).build().flowTimePerStep(), "untied reduced: eta/L");
        assertEquals(0.05, TrainSpec.builder(ISO, TrainSpec.Architecture.FULL).dim(8).eta(0.05).steps(1).untied(true)
                .build().flowTimePerStep(), "full attention: eta (layer share 1/L instead)");
        assertEquals(0.5, TrainSpec.builder(ISO, TrainSpec.Architecture.FULL).dim(8).eta(0.05).steps(1).build().init());
        assertEquals(1, reduced().steps(3).build().every(), "at least 1");
        // P = max(1, round(alpha D)): alpha = 0.01 at D = 8 clamps to one pair, realised alpha 1/8
        TrainSpec tiny = TrainSpec.builder(ModelSpec.iso().alpha(0.01).build(), TrainSpec.Architecture.REDUCED).dim(8)
                .eta(0.05).steps(1).build();
        assertEquals(1, tiny.contextLength());
        assertEquals(0.125, tiny.realisedAlpha());
        // FS/RRS: D defaults to the spectrum's modes
        TrainSpec rrs = TrainSpec.builder(ModelSpec.rrs(PowerLaw.of(1.5, 0.8, 12)).alpha(2).build(),
                TrainSpec.Architecture.REDUCED).eta(0.1).steps(1).build();
        assertEquals(12, rrs.dim());
        assertEquals(24, rrs.contextLength());
    }

    @Test
    void everyBadParameterIsNamed() {
        refusedReduced("dim", "0", b -> b.dim(0));
        refusedReduced("dim", "100001", b -> b.dim(100_001));
        refused("dim", "513", () -> TrainSpec.builder(ISO, TrainSpec.Architecture.FULL).dim(513).eta(0.1).steps(1).build());
        refusedReduced("kappa", "0.0", b -> b.kappa(0));
        refusedReduced("kappa", "NaN", b -> b.kappa(Double.NaN));
        refusedReduced("kappa", "Infinity", b -> b.kappa(Double.POSITIVE_INFINITY));
        refusedReduced("tau", "-2.0", b -> b.tau(-2));
        refusedReduced("eta", "0.0", b -> b.eta(0));
        refusedReduced("eta", "NaN", b -> b.eta(Double.NaN));
        refusedReduced("steps", "-1", b -> b.steps(-1));
        refusedReduced("steps", "100000001", b -> b.steps(100_000_001));
        refusedReduced("every", "0", b -> b.every(0));
        refusedReduced("testContexts", "1", b -> b.testContexts(1));
        refusedReduced("init", "-1.0", b -> b.init(-1));
        refusedReduced("init", "NaN", b -> b.init(Double.NaN));
        refused("init", "0.0", () -> TrainSpec.builder(ISO, TrainSpec.Architecture.FULL).dim(8).eta(0.1).steps(1)
                .init(0).build());
        refusedReduced("trainReadout", "true", b -> b.trainReadout(true));
        refused("alpha", "inf", () -> TrainSpec.builder(ModelSpec.iso().build(), TrainSpec.Architecture.REDUCED).dim(8)
                .eta(0.1).steps(1).build());
        refused("depth", "inf", () -> TrainSpec.builder(ModelSpec.iso().alpha(1).infiniteDepth().build(),
                TrainSpec.Architecture.REDUCED).dim(8).eta(0.1).steps(1).build());
        refused("depth", "4097", () -> TrainSpec.builder(ModelSpec.iso().alpha(1).depth(4097).build(),
                TrainSpec.Architecture.REDUCED).dim(8).eta(0.1).steps(1).build());
        refused("width", "4", () -> TrainSpec.builder(ModelSpec.rrs(PowerLaw.of(1.5, 0.8, 8)).alpha(1).width(4).build(),
                TrainSpec.Architecture.REDUCED).eta(0.1).steps(1).build());
        refused("dim", "9", () -> TrainSpec.builder(ModelSpec.fs(PowerLaw.of(1.5, 0.8, 8)).alpha(1).build(),
                TrainSpec.Architecture.REDUCED).dim(9).eta(0.1).steps(1).build());
        refused("continuum", "not available", () -> TrainSpec.builder(ModelSpec.rrs(new Continuum(1.5, 0.8)).alpha(1)
                .build(), TrainSpec.Architecture.REDUCED).dim(8).eta(0.1).steps(1).build());
        refused("dim", "missing", () -> TrainSpec.builder(ISO, TrainSpec.Architecture.REDUCED).eta(0.1).steps(1).build());
        refused("eta", "missing", () -> TrainSpec.builder(ISO, TrainSpec.Architecture.REDUCED).dim(8).steps(1).build());
        refused("steps", "missing", () -> TrainSpec.builder(ISO, TrainSpec.Architecture.REDUCED).dim(8).eta(0.1).build());
        refused("model", "transformer", () -> TrainSpec.Architecture.parse("transformer"));
        refused("queryLabels", "clean", () -> QueryLabels.parse("clean"));
    }

    /**
     * Issue 18: {@code train --alpha|--kappa|--tau 1e308} overflowed round(ratio·D) into a negative array size. The
     * derived sizes are checked as integers in a stated range, naming the ratio that made them too large.
     */
    @Test
    void derivedSizesAreBoundedAndNameTheirRatio() {
        refused("alpha", "1.0E308", () -> TrainSpec.builder(ModelSpec.iso().alpha(1e308).build(),
                TrainSpec.Architecture.REDUCED).dim(8).eta(0.1).steps(1).build());
        refusedReduced("kappa", "1.0E308", b -> b.kappa(1e308));
        refusedReduced("tau", "1.0E308", b -> b.tau(1e308));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TrainSpec.builder(
                ModelSpec.iso().alpha(1e308).build(), TrainSpec.Architecture.REDUCED).dim(8).eta(0.1).steps(1).build());
        assertTrue(e.getMessage().contains("P = round(alpha*D) an integer in [1, 6250000] at D = 8"), e.getMessage());
        // the bound itself: P*D <= MAX_ENTRIES is accepted, one more pair is not
        long maxP = TrainSpec.MAX_ENTRIES / 8;
        assertEquals(maxP, TrainSpec.builder(ModelSpec.iso().alpha((double) maxP / 8).build(),
                TrainSpec.Architecture.REDUCED).dim(8).eta(0.1).steps(1).build().contextLength());
        assertThrows(InvalidInputException.class, () -> TrainSpec.builder(ModelSpec.iso().alpha((maxP + 1.0) / 8).build(),
                TrainSpec.Architecture.REDUCED).dim(8).eta(0.1).steps(1).build());
        // B*L*D: the batch bound shrinks with depth
        refused("tau", "1000000.0", () -> TrainSpec.builder(ModelSpec.iso().alpha(1).depth(16).build(),
                TrainSpec.Architecture.REDUCED).dim(8).tau(1e6).eta(0.1).steps(1).build());
        // the D x D matrices Gamma of the reduced model
        refusedReduced("dim", "8000", b -> b.dim(8000));
        assertEquals(5000, reduced().dim(5000).build().dim());
        refusedReduced("dim", "5001", b -> b.dim(5001).untied(true));
    }
}
