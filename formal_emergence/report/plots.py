"""Plots for report pages, drawn with matplotlib and returned as inline SVG strings.

Each function builds its own ``matplotlib.figure.Figure`` with an Agg canvas
(no pyplot state, no global ``rcParams`` change) and renders it to SVG inside
``matplotlib.rc_context({'svg.hashsalt': ...})`` with ``metadata={'Date': None}``,
so the same input gives byte-identical SVG. Element ids are prefixed per plot so
that several SVGs can share one HTML page.

Plots:

- :func:`phase_transition_svg`: P(N) = 1 - exp(-(N/N_c)^alpha) with N_c and the
  10 %/50 %/90 % crossings N_p = N_c (-ln(1-p))^(1/alpha) (closed form);
- :func:`counterexample_svg`: both sides of a relation around a witness
  (float64 evaluation, for the picture only);
- :func:`scaling_laws_svg`: Kaplan et al. 2020 L(N) and Hoffmann et al. 2022
  L(N, D = 20 N) with the published fits from ``formal_emergence.literature``;
- :func:`simulation_svg`: measured vs closed form of a simulation sweep.
"""

from __future__ import annotations

import io
import math
import re
from fractions import Fraction
from typing import Any, Mapping, Sequence

import numpy as np

from ..model.terms import Term

HASHSALT = "formal-emergence"
PHASE_ALPHA = 3.2
PHASE_LEVELS = (0.1, 0.5, 0.9)
CHINCHILLA_TOKENS_PER_PARAM = 20

_COLORS = {"lhs": "#1f5fa8", "rhs": "#c0392b", "witness": "#111111", "measured": "#1f5fa8",
           "closed": "#c0392b", "kaplan": "#1f5fa8", "hoffmann": "#c0392b", "curve": "#1f5fa8", "mark": "#6c3483"}


def _figure(width: float = 6.4, height: float = 3.8):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    fig = Figure(figsize=(width, height), dpi=100)
    FigureCanvasAgg(fig)  # the Agg backend, set for this figure only
    return fig


def _to_svg(fig, key: str, label: str) -> str:
    """Render ``fig`` to deterministic SVG markup suitable for inlining in HTML."""
    import matplotlib
    buf = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": HASHSALT, "svg.fonttype": "path"}), np.errstate(all="ignore"):
        fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight")
    svg = buf.getvalue()
    start = svg.find("<svg")
    svg = svg[start:] if start >= 0 else svg
    prefix = re.sub(r"[^A-Za-z0-9]", "-", key) + "-"
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}{m.group(1)}"', svg)
    svg = re.sub(r'(xlink:href|href)="#([^"]+)"', lambda m: f'{m.group(1)}="#{prefix}{m.group(2)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m.group(1)})", svg)
    from html import escape
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" class="plot" ', 1)
    return svg.strip() + "\n"


# --------------------------------------------------------------------------- (1) phase transition

def phase_crossings(alpha: float = PHASE_ALPHA, levels: Sequence[float] = PHASE_LEVELS) -> list[tuple[float, float]]:
    """``(p, N_p / N_c)`` with N_p = N_c (-ln(1 - p))^(1/alpha): where P(N) = 1 - exp(-(N/N_c)^alpha) crosses p."""
    return [(p, (-math.log1p(-p)) ** (1.0 / alpha)) for p in levels]


def phase_transition_svg(alpha: float = PHASE_ALPHA, key: str = "phase", witness: float | None = None,
                         witness_label: str = "") -> str:
    """The phase-transition curve P(N) against N/N_c (log x), with N_c and the 10/50/90 % crossings marked;
    ``witness`` (a value of N/N_c) is marked on the curve when given."""
    fig = _figure()
    ax = fig.add_subplot(1, 1, 1)
    lo, hi = 0.1, 10.0
    if witness is not None and witness > 0:
        lo, hi = min(lo, witness / 3), max(hi, witness * 3)
    x = np.geomspace(lo, hi, 600)
    ax.plot(x, -np.expm1(-(x ** alpha)), color=_COLORS["curve"], lw=2,
            label=rf"$P(N) = 1 - e^{{-(N/N_c)^{{\alpha}}}}$, $\alpha = {alpha:g}$")
    ax.set_xscale("log")
    ax.axvline(1.0, color="#555555", ls="--", lw=1)
    p_c = -math.expm1(-1.0)
    ax.plot([1.0], [p_c], "o", color="#555555")
    ax.annotate(rf"$N_c$: $P = 1 - 1/e \approx {p_c:.3f}$", (1.0, p_c), xytext=(8, -14),
                textcoords="offset points", fontsize=8, color="#333333")
    for p, xp in phase_crossings(alpha):
        ax.axhline(p, color="#bbbbbb", lw=0.8, zorder=0)
        ax.plot([xp], [p], "s", color=_COLORS["mark"], ms=5)
        ax.annotate(rf"{p:.0%}: $N = {xp:.3f}\,N_c$", (xp, p), xytext=(8, -12), textcoords="offset points",
                    fontsize=8, color=_COLORS["mark"])
    if witness is not None and witness > 0:
        pw = -math.expm1(-(witness ** alpha))
        ax.axvline(witness, color=_COLORS["witness"], ls=":", lw=1.2)
        ax.plot([witness], [pw], marker="*", ms=14, color=_COLORS["witness"], zorder=6, ls="none",
                label=f"counterexample: {witness_label or f'N = {witness:.4g} N_c'}")
    ax.set_xlabel(r"$N / N_c$ (log scale)")
    ax.set_ylabel(r"$P(N)$")
    ax.set_ylim(-0.02, 1.02)
    ax.set_title("Phase-transition model of emergence", fontsize=10)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.grid(True, which="major", alpha=0.3)
    return _to_svg(fig, key, f"phase-transition curve P(N) with alpha = {alpha:g}")


# --------------------------------------------------------------------------- (2) counterexample

def counterexample_grid(w: float, domain: str, integral: bool) -> tuple[np.ndarray, bool]:
    """Sample points around the witness value ``w`` inside ``domain``; returns (x, log_x)."""
    if domain in ("unit", "probability"):
        x = np.linspace(0.0, 1.0, 401)[1:-1] if domain == "unit" else np.linspace(0.0, 1.0, 401)
        return np.union1d(x, [w]), False
    positive = domain in ("positive", "nonnegative", "posint", "natural")
    if w > 0 and positive:
        lo, hi = w / 10.0, w * 10.0
        if integral:
            lo, hi = max(1.0 if domain == "posint" else 0.0, math.floor(lo)), math.ceil(hi)
            x = np.arange(lo, hi + 1.0)
            if len(x) > 400:
                x = np.unique(np.round(np.geomspace(max(lo, 1.0), hi, 400)))
            return np.union1d(x, [w]), hi / max(lo, 1.0) > 50
        return np.union1d(np.geomspace(lo, hi, 401), [w]), True
    span = max(abs(w), 1.0)
    lo, hi = w - span, w + span
    if positive or domain == "posint":
        lo = max(lo, 1.0 if domain == "posint" else 0.0)
    if domain == "negative":
        hi = min(hi, 0.0)
    if integral:
        x = np.arange(math.ceil(lo), math.floor(hi) + 1.0)
        return np.union1d(x, [w]), False
    return np.union1d(np.linspace(lo, hi, 401), [w]), False


def counterexample_svg(lhs: Term, rhs: Term, op: str, var: str, values: Mapping[str, Fraction], domain: str,
                       integral: bool = False, assumptions: Sequence[Term] = (), lhs_label: str = "",
                       rhs_label: str = "", dps: int = 30, key: str = "counterexample") -> str | None:
    """Both sides of ``lhs op rhs`` as functions of ``var`` (other symbols fixed at the witness), witness marked.

    Evaluated in float64 with numpy for the picture only. Returns None when a
    side cannot be evaluated or is not finite at the witness.
    """
    with np.errstate(all="ignore"):
        return _counterexample_svg(lhs, rhs, op, var, values, domain, integral, assumptions, lhs_label, rhs_label,
                                   dps, key)


def _counterexample_svg(lhs, rhs, op, var, values, domain, integral, assumptions, lhs_label, rhs_label, dps, key):
    from .floateval import NotPlottable, evaluate
    w = float(values[var])
    if not math.isfinite(w):
        return None
    fixed = {k: float(v) for k, v in values.items() if k != var}
    x, log_x = counterexample_grid(w, domain, integral)
    env = {**fixed, var: x}
    try:
        ly = np.broadcast_to(evaluate(lhs, env), x.shape).astype(float)
        ry = np.broadcast_to(evaluate(rhs, env), x.shape).astype(float)
        lw = float(evaluate(lhs, {**fixed, var: w}))
        rw = float(evaluate(rhs, {**fixed, var: w}))
        held = None
        if assumptions:
            held = np.ones(x.shape, dtype=bool)
            for a in assumptions:
                held &= np.broadcast_to(evaluate(a, env), x.shape).astype(bool)
    except (NotPlottable, TypeError, ValueError, OverflowError):
        return None
    if not (math.isfinite(lw) and math.isfinite(rw)):
        return None
    if not (np.isfinite(ly).any() and np.isfinite(ry).any()):
        return None
    fig = _figure()
    ax = fig.add_subplot(1, 1, 1)
    marker = "o" if integral and len(x) <= 60 else None
    ax.plot(x, ly, marker=marker, ls="-", color=_COLORS["lhs"], lw=1.8, ms=3, label=f"left side: {_short(lhs_label)}")
    ax.plot(x, ry, marker=marker, ls="--", color=_COLORS["rhs"], lw=1.8, ms=3,
            label=f"right side: {_short(rhs_label)}")
    if log_x:
        ax.set_xscale("log")
    finite = np.concatenate([ly[np.isfinite(ly)], ry[np.isfinite(ry)], [lw, rw]])
    if finite.size and finite.min() > 0 and finite.max() / finite.min() > 1e3:
        ax.set_yscale("log")
    if held is not None and held.any() and not held.all():
        ymin, ymax = ax.get_ylim()
        ax.fill_between(x, ymin, ymax, where=held, color="#2e8b57", alpha=0.08, step="mid",
                        label="assumptions hold")
        ax.set_ylim(ymin, ymax)
    ax.axvline(w, color=_COLORS["witness"], ls=":", lw=1)
    ax.plot([w, w], [lw, rw], "*", color=_COLORS["witness"], ms=13, zorder=6,
            label=f"counterexample: {var} = {_fraction_label(values[var])}")
    ax.annotate("counterexample", (w, lw), xytext=(10, 10), textcoords="offset points", fontsize=8,
                color=_COLORS["witness"], arrowprops={"arrowstyle": "->", "color": _COLORS["witness"], "lw": 0.8})
    ax.set_xlabel(f"{var}" + (" (log scale)" if log_x else ""))
    ax.set_title(f"Counterexample: left {op} right fails at the witness", fontsize=10)
    others = ", ".join(f"{k} = {_fraction_label(v)}" for k, v in sorted(values.items()) if k != var)
    if others:
        ax.text(0.0, -0.2 if not log_x else -0.22, f"fixed at the witness: {_short(others, 110)}",
                transform=ax.transAxes, fontsize=7, color="#444444")
    ax.legend(fontsize=7, frameon=False, loc="best")
    ax.grid(True, alpha=0.3)
    return _to_svg(fig, key, f"counterexample on the graph of both sides as functions of {var}")


def _fraction_label(v: Fraction) -> str:
    v = Fraction(v)
    if v.denominator == 1:
        return str(v.numerator) if abs(v.numerator) < 10**7 else f"{float(v):.4g}"
    text = f"{v.numerator}/{v.denominator}"
    return text if len(text) <= 18 else f"{float(v):.6g}"


def _short(text: str, n: int = 60) -> str:
    text = text.replace("$", r"\$")
    return text if len(text) <= n else text[: n - 3] + "..."


# --------------------------------------------------------------------------- (3) scaling laws

def scaling_law_parameters() -> dict[str, Any]:
    """The published fits, read exactly from the literature data and converted to floats for plotting."""
    from ..literature import load_references
    refs = load_references()

    def val(rid: str) -> float:
        return float(refs[rid].value)

    d_over_n = refs.get("hoffmann2022.frontier.d_over_n")
    tokens = CHINCHILLA_TOKENS_PER_PARAM
    if d_over_n is not None and d_over_n.value is not None and 10 <= d_over_n.value <= 30:
        tokens = float(d_over_n.value)
    return {
        "kaplan": {"N_c": val("kaplan2020.n_c"), "alpha_N": val("kaplan2020.alpha_n"),
                   "citation": refs["kaplan2020.n_c"].citation()},
        "hoffmann": {"E": val("hoffmann2022.fit_rounded.e"), "A": val("hoffmann2022.fit_rounded.a"),
                     "B": val("hoffmann2022.fit_rounded.b"), "alpha": val("hoffmann2022.fit_rounded.alpha"),
                     "beta": val("hoffmann2022.fit_rounded.beta"),
                     "citation": refs["hoffmann2022.fit_rounded.a"].citation()},
        "tokens_per_param": tokens,
    }


def scaling_laws_svg(key: str = "scaling") -> str:
    """Kaplan L(N) = (N_c/N)^alpha_N and Hoffmann L = E + A/N^alpha + B/D^beta along D = 20 N (log-log)."""
    prm = scaling_law_parameters()
    k, h, t = prm["kaplan"], prm["hoffmann"], prm["tokens_per_param"]
    n = np.geomspace(1e7, 1e13, 400)
    kaplan = (k["N_c"] / n) ** k["alpha_N"]
    hoffmann = h["E"] + h["A"] / n ** h["alpha"] + h["B"] / (t * n) ** h["beta"]
    fig = _figure()
    ax = fig.add_subplot(1, 1, 1)
    ax.plot(n, kaplan, color=_COLORS["kaplan"], lw=2,
            label=rf"Kaplan 2020: $L(N) = ({_sci(k['N_c'])}/N)^{{{k['alpha_N']:g}}}$")
    ax.plot(n, hoffmann, color=_COLORS["hoffmann"], lw=2, ls="--",
            label=rf"Hoffmann 2022: ${h['E']:g} + {h['A']:g}/N^{{{h['alpha']:g}}} + {h['B']:g}/D^{{{h['beta']:g}}}$,"
                  rf" $D = {t:g}N$")
    ax.axhline(h["E"], color=_COLORS["hoffmann"], lw=0.8, ls=":", label=f"irreducible loss E = {h['E']:g}")
    ax.set_xscale("log")
    ax.set_xlabel("parameters N (log scale)")
    ax.set_ylabel("loss (nats/token)")
    ax.set_title("Published scaling-law fits", fontsize=10)
    ax.legend(fontsize=7, frameon=False, loc="upper right")
    ax.grid(True, which="major", alpha=0.3)
    return _to_svg(fig, key, "scaling-law curves of Kaplan et al. 2020 and Hoffmann et al. 2022")


def _sci(v: float) -> str:
    """Mathtext for a float in scientific notation, e.g. 8.8e13 -> 8.8\\times10^{13}."""
    if v == 0 or 1e-3 <= abs(v) < 1e4:
        return f"{v:g}"
    exp = int(math.floor(math.log10(abs(v))))
    mant = v / 10**exp
    return rf"{mant:.3g}\times10^{{{exp}}}"


# --------------------------------------------------------------------------- (4) simulations

def simulation_svg(details: Mapping[str, Any], key: str = "simulation") -> str | None:
    """Measured vs closed form against the swept parameter (log axes where the values allow)."""
    params = details.get("parameters")
    measured = details.get("measured")
    if not isinstance(params, (list, tuple)) or not isinstance(measured, (list, tuple)) or not params \
            or len(params) != len(measured):
        return None
    try:
        x = np.asarray([float(p) for p in params])
        y = np.asarray([np.nan if m is None else float(m) for m in measured])
    except (TypeError, ValueError):
        return None
    closed = details.get("closed_form")
    c = None
    if isinstance(closed, (list, tuple)) and len(closed) == len(params):
        c = np.asarray([np.nan if v is None else float(v) for v in closed])
    se = details.get("standard_error")
    err = None
    if isinstance(se, (list, tuple)) and len(se) == len(params):
        err = np.asarray([0.0 if v is None else float(v) for v in se])
    fig = _figure()
    ax = fig.add_subplot(1, 1, 1)
    if err is not None:
        ax.errorbar(x, y, yerr=err, fmt="o-", color=_COLORS["measured"], ms=4, lw=1.5, capsize=3,
                    label="measured (± 1 standard error)")
    else:
        ax.plot(x, y, "o-", color=_COLORS["measured"], ms=4, lw=1.5, label="measured")
    if c is not None and np.isfinite(c).any():
        ax.plot(x, c, "s--", color=_COLORS["closed"], ms=4, lw=1.2, label="closed form")
    if (x > 0).all():
        ax.set_xscale("log")
    values = np.concatenate([y[np.isfinite(y)], c[np.isfinite(c)] if c is not None else []])
    if values.size and (values > 0).all():
        ax.set_yscale("log")
    jump = details.get("largest_jump")
    if isinstance(jump, Mapping) and jump.get("from_parameter") is not None and jump.get("to_parameter") is not None:
        try:
            ax.axvspan(float(jump["from_parameter"]), float(jump["to_parameter"]), color="#f1c40f", alpha=0.15,
                       label="largest relative change")
        except (TypeError, ValueError):
            pass
    ax.set_xlabel(f"swept parameter ({details.get('experiment', '')})")
    ax.set_ylabel(_short(str(details.get("observable", "observable")).split(" (")[0], 36), fontsize=9)
    ax.set_title(f"Simulation {details.get('experiment', '')}: measured vs closed form", fontsize=10)
    ax.legend(fontsize=7, frameon=False, loc="best")
    ax.grid(True, which="both", alpha=0.25)
    return _to_svg(fig, key, f"simulation {details.get('experiment', '')}: measured against closed form")


__all__ = ["phase_transition_svg", "phase_crossings", "counterexample_svg", "scaling_laws_svg",
           "scaling_law_parameters", "simulation_svg", "PHASE_ALPHA", "HASHSALT"]
