"""The one exception root of formal_emergence and its user-facing subclasses.

A ``UserInputError`` is a mistake in something the user gave us (a claim file,
an argument); the CLI prints its message and exits with status 2. Anything else
deriving from ``FormalEmergenceError`` is a failure of ours.
"""

from __future__ import annotations

from .textsafe import inert


class FormalEmergenceError(Exception):
    """Root of every exception this package raises on purpose."""


class UserInputError(FormalEmergenceError):
    """A mistake in user input, located as ``file: key: column: found (hint)``.

    ``file`` is the path (or ``<argv>``), ``key`` the dotted key path inside it,
    ``column`` the 1-based column inside the offending value (0 when the whole
    value is at fault), ``found`` what was there and ``hint`` how to fix it.
    """

    def __init__(self, found: str, *, file: str = "<input>", key: str = "", column: int = 0, hint: str = ""):
        self.file, self.key, self.column, self.found, self.hint = file, key, column, found, hint
        super().__init__(self.format())

    def format(self) -> str:
        hint = f" ({inert(self.hint)})" if self.hint else ""
        key = inert(self.key or "-").replace(" ", "\\x20")  # a key path is one word, even from a quoted TOML key
        return f"{inert(self.file)}: {key}: {self.column}: {inert(self.found)}{hint}"

    def located(self, *, file: str | None = None, key: str | None = None) -> "UserInputError":
        """Return a copy with the file and/or key path filled in (the column is kept)."""
        return type(self)(self.found, file=file or self.file, key=key if key is not None else self.key,
                          column=self.column, hint=self.hint)


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
