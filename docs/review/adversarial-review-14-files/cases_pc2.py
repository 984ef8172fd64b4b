CASES = [
 dict(id='a', truth='rational control: y = 0: undecided (vacuous)', symbols={'x':'real','y':'real'}, assume=['x == 8', 'y == x - 8'], show='y/y == 1'),
 dict(id='b', truth='undefined everywhere: undecided', symbols={'x':'real','y':'real'}, assume=['x == log(8)', 'y == x - 3*log(2)'], show='y/y != 1'),
 dict(id='c', truth='sqrt form: y = 0: undecided', symbols={'y':'real'}, assume=['y == (sqrt(2) + sqrt(3))**2 - 5 - 2*sqrt(6)'], show='y/y == 1'),
 dict(id='d', truth='sqrt form chain: undecided', symbols={'x':'real','y':'real'}, assume=['x == (sqrt(2) + sqrt(3))**2', 'y == x - 5 - 2*sqrt(6)'], show='y/y == 1'),
]
