"""``pip install ./python`` works offline and the installed package finds this checkout's launcher."""

import os
import subprocess
import venv

from conftest import PYTHON_DIR, REPO


def test_pip_install_without_network_finds_the_checkout(tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    # --no-index: no package registry at all (PyPI is not reachable here)
    r = subprocess.run([str(python), "-m", "pip", "install", "--no-index", "--no-deps", "-q", str(PYTHON_DIR)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    env = {k: v for k, v in os.environ.items() if not k.startswith("ICLSCALE") and k != "PYTHONPATH"}
    probe = ("import iclscale, iclscale._clihelp as h; print(iclscale.__file__); print(iclscale.find_launcher()); "
             "print(len(h.shipped())); print('iclscale risk --help' in iclscale.risk.__doc__)")
    r = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    where, launcher, verbs, documented = r.stdout.split("\n")[:4]
    assert where.startswith(str(env_dir)), "the installed copy is imported, not the checkout"
    assert launcher == str(REPO / "iclscale")
    assert int(verbs) > 10 and documented == "True"
