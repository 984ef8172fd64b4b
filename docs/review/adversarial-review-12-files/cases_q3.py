CASES = [
 dict(id="a", section="a", truth="fails for every p (x -> 0+)", symbols={"x": "real", "p": "real"}, free=["p"], show="1/x <= p or x <= 0"),
 dict(id="b", section="b", truth="holds iff p >= 1", symbols={"x": "real", "p": "real"}, free=["p"], show="x*x/(x*x + 1) < p"),
 dict(id="c", section="c", truth="x != 1 => (x*x - 1)/(x - 1) != p: g = x + 1 for x != 1 takes every value except 2: holds iff p == 2",
      symbols={"x": "real", "p": "real"}, assume=["x != 1"], free=["p"], show="(x*x - 1)/(x - 1) != p"),
 dict(id="d", section="d", truth="no assumption: (x*x-1)/(x-1) != p holds where defined: iff p == 2", symbols={"x": "real", "p": "real"}, free=["p"], show="(x*x - 1)/(x - 1) != p"),
 dict(id="e", section="e", truth="x*x != p: holds iff p < 0", symbols={"x": "real", "p": "real"}, free=["p"], show="x*x != p"),
 dict(id="f", section="f", truth="x/(x - p) defined for x != p; claim x/(x - p) != 1 holds where defined for every p: x/(x-p)=1 iff p=0 (and x != 0)... x = x - p iff p = 0: so for p = 0: x/x = 1 -> claim false; p != 0 holds. holds iff p != 0",
      symbols={"x": "real", "p": "real"}, free=["p"], show="x/(x - p) != 1"),
 dict(id="g", section="g", truth="sqrt(x) >= p for x >= 0... holds where defined iff p <= 0", symbols={"x": "real", "p": "real"}, free=["p"], show="sqrt(x) >= p"),
 dict(id="h", section="h", truth="x*x*p == x*x*q... free p, q: holds iff p == q", symbols={"x": "real", "p": "real", "q": "real"}, free=["p", "q"], show="x*x*p == x*x*q"),
]
