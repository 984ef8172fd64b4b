CASES = [
 dict(id='a', truth='undefined everywhere (denominator exactly 0): holds only vacuously / undecided', symbols={'x':'positive'}, show='x/(log(8) - 3*log(2)) == x/(log(8) - 3*log(2))'),
 dict(id='b', truth='undefined everywhere', symbols={'x':'positive'}, show='x/(log(8) - 3*log(2)) != x/(log(8) - 3*log(2))'),
 dict(id='c', truth='undefined: 1/(exp(log(2)) - 2)', symbols={}, show='1/(exp(log(2)) - 2) == 1/(exp(log(2)) - 2)'),
 dict(id='d', truth='pin x == log(2): 1/(exp(x) - 2) undefined', symbols={'x':'real'}, assume=['x == log(2)'], show='1/(exp(x) - 2) == 1/(exp(x) - 2)'),
 dict(id='e', truth='undefined: 0/0 with (log(8)-3log2)', symbols={'x':'real'}, show='(log(8) - 3*log(2))*x/(log(8) - 3*log(2)) == x'),
 dict(id='f', truth='undefined: log(log(4) - 2*log(2) ) ', symbols={}, show='log(log(4) - 2*log(2)) < 0'),
]
