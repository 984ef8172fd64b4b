X = {"x":"real","p":"real"}
CASES = [
 dict(id="a", symbols=X, assume=["x > 0"], show="(x - p)**2 > 0", free=["p"], truth="holds-if p <= 0"),
 dict(id="b", symbols=X, assume=["x >= 0"], show="(x - p)**2 > 0", free=["p"], truth="holds-if p < 0"),
 dict(id="c", symbols=X, show="x**2 >= p*x", free=["p"], truth="holds-if p == 0"),
 dict(id="d", symbols=X, show="p*x**2 + p*x + 1 > 0", free=["p"], truth="holds-if 0 <= p < 4"),
 dict(id="e", symbols=X, assume=["x >= 0"], show="(p - 1)**2*(p - 2)*x >= 0", free=["p"], truth="holds-if p >= 2 or p == 1"),
 dict(id="f", symbols={"x":"real","p":"real","q":"real"}, assume=["x > 0"], show="p*x + q > 0", free=["p","q"], truth="holds-if p >= 0 and q >= 0 and (p > 0 or q > 0)"),
 dict(id="g", symbols=X, assume=["x > 2"], show="x*exp(-x) < p", free=["p"], truth="holds-if p >= 2*exp(-2) (sup not attained; crit point 1 outside)"),
 dict(id="h", symbols=X, assume=["x > 0", "x < 3"], show="x**3 - 3*x < p", free=["p"], truth="holds-if p >= 18 (sup at x->3 not attained; local max at... f'=0 at 1: min -2)"),
 dict(id="i", symbols=X, assume=["x > -2", "x < 3"], show="x**3 - 3*x < p", free=["p"], truth="holds-if p >= 18 (local max 2 at x=-1 < 18)"),
 dict(id="j", symbols=X, assume=["x > -2", "x < 1.5"], show="x**3 - 3*x < p", free=["p"], truth="holds-if p > 2 (local max 2 at -1 attained; boundary 1.5: -1.125; -2: -2)"),
 dict(id="k", symbols=X, assume=["x >= -2", "x <= 2"], show="x**3 - 3*x <= p", free=["p"], truth="holds-if p >= 2 (attained at -1 and 2)"),
 dict(id="l", symbols={"n":"integer","p":"real"}, show="n**2 - n >= p", free=["p"], truth="holds-if p <= 0 (n=0,1)"),
 dict(id="m", symbols={"n":"integer","p":"real"}, show="(2*n - 1)**2 >= p", free=["p"], truth="holds-if p <= 1 (real min 0 at 1/2)"),
]
