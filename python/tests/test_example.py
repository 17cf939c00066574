"""The Python example (examples/python) runs and reproduces what it claims (it asserts its own checks)."""

import os
import subprocess
import sys

from conftest import REPO


def test_example_script_runs(tmp_path):
    env = {**os.environ, "ICLSCALE_EXAMPLE_OUT": str(tmp_path), "MPLBACKEND": "Agg"}
    r = subprocess.run([sys.executable, str(REPO / "examples" / "python" / "paper_from_python.py")],
                       capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    assert {"fig2a.png", "exponents.png", "exponents.csv"} <= {p.name for p in tmp_path.iterdir()}
    assert "0.592593" in r.stdout  # the L = 2 minimum 16/27 at alpha = 0.5
    assert "option='nu'" in r.stdout
