CASES = [
 dict(id="a", section="a", truth="g > 250 strictly (note: strict lower bound '>250x'): g > p holds for every such g iff p <= 250; with closed end: p < 250",
      symbols={"g": "positive", "p": "real"}, references={"g": "hoffmann2022.s3_4.1t.gopher_multiple"}, free=["p"], show="g > p"),
 dict(id="b", section="b", truth="same, g >= p: closed end gives p <= 250 (right either way)",
      symbols={"g": "positive", "p": "real"}, references={"g": "hoffmann2022.s3_4.1t.gopher_multiple"}, free=["p"], show="g >= p"),
 dict(id="c", section="c", truth="s in [0.6, 2.2]: s < p iff p > 2.2 (closed) / p >= 2.2 (if strict)",
      symbols={"s": "positive", "p": "real"}, references={"s": "kaplan2020.b4.size_range"}, free=["p"], show="s < p"),
]
