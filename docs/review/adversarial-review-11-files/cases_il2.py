RYA = {'x': 'real', 'y': 'real', 'a': 'real'}
CASES = [
 dict(id='a', truth='fails at a=0 (value 1)', symbols=RYA, show='limit(limit(y/(a*x + y), y, 0), x, 1) == 0'),
 dict(id='b', truth='fails at a=0 (inner: y/(a*(x-1)+y)... at a=0 value 1)', symbols=RYA, show='limit(limit(y/(a*(x - 1) + y), y, 0), x, 2) == 0'),
 dict(id='c', truth='fails at a=1: inner y/((x-a)+y) -> 0 for x != a; outer x->1: if a=1, x near 1 but !=1 -> 0. Hmm value 0 for all a. holds', symbols=RYA, show='limit(limit(y/((x - a) + y), y, 0), x, 1) == 0'),
 dict(id='d', truth='fails at a=0: inner limit heaviside(a*x + y), y->0 = heaviside(a*x) for a*x != 0; a = 0: heaviside(y) DNE. outer x->1: generic heaviside(a). claim == heaviside(a): at a=0 inner DNE -> claim undefined. holds where defined', symbols=RYA, show='limit(limit(heaviside(a*x + y), y, 0), x, 1) == heaviside(a)'),
 dict(id='e', truth='holds: a > 0 => value 1', symbols=RYA, assume=['a > 0'], show='limit(limit(heaviside(a*x + y), y, 0), x, 1) == 1'),
 dict(id='f', truth='fails at a=0: inner y**2/(a*x**2 + y**2) -> 0 if a*x!=0; a=0 ->1; claim 0 false at a=0', symbols=RYA, show='limit(limit(y**2/(a*x**2 + y**2), y, 0), x, 1) == 0'),
 dict(id='g', truth='fails at a=0 (value 1 vs 0)', symbols=RYA, show='limit(limit(y**2/(a*x**2 + y**2), y, 0), x, 0) == 0'),
 dict(id='h', truth='fails at a=0', symbols=RYA, show='limit(limit(y/(a + y), y, 0), x, 0) == 0'),
 dict(id='i', truth='holds: a != 0', symbols=RYA, assume=['a != 0'], show='limit(limit(y/(a*x + y), y, 0), x, 1) == 0'),
 dict(id='j', truth='fails at a=0: inner y/((a*x)**2 + y) -> 0 if a*x != 0; at a = 0: 1', symbols=RYA, show='limit(limit(y/((a*x)**2 + y), y, 0), x, 1) == 0'),
 dict(id='k', truth='fails at x0 = 0? limit over y of y/(x*(x-a) + y) -> 0 for x not in {0,a}; outer x -> a: generic 0 (x != a near). value 0 holds', symbols=RYA, show='limit(limit(y/(x*(x - a) + y), y, 0), x, a) == 0'),
]
