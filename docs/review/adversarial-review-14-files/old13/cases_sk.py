CASES = [
 dict(id='a', truth='derivative of |x| exists only for x != 0, where it is +-1: holds iff p <= 1 (undecided acceptable)', symbols={'x':'real','p':'real'}, free=['p'], show='abs(diff(abs(x), x)) >= p'),
 dict(id='b', truth='holds iff p >= 1/2', symbols={'y':'real','p':'real'}, free=['p'], show='p >= 1/2 - y*y'),
]
