PRE = """[[definition]]
id = 'lt_pw'
name = 'PW'
params = ['N']
body = '(1/N)**a'
symbols = { a = 'positive' }
"""
CASES = [
 dict(id='a', truth='a = 0.076: PW(2) = 2**-0.076 = 0.9487 > 0.94 holds', symbols={'a': 'positive'}, uses=['lt_pw'], references={'a': 'kaplan2020.alpha_n'}, show='PW(2) > 0.94'),
 dict(id='b', truth='fails: 0.9487 < 0.95', symbols={'a': 'positive'}, uses=['lt_pw'], references={'a': 'kaplan2020.alpha_n'}, show='PW(2) > 0.95'),
 dict(id='c', truth='property decreasing in N with a = 0.076 holds', symbols={'a': 'positive', 'N': 'positive'}, uses=['lt_pw'], references={'a': 'kaplan2020.alpha_n'}, property='decreasing', of='PW(N)', variable='N'),
 dict(id='d', truth='crossing: PW(N) = 1/2 at N = 2**(1/0.076) holds', symbols={'a': 'positive', 'N': 'positive'}, uses=['lt_pw'], references={'a': 'kaplan2020.alpha_n'}, property='crossing', of='PW(N)', variable='N', level='1/2', solution='2**(1000/76)'),
 dict(id='e', truth='crossing wrong: solution 2**13 : PW(8192) = 8192**-0.076 = 0.5043 != 1/2 fails', symbols={'a': 'positive', 'N': 'positive'}, uses=['lt_pw'], references={'a': 'kaplan2020.alpha_n'}, property='crossing', of='PW(N)', variable='N', level='1/2', solution='2**13'),
 dict(id='f', truth='holds-if: N > 1 => PW(N) < p, free p: sup at N->1+ is 1: p >= 1', symbols={'a': 'positive', 'N': 'positive', 'p': 'real'}, uses=['lt_pw'], references={'a': 'kaplan2020.alpha_n'}, assume=['N > 1'], free=['p'], show='PW(N) < p'),
 dict(id='g', truth='holds: limit N->oo PW(N) == 0 with a = 0.076', symbols={'a': 'positive', 'N': 'positive'}, uses=['lt_pw'], references={'a': 'kaplan2020.alpha_n'}, show='limit(PW(N), N, oo) == 0'),
 dict(id='h', truth='holds: diff(PW(N), N) < 0 for N > 0, a = 0.076', symbols={'a': 'positive', 'N': 'positive'}, uses=['lt_pw'], references={'a': 'kaplan2020.alpha_n'}, show='diff(PW(N), N) < 0'),
]
