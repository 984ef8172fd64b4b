CASES = [
 dict(id='a', truth='true: 1024.5', kind='equation', show_tex=r'1\,024.5 = 1024.5'),
 dict(id='d', truth='true', kind='equation', show_tex=r'\frac{1\,000}{10} = 100'),
 dict(id='e', truth='true', kind='equation', show_tex=r'2^{10} = 1\,024'),
 dict(id='f', truth='true: 1024^2 = 1048576', kind='equation', show_tex=r'1\,024^{2} = 1048576'),
 dict(id='g', truth='true', kind='equation', show_tex=r'-1\,000 < 0'),
 dict(id='i', truth='true: 1.5e3 = 1500', kind='equation', show_tex=r'1.5 \times 10^{3} = 1\,500'),
 dict(id='j', truth='true: 12345678', kind='equation', show_tex=r'12\,345\,678 = 12345678'),
 dict(id='l', truth='true: 2 times 1000 = 2000 (cdot)', kind='equation', show_tex=r'2 \cdot 1\,000 = 2\,000'),
 dict(id='m', truth='x*1000 with x=2: 2000; N >= 1000 => N > 999', symbols={'N':'real'}, assume_tex=[r'N \geq 1\,000.5'], show_tex=r'N > 1000'),
 dict(id='n', truth='true: 1e3? \mathrm{e}: 1\mathrm{e}3 ambiguous; 10^3', kind='equation', show_tex=r'1\,000 = 10^{3}'),
 dict(id='o', truth='true: 1 000 000 (two groups); \! negative thin space?', kind='equation', show_tex=r'1\!000 = 1000'),
 dict(id='p', truth='2 (1 024) : implicit product of 2 and 1024 = 2048 or refuse', kind='equation', show_tex=r'2(1\,024) = 2048'),
]
