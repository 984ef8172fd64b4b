"""The suite's own scheduling table (tests/conftest.py) names files and folders that exist: a renamed test
file would otherwise silently lose its place among the longest files handed out first."""

from __future__ import annotations

from tests.conftest import LONGEST_FIRST, REPO, SAME_WORKER


def test_every_scheduled_path_exists():
    assert LONGEST_FIRST and SAME_WORKER
    for path in LONGEST_FIRST + SAME_WORKER:
        assert (REPO / path).exists(), path
    assert len(set(LONGEST_FIRST)) == len(LONGEST_FIRST)
