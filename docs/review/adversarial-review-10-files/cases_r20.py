def G(kind="predicate", name="Good", arity=1):
    return ["[assertion.undefined]", f"{name} = {{ kind = '{kind}', arity = {arity}, missing = 'no definition' }}"]
CASES = [
 dict(id="a", symbols={}, assume=["F(1/5) > 0"], show="F(1/10) > 0", extra=G("function", "F"), truth="informal (r19.c at t = 1/5)"),
 dict(id="b", symbols={}, assume=["F(10) > 0"], show="F(1/10) > 0", extra=G("function", "F"), truth="informal (r19.c at t = 10)"),
]
