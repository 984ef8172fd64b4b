"""Soundness regression files, one part of the batch (soundness_batch.py has the checks): the three files of
6-budget that run to z3's CPU-time backstop, about 20 s of CPU each (``Z3_BACKSTOP``).

test_expectations.py checks that the parts test every file once."""

from __future__ import annotations

from soundness_batch import part, Z3_BACKSTOP

FILES = list(Z3_BACKSTOP)
outcomes, test_file = part(FILES)
