"""Tests for formal_emergence.literature and the packaged data/literature.toml."""

from __future__ import annotations

import ast
import doctest
import re
from fractions import Fraction
from pathlib import Path

import pytest

from formal_emergence import literature
from formal_emergence.errors import ClaimFileError
from formal_emergence.literature import Reference, get_reference, load_references, load_references_from

LOCATED = re.compile(r"^(?P<file>.+?)(?::(?P<line>\d+):(?P<col>\d+))?: (?:(?P<key>\S+): )?(?P<found>.+?)(?: \((?P<hint>.+)\))?(?: \[(?P<note>[^\]]+)\])?$")


@pytest.fixture(scope="module")
def refs() -> dict[str, Reference]:
    return load_references()


def value(refs: dict[str, Reference], ref_id: str) -> Fraction:
    number = refs[ref_id].value
    assert number is not None, ref_id
    return number


# --- the packaged data -------------------------------------------------------------------------


def test_packaged_file_loads_with_many_entries(refs):
    assert len(refs) > 400
    assert all(isinstance(ref, Reference) for ref in refs.values())


@pytest.mark.parametrize(("ref_id", "expected"), [
    ("kaplan2020.alpha_n", Fraction(76, 1000)),
    ("kaplan2020.n_c", Fraction(88 * 10**12)),
    ("kaplan2020.alpha_d", Fraction("0.095")),
    ("kaplan2020.d_c", Fraction(54 * 10**12)),
    ("kaplan2020.alpha_cmin", Fraction(1, 20)),
    ("kaplan2020.c_cmin", Fraction(31 * 10**7)),
    ("kaplan2020.alpha_c_naive", Fraction("0.057")),
    ("kaplan2020.alpha_b", Fraction("0.21")),
    ("kaplan2020.b_star", Fraction(2 * 10**8)),
    ("kaplan2020.b_star_table5", Fraction(21 * 10**7)),
    ("kaplan2020.alpha_s", Fraction("0.76")),
    ("kaplan2020.table2.alpha_d", Fraction("0.103")),
    ("kaplan2020.compute_optimal.n_exponent", Fraction("0.73")),
    ("kaplan2020.compute_optimal.d_exponent", Fraction("0.27")),
    ("kaplan2020.doubling_factor", Fraction("0.95")),
    ("kaplan2020.pf_day_flops", Fraction(864 * 10**17)),
    ("hoffmann2022.fit_rounded.e", Fraction("1.69")),
    ("hoffmann2022.fit_rounded.a", Fraction("406.4")),
    ("hoffmann2022.fit_rounded.b", Fraction("410.7")),
    ("hoffmann2022.fit_rounded.alpha", Fraction(34, 100)),
    ("hoffmann2022.fit_rounded.beta", Fraction(28, 100)),
    ("hoffmann2022.fit_unrounded.alpha", Fraction("0.33917084")),
    ("hoffmann2022.table2.approach3.a", Fraction("0.46")),
    ("hoffmann2022.gopher_budget_flops", Fraction(576 * 10**21)),
    ("hoffmann2022.table3.400m.gopher_units", Fraction(1, 29968)),
    ("epoch2024.fit.beta", Fraction("0.3658")),
    ("epoch2024.fit.e", Fraction("1.8172")),
    ("wei2022.table1.cot_math_word_problems.params", Fraction(68 * 10**9)),
    ("wei2022.table1.addition_subtraction_3_digit.params", Fraction(13 * 10**9)),
    ("wei2022.text.cot.flops", Fraction(10**23)),
    ("vaswani2017.base.d_k", Fraction(64)),
    ("jl.k.n_100.eps_0_1", Fraction(3947)),
    ("brown2020.gpt3.train_flops", Fraction(314 * 10**21)),
])
def test_specific_values_are_exact(refs, ref_id, expected):
    assert value(refs, ref_id) == expected


def test_chinchilla_is_exactly_twenty_tokens_per_parameter(refs):
    params = value(refs, "hoffmann2022.table1.chinchilla.params")
    tokens = value(refs, "hoffmann2022.table1.chinchilla.tokens")
    assert params == 70 * 10**9
    assert tokens == Fraction(14, 10) * 10**12
    assert tokens / params == 20
    assert value(refs, "hoffmann2022.chinchilla.tokens_per_param") == 20


def test_twenty_tokens_per_parameter_is_a_table3_range_not_a_phrase(refs):
    span = refs["hoffmann2022.tokens_per_param.table3_range"]
    assert (span.value, span.low, span.high) == (None, Fraction(20), Fraction("21.6"))
    assert span.computed
    assert "absent" in refs["hoffmann2022.tokens_per_param.phrase_in_paper"].text


def test_hoffmann_a3_175b_typo_is_recorded(refs):
    assert value(refs, "hoffmann2022.tablea3.175b.a3_flops") == Fraction("1.26e24")
    assert value(refs, "hoffmann2022.tablea3.175b.a3_flops_6nd") == 6 * 175 * 10**9 * 12 * 10**12


def test_schaeffer_correct_and_miscited_ids(refs):
    assert refs["schaeffer2023.paper"].arxiv == "2304.15004"
    wrong = refs["schaeffer2023.miscited_arxiv_2307_15702"]
    assert wrong.arxiv == "2307.15702"
    assert "Maximum Circulation" in wrong.text


def test_limit_theory_paper_is_withdrawn(refs):
    assert refs["shu2026.paper"].arxiv == "2604.24037"
    assert "withdrawn" in refs["shu2026.status"].text


def test_wei_table1_has_every_row(refs):
    rows = {ref_id.split(".")[2] for ref_id in refs if ref_id.startswith("wei2022.table1.")}
    assert len(rows) == 23
    for row in rows - {"many_big_bench_tasks"}:
        assert f"wei2022.table1.{row}.flops" in refs
        assert f"wei2022.table1.{row}.params" in refs


def test_numbers_stay_exact_and_printed(refs):
    ref = refs["hoffmann2022.table2.approach1.a"]
    assert ref.value == Fraction(1, 2)
    assert ref.value_printed == "0.50"
    assert refs["kaplan2020.alpha_n"].rounding_halfwidth() == Fraction(1, 2000)
    assert refs["kaplan2020.n_c"].rounding_halfwidth() == Fraction(5 * 10**11)
    assert refs["hoffmann2022.table3.400m.gopher_units"].rounding_halfwidth() is None


# --- invariants over every entry ---------------------------------------------------------------


def test_every_entry_has_source_conf_and_something_to_compare(refs):
    for ref in refs.values():
        assert ref.source.strip(), ref.id
        assert ref.quantity.strip(), ref.id
        assert ref.conf in ("high", "med", "low"), ref.id
        assert isinstance(ref.computed, bool), ref.id
        assert any(x is not None for x in (ref.value, ref.low, ref.high, ref.formula, ref.text)), ref.id
        assert ref.value is None or (ref.low is None and ref.high is None), ref.id


def test_ids_are_unique_lowercase_and_dotted():
    text = (Path(literature.__file__).parent / "data" / "literature.toml").read_text(encoding="utf-8")
    ids = re.findall(r'^id = "([^"]*)"$', text, flags=re.MULTILINE)
    assert len(ids) == len(set(ids)) == len(load_references())
    assert all(re.fullmatch(r"[a-z0-9_.]+", ref_id) for ref_id in ids)


def test_numbers_in_the_file_are_strings_never_floats():
    text = (Path(literature.__file__).parent / "data" / "literature.toml").read_text(encoding="utf-8")
    assert not re.search(r'^(value|low|high) = [^"]', text, flags=re.MULTILINE)


def test_citation_and_json(refs):
    ref = refs["kaplan2020.alpha_n"]
    assert ref.citation() == "Kaplan et al. 2020, arXiv:2001.08361, eq. 1.1, Table 5 (conf high)"
    assert "[computed]" in refs["kaplan2020.doubling_factor_exact"].citation()
    data = ref.to_json()
    assert data["value"] == "0.076" and data["low"] is None and data["computed"] is False
    assert set(data) == {"id", "quantity", "value", "low", "high", "unit", "formula", "text", "source", "arxiv",
                         "conf", "computed", "note"}


# --- lookup ------------------------------------------------------------------------------------


def test_get_reference_is_case_insensitive(refs):
    assert get_reference("kaplan2020.alpha_N").value == Fraction(76, 1000)
    assert get_reference("kaplan2020.alpha_N", refs) is refs["kaplan2020.alpha_n"]


def test_unknown_id_raises_with_did_you_mean_hint(refs):
    with pytest.raises(ClaimFileError) as info:
        get_reference("kaplan2020.alpha_nn", refs)
    assert "did you mean" in info.value.hint
    assert "kaplan2020.alpha_n" in info.value.hint
    assert "unknown reference id 'kaplan2020.alpha_nn'" in str(info.value)


# --- malformed files ---------------------------------------------------------------------------

GOOD = '''
[[reference]]
id = "x.alpha"
quantity = "an exponent"
value = "0.076"
source = "Somebody 2020, eq. 1"
arxiv = "2001.08361"
conf = "high"
computed = false
'''


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "refs.toml"
    path.write_text(body, encoding="utf-8")
    return path


def rejected(path: Path) -> ClaimFileError:
    with pytest.raises(ClaimFileError) as info:
        load_references_from(path)
    match = LOCATED.match(str(info.value))
    assert match, str(info.value)
    assert match["file"] == str(path)
    return info.value


def test_a_good_file_loads(tmp_path):
    loaded = load_references_from(write(tmp_path, GOOD))
    assert loaded["x.alpha"].value == Fraction(76, 1000)


@pytest.mark.parametrize(("body", "key", "column", "found"), [
    (GOOD.replace('"0.076"', '"0.07.6"'), "reference[0].value", 5, "not an exact decimal"),
    (GOOD.replace('"0.076"', "0.076"), "reference[0].value", 0, "expected a string"),
    (GOOD.replace('conf = "high"', 'conf = "sure"'), "reference[0].conf", 0, "invalid conf"),
    (GOOD.replace('"x.alpha"', '"x.Alpha"'), "reference[0].id", 3, "invalid id"),
    (GOOD.replace('source = "Somebody 2020, eq. 1"\n', ""), "reference[0]", 0, "missing required key 'source'"),
    (GOOD.replace("computed = false", "computed = false\nvlaue = \"1\""), "reference[0].vlaue", 0, "unknown key"),
    (GOOD.replace('value = "0.076"', 'value = "0.076"\nlow = "0.07"'), "reference[0].value", 0, "together with"),
    (GOOD.replace('value = "0.076"', 'low = "2"\nhigh = "1"'), "reference[0].low", 0, "greater than"),
    (GOOD.replace('value = "0.076"\n', ""), "reference[0]", 0, "nothing to compare"),
    (GOOD.replace('"2001.08361"', '"arXiv:2001.08361"'), "reference[0].arxiv", 0, "invalid arXiv id"),
    (GOOD + GOOD, "reference[1].id", 0, "duplicate id 'x.alpha'"),
    (GOOD + "\n[other]\nx = 1\n", "other", 0, "unknown top-level key"),
    ("", "reference", 0, "no [[reference]] tables"),
])
def test_malformed_entries_are_rejected_with_location(tmp_path, body, key, column, found):
    error = rejected(write(tmp_path, body))
    assert error.key == key
    assert error.column == column
    assert found in error.found
    assert error.hint
    assert error.line >= 1 and str(error).startswith(f"{tmp_path / 'refs.toml'}:{error.line}:{error.col}: {key}: ")


def _position(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based line and column of the ``nth`` occurrence of ``needle`` in ``text``."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


@pytest.mark.parametrize(("body", "needle", "nth", "caret"), [
    (GOOD.replace('"0.076"', '"0.07.6"'), '.6"', 0, True),                      # the bad character of a string
    (GOOD.replace('"x.alpha"', '"x.Alpha"'), 'Alpha', 0, True),
    (GOOD.replace('conf = "high"', 'conf = "sure"'), '"sure"', 0, False),          # the value
    (GOOD.replace('"0.076"', "0.076"), "0.076", 0, False),
    (GOOD.replace("computed = false", "computed = false\nvlaue = \"1\""), '"1"', 0, False),
    (GOOD.replace('source = "Somebody 2020, eq. 1"\n', ""), "[[reference]]", 0, False),  # a missing key: its table
    (GOOD + GOOD, '"x.alpha"', 1, False),                                           # the second id
    (GOOD + "\n[other]\nx = 1\n", "[other]", 0, False),
    ("# nothing\n", "# nothing", 0, False),                                         # no table at all: the file
    (GOOD.replace('conf = "high"', 'conf = "high'), 'conf = "high', 0, True),       # TOML syntax: where it ends
    ("[[reference]]\nid = \"\xe9\"\n".encode("latin-1"), None, 0, False),          # not UTF-8: line 2
])
def test_literature_errors_give_line_and_column(tmp_path, located, body, needle, nth, caret):
    """A malformed literature file is located like a claim file: path:line:col: key: message (hint)."""
    path = tmp_path / "refs.toml"
    if isinstance(body, bytes):
        path.write_bytes(body)
    else:
        path.write_text(body, encoding="utf-8")
    error = rejected(path)
    first = error.format().splitlines()[0]
    m = located.match(first)
    assert m and m["file"] == str(path) and m["line"], first
    text = body.decode("latin-1") if isinstance(body, bytes) else body
    line, col = _position(text, needle, nth) if needle else (2, 7)
    if needle and needle.startswith("conf"):  # tomllib stops at the line break of the unterminated string
        col += len(needle)
    assert (int(m["line"]), int(m["col"])) == (line, col), first
    assert ("^" in error.format()) == caret, error.format()


def test_literature_file_errors_exit_2_on_the_command_line(cli_run, located, tmp_path):
    path = write(tmp_path, GOOD.replace('conf = "high"', 'conf = "sure"') + GOOD.replace("x.alpha", "x.beta"))
    code, out, err = cli_run(["refs", "--literature", str(path)])
    assert code == 2 and out == "" and "Traceback" not in err
    m = located.match(err.splitlines()[0])
    assert m and (m["file"], m["line"], m["key"]) == (str(path), "8", "reference[0].conf"), err
    assert "use one of high, med, low" in err and err.splitlines()[-1] == "1 error in 1 file"
    code, out, err = cli_run(["refs", "--literature", str(write(tmp_path, GOOD))])
    assert code == 0 and out.startswith("x.alpha\t0.076\t") and err == ""


def test_unknown_key_suggests_the_right_one(tmp_path):
    error = rejected(write(tmp_path, GOOD.replace("computed = false", "computed = false\nvlaue = \"1\"")))
    assert error.hint == "did you mean 'value'?"


def test_invalid_toml_and_missing_file_are_claim_file_errors(tmp_path):
    error = rejected(write(tmp_path, "[[reference]\n"))
    assert "TOML syntax error" in error.found and error.line == 1
    with pytest.raises(ClaimFileError):
        load_references_from(tmp_path / "absent.toml")


# --- module hygiene ----------------------------------------------------------------------------


def test_module_imports_only_the_standard_library():
    tree = ast.parse(Path(literature.__file__).read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert not imported & {"sympy", "z3", "mpmath", "numpy"}


def test_docstring_examples():
    assert doctest.testmod(literature).failed == 0


def test_arxiv_suffix_reads_the_entrys_arxiv_field_as_a_number(refs):
    """A citation check compares the document's printed id with the data file's (catalog review 12, F9), never with
    a number typed in the claim file."""
    from fractions import Fraction
    from formal_emergence.errors import ClaimFileError
    from formal_emergence.literature import get_reference
    ref = get_reference("Schaeffer2023.paper.arxiv", refs)
    assert ref.value == Fraction("2304.15004") and ref.value_printed == "2304.15004"
    assert ref.id == "schaeffer2023.paper.arxiv" and "arXiv:2304.15004" in ref.citation()
    no_arxiv = next(r.id for r in refs.values() if r.arxiv is None)
    with pytest.raises(ClaimFileError, match="records no new-style arXiv id"):
        get_reference(no_arxiv + ".arxiv", refs)
    with pytest.raises(ClaimFileError, match="unknown reference id"):
        get_reference("nosuch2020.paper.arxiv", refs)
    from dataclasses import replace
    from formal_emergence.literature import arxiv_reference
    with pytest.raises(ClaimFileError, match="ends in 0"):  # 2206.07680 == 2206.0768 as decimals (adversarial review 13)
        arxiv_reference(replace(refs["wei2022.paper"], arxiv="2206.07680"))
