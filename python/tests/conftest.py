"""Test the package of this checkout (not an installed copy) against this checkout's command line."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

PYTHON_DIR = Path(__file__).resolve().parents[1]
REPO = PYTHON_DIR.parent
sys.path.insert(0, str(PYTHON_DIR))

import iclscale  # noqa: E402


class OneShot:
    """``./iclscale VERB ...`` in a JVM of its own: the reference the server's answers must equal."""

    def __init__(self, launcher: Path):
        self.launcher = launcher

    def run(self, *argv: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(self.launcher), *argv], capture_output=True, text=True, timeout=600,
                              stdin=subprocess.DEVNULL)

    def json(self, verb: str, *argv: str):
        r = self.run(verb, "--format", "json", *argv)  # right after the verb: sweep's own options precede its verb
        assert r.returncode == 0, r.stderr
        text = r.stdout.strip()
        if "\n{" in text:  # JSON lines (sweep)
            return [json.loads(line) for line in text.splitlines()]
        return json.loads(text)

    def error(self, verb: str, *argv: str):
        r = self.run(verb, "--format", "json", *argv)
        assert r.returncode != 0
        return r.returncode, r.stderr.strip()


@pytest.fixture(scope="session")
def cli():
    return OneShot(REPO / "iclscale")


@pytest.fixture(scope="session", autouse=True)
def shared_server():
    iclscale.configure(launcher=REPO / "iclscale")
    yield iclscale.server()
    iclscale.close()
