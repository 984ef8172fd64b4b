CASES = [
 dict(id='a', truth='holds: d/dx x|x| = 2|x| exists everywhere and is continuous', symbols={'x':'real'}, property='continuous', of='diff(x*abs(x), x)', variable='x'),
 dict(id='b', truth='fails: derivative of |x| undefined at 0', symbols={'x':'real'}, property='continuous', of='diff(abs(x), x)', variable='x'),
 dict(id='c', truth='holds: 2x increasing on positive', symbols={'x':'positive'}, property='increasing', of='diff(x*abs(x), x)', variable='x'),
 dict(id='d', truth='fails (x=-1 vs 0: 2 > 0) nondecreasing 2|x| on real', symbols={'x':'real'}, property='nondecreasing', of='diff(x*abs(x), x)', variable='x'),
 dict(id='e', truth='holds: diff(max(x,0)**2, x) = 2 max(x,0) exists everywhere, continuous', symbols={'x':'real'}, property='continuous', of='diff(max(x, 0)**2, x)', variable='x'),
 dict(id='f', truth='holds: diff(x**3, x) continuous', symbols={'x':'real'}, property='continuous', of='diff(x**3, x)', variable='x'),
 dict(id='g', truth='holds: d/dx of ite(x < 0, -x**2, x**2) = 2|x| exists everywhere (C1), continuous', symbols={'x':'real'}, property='continuous', of='diff(ite(x < 0, -x**2, x**2), x)', variable='x'),
 dict(id='h', truth='fails: derivative of ite(x<0, 0, 1) undefined at 0', symbols={'x':'real'}, property='continuous', of='diff(ite(x < 0, 0, 1), x)', variable='x'),
 dict(id='i', truth='holds: d/dx sqrt(x) on positive, continuous', symbols={'x':'positive'}, property='continuous', of='diff(sqrt(x), x)', variable='x'),
 dict(id='j', truth='fails: d/dx sqrt(x) on nonnegative undefined at 0', symbols={'x':'nonnegative'}, property='continuous', of='diff(sqrt(x), x)', variable='x'),
 dict(id='k', truth='holds: diff(x*abs(x),x) == 2*abs(x) as a plain claim', symbols={'x':'real'}, show='diff(x*abs(x), x) == 2*abs(x)'),
]
