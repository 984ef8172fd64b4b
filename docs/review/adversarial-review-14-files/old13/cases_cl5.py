CASES = [
 dict(id='a', truth='holds where defined (x != 2): 1/(1 + 1/d**2) > 0 with d = log(x) - log(2) != 0; at x = 2 undefined: must not fail', symbols={'x':'positive'}, show='1/(1 + 1/(log(x) - log(2))**2) > 0'),
 dict(id='b', truth='holds where defined (x != 2)', symbols={'x':'positive'}, assume=['x <= 2'], show='1/(1 + 1/(log(x) - log(2))**2) > 0'),
 dict(id='c', truth='holds where defined (x != 4)', symbols={'x':'positive'}, assume=['x >= 4', 'x <= 4'], show='1/(1 + 1/(log(x) - 2*log(2))**2) > 0'),
 dict(id='d', truth='holds where defined (x != 1): exp(-1/(x - 1)**2) < 1 ... rational zero: exact', symbols={'x':'real'}, assume=['x == 1'], show='1/(1 + 1/(x - 1)**2) > 0'),
 dict(id='e', truth='holds where defined: at x = 4 (sqrt(x) - 2 = 0 exactly) undefined', symbols={'x':'positive'}, assume=['x == 4'], show='1/(1 + 1/(sqrt(x) - 2)**2) > 0'),
]
