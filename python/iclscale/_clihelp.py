"""The command line's help, as shipped with the package (``cli_help.json``) and as the server gives it now.

The docstrings of the verb functions are built from ``cli_help.json``, the ``describe`` answer of ``iclscale serve``
(every served verb's ``--help`` text and options). The tests compare the file with a live server, so the Python
documentation cannot drift from the command line. After a verb's options or help change, regenerate it with::

    python3 -m iclscale._clihelp --write
"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path
from typing import Any

HELP_FILE = Path(__file__).with_name("cli_help.json")


def shipped() -> dict[str, Any]:
    """The help shipped with the package: {verb: {"usage", "writesFiles", "options", "positionals"}}."""
    try:
        return json.loads(HELP_FILE.read_text(encoding="utf-8"))["verbs"]
    except FileNotFoundError:
        return {}


def live(server) -> dict[str, Any]:
    """The help of the command line the server runs."""
    return server.call("describe")["verbs"]


def python_name(option: str) -> str:
    return option.replace("-", "_")


def docstring(verb: str, entry: dict[str, Any], returns: str, positional: str = "") -> str:
    """The docstring of the function for ``verb``: how to call it, what it returns, and the command line's help."""
    usage = entry["usage"].rstrip("\n")
    lines = [
        f"``iclscale {verb}`` through the shared ``iclscale serve`` process.",
        "",
        "Keyword arguments are the command line's options without the dashes, with '_' for '-' "
        "(``width_ratio=0.5`` is ``--width-ratio 0.5``); ``True`` switches a flag on; a list or array becomes "
        "``v1,v2,...``; ``float('inf')`` becomes ``inf``; ``None`` leaves the default." + positional,
        "",
        "Returns " + returns,
        "",
        "Raises InvalidInputError (exit code 2: ``.option``, ``.value``, ``.valid``) or ComputationError (exit code 1).",
        "",
        f"Command-line help (``iclscale {verb} --help``)::",
        "",
        textwrap.indent(usage, "    "),
    ]
    return "\n".join(lines) + "\n"


def write(server) -> None:
    verbs = live(server)
    HELP_FILE.write_text(json.dumps({"verbs": verbs}, indent=1, sort_keys=False, ensure_ascii=True) + "\n",
                         encoding="utf-8")
    print(f"wrote {HELP_FILE} ({len(verbs)} verbs)")


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python3 -m iclscale._clihelp --write")
    from ._server import Server

    with Server() as s:
        write(s)
