"""Errors of the command line, as Python exceptions carrying the same facts (code, option, value, valid range)."""

from __future__ import annotations

from typing import Any, Mapping


class IclscaleError(Exception):
    """An error answered by ``iclscale serve``.

    Attributes: ``code`` (2 bad input, 1 a computation that could not be completed, as the command line's exit
    code), ``option`` (the option without dashes, e.g. ``"alpha"``, or None), ``value`` (the offending value as
    sent, or None), ``valid`` (what would have been valid, or None) and ``message`` (the command line's one-line
    error, e.g. ``iclscale risk: --alpha: -1 is out of range (expected a number > 0, or inf)``).
    """

    def __init__(self, message: str, code: int = 1, option: str | None = None, value: str | None = None,
                 valid: str | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.option = option
        self.value = value
        self.valid = valid


class InvalidInputError(IclscaleError, ValueError):
    """Bad input (the command line's exit code 2): ``option``, ``value`` and ``valid`` say which and why."""


class ComputationError(IclscaleError, RuntimeError):
    """A computation that could not be completed (exit code 1): the message names the solver, the tolerance
    and what was reached."""


class ServerError(IclscaleError, RuntimeError):
    """The serve process could not be started or has ended."""


def error_from_answer(error: Mapping[str, Any]) -> IclscaleError:
    kind = InvalidInputError if error.get("code") == 2 else ComputationError
    return kind(error.get("message", ""), error.get("code", 1), error.get("option"), error.get("value"),
                error.get("valid"))
