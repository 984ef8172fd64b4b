CASES = [
 dict(id="a", section="a", truth="p real: limit = 1 (p != 0), 0 (p = 0): holds iff p < 1 and p != 0",
      symbols={"x": "real", "p": "real"}, free=["p"], show="limit(p*x/(p*x + 1), x, oo) > p"),
 dict(id="b", section="b", truth="p nonnegative: holds iff 0 < p < 1",
      symbols={"x": "real", "p": "nonnegative"}, free=["p"], show="limit(p*x/(p*x + 1), x, oo) > p"),
 dict(id="c", section="c", truth="limit(x/(p + x), x, 0) = 0 if p != 0, 1 if p == 0. claim == 0 holds iff p != 0",
      symbols={"x": "real", "p": "real"}, free=["p"], show="limit(x/(p + x), x, 0) == 0"),
 dict(id="d", section="d", truth="limit(x/(p + x), x, 0) < p: p != 0: 0 < p; p = 0: 1 < 0 false. holds iff p > 0",
      symbols={"x": "real", "p": "real"}, free=["p"], show="limit(x/(p + x), x, 0) < p"),
 dict(id="e", section="e", truth="y > 0 => limit(x/(p + x), x, 0) + y > p : p!=0: y > p for all y>0 iff p <= 0 (p<0); p=0: 1+y>0 true. holds iff p <= 0",
      symbols={"x": "real", "y": "real", "p": "real"}, assume=["y > 0"], free=["p"], show="limit(x/(p + x), x, 0) + y > p"),
]
