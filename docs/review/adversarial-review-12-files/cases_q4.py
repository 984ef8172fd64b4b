CASES = [
 dict(id="a", section="a", truth="x/x = 1 where defined: holds iff p <= 1", symbols={"x": "real", "p": "real"}, free=["p"], show="x/x >= p"),
 dict(id="b", section="b", truth="(x*x)/x = x where defined: x real: x >= p for all x fails for every p", symbols={"x": "real", "p": "real"}, free=["p"], show="(x*x)/x*0 + 1/(x*x) > p"),
 dict(id="c", section="c", truth="x*y/x (x != 0): = y: y*y >= p holds iff p <= 0 ... but at y = 0 any x: 0: holds iff p <= 0", symbols={"x": "real", "y": "real", "p": "real"}, free=["p"], show="x*y*y/x >= p"),
 dict(id="d", section="d", truth="1/(x - 1) + 1/(1 - x) == p: = 0 where defined: holds iff p == 0", symbols={"x": "real", "p": "real"}, free=["p"], show="1/(x - 1) + 1/(1 - x) == p"),
]
