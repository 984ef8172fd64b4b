CASES = [
 dict(id='a', truth='undefined at the pinned point (x - 3 log 2 = 0): must not fail', symbols={'x':'real'}, assume=['x == log(8)'], show='exp(1/(x - 3*log(2))) < 0'),
 dict(id='b', truth='undefined: must not hold', symbols={'x':'real'}, assume=['x == log(8)'], show='(x - 3*log(2))/(x - 3*log(2)) == 1'),
]
