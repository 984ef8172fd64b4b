CASES = [
 dict(id='a', truth='holds iff p >= 2', symbols={'x': 'real', 'p': 'real', 'c': 'real'}, free=['p'], assume=['c == 2', 'x > 1'], show='c/x < p'),
 dict(id='b', truth='for all x > 1 and y real: y**2 + 1/x < p iff never (y unbounded): fails for every p', symbols={'x': 'real', 'y': 'real', 'p': 'real'}, free=['p'], assume=['x > 1'], show='y*y + 1/x < p'),
 dict(id='c', truth='for all x>1, y in (0,1): y + 1/x < p iff p >= 2', symbols={'x': 'real', 'y': 'unit', 'p': 'real'}, free=['p'], assume=['x > 1'], show='y + 1/x < p'),
]
