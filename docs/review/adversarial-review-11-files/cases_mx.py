R = {'x': 'real'}
CASES = [
 dict(id='a', truth='fails: x = 10**30: floor(1) = 1', symbols={'x': 'positive'}, assume=['x <= 10**30'], show='floor(x*10**-30) == 0'),
 dict(id='b', truth='holds', symbols={'x': 'positive'}, assume=['x < 10**30'], show='floor(x*10**-30) == 0'),
 dict(id='c', truth='holds: floor(x) == x implies heaviside(x - floor(x)) == 0', symbols=R, assume=['floor(x) == x'], show='heaviside(x - floor(x)) == 0'),
 dict(id='d', truth='fails x=1/2: min(floor(x), x) == floor(x) always true -> holds. careful: min(floor(x),x) = floor(x) holds', symbols=R, show='min(floor(x), x) == floor(x)'),
 dict(id='e', truth='fails: max(floor(x), x - 1/2) == floor(x) false at x = 0.9 (0.4 < 0 ? no: floor 0, x-1/2 = 0.4 > 0) => max = 0.4 != 0', symbols=R, show='max(floor(x), x - 1/2) == floor(x)'),
 dict(id='f', truth='holds: floor(x) + floor(-x) is 0 or -1', symbols=R, show='floor(x) + floor(-x) == 0 or floor(x) + floor(-x) == -1'),
 dict(id='g', truth='holds: y unit, n integer: floor(n + y) == n', symbols={'n': 'integer', 'y': 'unit'}, show='floor(n + y) == n'),
 dict(id='h', truth='fails: y probability: y = 1 gives n + 1', symbols={'n': 'integer', 'y': 'probability'}, show='floor(n + y) == n'),
 dict(id='i', truth='holds: 2*floor(x/2) <= floor(x) (floor(x/2)*2 <= x => <= floor(x) as integer)', symbols=R, show='2*floor(x/2) <= floor(x)'),
 dict(id='j', truth='fails: 2*floor(x/2) == floor(x) fails at x = 1', symbols=R, show='2*floor(x/2) == floor(x)'),
]
