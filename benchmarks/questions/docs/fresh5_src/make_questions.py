#!/usr/bin/env python3
"""Write fresh5.jsonl (100 questions) and check every answerable one against its document.

Checks: each keyword occurs verbatim (case-insensitive) in the document text (for the DOCX/HTML
documents: their plain-text source); the evidence occurs verbatim in the document text
(whitespace folded) and, normalised as the grader does, in the normalised document; the
evidence contains every keyword, except for table-cell evidence (marked cell=True), where the
keyword must instead occur in the same table row (same source line).
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = "/work/shared/seeds"
EXTRA = "/work/shared/corpus-extra"
A = "samverkansavtal-overformyndarenhet-arvika-eda-saffle-arjang-2025"
B = "handlingsplan-vattensamverkan-norra-kalmar-lan-2025-2027"
S0, S1, S2, S3, S4 = ("000_ceefd500d44674d3.txt", "001_017debbc254d413a.txt",
                      "002_7a300c3d64a25998.txt", "003_6476fb309f3d33aa.txt",
                      "004_857638cabacb5e8d.txt")
SRC = os.path.join(HERE, "src") if os.path.isdir(os.path.join(HERE, "src")) else HERE
X = {n: f for n, f in ((f[:2], f) for f in os.listdir(EXTRA) if f[:2].isdigit())}

def path_of(doc):
    if doc == A + ".docx":
        return os.path.join(SRC, A + ".txt")
    if doc == B + ".html":
        return os.path.join(SRC, B + ".txt")
    if os.path.exists(os.path.join(SEEDS, doc)):
        return os.path.join(SEEDS, doc)
    return os.path.join(EXTRA, doc)

Q = []
def q(id, lang, kind, doc, question, kw=None, ev="", cell=False):
    Q.append(dict(id="f5-" + id, lang=lang, question=question, answerable=kw is not None,
                  doc=doc, answer_keywords=kw or [], evidence=ev, kind=kind, _cell=cell))

DA, DB = A + ".docx", B + ".html"
# ---------------- Document A: samverkansavtal, gemensam överförmyndarenhet (DOCX) -----------
q("ofa-host", "sv", "who", DA, "Vilken kommun är värdkommun för den gemensamma överförmyndarenheten i västra Värmland?",
  ["Arvika"], "Arvika kommun är värdkommun för den gemensamma överförmyndarenheten och är arbetsgivare för enhetens personal.")
q("ofa-parties", "en", "list", DA, "Which municipalities are parties to the agreement on a joint guardianship (överförmyndare) unit in western Värmland?",
  ["Eda", "Säffle", "Årjäng"], "Detta avtal har träffats mellan Arvika kommun, Eda kommun, Säffle kommun och Årjängs kommun, nedan gemensamt kallade parterna.")
q("ofa-end", "en", "when", DA, "Until when does the guardianship cooperation agreement between Arvika, Eda, Säffle and Årjäng run?",
  ["31", "2028"], "Avtalet gäller från och med den 1 februari 2025 till och med den 31 december 2028.")
q("ofa-extend", "sv", "what", DA, "Vad händer med överförmyndaravtalet i västra Värmland när avtalsperioden är slut, om ingen kommun har sagt upp det?",
  ["två år"], "Om avtalet inte sägs upp förlängs det därefter med två år i taget.")
q("ofa-meet", "sv", "frequency", DA, "Hur ofta ses styrgruppen för den gemensamma överförmyndarverksamheten i Arvika, Eda, Säffle och Årjäng?",
  ["fyra gånger per år"], "Styrgruppen sammanträder fyra gånger per år och därutöver när någon part begär det.")
q("ofa-chair", "en", "who", DA, "Which municipality's representative chairs the steering group of the joint guardianship unit in western Värmland?",
  ["Säffle"], "Ordförande i styrgruppen är Säffle kommuns representant, och vice ordförande är Eda kommuns representant.")
q("ofa-members", "sv", "amount", DA, "Hur många ledamöter sitter i styrgruppen för överförmyndarsamverkan mellan Arvika, Eda, Säffle och Årjäng?",
  ["fem"], "Styrgruppen består av fem ledamöter: en representant för kommunledningen i var och en av de fyra kommunerna samt enhetschefen.")
q("ofa-budget", "en", "amount", DA, "What is the 2025 budget of the joint guardianship unit shared by Arvika, Eda, Säffle and Årjäng?",
  ["6 200 000"], "Enhetens budget för 2025 uppgår till 6 200 000 kronor, och fördelningen för 2025 framgår av tabellen nedan.")
q("ofa-arjang", "en", "amount", DA, "How much does Årjäng pay for the joint guardianship unit in 2025?",
  ["992 000"], "992 000", cell=True)
q("ofa-split", "sv", "what", DA, "Hur fördelas kostnaderna för den gemensamma överförmyndarenheten mellan kommunerna?",
  ["aktiva ärenden"], "Kostnaderna för enheten fördelas mellan parterna efter antalet aktiva ärenden den 1 oktober året före budgetåret.")
q("ofa-fees", "sv", "yesno", DA, "Ingår arvodena till gode män och förvaltare i den gemensamma överförmyndarenhetens budget?",
  ["inte"], "Arvoden och ersättningar till gode män och förvaltare som ska betalas av kommunen ingår inte i enhetens budget utan belastar respektive kommun.")
q("ofa-notice", "sv", "amount", DA, "Hur lång uppsägningstid gäller för avtalet om gemensam överförmyndarenhet i västra Värmland?",
  ["tolv månader"], "Uppsägningstiden är tolv månader räknat från den dag uppsägningen kom värdkommunen tillhanda, dock kan avtalet tidigast upphöra den 31 december 2026.")
q("ofa-earliest", "en", "when", DA, "If a municipality gives notice, what is the earliest date the Värmland guardianship agreement can end?",
  ["31", "2026"], "Uppsägningstiden är tolv månader räknat från den dag uppsägningen kom värdkommunen tillhanda, dock kan avtalet tidigast upphöra den 31 december 2026.")
q("ofa-report", "sv", "when", DA, "När ska överförmyndarenheten lämna sin verksamhetsberättelse till kommunerna?",
  ["31 mars"], "Enheten lämnar en verksamhetsberättelse med nyckeltal till samtliga parter senast den 31 mars varje år.")
q("ofa-daily", "sv", "responsible", DA, "Vem sköter den dagliga driften av den gemensamma överförmyndarverksamheten för de fyra värmlandskommunerna?",
  ["enhetschef"], "Enheten leds av en enhetschef som är anställd av Arvika kommun och som ansvarar för verksamhetens dagliga drift.")
q("ofa-recept", "en", "list", DA, "Apart from the office in Arvika, where does the joint guardianship unit receive visitors?",
  ["Charlottenberg", "Säffle", "Årjäng"], "Enheten har sitt kontor i Arvika stadshus och erbjuder mottagning i Charlottenberg, Säffle och Årjäng varannan vecka.")
q("ofa-purpose", "sv", "what", DA, "Vad är syftet med att Arvika, Eda, Säffle och Årjäng inrättar en gemensam överförmyndarenhet?",
  ["rättssäker"], "Syftet med avtalet är att genom en gemensam enhet säkerställa en rättssäker, effektiv och likvärdig tillsyn över ställföreträdare i de fyra kommunerna.")
q("ofa-invoice", "sv", "frequency", DA, "Hur ofta fakturerar Arvika de andra kommunerna för överförmyndarenheten?",
  ["kvartalsvis"], "Värdkommunen fakturerar övriga parter kvartalsvis i förskott.")
# unanswerable
q("ofa-x-staff", "en", "amount", DA, "How many case officers work at the joint guardianship unit in Arvika?")
q("ofa-x-system", "sv", "what", DA, "Vilket verksamhetssystem ska den gemensamma överförmyndarenheten i västra Värmland använda?")
q("ofa-x-eda2026", "en", "amount", DA, "How much will Eda pay for the joint guardianship unit in 2026?")
q("ofa-x-fee", "sv", "amount", DA, "Hur stort arvode får en god man enligt överförmyndaravtalet mellan Arvika, Eda, Säffle och Årjäng?")
q("ofa-x-signed", "en", "when", DA, "On what date was the guardianship cooperation agreement between Arvika, Eda, Säffle and Årjäng signed?")
q("ofa-x-join", "sv", "yesno", DA, "Får fler kommuner ansluta sig till den gemensamma överförmyndarenheten under avtalstiden?")
q("ofa-x-time", "en", "amount", DA, "What is the maximum processing time for an application for a god man under the Värmland guardianship agreement?")

# ---------------- Document B: handlingsplan, Vattensamverkan norra Kalmar län (HTML) --------
q("vat-members", "en", "list", DB, "Which municipalities take part in the drinking water cooperation in northern Kalmar County?",
  ["Högsby", "Mönsterås", "Vimmerby"], "Vattensamverkan norra Kalmar län är ett samarbete mellan Hultsfreds kommun, Högsby kommun, Mönsterås kommun, Oskarshamns kommun och Vimmerby kommun om trygg dricksvattenförsörjning.")
q("vat-start", "sv", "when", DB, "När inleddes vattensamarbetet mellan kommunerna i norra Kalmar län?",
  ["2021"], "Samarbetet inleddes 2021 efter flera torra somrar då grundvattennivåerna i länet var mycket låga och flera orter fick införa bevattningsförbud.")
q("vat-works", "en", "amount", DB, "How many municipal waterworks do the five municipalities in the northern Kalmar water cooperation run in total?",
  ["31"], "De fem kommunerna har tillsammans omkring 76 000 invånare och driver sammanlagt 31 kommunala vattenverk.")
q("vat-adopted", "sv", "when", DB, "När antogs handlingsplanen för dricksvattensamverkan i norra Kalmar län?",
  ["10 december 2024"], "Handlingsplanen antogs av styrgruppen den 10 december 2024 och gäller för åren 2025–2027.")
q("vat-exercise-who", "en", "responsible", DB, "Which municipality leads the joint crisis exercise on drinking water shortage in northern Kalmar County?",
  ["Hultsfred"], "Genomföra en gemensam krisövning om dricksvattenbrist", cell=True)
q("vat-exercise-when", "sv", "when", DB, "När ska den gemensamma krisövningen om brist på dricksvatten vara genomförd?",
  ["oktober 2026"], "Genomföra en gemensam krisövning om dricksvattenbrist", cell=True)
q("vat-reserve-power", "sv", "responsible", DB, "Vem sköter inventeringen av reservkraft vid vattenverken i vattensamverkan i norra Kalmar län?",
  ["Högsby"], "Inventera reservkraft vid vattenverk och tryckstegringsstationer", cell=True)
q("vat-osk-june", "sv", "what", DB, "Vilken åtgärd i vattenhandlingsplanen leder Oskarshamn som ska vara klar i juni 2025?",
  ["mall för reservvattenplaner"], "Ta fram en gemensam mall för reservvattenplaner", cell=True)
q("vat-equipment-who", "en", "responsible", DB, "Which municipality is in charge of acquiring the shared emergency water equipment (tanks, water bags, taps)?",
  ["Mönsterås"], "Anskaffa gemensam nödvattenutrustning med tankar, vattenpåsar och tappkranar", cell=True)
q("vat-budget", "en", "amount", DB, "What is the total budget of the northern Kalmar County water action plan for 2025–2027?",
  ["3 600 000"], "Den gemensamma budgeten för handlingsplanen uppgår till 3 600 000 kronor för hela perioden 2025–2027.")
q("vat-2026", "sv", "amount", DB, "Hur mycket pengar budgeteras för 2026 i handlingsplanen för vattensamverkan i norra Kalmar län?",
  ["1 550 000"], "För 2025 budgeteras 1 050 000 kronor, för 2026 1 550 000 kronor och för 2027 1 000 000 kronor.")
q("vat-equipment-sum", "en", "amount", DB, "How much of the water cooperation budget is reserved for emergency water equipment?",
  ["1 200 000"], "Av den totala budgeten avsätts 1 200 000 kronor till gemensam nödvattenutrustning enligt åtgärd 3.")
q("vat-minimum", "en", "amount", DB, "What is the smallest annual amount each municipality pays into the northern Kalmar water cooperation?",
  ["80 000"], "Kostnaderna fördelas mellan kommunerna efter antal invånare den 1 november föregående år, dock betalar varje kommun minst 80 000 kronor per år.")
q("vat-chair", "sv", "who", DB, "Vilken kommun är ordförande i styrgruppen för vattensamverkan i norra Kalmar län under 2025?",
  ["Vimmerby"], "Ordförandeskapet i styrgruppen roterar årsvis mellan kommunerna, och under 2025 är Vimmerby kommun ordförande.")
q("vat-meet", "sv", "frequency", DB, "Hur ofta träffas styrgruppen för dricksvattensamarbetet mellan Hultsfred, Högsby, Mönsterås, Oskarshamn och Vimmerby?",
  ["varannan månad"], "Styrgruppen träffas varannan månad.")
q("vat-coord", "en", "who", DB, "Which municipality employs the coordinator of the northern Kalmar water cooperation?",
  ["Oskarshamn"], "Oskarshamns kommun anställer en samordnare på halvtid som finansieras gemensamt inom budgeten och som håller ihop arbetet med åtgärderna.")
q("vat-final", "en", "when", DB, "By when must the final report on the northern Kalmar water action plan be submitted?",
  ["31", "2028"], "En slutrapport med bedömning av måluppfyllelsen ska lämnas till kommunstyrelserna senast den 31 mars 2028.")
q("vat-emergency-goal", "sv", "amount", DB, "Hur många invånare ska kommunerna i norra Kalmar län kunna förse med nödvatten, och inom hur lång tid?",
  ["5 000", "tolv timmar"], "Mål 4: Kommunerna ska tillsammans kunna leverera nödvatten till minst 5 000 invånare inom tolv timmar efter ett beslut om nödvattenförsörjning.")
q("vat-lst", "sv", "yesno", DB, "Är länsstyrelsen part i vattensamverkan i norra Kalmar län?",
  ["inte"], "Vid behov kan styrgruppen bjuda in länsstyrelsen, regionen och angränsande kommuner till enskilda möten, men de deltar inte i samverkan som parter.")
# unanswerable
q("vat-x-coordcost", "en", "amount", DB, "How much of the joint budget goes to the half-time coordinator of the northern Kalmar water cooperation?")
q("vat-x-lab", "sv", "who", DB, "Vilket laboratorium ska analysera dricksvattenproverna inom vattensamverkan i norra Kalmar län?")
q("vat-x-chair2026", "en", "who", DB, "Which municipality chairs the northern Kalmar County water cooperation steering group in 2026?")
q("vat-x-share", "sv", "amount", DB, "Hur stor andel av kostnaderna i vattensamverkan i norra Kalmar län betalar Oskarshamn?")
q("vat-x-grant", "sv", "amount", DB, "Hur mycket statligt bidrag har vattensamverkan i norra Kalmar län fått för krisövningen?")
q("vat-x-pipe", "en", "amount", DB, "How long would the transfer pipeline between Mönsterås and Oskarshamn be?")

# ---------------- Seed documents -------------------------------------------------------------
q("brh-project", "en", "list", S0, "Which municipalities took part in the joint project started in 2017 that led to the Business Region Halmstad cooperation?",
  ["Falkenberg", "Ljungby", "Hylte"], "Med dessa insikter påbörjades 2017 ett gemensamt projekt mellan kommunerna Halmstad, Falkenberg, Laholm, Ljungby, Hylte och Båstad, samt Högskolan i Halmstad")
q("brh-meet", "sv", "frequency", S0, "Hur ofta möts ledningsgruppen i samarbetet Business Region Halmstad?",
  ["två till tre"], "vid två till tre tillfällen per år, samt följs upp och uppdateras årligen")
q("brh-group", "sv", "who", S0, "Vilka ingår i ledningsgruppen för Business Region Halmstad?",
  ["kommundirektör", "rektor"], "Ledningsgruppen består av kommundirektör från respektive kommun, eller utsedd ersättare, samt rektor från Högskolan i Halmstad")
q("brh-ferry", "en", "what", S0, "Which new ferry route is singled out as a priority for tourism in the Business Region Halmstad declaration of intent?",
  ["Grenå"], "Ett särskilt prioriterat samverkansinitiativ för besöksnäringen i regionen är den nya färjelinjen mellan Halmstad och Grenå.")
q("brh-money", "sv", "yesno", S0, "Innebär avsiktsförklaringen om Business Region Halmstad några ekonomiska åtaganden för parterna?",
  ["inga ekonomiska"], "Denna avsiktsförklaring innebär inga ekonomiska åtaganden för någon part.")
q("hlm-2050", "en", "amount", S1, "How many inhabitants is Halmstad planning capacity for by 2050?",
  ["150 000"], "Med sikte på att vara en plats för 150 000 invånare år 2050 så behövs en hållbar tillväxt.")
q("hlm-update", "sv", "frequency", S1, "Hur ofta ska Halmstads plan för attraktivitet och hållbar tillväxt uppdateras?",
  ["varje mandatperiod"], "Planen ska uppdateras varje mandatperiod.")
q("hlm-startups", "sv", "list", S1, "Inom vilka branscher startas flest nya företag i Halmstad enligt planen för hållbar tillväxt?",
  ["logistik", "bygg", "besöksnäring"], "Nyföretagandet sker främst inom logistik, bygg och besöksnäring.")
q("mlr-chair", "en", "who", S2, "Which municipalities share the chairmanship of MalmöLundregionen?",
  ["Malmö", "Lund"], "Ordförandeskapet delas mellan Malmö och Lund via årsvis rotation.")
q("mlr-members", "sv", "list", S2, "Vilka kommuner samarbetar i MalmöLundregionen?",
  ["Burlöv", "Kävlinge", "Vellinge"], "MalmöLundregionen är ett strategiskt samarbete mellan kommunerna Burlöv, Eslöv, Höör, Kävlinge, Lomma, Lund, Malmö, Staffanstorps, Svedala, Trelleborg och Vellinge")
q("mlr-closed", "sv", "what", S2, "Vilken fokusfråga i MalmöLundregionen avslutades 2016 och varför?",
  ["migration"], "Fokusfrågan migration & integration avslutades 2016 efter att målbilden uppfyllts.")
q("mlr-housing", "en", "responsible", S2, "Which municipalities are responsible for the focus issue on stimulating housing construction in MalmöLundregionen?",
  ["Kävlinge", "Staffanstorp", "Vellinge"], "STIMULERA ÖKAT BOSTADS-BYGGANDE (Kävlinge, Malmö Staffanstorp, Vellinge)")
q("fh-fee", "en", "amount", S3, "How large is the membership fee in Familjen Helsingborg?",
  ["21"], "Verksamheten finansieras med en medlemsavgift på 21 kr/invånare och år.")
q("fh-waste", "sv", "responsible", S3, "Vilken kommun ansvarar för målet att minska hushållsavfallet till 320 kg per person och år inom Familjen Helsingborg?",
  ["Båstad"], "5.1 Förebyggande av avfall, den totala avfallsmängden* hushållsavfall ska minskas från 500 till 320 kg per person och år.", cell=True)
q("fh-1996", "en", "when", S3, "Since when has the Familjen Helsingborg cooperation existed in its current form?",
  ["1996"], "I dess nuvarande form, genom samarbetsavtal som sluts efter varje val för den kommande mandatperioden, har samarbetet pågått sedan 1996.")
q("fh-secretariat", "sv", "who", S3, "Vem tillhandahåller sekretariatet för Familjen Helsingborg?",
  ["Helsingborgs stad"], "Helsingborgs stad tillhandahåller till självkostnadspris ett sekretariat som stöd till styrelsen och för samordning av gemensamma projekt.")
q("fh-road108", "en", "responsible", S3, "Which municipality is responsible for the ÅVS study of road 108 Kävlinge–Örkelljunga in Familjen Helsingborg's plan?",
  ["Perstorp"], "1.9 Väg 108 Kävlinge-Örkelljunga genomförd ÅVS senast år 2019.", cell=True)
q("vbn-review", "en", "when", S4, "When will the Västerbotten agreement on cooperation for regional development be reviewed for relevance?",
  ["2024"], "Aktualiseringsprövning sker under 2024 samt under överenskommelsens sista år.")
q("vbn-details", "sv", "yesno", S4, "Är alla detaljer i den nya samverkansöverenskommelsen för regional utveckling i Västerbotten klara?",
  ["inte"], "På grund av pågående politiska dialoger om möjlig utformning av verksamhetsdelegationerna under primärkommunala beredningen är inte alla detaljer inom samverkansöverenskommelsen helt klara i dagsläget.")
# unanswerable
q("fh-x-budget", "en", "amount", S3, "What is Familjen Helsingborg's total annual budget in kronor?")
q("brh-x-chair", "sv", "who", S0, "Vem är ordförande i ledningsgruppen för Business Region Halmstad?")
q("mlr-x-budget", "en", "amount", S2, "What is MalmöLundregionen's annual budget?")
q("vbn-x-cost", "sv", "amount", S4, "Hur mycket ska varje kommun i Västerbotten betala för samverkansstrukturen för regional utveckling 2023–2026?")
q("fh-x-board", "en", "frequency", S3, "How often does the board of Familjen Helsingborg meet?")
q("mlr-x-2017", "en", "who", S2, "Which municipality held the chair of MalmöLundregionen in 2017?")

# ---------------- corpus-extra documents ------------------------------------------------------
q("mora-2008", "en", "when", X["01"], "Since when have Mora, Orsa and Älvdalen been exploring deeper cooperation with each other?",
  ["2008"], "Arbetet med att i ett brett perspektiv söka möjligheter till en fördjupad samverkan mellan Mora, Orsa och Älvdalens kommuner har pågått sedan 2008.")
q("mora-board", "sv", "responsible", X["01"], "Vilken nämnd leder den gemensamma IT-organisationen för Mora, Orsa och Älvdalen?",
  ["Servicenämnden"], "Kommunerna genomför nu en långtgående samverkan under ledning av den nyinrättade Servicenämnden i Mora kommun")
q("sthlm-so-date", "sv", "when", X["02"], "Från vilket datum ansvarar kommunerna för samhällsorientering för nyanlända enligt överenskommelsen i Stockholms län?",
  ["1 december 2010"], "Från den 1 december 2010 ansvarar kommunen för att ge samhällsorientering för nyanlända invandrare.")
q("nbk-14", "en", "amount", X["03"], "How many municipalities own Norrbottens Kommuner?",
  ["14"], "Norrbottens Kommuner är en fristående intresseorganisation som ägs av länets 14 kommuner.")
q("nbk-plan", "sv", "frequency", X["03"], "Hur ofta ska Norrbottens Kommuners inriktning omsättas i en verksamhetsplan och budget?",
  ["årligen"], "Inriktningen ska årligen omsättas till Verksamhetsplan och budget samt föreläggas styrelsen och förbundsfullmäktige för beslut.")
q("ssr-council", "sv", "when", X["04"], "Vilket datum presenterades huvuddragen i den gemensamma målbilden för Samverkan Stockholmsregionen för Regionala rådet?",
  ["14 november"], "Huvuddragen i målbildsdokumentet har föredragits vid Regionala rådet 14 november")
q("sll-actors", "en", "amount", X["05"], "Roughly how many actors in Stockholm County are covered by the intent declaration 'En trygg, säker och störningsfri region'?",
  ["40"], "En trygg, säker och störningsfri region - modell för regional samverkan är en avsiktsförklaring för samordning mellan cirka 40 aktörer i länet för att bättre arbeta med samhällsstörningar.")
q("sll-proposal", "sv", "what", X["05"], "Vad föreslog landstingsrådsberedningen att landstingsstyrelsen skulle göra med avsiktsförklaringen om en trygg, säker och störningsfri region?",
  ["till handlingarna"], "Landstingsrådsberedningen föreslår landstingsstyrelsen besluta att lägga avsiktsförklaringen till handlingarna.")
q("fyr-budget-when", "sv", "when", X["06"], "Senast när ska direktionen i Fyrbodals kommunalförbund fastställa budgeten för nästkommande år?",
  ["september"], "Direktionen ska före utgången av september månad fastställa en budget")
q("stono-300", "en", "amount", X["07"], "How many inhabitants does the Stockholm Nordost cooperation bring together?",
  ["300 000"], "Syftet med att samverka är att bilda en större intressesfär i form av 300 000")
q("stono-plan", "sv", "frequency", X["07"], "Hur ofta beslutar kommunerna i Stockholm Nordost om en gemensam handlingsplan?",
  ["varje år"], "Det finns en gemensam vision framtagen 2012 och varje år beslutas en gemensam handlingsplan med ett antal aktiviteter.")
q("v6-vinnova", "en", "amount", X["08"], "How much funding did Vinnova grant to the V6 municipalities' digitalisation project VDT-22?",
  ["1.9"], "Finansiellt stöttades projektet av Vinnova med ett totalt beviljat bidrag på 1.9 miljoner kronor.")
q("v6-members", "sv", "list", X["08"], "Vilka kommuner ingår i V6-samarbetet i västra Skaraborg?",
  ["Essunga", "Götene", "Grästorp"], "Projektet VDT-22 har syftat till att förbättra samverkan kring digitalisering inom V6-kommunerna (Skara, Lidköping, Vara, Essunga, Götene, Grästorp) och Göliska IT.")
q("flyg-share", "sv", "amount", X["09"], "Hur stor andel av flygambulansförbundets fasta kostnader ska Landstinget Dalarna betala enligt den preliminära budgeten?",
  ["2,69"], "% av förbundets fasta kostnader för preliminär budget (för Dalarna 2,69 %, 140 tkr)")
q("skb-companies", "en", "list", X["10"], "Which companies is Skaraborgs Kommunalförbund a part-owner of?",
  ["Gryning Vård", "Mediapoolen"], "Förbundet är delägare i två bolag, Gryning Vård AB och Mediapoolen Västra Götaland AB.")
q("heli-vgr", "sv", "who", X["11"], "Vilken region har ansökt om att bli medlem i kommunalförbundet Ambulanshelikopter Värmland-Dalarna?",
  ["götalandsregionen"], "Västragötalandsregionen har ansökt om att bli medlem i kommunalförbundet Ambulanshelikopter Värmland-Dalarna.")
q("orebro-start", "sv", "when", X["12"], "Från när gäller överenskommelsen om hemsjukvård i ordinärt boende för personer med psykisk störning i Örebro län?",
  ["1 november 2015"], "Socialnämnden antar överenskommelsen och den kommer att gälla från och med 1 november 2015.")
q("orebro-marit", "sv", "who", X["12"], "Vilken samverkansgrupp rekommenderade kommunerna och landstinget att anta överenskommelsen om hemsjukvård för personer med psykisk störning?",
  ["Maritgruppen"], "Samverkansgruppen för hälso- och sjukvård, socialtjänst, elevhälsa och skolvård – Maritgruppen 2, har vid sitt sammanträde den 12 december 2014 beslutat rekommendera kommunerna")
# unanswerable
q("mora-x-split", "sv", "amount", X["01"], "Hur fördelas kostnaderna för den gemensamma IT-organisationen mellan Mora, Orsa och Älvdalen?")
q("mora-x-notice", "en", "amount", X["01"], "What notice period applies to the IT cooperation agreement between Mora, Orsa and Älvdalen?")
q("sthlm-so-x-fee", "en", "amount", X["02"], "How much does each municipality pay to join the joint civic orientation office in Stockholm County?")
q("fyr-x-total", "sv", "amount", X["06"], "Hur stor är Fyrbodals kommunalförbunds totala budget för 2016?")
q("stono-x-chair", "en", "who", X["07"], "Which municipality chairs the Stockholm Nordost cooperation?")
q("orebro-x-comp", "en", "amount", X["12"], "How many patients are expected to be covered by the Örebro County agreement on home healthcare for people with mental disorders?")
q("flyg-x-seat", "en", "what", X["09"], "Where will the national air ambulance association (kommunalförbund för ambulansflyg) have its seat?")


def norm(s):
    s = re.sub(r"<[^>]*>", " ", s)
    return re.sub(r"\W+", " ", s.lower()).strip()

def fold(s):
    return re.sub(r"\s+", " ", s)

errors = []
for x in Q:
    text = open(path_of(x["doc"]), encoding="utf-8").read()
    if not x["answerable"]:
        if x["answer_keywords"] or x["evidence"]:
            errors.append((x["id"], "unanswerable with kw/evidence"))
        continue
    if not 1 <= len(x["answer_keywords"]) <= 3:
        errors.append((x["id"], "keyword count"))
    for k in x["answer_keywords"]:
        if k.lower() not in text.lower():
            errors.append((x["id"], "keyword not in doc: " + k))
    if fold(x["evidence"]) not in fold(text):
        errors.append((x["id"], "evidence not verbatim"))
    if norm(x["evidence"]) not in norm(text):
        errors.append((x["id"], "evidence not in normalised doc"))
    if len(x["evidence"]) > 220:
        errors.append((x["id"], "evidence too long %d" % len(x["evidence"])))
    if x["_cell"]:
        # keyword must be in the same table row as the evidence cell
        line = next((l for l in text.splitlines() if x["evidence"] in l), "")
        for k in x["answer_keywords"]:
            if k.lower() not in line.lower():
                errors.append((x["id"], "keyword not in evidence row: " + k))
    else:
        for k in x["answer_keywords"]:
            if k.lower() not in x["evidence"].lower():
                errors.append((x["id"], "keyword not in evidence: " + k))

ids = [x["id"] for x in Q]
assert len(ids) == len(set(ids)), "duplicate ids"
for e in errors:
    print("ERROR", *e)

out = os.path.join(HERE, "fresh5.jsonl")
with open(out, "w", encoding="utf-8") as fh:
    for x in Q:
        d = {k: x[k] for k in ("id", "lang", "question", "answerable", "doc", "answer_keywords", "evidence", "kind")}
        fh.write(json.dumps(d, ensure_ascii=False) + "\n")

from collections import Counter
n = len(Q)
print("total", n, "errors", len(errors))
print("lang", Counter(x["lang"] for x in Q))
print("answerable", Counter(x["answerable"] for x in Q))
print("kind", Counter(x["kind"] for x in Q))
print("kind answerable", Counter(x["kind"] for x in Q if x["answerable"]))
grp = lambda d: "A" if d == DA else "B" if d == DB else "seed" if d[:3].isdigit() and d[3] == "_" else "extra"
print("group", Counter(grp(x["doc"]) for x in Q))
print("group x answerable", Counter((grp(x["doc"]), x["answerable"]) for x in Q))
print("group x lang", Counter((grp(x["doc"]), x["lang"]) for x in Q))
print("lang x answerable", Counter((x["lang"], x["answerable"]) for x in Q))
print("docs", Counter(x["doc"] for x in Q))
print("cell evidence", [x["id"] for x in Q if x["_cell"]])
sys.exit(1 if errors else 0)
