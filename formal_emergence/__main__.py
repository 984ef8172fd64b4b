"""``python -m formal_emergence`` runs the command-line interface."""

from .cli import main

main()
