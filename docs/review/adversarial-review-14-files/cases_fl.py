CASES = [
 dict(id='a', truth='at default 3/2 holds; flip at 1 (tol > 1): fails at tol = 1', symbols={'tol':'positive'}, tolerances={'tol':'approx-scale'}, show='tol > 1'),
 dict(id='b', truth='flip at 2: fails for tol <= 2 ... default 3/2 fails', symbols={'tol':'positive'}, tolerances={'tol':'approx-scale'}, show='tol > 2'),
 dict(id='c', truth='holds for tol < 1.2 only; default 3/2 fails', symbols={'tol':'positive'}, tolerances={'tol':'approx-scale'}, show='tol < 6/5'),
 dict(id='d', truth='x within factor tol of 100: x in [100/tol, 100 tol] => x >= 50: holds iff tol <= 2', symbols={'tol':'positive','x':'positive'}, tolerances={'tol':'approx-scale'}, assume=['100/tol <= x', 'x <= 100*tol'], show='x >= 50'),
 dict(id='e', truth='relative tol: abs(x - 100) <= tol*100 => x > 85: holds iff tol < 3/20', symbols={'tol':'positive','x':'real'}, tolerances={'tol':'approx'}, assume=['abs(x - 100) <= tol*100'], show='x > 85'),
]
