DEFS = [
 dict(id="dl1", name="Gl", params=["N"], body="N**(-a)", symbols={"a": "positive"}),
]
CASES = [
 dict(id="b", section="b", truth="holds: a = 0.076 shared with definition: Gl(2) = 2**-0.076 < 1",
      symbols={"a": "positive", "N": "positive"}, uses=["dl1"], references={"a": "kaplan2020.alpha_n"}, show="Gl(2) < 1"),
 dict(id="c", section="c", truth="fails: Gl(N) decreasing; N=1/2: 2**0.076 > 1",
      symbols={"a": "positive", "N": "positive"}, uses=["dl1"], references={"a": "kaplan2020.alpha_n"}, show="Gl(N) <= 1"),
 dict(id="d", section="d", truth="holds: N >= 1 => Gl(N) <= 1",
      symbols={"a": "positive", "N": "positive"}, uses=["dl1"], references={"a": "kaplan2020.alpha_n"}, assume=["N >= 1"], show="Gl(N) <= 1"),
 dict(id="e", section="e", truth="claim does not declare a; definition has it positive; reference 0.076: holds (2**-0.076<1)",
      symbols={"N": "positive"}, uses=["dl1"], references={"a": "kaplan2020.alpha_n"}, show="Gl(2) < 1"),
 dict(id="f", section="f", truth="range ref kaplan2020.b4.size_range [0.6, 2.2]: s*s >= 0.36 holds",
      symbols={"s": "positive"}, references={"s": "kaplan2020.b4.size_range"}, show="s*s >= 0.36"),
 dict(id="g", section="g", truth="range [0.6,2.2]: s < 2.2 : witness at end s=2.2 -> undecided (strict?)",
      symbols={"s": "positive"}, references={"s": "kaplan2020.b4.size_range"}, show="s < 2.2"),
 dict(id="h", section="h", truth="one-sided low 250 (strict >250): g > 250 : witness at 250 -> should be undecided",
      symbols={"g": "positive"}, references={"g": "hoffmann2022.s3_4.1t.gopher_multiple"}, show="g > 250"),
 dict(id="i", section="i", truth="one-sided low 250 strict: 2*g > 500 equivalent: witness at 250 -> must not be fails",
      symbols={"g": "positive"}, references={"g": "hoffmann2022.s3_4.1t.gopher_multiple"}, show="2*g > 500"),
 dict(id="j", section="j", truth="low 250 strict: g - 250 > 0 : same",
      symbols={"g": "positive"}, references={"g": "hoffmann2022.s3_4.1t.gopher_multiple"}, assume=["g < 251"], show="g*g > 62500"),
]
