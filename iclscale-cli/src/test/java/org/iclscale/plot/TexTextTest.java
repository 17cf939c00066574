package org.iclscale.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The XChart labels: figure TeX becomes Unicode math (no raw ^, _, \ or braces), and every character it can produce
 * has a glyph in DejaVu Sans, the font {@link Plot} draws with (no tofu boxes).
 */
class TexTextTest {

    /** The math labels the figures pass (axis titles, legend entries, guides), as TeX. */
    private static final List<String> FIGURE_LABELS = List.of("$t^{-\\beta/(2+\\beta)}$", "$t^{-5\\beta/(5\\beta+2)}$",
            "$t^{-\\nu\\beta/(\\nu\\beta+2\\nu+1)}$", "$C^{-\\nu\\beta/((3+\\beta)\\nu+2)}$", "$\\gamma_k(t)$",
            "$\\gamma^\\ell(t)$", "$\\mathcal{L}(t, \\alpha)$", "$\\mathcal{L}(t)/\\mathcal{L}(0)$",
            "$\\mathcal{L}(\\gamma) - \\sigma^2$", "$\\mathcal{L}_{\\mathrm{OOD}}$", "$L = 2$; $\\ell = 2$",
            "$L \\to \\infty$", "$\\gamma / L$", "time $\\beta/(2+\\beta)$", "$t^{-0.75}$", "$\\kappa = 0.10$");

    @Test
    void scriptsBecomeUnicodeSuperAndSubscripts() {
        assertEquals("t⁻ᵝᐟ⁽²⁺ᵝ⁾", TexText.unicode("$t^{-\\beta/(2+\\beta)}$"));
        assertEquals("t⁻⁰·⁷⁵", TexText.unicode("$t^{-0.75}$"));
        assertEquals("γₖ(t)", TexText.unicode("$\\gamma_k(t)$"));
        assertEquals("ℒ(t, α)", TexText.unicode("$\\mathcal{L}(t, \\alpha)$"));
        assertEquals("ℒ(γ) - σ²", TexText.unicode("$\\mathcal{L}(\\gamma) - \\sigma^2$"));
        assertEquals("C⁻ᵛᵝᐟ⁽⁽³⁺ᵝ⁾ᵛ⁺²⁾", TexText.unicode("$C^{-\\nu\\beta/((3+\\beta)\\nu+2)}$"));
        // no subscript capitals in Unicode: set off by a thin space, not a raw underscore
        assertEquals("ℒ\u2009OOD", TexText.unicode("$\\mathcal{L}_{\\mathrm{OOD}}$"));
    }

    @Test
    void figureLabelsHaveNoTexLeftAndAllGlyphsInDejaVu() {
        Font font = dejaVu();
        for (String tex : FIGURE_LABELS) {
            String u = TexText.unicode(tex);
            assertFalse(u.matches(".*[\\^_\\\\{}$].*"), tex + " -> " + u);
            assertEquals(-1, font.canDisplayUpTo(u), tex + " -> " + u + " has a character DejaVu Sans lacks");
        }
    }

    @Test
    void everyScriptFormIsInDejaVu() {
        Font font = dejaVu();
        String ascii = "0123456789+-=()/.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        String[] greek = {"alpha", "beta", "gamma", "delta", "eta", "theta", "kappa", "lambda", "mu", "nu", "sigma",
            "tau", "omega", "ell", "infty"};
        List<String> args = new java.util.ArrayList<>(Arrays.asList(ascii.split("")));
        for (String g : greek) {
            args.add("\\" + g);
        }
        int scripted = 0;
        for (String a : args) {
            for (String op : new String[] {"^", "_"}) {
                String u = TexText.unicode("$x" + op + "{" + a + "}$");
                assertFalse(u.matches(".*[\\^_\\\\{}].*"), a + " -> " + u);
                assertEquals(-1, font.canDisplayUpTo(u), op + a + " -> " + u + " has a character DejaVu Sans lacks");
                scripted += u.contains("\u2009") ? 0 : 1;
            }
        }
        // most of them have a script form (superscripts all but q, C, F, Q, S, X, Y, Z and a few Greek letters)
        assertTrue(scripted > 100, "only " + scripted + " script forms");
    }

    private static Font dejaVu() {
        boolean installed = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .contains("DejaVu Sans");
        assertTrue(installed, "DejaVu Sans (fonts-dejavu-core) is the XChart font and must be installed");
        return new Font("DejaVu Sans", Font.PLAIN, 12);
    }
}
