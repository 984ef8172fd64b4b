CASES = [
 dict(id="a", symbols={"t":"positive"}, show="diff(t**2, t) == 2*t", extra=["tolerances = { t = 'approx' }"], truth="holds"),
 dict(id="b", symbols={"a":"real"}, show="limit(a, a, 0) == 0", extra=['references = { a = "kaplan2020.alpha_n" }'], truth="holds"),
 dict(id="c", symbols={"x":"real"}, show="x*x >= 0", truth="holds (innocent claim in the same file)"),
]
