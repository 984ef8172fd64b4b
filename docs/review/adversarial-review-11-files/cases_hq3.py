CASES = [
 dict(id='a', truth='fails for every p: y = -1, x = 2*(|p|+1) gives -x + p < 0', symbols={'x': 'real', 'y': 'real', 'p': 'real'}, free=['p'], assume=['x > 0'], show='x*y + p >= 0'),
 dict(id='b', truth='fails for every p (x unit, y real): y=-10(|p|+1)', symbols={'x': 'real', 'y': 'real', 'p': 'real'}, free=['p'], assume=['x > 1/2', 'x < 1'], show='x*y + p >= 0'),
]
