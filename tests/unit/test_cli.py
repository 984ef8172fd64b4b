"""The command-line interface, run in-process through formal_emergence.cli.run."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from formal_emergence.cli import reading_line
from formal_emergence.model.verdict import Verdict

#: The toolkit's worked example of a weakest condition: the reading of 001's theorem with 000 §3.1's model, an
#: alternative since catalog review 12, F3 (the counted primary reads P(Emergence) as undefined: informal).
ASSERTION = "001.critical-point.sufficiency"
CLAIM = ASSERTION + "/phase-model"
#: A counted holds-if assertion of the same shape (monotone in N, the boundary limit at N_c: eps < 1 - exp(-1)),
#: for what acts on assertion verdicts (--fail-on, the one line per assertion).
COUNTED = "000.validity.step2"


@pytest.fixture(scope="module")
def claim_json():
    """``check --claim CLAIM --format json``, run once for the module."""
    from formal_emergence import cli
    import io
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(["check", "--claim", CLAIM, "--format", "json"], out, err)
    return code, out.getvalue(), err.getvalue()


def test_list(cli_run, bundled_catalog):
    code, out, err = cli_run(["list"])
    assert code == 0 and err == ""
    lines = out.splitlines()
    ids = [line.split("\t")[0] for line in lines[:-1]]
    assert ids == [c.id for c in bundled_catalog.claims]
    assert lines[-1] == f"{len(bundled_catalog.claims)} claims, {len(bundled_catalog.definitions)} definitions"


def test_check_json_document(claim_json):
    code, out, err = claim_json
    assert code == 0, err
    doc = json.loads(out)
    tool = doc["tool"]
    for key in ("name", "version", "sympy", "z3", "mpmath"):
        assert isinstance(tool[key], str) and tool[key], key
    assert tool["name"] == "formal_emergence"
    import mpmath
    import sympy
    import z3
    assert tool["sympy"] == sympy.__version__ and tool["mpmath"] == mpmath.__version__
    assert tool["z3"] == z3.get_version_string()
    assert doc["options"]["dps"] == 30
    # one assertion selected; its records are its readings (primary and alternatives) and its lemmas
    assert [a["id"] for a in doc["assertions"]] == [ASSERTION]
    ids = [c["id"] for c in doc["claims"]]
    assert ASSERTION in ids and CLAIM in ids and ids == sorted(ids)
    lemmas = {x["id"] for x in doc["lemmas"]}
    assert all(i == ASSERTION or i.startswith(ASSERTION + "/") or i in lemmas for i in ids)


def test_check_json_claim_record(claim_json):
    claim = next(c for c in json.loads(claim_json[1])["claims"] if c["id"] == CLAIM)
    for key in ("document", "section", "quote"):
        assert claim["source"][key].strip()
    assert claim["statement"]["text"] and claim["statement"]["latex"]
    assert claim["verdict"] in {v.value for v in Verdict}
    assert claim["reason"]
    for key in ("condition", "counterexample", "evidence"):
        assert key in claim
    assert claim["verdict"] == "holds-if"
    assert claim["condition"]["text"] == "eps <= 1 - exp(-1)"
    assert set(claim["counterexample"]["values"]) >= {"eps"}
    assert claim["evidence"] and all("engine" in e and "outcome" in e for e in claim["evidence"])


def test_check_json_summary(claim_json):
    doc = json.loads(claim_json[1])
    summary = doc["summary"]
    assert doc["schema_version"] == 3
    assert summary["total"] == len(doc["assertions"])
    assert sum(summary["by_verdict"].values()) == summary["total"]
    assert set(summary["by_verdict"]) == {v.value for v in Verdict} | {"not_run"}
    for doc_name, counts in summary["by_document"].items():
        assert sum(v for k, v in counts.items() if k != "total") == counts["total"]


def test_check_json_several_claims_sorted(cli_run, bundled_catalog):
    with_lemmas = {x.bears_on for x in bundled_catalog.lemmas}
    ids = [a.id for a in bundled_catalog.assertions
           if a.id.startswith("001.") and not a.alternatives and a.id not in with_lemmas][:3]
    if len(ids) < 2:
        pytest.skip("needs two claims of document 001")
    argv = ["check", "--format", "json"]
    for i in reversed(ids):
        argv += ["--claim", i]
    code, out, err = cli_run(argv)
    assert code == 0, err
    doc = json.loads(out)
    got = [c["id"] for c in doc["claims"]]
    assert got == sorted(ids)
    assert sum(doc["summary"]["by_verdict"].values()) == doc["summary"]["total"] == len(ids)


def test_fail_on(cli_run):
    code, out, _ = cli_run(["check", "--claim", COUNTED, "--fail-on", "holds-if"])
    assert code == 1
    assert COUNTED in out and "holds-if" in out
    code, _, _ = cli_run(["check", "--claim", COUNTED, "--fail-on", "undecided"])
    assert code == 0
    code, _, _ = cli_run(["check", "--claim", COUNTED, "--fail-on", "fails, holds-if"])
    assert code == 1


@pytest.mark.parametrize(("argv", "key", "fragment"), [
    (["check", "--claim", "001.critical-point.sufficency"], "--claim", "did you mean '001.critical-point.sufficiency'?"),
    (["check", "--dps", "5"], "--dps", "--dps 5"),
    (["check", "--rlimit", "5"], "--rlimit", "--rlimit 5"),
    (["check", "--jobs", "0"], "--jobs", "--jobs 0 (between 1 and 64)"),  # 0 was read as the default 1 (adv8 F18)
    (["check", "--jobs", "-2"], "--jobs", "--jobs -2 (between 1 and 64)"),
    (["check", "--jobs", "65"], "--jobs", "--jobs 65 (between 1 and 64)"),
    (["report", "--jobs", "0"], "--jobs", "--jobs 0 (between 1 and 64)"),
    (["check", "--fail-on", "bogus"], "--fail-on", "unknown verdict 'bogus'"),
    (["check", "--document", "999"], "--document", "unknown document '999'"),
    (["check", "--format", "yaml"], None, "invalid choice"),
    (["frobnicate"], None, "invalid choice"),
    ([], None, "required"),
    (["show", "no.such.claim"], "ID", "unknown claim id"),
])
def test_user_errors_exit_2(cli_run, located, argv, key, fragment):
    code, out, err = cli_run(argv)
    assert code == 2
    # an unknown id is found once the catalog is read, after check's first line; a bad option before it
    assert out == (reading_line([]) if key in ("--claim", "--document") else "")
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1
    m = located.match(lines[0])
    assert m, lines[0]
    assert m.group("file") == "<argv>" and m.group("key") == key
    assert fragment in lines[0]


def test_missing_claim_file_exit_2(cli_run, located, tmp_path):
    code, _, err = cli_run(["check", str(tmp_path / "missing.toml")])
    assert code == 2 and located.match(err.strip())


def test_document_filter(cli_run, bundled_catalog):
    """--document keeps only the claims of matching documents (checked on a two-claim selection to stay fast)."""
    with_lemmas = {x.bears_on for x in bundled_catalog.lemmas}
    single = [a for a in bundled_catalog.assertions if not a.alternatives and a.id not in with_lemmas]
    inside = next(a for a in single if a.document.startswith("001"))
    outside = next((a for a in single if not a.document.startswith("001")), None)
    if outside is None:
        pytest.skip("the catalog has claims of document 001 only")
    argv = ["check", "--claim", outside.id, "--claim", inside.id, "--format", "json"]
    code, out, err = cli_run(argv + ["--document", "001"])
    assert code == 0, err
    doc = json.loads(out)
    assert [c["id"] for c in doc["claims"]] == [inside.id]
    assert list(doc["summary"]["by_document"]) == [inside.document]
    code, out, _ = cli_run(argv + ["--document", outside.document])
    assert [c["id"] for c in json.loads(out)["claims"]] == [outside.id]


def test_text_output_and_output_file(cli_run, tmp_path):
    target = tmp_path / "out.txt"
    code, out, _ = cli_run(["check", "--claim", COUNTED, "-o", str(target)])
    assert code == 0 and out == ""
    text = target.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith(f"holds-if   {COUNTED}  ")  # verdict, id, the first sentence of the reason
    assert all(len(line) <= 100 for line in text.splitlines())  # wrapped: not a terminal, so 100 columns
    assert "1 assertion:" in text


#: A holds-if claim that checks in about a second (``show`` reads no result cache; ASSERTION takes about 15 s).
SHOWN = "000.emergence-point.verification-supports-theorem"


def test_show(cli_run):
    code, out, err = cli_run(["show", SHOWN])
    assert code == 0, err
    assert out.startswith(f"assertion {SHOWN}:") and f"\n{SHOWN}: " in out   # the assertion, then its primary reading
    assert "verdict   : holds-if" in out and "condition : eps >= 1/5" in out


def test_user_claim_file(cli_run, write_claims, claim_toml):
    path = write_claims(claim_toml("u.poly", 'symbols = { x = "real" }\nshow = "x**2 + 1 > 0"')
                        + claim_toml("u.bad", 'symbols = { x = "real" }\nshow = "x**2 > 1"'))
    code, out, err = cli_run(["check", str(path), "--format", "json", "--fail-on", "fails"])
    assert code == 1, err
    doc = json.loads(out)
    assert {c["id"]: c["verdict"] for c in doc["claims"]} == {"u.bad": "fails", "u.poly": "holds"}


def test_console_command_subprocess(tmp_path):
    env = dict(os.environ)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run([sys.executable, "-m", "formal_emergence", "list"], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.rstrip().endswith("definitions")
    assert "Traceback" not in proc.stderr
