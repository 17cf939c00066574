"""Runs ICLScale's generated matplotlib scripts (the paths in sys.argv[1:]) in one python3 process (ChartFiles.pdfs).

Each script stays standalone (python3 fig1a.py draws the same figure on its own). This runner only shares, across
the scripts, two pieces of work whose result does not depend on the figure (measured on `figure all`'s 22 scripts,
matplotlib 3.6.3: 9.4 -> 6.3 CPU-s; bench/matplotlib-runner.sh):
  - mathtext parses: matplotlib keeps 50 per parser object and makes a parser per renderer, so every figure
    parsed its tick labels ($10^{-2}$, ...) anew at each dpi (766 parses, 306 distinct). Here one cache keyed by
    everything the parse reads: the parser's output type, the text, the dpi, the font properties and the mathtext
    and hinting rcParams.
  - the font subsets embedded in the PDFs (pdf.fonttype 42): one per (font file, characters), and without the
    OpenType layout tables GSUB, GPOS and GDEF (glyph substitution and positioning rules for text layout engines;
    a PDF draws glyphs by id at positions matplotlib computed, so no viewer reads them). Subsetting those tables
    of DejaVu Sans was 3.1 of the 9.4 CPU-s.
Each is skipped when this matplotlib lacks the function it replaces; the scripts then run as they would alone.
The cyclic garbage collector also runs less often here (fewer_garbage_collections).
"""
import runpy
import sys
from io import BytesIO


def share_mathtext_parses():
    import matplotlib
    from matplotlib import mathtext

    parse = getattr(mathtext.MathTextParser, "_parse_cached", None)
    if parse is None:
        return
    settings = sorted(k for k in matplotlib.rcParams if k.startswith(("mathtext.", "text.hinting")))
    parses = {}

    def parse_shared(self, s, dpi, prop):
        key = (self._output_type, s, dpi, prop, tuple(str(matplotlib.rcParams[k]) for k in settings))
        result = parses.get(key)
        if result is None:
            result = parses[key] = parse(self, s, dpi, prop)
        return result

    mathtext.MathTextParser._parse_cached = parse_shared


def share_font_subsets():
    import inspect
    from fontTools import subset
    from matplotlib.backends import _backend_pdf_ps

    original = getattr(_backend_pdf_ps, "get_glyphs_subset", None)
    if original is None or list(inspect.signature(original).parameters) != ["fontfile", "characters"]:
        return
    subsets = {}

    def glyphs_subset(fontfile, characters):
        # matplotlib 3.6's get_glyphs_subset with the layout tables dropped; the font's bytes once per character set
        key = (fontfile, characters)
        if key not in subsets:
            options = subset.Options(glyph_names=True, recommended_glyphs=True)
            options.drop_tables += ["FFTM", "PfEd", "BDF", "GSUB", "GPOS", "GDEF"]
            if fontfile.endswith(".ttc"):
                options.font_number = 0
            with subset.load_font(fontfile, options) as font:
                subsetter = subset.Subsetter(options=options)
                subsetter.populate(text=characters)
                subsetter.subset(font)
                out = BytesIO()
                font.save(out, reorderTables=False)
                subsets[key] = out.getvalue()
        return BytesIO(subsets[key])

    _backend_pdf_ps.get_glyphs_subset = glyphs_subset


def fewer_garbage_collections():
    # memory only, not what is drawn: the modules imported so far (matplotlib, numpy) leave the collector's scans
    # (gc.freeze) and a collection waits for 20,000 new container objects instead of 700, since the scripts make
    # many short-lived artists (ticks, texts, paths). Measured over the 22 scripts of figure all (gc.callbacks):
    # 1401 collections, 0.50 CPU-s -> 213, 0.29 CPU-s; peak memory 112 -> 148 MB.
    import gc

    gc.freeze()
    gc.set_threshold(20000, 10, 10)


def main(scripts):
    share_mathtext_parses()
    share_font_subsets()
    import matplotlib.pyplot as plt

    fewer_garbage_collections()
    for path in scripts:
        try:
            runpy.run_path(path, run_name="__main__")
        except SystemExit as e:
            if e.code not in (None, 0):
                raise
        plt.close("all")


main(sys.argv[1:])
