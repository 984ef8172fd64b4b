CASES = [
 dict(id='a', truth='for all x>0: x + p > 0 iff p >= 0 (holds-if p >= 0 would be right)', symbols={'x': 'positive', 'p': 'real', 'c': 'real'}, free=['p'], assume=['c == 1'], show='x + p > 0'),
 dict(id='b', truth='same without the pin', symbols={'x': 'positive', 'p': 'real'}, free=['p'], show='x + p > 0'),
 dict(id='c', truth='assumption on p only: for all x>0 (p > -5): x + p > 0 iff p >= 0', symbols={'x': 'positive', 'p': 'real'}, free=['p'], assume=['p > -5'], show='x + p > 0'),
 dict(id='d', truth='x,y>0: x*y >= p*x for all iff p <= 0', symbols={'x': 'positive', 'y': 'positive', 'p': 'real'}, free=['p'], assume=['p < 5'], show='x*y >= p*x'),
 dict(id='e', truth='for all x real: x**2 + p >= 1 iff p >= 1', symbols={'x': 'real', 'p': 'real', 'c': 'real'}, free=['p'], assume=['c == 2'], show='x**2 + p >= c - 1'),
]
