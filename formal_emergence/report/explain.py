"""Step-by-step explanations of one checked claim, for teaching.

``explain_claim(claim, result)`` turns a claim and its computed ``Result`` into
an ``Explanation``: five sections (the claim as written, how it was
formalized, the derivation and the engine runs, where the document goes wrong,
the repaired statement), each a list of ``Block``s. Nothing is written per
claim: every sentence is derived from the claim's fields, the result's steps,
evidence, condition and counterexample, and from re-running the engine on a
repaired claim. ``render_explanation`` prints the explanation as plain text
wrapped at 100 display columns (CJK characters count as two);
``formal_emergence.report.notebook_repr`` renders the same blocks as HTML.

Where the document goes wrong is read off the verdict:

- ``fails``: the counterexample with its exact values, every assumption and the
  statement re-evaluated there at ``dps`` digits; for a proof step whose
  conclusion is the converse of what its steps prove (the statement is
  ``implies(B, A)`` while the assumptions chain ``A => ... => B``, or a claim of
  the same catalog states ``A => B`` while this one assumes ``B`` and shows
  ``A``) the error is named: mistaking sufficiency for necessity (affirming the
  consequent);
- ``holds-if``: the derived condition, the refuted point just outside it, and
  the fact that the document's assumptions do not contain it; the repaired
  claim (the condition added as an assumption, no free constants) is
  re-checked by the engine;
- ``informal``: the undefined terms and what each is missing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Iterable, Sequence

from ..errors import FormalEmergenceError, UserInputError
from ..textsafe import inert
from ..model.claim import DOMAINS, Claim, domain_condition
from ..model.terms import Implies, Rel, Term, free_symbols, to_text
from ..model.verdict import Counterexample, Evidence, Result, Verdict

WIDTH = 100

#: The name given to the converse error in proofs.
CONVERSE_ERROR = "mistaking sufficiency for necessity (affirming the consequent)"


# ---------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of an explanation.

    ``kind``: ``"para"`` (a paragraph), ``"field"`` (``label: text``),
    ``"item"`` (a bullet; ``label`` overrides the bullet, e.g. ``"3."``),
    ``"formula"`` (a formula or other verbatim line) or ``"quote"`` (verbatim
    text from the document, line breaks kept). ``level`` nests items.
    """

    kind: str
    text: str
    label: str = ""
    level: int = 0


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Repair:
    """A repaired statement and the engine's verdict on it.

    ``kind``: ``"condition"`` (the derived condition added as an assumption) or
    ``"converse"`` (the direction the proof's steps actually establish).
    """

    kind: str
    text: str
    claim: Claim
    result: Result


@dataclass(frozen=True, slots=True)
class ConverseError:
    """A conclusion that asserts the converse of what the steps (or a sibling claim) prove.

    The steps prove ``sufficient => consequence``; the conclusion asserts
    ``consequence => sufficient``. ``chain`` lists the terms of the chain from
    ``sufficient`` to ``consequence``; ``sibling`` is the catalog claim stating
    the proved direction, when the error was found that way.
    """

    sufficient: Term
    consequence: Term
    chain: tuple[Term, ...]
    sibling: Claim | None = None


@dataclass(frozen=True, slots=True)
class Explanation:
    claim: Claim
    result: Result
    sections: tuple[Section, ...]
    error: str = ""
    converse: ConverseError | None = None
    repair: Repair | None = None
    statement_latex: str = ""
    dps: int = 30
    level: str = "expert"
    summary: str = ""   # the reason in plain words (level "student"); the result's reason otherwise

    @property
    def verdict(self) -> Verdict:
        return self.result.verdict


# ---------------------------------------------------------------- building


LEVELS = ("expert", "student")


def explain_claim(claim: Claim, result: Result | None = None, *, dps: int = 30,
                  siblings: Iterable[Claim] = (), options=None, level: str = "expert") -> Explanation:
    """Build the explanation of ``claim``; check it first when ``result`` is None.

    ``siblings`` are other claims of the catalog: a failing claim that assumes
    what a sibling shows and shows what it assumes is recognised as that
    sibling's converse. ``options`` (a ``CheckOptions``) is used for the check
    and for re-checking repaired claims; by default ``CheckOptions(dps=dps)``.
    ``level`` ``"student"`` says the same in plain words (``student_text``): no engine budgets, seeds or
    internal names, and every technical term defined where it first appears (``GLOSSARY``).
    """
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    from ..engine.check import CheckOptions
    from ..engine.run import statement_latex
    options = options or CheckOptions(dps=dps)
    dps = max(options.dps, 30)
    if result is None:
        result = _check(claim, options)
    prep = _prepare(claim)
    siblings = tuple(s for s in siblings if s.id != claim.id)
    converse = detect_converse(claim, siblings) if result.verdict is Verdict.FAILS else None
    repair = _repair(claim, result, converse, options)
    sections = (
        Section("a", "The claim as written", tuple(_section_claim(claim))),
        Section("b", "How it was formalized", tuple(_section_formalized(claim, prep))),
        Section("c", "Derivation and engine runs", tuple(_section_derivation(result))),
        Section("d", "Where the document goes wrong",
                tuple(_section_wrong(claim, result, prep, converse, dps))),
        Section("e", "Repaired statement", tuple(_section_repair(claim, result, converse, repair))),
    )
    try:
        latex = statement_latex(claim)
    except FormalEmergenceError:
        latex = ""
    expl = Explanation(claim, result, sections, CONVERSE_ERROR if converse else "", converse, repair, latex, dps)
    return for_students(expl) if level == "student" else expl


# ---- the student level

#: Engine words and what a student reads instead (applied in this order; ``\g<0>`` keeps the match).
_PLAIN = (
    (r"\s*\((?:seed [^()]*|resource limit [^()]*)\)", ""),
    (r",?\s*resource limit \d+(?:, used \d+)?", ""),
    (r",?\s*\brlimit\w*[ =:]*\d*", ""),
    (r",?\s*seed \d+", ""),
    (r"\bround-value point #\d+", "a simple trial value"),
    (r"\bthe candidate from [^:,;.]+", "the candidate"),
    (r"\(unsat of the negation\)", "(its negation is impossible)"),
    (r"\bfound a model of\b", "found values satisfying"),
    (r"\bthe model may be spurious\b", "those values may not be a real counterexample"),
    (r"\bthe model does not\b", "those values do not"),
    (r"\bwith abstracted terms\b", "with stand-ins for some terms"),
    (r"\btranscendental terms\b", "exp/log terms"),
    (r"\batoms (constrained|bounded) by\b", r"unknowns \1 by"),
    (r"\bsympy\.diff\b", "differentiation by SymPy"),
    (r"\bsympy\.limit \(Gruntz algorithm\)", "limit computed by SymPy"),
    (r"\bsympy:", "SymPy:"),
    (r"simplify\(difference\) == 0", "the difference simplifies to 0"),
    (r"\bz3(?: [\d.]+)?", "the logic solver"),
    (r"\bSymPy(?: [\d.]+)?", "the algebra system"),
    (r"\bmpmath interval arithmetic", "interval arithmetic"),
    (r"\bmpmath\b", "interval arithmetic"),
    (r"\bunsatisfiable\b", "impossible"),
    (r"\bunsat\b", "impossible"),
    (r"\bsat\b", "possible"),
    (r"\bcountermodels?\b", "counterexample"),
    (r"\bmay be spurious\b", "may not be a real counterexample"),
    (r"\bspurious\b", "not a real counterexample"),
    (r"\bthe transcendental terms\b", "the exp/log terms"),
    (r"\breplaced by atoms bounded by true lemmas\b", "replaced by unknowns that obey known true facts about them"),
    (r"\babstracted\b", "replaced by stand-ins"),
    (r"\babstraction\b", "stand-in"),
    (r"\bside conditions where the terms are defined\b", "where each term makes sense"),
    (r"\bside conditions?\b", "extra requirement"),
    (r"\bsrepr\b", "internal form"),
    (r"\bencoding:", "note on the translation:"),
    (r"\bencoding\b", "translation into logic"),
)

#: Technical terms a student meets, each defined in plain words where it first appears (no definition uses
#: another term of the list, so a definition never needs one of its own).
GLOSSARY = (
    ("assumption", "a condition taken as given"),
    ("counterexample", "values of the symbols at which every given condition is true but the statement is false"),
    ("engine", "one of the programs that check a claim"),
    ("logic solver", "a program that decides, by strict reasoning, whether some conditions can all be true at once"),
    ("algebra system", "a program that rewrites formulas exactly, like algebra by hand"),
    ("interval arithmetic", "computing with ranges guaranteed to contain the true value, so rounding cannot "
                            "mislead"),
    ("lemma", "a small fact proved on its own and then used"),
    ("domain", "the set of values a symbol may take"),
    ("undefined", "used by the document without saying what it means"),
    ("literature value", "a number taken from a published paper"),
    ("weakest condition", "the least you must add to what is given for the claim to become true"),
    ("converse", "the statement with 'if' and 'then' swapped"),
    ("exact", "computed without rounding, as fractions"),
    ("digits", "how many significant figures a calculation keeps"),
)


def student_text(text: str) -> str:
    """``text`` with the engine's words replaced by plain ones (``_PLAIN``)."""
    for pattern, plain in _PLAIN:
        text = re.sub(pattern, plain, text)
    return re.sub(r"\s+([,.;:)])", r"\1", re.sub(r"\(\s*\)", "", text))


def _gloss(texts: list[str]) -> list[str]:
    """``texts`` (in reading order) with each ``GLOSSARY`` term defined in parentheses at its first use."""
    pending = list(GLOSSARY)
    out = []
    for text in texts:
        found = []
        for term, meaning in list(pending):
            m = re.search(rf"\b{re.escape(term)}s?\b", text, re.IGNORECASE)
            if m:
                found.append((m.end(), meaning))
                pending.remove((term, meaning))
        for end, meaning in sorted(found, reverse=True):  # from the end, so the positions stay valid
            text = f"{text[:end]} ({meaning}){text[end:]}"
        out.append(text)
    return out


def _summary(result: Result) -> str:
    return {
        Verdict.HOLDS: "The claim is true: it was proved.",
        Verdict.HOLDS_IF: "The claim is true only under an extra condition that the document does not state.",
        Verdict.FAILS: "The claim is false: there is a counterexample, checked exactly.",
        Verdict.UNDECIDED: "The computer could not decide this claim either way within its fixed work limits.",
        Verdict.INFORMAL: "The claim cannot be checked: it uses words the document never defines mathematically.",
    }[result.verdict]


_STUDENT_TITLES = {"Derivation and engine runs": "How it was checked, step by step"}


def _without_budget_lines(sec: Section, result: Result) -> Section:
    """``sec`` without the z3 accounting lines of ``result`` (no engine budgets at the student level); a spent
    budget, which is why a claim is undecided, stays as one plain sentence."""
    accounting = {describe_evidence(e): e.outcome for e in result.evidence if e.engine == "budget"}
    blocks = []
    for b in sec.blocks:
        outcome = accounting.get(b.text) if b.kind == "item" else None
        if outcome is None:
            blocks.append(b)
        elif outcome == "spent":
            blocks.append(replace(b, text="the logic solver used up the fixed amount of work it may spend on "
                                          "one claim."))
    return replace(sec, blocks=tuple(blocks))


def for_students(expl: Explanation) -> Explanation:
    """``expl`` in plain words: engine jargon replaced, technical terms defined at first use."""
    expl = replace(expl, sections=tuple(_without_budget_lines(sec, expl.result) for sec in expl.sections))
    blocks = [(i, b) for i, sec in enumerate(expl.sections) for b in sec.blocks]
    prose = [(i, b) for i, b in blocks if b.kind not in ("quote", "formula")]
    texts = _gloss([f"{_summary(expl.result)} In detail: {student_text(expl.result.reason)}"]
                   + [student_text(b.text) for _, b in prose])
    new = iter(texts[1:])
    replaced = {id(b): replace(b, text=next(new), label=student_text(b.label)) for _, b in prose}
    sections = tuple(replace(sec, title=_STUDENT_TITLES.get(sec.title, sec.title),
                             blocks=tuple(replaced.get(id(b), b) for b in sec.blocks))
                     for sec in expl.sections)
    return replace(expl, sections=sections, level="student", summary=texts[0])


def _check(claim: Claim, options) -> Result:
    from ..engine.run import check_all
    return check_all([claim], options)[0][1]


def _prepare(claim: Claim):
    """The engine's prepared claim (definitions expanded, literature bound), or None."""
    from ..engine.check import prepare
    from ..literature import get_reference
    try:
        return prepare(claim, get_reference)
    except (FormalEmergenceError, TypeError, ValueError):
        return None


def formal_statement(claim: Claim) -> str:
    """``assume_1 and assume_2 => show`` in claim syntax (just ``show`` without assumptions)."""
    if not claim.assume_text:
        return claim.show_text
    hyps = " and ".join(f"({a})" if len(claim.assume_text) > 1 else a for a in claim.assume_text)
    return f"{hyps}  =>  {claim.show_text}"


# ---- (a)


def _section_claim(claim: Claim) -> list[Block]:
    out = [Block("field", claim.title, "Title"), Block("field", f"{claim.id} ({claim.kind})", "Claim"),
           Block("field", f"{claim.source.document}, section \u201c{claim.source.section}\u201d", "Source"),
           Block("field", "verbatim from the document:", "Quote"),
           Block("quote", claim.source.quote.strip()),
           Block("field", "the assumptions imply the statement:", "Formally")]
    for a in claim.assume_text:
        out.append(Block("item", a, "assume"))
    out.append(Block("item", claim.show_text, "show"))
    if claim.free:
        out.append(Block("field", ", ".join(claim.free) + " (constants the document leaves free: the engine "
                         "looks for the weakest condition on them)", "Free"))
    if claim.symbols:
        out.append(Block("field", "each symbol ranges over its declared domain:", "Symbols"))
        for s in claim.symbols:
            meaning = f"; {s.meaning}" if s.meaning else ""
            out.append(Block("item", f"{s.name}: {s.domain} ({DOMAINS.get(s.domain, s.domain)}){meaning}"))
    return out


# ---- (b)


_KIND_TEXT = {
    "definition": "a consequence of a definition: it must hold for every meaning of the undefined terms",
    "theorem": "a theorem: the assumptions must imply the statement for every value of the symbols",
    "proof-step": "a step of a proof: an inference, invalid as soon as a countermodel makes the premises true "
                  "and the conclusion false",
    "equation": "an equation: both sides must agree for every value of the symbols",
    "numeric": "a numeric statement: checked by exact or interval arithmetic",
    "empirical": "an empirical statement: checked against the cited values",
}


def _section_formalized(claim: Claim, prep) -> list[Block]:
    out = [Block("field", claim.reading or "none given: the statement is taken literally", "Reading"),
           Block("field", _KIND_TEXT.get(claim.kind, claim.kind), "Kind")]
    if claim.definitions:
        out.append(Block("field", "each call is replaced by the body of its definition:", "Definitions"))
        for d in claim.definitions:
            head = f"{d.name}({', '.join(d.params)})" if d.params else d.name
            where = f"; from {d.source.document}, section \u201c{d.source.section}\u201d" if d.source else ""
            out.append(Block("item", f"{head} := {d.body_text}  [{d.id}{': ' + d.title if d.title else ''}{where}]"))
    else:
        out.append(Block("field", "none", "Definitions"))
    if claim.references:
        out.append(Block("field", "symbols bound to published values:", "Literature"))
        for name, ref_id in claim.references:
            out.append(Block("item", f"{name} = {_reference_text(ref_id)}"))
    used = set(prep.undefined_used) if prep is not None else None
    if claim.undefined:
        out.append(Block("field", "terms the document uses without defining them (read as free unknowns):",
                         "Undefined"))
        for u in claim.undefined:
            arity = "" if u.kind == "entity" else f", {u.arity} argument{'s' if u.arity != 1 else ''}"
            note = "" if used is None or u.name in used or u.kind == "entity" else " (not needed by the statement)"
            out.append(Block("item", f"{u.name} ({u.kind}{arity}): {u.missing}{note}"))
    else:
        out.append(Block("field", "none: every term of the statement is defined", "Undefined"))
    return out


def _reference_value(ref_id: str) -> str:
    from ..literature import get_reference
    try:
        ref = get_reference(ref_id)
    except FormalEmergenceError:
        return ref_id
    return ref.value_printed or ref_id


def _reference_text(ref_id: str) -> str:
    from ..literature import get_reference
    try:
        ref = get_reference(ref_id)
    except FormalEmergenceError:
        return f"{ref_id} (not found)"
    if ref.value_printed is not None:
        value = ref.value_printed
    elif ref.low_printed is not None or ref.high_printed is not None:
        value = f"[{ref.low_printed or '-oo'}, {ref.high_printed or 'oo'}]"
    else:
        value = ref.formula or ref.text or "?"
    return f"{value} ({ref_id}: {ref.quantity}; {ref.citation()})"


# ---- (c)


def _section_derivation(result: Result) -> list[Block]:
    out: list[Block] = []
    if result.steps:
        out.append(Block("para", "Each step rewrites the claim or proves a fact about it; the rule says which "
                         "engine justified it, and the check how it was re-verified on its own."))
        for i, s in enumerate(result.steps, 1):
            out.append(Block("item", s.description, f"{i}."))
            out.append(Block("formula", s.before))
            out.append(Block("formula", f"==> {s.after}"))
            out.append(Block("item", f"rule: {s.rule}" + (f"; re-checked: {s.checked}" if s.checked else ""),
                             level=1))
    else:
        out.append(Block("para", "No rewriting step: the engines worked on the statement as written."))
    out.append(Block("para", "What the engines did, in order:"))
    previous = None
    for e in result.evidence:
        out.append(Block("item", describe_evidence(e, previous)))
        previous = e
    if not result.evidence:
        out.append(Block("item", "no engine ran"))
    for loss in result.losses:
        out.append(Block("item", f"encoding: {loss}", "!"))
    return out


def _details(e: Evidence) -> dict:
    return {k: v for k, v in e.details}


def _values_text(values) -> str:
    if isinstance(values, dict):
        return ", ".join(f"{k} = {v}" for k, v in values.items()) or "(no symbols)"
    return str(values)


def describe_evidence(e: Evidence, previous: Evidence | None = None) -> str:
    """One engine run in plain words: the engine, what it returned, and its seeds, budgets or digits.

    ``previous`` is the run before it: a z3 ``unsat`` right after a robust
    countermodel is the re-check that refutes the statement, not a proof of it.
    """
    d = _details(e)
    budget = ""
    if "seed" in d or "rlimit" in d:
        used = f", used {d['rlimit_used']}" if "rlimit_used" in d else ""
        budget = f" (seed {d.get('seed')}, resource limit {d.get('rlimit')}{used})"
    version = f" {d['version']}" if "version" in d else ""
    abstracted = d.get("abstracted") or []
    side = d.get("side_conditions") or []
    tail = ""
    if abstracted:
        tail += f"; the transcendental terms {', '.join(abstracted)} were replaced by atoms bounded by true lemmas"
    if side:
        tail += f"; side conditions where the terms are defined: {', '.join(side)}"
    if e.engine == "z3":
        if e.outcome == "sat":
            model = _values_text(d.get("model", {}))
            caveat = " (a candidate only: with abstracted terms the model may be spurious)" if abstracted else ""
            return (f"z3{version}{budget} found a model of the assumptions together with the negated statement: "
                    f"{model}{caveat}{tail}.")
        if e.outcome == "robust countermodel":
            return (f"z3 found values at which the assumptions can hold but the statement cannot, whatever "
                    f"the undefined terms mean: {_values_text(d.get('values', {}))}.")
        if e.outcome == "unsat" and previous is not None and previous.outcome == "robust countermodel":
            return (f"z3{version}{budget} re-checked with those values fixed: the assumptions together with the "
                    f"statement are unsatisfiable, so the statement is false there for every meaning of the "
                    f"undefined terms{tail}.")
        if e.outcome == "unsat":
            return (f"z3{version}{budget} proved the assumptions and the negated statement unsatisfiable together, "
                    f"so the statement follows{tail}.")
        if e.outcome == "unsat under condition":
            return (f"z3{version}{budget} proved the claim with the condition {d.get('condition')} added: the "
                    f"assumptions, the condition and the negated statement are unsatisfiable{tail}.")
        if e.outcome == "unknown":
            return f"z3{version}{budget} gave up: {d.get('reason_unknown', 'unknown')}{tail}."
        if e.outcome == "unsupported":
            return f"z3 could not encode the claim: {d.get('detail', '')}."
    if e.engine == "mpmath":
        dps = d.get("dps")
        if e.outcome == "confirmed":
            seed = f", seed {d['seed']}" if "seed" in d else ""
            return (f"mpmath interval arithmetic at {dps} digits re-evaluated the claim as stated at the "
                    f"candidate from {d.get('source')}{seed}: every assumption true, the statement false, so it "
                    f"is a confirmed counterexample.")
        if e.outcome == "spurious":
            return (f"mpmath interval arithmetic at {dps} digits rejected the candidate from {d.get('source')}: "
                    f"{d.get('detail', 'it does not violate the claim as stated')}.")
        if e.outcome == "outside point refuted":
            return (f"mpmath interval arithmetic at {dps} digits refuted the claim at a point just outside the "
                    f"condition: {_values_text(d.get('values', {}))}.")
        if e.outcome == "claim as stated refuted":
            return (f"mpmath interval arithmetic at {dps} digits refuted the claim as stated at "
                    f"{_values_text(d.get('values', {}))}.")
        if e.outcome in ("decided", "undetermined"):
            evals = "; ".join(f"{x['what']} = {x['value']}" for x in d.get("evaluations", []))
            how = "decided" if e.outcome == "decided" else "could not decide"
            return (f"mpmath interval arithmetic at {dps} digits {how} the closed statement"
                    + (f" ({evals})" if evals else "") + ".")
    if e.engine == "search" and e.outcome == "no witness":
        return (f"a seeded numeric search of {d.get('samples')} points (seed {d.get('seed')}, {d.get('dps')} "
                f"digits) found no counterexample; sampling is not a proof.")
    if e.engine == "sympy":
        if e.outcome == "identity":
            return (f"SymPy{version} reduced the difference of the two sides to exactly 0 "
                    f"({d.get('method', '')}).")
        if e.outcome == "no identity found":
            return f"SymPy did not reduce the difference of the two sides to 0 ({d.get('method', '')})."
        if e.outcome == "unsupported":
            return f"SymPy could not prepare the claim: {d.get('detail', '')}."
    if e.engine == "literature" and e.outcome == "cited":
        if "value" in d:
            return f"literature value bound: {d.get('symbol')} = {d['value']} ({d.get('reference')}; {d.get('citation')})."
        return (f"literature range cited: {d.get('reference')} in [{d.get('low')}, {d.get('high')}] "
                f"({d.get('citation')}).")
    if e.engine == "conditions":
        return f"the weakest-condition derivation {e.outcome}: {d.get('detail', '')}."
    if e.engine == "budget":
        return (f"z3's work for the claim: {d.get('z3_calls')} solver calls used {d.get('z3_rlimit_used')} of the "
                f"claim's {d.get('z3_rlimit')} resource units ({'all spent' if e.outcome == 'spent' else 'within budget'}).")
    if e.engine == "simulation":
        shown = ", ".join(f"{k} = {_short(v)}" for k, v in e.details)
        return f"numpy experiment {e.outcome} ran" + (f": {shown}" if shown else "") + "."
    shown = ", ".join(f"{k} = {_short(v)}" for k, v in e.details if k != "lemmas")
    return f"{e.engine}: {e.outcome}" + (f" ({shown})" if shown else "") + "."


def _short(v: object, n: int = 160) -> str:
    text = str(v)
    return text if len(text) <= n else text[: n - 3] + "..."


# ---- (d)


def _parse_counterexample(ce: Counterexample) -> tuple[dict[str, Fraction], dict[str, Fraction | bool]]:
    values: dict[str, Fraction] = {}
    interpretation: dict[str, Fraction | bool] = {}
    for k, v in ce.values:
        target = interpretation if "(" in k else values
        if v in ("True", "False", "true", "false"):
            target[k] = v.lower() == "true"
            continue
        try:
            target[k] = Fraction(v)
        except (ValueError, ZeroDivisionError):
            continue
    return values, interpretation  # type: ignore[return-value]


def _exact(v: Fraction | bool) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if v.denominator == 1:
        return str(v.numerator)
    return f"{v.numerator}/{v.denominator} (= {_decimal(v)})"


def _decimal(v: Fraction, digits: int = 12) -> str:
    import decimal
    with decimal.localcontext() as ctx:
        ctx.prec = digits
        return str(decimal.Decimal(v.numerator) / decimal.Decimal(v.denominator))


class _Evaluator:
    """Evaluate relations at a point with interval arithmetic; None when not evaluable."""

    def __init__(self, values, interpretation, dps: int):
        from ..numeric import evaluate as numeric
        self.numeric = numeric
        self.values = values
        self.ev = numeric.IntervalEvaluator(dps, interpretation)

    def real(self, t: Term) -> str | None:
        from ..model.terms import Num, Sym, UFun
        if isinstance(t, Num):
            return _exact(t.value)
        if isinstance(t, Sym) and t.name in self.values:
            return _exact(self.values[t.name])
        if isinstance(t, UFun) and isinstance(self.ev.interpretation.get(to_text(t)), Fraction):
            return _exact(self.ev.interpretation[to_text(t)])
        try:
            return self.ev.show(self.ev.real(t, self.values))
        except Exception:  # noqa: BLE001 - any failure means "not evaluable here"
            return None

    def truth(self, t: Term) -> bool | None:
        try:
            return self.ev.boolean(t, self.values)
        except Exception:  # noqa: BLE001
            return None

    def relations(self, t: Term) -> list[str]:
        """``lhs = v1, rhs = v2, so lhs OP rhs is true/false`` for each relation inside ``t``."""
        out = []
        for rel in self.numeric.relation_sides(t):
            left, right = self.real(rel.lhs), self.real(rel.rhs)
            truth = self.truth(rel)
            if left is None or right is None:
                continue
            sides = []
            for side, val in ((rel.lhs, left), (rel.rhs, right)):
                text = to_text(side)
                if not (text == val or val.startswith(text + " ")):
                    sides.append(f"{text} = {val}")
            verdict = {True: "true", False: "false", None: "undetermined"}[truth]
            out.append(f"{', '.join(sides)}, so {to_text(rel)} is {verdict}" if sides
                       else f"{to_text(rel)} is {verdict}")
        return out


def _truth_word(v: bool | None) -> str:
    return {True: "true", False: "false", None: "undetermined at this precision"}[v]


def _open_terms(t: Term, interpretation) -> list[str]:
    """Undefined predicates and functions in ``t`` that the counterexample gives no value."""
    from ..model.terms import Pred, UFun, walk
    names = []
    for n in walk(t):
        if isinstance(n, (Pred, UFun)) and to_text(n) not in interpretation and n.name not in names:
            names.append(n.name)
    return names


def _witness_blocks(claim: Claim, prep, ce: Counterexample, dps: int, *, what: str) -> list[Block]:
    """The counterexample explained: values, each assumption true, the statement false, at ``dps`` digits."""
    values, interpretation = _parse_counterexample(ce)
    out: list[Block] = []
    if ce.values:
        out.append(Block("para", f"{what} (exact values):"))
        for k, v in ce.values:
            parsed = (values | interpretation).get(k)
            out.append(Block("item", f"{k} = {_exact(parsed) if parsed is not None else v}"))
    else:
        bound = ""
        if claim.references:
            bound = " once the literature values are bound (" + ", ".join(
                f"{name} = {_reference_value(ref_id)}" for name, ref_id in claim.references) + ")"
        out.append(Block("para", f"{what}: the statement has no free symbols{bound}; it is evaluated as it "
                         "stands."))
    ev = _Evaluator(values, interpretation, dps) if prep is not None else None
    if ev is not None and prep is not None:
        checks = []
        for d in prep.decls:
            if d.name in values and d.domain not in ("real", "bool"):
                truth = ev.truth(domain_condition(d))
                checks.append(f"{d.name} is {d.domain}: {_truth_word(truth)}")
        hyp_lines = []
        for text, h in zip(claim.assume_text, prep.hypotheses):
            truth = ev.truth(h)
            open_terms = _open_terms(h, interpretation) if truth is None else []
            word = (f"can be true: it depends on the undefined {', '.join(open_terms)}, which the document leaves "
                    "free" if open_terms else _truth_word(truth))
            hyp_lines.append((text, word, ev.relations(h)))
        if hyp_lines or checks:
            out.append(Block("para", f"The assumptions hold there (interval arithmetic, {dps} digits):"))
            for text, word, rels in hyp_lines:
                out.append(Block("item", f"{text}: {word}"))
                for r in rels:
                    out.append(Block("item", r, level=1))
            if checks:
                out.append(Block("item", "domains: " + "; ".join(checks)))
        else:
            out.append(Block("para", "There are no assumptions to satisfy."))
        goal_truth = ev.truth(prep.goal)
        rels = ev.relations(prep.goal)
        if goal_truth is not None or rels:
            open_terms = _open_terms(prep.goal, interpretation) if goal_truth is None else []
            word = (f"false for every meaning of the undefined {', '.join(open_terms)} ({ce.confirmed_by})"
                    if open_terms else _truth_word(goal_truth))
            lead = "but the statement" if hyp_lines or checks else "The statement"
            out.append(Block("para", f"{lead} {claim.show_text} is {word}:"))
            for r in rels:
                out.append(Block("item", r))
            if not rels:
                _engine_evaluations(out, ce)
            return out
    out.append(Block("para", f"The engine's re-evaluation of the statement there ({ce.dps} digits):"))
    _engine_evaluations(out, ce)
    return out


def _engine_evaluations(out: list[Block], ce: Counterexample) -> None:
    for w, v in ce.evaluations:
        out.append(Block("item", f"{w} = {v}" if v not in ("true", "false") else f"{w} is {v}"))
    out.append(Block("item", f"confirmed by {ce.confirmed_by} at {ce.dps} digits"))


def _section_wrong(claim: Claim, result: Result, prep, converse: ConverseError | None, dps: int) -> list[Block]:
    v = result.verdict
    if v is Verdict.HOLDS:
        vacuous = "vacuous" in result.reason
        text = ("Nothing is wrong with the mathematics, but the claim holds only vacuously: its assumptions can "
                "never hold together." if vacuous else "Nothing: the claim holds as stated.")
        return [Block("para", text), Block("field", result.reason, "Reason")]
    if v is Verdict.UNDECIDED:
        return [Block("para", "No error is identified: the engines could not decide the claim either way."),
                Block("field", result.reason, "Reason")]
    if v is Verdict.INFORMAL:
        return _informal_blocks(claim, result, prep)
    if v is Verdict.HOLDS_IF:
        return _holds_if_blocks(claim, result, prep, dps)
    out: list[Block] = []
    if converse is not None:
        out.extend(_converse_blocks(claim, converse))
    ce = result.counterexample
    assert ce is not None
    what = "The countermodel" if converse is not None or claim.kind == "proof-step" else "The counterexample"
    out.extend(_witness_blocks(claim, prep, ce, dps, what=what))
    if claim.kind == "proof-step" and converse is None:
        out.append(Block("para", "As a step of a proof, the inference is therefore invalid: the conclusion does "
                         "not follow from the premises."))
    return out


def _informal_blocks(claim: Claim, result: Result, prep) -> list[Block]:
    used = list(prep.undefined_used) if prep is not None else [u.name for u in claim.undefined]
    missing = {u.name: u for u in claim.undefined}
    out = [Block("para", "The document never defines the terms the statement depends on, so the statement has no "
                 "checkable mathematical content: read as free unknowns they make it true under some meanings and "
                 "false under others. Missing definitions:")]
    for name in used:
        u = missing.get(name)
        out.append(Block("item", f"{name}: {u.missing if u else 'never defined'}"))
    out.append(Block("field", result.reason, "Reason"))
    return out


def _parse_condition(claim: Claim, text: str) -> Term | None:
    from ..parse.expr import Scope, parse_expression
    scope = Scope(
        symbols=frozenset(s.name for s in claim.symbols if s.domain != "bool"),
        bool_symbols=frozenset(s.name for s in claim.symbols if s.domain == "bool"),
        definitions={d.name: (len(d.params), d.is_boolean) for d in claim.definitions},
        predicates={u.name: u.arity for u in claim.undefined if u.kind == "predicate"},
        functions={u.name: u.arity for u in claim.undefined if u.kind == "function"},
        entities=frozenset(u.name for u in claim.undefined if u.kind == "entity"),
    )
    try:
        return parse_expression(text, scope, expect_boolean=True)
    except UserInputError:
        return None


def _holds_if_blocks(claim: Claim, result: Result, prep, dps: int) -> list[Block]:
    cond = result.condition
    assert cond is not None
    term = _parse_condition(claim, cond.text)
    out = [Block("para", "The claim is not true as stated: it holds only under an extra condition that the engine "
                 "derived and proved.")]
    out.append(Block("field", cond.text, "Condition"))
    if isinstance(term, Rel):
        ev = _Evaluator({}, {}, dps)
        for side in (term.lhs, term.rhs):
            if not free_symbols(side) and not _is_number(side):
                val = ev.real(side)
                if val is not None:
                    out.append(Block("item", f"{to_text(side)} = {val}  ({dps} digits)"))
    stated = term is not None and any(term == a for a in claim.assume)
    if stated:
        out.append(Block("para", "The document states this condition among its assumptions."))
    else:
        listed = "; ".join(claim.assume_text) if claim.assume_text else "none"
        free = f" and leaves {', '.join(claim.free)} free" if claim.free else ""
        out.append(Block("para", f"The document never states it: its assumptions are only ({listed}){free}."))
    out.append(Block("para", "Why it is enough: z3 proves the claim once the condition is added (see the engine "
                     "runs above, and the repaired statement below)."))
    stated_refuted = next((e for e in result.evidence if e.engine == "mpmath"
                           and e.outcome == "claim as stated refuted"), None)
    if stated_refuted is not None:
        vals = _details(stated_refuted).get("values", {})
        out.append(Block("para", f"The claim as stated is refuted, e.g. at {_values_text(vals)}."))
    ce = result.counterexample
    if ce is not None:
        out.append(Block("para", "Why it is needed: the condition cannot be weakened, because the claim already "
                         "fails just outside it."))
        out.extend(_witness_blocks(claim, prep, ce, dps, what="The point just outside the condition"))
    return out


def _is_number(t: Term) -> bool:
    from ..model.terms import Num
    return isinstance(t, Num)


# ---- converse detection


def detect_converse(claim: Claim, siblings: Sequence[Claim] = ()) -> ConverseError | None:
    """Find a conclusion that is the converse of what the premises (or a sibling claim) establish.

    Structural, on the claim as written: the statement is ``implies(B, A)``
    and the assumptions that are implications chain ``A => ... => B``; or the
    claim assumes exactly ``B`` and shows ``A`` while a sibling assumes exactly
    ``A`` and shows ``B``.
    """
    show = claim.show
    if isinstance(show, Implies):
        b, a = show.lhs, show.rhs
        edges = [(h.lhs, h.rhs) for h in claim.assume if isinstance(h, Implies)]
        chain = _path(a, b, edges)
        if chain is not None and a != b:
            return ConverseError(a, b, tuple(chain))
    if len(claim.assume) == 1:
        b, a = claim.assume[0], show
        for s in siblings:
            if len(s.assume) == 1 and s.assume[0] == a and s.show == b:
                return ConverseError(a, b, (a, b), s)
            if isinstance(s.show, Implies) and not s.assume and s.show.lhs == a and s.show.rhs == b:
                return ConverseError(a, b, (a, b), s)
    return None


def _path(start: Term, goal: Term, edges: list[tuple[Term, Term]]) -> list[Term] | None:
    frontier: list[list[Term]] = [[start]]
    seen = {start}
    while frontier:
        path = frontier.pop(0)
        for x, y in edges:
            if x == path[-1] and y not in seen:
                if y == goal:
                    return path + [y]
                seen.add(y)
                frontier.append(path + [y])
    return None


def _converse_blocks(claim: Claim, conv: ConverseError) -> list[Block]:
    a, b = to_text(conv.sufficient), to_text(conv.consequence)
    out = [Block("field", CONVERSE_ERROR, "Logical error")]
    if conv.sibling is None:
        chain = "  =>  ".join(to_text(t) for t in conv.chain)
        out.append(Block("para", f"The steps (the assumptions) chain {chain}: they prove {a} => {b}, i.e. that "
                         f"{a} is sufficient for {b}."))
    else:
        s = conv.sibling
        out.append(Block("para", f"The claim {s.id} (\u201c{s.title}\u201d) states {a} => {b}: {a} is sufficient "
                         f"for {b}."))
    out.append(Block("para", f"The conclusion asserts the converse, {b} => {a}: that {a} is necessary for {b}. "
                     f"The converse does not follow: from \u201c{a} implies {b}\u201d and \u201c{b}\u201d one cannot "
                     f"infer \u201c{a}\u201d (affirming the consequent); {b} may hold for other reasons."))
    return out


# ---- (e)


def _repair(claim: Claim, result: Result, converse: ConverseError | None, options) -> Repair | None:
    if result.verdict is Verdict.HOLDS_IF and result.condition is not None:
        term = _parse_condition(claim, result.condition.text)
        if term is None:
            return None
        repaired = repaired_claim(claim, term, result.condition.text)
        return Repair("condition", formal_statement(repaired), repaired, _check(repaired, options))
    if converse is not None:
        if converse.sibling is not None:
            s = converse.sibling
            return Repair("converse", formal_statement(s), s, _check(s, options))
        show = Implies(converse.sufficient, converse.consequence)
        fixed = replace(claim, id=f"{claim.id}.repaired", title=f"{claim.title} (the direction the steps prove)",
                        show=show, show_text=to_text(show), free=(), simulate=None)
        return Repair("converse", formal_statement(fixed), fixed, _check(fixed, options))
    return None


def repaired_claim(claim: Claim, condition: Term, condition_text: str) -> Claim:
    """``claim`` with ``condition`` added as an assumption and no free constants left."""
    return replace(claim, id=f"{claim.id}.repaired", title=f"{claim.title} (with the derived condition)",
                   assume=claim.assume + (condition,), assume_text=claim.assume_text + (condition_text,),
                   free=(), simulate=None)


def _section_repair(claim: Claim, result: Result, converse: ConverseError | None,
                    repair: Repair | None) -> list[Block]:
    if repair is not None:
        r = repair.result
        cond = f" when {r.condition.text}" if r.condition else ""
        if repair.kind == "condition":
            head = "The claim with the derived condition added as an assumption (no constant left free):"
        elif converse is not None and converse.sibling is not None:
            head = f"The direction that is actually established is the claim {repair.claim.id}:"
        else:
            head = "The direction the steps actually prove (same premises, conclusion reversed):"
        out = [Block("para", head)]
        for a in repair.claim.assume_text:
            out.append(Block("item", a, "assume"))
        out.append(Block("item", repair.claim.show_text, "show"))
        out.append(Block("field", f"{r.verdict.value}{cond}", "Re-checked"))
        out.append(Block("field", r.reason, "Reason"))
        return out
    v = result.verdict
    if v is Verdict.HOLDS:
        why = "none is needed: the claim holds as stated."
    elif v is Verdict.INFORMAL:
        names = ", ".join(u.name for u in claim.undefined) or "the undefined terms"
        why = f"a repair needs definitions of {names}, which only the document's author can supply."
    elif v is Verdict.UNDECIDED:
        why = "the claim is undecided, so there is nothing to repair yet."
    elif v is Verdict.HOLDS_IF:
        why = "the condition could not be read back as an assumption of this claim; add it by hand."
    elif v is Verdict.FAILS and claim.free:
        why = "no weakest condition on the free constants could be proven."
    else:
        why = "the counterexample refutes the statement and it has no free constant to constrain."
    return [Block("para", f"No repair is derived: {why}")]


# ---------------------------------------------------------------- plain text


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Terminal columns taken by ``text`` (wide East Asian characters count as two)."""
    return sum(_char_width(ch) for ch in text)


def _pieces(line: str) -> list[tuple[str, bool]]:
    """Breakable pieces of ``line`` and whether a space precedes each (wide characters break anywhere)."""
    out: list[tuple[str, bool]] = []
    for word in line.split():
        first = True
        for seg in re.findall(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60"
                              r"\uffe0-\uffe6]|[^\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f"
                              r"\uff00-\uff60\uffe0-\uffe6]+", word):
            out.append((seg, first))
            first = False
    return out


def wrap(text: str, width: int = WIDTH, indent: str = "", subsequent: str | None = None) -> list[str]:
    """Wrap ``text`` at ``width`` display columns, keeping its line breaks; long words are split."""
    subsequent = indent if subsequent is None else subsequent
    lines: list[str] = []
    first_line = True
    for raw in text.split("\n"):
        prefix = indent if first_line else subsequent
        first_line = False
        cur, cur_w, empty = prefix, display_width(prefix), True
        for seg, space in _pieces(raw):
            add = (" " if space and not empty else "") + seg
            if cur_w + display_width(add) <= width:
                cur, cur_w, empty = cur + add, cur_w + display_width(add), False
                continue
            if not empty:
                lines.append(cur.rstrip())
                cur, cur_w, empty = subsequent, display_width(subsequent), True
            while cur_w + display_width(seg) > width:
                room, take = width - cur_w, 0
                used = 0
                while take < len(seg) and used + _char_width(seg[take]) <= room:
                    used += _char_width(seg[take])
                    take += 1
                take = max(take, 1)
                lines.append(cur + seg[:take])
                seg = seg[take:]
                cur, cur_w = subsequent, display_width(subsequent)
            cur, cur_w, empty = cur + seg, cur_w + display_width(seg), False
        lines.append(cur.rstrip())
    return lines


def render_explanation(expl: Explanation, width: int = WIDTH) -> str:
    """The explanation as plain text, every line at most ``width`` display columns."""
    claim, result = expl.claim, expl.result
    head = f"Explaining {claim.id}: verdict {result.verdict.value}"
    out = wrap(head, width)
    out.append("=" * min(width, max(display_width(line) for line in out)))
    out.extend(wrap(expl.summary or result.reason, width, "", ""))
    for sec in expl.sections:
        out.append("")
        title = f"({sec.key}) {sec.title}"
        out.append(title)
        out.append("-" * display_width(title))
        for b in sec.blocks:
            out.extend(_render_block(b, width))
    return "\n".join(inert(line) for line in out) + "\n"


def _render_block(b: Block, width: int) -> list[str]:
    if b.kind == "field":
        label = f"  {b.label:<12}: "
        return wrap(b.text, width, label, " " * len(label))
    if b.kind == "para":
        return wrap(b.text, width, "  ", "  ")
    if b.kind == "item":
        pad = "  " + "    " * (b.level + 1)
        bullet = b.label or "-"
        first = pad + f"{bullet} "
        return wrap(b.text, width, first, " " * display_width(first))
    if b.kind == "formula":
        return wrap(b.text, width, "          ", "            ")
    if b.kind == "quote":
        return wrap(b.text, width, "      | ", "      | ")
    return wrap(b.text, width, "  ", "  ")


__all__ = [
    "Block", "Section", "Repair", "ConverseError", "Explanation", "CONVERSE_ERROR", "explain_claim", "LEVELS",
    "GLOSSARY", "student_text", "for_students",
    "render_explanation", "describe_evidence", "detect_converse", "repaired_claim", "formal_statement",
    "display_width", "wrap",
]
