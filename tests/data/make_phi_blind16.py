#!/usr/bin/env python3
"""Generator for tests/data/phi_blind16.jsonl -- an independent, blind PHI corpus.

Synthetic alert/log/message texts of a mental-health practice-management
platform ("Harborlight") and its services, with ground-truth PHI labels in the
format of /work/shared/phi/README.md.

    python3 make_phi_blind16.py            # (re)write phi_blind16.jsonl next to this file
    python3 make_phi_blind16.py --check    # regenerate, re-verify every record, compare with file
    python3 make_phi_blind16.py --out PATH # write elsewhere

Stdlib only, fixed seed, deterministic.  Every value is invented.
"""
import argparse
import datetime
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter, OrderedDict

SEED = 1616_2024
N_RECORDS = 600
PREFIX = "blind16"
OUT_NAME = "phi_blind16.jsonl"
KINDS = ["NAME", "ADDRESS", "CITY", "ZIP", "DATE", "PHONE", "FAX", "EMAIL", "SSN",
         "MRN", "HEALTH_PLAN", "ACCOUNT", "LICENSE", "VEHICLE", "DEVICE", "URL",
         "IP", "OTHER_ID", "AGE_OVER_89"]

# ---------------------------------------------------------------------------
# scorer rules (imported from phi_score.py when available, else a stricter copy)
# ---------------------------------------------------------------------------
_HERE = os.path.dirname(os.path.abspath(__file__))
for _p in (_HERE, "/work/main/tests/data"):
    if os.path.exists(os.path.join(_p, "phi_score.py")):
        sys.path.insert(0, _p)
        break
try:
    import phi_score as _score  # noqa: E402
    occurs, digits_of, name_parts, leak_reason = (
        _score.occurs, _score.digits_of, _score.name_parts, _score.leak_reason)
    COMMON = _score.COMMON_WORDS | _score.TITLES
except Exception:  # pragma: no cover - stricter fallback
    COMMON = {"mr", "mrs", "ms", "dr", "jr", "sr", "md", "phd"}

    def _bp(v):
        left = r"(?<![^\W_])" if v[:1].isalnum() else ""
        right = r"(?![^\W_])" if v[-1:].isalnum() else ""
        return left + re.escape(v) + right

    def occurs(v, t):
        return bool(v) and v in t and re.search(_bp(v), t) is not None

    def digits_of(s):
        return re.sub(r"[^0-9]", "", s)

    def name_parts(v):
        return [p for p in re.findall(r"[^\W\d_]+", v) if len(p) >= 3 and p.lower() not in COMMON]

    def leak_reason(v, k, out, od=None):
        if occurs(v, out):
            return "verbatim"
        vd = digits_of(v)
        if len(vd) >= 6 and vd in digits_of(out):
            return "digits"
        if k == "NAME":
            for p in name_parts(v):
                if re.search(r"(?<![^\W\d_])" + re.escape(p) + r"(?![^\W\d_])", out, re.I):
                    return "name-part:" + p
        return None


def _bpat(v):
    left = r"(?<![^\W_])" if v[:1].isalnum() else ""
    right = r"(?![^\W_])" if v[-1:].isalnum() else ""
    return left + re.escape(v) + right


# ---------------------------------------------------------------------------
# check digits / validity
# ---------------------------------------------------------------------------
def luhn_digit(payload):
    tot = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


def luhn_ok(s):
    d = re.sub(r"\D", "", s)
    return len(d) >= 2 and luhn_digit(d[:-1]) == d[-1]


def npi_ok(s):
    d = re.sub(r"\D", "", s)
    return len(d) == 10 and d[0] in "12" and luhn_ok("80840" + d)


def dea_ok(s):
    m = re.fullmatch(r"[ABFGM][A-Z9]\d{7}", s)
    if not m:
        return False
    d = [int(x) for x in s[2:]]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


VIN_T = {str(i): i for i in range(10)}
VIN_T.update(dict(A=1, B=2, C=3, D=4, E=5, F=6, G=7, H=8, J=1, K=2, L=3, M=4, N=5, P=7, R=9,
                  S=2, T=3, U=4, V=5, W=6, X=7, Y=8, Z=9))
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_digit(v):
    s = sum(VIN_T[c] * w for c, w in zip(v, VIN_W)) % 11
    return "X" if s == 10 else str(s)


def vin_ok(v):
    return len(v) == 17 and all(c in VIN_T for c in v) and v[8] == vin_digit(v)


def imei_ok(s):
    d = re.sub(r"\D", "", s)
    return len(d) == 15 and luhn_ok(d)


def card_ok(s):
    d = re.sub(r"[ -]", "", s)
    if not d.isdigit() or not luhn_ok(d):
        return False
    if d[0] == "4":
        return len(d) == 16
    if d[:2] in ("34", "37"):
        return len(d) == 15
    if d[:2] in ("51", "52", "53", "54", "55") or d[:4] == "6011":
        return len(d) == 16
    return False


def ssn_ok(s):
    m = re.fullmatch(r"(\d{3})([- ]?)(\d{2})\2(\d{4})", s)
    if not m:
        return False
    a, g, n = m.group(1), m.group(3), m.group(4)
    if a in ("000", "666") or a[0] == "9" or g == "00" or n == "0000":
        return False
    return a + g + n not in ("078051120", "219099999", "123456789")


MBI_A = "ACDEFGHJKMNPQRTUVWXY"
MBI_AN = MBI_A + "0123456789"


def mbi_ok(s):
    d = s.replace("-", "")
    if len(d) != 11:
        return False
    pat = ["19", MBI_A, MBI_AN, "09", MBI_A, MBI_AN, "09", MBI_A, MBI_A, "09", "09"]
    for ch, p in zip(d, pat):
        if p in ("19", "09"):
            lo = "1" if p == "19" else "0"
            if not (ch.isdigit() and lo <= ch <= "9"):
                return False
        elif ch not in p:
            return False
    return True


def ipv4_public(s):
    m = re.fullmatch(r"(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})", s)
    if not m:
        return False
    o = [int(x) for x in m.groups()]
    if any(x > 255 for x in o):
        return False
    a, b = o[0], o[1]
    if a in (0, 10, 127) or a >= 224 or (a == 172 and 16 <= b <= 31) or (a == 192 and b == 168):
        return False
    if (a == 169 and b == 254) or (a == 100 and 64 <= b <= 127):
        return False
    return True


def ipv6_public(s):
    return bool(re.fullmatch(r"2[0-9a-f]{3}(:[0-9a-f]{0,4}){2,7}", s.lower()))


def fold(s):
    """ASCII-fold a name for e-mail/user-name/slug use."""
    s = s.replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


# ---------------------------------------------------------------------------
# invented name pools (given, family, order, phone country)
#   order "gf": given first; "fg": family first in natural order
# ---------------------------------------------------------------------------
CULTURES = {
    "akan": ("Kwame Akosua Yaw Abena Kofi Adwoa Kwabena Efua Afia Kwaku",
             "Mensah Owusu Boateng Asante Darko Ofori Antwi Appiah Agyeman Frimpong Acheampong",
             "gf", "233"),
    "hausa": ("Aminu Hauwa Sani Zainab Musa Hadiza Ibrahim Rabi",
              "Bello Abubakar Danjuma Garba Yakubu Lawal Usman Dikko", "gf", "234"),
    "zulu": ("Thandeka Sipho Nomvula Bongani Lindiwe Sibusiso Zanele Mandla",
             "Dlamini Ngcobo Mkhize Zungu Khumalo Shabalala Ndlovu Mthembu", "gf", "27"),
    "somali": ("Hodan Abdirahman Faadumo Liban Ayaan Mahad Hibaaq Guled",
               "Warsame Farah Jama Hirsi Abdullahi Mohamud Egal Osman", "gf", "252"),
    "oromo": ("Chaltu Gemechu Lensa Obsa Tolera Hawi Bontu Abdi",
              "Dabessa Gudina Tufa Bekele Jirata Regassa Gemeda Wakjira", "gf", "251"),
    "malayalam": ("Anjali Sreekanth Lakshmi Vishnu Divya Arjun Meera Jithin",
                  "Menon Pillai Nair Kurian Kurup Panicker Varghese Nambiar", "gf", "91"),
    "marathi": ("Aarti Sachin Pooja Omkar Snehal Tejas Rutuja Aniket",
                "Deshpande Kulkarni Joshi Patil Gaikwad Jadhav Bhosale Pawar", "gf", "91"),
    "gujarati": ("Hetal Jignesh Krupa Parth Nirali Bhavin Foram Chirag",
                 "Patel Shah Desai Mehta Trivedi Vyas Parikh Solanki", "gf", "91"),
    "nepali": ("Sabin Pratima Bishnu Sarita Roshan Anjana Suman Binita",
               "Thapa Gurung Shrestha Adhikari Tamang Magar Karki Bhattarai", "gf", "977"),
    "sinhala": ("Nimali Chaminda Dilani Kasun Tharindu Sanduni Ruwan Ishara",
                "Perera Jayasuriya Wickramasinghe Fernando Bandara Rathnayake Dissanayake Gunasekara",
                "gf", "94"),
    "thai": ("Somchai Kanya Nattapong Pimchanok Siriporn Thanawat Kittisak Ploy",
             "Wongsawat Srisuk Chaiyaporn Thongchai Rattanakorn Suwannarat Boonmee Phrommas",
             "gf", "66"),
    "khmer": ("Sokha Dara Chenda Vuthy Sopheap Bopha Rithy Kanha",
              "Chhay Meas Keo Heng Prak Chea Sorn Pheng", "fg", "855"),
    "burmese": ("Thandar Hnin Zaw Thura Kyaw Nandar Moe Khin",
                "Myint Htun Naing Thein Lwin Khaing Phyo Maung", "gf", "95"),
    "indonesian": ("Budi Dewi Agus Wulan Rina Fajar Ayu Hendra",
                   "Santoso Hidayat Kusuma Siregar Nasution Wibowo Pratama Setiawan", "gf", "62"),
    "hmong": ("Kou Tou Nou Yer Chue Neng Pakou Xue Mai",
              "Vang Xiong Thao Moua Lor Yang Khang Her", "gf", "1"),
    "mongolian": ("Bolormaa Ganbaatar Oyunchimeg Temuulen Enkhjin Munkhzul Tuvshin Nomin",
                  "Batbayar Tsogt Enkhbold Erdenebat Gansukh Purevdorj Otgonbayar Baatar",
                  "gf", "976"),
    "kazakh": ("Aigerim Nurlan Dana Yerlan Aruzhan Daulet Madina Askar",
               "Nurpeisov Seitkali Abenova Zhaksylykov Tokayeva Omarov Akhmetova Bekturov",
               "gf", "7"),
    "georgian": ("Nino Giorgi Tamar Levan Ketevan Davit Mariam Zurab",
                 "Beridze Kapanadze Gelashvili Lomidze Tsiklauri Chkheidze Maisuradze Javakhishvili",
                 "gf", "995"),
    "armenian": ("Anahit Hayk Lusine Tigran Armen Siranush Narek Gayane",
                 "Petrosyan Hakobyan Grigoryan Sargsyan Avetisyan Karapetyan Ghazaryan Mkrtchyan",
                 "gf", "374"),
    "romanian": ("Ioana Ștefan Mihaela Radu Andreea Bogdan Ileana Sorin",
                 "Popescu Ionescu Dumitrescu Constantinescu Stoica Munteanu Vlădescu Țurcanu",
                 "gf", "40"),
    "hungarian": ("Zsófia Bence Réka Gergely Csilla Levente Dóra Ábel",
                  "Szabó Nagy Kovács Tóth Horváth Varga Farkas Balogh", "fg", "36"),
    "czech": ("Tereza Jiří Markéta Ondřej Kateřina Lukáš Zuzana Vojtěch",
              "Dvořák Nováková Procházka Kučera Veselý Černá Svoboda Marek", "gf", "420"),
    "finnish": ("Aino Jussi Sanna Eero Minna Tuomas Helmi Ville",
                "Järvinen Korhonen Virtanen Mäkinen Heikkilä Laaksonen Nieminen Koskinen",
                "gf", "358"),
    "dutch": ("Maartje Joost Sanne Daan Femke Thijs Lotte Bram",
              "van der Berg|de Vries|Visser|Jansen|Mulder|Bakker|Hoekstra|van Dijk", "gf", "31"),
    "italian": ("Chiara Lorenzo Giulia Matteo Federica Alessio Ilaria Davide",
                "Esposito Bianchi Ferraro Colombo Romano Ricci Marino Greco", "gf", "39"),
    "quechua": ("Killa Inti Amaru Sisa Wayra Kusi Illari Rumi",
                "Mamani Quispe Huamán Condori Apaza Yupanqui Ccori Huallpa", "gf", "51"),
    "cherokee": ("Ayita Sequoyah Tsali Waya Adsila Onacona Galilahi Tayanita",
                 "Sixkiller Walkingstick Standingdeer Hornbuckle Crowe Squirrel Swimmer Pigeon",
                 "gf", "1"),
    "hawaiian": ("Kalani Keoni Leilani Makana Noelani Kaimana Pualani Ikaika",
                 "Kahananui Kealoha Akana Kamakau Kaleikini Nāone Kapaona Keakealani", "gf", "1"),
    "maori": ("Aroha Tāne Wiremu Hēmi Ngaio Rawiri Anahera Mereana",
              "Ngata|Parata|Tawhiri|Rangihau|Te Whata|Kereama|Pōtae|Waititi", "gf", "64"),
    "welsh": ("Rhiannon Dafydd Gwenllian Iwan Siân Cerys Gethin Bethan",
              "Llewellyn Prys Pugh Bowen Gruffydd Vaughan Rhys Meredith", "gf", "44"),
    "gaelic": ("Mòrag Eilidh Ruairidh Seumas Catrìona Calum Ciorstaidh Dòmhnall",
               "MacLeòid NicDhòmhnaill MacAoidh Caimbeul MacIlleathain Moireasdan NicRath MacCoinnich",
               "gf", "44"),
    "lebanese": ("Rania Karim Nadine Ziad Joumana Fadi Layal Rami",
                 "Haddad|Khoury|Nasrallah|Abi Saab|Frangieh|Sfeir|Bou Khalil|Aoun", "gf", "961"),
    "israeli": ("Noa Yael Omer Itai Shira Eitan Maayan Noam",
                "Ben-David Mizrahi Peretz Shapira Avraham Friedman Azoulay Katz", "gf", "972"),
    "vietnamese": ("Thảo|Huy|Ngọc Anh|Quang|Phương|Tuấn|Minh Châu|Khoa",
                   "Nguyễn Trần Phạm Hoàng Huỳnh Đặng Bùi Dương", "fg", "84"),
    "korean": ("Ji-woo Min-seo Hyun-woo Seo-yeon Jae-hoon Eun-ji Dong-hyun Ha-eun",
               "Kim Choi Jung Kang Yoon Jang Lim Han", "gf", "82"),
    "haitian": ("Widline Jean-Robert Dieuvel Nadège Wisly Fabienne Jodeline Ricardo",
                "Jean-Baptiste Pierre-Louis Saint-Fleur Desrosiers Dorvil Exantus Louissaint Valcourt",
                "gf", "509"),
    "russian": ("Svetlana Dmitri Anastasia Yevgeny Olga Timofei Ksenia Arkady",
                "Orlova Volkov Belousova Kuznetsov Zaitseva Sokolov Morozova Lebedev", "gf", "7"),
    "polish": ("Agnieszka Krzysztof Małgorzata Wojciech Zofia Grzegorz Katarzyna Piotr",
               "Wójcik Zieliński Kowalczyk Wiśniewska Lewandowski Szymańska Dąbrowski Kamińska",
               "gf", "48"),
    "amharic": ("Selam Dawit Tigist Yonas Meron Bereket Hiwot Abel",
                "Tesfaye Haile Alemu Gebremedhin Mekonnen Woldemariam Assefa Tadesse", "gf", "251"),
    "brazilian": ("João Luana Thiago Larissa Rafael Camila Vinícius Beatriz",
                  "Oliveira Carvalho Souza Ribeiro Almeida Barbosa Nascimento Rocha", "gf", "55"),
}
# English words that are also given names (a word-lookalike trap when used as names)
WORD_GIVEN = "Grace Hope Will Faith Joy Summer June Ivy Mark Bill Frank Rose Hazel Dawn Sky Jade".split()


def _split(s):
    return s.split("|") if "|" in s else s.split()


POOL = {k: (_split(v[0]), _split(v[1]), v[2], v[3]) for k, v in CULTURES.items()}

STREET_CORES = [
    "Tamarack Hollow", "Quillback", "Old Ferry Landing", "Sorrel Bend", "Cinder Mill", "Wicklow",
    "Kettle Creek", "Juniper Flats", "Pawpaw Ridge", "Bramblewood", "Larkspur", "Alder Fork",
    "Copperhead", "Sassafras Knoll", "Heron Pointe", "Gristmill", "Foxglove", "Brindle Gap",
    "Chicory", "Wagon Wheel", "Tupelo", "Blue Tick", "Ironweed", "Cattail Marsh", "Persimmon",
    "Hickory Nut", "Owl Hollow", "Limestone Quarry", "Muskrat", "Spoonbill", "Buttonbush",
    "Yarrow", "Whippoorwill", "Dogleg", "Sugar Maple Run", "Keystone Orchard", "Quarry Hill",
    "Pickerel", "Thistledown", "Roan Mountain", "Teaberry", "Kinnikinnick", "Mesquite Draw",
    "Ocotillo", "Saguaro Vista", "Lehua", "Kamani", "Nāpua", "Mōhala", "Ridgecap",
]
STREET_SUFFIX = ["Rd", "Road", "Ln", "Lane", "Dr", "Drive", "Ave", "Avenue", "St", "Street", "Ct",
                 "Cir", "Way", "Pl", "Trl", "Pkwy", "Terrace", "Blvd", "Loop", "Pike", "Hwy"]
UNITS = ["Apt {n}", "Apt. {n}{L}", "Unit {n}", "#{n}", "Ste {n}", "Lot {n}", "Trlr {n}",
         "Bldg {b} Apt {n}", "Fl {b}", "Rm {n}", "Apt {b}{L}", "Spc {n}"]
# (city, state, zip3)
CITIES = [
    ("Hope", "AR", "718"), ("Liberty", "MO", "640"), ("Commerce", "TX", "754"),
    ("Friendship", "WI", "539"), ("Bliss", "ID", "833"), ("Paradise", "CA", "959"),
    ("Surprise", "AZ", "853"), ("Normal", "IL", "617"), ("Plain", "WI", "535"),
    ("Harmony", "MN", "559"), ("Energy", "IL", "629"), ("Justice", "IL", "604"),
    ("Unity", "ME", "049"), ("Eclectic", "AL", "360"), ("Boring", "OR", "970"),
    ("Peculiar", "MO", "647"), ("Protection", "KS", "671"), ("Security", "CO", "809"),
    ("Enterprise", "AL", "363"), ("Independence", "KS", "673"), ("Hazard", "KY", "417"),
    ("Defiance", "OH", "435"), ("Sublimity", "OR", "973"), ("Truth or Consequences", "NM", "879"),
    ("Wahoo", "NE", "680"), ("Tahlequah", "OK", "744"), ("Hilo", "HI", "967"),
    ("Kapaa", "HI", "967"), ("Minot", "ND", "587"), ("Bemidji", "MN", "566"),
    ("Cicero", "IL", "608"), ("Faribault", "MN", "550"), ("Lewiston", "ME", "042"),
    ("St. Cloud", "MN", "563"), ("Marshalltown", "IA", "501"), ("Eau Claire", "WI", "547"),
    ("Wausau", "WI", "544"), ("Lowell", "MA", "018"), ("Willmar", "MN", "562"),
    ("Postville", "IA", "521"), ("Garden City", "KS", "678"), ("Shelbyville", "TN", "371"),
    ("Storm Lake", "IA", "505"), ("Worthington", "MN", "561"), ("Ottumwa", "IA", "525"),
    ("Cherokee", "NC", "287"), ("Pahoa", "HI", "967"), ("Hamtramck", "MI", "482"),
    ("Clarkston", "GA", "300"), ("Fargo", "ND", "581"), ("Lake Worth", "FL", "334"),
    ("Brockton", "MA", "023"), ("Framingham", "MA", "017"), ("Merced", "CA", "953"),
    ("Tukwila", "WA", "981"), ("Greeley", "CO", "806"), ("Mankato", "MN", "560"),
    ("Dalton", "GA", "307"), ("Comfort", "TX", "780"), ("Happy", "TX", "790"),
    ("Welcome", "MD", "206"), ("Accident", "MD", "215"), ("Success", "AR", "724"),
    ("Ideal", "GA", "318"), ("Honor", "MI", "496"), ("Loyal", "WI", "544"),
    ("Sandwich", "IL", "605"), ("Cool", "CA", "956"), ("Pearl", "MS", "392"),
    ("Marble", "CO", "816"), ("Fairplay", "CO", "804"), ("Nome", "AK", "997"),
]
EMPLOYERS = ["Kestrel Freight Lines", "Bluewater Poultry Processing", "Prairie Sun Dairy Co-op",
             "Tamarind Home Health", "Harrow & Finch LLP", "Northgate Tire & Lube",
             "Two Rivers Unified School District", "Coldspring Packaging", "Marigold Senior Living",
             "Ironclad Roofing", "Cobalt Logistics", "Sweetgrass Casino Resort", "Oxbow Ethanol",
             "Lumen Call Center Services", "Pinecrest Meatpacking", "Saltmarsh Seafoods"]
SCHOOLS = ["Marrow Creek Middle School", "Tollgate High School", "Kessler Ridge Elementary",
           "Bluestem Academy", "Ironwood Junior High", "Cedar Hollow Charter School",
           "North Tamsen High", "Oakhurst Alternative Learning Center"]
PAYERS = ["Aetna", "Cigna", "Optum", "Magellan", "Carelon Behavioral Health", "Ambetter",
          "Molina Healthcare", "Tricare West", "Humana", "UnitedHealthcare", "Medicaid",
          "BCBS of Kansas", "Highmark", "Wellcare", "CareSource", "Beacon Health Options"]
ICD = ["F32.1", "F33.2", "F41.1", "F43.10", "F43.12", "F90.0", "F31.81", "F42.2", "F50.01",
       "F10.20", "F11.20", "F60.3", "Z63.0", "F40.10", "F84.0", "F32.A", "F43.23", "R45.851"]
CPT = ["90791", "90792", "90832", "90834", "90837", "90846", "90847", "90853", "96127",
       "99213", "99214", "90839", "90840", "H0031", "H2019", "96130", "90785", "G0444"]
SERVICES = ["intake-api", "sched-svc", "claims-gateway", "telehealth-bridge", "notes-indexer",
            "fax-inbound", "reminderd", "portal-web", "eligibility-worker", "billing-core",
            "consent-hooks", "roster-export", "crisisline-router", "letters-svc", "audit-sink",
            "flagd-proxy", "ocr-pipeline", "mq-drainer", "search-sync", "contacts-sync"]
MED = ["sertraline 100 mg", "bupropion XL 300 mg", "lithium carbonate 600 mg", "quetiapine 50 mg",
       "lamotrigine 200 mg", "buprenorphine/naloxone 8/2 mg", "escitalopram 10 mg",
       "methylphenidate ER 36 mg", "prazosin 2 mg", "clozapine 200 mg", "aripiprazole 5 mg"]
PHARMACIES = ["Crossway Pharmacy", "Rx Depot #3310", "Bellwether Drug", "Tri-County Apothecary"]
HOSPITALS = ["St. Brigid Behavioral Hospital", "Mercy Ridge ED", "Valley Lutheran Medical Center",
             "Kilgore Regional", "Northfield Psychiatric Pavilion"]
EN_MON = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
EN_DOW = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
LANG_MON = {
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "ht": "janvye fevriye mas avril me jen jiyè out septanm oktòb novanm desanm",
    "so": "Janaayo Febraayo Maarso Abriil May Juun Luuliyo Ogost Sebtembar Oktoobar Nofembar Desembar",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
}
ORD = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
       "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth "
       "twenty-first twenty-second twenty-third twenty-fourth twenty-fifth twenty-sixth "
       "twenty-seventh twenty-eighth twenty-ninth thirtieth thirty-first").split()
ONES = "zero one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def num_words(n):
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else "-" + ONES[n % 10])
    rest = n - 100
    return "one hundred" + ("" if rest == 0 else " and " + num_words(rest))


def year_words(y):
    if 2000 <= y <= 2009:
        return "two thousand" + ("" if y == 2000 else " " + ONES[y - 2000])
    hi, lo = divmod(y, 100)
    return num_words(hi) + " " + ("hundred" if lo == 0 else ("oh-" + ONES[lo] if lo < 10 else num_words(lo)))


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "%d%s" % (n, suf)


# ---------------------------------------------------------------------------
# record context: random helpers + PHI / keep registration
# ---------------------------------------------------------------------------
class Person(object):
    def __init__(self, given, family, culture, order, cc, sex):
        self.given, self.family, self.culture, self.order, self.cc, self.sex = (
            given, family, culture, order, cc, sex)


PUBLIC_A = [23, 24, 38, 45, 47, 50, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 96,
            97, 98, 99, 104, 107, 108, 136, 142, 148, 162, 166, 173, 174, 184, 185, 199, 205,
            207, 208, 209, 216]
WMI = ["1HG", "1FT", "2T1", "3VW", "JTD", "5YJ", "KMH", "1G1", "4T1", "WBA", "JN1", "1N4", "3FA",
       "1C4", "5NP", "2HG", "1GN", "KND"]
VIN_YEAR = "89ABCDEFGHJKLMNP"  # 2008..2023
VIN_CH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
TAC = ["35332211", "35875309", "35391110", "86769304", "35260011", "01326300", "35925406",
       "35467510", "35698107", "86440005"]


class Ctx(object):
    def __init__(self, rng, clean=False):
        self.r = rng
        self.clean = clean
        self.i = 0
        self.phi = []      # (value, kind, subtype)
        self.keep = []     # (value, keep_kind)
        self.exempt = []   # look-alike strings deliberately left unlabelled
        self.kstyle = rng.choice(["camel", "snake", "kebab", "pascal", "snake"])
        self.now = datetime.datetime(2024, 1, 8, 0, 0, 0) + datetime.timedelta(
            seconds=rng.randrange(0, 560 * 86400))

    # -- registration --------------------------------------------------------
    def P(self, kind, value, sub=None):
        assert kind in KINDS, kind
        if self.clean:
            raise AssertionError("PHI registered in a PHI-free template: %r" % value)
        self.phi.append((value, kind, sub))
        return value

    def k(self, kind, value):
        self.keep.append((str(value), kind))
        return str(value)

    def N(self, value):
        self.exempt.append(str(value))
        return str(value)

    # -- plain random helpers ------------------------------------------------
    def ch(self, seq):
        return self.r.choice(seq)

    def ri(self, a, b):
        return self.r.randint(a, b)

    def coin(self, p=0.5):
        return self.r.random() < p

    def dig(self, n, first_nonzero=False):
        s = "".join(self.ch("0123456789") for _ in range(n))
        if first_nonzero and s[0] == "0":
            s = self.ch("123456789") + s[1:]
        return s

    def hexs(self, n):
        return "".join(self.ch("0123456789abcdef") for _ in range(n))

    def alnum(self, n, chars="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"):
        return "".join(self.ch(chars) for _ in range(n))

    def shuf(self, items):
        items = list(items)
        self.r.shuffle(items)
        return items

    def sample(self, seq, n):
        return self.r.sample(list(seq), n)

    def key(self, words):
        w = words.split()
        s = self.kstyle
        if s == "camel":
            return w[0] + "".join(x.capitalize() for x in w[1:])
        if s == "pascal":
            return "".join(x.capitalize() for x in w)
        if s == "kebab":
            return "-".join(w)
        return "_".join(w)

    def js(self, obj, indent=None):
        return json.dumps(obj, ensure_ascii=False, indent=indent)

    # -- non-PHI look-alikes ---------------------------------------------------
    def uuid(self):
        h = self.hexs(32)
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], self.ch("89ab"), h[17:20], h[20:32])

    def reqid(self):
        return self.ch(["req_", "rq-", "REQ", "x-req-", ""]) + self.hexs(self.ch([12, 16, 20]))

    def trace(self):
        return self.hexs(32)

    def sha(self, n=40):
        return self.hexs(n)

    def ver(self):
        return "%d.%d.%d" % (self.ri(0, 9), self.ri(0, 30), self.ri(0, 60))

    def port(self):
        return str(self.ch([5432, 6379, 9200, 8080, 8443, 3000, 5672, 4222, 9092, 11211, 443, 6443,
                            8000, 5000, 9000, 27017, 3306, 8125]))

    def infra_ip(self):
        if self.coin(0.6):
            return "10.%d.%d.%d" % (self.ri(0, 255), self.ri(0, 255), self.ri(1, 254))
        return "172.%d.%d.%d" % (self.ri(16, 31), self.ri(0, 255), self.ri(1, 254))

    def dbid(self):
        return str(self.ri(1000, 9999999))

    def dur(self):
        return self.ch(["%dms" % self.ri(3, 29000), "%.2fs" % (self.ri(10, 60000) / 1000.0),
                        "%dm%ds" % (self.ri(0, 9), self.ri(0, 59))])

    def amount(self):
        return "$%d.%02d" % (self.ri(5, 1900), self.ch([0, 0, 50, 25, 99, self.ri(0, 99)]))

    def svc(self):
        return self.ch(SERVICES)

    def pod(self, svc=None):
        svc = svc or self.svc()
        return "%s-%s-%s" % (svc, self.hexs(9), self.alnum(5, "bcdfghjklmnpqrstvwxz2456789"))

    def icd(self):
        return self.ch(ICD)

    def cpt(self):
        return self.ch(CPT)

    def payer(self):
        return self.ch(PAYERS)

    def ts(self, fmt=None, delta=0):
        t = self.now + datetime.timedelta(seconds=delta + self.ri(0, 40000),
                                          microseconds=self.ri(0, 999) * 1000)
        fmt = fmt or self.ch(["iso_z", "iso_ms", "iso_off", "py", "go", "space"])
        if fmt == "iso_z":
            s = t.strftime("%Y-%m-%dT%H:%M:%SZ")
        elif fmt == "iso_ms":
            s = t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)
        elif fmt == "iso_off":
            s = t.strftime("%Y-%m-%dT%H:%M:%S") + self.ch(["-05:00", "-06:00", "-07:00", "-04:00", "-10:00"])
        elif fmt == "py":
            s = t.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (t.microsecond // 1000)
        elif fmt == "go":
            s = t.strftime("%Y/%m/%d %H:%M:%S")
        elif fmt == "space":
            s = t.strftime("%Y-%m-%d %H:%M:%S")
        elif fmt == "syslog":
            s = t.strftime("%b %d %H:%M:%S").replace(" 0", "  ", 1) if t.day < 10 else t.strftime("%b %d %H:%M:%S")
        elif fmt == "epoch":
            s = "%d.%03d" % (int((t - datetime.datetime(1970, 1, 1)).total_seconds()), self.ri(0, 999))
        elif fmt == "epoch_ms":
            s = "%d" % (int((t - datetime.datetime(1970, 1, 1)).total_seconds()) * 1000 + self.ri(0, 999))
        elif fmt == "clock":
            s = t.strftime("%H:%M:%S")
        elif fmt == "hm":
            s = "%d:%02d %s" % ((t.hour % 12) or 12, t.minute, "AM" if t.hour < 12 else "PM")
        elif fmt == "rfc1123":
            s = t.strftime("%a, %d %b %Y %H:%M:%S GMT")
        elif fmt == "ics":
            s = t.strftime("%Y%m%dT%H%M%SZ")
        else:
            raise ValueError(fmt)
        return self.N(s)

    def times(self, n, fmt="hm", step=900):
        """n increasing clock times (exempt look-alikes)."""
        out, t = [], self.ri(0, 30000)
        for _ in range(n):
            out.append(self.ts_at(t, fmt))
            t += self.ri(20, step)
        return out

    def ts_at(self, offset, fmt):
        t = self.now + datetime.timedelta(seconds=offset)
        if fmt == "hm":
            s = "%d:%02d %s" % ((t.hour % 12) or 12, t.minute, "AM" if t.hour < 12 else "PM")
        elif fmt == "space":
            s = t.strftime("%Y-%m-%d %H:%M:%S")
        else:
            s = t.strftime("%H:%M:%S")
        return self.N(s)

    # -- people ------------------------------------------------------------------
    def person(self, culture=None):
        cul = culture or self.ch(sorted(POOL))
        given, family, order, cc = POOL[cul]
        g = self.ch(given)
        if self.coin(0.05):
            g = self.ch(WORD_GIVEN)
        return Person(g, self.ch(family), cul, order, cc, self.ch("FM"))

    def nm(self, p, f="full"):
        g, fam = p.given, p.family
        if f == "full":
            s = "%s %s" % (fam, g) if p.order == "fg" else "%s %s" % (g, fam)
        elif f == "gf":
            s = "%s %s" % (g, fam)
        elif f == "lf":
            s = "%s, %s" % (fam, g)
        elif f == "LF":
            s = ("%s, %s" % (fam, g)).upper()
        elif f == "UP":
            s = ("%s %s" % (g, fam)).upper()
        elif f == "hl7":
            s = "%s^%s" % (fam, g)
        elif f == "x12":
            s = ("%s*%s" % (fam, g)).upper()
        elif f == "ini":
            s = "%s. %s" % (g[0], fam)
        elif f == "mid":
            s = "%s %s. %s" % (g, self.ch("ABCDEFGHJKLMNPRSTVW"), fam)
        elif f == "g":
            s = g
        elif f == "f":
            s = fam
        elif f == "slug":
            s = fold("%s-%s" % (g, fam)).lower().replace(" ", "-")
        elif f == "snake":
            s = fold("%s_%s" % (g, fam)).lower().replace(" ", "_").replace("-", "_")
        elif f == "lower":
            s = ("%s %s" % (g, fam)).lower()
        else:
            raise ValueError(f)
        return self.P("NAME", s, "name")

    def nmr(self, p, choices=("full", "full", "gf", "lf", "LF", "mid", "UP")):
        return self.nm(p, self.ch(list(choices)))

    # -- dates -------------------------------------------------------------------
    def dob(self, old=False, young=False):
        if young:
            y = self.now.year - self.ri(7, 17)
        elif old:
            y = self.ri(1922, self.now.year - 91)
        else:
            y = self.ri(1941, 2016)
        return datetime.date(y, self.ri(1, 12), self.ri(1, 28))

    def appt(self, lo=-90, hi=120):
        return (self.now + datetime.timedelta(days=self.ri(lo, hi))).date()

    def dfmt(self, d, f):
        m, dd, y = d.month, d.day, d.year
        if f == "mdY":
            return "%02d/%02d/%d" % (m, dd, y)
        if f == "mdY_nz":
            return "%d/%d/%d" % (m, dd, y)
        if f == "mdy":
            return "%02d/%02d/%02d" % (m, dd, y % 100)
        if f == "md-Y":
            return "%02d-%02d-%d" % (m, dd, y)
        if f == "iso":
            return d.isoformat()
        if f == "compact":
            return d.strftime("%Y%m%d")
        if f == "dmY_dot":
            return "%02d.%02d.%d" % (dd, m, y)
        if f == "dmY":
            return "%02d/%02d/%d" % (dd, m, y)
        if f == "Ymd_slash":
            return "%d/%02d/%02d" % (y, m, dd)
        if f == "d-Mon-Y":
            return "%02d-%s-%d" % (dd, EN_MON[m - 1][:3], y)
        if f == "DMONY":
            return "%02d%s%d" % (dd, EN_MON[m - 1][:3].upper(), y)
        if f == "Mon d, Y":
            return "%s %d, %d" % (EN_MON[m - 1][:3], dd, y)
        if f == "Month d, Y":
            return "%s %d, %d" % (EN_MON[m - 1], dd, y)
        if f == "d Month Y":
            return "%d %s %d" % (dd, EN_MON[m - 1], y)
        if f == "d Mon Y":
            return "%d %s %d" % (dd, EN_MON[m - 1][:3].upper(), y)
        if f == "Month d":
            return "%s %d" % (EN_MON[m - 1], dd)
        if f == "Mon d":
            return "%s %d" % (EN_MON[m - 1][:3], dd)
        if f == "Mon. d":
            return "%s. %d" % (EN_MON[m - 1][:3], dd)
        if f == "m/d":
            return "%d/%d" % (m, dd)
        if f == "mm/dd":
            return "%02d/%02d" % (m, dd)
        if f == "Month dth":
            return "%s %s" % (EN_MON[m - 1], ordinal(dd))
        if f == "dth of Month":
            return "%s of %s" % (ordinal(dd), EN_MON[m - 1])
        if f == "spoken":
            return "%s %s" % (EN_MON[m - 1], ORD[dd - 1])
        if f == "spoken2":
            return "%s of %s" % (ORD[dd - 1], EN_MON[m - 1])
        if f == "spoken_y":
            return "%s %s, %s" % (EN_MON[m - 1], ORD[dd - 1], year_words(y))
        if f == "pyrepr":
            return "datetime.date(%d, %d, %d)" % (y, m, dd)
        if f == "dow":
            return "%s, %s %d" % (EN_DOW[d.weekday()], EN_MON[m - 1], dd)
        if f == "dow_short":
            return "%s %d/%d" % (EN_DOW[d.weekday()][:3], m, dd)
        if f in ("es", "pt"):
            return "%d de %s de %d" % (dd, LANG_MON[f].split()[m - 1], y)
        if f in ("es_ny", "pt_ny"):
            return "%d de %s" % (dd, LANG_MON[f[:2]].split()[m - 1])
        if f in ("ht", "so", "ru", "pl"):
            return "%d %s %d" % (dd, LANG_MON[f].split()[m - 1], y)
        if f in ("ht_ny", "so_ny", "ru_ny", "pl_ny"):
            return "%d %s" % (dd, LANG_MON[f[:2]].split()[m - 1])
        if f == "vi":
            return "%d tháng %d năm %d" % (dd, m, y)
        if f == "vi_ny":
            return "%d tháng %d" % (dd, m)
        if f == "ko":
            return "%d년 %d월 %d일" % (y, m, dd)
        if f == "ko_ny":
            return "%d월 %d일" % (m, dd)
        if f == "hi_ny":
            return "%d %s" % (dd, EN_MON[m - 1])
        raise ValueError(f)

    DOB_F = ["mdY", "mdY", "mdY_nz", "iso", "iso", "compact", "mdy", "md-Y", "dmY_dot", "Ymd_slash",
             "d-Mon-Y", "DMONY", "Mon d, Y", "Month d, Y", "d Month Y", "d Mon Y", "spoken_y",
             "pyrepr"]
    APPT_F = ["mdY", "mdY_nz", "iso", "m/d", "mm/dd", "Month d", "Mon d", "Mon. d", "Month dth",
              "dth of Month", "spoken", "spoken2", "dow", "dow_short", "Month d, Y", "Mon d, Y",
              "d-Mon-Y"]

    def D(self, d, f=None, pool=None):
        f = f or self.ch(pool or self.DOB_F)
        s = self.dfmt(d, f)
        if f in ("spoken2",) and False:
            pass
        return self.P("DATE", s, ("date", d.isoformat(), f))

    def dob_s(self, f=None, old=False, young=False):
        return self.D(self.dob(old, young), f)

    def appt_s(self, f=None, lo=-90, hi=120):
        return self.D(self.appt(lo, hi), f, self.APPT_F)

    # -- contact ------------------------------------------------------------------
    def _nanp(self):
        area = "%d%d%d" % (self.ri(2, 9), self.ri(0, 9), self.ri(0, 9))
        while area[1:] == "11" or area in ("555", "800", "888", "877", "866", "900"):
            area = "%d%d%d" % (self.ri(2, 9), self.ri(0, 9), self.ri(0, 9))
        ex = "%d%d%d" % (self.ri(2, 9), self.ri(0, 9), self.ri(0, 9))
        while ex[1:] == "11" or ex == "555":
            ex = "%d%d%d" % (self.ri(2, 9), self.ri(0, 9), self.ri(0, 9))
        return area, ex, self.dig(4)

    NANP_F = ["({a}) {e}-{n}", "{a}-{e}-{n}", "{a}.{e}.{n}", "{a} {e} {n}", "+1 {a} {e} {n}",
              "+1-{a}-{e}-{n}", "1 ({a}) {e}-{n}", "{a}{e}{n}", "+1{a}{e}{n}", "({a}){e}-{n}",
              "1-{a}-{e}-{n}", "+1 ({a}) {e}-{n}", "{a}/{e}-{n}"]
    INTL = {
        "44": ["+44 7{d3} {d6}", "+44 (0)7{d3} {d6}"], "252": ["+252 61 {d7}", "+252 90 {d3} {d4}"],
        "251": ["+251 91 {d3} {d4}", "+251-92-{d7}"], "84": ["+84 90 {d3} {d4}", "+84 (0)91 {d3} {d2} {d2}"],
        "82": ["+82 10-{d4}-{d4}", "+82 (0)10 {d4} {d4}"], "7": ["+7 916 {d3}-{d2}-{d2}", "+7 (701) {d3} {d4}"],
        "48": ["+48 601 {d3} {d3}", "+48 512-{d3}-{d3}"], "91": ["+91 98{d3} {d5}", "+91-99{d8}"],
        "509": ["+509 34 {d2} {d4}", "+509 3{d3}-{d4}"], "55": ["+55 11 9{d4}-{d4}", "+55 (21) 9{d4}-{d4}"],
        "977": ["+977 98{d8}", "+977-98{d2}-{d6}"], "95": ["+95 9 {d3} {d3} {d3}"],
        "976": ["+976 99{d2} {d4}", "+976 88{d6}"], "995": ["+995 5{d2} {d2} {d2} {d2}"],
        "374": ["+374 9{d1} {d6}", "+374 (77) {d6}"], "40": ["+40 7{d2} {d3} {d3}"],
        "36": ["+36 30 {d3} {d4}", "+36 (20) {d3}-{d4}"], "420": ["+420 6{d2} {d3} {d3}"],
        "358": ["+358 40 {d3} {d4}", "+358 (0)50 {d7}"], "31": ["+31 6 {d4} {d4}", "+31 (0)6-{d8}"],
        "39": ["+39 3{d2} {d3} {d4}"], "51": ["+51 9{d2} {d3} {d3}"], "64": ["+64 21 {d3} {d4}"],
        "961": ["+961 3 {d3} {d3}", "+961 71 {d6}"], "972": ["+972 5{d1}-{d3}-{d4}"],
        "66": ["+66 8{d1} {d3} {d4}"], "855": ["+855 1{d1} {d3} {d3}"], "62": ["+62 812-{d4}-{d4}"],
        "233": ["+233 2{d1} {d3} {d4}", "+233 (0)24 {d7}"], "234": ["+234 80{d1} {d3} {d4}"],
        "27": ["+27 8{d1} {d3} {d4}"], "94": ["+94 77 {d3} {d4}"],
    }

    def phone(self, p=None, intl=None, f=None, kind="PHONE"):
        cc = p.cc if p is not None else "1"
        if intl is None:
            intl = cc != "1" and self.coin(0.3)
        if intl and cc in self.INTL:
            t = self.ch(self.INTL[cc])
            s = re.sub(r"\{d(\d)\}", lambda m: self.dig(int(m.group(1))), t)
        else:
            a, e, n = self._nanp()
            s = (f or self.ch(self.NANP_F)).format(a=a, e=e, n=n)
        return self.P(kind, s, "phone")

    def fax(self, f=None):
        return self.phone(None, False, f, kind="FAX")

    DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me",
               "aol.com", "comcast.net", "att.net", "ymail.com", "live.com", "fastmail.com",
               "mail.com", "sbcglobal.net", "charter.net", "msn.com"]
    CC_DOMAINS = {"84": "yahoo.com.vn", "82": "naver.com", "7": "mail.ru", "48": "wp.pl",
                  "55": "uol.com.br", "36": "freemail.hu", "420": "seznam.cz", "358": "luukku.com"}

    def email_local(self, p):
        g = re.sub(r"[^a-z0-9]", "", fold(p.given).lower())
        f = re.sub(r"[^a-z0-9]", "", fold(p.family).lower())
        pat = self.ch(["{g}.{f}", "{g}{f}{nn}", "{f}.{g}", "{g0}{f}", "{g}_{f}{nn}", "{g}{nn}",
                       "{f}{g0}{nn}", "{g}.{f0}.{nn}", "x{g}{f0}x", "{g}-{f}"])
        return pat.format(g=g, f=f, g0=g[:1], f0=f[:1], nn=self.dig(self.ch([2, 2, 3, 4])))

    def email(self, p, domain=None):
        dom = domain or (self.CC_DOMAINS.get(p.cc) if self.coin(0.3) else None) or self.ch(self.DOMAINS)
        s = "%s@%s" % (self.email_local(p), dom)
        return self.P("EMAIL", s, "email")

    def staff_email(self, p):
        g = re.sub(r"[^a-z]", "", fold(p.given).lower())
        f = re.sub(r"[^a-z]", "", fold(p.family).lower())
        dom = self.ch(["harborlight.health", "harborlightcare.org", "hl-clinicians.net"])
        s = self.ch(["%s.%s@%s" % (g, f, dom), "%s%s@%s" % (g, f, dom), "%s%s@%s" % (g[0], f, dom)])
        return self.P("EMAIL", s, "email")

    def username(self, p):
        g = re.sub(r"[^a-z]", "", fold(p.given).lower())
        f = re.sub(r"[^a-z]", "", fold(p.family).lower())
        s = self.ch(["{g}{f0}{n}", "{g}_{f}", "{f}{g0}{n}", "{g}.{f}{n}", "{g0}{f}", "{g}{n}x"]).format(
            g=g, f=f, g0=g[0], f0=f[0], n=self.dig(self.ch([2, 3, 4])))
        return self.P("OTHER_ID", s, "username")

    # -- address ------------------------------------------------------------------
    def street(self, unit=None, kind="any"):
        r = self.r.random()
        if kind == "street" or (kind == "any" and r < 0.72):
            num = self.ch([str(self.ri(1, 99)), str(self.ri(100, 999)), str(self.ri(1000, 29999)),
                           "N%d" % self.ri(1000, 9999), "W%d" % self.ri(100, 9999),
                           "%d-%s" % (self.ri(10, 999), self.ch("ABCD")), "%d½" % self.ri(2, 99)])
            pre = self.ch(["", "", "", "N ", "S ", "E ", "W ", "NE ", "Old "])
            s = "%s %s%s %s" % (num, pre, self.ch(STREET_CORES), self.ch(STREET_SUFFIX))
            if unit or (unit is None and self.coin(0.45)):
                u = self.ch(UNITS).format(n=self.ri(1, 420), L=self.ch("ABCDEFGH"), b=self.ri(1, 9))
                s += self.ch([" ", ", ", " "]) + u
        elif kind == "pobox" or (kind == "any" and r < 0.84):
            s = self.ch(["PO Box %d", "P.O. Box %d", "POB %d", "Post Office Box %d", "PO BOX %d"]) % self.ri(1, 9999)
        elif kind == "rural" or (kind == "any" and r < 0.93):
            s = self.ch(["RR %d Box %d", "Rural Route %d, Box %d", "HC %d Box %d", "R.R. %d Box %d"]) % (
                self.ri(1, 9), self.ri(1, 400))
        else:
            s = self.ch(["%d County Road %d", "%d Hwy %d", "%d State Route %d", "%d FM %d",
                         "%d CR-%d"]) % (self.ri(100, 99999), self.ri(1, 999))
        return self.P("ADDRESS", s, "address")

    def place(self):
        c, st, z3 = self.ch(CITIES)
        return c, st, z3

    def city(self, c):
        return self.P("CITY", c, "city")

    def zipc(self, z3, plus4=None):
        z = z3 + self.dig(2)
        if plus4 or (plus4 is None and self.coin(0.25)):
            z += "-" + self.dig(4)
        return self.P("ZIP", z, "zip")

    def addr_line(self, sep=", ", unit=None, kind="any"):
        """street, City, ST ZIP  -- all labelled parts."""
        c, st, z3 = self.place()
        return "%s%s%s, %s %s" % (self.street(unit, kind), sep, self.city(c), st, self.zipc(z3))

    # -- identifiers --------------------------------------------------------------
    def ssn(self, f=None):
        while True:
            a = "%03d" % self.ri(1, 899)
            if a != "666":
                break
        g = "%02d" % self.ri(1, 99)
        n = "%04d" % self.ri(1, 9999)
        f = f or self.ch(["-", "-", " ", ""])
        return self.P("SSN", a + f + g + f + n, "ssn")

    def mrn(self, f=None):
        f = f or self.ch(["pad8", "hl", "letter", "yr", "m9", "dash", "plain7"])
        if f == "pad8":
            s = "00" + self.dig(6)
        elif f == "hl":
            s = "HL" + self.dig(7)
        elif f == "letter":
            s = self.ch("ABCEKMRT") + self.dig(7, True)
        elif f == "yr":
            s = "%d-%s" % (self.ri(2014, 2025), self.dig(6))
        elif f == "m9":
            s = "M" + self.dig(9)
        elif f == "dash":
            s = "%s-%s-%s" % (self.dig(3, True), self.dig(3), self.dig(3))
        else:
            s = self.dig(7, True)
        return self.P("MRN", s, "mrn")

    def member(self, f=None):
        f = f or self.ch(["bcbs", "uhc", "mcd", "mbi", "mbi_dash", "aet", "num11", "tricare"])
        if f == "bcbs":
            s = self.alnum(3, "ABCDEFGHJKLMNPRSTUWXYZ") + self.dig(9)
        elif f == "uhc":
            s = "9" + self.dig(8)
        elif f == "mcd":
            s = self.ch(["MC", "KS", "AR", "MN"]) + self.dig(8)
        elif f in ("mbi", "mbi_dash"):
            s = (self.ch("123456789") + self.ch(MBI_A) + self.ch(MBI_AN) + self.ch("0123456789") +
                 self.ch(MBI_A) + self.ch(MBI_AN) + self.ch("0123456789") + self.ch(MBI_A) +
                 self.ch(MBI_A) + self.dig(2))
            if f == "mbi_dash":
                s = s[:4] + "-" + s[4:7] + "-" + s[7:]
            return self.P("HEALTH_PLAN", s, "mbi")
        elif f == "aet":
            s = "W" + self.dig(9)
        elif f == "num11":
            s = self.dig(11, True)
        else:
            s = self.dig(3, True) + "-" + self.dig(2) + "-" + self.dig(4) + "-0" + self.dig(1)
        return self.P("HEALTH_PLAN", s, "member")

    def group(self):
        s = self.ch(["%s" % self.dig(6, True), "GRP-%s" % self.dig(5), "%s%s" % (self.alnum(2, "ABCDEFGHKLMNPRSTW"), self.dig(5)),
                     "%s-%s" % (self.dig(4, True), self.dig(3))])
        return self.P("HEALTH_PLAN", s, "group")

    def acct(self, f=None):
        f = f or self.ch(["num9", "acc", "guar", "num12"])
        s = {"num9": lambda: self.dig(9, True), "acc": lambda: "ACC-%s-%s" % (self.dig(4), self.dig(5)),
             "guar": lambda: "G%s" % self.dig(7), "num12": lambda: self.dig(12, True)}[f]()
        return self.P("ACCOUNT", s, "account")

    def card(self, f=None):
        t = self.ch(["visa", "visa", "mc", "amex", "disc"])
        if t == "visa":
            body = "4" + self.dig(14)
        elif t == "mc":
            body = "5" + self.ch("12345") + self.dig(13)
        elif t == "amex":
            body = "3" + self.ch("47") + self.dig(12)
        else:
            body = "6011" + self.dig(11)
        d = body + luhn_digit(body)
        sep = f if f is not None else self.ch([" ", "-", ""])
        if len(d) == 16:
            s = sep.join([d[0:4], d[4:8], d[8:12], d[12:16]])
        else:
            s = sep.join([d[0:4], d[4:10], d[10:15]])
        return self.P("ACCOUNT", s, "card")

    def npi(self):
        body = self.ch("12") + self.dig(8)
        s = body + luhn_digit("80840" + body)
        return self.P("LICENSE", s, "npi")

    def dea(self, p=None):
        fam = fold(p.family if p else self.ch(POOL[self.ch(sorted(POOL))][1])).upper()
        fam = re.sub(r"[^A-Z]", "", fam) or "X"
        first = self.ch("ABFGM")
        d = [self.ri(0, 9) for _ in range(6)]
        chk = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
        s = first + fam[0] + "".join(map(str, d)) + str(chk)
        return self.P("LICENSE", s, "dea")

    def slic(self):
        s = self.ch(["PSY%s" % self.dig(5, True), "PSY %s" % self.dig(5, True), "LPC%s" % self.dig(6),
                     "LCSW %s" % self.dig(7, True), "LMFT.%s" % self.dig(6, True), "MD%s" % self.dig(6, True),
                     "APRN-%s" % self.dig(7, True), "LICSW-%s" % self.dig(5, True), "LMHC%s" % self.dig(6),
                     "%s-%s" % (self.dig(2, True), self.dig(7))])
        return self.P("LICENSE", s, "state_license")

    def dl(self):
        s = self.ch(["%s%s" % (self.ch("ABDFGHKLMNPRSTW"), self.dig(8)),
                     "%s-%s-%s" % (self.ch("DFMSW") + self.dig(3), self.dig(4), self.dig(4)),
                     "%s %s %s" % (self.dig(3, True), self.dig(3), self.dig(3)),
                     "%s%s%s" % (self.ch("ABCDEFGHKLMNPRSTW"), self.dig(3), self.alnum(5, "0123456789"))])
        return self.P("LICENSE", s, "drivers_license")

    def vin(self):
        v = list(self.ch(WMI) + "".join(self.ch(VIN_CH) for _ in range(5)) + "0" +
                 self.ch(VIN_YEAR) + self.ch(VIN_CH[:22]) + self.dig(6))
        v[8] = vin_digit("".join(v))
        return self.P("VEHICLE", "".join(v), "vin")

    def plate(self):
        s = self.ch(["%s%s%s" % (self.ri(1, 9), self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ"), self.dig(3)),
                     "%s %s" % (self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ"), self.dig(4)),
                     "%s-%s" % (self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ"), self.dig(3)),
                     "%s%s" % (self.dig(3), self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ")),
                     "%s %s" % (self.alnum(2, "ABCDEFGHJKLMNPRSTUVWXYZ") + self.dig(2), self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ"))])
        return self.P("VEHICLE", s, "plate")

    def imei(self, f=None):
        body = self.ch(TAC) + self.dig(6)
        d = body + luhn_digit(body)
        f = f or self.ch(["plain", "plain", "dash"])
        s = d if f == "plain" else "%s-%s-%s-%s" % (d[:2], d[2:8], d[8:14], d[14])
        return self.P("DEVICE", s, "imei")

    def serial(self):
        s = self.ch(["%s" % self.alnum(12), "SN%s" % self.alnum(10), "%s-%s" % (self.ch(["FBT", "WTC", "TRK", "CGM", "HA"]), self.alnum(8)),
                     "%s-%s" % (self.dig(8, True), self.hexs(16).upper()),
                     "R%s%s" % (self.dig(2), self.alnum(8, "0123456789ABCDEF"))])
        return self.P("DEVICE", s, "serial")

    def ip(self, v6=None):
        if v6 or (v6 is None and self.coin(0.15)):
            s = "%s:%s:%s:%s::%s" % (self.ch(["2600", "2601", "2603", "2607", "2a02", "2001"]),
                                     self.hexs(4).lstrip("0") or "1", self.hexs(4).lstrip("0") or "a",
                                     self.hexs(4).lstrip("0") or "b", self.hexs(self.ri(1, 4)).lstrip("0") or "c")
            return self.P("IP", s, "ipv6")
        s = "%d.%d.%d.%d" % (self.ch(PUBLIC_A), self.ri(0, 255), self.ri(0, 255), self.ri(1, 254))
        return self.P("IP", s, "ipv4")

    def oid(self, t):
        if t == "rx":
            s = self.ch(["RX%s" % self.dig(7), "%s" % self.dig(7, True), "%s-%s" % (self.dig(7, True), self.dig(2)),
                         "Rx%s" % self.dig(8)])
        elif t == "case":
            s = self.ch(["%d-JV-%s" % (self.ri(18, 25), self.dig(6)), "%dCF%s" % (self.ri(2019, 2025), self.dig(6)),
                         "CR-%d-%s" % (self.ri(19, 25), self.dig(6)), "%d-DR-%s" % (self.ri(2020, 2025), self.dig(5)),
                         "FC%d-%s" % (self.ri(2019, 2025), self.dig(5))])
        elif t == "student":
            s = self.ch(["S%s" % self.dig(8), "%s" % self.dig(7, True), "STU-%s" % self.dig(6)])
        elif t == "emp":
            s = self.ch(["E-%s" % self.dig(5), "EMP%s" % self.dig(6), "%s" % self.dig(6, True), "W%s" % self.dig(7)])
        elif t == "passport":
            s = self.ch(["%s%s" % (self.ch("CEHKNPX"), self.dig(8)), "%s" % self.dig(9, True)])
        elif t == "probation":
            s = self.ch(["PO-%s" % self.dig(6), "DOC%s" % self.dig(7), "SID %s" % self.dig(8)])
        elif t == "claim":
            s = self.ch(["%s%s" % (self.dig(2), self.alnum(9)), "CLM-%s" % self.dig(10)])
        elif t == "auth":
            s = self.ch(["PA%s" % self.dig(9), "%s-%s" % (self.alnum(3), self.dig(8)), "AUTH%s" % self.dig(8)])
        else:
            raise ValueError(t)
        return self.P("OTHER_ID", s, t)

    def age90(self, f=None, a=None):
        a = a or self.ri(90, 104)
        f = f or self.ch(["num", "num", "words", "Words", "yo", "y", "num_y"])
        if f == "num":
            s = str(a)
        elif f == "words":
            s = num_words(a)
        elif f == "Words":
            s = num_words(a).title().replace("And", "and")
        elif f == "yo":
            s = "%dyo" % a
        elif f == "y":
            s = "%dy" % a
        else:
            s = "%d-year-old" % a
        return self.P("AGE_OVER_89", s, ("age", a))

    def url(self, s):
        return self.P("URL", s, "url")


# ---------------------------------------------------------------------------
# templates
# ---------------------------------------------------------------------------
STYLES = OrderedDict()


def T(style, clean=False):
    def deco(fn):
        STYLES.setdefault(style, {"phi": [], "clean": []})["clean" if clean else "phi"].append(fn)
        return fn
    return deco


class Raw(str):
    pass


def jo(pairs, sp=False):
    sep, kv = (", ", ": ") if sp else (",", ":")
    return "{" + sep.join(json.dumps(k) + kv + (v if isinstance(v, Raw) else json.dumps(v, ensure_ascii=False))
                          for k, v in pairs) + "}"


def pyrepr(pairs):
    return "{" + ", ".join("%r: %s" % (k, v if isinstance(v, Raw) else repr(v)) for k, v in pairs) + "}"


# ======================= 1. Go services: panics, zap / zerolog =============
@T("go")
def go_panic_eligibility(c):
    p = c.person()
    mem = c.member()
    dob = c.dob_s(c.ch(["iso", "compact", "mdY"]))
    nm = c.nm(p, c.ch(["lf", "full", "LF"]))
    return ("panic: eligibility: no active coverage for member \"%s\" (dob=%s, subscriber=\"%s\", payer=%s)\n\n"
            "goroutine %d [running]:\n"
            "github.com/harborlight/%s/internal/x270.(*Checker).Verify(0xc000%s, {0x%s, 0x%s})\n"
            "\t/src/internal/x270/checker.go:%d +0x%s\n"
            "main.(*worker).handle(0xc00%s)\n\t/src/cmd/worker/main.go:%d +0x%s\n"
            "created by main.run in goroutine 1\n\t/src/cmd/worker/main.go:%d +0x%s\nexit status 2"
            % (mem, dob, nm, c.k("payer", c.payer()), c.ri(12, 4000), c.k("service", "eligibility-worker"),
               c.hexs(6), c.hexs(7), c.hexs(4), c.ri(40, 400), c.hexs(3), c.hexs(7), c.ri(40, 200),
               c.hexs(2), c.ri(20, 80), c.hexs(3)))


@T("go")
def go_zap_rebook(c):
    p, cl = c.person(), c.person()
    pt = [(c.key("full name"), c.nm(p, c.ch(["full", "gf", "lf"]))), (c.key("date of birth"), c.dob_s(c.ch(["iso", "mdY"]))),
          ("mrn", c.mrn())]
    pairs = [("level", "error"), ("ts", Raw(c.ts("epoch"))), ("caller", "booking/slots.go:%d" % c.ri(90, 400)),
             ("msg", "slot conflict while rebooking"), ("svc", c.k("service", "sched-svc")),
             ("patient", Raw(jo(c.shuf(pt)))), ("clinician", "Dr. " + c.nm(cl, c.ch(["full", "ini"]))),
             ("requested", c.appt_s(c.ch(["iso", "mdY"]))),
             ("error", "pq: conflicting key value violates exclusion constraint \"%s\"" % c.k("constraint", "no_double_booking")),
             ("request_id", c.k("request_id", c.reqid()))]
    head, tail = pairs[:4], pairs[4:]
    return jo(head + c.shuf(tail) + [("stacktrace", "github.com/harborlight/sched/booking.(*Service).Rebook\n\t/src/booking/slots.go:%d" % c.ri(90, 400))])


@T("go")
def go_zerolog_sms(c):
    p = c.person()
    ph = c.phone(p, c.coin(0.4))
    nm = c.nm(p, c.ch(["full", "gf"]))
    code = c.k("status", c.ch(["21211", "21614", "21610", "30006"]))
    lvl = c.ch(["ERR", "WRN"])
    flds = ["patient=\"%s\"" % nm, "appt=%s" % c.appt_s(c.ch(["iso", "mdY"])), "attempt=%d" % c.ri(1, 5),
            "svc=%s" % c.k("service", "reminderd"), "template=%s" % c.ch(["appt_24h", "appt_72h", "intake_link"])]
    return "%s %s internal/reminder/send.go:%d > sms send failed error=\"twilio: %s Invalid 'To' Phone Number: %s\" %s" % (
        c.ts("iso_off"), lvl, c.ri(40, 200), code, ph, " ".join(c.shuf(flds)))


@T("go")
def go_pq_duplicate_email(c):
    p = c.person()
    em = c.email(p)
    return ("level=error ts=%s caller=contacts/sync.go:%d msg=\"upsert contact failed\" "
            "err=\"pq: duplicate key value violates unique constraint \\\"%s\\\"\" "
            "detail=\"Key (lower(email::text))=(%s) already exists.\" contact_id=%s source=%s name=\"%s\"" % (
                c.ts("iso_z"), c.ri(50, 300), c.k("constraint", "contacts_email_key"), em, c.k("db_id", c.dbid()),
                c.k("service", "contacts-sync"), c.nm(p, "gf")))


@T("go")
def go_http_panic(c):
    ip = c.ip(False)
    mrn = c.mrn(c.ch(["hl", "pad8", "letter"]))
    path = c.ch(["/api/v3/patients/%s/safety-plan?print=1", "/api/v3/charts/%s/notes?limit=50",
                 "/internal/patients/%s/superbill.pdf"]) % mrn
    return ("%s http: panic serving %s:%d: runtime error: index out of range [%d] with length %d\n"
            "goroutine %d [running]:\nnet/http.(*conn).serve.func1()\n\t/usr/local/go/src/net/http/server.go:1898 +0xbe\n"
            "panic({0x%s?, 0xc000%s?})\n\t/usr/local/go/src/runtime/panic.go:770 +0x132\n"
            "github.com/harborlight/portal/api.(*Handler).%s(...)\n\t/src/api/patients.go:%d\n"
            "request: %s %s ua=%s" % (
                c.ts("go"), ip, c.ri(1025, 65000), c.ri(1, 6), c.ri(0, 1), c.ri(100, 9000), c.hexs(6), c.hexs(6),
                c.ch(["SafetyPlan", "Notes", "Superbill"]), c.ri(30, 400), c.ch(["GET", "POST"]), c.url(path),
                c.ch(["okhttp/4.12.0", "Harborlight-iOS/5.3.1", "Mozilla/5.0"])))


@T("go")
def go_template_nil(c):
    p = c.person()
    pairs = "&{ID:%s Name:{Given:%s Family:%s} DOB:%s Phone:%s Address:<nil> Plan:{Payer:%s MemberID:%s}}" % (
        c.dbid(), c.nm(p, "g"), c.nm(p, "f"), c.dob_s(c.ch(["iso", "iso", "mdY"])), c.phone(p, False),
        c.k("payer", c.payer()), c.member())
    return ("template: superbill.tmpl:%d:%d: executing \"superbill.tmpl\" at <.Patient.Address.Line2>: "
            "nil pointer evaluating *model.Address.Line2\nservice=%s version=%s\ndata: %s" % (
                c.ri(3, 80), c.ri(2, 40), c.k("service", "billing-core"), c.k("version", "v" + c.ver()), pairs))


@T("go")
def go_grpc_ssn(c):
    p = c.person()
    s = c.ssn()
    return ("%s\tERROR\tintake/grpc.go:%d\trpc error: code = InvalidArgument desc = ssn \"%s\" rejected by payer for %s "
            "(%s); patient_id=%s\t{\"grpc.method\": \"/intake.v1.Intake/SubmitDemographics\", \"grpc.code\": \"%s\", "
            "\"peer\": \"%s:%s\"}" % (
                c.ts("iso_ms"), c.ri(30, 300), s, c.nm(p, c.ch(["full", "lf"])), c.dob_s(c.ch(["mdY", "iso"])),
                c.k("db_id", c.dbid()), c.k("status", "InvalidArgument"), c.k("infra_ip", c.infra_ip()), c.k("port", "50051")))


@T("go", clean=True)
def go_clean_closed_channel(c):
    return ("panic: send on closed channel\n\ngoroutine %d [running]:\n"
            "github.com/harborlight/%s/internal/fanout.(*Hub).Publish(0xc000%s, {0x%s, 0x%s})\n"
            "\t/src/internal/fanout/hub.go:%d +0x%s\nbuild=%s commit=%s go=go1.22.%d\n"
            "pod=%s restarts=%s" % (
                c.ri(50, 9000), c.k("service", c.svc()), c.hexs(6), c.hexs(7), c.hexs(3), c.ri(20, 300), c.hexs(3),
                c.k("version", c.ver()), c.k("hash", c.sha(12)), c.ri(0, 5), c.k("pod", c.pod()), c.k("count", str(c.ri(2, 40)))))


@T("go", clean=True)
def go_clean_will_retry(c):
    pairs = [("level", "warn"), ("ts", Raw(c.ts("epoch"))), ("caller", "queue/consumer.go:%d" % c.ri(40, 300)),
             ("msg", c.k("word", "Will retry") + " after backoff; grace period not yet elapsed"),
             ("attempt", c.ri(1, 9)), ("backoff", c.k("duration", c.dur())),
             ("upstream", "%s:%s" % (c.k("infra_ip", c.infra_ip()), c.k("port", c.port()))),
             ("job_id", c.k("job_id", "job-%s" % c.hexs(10))), ("version", c.k("version", c.ver()))]
    return jo(pairs[:3] + c.shuf(pairs[3:]))


# ======================= 2. Rust / actix-web / anyhow ======================
@T("rust")
def rust_actix_logger(c):
    p = c.person()
    ip = c.ip()
    mrn = c.mrn()
    path = c.url(c.ch(["/v1/patients/%s/safety-plan?download=pdf", "/v1/charts/%s/treatment-plan",
                       "/v2/patient/%s/documents/intake"]) % mrn)
    t = c.ts("iso_z")
    return ("[%s INFO  actix_web::middleware::logger] %s \"GET %s HTTP/1.1\" %s %d \"-\" \"%s\" %s\n"
            "[%s ERROR %s::render] template render failed: missing field `emergency_contact.phone` for patient \"%s\"" % (
                t, ip, path, c.k("status", "500"), c.ri(80, 400), c.ch(["Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)", "curl/8.5.0"]),
                "%.6f" % (c.ri(1000, 900000) / 1e6), t, c.k("module", "plans_api"), c.nm(p, c.ch(["full", "gf", "lf"]))))


@T("rust")
def rust_anyhow_address(c):
    p = c.person()
    cp, st, z3 = c.place()
    line = "%s, %s, %s %s" % (c.street(), c.city(cp), st, c.zipc(z3))
    return ("Error: failed to render superbill for \"%s\"\n\nCaused by:\n    0: address normalization failed for \"%s\"\n"
            "    1: USPS Addresses API returned %s: %s\n    2: %s\n\nLocation:\n    src/billing/superbill.rs:%d:%d" % (
                c.nm(p), line, c.k("status", "400"), c.ch(["ZIP+4 mismatch", "address not found", "secondary address invalid"]),
                c.k("error", "reqwest::Error { kind: Status(400) }"), c.ri(20, 400), c.ri(5, 60)))


@T("rust")
def rust_serde_age(c):
    p = c.person()
    age = c.age90(c.ch(["words", "Words"]))
    body = jo(c.shuf([("name", c.nm(p)), ("age", age), ("phone", c.phone(p)), ("referral_source", c.ch(["PCP", "school", "self"]))]))
    return ("%s ERROR intake_api::handlers::referral: body rejected: Json deserialize error: invalid type: string \"%s\", "
            "expected u8 at line 1 column %d\n  payload=%s" % (c.ts("iso_ms"), age, c.ri(30, 160), body))


@T("rust")
def rust_panic_debug(c):
    p, dr = c.person(), c.person()
    fx = c.fax()
    return ("thread 'tokio-runtime-worker' panicked at src/fax/outbound.rs:%d:%d:\ncalled `Result::unwrap()` on an `Err` value: "
            "InvalidRecipient { fax: \"%s\", attn: \"Dr. %s\", patient: Patient { name: \"%s\", dob: %s, mrn: \"%s\" } }\n"
            "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace" % (
                c.ri(30, 300), c.ri(5, 40), fx, c.nm(dr, c.ch(["gf", "f", "ini"])), c.nm(p), c.dob_s("iso"), c.mrn()))


@T("rust")
def rust_sqlx_member(c):
    mem = c.member(c.ch(["bcbs", "uhc", "aet", "mcd"]))
    p = c.person()
    return ("%s WARN eligibility_sync: upsert coverage failed: error returned from database: duplicate key value violates "
            "unique constraint \"%s\"\nDETAIL: Key (payer_id, member_id)=(%d, %s) already exists.\n"
            "subscriber=%s relationship=%s elapsed=%s" % (
                c.ts("iso_z"), c.k("constraint", "coverage_payer_member_uniq"), c.ri(1, 40), mem, c.nm(p, "snake"),
                c.ch(["self", "child", "spouse"]), c.k("duration", c.dur())))


@T("rust")
def rust_tracing_span(c):
    acct = c.acct(c.ch(["num9", "num12", "guar"]))
    dob = c.dob_s(c.ch(["compact", "iso"]))
    ip = c.ip()
    uri = c.url("/v1/statements?acct=%s&dob=%s&fmt=pdf" % (acct, dob))
    return ("%s  WARN request{method=GET uri=%s client_ip=%s version=HTTP/1.1}: claims_api::routes: upstream timeout "
            "elapsed=%s retries=%d" % (c.ts("iso_ms"), uri, ip, c.k("duration", "30.00%ds" % c.ri(1, 9)), c.ri(0, 3)))


@T("rust", clean=True)
def rust_clean_unwrap(c):
    return ("thread 'actix-rt|system:0|arbiter:%d' panicked at src/cache.rs:%d:%d:\ncalled `Option::unwrap()` on a `None` value\n"
            "stack backtrace:\n   0: rust_begin_unwind\n   1: core::panicking::panic_fmt\n   2: %s::cache::Lru::get\n"
            "request_id=%s build=%s commit=%s" % (
                c.ri(0, 7), c.ri(10, 300), c.ri(5, 50), c.k("module", "notes_indexer"), c.k("request_id", c.reqid()),
                c.k("version", c.ver()), c.k("hash", c.sha(40))))


@T("rust", clean=True)
def rust_clean_advisory(c):
    return ("cargo-deny: error[vulnerability]: %s\n   = ID: RUSTSEC-2024-%04d\n   = Advisory: https://rustsec.org/advisories/RUSTSEC-2024-%04d\n"
            "   = Solution: Upgrade to >=%s\n   = %s v%s\n     └── %s v%s" % (
                c.ch(["Degradation of service in h2 servers", "rustls network-reachable panic"]), c.ri(1, 400), c.ri(1, 400),
                c.k("version", c.ver()), c.ch(["h2", "rustls"]), c.ver(), c.k("service", c.svc()), c.ver()))


# ======================= 3. .NET exceptions with inner exceptions ==========
@T("dotnet")
def dotnet_encounter_dup(c):
    p = c.person()
    sd = c.appt_s("iso")
    return ("System.InvalidOperationException: Unable to create encounter for patient '%s' (MRN %s).\n"
            " ---> Microsoft.EntityFrameworkCore.DbUpdateException: An error occurred while saving the entity changes. See the inner exception for details.\n"
            " ---> Microsoft.Data.SqlClient.SqlException (0x80131904): Cannot insert duplicate key row in object 'dbo.Encounters' with unique index "
            "'IX_Encounters_PatientId_ServiceDate'. The duplicate key value is (%s, %s).\n"
            "   at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)\n"
            "   --- End of inner exception stack trace ---\n"
            "   at Harborlight.Clinical.EncounterService.CreateAsync(EncounterDraft draft, CancellationToken ct) in /src/Clinical/EncounterService.cs:line %d\n"
            "   --- End of inner exception stack trace ---\n   at Harborlight.Clinical.Api.EncountersController.Post(EncounterDraft draft)" % (
                c.nm(p, c.ch(["lf", "full"])), c.mrn(), c.k("db_id", c.dbid()), sd, c.ri(40, 400))).replace(
        "DbUpdateException", c.k("exception", "DbUpdateException"))


@T("dotnet")
def dotnet_fluent_validation(c):
    p = c.person()
    bad_dob = c.dob_s(c.ch(["dmY", "mdY_nz"]))
    em = c.email(p)
    return ("FluentValidation.ValidationException: Validation failed: \n -- DateOfBirth: 'Date Of Birth' must be a valid date. Attempted value: '%s'. Severity: Error\n"
            " -- Email: Email is already registered to another guardian. Attempted value: '%s'. Severity: Error\n"
            " -- GuardianName: '%s' does not match the name on file. Severity: Warning\n"
            "   at FluentValidation.AbstractValidator`1.RaiseValidationException(ValidationContext`1 context, ValidationResult result)\n"
            "   at Harborlight.Intake.MinorConsentHandler.Handle(SubmitMinorConsent cmd) in /src/Intake/MinorConsentHandler.cs:line %d" % (
                bad_dob, em, c.nm(c.person(), c.ch(["full", "gf"])), c.ri(20, 200))).replace("ValidationException", c.k("exception", "ValidationException"), 1)


@T("dotnet")
def dotnet_aspnet_portal(c):
    p = c.person()
    user = c.username(p)
    ip = c.ip()
    path = c.url("/portal/api/messages?username=%s&box=inbox" % user)
    return ("fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]\n      An unhandled exception has occurred while executing the request.\n"
            "      System.Collections.Generic.KeyNotFoundException: The given key '%s' was not present in the dictionary.\n"
            "         at Harborlight.Portal.Inbox.MessageStore.Get(String username)\n"
            "      RequestPath: %s RemoteIpAddress: %s TraceIdentifier: %s" % (
                user, path, ip, c.k("request_id", "0HN%s:0000000%d" % (c.alnum(9), c.ri(1, 9)))))


@T("dotnet")
def dotnet_serilog_prior_auth(c):
    p = c.person()
    pairs = [("@t", c.ts("iso_ms")), ("@mt", "Prior auth {AuthNumber} denied for {MemberId} ({PatientName})"),
             ("@l", "Error"), ("@x", "Harborlight.Payers.PayerRejectedException: %s returned AAA*Y**%s*C~" % (c.k("payer", c.payer()), c.k("status", "75"))),
             ("AuthNumber", c.oid("auth")), ("MemberId", c.member()), ("PatientName", c.nm(p, c.ch(["full", "lf", "LF"]))),
             ("ServiceFrom", c.appt_s("iso")), ("Cpt", c.k("cpt", c.cpt())), ("SourceContext", "Harborlight.Payers.AuthPoller")]
    return jo(pairs[:4] + c.shuf(pairs[4:]))


@T("dotnet")
def dotnet_nullref_data(c):
    p = c.person()
    return ("System.NullReferenceException: Object reference not set to an instance of an object.\n"
            "   at Harborlight.Billing.Statements.GuarantorMapper.Map(Patient p) in C:\\build\\src\\Billing\\GuarantorMapper.cs:line %d\n"
            "Exception.Data:\n  [\"GuarantorSsn\"] = \"%s\"\n  [\"GuarantorPhone\"] = \"%s\"\n  [\"Guarantor\"] = \"%s\"\n  [\"Statement\"] = %s" % (
                c.ri(20, 300), c.ssn(), c.phone(p), c.nm(p, c.ch(["full", "LF"])), c.k("db_id", c.dbid())))


@T("dotnet")
def dotnet_format_exception(c):
    p = c.person()
    age = c.age90(c.ch(["words", "Words"]))
    dob = c.dob_s(c.ch(["dmY", "dmY_dot"]), old=True)
    return ("System.AggregateException: One or more errors occurred. (String '%s' was not recognized as a valid DateTime.) (Input string was not in a correct format.)\n"
            " ---> System.FormatException: String '%s' was not recognized as a valid DateTime.\n"
            "   at System.DateTime.Parse(String s, IFormatProvider provider)\n"
            "   at Harborlight.Import.LegacyCsv.ReadRow(String[] cols) in /src/Import/LegacyCsv.cs:line %d\n"
            "   --- End of inner exception stack trace ---\n"
            " ---> (Inner Exception #1) System.FormatException: Input string was not in a correct format. Value: '%s' (column Age, patient '%s')" % (
                dob, dob, c.ri(20, 200), age, c.nm(p, c.ch(["full", "lf"])))).replace("AggregateException", c.k("exception", "AggregateException"))


@T("dotnet", clean=True)
def dotnet_clean_timeout(c):
    return ("System.Threading.Tasks.TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout of %d seconds elapsing.\n"
            " ---> System.TimeoutException: A task was canceled.\n ---> System.Threading.Tasks.TaskCanceledException: A task was canceled.\n"
            "   at System.Net.Http.HttpConnectionPool.GetHttpConnectionAsync(HttpRequestMessage request)\n"
            "   --- End of inner exception stack trace ---\n   at Harborlight.Payers.%sClient.Get270Async()\n"
            "host=%s:%s attempt=%d/3 traceparent=00-%s-%s-01" % (
                c.ri(10, 100), c.ch(["Availity", "ChangeHealthcare", "Waystar"]), c.k("infra_ip", c.infra_ip()), c.k("port", c.port()),
                c.ri(1, 3), c.k("trace", c.trace()), c.hexs(16))).replace("TaskCanceledException", c.k("exception", "TaskCanceledException"), 1)


@T("dotnet", clean=True)
def dotnet_clean_nuget(c):
    return ("error NU1605: Warning As Error: Detected package downgrade: Microsoft.Extensions.Http from %s to %s. "
            "Reference the package directly from the project to select a different version.\n"
            " Harborlight.Clinical -> Polly.Extensions %s -> Microsoft.Extensions.Http (>= %s)\n"
            "Build FAILED. %d Warning(s) %d Error(s) Time Elapsed %s" % (
                c.k("version", c.ver()), c.ver(), c.ver(), c.ver(), c.ri(0, 40), c.ri(1, 3), c.k("duration", "00:00:%02d.%02d" % (c.ri(10, 59), c.ri(0, 99)))))


# ======================= 4. Java stack traces with MDC =====================
@T("java")
def java_x12_reject(c):
    p = c.person()
    cp, st, z3 = c.place()
    nm = c.nm(p, "x12")
    mem = c.member(c.ch(["bcbs", "uhc", "aet", "mcd"]))
    seg = "NM1*IL*1*%s****MI*%s~N3*%s~N4*%s*%s*%s~DMG*D8*%s*%s~" % (
        nm, mem, c.street(kind="street"), c.city(cp), st, c.zipc(z3, False).replace("-", ""),
        c.dob_s("compact"), p.sex)
    return ("%s ERROR [%s,%s,%s] [patientMrn=%s memberId=%s] c.h.claims.submit.Submitter - 837P rejected by clearinghouse: %s\n"
            "  segment: %s\ncom.harborlight.claims.x12.SegmentRejectedException: %s\n\tat com.harborlight.claims.x12.Validator.check(Validator.java:%d)" % (
                c.ts("py").replace(",", "."), c.k("service", "claims-gateway"), c.hexs(16), c.hexs(16), c.mrn(), mem,
                c.ch(["subscriber name mismatch", "invalid DMG date"]), seg, c.k("error_code", "AAA*N**%s*C" % c.ch(["72", "73", "58"])),
                c.ri(40, 400))).replace("SegmentRejectedException", c.k("exception", "SegmentRejectedException"))


@T("java")
def java_jackson_date(c):
    p = c.person()
    dob = c.dob_s(c.ch(["mdY", "dmY", "Month d, Y"]))
    src = jo([(c.key("first name"), c.nm(p, "g")), (c.key("last name"), c.nm(p, "f")), ("dob", dob),
              ("email", c.email(p))])
    return ("com.fasterxml.jackson.databind.exc.InvalidFormatException: Cannot deserialize value of type `java.time.LocalDate` from String \"%s\": "
            "Failed to deserialize java.time.LocalDate: (java.time.format.DateTimeParseException) Text '%s' could not be parsed at index %d\n"
            " at [Source: (String)\"%s\"; line: 1, column: %d] (through reference chain: com.harborlight.intake.dto.IntakeForm[\"dob\"])" % (
                dob, dob, c.ri(0, 5), src, c.ri(20, 120))).replace("InvalidFormatException", c.k("exception", "InvalidFormatException"), 1)


@T("java")
def java_hibernate_row(c):
    p = c.person()
    return ("%s WARN  o.h.engine.jdbc.spi.SqlExceptionHelper - SQL Error: 0, SQLState: 23502\n"
            "%s ERROR o.h.engine.jdbc.spi.SqlExceptionHelper - ERROR: null value in column \"%s\" of relation \"%s\" violates not-null constraint\n"
            "  Detail: Failing row contains (%s, %s, %s, %s, null, %s, t, %s).\n"
            "org.springframework.dao.DataIntegrityViolationException: could not execute statement; SQL [n/a]; constraint [%s]" % (
                c.ts("space"), c.ts("space"), c.k("column", "guarantor_phone"), c.k("table", "guarantors"), c.k("db_id", c.dbid()),
                c.nm(p, "g"), c.nm(p, "f"), c.dob_s("iso"), c.email(p), c.ts("iso_ms"), "guarantor_phone")).replace(
        "DataIntegrityViolationException", c.k("exception", "DataIntegrityViolationException"))


@T("java")
def java_spring_npi(c):
    dr = c.person()
    npi = c.npi()
    return ("%s  WARN %d --- [nio-8080-exec-%d] .w.s.m.s.DefaultHandlerExceptionResolver : Resolved "
            "[org.springframework.web.bind.MethodArgumentNotValidException: Validation failed for argument [0] in public "
            "org.springframework.http.ResponseEntity<?> com.harborlight.referrals.ReferralController.create(ReferralRequest): "
            "[Field error in object 'referralRequest' on field 'referringNpi': rejected value [%s]; codes [EnrolledNpi.referralRequest.referringNpi]; "
            "default message [provider %s is not enrolled with %s]]]" % (
                c.ts("iso_ms"), c.ri(1, 99), c.ri(1, 10), npi, c.nm(dr, c.ch(["full", "LF", "ini"])), c.k("payer", c.payer()))).replace(
        "MethodArgumentNotValidException", c.k("exception", "MethodArgumentNotValidException"))


@T("java")
def java_logstash_kafka(c):
    p = c.person()
    ph = c.phone(p)
    pairs = [("@timestamp", c.ts("iso_ms")), ("level", "ERROR"), ("logger_name", "c.h.reminders.ReminderConsumer"),
             ("message", "reminder dropped: carrier lookup failed for %s" % ph),
             ("mdc", Raw(jo(c.shuf([("patientName", c.nm(p)), ("apptDate", c.appt_s(c.ch(["iso", "mdY"]))),
                                    ("tenant", "hl-%d" % c.ri(1, 40)), ("traceId", c.k("trace", c.trace()))])))),
             ("stack_trace", "com.harborlight.reminders.CarrierLookupException: %s\n\tat com.harborlight.reminders.Lookup.carrier(Lookup.java:%d)" % (
                 c.k("status", c.ch(["404 Not Found", "429 Too Many Requests"])), c.ri(20, 200)))]
    return jo(pairs[:3] + c.shuf(pairs[3:]))


@T("java")
def java_numberformat_age(c):
    p = c.person()
    age = c.age90(c.ch(["words", "Words", "y"]))
    return ("Exception in thread \"roster-import-%d\" java.lang.NumberFormatException: For input string: \"%s\"\n"
            "\tat java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)\n"
            "\tat java.base/java.lang.Integer.parseInt(Integer.java:662)\n"
            "\tat com.harborlight.roster.RowMapper.age(RowMapper.java:%d)\n"
            "MDC: {importFile=%s, row=%d, resident=%s, facility=%s}" % (
                c.ri(1, 8), age, c.ri(20, 200), c.k("file", "snf_roster_%s.csv" % c.hexs(6)), c.ri(2, 900),
                c.nm(p, c.ch(["lf", "full"])), c.ch(["Marigold Senior Living", "Elmcrest Manor"]))).replace(
        "NumberFormatException", c.k("exception", "NumberFormatException"), 1)


@T("java", clean=True)
def java_clean_oom(c):
    return ("%s ERROR [%s] o.a.k.c.c.internals.ConsumerCoordinator - [Consumer clientId=%s-%d, groupId=%s] Offset commit failed\n"
            "java.lang.OutOfMemoryError: Java heap space\n\tat java.base/java.util.Arrays.copyOf(Arrays.java:3537)\n"
            "\tat org.apache.kafka.common.utils.Utils.toArray(Utils.java:%d)\nheap=%dm max=%dm gc_pause=%s version=%s" % (
                c.ts("space"), c.k("thread", "main"), c.svc(), c.ri(0, 9), c.k("service", c.svc()), c.ri(100, 400),
                c.ri(200, 900), c.ri(1024, 4096), c.k("duration", c.dur()), c.k("version", c.ver()))).replace(
        "OutOfMemoryError", c.k("exception", "OutOfMemoryError"))


@T("java", clean=True)
def java_clean_port(c):
    port = c.k("port", c.port())
    return ("***************************\nAPPLICATION FAILED TO START\n***************************\n\nDescription:\n\n"
            "Web server failed to start. Port %s was already in use.\n\nAction:\n\nIdentify and stop the process that's listening on port %s "
            "or configure this application to listen on another port.\nspring-boot %s, jdk %s, service=%s" % (
                port, port, c.k("version", "3.%d.%d" % (c.ri(0, 3), c.ri(0, 9))), c.ch(["17.0.11", "21.0.3"]), c.k("service", c.svc())))

# ======================= 5. Node / Express / Next.js =======================
@T("node")
def node_express_inspect(c):
    p = c.person()
    cp, st, z3 = c.place()
    body = ("{\n  name: '%s',\n  phone: '%s',\n  address: { line1: '%s', city: '%s', state: '%s' },\n  zipCode: undefined,\n  dob: '%s'\n}" % (
        c.nm(p), c.phone(p), c.street(), c.city(cp), st, c.dob_s(c.ch(["iso", "mdY"]))))
    return ("TypeError: Cannot read properties of undefined (reading 'slice')\n    at formatZip (/app/src/lib/mailing.js:%d:%d)\n"
            "    at buildLabel (/app/src/lib/mailing.js:%d:%d)\n    at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)\n"
            "req.body = %s\nnode %s express %s" % (
                c.ri(10, 90), c.ri(5, 40), c.ri(90, 200), c.ri(5, 40), body, c.k("version", "v20.%d.%d" % (c.ri(0, 15), c.ri(0, 9))),
                c.k("version", "4.%d.%d" % (c.ri(17, 21), c.ri(0, 9))))).replace("TypeError", c.k("exception", "TypeError"), 1)


@T("node")
def node_next_route(c):
    mrn = c.mrn()
    path = c.url("/patients/%s?tab=%s" % (mrn, c.ch(["notes", "billing", "safety"])))
    p = c.person()
    fam = c.nm(p, "f")
    ref = "https://app.harborlight.health/search?q=" + fam
    if c.coin(0.5):
        c.url(ref)
    return (" ⨯ Error: Failed to load chart header for %s\n    at ChartHeader (./app/patients/[mrn]/header.tsx:%d:%d)\n"
            "  digest: \"%s\"\n GET %s %s in %dms\n referer: %s" % (
                c.nm(p, c.ch(["full", "gf"])), c.ri(10, 90), c.ri(3, 40), c.k("hash", str(c.ri(100000000, 4000000000))),
                path, c.k("status", "500"), c.ri(40, 3000), ref))


@T("node")
def node_pino_intake(c):
    p = c.person()
    em = c.email(p)
    ip = c.ip()
    url = c.url("/api/intake/start?email=%s&ref=%s" % (em, c.ch(["google", "psychtoday", "school", "pcp"])))
    pairs = [("level", 50), ("time", Raw(c.ts("epoch_ms"))), ("pid", c.ri(1, 400)), ("hostname", c.pod("portal-web")),
             ("req", Raw(jo([("id", c.ri(1, 99999)), ("method", "POST"), ("url", url), ("remoteAddress", ip), ("remotePort", c.ri(1025, 65000))]))),
             ("err", Raw(jo([("type", c.k("exception", "ZodError")), ("message", "phone: Invalid input"), ("received", c.phone(p))]))),
             ("msg", "intake validation failed")]
    return jo(pairs)


@T("node")
def node_axios_rejection(c):
    p, g = c.person(), c.person()
    data = jo(c.shuf([("patient", c.nm(p)), ("dob", c.dob_s("iso")), ("guardianPhone", c.phone(g)), ("guardian", c.nm(g, "gf")),
                      ("cpt", c.k("cpt", c.cpt()))]))
    return ("(node:%d) UnhandledPromiseRejectionWarning: AxiosError: Request failed with status code %s\n"
            "    at settle (/srv/%s/node_modules/axios/dist/node/axios.cjs:%d:%d)\n"
            "  config: { method: 'post', url: 'https://api.%s.example/v2/eligibility', data: '%s' }\n"
            "  code: 'ERR_BAD_REQUEST'" % (
                c.ri(10, 900), c.k("status", c.ch(["400", "422", "409"])), c.k("service", "eligibility-worker"), c.ri(1000, 2100), c.ri(5, 30),
                c.ch(["payerhub", "availity", "claimsbridge"]), data))


@T("node")
def node_prisma_unique(c):
    p = c.person()
    em = c.email(p)
    return ("prisma:query INSERT INTO \"public\".\"Guardian\" (\"email\",\"fullName\",\"phone\",\"relationship\") VALUES ($1,$2,$3,$4) RETURNING \"id\"\n"
            "prisma:query params [\"%s\",\"%s\",\"%s\",\"%s\"]\n"
            "PrismaClientKnownRequestError: \nInvalid `prisma.guardian.create()` invocation:\n\nUnique constraint failed on the fields: (`email`)\n"
            "  code: '%s', clientVersion: '%s'" % (
                em, c.nm(p), c.phone(p), c.ch(["mother", "father", "grandparent", "foster parent"]), c.k("error_code", "P2002"),
                c.k("version", "5.%d.%d" % (c.ri(0, 20), c.ri(0, 3))))).replace("PrismaClientKnownRequestError", c.k("exception", "PrismaClientKnownRequestError"))


@T("node")
def node_zod_issues(c):
    p = c.person()
    issues = [jo([("code", "invalid_string"), ("validation", "email"), ("path", ["contact", "email"]), ("message", "Invalid email"), ("received", c.email(p))], True),
              jo([("code", "invalid_date"), ("path", ["dob"]), ("message", "Invalid date"), ("received", c.dob_s(c.ch(["dmY", "Mon d, Y", "d Month Y"])))], True),
              jo([("code", "too_big"), ("path", ["age"]), ("maximum", 89), ("message", "Age above supported range"), ("received", c.age90("num"))], True)]
    return ("ZodError: [\n  %s\n]\n    at get error [as error] (/app/.next/server/chunks/%d.js:1:%d)\n    route: /api/referrals POST, user-agent: %s" % (
        ",\n  ".join(c.shuf(issues)), c.ri(100, 999), c.ri(1000, 90000), c.ch(["Mozilla/5.0", "node-fetch/1.0"]))).replace("ZodError", c.k("exception", "ZodError"), 1)


@T("node", clean=True)
def node_clean_econnrefused(c):
    ip, port = c.k("infra_ip", c.infra_ip()), c.k("port", c.port())
    return ("Error: connect ECONNREFUSED %s:%s\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1595:16) {\n"
            "  errno: -111,\n  code: 'ECONNREFUSED',\n  syscall: 'connect',\n  address: '%s',\n  port: %s\n}\nservice=%s release=%s" % (
                ip, port, ip, port, c.k("service", c.svc()), c.k("version", c.ver())))


@T("node", clean=True)
def node_clean_build(c):
    return ("Failed to compile.\n\n./app/(dashboard)/insights/page.tsx:%d:%d\nType error: Property 'graceDays' does not exist on type 'PlanSettings'.\n"
            "  > %d |   const grace = settings.graceDays ?? 7;\nNext.js build worker exited with code: 1 and signal: null\n"
            "next %s, typescript %s, commit %s" % (
                c.ri(10, 200), c.ri(3, 40), c.ri(10, 200), c.k("version", "14.%d.%d" % (c.ri(0, 2), c.ri(0, 20))),
                c.k("version", "5.%d.%d" % (c.ri(0, 5), c.ri(0, 4))), c.k("hash", c.sha(7))))


# ======================= 6. Python tracebacks / f-strings / locals =========
@T("python")
def py_value_error_card(c):
    p = c.person()
    return ("Traceback (most recent call last):\n  File \"/srv/harborlight/eligibility/match.py\", line %d, in match_card\n"
            "    raise ValueError(f\"could not match insurance card for {patient.name} DOB {patient.dob}: member {card.member_id}\")\n"
            "ValueError: could not match insurance card for %s DOB %s: member %s\n"
            "task=%s payer=%s" % (
                c.ri(20, 400), c.nm(p, c.ch(["full", "gf", "mid"])), c.dob_s(c.ch(["iso", "pyrepr"])), c.member(),
                c.k("job_id", "match-%s" % c.hexs(8)), c.k("payer", c.payer()))).replace("ValueError", c.k("exception", "ValueError"), 1)


@T("python")
def py_pydantic_phone(c):
    p = c.person()
    ph = c.phone(p, True)
    return ("pydantic_core._pydantic_core.ValidationError: 2 validation errors for Referral\nguardian_phone\n"
            "  Value error, not a valid US number [type=value_error, input_value='%s', input_type=str]\n"
            "date_of_birth\n  Input should be a valid date or datetime, input is too short [type=date_from_datetime_parsing, input_value='%s', input_type=str]\n"
            "    For further information visit https://errors.pydantic.dev/2.%d/v/value_error\nreferral for %s" % (
                ph, c.dob_s(c.ch(["m/d", "Month d", "mm/dd"])), c.ri(5, 9), c.nm(p, c.ch(["full", "gf"])))).replace(
        "ValidationError", c.k("exception", "ValidationError"), 1)


@T("python")
def py_sentry_locals(c):
    p = c.person()
    pt = pyrepr(c.shuf([("first", c.nm(p, "g")), ("last", c.nm(p, "f")), ("dob", Raw(c.dob_s("pyrepr"))), ("ssn", c.ssn()),
                        ("mrn", c.mrn())]))
    return ("KeyError: 'payer_id'\n  File \"billing/claims.py\", line %d, in build_claim\n    payer = PAYERS[cov['payer_id']]\n\n"
            "Local variables:\n  patient = %s\n  cov = {'plan': %r, 'member': %r}\n  attempt = %d" % (
                c.ri(20, 500), pt, c.k("payer", c.payer()), c.member(), c.ri(1, 4))).replace("KeyError", c.k("exception", "KeyError"), 1)


@T("python")
def py_celery_geocode(c):
    cp, st, z3 = c.place()
    q = "%s, %s, %s %s" % (c.street(), c.city(cp), st, c.zipc(z3))
    return ("[%s: ERROR/ForkPoolWorker-%d] Task intake.tasks.geocode_address[%s] raised unexpected: GeocoderError(\"no match for '%s'\")\n"
            "Traceback (most recent call last):\n  File \"/usr/local/lib/python3.11/site-packages/celery/app/trace.py\", line 477, in trace_task\n"
            "geopy.exc.GeocoderServiceError: %s" % (
                c.ts("py"), c.ri(1, 16), c.k("uuid", c.uuid()), q, c.k("status", c.ch(["HTTP Error 429", "HTTP Error 503"]))))


@T("python")
def py_logging_statement(c):
    p = c.person()
    cp, st, z3 = c.place()
    return ("%s WARNING billing.statements: statement returned to sender for acct %s (guarantor %s) at %s, %s %s %s; "
            "next attempt %s via %s" % (
                c.ts("py"), c.acct(), c.nm(p, c.ch(["full", "LF", "lf"])), c.street(kind=c.ch(["pobox", "rural", "street"])),
                c.city(cp), st, c.zipc(z3),
                c.appt_s(c.ch(["iso", "mdY"]), 1, 30), c.ch(["email", "portal"])))


@T("python")
def py_fstring_debug(c):
    p, dr = c.person(), c.person()
    ip = c.ip()
    return ("DEBUG:telehealth.bridge:f\"{room=}\" room='tb-%s' f\"{participant=}\" participant='%s' f\"{client_ip=}\" client_ip='%s'\n"
            "ERROR:telehealth.bridge:join rejected: provider %s (NPI %s) not licensed in %s\nRuntimeError: %s" % (
                c.hexs(10), c.nm(p, c.ch(["full", "gf"])), ip, c.nm(dr, c.ch(["full", "ini"])), c.npi(), c.ch(["Iowa", "Nebraska", "Oregon"]),
                c.k("error", "license_state_mismatch")))


@T("python", clean=True)
def py_clean_import(c):
    return ("Traceback (most recent call last):\n  File \"/app/manage.py\", line 22, in <module>\n    main()\n"
            "  File \"/usr/local/lib/python3.11/site-packages/django/db/utils.py\", line %d, in load_backend\n"
            "ImportError: cannot import name 'HopeScore' from 'analytics.models' (/app/analytics/models.py)\n"
            "django==%s psycopg==%s image=%s" % (
                c.ri(100, 200), c.k("version", "4.2.%d" % c.ri(1, 16)), c.k("version", "3.1.%d" % c.ri(1, 19)),
                c.k("hash", "sha256:" + c.sha(64)))).replace("ImportError", c.k("exception", "ImportError"))


@T("python", clean=True)
def py_clean_keyerror(c):
    col = c.k("column", c.ch(["patient_dob", "member_id", "guarantor_zip", "ssn_last4"]))
    return ("KeyError: '%s'\n  File \"pipelines/export.py\", line %d, in transform\n    row['%s'] = normalize(row['%s'])\n"
            "rows_in=%d rows_out=%d dropped=%d elapsed=%s run_id=%s" % (
                col, c.ri(10, 300), col, col, c.ri(1000, 90000), c.ri(100, 900), c.ri(1, 99), c.k("duration", c.dur()),
                c.k("job_id", "run-%s" % c.hexs(10)))).replace("KeyError", c.k("exception", "KeyError"), 1)


# ======================= 7. Elasticsearch / OpenSearch =====================
@T("search")
def es_search_phase(c):
    p = c.person()
    q = jo([("query", Raw(jo([("bool", Raw(jo([("must", Raw("[" + jo([("match", Raw(jo([("patient.full_name", c.nm(p))])))]) + "," +
                                                                   jo([("term", Raw(jo([("patient.dob", c.dob_s("iso"))])))]) + "]"))])))])))])
    return ("%s [WARN ][%s] search failed: %s\n  type: search_phase_execution_exception, reason: all shards failed\n"
            "  caused_by: query_shard_exception: failed to create query: field [patient.dob] of type [keyword] does not support range\n"
            "  index: %s\n  source: %s" % (
                c.ts("iso_ms"), c.k("service", "search-sync"), c.k("status", "400"), c.k("index", "charts-v%d" % c.ri(2, 9)), q)).replace(
        "search_phase_execution_exception", c.k("exception", "search_phase_execution_exception"))


@T("search")
def es_mapper_parsing(c):
    p = c.person()
    dob = c.dob_s(c.ch(["dmY", "Month d, Y", "d-Mon-Y", "dmY_dot"]))
    return ("{\"error\":{\"root_cause\":[{\"type\":\"mapper_parsing_exception\",\"reason\":\"failed to parse field [dob] of type [date] in document with id '%s'. "
            "Preview of field's value: '%s'\"}],\"type\":\"document_parsing_exception\",\"reason\":\"[1:%d] failed to parse field [dob]\","
            "\"caused_by\":{\"type\":\"illegal_argument_exception\",\"reason\":\"failed to parse date field [%s] with format [strict_date_optional_time||epoch_millis]\"}},"
            "\"status\":400}\n(doc owner: %s)" % (
                c.k("uuid", c.uuid()), dob, c.ri(20, 300), dob, c.nm(p, c.ch(["full", "lf"])))).replace(
        "mapper_parsing_exception", c.k("exception", "mapper_parsing_exception"), 1)


@T("search")
def es_slowlog_phone(c):
    p = c.person()
    ph = c.phone(p)
    return ("[%s][WARN ][index.search.slowlog.query] [es-data-%d] [notes-%d.%02d][%d] took[%s], took_millis[%d], total_hits[%d hits], "
            "search_type[QUERY_THEN_FETCH], source[{\"query\":{\"bool\":{\"should\":[{\"match_phrase\":{\"body\":\"%s\"}},{\"match_phrase\":{\"body\":\"%s\"}}]}}}], id[%s]" % (
                c.ts("iso_ms"), c.ri(0, 9), c.now.year, c.now.month, c.ri(0, 4), c.k("duration", "%.1fs" % (c.ri(20, 99) / 10.0)), c.ri(2000, 9900),
                c.ri(0, 40), ph, c.nm(p, c.ch(["full", "gf"])), c.k("request_id", c.reqid())))


@T("search")
def es_bulk_item(c):
    p = c.person()
    cp, st, z3 = c.place()
    src = jo(c.shuf([("name", c.nm(p)), ("city", c.city(cp)), ("state", st), ("zip", c.zipc(z3)), ("phone", c.phone(p)),
                     ("mrn", c.mrn())]))
    return ("bulk request had %d failures; first: {\"index\":{\"_index\":\"%s\",\"_id\":\"%s\",\"status\":429,\"error\":{\"type\":\"es_rejected_execution_exception\","
            "\"reason\":\"rejected execution of coordinating operation\"}}}\n_source: %s" % (
                c.ri(1, 90), c.k("index", "patients-directory"), c.k("db_id", c.dbid()), src)).replace(
        "es_rejected_execution_exception", c.k("exception", "es_rejected_execution_exception"))


@T("search")
def os_query_string(c):
    p = c.person()
    em = c.email(p)
    ph = c.phone(p)
    return ("OpenSearchException[parse_exception: Cannot parse 'email:%s OR phone:\"%s\" OR name:(%s)': Encountered \" \":\" \": \"\" at line 1, column %d.]\n"
            "    at org.opensearch.index.query.QueryStringQueryBuilder.doToQuery(QueryStringQueryBuilder.java:%d)\n"
            "user=%s index=%s" % (
                em, ph, c.nm(p, c.ch(["gf", "full"])), c.ri(10, 80), c.ri(800, 1100), c.k("user", "svc-%s" % c.svc()),
                c.k("index", "contacts-v3"))).replace("OpenSearchException", c.k("exception", "OpenSearchException"))


@T("search")
def es_version_conflict(c):
    mrn = c.mrn(c.ch(["pad8", "hl", "letter", "plain7"]))
    p = c.person()
    return ("{\"type\":\"version_conflict_engine_exception\",\"reason\":\"[mrn-%s]: version conflict, required seqNo [%d], primary term [%d]. current document has seqNo [%d] and primary term [%d]\","
            "\"index_uuid\":\"%s\",\"shard\":\"%d\",\"index\":\"%s\"}\nreindex job for %s (%s) will be retried" % (
                mrn, c.ri(100, 99999), c.ri(1, 9), c.ri(100, 99999), c.ri(1, 9), c.k("index_uuid", c.alnum(22, "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ")),
                c.ri(0, 4), c.k("index", "patient-profile"), c.nm(p), c.appt_s(c.ch(["mdY", "Mon d"])))).replace(
        "version_conflict_engine_exception", c.k("exception", "version_conflict_engine_exception"))


@T("search", clean=True)
def es_clean_circuit(c):
    return ("{\"error\":{\"type\":\"circuit_breaking_exception\",\"reason\":\"[parent] Data too large, data for [<http_request>] would be [%d/%.1fgb], "
            "which is larger than the limit of [%d/%.1fgb]\",\"bytes_wanted\":%d,\"durability\":\"TRANSIENT\"},\"status\":429}\n"
            "cluster=%s node=es-data-%d jvm=%s" % (
                c.ri(10 ** 9, 9 * 10 ** 9), c.ri(10, 90) / 10.0, c.ri(10 ** 9, 9 * 10 ** 9), c.ri(10, 90) / 10.0, c.ri(10 ** 9, 9 * 10 ** 9),
                c.k("cluster", "hl-search-prod"), c.ri(0, 9), c.k("version", "17.0.%d" % c.ri(1, 12)))).replace(
        "circuit_breaking_exception", c.k("exception", "circuit_breaking_exception"))


@T("search", clean=True)
def es_clean_index_missing(c):
    idx = c.k("index", "notes-%d.%02d" % (c.now.year, c.now.month))
    return ("[%s] index_not_found_exception: no such index [%s], resource.type=index_or_alias, resource.id=%s, index_uuid=_na_\n"
            "alias rollover by ILM policy %s hit %s; grace window %s" % (
                c.k("status", "404"), idx, idx, c.k("policy", "notes-hot-warm"), c.k("error", "illegal_state_exception"), c.k("duration", c.dur())))


# ======================= 8. Redis / Memcached keys =========================
@T("cache")
def redis_wrongtype_session(c):
    p = c.person()
    u = c.username(p)
    return ("redis: WRONGTYPE Operation against a key holding the wrong kind of value (cmd=HGETALL key=\"session:portal:%s\")\n"
            "  at sessionStore.load (portal-web/src/session.ts:%d)\n  addr=%s:%s db=%d" % (
                u, c.ri(20, 200), c.k("infra_ip", c.infra_ip()), c.k("port", "6379"), c.ri(0, 4))).replace("WRONGTYPE", c.k("error", "WRONGTYPE"))


@T("cache")
def memcached_too_large(c):
    mem = c.member()
    dob = c.dob_s(c.ch(["compact", "iso"]))
    return ("memcache: SERVER_ERROR object too large for cache: set key=elig:%s:%s bytes=%d flags=0 exptime=%d\n"
            "pool=%s:%s client=pymemcache/%s" % (
                mem, dob, c.ri(1048577, 3000000), c.ri(300, 86400), c.k("infra_ip", c.infra_ip()), c.k("port", "11211"), c.k("version", "4.0.0"))).replace(
        "SERVER_ERROR", c.k("error", "SERVER_ERROR"))


@T("cache")
def redis_oom_otp(c):
    p = c.person()
    ph = c.phone(p, False, c.ch(["+1{a}{e}{n}", "{a}{e}{n}"]))
    return ("redis.exceptions.ResponseError: OOM command not allowed when used memory > 'maxmemory'.\n"
            "  command: SET otp:%s %s EX 300 NX\n  caller: auth.otp.issue (auth/otp.py:%d) user=%s used_memory_human=%s" % (
                ph, c.dig(6), c.ri(20, 140), c.nm(p, "snake"), c.k("size", "%.2fG" % (c.ri(100, 800) / 100.0)))).replace(
        "ResponseError", c.k("exception", "ResponseError"))


@T("cache")
def ioredis_ratelimit_email(c):
    p = c.person()
    em = c.email(p)
    return ("ReplyError: ERR value is not an integer or out of range\n    at parseError (/srv/node_modules/redis-parser/lib/parser.js:179:12)\n"
            "  command: { name: 'hincrby', args: [ 'ratelimit:login:%s', 'count', '1.5' ] }\n  ip: '%s'" % (em, c.ip())).replace(
        "ReplyError", c.k("exception", "ReplyError"))


@T("cache")
def redis_scan_dump(c):
    keys = []
    for _ in range(c.ri(2, 4)):
        p = c.person()
        kind = c.ch(["appt", "contact", "callback", "lock"])
        if kind == "appt":
            keys.append("appt:reminder:%s:%s" % (c.mrn(), c.appt_s("iso")))
        elif kind == "contact":
            keys.append("contact:%s" % c.email(p))
        elif kind == "callback":
            keys.append("callback:%s" % c.phone(p, False, "{a}{e}{n}"))
        else:
            keys.append("chart:lock:%s" % c.mrn())
    keys.append("ratelimit:api:%s" % c.k("hash", c.hexs(12)))
    lines = "\n".join("%d) \"%s\"" % (i + 1, k) for i, k in enumerate(c.shuf(keys)))
    return ("redis-cli --scan --pattern '*' | head  (pasted by on-call, eviction storm on %s)\n%s\nevicted_keys:%d maxmemory-policy:%s" % (
        c.k("host", "cache-%d.hl.internal" % c.ri(1, 6)), lines, c.ri(1000, 90000), c.k("policy", "allkeys-lru")))


@T("cache")
def redis_lua_lock(c):
    mrn = c.mrn()
    d = c.appt_s("iso")
    p = c.person()
    return ("ERR user_script:1: Script attempted to access nonexistent global variable 'ARGV2' script: %s, on @user_script:1.\n"
            "KEYS[1]=\"appt:lock:%s:%s\" ARGV[1]=\"%s\" clinician=\"%s\"" % (
                c.k("hash", c.sha(40)), mrn, d, c.k("uuid", c.uuid()), c.nm(p, c.ch(["full", "lf"]))))


@T("cache", clean=True)
def redis_clean_clusterdown(c):
    return ("CLUSTERDOWN The cluster is down\nMOVED %d %s:%s\nnode=%s slots=%d-%d failover_timeout=%s since %s" % (
        c.ri(0, 16383), c.k("infra_ip", c.infra_ip()), c.k("port", "6379"), c.k("node_id", c.sha(40)), c.ri(0, 8000), c.ri(8001, 16383),
        c.k("duration", c.dur()), c.ts("iso_z"))).replace("CLUSTERDOWN", c.k("error", "CLUSTERDOWN"))


@T("cache", clean=True)
def memcached_clean_stats(c):
    return ("memcached stats %s:%s — get_hits %d get_misses %d evictions %d curr_items %d bytes %d\n"
            "keys sampled: sess:%s flag:hope-banner:v%d feature:mark-read:%s" % (
                c.k("infra_ip", c.infra_ip()), c.k("port", "11211"), c.ri(10 ** 6, 10 ** 8), c.ri(1000, 10 ** 6), c.ri(0, 9000),
                c.ri(1000, 900000), c.ri(10 ** 6, 10 ** 9), c.k("hash", c.hexs(32)), c.ri(1, 9), c.hexs(6)))


# ======================= 9. S3 / GCS object keys ===========================
@T("objstore")
def s3_nosuchkey_consent(c):
    p = c.person()
    mrn = c.mrn()
    key = "intake/%d/%02d/%s/%s_consent.pdf" % (c.now.year, c.now.month, mrn, c.nm(p, "snake"))
    return ("botocore.errorfactory.NoSuchKey: An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.\n"
            "  Bucket: %s\n  Key: %s\n  RequestId: %s HostId: %s=" % (
                c.k("bucket", "hl-prod-documents"), c.url(key), c.k("request_id", c.alnum(16)), c.alnum(40, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/"))).replace(
        "NoSuchKey", c.k("exception", "NoSuchKey"), 1)


@T("objstore")
def gcs_forbidden(c):
    p = c.person()
    dob = c.dob_s("compact")
    obj = "referrals/%s/%s-%s-%s.tiff" % (c.ch(["school", "court", "pcp"]), c.nm(p, "slug"), dob, c.hexs(6))
    return jo([("error", Raw(jo([("code", 403), ("message", "%s does not have storage.objects.create access to the Google Cloud Storage object. Permission 'storage.objects.create' denied on resource (or it may not exist)." %
                                                  c.k("user", "ocr-pipeline@hl-prod.iam.gserviceaccount.com")),
                                 ("errors", Raw("[" + jo([("reason", "forbidden"), ("domain", "global")]) + "]"))]))),
               ("object", c.url("gs://hl-intake-scans/" + obj))])


@T("objstore")
def s3_access_log(c):
    mem = c.member(c.ch(["bcbs", "aet", "mcd"]))
    ip = c.ip()
    key = c.url("cards/%s/front.jpg" % mem)
    return ("%s hl-insurance-cards [%s] %s - %s REST.GET.OBJECT %s \"GET /%s?X-Amz-Expires=300 HTTP/1.1\" %s AccessDenied %d - %d - \"-\" \"%s\" -" % (
        c.sha(64), c.now.strftime("%d/%b/%Y:%H:%M:%S +0000"), ip, c.k("request_id", c.alnum(16)), key, key, c.k("status", "403"), c.ri(200, 400),
        c.ri(5, 90), c.ch(["Harborlight-Android/5.1.0", "Mozilla/5.0"]))).replace("AccessDenied", c.k("error", "AccessDenied"))


@T("objstore")
def s3_presigned_expired(c):
    p = c.person()
    mrn = c.mrn()
    u = c.url("https://hl-prod-documents.s3.us-east-2.amazonaws.com/charts/%s/letters/%s-school-letter.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=%s&X-Amz-Expires=900&X-Amz-Signature=%s" % (
        mrn, c.nm(p, "slug"), c.ts("ics").replace("-", ""), c.sha(64)))
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>%s</Code><Message>Request has expired</Message><X-Amz-Expires>900</X-Amz-Expires>"
            "<RequestId>%s</RequestId></Error>\nreported by portal user for link: %s" % (
                c.k("error", "AccessDenied"), c.k("request_id", c.alnum(16)), u))


@T("objstore")
def s3_fax_multipart(c):
    fx = c.fax("{a}{e}{n}")
    p = c.person()
    key = c.url("fax-in/%s/%s/%s.tiff" % (fx, c.appt_s("iso", -5, 0), c.hexs(12)))
    return ("fax-inbound: multipart upload aborted: EntityTooSmall: Your proposed upload is smaller than the minimum allowed object size.\n"
            "  key=%s parts=%d upload_id=%s\n  cover sheet OCR: \"ATTN intake RE: %s\"" % (
                key, c.ri(2, 9), c.k("upload_id", c.alnum(30, "abcdefghijklmnopqrstuvwxyz0123456789._")), c.nm(p, c.ch(["UP", "full", "LF"])))).replace(
        "EntityTooSmall", c.k("error", "EntityTooSmall"))


@T("objstore")
def s3_replication_failed(c):
    rows = []
    for _ in range(c.ri(2, 3)):
        p = c.person()
        rows.append("  FAILED  %s  %s" % (c.url("exports/roi/%s/%s_%s.zip" % (c.mrn(), c.nm(p, "f").replace(" ", "_"), c.dob_s("compact"))),
                                          c.k("status", "ReplicationFailed") if not rows else "ReplicationFailed"))
    return ("S3 Replication Time Control: %d operations missed threshold in rule %s (dest %s)\n%s" % (
        len(rows), c.k("rule", "roi-to-dr"), c.k("bucket", "hl-dr-us-west-2"), "\n".join(rows)))


@T("objstore", clean=True)
def s3_clean_policy(c):
    return ("An error occurred (MalformedPolicy) when calling the PutBucketPolicy operation: Invalid principal in policy\n"
            "bucket=%s stack=%s changeset=%s terraform %s" % (
                c.k("bucket", "hl-prod-audit-archive"), c.k("stack", "storage-%s" % c.hexs(6)), c.k("uuid", c.uuid()), c.k("version", "1.%d.%d" % (c.ri(5, 9), c.ri(0, 9))))).replace(
        "MalformedPolicy", c.k("error", "MalformedPolicy"))


@T("objstore", clean=True)
def gcs_clean_keys(c):
    ks = ["gs://hl-ml-artifacts/models/notes-ner/%s/model.onnx" % c.k("hash", c.sha(12)),
          "gs://hl-ml-artifacts/builds/%s/report.html" % c.k("version", c.ver()),
          "gs://hl-logs/%s/part-%05d.json.gz" % (c.k("job_id", "job-%s" % c.hexs(8)), c.ri(0, 300))]
    return "gsutil rsync: %d object(s) skipped (precondition failed, generation mismatch):\n  %s\nelapsed %s" % (
        len(ks), "\n  ".join(ks), c.k("duration", c.dur()))

# ======================= 10. Message-queue dead letters ====================
@T("mq")
def sqs_dlq_reminder(c):
    p = c.person()
    body = jo(c.shuf([("type", "appointment.reminder"), (c.key("patient name"), c.nm(p)), ("to", c.phone(p)),
                      (c.key("appointment date"), c.appt_s(c.ch(["iso", "mdY"]))), ("locale", c.ch(["es-US", "so", "vi", "en-US", "ht"])),
                      ("clinic_id", c.ri(1, 90))]))
    return ("SQS DLQ alarm: %s ApproximateNumberOfMessagesVisible >= 1\nMessageId: %s\nReceiveCount: %d\n"
            "Attributes: {\"SentTimestamp\": \"%s\", \"errorMessage\": \"carrier rejected: landline\"}\nBody: %s" % (
                c.k("queue", "reminders-dlq"), c.k("uuid", c.uuid()), c.ri(3, 10), c.ts("epoch_ms"), body))


@T("mq")
def kafka_dlt_headers(c):
    p = c.person()
    val = jo(c.shuf([("mrn", c.mrn()), ("name", c.nm(p, c.ch(["lf", "full"]))), ("dischargeDate", c.appt_s("iso", -20, 0)),
                     ("facility", c.ch(HOSPITALS)), ("followUpPhone", c.phone(p))]))
    return ("record sent to %s partition=%d offset=%d\nheaders:\n  kafka_dlt-exception-fqcn: %s\n"
            "  kafka_dlt-exception-message: Failed to convert \"dischargeDate\"\n  kafka_dlt-original-topic: %s\nvalue: %s" % (
                c.k("topic", "adt.discharges.DLT"), c.ri(0, 11), c.ri(1000, 9999999),
                c.k("exception", "org.springframework.messaging.converter.MessageConversionException"), c.k("topic", "adt.discharges"), val))


@T("mq")
def rabbit_xdeath_referral(c):
    p, rp = c.person(), c.person()
    payload = jo(c.shuf([("referral_id", c.ri(1000, 99999)), ("client", c.nm(p)), ("dob", c.dob_s(c.ch(["iso", "mdY"]))),
                         ("referred_by", "%s, %s" % (c.nm(rp), c.ch(["school counselor", "PCP", "probation officer"]))),
                         ("referrer_fax", c.fax())]), True)
    return ("rabbitmq: message dead-lettered from queue '%s'\nx-death: [{count: %d, reason: rejected, queue: referrals.in, exchange: referrals, "
            "routing-keys: [referral.new], time: %s}]\npayload:\n%s" % (
                c.k("queue", "referrals.in"), c.ri(1, 6), c.ts("epoch"), payload))


@T("mq")
def nats_max_deliver(c):
    mrn = c.mrn()
    p = c.person()
    return ("nats: maximum deliveries exceeded stream=%s consumer=%s subject=intake.chart.%s.updated seq=%d deliveries=%d\n"
            "last error: notes-indexer: unable to index note for %s: tokenizer panic on byte %d" % (
                c.k("stream", "CHARTS"), c.k("consumer", "notes-indexer"), mrn, c.ri(1000, 999999), c.ri(5, 20), c.nm(p), c.ri(10, 4000)))


@T("mq")
def sqs_nemt_ride(c):
    p, drv = c.person(), c.person()
    pick = c.addr_line()
    body = jo(c.shuf([("rider", c.nm(p)), ("pickup", pick), ("pickupDate", c.appt_s("iso", 1, 20)),
                      ("driver", c.nm(drv, "gf")), ("vehiclePlate", c.plate()), ("vin", c.vin()), ("riderPhone", c.phone(p)),
                      ("wheelchair", c.coin())]))
    return ("nemt-dispatch: message moved to %s after %d receives (error: %s)\n%s" % (
        c.k("queue", "nemt-rides-dlq"), c.ri(3, 8), c.k("error", "VendorTimeout"), body))


@T("mq")
def kafka_connect_sink(c):
    p = c.person()
    return ("ERROR WorkerSinkTask{id=%s-%d} Task threw an uncaught and unrecoverable exception. Task is being killed and will not recover until manually restarted. "
            "Error: Error while processing record key=%s value=Struct{guarantor=%s,ssn=%s,acct=%s,balance=%s} "
            "(org.apache.kafka.connect.runtime.WorkerSinkTask)\norg.apache.kafka.connect.errors.DataException: %s" % (
                c.k("connector", "snowflake-billing-sink"), c.ri(0, 5), c.k("db_id", c.dbid()), c.nm(p), c.ssn(), c.acct(),
                c.k("amount", c.amount()), c.ch(["Schema mismatch on field ssn", "Failed to serialize Avro data"]))).replace(
        "DataException", c.k("exception", "DataException"))


@T("mq", clean=True)
def mq_clean_lag(c):
    return ("Kafka consumer lag alert: group=%s topic=%s lag=%d (threshold %d) for %s\npartitions: %s\nrunbook: https://runbooks.harborlight.internal/kafka/lag#will-it-recover" % (
        c.k("consumer", c.svc()), c.k("topic", c.ch(["adt.discharges", "claims.status", "reminders.out"])), c.ri(1000, 900000), c.ri(500, 5000),
        c.k("duration", c.dur()), ", ".join("%d=%d" % (i, c.ri(0, 90000)) for i in range(c.ri(3, 8)))))


@T("mq", clean=True)
def mq_clean_dlq_ids(c):
    body = jo(c.shuf([("event", "claim.status.changed"), ("claim_id", int(c.dbid())), ("status", c.k("status", "DENIED")),
                      ("carc", c.k("code", "CO-%d" % c.ch([4, 16, 50, 97, 197]))), ("cpt", c.k("cpt", c.cpt())), ("amount", c.k("amount", c.amount())),
                      ("trace", c.k("trace", c.trace()))]))
    return "SQS %s: %d message(s) in DLQ\nsample: %s" % (c.k("queue", "claims-status-dlq"), c.ri(1, 40), body)


# ======================= 11. cron / Airflow / dbt ==========================
@T("sched")
def airflow_task_failed(c):
    p = c.person()
    em = c.email(p)
    ctx = pyrepr(c.shuf([("patient", c.nm(p)), ("email", em), ("survey", "PHQ-9"), ("due", Raw(c.appt_s("pyrepr", 0, 30)))]))
    return ("Airflow alert: <TaskInstance: %s.%s manual__%s [failed]>\nTry %d out of 3\nException:\nsmtplib.SMTPRecipientsRefused: "
            "{'%s': (550, b'5.1.1 mailbox unavailable')}\nop_kwargs=%s\nLog: https://airflow.hl.internal/log?dag_id=%s&task_id=send_survey\nHost: %s" % (
                c.k("dag", "phq9_outreach"), c.k("task", "send_survey"), c.ts("iso_off"), c.ri(1, 3), em, ctx,
                "phq9_outreach", c.k("host", "airflow-worker-%d" % c.ri(0, 5))))


@T("sched")
def dbt_unique_failure(c):
    rows = []
    mrn = c.mrn()
    for _ in range(2):
        p = c.person()
        rows.append("| %s | %s | %s | %s |" % (mrn, c.nm(p, "f"), c.nm(p, "g"), c.dob_s("iso")))
    return ("%s  Failure in test %s (models/staging/stg_patients.yml)\n%s    Got 1 result, configured to fail if != 0\n\n"
            "  compiled code at target/compiled/hl/models/staging/stg_patients.yml/unique_stg_patients_mrn.sql\n"
            "| mrn | last_name | first_name | dob |\n|-----|-----------|------------|-----|\n%s\nDone. PASS=%d WARN=%d ERROR=1 SKIP=%d TOTAL=%d" % (
                c.ts("clock"), c.k("test", "unique_stg_patients_mrn"), c.ts("clock"), "\n".join(rows), c.ri(100, 400), c.ri(0, 9), c.ri(0, 20), c.ri(400, 600)))


@T("sched")
def cron_roster_export(c):
    lines = []
    for _ in range(c.ri(2, 3)):
        p = c.person()
        lines.append("%s,%s,%s,%s" % (c.nm(p, "f"), c.nm(p, "g"), c.dob_s("mdY"), c.phone(p, False, "{a}-{e}-{n}")))
    return ("Subject: Cron <hlbatch@%s> /opt/jobs/export_roster.sh --payer %s\n\n"
            "export_roster: line %d: unterminated quoted field\nrejected rows:\n%s\nexit=%d elapsed=%s" % (
                c.k("host", "batch-0%d" % c.ri(1, 4)), c.k("payer", c.payer()), c.ri(10, 900), "\n".join(lines), c.ri(1, 2), c.k("duration", c.dur())))


@T("sched")
def dbt_accepted_values(c):
    p = c.person()
    cp, st, z3 = c.place()
    return ("Failure in test accepted_values_dim_patient_state (models/marts/dim_patient.yml)\n  Got %d results, configured to fail if != 0\n"
            "sample failing row: patient_key=%s name='%s' state='%s' city='%s' zip='%s' age=%s\n"
            "hint: zip looks valid; state column contains county name" % (
                c.ri(1, 30), c.k("db_id", c.dbid()), c.nm(p), c.ch(["Ottawa County", "Kandiyohi", "Hawaii County"]), c.city(cp), c.zipc(z3),
                c.age90("num")))


@T("sched")
def airflow_xcom_too_large(c):
    p = c.person()
    return ("[%s] {taskinstance.py:%d} ERROR - Task failed with exception\nairflow.exceptions.XComForbiddenError: value too large to push "
            "(%d bytes). Preview: {'claims': [{'member_id': '%s', 'subscriber': '%s', 'dos': '%s', 'cpt': '%s'}, ...]}" % (
                c.ts("py"), c.ri(200, 3000), c.ri(49153, 900000), c.member(), c.nm(p, c.ch(["LF", "full"])), c.appt_s("iso", -60, -1),
                c.k("cpt", c.cpt())))


@T("sched")
def k8s_cronjob_fail(c):
    p = c.person()
    return ("CronJob %s/%s: Job %s-%d failed (BackoffLimitExceeded)\n--- last 4 log lines ---\nloading fax queue...\n"
            "sending %s -> %s (%d pages)\nERROR: remote fax %s busy after 5 attempts\nbailing out" % (
                c.k("namespace", "clinical"), c.k("cronjob", "fax-roi-sender"), "fax-roi-sender", c.ri(28000000, 29000000),
                c.nm(p, c.ch(["full", "lf"])), c.fax(), c.ri(2, 40), c.fax())).replace(
        "BackoffLimitExceeded", c.k("error", "BackoffLimitExceeded"))


@T("sched", clean=True)
def airflow_clean_sla(c):
    return ("[Airflow] SLA miss on DAG=%s\nTasks that missed their SLA:\n  %s on %s\nBlocking task: %s (%s)\nNote: Will re-run at next schedule; grace period 30m." % (
        c.k("dag", "claims_nightly"), c.k("task", "load_835"), c.ts("iso_off"), c.k("task", "wait_for_sftp"), c.k("duration", c.dur())))


@T("sched", clean=True)
def dbt_clean_compile(c):
    return ("Compilation Error in model fct_sessions (models/marts/fct_sessions.sql)\n  'dbt_utils' is undefined. This can happen when calling a macro that does not exist.\n"
            "dbt=%s adapter=snowflake %s invocation_id=%s" % (c.k("version", "1.%d.%d" % (c.ri(5, 8), c.ri(0, 9))), c.k("version", c.ver()), c.k("uuid", c.uuid())))


# ======================= 12. Snowflake / BigQuery load errors ==============
@T("dwh")
def snowflake_copy_age(c):
    p = c.person()
    age = c.age90(c.ch(["words", "Words"]))
    rec = "\"%s\",\"%s\",%s,\"%s\",\"%s\"" % (c.nm(p, "f"), c.nm(p, "g"), age, c.phone(p), c.k("payer", c.payer()))
    return ("Numeric value '%s' is not recognized\n  File '%s', line %d, character %d\n  Row %d, column \"ROSTER_STAGE\"[\"AGE\":3]\n"
            "  If you would like to continue loading when an error is encountered, use other values such as 'SKIP_FILE' or 'CONTINUE' for the ON_ERROR option.\n"
            "rejected_record: %s" % (
                age, c.k("file", "snf/roster_0_%d_0.csv.gz" % c.ri(0, 9)), c.ri(2, 9000), c.ri(10, 90), c.ri(1, 9000), rec))


@T("dwh")
def bq_csv_columns(c):
    p = c.person()
    line = "%s|%s|%s|%s|%s" % (c.mrn(), c.nm(p, c.ch(["UP", "full"])), c.dob_s("mdY"), c.street(), c.phone(p))
    return ("google.api_core.exceptions.BadRequest: 400 Error while reading data, error message: CSV table references column position 7, but line "
            "starting at position:%d contains only 5 columns.; reason: invalid, location: gs://hl-warehouse-landing/ehr/patients_%s.csv\n"
            "line: %s\njob: %s" % (
                c.ri(100, 900000), c.k("hash", c.hexs(8)), line, c.k("job_id", "bqjob_r%s_%s_1" % (c.hexs(16), c.hexs(16))))).replace(
        "BadRequest", c.k("exception", "BadRequest"), 1)


@T("dwh")
def snowflake_validate_rows(c):
    out = ["| ERROR | FILE | LINE | REJECTED_RECORD |", "|---|---|---|---|"]
    for _ in range(c.ri(2, 3)):
        p = c.person()
        dd = c.dob_s(c.ch(["dmY", "d-Mon-Y", "dmY_dot"]))
        out.append("| Date '%s' is not recognized | payments/%s.csv | %d | %s,%s,%s |" % (
            dd, c.k("hash", c.hexs(8)), c.ri(2, 900), c.acct(), c.nm(p, c.ch(["gf", "full", "UP"])), c.k("amount", c.amount())))
    return "SELECT * FROM TABLE(VALIDATE(%s, JOB_ID => '%s'));\n%s" % (
        c.k("table", "RAW.GUARANTOR_PAYMENTS"), c.k("uuid", c.uuid()), "\n".join(out))


@T("dwh")
def bq_streaming_insert(c):
    p = c.person()
    row = jo(c.shuf([("session_date", c.appt_s("iso", -30, 0)), ("client_name", c.nm(p)), ("client_email", c.email(p)),
                     ("cpt", c.k("cpt", c.cpt())), ("units", c.ri(1, 4))]))
    return ("insertAll failed: 1 row(s) rejected\n  insertErrors: [{index: 0, errors: [{reason: \"invalid\", location: \"client_email\", "
            "message: \"no such field: client_email.\"}]}]\n  row: %s\n  table: %s" % (row, c.k("table", "analytics.sessions_v2")))


@T("dwh")
def snowflake_date_parse(c):
    p = c.person()
    d = c.dob_s(c.ch(["mdY", "Mon d, Y", "dmY_dot"]))
    return ("100040 (22007): Date '%s' is not recognized\n  query_id=%s warehouse=%s\n"
            "  context: MERGE INTO CORE.PATIENTS t USING (SELECT '%s' AS NAME, '%s' AS DOB, '%s' AS SSN) s ON ..." % (
                d, c.k("uuid", c.uuid()), c.k("warehouse", "LOAD_WH"), c.nm(p, "UP"), d, c.ssn("-")))


@T("dwh")
def redshift_load_errors(c):
    p = c.person()
    raw = "%s|%s|%s|%s|%s" % (c.mrn(), c.nm(p, "f"), c.nm(p, "g"), c.ip(), c.username(p))
    return ("stl_load_errors: query=%d filename=s3://hl-redshift-load/portal_logins/%s.gz line_number=%d colname=%s type=%s\n"
            "  err_reason=Invalid digit, Value '%s', Pos 0, Type: Integer\n  raw_line=%s" % (
                c.ri(100000, 999999), c.k("hash", c.hexs(10)), c.ri(2, 90000), c.k("column", "login_count"), "int4", c.ch("abcxyz"), raw))


@T("dwh", clean=True)
def snowflake_clean_suspended(c):
    return ("000606 (57P03): No active warehouse selected in the current session. Select an active warehouse with the 'use warehouse' command.\n"
            "warehouse %s suspended at %s after %s idle; credits used %s; query_tag=%s" % (
                c.k("warehouse", "TRANSFORM_WH"), c.ts("iso_z"), c.k("duration", c.dur()), "%.2f" % (c.ri(1, 900) / 10.0), c.k("tag", "dbt-nightly")))


@T("dwh", clean=True)
def bq_clean_quota(c):
    return ("403 Quota exceeded: Your project exceeded quota for free query bytes scanned. reason: quotaExceeded\n"
            "job=%s bytes_processed=%d slot_ms=%d location=US dataset=%s" % (
                c.k("job_id", "bquxjob_%s_%s" % (c.hexs(8), c.hexs(12))), c.ri(10 ** 9, 10 ** 13), c.ri(10 ** 5, 10 ** 8), c.k("dataset", "claims_mart")))


# ======================= 13. OCR intake / e-fax ============================
@T("ocr")
def ocr_low_confidence(c):
    p = c.person()
    fields = [("patient_name", c.nm(p, c.ch(["UP", "full", "lf"])), "0.%d" % c.ri(31, 69)), ("dob", c.dob_s(), "0.%d" % c.ri(40, 79)),
              ("member_id", c.member(), "0.%d" % c.ri(50, 88)), ("phone", c.phone(p), "0.%d" % c.ri(50, 88))]
    return ("ocr-pipeline: page %d of %s below confidence threshold (%s)\n%s\nrouting to manual review queue %s" % (
        c.ri(1, 6), c.k("file", "scan_%s.pdf" % c.hexs(10)), c.k("threshold", "0.90"),
        "\n".join("  field=%s value='%s' conf=%s" % f for f in c.shuf(fields)), c.k("queue", "intake-review")))


@T("ocr")
def efax_cover_sheet(c):
    p, sender, dr = c.person(), c.person(), c.person()
    return ("=== FAX COVER SHEET ===\nDATE: %s   PAGES: %d (incl. cover)\nTO: Harborlight Intake   FAX: on file\nFROM: %s, %s\nPHONE: %s   FAX: %s\n"
            "RE: %s  DOB %s\nMESSAGE: Pt discharged, pls schedule f/u w/ %s within 7 days. Records attached.\n"
            "CONFIDENTIALITY NOTICE: The documents accompanying this telecopy transmission contain confidential information.\n"
            "--- inbound fax parse error: %s ---" % (
                c.appt_s(c.ch(["mdY", "mdY_nz"]), -3, 0), c.ri(2, 30), c.nm(sender), c.ch(HOSPITALS), c.phone(sender, False), c.fax(),
                c.nm(p, c.ch(["UP", "full", "LF"])), c.dob_s(c.ch(["mdY", "mdy", "mdY_nz"])), c.nm(dr, c.ch(["ini", "full"])),
                c.k("error", "BarcodeNotFound")))


@T("ocr")
def textract_kv_dump(c):
    p = c.person()
    pairs = [("Name:", c.nm(p)), ("Date of Birth:", c.dob_s()), ("SSN:", c.ssn()), ("Address:", c.addr_line()), ("Cell:", c.phone(p)),
             ("Employer:", c.ch(EMPLOYERS))]
    return ("Textract AnalyzeDocument KEY_VALUE_SET dump (job %s) — schema mapping failed: %s\n%s" % (
        c.k("job_id", c.hexs(32)), c.k("error", "unmapped key 'Employer:'"),
        "\n".join("  %-16s %s" % kv for kv in pairs)))


@T("ocr")
def pdfminer_referral(c):
    p, g = c.person(), c.person()
    return ("pdfminer.pdfparser.PDFSyntaxError: No /Root object! - Is this really a PDF?\nfallback text extraction (first 400 chars):\n"
            "REFERRAL FOR BEHAVIORAL HEALTH SERVICES   Student: %s   Grade: %d   DOB: %s   Parent/Guardian: %s   Guardian cell: %s   "
            "Reason: declining attendance, panic symptoms during tests. School: %s" % (
                c.nm(p, c.ch(["full", "lf", "UP"])), c.ri(6, 12), c.dob_s(c.ch(["mdY", "mdY_nz", "mdy"]), young=True), c.nm(g), c.phone(g), c.ch(SCHOOLS))).replace(
        "PDFSyntaxError", c.k("exception", "PDFSyntaxError"))


@T("ocr")
def fax_delivery_failed(c):
    p, dr = c.person(), c.person()
    return ("Outbound fax %s to %s FAILED: %s after %d attempts\nCover page: To Dr. %s | Re: records request for %s (MRN %s) | %d pages\n"
            "Provider: %s" % (
                c.k("job_id", "FX-%s" % c.alnum(8)), c.fax(), c.k("status", c.ch(["NO ANSWER", "BUSY", "FAX TONE NOT DETECTED"])), c.ri(2, 5),
                c.nm(dr, c.ch(["f", "full"])), c.nm(p), c.mrn(), c.ri(2, 40), c.ch(["eFax Corporate", "SRFax", "Sfax"])))


@T("ocr")
def insurance_card_ocr(c):
    p = c.person()
    return ("card-reader: front/back merged but member ID checksum unknown for payer; text:\n--- FRONT ---\n%s\nMember: %s\nID %s   Group %s\n"
            "RxBIN %s  RxPCN %s  RxGrp %s\nPCP copay $%d  Specialist $%d  BH $%d\n--- BACK ---\nMembers call %s" % (
                c.k("payer", c.payer()), c.nm(p, c.ch(["UP", "full"])), c.member(), c.group(),
                c.k("code", c.ch(["610014", "003858", "004336", "610279"])), c.k("code", c.ch(["MEDDPRIME", "ADV", "9999"])),
                c.ch(["RX1234", "HLBH"]), c.ri(10, 40), c.ri(20, 80), c.ri(0, 40), c.k("phone_tollfree", "1-800-%d-%04d" % (c.ri(200, 999), c.ri(0, 9999)))))


@T("ocr", clean=True)
def ocr_clean_stats(c):
    return ("ocr-pipeline nightly: docs=%d pages=%d avg_conf=%s p95_latency=%s errors=%d (PDFSyntaxError=%d, Timeout=%d)\nmodel=%s build=%s" % (
        c.ri(100, 9000), c.ri(1000, 90000), c.k("score", "0.9%d" % c.ri(1, 8)), c.k("duration", c.dur()), c.ri(1, 40), c.ri(0, 9), c.ri(0, 9),
        c.k("version", "tesseract-5.3.%d" % c.ri(0, 4)), c.k("hash", c.sha(10))))


@T("ocr", clean=True)
def efax_clean_line(c):
    return ("fax line health: port %s status=%s last_ok=%s T.38 retries=%d jitter=%s ECM=on\nprovider ticket %s: \"Will monitor; %s to close by EOD\"" % (
        c.k("port", "T38-%d" % c.ri(1, 9)), c.k("status", "DEGRADED"), c.ts("iso_z"), c.ri(1, 30), c.k("duration", "%dms" % c.ri(20, 400)),
        c.k("ticket", "INC%07d" % c.ri(1, 9999999)), c.N("Hope")))


# ======================= 14. e-signature / consent webhooks ================
@T("esign")
def docusign_connect(c):
    p, g = c.person(), c.person()
    signers = "[" + ",".join([jo([("name", c.nm(p)), ("email", c.email(p)), ("status", "completed"), ("signedDateTime", c.ts("iso_ms"))]),
                              jo([("name", c.nm(g)), ("email", c.email(g)), ("status", "delivered"), ("roleName", "Guardian")])]) + "]"
    return ("consent-hooks: DocuSign Connect payload failed HMAC verification (%s) — stored for replay\n%s" % (
        c.k("header", "X-DocuSign-Signature-1"),
        jo([("event", "envelope-completed"), ("apiVersion", "v2.1"), ("envelopeId", c.k("uuid", c.uuid())),
            ("emailSubject", "Harborlight consent packet for %s" % c.nm(p, "g")), ("recipients", Raw(jo([("signers", Raw(signers))])))])))


@T("esign")
def consent_hmac_payload(c):
    p = c.person()
    return ("POST /webhooks/consent 401 %s\nX-Hub-Signature-256: sha256=%s\nbody: %s" % (
        c.k("duration", c.dur()), c.k("hash", c.sha(64)),
        jo(c.shuf([("form", "telehealth_consent_v%d" % c.ri(2, 6)), ("signer", c.nm(p)), ("signerPhone", c.phone(p)),
                   ("signedOn", c.appt_s(c.ch(["mdY", "iso"]), -3, 0)), ("ip", c.ip())]))))


@T("esign")
def envelope_voided(c):
    p, clin = c.person(), c.person()
    return ("envelope %s voided by sender %s: \"Signer declined — says DOB on form (%s) is wrong, correct is %s; resend to %s\"" % (
        c.k("uuid", c.uuid()), c.nm(clin, c.ch(["full", "gf"])), c.dob_s(c.ch(["mdY", "Mon d, Y"])), c.dob_s(c.ch(["mdY", "Mon d, Y"])), c.email(p)))


@T("esign")
def hellosign_sms_auth(c):
    p = c.person()
    return ("%s consent-hooks WARN signature_request_id=%s event=signature_request_declined signer=\"%s\" sms_auth_number=%s reason=\"%s\"" % (
        c.ts("iso_z"), c.k("hash", c.sha(40)), c.nm(p), c.phone(p, True),
        c.ch(["wrong person — this is my mom's form", "no longer in treatment", "will sign in office"])))


@T("esign")
def roi_consent_parse(c):
    p, rc = c.person(), c.person()
    return ("ROI form parse error (field 'recipient.fax' failed validation: %s)\nAuthorization to release information of %s, DOB %s, to %s, %s, fax %s, "
            "email %s. Expires %s." % (
                c.k("error", "E_FAX_FORMAT"), c.nm(p), c.dob_s(), c.nm(rc), c.ch(["school counselor", "probation officer", "HR benefits"]),
                c.fax(c.ch(["{a}.{e}.{n}", "({a}) {e}-{n}"])), c.email(rc), c.appt_s(c.ch(["mdY", "Month d, Y"]), 90, 365)))


@T("esign")
def minor_consent_webhook(c):
    kid, par = c.person(), c.person()
    kid.family = par.family if c.coin(0.6) else kid.family
    pairs = [("event", "consent.signed"), ("formType", "minor_treatment_consent"),
             ("patient", Raw(jo(c.shuf([("name", c.nm(kid)), ("dob", c.dob_s("iso", young=True))])))),
             ("guardian", Raw(jo(c.shuf([("name", c.nm(par)), ("relationship", c.ch(["mother", "father", "aunt", "legal guardian"])),
                                         ("phone", c.phone(par)), ("address", c.addr_line())])))),
             ("receivedAt", c.ts("iso_z"))]
    return "consent-hooks: rejected (duplicate submission %s)\n%s" % (c.k("request_id", c.reqid()), jo(pairs, True))


@T("esign", clean=True)
def esign_clean_retry(c):
    return ("DocuSign Connect: %d deliveries failing to https://hooks.harborlight.health/consent (%s); last error %s; will retry with exponential backoff (max %s)" % (
        c.ri(2, 90), c.k("status", "503 Service Unavailable"), c.ts("iso_z"), c.k("duration", "24h")))


@T("esign", clean=True)
def esign_clean_sig(c):
    return ("signature verification failed: expected sha256=%s got sha256=%s; clock skew %ss; key id %s rotated %s" % (
        c.k("hash", c.sha(64)), c.sha(64), c.ri(0, 400), c.k("key_id", "kid-%s" % c.hexs(8)), c.ts("iso_z")))

# ======================= 15. Prior-authorization letters ===================
@T("priorauth")
def pa_request_letter(c):
    p, dr = c.person(), c.person()
    start = c.appt(0, 20)
    end = start + datetime.timedelta(days=c.ri(60, 120))
    f = c.ch(["mdY", "Month d, Y", "iso"])
    return ("RE: Prior Authorization Request — Outpatient Psychotherapy\nMember: %s\nMember ID: %s   Group #: %s\nDOB: %s\n"
            "Requested: CPT %s x %d units, %s through %s\nDiagnosis: %s, %s\nRendering provider: %s, %s  NPI %s\n"
            "[letters-svc] PDF render failed: font subset missing glyph U+%04X" % (
                c.nm(p, c.ch(["full", "LF", "lf"])), c.member(), c.group(), c.dob_s(), c.k("cpt", "90837"), c.ri(8, 24),
                c.D(start, f), c.D(end, f), c.k("icd", c.icd()), c.k("icd", c.icd()), c.nm(dr), c.ch(["PsyD", "LCSW", "LPC", "PMHNP-BC"]),
                c.npi(), c.ri(0x100, 0x2FFF)))


@T("priorauth")
def pa_denial_extract(c):
    p = c.person()
    return ("payer-letters: extracted text from denial letter (%s), no matching auth in system:\n\"Dear %s: We reviewed the request for intensive outpatient "
            "services (%s) received on %s for member ID %s. The request was DENIED because medical necessity criteria were not met. "
            "You may appeal within 60 days. Reference #%s.\"" % (
                c.k("payer", c.payer()), c.nm(p, c.ch(["full", "gf", "mid"])), c.k("cpt", c.ch(["H0015", "S9480", "90853"])),
                c.appt_s(c.ch(["Month d, Y", "mdY"]), -30, 0), c.member(), c.oid("auth")))


@T("priorauth")
def pa_278_response(c):
    p = c.person()
    return ("X12 278 response error: AAA segment %s (Patient Birth Date Does Not Match That for the Patient on the Database)\n"
            "HL*3*2*22*1~NM1*IL*1*%s****MI*%s~DMG*D8*%s~\nHL*4*3*SS*0~UM*HS*I*1~DTP*472*RD8*%s-%s~\ncorrelation=%s" % (
                c.k("code", "AAA*N**71*C"), c.nm(p, "x12"), c.member(), c.dob_s("compact"), c.D(c.appt(0, 10), "compact"), c.D(c.appt(60, 120), "compact"),
                c.k("request_id", c.reqid())))


@T("priorauth")
def pa_portal_api(c):
    p, dr = c.person(), c.person()
    body = jo([("status", 422), ("title", "Unprocessable Entity"), ("errors", Raw(jo([("member.dateOfBirth", ["does not match eligibility"]),
                                                                                      ("provider.npi", ["not in network"])]))),
               ("submitted", Raw(jo(c.shuf([("memberName", c.nm(p)), ("memberId", c.member()), ("dateOfBirth", c.dob_s("iso")),
                                            ("providerNpi", c.npi()), ("providerName", c.nm(dr)), ("serviceStart", c.appt_s("iso"))]))))], True)
    return "priorauth-sync: %s rejected submission\n%s" % (c.k("payer", c.payer()), body)


@T("priorauth")
def pa_peer_to_peer(c):
    p, dr, md = c.person(), c.person(), c.person()
    return ("Peer-to-peer review scheduled\nPatient: %s (%s)\nTreating clinician: Dr. %s — call back %s\nPayer medical director: Dr. %s\n"
            "Window: %s between 2 and 4 pm ET\n[calendar-sync] failed to create event: %s" % (
                c.nm(p), c.member(), c.nm(dr), c.phone(dr), c.nm(md, c.ch(["full", "ini"])), c.appt_s(c.ch(["dow", "Month d", "mdY"]), 1, 7),
                c.k("error", "invalid_grant")))


@T("priorauth")
def pa_fax_back(c):
    p, dr = c.person(), c.person()
    return ("FAX-BACK FORM (auto-OCR)\nTo: UM Dept  Fax: %s\nFrom: %s, %s   Lic: %s   DEA: %s\nMember: %s   ID: %s   DOB: %s\n"
            "Current meds: %s; prior trials: %s\nocr warnings: %s" % (
                c.fax(), c.nm(dr), c.ch(["MD", "DO", "PMHNP"]), c.slic(), c.dea(dr), c.nm(p, c.ch(["UP", "full", "LF"])), c.member(), c.dob_s(),
                c.ch(MED), c.ch(MED), c.k("warning", "low_contrast")))


@T("priorauth", clean=True)
def pa_clean_outage(c):
    return ("priorauth-sync: %s API outage — %d submissions queued, oldest %s ago; status page says \"Will resume shortly\". Affected CPT: %s, %s, %s" % (
        c.k("payer", c.payer()), c.ri(2, 300), c.k("duration", c.dur()), c.k("cpt", "90837"), c.k("cpt", "90853"), c.k("cpt", "H0031")))


@T("priorauth", clean=True)
def pa_clean_bulletin(c):
    return ("Payer bulletin ingest: %s policy %s effective %s: prior auth no longer required for %s and %s when billed with %s; "
            "applies to plans in %s. Parsed %d rules." % (
                c.k("payer", c.payer()), c.k("policy", "BH-%03d" % c.ri(1, 300)), c.N("Q%d %d" % (c.ri(1, 4), c.now.year)), c.k("cpt", "90834"),
                c.k("cpt", "90837"), c.k("icd", c.icd()), c.ch(["KS and MO", "MN", "IA, NE"]), c.ri(2, 40)))


# ======================= 16. Crisis-line call logs =========================
@T("crisis")
def crisis_call_log(c):
    p, m = c.person(), c.person()
    return ("CALL LOG %s  line=%s  dur=%s\nANI: %s  Caller: 3rd party — %s (says she is %s's %s)\nRisk: %s; plan disclosed; access to means: yes\n"
            "Location given: %s\nDisposition: mobile crisis dispatched; warm handoff to %s\n[crisisline-router] CAD push failed: %s" % (
                c.ts("hm"), c.k("line", "988-KS-%d" % c.ri(1, 4)), c.k("duration", c.dur()), c.phone(m), c.nm(m), c.nm(p, "g"),
                c.ch(["mother", "aunt", "roommate", "partner"]), c.k("risk", "HIGH"), c.addr_line(), c.ch(HOSPITALS), c.k("status", "504")))


@T("crisis")
def crisis_mobile_dispatch(c):
    p = c.person()
    color = c.ch(["silver", "maroon", "white", "green"])
    return ("MOBILE CRISIS DISPATCH #%s\nClient: %s, approx %s\nAddress: %s (gate code %d)\nVehicle on scene: %s %d %s, plate %s\n"
            "Callback: %s\nNotes: client sitting in car in driveway, not answering." % (
                c.k("ticket", "MC-%06d" % c.ri(1, 999999)), c.nm(p), c.ch(["30s", "late 20s", "50s"]), c.addr_line(), c.ri(1000, 9999),
                color, c.ri(2004, 2021), c.ch(["Corolla", "F-150", "Civic", "Outback", "Sentra"]), c.plate(), c.phone(p)))


@T("crisis")
def crisis_welfare_check(c):
    p, cl = c.person(), c.person()
    veh = ("\nvehicle: %s, plate %s" % (c.ch(["tan minivan", "red pickup", "black sedan"]), c.plate())) if c.coin(0.6) else ""
    who = ("DOB " + c.dob_s()) if c.coin(0.6) else ("age " + c.age90(c.ch(["num", "words"])))
    return ("welfare check request sent to %s PD\nsubject: %s  %s\nlast known: %s%s\nphone %s (goes to VM) — reporting counselor %s, ext %d\n"
            "router error: %s" % (
                c.city(c.place()[0]), c.nm(p), who, c.addr_line(), veh, c.phone(p), c.nm(cl, c.ch(["full", "ini"])), c.ri(100, 999),
                c.k("error", "PSAP_UNAVAILABLE")))


@T("crisis")
def crisis_follow_up(c):
    p = c.person()
    return ("follow-up task overdue: call %s at %s re: 988 contact on %s; safety plan reviewed? N\nassigned=%s sla=%s task=%s" % (
        c.nm(p, c.ch(["g", "full"])), c.phone(p, c.coin(0.3)), c.appt_s(c.ch(["m/d", "Mon d", "mdY"]), -3, -1), c.k("team", "crisis-followup"),
        c.k("duration", "24h"), c.k("task_id", c.dbid())))


@T("crisis")
def crisis_elder_caller(c):
    d = c.person()
    a = c.ri(90, 103)
    return ("Caller is a %s %s living alone at %s, recently widowed; daughter %s (%s) lives out of state.\n"
            "Counselor note: caller states \"I'm %s years old, nobody needs me\". Warm transfer to geri-psych line failed (%s)." % (
                c.age90(c.ch(["num_y", "num_y", "y"]), a), c.ch(["man", "woman"]), c.addr_line(), c.nm(d), c.phone(d),
                c.age90(c.ch(["words", "num"]), a), c.k("status", "SIP 486 Busy Here")))


@T("crisis")
def crisis_text_line(c):
    p = c.person()
    return ("[text-line] conv %s flagged for supervisor: texter disclosed name \"%s\", school %s, and Instagram handle @%s; "
            "keyword hits: %s; ip %s" % (
                c.k("uuid", c.uuid()), c.nm(p, c.ch(["gf", "g"])), c.ch(SCHOOLS), c.P("OTHER_ID", fold(p.given).lower().replace(" ", "") + "." + c.dig(3), "handle"),
                c.k("keywords", "pills,goodbye"), c.ip()))


@T("crisis", clean=True)
def crisis_clean_stats(c):
    ans, ab = c.ri(20, 280), c.ri(0, 20)
    return ("crisisline-router hourly: offered=%d answered=%d abandoned=%d ASA=%s longest_wait=%s rollover_to_backup=%d\n"
            "note: %s queue (%s) staffed by %d counselors" % (
                ans + ab, ans, ab, c.k("duration", c.dur()), c.k("duration", c.dur()), c.ri(0, 9), c.N("Hope Line"), c.k("queue", "q-hope-01"), c.ri(2, 30)))


@T("crisis", clean=True)
def crisis_clean_sip(c):
    return ("SIP trunk alert: %s INVITE failures %d%% over 5m (threshold 2%%); carrier %s; media server %s:%s; last 486 at %s" % (
        c.k("trunk", "trunk-%d" % c.ri(1, 4)), c.ri(3, 40), c.ch(["Bandwidth", "Lumen"]), c.k("infra_ip", c.infra_ip()), c.k("port", "5060"), c.ts("iso_z")))


# ======================= 17. Group-therapy attendance ======================
@T("group")
def group_roster_csv(c):
    rows = ["name,dob,attended,cpt"]
    for _ in range(c.ri(3, 5)):
        p = c.person()
        rows.append("%s,%s,%s,%s" % (c.nm(p, c.ch(["gf", "full"])), c.dob_s(c.ch(["mdY", "iso"])), c.ch(["Y", "N", "late"]), "90853"))
    return ("attendance import failed for group %s (%s): row %d has %d columns\n%s" % (
        c.k("group", "DBT-Skills-Tue-6pm"), c.appt_s(c.ch(["iso", "mdY"]), -7, 0), c.ri(2, 5), c.ri(3, 5), "\n".join(rows)))


@T("group")
def group_signin_ocr(c):
    ppl = [c.person() for _ in range(c.ri(3, 4))]
    lines = ["  %d. %s  %s" % (i + 1, c.nm(p, c.ch(["full", "UP", "ini"])), c.ch(["✓", "x", "✓ (left early)"])) for i, p in enumerate(ppl)]
    return ("sign-in sheet OCR — %s — facilitator %s\n%s\nunmatched: %s (no chart found)" % (
        c.appt_s(c.ch(["Month d", "mdY", "dow"]), -7, 0), c.nm(c.person(), c.ch(["full", "ini"])), "\n".join(lines), c.nm(ppl[-1], "g")))


@T("group")
def group_claims_batch(c):
    out = []
    for _ in range(c.ri(2, 4)):
        p = c.person()
        out.append("  %s  %s  %s  %s" % (c.member(), c.nm(p, "LF"), c.k("cpt", "90853"), c.k("status", c.ch(["REJECTED", "PENDED"]))))
    return ("billing-core: group claim batch for %s had %d errors (DOS %s)\n%s" % (
        c.k("group", "Grief Support Circle"), len(out), c.appt_s(c.ch(["mdY", "iso"]), -14, -1), "\n".join(out)))


@T("group")
def group_zoom_report(c):
    lines = ["Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)"]
    for _ in range(c.ri(2, 4)):
        p = c.person()
        lines.append("%s,%s,%s,%s,%d" % (c.nm(p, "gf"), c.email(p), c.ts("hm"), c.ts("hm"), c.ri(5, 90)))
    return ("telehealth-bridge: participant report attach failed (%s) meeting %s\n%s\nclient ip of host: %s" % (
        c.k("error", "413 Payload Too Large"), c.k("meeting_id", "%d %04d %04d" % (c.ri(800, 999), c.ri(0, 9999), c.ri(0, 9999))), "\n".join(lines), c.ip()))


@T("group")
def group_waitlist(c):
    p = c.person()
    return ("Waitlist notice queued: \"Hi %s, a spot opened in the Teen Anxiety group starting %s. Reply YES by %s to claim it.\" to %s / %s — "
            "queue=%s error=%s" % (
                c.nm(p, "g"), c.appt_s(c.ch(["Month d", "dow", "Month dth"]), 3, 20), c.appt_s(c.ch(["Month d", "m/d"]), 1, 3), c.phone(p), c.email(p),
                c.k("queue", "notify"), c.k("error", "template_var_missing")))


@T("group")
def group_facilitator_note(c):
    a, b, f = c.person(), c.person(), c.person()
    return ("Group note draft autosave failed (409 conflict)\nFacilitator: %s, %s\nThemes: %s shared about job loss; %s discussed "
            "the anniversary of her son's death on %s. Next session %s." % (
                c.nm(f), c.ch(["LCSW", "LMFT", "PsyD"]), c.nm(a, c.ch(["g", "gf"])), c.nm(b, c.ch(["g", "gf"])),
                c.appt_s(c.ch(["Month d", "Month dth"]), -200, -10), c.appt_s(c.ch(["dow", "m/d"]), 5, 8)))


@T("group", clean=True)
def group_clean_capacity(c):
    return ("group capacity report: %s (%d/%d), Grace Notes music therapy (%d/%d), Will Power SUD group (%d/%d), Joy Lab (%d/%d)\n"
            "CPT %s billed %d times; waitlist avg %s" % (
                c.N("Hope & Healing"), c.ri(3, 12), 12, c.ri(3, 10), 10, c.ri(3, 14), 14, c.ri(2, 8), 8, c.k("cpt", "90853"), c.ri(10, 300), c.k("duration", "%d days" % c.ri(2, 40))))


@T("group", clean=True)
def group_clean_schedule(c):
    return ("schedule sync: group %s moved from Tue 18:00 to Wed 17:30 (room %s); %d attendees notified; frank feedback survey link %s" % (
        c.k("group", "DBT-Skills-%s" % c.ch(["A", "B", "C"])), c.k("room", "B%d" % c.ri(100, 300)), c.ri(3, 14), c.k("version", "v" + c.ver())))


# ======================= 18. School / court / employer letter requests ====
@T("letters")
def letter_school_504(c):
    p, cn, par = c.person(), c.person(), c.person()
    return ("LETTER REQUEST #%s (type: school accommodation / 504)\nStudent: %s  DOB %s  Student ID: %s\nSchool: %s, attn %s (counselor), fax %s\n"
            "Requested by parent %s, %s\nletters-svc: render failed: %s" % (
                c.k("ticket", str(c.ri(10000, 99999))), c.nm(p), c.dob_s(young=True), c.oid("student"), c.ch(SCHOOLS), c.nm(cn), c.fax(), c.nm(par),
                c.phone(par), c.k("error", "MissingSignatureBlock")))


@T("letters")
def letter_court_monitor(c):
    p, po = c.person(), c.person()
    return ("Court letter request — %s District Court, case no. %s\nDefendant/client: %s (DOB %s)\nProbation officer: %s, %s\n"
            "Client wears ankle monitor SN %s; requests letter confirming weekly attendance since %s.\n[letters-svc] approval pending > %s" % (
                c.ch(["Ottawa County", "Sedgwick County", "4th Judicial"]), c.oid("case"), c.nm(p), c.dob_s(), c.nm(po), c.email(po), c.serial(),
                c.appt_s(c.ch(["Month d, Y", "mdY"]), -200, -30), c.k("duration", "72h")))


@T("letters")
def letter_fmla(c):
    p, hr = c.person(), c.person()
    s = c.appt(-10, 10)
    e = s + datetime.timedelta(days=c.ri(14, 60))
    f = c.ch(["mdY", "Month d, Y"])
    return ("FMLA certification request\nEmployee: %s   Employee ID: %s   Employer: %s\nHR contact: %s  fax %s  phone %s\nLeave requested %s – %s (intermittent)\n"
            "form WH-380-E missing section III; status=%s" % (
                c.nm(p), c.oid("emp"), c.ch(EMPLOYERS), c.nm(hr), c.fax(), c.phone(hr), c.D(s, f), c.D(e, f), c.k("status", "NEEDS_CLINICIAN")))


@T("letters")
def letter_esa_landlord(c):
    p, ll = c.person(), c.person()
    return ("ESA letter request: tenant %s, %s; landlord %s (%s). Pet: %s. Request received %s via portal; clinician must confirm treatment since %s.\n"
            "validation: %s" % (
                c.nm(p), c.addr_line(), c.nm(ll), c.email(ll), c.ch(["cat", "dog", "rabbit"]), c.appt_s("mdY", -5, 0),
                c.appt_s(c.ch(["Month d, Y", "mdY"]), -500, -90), c.k("error", "clinician_not_assigned")))


@T("letters")
def letter_ssa_records(c):
    p = c.person()
    return ("SSA/DDS medical records request (form SSA-827 attached)\nClaimant: %s   SSN: %s   DOB: %s\nDate range: %s to present\n"
            "Send to: DDS, fax %s\nroi-queue: OCR could not find signature date; %s" % (
                c.nm(p, c.ch(["full", "LF"])), c.ssn(), c.dob_s(), c.appt_s(c.ch(["mdY", "Month d, Y"]), -900, -300), c.fax(),
                c.k("status", "HOLD")))


@T("letters")
def letter_dmv_eval(c):
    p = c.person()
    return ("DMV medical evaluation request — driver %s, DL# %s, DOB %s, address %s. Vehicle on record %s (plate %s). Due by %s.\n"
            "letters-svc: %s" % (
                c.nm(p), c.dl(), c.dob_s(), c.addr_line(), c.vin(), c.plate(), c.appt_s(c.ch(["mdY", "Month d"]), 5, 30),
                c.k("error", "TemplateNotFound: dmv_med_eval_v2")))


@T("letters", clean=True)
def letter_clean_render(c):
    return ("letters-svc: render queue stalled — %d jobs pending (school=%d, court=%d, employer=%d); worker %s OOMKilled; template version %s; "
            "Will auto-scale at %s" % (
                c.ri(5, 200), c.ri(1, 50), c.ri(0, 20), c.ri(0, 30), c.k("pod", c.pod("letters-svc")), c.k("version", c.ver()), c.ts("iso_z")))


@T("letters", clean=True)
def letter_clean_template_lint(c):
    return ("template lint: court_attendance_v3.docx uses merge fields {{client.full_name}}, {{client.dob}}, {{case.number}}, {{officer.fax}}; "
            "unknown field {{court.judge_title}} at paragraph %d; build %s" % (c.ri(2, 30), c.k("hash", c.sha(8))))


# ======================= 19. Patient-portal chat ===========================
@T("portal")
def portal_chat_moved(c):
    p = c.person()
    return ("[portal-chat] %s  %s: hi this is %s, i moved!! new address is %s. also new # %s. can u update before my appt %s?\n"
            "[portal-chat] auto-reply suppressed: %s" % (
                c.ts("hm"), c.k("room", "room-%s" % c.hexs(6)), c.nm(p, c.ch(["g", "gf", "lower"])), c.addr_line(" "), c.phone(p),
                c.appt_s(c.ch(["m/d", "Month dth", "dow_short", "spoken"]), 1, 14), c.k("error", "after_hours_policy")))


@T("portal")
def portal_moderation(c):
    p, x = c.person(), c.person()
    return ("moderation flag (self-harm lexicon) on message %s from %s:\n\"i cant do this anymore. %s says i should call someone. "
            "im at my cousins place %s\"\nescalated to on-call; patient DOB %s; fax crisis plan to %s" % (
                c.k("db_id", c.dbid()), c.username(p), c.nm(x, "g"), c.street(), c.dob_s(), c.fax()))


@T("portal")
def portal_login_fail(c):
    p = c.person()
    return ("%s portal-web WARN auth: %d failed logins for username=%s from %s (device %s, imei %s); account locked until %s" % (
        c.ts("iso_z"), c.ri(5, 20), c.username(p), c.ip(), c.ch(["Pixel 7", "Galaxy A14", "moto g"]), c.imei(), c.ts("iso_z", 900)))


@T("portal")
def portal_reset_bounce(c):
    p = c.person()
    em = c.email(p)
    return ("Delivery Status Notification (Failure)\nOriginal-Recipient: rfc822;%s\nAction: failed\nStatus: %s\nDiagnostic-Code: smtp; 550 5.1.1 <%s>: Recipient address rejected\n"
            "Subject: Reset your Harborlight password, %s" % (em, c.k("status", "5.1.1"), em, c.nm(p, "g")))


@T("portal")
def portal_lost_phone(c):
    p = c.person()
    return ("chat transcript (support):\nPatient (%s): lost my phone, can you remove it from my account? it was an iphone, serial %s\n"
            "Agent: done — removed device IMEI %s. Please confirm your date of birth.\nPatient: %s\nAgent: thanks %s!" % (
                c.nm(p), c.serial(), c.imei(), c.dob_s(c.ch(["mdY", "spoken_y", "Month d, Y", "mdy"])), c.nm(p, "g")))


@T("portal")
def portal_proxy_request(c):
    kid, par = c.person(), c.person()
    return ("proxy access request #%s\nRequester: %s <%s>, %s\nFor: %s (age %d, DOB %s)\nRelationship: %s\nDocs: birth certificate upload failed (%s)" % (
        c.k("ticket", str(c.ri(1000, 99999))), c.nm(par), c.email(par), c.phone(par), c.nm(kid), c.ri(12, 17), c.dob_s("mdY", young=True),
        c.ch(["mother", "father", "stepmother", "grandmother (legal guardian)"]), c.k("error", "UnsupportedMediaType")))


@T("portal", clean=True)
def portal_clean_canned(c):
    return ("chat-bot canned replies deployed (%s): \"%s you're doing well!\", \"Will a clinician call you back? Yes, within 1 business day.\", "
            "\"Mark as read\"; A/B bucket %s; p95 %s" % (c.k("version", c.ver()), c.N("Hope"), c.k("bucket", "v%d" % c.ri(1, 4)), c.k("duration", c.dur())))


@T("portal", clean=True)
def portal_clean_uptime(c):
    return ("portal-web uptime 30d %s%%; incidents %d; p99 %s; errors 5xx %d (%s); CDN %s; TLS cert expires in %d days" % (
        c.k("percent", "99.%d" % c.ri(80, 99)), c.ri(0, 5), c.k("duration", c.dur()), c.ri(0, 900), c.k("status", "502"), c.ch(["Fastly", "CloudFront"]), c.ri(5, 80)))

# ======================= 20. Clinician on-call pages =======================
@T("oncall")
def oncall_pagerduty(c):
    p, dr = c.person(), c.person()
    who = ("DOB " + c.dob_s(c.ch(["mdY", "mdy", "mdY_nz"]))) if c.coin(0.5) else c.age90(c.ch(["yo", "num_y", "y"]))
    rx = (" Rx %s," % c.oid("rx")) if c.coin(0.5) else ""
    return ("[PagerDuty] TRIGGERED #%d: Urgent callback — pt %s (%s) cb# %s re: %s refill,%s prescriber Dr. %s DEA %s\n"
            "Service: %s  Urgency: high  Assigned: %s" % (
                c.ri(10000, 999999), c.nm(p, c.ch(["full", "ini", "lf"])), who, c.phone(p), c.ch(MED), rx,
                c.nm(dr, c.ch(["f", "full"])), c.dea(dr), c.k("service", "after-hours-clinical"), c.nm(c.person(), c.ch(["full", "gf"]))))


@T("oncall")
def oncall_answering_service(c):
    p, dr = c.person(), c.person()
    return ("MSG FOR DR %s FR: %s PH %s %s RE: %s SAYS %s. CALLED AT %s. OP %s" % (
        c.nm(dr, "f"), c.nm(p, "UP"), c.phone(p, False, c.ch(["{a}-{e}-{n}", "{a}{e}{n}", "({a}){e}-{n}"])),
        c.ch(["CELL", "HOME", "WORK"]), c.ch(["NEW PT", "EST PT", "MOTHER OF PT"]), c.ch(["MED SIDE EFFECTS, RASH", "OUT OF MEDS", "PANIC ATTACK, WANTS CALL"]),
        c.ts("hm"), c.k("operator", "OP%d" % c.ri(10, 99))))


@T("oncall")
def oncall_opsgenie(c):
    p, dr = c.person(), c.person()
    return jo([("message", "Safety-plan escalation: %s" % c.nm(p, c.ch(["full", "gf"]))), ("alias", c.k("hash", c.sha(16))),
               ("priority", c.k("priority", "P1")), ("responders", [{"type": "schedule", "name": "psych-oncall"}]),
               ("details", Raw(jo(c.shuf([("mrn", c.mrn()), ("callback", c.phone(p)), ("location", c.addr_line()),
                                          ("covering", c.nm(dr)), ("lastSeen", c.appt_s("iso", -14, -1))]))))], True)


@T("oncall")
def oncall_pharmacy(c):
    p, ph = c.person(), c.person()
    return ("after-hours page: %s pharmacist %s calling about Rx #%s for %s (%s) — %s; insurer needs PA. Pharmacy line %s, fax %s. Ack within %s." % (
        c.ch(PHARMACIES), c.nm(ph, c.ch(["gf", "full"])), c.oid("rx"), c.nm(p), c.dob_s(c.ch(["mdY", "mdy"])), c.ch(MED), c.phone(ph, False),
        c.fax(), c.k("duration", "15m")))


@T("oncall")
def oncall_er_notice(c):
    p, dr = c.person(), c.person()
    return ("ADT ALERT → on-call: %s, %s, admitted to %s ED on %s for altered mental status. Established pt of Dr. %s. "
            "MRN %s. ED callback %s.\nrouting rule %s matched" % (
                c.nm(p), c.age90(c.ch(["yo", "num_y", "y"])), c.ch(HOSPITALS), c.appt_s(c.ch(["mdY", "Month d", "iso"]), -1, 0), c.nm(dr, c.ch(["f", "full"])),
                c.mrn(), c.phone(None, False), c.k("rule", "adt-geri-psych")))


@T("oncall")
def oncall_escalation(c):
    a, b, p = c.person(), c.person(), c.person()
    return ("Escalation policy %s: level 1 %s (%s) did not ack in 10m; escalating to level 2 %s (%s)\nincident: %s missed lithium level draw %s, "
            "pharmacy called %s" % (
                c.k("policy", "PDX%s" % c.alnum(5)), c.nm(a), c.phone(a), c.nm(b), c.phone(b), c.nm(p), c.appt_s(c.ch(["m/d", "Mon d", "dow"]), -3, 0),
                c.phone(None, False)))


@T("oncall", clean=True)
def oncall_clean_heartbeat(c):
    return ("[Opsgenie] Heartbeat %s expired: no ping for %s (interval %s). Integration %s; team %s; priority %s" % (
        c.k("heartbeat", "crisisline-router-hb"), c.k("duration", c.dur()), c.k("duration", "5m"), c.k("uuid", c.uuid()), c.k("team", "sre-clinical"), c.k("priority", "P3")))


@T("oncall", clean=True)
def oncall_clean_override(c):
    return ("schedule override created on %s: layer %d, %s to %s, reason \"Will swap Friday; frank convo with manager pending\"; schedule id %s" % (
        c.k("schedule", "psych-oncall"), c.ri(1, 3), c.ts("iso_z"), c.ts("iso_z", 86400), c.k("schedule_id", "P%s" % c.alnum(6))))


# ======================= 21. SMS reminders & replies (many languages) =====
SMS_OUT = {
    "es": ("Hola {g}, le recordamos su cita con {clin} el {d} a las {t}. Responda C para confirmar o R para reprogramar.", "es_ny"),
    "ht": ("Bonjou {g}, sa se yon rapèl pou randevou ou ak {clin} {d} a {t}. Reponn C pou konfime.", "ht_ny"),
    "pt": ("Olá {g}, lembrete da sua consulta com {clin} em {d} às {t}. Responda SIM para confirmar.", "pt_ny"),
    "vi": ("Chào {g}, nhắc lịch hẹn của bạn với {clin} vào ngày {d} lúc {t}. Trả lời C để xác nhận.", "vi_ny"),
    "ko": ("{g} 님, {d} {t} {clin} 선생님 상담 예약을 알려드립니다. 확인하시려면 C를 회신해 주세요.", "ko_ny"),
    "so": ("Salaan {g}, waxaan ku xasuusinaynaa ballantaada {clin} {d} saacadda {t}. Ku jawaab C si aad u xaqiijiso.", "so_ny"),
    "am": ("ሰላም {g}፣ ከ {clin} ጋር ያለዎት ቀጠሮ {d} በ {t} ነው። ለማረጋገጥ C ብለው ይመልሱ።", "dmY"),
    "ru": ("Здравствуйте, {g}! Напоминаем о приёме у {clin} {d} в {t}. Ответьте C для подтверждения.", "ru_ny"),
    "pl": ("Dzień dobry {g}, przypominamy o wizycie u {clin} {d} o godz. {t}. Odpowiedz T, aby potwierdzić.", "pl_ny"),
    "hi": ("Namaste {g} ji, aapka appointment {clin} ke saath {d} ko {t} baje hai. Confirm karne ke liye C bhejein.", "hi_ny"),
    "en": ("Hi {g}, reminder: {clin} on {d} at {t}. Reply C to confirm, R to reschedule.", None),
}
SMS_IN = {
    "es": ["si confirmo pero cambie mi numero a {ph}", "no puedo el {d}, me pueden llamar al {ph}?", "Confirmo. Soy {n}, la mamá de {g2}"],
    "ht": ["Wi mwen konfime. Se {n} ki ekri, manman {g2}.", "Mwen pa ka vini {d}, rele m nan {ph} tanpri"],
    "pt": ["não posso dia {d}, pode ser outro dia? meu novo número é {ph}", "SIM. Aqui é {n}"],
    "vi": ["Tôi không đến được ngày {d}, xin đổi lịch. {n}", "Xác nhận. Số mới của tôi là {ph}"],
    "ko": ["네 확인했습니다. 새 번호는 {ph} 입니다", "{d} 일정은 어렵습니다. {n}"],
    "so": ["Haa waan imaan doonaa. {n}", "Ma imaan karo {d}, fadlan i soo wac {ph}"],
    "am": ["አዎ አረጋግጣለሁ። {n}", "{d} መምጣት አልችልም፣ እባክዎ በ {ph} ይደውሉ"],
    "ru": ["Не смогу {d}, перенесите пожалуйста. {n}", "Подтверждаю. Мой новый номер {ph}"],
    "pl": ["Nie mogę {d}, proszę o inny termin. {n}", "Potwierdzam, nowy numer {ph}"],
    "hi": ["haan confirm, lekin mera naya number {ph} hai", "{d} ko nahi aa paungi, {n}"],
    "en": ["this is not {g}, wrong number. this is his sister {n}", "cant make it {d}, call me at {ph}"],
}
LANG_CC = {"es": "52", "ht": "509", "pt": "55", "vi": "84", "ko": "82", "so": "252", "am": "251", "ru": "7", "pl": "48", "hi": "91", "en": "1"}
LANG_CUL = {"es": "quechua", "ht": "haitian", "pt": "brazilian", "vi": "vietnamese", "ko": "korean", "so": "somali", "am": "amharic",
            "ru": "russian", "pl": "polish", "hi": "marathi", "en": None}


def _lang(c, offset, skip_en=False):
    langs = [l for l in sorted(SMS_OUT) if not (skip_en and l == "en")]
    return langs[(c.i // 25 + offset) % len(langs)]


def _sms_out(c, lang, p=None, clin=None, d=None):
    p = p or c.person(LANG_CUL[lang])
    clin = clin or c.person()
    tmpl, df = SMS_OUT[lang]
    d = d or c.appt(1, 10)
    ds = c.D(d, df or c.ch(["Month d", "m/d", "dow"]))
    t = c.N(c.ch(["9:00", "10:30", "14:00", "15:30", "3:30 pm", "11:15"]))
    if lang == "ko":
        t = c.N(c.ch(["오후 2시", "오전 10시", "오후 4시 30분"]))
    clin_s = c.nm(clin, c.ch(["f", "full"])) if lang != "ko" else c.nm(clin, "f")
    return p, tmpl.format(g=c.nm(p, "g"), clin=clin_s, d=ds, t=t)


def _sms_in(c, lang, p=None):
    p = p or c.person(LANG_CUL[lang])
    tmpl = c.ch(SMS_IN[lang])
    kw = {}
    if "{ph}" in tmpl:
        kw["ph"] = c.phone(p, c.coin(0.4))
    if "{d}" in tmpl:
        df = SMS_OUT[lang][1] or "m/d"
        kw["d"] = c.D(c.appt(1, 10), df)
    if "{n}" in tmpl:
        kw["n"] = c.nm(c.person(LANG_CUL[lang]), c.ch(["gf", "g"]))
    if "{g2}" in tmpl:
        kw["g2"] = c.nm(c.person(LANG_CUL[lang]), "g")
    if "{g}" in tmpl:
        kw["g"] = c.nm(p, "g")
    return tmpl.format(**kw)


@T("sms")
def sms_outbound_status(c):
    lang = _lang(c, 0)
    p, body = _sms_out(c, lang)
    return ("twilio status callback: MessageSid=%s MessageStatus=%s ErrorCode=%s To=%s Locale=%s\nBody: %s" % (
        c.k("sid", "SM" + c.hexs(32)), c.k("status", c.ch(["undelivered", "failed"])), c.k("error_code", c.ch(["30003", "30005", "30006", "30007"])),
        c.phone(p, c.coin(0.5)), lang, body))


@T("sms")
def sms_inbound_reply(c):
    lang = _lang(c, 3)
    p = c.person(LANG_CUL[lang])
    frm = c.phone(p, c.coin(0.5))
    body = _sms_in(c, lang, p)
    return ("%s reminderd inbound sms from=%s lang_detect=%s intent=%s confidence=0.%d — no matching appointment, routed to front desk\n> %s" % (
        c.ts("iso_ms"), frm, lang, c.ch(["reschedule", "confirm", "unknown"]), c.ri(30, 99), body))


@T("sms")
def sms_thread_export(c):
    lang = _lang(c, 5, True)
    p, out = _sms_out(c, lang)
    ph = c.phone(p, c.coin(0.5))
    rep = _sms_in(c, lang, p)
    t = c.times(3, "space", 5400)
    return ("conversation export (%s) for %s\n[%s] OUT: %s\n[%s] IN : %s\n[%s] SYSTEM: translation unavailable (%s)" % (
        c.k("thread_id", "CH" + c.hexs(32)), ph, t[0], out, t[1], rep, t[2], c.k("error", "LANG_UNSUPPORTED")))


@T("sms")
def sms_optout_audit(c):
    lang = _lang(c, 7)
    p = c.person(LANG_CUL[lang])
    kw = {"es": "BAJA", "ht": "KANPE", "pt": "PARAR", "vi": "DỪNG", "ko": "중지", "so": "JOOJI", "am": "አቁም", "ru": "СТОП", "pl": "STOP", "hi": "BAND KARO", "en": "STOP"}[lang]
    return ("opt-out audit: %s sent \"%s\" (%s) on %s; patient %s; consent record %s updated; carrier %s" % (
        c.phone(p, c.coin(0.5)), kw, lang, c.ts("iso_z"), c.nm(p), c.k("uuid", c.uuid()), c.ch(["T-Mobile", "Verizon", "AT&T", "Digicel", "Hormuud"])))


@T("sms")
def sms_wrong_number(c):
    p = c.person()
    x = c.person()
    return ("inbound to short code %s from %s: \"this is not %s, wrong number. pls stop texting about her appt on %s. - %s\"\nreminderd: marked phone unverified for patient %s" % (
        c.k("short_code", str(c.ri(20000, 99999))), c.phone(x), c.nm(p, "g"), c.appt_s(c.ch(["m/d", "Month d", "Mon d"]), 1, 10), c.nm(x, "g"),
        c.nm(p, c.ch(["full", "lf"]))))


@T("sms")
def sms_2fa(c):
    p = c.person()
    return ("auth-svc: verify code SMS to %s for %s failed twice (%s); fallback voice call queued; user %s" % (
        c.phone(p, c.coin(0.4)), c.nm(p, c.ch(["gf", "full"])), c.k("error_code", "60200"), c.username(p)))


@T("sms")
def sms_translation_qc(c):
    langs = [l for l in sorted(SMS_OUT) if l != "en"]
    k = (c.i // 25) % len(langs)
    picks = [langs[(k + j * 3) % len(langs)] for j in range(3)]
    p, clin, d = c.person(), c.person(), c.appt(1, 10)
    lines = []
    for lang in picks:
        _p, body = _sms_out(c, lang, p, clin, d)
        lines.append("  [%s] %s" % (lang, body))
    return ("translation QC batch #%d (vendor score %s) — preview for %s\n%s\nverdict: %s" % (
        c.ri(1, 999), c.k("score", "0.%d" % c.ri(60, 99)), c.phone(p, True), "\n".join(lines), c.ch(["pass", "needs review: date format"])))


@T("sms", clean=True)
def sms_clean_campaign(c):
    dl, fl = c.ri(900, 8000), c.ri(1, 90)
    return ("campaign %s (flu-shot + PHQ-9 reminder) sent=%d delivered=%d failed=%d opt_out=%d cost=%s; locales es,ht,vi,so,ko,ru,pl,am,pt; "
            "30007 filtered=%d" % (
                c.k("campaign", "cmp_%s" % c.hexs(8)), dl + fl, dl, fl, c.ri(0, 30), c.k("amount", c.amount()), c.ri(0, 40)))


@T("sms", clean=True)
def sms_clean_template_lint(c):
    return ("template lint appt_reminder.%s: placeholder {{appt.date}} missing; found {{patient.first}}, {{clinic.name}}; text: \"%s\"; version %s" % (
        c.ch(["es", "vi", "so", "ht"]), c.ch(["Hola {{patient.first}}, su cita es pronto.", "Chào {{patient.first}}, lịch hẹn sắp tới.",
                                               "Salaan {{patient.first}}, ballantaadu waa dhowdahay.", "Bonjou {{patient.first}}, randevou ou toupre."]),
        c.k("version", c.ver())))


# ======================= 22. Slack threads pasted into tickets =============
@T("slack")
def slack_jira_chart(c):
    a, b, p = c.person(), c.person(), c.person()
    mrn = c.mrn()
    t1, t2, t3 = c.times(3)
    return ("JIRA %s — \"Chart won't load\"\nPasted from #clinical-support:\n[%s] %s: can someone look at %s's chart? MRN %s, keeps spinning\n"
            "[%s] %s: seeing %s for %s in sentry\n[%s] %s: she has an appt %s so kind of urgent" % (
                c.k("ticket", "SUP-%d" % c.ri(1000, 9999)), t1, c.nm(a), c.nm(p, c.ch(["gf", "full"])), mrn, t2, c.nm(b, "g"),
                c.k("exception", c.ch(["TimeoutError", "ChunkLoadError"])), c.url("/patients/%s/chart" % mrn), t3, c.nm(a, "g"),
                c.appt_s(c.ch(["dow", "Month d", "spoken"]), 0, 3)))


@T("slack")
def slack_zendesk(c):
    s, p = c.person(), c.person()
    return ("Zendesk #%d  Requester: %s <%s>\nSubject: billed twice\nBody: I was charged twice for my %s session, card %s. Please refund. — %s\n"
            "Internal note (%s): refund via %s, acct %s" % (
                c.ri(10000, 99999), c.nm(p), c.email(p), c.appt_s(c.ch(["Month d", "m/d", "Mon d"]), -20, -1), c.card(), c.nm(p, "g"),
                c.nm(s, "g"), c.k("processor", "Stripe"), c.acct()))


@T("slack")
def slack_export_json(c):
    a, p = c.person(), c.person()
    msgs = "[" + ",".join([jo([("ts", c.N("%d.%06d" % (c.ri(1700000000, 1760000000), c.ri(0, 999999)))), ("user_profile", Raw(jo([("real_name", c.nm(a))]))),
                               ("text", "pt %s called about billing, her email is %s and she wants statements mailed to %s" % (
                                   c.nm(p), c.email(p), c.addr_line()))])]) + "]"
    return "slack-archiver: message contains PHI pattern, quarantined (channel %s)\n%s" % (c.k("channel", "C0%s" % c.alnum(8)), msgs)


@T("slack")
def slack_merge_thread(c):
    a, b, p = c.person(), c.person(), c.person()
    return ("#data-quality thread (pasted into %s):\n%s: dup patient — %s has MRN %s and %s, DOBs %s vs %s\n%s: second one is a typo, merge into the first?\n"
            "%s: yes, keep %s" % (
                c.k("ticket", "DQ-%d" % c.ri(100, 999)), c.nm(a, "g"), c.nm(p), c.mrn(), c.mrn(), c.dob_s(), c.dob_s(), c.nm(b, "g"), c.nm(a, "g"),
                c.ch(["the older one", "the first"])))


@T("slack")
def slack_wrong_address(c):
    a, p = c.person(), c.person()
    return ("Support thread → %s\n%s: statement for %s went to old address %s, new one is %s — billing-core still shows old after update\n"
            "bot: %s %s" % (
                c.k("ticket", "BILL-%d" % c.ri(100, 9999)), c.nm(a), c.nm(p), c.street(), c.addr_line(), c.k("status", "409"),
                c.k("error", "StaleAddressVersion")))


@T("slack")
def slack_portal_link(c):
    a, p = c.person(), c.person()
    u = c.username(p)
    t1, t2 = c.times(2)
    return ("[%s] %s: portal user %s (%s) says reset link lands on %s\n[%s] %s: thats the old tenant url, fixing" % (
        t1, c.nm(a), u, c.nm(p), c.url("https://portal.harborlight.health/reset?u=%s&t=%s" % (u, c.hexs(24))), t2, c.nm(c.person(), "g")))


@T("slack", clean=True)
def slack_clean_deploy(c):
    t = c.times(4, step=1200)
    return ("#deploys\n[%s] deploybot: %s %s → prod (%s) started\n[%s] deploybot: canary 5%%, error rate %s%%, p95 %s\n"
            "[%s] deploybot: Will promote at %s unless someone objects. May the odds etc." % (
                t[0], c.k("service", c.svc()), c.k("version", c.ver()), c.k("hash", c.sha(7)), t[1], "0.%d" % c.ri(1, 9), c.k("duration", c.dur()),
                t[2], t[3]))


@T("slack", clean=True)
def slack_clean_incident(c):
    return ("#inc-%d thread summary: %s returned %s for %s; root cause: connection pool exhausted on %s:%s; fix: raise max_conns %d→%d; "
            "follow-ups in %s" % (
                c.ri(100, 999), c.k("service", c.svc()), c.k("status", "503"), c.k("duration", c.dur()), c.k("infra_ip", c.infra_ip()), c.k("port", "5432"),
                c.ri(20, 50), c.ri(60, 200), c.k("ticket", "SRE-%d" % c.ri(100, 999))))


# ======================= 23. ICS / vCard / address book / labels ==========
@T("contacts")
def ics_intake(c):
    p, cl = c.person(), c.person()
    d = c.appt(1, 30)
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Harborlight//sched-svc %s//EN\r\nBEGIN:VEVENT\r\nUID:%s@harborlight.health\r\nDTSTAMP:%s\r\n"
            "DTSTART;VALUE=DATE:%s\r\nSUMMARY:Intake – %s\r\nLOCATION:%s\r\nATTENDEE;CN=%s;ROLE=REQ-PARTICIPANT:mailto:%s\r\n"
            "ORGANIZER;CN=%s:mailto:%s\r\nDESCRIPTION:Call %s if running late\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            "-- calendar push rejected: %s" % (
                c.k("version", c.ver()), c.k("uuid", c.uuid()), c.ts("ics"), c.D(d, "compact"), c.nm(p), c.addr_line(" "), c.nm(p, "gf"), c.email(p),
                c.nm(cl), c.staff_email(cl), c.phone(p), c.k("status", "403 Forbidden")))


@T("contacts")
def vcard_guardian(c):
    p = c.person()
    cp, st, z3 = c.place()
    return ("BEGIN:VCARD\nVERSION:3.0\nN:%s;%s;;;\nFN:%s\nTEL;TYPE=CELL:%s\nEMAIL;TYPE=HOME:%s\nADR;TYPE=HOME:;;%s;%s;%s;%s;USA\nBDAY:%s\n"
            "NOTE:Emergency contact for %s\nEND:VCARD\ncontacts-sync: vCard rejected (%s)" % (
                c.nm(p, "f"), c.nm(p, "g"), c.nm(p, "gf"), c.phone(p), c.email(p), c.street(), c.city(cp), st, c.zipc(z3), c.dob_s("iso"),
                c.nm(c.person(), c.ch(["full", "g"])), c.k("error", "DUPLICATE_UID")))


@T("contacts")
def addressbook_csv(c):
    head = "Name,Given Name,Family Name,E-mail 1 - Value,Phone 1 - Value,Address 1 - Formatted,Birthday"
    rows = []
    for _ in range(c.ri(2, 3)):
        p = c.person()
        rows.append("\"%s\",%s,%s,%s,%s,\"%s\",%s" % (c.nm(p, "gf"), c.nm(p, "g"), c.nm(p, "f"), c.email(p), c.phone(p), c.addr_line(), c.dob_s("iso")))
    return "address-book import (google csv) failed at line %d: %s\n%s\n%s" % (
        c.ri(2, 4), c.k("error", "unbalanced quotes"), head, "\n".join(rows))


@T("contacts")
def mailing_labels(c):
    labels = []
    for _ in range(c.ri(2, 3)):
        p = c.person()
        cp, st, z3 = c.place()
        labels.append("%s\n%s\n%s %s %s" % (c.nm(p, c.ch(["UP", "gf"])), c.street(), c.city(cp), st, c.zipc(z3, True)))
    return ("CASS certification warnings (batch %s, %d labels, %s):\n\n%s\n\n-- %s: DPV no match for label 2" % (
        c.k("batch", "LBL-%s" % c.hexs(6)), len(labels), c.k("code", "CASS-%d" % c.ri(10, 99)), "\n\n".join(labels), c.k("error", "DPV_N1")))


@T("contacts")
def ics_parse_error(c):
    p = c.person()
    bad = c.ch(["DTSTART;VALUE=DATE:%s", "DTSTART:%s"]) % c.D(c.appt(1, 30), "compact")
    return ("icalendar.parser: ValueError: Expected datetime, date, or time, got: '%s'\n  at line %d: %s\n  context: SUMMARY:Follow-up %s / ATTENDEE:mailto:%s" % (
        bad.split(":", 1)[1], c.ri(3, 40), bad, c.nm(p), c.email(p)))


@T("contacts")
def outlook_invite(c):
    p, cl = c.person(), c.person()
    return ("Subject: Telehealth – %s / %s\nWhen: %s 4:00 PM-4:50 PM (UTC-06:00) Central Time\nWhere: https://telehealth.harborlight.health/join/%s\n"
            "Join by phone: client cell %s\nThis invite could not be delivered to %s (%s)" % (
                c.nm(p, c.ch(["ini", "g", "full"])), c.nm(cl, c.ch(["f", "full"])), c.appt_s(c.ch(["dow", "Month d, Y", "mdY"]), 1, 20), c.k("room", c.hexs(10)),
                c.phone(p), c.email(p), c.k("status", "550 5.4.1")))


@T("contacts", clean=True)
def ics_clean_deploy(c):
    return ("BEGIN:VEVENT\nUID:%s@harborlight.internal\nDTSTAMP:%s\nDTSTART:%s\nDTEND:%s\nSUMMARY:Maintenance window – %s %s\n"
            "DESCRIPTION:Read-only mode; retries will resume automatically.\nEND:VEVENT" % (
                c.k("uuid", c.uuid()), c.ts("ics"), c.ts("ics"), c.ts("ics", 7200), c.k("service", c.svc()), c.k("version", c.ver())))


@T("contacts", clean=True)
def carddav_clean_stats(c):
    return ("carddav sync: %d contacts scanned, %d updated, %d conflicts, etag mismatch on %s; server %s:%s; took %s" % (
        c.ri(100, 9000), c.ri(0, 90), c.ri(0, 9), c.k("hash", c.hexs(16)), c.k("infra_ip", c.infra_ip()), c.k("port", "8443"), c.k("duration", c.dur())))


# ======================= 24. Audit logs with before/after =================
@T("audit")
def audit_json_update(c):
    p = c.person()
    ch = c.ch(["phone", "address", "email"])
    if ch == "phone":
        before, after = c.phone(p), c.phone(p)
    elif ch == "address":
        before, after = c.addr_line(), c.addr_line()
    else:
        before, after = c.email(p), c.email(p)
    return jo([("ts", c.ts("iso_ms")), ("actor", c.k("actor", "u_%d" % c.ri(100, 9999))), ("action", "patient.update"),
               ("target", Raw(jo([("mrn", c.mrn()), ("name", c.nm(p))]))),
               ("changes", Raw(jo([(ch, Raw(jo([("before", before), ("after", after)])))]))), ("ip", c.ip())])


@T("audit")
def pgaudit_update(c):
    p = c.person()
    return ("%s UTC [%d] LOG:  AUDIT: SESSION,%d,1,WRITE,UPDATE,TABLE,public.patients,\"UPDATE patients SET last_name = '%s', dob = '%s', ssn = '%s' "
            "WHERE id = %s\",<not logged>" % (
                c.ts("space"), c.ri(1000, 99999), c.ri(1, 900), c.nm(p, "f"), c.dob_s("iso"), c.ssn(), c.k("db_id", c.dbid())))


@T("audit")
def debezium_cdc(c):
    p = c.person()
    before = jo([("id", int(c.dbid())), ("first_name", c.nm(p, "g")), ("cell", c.phone(p)), ("plan_member_id", c.member())])
    after = jo([("id", 0), ("first_name", p.given), ("cell", c.phone(p)), ("plan_member_id", c.member())])
    return ("debezium: failed to serialize change event for %s (%s)\n{\"op\":\"u\",\"before\":%s,\"after\":%s,\"source\":{\"table\":\"patients\",\"lsn\":%d}}" % (
        c.k("table", "public.patients"), c.k("error", "DataException"), before, after, c.ri(10 ** 8, 10 ** 10)))


@T("audit")
def audit_vip_access(c):
    p, u = c.person(), c.person()
    who = ("DOB " + c.dob_s()) if c.coin(0.5) else ("age " + c.age90("num"))
    return ("PRIVACY ALERT: VIP chart access — user %s (%s) opened chart of %s, MRN %s, %s from %s at %s; reason given: \"%s\"" % (
        c.nm(u), c.staff_email(u), c.nm(p), c.mrn(), who, c.ip(), c.ts("iso_off"), c.ch(["billing question", "curious", "coverage"])))


@T("audit")
def audit_diff(c):
    p = c.person()
    veh = ("\n- parking_plate: %s\n+ parking_plate: %s" % (c.plate(), c.plate())) if c.coin(0.5) else ""
    return ("audit-sink diff for patient %s (rev %d → %d):\n- emergency_contact: %s %s\n+ emergency_contact: %s %s\n- employer: %s\n+ employer: %s\n  zip: %s%s" % (
        c.nm(p), c.ri(1, 9), c.ri(10, 20), c.nm(c.person()), c.phone(None, False), c.nm(c.person()), c.phone(None, False), c.ch(EMPLOYERS),
        c.ch(EMPLOYERS), c.zipc(c.place()[2]), veh))


@T("audit")
def audit_break_glass(c):
    p, u = c.person(), c.person()
    return ("break-the-glass: %s (NPI %s) accessed restricted SUD record (42 CFR Part 2) of %s, DOB %s, on %s; justification \"%s\"; "
            "review due %s" % (
                c.nm(u), c.npi(), c.nm(p), c.dob_s(), c.ts("iso_z"), c.ch(["ED consult", "overdose follow-up"]), c.appt_s(c.ch(["mdY", "iso"]), 1, 7)))


@T("audit", clean=True)
def audit_clean_flag_change(c):
    return jo([("ts", c.ts("iso_ms")), ("actor", c.k("actor", "svc-terraform")), ("action", "config.update"),
               ("target", c.k("flag", "grace-period-days")), ("before", 7), ("after", 10), ("change_id", c.k("uuid", c.uuid()))])


@T("audit", clean=True)
def audit_clean_role(c):
    return ("audit-sink: role %s granted permission %s by %s; previous=%s; ticket %s; at %s" % (
        c.k("role", "billing-reviewer"), c.k("permission", "claims:read"), c.k("actor", "svc-okta-scim"), "none", c.k("ticket", "SEC-%d" % c.ri(100, 999)), c.ts("iso_z")))


# ======================= 25. Feature-flag / A/B payloads ==================
@T("flags")
def ld_eval_event(c):
    p = c.person()
    ctx = jo(c.shuf([("kind", "user"), ("key", c.username(p)), ("email", c.email(p)), ("name", c.nm(p)),
                     ("custom", Raw(jo([("zip", c.zipc(c.place()[2])), ("dob", c.dob_s("iso"))])))]))
    return ("flagd-proxy: evaluation event rejected by sink (%s) flag=%s variation=%d\ncontext=%s" % (
        c.k("status", "413"), c.k("flag", "new-intake-flow"), c.ri(0, 2), ctx))


@T("flags")
def ab_exposure(c):
    p = c.person()
    cp, st, z3 = c.place()
    return jo([("event", "$exposure"), ("experiment", c.k("experiment", "reminder-copy-v%d" % c.ri(2, 5))), ("variant", c.ch(["control", "warm", "brief"])),
               ("user", Raw(jo(c.shuf([("id", int(c.dbid())), ("city", c.city(cp)), ("state", st), ("zip", c.zipc(z3)), ("age", c.age90("num")),
                                       ("name", c.nm(p))]))))], True)


@T("flags")
def unleash_context(c):
    p = c.person()
    return ("unleash: strategy 'flexibleRollout' failed for toggle %s: stickiness field 'userId' missing; context={ userId: undefined, sessionId: '%s', "
            "remoteAddress: '%s', properties: { portalUser: '%s', phone: '%s' } }" % (
                c.k("flag", "portal.chat.v2"), c.k("session", c.hexs(16)), c.ip(), c.username(p), c.phone(p)))


@T("flags")
def flag_rule_invalid(c):
    ems = [c.email(c.person()) for _ in range(c.ri(2, 3))]
    return ("flag %s: targeting rule %d clause \"email in [%s]\" invalid: %s" % (
        c.k("flag", "beta-telehealth-ui"), c.ri(1, 6), ", ".join(ems), c.k("error", "list exceeds 2 values for op 'in' on free plan")))


@T("flags")
def growthbook_error(c):
    p = c.person()
    return ("[GrowthBook] Error evaluating feature \"%s\": attributes = %s" % (
        c.k("flag", "sliding-scale-banner"),
        jo(c.shuf([("id", c.username(p)), ("deviceId", c.serial()), ("country", "US"), ("zip", c.zipc(c.place()[2])), ("income", c.ri(10, 90) * 1000)]), True)))


@T("flags")
def segment_rollout(c):
    ppl = [c.person() for _ in range(c.ri(2, 3))]
    rows = ["%s,%s,%s" % (c.nm(p, "gf"), c.phone(p, False), c.ip()) for p in ppl]
    return ("segment %s rollout CSV rejected (%s):\nname,phone,last_ip\n%s" % (c.k("segment", "pilot-clinic-%d" % c.ri(1, 9)), c.k("error", "PHI not allowed in segment uploads"), "\n".join(rows)))


@T("flags", clean=True)
def flags_clean_config(c):
    return jo([("flag", c.k("flag", "hope-banner")), ("on", True), ("rollout", Raw(jo([("control", 50), ("grace", 25), ("will", 25)]))),
               ("rules", [{"attribute": "plan", "op": "in", "values": ["pro", "group"]}]), ("version", int(c.ri(2, 90))),
               ("updated", c.ts("iso_z"))], True)


@T("flags", clean=True)
def flags_clean_results(c):
    return ("experiment %s results: control n=%d conv=%s%%, variant n=%d conv=%s%%, lift %s, p=%s; decision: ship variant in %s" % (
        c.k("experiment", "intake-steps-%d" % c.ri(2, 9)), c.ri(100, 9000), "%.1f" % (c.ri(50, 400) / 10.0), c.ri(100, 9000),
        "%.1f" % (c.ri(50, 400) / 10.0), "%.1f%%" % (c.ri(1, 200) / 10.0), "0.0%d" % c.ri(1, 9), c.k("version", c.ver())))

# ======================= additional templates (identifiers-heavy) =========
@T("go")
def go_device_enroll(c):
    p = c.person()
    dev = jo(c.shuf([("imei", c.imei()), ("serial", c.serial()), ("model", c.ch(["iPad (9th gen)", "Galaxy Tab A8", "Lenovo M10"]))]))
    pairs = [("level", "error"), ("time", c.ts("iso_off")), ("service", c.k("service", "telehealth-bridge")),
             ("message", "loaner device enrollment rejected by MDM"), ("mdm_status", c.k("status", "409")),
             ("device", Raw(dev)), ("assigned_to", c.nm(p)), ("ship_to", c.addr_line())]
    return jo(pairs[:4] + c.shuf(pairs[4:]))


@T("rust")
def rust_card_decline(c):
    p = c.person()
    return ("%s ERROR billing_core::payments: card_declined code=%s decline_code=%s card=%s exp=%02d/%02d billing_zip=%s cardholder=\"%s\" amount=%s\n"
            "  note: PAN logged because redaction layer was bypassed (%s)" % (
                c.ts("iso_z"), c.k("error_code", "card_declined"), c.ch(["insufficient_funds", "do_not_honor", "incorrect_zip"]), c.card(),
                c.ri(1, 12), c.ri(25, 31), c.zipc(c.place()[2], False), c.nm(p), c.k("amount", c.amount()), c.k("ticket", "SEC-%d" % c.ri(100, 999))))


@T("dotnet")
def dotnet_nemt_vendor(c):
    p, d = c.person(), c.person()
    return ("Harborlight.Transport.VendorException: Ride vendor rejected trip for member %s (%s).\n"
            " ---> System.Net.Http.HttpRequestException: Response status code does not indicate success: 422 (Unprocessable Entity).\n"
            "   --- End of inner exception stack trace ---\n   at Harborlight.Transport.RideClient.BookAsync(TripRequest trip)\n"
            "Vendor response: {\"errors\":[\"driver license %s expired\",\"vehicle %s (plate %s) not credentialed\"],\"driver\":\"%s\"}" % (
                c.member(), c.nm(p), c.dl(), c.vin(), c.plate(), c.nm(d))).replace("VendorException", c.k("exception", "VendorException"))


@T("java")
def java_payment_batch(c):
    p = c.person()
    return ("%s ERROR [billing-core,%s] c.h.billing.ach.BatchWriter - NACHA entry rejected: record_type=6 txn_code=%s rdfi=%s "
            "dfi_account=%s amount=%s individual_id=%s individual_name=%s\n"
            "  guarantor=%s ssn=%s acct=%s\njava.lang.IllegalStateException: %s" % (
                c.ts("space"), c.hexs(16), c.ch(["22", "27"]), c.k("routing", "0%s" % c.dig(8)), c.acct("num12"),
                c.k("amount", "%010d" % c.ri(1000, 900000)), c.k("db_id", c.dbid()), c.nm(p, "UP"), c.nm(p, c.ch(["full", "lf"])), c.ssn(), c.acct("num9"),
                c.k("error", "entry hash mismatch"))).replace("IllegalStateException", c.k("exception", "IllegalStateException"))


@T("node")
def node_push_register(c):
    p = c.person()
    return ("POST /api/devices/register %s %dms\nbody: %s\nerror: %s" % (
        c.k("status", "400"), c.ri(3, 900),
        jo(c.shuf([("user", c.username(p)), ("imei", c.imei()), ("serialNumber", c.serial()), ("ip", c.ip()), ("platform", c.ch(["android", "ios"]))])),
        c.k("error", "device already bound to another patient")))


@T("python")
def py_ssn_dedupe(c):
    a = c.person()
    b = c.person()
    b.given = a.given if c.coin(0.5) else b.given
    return ("dedupe.merge_candidates: %d pairs above threshold; first pair:\n  left=(%s, %s, %s)\n  right=(%s, %s, %s)\n"
            "AssertionError: refusing auto-merge, SSN mismatch (score=%s)" % (
                c.ri(2, 90), c.nm(a), c.ssn(), c.dob_s("iso"), c.nm(b), c.ssn(), c.dob_s("iso"), c.k("score", "0.9%d" % c.ri(1, 8)))).replace(
        "AssertionError", c.k("exception", "AssertionError"))


@T("search")
def es_provider_directory(c):
    dr = c.person()
    src = jo(c.shuf([("name", c.nm(dr)), ("npi", c.npi()), ("stateLicense", c.slic()), ("dea", c.dea(dr)), ("officePhone", c.phone(dr, False))]))
    return ("provider-directory reindex: document %s failed: illegal_argument_exception: Limit of total fields [1000] has been exceeded\n_source=%s" % (
        c.k("db_id", c.dbid()), src)).replace("illegal_argument_exception", c.k("exception", "illegal_argument_exception"))


@T("cache")
def cache_dea_lookup(c):
    dr = c.person()
    dea = c.dea(dr)
    return ("memcache miss storm on prefix 'dea:verify:' (%d misses/s); sample key dea:verify:%s:%s value_len=0; prescriber %s; upstream %s %s" % (
        c.ri(100, 4000), dea, c.npi(), c.nm(dr, c.ch(["full", "lf"])), c.k("service", "csos-verify"), c.k("status", "timeout")))


@T("objstore")
def s3_id_upload(c):
    p = c.person()
    dl = c.dl()
    key = c.url("s3://hl-prod-documents/id-verification/%s/%s_%s.jpg" % (c.mrn(), re.sub(r"[ -]", "", dl), c.dob_s("compact")))
    return ("PutObject failed: %s (%s)\n  key=%s\n  uploader=%s  ua=%s\n  form fields: license_number=%s" % (
        c.k("error", "SlowDown"), c.k("status", "503"), key, c.nm(p), c.ch(["Harborlight-iOS/5.4.0", "Mozilla/5.0"]), dl))


@T("mq")
def kafka_wearable_event(c):
    p = c.person()
    val = jo(c.shuf([("patientRef", c.mrn()), ("deviceSerial", c.serial()), ("phoneImei", c.imei()), ("sleepMinutes", c.ri(120, 600)),
                     ("hrvMs", c.ri(10, 90)), ("name", c.nm(p))]))
    return ("consumer %s: poison message on %s[%d]@%d skipped (%s)\nvalue=%s" % (
        c.k("consumer", "wearables-ingest"), c.k("topic", "wearables.sleep"), c.ri(0, 11), c.ri(1000, 9999999),
        c.k("exception", "SerializationException"), val))


@T("sched")
def cron_card_updater(c):
    rows = []
    for _ in range(c.ri(2, 3)):
        p = c.person()
        rows.append("  %s  %s -> %s  (%s)" % (c.acct("guar"), c.card(), c.card(), c.nm(p, c.ch(["LF", "full"]))))
    return ("account-updater cron (%s) finished with errors: %d updates not applied\n%s\nexit 3" % (
        c.k("job_id", "acu-%s" % c.hexs(8)), len(rows), "\n".join(rows)))


@T("dwh")
def bq_claims_rows(c):
    out = []
    for _ in range(c.ri(2, 3)):
        p = c.person()
        out.append("{\"claim_id\":%s,\"patient_ssn\":\"%s\",\"guarantor_acct\":\"%s\",\"rendering_npi\":\"%s\",\"dos\":\"%s\",\"cpt\":\"%s\",\"name\":\"%s\"}" % (
            c.dbid(), c.ssn("-"), c.acct(), c.npi(), c.appt_s("iso", -90, -1), c.k("cpt", c.cpt()), c.nm(p)))
    return ("DLP scan blocked load into %s: %d rows contain US_SOCIAL_SECURITY_NUMBER\n%s" % (
        c.k("table", "claims_mart.fct_claims"), len(out), "\n".join(out)))


@T("ocr")
def ocr_drivers_license(c):
    p = c.person()
    old = c.coin(0.5)
    return ("id-scan: barcode (PDF417) decode failed, fell back to OCR; mismatch with chart\nDL %s  CLASS D\n%s\n%s\nDOB %s  EXP %s  SEX %s\n"
            "chart age: %s, OCR age: %d" % (
                c.dl(), c.nm(p, "LF"), c.addr_line(" "), c.dob_s("mdY", old=old), c.N("%02d/%02d/%d" % (c.ri(1, 12), c.ri(1, 28), c.ri(2026, 2031))), p.sex,
                c.age90("num") if old else str(c.ri(30, 70)), c.ri(20, 60)))


@T("esign")
def esign_payment_auth(c):
    p = c.person()
    return ("consent-hooks: recurring payment authorization form completed but vault call failed (%s)\nfields: cardholder=%s; card=%s; "
            "exp=%02d/%d; billing_address=%s; signer_email=%s" % (
                c.k("status", "502"), c.nm(p), c.card(), c.ri(1, 12), c.ri(2026, 2031), c.addr_line(), c.email(p)))


@T("priorauth")
def pa_tms_device(c):
    p, dr = c.person(), c.person()
    return ("TMS course authorization — %s, member %s, DOB %s\nDevice: NeuroStar serial %s; motor threshold mapping %s\nOrdering: %s, %s, NPI %s, license %s\n"
            "Requested: %d sessions of %s starting %s" % (
                c.nm(p), c.member(), c.dob_s(), c.serial(), c.appt_s(c.ch(["mdY", "Month d"]), -10, 0), c.nm(dr), c.ch(["MD", "DO"]), c.npi(),
                c.slic(), c.ri(30, 36), c.k("cpt", "90868"), c.appt_s(c.ch(["mdY", "Month d, Y"]), 5, 30)))


@T("crisis")
def crisis_vehicle_bolo(c):
    p = c.person()
    return ("BOLO shared with %s dispatch at family request: %s, last seen leaving %s in a %s %s; plate %s; VIN %s; phone %s (location sharing off)" % (
        c.ch(["county", "city", "tribal"]), c.nm(p), c.addr_line(), c.ch(["gray", "black", "blue"]), c.ch(["2016 Honda CR-V", "2012 Ford Escape", "2019 Kia Soul"]),
        c.plate(), c.vin(), c.phone(p)))


@T("group")
def group_transport(c):
    rows = []
    for _ in range(c.ri(2, 3)):
        p, d = c.person(), c.person()
        rows.append("  rider %s — pickup %s — driver %s, plate %s" % (c.nm(p), c.street(), c.nm(d, "gf"), c.plate()))
    return ("group transport manifest for %s (%s) failed vendor sync: %s\n%s" % (
        c.k("group", "IOP-Morning"), c.appt_s(c.ch(["mdY", "dow"]), 1, 7), c.k("error", "VEHICLE_NOT_FOUND"), "\n".join(rows)))


@T("letters")
def letter_parking_placard(c):
    p = c.person()
    return ("Disability parking placard certification request\nApplicant: %s   DOB: %s   DL/ID: %s\nAddress: %s\nVehicle: VIN %s, plate %s\n"
            "letters-svc: missing clinician attestation (%s)" % (
                c.nm(p), c.dob_s(), c.dl(), c.addr_line(), c.vin(), c.plate(), c.k("error", "E_ATTEST")))


@T("portal")
def portal_card_in_chat(c):
    p = c.person()
    return ("DLP: card number pasted in portal chat by %s — message withheld from clinician inbox\n> hi can you charge this for my copay %s exp %02d/%d "
            "zip %s thx, %s\nrule=%s" % (
                c.username(p), c.card(), c.ri(1, 12), c.ri(26, 31), c.zipc(c.place()[2], False), c.nm(p, "g"), c.k("rule", "PCI_PAN")))


@T("oncall")
def oncall_clozapine_rems(c):
    p, dr = c.person(), c.person()
    return ("REMS hold — clozapine dispensing blocked: patient %s (%s, REMS ID %s) ANC not on file since %s. Prescriber %s NPI %s DEA %s. "
            "Pharmacy fax %s. Please page back." % (
                c.nm(p), c.age90(c.ch(["yo", "num_y"])) if c.coin(0.5) else "DOB " + c.dob_s(), c.P("OTHER_ID", "%s" % c.dig(8, True), "rems"),
                c.appt_s(c.ch(["mdY", "Mon d"]), -40, -10), c.nm(dr), c.npi(), c.dea(dr), c.fax()))


@T("slack")
def slack_loaner_device(c):
    a, p = c.person(), c.person()
    return ("#it-help thread → %s\n%s: loaner tablet for %s never came back, serial %s / IMEI %s. last check-in from %s\n%s: remote-wiping now" % (
        c.k("ticket", "IT-%d" % c.ri(1000, 9999)), c.nm(a, "g"), c.nm(p), c.serial(), c.imei(), c.ip(), c.nm(c.person(), "g")))


@T("audit")
def audit_payment_method(c):
    p = c.person()
    return jo([("ts", c.ts("iso_ms")), ("actor", c.k("actor", "u_%d" % c.ri(100, 9999))), ("action", "payment_method.replace"),
               ("patient", c.nm(p)), ("before", Raw(jo([("type", "card"), ("number", c.card())]))),
               ("after", Raw(jo([("type", "ach"), ("routing", c.k("routing", "0%s" % c.dig(8))), ("account", c.acct("num12"))]))),
               ("ssn_verified", c.ssn())])


@T("flags")
def flags_device_target(c):
    p = c.person()
    return ("flag %s: targeting by deviceId is deprecated; offending rule values: [\"%s\", \"%s\"] (owner note: \"%s's test phone\")" % (
        c.k("flag", "kiosk-checkin"), c.imei(), c.serial(), c.nm(p, "g")))


@T("sched")
def dbt_age_mask_test(c):
    rows = []
    for _ in range(c.ri(2, 3)):
        p = c.person()
        rows.append("| %s | %s | %s | %s |" % (c.k("db_id", c.dbid()), c.nm(p, c.ch(["gf", "lf"])), c.age90("num"), c.zipc(c.place()[2], False)))
    return ("%s  Failure in test assert_age_over_89_is_bucketed (tests/privacy/assert_age_over_89_is_bucketed.sql)\n"
            "  Got %d results, configured to fail if != 0\n| patient_key | display_name | age_years | zip5 |\n|---|---|---|---|\n%s" % (
                c.ts("clock"), len(rows), "\n".join(rows)))


@T("python")
def py_age_bucket(c):
    p = c.person()
    age = c.age90(c.ch(["num", "num", "y"]))
    return ("Traceback (most recent call last):\n  File \"/srv/harborlight/outcomes/phq.py\", line %d, in norm_score\n"
            "    raise ValueError(f\"no PHQ-9 geriatric norm for age={age!r} ({patient.display_name})\")\n"
            "ValueError: no PHQ-9 geriatric norm for age='%s' (%s)\nscore=%d severity=%s survey_id=%s" % (
                c.ri(20, 200), age, c.nm(p), c.ri(5, 27), c.ch(["moderate", "moderately severe", "severe"]), c.k("uuid", c.uuid()))).replace(
        "ValueError: no", c.k("exception", "ValueError") + ": no")


@T("portal")
def portal_parking_permit(c):
    p = c.person()
    return ("[portal-chat] %s: hey its %s, I'm getting a new car before my %s appt — can you update my parking permit? new plate is %s "
            "(VIN %s if you need it)\n[portal-chat] routed to front-desk queue; SLA %s" % (
                c.username(p), c.nm(p, c.ch(["g", "gf"])), c.appt_s(c.ch(["m/d", "Month dth", "dow"]), 2, 20), c.plate(), c.vin(), c.k("duration", "4h")))

# ---------------------------------------------------------------------------
# verification
# ---------------------------------------------------------------------------
def _name_tokens():
    toks = set()
    for given, family, _o, _c in POOL.values():
        for n in given + family:
            for p in name_parts(n):
                toks.add(p.lower())
    for n in WORD_GIVEN:
        for p in name_parts(n):
            toks.add(p.lower())
    return toks


NAME_TOKENS = _name_tokens()
_L = r"[^\W\d_]"
NAME_RE = re.compile(r"(?<!" + _L + r")(" + "|".join(sorted(map(re.escape, NAME_TOKENS), key=len, reverse=True))
                     + r")(?!" + _L + r")", re.I)
CITY_RE = re.compile(r"(?<!" + _L + r")(" + "|".join(re.escape(c[0]) for c in CITIES) + r")(?!" + _L + r")")
STREET_RE = re.compile("|".join(re.escape(s) for s in STREET_CORES))
SCAN = [
    ("email", re.compile(r"[\w.+-]+@[\w-]+\.[A-Za-z][\w.-]*")),
    ("ssn", re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")),
    ("phone", re.compile(r"(?<![\d.:/-])(?:\+?1[ .-]?)?\(?[2-9]\d{2}\)?[ .-]?[2-9]\d{2}[ .-]\d{4}(?![\d.-])")),
    ("intl_phone", re.compile(r"\+(?:[2-9]\d{0,2}|7)[ -]?\(?\d{1,3}\)?[ -]?\d{2,4}[ -]?\d{2,4}")),
    ("slash_date", re.compile(r"(?<![\d/.])\d{1,2}/\d{1,2}/(?:19|20)?\d{2}(?![\d/])")),
    ("iso_date", re.compile(r"(?<![\d-])(?:19|20)\d{2}-[01]\d-[0-3]\d(?![\dT:])(?!\s+\d{1,2}:)")),
    ("month_day", re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?![\d:])")),
    ("age", re.compile(r"(?i)\b(?:age[ds]?:?\s*)(9\d|1[01]\d)\b|\b(9\d|1[01]\d)\s*(?:y/?o\b|yrs?\b|years? old|-year-old)")),
]


def redact(text, values):
    out = text
    for v in sorted(set(values), key=len, reverse=True):
        out = re.sub(_bpat(v), "[X]", out)
    return out


def check_value(v, kind, sub):
    """Return an error string for a value that fails its kind's validity rules."""
    tag = sub[0] if isinstance(sub, tuple) else sub
    if tag == "npi" and not npi_ok(v):
        return "bad NPI"
    if tag == "dea" and not dea_ok(v):
        return "bad DEA"
    if tag == "vin" and not vin_ok(v):
        return "bad VIN"
    if tag == "imei" and not imei_ok(v):
        return "bad IMEI"
    if tag == "card" and not card_ok(v):
        return "bad card"
    if tag == "ssn" and not ssn_ok(v):
        return "bad SSN"
    if tag == "mbi" and not mbi_ok(v):
        return "bad MBI"
    if tag == "ipv4" and not ipv4_public(v):
        return "non-public IPv4"
    if tag == "ipv6" and not ipv6_public(v):
        return "bad IPv6"
    if tag == "zip" and not re.fullmatch(r"\d{5}(-\d{4})?", v):
        return "bad ZIP"
    if tag == "email" and not re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", v):
        return "bad email"
    if tag == "age" and (sub[1] < 90 or str(sub[1]) not in v and num_words(sub[1]) not in v.lower()):
        return "bad age"
    if tag == "date":
        d = datetime.date.fromisoformat(sub[1])
        if re.search(r"\d", v) and str(d.day) not in v.lstrip("0") and "%02d" % d.day not in v:
            return "date text does not carry its day"
    if kind == "SSN" and tag != "ssn":
        return "SSN without validity check"
    if kind == "LICENSE" and tag not in ("npi", "dea", "state_license", "drivers_license"):
        return "unknown licence subtype"
    return None


def verify(rec, meta, exempt, clean):
    """Return (fatal_errors, soft_errors)."""
    fatal, soft = [], []
    text = rec["text"]
    for f in ("id", "family", "template", "text", "phi", "keep", "keep_kinds"):
        if f not in rec:
            fatal.append("missing field " + f)
    if len(rec["keep"]) != len(rec["keep_kinds"]):
        fatal.append("keep/keep_kinds length")
    if clean and rec["phi"]:
        fatal.append("PHI-free record has phi")
    if not clean and not rec["phi"]:
        fatal.append("PHI record without phi")
    for v, kind, sub in meta:
        if kind not in KINDS:
            fatal.append("bad kind " + kind)
        if not occurs(v, text):
            fatal.append("value not in text: %r" % v)
        e = check_value(v, kind, sub)
        if e:
            fatal.append("%s: %r" % (e, v))
    phi_vals = [p["value"] for p in rec["phi"]]
    for p in rec["phi"]:
        if p["kind"] == "URL" and not any(q != p["value"] and q in p["value"] for q in phi_vals):
            fatal.append("URL without an embedded labelled identifier: %r" % p["value"])
    for t in rec["keep"]:
        if not occurs(t, text):
            fatal.append("keep token not in text: %r" % t)
        for v in phi_vals:
            if occurs(v, t):
                fatal.append("keep token %r contains PHI %r" % (t, v))
    red = redact(text, phi_vals)
    od = digits_of(red)
    for p in rec["phi"]:
        why = leak_reason(p["value"], p["kind"], red, od)
        if why:
            soft.append("perfect redaction still leaks %r (%s)" % (p["value"], why))
    for t in rec["keep"]:
        if not occurs(t, red):
            soft.append("keep token lost under perfect redaction: %r" % t)
    # residual scan for unlabelled PHI look-alikes
    scan = red
    for t in sorted(set(exempt) | set(rec["keep"]), key=len, reverse=True):
        scan = scan.replace(t, " ")
    for m in NAME_RE.finditer(scan):
        soft.append("unlabelled name-pool word %r" % m.group(0))
    for m in CITY_RE.finditer(scan):
        soft.append("unlabelled city %r" % m.group(0))
    for m in STREET_RE.finditer(scan):
        soft.append("unlabelled street %r" % m.group(0))
    for tag, rx in SCAN:
        for m in rx.finditer(scan):
            soft.append("unlabelled %s %r" % (tag, m.group(0)))
    for m in re.finditer(r"(?<![\d.])(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})(?![\d.])", scan):
        if ipv4_public(m.group(1)):
            soft.append("unlabelled public IP %r" % m.group(1))
    return fatal, soft


# ---------------------------------------------------------------------------
# generation
# ---------------------------------------------------------------------------
CLEAN_SLOTS = {2, 7, 12, 17, 22}
LAST_SOFT = {}


def make_record(i, style, fn, clean, stats):
    for attempt in range(60):
        rng = random.Random("%s/%d/%d" % (SEED, i, attempt))
        c = Ctx(rng, clean)
        c.i = i
        text = fn(c)
        phi, seen = [], set()
        for v, kind, _sub in c.phi:
            if (v, kind) not in seen:
                seen.add((v, kind))
                phi.append({"value": v, "kind": kind})
        keep, kk, kseen = [], [], set()
        for v, kind in c.keep:
            if v not in kseen:
                kseen.add(v)
                keep.append(v)
                kk.append(kind)
        rec = OrderedDict([("id", "%s-1-%05d" % (PREFIX, i + 1)), ("family", PREFIX),
                           ("template", "%s/%s" % (style, fn.__name__)), ("text", text),
                           ("phi", phi), ("keep", keep), ("keep_kinds", kk)])
        fatal, soft = verify(rec, c.phi, c.exempt, clean)
        if fatal:
            raise SystemExit("FATAL %s %s: %s" % (rec["id"], rec["template"], "; ".join(fatal[:5])))
        if not soft:
            return rec, c.phi, c.exempt
        stats[rec["template"]] += 1
        LAST_SOFT[rec["template"]] = soft[:3]
    raise SystemExit("could not build %s %s: %s" % (i, fn.__name__, soft[:5]))


def build(verbose=False):
    styles = list(STYLES)
    per_style = N_RECORDS // len(styles)
    assert per_style * len(styles) == N_RECORDS, (len(styles), N_RECORDS)
    counters = {s: [0, 0] for s in styles}
    stats = Counter()
    out = []
    for i in range(N_RECORDS):
        s = styles[i % len(styles)]
        j = i // len(styles)
        clean = (j % 24) in CLEAN_SLOTS
        pool = STYLES[s]["clean" if clean else "phi"]
        fn = pool[counters[s][clean] % len(pool)]
        counters[s][clean] += 1
        out.append(make_record(i, s, fn, clean, stats))
    if verbose:
        for k, v in stats.most_common():
            if v >= 2:
                print("retries %-40s %d %s" % (k, v, LAST_SOFT.get(k)), file=sys.stderr)
    return out


def dump(recs):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r, _m, _e in recs)


def summary(recs):
    kinds = Counter(p["kind"] for r, _m, _e in recs for p in r["phi"])
    clean = sum(1 for r, _m, _e in recs if not r["phi"])
    subs = Counter((s[0] if isinstance(s, tuple) else str(s)) for _r, m, _e in recs for _v, _k, s in m)
    tpls = set(r["template"] for r, _m, _e in recs)
    styles = set(t.split("/")[0] for t in tpls)
    return kinds, clean, subs, tpls, styles


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--out", default=os.path.join(_HERE, OUT_NAME))
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args(argv)
    recs = build(a.verbose)
    data = dump(recs)
    kinds, clean, subs, tpls, styles = summary(recs)
    problems = []
    # independent re-verification of every record
    for r, m, e in recs:
        fatal, soft = verify(r, m, e, not r["phi"])
        problems += ["%s: %s" % (r["id"], x) for x in fatal + soft]
    ids = [r["id"] for r, _m, _e in recs]
    if len(set(ids)) != len(ids):
        problems.append("duplicate ids")
    if len(recs) != N_RECORDS:
        problems.append("record count %d" % len(recs))
    missing = [k for k in KINDS if kinds[k] == 0]
    if missing:
        problems.append("kinds never used: %s" % missing)
    if not 0.17 <= clean / float(len(recs)) <= 0.23:
        problems.append("PHI-free share %.3f" % (clean / float(len(recs))))
    if len(styles) < 15:
        problems.append("only %d styles" % len(styles))
    if data != dump(build()):
        problems.append("generator is not deterministic")
    if a.check:
        if not os.path.exists(a.out):
            problems.append("missing %s" % a.out)
        else:
            with open(a.out, encoding="utf-8") as f:
                disk = f.read()
            if disk != data:
                problems.append("%s differs from regenerated output" % a.out)
            for n, line in enumerate(disk.splitlines()):
                r = json.loads(line)
                for p in r["phi"]:
                    if not occurs(p["value"], r["text"]):
                        problems.append("file line %d: value not in text" % (n + 1))
    else:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(data)
    print("records=%d phi_free=%d styles=%d templates=%d (phi %d, clean %d)" % (
        len(recs), clean, len(styles), sum(len(v["phi"]) + len(v["clean"]) for v in STYLES.values()),
        sum(len(v["phi"]) for v in STYLES.values()), sum(len(v["clean"]) for v in STYLES.values())))
    print("values per kind: " + ", ".join("%s=%d" % (k, kinds[k]) for k in KINDS))
    print("checked subtypes: " + ", ".join("%s=%d" % kv for kv in sorted(subs.items())))
    if problems:
        for p in problems[:40]:
            print("PROBLEM " + p, file=sys.stderr)
        print("FAILED: %d problem(s)" % len(problems), file=sys.stderr)
        return 1
    print("OK" + (" (check)" if a.check else " wrote %s" % a.out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
