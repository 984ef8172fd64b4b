CASES = [
 dict(id="a", symbols={"a":"real"}, show="a > 0.48", extra=['references = { a = "hoffmann2022.table2.approach1.a_interval" }'], truth="holds"),
 dict(id="b", symbols={"a":"real"}, show="a > 0.5", extra=['references = { a = "hoffmann2022.table2.approach1.a_interval" }'], truth="fails (a=0.49) or undecided"),
 dict(id="c", symbols={"a":"real"}, show="a == 0.076", extra=['references = { a = "kaplan2020.alpha_n" }'], truth="holds"),
 dict(id="d", symbols={"a":"real"}, show="a > 0", extra=['references = { a = "kaplan2020.paper" }'], truth="error (text reference)"),

 dict(id="f", symbols={"a":"positive"}, assume=["a == 1"], show="a > 0", extra=['references = { a = "kaplan2020.alpha_n" }'], truth="vacuous holds (a pinned to 1 and bound to 0.076) or error"),
 dict(id="g", symbols={"a":"natural"}, show="a >= 0", extra=['references = { a = "kaplan2020.alpha_n" }'], truth="a natural bound to 0.076: domain conflict -> vacuous or error, never plain holds"),
]
