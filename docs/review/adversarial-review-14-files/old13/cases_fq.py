CASES = [
 dict(id='a', truth='at default tol=1/10: holds iff q <= 1/10; with tol free: holds iff tol >= min(1, q) (or q<=0)', symbols={'x':'real','q':'real','tol':'positive'},
      assume=['0 < x','x < 1','x < q'], free=['q'], tolerances={'tol':'approx'}, show='x < tol'),
 dict(id='b', truth='q pinned region; tol: x < 1, x < q, q free: show x/10 < tol', symbols={'x':'real','q':'real','tol':'positive'},
      assume=['x < 1','x < q'], free=['q'], tolerances={'tol':'approx'}, show='x < 10*tol'),
]
