"""Errors carry the command line's facts; the server answers in parallel and survives bad requests."""

import math
import threading

import numpy as np
import pytest

import iclscale
from iclscale._server import option_value


def test_bad_input_raises_with_option_value_and_valid_range(cli):
    with pytest.raises(iclscale.InvalidInputError) as e:
        iclscale.risk(alpha=-1, gamma=1)
    code, line = cli.error("risk", "--alpha", "-1", "--gamma", "1")
    assert (e.value.code, e.value.message) == (code, line) == (2, str(e.value))
    assert (e.value.option, e.value.value, e.value.valid) == ("alpha", "-1", "a number > 0, or inf")
    assert isinstance(e.value, ValueError)


def test_unknown_option_and_missing_option(cli):
    with pytest.raises(iclscale.InvalidInputError) as e:
        iclscale.risk(gamma=1, frobnicate=3)
    assert e.value.message == cli.error("risk", "--gamma", "1", "--frobnicate", "3")[1]
    assert e.value.option == "frobnicate"
    with pytest.raises(iclscale.InvalidInputError) as e:
        iclscale.dynamics(alpha=1)
    assert e.value.option == "times"


def test_a_computation_that_cannot_finish_raises_computation_error(cli):
    options = dict(setting="rrs", nu=1.5, beta=0.8, dim=64, alpha=4, width=16, depth=4, gamma=1000)
    with pytest.raises(iclscale.ComputationError) as e:
        iclscale.risk(**options)
    code, line = cli.error(*"risk --setting rrs --nu 1.5 --beta 0.8 --dim 64 --alpha 4 --width 16 --depth 4 --gamma 1000".split())
    assert (e.value.code, e.value.message) == (code, line)
    assert code == 1 and "two-point contour" in line
    assert iclscale.risk(alpha=1, gamma=0.5)["loss"] == pytest.approx(0.5)  # still answering (1 - 2g + g^2 (1 + 1/alpha))


def test_parallel_calls_from_threads_get_their_own_answers():
    alphas = [0.25 * (i + 1) for i in range(24)]
    results = {}

    def work(a):
        results[a] = iclscale.optimum(alpha=a, depth=1)

    threads = [threading.Thread(target=work, args=(a,)) for a in alphas]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for a in alphas:
        # ISO depth 1: gamma* = alpha/(1+alpha), loss* = 1/(1+alpha) (paper-notes 3.1)
        assert results[a]["alpha"] == a
        assert results[a]["loss"] == pytest.approx(1 / (1 + a), rel=1e-12)
    futures = [iclscale.submit("risk", alpha=a, depth=1, gamma="opt") for a in alphas]
    assert [f.result()["alpha"] for f in futures] == alphas


def test_option_values_become_json_the_command_line_reads():
    assert option_value("alpha", math.inf) == "inf"
    assert option_value("times", np.array([1.0, 10.0])) == [1.0, 10.0]
    assert option_value("dim", np.int64(64)) == 64
    assert option_value("continuum", True) is True
    with pytest.raises(ValueError):
        option_value("alpha", math.nan)
    with pytest.raises(TypeError):
        option_value("alpha", {"a": 1})
    # numpy values reach the server and back
    assert iclscale.risk(alpha=np.float64(0.5), depth=np.int32(4), gamma=2) == iclscale.risk(alpha=0.5, depth=4, gamma=2)


def test_raw_call_help_text_and_describe(cli):
    assert iclscale.call("risk", help=True)["text"] == cli.run("risk", "--help").stdout
    assert "risk" in iclscale.describe()


def test_a_server_of_its_own_starts_answers_and_ends_cleanly():
    with iclscale.Server(threads=1) as s:
        assert s.call("risk", options={"alpha": 1, "gamma": 0.5})["loss"] == pytest.approx(0.5)
        process = s
    assert process.close() == 0
    with pytest.raises(iclscale.ServerError):
        process.call("risk", options={"alpha": 1, "gamma": 1})
