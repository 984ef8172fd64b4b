DEFS = [
 dict(id='nb_m', name='M', params=['y'], body='y*x', symbols={'x':'real'}),
 dict(id='nb_n', name='N', params=['y'], body='M(y) + 0', uses=['nb_m'], symbols={'x':'real'}),
 dict(id='nb_p', name='P', params=['y'], body='y + x', symbols={'x':'real'}),
 dict(id='nb_q', name='Q', params=['y'], body='P(y)', uses=['nb_p'], symbols={'x':'real'}),
 dict(id='nb_k', name='K', params=[], body='x*x', symbols={'x':'real'}),
 dict(id='nb_l', name='L', params=['y'], body='y*K()', uses=['nb_k'], symbols={'x':'real'}),
]
CASES = [
 dict(id='a', truth='ambiguous (x or 2x): undecided', symbols={'x':'real'}, uses=['nb_n'], show='diff(N(x), x) == 2*x'),
 dict(id='b', truth='ambiguous: undecided', symbols={'x':'real'}, uses=['nb_n'], show='diff(N(x), x) == x'),
 dict(id='c', truth='ambiguous (1 or 2): undecided', symbols={'x':'real'}, uses=['nb_q'], show='limit(Q(x)/x, x, oo) == 1'),
 dict(id='d', truth='ambiguous (1 or 2): undecided', symbols={'x':'real'}, uses=['nb_q'], show='limit(Q(x)/x, x, oo) == 2'),
 dict(id='e', truth='y*x*x with y := x: diff x^3 -> 3x^2 (x in K outer?) ambiguous: undecided', symbols={'x':'real'}, uses=['nb_l'], show='diff(L(x), x) == 3*x*x'),
 dict(id='f', truth='ambiguous', symbols={'x':'real'}, uses=['nb_l'], show='diff(L(x), x) == x*x'),
 dict(id='g', truth='no clash: diff in t of t*x = x: holds', symbols={'x':'real','t':'real'}, uses=['nb_n'], show='diff(N(t), t) == x'),
 dict(id='h', truth='K() is a name for x*x: diff(K(), x) = 2x (parameterless reads as body): holds or undecided', symbols={'x':'real'}, uses=['nb_k'], show='diff(K(), x) == 2*x'),
]
