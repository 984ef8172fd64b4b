HEAD = '''[[definition]]
id = "sh11"
name = "SH"
params = ["y"]
body = "y + t"
symbols = { t = "positive" }
title = "shift by a shared positive t"

'''
CASES = [
 dict(id="a", symbols={"y":"real", "t":"real"}, uses=["sh11"], show="SH(y) > y + 0*t", truth="error (domains disagree: t real vs positive)"),
 dict(id="b", symbols={"y":"real", "t":"natural"}, uses=["sh11"], show="SH(y) >= y + t", truth="error (domains disagree)"),
]
