CASES = [
 dict(id="a", truth="holds-if p >= 9999/10000 (sup of x over 0<x<9999/10000 is 9999/10000, not attained); p >= 1 is NOT the weakest",
      symbols={"x": "real", "p": "real"}, assume=["0 < x", "x < 1", "x < 9999/10000"], free=["p"], show="x < p"),
 dict(id="b", truth="holds-if p >= 9999/10000 (same, other hypothesis order)",
      symbols={"x": "real", "p": "real"}, assume=["0 < x", "x < 9999/10000", "x < 1"], free=["p"], show="x < p"),
 dict(id="c", truth="holds-if p >= sqrt(9985/10000) ~ 0.99925",
      symbols={"x": "real", "p": "real"}, assume=["0 < x", "x < 1", "x**2 < 9985/10000"], free=["p"], show="x < p"),
 dict(id="d", truth="holds-if p >= 999999.5",
      symbols={"x": "real", "p": "real"}, assume=["x > 0", "x < 1000000", "2*x < 1999999"], free=["p"], show="x < p"),
 dict(id="e", truth="holds-if p >= 9999/10000 (x unit, x < 9999/10000 via unit domain is (0,1))",
      symbols={"x": "unit", "p": "real"}, assume=["x < 9999/10000"], free=["p"], show="x < p"),
 dict(id="f", truth="holds-if p <= 1/10000*... : x > 0, x > 1/1000 => x > p holds iff p <= 1/1000",
      symbols={"x": "real", "p": "real"}, assume=["x > 0", "x > 1/1000"], free=["p"], show="x > p"),
]
