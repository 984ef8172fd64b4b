CASES = [
 dict(id="a", truth="fails at x = log(log(10**100)) irrational -> undecided; must finish", symbols={"x": "real"}, show="exp(exp(x)) != 10**100"),
 dict(id="b", truth="fails at x = 3/2? 2**(2**x) ... (2**x)**... x*x*x**x: x**x != 27 at x = 3", symbols={"x": "positive"}, show="x**x != 27"),
 dict(id="c", truth="fails at x = 10: exp(x) ... floor(exp(x)) != 22026 at x = 10 (e^10 = 22026.47)", symbols={"x": "real"}, show="floor(exp(x)) != 22026"),
 dict(id="d", truth="fails: x**(x**x) != 2**16 at x = 2 (2**(2**2) = 16 no: 2**4 = 16). x**(x**x) == 16 at x = 2", symbols={"x": "positive"}, show="x**(x**x) != 16"),
 dict(id="e", truth="fails at n = 100: 2**n > 10**30 (2^100 = 1.27e30) -> claim 2**n < 10**30 false for n >= 100; n = 99: 6.3e29 < 1e30 ok", symbols={"n": "posint"}, show="2**n < 10**30"),
]
