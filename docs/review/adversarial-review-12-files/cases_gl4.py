CASES = [
 dict(id="a", section="a", truth="holds exactly when p == 0 (limit is 1 at p = 0, else 0): NOT 'fails for every p'",
      symbols={"x": "real", "p": "real"}, free=["p"], show="limit(x/(x + p), x, 0) >= 1 + p*p"),
 dict(id="b", section="b", truth="limit(p*x/(p*x + 1), x, oo) = 1 (p != 0), 0 (p == 0); claim L - y*y <= 0 for all y holds iff L <= 0 iff p == 0",
      symbols={"x": "real", "y": "real", "p": "real"}, free=["p"], show="limit(p*x/(p*x + 1), x, oo) - y*y <= 0"),
]
