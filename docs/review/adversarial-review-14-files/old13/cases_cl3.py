CASES = [
 dict(id='a', truth='undefined (1/0)', symbols={}, show='abs(1/(log(8) - 3*log(2))) >= 0'),
 dict(id='b', truth='undefined (1/0)', symbols={}, show='(1/(log(8) - 3*log(2)))**2 >= 0'),
 dict(id='c', truth='undefined (1/0)', symbols={}, show='exp(1/(log(8) - 3*log(2))) >= 0'),
 dict(id='d', truth='undefined log(0)', symbols={}, show='abs(log(log(8) - 3*log(2))) >= 0'),
 dict(id='e', truth='undefined: 1/0 inside max', symbols={}, show='max(1/(log(8) - 3*log(2)), 1) >= 1'),
 dict(id='f', truth='undefined: ite cond uses 1/0', symbols={}, show='ite(1/(log(8) - 3*log(2)) > 0, 1, 1) == 1'),
 dict(id='g', truth='undefined (x=z pinned... ) 1/(x - 3*log(2)) with x = log(8)', symbols={'x':'real'}, assume=['x == log(8)'], show='abs(1/(x - 3*log(2))) >= 0'),
 dict(id='h', truth='undefined', symbols={'y':'real'}, show='y*y + abs(1/(log(8) - 3*log(2))) >= 0'),
]
