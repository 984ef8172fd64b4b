CASES = [
 dict(id='a', truth='fails for every p (x real unbounded below): x + p > 0 never holds for all x', symbols={'x': 'real', 'p': 'real', 'c': 'real'}, free=['p'], assume=['c == 1'], show='x + p > 0'),
 dict(id='b', truth='control, no pin: fails for every p', symbols={'x': 'real', 'p': 'real'}, free=['p'], show='x + p > 0'),
 dict(id='c', truth='fails for every p: for all x real x*p <= 1 ... only p=0 holds! (x*p <= 1 for all x iff p == 0). so holds-if p == 0 correct', symbols={'x': 'real', 'p': 'real', 'c': 'real'}, free=['p'], assume=['c == 1'], show='x*p <= c'),
 dict(id='d', truth='fails for every p in (0,1) unit: for all x real, x*p <= 1 false for p>0', symbols={'x': 'real', 'p': 'unit', 'c': 'real'}, free=['p'], assume=['c == 1'], show='x*p <= c'),
 dict(id='e', truth='control of d without pin: fails for every p', symbols={'x': 'real', 'p': 'unit'}, free=['p'], show='x*p <= 1'),
]
