"""What a card and a register record hold; every value with its verbatim evidence."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

Role = Literal["huvudansvar", "medansvar", "ansvarig"]
Origin = Literal["table", "row_label", "sentence"]
Source = Literal["document", "catalog"]
NOT_STATED = "anges inte"
FIELDS = ("kind", "parties", "period", "purpose", "governance", "money", "areas")


@dataclass(frozen=True)
class Evidence:
    """A verbatim quote and where it is: character offsets into the document's stored text."""

    quote: str
    start: int
    end: int
    section: str = ""
    page: int | None = None


@dataclass(frozen=True)
class Field:
    """One field of a card: its values (empty: the document does not state it) and evidence."""

    values: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    source: Source = "document"

    @property
    def stated(self) -> bool:
        return bool(self.values)

    def text(self, separator: str = ", ") -> str:
        return separator.join(self.values) if self.values else NOT_STATED


@dataclass(frozen=True)
class Period:
    """Validity: from, to (years or ISO dates), open-ended, and when it is reviewed."""

    start: str = ""
    end: str = ""
    open_ended: bool = False
    review: str = ""
    evidence: tuple[Evidence, ...] = ()
    source: Source = "document"

    @property
    def stated(self) -> bool:
        return bool(self.start or self.end)

    def text(self) -> str:
        """'2016-2019', 'från 2020-01-01, tills vidare', or 'anges inte'."""
        if not self.stated:
            return NOT_STATED
        if self.start and self.end:
            span = self.start if self.start == self.end else f"{self.start}-{self.end}"
        elif self.start:
            span = f"från {self.start}"
        else:
            span = f"till {self.end}"
        if self.open_ended:
            span += ", tills vidare"
        return span


@dataclass(frozen=True)
class Record:
    """One (party, responsibility) pair a document states."""

    doc_id: str
    party: str  # as shown ("Svalöv", "Kommunstyrelsen")
    key: str  # canonical, for matching ("svalöv")
    role: Role
    item: str  # item number ("1.6"), or "" when the document numbers none
    text: str  # the responsibility ("Byggstart för Söderåsbanan senast år 2019.")
    section: str
    origin: Origin
    evidence: Evidence
    # the parties a collective subject stands for ("Var och en", "varje part", "Parterna"):
    # the card's parties; empty for a record that names its party
    applies_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class Card:
    doc_id: str
    title: str
    content_hash: str
    kind: Field = field(default_factory=Field)
    parties: Field = field(default_factory=Field)
    period: Period = field(default_factory=Period)
    purpose: Field = field(default_factory=Field)
    governance: Field = field(default_factory=Field)
    money: Field = field(default_factory=Field)
    areas: Field = field(default_factory=Field)
    records: tuple[Record, ...] = ()
    notes: tuple[str, ...] = ()  # what could not be found or read, in Swedish
    title_source: Source = "document"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Card:
        def evidence(items: list[dict[str, Any]]) -> tuple[Evidence, ...]:
            return tuple(Evidence(**e) for e in items)

        def field_of(d: dict[str, Any]) -> Field:
            return Field(tuple(d["values"]), evidence(d["evidence"]), d.get("source", "document"))

        period = dict(data["period"])
        period["evidence"] = evidence(period.get("evidence", []))
        records = tuple(
            Record(
                **{
                    **r,
                    "evidence": Evidence(**r["evidence"]),
                    "applies_to": tuple(r.get("applies_to", ())),
                }
            )
            for r in data["records"]
        )
        names = ("kind", "parties", "purpose", "governance", "money", "areas")
        return cls(
            doc_id=data["doc_id"],
            title=data["title"],
            content_hash=data["content_hash"],
            period=Period(**period),
            records=records,
            notes=tuple(data.get("notes", ())),
            title_source=data.get("title_source", "document"),
            **{name: field_of(data[name]) for name in names},
        )

    def with_doc(self, doc_id: str, title: str) -> Card:
        """The same card for a document stored under another id or title (same content)."""
        records = tuple(replace(r, doc_id=doc_id) for r in self.records)
        return replace(self, doc_id=doc_id, title=title, records=records)
