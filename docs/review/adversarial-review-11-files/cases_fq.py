CASES = [
 dict(id='a', truth='holds iff p >= 0', symbols={'x': 'real', 'p': 'real'}, free=['p'], show='floor(x) + p >= x - 1'),
 dict(id='b', truth='holds iff p > -1 ... floor(x)+p > x - 2  <=> p > x - floor(x) - 2 ; sup of x-floor(x)-2 is -1 (not attained) => p >= -1', symbols={'x': 'real', 'p': 'real'}, free=['p'], show='floor(x) + p > x - 2'),
 dict(id='c', truth='same as a with unrelated pin c == 1: should be p >= 0', symbols={'x': 'real', 'p': 'real', 'c': 'real'}, free=['p'], assume=['c == 1'], show='floor(x) + p >= x - c'),
]
