CASES = [
 dict(id='a', truth='derivative of |x| does not exist at 0: not a crossing at 0 (undecided or fails)', symbols={'x':'real'}, property='crossing', of='diff(abs(x), x)', variable='x', level='0', solution='0'),
 dict(id='b', truth='one-sided only at 0: undecided', symbols={'x':'real'}, property='crossing', of='diff(sqrt(x)**3, x)', variable='x', level='0', solution='0'),
 dict(id='c', truth='x positive, 0 not in domain: fails or undecided', symbols={'x':'positive'}, property='crossing', of='diff(x**2, x)', variable='x', level='0', solution='0'),
 dict(id='d', truth='derivative of sqrt(x)**4 at 1: 2: holds', symbols={'x':'real'}, property='crossing', of='diff(sqrt(x)**4, x)', variable='x', level='2', solution='1'),
 dict(id='e', truth='diff(sqrt(x)**4) at -1: undefined (sqrt(-1)): not holds', symbols={'x':'real'}, property='crossing', of='diff(sqrt(x)**4, x)', variable='x', level='-2', solution='-1'),
 dict(id='f', truth='x*x/x at 0: undefined: not holds', symbols={'x':'real'}, property='crossing', of='diff(x*x/x, x)', variable='x', level='1', solution='0'),
 dict(id='g', truth='diff(log(8)-3log2 ...)', symbols={'x':'real'}, property='crossing', of='diff(x/(log(8) - 3*log(2)), x)', variable='x', level='1', solution='1'),
]
