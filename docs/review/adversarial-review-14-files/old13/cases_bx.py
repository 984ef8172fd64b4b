CASES = [
 dict(id='a', truth='holds: max e^-1 = 0.367879 < 0.3679', symbols={'x':'real'}, show='x*exp(-x) < 0.3679'),
 dict(id='b', truth='fails at x=1', symbols={'x':'real'}, show='x*exp(-x) < 0.36787'),
 dict(id='c', truth='holds: x**2*exp(-x) < 0.5414 on x>0 (max 4e^-2=0.54134)', symbols={'x':'positive'}, show='x**2*exp(-x) < 0.5414'),
 dict(id='d', truth='fails: x**2*exp(-x) < 0.5413 (max 0.541341)', symbols={'x':'positive'}, show='x**2*exp(-x) < 0.5413'),
 dict(id='e', truth='holds where defined: log(abs(x)) < abs(x)', symbols={'x':'real'}, show='log(abs(x)) < abs(x)'),
 dict(id='f', truth='holds: sqrt(x)*exp(-x) < 0.43 on x>=0 (max at 1/2: 0.7071*0.6065=0.42888)', symbols={'x':'nonnegative'}, show='sqrt(x)*exp(-x) < 0.43'),
 dict(id='g', truth='fails: sqrt(x)*exp(-x) < 0.4288 (max 0.428882)', symbols={'x':'nonnegative'}, show='sqrt(x)*exp(-x) < 0.4288'),
 dict(id='h', truth='holds: exp(-1/x**2) < 1 for x != 0 (where defined)', symbols={'x':'real'}, show='exp(-1/x**2) < 1'),
 dict(id='i', truth='holds: x*log(x) - x + 1 >= 0 for x>0', symbols={'x':'positive'}, show='x*log(x) - x + 1 >= 0'),
 dict(id='j', truth='fails: x*log(x) - x + 1 > 0 (equality at x=1)', symbols={'x':'positive'}, show='x*log(x) - x + 1 > 0'),
 dict(id='k', truth='holds: 2**x >= x + 1 for x in [0,1]? 2^x convex, equal at 0 and 1 -> 2^x <= x+1 on [0,1]: claim false at x=1/2: 1.414 < 1.5', symbols={'x':'unit'}, show='2**x >= x + 1'),
 dict(id='l', truth='holds: 2**x <= x + 1 on (0,1)', symbols={'x':'unit'}, show='2**x <= x + 1'),
]
