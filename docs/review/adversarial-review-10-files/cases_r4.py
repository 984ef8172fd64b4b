REF = 'references = { a = "kaplan2020.alpha_n" }'
CASES = [
 dict(id="a", symbols={"a":"real"}, show="diff(a**2, a) == 2*a", extra=[REF], truth="holds (derivative then value) or error; fails wrong"),
 dict(id="b", symbols={"a":"real"}, show="limit(a**2, a, 1) == 1", extra=[REF], truth="holds (bound a) or error"),
 dict(id="c", symbols={"a":"real", "x":"real"}, show="x**2 >= a", free=["a"], extra=[REF], truth="error or holds-if; with a=0.076 fails (x=0)"),
 dict(id="d", symbols={"a":"real"}, show="diff(a**3, a) == 3*0.076**2", extra=[REF], truth="holds if a substituted after diff"),
 dict(id="e", symbols={"t":"positive", "x":"real"}, show="diff(t*x**2, x) == 2*x/10", extra=["tolerances = { t = 'approx' }"], truth="holds at t=1/10"),
 dict(id="f", symbols={"t":"positive"}, show="limit(t**2, t, 0) == 0", extra=["tolerances = { t = 'approx' }"], truth="holds (bound t), flip: none"),
]
