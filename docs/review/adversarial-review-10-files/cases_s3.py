CASES = [
 dict(id="a", symbols={"x":"real","p":"real"}, assume=["x > 1"], show="x > p", free=["p"], truth="holds-if p <= 1"),
 dict(id="b", symbols={"x":"real","p":"real"}, assume=["x < 0"], show="x < p - 5", free=["p"], truth="holds-if p >= 5; with a: inconsistent for universal reading (p<=1 and p>=5), but pointwise sat? needs x>1 and x<0: only via implications"),
]
