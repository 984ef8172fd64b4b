"""Command-line interface: ``formal-emergence check|list|show|explain|report|consistency``.

Exit codes: 0 when the run completes; 1 under ``--fail-on`` when an assertion
got one of the listed verdicts (lemmas never count); 2 on a user error (bad
file, unknown id, bad option, an output that cannot be written), reported as
``file: key: column: found (hint)`` without a traceback; 3 on an internal
error (a bug of ours: one line that names the claim and asks for a report);
130 when interrupted with Ctrl-C (the results so far are printed first).
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import stat
import sys
from typing import TYPE_CHECKING, Sequence, TextIO

from .config import RANGES
from .engine.options import CheckOptions
from .errors import CheckInterrupted, InternalError, UserInputError, UserInputErrors
from .textsafe import inert

if TYPE_CHECKING:
    from .model.verdict import Verdict
    from .parse.claimfile import Catalog

# One BLAS thread unless the user chose otherwise, set before numpy is first imported: the simulations' small
# matrix products gain nothing from more, and OpenBLAS's waiting threads spent about 15 times the CPU of the
# product itself on the 2-core machine (random_cosine of 000.high-dim.almost-orthogonal: 1.5-1.9 CPU s against
# 0.1 s, bit-identical results; benchmarks/runs.md).
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
del _var

EXIT_OK, EXIT_FAIL_ON, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
MAX_SEED = 2**32 - 1
REPORT_BUGS = "please report it with the claim file to the formal_emergence maintainers"


class _Output:
    """A text stream whose failures (closed, full, broken pipe, unencodable text) are user errors.

    Text the stream's encoding cannot hold (``LANG=C``) is written with backslash escapes.
    """

    def __init__(self, stream: TextIO | None, name: str = "<stdout>"):
        self.stream, self.name = stream, name

    def write(self, text: str) -> None:
        if self.stream is None or getattr(self.stream, "closed", False):
            raise UserInputError("standard output is closed", file=self.name, hint="redirect it to a file or pass -o")
        try:
            try:
                self.stream.write(text)
            except UnicodeEncodeError:
                enc = getattr(self.stream, "encoding", None) or "ascii"
                self.stream.write(text.encode(enc, "backslashreplace").decode(enc))
            self.stream.flush()
        except BrokenPipeError:
            raise UserInputError("broken pipe: the reader closed the output early", file=self.name) from None
        except OSError as exc:
            raise UserInputError(f"cannot write: {exc.strerror or exc}", file=self.name,
                                 hint="check the disk and the redirection") from None

    def isatty(self) -> bool:
        try:
            return bool(self.stream is not None and self.stream.isatty())
        except (ValueError, OSError):
            return False

    def __getattr__(self, name):  # flush, encoding, ... of the wrapped stream
        return getattr(self.stream, name)


def _say(stderr: TextIO | None, line: str) -> None:
    """Write one diagnostic line to stderr; a closed or broken stderr is ignored (there is nowhere else)."""
    try:
        if stderr is not None:
            try:
                stderr.write(line + "\n")
            except UnicodeEncodeError:
                stderr.write(inert(line).encode("ascii", "backslashreplace").decode("ascii") + "\n")
            stderr.flush()
    except (OSError, ValueError):
        pass


class _HelpShown(Exception):
    """--help was given; the help text has been written."""


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, stream: TextIO | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.stream = stream

    def error(self, message: str) -> None:  # argparse would exit with its own format
        raise UserInputError(message, file="<argv>", hint="see --help")

    def exit(self, status: int = 0, message: str | None = None) -> None:  # --help, --version
        if message:
            (self.stream or sys.stdout).write(message)
        raise _HelpShown()

    def print_help(self, file: TextIO | None = None) -> None:
        super().print_help(file or self.stream)

    def _print_message(self, message: str, file: TextIO | None = None) -> None:  # --version writes here
        if message:
            (self.stream or sys.stdout).write(message)

def _add_run_options(p) -> None:
    """How to run the checks (never what they answer): parallel jobs, a Dask cluster, the result cache."""
    p.add_argument("--jobs", type=int, default=None, metavar="N", help="check in N local processes (1..64, default 1)")
    p.add_argument("--dask-scheduler", default="", metavar="ADDRESS",
                   help="check on a Dask distributed cluster (needs the 'dask' extra)")
    p.add_argument("--no-cache", action="store_true",
                   help="do not read or write the result cache ($XDG_CACHE_HOME/formal_emergence)")


def _jobs(args) -> int:
    """``--jobs`` (1 when not given); 0 and negative counts are refused, never read as the default."""
    jobs = getattr(args, "jobs", None)
    if jobs is None:
        return 1
    low, high = RANGES["jobs"]
    if not low <= jobs <= high:
        raise UserInputError(f"--jobs {jobs}", file="<argv>", key="--jobs", hint=f"between {low} and {high}")
    return jobs


def _execution(args):
    """The ``engine.runner.Execution`` for ``args``; the caller shuts its executor down."""
    from .engine.runner import Execution, ResultCache, default_cache_dir, make_executor
    jobs = _jobs(args)
    cache = None if getattr(args, "no_cache", True) else ResultCache(default_cache_dir())
    return Execution(make_executor(jobs, getattr(args, "dask_scheduler", "")), cache)


def load_catalog(paths):
    """``parse.claimfile.load_catalog`` (imported on first use: the parsers cost a third of a second)."""
    from .parse.claimfile import load_catalog as load
    return load(paths)


def _shutdown(execution) -> None:
    if execution is not None and execution.executor is not None:
        execution.executor.shutdown()


def build_parser(stream: TextIO | None = None) -> argparse.ArgumentParser:
    """The argument parser; help text goes to ``stream`` (stdout when None)."""
    from . import __version__
    p = _Parser(prog="formal-emergence", description="Check the mathematical claims of documents and say, with "
                                                      "evidence, which hold (see README.md).",
                epilog="exit codes: 0 run completed, 1 --fail-on matched, 2 user error, 3 internal error, "
                       "130 interrupted", stream=stream)
    p.add_argument("--version", action="version", version=f"formal-emergence {__version__}")
    sub = p.add_subparsers(dest="command", required=True,
                           parser_class=lambda **kw: _Parser(stream=stream, **kw))
    c = sub.add_parser("check", help="check claims and print verdicts")
    c.add_argument("paths", nargs="*", help="claim files or directories (default: the bundled claims)")
    c.add_argument("--claim", action="append", default=[], metavar="ID",
                   help="check only this assertion, reading or lemma (repeatable)")
    c.add_argument("--document", action="append", default=[], metavar="DOC",
                   help="check only claims from this seed document (file name or prefix, e.g. 001)")
    c.add_argument("--format", "--output-format", dest="format", default=None,
                   choices=("text", "json", "github", "sarif", "junit"),
                   help="text (default), json, or a CI format: github annotations, sarif 2.1.0, junit xml")
    c.add_argument("--dps", type=int, default=None, help="decimal digits for mpmath checks (30..1000, default 30)")
    c.add_argument("--rlimit", type=int, default=CheckOptions.rlimit,
                   help="z3 resource budget of one claim, shared by its solver calls")
    c.add_argument("--seed", type=int, default=0, help="seed for z3 and the numeric search")
    c.add_argument("--fail-on", default=None, metavar="VERDICT,...",
                   help="exit 1 when some assertion (never a lemma) gets one of these verdicts; 'not-run' names "
                        "the assertions whose snippet was not run (without --run-snippets; they are not "
                        "'undecided'); with --baseline, only assertions whose verdict differs from the baseline "
                        "count")
    c.add_argument("-o", "--output", default=None, help="write the output to this file")
    c.add_argument("--baseline", default=None, metavar="FILE",
                   help="compare with the verdicts stored in FILE: changes are listed on stderr")
    c.add_argument("--write-baseline", default=None, metavar="FILE",
                   help="store every assertion's verdict in FILE (accept the known verdicts)")
    c.add_argument("--no-config", action="store_true",
                   help="ignore [tool.formal-emergence] in the nearest pyproject.toml")
    c.add_argument("-q", "--quiet", action="store_true",
                   help="text output: only the assertions that fail, hold only if, or are undecided, then the summary")
    c.add_argument("-v", "--verbose", action="store_true",
                   help="text output: the full reasons, and each assertion's alternative readings and lemmas")
    c.add_argument("--color", "--colour", dest="color", choices=("auto", "always", "never"), default="auto",
                   help="colour the verdicts in text output (auto: on a terminal, unless NO_COLOR is set)")
    _add_run_options(c)
    c.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                   help="progress bar on stderr (auto: only in an interactive terminal)")
    _snippet_arguments(c)
    ls = sub.add_parser("list", help="list claims")
    ls.add_argument("paths", nargs="*")
    ls.add_argument("--coverage", action="store_true", help="show per-document coverage of formula passages")
    ls.add_argument("--seeds", default=None, help="directory of the seed documents (for --coverage)")
    sh = sub.add_parser("show", help="show one assertion (all readings and lemmas), reading or lemma with its "
                                     "verdict and evidence")
    sh.add_argument("id", metavar="ID")
    sh.add_argument("paths", nargs="*", default=[], help="claim files or directories (default: the bundled claims)")
    sh.add_argument("--dps", type=int, default=30, help="decimal digits for mpmath checks (30..1000)")
    sh.add_argument("--no-cache", action="store_true",
                    help="do not read or write the result cache ($XDG_CACHE_HOME/formal_emergence)")
    _snippet_arguments(sh)
    ex = sub.add_parser("explain", help="explain one claim step by step, for teaching")
    ex.add_argument("id", metavar="ID")
    ex.add_argument("paths", nargs="*", default=[], help="claim files or directories (default: the bundled claims)")
    ex.add_argument("--dps", type=int, default=30, help="decimal digits for mpmath checks (30..1000)")
    ex.add_argument("--no-cache", action="store_true", default=True,
                    help="accepted as for check and show; explain always checks afresh and never uses the cache")
    ex.add_argument("--level", choices=("expert", "student"), default="expert",
                    help="student: plain words, no engine budgets or internal names, terms defined on first use")
    cy = sub.add_parser("consistency", help="print the cross-document table of quantities ([[quantity]] tables)")
    cy.add_argument("paths", nargs="*", help="claim files with [[quantity]] tables (default: the bundled ones)")
    rf = sub.add_parser("refs", help="list or search the literature reference values, with their sources")
    rf.add_argument("query", nargs="*", help="words that must all occur (id, quantity, source, note)")
    rf.add_argument("--format", choices=("text", "json"), default="text")
    rf.add_argument("--literature", default=None, metavar="FILE",
                    help="read the values from FILE (the format of formal_emergence/data/literature.toml) and "
                         "validate it, instead of the packaged values")
    rp = sub.add_parser("report", help="write a report: static HTML site, Markdown, LaTeX or JSON (docs/reports.md)")
    rp.add_argument("paths", nargs="*", help="claim files or directories (default: the bundled claims)")
    rp.add_argument("--format", choices=("html", "markdown", "latex", "json"), default="html")
    rp.add_argument("-o", "--output", default="report-out", metavar="DIR", help="output directory (default report-out)")
    rp.add_argument("--claim", action="append", default=[], metavar="ID", help="report only this claim (repeatable)")
    rp.add_argument("--document", action="append", default=[], metavar="DOC",
                    help="report only claims from this seed document (file name or prefix, e.g. 001)")
    rp.add_argument("--dps", type=int, default=30, help="decimal digits for mpmath checks (30..1000)")
    rp.add_argument("--from", dest="from_json", default=None, metavar="CHECK_JSON",
                    help="render the results in this check --format json output instead of checking "
                         "(PATH ... must be the claim files it was made from)")
    _add_run_options(rp)
    rp.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                    help="progress bar on stderr (auto: only in an interactive terminal)")
    _snippet_arguments(rp)
    sn = sub.add_parser("snippets", help="list a document's code blocks: section, index, SHA-256 (docs/snippets.md)")
    sn.add_argument("document", help="document file name, e.g. 003_db2851241a79104d.txt, or a path to it")
    sn.add_argument("--seeds", default=None, metavar="DIR", help="directory of the documents")
    cs = sub.add_parser("consistent", help="can these statements hold together? a model, or a minimal conflict")
    cs.add_argument("paths", nargs="*", help="claim files or directories (default: the bundled claims)")
    cs.add_argument("--claims", default="", metavar="ID,...",
                    help="the statements to check together (default: every claim of the given files)")
    cs.add_argument("--for-all", default="", metavar="SYMBOL,...",
                    help="symbols quantified universally inside each statement (others are shared)")
    cs.add_argument("--dps", type=int, default=30, help="decimal digits for mpmath checks (30..1000)")
    cs.add_argument("--rlimit", type=int, default=CheckOptions.rlimit,
                    help="z3 resource budget of one claim, shared by its solver calls")
    _solve_arguments(sub.add_parser("solve", help="solve f(x) = c in closed form, proved; how it moves with a parameter"))
    _scan_arguments(sub.add_parser("scan", help="read Markdown/LaTeX documents: formulas parsed, decided, stubbed"))
    return p


def _solve_arguments(p) -> None:
    """The ``solve`` subcommand's options (here, so that building the parser imports no engine)."""
    p.add_argument("equation", help="the equation in the claim syntax, e.g. '1 - exp(-(N/N_c)**alpha) == q' "
                                    "(or LaTeX with --latex)")
    p.add_argument("--for", dest="var", required=True, metavar="SYMBOL", help="the unknown to solve for")
    p.add_argument("--symbols", required=True, metavar="NAME=DOMAIN,...",
                   help="every symbol with its domain, e.g. N=positive,N_c=positive,alpha=positive,q=unit")
    p.add_argument("--assume", action="append", default=[], metavar="STATEMENT", help="an extra hypothesis")
    p.add_argument("--parameter", default="", metavar="SYMBOL", help="also give d(solution)/d(SYMBOL) and its sign")
    p.add_argument("--compare", default="", metavar="FORMULA", help="a formula the document states for the solution")
    p.add_argument("--latex", action="store_true", help="the equation and formulas are LaTeX")


def _scan_arguments(p) -> None:
    """The ``scan`` subcommand's options (here, so that building the parser imports no parser of formulas)."""
    p.add_argument("paths", nargs="+", help="Markdown (.md, .txt) or LaTeX (.tex) files, or folders of them")
    p.add_argument("--format", choices=("text", "json", "html"), default="text")
    p.add_argument("-o", "--output", default=None, help="write the report to this file")
    p.add_argument("--stubs", default=None, metavar="DIR", help="write one claim file of stubs per document here")
    p.add_argument("--no-decide", action="store_true", help="parse only: do not run the engine on closed formulas")
    p.add_argument("--verbose", action="store_true", help="list every formula, not only the unparsed displays")


def _snippet_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("document code (docs/snippets.md)")
    g.add_argument("--run-snippets", action="store_true",
                   help="run the code blocks that claims cite, in the sandbox (default: never run document code)")
    g.add_argument("--seeds", default=None, metavar="DIR",
                   help="directory of the documents, to verify cited code blocks against their text")
    g.add_argument("--snippet-cache", default=None, metavar="DIR",
                   help="cache of executed snippets (default $XDG_CACHE_HOME/formal_emergence/snippets)")
    g.add_argument("--no-snippet-cache", action="store_true", help="neither read nor write the snippet cache")
    g.add_argument("--snippet-cpu", type=int, default=20, metavar="SECONDS",
                   help="CPU-time limit of one sandbox process (1..600, default 20)")


def _snippets(args, stdout: TextIO) -> int:
    from pathlib import Path
    from .coverage import find_documents
    from .parse.claimfile import bundled_theorems_dir
    from .snippets.blocks import locate_code
    path = Path(args.document)
    search = ((path.parent,) if path.parent != Path(".") else ()) + (bundled_theorems_dir(),)
    code = locate_code(path.name, search, find_documents(args.seeds))
    if code is None:
        raise UserInputError(f"no code found for {args.document!r}", file="<argv>", key="document",
                             hint="pass the document's path, or --seeds DIR with the document in it")
    stdout.write(f"{code.document}: {code.origin}; {code.verified}\n")
    for b in code.blocks:
        first = next((line.strip() for line in b.text.splitlines() if line.strip()), "")
        stdout.write(f"{b.section}\tblock {b.index}\t{b.sha256}\t{first[:60]}\n")
    return EXIT_OK


def _snippet_session(args):
    from dataclasses import replace
    from .coverage import find_documents
    from .parse.claimfile import bundled_theorems_dir
    from .snippets.claims import SnippetOptions, SnippetSession
    from .snippets.runner import Limits, snippet_cache_dir
    if not 1 <= args.snippet_cpu <= 600:
        raise UserInputError(f"--snippet-cpu {args.snippet_cpu}", file="<argv>", key="--snippet-cpu",
                             hint="between 1 and 600 seconds")
    seeds = find_documents(args.seeds)
    if args.seeds and seeds is None:
        raise UserInputError(f"no such directory {args.seeds!r}", file="<argv>", key="--seeds",
                             hint="the directory that holds the documents")
    cache = None if args.no_snippet_cache else snippet_cache_dir(args.snippet_cache)
    return SnippetSession(SnippetOptions(run=args.run_snippets, seeds=seeds, cache=cache,
                                         limits=replace(Limits(), cpu_seconds=args.snippet_cpu),
                                         search=(bundled_theorems_dir(),)))


#: The ``--fail-on`` name of the summary bucket of assertions whose snippet was not run (``Assertion.not_run``).
NOT_RUN = "not-run"


def _fail_on(text: str) -> set:
    """The verdicts ``--fail-on`` names, and ``NOT_RUN`` for the not-run bucket (not part of ``undecided``)."""
    from .model.verdict import Verdict
    out: set = set()
    for part in filter(None, (x.strip() for x in text.split(","))):
        if part.replace("_", "-") == NOT_RUN:
            out.add(NOT_RUN)
            continue
        try:
            out.add(Verdict.parse(part))
        except ValueError:
            raise UserInputError(f"unknown verdict {part!r}", file="<argv>", key="--fail-on",
                                 hint="one of " + ", ".join([*(v.value for v in Verdict), NOT_RUN])) from None
    return out


def _trips(assertion, fail_on: set) -> bool:
    return NOT_RUN in fail_on if assertion.not_run else assertion.verdict in fail_on


def _progress(mode: str, stderr: TextIO | None):
    interactive = stderr is not None and (mode == "always" or (mode == "auto" and _Output(stderr).isatty()))
    if not interactive:
        return None

    def show(i: int, n: int, claim_id: str) -> None:
        width = 30
        filled = width * i // max(n, 1)
        end = "\n" if i == n else ""
        try:
            stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {i}/{n} {inert(claim_id)[:40]:<40}{end}")
            stderr.flush()
        except (OSError, ValueError):  # a progress bar is never worth failing the run for
            pass

    return show


def run(argv: Sequence[str] | None, stdout: TextIO | None, stderr: TextIO | None) -> int:
    """Run the CLI with ``argv``, writing to the given streams; return the exit code."""
    out = _Output(stdout)
    try:
        args = build_parser(out).parse_args(list(argv) if argv is not None else None)
        if args.command == "check":
            return _check(args, out, stderr)
        if args.command == "list":
            return _list(args, out, stderr)
        if args.command == "show":
            return _show(args, out)
        if args.command == "explain":
            return _explain(args, out)
        if args.command == "report":
            return _report(args, out, stderr)
        if args.command == "snippets":
            return _snippets(args, out)
        if args.command == "consistent":
            return _consistent(args, out)
        if args.command == "solve":
            from .engine.solving import run_solve
            return run_solve(args, out)
        if args.command == "scan":
            from .scan import run_scan
            return run_scan(args, out)
        if args.command == "consistency":
            from .consistency import render_consistency
            out.write(render_consistency(load_catalog(args.paths or None)))
            return EXIT_OK
        if args.command == "refs":
            return _refs(args, out)
    except _HelpShown:
        return EXIT_OK
    except UserInputError as exc:
        _say(stderr, exc.format())
        if isinstance(exc, UserInputErrors) or exc.line:
            _say(stderr, (exc if isinstance(exc, UserInputErrors) else UserInputErrors([exc])).count_line())
        return EXIT_USAGE
    except (KeyboardInterrupt, CheckInterrupted):
        _say(stderr, "formal-emergence: interrupted")
        return EXIT_INTERRUPTED
    except InternalError as exc:
        _say(stderr, f"formal-emergence: internal error while checking claim {inert(exc.claim_id)}: "
                     f"{inert(exc)}; {REPORT_BUGS}")
        return EXIT_INTERNAL
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        _say(stderr, f"formal-emergence: internal error: {type(exc).__name__}: {inert(str(exc)[:300])}; "
                     f"{REPORT_BUGS}")
        return EXIT_INTERNAL
    return EXIT_USAGE


def _options(args):
    low, high = RANGES["dps"]
    if not low <= args.dps <= high:
        raise UserInputError(f"--dps {args.dps}", file="<argv>", key="--dps", hint=f"between {low} and {high}")
    rlimit = getattr(args, "rlimit", CheckOptions.rlimit)
    if not 1000 <= rlimit <= 10**10:
        raise UserInputError(f"--rlimit {rlimit}", file="<argv>", key="--rlimit", hint="between 1000 and 1e10")
    seed = getattr(args, "seed", 0)
    if not 0 <= seed <= MAX_SEED:
        raise UserInputError(f"--seed {seed}", file="<argv>", key="--seed", hint=f"between 0 and {MAX_SEED}")
    _jobs(args)  # refused before anything is read or printed
    for d in getattr(args, "document", ()):
        if not d.strip():
            raise UserInputError("empty document name", file="<argv>", key="--document",
                                 hint="a seed document file name or prefix, e.g. 001")
    return CheckOptions(dps=args.dps, seed=seed, rlimit=rlimit)


def _output_path(path: str | None) -> None:
    """Refuse an ``-o`` target that cannot be written, before any claim is checked."""
    if path is None:
        return

    def refuse(found: str, hint: str) -> UserInputError:
        return UserInputError(found, file="<argv>", key="--output", hint=hint)

    if not path:
        raise refuse("empty output path", "name a file")
    parent = os.path.dirname(os.path.abspath(path))
    for target, missing_ok in ((path, True), (parent, False)):
        try:
            st = os.stat(target)
        except FileNotFoundError:
            if missing_ok:
                continue
            raise refuse(f"directory {target} does not exist", "create it first") from None
        except OSError as exc:
            raise refuse(f"cannot use {target}: {exc.strerror or exc}",
                         "a name component over 255 bytes is too long" if exc.errno == errno.ENAMETOOLONG
                         else "check the path") from None
        if target == path and stat.S_ISDIR(st.st_mode):
            raise refuse(f"{path} is a directory", "name a file")
        if target == parent and not stat.S_ISDIR(st.st_mode):
            raise refuse(f"{parent} is not a directory", "name a file in an existing directory")


def _write_output(path: str | None, text: str, stdout: _Output) -> None:
    if path is None:
        stdout.write(text)
        return
    try:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise UserInputError(f"cannot write the output: {exc.strerror or exc}", file=path, key="--output",
                             hint="choose a writable regular file") from None


def _project_defaults(args) -> None:
    """Fill the ``check`` flags the user did not give from ``[tool.formal-emergence]``, then the built-in defaults."""
    from .config import load_project_config
    found = {} if args.no_config else load_project_config().values
    if not args.paths and found.get("paths"):
        args.paths = list(found["paths"])
    for attr, key, default in (("fail_on", "fail-on", ""), ("dps", "dps", 30), ("jobs", "jobs", 1),
                               ("format", "output-format", "text"), ("baseline", "baseline", None)):
        if getattr(args, attr) is None:
            setattr(args, attr, found.get(key, default))
    if found.get("run-snippets"):  # opt-in in the project file too; there is no flag to turn it off
        args.run_snippets = True


def _use_color(mode: str, stdout, output: str | None) -> bool:
    if mode != "auto":
        return mode == "always"
    return output is None and not os.environ.get("NO_COLOR") and _Output(stdout).isatty()


def _tool_versions(execution) -> dict:
    """The engines' names and versions, through the result cache when there is one (no engine import)."""
    from .engine.run import tool_versions
    cache = execution.cache if execution is not None else None
    return tool_versions() if cache is None else cache.tool_versions(tool_versions)


def _latex(execution):
    """SymPy's LaTeX printer for the statements the project's printer cannot print, through the result cache."""
    from .engine.run import sympy_latex
    cache = execution.cache if execution is not None else None
    return sympy_latex if cache is None else cache.latex


def _render_check(checked, options, fmt: str, *, quiet: bool = False, color: bool = False, text=None,
                  execution=None) -> str:
    from . import __version__
    from .engine.run import json_document
    from .report import ci
    if fmt == "json":
        return json.dumps(json_document(checked, options, _tool_versions(execution), _latex(execution)),
                          ensure_ascii=False, indent=2) + "\n"
    root = os.getcwd()
    if fmt == "github":
        return ci.render_github(checked, root)
    if fmt == "sarif":
        return ci.render_sarif(checked, {**_tool_versions(execution), "name": "formal_emergence", "version": __version__}, root)
    if fmt == "junit":
        return ci.render_junit(checked, root)
    from .report.text import render_text
    return render_text(checked, quiet=quiet, color=color, **(text or {}))


class _Stream:
    """Text output of ``check`` to a stdout that is not a terminal: a line per assertion as it finishes."""

    def __init__(self, stdout: _Output, style):
        self.stdout, self.style, self.ids = stdout, style, set()

    def __call__(self, ar) -> None:
        from .report.text import render_assertion
        self.ids.add(ar.id)
        self.stdout.write(render_assertion(ar, self.style))


def _text_width(stdout) -> int:
    from .report.text import DEFAULT_WIDTH
    if _Output(stdout).isatty():
        import shutil
        return max(shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns, 40)
    return DEFAULT_WIDTH


NEXT_HINT = ("next: 'formal-emergence show ID' for one assertion's evidence, 'formal-emergence explain ID' step by "
             "step, 'formal-emergence report' for an HTML site; '--fail-on fails' makes CI fail")


def reading_line(paths: Sequence[str]) -> str:
    """The first line of ``check``'s text output, written before anything is imported or read."""
    return f"formal-emergence: reading the claims of {', '.join(paths) or 'the bundled catalog'}\n"


def _check(args, stdout: _Output, stderr: TextIO | None) -> int:
    _project_defaults(args)
    fail_on = _fail_on(args.fail_on)
    options = _options(args)
    _output_path(args.output)
    text_to_stdout = args.format == "text" and args.output is None
    if text_to_stdout:  # within a fraction of a second of the start: the catalog and the engines come next
        stdout.write(reading_line(args.paths))
    from .engine.assertions import check_catalog, select_units
    from .report import baseline as baselines
    accepted = baselines.read_baseline(args.baseline) if args.baseline else None
    catalog = load_catalog(args.paths or None)
    _refuse_empty(args.paths, catalog)
    chosen, lemmas, _ = select_units(catalog, args.claim, args.document)  # bad ids fail before the header
    if text_to_stdout:
        n, docs = len(chosen), len({a.document for a in chosen})
        stdout.write(f"formal-emergence: checking {n} assertion{'' if n == 1 else 's'} and {len(lemmas)} "
                     f"lemma{'' if len(lemmas) == 1 else 's'} of {docs} document{'' if docs == 1 else 's'}\n")
    from .report.text import TextStyle
    color = _use_color(args.color, stdout, args.output)
    style = TextStyle(args.quiet, args.verbose, color, _text_width(stdout) if args.output is None else 100,
                      catalog.documents)
    stream = _Stream(stdout, style) if text_to_stdout and not stdout.isatty() else None
    execution = _execution(args)
    interrupted = None
    try:
        checked = check_catalog(catalog, options, args.claim, args.document, _progress(args.progress, stderr),
                                execution, snippets=_snippet_session(args), on_assertion=stream)
    except CheckInterrupted as exc:
        checked, interrupted = exc.done, exc
    finally:
        _shutdown(execution)
    text = dict(verbose=args.verbose, width=style.width, titles=catalog.documents,
                streamed=stream.ids if stream else ())
    _write_output(args.output, _render_check(checked, options, args.format, quiet=args.quiet, color=color,
                                             text=text, execution=execution), stdout)
    if text_to_stdout and interrupted is None:
        stdout.write(NEXT_HINT + "\n")
    if interrupted is not None:
        _say(stderr, f"formal-emergence: interrupted after {interrupted.count} of {interrupted.total} claims "
                     "(the results so far are above)")
        return EXIT_INTERRUPTED
    if args.write_baseline:
        baselines.write_baseline(checked, args.write_baseline)
    counted = checked.assertions  # assertions only, never lemmas
    if accepted is not None:
        changes = baselines.compare(checked, accepted, selected_only=bool(args.claim or args.document))
        _say(stderr, f"formal-emergence: {len(changes)} change(s) against the baseline {args.baseline}"
             + "".join(f"\n  {c.text()}" for c in changes))
        changed = {c.id for c in changes if c.after}
        counted = [a for a in checked.assertions if a.id in changed]
    if fail_on and any(_trips(a, fail_on) for a in counted):
        return EXIT_FAIL_ON
    return EXIT_OK


def _refuse_empty(paths, catalog: Catalog) -> None:
    """Explicit paths that hold no assertion are a mistake (a wrong directory, an empty file), not a clean run."""
    if paths and not catalog.assertions and not catalog.lemmas:
        one = len(paths) == 1 and os.path.isfile(paths[0])  # an empty file is located at the file itself
        raise UserInputError("no assertions in this file" if one else f"no assertions in {', '.join(paths)}",
                             file=paths[0] if one else "<argv>", key="" if one else "paths",
                             hint="a claim file holds [[assertion]] (or [[claim]]) tables; see docs/claim-format.md")


def _refs(args, stdout: TextIO) -> int:
    from .literature import load_references_from, reference_value_text, search_references
    found = search_references(" ".join(args.query),
                              load_references_from(args.literature) if args.literature else None)
    if args.format == "json":
        stdout.write(json.dumps([r.to_json() for r in found], ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    for r in found:
        unit = f" {r.unit}" if r.unit else ""
        stdout.write(f"{r.id}\t{reference_value_text(r)}{unit}\t{r.quantity}\t{r.citation()}\n")
    stdout.write(f"{len(found)} reference value(s)" + (f" matching {' '.join(args.query)!r}" if args.query else "")
                 + "\n")
    return EXIT_OK


def _consistent(args, stdout: TextIO) -> int:
    from .engine.conflicts import check_consistency, render_consistency_report
    options = _options(args)
    catalog = load_catalog(args.paths or None)
    ids = [i.strip() for i in args.claims.split(",") if i.strip()]
    if ids:
        claims = [catalog.claim(i) for i in ids]
    elif args.paths:
        from pathlib import Path
        chosen = {str(p.resolve()) for p in _claim_files(args.paths)}
        claims = [c for c in catalog.claims if c.file and str(Path(c.file).resolve()) in chosen]
    else:
        raise UserInputError("no statements selected", file="<argv>", key="--claims",
                             hint="pass claim files or --claims ID,... (the whole bundled catalog is not one theory)")
    for_all = [n.strip() for n in args.for_all.split(",") if n.strip()]
    stdout.write(render_consistency_report(check_consistency(claims, options, for_all)))
    return EXIT_OK


def _claim_files(paths):
    from .parse.claimfile import claim_files
    return claim_files(paths)


def _report(args, stdout: TextIO, stderr: TextIO) -> int:
    from pathlib import Path
    from .engine.assertions import check_catalog
    from .engine.run import checked_records, options_record
    from .report.site import ENTRY, write_report
    options = _options(args)
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise UserInputError(f"{args.output} is not a directory", file="<argv>", key="--output",
                             hint="pass a directory for the report files")
    catalog = load_catalog(args.paths or None)
    execution = None
    tool, run_options = None, options_record(options)
    if args.from_json is not None:
        from .report.fromjson import checked_from_json, read_check_json
        if args.claim or args.document:
            raise UserInputError("--claim and --document do not apply to --from", file="<argv>", key="--from",
                                 hint="select the claims when running check --format json")
        doc = read_check_json(args.from_json)
        checked = checked_from_json(doc, catalog, args.from_json)
        tool, run_options = doc["tool"], doc["options"]
    else:
        execution = _execution(args)
        try:
            checked = check_catalog(catalog, options, args.claim, args.document, _progress(args.progress, stderr),
                                    execution, snippets=_snippet_session(args))
        finally:
            _shutdown(execution)
        tool = _tool_versions(execution)
    try:
        written = write_report(checked, checked_records(checked, _latex(execution)), tool, run_options,
                               args.format, out)
    except OSError as exc:
        raise UserInputError(f"cannot write the report: {exc.strerror or exc}", file=str(exc.filename or out),
                             key="--output", hint="choose a writable directory") from None
    stdout.write(f"wrote {len(written)} files ({len(checked.assertions)} assertions, {len(checked.lemmas)} lemmas) "
                 f"to {out / ENTRY[args.format]}\n")
    import importlib.util
    if args.format in ("html", "markdown") and importlib.util.find_spec("matplotlib") is None:
        _say(stderr, "formal-emergence: warning: matplotlib is not installed, so this report has NO PLOTS; "
                     "install it with: pip install matplotlib (a plain pip install of formal_emergence brings it)")
    return EXIT_OK


def _list(args, stdout: TextIO, stderr: TextIO | None = None) -> int:
    catalog = load_catalog(args.paths or None)
    if args.coverage:
        from .coverage import coverage, find_documents, render_coverage
        seeds = find_documents(args.seeds)
        if seeds is None:
            raise UserInputError("seed documents not found", file="<argv>", key="--seeds",
                                 hint="pass --seeds DIR or set FORMAL_EMERGENCE_SEEDS")
        claims = _coverage_claims(catalog)
        results = coverage(seeds, claims)
        stdout.write(render_coverage(results))
        problems = _coverage_problems(results, claims, seeds)
        for problem in problems:
            _say(stderr, problem.format())
        if problems:
            _say(stderr, UserInputErrors(problems).count_line().replace("error", "problem"))
        return EXIT_FAIL_ON if problems else EXIT_OK
    for c in catalog.claims:
        stdout.write("\t".join(inert(x) for x in (c.id, c.kind, c.source.document, c.title)) + "\n")
    stdout.write(f"{len(catalog.claims)} claims, {len(catalog.definitions)} definitions\n")
    return EXIT_OK


def _coverage_claims(catalog: Catalog) -> list:
    """Claims for coverage: a generated consistency claim counts once per document statement it quotes.

    Each has ``id``, ``source``, ``file`` and ``keys``: the key paths its source may have in the file, most
    likely first (a reading ``A/x`` is quoted by its assertion ``A``)."""
    from types import SimpleNamespace
    generated = {f"consistency.{q.id}": q for q in catalog.quantities}
    out: list = []
    for c in catalog.claims:
        if c.id not in generated:
            base = c.id.split("/")[0]
            out.append(SimpleNamespace(id=c.id, source=c.source, file=c.file,
                                       keys=tuple(f"{t}.{base}.source" for t in ("assertion", "claim", "lemma"))))
    for cid, q in generated.items():
        out.extend(SimpleNamespace(id=cid, source=st.source, file=q.file, keys=(f"quantity.{q.id}.statement[{j}]",))
                   for j, st in enumerate(q.statements))
    return out


def _coverage_problems(results, claims, seeds) -> list[UserInputError]:
    """Each quote and section that is not in its document, and each document not in ``seeds``, located at the
    claim file's ``quote``, ``section`` or ``document`` (a document missing from ``seeds`` is named once)."""
    from pathlib import Path
    from .coverage import normalised_document, quote_in
    from .parse.tomlpos import TomlPositions
    positions: dict[str, TomlPositions | None] = {}

    def at(claim, field: str, found: str, hint: str) -> UserInputError:
        if claim.file not in positions:
            try:
                positions[claim.file] = TomlPositions(Path(claim.file).read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                positions[claim.file] = None
        keys = [f"{k}.{field}" for k in claim.keys]
        table = positions[claim.file]
        key, where = next(((k, w) for k, w in ((k, table.position(k)) for k in keys) if w and w.exact),
                          (keys[0], None)) if table else (keys[0], None)
        error = UserInputError(found, file=claim.file or "<catalog>", key=key, hint=hint)
        return error.located(line=where.line, col=where.col) if where else error

    out = []
    for r in results:
        mine = [c for c in claims if Path(c.source.document).name in (r.document, Path(r.document).stem)]
        if not mine:  # a claim without a document name: nothing in a file to point at
            out.append(UserInputError(f"{r.claims} claim(s) name no document", file="<catalog>", key="source.document",
                                      hint="give each claim's source a document"))
            continue
        if not (seeds / r.document).is_file():
            out.append(at(mine[0], "document", f"document {r.document!r} is not in {seeds}; "
                                               f"{len(mine)} claim{'s' if len(mine) != 1 else ''} quote it",
                          "pass --seeds with the directory that holds it"))
            continue
        text = normalised_document(seeds / r.document)
        out += [at(c, "quote", f"the quote of {c.id} is not in {r.document}",
                   "quote the document verbatim; only whitespace may differ")
                for c in mine if c.id in r.quotes_not_found and not quote_in(c.source.quote, text)]
        out += [at(c, "section", f"section {c.source.section!r} of {c.id} is not a heading of {r.document}",
                   "copy the heading as the document writes it") for c in mine if c.id in r.sections_not_found]
    return sorted(out, key=lambda e: (e.file, e.line, e.col, e.key))


def _show(args, stdout: TextIO) -> int:
    from .engine.assertions import check_catalog
    from .report.text import render_unit
    catalog = load_catalog(args.paths or None)
    catalog.claim(args.id, key="ID")
    execution = _execution(args)  # in this process, through the result cache that `check` fills
    checked = check_catalog(catalog, _options(args), [args.id], execution=execution, snippets=_snippet_session(args))
    stdout.write(render_unit(checked, args.id))
    return EXIT_OK


def _explain(args, stdout: TextIO) -> int:
    from .report.explain import explain_claim, render_explanation
    options = _options(args)
    catalog = load_catalog(args.paths or None)
    claim = catalog.claim(args.id, key="ID")
    stdout.write(render_explanation(explain_claim(claim, options=options, siblings=catalog.claims, level=args.level)))
    return EXIT_OK


def keep_z3_memory() -> None:
    """Make glibc's malloc keep the memory of z3's contexts for reuse; elsewhere do nothing. A process-wide
    setting, so the library never makes it on its own: the command line calls it once (``main``), and a
    program embedding the engine may.

    A new z3 context allocates about 16 MB, and each query is answered in a helper thread
    (``z3_backend.run_check``). Once SymPy (or only this package's model) was imported, that memory went back
    to the kernel after each query (blocks above malloc's mmap threshold unmapped, a heap top above its trim
    threshold given back) and was faulted in again by the next: about 4,100 minor page faults and 11-13 ms of
    system CPU per query, where a bare query costs 3 ms, and a catalog run asks more than 1,000
    (benchmarks/runs.md). So blocks below 32 MiB come from the heap (``M_MMAP_THRESHOLD``, the largest value
    glibc accepts on 64-bit) and up to 64 MiB of free heap is kept (``M_TRIM_THRESHOLD``); either alone left the
    faults. Only where the memory comes from changes, never a result."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    try:
        mallopt = ctypes.CDLL(None).mallopt  # not glibc: no such symbol
    except (OSError, AttributeError):
        return
    mallopt(-3, 32 << 20)  # M_MMAP_THRESHOLD (malloc.h)
    mallopt(-1, 64 << 20)  # M_TRIM_THRESHOLD


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point: exit with ``run``'s code."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass
    keep_z3_memory()
    code = run(argv, sys.stdout, sys.stderr)
    if code == EXIT_USAGE and sys.stdout is not None:
        # After a broken pipe or a full device, the interpreter's final flush would print a traceback.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
    sys.exit(code)
