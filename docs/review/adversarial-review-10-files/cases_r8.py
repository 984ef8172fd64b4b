HEAD = '''[[definition]]
id = "sc8"
name = "SC"
params = ["y"]
body = "t*y"
symbols = { t = "positive" }
title = "scale by a shared positive t"

'''
TOL = "tolerances = { t = 'approx' }"
CASES = [
 dict(id="a", symbols={"t":"positive", "y":"real"}, uses=["sc8"], property="increasing", of="SC(y)", variable="y", extra=[TOL], truth="holds (t = 1/10 > 0)"),
 dict(id="b", symbols={"t":"positive", "y":"real"}, uses=["sc8"], property="crossing", of="SC(y)", variable="y", level="1", solution="10", extra=[TOL], truth="holds at t = 1/10"),
 dict(id="c", symbols={"t":"positive", "y":"real"}, uses=["sc8"], show="SC(y) >= 0 or y < 0", extra=[TOL], truth="holds"),
]
