"""Messages and text output (issue 11 items 1 and 2): TOML positions, carets, every error counted, exit
codes, the usability review's command bugs, wrapping, document titles, --verbose and streaming."""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from formal_emergence import cli
from formal_emergence.errors import ExpressionError, UserInputError
from formal_emergence.parse.claimfile import load_catalog
from formal_emergence.parse.tomlpos import TomlPositions, locate
from formal_emergence.report.text import CONTINUATION, brief, document_label, render_text

REPO = Path(__file__).resolve().parents[2]

TRICKY = '''# a comment with "quotes", [brackets] and key = "value"
[[claim]]
id = "t.one"   # trailing comment [[claim]]
show = """
x > 0 and
  [[claim]] = 'not a header'"""
symbols = { N = "positive", eps = { domain = "unit", meaning = "a # is not a comment" } }
assume = [
  "N > 0",  # first, with a comma, inside
  'N ^ 2 > 1',
]
"quoted key" = 'C:\\path'

[[claim]]
id = "t.two"
kind = "theorem"

[claim.symbols]
N = "positve"

[[assertion]]
id = "a.dotted.id"
source.document = "d.md"

[[assertion.alternative]]
id = "alt"
show = "p > 0"
'''


def _line_col(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    off = -1
    for _ in range(nth + 1):
        off = text.index(needle, off + 1)
    return text.count("\n", 0, off) + 1, off - (text.rfind("\n", 0, off) + 1) + 1


@pytest.mark.parametrize(("key", "needle", "nth"), [
    ("claim[0].id", '"t.one"', 0),
    ("claim[0].show", '"""\nx', 0),
    ("claim[0].symbols.eps.meaning", '"a # is', 0),
    ("claim[0].symbols.eps", "{ domain", 0),
    ("claim[0].assume[1]", "'N ^ 2", 0),
    ("claim[0].quoted key", "'C:", 0),
    ("claim[1].symbols.N", '"positve"', 0),
    ("claim.t.two.kind", '"theorem"', 0),
    ("assertion.a.dotted.id.source.document", '"d.md"', 0),
    ("assertion.a.dotted.id.alternative.alt.show", '"p > 0"', 0),
    ("assertion[0].alternative[0].show", '"p > 0"', 0),
])
def test_locator_finds_values_in_tricky_toml(key, needle, nth):
    where = TomlPositions(TRICKY).position(key)
    assert where is not None and where.exact, key
    assert (where.line, where.col) == _line_col(TRICKY, needle, nth)


def test_locator_falls_back_to_the_table_header_for_a_missing_key():
    positions = TomlPositions(TRICKY)
    where = positions.position("claim.t.two.show")
    assert not where.exact and (where.line, where.col) == _line_col(TRICKY, "[[claim]]\nid = \"t.two\"")
    # a missing key inside an inline table: the table value itself
    where = positions.position("claim[0].symbols.eps.missing")
    assert (where.line, where.col) == _line_col(TRICKY, "{ domain")


def test_locator_maps_an_expression_column_to_the_file_only_on_one_line():
    positions = TomlPositions(TRICKY)
    where, precise = positions.expression("claim[0].assume[1]", 3)  # the '^' of 'N ^ 2 > 1'
    assert precise and (where.line, where.col) == _line_col(TRICKY, "^ 2")
    where, precise = positions.expression("claim[0].show", 4)  # multi-line: the value's start, not a guess
    assert not precise and (where.line, where.col) == _line_col(TRICKY, '"""\nx')
    text = 'show = "a \\" b ^ c"\n'
    where, precise = TomlPositions(text).expression("show", 7)  # an escape before the column: no caret guess
    assert not precise


def test_caret_rendering_under_the_offending_column():
    text = 'show = "N > 0"\nassume = ["M > 0", "N ^ 2 > 1"]\n'
    err = locate(ExpressionError("operator ^", file="f.toml", key="assume[1]", column=3, hint="use ** for powers"),
                 text)
    first, source, caret = err.format().split("\n")
    assert first == "f.toml:2:23: assume[1]: operator ^ (use ** for powers)"
    assert source == "    " + text.splitlines()[1]
    assert caret.index("^") == source.index("^") and caret.strip() == "^"
    assert str(err) == first  # str() is the located line alone


def test_multi_line_expression_says_the_column_in_the_expression(write_claims, claim_toml):
    body = 'symbols = { N = "positive" }\nshow = """N > 0 and\n  N ^ 2 > 1"""'
    path = write_claims(claim_toml("m.one", body))
    with pytest.raises(ExpressionError) as info:
        load_catalog([path])
    err = info.value
    assert err.line == _line_col(path.read_text(), '"""N')[0]
    assert f"in the expression, column {err.column}" in str(err)


def test_all_errors_reported_then_counted(cli_run, write_claims, claim_toml, located):
    one = write_claims(claim_toml("e.one", 'symbols = { N = "positve" }\nshow = "N > 0"')
                       + claim_toml("e.two", 'symbols = { N = "positive" }\nshow = "N ^ 2 > 0"'), "one.toml")
    two = write_claims(claim_toml("e.three", 'symbols = { N = "positive" }\nshow = "Inteligent(N)"'), "two.toml")
    code, out, err = cli_run(["check", str(one), str(two)])
    assert code == 2 and out == cli.reading_line([str(one), str(two)])
    heads = [line for line in err.splitlines() if located.match(line) and located.match(line).group("line")]
    assert [located.match(h).group("key") for h in heads] == ["claim.e.one.symbols.N", "claim.e.two.show",
                                                               "claim.e.three.show"]
    for h in heads:  # each points at its own value in its file
        m = located.match(h)
        file_line = Path(m.group("file")).read_text().splitlines()[int(m.group("line")) - 1]
        assert file_line.split(" = ")[0] in ("symbols", "show")
    assert err.splitlines()[-1] == "3 errors in 2 files"


def test_a_broken_definition_does_not_cascade(write_claims, claim_toml):
    text = ('[[definition]]\nid = "bad_def"\nname = "B"\nbody = "1 +"\n'
            + claim_toml("c.uses", 'uses = ["bad_def"]\nshow = "B > 0"'))
    with pytest.raises(UserInputError) as info:
        load_catalog([write_claims(text)])
    assert not hasattr(info.value, "errors") and info.value.key == "definition.bad_def.body"


def test_exit_codes(cli_run, write_claims, claim_toml, monkeypatch):
    ok = write_claims(claim_toml("x.ok", 'symbols = { N = "positive" }\nshow = "N + 1 > N"'), "ok.toml")
    false = write_claims(claim_toml("x.no", 'symbols = { N = "positive" }\nshow = "N > 1"'), "no.toml")
    assert cli_run(["check", "--no-cache", str(ok)])[0] == 0
    assert cli_run(["check", "--no-cache", str(false), "--fail-on", "fails"])[0] == 1
    assert cli_run(["check", "--no-cache", str(false), "--fail-on", "bogus"])[0] == 2

    def boom(*args, **kwargs):
        raise RuntimeError("a bug")
    monkeypatch.setattr("formal_emergence.engine.assertions.check_catalog", boom)
    code, _, err = cli_run(["check", "--no-cache", str(ok)])
    assert code == 3 and "internal error" in err and "Traceback" not in err
    assert (cli.EXIT_OK, cli.EXIT_FAIL_ON, cli.EXIT_USAGE, cli.EXIT_INTERNAL) == (0, 1, 2, 3)
    budgets = (REPO / "docs" / "budgets.md").read_text(encoding="utf-8")
    assert all(f"`{c}`" in budgets for c in "0123")


# ------------------------------------------------------------ the usability review's command bugs
def _one_located(err: str, located, key: str) -> re.Match:
    lines = [line for line in err.splitlines() if line and not line.endswith(("file", "files"))]
    assert len(lines) == 1, err
    m = located.match(lines[0])
    assert m and m.group("key") == key, lines[0]
    return m


@pytest.mark.parametrize("target", ["dir", "missing"])
def test_bug1_output_to_a_directory_or_missing_dir_is_exit_2(cli_run, located, tmp_path, target):
    path = str(tmp_path) if target == "dir" else str(tmp_path / "no" / "x.json")
    code, out, err = cli_run(["check", "--claim", "001.critical-point.sufficiency", "-o", path])
    assert code == 2 and "Traceback" not in err
    assert _one_located(err, located, "--output").group("file") == "<argv>"


def test_bug2_unknown_reference_keeps_file_key_and_line(cli_run, located, write_claims, claim_toml):
    path = write_claims(claim_toml("r.one", 'symbols = { alpha = "positive" }\nshow = "alpha > 0"\n'
                                            'references = { alpha = "kaplan2020.alpah" }'))
    code, _, err = cli_run(["check", str(path)])
    m = _one_located(err, located, "claim.r.one.references.alpha")
    assert code == 2 and m.group("file") == str(path) and "<input>" not in err
    assert (int(m.group("line")), int(m.group("col"))) == _line_col(path.read_text(), '"kaplan2020.alpah"')
    assert "unknown reference id" in m.group("found") and "did you mean" in err


@pytest.mark.parametrize("command", ["show", "explain"])
def test_bug3_show_and_explain_blame_the_id(cli_run, located, command):
    code, _, err = cli_run([command, "no.such.claim"])
    assert code == 2 and _one_located(err, located, "ID")
    code, _, err = cli_run([command])
    assert code == 2 and "required: ID" in err and "paths" not in err


def test_bug4_version_and_help_without_docstring_markup(cli_run):
    code, out, _ = cli_run(["--version"])
    assert code == 0 and re.fullmatch(r"formal-emergence \S+\n", out)
    code, out, _ = cli_run(["--help"])
    assert code == 0 and "``" not in out and "Command-line interface" not in out


def test_bug5_ambiguous_document_prefix(cli_run, located):
    code, _, err = cli_run(["check", "--document", "00"])
    m = _one_located(err, located, "--document")
    assert code == 2 and "matches 5 documents" in m.group("found")


@pytest.mark.parametrize("kind", ["file", "dir"])
def test_bug6_empty_input_is_a_user_error(cli_run, located, tmp_path, kind):
    path = tmp_path / "empty.toml"
    if kind == "file":
        path.write_text("# nothing here\n", encoding="utf-8")
    else:
        path = tmp_path / "emptydir"
        path.mkdir()
    code, out, err = cli_run(["check", str(path), "--fail-on", "fails,undecided,informal"])
    assert code == 2 and "0 assertions" not in out
    m = _one_located(err, located, None if kind == "file" else "paths")  # an empty file is located at itself
    assert "no assertions" in m.group("found")
    assert m.group("file") == (str(path) if kind == "file" else "<argv>")


def test_bug12_grammar_and_the_sin_hint(cli_run, write_claims, claim_toml):
    ok = write_claims(claim_toml("g.one", 'symbols = { N = "positive" }\nshow = "N + 1 > N"'))
    code, out, _ = cli_run(["check", "--no-cache", str(ok)])
    assert code == 0 and "\n1 assertion: holds 1" in out and "1 assertions" not in out
    bad = write_claims(claim_toml("g.sin", 'symbols = { N = "positive" }\nshow = "sin(N) <= 1"'), "sin.toml")
    code, _, err = cli_run(["check", str(bad)])
    assert code == 2 and "'min'" not in err and "exp, floor" in err


def test_toml_syntax_and_duplicate_ids_are_located(cli_run, located, write_claims, claim_toml):
    path = write_claims('[[claim]]\nid = "a"\nid = "b"\n', "dup.toml")
    code, _, err = cli_run(["check", str(path)])
    m = located.match(err.splitlines()[0])
    assert code == 2 and m and m.group("line") == "3" and "TOML syntax error" in err  # tomllib's own line
    text = claim_toml("d.same", 'show = "1 > 0"')
    code, _, err = cli_run(["check", str(write_claims(text + text, "twice.toml"))])
    m = located.match(err.splitlines()[0])
    assert code == 2 and "duplicate claim id" in err and int(m.group("line")) == _line_col(text + text, 'id = "d', 1)[0]


# ------------------------------------------------------------ text output
def test_wrapping_brief_reasons_and_verbose(catalog_checked):
    plain = render_text(catalog_checked, width=72)
    lines = plain.splitlines()
    head = [line for line in lines if line.split(" ")[0] in ("holds", "holds-if", "fails", "undecided", "informal")]
    assert len(head) == len(catalog_checked.assertions)  # one (wrapped) line per assertion
    assert all(len(line) <= 72 or " " not in line.strip() for line in lines)
    assert all(line.startswith(CONTINUATION) or line in head or not line.startswith(" " * len(CONTINUATION))
               for line in lines)
    verbose = render_text(catalog_checked, width=72, verbose=True)
    longest = max(catalog_checked.assertions, key=lambda a: len(a.primary.result.reason))
    assert brief(longest.primary.result.reason) != longest.primary.result.reason
    flat = " ".join(verbose.split())
    assert " ".join(longest.primary.result.reason.split()) in flat  # the full reason, only with --verbose
    assert " ".join(longest.primary.result.reason.split()) not in " ".join(plain.split())
    assert "reading " in verbose and "\n    reading " not in plain


def test_documents_are_named_by_short_name_and_title(catalog_checked, bundled_catalog):
    summary = render_text(catalog_checked, titles=bundled_catalog.documents).split("\n\n")[-1]
    assert "  001 08.4.2-涌现产生的核心条件与机制: holds" in summary
    assert "_a65c2cb70b31d20c" not in summary
    assert document_label("mine.md", {}) == "mine.md" and document_label("x_y.txt", {"x_y.txt": "T"}) == "x T"


def test_document_titles_occur_in_their_documents(bundled_catalog):
    seeds = REPO.parent.parent / "shared" / "seeds"
    if not seeds.is_dir():
        seeds = REPO / "tests" / "data" / "seeds"
    assert len(bundled_catalog.documents) == 5
    for name, title in bundled_catalog.documents.items():
        text = (seeds / name).read_text(encoding="utf-8")
        assert title in text.splitlines()[0] or title in text, name


def test_report_titles_are_the_catalogs_document_tables(bundled_catalog):
    """One source of titles: the report reads the [[document]] tables that check reads (theorems/documents.toml)."""
    from formal_emergence.report.context import document_titles
    assert document_titles() == bundled_catalog.documents and len(bundled_catalog.documents) == 5
    assert not (REPO / "formal_emergence" / "data" / "documents.toml").exists()


def test_streamed_off_a_terminal_and_the_quick_start_manners():
    """A pipe as stdout: the first assertion line arrives while the run is still going (two documents)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "formal_emergence", "check", "--no-cache", "--no-config",
                             "--document", "001", "--document", "002"], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        assert ready, "no status line"
        reading = proc.stdout.readline()
        status_at = time.monotonic() - start
        assert reading == cli.reading_line([])
        status = proc.stdout.readline()
        assert status.startswith("formal-emergence: checking ") and "2 documents" in status
        ready, _, _ = select.select([proc.stdout], [], [], 60)
        assert ready, "nothing on stdout"
        first = proc.stdout.readline()
        assert first.split(" ")[0] in ("holds", "holds-if", "fails", "undecided", "informal"), first
        assert proc.poll() is None, "the run ended before its first line was read: not streamed"
        assert status_at < 30  # about 1 s on an idle machine (0.9 s of CPU); the margin is for a loaded runner
    finally:
        proc.kill()
        proc.communicate()


#: Run in a child: the CLI's entry point with a stdout that records, at its first write, which modules are loaded.
FIRST_WRITE_PROBE = """
import sys
class Probe:
    def __init__(self, stream):
        self.stream, self.loaded = stream, None
    def write(self, text):
        if self.loaded is None:
            self.loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('sympy', 'z3', 'mpmath', 'numpy')
                                 or m.startswith(('formal_emergence.parse', 'formal_emergence.engine.',
                                                  'formal_emergence.model.claim', 'formal_emergence.report'))
                                 and m != 'formal_emergence.engine.options')
            sys.stderr.write('loaded at the first line: ' + ' '.join(self.loaded) + '\\n')
        return self.stream.write(text)
    def __getattr__(self, name):
        return getattr(self.stream, name)
sys.stdout = Probe(sys.stdout)
from formal_emergence.cli import main
main(sys.argv[1:])
"""


def test_quick_start_says_what_it_does_before_loading_anything(write_claims, claim_toml):
    """The first line of ``check`` is written before the claim parsers, the catalog and the engines are loaded
    (they take about a second of CPU; the line, a tenth of that), so it comes within 2 s even on a loaded machine."""
    path = write_claims(claim_toml("q.first", 'symbols = { N = "positive" }\nshow = "N + 1 > N"'))
    proc = subprocess.run([sys.executable, "-c", FIRST_WRITE_PROBE, "check", "--no-cache", "--no-config",
                           "--claim", "q.nope", str(path)], cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                          capture_output=True, text=True, timeout=120)
    assert proc.stdout == cli.reading_line([str(path)]), proc.stdout  # then the unknown id: exit 2
    assert proc.returncode == 2 and "unknown" in proc.stderr
    (probe,) = [line for line in proc.stderr.splitlines() if line.startswith("loaded at the first line:")]
    assert probe == "loaded at the first line: ", probe


def test_quick_start_ends_with_summary_and_next_hint(cli_run, write_claims, claim_toml):
    path = write_claims(claim_toml("q.one", 'symbols = { N = "positive" }\nshow = "N + 1 > N"'))
    code, out, err = cli_run(["check", "--no-cache", str(path)])
    lines = out.splitlines()
    assert code == 0 and lines[0] == f"formal-emergence: reading the claims of {path}"
    assert lines[1] == "formal-emergence: checking 1 assertion and 0 lemmas of 1 document"
    assert lines[2].startswith("holds      q.one  ")
    assert lines[-1].startswith("next: 'formal-emergence show ID'") and "1 assertion:" in out and err == ""
