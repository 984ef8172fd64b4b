CASES = [
 dict(id='a', truth='derivative exists for x > 0: 2x > p for all x > 0 iff p <= 0 (lowered over x > -1: p <= -2)', symbols={'x':'real','p':'real'}, free=['p'], assume=['x > -1'], show='diff(sqrt(x)**4, x) > p'),
 dict(id='b', truth='x > -1: 2x + 1 > p where derivative exists (x > 0): p <= 1', symbols={'x':'real','p':'real'}, free=['p'], assume=['x > -1'], show='diff(sqrt(x)**4, x) + 1 > p'),
 dict(id='c', truth='critical: 3x^2 - 6x... diff(sqrt(x)**6, x) = 3x^2 for x>0; 3x^2 - 6x >= p: for x > 0 min at x=1: -3 attained: p <= -3; lowered over reals same min -3 at x=1: right (control)', symbols={'x':'real','p':'real'}, free=['p'], show='diff(sqrt(x)**6, x) - 6*x >= p'),
 dict(id='d', truth='diff(sqrt(x)**4, x) + x*x*x >= p: for x>0: 2x + x^3 > 0 inf 0: p <= 0; lowered over reals: -> -oo: fails for every p (wrong)', symbols={'x':'real','p':'real'}, free=['p'], show='diff(sqrt(x)**4, x) + x*x*x >= p'),
]
