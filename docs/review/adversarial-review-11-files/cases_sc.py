CASES = [
 dict(id='a', truth='true iff p == 0', symbols={'x': 'real', 'p': 'real'}, free=['p'], show='x**2 >= p*x'),
 dict(id='b', truth='true iff 0 <= p < 4', symbols={'x': 'real', 'p': 'real'}, free=['p'], show='p*x**2 + p*x + 1 > 0'),
 dict(id='c', truth='x positive: p*x**2 + p*x + 1 > 0 for all x>0 iff p >= 0', symbols={'x': 'positive', 'p': 'real'}, free=['p'], show='p*x**2 + p*x + 1 > 0'),
 dict(id='d', truth='x positive: x**2 >= p*x for all x > 0 iff p <= 0', symbols={'x': 'positive', 'p': 'real'}, free=['p'], show='x**2 >= p*x'),
 dict(id='e', truth='x positive: x**2 + p*x*y... for all x>0,y>0: x*y >= p*x - ... iff p<=0: (x*y - p*x >= 0 for all x,y>0 <=> y >= p for all y>0 <=> p <= 0)', symbols={'x': 'positive', 'y': 'positive', 'p': 'real'}, free=['p'], show='x*y >= p*x'),
 dict(id='f', truth='for all x in (0,1): p*x**2 - x + 1 > 0 ... ', symbols={'x': 'unit', 'p': 'real'}, free=['p'], show='p*x**2 >= x - 1'),
]
