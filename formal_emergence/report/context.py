"""What every report format shows: one ``ClaimView`` per checked claim.

A view joins the claim (source, symbols, terms), its ``Result`` and its JSON
record (``engine.run.records``), and adds what only reports need: formulas as
MathML/LaTeX (``formula``), the cited literature, and the plots that apply to
the claim (``plots``). Formats (``html``, ``markdown``, ``latex``) only lay the
view out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Mapping, Sequence

from ..model.claim import DOMAINS, Claim, claim_formula, is_integral
from ..model.terms import And, Diff, Limit, Num, Pred, Rel, Sym, Term, UFun, substitute, to_text, walk
from ..model.verdict import Result, Verdict
from . import formula

PHASE_DEFINITION = "phase_transition_P"
SCALING_PREFIXES = ("kaplan2020.", "hoffmann2022.")

VERDICT_LABELS = {
    "holds": "proved",
    "holds-if": "holds only under an extra condition",
    "fails": "refuted by a confirmed counterexample",
    "undecided": "engines ran out of budget or reach",
    "informal": "no checkable mathematical content",
}


@dataclass(frozen=True)
class Formula:
    """One formula in three renderings: plain text (claim syntax), MathML and LaTeX (None when untranslatable)."""

    text: str
    mathml: str | None = None
    latex: str | None = None
    exact: tuple[tuple[str, str], ...] = ()   # (number as written, its exact value) shown in the formula


@dataclass(frozen=True)
class Plot:
    kind: str          # "phase-transition" | "counterexample" | "scaling-laws" | "simulation"
    title: str
    caption: str
    svg: str


@dataclass(frozen=True)
class Citation:
    reference: str
    symbol: str
    value: str
    citation: str
    quantity: str = ""
    source: str = ""
    arxiv: str = ""
    conf: str = ""
    formula: str = ""
    note: str = ""


@dataclass
class ClaimView:
    claim: Claim
    result: Result
    record: Mapping[str, Any]
    statement: Formula
    show: Formula
    assumptions: list[Formula]
    condition: Formula | None
    definitions: list[tuple[Any, Formula]]
    citations: list[Citation]
    plots: list[Plot] = field(default_factory=list)
    assertion: Mapping[str, Any] | None = None   # the JSON assertion record this reading or lemma belongs to

    @property
    def id(self) -> str:
        return self.claim.id

    @property
    def verdict(self) -> str:
        return self.result.verdict.value

    @property
    def quote_lang(self) -> str:
        return "zh" if has_cjk(self.claim.source.quote) else "en"


def has_cjk(text: str) -> bool:
    return any("CJK" in unicodedata.name(ch, "") or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
               for ch in text)


def page_name(claim_id: str) -> str:
    """File name (without extension) of a claim's page: ids are ASCII letters, digits and ``._-``."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", claim_id)


def _formula(t: Term | None, text: str, decls, latex: str | None = None,
             decimals: Mapping[Fraction, str] | None = None) -> Formula:
    mathml = formula.term_mathml(t, decls, decimals=decimals)
    exact = tuple(dict.fromkeys(re.findall(r'<mn data-exact="([^"]+)">([^<]+)</mn>', mathml or "")))
    return Formula(text=text, mathml=mathml, latex=latex or formula.term_latex(t, decls, decimals),
                   exact=tuple((shown, value) for value, shown in exact))


def uses_definition(claim: Claim, definition_id: str) -> bool:
    return definition_id in claim.uses or any(d.id == definition_id for d in claim.definitions)


def cited_ids(claim: Claim, result: Result) -> list[str]:
    ids = [r for _, r in claim.references]
    for e in result.evidence:
        if e.engine == "literature":
            ref = dict(e.details).get("reference")
            if isinstance(ref, str) and ref not in ids:
                ids.append(ref)
    return ids


def _references() -> Mapping[str, Any]:
    from ..literature import load_references
    try:
        return load_references()
    except Exception:  # noqa: BLE001 - a broken data file must not break the report
        return {}


def _citations(claim: Claim, result: Result, refs: Mapping[str, Any]) -> list[Citation]:
    out = []
    seen = set()
    for e in result.evidence:
        if e.engine != "literature":
            continue
        d = dict(e.details)
        rid = str(d.get("reference", ""))
        seen.add(rid.lower())
        value = d.get("value") or (f"[{d.get('low')}, {d.get('high')}]" if "low" in d else "")
        ref = refs.get(rid.lower())
        out.append(Citation(rid, str(d.get("symbol", "")), str(value), str(d.get("citation", "")),
                            **_ref_fields(ref)))
    for name, rid in claim.references:
        if rid.lower() in seen:
            continue
        ref = refs.get(rid.lower())
        out.append(Citation(rid, name, (ref.value_printed or "") if ref else "",
                            ref.citation() if ref else "", **_ref_fields(ref)))
    return out


def _ref_fields(ref) -> dict[str, str]:
    if ref is None:
        return {}
    return {"quantity": ref.quantity, "source": ref.source, "arxiv": ref.arxiv or "", "conf": ref.conf,
            "formula": ref.formula or "", "note": ref.note or ""}


def build_views(pairs: Sequence[tuple[Claim, Result]], records: Sequence[Mapping[str, Any]],
                with_plots: bool = True, assertions: Sequence[Mapping[str, Any]] = ()) -> list[ClaimView]:
    """One view per (claim, result) pair, sorted by id; ``records`` are the JSON records of the same pairs
    and ``assertions`` the JSON assertion records they belong to."""
    by_id = {r["id"]: r for r in records}
    by_assertion = {a["id"]: a for a in assertions}
    shared: dict[str, Any] = {"refs": _references()}
    views = []
    for claim, result in sorted(pairs, key=lambda p: p[0].id):
        record = by_id.get(claim.id, {})
        view = build_view(claim, result, record, with_plots, shared)
        view.assertion = by_assertion.get(record.get("assertion", ""))
        views.append(view)
    return views


def document_titles() -> dict[str, str]:
    """Titles of the seed documents by file name (the ``[[document]]`` tables of ``theorems/documents.toml``)."""
    from ..parse.claimfile import bundled_document_titles
    return bundled_document_titles()


def reading_order(views: Sequence[ClaimView]) -> list[ClaimView]:
    """The views in the order of the index: by document, each assertion followed by its readings and lemmas."""
    docs, orphans = group_units(views)
    out = [x for doc in sorted(docs) for v, children in docs[doc] for x in (v, *children)]
    return out + sorted(orphans, key=lambda v: v.id)


def role_label(view: ClaimView) -> str:
    """"" for an assertion's primary reading; "alternative reading" or "lemma (supports)" otherwise."""
    rec = view.record
    if rec.get("role") == "lemma":
        return f"lemma ({rec.get('effect', '')}, not counted)"
    if rec.get("role") == "reading" and not rec.get("primary", True):
        return "alternative reading (not counted)"
    return ""


def group_units(views: Sequence[ClaimView]) -> tuple[dict[str, list[tuple[ClaimView, list[ClaimView]]]],
                                                    list[ClaimView]]:
    """Views by document as (assertion's primary view, [its alternative readings and lemmas]) in id order,
    and the views whose assertion is not among ``views`` (a lemma checked on its own)."""
    primaries = {v.id: v for v in views if not role_label(v)}
    children: dict[str, list[ClaimView]] = {}
    orphans = []
    for v in views:
        if role_label(v):
            parent = v.record.get("assertion", "")
            if parent in primaries:
                children.setdefault(parent, []).append(v)
            else:
                orphans.append(v)
    docs: dict[str, list[tuple[ClaimView, list[ClaimView]]]] = {}
    for v in primaries.values():
        docs.setdefault(v.claim.document, []).append((v, children.get(v.id, [])))
    return docs, orphans


def unit_facts(view: ClaimView) -> list[tuple[str, str]]:
    """What a report states beside a reading's verdict: role, flags, conventions, flip points, plausible ranges."""
    rec = view.record
    out: list[tuple[str, str]] = []
    role = role_label(view)
    if role:
        out.append(("role", f"{role} of assertion {rec.get('assertion', '')}"))
    if view.assertion is not None and view.assertion.get("reading_sensitive"):
        verdicts = ", ".join(f"{r['id']}: {r['verdict']}" for r in view.assertion.get("readings", []))
        out.append(("reading-sensitive", f"the fair readings of this assertion disagree ({verdicts})"))
    if rec.get("vacuous"):
        out.append(("vacuous", "the assumptions can never hold together, so the proof says nothing"))
    if rec.get("fragile"):
        out.append(("fragile", "the convention's default lies within 10% of the flip point"))
    for f in rec.get("flip", []):
        out.append(("flip point", f["text"]))
    for c in rec.get("conventions", []):
        out.append(("convention", f"{c['id']} ({c['symbol']} = {c['default']})" if c.get("default") else c["id"]))
    for p in rec.get("plausible", []):
        out.append(("plausible range", f"{p['range']}" + (f" ({p['why']})" if p.get("why") else "")))
    if rec.get("plausible_refutation"):
        out.append(("outside plausible range", rec["plausible_refutation"]))
    return out


def related_units(view: ClaimView) -> list[tuple[str, str, str]]:
    """(id, role, verdict) of the other readings and the lemmas of this view's assertion."""
    a = view.assertion
    if a is None:
        return []
    out = [(r["id"], "primary reading" if r["primary"] else "alternative reading", r["verdict"])
           for r in a.get("readings", []) if r["id"] != view.id]
    out += [(x["id"], f"lemma ({x['effect']})", x["verdict"]) for x in a.get("lemmas", []) if x["id"] != view.id]
    return out


def build_view(claim: Claim, result: Result, record: Mapping[str, Any], with_plots: bool = True,
               shared: dict[str, Any] | None = None) -> ClaimView:
    """The view of one claim; ``shared`` caches what all pages share (references, common plots)."""
    if shared is None:
        shared = {}
    if "refs" not in shared:
        shared["refs"] = _references()
    decls = claim.symbols
    decimals = formula.decimal_literals(claim.show_text, *claim.assume_text, *(d.body_text for d in claim.definitions))
    stmt_text = record.get("statement", {}).get("text") or claim.show_text
    stmt_latex = record.get("statement", {}).get("latex") or None
    statement = _formula(claim_formula(claim.assume, claim.show), stmt_text, decls,
                         None if decimals else stmt_latex, decimals)
    show = _formula(claim.show, claim.show_text, decls, decimals=decimals)
    assumptions = [_formula(t, txt, decls, decimals=decimals) for t, txt in zip(claim.assume, claim.assume_text)]
    condition = None
    if result.condition is not None:
        term = formula.parse_claim_text(result.condition.text, claim)
        mml = formula.term_mathml(term, decls) if term is not None else None
        condition = Formula(result.condition.text, mml, result.condition.latex or formula.term_latex(term, decls))
    definitions = []
    for d in claim.definitions:
        head = f"{d.name}({', '.join(d.params)})" if d.params else d.name
        definitions.append((d, _formula(d.body, f"{head} = {d.body_text}", (*d.symbols, *decls), decimals=decimals)))
    view = ClaimView(claim, result, record, statement, show, assumptions, condition, definitions,
                     _citations(claim, result, shared["refs"]))
    if with_plots:
        view.plots = plots_for(claim, result, shared)
    return view


# --------------------------------------------------------------------------- plots

def plots_for(claim: Claim, result: Result, shared: dict[str, Any]) -> list[Plot]:
    """Every plot that applies to the claim; an empty list when matplotlib is not installed."""
    try:
        from . import plots
    except ImportError:
        return []
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return []
    out: list[Plot] = []
    if uses_definition(claim, PHASE_DEFINITION):
        alpha, witness, label = _phase_witness(result)
        if witness is None and alpha == plots.PHASE_ALPHA:
            if "phase" not in shared:
                shared["phase"] = plots.phase_transition_svg()
            svg = shared["phase"]
        else:
            svg = plots.phase_transition_svg(alpha, key="phasew", witness=witness, witness_label=label)
        crossings = ", ".join(f"{p:.0%} at N = {x:.4f} N_c" for p, x in plots.phase_crossings(alpha))
        source = ("α of the counterexample" if alpha != plots.PHASE_ALPHA or witness is not None
                  else "the document's empirical value")
        out.append(Plot("phase-transition", "Phase-transition model P(N)",
                        f"P(N) = 1 − exp(−(N/N_c)^α) with α = {alpha:g} ({source}), N in units of N_c (log scale). "
                        f"Crossings from the closed form N_p = N_c(−ln(1−p))^(1/α): {crossings}; "
                        "at N = N_c, P = 1 − 1/e ≈ 0.632."
                        + (f" The star marks the counterexample ({label})." if witness is not None else ""), svg))
    ce = _counterexample_plot(claim, result, shared.get("refs") or {})
    if ce is not None:
        out.append(ce)
    cited = cited_ids(claim, result)
    if any(r.lower().startswith(SCALING_PREFIXES) for r in cited):
        if "scaling" not in shared:
            shared["scaling"] = plots.scaling_laws_svg()
            shared["scaling_prm"] = plots.scaling_law_parameters()
        prm = shared["scaling_prm"]
        out.append(Plot("scaling-laws", "Published scaling laws",
                        f"Kaplan et al. 2020: L(N) = (N_c/N)^α_N with N_c = {prm['kaplan']['N_c']:.3g}, "
                        f"α_N = {prm['kaplan']['alpha_N']:g} ({prm['kaplan']['citation']}); "
                        f"Hoffmann et al. 2022: L(N, D) = E + A/N^α + B/D^β with E = {prm['hoffmann']['E']:g}, "
                        f"A = {prm['hoffmann']['A']:g}, B = {prm['hoffmann']['B']:g}, α = {prm['hoffmann']['alpha']:g}, "
                        f"β = {prm['hoffmann']['beta']:g} along D = {prm['tokens_per_param']:g}N "
                        f"({prm['hoffmann']['citation']}). Values from formal_emergence/data/literature.toml. "
                        f"Cited here: {', '.join(cited)}.", shared["scaling"]))
    for i, e in enumerate(result.evidence):
        if e.engine != "simulation":
            continue
        details = dict(e.details)
        svg = plots.simulation_svg(details, key=f"sim{i}")
        if svg is None:
            continue
        out.append(Plot("simulation", f"Simulation: {e.outcome}",
                        f"Measured ({details.get('observable', '')}) against the closed form over the swept "
                        f"parameter, seed {details.get('seed')}, {details.get('samples')} samples per point; "
                        f"max standard score {details.get('max_standard_score')}.", svg))
    return out


def _phase_witness(result: Result) -> tuple[float, float | None, str]:
    """(α, N/N_c, label) of a counterexample to a phase-model claim: α and N/N_c as the witness sets them
    (the default α, and no point, where it does not)."""
    from .plots import PHASE_ALPHA
    values: dict[str, Fraction] = {}
    for k, v in (result.counterexample.values if result.counterexample is not None else ()):
        try:
            values[k] = Fraction(v)
        except (ValueError, ZeroDivisionError):
            continue   # a truth value of an undefined predicate, not a number
    alpha = float(values["alpha"]) if values.get("alpha", 0) > 0 else PHASE_ALPHA
    if values.get("N", 0) > 0 and values.get("N_c", 0) > 0:
        label = ", ".join(f"{k} = {values[k]}" for k in ("N", "N_c", "alpha") if k in values)
        return alpha, float(values["N"] / values["N_c"]), label
    return alpha, None, ""


def _counterexample_plot(claim: Claim, result: Result, refs: Mapping[str, Any]) -> Plot | None:
    ce = result.counterexample
    if ce is None or not ce.values:
        return None
    goal = _plottable_goal(claim, refs)
    if goal is None:
        return None
    show, hyps, lowered = goal
    if not isinstance(show, Rel):
        return None
    try:
        values = {k: Fraction(v) for k, v in ce.values}
    except (ValueError, ZeroDivisionError):
        return None
    names = [n.name for n in walk(show) if isinstance(n, Sym)]
    candidates = [n for n in dict.fromkeys(names) if n in values]
    missing = {n.name for t in (show, *hyps) for n in walk(t) if isinstance(n, Sym)} - set(values)
    if not candidates or missing:
        return None
    var = _pick_variable(show, candidates, claim)
    decl = claim.symbol(var)
    domain = decl.domain if decl else "real"
    integral = bool(decl and is_integral(decl))
    from . import plots
    svg = plots.counterexample_svg(show.lhs, show.rhs, show.op, var, values, domain, integral, hyps,
                                   to_text(show.lhs), to_text(show.rhs), ce.dps, key="ce")
    if svg is None:
        return None
    fixed = ", ".join(f"{k} = {v}" for k, v in ce.values if k != var)
    return Plot("counterexample", f"Counterexample: both sides as functions of {var}",
                f"Both sides of {to_text(show)} as functions of {var}"
                + (f", the other symbols fixed at the witness ({fixed})" if fixed else "")
                + (" ; shaded: where the assumptions hold" if hyps else "")
                + (" (derivatives and limits computed by SymPy first, as in the derivation steps)" if lowered else "")
                + f". The witness {var} = {dict(ce.values)[var]} is marked. Curves are evaluated with numpy "
                f"in float64 for the picture only; the verdict rests on the exact witness, checked by "
                f"{ce.confirmed_by} at {ce.dps} digits.", svg)


def _plottable_goal(claim: Claim, refs: Mapping[str, Any]) -> tuple[Term, tuple[Term, ...], bool] | None:
    """The statement and assumptions with definitions expanded and literature values bound, or None."""
    try:
        from ..engine.check import expand_definitions
    except ImportError:
        return None
    try:
        show, _ = expand_definitions(claim.show, claim)
        hyps = tuple(expand_definitions(h, claim)[0] for h in claim.assume)
    except Exception:  # noqa: BLE001
        return None
    if claim.references:
        bound: dict[str, Term] = {}
        for name, rid in claim.references:
            ref = refs.get(rid.lower())
            if ref is None or ref.value is None:
                return None
            bound[name] = Num(ref.value)
        show = substitute(show, bound)
        hyps = tuple(substitute(h, bound) for h in hyps)
    lowered = any(isinstance(n, (Diff, Limit)) for t in (show, *hyps) for n in walk(t))
    if lowered:
        prepared = _lowered(claim, refs)
        if prepared is None:
            return None
        show, hyps = prepared
    for t in (show, *hyps):
        if any(isinstance(n, (Diff, Limit, Pred, UFun)) for n in walk(t)):
            return None
    if isinstance(show, And):
        return None
    return show, hyps, lowered


def _lowered(claim: Claim, refs: Mapping[str, Any]) -> tuple[Term, tuple[Term, ...]] | None:
    """The statement with derivatives and limits computed by SymPy (the engine's own preparation)."""
    try:
        from ..engine.check import prepare
        prep = prepare(claim, lambda rid: refs[rid.lower()])
    except Exception:  # noqa: BLE001
        return None
    return prep.goal, tuple(prep.hypotheses)


def _pick_variable(rel: Rel, candidates: list[str], claim: Claim) -> str:
    """The symbol to vary: one that sits inside a non-trivial side, in declaration order."""
    if len(candidates) == 1:
        return candidates[0]
    order = {s.name: i for i, s in enumerate(claim.symbols)}
    inside = set()
    for side in (rel.lhs, rel.rhs):
        if not isinstance(side, Sym):
            inside |= {n.name for n in walk(side) if isinstance(n, Sym)}
    ranked = sorted(candidates, key=lambda n: (n not in inside, order.get(n, 10**6)))
    return ranked[0]


def domain_meaning(domain: str) -> str:
    return DOMAINS.get(domain, "")


def verdict_order() -> list[str]:
    return [v.value for v in Verdict]


__all__ = ["document_titles", "reading_order", "ClaimView", "Formula", "Plot", "Citation", "build_views", "build_view", "page_name", "has_cjk",
           "VERDICT_LABELS", "domain_meaning", "verdict_order", "uses_definition", "cited_ids"]
