"""Deterministic numpy experiments that test empirical claims, each paired with its closed form.

See :mod:`formal_emergence.simulation.experiments` for the model, estimator and scope of each one.
"""

from formal_emergence.simulation.experiments import (
    EXPERIMENTS,
    SimulationResult,
    attention_entropy,
    gradient_noise_averaging,
    random_cosine,
    run_experiment,
)

__all__ = [
    "EXPERIMENTS",
    "SimulationResult",
    "attention_entropy",
    "gradient_noise_averaging",
    "random_cosine",
    "run_experiment",
]
