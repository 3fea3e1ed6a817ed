"""View functions of the chat app: follow-ups, answer and source rendering, highlighting,
the document reader, feedback storage and export. Most tests need no index; the last ones
use the session's seed-corpus assistant.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from assistant.qa.question import Question
from assistant.types import Answer, Citation, Hit, Turn
from assistant.web.chat import (
    Exchange,
    exchange_at,
    messages,
    passage_of,
    pending,
    rating_of,
    respond,
    respond_steps,
)
from assistant.web.documents import (
    PASSAGE_CLASS,
    Passage,
    document_choices,
    document_rows,
    document_view,
    indexed_time,
    known_doc_ids,
    marked_html,
    read_source,
    sorted_doc_ids,
)
from assistant.web.feedback import FeedbackStore, Vote
from assistant.web.feedback import main as feedback_main
from assistant.web.followup import ask_in_context, is_follow_up, names, rewrite
from assistant.web.present import (
    answer_markdown,
    answer_plain_text,
    answer_stems,
    chat_markdown,
    find_quote,
    highlight,
    sources_html,
)
from ingest.discover import file_hash
from ingest.lexical import stem
from ingest.schema import Chunk
from ingest.store import DocumentInfo, Manifest

ROW = (
    "Mål 2016-2019: Framgång i prioriterade infrastrukturprojekt. | Mätetal: Söderåsbanan "
    "1.6 Byggstart för Söderåsbanan senast år 2019. | Ansvarig: Svalöv"
)
QUOTE = "Söderåsbanan 1.6 Byggstart för Söderåsbanan senast år 2019."
TITLE = "Verksamhetsplan Familjen Helsingborg 2016-2019"
SECTION = ("1. Infrastruktur och kollektivtrafik",)


def chunk(text: str = ROW, doc_id: str = "fh.txt", start: int = 10, position: int = 0) -> Chunk:
    return Chunk(
        f"{doc_id}#{position}",
        doc_id,
        TITLE,
        SECTION,
        text,
        start,
        start + len(text),
        position=position,
    )


def found_answer(language: str = "sv") -> Answer:
    text = f"Ansvarig: Svalöv [1] (för ”{QUOTE}”)"
    return Answer(text, True, language, (Citation(1, chunk(), QUOTE),))  # type: ignore[arg-type]


def not_found_answer() -> Answer:
    hits = tuple(
        Hit(chunk(f"Passage {i} om Ostlänken.", position=i), 1.0 / (i + 1)) for i in range(5)
    )
    return Answer("Jag hittar inget om det i dokumenten.", False, "sv", (), hits)


# -- follow-up questions ---------------------------------------------------------------------
SODERASBANAN = [Turn("Vem ansvarar för Söderåsbanan?", "Ansvarig: Svalöv [1]")]


def test_follow_up_takes_the_subject_of_the_previous_question():
    rewritten = rewrite("Och när ska bygget starta?", SODERASBANAN)
    assert rewritten.asked == "Och när ska bygget starta?"
    assert rewritten.searched == "När ska bygget starta? (Söderåsbanan)"
    assert rewritten.changed


def test_follow_up_chains_through_rewritten_turns():
    history = [*SODERASBANAN, Turn("När ska bygget starta? (Söderåsbanan)", "Senast år 2019")]
    history.append(Turn("Vad kostar det?", "Jag hittar inget"))  # names nothing itself
    assert rewrite("Och vem betalar den?", history).searched == ("Vem betalar den? (Söderåsbanan)")


def test_elliptical_follow_up_swaps_the_names_into_the_previous_question():
    assert rewrite("Och för Pågatåg Nordost?", SODERASBANAN).searched == (
        "Vem ansvarar för Pågatåg Nordost?"
    )
    assert rewrite("What about Business Region Halmstad?", SODERASBANAN).searched == (
        "Vem ansvarar för Business Region Halmstad?"
    )


def test_questions_that_stand_alone_are_not_rewritten():
    for question in [
        "Hur ofta träffas ledningsgruppen?",  # a new topic: not narrowed to Söderåsbanan
        "Vad säger MalmöLundregionen om bostäder?",
        "Och vem ansvarar för Västkustbanan?",  # has its own subject; only "och" goes
    ]:
        rewritten = rewrite(question, SODERASBANAN)
        assert "Söderåsbanan" not in rewritten.searched, question
    assert rewrite("Och vem ansvarar för Västkustbanan?", SODERASBANAN).searched == (
        "Vem ansvarar för Västkustbanan?"
    )
    assert not rewrite("Och när ska bygget starta?", []).changed


def test_back_references_and_fragments_count_as_follow_ups():
    history = [Turn("Hur ofta träffas ledningsgruppen i Business Region Halmstad?", "…")]
    assert rewrite("Vem leder den?", history).searched == (
        "Vem leder den? (Business Region Halmstad)"
    )
    assert rewrite("Och budgeten?", SODERASBANAN).searched == "Budgeten? (Söderåsbanan)"
    assert is_follow_up("And when will construction start?")
    assert not is_follow_up("Hur stor är medlemsavgiften i Familjen Helsingborg?")


def test_names_are_runs_of_capitalised_words_but_not_question_words():
    assert names("Hur ofta träffas ledningsgruppen i Business Region Halmstad?") == [
        "Business Region Halmstad"
    ]
    assert names("Vad är Vision 2020 och vem ansvarar för Söderåsbanan?") == [
        "Vision 2020",
        "Söderåsbanan",
    ]
    assert names("MalmöLundregionen, vilka ingår?") == ["MalmöLundregionen"]
    assert names("Budgeten för 2019?") == []
    assert names("Who is responsible for Söderåsbanan?") == ["Söderåsbanan"]


def test_ask_in_context_falls_back_to_the_question_as_typed():
    asked: list[str] = []

    def ask(text: str) -> Answer:
        asked.append(text)
        return found_answer() if "(" not in text else not_found_answer()

    rewritten, answer = ask_in_context(ask, "Och budgeten?", SODERASBANAN)
    assert asked == ["Budgeten? (Söderåsbanan)", "Och budgeten?"]
    assert answer.found and not rewritten.changed


# -- answers, sources, highlighting ----------------------------------------------------------
def test_highlight_marks_the_quote_and_the_key_words_and_escapes():
    stems = {stem("söderåsbanan"), stem("svalöv")}
    marked = highlight(ROW + " <script>x</script>", QUOTE, stems)
    assert '<mark class="avtal-quote"><mark class="avtal-term">Söderåsbanan</mark> 1.6' in marked
    assert marked.count('<mark class="avtal-term">Söderåsbanan</mark>') == 2
    assert '<mark class="avtal-term">Svalöv</mark>' in marked
    assert "<script>" not in marked and "&lt;script&gt;" in marked
    assert "Mål 2016-2019: Framgång" in marked  # the rest is left as it is


def test_highlight_marks_compounds_holding_a_key_word():
    marked = highlight("Byggstart för banan.", "", {stem("starta")})
    assert '<mark class="avtal-term">Byggstart</mark>' in marked


def test_find_quote_ignores_case_and_spacing_and_reports_absence():
    text = "Mätetal: Söderåsbanan 1.6\n Byggstart   för Söderåsbanan."
    end = text.index("för") + len("för")
    assert find_quote(text, "söderåsbanan 1.6 Byggstart för") == (9, end)
    assert find_quote(text, "”Söderåsbanan 1.6”") == (9, 25)
    assert find_quote(text, "Ostlänken") is None
    assert highlight("a <b> c", "nothing here") == "a &lt;b&gt; c"


def test_answer_stems_are_the_answer_words_outside_quotes():
    assert answer_stems(found_answer()) == {stem("ansvarig"), stem("svalöv")}
    assert answer_stems(not_found_answer()) == frozenset()


def test_sources_panel_lists_each_citation_with_title_section_and_marked_passage():
    panel = sources_html(found_answer(), {stem("svalöv")})
    assert "<h4>Källor</h4>" in panel
    assert f'data-doc="fh.txt" data-start="10" data-end="{10 + len(ROW)}"' in panel
    assert TITLE in panel and SECTION[0] in panel
    assert '<mark class="avtal-quote">' in panel and '<mark class="avtal-term">Svalöv' in panel
    assert "Visa i dokumentet" in panel
    english = sources_html(found_answer("en"))
    assert "<h4>Sources</h4>" in english and "Show in the document" in english


def test_sources_panel_says_when_nothing_was_found_and_shows_the_closest_passages():
    panel = sources_html(not_found_answer())
    assert "Närmaste träffar (inget svar)" in panel
    assert "inte ett svar" in panel
    assert panel.count('class="avtal-source"') == 3
    assert "[1]" not in panel
    assert "Källorna till svaret visas här." in sources_html(None)


def test_chat_markdown_shows_the_answer_the_reading_and_the_source_labels():
    text = chat_markdown(found_answer(), "När ska bygget starta? (Söderåsbanan)")
    assert text.startswith("Ansvarig: Svalöv [1]")
    assert "*Tolkat som: När ska bygget starta? (Söderåsbanan)*" in text
    assert f"[1] {TITLE} › {SECTION[0]}" in text
    assert ROW not in text  # passages are in the sources panel
    missing = chat_markdown(not_found_answer())
    assert missing.startswith("Jag hittar inget om det i dokumenten.")
    assert "besvarar inte frågan" in missing


def test_plain_text_copy_holds_question_answer_and_sources():
    text = answer_plain_text(found_answer(), "Vem ansvarar för Söderåsbanan?")
    assert text.splitlines()[:3] == [
        "Fråga: Vem ansvarar för Söderåsbanan?",
        "",
        found_answer().text,
    ]
    assert f"[1] {TITLE} › {SECTION[0]}\n    {ROW}" in text
    assert "<" not in text and "**" not in text
    assert "Närmaste träffar (inget svar):" in answer_plain_text(not_found_answer())


def test_api_markdown_is_unchanged():
    text = answer_markdown(found_answer())
    assert text.startswith("Ansvarig: Svalöv [1]")
    assert "**Källor**" in text and f"**{TITLE} › {SECTION[0]}**" in text


# -- documents ------------------------------------------------------------------------------
def manifest(*infos: tuple[str, DocumentInfo]) -> Manifest:
    return Manifest("model", 384, "1", "2026-01-01T00:00:00+0000", dict(infos))


def info(title: str, content: bytes = b"", **fields) -> DocumentInfo:
    return DocumentInfo(title, file_hash(content), 3, "2026-11-23T02:02:06+0000", **fields)


def test_marked_html_marks_exactly_the_passage_and_strips_export_tags():
    text = "Före <b>fet</b> & sedan. PASSAGEN <i>här</i>. Efter."
    start = text.index("PASSAGEN")
    end = text.index(". Efter")
    html = marked_html(text, start, end)
    assert html == (
        f'Före fet &amp; sedan. <mark class="{PASSAGE_CLASS}">PASSAGEN här</mark>. Efter.'
    )
    assert PASSAGE_CLASS not in marked_html(text, 5, 999)  # offsets outside: no mark


def test_read_source_refuses_paths_outside_the_corpus_and_changed_files(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Hej", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("hemligt", encoding="utf-8")
    assert read_source(corpus, "a.txt", file_hash(b"Hej")) == "Hej"
    assert read_source(corpus, "a.txt", file_hash(b"annat")) is None
    assert read_source(corpus, "../secret.txt") is None
    assert read_source(corpus, "saknas.txt") is None


def test_document_view_marks_the_passage_or_falls_back_to_the_indexed_passages(tmp_path: Path):
    source = "# Rubrik\n\nInledning.\n\nSöderåsbanan byggs 2019.\n"
    (tmp_path / "fh.txt").write_text(source + "ändrad", encoding="utf-8")
    start = source.index("Söderåsbanan")
    docs = manifest(("fh.txt", info(TITLE, source.encode())))
    passage = Passage("fh.txt", start, start + len("Söderåsbanan byggs 2019."))
    chunks = [chunk("Inledning.", start=10), chunk("Söderåsbanan byggs 2019.", start=start)]
    fallback = document_view(docs, tmp_path, chunks, "fh.txt", passage)
    assert "har ändrats sedan indexeringen" in fallback
    assert f'<mark class="{PASSAGE_CLASS}">Söderåsbanan byggs 2019.</mark>' in fallback
    (tmp_path / "fh.txt").write_text(source, encoding="utf-8")  # the indexed content again
    view = document_view(docs, tmp_path, [], "fh.txt", passage)
    assert f"<h3>{TITLE}</h3>" in view
    assert f'<mark class="{PASSAGE_CLASS}">Söderåsbanan byggs 2019.</mark>' in view
    stored = document_view(docs, tmp_path, [], "fh.txt", passage, stored=lambda _: source)
    (tmp_path / "fh.txt").unlink()  # the text stored with the index needs no file
    assert document_view(docs, tmp_path, [], "fh.txt", passage, stored=lambda _: source) == stored
    assert "Okänt dokument" in document_view(docs, tmp_path, [], "nej.txt")


def test_document_list_rows_choices_and_filter():
    docs = manifest(
        ("b.txt", info("Verksamhetsplan", organisations=["Lund", "Malmö"], period="2016-2018")),
        ("a.txt", info("Avsiktsförklaring")),
    )
    assert sorted_doc_ids(docs) == ["a.txt", "b.txt"]
    assert document_rows(docs) == [
        ["Avsiktsförklaring", "–", "–", 3, "2026-11-23 02:02"],
        ["Verksamhetsplan", "Lund, Malmö", "2016-2018", 3, "2026-11-23 02:02"],
    ]
    assert document_choices(docs) == [
        ("Avsiktsförklaring", "a.txt"),
        ("Verksamhetsplan (2016-2018)", "b.txt"),
    ]
    assert known_doc_ids(docs, ["b.txt", "okänd.txt"]) == ["b.txt"]
    assert known_doc_ids(docs, []) is None and known_doc_ids(docs, None) is None
    assert indexed_time("igår") == "igår"


# -- feedback ---------------------------------------------------------------------------------
def test_feedback_is_stored_with_question_answer_citations_and_time(tmp_path: Path):
    store = FeedbackStore(tmp_path / "sub" / "feedback.sqlite3")
    assert store.rows() == []
    vote = Vote(1, "Och när?", "När? (Söderåsbanan)", found_answer())
    row_id = store.record(vote, at="2026-11-23T10:00:00+00:00")
    store.record(Vote(-1, "Vem?", "Vem?", not_found_answer()))
    with sqlite3.connect(store.path) as db:
        stored = db.execute("SELECT rating, question, searched, answer, found FROM feedback")
        assert stored.fetchall() == [
            (1, "Och när?", "När? (Söderåsbanan)", found_answer().text, 1),
            (-1, "Vem?", "Vem?", "Jag hittar inget om det i dokumenten.", 0),
        ]
    first = store.rows()[0]
    assert first["id"] == row_id and first["created_at"] == "2026-11-23T10:00:00+00:00"
    citations = json.loads(str(first["citations"]))
    assert citations[0]["title"] == TITLE and citations[0]["quote"] == QUOTE
    with pytest.raises(ValueError):
        store.record(Vote(0, "q", "q", found_answer()))


def test_feedback_exports_to_csv_from_the_command_line(tmp_path: Path, capsys):
    db = tmp_path / "feedback.sqlite3"
    FeedbackStore(db).record(Vote(1, "Vem ansvarar för Söderåsbanan?", "x", found_answer()))
    out = tmp_path / "feedback.csv"
    assert feedback_main(["export", str(out), "--db", str(db)]) == 0
    assert "1 vote written" in capsys.readouterr().out
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["question"] == "Vem ansvarar för Söderåsbanan?"
    assert rows[0]["rating"] == "1" and "Svalöv" in rows[0]["answer"]
    assert feedback_main(["export", str(out), "--db", str(tmp_path / "none.sqlite3")]) == 1


# -- callback helpers -------------------------------------------------------------------------
def test_callback_helpers_map_gradio_events():
    assert rating_of(True) == 1 and rating_of("Like") == 1
    assert rating_of(False) == -1 and rating_of("Dislike") == -1
    assert rating_of(None) is None
    assert passage_of({"doc": "a.txt", "start": "3", "end": "9"}) == Passage("a.txt", 3, 9)
    assert passage_of({"doc": "a.txt"}) is None and passage_of(None) is None


def test_conversation_messages_and_vote_targets(assistant):
    first = respond(assistant, "Vem ansvarar för Söderåsbanan?", None, [])
    second = respond(assistant, "Och när ska bygget starta?", None, [first])
    assert first.answer.text.startswith("Ansvarig: Svalöv [1]")
    assert second.searched == "När ska bygget starta? (Söderåsbanan)"
    assert "2019" in second.answer.text
    assert stem("svalöv") in first.stems and stem("söderåsbanan") in first.stems
    chat = messages([first, second])
    assert [m["role"] for m in chat] == ["user", "assistant", "user", "assistant"]
    assert "Tolkat som" in chat[3]["content"] and "Tolkat som" not in chat[1]["content"]
    assert exchange_at([first, second], 3) is second
    assert exchange_at([first, second], 1) is first
    assert exchange_at([first, second], 4) is None


def test_filter_limits_the_search_to_the_chosen_documents(assistant):
    familjen = "familjen-helsingborg-verksamhetsplan-2016-2019.txt"
    halmstad = "business-region-halmstad-avsiktsforklaring.txt"
    inside = respond(assistant, "Vem ansvarar för Söderåsbanan?", [familjen], [])
    assert inside.answer.found
    assert {c.chunk.doc_id for c in inside.answer.citations} == {familjen}
    outside = respond(assistant, "Vem ansvarar för Söderåsbanan?", [halmstad], [])
    assert not outside.answer.found
    assert {h.chunk.doc_id for h in outside.answer.hits} <= {halmstad}


class StreamingAssistant:
    """A stand-in for an Assistant with an LLM configured: streams, then the final answer."""

    generator = object()
    manifest = manifest(("fh.txt", info(TITLE)))

    def __init__(self) -> None:
        self.asked: list[tuple[str, object, list[Turn]]] = []

    def ask_stream(self, question: str, doc_ids=None, history=()):
        self.asked.append((question, doc_ids, list(history)))
        yield "Svalöv"
        yield "Svalöv ansvarar"
        yield found_answer()

    def analyse(self, question: str):
        return Question(question, "sv", "other", (), question)


def test_with_an_llm_the_answer_streams_then_ends_with_the_exchange():
    earlier = Exchange(
        "Vem ansvarar för Söderåsbanan?",
        "Vem ansvarar för Söderåsbanan?",
        found_answer(),
        frozenset(),
    )
    fake = StreamingAssistant()
    steps = list(respond_steps(fake, "Och när ska bygget starta?", ["fh.txt", "x"], [earlier]))
    assert steps[:2] == ["Svalöv", "Svalöv ansvarar"]
    final = steps[-1]
    assert isinstance(final, Exchange) and final.answer == found_answer()
    assert final.searched == "När ska bygget starta? (Söderåsbanan)"
    assert final.stems == {stem("ansvarig"), stem("svalöv")}
    question, doc_ids, history = fake.asked[0]
    assert question == final.searched and doc_ids == ["fh.txt"]
    assert history == [Turn("Vem ansvarar för Söderåsbanan?", found_answer().text)]
    assert pending("Fråga?", "Svalöv")[1] == {"role": "assistant", "content": "Svalöv"}
