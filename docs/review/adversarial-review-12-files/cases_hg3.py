CASES = [
 dict(id="a", truth="fails at x = 3/7", symbols={"x": "real"}, show="(7*x)**1000 != 3**1000"),
 dict(id="b", truth="fails at x = 3/7", symbols={"x": "real"}, show="(7*x)**20 != 3**20"),
 dict(id="c", truth="fails at x = 3/7 (x positive)", symbols={"x": "positive"}, show="(7*x)**x != (3)**(3/7)"),
 dict(id="d", truth="fails at n = 12 (integer root of n**3 - 1728)", symbols={"n": "integer"}, assume=["n > 5"], show="n**3 != 1728"),
 dict(id="e", truth="fails at x = 1/3: floor(3*x) jumps; 3*x - 1 == 0 ... claim: x - floor(3*x)/3 != 0 false at x = 0, 1/3,...: x = 0 easy", symbols={"x": "real"}, assume=["x > 1/10", "x < 1/2"], show="3*x != floor(3*x)"),
]
