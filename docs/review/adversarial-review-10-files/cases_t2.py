T = lambda s, c: f"tolerances = {{ {s} = '{c}' }}"
CASES = [
 dict(id="a", symbols={}, show="abs(0.3 - 1/3) <= (1/10)/3 or abs(0.3 - 1/3) >= 2*(1/10)", truth="holds", why="t1.l at tol=1/10"),
 dict(id="b", symbols={"tol":"positive"}, assume=["tol == 1/10"], show="abs(0.3 - 1/3) <= tol/3 or abs(0.3 - 1/3) >= 2*tol", truth="holds", why=""),
 dict(id="c", symbols={"tol":"positive"}, show="abs(0.3 - 1/3) <= tol/3 or abs(0.3 - 1/3) >= 2*tol", extra=[T("tol","approx")], truth="holds at default; flips at 1/10 (fragile) and 1/60", why="= t1.l"),
 dict(id="d", symbols={"tol":"positive"}, show="abs(0.3 - 1/3) <= tol/3", extra=[T("tol","approx")], truth="holds, flip at 1/10 exactly", why=""),
 dict(id="e", symbols={"x":"real","tol":"positive"}, assume=["x == 1.08"], show="abs(x - 1) <= tol*1 and abs(x - 1.2) > tol*1.2", extra=[T("tol","approx")], truth="fails at default 1/10 (0.12 > 0.12 false); window [2/25, 1/10): default outside", why=""),
]
