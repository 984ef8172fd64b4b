P2 = {'x': 'positive', 'y': 'positive', 'p': 'real', 'q': 'positive'}
CASES = [
 dict(section='s5', id='s5a', truth='q=0.076: iff p <= q', symbols=P2, free=['p'], references={'q': 'kaplan2020.alpha_n'}, show='x*y >= p*x - q*x'),
 dict(section='s5', id='s5b', truth='iff p >= 1/20', symbols={'x': 'positive', 'y': 'positive', 'p': 'real'}, free=['p'], show='x*y + p*x >= x/20'),
 # consistent p in [1/20, 0.076]
 dict(section='s6', id='s6a', truth='where defined (x != 0): p <= 1', symbols={'x': 'real', 'y': 'positive', 'p': 'real'}, free=['p'], show='p*x/x <= 1 + y'),
 dict(section='s6', id='s6b', truth='iff p >= 1/2', symbols={'x': 'positive', 'y': 'positive', 'p': 'real'}, free=['p'], show='x*y + p*x >= x/2'),
 dict(section='s7', id='s7a', truth='tolerance t default 1/10: iff p <= t', symbols={'x': 'positive', 'y': 'positive', 'p': 'real', 't': 'positive'}, free=['p'], tolerances={'t': 'approx'}, show='x*y >= p*x - t*x'),
 dict(section='s7', id='s7b', truth='iff p >= 1/20', symbols={'x': 'positive', 'y': 'positive', 'p': 'real'}, free=['p'], show='x*y + p*x >= x/20'),
 dict(section='s8', id='s8a', truth='pin c == 1/10: iff p <= c', symbols={'x': 'positive', 'y': 'positive', 'p': 'real', 'c': 'real'}, free=['p'], assume=['c == 1/10'], show='x*y >= p*x - c*x'),
 dict(section='s8', id='s8b', truth='iff p >= 1/20', symbols={'x': 'positive', 'y': 'positive', 'p': 'real'}, free=['p'], show='x*y + p*x >= x/20'),
]
