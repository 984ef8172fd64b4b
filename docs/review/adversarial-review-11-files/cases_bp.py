R = {'x': 'real'}
P = {'x': 'positive'}
CASES = [
 dict(id='a', truth='fails at x > e**(e**(e**2)) ~ 10**703', symbols=R, assume=['x > 10'], show='log(log(log(x))) < 2'),
 dict(id='b', truth='fails at x = 2**1000', symbols=R, assume=['x > 1'], show='x**(1/1000) < 2'),
 dict(id='c', truth='holds (tangent at 0)', symbols=R, show='exp(x) >= 1 + x'),
 dict(id='d', truth='holds (equality at 1)', symbols=P, show='x*log(x) >= x - 1'),
 dict(id='e', truth='fails: x*log(x) > x - 1 strict fails at x=1', symbols=P, show='x*log(x) > x - 1'),
 dict(id='f', truth='fails at x = 10**-30ish? log(x) >= -1000 fails for x < e**-1000', symbols=P, show='log(x) >= -1000'),
 dict(id='g', truth='fails: exp(-1/x) * 10**50 < 1 false at x=1; holds? at x = 1: e^-1*1e50 huge. fails', symbols=P, assume=['x < 1'], show='exp(-1/x)*10**50 < 1'),
 dict(id='h', truth='fails: x in (0, 1/100): exp(-1/x)*10**40 < 1 : at x = 1/100 exp(-100)=3.7e-44 *1e40 = 3.7e-4 <1; at x=1/50? excluded. holds actually: exp(-1/x) < exp(-100) for x<1/100 ; 3.7e-44*1e40 <1 holds', symbols=P, assume=['x < 1/100'], show='exp(-1/x)*10**40 < 1'),
 dict(id='i', truth='fails: x<1/90: exp(-90)=8.2e-40 *1e40 = 8.2 > 1 near x=1/90', symbols=P, assume=['x < 1/90'], show='exp(-1/x)*10**40 < 1'),
 dict(id='j', truth='holds: sqrt(x) <= (x+1)/2 AM-GM equality at 1', symbols={'x': 'nonnegative'}, show='sqrt(x) <= (x + 1)/2'),
 dict(id='k', truth='fails: sqrt(x) < (x+1)/2 at x=1 equal', symbols={'x': 'nonnegative'}, show='sqrt(x) < (x + 1)/2'),
 dict(id='l', truth='fails at x ~ 1.0000001? (1+1/x)**x < e holds for x>0; claim (1 + 1/x)**x < e - 10**-9 fails for huge x', symbols=P, show='(1 + 1/x)**x < e - 10**-9'),
 dict(id='m', truth='holds (1+1/x)**x < e for x > 0', symbols=P, show='(1 + 1/x)**x < e'),
 dict(id='n', truth='fails: x**x >= exp(-1/e) - 10**-40? min of x**x is e**(-1/e) at x=1/e; x**x > exp(-exp(-1)) fails at x = 1/e exactly (irrational) -> undecided ok; holds would be wrong', symbols=P, show='x**x > exp(-exp(-1))'),
 dict(id='o', truth='holds: x**x >= exp(-exp(-1))', symbols=P, show='x**x >= exp(-exp(-1))'),
 dict(id='p', truth='fails: x**x >= exp(-exp(-1)) + 10**-25 at x = 1/e approx (rational near)', symbols=P, show='x**x >= exp(-exp(-1)) + 10**-25'),
]
