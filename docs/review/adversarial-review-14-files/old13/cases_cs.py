CASES = [
 dict(id='a', truth='true exactly at a = 0 (x/x -> 1)', symbols={'x':'real','a':'real'}, free=['a'], show='limit(x/(x + a), x, 0) == 1'),
 dict(id='b', truth='a == 0', symbols={'a':'real'}, free=['a'], show='a*a <= 0'),
]
