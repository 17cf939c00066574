package org.iclscale.plot;

import java.util.Map;

/**
 * The small TeX subset of the figure labels ({@code $\mathcal{L}(t)$}, {@code $\gamma_k(t)$}, {@code $t^{-\beta/(2+\beta)}$})
 * as plain Unicode for XChart, which cannot typeset TeX: Greek letters and symbols by name, super- and subscripts as
 * Unicode super/subscript characters (all glyphs in DejaVu Sans; a script without Unicode forms follows a thin space), {@code \frac{a}{b}} as a/b, math
 * delimiters and braces dropped. matplotlib and pgfplots get the TeX itself.
 */
final class TexText {

    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("Gamma", "Γ"),
            Map.entry("delta", "δ"), Map.entry("eta", "η"), Map.entry("theta", "θ"), Map.entry("kappa", "κ"),
            Map.entry("lambda", "λ"), Map.entry("mu", "μ"), Map.entry("nu", "ν"), Map.entry("sigma", "σ"),
            Map.entry("Sigma", "Σ"), Map.entry("tau", "τ"), Map.entry("omega", "ω"), Map.entry("ell", "ℓ"),
            Map.entry("infty", "∞"), Map.entry("to", "→"), Map.entry("rightarrow", "→"), Map.entry("cdot", "·"),
            Map.entry("times", "×"), Map.entry("approx", "≈"), Map.entry("le", "≤"), Map.entry("leq", "≤"),
            Map.entry("ge", "≥"), Map.entry("geq", "≥"), Map.entry("propto", "∝"), Map.entry("star", "⋆"),
            Map.entry("ast", "*"), Map.entry("lfloor", "⌊"), Map.entry("rfloor", "⌋"), Map.entry("mathrm", ""),
            Map.entry("mathit", ""), Map.entry("text", ""), Map.entry("left", ""), Map.entry("right", ""),
            Map.entry("quad", "  "), Map.entry("|", "‖"), Map.entry(",", " "), Map.entry(";", " "), Map.entry("!", ""),
            Map.entry(" ", " "), Map.entry("%", "%"), Map.entry("_", "_"));

    /*
     * Super- and subscript forms present in DejaVu Sans (the XChart font; TexTextTest checks every glyph). Unicode has
     * no superscript slash, full stop or nu: U+141F (a raised small slash), the middle dot and the modifier letter v
     * (DejaVu draws nu as a v) stand in. No subscript capitals exist; they fall back to a thin space (see script).
     */
    private static final String SUP_FROM = "0123456789+-=()/.abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWαβγδεθιφχνℓ";
    private static final String SUP_TO = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᐟ·ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵅᵝᵞᵟᵋᶿᶥᶲᵡᵛˡ";
    private static final String SUB_FROM = "0123456789+-=()aehijklmnoprstuvxβγρφχℓ";
    private static final String SUB_TO = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪₗ";

    private TexText() {
    }

    static String unicode(String tex) {
        String s = tex.replace("$", "");
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                int j = i + 1;
                if (j < s.length() && !Character.isLetter(s.charAt(j))) {
                    String sym = SYMBOLS.getOrDefault(String.valueOf(s.charAt(j)), String.valueOf(s.charAt(j)));
                    out.append(sym);
                    i = j + 1;
                    continue;
                }
                while (j < s.length() && Character.isLetter(s.charAt(j))) {
                    j++;
                }
                String name = s.substring(i + 1, j);
                if (name.equals("mathcal") && j < s.length() && s.charAt(j) == '{') {
                    int end = s.indexOf('}', j);
                    String arg = s.substring(j + 1, end);
                    out.append(arg.equals("L") ? "ℒ" : arg);
                    i = end + 1;
                    continue;
                }
                if (name.equals("frac") && j < s.length() && s.charAt(j) == '{') {
                    int[] a = group(s, j);
                    int[] b = group(s, a[1]);
                    out.append(unicode(s.substring(a[0], a[1] - 1))).append('/').append(unicode(s.substring(b[0], b[1] - 1)));
                    i = b[1];
                    continue;
                }
                out.append(SYMBOLS.getOrDefault(name, name));
                i = j;
                continue;
            }
            if (c == '^' || c == '_') {
                boolean sup = c == '^';
                String arg;
                int next;
                if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
                    int[] g = group(s, i + 1);
                    arg = unicode(s.substring(g[0], g[1] - 1));
                    next = g[1];
                } else if (i + 1 < s.length() && s.charAt(i + 1) == '\\') {
                    int j = i + 2;
                    while (j < s.length() && Character.isLetter(s.charAt(j))) {
                        j++;
                    }
                    arg = unicode(s.substring(i + 1, j));
                    next = j;
                } else {
                    arg = i + 1 < s.length() ? String.valueOf(s.charAt(i + 1)) : "";
                    next = i + 2;
                }
                out.append(script(arg, sup));
                i = next;
                continue;
            }
            if (c == '{' || c == '}') {
                i++;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** [start of content, index after the closing brace] of the group opening at {@code open}. */
    private static int[] group(String s, int open) {
        int depth = 0;
        for (int k = open; k < s.length(); k++) {
            if (s.charAt(k) == '{') {
                depth++;
            } else if (s.charAt(k) == '}' && --depth == 0) {
                return new int[] {open + 1, k + 1};
            }
        }
        throw new IllegalArgumentException("unbalanced braces in " + s);
    }

    private static String script(String arg, boolean sup) {
        String from = sup ? SUP_FROM : SUB_FROM;
        String to = sup ? SUP_TO : SUB_TO;
        StringBuilder b = new StringBuilder();
        for (char ch : arg.toCharArray()) {
            int k = from.indexOf(ch);
            if (ch == ' ') {
                continue;
            }
            if (k < 0) {
                // no script form (subscript capitals, OOD): the text set off by a thin space, never a raw ^ or _
                return "\u2009" + arg;
            }
            b.append(to.charAt(k));
        }
        return b.toString();
    }
}
