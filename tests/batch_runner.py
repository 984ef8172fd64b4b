"""Run many CLI invocations in one worker process, each with its own hang guard.

Importing SymPy and z3 costs about a second, so the regression suite and the differential
fuzzer run hundreds of claim files through one worker process (``python batch_runner.py``) that
imports the package once and streams one JSON line per finished job. The parent side
(``run_jobs``) waits for each line with that job's own timeout; when a job overruns, the worker
is killed, the job is recorded as timed out and a fresh worker continues with the next job.
So a hang costs its timeout and no more, and the results before it are kept.

Worker protocol. stdin: a JSON list of jobs ``{"key", "argv", "cwd", "isolated"}``. Output, on the file
descriptor given by ``--record-fd``: one JSON object per job, in order, flushed at once:
``{"key", "code", "stdout", "stderr", "escaped", "cpu"}``, where ``code`` is the exit code that
``formal_emergence.cli.run`` returned, ``escaped`` the type and message of an exception that
escaped it (what a user would see as a traceback) or None, and ``cpu`` the job's CPU seconds.
The worker caps its own address space, so a runaway input ends in a MemoryError here instead of
exhausting a shared machine.
"""

from __future__ import annotations

import io
import json
import os
import queue
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

REPO = Path(__file__).resolve().parent.parent
#: Seconds a fresh worker may take to import the package, on top of its first job's timeout.
STARTUP_SECONDS = 60.0


@dataclass(frozen=True)
class Job:
    key: str
    argv: tuple[str, ...]
    cwd: str
    timeout: float
    #: Hide the bundled catalog from this job (it is loaded with every user file otherwise).
    isolated: bool = False


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
            out.append("did not finish within its timeout")
        if self.died:
            out.append(f"worker died: {self.died}")
        if self.escaped:
            out.append(f"exception escaped the CLI: {self.escaped}")
        if "Traceback" in self.stderr or "Traceback" in self.stdout:
            out.append("a traceback was printed")
        if self.code == 3 or "internal error" in self.stderr:
            out.append(f"internal error: {self.stderr.strip()[:300]}")
        return out


def run_jobs(jobs: Sequence[Job], *, max_gib: float = 3.0) -> dict[str, Outcome]:
    """Run ``jobs`` in order in worker processes; return each job's outcome by key."""
    results: dict[str, Outcome] = {}
    pending = list(jobs)
    while pending:
        done = _run_worker(pending, max_gib, results)
        pending = pending[done:]
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
            proc.stdin.write(json.dumps([{"key": j.key, "argv": list(j.argv), "cwd": j.cwd, "isolated": j.isolated}
                                         for j in jobs]).encode())
            proc.stdin.close()
        except BrokenPipeError:
            pass
        ended = 0
        try:
            for i, job in enumerate(jobs):
                timeout = job.timeout + (STARTUP_SECONDS if i == 0 else 0.0)
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
                                           stderr=record["stderr"], escaped=record["escaped"], cpu=record["cpu"])
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
    from formal_emergence import cli  # imported once, after the memory cap
    from formal_emergence.parse import claimfile

    bundled = getattr(claimfile, "bundled_theorems_dir", None)
    empty = tempfile.mkdtemp(prefix="fe-no-bundled-")
    for job in jobs:
        os.chdir(job["cwd"])
        out, err = io.StringIO(), io.StringIO()
        escaped = None
        if bundled is not None:  # a test seam only: the loader then sees no bundled files
            claimfile.bundled_theorems_dir = (lambda: Path(empty)) if job["isolated"] else bundled
        start = time.process_time()
        try:
            code = cli.run(job["argv"], out, err)
        except BaseException as exc:  # noqa: BLE001 - every escape is what the tests look for
            code, escaped = None, f"{type(exc).__name__}: {str(exc)[:300]}"
        record.write(json.dumps({"key": job["key"], "code": code, "stdout": out.getvalue(), "stderr": err.getvalue(),
                                 "escaped": escaped, "cpu": round(time.process_time() - start, 3)}) + "\n")
        record.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_worker(sys.argv))
