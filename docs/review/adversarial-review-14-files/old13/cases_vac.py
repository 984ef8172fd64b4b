CASES = [
 dict(id='a', truth='vacuous: log(x) > 0 needs x > 0, contradicts x < 0', symbols={'x':'real'}, assume=['log(x) > 0','x < 0'], show='x > 100'),
 dict(id='b', truth='vacuous: sqrt(x) >= 0 needs x >= 0; with x < -1', symbols={'x':'real'}, assume=['sqrt(x) >= 0','x < -1'], show='x > 100'),
 dict(id='c', truth='vacuous: 1/x > 0 and x == 0', symbols={'x':'real'}, assume=['1/x > 0','x == 0'], show='x > 100'),
 dict(id='d', truth='vacuous: x**(1/2) < 1 and x < 0', symbols={'x':'real'}, assume=['x**(1/2) < 1','x < 0'], show='x == 7'),
 dict(id='e', truth='vacuous (derivative undefined at the only allowed point)? diff(abs(x), x) == 0 : sign(x) == 0 only at x=0, where no derivative', symbols={'x':'real'}, assume=['diff(abs(x), x) == 0'], show='x == 7'),
 dict(id='f', truth='vacuous: limit(1/x, x, 0) undefined -> assume limit... skip: assume log(x - y) > 0, x < y', symbols={'x':'real','y':'real'}, assume=['log(x - y) > 0','x < y'], show='x == 7'),
]
