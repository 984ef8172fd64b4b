"""``refs`` lists and searches the literature values; ``consistency`` reads user files and checks references."""

from __future__ import annotations

import io
import json

from formal_emergence.cli import run
from formal_emergence.literature import search_references


def test_search_needs_every_word_and_is_sorted():
    found = search_references("chinchilla tokens")
    assert found and [r.id for r in found] == sorted(r.id for r in found)
    assert all("chinchilla" in " ".join(filter(None, (r.id, r.quantity, r.source, r.text, r.note))).casefold()
               for r in found)
    assert "hoffmann2022.table1.chinchilla.tokens" in {r.id for r in found}
    assert search_references("no-such-word-anywhere") == []


def test_refs_cli_text_and_json():
    out = io.StringIO()
    assert run(["refs", "kaplan2020", "alpha_n"], out, io.StringIO()) == 0
    assert "0.076" in out.getvalue() and "arXiv:2001.08361" in out.getvalue()
    out = io.StringIO()
    assert run(["refs", "hoffmann2022.table1.chinchilla.tokens", "--format", "json"], out, io.StringIO()) == 0
    [record] = json.loads(out.getvalue())
    assert record["value"] == "1.4e12"


QUANTITY = '''
[[quantity]]
id = "toy.threshold"
title = "A toy threshold"
unit = "parameters"
references = ["wei2022.table1.cot_strategyqa.params"]
[[quantity.statement]]
document = "a.md"
section = "s"
quote = "about 50-70B"
low = "50e9"
high = "70e9"
[[quantity.statement]]
document = "b.md"
section = "t"
quote = "100B"
low = "100e9"
high = "100e9"
'''


def test_consistency_accepts_a_user_file_and_checks_references_against_ranges(tmp_path):
    f = tmp_path / "q.toml"
    f.write_text(QUANTITY, encoding="utf-8")
    out = io.StringIO()
    assert run(["consistency", str(f)], out, io.StringIO()) == 0
    text = out.getvalue()
    assert "toy.threshold" in text and "-> fails" in text
    assert "against the stated ranges: a.m inside, b.m outside" in text  # 62B lies in [50B, 70B], not at 100B
    assert "critical-scale.chain-of-thought" not in text
