R = {"x":"real","a":"real"}
CASES = [
 dict(id="a", symbols=R, assume=["a != 0"], show="limit(exp(a*x), x, -oo) == 0", truth="a<0: limit is oo (not a number per docs): undecided; must not use a=0"),
 dict(id="b", symbols=R, assume=["a < 0"], show="limit(exp(a*x), x, -oo) == 0", truth="undecided per docs (infinite)"),
 dict(id="c", symbols=R, assume=["a > 0"], show="limit(exp(a*x), x, -oo) == 0", truth="holds"),
 dict(id="d", symbols=R, assume=["a >= 1"], show="limit(x**a*exp(-x), x, oo) == 0", truth="holds"),
 dict(id="e", symbols=R, assume=["a > 0"], show="limit(x*exp(-a*x), x, oo) == 0", truth="holds"),
 dict(id="f", symbols=R, assume=["a > 0", "a != 1"], show="limit(a**x, x, oo) == 0", truth="a>1: oo (undefined); a<1: 0 -> undecided; fails wrong"),
 dict(id="g", symbols=R, assume=["a > 1/2", "a < 1"], show="limit(a**x, x, oo) == 0", truth="holds"),
 dict(id="h", symbols=R, assume=["a > 1"], show="limit(a**(-x), x, oo) == 0", truth="holds"),
 dict(id="i", symbols=R, assume=["a > 1"], show="limit(a**(-x), x, oo) == 1/2", truth="fails (any a>1: value 0)"),
]
