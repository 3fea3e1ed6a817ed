"""Synthetic corpora N times the seed corpus: the originals plus competing variants.

A variant is a seed document in which every municipality and region name is replaced by
another one (consistently within the variant), years are shifted by a few years and every
other number is replaced by a different number of the same length. The variants keep the
wording, structure and tables of their originals, so they compete with them for the same
questions; only the names and numbers tell them apart. Markup tags are left untouched.

The corpus of scale N holds the originals and variants 1 .. N-1 of each original, so a
smaller scale is always a subset of a larger one. Everything is deterministic.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path

CATALOG_FILE = "catalog.toml"
VARIANT_PREFIX = "variant-"

# Names in the seed corpus that variants replace (municipalities, then regions).
SEED_MUNICIPALITIES: tuple[str, ...] = (
    "Helsingborg", "Halmstad", "Malmö", "Lund", "Svalöv", "Höganäs", "Ängelholm", "Båstad",
    "Landskrona", "Perstorp", "Kävlinge", "Örkelljunga", "Klippan", "Åstorp", "Burlöv",
    "Eslöv", "Höör", "Lomma", "Staffanstorp", "Svedala", "Trelleborg", "Vellinge",
    "Falkenberg", "Laholm", "Ljungby", "Hylte", "Hässleholm", "Bjuv", "Umeå", "Skellefteå",
)  # fmt: skip
SEED_REGIONS: tuple[str, ...] = ("Västerbotten", "Skåne", "Halland")

# Names that do not occur in the seed corpus, to put in their place.
OTHER_MUNICIPALITIES: tuple[str, ...] = (
    "Kristianstad", "Växjö", "Kalmar", "Karlskrona", "Jönköping", "Värnamo", "Borås",
    "Alingsås", "Uddevalla", "Trollhättan", "Skövde", "Lidköping", "Karlstad", "Örebro",
    "Västerås", "Eskilstuna", "Norrköping", "Linköping", "Motala", "Nyköping", "Gävle",
    "Sundsvall", "Östersund", "Luleå", "Piteå", "Kiruna", "Falun", "Borlänge", "Mora",
    "Visby", "Ronneby", "Karlshamn", "Sölvesborg", "Osby", "Tingsryd", "Alvesta",
    "Lessebo", "Nybro", "Emmaboda", "Oskarshamn", "Västervik", "Vimmerby", "Eksjö",
    "Nässjö", "Tranås", "Gislaved", "Gnosjö", "Vaggeryd", "Habo", "Mullsjö", "Tidaholm",
    "Falköping", "Ulricehamn", "Tranemo", "Svenljunga", "Bollebygd", "Lerum", "Härryda",
    "Partille", "Kungälv", "Stenungsund", "Tjörn", "Orust", "Lysekil", "Sotenäs",
    "Munkedal", "Tanum", "Strömstad", "Bengtsfors", "Åmål", "Säffle", "Arvika", "Torsby",
    "Hagfors", "Forshaga", "Hammarö", "Kristinehamn", "Filipstad", "Storfors", "Degerfors",
    "Karlskoga", "Lindesberg", "Hallsberg", "Kumla", "Askersund", "Mjölby", "Vadstena",
    "Ödeshög", "Boxholm", "Kinda", "Åtvidaberg", "Valdemarsvik", "Söderköping", "Finspång",
)  # fmt: skip
OTHER_REGIONS: tuple[str, ...] = (
    "Blekinge", "Kronoberg", "Värmland", "Dalarna", "Jämtland", "Norrbotten", "Gotland",
    "Uppland", "Sörmland", "Gävleborg", "Västmanland", "Östergötland", "Västernorrland",
)  # fmt: skip

REPLACED_NAMES: tuple[str, ...] = SEED_MUNICIPALITIES + SEED_REGIONS

_NAMES = re.compile("|".join(sorted(map(re.escape, REPLACED_NAMES), key=len, reverse=True)))
_NUMBER = re.compile(r"\d+")
_TAG = re.compile(r"(<[^>]*>)")
_YEAR = re.compile(r"^(19[5-9]\d|20[0-4]\d)$")


@dataclass(frozen=True)
class Variant:
    """How one variant differs from its original: names and a year shift; numbers follow."""

    number: int
    names: dict[str, str]
    year_shift: int

    def apply(self, text: str) -> str:
        """The text with names replaced and numbers changed, tags left as they are."""
        numbers: dict[str, str] = {}
        rng = random.Random(f"numbers-{self.number}")
        parts = _TAG.split(text)
        for i, part in enumerate(parts):
            if i % 2 == 0:  # text between tags
                part = _NAMES.sub(lambda m: self.names[m.group(0)], part)
                parts[i] = _NUMBER.sub(lambda m: self._number(m.group(0), numbers, rng), part)
        return "".join(parts)

    def _number(self, digits: str, seen: dict[str, str], rng: random.Random) -> str:
        if digits in seen:
            return seen[digits]
        if _YEAR.match(digits):
            new = str(int(digits) + self.year_shift)
        else:
            used = set(seen.values())
            new = digits
            for _ in range(30):  # a different number, not yet used when one is left
                first = "0" if digits[0] == "0" and len(digits) > 1 else str(rng.randint(1, 9))
                new = first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])
                if new != digits and new not in used:
                    break
            if new == digits:
                new = str(int(digits) + 1).zfill(len(digits))
        seen[digits] = new
        return new


def make_variant(number: int) -> Variant:
    """Variant `number` (1, 2, ...): a fixed, distinct choice of names and year shift."""
    rng = random.Random(f"variant-{number}")
    municipalities = rng.sample(OTHER_MUNICIPALITIES, len(SEED_MUNICIPALITIES))
    regions = rng.sample(OTHER_REGIONS, len(SEED_REGIONS))
    names = dict(zip(SEED_MUNICIPALITIES, municipalities, strict=True))
    names.update(zip(SEED_REGIONS, regions, strict=True))
    shift = rng.choice([-4, -3, -2, -1, 1, 2, 3, 4, 5, 6])
    return Variant(number, names, shift)


def variant_name(original: int, number: int) -> str:
    """File name of variant `number` of the original at position `original` (no names)."""
    return f"{VARIANT_PREFIX}{number:03d}-{original + 1}.txt"


def is_variant(doc_id: str) -> bool:
    return Path(doc_id).name.startswith(VARIANT_PREFIX)


def _toml_entry(name: str, fields: dict[str, object]) -> str:
    lines = [f"[{json.dumps(name, ensure_ascii=False)}]"]
    for key, value in fields.items():
        lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines)


def _variant_catalog(fields: dict[str, object], variant: Variant) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in fields.items():
        if isinstance(value, str):
            out[key] = variant.apply(value)
        elif isinstance(value, list):
            out[key] = [variant.apply(v) if isinstance(v, str) else v for v in value]
        else:
            out[key] = value
    return out


def write_scaled_corpus(seed_dir: Path, out_dir: Path, scale: int) -> int:
    """Write the seed corpus with scale-1 variants of each document; returns the file count."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    catalog_path = seed_dir / CATALOG_FILE
    catalog = (
        tomllib.loads(catalog_path.read_text(encoding="utf-8")) if catalog_path.exists() else {}
    )
    entries: list[str] = []
    originals = sorted(p for p in seed_dir.glob("*.txt") if not is_variant(p.name))
    for path in originals:
        shutil.copyfile(path, out_dir / path.name)
        if path.name in catalog:
            entries.append(_toml_entry(path.name, catalog[path.name]))
    count = len(originals)
    for number in range(1, scale):
        variant = make_variant(number)
        for position, path in enumerate(originals):
            name = variant_name(position, number)
            text = path.read_text(encoding="utf-8")
            (out_dir / name).write_text(variant.apply(text), encoding="utf-8")
            count += 1
            if path.name in catalog:
                entries.append(_toml_entry(name, _variant_catalog(catalog[path.name], variant)))
    (out_dir / CATALOG_FILE).write_text("\n\n".join(entries) + "\n", encoding="utf-8")
    return count


def names_anchor(question: str) -> bool:
    """True when the question names a place the variants replace (so it picks its document)."""
    return _NAMES.search(question) is not None
