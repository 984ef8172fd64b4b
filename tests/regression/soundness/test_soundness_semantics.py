"""Soundness regression files, one part of the batch (soundness_batch.py has the checks): 4-soundness,
7-powers, 8-limits, 9-intervals, the verdicts of partial terms, powers, limits and intervals.

test_expectations.py checks that the parts test every file once."""

from __future__ import annotations

from soundness_batch import files_in, part

FILES = files_in(("4-soundness", "7-powers", "8-limits", "9-intervals"))
outcomes, test_file = part(FILES)
