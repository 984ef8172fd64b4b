R = {'x': 'real'}
CASES = [
 dict(id='a', truth='holds', symbols=R, property='increasing', of='floor(x) + x', variable='x'),
 dict(id='b', truth='holds', symbols=R, property='nondecreasing', of='floor(x)', variable='x'),
 dict(id='c', truth='fails (0, 1/2)', symbols=R, property='increasing', of='floor(x)', variable='x'),
 dict(id='d', truth='fails: floor(2x) - x not monotone', symbols=R, property='nondecreasing', of='floor(2*x) - x', variable='x'),
 dict(id='e', truth='holds: continuous on (0,1): floor(x) constant', symbols={'x': 'unit'}, property='continuous', of='floor(x)*x', variable='x'),
 dict(id='f', truth='undecided or fails? floor not continuous at 1; (x in (0,2)); continuous claim false; tool: sufficient conditions only -> undecided', symbols=R, assume=['x > 0', 'x < 2'], property='continuous', of='floor(x)', variable='x'),
 dict(id='g', truth='holds: x - floor(x) + floor(x) continuous (= x) but tool may say undecided', symbols=R, property='continuous', of='x - floor(x) + floor(x)', variable='x'),
 dict(id='h', truth='holds: max(x,0) nondecreasing', symbols=R, property='nondecreasing', of='max(x, 0)', variable='x'),
 dict(id='i', truth='fails: max(x,0) not increasing (-2,-1)', symbols=R, property='increasing', of='max(x, 0)', variable='x'),
 dict(id='j', truth='holds: increasing on positive with a = 0.076 literature', symbols={'x': 'positive', 'a': 'positive'}, references={'a': 'kaplan2020.alpha_n'}, property='increasing', of='x**a - a*log(x)*0', variable='x'),
 dict(id='k', truth='fails: x**a - x on (0,oo) with a = 0.076 is not increasing (derivative a x**(a-1) - 1 < 0 for large x)', symbols={'x': 'positive', 'a': 'positive'}, references={'a': 'kaplan2020.alpha_n'}, property='increasing', of='x**a - x', variable='x'),
]
