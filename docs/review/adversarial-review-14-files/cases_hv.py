Z2 = '((sqrt(2) + sqrt(3))**2 - 5 - 2*sqrt(6))'
CASES = [
 dict(id='a', truth='true: heaviside(0) = 0', show=f'heaviside({Z2}) == 0'),
 dict(id='b', truth='false: heaviside(0) = 0 != 1/2', show=f'heaviside({Z2}) == 1/2'),
 dict(id='c', truth='false: 0 != x/2 at x = 1', symbols={'x':'real'}, show=f'x*heaviside({Z2}) == x/2'),
 dict(id='d', truth='true: 0 == 0', symbols={'x':'real'}, show=f'x*heaviside({Z2}) == 0'),
 dict(id='e', truth='false: sign? abs(Z2)= 0; x*abs(Z2) + x == x true', symbols={'x':'real'}, show=f'x*abs({Z2}) + x == x'),
 dict(id='f', truth='true: floor(0)=0', symbols={'x':'real'}, show=f'x + floor({Z2}) == x'),
 dict(id='g', truth='false: heaviside(0)=0 so 1 - 0 = 1 != 1/2', show=f'1 - heaviside({Z2}) == 1/2'),
 dict(id='h', truth='true: limit of heaviside(Z2)*x at oo: 0', symbols={'x':'real'}, show=f'limit(heaviside({Z2})*x, x, oo) == 0'),
 dict(id='i', truth='false: 0*x -> 0, not oo', symbols={'x':'real'}, show=f'limit(heaviside({Z2})*x, x, oo) == oo'),
 dict(id='j', truth='true: x*heaviside(Z2) = 0, derivative 0', symbols={'x':'real'}, show=f'diff(x*heaviside({Z2}), x) == 0'),
 dict(id='k', truth='false: derivative 0 != 1/2', symbols={'x':'real'}, show=f'diff(x*heaviside({Z2}), x) == 1/2'),
 dict(id='l', truth='true: heaviside(x - x) = heaviside(0) = 0', symbols={'x':'real'}, show='heaviside(x - x) == 0'),
 dict(id='m', truth='false', symbols={'x':'real'}, show='2*heaviside(x*x - x*x) == 1'),
 dict(id='n', truth='true H(0)=0: ite(...)', symbols={'x':'real'}, show=f'heaviside(x*{Z2}) == 0'),
]
