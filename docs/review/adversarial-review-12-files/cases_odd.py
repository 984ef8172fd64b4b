R = {"x": "real"}
CASES = [
 dict(id="a", truth="holds (0)", symbols=R, show="diff(floor(x)**2, x, 10) == 0 or floor(x) == x"),
 dict(id="b", truth="holds", symbols={"x": "real", "t": "real"}, assume=["0 < x", "x < 1"], show="diff(limit(floor(x + t), t, 0), x) == 0"),
 dict(id="c", truth="? limit(diff(heaviside(x - t), x), t, 0) at x != 0: d/dx heaviside(x - t) = 0 for x != t; limit t->0 of 0 = 0 for x != 0", symbols={"x": "real", "t": "real"}, assume=["x > 1"], show="limit(diff(heaviside(x - t), x), t, 0) == 0"),
 dict(id="d", truth="holds: diff of floor of floor", symbols=R, assume=["0 < x", "x < 1"], show="diff(floor(floor(x) + x/2), x) == 0"),
 dict(id="e", truth="holds: heaviside(floor(x)) on 0<x<1 = heaviside(0) = 0 derivative 0", symbols=R, assume=["0 < x", "x < 1"], show="diff(heaviside(floor(x)) + x, x) == 1"),
 dict(id="f", truth="holds: floor(heaviside(x) + 1/2) = 0 or 1: derivative 0 off x=0; x>0", symbols=R, assume=["x > 0"], show="diff(floor(heaviside(x) + 1/2)*x, x) == 1"),
 dict(id="g", truth="holds: 1 < x < 2: diff(floor(x)*floor(2*x)... floor(2x) jumps at 3/2: undecided", symbols=R, assume=["1 < x", "x < 2"], show="diff(floor(x)*floor(2*x)*x, x) == floor(2*x)"),
 dict(id="h", truth="holds: 1 < x < 3/2: floor(x) = 1, floor(2x) = 2: d/dx (2x) = 2", symbols=R, assume=["1 < x", "x < 3/2"], show="diff(floor(x)*floor(2*x)*x, x) == 2"),
 dict(id="i", truth="holds: limit(diff(x*floor(x), x), x, 3/2) = floor(3/2) = 1", symbols=R, show="limit(diff(x*floor(x), x), x, 3/2) == 1"),
 dict(id="j", truth="limit of derivative at integer 1: diff(x*floor(x)) = floor(x) : left 0, right 1: no limit -> undecided", symbols=R, show="limit(diff(x*floor(x), x), x, 1) == 1"),
 dict(id="k", truth="limit_right of derivative at 1: 1 -> holds or undecided", symbols=R, show="limit_right(diff(x*floor(x), x), x, 1) == 1"),
 dict(id="l", truth="fails: limit_left(diff(x*floor(x), x), x, 1) = 0 != 1", symbols=R, show="limit_left(diff(x*floor(x), x), x, 1) == 1"),
]
