CASES = [
 dict(id='a', truth='undefined (division by log(8) - 3 log 2 = 0): must not hold', symbols={}, show='1/(log(8) - 3*log(2)) == 1/(log(8) - 3*log(2))'),
 dict(id='b', truth='undefined: must not fail', symbols={}, show='1/(log(8) - 3*log(2)) != 1/(log(8) - 3*log(2))'),
 dict(id='c', truth='undefined log(0)', symbols={}, show='log(log(8) - 3*log(2)) == log(log(8) - 3*log(2))'),
 dict(id='d', truth='undefined: 0 * 1/0', symbols={}, show='0/(log(8) - 3*log(2)) == 0'),
 dict(id='e', truth='undefined: sqrt of negative? sqrt(3*log(2) - log(8) - 1) undefined (arg -1)', symbols={}, show='sqrt(3*log(2) - log(8) - 1) == sqrt(3*log(2) - log(8) - 1)'),
 dict(id='f', truth='undefined: (sqrt(2)**2 - 2)**(-1)', symbols={}, show='(sqrt(2)*sqrt(2) - 2)**(-1) == (sqrt(2)*sqrt(2) - 2)**(-1)'),
 dict(id='g', truth='undefined: x/(x) where x = log(8) - 3 log 2 = 0: 0/0', symbols={}, show='(log(8) - 3*log(2))/(log(8) - 3*log(2)) == 1'),
 dict(id='h', truth='undefined: 1/(exp(log(2)) - 2)', symbols={}, show='1/(exp(log(2)) - 2) > 0 or 1/(exp(log(2)) - 2) <= 0'),
 dict(id='i', truth='undefined: (log(8) - 3*log(2))**(1/2) defined (0): holds == 0', symbols={}, show='(log(8) - 3*log(2))**(1/2) == 0'),
 dict(id='j', truth='undefined: log(8)/log(2) - 3 = 0 used as log argument: log(0)', symbols={}, show='log(log(8)/log(2) - 3) < 5'),
]
