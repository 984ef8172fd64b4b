CASES = [
 dict(id="a", section="a", truth="0<x<1: abs(x - 1/2) < p: sup 1/2 not attained -> p >= 1/2", symbols={"x": "real", "p": "real"}, assume=["0 < x", "x < 1"], free=["p"], show="abs(x - 1/2) < p"),
 dict(id="b", section="b", truth="0<x<1: abs(x - 1/2) > p: inf 0 attained -> p < 0", symbols={"x": "real", "p": "real"}, assume=["0 < x", "x < 1"], free=["p"], show="abs(x - 1/2) > p"),
 dict(id="c", section="c", truth="x real: min(x, 1 - x) < p: sup 1/2 attained at x = 1/2 -> p > 1/2", symbols={"x": "real", "p": "real"}, free=["p"], show="min(x, 1 - x) < p"),
 dict(id="d", section="d", truth="x > 0: max(1/x, x) > p: inf 1 at x = 1 -> p < 1", symbols={"x": "real", "p": "real"}, assume=["x > 0"], free=["p"], show="max(1/x, x) > p"),
 dict(id="e", section="e", truth="0 < x <= 1: max(x, 1/2) - x*x/4 ... g = x - x^2 on [1/2,1] , 1/2 - x^2 on (0,1/2): sup? left: (0,1/2): 1/2 - x^2 <1/2 -> sup 1/2 not attained; right [1/2,1]: x - x^2 <= 1/4. So sup = 1/2 not attained -> p >= 1/2", symbols={"x": "real", "p": "real"}, assume=["0 < x", "x <= 1"], free=["p"], show="max(x, 1/2) - x*x < p"),
 dict(id="f", section="f", truth="x > 0 => ite(x > 1, 2, x) < p : values (0,1] and 2: sup 2 attained -> p > 2", symbols={"x": "real", "p": "real"}, assume=["x > 0"], free=["p"], show="ite(x > 1, 2, x) < p"),
 dict(id="g", section="g", truth="0 < x < 2 => ite(x < 1, x, 3 - x) < p: (0,1) and (1,2]: at x=1: 2, values (1,2) : sup 2 attained at x = 1 -> p > 2", symbols={"x": "real", "p": "real"}, assume=["0 < x", "x < 2"], free=["p"], show="ite(x < 1, x, 3 - x) < p"),
]
