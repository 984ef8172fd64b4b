CASES = [
 dict(id='a', truth='g = sign(x-1/2) on (0,1)\\{1/2}: holds iff p > 1 (at 1/2 undefined -> undecided acceptable)', symbols={'x':'real','p':'real'}, assume=['0 < x','x < 1'], free=['p'], show='diff(abs(x - 1/2), x) < p'),
 dict(id='b', truth='g = 2x for x>1/2 region... diff(max(x**2, 1/4), x) on (0,1): 0 on (0,1/2), 2x on (1/2,1): sup 2 not attained: p >= 2', symbols={'x':'real','p':'real'}, assume=['0 < x','x < 1'], free=['p'], show='diff(max(x**2, 1/4), x) < p'),
 dict(id='c', truth='floor(x) on (0, 5/2): values 0,1,2 -> floor(x) < p iff p > 2', symbols={'x':'real','p':'real'}, assume=['0 < x','x < 5/2'], free=['p'], show='floor(x) < p'),
 dict(id='d', truth='heaviside(x - 1) on (0,2): sup 1 attained -> p > 1', symbols={'x':'real','p':'real'}, assume=['0 < x','x < 2'], free=['p'], show='heaviside(x - 1) < p'),
 dict(id='e', truth='x + floor(x) on (0, 3/2): sup lim 3/2+1 = 5/2 not attained: p >= 5/2', symbols={'x':'real','p':'real'}, assume=['0 < x','x < 3/2'], free=['p'], show='x + floor(x) < p'),
 dict(id='f', truth='abs(x) on (-2, 1): sup 2 not attained: p >= 2', symbols={'x':'real','p':'real'}, assume=['-2 < x','x < 1'], free=['p'], show='abs(x) < p'),
 dict(id='g', truth='min(x, 1 - x) on (0,1): sup 1/2 attained at x=1/2: p > 1/2', symbols={'x':'real','p':'real'}, assume=['0 < x','x < 1'], free=['p'], show='min(x, 1 - x) < p'),
 dict(id='h', truth='ite(x < 1/2, x, 2*x) on (0,1): sup 2 not attained: p >= 2', symbols={'x':'real','p':'real'}, assume=['0 < x','x < 1'], free=['p'], show='ite(x < 1/2, x, 2*x) < p'),
 dict(id='i', truth='x*heaviside(x) on (-1,1): sup 1 not attained: p >= 1', symbols={'x':'real','p':'real'}, assume=['-1 < x','x < 1'], free=['p'], show='x*heaviside(x) < p'),
 dict(id='j', truth='sqrt(x**2) on (-3,1): sup 3 not attained: p >= 3', symbols={'x':'real','p':'real'}, assume=['-3 < x','x < 1'], free=['p'], show='sqrt(x**2) < p'),
 dict(id='k', truth='diff(x*abs(x), x) = 2|x| on (-1,2): sup 4 not attained: p >= 4', symbols={'x':'real','p':'real'}, assume=['-1 < x','x < 2'], free=['p'], show='diff(x*abs(x), x) < p'),
 dict(id='l', truth='limit(floor(x + t), t, 0) (t->0 two-sided) : undefined at integer x; on (0, 1/2): floor(x) = 0: 0 < p iff p > 0', symbols={'x':'real','p':'real','t':'real'}, assume=['0 < x','x < 1/2'], free=['p'], show='limit(floor(x + t), t, 0) < p'),
]
