"""Two names one of which, by its make-up, names a kind of the other: 'antiretroviral drugs' are antiviral
drugs, a 'staphylokinase' is a kinase, 'keratoconjunctivitis' is a conjunctivitis.

As a wrong choice beside the other, such a name is right as well whenever the stem fits the wider one
('Many _____ are nucleoside analogs': antiviral drugs, and antiretroviral drugs too). The name is the other
with a piece of at least three letters put in: before it whole ('staphylo-kinase'), or after a prefix
before a word of five or more letters ('anti-retro-viral'). Two names that each add their own piece
('streptokinase', 'staphylokinase') are siblings; a changed piece ('hyperthyroidism', 'hypothyroidism')
is an opposite; neither nests.
"""

from __future__ import annotations

from quizmg.generate.frequency import zipf
from quizmg.generate.terms import fold, singular

# The endings of salts and binary compounds, whose prefixes make other compounds ('oxide', 'hydroxide').
_SALTS = ("ide", "ate", "ite")
_PIECE = 3  # the smallest piece put in ('retro', 'staphylo', 'kerato')
_WORD_ZIPF = 2.5  # an English word ('viral')
_KEPT_END = 5  # the smallest end kept whole ('viral', 'kinase'): not a bare ending such as '-itis'


def kind_by_name(one: str, other: str) -> bool:
    """True when one name is the other with a piece put in, the rest of it the same words."""
    a, b = fold(one).split(), fold(other).split()
    if len(a) != len(b) or not a:
        return False
    differ = [(singular(x), singular(y)) for x, y in zip(a, b, strict=True) if x != y]
    if len(differ) != 1:
        return False
    x, y = sorted(differ[0], key=len)
    if len(y) - len(x) < _PIECE or x.endswith(_SALTS):
        return False  # 'hydroxide', 'peroxide', 'thiosulfate', 'perchlorate': another compound, not a kind
    for cut in range(len(x) - _KEPT_END + 1):
        # The end kept is the whole name, or a word of its own after a prefix ('anti-' + 'viral'): not a
        # run of letters that happens to match ('glyc-olysis', 'glycogen-olysis').
        if y.startswith(x[:cut]) and y.endswith(x[cut:]) and (cut == 0 or zipf(x[cut:]) >= _WORD_ZIPF):
            return True
    return False
