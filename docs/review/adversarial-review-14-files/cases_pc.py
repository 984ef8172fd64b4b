CASES = [
 dict(id='a', truth='y = 0 under the assumptions: y/y undefined everywhere: undecided (vacuous)', symbols={'x':'real','y':'real'}, assume=['x == log(8)', 'y == x - 3*log(2)'], show='y/y == 1'),
 dict(id='b', truth='same, order swapped', symbols={'x':'real','y':'real'}, assume=['y == x - 3*log(2)', 'x == log(8)'], show='y/y == 1'),
 dict(id='c', truth='y = 0: log(y) undefined: undecided', symbols={'x':'real','y':'real'}, assume=['x == log(8)', 'y == x - 3*log(2)'], show='log(y) < y'),
 dict(id='d', truth='y = 0 forced by x*y... y == 3*log(2) - log(8) + 0*x', symbols={'y':'real'}, assume=['y*y == (log(8) - 3*log(2))**2'], show='abs(1/y) >= 0'),
 dict(id='e', truth='y in [Z, Z] = {0}: undefined', symbols={'y':'real'}, assume=['y >= log(8) - 3*log(2)', 'y <= log(8) - 3*log(2)'], show='y/y == 1'),
]
