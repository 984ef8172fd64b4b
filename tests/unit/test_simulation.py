"""Tests of formal_emergence.simulation: closed forms within sampling error, determinism, validation.

Tolerances are 6 standard errors of the estimator, with the standard error computed from the exact
variance of the estimator under the model (not from the same sample). A correct implementation
fails such a check with probability about 2e-9 per point; with fixed seeds the outcome is
deterministic, so these tests either always pass or reveal a real discrepancy.
"""

from __future__ import annotations

import ast
import dataclasses
import json
import math
import pathlib
import statistics

import pytest

from formal_emergence.errors import UserInputError
from formal_emergence.simulation import (
    EXPERIMENTS,
    SimulationResult,
    attention_entropy,
    gradient_noise_averaging,
    random_cosine,
    run_experiment,
)
from formal_emergence.simulation import experiments as ex

Z = 6.0  # tolerance in standard errors

SMALL_ATTENTION = dict(d_values=(16, 64, 256), seq_len=32, samples=500)
SMALL_COSINE = dict(d_values=(10, 100, 1000, 10_000), samples=1225)
SMALL_AVERAGING = dict(n_values=(1, 4, 16, 64), samples=3000)


@pytest.fixture(scope="module")
def scaled_sweep() -> SimulationResult:
    # The documents' sweep of d_k, fewer queries than the default to keep the test fast.
    return attention_entropy(samples=300, seed=3, scaled=True)


@pytest.fixture(scope="module")
def unscaled_sweep() -> SimulationResult:
    return attention_entropy(samples=300, seed=3, scaled=False)


@pytest.fixture(scope="module")
def cosine_sweep() -> SimulationResult:
    # Default d values up to 10^6; 1225 pairs from 50 vectors per d.
    return random_cosine(samples=1225, seed=5)


@pytest.fixture(scope="module")
def averaging_sweep() -> SimulationResult:
    return gradient_noise_averaging(samples=4000, seed=7)


def _within(result: SimulationResult) -> None:
    for p, m, c, se in zip(result.parameters, result.measured, result.closed_form, result.standard_error):
        assert abs(m - c) <= Z * se, (result.experiment, p, m, c, se)
    assert result.max_standard_score <= Z


# ---------------------------------------------------------------------------------------- determinism

@pytest.mark.parametrize("function, kwargs", [
    (attention_entropy, SMALL_ATTENTION),
    (random_cosine, SMALL_COSINE),
    (gradient_noise_averaging, SMALL_AVERAGING),
])
def test_same_seed_is_bit_identical_and_other_seed_differs(function, kwargs):
    a = function(seed=11, **kwargs)
    b = function(seed=11, **kwargs)
    c = function(seed=12, **kwargs)
    assert a == b
    assert a.measured == b.measured and a.series == b.series  # exact float equality
    assert a.to_json() == b.to_json()
    assert c.measured != a.measured
    assert c.seed == 12 and a.seed == 11


def test_scaled_and_unscaled_share_draws():
    # Same seed, same draws: the unscaled logits are exactly sqrt(d) times the scaled ones.
    s = attention_entropy(seed=2, **SMALL_ATTENTION)
    u = attention_entropy(seed=2, scaled=False, **SMALL_ATTENTION)
    for d, vs, vu in zip(s.parameters, s.measured, u.measured):
        assert vu == pytest.approx(vs * d, rel=1e-12)


# ---------------------------------------------------------------------------------------- (a) attention

def test_scaled_logit_variance_is_one_for_every_d(scaled_sweep):
    assert scaled_sweep.parameters == (16, 32, 64, 128, 256, 512, 1024)
    assert scaled_sweep.closed_form == (1.0,) * 7
    _within(scaled_sweep)


def test_unscaled_logit_variance_is_d(unscaled_sweep):
    assert unscaled_sweep.closed_form == tuple(float(d) for d in unscaled_sweep.parameters)
    _within(unscaled_sweep)


def test_scaled_entropy_has_no_step_at_any_d(scaled_sweep):
    h = scaled_sweep.series["entropy_mean"]
    se = scaled_sweep.series["entropy_standard_error"]
    ln_n = math.log(64)
    for i in range(len(h) - 1):
        assert abs(h[i + 1] - h[i]) <= Z * math.hypot(se[i], se[i + 1]), (scaled_sweep.parameters[i], h)
    for value in h:
        assert 0.8 * ln_n < value < ln_n  # about 3.69 nats for N(0,1) logits and 64 keys
    assert scaled_sweep.series["entropy_max"] == (pytest.approx(ln_n),) * 7
    jump = scaled_sweep.largest_jump
    assert jump["series"] == "entropy_mean"
    assert jump["change_in_standard_errors"] <= Z


def test_unscaled_entropy_falls_smoothly(unscaled_sweep):
    h = unscaled_sweep.series["entropy_mean"]
    assert all(b < a for a, b in zip(h, h[1:]))
    jump = unscaled_sweep.largest_jump
    # Smooth decline: the biggest per-e-fold step is close to the typical one, no outlier step.
    assert jump["criterion"] == "elasticity"
    assert jump["ratio_to_median"] < 1.5


def test_large_key_dimension_uses_the_column_blocked_path(monkeypatch):
    # Force the one-query-at-a-time path (used when seq_len * d exceeds the block) on a small case.
    monkeypatch.setattr(ex, "_BLOCK", 64)
    r = attention_entropy(d_values=(100,), seq_len=8, samples=400, seed=1)
    _within(r)


# ---------------------------------------------------------------------------------------- (b) cosine

def test_cosine_variance_is_one_over_d(cosine_sweep):
    assert cosine_sweep.parameters == (10, 100, 1000, 10_000, 100_000, 1_000_000)
    assert cosine_sweep.settings["vectors_per_point"] == 50
    for d, c, se in zip(cosine_sweep.parameters, cosine_sweep.closed_form, cosine_sweep.standard_error):
        assert c == 1.0 / d
        assert se == pytest.approx(math.sqrt(2 * (d - 1) / (d + 2) / 1225) / d)
    _within(cosine_sweep)
    for d, mean in zip(cosine_sweep.parameters, cosine_sweep.series["mean"]):
        assert abs(mean) <= Z / math.sqrt(d * 1225)


def test_cosine_tail_never_exceeds_bound_beyond_sampling_error(cosine_sweep):
    s = cosine_sweep.series
    for d, f, b, b_se in zip(cosine_sweep.parameters, s["tail_frequency"], s["tail_bound"],
                             s["tail_bound_standard_error"]):
        assert b == pytest.approx(2 * math.exp(-d * 0.01**2 / 2))
        assert 0.0 <= f <= min(b, 1.0) + Z * b_se, (d, f, b)
    assert s["tail_frequency"][-1] == 0.0  # d = 10^6: bound 3.9e-22


def test_cosine_decay_is_a_power_law_without_threshold(cosine_sweep):
    jump = cosine_sweep.largest_jump
    assert jump["criterion"] == "elasticity"
    assert jump["size"] == pytest.approx(-1.0, abs=0.1)  # Var = 1/d: elasticity -1 at every step
    assert jump["ratio_to_median"] < 1.1


def test_pairs_sharing_vectors_have_the_independent_pairs_spread():
    # The design reuses vectors across pairs; its variance claim (same as independent pairs) is
    # checked by the spread of the estimate over seeds against the closed-form standard error.
    runs = [random_cosine(d_values=(3, 40), samples=300, seed=s) for s in range(60)]
    for k in range(2):
        spread = statistics.stdev(r.measured[k] for r in runs)
        assert 0.7 < spread / runs[0].standard_error[k] < 1.35


# ---------------------------------------------------------------------------------------- (c) averaging

def test_averaged_noise_std_is_sigma_over_sqrt_n(averaging_sweep):
    assert averaging_sweep.closed_form == tuple(1.0 / math.sqrt(n) for n in averaging_sweep.parameters)
    _within(averaging_sweep)


def test_snr_grows_like_sqrt_n(averaging_sweep):
    s = averaging_sweep.series
    for n, snr, closed, se in zip(averaging_sweep.parameters, s["snr"], s["snr_closed_form"], s["snr_standard_error"]):
        assert closed == pytest.approx(math.sqrt(n))
        assert abs(snr - closed) <= Z * se
    jump = averaging_sweep.largest_jump
    assert jump["series"] == "snr"
    assert jump["size"] == pytest.approx(0.5, abs=0.05)
    assert jump["ratio_to_median"] < 1.1


def test_huge_n_uses_the_blocked_path(monkeypatch):
    # Force the path used when one average needs more draws than a block (N > _BLOCK).
    monkeypatch.setattr(ex, "_BLOCK", 16)
    r = gradient_noise_averaging(n_values=(8, 100), samples=2000, seed=3)
    _within(r)


def test_averaging_respects_sigma_and_signal():
    r = gradient_noise_averaging(n_values=(2, 8), signal=-3.0, sigma=2.5, samples=3000, seed=4)
    assert r.closed_form == (2.5 / math.sqrt(2), 2.5 / math.sqrt(8))
    _within(r)
    assert r.series["snr_closed_form"] == (-3.0 * math.sqrt(2) / 2.5, -3.0 * math.sqrt(8) / 2.5)


# ---------------------------------------------------------------------------------------- largest_jump

def test_largest_jump_finds_a_real_step():
    params = (1, 2, 4, 8, 16, 32, 64)
    values = (1.0, 1.01, 1.02, 5.0, 5.05, 5.1, 5.15)
    jump = ex._largest_jump("x", params, values, (0.01,) * 7)
    assert jump["index"] == 2 and jump["from_parameter"] == 4 and jump["to_parameter"] == 8
    assert jump["relative_change"] == pytest.approx(5.0 / 1.02 - 1)
    assert jump["ratio_to_median"] > 50
    assert jump["change_in_standard_errors"] > 100


def test_largest_jump_normalises_uneven_grids_and_handles_signs():
    # A power law v = p^-1 on an uneven grid: every step has elasticity -1, none stands out.
    params = (1, 2, 10, 11, 1000)
    jump = ex._largest_jump("x", params, tuple(1.0 / p for p in params))
    assert jump["size"] == pytest.approx(-1.0) and jump["ratio_to_median"] == pytest.approx(1.0)
    mixed = ex._largest_jump("x", (1, 2, 4), (-1.0, 0.0, 3.0))
    assert mixed["criterion"] == "relative_change_per_log_step" and mixed["index"] == 0
    assert ex._largest_jump("x", (5,), (1.0,))["index"] is None


# ---------------------------------------------------------------------------------------- validation

BAD = [
    (attention_entropy, {"d_values": [16, 0]}, "d_values"),
    (attention_entropy, {"d_values": [16, 10**8]}, "d_values"),
    (attention_entropy, {"d_values": [64, 32]}, "d_values"),
    (attention_entropy, {"d_values": [32, 32]}, "d_values"),
    (attention_entropy, {"d_values": []}, "d_values"),
    (attention_entropy, {"d_values": [16.0]}, "d_values"),
    (attention_entropy, {"d_values": [True]}, "d_values"),
    (attention_entropy, {"d_values": "16,32"}, "d_values"),
    (attention_entropy, {"d_values": 128}, "d_values"),
    (attention_entropy, {"d_values": list(range(1, 100))}, "d_values"),
    (attention_entropy, {"seq_len": 1}, "seq_len"),
    (attention_entropy, {"samples": 1}, "samples"),
    (attention_entropy, {"samples": 10**7}, "samples"),
    (attention_entropy, {"samples": 2.5}, "samples"),
    (attention_entropy, {"scaled": 1}, "scaled"),
    (attention_entropy, {"scaled": "yes"}, "scaled"),
    (attention_entropy, {"seed": -1}, "seed"),
    (attention_entropy, {"d_values": [10**7], "samples": 10**4}, "samples"),  # 6.5e11 draws
    (random_cosine, {"eps": 0}, "eps"),
    (random_cosine, {"eps": 1.5}, "eps"),
    (random_cosine, {"eps": float("nan")}, "eps"),
    (random_cosine, {"eps": "0.01"}, "eps"),
    (random_cosine, {"d_values": [10**7], "samples": 10**6}, "samples"),
    (random_cosine, {"samples": 0}, "samples"),
    (gradient_noise_averaging, {"sigma": 0}, "sigma"),
    (gradient_noise_averaging, {"sigma": -1.0}, "sigma"),
    (gradient_noise_averaging, {"sigma": float("inf")}, "sigma"),
    (gradient_noise_averaging, {"signal": None}, "signal"),
    (gradient_noise_averaging, {"n_values": [0, 4]}, "n_values"),
    (gradient_noise_averaging, {"n_values": [10**7], "samples": 10**6}, "samples"),
]


@pytest.mark.parametrize("function, kwargs, key", BAD)
def test_bad_parameters_raise_user_input_error(function, kwargs, key):
    with pytest.raises(UserInputError) as info:
        function(**kwargs)
    error = info.value
    assert error.key == key and error.column == 0
    assert error.hint and error.found.startswith(f"{key} = ")


def test_run_experiment_locates_errors_in_the_claim_file():
    with pytest.raises(UserInputError) as info:
        run_experiment("random_cosine", {"d_values": [10, -1]}, file="claims/c.toml", key="claim.simulation")
    e = info.value
    assert (e.file, e.key, e.column) == ("claims/c.toml", "claim.simulation.d_values", 0)
    assert "element 1" in e.hint and str(e).startswith("claims/c.toml: claim.simulation.d_values: d_values = ")

    with pytest.raises(UserInputError) as info:
        run_experiment("random_cosines", {}, file="c.toml", key="claim.experiment")
    assert "random_cosine" in info.value.hint and info.value.key == "claim.experiment"

    with pytest.raises(UserInputError) as info:
        run_experiment("random_cosine", {"dims": [10]}, file="c.toml", key="claim.simulation")
    assert info.value.key == "claim.simulation.dims" and "d_values" in info.value.hint

    with pytest.raises(UserInputError):
        run_experiment("random_cosine", [("samples", 10)], file="c.toml")


def test_run_experiment_runs_with_toml_style_values():
    r = run_experiment("gradient_noise_averaging", {"n_values": [1, 16], "samples": 500, "sigma": 2, "seed": 9})
    assert isinstance(r, SimulationResult) and r.parameters == (1, 16) and r.settings["sigma"] == 2.0
    assert r == gradient_noise_averaging(n_values=(1, 16), samples=500, sigma=2.0, seed=9)


# ---------------------------------------------------------------------------------------- result object

def test_to_json_is_plain_rounded_json(cosine_sweep):
    data = cosine_sweep.to_json()
    text = json.dumps(data, allow_nan=False, sort_keys=True)
    assert json.loads(text) == data
    assert set(data) == {f.name for f in dataclasses.fields(SimulationResult)}
    assert isinstance(data["parameters"], list) and isinstance(data["series"]["tail_bound"], list)

    def walk(x):
        if isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
        else:
            assert not isinstance(x, tuple)
            if isinstance(x, float):
                assert x == float(f"{x:.12g}")
    walk(data)
    assert data["measured"][0] == float(f"{cosine_sweep.measured[0]:.12g}")


def test_result_is_frozen_and_registry_is_read_only(averaging_sweep):
    with pytest.raises(dataclasses.FrozenInstanceError):
        averaging_sweep.seed = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        EXPERIMENTS["x"] = random_cosine  # type: ignore[index]
    assert dict(EXPERIMENTS) == {
        "attention_entropy": attention_entropy,
        "random_cosine": random_cosine,
        "gradient_noise_averaging": gradient_noise_averaging,
    }
    for result in (averaging_sweep,):
        assert len(result.measured) == len(result.closed_form) == len(result.standard_error) == len(result.parameters)
        assert all(len(v) == len(result.parameters) for v in result.series.values())
        assert "independent" in result.scope


def test_simulation_imports_only_numpy_stdlib_and_errors():
    import sys

    root = pathlib.Path(ex.__file__).parent
    allowed_third_party = {"numpy"}
    for path in root.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                ok = (top in sys.stdlib_module_names or top in allowed_third_party or top == "__future__"
                      or name in {"formal_emergence.errors"} or name.startswith("formal_emergence.simulation"))
                assert ok, (path.name, name)
