CASES = [
 dict(id="a", section="a", truth="where defined (x >= 1): sqrt(x - 1) >= p iff p <= 0", symbols={"x": "real", "p": "real"}, assume=["x > 0"], free=["p"], show="sqrt(x - 1) >= p"),
 dict(id="b", section="b", truth="where defined (x > 1): -log(x - 1) < p ... sup over x in (1, 2) of -log(x-1) = oo: fails for every p (x -> 1+)", symbols={"x": "real", "p": "real"}, assume=["x > 0", "x < 2"], free=["p"], show="-log(x - 1) < p"),
 dict(id="c", section="c", truth="where defined (x >= 1/2): x > 0, x < 1 => sqrt(2*x - 1) < p: sup 1 not attained -> p >= 1", symbols={"x": "real", "p": "real"}, assume=["x > 0", "x < 1"], free=["p"], show="sqrt(2*x - 1) < p"),
 dict(id="d", section="d", truth="x in (0, 1): sqrt(1/2 - x) + x ... defined x <= 1/2: g = x + sqrt(1/2 - x) on (0, 1/2]: derivative 1 - 1/(2 sqrt(1/2 - x)): max at 1/2 - x = 1/4: x = 1/4: g = 1/4 + 1/2 = 3/4; sup 3/4 attained -> p > 3/4", symbols={"x": "real", "p": "real"}, assume=["x > 0", "x < 1"], free=["p"], show="x + sqrt(1/2 - x) < p"),
]
