CASES = [
 dict(id="a", symbols={"t":"negative"}, show="t < 0", extra=["tolerances = { t = 'approx' }"], truth="default 1/10 outside declared domain negative: error or vacuous; fails with t = 1/10 violates the domain"),
 dict(id="b", symbols={"t":"integer"}, show="floor(t) == t", extra=["tolerances = { t = 'approx' }"], truth="same, integer domain"),
]
