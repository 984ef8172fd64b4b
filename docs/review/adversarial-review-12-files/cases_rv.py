CASES = [
 dict(id="a", truth="holds (n integer: exponent 0, limit 1); must not fail at a non-integer n", symbols={"x": "real", "n": "integer"}, show="limit(x**(n - floor(n)), x, oo) == 1"),
 dict(id="b", truth="holds for n posint", symbols={"x": "real", "n": "posint"}, show="limit(x**(n - floor(n)) * 2, x, oo) == 2"),
 dict(id="c", truth="n > 5 real: fails at n = 11/2 (x**(1/2) -> oo): check the witness satisfies n > 5", symbols={"x": "real", "n": "real"}, assume=["n > 5"], show="limit(x**(n - floor(n)), x, oo) == 1"),
 dict(id="d", truth="a unit: limit(x**a, x, oo) = oo for a in (0,1): claim == 1 fails", symbols={"x": "real", "a": "unit"}, show="limit(x**a * 0 + x**a, x, oo) == 1"),
 dict(id="e", truth="holds: a > 7 => limit(x**(-a), x, oo) == 0", symbols={"x": "real", "a": "real"}, assume=["a > 7"], show="limit(x**(-a), x, oo) == 0"),
 dict(id="f", truth="fails at a = 0 (limit 1) but assume a != 0 and a*a > 0: x**(-a*a) -> 0: holds", symbols={"x": "real", "a": "real"}, assume=["a != 0"], show="limit(x**(-a*a), x, oo) == 0"),
 dict(id="g", truth="n natural, limit(x**n * exp(-x), x, oo) == 0 holds", symbols={"x": "real", "n": "natural"}, show="limit(x**n * exp(-x), x, oo) == 0"),
 dict(id="h", truth="a in probability [0,1]: limit(a**x, x, oo): a<1 -> 0, a=1 -> 1. claim == 0 fails at a = 1", symbols={"x": "real", "a": "probability"}, show="limit(a**x, x, oo) == 0"),
 dict(id="i", truth="a unit: limit(a**x, x, oo) == 0 holds", symbols={"x": "real", "a": "unit"}, show="limit(a**x, x, oo) == 0"),
]
