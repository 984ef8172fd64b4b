"""Soundness regression files, one part of the batch (soundness_batch.py has the checks): the files of 6-budget
that run to z3's CPU-time backstop (``Z3_BACKSTOP``; here under ``Z3_BACKSTOP_TEST_SECONDS``).

test_expectations.py checks that the parts test every file once."""

from __future__ import annotations

from formal_emergence.engine import budget
from soundness_batch import BACKSTOP_REST_CPU, BUDGET_CPU, Z3_BACKSTOP, Z3_BACKSTOP_TEST_SECONDS, part

FILES = list(Z3_BACKSTOP)
outcomes, test_file = part(FILES)


def test_the_package_backstop_would_end_the_files_within_their_old_limit():
    """The files run with a shorter backstop; with the package's own (per claim), what they use besides it would
    still end them within the 35 CPU s they had when they ran with it."""
    assert budget.Z3_CLAIM_CPU_SECONDS + BACKSTOP_REST_CPU <= 35.0, budget.Z3_CLAIM_CPU_SECONDS
    assert Z3_BACKSTOP_TEST_SECONDS < budget.Z3_CLAIM_CPU_SECONDS  # so the files do exercise a stop
    assert all(BUDGET_CPU[rel] == Z3_BACKSTOP_TEST_SECONDS + BACKSTOP_REST_CPU for rel in FILES)
