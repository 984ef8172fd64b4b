"""``scan`` decides closed content: table rows against the document's formulas, stated ranges."""

from __future__ import annotations

from fractions import Fraction as F
from pathlib import Path

import pytest

from formal_emergence.scan import scan_document
from formal_emergence.scan_closed import parse_amount

DATA = Path(__file__).resolve().parent.parent / "data"
DOC = DATA / "scan_closed" / "closed_checks.md"
SEEDS = DATA / "seeds"


@pytest.mark.parametrize("text, low, high, unit, conventions", [
    ("50-70B", F(50 * 10**9), F(70 * 10**9), "", ("range",)),
    ("10B-100B", F(10**10), F(10**11), "", ("range",)),
    ("100B+", F(10**11), None, "", ("at-least",)),
    ("1.4T", F("1.35e12"), F("1.45e12"), "", ()),          # half a unit of the last digit written
    ("2.57", F("2.565"), F("2.575"), "", ()),
    ("300B tokens", F("299.5e9"), F("300.5e9"), "tokens", ()),
    ("≈ 20", F(18), F(22), "", ("approx",)),                 # approx: tol = 1/10
    ("about 20 tokens per parameter", F(18), F(22), "tokens/parameter", ("approx",)),
    ("≈ 50-70B", F(50 * 10**9) / F(3, 2), F(70 * 10**9) * F(3, 2), "", ("range", "approx-scale")),
])
def test_amount_grammar(text, low, high, unit, conventions):
    a = parse_amount(text)
    assert (a.low, a.high, a.unit, a.conventions) == (low, high, unit, conventions)


@pytest.mark.parametrize("text", ["N_c", "x = 1", "__import__('os')", "1e5000000000", "9" * 5000, "50-", "七十亿"])
def test_amount_grammar_refuses_what_it_does_not_know(text):
    assert parse_amount(text) is None


def test_table_rows_are_checked_against_the_documents_formula_within_its_rounding():
    scan = scan_document(DOC)
    rows = {i.line: i for i in scan.closed if i.kind == "table-row"}
    assert {n: i.verdict for n, i in rows.items()} == {11: "holds", 12: "holds", 13: "fails", 14: "",
                                                      20: "holds", 21: "holds", 22: "fails", 23: "undecided"}
    # L(70B) = 1.69 + 406.4/(7e10)^0.34 = 1.7735..., the cell says 1.69 (allowed [1.685, 1.695]).
    assert "1.77348729" in rows[13].evidence and "[1.685, 1.695]" in rows[13].evidence
    assert "A = 406.4, E = 1.69, alpha = 0.34 as the document states" in rows[13].why
    assert "not one value" in rows[14].why                       # 100B+ is a bound: the row is not checked
    assert "is 15/14" in rows[21].evidence and "[1.05, 1.15]" in rows[21].evidence   # 300B/280B, exact
    assert "is 30" in rows[22].evidence and "stays in [28.5238095238, 31.6315789474]: outside" in rows[22].evidence
    # 25B/1B = 25 is not 24, but "1B" may be anything in [0.5B, 1.5B]: the row is not refuted.
    assert "rounding reaches the allowed range" in rows[23].evidence
    c = scan.counts()
    assert (c["table_rows_checked"], c["table_rows_disagree"]) == (6, 2)


def test_stated_ranges_are_compared_per_quantity_and_with_the_one_matching_reference():
    scan = scan_document(DOC)
    pairs = [i for i in scan.closed if i.kind == "range-pair" and i.decided]
    assert {(i.line, i.verdict) for i in pairs} == {(32, "holds"), (33, "fails")}
    [bad] = [i for i in pairs if i.verdict == "fails"]
    assert "disjoint (30000000000 < 199500000000)" in bad.evidence and "approx-scale" in bad.evidence
    assert "Arithmetic | critical scale N_c: 200B" in bad.quote and "N_c ≈ 10-20B" in bad.quote
    lit = {(i.line, i.quote): i for i in scan.closed if i.kind == "range-literature"}
    assert lit[(20, "Chinchilla | parameters: 70B")].verdict == "holds"
    assert "hoffmann2022.table1.chinchilla.params = 70e9" in lit[(20, "Chinchilla | parameters: 70B")].evidence
    tpp = lit[(20, "Chinchilla | tokens per parameter: 20")]
    assert tpp.verdict == "" and tpp.why.startswith("no unambiguous reference (2 values")


def test_seeds_repeated_tables_and_prose_agree_and_prose_conditions_are_not_compared():
    s000 = scan_document(next(SEEDS.glob("000_*.txt")))
    decided = [i for i in s000.closed if i.decided]
    # The two N_c tables of 000 (§3.1 and §5.3) and the bold-labelled list of §3.1 agree on every ability.
    assert sum(1 for i in decided if i.kind == "range-pair") >= 9
    assert all(i.verdict == "holds" for i in decided)
    assert any("hoffmann2022.table1.gpt3.tokens" in i.evidence for i in decided)
    s002 = scan_document(next(SEEDS.glob("002_*.txt")))
    conditions = [i for i in s002.closed if "condition, not a value" in i.why]
    assert len(conditions) >= 3 and not any(i.decided for i in s002.closed)


def test_box_enclosure_contains_the_value_at_every_sampled_point():
    import random
    from formal_emergence.model.exact import exact_value
    from formal_emergence.numeric.evaluate import rigorous_bounds_over
    from formal_emergence.model.terms import Add, Mul, Num, Pow, Sym
    term = Add((Mul((Sym("t"), Pow(Sym("p"), Num(F(-1))))), Pow(Sym("p"), Num(F(2)))))
    box = {"t": (F(299, 1), F(301, 1)), "p": (F(9, 1), F(11, 1))}
    lo, hi = rigorous_bounds_over(term, box)
    rng = random.Random(0)
    for _ in range(50):
        point = {k: a + (b - a) * F(rng.randint(0, 1000), 1000) for k, (a, b) in box.items()}
        assert lo <= exact_value(term, point) <= hi


def test_a_family_member_or_a_predecessor_is_never_compared_with_the_flagships_value(tmp_path):
    """adv13 F8: "GPT-3 6.7B" lost its size (-> "GPT-3") and "GPT" matched "GPT-3: parameters" by prefix, so
    right cells failed against 175e9 / 280e9. The subject is compared word by word, sizes included."""
    doc = tmp_path / "sizes.md"
    doc.write_text("# Sizes\n\n## Models\n\n| model | parameters |\n|---|---|\n| GPT-3 6.7B | 6.7B |\n"
                   "| Gopher 1.4B | 1.4B |\n| GPT | 117M |\n| GPT-3 Small | 125M |\n| MT-NLG | 530B |\n"
                   "| MT-NLG 530B | 530B |\n| GPT-3 | 175B |\n| gopher | 280B |\n", encoding="utf-8")
    lit = {i.quote.split(" | ")[0]: i for i in scan_document(doc).closed if i.kind == "range-literature"}
    for label in ("GPT-3 6.7B", "Gopher 1.4B", "GPT", "GPT-3 Small", "MT-NLG"):
        assert lit[label].verdict == "" and "0 values in parameters" in lit[label].why, (label, lit[label])
    assert not any(i.verdict == "fails" for i in lit.values())
    assert lit["MT-NLG 530B"].verdict == "holds" and "mt_nlg_530b.params" in lit["MT-NLG 530B"].evidence
    assert lit["GPT-3"].verdict == "holds" and "hoffmann2022.table1.gpt3.params" in lit["GPT-3"].evidence
    assert lit["gopher"].verdict == "holds"  # case aside, the same words


@pytest.mark.parametrize("quantity, words, about", [
    ("GPT-3: parameters", ("GPT-3",), True),
    ("GPT-3: parameters", ("GPT",), False),
    ("GPT-3: parameters", ("GPT-3", "6.7B"), False),
    ("MT-NLG 530B: parameters", ("MT-NLG",), False),
    ("MT-NLG 530B: parameters", ("MT-NLG", "530B"), True),
    ("Chinchilla batch size at the end of training", ("Chinchilla",), True),
    ("Chinchilla 70B batch size", ("Chinchilla",), False),
    ("Gopher: parameters", ("Go",), False),
])
def test_a_reference_is_about_a_subject_word_by_word(quantity, words, about):
    from formal_emergence.scan_closed import _names_subject
    assert _names_subject(quantity, words) is about


def test_prose_amounts_of_two_models_without_a_label_are_not_one_quantity(tmp_path):
    """adv13 F7 (prose): "about 20 tokens per parameter" (Chinchilla) and "1.7 tokens per parameter" (GPT-3) were
    one quantity by their unit alone, and the pair failed as disjoint."""
    doc = tmp_path / "ratios.md"
    doc.write_text("# Ratios\n\n## Compute-optimal training\n\nChinchilla was trained with about 20 tokens per "
                   "parameter.\n\nGPT-3 was trained with only 1.7 tokens per parameter.\n", encoding="utf-8")
    items = scan_document(doc).closed
    assert [(i.kind, i.verdict) for i in items] == [("range-pair", ""), ("range-pair", "")]
    assert all("no quantity named" in i.why for i in items)
