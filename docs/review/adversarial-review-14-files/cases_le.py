R = 'hoffmann2022.s3_4.1t.gopher_multiple'
CASES = [
 dict(id='a', truth='strict g > 250: holds iff p == 0; closed: fails for every p: undecided', symbols={'g':'positive','p':'real'}, references={'g':R}, free=['p'], show='g > 250 + p*p'),
 dict(id='b', truth='strict: holds (g > 250); closed: fails at 250: undecided', symbols={'g':'positive'}, references={'g':R}, show='g > 250'),
 dict(id='c', truth='strict: holds iff p <= 250; closed: iff p < 250: undecided at p = 250; condition p < 250 wrong under strict', symbols={'g':'positive','p':'real'}, references={'g':R}, free=['p'], show='g > p'),
 dict(id='d', truth='g >= 250 true in both readings: holds', symbols={'g':'positive'}, references={'g':R}, show='g >= 250'),
 dict(id='e', truth='strict: g*g > 62500 true; closed: fails at 250: undecided', symbols={'g':'positive'}, references={'g':R}, show='g*g > 62500'),
 dict(id='f', truth='holds iff p <= 250 (strict) or p < 250 (closed): the engine cannot tell: undecided or a condition true in both? p < 250 is sufficient both ways but not necessary under strict', symbols={'g':'positive','p':'real'}, references={'g':R}, free=['p'], show='g - p > 0'),
]
