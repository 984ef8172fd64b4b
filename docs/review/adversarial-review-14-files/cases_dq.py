CASES = [
 dict(id='a', truth='derivative 2(x-q) > 0 on x > q: holds iff p <= 0', symbols={'x':'real','p':'real','q':'real'}, free=['p','q'], assume=['x > q'], show='diff(sqrt(x - q)**4, x) >= p'),
 dict(id='b', truth='derivative exists only x > q: 2(x-q) > p iff p <= 0', symbols={'x':'real','p':'real','q':'real'}, free=['p','q'], assume=['x != q'], show='diff(sqrt(x - q)**4, x) > p'),
 dict(id='c', truth='|derivative of |x|| = 1 where it exists: holds iff p <= 1', symbols={'x':'real','p':'real'}, free=['p'], show='abs(diff(sqrt(x*x), x)) >= p'),
 dict(id='d', truth='x*x/x = x, derivative 1 where defined (x != 0): holds iff p <= 1', symbols={'x':'real','p':'real'}, free=['p'], show='diff(x*x/x, x) >= p'),
 dict(id='e', truth='1/x derivative -1/x**2 on x>0 (log dom): holds iff p <= ... -1/x^2 unbounded below: fails for every p? with x > 1: -1/x^2 > -1: holds iff p <= -1', symbols={'x':'real','p':'real'}, free=['p'], assume=['x > 1'], show='diff(log(x), x) - 2/x >= p'),
 dict(id='f', truth='x > 0, domain of sqrt(q + x) needs x >= -q; x + q > 0 assumed: derivative 1: holds iff p <= 1', symbols={'x':'real','p':'real','q':'real'}, free=['p','q'], assume=['x > 0','x + q > 0'], show='diff(sqrt(q + x)**2, x) >= p'),
 dict(id='g', truth='diff(sqrt(x)**4,x)=2x on x>0, x<q: sup over (0,min(q,..)): 2x < p for all 0<x<q iff q <= 0 or p >= 2q', symbols={'x':'real','p':'real','q':'real'}, free=['p','q'], assume=['x < q'], show='diff(sqrt(x)**4, x) < p'),
 dict(id='h', truth='2x >= p*q on x>0 iff p*q <= 0', symbols={'x':'real','p':'real','q':'real'}, free=['p','q'], assume=['x != 0'], show='diff(sqrt(x)**4, x) >= p*q'),
 dict(id='i', truth='x>0 where exists; 2x > p on (0, 1): iff p <= 0; plausible p in (-1,1): holds-if p <= 0', symbols={'x':'real','p':'real'}, free=['p'], assume=['x < 1', 'x != 0'], show='diff(sqrt(x)**4, x) > p', plausible={'p': {'range': '-1 < p and p < 1', 'why': 'small'}}),
 dict(id='j', truth='derivative of x*sqrt(x)**2: = x*x (x>=0) ; 2x for x>0; with x != 0: 2x >= p iff p <= 0', symbols={'x':'real','p':'real'}, free=['p'], assume=['x != 0'], show='diff(x*sqrt(x)**2, x) >= p'),
]
