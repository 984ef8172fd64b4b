CASES = [
 dict(id='a', truth='x positive: holds iff p >= 0; plausible range p < -1: no p in range works -> fails', symbols={'x': 'positive', 'p': 'real', 'c': 'real'}, free=['p'], assume=['c == 1'], show='x + p > 0', raw='plausible = { p = { range = "p < -1", why = "test" } }'),
 dict(id='b', truth='control without pin: holds-if 0 <= p, range p < -1 misses -> fails', symbols={'x': 'positive', 'p': 'real'}, free=['p'], show='x + p > 0', raw='plausible = { p = { range = "p < -1", why = "test" } }'),
]
