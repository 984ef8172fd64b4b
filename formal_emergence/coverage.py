"""Which formula-bearing passages of the seed documents are backed by an encoded claim.

The seed documents come in two shapes:

* Markdown (``000``–``002``): ``#`` headings, ``$$…$$`` blocks, ```` ```math ````
  fences, ``$…$`` inline math and ``|`` tables.
* Flattened text (``003``, ``004``): the structure was lost, so headings are plain
  lines (``1.2 涌现的数学描述``, sometimes glued to the end of the preceding
  code, as in ``return fig2.3 更多涌现能力案例``), Python is inlined without fences
  or indentation, and ``004`` marks its sections with emoji (``📄 摘要(原文)``).

A document is read as Markdown when it has a ``##``…``######`` heading or starts
with a ``#`` heading; otherwise it is read as flattened text (where a line
starting with ``#`` is a Python comment, not a heading).

``split_sections`` finds the headings, ``formula_passages`` lists every passage
that carries a formula, a numeric table row or a numeric threshold, and
``coverage`` tells which of those passages are quoted by some claim. Everything
here is pure text processing (standard library only); nothing is cached between
calls.
"""

from __future__ import annotations

import os
import stat
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, NamedTuple, Sequence

__all__ = (
    "SEEDS_ENV_VAR",
    "PASSAGE_KINDS",
    "MIN_OVERLAP",
    "Section",
    "Passage",
    "DocumentCoverage",
    "find_documents",
    "list_documents",
    "split_sections",
    "formula_passages",
    "coverage",
    "quote_in",
    "normalised_document",
    "render_coverage",
)

#: Environment variable naming the seed directory (used when no explicit path is given).
SEEDS_ENV_VAR = "FORMAL_EMERGENCE_SEEDS"

#: The kinds a ``Passage`` can have.
PASSAGE_KINDS = ("display-math", "inline-math", "code", "table-row", "threshold")

#: Minimum number of shared non-space characters for a quote to cover a passage.
MIN_OVERLAP = 12


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Section:
    """A heading of a document.

    ``heading`` is the text exactly as written, without the leading ``#``'s or
    emoji marker and surrounding spaces. ``start_line`` is the 1-based line of
    the heading itself; ``end_line`` the last line before the next heading of
    the same or a higher level (so a section spans its subsections), or the
    last line of the document. ``level`` is the number of ``#``'s for Markdown
    headings, the number of components of a numbered flattened heading
    (``1.`` → 1, ``1.2`` → 2), and 1 for emoji-marked and unnumbered flattened
    headings (``概述``, ``参考``, ``Footnotes`` …).
    """

    heading: str
    start_line: int
    end_line: int
    level: int


@dataclass(frozen=True)
class Passage:
    """One formula-bearing passage of a document.

    ``section`` is the innermost heading (as written) above the passage, ``""``
    before the first heading; ``line`` the 1-based line where the passage
    starts. ``kind`` is one of ``PASSAGE_KINDS``:

    * ``display-math``: the content of a ``$$…$$`` block or a ```` ```math ```` fence;
    * ``inline-math``: a prose sentence with a ``$…$`` span that contains an
      operator, relation or digit (a bare ``$N_c$`` does not count), or with
      undelimited math such as ``N × D = C`` or ``E(N, P, K)``;
    * ``code``: a non-math fenced block, or in flattened documents one unit of
      inlined Python (one ``def``/``class`` each — methods and nested functions
      start their own unit because the flattening lost the indentation — or
      one run of top-level statements; leading imports/comments join the unit
      that follows them);
    * ``table-row``: a table body row with a digit in it;
    * ``threshold``: a prose sentence stating a number — a comparison with a
      number (``参数>100B``, ``d_k > 128``), a scaled quantity (``100B``,
      ``1T tokens``, ``10^{11}``, ``4.41 × 10^24``), a percentage, a decimal or
      a multi-digit number that is not a year, date or version.

    ``text`` is the passage itself: the math without its delimiters, the code,
    the table row or the sentence.
    """

    document: str
    section: str
    line: int
    kind: str
    text: str


@dataclass(frozen=True)
class DocumentCoverage:
    """How well the claims of one document cover its formula passages.

    ``claims`` is the number of claims attributed to the document;
    ``uncovered`` the passages no claim's quote overlaps (in document order);
    ``quotes_not_found`` the ids of claims whose quote does not occur in the
    document after whitespace normalisation; ``sections_not_found`` the ids of
    claims whose section is not one of the document's headings as written.
    """

    document: str
    passages_total: int
    passages_covered: int
    claims: int
    uncovered: tuple[Passage, ...]
    quotes_not_found: tuple[str, ...]
    sections_not_found: tuple[str, ...]


# ----------------------------------------------------------------- finding seeds


def find_documents(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """Locate the seed directory.

    Order: ``explicit`` if given (returned only if it is a directory — an explicit
    path is never replaced by a guess); else the ``FORMAL_EMERGENCE_SEEDS``
    environment variable if set and non-empty (same rule); else the first
    ``shared/seeds`` directory found walking up from the current working
    directory (which covers a checkout at ``<root>/main`` with the seeds at
    ``<root>/shared/seeds``, i.e. ``../shared/seeds``). Returns ``None`` when
    nothing is found.
    """
    if explicit is not None and str(explicit) != "":
        path = Path(explicit).expanduser()
        return path.resolve() if path.is_dir() else None
    env = os.environ.get(SEEDS_ENV_VAR, "")
    if env:
        path = Path(env).expanduser()
        return path.resolve() if path.is_dir() else None
    try:
        here = Path.cwd().resolve()
    except OSError:
        return None
    for directory in (here, *here.parents):
        for candidate in (directory / "shared" / "seeds", directory.parent / "shared" / "seeds"):
            if candidate.is_dir():
                return candidate
    return None


#: Seed documents larger than this are skipped (a directory like /proc holds huge pseudo-files).
MAX_DOCUMENT_BYTES = 4_000_000


def list_documents(documents_dir: str | os.PathLike[str]) -> list[Path]:
    """Return the regular, non-hidden, non-empty files of ``documents_dir`` up to ``MAX_DOCUMENT_BYTES``, by name.

    Symbolic links are not followed and special files are skipped, so a directory such as /proc
    cannot make the scan block or read without end.
    """
    root = Path(documents_dir)
    out = []
    for p in root.iterdir():
        try:
            st = p.lstat()
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode) and 0 < st.st_size <= MAX_DOCUMENT_BYTES and not p.name.startswith("."):
            out.append(p)
    return sorted(out)


def _read(path: Path) -> str:
    try:
        with open(path, "rb") as fh:
            return fh.read(MAX_DOCUMENT_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return ""


def _lines(text: str) -> list[str]:
    """Split on newlines only (not on the other separators ``str.splitlines`` knows)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


# ---------------------------------------------------------------- line patterns

_MD_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(\S.*?)\s*$")
_MD_SUBHEADING = re.compile(r"^ {0,3}#{2,6}[ \t]+\S")
_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)")
_MATH_FENCE_INFO = frozenset({"math", "latex", "tex", "katex"})
# A numbered heading: "1. 标题", "1.2 标题", "2.1 链式推理(Chain-of-Thought)".
_NUMBERED = re.compile(r"(\d{1,3}(?:\.\d{1,3})*)(\.?)[ \t]+(\S.*?)\s*$")
_NUMBER_COMPONENT = re.compile(r"\d+")
_HEADING_FORBIDDEN = frozenset("={}[]#*<>|\"`$\\")
_HEADING_BAD_ENDINGS = ("。", ",", "，", ";", "；", "、", "=")
_FLAT_NAMED_HEADINGS = frozenset({
    "概述", "核心问题", "参考", "参考文献", "参考文档", "参考资料", "相关主题", "目录", "引言", "总结",
    "结论", "摘要", "Footnotes", "References", "Abstract", "Introduction", "Conclusion", "Summary",
})
_SKIPPED_SECTIONS = frozenset({
    "目录", "参考文档", "参考文献", "参考资料", "参考", "相关主题", "相关文档", "延伸阅读",
    "footnotes", "references", "bibliography", "contents", "table of contents",
})
_SECTION_NUMBER_PREFIX = re.compile(r"^(?:[\d.]+\s*|[一二三四五六七八九十百零]+[、.．]\s*)")

_TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")

_PY_STARTER = re.compile(
    r"""^(?:
        (?:async\s+)?def\s+[A-Za-z_]\w*\s*\(
      | class\s+[A-Za-z_]\w*\s*[(:]
      | import\s+[A-Za-z_][\w.]*
      | from\s+\.*[A-Za-z_][\w.]*\s+import\s
      | @[A-Za-z_][\w.]*
      | \#
      | [A-Za-z_][A-Za-z0-9_.]*(?:\[[^\]]*\])*
        (?:\s*,\s*\(?[A-Za-z_][A-Za-z0-9_.]*\)?)*
        \s*(?:[-+*/%&|^@]|\*\*|//)?=(?!=)
    )""",
    re.X,
)
_PY_CONTINUATION = re.compile(
    r"""^(?:
        (?:return|yield|raise|assert|pass|break|continue|del|global|nonlocal|lambda|await)\b
      | (?:if|elif|while|for|with|except|async\s+for|async\s+with)\b.*:\s*(?:\#.*)?$
      | (?:else|try|finally)\s*:
      | [rRbBuUfF]{0,2}(?:\"\"\"|''')
      | [)\]}]
      | ['"][^'"]*['"]\s*:
      | [A-Za-z_][A-Za-z0-9_.]*(?:\[[^\]]*\])*\s*\(
    )""",
    re.X,
)
_PY_UNIT_START = re.compile(r"^(?:(?:async\s+)?def\s|class\s|@[A-Za-z_])")
_PY_PREAMBLE = re.compile(r"^(?:import\s|from\s+\S+\s+import\s|#|@)")

_DISPLAY_INLINE = re.compile(r"\$\$(.+?)\$\$")
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)((?:\\.|[^$\\\n])+?)\$(?!\$)")
_SUBSCRIPT = re.compile(r"_(?:\{[^{}]*\}|\\?[A-Za-z0-9]+)")
_MATH_IS_FORMULA = re.compile(
    r"[=<>+\-*/^≤≥≈∝≪≫≠×]|\d|\\(?:le|ge|leq|geq|neq|approx|propto|gg|ll|sim|in|cdot|times|frac"
    r"|sum|prod|lim|log|exp|to|infty|sqrt|int|max|min)(?![A-Za-z])"
)
_SENTENCE_SPLIT = re.compile(r"(?<=[。！？])|(?<=[.!?])\s+(?=[A-Z$\d“\"])")
_SYMBOL = r"(?:[A-Za-zα-ωΑ-Ω](?:_\{[^}]*\}|_?[A-Za-z0-9]+|\^\{[^}]*\})*|\))"
_BARE_RELATION = re.compile(
    r"(?<![A-Za-z])" + _SYMBOL + r"\s*(?:=|<|>|≤|≥|≈|∝|≪|≫|≠)\s*[A-Za-zα-ωΑ-Ω0-9(\\\-−]"
)
_BARE_FUNCTION = re.compile(
    r"(?<![A-Za-z\\])[A-Za-z]\w*\(\s*[A-Za-zα-ω]\w{0,3}(?:\s*,\s*[A-Za-zα-ω]\w{0,3})+\s*\)"
)
_NUMERIC = (
    re.compile(r"[<>≤≥≈≃∼~≪≫]\s*=?\s*[-−]?\d"),  # > 100B, ≈ 3.2, ~3.2
    re.compile(r"(?<![<>!=])=\s*[-−]?\d"),  # =20%, Lip(T)=1
    re.compile(r"\d(?:[\d.,]*\d)?\s*(?:[KMBT](?![A-Za-z])|万|亿)"),  # 100B, 1T tokens
    re.compile(r"\d\s*[×x*]\s*10\s*\^|10\s*\^\s*\{?\s*[-−]?\d|(?<![A-Za-z_])\d+(?:\.\d+)?e[-+]?\d+"),
    re.compile(r"\d\s*[%‰]|\d\s*倍|\d\s*°"),
)
_DECIMAL = re.compile(r"(?<![A-Za-z0-9_.\-])\d+\.\d+(?![\d.])")
_INTEGER = re.compile(r"(?<![A-Za-z0-9_.\-/:])\d{2,}(?![\d.\-/:年月日])")
_YEAR = re.compile(r"(?:19|20)\d\d")
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
_URL = re.compile(r"https?://\S+|\]\([^)]*\)")


# ---------------------------------------------------------------------- scanning


class _Event(NamedTuple):
    kind: str  # "heading" | "display-math" | "code" | "table-row" | "prose"
    line: int
    text: str
    level: int = 0


def _is_markdown(lines: Sequence[str]) -> bool:
    first = next((ln for ln in lines if ln.strip()), "")
    if _MD_HEADING.match(first):
        return True
    in_fence = False
    for ln in lines:
        if _FENCE_OPEN.match(ln):
            in_fence = not in_fence
        elif not in_fence and _MD_SUBHEADING.match(ln):
            return True
    return False


def _numbering(number: str) -> tuple[int, ...]:
    return tuple(int(c) for c in _NUMBER_COMPONENT.findall(number))


def _is_next_number(current: tuple[int, ...], number: tuple[int, ...]) -> bool:
    """Whether ``number`` can follow heading number ``current`` (a child, sibling or uncle)."""
    if not current:
        return all(c <= 1 for c in number)
    depth = len(current)
    if len(number) > depth and number[:depth] == current:
        tail = number[depth:]
        return len(tail) <= 2 and all(c == 1 for c in tail)
    for j in range(min(depth, len(number))):
        if number[:j] != current[:j]:
            break
        if current[j] < number[j] <= current[j] + 2:
            tail = number[j + 1:]
            return len(tail) <= 2 and all(c == 1 for c in tail)
    return False


def _heading_text_ok(text: str, glued: bool) -> bool:
    if not text or len(text) > 60 or text.endswith(_HEADING_BAD_ENDINGS):
        return False
    if any(ch in _HEADING_FORBIDDEN for ch in text):
        return False
    if not any(ch.isalpha() for ch in text):
        return False
    if glued and not (ord(text[0]) > 127 or text[0].isupper() or text[0].isdigit()):
        return False
    return True


def _emoji_heading(stripped: str) -> str | None:
    if not stripped:
        return None
    cp = ord(stripped[0])
    is_emoji = cp >= 0x1F000 or (0x2600 <= cp <= 0x27BF and stripped[1:2] == "\ufe0f")
    if not is_emoji or unicodedata.category(stripped[0]) != "So":
        return None
    i = 0
    while i < len(stripped) and (
        stripped[i].isspace()
        or stripped[i] in "\ufe0f\u200d"
        or unicodedata.category(stripped[i]) in ("So", "Sk", "Mn", "Cf")
    ):
        i += 1
    text = stripped[i:].strip()
    return text if text and len(text) <= 80 else None


def _is_skipped_heading(heading: str) -> bool:
    name = _SECTION_NUMBER_PREFIX.sub("", heading.strip()).strip().rstrip(":：").strip().lower()
    return name in _SKIPPED_SECTIONS or name.endswith(("参考文献", "参考文档"))


class _Scanner:
    """Turns the lines of one document into events; all state lives on the instance."""

    def __init__(self, lines: Sequence[str]):
        self.lines = lines
        self.markdown = _is_markdown(lines)
        self.events: list[_Event] = []
        self.numbering: tuple[int, ...] = ()
        # inlined-Python state (flattened documents only)
        self.code: list[tuple[int, str]] = []
        self.depth = 0
        self.triple: str | None = None

    # -- headings ------------------------------------------------------------------

    def _numbered_heading(self, line: str, start: int, glued: bool) -> str | None:
        m = _NUMBERED.match(line, start)
        if not m:
            return None
        number, dot, text = m.group(1), m.group(2), m.group(3)
        if "." not in number and not dot:
            return None
        if not _heading_text_ok(text, glued) or not _is_next_number(self.numbering, _numbering(number)):
            return None
        return line[start:].strip()

    def _flat_heading(self, stripped: str) -> tuple[str, int, bool] | None:
        """Return ``(heading, level, numbered)`` when ``stripped`` is a flattened heading."""
        heading = self._numbered_heading(stripped, 0, glued=False)
        if heading is not None:
            return heading, len(_numbering(heading.split()[0])), True
        if stripped in _FLAT_NAMED_HEADINGS:
            return stripped, 1, False
        emoji = _emoji_heading(stripped)
        if emoji is not None:
            return emoji, 1, False
        return None

    def _emit_heading(self, lineno: int, heading: str, level: int, numbered: bool) -> None:
        if numbered:
            self.numbering = _numbering(heading.split()[0])
        self.events.append(_Event("heading", lineno, heading, level))

    # -- inlined Python ------------------------------------------------------------

    def _tokenise(self, line: str) -> int | None:
        """Advance bracket/string state over ``line``; return where a glued heading starts."""
        i, n = 0, len(line)
        while i < n:
            if self.triple is not None:
                k = line.find(self.triple, i)
                if k < 0:
                    return None
                i, self.triple = k + 3, None
                continue
            c = line[i]
            if c == "#":
                return None
            if line.startswith('"""', i) or line.startswith("'''", i):
                self.triple = line[i:i + 3]
                i += 3
                continue
            if c in "\"'":
                j = i + 1
                while j < n and line[j] != c:
                    j += 2 if line[j] == "\\" else 1
                i = j + 1
                continue
            if c in "([{":
                self.depth += 1
            elif c in ")]}":
                self.depth = max(0, self.depth - 1)
            elif (self.depth == 0 and c.isdigit() and i > 0 and not line[i - 1].isdigit()
                  and line[i - 1] != "." and line[:i].strip()
                  and self._numbered_heading(line, i, glued=True) is not None):
                return i
            i += 1
        return None

    def _flush_code(self) -> None:
        body = [(ln, t) for ln, t in self.code if t.strip()]
        self.code = []
        if body and not all(_PY_PREAMBLE.match(t.strip()) for _, t in body):
            self.events.append(_Event("code", body[0][0], "\n".join(t.rstrip() for _, t in body)))

    def _code_line(self, lineno: int, line: str) -> None:
        stripped = line.strip()
        if (self.depth == 0 and self.triple is None and _PY_UNIT_START.match(stripped)
                and any(t.strip() and not _PY_PREAMBLE.match(t.strip()) for _, t in self.code)):
            self._flush_code()
        glued_at = self._tokenise(line)
        if glued_at is None:
            self.code.append((lineno, line))
            return
        self.code.append((lineno, line[:glued_at]))
        self._end_code()
        heading = line[glued_at:].strip()
        self._emit_heading(lineno, heading, len(_numbering(heading.split()[0])), numbered=True)

    def _end_code(self) -> None:
        self._flush_code()
        self.depth, self.triple = 0, None

    @property
    def in_code(self) -> bool:
        return bool(self.code)

    # -- main loop -------------------------------------------------------------------

    def scan(self) -> list[_Event]:
        lines, n, i = self.lines, len(self.lines), 0
        while i < n:
            raw = lines[i]
            stripped = raw.strip()
            lineno = i + 1
            if not self.markdown and self.in_code:
                if self.depth > 0 or self.triple is not None:
                    self._code_line(lineno, raw)
                    i += 1
                    continue
                if not stripped:
                    i += 1
                    continue
                heading = self._flat_heading(stripped)
                if heading is None and (_PY_STARTER.match(stripped) or _PY_CONTINUATION.match(stripped)):
                    self._code_line(lineno, raw)
                    i += 1
                    continue
                self._end_code()
            i = self._plain_line(i)
        if self.in_code:
            self._end_code()
        return self.events

    def _plain_line(self, i: int) -> int:
        """Handle line ``i`` outside inlined code; return the index of the next line to read."""
        lines, n = self.lines, len(self.lines)
        raw = lines[i]
        stripped = raw.strip()
        lineno = i + 1
        if not stripped or _RULE.match(stripped):
            return i + 1
        fence = _FENCE_OPEN.match(raw)
        if fence:
            marker, info = fence.group(1), fence.group(2).lower()
            j, body = i + 1, []
            while j < n:
                s = lines[j].strip()
                if s.startswith(marker) and not s.strip(marker[0]):
                    break
                body.append(lines[j])
                j += 1
            kind = "display-math" if info in _MATH_FENCE_INFO else "code"
            text = "\n".join(body).strip("\n")
            if text.strip():
                self.events.append(_Event(kind, lineno, text))
            return j + 1
        if stripped.startswith("$$"):
            rest = stripped[2:]
            if "$$" in rest:
                self.events.append(_Event("display-math", lineno, rest[: rest.index("$$")].strip()))
                return i + 1
            j, body = i + 1, ([rest] if rest.strip() else [])
            while j < n and "$$" not in lines[j]:
                body.append(lines[j])
                j += 1
            if j < n:
                before = lines[j][: lines[j].index("$$")]
                if before.strip():
                    body.append(before)
            self.events.append(_Event("display-math", lineno, "\n".join(body).strip("\n")))
            return j + 1
        if self.markdown:
            m = _MD_HEADING.match(raw)
            if m:
                self.events.append(_Event("heading", lineno, m.group(2), len(m.group(1))))
                return i + 1
        else:
            heading = self._flat_heading(stripped)
            if heading is not None:
                self._emit_heading(lineno, *heading)
                return i + 1
            if _PY_STARTER.match(stripped):
                self._code_line(lineno, raw)
                return i + 1
        if stripped.startswith("|") and stripped.count("|") >= 2:
            if _TABLE_SEPARATOR.match(stripped):
                return i + 1
            following = lines[i + 1].strip() if i + 1 < n else ""
            if not _TABLE_SEPARATOR.match(following):
                self.events.append(_Event("table-row", lineno, stripped))
            return i + 1
        self.events.append(_Event("prose", lineno, stripped))
        return i + 1


def _scan(text: str) -> tuple[list[_Event], int]:
    lines = _lines(text)
    return _Scanner(lines).scan(), len(lines)


# ---------------------------------------------------------------------- sections


def split_sections(text: str) -> list[Section]:
    """Return the headings of ``text`` in document order (duplicates kept).

    Markdown documents: ``#``…``######`` lines outside fences. Flattened
    documents: numbered lines (``1. 涌现能力的定义``, ``1.2 涌现的数学描述``) whose
    number follows the previous heading's number and whose text is short and
    not code — including headings glued to the end of inlined code — plus a
    few unnumbered names (``概述``, ``核心问题``, ``参考``, ``Footnotes`` …) and lines
    starting with an emoji marker (``📄 摘要(原文)`` → ``摘要(原文)``).
    """
    events, total = _scan(text)
    heads = [e for e in events if e.kind == "heading"]
    sections = []
    for k, head in enumerate(heads):
        end = total
        for later in heads[k + 1:]:
            if later.level <= head.level:
                end = max(head.line, later.line - 1)
                break
        sections.append(Section(head.text, head.line, end, head.level))
    return sections


# ---------------------------------------------------------------------- passages


def _has_number(sentence: str) -> bool:
    s = _URL.sub(" ", sentence)
    s = _DATE.sub(" ", s)
    if any(p.search(s) for p in _NUMERIC):
        return True
    if _DECIMAL.search(s):
        return True
    return any(not _YEAR.fullmatch(m.group(0)) for m in _INTEGER.finditer(s))


def _sentences(line: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_SPLIT.split(line) if s and s.strip()]


def _prose_passages(line: str) -> list[tuple[str, str]]:
    """Classify the sentences of one prose line; return ``(kind, text)`` pairs."""
    found: list[tuple[str, str]] = []
    for m in _DISPLAY_INLINE.finditer(line):
        if m.group(1).strip():
            found.append(("display-math", m.group(1).strip()))
    line = _DISPLAY_INLINE.sub(" ", line) if found else line
    for sentence in _sentences(line):
        spans = [m.group(1) for m in _INLINE_MATH.finditer(sentence)]
        if any(_MATH_IS_FORMULA.search(_SUBSCRIPT.sub("", span)) for span in spans):
            found.append(("inline-math", sentence))
            continue
        plain = _INLINE_MATH.sub(lambda m: " " + m.group(1) + " ", sentence)
        if _has_number(plain):
            found.append(("threshold", sentence))
        elif _BARE_RELATION.search(plain) or _BARE_FUNCTION.search(plain):
            found.append(("inline-math", sentence))
    return found


def formula_passages(text: str, document: str = "") -> list[Passage]:
    """List every passage of ``text`` that carries a formula, a number table row or a threshold.

    See ``Passage`` for what each kind covers. Passages in the table of
    contents and in reference sections (目录, 参考文档, 参考文献, 相关主题, 参考,
    Footnotes, References — and their subsections) are skipped. ``document``
    is copied into every passage. The order is document order.
    """
    events, _ = _scan(text)
    passages: list[Passage] = []
    stack: list[tuple[int, str, bool]] = []  # (level, heading, skipped)
    for event in events:
        if event.kind == "heading":
            while stack and stack[-1][0] >= event.level:
                stack.pop()
            skipped = _is_skipped_heading(event.text) or (bool(stack) and stack[-1][2])
            stack.append((event.level, event.text, skipped))
            continue
        if stack and stack[-1][2]:
            continue
        section = stack[-1][1] if stack else ""
        if event.kind == "prose":
            for kind, passage_text in _prose_passages(event.text):
                passages.append(Passage(document, section, event.line, kind, passage_text))
        elif event.kind == "table-row":
            if any(ch.isdigit() for ch in event.text):
                passages.append(Passage(document, section, event.line, "table-row", event.text))
        else:
            passages.append(Passage(document, section, event.line, event.kind, event.text))
    return passages


# ---------------------------------------------------------------------- coverage


def _normalise(text: str) -> str:
    """Collapse every run of whitespace to one space and strip the ends."""
    return " ".join(text.split())


def quote_in(quote: str, normalised_document: str) -> bool:
    """Whether ``quote`` occurs in the document (given whitespace-normalised) once its whitespace is normalised;
    an empty quote never does."""
    return bool(_normalise(quote)) and _normalise(quote) in normalised_document


def normalised_document(path: str | os.PathLike[str]) -> str:
    """The text of the document at ``path`` (at most ``MAX_DOCUMENT_BYTES``), whitespace-normalised."""
    return _normalise(_read(Path(path)))


def _compact(text: str) -> str:
    return "".join(text.split())


def _claim_fields(claim: object) -> tuple[str, str, str, str]:
    source = getattr(claim, "source", None)
    return (
        str(getattr(claim, "id", "")),
        str(getattr(source, "document", "") or ""),
        str(getattr(source, "section", "") or ""),
        str(getattr(source, "quote", "") or ""),
    )


class _QuoteIndex:
    """The quotes of one document, indexed by their ``MIN_OVERLAP``-character windows."""

    def __init__(self, quotes: Iterable[str], min_overlap: int = MIN_OVERLAP):
        self.k = max(1, min_overlap)
        self.compact = [q for q in (_compact(q) for q in quotes) if q]
        self.windows = {q[i:i + self.k] for q in self.compact for i in range(len(q) - self.k + 1)}
        self.short = [q for q in self.compact if len(q) < self.k]

    def covers(self, passage_text: str) -> bool:
        """True when a quote shares ≥ ``min_overlap`` non-space characters with the passage,
        or the passage contains a whole (shorter) quote, or a quote contains the whole
        (shorter) passage. Whitespace is ignored on both sides."""
        p = _compact(passage_text)
        if not p:
            return False
        if len(p) < self.k:
            return any(p in q for q in self.compact)
        if any(p[i:i + self.k] in self.windows for i in range(len(p) - self.k + 1)):
            return True
        return any(q in p for q in self.short)


def coverage(documents_dir: str | os.PathLike[str], claims: Iterable[object], *,
             min_overlap: int = MIN_OVERLAP) -> list[DocumentCoverage]:
    """Measure, per seed document, which formula passages some claim quotes.

    ``claims`` are objects with ``.id`` and ``.source.document`` / ``.section`` /
    ``.quote``. A claim belongs to the document whose file name (or stem) equals
    ``source.document`` (a path is reduced to its file name). A passage is
    covered when a claim of its document has a quote that overlaps it (see
    ``_QuoteIndex.covers``: ≥ ``min_overlap`` (12) shared non-space characters,
    or one contains the other whole; whitespace is ignored). Overlap is by text,
    not by place: a quote covers every passage of its document that repeats
    the quoted text. A quote is "found" when, whitespace-normalised, it occurs
    in the whitespace-normalised document (an empty quote is never found); a
    section is "found" when it equals one of the document's headings as
    written (surrounding whitespace ignored).

    One entry per file of ``documents_dir`` that some claim names (sorted by
    name; the other files are not documents of these claims and are skipped),
    followed by one entry per document named by claims but absent from the
    directory: such an entry has no passages and lists all its claims as quote-
    and section-not-found. Raises ``OSError`` when ``documents_dir`` cannot be listed.
    """
    files = list_documents(documents_dir)
    by_key: dict[str, str] = {}
    for path in files:
        by_key.setdefault(path.stem, path.name)
    for path in files:
        by_key[path.name] = path.name
    grouped: dict[str, list[tuple[str, str, str]]] = {}
    for claim in claims:
        claim_id, document, section, quote = _claim_fields(claim)
        key = Path(document).name if document else ""
        grouped.setdefault(by_key.get(key, key), []).append((claim_id, section, quote))

    results = []
    for path in files:
        if path.name not in grouped:
            continue
        text = _read(path)
        own = grouped.pop(path.name)
        passages = formula_passages(text, document=path.name)
        index = _QuoteIndex((quote for _, _, quote in own), min_overlap)
        uncovered = tuple(p for p in passages if not index.covers(p.text))
        normalised = _normalise(text)
        headings = {s.heading.strip() for s in split_sections(text)}
        results.append(DocumentCoverage(
            document=path.name,
            passages_total=len(passages),
            passages_covered=len(passages) - len(uncovered),
            claims=len(own),
            uncovered=uncovered,
            quotes_not_found=tuple(cid for cid, _, q in own if not quote_in(q, normalised)),
            sections_not_found=tuple(cid for cid, s, _ in own if s.strip() not in headings),
        ))
    for document in sorted(grouped):
        ids = tuple(cid for cid, _, _ in grouped[document])
        results.append(DocumentCoverage(document or "<no document>", 0, 0, len(ids), (), ids, ids))
    return results


# ---------------------------------------------------------------------- rendering


def _excerpt(text: str, width: int = 60) -> str:
    flat = _normalise(text)
    return flat if len(flat) <= width else flat[:width] + "…"


def render_coverage(results: Sequence[DocumentCoverage]) -> str:
    """Render coverage as plain text.

    First a table with one row per document — passages with formulas, covered,
    claims encoded, quotes not found, sections not found — and a total row;
    then, per document, its uncovered passages as
    ``line N [kind] section: first 60 chars`` and the ids of claims whose quote
    or section was not found.
    """
    header = ("document", "passages", "covered", "claims", "quotes not found", "sections not found")
    rows = [(r.document, str(r.passages_total), str(r.passages_covered), str(r.claims),
             str(len(r.quotes_not_found)), str(len(r.sections_not_found))) for r in results]
    rows.append(("total",
                 str(sum(r.passages_total for r in results)),
                 str(sum(r.passages_covered for r in results)),
                 str(sum(r.claims for r in results)),
                 str(sum(len(r.quotes_not_found) for r in results)),
                 str(sum(len(r.sections_not_found) for r in results))))
    widths = [max(len(row[c]) for row in (header, *rows)) for c in range(len(header))]

    def fmt(row: Sequence[str]) -> str:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(w) for cell, w in zip(row[1:], widths[1:])]
        return "  ".join(cells).rstrip()

    out = [fmt(header), fmt(["-" * w for w in widths])]
    out += [fmt(row) for row in rows[:-1]]
    out += [fmt(["-" * w for w in widths]), fmt(rows[-1])]
    for r in results:
        out.append("")
        out.append(f"{r.document}: {len(r.uncovered)} uncovered of {r.passages_total} passage(s)")
        for p in r.uncovered:
            out.append(f"  line {p.line} [{p.kind}] {p.section or '(before first heading)'}: {_excerpt(p.text)}")
        if r.quotes_not_found:
            out.append(f"  quotes not found: {', '.join(r.quotes_not_found)}")
        if r.sections_not_found:
            out.append(f"  sections not found: {', '.join(r.sections_not_found)}")
    return "\n".join(out) + "\n"
