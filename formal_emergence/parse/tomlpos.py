"""Where a value sits in TOML text: ``tomllib`` gives values but no positions.

``TomlPositions(text)`` scans the text once (comments, basic and literal strings, multi-line
strings, arrays, inline tables, dotted keys, ``[table]`` and ``[[array of tables]]`` headers) and
records the span of every value and header. ``position(key)`` maps an error's key path, as the
claim-file loader writes it (``claim[3].show``, ``assertion[2].alternative[1].assume[0]``,
``assertion.001.x.alternative.local-id.show``, where a dotted segment may be the ``id`` of an
array-of-tables element), to the 1-based line and column of the value; a missing key falls back to the
deepest enclosing value or table header. The scan never raises: on text it cannot follow it stops
and keeps what it recorded (the file has already been parsed by ``tomllib``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_INDEX = re.compile(r"\[(\d+)\]")


@dataclass(frozen=True)
class Located:
    """A position in the text: ``line``/``col`` 1-based; ``exact`` False when the key itself is missing."""

    line: int
    col: int
    offset: int
    exact: bool


class TomlPositions:
    """Spans of the values and headers of one TOML text, by key path (a tuple of names and indices)."""

    def __init__(self, text: str):
        self.text = text
        self.spans: dict[tuple, tuple[int, int]] = {}
        self.counts: dict[tuple, int] = {}
        self.ids: dict[tuple, str] = {}
        self.known: set[tuple] = set()
        #: every ``[table]`` and ``[[array of tables]]`` header, in text order: (path, offset)
        self.headers: list[tuple[tuple, int]] = []
        self.i = 0
        try:
            self._document()
        except (IndexError, ValueError, RecursionError):  # keep what was recorded (a bomb of nested arrays)
            pass

    # ------------------------------------------------------------------ scanning
    def _skip(self, newlines: bool) -> None:
        t = self.text
        while self.i < len(t):
            ch = t[self.i]
            if ch in " \t" or (newlines and ch in "\r\n"):
                self.i += 1
            elif ch == "#":
                while self.i < len(t) and t[self.i] != "\n":
                    self.i += 1
            else:
                return

    def _key(self) -> list[str]:
        parts = []
        while True:
            self._skip(False)
            ch = self.text[self.i]
            if ch in "\"'":
                start = self.i
                self._string()
                parts.append(self._decode(start, self.i))
            else:
                m = _BARE.match(self.text, self.i)
                if not m:
                    raise ValueError("key expected")
                parts.append(m.group())
                self.i = m.end()
            self._skip(False)
            if self.i < len(self.text) and self.text[self.i] == ".":
                self.i += 1
                continue
            return parts

    def _string(self) -> None:
        t, q = self.text, self.text[self.i]
        if t.startswith(q * 3, self.i):
            end = t.index(q * 3, self.i + 3)
            while t.startswith(q, end + 3):  # up to two quotes may close the content: """a""""
                end += 1
            self.i = end + 3
            return
        j = self.i + 1
        while t[j] != q:
            j += 2 if (q == '"' and t[j] == "\\") else 1
        self.i = j + 1

    def _decode(self, start: int, end: int) -> str:
        raw = self.text[start:end]
        return raw[3:-3] if raw[:3] in ('"""', "'''") else raw[1:-1]

    def _record(self, path: tuple, start: int, end: int) -> None:
        self.spans.setdefault(path, (start, end))
        for n in range(1, len(path) + 1):
            self.known.add(path[:n])

    def _value(self, path: tuple) -> None:
        t, start = self.text, self.i
        ch = t[self.i]
        if ch in "\"'":
            self._string()
            if path and path[-1] == "id" and len(path) >= 2:
                self.ids[path[:-1]] = self._decode(start, self.i)
        elif ch == "[":
            self.i += 1
            j = 0
            while True:
                self._skip(True)
                if t[self.i] == "]":
                    self.i += 1
                    break
                self._value(path + (j,))
                j += 1
                self._skip(True)
                if t[self.i] == ",":
                    self.i += 1
        elif ch == "{":
            self.i += 1
            while True:
                self._skip(True)
                if t[self.i] == "}":
                    self.i += 1
                    break
                keys = self._key()
                self._expect("=")
                self._skip(False)
                self._value(path + tuple(keys))
                self._skip(True)
                if t[self.i] == ",":
                    self.i += 1
        else:
            m = re.compile(r"[^,\]}\r\n#]*").match(t, self.i)
            if not m.group().strip():
                raise ValueError("value expected")  # e.g. ["a" }: the array would never end (malformed fuzz case 395)
            self.i = start + len(m.group().rstrip())
        self._record(path, start, self.i)

    def _expect(self, ch: str) -> None:
        self._skip(False)
        if self.text[self.i] != ch:
            raise ValueError(f"{ch} expected")
        self.i += 1

    def _resolve(self, keys: list[str]) -> tuple:
        path: tuple = ()
        for k in keys:
            path += (k,)
            if path in self.counts:
                path += (self.counts[path] - 1,)
        return path

    def _document(self) -> None:
        t, table = self.text, ()
        while True:
            self._skip(True)
            if self.i >= len(t):
                return
            start = self.i
            if t[self.i] == "[":
                array = t.startswith("[[", self.i)
                self.i += 2 if array else 1
                keys = self._key()
                if array:
                    self._expect("]")
                    self._expect("]")
                    base = self._resolve(keys[:-1]) + (keys[-1],)
                    n = self.counts.get(base, 0)
                    self.counts[base] = n + 1
                    table = base + (n,)
                else:
                    self._expect("]")
                    table = self._resolve(keys)
                self._record(table, start, self.i)
                self.headers.append((table, start))
            else:
                keys = self._key()
                self._expect("=")
                self._skip(False)
                self._value(table + tuple(keys))

    # ------------------------------------------------------------------ looking up
    def path(self, key: str) -> tuple[tuple, bool]:
        """The deepest recorded path that ``key`` names, and whether it names all of ``key``."""
        best: list[tuple[tuple, bool]] = [((), not key)]

        def walk(rest: str, path: tuple) -> None:
            if len(path) > len(best[0][0]) or (len(path) == len(best[0][0]) and not rest):
                best[0] = (path, not rest)
            if not rest:
                return
            if rest[0] == ".":
                rest = rest[1:]
            m = _INDEX.match(rest)
            if m:
                if path + (int(m.group(1)),) in self.known:
                    walk(rest[m.end():], path + (int(m.group(1)),))
                return
            for j in range(self.counts.get(path, 0)):  # an array-of-tables element named by its id
                ident = self.ids.get(path + (j,))
                if ident and (rest == ident or rest[len(ident):len(ident) + 1] in (".", "[")) \
                        and rest.startswith(ident):
                    walk(rest[len(ident):], path + (j,))
                    return
            cuts = [m.start() for m in re.finditer(r"[.\[]", rest)] + [len(rest)]
            for cut in reversed(cuts):  # the longest segment that is a key: ids and names may hold dots
                if path + (rest[:cut],) in self.known:
                    walk(rest[cut:], path + (rest[:cut],))
                    return

        walk(key, ())
        return best[0]

    def offset(self, path: tuple) -> int | None:
        """Start of the value or header at ``path``, else of its first recorded descendant."""
        if path in self.spans:
            return self.spans[path][0]
        inside = [s for p, (s, _) in self.spans.items() if p[:len(path)] == path]
        return min(inside) if inside else None

    def position(self, key: str) -> Located | None:
        """Line and column of the value ``key`` names (of its enclosing value or header when it is missing)."""
        if key.startswith("line:") and key[5:].isdigit():
            line = int(key[5:])
            return Located(line, 1, -1, True)
        path, exact = self.path(key)
        if not path:
            return None
        off = self.offset(path)
        if off is None:
            return None
        line, col = line_col(self.text, off)
        return Located(line, col, off, exact and path in self.spans)

    def expression(self, key: str, column: int) -> tuple[Located, bool] | None:
        """Where column ``column`` (1-based, 0 for the whole value) of the string at ``key`` is in the file.

        The second item is True when the position is that very character (the string is on one line and
        holds no escape before it); otherwise the position is the value's start."""
        where = self.position(key)
        if where is None or not where.exact or where.offset < 0:
            return None
        start, end = self.spans[self.path(key)[0]]
        raw = self.text[start:end]
        quote = 3 if raw[:3] in ('"""', "'''") else 1 if raw[:1] in "\"'" else 0
        if quote == 0:
            return where, False
        content = raw[quote:len(raw) - quote]
        if quote == 3 and content.startswith(("\n", "\r\n")):
            content = content.split("\n", 1)[1]
        one_line = "\n" not in content
        before = content[:max(column - 1, 0)]
        if not one_line or column > len(content) + 1 or (raw[0] == '"' and "\\" in before):
            return where, False
        first = raw.index(content) if content else quote
        off = start + first + max(column - 1, 0)
        line, col = line_col(self.text, off)
        return Located(line, col, off, True), True


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``text[offset]``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def source_line(text: str, line: int) -> str:
    """Line ``line`` (1-based) of ``text`` without its line break."""
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def locate(error, text: str, positions: TomlPositions | None = None, *, strings: bool = False):
    """``error`` (a ``UserInputError`` of this file) with its line, column, source line and caret filled in.

    An expression error (``column`` > 0, or any error of a string value) gets the caret under the offending
    character when the expression is on one line of the file, else a note "in the expression, column N";
    with ``strings``, so does any error with a ``column`` inside a string value."""
    from ..errors import ExpressionError
    if error.line:
        return error
    positions = positions or TomlPositions(text)
    if error.key.startswith("line:"):  # a TOML syntax or encoding error: tomllib's own line; the key says nothing
        where = positions.position(error.key)
        source = source_line(text, where.line)
        if "\ufffd" in source or "\x00" in source:  # undecodable bytes: a caret line would be noise
            source = ""
        return error.located(key="", line=where.line, col=max(error.column, 1), source=source,
                             caret=max(error.column, 1))
    in_string = isinstance(error, ExpressionError) or (strings and error.column > 0)
    found = positions.expression(error.key, error.column) if in_string else None
    if found is not None:
        where, precise = found
        note = "" if precise or not error.column else f"in the expression, column {error.column}"
        return error.located(line=where.line, col=where.col, source=source_line(text, where.line),
                             caret=where.col, note=note)
    where = positions.position(error.key)
    if where is None:
        return error
    return error.located(line=where.line, col=where.col)


#: Python refuses int() of longer digit strings (sys.get_int_max_str_digits), and tomllib lets it through.
MAX_INT_DIGITS = 4300


def loads(data: bytes, file: str, *, syntax_hint: str) -> tuple[str, dict]:
    """The text of ``data`` (UTF-8, a leading BOM dropped) and its TOML document.

    Raises ``ClaimFileError`` at ``file`` for bytes that are not UTF-8, TOML syntax errors (``syntax_hint``
    says where the format is described), nesting too deep and integers too long to read; the key of a
    positioned error is ``line:N`` with the column in ``column``, which ``locate`` turns into ``file:N:col``."""
    import tomllib
    from ..errors import ClaimFileError
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[:exc.start].decode("utf-8", errors="replace")
        line, col = line_col(before, len(before))
        utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff")
        raise ClaimFileError(f"byte {data[exc.start]:#04x} is not UTF-8 text" + (": the file is UTF-16" if utf16 else ""),
                             file=file, key=f"line:{line}", column=col, hint="save the file as UTF-8") from None
    text = text.removeprefix("\ufeff")
    try:
        return text, tomllib.loads(text)
    except RecursionError:
        raise ClaimFileError("TOML nested too deeply", file=file, hint="flatten the file") from None
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        where = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        key, col = (f"line:{where.group(1)}", int(where.group(2))) if where else ("-", 0)
        msg = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", msg)
        raise ClaimFileError(f"TOML syntax error: {msg}", file=file, key=key, column=col, hint=syntax_hint) from None
    except ValueError as exc:  # tomllib lets int() errors through: integers beyond Python's digit limit
        long_int = re.search(r"\d{%d,}" % MAX_INT_DIGITS, text)
        line, col = line_col(text, long_int.start()) if long_int else (0, 0)
        raise ClaimFileError(f"TOML value cannot be read ({str(exc)[:80]})", file=file,
                             key=f"line:{line}" if long_int else "-", column=col,
                             hint="write huge numbers as strings or expressions, e.g. \"10**5000\"") from None
