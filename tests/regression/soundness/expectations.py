"""The expected outcome of each adversarial claim file, read from its ``# expected:`` comment.

The files come from the soundness review (``soundness-detail.md``). Their first-line comments
are prose written for people, so this module reads them with a small, strict grammar and
refuses everything else: a comment either names a set of acceptable verdicts, asks for the file
to be rejected as ill-formed, or names no verdict (then only "ends cleanly" is tested). A
comment the grammar cannot read is not guessed at; the list of such comments is pinned by a
test, and every hand-made decision is in ``OVERRIDES`` with the reason repeated in
EXPECTATIONS.md.

Grammar (after ``# expected:``, case-sensitive, surrounding blanks ignored)::

    comment  := "ill-formed" ...              -> rejected with a located error
              | ... "->" spec                 (a spec after the last "->" ends the comment)
              | spec [" in truth"] [tail]
    spec     := alt (("/" | " or ") alt)*
    alt      := "holds-if" | "holds" | "fails" | "undecided" | "undefined" | "not holds"
    tail     := " (or undecided)" rest | rest "; expect " spec rest | rest " -> expect " spec rest
              | (":" | " (" | ";" | "," | " only for " | " for " | " at ") rest | end

``not holds`` allows ``fails`` and ``undecided``; ``undefined`` allows ``undecided`` (a claim
whose terms are undefined is neither proved nor refuted). A word directly followed by ``?`` is
not a verdict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VERDICTS = frozenset({"holds", "holds-if", "fails", "undecided", "informal"})
_ALT = {"holds-if": {"holds-if"}, "holds": {"holds"}, "fails": {"fails"}, "undecided": {"undecided"},
        "undefined": {"undecided"}, "not holds": {"fails", "undecided"}}
_ALT_RE = "|".join(sorted(map(re.escape, _ALT), key=len, reverse=True))
_SPEC = re.compile(rf"(?P<spec>(?:{_ALT_RE})(?:(?:/| or )(?:{_ALT_RE}))*)(?![\w?-])")
_TAIL_SPLIT = re.compile(r"(?:/| or )")


@dataclass(frozen=True)
class Expected:
    """``verdicts``: the acceptable verdicts (empty: none named); ``rejected``: a located user error."""

    verdicts: frozenset[str] = frozenset()
    rejected: bool = False

    @property
    def names_outcome(self) -> bool:
        return bool(self.verdicts) or self.rejected


NOTHING = Expected()


def _spec(text: str) -> tuple[frozenset[str], str] | None:
    """Read a ``spec`` at the start of ``text``; return (verdicts, the rest) or None."""
    m = _SPEC.match(text)
    if not m:
        return None
    out: set[str] = set()
    for alt in _TAIL_SPLIT.split(m.group("spec")):
        out |= _ALT[alt]
    return frozenset(out), text[m.end():]


def parse_expected(comment: str) -> Expected:
    """The outcome named by one ``# expected:`` comment body (the text after the colon)."""
    text = comment.strip()
    if text.startswith("ill-formed"):
        return Expected(rejected=True)
    if "->" in text:
        after = _spec(text.rsplit("->", 1)[1].strip())
        if after is not None and after[1].strip() == "":
            return Expected(after[0])
    read = _spec(text)
    if read is None:
        return NOTHING
    verdicts, rest = read
    if rest.startswith(" in truth"):
        rest = rest[len(" in truth"):]
    if rest.startswith(" (or undecided)"):
        return Expected(verdicts | {"undecided"})
    joined = re.search(r"(?:; | -> )expect ", rest)
    if joined:
        more = _spec(rest[joined.end():])
        return Expected(verdicts | more[0]) if more else NOTHING
    if rest == "" or re.match(r"(:| \(|;|,| only for | for | at )", rest):
        return Expected(verdicts)
    return NOTHING


def expected_comment(text: str) -> str | None:
    """The body of the file's ``# expected:`` comment (first such line), or None."""
    for line in text.splitlines():
        if line.startswith("# expected:"):
            return line[len("# expected:"):]
    return None


_TITLE = re.compile(r"\((?P<truth>true|false)(?:\)|: | for )")


def expected_from_title(title: str) -> Expected:
    """The 7-powers probes state their truth in the title: ``(true)`` or ``(false: x = 0)``."""
    m = _TITLE.search(title)
    if not m:
        return NOTHING
    return Expected(frozenset({"holds" if m.group("truth") == "true" else "fails"}))
