"""Shared fixtures and helpers for the formal_emergence test suite.

Helpers here never compute verdicts: they only write claim files, load them through the
package's own loader, and run the CLI in-process.
"""

from __future__ import annotations

import fcntl
import io
import os
import re
import tempfile
import textwrap
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import settings as _hypothesis_settings

# Property tests draw the same examples on every run (the fixed-seed standard): no random seed, no example
# database carried between runs.
_hypothesis_settings.register_profile("formal_emergence", derandomize=True, database=None)
_hypothesis_settings.load_profile("formal_emergence")

from formal_emergence.parse.claimfile import Catalog, load_catalog
from batch_runner import processes_per_test_worker  # tests/ is on sys.path (the folder of this conftest)


def _test_cache_home() -> str:
    """The result cache of this test run, out of the user's ~/.cache (subprocesses started by tests inherit it).

    Under pytest-xdist every worker of one run uses the same directory (named by the run's id), so a result
    one worker computed is a hit in the others, as it would be later in a serial run. The cache writes each
    entry atomically (``os.replace``), so workers may share it."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if not run:
        return tempfile.mkdtemp(prefix="fe-test-cache-")
    path = Path(tempfile.gettempdir()) / f"fe-test-cache-{run}"
    path.mkdir(exist_ok=True)
    return str(path)


os.environ["XDG_CACHE_HOME"] = _test_cache_home()

# glibc's malloc keeps z3's memory for the next query, as ``cli.main`` has it for the command line (the tests run
# the CLI in-process through ``cli.run``): each z3 query otherwise faults its context's 16 MB in again (about 12 ms
# of system CPU; benchmarks/runs.md). Only where the memory comes from changes, never a result.
from formal_emergence.cli import keep_z3_memory

keep_z3_memory()

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "formal_emergence"

#: ``path:line:col: key: found (hint)`` (``path: key: ...`` for argv), the located form of every user error.
LOCATED = re.compile(r"^(?P<file>.+?)(?::(?P<line>\d+):(?P<col>\d+))?: (?:(?P<key>\S+): )?(?P<found>.+?)(?: \((?P<hint>.+)\))?(?: \[(?P<note>[^\]]+)\])?$")

#: A ``source = {...}`` line accepted by the loader, for claims written in tests.
SOURCE = 'source = { document = "test_doc.txt", section = "Section 1", quote = "a verbatim quote" }'


#: The count that closes the user errors of a run: ``3 errors in 2 files``.
ERROR_COUNT = re.compile(r"\d+ errors? in \d+ files?")


def message_lines(err: str) -> list[str]:
    """The located message lines of stderr: without the source and caret lines under them or the error count."""
    return [line for line in err.splitlines() if not line.startswith("    ") and not ERROR_COUNT.fullmatch(line)]


def _claim_toml(claim_id: str, body: str, *, kind: str = "theorem", title: str = "test claim",
               undefined: str = "") -> str:
    """One ``[[claim]]`` table with the mandatory keys filled in; ``body`` adds the rest."""
    text = (f'[[claim]]\nid = "{claim_id}"\ntitle = "{title}"\nkind = "{kind}"\n{SOURCE}\n'
            + textwrap.dedent(body).strip() + "\n")
    if undefined:
        text += "[claim.undefined]\n" + textwrap.dedent(undefined).strip() + "\n"
    return text


@pytest.fixture()
def write_claims(tmp_path: Path) -> Callable[..., Path]:
    """``write_claims(text, name="claims.toml")`` writes a claim file under tmp_path and returns its path."""

    def write(text: str, name: str = "claims.toml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture()
def load_claims(write_claims) -> Callable[..., Catalog]:
    """``load_claims(text)`` writes the text to a file and loads it with ``load_catalog``."""

    def load(text: str, name: str = "claims.toml") -> Catalog:
        return load_catalog([write_claims(text, name)])

    return load


@pytest.fixture(scope="session")
def bundled_catalog() -> Catalog:
    """The bundled catalog (theorems/), loaded once per session."""
    return load_catalog(None)


def _run_cli(argv: list[str]) -> tuple[object, str, str]:
    """Run ``formal_emergence.cli.run`` in-process; return (exit code, stdout, stderr).

    An exception escaping ``run`` is returned as the exit code ``"raised <Type>"`` so that a
    test asserting the code fails with a short message instead of a huge traceback.
    """
    from formal_emergence import cli
    out, err = io.StringIO(), io.StringIO()
    try:
        code: object = cli.run(argv, out, err)
    except BaseException as exc:  # noqa: BLE001 - SystemExit, RecursionError, ... all count as escapes
        code = f"raised {type(exc).__name__}: {str(exc)[:200]}"
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="session")
def claim_toml() -> Callable[..., str]:
    """``claim_toml(id, body, kind=..., undefined=...)``: one claim table as TOML text."""
    return _claim_toml


@pytest.fixture(scope="session")
def cli_run() -> Callable[[list[str]], tuple[object, str, str]]:
    """``cli_run(argv)`` -> (exit code, stdout, stderr), the CLI run in-process."""
    return _run_cli


@pytest.fixture(scope="session")
def located() -> re.Pattern:
    """The regex of a located user error ``path:line:col: key: found (hint)`` (``path: key: ...`` for argv)."""
    return LOCATED


def _exact_eval(text: str, env: dict):
    """Evaluate claim text exactly with Fractions in plain Python, independently of the package.

    Supports numbers (read exactly), names from ``env``, ``+ - * /``, ``**`` with an integer
    exponent, unary minus, comparison chains, ``and``/``or``/``not``. The text is only parsed
    into a syntax tree (``ast.parse``), never executed.
    """
    import ast
    from fractions import Fraction

    def ev(node):
        match node:
            case ast.Constant(value=bool(v)):
                return v
            case ast.Constant(value=int() | float()):
                return Fraction(ast.get_source_segment(text, node))
            case ast.Name(id="true"):
                return True
            case ast.Name(id="false"):
                return False
            case ast.Name(id=name):
                return Fraction(env[name])
            case ast.UnaryOp(op=ast.USub(), operand=o):
                return -ev(o)
            case ast.UnaryOp(op=ast.UAdd(), operand=o):
                return ev(o)
            case ast.UnaryOp(op=ast.Not(), operand=o):
                return not ev(o)
            case ast.BinOp(left=l, op=op, right=r):
                a, b = ev(l), ev(r)
                if isinstance(op, ast.Pow):
                    assert b.denominator == 1, "only integer powers"
                    return a ** int(b)
                return {ast.Add: lambda: a + b, ast.Sub: lambda: a - b, ast.Mult: lambda: a * b,
                        ast.Div: lambda: a / b}[type(op)]()
            case ast.BoolOp(op=ast.And(), values=vs):
                return all(ev(v) for v in vs)
            case ast.BoolOp(op=ast.Or(), values=vs):
                return any(ev(v) for v in vs)
            case ast.Compare(left=l, ops=ops, comparators=rs):
                left = ev(l)
                for op, r in zip(ops, rs):
                    right = ev(r)
                    ok = {ast.Lt: left < right, ast.LtE: left <= right, ast.Gt: left > right,
                          ast.GtE: left >= right, ast.Eq: left == right, ast.NotEq: left != right}[type(op)]
                    if not ok:
                        return False
                    left = right
                return True
        raise AssertionError(f"unsupported in the test evaluator: {ast.dump(node)}")

    return ev(ast.parse(text.strip(), mode="eval").body)


@pytest.fixture(scope="session")
def exact_eval() -> Callable:
    """``exact_eval(text, env)``: the claim text evaluated exactly with Fractions (see ``_exact_eval``)."""
    return _exact_eval


@pytest.fixture(scope="session")
def catalog_checked(tmp_path_factory):
    """The whole bundled catalog checked once per test session (shared by the golden and report tests).

    Under pytest-xdist the first worker that needs it checks the catalog while holding a lock, into the run's
    shared result cache; a worker that needs it later waits for the lock and then reads the same results from
    that cache (the cache gives back exactly the computed results: tests/unit/test_runner.py)."""
    from formal_emergence.engine.assertions import check_catalog
    from formal_emergence.engine.check import CheckOptions
    from formal_emergence.engine.runner import Execution, ResultCache, default_cache_dir, make_executor
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's base directory, above each worker's own
    with open(shared / "catalog_checked.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        # Two processes, as `check --jobs 2` (the same bytes as a serial run, test_runner.py); one in a
        # pytest-xdist worker, whose neighbour keeps the other core busy (tests/batch_runner.py).
        executor = make_executor(processes_per_test_worker())
        try:
            return check_catalog(load_catalog(None), CheckOptions(),
                                 execution=Execution(executor=executor, cache=ResultCache(default_cache_dir())))
        finally:
            if executor is not None:
                executor.shutdown()
            # Unlocked explicitly: the SymPy worker forked during the check inherits this descriptor, and
            # closing ours would leave the lock held for as long as that worker lives (the other xdist
            # worker then waits forever).
            fcntl.flock(lock, fcntl.LOCK_UN)


#: Test files in order of their measured cost, largest first (benchmarks/suite.md: the per-test CPU of session 13's
#: run, after its cuts). pytest-xdist hands out files in collection order, so the long ones start first and the short
#: ones fill the gaps at the end. The golden tests are not listed: they read ``catalog_checked``, which the report
#: worker computes at its start, so they come after these, when the catalog is in the run's cache (so do the unit
#: files that read it: test_messages, test_lemmas, test_section_consistency).
LONGEST_FIRST = (
    "tests/report/",
    "tests/regression/soundness/test_soundness_semantics.py",
    "tests/regression/soundness/test_soundness_budget.py",
    "tests/fuzz/test_differential.py",
    "tests/regression/soundness/test_soundness_inputs.py",
    "tests/tutorials/test_notebooks.py",
    "tests/unit/test_snippet_claims.py",
    "tests/regression/soundness/test_soundness_budget_backstop.py",
    "tests/unit/test_piecewise_calculus.py",
    "tests/unit/test_properties.py",
    "tests/unit/test_deterministic_budgets.py",
    "tests/unit/test_budget_accounting.py",
    "tests/unit/test_conditions.py",
    "tests/unit/test_claimfile.py",
    "tests/unit/test_catalog_deferred.py",
    "tests/unit/test_engine.py",
    "tests/robustness/test_cli_failures.py",
    "tests/robustness/test_budgets.py",
    "tests/security/test_hostile.py",
    "tests/robustness/test_determinism.py",
    "tests/unit/test_cli.py",
    "tests/property/test_agreement.py",
    "tests/unit/test_ci_formats.py",
    "tests/unit/test_assertions.py",
    "tests/unit/test_definedness.py",
    "tests/unit/test_evaluate_rigour.py",
    "tests/robustness/test_malformed_fuzz.py",
)

#: Folders whose files run in one pytest-xdist worker: they share expensive session fixtures (the report
#: fixtures check the fixture claims and render each site once per worker).
SAME_WORKER = ("tests/report/",)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist, the longest files first (each worker collects, and all must agree on the order)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return

    def rank(item) -> int:
        path = Path(str(item.path)).resolve().relative_to(REPO).as_posix()
        return next((i for i, p in enumerate(LONGEST_FIRST) if path.startswith(p)), len(LONGEST_FIRST))

    items.sort(key=rank)  # stable: the order within a file is kept


@pytest.hookimpl(optionalhook=True, tryfirst=True)
def pytest_xdist_make_scheduler(config, log):
    """``--dist loadfile`` (pyproject.toml): each test file in one worker, so module and session fixtures are
    computed once, and the files of a ``SAME_WORKER`` folder all in the same worker."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class ByFileAndFolder(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = super()._split_scope(nodeid)
            return next((p for p in SAME_WORKER if path.startswith(p)), path)

    return ByFileAndFolder(config, log)
