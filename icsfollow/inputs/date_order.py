"""Which countries write a short date day first, month first or year first (data).

From CLDR's short date pattern of each country's main locale (``und_<CC>``), e.g.
``dd/MM/y`` for GB, ``M/d/yy`` for US, ``y/MM/dd`` for JP. A test cross-checks the
table against babel when it is installed. Year-first countries write a date without
its year month first (``MM-dd``).
"""

from __future__ import annotations

__all__ = ["DAY_FIRST", "MONTH_FIRST", "YEAR_FIRST", "reads_day_first"]


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


# d/M/y
DAY_FIRST: frozenset[str] = _codes(
    "AD AE AG AI AL AM AO AR AT AU AW AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BR BS BW "
    "BY BZ CC CD CF CG CH CI CK CL CM CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG "
    "EH ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GI GM GN GP GQ GR GS GT GW GY HK HN HR "
    "HT ID IE IL IM IN IO IQ IS IT JE JM JO KE KG KH KI KM KN KW KY KZ LA LB LC LI LR LU "
    "LV LY MA MC MD ME MF MK ML MM MO MQ MR MS MT MU MV MW MX MY MZ NC NE NF NG NI NL NO "
    "NR NU NZ OM PE PF PG PK PL PM PN PS PT PW QA RE RO RS RU SA SB SC SD SG SH SI SJ SK "
    "SL SM SN SO SR SS ST SV SX SY SZ TC TD TG TH TJ TK TL TM TN TO TR TT TV TZ UA UG UY "
    "UZ VA VC VE VG VN VU WF WS YE YT ZM"
)

# M/d/y
MONTH_FIRST: frozenset[str] = _codes("AS ER GH GU MH MP PA PH PR UM US VI")

# y/M/d
YEAR_FIRST: frozenset[str] = _codes(
    "AF AX BT CA CN GL HU IR JP KP KR LK LS LT MG MN NA NP PY RW SE TW ZA ZW"
)


def reads_day_first(country: str | None) -> bool | None:
    """Tell whether a country writes 02/12 for 2 December (None: not known)."""
    if country in DAY_FIRST:
        return True
    if country in MONTH_FIRST or country in YEAR_FIRST:
        return False
    return None
