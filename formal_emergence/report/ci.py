"""Output for CI: GitHub annotations, SARIF 2.1.0 and JUnit XML, one entry per assertion.

Only assertions are reported (lemmas never count). Each entry points at the
claim file and the line of the assertion's ``id = "..."`` key, found by
reading the file (TOML parsers do not keep positions). Levels: ``fails`` is an
error; ``undecided`` and ``holds-if`` are warnings; ``informal`` is a note;
``holds`` is reported only in JUnit (as a passing test case).

Pure functions of the checked catalog: no backend is imported here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Mapping
from xml.sax.saxutils import escape, quoteattr

from ..model.outcome import AssertionResult, CheckedCatalog

LEVEL = {"fails": "error", "undecided": "warning", "holds-if": "warning", "informal": "note"}
_GITHUB = {"error": "error", "warning": "warning", "note": "notice"}
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_RULES = {
    "fails": "The document's assertion is refuted by a checked counterexample.",
    "holds-if": "The assertion holds only under a condition the document does not state.",
    "undecided": "The engines ran out of budget or reach on this assertion.",
    "informal": "The assertion has no checkable content as written.",
}


def id_line(path: str, assertion_id: str) -> int:
    """1-based line of ``id = "<assertion_id>"`` in ``path`` (1 when the file or the line is not found)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return 1
    pattern = re.compile(r"^\s*id\s*=\s*([\"'])" + re.escape(assertion_id) + r"\1\s*(#.*)?$")
    for i, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return i
    return 1


def _location(a: AssertionResult, root: str | None) -> tuple[str, int]:
    path = a.assertion.file or a.primary.reading.claim.file or ""
    line = id_line(path, a.id) if path else 1
    if root and path:
        try:
            path = str(Path(path).resolve().relative_to(Path(root).resolve()))
        except ValueError:
            pass
    return path, line


def _message(a: AssertionResult) -> str:
    """One line; control characters from claim files are shown escaped (XML and terminals stay inert)."""
    r = a.primary.result
    text = f"{a.id}: {a.verdict.value}: {a.assertion.title}. {r.reason}"
    if a.reading_sensitive:
        text += " (reading-sensitive: " + ", ".join(f"{x.id} {x.verdict.value}" for x in a.readings) + ")"
    text = " ".join(text.split())
    return "".join(ch if ch >= " " and ch != "\x7f" else f"\\x{ord(ch):02x}" for ch in text)


def _reported(checked: CheckedCatalog) -> list[AssertionResult]:
    return [a for a in sorted(checked.assertions, key=lambda a: a.id) if a.verdict.value in LEVEL]


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def render_github(checked: CheckedCatalog, root: str | None = None) -> str:
    """GitHub Actions workflow commands, one per non-holding assertion, then a summary line."""
    lines = []
    for a in _reported(checked):
        path, line = _location(a, root)
        kind = _GITHUB[LEVEL[a.verdict.value]]
        title = _gh_escape(f"{a.verdict.value}: {a.id}", prop=True)
        lines.append(f"::{kind} file={_gh_escape(path, True)},line={line},title={title}::{_gh_escape(_message(a))}")
    counts: dict[str, int] = {}
    for a in checked.assertions:
        counts[a.verdict.value] = counts.get(a.verdict.value, 0) + 1
    summary = ", ".join(f"{k} {counts[k]}" for k in sorted(counts))
    lines.append(f"formal-emergence: {len(checked.assertions)} assertions: {summary}")
    return "\n".join(lines) + "\n"


def render_sarif(checked: CheckedCatalog, tool: Mapping[str, str], root: str | None = None) -> str:
    """A SARIF 2.1.0 log with one result per non-holding assertion (rule id = verdict)."""
    rules = [{"id": v, "name": v.replace("-", "_"), "shortDescription": {"text": text},
              "defaultConfiguration": {"level": LEVEL[v]}} for v, text in _RULES.items()]
    results = []
    for a in _reported(checked):
        path, line = _location(a, root)
        results.append({
            "ruleId": a.verdict.value,
            "level": LEVEL[a.verdict.value],
            "message": {"text": _message(a)},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": path.replace("\\", "/")},
                                                "region": {"startLine": line}}}],
            "partialFingerprints": {"assertionId": a.id},
            "properties": {"document": a.assertion.source.document, "section": a.assertion.source.section,
                           "quote": a.assertion.source.quote},
        })
    log: dict[str, Any] = {
        "$schema": SARIF_SCHEMA, "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": tool.get("name", "formal_emergence"),
                                      "version": tool.get("version", ""),
                                      "informationUri": "https://pypi.org/project/formal_emergence/",
                                      "rules": rules}},
                  "results": results}],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def render_junit(checked: CheckedCatalog, root: str | None = None) -> str:
    """JUnit XML: one test suite per document, one test case per assertion (``fails`` is a failure,
    ``undecided``/``informal`` are skipped, ``holds``/``holds-if`` pass)."""
    by_doc: dict[str, list[AssertionResult]] = {}
    for a in sorted(checked.assertions, key=lambda a: a.id):
        by_doc.setdefault(a.assertion.source.document, []).append(a)
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<testsuites name="formal-emergence" '
           f'tests="{len(checked.assertions)}">']
    for doc in sorted(by_doc):
        items = by_doc[doc]
        failures = sum(1 for a in items if a.verdict.value == "fails")
        skipped = sum(1 for a in items if a.verdict.value in ("undecided", "informal"))
        out.append(f"  <testsuite name={quoteattr(doc)} tests=\"{len(items)}\" failures=\"{failures}\" "
                   f"skipped=\"{skipped}\">")
        for a in items:
            path, line = _location(a, root)
            out.append(f"    <testcase classname={quoteattr(doc)} name={quoteattr(a.id)} file={quoteattr(path)} "
                       f"line=\"{line}\">")
            if a.verdict.value == "fails":
                out.append(f"      <failure message={quoteattr(a.verdict.value)}>{escape(_message(a))}</failure>")
            elif a.verdict.value in ("undecided", "informal"):
                out.append(f"      <skipped message={quoteattr(_message(a))}/>")
            out.append("    </testcase>")
        out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"


__all__ = ["id_line", "render_github", "render_junit", "render_sarif", "LEVEL", "SARIF_SCHEMA"]
