CASES = [
 dict(id='a', truth='holds where the derivative exists (x > 0): 2x >= -1', symbols={'x':'real'}, show='diff(sqrt(x)**4, x) >= -1'),
 dict(id='b', truth='holds: x > 0 assumed', symbols={'x':'positive'}, show='diff(sqrt(x)**4, x) >= -1'),
 dict(id='c', truth='QE fails-for-every-value with the diff domain: diff(log(x)**2... ) ; lowered: d/dx (sqrt(x)**2)**2 ... same as dd3.a with positive x: holds iff p <= 0', symbols={'x':'positive','p':'real'}, free=['p'], show='diff(sqrt(x)**4, x) >= p'),
]
