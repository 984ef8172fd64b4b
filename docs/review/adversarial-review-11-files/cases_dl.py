RY = {'x': 'real', 'y': 'real'}
CASES = [
 dict(id='a', truth='holds', symbols=RY, show='diff(limit(x*y/(x + y), y, oo), x) == 1'),
 dict(id='b', truth='g(x)=lim y/(x+y) = 0 (x!=0), 1 (x=0): derivative 0 for x != 0, none at 0; holds under x != 0', symbols=RY, assume=['x != 0'], show='diff(limit(y/(x + y), y, 0), x) == 0'),
 dict(id='c', truth='at x = 0 no derivative: must not be holds unconditionally? (holds-where-defined arguable); fails wrong', symbols=RY, show='diff(limit(y/(x + y), y, 0), x) == 0'),
 dict(id='d', truth='x = 0: g jumps: derivative does not exist; claim at x == 0 must be undecided', symbols=RY, assume=['x == 0'], show='diff(limit(y/(x + y), y, 0), x) == 0'),
 dict(id='e', truth='limit of a derivative: lim_{y->0} d/dx (x**2*y + x) = 1 holds', symbols=RY, show='limit(diff(x**2*y + x, x), y, 0) == 1'),
 dict(id='f', truth='lim_{x->0} d/dy [x/(x+y)] : d/dy = -x/(x+y)**2 -> 0 for y != 0; claim == 0 holds for y != 0; at y = 0: -x/x**2 = -1/x DNE', symbols=RY, assume=['y != 0'], show='limit(diff(x/(x + y), y), x, 0) == 0'),
 dict(id='g', truth='same without y != 0: at y = 0 limit DNE; undecided', symbols=RY, show='limit(diff(x/(x + y), y), x, 0) == 0'),
]
