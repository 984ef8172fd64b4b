CASES = [
 dict(id="a", section="a", truth="holds at tol=1/10; flip point 9999/100000 (holds iff tol >= 0.09999); not fragile? default 0.1 within 10% of 0.09999 -> fragile anyway",
      symbols={"x": "real", "tol": "positive"}, assume=["0 < x", "x < 1", "x < 9999/10000"], tolerances={"tol": "approx"}, show="x/10 < tol"),
 dict(id="b", section="b", truth="n integer, n < 1000 => n/10000 < tol: holds iff tol > 999/10000; default 1/10 holds; flip 0.0999 (strict)",
      symbols={"n": "integer", "tol": "positive"}, assume=["n < 1000"], tolerances={"tol": "approx"}, show="n/10000 < tol"),
 dict(id="c", section="c", truth="n integer, n < 1000 => n/9990 < tol: holds iff tol > 999/9990 = 1/10 ; default 1/10: n=999: 0.1 < 0.1 false -> fails at default; flip: holds for tol > 1/10",
      symbols={"n": "integer", "tol": "positive"}, assume=["n < 1000"], tolerances={"tol": "approx"}, show="n/9990 < tol"),
]
