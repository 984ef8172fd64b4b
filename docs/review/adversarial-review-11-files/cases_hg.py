CASES = [
 dict(id='a', truth='holds: 10**(10**10) > 1 (tool may refuse by digit budget)', show='10**(10**10) > 1'),
 dict(id='b', truth='holds: x > 1 => x**(10**6) > 1', symbols={'x': 'real'}, assume=['x > 1'], show='x**(10**6) > 1'),
 dict(id='c', truth='fails: x = -1/2... x**(10**6+1) < 0 for x < 0; claim x**(10**6 + 1) >= 0 fails at x=-1', symbols={'x': 'real'}, show='x**(10**6 + 1) >= 0'),
 dict(id='d', truth='holds: exp(-10**30) > 0', show='exp(-10**30) > 0'),
 dict(id='e', truth='fails: exp(-10**30) == 0 false', show='exp(-10**30) == 0'),
 dict(id='f', truth='holds: floor(10**50/3) == (10**50 - 1)/3', show='floor(10**50/3) == (10**50 - 1)/3'),
 dict(id='g', truth='holds: log(10**(10**5)) > 230000 (ln = 230258.5)', show='log(10**(10**5)) > 230000'),
 dict(id='h', truth='fails: log(10**(10**5)) > 230259', show='log(10**(10**5)) > 230259'),
]
