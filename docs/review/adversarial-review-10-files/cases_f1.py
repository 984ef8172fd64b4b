CASES = [
 dict(id="a", symbols={"x":"positive"}, show="x**(1/3) == x**(3333333333333333/10000000000000000)", truth="fails (x=2: exponents differ by 3.3e-17; 2**d != 1)", why="float collision"),
 dict(id="b", symbols={"x":"positive"}, show="x**(1/3) == x**0.3333333333333333", truth="fails", why="0.333.. is exact decimal"),
 dict(id="c", symbols={"x":"nonnegative"}, show="x**(1/10) == x**0.1", truth="holds (0.1 is 1/10 exactly)", why=""),
 dict(id="d", symbols={"x":"real"}, show="sqrt(x) == x**(5000000000000001/10000000000000000)", truth="fails (x=2)", why="float collision with 0.5? 0.5000000000000001 is a different double; use closer"),
 dict(id="e", symbols={"x":"real"}, show="sqrt(x) == x**(50000000000000001/100000000000000000)", truth="fails (x=2)", why="rounds to 0.5 double"),
 dict(id="f", symbols={"x":"positive"}, show="x**(1/2) - x**(50000000000000001/100000000000000000) == 0", truth="fails", why=""),
 dict(id="g", symbols={"x":"positive"}, show="x**(1/3) * x**(2/3) == x", truth="holds", why=""),
 dict(id="h", symbols={"x":"positive"}, show="x**(1/3) * x**(66666666666666667/100000000000000000) == x", truth="fails", why=""),
]
