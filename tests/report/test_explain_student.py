"""``explain --level student``: plain words, no engine jargon, every glossary term defined where it first appears."""

from __future__ import annotations

import io
import re

import pytest

from formal_emergence.cli import run
from formal_emergence.parse.claimfile import load_catalog
from formal_emergence.report.explain import GLOSSARY, explain_claim, render_explanation

#: A holds-if with a long derivation, a fails with a converse error, a fails on a product, an informal claim.
CLAIMS = ("001.critical-point.sufficiency", "001.critical-point.proof-direction",
          "001.nonlinear-interaction.product-exceeds-sum", "000.validity.theorem")

JARGON = re.compile(r"rlimit|resource limit|spurious|round-value point|\bseed\b|\bunsat\b|\bsat\b|abstracted|"
                    r"side condition|srepr|\bz3\b|countermodel|atoms|resource units|solver calls", re.IGNORECASE)


@pytest.fixture(scope="module")
def explanations(catalog_checked):
    catalog = load_catalog(None)
    results = dict((c.id, r) for c, r in catalog_checked.pairs())
    out = {}
    for cid in CLAIMS:
        claim = catalog.claim(cid)
        expert = explain_claim(claim, results[cid], siblings=catalog.claims)
        out[cid] = (render_explanation(expert), render_explanation(explain_claim(
            claim, results[cid], siblings=catalog.claims, level="student")), claim)
    return out


def _prose(text: str, claim) -> str:
    """The explanation without the document's own quote and formulas (verbatim material is not ours to reword)."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("|"))


def test_student_level_has_no_engine_jargon(explanations):
    for cid, (expert, student, claim) in explanations.items():
        found = JARGON.findall(_prose(student, claim))
        assert found == [], (cid, found)
    # the expert level does use those words, so the check above can fail
    assert any(JARGON.search(expert) for expert, _, _ in explanations.values())


def test_every_technical_term_is_defined_on_first_use(explanations):
    defined_somewhere = set()
    for cid, (_, student, _) in explanations.items():
        # field labels ("Undefined    :") are column headings, not prose: the term is defined in the text
        flat = " ".join(" ".join(re.sub(r"^  [A-Z][\w-]*(?: [\w-]+)?\s*: ", "", line)
                                 for line in student.splitlines()).split())
        for term, meaning in GLOSSARY:
            m = re.search(rf"\b{re.escape(term)}s?\b", flat, re.IGNORECASE)
            if m is None:
                continue
            defined_somewhere.add(term)
            assert flat[m.end():].startswith(f" ({' '.join(meaning.split())})"), (cid, term, flat[m.start():m.end() + 80])
            assert flat.count(f"({' '.join(meaning.split())})") == 1, (cid, term)
    assert {"counterexample", "assumption", "logic solver"} <= defined_somewhere


def test_explain_level_option(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    assert run(["explain", "000.validity.theorem", "--level", "student"], out, err) == 0, err.getvalue()
    assert "The claim cannot be checked" in out.getvalue()
    assert run(["explain", "000.validity.theorem", "--level", "child"], io.StringIO(), io.StringIO()) == 2


@pytest.mark.parametrize(("outcome", "kept"), [("within", None), ("spent", "used up the fixed amount of work")])
def test_student_level_drops_the_accounting_line_and_keeps_a_spent_budget_in_words(outcome, kept):
    from formal_emergence.model.verdict import Evidence, Result, Verdict
    from formal_emergence.report.explain import Block, Section, _without_budget_lines, describe_evidence
    budget = Evidence("budget", outcome, (("z3_calls", 3), ("z3_rlimit", 6_000_000), ("z3_rlimit_used", 6_000_000)))
    result = Result("t.c", Verdict.UNDECIDED, "r", evidence=(budget,))
    other = Block("item", "the algebra system did not reduce the difference to 0.")
    section = Section("c", "Derivation and engine runs", (other, Block("item", describe_evidence(budget))))
    texts = [b.text for b in _without_budget_lines(section, result).blocks]
    assert texts[0] == other.text and not any("resource units" in t for t in texts)
    assert (len(texts) == 1) if kept is None else (len(texts) == 2 and kept in texts[1])
