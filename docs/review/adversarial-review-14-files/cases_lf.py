Z = '(log(8) - 3*log(2))'
CASES = [
 dict(id='a', truth='false: exp(0) = 1, limit 1', show=f'limit(exp(-{Z}*x), x, oo) == 0', symbols={'x':'real'}),
 dict(id='b', truth='true: limit 1', show=f'limit(exp(-{Z}*x), x, oo) == 1', symbols={'x':'real'}),
 dict(id='c', truth='false: x**0 = 1', show=f'limit(x**(-{Z}), x, oo) == 0', symbols={'x':'real'}),
 dict(id='d', truth='false: x**0 = 1 near 0+', show=f'limit_right(x**{Z}, x, 0) == 0', symbols={'x':'real'}),
 dict(id='e', truth='false: limit 1; pinned a', show='limit(exp(-a*x), x, oo) == 0', symbols={'x':'real','a':'real'}, assume=[f'a == {Z}']),
 dict(id='f', truth='false: (Z*x + 1)/(x + 1) -> 0 hmm: truth 0; statement == 0 true', show=f'limit(({Z}*x + 1)/(x + 1), x, oo) == 0', symbols={'x':'real'}),
 dict(id='g', truth='false: limit is 0 (exp(0*x)*... ) exp(Z*x)/x -> 0; statement > 1 false', show=f'limit(exp({Z}*x)/x, x, oo) == oo', symbols={'x':'real'}),
 dict(id='h', truth='true: limit 1 ; y-free', show=f'limit(exp(-{Z}*x), x, oo) > 1/2', symbols={'x':'real'}),
]
