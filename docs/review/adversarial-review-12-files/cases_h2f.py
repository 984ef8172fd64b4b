CASES = [
 dict(id="a", section="a", truth="free p, q: x < 1, x < q => x < p holds iff p >= min(1, q); tool 'p >= 1' wrong for q < 1",
      symbols={"x": "real", "p": "real", "q": "real"}, assume=["x < 1", "x < q"], free=["p", "q"], show="x < p"),
 dict(id="b", section="b", truth="free p, q: x > 0, x < 1, x < q => x < p: holds iff p >= min(1, q) or q <= 0 (empty region)",
      symbols={"x": "real", "p": "real", "q": "real"}, assume=["x > 0", "x < 1", "x < q"], free=["p", "q"], show="x < p"),
 dict(id="c", section="c", truth="free p; q universally quantified real: x < 1, x < q => x < p: for every q: q = 10: sup 1 -> p >= 1: holds iff p >= 1 (right)",
      symbols={"x": "real", "p": "real", "q": "real"}, assume=["x < 1", "x < q"], free=["p"], show="x < p"),
 dict(id="d", section="d", truth="free p, q (q positive): x positive, x*q < 1 => x < p: region x < 1/q: holds iff p >= 1/q",
      symbols={"x": "positive", "p": "real", "q": "positive"}, assume=["x*q < 1"], free=["p", "q"], show="x < p"),
]
