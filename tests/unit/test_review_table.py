"""The review findings list and the generated resolution table (formal_emergence.review_table)."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from formal_emergence import review_table as rt
from formal_emergence.errors import UserInputError
from formal_emergence.parse.claimfile import bundled_theorems_dir, load_catalog

REPO = Path(__file__).resolve().parent.parent.parent

#: Counts by (review, class), as the reviews state them (catalog-000.md §2, catalog-001-002-004.md (1),
#: catalog-003.md (1)) and as the id scheme of the team brief defines them.
EXPECTED = {
    ("catalog-000.md", "DODGE"): 6, ("catalog-000.md", "MISREAD"): 11, ("catalog-000.md", "PADDING"): 20,
    ("catalog-000.md", "UNSOUND"): 1, ("catalog-000.md", "MISSED"): 8, ("catalog-000.md", "NOTE"): 6,
    ("catalog-001-002-004.md", "MISREAD"): 16, ("catalog-001-002-004.md", "DODGE"): 2,
    ("catalog-001-002-004.md", "PADDING"): 46, ("catalog-001-002-004.md", "MISSED"): 14,
    ("catalog-003.md", "MISREAD"): 8, ("catalog-003.md", "DODGE"): 4, ("catalog-003.md", "PADDING"): 5,
    ("catalog-003.md", "CODE-TRUTH"): 4, ("catalog-003.md", "MISSED"): 13, ("catalog-003.md", "FRAGILE"): 5,
    # catalog-review-5.md: 35 table rows (one of severity "none" is not a finding) and 8 missed items
    ("catalog-review-5.md", "MISREAD"): 9, ("catalog-review-5.md", "PADDING"): 9, ("catalog-review-5.md", "NOTE"): 15,
    ("catalog-review-5.md", "UNSOUND"): 1, ("catalog-review-5.md", "DODGE"): 1, ("catalog-review-5.md", "MISSED"): 8,
    # catalog-review-6.md: its summary table (MISREAD 8, DODGE 6, PADDING 12, MISSED 5) and three notes (an
    # alternative of 000, the three sufficiency-as-necessity alternatives of 002, the unrun snippets of 003)
    ("catalog-review-6.md", "MISREAD"): 8, ("catalog-review-6.md", "DODGE"): 6, ("catalog-review-6.md", "PADDING"): 12,
    ("catalog-review-6.md", "MISSED"): 5, ("catalog-review-6.md", "NOTE"): 3,
    # catalog-review-7.md: 17 numbered findings F1-F17, classed by severity: S1 wrong verdict (UNSOUND; FRAGILE
    # where the review says "S1 (fragile)"), S2 by its own label (padding, straw man/inconsistent, dodge,
    # missed), S3 wording (NOTE)
    ("catalog-review-7.md", "UNSOUND"): 1, ("catalog-review-7.md", "FRAGILE"): 3, ("catalog-review-7.md", "PADDING"): 6,
    ("catalog-review-7.md", "MISREAD"): 3, ("catalog-review-7.md", "DODGE"): 2, ("catalog-review-7.md", "MISSED"): 1,
    ("catalog-review-7.md", "NOTE"): 1,
    # catalog-review-8.md: 13 numbered findings F1-F13 and its padding note F14, classed by the severity cell
    # (convention inconsistency -> FRAGILE, tally error -> DODGE, wrong verdict -> UNSOUND, straw man -> MISREAD,
    # padding, dodge, missed, minor -> NOTE)
    ("catalog-review-8.md", "DODGE"): 2, ("catalog-review-8.md", "FRAGILE"): 4, ("catalog-review-8.md", "MISREAD"): 2,
    ("catalog-review-8.md", "UNSOUND"): 1, ("catalog-review-8.md", "PADDING"): 3, ("catalog-review-8.md", "MISSED"): 1,
    ("catalog-review-8.md", "NOTE"): 1,
    # catalog-review-9.md: 18 numbered findings F1-F18, classed by review_table.REVIEW_9_CLASSES (the transcription's
    # severity cell is high/medium/low)
    ("catalog-review-9.md", "MISREAD"): 4, ("catalog-review-9.md", "DODGE"): 4, ("catalog-review-9.md", "FRAGILE"): 3,
    ("catalog-review-9.md", "PADDING"): 3, ("catalog-review-9.md", "MISSED"): 1, ("catalog-review-9.md", "NOTE"): 3,
    # catalog-review-10.md: 21 numbered findings F1-F21, classed by their class cell through
    # review_table.REVIEW_10_CLASSES (its summary: straw-man 6, inconsistent-convention 4, padding 4, unsound 2,
    # dodge 2 and self-answering 1 (both DODGE), missed 1, other 1)
    ("catalog-review-10.md", "MISREAD"): 6, ("catalog-review-10.md", "FRAGILE"): 4,
    ("catalog-review-10.md", "PADDING"): 4, ("catalog-review-10.md", "UNSOUND"): 2,
    ("catalog-review-10.md", "DODGE"): 3, ("catalog-review-10.md", "MISSED"): 1, ("catalog-review-10.md", "NOTE"): 1,
    # catalog-review-11.md: 13 numbered findings F1-F13 in review 10's form (unsound 2, inconsistent-convention 2,
    # padding 2, dodge 2 and self-answering 1, missed 3, other 1)
    ("catalog-review-11.md", "UNSOUND"): 2, ("catalog-review-11.md", "FRAGILE"): 2,
    ("catalog-review-11.md", "PADDING"): 2, ("catalog-review-11.md", "DODGE"): 3,
    ("catalog-review-11.md", "MISSED"): 3, ("catalog-review-11.md", "NOTE"): 1,
    # catalog-review-12.md: 18 numbered findings F1-F18 in review 10's form (straw-man 6, inconsistent-convention 4,
    # self-answering 3 and dodge 1, padding 1, missed 2, other 1)
    ("catalog-review-12.md", "MISREAD"): 6, ("catalog-review-12.md", "FRAGILE"): 4,
    ("catalog-review-12.md", "DODGE"): 4, ("catalog-review-12.md", "PADDING"): 1,
    ("catalog-review-12.md", "MISSED"): 2, ("catalog-review-12.md", "NOTE"): 1,
    # catalog-review-13.md: 18 numbered findings F1-F18 in review 10's form (straw-man 5, inconsistent-convention 3,
    # dodge 3 and self-answering 1, padding 2, missed 2, other 2)
    ("catalog-review-13.md", "MISREAD"): 5, ("catalog-review-13.md", "FRAGILE"): 3,
    ("catalog-review-13.md", "DODGE"): 4, ("catalog-review-13.md", "PADDING"): 2,
    ("catalog-review-13.md", "MISSED"): 2, ("catalog-review-13.md", "NOTE"): 2,
}


def _reviews_dir() -> Path | None:
    for candidate in (os.environ.get("FORMAL_EMERGENCE_REVIEWS"), REPO.parent / "shared" / "review",
                      Path("/work/shared/review")):
        if candidate and (Path(candidate) / "catalog-000.md").is_file():
            return Path(candidate)
    return None


def test_findings_counts_match_the_reviews():
    findings = rt.read_findings()
    assert Counter((f.review, f.cls) for f in findings) == EXPECTED
    labels = [f.id for f in findings if f.id.startswith("MISSED:000:")]
    assert labels == [f"MISSED:000:M{n}" for n in range(1, 9)]
    missed5 = [f.id for f in findings if f.id.startswith("CATREV5:") and f.cls == "MISSED" and ":M" in f.id]
    assert missed5 == ["CATREV5:000:M1", "CATREV5:000:M2", "CATREV5:000:M3", "CATREV5:000:M4",
                       "CATREV5:001:M1", "CATREV5:001:M2"]
    assert len({f.id for f in findings}) == len(findings) == sum(EXPECTED.values())
    assert all(f.text.strip() for f in findings)


def test_committed_findings_list_is_what_the_script_extracts():
    reviews = _reviews_dir()
    if reviews is None:
        pytest.skip("review files not found (set FORMAL_EMERGENCE_REVIEWS)")
    assert rt.write_findings(rt.extract_findings(reviews)) == rt.DEFAULT_FINDINGS.read_text(encoding="utf-8"), \
        "regenerate: python -m formal_emergence.review_table extract --reviews /work/shared/review"


def _catalog_resolves() -> dict[str, list[str]]:
    catalog = load_catalog(None)
    out: dict[str, list[str]] = {}
    for unit in [*catalog.assertions, *catalog.lemmas]:
        for fid in unit.resolves:
            out.setdefault(fid, []).append(unit.id)
    for r in rt.read_resolution_file(bundled_theorems_dir() / rt.RESOLUTIONS_FILE):
        out.setdefault(r.finding, []).append(f"review-resolutions.toml ({r.action})")
    return out


def test_every_resolves_id_is_a_finding():
    known = {f.id for f in rt.read_findings()}
    unknown = {fid: where for fid, where in _catalog_resolves().items() if fid not in known}
    assert unknown == {}


def test_generated_resolution_table_is_up_to_date():
    assert rt.render_from_files() == rt.DEFAULT_DOC.read_text(encoding="utf-8"), \
        "regenerate: python -m formal_emergence.review_table render (after regenerating the golden file)"


def test_every_finding_has_a_resolution():
    resolved = _catalog_resolves()
    assert [f.id for f in rt.read_findings() if f.id not in resolved] == []


def test_render_lists_resolutions_and_open_findings():
    findings = [rt.Finding("MISREAD:a.b", "MISREAD", "r.md", "a.b", "straw | man"),
                rt.Finding("PADDING:c", "PADDING", "r.md", "c", "trivial"),
                rt.Finding("MISSED:000:M1", "MISSED", "r.md", "5.1", "Lagrange")]
    doc = {"assertions": [{"id": "a.b2", "verdict": "holds-if", "resolves": ["MISREAD:a.b"]}],
           "lemmas": [{"id": "a.b2.lemma", "effect": "supports", "bears_on": "a.b2", "verdict": "holds",
                       "resolves": ["MISREAD:a.b", "NOPE:x"]}]}
    extra = [rt.Resolution("PADDING:c", action="removed", note="a duplicate of d")]
    resolved = rt.resolutions(doc, extra)
    text = rt.render(findings, resolved)
    assert "3 findings: 2 resolved, 1 open." in text
    assert "assertion `a.b2`: **holds-if**" in text and "lemma (supports a.b2) `a.b2.lemma`: **holds**" in text
    assert "removed: a duplicate of d" in text and "straw \\| man" in text
    assert "| `MISSED:000:M1` | `5.1`: Lagrange | **open** |" in text
    assert rt.unknown_resolved_ids(findings, resolved) == ["NOPE:x"] and "`NOPE:x`" in text


def test_catalog_review_5_rows_and_severities(tmp_path):
    review = tmp_path / "catalog-review-5.md"
    review.write_text("## 1. Document 000 (x): 2 assertions\n\n| claim id | quote | what is wrong | severity | fair |\n"
                      "|---|---|---|---|---|\n"
                      "| `000.scaling-core.chinchilla-theorem` (fails) | q | straw | straw man (minor) | r |\n"
                      "| `000.a.b` (holds) | q | sound | none | - |\n\n**Missed (000):**\n* **M1.** a gap\n"
                      "## 6. Counterexamples\n\n| `000.c.d` | w | x | padding | y |\n", encoding="utf-8")
    found = rt.extract_catalog_review_5(review)
    assert [(f.id, f.cls, f.target) for f in found] == [
        ("CATREV5:000:chinchilla-theorem", "MISREAD", "000.scaling-core.chinchilla-theorem"),
        ("CATREV5:000:M1", "MISSED", "000")]
    review.write_text("## 2. Document 001\n\n| a | b | c | d | e |\n|---|---|---|---|---|\n"
                      "| `001.x.y` | q | w | odd | r |\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown severity"):
        rt.extract_catalog_review_5(review)


def test_resolution_file_errors_are_located(tmp_path):
    bad = tmp_path / "review-resolutions.toml"
    bad.write_text('[[resolution]]\nfinding = "PADDING:x"\naction = "deleted"\nnote = "n"\n', encoding="utf-8")
    with pytest.raises(UserInputError) as info:
        rt.read_resolution_file(bad)
    assert info.value.key == "resolution[0].action" and "deleted" in info.value.found
    bad.write_text('[[resolution]]\nfinding = "PADDING:x"\naction = "removed"\n', encoding="utf-8")
    with pytest.raises(UserInputError, match="missing note"):
        rt.read_resolution_file(bad)


def test_catalog_review_6_transcription(tmp_path):
    review = tmp_path / "catalog-review-6.tsv"
    review.write_text("id\tclass\ttarget\ttext\nCATREV6:000:a.b\tPADDING\t000.a.b\ta `tautology`\n", encoding="utf-8")
    assert [(f.id, f.cls, f.review, f.target, f.text) for f in rt.extract_catalog_review_6(review)] == [
        ("CATREV6:000:a.b", "PADDING", "catalog-review-6.md", "000.a.b", "a tautology")]
    review.write_text("id\tclass\ttarget\ttext\nCATREV6:000:a.b\tOK\t000.a.b\tfine\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expected CATREV6"):
        rt.extract_catalog_review_6(review)


def test_catalog_review_7_transcription(tmp_path):
    review = tmp_path / "catalog-review-7.tsv"
    review.write_text("id\tclass\ttarget\ttext\nCATREV7:F1\tUNSOUND\t002.a.b\ta `converse`\n", encoding="utf-8")
    assert [(f.id, f.cls, f.review, f.target, f.text) for f in rt.extract_transcription(review, "CATREV7:")] == [
        ("CATREV7:F1", "UNSOUND", "catalog-review-7.md", "002.a.b", "a converse")]
    review.write_text("id\tclass\ttarget\ttext\nCATREV6:000:a\tNOTE\t000\twrong prefix\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expected CATREV7"):
        rt.extract_transcription(review, "CATREV7:")


def _transcribed(path: Path, text: str, extract) -> list[tuple[str, str, str, str, str]]:
    path.write_text(text, encoding="utf-8")
    return [(f.id, f.cls, f.review, f.target, f.text) for f in extract(path)]


def test_catalog_review_8_transcription(tmp_path):
    review = tmp_path / "catalog-review-8.tsv"
    assert _transcribed(review, "id\tclaim_id\tseverity\tsummary\n"
                        "F1\t003.a.b\ttally error / padding\ta `flag`\n"
                        "F2\t000.c vs 003.d\tconvention inconsistency / straw man\tmix\n",
                        rt.extract_catalog_review_8) == [
        ("CATREV8:F1", "DODGE", "catalog-review-8.md", "003.a.b", "a flag"),
        ("CATREV8:F2", "FRAGILE", "catalog-review-8.md", "000.c vs 003.d", "mix")]
    review.write_text("id\tclaim_id\tseverity\tsummary\nF1\t003.a.b\tcosmetic\tx\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"catalog-review-8.tsv:2: expected F<n>"):
        rt.extract_catalog_review_8(review)
    review.write_text("id\tclass\ttarget\ttext\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expected the header"):
        rt.extract_catalog_review_8(review)


def test_every_catalog_review_8_finding_has_a_resolution():
    findings = [f.id for f in rt.extract_catalog_review_8(rt.CATALOG_REVIEW_8)]
    assert findings == [f"CATREV8:F{n}" for n in range(1, 15)]
    resolved = _catalog_resolves()
    assert {fid: resolved.get(fid) for fid in findings if fid not in resolved} == {}


def test_catalog_review_9_transcription(tmp_path):
    review = tmp_path / "catalog-review-9.tsv"
    review.write_text("id\tseverity\tclaim_ids\ttitle\nF1\thigh\t001.a.b,001.c\ta `point`\n", encoding="utf-8")
    assert [(f.id, f.cls, f.review, f.target, f.text) for f in rt.extract_catalog_review_9(review, {"F1": "MISREAD"})] \
        == [("CATREV9:F1", "MISREAD", "catalog-review-9.md", "001.a.b,001.c", "a point")]
    with pytest.raises(ValueError, match=r"catalog-review-9.tsv:2: expected F<n> with a class"):
        rt.extract_catalog_review_9(review, {"F2": "MISREAD"})
    review.write_text("id\tclaim_id\tseverity\tsummary\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expected the header"):
        rt.extract_catalog_review_9(review)


def test_every_catalog_review_9_finding_has_a_resolution():
    findings = [f.id for f in rt.extract_catalog_review_9(rt.CATALOG_REVIEW_9)]
    assert findings == [f"CATREV9:F{n}" for n in range(1, 19)]
    resolved = _catalog_resolves()
    assert {fid: resolved.get(fid) for fid in findings if fid not in resolved} == {}


def test_open_resolution_is_rendered_open():
    findings = [rt.Finding("CATREV9:F1", "MISREAD", "r.md", "a.b", "x")]
    text = rt.render(findings, rt.resolutions({}, [rt.Resolution("CATREV9:F1", action="open", note="later")]))
    assert "1 findings: 0 resolved, 1 open." in text and "| **open**: later |" in text


@pytest.mark.parametrize("text, match", [
    ("finding\tseverity\tids\tclass\tsummary\nF1\tlow\t003.a\tcosmetic\tx\n", r"catalog-review-10.tsv:2: expected F<n>"),
    ("id\tseverity\tclaim_ids\ttitle\n", "expected the header")])
def test_catalog_review_10_transcription_errors(tmp_path, text, match):
    review = tmp_path / "catalog-review-10.tsv"
    review.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=match):
        rt.extract_catalog_review_10(review)


def test_catalog_review_10_transcription(tmp_path):
    assert _transcribed(tmp_path / "catalog-review-10.tsv", "finding\tseverity\tids\tclass\tsummary\n"
                        "F1\tmedium-high\t003.a.b; 000.c\tstraw-man\ta `point`\n\n"
                        "F2\tlow\t003.d\tdodge / missed\tpartly\n", rt.extract_catalog_review_10) == [
        ("CATREV10:F1", "MISREAD", "catalog-review-10.md", "003.a.b; 000.c", "a point"),
        ("CATREV10:F2", "DODGE", "catalog-review-10.md", "003.d", "partly")]


def test_every_catalog_review_10_finding_has_a_resolution():
    findings = [f.id for f in rt.extract_catalog_review_10(rt.CATALOG_REVIEW_10)]
    assert findings == [f"CATREV10:F{n}" for n in range(1, 22)]
    resolved = _catalog_resolves()
    assert {fid: resolved.get(fid) for fid in findings if fid not in resolved} == {}


def test_every_catalog_review_11_finding_is_recorded():
    """Catalog review 11 is read with review 10's reader; every finding has a resolution (F8, F12 recorded open)."""
    findings = [f.id for f in rt.extract_catalog_review_10(rt.CATALOG_REVIEW_11, prefix="CATREV11:")]
    assert findings == [f"CATREV11:F{n}" for n in range(1, 14)]
    resolved = _catalog_resolves()
    assert {fid: resolved.get(fid) for fid in findings if fid not in resolved} == {}


@pytest.mark.parametrize("path, prefix", [("CATALOG_REVIEW_12", "CATREV12:"), ("CATALOG_REVIEW_13", "CATREV13:")])
def test_every_catalog_review_12_and_13_finding_is_recorded(path, prefix):
    """Catalog reviews 12 and 13 are read with review 10's reader; every finding has a resolution (open until
    processed)."""
    findings = [f.id for f in rt.extract_catalog_review_10(getattr(rt, path), prefix=prefix)]
    assert findings == [f"{prefix}F{n}" for n in range(1, 19)]
    resolved = _catalog_resolves()
    assert {fid: resolved.get(fid) for fid in findings if fid not in resolved} == {}
