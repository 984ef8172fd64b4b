CASES = [
 dict(id="a", truth="fails at x = 3/7", symbols={"x": "real"}, show="(7*x)**1000000 != 3**1000000"),
]
