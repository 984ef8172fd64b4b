"""Review findings and their resolutions: the committed findings list and the generated resolution table.

Two commands (see docs/review-resolutions.md for the finding id scheme):

- ``python -m formal_emergence.review_table extract --reviews DIR [-o docs/review/findings.tsv]``
  reads the reviewers' files in DIR (``/work/shared/review``: the classification
  files and the MISSED, presentation-note and convention-fragile lists of the
  catalog-*.md audits) and writes one finding per line:
  ``id, class, review file, claim or location, short text``.
- ``python -m formal_emergence.review_table render [--json FILE] [-o docs/review-resolutions.md]``
  joins the findings with the ``resolves`` lists of the assertions and lemmas in
  a computed JSON document (default ``tests/golden/catalog.json``, the output of
  ``formal-emergence check --format json``) and with
  ``theorems/review-resolutions.toml`` (``[[resolution]] finding, action, note``
  for findings resolved without an assertion or lemma). Unresolved findings are
  listed as open.

Everything here is text processing of trusted project files; nothing is evaluated.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .errors import ClaimFileError

CLASSES = ("UNSOUND", "MISREAD", "DODGE", "PADDING", "CODE-TRUTH", "MISSED", "NOTE", "FRAGILE")
ACTIONS = ("removed", "argued", "merged", "open")
FINDINGS_HEADER = ("id", "class", "review", "target", "text")
REPO = Path(__file__).resolve().parent.parent
DEFAULT_FINDINGS = REPO / "docs" / "review" / "findings.tsv"
DEFAULT_DOC = REPO / "docs" / "review-resolutions.md"
DEFAULT_JSON = REPO / "tests" / "golden" / "catalog.json"
CATALOG_REVIEW_5 = REPO / "docs" / "review" / "catalog-review-5.md"
CATALOG_REVIEW_6 = REPO / "docs" / "review" / "catalog-review-6.tsv"
CATALOG_REVIEW_7 = REPO / "docs" / "review" / "catalog-review-7.tsv"
CATALOG_REVIEW_8 = REPO / "docs" / "review" / "catalog-review-8.tsv"
CATALOG_REVIEW_9 = REPO / "docs" / "review" / "catalog-review-9.tsv"
CATALOG_REVIEW_10 = REPO / "docs" / "review" / "catalog-review-10.tsv"
CATALOG_REVIEW_11 = REPO / "docs" / "review" / "catalog-review-11.tsv"
CATALOG_REVIEW_12 = REPO / "docs" / "review" / "catalog-review-12.tsv"
CATALOG_REVIEW_13 = REPO / "docs" / "review" / "catalog-review-13.tsv"
RESOLUTIONS_FILE = "review-resolutions.toml"


@dataclass(frozen=True)
class Finding:
    id: str
    cls: str
    review: str
    target: str
    text: str


@dataclass(frozen=True)
class Resolution:
    """How one finding is resolved: by an assertion or lemma (``unit``), or by an action with a note."""

    finding: str
    unit: str = ""
    role: str = ""        # "assertion" | "lemma (supports X)" | "" for an action
    verdict: str = ""
    action: str = ""
    note: str = ""


# ------------------------------------------------------------------ extraction


def _short(text: str, width: int = 220) -> str:
    text = re.sub(r"\*\*|`", "", " ".join(text.split())).replace("\t", " ")
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def _classified(rows: Iterable[tuple[str, str, str]], review: str) -> list[Finding]:
    """Per-claim findings from (claim id, classes separated by ';', note) rows; OK rows are not findings."""
    out = []
    for cid, classes, note in rows:
        for cls in filter(None, (c.strip() for c in classes.split(";"))):
            if cls == "OK":
                continue
            if cls not in CLASSES:
                raise ValueError(f"{review}: unknown class {cls!r} for {cid}")
            out.append(Finding(f"{cls}:{cid}", cls, review, cid, _short(note)))
    return out


def _tsv_rows(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or parts[0] == "id":
            continue
        rows.append((parts[0].strip(), parts[2].strip(), parts[3] if len(parts) > 3 else ""))
    return rows


def _csv_rows(path: Path) -> list[tuple[str, str, str]]:
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))
    return [(r["id"].strip(), r["problem_classes"].strip(), r.get("note", "")) for r in reader]


def _section(lines: list[str], start: str, stop: Sequence[str]) -> list[str]:
    """The lines after the first line starting with ``start`` up to one starting with any of ``stop``."""
    for i, line in enumerate(lines):
        if line.startswith(start):
            out = []
            for rest in lines[i + 1:]:
                if any(rest.startswith(s) for s in stop):
                    break
                out.append(rest)
            return out
    raise ValueError(f"section {start!r} not found")


def _table_rows(lines: list[str]) -> list[list[str]]:
    """The body rows of the first Markdown table in ``lines`` (cells stripped)."""
    rows, seen_rule = [], False
    for line in lines:
        if not line.startswith("|"):
            if seen_rule and rows:
                break
            continue
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if all(re.fullmatch(r"\s*:?-+:?\s*", c) for c in line.strip().strip("|").split("|")):
            seen_rule = True
            continue
        if seen_rule:
            rows.append(cells)
    return rows


def _bullets(lines: list[str]) -> list[str]:
    """Top-level ``- `` bullets, each joined with its indented continuation lines."""
    out: list[str] = []
    for line in lines:
        if line.startswith("- "):
            out.append(line)
        elif out and line.startswith("  ") and line.strip():
            out[-1] += " " + line.strip()
    return out


def extract_findings(reviews: Path) -> list[Finding]:
    """Every finding of the reviews in ``reviews``, in review order (see the module docstring)."""
    out: list[Finding] = []
    out += _classified(_tsv_rows(reviews / "catalog-000-files" / "classification.tsv"), "catalog-000.md")
    out += _classified(_tsv_rows(reviews / "catalog-001-002-004-files" / "classification.tsv"),
                       "catalog-001-002-004.md")
    out += _classified(_csv_rows(reviews / "catalog-003-files" / "assessment.csv"), "catalog-003.md")

    c000 = (reviews / "catalog-000.md").read_text(encoding="utf-8").splitlines()
    for cells in _table_rows(_section(c000, "### 1c.", ("## ", "### "))):
        label = cells[0]
        if re.fullmatch(r"M\d+", label):
            out.append(Finding(f"MISSED:000:{label}", "MISSED", "catalog-000.md", cells[1], _short(cells[2])))
    notes = _bullets(_section(c000, "### 1b.", ("### ", "## ")))
    for n, line in enumerate(notes, 1):
        m = re.match(r"- \*\*(.+?)\*\*\s*(.*)", line)
        target, text = (m.group(1).rstrip("."), m.group(2)) if m else ("", line[2:])
        out.append(Finding(f"NOTE:000:{n}", "NOTE", "catalog-000.md", target, _short(text or target)))

    c124 = (reviews / "catalog-001-002-004.md").read_text(encoding="utf-8").splitlines()
    for n, cells in enumerate(_table_rows(_section(c124, "### MISSED", ("## ", "### "))), 1):
        out.append(Finding(f"MISSED:124:{n}", "MISSED", "catalog-001-002-004.md", cells[0], _short(cells[1])))

    c003 = (reviews / "catalog-003.md").read_text(encoding="utf-8").splitlines()
    missed: list[str] = []
    for line in _section(c003, "### MISSED", ("## ", "### ", "Convention-fragile")):
        if re.match(r"\d+\. ", line):
            missed.append(line)
        elif missed and line.strip():
            missed[-1] += " " + line.strip()
    for line in missed:
        m = re.match(r"(\d+)\. (.*)", line)
        if m:
            head = re.match(r"\*\*(.+?)\*\*\s*(.*)", m.group(2))
            target, text = (head.group(1).rstrip("."), head.group(2)) if head else ("", m.group(2))
            out.append(Finding(f"MISSED:003:{m.group(1)}", "MISSED", "catalog-003.md", target,
                               _short(text or target)))
    for cells in _table_rows(_section(c003, "Convention-fragile", ("## ",))):
        cid = cells[0] if cells[0].startswith("003.") else f"003.{cells[0]}"
        out.append(Finding(f"FRAGILE:003:{cid}", "FRAGILE", "catalog-003.md", cid,
                           _short(f"margin {cells[1]}; flips when {cells[2]}")))
    out += extract_catalog_review_5(CATALOG_REVIEW_5)
    out += extract_catalog_review_6(CATALOG_REVIEW_6)
    out += extract_transcription(CATALOG_REVIEW_7, "CATREV7:")
    out += extract_catalog_review_8(CATALOG_REVIEW_8)
    out += extract_catalog_review_9(CATALOG_REVIEW_9)
    out += extract_catalog_review_10(CATALOG_REVIEW_10)
    out += extract_catalog_review_10(CATALOG_REVIEW_11, prefix="CATREV11:")
    out += extract_catalog_review_10(CATALOG_REVIEW_12, prefix="CATREV12:")
    out += extract_catalog_review_10(CATALOG_REVIEW_13, prefix="CATREV13:")
    ids = [f.id for f in out]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise ValueError(f"duplicate finding ids: {', '.join(dup)}")
    return out


#: The reviewer's severity (first words of the severity cell) -> finding class.
SEVERITY_CLASSES = (("wrong verdict", "UNSOUND"), ("straw man", "MISREAD"), ("padding", "PADDING"),
                    ("dodge", "DODGE"), ("missed", "MISSED"), ("minor", "NOTE"))


def extract_catalog_review_5(path: Path) -> list[Finding]:
    """Findings of the fifth catalog review (docs/review/catalog-review-5.md, committed with the repository).

    Table rows of its sections 1-5 whose first cell names a claim give ``CATREV5:<doc>:<claim id without
    document and section>`` (``consistency`` for a generated consistency claim), classed by the severity
    cell; rows of severity "none" are not findings. The **M<n>** bullets of each document's missed list give
    ``CATREV5:<doc>:M<n>``.
    """
    out: list[Finding] = []
    review = path.name
    doc = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        head = re.match(r"## [1-5]\. Document (\d{3})", line)
        if head:
            doc = head.group(1)
            continue
        if line.startswith("## "):
            doc = ""
        if not doc:
            continue
        if line.startswith("| `"):
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            m = re.match(r"`(\d{3}|consistency)\.[^.`]+\.([^`]+)`", cells[0])
            severity = cells[3].lower() if len(cells) > 3 else ""
            if not m or severity.startswith("none"):
                continue
            cls = next((c for word, c in SEVERITY_CLASSES if severity.startswith(word)), None)
            if cls is None:
                raise ValueError(f"{review}: unknown severity {cells[3]!r} for {cells[0]}")
            target = cells[0].split("`")[1]
            out.append(Finding(f"CATREV5:{m.group(1)}:{m.group(2)}", cls, review, target, _short(cells[2])))
            continue
        item = re.match(r"\* \*\*(M\d+)\b[^*]*\*\*\s*(.*)", line)
        if item:
            out.append(Finding(f"CATREV5:{doc}:{item.group(1)}", "MISSED", review, doc, _short(item.group(2))))
    return out


def extract_transcription(path: Path, prefix: str) -> list[Finding]:
    """Findings of a catalog review from its committed transcription ``path`` (a TSV file next to the review).

    The header is ``id, class, target, text``; every id starts with ``prefix`` (``CATREV6:``, ``CATREV7:``) and
    every class is one of CLASSES. The review column is the transcription's file name with ``.md``. A line
    that breaks this is a ValueError naming the file and line.
    """
    review = path.with_suffix(".md").name
    out: list[Finding] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].split("\t") != ["id", "class", "target", "text"]:
        raise ValueError(f"{path.name}: expected the header id, class, target, text")
    for n, line in enumerate(lines[1:], 2):
        parts = line.split("\t")
        if len(parts) != 4 or not parts[0].startswith(prefix) or parts[1] not in CLASSES:
            raise ValueError(f"{path.name}:{n}: expected {prefix}<id>, a class of {', '.join(CLASSES)}, target, text")
        out.append(Finding(parts[0], parts[1], review, parts[2], _short(parts[3])))
    return out


def _transcription_rows(path: Path, header: Sequence[str]) -> list[tuple[int, list[str]]]:
    """The (line number, tab-separated cells) of the non-blank lines of a transcription after its ``header``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].split("\t") != list(header):
        raise ValueError(f"{path.name}: expected the header {', '.join(header)}")
    return [(n, line.split("\t")) for n, line in enumerate(lines[1:], 2) if line.strip()]


#: Catalog review 8's severity cell (its first words) -> finding class; first match wins, so "convention
#: inconsistency / straw man" is FRAGILE (a verdict that turns on which convention is applied).
REVIEW_8_SEVERITIES = (("wrong verdict", "UNSOUND"), ("straw man", "MISREAD"), ("convention inconsistency", "FRAGILE"),
                       ("tally error", "DODGE"), ("padding", "PADDING"), ("dodge", "DODGE"), ("missed", "MISSED"),
                       ("minor", "NOTE"))


def extract_catalog_review_8(path: Path) -> list[Finding]:
    """Findings of the eighth catalog review, from its transcription (docs/review/catalog-review-8.tsv).

    The header is ``id, claim_id, severity, summary``; ids are ``F<n>`` (the review's numbered findings, F14 being
    its padding note), given as ``CATREV8:F<n>``; the class is read from the severity cell by
    REVIEW_8_SEVERITIES. The review column is the transcription's file name with ``.md``. A line that breaks
    this is a ValueError naming the file and line.
    """
    review = path.with_suffix(".md").name
    out: list[Finding] = []
    for n, parts in _transcription_rows(path, ("id", "claim_id", "severity", "summary")):
        severity = parts[2].strip().lower() if len(parts) == 4 else ""
        cls = next((c for word, c in REVIEW_8_SEVERITIES if severity.startswith(word)), None)
        if len(parts) != 4 or not re.fullmatch(r"F\d+", parts[0]) or cls is None:
            raise ValueError(f"{path.name}:{n}: expected F<n>, claim ids, a severity starting with one of "
                             f"{', '.join(w for w, _ in REVIEW_8_SEVERITIES)}, summary")
        out.append(Finding(f"CATREV8:{parts[0]}", cls, review, parts[1].strip(), _short(parts[3])))
    return out


#: Catalog review 9's transcription has no class column (its severity cell is high/medium/low), so each numbered
#: finding is classed here by what the review's text says it is (docs/review/catalog-review-9.md): a straw-man
#: reading (MISREAD), a verdict that turns on the tolerance (FRAGILE), counted repetition (PADDING), a verdict the
#: conventions would decide (DODGE), assertions not encoded (MISSED), evidence or wording (NOTE).
REVIEW_9_CLASSES = {"F1": "MISREAD", "F2": "MISREAD", "F3": "DODGE", "F4": "DODGE", "F5": "FRAGILE", "F6": "FRAGILE",
                    "F7": "PADDING", "F8": "PADDING", "F9": "MISREAD", "F10": "MISREAD", "F11": "FRAGILE",
                    "F12": "PADDING", "F13": "DODGE", "F14": "MISSED", "F15": "NOTE", "F16": "DODGE", "F17": "NOTE",
                    "F18": "NOTE"}


def extract_catalog_review_9(path: Path, classes: Mapping[str, str] = REVIEW_9_CLASSES) -> list[Finding]:
    """Findings of the ninth catalog review, from its transcription (docs/review/catalog-review-9.tsv).

    The header is ``id, severity, claim_ids, title``; ids are ``F<n>``, given as ``CATREV9:F<n>``, classed by
    ``classes`` (REVIEW_9_CLASSES); the target is the claim ids cell. A line that breaks this, or an id without
    a class, is a ValueError naming the file and line.
    """
    review = path.with_suffix(".md").name
    out: list[Finding] = []
    for n, parts in _transcription_rows(path, ("id", "severity", "claim_ids", "title")):
        if len(parts) != 4 or not re.fullmatch(r"F\d+", parts[0]) or classes.get(parts[0]) not in CLASSES:
            raise ValueError(f"{path.name}:{n}: expected F<n> with a class, severity, claim ids, title")
        out.append(Finding(f"CATREV9:{parts[0]}", classes[parts[0]], review, parts[2].strip(), _short(parts[3])))
    return out


#: Catalog review 10's class cell (its first class, before any '/') -> finding class: a straw-man reading
#: (MISREAD), a convention or referent rule applied one way here and another way there (FRAGILE, as catalog review
#: 8's "convention inconsistency"), counted repetition (PADDING), evidence that does not establish the verdict
#: (UNSOUND), a verdict left open that the catalog could decide (DODGE), assertions not encoded (MISSED), a claim
#: whose encoding decides its own verdict (DODGE: the engine checks nothing), anything else (NOTE).
REVIEW_10_CLASSES = {"straw-man": "MISREAD", "inconsistent-convention": "FRAGILE", "padding": "PADDING",
                     "unsound": "UNSOUND", "dodge": "DODGE", "missed": "MISSED", "self-answering": "DODGE",
                     "other": "NOTE"}


def extract_catalog_review_10(path: Path, classes: Mapping[str, str] = REVIEW_10_CLASSES,
                              prefix: str = "CATREV10:") -> list[Finding]:
    """Findings of the tenth catalog review, from its transcription (docs/review/catalog-review-10.tsv), and of the
    later reviews written in the same form (the eleventh: ``prefix="CATREV11:"``, docs/review/catalog-review-11.tsv;
    the twelfth: ``prefix="CATREV12:"``, docs/review/catalog-review-12.tsv; the thirteenth: ``prefix="CATREV13:"``).

    The header is ``finding, severity, ids, class, summary``; findings are ``F<n>``, given as ``<prefix>F<n>``,
    classed by their class cell through ``classes`` (REVIEW_10_CLASSES); the target is the ids cell. A line that
    breaks this, or a class cell ``classes`` does not know, is a ValueError naming the file and line.
    """
    review = path.with_suffix(".md").name
    out: list[Finding] = []
    for n, parts in _transcription_rows(path, ("finding", "severity", "ids", "class", "summary")):
        cls = classes.get(parts[3].split("/")[0].strip()) if len(parts) == 5 else None
        if len(parts) != 5 or not re.fullmatch(r"F\d+", parts[0]) or cls not in CLASSES:
            raise ValueError(f"{path.name}:{n}: expected F<n>, severity, ids, a class of "
                             f"{', '.join(classes)}, summary")
        out.append(Finding(f"{prefix}{parts[0]}", cls, review, parts[2].strip(), _short(parts[4])))
    return out


def extract_catalog_review_6(path: Path) -> list[Finding]:
    """Findings of the sixth catalog review, from its committed transcription (docs/review/catalog-review-6.tsv).

    The review (docs/review/catalog-review-6.md, a copy of the reviewer's REVIEW.md) lists its findings in prose
    bullets under class headings; the transcription has one line per finding: ``id`` (``CATREV6:<doc>:<claim id
    without its document>``, ``CATREV6:consistency:<quantity>``, ``CATREV6:<doc>:M<n>`` for missed items, or a
    short name for a note), ``class``, ``target`` and ``text``. Its review column is the review's file name.
    The seventh review's transcription (docs/review/catalog-review-7.tsv) has one line per numbered finding,
    ``CATREV7:F<n>``, read by extract_transcription with that prefix.
    """
    return extract_transcription(path, "CATREV6:")


def write_findings(findings: Sequence[Finding]) -> str:
    lines = ["\t".join(FINDINGS_HEADER)]
    lines += ["\t".join((f.id, f.cls, f.review, f.target, f.text)) for f in findings]
    return "\n".join(lines) + "\n"


def read_findings(path: Path = DEFAULT_FINDINGS) -> list[Finding]:
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != FINDINGS_HEADER:
        raise ClaimFileError("not a findings list", file=str(path), hint="\t".join(FINDINGS_HEADER))
    out = []
    for n, line in enumerate(lines[1:], 2):
        parts = line.split("\t")
        if len(parts) != len(FINDINGS_HEADER):
            raise ClaimFileError(f"{len(parts)} columns", file=str(path), key=f"line {n}",
                                 hint=f"{len(FINDINGS_HEADER)} tab-separated columns")
        out.append(Finding(*parts))
    return out


# ------------------------------------------------------------------ resolutions


def read_resolution_file(path: Path) -> list[Resolution]:
    """``[[resolution]] finding, action, note`` tables, with located errors."""
    if not path.is_file():
        return []
    file = str(path)
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ClaimFileError(f"TOML syntax error: {exc}", file=file) from None
    if set(doc) - {"resolution"}:
        raise ClaimFileError(f"unknown top-level key {sorted(set(doc) - {'resolution'})[0]!r}", file=file,
                             hint="write [[resolution]] tables")
    out = []
    for i, t in enumerate(doc.get("resolution", [])):
        key = f"resolution[{i}]"
        if not isinstance(t, dict) or set(t) - {"finding", "action", "note"}:
            raise ClaimFileError("expected finding, action, note", file=file, key=key)
        finding, action, note = (t.get(k, "") for k in ("finding", "action", "note"))
        if not all(isinstance(v, str) for v in (finding, action, note)) or not finding:
            raise ClaimFileError("finding, action and note are strings", file=file, key=key)
        if action not in ACTIONS:
            raise ClaimFileError(f"unknown action {action!r}", file=file, key=f"{key}.action",
                                 hint="one of " + ", ".join(ACTIONS))
        if not note.strip():
            raise ClaimFileError("missing note", file=file, key=f"{key}.note", hint="say why")
        out.append(Resolution(finding, action=action, note=note))
    return out


def resolutions(doc: Mapping[str, Any], extra: Sequence[Resolution]) -> dict[str, list[Resolution]]:
    """Resolutions by finding id, from the JSON document's assertions and lemmas and from ``extra``."""
    out: dict[str, list[Resolution]] = {}
    for a in doc.get("assertions", []):
        for fid in a.get("resolves", []):
            out.setdefault(fid, []).append(Resolution(fid, a["id"], "assertion", a["verdict"]))
    for x in doc.get("lemmas", []):
        for fid in x.get("resolves", []):
            out.setdefault(fid, []).append(Resolution(fid, x["id"], f"lemma ({x['effect']} {x['bears_on']})",
                                                      x["verdict"]))
    for r in extra:
        out.setdefault(r.finding, []).append(r)
    return out


def unknown_resolved_ids(findings: Sequence[Finding], resolved: Mapping[str, Sequence[Resolution]]) -> list[str]:
    known = {f.id for f in findings}
    return sorted(fid for fid in resolved if fid not in known)


def open_findings(findings: Sequence[Finding], resolved: Mapping[str, Sequence[Resolution]]) -> list[str]:
    """Findings with no resolution, or only ones of action ``open`` (recorded as not yet processed)."""
    return [f.id for f in findings if all(r.action == "open" for r in resolved.get(f.id, []))]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(findings: Sequence[Finding], resolved: Mapping[str, Sequence[Resolution]]) -> str:
    """docs/review-resolutions.md: every finding with its resolution (or "open"), by review file."""
    open_ids = open_findings(findings, resolved)
    lines = ["# Review findings and their resolutions", "",
             "Generated by `python -m formal_emergence.review_table render` from `docs/review/findings.tsv`, the "
             "`resolves` lists of the claim files (verdicts from `tests/golden/catalog.json`) and "
             "`theorems/review-resolutions.toml`; do not edit by hand.", "",
             "Finding ids: `<CLASS>:<old claim id>` for per-claim findings; `MISSED:000:M<n>`, `MISSED:124:<n>`, "
             "`MISSED:003:<n>` for missed items; `NOTE:000:<n>` for presentation notes; `FRAGILE:003:<claim id>` "
             "for convention-fragile verdicts; `CATREV5:<doc>:<claim>` and `CATREV5:<doc>:M<n>` for the fifth "
             "catalog review (docs/review/catalog-review-5.md); `CATREV6:<doc>:<claim>`, `CATREV6:<doc>:M<n>` and "
             "`CATREV6:consistency:<quantity>` for the sixth (docs/review/catalog-review-6.md); `CATREV7:F<n>` for the "
             "n-th numbered finding of the seventh (docs/review/catalog-review-7.md); `CATREV8:F<n>` for the eighth "
             "(docs/review/catalog-review-8.md); `CATREV9:F<n>` for the ninth (docs/review/catalog-review-9.md); `CATREV10:F<n>` for the tenth "
             "(docs/review/catalog-review-10.md); `CATREV11:F<n>` for the eleventh (docs/review/catalog-review-11.md); "
             "`CATREV12:F<n>` for the twelfth (docs/review/catalog-review-12.md); "
             "`CATREV13:F<n>` for the thirteenth (docs/review/catalog-review-13.md). "
             "A finding whose only resolution has action `open` was recorded but not yet processed.", "",
             f"{len(findings)} findings: {len(findings) - len(open_ids)} resolved, {len(open_ids)} open.", ""]
    unknown = unknown_resolved_ids(findings, resolved)
    if unknown:
        lines += ["Resolved ids that are not findings: " + ", ".join(f"`{u}`" for u in unknown), ""]
    by_review: dict[str, list[Finding]] = {}
    for f in findings:
        by_review.setdefault(f.review, []).append(f)
    for review in sorted(by_review):
        items = by_review[review]
        done = sum(1 for f in items if f.id not in open_ids)
        lines += [f"## {review}", "", f"{len(items)} findings, {done} resolved.", "",
                  "| finding | about | resolution |", "|---|---|---|"]
        for f in items:
            rs = resolved.get(f.id, [])
            if rs:
                res = "<br>".join(
                    f"{r.role} `{r.unit}`: **{r.verdict}**" if r.unit else
                    f"**open**: {_cell(r.note)}" if r.action == "open" else f"{r.action}: {_cell(r.note)}" for r in rs)
            else:
                res = "**open**"
            about = f"`{f.target}`: {_cell(f.text)}" if f.target else _cell(f.text)
            lines.append(f"| `{f.id}` | {about} | {res} |")
        lines.append("")
    return "\n".join(lines)


def render_from_files(json_path: Path = DEFAULT_JSON, findings_path: Path = DEFAULT_FINDINGS,
                      resolution_path: Path | None = None) -> str:
    import json
    from .parse.claimfile import bundled_theorems_dir
    doc = json.loads(json_path.read_text(encoding="utf-8"))
    extra = read_resolution_file(resolution_path or bundled_theorems_dir() / RESOLUTIONS_FILE)
    return render(read_findings(findings_path), resolutions(doc, extra))


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m formal_emergence.review_table", description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="write the findings list from the reviewers' files")
    ex.add_argument("--reviews", required=True, type=Path, help="the review directory (/work/shared/review)")
    ex.add_argument("-o", "--output", type=Path, default=DEFAULT_FINDINGS)
    rd = sub.add_parser("render", help="write docs/review-resolutions.md")
    rd.add_argument("--json", type=Path, default=DEFAULT_JSON, help="a check --format json document")
    rd.add_argument("--findings", type=Path, default=DEFAULT_FINDINGS)
    rd.add_argument("-o", "--output", type=Path, default=DEFAULT_DOC)
    args = p.parse_args(argv)
    if args.command == "extract":
        text = write_findings(extract_findings(args.reviews))
    else:
        text = render_from_files(args.json, args.findings)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
