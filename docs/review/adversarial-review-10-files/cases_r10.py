HEAD = '''[[definition]]
id = "sh10"
name = "SH"
params = ["y"]
body = "y + t"
symbols = { t = "positive" }
title = "shift by a shared positive t"

'''
CASES = [
 dict(id="a", symbols={"y":"real"}, uses=["sh10"], show="SH(y) > y", truth="holds (t positive from the definition)"),
 dict(id="b", symbols={"y":"real", "t":"real"}, uses=["sh10"], show="SH(y) > y", truth="error (domains disagree) or holds"),
 dict(id="c", symbols={"y":"real"}, uses=["sh10"], property="increasing", of="SH(y) - t*y", variable="y", truth="t positive: decreasing for t>1 -> fails (t=2); a witness with t <= 0 would be wrong"),
]
