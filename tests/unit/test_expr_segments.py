"""The expression parser's source segments (``parse.expr._Converter.segment``) are those of
``ast.get_source_segment``, which it replaces because that splits the whole text again for every node."""

from __future__ import annotations

import ast

import pytest

from formal_emergence.parse.expr import _Converter


@pytest.mark.parametrize("text", ["x**2 + 3.5e-3*y", "exp(-(N/N_c)**alpha) > 1_000", "(a +\n b * 2.0 - 1e-9)",
                                  "f(x, 10**-6) <= 0.5 and λ > 2", "limit_right(x*log(x), x, 0) == 0"])
def test_segments_are_the_library_segments(text):
    tree = ast.parse(text, mode="eval")
    conv = _Converter(text, None, 0)
    nodes = list(ast.walk(tree))
    assert len(nodes) > 5
    for node in nodes:
        assert conv.segment(node) == (ast.get_source_segment(text, node) or "")
