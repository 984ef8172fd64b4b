"""Differential fuzzing: random claims, the engine's verdicts, an independent evaluator's judgement.

Short profile (normal suite): ``SHORT_COUNT`` claims of seed ``SHORT_SEED``. Long profile (at least
5,000 claims): ``FE_FUZZ_LONG=1 python -m pytest tests/fuzz -p no:cacheprovider`` (``FE_FUZZ_SEED`` and
``FE_FUZZ_COUNT`` override seed and count; ``FE_FUZZ_REPORT=path`` writes the summary there).
benchmarks/fuzz.md records the figures of the long run.

The claims are split into groups by the features they use, so that a group whose known findings
are still open on main is marked ``xfail(strict=True)`` with the finding id, and the others must
be clean: no wrong ``holds``, no unconfirmed ``fails``, no traceback, no hang, no unverifiable
witness, no rejected claim. When a fix lands, the group XPASSes and its mark must be removed.
An ``undecided`` caused by an engine exception is not a wrong verdict; such claims are listed in
the report (and in benchmarks/fuzz.md) but do not fail the groups.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from differential import Report, run_profile  # noqa: E402

SHORT_SEED, SHORT_COUNT = 20261201, 200
LONG = os.environ.get("FE_FUZZ_LONG") == "1"
SEED = int(os.environ.get("FE_FUZZ_SEED", SHORT_SEED if not LONG else 8))
COUNT = int(os.environ.get("FE_FUZZ_COUNT", SHORT_COUNT if not LONG else 5000))

#: Feature groups, tried in order: a claim belongs to the first group whose features it uses.
GROUPS: list[tuple[str, frozenset[str]]] = [
    ("capture", frozenset({"capture"})),
    ("calculus-piecewise", frozenset({"diff-piecewise", "limit-piecewise"})),
    ("partial-terms", frozenset({"sqrt", "log", "div", "pow-rational", "pow-symbolic"})),
    ("core", frozenset()),
]

#: Groups with open findings on main: group -> finding ids (soundness-detail.md).
OPEN: dict[str, str] = {}


def group_of(features: frozenset[str]) -> str:
    for name, needs in GROUPS:
        if not needs or features & needs:
            return name
    raise AssertionError("unreachable")


@pytest.fixture(scope="module")
def report() -> Report:
    rep = run_profile(SEED, COUNT)
    path = os.environ.get("FE_FUZZ_REPORT")
    if path:
        Path(path).write_text(rep.summary() + "\n", encoding="utf-8")
    return rep


def _params():
    for name, _ in GROUPS:
        marks = [pytest.mark.xfail(strict=True, reason=OPEN[name])] if name in OPEN else []
        yield pytest.param(name, id=name, marks=marks)


@pytest.mark.parametrize("group", list(_params()))
def test_no_wrong_verdict(group: str, report: Report) -> None:
    bad = [j for j in report.findings if group_of(frozenset(j.features)) == group and j.kind != "engine-error"]
    assert not bad, "\n\n".join(f"{j.kind} {j.claim_id} ({j.verdict}): {j.detail}\n{j.text}" for j in bad[:10])


def test_profile_reaches_both_verdicts_and_every_feature(report: Report) -> None:
    """The generator is worth something only if it produces proofs, refutations and every construct."""
    assert report.verdicts["holds"] >= COUNT // 10 and report.verdicts["fails"] >= COUNT // 10, report.verdicts
    wanted = {"ite", "sqrt", "log", "exp", "pow-int", "pow-rational", "pow-symbolic", "abs", "floor", "minmax",
              "heaviside", "diff", "limit", "definition", "capture", "logic", "const", "div"}
    assert wanted <= set(report.features), wanted - set(report.features)
