# %% [markdown]
# # ICLScale from Python: a paper figure panel and an exponent table
#
# Reproduces **Fig. 2a** of Bordelon, Letey, Pehlevan (arXiv 2510.01098) — the ISO loss landscape of Γ = γI against
# γ/L at α = 0.5 for L = 1…32, minima at γ/L = α/(1+α) = 1/3 — and a **table of scaling exponents** for several
# (ν, β), from Python. Every number comes from one `iclscale serve` JVM (started on first use); curves come back as
# pandas DataFrames. Run it as a script (`python3 examples/python/paper_from_python.py`) or cell by cell;
# `make_notebook.py` turns the cells into `paper_from_python.ipynb` and executes it.

# %%
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent if "__file__" in globals() else Path.cwd()
REPO = HERE.parents[1]
OUT = Path(os.environ.get("ICLSCALE_EXAMPLE_OUT", HERE))  # where the PNG and CSV files go
try:
    import iclscale
except ImportError:  # not installed: use the package of this checkout
    sys.path.insert(0, str(REPO / "python"))
    import iclscale

import matplotlib

if "ipykernel" not in sys.modules:
    matplotlib.use("Agg")  # a script writes files; a notebook shows the figures inline
import matplotlib.pyplot as plt
import pandas as pd

pd.set_option("display.width", 120)
pd.set_option("display.precision", 6)

# %% [markdown]
# ## Fig. 2a: the ISO landscape at α = 0.5
# `landscape` returns a DataFrame: columns `gammaPerLayer`, `loss`, `excessLoss`, `gamma`; the parameters and the
# method in `.attrs`. The grid γ/L = k/150, k = 1…150, is the one of `./iclscale figure 2`.

# %%
depths = [1, 2, 4, 8, 16, 32]
curves = {L: iclscale.landscape(alpha=0.5, depth=L, points=150, max=1) for L in depths}
print(curves[4].head())
print(curves[4].attrs["method"])

# %% [markdown]
# The digitized curves of the paper's own PDF (`shared/paper-figures/fig2a.csv`, if this checkout has it beside)
# are drawn dashed on top: the lines coincide.

# %%
paper_csv = Path(os.environ.get("ICLSCALE_PAPER_FIGURES", REPO.parent / "shared" / "paper-figures")) / "fig2a.csv"
paper = pd.read_csv(paper_csv) if paper_csv.is_file() else None

fig, ax = plt.subplots(figsize=(5.5, 4))
colours = plt.cm.magma([0.15 + 0.7 * i / (len(depths) - 1) for i in range(len(depths))])
for colour, L in zip(colours, depths):
    c = curves[L]
    ax.plot(c["gammaPerLayer"], c["loss"], color=colour, label=f"L = {L}")
    if paper is not None:
        p = paper[paper["curve"] == f"L = {L}"]
        ax.plot(p["x"], p["y"], color="black", lw=0.8, ls="--", label="paper (digitized)" if L == 1 else None)
ax.axvline(1 / 3, color="grey", lw=0.6, ls=":")
ax.set(xlim=(0, 1), ylim=(0.4, 1.05), xlabel=r"$\gamma / L$", ylabel="loss",
       title=r"Fig. 2a: ISO landscape, $\alpha = 0.5$")
ax.legend(loc="lower right", fontsize=8)
fig.tight_layout()
fig.savefig(OUT / "fig2a.png", dpi=120)

# %% [markdown]
# The minima, from `optimum` (a dict per call), against the closed form of paper-notes §3.1,
# 𝓛⋆ = 1 − (α/(1+α)) Σ_{n<L} C_n xⁿ with x = α/(1+α)² (C_n the Catalan numbers), and the paper's values read off
# the figure (0.667, 0.593, 0.541, 0.513, 0.502, 0.500).

# %%
from math import comb

def iso_optimal_loss(alpha, L):
    x = alpha / (1 + alpha) ** 2
    return 1 - alpha / (1 + alpha) * sum(comb(2 * n, n) / (n + 1) * x**n for n in range(L))

minima = pd.DataFrame([{**{k: o[k] for k in ("depth", "gamma", "loss")}, "gammaPerLayer": o["gamma"] / L,
                        "closedForm": iso_optimal_loss(0.5, L)}
                       for L in depths for o in [iclscale.optimum(alpha=0.5, depth=L)]])
minima["paperFigure"] = [0.667, 0.593, 0.541, 0.513, 0.502, 0.500]
print(minima.to_string(index=False))
assert (minima["loss"] - minima["closedForm"]).abs().max() < 1e-12

# %% [markdown]
# ## Exponent table
# `sweep` runs `exponents` over the (ν, β) grid in the server and returns one row per point (nested objects with
# dotted names, e.g. `computeOptimal.loss`). Loss ~ t^−time, L^−depth, N^−width, P^−context; compute-optimal
# loss ~ C^−computeOptimal.loss for C = t P² N² L (paper Result 8).

# %%
table = iclscale.sweep("exponents", nu=[1.25, 1.5, 2.0], beta=[0.5, 0.8, 1.25, 2.0], numeric_only=True)
columns = ["nu", "beta", "time", "depth", "width", "context", "fsTime", "computeOptimal.loss"]
exponents = table[columns]
print(exponents.to_string(index=False))
exponents.to_csv(OUT / "exponents.csv", index=False)
# the reduced-Gamma time exponent is beta/(2+beta) for every nu (paper Result 6, Fig. 4a)
assert ((exponents["time"] - exponents["beta"] / (2 + exponents["beta"])).abs() < 1e-12).all()

# %%
fig, axes = plt.subplots(1, 2, figsize=(9, 3.6))
for nu, group in exponents.groupby("nu"):
    axes[0].plot(group["beta"], group["width"], marker="o", label=rf"width, $\nu$ = {nu}")
    axes[1].plot(group["beta"], group["computeOptimal.loss"], marker="o", label=rf"$\nu$ = {nu}")
b = exponents["beta"].drop_duplicates().sort_values()
axes[0].plot(b, b / (2 + b), "k--", label=r"time $\beta/(2+\beta)$")
axes[0].set(xlabel=r"$\beta$", ylabel="exponent", title="loss exponents")
axes[1].set(xlabel=r"$\beta$", ylabel="exponent of C", title="compute-optimal loss")
for a in axes:
    a.legend(fontsize=8)
fig.tight_layout()
fig.savefig(OUT / "exponents.png", dpi=120)

# %% [markdown]
# Bad input raises a Python exception carrying the option, the value and the valid range:

# %%
try:
    iclscale.exponents(nu=0.5, beta=0.8)
except iclscale.InvalidInputError as e:
    print(f"option={e.option!r} value={e.value!r} valid={e.valid!r}\n{e}")
