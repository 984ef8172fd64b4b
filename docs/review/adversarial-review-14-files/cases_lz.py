Z = '(log(8) - 3*log(2))'
CASES = [
 dict(id='a', truth='false: x/x -> 1', show=f'limit(x/(x + {Z}), x, 0) == 0', symbols={'x':'real'}),
 dict(id='b', truth='true: limit 1', show=f'limit(x/(x + {Z}), x, 0) == 1', symbols={'x':'real'}),
 dict(id='c', truth='false: pinned a = 0, limit 1', show='limit(x/(x + a), x, 0) == 0', symbols={'x':'real','a':'real'}, assume=[f'a == {Z}']),
 dict(id='d', truth='false: (Z*x + x**2)/x**2 -> 1 at oo? at 0: (0 + x^2)/x^2 = 1', show=f'limit(({Z}*x + x**2)/x**2, x, 0) == 1', symbols={'x':'real'}),
 dict(id='e', truth='false: x**2/(Z*x + x**2) = 1 -> 1; statement == 0 false', show=f'limit(x**2/({Z}*x + x**2), x, 0) == 0', symbols={'x':'real'}),
 dict(id='f', truth='false: (x + Z)/x = 1 -> 1 at 0; statement == oo false', show=f'limit_right((x + {Z})/x, x, 0) == oo', symbols={'x':'real'}),
 dict(id='g', truth='false: sqrt(x + Z)=sqrt(x) ; limit_right(sqrt(x+Z)/x) -> oo true; statement < 5 false', show=f'limit_right(x/sqrt(x*x + {Z}), x, 0) == 0', symbols={'x':'real'}),
]
