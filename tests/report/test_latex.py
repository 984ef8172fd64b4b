"""The LaTeX report: one main.tex with a section per claim (id, verdict, quote), escaped text, and it compiles."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from formal_emergence.report.latex import tex, tid


def test_every_claim_has_a_section_with_id_verdict_and_quote(bundled, bundled_latex):
    main = (bundled_latex / "main.tex").read_text(encoding="utf-8")
    assert main.startswith("\\documentclass")
    for pkg in ("amsmath", "amssymb", "booktabs", "longtable", "CJKutf8"):
        assert pkg in main
    for claim, result in bundled.pairs:
        assert tid(claim.id) in main, claim.id
        assert tex(claim.source.quote) in main, claim.id
    sections = main.split("\\subsection{")[1:]
    assert len(sections) == len(bundled.pairs)
    by_label = {s.split("\\label{claim:", 1)[1].split("}", 1)[0]: s for s in sections}
    for claim, result in bundled.pairs:
        label = "".join(ch if ch.isalnum() or ch in ".-" else "-" for ch in claim.id)
        assert f"}}{{{tex(result.verdict.value)}}}" in by_label[label], claim.id


def test_text_escaping():
    assert tex("50% & $x_1$ #{a}~^\\") == r"50\% \& \$x\_1\$ \#\{a\}\textasciitilde{}\textasciicircum{}\textbackslash{}"
    assert tex("规模临界点定理（一）") == "规模临界点定理（一）"
    assert tex("a ≤ b ⇒ α") == r"a $\leq$ b $\Rightarrow$ $\alpha$"
    assert tex("😀") == r"\texttt{[U+1F600]}"
    assert tex("<x|y>") == r"\textless{}x\textbar{}y\textgreater{}"


def test_fixture_sections(fixture_catalog, fixture_latex):
    main = (fixture_latex / "main.tex").read_text(encoding="utf-8")
    assert "\\begin{CJK}{UTF8}{gbsn}" in main and "\\end{CJK}" in main
    assert "\\textless{}script\\textgreater{}" in main
    assert "n^{2} < 2^{n}" in main  # SymPy's LaTeX for the statement


def _compile(directory: Path, tmp_path: Path) -> None:
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex is not installed")
    kpse = shutil.which("kpsewhich")
    if kpse and not subprocess.run([kpse, "CJKutf8.sty"], capture_output=True, text=True).stdout.strip():
        pytest.skip("CJKutf8 (the LaTeX CJK bundle) is not installed")
    work = tmp_path / "build"
    shutil.copytree(directory, work)
    proc = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "main.tex"], cwd=work,
                          capture_output=True, text=True, errors="replace", timeout=240)
    log = (work / "main.log").read_text(encoding="utf-8", errors="replace") if (work / "main.log").exists() else ""
    errors = [line for line in log.splitlines() if line.startswith("!")]
    assert proc.returncode == 0, "\n".join(errors) or proc.stdout[-3000:]
    assert errors == []
    assert (work / "main.pdf").stat().st_size > 10_000


def test_bundled_latex_compiles(bundled_latex, tmp_path):
    _compile(bundled_latex, tmp_path)


def test_fixture_latex_compiles(fixture_latex, tmp_path):
    _compile(fixture_latex, tmp_path)
