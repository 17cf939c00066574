"""The ``iclscale serve`` process: started once, spoken to in JSON lines, shared by every call.

One JVM answers every request (a fresh JVM per call costs 0.5 s or more). Requests carry increasing ids; a reader
thread hands each answer to the waiting caller by id, so calls from several Python threads run in parallel in the
server.
"""

from __future__ import annotations

import atexit
import collections
import itertools
import json
import math
import os
import shutil
import subprocess
import sys
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Any, Mapping, Sequence

from ._errors import IclscaleError, ServerError, error_from_answer


def find_launcher(launcher: str | os.PathLike | None = None) -> Path:
    """The ``iclscale`` launcher script: the argument, ``$ICLSCALE_LAUNCHER``, ``$ICLSCALE_HOME/iclscale``, the
    checkout this package sits in (or was installed from), or ``iclscale`` on the ``PATH``, in this order."""
    candidates: list[Path] = []
    if launcher is not None:
        candidates.append(Path(launcher))
    if os.environ.get("ICLSCALE_LAUNCHER"):
        candidates.append(Path(os.environ["ICLSCALE_LAUNCHER"]))
    if os.environ.get("ICLSCALE_HOME"):
        candidates.append(Path(os.environ["ICLSCALE_HOME"]) / "iclscale")
    candidates.append(Path(__file__).resolve().parents[2] / "iclscale")
    try:
        from ._checkout import CHECKOUT  # written by setup.py when installed from a checkout
        candidates.append(Path(CHECKOUT) / "iclscale")
    except ImportError:
        pass
    on_path = shutil.which("iclscale")
    if on_path:
        candidates.append(Path(on_path))
    for c in candidates:
        if c.is_file() and os.access(c, os.X_OK):
            return c
        if launcher is not None and c == Path(launcher):
            raise ServerError(f"launcher {c} is not an executable file")
    raise ServerError("the iclscale launcher was not found: set ICLSCALE_HOME to the repository "
                      "(the folder holding ./iclscale) or pass launcher=...")


def option_name(key: str) -> str:
    """Python keyword to option name: ``width_ratio`` -> ``width-ratio`` (the command line's spelling)."""
    return key.replace("_", "-")


def option_value(key: str, value: Any) -> Any:
    """A Python value as JSON the server accepts: numbers, strings, booleans, lists of those (``inf`` as text)."""
    if isinstance(value, bool) or isinstance(value, str):
        return value
    if hasattr(value, "item") and not hasattr(value, "__len__"):  # numpy scalar
        value = value.item()
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            raise ValueError(f"{key}: NaN is not a value")
        if math.isinf(value):
            if value < 0:
                raise ValueError(f"{key}: -inf is not a value")
            return "inf"
        return value
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, (list, tuple, range)) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else list(value)
        return [option_value(key, v) for v in items]
    raise TypeError(f"{key}: {type(value).__name__} is not an option value (expected a number, a string, "
                    "a boolean or a list)")


class Server:
    """One ``iclscale serve`` process.

    ``Server()`` starts it (building the project through ``./iclscale`` if needed); :meth:`call` sends one request
    and waits for its answer; :meth:`submit` returns a :class:`concurrent.futures.Future` instead, so several
    requests run in parallel. :meth:`close` ends the process (also at interpreter exit).
    """

    def __init__(self, launcher: str | os.PathLike | None = None, threads: int | None = None,
                 java_opts: str | None = None, echo_stderr: bool = True):
        self.launcher = find_launcher(launcher)
        cmd = [str(self.launcher), "serve"]
        if threads is not None:
            cmd += ["--threads", str(threads)]
        env = dict(os.environ)
        if java_opts is not None:
            env["JAVA_OPTS"] = java_opts
        self._process = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                         env=env, text=True, encoding="utf-8", bufsize=1)
        self._ids = itertools.count(1)
        self._pending: dict[int, Future] = {}
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._stderr_tail: collections.deque[str] = collections.deque(maxlen=40)
        self._echo_stderr = echo_stderr
        self._closed = False
        self._reader = threading.Thread(target=self._read_answers, name="iclscale-answers", daemon=True)
        self._reader.start()
        self._errors = threading.Thread(target=self._read_stderr, name="iclscale-stderr", daemon=True)
        self._errors.start()
        atexit.register(self.close)

    # -- requests -------------------------------------------------------------------------------------------------
    def submit(self, verb: str, args: Sequence[Any] = (), options: Mapping[str, Any] | None = None) -> Future:
        """Sends one request; the future's result is the answer's ``result`` object (a dict), or it raises the
        :class:`IclscaleError` of the answer's ``error``."""
        request: dict[str, Any] = {"verb": verb}
        opts = {option_name(k): option_value(k, v) for k, v in (options or {}).items() if v is not None}
        if opts:
            request["options"] = opts
        if args:
            request["args"] = [option_value("args", a) for a in args]
        future: Future = Future()
        with self._lock:
            if self._closed or self._process.poll() is not None:
                raise ServerError("the iclscale serve process has ended" + self._tail())
            request_id = next(self._ids)
            self._pending[request_id] = future
        line = json.dumps({"id": request_id, **request}, allow_nan=False)
        try:
            with self._write_lock:
                self._process.stdin.write(line + "\n")
                self._process.stdin.flush()
        except (BrokenPipeError, OSError) as e:
            with self._lock:
                self._pending.pop(request_id, None)
            raise ServerError("the iclscale serve process has ended" + self._tail()) from e
        return future

    def call(self, verb: str, args: Sequence[Any] = (), options: Mapping[str, Any] | None = None,
             timeout: float | None = None) -> dict:
        """Sends one request and returns its result (a dict), raising the answer's error."""
        return self.submit(verb, args, options).result(timeout)

    # -- answers --------------------------------------------------------------------------------------------------
    def _read_answers(self) -> None:
        for line in self._process.stdout:
            try:
                answer = json.loads(line)
            except ValueError:
                self._stderr_tail.append("unreadable answer: " + line.strip())
                continue
            with self._lock:
                future = self._pending.pop(answer.get("id"), None)
            if future is None:
                self._stderr_tail.append("answer without a waiting request: " + line.strip())
                continue
            if "error" in answer:
                future.set_exception(error_from_answer(answer["error"]))
            else:
                future.set_result(answer["result"])
        # stdout closed: the process has ended; nobody will answer the rest
        self._process.wait()
        with self._lock:
            pending, self._pending = self._pending, {}
            self._closed = True
        for f in pending.values():
            f.set_exception(ServerError(f"the iclscale serve process ended (exit code {self._process.returncode})"
                                        + self._tail()))

    def _read_stderr(self) -> None:
        for line in self._process.stderr:
            self._stderr_tail.append(line.rstrip("\n"))
            if self._echo_stderr:
                sys.stderr.write(line)

    def _tail(self) -> str:
        return (": " + " | ".join(self._stderr_tail)) if self._stderr_tail else ""

    # -- life cycle -----------------------------------------------------------------------------------------------
    @property
    def pid(self) -> int:
        return self._process.pid

    def alive(self) -> bool:
        return self._process.poll() is None and not self._closed

    def close(self, timeout: float = 30) -> int | None:
        """Ends the input (the server answers what it has read, then exits) and waits for the process."""
        with self._lock:
            already = self._closed and self._process.poll() is not None
            self._closed = True
        if not already:
            try:
                with self._write_lock:
                    self._process.stdin.close()
            except OSError:
                pass
            try:
                self._process.wait(timeout)
            except subprocess.TimeoutExpired:
                self._process.terminate()
                self._process.wait(timeout)
        self._reader.join(timeout)
        return self._process.returncode

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "running" if self.alive() else f"ended ({self._process.returncode})"
        return f"<iclscale.Server pid {self._process.pid}, {state}, launcher {self.launcher}>"
