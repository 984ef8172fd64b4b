CASES = [
 dict(id="a", truth="fails? x**1000000 == 3 at x = 3**(1e-6) irrational: no rational witness -> undecided; must finish in budget", symbols={"x": "real"}, show="x**1000000 != 3"),
]
