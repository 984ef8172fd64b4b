CASES = [
 dict(id='a', truth='true', symbols={'x':'real'}, show='-oo < limit(x, x, oo)'),
 dict(id='b', truth='true: oo >= oo', symbols={'x':'real'}, show='limit(1/x**2, x, 0) >= oo'),
 dict(id='c', truth='true', symbols={'x':'real'}, show='limit(x, x, oo) == oo == limit(x**2, x, oo)'),
 dict(id='d', truth='true: iff(true, true)', symbols={'x':'real','y':'real'}, show='iff(limit(x, x, oo) == oo, y*y >= 0)'),
 dict(id='e', truth='false: -oo == oo', symbols={'x':'real'}, show='limit(-x, x, oo) == oo'),
 dict(id='f', truth='true: p free; limit(x*p...) p*oo; with p > 0 assumption', symbols={'x':'real','p':'real'}, assume=['p > 0'], show='limit(p*x, x, oo) > 0'),
 dict(id='g', truth='true: oo > -oo', symbols={'x':'real'}, show='limit(x, x, oo) > limit(-x, x, oo)'),
 dict(id='h', truth='true: not (oo < 5)', symbols={'x':'real'}, show='not (limit(x, x, oo) < 5)'),
]
