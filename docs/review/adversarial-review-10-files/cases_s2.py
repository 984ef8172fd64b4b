CASES = [
 dict(id="a", symbols={"x":"real","p":"real"}, assume=["x > 0"], show="x*exp(-x) < p", free=["p"], truth="holds-if p > exp(-1)"),
 dict(id="b", symbols={"x":"real","p":"real"}, assume=["x < 0"], show="x**2 > p", free=["p"], truth="holds-if p <= 0; together with a: inconsistent (p > 1/e and p <= 0)"),
]
