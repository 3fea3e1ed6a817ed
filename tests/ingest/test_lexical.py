from ingest.lexical import build_vocabulary, compound_parts, stem, tokenize
from ingest.sentences import split_sentences


def test_definite_forms_share_a_stem():
    assert stem("samarbetet") == stem("samarbete")
    assert stem("huvudansvaret") == stem("huvudansvar")
    assert stem("Halmstads".lower()) == stem("halmstad")


def test_compounds_yield_their_parts_when_both_are_corpus_words():
    vocabulary = build_vocabulary(["hushållen sorterar avfall", "ett index över mångfalden"])
    assert compound_parts("hushållsavfall", vocabulary) == [stem("hushåll"), stem("avfall")]
    assert compound_parts("mångfaldsindex", vocabulary) == [stem("mångfald"), stem("index")]
    assert compound_parts("söderåsbanan", vocabulary) == []


def test_tokens_drop_stop_words_and_footnote_marks():
    tokens = tokenize("Ledningsgrupp¹ och KOMPETENS-FÖRSÖRJNING", frozenset())
    assert "och" not in tokens
    assert stem("ledningsgrupp") in tokens
    assert stem("kompetensförsörjning") in tokens


def test_sentences_keep_item_numbers_and_abbreviations():
    text = "3.1. Resultat ska öka. 3.2 Meritpoäng ska öka. Se t.ex. Halmstad."
    assert split_sentences(text) == [
        "3.1. Resultat ska öka.",
        "3.2 Meritpoäng ska öka.",
        "Se t.ex. Halmstad.",
    ]


def test_a_sentence_may_end_with_the_word_i():
    text = "Miljöer som människor vill bo i. För att vara en plats. Kontakt: J. Hansson."
    assert split_sentences(text) == [
        "Miljöer som människor vill bo i.",
        "För att vara en plats.",
        "Kontakt: J. Hansson.",
    ]


def test_an_item_number_is_a_word_as_well_as_its_parts():
    from ingest.lexical import words

    assert words("Mätetal 1.6 Byggstart, strategi 2.0 och 2016-2019") == [
        "mätetal",
        "1",
        "6",
        "1.6",
        "byggstart",
        "strategi",
        "2",
        "0",
        "2.0",
        "och",
        "2016",
        "2019",
    ]
    assert words("Nr: 14.4") == ["nr", "14", "4", "14.4"]  # 4.4 is not there
