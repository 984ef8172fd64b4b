CASES = [
 dict(id='a', truth='derivative exists for x > 0 only: 2x + x^2 > 0 there, inf 0 not attained: holds iff p <= 0 (p = -1/2 holds)', symbols={'x':'real','p':'real'}, free=['p'], show='diff(sqrt(x)**4, x) + x*x >= p'),
 dict(id='b', truth='same, bound route: 0 < ... x < 1 hyp? region x in (-2, 1) but derivative only on (0,1): 2x on (0,1): sup 2 not attained: x<1 => 2x < p iff p >= 2; lowered: same; inf side: 2x > p on (-2,1) lowered: p <= -4; truth: p <= 0', symbols={'x':'real','p':'real'}, free=['p'], assume=['-2 < x','x < 1'], show='diff(sqrt(x)**4, x) > p'),
 dict(id='c', truth='log derivative: diff(log(x**2)/2 ... ) hmm: diff(log(sqrt(x)**2), x) = 1/x for x>0 only; claim x*x*diff(...) >= p : x >= p for x>0: p <= 0', symbols={'x':'real','p':'real'}, free=['p'], show='x*x*diff(log(sqrt(x)**2), x) >= p'),
]
