"""ICLScale from Python: the scaling-law calculator's verbs as functions, answered by one long-lived JVM.

>>> import iclscale
>>> iclscale.optimum(setting="rrs", nu=1.5, beta=0.8, dim=64, depth=8)["loss"]      # doctest: +SKIP
>>> iclscale.landscape(alpha=1, depth=4, points=50)                                  # doctest: +SKIP
>>> iclscale.sweep("optimum", alpha="0.1:10:log:20", depth=[1, 2, 4, 8])             # doctest: +SKIP

Every function sends one request to ``iclscale serve`` (started on first use through the repository's
``./iclscale`` launcher, which builds the project if needed), and returns a dict for a scalar result or a pandas
DataFrame for a curve or a sweep. Bad input raises :class:`InvalidInputError` carrying ``option``, ``value`` and
``valid``; a computation that cannot finish raises :class:`ComputationError`. Both carry the command line's exit
code (``code``) and its one-line message. The docstrings hold each verb's ``--help`` text.

The server is found through ``ICLSCALE_HOME`` (the repository folder) or ``ICLSCALE_LAUNCHER``, else the checkout
this package lives in or was installed from, else ``iclscale`` on the PATH. :func:`configure` sets the launcher,
the number of server threads and ``JAVA_OPTS`` before the first call.
"""

from __future__ import annotations

import inspect
import keyword
import threading
from concurrent.futures import Future
from typing import Any, Mapping

from . import _clihelp
from ._errors import ComputationError, IclscaleError, InvalidInputError, ServerError
from ._frames import convert, curve_columns, flatten
from ._server import Server, find_launcher

__version__ = "0.1.0"

__all__ = [
    "risk", "optimum", "landscape", "dynamics", "sgd", "simulate", "train", "ood", "exponents", "shape", "derive",
    "check", "sweep", "figure", "tour", "call", "submit", "describe", "configure", "server", "close",
    "Server", "IclscaleError", "InvalidInputError", "ComputationError", "ServerError", "convert",
]

_lock = threading.Lock()
_default: Server | None = None
_settings: dict[str, Any] = {}


def configure(launcher=None, threads: int | None = None, java_opts: str | None = None) -> None:
    """Settings of the shared server (``launcher`` path, server ``threads``, ``JAVA_OPTS``); restarts it if running."""
    global _default
    with _lock:
        _settings.clear()
        _settings.update({k: v for k, v in {"launcher": launcher, "threads": threads, "java_opts": java_opts}.items()
                          if v is not None})
        old, _default = _default, None
    if old is not None:
        old.close()


def server() -> Server:
    """The shared :class:`Server`, started on first use (and again if it has ended)."""
    global _default
    with _lock:
        if _default is None or not _default.alive():
            _default = Server(**_settings)
        return _default


def close() -> None:
    """Ends the shared server (a later call starts a new one)."""
    global _default
    with _lock:
        old, _default = _default, None
    if old is not None:
        old.close()


def call(verb: str, *args: Any, **options: Any) -> dict:
    """Any served verb, returning the raw result: the dict of its ``--format json`` output (``{"rows": [...]}``
    for a sweep, ``{"text": ...}`` for text such as ``help=True``)."""
    return server().call(verb, args, options)


def submit(verb: str, *args: Any, **options: Any) -> Future:
    """Like :func:`call` without waiting: a Future of the raw result, so several requests run in parallel."""
    return server().submit(verb, args, options)


def describe() -> dict:
    """The served verbs, their options and their ``--help`` text, from the running server."""
    return server().call("describe")["verbs"]


def _run(verb: str, args: tuple, options: Mapping[str, Any]):
    return convert(server().call(verb, args, options))


# -- the verbs ------------------------------------------------------------------------------------------------------
def risk(**options):
    return _run("risk", (), options)


def optimum(**options):
    return _run("optimum", (), options)


def landscape(**options):
    return _run("landscape", (), options)


def dynamics(**options):
    return _run("dynamics", (), options)


def sgd(**options):
    return _run("sgd", (), options)


def simulate(**options):
    return _run("simulate", (), options)


def train(**options):
    return _run("train", (), options)


def ood(**options):
    return _run("ood", (), options)


def exponents(**options):
    return _run("exponents", (), options)


def shape(**options):
    return _run("shape", (), options)


def derive(name: str | None = None, **options):
    return _run("derive", () if name is None else (name,), options)


def check(expression: str | None = None, **options):
    return _run("check", () if expression is None else (expression,), options)


def figure(figure: str, *, out, **options):
    return _run("figure", (str(figure),), {"out": out, **options})


def tour(*, out, **options):
    return _run("tour", (), {"out": out, **options})


def _sweep_options() -> set[str]:
    entry = _clihelp.shipped().get("sweep", {})
    return {_clihelp.python_name(o["name"]) for o in entry.get("options", [])}


def _verb_tokens(options: Mapping[str, Any]) -> list[Any]:
    """The swept verb's options as command-line tokens (sweep reads them after the verb, lists as v1,v2,...)."""
    from ._server import option_name, option_value

    tokens: list[Any] = []
    for key, value in options.items():
        if value is None or value is False:
            continue
        tokens.append("--" + option_name(key))
        if value is True:
            continue
        v = option_value(key, value)
        tokens.append(",".join(str(x) for x in v) if isinstance(v, list) else v)
    return tokens


def sweep(verb: str, **options):
    own = _sweep_options() or {"threads", "progress", "fields", "no_expand"}
    sweep_opts = {k: v for k, v in options.items() if k in own}
    verb_opts = {k: v for k, v in options.items() if k not in own}
    return _run("sweep", (verb, *_verb_tokens(verb_opts)), sweep_opts)


_RETURNS = {
    "risk": "a dict of the ``--format json`` keys (``loss``, ``excessLoss``, ``gamma``, ``method``, the parameters).",
    "optimum": "a dict of the ``--format json`` keys (optimal ``gamma``, ``loss``, ``excessLoss``, ``method``, ...).",
    "landscape": "a pandas DataFrame with a row per gamma (columns as in ``--format json``; the parameters and "
                 "``method`` in ``.attrs``).",
    "dynamics": "a pandas DataFrame with a row per time (the parameters, convention and method in ``.attrs``).",
    "sgd": "a pandas DataFrame with a row per reported step (the parameters in ``.attrs``).",
    "simulate": "a dict (Monte Carlo ``loss``, ``standardError``, ``theoryLoss``, ...).",
    "train": "a pandas DataFrame with a row per measured step (the run's parameters and final values in ``.attrs``).",
    "ood": "a pandas DataFrame with a row per rotation angle (parameters in ``.attrs``).",
    "exponents": "a dict of the exponents (``time``, ``depth``, ``width``, ``context``, ... and the nested "
                 "``computeOptimal``).",
    "shape": "a dict for one budget (``compute=``), a pandas DataFrame with a row per budget for ``compute_range=``.",
    "derive": "a dict (definition, simplified form and TeX per symbol).",
    "check": "a dict (``verdict``, ``symbolicallyEqual``, ``maxRelativeDifference``, ...).",
    "sweep": "a pandas DataFrame with a row per point (per curve point, in long format, for curve verbs); the swept "
             "values and every scalar of the result as columns, nested objects with dotted names.",
    "figure": "a dict (the files written into ``out``).",
    "tour": "a dict (the files written into ``out``).",
}

_POSITIONAL = {
    "derive": " ``name`` is the formula symbol or file (``NAME``).",
    "check": " ``expression`` is your expression (``EXPR``).",
    "figure": " ``figure`` is the figure number (``N``); ``out`` the folder for the files (required).",
    "tour": " ``out`` is the folder for the files (required).",
    "sweep": " ``verb`` is the verb to run at each point; keywords that are options of ``sweep`` (threads, fields, "
             "no_expand, progress) go to sweep, all others to the verb, where a list or a range string "
             "(``'0.1:10:log:50'``) is swept.",
}


def _document(fn, verb: str) -> None:
    entry = _clihelp.shipped().get(verb)
    returns = _RETURNS.get(verb, "the result: a dict, or a pandas DataFrame for a curve or a sweep.")
    if entry is None:
        fn.__doc__ = (f"``iclscale {verb}`` (its help is not in cli_help.json: run "
                      "``python3 -m iclscale._clihelp --write``).\n\nReturns " + returns)
        return
    fn.__doc__ = _clihelp.docstring(verb, entry, returns, _POSITIONAL.get(verb, ""))
    params = [p for p in inspect.signature(fn).parameters.values() if p.kind != p.VAR_KEYWORD]
    taken = {p.name for p in params}
    for o in entry["options"]:
        name = _clihelp.python_name(o["name"])
        if name not in taken and name != "format" and name.isidentifier() and not keyword.iskeyword(name):
            params.append(inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None))
            taken.add(name)
    if verb == "sweep":
        params.append(inspect.Parameter("verb_options", inspect.Parameter.VAR_KEYWORD))
    fn.__signature__ = inspect.Signature(params)


WRAPPED = ("risk", "optimum", "landscape", "dynamics", "sgd", "simulate", "train", "ood", "exponents", "shape",
           "derive", "check", "sweep", "figure", "tour")
for _verb in WRAPPED:
    _document(globals()[_verb], _verb)


def __getattr__(name: str):
    """A served verb without a function of its own (e.g. ``plot``, or one newer than this module)."""
    if name in _clihelp.shipped() and not name.startswith("_"):
        def verb_function(*args, **options):
            return _run(name, args, options)

        verb_function.__name__ = name
        _document(verb_function, name)
        return verb_function
    raise AttributeError(f"module 'iclscale' has no attribute {name!r}")
