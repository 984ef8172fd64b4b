"""Tests of formal_emergence.coverage: headings, formula passages, claim coverage."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from formal_emergence.coverage import (
    PASSAGE_KINDS,
    SEEDS_ENV_VAR,
    DocumentCoverage,
    Passage,
    Section,
    coverage,
    find_documents,
    formula_passages,
    render_coverage,
    split_sections,
)

MARKDOWN_DOC = """\
# 08.4.9-测试文档

## 一、概述

这是一个概述，写于2025年。

## 二、目录

- [3.1 模型](#31-模型) 参数>100B

## 三、核心形式化理论

### 3.1 模型

$$P = 1 - e^{-N}$$

## 四、重复的编号

### 3.1 模型

```math
L(N) = a \\cdot N^{-\\alpha}
```

$$
N > N_c \\approx 100B
$$

当 $d_k > 128$ 时，注意力分布的熵显著下降。

- $N$：模型规模

**核心条件**：参数>100B，数据>1T tokens

| **能力** | **阈值** |
|---------|---------|
| **CoT** | 60B |
| **说明** | 无 |

## 十、参考文档

- Kaplan et al. (2020), 175B parameters, $x = 1$
"""

FLAT_DOC = """\
相关深入内容:
- 缩放定律 — 与涌现的关系
概述
涌现能力在2022年被系统性提出。
1. 涌现能力的定义
1.1 原始定义
定义要素:
- 能力在小型模型上不存在
1.2 涌现的数学描述
涌现能力可以用相变来描述:
def detect_emergence(
sizes: list,
baseline: float = 0.25
) -> dict:
\"\"\"
检测涌现能力
1. 小规模模型性能接近随机水平
2. 大规模模型性能显著高于随机水平
\"\"\"
improvement = 0.3
return {
'is_emergent': improvement > 0.2,
}1.3 涌现能力分类
| 类别 | 示例 | 典型阈值 |
|---|---|---|
| 推理能力 | 链式推理、数学证明 | 10B-100B |
| 观点 | 说明 | 高 |
2. 经典涌现能力案例
2.1 链式推理(Chain-of-Thought)
观察:CoT推理能力在约100B参数模型上涌现。
import numpy as np

def plot_curve():
sizes = [7e6, 70e9]
return sizes2.2 思维链涌现的临界点
class ThresholdModel:
\"\"\"复杂度阈值模型\"\"\"
def __init__(self):
self.complexity = 1e6
def predict(self, size):
return size ** 1.5 > self.complexity
3. 涌现的质疑与反驳
3.1 涌现是 Mirage 吗?
- 5选1:随机=20%
参考
Footnotes
-
Wei, J., et al. (2022). 137B parameters. arXiv:2206.07682.
"""

EMOJI_DOC = """\
A Limit Theory of Foundation Models
发布日期: 2026-04-27
💡 一句话要点
提出极限理论以理解基础模型中的涌现智能
🖼️ 关键图片
📄 摘要(原文)
We introduce a performance function E(N, P, K) to quantify behaviour. We recast it as the limit $\\lim_{N \\to \\infty} \\mathcal{E}(N)$. The critical condition Lip(T)=1 matters.
"""


def claim(claim_id: str, document: str, section: str, quote: str) -> SimpleNamespace:
    return SimpleNamespace(id=claim_id, source=SimpleNamespace(document=document, section=section, quote=quote))


def kinds(passages: list[Passage]) -> list[str]:
    return [p.kind for p in passages]


# ------------------------------------------------------------------------ sections


def test_markdown_headings_keep_duplicates_and_levels():
    sections = split_sections(MARKDOWN_DOC)
    assert [s.heading for s in sections] == [
        "08.4.9-测试文档", "一、概述", "二、目录", "三、核心形式化理论", "3.1 模型",
        "四、重复的编号", "3.1 模型", "十、参考文档",
    ]
    assert [s.level for s in sections] == [1, 2, 2, 2, 3, 2, 3, 2]
    first, second = (s for s in sections if s.heading == "3.1 模型")
    assert first.start_line < first.end_line < second.start_line
    assert sections[0].end_line == len(MARKDOWN_DOC.splitlines())
    assert all(isinstance(s, Section) for s in sections)


def test_markdown_heading_inside_fence_is_not_a_heading():
    text = "## A\n\n```python\n# not a heading\nx = 1\n```\n\n## B\n"
    assert [s.heading for s in split_sections(text)] == ["A", "B"]


def test_flattened_headings_including_glued_ones():
    sections = split_sections(FLAT_DOC)
    assert [s.heading for s in sections] == [
        "概述", "1. 涌现能力的定义", "1.1 原始定义", "1.2 涌现的数学描述", "1.3 涌现能力分类",
        "2. 经典涌现能力案例", "2.1 链式推理(Chain-of-Thought)", "2.2 思维链涌现的临界点",
        "3. 涌现的质疑与反驳", "3.1 涌现是 Mirage 吗?", "参考", "Footnotes",
    ]
    by_heading = {s.heading: s for s in sections}
    lines = FLAT_DOC.splitlines()
    assert lines[by_heading["1.3 涌现能力分类"].start_line - 1] == "}1.3 涌现能力分类"
    assert lines[by_heading["2.2 思维链涌现的临界点"].start_line - 1] == "return sizes2.2 思维链涌现的临界点"
    assert by_heading["1. 涌现能力的定义"].level == 1 and by_heading["1.2 涌现的数学描述"].level == 2
    # the parent spans its subsections
    assert by_heading["1. 涌现能力的定义"].end_line == by_heading["2. 经典涌现能力案例"].start_line - 1


def test_numbered_lines_inside_docstrings_are_not_headings():
    headings = {s.heading for s in split_sections(FLAT_DOC)}
    assert "2. 大规模模型性能显著高于随机水平" not in headings
    assert "1. 小规模模型性能接近随机水平" not in headings


def test_emoji_headings():
    sections = split_sections(EMOJI_DOC)
    assert [s.heading for s in sections] == ["一句话要点", "关键图片", "摘要(原文)"]
    assert sections[-1].start_line == 6


# ------------------------------------------------------------------------ passages


def test_markdown_passage_kinds():
    passages = formula_passages(MARKDOWN_DOC, document="doc.md")
    got = {(p.kind, p.section, p.text) for p in passages}
    assert ("display-math", "3.1 模型", "P = 1 - e^{-N}") in got
    assert ("display-math", "3.1 模型", "L(N) = a \\cdot N^{-\\alpha}") in got
    assert ("display-math", "3.1 模型", "N > N_c \\approx 100B") in got
    assert ("inline-math", "3.1 模型", "当 $d_k > 128$ 时，注意力分布的熵显著下降。") in got
    assert ("threshold", "3.1 模型", "**核心条件**：参数>100B，数据>1T tokens") in got
    assert ("table-row", "3.1 模型", "| **CoT** | 60B |") in got
    assert all(p.document == "doc.md" for p in passages)
    assert set(kinds(passages)) <= set(PASSAGE_KINDS)


def test_markdown_skips_toc_references_headers_and_bare_symbols():
    passages = formula_passages(MARKDOWN_DOC)
    texts = " ".join(p.text for p in passages)
    assert all(p.section not in ("二、目录", "十、参考文档") for p in passages)
    assert "Kaplan" not in texts and "[3.1 模型]" not in texts
    assert "**能力**" not in texts  # header row
    assert "**说明**" not in texts  # row without a number
    assert "$N$：模型规模" not in texts  # a lone symbol is not a formula
    assert "2025年" not in texts  # a year is not a threshold


def test_display_math_line_numbers():
    passages = formula_passages(MARKDOWN_DOC)
    lines = MARKDOWN_DOC.splitlines()
    for p in passages:
        if p.kind == "display-math":
            assert lines[p.line - 1].strip().startswith(("$$", "```"))


def test_flattened_code_units():
    passages = formula_passages(FLAT_DOC)
    code = [p for p in passages if p.kind == "code"]
    starts = [p.text.splitlines()[0] for p in code]
    assert starts == [
        "def detect_emergence(",
        "import numpy as np",  # the import joins the def that follows it
        "class ThresholdModel:",
        "def __init__(self):",
        "def predict(self, size):",
    ]
    detect = code[0]
    assert detect.section == "1.2 涌现的数学描述"
    assert "2. 大规模模型性能显著高于随机水平" in detect.text  # the docstring stays in the unit
    assert detect.text.rstrip().endswith("}")  # the glued heading is cut off
    assert "1.3" not in detect.text.splitlines()[-1]
    plot = code[1]
    assert "def plot_curve():" in plot.text and plot.text.rstrip().endswith("return sizes")
    assert plot.section == "2.1 链式推理(Chain-of-Thought)"


def test_flattened_tables_thresholds_and_reference_skipping():
    passages = formula_passages(FLAT_DOC)
    got = {(p.kind, p.section, p.text) for p in passages}
    assert ("table-row", "1.3 涌现能力分类", "| 推理能力 | 链式推理、数学证明 | 10B-100B |") in got
    assert ("threshold", "2.1 链式推理(Chain-of-Thought)", "观察:CoT推理能力在约100B参数模型上涌现。") in got
    assert ("threshold", "3.1 涌现是 Mirage 吗?", "- 5选1:随机=20%") in got
    texts = " ".join(p.text for p in passages)
    assert "137B" not in texts and "| 观点 |" not in texts and "2022年" not in texts


def test_emoji_document_passages():
    passages = formula_passages(EMOJI_DOC)
    assert [(p.kind, p.section) for p in passages] == [
        ("inline-math", "摘要(原文)"),
        ("inline-math", "摘要(原文)"),
        ("threshold", "摘要(原文)"),
    ]
    assert passages[1].text.startswith("We recast it as the limit $\\lim")
    assert "2026" not in " ".join(p.text for p in passages)


@pytest.mark.parametrize("line, kind", [
    ("维数>10^5 时随机向量几乎正交", "threshold"),
    ("总计算量约 4.41 × 10^24 FLOPs", "threshold"),
    ("当 N>10^{11} 时组合足够", "threshold"),
    ("单个像素无意义，但 65536 像素可涌现图像", "threshold"),
    ("在约束 N × D = C 下最小化损失", "inline-math"),
    ("其中 $\\epsilon$ 是涌现阈值", None),
    ("**最后更新**：2025-11-10", None),
    ("**步骤1**：规模提供表征容量", None),
])
def test_prose_classification(line, kind):
    passages = formula_passages("## S\n\n" + line + "\n")
    assert kinds(passages) == ([kind] if kind else [])


# ------------------------------------------------------------------------ coverage


@pytest.fixture()
def seeds(tmp_path: Path) -> Path:
    (tmp_path / "000_md.txt").write_text(MARKDOWN_DOC, encoding="utf-8")
    (tmp_path / "003_flat.txt").write_text(FLAT_DOC, encoding="utf-8")
    (tmp_path / ".hidden").write_text("$$x = 1$$\n", encoding="utf-8")
    return tmp_path


def test_coverage_counts(seeds: Path):
    claims = [
        # short quote: the passage contains the whole quote
        claim("c-short", "000_md.txt", "3.1 模型", "P = 1 - e^{-N}"),
        # whitespace differs from the document: still found, still covers
        claim("c-ws", "000_md.txt", "3.1 模型", "当 $d_k > 128$ 时，注意力分布的熵显著下降。"),
        # partial overlap of >= 12 non-space characters (and not verbatim in the document)
        claim("c-partial", "000_md.txt", "3.1 模型", "参数>100B，数据>1T tokens (paraphrased tail)"),
        claim("c-flat", "003_flat.txt", "1.3 涌现能力分类", "| 推理能力 | 链式推理、数学证明 | 10B-100B |"),
    ]
    results = coverage(seeds, claims)
    assert [r.document for r in results] == ["000_md.txt", "003_flat.txt"]
    md, flat = results
    assert isinstance(md, DocumentCoverage)
    md_passages = formula_passages(MARKDOWN_DOC)
    assert md.passages_total == len(md_passages)
    assert md.claims == 3 and flat.claims == 1
    assert md.passages_covered == 3
    assert md.passages_covered + len(md.uncovered) == md.passages_total
    uncovered_texts = {p.text for p in md.uncovered}
    assert "P = 1 - e^{-N}" not in uncovered_texts
    assert "| **CoT** | 60B |" in uncovered_texts
    assert md.quotes_not_found == ("c-partial",)
    assert md.sections_not_found == ()
    assert flat.passages_covered == 1 and flat.quotes_not_found == () and flat.sections_not_found == ()


def test_overlap_below_threshold_does_not_cover(seeds: Path):
    # "参数>100B，数据>" is 11 non-space characters of the threshold passage
    results = coverage(seeds, [claim("c", "000_md.txt", "3.1 模型", "参数>100B，数据> xyz")])
    assert results[0].passages_covered == 0
    one_more = coverage(seeds, [claim("c", "000_md.txt", "3.1 模型", "参数>100B，数据>1 xyz")])
    assert one_more[0].passages_covered == 1
    assert any(p.text == "**核心条件**：参数>100B，数据>1T tokens" for p in results[0].uncovered)


def test_quote_and_section_not_found(seeds: Path):
    claims = [
        claim("ok", "000_md.txt", "四、重复的编号", "**核心条件**：参数>100B，数据>1T\n   tokens"),
        claim("bad-quote", "000_md.txt", "3.1 模型", "参数>200B"),
        claim("bad-section", "000_md.txt", "3.1 模型（不存在）", "P = 1 - e^{-N}"),
        claim("spaced", "000_md.txt", "3.1 模型", "参数 > 100B"),  # only whitespace normalisation
        claim("flat-section", "003_flat.txt", "1.2 涌现的数学描述", "improvement = 0.3"),
        claim("missing-doc", "999_missing.txt", "x", "y"),
    ]
    md, flat, missing = coverage(seeds, claims)
    assert md.quotes_not_found == ("bad-quote", "spaced")
    assert md.sections_not_found == ("bad-section",)
    assert flat.quotes_not_found == () and flat.sections_not_found == ()
    assert missing.document == "999_missing.txt" and missing.passages_total == 0
    assert missing.quotes_not_found == ("missing-doc",) == missing.sections_not_found


def test_document_matched_by_stem(seeds: Path):
    (md,) = coverage(seeds, [claim("c", "000_md", "3.1 模型", "P = 1 - e^{-N}")])
    assert md.claims == 1 and md.passages_covered == 1


def test_render_coverage(seeds: Path):
    results = coverage(seeds, [claim("c1", "000_md.txt", "3.1 模型", "nowhere to be found"),
                               claim("c2", "003_flat.txt", "1.3 涌现能力分类", "nowhere either")])
    text = render_coverage(results)
    header = text.splitlines()[0]
    assert "document" in header and "passages" in header and "covered" in header and "claims" in header
    assert "total" in text
    first = results[0].uncovered[0]
    assert f"line {first.line} [{first.kind}] {first.section}: " in text
    long_row = next(p for p in results[1].uncovered if len(" ".join(p.text.split())) > 60)
    excerpt = " ".join(long_row.text.split())[:60]
    assert excerpt + "…" in text
    assert "quotes not found: c1" in text


# ------------------------------------------------------------------- find_documents


def test_find_documents_explicit_and_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    assert find_documents(str(seeds)) == seeds.resolve()
    assert find_documents(str(tmp_path / "absent")) is None
    monkeypatch.setenv(SEEDS_ENV_VAR, str(seeds))
    assert find_documents(None) == seeds.resolve()


def test_find_documents_walks_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(SEEDS_ENV_VAR, raising=False)
    seeds = tmp_path / "root" / "shared" / "seeds"
    seeds.mkdir(parents=True)
    checkout = tmp_path / "root" / "main" / "tests"
    checkout.mkdir(parents=True)
    monkeypatch.chdir(checkout)
    assert find_documents(None) == seeds.resolve()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert find_documents(None) is None


# ---------------------------------------------------------------------- real seeds



#: Byte-identical copies of ../shared/seeds kept in the repository (tests/data/seeds).
SEED_COPIES = Path(__file__).resolve().parents[1] / "data" / "seeds"

REAL_SEEDS = find_documents(None) or SEED_COPIES  # the pinned copies when ../shared/seeds is not beside the checkout
needs_seeds = pytest.mark.skipif(REAL_SEEDS is None, reason="seed documents not found")


def _seed(prefix: str) -> str:
    assert REAL_SEEDS is not None
    (path,) = sorted(REAL_SEEDS.glob(prefix + "_*"))
    return path.read_text(encoding="utf-8")


@needs_seeds
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_real_seeds_have_formula_passages(prefix: str):
    passages = formula_passages(_seed(prefix))
    assert len(passages) > 5
    assert set(kinds(passages)) <= set(PASSAGE_KINDS)


@needs_seeds
def test_real_seed_headings():
    headings_001 = [s.heading for s in split_sections(_seed("001"))]
    assert "3.1 涌现条件的形式化定义" in headings_001
    assert "3.2 规模临界点定理" in headings_001
    headings_003 = [s.heading for s in split_sections(_seed("003"))]
    assert "1.2 涌现的数学描述" in headings_003
    assert "2.1 链式推理(Chain-of-Thought)" in headings_003
    assert "3.3 反驳:真正的涌现确实存在" in headings_003
    assert "4.2 复杂度阈值理论" in headings_003
    assert "摘要(原文)" in [s.heading for s in split_sections(_seed("004"))]


@needs_seeds
def test_real_seed_coverage_without_claims():
    assert coverage(REAL_SEEDS, []) == []  # no claim names a document: nothing is one
    results = coverage(REAL_SEEDS, [claim("c", p.name, "x", "") for p in sorted(REAL_SEEDS.iterdir())])  # quote nothing
    assert len(results) >= 5
    assert all(r.passages_covered == 0 and len(r.uncovered) == r.passages_total for r in results)


# ------------------------------------------------------------ list --coverage (usability review, bug 7)


COVERED = """[[assertion]]
id = "cov.{id}"
title = "t"
kind = "theorem"
source = {{ document = "{doc}", section = "{section}", quote = '{quote}' }}
symbols = {{ N = "positive" }}
show = "N + 1 > N"
"""


def _author_dir(tmp_path: Path, *assertions: str) -> tuple[Path, Path]:
    """A directory like the reviewer's: the document, the claim file, and other files that are not documents."""
    (tmp_path / "000_md.txt").write_text(MARKDOWN_DOC, encoding="utf-8")
    (tmp_path / "timestamp").write_text("2026-12-02 03:00\n", encoding="utf-8")
    (tmp_path / "other.toml").write_text("[tool]\nx = 1\n", encoding="utf-8")
    path = tmp_path / "my_claims.toml"
    path.write_text("\n".join(assertions), encoding="utf-8")
    return tmp_path, path


def test_coverage_counts_only_the_documents_claims_name_and_exits_0_when_all_found(cli_run, tmp_path):
    seeds, path = _author_dir(tmp_path, COVERED.format(id="ok", doc="000_md.txt", section="3.1 模型",
                                                        quote="P = 1 - e^{-N}"))
    code, out, err = cli_run(["list", "--coverage", "--seeds", str(seeds), str(path)])
    assert code == 0 and err == ""
    rows = [line.split()[0] for line in out.splitlines()[2:] if line and not line.startswith(("-", " "))]
    assert rows[:2] == ["000_md.txt", "total"], out  # not timestamp, other.toml or my_claims.toml
    assert "timestamp" not in out and "other.toml" not in out and "my_claims.toml" not in out


def test_coverage_quote_or_section_not_found_exits_1_located(cli_run, located, tmp_path):
    text = (COVERED.format(id="bad-quote", doc="000_md.txt", section="3.1 模型", quote="参数>200B")
            + "\n" + COVERED.format(id="bad-section", doc="000_md.txt", section="3.9 没有", quote="P = 1 - e^{-N}"))
    seeds, path = _author_dir(tmp_path, text)
    code, out, err = cli_run(["list", "--coverage", "--seeds", str(seeds), str(path)])
    assert code == 1 and "quotes not found: cov.bad-quote" in out
    lines = err.splitlines()
    assert lines[-1] == "2 problems in 1 file"
    quote, section = (located.match(line) for line in lines[:2])
    assert quote and quote["file"] == str(path) and quote["key"] == "assertion.cov.bad-quote.source.quote"
    assert (int(quote["line"]), int(quote["col"])) == (5, text.splitlines()[4].index("'参数") + 1)
    assert "the quote of cov.bad-quote is not in 000_md.txt" in quote["found"]
    assert section and section["key"] == "assertion.cov.bad-section.source.section" and int(section["line"]) == 13
    assert "'3.9 没有'" in section["found"]


def test_coverage_document_missing_from_the_seeds_is_named_once(cli_run, located, tmp_path):
    seeds, path = _author_dir(tmp_path, COVERED.format(id="a", doc="mydoc.md", section="s", quote="q"),
                              COVERED.format(id="b", doc="mydoc.md", section="s", quote="q"))
    code, out, err = cli_run(["list", "--coverage", "--seeds", str(seeds), str(path)])
    assert code == 1 and err.splitlines()[-1] == "1 problem in 1 file"
    m = located.match(err.splitlines()[0])
    assert m and m["key"] == "assertion.cov.a.source.document" and int(m["line"]) == 5
    assert f"document 'mydoc.md' is not in {seeds.resolve()}; 2 claims quote it" in m["found"]
