def U(axioms, name="f"):
    ax = ", ".join("'" + a + "'" for a in axioms)
    return ["[assertion.undefined]", f"{name} = {{ kind = 'function', arity = 1, missing = 'axioms only', axioms = [{ax}] }}"]
INC = "forall u, v: implies(u < v, f(u) < f(v))"
CASES = [
 dict(id="a", symbols={"x":"real"}, show="f(x) < f(x + 1)", extra=U([INC]), truth="holds"),
 dict(id="b", symbols={}, assume=["f(0) == 0", "f(2) == 2"], show="f(1) <= 1", extra=U(["forall u, v: f((u + v)/2) <= (f(u) + f(v))/2"]), truth="holds (midpoint convexity at 0,2)"),
 dict(id="c", symbols={"x":"real"}, show="f(x) > 0", extra=U(["forall u: f(u) >= 0"]), truth="fails (f = 0)"),
 dict(id="d", symbols={}, show="f(2) == f(0) + 2", extra=U(["forall u: f(u + 1) == f(u) + 1"]), truth="holds (needs chained instances): undecided ok, never fails"),
 dict(id="e", symbols={}, show="f(0) == 0", extra=U(["forall u: f(f(u)) == u"]), truth="fails (f = 1 - u); undecided ok"),
 dict(id="g", symbols={"x":"real"}, show="f(x) == x", extra=U(["forall u: f(u)**2 == u**2"]), truth="fails (f = -u)"),
 dict(id="h", symbols={"x":"real"}, assume=["f(0) == 0"], show="abs(f(x)) <= abs(x)", extra=U(["forall u, v: abs(f(u) - f(v)) <= abs(u - v)"]), truth="holds"),
 dict(id="i", symbols={"x":"real"}, assume=["f(0) == 0"], show="f(x) <= x", extra=U(["forall u, v: abs(f(u) - f(v)) <= abs(u - v)"]), truth="fails (f = -u at x=-1... f(-1)=1 > -1)"),
 dict(id="j", symbols={"x":"real"}, show="f(x) <= 1", extra=U(["forall u: f(u) < 1"]), truth="holds"),
 dict(id="k", symbols={"x":"real"}, assume=["x > 0"], show="f(x) > f(0)", extra=U(["forall u, v: implies(u <= v, f(u) <= f(v))"]), truth="fails (f constant)"),
 dict(id="l", symbols={"x":"real"}, show="f(x) < 1", extra=U(["forall u: f(u) < 1", "forall u, v: implies(u < v, f(u) < f(v))"]), truth="holds"),
 dict(id="m", symbols={"x":"real"}, show="f(x) > 0", extra=U(["forall u: f(u) < 1", "forall u, v: implies(u < v, f(u) < f(v))"]), truth="fails (f(u) = -1 + something increasing bounded: e.g. -exp(-u)... any increasing bounded by 1 that is negative somewhere)"),
 dict(id="n", symbols={}, show="f(1) - f(0) < 1", extra=U(["forall u: f(u) < 1", "forall u: f(u) > 0"]), truth="holds"),
 dict(id="o", symbols={}, show="f(3) > f(1) + 1", extra=U(["forall u, v: implies(u < v, f(v) - f(u) > v - u - 1)"]), truth="holds? instance u=1,v=3: f3-f1 > 1: holds"),
 dict(id="p", symbols={}, show="f(3) > f(1) + 2", extra=U(["forall u, v: implies(u < v, f(v) - f(u) > v - u - 1)"]), truth="fails (f(u)=u-1/2 + ... f(u) = u*0? f=0: 0 > 2-1? v-u-1 must be < 0 -> f=0 violates for v-u>1; take f(u)=u - 1/2: f(v)-f(u) = v-u > v-u-1 ok; claim 2 > 2 false)"),
 dict(id="q", symbols={}, show="f(1) >= 0", extra=U(["forall u: f(u) >= u*u - 2*u + 1"]), truth="holds (f(1) >= 0)"),
 dict(id="r", symbols={}, show="f(1) > 0", extra=U(["forall u: f(u) >= u*u - 2*u + 1"]), truth="fails (f(u) = (u-1)^2)"),
]
