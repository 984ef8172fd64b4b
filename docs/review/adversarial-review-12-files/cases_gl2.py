CASES = [
 dict(id="a", section="a", truth="a real: limit = 1 (a != 0), 0 (a == 0); y > 0 => y + L(a) > p holds iff p <= 0",
      symbols={"t": "real", "a": "real", "y": "real", "p": "real"}, assume=["y > 0"], free=["p"], show="y + limit(a*t/(a*t + 1), t, oo) > p"),
 dict(id="b", section="b", truth="no free constant: y > 0 => y + L(a) > 1/2 fails at a = 0, y = 1/4",
      symbols={"t": "real", "a": "real", "y": "real"}, assume=["y > 0"], show="y + limit(a*t/(a*t + 1), t, oo) > 1/2"),
 dict(id="c", section="c", truth="a real: limit(a*t/(a*t+1), t, oo) + x*x >= p: inf over a, x: a = 0, x = 0: 0 -> holds iff p <= 0",
      symbols={"t": "real", "a": "real", "x": "real", "p": "real"}, free=["p"], show="limit(a*t/(a*t + 1), t, oo) + x*x >= p"),
 dict(id="d", section="d", truth="p positive: limit(t/(p*t + 1), t, oo) = 1/p; 1/p > 1 iff p < 1: holds-if p < 1 (no degeneracy for p > 0)",
      symbols={"t": "real", "p": "positive"}, free=["p"], show="limit(t/(p*t + 1), t, oo) > 1"),
 dict(id="e", section="e", truth="p real: limit(x/(x + p), x, 0) = 0 if p != 0 else 1. claim: limit(...) < 1/2: holds iff p != 0",
      symbols={"x": "real", "p": "real"}, free=["p"], show="limit(x/(x + p), x, 0) < 1/2"),
 dict(id="f", section="f", truth="p real: 2*limit(x/(x + p), x, 0) + p*p >= 1 ... p != 0: p^2 >= 1; p = 0: 2 >= 1 true. holds iff p == 0 or |p| >= 1",
      symbols={"x": "real", "p": "real"}, free=["p"], show="2*limit(x/(x + p), x, 0) + p*p >= 1"),
]
