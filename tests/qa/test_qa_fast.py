"""The question-answering core from hand-made chunks: no model, no index."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.qa.compose import NOT_FOUND, compose, lead_for, quote_for, rank
from assistant.qa.evidence import FEATURES, FeatureBuilder
from assistant.qa.lexicon import translate
from assistant.qa.question import analyse
from assistant.qa.scorer import Scorer, parse_scorer
from assistant.qa.shapes.lead import given
from assistant.qa.thesaurus import parse_mythes
from assistant.train import Table, choose_threshold, per_question
from assistant.types import Hit
from ingest.lexical import build_vocabulary, tokenize
from ingest.schema import Chunk, TableRow
from tests.qa_chunks import question_over

ROW = Chunk(
    "c1",
    "plan.txt",
    "Verksamhetsplan Sjöbygden",
    ("1. Infrastruktur",),
    "Mätetal: 1.6 Byggstart för Söderåsbanan senast år 2019. | Ansvarig: Svalöv",
    0,
    70,
    row=TableRow(
        1,
        1,
        (("Mätetal", "1.6 Byggstart för Söderåsbanan senast år 2019."), ("Ansvarig", "Svalöv")),
    ),
)
PROSE = Chunk(
    "c2",
    "plan.txt",
    "Verksamhetsplan Sjöbygden",
    ("3. Ekonomi",),
    "Samarbetet finansieras med 15 kr per invånare och år. Styrelsen sammanträder fyra "
    "gånger per år.",
    70,
    160,
)
FORUM = "Besöksnäringsforumet hålls under 2025 i Funäsdalen."
CHUNKS = [ROW, PROSE]
VOCABULARY = build_vocabulary(c.text for c in CHUNKS)


def question(text: str):
    return question_over(text, CHUNKS, VOCABULARY)


def builder() -> FeatureBuilder:
    tokens = frozenset(t for c in CHUNKS for t in tokenize(c.text, VOCABULARY))
    return FeatureBuilder(VOCABULARY, {"plan.txt": tokens})


def scorer(feature: str, threshold: float = 0.5, second: float = 2.0) -> Scorer:
    """A scorer that trusts one feature alone (weight 4 on the standardised value)."""
    coef = np.zeros(len(FEATURES))
    coef[FEATURES.index(feature)] = 4.0
    return Scorer(
        FEATURES,
        np.full(len(FEATURES), 0.5),
        np.ones(len(FEATURES)),
        coef,
        0.0,
        threshold,
        second,
        {},
    )


def hits() -> list[Hit]:
    return [Hit(PROSE, 0.9, 1, 1, 0.5, 1.0), Hit(ROW, 0.8, 2, 2, 0.4, 0.7)]


def test_features_follow_the_question():
    q = question("Vem ansvarar för Söderåsbanan?")
    candidates = builder().candidates(q, hits())
    assert [len(c.features) for c in candidates] == [len(FEATURES)] * 2
    by_id = {c.chunk.chunk_id: dict(zip(FEATURES, c.features, strict=True)) for c in candidates}
    assert by_id["c1"]["responsible_column"] == 1.0
    assert by_id["c2"]["responsible_column"] == 0.0
    assert by_id["c1"]["required_share"] == 1.0  # Söderåsbanan is in the row
    assert by_id["c2"]["required_missing"] == 1.0
    assert by_id["c1"]["kind_responsible"] == 1.0


def test_the_scorer_reorders_candidates_and_the_row_answers_with_its_cell():
    q = question("Vem ansvarar för Söderåsbanan?")
    ranked = rank(q, hits(), builder(), scorer("required_share"))
    assert ranked[0].candidate.chunk is ROW
    answer = compose(q, hits(), ranked, scorer("required_share"))
    assert answer.found
    assert answer.text.startswith("Ansvarig: Svalöv [1] – ”Mätetal: 1.6 Byggstart")
    assert [c.chunk for c in answer.citations] == [ROW]
    assert [h.chunk for h in answer.hits] == [PROSE, ROW]  # retrieval order kept


def test_a_passage_holding_only_the_year_the_question_gives_does_not_answer_when():
    """'Vilket datum hålls forumet 2025?' is not answered by 'hålls under 2025'."""
    forum = Chunk("c9", "plan.txt", "Verksamhetsplan Sjöbygden", (), FORUM, 160, 220)
    found = [Hit(forum, 0.9, 1, 1, 0.5, 1.0)]
    asked = question("Vilket datum hålls forumet i Funäsdalen 2025?")
    ranked = rank(asked, found, builder(), scorer("required_share"))
    assert not compose(asked, found, ranked, scorer("required_share")).found
    # the same passage answers when the question does not give the year itself
    asked = question("När hålls forumet i Funäsdalen?")
    ranked = rank(asked, found, builder(), scorer("required_share"))
    assert compose(asked, found, ranked, scorer("required_share")).found


def test_another_passage_of_the_document_stating_the_same_amount_is_quoted_too():
    """The lead's amount stated again elsewhere in the document: the reader sees both."""
    texts = [
        "Samarbetet finansieras med 15 kr per invånare och år.",
        "Medlemsavgiften är 15 kr per invånare och år enligt avtalet.",
        "Föreningen tar ut 15 kr per invånare och år.",
    ]
    chunks = [
        Chunk(f"m{i}", doc, "Plan", (), text, 0, len(text))
        for i, (doc, text) in enumerate(
            zip(["plan.txt", "annat.txt", "plan.txt"], texts, strict=True)
        )
    ]
    found = [Hit(c, 0.9 - i / 10, i + 1, i + 1, 0.5, 1.0) for i, c in enumerate(chunks)]
    asked = question("Hur mycket kostar samarbetet per invånare?")
    ranked = rank(asked, found, builder(), scorer("rank_rr"))
    answer = compose(asked, found, ranked, scorer("rank_rr"))
    assert answer.found and answer.text.startswith("15 kr per invånare och år [1]")
    # the next passage of the same document, not the other document's
    assert [c.chunk.chunk_id for c in answer.citations] == ["m0", "m2"]
    assert "Se även: ”Föreningen tar ut 15 kr per invånare och år.” [2]" in answer.text


def test_an_amount_within_another_is_not_the_same_amount():
    """'15 kr' is not stated again by '115 kr' or '2,15 kr' in another passage."""
    texts = [
        "Samarbetet finansieras med 15 kr per invånare och år.",
        "Avgiften är 115 kr per invånare och år.",
    ]
    chunks = [Chunk(f"n{i}", "plan.txt", "Plan", (), t, 0, len(t)) for i, t in enumerate(texts)]
    found = [Hit(c, 0.9 - i / 10, i + 1, i + 1, 0.5, 1.0) for i, c in enumerate(chunks)]
    asked = question("Hur mycket kostar samarbetet per invånare?")
    answer = compose(
        asked, found, rank(asked, found, builder(), scorer("rank_rr")), scorer("rank_rr")
    )
    assert answer.found and [c.chunk.chunk_id for c in answer.citations] == ["n0"]


def test_a_share_or_a_sum_of_money_does_not_answer_how_many_things():
    """'Hur många invånare …?' is not answered by '15 kr per invånare'; 'hur många kronor'
    is."""
    found = [Hit(PROSE, 0.9, 1, 1, 0.5, 1.0)]
    asked = question("Hur många invånare finansierar samarbetet?")
    ranked = rank(asked, found, builder(), scorer("required_share"))
    assert not compose(asked, found, ranked, scorer("required_share")).found
    asked = question("Hur många kronor per invånare finansierar samarbetet?")
    ranked = rank(asked, found, builder(), scorer("required_share"))
    assert compose(asked, found, ranked, scorer("required_share")).found


@pytest.mark.parametrize(
    ("asked", "span", "is_given"),
    [
        ("Vilket datum hålls forumet 2025?", "under 2025", True),
        ("När under 2025 hålls forumet?", "maj 2025", False),
        ("När ska byggstarten ske enligt planen 2016-2019?", "senast år 2019", False),
        ("Hur mycket betalar en kommun med 10 000 invånare?", "10 kr per invånare", False),
    ],
)
def test_a_span_is_the_questions_own_only_when_it_adds_nothing(asked, span, is_given):
    assert given(question(asked), span) is is_given


def test_below_the_threshold_the_answer_says_so():
    q = question("Who is responsible for Söderåsbanan?")
    ranked = rank(q, hits(), builder(), scorer("required_share", threshold=0.999))
    answer = compose(q, hits(), ranked, scorer("required_share", threshold=0.999))
    assert not answer.found
    assert answer.text == NOT_FOUND["en"]
    assert answer.citations == ()


def test_a_close_second_passage_is_quoted_too():
    q = question("Hur ofta sammanträder styrelsen?")
    second = scorer("rank_rr", threshold=0.0, second=0.1)
    ranked = rank(q, hits(), builder(), second)
    answer = compose(q, hits(), ranked, second)
    assert [c.n for c in answer.citations] == [1, 2]
    assert "[1]" in answer.text and "Se även: ”" in answer.text and "[2]" in answer.text


def test_leads_only_where_the_structure_makes_them_certain():
    when = question("När ska byggstarten för Söderåsbanan ske senast?")
    assert lead_for(when, ROW, ROW.text) == "senast år 2019"
    often = question("Hur ofta sammanträder styrelsen?")
    assert lead_for(often, PROSE, PROSE.text) == "fyra gånger per år"
    what = question("Vad handlar planen om?")
    assert lead_for(what, PROSE, PROSE.text) == ""
    # two different amounts in the quote: no lead, the quote speaks
    much = question("Hur mycket kostar det?")
    assert lead_for(much, PROSE, "15 kr per invånare, senare 20 kr per invånare") == ""
    # a year the question gives itself is no answer to it
    given = question("Vilket datum hålls forumet 2025?")
    assert lead_for(given, PROSE, "Forumet hålls under 2025 i Funäsdalen.") == ""
    assert lead_for(given, PROSE, "Under 2025 hålls forumet den 3 mars 2025.") == "den 3 mars 2025"


def test_a_long_passage_is_quoted_around_its_best_sentence_verbatim():
    sentences = [f"Mening nummer {i} handlar om något helt annat än frågan." for i in range(12)]
    sentences[8] = "Styrelsen sammanträder fyra gånger per år."
    text = " ".join(sentences)
    chunk = Chunk("c3", "plan.txt", "T", (), text, 0, len(text))
    quote = quote_for(chunk, sentences[8], limit=200)
    assert sentences[8] in quote
    assert quote in text
    assert len(quote) <= 200


def test_english_inflections_find_the_glossary_entry():
    pairs = dict(translate(["who", "is", "responsible", "for", "meetings"]))
    assert "ansvarig" in pairs["responsible"]
    assert pairs["meetings"]  # plural of "meeting"
    assert "svar" not in pairs["responsible"]  # not the entry of "response"


def test_a_mythes_thesaurus_is_read():
    table = parse_mythes("UTF-8\nsköta|1\n|driva|hålla i|ta hand om\nträffas|1\n|mötas|ses\n")
    assert table["sköta"] == ("driva", "hålla i", "ta hand om")
    assert table["träffas"] == ("mötas", "ses")


def test_scorer_file_round_trip_and_feature_check():
    s = scorer("coverage")
    again = parse_scorer(s.to_json())
    assert again.features == FEATURES and again.threshold == s.threshold
    broken = s.to_json().replace('"coverage"', '"something_else"', 1)
    with pytest.raises(ValueError, match="assistant train"):
        parse_scorer(broken)


def test_threshold_keeps_confident_wrong_answers_within_the_target():
    # five questions: best probabilities, whether the best passage is right, answerable
    best = np.array([0.9, 0.8, 0.7, 0.6, 0.3])
    right = np.array([True, True, False, True, False])
    answerable = np.array([True, True, True, True, False])
    threshold, figures = choose_threshold(best, right, answerable)
    assert threshold == 0.8  # answering the 0.7 one would be 20 % confident wrong
    assert figures["confident_wrong"] == 0.0


def test_per_question_counts_a_quoted_second_passage():
    table = Table(labels=[0, 1, 0], groups=[0, 0, 0], answerable=[True], names=["q"])
    probabilities = np.array([0.9, 0.5, 0.1])
    _, alone = per_question(table, probabilities, second_ratio=2.0)
    _, with_second = per_question(table, probabilities, second_ratio=0.5)
    assert not alone[0] and with_second[0]


def test_a_missing_thesaurus_is_named_in_one_line(monkeypatch, tmp_path):
    from assistant.qa import thesaurus

    monkeypatch.setattr(thesaurus, "DEFAULT_PATHS", (tmp_path / "none.dat",))
    monkeypatch.delenv("AVTAL_THESAURUS", raising=False)
    assert "mythes-sv" in thesaurus.status()
    found = tmp_path / "th.dat"
    found.write_text("UTF-8\nsköta|1\n|driva\n", encoding="utf-8")
    monkeypatch.setenv("AVTAL_THESAURUS", str(found))
    assert thesaurus.status() == ""


def test_an_answer_with_a_lead_and_two_long_quotes_stays_within_600_characters():
    words = " ".join(f"Mätetal nummer {i} om Söderåsbanan och annat." for i in range(40))
    long_row = Chunk(
        "c4",
        "plan.txt",
        "Verksamhetsplan Sjöbygden",
        ("1. Infrastruktur",),
        f"Mätetal: {words} | Ansvarig: Svalöv, Åstorp, Klippan, Bjuv och Ängelholm",
        0,
        2000,
        row=TableRow(
            1, 2, (("Mätetal", words), ("Ansvarig", "Svalöv, Åstorp, Klippan, Bjuv och Ängelholm"))
        ),
    )
    long_prose = Chunk("c5", "plan.txt", "Verksamhetsplan Sjöbygden", (), words, 0, 2000)
    q = question("Vem ansvarar för Söderåsbanan?")
    both = [Hit(long_row, 0.9, 1, 1, 0.5, 1.0), Hit(long_prose, 0.8, 2, 2, 0.4, 0.9)]
    s = scorer("rank_rr", threshold=0.0, second=0.01)
    answer = compose(q, both, rank(q, both, builder(), s), s)
    assert answer.text.startswith("Ansvarig: Svalöv, Åstorp, Klippan, Bjuv och Ängelholm [1]")
    assert len(answer.citations) == 2
    assert len(answer.text) <= 600
    assert all(c.quote in c.chunk.text for c in answer.citations)


def test_reverse_questions_are_recognised_and_answered_from_the_register():
    from assistant.qa.shapes.register import asked_party, narrowed, register_answer
    from ingest.overview.model import Evidence, Record

    def record(item: str, text: str, section: str, quote: str, start: int) -> Record:
        evidence = Evidence(quote, start, start + len(quote))
        return Record(
            "plan.txt", "Svalöv", "svalöv", "ansvarig", item, text, section, "table", evidence
        )

    assert asked_party(question("Vad ansvarar Svalöv för?")) == "Svalöv"
    assert asked_party(question("Vilka mätetal ansvarar Höganäs för?")) == "Höganäs"
    assert asked_party(question("What is Perstorp responsible for?")) == "Perstorp"
    assert asked_party(question("Vem ansvarar för Söderåsbanan?")) is None
    start = ROW.text.index("1.6")
    records = [
        record(
            "1.6",
            "Byggstart för Söderåsbanan senast år 2019.",
            "1. Infrastruktur",
            "1.6 Byggstart för Söderåsbanan",
            start,
        ),
        record(
            "3.1", "Fler elever med godkända betyg.", "3. Lärande", "finns inte i någon passage", 0
        ),
    ]
    q = question("Vad ansvarar Svalöv för?")
    kept = narrowed(q, "Svalöv", records, lambda r: frozenset(tokenize(r.text, VOCABULARY)))
    assert kept == records  # nothing else asked: every record stays
    answer = register_answer(q, records, lambda doc: [ROW, PROSE], hits())
    assert answer is not None and answer.found
    # the record whose quote no passage holds is left out, never cited on a guess
    assert answer.text.startswith("Svalöv ansvarar för 1 punkt:")
    assert [c.chunk for c in answer.citations] == [ROW]
    assert register_answer(q, records[1:], lambda doc: [ROW, PROSE], hits()) is None


def test_a_reverse_question_for_what_a_party_does_alone_leaves_out_shared_items():
    from assistant.qa.shapes.register import asked_party, asks_alone, sole
    from ingest.overview.model import Evidence, Record

    def record(party: str, item: str) -> Record:
        proof = Evidence(f"Åtgärd {item}", 0, 9)
        return Record(
            "plan.txt", party, party.casefold(), "huvudansvar", item, "t", "", "table", proof
        )

    alone = question("Vilken åtgärd ansvarar Hofors ensamt för?")
    assert asked_party(alone) == "Hofors" and asks_alone(alone)
    also = question("Vad ansvarar Tingsryds kommun särskilt för?")
    assert asked_party(also) == "Tingsryds kommun" and not asks_alone(also)
    assert not asks_alone(question("Vad ansvarar Hofors för?"))
    everyone = [record("Hofors", "1"), record("Gävle", "1"), record("Hofors", "2")]
    assert [r.item for r in sole(everyone[::2], everyone)] == ["2"]


def test_an_answer_resting_only_on_poorly_read_ocr_text_says_so():
    from dataclasses import replace as changed

    from assistant.qa.shapes.ocr_note import uncertain_reading_note
    from assistant.types import Answer, Citation

    scanned = changed(ROW, ocr=True, ocr_confidence=55.0, page=3)
    answer = Answer("Ansvarig: Svalöv [1]", True, "sv", (Citation(1, scanned, "1.6"),))
    note = uncertain_reading_note(answer)
    assert note.startswith("Obs: svaret bygger bara på inskannad text")
    assert "s. 3, 55 %" in note
    typed = Answer("Ansvarig: Svalöv [1]", True, "sv", (Citation(1, ROW, "1.6"),))
    assert uncertain_reading_note(typed) == ""
    mixed = Answer("x", True, "sv", (Citation(1, scanned, "1.6"), Citation(2, ROW, "1.6")))
    assert uncertain_reading_note(mixed) == ""


def test_a_quote_around_the_answer_starts_where_its_sentence_starts():
    filler = " ".join(f"Mening {i} om något annat än frågan." for i in range(20))
    text = f"{filler} Styrelsen sammanträder fyra gånger per år. {filler}"
    chunk = Chunk("c6", "plan.txt", "T", (), text, 0, len(text))
    focus = text.index("fyra gånger")
    quote = quote_for(chunk, "Mening 0 om något annat än frågan.", limit=200, focus=focus)
    assert "Styrelsen sammanträder fyra gånger per år." in quote
    assert quote.startswith("Mening") or quote.startswith("Styrelsen")
    assert quote in text and len(quote) <= 200


def test_a_quote_keeps_its_best_sentence_when_that_holds_an_answer_of_the_asked_kind():
    filler = " ".join(f"Mening {i} om något annat än frågan." for i in range(20))
    text = f"Målbild 2019-2022 för antagande. {filler} Målbilden togs fram under 2018. {filler}"
    chunk = Chunk("c7", "plan.txt", "T", (), text, 0, len(text))
    best = "Målbilden togs fram under 2018."
    spans = [(text.index("2019-2022"), text.index("2019-2022") + 9)]
    spans.append((text.index("2018"), text.index("2018") + 4))
    # the focus (a year nearer the question's words) does not pull the quote away from
    # the best sentence, which holds a year itself
    quote = quote_for(chunk, best, limit=200, focus=spans[0][0], spans=spans)
    assert best in quote and "2019-2022" not in quote
    # without a span of its own, the best sentence gives way to the focus
    quote = quote_for(chunk, best, limit=200, focus=spans[0][0], spans=spans[:1])
    assert "2019-2022" in quote
    # a span of the asked kind in a sentence next to the best one does not hold it either
    text = (
        f"{filler} Avtalet gäller från den 1 januari 2024. {filler} Om giltigheten. "
        f"Den 10 maj 2023 skrevs det under. {filler}"
    )
    chunk = Chunk("c8", "plan.txt", "T", (), text, 0, len(text))
    spans = [(text.index("den 1 januari 2024"), text.index("den 1 januari 2024") + 18)]
    spans.append((text.index("Den 10 maj 2023"), text.index("Den 10 maj 2023") + 15))
    quote = quote_for(chunk, "Om giltigheten.", limit=200, focus=spans[0][0], spans=spans)
    assert "1 januari 2024" in quote


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Which municipality is the host municipality for Kompetenssamverkan Kalmarsund?", "who"),
        ("Vilken kommun är värdkommun för samverkan?", "who"),
        ("Which municipalities are members of Nordostkommunerna?", "list"),
        ("Vilka kommuner är med i MalmöLundregionen?", "list"),
        ("What are the target areas of the plan?", "list"),
        ("Which bus lines are planned?", "list"),
        ("What is the notice period for the agreement?", "what"),
        ("Vad är syftet med samverkan?", "what"),
        ("What status does the declaration have?", "what"),
        ("What does the plan say about housing?", "what"),
    ],
)
def test_english_which_and_what_ask_for_a_list_only_in_the_plural(question: str, kind: str):
    # Swedish marks the plural with "vilka"; English which/what questions were all taken for
    # lists, so the same question asked in English scored as another kind than in Swedish
    assert analyse(question, frozenset(), {}, 1).kind == kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Hur många gånger per år träffas ledningsgruppen?", "frequency"),
        ("How many times a year does the board meet?", "frequency"),
        ("Hur många ledamöter har styrelsen?", "amount"),
    ],
)
def test_how_many_times_asks_how_often(question: str, kind: str):
    assert analyse(question, frozenset(), {}, 1).kind == kind


def test_a_reverse_question_for_one_role_keeps_that_role_and_each_line_says_its_role():
    from assistant.qa.shapes.register import asked_party, of_role, register_answer
    from ingest.overview.model import Evidence, Record

    start = ROW.text.index("1.6")
    evidence = Evidence("1.6 Byggstart för Söderåsbanan", start, start + 30)

    def record(role: str, item: str) -> Record:
        return Record(
            "plan.txt", "Svalöv", "svalöv", role, item, "Byggstart.", "", "table", evidence
        )

    records = [record("huvudansvar", "1.6"), record("medansvar", "1.7")]
    led = question("Vilka åtgärder leds av Svalöv i Familjen Helsingborg?")
    assert asked_party(led) == "Svalöv"
    assert [r.item for r in of_role(led, records)] == ["1.6"]
    assert [r.item for r in of_role(question("Vad har Svalöv medansvar för?"), records)] == ["1.7"]
    # a plain "Ansvarig" (a table without the two columns) is what the party leads
    plain = [record("ansvarig", "1.6")]
    assert of_role(led, plain) == plain
    assert of_role(question("Vad har Svalöv medansvar för?"), plain) == []
    both = question("What is Svalöv responsible for?")
    assert of_role(both, records) == records
    answer = register_answer(both, records, lambda doc: [ROW], hits())
    assert answer is not None
    assert "(main responsibility)" in answer.text and "(shared responsibility)" in answer.text


def test_a_name_is_found_in_its_genitive():
    """'Dals-Ed's' and 'Ed' find the documents' 'Dals-Eds kommun' and 'Eds kommun': the
    stemmer leaves a short name's genitive -s on."""
    from ingest.lexical import stem, words

    tokens = frozenset(stem(w) for w in words("I dag handläggs ärenden i Dals-Eds kommun."))
    asked = analyse("How large is Dals-Ed's licensing post today?", frozenset(), {}, 1)
    name = next(t for t in asked.terms if t.required)
    assert name.found_in(tokens)
    short = analyse("Vad betalar Ed?", frozenset(), {}, 1)
    assert next(t for t in short.terms if t.required).found_in(
        frozenset(stem(w) for w in words("Eds kommun betalar 10 000 kronor."))
    )
