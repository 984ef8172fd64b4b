R = {"x":"real","y":"real"}
CASES = [
 dict(id="a", symbols=R, show="limit(limit(x/(x + y), y, 0), x, 0) == 1", truth="holds"),
 dict(id="b", symbols=R, show="limit(limit(x/(x + y), x, 0), y, 0) == 0", truth="holds"),
 dict(id="c", symbols=R, show="limit(limit(y/(x - 1), y, 1), x, 1) == 0", truth="not holds (1/(x-1) at 1 has no limit)"),
 dict(id="d", symbols=R, show="limit(limit(y/(y - x), y, 2*x), x, 0) == 2", truth="holds"),
 dict(id="e", symbols=R, show="limit(limit(floor(x + y) - floor(x), y, 0), x, oo) == 0", truth="undecided (inner undefined at every integer)"),
 dict(id="f", symbols=R, show="limit(limit(x*y/(x*y + 1), y, oo), x, 0) == 1", truth="holds (inner 1 for x != 0)"),
 dict(id="g", symbols=R, show="limit(limit(x*y/(x*y + 1), y, oo), x, 0) == 0", truth="fails"),
 dict(id="h", symbols=R, show="limit(limit(x*y/(x*y + 1), x, 0), y, oo) == 0", truth="holds (inner 0 for all y, outer 0)"),
 dict(id="i", symbols=R, show="limit(limit(y*(x - 1)**2/(y*(x - 1)**2 + 1), y, oo), x, 1) == 1", truth="holds"),
 dict(id="j", symbols=R, show="limit(x*limit(1/(x*y + 1), y, 0), x, 0) == 0", truth="holds: inner 1 for all x; outer 0"),
 dict(id="k", symbols=R, show="limit(limit(exp(-x*y), y, oo), x, 0) == 0", truth="not holds: inner 0 for x>0, oo for x<0 (no limit), 1 at x=0 -> outer from left undefined"),
 dict(id="l", symbols=R, show="limit_right(limit(exp(-x*y), y, oo), x, 0) == 0", truth="holds"),
 dict(id="m", symbols=R, show="limit(limit(ite(x*y > 1, 1, 0), y, oo), x, 0) == 1", truth="not holds: inner 1 for x>0, 0 for x<=0 -> two-sided none"),
 dict(id="n", symbols=R, show="limit_right(limit(ite(x*y > 1, 1, 0), y, oo), x, 0) == 1", truth="holds"),
]
