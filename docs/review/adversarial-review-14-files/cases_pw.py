Z = '(log(8) - 3*log(2))'
CASES = [
 dict(id='a', truth='0**sqrt(2) = 0: true (or undecided)', show=f'{Z}**sqrt(2) == 0'),
 dict(id='b', truth='0**sqrt(2) = 0: false', show=f'{Z}**sqrt(2) > 0'),
 dict(id='c', truth='0**0 real exponent zero irrational form: 1 or undefined; not fails', show=f'{Z}**{Z} == 1'),
 dict(id='d', truth='0**(-sqrt(2)) undefined', show=f'{Z}**(-sqrt(2)) > 0'),
 dict(id='e', truth='2**0 = 1', show=f'2**{Z} == 1'),
 dict(id='f', truth='x**Z = x**0 = 1 for x > 0: holds', symbols={'x':'positive'}, show=f'x**{Z} == 1'),
 dict(id='g', truth='false: x**0 = 1 not > 1 at x = 2', symbols={'x':'positive'}, assume=['x > 1'], show=f'x**{Z} > 1'),
 dict(id='h', truth='x**(1 + Z) = x: holds', symbols={'x':'positive'}, show=f'x**(1 + {Z}) == x'),
]
