CASES = [
 dict(id="a", section="s1", truth="x - floor(x) >= p - L, L = 0.076: inf frac = 0 attained: holds iff p <= 0.076", symbols={"x": "real", "p": "real", "L": "positive"}, references={"L": "kaplan2020.alpha_n"}, free=["p"], show="x - floor(x) >= p - L"),
 dict(id="b", section="s1", truth="holds-if p >= 1/20", symbols={"y": "real", "p": "real"}, free=["p"], show="1/20 - y*y <= p"),
 dict(id="c", section="s2", truth="tol default 1/10: holds iff p <= 1/10", symbols={"x": "real", "p": "real", "tol": "positive"}, tolerances={"tol": "approx"}, free=["p"], show="x - floor(x) >= p - tol"),
 dict(id="d", section="s2", truth="holds-if p >= 1/20", symbols={"y": "real", "p": "real"}, free=["p"], show="1/20 - y*y <= p"),
 dict(id="e", section="s3", truth="pin c == 1/10: holds iff p <= 1/10", symbols={"x": "real", "p": "real", "c": "positive"}, assume=["c == 1/10"], free=["p"], show="x - floor(x) >= p - c"),
 dict(id="f", section="s3", truth="holds-if p >= 1/20", symbols={"y": "real", "p": "real"}, free=["p"], show="1/20 - y*y <= p"),
]
