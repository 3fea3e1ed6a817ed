#!/usr/bin/env python3
"""Regenerate the two invented documents of the "fresh2" question set.

Writes into benchmarks/questions/docs/fresh2/:
  - samverkansavtal-konsumentkontoret-sjuharad-2025-2028.docx  (python-docx)
  - sydnarke-miljo-klimatsamverkan-verksamhetsplan-2026-2027.pdf (fpdf2, DejaVu fonts)

Both documents are fictional; the municipalities are real Swedish municipalities,
but the cooperations, figures and dates are invented for evaluation purposes.

Usage:
  pip install --target /tmp/fresh2_pylib python-docx fpdf2
  PYTHONPATH=/tmp/fresh2_pylib python3 benchmarks/questions/docs/make_docs_fresh2.py
"""
from __future__ import annotations

import os
from pathlib import Path

from docx import Document
from docx.shared import Pt
from fpdf import FPDF

OUT = Path(__file__).resolve().parent / "fresh2"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

DOCX_NAME = "samverkansavtal-konsumentkontoret-sjuharad-2025-2028.docx"
PDF_NAME = "sydnarke-miljo-klimatsamverkan-verksamhetsplan-2026-2027.pdf"

# --------------------------------------------------------------------------
# (a) Samverkansavtal (DOCX)
# --------------------------------------------------------------------------

DOCX_TITLE = (
    "Samverkansavtal om gemensam budget- och skuldrådgivning samt "
    "konsumentvägledning i Sjuhärad"
)
DOCX_SUBTITLE = "Marks kommun, Svenljunga kommun, Tranemo kommun och Ulricehamns kommun"
DOCX_META = "Dnr KS 2024/0417 · Avtalsperiod 2025-03-01 – 2028-12-31"

# (heading, [paragraphs])
DOCX_SECTIONS: list[tuple[str, list[str]]] = [
    ("1. Parter", [
        "Detta avtal har träffats mellan Marks kommun, Svenljunga kommun, Tranemo "
        "kommun och Ulricehamns kommun, nedan gemensamt kallade parterna.",
        "Ulricehamns kommun är värdkommun för samverkan. Övriga parter benämns "
        "samverkanskommuner.",
    ]),
    ("2. Bakgrund och syfte", [
        "Kommunerna har sedan 2019 samarbetat informellt i ett nätverk för "
        "konsumentfrågor. Genom detta avtal samlas budget- och skuldrådgivningen "
        "och konsumentvägledningen i en gemensam verksamhet, Konsumentkontoret Sjuhärad.",
        "Syftet är att invånarna i samtliga fyra kommuner ska få likvärdig och "
        "rättssäker rådgivning, att sårbarheten vid personalfrånvaro minskar och att "
        "kompetensen inom området kan behållas och utvecklas. Samverkan ska också "
        "bidra till att fler invånare får hjälp tidigt, innan skulderna har vuxit.",
    ]),
    ("3. Avtalstid", [
        "Avtalet gäller från och med den 1 mars 2025 till och med den 31 december 2028.",
        "Avtalet förlängs därefter med två år i taget om ingen part har sagt upp det "
        "enligt punkt 9.",
    ]),
    ("4. Värdkommun och organisation", [
        "Ulricehamns kommun är värdkommun och arbetsgivare för personalen. "
        "Verksamheten organiseras inom värdkommunens socialförvaltning, avdelningen "
        "för stöd och försörjning.",
        "Verksamheten bemannas med 4,5 årsarbetare, varav 3 budget- och "
        "skuldrådgivare och 1,5 konsumentvägledare. Kontoret finns i Ulricehamn. "
        "Rådgivarna har dessutom mottagning en dag per vecka i Kinna, Svenljunga och Tranemo.",
        "Ulricehamns kommun är som värdkommun personuppgiftsansvarig för "
        "behandlingen av personuppgifter i verksamheten.",
    ]),
    ("5. Styrgrupp och politisk avstämning", [
        "Samverkan leds av en styrgrupp med en representant från varje part, normalt "
        "socialchefen eller den som socialchefen utser. Styrgruppens ordförande utses "
        "av Tranemo kommun för hela avtalsperioden. Värdkommunens representant är "
        "styrgruppens sekreterare.",
        "Styrgruppen sammanträder fyra gånger per år. Styrgruppen beslutar om "
        "verksamhetsplan och budget för nästkommande år senast den 30 september.",
        "Därutöver träffas kommunstyrelsernas ordförande en gång per år för en "
        "politisk avstämning, som värdkommunen kallar till.",
    ]),
    ("6. Kostnadsfördelning", [
        "Verksamhetens nettokostnad fördelas mellan parterna efter antalet invånare "
        "den 1 november året före verksamhetsåret.",
        "För 2025 beräknas nettokostnaden till 3 900 000 kronor, vilket motsvarar "
        "cirka 47 kronor per invånare. Värdkommunen fakturerar övriga parter "
        "kvartalsvis i förskott.",
        "Kostnader för lokaler i de kommuner där mottagning hålls bärs av respektive "
        "kommun och ingår inte i kostnadsfördelningen.",
    ]),
    ("7. Ansvarsfördelning", [
        "Utöver värdkommunens ansvar för driften har parterna fördelat följande "
        "uppgifter mellan sig.",
    ]),
    # table inserted after section 7's paragraphs
    ("8. Uppföljning", [
        "Värdkommunen lämnar en verksamhetsberättelse med statistik per kommun till "
        "styrgruppen senast den 31 mars varje år. Tranemo kommun sammanställer statistiken.",
    ]),
    ("9. Uppsägning", [
        "En part får säga upp sitt deltagande i avtalet. Uppsägningen ska vara "
        "skriftlig och ställas till värdkommunen.",
        "Uppsägningstiden är 18 månader och räknas från den dag då uppsägningen kom "
        "in till värdkommunen. Vid en parts uppsägning gäller avtalet oförändrat för "
        "övriga parter.",
    ]),
    ("10. Ändringar och tvister", [
        "Ändringar och tillägg till detta avtal ska göras skriftligen och godkännas av "
        "samtliga parter.",
        "Tvister med anledning av avtalet ska i första hand lösas genom förhandling "
        "mellan parterna och i andra hand avgöras av allmän domstol.",
    ]),
    ("11. Underskrifter", [
        "Detta avtal har upprättats i fyra likalydande exemplar, av vilka parterna "
        "har tagit var sitt.",
    ]),
]

DOCX_TABLE_HEADER = ("Uppgift", "Ansvarig part")
DOCX_TABLE_ROWS = [
    ("Budget- och skuldrådgivning", "Ulricehamn"),
    ("Konsumentvägledning", "Ulricehamn"),
    ("Information på webbplats och i sociala medier", "Mark"),
    ("Statistik och årlig uppföljning", "Tranemo"),
    ("Föreläsningar om privatekonomi i gymnasieskolan", "Svenljunga"),
    ("Lokaler för mottagning i den egna kommunen", "Respektive kommun"),
]

DOCX_SIGNATURES = [
    "För Marks kommun",
    "För Svenljunga kommun",
    "För Tranemo kommun",
    "För Ulricehamns kommun",
]


def make_docx(path: Path) -> None:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)

    doc.add_heading(DOCX_TITLE, level=0)
    doc.add_paragraph(DOCX_SUBTITLE)
    doc.add_paragraph(DOCX_META)

    for heading, paragraphs in DOCX_SECTIONS:
        doc.add_heading(heading, level=1)
        for text in paragraphs:
            doc.add_paragraph(text)
        if heading.startswith("7."):
            table = doc.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            hdr = table.rows[0].cells
            hdr[0].text, hdr[1].text = DOCX_TABLE_HEADER
            for task, who in DOCX_TABLE_ROWS:
                cells = table.add_row().cells
                cells[0].text = task
                cells[1].text = who
        if heading.startswith("11."):
            for party in DOCX_SIGNATURES:
                doc.add_paragraph(party)
                doc.add_paragraph("Ort och datum: ____________________")
                doc.add_paragraph("Kommunstyrelsens ordförande: ____________________")

    doc.core_properties.title = DOCX_TITLE
    doc.core_properties.author = "Ulricehamns kommun"
    doc.save(path)


# --------------------------------------------------------------------------
# (b) Verksamhetsplan (PDF)
# --------------------------------------------------------------------------

PDF_TITLE = "Verksamhetsplan 2026–2027"
PDF_SUBTITLE = "Sydnärkes miljö- och klimatsamverkan"
PDF_MEMBERS = "Askersunds kommun · Hallsbergs kommun · Kumla kommun · Laxå kommun · Lekebergs kommun"
PDF_META = "Fastställd av styrgruppen 2025-11-14"

PDF_SECTIONS: list[tuple[str, list[str]]] = [
    ("1. Inledning", [
        "Sydnärkes miljö- och klimatsamverkan är ett samarbete mellan Askersunds, "
        "Hallsbergs, Kumla, Laxå och Lekebergs kommuner. Samverkan bygger på en "
        "avsiktsförklaring som kommunstyrelserna antog våren 2023.",
        "Denna verksamhetsplan gäller för perioden 1 januari 2026 till 31 december 2027 "
        "och revideras inför 2027. Planen beskriver organisation, budget och de "
        "gemensamma åtgärder som kommunerna ska genomföra under perioden.",
    ]),
    ("2. Organisation och mötesformer", [
        "Samverkan leds av en styrgrupp som består av miljö- och "
        "samhällsbyggnadscheferna i de fem kommunerna. Ordförandeskapet i styrgruppen "
        "innehas av Hallsbergs kommun under 2026 och av Askersunds kommun under 2027.",
        "Styrgruppen har 6 ordinarie sammanträden per år, varav ett är ett heldagsmöte "
        "i december. Den politiska referensgruppen, med ett kommunalråd från varje "
        "kommun, träffas två gånger per år, i mars och oktober.",
        "Kumla kommun är värdkommun och anställer samverkans klimatsamordnare på heltid.",
    ]),
    ("3. Budget", [
        "Samverkans budget uppgår till 2,6 miljoner kronor per år. Av budgeten avser "
        "1,1 miljoner kronor klimatsamordnarens tjänst och 1,5 miljoner kronor "
        "gemensamma åtgärder enligt tabellen nedan.",
        "Kostnaderna fördelas mellan kommunerna efter invånarantal. Åtgärder som kräver "
        "investeringar finansieras av den kommun där investeringen görs.",
    ]),
    ("4. Uppföljning", [
        "Klimatsamordnaren redovisar åtgärdernas status till styrgruppen vid varje "
        "sammanträde. En årsrapport lämnas till kommunstyrelserna senast den 15 februari "
        "året efter verksamhetsåret.",
    ]),
]

PDF_TABLE_HEADER = ("Nr", "Åtgärd", "Klart", "Huvudansvar", "Medansvar")
PDF_TABLE_ROWS = [
    ("1", "Kartlägga skyfallsrisker i samtliga tätorter", "juni 2026", "Kumla", "Hallsberg"),
    ("2", "Ta fram en gemensam plan för publika laddplatser", "december 2026", "Hallsberg", "Laxå, Askersund"),
    ("3", "Gemensamma krav på fossilfria transporter vid upphandling", "mars 2027", "Lekeberg", "Kumla"),
    ("4", "Minska matsvinnet i skolmåltiderna med 30 procent jämfört med 2024", "december 2027", "Askersund", "Lekeberg"),
    ("5", "Genomföra en gemensam tillsynskampanj för enskilda avlopp", "september 2026", "Laxå", "Askersund"),
    ("6", "Utbildning i klimatanpassning för förtroendevalda", "april 2026", "Kumla", "Samtliga"),
    ("7", "Arrangera en årlig klimatvecka för invånare och företag", "oktober 2026", "Askersund", "Hallsberg"),
    ("8", "Erbjuda energi- och klimatrådgivning till småföretag", "mars 2027", "Hallsberg", "Kumla"),
    ("9", "Ta fram en regional vattenförsörjningsplan för Sydnärke", "december 2027", "Lekeberg", "Laxå"),
    ("10", "Digital karta över gröna och blå värden", "juni 2027", "Laxå", "Lekeberg"),
    ("11", "Starta ett nätverk för återbruk av möbler i kommunala verksamheter", "november 2026", "Kumla", "Askersund"),
    ("12", "Gemensam upphandling av solcellsanläggningar på kommunala tak", "september 2027", "Askersund", "Laxå"),
    ("13", "Årlig gemensam klimatredovisning till styrgruppen", "februari 2027", "Hallsberg", "Samtliga"),
]
PDF_COL_WIDTHS = (12, 132, 34, 36, 53)  # mm, landscape A4 usable width ~267 mm


def make_pdf(path: Path) -> None:
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_title(f"{PDF_TITLE} – {PDF_SUBTITLE}")
    pdf.set_author("Sydnärkes miljö- och klimatsamverkan")
    pdf.set_margins(15, 15, 15)
    pdf.add_page()

    pdf.set_font("DejaVu", "B", 20)
    pdf.cell(0, 11, PDF_TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 14)
    pdf.cell(0, 8, PDF_SUBTITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    pdf.cell(0, 6, PDF_MEMBERS, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, PDF_META, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    for heading, paragraphs in PDF_SECTIONS:
        pdf.set_font("DejaVu", "B", 12)
        pdf.cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 10)
        for text in paragraphs:
            pdf.multi_cell(0, 5.2, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)

    pdf.add_page()
    pdf.set_font("DejaVu", "B", 12)
    pdf.cell(0, 8, "5. Åtgärder 2026–2027", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(
        0, 5.2,
        "Tabellen anger för varje åtgärd när den ska vara klar, vilken kommun som har "
        "huvudansvaret och vilka kommuner som har medansvar.",
        new_x="LMARGIN", new_y="NEXT",
    )
    pdf.ln(2)

    pdf.set_font("DejaVu", "B", 9.5)
    for text, width in zip(PDF_TABLE_HEADER, PDF_COL_WIDTHS):
        pdf.cell(width, 8, text, border=1)
    pdf.ln(8)
    pdf.set_font("DejaVu", "", 9.5)
    for row in PDF_TABLE_ROWS:
        for text, width in zip(row, PDF_COL_WIDTHS):
            if pdf.get_string_width(text) > width - 2:
                raise SystemExit(f"cell too wide for one line: {text!r}")
            pdf.cell(width, 8, text, border=1)
        pdf.ln(8)

    pdf.output(str(path))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    make_docx(OUT / DOCX_NAME)
    make_pdf(OUT / PDF_NAME)
    for name in (DOCX_NAME, PDF_NAME):
        p = OUT / name
        print(f"wrote {p} ({os.path.getsize(p)} bytes)")


if __name__ == "__main__":
    main()
