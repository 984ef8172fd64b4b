CASES = [
 dict(id="a", section="a", truth="x positive, x >= 0 => x > p: region x > 0, inf 0 not attained -> holds iff p <= 0",
      symbols={"x": "positive", "p": "real"}, assume=["x >= 0"], free=["p"], show="x > p"),
 dict(id="b", section="b", truth="x unit, x <= 1 => x < p: sup 1 not attained -> p >= 1",
      symbols={"x": "unit", "p": "real"}, assume=["x <= 1"], free=["p"], show="x < p"),
 dict(id="c", section="c", truth="x <= 1 => (x*x - 1)/(x - 1) < p: g = x + 1 where defined (x != 1): sup 2 not attained -> p >= 2 (holds where defined at p = 2)",
      symbols={"x": "real", "p": "real"}, assume=["x <= 1", "x > 0"], free=["p"], show="(x*x - 1)/(x - 1) < p"),
 dict(id="d", section="d", truth="x natural... n >= 0 => exp(-n) <= p hmm: x nonneg: x >= 0, 1/(1+x) < p : sup 1 attained at 0 -> p > 1 (right)",
      symbols={"x": "nonnegative", "p": "real"}, assume=["x >= 0"], free=["p"], show="1/(1 + x) < p"),
]
