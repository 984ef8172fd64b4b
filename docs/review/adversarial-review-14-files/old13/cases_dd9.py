CASES = [
 dict(id='a', truth='holds for p <= 0 (e.g. p = -1, inside the range -2 < p < 1): plausible fails is wrong', symbols={'x':'real','p':'real'}, free=['p'], assume=['x > -1','x != 0'], plausible={'p':{'range':'-2 < p and p < 1','why':'a small offset'}}, show='diff(sqrt(x)**4, x) > p'),
]
