"""formal_emergence: check the mathematical claims of documents on AI emergence and scaling laws.

The public API: ``load_catalog`` reads claim files, ``check_claim`` computes a
``Result`` (verdict, reason, evidence) for one ``Claim``, and ``check_catalog``
checks a catalog's assertions (every reading, with conventions, flip points,
plausible ranges and vacuity) and the lemmas bearing on them.
"""

__version__ = "0.1.0"

from .model.claim import Claim, Definition, Source  # noqa: E402
from .model.verdict import Result, Verdict  # noqa: E402
from .parse.claimfile import load_catalog  # noqa: E402


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


__all__ = ["Claim", "Definition", "Source", "Result", "Verdict", "load_catalog", "check_claim", "check_catalog",
           "__version__"]

from .report.notebook_repr import Explained, explain  # noqa: E402

__all__ += ["explain", "Explained"]
