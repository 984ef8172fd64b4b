"""The options of a check (kept apart from the engine so that reading them, or results cached under them,
imports no SymPy, z3 or mpmath)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckOptions:
    """Budgets and precision for one run: all results are reproducible from these."""

    dps: int = 30
    seed: int = 0
    #: z3 budget of one claim (rlimit units), shared by all its solver calls (``z3_backend.claim_budget``).
    rlimit: int = 6_000_000
    samples: int = 200


__all__ = ["CheckOptions"]
