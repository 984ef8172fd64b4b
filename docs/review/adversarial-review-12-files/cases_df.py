DEFS = [
 dict(id="dd1", name="D1", params=["y"], body="diff(y*x**2, x)", symbols={"x": "real"}),
 dict(id="dd2", name="L1", params=["y"], body="limit(y*x/(x + 1), x, oo)", symbols={"x": "real"}),
 dict(id="dd3", name="S1", params=["x"], body="x + t", symbols={"t": "real"}),
 dict(id="dd4", name="S2", params=["t"], body="S1(t*t)", uses=["dd3"], symbols={}),
 dict(id="dd5", name="F1", params=["u"], body="floor(u) + diff(floor(u*x), x)", symbols={"x": "real"}),
 dict(id="dd6", name="H1", params=["y"], body="ite(y > 0, sqrt(y), 0)", symbols={}),
]
CASES = [
 dict(id="a", truth="holds: D1(x) = 2*x*x", symbols={"x": "real"}, uses=["dd1"], show="D1(x) == 2*x*x"),
 dict(id="b", truth="fails: D1(x) = 2x^2 != 3x^2 at x = 1", symbols={"x": "real"}, uses=["dd1"], show="D1(x) == 3*x*x"),
 dict(id="c", truth="holds: L1(x) = x (limit over bound x)", symbols={"x": "real"}, uses=["dd2"], show="L1(x) == x"),
 dict(id="d", truth="holds: S2(t) = t*t + t (shared t)", symbols={"t": "real"}, uses=["dd4", "dd3"], show="S2(t) == t*t + t"),
 dict(id="e", truth="holds: S2(2) = 4 + t", symbols={"t": "real"}, uses=["dd4", "dd3"], show="S2(2) == 4 + t"),
 dict(id="f", truth="F1(1/2) = floor(1/2) + diff(floor(x/2), x) = 0 + 0 where x/2 not integer; at x even no derivative: undecided (x free real)", symbols={"x": "real"}, uses=["dd5"], show="F1(1/2) == 0"),
 dict(id="g", truth="holds: 0<x<1: F1(1/2) = 0 + d/dx floor(x/2) = 0", symbols={"x": "real"}, uses=["dd5"], assume=["0 < x", "x < 1"], show="F1(1/2) == 0"),
 dict(id="h", truth="undecided: 1 < x < 3: floor(x) jumps at 2: F1(1) = 1 + diff(floor(x)) ; at x=2 none", symbols={"x": "real"}, uses=["dd5"], assume=["1 < x", "x < 3"], show="F1(1) == 1"),
 dict(id="i", truth="holds: H1(y) >= 0 where defined (always defined: sqrt guarded)", symbols={"y": "real"}, uses=["dd6"], show="H1(y) >= 0"),
 dict(id="j", truth="holds: H1(-4) == 0 (guard) ", symbols={}, uses=["dd6"], show="H1(-4) == 0"),
 dict(id="k", truth="fails? diff(H1(y), y) at y = 0: H1 = sqrt(y) for y>0, 0 for y<=0: no derivative at 0; y=1: 1/2; claim == 1/2 fails at y = 4 (1/4)", symbols={"y": "real"}, uses=["dd6"], assume=["y > 0"], show="diff(H1(y), y) == 1/2"),
 dict(id="l", truth="holds: y > 0 => diff(H1(y), y) == 1/(2*sqrt(y))", symbols={"y": "real"}, uses=["dd6"], assume=["y > 0"], show="diff(H1(y), y) == 1/(2*sqrt(y))"),
 dict(id="m", truth="holds: diff(D1(y), y) = diff(2*y*x, y) = 2*x", symbols={"x": "real", "y": "real"}, uses=["dd1"], show="diff(D1(y), y) == 2*x"),
 dict(id="n", truth="holds: D1(x*x) = 2*x*x*x", symbols={"x": "real"}, uses=["dd1"], show="D1(x*x) == 2*x**3"),
]
