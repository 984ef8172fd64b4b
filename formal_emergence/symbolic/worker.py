"""A CPU-time budget for SymPy work: the computation runs in a worker process.

SymPy has no work counter, and neither ``SIGALRM`` nor a thread can interrupt
CPython's big-integer arithmetic. So each budgeted computation runs in a worker
process forked from this one, and the kernel enforces the budget: before each
request the worker lowers its own ``RLIMIT_CPU`` soft limit to its CPU time so
far plus the budget, and a computation that exceeds it is killed by
``SIGXCPU``. The budget is CPU time, never wall-clock time: a loaded machine
makes the work slower, not different. Nothing here touches signals or timers
of the calling process, and it works the same from any thread.

``call(fn, *args, cpu_seconds=...)`` runs the module-level function ``fn``
in the worker and returns its result (pickled data). ``UnsupportedConstruct``
raised by ``fn`` is re-raised here; any other exception becomes an
``UnsupportedConstruct`` naming it; a killed computation raises
``CpuBudgetExceeded``.

Each request's budget bounds one computation; ``claim_budget(seconds)`` bounds their sum. Inside it
(a context manager, per thread and task through a ``ContextVar``) every request gets at most what is
left of the total, the worker reports the CPU each request used, and once the total is spent a request
raises ``CpuBudgetExceeded`` without running. So the worker's CPU for one claim is bounded by the total
(plus the kernel's rounding of ``RLIMIT_CPU`` up to whole seconds), whatever the number of requests.

The process-wide state of this module: the workers of the current process, one per budget of
``BUDGETS`` (a cache of an OS resource; results never depend on it). Each is created on first use,
replaced after a budget kill, re-created in a forked child, and exits when this process closes its end
of the pipe.
"""

from __future__ import annotations

import atexit
import contextlib
import contextvars
import math
import os
import pickle
import signal
import struct
import threading
from typing import Any, Callable, Iterator

from ..errors import UnsupportedConstruct

try:
    import resource
except ImportError:  # not POSIX: computations run in-process without a CPU budget
    resource = None  # type: ignore[assignment]

_HEADER = struct.Struct("!Q")


class CpuBudgetExceeded(UnsupportedConstruct):
    """A computation ran past its CPU-time budget and the kernel stopped it."""


class WorkerStopped(UnsupportedConstruct):
    """The worker process died during a request for another reason than its CPU budget (a crash, a signal from
    outside): what the request did before is unknown."""


def _read_exact(fd: int, n: int) -> bytes | None:
    chunks, left = [], n
    while left:
        b = os.read(fd, min(left, 1 << 20))
        if not b:
            return None
        chunks.append(b)
        left -= len(b)
    return b"".join(chunks)


def _read_frame(fd: int) -> bytes | None:
    head = _read_exact(fd, _HEADER.size)
    if head is None:
        return None
    return _read_exact(fd, _HEADER.unpack(head)[0])


def _write_frame(fd: int, data: bytes) -> None:
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _cpu_time() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _serve(requests: int, responses: int) -> None:
    """The worker's loop: one request at a time, each under its own CPU limit, until EOF."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGXCPU, signal.SIG_DFL)
    hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
    while True:
        frame = _read_frame(requests)
        if frame is None:
            return
        fn, args, seconds = pickle.loads(frame)
        start = _cpu_time()
        limit = math.ceil(start + seconds)
        resource.setrlimit(resource.RLIMIT_CPU, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
        try:
            reply: tuple[str, Any] = ("ok", fn(*args))
        except UnsupportedConstruct as exc:
            reply = ("unsupported", str(exc))
        except BaseException as exc:  # noqa: BLE001 - reported to the caller as data
            reply = ("error", f"{type(exc).__name__}: {str(exc)[:300]}")
        resource.setrlimit(resource.RLIMIT_CPU, (hard, hard))
        reply = (*reply, _cpu_time() - start)
        try:
            data = pickle.dumps(reply)
        except Exception as exc:  # noqa: BLE001
            data = pickle.dumps(("error", f"unpicklable result ({type(exc).__name__})", reply[2]))
        _write_frame(responses, data)


class _Worker:
    def __init__(self) -> None:
        req_r, self.req_w = os.pipe()
        self.resp_r, resp_w = os.pipe()
        self.owner = os.getpid()
        self.pid = os.fork()
        if self.pid == 0:  # the worker
            code = 0
            try:
                os.close(self.req_w)
                os.close(self.resp_r)
                for account in _accounts.values():  # the forking thread's claim accounts belong to the parent:
                    account.set(None)                 # a request made from the worker starts without one
                for other in _current.values():  # the parent's ends of its other workers' pipes: so that each
                    if other.owner == self.owner:  # of those sees EOF when the parent closes them
                        other.close_pipes()
                _serve(req_r, resp_w)
            except BaseException:  # noqa: BLE001 - a dying worker is detected by the parent as EOF
                code = 1
            finally:
                os._exit(code)
        os.close(req_r)
        os.close(resp_w)

    def request(self, payload: bytes) -> bytes | None:
        try:
            _write_frame(self.req_w, payload)
        except BrokenPipeError:
            return None
        return _read_frame(self.resp_r)

    def close_pipes(self) -> None:
        for fd in (self.req_w, self.resp_r):
            try:
                os.close(fd)
            except OSError:
                pass

    def stop(self) -> int | None:
        """Close the pipes, make sure the worker is gone, and return its wait status (None if unknown)."""
        self.close_pipes()
        try:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid == 0:
                os.kill(self.pid, signal.SIGKILL)
                pid, status = os.waitpid(self.pid, 0)
            return status
        except (ChildProcessError, ProcessLookupError, OSError):
            return None


#: The budgets, each with its own worker process and its own per-claim account: ``"sympy"`` (SymPy, and z3's
#: quantifier elimination, which the engine counts with it) and ``"z3"`` (the engine's z3 solver calls,
#: ``engine.budget.z3_call``), so a z3 call never waits for SymPy's worker or spends SymPy's budget.
BUDGETS = ("sympy", "z3")

_locks = {b: threading.Lock() for b in BUDGETS}
_current: dict[str, _Worker] = {}


def _stop_current(budget: str) -> None:
    w = _current.pop(budget, None)
    if w is not None and w.owner == os.getpid():
        w.stop()


def _worker(budget: str) -> _Worker:
    w = _current.get(budget)
    if w is None or w.owner != os.getpid():  # none yet, or inherited from the process we were forked from
        w = _current[budget] = _Worker()
    return w


def _stop_all() -> None:
    for b in BUDGETS:
        _stop_current(b)


atexit.register(_stop_all)


def shutdown() -> None:
    """Stop and reap this process's workers (a later ``call`` starts a new one)."""
    for b in BUDGETS:
        with _locks[b]:
            _stop_current(b)


class _Account:
    """The CPU seconds left of a ``claim_budget``."""

    def __init__(self, total: float) -> None:
        self.total = total
        self.left = total
        #: Requests made, and those stopped by a CPU limit or refused because the total was spent (a backstop).
        self.requests = 0
        self.stopped = 0

    @property
    def used(self) -> float:
        """The worker CPU seconds charged so far (a request stopped at its limit counts its whole allowance)."""
        return self.total - self.left


_accounts: dict[str, contextvars.ContextVar[_Account | None]] = {
    b: contextvars.ContextVar(f"{b}_claim_budget", default=None) for b in BUDGETS}


@contextlib.contextmanager
def claim_budget(seconds: float, budget: str = "sympy") -> Iterator[_Account]:
    """Bound the worker CPU of every ``call`` of ``budget`` inside the block by ``seconds`` in total; yield the
    account (``used``: the worker CPU the block's requests took). Inside an enclosing ``claim_budget`` of the same
    budget the enclosing account is used and yielded: a claim checked on behalf of another (a property's instance,
    a lemma) shares its caller's CPU budget, as it shares its rlimit, instead of opening a new one."""
    enclosing = _accounts[budget].get()
    if enclosing is not None:
        yield enclosing
        return
    account = _Account(seconds)
    token = _accounts[budget].set(account)
    try:
        yield account
    finally:
        _accounts[budget].reset(token)


def call(fn: Callable[..., Any], *args: Any, cpu_seconds: float, what: str = "SymPy", budget: str = "sympy") -> Any:
    """Run ``fn(*args)`` in the worker of ``budget`` under a CPU-time budget of ``cpu_seconds`` (and what is left of
    the enclosing ``claim_budget`` of ``budget``); return its result. ``what`` names the work in the budget messages
    (the engine also runs z3's quantifier elimination in the SymPy worker, and its z3 solver calls in the z3 one:
    neither has an rlimit that bounds all of its work)."""
    if resource is None or not hasattr(os, "fork"):
        return fn(*args)
    account = _accounts[budget].get()
    if account is not None:
        account.requests += 1
        if account.left <= 0:
            account.stopped += 1
            raise CpuBudgetExceeded(f"{what} used up its CPU-time budget of {account.total:g} s for the claim")
        if account.left < cpu_seconds:
            cpu_seconds = account.left
    payload = pickle.dumps((fn, args, cpu_seconds))
    with _locks[budget]:
        w = _worker(budget)
        try:
            frame = w.request(payload)
        except BaseException:  # Ctrl-C while waiting: the worker's answer would be stale
            _current.pop(budget, None)
            w.stop()
            raise
        if frame is None:
            _current.pop(budget, None)
            status = w.stop()
            sig = os.WTERMSIG(status) if status is not None and os.WIFSIGNALED(status) else None
            if sig in (signal.SIGXCPU, signal.SIGKILL):
                if account is not None:
                    account.left -= cpu_seconds
                    account.stopped += 1
                raise CpuBudgetExceeded(f"{what} exceeded its CPU-time budget of {cpu_seconds:g} s")
            raise WorkerStopped(f"the {what} worker process stopped" + (f" with signal {sig}" if sig else ""))
    kind, value, used = pickle.loads(frame)
    if account is not None:
        account.left -= used
    if kind == "ok":
        return value
    if kind == "unsupported":
        raise UnsupportedConstruct(value)
    raise UnsupportedConstruct(f"{what} failed with {value}")
