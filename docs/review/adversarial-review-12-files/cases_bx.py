CASES = [
 dict(id="a", truth="undecided (kink at 1/2)", symbols={"x": "real"}, assume=["0 < x", "x < 1"], show="diff(abs(x - 1/2) + exp(x*x*x), x) < 5"),
 dict(id="b", truth="undecided (jump at 1/2 no derivative); elsewhere true", symbols={"x": "real"}, assume=["0 < x", "x < 1"], show="diff(floor(2*x) + exp(x*x*x), x) < 4"),
 dict(id="c", truth="undecided: limit of heaviside(x - 1/2) at 1/2 doesn't exist; claim limit(...) + exp(x) > 0 with x free: hmm closed in limit: undecided", symbols={"x": "real", "y": "real"}, assume=["0 < x", "x < 1"], show="limit(heaviside(y - 1/2), y, 1/2) + exp(x*x*x) > 0"),
 dict(id="d", truth="holds: 0 < x < 1: diff(x**x, x) = x**x (log x + 1) > -1 (min at 1/e: ~0.69*0 ...) x**x*(log x + 1) min? at x small: x^x ->1, log x -> -oo: -> -oo! fails near 0: x = 10**-10: ~ -22", symbols={"x": "real"}, assume=["0 < x", "x < 1"], show="diff(x**x, x) > -1"),
]
