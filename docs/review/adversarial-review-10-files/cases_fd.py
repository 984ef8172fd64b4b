HEAD = '''[[definition]]
id = "gd"
name = "Gd"
params = ["x"]
body = "x*exp(-x) - p"
symbols = { p = "real" }
title = "shifted by a shared free constant p"

[[definition]]
id = "hd"
name = "Hd"
params = ["x"]
body = "x**2 - 2*x - p"
symbols = { p = "real" }
title = "poly shifted by p"

[[definition]]
id = "kd"
name = "Kd"
params = ["x"]
body = "x - p"
symbols = { p = "positive" }
title = "x - p with p positive"

'''
P = lambda rng: f"plausible = {{ p = {{ range = '{rng}', why = 'test' }} }}"
CASES = [
 dict(id="a", symbols={"x":"real","p":"real"}, uses=["gd"], assume=["x > 0"], show="Gd(x) < 0", free=["p"], truth="holds-if p > exp(-1)"),
 dict(id="b", symbols={"x":"real","p":"real"}, uses=["hd"], assume=["x > 0"], show="Hd(x) > 0", free=["p"], truth="holds-if p < -1"),
 dict(id="c", symbols={"x":"real","p":"real"}, uses=["hd"], assume=["x > 0"], show="Hd(x) > 0", free=["p"], extra=[P("p < -2")], truth="holds-if p < -1 (range inside condition): stays holds-if"),
 dict(id="d", symbols={"x":"real","p":"real"}, uses=["hd"], assume=["x > 0"], show="Hd(x) > 0", free=["p"], extra=[P("p > 0")], truth="fails (range outside): witness inside range"),
 dict(id="e", symbols={"x":"real","p":"positive"}, uses=["kd"], assume=["x > 0"], show="Kd(x) > -1", free=["p"], truth="holds-if p <= 1"),
 dict(id="f", symbols={"x":"real","p":"real"}, uses=["hd"], assume=["x > 0"], show="Hd(x) < 10**40", free=["p"], truth="fails for every p (unbounded): undecided/fails; never holds-if"),
]
