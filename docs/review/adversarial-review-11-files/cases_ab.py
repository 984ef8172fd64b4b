def F(*axs):
    return "{ kind = 'function', arity = 1, missing = 'axioms only', axioms = [" + ", ".join("'" + a + "'" for a in axs) + "] }"
CASES = [
 dict(id='a', truth='holds: axiom bound L shadows; instance L = 2', symbols={'L': 'positive'}, references={'L': 'kaplan2020.alpha_n'}, show='f(2) <= 2 + 0*L', undefined={'f': F('forall L: f(L) <= L')}),
 dict(id='b', truth='holds: tolerance t shadowed by the bound t', symbols={'t': 'positive'}, tolerances={'t': 'approx'}, show='f(3) <= 3 + 0*t', undefined={'f': F('forall t: f(t) <= t')}),
 dict(id='c', truth='holds: bound u, free L = 0.076 in the same axiom: f(u) <= L*u => f(10) <= 0.76', symbols={'L': 'positive'}, references={'L': 'kaplan2020.alpha_n'}, show='f(10) <= 0.76', undefined={'f': F('forall u: f(u) <= L*u')}),
 dict(id='d', truth='fails: f(10) <= 0.75 not forced (f(u) = L*u: 0.76)', symbols={'L': 'positive'}, references={'L': 'kaplan2020.alpha_n'}, show='f(10) <= 0.75', undefined={'f': F('forall u: f(u) <= L*u')}),
]
