"""The docstrings come from cli_help.json; it must equal what the command line says now (no drift).

If this fails after a verb's options or help changed, regenerate the file: python3 -m iclscale._clihelp --write
"""

import iclscale
from iclscale import _clihelp


def test_shipped_help_is_the_command_lines_help():
    live = _clihelp.live(iclscale.server())
    shipped = _clihelp.shipped()
    assert list(shipped) == list(live), "served verbs changed: run python3 -m iclscale._clihelp --write"
    for verb in live:
        assert shipped[verb] == live[verb], f"help of '{verb}' changed: run python3 -m iclscale._clihelp --write"


def test_docstrings_hold_the_help_text(cli):
    for verb in iclscale.WRAPPED:
        doc = getattr(iclscale, verb).__doc__
        help_text = cli.run(verb, "--help").stdout if verb in ("risk", "sweep") else _clihelp.shipped()[verb]["usage"]
        for line in help_text.rstrip("\n").splitlines():
            assert ("    " + line).rstrip() in doc, (verb, line)


def test_signatures_list_the_options():
    import inspect

    params = inspect.signature(iclscale.risk).parameters
    assert {"alpha", "depth", "gamma", "width_ratio", "layer_gammas"} <= set(params)
    assert "verb_options" in inspect.signature(iclscale.sweep).parameters
