#!/usr/bin/env python3
"""Generate the four held-out benchmark documents (fictional regional cooperations).

Output: docs/holdout/
  halsingesamverkan-verksamhetsplan-2025-2027.pdf            (verksamhetsplan, PDF with ruled tables)
  overformyndarnamnd-stenungsund-tjorn-orust-samverkansavtal.docx  (samverkansavtal, DOCX)
  kompetens-goinge-avsiktsforklaring.html                      (avsiktsförklaring, HTML)
  besoksregion-norra-kalmar-lan-overenskommelse-2025-2028.txt  (överenskommelse, plain text)

Run with a venv that has fpdf2 and python-docx:
  python3 -m venv /tmp/docgen3 && /tmp/docgen3/bin/pip install fpdf2 python-docx
  /tmp/docgen3/bin/python make_docs_holdout.py
All organisations' cooperations, people and figures are invented; the municipalities are real.
"""
from __future__ import annotations

import html
import os
from pathlib import Path

OUT = Path(__file__).resolve().parent / "holdout"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

# ---------------------------------------------------------------------------
# Document A: Hälsingesamverkan – Verksamhetsplan 2025–2027 (PDF)
# ---------------------------------------------------------------------------
A_TITLE = "Hälsingesamverkan – Verksamhetsplan 2025–2027"
A_BLOCKS = [
    ("p", "Samverkan mellan Bollnäs, Hudiksvall, Ljusdal, Nordanstig, Ovanåker och Söderhamns kommuner"),
    ("p", "Fastställd av Hälsingesamverkans styrelse 2024-11-21, § 34. Diarienummer HS 2024/017."),
    ("h2", "1. Inledning"),
    ("p", "Hälsingesamverkan är det politiska samarbetet mellan de sex hälsingekommunerna Bollnäs, Hudiksvall, "
          "Ljusdal, Nordanstig, Ovanåker och Söderhamn. Tillsammans har kommunerna omkring 130 000 invånare och en "
          "gemensam arbetsmarknad som sträcker sig från kusten vid Bottenhavet till skogsbygden i väster. Kommunerna "
          "delar många utmaningar: en åldrande befolkning, svårigheter att rekrytera utbildad personal, långa avstånd "
          "och ett behov av bättre förbindelser med Gävle, Sundsvall och Stockholm."),
    ("p", "Verksamhetsplanen gäller för perioden 2025–2027 och beskriver de gemensamma målen, de åtgärder som ska "
          "genomföras och vilken kommun som ansvarar för respektive åtgärd. Planen revideras årligen i oktober i "
          "samband med att budgeten för nästkommande år fastställs. Den långsiktiga inriktningen ligger fast under "
          "hela perioden, medan åtgärder och mätetal kan justeras."),
    ("p", "Samarbetet bygger på principen att varje kommun tar ett tydligt ansvar för minst en åtgärd, men att "
          "resultaten ska komma hela Hälsingland till del. Frågor som inte ryms i planen kan lyftas av styrelsen när "
          "behov uppstår, och samarbete mellan två eller tre av kommunerna uppmuntras även inom områden som inte "
          "berörs här."),
    ("h2", "2. Organisation och arbetssätt"),
    ("p", "Hälsingesamverkan leds av en styrelse där varje kommun representeras av kommunstyrelsens ordförande och "
          "en ledamot från oppositionen. Ordförandeskapet roterar mellan kommunerna med två års intervall och innehas "
          "under 2025–2026 av Ovanåkers kommun. Styrelsen sammanträder fyra gånger per år, varav ett sammanträde är "
          "ett tvådagarsmöte med inriktning på omvärldsanalys."),
    ("p", "Kommundirektörsgruppen bereder ärenden till styrelsen och ansvarar för att åtgärderna i planen genomförs i "
          "respektive organisation. Ett gemensamt kansli med placering i Hudiksvall samordnar arbetet, ansvarar för "
          "styrelsens handlingar och sköter kontakterna med Region Gävleborg, Trafikverket och andra externa aktörer."),
    ("p", "Till varje fokusområde finns ett tjänstepersonsnätverk med en representant per kommun. Nätverken "
          "rapporterar till kommundirektörsgruppen två gånger per år och är det främsta forumet för "
          "erfarenhetsutbyte mellan förvaltningarna."),
    ("h2", "3. Ekonomi"),
    ("p", "Verksamheten finansieras med en medlemsavgift på 14 kronor per invånare och år, beräknad på befolkningen "
          "den 1 november föregående år. För 2025 uppgår den samlade budgeten till 1 820 tkr, fördelat enligt "
          "tabell 1."),
    ("p", "Gemensamma projekt som inte ryms inom medlemsavgiften finansieras enligt en fördelningsnyckel där hälften "
          "fördelas lika mellan kommunerna och hälften efter invånarantal. Beslut om sådan medfinansiering fattas av "
          "respektive kommunstyrelse. Kansliet ska årligen pröva möjligheten att söka extern finansiering för större "
          "utvecklingsprojekt."),
    ("caption", "Tabell 1. Budget 2025"),
    ("table", ["Post", "Belopp (tkr)", "Kommentar"], [
        ["Kansli och samordning inklusive samordnare och administration", "1 150", "Kansliet är placerat i Hudiksvall"],
        ["Gemensamma aktiviteter, nätverk och gymnasie- och yrkesmässan", "400", "Fördelas av kommundirektörsgruppen"],
        ["Medfinansiering av gemensamma utvecklingsprojekt", "270", "Beslutas av styrelsen efter ansökan"],
        ["Summa", "1 820", ""],
    ], [88, 27, 65]),
    ("h2", "4. Fokusområden"),
    ("p", "Planen omfattar fem fokusområden: kompetensförsörjning och utbildning, infrastruktur och digitalisering, "
          "näringsliv och besöksnäring, välfärd och social hållbarhet samt klimat och miljö. Nedan beskrivs kort "
          "varför områdena är prioriterade. Målen, åtgärderna och ansvarsfördelningen redovisas i tabell 2."),
    ("h3", "4.1 Kompetensförsörjning och utbildning"),
    ("p", "Bristen på utbildad arbetskraft är den största utmaningen för både näringslivet och de kommunala "
          "verksamheterna i Hälsingland. Bristen är särskilt stor inom vård och omsorg, teknik, förskola och "
          "fordonsbranschen. Kommunerna ska därför samordna utbudet av yrkesutbildning för vuxna och göra det "
          "lättare att studera på distans utan att flytta från hemorten."),
    ("h3", "4.2 Infrastruktur och digitalisering"),
    ("p", "Ostkustbanan är Hälsinglands viktigaste transportstråk för både arbetspendling och godstrafik. "
          "Enkelspåret mellan Gävle och Sundsvall begränsar kapaciteten och gör trafiken störningskänslig. "
          "Hälsingesamverkan driver gemensamt kravet på dubbelspår och en säkrare väg 84, som binder samman inlandet "
          "med kusten. En väl utbyggd digital infrastruktur är samtidigt en förutsättning för att företag och hushåll "
          "ska kunna verka i hela regionen."),
    ("h3", "4.3 Näringsliv och besöksnäring"),
    ("p", "Hälsingland har ett differentierat näringsliv med skogs- och träindustri, verkstadsindustri och en växande "
          "besöksnäring. Världsarvet Hälsingegårdar är regionens starkaste besöksmål och ska utvecklas gemensamt. "
          "Kommunerna ska också erbjuda en samordnad och snabb service till företag som vill etablera sig i "
          "Hälsingland."),
    ("h3", "4.4 Välfärd och social hållbarhet"),
    ("p", "Genom gemensamma upphandlingar och samordnade funktioner kan kommunerna upprätthålla en likvärdig välfärd "
          "trots stigande kostnader och svårigheter att rekrytera. Särskild uppmärksamhet ges åt unga som varken "
          "arbetar eller studerar."),
    ("h3", "4.5 Klimat och miljö"),
    ("p", "Kommunerna ska minska utsläppen från sina egna transporter och bidra till en utbyggd laddinfrastruktur "
          "längs de stora stråken. Skyfall och höga flöden i Ljusnan och Voxnan under senare år har visat att "
          "klimatanpassningen behöver planeras över kommungränserna."),
    ("caption", "Tabell 2. Mål, åtgärder och ansvar 2025–2027"),
    ("table", ["Nr", "Mål", "Åtgärd / mätetal", "Ansvarig", "Klart"], [
        ["1.1", "Fler vuxna i yrkesutbildning",
         "Gemensam katalog för yrkesvux med minst 12 kursstarter per år i Hälsingland", "Bollnäs", "2025"],
        ["1.2", "Bättre studie- och yrkesvägledning",
         "Gemensam gymnasie- och yrkesmässa för åk 8–9 arrangeras varje år i oktober", "Söderhamn", "Årligen"],
        ["1.3", "Fler fullföljer gymnasiet",
         "Andelen elever som tar examen inom fyra år ska öka till minst 80 procent", "Ovanåker", "2027"],
        ["1.4", "Fler högskoleutbildade",
         "Lärcentrum i alla sex kommuner erbjuder studieplatser och stöd för distansstudier", "Nordanstig", "2026"],
        ["2.1", "Ökad tillgänglighet",
         "Gemensamt påverkansarbete för dubbelspår på Ostkustbanan mellan Gävle och Sundsvall", "Hudiksvall",
         "Löpande"],
        ["2.2", "Säkrare vägar",
         "Underlag till åtgärdsvalsstudie för väg 84 Ljusdal–Hudiksvall lämnas till Trafikverket senast juni 2026",
         "Ljusdal", "2026"],
        ["2.3", "Digital infrastruktur i hela Hälsingland",
         "98 procent av hushållen och företagen har tillgång till bredband om minst 1 Gbit/s", "Nordanstig", "2027"],
        ["3.1", "Fler etableringar",
         "Gemensam etableringsportal och samordnad service till företag som vill etablera sig", "Hudiksvall", "2025"],
        ["3.2", "Växande besöksnäring",
         "Antalet kommersiella gästnätter ska öka med 10 procent jämfört med 2023", "Ljusdal", "2027"],
        ["3.3", "Starkare världsarv",
         "Gemensam besöksstrategi för världsarvet Hälsingegårdar tas fram med länsstyrelsen", "Ovanåker", "2026"],
        ["4.1", "Trygg och effektiv välfärd",
         "Gemensam upphandling av digitala trygghetslarm och nattillsyn med kamera", "Söderhamn", "2025"],
        ["4.2", "Jämlik tillgång till stöd",
         "Gemensam socialjour för alla sex kommuner under kvällar, nätter och helger", "Bollnäs", "2026"],
        ["4.3", "Fler unga i arbete eller studier",
         "Andelen unga 16–24 år som varken arbetar eller studerar ska understiga 8 procent", "Nordanstig", "2027"],
        ["5.1", "Fossilfria transporter",
         "Minst 60 procent av kommunernas personbilar och lätta lastbilar ska vara fossilfria", "Hudiksvall", "2027"],
        ["5.2", "Utbyggd laddinfrastruktur",
         "Minst 40 nya publika laddpunkter längs E4, väg 83 och väg 84", "Ljusdal", "2027"],
        ["5.3", "Klimatanpassning",
         "Gemensam skyfalls- och översvämningsanalys för Ljusnans och Voxnans avrinningsområden", "Bollnäs", "2026"],
    ], [12, 40, 84, 26, 18]),
    ("h2", "5. Uppföljning och rapportering"),
    ("p", "Varje ansvarig kommun rapporterar status för sina åtgärder till kansliet senast den 15 maj och den "
          "15 november varje år. Kansliet sammanställer en delårsrapport till styrelsens junisammanträde och en "
          "årsrapport som behandlas av styrelsen i februari. Åtgärder som riskerar att inte genomföras ska "
          "rapporteras till kommundirektörsgruppen så snart risken är känd."),
    ("p", "Verksamhetsplanen utvärderas i sin helhet under hösten 2027 inför framtagandet av en ny plan för perioden "
          "2028–2030. I utvärderingen ska även samarbetets organisation och medlemsavgiftens nivå prövas."),
    ("h2", "6. Kontakt"),
    ("p", "Frågor om verksamhetsplanen besvaras av Hälsingesamverkans samordnare Karin Wallström vid kansliet i "
          "Hudiksvall."),
]


def make_pdf(path: Path) -> None:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    pdf = FPDF(format="A4")
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_title(A_TITLE)
    pdf.set_author("Hälsingesamverkan")
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 17)
    pdf.multi_cell(0, 9, A_TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for block in A_BLOCKS:
        kind = block[0]
        if kind == "h2":
            pdf.ln(3)
            pdf.set_font("DejaVu", "B", 13)
            pdf.multi_cell(0, 7, block[1], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "h3":
            pdf.set_font("DejaVu", "B", 11)
            pdf.multi_cell(0, 6, block[1], new_x="LMARGIN", new_y="NEXT")
        elif kind == "caption":
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", 10)
            pdf.multi_cell(0, 6, block[1], new_x="LMARGIN", new_y="NEXT")
        elif kind == "p":
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(0, 5.2, block[1], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind == "table":
            _, header, rows, widths = block
            pdf.set_font("DejaVu", "", 8.5)
            with pdf.table(col_widths=widths, width=sum(widths), borders_layout="ALL", line_height=4.6,
                           text_align="LEFT", headings_style=FontFace(emphasis="BOLD", fill_color=(225, 230, 240)),
                           padding=1.2) as table:
                r = table.row()
                for h in header:
                    r.cell(h)
                for row in rows:
                    r = table.row()
                    for c in row:
                        r.cell(c)
            pdf.ln(3)
    pdf.output(str(path))


# ---------------------------------------------------------------------------
# Document B: Samverkansavtal om gemensam överförmyndarnämnd (DOCX)
# ---------------------------------------------------------------------------
B_TITLE = "Samverkansavtal om gemensam överförmyndarnämnd för Stenungsunds, Tjörns och Orusts kommuner"
B_BLOCKS = [
    ("p", "Avtalet gäller från och med den 1 januari 2025."),
    ("h2", "§ 1 Parter"),
    ("p", "Parter i detta avtal är Stenungsunds kommun, Tjörns kommun och Orusts kommun, nedan gemensamt kallade "
          "parterna. Stenungsunds kommun är värdkommun för den gemensamma nämnden."),
    ("h2", "§ 2 Bakgrund och syfte"),
    ("p", "Överförmyndaren har till uppgift att utöva tillsyn över gode män, förvaltare och förmyndare så att "
          "enskilda personer som inte själva kan bevaka sin rätt får ett rättssäkert stöd. Kraven på verksamheten har "
          "ökat genom fler och mer komplexa ärenden samt skärpta krav på dokumentation och digital handläggning."),
    ("p", "Syftet med samverkan är att skapa en rättssäker och effektiv överförmyndarverksamhet, minska sårbarheten "
          "i de tre kommunernas små organisationer och göra det lättare att rekrytera och behålla både handläggare "
          "och ställföreträdare."),
    ("p", "Den gemensamma nämnden inrättas enligt bestämmelserna om gemensam nämnd i kommunallagen (2017:725) och "
          "ingår i värdkommunens organisation."),
    ("h2", "§ 3 Nämndens namn och uppgifter"),
    ("p", "Nämndens namn är Överförmyndarnämnden Stenungsund–Tjörn–Orust. Nämnden fullgör de uppgifter som enligt "
          "föräldrabalken och annan lagstiftning ankommer på överförmyndare i var och en av de samverkande "
          "kommunerna."),
    ("p", "I nämndens uppgifter ingår bland annat att granska årsräkningar och förteckningar, pröva ansökningar om "
          "samtycke, rekrytera lämpliga ställföreträdare samt erbjuda dem introduktion och fortbildning. Nämnden ska "
          "erbjuda ställföreträdare minst tre utbildningstillfällen per år, varav minst ett ska hållas på Tjörn eller "
          "Orust."),
    ("h2", "§ 4 Nämndens sammansättning"),
    ("p", "Nämnden består av sex ledamöter och sex ersättare. Varje kommun utser två ledamöter och två ersättare bland "
          "sina förtroendevalda."),
    ("p", "Ordförande utses av värdkommunens fullmäktige bland de ledamöter som Stenungsunds kommun har valt. Vice "
          "ordförande utses från Tjörns kommun under 2025–2026 och från Orusts kommun under 2027–2028."),
    ("p", "Nämnden sammanträder i Stenungsunds kommunhus om inte nämnden beslutar annat. Ledamöter och ersättare "
          "arvoderas av den kommun som har valt dem."),
    ("h2", "§ 5 Överförmyndarkansli"),
    ("p", "Nämnden biträds av ett gemensamt överförmyndarkansli som är placerat i Stenungsunds kommunhus. Stenungsunds "
          "kommun är arbetsgivare för personalen vid kansliet och ansvarar för lokaler, IT-stöd och administration."),
    ("p", "För att verksamheten ska vara tillgänglig i hela området ska kansliet ha mottagning på Tjörn i Skärhamn och "
          "på Orust i Henån varannan torsdag. Tider för mottagningen publiceras på respektive kommuns webbplats."),
    ("h2", "§ 6 Kostnadsfördelning"),
    ("p", "Nämndens nettokostnader, inklusive kostnader för kansliet, fördelas mellan parterna till hälften efter "
          "antalet invånare och till hälften efter antalet ärenden i respektive kommun. Antalet invånare och ärenden "
          "räknas per den 31 december året före budgetåret."),
    ("p", "Arvoden och kostnadsersättningar till gode män, förvaltare och förmyndare betalas av respektive kommun och "
          "ingår inte i den gemensamma kostnadsfördelningen."),
    ("p", "Budgetramen för nämnden är 7,4 miljoner kronor för 2025. För 2025 beräknas Stenungsunds andel till "
          "46 procent, Tjörns andel till 28 procent och Orusts andel till 26 procent av nämndens nettokostnader. "
          "Värdkommunen fakturerar Tjörns och Orusts kommuner kvartalsvis i förskott."),
    ("caption", "Tabell 1. Preliminär kostnadsfördelning 2025"),
    ("table", ["Kommun", "Andel av nettokostnaden", "Belopp (kronor)"], [
        ["Stenungsunds kommun", "46 %", "3 404 000"],
        ["Tjörns kommun", "28 %", "2 072 000"],
        ["Orusts kommun", "26 %", "1 924 000"],
        ["Totalt", "100 %", "7 400 000"],
    ]),
    ("h2", "§ 7 Budget och samråd"),
    ("p", "Värdkommunen ska senast den 30 april varje år samråda med Tjörns och Orusts kommuner om nämndens budget "
          "för det kommande året. Budgeten fastställs därefter av kommunfullmäktige i Stenungsund. Om utfallet "
          "avviker från budgeten med mer än fem procent ska värdkommunen snarast informera de övriga parterna."),
    ("h2", "§ 8 Insyn och uppföljning"),
    ("p", "Nämnden ska två gånger per år, i samband med delårsrapport och årsredovisning, rapportera verksamhet och "
          "ekonomi till samtliga tre kommunstyrelser. Rapporteringen ska särskilt redovisa handläggningstider, "
          "antalet granskade årsräkningar och resultatet av tillsynen."),
    ("p", "En samrådsgrupp bestående av kommundirektörerna i de tre kommunerna träffas minst två gånger per år för "
          "att följa samverkan och bereda frågor om avtalets tillämpning."),
    ("h2", "§ 9 Arkiv och personuppgifter"),
    ("p", "Kommunstyrelsen i Stenungsunds kommun är arkivmyndighet för nämndens handlingar. Nämnden är "
          "personuppgiftsansvarig för den behandling av personuppgifter som sker i verksamheten."),
    ("h2", "§ 10 Tvister"),
    ("p", "Tvister om tolkning eller tillämpning av detta avtal ska i första hand lösas genom förhandling mellan "
          "kommundirektörerna. Kan parterna inte enas ska tvisten avgöras av allmän domstol med Uddevalla tingsrätt "
          "som första instans."),
    ("h2", "§ 11 Giltighetstid och uppsägning"),
    ("p", "Avtalet gäller från och med den 1 januari 2025 till och med den 31 december 2028. Avtalet förlängs därefter "
          "med fyra år i taget om det inte sägs upp av någon av parterna."),
    ("p", "Uppsägning ska ske skriftligen senast 18 månader före avtalstidens utgång. Om en part säger upp avtalet "
          "upphör den gemensamma nämnden vid avtalstidens slut, och parterna ska gemensamt ta fram en plan för "
          "överlämning av ärenden och handlingar."),
    ("h2", "§ 12 Ändringar och godkännande"),
    ("p", "Ändringar och tillägg till avtalet ska göras skriftligen och godkännas av kommunfullmäktige i samtliga tre "
          "kommuner. Avtalet har godkänts av kommunfullmäktige i Stenungsund den 17 oktober 2024, i Tjörn den "
          "24 oktober 2024 och i Orust den 7 november 2024."),
    ("p", "Avtalet har upprättats i tre likalydande exemplar, av vilka parterna tagit var sitt."),
    ("h2", "Underskrifter"),
    ("table", ["Part", "Ort och datum", "Underskrift"], [
        ["För Stenungsunds kommun", "Stenungsund den", "Kommunstyrelsens ordförande"],
        ["För Tjörns kommun", "Skärhamn den", "Kommunstyrelsens ordförande"],
        ["För Orusts kommun", "Henån den", "Kommunstyrelsens ordförande"],
    ]),
]


def make_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = B_TITLE
    d.add_heading(B_TITLE, level=1)
    for block in B_BLOCKS:
        kind = block[0]
        if kind == "h2":
            d.add_heading(block[1], level=2)
        elif kind == "p":
            d.add_paragraph(block[1])
        elif kind == "caption":
            p = d.add_paragraph()
            p.add_run(block[1]).bold = True
        elif kind == "table":
            _, header, rows = block
            t = d.add_table(rows=1, cols=len(header))
            t.style = "Table Grid"
            for i, h in enumerate(header):
                cell = t.rows[0].cells[i]
                cell.text = ""
                cell.paragraphs[0].add_run(h).bold = True
            for row in rows:
                cells = t.add_row().cells
                for i, c in enumerate(row):
                    cells[i].text = c
            d.add_paragraph("")
    d.save(str(path))


# ---------------------------------------------------------------------------
# Document C: Avsiktsförklaring Kompetens Göinge (HTML)
# ---------------------------------------------------------------------------
C_TITLE = "Avsiktsförklaring om samverkan för kompetensförsörjning och vuxenutbildning – Kompetens Göinge"
C_BLOCKS = [
    ("p", "Mellan Hässleholms kommun, Osby kommun och Östra Göinge kommun"),
    ("h2", "1. Bakgrund"),
    ("p", "Hässleholm, Osby och Östra Göinge utgör tillsammans en gemensam arbetsmarknad i nordöstra Skåne med "
          "omfattande pendling över kommungränserna. Många arbetsgivare i området, inte minst inom vård och omsorg, "
          "industri och logistik, har svårt att hitta medarbetare med rätt kompetens. Samtidigt finns det invånare "
          "som står långt från arbetsmarknaden och som behöver utbildning, språkstöd eller validering av tidigare "
          "kunskaper för att kunna ta ett arbete."),
    ("p", "Var och en av kommunerna har en egen vuxenutbildning, men underlaget för många yrkesutbildningar är för "
          "litet i en enskild kommun. Kurser ställs in på grund av för få sökande, och eleverna hänvisas till "
          "utbildningsanordnare långt från hemorten. Genom att samordna utbud, planering och marknadsföring kan "
          "kommunerna erbjuda fler och bredare utbildningar nära invånarna."),
    ("p", "Under 2024 genomförde kommunerna en gemensam förstudie som visade att ett samlat utbud skulle kunna "
          "fördubbla antalet yrkesutbildningar som går att starta i området. Förstudien ligger till grund för denna "
          "avsiktsförklaring."),
    ("h2", "2. Syfte"),
    ("p", "Syftet med avsiktsförklaringen är att lägga grunden för en långsiktig samverkan under namnet Kompetens "
          "Göinge, där kommunerna gemensamt planerar, erbjuder och följer upp vuxenutbildning, validering och "
          "kompetensinsatser för näringslivet. Samverkan ska bidra till att fler invånare blir självförsörjande och "
          "att arbetsgivarna i området får tillgång till den kompetens de behöver."),
    ("p", "Högskolan Kristianstad deltar som kunskapspartner men är inte part i avsiktsförklaringen. "
          "Arbetsförmedlingen är en viktig samarbetspart i arbetet med validering och matchning, men omfattas inte "
          "av de åtaganden som beskrivs här."),
    ("h2", "3. Samverkansområden"),
    ("p", "Parterna avser att samverka inom följande områden:"),
    ("ul", [
        "Gemensam kurskatalog för yrkesinriktad vuxenutbildning med fritt sök mellan kommunerna från och med "
        "höstterminen 2025.",
        "Ett gemensamt valideringscentrum i Hässleholm som bedömer och dokumenterar yrkeskunskaper oavsett var de "
        "har förvärvats.",
        "Lärcentrum i Osby och Broby där invånare kan studera på distans med tillgång till handledning och teknik.",
        "SFI kombinerad med yrkesutbildning så att nyanlända kan lära sig svenska och ett yrke parallellt.",
        "Branschråd där arbetsgivare, kommuner och utbildningsanordnare gemensamt bedömer kompetensbehoven.",
        "Gemensam marknadsföring av utbildningsutbudet under varumärket Kompetens Göinge.",
    ]),
    ("p", "Ansvaret för att driva respektive område fördelas enligt tabellen nedan."),
    ("table", ["Samverkansområde", "Ansvarig kommun", "Planerad start"], [
        ["Gemensam kurskatalog och fritt sök inom yrkesvux", "Hässleholm", "Höstterminen 2025"],
        ["Gemensamt valideringscentrum för bedömning av yrkeskunskaper", "Hässleholm", "Vårterminen 2026"],
        ["Lärcentrum för distansstudier i Osby", "Osby", "Höstterminen 2025"],
        ["Lärcentrum för distansstudier i Broby", "Östra Göinge", "Vårterminen 2026"],
        ["SFI kombinerad med yrkesutbildning inom vård och omsorg", "Östra Göinge", "Höstterminen 2025"],
        ["Branschråd för industri och logistik", "Osby", "2025"],
        ["Branschråd för vård och omsorg", "Hässleholm", "2025"],
        ["Gemensam marknadsföring och webbplats för utbildningsutbudet", "Östra Göinge", "Höstterminen 2025"],
    ]),
    ("h2", "4. Mål"),
    ("p", "Parterna har enats om följande mål för perioden fram till och med 2027:"),
    ("ul", [
        "Antalet kursstarter inom yrkesinriktad vuxenutbildning i de tre kommunerna ska öka med 25 procent jämfört "
        "med 2024.",
        "Minst 150 personer per år ska få sina yrkeskunskaper validerade genom valideringscentrumet.",
        "Andelen elever i SFI som samtidigt läser en yrkesutbildning ska uppgå till minst 30 procent.",
        "Minst 80 procent av dem som avslutar en yrkesutbildning ska ha arbete eller studera vidare ett år efter "
        "avslutad utbildning.",
    ]),
    ("h2", "5. Organisation"),
    ("p", "Arbetet leds av en styrgrupp med förvaltningscheferna för vuxenutbildningen och näringslivscheferna i de "
          "tre kommunerna. Hässleholms kommun är sammankallande och leder styrgruppen under de två första åren, "
          "därefter roterar uppdraget mellan kommunerna."),
    ("p", "En arbetsgrupp med rektorer och studie- och yrkesvägledare träffas varje månad och ansvarar för planering "
          "av utbud, antagning och uppföljning."),
    ("p", "En politisk referensgrupp med kommunstyrelsernas ordförande träffas en gång per år för att ta del av "
          "resultat och ge inriktning för det fortsatta arbetet."),
    ("p", "För att hålla samman arbetet inrättas en gemensam samordnartjänst på 50 procent. Samordnaren anställs av "
          "Osby kommun och rapporterar till styrgruppen."),
    ("p", "Varje kommun ansvarar för att de egna verksamheterna, bland annat arbetsmarknadsenheterna, "
          "gymnasieskolorna och socialtjänsten, får information om det gemensamma utbudet och kan hänvisa invånare "
          "till rätt utbildning. Resultaten i förhållande till målen redovisas för den politiska referensgruppen vid "
          "dess årliga möte."),
    ("h2", "6. Ekonomi"),
    ("p", "Avsiktsförklaringen innebär inga bindande ekonomiska åtaganden utöver kostnaden för samordnartjänsten. "
          "Kostnaden för samordnaren fördelas med 60 procent på Hässleholm, 20 procent på Osby och 20 procent på "
          "Östra Göinge."),
    ("p", "Elever som studerar i en annan av de samverkande kommunerna ersätts enligt en gemensam prislista för "
          "interkommunal ersättning som styrgruppen fastställer årligen."),
    ("p", "Parterna avser att gemensamt ansöka om medel från Europeiska socialfonden (ESF+) för att bygga upp "
          "valideringscentrumet. Större gemensamma investeringar ska regleras i särskilda avtal som godkänns av "
          "respektive kommunstyrelse."),
    ("h2", "7. Giltighetstid och uppföljning"),
    ("p", "Avsiktsförklaringen gäller från undertecknandet till och med den 31 december 2027. Samverkan utvärderas "
          "under hösten 2026, och utvärderingen ska ligga till grund för beslut om en eventuell fördjupad samverkan, "
          "till exempel genom ett samverkansavtal eller en gemensam nämnd."),
    ("p", "En part som vill lämna samverkan ska meddela detta skriftligen till övriga parter med sex månaders "
          "varsel."),
    ("h2", "8. Underskrifter"),
    ("p", "Hässleholm den ........................ Kommunstyrelsens ordförande, Hässleholms kommun"),
    ("p", "Osby den ........................ Kommunstyrelsens ordförande, Osby kommun"),
    ("p", "Broby den ........................ Kommunstyrelsens ordförande, Östra Göinge kommun"),
]


def make_html(path: Path) -> None:
    e = html.escape
    out = ["<!DOCTYPE html>", '<html lang="sv">', "<head>", '<meta charset="utf-8">',
           f"<title>{e(C_TITLE)}</title>", "</head>", "<body>", f"<h1>{e(C_TITLE)}</h1>"]
    for block in C_BLOCKS:
        kind = block[0]
        if kind == "h2":
            out.append(f"<h2>{e(block[1])}</h2>")
        elif kind == "p":
            out.append(f"<p>{e(block[1])}</p>")
        elif kind == "ul":
            out.append("<ul>")
            out.extend(f"<li>{e(x)}</li>" for x in block[1])
            out.append("</ul>")
        elif kind == "table":
            _, header, rows = block
            out.append("<table>")
            out.append("<tr>" + "".join(f"<th>{e(h)}</th>" for h in header) + "</tr>")
            for row in rows:
                out.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>")
            out.append("</table>")
    out += ["</body>", "</html>", ""]
    path.write_text("\n".join(out), encoding="utf-8")


# ---------------------------------------------------------------------------
# Document D: Överenskommelse Besöksregion Norra Kalmar län (TXT)
# ---------------------------------------------------------------------------
D_TEXT = """ÖVERENSKOMMELSE OM SAMVERKAN FÖR BESÖKSNÄRING OCH DESTINATIONSUTVECKLING I NORRA KALMAR LÄN 2025–2028

Besöksregion Norra Kalmar län – Västerviks kommun, Vimmerby kommun och Hultsfreds kommun


1. PARTER

Denna överenskommelse har träffats mellan Västerviks kommun, Vimmerby kommun och Hultsfreds kommun, nedan kallade parterna. Samarbetet bedrivs under namnet Besöksregion Norra Kalmar län.


2. BAKGRUND

Besöksnäringen är en av de snabbast växande näringarna i norra Kalmar län och en viktig källa till arbetstillfällen, särskilt för unga. Västervik med skärgården och Tjust, Vimmerby med Astrid Lindgrens Värld och Hultsfred med sina sjöar, skogar och sin musikhistoria kompletterar varandra som resmål. Tillsammans hade de tre kommunerna omkring 1,3 miljoner kommersiella gästnätter under 2023.

Besökarna rör sig över kommungränserna, men marknadsföring, information och produktutveckling har hittills i huvudsak skett kommun för kommun. En stor del av gästnätterna är koncentrerad till sommarmånaderna, vilket gör det svårt för företagen att erbjuda helårsanställningar. Parterna är överens om att de gemensamt kan nå längre, både på den svenska marknaden och internationellt.

Parterna vill samtidigt att besöksnäringen utvecklas på ett hållbart sätt. Resor till och inom området ska i ökande grad kunna göras med tåg, buss och cykel, och känsliga natur- och kulturmiljöer som skärgården och Emåns dalgång ska skyddas från slitage.

Överenskommelsen ersätter den tidigare avsiktsförklaringen om turismsamverkan mellan parterna från 2021.


3. SYFTE OCH MÅL

Syftet med överenskommelsen är att utveckla norra Kalmar län till en sammanhållen och attraktiv destination året runt, med fler besökare, längre vistelser och fler helårsarbeten i besöksnäringen.

Parterna har enats om följande mål till och med 2028:

- Antalet kommersiella gästnätter i de tre kommunerna ska öka till 1,5 miljoner per år.
- Andelen gästnätter under perioden oktober–april ska öka från 18 till 25 procent.
- Antalet företag i besöksnäringen med helårsöppet ska öka med minst 20 procent.
- Minst 70 procent av besöksnäringens företag i området ska delta i något av samarbetets nätverk eller utbildningar.


4. GEMENSAMMA ÅTAGANDEN

Parterna åtar sig att gemensamt:

- driva en gemensam webbplats och digital besöksguide för hela besöksregionen, med Västerviks kommun som ansvarig för teknisk drift,
- ta fram en gemensam evenemangskalender som ska lanseras senast i maj 2025,
- delta i minst två internationella resemässor per år, i första hand i Tyskland och Nederländerna,
- utveckla en sammanhängande paddelled längs Emån med rastplatser och bokningsbara övernattningar,
- genomföra gemensamma kompetensinsatser i värdskap, hållbarhet och digital försäljning för företagen,
- samordna arbetet med cykelturism och vandringsleder över kommungränserna.

Överenskommelsen hindrar inte att varje kommun bedriver egen marknadsföring av sina lokala besöksmål.


5. ORGANISATION

Samarbetet leds av en politisk ledningsgrupp som består av kommunstyrelsens ordförande i respektive kommun. Ledningsgruppen träffas två gånger per år och beslutar om årlig handlingsplan och fördelning av den gemensamma budgeten.

Det löpande arbetet leds av en styrgrupp med näringslivscheferna och turistcheferna i de tre kommunerna. Styrgruppens ordförande är näringslivschefen i Vimmerby kommun.

Parterna finansierar gemensamt en tjänst som destinationsutvecklare. Destinationsutvecklaren anställs av Vimmerby kommun och har sin arbetsplats i Vimmerby, men ska vara verksam i alla tre kommunerna.

Varje kommun utser en kontaktperson för samarbetet, normalt turistchefen, som ansvarar för att information om besöksmål, evenemang och öppettider i den egna kommunen hålls aktuell på den gemensamma webbplatsen.

Företagen i besöksnäringen bjuds in till ett gemensamt destinationsråd som samlas minst en gång per år. Destinationsrådet ger råd till styrgruppen men fattar inga egna beslut.


6. FINANSIERING

Den gemensamma budgeten uppgår till 2 400 000 kronor per år. Kostnaderna fördelas med 45 procent på Västerviks kommun, 35 procent på Vimmerby kommun och 20 procent på Hultsfreds kommun.

Respektive kommun betalar sin andel till Vimmerby kommun senast den 31 mars varje år.

Insatser som går utöver den gemensamma budgeten, till exempel investeringar i leder och rastplatser, finansieras av den kommun där investeringen görs om inte parterna kommer överens om annat.


7. UPPFÖLJNING

Destinationsutvecklaren sammanställer varje år en rapport om måluppfyllelse och ekonomi. Rapporten ska lämnas till kommunstyrelserna i de tre kommunerna senast den 30 april året efter verksamhetsåret.

Uppföljningen av gästnätter baseras på den officiella statistiken från Tillväxtverket och Statistiska centralbyrån.

Under 2027 ska parterna gemensamt utvärdera samarbetet och pröva om det ska fortsätta efter 2028.


8. GILTIGHETSTID OCH UPPSÄGNING

Överenskommelsen gäller från och med den 1 januari 2025 till och med den 31 december 2028.

En part som vill säga upp överenskommelsen ska göra det skriftligen med tolv månaders uppsägningstid. Uppsägningen ska gälla från ett årsskifte.

Om en part begär det ska parterna ta upp förhandlingar om ändrade villkor under avtalsperioden.


9. TVISTER

Tvister med anledning av överenskommelsen ska i första hand lösas genom förhandling mellan kommundirektörerna. Om parterna inte kan enas hänskjuts frågan till den politiska ledningsgruppen.


10. UNDERSKRIFTER

Denna överenskommelse har upprättats i tre likalydande exemplar, av vilka parterna tagit var sitt.

Västervik den 12 december 2024
Kommunstyrelsens ordförande, Västerviks kommun

Vimmerby den 16 december 2024
Kommunstyrelsens ordförande, Vimmerby kommun

Hultsfred den 18 december 2024
Kommunstyrelsens ordförande, Hultsfreds kommun
"""


def make_txt(path: Path) -> None:
    path.write_text(D_TEXT, encoding="utf-8")


FILES = {
    "A": "halsingesamverkan-verksamhetsplan-2025-2027.pdf",
    "B": "overformyndarnamnd-stenungsund-tjorn-orust-samverkansavtal.docx",
    "C": "kompetens-goinge-avsiktsforklaring.html",
    "D": "besoksregion-norra-kalmar-lan-overenskommelse-2025-2028.txt",
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    make_pdf(OUT / FILES["A"])
    make_docx(OUT / FILES["B"])
    make_html(OUT / FILES["C"])
    make_txt(OUT / FILES["D"])
    for f in FILES.values():
        print(OUT / f, os.path.getsize(OUT / f), "bytes")


if __name__ == "__main__":
    main()
