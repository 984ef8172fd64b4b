"""The snippet runner's wall-clock backstop stops a blocked child only, never a computing one."""
from __future__ import annotations

import subprocess
import sys

from formal_emergence.snippets.runner import Limits, _communicate_unless_blocked, _process_cpu_seconds

SHORT = Limits(wall_seconds=1)


def _child(code: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)


def test_a_blocked_child_is_stopped_after_one_period():
    proc = _child("import sys, time\nsys.stdin.read()\ntime.sleep(60)\nprint('woke')")
    out, _, stopped = _communicate_unless_blocked(proc, b"job", SHORT)
    assert stopped and b"woke" not in out
    assert proc.returncode is not None and proc.returncode < 0


def test_a_computing_child_outlives_the_period_and_finishes():
    # About 2-3 s of CPU, several periods of 1 s: it is computing, so it is waited for.
    code = "import sys\ndata = sys.stdin.read()\nx = 0\nfor i in range(30_000_000):\n    x += i\nprint(data, x)"
    proc = _child(code)
    out, _, stopped = _communicate_unless_blocked(proc, b"job", SHORT)
    assert not stopped
    assert out.split() == [b"job", str(sum(range(30_000_000))).encode()]


def test_cpu_time_of_a_process_is_read_from_proc():
    proc = _child("import sys\nsys.stdin.read()")
    try:
        assert _process_cpu_seconds(proc.pid) is not None
    finally:
        proc.communicate(b"")
    assert _process_cpu_seconds(2**22 + 12345) is None  # no such process
