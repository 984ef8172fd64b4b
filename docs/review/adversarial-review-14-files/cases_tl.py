CASES = [
 dict(id='a', truth='default 1/10 violates assume t > 1: vacuous at default; what verdict?', symbols={'t':'real'}, assume=['t > 1'], tolerances={'t':'approx'}, show='t < 0'),
 dict(id='b', truth='t in (0,1) domain unit, default 1/10 inside: holds (t < 1)', symbols={'t':'unit'}, tolerances={'t':'approx'}, show='t < 1'),
 dict(id='c', truth='t positive, default 1/10: 10*t == 1 holds at default', symbols={'t':'positive'}, tolerances={'t':'approx'}, show='10*t == 1'),
]
