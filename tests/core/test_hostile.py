"""Hostile and oversized input: every request and document gets bounded work (issue 17).

Behaviour is asserted here; time and memory are measured by benchmarks/hostile.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.service import MAX_QUESTION_CHARS, Assistant
from ingest import lexical
from ingest.lexical import MAX_COMPOUND, build_vocabulary, compound_parts, stem

REPO = Path(__file__).resolve().parents[2]


# -- 1. one question cannot exhaust the server ------------------------------------------------
@pytest.mark.parametrize("word", ["x" * 40_000, "ő" * 40_000, "x" * 100_000])
def test_a_long_one_word_question_is_answered_with_a_request_for_a_shorter_one(assistant, word):
    answer = assistant.ask(word)
    assert not answer.found and not answer.hits and not answer.citations
    assert answer.language == "sv"
    assert answer.text.startswith("Frågan är för lång (")
    assert "Ställ en kortare fråga, högst 1\u00a0000 tecken." in answer.text
    assert f"{len(word):,}".replace(",", "\u00a0") in answer.text


def test_a_long_english_question_is_refused_in_english(assistant):
    answer = assistant.ask("Who is responsible for " + "the railway " * 200 + "?")
    assert answer.language == "en"
    assert answer.text.startswith("The question is too long (2,")
    assert "Please ask a shorter question, at most 1,000 characters." in answer.text


def test_a_question_at_the_limit_is_still_answered(assistant):
    question = "Vem ansvarar för Söderåsbanan?"
    padded = question + " " * (MAX_QUESTION_CHARS - len(question))
    answer = assistant.ask(padded)
    assert answer.found and "Svalöv" in answer.text


def test_the_streamed_and_extractive_paths_refuse_too(assistant):
    word = "x" * (MAX_QUESTION_CHARS + 1)
    assert assistant.extract(word).text.startswith("Frågan är för lång")
    streamed = list(assistant.ask_stream(word))
    assert len(streamed) == 1 and streamed[0].text.startswith("Frågan är för lång")
    assert len(assistant.analyse("ord " * 5000).text) == MAX_QUESTION_CHARS


def test_the_cli_answers_a_long_question_with_the_message(seed_index):
    question = "Vem ansvarar för " + "Söderåsbanan" * 200 + "?"
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "--index", str(seed_index), "--json", question],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["found"] is False and data["passages"] == []
    assert data["answer"].startswith("Frågan är för lång (2\u00a0")


def test_a_question_over_its_time_budget_gets_a_message(seed_index, embedder):
    settings = Settings(index_dir=seed_index, question_budget_s=0.0)
    answer = Assistant(settings, embedder=embedder).ask("Vem ansvarar för Söderåsbanan?")
    assert not answer.found and not answer.citations
    assert answer.text == (
        "Det tog för lång tid att besvara frågan. Försök med en kortare eller enklare fråga."
    )


def test_long_words_are_not_split_into_compounds():
    head, longer_head = "k" * (MAX_COMPOUND - 6), "k" * (MAX_COMPOUND - 5)
    vocabulary = build_vocabulary([head, longer_head, "avfall"])
    assert compound_parts(head + "avfall", vocabulary) == [stem(head), stem("avfall")]
    assert compound_parts(longer_head + "avfall", vocabulary) == []  # 41 letters


def test_the_stem_cache_keeps_only_short_words():
    before = lexical._cached_stem.cache_info().currsize
    assert stem("y" * (lexical.MAX_CACHED_WORD + 1)) == "y" * (lexical.MAX_CACHED_WORD + 1)
    assert lexical._cached_stem.cache_info().currsize == before
    stem("samverkansavtalen")
    assert lexical._cached_stem.cache_info().currsize <= before + 1


# -- 4. exports open as data, never as formulas -------------------------------------------
FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def test_every_text_cell_of_the_feedback_export_is_neutralised(tmp_path: Path):
    import csv

    from assistant.types import Answer
    from assistant.web.feedback import COLUMNS, FeedbackStore, Vote

    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    for n, formula in enumerate(FORMULAS):
        answer = Answer(formula, False, "sv")
        store.record(Vote(-1 if n % 2 else 1, formula, formula, answer), at=formula)
    out = tmp_path / "feedback.csv"
    assert store.export_csv(out) == len(FORMULAS)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    numbers = {"id", "rating", "found"}
    for row, formula in zip(rows, FORMULAS, strict=True):
        for column in set(COLUMNS) - numbers - {"language", "citations"}:
            assert row[column] == "'" + formula, column
        assert row["citations"] == "[]" and row["language"] == "sv"
        assert row["rating"] in ("1", "-1") and row["found"] == "0"  # numbers stay numbers


def test_the_shared_csv_helper_keeps_ordinary_text_and_numbers():
    from assistant.csv_safe import safe_cell

    assert safe_cell("Vem ansvarar?") == "Vem ansvarar?"
    assert safe_cell("a=b") == "a=b"
    assert safe_cell(-1) == -1 and safe_cell(2.5) == 2.5 and safe_cell(None) is None
    assert [safe_cell(f) for f in FORMULAS] == ["'" + f for f in FORMULAS]


# -- 2. large documents: page by page, a page limit, bounded DOCX ---------------------------
def test_a_pdf_over_the_page_limit_is_refused_with_the_reason(tmp_path: Path, monkeypatch):
    from assistant.admin.wording import reason_sv
    from benchmarks.hostile_inputs import small_pages_pdf
    from ingest.parse import UnreadableDocument
    from ingest.parse.pdf import parse_pdf

    path = small_pages_pdf(tmp_path / "lang.pdf", 4)
    monkeypatch.setenv("AVTAL_MAX_PDF_PAGES", "3")
    with pytest.raises(UnreadableDocument) as refused:
        parse_pdf(path)
    reason = str(refused.value)
    assert reason == "too many pages (4; the limit is 3, set by AVTAL_MAX_PDF_PAGES)"
    assert (
        reason_sv(refused.value.problem)
        == "för många sidor (4; gränsen är 3 och ändras med AVTAL_MAX_PDF_PAGES)"
    )
    monkeypatch.setenv("AVTAL_MAX_PDF_PAGES", "4")
    assert len(parse_pdf(path).blocks) == 4


def test_each_pdf_page_is_released_before_the_next_is_read(tmp_path: Path, monkeypatch):
    import pdfplumber.page

    from benchmarks.hostile_inputs import text_pdf
    from ingest.parse.pdf import read_pdf

    events: list[str] = []
    real_close, real_chars = pdfplumber.page.Page.close, pdfplumber.page.Page.chars

    def close(page) -> None:
        events.append(f"close {page.page_number}")
        real_close(page)

    def chars(page):
        if not events or events[-1] != f"read {page.page_number}":
            events.append(f"read {page.page_number}")
        return real_chars.fget(page)

    monkeypatch.setattr(pdfplumber.page.Page, "close", close)
    monkeypatch.setattr(pdfplumber.page.Page, "chars", property(chars))
    source, _, blocks = read_pdf(text_pdf(tmp_path / "plan.pdf", 3, lines_per_page=5))
    for number in (1, 2):  # page n is released before page n + 1 is read
        assert events.index(f"close {number}") < events.index(f"read {number + 1}")
    assert events[-1] == "close 3"
    assert {b.page for b in blocks} == {1, 2, 3} and "Avsnitt 3" in source


def test_a_docx_with_too_many_paragraphs_is_refused(tmp_path: Path, monkeypatch):
    from assistant.admin.wording import reason_sv
    from ingest.parse import UnreadableDocument
    from ingest.parse import docx as docx_format
    from tests.fixtures_formats import agreement_docx

    path = agreement_docx(tmp_path / "plan.docx")
    assert docx_format.parse_docx(path).blocks
    monkeypatch.setattr(docx_format, "MAX_PARTS", 3)
    with pytest.raises(UnreadableDocument) as refused:
        docx_format.parse_docx(path)
    assert str(refused.value).startswith("too many paragraphs and tables (")
    assert reason_sv(refused.value.problem).startswith("för många stycken och tabeller (")


# -- 3. the reader's text is extracted once, at ingest time ---------------------------------
def test_the_index_stores_each_documents_text_for_the_reader(assistant):
    from assistant.web.documents import read_source
    from tests.conftest import CORPUS

    for doc_id, info in assistant.manifest.documents.items():
        stored = assistant.document_text(info.content_hash)
        assert stored is not None and stored == read_source(CORPUS, doc_id, info.content_hash)
    assert assistant.document_text("../../manifest") is None


def test_the_reader_serves_the_stored_text_without_the_source_file(tmp_path: Path, embedder):
    from assistant.web.documents import Passage
    from ingest.build import build
    from tests.fixtures_formats import SODERAS, agreement_pdf

    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    agreement_pdf(corpus / "plan.pdf")
    (corpus / "avtal.txt").write_text("Avtal\n\nHöör och Åstorp samarbetar om avfall.\n")
    build(corpus, index_dir, embedder.model_id, 10_000_000, embedder=embedder)
    (corpus / "avtal.txt").write_text("Avtal\n\nÄndrat: Höör samarbetar om vatten.\n")
    report = build(corpus, index_dir, embedder.model_id, 10_000_000, embedder=embedder)
    assert report.unchanged == 1 and report.changed == ["avtal.txt"]  # plan.pdf was kept
    smart = Assistant(Settings(index_dir=index_dir, corpus_dir=corpus), embedder=embedder)
    (corpus / "plan.pdf").unlink()  # the reader must not need the file any more
    chunk = next(c for c in smart.document_chunks("plan.pdf") if SODERAS[:20] in c.text)
    view = _reader(smart, corpus, "plan.pdf", Passage("plan.pdf", chunk.start, chunk.end))
    assert "Källfilen saknas" not in view
    assert '<mark class="avtal-passage">' in view and "Söderåsbanan" in view
    assert "vatten" in _reader(smart, corpus, "avtal.txt", None)


def _reader(assistant: Assistant, corpus: Path, doc_id: str, passage) -> str:
    from assistant.web.documents import document_view

    chunks = assistant.document_chunks(doc_id)
    return document_view(
        assistant.manifest, corpus, chunks, doc_id, passage, stored=assistant.document_text
    )


def test_concurrent_clicks_without_a_stored_text_parse_the_document_once(
    tmp_path: Path, monkeypatch
):
    from concurrent.futures import ThreadPoolExecutor

    from assistant.web import documents
    from ingest.discover import file_hash
    from tests.fixtures_formats import agreement_pdf

    path = agreement_pdf(tmp_path / "plan.pdf")
    digest = file_hash(path.read_bytes())
    parsed: list[Path] = []
    real = documents.extracted_text

    def counting(source: Path) -> str | None:
        parsed.append(source)
        return real(source)

    monkeypatch.setattr(documents, "extracted_text", counting)
    with ThreadPoolExecutor(4) as pool:
        texts = list(
            pool.map(lambda _: documents.cached_source(tmp_path, "plan.pdf", digest), range(4))
        )
    assert len(parsed) == 1 and len(set(texts)) == 1 and "Söderåsbanan" in texts[0]


# -- 5. document text renders as text; entities are decoded before tags are stripped ------
IMAGE = "!&#91;x&#93;(http://127.0.0.1:9/spår.png)"


def test_encoded_markup_is_removed_the_same_way_in_the_passage_and_the_reader():
    from assistant.web.documents import marked_html
    from ingest.parse.markup import clean_inline

    source = f"Avtalet &lt;b&gt;gäller&lt;/b&gt; {IMAGE} från 2024."
    assert clean_inline(source) == "Avtalet gäller !x från 2024."
    reader = marked_html(source)  # the reader shows the source as text (in HTML, no markdown)
    assert reader == "Avtalet gäller ![x](http://127.0.0.1:9/spår.png) från 2024."
    assert "<" not in marked_html("&lt;script&gt;alert(1)&lt;/script&gt;x")
    assert clean_inline("a &lt; b &amp; c") == "a < b & c"
    assert marked_html("a &lt; b &amp; c") == "a &lt; b &amp; c"  # text, escaped again


@pytest.mark.parametrize(
    "text",
    [
        "![x](http://127.0.0.1:9/a.png)",
        "[klicka](http://127.0.0.1:9/)",
        "![x][ref]\n\n[ref]: http://127.0.0.1:9/a.png",
        '<img src="http://127.0.0.1:9/a.png">',
    ],
)
def test_document_text_in_the_chat_renders_no_image_or_link(text):
    from markdown_it import MarkdownIt

    from assistant.types import Answer, Citation
    from assistant.web.present import answer_markdown, chat_markdown
    from ingest.schema import Chunk

    chunk = Chunk("c1", "a.md", f"Titel {text}", ("Avsnitt",), f"Passage {text}", 0, 10)
    answer = Answer(f"Svar: {text} [1]", True, "sv", (Citation(1, chunk, text),))
    for markdown in (chat_markdown(answer, text), answer_markdown(answer)):
        rendered = MarkdownIt("commonmark").render(markdown)
        assert "<img" not in rendered and "<a " not in rendered, rendered
        assert "127.0.0.1:9" in rendered  # still shown, as text
    assert chat_markdown(answer).startswith("Svar: ")


# -- 2b. an admin upload is parsed outside the serving process -------------------------------
def test_an_isolated_parse_gives_the_same_document(tmp_path: Path):
    from ingest.discover import SourceFile, file_hash, parse_file
    from ingest.isolated import parse_isolated
    from tests.fixtures_formats import agreement_pdf

    path = agreement_pdf(tmp_path / "plan.pdf")
    source = SourceFile("plan.pdf", path, file_hash(path.read_bytes()), path.stat().st_size)
    assert parse_isolated(source, {}) == parse_file(source, {})


def test_an_isolated_parse_over_its_limits_is_a_refusal_not_a_crash(tmp_path: Path):
    from assistant.admin.wording import reason_sv
    from ingest.discover import SourceFile
    from ingest.isolated import parse_isolated
    from ingest.parse import UnreadableDocument
    from tests.fixtures_formats import agreement_pdf

    path = agreement_pdf(tmp_path / "plan.pdf")
    source = SourceFile("plan.pdf", path, "0", path.stat().st_size)
    with pytest.raises(UnreadableDocument) as slow:
        parse_isolated(source, {}, timeout_s=0.001)
    assert str(slow.value) == "took too long to read (over 0 s)"
    assert reason_sv(slow.value.problem) == "tog för lång tid att läsa (över 0 s)"
    with pytest.raises(UnreadableDocument) as big:
        parse_isolated(source, {}, memory_bytes=64 * 1024**2)
    assert reason_sv(big.value.problem) == "kunde inte läsas inom minnesgränsen (0,1 GB)"


def test_an_uploaded_pdf_over_the_page_limit_is_refused_in_swedish(tmp_path: Path, monkeypatch):
    from assistant.admin.corpus import save_upload
    from benchmarks.hostile_inputs import small_pages_pdf

    upload = small_pages_pdf(tmp_path / "upload.pdf", 4)
    corpus = tmp_path / "corpus"
    monkeypatch.setenv("AVTAL_MAX_PDF_PAGES", "3")  # the child process inherits it
    outcome = save_upload(upload, "lång plan.pdf", corpus, 10_000_000, replace=False)
    assert not outcome.done
    assert outcome.message == "för många sidor (4; gränsen är 3 och ändras med AVTAL_MAX_PDF_PAGES)"
    assert not (corpus / "lång plan.pdf").exists()


# -- 5b. sessions: votes, conversation, uploads ---------------------------------------------
def test_a_session_stores_at_most_max_votes(tmp_path: Path):
    from assistant.types import Answer
    from assistant.web.chat import ENOUGH_VOTES, MAX_VOTES, Exchange, record_vote
    from assistant.web.feedback import FeedbackStore

    store = FeedbackStore(tmp_path / "feedback.sqlite3")
    history = [Exchange("Vem?", "Vem?", Answer("Svar", True, "sv"), frozenset())]
    votes = 0
    for _ in range(MAX_VOTES):
        votes, message = record_vote(store, history, votes, 1, "Like")
        assert message == "Tack! Din tumme upp är sparad."
    assert record_vote(store, history, votes, 1, "Dislike") == (MAX_VOTES, ENOUGH_VOTES)
    assert len(store.rows()) == MAX_VOTES


def test_a_session_keeps_its_last_exchanges_and_short_questions(assistant):
    from assistant.web.chat import MAX_EXCHANGES, kept, respond

    first = respond(assistant, "ö" * 5000, None, [])
    assert first.question == "ö" * MAX_QUESTION_CHARS + "…"
    assert first.answer.text.startswith("Frågan är för lång (5\u00a0000 tecken)")
    history = [first] * (MAX_EXCHANGES + 5)
    assert len(kept(history)) == MAX_EXCHANGES


def test_the_upload_folder_is_cleaned(assistant):
    from assistant.web.app import build_ui

    demo = build_ui(assistant)
    assert demo.delete_cache == (3600, 3600)
