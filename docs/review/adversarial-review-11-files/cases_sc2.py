CASES = [
 # section 1: d (x positive): for all x,y>0: x*y >= p*x iff p <= 0; e: for all x>0: x*p + 1 >= ... 
 dict(section='s1', id='s1a', truth='for all x,y > 0: x*y >= p*x iff p <= 0', symbols={'x': 'positive', 'y': 'positive', 'p': 'real'}, free=['p'], show='x*y >= p*x'),
 dict(section='s1', id='s1b', truth='for all x,y>0: x*y + p*x >= 0 iff p >= 0', symbols={'x': 'positive', 'y': 'positive', 'p': 'real'}, free=['p'], show='x*y + p*x >= 0'),
 # -> consistent at p = 0
 dict(section='s2', id='s2a', truth='iff p <= 0', symbols={'x': 'positive', 'y': 'positive', 'p': 'real'}, free=['p'], show='x*y >= p*x'),
 dict(section='s2', id='s2b', truth='iff p >= 1? for all x,y>0: x*y + p*x >= x  <=> y + p >= 1 for all y>0 <=> p >= 1', symbols={'x': 'positive', 'y': 'positive', 'p': 'real'}, free=['p'], show='x*y + p*x >= x'),
 # -> inconsistent truly
 dict(section='s3', id='s3a', truth='x,y unit: x*y >= p*x for all iff p <= 0', symbols={'x': 'unit', 'y': 'unit', 'p': 'real'}, free=['p'], show='x*y >= p*x'),
 dict(section='s3', id='s3b', truth='x,y unit: x*y + p*x <= x*... : x*y <= p*x  for all <=> y <= p <=> p >= 1', symbols={'x': 'unit', 'y': 'unit', 'p': 'real'}, free=['p'], show='x*y <= p*x'),
 # -> inconsistent
 dict(section='s4', id='s4a', truth='x,y unit: x*y >= p*x for all iff p <= 0', symbols={'x': 'unit', 'y': 'unit', 'p': 'real'}, free=['p'], show='x*y >= p*x'),
 dict(section='s4', id='s4b', truth='x,y unit: x*y <= p*x + x*... : x*y + 1 >= p*x*... iff  y + 1/x >= p for all <=> p <= 1', symbols={'x': 'unit', 'y': 'unit', 'p': 'real'}, free=['p'], show='x*y + 1 >= p*x'),
 # -> consistent (p <= 0)
]
