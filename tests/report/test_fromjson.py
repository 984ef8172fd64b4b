"""``report --from check.json`` renders a check's JSON output without checking again."""

from __future__ import annotations

import io
import json
from pathlib import Path

from formal_emergence.cli import run
from formal_emergence.report.jsonout import document
from formal_emergence.report.site import json_text

FIXTURE_CLAIMS = Path(__file__).resolve().parent / "fixtures" / "report_claims.toml"


def _check_json(fixture_catalog, path: Path) -> dict:
    doc = document(fixture_catalog.checked, fixture_catalog.records, fixture_catalog.tool, fixture_catalog.options)
    path.write_text(json_text(doc), encoding="utf-8")
    # a copy: the document holds the session fixture's own records, which a test editing it would change
    return json.loads(path.read_text(encoding="utf-8"))


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_report_from_json_is_the_direct_report(fixture_catalog, fixture_html, tmp_path, monkeypatch):
    _check_json(fixture_catalog, tmp_path / "check.json")
    import formal_emergence.engine.assertions as assertions

    def never(*args, **kwargs):
        raise AssertionError("report --from must not check")

    monkeypatch.setattr(assertions, "check_catalog", never)
    out, err = io.StringIO(), io.StringIO()
    code = run(["report", "--from", str(tmp_path / "check.json"), "-o", str(tmp_path / "site"), str(FIXTURE_CLAIMS)],
               out, err)
    assert code == 0, err.getvalue()
    assert _files(tmp_path / "site") == _files(fixture_html)


def test_report_from_json_refuses_other_claims(fixture_catalog, tmp_path):
    doc = _check_json(fixture_catalog, tmp_path / "check.json")
    doc["claims"][0]["statement"]["text"] = "x > 0"
    (tmp_path / "changed.json").write_text(json.dumps(doc), encoding="utf-8")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    for name, expected in (("changed.json", "differs from the one checked"), ("bad.json", "not JSON"),
                           ("missing.json", "cannot read")):
        err = io.StringIO()
        code = run(["report", "--from", str(tmp_path / name), "-o", str(tmp_path / "site"), str(FIXTURE_CLAIMS)],
                   io.StringIO(), err)
        assert code == 2 and expected in err.getvalue(), (name, err.getvalue())
