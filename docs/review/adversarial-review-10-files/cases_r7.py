HEAD = '''[[definition]]
id = "sh7"
name = "SH"
params = ["y"]
body = "y + t"
symbols = { t = "positive" }
title = "shift by a shared positive t"

'''
TOL = "tolerances = { t = 'approx' }"
REF = 'references = { t = "kaplan2020.alpha_n" }'
CASES = [
 dict(id="a", symbols={"t":"positive", "y":"real"}, uses=["sh7"], show="SH(y) > y", extra=[TOL], truth="holds (t > 0 always; t = 1/10 at default)"),
 dict(id="b", symbols={"t":"positive", "y":"real"}, uses=["sh7"], show="SH(y) == y + 1/10", extra=[TOL], truth="holds at default t = 1/10"),
 dict(id="c", symbols={"t":"positive", "y":"real"}, uses=["sh7"], show="SH(y) == y + 0.076", extra=[REF], truth="holds (t = 0.076)"),
 dict(id="d", symbols={"t":"positive", "y":"real"}, uses=["sh7"], show="SH(y) > y", extra=[REF], truth="holds"),
 dict(id="e", symbols={"t":"positive", "y":"real"}, uses=["sh7"], assume=["t == 1/10"], show="SH(y) == y + 1/10", truth="holds (pin)"),
 dict(id="f", symbols={"t":"positive", "y":"real"}, uses=["sh7"], show="SH(y) > y", truth="holds (no binding)"),
]
