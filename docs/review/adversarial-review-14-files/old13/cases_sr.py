CASES = [
 dict(id='a', truth='g > 250 strictly (literature note): g > p for all such g iff p <= 250', symbols={'g':'positive','p':'real'}, references={'g':'hoffmann2022.s3_4.1t.gopher_multiple'}, free=['p'], show='g > p'),
 dict(id='b', truth='holds iff p >= 250', symbols={'y':'real','p':'real'}, free=['p'], show='p >= 250 - y*y'),
]
