"""The differential check: run generated claims through the engine and judge each verdict.

- ``holds``: the evaluator samples points (random ones, 0, ±1, the claim's constants and their
  neighbours, the domain boundaries, the diagonal); a point where every assumption is defined and
  true and the statement is defined and false is a counterexample, so the verdict is wrong. So is
  a point where the statement needs a derivative or a limit that provably does not exist there
  (issue 8: "a jump or a kink never yields a derivative holds").
- ``fails``: the witness must lie in the symbols' domains, make every assumption defined and
  true, and make the statement defined and false. Anything else is a wrong verdict, except an
  evaluator ``UNKNOWN`` (a tie it cannot settle, a limit or derivative it cannot decide), which is
  counted as unverifiable and listed, never passed silently.
- ``undecided``, ``informal``, ``holds-if``: nothing to refute; counted. An ``undecided`` whose
  reason is an engine exception ("An engine stopped with ...") is listed as ``engine-error``.

A generated claim the CLI rejects (exit 2) is a generator bug (``rejected``); a hang, a crash or a
traceback is ``crash``.

The engine runs through the CLI (``check --format json``), one claim file per job, in the shared
worker of ``tests/batch_runner.py``; a job that hangs, crashes or prints a traceback is a finding
too. Nothing here imports ``formal_emergence``.
"""

from __future__ import annotations

import itertools
import json
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import mpmath

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from batch_runner import Job, run_jobs  # noqa: E402
from claimgen import GenClaim, Generator  # noqa: E402
from oracle import DNE, UNDEF, UNKNOWN, Evaluator, parse_number  # noqa: E402

#: CPU seconds one generated claim may take in the engine before it counts as a hang.
CLAIM_TIMEOUT = 30.0
_BASE = [Fraction(v) for v in (0, 1, -1, 2, -2, 3, -3, 10, -10)] + [
    Fraction(n, d) for n, d in ((1, 2), (-1, 2), (1, 3), (-1, 3), (3, 2), (-3, 2), (1, 10), (7, 4), (2, 3), (-7, 3))]


def in_domain(v, domain: str) -> bool:
    if domain == "bool":
        return isinstance(v, bool)
    if isinstance(v, bool):
        return False
    if not isinstance(v, Fraction):  # an irrational witness (mpmath): never an integer
        return isinstance(v, mpmath.mpf) and {"real": True, "positive": v > 0, "nonnegative": v >= 0,
                                              "negative": v < 0, "unit": 0 < v < 1,
                                              "probability": 0 <= v <= 1}.get(domain, False)
    integral = v.denominator == 1
    return {"real": True, "positive": v > 0, "nonnegative": v >= 0, "negative": v < 0, "integer": integral,
            "posint": integral and v >= 1, "natural": integral and v >= 0, "unit": 0 < v < 1,
            "probability": 0 <= v <= 1}[domain]


def witness_value(text: str):
    """An engine's closed irrational witness value (``-2**0.5``, an algebraic witness) as the oracle's number,
    or None when the text is not a closed number or is undefined there. The real domains accept it by its
    sign (``in_domain``); an integer domain never does."""
    tree = parse_number(text)
    if tree is None:
        return None
    value = Evaluator().value(tree, {})
    return None if isinstance(value, bool) or value in (UNDEF, UNKNOWN, DNE) else value


def candidates(domain: str, hints: list[Fraction], rng: random.Random) -> list:
    if domain == "bool":
        return [False, True]
    pool = set(_BASE)
    for h in hints:
        pool |= {h, -h, h + Fraction(1, 1000), h - Fraction(1, 1000), h + 1, h - 1}
    pool |= {Fraction(rng.randint(-40, 40), rng.randint(1, 12)) for _ in range(12)}
    if domain in ("integer", "posint", "natural"):
        pool = {Fraction(int(v)) for v in pool} | {Fraction(int(v)) + 1 for v in pool}
    if domain == "unit":
        pool |= {Fraction(1, 1000), Fraction(999, 1000), Fraction(1, 7)}
    if domain == "probability":
        pool |= {Fraction(0), Fraction(1), Fraction(1, 1000)}
    return sorted(v for v in pool if in_domain(v, domain))


def sample_points(claim: GenClaim, rng: random.Random, limit: int = 400) -> list[dict]:
    names = sorted(claim.symbols)
    if not names:
        return [{}]
    pools = {n: candidates(claim.symbols[n], claim.hints.get(n, []), rng) for n in names}
    total = 1
    for n in names:
        total *= len(pools[n])
    if total <= limit:
        return [dict(zip(names, vs)) for vs in itertools.product(*(pools[n] for n in names))]
    points = [{n: rng.choice(pools[n]) for n in names} for _ in range(limit)]
    shared = set.intersection(*(set(pools[n]) for n in names))
    points += [{n: v for n in names} for v in sorted(shared, key=str)]
    return points


@dataclass
class Judgement:
    claim_id: str
    verdict: str
    kind: str  # ok | wrong | unverifiable | engine-error | not-run
    detail: str = ""
    text: str = ""
    features: tuple[str, ...] = ()


def _status(ev: Evaluator, claim: GenClaim, env: dict):
    """(assumptions all defined and true?, statement truth) at env; UNKNOWN propagates."""
    for a in claim.assume:
        t = ev.truth(a, env)
        if t is UNKNOWN:
            return UNKNOWN, None
        if t is not True:
            return False, t
    return True, ev.truth(claim.show, env)


def judge(claim: GenClaim, record: dict, rng: random.Random) -> Judgement:
    verdict = record["verdict"]
    ev = Evaluator({d.name: (d.params, d.body) for d in claim.definitions})
    base = dict(claim_id=claim.id, verdict=verdict, text=claim.toml(), features=tuple(sorted(claim.features)))
    if verdict == "holds":
        for env in sample_points(claim, rng):
            ok, truth = _status(ev, claim, env)
            if ok is True and truth is False:
                return Judgement(kind="wrong", detail=f"holds, but the statement is false at {_show(env)}", **base)
            if ok is True and truth is DNE:  # issue 8: a jump or a kink never yields a derivative holds
                return Judgement(kind="wrong", detail=f"holds, but a derivative or limit it uses does not exist at "
                                                      f"{_show(env)}", **base)
        return Judgement(kind="ok", **base)
    if verdict == "fails":
        ev = Evaluator({d.name: (d.params, d.body) for d in claim.definitions}, ties_equal=True)
        cx = record.get("counterexample") or {}
        values = cx.get("values", {})
        env = {}
        for name, domain in claim.symbols.items():
            if name not in values:
                continue
            text = str(values[name]).strip()
            if domain == "bool":
                env[name] = {"true": True, "false": False}.get(text.lower(), text)
            else:
                try:
                    env[name] = Fraction(text)
                except (ValueError, ZeroDivisionError):
                    value = witness_value(text)
                    if value is None:
                        return Judgement(kind="unverifiable", detail=f"witness value {name} = {text!r}", **base)
                    env[name] = value
            if not in_domain(env[name], domain):
                return Judgement(kind="wrong", detail=f"witness {name} = {text} is not {domain}", **base)
        missing = sorted(set(claim.symbols) - set(env))
        if not missing:
            return _judge_witness(ev, claim, env, base)
        # The engine may drop symbols the lowered statement no longer depends on: a completion
        # must then confirm the witness, and none may contradict it.
        partial = GenClaim(claim.id, {n: claim.symbols[n] for n in missing}, [], claim.show,
                           hints={n: claim.hints.get(n, []) for n in missing})
        fills = [{**env, **fill} for fill in sample_points(partial, rng, 60)]
        status = [(_status(ev, claim, e), e) for e in fills]
        confirm = [e for (ok, truth), e in status if ok is True and truth in (False, DNE)]
        contradict = [e for (ok, truth), e in status if ok is True and truth is True]
        where = f"partial witness {_show(env)} (no value for {', '.join(missing)})"
        if contradict:
            return Judgement(kind="wrong", detail=f"{where}: the statement is true at {_show(contradict[0])}", **base)
        if confirm:
            return Judgement(kind="ok", **base)
        return Judgement(kind="unverifiable", detail=f"{where}: no completion confirms it", **base)
    if "An engine stopped with" in record.get("reason", ""):
        return Judgement(kind="engine-error", detail=record["reason"][:200], **base)
    return Judgement(kind="ok", **base)


def _judge_witness(ev: Evaluator, claim: GenClaim, env: dict, base: dict) -> Judgement:
    ok, truth = _status(ev, claim, env)
    if ok is True and truth is DNE:  # the claim is about a value that does not exist there
        return Judgement(kind="ok", detail="a derivative or limit does not exist at the witness", **base)
    if ok is UNKNOWN or truth is UNKNOWN:
        return Judgement(kind="unverifiable", detail=f"evaluator cannot settle the witness {_show(env)}", **base)
    if ok is not True:
        return Judgement(kind="wrong", detail=f"witness {_show(env)}: an assumption is {ok if truth is None else truth}",
                         **base)
    if truth is not False:
        what = "undefined" if truth is UNDEF else "true"
        return Judgement(kind="wrong", detail=f"witness {_show(env)}: the statement is {what} there", **base)
    return Judgement(kind="ok", **base)


def _show(env: dict) -> str:
    return ", ".join(f"{k} = {v}" for k, v in sorted(env.items())) or "(no symbols)"


@dataclass
class Report:
    seed: int
    count: int
    seconds: float
    verdicts: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    findings: list[Judgement] = field(default_factory=list)
    features: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        lines = [f"seed {self.seed}: {self.count} claims in {self.seconds:.0f} s",
                 "verdicts: " + ", ".join(f"{k} {v}" for k, v in sorted(self.verdicts.items())),
                 "judged: " + ", ".join(f"{k} {v}" for k, v in sorted(self.kinds.items()))]
        for j in self.findings:
            lines.append(f"- {j.kind} {j.claim_id} ({j.verdict}): {j.detail}\n{j.text}")
        return "\n".join(lines)


def run_profile(seed: int, count: int, *, start: int = 0, workdir: Path | None = None,
                select=None) -> Report:
    """Generate claims ``start .. start+count-1`` of ``seed``, check them, judge every verdict."""
    began = time.time()
    gen = Generator(seed)
    claims = [gen.claim(i) for i in range(start, start + count)]
    if select is not None:
        claims = [c for c in claims if select(c)]
    tmp = tempfile.TemporaryDirectory(prefix="fe-fuzz-") if workdir is None else None
    root = Path(tmp.name) if tmp else workdir
    jobs = []
    for c in claims:
        path = root / f"{c.id}.toml"
        path.write_text(c.toml(), encoding="utf-8")
        jobs.append(Job(c.id, ("check", "--no-cache", "--format", "json", path.name), str(root), CLAIM_TIMEOUT, isolated=True))
    outcomes = run_jobs(jobs)
    report = Report(seed, len(claims), 0.0)
    for c in claims:
        out = outcomes[c.id]
        report.features.update(c.features)
        rng = random.Random(f"points:{seed}:{c.id}")
        problems = out.problems() if out.code is not None or out.timed_out or out.died else ["no result"]
        if problems or out.code != 0:
            kind = "crash" if problems else "rejected"
            j = Judgement(c.id, "-", kind, "; ".join(problems) or f"exit {out.code}: {out.stderr[:300]}",
                          c.toml(), tuple(sorted(c.features)))
        else:
            [record] = json.loads(out.stdout)["claims"]
            j = judge(c, record, rng)
        report.verdicts[j.verdict] += 1
        report.kinds[j.kind] += 1
        if j.kind != "ok":
            report.findings.append(j)
    if tmp:
        tmp.cleanup()
    report.seconds = time.time() - began
    return report


if __name__ == "__main__":  # python tests/fuzz/differential.py SEED COUNT [START]
    args = [int(a) for a in sys.argv[1:]]
    rep = run_profile(args[0], args[1], start=args[2] if len(args) > 2 else 0)
    print(rep.summary())
