def U(axioms, name="f"):
    ax = ", ".join("'" + a + "'" for a in axioms)
    return ["[assertion.undefined]", f"{name} = {{ kind = 'function', arity = 1, missing = 'axioms only', axioms = [{ax}] }}"]
AX = U(["forall u, v: abs(f(u) - f(v)) <= L*abs(u - v)"])
CASES = [
 dict(id="a", symbols={"L":"positive"}, show="abs(f(1) - f(0)) <= 1/10", free=["L"], extra=AX, truth="holds-if L <= 1/10"),
 dict(id="b", symbols={"L":"positive"}, show="abs(f(1) - f(0)) <= 1/10", free=["L"], extra=["plausible = { L = { range = 'L <= 1/20', why = 'test' } }"] + AX, truth="holds-if L <= 1/10 (range inside)"),
]
