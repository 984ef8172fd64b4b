CASES = [
 dict(id='a', truth='holds where defined (x >= 0)', symbols={'x':'real'}, show='iff(x > 0, sqrt(x) > 0)'),
 dict(id='b', truth='holds (guarded)', symbols={'x':'real'}, show='implies(x > 0, log(x) < x)'),
 dict(id='c', truth='holds where defined: not (log(x) > x)', symbols={'x':'real'}, show='not (log(x) > x)'),
 dict(id='d', truth='fails: iff(x > 1, log(x) > 0) holds where defined; iff(x > 2, log(x) > 0) fails at x = 3/2', symbols={'x':'positive'}, show='iff(x > 2, log(x) > 0)'),
 dict(id='e', truth='holds: x > 0 and log(x) < x or x <= 0', symbols={'x':'real'}, show='(x > 0 and log(x) < x) or x <= 0'),
 dict(id='f', truth='holds where defined: x <= 0 or log(x) < x', symbols={'x':'real'}, show='x <= 0 or log(x) < x'),
 dict(id='g', truth='iff(sqrt(x) > 1, x > 1) holds where defined', symbols={'x':'real'}, show='iff(sqrt(x) > 1, x > 1)'),
 dict(id='h', truth='fails: iff(sqrt(x) >= 0, x >= 0): for x<0 sqrt undefined -> where defined x>=0: true. holds', symbols={'x':'real'}, show='iff(sqrt(x) >= 0, x >= 0)'),
 dict(id='i', truth='fails at x=-1: ite(x > 0, log(x), 1) > 0 false at x = 1/2 (log 0.5 < 0)', symbols={'x':'real'}, show='ite(x > 0, log(x), 1) > 0'),
 dict(id='j', truth='holds: ite(x > 1, log(x), 1) > 0', symbols={'x':'real'}, show='ite(x > 1, log(x), 1) > 0'),
]
