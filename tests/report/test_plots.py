"""Plot functions: closed-form crossings, deterministic SVG, float evaluation for pictures only."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from formal_emergence.model.terms import Func, Mul, Num, Pow, Rel, Sym, UFun
from formal_emergence.report import plots
from formal_emergence.report.floateval import NotPlottable, evaluate
from formal_emergence.report.formula import term_mathml


def test_phase_crossings_are_the_closed_form():
    for p, x in plots.phase_crossings(3.2):
        assert math.isclose(1 - math.exp(-(x ** 3.2)), p, rel_tol=1e-12)
    assert [p for p, _ in plots.phase_crossings()] == [0.1, 0.5, 0.9]


def test_svgs_are_deterministic_and_inline_ready():
    a, b = plots.phase_transition_svg(), plots.phase_transition_svg()
    assert a == b and a.startswith("<svg ") and "<?xml" not in a and "<dc:date>" not in a
    assert 'id="phase-' in a
    s = plots.scaling_laws_svg()
    assert s.startswith("<svg ") and s == plots.scaling_laws_svg()
    prm = plots.scaling_law_parameters()
    assert prm["kaplan"]["N_c"] == 8.8e13 and prm["kaplan"]["alpha_N"] == 0.076
    assert prm["hoffmann"]["alpha"] == 0.34 and prm["hoffmann"]["beta"] == 0.28 and prm["tokens_per_param"] == 20


def test_simulation_svg():
    details = {"experiment": "random_cosine", "parameters": [10, 100, 1000], "measured": [0.1, 0.01, 0.001],
               "closed_form": [0.1, 0.01, 0.001], "standard_error": [0.001, 0.0001, 0.00001],
               "observable": "variance of cos", "largest_jump": {"from_parameter": 10, "to_parameter": 100}}
    assert plots.simulation_svg(details).startswith("<svg ")
    assert plots.simulation_svg({"parameters": [1, 2], "measured": [1]}) is None


def test_counterexample_svg():
    x = Sym("x")
    lhs, rhs = Pow(x, Num(Fraction(2))), Mul((Num(Fraction(2)), x))
    svg = plots.counterexample_svg(lhs, rhs, ">", "x", {"x": Fraction(1)}, "positive", lhs_label="x**2",
                                   rhs_label="2*x")
    assert svg is not None and svg.startswith("<svg ")
    assert plots.counterexample_svg(UFun("F", (x,)), rhs, ">", "x", {"x": Fraction(1)}, "real") is None


def test_float_evaluation():
    x = Sym("x")
    out = evaluate(Func("log", (x,)), {"x": np.array([-1.0, 1.0, math.e])})
    assert math.isnan(out[0]) and out[1] == 0 and math.isclose(out[2], 1)
    assert bool(evaluate(Rel("<", x, Num(Fraction(1))), {"x": 0.5}))
    try:
        evaluate(UFun("F", (x,)), {"x": 1.0})
    except NotPlottable:
        pass
    else:
        raise AssertionError("undefined functions have no float value")


def test_mathml_escapes_sympy_output():
    m = term_mathml(Rel("<", Num(Fraction(0)), Sym("x")))
    assert m is not None and "<mo>&lt;</mo>" in m and m.startswith('<math xmlns="http://www.w3.org/1998/Math/MathML"')
