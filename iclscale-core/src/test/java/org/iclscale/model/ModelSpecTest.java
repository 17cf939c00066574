package org.iclscale.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iclscale.core.Depth;
import org.iclscale.core.Extent;
import org.iclscale.core.InvalidInputException;
import org.iclscale.core.Setting;
import org.junit.jupiter.api.Test;

/** ModelSpec: the builder's defaults, each parameter validated once, errors naming parameters (not options). */
class ModelSpecTest {

    @Test
    void builderExamplesOfTheIssue() {
        ModelSpec iso = ModelSpec.iso().alpha(0.5).depth(16).sigma(0.5).build();
        assertEquals(Setting.ISO, iso.setting());
        assertSame(Isotropic.INSTANCE, iso.spectrum());
        assertEquals(Extent.of(0.5), iso.alpha());
        assertEquals(Depth.of(16), iso.depth());
        assertEquals(0.25, iso.noiseVariance());
        assertTrue(iso.width().infinite());

        ModelSpec rrs = ModelSpec.rrs(PowerLaw.of(1.5, 0.8, 64)).alpha(4).width(16).depth(4).build();
        assertEquals(Extent.of(16), rrs.width());
        assertEquals(256.0, rrs.contextLength());
        assertTrue(rrs.widthBelowDimension());
        assertEquals(64, rrs.finiteSpectrum().dim());
    }

    @Test
    void defaultsAreTheCommandLineDefaults() {
        ModelSpec s = ModelSpec.iso().build();
        assertSame(Extent.INFINITE, s.alpha());
        assertEquals(Depth.of(1), s.depth());
        assertEquals(0.0, s.sigma());
    }

    @Test
    void widthRatioResolvesAgainstTheDimension() {
        ModelSpec s = ModelSpec.rrs(PowerLaw.of(1.25, 0.75, 400)).widthRatio(0.25).build();
        assertEquals(100, s.width().count());
        ModelSpec tiny = ModelSpec.rrs(PowerLaw.of(1.25, 0.75, 3)).widthRatio(0.01).build();
        assertEquals(1, tiny.width().count(), "at least one direction");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ModelSpec.rrs(new Continuum(1.5, 0.8)).widthRatio(0.5).build());
        assertEquals("widthRatio", e.parameter());
    }

    @Test
    void everyBadParameterIsNamed() {
        assertParameter("alpha", () -> ModelSpec.iso().alpha(0).build());
        assertParameter("alpha", () -> ModelSpec.iso().alpha(-1).build());
        assertParameter("sigma", () -> ModelSpec.iso().sigma(-0.1).build());
        assertParameter("sigma", () -> ModelSpec.iso().sigma(Double.NaN).build());
        assertParameter("depth", () -> ModelSpec.iso().depth(0).build());
        assertParameter("width", () -> ModelSpec.rrs(PowerLaw.of(1.5, 0.8, 8)).width(0).build());
        assertParameter("width", () -> ModelSpec.iso().width(Extent.of(4)).build());
        assertParameter("width", () -> ModelSpec.rrs(PowerLaw.of(1.5, 0.8, 8)).width(Extent.of(2.5)).build());
        assertParameter("widthRatio", () -> ModelSpec.rrs(PowerLaw.of(1.5, 0.8, 8)).widthRatio(1.5).build());
        assertParameter("nu", () -> PowerLaw.of(1, 0.8, 8));
        assertParameter("beta", () -> PowerLaw.of(1.5, 0, 8));
        assertParameter("dim", () -> PowerLaw.of(1.5, 0.8, 0));
        assertParameter("nu", () -> new Continuum(0.5, 1));
        assertParameter("spectrum", () -> ModelSpec.builder(Setting.ISO, PowerLaw.of(1.5, 0.8, 8)).build());
        assertParameter("spectrum", () -> ModelSpec.builder(Setting.RRS, Isotropic.INSTANCE).build());
    }

    @Test
    void messagesSpeakParametersNotOptions() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelSpec.iso().alpha(-2).build());
        assertEquals("alpha: -2.0 is out of range (expected a number > 0, or inf)", e.getMessage());
        assertEquals("--alpha: -2.0 is out of range (expected a number > 0, or inf)", e.message("--alpha"));
        assertTrue(!e.getMessage().contains("--"), e.getMessage());
    }

    @Test
    void withersChangeOneParameter() {
        ModelSpec a = ModelSpec.rrs(PowerLaw.of(1.5, 0.8, 64)).alpha(4).width(16).depth(4).build();
        assertEquals(Depth.INFINITE, a.withDepth(Depth.INFINITE).depth());
        assertEquals(a.width(), a.withDepth(Depth.INFINITE).width());
        assertEquals(0.3, a.withSigma(0.3).sigma());
        assertSame(Extent.INFINITE, a.withAlpha(Extent.INFINITE).alpha());
        assertEquals(a, a.toBuilder().build());
    }

    @Test
    void powerLawSpectraAreBuiltOncePerValue() {
        assertSame(PowerLaw.of(1.5, 0.8, 1000).spectrum(), PowerLaw.of(1.5, 0.8, 1000).spectrum());
        assertEquals(1000, PowerLaw.of(1.5, 0.8, 1000).spectrum().dim());
    }

    private static void assertParameter(String parameter, Runnable r) {
        InvalidInputException e = assertThrows(InvalidInputException.class, r::run);
        assertEquals(parameter, e.parameter(), e.getMessage());
    }
}
