"""The same input gives byte-identical ``check --format json`` output on an idle and on a loaded
machine (issue 8, F15): every budget that can change a verdict is deterministic (z3 rlimit, size and
digit budgets); the SymPy CPU-time budget is far above what these claims need."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

INPUTS = Path(__file__).parent / "inputs"
REPO = Path(__file__).resolve().parents[2]
#: A claim whose SymPy work used to take ~6 s and whose verdict changed with the load, plus two quick ones.
FILES = ["load_sensitive.toml", "diffclaim.toml", "ok.toml"]


def _check_json() -> bytes:
    """One fresh run (no result cache: every verdict is computed again)."""
    p = subprocess.run([sys.executable, "-m", "formal_emergence", "check", "--no-cache", "--format", "json",
                        *[str(INPUTS / f) for f in FILES]], capture_output=True, timeout=600,
                       env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert p.returncode == 0, p.stderr.decode()
    return p.stdout


def test_same_bytes_idle_and_under_load():
    idle = _check_json()
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        loaded = _check_json()
    finally:
        for h in hogs:
            h.kill()
            h.wait()
    assert idle == loaded
    assert b'"d.load-sensitive"' in idle
