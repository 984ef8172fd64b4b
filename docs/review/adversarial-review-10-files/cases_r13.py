CASES = [
 dict(id="a", symbols={"p":"real", "x":"real"}, assume=["x > 0", "x < 1"], show="diff(p**2, p) > x", free=["p"], truth="holds-if p >= 1/2"),
 dict(id="b", symbols={"p":"real", "x":"real"}, assume=["x > 0"], show="diff(exp(p*x), p) > 0", free=["p"], truth="x*exp(px) > 0 always: holds"),
 dict(id="c", symbols={"p":"real", "x":"real"}, assume=["x > 0"], show="limit(p*x/(p*x + 1), p, oo) == 1", free=["p"], truth="holds (p bound by limit)"),
 dict(id="d", symbols={"p":"real", "x":"real"}, assume=["x > 0"], show="diff(p*exp(-p), p) < x", free=["p"], truth="(1-p)e^-p < x for all x>0 iff (1-p)e^-p <= 0 iff p >= 1"),
]
