def P(id, sym, of, prop, truth, assume=None, **kw):
    d = dict(id=id, symbols=sym, of=of, property=prop, variable=kw.pop("var", "x"), truth=truth)
    if assume: d["assume"] = assume
    d.update(kw); return d
R = {"x": "real"}
CASES = [
 P("a", R, "x**3", "increasing", "holds"),
 P("b", R, "floor(x)", "increasing", "fails"),
 P("c", R, "floor(x)", "nondecreasing", "holds"),
 P("d", {"x": "positive"}, "1/x", "decreasing", "holds"),
 P("e", R, "1/x", "decreasing", "fails (undefined at 0 / -1<1)", assume=["x != 0"]),
 P("f", R, "ite(x < 0, -x, x)", "continuous", "holds (= abs); undecided ok"),
 P("g", R, "floor(x)", "continuous", "holds", assume=["x > 0", "x < 1"]),
 P("h", R, "sqrt(x**2 + 1)", "smooth", "holds"),
 P("i", {"x": "real", "a": "real"}, "a*x", "increasing", "fails (a=-1 or 0)"),
 P("j", {"x": "real", "a": "real"}, "a*x", "increasing", "fails at a=0", assume=["a >= 0"]),
 P("k", {"x": "real", "a": "real"}, "a*x", "nondecreasing", "holds", assume=["a >= 0"]),
 P("l", {"x": "positive", "a": "positive"}, "x**a", "increasing", "holds"),
 P("m", R, "x - floor(x)", "increasing", "holds", assume=["x >= 0", "x < 1"]),
 P("n", R, "x - floor(x)", "increasing", "fails", assume=["x >= 0", "x <= 1"]),
 P("o", {"n": "integer"}, "n**2", "increasing", "fails", var="n"),
 P("p", {"n": "posint"}, "n**2", "increasing", "holds", var="n"),
 P("q", {"n": "integer"}, "floor(n/2)", "increasing", "fails", var="n"),
 P("r", {"n": "natural"}, "n/(n + 1)", "increasing", "holds", var="n"),
 P("s", {"n": "posint"}, "(n - 3/2)**2", "increasing", "fails (n=1,2 equal)", var="n"),
 P("t", {"n": "posint"}, "(n - 3/2)**2", "nondecreasing", "holds (1/4,1/4,9/4,...)", var="n"),
 P("u", R, "x**2", "crossing", "holds", level="4", solution="-2"),
 P("v", {"x": "positive"}, "x**2", "crossing", "fails (-2 not in domain)", level="4", solution="-2"),
 P("w", {"x": "real", "c": "positive"}, "x**2", "crossing", "holds", level="c", solution="sqrt(c)"),
 P("y", {"x": "real", "c": "real"}, "x**2", "crossing", "fails (c<0: sqrt undefined)", level="c", solution="sqrt(c)"),
 P("z", R, "x*abs(x)", "increasing", "holds"),
 P("z2", R, "x + heaviside(x)", "increasing", "holds (jump up)"),
 P("z3", R, "x - heaviside(x)", "increasing", "fails (x=0 -> 0, x=1/2 -> -1/2)"),
 P("z4", R, "x - 2*heaviside(x)", "continuous", "not holds (jump at 0)"),
 P("z5", R, "ite(x == 0, 1, x)", "continuous", "not holds (jump at 0)"),
 P("z6", R, "ite(x == 0, 0, x)", "continuous", "holds (removable=identity)"),
]
