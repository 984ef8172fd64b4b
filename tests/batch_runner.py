"""Run many CLI invocations from one worker process, each in a forked child with a CPU limit.

Importing SymPy and z3 costs about a second, so the regression suite and the differential
fuzzer run hundreds of claim files through one worker process (``python batch_runner.py``) that
imports the package once and then forks one child per job. Each child runs
``formal_emergence.cli.run`` in-process under a CPU-time limit (``ITIMER_PROF``, with
``RLIMIT_CPU`` behind it): a hang is killed by the kernel after its CPU seconds, whatever the
load of the machine, costs no re-import, and leaves no state behind for the next job. The
address space is capped too, so a runaway input ends in a MemoryError instead of exhausting a
shared machine. The parent side (``run_jobs``) keeps a generous wall-clock guard per job as a
last resort (a child blocked without using CPU); a worker that overruns it is replaced.

Worker protocol. stdin: a JSON list of jobs ``{"key", "argv", "cwd", "isolated", "cpu", "z3_cpu", "qe_cpu"}``. Output,
on the file descriptor given by ``--record-fd``: one JSON object per job, in order, flushed at
once: ``{"key", "code", "stdout", "stderr", "escaped", "cpu", "timed_out", "died"}``, where
``code`` is the exit code that ``cli.run`` returned, ``escaped`` the type and message of an
exception that escaped it (what a user would see as a traceback) or None, and ``cpu`` the job's
CPU seconds, its SymPy worker process included (the child reaps the worker before it exits). A job
whose total, worker included, exceeds its limit (rounded up, plus the kernel's second) is timed out
even when it printed a result: the limit bounds the claim's whole CPU, not only the job process's.
"""

from __future__ import annotations

import io
import json
import math
import os
import queue
import resource
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

REPO = Path(__file__).resolve().parent.parent
#: Seconds a fresh worker may take to import the package, on top of its first job's guard.
STARTUP_SECONDS = 60.0


@dataclass(frozen=True)
class Job:
    key: str
    argv: tuple[str, ...]
    cwd: str
    #: CPU seconds the job may use; past them it is killed and recorded as timed out.
    cpu: float
    #: Hide the bundled catalog from this job (it is loaded with every user file otherwise).
    isolated: bool = False
    #: z3's CPU-time backstop in this job (``engine.budget``'s seconds per call and per claim), or None for the
    #: package's own: a test seam for files that run to the backstop (tests/regression/soundness, ``Z3_BACKSTOP``).
    z3_cpu: float | None = None
    #: CPU seconds of z3's quantifier elimination in this job (``engine.conditions.eliminate_quantifiers``), or None
    #: for the package's ``QE_CPU_SECONDS``: a test seam for files whose elimination runs to that budget.
    qe_cpu: float | None = None

    @property
    def wall(self) -> float:
        """The wall-clock guard: far beyond the CPU limit, so load never trips it."""
        return 120.0 + 20.0 * self.cpu


@dataclass
class Outcome:
    """What one job did: ``timed_out`` and ``died`` exclude a result, otherwise ``code`` is set."""

    key: str
    code: int | None = None
    stdout: str = ""
    stderr: str = ""
    escaped: str | None = None
    cpu: float = 0.0
    timed_out: bool = False
    died: str | None = None
    extra: dict = field(default_factory=dict)

    def problems(self) -> list[str]:
        """Reasons this run is not a clean end (a hang, a crash, a traceback, an internal error)."""
        out = []
        if self.timed_out:
            out.append("did not finish within its CPU limit")
        if self.died:
            out.append(f"worker died: {self.died}")
        if self.escaped:
            out.append(f"exception escaped the CLI: {self.escaped}")
        if "Traceback" in self.stderr or "Traceback" in self.stdout:
            out.append("a traceback was printed")
        if self.code == 3 or "internal error" in self.stderr:
            out.append(f"internal error: {self.stderr.strip()[:300]}")
        return out


def processes_per_test_worker() -> int:
    """Processes a test may keep busy: 2 (the CI machine's cores), 1 in a pytest-xdist worker (the other worker
    uses the other core). More busy processes than cores would slow every z3 call down towards its wall-clock
    backstop, which turns a verdict into ``undecided`` (the backstop is a last resort, not a budget)."""
    return 1 if os.environ.get("PYTEST_XDIST_WORKER") else 2


def run_jobs(jobs: Sequence[Job], *, max_gib: float = 3.0, workers: int | None = None) -> dict[str, Outcome]:
    """Run ``jobs`` in ``workers`` worker processes side by side (job i in worker i mod ``workers``, in
    order within a worker; default ``processes_per_test_worker()``); return each job's outcome by key.
    Outcomes do not depend on ``workers``: every job runs in its own forked child under its own CPU limit."""
    workers = workers or processes_per_test_worker()
    results: dict[str, Outcome] = {}
    shares = [list(jobs)[i::workers] for i in range(max(1, workers))]

    def run_share(pending: list[Job]) -> None:
        while pending:
            done = _run_worker(pending, max_gib, results)
            pending = pending[done:]

    threads = [threading.Thread(target=run_share, args=(share,)) for share in shares if share]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def _run_worker(jobs: list[Job], max_gib: float, results: dict[str, Outcome]) -> int:
    """Run jobs in one worker until it finishes or one job overruns; return how many jobs ended."""
    read_fd, write_fd = os.pipe()
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    with tempfile.TemporaryFile() as stderr_file:
        proc = subprocess.Popen([sys.executable, __file__, "--record-fd", str(write_fd), "--max-gib", str(max_gib)],
                                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=stderr_file,
                                pass_fds=(write_fd,), env=env, cwd=str(REPO))
        os.close(write_fd)
        lines: queue.Queue = queue.Queue()
        reader = threading.Thread(target=_read_lines, args=(read_fd, lines), daemon=True)
        reader.start()
        try:
            assert proc.stdin is not None
            proc.stdin.write(json.dumps([{"key": j.key, "argv": list(j.argv), "cwd": j.cwd, "isolated": j.isolated,
                                          "cpu": j.cpu, "z3_cpu": j.z3_cpu,
                                          "qe_cpu": j.qe_cpu} for j in jobs]).encode())
            proc.stdin.close()
        except BrokenPipeError:
            pass
        ended = 0
        try:
            for i, job in enumerate(jobs):
                timeout = job.wall + (STARTUP_SECONDS if i == 0 else 0.0)
                try:
                    line = lines.get(timeout=timeout)
                except queue.Empty:
                    results[job.key] = Outcome(job.key, timed_out=True)
                    return i + 1
                if line is None:
                    proc.wait()
                    stderr_file.seek(0)
                    tail = stderr_file.read().decode("utf-8", "replace")[-500:]
                    results[job.key] = Outcome(job.key, died=f"exit {proc.returncode}: {tail}")
                    return i + 1
                record = json.loads(line)
                assert record["key"] == job.key, (record["key"], job.key)
                results[job.key] = Outcome(job.key, code=record["code"], stdout=record["stdout"],
                                           stderr=record["stderr"], escaped=record["escaped"], cpu=record["cpu"],
                                           timed_out=record["timed_out"], died=record["died"])
                ended = i + 1
            return ended
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            reader.join(timeout=5)


def _read_lines(fd: int, lines: queue.Queue) -> None:
    with os.fdopen(fd, "rb") as fh:
        for raw in fh:
            lines.put(raw.decode("utf-8"))
    lines.put(None)


def _cap_memory(gib: float) -> None:
    limit = int(gib * 2**30)
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _worker(argv: list[str]) -> int:
    record = os.fdopen(int(argv[argv.index("--record-fd") + 1]), "w", encoding="utf-8")
    _cap_memory(float(argv[argv.index("--max-gib") + 1]))
    jobs = json.load(sys.stdin)
    from formal_emergence import cli  # imported once, after the memory cap; children inherit it
    cli.keep_z3_memory()  # as cli.main does, so each job runs as the command line runs (children inherit it)

    empty = tempfile.mkdtemp(prefix="fe-no-bundled-")
    from formal_emergence.parse import claimfile
    bundled = Path(claimfile.bundled_theorems_dir())
    for shared in ("conventions.toml",):  # not claims: files the loader needs beside them
        if (bundled / shared).is_file():
            (Path(empty) / shared).write_bytes((bundled / shared).read_bytes())
    _warm_up(cli, empty)
    for job in jobs:
        record.write(json.dumps(_run_forked(cli, job, empty)) + "\n")
        record.flush()
    return 0


_WARM_UP = """
[[claim]]
id = "warm.up"
title = "warm-up"
kind = "theorem"
source = { document = "w.txt", section = "s", quote = "q" }
symbols = { x = "real", n = "posint" }
assume = ["x > 1/2"]
show = "sqrt(x) + exp(x) + log(x) + x**n + abs(x) + floor(x) + diff(x**2, x) + limit(x, x, 1) > 0"
"""


def _warm_up(cli, empty: str) -> None:
    """Check one claim in the worker itself, so every forked child starts with warm caches."""
    path = Path(empty) / "warm.toml"
    path.write_text(_WARM_UP, encoding="utf-8")
    _run_here(cli, {"cwd": empty, "isolated": True, "argv": ["check", "--format", "json", str(path)]}, empty)
    path.unlink()


def _run_forked(cli, job: dict, empty: str) -> dict:
    """Run one job in a forked child under its CPU limit and return its record."""
    read_fd, write_fd = os.pipe()
    start = resource.getrusage(resource.RUSAGE_CHILDREN)
    pid = os.fork()
    if pid == 0:  # the child: run, report, exit without cleanup handlers
        try:
            os.close(read_fd)
            signal.setitimer(signal.ITIMER_PROF, job["cpu"])
            limit = math.ceil(job["cpu"]) + 1
            resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 1))
            record = _run_here(cli, job, empty)
            from formal_emergence.symbolic import worker
            worker.shutdown()  # reap the SymPy worker, so its CPU counts in this job's RUSAGE_CHILDREN
            with os.fdopen(write_fd, "w", encoding="utf-8") as fh:
                fh.write(json.dumps(record))
        finally:
            os._exit(0)
    os.close(write_fd)
    with os.fdopen(read_fd, "r", encoding="utf-8") as fh:
        data = fh.read()
    _, status = os.waitpid(pid, 0)
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = round(used.ru_utime + used.ru_stime - start.ru_utime - start.ru_stime, 3)
    base = {"key": job["key"], "code": None, "stdout": "", "stderr": "", "escaped": None, "cpu": cpu,
            "timed_out": False, "died": None}
    if data and cpu > math.ceil(job["cpu"]) + 1:  # the job and its SymPy worker together ran past the limit
        return {**base, "timed_out": True}
    if data:
        return {**base, **json.loads(data), "cpu": cpu}
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    if sig in (signal.SIGPROF, signal.SIGXCPU, signal.SIGKILL):
        return {**base, "timed_out": True}
    return {**base, "died": f"status {status} (signal {sig})"}


_ORIGINAL: dict = {}


def _run_here(cli, job: dict, empty: str) -> dict:
    from formal_emergence.parse import claimfile

    os.chdir(job["cwd"])
    original = _ORIGINAL.setdefault("bundled", getattr(claimfile, "bundled_theorems_dir", None))
    if original is not None:  # a test seam: an isolated job's loader sees no bundled files
        claimfile.bundled_theorems_dir = (lambda: Path(empty)) if job["isolated"] else original
    if job.get("z3_cpu") is not None:  # a test seam: z3's backstop of this job (a forked child: nothing outlives it)
        from formal_emergence.engine import budget
        budget.Z3_CALL_CPU_SECONDS = budget.Z3_CLAIM_CPU_SECONDS = float(job["z3_cpu"])
    if job.get("qe_cpu") is not None:  # a test seam, likewise: the elimination's CPU budget of this job
        from formal_emergence.engine import conditions
        eliminate, seconds = conditions.eliminate_quantifiers, float(job["qe_cpu"])
        conditions.eliminate_quantifiers = lambda *args, **kwargs: eliminate(*args, **{**kwargs, "cpu_seconds": seconds})
    out, err = io.StringIO(), io.StringIO()
    escaped = None
    try:
        code = cli.run(job["argv"], out, err)
    except BaseException as exc:  # noqa: BLE001 - every escape is what the tests look for
        code, escaped = None, f"{type(exc).__name__}: {str(exc)[:300]}"
    return {"code": code, "stdout": out.getvalue(), "stderr": err.getvalue(), "escaped": escaped}


if __name__ == "__main__":
    sys.exit(_worker(sys.argv))
