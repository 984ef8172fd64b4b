CASES = [
 dict(id='a', truth='holds: sqrt(x) < 1 presupposes x >= 0', symbols={'x':'real'}, assume=['sqrt(x) < 1'], show='x >= 0'),
 dict(id='b', truth='holds: log(x) > 0 => x > 1', symbols={'x':'real'}, assume=['log(x) > 0'], show='x > 1'),
 dict(id='c', truth='holds: 1/x > 1 => 0 < x < 1', symbols={'x':'real'}, assume=['1/x > 1'], show='0 < x and x < 1'),
 dict(id='d', truth='holds: not (log(x) > 0) ... log(x) <= 0 => x <= 1 and x > 0', symbols={'x':'real'}, assume=['not (log(x) > 0)'], show='x > 0'),
 dict(id='e', truth='holds vacuous? ite guard: ite(x > 0, log(x), -1) < 0 => x < 1', symbols={'x':'real'}, assume=['ite(x > 0, log(x), -1) < 0'], show='x < 1'),
 dict(id='f', truth='holds: log(x) > 0 or x < -5 => x > 1 or x < -5', symbols={'x':'real'}, assume=['log(x) > 0 or x < -5'], show='x > 1 or x < -5'),
 dict(id='g', truth='fails? x < -5 or log(x) > 0 : for x < -5 the first disjunct true; short-circuit: log not evaluated. witness x = -6: show x > 1 false -> fails', symbols={'x':'real'}, assume=['x < -5 or log(x) > 0'], show='x > 1'),
 dict(id='h', truth='log(x) > 0 or x < -5 (log first, undefined at x=-6). Under the defined-only reading: at x=-6 the assumption is undefined -> not a witness; x>1 region: holds. ambiguous', symbols={'x':'real'}, assume=['log(x) > 0 or x < -5'], show='x > 1'),
 dict(id='i', truth='holds: sqrt(x - 1) >= 0 presupposes x >= 1', symbols={'x':'real'}, assume=['sqrt(x - 1) >= 0'], show='x >= 1'),
 dict(id='j', truth='fails: x**(1/2) == 2 => x == 4 holds; x**(1/2) == -2 impossible -> vacuous', symbols={'x':'real'}, assume=['x**(1/2) == -2'], show='x == 4'),
]
