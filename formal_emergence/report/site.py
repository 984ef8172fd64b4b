"""Write a report in one format to a directory: the entry point of ``formal-emergence report``.

Formats and the files they write (paths relative to the output directory):

- ``html``: ``index.html``, ``claims/<id>.html``, ``assets/report.css``, ``report.json``;
- ``markdown``: ``index.md``, ``claims/<id>.md``, ``claims/<id>.<plot kind>.svg``;
- ``latex``: ``main.tex`` (pdflatex + CJKutf8, see docs/reports.md);
- ``json``: ``report.json`` (the same document as ``check --format json``).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Mapping, Sequence

from ..model.outcome import CheckedCatalog
from .jsonout import document

FORMATS = ("html", "markdown", "latex", "json")
ENTRY = {"html": "index.html", "markdown": "index.md", "latex": "main.tex", "json": "report.json"}


class _Writer:
    def __init__(self, root: Path):
        self.root = root
        self.written: list[Path] = []

    def __call__(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        # mkstemp creates a fresh file with O_EXCL (a planted symlink or file is never followed or
        # overwritten); the rename then replaces the target atomically.
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        self.written.append(path)


def json_text(doc: Mapping[str, Any]) -> str:
    """Exactly what ``check --format json`` prints for the JSON document ``doc``."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def write_report(checked: CheckedCatalog, records: Sequence[Mapping[str, Any]],
                 tool: Mapping[str, Any], options: Mapping[str, Any], fmt: str, outdir: str | os.PathLike,
                 ) -> list[Path]:
    """Write the report for ``checked`` (with the JSON ``records`` of its readings and lemmas) in format
    ``fmt``; return the files written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}")
    root = Path(outdir)
    root.mkdir(parents=True, exist_ok=True)
    write = _Writer(root)
    doc = document(checked, records, tool, options)
    if fmt == "json":
        write("report.json", json_text(doc))
        return write.written
    from .context import build_views
    views = build_views(checked.pairs(), doc["claims"], with_plots=fmt in ("html", "markdown"), assertions=doc["assertions"])
    if fmt == "html":
        from .html import write_html
        write_html(views, doc["summary"], tool, options, write)
        write("report.json", json_text(doc))
    elif fmt == "markdown":
        from .markdown import write_markdown
        write_markdown(views, doc["summary"], tool, options, write)
    else:
        from .latex import render_latex
        write("main.tex", render_latex(views, doc["summary"], tool, options))
    return write.written


__all__ = ["write_report", "json_text", "FORMATS", "ENTRY"]
