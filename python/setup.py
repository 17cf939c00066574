"""Installs the ``iclscale`` Python package: ``pip install ./python`` (no network needed).

Deliberately a plain setup.py without pyproject.toml: pip then builds with the setuptools already installed
instead of downloading a build environment, which these machines cannot (no PyPI). When built from a checkout,
the checkout's folder is recorded in ``iclscale/_checkout.py`` so that the installed package finds ``./iclscale``
(``ICLSCALE_HOME`` overrides it).
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithCheckout(build_py):
    def run(self):
        super().run()
        root = HERE.parent
        if (root / "iclscale").is_file():
            target = Path(self.build_lib) / "iclscale" / "_checkout.py"
            target.write_text('"""Written by setup.py: the checkout this package was installed from."""\n'
                              f"CHECKOUT = {str(root)!r}\n", encoding="utf-8")


setup(
    name="iclscale",
    version="0.1.0",
    description="Python front end of ICLScale (scaling laws of in-context regression by deep linear attention): "
                "one long-lived 'iclscale serve' JVM, results as dicts and pandas DataFrames",
    license="LGPL-3.0-or-later",
    python_requires=">=3.9",
    packages=["iclscale"],
    package_data={"iclscale": ["cli_help.json"]},
    extras_require={"frames": ["pandas"], "examples": ["pandas", "matplotlib"]},
    cmdclass={"build_py": BuildWithCheckout},
)
