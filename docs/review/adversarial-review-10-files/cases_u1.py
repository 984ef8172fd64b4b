def G(kind="predicate", name="Good", arity=1):
    return ["[assertion.undefined]", f"{name} = {{ kind = '{kind}', arity = {arity}, missing = 'no definition' }}"]
PS = "proof-step"
CASES = [
 dict(id="a", kind=PS, symbols={"x":"real"}, assume=["Good(x)"], show="Good(x + 0)", extra=G(), truth="holds (same argument)"),
 dict(id="b", kind=PS, symbols={"x":"real"}, assume=["Good(2*x)"], show="Good(x + x)", extra=G(), truth="holds"),
 dict(id="c", kind=PS, symbols={}, assume=["Good(1/2)"], show="Good(0.5)", extra=G(), truth="holds"),
 dict(id="d", kind=PS, symbols={}, assume=["Good(sqrt(4))"], show="Good(2)", extra=G(), truth="holds; undecided ok; fails wrong"),
 dict(id="e", kind=PS, symbols={"n":"integer"}, assume=["Good(floor(n))"], show="Good(n)", extra=G(), truth="holds; fails wrong"),
 dict(id="f", kind=PS, symbols={"x":"real"}, assume=["Good(x**2)"], show="Good(abs(x)**2)", extra=G(), truth="holds; fails wrong"),
 dict(id="g", kind=PS, symbols={}, assume=["Good(exp(log(2)))"], show="Good(2)", extra=G(), truth="holds; fails wrong"),
 dict(id="h", kind=PS, symbols={"x":"real", "y":"real"}, assume=["Good(x)", "x == y"], show="Good(y)", extra=G(), truth="holds"),
 dict(id="i", kind=PS, symbols={"x":"real"}, assume=["Good(max(x, 0))", "x > 0"], show="Good(x)", extra=G(), truth="holds"),
 dict(id="j", kind=PS, symbols={"x":"real"}, assume=["Good(x)"], show="Good(ite(x > 0, x, x))", extra=G(), truth="holds"),
 dict(id="k", kind=PS, symbols={"x":"real"}, assume=["F(x) > 0"], show="F(x + 0) > 0", extra=G("function","F"), truth="holds"),
 dict(id="l", kind=PS, symbols={}, assume=["F(sqrt(4)) > 0"], show="F(2) > 0", extra=G("function","F"), truth="holds; fails wrong"),
 dict(id="m", kind=PS, symbols={"n":"integer"}, assume=["F(floor(n)) > 0"], show="F(n) > 0", extra=G("function","F"), truth="holds; fails wrong"),
 dict(id="n", kind=PS, symbols={}, assume=["F(exp(log(2))) > 0"], show="F(2) > 0", extra=G("function","F"), truth="holds; fails wrong"),
 dict(id="o", symbols={"x":"real"}, assume=["Good(x)"], show="x > 0", extra=G(), truth="fails (x=-1, Good(-1) true in some meaning)"),
 dict(id="p", symbols={}, assume=["Good(sqrt(4))"], show="Good(2)", extra=G(), truth="holds (theorem kind); fails wrong"),
 dict(id="q", symbols={}, assume=["F(sqrt(4)) > 0"], show="F(2) > 0", extra=G("function","F"), truth="holds; fails wrong"),
 dict(id="r", symbols={"n":"integer"}, assume=["F(floor(n)) > 0"], show="F(n) > 0", extra=G("function","F"), truth="holds"),
]
