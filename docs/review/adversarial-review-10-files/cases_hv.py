R = {"x":"real"}
CASES = [
 dict(id="a", symbols={}, show="heaviside(sqrt(2)*sqrt(3) - sqrt(6)) == 1/2", truth="fails (heaviside(0)=0)"),
 dict(id="b", symbols={}, show="heaviside(0) == 0", truth="holds"),
 dict(id="c", symbols=R, assume=["x == 0"], show="heaviside(x) == 0", truth="holds"),
 dict(id="d", symbols=R, show="heaviside(x) + heaviside(-x) == 1 - ite(x == 0, 1, 0)", truth="holds"),
 dict(id="e", symbols=R, show="heaviside(x)*heaviside(-x) == 0", truth="holds"),
 dict(id="f", symbols=R, show="heaviside(x)**2 == heaviside(x)", truth="holds"),
 dict(id="g", symbols=R, show="heaviside(x*x) == ite(x == 0, 0, 1)", truth="holds"),
 dict(id="h", symbols=R, show="x*heaviside(x) == max(x, 0)", truth="holds"),
 dict(id="i", symbols=R, show="heaviside(x) == (1 + x/abs(x))/2", truth="undefined at 0; holds where defined"),
 dict(id="j", symbols={}, show="limit(heaviside(x - 1)*x, x, 1) == 1", truth="not holds (left 0, right 1)", **{}) if False else dict(id="j", symbols=R, show="limit_right(heaviside(x - 1)*x, x, 1) == 1", truth="holds"),
 dict(id="k", symbols={}, show="heaviside(exp(pi*sqrt(163)) - 262537412640768744) == 0", truth="holds (negative argument)"),
 dict(id="l", symbols={}, show="floor(exp(pi*sqrt(163))) == 262537412640768744", truth="fails (floor is ...743)"),
 dict(id="m", symbols={}, show="abs(exp(pi*sqrt(163)) - 262537412640768744) < 10**-12", truth="holds (7.5e-13)"),
 dict(id="n", symbols={}, show="min(exp(pi*sqrt(163)), 262537412640768744) == 262537412640768744", truth="fails"),
]
