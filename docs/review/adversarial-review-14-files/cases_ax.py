CASES = [
 dict(id='a', truth='holds', symbols={'v':'real'}, references={'v':'kaplan2020.paper.arxiv'}, show='v == 2001.08361'),
 dict(id='b', truth='fails', symbols={'v':'real'}, references={'v':'kaplan2020.paper.arxiv'}, show='v == 2001.0836'),
 dict(id='c', truth='located error or fails: v integer but 2001.08361 not integer', symbols={'v':'integer'}, references={'v':'kaplan2020.paper.arxiv'}, show='v > 0'),
 dict(id='d', truth='holds: 2001.08361 > 2001', symbols={'v':'real'}, references={'v':'kaplan2020.paper.arxiv'}, show='v > 2001'),
]
