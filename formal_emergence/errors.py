"""The one exception root of formal_emergence and its user-facing subclasses.

A ``UserInputError`` is a mistake in something the user gave us (a claim file,
an argument); the CLI prints its message and exits with status 2. Anything else
deriving from ``FormalEmergenceError`` is a failure of ours.
"""

from __future__ import annotations

from .textsafe import inert


#: At most this many characters of a source line are shown above a caret.
SOURCE_WIDTH = 100


class FormalEmergenceError(Exception):
    """Root of every exception this package raises on purpose."""


class UserInputError(FormalEmergenceError):
    """A mistake in user input, located as ``path:line:col: key: found (hint)``.

    ``file`` is the path (or ``<argv>``), ``key`` the key path inside it (``claim[3].show``,
    ``assertion.ID.alternative.LOCAL.assume[0]``), ``column`` the 1-based column inside the offending
    value (0 when the whole value is at fault), ``found`` what was there and ``hint`` how to fix it.
    ``line``/``col`` are the position of the offending character in the file (0 when unknown: argv, or
    not yet located, see ``parse.tomlpos.locate``); ``source`` is that file line and ``caret`` the
    1-based column a caret goes under on it (0: no caret); ``note`` says where in a multi-line value.
    """

    def __init__(self, found: str, *, file: str = "<input>", key: str = "", column: int = 0, hint: str = "",
                 line: int = 0, col: int = 0, source: str = "", caret: int = 0, note: str = ""):
        self.file, self.key, self.column, self.found, self.hint = file, key, column, found, hint
        self.line, self.col, self.source, self.caret, self.note = line, col, source, caret, note
        super().__init__(self.format().split("\n")[0])  # str(): the located line; format() adds the caret

    def format(self) -> str:
        """The message: one line, and for a located expression a second with the source line and a caret."""
        hint = f" ({inert(self.hint)})" if self.hint else ""
        note = f" [{inert(self.note)}]" if self.note else ""
        where = f"{inert(self.file)}:{self.line}:{max(self.col, 1)}" if self.line else inert(self.file)
        key = inert(self.key).replace(" ", "\\x20") + ": " if self.key else ""  # one word, even a quoted TOML key
        text = f"{where}: {key}{inert(self.found)}{hint}{note}"
        if self.source and self.caret:
            shown, caret = inert(self.source.expandtabs(1)), self.caret
            if len(shown) > SOURCE_WIDTH:  # a window around the caret, never megabytes of one line
                start = max(0, min(caret - SOURCE_WIDTH // 2, len(shown) - SOURCE_WIDTH))
                shown = ("…" if start else "") + shown[start:start + SOURCE_WIDTH] + \
                    ("…" if start + SOURCE_WIDTH < len(shown) else "")
                caret = caret - start + (1 if start else 0)
            text += f"\n    {shown}\n    {' ' * (caret - 1)}^"
        return text

    def located(self, *, file: str | None = None, key: str | None = None, **position) -> "UserInputError":
        """Return a copy with the file, key path and/or file position filled in (the column is kept)."""
        fields = dict(line=self.line, col=self.col, source=self.source, caret=self.caret, note=self.note)
        fields.update(position)
        return type(self)(self.found, file=file or self.file, key=key if key is not None else self.key,
                          column=self.column, hint=self.hint, **fields)


class UserInputErrors(UserInputError):
    """Several user errors of one run (each located), reported together and then counted."""

    def __init__(self, errors: "list[UserInputError]"):
        self.errors = list(errors)
        first = self.errors[0]
        super().__init__(first.found, file=first.file, key=first.key, column=first.column, hint=first.hint,
                         line=first.line, col=first.col)

    def format(self) -> str:
        return "\n".join(e.format() for e in getattr(self, "errors", ())) or super().format()

    def count_line(self) -> str:
        files = len({e.file for e in self.errors})
        n = len(self.errors)
        return f"{n} error{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''}"


class ExpressionError(UserInputError):
    """An expression that the allow-list parser refuses."""


class ClaimFileError(UserInputError):
    """A claim or definition file that is malformed."""


class UnsupportedConstruct(FormalEmergenceError):
    """A term that a backend cannot translate; the engine turns it into ``undecided``."""


class BackendFailure(FormalEmergenceError):
    """A solver or numeric library failed in a way that is not the user's fault."""


class InternalError(FormalEmergenceError):
    """An unexpected failure of ours while handling ``claim_id``; the CLI exits 3 and asks for a report."""

    def __init__(self, claim_id: str, cause: BaseException):
        self.claim_id, self.cause = claim_id, cause
        super().__init__(f"{type(cause).__name__}: {str(cause)[:300]}")


class CheckInterrupted(FormalEmergenceError):
    """The user interrupted a run (Ctrl-C).

    ``done`` holds what was finished so far (a list of (claim, result) pairs, or a checked catalog),
    ``count`` how many of the ``total`` claims were checked.
    """

    def __init__(self, done: object, total: int, count: int | None = None):
        self.done, self.total = done, total
        self.count = count if count is not None else len(done)  # type: ignore[arg-type]
        super().__init__(f"interrupted after {self.count} of {total} claims")
