CASES = [
 dict(id="a", section="a", truth="for every f with f <= 0: f(x) < p for all x iff p > 0",
      symbols={"x": "real", "p": "real"}, free=["p"], show="f(x) < p",
      undefined={"f": {"kind": "function", "arity": 1, "missing": "axioms only", "axioms": ["forall u: f(u) <= 0"]}}),
 dict(id="b", section="b", truth="for every f with f(u) <= u*u: x > 0 => f(x) - x*x < p? f(x) - x^2 <= 0, sup 0 (f = x^2): holds iff p > 0",
      symbols={"x": "real", "p": "real"}, assume=["x > 0"], free=["p"], show="f(x) - x*x < p",
      undefined={"f": {"kind": "function", "arity": 1, "missing": "axioms only", "axioms": ["forall u: f(u) <= u*u"]}}),
 dict(id="c", section="c", truth="f(u) <= 1 for all u, f increasing: x in (0,1) => f(x) <= p holds iff p >= 1 (f = 1 ... increasing strictly: f(x) = 1 - exp(-x)?? sup f over (0,1) < 1 ... for every f: need p >= sup over all f = 1 (f(x) = x/... approaching 1): p >= 1? f strictly increasing with f <= 1: f(x) < 1 for x < some... f(x) < f(2) <= 1 so f(x) < 1 on (0,1) strictly; sup over f of f(1/2) = 1 (not attained): f(x) <= p for all f iff p >= 1",
      symbols={"x": "real", "p": "real"}, assume=["0 < x", "x < 1"], free=["p"], show="f(x) <= p",
      undefined={"f": {"kind": "function", "arity": 1, "missing": "axioms only", "axioms": ["forall u: f(u) <= 1", "forall u, v: implies(u < v, f(u) < f(v))"]}}),
]
