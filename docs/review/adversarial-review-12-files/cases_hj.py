CASES = [
 dict(id="a", section="a", truth="0 < x <= 1: g = ite(x < 1, x, x - 1): values (0,1) and g(1) = 0: sup 1 not attained -> holds iff p >= 1 (p = 1 holds)",
      symbols={"x": "real", "p": "real"}, assume=["0 < x", "x <= 1"], free=["p"], show="ite(x < 1, x, x - 1) < p"),
 dict(id="b", section="b", truth="1 <= x < 2: g = ite(x > 1, x, x + 5): g(1) = 6, (1,2) -> inf over region: g values (1,2) u {6}: inf 1 not attained -> holds iff p <= 1",
      symbols={"x": "real", "p": "real"}, assume=["1 <= x", "x < 2"], free=["p"], show="ite(x > 1, x, x + 5) > p"),
 dict(id="c", section="c", truth="0 < x <= 1: g = ite(x < 1, x*x, 0): sup 1 not attained -> holds iff p >= 1",
      symbols={"x": "real", "p": "real"}, assume=["0 < x", "x <= 1"], free=["p"], show="ite(x < 1, x*x, x*x - 1) < p"),
]
