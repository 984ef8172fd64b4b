CASES = [
 dict(id="a", section="a", truth="holds iff p >= 1; plausible p <= 1 contains p = 1 where it holds: NOT fails",
      symbols={"x": "real", "p": "real"}, assume=["0 < x", "x <= 1"], free=["p"], plausible={"p": {"range": "p <= 1", "why": "at most one"}}, show="ite(x < 1, x, x - 1) < p"),
]
