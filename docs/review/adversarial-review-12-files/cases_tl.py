DEFS = [
 dict(id="t1", name="SH", params=["y"], body="y + t", symbols={"t": "positive"}),
 dict(id="t2", name="SQ", params=["t"], body="SH(t) * 2", uses=["t1"], symbols={}),
]
CASES = [
 dict(id="a", truth="holds (adv10 F9 recheck)", symbols={"t": "positive", "y": "real"}, uses=["t1"], tolerances={"t": "approx"}, show="SH(y) > y"),
 dict(id="b", truth="SQ(1) = SH(1)*2 = (1 + t)*2 with t = 1/10: 2.2; claim == 2.2 holds; capture would give (1+1)*2 = 4", symbols={"t": "positive"}, uses=["t2", "t1"], tolerances={"t": "approx"}, show="SQ(1) == 2.2"),
 dict(id="c", truth="literature t = 0.076: SQ(1) = 2.152", symbols={"t": "positive"}, uses=["t2", "t1"], references={"t": "kaplan2020.alpha_n"}, show="SQ(1) == 2.152"),
 dict(id="d", truth="pin t == 1/2: SQ(1) = 3", symbols={"t": "positive"}, uses=["t2", "t1"], assume=["t == 1/2"], show="SQ(1) == 3"),
]
