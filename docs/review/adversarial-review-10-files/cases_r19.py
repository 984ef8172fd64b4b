def G(kind="predicate", name="Good", arity=1, axioms=None):
    ax = "" if axioms is None else ", axioms = [" + ", ".join("'" + a + "'" for a in axioms) + "]"
    return ["[assertion.undefined]", f"{name} = {{ kind = '{kind}', arity = {arity}, missing = 'no definition'{ax} }}"]
TOL = "tolerances = { t = 'approx' }"
REF = 'references = { t = "kaplan2020.alpha_n" }'
CASES = [
 dict(id="a", kind="proof-step", symbols={"t":"positive"}, assume=["Good(t)"], show="Good(1/10)", extra=[TOL] + G(), truth="holds (t = 1/10)"),
 dict(id="b", kind="proof-step", symbols={"t":"positive"}, assume=["Good(t)"], show="Good(0.076)", extra=[REF] + G(), truth="holds (t = 0.076)"),
 dict(id="c", symbols={"t":"positive"}, assume=["F(t) > 0"], show="F(1/10) > 0", extra=[TOL] + G("function", "F"), truth="holds"),
 dict(id="d", symbols={"t":"positive"}, show="F(1) >= 0", extra=[REF] + G("function", "F", axioms=["forall u: F(u) >= t - 0.076"]), truth="holds (t = 0.076: F >= 0)"),
]
