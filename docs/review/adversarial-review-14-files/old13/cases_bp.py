CASES = [
 dict(id='a', truth='fails at x=1e10: log=23.03 > 10+5', symbols={'x':'real'}, assume=['x > 1'], show='log(x) < x**(1/10) + 5'),
 dict(id='b', truth='holds: max of log x - x^0.1 is 13.03', symbols={'x':'real'}, assume=['x > 1'], show='log(x) < x**(1/10) + 14'),
 dict(id='c', truth='fails only for x > e^1500 or so: x**(1/100) < log(x)**2 false at x = e^2000', symbols={'x':'real'}, assume=['x > 10'], show='x**(1/100) < log(x)**2'),
 dict(id='d', truth='fails at x=e^2000 (exp(2000)): exp(x/100) < x**2 for x>10 false at x=2000', symbols={'x':'real'}, assume=['x > 10'], show='exp(x/100) < x**2'),
 dict(id='e', truth='fails: x*exp(-x/1000) < 300 false at x=1000: 1000/e = 367.9', symbols={'x':'positive'}, show='x*exp(-x/1000) < 300'),
 dict(id='f', truth='holds: x*exp(-x/1000) < 368 (max 367.88)', symbols={'x':'positive'}, show='x*exp(-x/1000) < 368'),
 dict(id='g', truth='fails: x**1000*exp(-x) < 10**2000 false at x=1000: 1000^1000 e^-1000 = 10^3000 / 10^434 = 10^2566 > 10^2000', symbols={'x':'positive'}, show='x**1000*exp(-x) < 10**2000'),
 dict(id='h', truth='fails: (1 + 1/x)**x < 2.718 for x > 1: at x=1e6: 2.71828 > 2.718', symbols={'x':'real'}, assume=['x > 1'], show='(1 + 1/x)**x < 2.718'),
 dict(id='i', truth='holds: (1+1/x)^x < e for x>0', symbols={'x':'positive'}, show='(1 + 1/x)**x < e'),
 dict(id='j', truth='fails: sin-free: log(log(x)) < 1 for x > e: false at x = e^e^1.1', symbols={'x':'real'}, assume=['x > 3'], show='log(log(x)) < 1'),
 dict(id='k', truth='fails: x/(log(x)) > 10**5 false... for x>e: x/log x min at e = e; claim x/log(x) < 10**6 fails at x=1e8', symbols={'x':'real'}, assume=['x > 3'], show='x/log(x) < 10**6'),
]
