CASES = [
 dict(id='a', truth='derivative exists only for x > 0 (sqrt(x) defined for x >= 0, edge at 0): 2x >= p for all x > 0 iff p <= 0; must not fail for every p', symbols={'x':'real','p':'real'}, free=['p'], show='diff(sqrt(x)**4, x) >= p'),
 dict(id='b', truth='where log(x) defined (x>0): 1/x > p iff p <= 0', symbols={'x':'real','p':'real'}, free=['p'], show='diff(log(x), x) > p'),
 dict(id='c', truth='x > -1: diff(sqrt(x+1)**2, x) = 1 for x > -1: 1 >= p iff p <= 1', symbols={'x':'real','p':'real'}, free=['p'], show='diff(sqrt(x + 1)**2, x)*x*x >= p*x*x'),
]
