"""docs/latex.md is accurate: every construct its tables list parses as the doc says, and every refusal is refused.

The rows are read from the document itself, so a row added there is checked here (adv8 F14: the parser's hints
pointed to docs/latex.md, which did not exist).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from formal_emergence.errors import ExpressionError
from formal_emergence.parse.expr import Scope, parse_expression
from formal_emergence.parse.latex import parse_latex

DOC = Path(__file__).resolve().parents[2] / "docs" / "latex.md"
SCOPE = Scope(symbols=frozenset({"x", "y", "N", "N_c", "alpha", "theta_i_j", "tol"}), definitions={"Loss": (1, False)},
              functions={"Capacity": 1})


def _rows(heading: str) -> list[tuple[str, str]]:
    """The two code cells of each row of the table under ``heading`` (``\\|`` is a bar inside a cell)."""
    text = DOC.read_text(encoding="utf-8").split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in text.splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if len(cells) == 2 and cells[0].startswith("`"):
            rows.append(tuple(c.strip("`").replace("\\|", "|") for c in cells))
    return rows


ACCEPTED = _rows("What is read")
REFUSED = _rows("What is refused")


def test_the_doc_lists_constructs():
    assert len(ACCEPTED) >= 40 and len(REFUSED) >= 10


@pytest.mark.parametrize(("tex", "text"), ACCEPTED, ids=[t for t, _ in ACCEPTED])
def test_every_listed_construct_parses_to_the_claim_syntax_beside_it(tex, text):
    assert parse_latex(tex, SCOPE) == parse_expression(text, SCOPE)


@pytest.mark.parametrize(("tex", "words"), REFUSED, ids=[t for t, _ in REFUSED])
def test_every_listed_refusal_is_a_located_error(tex, words):
    with pytest.raises(ExpressionError) as info:
        parse_latex(tex, SCOPE)
    assert words in info.value.found + " " + info.value.hint
    assert info.value.column >= 1


def test_the_parser_hints_name_an_existing_doc():
    source = (DOC.parents[1] / "formal_emergence" / "parse" / "latex.py").read_text(encoding="utf-8")
    for name in set(re.findall(r"docs/[a-z-]+\.md", source)):
        assert (DOC.parents[1] / name).is_file(), name
