def U(axioms, name="f"):
    ax = ", ".join("'" + a + "'" for a in axioms)
    return ["[assertion.undefined]", f"{name} = {{ kind = 'function', arity = 1, missing = 'axioms only', axioms = [{ax}] }}"]
TOL = "tolerances = { L = 'approx' }"
CASES = [
 dict(id="a", symbols={"L":"positive"}, show="abs(f(1) - f(0)) <= 1/10", extra=[TOL] + U(["forall u, v: abs(f(u) - f(v)) <= L*abs(u - v)"]), truth="holds (L = 1/10)"),
 dict(id="b", symbols={"L":"positive"}, show="abs(f(1) - f(0)) <= L", extra=[TOL] + U(["forall u, v: abs(f(u) - f(v)) <= L*abs(u - v)"]), truth="holds"),
 dict(id="c", symbols={"L":"positive"}, show="abs(f(1) - f(0)) <= 1/20", extra=[TOL] + U(["forall u, v: abs(f(u) - f(v)) <= L*abs(u - v)"]), truth="fails (f = u/10)"),
 dict(id="d", symbols={"L":"positive"}, show="abs(f(1) - f(0)) <= 1/10", extra=['references = { L = "kaplan2020.alpha_n" }'] + U(["forall u, v: abs(f(u) - f(v)) <= L*abs(u - v)"]), truth="holds (L = 0.076)"),
 dict(id="e", symbols={"L":"positive"}, assume=["L == 1/10"], show="abs(f(1) - f(0)) <= 1/10", extra=U(["forall u, v: abs(f(u) - f(v)) <= L*abs(u - v)"]), truth="holds"),
]
