#!/usr/bin/env python3
"""Generate the five fictional Swedish regional-cooperation documents in docs/tune2/
(used by docs_tune2.jsonl) and validate the question files docs_tune2.jsonl and
tune_b.jsonl against their documents.

    python3 -m venv /tmp/docgen2
    /tmp/docgen2/bin/pip install fpdf2 python-docx pdfplumber
    /tmp/docgen2/bin/python make_docs_tune2.py              # write the documents
    /tmp/docgen2/bin/python make_docs_tune2.py --validate   # check the question files

The block helpers and the PDF/DOCX/HTML/Markdown/text renderers are shared with
make_docs.py (same folder).  The cooperations, people and figures are fictional; the
municipalities are real.  tune_b.jsonl is checked against the real documents in
shared/seeds/*.txt and shared/corpus-extra/*.txt (found next to the repository, or via
the SEEDS_DIRS environment variable, a comma-separated list of folders).
"""
import glob
import html
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
QDIR = os.path.dirname(HERE)  # benchmarks/questions
OUT = os.path.join(HERE, "tune2")
sys.path.insert(0, HERE)

from make_docs import KEYS, KINDS, RENDERERS, UL, H, P, T, extract_text, norm  # noqa: E402

DOCS = []

# ------------------------------------------------------------------ PDF
DOCS.append(dict(
    file="verksamhetsplan_hoglandets_utvecklingssamverkan_2025-2027.pdf",
    title="Verksamhetsplan 2025–2027 – Höglandets utvecklingssamverkan",
    author="Höglandets utvecklingssamverkan",
    meta="Aneby, Eksjö, Nässjö, Sävsjö, Tranås och Vetlanda kommuner. Fastställd av "
         "Höglandsrådet den 12 december 2024. Dnr HR 2024/0316.",
    blocks=[
        H(1, "1 Inledning"),
        P("Höglandets utvecklingssamverkan är ett samarbete mellan Aneby, Eksjö, Nässjö, "
          "Sävsjö, Tranås och Vetlanda kommuner i Jönköpings län. Samarbetet inleddes 2016 och "
          "regleras sedan den 1 januari 2023 av ett samverkansavtal som gäller till och med den "
          "31 december 2027. Kommunerna har tillsammans omkring 115 000 invånare och utgör en "
          "gemensam arbetsmarknad med omfattande pendling mellan orterna."),
        P("Verksamhetsplanen anger vilka områden samverkan ska prioritera under perioden "
          "2025–2027, vilka åtgärder som ska genomföras, vilken kommun som leder respektive "
          "åtgärd och när åtgärden ska vara klar. Planen har tagits fram av "
          "kommundirektörsgruppen under hösten 2024 efter dialog med näringslivet, Region "
          "Jönköpings län, Jönköping University och Arbetsförmedlingen."),
        H(1, "2 Utgångsläge"),
        P("Höglandet har en stark tillverkningsindustri, särskilt inom trä, metall och "
          "fordonskomponenter, och en växande besöksnäring. Företagen har dock svårt att "
          "rekrytera tekniker, ingenjörer och yrkesarbetare, och kommunerna står inför stora "
          "pensionsavgångar inom vård, skola och teknisk förvaltning. Enligt kommunernas "
          "gemensamma prognos behöver arbetsgivarna på Höglandet rekrytera omkring 9 000 "
          "personer fram till år 2030."),
        P("Tågtrafiken på Södra stambanan och Stångådalsbanan är avgörande för pendlingen, men "
          "kapacitetsbrister och eftersatt underhåll leder till förseningar och inställda tåg. "
          "Samtidigt saknar delar av landsbygden fortfarande tillgång till snabbt bredband, "
          "vilket försvårar både distansarbete och företagande."),
        H(1, "3 Organisation"),
        H(2, "3.1 Höglandsrådet"),
        P("Höglandsrådet är samverkans politiska styrgrupp och består av kommunstyrelsens "
          "ordförande och ett oppositionsråd från varje kommun. Rådet sammanträder sex gånger "
          "per år och fastställer verksamhetsplan, budget och årsrapport."),
        P("Ordförandeskapet i Höglandsrådet roterar årsvis mellan kommunerna i bokstavsordning. "
          "År 2025 är kommunstyrelsens ordförande i Sävsjö kommun ordförande, år 2026 "
          "ordföranden i Tranås kommun och år 2027 ordföranden i Vetlanda kommun."),
        H(2, "3.2 Kommundirektörsgruppen"),
        P("Kommundirektörerna i de sex kommunerna bildar kommundirektörsgruppen, som bereder "
          "ärenden till Höglandsrådet och ansvarar för att åtgärderna i verksamhetsplanen "
          "genomförs. Gruppen träffas en gång i månaden, med undantag för juli."),
        H(2, "3.3 Värdkommun och samordnare"),
        P("Nässjö kommun är värdkommun för samverkan. En heltidsanställd samordnare vid "
          "kommunledningsförvaltningen i Nässjö kommun håller ihop arbetet, är sekreterare i "
          "Höglandsrådet och sammanställer uppföljningen. Värdkommunen sköter även samverkans "
          "ekonomiska redovisning."),
        H(2, "3.4 Nätverk"),
        P("Under kommundirektörsgruppen finns nätverk för bland annat näringslivschefer, "
          "HR-chefer, vuxenutbildning, samhällsbyggnad och digitalisering. Varje nätverk leds "
          "av den kommun som har huvudansvar för flest åtgärder inom nätverkets område."),
        H(1, "4 Prioriterade områden"),
        P("Under planperioden prioriteras fyra områden:"),
        UL("Område 1 – Kompetensförsörjning: fler ska utbilda sig och arbeta på Höglandet.",
           "Område 2 – Infrastruktur och kommunikationer: bättre förutsättningar för pendling "
           "och godstransporter.",
           "Område 3 – Näringsliv och etablering: ett bättre företagsklimat och fler "
           "etableringar.",
           "Område 4 – Digitalisering: gemensamma digitala lösningar och bredband på hela "
           "Höglandet."),
        H(1, "5 Mål och åtgärder 2025–2027"),
        P("Tabellen anger de åtgärder som ska genomföras under planperioden. Kommunen med "
          "huvudansvar leder arbetet och rapporterar till kommundirektörsgruppen. Kommuner med "
          "medansvar bidrar med arbetstid och underlag. Med samtliga avses alla sex kommuner."),
        T(["Nr", "Åtgärd", "Huvudansvar", "Medansvar", "Klart"], [
            ["1.1", "Ta fram en gemensam analys av kompetensbehoven hos offentliga och privata "
                    "arbetsgivare på Höglandet.", "Nässjö", "Eksjö, Tranås", "30 juni 2025"],
            ["1.2", "Starta ett gemensamt yrkesvuxcollege inom industri och teknik med "
                    "utbildningsorter i Nässjö och Vetlanda.", "Vetlanda", "Nässjö, Sävsjö",
             "31 augusti 2026"],
            ["1.3", "Genomföra rekryteringsmässan Jobba på Höglandet en gång per år.", "Tranås",
             "Samtliga", "Oktober varje år"],
            ["1.4", "Inrätta en gemensam praktikportal för högskolestudenter.", "Eksjö",
             "Aneby", "31 december 2025"],
            ["2.1", "Lämna ett gemensamt inspel om Södra stambanan och Stångådalsbanan till "
                    "nästa regionala transportplan.", "Eksjö", "Nässjö, Vetlanda",
             "31 mars 2025"],
            ["2.2", "Utreda samordnad kompletteringstrafik mellan Aneby, Tranås och Eksjö.",
             "Aneby", "Tranås, Eksjö", "30 november 2025"],
            ["2.3", "Kartlägga behovet av laddinfrastruktur för tunga fordon längs riksväg 40.",
             "Nässjö", "Eksjö", "30 juni 2026"],
            ["3.1", "Införa en gemensam etableringslots för företag som vill etablera sig på "
                    "Höglandet.", "Vetlanda", "Samtliga", "31 mars 2026"],
            ["3.2", "Genomföra en gemensam mätning av företagsklimatet vartannat år.", "Sävsjö",
             "Aneby", "31 oktober 2025"],
            ["3.3", "Ta fram en gemensam besöksnäringsstrategi för Höglandet.", "Eksjö",
             "Tranås, Aneby", "31 december 2026"],
            ["4.1", "Införa en gemensam plattform för e-tjänster.", "Tranås", "Samtliga",
             "30 september 2026"],
            ["4.2", "Genomföra en utbildningsinsats i AI och digital kompetens för "
                    "kommunernas chefer.", "Sävsjö", "Vetlanda", "31 maj 2026"],
            ["4.3", "Ta fram en gemensam plan för bredbandsutbyggnad på landsbygden.", "Aneby",
             "Sävsjö", "31 december 2027"],
        ], [10, 80, 28, 34, 28]),
        P("En åtgärd som riskerar att försenas ska anmälas till kommundirektörsgruppen, som vid "
          "behov föreslår Höglandsrådet en ny tidplan."),
        H(1, "6 Ekonomi"),
        P("Samverkan finansieras med en årlig avgift på 14 kronor per invånare, baserad på "
          "invånarantalet den 31 december två år före budgetåret. Avgiften täcker samordnarens "
          "tjänst, gemensamma aktiviteter och mindre utredningar. Åtgärder som kräver större "
          "investeringar, till exempel den gemensamma plattformen för e-tjänster, finansieras "
          "genom särskilda beslut i varje kommun."),
        T(["Kommun", "Invånare 31 december 2023", "Avgift 2025 (kronor)"], [
            ["Aneby", "6 900", "96 600"],
            ["Eksjö", "17 600", "246 400"],
            ["Nässjö", "31 900", "446 600"],
            ["Sävsjö", "11 300", "158 200"],
            ["Tranås", "19 400", "271 600"],
            ["Vetlanda", "27 900", "390 600"],
            ["Summa", "115 000", "1 610 000"],
        ], [70, 55, 55]),
        P("Därutöver har Region Jönköpings län beviljat 600 000 kronor ur anslaget för regional "
          "utveckling till arbetet med etableringslotsen och den gemensamma "
          "besöksnäringsstrategin. Överskott förs över till nästa år efter beslut i "
          "Höglandsrådet."),
        H(1, "7 Uppföljning och revidering"),
        P("Samordnaren lämnar en delårsrapport till Höglandsrådet i september och en årsrapport "
          "i mars året efter. Årsrapporten ska redovisa läget för varje åtgärd i tabellen, "
          "budgetutfallet och utvecklingen av några gemensamma nyckeltal, bland annat "
          "förvärvsfrekvens, nyföretagande och andelen hushåll med tillgång till bredband om "
          "minst 1 Gbit/s."),
        P("Verksamhetsplanen revideras årligen. Den reviderade planen ska vara fastställd av "
          "Höglandsrådet senast den 15 december inför varje nytt verksamhetsår."),
        H(1, "8 Kontakt"),
        P("Frågor om verksamhetsplanen besvaras av samordnaren för Höglandets "
          "utvecklingssamverkan vid kommunledningsförvaltningen i Nässjö kommun."),
    ]))

# ------------------------------------------------------------------ DOCX
DOCS.append(dict(
    file="samverkansavtal_dataskydd_informationssakerhet_vasternorrland.docx",
    title="Samverkansavtal om gemensam funktion för dataskydd och informationssäkerhet – "
          "Dataskyddssamverkan Västernorrland",
    author="Härnösands kommun",
    meta="Mellan Härnösands kommun, Kramfors kommun, Sollefteå kommun, Timrå kommun och Ånge "
         "kommun. Dnr KS 2024/0598.",
    blocks=[
        H(1, "1 Parter"),
        P("Detta avtal har träffats mellan följande kommuner, nedan gemensamt kallade parterna:"),
        UL("Härnösands kommun, värdkommun", "Kramfors kommun", "Sollefteå kommun",
           "Timrå kommun", "Ånge kommun"),
        H(1, "2 Bakgrund"),
        P("Sedan dataskyddsförordningen började tillämpas i maj 2018 har parterna var för sig "
          "utsett dataskyddsombud, i flera fall på deltid och i kombination med andra "
          "arbetsuppgifter. Kraven på informationssäkerhet har samtidigt skärpts, bland annat "
          "genom genomförandet av NIS2-direktivet och ökade krav på kommunernas arbete med "
          "civilt försvar."),
        P("Under våren 2024 genomförde parterna en gemensam förstudie som visade att en samlad "
          "funktion med specialistkompetens skulle minska sårbarheten och ge bättre stöd till "
          "nämnder och bolag. Kommunfullmäktige i respektive kommun beslutade under hösten 2024 "
          "att inrätta en gemensam funktion med Härnösands kommun som värdkommun."),
        H(1, "3 Syfte"),
        P("Syftet med avtalet är att ge parterna tillgång till kvalificerade och oberoende "
          "dataskyddsombud, att höja nivån på informationssäkerhetsarbetet och att minska "
          "parternas sårbarhet vid personalomsättning och frånvaro. Samverkan ska också ge "
          "förutsättningar för gemensamma rutiner, utbildningar och mallar."),
        H(1, "4 Uppdrag och omfattning"),
        P("Den gemensamma funktionen ska utföra följande uppgifter åt parterna:"),
        UL("uppdraget som dataskyddsombud för parternas nämnder och helägda kommunala bolag,",
           "rådgivning om behandling av personuppgifter, konsekvensbedömningar och "
           "personuppgiftsbiträdesavtal,",
           "stöd vid hantering av personuppgiftsincidenter och vid anmälan till "
           "Integritetsskyddsmyndigheten,",
           "framtagande av gemensamma styrdokument och rutiner för informationssäkerhet,",
           "utbildning av förtroendevalda, chefer och medarbetare vid minst två gemensamma "
           "utbildningstillfällen per år."),
        P("Det operativa it-säkerhetsarbetet, såsom drift av brandväggar, "
          "behörighetssystem och säkerhetskopiering, ingår inte i avtalet utan ligger kvar hos "
          "respektive part."),
        H(1, "5 Organisation och styrning"),
        H(2, "5.1 Värdkommun och bemanning"),
        P("Funktionen är organiserad inom kommunledningsförvaltningen i Härnösands kommun, som "
          "är arbetsgivare för personalen. Funktionen bemannas med två dataskyddsombud och en "
          "informationssäkerhetsstrateg, totalt tre heltidstjänster."),
        H(2, "5.2 Styrgrupp"),
        P("Samverkan leds av en styrgrupp som består av kanslicheferna hos samtliga parter. "
          "Styrgruppen leds av kanslichefen i Härnösands kommun och sammanträder tre gånger per "
          "år. Styrgruppen beslutar om verksamhetsplan, prioriteringar och förslag till budget. "
          "Beslut i styrgruppen fattas i enighet."),
        H(2, "5.3 Dataskyddsombudens oberoende"),
        P("Dataskyddsombuden ska utföra sina uppgifter självständigt och får inte ta emot "
          "instruktioner om hur uppgifterna ska utföras. Dataskyddsombuden rapporterar direkt "
          "till respektive parts kommunstyrelse, som minst en gång per år ska få en rapport om "
          "dataskyddsarbetet."),
        H(2, "5.4 Kontaktpersoner och nätverk"),
        P("Varje part utser en kontaktperson för dataskydd och en kontaktperson för "
          "informationssäkerhet. Kontaktpersonerna och funktionens medarbetare träffas i ett "
          "gemensamt nätverk en gång i månaden, utom i juli."),
        H(1, "6 Ekonomi och kostnadsfördelning"),
        P("Funktionens kostnader för 2025 beräknas till 3 000 000 kronor, vilket omfattar "
          "personal, utbildning, licenser och värdkommunens overheadkostnader. Av kostnaderna "
          "fördelas 30 procent lika mellan parterna och 70 procent efter invånarantalet den "
          "1 november året före budgetåret."),
        P("Fördelningen för 2025 framgår av tabellen nedan."),
        T(["Kommun", "Invånare 1 november 2024", "Andel (procent)", "Kostnad 2025 (kronor)"], [
            ["Härnösands kommun", "24 700", "25,6", "768 000"],
            ["Kramfors kommun", "17 800", "20,1", "603 000"],
            ["Sollefteå kommun", "18 900", "21,0", "630 000"],
            ["Timrå kommun", "18 000", "20,2", "606 000"],
            ["Ånge kommun", "9 000", "13,1", "393 000"],
            ["Summa", "88 400", "100,0", "3 000 000"],
        ], [60, 40, 40, 40]),
        P("Värdkommunen fakturerar övriga parter kvartalsvis i förskott. Kostnaderna räknas upp "
          "årligen med prisindex för kommunal verksamhet (PKV). Förändringar av bemanningen som "
          "påverkar kostnaderna ska beslutas av styrgruppen och godkännas av samtliga parters "
          "kommunstyrelser."),
        H(1, "7 Sekretess och personuppgifter"),
        P("Personalen i funktionen omfattas av samma tystnadsplikt och sekretess som gäller hos "
          "respektive part. När funktionen behandlar personuppgifter för en annan parts räkning "
          "är Härnösands kommun personuppgiftsbiträde, och ett personuppgiftsbiträdesavtal ska "
          "tecknas innan behandlingen påbörjas."),
        H(1, "8 Avtalstid"),
        P("Avtalet träder i kraft den 1 mars 2025 och gäller till och med den 31 december 2028."),
        P("Om avtalet inte sägs upp senast tolv månader före avtalstidens utgång förlängs det med "
          "två år i taget."),
        H(1, "9 Uppsägning och utträde"),
        P("En part kan säga upp avtalet för egen del. Uppsägningen ska vara skriftlig och "
          "beslutas av partens kommunstyrelse. Om en part lämnar samverkan fortsätter avtalet "
          "att gälla för övriga parter, och kostnadsfördelningen räknas om från och med det år "
          "då utträdet sker."),
        P("Den part som lämnar samverkan ska betala sin andel av kostnaderna fram till "
          "avtalstidens utgång."),
        H(1, "10 Uppföljning"),
        P("Funktionen lämnar en årsrapport till styrgruppen senast den 31 mars året efter. "
          "Samverkan utvärderas gemensamt under 2027 som underlag för ställningstagande till "
          "förlängning."),
        H(1, "11 Tvister"),
        P("Tvister om tolkning eller tillämpning av avtalet ska i första hand lösas genom "
          "förhandling mellan parterna. Om parterna inte kan enas ska tvisten avgöras av "
          "Ångermanlands tingsrätt."),
        H(1, "12 Underskrifter"),
        P("Avtalet har upprättats i fem likalydande exemplar, av vilka parterna har tagit var "
          "sitt. Avtalet undertecknas av kommunstyrelsens ordförande för respektive part."),
    ]))

# ------------------------------------------------------------------ HTML
DOCS.append(dict(
    file="avsiktsforklaring_kustsamverkan_sydostra_skane.html",
    title="Avsiktsförklaring om samverkan kring kusterosion och klimatanpassning – "
          "Kustsamverkan Sydöstra Skåne",
    author="Ystads kommun",
    meta="Ystads kommun, Simrishamns kommun och Skurups kommun. Undertecknad i Ystad den "
         "3 mars 2025.",
    blocks=[
        H(1, "1 Parter"),
        P("Denna avsiktsförklaring har ingåtts mellan Ystads kommun, Simrishamns kommun och "
          "Skurups kommun, nedan kallade parterna. Samarbetet benämns Kustsamverkan Sydöstra "
          "Skåne."),
        P("Lunds universitet deltar i samarbetet som kunskapspartner. Länsstyrelsen i Skåne län "
          "bjuds in att delta i styrgruppens möten som adjungerad. Lunds universitet och "
          "länsstyrelsen är inte parter i avsiktsförklaringen."),
        H(1, "2 Bakgrund"),
        P("Den sydskånska kusten mellan Abbekås och Simrishamn består till stor del av sand och "
          "hör till de mest erosionskänsliga kuststräckorna i Sverige. På flera platser, bland "
          "annat i Ystad Sandskog, Löderup och Kåseberga, har strandlinjen under de senaste "
          "decennierna flyttats inåt med upp till en meter per år."),
        P("Stormen i oktober 2023 orsakade omfattande skador på strandpromenader, dyner och "
          "hamnanläggningar längs hela kuststräckan. Stigande havsnivåer gör att riskerna för "
          "översvämning och ras ökar, samtidigt som kusten har stor betydelse för boende, "
          "besöksnäring och naturvärden."),
        P("Erosionen följer inte kommungränserna. Åtgärder som vidtas på en plats, till exempel "
          "hårda erosionsskydd, kan påverka sandtransporten och öka erosionen längre bort längs "
          "kusten. Parterna konstaterar därför att kustfrågorna behöver hanteras gemensamt."),
        H(1, "3 Syfte"),
        P("Syftet med avsiktsförklaringen är att parterna ska samordna sitt arbete med "
          "kusterosion, översvämningsrisker och klimatanpassning och förbereda ett långsiktigt "
          "samarbete om gemensamma åtgärder längs kusten mellan Abbekås och Simrishamn."),
        H(1, "4 Parternas avsikter"),
        H(2, "4.1 Gemensam kustlinjeanalys"),
        P("Parterna avser att låta ta fram en gemensam analys av kustlinjens utveckling, "
          "sandtransporter och risker fram till år 2100. Ystads kommun leder arbetet. Analysen "
          "ska vara klar senast den 30 september 2026."),
        H(2, "4.2 Strategi för strandfodring"),
        P("Parterna avser att ta fram en gemensam strategi för strandfodring, det vill säga "
          "tillförsel av sand till stränder som eroderar, och att utreda möjligheterna till en "
          "gemensam upphandling av sand och entreprenader. Simrishamns kommun samordnar detta "
          "arbete."),
        H(2, "4.3 Mätningar och övervakning"),
        P("Parterna avser att genomföra gemensamma mätningar av stränder och dyner med drönare "
          "två gånger per år, på våren och efter höstens stormar. Skurups kommun ansvarar för "
          "att samla mätdata i en gemensam databas som samtliga parter har tillgång till."),
        H(2, "4.4 Extern finansiering"),
        P("Parterna avser att gemensamt söka statligt bidrag för förebyggande åtgärder mot "
          "naturolyckor samt medel från EU-program för klimatanpassning. En första gemensam "
          "ansökan ska lämnas in under 2026."),
        H(2, "4.5 Dialog med invånare och fastighetsägare"),
        P("Parterna avser att föra en samordnad dialog med invånare, fastighetsägare och "
          "verksamhetsutövare längs kusten, bland annat genom gemensamma informationsmöten minst "
          "en gång per år i varje kommun."),
        H(1, "5 Organisation"),
        P("Arbetet leds av en styrgrupp som består av samhällsbyggnadscheferna i de tre "
          "kommunerna. Ordförande i styrgruppen är samhällsbyggnadschefen i Ystads kommun. "
          "Styrgruppen sammanträder fyra gånger per år."),
        P("En gemensam kustkoordinator på halvtid anställs av Simrishamns kommun och arbetar på "
          "uppdrag av samtliga parter. Kustkoordinatorn bereder ärenden till styrgruppen och "
          "samordnar arbetsgrupperna."),
        P("Kommunstyrelsernas ordförande bildar en politisk referensgrupp som sammanträder en "
          "gång per år, i samband med att styrgruppen redovisar arbetet under det gångna året."),
        H(1, "6 Ekonomi"),
        P("Avsiktsförklaringen innebär inga andra ekonomiska åtaganden än de som anges i detta "
          "avsnitt. Kostnaden för den gemensamma kustlinjeanalysen beräknas till 900 000 kronor "
          "och fördelas så att Ystads kommun och Simrishamns kommun betalar 40 procent var och "
          "Skurups kommun 20 procent."),
        P("Kustkoordinatorns tjänst finansieras med lika stora delar från varje part. Övriga "
          "insatser bekostas av respektive part inom ordinarie budget."),
        H(1, "7 Tidplan"),
        UL("April 2025: Styrgruppen konstitueras och fastställer en arbetsplan.",
           "Senast den 1 september 2025: Kustkoordinatorn är anställd.",
           "Våren 2025 och därefter varje vår och höst: Gemensamma drönarmätningar.",
           "Senast den 30 september 2026: Kustlinjeanalysen redovisad.",
           "Senast den 31 mars 2027: Strategin för strandfodring fastställd av styrgruppen.",
           "Senast den 30 juni 2027: Parterna tar ställning till ett samverkansavtal om "
           "gemensamma kustskyddsåtgärder."),
        H(1, "8 Giltighet"),
        P("Avsiktsförklaringen gäller från och med undertecknandet till och med den 31 december "
          "2027."),
        P("Avsiktsförklaringen är inte rättsligt bindande. En part som vill lämna samarbetet ska "
          "meddela övriga parter skriftligen med minst tre månaders varsel."),
        H(1, "9 Underskrifter"),
        P("Avsiktsförklaringen har undertecknats av kommunstyrelsernas ordförande i Ystad den "
          "3 mars 2025."),
        UL("För Ystads kommun: kommunstyrelsens ordförande",
           "För Simrishamns kommun: kommunstyrelsens ordförande",
           "För Skurups kommun: kommunstyrelsens ordförande"),
    ]))

# ------------------------------------------------------------------ Markdown
DOCS.append(dict(
    file="forbundsordning_kommunalforbundet_tolkcentralen_vastmanland.md",
    title="Förbundsordning för Kommunalförbundet Tolkcentralen Västmanland",
    author="Kommunalförbundet Tolkcentralen Västmanland",
    meta="Antagen av fullmäktige hos samtliga förbundsmedlemmar under hösten 2025. Gäller från "
         "och med den 1 januari 2026.",
    blocks=[
        H(1, "§ 1 Namn och säte"),
        P("Kommunalförbundets namn är Kommunalförbundet Tolkcentralen Västmanland, nedan kallat "
          "förbundet. Förbundet har sitt säte i Västerås."),
        H(1, "§ 2 Medlemmar"),
        P("Förbundets medlemmar är Region Västmanland, Västerås stad, Arboga kommun, Fagersta "
          "kommun, Hallstahammars kommun, Kungsörs kommun, Köpings kommun, Norbergs kommun, Sala "
          "kommun, Skinnskattebergs kommun och Surahammars kommun."),
        P("Skinnskattebergs kommun är medlem från och med den 1 januari 2026."),
        H(1, "§ 3 Ändamål"),
        P("Förbundet har till ändamål att för medlemmarnas räkning tillhandahålla tolktjänster "
          "på talade språk och teckenspråk samt översättning av skriftliga handlingar."),
        P("Förbundet ska särskilt:"),
        UL("förmedla tolkar till medlemmarnas verksamheter inom hälso- och sjukvård, "
           "socialtjänst, skola och övrig kommunal verksamhet,",
           "erbjuda distanstolkning via telefon och video,",
           "ansvara för rekrytering, introduktion och kompetensutveckling av tolkar,",
           "verka för att fler tolkar i länet blir auktoriserade av Kammarkollegiet."),
        H(1, "§ 4 Organisation"),
        P("Förbundet är ett kommunalförbund med direktion. Direktionen är förbundets beslutande "
          "församling och fullgör även de uppgifter som annars ankommer på en förbundsstyrelse."),
        H(1, "§ 5 Direktion"),
        P("Direktionen består av 13 ledamöter och lika många ersättare. Region Västmanland och "
          "Västerås stad väljer två ledamöter och två ersättare var. Övriga medlemmar väljer en "
          "ledamot och en ersättare var."),
        P("Ledamöter och ersättare väljs av fullmäktige hos respektive medlem för fyra år, "
          "räknat från och med den 1 januari året efter det år då allmänna val till fullmäktige "
          "har ägt rum i hela landet."),
        P("Direktionen sammanträder minst fyra gånger per år."),
        H(1, "§ 6 Ordförande och vice ordförande"),
        P("Direktionen väljer bland sina ledamöter en ordförande, en förste vice ordförande och "
          "en andre vice ordförande för samma tid som de har valts till ledamöter."),
        P("Ordföranden väljs bland de ledamöter som Region Västmanland har utsett. Förste vice "
          "ordföranden väljs bland de ledamöter som Västerås stad har utsett. Andre vice "
          "ordföranden väljs bland övriga medlemmars ledamöter."),
        H(1, "§ 7 Revision"),
        P("Förbundet ska ha tre revisorer och tre ersättare. Revisorerna och ersättarna väljs "
          "av fullmäktige i Västerås stad efter samråd med övriga medlemmar."),
        P("Revisionsberättelsen ska lämnas till fullmäktige hos samtliga medlemmar senast den "
          "15 april året efter räkenskapsåret. Fullmäktige hos varje medlem beslutar om "
          "ansvarsfrihet för direktionen."),
        H(1, "§ 8 Initiativrätt"),
        P("Ärenden i direktionen får väckas av ledamot i direktionen och av fullmäktige hos en "
          "förbundsmedlem."),
        H(1, "§ 9 Anslagstavla"),
        P("Förbundets anslagstavla finns på förbundets webbplats. Kungörelser och "
          "tillkännagivanden publiceras där."),
        H(1, "§ 10 Andel i tillgångar och skulder"),
        P("Medlemmarnas andel i förbundets tillgångar och skulder samt deras ansvar för "
          "förbundets åtaganden bestäms efter de andelstal som anges i tabellen nedan."),
        T(["Medlem", "Andelstal (procent)"], [
            ["Region Västmanland", "40,0"],
            ["Västerås stad", "30,0"],
            ["Köpings kommun", "5,5"],
            ["Sala kommun", "4,5"],
            ["Fagersta kommun", "3,5"],
            ["Hallstahammars kommun", "3,5"],
            ["Arboga kommun", "3,0"],
            ["Kungsörs kommun", "2,5"],
            ["Norbergs kommun", "2,5"],
            ["Skinnskattebergs kommun", "2,5"],
            ["Surahammars kommun", "2,5"],
            ["Summa", "100,0"],
        ], [120, 60]),
        H(1, "§ 11 Kostnadsfördelning och medlemsavgift"),
        P("Förbundets verksamhet finansieras i första hand genom ersättning för utförda uppdrag "
          "enligt en prislista som direktionen fastställer årligen."),
        P("Därutöver betalar varje kommun en årlig medlemsavgift som täcker förbundets "
          "gemensamma kostnader för ledning, administration och bokningssystem. "
          "Medlemsavgiften är 9 kronor per invånare och år, beräknat på invånarantalet den "
          "1 november året före budgetåret. Region Västmanland betalar en medlemsavgift som "
          "motsvarar summan av kommunernas medlemsavgifter."),
        P("Underskott som inte täcks av uppdragsersättningar och medlemsavgifter fördelas mellan "
          "medlemmarna efter andelstalen i § 10."),
        H(1, "§ 12 Budget"),
        P("Direktionen ska fastställa budget för nästkommande år senast den 30 november. Förslag "
          "till budget ska sändas till medlemmarna för samråd senast den 30 april. Budgeten ska "
          "innehålla en plan för ekonomin för en period av tre år."),
        H(1, "§ 13 Lån och borgen"),
        P("Förbundet får inte utan medgivande av fullmäktige hos samtliga medlemmar ta upp lån, "
          "ingå borgen eller andra ansvarsförbindelser som sammanlagt överstiger 5 miljoner "
          "kronor."),
        H(1, "§ 14 Insyn och rapportering"),
        P("Direktionen ska hålla medlemmarna informerade om verksamheten och ekonomin. En "
          "delårsrapport per den 31 augusti ska lämnas till medlemmarna senast den 15 oktober."),
        H(1, "§ 15 Arvoden"),
        P("Arvoden och ersättningar till förtroendevalda i förbundet betalas av förbundet enligt "
          "de regler som gäller för förtroendevalda i Västerås stad."),
        H(1, "§ 16 Utträde"),
        P("En medlem har rätt att utträda ur förbundet. Uppsägningstiden är tre år räknat från "
          "årsskiftet efter det att uppsägningen kommit in till förbundet."),
        P("Vid utträde ska förbundet och den utträdande medlemmen komma överens om hur "
          "medlemmens andel av tillgångar och skulder ska regleras. Om parterna inte kan enas "
          "ska frågan avgöras enligt § 19."),
        H(1, "§ 17 Likvidation och upplösning"),
        P("Om medlemmarna beslutar att förbundet ska upplösas ska direktionen genomföra "
          "likvidationen. Förbundets tillgångar och skulder fördelas då mellan medlemmarna "
          "efter andelstalen i § 10."),
        H(1, "§ 18 Arkiv"),
        P("Direktionen är arkivmyndighet för förbundet."),
        H(1, "§ 19 Tvister"),
        P("Tvist mellan förbundet och en eller flera medlemmar ska i första hand lösas genom "
          "förhandling. Om parterna inte kan enas ska tvisten avgöras av allmän domstol."),
        H(1, "§ 20 Ändringar i förbundsordningen"),
        P("Ändringar i förbundsordningen ska antas av fullmäktige hos samtliga medlemmar."),
        H(1, "§ 21 Ikraftträdande"),
        P("Denna förbundsordning träder i kraft den 1 januari 2026 och ersätter den "
          "förbundsordning som har gällt sedan förbundet bildades den 1 januari 2019."),
    ]))

# ------------------------------------------------------------------ TXT
DOCS.append(dict(
    file="protokollsutdrag_dals-ed_anslutning_tillstandsenheten_dalsland.txt",
    title="Protokollsutdrag – Kommunstyrelsen i Dals-Eds kommun, § 58: Anslutning till "
          "Tillståndsenheten Dalsland",
    author="Dals-Eds kommun",
    meta="Sammanträdesdatum: 2025-04-09. Dnr KS 2025/112.",
    blocks=[
        H(1, "Närvarande"),
        P("Beslutande: Karin Bergvall (C), ordförande, Eva Holm (S), förste vice ordförande, "
          "Lars-Erik Nyman (SD), Anders Sjögren (M), Maria Pettersson (S), Håkan Olsson (KD) "
          "och Sofia Lund (C)."),
        P("Övriga: Johan Ekström, nämndsekreterare, och Helena Dahl, kommunchef."),
        H(1, "Ärende"),
        P("Anslutning till gemensam handläggning av tillstånd och tillsyn enligt alkohollagen, "
          "lagen om tobak och liknande produkter och lagen om handel med vissa receptfria "
          "läkemedel – Tillståndsenheten Dalsland."),
        H(1, "Sammanfattning"),
        P("Åmåls kommun är sedan den 1 januari 2021 värdkommun för Tillståndsenheten Dalsland, "
          "som handlägger tillståndsärenden och utövar tillsyn åt Åmåls, Bengtsfors och "
          "Melleruds kommuner. Dals-Eds kommun har bjudits in att ansluta sig till samverkan "
          "från och med den 1 januari 2026."),
        P("Kommunledningskontoret föreslår att kommunen ansluter sig och att kommunfullmäktige "
          "godkänner det reviderade samverkansavtalet."),
        H(1, "Bakgrund"),
        P("I dag handläggs tillståndsärenden och tillsyn i Dals-Eds kommun av en handläggare på "
          "40 procent av heltid inom kommunledningskontoret. Handläggaren går i pension i "
          "december 2025. Verksamheten är sårbar vid frånvaro och det har varit svårt att "
          "upprätthålla kompetensen i ett område där kommunen hanterar ett tjugotal ärenden "
          "per år."),
        P("Tillståndsenheten Dalsland har tre handläggare och hanterar omkring 350 ärenden per "
          "år. Enheten utreder ansökningar om serveringstillstånd, genomför kunskapsprov, utövar "
          "tillsyn över serveringsställen och försäljningsställen för tobak, folköl och "
          "receptfria läkemedel samt tar fram förslag till beslut."),
        P("Beslut i enskilda ärenden som rör Dals-Eds kommun fattas även efter anslutningen av "
          "kommunstyrelsen i Dals-Eds kommun, eller av handläggare vid Tillståndsenheten "
          "Dalsland enligt delegation."),
        P("Samverkan regleras i ett samverkansavtal enligt 9 kap. 37 § kommunallagen. Avtalet "
          "gäller till och med den 31 december 2027 och förlängs därefter med ett år i taget om "
          "ingen part säger upp det senast sex månader före avtalstidens utgång."),
        H(1, "Alternativ som har övervägts"),
        P("Kommunledningskontoret har även övervägt att rekrytera en ny handläggare på deltid. "
          "Bedömningen är att det blir svårt att rekrytera en person med rätt kompetens till en "
          "tjänst av den omfattningen och att kommunen även fortsättningsvis skulle vara sårbar "
          "vid sjukdom, semester och jäv. Att köpa handläggningen av ett privat konsultföretag "
          "har bedömts som olämpligt eftersom uppdraget innefattar myndighetsutövning."),
        H(1, "Ekonomiska konsekvenser"),
        P("Dals-Eds kommun betalar en årlig ersättning till Åmåls kommun som består av en fast "
          "del på 35 000 kronor och en rörlig del som beräknas efter kommunens andel av de "
          "handlagda ärendena. Den totala årskostnaden för Dals-Eds kommun beräknas till cirka "
          "120 000 kronor."),
        P("Ansöknings- och tillsynsavgifter från verksamheter i Dals-Eds kommun tas ut enligt en "
          "gemensam taxa och tillfaller Åmåls kommun, som räknar av avgiftsintäkterna mot den "
          "rörliga delen av ersättningen. Med den gemensamma taxan höjs avgiften för ett "
          "stadigvarande serveringstillstånd till allmänheten från 8 500 kronor till "
          "10 000 kronor."),
        P("Kostnaden för handläggningen i egen regi, inklusive personal, utbildning och "
          "ärendehanteringssystem, uppgår i dag till cirka 210 000 kronor per år. Anslutningen "
          "beräknas därmed minska kommunens kostnader med omkring 90 000 kronor per år."),
        H(1, "Beslutsunderlag"),
        UL("Tjänsteskrivelse från kommunledningskontoret, 2025-03-18",
           "Förslag till reviderat samverkansavtal för Tillståndsenheten Dalsland",
           "Gemensam taxa för tillstånd och tillsyn 2026",
           "Kommunstyrelsens arbetsutskott 2025-03-26, § 41"),
        H(1, "Arbetsutskottets förslag till beslut"),
        P("Kommunstyrelsen föreslår kommunfullmäktige besluta"),
        UL("att Dals-Eds kommun ansluter sig till Tillståndsenheten Dalsland från och med den "
           "1 januari 2026,",
           "att godkänna förslaget till reviderat samverkansavtal,",
           "att anta den gemensamma taxan för tillstånd och tillsyn att gälla från och med den "
           "1 januari 2026,",
           "att uppdra åt kommunstyrelsen att revidera delegationsordningen så att handläggare "
           "vid Tillståndsenheten Dalsland får fatta beslut i de ärenden som anges i avtalet."),
        H(1, "Yrkanden"),
        P("Ordföranden Karin Bergvall (C) yrkar bifall till arbetsutskottets förslag."),
        P("Lars-Erik Nyman (SD) yrkar att ärendet återremitteras för att utreda fortsatt "
          "handläggning i egen regi."),
        H(1, "Propositionsordning"),
        P("Ordföranden ställer först proposition på om ärendet ska avgöras i dag eller "
          "återremitteras och finner att kommunstyrelsen beslutar att avgöra ärendet i dag. "
          "Därefter ställer ordföranden proposition på arbetsutskottets förslag och finner att "
          "kommunstyrelsen bifaller detta."),
        H(1, "Kommunstyrelsens beslut"),
        P("Kommunstyrelsen föreslår kommunfullmäktige besluta enligt arbetsutskottets förslag. "
          "Ärendet behandlas av kommunfullmäktige den 21 maj 2025."),
        H(1, "Reservation"),
        P("Lars-Erik Nyman (SD) reserverar sig mot beslutet till förmån för eget yrkande."),
        H(1, "Expedieras till"),
        UL("Kommunfullmäktige", "Åmåls kommun", "Bengtsfors kommun", "Melleruds kommun",
           "Kommunledningskontoret"),
        H(1, "Justering"),
        P("Protokollet justerades den 14 april 2025 av ordföranden Karin Bergvall och av Eva "
          "Holm (S). Sekreterare var Johan Ekström."),
        P("Utdraget bestyrks av Johan Ekström, nämndsekreterare."),
    ]))


# --------------------------------------------------------------------------
def unit_texts(doc):
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


def build():
    os.makedirs(OUT, exist_ok=True)
    for doc in DOCS:
        path = os.path.join(OUT, doc["file"])
        RENDERERS[os.path.splitext(doc["file"])[1]](doc, path)
        words = len(" ".join(unit_texts(doc)).split())
        print("wrote", os.path.relpath(path, HERE), f"({words} words)")


# --------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------
def strip_tags(s):
    return re.sub(r"<[^>]+>", " ", s)


def seed_dirs():
    env = os.environ.get("SEEDS_DIRS")
    if env:
        return env.split(",")
    for base in [os.path.join(QDIR, "..", "..", "..", "shared"), "/work/shared"]:
        if os.path.isdir(os.path.join(base, "seeds")):
            return [os.path.join(base, "seeds"), os.path.join(base, "corpus-extra")]
    return []


def check_file(qfile, prefix, texts, cells_by_doc, units_by_doc):
    errors, ids = [], set()
    n = ans = en = 0
    per_doc = {}
    for ln, line in enumerate(open(os.path.join(QDIR, qfile), encoding="utf-8"), 1):
        tag = f"{qfile}:{ln}"
        try:
            q = json.loads(line)
        except ValueError as e:
            errors.append(f"{tag}: {e}")
            continue
        tag += f" {q.get('id')}"
        n += 1
        if list(q.keys()) != KEYS:
            errors.append(f"{tag}: keys {list(q.keys())}")
            continue
        if not q["id"].startswith(prefix) or q["id"] in ids:
            errors.append(f"{tag}: bad or duplicate id")
        ids.add(q["id"])
        if q["lang"] not in ("sv", "en"):
            errors.append(f"{tag}: lang")
        en += q["lang"] == "en"
        if q["kind"] not in KINDS:
            errors.append(f"{tag}: kind {q['kind']}")
        if not isinstance(q["answerable"], bool):
            errors.append(f"{tag}: answerable not bool")
        if not q["answerable"]:
            if q["doc"] is not None or q["answer_keywords"] != [] or q["evidence"] != "":
                errors.append(f"{tag}: unanswerable must have doc null, [] and ''")
            continue
        ans += 1
        if q["doc"] not in texts:
            errors.append(f"{tag}: unknown doc {q['doc']}")
            continue
        per_doc[q["doc"]] = per_doc.get(q["doc"], 0) + 1
        ev = q["evidence"]
        nw = len(ev.split())
        if not 5 <= nw <= 25:
            errors.append(f"{tag}: evidence has {nw} words")
        nev = norm(ev)
        full = texts[q["doc"]]
        if nev not in full and not any(nev in c for c in cells_by_doc[q["doc"]]):
            errors.append(f"{tag}: evidence missing in extracted text: {ev!r}")
        units = units_by_doc.get(q["doc"])
        if units is not None and not any(nev in norm(u) for u in units):
            errors.append(f"{tag}: evidence not inside one paragraph/item/cell")
        if not 1 <= len(q["answer_keywords"]) <= 3:
            errors.append(f"{tag}: {len(q['answer_keywords'])} keywords")
        for k in q["answer_keywords"]:
            if norm(k) not in full:
                errors.append(f"{tag}: keyword {k!r} not in document")
    print(f"{qfile}: {n} questions, {ans} answerable, {n - ans} unanswerable, {en} English "
          f"({100 * en / max(n, 1):.0f} % English, {100 * (n - ans) / max(n, 1):.0f} % "
          f"unanswerable); per doc {per_doc}")
    return errors


def validate():
    errors = []
    # docs_tune2.jsonl against the generated documents
    texts, cells, units = {}, {}, {}
    for d in DOCS:
        full, cs = extract_text(os.path.join(OUT, d["file"]))
        texts[d["file"]] = norm(full)
        cells[d["file"]] = [norm(c) for c in cs]
        units[d["file"]] = unit_texts(d)
    errors += check_file("docs_tune2.jsonl", "dt2-", texts, cells, units)
    # tune_b.jsonl against the real documents
    texts, cells = {}, {}
    for folder in seed_dirs():
        for path in sorted(glob.glob(os.path.join(folder, "*.txt"))):
            raw = open(path, encoding="utf-8").read()
            texts[os.path.basename(path)] = norm(html.unescape(strip_tags(raw)))
            cells[os.path.basename(path)] = []
    if not texts:
        print("seed documents not found; set SEEDS_DIRS")
        return False
    errors += check_file("tune_b.jsonl", "tb-", texts, cells, {})
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return not errors


if __name__ == "__main__":
    if "--validate" in sys.argv:
        sys.exit(0 if validate() else 1)
    build()
