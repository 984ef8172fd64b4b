HEAD = '''[[definition]]
id = "ke"
name = "Ke"
params = ["x"]
body = "x - p"
symbols = { p = "unit" }
title = "x - p with p in (0, 1)"

'''
CASES = [
 dict(id="a", symbols={"x":"real","p":"unit"}, uses=["ke"], assume=["x > 0"], show="x*exp(-x) + (Ke(x) - x + p) < p", free=["p"], truth="= x*exp(-x) < p: holds-if p > exp(-1) (true for p in (1/e,1)); fails for every p is wrong"),
 dict(id="b", symbols={"x":"real","p":"unit"}, uses=["ke"], assume=["x > 0"], show="x*exp(-x) + Ke(x) - x + p < p", free=["p"], truth="same as a"),
 dict(id="c", symbols={"x":"real","p":"unit"}, uses=["ke"], assume=["x > 0"], show="x*exp(-x) < Ke(x) - x + 2*p", free=["p"], truth="= x e^-x < p: holds-if p > exp(-1)"),
]
