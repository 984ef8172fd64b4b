CASES = [
 dict(id="a", section="ref", truth="n integer: n*n - n >= p - L with L = 0.076 holds iff p <= 0.076 (min of n*n - n is 0)",
      symbols={"n": "integer", "p": "real", "L": "positive"}, references={"L": "kaplan2020.alpha_n"}, free=["p"], show="n*n - n >= p - L"),
 dict(id="b", section="ref", truth="holds-if p >= 1/20", symbols={"x": "real", "p": "real"}, free=["p"], show="1/20 - x*x <= p"),
 dict(id="c", section="tol", truth="n integer, tol default 1/10: holds iff p <= 1/10", symbols={"n": "integer", "p": "real", "tol": "positive"},
      tolerances={"tol": "approx"}, free=["p"], show="n*n - n >= p - tol"),
 dict(id="d", section="tol", truth="holds-if p >= 1/20", symbols={"x": "real", "p": "real"}, free=["p"], show="1/20 - x*x <= p"),
]
