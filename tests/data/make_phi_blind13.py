#!/usr/bin/env python3
"""Generate tests/data/phi_blind13.jsonl: 600 synthetic alert texts, family "blind13".

An independent evaluation corpus for the PHI scrubber, written blind (only the corpus
README and phi_score.py were consulted).  Standard library only, fully deterministic.

The texts are the less obvious things a mental-health practice-management SaaS sees in
its alert stream: background-job failures, DataFrame/numpy printouts, framework debug
pages, search-engine errors, stream record dumps, infrastructure tool output, SMS
gateway callbacks, fax server logs, e-prescribing XML, lab interfaces, X12 EDI,
OCR/PDF extractions, patient-portal messages, multilingual messages, clinical notes,
audit/SQL/Mongo/Redis lines, chat-ops bots, calendar/contact/directory entries,
pasted spreadsheets, mobile crash reports, API logs (GraphQL, protobuf, JWT, SAML,
access logs) and configuration dumps.

Usage:
    python3 tests/data/make_phi_blind13.py            # (re)write the corpus
    python3 tests/data/make_phi_blind13.py --check    # regenerate in memory, compare
                                                      # byte-for-byte, re-verify records

Template mini-language (templates live further down in this file):
    «gen» «gen:arg» «gen:arg@slot» «gen|transform|transform»   generated value
    «p0.attr» «c1.attr:arg»            attribute of person p0..p3 (patients/relatives)
                                       or c0..c2 (clinicians), stable within a record
    «=kind:literal»                    literal keep token of the given keep kind
    «~gen»                             look-alike filler that is not a keep token
    ⟦KIND:...⟧                         label the rendered span as KIND (used for URLs)
    ⇥                                  a TAB character
PHI generators label their value under their kind; look-alike generators add their
value to the record's keep list unless prefixed with "~".
"""
import argparse
import calendar
import datetime
import html
import json
import os
import random
import re
import sys
import unicodedata
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import phi_score  # noqa: E402  (leak rules are imported, never re-implemented)

FAMILY = "blind13"
N_RECORDS = 600
CLEAN_EVERY = 5            # every fifth record holds no PHI, only look-alikes
MAX_ATTEMPTS = 400
OUT_PATH = os.path.join(HERE, "phi_blind13.jsonl")
REF_DATE = datetime.date(2024, 6, 30)   # "today" for ages

# ---------------------------------------------------------------------------
# Hand-made pools
# ---------------------------------------------------------------------------


def L(s):
    return [x.strip() for x in s.split("|") if x.strip()]


# culture -> (given names, surnames).  Deliberately includes names that are English
# words or technology terms, particles, hyphens, apostrophes, diacritics and
# romanisations.
CULTURES = {
    "anglo": (L("Hope|Grace|Faith|Will|Mark|Bill|Rose|Joy|Summer|Hunter|Chase|Destiny|"
                "Sterling|Autumn|Dawn|Hazel|Harmony|Pat|Cassidy|Brantley|Kaydence|Ruby|"
                "Ada|Julia"),
              L("Brown|Young|Rich|Price|Stone|Cross|Wise|Sharp|Strong|Bishop|Fairweather|"
                "Goodnight|Lovejoy|Haskell|Docker|Jenkins|Swift|Rust|Penhallow|"
                "Throckmorton|Merriweather")),
    "irish_scots": (L("Siobhán|Niamh|Caoimhe|Aoife|Pádraig|Ciarán|Eoghan|Saoirse|Ruairí|"
                      "Mairéad|Oisín"),
                    L("O'Sullivan|O'Connor-Hale|McAllister|MacGillivray|Mc Carthy|"
                      "Ní Bhriain|Ó Súilleabháin|Fitzgerald|McKenna|O'Hare|MacLeod|"
                      "Mac an tSaoir")),
    "hispanic": (L("José|María Guadalupe|Ximena|Joaquín|Itzel|Yesenia|Maricruz|Dulce|"
                   "Araceli|Nayeli|Xóchitl|Inés|Julia"),
                 L("Núñez|Ibáñez|de la Cruz|del Río|Peña|Villaseñor|Zúñiga|"
                   "Hernández-Ruiz|Quiñones|de León|Echeverría|Cervantes")),
    "haitian": (L("Wideline|Fabiola|Dieunel|Jean-Robert|Mirlande|Rosemène|Wilner|"
                  "Marie-Ange|Jocelyne|Fritznel|Guerline|Pascal"),
                L("Jean-Baptiste|Pierre-Louis|Saint-Fleur|Desrosiers|Toussaint|"
                  "Joseph-Charles|Dorvil|Métellus|Exantus|Innocent|Célestin|Bellegarde")),
    "somali": (L("Hodan|Abdirahman|Faduma|Ayaan|Sahra|Abdiweli|Hamdi|Najma|Mustafe|Ubah|"
                 "Guled|Ifrah"),
               L("Warsame|Hirsi|Abdi|Farah|Yusuf|Mohamud|Osman|Jama|Egal|Dualeh|Gedi|"
                 "Samatar")),
    "arabic": (L("Nour|Khalid|Abdulrahman|Yasmin|Layla|Tariq|Rania|Omar|Huda|Bilal|Amira|"
                 "Karim"),
               L("Al-Hashimi|El-Masri|Haddad|Qureshi|bin Saleh|Abu-Ghazaleh|Al Khatib|"
                 "Nassar|Darwish|Khoury|Saadeh|Abdel-Malek")),
    "polish_slavic": (L("Małgorzata|Wojciech|Agnieszka|Grzegorz|Zbigniew|Katarzyna|Jakub|"
                        "Ljubica|Dragan|Milica|Bogdan|Oksana"),
                      L("Przybylski|Szczepańska|Kowalczyk|Wiśniewski|Grzybowska|Vuković|"
                        "Petrović|Jovanović|Nowak|Kafka|Dvořák|Chmielewski")),
    "east_slavic": (L("Oleksandr|Yevheniya|Dmitri|Svetlana|Anastasiia|Bohdan|Yaroslava|"
                      "Vsevolod"),
                    L("Shevchenko|Kuznetsova|Bondarenko|Melnyk|Tkachuk|Zhukova|"
                      "Vasylenko|Lysenko")),
    "west_african": (L("Oluwaseun|Chukwuemeka|Adaeze|Kwame|Abena|Mamadou|Ngozi|Folasade|"
                       "Yaw|Aminata|Kofi|Ifeoma|Ada|Oluwadamilare"),
                     L("Okonkwo|Mensah|Asante|Diallo|Ndiaye|Nwosu|Adeyemi|Oyelaran|"
                       "Boateng|Traoré|Ogunleye|Eze|Ikwuemesi|Adebayo")),
    "east_asian": (L("Xiaoling|Haruto|Jae-won|Seo-yeon|Yuki|Mei-Ling|Jian|Hyun-woo|"
                     "Sakura|Zhiwei|Ha-eun|Aiko"),
                   L("Nakamura|Tanaka|Zhou|Ouyang|Park|Choi|Watanabe|Takahashi|Hwang|Lin|"
                     "Huang|Seo")),
    "vietnamese": (L("Thị Hoa|Phương|Minh Anh|Thanh|Quang|Huyền|Bảo|Ngọc|Tuấn"),
                   L("Nguyễn|Trần|Phạm|Huỳnh|Võ|Đặng|Bùi|Dương|Nguyen|Tran")),
    "south_asian": (L("Priyanka|Arjun|Lakshmi|Harpreet|Venkatesh|Ananya|Rohan|Gurpreet|"
                      "Meenakshi|Sandeep"),
                    L("Subramanian|Venkataraman|Kaur|Chatterjee|Raghunathan|Sandhu|Iyer|"
                      "Bhattacharya|Deshpande|Gill")),
    "filipino": (L("Maricel|Rowena|Jericho|Lourdes|Rodelio|Marites|Jonalyn|Arnel|Analyn|"
                   "Rizalino"),
                 L("Dela Cruz|Bautista|Magbanua|Macapagal|Villanueva|de los Santos|"
                   "Pangilinan|Dimaculangan|Soriano|Manalo")),
    "pacific": (L("Sione|Mele|Tevita|Leilani|Kalani|Keala|Losaline|Pita|Malia|Iokepa|"
                  "Kanoa|Tasi"),
                L("Faleolo|Tuilagi|Fifita|Kahananui|Aumua|Taufa|Kealoha|Camacho|"
                  "Langidrik|Tafuna|Kaʻahanui|Leiataua|Tupou|Mahoe")),
    "indigenous_american": (L("Nizhoni|Shandiin|Ahiga|Winona|Tahnee|Kanen|Hania|Tallulah|"
                              "Aiyana|Chayton"),
                            L("Tsosie|Begay|Yazzie|Sixkiller|Two Bulls|Runningwater|"
                              "Manygoats|Whitehorse|Kills Crow|Deschenie|Attakai|Tohee|"
                              "Kingbird|Goodblanket")),
    "dutch_german": (L("Anneke|Jürgen|Maarten|Liesbeth|Dirk|Greet|Willemijn|Sjoerd"),
                     L("van der Berg|de Vries|ter Haar|van der Merwe|Müller-Lüdenscheidt|"
                       "von Ahlefeldt|Vandenberghe|Schäfer|van 't Hof")),
    "greek": (L("Cassandra|Eleni|Stavros|Dimitrios|Paraskevi|Theodora"),
              L("Papadopoulos|Konstantinidis|Georgiou|Karagiannis")),
    "hebrew": (L("Avraham|Shoshana|Yael|Tzvi|Chana"),
               L("Ben-David|Shapiro|Katz|Rosenblum|Abergel")),
    "turkish": (L("Ayşe|Çağlar|Şule|Oğuz|Gülşen"),
                L("Şimşek|Öztürk|Yıldırım|Çelik|Aydın")),
    "hmong": (L("Pa Houa|Tou|Mai Nou|Xai|Yer|Neng|Chue"),
              L("Xiong|Vang|Yang|Thao|Lor|Her|Moua")),
    "persian": (L("Shirin|Dariush|Parisa|Kourosh|Nasrin"),
                L("Mohammadi|Tehrani|Farahani|Ghorbani|Esfandiari")),
    "french_canadian": (L("Élodie|Geneviève|Étienne|Mathieu|Josée|Django"),
                        L("Lefebvre-Tremblay|Gagnon|Bélanger|Côté|St-Pierre|D'Amours")),
    "horn_of_africa": (L("Tigist|Abebe|Selam|Yohannes|Meron|Dawit"),
                       L("Gebremedhin|Haile|Tesfaye|Woldemariam|Kebede|Alemu")),
}
CULTURE_KEYS = sorted(CULTURES)
FAMILY_FIRST = {"east_asian", "vietnamese"}

# Name parts that are also technology/service terms or particles: they may appear
# unlabelled in texts (as the service, as a path segment) and are exempt from the
# residual pool check (labelled values are still checked with phi_score's rules).
RESIDUAL_EXEMPT = set(L("ada|julia|pascal|cassandra|django|kafka|jenkins|swift|rust|docker|"
                        "haskell|ruby|bin|der|del|los|ter|von|ben|abu|mac|dela|van|two|won"))

STREETS = L("Quarry|Tamarack|Juniper Ridge|Old Mill|Kamehameha|Sandpiper|Mockingbird|"
            "Ironwood|Wapato|Chemawa|Pulaski|Kosciuszko|Lafayette|Delmar|Ocotillo|Saguaro|"
            "Bayou Vista|Levee|Cottonwood|Skyline|Orchard Hill|Foss|Alder|Division|"
            "Killingsworth|Fremont|Sunnyside|Lakeshore|Prairie Wind|Buffalo Grass|Elm|"
            "Maple|Hickory|Birch|Magnolia|Peachtree|Esperanza|Los Robles|Ventura|"
            "Cesar Chavez|Martin Luther King Jr|Frontage|Sockeye|Tanana|Nisqually|"
            "Sweetgrass|Turtle Creek|Ponderosa|Mesquite")
STREET_TYPES = L("St|Ave|Rd|Dr|Ln|Ct|Way|Blvd|Pl|Ter|Loop|Cir|Pkwy|Trl|Street|Avenue|"
                 "Road|Drive|Hwy")
HAWAIIAN_STREETS = L("Kaiwiula|Hoʻolaulea|Kalanianaʻole|Puʻuhale|Kuahelani|Nohona")
PR_URBS = L("Villa Carolina|Las Lomas|Santa Juanita|Country Club|Valle Arriba|Río Grande Estates")
DIRS = L("N|S|E|W|NE|NW|SE|SW")
UNITS = L("Apt 4B|Apt. 12|Unit 7|#305|Ste 210|Lot 17|Trlr 9|Bldg C Apt 114|Rm 3|Spc 41|"
          "Fl 2|Apt 2R|Unit B|#11|Apt 1203")

# (town, state).  Many are ordinary English words.
TOWNS = [
    ("Normal", "IL"), ("Hope", "AR"), ("Boring", "OR"), ("Why", "AZ"), ("Surprise", "AZ"),
    ("Accident", "MD"), ("Commerce", "TX"), ("Energy", "IL"), ("Liberty", "MO"),
    ("Independence", "MO"), ("Paradise", "CA"), ("Eureka", "CA"), ("Reading", "PA"),
    ("Mobile", "AL"), ("Buffalo", "NY"), ("Bath", "ME"), ("Friendly", "WV"), ("Joy", "IL"),
    ("Harmony", "PA"), ("Story", "WY"), ("Protection", "KS"), ("Peculiar", "MO"),
    ("Fairplay", "CO"), ("Cool", "CA"), ("Bland", "VA"), ("Plain", "WI"), ("Hazard", "KY"),
    ("Ordinary", "KY"), ("Chicken", "AK"), ("Climax", "MI"), ("Waterproof", "LA"),
    ("Comfort", "TX"), ("Truth or Consequences", "NM"), ("Española", "NM"),
    ("Cañon City", "CO"), ("Coeur d'Alene", "ID"), ("Kaunakakai", "HI"), ("Hilo", "HI"),
    ("Kapaʻa", "HI"), ("Tuba City", "AZ"), ("Chinle", "AZ"), ("Kotzebue", "AK"),
    ("Bethel", "AK"), ("Pago Pago", "AS"), ("Hagåtña", "GU"), ("Dededo", "GU"),
    ("Puyallup", "WA"), ("Sequim", "WA"), ("Tahlequah", "OK"), ("Pine Ridge", "SD"),
    ("Window Rock", "AZ"), ("Lac du Flambeau", "WI"), ("Hamtramck", "MI"),
    ("Lewiston", "ME"), ("Dearborn", "MI"), ("Paterson", "NJ"), ("Elizabeth", "NJ"),
    ("Marysville", "WA"), ("Sioux Falls", "SD"), ("Fargo", "ND"), ("Carolina", "PR"),
    ("Mayagüez", "PR"), ("Minneapolis", "MN"), ("St. Paul", "MN"), ("Ypsilanti", "MI"),
    ("Walla Walla", "WA"), ("Kennewick", "WA"),
]
STATES = sorted(set(s for _, s in TOWNS) | set(L("OR|WA|CA|NY|MA|FL|GA|TX|MN|OH")))

US_AREAS = [503, 971, 206, 253, 425, 509, 612, 651, 763, 907, 808, 505, 928, 605, 701,
            617, 857, 305, 786, 954, 313, 734, 973, 862, 207, 918, 671, 684, 414, 715,
            479, 309, 410, 903, 573, 719, 540, 606, 989, 318, 575, 208, 201, 360, 320]
INTL_PHONES = {
    "mx": "+52 55 #### ####", "ht": "+509 3### ####", "so": "+252 61 ### ####",
    "ph": "+63 917 ### ####", "pl": "+48 6## ### ###", "in": "+91 98### #####",
    "ng": "+234 803 ### ####", "uk": "+44 7911 ######", "ws": "+685 72 #####",
    "to": "+676 77# ####", "et": "+251 91 ### ####", "vn": "+84 90 ### ## ##",
    "ua": "+380 67 ### ####", "mh": "+692 455 ####", "kr": "+82 10-####-####",
}
PATIENT_DOMAINS = L("gmail.com|yahoo.com|outlook.com|hotmail.com|icloud.com|proton.me|aol.com|"
                    "comcast.net|live.com|ymail.com|fastmail.com|mail.kvcc.edu|"
                    "alumni.lakeview.edu|u.northsound.edu|staff.portnorthschools.org|"
                    "corp.riverline-logistics.com|students.tanana.edu|me.com")
PRACTICE_DOMAINS = L("cedarlanecounseling.com|riverbendpsych.org|saltmarshtherapy.co|"
                     "blueheronbh.com|northstarft.net|kokuawellness.org|mesa-minds.health")
EMAIL_TAGS = L("intake|therapy|portal|bills|appts|tw|health")

PAYERS = L("Aetna|Cigna|UnitedHealthcare|Optum Behavioral Health|Kaiser Permanente|"
           "Premera Blue Cross|Regence BlueShield|Moda Health|Medica|HealthPartners|"
           "Tricare West|Medicare Part B|Oregon Health Plan|Magellan Healthcare|"
           "Carelon Behavioral Health|Humana|Molina Healthcare|Ambetter|Highmark BCBS|"
           "Community Health Options")
ICDS = L("F33.1|F41.1|F43.10|F90.0|Z63.0|F31.81|F42.2|F50.01|F10.20|Z91.19|F32.A|F43.23|"
         "F60.3|F41.0|F84.0|Z62.820|F11.20|F25.0")
CPTS = L("90791|90832|90834|90837|90846|90847|90853|99214|96127|90785|90839|90840|"
         "H0031|G0444|96130|90792")
LOINCS = L("4548-4|2093-3|3016-3|751-8|14334-7|2345-7|4086-5|26499-4|44249-1|69737-5|"
           "2160-0|6690-2|1742-6")
SERVICES = L("appt-scheduler|claims-svc|intake-ocr|notify-worker|erx-bridge|lab-inbound|"
             "eligibility-poller|fax-gateway|portal-api|billing-sync|audit-stream|"
             "reminder-sms|hermes-notify|athena-reports|apollo-gateway")
RXBINS = L("610014|004336|003858|610502|015581|610097")

MONTHS = L("January|February|March|April|May|June|July|August|September|October|November|"
           "December")
MON = [m[:3] for m in MONTHS]
WEEKDAYS = L("Mon|Tue|Wed|Thu|Fri|Sat|Sun")
MONTHS_ES = L("enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|"
              "noviembre|diciembre")
MONTHS_HT = L("janvye|fevriye|mas|avril|me|jen|jiyè|out|septanm|oktòb|novanm|desanm")
MONTHS_SO = L("Janaayo|Febraayo|Maarso|Abriil|Maajo|Juun|Luulyo|Agoosto|Sebtembar|"
              "Oktoobar|Nofembar|Desembar")
MONTHS_TL = L("Enero|Pebrero|Marso|Abril|Mayo|Hunyo|Hulyo|Agosto|Setyembre|Oktubre|"
              "Nobyembre|Disyembre")
MONTHS_PL = L("stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|"
              "października|listopada|grudnia")
MONTHS_AR = L("Kanun al-Thani|Shubat|Adhar|Nisan|Ayyar|Haziran|Tammuz|Ab|Aylul|"
              "Tishrin al-Awwal|Tishrin al-Thani|Kanun al-Awwal")
MONTHS_HI = L("janvari|farvari|march|aprail|mai|joon|julai|agast|sitambar|aktoobar|"
              "navambar|disambar")

AGE_WORDS = {
    "word": L("ninety|ninety-one|ninety-two|ninety-three|ninety-four|ninety-five|"
              "ninety-six|ninety-seven|ninety-eight|ninety-nine|one hundred|"
              "one hundred and one|one hundred and two"),
    "es": L("noventa|noventa y uno|noventa y dos|noventa y tres|noventa y cuatro|"
            "noventa y cinco|noventa y seis|noventa y siete|noventa y ocho|noventa y nueve|"
            "cien|ciento uno|ciento dos"),
    "pl": L("dziewięćdziesiąt|dziewięćdziesiąt jeden|dziewięćdziesiąt dwa|"
            "dziewięćdziesiąt trzy|dziewięćdziesiąt cztery|dziewięćdziesiąt pięć|"
            "dziewięćdziesiąt sześć|dziewięćdziesiąt siedem|dziewięćdziesiąt osiem|"
            "dziewięćdziesiąt dziewięć|sto|sto jeden|sto dwa"),
    "tl": L("siyamnapu|siyamnapu't isa|siyamnapu't dalawa|siyamnapu't tatlo|"
            "siyamnapu't apat|siyamnapu't lima|siyamnapu't anim|siyamnapu't pito|"
            "siyamnapu't walo|siyamnapu't siyam|sandaan|sandaan at isa|sandaan at dalawa"),
    "so": L("sagaashan|sagaashan iyo kow|sagaashan iyo labo|sagaashan iyo saddex|"
            "sagaashan iyo afar|sagaashan iyo shan|sagaashan iyo lix|sagaashan iyo toddoba|"
            "sagaashan iyo siddeed|sagaashan iyo sagaal|boqol|boqol iyo kow|boqol iyo labo"),
    "ht": L("katreven-dis|katreven-onz|katreven-douz|katreven-trèz|katreven-katòz|"
            "katreven-kenz|katreven-sèz|katreven-disèt|katreven-dizwit|katreven-diznèf|"
            "san|san en|san de"),
    "hi": L("nabbe|ikyaanave|baanave|tiranave|chauraanave|pachaanave|chhiyaanave|"
            "sattaanave|atthaanave|ninyaanave|sau|ek sau ek|ek sau do"),
    "ar": L("tis'een|wahid wa tis'een|ithnan wa tis'een|thalatha wa tis'een|"
            "arba'a wa tis'een|khamsa wa tis'een|sitta wa tis'een|sab'a wa tis'een|"
            "thamaniya wa tis'een|tis'a wa tis'een|mi'a|mi'a wa wahid|mi'a wa ithnan"),
}

# ---------------------------------------------------------------------------
# Check digits
# ---------------------------------------------------------------------------


def luhn_digit(payload):
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def npi_ok(v):
    return len(v) == 10 and v.isdigit() and v[0] in "12" and luhn_ok("80840" + v)


def dea_ok(v):
    if not re.fullmatch(r"[ABFGMPRX][A-Z9]\d{7}", v):
        return False
    d = [int(c) for c in v[2:]]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
VIN_TRANS = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9,
                                                  2, 3, 4, 5, 6, 7, 8, 9]))
VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_check_char(vin17):
    total = 0
    for ch, w in zip(vin17, VIN_WEIGHTS):
        total += (int(ch) if ch.isdigit() else VIN_TRANS[ch]) * w
    r = total % 11
    return "X" if r == 10 else str(r)


def vin_ok(v):
    return (len(v) == 17 and all(c in VIN_CHARS for c in v)
            and v[8] == vin_check_char(v))


def ssn_ok(v):
    d = re.sub(r"\D", "", v)
    if len(d) != 9:
        return False
    a, g, s = d[:3], d[3:5], d[5:]
    return a != "000" and a != "666" and a[0] != "9" and g != "00" and s != "0000"


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

FOLD_EXTRA = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D",
              "ı": "i", "ʻ": "", "'": "", "’": ""}


def fold(s):
    s = "".join(FOLD_EXTRA.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def slugpart(s):
    return re.sub(r"[^a-z0-9]+", "", fold(s).lower())


def rand_digits(rng, n, first_nonzero=False):
    s = "".join(rng.choice("0123456789") for _ in range(n))
    if first_nonzero and s[0] == "0":
        s = rng.choice("123456789") + s[1:]
    return s


def rand_alnum(rng, n, alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"):
    return "".join(rng.choice(alphabet) for _ in range(n))


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "%d%s" % (n, suf)


def rand_date(rng, start, end):
    span = (end - start).days
    return start + datetime.timedelta(days=rng.randint(0, span))


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------


def fmt_date(ctx, d, arg):
    y, m, dd = d.year, d.month, d.day
    f = arg or ctx.rng.choice(["us", "iso", "long", "abbr", "us1", "dmon"])
    table = {
        "us": lambda: "%02d/%02d/%04d" % (m, dd, y),
        "us1": lambda: "%d/%d/%04d" % (m, dd, y),
        "us2": lambda: "%d/%d/%02d" % (m, dd, y % 100),
        "usdash": lambda: "%02d-%02d-%04d" % (m, dd, y),
        "iso": lambda: "%04d-%02d-%02d" % (y, m, dd),
        "hl7": lambda: "%04d%02d%02d" % (y, m, dd),
        "eu": lambda: "%02d.%02d.%04d" % (dd, m, y),
        "dmy": lambda: "%02d/%02d/%04d" % (dd, m, y),
        "ymd": lambda: "%04d/%02d/%02d" % (y, m, dd),
        "long": lambda: "%s %d, %d" % (MONTHS[m - 1], dd, y),
        "abbr": lambda: "%s %d, %d" % (MON[m - 1], dd, y),
        "dmon": lambda: "%02d %s %d" % (dd, MON[m - 1], y),
        "dash": lambda: "%02d-%s-%d" % (dd, MON[m - 1], y),
        "DMON": lambda: "%02d%s%d" % (dd, MON[m - 1].upper(), y),
        "pydate": lambda: "datetime.date(%d, %d, %d)" % (y, m, dd),
        "np": lambda: "numpy.datetime64('%04d-%02d-%02d')" % (y, m, dd),
        "md": lambda: "%d/%d" % (m, dd),
        "mdlong": lambda: "%s %s" % (MONTHS[m - 1], ordinal(dd)),
        "mdabbr": lambda: "%s %d" % (MON[m - 1], dd),
        "mmdd": lambda: "--%02d%02d" % (m, dd),
        "js": lambda: "%s %s %02d %d" % (WEEKDAYS[d.weekday()], MON[m - 1], dd, y),
        "ocr": lambda: "%02d / %02d / %04d" % (m, dd, y),
        "ordinal": lambda: "the %s of %s" % (ordinal(dd), MONTHS[m - 1]),
        "es": lambda: "%d de %s de %d" % (dd, MONTHS_ES[m - 1], y),
        "es_md": lambda: "%d de %s" % (dd, MONTHS_ES[m - 1]),
        "ht": lambda: "%d %s %d" % (dd, MONTHS_HT[m - 1], y),
        "ht_md": lambda: "%d %s" % (dd, MONTHS_HT[m - 1]),
        "so": lambda: "%d %s %d" % (dd, MONTHS_SO[m - 1], y),
        "tl": lambda: "%s %d, %d" % (MONTHS_TL[m - 1], dd, y),
        "pl": lambda: "%d %s %d" % (dd, MONTHS_PL[m - 1], y),
        "pl_md": lambda: "%d %s" % (dd, MONTHS_PL[m - 1]),
        "ar": lambda: "%d %s %d" % (dd, MONTHS_AR[m - 1], y),
        "ar_md": lambda: "%d %s" % (dd, MONTHS_AR[m - 1]),
        "hi": lambda: "%d %s %d" % (dd, MONTHS_HI[m - 1], y),
        "vi": lambda: "%d tháng %d năm %d" % (dd, m, y),
        "uk": lambda: "%02d.%02d.%04d" % (dd, m, y),
    }
    return table[f]()


def draw_event_date(ctx, arg, person):
    return rand_date(ctx.rng, datetime.date(2022, 1, 3), datetime.date(2025, 9, 30))


def draw_dob(ctx, arg, person):
    if person is not None:
        if "dob" not in person.cache:
            person.cache["dob"] = _draw_dob(ctx, person)
        return person.cache["dob"]
    return _draw_dob(ctx, None)


def _draw_dob(ctx, person):
    rng = ctx.rng
    if person is not None and person.age90:
        by = REF_DATE.year - person.age90
        d = rand_date(rng, datetime.date(by - 1, 7, 1), datetime.date(by, 6, 29))
        return d
    if person is not None and person.role == "c":
        return rand_date(rng, datetime.date(1952, 1, 1), datetime.date(1996, 12, 31))
    return rand_date(rng, datetime.date(1938, 1, 1), datetime.date(2013, 12, 31))


# ---------------------------------------------------------------------------
# Phones
# ---------------------------------------------------------------------------

US_PHONE_FMTS = ["paren", "paren2", "dash", "dot", "e164", "e164n", "intl", "intl2", "one",
                 "bare", "ext", "hl7", "seven", "sp"]


def phone_group(arg):
    return arg if arg in INTL_PHONES else "us"


def draw_phone(ctx, arg, person):
    rng = ctx.rng
    if arg in INTL_PHONES:
        pat = INTL_PHONES[arg]
        out = []
        first = True
        for ch in pat:
            if ch == "#":
                out.append(rng.choice("123456789") if first else rng.choice("0123456789"))
                first = False
            else:
                out.append(ch)
        return "".join(out)
    area = rng.choice(US_AREAS)
    while True:
        exch = rng.randint(201, 989)
        if exch % 100 != 11 and exch != 555 and str(exch)[0] not in "01":
            break
    line = rng.randint(0, 9999)
    return (area, exch, line)


def fmt_phone(ctx, raw, arg):
    if isinstance(raw, str):
        return raw
    a, e, l4 = raw
    f = arg or ctx.rng.choice(["paren", "dash", "dot", "e164", "intl"])
    table = {
        "paren": "(%03d) %03d-%04d", "paren2": "(%03d)%03d-%04d", "dash": "%03d-%03d-%04d",
        "dot": "%03d.%03d.%04d", "e164": "+1%03d%03d%04d", "e164n": "1%03d%03d%04d",
        "intl": "+1 %03d %03d %04d", "intl2": "+1 (%03d) %03d-%04d", "one": "1-%03d-%03d-%04d",
        "bare": "%03d%03d%04d", "hl7": "%03d^%03d%04d", "sp": "%03d %03d %04d",
    }
    if f == "ext":
        return "(%03d) %03d-%04d ext. %d" % (a, e, l4, (a * 7 + e) % 400 + 100)
    if f == "seven":
        return "%03d-%04d" % (e, l4)
    return table[f] % (a, e, l4)


# ---------------------------------------------------------------------------
# Identifiers
# ---------------------------------------------------------------------------


def draw_email(ctx, arg, person):
    rng = ctx.rng
    if person is None:
        person = Person(rng, "p")
    g = slugpart(person.given.split()[0]) or "x"
    s = slugpart(person.surname) or "y"
    if person.role == "c":
        local = rng.choice([g[0] + s, g + "." + s, g, s + "." + g[0], g + s[0]])
        return local + "@" + rng.choice(PRACTICE_DOMAINS)
    yy = "%02d" % rng.randint(0, 99)
    local = rng.choice([g + "." + s, g[0] + s, s + "." + g, g + s[0] + yy, g + "_" + s + yy,
                        s + g[0], g + "-" + s, g + yy])
    if rng.random() < 0.3:
        local += "+" + rng.choice(EMAIL_TAGS)
    return local + "@" + rng.choice(PATIENT_DOMAINS)


def draw_user(ctx, arg, person):
    rng = ctx.rng
    if person is None:
        person = Person(rng, "p")
    g = slugpart(person.given.split()[0]) or "x"
    s = slugpart(person.surname) or "y"
    if person.role == "c":
        return g[0] + s
    nn = str(rng.randint(1, 99))
    return rng.choice([g + s[0] + nn, g[0] + s + nn, s + "." + g, g + "_" + s, g.capitalize() +
                       s.capitalize() + nn, s + nn + g[0]])


def draw_ssn(ctx, arg, person):
    rng = ctx.rng
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    return (a, rng.randint(1, 99), rng.randint(1, 9999))


def fmt_ssn(ctx, raw, arg):
    a, g, s = raw
    f = arg or "dash"
    return {"dash": "%03d-%02d-%04d", "space": "%03d %02d %04d",
            "bare": "%03d%02d%04d"}[f] % (a, g, s)


MRN_STYLES = ["n8", "e", "tw", "ch", "mh", "n6", "alpha", "n7"]


def draw_mrn(ctx, arg, person):
    rng = ctx.rng
    st = arg if arg in MRN_STYLES else rng.choice(MRN_STYLES)
    if st == "n8":
        return "%08d" % rng.randint(100000, 9999999)
    if st == "e":
        return "E" + rand_digits(rng, 7, True)
    if st == "tw":
        return "TW-" + rand_digits(rng, 6, True)
    if st == "ch":
        return "CH" + rand_digits(rng, 6)
    if st == "mh":
        return "MH%02d-%s" % (rng.randint(10, 24), rand_digits(rng, 5))
    if st == "n6":
        return rand_digits(rng, 6, True)
    if st == "alpha":
        return rng.choice("ABCDEFGHKMNPRTW") + rand_digits(rng, 5) + rng.choice("ABCDEFGHKMNPRTW")
    return rand_digits(rng, 7, True)


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


def make_mbi(rng):
    an = MBI_ALPHA + "0123456789"
    return (rng.choice("123456789") + rng.choice(MBI_ALPHA) + rng.choice(an) +
            rng.choice("0123456789") + rng.choice(MBI_ALPHA) + rng.choice(an) +
            rng.choice("0123456789") + rng.choice(MBI_ALPHA) + rng.choice(MBI_ALPHA) +
            rng.choice("0123456789") + rng.choice("0123456789"))


PLAN_STYLES = ["bcbs", "w", "num", "mbi", "mcd", "u", "kp", "zh"]


def plan_group(arg):
    if arg in ("mbi", "mbid"):
        return "mbi"
    return arg or ""


def draw_plan(ctx, arg, person):
    rng = ctx.rng
    st = "mbi" if arg in ("mbi", "mbid") else (arg if arg in PLAN_STYLES else rng.choice(PLAN_STYLES))
    if st == "bcbs":
        v = rand_alnum(rng, 3, "ABCDEFGHJKLMNPRSTUWXYZ") + rand_digits(rng, 9)
    elif st == "w":
        v = "W" + rand_digits(rng, 9, True)
    elif st == "num":
        v = rand_digits(rng, 9, True) + "-0" + str(rng.randint(1, 4))
    elif st == "mbi":
        v = make_mbi(rng)
    elif st == "mcd":
        v = rand_alnum(rng, 2, "ABCDEFGHJKLMNPRSTUWXYZ") + rand_digits(rng, 5) + rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")
    elif st == "u":
        v = "U" + rand_digits(rng, 8) + "0" + str(rng.randint(1, 3))
    elif st == "kp":
        v = rand_digits(rng, 11, True)
    else:
        v = "ZH" + rand_digits(rng, 4) + rand_alnum(rng, 4, "ABCDEFGHJKLMNPRSTUWXYZ")
    return (st, v)


def fmt_plan(ctx, raw, arg):
    st, v = raw
    if st == "mbi" and arg == "mbid":
        return v[:4] + "-" + v[4:7] + "-" + v[7:]
    return v


def draw_group(ctx, arg, person):
    rng = ctx.rng
    return rng.choice([
        lambda: rand_digits(rng, 7),
        lambda: "GRP" + rand_digits(rng, 5, True),
        lambda: rand_digits(rng, 6, True) + "-0" + rand_digits(rng, 2) + "-" + rand_digits(rng, 5),
        lambda: rand_alnum(rng, 2, "ABCDEFGHJKLMNPRSTUWXYZ") + rand_digits(rng, 6),
    ])()


def draw_acct(ctx, arg, person):
    rng = ctx.rng
    return rng.choice([
        lambda: "%08d" % rng.randint(10000, 99999999),
        lambda: "PA" + rand_digits(rng, 7, True),
        lambda: "G-" + rand_digits(rng, 6, True),
        lambda: rand_digits(rng, 11, True),
        lambda: "AR%s-%s" % (rand_digits(rng, 6, True), rand_digits(rng, 2)),
        lambda: "%s-%s-%s" % (rand_digits(rng, 4, True), rand_digits(rng, 3), rand_digits(rng, 2)),
    ])()


def draw_npi(ctx, arg, person):
    rng = ctx.rng
    base = rng.choice("12") + rand_digits(rng, 8)
    return base + luhn_digit("80840" + base)


def draw_dea(ctx, arg, person):
    rng = ctx.rng
    first = rng.choice("ABFGM")
    if person is not None:
        sur = fold(person.surname).replace("'", "")
        second = (re.sub(r"[^A-Za-z]", "", sur)[:1] or "X").upper()
    else:
        second = rng.choice("ABCDEFGHJKLMNPRSTWZ")
    d = [rng.randint(0, 9) for _ in range(6)]
    chk = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return first + second + "".join(map(str, d)) + str(chk)


def draw_slic(ctx, arg, person):
    rng = ctx.rng
    return rng.choice([
        lambda: "PSY %d" % rng.randint(12000, 32999),
        lambda: "LMFT %d" % rng.randint(100000, 139999),
        lambda: "LCSW %d" % rng.randint(60000, 129999),
        lambda: "LH%s" % rand_digits(rng, 8, True),
        lambda: "C%d" % rng.randint(1000, 9999),
        lambda: "LP %d" % rng.randint(1000, 8999),
        lambda: "MD%s" % rand_digits(rng, 6, True),
        lambda: "LPC-%s" % rand_digits(rng, 6),
        lambda: "MHC%s" % rand_digits(rng, 6, True),
        lambda: "RN%s" % rand_digits(rng, 6, True),
    ])()


def draw_dl(ctx, arg, person):
    rng = ctx.rng
    return rng.choice([
        lambda: "WDL" + rand_alnum(rng, 9),
        lambda: rng.choice("ABCDEFGHJKLMNPRSTVWY") + rand_digits(rng, 7),
        lambda: rand_digits(rng, 7, True),
        lambda: "%s %s %s" % (rand_digits(rng, 3, True), rand_digits(rng, 3), rand_digits(rng, 3)),
        lambda: rng.choice("ABCDEFGHJKLMNPRSTVWY") + rand_digits(rng, 12),
        lambda: "%s%s-%s-%s" % (rng.choice("ABCDEFGHJKLMNPRSTVWY"), rand_digits(rng, 3),
                                rand_digits(rng, 4), rand_digits(rng, 4)),
    ])()


VIN_WMIS = L("1HG|1FT|2T1|3VW|5YJ|JTD|KMH|1G1|4T1|WBA|1C4|5FN|JN8|3FA|2HG|1N4|KNA")
VIN_YEARS = "ABCDEFGHJKLMNPRS123456789"


def draw_vin(ctx, arg, person):
    rng = ctx.rng
    body = rng.choice(VIN_WMIS) + rand_alnum(rng, 5, VIN_CHARS) + "0" + rng.choice(VIN_YEARS) + \
        rand_alnum(rng, 1, VIN_CHARS) + rand_digits(rng, 6)
    return body[:8] + vin_check_char(body) + body[9:]


def draw_plate(ctx, arg, person):
    rng = ctx.rng
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return rng.choice([
        lambda: str(rng.randint(4, 9)) + rand_alnum(rng, 3, letters) + rand_digits(rng, 3),
        lambda: rand_alnum(rng, 3, letters) + "-" + rand_digits(rng, 4),
        lambda: rand_digits(rng, 3, True) + " " + rand_alnum(rng, 3, letters),
        lambda: rand_alnum(rng, 3, letters) + rand_digits(rng, 4),
        lambda: rand_alnum(rng, 3, letters) + " " + rand_digits(rng, 3),
        lambda: rand_alnum(rng, 2, letters) + rand_digits(rng, 2) + rand_alnum(rng, 3, letters),
    ])()


IMEI_TACS = L("35209011|35391110|35467811|86769204|01326300|35328115|35900612|86201804")


def draw_imei(ctx, arg, person):
    rng = ctx.rng
    body = rng.choice(IMEI_TACS) + rand_digits(rng, 6)
    return body + luhn_digit(body)


def fmt_imei(ctx, raw, arg):
    if arg == "dash":
        return "%s-%s-%s-%s" % (raw[:2], raw[2:8], raw[8:14], raw[14])
    if arg == "sp":
        return "%s %s %s %s" % (raw[:2], raw[2:8], raw[8:14], raw[14])
    return raw


SERIAL_STYLES = ["apple", "android", "cpap", "dexcom", "meid", "watch", "hearing"]


def draw_serial(ctx, arg, person):
    rng = ctx.rng
    st = arg if arg in SERIAL_STYLES else rng.choice(SERIAL_STYLES)
    noVowel = "BCDFGHJKLMNPQRSTVWXYZ0123456789"
    if st == "apple":
        return rng.choice("CDFGH") + rand_alnum(rng, 11, noVowel)
    if st == "android":
        return rng.choice(["R58", "R5C", "RF8", "R3C"]) + rand_alnum(rng, 8, noVowel)
    if st == "cpap":
        return "2" + rand_digits(rng, 10)
    if st == "dexcom":
        return rand_digits(rng, 1, True) + rand_alnum(rng, 5, noVowel)
    if st == "meid":
        return "A1000" + rand_alnum(rng, 9, "0123456789ABCDEF")
    if st == "watch":
        return "G9" + rand_alnum(rng, 10, noVowel)
    return "%sH%s" % (rand_digits(rng, 4, True), rand_digits(rng, 4))


def draw_mac(ctx, arg, person):
    rng = ctx.rng
    b = [rng.randint(0, 255) for _ in range(6)]
    b[0] &= 0xFC
    if rng.random() < 0.5:
        return ":".join("%02x" % x for x in b)
    return "-".join("%02X" % x for x in b)


PUBLIC_FIRST = [24, 47, 50, 63, 64, 66, 67, 68, 69, 70, 71, 73, 74, 75, 76, 96, 97, 98, 99,
                104, 107, 108, 136, 162, 166, 173, 174, 184, 207, 208, 209, 216]


def draw_ip4(ctx, arg, person):
    rng = ctx.rng
    return "%d.%d.%d.%d" % (rng.choice(PUBLIC_FIRST), rng.randint(0, 255), rng.randint(0, 255),
                            rng.randint(1, 254))


IP6_PREFIXES = L("2601:1c0|2600:1700|2607:fb90|2600:387|2603:7000|2a02:c7c|2605:a601|2001:56a|2604:2d80")


def draw_ip6(ctx, arg, person):
    rng = ctx.rng
    pre = rng.choice(IP6_PREFIXES)
    groups = ["%x" % rng.randint(1, 0xffff) for _ in range(2)]
    tail = ["%x" % rng.randint(1, 0xffff) for _ in range(rng.choice([1, 2, 4]))]
    if len(tail) == 4:
        return pre + ":" + ":".join(groups + tail)
    return pre + ":" + ":".join(groups) + "::" + ":".join(tail)


def draw_pesel(ctx, arg, person):
    """Polish national identification number, consistent with the person's birth date."""
    d = draw_dob(ctx, "", person)
    mm = d.month + (20 if d.year >= 2000 else 0)
    body = "%02d%02d%02d%s%d" % (d.year % 100, mm, d.day, rand_digits(ctx.rng, 3), ctx.rng.randint(0, 9))
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    chk = (10 - sum(int(c) * k for c, k in zip(body, w)) % 10) % 10
    return body + str(chk)


def draw_rx(ctx, arg, person):
    rng = ctx.rng
    return rng.choice([lambda: rand_digits(rng, 7, True), lambda: "RX" + rand_digits(rng, 7, True),
                       lambda: "%s-%s" % (rand_digits(rng, 7, True), rand_digits(rng, 2))])()


def draw_oid(ctx, arg, person):
    rng = ctx.rng
    st = arg or rng.choice(["tribal", "passport", "anum", "court", "student", "employee", "rems"])
    if st == "tribal":
        return "%s-%s" % (rand_digits(rng, 3, True), rand_digits(rng, 6))
    if st == "passport":
        return rng.choice("ACEFGHKLMNP") + rand_digits(rng, 8)
    if st == "anum":
        return "A%s-%s-%s" % (rand_digits(rng, 3, True), rand_digits(rng, 3), rand_digits(rng, 3))
    if st == "court":
        return "%02d-MH-%s" % (rng.randint(19, 25), rand_digits(rng, 5))
    if st == "student":
        return "S" + rand_digits(rng, 8)
    if st == "employee":
        return "EMP-" + rand_digits(rng, 6)
    return rand_digits(rng, 7, True)   # clozapine REMS patient id


def draw_age(ctx, arg, person):
    if person is not None and person.age90:
        return person.age90
    return ctx.rng.randint(90, 102)


def fmt_age(ctx, raw, arg):
    f = arg or "num"
    if f == "num":
        return str(raw)
    if f == "yo":
        return "%dyo" % raw
    if f == "Word":
        w = AGE_WORDS["word"][raw - 90]
        return w[0].upper() + w[1:]
    return AGE_WORDS[f][raw - 90]


def draw_addr(ctx, arg, person):
    rng = ctx.rng
    st = arg or rng.choice(["std", "std", "dir", "post", "unit", "unit", "rr", "po", "grid",
                            "wisc", "hi", "pr", "frac", "hwy"])
    num = str(rng.choice([rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 9999),
                          rng.randint(10000, 39999)]))
    street = "%s %s" % (rng.choice(STREETS), rng.choice(STREET_TYPES))
    if st == "std":
        return "%s %s" % (num, street)
    if st == "dir":
        return "%s %s %s" % (num, rng.choice(DIRS), street)
    if st == "post":
        return "%s %s %s" % (num, street, rng.choice(DIRS))
    if st == "unit":
        return "%s %s%s%s" % (num, street, rng.choice([", ", " "]), rng.choice(UNITS))
    if st == "rr":
        return rng.choice(["RR %d Box %d" % (rng.randint(1, 9), rng.randint(10, 999)),
                           "HC %d Box %d" % (rng.randint(10, 89), rng.randint(100, 9999))])
    if st == "po":
        return rng.choice(["PO Box %d", "P.O. Box %d", "Post Office Box %d"]) % rng.randint(10, 99999)
    if st == "grid":
        return "%s %s %d00 %s" % (num, rng.choice("NSEW"), rng.randint(1, 99), rng.choice("NSEW"))
    if st == "wisc":
        return rng.choice(["N%d County Road %s" % (rng.randint(1000, 9999), rng.choice("ABCDKMQVZ")),
                           "W%d State Hwy %d" % (rng.randint(1000, 9999), rng.randint(10, 99))])
    if st == "hi":
        return "%d-%d %s %s" % (rng.randint(41, 99), rng.randint(100, 1999),
                                rng.choice(HAWAIIAN_STREETS), rng.choice(["St", "Pl", "Hwy", "Loop"]))
    if st == "pr":
        return "Urb. %s, Calle %d #%d" % (rng.choice(PR_URBS), rng.randint(1, 40), rng.randint(1, 99))
    if st == "frac":
        return "%s 1/2 %s" % (num, street)
    return rng.choice(["Hwy %d MP %d" % (rng.randint(10, 599), rng.randint(1, 499)),
                       "Mile %d.%d %s Hwy" % (rng.randint(2, 200), rng.randint(0, 9),
                                              rng.choice(["Richardson", "Parks", "Glenn", "Sterling"]))])


def draw_unit(ctx, arg, person):
    return ctx.rng.choice(UNITS)


def draw_city(ctx, arg, person):
    return ctx.rng.choice(TOWNS)


def fmt_city(ctx, raw, arg):
    return raw[0]


def draw_zip(ctx, arg, person):
    rng = ctx.rng
    return ("%05d" % rng.randint(1001, 99950), "%04d" % rng.randint(1, 9999))


def fmt_zip(ctx, raw, arg):
    z, p = raw
    f = arg or "zip"
    if f == "zip4":
        return z + "-" + p
    if f == "zip9":
        return z + p
    return z


def fmt_str(ctx, raw, arg):
    return raw


class Gen:
    def __init__(self, kind, draw, fmt=fmt_str, group=lambda a: a or ""):
        self.kind, self.draw, self.fmt, self.group = kind, draw, fmt, group


PHI_GENS = {
    "date": Gen("DATE", draw_event_date, fmt_date, lambda a: ""),
    "dob": Gen("DATE", draw_dob, fmt_date, lambda a: ""),
    "phone": Gen("PHONE", draw_phone, fmt_phone, phone_group),
    "fax": Gen("FAX", draw_phone, fmt_phone, phone_group),
    "email": Gen("EMAIL", draw_email),
    "user": Gen("OTHER_ID", draw_user),
    "ssn": Gen("SSN", draw_ssn, fmt_ssn, lambda a: ""),
    "mrn": Gen("MRN", draw_mrn),
    "plan": Gen("HEALTH_PLAN", draw_plan, fmt_plan, plan_group),
    "grp": Gen("HEALTH_PLAN", draw_group),
    "acct": Gen("ACCOUNT", draw_acct),
    "npi": Gen("LICENSE", draw_npi),
    "dea": Gen("LICENSE", draw_dea),
    "slic": Gen("LICENSE", draw_slic),
    "dl": Gen("LICENSE", draw_dl),
    "vin": Gen("VEHICLE", draw_vin),
    "plate": Gen("VEHICLE", draw_plate),
    "imei": Gen("DEVICE", draw_imei, fmt_imei, lambda a: ""),
    "serial": Gen("DEVICE", draw_serial),
    "mac": Gen("DEVICE", draw_mac),
    "ip4": Gen("IP", draw_ip4),
    "ip6": Gen("IP", draw_ip6),
    "rx": Gen("OTHER_ID", draw_rx),
    "oid": Gen("OTHER_ID", draw_oid),
    "pesel": Gen("OTHER_ID", draw_pesel),
    "age": Gen("AGE_OVER_89", draw_age, fmt_age, lambda a: ""),
    "addr": Gen("ADDRESS", draw_addr),
    "unit": Gen("ADDRESS", draw_unit),
    "city": Gen("CITY", draw_city, fmt_city, lambda a: ""),
    "zip": Gen("ZIP", draw_zip, fmt_zip, lambda a: ""),
}

# ---------------------------------------------------------------------------
# Look-alike generators (kept tokens)
# ---------------------------------------------------------------------------


def _clock(ctx):
    ctx.clock += datetime.timedelta(seconds=ctx.rng.randint(0, 4), milliseconds=ctx.rng.randint(0, 999))
    return ctx.clock


def _ms(t):
    return t.microsecond // 1000


def _epoch(t):
    return calendar.timegm(t.timetuple())


def lk_uuid(ctx, a):
    r = ctx.rng
    h = "%032x" % r.getrandbits(128)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], r.choice("89ab"), h[17:20], h[20:32])


def lk_hex(ctx, a):
    return "".join(ctx.rng.choice("0123456789abcdef") for _ in range(int(a or 40)))


def lk_b62(ctx, a):
    return "".join(ctx.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
                   for _ in range(int(a or 22)))


def lk_b64(ctx, a):
    return "".join(ctx.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
                   for _ in range(int(a or 44)))


def lk_ver(ctx, a):
    r = ctx.rng
    return "%d.%d.%d" % (r.randint(1, 24), r.randint(0, 40), r.randint(0, 30))


def lk_duration(ctx, a):
    r = ctx.rng
    return r.choice(["%dms" % r.randint(3, 29000), "%.2fs" % (r.randint(11, 9000) / 100.0),
                     "%d ms" % r.randint(40, 12000)])


def lk_amount(ctx, a):
    r = ctx.rng
    return "$%d.%s" % (r.randint(0, 480), r.choice(["00", "50", "25", "40", "92", "10"]))


def lk_amount_raw(ctx, a):
    r = ctx.rng
    return "%d.%s" % (r.randint(20, 480), r.choice(["00", "50", "25", "40", "92"]))


def lk_infra_ip(ctx, a):
    r = ctx.rng
    c = r.random()
    if c < 0.6:
        return "10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))
    if c < 0.93:
        return "172.%d.%d.%d" % (r.randint(16, 31), r.randint(0, 255), r.randint(1, 254))
    return "127.0.0.1"


def lk_pod(ctx, a):
    r = ctx.rng
    return "%s-%s-%s" % (r.choice(SERVICES), lk_hex(ctx, 10), "".join(r.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(5)))


def lk_icsuid(ctx, a):
    return lk_uuid(ctx, a) + "@tidewell.health"


def lk_stripe(ctx, a):
    return "cus_" + lk_b62(ctx, 14)


LOOK_GENS = {
    "uuid": ("uuid", lk_uuid),
    "hex": ("hash", lk_hex),
    "sha7": ("hash", lambda c, a: lk_hex(c, 7)),
    "b62": ("request_id", lk_b62),
    "b64": ("hash", lk_b64),
    "ulid": ("request_id", lambda c, a: "01H" + "".join(c.rng.choice("0123456789ABCDEFGHJKMNPQRSTVWXYZ") for _ in range(23))),
    "ts_iso": ("timestamp", lambda c, a: _clock(c).strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % _ms(c.clock)),
    "ts_mysql": ("timestamp", lambda c, a: _clock(c).strftime("%Y-%m-%dT%H:%M:%S") + ".%06dZ" % c.clock.microsecond),
    "ts_log": ("timestamp", lambda c, a: _clock(c).strftime("%Y-%m-%d %H:%M:%S") + ",%03d" % _ms(c.clock)),
    "ts_sql": ("timestamp", lambda c, a: _clock(c).strftime("%Y-%m-%d %H:%M:%S") + ".%03d+00" % _ms(c.clock)),
    "ts_sys": ("timestamp", lambda c, a: "%s %2d %s" % (MON[_clock(c).month - 1], c.clock.day, c.clock.strftime("%H:%M:%S"))),
    "ts_nginx": ("timestamp", lambda c, a: "%02d/%s/%d:%s +0000" % (_clock(c).day, MON[c.clock.month - 1], c.clock.year, c.clock.strftime("%H:%M:%S"))),
    "ts_hl7": ("timestamp", lambda c, a: _clock(c).strftime("%Y%m%d%H%M%S")),
    "ts_ics": ("timestamp", lambda c, a: _clock(c).strftime("%Y%m%dT%H%M%SZ")),
    "ts_http": ("timestamp", lambda c, a: "%s, %02d %s %d %s GMT" % (WEEKDAYS[_clock(c).weekday()], c.clock.day, MON[c.clock.month - 1], c.clock.year, c.clock.strftime("%H:%M:%S"))),
    "ts_ios": ("timestamp", lambda c, a: _clock(c).strftime("%Y-%m-%d %H:%M:%S") + ".%04d -0800" % (c.clock.microsecond // 100)),
    "ts_hylafax": ("timestamp", lambda c, a: _clock(c).strftime("%m/%d/%y %H:%M")),
    "ts_rails": ("timestamp", lambda c, a: _clock(c).strftime("%Y-%m-%d %H:%M:%S -0800")),
    "ts_logcat": ("timestamp", lambda c, a: _clock(c).strftime("%m-%d %H:%M:%S") + ".%03d" % _ms(c.clock)),
    "epoch": ("timestamp", lambda c, a: str(_epoch(_clock(c)))),
    "epoch_ms": ("timestamp", lambda c, a: "%d%03d" % (_epoch(_clock(c)), _ms(c.clock))),
    "epoch_f": ("timestamp", lambda c, a: "%d.%06d" % (_epoch(_clock(c)), c.clock.microsecond)),
    "isadate": ("timestamp", lambda c, a: _clock(c).strftime("%y%m%d")),
    "gsdate": ("timestamp", lambda c, a: _clock(c).strftime("%Y%m%d")),
    "smppdate": ("timestamp", lambda c, a: _clock(c).strftime("%y%m%d%H%M")),
    "dbid": ("db_id", lambda c, a: str(c.rng.randint(1000, 9999999))),
    "offset": ("offset", lambda c, a: str(c.rng.randint(100000, 999999999))),
    "seqnum": ("offset", lambda c, a: "4959" + rand_digits(c.rng, 52)),
    "shard": ("shard", lambda c, a: "shardId-%012d" % c.rng.randint(0, 15)),
    "lsn": ("offset", lambda c, a: str(c.rng.randint(10 ** 9, 10 ** 11))),
    "ver": ("version", lk_ver),
    "icd": ("icd", lambda c, a: c.rng.choice(ICDS)),
    "cpt": ("cpt", lambda c, a: c.rng.choice(CPTS)),
    "loinc": ("loinc", lambda c, a: c.rng.choice(LOINCS)),
    "ndc": ("ndc", lambda c, a: "%s-%s-%s" % (rand_digits(c.rng, 5), rand_digits(c.rng, 4), rand_digits(c.rng, 2))),
    "payer": ("payer", lambda c, a: c.rng.choice(PAYERS)),
    "infra_ip": ("infra_ip", lk_infra_ip),
    "port": ("port", lambda c, a: str(c.rng.choice([5432, 6379, 9092, 5672, 8080, 8443, 2575, 9200, 27017, 4317]))),
    "duration": ("duration", lk_duration),
    "amount": ("amount", lk_amount),
    "amount_raw": ("amount", lk_amount_raw),
    "count": ("count", lambda c, a: str(c.rng.randint(2, 4800))),
    "state": ("state", lambda c, a: c.rng.choice(STATES)),
    "rxbin": ("code", lambda c, a: c.rng.choice(RXBINS)),
    "ncpdp": ("code", lambda c, a: rand_digits(c.rng, 7, True)),
    "ctrlid": ("request_id", lambda c, a: "TW" + rand_digits(c.rng, 10)),
    "isactl": ("request_id", lambda c, a: "%09d" % c.rng.randint(1, 99999)),
    "awsacct": ("cloud_account", lambda c, a: rand_digits(c.rng, 12, True)),
    "sgrule": ("resource_id", lambda c, a: "sgrule-" + rand_digits(c.rng, 10, True)),
    "otp": ("code", lambda c, a: rand_digits(c.rng, 6)),
    "stripe": ("opaque_id", lk_stripe),
    "sid": ("request_id", lambda c, a: (a or "SM") + lk_hex(c, 32)),
    "hexaddr": ("memory_address", lambda c, a: "0x" + lk_hex(c, 16)),
    "slackch": ("channel", lambda c, a: "C0" + "".join(c.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(8))),
    "icsuid": ("uid", lk_icsuid),
    "pod": ("service", lk_pod),
    "service": ("service", lambda c, a: c.rng.choice(SERVICES)),
    "age_young": ("age", lambda c, a: str(c.rng.randint(19, 84))),
    # plain fillers (normally used with "~")
    "small": ("count", lambda c, a: str(c.rng.randint(1, 64))),
    "pid": ("count", lambda c, a: str(c.rng.randint(200, 65000))),
    "eph": ("port", lambda c, a: str(c.rng.randint(32768, 60999))),
    "hhmm": ("timestamp", lambda c, a: "%02d:%02d" % (c.rng.randint(7, 20), c.rng.randint(0, 59))),
    "digits": ("code", lambda c, a: rand_digits(c.rng, int(a or 4), True)),
    "cents": ("amount", lambda c, a: str(c.rng.randint(500, 48000))),
    "practice_host": ("service", lambda c, a: c.rng.choice(["cedarlane", "riverbend", "saltmarsh", "blueheron", "northstar", "kokua"]) + ".tidewell.app"),
}

# ---------------------------------------------------------------------------
# Transforms
# ---------------------------------------------------------------------------

OCR_SUBS = [("O", "0"), ("o", "0"), ("l", "1"), ("I", "1"), ("S", "5"), ("B", "8"), ("e", "c"),
            ("rn", "m"), ("m", "rn"), ("1", "l"), ("0", "O"), ("5", "S"), ("8", "B"), ("i", "í")]


def tf_ocr(ctx, s):
    cands = [(a, b) for a, b in OCR_SUBS if a in s]
    if not cands:
        return s
    a, b = ctx.rng.choice(cands)
    idxs = [m.start() for m in re.finditer(re.escape(a), s)]
    i = ctx.rng.choice(idxs)
    return s[:i] + b + s[i + len(a):]


def tf_wrap(ctx, s):
    spaces = [i for i, c in enumerate(s) if c == " "]
    if spaces:
        i = ctx.rng.choice(spaces)
        return s[:i] + "\n" + s[i + 1:]
    if len(s) < 4:
        return s
    i = ctx.rng.randint(2, len(s) - 2)
    return s[:i] + "-\n" + s[i:]


def tf_typo(ctx, s):
    letters = [i for i in range(1, len(s) - 1) if s[i].isalpha() and s[i + 1].isalpha() and s[i] != s[i + 1]]
    if not letters:
        return s + s[-1]
    i = ctx.rng.choice(letters)
    return s[:i] + s[i + 1] + s[i] + s[i + 2:]


TRANSFORMS = {
    "url": lambda c, s: urllib.parse.quote(s, safe=""),
    "plus": lambda c, s: urllib.parse.quote_plus(s),
    "html": lambda c, s: html.escape(s, quote=True),
    "htmlnum": lambda c, s: s.replace("&", "&amp;").replace("'", "&#39;").replace("@", "&#64;"),
    "jslash": lambda c, s: s.replace("/", "\\/"),
    "jsonu": lambda c, s: json.dumps(s, ensure_ascii=True)[1:-1],
    "sql": lambda c, s: s.replace("'", "''"),
    "bsq": lambda c, s: s.replace("'", "\\'"),
    "upper": lambda c, s: s.upper(),
    "lower": lambda c, s: s.lower(),
    "wrap": tf_wrap,
    "ocr": tf_ocr,
    "typo": tf_typo,
}

# ---------------------------------------------------------------------------
# People and rendering
# ---------------------------------------------------------------------------

NAME_ATTRS = {"full", "first", "last", "fml", "lf", "LF", "UPPER", "UPPERLF", "hl7", "init",
              "fi", "lower", "flower", "llower", "slug", "native", "alt", "misspell", "FIRST",
              "LAST"}


class Person:
    def __init__(self, rng, role):
        self.role = role
        cul = rng.choice(CULTURE_KEYS)
        givens, surnames = CULTURES[cul]
        self.culture = cul
        self.given = rng.choice(givens)
        if rng.random() < 0.15:
            self.surname = rng.choice(CULTURES[rng.choice(CULTURE_KEYS)][1])
        else:
            self.surname = rng.choice(surnames)
        alts = [g for g in givens if g != self.given]
        self.alt_given = rng.choice(alts)
        mid_src = CULTURES[rng.choice(CULTURE_KEYS)][0]
        self.middle = rng.choice(mid_src) if rng.random() < 0.35 else None
        self.with_middle_initial = rng.random() < 0.2
        self.age90 = None
        self.cache = {}
        self.typo_seed = rng.random()

    def name(self, attr, ctx):
        g, s = self.given, self.surname
        mi = (self.middle or "Q")[0]
        full = "%s %s" % (g, s)
        if self.with_middle_initial and self.middle:
            full_m = "%s %s. %s" % (g, mi, s)
        else:
            full_m = full
        if attr == "full":
            return full_m
        if attr == "first":
            return g
        if attr == "last":
            return s
        if attr == "fml":
            return "%s %s %s" % (g, self.middle, s) if self.middle else full
        if attr == "lf":
            return "%s, %s" % (s, g)
        if attr == "LF":
            return ("%s, %s" % (s, g)).upper()
        if attr == "UPPER":
            return full.upper()
        if attr == "UPPERLF":
            return ("%s %s" % (s, g)).upper()
        if attr == "hl7":
            return ("%s^%s^%s" % (s, g, mi) if self.middle else "%s^%s" % (s, g)).upper()
        if attr == "init":
            return "%s. %s" % (g[0], s)
        if attr == "fi":
            return "%s %s." % (g, fold(s).lstrip("'")[0].upper())
        if attr == "lower":
            return full.lower()
        if attr == "flower":
            return g.lower()
        if attr == "llower":
            return s.lower()
        if attr == "slug":
            return "-".join(slugpart(p) for p in re.split(r"[\s\-']+", full) if slugpart(p))
        if attr == "native":
            return "%s %s" % (s, g) if self.culture in FAMILY_FIRST else full
        if attr == "alt":
            return self.alt_given
        if attr == "misspell":
            r = random.Random(self.typo_seed)
            sub = Ctx.__new__(Ctx)
            sub.rng = r
            bad = tf_typo(sub, s)
            return "%s %s" % (g, bad)
        if attr == "FIRST":
            return g.upper()
        if attr == "LAST":
            return s.upper()
        raise KeyError(attr)


SPEC_RE = re.compile(r"«([^«»]+)»|⟦([A-Z_0-9]+):|⟧")
PERSON_RE = re.compile(r"^([pc]\d)\.(\w+)$")
OLD_RE = re.compile(r"«~?([pc]\d)\.age\b")


class Ctx:
    def __init__(self, rng):
        self.rng = rng
        self.people = {}
        self.memo = {}
        self.labels = []
        self.keeps = []
        self.old = set()
        self.clock = datetime.datetime(2024, 1, 2) + datetime.timedelta(
            seconds=rng.randint(0, 640 * 86400))

    def person(self, key):
        if key not in self.people:
            p = Person(self.rng, key[0])
            if key in self.old:
                p.age90 = self.rng.randint(90, 102)
            self.people[key] = p
        return self.people[key]

    def label(self, value, kind):
        if value and (value, kind) not in self.labels:
            self.labels.append((value, kind))

    def keep(self, tok, kind):
        if tok and (tok, kind) not in self.keeps and tok not in [t for t, _ in self.keeps]:
            self.keeps.append((tok, kind))

    def phi_value(self, gen, arg, person, key):
        if key is not None and key in self.memo:
            raw = self.memo[key]
        else:
            raw = gen.draw(self, arg, person)
            if key is not None:
                self.memo[key] = raw
        return gen.fmt(self, raw, arg)

    def expand(self, spec):
        if spec.startswith("="):
            kind, tok = spec[1:].split(":", 1)
            self.keep(tok, kind)
            return tok
        parts = spec.split("|")
        head, transforms = parts[0], parts[1:]
        filler = head.startswith("~")
        if filler:
            head = head[1:]
        slot = None
        if "@" in head:
            head, slot = head.split("@", 1)
        name, _, arg = head.partition(":")
        labels, keeps = [], []
        m = PERSON_RE.match(name)
        if m:
            pkey, attr = m.group(1), m.group(2)
            person = self.person(pkey)
            if attr in NAME_ATTRS:
                text = person.name(attr, self)
                labels.append((text, "NAME"))
            elif attr == "state":
                raw = self.memo.get((pkey, "city", ""))
                if raw is None:
                    raw = draw_city(self, "", person)
                    self.memo[(pkey, "city", "")] = raw
                text = raw[1]
                keeps.append((text, "state"))
            elif attr == "agey":
                dob = draw_dob(self, "", person)
                text = str(REF_DATE.year - dob.year)
                keeps.append((text, "age"))
            else:
                gname = {"age": "age", "fax": "fax"}.get(attr, attr)
                gen = PHI_GENS[gname]
                key = (pkey, gname, gen.group(arg))
                text = self.phi_value(gen, arg, person, key)
                labels.append((text, gen.kind))
        elif name in PHI_GENS:
            gen = PHI_GENS[name]
            key = ("slot", name, gen.group(arg), slot) if slot else None
            text = self.phi_value(gen, arg, None, key)
            labels.append((text, gen.kind))
        elif name in LOOK_GENS:
            kind, fn = LOOK_GENS[name]
            key = ("look", name, arg, slot) if slot else None
            if key is not None and key in self.memo:
                text = self.memo[key]
            else:
                text = fn(self, arg)
                if key is not None:
                    self.memo[key] = text
            if not filler:
                keeps.append((text, kind))
        else:
            raise KeyError("unknown generator in spec %r" % spec)
        for t in transforms:
            fn = TRANSFORMS[t]
            if t in ("wrap", "ocr", "typo"):
                new = fn(self, text)
                labels = [(new if v == text else v, k) for v, k in labels]
                keeps = [(new if v == text else v, k) for v, k in keeps]
                text = new
            else:
                text = fn(self, text)
                labels = [(fn(self, v), k) for v, k in labels]
                keeps = [(fn(self, v), k) for v, k in keeps]
        for v, k in labels:
            self.label(v, k)
        for v, k in keeps:
            self.keep(v, k)
        return text


def render(template, ctx):
    ctx.old = set(OLD_RE.findall(template))
    out = []
    length = 0
    pos = 0
    stack = []
    for m in SPEC_RE.finditer(template):
        lit = template[pos:m.start()]
        out.append(lit)
        length += len(lit)
        pos = m.end()
        if m.group(1) is not None:
            piece = ctx.expand(m.group(1))
            out.append(piece)
            length += len(piece)
        elif m.group(2) is not None:
            stack.append((m.group(2), length))
        else:
            kind, start = stack.pop()
            ctx.label("".join(out)[start:], kind)
    out.append(template[pos:])
    if stack:
        raise ValueError("unclosed region in template")
    return "".join(out)


# ---------------------------------------------------------------------------
# Verification
# ---------------------------------------------------------------------------


def _pool_parts():
    parts = set()
    for givens, surnames in CULTURES.values():
        for nm in givens + surnames:
            for p in re.findall(r"[^\W\d_]+", nm):
                for q in {p, fold(p)}:
                    lq = q.lower()
                    if (len(q) >= 3 and lq not in phi_score.COMMON_WORDS and lq not in phi_score.TITLES
                            and lq not in RESIDUAL_EXEMPT):
                        parts.add(q)
    return sorted(parts, key=lambda x: (-len(x), x))


POOL_PARTS = _pool_parts()
RE_POOL = re.compile(r"(?<![^\W\d_])(?:" + "|".join(re.escape(p) for p in POOL_PARTS) + r")(?![^\W\d_])",
                     re.IGNORECASE)
# Towns that are ordinary English words are not searched for (they are labelled where
# they stand for a place); the others must never appear unlabelled.
ENGLISH_TOWNS = set(L("Normal|Hope|Boring|Why|Surprise|Accident|Commerce|Energy|Liberty|"
                      "Independence|Paradise|Reading|Mobile|Buffalo|Bath|Friendly|Joy|Harmony|"
                      "Story|Protection|Peculiar|Cool|Bland|Plain|Hazard|Ordinary|Chicken|Climax|"
                      "Waterproof|Comfort|Eureka|Fairplay|Elizabeth|Carolina"))
RE_TOWN = re.compile(r"(?<![^\W\d_])(?:" + "|".join(
    re.escape(t) for t, _ in sorted(TOWNS, key=lambda x: -len(x[0])) if t not in ENGLISH_TOWNS)
    + r")(?![^\W\d_])")
RE_STREET = re.compile(
    r"(?<![\w.])\d{1,5}(?: 1/2)? (?:[NSEW]{1,2} )?(?:" + "|".join(re.escape(x) for x in STREETS)
    + r") (?:" + "|".join(re.escape(x) for x in STREET_TYPES) + r")\b"
    r"|\b(?:RR|HC) \d+ Box \d+|\bP\.?O\.? Box \d+|\bPost Office Box \d+|\bUrb\. ")
RE_EMAIL = re.compile(r"[A-Za-z0-9._+\-]+(?:@|%40|&#64;)[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
RE_PHONE_US = re.compile(r"(?<![\w+])(?:\+?1[ .\-]?)?(?:\(\d{3}\) ?|\d{3}[ .\-])\d{3}[ .\-]\d{4}(?!\w)")
RE_PHONE_INTL = re.compile(r"(?<![\w+])\+\d{1,3}(?:[ \-]?\d){7,}")
RE_SSN = re.compile(r"(?<![\w\-])\d{3}[- ]\d{2}[- ]\d{4}(?![\w\-])")
_MONRX = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
RE_DATES = [
    re.compile(r"(?<![\w/.])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\w/])(?!,?\s*\d{1,2}:\d{2})"),
    re.compile(r"(?<![\w\-])(?:19|20)\d{2}-[01]\d-[0-3]\d(?![\w\-:])(?! \d{1,2}:\d{2})"),
    re.compile(r"(?<![\w.])[0-3]\d\.[01]\d\.(?:19|20)\d{2}(?![\w.])"),
    re.compile(r"\b" + _MONRX + r" \d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\d{2}\b(?! \d{1,2}:\d{2})"),
    re.compile(r"\b\d{1,2}[ \-]" + _MONRX + r"[ \-](?:19|20)\d{2}\b(?! \d{1,2}:\d{2})"),
    re.compile(r"datetime\.date\("),
]
RE_LONGDIG = re.compile(r"(?<![A-Za-z0-9])\d{9,}(?![A-Za-z0-9])")
RE_IPV4 = re.compile(r"(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?!\.?\d)")
RE_IPV6 = re.compile(r"(?<![0-9A-Fa-f:])[23][0-9A-Fa-f]{3}:(?:[0-9A-Fa-f]{0,4}:){1,6}[0-9A-Fa-f]{0,4}(?![0-9A-Fa-f:])")


def ipv4_public(octs):
    o = [int(x) for x in octs]
    if any(x > 255 for x in o):
        return False
    if o[0] in (0, 10, 127) or o[0] >= 224:
        return False
    if o[0] == 172 and 16 <= o[1] <= 31:
        return False
    if o[0] == 192 and o[1] == 168:
        return False
    if o[0] == 169 and o[1] == 254:
        return False
    return True


def simulate(text, phi):
    out = text
    for ph in sorted(phi, key=lambda p: -len(p["value"])):
        repl = "[REDACTED:%s]" % ph["kind"]
        out = re.sub(phi_score._boundary_pattern(ph["value"]), lambda m: repl, out)
    return out


def residual_problems(s):
    probs = []
    for m in RE_POOL.finditer(s):
        probs.append("pool-name:%s" % m.group(0))
    for m in RE_TOWN.finditer(s):
        probs.append("pool-town:%s" % m.group(0))
    for m in RE_STREET.finditer(s):
        probs.append("street-address:%s" % m.group(0))
    for rx, what in ((RE_EMAIL, "email"), (RE_PHONE_US, "phone"), (RE_PHONE_INTL, "phone-intl"),
                     (RE_SSN, "ssn"), (RE_LONGDIG, "long-digits")):
        for m in rx.finditer(s):
            probs.append("%s:%s" % (what, m.group(0)))
    for rx in RE_DATES:
        for m in rx.finditer(s):
            probs.append("date:%s" % m.group(0))
    for m in RE_IPV4.finditer(s):
        if ipv4_public(m.groups()):
            probs.append("ipv4:%s" % m.group(0))
    for m in RE_IPV6.finditer(s):
        probs.append("ipv6:%s" % m.group(0))
    return probs


def check_digits_problem(value, kind):
    if kind == "LICENSE":
        if value.isdigit() and len(value) == 10 and not npi_ok(value):
            return "bad NPI"
        if re.fullmatch(r"[A-Z][A-Z9]\d{7}", value) and not dea_ok(value):
            return "bad DEA"
    if kind == "VEHICLE" and re.fullmatch(r"[A-Z0-9]{17}", value) and not vin_ok(value):
        return "bad VIN"
    if kind == "DEVICE":
        d = re.sub(r"[ \-]", "", value)
        if d.isdigit() and len(d) == 15 and not luhn_ok(d):
            return "bad IMEI"
    if kind == "SSN" and not ssn_ok(value):
        return "bad SSN"
    return None


def verify_record(rec):
    errs = []
    text = rec["text"]
    if len(rec["keep"]) != len(rec["keep_kinds"]):
        errs.append("keep/keep_kinds length mismatch")
    for ph in rec["phi"]:
        v, k = ph["value"], ph["kind"]
        if k not in phi_score.KINDS:
            errs.append("unknown kind %s" % k)
        if v not in text:
            errs.append("not a substring: %r" % v)
        elif not phi_score.occurs(v, text):
            errs.append("flanked value: %r" % v)
        p = check_digits_problem(v, k)
        if p:
            errs.append("%s: %r" % (p, v))
    out = simulate(text, rec["phi"])
    od = phi_score.digits_of(out)
    for ph in rec["phi"]:
        why = phi_score.leak_reason(ph["value"], ph["kind"], out, od)
        if why:
            errs.append("leak %s %r (%s)" % (ph["kind"], ph["value"], why))
    for tok in rec["keep"]:
        if not phi_score.occurs(tok, out):
            errs.append("keep lost: %r" % tok)
    residual = out
    for tok in sorted(set(rec["keep"]), key=lambda t: -len(t)):
        residual = re.sub(phi_score._boundary_pattern(tok), " ", residual)
    for p in residual_problems(residual):
        errs.append("residual " + p)
    return errs


# ---------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------

TEMPLATES = []   # (style, clean, text)


def T(style, text):
    TEMPLATES.append((style, False, text.strip("\n").replace("⇥", "\t")))


def C(style, text):
    TEMPLATES.append((style, True, text.strip("\n").replace("⇥", "\t")))


# ----- background jobs: Celery / Sidekiq / Airflow / RQ / Horizon / Prefect / Hangfire
T("jobs", r"""
[«ts_log»: ERROR/ForkPoolWorker-«~small»] Task «=task:reminders.tasks.send_appointment_reminder»[«uuid»] raised unexpected: «=exception:SMTPRecipientsRefused»({'«p0.email»': (550, b'5.1.1 <«p0.email»>: Recipient address rejected: User unknown in virtual mailbox table')})
Traceback (most recent call last):
  File "/app/.venv/lib/python3.11/site-packages/celery/app/trace.py", line 477, in trace_task
    R = retval = fun(*args, **kwargs)
  File "/app/reminders/tasks.py", line 88, in send_appointment_reminder
    msg = build_message(client_name="«p0.full»", when=«date:pydate», clinician="«c0.full», «=credential:LCSW»")
""")
T("jobs", r"""
«ts_iso» pid=«~pid» tid=«b62:6» class=«=job:ClaimSubmitJob» jid=«hex:24» INFO: start
«ts_iso» pid=«~pid» tid=«b62:6» class=ClaimSubmitJob jid=«hex:24@j» elapsed=«duration» WARN: «=exception:Faraday::ClientError»: the server responded with status «=status:400»
«ts_iso» pid=«~pid» class=ClaimSubmitJob jid=«hex:24@j» WARN: body={"subscriber":{"name":"«p0.LF»","member_id":"«p0.plan»","dob":"«p0.dob:hl7»"},"payer":"«payer»","lines":[{"cpt":"«cpt»","charge":"«amount»"}]}
""")
T("jobs", r"""
[«ts_iso»] {taskinstance.py:2698} ERROR - Task failed with exception
Traceback (most recent call last):
  File "/opt/airflow/dags/nightly_statement_export.py", line 142, in render_statement
    raise ValueError(f"guarantor address incomplete: {row['addr1']!r}, {row['city']!r} {row['zip']!r}")
ValueError: guarantor address incomplete: '«p0.addr»', '«p0.city»' ''
[«ts_iso»] {logging_mixin.py:188} INFO - row context: guarantor_acct=«p0.acct» guarantor="«p0.LF»" balance=«amount»
[«ts_iso»] {taskinstance.py:1138} INFO - Marking task as UP_FOR_RETRY. dag_id=«=dag:nightly_statement_export», task_id=render_statement, run_id=«=run_id:scheduled__2024-03-01T03:00:00+00:00», try_number=2
""")
T("jobs", r"""
rq.worker «ts_log» ERROR «=queue:fax-outbound»: «=job:faxing.send_records_packet»(«dbid», to='«fax:e164@f»', cover={'attn': '«c1.full|bsq»', 're': '«p0.full|bsq» DOB «p0.dob:us»'}) («uuid»)
Traceback (most recent call last):
  File "/srv/app/faxing/jobs.py", line 61, in send_records_packet
    resp = gateway.send(to=to, pdf=pdf, cover=cover)
faxing.errors.«=exception:RemoteBusy»: remote «fax:e164@f» busy after 4 attempts (last «=code:SIP 486»)
rq.worker: Moving job to FailedJobRegistry («=exception:RemoteBusy»)
""")
T("jobs", r"""
App\Jobs\SyncPortalAccount failed on redis:«=queue:portal-sync» (attempt 3/3)
Illuminate\Database\QueryException: SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '«p0.email»' for key 'portal_users.portal_users_email_unique' (Connection: mysql, SQL: insert into `portal_users` (`username`, `email`, `mobile`, `updated_at`, `created_at`) values («p0.user», «p0.email», «p0.phone:e164», «ts_sql», «ts_sql»))
#0 /var/www/vendor/laravel/framework/src/Illuminate/Database/Connection.php(«~small»): Illuminate\Database\Connection->runQueryCallback()
Horizon: job «uuid» released to failed_jobs; tags=[«=tag:App\Models\Client»:«dbid»]
""")
T("jobs", r"""
[«ts_log»: INFO/MainProcess] Scheduler: Sending due task crisis-callback-sweep («=task:crisis.tasks.callback_sweep»)
[«ts_log»: WARNING/ForkPoolWorker-«~small»] callback_sweep: «~small» overdue callbacks (sla=«=duration:15m»)
  - ticket=«dbid» caller="«p0.first»" callback=«p0.phone:dash» caller_age=«p0.age» note="lives alone in «p0.city», daughter «p1.full» is out of state"
[«ts_log»: ERROR/ForkPoolWorker-«~small»] «=exception:TwilioRestException»: HTTP 400 error: Unable to create record: The number «p0.phone:e164» is unverified. Trial accounts cannot send messages to unverified numbers
""")
T("jobs", r"""
Sidekiq::DeadSet << {"class":"«=job:TransportReimbursementJob»","queue":"«=queue:billing_low»","args":[{"client_chart":"«p0.mrn»","driver":"«p1.full»","vin":"«vin@v»","plate":"«plate@pl»","miles":«~small»}],"retry_count":25,"jid":"«hex:24»","error_class":"«=exception:ActiveRecord::RecordNotFound»","error_message":"Couldn't find Vehicle with vin=«vin@v» (plate «plate@pl», registered in «p1.city», «p1.state»)","failed_at":«epoch_f»}
""")
T("jobs", r"""
«ts_log» | ERROR   | Flow run '«=flow_run:sly-mongoose»' - Encountered exception during execution:
Traceback (most recent call last):
  File "/opt/flows/eligibility_batch.py", line 61, in submit_270
    raise EligibilityInputError(f"subscriber {sub.member_id} dob {sub.dob:%m/%d/%Y} outside plan window")
«=exception:EligibilityInputError»: subscriber «p0.plan» dob «p0.dob:us» outside plan window
«ts_log» | INFO    | Flow run 'sly-mongoose' - Finished in state Failed('Flow run encountered an exception. EligibilityInputError: subscriber «p0.plan» dob «p0.dob:us» outside plan window')
""")
T("jobs", r"""
Hangfire.Server.Worker: Error occurred during execution of 'Worker #«~small»' process. Execution will be retried (attempt #3 of 10) in 00:01:00.
System.FormatException: The Social Security number '«p0.ssn:space»' is not in the expected format.
   at Tidewell.Billing.Guarantors.SsnValue.Parse(String raw) in /src/Billing/Guarantors/SsnValue.cs:line 44
   at Tidewell.Billing.Jobs.«=job:GuarantorImportJob».ImportRow(GuarantorRow row) in /src/Billing/Jobs/GuarantorImportJob.cs:line «~small»
   row = { Name = «p0.LF», Account = «p0.acct», Zip = «p0.zip:zip9», Phone = «p0.phone:one» }
""")
C("jobs", r"""
[«ts_log»: WARNING/MainProcess] consumer: Connection to broker lost. Trying to re-establish the connection...
kombu.exceptions.OperationalError: [Errno 111] Connection refused (amqp://svc-reminders@«infra_ip»:«=port:5672»//)
[«ts_log»: INFO/MainProcess] Task «=task:reminders.tasks.send_batch»[«uuid»] retry: Retry in 30s: OperationalError
Will retry «~small» more times; grace period for late reminders is «=duration:900s».
""")
C("jobs", r"""
[«ts_iso»] {taskinstance.py:2698} ERROR - Task failed with exception
requests.exceptions.HTTPError: «=status:429» Client Error: Too Many Requests for url: https://api.availity.com/availity/v1/coverages?payerId=«=code:60054»
[«ts_iso»] {taskinstance.py:1138} INFO - Marking task as UP_FOR_RETRY. dag_id=«=dag:payer_roster_refresh», task_id=pull_coverages, job_id=«dbid»
payer=«payer» rows_in=«count» rows_out=«count» elapsed=«duration»
""")
C("jobs", r"""
«ts_iso» pid=«~pid» tid=«b62:6» class=«=job:HardDeleteExpiredSessionsJob» jid=«hex:24» INFO: done: «duration»
«ts_iso» pid=«~pid» tid=«b62:6» class=«=job:ChargeBatchJob» jid=«hex:24» WARN: «=exception:Stripe::CardError»: Your card was declined. customer=«stripe» amount=«amount» invoice=«=invoice_id:in_»«b62:14»
«ts_iso» pid=«~pid» tid=«b62:6» class=ChargeBatchJob INFO: will bill remaining «count» invoices after grace window (mark=«=flag:dunning_v2»)
""")

# ----- pandas / numpy printouts inside tracebacks
T("pandas", r"""
Traceback (most recent call last):
  File "/srv/etl/recon/eligibility_merge.py", line 77, in reconcile
    merged = roster.merge(eligibility, on="member_id", validate="one_to_one")
  File "/srv/etl/.venv/lib/python3.11/site-packages/pandas/core/frame.py", line 10487, in merge
    return merge(
«=exception:pandas.errors.MergeError»: Merge keys are not unique in right dataset; not a one-to-one merge
(Pdb) eligibility[eligibility.member_id.duplicated(keep=False)]
           member_id      last_name   first_name         dob    payer
«~small»   «p0.plan»   «p0.last»   «p0.first»   «p0.dob:iso»   «payer@py»
«~small»   «p0.plan»   «p0.last»   «p0.first»   «p0.dob:iso»   «payer@py»
""")
T("pandas", r"""
  File "/srv/etl/guarantor_load.py", line 133, in normalise
    df["ssn_int"] = df["ssn"].astype(np.int64)
«=exception:ValueError»: invalid literal for int() with base 10: '«p0.ssn:dash»'
> /srv/etl/guarantor_load.py(133)normalise()
(Pdb) p df["ssn"].to_numpy()[:3]
array(['«ssn:bare»', '«p0.ssn:dash»', nan], dtype=object)
(Pdb) p df.loc[df.ssn == '«p0.ssn:dash»', ['guarantor', 'acct']].values
array([['«p0.full|bsq»', '«p0.acct»']], dtype=object)
""")
T("pandas", r"""
KeyError: 'zip5'

The above exception was the direct cause of the following exception:
  File "/srv/etl/mailing/statement_addresses.py", line 52, in <lambda>
    lambda r: f"{r['street']}\n{r['city']}, {r['state']} {r['zip5']}"
(Pdb) r
client_id                   «dbid»
display_name     «p0.full»
street           «p0.addr»
city             «p0.city»
state            «p0.state»
zip9             «p0.zip:zip4»
phone_home       «p0.phone:dot»
balance          «amount»
Name: «~small», dtype: object
""")
T("pandas", r"""
ValueError: time data "«p0.dob:dmy»" doesn't match format "%m/%d/%Y", at position «~small». You might want to try:
    - passing `format` if your strings have a consistent format;
    - passing `format='ISO8601'` if your strings are all ISO8601 but not necessarily in exactly the same format;
    - passing `format='mixed'`, and the format will be inferred for each element individually. You might want to use `dayfirst` alongside this.
while parsing column "«=column:birth_date»" for «p0.UPPER» (chart «p0.mrn») in intake_batch_«hex:8».csv
""")
T("pandas", r"""
  File "/srv/analytics/geri_panel.py", line 40, in export_panel
    assert not (arr["age"] > 89).any(), arr[arr["age"] > 89]
AssertionError: [(«dbid», b'«p0.hl7»', b'«p0.mrn»', «p0.age»)]
(Pdb) arr.dtype
dtype([('id', '<i8'), ('name', 'S40'), ('mrn', 'S12'), ('age', '<i2')])
(Pdb) arr.size
«count»
hint: ages over 89 must be bucketed before export (see «=policy:DATA-14»)
""")
T("pandas", r"""
>>> caseload.groupby(["rendering_npi", "clinician"]).size()
rendering_npi  clinician
«c0.npi»     «c0.LF»        «~small»
«c1.npi»     «c1.LF»        «~small»
dtype: int64
Traceback (most recent call last):
  File "/srv/analytics/caseload_check.py", line 29, in <module>
    assert len(active) == 2, f"expected 2 active NPIs, got {len(active)}"
«=exception:AssertionError»: expected 2 active NPIs, got 1
""")
T("pandas", r"""
pandas.errors.ParserError: Error tokenizing data. C error: Expected 7 fields in line «~small», saw 8
  while reading s3://tw-exports-prod/roster/«hex:12».csv (engine=c, «=encoding:utf-8»)
offending line: «p0.mrn»,"«p0.lf»",«p0.dob:us»,«p0.phone:dash»,«p0.addr:dir»,«p0.unit»,«p0.city»,«p0.zip»
""")
T("pandas", r"""
numpy.core._exceptions._UFuncNoLoopError: ufunc 'subtract' did not contain a loop with signature matching types (<class 'numpy.dtypes.DateTime64DType'>, <class 'numpy.dtypes.StrDType'>) -> None
  File "/srv/analytics/gap_report.py", line 88, in days_between
    gaps = visits[1:] - visits[:-1]
(Pdb) visits
array(['«date:iso»', '«date:iso»', «date:np»], dtype=object)
(Pdb) client
Client(id=«dbid», name='«p0.full|bsq»', primary_dx='«icd»', clinician='«c0.init|bsq»')
""")
C("pandas", r"""
  File "/srv/analytics/phq_trends.py", line 31, in summarise
    raise ValueError(f"unexpected score range:\n{desc}")
ValueError: unexpected score range:
       phq9_total   gad7_total   age_years
count  «count».000000  «count».000000  «count».000000
mean     11.418033    9.212000   41.880000
std       6.102119    5.110992   13.402201
min       0.000000    0.000000   18.000000
max      31.000000   21.000000   84.000000
instruments: «=loinc:44249-1» (PHQ-9) / «=loinc:69737-5» (GAD-7)
""")
C("pandas", r"""
ValueError: operands could not be broadcast together with shapes («~small»,) («~small»,3)
  File "/srv/ml/noshow_model/features.py", line 118, in build
    X = np.hstack([base, onehot(cpt_codes)])
(Pdb) cpt_codes[:6]
array(['«cpt»', '«cpt»', '«cpt»', '«=cpt:90785»', '«cpt»', '«cpt»'], dtype='<U5')
model_version=«ver» run=«uuid» features_sha=«hex:12»
""")

# ----- framework debug pages rendered to text
T("debugpage", r"""
IntegrityError at /intake/submit/
duplicate key value violates unique constraint "intake_client_ssn_key"
DETAIL:  Key (ssn)=(«p0.ssn:dash») already exists.

Request Method:⇥POST
Request URL:⇥https://«~practice_host»/intake/submit/?ref=«=ref:gmb»
Django Version:⇥«ver»
Exception Type:⇥«=exception:IntegrityError»
Exception Location:⇥/app/.venv/lib/python3.12/site-packages/django/db/backends/utils.py, line 105, in _execute
Server time:⇥«ts_http»

POST
Variable⇥Value
csrfmiddlewaretoken⇥'«hex:64»'
first_name⇥'«p0.first|bsq»'
last_name⇥'«p0.last|bsq»'
date_of_birth⇥'«p0.dob:us»'
ssn⇥'«p0.ssn:dash»'
mobile⇥'«p0.phone:paren»'
""")
T("debugpage", r"""
ActiveRecord::RecordInvalid in Clients::EmergencyContactsController#create

Validation failed: Phone is invalid, Relationship can't be blank

Rails.root: /srv/tidewell

app/controllers/clients/emergency_contacts_controller.rb:«~small»:in `create'

Request
Parameters:
{"authenticity_token"=>"[FILTERED]",
 "emergency_contact"=>{"name"=>"«p1.full»", "phone"=>"«p1.phone:dot» x«~small»", "relationship"=>"", "email"=>"«p1.email»"},
 "chart_number"=>"«p0.mrn»",
 "commit"=>"Save"}
«=exception:ActiveRecord::RecordInvalid» · Rails «ver» · request_id=«uuid»
""")
T("debugpage", r"""
ErrorException
Undefined array key "zip"

at app/Http/Controllers/ReferralController.php:118
    114▕         $referral = $request->validated();
    115▕         $payload = [
    116▕             'patient'  => $referral['patient_name'],
    117▕             'street'   => $referral['street'],
  ➜ 118▕             'zip'      => $referral['zip'],
    119▕         ];

$referral = array:7 [
  "patient_name" => "«p0.full»"
  "street" => "«p0.addr»"
  "town" => "«p0.city»"
  "postcode" => "«p0.zip»"
  "referring_fax" => "«c1.fax:dash»"
  "referring_provider" => "«c1.full»"
  "referring_npi" => "«c1.npi»"
]
«=exception:ErrorException» · Laravel «ver» · PHP 8.3.«~small»
""")
T("debugpage", r"""
Environment:
Request Method: POST
Request URL: https://«~practice_host»/billing/refund/«dbid»/
Traceback (most recent call last):
  File "/app/billing/views.py", line 212, in refund
    stripe.Refund.create(charge=charge_id, amount=cents)
Local vars:
  account_no = '«p0.acct»'
  charge_id = 'ch_«b62:24»'
  cents = «~cents»
  patient = <Client: «p0.LF» («p0.mrn»)>
  guarantor_email = '«p1.email»'
Exception Type: «=exception:InvalidRequestError» at /billing/refund/
Exception Value: Charge ch_… has already been refunded.
""")
T("debugpage", r"""
Started GET "⟦URL:/portal/verify/«p0.email|url»/«~hex:32@t»⟧" for «p0.ip4» at «ts_rails»

ActionController::RoutingError (No route matches [GET] "⟦URL:/portal/verify/«p0.email|url»/«~hex:32@t»⟧"):

actionpack («ver») lib/action_dispatch/middleware/debug_exceptions.rb:«~small»:in `call'
actionpack («ver») lib/action_dispatch/middleware/show_exceptions.rb:«~small»:in `call'
«=exception:ActionController::RoutingError» rendered in «duration»
""")
T("debugpage", r"""
Page not found (404)
No SessionNote matches the given query.
Request Method:⇥GET
Request URL:⇥⟦URL:https://app.tidewell.health/charts/«p0.mrn»/notes/«~dbid@n»/print?from=calendar⟧
Raised by:⇥«=module:notes.views.print_note»
Using the URLconf defined in tidewell.urls, Django tried these URL patterns, in this order:
    admin/
    charts/<str:chart_no>/notes/<int:pk>/print [name='note-print']
The current path, ⟦URL:charts/«p0.mrn»/notes/«~dbid@n»/print⟧, matched the last one.
""")
T("debugpage", r"""
Illuminate\Validation\ValidationException: The odometer end field must be greater than «=count:41200».
{"message":"The odometer end field must be greater than 41200.","errors":{"odometer_end":["The odometer end field must be greater than 41200."]},"old":{"client":"«p0.full|jsonu»","vehicle_vin":"«vin»","vehicle_plate":"«plate»","trip_date":"«date:iso»","pickup":"«p0.addr»"}}
route=transport.claims.store status=«=status:422» user=«dbid»
""")
T("debugpage", r"""
TemplateSyntaxError at /letters/preview/«dbid»/
Invalid filter: 'phone_format'
In template /app/letters/templates/letters/roi_letter.html, error at line 14
   12 : <p>Re: {{ client.legal_name }} (DOB {{ client.dob|date:"m/d/Y" }})</p>
   13 : <p>Dear {{ recipient.name }},</p>
   14 : <p>Please fax records to {{ practice.fax|phone_format }}</p>
context: client.legal_name = '«p0.full|html»', recipient.name = '«c1.full|html»', client.dob = «p0.dob:pydate», recipient.fax = '«c1.fax:bare»'
«=exception:TemplateSyntaxError» · Django «ver»
""")
C("debugpage", r"""
DisallowedHost at /healthz
Invalid HTTP_HOST header: '«infra_ip@h»:«=port:8000»'. You may need to add '«infra_ip@h»' to ALLOWED_HOSTS.
Request Method:⇥GET
Request URL:⇥http://«infra_ip@h»:8000/healthz
Django Version:⇥«ver»
Exception Type:⇥«=exception:DisallowedHost»
Server time:⇥«ts_http»
META: HTTP_USER_AGENT = 'kube-probe/1.29' REMOTE_ADDR = '«infra_ip»'
""")
C("debugpage", r"""
PG::ConnectionBad (connection to server at "«infra_ip»", port «=port:5432» failed: FATAL:  remaining connection slots are reserved for non-replication superuser connections):
activerecord («ver») lib/active_record/connection_adapters/postgresql_adapter.rb:«~small»:in `rescue in new_client'
Completed 500 Internal Server Error in «duration» (ActiveRecord: 0.0ms | Allocations: «count»)
request_id=«uuid» controller=Billing::StatementsController#index
""")

# ----- Elasticsearch / OpenSearch
T("search", r"""
{"error":{"root_cause":[{"type":"query_shard_exception","reason":"failed to create query: For input string: \"«p0.phone:dash»\"","index":"«=index:clients-v7»"}],"type":"search_phase_execution_exception","reason":"all shards failed","phase":"query","grouped":true},"status":«=status:400»}
request body: {"query":{"bool":{"should":[{"term":{"phone_e164":"«p0.phone:dash»"}},{"match":{"full_name":{"query":"«p0.full»","fuzziness":"AUTO"}}}],"minimum_should_match":1}},"size":5}
caller=«=service:front-desk-search» took=«duration»
""")
T("search", r"""
{"error":{"root_cause":[{"type":"mapper_parsing_exception","reason":"failed to parse field [client.dob] of type [date] in document with id '«uuid@d»'. Preview of field's value: '«p0.dob:dmon»'"}],"type":"mapper_parsing_exception","reason":"failed to parse field [client.dob] of type [date] in document with id '«uuid@d»'.","caused_by":{"type":"illegal_argument_exception","reason":"failed to parse date field [«p0.dob:dmon»] with format [strict_date_optional_time||epoch_millis]"}},"status":«=status:400»}
bulk item source: {"name":"«p0.full»","mrn":"«p0.mrn»","dob":"«p0.dob:dmon»","index":"«=index:clients-v7»"}
""")
T("search", r"""
[«ts_log»][WARN ][o.o.s.SearchService] [«=node:os-data-1»] failed to execute query: too_many_nested_clauses: Query contains too many nested clauses; maxClauseCount is set to 1024
query excerpt: {"bool":{"filter":[{"terms":{"mrn.keyword":["«mrn@a»","«mrn@b»","«p0.mrn»","«mrn@c»" … («count» more)]}},{"range":{"last_seen":{"gte":"now-90d/d"}}}]}}
caller=«=service:outreach-campaigns» campaign=«dbid» shards=«~small»
""")
T("search", r"""
[«ts_log»][WARN ][index.search.slowlog.query] [«=node:es-data-2»] [«=index:clients-v7»][3] took[«duration»], took_millis[«count»], total_hits[«~small» hits], search_type[QUERY_THEN_FETCH], total_shards[6], source[{"query":{"query_string":{"query":"\"«p0.full»\" AND city:\"«p0.city»\" AND zip:«p0.zip»","default_operator":"AND"}}}], id[«uuid»]
""")
T("search", r"""
{"index":{"_index":"«=index:contacts-v2»","_id":"«uuid»","status":400,"error":{"type":"document_parsing_exception","reason":"[1:88] failed to parse field [contact.last_ip] of type [ip] in document with id '«uuid@x»'. Preview of field's value: '«p1.email»'","caused_by":{"type":"illegal_argument_exception","reason":"'«p1.email»' is not an IP string literal."}}}}
source: {"contact":{"name":"«p1.full»","relationship":"«=relationship:guardian»","last_ip":"«p1.email»","email":"«p1.ip4»"},"client_mrn":"«p0.mrn»"}
""")
T("search", r"""
{"type":"ingest_processor_exception","reason":"java.lang.IllegalArgumentException: field [source.geo] not present as part of path [source.geo.city_name]","processor_type":"geoip","pipeline":"«=pipeline:portal-logins»"}
document: {"@timestamp":"«ts_iso»","user.name":"«p0.user»","source.ip":"«p0.ip4»","user_agent.original":"Mozilla/5.0 (Linux; Android 14; SM-S918U) AppleWebKit/537.36","event.outcome":"failure","portal.chart":"«p0.mrn»"}
""")
T("search", r"""
version_conflict_engine_exception: [«p0.mrn»]: version conflict, required seqNo [«count»], primary term [«~small»]. current document has seqNo [«count»] and primary term [«~small»]
index=«=index:charts-2024.03» op=update retry_on_conflict=0 took=«duration»
partial doc: {"doc":{"preferred_name":"«p0.alt»","pronouns":"they/them","emergency_contact":{"name":"«p1.full»","phone":"«p1.phone:intl»"}}}
""")
C("search", r"""
{"cluster_name":"«=cluster:tw-search-prod»","status":"red","timed_out":false,"number_of_nodes":5,"number_of_data_nodes":3,"active_primary_shards":«count»,"unassigned_shards":«count»}
[«ts_log»][WARN ][o.o.c.r.a.DiskThresholdMonitor] [«=node:os-master-0»] high disk watermark [90%] exceeded on [«b62:22»][os-data-2][/usr/share/opensearch/data/nodes/0] free: 4.1gb[8.2%], shards will be relocated away from this node
transport address «infra_ip»:«=port:9300»
""")
C("search", r"""
{"error":{"root_cause":[{"type":"query_shard_exception","reason":"failed to create query: Can only use wildcard queries on keyword and text fields - not on [dx.code] which is of type [long]","index":"«=index:claims-v3»"}],"status":400}
request: {"query":{"bool":{"should":[{"wildcard":{"dx.code":"«icd»*"}},{"term":{"cpt":"«cpt»"}},{"term":{"payer.name.keyword":"«payer»"}}]}},"size":50}
took «duration», shard failures: «~small»
""")

# ----- Kafka / Kinesis / Debezium record dumps
T("stream", r"""
% Reached end of topic appointments.v2 [1] at offset «offset»
Topic «=topic:appointments.v2» [3] at offset «offset» (key: «uuid») headers: trace-id=«hex:32»
{"event":"AppointmentBooked","client":{"mrn":"«p0.mrn»","name":"«p0.full»","mobile":"«p0.phone:e164»"},"slot":{"date":"«date:iso»","start":"15:00","cpt":"«cpt»"},"clinician_npi":"«c0.npi»"}
kcat: consumer error: Broker: Offset out of range
""")
T("stream", r"""
org.apache.kafka.common.errors.RecordDeserializationException: Error deserializing key/value for partition intake-events-«~small» at offset «offset». If needed, please seek past the record to continue consumption.
Caused by: com.fasterxml.jackson.databind.exc.InvalidFormatException: Cannot deserialize value of type `java.time.LocalDate` from String "«p0.dob:us»": Failed to deserialize java.time.LocalDate: (java.time.format.DateTimeParseException) Text '«p0.dob:us»' could not be parsed at index 0
 at [Source: (byte[])"{"intakeId":«dbid»,"legalName":"«p0.full»","dob":"«p0.dob:us»","ssn":"«p0.ssn:bare»","consent":true}"; line: 1, column: «~small»]
""")
T("stream", r"""
START RequestId: «uuid» Version: $LATEST
«ts_iso»⇥«uuid@r»⇥ERROR⇥Invoke Error ⇥{"errorType":"TypeError","errorMessage":"Cannot read properties of undefined (reading 'zip')","stack":["TypeError: Cannot read properties of undefined (reading 'zip')","    at normalizeAddress (/var/task/index.js:«~small»:«~small»)"]}
«ts_iso»⇥«uuid@r»⇥INFO⇥record {"kinesis":{"partitionKey":"«p0.mrn»","sequenceNumber":"«seqnum»","approximateArrivalTimestamp":«epoch_f»},"decoded":{"client":"«p0.full»","address":{"line1":"«p0.addr»","city":"«p0.city»","region":"«p0.state»"}}}
END RequestId: «uuid@r»
""")
T("stream", r"""
{"before":{"id":«dbid@c»,"phone_mobile":"«phone:dash@old»","email":"«email@old»","updated_by":«~small»},"after":{"id":«dbid@c»,"phone_mobile":"«p0.phone:dash»","email":"«p0.email»","updated_by":«~small»},"source":{"version":"«ver».Final","connector":"postgresql","name":"pm","db":"pm","schema":"public","table":"«=table:clients»","lsn":«lsn»},"op":"u","ts_ms":«epoch_ms»}
debezium sink: schema mismatch on field phone_mobile (expected INT64)
""")
T("stream", r"""
[«ts_log»] ERROR WorkerSinkTask{id=«=connector:pg-sink-intake»-0} Error converting message value in topic 'intake.forms.v1' partition «~small» at offset «offset» and timestamp «epoch_ms»: Converting byte[] to Kafka Connect data failed due to serialization error
DLQ record headers:
  __connect.errors.topic=intake.forms.v1
  __connect.errors.exception.class.name=org.apache.kafka.connect.errors.DataException
  __connect.errors.exception.message=Field 'guardian_ssn' expected INT64, got STRING "«p1.ssn:dash»"
value preview: {"form":"minor-intake","child":"«p0.full»","child_dob":"«p0.dob:us»","guardian":"«p1.full»","guardian_ssn":"«p1.ssn:dash»"}
""")
T("stream", r"""
{"errorCode":"Lambda.FunctionError","errorMessage":"The Lambda function was successfully invoked but it returned an error result.","attemptsMade":4,"arrivalTimestamp":«epoch_ms»,"lambdaArn":"arn:aws:lambda:us-west-2:«awsacct»:function:«=service:wearable-normalizer»:$LATEST"}
decoded record: {"device":{"serial":"«serial:watch»","imei":"«imei»","mac":"«mac»"},"owner_mrn":"«p0.mrn»","sleep_minutes":«~small»,"src_ip":"«p0.ip4»"}
""")
T("stream", r"""
«ts_log» WARN  [transport-matcher-StreamThread-«~small»] o.a.k.s.p.i.RecordCollectorImpl : stream-thread [transport-matcher-StreamThread-1] task [0_«~small»] Error sending record to topic «=topic:rides.matched» due to org.apache.kafka.common.errors.RecordTooLargeException
key=«p0.mrn» value={"rider":"«p0.full»","pickup":"«p0.addr», «p0.city» «p0.state» «p0.zip»","appt_date":"«date:iso»","vehicle":{"plate":"«plate»","vin":"«vin»"},"driver_phone":"«p1.phone:e164»"}
""")
C("stream", r"""
$ kafka-consumer-groups.sh --bootstrap-server «infra_ip@b»:«=port:9092» --describe --group «=service:notify-worker»
GROUP          TOPIC               PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG     HOST
notify-worker  «=topic:sms.outbound.v2»     0          «offset»        «offset»         «count»   /«infra_ip»
notify-worker  sms.outbound.v2     1          «offset»        «offset»         «count»   -
Warning: Consumer group 'notify-worker' is rebalancing.
""")
C("stream", r"""
com.amazonaws.services.kinesis.model.ProvisionedThroughputExceededException: Rate exceeded for shard «shard» in stream «=stream:audit-events» under account «awsacct». (Service: AmazonKinesis; Status Code: 400; Error Code: ProvisionedThroughputExceededException; Request ID: «uuid»; Proxy: null)
last sequenceNumber=«seqnum» backoff=«duration»
""")

# ----- Terraform / Ansible / GitHub Actions / CI
T("infra", r"""
Run python manage.py backfill_portal_usernames --batch-size 500
  python manage.py backfill_portal_usernames --batch-size 500
  shell: /usr/bin/bash -e {0}
  env:
    DJANGO_SETTINGS_MODULE: tidewell.settings.staging
Processed «count» clients...
Traceback (most recent call last):
  File "/home/runner/work/pm/pm/portal/management/commands/backfill_portal_usernames.py", line 58, in handle
    raise UsernameTaken(candidate, client)
portal.errors.«=exception:UsernameTaken»: «p0.user» (client «p0.mrn», «p0.email»)
Error: Process completed with exit code 1.
""")
T("infra", r"""
╷
│ Error: uploading S3 Object (⟦URL:intake-scans-staging/«p0.mrn»/insurance_card_front.jpg⟧): operation error S3: PutObject, https response error StatusCode: 403, RequestID: «b62:16», api error AccessDenied: Access Denied
│
│   with aws_s3_object.fixture_cards["«p0.mrn»"],
│   on fixtures.tf line «~small», in resource "aws_s3_object" "fixture_cards":
│   «~small»: resource "aws_s3_object" "fixture_cards" {
╵
Releasing state lock. This may take a few moments...
terraform «=version:v1.7.4» exit 1 after «duration»
""")
T("infra", r"""
TASK [pm_datafix : resend welcome sms to migrated clients] *************************
failed: [worker-2.prod.internal] (item={'client': '«p0.full|bsq»', 'to': '«p0.phone:e164»', 'chart': '«p0.mrn»'}) => {"ansible_loop_var": "item", "changed": false, "msg": "Twilio error «=code:21211»: The 'To' number «p0.phone:e164» is not a valid phone number.", "status": 400}
...ignoring
PLAY RECAP *********************************************************************
worker-2.prod.internal     : ok=«~small»    changed=0    unreachable=0    failed=1    skipped=0    rescued=0    ignored=1
""")
T("infra", r"""
FAIL src/components/PatientHeader.test.tsx
  ● PatientHeader › renders demographics for returning client

    expect(received).toMatchSnapshot()

    Snapshot name: `PatientHeader renders demographics for returning client 1`

    - Snapshot  - 2
    + Received  + 2

    -       «p1.full» · DOB «p1.dob:us» · MRN «p1.mrn»
    +       «p0.full» · DOB «p0.dob:us» · MRN «p0.mrn»
    -       «p1.addr», «p1.city», «p1.state»
    +       «p0.addr», «p0.city», «p0.state»
Tests:       1 failed, «count» passed, «count» total
Error: Process completed with exit code 1.
""")
T("infra", r"""
Terraform will perform the following actions:

  # aws_ses_email_identity.clinician["«c0.slug»"] will be created
  + resource "aws_ses_email_identity" "clinician" {
      + arn   = (known after apply)
      + email = "«c0.email»"
      + id    = (known after apply)
    }

Plan: 1 to add, 0 to change, 0 to destroy.
╷
│ Error: creating SES email identity («c0.email»): operation error SES: VerifyEmailIdentity, «=exception:LimitExceededException»: Max sending identities reached
""")
T("infra", r"""
TASK [ldap_users : ensure clinician accounts] ********************************
failed: [ldap-1.internal] (item={'uid': '«c0.user»', 'cn': '«c0.full|bsq»', 'mail': '«c0.email»', 'license': '«c0.slic»', 'npi': '«c0.npi»'}) => {"changed": false, "details": "Naming violation", "msg": "Entry could not be added: {'desc': 'Naming violation', 'info': \"value of naming attribute 'uid' is not present in entry\"}"}
ansible-playbook «=version:2.16.3» exit 2
""")
T("infra", r"""
  1) Eligibility › shows Medicare secondary for dual-eligible client
     «=exception:CypressError»: Timed out retrying after 10000ms: Expected to find content: '«p0.plan:mbid»' within the selector: '[data-test=coverage-secondary]' but never did.
      at Context.eval (webpack:///./cypress/e2e/eligibility.cy.ts:«~small»:«~small»)
  fixture cypress/fixtures/dual_eligible.json → {"name":"«p0.full»","dob":"«p0.dob:iso»","medicare":"«p0.plan:mbi»","medicaid":"«plan:mcd»","address":"«p0.addr»"}
  Screenshot: /home/runner/work/pm/pm/cypress/screenshots/eligibility.cy.ts/dual-eligible (failed).png
""")
C("infra", r"""
  # aws_security_group_rule.mllp_ingress will be updated in-place
  ~ resource "aws_security_group_rule" "mllp_ingress" {
      ~ cidr_blocks       = [
          - "10.20.0.0/16",
          + "«infra_ip»/32",
        ]
        from_port         = «=port:2575»
        id                = "«sgrule»"
    }
Plan: 0 to add, 1 to change, 0 to destroy.
Warning: Argument is deprecated (provider registry.terraform.io/hashicorp/aws «=version:v5.40.0»)
""")
C("infra", r"""
Run actions/checkout@v4
Syncing repository: tidewell/pm
HEAD is now at «sha7» Merge pull request #«dbid» from tidewell/chore/bump-celery
Run docker/build-push-action@v5
#12 [builder 4/9] RUN pip install -r requirements.lock
#12 «duration» ERROR: Could not find a version that satisfies the requirement jenkins-job-builder==«ver» (from versions: none)
Will not retry: mark this run as failed. Hope the cache is warm next time.
Error: buildx failed with: ERROR: failed to solve: process "/bin/sh -c pip install -r requirements.lock" did not complete successfully: exit code: 1
""")

# ----- SMS gateways and text messages
T("sms", r"""
POST /hooks/twilio/status → 200 in «duration»
body: SmsSid=«sid:SM»&SmsStatus=undelivered&MessageStatus=undelivered&To=«p0.phone:e164|url»&MessagingServiceSid=«sid:MG»&AccountSid=«sid:AC»&ErrorCode=«=code:30006»&ApiVersion=«=version:2010-04-01»
matched client «p0.mrn» («p0.LF»); marking mobile as landline-suspect
""")
T("sms", r"""
{"ToCountry":"US","SmsMessageSid":"«sid:SM»","NumMedia":"0","FromZip":"«p0.zip»","FromCity":"«p0.city|upper»","Body":"this is «p0.lower» i need to move my appt on «date:mdlong» can u call me back at «p0.phone:dash» thx","From":"«p0.phone:e164»","ApiVersion":"«=version:2010-04-01»"}
sms-inbound: no open thread for sender; created task «dbid» for front desk
""")
T("sms", r"""
[sms-inbound] «ts_iso» unmatched sender «phone:paren» (carrier lookup: mobile, «=carrier:Verizon Wireless»)
  body: "hi its «p1.first» «p0.first»'s mom she wont make it tmrw, shes at «=facility:St. Vincent» since sat. her new cell is «p0.phone:dash». dob «p0.dob:us2» if u need it"
  suggested matches: «p0.mrn» (score 0.71), «mrn» (score 0.42)
""")
T("sms", r"""
lookup v2 response 200 («duration»)
{"calling_country_code":"1","country_code":"US","phone_number":"«p0.phone:e164»","national_format":"«p0.phone:paren»","valid":true,"caller_name":{"caller_name":"«p0.UPPERLF»","caller_type":"CONSUMER","error_code":null},"line_type_intelligence":{"carrier_name":"«=carrier:T-Mobile USA, Inc.»","type":"mobile"}}
identity-check: caller_name mismatch vs chart «p0.mrn» legal name "«p0.full»" (score 0.38)
""")
T("sms", r"""
smpp-gw «ts_log» DLR id:«hex:20» sub:001 dlvrd:000 submit date:«smppdate» done date:«smppdate» stat:UNDELIV err:«=code:0x0000000B» text:Reminder: «p0.first», your
  dest_addr=«p0.phone:e164n» src_addr=«=shortcode:88422» esm_class=0x04 seq=«~small»
""")
T("sms", r"""
sms-inbound from «p0.phone:intl2»: "Im at the wrong office?? i went to «addr» but the sign says «=facility:Blue Heron Behavioral Health». my appt is w/ «c0.first» at 3, can someone text me the right address"
auto-reply suppressed: quiet hours; routed to «=queue:front-desk»
""")
C("sms", r"""
twilio debugger event: {"sid":"«sid:NO»","level":"WARNING","error_code":"«=code:11200»","more_info":"https://www.twilio.com/docs/errors/11200","payload":{"resource_sid":"«sid:SM»","service_sid":"«sid:MG»","webhook":{"request":{"url":"https://hooks.tidewell.health/twilio/inbound","method":"POST"},"response":{"status_code":«=status:502»,"body":"upstream connect error"}}}}
will retry with backoff «=duration:30s»; hope to drain «count» queued messages
""")
C("sms", r"""
sms-templates: render failed for template «=template:appt_reminder_v3» (locale es-MX): missing variable {{clinician_first}}
  text: "Hola {{client_first}}, le recordamos su cita con {{clinician_first}} el {{appt_date}}. Responda C para confirmar, R para reprogramar. STOP para cancelar."
  segments=2 encoding=UCS-2 short_code=«=shortcode:88422»
""")

# ----- multilingual messages
T("i18n", r"""
portal-messages: language=es auto-translate failed (quota exceeded, «=status:429»)
original: "Buenas tardes, soy «p0.full». Necesito cambiar mi cita del «date:es» porque no tengo transporte. Mi número nuevo es «p0.phone:dash» y mi correo es «p0.email». También necesito una cita para mi abuela «p1.full», que ya tiene «p1.age:es» años. Gracias, que Dios le bendiga."
thread=«dbid» clinician=«c0.init»
""")
T("i18n", r"""
sms-inbound [lang=«=language:ht» detected 0.8] from «p1.phone:ht»:
"Bonjou, se «p1.full», pitit fi «p0.full». Manman m gen «p0.age:ht» an, li pa ka vini randevou «date:ht_md» la. Tanpri rele m nan nimewo sa a oswa «p1.phone:dash». Mèsi anpil."
routing: no chart match on sender; fuzzy name match → «p0.mrn»
""")
T("i18n", r"""
interpreter-request: lang=so
"Salaan, magacaygu waa «p0.full». Ballanta «date:so» ma iman karo sababtoo ah hooyaday «p1.full» oo «p1.age:so» jir ah waa bukaan. Fadlan i soo wac «p0.phone:dash». Cinwaankayga cusub: «p0.addr», «p0.city»."
requested_by=«c0.full» hcpcs=«=cpt:T1013»
""")
T("i18n", r"""
portal message [tl]: "Magandang hapon po. Ako po si «p1.full», apo ni «p0.full». Siya po ay «p0.age:tl» taong gulang na at hindi na po makapag-log in. Pwede po bang tawagan ako sa «p1.phone:ph» o «p1.email»? Salamat po."
flags: «=flag:third-party-sender», needs-ROI; chart «p0.mrn»
""")
T("i18n", r"""
sms [pl] od «p0.phone:pl»: "Dzień dobry, tu «p0.full», urodzona «p0.dob:pl». Proszę o przełożenie wizyty u dr «c0.last» z «date:pl_md» na inny termin. Przyjdę z mamą, «p1.full», ma już «p1.age:pl» lat. Mój nowy adres: «p0.addr», «p0.city» «p0.zip»."
matched chart «p0.mrn» by dob+name; thread=«dbid»
""")
T("i18n", r"""
whatsapp-bridge: inbound [ar-Latn] media=none
"marhaba, ana «p0.full», 3ndi maw3id ma3 «c0.first» yom «date:ar_md». raqam el-mobile el-jdeed «p0.phone:dash» w el-email «p0.email». sitti «p1.full» 3omrha «p1.age:ar» sana w bidha tiji ma3i. shukran kteer"
bridge_msg_id=wamid.«b62:32»
""")
T("i18n", r"""
call-summary [hi-Latn, auto-transcribed]
"namaste, main «p1.full» bol rahi hoon. meri dadi «p0.full» «p0.age:hi» saal ki hain, unka janam «p0.dob:hi» ko hua tha. unki dawai ka Rx number «rx» hai. mera number «p1.phone:in» hai."
transcript_conf=0.81 duration=«duration»
""")
T("i18n", r"""
portal message [vi]: "Chào bác sĩ «c0.last», tôi là «p0.native». Tôi sinh ngày «p0.dob:vi». Tôi muốn đổi lịch hẹn sang tuần sau. Số điện thoại: «p0.phone:dash»."
auto-translate: ok (model «=model:nllb-200-distilled-600M»), chart «p0.mrn»
""")
T("i18n", r"""
sms [uk-Latn] vid «p0.phone:ua»: "Dobryi den, tse «p0.full». Moia zustrich «date:uk» — ya ne zmozhu pryity. Chy mozhna onlain? Moia adresa teper «p0.addr», «p0.city». Diakuiu."
routing: clinician «c0.full» (speaks uk, ru) via «=queue:intake-multilingual»
""")
T("i18n", r"""
intake-es: ValidationError en campo "fecha_de_nacimiento" (formato esperado AAAA-MM-DD)
{"nombre":"«p0.first»","apellidos":"«p0.last»","fecha_de_nacimiento":"«p0.dob:dmy»","teléfono_celular":"«p0.phone:mx»","correo":"«p0.email»","dirección":{"calle":"«p0.addr»","ciudad":"«p0.city»","código_postal":"«p0.zip»"},"contacto_de_emergencia":{"nombre":"«p1.full»","parentesco":"madre","teléfono":"«p1.phone:dash»"}}
form=«=form:intake-es-mx-v4» request_id=«uuid»
""")
T("i18n", r"""
formularz-rejestracyjny: walidacja nie powiodła się (pole "kod_pocztowy": nieprawidłowy format)
{"imię":"«p0.first»","nazwisko":"«p0.last»","data_urodzenia":"«p0.dob:eu»","PESEL":"«p0.pesel»","telefon":"«p0.phone:pl»","adres":"«p0.addr»","miejscowość":"«p0.city»","kod_pocztowy":"«p0.zip:zip4»","e-mail":"«p0.email»"}
form=«=form:rejestracja-pl-v2» locale=pl-PL
""")
C("i18n", r"""
translation-svc: detected es (0.97) → en
"Hola, ¿tienen citas los sábados? Mi seguro es «payer@p». Gracias." → "Hello, do you have appointments on Saturdays? My insurance is «payer@p». Thank you."
model=«=model:nllb-200-distilled-600M» latency=«duration»
""")
C("i18n", r"""
translation-svc: detected tl (0.91) → en
"magkano po ang «cpt@c» session kung walang insurance? at may sliding scale po ba kayo?" → "how much is a «cpt@c» session without insurance? and do you have a sliding scale?"
auto-reply: fee schedule link sent (template «=template:fees_tl_v2»)
""")

# ----- fax servers
T("fax", r"""
xferfaxlog:
«ts_hylafax»⇥SEND⇥«~digits:8»⇥ttyIAX0⇥«~small»⇥"roi-«dbid»"⇥frontdesk⇥"«fax:one@f»"⇥"«fax:intl@f»"⇥7⇥0:01:12⇥0:00:58⇥"No carrier detected"
faxq[«~pid»]: job «~small» to «fax:one@f» requeued (attempt 3/6); cover: ATTN «c1.full» RE «p0.LF» DOB «p0.dob:us»
""")
T("fax", r"""
SRFax Queue_Fax response: {"Status":"Failed","Result":"Invalid Fax Number"}
request: {"action":"Queue_Fax","access_id":«~digits:5»,"sSenderEmail":"«=role_mailbox:records»","sFaxType":"SINGLE","sToFaxNumber":"«c1.fax:bare»","sCoverPage":"Standard","sCPFromName":"«c0.full»","sCPToName":"«c1.full»","sCPSubject":"Records for «p0.full», DOB «p0.dob:us»","sCPComments":"Per ROI on file; chart «p0.mrn»"}
""")
T("fax", r"""
fax-gateway «ts_iso» inbound «uuid» from CSID "«fax:intl@h»" pages=«~small» → queue=unmatched
  ocr header: "FROM: «=facility:Providence St. Joseph Psychiatry»  FAX «fax:dash@h»  TO: «=facility:Riverbend Psychiatry»"
  ocr candidates: name="«p0.UPPER»" (0.88) dob="«p0.dob:dmy»" (0.64) mrn="«p0.mrn»" (0.51)
  rule «=rule:dob-ddmm-fallback»: dob parsed as DD/MM (sender country=CA) → no match
""")
T("fax", r"""
t38gw: call «uuid» remote=sip:«fax:e164@r»@«ip4»:5060 local=«=did:fax-intake» ecm=on rate=14400
t38gw: phase E: RTN after page 2 (signal quality poor); remote TSI="«fax:intl@r»   «=facility:Lakeshore Family Clinic»"
t38gw: document stored as /var/spool/fax/in/«hex:12».tif — page header: "2:14PM «fax:dash@r» P.002/007  RE: «p0.full»"
""")
T("fax", r"""
fax-outbound: cover page render failed (missing field practice_logo) — raw cover text:
  TO: «c1.full»    FAX: «c1.fax:paren»    PHONE: «c1.phone:paren»
  FROM: «c0.full», «=credential:PMHNP-BC»    FAX: «c0.fax:paren»
  RE: «p0.full» (DOB «p0.dob:long») — records request per signed ROI dated «date:long»
  PAGES: 9 (incl. cover)
  CONFIDENTIALITY NOTICE: This facsimile contains protected health information. If you received it in error, call the sender and destroy all copies.
""")
T("fax", r"""
POST /hooks/efax → 200 («duration»)
payload: event=fax.failed&fax_id=«hex:24»&destination=«c1.fax:e164|url»&reason=busy&attempts=5&cover_to=«c1.full|plus»&ref=chart-«p0.mrn»&pages=«~small»
efax-worker: marking outbound «dbid» failed; notifying «=queue:records-team»
""")
C("fax", r"""
faxgetty[«~pid»]: MODEM set DTR OFF
faxgetty[«~pid»]: RECV FAX: Phase B: received DCS; «=code:V.17» 14400 bit/s, 2-D MMR, ECM 256 bytes/frame
faxgetty[«~pid»]: RECV FAX: bin/faxrcvd "recvq/fax«~digits:8».tif" "ttyIAX1" — Phase E: "Unspecified Transmitting Phase B error"
faxq: ttyIAX1 status: ready, «count» jobs queued, next retry «=duration:5m»
""")
C("fax", r"""
fax-gateway health: provider=«=service:srfax» balance_pages=«count» last_success=«ts_iso» queue_depth=«count» p95_latency=«duration»
WARN cover-sheet template «=template:cover_v7» uses deprecated field {{practice.fax}}; will be removed in «ver»
""")

# ----- e-prescribing (NCPDP SCRIPT)
T("erx", r"""
Surescripts Error «=code:601» — Receiver unable to process
<Message xmlns="http://www.ncpdp.org/schema/SCRIPT" DatatypesVersion="«=version:20170715»">
<Header><To Qualifier="P">«ncpdp»</To><From Qualifier="C">TIDEWELL</From><MessageID>«hex:32»</MessageID></Header>
<Body><NewRx>
 <Patient><HumanPatient><Name><LastName>«p0.last»</LastName><FirstName>«p0.first»</FirstName></Name><Gender>F</Gender><DateOfBirth><Date>«p0.dob:iso»</Date></DateOfBirth>
 <Address><AddressLine1>«p0.addr»</AddressLine1><City>«p0.city»</City><StateProvince>«p0.state»</StateProvince><PostalCode>«p0.zip:zip9»</PostalCode></Address></HumanPatient></Patient>
 <Prescriber><NonVeterinarian><Identification><NPI>«c0.npi»</NPI><DEANumber>«c0.dea»</DEANumber></Identification></NonVeterinarian></Prescriber>
<Error><Code>601</Code><DescriptionCode>1000</DescriptionCode><Description>PostalCode format invalid</Description></Error>
""")
T("erx", r"""
Surescripts CancelRxResponse «hex:32» → Denied
<CancelRxResponse><Response><Denied><ReasonCode>«=code:AA»</ReasonCode><DenialReason>Rx «rx» already dispensed on «date:us» to «p0.LF»</DenialReason></Denied></Response>
<MedicationPrescribed><DrugDescription>«=drug:sertraline 50 mg tablet»</DrugDescription><DrugCoded><ProductCode><Code>«ndc»</Code><Qualifier>ND</Qualifier></ProductCode></DrugCoded><Quantity><Value>30</Value></Quantity></MedicationPrescribed></CancelRxResponse>
prescriber=«c0.full» (NPI «c0.npi»)
""")
T("erx", r"""
EPCS two-factor signing failed for order «uuid»: DEA registration mismatch
  prescriber: «c0.full», «=credential:PMHNP-BC» (NPI «c0.npi»)
  DEA on file: «c0.dea» schedules 2,2N,3,3N,4,5 state «c0.state»
  state license: «c0.slic» (status ACTIVE)
  drug: «=drug:lisdexamfetamine 30 mg capsule» CII → patient «p0.full» («p0.mrn»)
  error: «=exception:EpcsIdentityProofingError» (idp=«=service:exostar»)
""")
T("erx", r"""
RxFill received («=status:Dispensed»): <Patient><HumanPatient><Name><LastName>«p0.last»</LastName><FirstName>«p0.first»</FirstName></Name><DateOfBirth><Date>«p0.dob:iso»</Date></DateOfBirth><CommunicationNumbers><PrimaryTelephone><Number>«p0.phone:bare»</Number></PrimaryTelephone></CommunicationNumbers></HumanPatient></Patient>
<Pharmacy><Identification><NCPDPID>«ncpdp»</NCPDPID></Identification><BusinessName>«=pharmacy:Walgreens #09921»</BusinessName></Pharmacy>
<FillStatus><PartiallyDispensed/></FillStatus><RxReferenceNumber>«rx»</RxReferenceNumber>
erx-bridge: no matching NewRx for RxReferenceNumber (patient match score 0.62 on «p0.LF»)
""")
T("erx", r"""
RxHistoryRequest → Error «=code:900» (Transaction rejected: Patient not found)
<BenefitsCoordination><PayerIdentification><PayerID>«=code:T00000000020»</PayerID></PayerIdentification><CardholderID>«p0.plan»</CardholderID><GroupID>«p0.grp»</GroupID><PBMMemberID>«plan»</PBMMemberID></BenefitsCoordination>
<Patient><HumanPatient><Name><LastName>«p0.LAST»</LastName><FirstName>«p0.FIRST»</FirstName></Name><Gender>M</Gender><DateOfBirth><Date>«p0.dob:iso»</Date></DateOfBirth><Address><PostalCode>«p0.zip»</PostalCode></Address></HumanPatient></Patient>
consent=Y requested_by=«c0.npi»
""")
T("erx", r"""
PDMP (PMP Gateway) request failed: «=status:422» Unprocessable Entity
{"errors":[{"field":"patient.address.zip","message":"must be 5 or 9 digits","value":"«p0.zip:zip4»"}],"request":{"patient":{"first":"«p0.first»","last":"«p0.last»","dob":"«p0.dob:us»","address":{"street":"«p0.addr»","city":"«p0.city»","state":"«p0.state»","zip":"«p0.zip:zip4»"}},"requester":{"dea":"«c0.dea»","npi":"«c0.npi»","role":"prescriber"}}}
""")
C("erx", r"""
Surescripts directory sync: «count» records processed, «count» rejected
  reject: NCPDPID «ncpdp» ServiceLevel «=code:New,Refill,Change,Cancel» — unknown service level bit «=code:2048» for SCRIPT version «=version:20170715»
  reject: NCPDPID «ncpdp» StoreName too long (60 > 35)
next run «ts_iso» (cron 0 */6 * * *)
""")
C("erx", r"""
«=exception:FormularyLookupError»: NDC «ndc» («=drug:aripiprazole 5 mg tablet») not found in formulary «=code:FID-88123» for PBM «=payer:Express Scripts»; alternatives: «ndc», «ndc»
prior_auth_required=true tier=3 copay=«amount»
""")

# ----- lab interfaces (HL7 v2, LOINC)
T("lab", r"""
HL7 parse error: OBX-5 value '>' not numeric for NM type (message control id «ctrlid@m»)
MSH|^~\&|LABCORP|LC|TIDEWELL|PM|«ts_hl7»||ORU^R01|«ctrlid@m»|P|2.5.1
PID|1||«p0.mrn»^^^TW^MR||«p0.hl7»||«p0.dob:hl7»|F|||«p0.addr»^^«p0.city»^«p0.state»^«p0.zip»||^PRN^PH^^1^«p0.phone:hl7»
OBR|1|«~digits:8»|«digits:9»|«=loinc:14334-7»^Lithium^LN|||«date:hl7»
OBX|1|NM|14334-7^Lithium [Moles/volume] in Serum or Plasma^LN||>|mmol/L|0.6-1.2|H|||F
""")
T("lab", r"""
lab-inbound WARN unmapped local code 'LI-SER' for order «~digits:8» (patient «p0.LF», MRN «p0.mrn», collected «date:us») — falling back to LOINC «loinc»
lab-inbound INFO ordering provider «c0.hl7» NPI «c0.npi» matched; result routed to inbox «dbid»
""")
T("lab", r"""
lab-inbound: ORU^R01 accepted with warnings (ctrl «ctrlid»)
OBX|3|NM|«=loinc:751-8»^Neutrophils [#/volume] in Blood^LN||0.9|10*3/uL|1.5-7.8|LL|||F
NTE|1|L|CRITICAL VALUE called to and read back by «c0.UPPER» at «c0.phone:paren» on «date:us»
warn: ANC < 1.0 on clozapine — REMS patient id «oid:rems» not linked to chart «p0.mrn»
""")
T("lab", r"""
MLLP ← ACK
MSH|^~\&|TIDEWELL|PM|QUEST|QDI|«ts_hl7»||ACK^R01|«ctrlid»|P|2.5.1
MSA|AE|«ctrlid@orig»|PID-3 not found in patient index
ERR|^^^207&Application internal error&HL70357|PID^1^3
original PID: PID|1||«p0.mrn»^^^QDI^MR~«p0.ssn:bare»^^^SSA^SS||«p0.hl7»^^^^L||«p0.dob:hl7»|M|||«p0.addr»^^«p0.city»^«p0.state»^«p0.zip:zip9»^USA^H||«p0.phone:paren2»
""")
T("lab", r"""
lab-outbound: ORM^O01 rejected by LabCorp (AR: «=code:E0042» Invalid ordering provider)
ORC|NW|«~digits:8»||||||||||«c0.npi»^«c0.hl7»^^^^^^NPI
OBR|1|«~digits:8»||«=loinc:26499-4»^Neutrophils [#/volume] in Blood^LN|||«date:hl7»
NTE|1||Clozapine REMS pt id «oid:rems»; ANC monitoring weekly
PID|1||«p0.mrn»^^^TW^MR||«p0.hl7»||«p0.dob:hl7»|F
""")
T("lab", r"""
mllp-listener «ts_log» ERROR connection from «infra_ip»:«~eph» reset mid-frame (read «count» of «count» bytes)
partial frame: ...PID|1||«p0.mrn»^^^TW^MR||«p0.hl7»||«p0.dob:hl7»|F||2106-3|«p0.addr:std»^«p0.unit»^«p0.city»^«p0.state»^«p0.zip»||||||||«p0.ssn:dash»|||N|...
""")
T("lab", r"""
lab-inbound: OBX-5 ED (PDF) exceeds 5 MB; stored pointer only
OBX|5|ED|«=loinc:11502-2»^Laboratory report^LN||^application^pdf^Base64^«~b64:48»...
NTE|1||Report also faxed to «c0.full» fax «c0.fax:dash» and posted to portal user «p0.user»
PID|1||«p0.mrn»^^^TW^MR||«p0.hl7»||«p0.dob:hl7»
""")
C("lab", r"""
mllp-listener «ts_log» WARN idle timeout on «infra_ip»:«=port:2575» after «duration»; peer=LABCORP facility=LC
mllp-listener «ts_log» INFO ACK AA sent for ctrl «ctrlid» (ORU^R01, 7 OBX, LOINC «loinc», «loinc»)
""")
C("lab", r"""
loinc-loader: LOINC «=version:2.77» import complete; «count» terms, «count» deprecated
WARN local code map has «~small» entries pointing to deprecated codes: «loinc» → «loinc», «loinc» → «loinc»
WARN panel «=loinc:24323-8» (Comprehensive metabolic panel) missing component «loinc»
""")

# ----- X12 EDI (270/271/277CA/835/837) and clearinghouse text
T("edi", r"""
271 response: AAA*Y**72*C (Invalid/Missing Subscriber/Insured ID)
ISA*00*          *00*          *ZZ*CLEARHOUSE1    *ZZ*TIDEWELL       *«isadate»*1422*^*00501*«isactl»*0*P*:~
GS*HB*CLEARHOUSE1*TIDEWELL*«gsdate»*1422*«~small»*X*«=version:005010X279A1»~
ST*271*0001*005010X279A1~
HL*3*2*22*0~
TRN*2*«~digits:8»*9TIDEWELL~
NM1*IL*1*«p0.LAST»*«p0.FIRST»****MI*«p0.plan»~
DMG*D8*«p0.dob:hl7»~
AAA*Y**72*C~
""")
T("edi", r"""
Claim rejected by clearinghouse (277CA): «=code:A7:562» Entity's National Provider Identifier (NPI)
  Billing provider: «c0.full» NPI «c0.npi»
  Patient: «p0.LF» DOB «p0.dob:us» Member ID «p0.plan»
  DOS «date:us» CPT «cpt» charge «amount» payer «payer»
  Patient control #: «p0.acct»
""")
T("edi", r"""
837P validation failed: N4 postal code not valid for state
NM1*IL*1*«p0.LAST»*«p0.FIRST»****MI*«p0.plan»~
N3*«p0.addr|upper»~
N4*«p0.city|upper»*«p0.state»*«p0.zip:zip9»~
DMG*D8*«p0.dob:hl7»*F~
CLM*«p0.acct»*«amount_raw»***11:B:1*Y*A*Y*Y~
DTP*472*D8*«date:hl7»~
SV1*HC:«cpt»*«amount_raw»*UN*1***1~
""")
T("edi", r"""
era-posting: CLP not matched to any open claim (EFT trace «isactl»)
CLP*«p0.acct»*4*«amount_raw»*0**MC*«hex:14»*11*1~
NM1*QC*1*«p0.LAST»*«p0.FIRST»****MI*«p0.plan»~
NM1*82*1*«c0.LAST»*«c0.FIRST»****XX*«c0.npi»~
DTM*232*«date:hl7»~
CAS*CO*29*«amount_raw»~
""")
T("edi", r"""
eligibility-poller: Medicare eligibility (HETS) response parsed with warnings
  beneficiary: «p0.full» | MBI «p0.plan:mbid» | DOB «p0.dob:us» | age «p0.age»
  Part B effective «date:us» | MA plan: «payer»
  QMB: yes — do not bill patient for «cpt»
  warning: address on file («p0.addr», «p0.city» «p0.state» «p0.zip:zip4») differs from CMS («addr»)
""")
T("edi", r"""
Availity rejection report (batch «isactl») — pasted from CSV
"Patient Name","Patient DOB","Member ID","Group #","DOS","Rendering NPI","Rejection"
"«p0.LF»","«p0.dob:us»","«p0.plan»","«p0.grp»","«date:us»","«c0.npi»","«=code:A3:164» Entity's contract/member number"
"«p1.LF»","«p1.dob:us»","«p1.plan»","«p1.grp»","«date:us»","«c0.npi»","«=code:A7:21» Missing or invalid information"
""")
T("edi", r"""
270 rejected by payer front-end (999 IK5*R): subscriber/dependent mismatch
NM1*IL*1*«p1.LAST»*«p1.FIRST»****MI*«p1.plan»~
REF*6P*«p1.grp»~
N3*«p1.addr|upper»~
N4*«p1.city|upper»*«p1.state»*«p1.zip:zip9»~
DMG*D8*«p1.dob:hl7»*F~
HL*4*3*23*0~
NM1*03*1*«p0.LAST»*«p0.FIRST»~
DMG*D8*«p0.dob:hl7»*M~
INS*N*19~
""")
C("edi", r"""
999 Implementation Acknowledgment received for GS «~small»
AK1*HC*«~small»*«=version:005010X222A1»~
AK2*837*«=control:000000417»*005010X222A1~
IK3*CLM*«~small»*2300*8~
IK4*5*1028*7*«amount_raw»~
IK5*R*5~
AK9*R*1*1*0~
payer=«payer» submitter=TIDEWELL interchange=«isactl»
""")
C("edi", r"""
payer-list sync: «count» payers, «~small» changed
  ~ «payer» (payer id «=code:60054»): ERA enrollment now required; 270 real-time: yes
  ~ «payer» (payer id «=code:87726»): 837P max lines 50 → 99
  + «payer» (payer id «=code:MCDOR»)
next sync «ts_iso»
""")

# ----- OCR and PDF extraction
T("ocr", r"""
textract AnalyzeDocument result for upload «uuid» (card_front.jpg, confidence avg 0.71)
LINE  «payer|upper»
LINE  Member: «p0.UPPER»
LINE  Member ID «p0.plan»     Group No. «p0.grp»
LINE  RxBIN «rxbin»   RxPCN «=code:ADV»   RxGRP «=code:RX8841»
LINE  Dependents: «p1.first|upper»  «p2.first|upper»
LINE  PCP $25  SPEC $50  MH/SUD $30  ER $250
LINE  Effective «date:us»
intake-ocr: could not map «=field:Group No.» — multiple candidates
""")
T("ocr", r"""
intake-ocr: low confidence page (0.58) — raw text follows
NEW CL1ENT INTAKE — pg 1/4
Narne: «p0.full|ocr»
Date of 8irth: «p0.dob:us|ocr»
Adress: «p0.addr|ocr»   Apt ___
Clty «p0.city»   St «p0.state»   Zlp «p0.zip»
Cell «p0.phone:paren|ocr»   ok to text? [x]
Emergency contact «p1.full» (husband) «p1.phone:dash»
""")
T("ocr", r"""
pdf-extract: records_«hex:10».pdf page 2/5 (pdftotext -layout)
DISCHARGE SUMMARY                         «=facility:Good Samaritan Behavioral Health»
Patient: «p0.full|wrap»                   MRN: «mrn»
Admit Date: «date:us»      Discharge Date: «date:us»
Attending: «c0.full», MD            NPI «c0.npi»
HPI: Pt is a «p0.age:word»-year-old widowed wo-
man with MDD, recurrent, severe («icd») admitted after a fall at home with
passive SI. Follow-up: «c1.full», «=credential:LCSW», phone «c1.phone:dot»
on «date:mdlong».
""")
T("ocr", r"""
roi-upload: signature box empty — OCR text follows
AUTHORIZATION TO RELEASE HEALTH INFORMATI0N
I, «p0.full|ocr», DOB «p0.dob:ocr», authorize «=facility:Cedar Lane Counseling» to release
records to: «c1.full»    Fax: «c1.fax:paren|ocr»
Address: «c1.addr», «c1.city» «c1.state» «c1.zip:zip4»
Purpose: continuity of care    Expires: one year from signature
Signature: ______________   Date: __/__/____
""")
T("ocr", r"""
id-verify: AAMVA PDF417 decode failed; falling back to OCR (front)
DL «p0.dl»   CLASS C   EXP «date:us»
LN «p0.LAST»
FN «p0.FIRST»
«p0.addr|upper»
«p0.city|upper», «p0.state» «p0.zip:zip4»
DOB «p0.dob:us»   SEX F   HGT 5-06   EYES BRN
id-verify: name on card differs from chart «p0.mrn» (score 0.77)
""")
T("ocr", r"""
card-ocr: medicare_card.png (template «=template:cms-red-white-blue» detected)
MEDICARE HEALTH INSURANCE
Name/Nombre
«p0.UPPER»
Medicare Number/Número de Medicare
«p0.plan:mbid»
Entitled to/Con derecho a        Coverage starts/Cobertura empieza
HOSPITAL (PART A)                «date:usdash»
MEDICAL (PART B)                 «date:usdash»
ocr-post: coverage start parsed ambiguous (MM-DD-YYYY vs DD-MM-YYYY)
""")
T("ocr", r"""
pdf-extract (tesseract «=version:5.3.4», psm 4) referral_«hex:8».pdf
Dear Dr. «c0.last»,
I am referring «p0.full», a «p0.agey»-year-old with «icd» who has not responded to two SSRI trials. She can be reached at «p0.phone:paren|wrap»
and prefers text. Her current address is «p0.addr|wrap», «p0.city», «p0.state» «p0.zip».
Insurance: «payer», member «p0.plan». Please fax notes to my office at «c1.fax:dash».
Sincerely,
«c1.full», MD
""")
C("ocr", r"""
intake-ocr: page classified as BLANK_TEMPLATE (fields detected, no handwriting)
NEW CLIENT INFORMATION   Rev. 11/2023
Name: ______________________  Preferred name: __________
Date of Birth: __/__/____   Phone: (___) ___-____
Address: ______________________________  Apt/Unit: _____
Insurance: ________________  Member ID: _______________
Will you be using insurance? [ ] yes [ ] no     Grace period for cancellations: 24 hours
form_id=«=form:INT-01» template_hash=«hex:16»
""")
C("ocr", r"""
pdf-extract eob_«hex:8».pdf page 3 — table parse failed (column drift)
SERVICE  CODE    BILLED    ALLOWED   PAID     REMARK
«cpt»    HO      «amount»  «amount»  «amount» «=code:N130»
«cpt»            «amount»  «amount»  «amount» «=code:CO-45»
TOTAL                      «amount»
Payer: «payer»   check/EFT trace «isactl»
""")

# ----- patient portal messages (lower case, typos, no punctuation)
T("portal", r"""
portal-support ticket «dbid» (via web form, category=login)
"hi its «p0.lower» i cant log in. my username is «p0.user» and it keeps saying my birthday «p0.dob:us2» is wrong?? ive been a client since forever pls help"
""")
T("portal", r"""
secure message → billing queue
from: «p0.user» (verified)
"my insurance changed to «payer|lower» on the 1st. new member id is «p0.plan» and group «p0.grp». can u update it before my appt «date:md» thx"
""")
T("portal", r"""
secure message «dbid» — delivery failure notice attached
"dr «c0.llower» said i could email her at «c0.email» but it bounced back. can u tell her i wont make thurs, my son «p1.flower» is sick"
bounce: 550 5.1.1 <«c0.email»>: user unknown
""")
T("portal", r"""
contact-form submission (unauthenticated, form «=form:contact-v3»)
name field: «p1.lower»
message: "im writing for my grandpa «p0.lower» hes «p0.age» and doesnt do email. he moved to «p0.addr|lower» «p0.city» «p0.zip», phone there is «p0.phone:dot». can his appts be by phone now"
spam_score=0.12 ip=«p1.ip4»
""")
T("portal", r"""
secure message from «p0.user»: "can someone fix my name on the superbill, its spelled «p0.full» not «p0.misspell». my HSA keeps rejecting it. acct # «p0.acct»"
routed to: billing (rule «=rule:name-correction»)
""")
T("portal", r"""
secure message: "the ride service never showed today, i waited outside «p0.addr» for an hr. the app said driver was in a silver «=vehicle_model:Toyota Sienna» plate «plate» but nobody came. this is the 2nd time. «p0.first»"
auto-tag: transport-complaint
""")
T("portal", r"""
portal-support ticket «dbid» (category=2fa)
"got a new phone and the app says device not recognized. old phone imei «imei:sp» new one is «imei» can u reset it? my username is «p0.user». also my email changed to «p0.email»"
""")
T("portal", r"""
risk-classifier flagged message «dbid» (score 0.9, model «ver»)
"i dont know who else to tell. im at my sisters place «addr» in «city» and i cant stop thinking about it. «p1.first» knows. pls have «c0.first» call me «p0.phone:bare»"
escalated to on-call: «c1.full» («c1.phone:e164»)
""")
T("portal", r"""
refill request via portal: "can i get my lamotrigine refilled, the rx # is «rx» at the cvs on «=street:Burnside». im out sunday. dob «p0.dob:us1» if u need it - «p0.lower»"
matched chart «p0.mrn»; forwarded to «c0.full»
""")
T("portal", r"""
notify-worker: email render failed (premailer: unsupported selector) — partial HTML:
<p>Hi «p0.first|htmlnum»,</p><p>This is a reminder of your appointment with «c0.full|htmlnum» on <b>«date:long»</b>.</p><p>Reply to <a href="mailto:«c0.email|htmlnum»">«c0.email|htmlnum»</a> or call «c0.phone:paren».</p><p style="font-size:11px">Sent to «p0.email|htmlnum» &middot; <a href="⟦URL:https://portal.tidewell.health/unsubscribe?u=«p0.user|url»&amp;t=«~hex:16»⟧">unsubscribe</a></p>
template=«=template:appt_reminder_email_v9»
""")
C("portal", r"""
secure message (unauthenticated preview): "will i be billed for the missed session last week? i thought there was a grace period. also do you take «payer|lower»? hope to hear back soon"
auto-tag: billing, insurance (conf 0.88)
""")
C("portal", r"""
portal-support ticket «dbid» (category=bug): "the mark as read button doesnt work on android, app version «ver». faith in technology: gone lol"
device_model=«=model:Pixel 8» os=«=version:Android 14» build=«~small»
""")

# ----- clinical notes, supervisor comments, crisis line
T("clinical", r"""
«=exception:NoteLockError»: cannot amend signed note «dbid» (signed «ts_iso» by «c0.full», «=credential:LMHC»)
amend attempt by user «dbid» — diff preview:
  - "Client «p0.first» reports ongoing conflict with her son «p1.first» about the move to «p1.city»."
  + "Client «p0.first» reports ongoing conflict with her son «p1.first» (DOB «p1.dob:us») about the move to «p1.city»; son's number «p1.phone:dash»."
dx: «icd» | cpt: «cpt»
""")
T("clinical", r"""
supervision-queue comment on note «dbid» (cosign pending)
@«c0.first» pls add the C-SSRS for «p0.init» before the «date:mdlong» chart audit — also the ROI for «p1.full» (mother, «p1.phone:paren») is still missing from the chart.
— «c1.full», «=credential:LICSW» (supervisor; license «c1.slic»)
""")
T("clinical", r"""
CRISIS LINE CALL SUMMARY — export failed (PDF renderer timeout «duration»)
Call id «dbid»   Counselor: «c0.full»
Caller: «p0.full» (self)   Callback: «p0.phone:dash»
Location at time of call: parked at a trailhead lot off «=road:I-84» in a «=vehicle_model:2011 Honda CR-V», plate «plate»
Pt reports SI with plan; denies access to firearms. Mobile crisis dispatched (unit «=unit:MCU-3»); ETA «=duration:20 min».
Emergency contact: «p1.full» (partner, «p1.phone:intl»)
""")
T("clinical", r"""
note-validator: required field "collateral_consent" missing — note held
excerpt: "«p0.age:Word»-year-old widowed retired machinist («p0.full») seen at home («p0.addr», «p0.city») for follow-up of «icd». Daughter «p1.full» present; she holds POA. Next visit «date:abbr»."
""")
T("clinical", r"""
group-session «dbid» ("«=group:DBT skills group»") attendance sync failed: «~small» of 8 matched
unmatched roster lines: "«p0.fi»", "«p1.full»", "«p2.first» (new, no chart yet)"
facilitator note: «p0.first» left early; «p1.first» asked about a sliding-scale rate (acct «p1.acct»).
billing: «=cpt:90853» x «~small» units
""")
T("clinical", r"""
intake-wizard: couple intake saved with validation warnings
partner_a: «p0.full», DOB «p0.dob:long», «p0.email»
partner_b: «p1.full», DOB «p1.dob:long», «p1.phone:paren»
shared address: «p0.addr», «p0.city», «p0.state» «p0.zip»
warning: partner_b email missing; billing guarantor = partner_a (acct «p0.acct»)
cpt «=cpt:90847»
""")
T("clinical", r"""
«=exception:DocumentGenerationError»: template "court_eval_v2" missing merge field {{case_number}}
context: {"client":"«p0.full»","case_no":"«oid:court»","court":"«=court:Circuit Court»","evaluator":"«c0.full», «=credential:PsyD»","evaluator_license":"«c0.slic»","eval_date":"«date:iso»","dob":"«p0.dob:iso»"}
""")
T("clinical", r"""
collateral contact note (autosaved draft, «~small» chars)
"Spoke w/ «p1.full», school counselor at «=school:Roosevelt High», re: «p0.first» (student id «oid:student»). «p1.first» reports 6 absences since «date:md». Her direct line «p1.phone:ext». Plan: 504 meeting «date:long»."
""")
C("clinical", r"""
note-templates: render warning in «=template:progress_note_dap_v4»
  section "Assessment" references {{client.first_name}} but context is a template preview
  suggested codes: «icd», «icd» | cpt «cpt» + «=cpt:90785» (interactive complexity)
  "Client will continue weekly sessions; hope and grace were themes discussed." (sample text)
""")
C("clinical", r"""
supervision-queue: «count» notes awaiting cosign > 72h (oldest «duration»)
by credential: LCSW «~small», LMHC «~small», LPC «~small»; reminder job «=job:cosign_nudge» will run at next beat
no client identifiers included per policy «=policy:SUP-7»
""")

# ----- audit diffs, SQL, MongoDB, Redis
T("audit", r"""
audit «ts_iso» actor=user:«dbid» action=client.update client=«dbid»
  - phone_mobile: "«phone:dash»" -> "«p0.phone:dash»"
  - preferred_name: "«p0.first»" -> "«p0.alt»"
  - email: "«email»" -> "«p0.email»"
audit-stream: diff exceeded 2 KB; truncated
""")
T("audit", r"""
ERROR:  value too long for type character varying(12)
STATEMENT:  UPDATE clients SET phone_home = '«p0.phone:intl»', updated_at = now() WHERE chart_no = '«p0.mrn»'
LOG:  duration: «duration»  statement rolled back (pid «~pid», app=«=service:portal-api»)
""")
T("audit", r"""
ERROR:  null value in column "guarantor_id" of relation "clients" violates not-null constraint
DETAIL:  Failing row contains («dbid@i», «p0.mrn», «p0.first», «p0.last», «p0.dob:iso», «p0.ssn:dash», null, «p0.email», t).
STATEMENT:  INSERT INTO clients (id, chart_no, first_name, last_name, dob, ssn, guarantor_id, email, active) VALUES («dbid@i», '«p0.mrn»', '«p0.first|sql»', '«p0.last|sql»', DATE '«p0.dob:iso»', '«p0.ssn:dash»', NULL, '«p0.email»', true)
""")
T("audit", r"""
MongoServerError: E11000 duplicate key error collection: pm.portal_devices index: imei_1 dup key: { imei: "«imei@d»" }
> db.portal_devices.findOne({imei: "«imei@d»"})
{ _id: ObjectId("«hex:24»"), clientId: NumberLong(«dbid»), imei: "«imei@d»", lastIp: "«p0.ip4»", owner: "«p0.full»", model: "SM-A536U", registeredAt: ISODate("«ts_iso»") }
""")
T("audit", r"""
«epoch_f» [0 «infra_ip@r»:«~eph»] "SET" "otp:«p0.phone:e164»" "«otp»" "EX" "300"
«epoch_f» [0 «infra_ip@r»:«~eph»] "HSET" "session:«hex:32»" "email" "«p0.email»" "ip" "«p0.ip6»" "chart" "«p0.mrn»"
«epoch_f» [0 «infra_ip@r»:«~eph»] "EXPIRE" "session:«hex:32»" "1800"
redis-monitor-sampler: PHI-looking keys detected in prod MONITOR capture
""")
T("audit", r"""
audit «ts_iso» actor=admin:«dbid» action=clinician.credentials.update target=clinician:«dbid»
  license_number: "«slic»" -> "«c0.slic»"
  dea_number: null -> "«c0.dea»"
  npi: "«c0.npi»" (unchanged)
  display_name: "«c0.full»"
""")
T("audit", r"""
«ts_mysql»⇥   «~small» Query⇥INSERT INTO `transport_claims` (`client_id`,`trip_date`,`vehicle_vin`,`vehicle_plate`,`odometer_start`,`odometer_end`,`driver_name`) VALUES («dbid»,'«date:iso»','«vin»','«plate»',«count»,«count»,'«p1.full|sql»')
«ts_mysql»⇥   «~small» Query⇥ROLLBACK
mysql-audit: statement rolled back after ER_DATA_TOO_LONG (1406) on column 'vehicle_plate'
""")
T("audit", r'''
«ts_sql» UTC,"pm_app","pm",«~pid»,"«infra_ip»:«~eph»",«hex:8».«hex:4»,«~small»,"UPDATE",«ts_sql»,«~small»/«~small»,0,ERROR,23505,"duplicate key value violates unique constraint ""portal_users_username_key""","Key (lower(username::text))=(«p0.user|lower») already exists.",,,,,"UPDATE portal_users SET username = '«p0.user»', email = '«p0.email»' WHERE client_id = «dbid»",,,"«=service:portal-api»"
''')
T("audit", r"""
audit «ts_iso» actor=client:self (portal) action=profile.update ip=«p0.ip6»
  address.line1: "«addr»" -> "«p0.addr»"
  address.city: "«city»" -> "«p0.city»"
  address.zip: "«zip»" -> "«p0.zip:zip4»"
  mfa.device: "«serial:apple»" -> "«serial:apple»"
""")
C("audit", r"""
django.db.utils.ProgrammingError: column "preferred_pronouns" of relation "clients" does not exist
LINE 1: ...ET "preferred_pronouns" = NULL WHERE "clients"."id" IN (SELECT U0."id" FROM "clients" U0 WHERE U0."updated_at" < '«ts_sql»'...
migration «=migration:clients.0142_backfill_pronouns» failed after «duration»; «count» rows touched
""")
C("audit", r"""
«epoch_f» [0 «infra_ip@r»:«~eph»] "INCR" "rl:portal-login:«hex:16»"
«epoch_f» [0 «infra_ip@r»:«~eph»] "EXPIRE" "rl:portal-login:«hex:16»" "900"
«epoch_f» [0 «infra_ip@r»:«~eph»] "GET" "feature:«=flag:will_show_new_scheduler»"
«epoch_f» [0 «infra_ip@r»:«~eph»] "SETEX" "job:lock:«=job:nightly_statement_export»" "3600" "«uuid»"
""")

# ----- Slack / Teams / PagerDuty bots
T("chatops", r"""
:rotating_light: *[prod] portal-api* 5xx spike — «count» errors in 5m
> `POST ⟦URL:/v2/clients/«p0.mrn»/insurance⟧` → «=status:502» Bad Gateway
> last error: upstream eligibility timeout for member «p0.plan» («payer»)
<https://grafana.tidewell.internal/d/«b62:9»|dashboard> · trace «hex:32»
""")
T("chatops", r"""
teams-webhook POST failed: 413 Payload Too Large — card dump:
{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"⚠️ Eligibility failed for «p0.full»","weight":"Bolder"},{"type":"FactSet","facts":[{"title":"DOB","value":"«p0.dob:abbr»"},{"title":"Member ID","value":"«p0.plan»"},{"title":"Payer","value":"«payer»"},{"title":"Next appt","value":"«date:abbr»"},{"title":"Clinician","value":"«c0.full»"}]}]}
""")
T("chatops", r"""
#support-escalations thread (exported by «=bot:escalation-bot»)
[«~hhmm»] «c0.first»: can someone merge the duplicate charts for «p0.full»? «mrn@a» and «mrn@b», same DOB «p0.dob:us»
[«~hhmm»] ops-bot: :warning: merge blocked — chart «mrn@b» has a different guarantor account («acct»)
[«~hhmm»] «c1.first»: I'll call her at «p0.phone:paren» to confirm which one is current
""")
T("chatops", r"""
[PagerDuty] TRIGGERED #«dbid»: crisis-callback SLA breached
Service: «=service:crisis-line» · Urgency: high · Assigned: «c0.full»
Details: callback to «p0.first» («p0.age:yo», lives alone) at «p0.phone:e164» overdue by «duration»; last known location «p0.city», «p0.state»
https://tidewell.pagerduty.com/incidents/«b62:14»
""")
T("chatops", r"""
:inbox_tray: *New referral* via fax-intake (conf 0.77)
• From: «c1.full» (NPI «c1.npi») · fax «c1.fax:dash»
• Client: «p0.full» · «p0.dob:iso» · «p0.phone:dash»
• Reason: «icd» · Preferred: telehealth, «=language:Somali»-speaking clinician
<⟦URL:https://app.tidewell.health/referrals/inbox?chart=«p0.mrn»&src=fax⟧|Open in Tidewell>
""")
T("chatops", r"""
Teams message (channel: Clinicians – Eastside) posted by «=bot:Tidewell Bot»
<at>«c0.full»</at> your 3:00 client «p0.fi» no-showed. Last contact «date:mdabbr». Please document outreach. Client phone on file: «p0.phone:dot».
""")
T("chatops", r"""
/lookup ssn «p0.ssn:dash»
:no_entry: slash command rejected — SSN lookups are not allowed in Slack (policy «=policy:SEC-12»). Your message has been deleted, but bot logs keep the raw command for 30 days.
requested_by=«c0.user» channel=«slackch»
""")
C("chatops", r"""
:rocket: *Deploy* «=service:portal-api» «ver» → prod started by «=bot:deploy-bot» (sha «sha7»)
• canary 10% healthy for «duration» · p95 «duration» · 5xx 0.02%
• Will promote to 100% in 15m unless someone hits :octagonal_sign:
Hope everyone had a good weekend :sun_with_face:
""")
C("chatops", r"""
:fire: [prod] *cassandra* node «infra_ip» DOWN · «=service:kafka» consumer lag «count» on «=topic:audit.events»
runbook: https://wiki.tidewell.internal/runbooks/«=runbook:cassandra-node-down»
silenced until «ts_iso» by «=bot:grafana-oncall»
""")

# ----- calendars (.ics), contacts (vCard), directories (LDAP)
T("calendar", r"""
ics-export: VALARM without ACTION in event — skipped
BEGIN:VEVENT
UID:«icsuid»
DTSTAMP:«ts_ics»
DTSTART;VALUE=DATE:«date:hl7»
SUMMARY:Intake - «p0.full»
DESCRIPTION:Telehealth link ⟦URL:https://meet.tidewell.health/j/«~digits:9»?pt=«p0.mrn»⟧\nCallback «p0.phone:dash»
ORGANIZER;CN=«c0.full»:mailto:«c0.email»
ATTENDEE;CN=«p0.full»;ROLE=REQ-PARTICIPANT:mailto:«p0.email»
END:VEVENT
""")
T("calendar", r"""
contacts-sync: CardDAV PUT rejected (412 Precondition Failed)
BEGIN:VCARD
VERSION:3.0
N:«p1.last»;«p1.first»;;;
FN:«p1.full»
TEL;TYPE=CELL:«p1.phone:intl»
ADR;TYPE=HOME:;;«p1.addr»;«p1.city»;«p1.state»;«p1.zip»;USA
BDAY:«p1.dob:iso»
NOTE:emergency contact for chart «p0.mrn»
END:VCARD
""")
T("calendar", r"""
ldapsearch -LLL "(uid=«c0.user»)" — entry returned with schema violation
dn: uid=«c0.user»,ou=clinicians,dc=tidewell,dc=health
cn: «c0.full»
mail: «c0.email»
telephoneNumber: «c0.phone:intl»
employeeType: «=credential:LCSW»
tidewellNPI: «c0.npi»
tidewellStateLicense: «c0.slic»
# ldap_modify: Object class violation (65) — attribute 'tidewellDEA' not allowed
""")
T("calendar", r"""
ics-export: RRULE expansion exceeded 500 instances; truncated
BEGIN:VEVENT
UID:«icsuid»
SUMMARY:Weekly - «p0.fi» (telehealth)
DTSTART;VALUE=DATE:«date:hl7»
RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=520
EXDATE;VALUE=DATE:«date:hl7»,«date:hl7»
LOCATION:⟦URL:https://meet.tidewell.health/r/«p0.slug»-«~hex:6»⟧
END:VEVENT
""")
T("calendar", r"""
contacts-import: vCard 4.0 parse error at line «~small»: unknown property «=property:X-ABRELATEDNAMES»
BEGIN:VCARD
VERSION:4.0
FN:«p0.full»
N:«p0.last»;«p0.first»;;;
TEL;TYPE=cell;VALUE=uri:tel:«p0.phone:e164»
EMAIL;TYPE=home:«p0.email»
BDAY:«p0.dob:mmdd»
item1.X-ABRELATEDNAMES:«p1.full»
item1.X-ABLabel:_$!<Mother>!$_
END:VCARD
""")
T("calendar", r"""
ldap_modify: Constraint violation (19)
⇥additional info: postalAddress: value #0 invalid per syntax
dn: uid=«p0.user»,ou=portal,dc=tidewell,dc=health
changetype: modify
replace: postalAddress
postalAddress: «p0.addr»$«p0.city», «p0.state» «p0.zip»
-
replace: telephoneNumber
telephoneNumber: «p0.phone:intl»
""")
T("calendar", r"""
google-calendar sync: events.insert → 400 invalidAttendeeEmail
{"summary":"Session: «p0.fi»","start":{"date":"«date:iso»"},"end":{"date":"«date:iso»"},"attendees":[{"email":"«p0.email»","displayName":"«p0.full»"},{"email":"«p1.email»  ","displayName":"«p1.full»"},{"email":"«c0.email»"}],"conferenceData":{"createRequest":{"requestId":"«uuid»"}}}
""")
C("calendar", r"""
ics-export: calendar «uuid».ics validated with 1 warning (X-WR-TIMEZONE ignored)
BEGIN:VTIMEZONE
TZID:America/Los_Angeles
BEGIN:DAYLIGHT
TZOFFSETFROM:-0800
TZOFFSETTO:-0700
TZNAME:PDT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
UID:«icsuid»
DTSTAMP:«ts_ics»
SUMMARY:Staff meeting — grace period policy
END:VEVENT
""")
C("calendar", r"""
ldapadd: Undefined attribute type (17)
⇥additional info: tidewellNPI: attribute type undefined
adding new entry "cn=svc-«=service:jenkins»,ou=services,dc=tidewell,dc=health"
objectClass: applicationProcess
description: CI service account; will be rotated by «=job:rotate-ldap-secrets»
""")

# ----- spreadsheets pasted as TSV
T("tsv", r"""
no-show report (pasted from Sheets into #front-desk)
Client⇥DOB⇥Phone⇥Clinician⇥Appt⇥Status
«p0.LF»⇥«p0.dob:us»⇥«p0.phone:dash»⇥«c0.last»⇥«date:us»⇥«=status:No Show»
«p1.LF»⇥«p1.dob:us»⇥«p1.phone:dash»⇥«c0.last»⇥«date:us»⇥«=status:Late Cancel»
sheets-import: column "Appt" mixed types; «~small» rows skipped
""")
T("tsv", r"""
credentialing sync: sheet "Provider roster" row «~small» rejected (license state mismatch)
Name⇥Credential⇥NPI⇥State license⇥DEA⇥Email⇥Cell
«c0.full»⇥«=credential:PMHNP-BC»⇥«c0.npi»⇥«c0.slic»⇥«c0.dea»⇥«c0.email»⇥«c0.phone:dash»
«c1.full»⇥«=credential:LPC»⇥«c1.npi»⇥«c1.slic»⇥⇥«c1.email»⇥«c1.phone:dash»
""")
T("tsv", r"""
transport-import: row «~small» — plate not found in DMV batch
Client⇥Pickup⇥Date⇥Vehicle⇥Plate⇥VIN⇥Miles⇥Driver
«p0.LF»⇥«p0.addr»⇥«date:us»⇥«=vehicle_model:Ford Transit»⇥«plate@v1»⇥«vin@v1»⇥«~small»⇥«p1.full»
«p2.LF»⇥«p2.addr»⇥«date:us»⇥Ford Transit⇥«plate@v1»⇥«vin@v1»⇥«~small»⇥«p1.full»
«p3.LF»⇥«p3.addr»⇥«date:us»⇥«=vehicle_model:Dodge Caravan»⇥«plate»⇥«vin»⇥«~small»⇥«p1.full»
""")
T("tsv", r"""
loaner-tablets.tsv (pasted into #it-help)
Asset⇥Model⇥Serial⇥IMEI⇥Assigned to⇥Since
TW-TAB-0«~digits:3»⇥iPad 9th gen⇥«serial:apple»⇥«imei»⇥«p0.full»⇥«date:us»
TW-TAB-0«~digits:3»⇥Galaxy Tab A8⇥«serial:android»⇥«imei»⇥«p1.full»⇥«date:us»
mdm: 2 devices not checked in for > 30 days («=service:intune»)
""")
T("tsv", r"""
collections export (pasted)
Acct⇥Guarantor⇥Balance⇥Last pmt⇥Address⇥City⇥ZIP
«p0.acct»⇥«p0.full»⇥«amount»⇥«date:us»⇥«p0.addr»⇥«p0.city»⇥«p0.zip:zip4»
«p1.acct»⇥«p1.full»⇥«amount»⇥«date:us»⇥«p1.addr»⇥«p1.city»⇥«p1.zip»
statement-vendor: file rejected — ZIP column mixes 5- and 9-digit values
""")
T("tsv", r"""
#VALUE! in column D (age bucket) — geriatric outreach sheet
Name⇥DOB⇥Age⇥Bucket⇥Phone⇥Clinician
«p0.full»⇥«p0.dob:us»⇥«p0.age»⇥#VALUE!⇥«p0.phone:paren»⇥«c0.last»
«p1.full»⇥«p1.dob:us»⇥«p1.age»⇥#VALUE!⇥«p1.phone:paren»⇥«c0.last»
«p2.full»⇥«p2.dob:us»⇥«p2.agey»⇥under 90⇥«p2.phone:paren»⇥«c0.last»
""")
C("tsv", r"""
fee-schedule import failed: duplicate key (payer, cpt)
Payer⇥CPT⇥Modifier⇥Rate⇥Effective year
«payer@a»⇥«cpt@c»⇥⇥«amount»⇥2024
«payer@a»⇥«cpt@c»⇥⇥«amount»⇥2024
«payer»⇥«=cpt:90791»⇥⇥«amount»⇥2024
«payer»⇥«=cpt:90839»⇥95⇥«amount»⇥2025
""")
C("tsv", r"""
grafana export (pasted TSV)
time⇥service⇥p50⇥p95⇥errors
«ts_log»⇥«=service:portal-api»⇥«duration»⇥«duration»⇥«count»
«ts_log»⇥«=service:claims-svc»⇥«duration»⇥«duration»⇥«count»
«ts_log»⇥«=service:hermes-notify»⇥«duration»⇥«duration»⇥«count»
""")

# ----- mobile crash reports and browser consoles
T("mobile", r"""
Fatal Exception: java.lang.IllegalStateException: Fragment IntakeStep3Fragment{«hex:7»} not attached to a context.
       at androidx.fragment.app.Fragment.requireContext(Fragment.java:«~small»)
       at health.tidewell.portal.intake.IntakeStep3Fragment.onAddressValidated(IntakeStep3Fragment.kt:«~small»)
Device: «=model:samsung SM-A536U» · Android 14 · app «ver» («~small»)
Keys: user_email=«p0.email», last_zip=«p0.zip», device_imei=«imei», session=«uuid»
Logs: D/AddressValidator: suggestion accepted: "«p0.addr|upper», «p0.city|upper» «p0.state»"
""")
T("mobile", r"""
Incident Identifier: «uuid»
CrashReporter Key:   «hex:40»
Hardware Model:      iPhone14,5
Process:             TidewellPortal [«~pid»]
Identifier:          health.tidewell.portal
Version:             «ver» («~small»)
Date/Time:           «ts_ios»
OS Version:          iPhone OS 17.3.1 (21D61)
Exception Type:  EXC_CRASH (SIGABRT)
Last Exception Backtrace: «=exception:NSInvalidArgumentException»: -[__NSCFNumber length]: unrecognized selector
Application Specific Information: breadcrumb[-1] "ProfileView.save phone=«p0.phone:intl2» dob=«p0.dob:js» user=«p0.user»"
""")
T("mobile", r"""
[Error] Unhandled Promise Rejection: TypeError: null is not an object (evaluating 'patient.address.zip')
    renderHeader (chart-header.tsx:«~small»)
[Debug] GET ⟦URL:https://app.tidewell.health/api/charts/«p0.mrn»/summary⟧ 200 («duration»)
[Log] patient {name: "«p0.full»", dob: "«p0.dob:iso»", address: {line1: "«p0.addr»", city: "«p0.city»", zip: null}, insurance: {payer: "«payer»", memberId: "«p0.plan»"}}
""")
T("mobile", r"""
 ERROR  TypeError: Cannot read property 'memberId' of undefined

This error is located at:
    in CoverageCard (at InsuranceScreen.tsx:«~small»)
    in RCTView (at View.js:«~small»)
 LOG  coverage payload {"subscriber":"«p0.full|jsonu»","relationship":"self","plan":{"payer":"«payer»","group":"«p0.grp»"},"dependents":[{"name":"«p1.full|jsonu»","dob":"«p1.dob:iso»"}]}
""")
T("mobile", r"""
«ts_logcat»  «~pid»  «~pid» E BluetoothGatt: android.os.DeadObjectException
«ts_logcat»  «~pid»  «~pid» D TwPortal/Wearable: pairing «=model:Oura Ring Gen3» mac=«mac» serial=«serial:watch» owner=«p0.user»
«ts_logcat»  «~pid»  «~pid» W TwPortal/Wearable: sync upload failed for chart «p0.mrn»: 401 (token for «p0.email» expired)
""")
T("mobile", r"""
Sentry event «hex:32» (portal-web, release «ver»)
TypeError: Failed to fetch
breadcrumbs:
  navigation  from /login  to ⟦URL:/signup/verify?email=«p0.email|url»&code=«~otp»⟧
  fetch       POST https://api.tidewell.health/v2/signup/verify [status «=status:0»]
  console     "prefill name «p0.full» phone «p0.phone:dash»"
user: {ip_address: "«p0.ip6»", id: "«uuid»"}
""")
T("mobile", r"""
apns-worker: 410 Unregistered from APNs for user «p0.user» (device serial «serial:apple», «=model:iPhone 12 mini»); removing registration
  last registered from «p0.ip4» with app «ver»; fallback channel sms → «p0.phone:e164»
""")
C("mobile", r"""
Exception Type:  EXC_BAD_ACCESS (SIGSEGV)
Exception Subtype: KERN_INVALID_ADDRESS at «hexaddr»
Termination Reason: Namespace SIGNAL, Code 11 Segmentation fault: 11
Thread 0 Crashed:
0   libswiftCore.dylib            «hexaddr» swift_unknownObjectRetain + «~small»
1   TidewellPortal                «hexaddr» ScheduleViewModel.refresh() + «~small» (ScheduleViewModel.swift:«~small»)
Binary Images: «hex:32» TidewellPortal arm64 «ver»
""")
C("mobile", r"""
Refused to load the script 'https://cdn.segment.com/analytics.js/v1/«b62:20»/analytics.min.js' because it violates the following Content Security Policy directive: "script-src 'self' 'sha256-«b64:43»='"
[Violation] 'setTimeout' handler took «duration»
Warning: Each child in a list should have a unique "key" prop. Check the render method of `ChaseBankLinkButton`.
""")

# ----- API logs: GraphQL, protobuf text, JWT, SAML, access logs, webhooks
T("api", r"""
GraphQL error: Variable "$input" got invalid value "«p0.ssn:space»" at "input.ssn"; Expected value of type "SSN!", found "«p0.ssn:space»"; SSN must be 9 digits without spaces
operationName: UpdateClientDemographics
variables: {"input":{"clientId":"«uuid»","legalName":"«p0.full»","ssn":"«p0.ssn:space»","dob":"«p0.dob:iso»"}}
path=/graphql status=«=status:200» errors=1 gateway=«=service:apollo-gateway»
""")
T("api", r"""
grpc: status=INVALID_ARGUMENT desc="appointment.date must be set" method=/scheduling.v1.Scheduler/BookAppointment
request {
  client { mrn: "«p0.mrn»" display_name: "«p0.full»" mobile: "«p0.phone:e164»" }
  clinician { npi: "«c0.npi»" }
  visit { cpt: "«cpt»" place_of_service: "10" }
}
peer=«infra_ip»:«~eph» deadline=«=duration:5s»
""")
T("api", r"""
jwt verify failed: token expired
header: {"alg":"RS256","kid":"«hex:16»","typ":"JWT"}
claims: {"sub":"«uuid»","email":"«p0.email»","preferred_username":"«p0.user»","name":"«p0.full»","iat":«epoch»,"exp":«epoch»,"iss":"https://auth.tidewell.health/","aud":"portal-api"}
""")
T("api", r"""
SAML response rejected: Conditions NotOnOrAfter in the past (clock skew «duration»)
<saml2:Subject><saml2:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">«c0.email»</saml2:NameID></saml2:Subject>
<saml2:Conditions NotBefore="«ts_iso»" NotOnOrAfter="«ts_iso»"/>
<saml2:AttributeStatement><saml2:Attribute Name="displayName"><saml2:AttributeValue>«c0.full»</saml2:AttributeValue></saml2:Attribute><saml2:Attribute Name="npi"><saml2:AttributeValue>«c0.npi»</saml2:AttributeValue></saml2:Attribute><saml2:Attribute Name="mobile"><saml2:AttributeValue>«c0.phone:e164»</saml2:AttributeValue></saml2:Attribute></saml2:AttributeStatement>
""")
T("api", r"""
«p0.ip4» - - [«ts_nginx»] "GET ⟦URL:/portal/reset?email=«p0.email|url»&dob=«p0.dob:iso»⟧ HTTP/2.0" 400 187 "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X)" rt=«duration» uid=«hex:16»
""")
T("api", r"""
{"start_time":"«ts_iso»","method":"PATCH","path":"⟦URL:/v1/members/«p0.plan»/coverage?effective=«date:iso»⟧","response_code":«=status:409»,"duration":«~small»,"x_forwarded_for":"«p0.ip6», «infra_ip»","user_agent":"TidewellPortal/«ver» (iPhone; iOS 17.3.1)","request_id":"«uuid»","upstream_cluster":"«=service:eligibility-svc»"}
""")
T("api", r"""
webhook-relay: upstream 500 from partner «=service:booking-bridge»; body logged as string:
"{\"patient\":{\"name\":\"«p0.full»\",\"email\":\"«p0.email»\",\"phone\":\"«p0.phone:e164»\",\"dob\":\"«p0.dob:iso»\"},\"booking_url\":\"⟦URL:https:\/\/book.tidewell.health\/c\/«p0.mrn»\/confirm⟧\",\"provider_npi\":\"«c0.npi»\"}"
""")
C("api", r"""
[«ts_iso»] "GET /healthz HTTP/1.1" 503 UF,URX «~small» 0 «~small» - "-" "kube-probe/1.29" "«uuid»" "«infra_ip»:«=port:8080»" "«=cluster:outbound|8080||claims-svc.prod.svc.cluster.local»"
upstream connect error or disconnect/reset before headers. retried and the latest reset reason: connection failure, transport failure reason: delayed connect error: 111
""")
C("api", r"""
jwt verify failed: kid «hex:16» not in JWKS (rotated «ts_iso»)
claims: {"sub":"«uuid»","aud":"portal-api","scope":"appointments:read billing:read","iat":«epoch»,"exp":«epoch»,"iss":"https://auth.tidewell.health/","tenant":"«=tenant:cedar-lane»"}
""")

# ----- configuration dumps (YAML / TOML / Helm / k8s)
T("config", r"""
yaml.scanner.ScannerError: mapping values are not allowed here
  in "fixtures/demo_clients.yml", line «~small», column 22
  - mrn: «p0.mrn»
    name: «p0.full»
    address: «p0.addr»: «p0.city»
    phone: «p0.phone:dash»
loaddata aborted; «count» objects installed before failure
""")
T("config", r"""
«=exception:tomllib.TOMLDecodeError»: Cannot overwrite a value (at line «~small», column «~small»)
--- config/escalation.toml ---
[escalation.after_hours]
primary = "«c0.full»"
primary_pager = "«c0.phone:e164»"
backup = "«c1.full»"
backup_phone = "«c1.phone:dash»"
backup_phone = "«c1.phone:dot»"
sla_minutes = 15
""")
T("config", r"""
flagd: invalid flag definition "«=flag:new-scheduler-beta»": targeting rule references unknown operator "in_list"
flags:
  new-scheduler-beta:
    state: ENABLED
    variants: {on: true, off: false}
    targeting:
      if:
        - in_list: [{var: email}, ["«p0.email»", "«p1.email»", "«c0.email»"]]
        - on
        - off
""")
T("config", r"""
The ConfigMap "smoke-test-fixtures" is invalid: metadata.annotations: Too long: must have at most 262144 bytes
data:
  SMOKE_PATIENT_NAME: "«p0.full»"
  SMOKE_PATIENT_SSN: "«p0.ssn:dash»"
  SMOKE_PATIENT_MRN: "«p0.mrn»"
  SMOKE_PATIENT_PHONE: "«p0.phone:e164»"
  SMOKE_BASE_URL: "https://staging.tidewell.health"
secret-scan: ConfigMap contains SSN-shaped value; pipeline blocked («=rule:ssn-shape»)
""")
T("config", r"""
ansible-inventory: [WARNING]: Found variable using reserved name: remote_addr
host_vars/telehealth-gw-1.yml:
  allowed_remote_clinicians:
    - name: «c0.full»
      home_ip: «c0.ip4»
    - name: «c1.full»
      home_ip: «c1.ip6»
  wireguard_listen_port: «=port:51820»
""")
C("config", r"""
helm upgrade --install notify-worker ./charts/worker -f values-prod.yaml
Error: UPGRADE FAILED: values don't meet the specifications of the schema(s) in the following chart(s):
worker:
- resources.limits.memory: Invalid type. Expected: string, given: integer
values excerpt:
  image: registry.tidewell.internal/notify-worker:«ver»
  env:
    KAFKA_BROKERS: «infra_ip»:«=port:9092»
    CASSANDRA_HOSTS: «infra_ip»
    GRACE_PERIOD_SECONDS: "900"
""")
C("config", r"""
celery beat schedule loaded from config/beat.toml — 1 warning
[beat.reminders_sweep]
task = "«=task:reminders.tasks.sweep»"
cron = "*/5 * * * *"
[beat.statement_export]
task = "«=task:billing.tasks.export_statements»"
cron = "0 3 * * *"
warning: task 'billing.tasks.mark_bill_paid' is declared twice; the second definition will win
""")


# ---------------------------------------------------------------------------
# Corpus assembly
# ---------------------------------------------------------------------------


def template_table():
    table = []
    counters = {}
    for style, clean, text in TEMPLATES:
        key = (style, clean)
        counters[key] = counters.get(key, 0) + 1
        tid = "%s/%s-%s%02d" % (FAMILY, style, "clean" if clean else "", counters[key])
        table.append((tid, style, clean, text))
    return table


def assignment(table):
    rng = random.Random(FAMILY + ":assign")
    phi_t = [t for t in table if not t[2]]
    clean_t = [t for t in table if t[2]]
    n_clean = N_RECORDS // CLEAN_EVERY
    n_phi = N_RECORDS - n_clean
    seq_p, seq_c = [], []
    while len(seq_p) < n_phi:
        lst = phi_t[:]
        rng.shuffle(lst)
        seq_p += lst
    while len(seq_c) < n_clean:
        lst = clean_t[:]
        rng.shuffle(lst)
        seq_c += lst
    out, ip, ic = [], 0, 0
    for n in range(1, N_RECORDS + 1):
        if n % CLEAN_EVERY == 0:
            out.append(seq_c[ic])
            ic += 1
        else:
            out.append(seq_p[ip])
            ip += 1
    return out


def render_record(n, tpl, attempt):
    tid, style, clean, text = tpl
    ctx = Ctx(random.Random("%s:%d:%d" % (FAMILY, n, attempt)))
    body = render(text, ctx)
    rec = {
        "id": "%s-%d" % (FAMILY, n),
        "family": FAMILY,
        "template": tid,
        "text": body,
        "phi": [{"value": v, "kind": k} for v, k in ctx.labels],
        "keep": [t for t, _ in ctx.keeps],
        "keep_kinds": [k for _, k in ctx.keeps],
    }
    return rec


def build_record(n, tpl, stats=None):
    last = None
    for attempt in range(MAX_ATTEMPTS):
        rec = render_record(n, tpl, attempt)
        errs = verify_record(rec)
        if tpl[2] and rec["phi"]:
            errs.append("clean template produced PHI labels")
        if not rec["keep"]:
            errs.append("no keep tokens")
        if not errs:
            if stats is not None:
                stats["redraws"] = stats.get("redraws", 0) + attempt
                if attempt:
                    stats.setdefault("redrawn", []).append((n, tpl[0], attempt, last))
            return rec
        last = errs
    raise RuntimeError("record %d (%s) failed %d attempts; last errors: %s"
                       % (n, tpl[0], MAX_ATTEMPTS, last))


def build_corpus(stats=None):
    table = template_table()
    return [build_record(n, tpl, stats) for n, tpl in enumerate(assignment(table), start=1)]


def serialize(recs):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode("utf-8")


def corpus_problems(recs):
    probs = []
    if len(recs) != N_RECORDS:
        probs.append("expected %d records, got %d" % (N_RECORDS, len(recs)))
    counts = {k: 0 for k in phi_score.KINDS}
    ids = set()
    for i, r in enumerate(recs, start=1):
        if r.get("id") != "%s-%d" % (FAMILY, i):
            probs.append("bad id at %d: %r" % (i, r.get("id")))
        if r.get("family") != FAMILY:
            probs.append("bad family in %s" % r.get("id"))
        ids.add(r.get("id"))
        for ph in r["phi"]:
            counts[ph["kind"]] = counts.get(ph["kind"], 0) + 1
        for e in verify_record(r):
            probs.append("%s: %s" % (r["id"], e))
    for k in phi_score.KINDS:
        if counts.get(k, 0) < 25:
            probs.append("kind %s has only %d values" % (k, counts.get(k, 0)))
    clean = sum(1 for r in recs if not r["phi"])
    if not (0.15 * N_RECORDS <= clean <= 0.25 * N_RECORDS):
        probs.append("clean records %d not about a fifth" % clean)
    table = template_table()
    if len(table) < 180:
        probs.append("only %d templates" % len(table))
    if len(set(t[1] for t in table)) < 12:
        probs.append("only %d styles" % len(set(t[1] for t in table)))
    return probs, counts


def summary(recs, counts):
    table = template_table()
    used = set(r["template"] for r in recs)
    styles = sorted(set(t[1] for t in table))
    lines = [
        "records: %d (no-PHI: %d)" % (len(recs), sum(1 for r in recs if not r["phi"])),
        "PHI values: %d" % sum(counts.values()),
        "by kind: " + ", ".join("%s=%d" % (k, counts.get(k, 0)) for k in phi_score.KINDS),
        "templates: %d (%d with PHI, %d look-alike only; %d used)" % (
            len(table), sum(1 for t in table if not t[2]), sum(1 for t in table if t[2]), len(used)),
        "styles: %d (%s)" % (len(styles), ", ".join(styles)),
        "keep tokens: %d" % sum(len(r["keep"]) for r in recs),
    ]
    return "\n".join(lines)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="regenerate in memory, compare with the file, re-verify every record")
    ap.add_argument("--verbose", action="store_true", help="list redrawn records")
    args = ap.parse_args(argv)
    stats = {}
    recs = build_corpus(stats)
    data = serialize(recs)
    if args.check:
        try:
            with open(OUT_PATH, "rb") as f:
                disk = f.read()
        except FileNotFoundError:
            print("check FAILED: %s does not exist" % OUT_PATH)
            return 1
        ok = True
        if disk != data:
            print("check FAILED: %s differs from the regenerated corpus" % OUT_PATH)
            ok = False
        disk_recs = [json.loads(l) for l in disk.decode("utf-8").splitlines() if l.strip()]
        probs, counts = corpus_problems(disk_recs)
        for p in probs[:50]:
            print("problem:", p)
        if probs:
            print("check FAILED: %d problems" % len(probs))
            ok = False
        print(summary(disk_recs, counts))
        print("check %s" % ("OK" if ok else "FAILED"))
        return 0 if ok else 1
    probs, counts = corpus_problems(recs)
    for p in probs[:50]:
        print("problem:", p)
    with open(OUT_PATH, "wb") as f:
        f.write(data)
    print("wrote %s" % OUT_PATH)
    print(summary(recs, counts))
    print("redraws: %d" % stats.get("redraws", 0))
    if args.verbose:
        for n, tid, att, errs in stats.get("redrawn", []):
            print("  %d %s attempts=%d first-errors=%s" % (n, tid, att, errs[:3] if errs else None))
    return 1 if probs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
