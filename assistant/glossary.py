"""A small English -> Swedish glossary for questions about cooperation agreements.

English questions over Swedish documents: names and numbers match as they are; the common
question words of this domain are looked up here. Multi-word entries are matched first.
Keep entries lowercase; values are Swedish words as they appear in documents.
"""

from __future__ import annotations

GLOSSARY: dict[str, tuple[str, ...]] = {
    # who does what
    "responsible": ("ansvarig", "ansvarar", "ansvar", "huvudansvar"),
    "in charge": ("ansvarig", "ansvarar", "ansvar"),
    "main responsibility": ("huvudansvar",),
    "responsibility": ("ansvar", "ansvarar", "huvudansvar"),
    "lead": ("leder", "ansvarig"),
    "leads": ("leder",),
    "member": ("medlem", "medlemskommun"),
    "members": ("medlemmar", "medlemskommunerna", "kommunerna"),
    "party": ("part",),
    "parties": ("parter", "parterna"),
    "participants": ("parter", "deltagande"),
    "municipality": ("kommun",),
    "municipalities": ("kommuner", "kommunerna"),
    "municipal": ("kommunal", "kommunens"),
    "region": ("region", "regionen"),
    "county": ("län",),
    "university": ("högskola", "högskolan", "universitet"),
    "board": ("styrelse", "styrelsen"),
    "chair": ("ordförande", "ordförandeskapet"),
    "chairs": ("ordförande", "ordförandeskapet"),
    "chaired": ("ordförande", "ordförandeskapet"),
    "take part": ("ingår", "deltar", "parter", "mellan kommunerna"),
    "takes part": ("ingår", "deltar", "parter", "mellan kommunerna"),
    "participate": ("ingår", "deltar", "parter", "mellan kommunerna"),
    "participates": ("ingår", "deltar", "parter"),
    "part of": ("ingår", "del av"),
    "partners": ("parter", "parterna", "samarbetspartner"),
    "signed": ("undertecknad", "signeras", "tecknas"),
    "chairmanship": ("ordförandeskapet",),
    "chairperson": ("ordförande",),
    "mayor": ("kommunstyrelsens ordförande", "borgmästare"),
    "secretariat": ("sekretariat", "sekretariatet"),
    "management group": ("ledningsgrupp", "ledningsgruppen"),
    "steering group": ("styrgrupp", "ledningsgrupp"),
    "director": ("direktör", "kommundirektör"),
    "municipal director": ("kommundirektör",),
    "principal": ("rektor",),
    "rector": ("rektor",),
    "contact": ("kontakt", "kontaktperson"),
    "contact person": ("kontaktperson", "kontaktpersoner"),
    "coordinator": ("koordinatör", "samordnare"),
    "coordinate": ("koordinerar", "samordnar", "koordinatör"),
    "coordinates": ("koordinerar", "samordnar", "koordinatör"),
    "attachments": ("bilagor",),
    "appendices": ("bilagor",),
    "projects": ("projekt",),
    "project": ("projekt",),
    "network": ("nätverk",),
    "networks": ("nätverk", "kunskapsnätverk"),
    # documents and decisions
    "agreement": ("överenskommelse", "avtal", "samverkansavtal"),
    "cooperation agreement": ("samverkansöverenskommelse", "samarbetsavtal", "samverkansavtal"),
    "declaration of intent": ("avsiktsförklaring",),
    "letter of intent": ("avsiktsförklaring",),
    "intent": ("avsiktsförklaring",),
    "operating plan": ("verksamhetsplan",),
    "business plan": ("verksamhetsplan",),
    "plan": ("plan", "planen"),
    "action plan": ("handlingsplan",),
    "programme": ("program", "handlingsprogram"),
    "program": ("program", "handlingsprogram"),
    "strategy": ("strategi",),
    "vision": ("vision",),
    "adopted": ("antagit", "antagen", "beslutad"),
    "adopt": ("anta", "antagit"),
    "decided": ("beslutat", "beslutad", "beslut"),
    "decision": ("beslut",),
    "cooperation": ("samarbete", "samverkan"),
    "collaboration": ("samarbete", "samverkan"),
    "cooperate": ("samarbeta", "samverka"),
    "areas of cooperation": ("samverkansområden",),
    "cooperation areas": ("samverkansområden",),
    "areas": ("områden", "samverkansområden"),
    "area": ("område", "målområde"),
    "focus": ("fokus", "fokusfråga"),
    "focus issues": ("fokusfrågor",),
    "focus issue": ("fokusfråga", "fokusfrågan"),
    "goal": ("mål",),
    "goals": ("mål", "målen"),
    "target": ("mål", "målet"),
    "objective": ("mål",),
    "measure": ("mätetal", "åtgärd"),
    "indicator": ("mätetal",),
    "activities": ("aktiviteter",),
    "activity": ("aktivitet",),
    "priority": ("prioriterat", "prioriterade", "prioritet"),
    "prioritised": ("prioriterade",),
    "prioritized": ("prioriterade",),
    "purpose": ("syfte", "syftet"),
    "registration number": ("diarienummer", "dnr"),
    "reference number": ("diarienummer", "dnr"),
    "case number": ("diarienummer", "dnr"),
    "answer": ("svar", "svaret"),
    "reply": ("svar", "svaret"),
    "response": ("svar", "svaret"),
    "sent": ("skickas",),
    "send": ("skickas", "skicka"),
    "submitted": ("skickas", "lämnas"),
    "review": ("prövning", "aktualiseringsprövning", "ses över", "utvärdering"),
    "evaluation": ("utvärdering",),
    "follow up": ("följa upp", "uppföljning"),
    "follow-up": ("uppföljning",),
    "update": ("uppdatera", "uppdateras"),
    "updated": ("uppdateras",),
    # time
    "when": ("när",),
    "deadline": ("senast",),
    "latest": ("senast",),
    "date": ("datum",),
    "period": ("period",),
    "valid": ("gäller",),
    "applies": ("gäller",),
    "apply": ("gäller",),
    "valid from": ("gäller från",),
    "previous": ("tidigare", "föregående"),
    "former": ("tidigare", "dåvarande"),
    "next": ("nästa", "kommande"),
    "current": ("nuvarande", "gällande"),
    "start": ("start", "byggstart", "påbörjades"),
    "construction start": ("byggstart",),
    "construction": ("byggstart", "byggande", "bygget"),
    "year": ("år",),
    "annually": ("årligen",),
    "yearly": ("årligen",),
    "often": ("ofta",),
    "meet": ("träffas", "möten", "möte"),
    "meets": ("träffas", "möten"),
    "meetings": ("möten", "tillfällen"),
    "closed": ("avslutades", "avslutad"),
    "ended": ("avslutades", "avslutad"),
    "completed": ("avslutades", "genomförd", "slutförts"),
    # money
    "fee": ("avgift", "medlemsavgift"),
    "membership fee": ("medlemsavgift",),
    "cost": ("kostnad", "kostar", "självkostnadspris"),
    "costs": ("kostnader",),
    "budget": ("budget",),
    "financing": ("finansiering", "finansieras"),
    "funding": ("finansiering", "finansieras"),
    "financed": ("finansieras",),
    "financial": ("ekonomiska",),
    "economic": ("ekonomiska",),
    "commitments": ("åtaganden",),
    "commitment": ("åtagande", "åtaganden"),
    "inhabitants": ("invånare",),
    "residents": ("invånare",),
    "population": ("invånare", "befolkning"),
    "per inhabitant": ("invånare",),
    # subjects
    "bus": ("buss", "busstrafik", "kollektivtrafik"),
    "buses": ("bussar", "kollektivtrafik"),
    "travel": ("resande", "resor", "åker"),
    "travellers": ("resande",),
    "passengers": ("resande",),
    "commuting": ("pendling",),
    "train": ("tåg", "banan"),
    "railway": ("banan", "järnväg"),
    "rail": ("banan", "järnväg"),
    "road": ("väg",),
    "roads": ("vägar",),
    "infrastructure": ("infrastruktur",),
    "public transport": ("kollektivtrafik",),
    "broadband": ("bredband",),
    "digitalisation": ("digitalisering",),
    "digitalization": ("digitalisering",),
    "wifi": ("wifi",),
    "open data": ("öppen data",),
    "business": ("näringsliv", "företag"),
    "trade and industry": ("näringsliv",),
    "industry": ("näringsliv", "bransch"),
    "companies": ("företag",),
    "entrepreneurship": ("företagande", "nyföretagande"),
    "business climate": ("företagsklimat",),
    "innovation": ("innovation",),
    "incubator": ("inkubator", "inkubatorverksamhet"),
    "tourism": ("turism", "besöksnäring"),
    "visitor industry": ("besöksnäring", "besöksnäringen"),
    "visitors": ("besökare",),
    "ferry": ("färja", "färjelinje", "färjelinjen", "färjetrafik"),
    "ferry line": ("färjelinje", "färjelinjen"),
    "event": ("evenemang", "event"),
    "education": ("utbildning",),
    "vocational": ("yrkesutbildning", "yrkesprogram"),
    "vocational training": ("yrkesutbildning",),
    "school": ("skola", "skolan"),
    "students": ("studenter", "elever"),
    "learning": ("lärande",),
    "skills": ("kompetens", "kompetensförsörjning"),
    "skills supply": ("kompetensförsörjning",),
    "skills provision": ("kompetensförsörjning",),
    "competence": ("kompetens", "kompetensförsörjning"),
    "labour market": ("arbetsmarknad",),
    "labor market": ("arbetsmarknad",),
    "employment": ("sysselsättning", "arbetsmarknad"),
    "jobs": ("arbetstillfällen",),
    "housing": ("bostadsbyggande", "bostäder", "bostadsmarknaden"),
    "housing construction": ("bostadsbyggande",),
    "migration": ("migration",),
    "integration": ("integration",),
    "welfare": ("välfärd",),
    "environment": ("miljö",),
    "climate": ("klimat",),
    "waste": ("avfall", "hushållsavfall", "sopsamarbete"),
    "household waste": ("hushållsavfall",),
    "recycling": ("återvinning", "materialåtervinning"),
    "electric cars": ("elbilar", "elbilsstrategi"),
    "charging stations": ("laddningsstationer",),
    "diversity": ("mångfald", "mångfaldsindex"),
    "inclusion": ("inkludering",),
    "openness": ("öppenhet",),
    "safety": ("trygghet",),
    "attractiveness": ("attraktivitet",),
    "growth": ("tillväxt",),
    "sustainable": ("hållbar",),
    "development": ("utveckling",),
    "regional development": ("regional utveckling",),
    "structure plan": ("strukturplan",),
    "new": ("ny", "nya"),
}

MAX_PHRASE_WORDS = max(len(k.split()) for k in GLOSSARY)


def _base_forms(word: str) -> list[str]:
    """The word and plain English base forms of it: reviewed -> review, cities -> city."""
    forms = [word]
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    if word.endswith("ing") and len(word) > 5:
        forms += [word[:-3], word[:-3] + "e"]
    if word.endswith("ed") and len(word) > 4:
        forms += [word[:-2], word[:-1]]
    if word.endswith("es") and len(word) > 4:
        forms.append(word[:-2])
    if word.endswith("s") and len(word) > 3:
        forms.append(word[:-1])
    return forms


def _lookup(phrase: str) -> tuple[str, ...] | None:
    head, _, last = phrase.rpartition(" ")
    for form in _base_forms(last):
        key = f"{head} {form}" if head else form
        if key in GLOSSARY:
            return GLOSSARY[key]
    return None


def translate(words: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Pairs (English phrase, Swedish renderings) for the words, longest phrases first."""
    out: list[tuple[str, tuple[str, ...]]] = []
    i = 0
    while i < len(words):
        for size in range(min(MAX_PHRASE_WORDS, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            renderings = _lookup(phrase)
            if renderings:
                out.append((phrase, renderings))
                i += size
                break
        else:
            i += 1
    return out


# Swedish question words whose answer is usually phrased another way in the documents.
# Keys are stems (ingest.lexical.stem); values are phrases as they appear in documents.
_SWEDISH_SYNONYM_WORDS: dict[str, tuple[str, ...]] = {
    "ingår": ("mellan kommunerna", "medlemskommunerna", "parterna", "deltar", "består"),
    "ingå": ("mellan kommunerna", "medlemskommunerna", "parterna", "deltar"),
    "medlemmar": ("medlemskommunerna", "mellan kommunerna"),
    "träffas": ("möten", "möte", "sammanträden", "tillfällen"),
    "möts": ("möten", "möte", "sammanträden"),
    "kostar": ("kostnad", "avgift", "kr"),
    "pengar": ("finansiering", "kr", "budget"),
    "startar": ("start", "påbörjas", "gäller från"),
    "börjar": ("start", "påbörjas", "gäller från"),
    "slutar": ("avslutas", "löper", "gäller till"),
    "uppdateras": ("uppdateras", "aktualiseras", "revideras", "ses över"),
    "fördelas": ("delas", "fördelning"),
    "minska": ("halveras", "sänkas", "minskning", "minskas"),
    "minskar": ("halveras", "sänkas", "minskning", "minskas"),
    "öka": ("höjas", "ökning", "ökad"),
    "ökar": ("höjas", "ökning", "ökad"),
    "bildades": ("grundades", "sedan", "pågått", "startade"),
    "startade": ("påbörjades", "sedan", "pågått"),
    "följs": ("uppföljning", "följs upp"),
    "följa": ("uppföljning", "följa upp"),
    "följer": ("uppföljning", "följer upp"),
    "tas": ("framtagande", "tagits fram"),
    "ses": ("översyn", "ses över"),
    "leder": ("ordförande", "leds", "ansvarar"),
    "heter": ("kallas", "namn"),
}


def _stemmed_synonyms() -> dict[str, tuple[str, ...]]:
    from ingest.lexical import stem

    return {stem(word): phrases for word, phrases in _SWEDISH_SYNONYM_WORDS.items()}


class _LazySynonyms(dict):
    """Stem-keyed synonyms, computed on first use (no stemming at import time)."""

    def get(self, key, default=None):  # type: ignore[override]
        if not self:
            self.update(_stemmed_synonyms())
        return super().get(key, default)


SWEDISH_SYNONYMS: dict[str, tuple[str, ...]] = _LazySynonyms()
