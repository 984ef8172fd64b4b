HEAD = '''[[definition]]
id = "dsq6"
name = "DQ"
params = ["t"]
body = "diff(t**3, t)"
title = "derivative def with param t"

[[definition]]
id = "sh6"
name = "SH"
params = ["y"]
body = "y + t"
symbols = { t = "positive" }
title = "shared t"

'''
def U(axioms, name="f"):
    ax = ", ".join("'" + a + "'" for a in axioms)
    return ["[assertion.undefined]", f"{name} = {{ kind = 'function', arity = 1, missing = 'axioms only', axioms = [{ax}] }}"]
TOL = "tolerances = { t = 'approx' }"
REF = 'references = { t = "kaplan2020.alpha_n" }'
CASES = [
 dict(id="a", symbols={"t":"positive"}, show="f(1) >= 0", extra=[TOL] + U(["forall t: f(t) >= 0"]), truth="holds"),
 dict(id="b", symbols={"t":"positive"}, show="f(1) >= 0", extra=[REF] + U(["forall t: f(t) >= 0"]), truth="holds"),
 dict(id="c", symbols={"t":"positive"}, uses=["dsq6"], show="DQ(2) == 12", extra=[TOL], truth="holds (param t is local)"),
 dict(id="d", symbols={"t":"positive", "y":"real"}, uses=["sh6"], show="SH(y) == y + 1/10", extra=[TOL], truth="holds at default"),
 dict(id="e", symbols={"t":"positive"}, show="diff(t**2, t, 2) == 2", extra=[REF], truth="holds"),
 dict(id="f", symbols={"t":"positive", "x":"real"}, show="diff(x*t, x) == t", extra=[TOL], truth="holds"),
]
