"""The parent side of the snippet sandbox: spawn, limit, feed, read back, cache.

``run_job`` executes a document's code blocks in a separate ``python -s -P``
process (``_sandbox.py``) with an empty environment (only a few fixed,
non-secret variables, and a fixed ``PYTHONHASHSEED``), a fresh temporary working directory, resource limits
(CPU seconds, address space, file size, open files, processes, no core
dumps) and, where the platform allows, an unshared network namespace
(``unshare -rn`` or ``unshare -n``). The job goes in as JSON on stdin and one
JSON line per observation comes back; when the child dies (CPU limit, a
signal) the observation it was running is blamed and the rest run in a new
child. Every job runs twice, under the two seed passes of ``SEED_PASSES``; an
observation whose outcomes differ is ``unstable``. Results are cached on disk by the hash of the job and the environment
(``snippet_cache_dir``). Nothing here runs unless a caller asks for it: the
CLI does only under ``--run-snippets``.

Value specs (data, never code text): a JSON scalar or list; ``{"array": [...]}``
(numpy array); ``{"none": true}``; ``{"tuple": [...]}``; ``{"dict": {...}}``;
``{"var": "name"}``; ``{"call": "dotted.name", "args": [...], "kwargs": {...}}``;
``{"on": spec, "method": "name", "args": [...]}``. Paths: ints (index), strings
(key), ``".attr"``, ``".method()"`` and ``"len()"``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

SANDBOX_SCRIPT = Path(__file__).with_name("_sandbox.py")
CACHE_ENV_VAR = "FORMAL_EMERGENCE_SNIPPET_CACHE"
FORMAT_VERSION = 3
#: (random seed, PYTHONHASHSEED) of the two runs of every job: the sandbox seeds ``random``, numpy's global generator
#: and every generator made without a seed from the first; an observation whose outcome differs between the runs
#: depends on randomness or on hash order, and is ``unstable`` (adv13 F5). Part of the cache key.
SEED_PASSES = ((0, 0), (1, 1))

#: Module prefixes a snippet may import: stdlib maths and data structures, numpy, scipy,
#: scikit-learn and matplotlib (forced to the Agg backend; figures are inspected, never shown).
DEFAULT_ALLOW = (
    "math", "cmath", "statistics", "fractions", "decimal", "random", "itertools", "functools", "collections",
    "typing", "dataclasses", "numbers", "operator", "re", "json", "string", "warnings", "enum", "heapq",
    "bisect", "copy", "abc", "textwrap", "numpy", "scipy", "sklearn", "matplotlib",
)
#: Libraries whose versions enter the cache key and the evidence.
RECORDED_LIBRARIES = ("numpy", "scipy", "scikit-learn", "matplotlib")


@dataclass(frozen=True)
class Limits:
    """Resource limits of one sandbox process. ``wall_seconds`` is only a backstop for a blocked child: a child
    that is still computing is left to its CPU limit (``_communicate_unless_blocked``)."""

    cpu_seconds: int = 20
    memory_bytes: int = 3 * 2**30
    file_bytes: int = 16 * 2**20
    open_files: int = 64
    extra_processes: int = 64
    wall_seconds: int = 120

    def to_json(self) -> dict[str, int]:
        return {"cpu_seconds": self.cpu_seconds, "memory_bytes": self.memory_bytes, "file_bytes": self.file_bytes,
                "open_files": self.open_files, "extra_processes": self.extra_processes}


@dataclass(frozen=True)
class Block:
    """One code block to execute: a label for messages (document, section, index) and its text."""

    label: str
    code: str


@dataclass(frozen=True)
class Observation:
    """What to read after ``blocks`` (indexes into the job's blocks; all when None) ran: ``setup`` steps, then
    ``expr`` (a value spec, or None for printed output only) and ``path``. A setup step is a value spec or
    ``{"assign": name, "value": spec}``."""

    id: str
    expr: Any
    path: tuple[Any, ...] = ()
    setup: tuple[Any, ...] = ()
    blocks: tuple[int, ...] | None = None

    def to_json(self) -> dict[str, Any]:
        out = {"id": self.id, "expr": self.expr, "path": list(self.path)}
        if self.blocks is not None:
            out["blocks"] = list(self.blocks)
        if self.setup:
            out["setup"] = list(self.setup)
        return out


@dataclass(frozen=True)
class Outcome:
    """What one observation produced.

    ``status``: ``"value"`` (``value`` holds the JSON image), ``"raised"`` (the
    observed call raised ``error``), ``"block-raised"`` (executing a block
    raised), ``"refused"`` (the sandbox refused an operation: ``reason``) or
    ``"stopped"`` (the process was killed: CPU, memory, wall backstop) or
    ``"unstable"`` (the two seed passes gave different outcomes: ``reason``).
    Only ``value``, ``raised`` and ``block-raised`` say what the code does.
    """

    id: str
    status: str
    value: Any = None
    type: str = ""
    error: dict[str, str] | None = None
    stdout: str = ""
    reason: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "status": self.status}
        if self.status == "value":
            out["value"], out["type"] = self.value, self.type
        if self.error is not None:
            out["error"] = self.error
        if self.reason:
            out["reason"] = self.reason
        if self.stdout:
            out["stdout"] = self.stdout
        return out


@dataclass(frozen=True)
class RunRecord:
    """A finished job: its outcomes by observation id and how it ran (sandbox layers, versions, cache key)."""

    key: str
    outcomes: dict[str, Outcome]
    environment: dict[str, Any] = field(default_factory=dict)
    cached: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "environment": self.environment,
                "outcomes": {k: v.to_json() for k, v in sorted(self.outcomes.items())}}


def environment_fingerprint(limits: Limits, allow: tuple[str, ...]) -> dict[str, Any]:
    """What the outcome may depend on besides the job: interpreter, libraries, sandbox code, limits."""
    versions = {}
    for lib in RECORDED_LIBRARIES:
        try:
            versions[lib] = metadata.version(lib)
        except metadata.PackageNotFoundError:
            versions[lib] = ""
    return {"python": sys.version.split()[0], "executable": sys.executable, "libraries": versions,
            "sandbox": hashlib.sha256(SANDBOX_SCRIPT.read_bytes()).hexdigest()[:16], "limits": limits.to_json(),
            "allow": list(allow), "format": FORMAT_VERSION,
            "seeds": [{"random": r, "PYTHONHASHSEED": h} for r, h in SEED_PASSES]}


def job_key(blocks: tuple[Block, ...], observations: tuple[Observation, ...], env: dict[str, Any]) -> str:
    payload = {"blocks": [hashlib.sha256(b.code.encode()).hexdigest() for b in blocks],
               "observations": [o.to_json() for o in observations], "env": env}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=True).encode()).hexdigest()


def snippet_cache_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The cache directory: ``explicit``; else $FORMAL_EMERGENCE_SNIPPET_CACHE; else
    ``$XDG_CACHE_HOME/formal_emergence/snippets`` (``~/.cache`` when XDG_CACHE_HOME is unset)."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get(CACHE_ENV_VAR):
        return Path(os.environ[CACHE_ENV_VAR]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "formal_emergence" / "snippets"


#: Backstop for the ``unshare`` probe, which takes milliseconds: far above any load, so that the sandbox's
#: layers (recorded in the evidence) do not depend on the machine being busy.
PROBE_SECONDS = 120


def network_isolation() -> list[str]:
    """The command prefix that puts the child in a fresh network namespace, or ``[]`` when none works here."""
    tool = shutil.which("unshare")
    if tool is None or not sys.platform.startswith("linux"):
        return []
    for flags in ("-rn", "-n"):
        try:
            probe = subprocess.run([tool, flags, "--", "true"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, timeout=PROBE_SECONDS, env={})
        except (OSError, subprocess.SubprocessError):
            continue
        if probe.returncode == 0:
            return [tool, flags, "--"]
    return []


def _user_processes() -> int:
    uid = os.getuid()
    count = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    count += 1
            except OSError:
                pass
    return count


def _limit_setter(limits: Limits, nproc: int | None):
    def apply() -> None:  # runs in the child between fork and exec
        import resource
        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
        resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
        resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_bytes, limits.file_bytes))
        resource.setrlimit(resource.RLIMIT_NOFILE, (limits.open_files, limits.open_files))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if nproc is not None:
            resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
    return apply


def _child_env(tmp: str, hash_seed: int) -> dict[str, str]:
    """The child's whole environment: nothing inherited from the parent."""
    return {"PYTHONHASHSEED": str(hash_seed), "HOME": tmp, "TMPDIR": tmp, "MPLCONFIGDIR": tmp, "MPLBACKEND": "Agg", "LC_ALL": "C.UTF-8",
            "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "PATH": "/nonexistent"}


def _stop_reason(returncode: int, limits: Limits, timed_out: bool, stderr: str) -> str:
    import signal
    if timed_out:
        return f"stopped by the wall-clock backstop after {limits.wall_seconds} s (the process was blocked)"
    if returncode in (-signal.SIGXCPU, -signal.SIGKILL, 128 + signal.SIGXCPU):
        return f"stopped at the CPU limit of {limits.cpu_seconds} s"
    if returncode == -signal.SIGXFSZ:
        return f"stopped at the file-size limit of {limits.file_bytes} bytes"
    if returncode < 0:
        return f"stopped by signal {signal.Signals(-returncode).name}"
    tail = stderr.strip().splitlines()[-1:] or [""]
    return f"the sandbox process exited with status {returncode} {tail[0][:200]}".strip()


def _outcome(line: dict[str, Any], limits: Limits) -> Outcome:
    stdout = line.get("stdout", "")
    if line.get("refused"):
        return Outcome(line["id"], "refused", stdout=stdout, reason="; ".join(line["refused"]))
    if line.get("unseeded"):  # adversarial review 14 F2: two passes agreeing on a draw agree by luck
        return Outcome(line["id"], "unstable", stdout=stdout,
                       reason="the code draws random numbers it does not seed (a generator made without a seed, or "
                              "the global random or numpy generator), so one run's value is a sample")
    if line.get("exhausted"):  # raised and caught by the document code: its fallback depends on the limit
        memory, depth = f"the address-space limit of {limits.memory_bytes} bytes", "Python's recursion limit"
        limit = {"MemoryError": memory, "RecursionError": depth}.get(line["exhausted"], f"{memory} or {depth}")
        return Outcome(line["id"], "stopped", stdout=stdout,
                       reason=f"stopped at {limit}: the code raised {line['exhausted']} (caught or not), so what it "
                              "returns depends on the machine's limits")
    for key, status in (("block_raised", "block-raised"), ("raised", "raised")):
        if key in line:
            err = line[key]
            if err["type"] == "MemoryError":
                return Outcome(line["id"], "stopped", error=err, stdout=stdout,
                               reason=f"stopped at the address-space limit of {limits.memory_bytes} bytes "
                                      f"(MemoryError in {err['where']})")
            return Outcome(line["id"], status, error=err, stdout=stdout)
    return Outcome(line["id"], "value", value=line.get("value"), type=line.get("type", ""), stdout=stdout)


def _spawn_once(blocks, observations, limits, allow, isolation,
                seeds: tuple[int, int]) -> tuple[dict[str, Outcome], dict[str, Any], str]:
    """One child process; returns the outcomes it finished, its ready record and the stop reason if it died."""
    job_tmp = tempfile.mkdtemp(prefix="fe-snippet-")
    try:
        job = {"blocks": [{"label": b.label, "code": b.code} for b in blocks],
               "observations": [o.to_json() for o in observations], "allow": list(allow), "tmp": job_tmp,
               "seed": seeds[0]}
        nproc = _user_processes() + limits.extra_processes if isolation or os.getuid() != 0 else None
        # -s -P is -I without -E: the environment is ours alone (_child_env), and -E would drop PYTHONHASHSEED
        cmd = [*isolation, sys.executable, "-s", "-P", str(SANDBOX_SCRIPT)]
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                cwd=job_tmp, env=_child_env(job_tmp, seeds[1]), preexec_fn=_limit_setter(limits, nproc),
                                close_fds=True, start_new_session=True)
        out, err, timed_out = _communicate_unless_blocked(proc, json.dumps(job).encode(), limits)
        done: dict[str, Outcome] = {}
        ready: dict[str, Any] = {}
        for raw in out.decode("utf-8", "replace").splitlines():
            try:
                line = json.loads(raw)
            except json.JSONDecodeError:
                continue
            if not isinstance(line, dict):
                continue
            if line.get("ready"):
                ready = line
            elif line.get("id") in {o.id for o in observations} and line["id"] not in done:
                done[line["id"]] = _outcome(line, limits)
        died = "" if len(done) == len(observations) else _stop_reason(proc.returncode, limits, timed_out,
                                                                      err.decode("utf-8", "replace"))
        return done, ready, died
    finally:
        shutil.rmtree(job_tmp, ignore_errors=True)


#: A child that used less than this share of one core over a whole ``wall_seconds`` period is blocked.
BLOCKED_CPU_SHARE = 0.05


def _process_cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time of ``pid`` and its reaped children (``/proc``), or None when unreadable."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return None
    try:  # fields after the command name start at field 3 (state); utime..cstime are fields 14-17
        ticks = sum(int(v) for v in fields[11:15])
    except (ValueError, IndexError):
        return None
    return ticks / os.sysconf("SC_CLK_TCK")


def _communicate_unless_blocked(proc: subprocess.Popen, payload: bytes, limits: Limits) -> tuple[bytes, bytes, bool]:
    """``proc.communicate(payload)``, killing the child only when it is blocked.

    Every ``limits.wall_seconds`` the child's CPU time is read: a child still computing (at least
    ``BLOCKED_CPU_SHARE`` of a core over the period) is waited for, since its CPU limit ends it whatever the
    machine's load; only a child that sat blocked for a whole period is killed. So a loaded machine, which
    slows a computing child down, never turns its outcome into a wall-clock stop. Returns stdout, stderr and
    whether the child was killed as blocked.
    """
    used = _process_cpu_seconds(proc.pid) or 0.0
    send: bytes | None = payload
    while True:
        try:
            out, err = proc.communicate(send, timeout=limits.wall_seconds)
            return out, err, False
        except subprocess.TimeoutExpired:
            send = None  # the rest of the input is still sent by the next call
            now = _process_cpu_seconds(proc.pid)
            if now is not None and now - used >= BLOCKED_CPU_SHARE * limits.wall_seconds:
                used = now
                continue
            _kill_group(proc)
            out, err = proc.communicate()
            return out, err, True


def _kill_group(proc: subprocess.Popen) -> None:
    import signal
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except OSError:
        proc.kill()


def run_job(blocks: tuple[Block, ...], observations: tuple[Observation, ...], *, limits: Limits = Limits(),
            allow: tuple[str, ...] = DEFAULT_ALLOW, cache: Path | None = None) -> RunRecord:
    """Run ``observations`` on ``blocks`` in the sandbox (or read them from ``cache``) and return the record."""
    env = environment_fingerprint(limits, allow)
    key = job_key(blocks, observations, env)
    if cache is not None:
        cached = _read_cache(cache, key)
        if cached is not None:
            return cached
    isolation = network_isolation()
    passes = [_run_pass(blocks, observations, limits, allow, isolation, seeds) for seeds in SEED_PASSES]
    ready = passes[0][1]
    outcomes = {o.id: _agreed([p[0][o.id] for p in passes]) for o in observations}
    environment = {**env, "network_namespace": f"unshare {isolation[1]}" if isolation else "not available",
                   "preloaded": ready.get("preloaded", []), "child_versions": ready.get("versions", {})}
    environment.pop("executable", None)
    # the record always goes through its JSON form, so a fresh and a cached run are the same value
    record = _record_from_json(json.loads(json.dumps(RunRecord(key, outcomes, environment).to_json())))
    if cache is not None and not any("wall-clock" in o.reason for o in outcomes.values()):
        _write_cache(cache, record)
    return record


def _run_pass(blocks, observations, limits, allow, isolation,
              seeds: tuple[int, int]) -> tuple[dict[str, Outcome], dict[str, Any]]:
    """Every observation run under ``seeds``: a child that dies is blamed on its running observation, and the
    rest go on in a new child."""
    outcomes: dict[str, Outcome] = {}
    ready: dict[str, Any] = {}
    pending = list(observations)
    while pending:
        done, first_ready, died = _spawn_once(tuple(blocks), tuple(pending), limits, allow, isolation, seeds)
        ready = ready or first_ready
        outcomes.update(done)
        pending = [o for o in pending if o.id not in done]
        if pending and died:
            blamed = pending.pop(0)
            outcomes[blamed.id] = Outcome(blamed.id, "stopped", reason=died)
    return outcomes, ready


def _agreed(runs: list[Outcome]) -> Outcome:
    """One observation's outcome over the seed passes: the first pass's when they agree (a refusal or a stop
    wins, since it says nothing about the code), else ``unstable`` naming what each pass saw."""
    stopped = [o for o in runs if o.status in ("refused", "stopped")]
    if stopped:
        return stopped[0]

    def seen(o: Outcome) -> tuple:
        return o.status, json.dumps(o.value, sort_keys=True), o.type, (o.error or {}).get("type"), o.stdout

    if all(seen(o) == seen(runs[0]) for o in runs):
        return runs[0]

    def told(o: Outcome) -> str:
        if o.status == "value":
            return f"value {json.dumps(o.value, sort_keys=True)[:80]}"
        if o.error is not None:
            return f"{o.status} {o.error.get('type')}"
        return o.status
    printed = len({o.stdout for o in runs}) > 1
    parts = [f"{told(o)}{f', printing {o.stdout[:40]!r}' if printed else ''} with seed {r} and PYTHONHASHSEED {h}"
             for o, (r, h) in zip(runs, SEED_PASSES)]
    return Outcome(runs[0].id, "unstable", stdout=runs[0].stdout,
                   reason="the outcome depends on the random seed or the hash seed of the run: " + "; ".join(parts))


def _record_from_json(data: dict[str, Any], cached: bool = False) -> RunRecord:
    outcomes = {k: Outcome(k, v["status"], v.get("value"), v.get("type", ""), v.get("error"),
                           v.get("stdout", ""), v.get("reason", "")) for k, v in data["outcomes"].items()}
    return RunRecord(data["key"], outcomes, data["environment"], cached=cached)


def _read_cache(cache: Path, key: str) -> RunRecord | None:
    try:
        data = json.loads((cache / f"{key}.json").read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        return _record_from_json(data, cached=True)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _write_cache(cache: Path, record: RunRecord) -> None:
    try:
        cache.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=cache, delete=False, suffix=".tmp", encoding="utf-8") as fh:
            json.dump(record.to_json(), fh, ensure_ascii=False)
        os.replace(fh.name, cache / f"{record.key}.json")
    except OSError:
        pass  # a cache that cannot be written only costs a re-run
