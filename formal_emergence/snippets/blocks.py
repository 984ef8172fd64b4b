"""Fenced code blocks of a document: extraction, hashing, location, and verification of restorations.

A Markdown document's blocks are its fenced blocks (````` ``` ````` or ``~~~``),
numbered from 1 within each section (the nearest heading above). A block's
hash is the SHA-256 of its lines joined by ``\\n`` with a final ``\\n``.

Some documents reach us with their Markdown flattened (document 003 lost its
fences and indentation). For those a **restoration** ``<document stem>.code.md``
ships beside the claim files: the same blocks with fences and indentation put
back, and nothing else changed. Whenever the document text is available
(``--seeds DIR``), every restored block is verified against it: with all
whitespace removed, the block must occur in the document verbatim.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s{0,3}(```+|~~~+)\s*([\w+-]*)")


@dataclass(frozen=True)
class CodeBlock:
    section: str
    index: int
    text: str
    language: str
    line: int

    @property
    def sha256(self) -> str:
        return block_hash(self.text)


@dataclass(frozen=True)
class DocumentCode:
    """The blocks of one document and where they came from (``origin``), with the verification outcome."""

    document: str
    blocks: tuple[CodeBlock, ...]
    origin: str
    verified: str

    def find(self, section: str, index: int) -> CodeBlock | None:
        return next((b for b in self.blocks if b.section == section and b.index == index), None)


def block_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def markdown_blocks(text: str) -> tuple[CodeBlock, ...]:
    """The fenced code blocks of Markdown ``text``, numbered per section."""
    out: list[CodeBlock] = []
    section, counts = "", {}
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        fence = _FENCE.match(lines[i])
        if fence:
            marker, language, start = fence.group(1), fence.group(2), i + 1
            j = start
            while j < len(lines) and not lines[j].strip().startswith(marker):
                j += 1
            counts[section] = counts.get(section, 0) + 1
            body = "".join(line + "\n" for line in lines[start:j])
            out.append(CodeBlock(section, counts[section], body, language, start + 1))
            i = j + 1
            continue
        heading = _HEADING.match(lines[i])
        if heading:
            section = heading.group(1)
        i += 1
    return tuple(out)


def _squeeze(text: str) -> str:
    return "".join(text.split())


def verify_restoration(blocks: tuple[CodeBlock, ...], document_text: str) -> list[str]:
    """The labels of restored blocks that do not occur in the document (whitespace aside)."""
    doc = _squeeze(document_text)
    return [f"§{b.section} block {b.index}" for b in blocks if _squeeze(b.text) not in doc]


def restoration_name(document: str) -> str:
    return f"{Path(document).stem}.code.md"


def locate_code(document: str, search: tuple[Path, ...], seeds: Path | None) -> DocumentCode | None:
    """The code blocks of ``document``: a restoration found in ``search`` (checked against the document in
    ``seeds`` when it is there), else the document's own fenced blocks (from ``seeds`` or ``search``)."""
    name = restoration_name(document)
    text_path = next((d / document for d in ((seeds,) if seeds else ()) + search if (d / document).is_file()), None)
    for directory in search:
        for candidate in sorted(directory.rglob(name)) if directory.is_dir() else ():
            blocks = markdown_blocks(candidate.read_text(encoding="utf-8"))
            if text_path is None:
                verified = "not verified: the document text was not found (pass --seeds DIR)"
            else:
                bad = verify_restoration(blocks, text_path.read_text(encoding="utf-8"))
                verified = (f"verified against {text_path.name}: every block occurs in the document, whitespace aside"
                            if not bad else "MISMATCH with the document: " + ", ".join(bad))
            return DocumentCode(document, blocks, f"restoration {candidate.name}", verified)
    if text_path is not None:
        return DocumentCode(document, markdown_blocks(text_path.read_text(encoding="utf-8")), f"document {document}",
                            "the document's own fenced blocks")
    return None
