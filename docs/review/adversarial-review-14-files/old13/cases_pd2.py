CASES = [
 dict(id='a', truth='fails (engine rule): diff(abs(x)) undefined at x=0 in the domain; the derivative sign(x) is nondecreasing elsewhere', symbols={'x':'real'}, property='nondecreasing', of='diff(abs(x), x)', variable='x'),
 dict(id='b', truth='fails: undefined at 0 (and 1/x -like)', symbols={'x':'real'}, property='nonincreasing', of='diff(sqrt(abs(x)), x)', variable='x'),
 dict(id='c', truth='fails: diff(heaviside(x), x) undefined at 0 (jump); elsewhere 0: nondecreasing holds off 0', symbols={'x':'real'}, property='nondecreasing', of='diff(heaviside(x), x)', variable='x'),
 dict(id='d', truth='fails: diff(floor(x)) undefined at integers', symbols={'x':'real'}, property='nondecreasing', of='diff(floor(x), x)', variable='x'),
 dict(id='f', truth='holds: diff(abs(x)) on positive is 1: nondecreasing', symbols={'x':'positive'}, property='nondecreasing', of='diff(abs(x), x)', variable='x'),
 dict(id='g', truth='fails (undefined at x=0): diff(x**(3/2), x) on nonnegative: only one-sided at 0', symbols={'x':'nonnegative'}, property='increasing', of='diff(x**(3/2), x)', variable='x'),
 dict(id='h', truth='fails: limit-of term: of = limit(abs(x + t)/(x+t) ... skip; diff(log(x), x) on real: undefined for x<=0', symbols={'x':'real'}, property='decreasing', of='diff(log(x), x)', variable='x'),
]
