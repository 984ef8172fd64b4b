CASES = [
 dict(id='a', truth='undefined (1/0): must not fail', symbols={}, show='exp(1/(log(8) - 3*log(2))) < 0'),
 dict(id='b', truth='undefined everywhere: must not fail', symbols={'x':'positive'}, show='exp(x/(log(8) - 3*log(2))) < 0'),
 dict(id='c', truth='undefined: abs(1/z) < 0 must not fail', symbols={}, show='abs(1/(log(8) - 3*log(2))) < 0'),
 dict(id='d', truth='undefined: sqrt(-1/z**2)? closed', symbols={}, show='(1/(log(8) - 3*log(2)))**2 < 0'),
]
