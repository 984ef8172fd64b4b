"""formal_emergence: check the mathematical claims of documents on AI emergence and scaling laws.

The public API: ``load_catalog`` reads claim files, ``check_claim`` computes a
``Result`` (verdict, reason, evidence) for one ``Claim``, and ``check_catalog``
checks a catalog's assertions (every reading, with conventions, flip points,
plausible ranges and vacuity) and the lemmas bearing on them. ``explain`` and
``Explained`` show a claim's explanation in a notebook.

Importing the package imports none of them: each name is loaded on first use
(PEP 562), so that the command line can say what it is doing before it pays
for the model, the parsers and the engines.
"""

from importlib import import_module

__version__ = "0.1.0"

#: Public name -> the module that defines it (loaded on first access).
_LAZY = {
    "Claim": ".model.claim", "Definition": ".model.claim", "Source": ".model.claim",
    "Result": ".model.verdict", "Verdict": ".model.verdict",
    "load_catalog": ".parse.claimfile",
    "explain": ".report.notebook_repr", "Explained": ".report.notebook_repr",
}

__all__ = ["Claim", "Definition", "Source", "Result", "Verdict", "load_catalog", "check_claim", "check_catalog",
           "__version__", "explain", "Explained"]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_LAZY))


def check_claim(claim, options=None):
    """Check one claim with the default engines and return its ``Result``."""
    from .engine.check import CheckOptions
    from .engine.run import check_all
    return check_all([claim], options or CheckOptions())[0][1]


def check_catalog(catalog, options=None, ids=(), documents=()):
    """Check the assertions and lemmas of ``catalog`` (optionally only ``ids`` / ``documents``)."""
    from .engine.assertions import check_catalog as check
    from .engine.check import CheckOptions
    return check(catalog, options or CheckOptions(), ids, documents)
