"""Make untrusted text inert before it reaches a terminal or a one-line message.

Claim files, argv and documents are data: a ``reading`` that holds a newline,
a carriage return or an ANSI escape must not be able to forge output lines or
hide the real ones. ``inert`` escapes every control character (C0, DEL, C1),
the Unicode line and paragraph separators and the bidirectional overrides, as
``\\n``, ``\\x1b``, ``\\u202e``. Printable text, Chinese included, is kept as is.
"""

from __future__ import annotations

import re

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")


def _escape(match: re.Match[str]) -> str:
    ch = match.group(0)
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: object) -> str:
    """``str(text)`` with every control, separator and bidi-override character escaped (one line out)."""
    s = str(text)
    return _UNSAFE.sub(_escape, s) if _UNSAFE.search(s) else s


def inert_lines(text: object) -> str:
    """Like ``inert`` but keeps plain newlines, for multi-line fields shown as blocks of text."""
    return "\n".join(inert(line) for line in str(text).split("\n"))
