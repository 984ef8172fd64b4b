CASES = [
 dict(id='a', truth='vacuous for every p (y = 0): no condition is right; undecided', symbols={'x':'real','y':'real','p':'real'}, free=['p'], assume=['x == log(8)', 'y == x - 3*log(2)'], show='y/y >= p'),
 dict(id='b', truth='vacuous: undecided', symbols={'y':'real','t':'real'}, assume=['log(8) - 3*log(2) <= y', 'y <= log(8) - 3*log(2)'], show='log(y) + t*t >= log(y)'),
]
