"""Numbers as Chinese users type them: 1.2万, 三千五, １２０００, 1,200, 百分之十五, 两成.

Why one module: every tool step that asks for an amount, a count or a share reads the same
kinds of answers, so one tested reader keeps them consistent. Scanning works on a copy of the
text folded character by character (full width → half width), so the positions in a
:class:`Quantity` still point into what the user typed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6,
    "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7,
    "捌": 8, "玖": 9,
}  # fmt: skip
_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000,
                                "k": 1000, "K": 1000}  # fmt: skip
_BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "w": 10**4, "W": 10**4,
                              "亿": 10**8, "億": 10**8}  # fmt: skip
_DENOMINATORS: dict[str, int] = {"百": 100, "佰": 100, "千": 1000, "万": 10**4}

_CN = "".join(_DIGITS)
_GROUPED = r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])"
_PLAIN = r"[0-9]+"
_CN_TOKEN = rf"[{_CN}](?:点[{_CN}]+)?"
_UNIT_TOKEN = r"[十拾百佰千仟万萬亿億]|(?<=[0-9])[kKwW](?![A-Za-z])"
_BIG_AFTER_SPACE = r"\s+(?=[万萬亿億])"


def _run_pattern(grouping: bool) -> str:
    arabic = rf"(?:{_GROUPED}|{_PLAIN})(?:\.[0-9]+)?" if grouping else rf"{_PLAIN}(?:\.[0-9]+)?"
    token = rf"{arabic}|{_CN_TOKEN}|{_UNIT_TOKEN}"
    return rf"(?:{token})(?:{token}|{_BIG_AFTER_SPACE})*"


_RUN = {flag: re.compile(_run_pattern(flag)) for flag in (True, False)}
_TOKEN = re.compile(
    rf"(?P<a>{_GROUPED}(?:\.[0-9]+)?|{_PLAIN}(?:\.[0-9]+)?)|(?P<c>{_CN_TOKEN})|(?P<u>{_UNIT_TOKEN})"
)
_FRACTION = {
    flag: re.compile(rf"(?P<den>{_run_pattern(flag)})分之(?P<num>{_run_pattern(flag)})")
    for flag in (True, False)
}

# Everyday words made of numeral characters that are not numbers ("一共12000" is one number).
_IDIOMS = re.compile(
    r"一共|一些|一下|一般|一样|一直|一起|一定|一切|一致|一旦|一向|一律|一再|一边|一会|一方面"
    r"|一点点|一点儿|统一|唯一|万一|(?<!分)之一|千万别|千万不|十分(?!钟)|万分|一点(?![" + _CN + "])"
)

# The unit word right after a number: typed form → normalised unit, longest first.
_UNITS: dict[str, str] = {
    "个百分点": "%", "百分点": "%", "%": "%", "‰": "‰",
    "个工时": "工时", "工时": "工时", "个小时": "小时", "小时": "小时", "个月": "月",
    "个人": "人", "块钱": "元", "元": "元", "块": "元",
    "辆": "辆", "台": "台", "个": "个", "人": "人", "名": "名", "位": "位", "家": "家",
    "次": "次", "天": "天", "周": "周", "月": "月", "年": "年", "单": "单", "件": "件",
    "套": "套", "项": "项", "条": "条", "公里": "公里", "成": "成",
}  # fmt: skip
_UNIT_AFTER = re.compile(
    r"\s*(?:多|余|来)?\s*(?P<unit>"
    + "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
    + r")(?P<tenth>(?<=成)[" + _CN + r"1-9](?![0-9" + _CN + r"十百千万亿]))?"
)


@dataclass(frozen=True)
class Quantity:
    """One number found in a sentence, with the unit word typed right after it.

    ``value`` is scaled by 万/亿/千 ("100万元" → 1000000, unit "元"); shares keep the
    percent figure as typed ("15%" → 15.0, unit "%"; "两成" → 20.0, "百分之十五" → 15.0).
    ``start``/``end`` index the original text (number plus unit word).
    """

    value: float
    unit: str
    start: int
    end: int


def fold_width(text: str) -> str:
    """Full width → half width, one character for one so positions survive.

    The Chinese comma stays: "120，95" is a list, never a thousands separator.
    """

    def one(ch: str) -> str:
        if ch == "，":
            return ch
        folded = unicodedata.normalize("NFKC", ch)
        return folded if len(folded) == 1 else ch

    return "".join(one(ch) for ch in text)


def _mask(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: "\x00" * len(m.group(0)), text)


def _tokens(text: str, start: int, end: int) -> list[tuple[str, Decimal, bool]]:
    """(kind, value, single digit) of a run: "n" numbers, "s" 十百千, "b" 万亿."""
    tokens: list[tuple[str, Decimal, bool]] = []
    for match in _TOKEN.finditer(text, start, end):
        piece = match.group(0)
        if match.group("a"):
            digits = piece.replace(",", "")
            tokens.append(("n", Decimal(digits), len(digits) == 1))
        elif match.group("c"):
            whole, _, decimals = piece.partition("点")
            value = Decimal(_DIGITS[whole])
            if decimals:
                value += Decimal("0." + "".join(str(_DIGITS[d]) for d in decimals))
            tokens.append(("n", value, not decimals))
        elif piece in _SMALL_UNITS:
            tokens.append(("s", Decimal(_SMALL_UNITS[piece]), False))
        else:
            tokens.append(("b", Decimal(_BIG_UNITS[piece]), False))
    return tokens


def _digit_string(tokens: list[tuple[str, Decimal, bool]]) -> Decimal | None:
    """Digits without units: one number, or a digit string such as 二〇二三 (not 五六)."""
    if len(tokens) == 1:
        return tokens[0][1]
    if len(tokens) >= 3 and all(single for _, _, single in tokens):
        return Decimal("".join(str(int(value)) for _, value, _ in tokens))
    return None


def _evaluate(tokens: list[tuple[str, Decimal, bool]]) -> Decimal | None:
    """The value of a numeral run, or None when it is not one number ("一两千", "万")."""
    if not tokens:
        return None
    if all(kind == "n" for kind, _, _ in tokens):
        return _digit_string(tokens)
    total = section = small = Decimal(0)
    pending: Decimal | None = None
    pending_single = zero_gap = False
    last_unit: Decimal | None = None
    for index, (kind, value, single) in enumerate(tokens):
        if kind == "n":
            if pending is not None and pending != 0:
                return None  # two digits side by side: a range such as 一两千
            zero_gap = zero_gap or pending == 0 or (value == 0 and last_unit is not None)
            pending, pending_single = value, single
        elif kind == "s":
            following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
            if pending is None and not (value == 10 or (index == 0 and following == "b")):
                return None
            small += (pending if pending is not None else 1) * value
            pending, last_unit, zero_gap = None, value, False
        else:
            group = small + (pending or 0)
            if group == 0:
                return None  # 万 or 亿 with nothing in front
            if value == 10**4:
                section += group * value
            else:
                total, section = total + (section + group) * value, Decimal(0)
            small, pending, last_unit, zero_gap = Decimal(0), None, value, False
    if pending is not None and pending != 0:
        if last_unit is not None and pending_single and not zero_gap:
            pending = pending * last_unit / 10  # 一万二 = 12000, 三千五 = 3500
        small += pending
    return total + section + small


def _as_percent(value: Decimal, unit: str, tenth: str | None) -> tuple[Decimal, str]:
    if unit == "成":  # 两成 = 20 %, 三成五 = 35 %
        extra = _DIGITS[tenth] if tenth in _DIGITS else int(tenth or 0)
        return value * 10 + extra, "%"
    if unit == "‰":
        return value / 10, "%"
    return value, unit


def _scan(text: str, grouping: bool = True) -> tuple[list[Quantity], bool]:
    """All quantities in order, and whether some numeral run could not be read."""
    folded = _mask(fold_width(text or ""), _IDIOMS)
    found: list[Quantity] = []
    unreadable = False
    for match in _FRACTION[grouping].finditer(folded):
        den_text = match.group("den")
        den = _DENOMINATORS.get(den_text) or _evaluate(_tokens(folded, *match.span("den")))
        num = _evaluate(_tokens(folded, *match.span("num")))
        if not den or num is None:
            unreadable = True
            continue
        found.append(Quantity(float(num * 100 / den), "%", match.start(), match.end()))
    folded = _mask(folded, _FRACTION[grouping])
    position = 0
    while match := _RUN[grouping].search(folded, position):
        value = _evaluate(_tokens(folded, match.start(), match.end()))
        position = match.end()
        if value is None:
            unreadable = True
            continue
        unit = ""
        after = _UNIT_AFTER.match(folded, position)
        if after:  # the unit word is consumed: 百 in 个百分点 is no number of its own
            value, unit = _as_percent(value, _UNITS[after.group("unit")], after.group("tenth"))
            position = after.end()
        found.append(Quantity(float(value), unit, match.start(), position))
    found.sort(key=lambda q: q.start)
    return found, unreadable


def find_quantities(text: str, *, grouping: bool = True) -> list[Quantity]:
    """Every number in a sentence with the unit word after it, in order of appearance.

    ``grouping=False`` reads ASCII commas as separators ("120,950,130" → three numbers)
    instead of thousands separators (→ 120950130), for lists of figures.
    """
    return _scan(text, grouping)[0]


def _single(values: list[float]) -> float | None:
    distinct = {round(v, 9) for v in values}
    return values[0] if len(distinct) == 1 else None


def parse_number(text: str) -> float | None:
    """The one number a short answer holds; None for no number or several ("3到5")."""
    found, unreadable = _scan(text)
    if unreadable or not found:
        return None
    return _single([q.value for q in found])


def parse_percent(text: str) -> float | None:
    """A share as a fraction: "15%", "百分之十五", "两成", "0.15" and bare "15" all → 0.15.

    A bare number above 1 and up to 100 is read as percent; 1 and below as a fraction
    already (so "1" is 100 %). Bare numbers above 100 and numbers with other units are
    refused (None).
    """
    found, unreadable = _scan(text)
    if unreadable or not found:
        return None
    fractions: list[float] = []
    for quantity in found:
        if quantity.unit == "%":
            fractions.append(quantity.value / 100)
        elif quantity.unit == "" and quantity.value <= 1:
            fractions.append(quantity.value)
        elif quantity.unit == "" and quantity.value <= 100:
            fractions.append(quantity.value / 100)
        else:
            return None
    return _single(fractions)


def format_number(value: float, digits: int = 2) -> str:
    """Thousands separators, at most ``digits`` decimals, no trailing zeros: 36,000 / 25.5."""
    rounded = round(float(value), digits)
    if rounded == int(rounded):
        return f"{int(rounded):,}"
    return f"{rounded:,.{digits}f}".rstrip("0").rstrip(".")


def format_percent(fraction: float, digits: int = 1) -> str:
    """A fraction as percent with at most ``digits`` decimals; trailing zeros are dropped,
    so whole percents read "25%" and 0.255 reads "25.5%"."""
    text = f"{float(fraction) * 100:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return ("0" if text == "-0" else text) + "%"
