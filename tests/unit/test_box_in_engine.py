"""The interval branch-and-bound prover decides what z3 leaves open, and only with a re-checked certificate."""

from __future__ import annotations

import json

SOFTPLUS = """
[[assertion]]
id = "box.softplus"
title = "softplus lies within 7/10 above max(x, 0)"
kind = "theorem"
source = {{ document = "notes.md", section = "1", quote = "q" }}
symbols = {{ x = "real" }}
assume = ["x >= -5", "x <= 5"]
show = "log(1 + exp(x)) >= max(x, 0) and log(1 + exp(x)) <= max(x, 0) + {gap}"
"""


def _record(cli_run, write_claims, text):
    path = write_claims(text)
    code, out, err = cli_run(["check", str(path), "--format", "json", "--no-cache"])
    assert code == 0, err
    return next(c for c in json.loads(out)["claims"] if c["id"] == "box.softplus")


def test_a_bound_z3_leaves_open_is_proved_on_the_box_with_a_certificate(cli_run, write_claims):
    rec = _record(cli_run, write_claims, SOFTPLUS.format(gap="7/10"))
    assert rec["verdict"] == "holds", rec["reason"]
    assert "Interval arithmetic at 30 digits proves it on the box x in [-5, 5]" in rec["reason"]
    cert = next(e for e in rec["evidence"] if e["outcome"] == "interval branch-and-bound certificate")
    assert cert["pieces"] > 1 and cert["examined"] <= cert["budget"] and cert["box"] == {"x": ["-5", "5"]}


def test_a_bound_false_by_a_hair_is_never_proved(cli_run, write_claims):
    # log(1 + exp(0)) = log 2 = 0.6931... exceeds 69/100 at x = 0: refuted, or left undecided, never proved
    rec = _record(cli_run, write_claims, SOFTPLUS.format(gap="69/100"))
    assert rec["verdict"] in ("fails", "undecided"), rec["reason"]
    assert not any(e["outcome"] == "interval branch-and-bound certificate" for e in rec["evidence"])
