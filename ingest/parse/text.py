"""Plain-text and markdown documents (typically exports from PDF) -> typed Blocks.

Recognises markdown headings, numbered headings ("1.1.", "Ambition 1.2.", "Del 1.",
"Målområde 1 ..."), short standalone heading lines, paragraphs (rejoined across page
breaks), list items, tables of tab-separated or pipe rows, and tables of contents
(dropped: they only repeat the headings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.lexical import STOPWORDS
from ingest.parse.markup import clean_inline
from ingest.parse.tables import (
    Table,
    is_separator,
    looks_like_header,
    split_pipe_row,
    split_tab_row,
)
from ingest.parse.title import choose_title
from ingest.schema import Block, TableRow

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
# a setext underline: "Title" over "=====" is a heading of level 1, over "-----" of level 2
_SETEXT = re.compile(r"^\s*(?:(=)={2,}|-{3,})\s*$")
_MAX_SETEXT_WORDS = 25  # a title over "====" may run over two lines
_NUMBERED = re.compile(
    r"^(?:(?P<word>Del|Ambition|Målområde|Mål|Kapitel|Avsnitt|Bilaga|Fokusområde|"
    r"Insatsområde|Område|Etapp)\s+)?(?P<num>\d+(?:\.\d+)*)\.?\s+(?P<rest>\S.*)$"
)
_LIST = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+(.*)$")
_TOC_LINE = re.compile(r"^(.*\S)\s*\t\s*\d{1,3}\s*$")
_DOT_LEADER = re.compile(r"\.{3,}\s*\t?\s*\d{1,3}\s*$")
_SENTENCE_END = re.compile(r"[.!?:;”\"»)]$")
_MAX_HEADING_WORDS = 12
_MAX_LINE_ITEM_WORDS = 8
_MAX_QUESTION_HEADING_WORDS = 16


def toc_form(text: str) -> str:
    """A pipe-table row as 'cell<TAB>cell' (empty cells dropped), any other line as it is."""
    stripped = text.strip()
    if not (stripped.startswith("|") and stripped.endswith("|")):
        return text
    cells = [c.strip() for c in stripped.strip("|").split("|")]
    return "\t".join(c for c in cells if c)


@dataclass
class _Line:
    text: str
    start: int
    end: int


def _lines(source: str) -> list[_Line]:
    out, pos = [], 0
    for raw in source.splitlines(keepends=True):
        text = raw.rstrip("\r\n")
        out.append(_Line(text, pos, pos + len(text)))
        pos += len(raw)
    return out


def _heading_level(text: str, md_level: int | None) -> int | None:
    """Level of a heading line, or None when the line is not a heading."""
    clean = clean_inline(text)
    match = _NUMBERED.match(clean)
    if match:
        words = len(clean.split())
        depth = match.group("num").count(".") + 1
        if match.group("word") and words <= _MAX_HEADING_WORDS:
            return 1 if match.group("word") in {"Del", "Målområde", "Kapitel"} else depth
        if md_level is not None or (depth > 1 and words <= 10 and not clean.endswith(".")):
            return depth
    return md_level


def _is_plain_heading(clean: str) -> bool:
    words = clean.split()
    if not words or not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    if clean.endswith("?") or clean.endswith("!"):
        return len(words) <= _MAX_QUESTION_HEADING_WORDS
    if len(words) > _MAX_HEADING_WORDS or len(clean) > 90:
        return False
    if _SENTENCE_END.search(clean) or clean.endswith(","):
        return False
    if re.fullmatch(r"[\d\s\-–/.:]+", clean):  # a date or number on its own
        return False
    return ":" not in clean


def _is_line_list(lines: list[_Line]) -> bool:
    """Short capitalised lines without sentence ends, one after another: a list of names
    or items written one a line (parties, members), not a paragraph broken into lines."""
    if len(lines) < 2:
        return False
    for line in lines:
        clean = clean_inline(line.text)
        words = clean.split()
        if not words or len(words) > _MAX_LINE_ITEM_WORDS or not words[0][:1].isupper():
            return False
        if _SENTENCE_END.search(clean) or clean.endswith(","):
            return False
        if words[-1].lower() in STOPWORDS:  # "Ale och Lerum bygger på": a line break
            return False
    return True


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.lines = _lines(source)
        self.blocks: list[Block] = []
        self.stack: list[tuple[int, str]] = []  # (level, heading)
        self.structural_level = 0  # level of the last markdown or numbered heading
        self.top_numbers: set[int] = set()  # first numbers of numbered headings so far
        self.table: Table | None = None
        self.tables = 0
        self.title: str | None = None

    # headings -------------------------------------------------------------
    def path(self) -> tuple[str, ...]:
        return tuple(h for _, h in self.stack)

    def add_heading(self, text: str, level: int, start: int, end: int) -> None:
        if self.title is None and not self.blocks:
            self.title = text
            self.blocks.append(Block("heading", text, (), start, end, level=0))
            return
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        self.stack.append((level, text))
        self.blocks.append(Block("heading", text, self.path(), start, end, level=level))

    def _note_number(self, numbered: re.Match[str] | None) -> None:
        if numbered and not numbered.group("word"):
            self.top_numbers.add(int(numbered.group("num").split(".")[0]))

    def _continues_numbering(self, numbered: re.Match[str]) -> bool:
        """ "5 Organisation" is a heading when 4 (or 4.x) came before it, "1 Bakgrund" when
        it is the first; "31 maj 2024" or an item "2 Fler bostäder" under "3 Mål" is not."""
        if numbered.group("word") or "." in numbered.group("num"):
            return False
        top = int(numbered.group("num"))
        expected = top == 1 if not self.top_numbers else top - 1 == max(self.top_numbers)
        if expected:
            self.top_numbers.add(top)
        return expected

    # paragraphs -------------------------------------------------------------
    def add_paragraph(self, lines: list[_Line]) -> None:
        text = " ".join(clean_inline(ln.text) for ln in lines).strip()
        if not text:
            return
        start, end = lines[0].start, lines[-1].end
        list_match = _LIST.match(lines[0].text)
        kind = "list_item" if list_match else "paragraph"
        if kind == "list_item":
            text = clean_inline(list_match.group(1) + " " + " ".join(ln.text for ln in lines[1:]))
        previous = self.blocks[-1] if self.blocks else None
        if (
            previous is not None
            and previous.kind in ("paragraph", "list_item")
            and text[:1].islower()
            and not _SENTENCE_END.search(previous.text)
        ):  # a paragraph cut by a page break
            self.blocks[-1] = Block(
                previous.kind,
                f"{previous.text} {text}",
                previous.heading_path,
                previous.start,
                end,
            )
            return
        self.blocks.append(Block(kind, text, self.path(), start, end))

    def add_text_group(self, lines: list[_Line]) -> None:
        """A run of non-blank, non-table lines: a heading, list items or a paragraph."""
        if _SETEXT.match(lines[-1].text):
            lines = self._setext(lines)
            if not lines:
                return
        first = lines[0].text
        md = _MD_HEADING.match(first)
        if md and len(lines) == 1:
            text = clean_inline(md.group(2))
            if text:
                level = _heading_level(md.group(2), len(md.group(1))) or len(md.group(1))
                self.structural_level = level
                self.add_heading(text, level, lines[0].start, lines[0].end)
            return
        if len(lines) == 1:
            clean = clean_inline(first)
            level = _heading_level(first, None)
            if level is not None and not _LIST.match(first):
                self.structural_level = level
                self._note_number(_NUMBERED.match(clean))
                self.add_heading(clean, level, lines[0].start, lines[0].end)
                return
            if _is_plain_heading(clean) and not _LIST.match(first):
                numbered = _NUMBERED.match(clean)
                if numbered and self._continues_numbering(numbered):
                    # "5 Organisation" after "4.6 Krisberedskap": a sibling of "4"
                    level = 1
                    self.structural_level = level
                else:
                    level = self.structural_level + 1
                self.add_heading(clean, level, lines[0].start, lines[0].end)
                return
        if (
            self.title is None
            and not self.blocks
            and len(" ".join(ln.text for ln in lines).split()) <= 15
        ):
            text = " ".join(clean_inline(ln.text) for ln in lines)
            self.add_heading(text, 0, lines[0].start, lines[-1].end)
            return
        if _is_line_list(lines):  # "Borås Stad / Bollebygds kommun / ...": one name a line
            for line in lines:
                self.add_paragraph([line])
            return
        # list items each become a block; other lines join into one paragraph
        current: list[_Line] = []
        for line in lines:
            if _LIST.match(line.text) and current:
                self.add_paragraph(current)
                current = []
            current.append(line)
        if current:
            self.add_paragraph(current)

    def _setext(self, lines: list[_Line]) -> list[_Line]:
        """Lines over a setext underline: a heading (nothing left to read), or, when they
        are a sentence, text over a rule (the lines without it)."""
        underline = _SETEXT.match(lines[-1].text)
        assert underline is not None
        lines = lines[:-1]
        if len(lines) == 1 and _MD_HEADING.match(lines[0].text):
            return lines  # "# Avtal" over a rule: a markdown heading, the rule only a rule
        text = " ".join(clean_inline(ln.text) for ln in lines).strip()
        if not re.search(r"\w", text):  # a rule under markup only: nothing to read
            return []
        # the first heading may be a long title over two lines; later ones are one short
        # line, not a date
        title = self.title is None and not self.blocks
        if not title and (len(lines) > 1 or re.fullmatch(r"[\d\s\-–/.:]+", text)):
            return lines
        most = _MAX_SETEXT_WORDS if title else _MAX_HEADING_WORDS
        if (
            len(text.split()) > most
            or text.endswith((".", ":", ";", ","))
            or any(_LIST.match(ln.text) for ln in lines)
        ):
            return lines
        # a numbered heading keeps its number's depth ("1 Parter", "4.2 Vatten")
        level = _heading_level(text, 1 if underline.group(1) else 2) or 1
        self.structural_level = level
        self._note_number(_NUMBERED.match(text))
        self.add_heading(text, level, lines[0].start, lines[-1].end)
        return []

    # tables -------------------------------------------------------------------
    def add_table_rows(self, rows: list[tuple[list[str], _Line]]) -> None:
        cells, _ = rows[0]
        width = len(cells)
        if len(rows) > 1 and looks_like_header(cells):
            header = [clean_inline(c) for c in cells]
            self.tables += 1
            self.table = Table(header, self.tables, width, blank_is_merged=True)
            rows = rows[1:]
        elif self.table is None or self.table.width != width:
            self.tables += 1
            self.table = Table([], self.tables, width, blank_is_merged=True)
        for cells, line in rows:
            for record in self.table.add_row(cells):
                row = TableRow(self.table.number, record.row, tuple(record.cells), record.item)
                text = record.text()
                if text:
                    self.blocks.append(
                        Block("table_row", text, self.path(), line.start, line.end, table=row)
                    )

    # driver ---------------------------------------------------------------------
    def run(self) -> list[Block]:
        lines = self.lines
        i = 0
        while i < len(lines):
            line = lines[i]
            if not line.text.strip() or is_separator(line.text):
                i += 1
                continue
            if self._toc_run(i):
                i = self._skip_toc(i)
                continue
            if "\t" in line.text.strip() or line.text.lstrip().startswith("|"):
                i = self._table_run(i)
                continue
            j = i
            group: list[_Line] = []
            while (
                j < len(lines) and lines[j].text.strip() and not self._is_table_line(lines[j].text)
            ):
                group.append(lines[j])
                j += 1
                if _SETEXT.match(group[-1].text):  # an underline ends what it underlines
                    break
            self.add_text_group(group)
            i = j
        return self.blocks

    @staticmethod
    def _is_table_line(text: str) -> bool:
        return "\t" in text.strip() or text.lstrip().startswith("|")

    def _toc_run(self, i: int) -> bool:
        """Three or more 'heading<TAB>page' lines with pages in order, or any line with a dot
        leader. A table of contents set as a table (a ruled grid in a scan, a pipe table)
        counts the same, read cell by cell."""
        if _DOT_LEADER.search(toc_form(self.lines[i].text)):
            return True
        pages: list[int] = []
        j = i
        while j < len(self.lines) and len(pages) < 3:
            text = toc_form(self.lines[j].text)
            j += 1
            if not text.strip():
                continue
            if not _TOC_LINE.match(text) or len([c for c in text.split("\t") if c.strip()]) != 2:
                return False
            pages.append(int(text.split("\t")[-1]))
        return len(pages) >= 3 and pages == sorted(pages)

    def _skip_toc(self, i: int) -> int:
        if self.stack and self.blocks and self.blocks[-1].kind == "heading":
            self.stack.pop()  # "Innehåll" heads nothing once its list is gone
        while i < len(self.lines):
            text = toc_form(self.lines[i].text)
            if text.strip() and not (_TOC_LINE.match(text) or _DOT_LEADER.search(text)):
                break
            i += 1
        return i

    def _table_run(self, i: int) -> int:
        rows: list[tuple[list[str], _Line]] = []
        while i < len(self.lines):
            text = self.lines[i].text
            if not text.strip() or not self._is_table_line(text):
                break
            if not is_separator(text):
                is_pipe = text.lstrip().startswith("|")
                cells = split_pipe_row(text) if is_pipe else split_tab_row(text)
                rows.append((cells, self.lines[i]))
            i += 1
        if rows:
            self.add_table_rows(rows)
        return i


def parse_text(source: str) -> tuple[str | None, list[Block]]:
    """Parse a document's text; returns (title found in the text, blocks)."""
    parser = _Parser(source)
    blocks = parser.run()
    read = _text_if_only_headings(source, blocks)
    if len(blocks) == 1 and len(read) == 2:  # the heading is now only the first line
        return read[0].text, read
    return choose_title(parser.title, read), read


def _text_if_only_headings(source: str, blocks: list[Block]) -> list[Block]:
    """A document of short lines without full stops ('Avsiktsförklaring om turism' /
    'Kommunerna samverkar om turism') reads as headings only, or as one heading of several
    lines; a heading heads something, so every line after the first is its text."""
    if not blocks or any(b.kind != "heading" for b in blocks):
        return blocks
    if len(blocks) == 1:  # one heading of several lines: its first line is the heading
        lines = [m for m in re.finditer(r"[^\n]+", source[blocks[0].start : blocks[0].end])]
        lines = [m for m in lines if m.group(0).strip()]
        if len(lines) < 2:
            return blocks
        offset = blocks[0].start
        first, rest = lines[0], lines[1:]
        head = Block(
            "heading",
            first.group(0).strip(),
            (),
            offset + first.start(),
            offset + first.end(),
            level=blocks[0].level,
        )
        body = " ".join(m.group(0).strip() for m in rest)
        start, end = offset + rest[0].start(), offset + rest[-1].end()
        return [head, Block("paragraph", body, (), start, end)]
    first = blocks[0]
    path = (*first.heading_path, first.text) if first.level else ()  # a title heads no path
    return [first] + [Block("paragraph", b.text, path, b.start, b.end) for b in blocks[1:]]
