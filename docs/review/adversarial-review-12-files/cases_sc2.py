CASES = [
 dict(id="a", section="s1", truth="n integer: n*n - n >= p holds iff p <= 0", symbols={"n": "integer", "p": "real"}, free=["p"], show="n*n - n >= p"),
 dict(id="b", section="s1", truth="holds-if p >= 1/20", symbols={"x": "real", "p": "real"}, free=["p"], show="1/20 - x*x <= p"),
 dict(id="c", section="s2", truth="real x, L ref: undecided?", symbols={"x": "real", "p": "real", "L": "positive"}, references={"L": "kaplan2020.alpha_n"}, free=["p"], show="x*x*x*x - x*x >= p - L"),
 dict(id="d", section="s2", truth="holds-if p >= 1/20", symbols={"x": "real", "p": "real"}, free=["p"], show="1/20 - x*x <= p"),
]
