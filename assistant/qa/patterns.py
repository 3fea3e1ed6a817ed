"""Patterns of the answers a question asks for: dates, amounts, frequencies, parties."""

from __future__ import annotations

import re

from ingest.lexical import WORD as LEXICAL_WORD

_MONTHS = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
_SHORT_MONTHS = "jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec"
SPANS: dict[str, re.Pattern[str]] = {
    "when": re.compile(
        rf"\b(?:senast |från |under |före |efter |till |fr\.o\.m\. |t\.o\.m\. )?"
        rf"(?:den |våren |hösten |sommaren |vintern )?"
        rf"(?:\d{{1,2}} (?:{_MONTHS})(?: \d{{4}})?|(?:{_MONTHS}|{_SHORT_MONTHS})\.? \d{{4}}|"
        rf"\d{{4}}-\d{{2}}-\d{{2}}|"
        rf"(?:år )?(?:19|20)\d{{2}}(?:\s*[-–]\s*(?:19|20)\d{{2}})?|tills vidare)",
        re.IGNORECASE,
    ),
    "amount": re.compile(
        r"(?:från )?\d[\d\u00a0 ]*(?:,\d+)?(?: till \d[\d\u00a0 ]*(?:,\d+)?)?\s*"
        r"(?:%|procent|kr(?:/\S+)?|kronor|kg(?:/\S+)?|mbit/s|km/h|miljoner|mnkr|tkr|msek|"
        r"invånare|personer|st\b)(?: per [a-zåäö]+(?: och [a-zåäö]+)?)?",
        re.IGNORECASE,
    ),
    "frequency": re.compile(
        r"\b(?:vid )?(?:(?:en|ett|två|tre|fyra|fem|sex|\d+)(?: till (?:två|tre|fyra|fem|sex|\d+))? "
        r"(?:tillfällen|gånger|gång|möten|sammanträden) (?:per|om|i|varje) [a-zåäö]+|"
        r"varje (?:nytt? |nya )?[a-zåäö]+|årligen|löpande|"
        r"månadsvis|kvartalsvis|halvårsvis|veckovis)",
        re.IGNORECASE,
    ),
}
NUMBER = re.compile(r"\d")
# a share or a sum of money: no answer to "hur många X" unless X is one ("hur många procent")
SHARE_OR_MONEY = re.compile(
    r"%|\b(?:procent\w*|percent\w*|kr|kronor|kronor\w*|tkr|mnkr|msek|sek|crowns?)\b", re.IGNORECASE
)
RESPONSIBLE_HEADER = re.compile(r"ansvar|responsib", re.IGNORECASE)
RESPONSIBLE_EVIDENCE = re.compile(
    r"\b(ansvar\w*|huvudansvar\w*|tillhandahåller|leds av|leder|samordnar|utser|utses|"
    r"se till att|sammankallande|ordförande\w*|värdkommun|driver)\b",
    re.IGNORECASE,
)
ENUMERATION = re.compile(r"[^\W\d_]+(?:[^,.;:]*,){1,}[^,.;:]*\b(?:och|samt|and|or|eller)\b")
NAME_WORD = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?")
ASKS_NUMBER = re.compile(
    r"(?:nummer|numret|\bdnr\b|\b(?:registration|reference|phone|telephone|case|file) number)",
    re.IGNORECASE,
)
ASKS_EMAIL = re.compile(r"e-?post|e-?mail", re.IGNORECASE)
WORD = LEXICAL_WORD  # the index's words, so that an item number ("2.2") is one word here too
