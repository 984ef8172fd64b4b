"""The allow-list LaTeX parser: the math a document writes, to terms, with nothing executed.

A closed tokenizer and a recursive-descent parser accept a fixed subset of
LaTeX math and reject everything else with a located ``ExpressionError``
(the column is the 1-based character position in the LaTeX text). No macro is
ever expanded: ``\\def``, ``\\newcommand`` and every command outside the
tables below are refused, so there is nothing to bomb.

Accepted (see docs/latex.md):

- numbers ``3``, ``0.1``, ``1e5`` (scientific notation with an unsigned exponent; ``1e-3`` written without
  spaces is refused: it is 1/1000 in code and 1*e - 3 in print), digit groups ``1\\,024`` (groups of exactly
  three digits after spacing are one number; two numbers separated only by spacing are refused);
  ``e`` and ``\\pi``; ``\\infty`` (as a limit point);
- names: a letter or a Greek command with an optional subscript (``N_c``,
  ``d_k``, ``\\alpha``, ``\\theta_{i,j}`` becomes ``theta_i_j``), and
  ``\\text{Name}``, ``\\mathrm{Name}``, ``\\operatorname{Name}``;
- ``+ -``, ``\\cdot``, ``\\times``, ``/``, implicit products (``a N``),
  ``\\frac{a}{b}``, powers ``x^2``, ``x^{-\\alpha}``, ``e^{x}`` (= ``exp(x)``),
  ``\\sqrt{x}``, ``|x|``, ``\\exp``, ``\\log``, ``\\ln``, ``\\max``, ``\\min``,
  ``\\lfloor x \\rfloor``, ``\\left( … \\right)``;
- ``\\frac{\\partial f}{\\partial x}``, ``\\frac{d}{dx} f``, ``\\lim_{x \\to a} f``
  (``a^+``/``a^-`` for one-sided limits);
- ``\\begin{cases} a & \\text{if } c \\\\ b & \\text{otherwise} \\end{cases}``;
- relations ``= < > \\le \\ge \\neq`` (chains become conjunctions), and
  ``\\approx``, which is never read as ``=``: ``a \\approx b`` becomes
  ``abs(a - b) <= tol*abs(b)`` with the tolerance symbol ``tol`` of the
  ``approx`` convention (it must be in scope);
- logic ``\\land \\lor \\neg \\Rightarrow \\Leftrightarrow`` (and their synonyms).

Two modes share the grammar. ``parse_latex(text, scope)`` resolves names
against a claim's ``Scope`` exactly like the claim-syntax parser. With
``guess=True`` (used by ``scan``) unknown names are classified by where they
stand (a call in a statement is a predicate, a call in arithmetic a function,
a bare ``\\text`` name in a statement a 0-ary predicate, anything else a
symbol) and every guess is returned, to be confirmed by the author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction

from ..errors import ExpressionError
from ..model.terms import _number_text
from ..model.terms import (FUNCTIONS, Add, And, Bool, Const, Diff, Func, Iff, Implies, Ite, Limit, Mul, Not, Num, Or, Pow,
                           Pred, Rel, Sym, Term, UFun, is_boolean, neg, num)
from .expr import MAX_DEPTH, MAX_LENGTH, MAX_NESTING, MAX_NODES, Scope, check_identifier

GREEK = ("alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
         "kappa", "lambda", "mu", "nu", "xi", "rho", "varrho", "sigma", "tau", "upsilon", "phi", "varphi", "chi",
         "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Sigma", "Upsilon", "Phi", "Psi", "Omega")
_GREEK_NAME = {g: g.removeprefix("var") for g in GREEK}

_RELATIONS = {"=": "==", "<": "<", ">": ">", r"\le": "<=", r"\leq": "<=", r"\leqslant": "<=", r"\ge": ">=",
              r"\geq": ">=", r"\geqslant": ">=", r"\neq": "!=", r"\ne": "!=", r"\approx": "approx"}
_AND = {r"\land", r"\wedge"}
_OR = {r"\lor", r"\vee"}
_NOT = {r"\neg", r"\lnot"}
_IMPLIES = {r"\Rightarrow", r"\implies", r"\Longrightarrow"}
_IFF = {r"\Leftrightarrow", r"\iff", r"\Longleftrightarrow"}
_TIMES = {r"\cdot", r"\times"}
_FUNCS = {r"\exp": "exp", r"\log": "log", r"\ln": "log", r"\max": "max", r"\min": "min"}
_SKIP = {r"\,", r"\;", r"\:", r"\!", r"\ ", r"\quad", r"\qquad", r"\displaystyle", r"\textstyle", "~"}
_NAME_COMMANDS = {r"\text", r"\mathrm", r"\operatorname", r"\mathit", r"\textrm", r"\mathbf"}
_FRACS = {r"\frac", r"\dfrac", r"\tfrac"}
#: Tolerance symbol that ``\approx`` is read with (convention ``approx``).
APPROX_TOLERANCE = "tol"

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<command>\\[A-Za-z]+|\\[,;:!\ {}|\\])
  | (?P<number>\d+(?:\.\d+)?(?:[eE]\d+)?)
  | (?P<letter>[A-Za-z])
  | (?P<op><=|>=|!=|[-+*/^_()\[\]{}|=<>,&'!.])
""", re.VERBOSE)


@dataclass(frozen=True, slots=True)
class Token:
    kind: str   # "command" | "number" | "letter" | "op" | "text" | "end"
    value: str
    column: int  # 1-based
    width: int = 0  # characters of the text it spans, when not len(value) (a joined digit group)


@dataclass
class Guesses:
    """What ``guess=True`` decided about names the scope did not know, for the author to confirm."""

    symbols: set[str] = field(default_factory=set)
    predicates: dict[str, int] = field(default_factory=dict)
    functions: dict[str, int] = field(default_factory=dict)
    entities: set[str] = field(default_factory=set)
    conventions: set[str] = field(default_factory=set)
    #: ASCII name chosen for a ``\\text{…}`` name that is not an identifier -> the text as written.
    renamed: dict[str, str] = field(default_factory=dict)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens; ``\\text{…}`` arguments become one ``text`` token."""
    out: list[Token] = []
    i = 0
    while i < len(text):
        m = _TOKEN.match(text, i)
        if m is None:
            raise ExpressionError(f"character {text[i]!r} outside \\text{{}}", column=i + 1,
                                  hint="only ASCII math is parsed; put words inside \\text{...}")
        kind = m.lastgroup or ""
        value = m.group()
        if kind == "space":
            i = m.end()
            continue
        if kind == "number" and "e" in value.lower() and len(value.lower().split("e")[1]) > 3:
            raise ExpressionError(f"number {value[:40]} has an exponent of more than three digits", column=i + 1,
                                  hint="write such a number as 10^{...}, which is kept symbolic")
        if kind == "command" and value in (r"\def", r"\newcommand", r"\renewcommand", r"\let", r"\input",
                                           r"\include", r"\catcode", r"\csname", r"\expandafter"):
            raise ExpressionError(f"macro command {value}", column=i + 1,
                                  hint="macros are never expanded; write the formula out")
        if kind == "command" and value in _NAME_COMMANDS:
            j = m.end()
            while j < len(text) and text[j] == " ":
                j += 1
            if j >= len(text) or text[j] != "{":
                raise ExpressionError(f"{value} without a braced argument", column=i + 1, hint=f"write {value}{{Name}}")
            depth, k = 0, j
            while k < len(text):
                if text[k] == "{":
                    depth += 1
                elif text[k] == "}":
                    depth -= 1
                    if depth == 0:
                        break
                k += 1
            if depth != 0:
                raise ExpressionError(f"unclosed {value}{{", column=j + 1, hint="close the brace")
            # ``\_`` is how an underscore is written inside \text (a bare ``_`` is a LaTeX error there)
            out.append(Token("text", text[j + 1:k].replace("\\_", "_"), i + 1))
            i = k + 1
            continue
        out.append(Token(kind, value, i + 1))
        i = m.end()
    out.append(Token("end", "", len(text) + 1))
    return _digit_groups(out)


#: Spacing between the digit groups of one number (SI / ISO 80000-1: ``1\\,024``).
_GROUP_SPACES = frozenset({r"\,", r"\;", r"\:", r"\!", r"\ "})
_INTEGER = re.compile(r"\d+")
_GROUP = re.compile(r"\d{3}(?:\.\d+)?")


def _end(tok: Token) -> int:
    """The 1-based column just after a number, letter, op or command token."""
    return tok.column + (tok.width or len(tok.value))


def _spacing_then_number(tokens: list[Token], i: int) -> tuple[int, bool] | None:
    """After the number ``tokens[i]``: the index of a number that follows it with only spacing between (and
    whether a ``{,}`` is among the spacing), or None when something else (or nothing) stands between."""
    j, comma, spaced = i + 1, False, tokens[i + 1].column > _end(tokens[i])
    while True:
        t = tokens[j]
        if t.kind == "command" and t.value in _GROUP_SPACES:
            spaced, j = True, j + 1
        elif (t.kind == "op" and t.value == "{" and tokens[j + 1].value == "," and tokens[j + 1].kind == "op"
              and tokens[j + 2].kind == "op" and tokens[j + 2].value == "}"):
            spaced, comma, j = True, True, j + 3
        elif t.kind == "number" and spaced:
            return j, comma
        else:
            return None
        if tokens[j].column > _end(tokens[j - 1]):
            spaced = True


def _digit_groups(tokens: list[Token]) -> list[Token]:
    """Join digit groups into one number and refuse what print does not read as a product.

    ``1\\,024`` (also ``\\ ``, ``\\;``, ``\\:``, ``\\!``) is the number 1024 when the first group has one to
    three digits and every later group exactly three (the last may carry a decimal part): two numeric literals
    in a row are never a product in print (adv13 F4: it was 1*24). Any other pair of numbers separated only by
    spacing (``2 3``, ``12\\,34``), and ``{,}`` between digits (a thousands separator or a decimal comma), is a
    located error. So is ``1e-3`` written without spaces: 1/1000 to a programmer, 1*e - 3 as a formula.
    """
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.kind != "number":
            out.append(t)
            i += 1
            continue
        e, sign, digits = (tokens[i + 1:i + 4] + [t, t])[:3]
        if (e.kind == "letter" and e.value in "eE" and e.column == _end(t) and sign.kind == "op"
                and sign.value in "+-" and sign.column == _end(e) and digits.kind == "number"
                and digits.column == _end(sign)):
            exponent = ("-" if sign.value == "-" else "") + digits.value
            raise ExpressionError(f"{t.value}{e.value}{sign.value}{digits.value}: scientific notation with a signed "
                                  "exponent, or a product with Euler's number", column=t.column,
                                  hint=f"write {t.value} \\cdot 10^{{{exponent}}} for the number, or "
                                  f"{t.value} {e.value} {sign.value} {digits.value} with spaces for the formula")
        value = t.value
        while (found := _spacing_then_number(tokens, i)) is not None:
            i, comma = found
            group = tokens[i].value
            if comma:
                raise ExpressionError(f"{{,}} between the digits {value} and {group}", column=t.column,
                                      hint="{,} is a thousands separator or a decimal comma; write the number "
                                      "without it (1000 or 1.5)")
            leading = value == t.value and len(value) <= 3
            if not (_INTEGER.fullmatch(value) and (leading or value != t.value) and _GROUP.fullmatch(group)):
                raise ExpressionError(f"two numbers {value} and {group} separated only by spacing", column=t.column,
                                      hint="digit groups are 1 to 3 digits, then groups of exactly 3 "
                                      r"(1\,024); for a product write \cdot")
            value += group
        out.append(t if value == t.value else Token("number", value, t.column, _end(tokens[i]) - t.column))
        i += 1
    return out


# ---------------------------------------------------------------------------------------------------------
# The parser builds a small located syntax tree first; names are resolved afterwards, so one grammar serves
# both the strict mode (a claim's scope) and the guessing mode (scan).
# ---------------------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Node:
    op: str
    args: tuple
    column: int


#: Scale suffixes a document writes after a number ("100B", "1T"), read in lenient mode only.
SCALE_SUFFIXES = {"K": 10 ** 3, "M": 10 ** 6, "B": 10 ** 9, "T": 10 ** 12}
#: Unit words after a number that carry no arithmetic ("1T \text{ tokens}"), skipped in lenient mode.
UNIT_WORDS = frozenset({"tokens", "token", "parameters", "params", "FLOPs", "FLOP", "参数", "个参数"})


class _Parser:
    def __init__(self, text: str, lenient: bool = False):
        self.lenient = lenient
        self.text = text
        self.tokens = [t for t in tokenize(text) if not (t.kind == "command" and t.value in _SKIP)
                       and not (t.kind == "op" and t.value == "~")]
        self.pos = 0
        self.nodes = 0

    # -- token helpers --------------------------------------------------------------------------------------
    @property
    def tok(self) -> Token:
        return self.tokens[self.pos]

    def at(self, *values: str) -> bool:
        return self.tok.kind in ("op", "command") and self.tok.value in values

    def take(self) -> Token:
        t = self.tok
        self.pos += 1
        return t

    def expect(self, value: str, hint: str = "") -> Token:
        if not self.at(value):
            raise self.error(f"expected {value!r}, found {self.describe()}", hint)
        return self.take()

    def describe(self) -> str:
        t = self.tok
        return "the end of the formula" if t.kind == "end" else repr(t.value if t.kind != "text" else f"\\text{{{t.value}}}")

    def error(self, found: str, hint: str = "", column: int | None = None) -> ExpressionError:
        return ExpressionError(found, column=column or self.tok.column, hint=hint)

    def node(self, op: str, args: tuple, column: int) -> Node:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.error(f"formula with more than {MAX_NODES} nodes", "split it into definitions")
        return Node(op, args, column)

    # -- grammar --------------------------------------------------------------------------------------------
    def parse(self) -> Node:
        if not self.text.strip():
            raise ExpressionError("empty formula", hint="write a formula")
        tree = self.iff(0)
        if self.tok.kind != "end":
            raise self.error(f"unexpected {self.describe()}", "the formula should end here")
        return tree

    def deeper(self, depth: int) -> int:
        if depth > MAX_DEPTH:
            raise self.error(f"formula nested more than {MAX_DEPTH} levels deep", "split it into definitions")
        return depth + 1

    def iff(self, d: int) -> Node:
        left = self.implies(self.deeper(d))
        while self.at(*_IFF):
            col = self.take().column
            left = self.node("iff", (left, self.implies(d + 1)), col)
        return left

    def implies(self, d: int) -> Node:
        left = self.disj(self.deeper(d))
        if self.at(*_IMPLIES):
            col = self.take().column
            return self.node("implies", (left, self.implies(d + 1)), col)
        return left

    def disj(self, d: int) -> Node:
        parts = [self.conj(self.deeper(d))]
        col = self.tok.column
        while self.at(*_OR):
            self.take()
            parts.append(self.conj(d + 1))
        return parts[0] if len(parts) == 1 else self.node("or", tuple(parts), col)

    def conj(self, d: int) -> Node:
        parts = [self.negation(self.deeper(d))]
        col = self.tok.column
        while self.at(*_AND):
            self.take()
            parts.append(self.negation(d + 1))
        return parts[0] if len(parts) == 1 else self.node("and", tuple(parts), col)

    def negation(self, d: int) -> Node:
        if self.at(*_NOT):
            col = self.take().column
            return self.node("not", (self.negation(self.deeper(d)),), col)
        return self.relation(self.deeper(d))

    def relation(self, d: int) -> Node:
        first = self.sum(self.deeper(d))
        parts: list[Node] = []
        left = first
        while self.at(*_RELATIONS):
            tok = self.take()
            right = self.sum(d + 1)
            parts.append(self.node("rel", (_RELATIONS[tok.value], left, right), tok.column))
            left = right
        if self.lenient and self.at(r"\gg", r"\ll"):
            tok = self.take()
            right = self.sum(d + 1)
            name = "much_greater" if tok.value == r"\gg" else "much_less"
            parts.append(self.node("vague", (name, left, right), tok.column))
        if self.lenient and self.tok.kind == "text" and (self.tokens[self.pos + 1].kind == "end"
                                                         or self.tokens[self.pos + 1].value in ("}", ")")):
            # "H(Attention) \text{ 显著下降}": words after a value state something about it.
            tok = self.take()
            parts.append(self.node("textpred", (tok.value.strip(), left), tok.column))
        if self.at(r"\gg", r"\ll", r"\sim", r"\propto", r"\models", r"\to", r"\rightarrow", r"\leftarrow",
                   r"\mapsto", r"\in", r"\subset", r"\subseteq"):
            raise self.error(f"relation {self.tok.value} has no formal reading", "see docs/latex.md for the relations "
                             "that are read, and docs/conventions.md for vague ones")
        if not parts:
            return first
        return parts[0] if len(parts) == 1 else self.node("and", tuple(parts), parts[0].column)

    def sum(self, d: int) -> Node:
        # A leading minus belongs to the first factor, as in print: -a b is (-a) b and -x^2 is -(x^2).
        left = self.product(self.deeper(d))
        while self.at("+", "-"):
            tok = self.take()
            right = self.product(d + 1)
            left = self.node("add" if tok.value == "+" else "sub", (left, right), tok.column)
        return left

    def starts_factor(self) -> bool:
        t = self.tok
        if t.kind == "text" and self.lenient and self.tokens[self.pos + 1].value in ("", "}", ")"):
            return False  # trailing words: a predicate of the value before them (see relation)
        if t.kind in ("number", "letter", "text"):
            return True
        if t.kind == "op":
            return t.value in ("(", "{")
        if t.kind == "command":
            return (t.value[1:] in GREEK or t.value in _FRACS or t.value in _FUNCS
                    or t.value in (r"\sqrt", r"\left", r"\pi", r"\infty", r"\lfloor", r"\lim", r"\begin", r"\partial")
                    or (self.lenient and t.value in (r"\nabla", r"\sum", r"\prod")))
        return False

    def product(self, d: int) -> Node:
        left = self.unary(self.deeper(d))
        while True:
            if self.at(*_TIMES) or self.at("*", "/"):
                tok = self.take()
                right = self.unary(d + 1)
                left = self.node("div" if tok.value == "/" else "mul", (left, right), tok.column)
            elif self.starts_factor():
                col = self.tok.column
                left = self.node("mul", (left, self.power(d + 1)), col)
            else:
                return left

    def unary(self, d: int) -> Node:
        if self.at("-"):
            col = self.take().column
            return self.node("neg", (self.unary(self.deeper(d)),), col)
        return self.power(self.deeper(d))

    def power(self, d: int) -> Node:
        base = self.atom(self.deeper(d))
        if self.at("^") and not self.one_sided_mark():
            col = self.take().column
            exponent = self.script(d + 1)
            if base.op == "const" and base.args[0] == "e":
                return self.node("call", ("exp", (exponent,)), base.column)
            return self.node("pow", (base, exponent), col)
        return base

    def one_sided_mark(self) -> bool:
        """``^+``/``^-`` (or ``^{+}``) closing a limit's subscript: the side of the limit, not a power."""
        ahead = [t.value for t in self.tokens[self.pos + 1:self.pos + 4]]
        return (len(ahead) >= 2 and ahead[0] in "+-" and ahead[1] == "}") or \
            (len(ahead) >= 3 and ahead[0] == "{" and ahead[1] in "+-" and ahead[2] == "}")

    def script(self, d: int) -> Node:
        """A super- or subscript: a braced formula or a single token."""
        if self.at("{"):
            self.take()
            inner = self.iff(self.deeper(d))
            self.expect("}", "close the brace")
            return inner
        t = self.tok
        if t.kind == "number":
            self.take()
            if len(t.value) > 1 and "." not in t.value:
                # x^23 is x^2 followed by 3 in LaTeX; refuse rather than guess.
                raise self.error(f"unbraced multi-digit exponent {t.value}", "write x^{23}", t.column)
            return self.node("num", (t.value,), t.column)
        if t.kind == "letter" or (t.kind == "command" and t.value[1:] in GREEK):
            self.take()
            return self.node("name", (_GREEK_NAME.get(t.value[1:], t.value) if t.kind == "command" else t.value,
                                      True), t.column)
        if self.at("-"):
            col = self.take().column
            return self.node("neg", (self.script(d + 1),), col)
        raise self.error(f"unexpected {self.describe()} in a script", "brace it: ^{...}")

    def braced(self, d: int) -> Node:
        self.expect("{", "a braced argument is expected here")
        inner = self.iff(self.deeper(d))
        self.expect("}", "close the brace")
        return inner

    def subscript_text(self) -> str:
        """The text of a subscript, flattened to identifier characters (``{i,j}`` -> ``i_j``)."""
        t = self.tok
        if t.kind in ("letter", "number"):
            self.take()
            return t.value
        if t.kind == "command" and t.value[1:] in GREEK:
            self.take()
            return _GREEK_NAME[t.value[1:]]
        if t.kind == "text":
            self.take()
            return t.value.strip()
        if self.at("{"):
            self.take()
            parts: list[str] = []
            while not self.at("}"):
                if self.tok.kind == "end":
                    raise self.error("unclosed subscript", "close the brace")
                if self.at(","):
                    self.take()
                    continue
                parts.append(self.subscript_text())
            self.take()
            return "_".join(parts)
        raise self.error(f"unexpected {self.describe()} in a subscript", "write N_c or N_{c}")

    def named(self, name: str, column: int, from_text: bool) -> Node:
        if self.at("_"):
            self.take()
            sub = self.subscript_text()
            name = f"{name}_{sub}"
        while self.at("'"):
            self.take()
            name += "_prime"
        return self.node("name", (name, from_text), column)

    def arguments(self, d: int) -> tuple[Node, ...]:
        """``(a, b, ...)`` after a function name (also ``\\left( ... \\right)``)."""
        left = self.at(r"\left")
        if left:
            self.take()
        self.expect("(", "arguments go in parentheses")
        args = [self.iff(self.deeper(d))]
        while self.at(","):
            self.take()
            args.append(self.iff(d + 1))
        if left:
            self.expect(r"\right", r"close \left( with \right)")
        self.expect(")", "close the parenthesis")
        return tuple(args)

    def call_follows(self) -> bool:
        """A ``(`` (or ``\\left(``) directly after a name, with no space: a call, not a product."""
        t = self.tok
        prev = self.tokens[self.pos - 1]
        end_prev = prev.column + (len(prev.value) + (len(r"\text{}") if prev.kind == "text" else 0))
        if t.kind == "op" and t.value == "(":
            return t.column == end_prev or prev.kind == "text" or prev.kind == "command"
        if t.kind == "command" and t.value == r"\left":
            nxt = self.tokens[self.pos + 1]
            return nxt.kind == "op" and nxt.value == "("
        return False

    def atom(self, d: int) -> Node:
        t = self.tok
        col = t.column
        if t.kind == "number":
            self.take()
            nxt = self.tok
            # "175B", and "175\text{B}" as documents also write it (adv13 F7: B became a symbol there)
            suffix = nxt.value.strip() if nxt.kind == "text" else nxt.value if nxt.kind == "letter" else ""
            if (self.lenient and suffix in SCALE_SUFFIXES
                    and nxt.column == _end(t) and self.tokens[self.pos + 1].value != "_"):
                self.take()
                value = str(Fraction(t.value) * SCALE_SUFFIXES[suffix])
                while self.lenient and self.tok.kind == "text" and self.tok.value.strip() in UNIT_WORDS:
                    self.take()
                return self.node("num", (value,), col)
            while self.lenient and self.tok.kind == "text" and self.tok.value.strip() in UNIT_WORDS:
                self.take()
            return self.node("num", (t.value,), col)
        if t.kind == "letter":
            self.take()
            if t.value == "e" and not self.at("_"):
                return self.node("const", ("e",), col)
            n = self.named(t.value, col, False)
            return self.maybe_call(n, d)
        if t.kind == "text":
            self.take()
            n = self.named(t.value.strip(), col, True)
            return self.maybe_call(n, d)
        if t.kind == "op" and t.value == "(":
            self.take()
            inner = self.iff(self.deeper(d))
            self.expect(")", "close the parenthesis")
            return self.node("group", (inner,), col)
        if t.kind == "op" and t.value == "{":
            return self.node("group", (self.braced(d),), col)
        if t.kind == "op" and t.value == "|":
            self.take()
            inner = self.sum(self.deeper(d))
            self.expect("|", "close |x| with |")
            return self.node("call", ("abs", (inner,)), col)
        if t.kind != "command":
            raise self.error(f"unexpected {self.describe()}", "a number, a name or a bracket is expected here")
        v = t.value
        if v[1:] in GREEK:
            self.take()
            n = self.named(_GREEK_NAME[v[1:]], col, False)
            return self.maybe_call(n, d)
        if v == r"\pi":
            self.take()
            return self.node("const", ("pi",), col)
        if v == r"\infty":
            self.take()
            return self.node("const", ("oo",), col)
        if v == r"\left":
            self.take()
            if self.at("("):
                self.take()
                inner = self.iff(self.deeper(d))
                self.expect(r"\right", r"close \left( with \right)")
                self.expect(")", "close the parenthesis")
                return self.node("group", (inner,), col)
            if self.at("|"):
                self.take()
                inner = self.sum(self.deeper(d))
                self.expect(r"\right", r"close \left| with \right|")
                self.expect("|", "close the bar")
                return self.node("call", ("abs", (inner,)), col)
            raise self.error(rf"\left followed by {self.describe()}", r"use \left( or \left|")
        if v in _FRACS:
            self.take()
            return self.fraction(col, d)
        if v == r"\sqrt":
            self.take()
            if self.at("["):
                raise self.error(r"\sqrt[n]{...}", "write the root as a power: x^{1/n}")
            return self.node("call", ("sqrt", (self.braced(d),)), col)
        if v in _FUNCS:
            self.take()
            name = _FUNCS[v]
            if self.at("(") or (self.at(r"\left") and self.tokens[self.pos + 1].value == "("):
                args = self.arguments(d)
            else:
                args = (self.power(self.deeper(d)),)
            return self.node("call", (name, args), col)
        if v == r"\lfloor":
            self.take()
            inner = self.sum(self.deeper(d))
            self.expect(r"\rfloor", r"close \lfloor with \rfloor")
            return self.node("call", ("floor", (inner,)), col)
        if v == r"\lim":
            self.take()
            return self.limit(col, d)
        if self.lenient and v == r"\nabla" and self.tokens[self.pos + 1].value == "_":
            # \nabla_\theta L: the gradient, read as the partial derivative in the one-parameter reading.
            self.take()
            self.take()
            var = self.subscript_text()
            return self.node("diff", (self.power(self.deeper(d)), var), col)
        if self.lenient and v in (r"\sum", r"\prod") and self.tokens[self.pos + 1].value == "_":
            # \sum_{i} \text{Component}_i: the family has no index in the term language; the sum stays one
            # opaque quantity named after its terms, to be confirmed.
            self.take()
            self.take()
            self.subscript_text()
            term = self.atom(self.deeper(d))
            if term.op != "name":
                raise self.error(f"{v} over a compound term", "only a sum or product of one indexed name is read", col)
            base = term.args[0].rsplit("_", 1)[0]
            return self.node("name", (f"{v[1:]}_{base}", False), col)
        if v == r"\begin":
            self.take()
            return self.cases(col, d)
        raise self.error(f"command {v} is not part of the parsed LaTeX subset",
                         "see docs/latex.md for what is read")

    def maybe_call(self, name: Node, d: int) -> Node:
        if self.call_follows():
            save = self.pos
            args = self.arguments(d)
            if self.lenient and not name.args[1] and len(args) == 1 and _unwrap(args[0]).op in ("add", "sub"):
                # a(T - T_c), \beta(\delta + 1): a letter before a bracketed sum is a product in print.
                self.pos = save
                return name
            return self.node("apply", (name.args[0], name.args[1], args), name.column)
        return name

    def fraction(self, col: int, d: int) -> Node:
        # \frac{\partial f}{\partial x}, \frac{d f}{d x} and the operator forms \frac{d}{dx} f.
        save = self.pos
        derivative = self.derivative(col, d)
        if derivative is not None:
            return derivative
        self.pos = save
        numer = self.braced(d)
        denom = self.braced(d)
        return self.node("div", (numer, denom), col)

    def derivative(self, col: int, d: int) -> Node | None:
        if not self.at("{"):
            return None
        self.take()
        marker = self.tok
        if not ((marker.kind == "command" and marker.value == r"\partial") or
                (marker.kind == "letter" and marker.value == "d")):
            return None
        self.take()
        body: Node | None = None
        if not self.at("}"):
            try:
                body = self.iff(self.deeper(d))
            except ExpressionError:
                return None
        if not self.at("}"):
            return None
        self.take()
        if not self.at("{"):
            return None
        self.take()
        m2 = self.tok
        if not ((m2.kind == "command" and m2.value == marker.value) or (m2.kind == "letter" and m2.value == marker.value)):
            return None
        self.take()
        var = self.tok
        if not (var.kind == "letter" or (var.kind == "command" and var.value[1:] in GREEK)):
            return None
        self.take()
        vname = _GREEK_NAME.get(var.value[1:], var.value) if var.kind == "command" else var.value
        if self.at("_"):
            self.take()
            vname = f"{vname}_{self.subscript_text()}"
        if not self.at("}"):
            return None
        self.take()
        if body is None:
            body = self.power(self.deeper(d))
        return self.node("diff", (body, vname), col)

    def limit(self, col: int, d: int) -> Node:
        self.expect("_", r"write \lim_{x \to a}")
        self.expect("{", r"write \lim_{x \to a}")
        var = self.tok
        if not (var.kind == "letter" or (var.kind == "command" and var.value[1:] in GREEK)):
            raise self.error(f"limit variable {self.describe()}", "the variable is a single name")
        self.take()
        vname = _GREEK_NAME.get(var.value[1:], var.value) if var.kind == "command" else var.value
        if self.at("_"):
            self.take()
            vname = f"{vname}_{self.subscript_text()}"
        if not self.at(r"\to", r"\rightarrow"):
            raise self.error(f"expected \\to, found {self.describe()}", r"write \lim_{x \to a}")
        self.take()
        point = self.sum(self.deeper(d))
        side = ""
        if self.at("^"):
            self.take()
            if self.at("+", "-"):
                side = self.take().value
            elif self.at("{"):
                self.take()
                if not self.at("+", "-"):
                    raise self.error("a one-sided limit is written a^+ or a^-")
                side = self.take().value
                self.expect("}")
        self.expect("}", "close the subscript of \\lim")
        body = self.product(self.deeper(d))
        return self.node("limit", (body, vname, point, side), col)

    def cases(self, col: int, d: int) -> Node:
        self.expect("{")
        env = self.tok
        if not (env.kind == "letter" and env.value == "c"):
            # environments are single words: read it letter by letter
            pass
        word = ""
        while self.tok.kind == "letter":
            word += self.take().value
        if word != "cases":
            raise self.error(f"environment {word or self.describe()!s}", r"only \begin{cases} is read", col)
        self.expect("}")
        rows: list[tuple[Node, Node | None]] = []
        while True:
            if self.lenient and self.at(r"\approx"):
                # "\approx 0 & \text{if } N < N_c": an approximate value, read by the conventions file.
                acol = self.take().column
                value = self.node("approxvalue", (self.sum(self.deeper(d)),), acol)
            else:
                value = self.sum(self.deeper(d))
            self.expect("&", "a cases row is 'value & \\text{if } condition'")
            cond: Node | None = None
            if self.tok.kind == "text" and self.tok.value.strip() in ("otherwise", "else", "否则", "其他"):
                self.take()
            else:
                if self.tok.kind == "text" and self.tok.value.strip() in ("if", "如果", "当", "if:"):
                    self.take()
                cond = self.iff(self.deeper(d))
            rows.append((value, cond))
            if self.at("\\\\"):
                self.take()
                if self.at(r"\end"):
                    break
                continue
            break
        self.expect(r"\end", r"close with \end{cases}")
        self.expect("{")
        word = ""
        while self.tok.kind == "letter":
            word += self.take().value
        if word != "cases":
            raise self.error(r"\begin{cases} closed by another environment")
        self.expect("}")
        if rows[-1][1] is not None and len(rows) < 2:
            raise self.error("a cases formula needs a second row or 'otherwise'", column=col)
        return self.node("cases", tuple(rows), col)


# ---------------------------------------------------------------------------------------------------------
# Name resolution and term building
# ---------------------------------------------------------------------------------------------------------

class _Builder:
    def __init__(self, scope: Scope, guesses: Guesses | None):
        self.scope, self.guesses = scope, guesses

    def fail(self, node: Node, found: str, hint: str = "") -> ExpressionError:
        return ExpressionError(found, column=node.column, hint=hint)

    def ascii_name(self, node: Node, name: str, from_text: bool) -> str:
        if check_identifier(name):
            return name
        if self.guesses is None:
            raise self.fail(node, f"name {name!r:.40} is not an identifier",
                            "names are ASCII letters, digits and _; declare the symbol under an ASCII name")
        for known, text in self.guesses.renamed.items():
            if text == name:
                return known
        alias = f"T{len(self.guesses.renamed) + 1}"
        self.guesses.renamed[alias] = name
        return alias

    def real(self, node: Node) -> Term:
        t = self.build(node, want_bool=False)
        if is_boolean(t):
            raise self.fail(node, "a statement used where a number is expected")
        return t

    def boolean(self, node: Node) -> Term:
        t = self.build(node, want_bool=True)
        if not is_boolean(t):
            raise self.fail(node, "a number used where a statement is expected", "compare it, e.g. x > 0")
        return t

    def build(self, n: Node, want_bool: bool) -> Term:
        op, a = n.op, n.args
        match op:
            case "group":
                return self.build(a[0], want_bool)
            case "num":
                return num(Fraction(a[0]))
            case "const":
                return Const(a[0])
            case "name":
                return self.name(n, a[0], a[1], want_bool)
            case "apply":
                return self.apply(n, a[0], a[1], a[2], want_bool)
            case "call":
                name, args = a
                if len(args) != FUNCTIONS[name]:
                    raise self.fail(n, f"{name} takes {FUNCTIONS[name]} argument(s), found {len(args)}")
                return Func(name, tuple(self.real(x) for x in args))
            case "neg":
                inner = self.real(a[0])
                return Num(-inner.value) if isinstance(inner, Num) else neg(inner)
            case "add":
                return Add((self.real(a[0]), self.real(a[1])))
            case "sub":
                return Add((self.real(a[0]), neg(self.real(a[1]))))
            case "mul":
                return Mul((self.real(a[0]), self.real(a[1])))
            case "div":
                left, right = self.real(a[0]), self.real(a[1])
                if right == num(0):
                    raise self.fail(n, "division by zero")
                if _integer_literal(a[0]) and _integer_literal(a[1]):
                    # \frac{1}{3} is one exact number, as the claim syntax reads 1/3.
                    return Num(left.value / right.value)
                return Mul((left, Pow(right, num(-1))))
            case "pow":
                return Pow(self.real(a[0]), self.real(a[1]))
            case "rel":
                rel, l, r = a
                if rel == "==" and _unwrap(r).op == "cases" and any(
                        v.op == "approxvalue" for v, _ in _unwrap(r).args):
                    return self.approx_cases(self.real(l), _unwrap(r))
                lhs, rhs = self.build(l, False), self.build(r, False)
                if is_boolean(lhs) or is_boolean(rhs):
                    if rel in ("==", "!=") and is_boolean(lhs) and is_boolean(rhs):
                        return Iff(lhs, rhs) if rel == "==" else Not(Iff(lhs, rhs))
                    raise self.fail(n, "a comparison mixes statements and numbers")
                if rel == "approx":
                    return self.approx(n, lhs, rhs)
                return Rel(rel, lhs, rhs)
            case "vague":
                name, l, r = a
                if self.guesses is not None:
                    self.guesses.predicates[name] = 2
                return Pred(name, (self.real(l), self.real(r)))
            case "textpred":
                words, value = a
                alias = self.ascii_name(n, words, True)
                if self.guesses is not None:
                    self.guesses.predicates[alias] = 1
                return Pred(alias, (self.real(value),))
            case "and":
                return And(tuple(self.boolean(x) for x in a))
            case "or":
                return Or(tuple(self.boolean(x) for x in a))
            case "not":
                return Not(self.boolean(a[0]))
            case "implies":
                return Implies(self.boolean(a[0]), self.boolean(a[1]))
            case "iff":
                return Iff(self.boolean(a[0]), self.boolean(a[1]))
            case "diff":
                body, var = a
                return Diff(self.real(body), self.variable(n, var), 1)
            case "limit":
                body, var, point, side = a
                return Limit(self.real(body), self.variable(n, var), self.real(point), side)
            case "cases":
                return self.cases(n)
        raise self.fail(n, f"construct {op}")  # pragma: no cover - the parser builds only the ops above

    def variable(self, n: Node, name: str) -> Sym:
        if name in self.scope.symbols:
            return Sym(name)
        if self.guesses is not None:
            self.guesses.symbols.add(name)
            return Sym(name)
        raise self.fail(n, f"unknown variable {name!r}", "declare it under [symbols]")

    def approx(self, n: Node, lhs: Term, rhs: Term) -> Term:
        tol = APPROX_TOLERANCE
        if tol not in self.scope.symbols:
            if self.guesses is None:
                raise self.fail(n, r"\approx needs a tolerance",
                                f"bind one: tolerances = {{ {tol} = \"approx\" }} (convention approx)")
            self.guesses.symbols.add(tol)
        if self.guesses is not None:
            self.guesses.conventions.add("approx")
        return Rel("<=", Func("abs", (Add((lhs, neg(rhs))),)), Mul((Sym(tol), Func("abs", (rhs,)))))

    def approx_cases(self, lhs: Term, n: Node) -> Term:
        """``P = cases(≈ 0 if c1, ≈ 1 if c2)``: each row is an implication ``c_i => P ≈ v_i`` by the conventions
        ``approx-zero`` (P <= 0.05), ``approx-one`` (P >= 0.95) and ``approx`` (any other value)."""
        parts: list[Term] = []
        for value, cond in n.args:
            if cond is None:
                raise self.fail(n, "an approximate cases row without a condition")
            if value.op == "approxvalue":
                v = self.real(value.args[0])
                if v == num(0):
                    self.note_convention("approx-zero")
                    row: Term = Rel("<=", lhs, num(Fraction(1, 20)))
                elif v == num(1):
                    self.note_convention("approx-one")
                    row = Rel(">=", lhs, num(Fraction(19, 20)))
                else:
                    row = self.approx(value, lhs, v)
            else:
                row = Rel("==", lhs, self.real(value))
            parts.append(Implies(self.boolean(cond), row))
        return And(tuple(parts))

    def note_convention(self, name: str) -> None:
        if self.guesses is not None:
            self.guesses.conventions.add(name)

    def cases(self, n: Node) -> Term:
        rows = list(n.args)
        value, cond = rows[-1]
        if cond is None:
            out = self.real(value)
        else:
            raise self.fail(n, "the last row of cases has a condition",
                            "end with 'value & \\text{otherwise}' so the formula is defined everywhere")
        for value, cond in reversed(rows[:-1]):
            if cond is None:
                raise self.fail(n, "'otherwise' before the last row")
            out = Ite(self.boolean(cond), self.real(value), out)
        return out

    def name(self, n: Node, raw: str, from_text: bool, want_bool: bool) -> Term:
        s = self.scope
        name = self.ascii_name(n, raw, from_text)
        if name in s.symbols:
            return Sym(name)
        if name in s.bool_symbols:
            return Pred(name, ())
        if name in s.definitions:
            arity, boolean = s.definitions[name]
            if arity == 0:
                return Pred(name, ()) if boolean else UFun(name, ())
            raise self.fail(n, f"definition {name!r} used without its {arity} argument(s)")
        if s.predicates.get(name) == 0:
            return Pred(name, ())
        if s.functions.get(name) == 0:
            return UFun(name, ())
        if self.guesses is None:
            raise self.fail(n, f"unknown name {name!r}", "declare it under [symbols] or as a definition")
        if want_bool and from_text:
            self.guesses.predicates[name] = 0
            return Pred(name, ())
        self.guesses.symbols.add(name)
        return Sym(name)

    def apply(self, n: Node, raw: str, from_text: bool, args: tuple[Node, ...], want_bool: bool) -> Term:
        s = self.scope
        name = self.ascii_name(n, raw, from_text)
        if name in s.definitions:
            arity, boolean = s.definitions[name]
            if arity != len(args):
                raise self.fail(n, f"{name} takes {arity} argument(s), found {len(args)}")
            built = tuple(self.real(x) for x in args)
            return Pred(name, built) if boolean else UFun(name, built)
        if name in s.predicates or name in s.functions:
            arity = s.predicates.get(name, s.functions.get(name))
            if arity != len(args):
                raise self.fail(n, f"{name} takes {arity} argument(s), found {len(args)}")
            built = tuple(self.argument(x) for x in args)
            return Pred(name, built) if name in s.predicates else UFun(name, built)
        if name in s.symbols and len(args) == 1 and self.guesses is None:
            # N(x + 1) with N a declared symbol is a product, as it is in print.
            return Mul((Sym(name), self.real(args[0])))
        if self.guesses is None:
            raise self.fail(n, f"unknown function {name!r}", "declare it as a definition or an undefined function")
        built = tuple(self.argument(x) for x in args)
        if want_bool:
            self.guesses.predicates[name] = len(args)
            return Pred(name, built)
        self.guesses.functions[name] = len(args)
        return UFun(name, built)

    def argument(self, n: Node) -> Term:
        if n.op == "name":
            name = self.ascii_name(n, n.args[0], n.args[1])
            if name in self.scope.entities:
                return Sym(name)
            if self.guesses is not None and n.args[1] and name not in self.scope.symbols:
                self.guesses.entities.add(name)
                return Sym(name)
        return self.build(n, want_bool=False)


def _check_limits(text: str) -> None:
    if not isinstance(text, str):
        raise ExpressionError(f"expected a LaTeX string, found {type(text).__name__}", hint="write it in quotes")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"formula of {len(text)} characters", column=MAX_LENGTH + 1,
                              hint=f"at most {MAX_LENGTH} characters are parsed")
    depth = 0
    for i, ch in enumerate(text):
        if ch in "([{":
            depth += 1
            if depth > MAX_NESTING:
                raise ExpressionError(f"brackets nested more than {MAX_NESTING} deep", column=i + 1,
                                      hint="split the formula into definitions")
        elif ch in ")]}":
            depth -= 1


def parse_latex(text: str, scope: Scope, *, expect_boolean: bool | None = None,
                guesses: Guesses | None = None) -> Term:
    """Parse the LaTeX math ``text`` into a term, resolving names in ``scope``.

    With ``guesses`` given (lenient mode, used by ``scan``), names the scope
    does not know are classified and recorded there instead of being refused,
    scale suffixes are read (``100B`` is 10**11), unit words after numbers are
    skipped, ``\\gg``/``\\ll`` become the undefined predicates ``much_greater``
    and ``much_less``, and trailing words state a predicate of the value before
    them. Raises ``ExpressionError`` with the
    1-based column in ``text`` for anything outside the grammar.
    """
    _check_limits(text)
    try:
        tree = _Parser(text, lenient=guesses is not None).parse()
    except RecursionError:
        raise ExpressionError("formula nested too deeply", hint="split it into definitions") from None
    builder = _Builder(scope, guesses)
    term = builder.boolean(tree) if expect_boolean else builder.build(tree, want_bool=bool(expect_boolean is None
                                                                                           and _looks_boolean(tree)))
    if expect_boolean is False and is_boolean(term):
        raise ExpressionError("expected a number-valued expression", column=1, hint="remove the comparison")
    return term


def _unwrap(n: Node) -> Node:
    while n.op == "group":
        n = n.args[0]
    return n


def _integer_literal(n: Node) -> bool:
    while n.op == "group":
        n = n.args[0]
    if n.op == "neg":
        return _integer_literal(n.args[0])
    return n.op == "num" and "." not in n.args[0]


def _looks_boolean(tree: Node) -> bool:
    while tree.op == "group":
        tree = tree.args[0]
    return tree.op in ("rel", "and", "or", "not", "implies", "iff")


# ---------------------------------------------------------------------------------------------------------
# Terms to LaTeX: the printer whose output ``parse_latex`` reads back to the same term
# ---------------------------------------------------------------------------------------------------------

_PREC = {"iff": 1, "implies": 2, "or": 3, "and": 4, "not": 5, "rel": 6, "add": 7, "mul": 8, "neg": 9, "pow": 10,
         "atom": 11}
_REL_TEX = {"<": "<", "<=": r"\le", ">": ">", ">=": r"\ge", "==": "=", "!=": r"\neq"}
_CONST_TEX = {"e": "e", "pi": r"\pi", "oo": r"\infty"}


def to_latex(t: Term) -> str:
    """Render ``t`` as LaTeX math that ``parse_latex`` reads back to ``t`` (names must be identifiers)."""
    return _tex(t)[0]


def _name_tex(name: str) -> str:
    if len(name) == 1 and name.isalpha() and name != "e":
        return name
    head, _, sub = name.partition("_")
    if head in GREEK and head == _GREEK_NAME[head] and (not sub or re.fullmatch(r"[A-Za-z0-9]+", sub)):
        return "\\" + head + (f"_{{{sub}}}" if sub else "")
    if len(head) == 1 and head.isalpha() and sub and re.fullmatch(r"[A-Za-z0-9]+", sub):
        return f"{head}_{{{sub}}}"
    return _text_tex(name)


def _text_tex(name: str) -> str:
    """``name`` upright in ``\\text{…}``, its underscores escaped (``tokenize`` reads them back)."""
    return r"\text{" + name.replace("_", r"\_") + "}"


def _is_integer_num(t: Term) -> bool:
    return isinstance(t, Num) and t.value.denominator == 1


def _wrap(t: Term, min_prec: int) -> str:
    s, p = _tex(t)
    return rf"\left({s}\right)" if p < min_prec else s


def _tex(t: Term) -> tuple[str, int]:
    match t:
        case Num(v):
            text = _number_text(v)
            if "/" in text:
                # A rational without a terminating decimal prints as a quotient of integers.
                body = rf"\frac{{{abs(v.numerator)}}}{{{v.denominator}}}"
                return ("-" + body, _PREC["neg"]) if v < 0 else (body, _PREC["atom"])
            return text, _PREC["neg"] if v < 0 else _PREC["atom"]
        case Pow(Const("e"), x):
            return rf"\left(e\right)^{{{_tex(x)[0]}}}", _PREC["pow"]
        case Const(name):
            return _CONST_TEX[name], _PREC["atom"]
        case Sym(name):
            return _name_tex(name), _PREC["atom"]
        case Bool(v):
            raise ValueError(f"truth constant {v} has no LaTeX form")
        case Add((a, b)):
            left = _wrap(a, _PREC["add"])
            if isinstance(b, Mul) and len(b.args) == 2 and b.args[0] == num(-1):
                return f"{left} - {_wrap(b.args[1], _PREC['mul'])}", _PREC["add"]
            return f"{left} + {_wrap(b, _PREC['add'] + 1)}", _PREC["add"]
        case Mul((a, Pow(b, Num(v)))) if v == -1 and b != Num(Fraction(0)) and not (
                _is_integer_num(a) and _is_integer_num(b)):
            # (\frac of two integers reads back as one rational number, and \frac{a}{0} is refused, so such
            # products keep their shape.)
            # A quotient binds like a product, so a power of it is bracketed: \left(\frac{a}{b}\right)^{2}.
            return rf"\frac{{{_tex(a)[0]}}}{{{_tex(b)[0]}}}", _PREC["mul"]
        case Mul((Num(v), b)) if v == -1 and not isinstance(b, Num):
            return "-" + _wrap(b, _PREC["neg"]), _PREC["neg"]
        case Mul((a, b)):
            return rf"{_wrap(a, _PREC['mul'])} \cdot {_wrap(b, _PREC['mul'] + 1)}", _PREC["mul"]
        case Pow(b, e):
            return f"{_wrap(b, _PREC['pow'] + 1)}^{{{_tex(e)[0]}}}", _PREC["pow"]
        case Func("exp", (a,)):
            return f"e^{{{_tex(a)[0]}}}", _PREC["pow"]
        case Func("sqrt", (a,)):
            return rf"\sqrt{{{_tex(a)[0]}}}", _PREC["atom"]
        case Func("abs", (a,)):
            return rf"\left|{_tex(a)[0]}\right|", _PREC["atom"]
        case Func("floor", (a,)):
            return rf"\lfloor {_tex(a)[0]} \rfloor", _PREC["atom"]
        case Func("log", (a,)):
            return rf"\log\left({_tex(a)[0]}\right)", _PREC["atom"]
        case Func(name, args) if name in ("min", "max"):
            return rf"\{name}\left({', '.join(_tex(x)[0] for x in args)}\right)", _PREC["atom"]
        case UFun(name, args) | Pred(name, args) if args:
            return f"{_text_tex(name)}({', '.join(_tex(x)[0] for x in args)})", _PREC["atom"]
        case UFun(name, ()) | Pred(name, ()):
            return _text_tex(name), _PREC["atom"]
        case Ite(c, a, b):
            return (rf"\begin{{cases}} {_tex(a)[0]} & \text{{if }} {_tex(c)[0]} \\ {_tex(b)[0]} & "
                    rf"\text{{otherwise}} \end{{cases}}"), _PREC["atom"]
        case Diff(e, v, 1):
            return rf"\frac{{\partial}}{{\partial {_name_tex(v.name)}}} {_wrap(e, _PREC['pow'])}", _PREC["add"]
        case Limit(e, v, p, side):
            point = (_wrap(p, _PREC["pow"] + 1) + f"^{side}") if side else _tex(p)[0]
            return rf"\lim_{{{_name_tex(v.name)} \to {point}}} {_wrap(e, _PREC['mul'] + 1)}", _PREC["add"]
        case Rel(op, a, b):
            return f"{_wrap(a, _PREC['add'])} {_REL_TEX[op]} {_wrap(b, _PREC['add'])}", _PREC["rel"]
        case And(args):
            return r" \land ".join(_wrap(x, _PREC["and"] + 1) for x in args), _PREC["and"]
        case Or(args):
            return r" \lor ".join(_wrap(x, _PREC["or"] + 1) for x in args), _PREC["or"]
        case Not(a):
            return r"\neg " + _wrap(a, _PREC["not"]), _PREC["not"]
        case Implies(a, b):
            return rf"{_wrap(a, _PREC['implies'] + 1)} \Rightarrow {_wrap(b, _PREC['implies'])}", _PREC["implies"]
        case Iff(a, b):
            return rf"{_wrap(a, _PREC['iff'] + 1)} \Leftrightarrow {_wrap(b, _PREC['iff'] + 1)}", _PREC["iff"]
    raise ValueError(f"term without a LaTeX form: {t!r}")


__all__ = ["parse_latex", "to_latex", "tokenize", "Guesses", "APPROX_TOLERANCE", "GREEK"]
