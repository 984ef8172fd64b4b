"""Verdicts and the evidence that backs them: the contract users rely on.

Every claim gets exactly one ``Verdict``, a one-sentence reason, and evidence:

- ``holds``: proved, by z3 ``unsat`` on a sound encoding or an exact SymPy
  identity (or rigorous interval evaluation of a closed statement);
- ``holds-if``: true only under an extra ``Condition`` the document does not
  state; the condition is itself proved (holds under it, fails just outside);
- ``fails``: refuted by a ``Counterexample`` re-checked on the claim as stated
  at high precision;
- ``undecided``: the engines ran out of budget or of reach;
- ``informal``: no checkable mathematical content.
"""

from __future__ import annotations

import enum
import html
from dataclasses import dataclass, field
from typing import Any


class Verdict(enum.Enum):
    HOLDS = "holds"
    HOLDS_IF = "holds-if"
    FAILS = "fails"
    UNDECIDED = "undecided"
    INFORMAL = "informal"

    @classmethod
    def parse(cls, text: str) -> "Verdict":
        """Return the verdict named ``text``; raise ``ValueError`` for an unknown name."""
        for v in cls:
            if v.value == text.strip():
                return v
        raise ValueError(text)


#: The words every vacuous ``holds`` reason contains (the engine's own vacuity checks and the assertion flag agree on it).
VACUOUS = "only vacuously"

@dataclass(frozen=True, slots=True)
class Condition:
    """An extra hypothesis: plain text (claim syntax), LaTeX, and SymPy ``srepr``."""

    text: str
    latex: str
    sympy: str

    def to_json(self) -> dict[str, str]:
        return {"text": self.text, "latex": self.latex, "sympy": self.sympy}


@dataclass(frozen=True, slots=True)
class ObservedRun:
    """One value a document's code produced in the sandbox: the call, what came back, and where it ran.

    ``status`` is ``value`` or ``raised`` (the code's own behaviour); ``value``
    is the observed value or the exception as text; ``snippet`` names the
    document block and ``sha256`` pins its text; ``run`` is the cache key of
    the sandboxed job.
    """

    symbol: str
    call: str
    status: str
    value: str
    snippet: str
    sha256: str
    run: str

    def to_json(self) -> dict[str, str]:
        return {"symbol": self.symbol, "call": self.call, "status": self.status, "value": self.value,
                "snippet": self.snippet, "sha256": self.sha256, "run": self.run}


@dataclass(frozen=True, slots=True)
class Counterexample:
    """A witness: exact values of the symbols and both sides evaluated at high precision.

    ``values`` maps each symbol to its exact value as text (a fraction or
    an integer); ``evaluations`` lists ``(what, value text)`` pairs such as the
    left and right side of the violated relation, with ``dps`` digits.
    ``observed`` holds the sandboxed runs of a document's code that produced
    the values, when the claim is about what that code does.
    """

    values: tuple[tuple[str, str], ...]
    evaluations: tuple[tuple[str, str], ...]
    dps: int
    confirmed_by: str
    observed: tuple[ObservedRun, ...] = ()

    def to_json(self) -> dict[str, Any]:
        out = {
            "values": dict(self.values),
            "evaluations": [{"what": w, "value": v} for w, v in self.evaluations],
            "dps": self.dps,
            "confirmed_by": self.confirmed_by,
        }
        if self.observed:
            out["observed"] = [o.to_json() for o in self.observed]
        return out


@dataclass(frozen=True, slots=True)
class Step:
    """One derivation step: ``before`` is equivalent to ``after`` by ``rule``.

    ``checked`` records how the equivalence was re-checked on its own
    (e.g. "sympy: simplify(before - after) == 0"), empty when it was not.
    """

    description: str
    before: str
    after: str
    rule: str
    checked: str = ""

    def to_json(self) -> dict[str, str]:
        return {"description": self.description, "before": self.before, "after": self.after,
                "rule": self.rule, "checked": self.checked}


@dataclass(frozen=True, slots=True)
class Evidence:
    """What one engine did: its name, what it returned, and its parameters."""

    engine: str
    outcome: str
    details: tuple[tuple[str, Any], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"engine": self.engine, "outcome": self.outcome, **{k: v for k, v in self.details}}


@dataclass(frozen=True, slots=True)
class Result:
    """The computed outcome for one claim."""

    claim_id: str
    verdict: Verdict
    reason: str
    condition: Condition | None = None
    counterexample: Counterexample | None = None
    evidence: tuple[Evidence, ...] = ()
    steps: tuple[Step, ...] = ()
    losses: tuple[str, ...] = field(default=())
    #: For a verdict that holds only where the stated terms are defined: (partial term, the condition it needs).
    defined_where: tuple[tuple[str, str], ...] = ()

    def _repr_html_(self) -> str:
        """Rich display in Jupyter: verdict, reason, condition and witness (see also ``formal_emergence.explain``)."""
        e = html.escape
        parts = [f"<div><b>{e(self.claim_id)}</b>: <b>{e(self.verdict.value)}</b>",
                 f"<p>{e(self.reason)}</p>"]
        if self.condition is not None:
            parts.append(f"<p>condition: <code>{e(self.condition.text)}</code> "
                         f"(LaTeX <code>{e(self.condition.latex)}</code>)</p>")
        if self.counterexample is not None:
            rows = "".join(f"<tr><td>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in self.counterexample.values)
            rows += "".join(f"<tr><td>{e(w)}</td><td>{e(v)}</td></tr>" for w, v in self.counterexample.evaluations)
            parts.append(f"<table>{rows}</table><p>confirmed by {e(self.counterexample.confirmed_by)} at "
                         f"{self.counterexample.dps} digits</p>")
        return "".join(parts) + "</div>"

    def _repr_latex_(self) -> str:
        text = r"\text{" + _latex_text(f"{self.claim_id}: {self.verdict.value}") + "}"
        if self.condition is not None and self.condition.latex:
            text += r"\quad\text{if } " + self.condition.latex
        return f"${text}$"

    def __post_init__(self) -> None:
        if self.verdict is Verdict.HOLDS_IF and self.condition is None:
            raise ValueError(f"{self.claim_id}: holds-if without a condition")
        if self.verdict is Verdict.FAILS and self.counterexample is None:
            raise ValueError(f"{self.claim_id}: fails without a confirmed witness")


def _latex_text(text: str) -> str:
    """Escape ``text`` for use inside ``\\text{...}`` (one pass, so escapes are not escaped again)."""
    table = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "_": r"\_", "%": r"\%", "&": r"\&",
             "#": r"\#", "$": r"\$", "^": r"\^{}", "~": r"\~{}"}
    return "".join(table.get(ch, ch) for ch in text)
