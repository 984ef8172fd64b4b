Z1 = '(log(8) - 3*log(2))'
CASES = [
 dict(id='a', truth='true: limit 0 != oo', show=f'limit({Z1}*x, x, oo) != oo', symbols={'x':'real'}),
 dict(id='b', truth='true: limit 0 < oo', show=f'limit({Z1}*x, x, oo) < oo', symbols={'x':'real'}),
 dict(id='c', truth='false: limit is 0', show=f'limit({Z1}*x**2/(x + 1), x, oo) == oo', symbols={'x':'real'}),
 dict(id='d', truth='true: limit is 1 (0*x + x... ) ; (Z1*x**2 + x)/(x+1) -> 1', show=f'limit(({Z1}*x**2 + x)/(x + 1), x, oo) == 1', symbols={'x':'real'}),
 dict(id='e', truth='false: limit 0', show=f'limit({Z1}*exp(x), x, oo) == oo', symbols={'x':'real'}),
 dict(id='f', truth='false: limit 0 (pin)', show='limit(a*x, x, oo) == oo', symbols={'x':'real','a':'real'}, assume=[f'a == {Z1}']),
 dict(id='g', truth='true: limit 0 (pin)', show='limit(a*x, x, oo) != oo', symbols={'x':'real','a':'real'}, assume=[f'a == {Z1}']),
 dict(id='h', truth='false: right limit of 0/x is 0', show=f'limit_right({Z1}/x, x, 0) == oo', symbols={'x':'real'}),
 dict(id='i', truth='false: limit is -oo? (Z1 - 1)*x -> -oo; statement == oo false', show=f'limit(({Z1} - 1)*x, x, oo) == -oo', symbols={'x':'real'}),
 dict(id='j', truth='true: limit of x + Z1*x**3 is oo (x) ; ok either', show=f'limit(x + {Z1}*x**3, x, oo) == oo', symbols={'x':'real'}),
 dict(id='k', truth='false: limit of -x + Z1*x**3 is -oo', show=f'limit(-x + {Z1}*x**3, x, oo) == oo', symbols={'x':'real'}),
 dict(id='l', truth='false: limit is 0; free p: 0 > p iff p < 0; claim limit(..)>p', show=f'limit({Z1}*x, x, oo) > -1', symbols={'x':'real'}),
]
