#!/usr/bin/env python3
"""Generate the eight fictional Swedish regional-cooperation documents used by
the question benchmarks (docs_tune.jsonl / docs_valid.jsonl), and validate the
question files against them.

    python3 -m venv /tmp/docgen
    /tmp/docgen/bin/pip install fpdf2 python-docx pdfplumber
    /tmp/docgen/bin/python make_docs.py              # write the documents
    /tmp/docgen/bin/python make_docs.py --validate   # check the question files

All document text lives in the DOCS constant below; every format is rendered
from the same block structure, so the files are reproducible.  The
cooperations, people and figures are fictional; the municipalities are real.
"""
import html
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
QDIR = os.path.dirname(HERE)  # benchmarks/questions
FONT_DIR = "/usr/share/fonts/truetype/dejavu"


# --------------------------------------------------------------------------
# Block helpers
# --------------------------------------------------------------------------
def H(level, text):
    """Heading. level 1 = section ("1 Bakgrund"), level 2 = subsection."""
    return ("h", level, text)


def P(text):
    return ("p", text)


def UL(*items):
    return ("ul", list(items))


def T(header, rows, widths):
    """Table with header row; widths are relative column widths (PDF)."""
    return ("table", header, rows, widths)


# --------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------
DOCS = []

# ---------------------------------------------------------------- tune / PDF
DOCS.append(dict(
    split="tune",
    file="verksamhetsplan_kompetenssamverkan_kalmarsund_2025-2026.pdf",
    title="Verksamhetsplan 2025–2026 – Kompetenssamverkan Kalmarsund",
    author="Kompetenssamverkan Kalmarsund",
    meta="Kalmar, Nybro, Emmaboda, Torsås och Mörbylånga kommuner. "
         "Fastställd av styrgruppen den 20 november 2024. Dnr KS 2024/0871.",
    blocks=[
        H(1, "1 Inledning"),
        P("Kompetenssamverkan Kalmarsund är ett samarbete mellan Kalmar, Nybro, Emmaboda, "
          "Torsås och Mörbylånga kommuner inom vuxenutbildning, arbetsmarknadsinsatser och "
          "kompetensförsörjning. Samarbetet regleras i ett samverkansavtal som tecknades "
          "hösten 2022 och som gäller till och med den 31 december 2026."),
        P("Verksamhetsplanen beskriver vilka mål samverkan ska arbeta mot under 2025 och 2026, "
          "vilka åtgärder som ska genomföras, vem som ansvarar för respektive åtgärd och när "
          "åtgärden ska vara klar. Planen är styrgruppens viktigaste verktyg för att prioritera "
          "de gemensamma resurserna och följa upp att arbetet ger effekt för invånare och "
          "arbetsgivare i länets södra och mellersta delar."),
        P("Planen har tagits fram av beredningsgruppen under hösten 2024 efter dialog med "
          "arbetsgivare, Arbetsförmedlingen, Region Kalmar län och Linnéuniversitetet. "
          "Den fastställdes av styrgruppen den 20 november 2024."),
        H(1, "2 Utgångsläge"),
        P("Delregionen har en åldrande befolkning och stora pensionsavgångar inom vård och "
          "omsorg, skola och teknisk verksamhet de närmaste tio åren. Samtidigt finns det grupper "
          "som står långt från arbetsmarknaden, bland annat personer med långvarigt "
          "försörjningsstöd och unga som varken arbetar eller studerar. Arbetslösheten i de fem "
          "kommunerna varierade i september 2024 mellan 5,1 procent i Mörbylånga och "
          "9,8 procent i Nybro."),
        P("Kommunerna är var för sig för små för att kunna erbjuda ett brett utbud av "
          "yrkesutbildningar. Genom samverkan kan utbildningar samlas ihop och deltagare från "
          "alla fem kommuner söka samma utbildningar, oavsett var utbildningen genomförs."),
        H(1, "3 Organisation"),
        H(2, "3.1 Styrgrupp"),
        P("Styrgruppen består av förvaltningscheferna med ansvar för arbetsmarknad och "
          "vuxenutbildning i de fem kommunerna. Ordförande för perioden 2025–2026 är "
          "förvaltningschefen i Nybro kommun och vice ordförande är förvaltningschefen i "
          "Torsås kommun. Styrgruppen sammanträder fyra gånger per år och beslutar om "
          "prioriteringar, budget och revidering av verksamhetsplanen."),
        H(2, "3.2 Beredningsgrupp"),
        P("Beredningsgruppen består av en utsedd representant från varje kommun och leds av "
          "samverkanssamordnaren. Gruppen träffas en gång i månaden, med undantag för juli, "
          "och bereder ärenden inför styrgruppen."),
        H(2, "3.3 Värdkommun och samordnare"),
        P("Kalmar kommun är värdkommun för samverkan. Samverkanssamordnaren är anställd vid "
          "arbetsmarknads- och vuxenutbildningsförvaltningen i Kalmar kommun och arbetar på "
          "uppdrag av samtliga fem kommuner. Värdkommunen ansvarar också för samverkans "
          "ekonomiska redovisning."),
        H(2, "3.4 Politisk förankring"),
        P("Kommunstyrelsernas ordförande och oppositionsråd informeras om samverkans resultat "
          "vid ett gemensamt presidiemöte som hålls en gång per år i februari. Beslut som "
          "påverkar kommunernas budget fattas alltid av respektive kommunstyrelse."),
        H(1, "4 Prioriterade områden"),
        P("Under planperioden prioriteras tre områden:"),
        UL("Område 1 – Vuxenutbildning: ett samordnat och tillgängligt utbud av yrkesutbildning "
           "i hela delregionen.",
           "Område 2 – Matchning: en samlad ingång för arbetsgivare och fler personer med "
           "försörjningsstöd i arbete.",
           "Område 3 – Unga: färre unga som varken arbetar eller studerar och bättre stöd vid "
           "studie- och yrkesval."),
        H(1, "5 Mål och åtgärder 2025–2026"),
        P("Tabellen nedan anger målen för planperioden, de åtgärder som ska genomföras, vilken "
          "kommun som har huvudansvaret för åtgärden och när åtgärden senast ska vara "
          "genomförd. Den ansvariga kommunen leder arbetet men samtliga kommuner bidrar med "
          "arbetstid."),
        T(["Nr", "Mål", "Åtgärd", "Ansvarig", "Klart senast"], [
            ["1.1", "Fler invånare ska slutföra en yrkesutbildning inom vård och omsorg.",
             "Starta en gemensam undersköterskeutbildning med antagning två gånger per år.",
             "Kalmar", "30 juni 2025"],
            ["1.2", "Utbudet av yrkesvux ska vara samordnat i hela delregionen.",
             "Ta fram en gemensam utbildningskatalog för yrkesvux och publicera den på "
             "kommunernas webbplatser.", "Emmaboda", "31 mars 2025"],
            ["1.3", "Fler ska kunna studera på distans nära hemorten.",
             "Inrätta lärcentrum med studieplatser och handledning i Torsås och Mörbylånga.",
             "Torsås", "31 december 2025"],
            ["2.1", "Arbetsgivare ska få en samlad ingång till kommunernas arbetsmarknadsinsatser.",
             "Införa en gemensam arbetsgivarportal och en kontaktperson per kommun.",
             "Mörbylånga", "30 september 2025"],
            ["2.2", "Fler personer med försörjningsstöd ska gå till arbete.",
             "Genomföra gemensamma rekryteringsträffar med minst tio arbetsgivare per tillfälle.",
             "Nybro", "31 december 2025"],
            ["2.3", "Matchningen ska följas upp med jämförbara nyckeltal.",
             "Ta fram gemensamma nyckeltal och en halvårsrapport till styrgruppen.",
             "Samordnaren (Kalmar)", "31 maj 2025"],
            ["3.1", "Andelen unga som varken arbetar eller studerar ska minska.",
             "Etablera ett gemensamt team för det kommunala aktivitetsansvaret med uppsökande "
             "arbete sommartid.", "Kalmar", "15 juni 2025"],
            ["3.2", "Unga ska få stöd att välja utbildning och yrke.",
             "Erbjuda studie- och yrkesvägledning på fältet i samtliga fem kommuner.",
             "Emmaboda", "31 augusti 2026"],
            ["3.3", "Samverkan med Region Kalmar län ska stärkas.",
             "Teckna en överenskommelse med Region Kalmar län om insatser för unga med "
             "psykisk ohälsa.", "Torsås", "31 december 2026"],
        ], [9, 46, 58, 31, 36]),
        P("Åtgärder som inte hinner genomföras inom angiven tid ska rapporteras till "
          "styrgruppen tillsammans med ett förslag till ny tidplan."),
        H(1, "6 Budget"),
        P("Verksamheten finansieras gemensamt genom att varje kommun betalar 18 kronor per "
          "invånare och år, baserat på invånarantalet den 1 november året före budgetåret. "
          "För 2025 uppgår den kommunala finansieringen till sammanlagt 2 200 000 kronor."),
        T(["Post", "Budget 2025 (kronor)"], [
            ["Samordnarens tjänst inklusive overhead", "1 100 000"],
            ["Gemensam arbetsgivarportal, licens och drift", "450 000"],
            ["Utbildningsinsatser och lärcentrum", "500 000"],
            ["Rekryteringsträffar och övriga aktiviteter", "150 000"],
            ["Summa", "2 200 000"],
        ], [120, 60]),
        P("Därutöver har samverkan beviljats 750 000 kronor från Europeiska socialfonden+ för "
          "insatserna inom område 3 under perioden 2025–2026. Eventuellt överskott förs över "
          "till nästa budgetår efter beslut i styrgruppen."),
        H(1, "7 Uppföljning"),
        P("Samordnaren sammanställer en halvårsrapport per den 30 juni och en årsrapport per "
          "den 31 december. Årsrapporten ska lämnas till styrgruppen senast den 15 februari "
          "året efter och ligger till grund för informationen vid presidiemötet."),
        P("Uppföljningen ska innehålla de gemensamma nyckeltalen, en lägesrapport för varje "
          "åtgärd i tabellen ovan och en redovisning av budgetutfallet. Verksamhetsplanen "
          "revideras inför 2026 och revideringen ska vara fastställd av styrgruppen senast "
          "den 30 november 2025."),
        H(1, "8 Kontakt"),
        P("Frågor om verksamhetsplanen besvaras av samverkanssamordnaren vid arbetsmarknads- "
          "och vuxenutbildningsförvaltningen i Kalmar kommun."),
    ]))

# --------------------------------------------------------------- tune / DOCX
DOCS.append(dict(
    split="tune",
    file="samverkansavtal_upphandlingssamverkan_sormlandskusten.docx",
    title="Samverkansavtal om gemensam upphandlingsfunktion – Upphandlingssamverkan "
          "Sörmlandskusten",
    author="Nyköpings kommun",
    meta="Mellan Nyköpings kommun, Oxelösunds kommun, Trosa kommun och Gnesta kommun",
    blocks=[
        H(1, "1 Parter"),
        P("Detta avtal har träffats mellan följande parter, nedan gemensamt kallade parterna:"),
        UL("Nyköpings kommun, värdkommun", "Oxelösunds kommun", "Trosa kommun",
           "Gnesta kommun"),
        H(1, "2 Bakgrund"),
        P("Parterna har sedan 2019 samarbetat i enskilda upphandlingar av bland annat livsmedel "
          "och drivmedel. Samarbetet har gett lägre priser och minskad sårbarhet, men har varit "
          "beroende av enskilda medarbetare. Kraven på upphandlingsrättslig kompetens, "
          "hållbarhetskrav och avtalsuppföljning har samtidigt ökat."),
        P("Kommunstyrelserna i de fyra kommunerna beslutade under våren 2024 att inrätta en "
          "gemensam upphandlingsfunktion med Nyköpings kommun som värdkommun. Detta avtal "
          "reglerar samverkan."),
        H(1, "3 Syfte"),
        P("Syftet med avtalet är att genom en gemensam upphandlingsfunktion säkra parternas "
          "behov av professionellt upphandlingsstöd, uppnå bättre affärsmässighet och stärka "
          "arbetet med hållbarhetskrav och avtalsuppföljning. Samverkan ska också minska "
          "parternas sårbarhet och ge de mindre kommunerna tillgång till specialistkompetens."),
        H(1, "4 Omfattning"),
        P("Den gemensamma upphandlingsfunktionen ska:"),
        UL("genomföra gemensamma upphandlingar av ramavtal för varor och tjänster som parterna "
           "har behov av, till exempel livsmedel, fordon, IT-utrustning och konsulttjänster,",
           "genomföra upphandlingar för en enskild part när parten begär det, i mån av "
           "tillgängliga resurser,",
           "ge råd och stöd till parternas verksamheter vid direktupphandling,",
           "följa upp gemensamma ramavtal avseende leveranser, priser och hållbarhetskrav,",
           "förvalta det gemensamma upphandlingssystemet och avtalsdatabasen."),
        P("Upphandlingar av bygg- och anläggningsentreprenader omfattas inte av avtalet. Sådana "
          "upphandlingar genomförs av respektive part."),
        H(1, "5 Organisation och styrning"),
        H(2, "5.1 Värdkommun"),
        P("Nyköpings kommun är värdkommun och arbetsgivare för den personal som arbetar i "
          "upphandlingsfunktionen. Funktionen organiseras inom kommunstyrelseförvaltningen i "
          "Nyköpings kommun och leds av en upphandlingschef. Värdkommunen svarar för lokaler, "
          "IT-stöd och administration."),
        H(2, "5.2 Styrgrupp"),
        P("Samverkan leds av en styrgrupp som består av ekonomicheferna i de fyra kommunerna. "
          "Styrgruppen leds av ekonomichefen i Nyköpings kommun. För perioden 2025–2026 är "
          "ekonomichefen i Trosa kommun vice ordförande."),
        P("Styrgruppen sammanträder minst tre gånger per år. Styrgruppen beslutar om "
          "upphandlingsplan, budget och prioriteringar mellan parternas behov. Beslut fattas "
          "i enighet."),
        H(2, "5.3 Upphandlingsråd"),
        P("Varje part utser en kontaktperson för upphandlingsfrågor. Kontaktpersonerna och "
          "upphandlingschefen bildar ett upphandlingsråd som träffas en gång per månad. Rådet "
          "samordnar parternas behov och bereder förslag till den årliga upphandlingsplanen."),
        H(1, "6 Kostnadsfördelning"),
        P("Kostnaderna för upphandlingsfunktionen fördelas mellan parterna efter invånarantal. "
          "Varje part betalar 32 kronor per invånare och år, baserat på Statistiska "
          "centralbyråns uppgift om folkmängd den 1 november året före avgiftsåret. Avgiften "
          "räknas upp årligen med prisindex för kommunal verksamhet (PKV)."),
        P("Preliminär fördelning för 2025 framgår av tabellen nedan. Invånarantalen är "
          "avrundade."),
        T(["Part", "Invånare (avrundat)", "Avgift 2025 (kronor)"], [
            ["Nyköpings kommun", "58 000", "1 856 000"],
            ["Oxelösunds kommun", "12 000", "384 000"],
            ["Trosa kommun", "14 000", "448 000"],
            ["Gnesta kommun", "11 000", "352 000"],
            ["Summa", "95 000", "3 040 000"],
        ], [80, 50, 50]),
        P("Värdkommunen fakturerar övriga parter kvartalsvis i förskott. Kostnader för extern "
          "juridisk rådgivning eller konsulter i en enskild upphandling fördelas mellan de "
          "parter som deltar i upphandlingen i proportion till deras invånarantal."),
        H(1, "7 Budget och redovisning"),
        P("Styrgruppen fastställer budget för kommande år senast den 30 september. "
          "Upphandlingschefen lämnar en verksamhetsberättelse med ekonomisk redovisning till "
          "styrgruppen senast den 31 mars året efter. Överskott eller underskott regleras "
          "mellan parterna i samma proportioner som avgiften."),
        H(1, "8 Avtalstid"),
        P("Avtalet gäller från och med den 1 januari 2025 till och med den 31 december 2028. "
          "Om avtalet inte sägs upp förlängs det därefter med två år i taget."),
        H(1, "9 Uppsägning och utträde"),
        P("Uppsägning ska ske skriftligen senast tolv månader före avtalstidens utgång. Om en "
          "part säger upp avtalet fortsätter samverkan mellan övriga parter, om de inte "
          "beslutar annat."),
        P("En part som lämnar samverkan ska fullgöra sina åtaganden i de ramavtal som parten "
          "har anslutit sig till under ramavtalens återstående löptid."),
        H(1, "10 Ändringar och tillägg"),
        P("Ändringar och tillägg till detta avtal ska göras skriftligen och godkännas av "
          "samtliga parters kommunstyrelser."),
        H(1, "11 Tvister"),
        P("Tvister om tolkning eller tillämpning av avtalet ska i första hand lösas genom "
          "förhandling mellan parterna. Om parterna inte kan enas ska tvisten avgöras av "
          "allmän domstol med Nyköpings tingsrätt som första instans."),
        H(1, "12 Underskrifter"),
        P("Detta avtal har upprättats i fyra likalydande exemplar, av vilka parterna har tagit "
          "var sitt."),
        T(["Part", "Ort och datum", "Undertecknat av"], [
            ["Nyköpings kommun", "Nyköping den 10 december 2024", "Kommunstyrelsens ordförande"],
            ["Oxelösunds kommun", "Oxelösund den 12 december 2024", "Kommunstyrelsens ordförande"],
            ["Trosa kommun", "Trosa den 11 december 2024", "Kommunstyrelsens ordförande"],
            ["Gnesta kommun", "Gnesta den 16 december 2024", "Kommunstyrelsens ordförande"],
        ], [60, 60, 60]),
    ]))

# --------------------------------------------------------------- tune / HTML
DOCS.append(dict(
    split="tune",
    file="avsiktsforklaring_fjallsamverkan_hallbar_besoksnaring_jamtland_harjedalen.html",
    title="Avsiktsförklaring – Fjällsamverkan för hållbar besöksnäring i Jämtland Härjedalen",
    author="Region Jämtland Härjedalen",
    meta="Parter: Region Jämtland Härjedalen, Bergs kommun, Härjedalens kommun, Krokoms "
         "kommun, Åre kommun och Östersunds kommun",
    blocks=[
        H(1, "1 Bakgrund"),
        P("Besöksnäringen är en av de viktigaste näringarna i Jämtlands län. Under 2023 "
          "registrerades drygt 4,3 miljoner kommersiella gästnätter i länet, varav huvuddelen "
          "i fjällkommunerna under vintersäsongen. Besöksnäringen sysselsätter en stor andel av "
          "de förvärvsarbetande i Åre, Bergs och Härjedalens kommuner, och många mindre "
          "företag är helt beroende av att vintersäsongen blir lyckad."),
        P("Den starka säsongsvariationen medför utmaningar. Företagen har svårt att behålla "
          "personal året runt, bostäder för säsongsanställda saknas och kollektivtrafiken till "
          "fjällorterna är begränsad under barmarkssäsongen. Samtidigt ökar slitaget på leder "
          "och känsliga naturområden när besöksflödena koncentreras till ett fåtal platser."),
        P("Parterna har sedan 2021 samarbetat i enskilda frågor, bland annat i projektet "
          "Hållbara leder. Genom denna avsiktsförklaring vill parterna ge samarbetet en "
          "tydligare och mer långsiktig form under namnet Fjällsamverkan."),
        H(1, "2 Syfte och mål"),
        P("Syftet med avsiktsförklaringen är att parterna gemensamt ska verka för en "
          "besöksnäring som är ekonomiskt, socialt och ekologiskt hållbar och som skapar "
          "arbetstillfällen året runt i hela länet."),
        P("Parterna har som gemensamt mål att antalet kommersiella gästnätter under "
          "barmarkssäsongen, maj till och med oktober, ska öka med 20 procent till år 2030 "
          "jämfört med år 2023."),
        H(1, "3 Gemensamma åtaganden"),
        P("Parterna avser att:"),
        UL("ta fram en gemensam strategi för året runt-turism i fjällen, med arbetsnamnet Fjäll "
           "året runt, som ska vara klar senast den 31 december 2025,",
           "införa en gemensam modell för att mäta gästnätter, besöksflöden och besökarnas "
           "nöjdhet,",
           "verka för förbättrad kollektivtrafik mellan Östersund och fjällorterna under "
           "barmarkssäsongen,",
           "samordna arbetet med vandrings-, cykel- och skoterleder tillsammans med "
           "Länsstyrelsen i Jämtlands län,",
           "kartlägga behovet av bostäder för säsongsanställda och föreslå gemensamma lösningar,",
           "gemensamt marknadsföra länet som destination tillsammans med de lokala "
           "destinationsbolagen."),
        H(1, "4 Ansvarsfördelning"),
        P("Parterna har kommit överens om följande ansvarsfördelning för det fortsatta "
          "arbetet:"),
        T(["Part", "Ansvarsområde"], [
            ["Åre kommun", "Samordnar framtagandet av strategin Fjäll året runt och är "
                           "sammankallande för samverkan."],
            ["Region Jämtland Härjedalen", "Ansvarar för den gemensamma besöksstatistiken och "
                                           "för dialogen om kollektivtrafik."],
            ["Östersunds kommun", "Leder arbetet med kompetensförsörjning inom besöksnäringen i "
                                  "samarbete med Mittuniversitetet."],
            ["Krokoms kommun", "Leder arbetet med leder och besöksflöden i fjällområden."],
            ["Bergs kommun", "Leder arbetet med landsbygdsturism och småskaliga besöksmål."],
            ["Härjedalens kommun", "Leder kartläggningen av bostäder för säsongsanställda."],
        ], [60, 120]),
        H(1, "5 Organisation"),
        H(2, "5.1 Politisk samrådsgrupp"),
        P("En politisk samrådsgrupp bestående av kommunstyrelsernas ordförande och "
          "regionstyrelsens ordförande följer arbetet. Samrådsgruppen möts två gånger per år, "
          "en gång på våren och en gång på hösten. Ordförande i samrådsgruppen är "
          "kommunstyrelsens ordförande i Åre kommun."),
        H(2, "5.2 Tjänstepersonsgrupp"),
        P("Arbetet bereds och genomförs av en tjänstepersonsgrupp med näringslivscheferna i "
          "kommunerna och en representant för regionens enhet för näringsliv och innovation. "
          "Gruppen sammankallas av Åre kommun och möts sex gånger per år."),
        H(2, "5.3 Samverkan med näringslivet"),
        P("Parterna ska involvera besöksnäringens företag och de lokala destinationsbolagen i "
          "arbetet. En gång per år arrangeras ett gemensamt besöksnäringsforum, som under 2025 "
          "hålls i Funäsdalen. Forumet är öppet för alla företag inom besöksnäringen i länet och "
          "ska bland annat presentera resultaten från den gemensamma besöksstatistiken."),
        H(1, "6 Ekonomi"),
        P("Avsiktsförklaringen medför inga ekonomiska åtaganden för parterna. Varje part bär "
          "sina egna kostnader för deltagande i samverkan. Gemensamma insatser som kräver "
          "finansiering ska beslutas särskilt av respektive part."),
        P("Parterna avser att gemensamt ansöka om medel från Europeiska regionala "
          "utvecklingsfonden för programperioden 2021–2027 för genomförandet av strategin "
          "Fjäll året runt."),
        H(1, "7 Giltighetstid och uppföljning"),
        P("Avsiktsförklaringen gäller från och med den dag den undertecknats av samtliga parter "
          "till och med den 31 december 2027."),
        P("Tjänstepersonsgruppen ska årligen rapportera hur arbetet fortskrider till den "
          "politiska samrådsgruppen. Samarbetet ska utvärderas senast den 30 juni 2027, "
          "varefter parterna tar ställning till om samverkan ska fortsätta och i så fall i "
          "vilken form."),
        P("Avsiktsförklaringen är inte juridiskt bindande."),
        H(1, "8 Underskrifter"),
        P("Avsiktsförklaringen har undertecknats av samtliga parter vid besöksnäringsdagen i "
          "Östersund den 14 mars 2025."),
        UL("För Region Jämtland Härjedalen: regionstyrelsens ordförande",
           "För Bergs kommun: kommunstyrelsens ordförande",
           "För Härjedalens kommun: kommunstyrelsens ordförande",
           "För Krokoms kommun: kommunstyrelsens ordförande",
           "För Åre kommun: kommunstyrelsens ordförande",
           "För Östersunds kommun: kommunstyrelsens ordförande"),
    ]))

# ----------------------------------------------------------------- tune / MD
DOCS.append(dict(
    split="tune",
    file="overenskommelse_barn_och_unga_samordnade_insatser_blekinge.md",
    title="Överenskommelse om samverkan kring barn och unga i behov av samordnade insatser "
          "i Blekinge",
    author="Region Blekinge",
    meta="Mellan Region Blekinge och Karlshamns, Karlskrona, Olofströms, Ronneby och "
         "Sölvesborgs kommuner. Gäller från och med den 1 april 2025.",
    blocks=[
        H(1, "1 Parter"),
        P("Parter i överenskommelsen är Region Blekinge samt Karlshamns kommun, Karlskrona "
          "kommun, Olofströms kommun, Ronneby kommun och Sölvesborgs kommun."),
        H(1, "2 Bakgrund"),
        P("Barn och unga med sammansatta behov har ofta kontakt med flera verksamheter "
          "samtidigt, till exempel elevhälsa, socialtjänst, barn- och ungdomspsykiatri och "
          "habilitering. När ansvaret är otydligt riskerar barnet och familjen att hamna "
          "mellan huvudmännen."),
        P("Enligt hälso- och sjukvårdslagen och socialtjänstlagen ska regionen och kommunen "
          "tillsammans upprätta en samordnad individuell plan (SIP) när den enskilde har behov "
          "av insatser från båda huvudmännen. Lagstiftningen kräver också att regionen och "
          "kommunerna ingår överenskommelser om samarbete kring barn och unga med psykisk "
          "funktionsnedsättning och missbruk. Denna överenskommelse ersätter den tidigare "
          "länsgemensamma överenskommelsen från 2019."),
        H(1, "3 Syfte och mål"),
        P("Syftet med överenskommelsen är att barn och unga i Blekinge som behöver insatser "
          "från flera huvudmän ska få dem samordnat, i rätt tid och utan att behöva berätta "
          "sin historia flera gånger."),
        P("Parterna har enats om följande mål:"),
        UL("Alla barn och unga som har behov av insatser från både region och kommun ska "
           "erbjudas en SIP.",
           "Ett SIP-möte ska hållas senast 21 dagar efter att kallelsen skickats.",
           "Barnets och vårdnadshavarnas delaktighet ska dokumenteras i varje plan."),
        H(1, "4 Målgrupp"),
        P("Överenskommelsen omfattar barn och unga till och med 20 år som är folkbokförda i "
          "Blekinge och som har behov av insatser från både Region Blekinge och någon av "
          "kommunerna. Unga vuxna från 21 år omfattas av den länsgemensamma "
          "överenskommelsen för vuxna."),
        H(1, "5 Ansvarsfördelning"),
        P("Parterna har i första hand ansvar för sina egna verksamheter enligt lag. Tabellen "
          "anger ansvaret för de insatser som oftast behöver samordnas."),
        T(["Nr", "Insats", "Ansvarig"], [
            ["1", "Kalla till SIP-möte när behovet av samordning uppmärksammas",
             "Den huvudman som först uppmärksammar behovet"],
            ["2", "Utredning och behandling inom barn- och ungdomspsykiatrin", "Region Blekinge"],
            ["3", "Första linjens stöd vid lindrig till måttlig psykisk ohälsa",
             "Region Blekinge"],
            ["4", "Elevhälsans medicinska, psykologiska och psykosociala insatser",
             "Respektive kommun"],
            ["5", "Stöd och behandling vid missbruk för unga under 18 år", "Respektive kommun"],
            ["6", "Samordning av den länsgemensamma utbildningen i SIP", "Karlshamns kommun"],
            ["7", "Drift av den gemensamma webbplatsen med rutiner och blanketter",
             "Ronneby kommun"],
            ["8", "Sammanställning av den årliga uppföljningen", "Region Blekinge"],
        ], [10, 110, 60]),
        H(1, "6 Samverkansstruktur"),
        H(2, "6.1 Ledningsgrupp"),
        P("Den länsgemensamma ledningsgruppen för barn och unga består av socialcheferna och "
          "skolcheferna i kommunerna samt verksamhetscheferna för barn- och ungdomspsykiatrin "
          "och barn- och ungdomsmedicin i Region Blekinge. Ledningsgruppen sammanträder fyra "
          "gånger per år."),
        P("Ordförandeskapet i ledningsgruppen roterar årsvis. Under 2025 är socialchefen i "
          "Sölvesborgs kommun ordförande och under 2026 innehas ordförandeskapet av Region "
          "Blekinge."),
        H(2, "6.2 Lokala samverkansgrupper"),
        P("I varje kommun finns en lokal samverkansgrupp med företrädare för elevhälsa, "
          "socialtjänst, närmaste vårdcentral och barn- och ungdomspsykiatrin. Grupperna "
          "träffas minst en gång i månaden under terminerna."),
        H(2, "6.3 Politisk förankring"),
        P("Överenskommelsen förankras politiskt i Politiskt samråd för vård och omsorg i "
          "Blekinge, där regionens och kommunernas ansvariga politiker ingår. Samrådet tar "
          "del av den årliga uppföljningen vid sitt möte i november."),
        H(1, "7 Hantering av oenighet"),
        P("Om parterna är oense om ansvaret för en insats ska frågan i första hand lösas i den "
          "lokala samverkansgruppen. Frågor som inte kan lösas lokalt ska lyftas till "
          "ledningsgruppen inom 14 dagar. Oenighet mellan huvudmännen får aldrig leda till att "
          "barnet eller den unga blir utan nödvändiga insatser."),
        H(1, "8 Ekonomi"),
        P("Varje part bär sina egna kostnader för de insatser som parten ansvarar för enligt "
          "lag och enligt denna överenskommelse. Kostnaden för den länsgemensamma "
          "SIP-utbildningen delas lika mellan Region Blekinge och kommunerna, där kommunernas "
          "andel fördelas efter invånarantal. För 2025 beräknas utbildningen kosta "
          "400 000 kronor."),
        H(1, "9 Uppföljning"),
        P("Överenskommelsen följs upp årligen. Uppföljningen omfattar bland annat:"),
        UL("antal upprättade SIP för barn och unga per kommun,",
           "andel SIP-möten som hållits inom 21 dagar,",
           "antal ärenden som lyfts till ledningsgruppen,",
           "resultat från en enkät till barn och vårdnadshavare."),
        P("Region Blekinge sammanställer uppföljningen och redovisar den till ledningsgruppen "
          "senast den 30 september varje år."),
        H(1, "10 Giltighetstid och revidering"),
        P("Överenskommelsen gäller från och med den 1 april 2025 och tills vidare. Den ska "
          "revideras senast den 31 mars 2028 eller tidigare om lagstiftningen ändras. Part som "
          "vill säga upp överenskommelsen ska göra det skriftligen med tolv månaders "
          "uppsägningstid."),
        H(1, "11 Beslut"),
        P("Överenskommelsen har godkänts av regionstyrelsen i Region Blekinge den 18 februari "
          "2025 och av samtliga kommunstyrelser under februari och mars 2025."),
    ]))

# --------------------------------------------------------------- valid / PDF
DOCS.append(dict(
    split="valid",
    file="slutrapport_projekt_aterbruk_gastrikland_2023-2024.pdf",
    title="Slutrapport – Projekt Återbruk Gästrikland 2023–2024",
    author="Sandvikens kommun",
    meta="Ett samverkansprojekt mellan Gävle, Sandviken, Hofors, Ockelbo och Älvkarleby "
         "kommuner. Projektägare: Sandvikens kommun. Rapporten godkändes av styrgruppen den "
         "12 februari 2025.",
    blocks=[
        H(1, "1 Sammanfattning"),
        P("Projekt Återbruk Gästrikland har pågått från den 1 februari 2023 till den "
          "31 december 2024. Projektets syfte var att minska kommunernas inköp av nya möbler "
          "och inventarier genom att öka återbruket inom och mellan de fem kommunernas "
          "verksamheter."),
        P("Projektet har nått två av tre huvudmål. Under projekttiden har 1 430 möbler "
          "återbrukats via den gemensamma återbruksplattformen och 212 medarbetare har "
          "utbildats i cirkulär upphandling och återbruk. Målet om att minska mängden "
          "grovavfall från verksamheterna med 15 procent nåddes inte fullt ut; minskningen "
          "blev 11 procent. Återbruket beräknas ha gett undvikna inköpskostnader på cirka "
          "2 100 000 kronor."),
        H(1, "2 Bakgrund"),
        P("De fem kommunerna i Gästrikland köper årligen in möbler och inventarier för "
          "betydande belopp samtidigt som fullt fungerande möbler slängs eller blir stående i "
          "förråd. En förstudie som genomfördes hösten 2022 visade att det fanns minst fyra "
          "kommunala möbellager i Gästrikland utan gemensam överblick."),
        P("Kommunerna har i sina lokala klimatplaner mål om att minska de "
          "konsumtionsbaserade utsläppen. Region Gävleborg har i den regionala "
          "utvecklingsstrategin pekat ut cirkulär ekonomi som ett prioriterat område."),
        H(1, "3 Mål"),
        P("Projektets mål var att till utgången av 2024:"),
        UL("minska mängden grovavfall från kommunernas verksamheter med 15 procent jämfört "
           "med 2022,",
           "återbruka minst 1 000 möbler via en gemensam digital återbruksplattform,",
           "utbilda minst 200 medarbetare inom inköp, lokalvård och fastighetsförvaltning i "
           "återbruk och cirkulär upphandling."),
        H(1, "4 Organisation"),
        P("Sandvikens kommun var projektägare och arbetsgivare för projektledaren. "
          "Projektledare var Karin Sjöberg, anställd vid kommunledningsförvaltningen i "
          "Sandvikens kommun."),
        P("Styrgruppen bestod av hållbarhetscheferna eller motsvarande i de fem kommunerna och "
          "leddes av hållbarhetschefen i Gävle kommun. Styrgruppen sammanträdde sex gånger "
          "per år under projekttiden."),
        P("En arbetsgrupp med en kontaktperson från varje kommun träffades varannan vecka. "
          "Därutöver fanns en referensgrupp med företrädare för Region Gävleborg och de "
          "kommunala fastighetsbolagen."),
        H(1, "5 Genomförda aktiviteter"),
        P("Tabellen nedan sammanfattar projektets huvudaktiviteter, vilken kommun som "
          "ansvarade för respektive aktivitet och när aktiviteten genomfördes."),
        T(["Aktivitet", "Ansvarig kommun", "Genomförd", "Resultat"], [
            ["Inventering av kommunala möbellager och förråd", "Gävle", "mars–maj 2023",
             "Fyra lager kartlagda, cirka 3 500 möbler registrerade"],
            ["Upphandling och införande av digital återbruksplattform", "Sandviken",
             "september 2023", "Plattformen i drift i alla fem kommuner"],
            ["Utbildning i återbruk och cirkulär upphandling", "Hofors",
             "oktober 2023–november 2024", "212 medarbetare utbildade vid 14 tillfällen"],
            ["Renovering och ompolstring av möbler i samarbete med arbetsmarknadsenheten",
             "Ockelbo", "2023–2024",
             "Cirka 310 möbler renoverade av deltagare i arbetsmarknadsinsatser"],
            ["Gemensamt återbrukslager i Sandviken", "Sandviken", "april 2024",
             "Lager på 600 kvadratmeter med utkörning två dagar per vecka"],
            ["Kommunikationskampanjen Återbruka först till chefer och inköpare", "Älvkarleby",
             "oktober 2024", "Kampanjen nådde cirka 900 chefer och inköpare"],
        ], [55, 30, 35, 60]),
        H(1, "6 Resultat"),
        P("Tabellen visar projektets resultat i förhållande till målen."),
        T(["Indikator", "Mål", "Utfall"], [
            ["Minskad mängd grovavfall jämfört med 2022", "15 procent", "11 procent"],
            ["Antal återbrukade möbler via plattformen", "1 000", "1 430"],
            ["Antal utbildade medarbetare", "200", "212"],
            ["Undvikna inköpskostnader för nya möbler", "Inget mål", "2 100 000 kronor"],
            ["Undvikna utsläpp av växthusgaser, beräknat med schablon", "Inget mål",
             "96 ton koldioxidekvivalenter"],
        ], [90, 35, 55]),
        P("Att målet för grovavfall inte nåddes beror främst på att två stora skolor i Gävle "
          "renoverades under 2024, vilket tillfälligt ökade mängden grovavfall."),
        H(1, "7 Ekonomi"),
        P("Projektets totala budget var 3 400 000 kronor. Det slutliga utfallet blev "
          "3 260 000 kronor."),
        T(["Finansiär", "Budget (kronor)", "Utfall (kronor)"], [
            ["Region Gävleborg, regionala projektmedel för hållbar tillväxt", "1 500 000",
             "1 500 000"],
            ["Kommunerna, fördelat efter invånarantal", "1 900 000", "1 760 000"],
            ["Summa", "3 400 000", "3 260 000"],
        ], [100, 40, 40]),
        P("Det outnyttjade beloppet, 140 000 kronor, har inte fakturerats kommunerna."),
        H(1, "8 Erfarenheter och lärdomar"),
        UL("En gemensam digital plattform är en förutsättning för återbruk mellan kommunerna, "
           "men kräver att någon ansvarar för att annonserna hålls aktuella.",
           "Logistiken är den största utmaningen; utan utkörning minskar intresset för "
           "återbruk kraftigt.",
           "Tydliga beslut från kommunledningarna om att återbruk ska prövas före nyinköp har "
           "stor betydelse.",
           "Samarbetet med arbetsmarknadsenheterna har gett både arbetsträning och renoverade "
           "möbler."),
        H(1, "9 Fortsatt förvaltning"),
        P("Styrgruppen har beslutat att återbruksplattformen och det gemensamma lagret ska "
          "permanentas. Från och med den 1 januari 2025 förvaltas verksamheten av Sandvikens "
          "kommun på uppdrag av samtliga fem kommuner."),
        P("Förvaltningen regleras i ett samverkansavtal som gäller till och med den "
          "31 december 2026. Kostnaden fördelas efter invånarantal och uppgår till 6 kronor per "
          "invånare och år. En förvaltningsgrupp med en representant per kommun träffas en "
          "gång per kvartal."),
        P("Uppföljningen av förvaltningen rapporteras till kommunstyrelserna en gång per år, "
          "första gången i mars 2026."),
    ]))

# -------------------------------------------------------------- valid / DOCX
DOCS.append(dict(
    split="valid",
    file="verksamhetsplan_digital_samverkan_klaralven_2025.docx",
    title="Verksamhetsplan 2025 – Digital samverkan Klarälven",
    author="Karlstads kommun",
    meta="Karlstads, Hammarö, Kils, Forshaga, Grums och Munkfors kommuner. Fastställd av "
         "styrgruppen den 5 december 2024.",
    blocks=[
        H(1, "1 Inledning"),
        P("Digital samverkan Klarälven är ett samarbete mellan Karlstads, Hammarö, Kils, "
          "Forshaga, Grums och Munkfors kommuner för att gemensamt utveckla och förvalta "
          "digitala lösningar. Samarbetet startade 2021 och regleras i ett samverkansavtal som "
          "gäller till och med den 31 december 2027."),
        P("Verksamhetsplanen anger inriktning, mål och åtgärder för 2025 samt hur arbetet ska "
          "organiseras, finansieras och följas upp. Den har tagits fram av "
          "digitaliseringsrådet och fastställdes av styrgruppen den 5 december 2024."),
        H(1, "2 Vision och uppdrag"),
        P("Visionen är att invånare och företag i de sex kommunerna ska möta en enkel, säker och "
          "likvärdig digital service oavsett vilken kommun de bor i. Samverkan ska minska "
          "kommunernas kostnader för utveckling och förvaltning och göra det möjligt även för "
          "de minsta kommunerna att ligga i framkant."),
        P("Uppdraget omfattar gemensam förvaltning av e-arkiv och e-tjänsteplattform, "
          "informationssäkerhet, automatisering, kompetensutveckling och omvärldsbevakning. "
          "Drift av kommunernas övriga IT-miljöer ingår inte i samverkan."),
        H(1, "3 Organisation"),
        H(2, "3.1 Styrgrupp"),
        P("Styrgruppen består av kommundirektörerna i de sex kommunerna. Ordförande under 2025 "
          "är kommundirektören i Hammarö kommun och vice ordförande är kommundirektören i "
          "Grums kommun. Styrgruppen sammanträder sex gånger per år."),
        H(2, "3.2 Digitaliseringsrådet"),
        P("Digitaliseringsrådet består av kommunernas digitaliseringsstrateger eller motsvarande "
          "och leds av samordnaren vid kansliet. Rådet träffas varannan vecka, digitalt eller "
          "fysiskt."),
        H(2, "3.3 Kansliet"),
        P("Karlstads kommun är värdkommun och ansvarar för ett gemensamt kansli med tre "
          "tjänster: en samordnare, en informationssäkerhetsspecialist och en arkivarie med "
          "inriktning mot e-arkiv. Kansliet är placerat vid kommunledningsförvaltningen i "
          "Karlstads kommun."),
        H(2, "3.4 Förankring"),
        P("Kommunstyrelserna informeras om samverkans arbete minst en gång per år. "
          "Verksamhetsplan och budget för nästkommande år fastställs av styrgruppen senast i "
          "december."),
        H(1, "4 Fokusområden 2025"),
        UL("E-arkiv: samtliga sex kommuner ska vara anslutna till det gemensamma e-arkivet.",
           "Informationssäkerhet: gemensamma arbetssätt för klassning och riskanalys.",
           "E-tjänster och automatisering: fler självbetjäningstjänster och automatiserade "
           "flöden.",
           "Artificiell intelligens: säker och ansvarsfull användning av AI-verktyg.",
           "Digital kompetens och välfärdsteknik: ökad kompetens hos medarbetare och chefer."),
        H(1, "5 Mål och åtgärder 2025"),
        P("Tabellen anger mål och åtgärder för 2025 med ansvarig kommun och slutdatum. Den "
          "ansvariga kommunen leder arbetet och rapporterar till digitaliseringsrådet."),
        T(["Nr", "Mål", "Åtgärd", "Ansvarig", "Klart senast"], [
            ["1", "Gemensamt e-arkiv i drift för samtliga kommuner",
             "Ansluta Grums och Munkfors till det gemensamma e-arkivet", "Karlstad",
             "30 juni 2025"],
            ["2", "Informationssäkerheten ska hålla en likvärdig nivå i alla kommuner",
             "Genomföra gemensam klassning av verksamhetssystem enligt MSB:s metodstöd", "Kil",
             "31 oktober 2025"],
            ["3", "Fler e-tjänster för invånare och företag",
             "Införa minst tio gemensamma e-tjänster på plattformen", "Forshaga",
             "31 december 2025"],
            ["4", "Ökad automatisering inom ekonomi och HR",
             "Genomföra en pilot med automatiserad fakturahantering (RPA)", "Hammarö",
             "30 september 2025"],
            ["5", "AI används säkert och ansvarsfullt",
             "Ta fram gemensamma riktlinjer för användning av generativ AI", "Karlstad",
             "30 april 2025"],
            ["6", "Medarbetarnas digitala kompetens ska öka",
             "Genomföra en utbildningssatsning i digital kompetens för 500 medarbetare",
             "Grums", "30 november 2025"],
            ["7", "Välfärdsteknik i hemtjänsten ska vara likvärdig",
             "Gemensam upphandling av digitala nyckelfria lås och trygghetslarm", "Munkfors",
             "31 december 2025"],
            ["8", "Nyttan av digitaliseringen ska följas upp",
             "Ta fram en gemensam modell för nyttorealisering", "Kil", "31 december 2025"],
        ], [9, 46, 58, 31, 36]),
        H(1, "6 Budget"),
        P("Samverkan finansieras genom att varje kommun betalar 45 kronor per invånare och år. "
          "Budgeten för 2025 uppgår till 6 700 000 kronor och fördelas enligt tabellen nedan."),
        T(["Post", "Budget 2025 (kronor)"], [
            ["Kansliets personalkostnader (tre tjänster)", "3 900 000"],
            ["Gemensamt e-arkiv, licenser och drift", "1 600 000"],
            ["E-tjänsteplattform, licenser och drift", "800 000"],
            ["Utbildningsinsatser för medarbetare och chefer", "250 000"],
            ["Övriga kostnader", "150 000"],
            ["Summa", "6 700 000"],
        ], [120, 60]),
        P("Kostnader för åtgärd 7, den gemensamma upphandlingen av välfärdsteknik, ingår inte i "
          "budgeten utan bärs av de kommuner som ansluter sig till avtalet."),
        H(1, "7 Uppföljning"),
        P("Kansliet lämnar en delårsrapport till styrgruppen i augusti och en "
          "verksamhetsberättelse för 2025 senast den 28 februari 2026. Uppföljningen ska "
          "redovisa status för varje åtgärd i tabellen, budgetutfall och uppnådd nytta."),
        H(1, "8 Risker"),
        UL("Begränsade resurser i de mindre kommunerna kan försena anslutningen till e-arkivet.",
           "Förändrade krav i lagstiftningen, bland annat till följd av NIS2-direktivet, kan "
           "kräva omprioriteringar.",
           "Leverantörernas prishöjningar kan påverka budgeten för licenser."),
    ]))

# -------------------------------------------------------------- valid / HTML
DOCS.append(dict(
    split="valid",
    file="samverkansavtal_lonecenter_kronoberg.html",
    title="Samverkansavtal om gemensam löneadministration – Lönecenter Kronoberg",
    author="Växjö kommun",
    meta="Avtal mellan Växjö kommun, Alvesta kommun, Uppvidinge kommun, Lessebo kommun och "
         "Tingsryds kommun",
    blocks=[
        H(1, "1 Parter"),
        P("Parter i detta avtal är Växjö kommun, Alvesta kommun, Uppvidinge kommun, Lessebo "
          "kommun och Tingsryds kommun. Växjö kommun är värdkommun."),
        H(1, "2 Bakgrund"),
        P("Parterna har var för sig ansvarat för löne- och pensionsadministration. De mindre "
          "kommunerna har haft svårt att rekrytera och behålla lönespecialister och har varit "
          "sårbara vid frånvaro. Samtidigt har samtliga parter behov av att byta lönesystem "
          "inom de närmaste åren."),
        P("Mot den bakgrunden har parterna utrett förutsättningarna för en gemensam "
          "löneadministration. Utredningen redovisades i juni 2024 och låg till grund för "
          "kommunfullmäktiges beslut i respektive kommun under hösten 2024."),
        H(1, "3 Syfte"),
        P("Syftet med samverkan är att säkerställa en rättssäker, effektiv och mindre sårbar "
          "löne- och pensionsadministration, att dela kostnaderna för ett gemensamt lönesystem "
          "och att ge cheferna i samtliga kommuner ett likvärdigt stöd i lönefrågor."),
        H(1, "4 Tjänsternas omfattning"),
        P("Lönecenter Kronoberg ska utföra följande tjänster åt parterna:"),
        UL("löneberäkning och löneutbetalning för samtliga anställda och förtroendevalda,",
           "administration av pensioner, pensionsunderlag och kontakter med pensionsbolag,",
           "förvaltning av det gemensamma lönesystemet, inklusive behörigheter och "
           "integrationer,",
           "support till chefer och medarbetare i lönefrågor via en gemensam kundtjänst,",
           "personalstatistik och underlag till lönekartläggning."),
        P("Lönebildning, löneförhandlingar och rehabiliteringsärenden ingår inte i avtalet utan "
          "ligger kvar hos respektive part."),
        H(1, "5 Organisation och styrning"),
        H(2, "5.1 Värdkommun"),
        P("Lönecenter Kronoberg är organiserat inom HR-avdelningen i Växjö kommun. Växjö kommun "
          "är arbetsgivare för personalen. Anställda vid parternas lönefunktioner som berörs av "
          "samverkan erbjuds anställning i Växjö kommun från och med den 1 september 2025."),
        H(2, "5.2 Samverkansråd"),
        P("Samverkan styrs av ett samverkansråd som består av HR-cheferna i samtliga kommuner. "
          "Rådet leds av HR-direktören i Växjö kommun och sammanträder fyra gånger per år. "
          "Beslut i samverkansrådet fattas i enighet."),
        H(2, "5.3 Användarforum"),
        P("För lönehandläggare, lönesamordnare och chefsstöd finns ett användarforum som "
          "träffas två gånger per år för att utveckla rutiner och ta fram förbättringsförslag."),
        H(1, "6 Servicenivå"),
        UL("Lön betalas ut den 25:e i varje månad.",
           "Kundtjänsten är öppen vardagar klockan 8.00–16.00.",
           "Minst 95 procent av inkomna ärenden ska vara besvarade inom tre arbetsdagar.",
           "Andelen felaktiga löneutbetalningar ska understiga 0,5 procent."),
        P("Servicenivåerna följs upp kvartalsvis och redovisas i samverkansrådet."),
        H(1, "7 Ekonomi och kostnadsfördelning"),
        P("Kostnaderna för Lönecenter Kronoberg fördelas mellan parterna genom en fast och en "
          "rörlig avgift. Den fasta avgiften är 55 kronor per invånare och år. Den rörliga "
          "avgiften är 38 kronor per lönespecifikation."),
        P("Den fasta avgiften för 2026, baserad på invånarantal den 1 november 2024, framgår av "
          "tabellen nedan."),
        T(["Kommun", "Invånare 1 november 2024", "Fast avgift 2026 (kronor)"], [
            ["Växjö kommun", "97 000", "5 335 000"],
            ["Alvesta kommun", "20 500", "1 127 500"],
            ["Uppvidinge kommun", "9 300", "511 500"],
            ["Lessebo kommun", "8 800", "484 000"],
            ["Tingsryds kommun", "12 300", "676 500"],
            ["Summa", "147 900", "8 134 500"],
        ], [70, 55, 55]),
        P("För perioden 1 september–31 december 2025 betalar parterna en tredjedel av den fasta "
          "årsavgiften. Avgifterna räknas upp årligen med prisindex för kommunal verksamhet "
          "(PKV). Växjö kommun fakturerar övriga parter månadsvis i efterskott."),
        P("Kostnader för införandet av det nya lönesystemet, beräknade till 4 800 000 kronor, "
          "fördelas efter invånarantal och faktureras separat under 2025."),
        P("Det nya lönesystemet ska vara i drift för samtliga parter senast den 1 april 2026. "
          "Under införandet förstärks Lönecenter Kronoberg med en särskild projektgrupp som "
          "leds av en projektledare från Växjö kommun."),
        H(1, "8 Personuppgifter"),
        P("Växjö kommun är personuppgiftsbiträde för övriga parter vid behandling av "
          "personuppgifter inom ramen för avtalet. Parterna ska teckna ett särskilt "
          "personuppgiftsbiträdesavtal innan behandlingen påbörjas."),
        H(1, "9 Avtalstid"),
        P("Avtalet träder i kraft den 1 september 2025 och gäller till och med den 31 augusti "
          "2029."),
        P("Om avtalet inte sägs upp senast 18 månader före avtalstidens utgång förlängs det med "
          "fyra år i taget."),
        H(1, "10 Uppsägning och utträde"),
        P("Uppsägning ska vara skriftlig och beslutas av kommunstyrelsen i den part som säger "
          "upp avtalet. En part som lämnar samverkan ska ersätta Växjö kommun för kostnader för "
          "övertalig personal under högst tolv månader efter utträdet."),
        H(1, "11 Tvister"),
        P("Tvister som inte kan lösas genom förhandling mellan parterna ska avgöras av Växjö "
          "tingsrätt."),
        H(1, "12 Underskrifter"),
        P("Avtalet har upprättats i fem likalydande exemplar. Avtalet undertecknas av "
          "kommunstyrelsens ordförande och kommundirektör för respektive part."),
    ]))

# --------------------------------------------------------------- valid / TXT
DOCS.append(dict(
    split="valid",
    file="avsiktsforklaring_vattensamverkan_norra_uppland.txt",
    title="Avsiktsförklaring om samverkan kring dricksvattenförsörjning – Vattensamverkan "
          "norra Uppland",
    author="Tierps kommun",
    meta="Tierps kommun, Östhammars kommun, Heby kommun och Uppsala kommun. Undertecknad i "
         "Tierp den 22 januari 2025.",
    blocks=[
        H(1, "1 Parter"),
        P("Denna avsiktsförklaring har ingåtts mellan Tierps kommun, Östhammars kommun, Heby "
          "kommun och Uppsala kommun, nedan kallade parterna. Samarbetet benämns "
          "Vattensamverkan norra Uppland."),
        H(1, "2 Bakgrund"),
        P("Under torrperioderna 2016–2018 sjönk grundvattennivåerna i norra Uppland till "
          "rekordlåga nivåer. Flera kommunala vattenverk hade under perioder svårt att leverera "
          "tillräckliga volymer, och i kustnära delar av Östhammars kommun förekom "
          "saltvatteninträngning i enskilda brunnar."),
        P("Klimatanpassningsarbetet visar att perioder med låg grundvattenbildning sannolikt "
          "blir vanligare. Samtidigt växer befolkningen i Uppsala kommun och i kustområdena, "
          "vilket ökar efterfrågan på dricksvatten under sommarmånaderna."),
        P("Länsstyrelsen i Uppsala län har i den regionala vattenförsörjningsplanen pekat ut "
          "flera grundvattenförekomster i norra Uppland som regionalt viktiga för "
          "dricksvattenförsörjningen och rekommenderat att kommunerna samverkar kring "
          "reservvatten."),
        P("Parterna konstaterar att ingen av kommunerna ensam har förutsättningar att säkra en "
          "robust vattenförsörjning på lång sikt."),
        H(1, "3 Syfte"),
        P("Syftet med avsiktsförklaringen är att parterna ska utreda och förbereda en "
          "långsiktig samverkan som ger invånare och näringsliv i norra Uppland en säker "
          "dricksvattenförsörjning även vid torka, föroreningar eller andra störningar."),
        H(1, "4 Parternas avsikter"),
        H(2, "4.1 Förstudie om reservvattenförbindelse"),
        P("Parterna avser att genomföra en gemensam förstudie om en reservvattenledning mellan "
          "Tierp och Östhammar. Tierps kommun leder förstudien, som ska vara klar senast den "
          "31 oktober 2026."),
        H(2, "4.2 Nödvattenberedskap"),
        P("Parterna avser att ta fram en gemensam plan för nödvattenförsörjning och att dela "
          "utrustning. Uppsala kommun ansvarar för ett gemensamt lager av nödvattentankar och "
          "vattenpåsar som övriga parter får disponera vid kris. Planen ska bland annat "
          "beskriva hur samhällsviktig verksamhet som sjukhus, äldreboenden och "
          "livsmedelsindustri prioriteras vid nödvattenförsörjning."),
        H(2, "4.3 Skydd av vattentäkter"),
        P("Parterna avser att samordna arbetet med att se över vattenskyddsområden och "
          "skyddsföreskrifter. Östhammars kommun samordnar detta arbete."),
        H(2, "4.4 Information om vattensparande"),
        P("Parterna avser att genomföra en gemensam informationskampanj om vattensparande inför "
          "varje sommarsäsong. Heby kommun samordnar den gemensamma kampanjen."),
        H(2, "4.5 Kompetens och beredskap"),
        P("Parterna avser att utreda en gemensam beredskapsorganisation för VA-ingenjörer och "
          "drifttekniker, så att parterna kan stödja varandra vid störningar. Parterna avser "
          "också att genomföra en gemensam beredskapsövning minst en gång per år."),
        H(1, "5 Organisation"),
        P("Arbetet leds av en styrgrupp bestående av VA-cheferna och säkerhetssamordnarna i de "
          "fyra kommunerna. Ordförande i styrgruppen är VA-chefen i Tierps kommun. "
          "Styrgruppen möts varannan månad och vid behov oftare."),
        P("Kommunstyrelsernas ordförande bildar en politisk referensgrupp som informeras om "
          "arbetet två gånger per år."),
        P("Länsstyrelsen i Uppsala län bjuds in att delta i styrgruppens möten som adjungerad."),
        H(1, "6 Samverkan med andra aktörer"),
        P("Parterna avser att föra en löpande dialog med Region Uppsala, Länsstyrelsen i Uppsala "
          "län och Sveriges geologiska undersökning om grundvattenförhållandena i norra "
          "Uppland. Dialog ska även föras med grannkommuner utanför länet som delar "
          "vattenresurser med parterna."),
        H(1, "7 Ekonomi"),
        P("Avsiktsförklaringen innebär inga andra ekonomiska åtaganden än de som anges i detta "
          "avsnitt. Förstudien om reservvattenförbindelse beräknas kosta 1 200 000 kronor. "
          "Kostnaden delas lika mellan Tierps kommun och Östhammars kommun. Uppsala kommun och "
          "Heby kommun bidrar med arbetstid och underlag men deltar inte i finansieringen av "
          "förstudien."),
        H(1, "8 Tidplan"),
        UL("Mars 2025: Styrgruppen konstitueras och fastställer en arbetsplan.",
           "Senast den 30 juni 2025: Gemensam plan för nödvattenförsörjning fastställd.",
           "Maj 2025 och därefter varje vår: Informationskampanj om vattensparande.",
           "Senast den 31 oktober 2026: Förstudien om reservvattenförbindelse redovisad.",
           "Senast den 30 november 2026: Parterna tar ställning till ett samverkansavtal."),
        H(1, "9 Giltighet"),
        P("Avsiktsförklaringen gäller från och med undertecknandet till dess att parterna har "
          "beslutat om ett samverkansavtal, dock längst till och med den 30 juni 2027."),
        P("Avsiktsförklaringen är inte rättsligt bindande. Varje part kan lämna samarbetet "
          "genom skriftligt meddelande till övriga parter."),
        H(1, "10 Underskrifter"),
        P("Avsiktsförklaringen har undertecknats av kommunstyrelsernas ordförande i Tierp den "
          "22 januari 2025."),
        UL("För Tierps kommun: kommunstyrelsens ordförande",
           "För Östhammars kommun: kommunstyrelsens ordförande",
           "För Heby kommun: kommunstyrelsens ordförande",
           "För Uppsala kommun: kommunstyrelsens ordförande"),
    ]))


# --------------------------------------------------------------------------
# Renderers
# --------------------------------------------------------------------------
def render_pdf(doc, path):
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    class PDF(FPDF):
        def footer(self):
            self.set_y(-15)
            self.set_font("DejaVu", "", 8)
            self.cell(0, 10, f"Sida {self.page_no()} av {{nb}}", align="C")

    pdf = PDF(format="A4")
    pdf.set_margins(15, 18, 15)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font("DejaVu", "", os.path.join(FONT_DIR, "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf"))
    pdf.add_font("DejaVu", "I", os.path.join(FONT_DIR, "DejaVuSans-Oblique.ttf"))
    pdf.set_title(doc["title"])
    pdf.set_author(doc["author"])
    pdf.set_lang("sv")
    pdf.set_creation_date(__import__("datetime").datetime(2025, 1, 1))
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 16)
    pdf.multi_cell(0, 8, doc["title"], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("DejaVu", "I", 10)
    pdf.multi_cell(0, 5.5, doc["meta"], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for b in doc["blocks"]:
        kind = b[0]
        if kind == "h":
            size = 13 if b[1] == 1 else 11
            pdf.ln(3 if b[1] == 1 else 1)
            pdf.set_font("DejaVu", "B", size)
            pdf.multi_cell(0, 7, b[2], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "p":
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(0, 5.5, b[1], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif kind == "ul":
            pdf.set_font("DejaVu", "", 10)
            for item in b[1]:
                pdf.set_x(pdf.l_margin + 4)
                pdf.cell(5, 5.5, "•")
                pdf.multi_cell(pdf.epw - 9, 5.5, item, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(0.5)
            pdf.ln(1.5)
        elif kind == "table":
            _, header, rows, widths = b
            pdf.set_font("DejaVu", "", 9)
            with pdf.table(col_widths=widths, text_align="LEFT", line_height=5,
                           first_row_as_headings=True,
                           headings_style=FontFace(emphasis="BOLD",
                                                   fill_color=(225, 225, 225))) as table:
                for r in [header] + rows:
                    row = table.row()
                    for c in r:
                        row.cell(c)
            pdf.ln(3)
    pdf.output(path)


def render_docx(doc, path):
    from docx import Document
    from docx.shared import Pt

    d = Document()
    d.core_properties.title = doc["title"]
    d.core_properties.author = doc["author"]
    d.core_properties.language = "sv-SE"
    d.add_heading(doc["title"], level=0)
    meta = d.add_paragraph()
    meta.add_run(doc["meta"]).italic = True
    for b in doc["blocks"]:
        kind = b[0]
        if kind == "h":
            d.add_heading(b[2], level=b[1])
        elif kind == "p":
            d.add_paragraph(b[1])
        elif kind == "ul":
            for item in b[1]:
                d.add_paragraph(item, style="List Bullet")
        elif kind == "table":
            _, header, rows, widths = b
            t = d.add_table(rows=1, cols=len(header))
            t.style = "Table Grid"
            for i, h in enumerate(header):
                cell = t.rows[0].cells[i]
                cell.text = ""
                run = cell.paragraphs[0].add_run(h)
                run.bold = True
            for r in rows:
                cells = t.add_row().cells
                for i, c in enumerate(r):
                    cells[i].text = c
            for row in t.rows:
                for cell in row.cells:
                    for para in cell.paragraphs:
                        for run in para.runs:
                            run.font.size = Pt(10)
            d.add_paragraph()
    d.save(path)


def render_html(doc, path):
    e = html.escape
    out = ["<!DOCTYPE html>", '<html lang="sv">', "<head>", '<meta charset="utf-8">',
           f"<title>{e(doc['title'])}</title>",
           f'<meta name="author" content="{e(doc["author"])}">',
           "<style>body{font-family:Arial,sans-serif;max-width:52em;margin:2em auto;"
           "line-height:1.5}table{border-collapse:collapse;margin:1em 0}"
           "th,td{border:1px solid #666;padding:.3em .6em;text-align:left;vertical-align:top}"
           "th{background:#e6e6e6}.meta{font-style:italic}</style>",
           "</head>", "<body>", f"<h1>{e(doc['title'])}</h1>",
           f'<p class="meta">{e(doc["meta"])}</p>']
    for b in doc["blocks"]:
        kind = b[0]
        if kind == "h":
            lvl = b[1] + 1
            out.append(f"<h{lvl}>{e(b[2])}</h{lvl}>")
        elif kind == "p":
            out.append(f"<p>{e(b[1])}</p>")
        elif kind == "ul":
            out.append("<ul>")
            out += [f"  <li>{e(i)}</li>" for i in b[1]]
            out.append("</ul>")
        elif kind == "table":
            _, header, rows, widths = b
            out.append("<table>")
            out.append("  <thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in header)
                       + "</tr></thead>")
            out.append("  <tbody>")
            for r in rows:
                out.append("    <tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>")
            out.append("  </tbody>")
            out.append("</table>")
    out += ["</body>", "</html>", ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def render_md(doc, path):
    out = [f"# {doc['title']}", "", f"*{doc['meta']}*", ""]
    for b in doc["blocks"]:
        kind = b[0]
        if kind == "h":
            out += ["#" * (b[1] + 1) + " " + b[2], ""]
        elif kind == "p":
            out += [b[1], ""]
        elif kind == "ul":
            out += [f"- {i}" for i in b[1]] + [""]
        elif kind == "table":
            _, header, rows, widths = b
            out.append("| " + " | ".join(header) + " |")
            out.append("|" + "|".join("---" for _ in header) + "|")
            out += ["| " + " | ".join(r) + " |" for r in rows]
            out.append("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def render_txt(doc, path):
    import textwrap
    w = lambda s, ind="": textwrap.fill(s, 80, initial_indent=ind,
                                        subsequent_indent=" " * len(ind))
    out = [w(doc["title"]), "=" * 80, "", w(doc["meta"]), ""]
    for b in doc["blocks"]:
        kind = b[0]
        if kind == "h":
            out += ["", b[2], ("-" if b[1] == 1 else "~") * len(b[2]), ""]
        elif kind == "p":
            out += [w(b[1]), ""]
        elif kind == "ul":
            out += [w(i, "  - ") for i in b[1]] + [""]
        elif kind == "table":
            _, header, rows, widths = b
            cols = list(zip(*([header] + rows)))
            ws = [max(len(c) for c in col) for col in cols]
            fmt = lambda r: "  ".join(c.ljust(ws[i]) for i, c in enumerate(r)).rstrip()
            out += [fmt(header), "  ".join("-" * x for x in ws)] + [fmt(r) for r in rows]
            out.append("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


RENDERERS = {".pdf": render_pdf, ".docx": render_docx, ".html": render_html,
             ".md": render_md, ".txt": render_txt}


def doc_path(doc):
    return os.path.join(HERE, doc["split"], doc["file"])


def build():
    for doc in DOCS:
        os.makedirs(os.path.dirname(doc_path(doc)), exist_ok=True)
        RENDERERS[os.path.splitext(doc["file"])[1]](doc, doc_path(doc))
        print("wrote", os.path.relpath(doc_path(doc), HERE), f"({word_count(doc)} words)")


def word_count(doc):
    return len(" ".join(unit_texts(doc)).split())


def unit_texts(doc):
    """Smallest units a quote may come from: title, meta, paragraphs, headings,
    list items and table cells."""
    units = [doc["title"], doc["meta"]]
    for b in doc["blocks"]:
        if b[0] == "h":
            units.append(b[2])
        elif b[0] == "p":
            units.append(b[1])
        elif b[0] == "ul":
            units += b[1]
        elif b[0] == "table":
            units += b[1] + [c for r in b[2] for c in r]
    return units


# --------------------------------------------------------------------------
# Validation of the question files
# --------------------------------------------------------------------------
def norm(s):
    return re.sub(r"\W+", " ", s.lower()).strip()


def extract_text(path):
    ext = os.path.splitext(path)[1]
    if ext == ".pdf":
        import pdfplumber
        with pdfplumber.open(path) as pdf:
            return "\n".join(p.extract_text() or "" for p in pdf.pages), \
                   [c or "" for p in pdf.pages for t in p.extract_tables()
                    for r in t for c in r]
    if ext == ".docx":
        from docx import Document
        d = Document(path)
        parts = [p.text for p in d.paragraphs]
        cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
        return "\n".join(parts + cells), cells
    raw = open(path, encoding="utf-8").read()
    if ext == ".html":
        raw = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    return raw, []


KEYS = ["id", "lang", "question", "answerable", "doc", "answer_keywords", "evidence", "kind"]
KINDS = {"who", "which", "when", "how_much", "how_often", "yes_no", "what_is", "members",
         "other"}


def validate():
    by_file = {d["file"]: d for d in DOCS}
    texts = {}
    for d in DOCS:
        full, cells = extract_text(doc_path(d))
        texts[d["file"]] = (norm(full), [norm(c) for c in cells])
    all_text = " ".join(t[0] for t in texts.values())
    errors, ids, cell_only = [], set(), 0
    for qfile, prefix, split in [("docs_tune.jsonl", "dt-", "tune"),
                                 ("docs_valid.jsonl", "dv-", "valid")]:
        n = ans = en = 0
        per_doc = {}
        for ln, line in enumerate(open(os.path.join(QDIR, qfile), encoding="utf-8"), 1):
            q = json.loads(line)
            tag = f"{qfile}:{ln} {q.get('id')}"
            n += 1
            if list(q.keys()) != KEYS:
                errors.append(f"{tag}: keys {list(q.keys())}")
            if not q["id"].startswith(prefix) or q["id"] in ids:
                errors.append(f"{tag}: bad or duplicate id")
            ids.add(q["id"])
            if q["lang"] not in ("sv", "en"):
                errors.append(f"{tag}: lang")
            en += q["lang"] == "en"
            if q["kind"] not in KINDS:
                errors.append(f"{tag}: kind {q['kind']}")
            if not q["answerable"]:
                if q["doc"] is not None or q["answer_keywords"] or q["evidence"]:
                    errors.append(f"{tag}: unanswerable must have doc null, [] and ''")
                continue
            ans += 1
            d = by_file.get(q["doc"])
            if d is None or d["split"] != split:
                errors.append(f"{tag}: doc {q['doc']} not in {split}")
                continue
            per_doc[q["doc"]] = per_doc.get(q["doc"], 0) + 1
            ev = q["evidence"]
            nw = len(ev.split())
            if not 5 <= nw <= 25:
                errors.append(f"{tag}: evidence has {nw} words")
            if re.search(r"[.!?] [A-ZÅÄÖ]", ev) or "\n" in ev:
                errors.append(f"{tag}: evidence seems to span sentences")
            nev = norm(ev)
            if not any(nev in norm(u) for u in unit_texts(d)):
                errors.append(f"{tag}: evidence not inside one paragraph/item/cell")
            full, cells = texts[q["doc"]]
            if nev not in full:
                # pdfplumber's page text interleaves the lines of wrapped table cells, so a
                # quote from one PDF table cell is checked against extract_tables() instead.
                if q["doc"].endswith(".pdf") and any(nev in c for c in cells):
                    cell_only += 1
                else:
                    errors.append(f"{tag}: evidence missing in extracted text")
            if not 1 <= len(q["answer_keywords"]) <= 3:
                errors.append(f"{tag}: {len(q['answer_keywords'])} keywords")
            for k in q["answer_keywords"]:
                if norm(k) not in full:
                    errors.append(f"{tag}: keyword {k!r} not in document")
        print(f"{qfile}: {n} questions, {ans} answerable, {n - ans} unanswerable, "
              f"{en} English; per doc {per_doc}")
    print(f"{cell_only} PDF evidence quotes found only in table cells (extract_tables)")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return not errors


if __name__ == "__main__":
    if "--validate" in sys.argv:
        sys.exit(0 if validate() else 1)
    build()
