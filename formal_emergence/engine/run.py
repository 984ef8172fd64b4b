"""Run the engine over a catalog: the entry point used by the CLI and the Python API.

The engine and its SymPy, z3 and mpmath layers are imported only when a claim is checked, so rendering
cached results (a warm re-run) never imports them.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any, Callable, Iterable

from ..errors import CheckInterrupted, InternalError, UserInputError
from ..literature import get_reference
from ..model.claim import Claim
from ..model.verdict import Evidence, Result
from ..model.outcome import CheckedCatalog
from ..report.jsonout import claim_record, document, lemma_reading_record, reading_record
from ..snippets.claims import SnippetOptions, SnippetSession

if TYPE_CHECKING:
    from .check import CheckOptions

TOOL_NAME = "formal_emergence"


def tool_versions() -> dict[str, str]:
    """Name and versions of the toolkit and its engines, recorded in every JSON output."""
    from .. import __version__
    import numpy
    from ..numeric.evaluate import mpmath_version
    from ..solver.z3_backend import z3_version
    from ..symbolic.sympy_layer import sympy_version
    return {"name": TOOL_NAME, "version": __version__, "sympy": sympy_version(), "z3": z3_version(),
            "mpmath": mpmath_version(), "numpy": numpy.__version__}


def simulation_evidence(claim: Claim) -> Evidence:
    """Run the claim's numpy experiment and return its numbers as evidence."""
    from ..simulation.experiments import run_experiment
    assert claim.simulate is not None
    params = {k: (list(v) if isinstance(v, tuple) else v) for k, v in claim.simulate.params}
    result = run_experiment(claim.simulate.experiment, params, file=claim.file, key=f"claim.{claim.id}.simulate")
    return Evidence("simulation", claim.simulate.experiment, tuple(sorted(result.to_json().items())))


def sympy_latex(formula, symbols) -> str:
    from ..symbolic.sympy_layer import to_latex
    return to_latex(formula, symbols)


def statement_latex(claim: Claim, fallback: Callable[..., str] = sympy_latex) -> str:
    """LaTeX of "assumptions => statement", by the project's own printer (pure and fast; ``parse.latex`` reads it
    back to the same term), or SymPy's printer (``fallback(formula, symbols)``, e.g. through the result cache)
    for the few terms it has no form for."""
    from ..model.claim import claim_formula
    from ..parse.latex import to_latex as own_latex
    formula = claim_formula(claim.assume, claim.show)
    try:
        return own_latex(formula)
    except ValueError:
        return fallback(formula, claim.symbols)


def check_claim(claim: Claim, options: CheckOptions, **engines: Any) -> Result:
    """``engine.check.check_claim``, imported when a claim is first checked (so that rendering cached results
    imports no engine)."""
    from .check import check_claim as check
    return check(claim, options, **engines)


def check_one(claim: Claim, options: CheckOptions, snippets: SnippetSession | None = None) -> Result:
    """Check one claim with the literature, the simulations and (for snippet-backed claims) the code runs wired in.

    An unexpected failure of the engine raises ``InternalError`` naming the claim; a ``UserInputError``
    and Ctrl-C pass through unchanged.
    """
    def decide(c: Claim) -> Result:
        return check_claim(c, options, references=get_reference, simulate=simulation_evidence)

    try:
        if claim.snippet is not None:
            return (snippets or SnippetSession(SnippetOptions())).check(claim, decide)
        return decide(claim)
    except (UserInputError, KeyboardInterrupt, CheckInterrupted):
        raise
    except Exception as exc:  # noqa: BLE001 - reported as an internal error naming the claim
        raise InternalError(claim.id, exc) from exc


def check_all(claims: Iterable[Claim], options: CheckOptions,
              progress: Callable[[int, int, str], None] | None = None,
              snippets: SnippetSession | None = None) -> list[tuple[Claim, Result]]:
    """Check every claim (sorted by id) and return (claim, result) pairs.

    Snippet-backed claims run their document's code in the sandbox only when
    ``snippets`` was made with ``SnippetOptions(run=True)``; by default nothing runs.
    Raises ``CheckInterrupted`` (with the pairs done so far) on Ctrl-C and ``InternalError`` (naming the
    claim) when the engine fails unexpectedly; a ``UserInputError`` passes through unchanged.
    """
    ordered = sorted(claims, key=lambda c: c.id)
    session = snippets or SnippetSession(SnippetOptions())
    session.prepare(ordered)
    out: list[tuple[Claim, Result]] = []
    for i, claim in enumerate(ordered):
        if progress:
            progress(i, len(ordered), claim.id)
        try:
            out.append((claim, check_one(claim, options, session)))
        except KeyboardInterrupt:
            raise CheckInterrupted(out, len(ordered)) from None
    if progress:
        progress(len(ordered), len(ordered), "")
    return out


def records(pairs: list[tuple[Claim, Result]]) -> list[dict[str, Any]]:
    out = []
    for c, r in pairs:
        try:
            out.append(claim_record(c, r, statement_latex(c)))
        except (UserInputError, KeyboardInterrupt):
            raise
        except Exception as exc:  # noqa: BLE001 - reported as an internal error naming the claim
            raise InternalError(c.id, exc) from exc
    return out


def checked_records(checked: CheckedCatalog, latex: Callable[..., str] = sympy_latex) -> list[dict[str, Any]]:
    """The JSON record of every checked reading and lemma (``claims`` in the JSON document), sorted by id;
    ``latex`` is the fallback printer of ``statement_latex``."""
    out = [reading_record(a, r, statement_latex(r.reading.claim, latex)) for a in checked.assertions
           for r in a.readings]
    out += [lemma_reading_record(x, statement_latex(x.reading.reading.claim, latex)) for x in checked.lemmas]
    return sorted(out, key=lambda r: r["id"])


def json_document(checked: CheckedCatalog, options: CheckOptions, versions: dict[str, str] | None = None,
                  latex: Callable[..., str] = sympy_latex) -> dict[str, Any]:
    """What ``check --format json`` prints (schema 2, docs/json-schema.md). ``versions`` (``tool_versions()``
    when None) and ``latex`` (see ``checked_records``) let a warm run take both from the result cache."""
    return document(checked, checked_records(checked, latex), versions or tool_versions(), options_record(options))


def options_record(options: CheckOptions) -> dict[str, Any]:
    return asdict(options)

