"""The prover benchmark's problem file (benchmarks/problems.toml, benchmarks/witnesses.toml) is sound data:
every problem parses, every false twin is falsified by its witness (exactly or with intervals at 30 digits),
and every true problem is true at the sampled points that satisfy its assumptions."""

from __future__ import annotations

import importlib.util
import sys
from fractions import Fraction

import pytest

from tests.conftest import REPO

_spec = importlib.util.spec_from_file_location("bench_problemset", REPO / "benchmarks" / "problemset.py")
problemset = importlib.util.module_from_spec(_spec)
sys.modules["bench_problemset"] = problemset
_spec.loader.exec_module(problemset)

#: Points a true problem with variables must have inside its assumptions (of ``SAMPLES`` drawn).
SAMPLES, MIN_INSIDE = 600, 100


@pytest.fixture(scope="module")
def problems():
    return problemset.load_problems()


def test_problem_set_shape(problems):
    true = [p for p in problems if p.expected == "holds"]
    false = [p for p in problems if p.expected == "fails"]
    assert len(true) >= 80 and len(false) == len(true)
    assert {p.id + problemset.TWIN_SUFFIX for p in true} == {p.id for p in false}
    for p in problems:
        assert p.claim.source.document and p.claim.source.quote.strip(), p.id
        text = " ".join(p.claim.assume_text) + " " + p.claim.show_text
        assert any(f in text for f in ("exp", "log", "**", "sqrt", "e*")), f"{p.id}: no exp, log or power"


def test_every_witness_falsifies_its_twin(problems):
    for p in problems:
        if p.expected == "fails":
            c = problemset.check_witness(p, dps=30)
            assert c.status == "confirmed", f"{p.id}: witness {dict(p.witness)} is {c.status} ({c.detail})"


def test_a_witness_check_can_fail(problems):
    """The witness check rejects a point that does not falsify the twin (here: the twin's true problem)."""
    twin = next(p for p in problems if p.id == "bench.mt.exp-upper-1.false")
    moved = problemset.Problem(twin.claim, "fails", {"x": Fraction(-1, 2)})
    assert problemset.check_witness(moved).status == "spurious"


def test_every_true_problem_holds_at_sampled_points(problems):
    for p in problems:
        if p.expected == "holds":
            inside, bad = problemset.sample_truth(p, count=SAMPLES, seed=0)
            assert not bad, f"{p.id} is false at {bad[:3]}"
            if p.claim.symbols:
                assert inside >= MIN_INSIDE, f"{p.id}: only {inside} of {SAMPLES} points satisfy the assumptions"


def test_sampling_finds_a_false_problem(problems):
    """The sampled check is not vacuous: run on a false twin it reports certainly-false points."""
    twin = next(p for p in problems if p.id == "bench.mt.log-upper-1.false")
    inside, bad = problemset.sample_truth(twin, count=SAMPLES, seed=0)
    assert inside >= MIN_INSIDE and bad
