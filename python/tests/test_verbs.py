"""Every wrapped verb against the one-shot command line: the same numbers, as a dict or a DataFrame."""

import math
import re

import pandas as pd
import pytest

import iclscale
from iclscale._frames import curve_columns, flatten


def assert_frame_is_curve(frame, expected):
    """A curve DataFrame holds exactly the CLI's column arrays, and every other field in attrs."""
    columns = curve_columns(expected)
    assert columns, "the CLI result is a curve"
    assert list(frame.columns) == columns
    for c in columns:
        assert frame[c].tolist() == expected[c], c
    assert frame.attrs == {k: v for k, v in expected.items() if k not in columns}


SCALAR_VERBS = [
    ("risk", dict(setting="iso", alpha=0.5, depth=4, gamma=2), "risk --setting iso --alpha 0.5 --depth 4 --gamma 2"),
    ("risk", dict(setting="rrs", nu=1.5, beta=0.8, dim=64, alpha=4, width=16, depth=4, gamma="opt"),
     "risk --setting rrs --nu 1.5 --beta 0.8 --dim 64 --alpha 4 --width 16 --depth 4 --gamma opt"),
    ("risk", dict(setting="rrs", nu=1.5, beta=0.8, dim=32, layer_gammas=[1, 2, 3]),
     "risk --setting rrs --nu 1.5 --beta 0.8 --dim 32 --layer-gammas 1,2,3"),
    ("optimum", dict(setting="rrs", nu=1.5, beta=0.8, dim=64, depth=8),
     "optimum --setting rrs --nu 1.5 --beta 0.8 --dim 64 --depth 8"),
    ("optimum", dict(alpha=float("inf"), depth=3), "optimum --alpha inf --depth 3"),
    ("simulate", dict(dim=20, alpha=1, depth=2, gamma=1, trials=50), "simulate --dim 20 --alpha 1 --depth 2 --gamma 1 --trials 50"),
    ("exponents", dict(nu=1.5, beta=0.8), "exponents --nu 1.5 --beta 0.8"),
    ("exponents", dict(nu=2, beta=0.5, numeric_only=True), "exponents --nu 2 --beta 0.5 --numeric-only"),
    ("shape", dict(nu=1.5, beta=0.8, compute=1e8), "shape --nu 1.5 --beta 0.8 --compute 1e8"),
]


@pytest.mark.parametrize("verb,options,argv", SCALAR_VERBS, ids=[s[2] for s in SCALAR_VERBS])
def test_scalar_verbs_return_the_cli_json_as_a_dict(cli, verb, options, argv):
    got = getattr(iclscale, verb)(**options)
    assert isinstance(got, dict)
    assert got == cli.json(*argv.split())
    assert not any(isinstance(v, float) and not math.isfinite(v) for v in flatten(got).values())


CURVE_VERBS = [
    ("landscape", dict(alpha=1, depth=2, points=7), "landscape --alpha 1 --depth 2 --points 7"),
    ("dynamics", dict(setting="fs", nu=1.5, beta=0.8, dim=32, times=[0, 1, 10], modes=[1, 2]),
     "dynamics --setting fs --nu 1.5 --beta 0.8 --dim 32 --times 0,1,10 --modes 1,2"),
    ("sgd", dict(alpha=1, eta=0.02, steps=10), "sgd --alpha 1 --eta 0.02 --steps 10"),
    ("train", dict(dim=16, alpha=1, depth=2, eta=0.05, steps=20, every=10),
     "train --dim 16 --alpha 1 --depth 2 --eta 0.05 --steps 20 --every 10"),
    ("ood", dict(setting="fs", nu=1.5, beta=0.8, dim=16, depth=2, thetas=[0, 0.5, 1]),
     "ood --setting fs --nu 1.5 --beta 0.8 --dim 16 --depth 2 --thetas 0,0.5,1"),
    ("shape", dict(nu=1.5, beta=0.8, compute_range="1e6:1e9:log:4"), "shape --nu 1.5 --beta 0.8 --compute-range 1e6:1e9:log:4"),
]


@pytest.mark.parametrize("verb,options,argv", CURVE_VERBS, ids=[s[2] for s in CURVE_VERBS])
def test_curve_verbs_return_the_cli_columns_as_a_dataframe(cli, verb, options, argv):
    got = getattr(iclscale, verb)(**options)
    assert isinstance(got, pd.DataFrame)
    assert_frame_is_curve(got, cli.json(*argv.split()))


def test_derive_and_check(cli):
    assert iclscale.derive("isoOptimalLoss", set=["L=2"]) == cli.json("derive", "isoOptimalLoss", "--set", "L=2")
    expression = "(1+2*alpha)/(1+alpha)^3"
    got = iclscale.check(expression, against="isoOptimalLoss", set=["L=2"], points=4)
    assert got == cli.json("check", expression, "--against", "isoOptimalLoss", "--set", "L=2", "--points", "4")
    assert got["verdict"] == "equal"


def test_check_against_the_model_and_a_scaling_claim(cli):
    expression = "1 - 2*gamma + gamma^2*(1 + 1/alpha)"
    got = iclscale.check(expression, against_model=True, quantity="loss", vary="alpha=0.2:4,gamma=0:2", points=6)
    assert got == cli.json("check", expression, "--against-model", "--quantity", "loss", "--vary",
                           "alpha=0.2:4,gamma=0:2", "--points", "6")
    assert got["verdict"] == "equal"
    claim = iclscale.check(scaling="c*L^(-beta)", variable="L", against_model=True, quantity="optimalLoss",
                           setting="rrs", continuum=True, nu=1.5, beta=0.8, vary="L=32..128", points=4)
    assert claim["verdict"] == "agrees"
    assert abs(claim["measuredExponent"] - 0.8) < 0.05


def test_check_a_claim_along_the_compute_optimal_frontier_and_a_path(cli):
    claim = "c*C^(-nu*beta/(2 + 2*beta + 3*nu + nu*beta))"
    got = iclscale.check(scaling=claim, variable="C", along="frontier", against_model=True, setting="rrs", nu=1.5,
                         beta=1.2, vary="C=1e8:1e14", points=5)
    assert got == cli.json("check", "--scaling", claim, "--as", "C", "--along", "frontier", "--against-model",
                           "--setting", "rrs", "--nu", "1.5", "--beta", "1.2", "--vary", "C=1e8:1e14", "--points", "5")
    assert got["verdict"] == "agrees"
    width = iclscale.check(scaling="c*C^(1/((3 + beta)*nu + 4))", variable="C", along="frontier", against_model=True,
                           quantity="width", nu=1.5, beta=1.2, vary="C=1e8:1e14", points=5)
    assert width["verdict"] == "differs"  # the paper's width exponent nu*beta at beta >= 1
    path = iclscale.check(scaling="c*C^(-beta/(3 + beta))", variable="C", along="L=C^(1/(3+beta)),t=C^((2+beta)/(3+beta))",
                          against_model=True, quantity="lossAfter", setting="rrs", continuum=True, nu=1.5, beta=0.8,
                          vary="C=1e4:1e6", points=4)
    assert path["verdict"] == "agrees"
    with pytest.raises(iclscale.InvalidInputError) as bad:
        iclscale.check(scaling="c*C^(-0.1)", variable="C", along="frontier", against_model=True, nu=1.5, beta=1.2,
                       vary="C=1e8:1e12", points=4, setting="iso")
    assert "--setting" in str(bad.value)


def test_sweep_is_a_dataframe_with_a_row_per_point(cli):
    got = iclscale.sweep("optimum", alpha=[0.5, 1, 2], depth=[1, 4], threads=1)
    rows = cli.json("sweep", "--threads", "1", "optimum", "--alpha", "0.5,1,2", "--depth", "1,4")
    expected = pd.json_normalize(rows)  # independent flattening (dotted keys)
    assert len(got) == 6
    assert list(got.columns) == list(expected.columns)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert got["alpha"].tolist() == [0.5, 0.5, 1.0, 1.0, 2.0, 2.0]


def test_sweep_of_exponents_flattens_nested_objects(cli):
    got = iclscale.sweep("exponents", nu=[1.5, 2], beta="0.5,1", numeric_only=True, threads=1)
    rows = cli.json("sweep", "--threads", "1", "exponents", "--nu", "1.5,2", "--beta", "0.5,1", "--numeric-only")
    assert got["computeOptimal.loss"].tolist() == [r["computeOptimal"]["loss"] for r in rows]
    assert got["time"].tolist() == [r["time"] for r in rows]
    # the reduced-Gamma RRS time exponent is beta/(2+beta) (paper Result 6), whatever nu
    for b, t in zip(got["beta"], got["time"]):
        assert t == pytest.approx(b / (2 + b), rel=1e-12)


def test_sweep_of_a_curve_verb_is_long_format(cli):
    got = iclscale.sweep("landscape", alpha=[0.5, 2], depth=2, points=5, threads=1)
    rows = cli.json("sweep", "--threads", "1", "landscape", "--alpha", "0.5,2", "--depth", "2", "--points", "5")
    assert len(got) == 10
    assert got["loss"].tolist() == rows[0]["loss"] + rows[1]["loss"]
    assert got["alpha"].tolist() == [0.5] * 5 + [2.0] * 5


def without_timing(figure_result):
    """A figure result without its wall-clock note ("Fig. 2 computed and written in 2.5 s"), the one part that varies."""
    timed = [n for n in figure_result["notes"] if re.fullmatch(r"Fig\. \S+ computed and written in [0-9.]+ s", n)]
    assert len(timed) == 1, figure_result["notes"]
    return {**figure_result, "notes": [n for n in figure_result["notes"] if n not in timed]}


def test_figure_writes_into_the_folder_asked_for(cli, tmp_path):
    got = iclscale.figure(2, out=tmp_path / "py")
    expected = cli.json("figure", "2", "--out", str(tmp_path / "py"))
    assert without_timing(got) == without_timing(expected)
    assert all((tmp_path / "py").joinpath(f.split("/")[-1]).is_file() for f in got["files"])


def test_every_served_verb_is_a_function():
    for verb in iclscale.describe():
        fn = getattr(iclscale, verb)
        assert callable(fn)
        assert f"iclscale {verb} --help" in fn.__doc__
