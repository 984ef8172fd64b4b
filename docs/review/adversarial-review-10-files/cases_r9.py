TOL = "tolerances = { t = 'approx' }"
CASES = [
 dict(id="a", symbols={"t":"positive", "x":"real"}, assume=["abs(x - 1) <= t"], show="x >= 0.9", extra=[TOL], truth="holds at t=1/10"),
 dict(id="b", symbols={"t":"positive", "x":"real"}, assume=["abs(x - 1) <= t"], show="x >= 0.95", extra=[TOL], truth="fails (x=0.9)"),
 dict(id="c", symbols={"t":"positive", "x":"real"}, assume=["abs(x - 1) <= t"], show="x > 0.9", extra=[TOL], truth="fails (x = 0.9 exactly)"),
]
