CASES = [
 dict(id='a', truth='false: log(8) - 3 log 2 is exactly 0', symbols={}, show='log(8) - 3*log(2) != 0'),
 dict(id='b', truth='false: sqrt(2)*sqrt(2) - 2 is exactly 0', symbols={}, show='sqrt(2)*sqrt(2) - 2 != 0'),
 dict(id='c', truth='false: exp(log(3)) == 3', symbols={}, show='exp(log(3)) != 3'),
 dict(id='d', truth='false: log(8) == 3*log(2)', symbols={}, show='log(8) != 3*log(2)'),
 dict(id='e', truth='false: sqrt(8) == 2*sqrt(2)', symbols={}, show='sqrt(8) != 2*sqrt(2)'),
 dict(id='f', truth='fails at x = 2 (log(x) - log(2) = 0): x > 0 => log(x) != log(2)', symbols={'x':'positive'}, show='log(x) != log(2)'),
 dict(id='g', truth='fails at x = 8', symbols={'x':'positive'}, show='log(x) != 3*log(2)'),
 dict(id='h', truth='false: (1 + sqrt(5))/2 golden ratio phi: phi**2 - phi - 1 = 0 exactly', symbols={}, show='((1 + sqrt(5))/2)**2 - (1 + sqrt(5))/2 - 1 != 0'),
]
