def U(axioms, name="f"):
    ax = ", ".join("'" + a + "'" for a in axioms)
    return ["[assertion.undefined]", f"{name} = {{ kind = 'function', arity = 1, missing = 'axioms only', axioms = [{ax}] }}"]
CASES = [
 dict(id="a", symbols={"x":"real"}, assume=["x == 2"], show="limit(x**2, x, 1) == 1", truth="holds (bound x is not the pinned x)"),
 dict(id="b", symbols={"x":"real"}, assume=["x == 2"], show="limit(x**2, x, 1) == 4", truth="fails"),
 dict(id="c", symbols={"x":"real"}, assume=["x == 2"], show="f(3) >= 0", extra=U(["forall x: f(x) >= 0"]), truth="holds (axiom's x is bound; shadows claim x)"),
 dict(id="d", symbols={"x":"real", "y":"real"}, assume=["x == 2"], show="f(y) >= 0", extra=U(["forall x: f(x) >= 0"]), truth="holds"),
 dict(id="e", symbols={"x":"real"}, assume=["x == 2"], show="f(x) >= f(1)", extra=U(["forall x, y: implies(x <= y, f(x) <= f(y))"]), truth="holds (2 >= 1, nondecreasing)"),
 dict(id="f", symbols={"x":"real"}, assume=["x == 2"], show="diff(x**3, x) == 12", truth="holds? diff variable x not pinned: diff(x^3,x)=3x^2 at x=2 = 12"),
 dict(id="g", symbols={"L":"positive", "u":"real"}, assume=["L == 1"], show="abs(f(u) - f(0)) <= abs(u)", extra=U(["forall u, v: abs(f(u) - f(v)) <= L*abs(u - v)"]), truth="holds (L pinned to 1 inside axiom ok; u bound in axiom shadows)"),
 dict(id="h", symbols={"L":"positive", "u":"real"}, assume=["L == 1"], show="abs(f(u) - f(0)) <= abs(u)/2", extra=U(["forall u, v: abs(f(u) - f(v)) <= L*abs(u - v)"]), truth="fails (f(t)=t)"),
 dict(id="i", symbols={"u":"real"}, assume=["u == 5"], show="f(0) <= f(1)", extra=U(["forall u: f(u) <= f(u + 1)"]), truth="holds (u bound; pinned u=5 must not enter)"),
]
