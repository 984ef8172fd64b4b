CASES = [
 dict(id='a', truth='true: limit(1/x**2, x, 0) = oo', symbols={'x':'real'}, show='limit(1/x**2, x, 0) == oo'),
 dict(id='b', truth='false/undefined: two-sided limit of 1/x at 0 does not exist', symbols={'x':'real'}, show='limit(1/x, x, 0) == oo'),
 dict(id='c', truth='true', symbols={'x':'real'}, show='limit_right(1/x, x, 0) == oo'),
 dict(id='d', truth='false: limit_right(1/x) = oo != -oo', symbols={'x':'real'}, show='limit_right(1/x, x, 0) == -oo'),
 dict(id='e', truth='true: limit(log(x), x, oo) == oo', symbols={'x':'real'}, show='limit(log(x), x, oo) == oo'),
 dict(id='f', truth='true: limit != oo for 1/x at oo (0)', symbols={'x':'real'}, show='limit(1/x, x, oo) != oo'),
]
