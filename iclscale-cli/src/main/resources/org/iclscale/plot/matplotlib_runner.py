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
    of DejaVu Sans was 3.1 of the 9.4 CPU-s. With ICLSCALE_FONT_SUBSETS naming a directory, the subsets are also
    kept there for later runs (stored_subset).
Each is skipped when this matplotlib lacks the function it replaces; the scripts then run as they would alone.
The cyclic garbage collector also runs less often here (fewer_garbage_collections), and an axis makes tick objects
only for the ticks it draws (ticks_only_in_view). With --end-with-parent first, the runner ends when its stdin closes
(end_with_parent).
"""
import hashlib
import inspect
import os
import runpy
import sys
from io import BytesIO


def source_is(function, digest):
    # True when function's source is the one a replacement below was written from (its sha256, first 16 digits)
    try:
        return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()[:16] == digest
    except (OSError, TypeError):
        return False


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


def share_font_subsets(store=None):
    # store: a directory that keeps the subsets across runs (ICLSCALE_FONT_SUBSETS, set by ChartFiles to the build's
    # cache), or None
    import inspect
    from matplotlib.backends import _backend_pdf_ps

    original = getattr(_backend_pdf_ps, "get_glyphs_subset", None)
    if original is None or list(inspect.signature(original).parameters) != ["fontfile", "characters"]:
        return
    subsets = {}

    def glyphs_subset(fontfile, characters):
        # matplotlib 3.6's get_glyphs_subset with the layout tables dropped; the font's bytes once per character set
        key = (fontfile, characters)
        if key not in subsets:
            stored = stored_subset(store, fontfile, characters) if store else None
            subsets[key] = stored.load() if stored else None
            if subsets[key] is None:
                subsets[key] = make_subset(fontfile, characters)
                if stored:
                    stored.keep(subsets[key])
        return BytesIO(subsets[key])

    _backend_pdf_ps.get_glyphs_subset = glyphs_subset


def make_subset(fontfile, characters):
    from fontTools import subset

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
        return out.getvalue()


class stored_subset:
    # One subset kept on disk: the bytes make_subset returns are a function of the font file's bytes, the characters,
    # the options above (SUBSET_RECIPE) and the fontTools version (its timestamps are not recalculated), so a file named
    # by their sha256 holds the same bytes in every later run. Subsetting the 54 (font, characters) pairs of figure all
    # was about 0.4 CPU-s of every run (fonts parsed anew each time). Any failure to read or write: subset as before.
    SUBSET_RECIPE = "glyph_names recommended_glyphs drop FFTM PfEd BDF GSUB GPOS GDEF; ttc font 0; save unordered; v1"
    font_digests = {}

    def __init__(self, store, fontfile, characters):
        import fontTools

        digest = self.font_digests.get(fontfile)
        if digest is None:
            with open(fontfile, "rb") as f:
                digest = self.font_digests[fontfile] = hashlib.sha256(f.read()).hexdigest()
        key = "\0".join((self.SUBSET_RECIPE, fontTools.version, digest, characters)).encode("utf-8", "surrogatepass")
        self.path = os.path.join(store, hashlib.sha256(key).hexdigest() + ".subset")

    def load(self):
        try:
            with open(self.path, "rb") as f:
                return f.read() or None
        except OSError:
            return None

    def keep(self, data):
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            tmp = "%s.%d.tmp" % (self.path, os.getpid())
            with open(tmp, "wb") as f:
                f.write(data)
            os.replace(tmp, self.path)  # whole or absent: two runs may write the same entry
        except OSError:
            pass


def ticks_only_in_view():
    # matplotlib 3.6's Axis._update_ticks makes a Tick (3 lines, 2 texts: 0.37 ms) for every location the locator
    # returns and then draws those inside the view; LogLocator returns a decade below and two above the view, so of
    # figure all's 1,722 ticks 887 were made and never drawn. Here the same locations are formatted in the same
    # order (a formatter may read all of them, e.g. ScalarFormatter's precision), but only those the original would
    # draw get a Tick, in the same order, with the same position and label: the drawn ticks are the same.
    # Axis.draw and Axis.get_tightbbox each update the ticks twice (the second time through _update_label_position,
    # which measures the tick labels of the axis and its label-alignment siblings) with nothing in between that moves
    # a tick: within one of those calls an axis's second update returns its first one's ticks (of 276 updates in
    # figure all, 138 repeated). Skipped where the methods' source is not matplotlib 3.6's.
    import functools

    from matplotlib import axis
    from matplotlib import transforms

    original = getattr(axis.Axis, "_update_ticks", None)
    if original is None or not source_is(original, "f6f6d03ee946ca27"):
        return
    one_update_per_pass = (source_is(axis.Axis.draw, "848c9f93499b00db")
                           and source_is(axis.Axis.get_tightbbox, "b42575d288f06da9"))

    def update_ticks(self):
        done = self.__dict__.get("_iclscale_pass_ticks")
        if done:
            return list(done)
        ticks_to_draw = update_ticks_in_view(self)
        if done is not None:
            done.extend(ticks_to_draw)
        return ticks_to_draw

    def one_pass(method):
        @functools.wraps(method)
        def in_pass(self, *args, **kwargs):
            if "_iclscale_pass_ticks" in self.__dict__:  # nested: the outer pass's ticks
                return method(self, *args, **kwargs)
            self._iclscale_pass_ticks = []
            try:
                return method(self, *args, **kwargs)
            finally:
                del self._iclscale_pass_ticks
        return in_pass

    def update_ticks_in_view(self):
        view_low, view_high = self.get_view_interval()
        if view_low > view_high:
            view_low, view_high = view_high, view_low
        transform = self.get_transform()
        interval_t = transform.transform([view_low, view_high])

        def drawn(loc):
            try:
                loc_t = transform.transform(loc)
            except AssertionError:  # masked values, as in the original
                return False
            return transforms._interval_contains_close(interval_t, loc_t)

        ticks_to_draw = []
        for locs, formatter, get_ticks in ((self.get_majorticklocs(), self.major.formatter, self.get_major_ticks),
                                           (self.get_minorticklocs(), self.minor.formatter, self.get_minor_ticks)):
            labels = formatter.format_ticks(locs)
            shown = [(loc, label) for loc, label in zip(locs, labels) if drawn(loc)]
            ticks = get_ticks(len(shown))
            formatter.set_locs(locs)
            for tick, (loc, label) in zip(ticks, shown):
                tick.update_position(loc)
                tick.set_label1(label)
                tick.set_label2(label)
            ticks_to_draw += ticks
        return ticks_to_draw

    axis.Axis._update_ticks = update_ticks if one_update_per_pass else update_ticks_in_view
    if one_update_per_pass:
        axis.Axis.draw = one_pass(axis.Axis.draw)
        axis.Axis.get_tightbbox = one_pass(axis.Axis.get_tightbbox)


def fewer_garbage_collections():
    # memory only, not what is drawn: the modules imported so far (matplotlib, numpy) leave the collector's scans
    # (gc.freeze) and a collection waits for 20,000 new container objects instead of 700, since the scripts make
    # many short-lived artists (ticks, texts, paths). Measured over the 22 scripts of figure all (gc.callbacks):
    # 1401 collections, 0.50 CPU-s -> 213, 0.29 CPU-s; peak memory 112 -> 148 MB.
    import gc

    gc.freeze()
    gc.set_threshold(20000, 10, 10)


def end_with_parent():
    # ChartFiles starts this runner with --end-with-parent and keeps its stdin open without writing to it: end of
    # file means the JVM has gone (interrupted, terminated or killed), so the figures are no longer wanted and this
    # process ends with it instead of drawing on alone. The JVM's shutdown hook also destroys it; this covers kill -9.
    import threading

    def watch():
        # the file descriptor, not sys.stdin: a daemon thread blocked inside sys.stdin's buffered reader holds its
        # lock, and the interpreter's shutdown, closing sys.stdin, then aborts (Fatal Python error)
        try:
            while os.read(0, 4096):
                pass
        except OSError:  # no stdin
            pass
        os._exit(1)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def main(scripts):
    if scripts[:1] == ["--end-with-parent"]:
        scripts = scripts[1:]
        end_with_parent()
    share_mathtext_parses()
    share_font_subsets(os.environ.get("ICLSCALE_FONT_SUBSETS") or None)
    ticks_only_in_view()
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
