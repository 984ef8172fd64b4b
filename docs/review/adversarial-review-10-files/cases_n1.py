HEAD = '''[[definition]]
id = "sq"
name = "sq"
params = ["x"]
body = "x**2"
title = "square"

[[definition]]
id = "gdiff"
name = "g"
params = ["x"]
body = "sq(x + 1) - sq(x)"
uses = ["sq"]
title = "forward difference"

[[definition]]
id = "lim_a"
name = "L"
params = ["a"]
body = "limit(a*t/(a*t + 1), t, oo)"
symbols = { t = "real" }
title = "limit with param"

[[definition]]
id = "dsq"
name = "D"
params = ["u"]
body = "diff(u**3, u)"
title = "derivative def"

[[definition]]
id = "qlog"
name = "Q"
params = ["x"]
body = "ite(x > 0, log(x), 0)"
title = "guarded log"

[[definition]]
id = "recip"
name = "Z"
params = ["x"]
body = "1/x"
title = "reciprocal"

[[definition]]
id = "shift"
name = "S"
params = ["y"]
body = "y + x"
symbols = { x = "real" }
title = "shift by shared x"

[[definition]]
id = "dshift"
name = "DS"
params = ["y"]
body = "diff(S(y)*x, x)"
uses = ["shift"]
symbols = { x = "real" }
title = "derivative over shared x of a def"

'''
CASES = [
 dict(id="a", symbols={"y":"real"}, uses=["gdiff"], show="g(y) == 2*y + 1", truth="holds", why=""),
 dict(id="b", symbols={}, uses=["lim_a"], show="L(0) == 0", truth="holds", why=""),
 dict(id="c", symbols={}, uses=["lim_a"], show="L(0) == 1", truth="fails", why=""),
 dict(id="d", symbols={"b":"real"}, uses=["lim_a"], show="L(b) == 1", truth="fails at b=0", why=""),
 dict(id="e", symbols={"b":"positive"}, uses=["lim_a"], show="L(b) == 1", truth="holds", why=""),
 dict(id="f", symbols={}, uses=["dsq"], show="D(2) == 12", truth="holds", why=""),
 dict(id="g", symbols={"v":"real"}, uses=["dsq"], show="D(v + 1) == 3*(v + 1)**2", truth="holds (derivative of u^3 at u=v+1)", why=""),
 dict(id="h", symbols={}, uses=["qlog"], show="Q(-1) == 0", truth="holds", why="guard"),
 dict(id="i", symbols={}, uses=["recip"], show="Z(0)*0 == 0", truth="undecided (undefined)", why=""),
 dict(id="j", symbols={"x":"real"}, uses=["recip"], show="Z(x)*x == 1", truth="holds where defined", why=""),
 dict(id="k", symbols={"x":"real"}, uses=["shift"], show="S(x) == 2*x", truth="holds", why=""),
 dict(id="l", symbols={"x":"real", "y":"real"}, uses=["dshift"], show="DS(y) == y + 2*x", truth="holds: d/dx (y+x)x = y + 2x", why=""),
 dict(id="m", symbols={"x":"real"}, uses=["dshift"], show="DS(x) == 3*x", truth="holds? DS(x) = diff(S(y)*x,x) at y=x: by-value: y=x substituted after diff: y + 2x = 3x; capture-free", why="capture"),
 dict(id="n", symbols={"z":"real"}, uses=["dsq"], show="D(z**2) == 3*z**4", truth="holds (u^3 derivative at u=z^2)", why=""),
 dict(id="o", symbols={"z":"real"}, uses=["dsq"], show="D(z**2) == 6*z**5", truth="fails (z=1: 3 vs 6)", why="chain rule confusion"),
]
