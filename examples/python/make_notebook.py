"""Turns the '# %%' cells of paper_from_python.py into paper_from_python.ipynb and executes it (outputs kept).

Needs Debian's python3-nbformat, python3-nbclient and python3-ipykernel (no PyPI):
    apt-get install python3-nbformat python3-nbclient python3-ipykernel
    /usr/bin/python3 examples/python/make_notebook.py
"""

import os
import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "paper_from_python.py"
TARGET = HERE / "paper_from_python.ipynb"


def cells(text: str):
    """(kind, source) per cell: '# %% [markdown]' cells have their '# ' comment prefixes removed."""
    for chunk in re.split(r"^# %%", text, flags=re.M)[1:]:
        header, _, body = chunk.partition("\n")
        if header.strip() == "[markdown]":
            yield "markdown", "\n".join(re.sub(r"^# ?", "", line) for line in body.strip("\n").splitlines())
        else:
            yield "code", body.strip("\n")


def main() -> None:
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # the kernel's debugger warning about frozen modules
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for kind, source in cells(SOURCE.read_text(encoding="utf-8")):
        nb.cells.append(nbformat.v4.new_markdown_cell(source) if kind == "markdown" else nbformat.v4.new_code_cell(source))
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(HERE)}}).execute()
    nbformat.write(nb, TARGET)
    print(f"wrote {TARGET} ({len(nb.cells)} cells, executed)")


if __name__ == "__main__":
    sys.exit(main())
