CASES = [
 dict(id="a", section="a", truth="p real: holds iff p == 0 or |p| >= 1; range -1/2 < p < 1/2 contains p = 0 where it holds: NOT fails",
      symbols={"x": "real", "p": "real"}, free=["p"], plausible={"p": {"range": "-1/2 < p and p < 1/2", "why": "a small offset"}},
      show="2*limit(x/(x + p), x, 0) + p*p >= 1"),
]
