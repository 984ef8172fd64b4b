"""The ``# expected:`` reader is strict: it reads the forms it knows and nothing else."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from expectations import expected_comment, expected_from_title, parse_expected  # noqa: E402


@pytest.mark.parametrize("comment, verdicts", [
    ("holds", {"holds"}),
    (" fails (x=0)", {"fails"}),
    ("fails (or undecided)", {"fails", "undecided"}),
    ("not holds (jump at 1)", {"fails", "undecided"}),
    ("holds: ite(x == 0, 0, x) is the identity", {"holds"}),
    ("undecided/fails (principal root is complex)", {"undecided", "fails"}),
    ("fails/undefined (rhs undefined)", {"fails", "undecided"}),
    ("undefined -> not holds/fails", {"fails", "undecided"}),
    ("oo > 1e100: limit is +oo, not a real number -> not holds", {"fails", "undecided"}),
    ("fails in truth (huge witness); expect undecided", {"fails", "undecided"}),
    ("holds (FLT n=5) -> expect undecided", {"holds", "undecided"}),
    ("holds-if or undecided; count z3 calls", {"holds-if", "undecided"}),
    ("holds only for x>0 (undefined for x<=0)", {"holds"}),
    ("fails or undefined at x<0 (principal)", {"fails", "undecided"}),
])
def test_reads_the_known_forms(comment, verdicts):
    assert parse_expected(comment).verdicts == verdicts


@pytest.mark.parametrize("comment", [
    "convention", "vacuous/undefined", "holds? (x even) holds", "unknown truth; expect any verdict",
    "holdsx", "holds-ish", "L(x) = x**2 -> claim holds", "rhs undefined for all x<0", "holds then",
])
def test_names_nothing_it_cannot_read(comment):
    assert not parse_expected(comment).names_outcome


def test_ill_formed_means_rejected():
    assert parse_expected("ill-formed: point depends on bound variable").rejected


def test_titles():
    assert expected_from_title("x >= 0 implies x**(1/2) > 0 (false: x = 0)").verdicts == {"fails"}
    assert expected_from_title("0**(1/2) == 0 (true)").verdicts == {"holds"}
    assert not expected_from_title("Polya example polya.32").names_outcome


def test_the_comments_that_name_nothing_are_pinned():
    """If a copied file or the grammar changes, this list must be reviewed by hand."""
    silent = sorted(str(p.relative_to(HERE)) for p in HERE.rglob("*.toml")
                    if (c := expected_comment(p.read_bytes().decode("utf-8", "replace"))) is not None
                    and not parse_expected(c).names_outcome)
    assert silent == [
        "4-soundness/f08_zero_pow_zero.toml", "4-soundness/f16_log_neg_open.toml",
        "4-soundness/f18_div_zero_hyp.toml", "4-soundness/f43_log_sq.toml",
        "4-soundness/l09_limit_sqrt_left_domain.toml", "4-soundness/s08_capture_diff2.toml",
        "4-soundness/s08_capture_limit.toml", "4-soundness/s08c_diff_def_at_number.toml",
        "4-soundness/s08d_diff_def_at_expr.toml", "6-budget/b07_dense_deg10_5var_false.toml",
        "6-budget/b09_transcendental_many.toml", "6-budget/b12_collatz_like_floor.toml",
    ]


def _part_files() -> dict[str, list[str]]:
    """The files each ``test_soundness_*.py`` part parametrises ``test_file`` with, read from its module."""
    import importlib.util
    out = {}
    for path in sorted(HERE.glob("test_soundness_*.py")):
        spec = importlib.util.spec_from_file_location(f"_soundness_part_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        (mark,) = [m for m in module.test_file.pytestmark if m.name == "parametrize"]
        assert mark.args[0] == "rel", (path.name, mark.args[0])
        out[path.name] = [p.values[0] for p in mark.args[1]]
        assert out[path.name] == module.FILES, path.name
    return out


def test_the_parts_test_every_regression_file_exactly_once():
    """The batch is split into test files (pytest-xdist runs each file in one worker): together they test every
    claim file under this folder, each in exactly one part; byte-identical copies in the same part (run once)."""
    from collections import Counter
    parts = _part_files()
    assert len(parts) >= 2, parts.keys()
    everything = sorted(str(p.relative_to(HERE)) for p in HERE.rglob("*.toml"))
    tested = Counter(rel for files in parts.values() for rel in files)
    assert sorted(set(everything) - set(tested)) == [], "in no part"
    assert sorted(set(tested) - set(everything)) == [], "not a file"
    assert sorted(rel for rel, n in tested.items() if n > 1) == [], "in two parts"
    part_of = {rel: name for name, files in parts.items() for rel in files}
    by_bytes: dict[bytes, set[str]] = {}
    for rel in everything:
        by_bytes.setdefault((HERE / rel).read_bytes(), set()).add(part_of[rel])
    assert all(len(names) == 1 for names in by_bytes.values()), "byte-identical files in different parts"


def test_the_section_checked_files_exist_and_expect_verdicts_of_their_section_assertion():
    """``SECTION_CHECKED`` names files whose generated section assertion is checked: a missing file or a comment
    that names no verdict would silently check nothing (adversarial review 13)."""
    from soundness_batch import SECTION_CHECKED, expected_for
    for rel in sorted(SECTION_CHECKED):
        assert (HERE / rel).is_file(), rel
        want = expected_for(rel)
        assert any(k.startswith("section-consistency.") and w.verdicts for k, w in want.items()), rel


def test_an_assertion_files_comment_applies_to_its_assertions():
    """``[[assertion]]`` files were read for ``[[claim]]`` tables only, so their comments named verdicts nobody
    checked (75 files in session 13)."""
    from soundness_batch import expected_for
    want = expected_for("4-soundness/v01_adv12_hb_a.toml")
    assert set(want) == {"v01"} and want["v01"].verdicts == {"holds-if", "undecided"}
