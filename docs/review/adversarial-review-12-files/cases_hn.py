CASES = [
 dict(id="a", section="a", truth="0 < x <= 1, x != 1 => x < p: region (0,1): holds iff p >= 1",
      symbols={"x": "real", "p": "real"}, assume=["0 < x", "x <= 1", "x != 1"], free=["p"], show="x < p"),
 dict(id="b", section="b", truth="0 < x <= 1, x < 1 => x < p: holds iff p >= 1",
      symbols={"x": "real", "p": "real"}, assume=["0 < x", "x <= 1", "x < 1"], free=["p"], show="x < p"),
 dict(id="c", section="c", truth="x <= 1, x*x < 1 (so -1 < x < 1) => x < p: holds iff p >= 1",
      symbols={"x": "real", "p": "real"}, assume=["x <= 1", "x*x < 1"], free=["p"], show="x < p"),
]
