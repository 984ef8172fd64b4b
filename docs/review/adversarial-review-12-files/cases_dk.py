R = {"x": "real"}
CASES = [
 dict(id="a", truth="undecided or holds (diff(abs(x)) is never 0 where it exists: the assumption holds nowhere; holds vacuously); must not fail at x = 0", symbols=R, assume=["diff(abs(x), x) == 0"], show="x != 0"),
 dict(id="b", truth="holds vacuously (derivative of max(x,0) is 0 only for x<0; at 0 it does not exist) -> x < 0; show x < 0 holds", symbols=R, assume=["diff(max(x, 0), x) == 0"], show="x < 0"),
 dict(id="c", truth="holds: derivative of max(x,0) equals 1/2 nowhere; must not fail at x=0 (SymPy Heaviside(0)=1/2)", symbols=R, assume=["diff(max(x, 0), x) == 1/2"], show="x == 7"),
 dict(id="d", truth="holds (diff(floor(x)) is 0 wherever it exists; floor jumps excluded): diff(floor(x),x) != 0 holds nowhere", symbols=R, assume=["diff(floor(x), x) != 0"], show="x == 7"),
 dict(id="e", truth="holds vacuously or undecided; x - floor(x) has derivative 1 where exists", symbols=R, assume=["diff(x - floor(x), x) < 1"], show="x == 7"),
 dict(id="f", truth="diff(heaviside(x),x)==0 for x!=0; at x=0 no derivative; x==0 never satisfies. show x != 0: holds", symbols=R, assume=["diff(heaviside(x), x) == 0"], show="x != 0"),
 dict(id="g", truth="holds: limit_right(floor(x), x, 1) = 1; hyp limit(floor(x), x, 1) == 1 false (no two-sided) ; show false -> vacuous holds/undecided", symbols=R, assume=["limit(floor(x), x, 1) == 1"], show="x == 7"),
 dict(id="h", truth="diff(sqrt(x),x) at x=0 doesn't exist; assume x >= 0 and diff(sqrt(x),x) > 0 => x > 0: holds", symbols=R, assume=["x >= 0", "diff(sqrt(x), x) > 0"], show="x > 0"),
 dict(id="i", truth="derivative of x**(1/3)... (x >= 0 by convention) assume diff(x**(3/2), x) == 0 and x>=0 => x>0? diff at 0 is one-sided only: no two-sided derivative; so hyp false at 0; holds (vacuous: 3/2 sqrt(x)=0 only at 0)", symbols=R, assume=["x >= 0", "diff(x**(3/2), x) == 0"], show="x > 0"),
 dict(id="j", truth="ite switch: derivative of ite(x < 0, -x, x) (=abs) ==0 nowhere: holds; no fail at 0", symbols=R, assume=["diff(ite(x < 0, -x, x), x) == 0"], show="x == 7"),
 dict(id="k", truth="derivative of min(x, 1) at 1 doesn't exist; == 1/2 nowhere -> holds", symbols=R, assume=["diff(min(x, 1), x) == 1/2"], show="x == 7"),
]
