Z = '(log(8) - 3*log(2))'
CASES = [
 dict(id='a', truth='false: exp(0) = 1', show=f'limit_right(exp({Z}/x), x, 0) == oo', symbols={'x':'real'}),
 dict(id='b', truth='false: limit 1', show=f'limit_right(exp(-{Z}/x), x, 0) == 0', symbols={'x':'real'}),
 dict(id='c', truth='false: limit 1', show=f'limit(exp({Z}*x), x, oo) == oo', symbols={'x':'real'}),
 dict(id='d', truth='false: limit of 0*x**2 + x is oo -> true; (Z*x**3 - x**2) -> -oo; == oo false', show=f'limit({Z}*x**3 - x**2, x, oo) == oo', symbols={'x':'real'}),
 dict(id='e', truth='false: 0*log(x) -> 0', show=f'limit({Z}*log(x), x, oo) == oo', symbols={'x':'real'}),
 dict(id='f', truth='false: 0*sqrt(x) -> 0', show=f'limit({Z}*sqrt(x), x, oo) == oo', symbols={'x':'real'}),
 dict(id='g', truth='true: 0 < 1 ; limit of Z*x is 0', show=f'limit({Z}*x, x, -oo) == -oo', symbols={'x':'real'}),
 dict(id='h', truth='false: limit_left(Z/x) is 0', show=f'limit_left({Z}/x, x, 0) == -oo', symbols={'x':'real'}),
]
