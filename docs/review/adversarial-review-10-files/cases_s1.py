CASES = [
 dict(id="a", symbols={"x":"real","p":"real"}, assume=["x > 0"], show="x*exp(-x) < p", free=["p"], truth="holds-if p > exp(-1)"),
 dict(id="b", symbols={"x":"real","p":"real"}, assume=["x < 0"], show="exp(x) < p", free=["p"], truth="holds-if p >= 1; together with a: consistent (p = 2)"),
]
