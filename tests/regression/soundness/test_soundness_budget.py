"""Soundness regression files, one part of the batch (soundness_batch.py has the checks): 6-budget but the
three files that run to z3's CPU-time backstop (test_soundness_budget_backstop.py).

test_expectations.py checks that the parts test every file once."""

from __future__ import annotations

from soundness_batch import files_in, part, Z3_BACKSTOP

FILES = [rel for rel in files_in(("6-budget",)) if rel not in Z3_BACKSTOP]
outcomes, test_file = part(FILES)
