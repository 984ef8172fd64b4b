CASES = [
 dict(id='a', truth='tol = approx default 1/10: 1/10 < 1/5 holds', symbols={'tol':'positive'}, tolerances={'tol':'approx'}, show='tol < 1/5'),
 dict(id='b', truth='tol = approx-scale default 3/2: 3/2 > 1 holds', symbols={'tol':'positive'}, tolerances={'tol':'approx-scale'}, show='tol > 1'),
]
