"""The LaTeX allow-list parser: round trips, agreement with the claim syntax, located errors, hostile input."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from formal_emergence.errors import ExpressionError
from formal_emergence.model.terms import (Add, And, Const, Diff, Func, Iff, Implies, Ite, Limit, Mul, Not, Num, Or,
                                          Pow, Pred, Rel, Sym, UFun, neg, to_text)
from formal_emergence.parse.expr import Scope, parse_expression
from formal_emergence.parse.latex import Guesses, parse_latex, to_latex

NAMES = ("x", "y", "N", "N_c", "alpha", "d_k", "epsilon", "tol", "eps_noise")
SCOPE = Scope(symbols=frozenset(NAMES), predicates={"Nonlinear": 1, "Adaptive": 0}, functions={"Capacity": 1},
              entities=frozenset({"Interaction"}))


def _numbers():
    ints = st.integers(-20, 20).map(lambda v: Num(Fraction(v)))
    fracs = st.tuples(st.integers(-9, 9), st.sampled_from([2, 3, 4, 7, 10])).map(lambda p: Num(Fraction(*p)))
    return st.one_of(ints, fracs)


def _real(depth: int):
    leaves = st.one_of(_numbers(), st.sampled_from(NAMES).map(Sym), st.sampled_from([Const("pi"), Const("e")]))
    if depth <= 0:
        return leaves
    sub = _real(depth - 1)
    return st.one_of(
        leaves,
        st.tuples(sub, sub).map(lambda p: Add(p)),
        st.tuples(sub, sub).map(lambda p: Add((p[0], neg(p[1])))),
        st.tuples(sub, sub).map(lambda p: Mul(p)),  # a number over a number included: it keeps its shape
        st.tuples(sub, sub).map(lambda p: Mul((p[0], Pow(p[1], Num(Fraction(-1)))))),  # over 0 included
        sub.filter(lambda t: not isinstance(t, Num)).map(neg),
        st.tuples(sub, sub).map(lambda p: Pow(*p)),
        st.tuples(st.sampled_from(["exp", "log", "sqrt", "abs", "floor"]), sub).map(lambda p: Func(p[0], (p[1],))),
        st.tuples(st.sampled_from(["min", "max"]), sub, sub).map(lambda p: Func(p[0], (p[1], p[2]))),
        sub.map(lambda t: UFun("Capacity", (t,))),
        st.tuples(_relation(sub), sub, sub).map(lambda p: Ite(*p)),
        st.tuples(sub, st.sampled_from(["x", "y"])).map(lambda p: Diff(p[0], Sym(p[1]), 1)),
        st.tuples(sub, st.sampled_from(["x", "y"]), _numbers(), st.sampled_from(["", "+", "-"])).map(
            lambda p: Limit(p[0], Sym(p[1]), p[2], p[3])),
    )


def _relation(real):
    return st.tuples(st.sampled_from(["<", "<=", ">", ">=", "==", "!="]), real, real).map(lambda p: Rel(*p))


def _statement(depth: int):
    atoms = st.one_of(_relation(_real(2)), st.just(Pred("Adaptive", ())),
                      st.just(Pred("Nonlinear", (Sym("Interaction"),))))
    if depth <= 0:
        return atoms
    sub = _statement(depth - 1)
    return st.one_of(atoms,
                     st.lists(sub, min_size=2, max_size=3).map(lambda xs: And(tuple(xs))),
                     st.lists(sub, min_size=2, max_size=3).map(lambda xs: Or(tuple(xs))),
                     sub.map(Not),
                     st.tuples(sub, sub).map(lambda p: Implies(*p)),
                     st.tuples(sub, sub).map(lambda p: Iff(*p)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_statement(2))
def test_printing_to_latex_and_parsing_back_gives_the_same_term(term):
    tex = to_latex(term)
    assert parse_latex(tex, SCOPE) == term, tex


@pytest.mark.parametrize("term", [
    Mul((Num(Fraction(-1)), Pow(Num(Fraction(1)), Num(Fraction(-1))))),  # once printed \frac{-1}{1}, read back as -1
    Mul((Num(Fraction(3)), Pow(Num(Fraction(2)), Num(Fraction(-1))))),
    Mul((Num(Fraction(1, 2)), Pow(Num(Fraction(0)), Num(Fraction(-1))))),  # \frac{..}{0} is refused
    Mul((Sym("x"), Pow(Num(Fraction(0)), Num(Fraction(-1))))),
])
def test_a_quotient_the_parser_would_fold_or_refuse_keeps_its_product_shape(term):
    tex = to_latex(term)
    assert r"\frac" not in tex and parse_latex(tex, SCOPE) == term, tex


def test_an_underscore_inside_text_is_escaped_for_latex_and_read_back():
    tex = to_latex(Add((Sym("eps_noise"), Sym("x"))))
    assert r"\text{eps\_noise}" in tex  # a bare _ inside \text stops pdflatex ("Missing $ inserted")
    assert parse_latex(tex, SCOPE) == Add((Sym("eps_noise"), Sym("x")))


@pytest.mark.parametrize("tex, text", [
    (r"N > N_c \Rightarrow 1 - e^{-(N/N_c)^\alpha} > \epsilon", "implies(N > N_c, 1 - exp(-(N/N_c)**alpha) > epsilon)"),
    (r"x^2 - 3x + 1 \le y", "x**2 - 3*x + 1 <= y"),
    (r"\frac{x + 1}{y} \geq \sqrt{x}", "(x + 1)/y >= sqrt(x)"),
    (r"-x^2 y < 0", "-x**2*y < 0"),
    (r"\text{Nonlinear}(\text{Interaction}) \land \neg \text{Adaptive}", "Nonlinear(Interaction) and not Adaptive"),
    (r"|x - y| < \max(x, y)", "abs(x - y) < max(x, y)"),
    (r"\lim_{x \to 0^+} x \log x = 0", "limit_right(x*log(x), x, 0) == 0"),
    (r"\frac{\partial}{\partial x} x^{2} = 2x", "diff(x**2, x) == 2*x"),
    (r"\frac{d}{dx} e^{x} = e^{x}", "diff(exp(x), x) == exp(x)"),
    (r"\begin{cases} 0 & \text{if } x < 0 \\ x & \text{otherwise} \end{cases} \ge 0", "ite(x < 0, 0, x) >= 0"),
    (r"0 < x < 1", "0 < x < 1"),
    (r"x \approx 100", "abs(x - 100) <= tol*abs(100)"),
])
def test_latex_agrees_with_the_claim_syntax(tex, text):
    assert parse_latex(tex, SCOPE) == parse_expression(text, SCOPE)


def test_a_rational_fraction_of_integers_is_one_exact_number():
    assert parse_latex(r"\frac{1}{3}", SCOPE) == Num(Fraction(1, 3))
    assert parse_latex(r"-\frac{2}{4}", SCOPE) == Num(Fraction(-1, 2))


@pytest.mark.parametrize("tex, column, words", [
    (r"x > \foo", 5, "not part of the parsed LaTeX subset"),
    (r"x > z", 5, "unknown name 'z'"),
    (r"x \gg y", 3, r"relation \gg has no formal reading"),
    (r"x > (y", 7, "expected ')'"),
    (r"x \approx 1", 3, "needs a tolerance"),
    (r"x^23", 3, "unbraced multi-digit exponent"),
    (r"\def\a{x} \a", 1, "macro command"),
    (r"x ＞ y", 3, "outside \\text{}"),
    (r"\frac{x}{0}", 1, "division by zero"),
    # adv13 F4: two numeric literals are never a product in print; an ambiguous digit grouping is refused
    ("2 3 = 6", 1, "two numbers 2 and 3 separated only by spacing"),
    (r"x + 12\,34", 5, "two numbers 12 and 34"),
    (r"1000\,000", 1, "two numbers 1000 and 000"),
    (r"1\,0000", 1, "two numbers 1 and 0000"),
    (r"1\,000\,00", 1, "two numbers 1000 and 00"),
    (r"1.5\,000", 1, "two numbers 1.5 and 000"),
    (r"x^2 3", 3, "two numbers 2 and 3"),
    (r"1{,}000", 1, "{,} between the digits 1 and 000"),
    (r"1{,}5", 1, "{,} between the digits 1 and 5"),
])
def test_errors_are_located_in_the_latex(tex, column, words):
    scope = Scope(symbols=frozenset({"x", "y"}))
    with pytest.raises(ExpressionError) as info:
        parse_latex(tex, scope)
    assert info.value.column == column, info.value.format()
    assert words in info.value.found


@pytest.mark.parametrize("hostile", [
    "(" * 70 + "x" + ")" * 70,                          # nesting bomb
    "x" + " + x" * 3000,                                # size bomb
    r"\newcommand{\a}{\a\a}\a",                         # macro-expansion bomb: never expanded
    r"\def\x{\x\x}" * 50,
    r"\input{/etc/passwd}",
    r"\text{__import__('os').system('touch /tmp/pwned')}",
    "{" * 10_000,
    r"e^{" * 200 + "x" + "}" * 200,
])
def test_hostile_input_is_refused_without_running_anything(hostile, tmp_path):
    with pytest.raises(ExpressionError):
        parse_latex(hostile, Scope(symbols=frozenset({"x"})))


def test_guessing_mode_classifies_unknown_names_for_the_author():
    guesses = Guesses()
    term = parse_latex(r"N > N_c \Rightarrow P(\text{Emergence}) > \epsilon \land \text{Nonlinear}(\text{Interaction})",
                       Scope(), guesses=guesses)
    assert guesses.symbols == {"N", "N_c", "epsilon"}
    assert guesses.functions == {"P": 1} and guesses.predicates == {"Nonlinear": 1}
    assert guesses.entities == {"Emergence", "Interaction"}
    assert isinstance(term, Implies)


def test_guessing_mode_gives_non_ascii_names_an_alias_and_keeps_the_text():
    guesses = Guesses()
    term = parse_latex(r"|\text{组合}| = 2^N", Scope(), guesses=guesses)
    assert guesses.renamed == {"T1": "组合"}
    assert to_text(term) == "abs(T1) == 2**N"


CLAIM_TEX = r"""
[[definition]]
id = "d.phase"
name = "P"
params = ["N"]
symbols = { N_c = "positive", alpha = "positive" }
body_tex = '1 - e^{-(N/N_c)^{\alpha}}'

[[claim]]
id = "t.tex"
title = "written in LaTeX"
kind = "theorem"
source = { document = "d.md", section = "s", quote = "q" }
symbols = { N = "positive", N_c = "positive", alpha = "positive", epsilon = "unit" }
uses = ["d.phase"]
assume_tex = ['N > N_c', '\epsilon \le 1 - e^{-1}']
show_tex = 'P(N) > \epsilon'
"""


def test_claim_files_accept_latex_for_show_assume_and_definition_bodies(tmp_path):
    from formal_emergence.parse.claimfile import load_catalog
    f = tmp_path / "tex.toml"
    f.write_text(CLAIM_TEX, encoding="utf-8")
    catalog = load_catalog([f])
    claim = catalog.claim("t.tex")
    assert claim.show_text == "P(N) > epsilon"
    assert claim.assume_text == ("N > N_c", "epsilon <= 1 - exp(-1)")
    assert to_text(catalog.definitions["d.phase"].body) == "1 - exp(-(N / N_c)**alpha)"


def test_latex_errors_in_claim_files_point_at_the_latex_column(tmp_path):
    from formal_emergence.errors import UserInputError
    from formal_emergence.parse.claimfile import load_catalog
    f = tmp_path / "bad.toml"
    f.write_text(CLAIM_TEX.replace(r"show_tex = 'P(N) > \epsilon'", r"show_tex = 'P(N) > \varsigma'"),
                 encoding="utf-8")
    with pytest.raises(UserInputError) as info:
        load_catalog([f])
    assert info.value.key == "claim.t.tex.show_tex" and info.value.column == 8
    both = tmp_path / "both.toml"
    both.write_text(CLAIM_TEX.replace("show_tex = ", 'show = "N > 0"\nshow_tex = '), encoding="utf-8")
    with pytest.raises(UserInputError) as info:
        load_catalog([both])
    assert "both show and show_tex" in info.value.found


def test_scientific_notation_with_an_unsigned_exponent_is_one_number():
    """``1e5`` is 100000 (it was read as 1 * e * 5, adv8 F9); a signed exponent without spaces is refused (adv13
    F4: ``1e-3 = 0.001`` was ``1*e - 3 == 0.001``, a wrong fails); with spaces it is arithmetic with e."""
    assert parse_latex("1e5 = 100000", {}) == Rel("==", Num(Fraction(100000)), Num(Fraction(100000)))
    assert parse_latex("2.5e3", {}) == Num(Fraction(2500))
    assert to_text(parse_latex("3e - 1", {})) == "3 * e - 1"
    for tex, column in (("1e-3 = 0.001", 1), ("3e-1", 1), ("2.5E+2 > 0", 1), ("x + 1e-3", 5)):
        with pytest.raises(ExpressionError, match="signed exponent") as info:
            parse_latex(tex, Scope(symbols=frozenset({"x"})))
        assert info.value.column == column
    with pytest.raises(ExpressionError, match="exponent of more than three digits"):
        parse_latex("1e99999999 > 0", {})  # refused before 10**99999999 is computed


@pytest.mark.parametrize("tex, value", [
    (r"1\,024", 1024), (r"1\ 000", 1000), (r"1\;000", 1000), (r"1\:000", 1000), (r"1\!000", 1000),
    (r"1\,000\,000", 10 ** 6), (r"12\,345", 12345), (r"999\,999", 999999), (r"1\,000.5", Fraction(2001, 2)),
    (r"1 \, 000", 1000),
])
def test_digit_groups_after_spacing_are_one_number(tex, value):
    """adv13 F4: ``1\\,024`` (SI digit grouping) was the product 1*24, so ``1\\,024 = 2^{10}`` failed."""
    assert parse_latex(tex, {}) == Num(Fraction(value))


def test_digit_groups_inside_formulas_and_a_scale_suffix_after_them():
    assert to_text(parse_latex(r"\frac{1\,000}{10} + 2^{10} - 1\,024", {})) == "100 + 2**10 - 1024"
    assert parse_latex(r"1\,000B", Scope(), guesses=Guesses()) == Num(Fraction(10 ** 12))  # the suffix sticks to the group

