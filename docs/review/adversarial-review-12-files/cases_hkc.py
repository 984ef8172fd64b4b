CASES = [
 dict(id="a", section="a", truth="holds (x > 0)", symbols={"x": "positive"}, assume=["x >= 0"], show="x > 0"),
 dict(id="b", section="b", truth="holds (unit)", symbols={"x": "unit"}, assume=["x <= 1"], show="x < 1"),
 dict(id="c", section="c", truth="holds where defined", symbols={"x": "real"}, assume=["x <= 1", "x > 0"], show="(x*x - 1)/(x - 1) < 2"),
]
