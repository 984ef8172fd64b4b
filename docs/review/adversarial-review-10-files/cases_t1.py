T = lambda s, c: f"tolerances = {{ {s} = '{c}' }}"
CASES = [
 dict(id="a", symbols={"x":"real","tol":"positive"}, assume=["x == 0.3"], show="abs(x - 1/3) <= tol*(1/3)", extra=[T("tol","approx")], truth="holds exactly at default (flip 1/10, fragile)", why=""),
 dict(id="b", symbols={"x":"real","tol":"positive"}, assume=["x == 0.3"], show="abs(x - 1/3) < tol*(1/3)", extra=[T("tol","approx")], truth="fails at default (equality), flip 1/10", why=""),
 dict(id="c", symbols={"tol":"positive"}, show="abs(0.333 - 1/3) <= tol*(1/3)", extra=[T("tol","approx")], truth="holds, flip 1/1000", why=""),
 dict(id="d", symbols={"f":"positive"}, show="68*10**9 >= 100*10**9/f and 68*10**9 <= f*100*10**9", extra=[T("f","approx-scale")], truth="holds, flip 25/17, fragile", why=""),
 dict(id="e", symbols={"tol":"positive"}, show="abs(pi - 3) <= tol*3", extra=[T("tol","approx")], truth="holds, flip (pi-3)/3 ~ 0.0472", why=""),
 dict(id="f", symbols={"x":"real","tol":"positive"}, assume=["x > 0", "x < 1"], show="x - x**2 <= tol", extra=[T("tol","approx")], truth="fails at 1/10 (x=1/2), flip 1/4", why=""),
 dict(id="g", symbols={"x":"real","tol":"positive"}, assume=["x == 1.05"], show="abs(x - 1) <= tol*1 and abs(x - 1.2) > tol*1.2", extra=[T("tol","approx")], truth="holds at 1/10; window [1/20, 1/8)", why="|1.05-1.2|=0.15 > 0.12 yes; upper: 0.15 > 1.2 tol iff tol < 1/8"),
 dict(id="h", symbols={"e0":"positive"}, show="0.05 <= e0", extra=[T("e0","approx-zero")], truth="holds at default 1/20 (boundary), flip 1/20", why=""),
 dict(id="i", symbols={"m":"positive"}, show="1/m <= 3/10 and 3/10 <= m", extra=[T("m","order-of-magnitude")], truth="fails: 1/m = 0.316 > 0.3; flip m = 10/3", why="order of magnitude 0.3 vs 1"),
 dict(id="j", symbols={"tol":"positive"}, show="abs(sqrt(2) - 1.4142) <= tol*sqrt(2)", extra=[T("tol","approx")], truth="holds, flip ~1.5e-5", why=""),
 dict(id="k", symbols={"tol":"positive"}, show="abs(exp(pi*sqrt(163)) - 262537412640768744) <= tol", extra=[T("tol","approx")], truth="holds, flip ~7.499e-13", why="tiny flip"),
 dict(id="l", symbols={"tol":"positive"}, show="abs(0.3 - 1/3) <= tol/3 or abs(0.3 - 1/3) >= 2*tol", extra=[T("tol","approx")], truth="holds at 1/10; holds for tol>=1/10 or tol<=1/60; fails in (1/60, 1/10)", why="two flips below"),
]
