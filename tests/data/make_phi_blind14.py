#!/usr/bin/env python3
"""Generate phi_blind14.jsonl: a blind PHI evaluation corpus (family "blind14").

Theme: the long tail of a mental-health practice platform's error and alert
text -- exceptions from many languages' standard libraries and ORMs, form and
gateway validation errors, ETL failures, scheduler and reminder logs, claims,
faxes, pharmacy/lab integration, clinician notes, patient messages, voicemail
transcripts, multilingual emergency contacts, audit/SSO logs, telehealth logs,
search/cache/queue traces, storage paths, bounces, address labels and
eligibility responses.

Usage:
    python3 make_phi_blind14.py            # write phi_blind14.jsonl
    python3 make_phi_blind14.py --check    # regenerate in memory, compare bytes,
                                           # and re-verify every record on disk
    python3 make_phi_blind14.py --probe N  # development aid: draw every template
                                           # N times and report verification failures

Standard library only; deterministic (string seeds through random.Random).
Every record is verified: labelled values are exact substrings; a simulated
perfect scrubber (each labelled value -> [REDACTED:KIND]) leaks nothing under
phi_score's rules; keep tokens survive; and no unlabelled PHI from this
generator's own pools (names, streets, towns, e-mails, phone/date/SSN shapes,
long digit runs, public IPs) remains. A failing record is redrawn with the
next deterministic sub-seed.
"""
import datetime
import json
import os
import random
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import phi_score  # noqa: E402  (leak rules)

OUT_PATH = os.path.join(HERE, "phi_blind14.jsonl")
FAMILY = "blind14"
SEED = "blind14/v1"
N_RECORDS = 600
N_CLEAN = 120
MAX_ATTEMPTS = 400
KINDS = list(phi_score.KINDS)

# ---------------------------------------------------------------------------
# Name pools (given, family) by culture. Includes English-word names,
# nicknames, hyphenated and particle surnames, apostrophes, diacritics.
# ---------------------------------------------------------------------------
CULTURES = {
    "us": (["Tyler", "Brittany", "Kayla", "Dustin", "Shawna", "Garrett", "Madison", "Colton",
            "Brianna", "Caleb", "Megan", "Heather", "Jolene", "Wyatt", "Bobby", "Liz", "Jimmy",
            "Katie", "Becky", "Trish", "Hope", "Faith", "Will", "Grace", "Summer", "Dawn",
            "Sky", "Chance", "Rusty", "Joy", "Ivy", "Crystal", "Amber", "Destiny", "Sterling",
            "Iris", "Hunter", "Mason", "Miles", "Cliff", "Penny", "Sandy", "Frank", "Mark",
            "Rose", "Autumn", "DeShawn", "La'Tonya", "D'Andre", "Mary-Kate", "Anne-Marie",
            "J.R.", "A.J.", "T.J.", "Marybeth", "Jaxon", "Kinsley", "Braxton", "Shaniqua",
            "Tremaine", "Earlene", "Virgil", "Lorraine", "Delbert", "Opal", "Mildred"],
           ["Henderson", "McAllister", "Whitfield", "Pruitt", "Dunleavy", "Baker", "Brown",
            "Smith", "Fox", "Wolf", "Little", "Young", "Black", "Strong", "Bird", "Goodnight",
            "Sparks", "Rainwater", "Lovelace", "Holloway", "Pettigrew", "Blankenship",
            "Stringfellow", "Washington", "Jefferson", "Merriweather", "Crenshaw", "Tillman",
            "Birdsong", "Hardcastle", "Quattlebaum", "Winterbottom"]),
    "hispanic": (["José", "María José", "Guadalupe", "Alejandro", "Ximena", "Juan Carlos",
                  "Yesenia", "Itzel", "Maricela", "Jesús", "Rocío", "Esperanza", "Luz", "Mateo",
                  "Valentina", "Concepción", "Nayeli", "Joaquín", "Marisol", "Inés"],
                 ["García-Márquez", "de la Cruz", "Hernández", "Villaseñor", "Ibarra",
                  "Quintanilla", "Del Toro", "Zúñiga", "Ortega", "Peña", "Saldaña",
                  "Montes de Oca", "Echeverría", "Cienfuegos", "Ruiz-Tagle", "Ocampo"]),
    "chinese": (["Wei", "Xiaoming", "Mei-Ling", "Jiahui", "Zhiwei", "Yuxin", "Hao", "Xiuying",
                 "Guoqiang", "Shu-fen"],
                ["Zhang", "Liu", "Chen", "Huang", "Xu", "Zhao", "Lin", "Guo", "Xie", "Tsai"]),
    "vietnamese": (["Thảo", "Minh", "Ngọc Anh", "Quang", "Thanh Hương", "Duc", "Phượng",
                    "Khoa", "Tuấn", "Hiền"],
                   ["Nguyễn", "Trần", "Phạm", "Lê", "Huỳnh", "Võ", "Đặng", "Bùi"]),
    "korean": (["Ji-woo", "Seo-yeon", "Min-jun", "Hyun-woo", "Eun-ji", "Sung-min", "Da-eun"],
               ["Kim", "Choi", "Jung", "Baek", "Hwang", "Yoon", "Kang"]),
    "japanese": (["Haruto", "Yui", "Kenji", "Aiko", "Takumi", "Noriko", "Hiroshi", "Emiko"],
                 ["Takahashi", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Fujiwara"]),
    "indian": (["Priya", "Aarav", "Lakshmi", "Venkatesh", "Anjali", "Rohan", "Deepika",
                "Sanjay", "Harpreet", "Gurleen", "Meenakshi", "Abhishek"],
               ["Venkataraman", "Chaudhary", "Iyer", "Banerjee", "Reddy", "Subramanian",
                "Deshpande", "Mukherjee", "Sandhu", "Krishnamurthy", "Gill"]),
    "arabic": (["Mohammed", "Fatima", "Yousef", "Layla", "Omar", "Noor", "Khalid", "Aisha",
                "Abdulrahman", "Rania", "Tariq"],
               ["Al-Hassan", "bin Rashid", "El-Amin", "Haddad", "Abdelrahman", "Al Zahrani",
                "Khoury", "Nasrallah", "Al-Masri"]),
    "nigerian": (["Chidinma", "Oluwaseun", "Adaeze", "Emeka", "Temitope", "Ngozi", "Babajide",
                  "Chukwuemeka", "Folasade", "Ifeoma"],
                 ["Okafor", "Adeyemi", "Nwachukwu", "Ogunleye", "Eze", "Okonkwo-Bello",
                  "Adebayo", "Uchenna", "Olawale"]),
    "slavic": (["Olena", "Dmitri", "Svetlana", "Yaroslav", "Anastasia", "Oksana", "Łukasz",
                "Agnieszka", "Wojciech", "Małgorzata", "Bogdan", "Zdenka"],
               ["Kuznetsova", "Volkov", "Shevchenko", "Ivanenko", "Wiśniewski", "Kowalczyk",
                "Szymańska", "Grzybowski", "Dvořák", "Petrović", "Horvat"]),
    "western_eu": (["Jürgen", "Ute", "Friederike", "Lukas", "François", "Zoë", "Aurélie",
                    "Benoît", "Maëlle", "Søren", "Björn", "Ingrid", "Åsa", "Giuseppe",
                    "Chiara", "Annelies", "Pieter"],
                   ["Müller", "Schröder", "von Hagen", "Weißmann", "Lefèvre", "Dubois",
                    "Beaumont", "Gauthier", "de Villiers", "D'Angelo", "Esposito", "Lo Bianco",
                    "Di Stefano", "van der Berg", "de Jong", "van den Heuvel", "Lindqvist",
                    "Østergaard", "Halvorsen"]),
    "irish": (["Siobhán", "Niamh", "Pádraig", "Ciarán", "Aoife", "Eoin", "Gráinne"],
              ["O'Sullivan", "Ní Bhriain", "Mac Giolla", "Ó Murchú", "O'Neill", "McGuinness",
               "Fitzgerald", "Keohane"]),
    "greek_turkish": (["Eleni", "Konstantinos", "Dimitra", "Emre", "Zeynep", "Çağla", "Mehmet",
                       "Stavros"],
                      ["Papadopoulos", "Georgiou", "Karamanlis", "Yılmaz", "Çelik", "Şahin",
                       "Öztürk", "Kaya"]),
    "filipino": (["Maricel", "Jericho", "Rizalina", "Bongbong", "Lourdes", "Jovelyn"],
                 ["Dela Rosa", "Macapagal", "Bautista", "Santos", "Pangilinan", "Villanueva"]),
    "somali_haitian": (["Hodan", "Abdirahman", "Faadumo", "Wisline", "Mackenson", "Nadège",
                        "Fritznel", "Ayaan"],
                       ["Warsame", "Abdi", "Mohamud", "Jean-Baptiste", "Pierre-Louis",
                        "Desrosiers", "Joseph", "Dorvilien"]),
    "lusophone": (["João", "Gonçalo", "Thaís", "Conceição", "Wellington", "Rayssa"],
                  ["Gonçalves", "Magalhães", "Assunção", "Carvalho", "Nascimento", "Brandão"]),
    "native_pacific": (["Keanu", "Leilani", "Kalani", "Nizhoni", "Shandiin", "Ahiga"],
                       ["Yazzie", "Begay", "Tsosie", "Kahananui", "Akana", "Tohee", "Nakai"]),
    "hebrew_persian": (["Avraham", "Shira", "Yael", "Shirin", "Dariush", "Arash", "Mahsa"],
                       ["Ben-David", "Rosenzweig", "Katzenelson", "Hosseini", "Farahani",
                        "Tehrani", "Mizrahi"]),
}
CULTURE_KEYS = sorted(CULTURES)

# Native-script names (given, family, ascii transliteration used in e-mails)
NATIVE_NAMES = [
    ("伟", "张", "zhang.wei"), ("秀英", "王", "wang.xiuying"), ("美玲", "林", "lin.meiling"),
    ("Олена", "Шевченко", "olena.shevchenko"), ("Дмитрий", "Волков", "dmitry.volkov"),
    ("Светлана", "Кузнецова", "svetlana.kuz"), ("فاطمة", "الحسن", "fatima.alhassan"),
    ("يوسف", "حداد", "yousef.haddad"), ("민준", "김", "minjun.kim"), ("지우", "박", "jiwoo.park"),
    ("ハルト", "高橋", "haruto.t"), ("Ελένη", "Παπαδοπούλου", "eleni.pap"),
]

PARTICLES = {"von", "van", "der", "den", "de", "del", "la", "las", "los", "bin", "ibn", "mac",
             "ben", "lo", "di", "da", "dos", "el", "al", "san", "santa", "st", "ní", "ó", "mc"}

# English words / product names deliberately used as non-names in text.
LOOKALIKE_OK = {"crystal", "sterling", "iris", "amber", "destiny", "rusty", "opal", "virgil",
                "chance", "hope", "grace", "will", "joy", "faith", "mark", "frank", "bill",
                "summer", "dawn", "miles", "mason", "hunter", "penny", "sandy", "cliff", "rose",
                "autumn", "sky", "ivy", "joseph", "luz", "noor", "kaya", "gill", "young",
                "little", "strong", "black", "brown", "fox", "wolf", "bird", "baker", "smith",
                "sparks", "santos", "duc", "minh", "kim", "lin", "eze"}

# Service / product names that look like people's names (never in name pools).
LOOKALIKE_SERVICES = ["hermes-notify", "athena-sync", "casper-scheduler", "jarvis-intake",
                      "oscar-eligibility", "marvin-billing", "watson-nlp", "florence-fax",
                      "edison-claims", "alfred-reminders", "rufus-etl", "matilda-portal",
                      "bertha-queue", "clippy-forms", "winston-audit", "agatha-reports",
                      "gordon-gateway", "beatrix-sso", "otto-router", "hal-dialer"]
LOOKALIKE_PRODUCTS = ["Crystal Reports 2020", "Sterling B2B Integrator", "IRIS for Health",
                      "Oscar Health", "Jenkins", "Sidekiq", "Celery", "Kafka", "Cassandra",
                      "Alexa for Business", "Athenahealth", "Watson Assistant", "Hermes",
                      "Sinatra", "Django", "Marvin", "Jarvis"]


# ---------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------
CITIES = [
    ("Plainfield", "NJ", "070"), ("Friendship", "WI", "539"), ("Liberty", "MO", "640"),
    ("Hope", "AR", "718"), ("Plain City", "OH", "430"), ("Commerce", "TX", "754"),
    ("Harmony", "PA", "160"), ("Bath", "ME", "045"), ("Reading", "PA", "196"),
    ("Normal", "IL", "617"), ("Eureka", "CA", "955"), ("Independence", "KS", "673"),
    ("Paradise", "CA", "959"), ("Boring", "OR", "970"), ("Surprise", "AZ", "853"),
    ("Bountiful", "UT", "840"), ("Truth or Consequences", "NM", "879"), ("Hazard", "KY", "417"),
    ("Peculiar", "MO", "647"), ("Mechanicsburg", "PA", "170"), ("Ypsilanti", "MI", "481"),
    ("Walla Walla", "WA", "993"), ("Kalamazoo", "MI", "490"), ("Poughkeepsie", "NY", "126"),
    ("Hialeah", "FL", "330"), ("Chula Vista", "CA", "919"), ("Lafayette", "LA", "705"),
    ("Port St. Lucie", "FL", "349"), ("Coeur d'Alene", "ID", "838"), ("Española", "NM", "875"),
    ("Cañon City", "CO", "812"), ("Mount Pleasant", "SC", "294"), ("Mt. Juliet", "TN", "371"),
    ("Fort Lauderdale", "FL", "333"), ("St. Cloud", "MN", "563"),
    ("Sault Ste. Marie", "MI", "497"), ("Wahiawā", "HI", "967"), ("Window Rock", "AZ", "865"),
    ("Kayenta", "AZ", "860"), ("Bemidji", "MN", "566"), ("Brockton", "MA", "023"),
    ("Worcester", "MA", "016"), ("Lowell", "MA", "018"), ("Tacoma", "WA", "984"),
    ("Dearborn", "MI", "481"), ("Lewiston", "ME", "042"), ("Hamtramck", "MI", "482"),
    ("Bethel", "AK", "995"), ("Brattleboro", "VT", "053"), ("Pawtucket", "RI", "028"),
    ("Dubuque", "IA", "520"), ("Sioux Falls", "SD", "571"), ("Flagstaff", "AZ", "860"),
    ("McAllen", "TX", "785"), ("Kissimmee", "FL", "347"), ("Gary", "IN", "464"),
    ("Cheektowaga", "NY", "142"), ("Nacogdoches", "TX", "759"), ("Opelousas", "LA", "705"),
    ("Chattahoochee", "FL", "323"), ("Social Circle", "GA", "300"), ("Rolling Fork", "MS", "391"),
    ("Elephant Butte", "NM", "879"), ("Marble Falls", "TX", "786"), ("Beaver Dam", "WI", "539"),
]

STREET_BASES = ["Orchard", "Mill Pond", "Church", "Maple", "Old County", "Sawmill", "Cemetery",
                "Ridge", "Quarry", "Water", "Depot", "Schoolhouse", "Cranberry", "Front",
                "Spring", "Liberty", "Union", "Kossuth", "Martin Luther King Jr", "Cesar Chavez",
                "Peachtree", "Elm", "Hickory Hollow", "Dogwood", "Pleasant", "Main", "Bayshore",
                "Bluebonnet", "Tamarack", "Ridgecrest", "Old Post", "Honeysuckle", "Railroad",
                "Foundry", "Cobblestone", "Pinecrest", "Chestnut", "Lakeview", "Willow Bend",
                "Timber Ridge", "Paseo del Norte", "Turkey Trot", "Possum Trot", "Lovers",
                "Frog Hollow", "Tobacco Barn", "Goshen", "Shady Grove", "Sugar Maple",
                "Kalanianaʻole", "Boulder Creek", "Wampanoag"]
STREET_TYPES = ["St", "Street", "Ave", "Ave.", "Avenue", "Rd", "Road", "Ln", "Lane", "Dr",
                "Drive", "Ct", "Blvd", "Way", "Pl", "Ter", "Cir", "Pike", "Trl", "Loop", "Row",
                "Hwy", "Pkwy", "Xing"]
DIRECTIONALS = ["", "", "", "", "N ", "S ", "E ", "W ", "NE ", "SW ", "North ", "West "]
UNITS = ["Apt 3B", "Apt. 12", "Unit 4", "#207", "Ste 310", "Fl 2", "Lot 14", "Trlr 7", "Bsmt",
         "Rear", "Apt C-2", "Spc 31", "Apt 1R", "Unit 12-D", "# 5", "Apt 4F", "Room 9"]

EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "proton.me",
                 "hotmail.com", "aol.com", "comcast.net", "att.net", "web.de", "orange.fr",
                 "gmx.net", "yahoo.com.mx", "hotmail.co.uk", "live.com", "verizon.net",
                 "sbcglobal.net", "me.com", "msn.com", "bellsouth.net"]
PRACTICE_DOMAINS = ["brightpathcounseling.com", "harborlightbh.org", "cedargrovewellness.net",
                    "northstarpsych.com", "opendoorfamilytherapy.org", "riverbendrecovery.org"]
ROLE_LOCALS = {"noreply", "no-reply", "donotreply", "support", "billing", "alerts",
               "postmaster", "mailer-daemon", "intake", "fax", "scheduling", "admin", "ops",
               "oncall", "security", "privacy", "claims", "edi", "referrals", "records",
               "frontdesk", "notifications", "bounces", "git", "reminders", "eligibility",
               "hl7-feed", "help", "it-helpdesk"}

AREA_CODES = ["201", "908", "973", "617", "413", "508", "507", "218", "907", "808", "505",
              "915", "956", "319", "563", "605", "701", "928", "213", "206", "313", "347",
              "702", "786", "859", "606", "802", "401", "414", "920", "636", "816", "870",
              "479", "309", "217", "541", "503", "623", "480", "801", "435", "575", "970",
              "719", "843", "615", "954", "320", "906", "989", "734", "269", "845", "305",
              "619", "337", "985", "208", "207", "936", "830", "229"]

# ---------------------------------------------------------------------------
# Keep pools
# ---------------------------------------------------------------------------
ICD10 = ["F33.1", "F41.1", "F43.10", "F32.A", "F90.0", "F31.81", "F42.2", "F50.01", "F10.20",
         "F11.20", "Z63.0", "F40.10", "F43.22", "F60.3", "G47.00", "Z91.19", "R45.851",
         "F43.12", "F41.0", "F32.1", "F84.0", "F93.0", "Z62.820", "F12.20", "F51.01"]
CPT = ["90791", "90834", "90837", "90847", "90853", "99214", "96127", "90832", "90839",
       "90840", "H0031", "H2019", "99443", "96130", "90846", "H0004", "99213", "G2012"]
PAYERS = ["Aetna", "Cigna", "UnitedHealthcare", "Optum Behavioral Health", "Horizon BCBSNJ",
          "Anthem Blue Cross", "Kaiser Permanente", "Humana", "Magellan Healthcare",
          "Carelon Behavioral Health", "Medicaid", "Medicare Part B", "Tricare East",
          "Molina Healthcare", "Ambetter", "Oscar Health", "Highmark BCBS",
          "Beacon Health Options", "Regence BlueShield", "Empire BCBS", "CareFirst",
          "Harvard Pilgrim", "Tufts Health Plan", "Independence Blue Cross", "MassHealth",
          "Medi-Cal", "AHCCCS", "Wellcare"]
DRUGS = ["sertraline", "escitalopram", "Lexapro", "fluoxetine", "bupropion XL", "venlafaxine ER",
         "duloxetine", "mirtazapine", "trazodone", "quetiapine", "aripiprazole", "lurasidone",
         "lamotrigine", "lithium carbonate", "clonazepam", "lorazepam", "hydroxyzine",
         "buprenorphine-naloxone", "naltrexone", "methylphenidate ER", "Vyvanse", "Adderall XR",
         "prazosin", "Spravato", "zolpidem", "gabapentin", "Suboxone", "Abilify Maintena"]
CLINICS = ["Bright Path Counseling", "Harbor Light Behavioral Health",
           "Cedar Grove Wellness Collective", "Northstar Psychiatry", "Open Door Family Therapy",
           "Riverbend Recovery Center", "Tidewater Mind & Body", "Lantern House Counseling",
           "Blue Heron Psychiatric Associates", "Quiet Harbor Therapy Group",
           "Sunrise Adolescent Services", "Keystone Behavioral Partners"]
STATES = ["NJ", "NY", "MA", "PA", "OH", "TX", "CA", "FL", "MI", "MN", "WA", "OR", "AZ", "NM",
          "IL", "GA", "TN", "KY", "WI", "VT", "ME", "RI", "CO", "UT", "LA", "HI", "AK", "IA"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON = [m[:3] for m in MONTHS]
FR_M = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"]
ES_M = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
        "octubre", "noviembre", "diciembre"]
DE_M = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
        "Oktober", "November", "Dezember"]
PT_M = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
        "outubro", "novembro", "dezembro"]
IT_M = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
        "settembre", "ottobre", "novembre", "dicembre"]
PL_M = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
        "września", "października", "listopada", "grudnia"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORD_SMALL = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth",
             7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth",
             13: "thirteenth", 14: "fourteenth", 15: "fifteenth", 16: "sixteenth",
             17: "seventeenth", 18: "eighteenth", 19: "nineteenth", 20: "twentieth",
             30: "thirtieth"}


def num_words(n):
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else "-" + ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return ONES[n // 100] + " hundred" + ("" if rest == 0 else " and " + num_words(rest))
    raise ValueError(n)


def ord_words(n):
    if n in ORD_SMALL:
        return ORD_SMALL[n]
    return TENS[n // 10] + "-" + ORD_SMALL[n % 10]


def year_words(y):
    if 2000 <= y < 2010:
        return "two thousand" + ("" if y == 2000 else " " + ONES[y - 2000])
    hi, lo = divmod(y, 100)
    if lo == 0:
        return num_words(hi) + " hundred"
    if lo < 10:
        return num_words(hi) + " oh " + ONES[lo]
    return num_words(hi) + " " + num_words(lo)


FOLD_EXTRA = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D", "ı": "i",
              "æ": "ae", "Æ": "AE", "ʻ": "", "’": "'"}


def fold(s):
    s = "".join(FOLD_EXTRA.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


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


def luhn_ok(num):
    return luhn_digit(num[:-1]) == num[-1]


VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
VIN_TR = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3,
                                                4, 5, 6, 7, 8, 9]))
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_check(v):
    s = 0
    for ch, w in zip(v, VIN_W):
        s += (int(ch) if ch.isdigit() else VIN_TR[ch]) * w
    r = s % 11
    return "X" if r == 10 else str(r)


def dea_ok(d):
    if not re.fullmatch(r"[A-Z][A-Z9]\d{7}", d):
        return False
    n = [int(x) for x in d[2:]]
    return (n[0] + n[2] + n[4] + 2 * (n[1] + n[3] + n[5])) % 10 == n[6]


def ssn_ok(s):
    d = re.sub(r"\D", "", s)
    if len(d) != 9:
        return False
    a, g, sn = d[:3], d[3:5], d[5:]
    return a not in ("000", "666") and a[0] != "9" and g != "00" and sn != "0000"


# ---------------------------------------------------------------------------
# Generation context
# ---------------------------------------------------------------------------
class Person(object):
    def __init__(self, c, culture=None, old=False, minor=False, clinician=False):
        self.c = c
        r = c.r
        if culture is None:
            culture = r.choice(CULTURE_KEYS)
        self.culture = culture
        given, fam = CULTURES[culture]
        self.given = r.choice(given)
        # a little cross-cultural mixing (marriage, adoption)
        if r.random() < 0.15:
            fam = CULTURES[r.choice(CULTURE_KEYS)][1]
        self.family = r.choice(fam)
        if r.random() < 0.08 and "-" not in self.family and " " not in self.family:
            other = r.choice(CULTURES[r.choice(CULTURE_KEYS)][1])
            if " " not in other and "-" not in other and other != self.family:
                self.family = self.family + "-" + other
        self.mi = r.choice("ABCDEFGHJKLMNPRSTVW")
        self.sex = r.choice("FM")
        if old:
            y = r.randint(1921, 1933)
        elif minor:
            y = r.randint(2008, 2016)
        elif clinician:
            y = r.randint(1955, 1992)
        else:
            y = r.randint(1938, 2006)
        self.birth = datetime.date(y, r.randint(1, 12), r.randint(1, 28))
        self.clinician = clinician

    # --- renderings (each labels NAME) ---
    def N(self, v):
        return self.c.P(v, "NAME")

    def full(self):
        return self.N("%s %s" % (self.given, self.family))

    def full_mi(self):
        return self.N("%s %s. %s" % (self.given, self.mi, self.family))

    def first(self):
        return self.N(self.given)

    def last(self):
        return self.N(self.family)

    def lf(self):
        return self.N("%s, %s" % (self.family, self.given))

    def LF(self):
        return self.N("%s, %s %s" % (fold(self.family).upper(), fold(self.given).upper(), self.mi))

    def FL(self):
        return self.N("%s %s" % (fold(self.given).upper(), fold(self.family).upper()))

    def init_last(self):
        return self.N("%s. %s" % (fold(self.given)[0], self.family))

    def first_init(self):
        return self.N("%s %s." % (self.given, fold(self.family)[0]))

    def hl7(self):
        return self.N("%s^%s^%s" % (fold(self.family).upper(), fold(self.given).upper(), self.mi))

    def lower(self):
        return self.N(("%s %s" % (self.given, self.family)).lower())

    def up_last(self):
        return self.N(fold(self.family).upper())

    def up_first(self):
        return self.N(fold(self.given).upper())

    def slug(self, sep="_", order="lf", case="lower"):
        a, b = fold(self.family), fold(self.given)
        if order == "fl":
            a, b = b, a
        a = re.sub(r"[^A-Za-z-]", "", a.replace(" ", "-"))
        b = re.sub(r"[^A-Za-z-]", "", b.replace(" ", "-"))
        s = a + sep + b
        if case == "lower":
            s = s.lower()
        elif case == "upper":
            s = s.upper()
        return self.N(s)

    def any_name(self):
        f = self.c.r.choice([self.full, self.full, self.lf, self.LF, self.full_mi, self.init_last,
                             self.FL])
        return f()

    def ascii_local(self):
        g = re.sub(r"[^a-z]", "", fold(self.given).lower())
        f = re.sub(r"[^a-z]", "", fold(self.family).lower())
        return g, f

    def email(self, domain=None, label=True):
        r = self.c.r
        g, f = self.ascii_local()
        yy = "%02d" % (self.birth.year % 100)
        pat = r.choice(["{g}.{f}", "{g}{f}{yy}", "{g0}{f}", "{f}.{g}", "{g}_{f}{n}", "{g}{yy}",
                        "{f}{g0}{n}", "{g}.{f}+portal", "{g0}.{f}{yyyy}", "{g}-{f}"])
        local = pat.format(g=g, f=f, g0=g[:1], yy=yy, yyyy=self.birth.year, n=r.randint(1, 99))
        if domain is None:
            domain = r.choice(PRACTICE_DOMAINS) if self.clinician else r.choice(EMAIL_DOMAINS)
        v = "%s@%s" % (local, domain)
        return self.c.P(v, "EMAIL") if label else v

    def user(self):
        r = self.c.r
        g, f = self.ascii_local()
        pat = r.choice(["{g}.{f0}{yy}", "{f}_{g0}", "{g}{f}{n}", "{g0}{f}", "dr.{f}", "{f}.{g}",
                        "{g}_{yy}_{f0}"])
        u = pat.format(g=g, f=f, g0=g[:1], f0=f[:1], yy="%02d" % (self.birth.year % 100),
                       n=r.randint(2, 999))
        if pat == "dr.{f}" and not self.clinician:
            u = "%s%s%d" % (g, f[:3], r.randint(2, 99))
        return self.c.P(u, "OTHER_ID")

    def dob(self, fmt=None):
        return self.c.date(self.birth, fmt)

    def age(self, words=None):
        if not hasattr(self, "_age"):
            self._age = 2024 - self.birth.year - (1 if self.c.r.random() < 0.4 else 0)
        a = self._age
        if words is None:
            words = self.c.r.random() < 0.3
        if a > 89:
            return self.c.P(num_words(a) if words else str(a), "AGE_OVER_89")
        return str(a)


DATE_FMTS = ["us", "us", "us1", "us2", "iso", "iso", "long", "abbr", "dmy", "DMY", "eu", "uk",
             "hl7", "md", "mdname", "ord", "slash_ymd", "weekday", "rfc", "dot_ymd", "long_nc"]


class Ctx(object):
    def __init__(self, rng):
        self.r = rng
        self.phi = []
        self.keep = []
        self.kk = []

    # --- basics ---
    def P(self, v, kind):
        assert kind in KINDS, kind
        self.phi.append((v, kind))
        return v

    def K(self, v, kind):
        v = str(v)
        self.keep.append(v)
        self.kk.append(kind)
        return v

    def ch(self, seq):
        return self.r.choice(seq)

    def ri(self, a, b):
        return self.r.randint(a, b)

    def digits(self, n, first_nonzero=False):
        s = "".join(self.r.choice("0123456789") for _ in range(n))
        if first_nonzero:
            s = self.r.choice("123456789") + s[1:]
        return s

    def hexs(self, n, upper=False):
        s = "".join(self.r.choice("0123456789abcdef") for _ in range(n))
        return s.upper() if upper else s

    def alnum(self, n, alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def letters(self, n, alphabet="ABCDEFGHJKLMNPRSTUVWXYZ"):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def J(self, obj, indent=None):
        return json.dumps(obj, ensure_ascii=False, indent=indent)

    # --- people ---
    def person(self, **kw):
        return Person(self, **kw)

    def native(self):
        return self.r.choice(NATIVE_NAMES)

    # --- dates ---
    def fmt_date(self, d, fmt):
        m, dd, y = d.month, d.day, d.year
        if fmt == "us":
            return "%02d/%02d/%04d" % (m, dd, y)
        if fmt == "us1":
            return "%d/%d/%04d" % (m, dd, y)
        if fmt == "us2":
            return "%d/%d/%02d" % (m, dd, y % 100)
        if fmt == "usdash":
            return "%02d-%02d-%04d" % (m, dd, y)
        if fmt == "iso":
            return d.isoformat()
        if fmt == "long":
            return "%s %d, %d" % (MONTHS[m - 1], dd, y)
        if fmt == "long_nc":
            return "%s %d %d" % (MONTHS[m - 1], dd, y)
        if fmt == "abbr":
            return "%s %d, %d" % (MON[m - 1], dd, y)
        if fmt == "dmy":
            return "%02d-%s-%d" % (dd, MON[m - 1], y)
        if fmt == "DMY":
            return "%02d-%s-%d" % (dd, MON[m - 1].upper(), y)
        if fmt == "eu":
            return "%02d.%02d.%d" % (dd, m, y)
        if fmt == "uk":
            return "%02d/%02d/%d" % (dd, m, y)
        if fmt == "hl7":
            return "%04d%02d%02d" % (y, m, dd)
        if fmt == "py":
            return "datetime.date(%d, %d, %d)" % (y, m, dd)
        if fmt == "md":
            return "%d/%d" % (m, dd)
        if fmt == "mdname":
            return "%s %d" % (MONTHS[m - 1], dd)
        if fmt == "ord":
            sfx = "th" if 11 <= dd <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(dd % 10, "th")
            return "%s %d%s" % (MONTHS[m - 1], dd, sfx)
        if fmt == "slash_ymd":
            return "%d/%02d/%02d" % (y, m, dd)
        if fmt == "dot_ymd":
            return "%d.%02d.%02d" % (y, m, dd)
        if fmt == "weekday":
            return "%s, %s %d, %d" % (WEEKDAYS[d.weekday()], MONTHS[m - 1], dd, y)
        if fmt == "rfc":
            return "%d %s %d" % (dd, MON[m - 1], y)
        if fmt == "fr":
            return "%d %s %d" % (dd, FR_M[m - 1], y)
        if fmt == "es":
            return "%d de %s de %d" % (dd, ES_M[m - 1], y)
        if fmt == "de":
            return "%d. %s %d" % (dd, DE_M[m - 1], y)
        if fmt == "pt":
            return "%d de %s de %d" % (dd, PT_M[m - 1], y)
        if fmt == "it":
            return "%d %s %d" % (dd, IT_M[m - 1], y)
        if fmt == "pl":
            return "%d %s %d" % (dd, PL_M[m - 1], y)
        if fmt == "vi":
            return "ngày %d tháng %d năm %d" % (dd, m, y)
        if fmt == "zh":
            return "%d年%d月%d日" % (y, m, dd)
        if fmt == "spoken":
            return "%s %s %s" % (MONTHS[m - 1].lower(), ord_words(dd), year_words(y))
        if fmt == "spoken_md":
            return "%s %s" % (MONTHS[m - 1].lower(), ord_words(dd))
        if fmt == "javadate":
            return "%s %s %02d 00:00:00 %s %d" % (WEEKDAYS[d.weekday()][:3], MON[m - 1], dd,
                                                  self.ch(["EST", "EDT", "CST", "PDT", "UTC"]), y)
        if fmt == "jsiso":
            return "%sT00:00:00.000Z" % d.isoformat()
        if fmt == "x12":
            return "%04d%02d%02d" % (y, m, dd)
        if fmt == "ymd_compact_dash":
            return "%04d-%02d-%02d" % (y, m, dd)
        if fmt == "dmy_compact":
            return "%02d%02d%04d" % (dd, m, y)
        if fmt == "mdy_compact":
            return "%02d%02d%04d" % (m, dd, y)
        raise ValueError(fmt)

    def date(self, d, fmt=None):
        if fmt is None:
            fmt = self.ch(DATE_FMTS)
        return self.P(self.fmt_date(d, fmt), "DATE")

    def rand_day(self, y0=2023, y1=2025):
        start = datetime.date(y0, 1, 1).toordinal()
        end = datetime.date(y1, 12, 28).toordinal()
        return datetime.date.fromordinal(self.ri(start, end))

    def appt(self, fmt=None, d=None):
        if d is None:
            d = self.rand_day(2024, 2025)
        return self.date(d, fmt)

    def past(self, fmt=None, y0=2019, y1=2024):
        return self.date(self.rand_day(y0, y1), fmt)

    # --- contact ---
    def nanp(self):
        a = self.ch(AREA_CODES)
        e = self.ch("23456789") + self.digits(2)
        if e[1:] == "11":
            e = e[0] + "21"
        return a, e, self.digits(4)

    def phone_str(self, fmt=None):
        a, e, l = self.nanp()
        if fmt is None:
            fmt = self.ch(["paren", "dash", "dash", "dot", "space", "e164", "plus1", "raw", "one",
                           "paren_nospace", "intl"])
        if fmt == "paren":
            return "(%s) %s-%s" % (a, e, l)
        if fmt == "paren_nospace":
            return "(%s)%s-%s" % (a, e, l)
        if fmt == "dash":
            return "%s-%s-%s" % (a, e, l)
        if fmt == "dot":
            return "%s.%s.%s" % (a, e, l)
        if fmt == "space":
            return "%s %s %s" % (a, e, l)
        if fmt == "e164":
            return "+1%s%s%s" % (a, e, l)
        if fmt == "plus1":
            return "+1 %s-%s-%s" % (a, e, l)
        if fmt == "raw":
            return "%s%s%s" % (a, e, l)
        if fmt == "one":
            return "1-%s-%s-%s" % (a, e, l)
        if fmt == "intl":
            return self.intl_phone()
        raise ValueError(fmt)

    def intl_phone(self, cc=None):
        d = self.digits
        opts = {
            "44": lambda: "+44 7%s %s" % (d(3), d(6)),
            "52": lambda: "+52 1 %s %s %s" % (self.ch(["55", "33", "81", "664"]), d(4), d(4)),
            "234": lambda: "+234 80%s %s %s" % (self.ch("3678"), d(3), d(4)),
            "91": lambda: "+91 9%s %s" % (d(4), d(5)),
            "63": lambda: "+63 917 %s %s" % (d(3), d(4)),
            "33": lambda: "+33 6 %s %s %s %s" % (d(2), d(2), d(2), d(2)),
            "49": lambda: "+49 15%s %s" % (d(1), d(8)),
            "84": lambda: "+84 9%s %s %s" % (d(1), d(3), d(4)),
            "86": lambda: "+86 13%s %s %s" % (d(1), d(4), d(4)),
            "252": lambda: "+252 61 %s %s" % (d(3), d(4)),
            "509": lambda: "+509 3%s %s %s" % (d(1), d(2), d(4)),
            "55": lambda: "+55 11 9%s-%s" % (d(4), d(4)),
            "7": lambda: "+7 916 %s-%s-%s" % (d(3), d(2), d(2)),
            "380": lambda: "+380 67 %s %s" % (d(3), d(4)),
            "48": lambda: "+48 %s %s %s" % (self.ch(["501", "602", "790"]), d(3), d(3)),
            "351": lambda: "+351 91 %s %s" % (d(3), d(4)),
            "971": lambda: "00971 50 %s %s" % (d(3), d(4)),
            "82": lambda: "+82 10-%s-%s" % (d(4), d(4)),
        }
        if cc is None:
            cc = self.ch(sorted(opts))
        return opts[cc]()

    def phone(self, fmt=None):
        return self.P(self.phone_str(fmt), "PHONE")

    def fax(self, fmt=None):
        if fmt is None:
            fmt = self.ch(["paren", "dash", "dot", "space", "one", "e164", "raw"])
        return self.P(self.phone_str(fmt), "FAX")

    def spoken_phone(self, kind="PHONE"):
        a, e, l = self.nanp()
        w = lambda s: " ".join(("oh" if (ch == "0" and self.r.random() < 0.5) else ONES[int(ch)])
                               for ch in s)
        sep = self.ch([", ", " ", " dash ", "... "])
        return self.P(w(a) + sep + w(e) + sep + w(l), kind)

    # --- places ---
    def street(self, unit=None, upper=False):
        r = self.r
        k = r.random()
        if k < 0.08:
            s = self.ch(["RR %d Box %d" % (self.ri(1, 9), self.ri(1, 399)),
                         "Rural Route %d, Box %d" % (self.ri(1, 6), self.ri(1, 250)),
                         "HC %d Box %d" % (self.ri(30, 89), self.ri(1, 999))])
        elif k < 0.15:
            s = self.ch(["PO Box %d" % self.ri(1, 19999), "P.O. Box %d" % self.ri(1, 9999),
                         "P O BOX %d" % self.ri(1, 2999)])
        elif k < 0.2:
            s = self.ch(["N%d County Rd %s" % (self.ri(1000, 9999), self.ch("KJMQBX")),
                         "W%d State Rd %d" % (self.ri(1000, 9999), self.ri(11, 99)),
                         "%d State Highway %d" % (self.ri(100, 29999), self.ri(1, 299)),
                         "%d County Road %d" % (self.ri(10, 9999), self.ri(1, 450))])
        elif k < 0.28:
            n = self.ri(1, 240)
            sfx = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
            s = "%s %s%d%s %s" % (self.ch(["%d" % self.ri(1, 9999), "%d-%02d" % (self.ri(10, 250), self.ri(1, 99))]),
                                  self.ch(["W ", "E ", "NE ", "SW ", ""]), n, sfx,
                                  self.ch(["St", "Ave", "Street", "Pl", "Ter"]))
        else:
            num = self.ch(["%d" % self.ri(1, 99), "%d" % self.ri(100, 999), "%d" % self.ri(1000, 9999),
                           "%d" % self.ri(10000, 29999), "%d 1/2" % self.ri(10, 999)])
            s = "%s %s%s %s" % (num, self.ch(DIRECTIONALS), self.ch(STREET_BASES),
                                self.ch(STREET_TYPES))
            if unit is None:
                unit = r.random() < 0.35
            if unit:
                s += self.ch([" ", ", ", " "]) + self.ch(UNITS)
        if upper:
            s = fold(s).upper()
        return self.P(s, "ADDRESS")

    def city_state(self, upper=False):
        city, st, z3 = self.ch(CITIES)
        self._z3 = z3
        if upper:
            city = fold(city).upper()
        return self.P(city, "CITY"), st

    def zip(self, plus4=None, z3=None, sep="-"):
        z3 = z3 or getattr(self, "_z3", None) or self.ch(CITIES)[2]
        z = z3 + self.digits(2)
        if z == "00000":
            z = z3 + "12"
        if plus4 is None:
            plus4 = self.r.random() < 0.35
        if plus4:
            z = z + sep + self.digits(4, first_nonzero=True)
        return self.P(z, "ZIP")

    def addr_line(self, upper=False, comma=True):
        """street, City, ST ZIP -- all labelled; state kept as plain text."""
        s = self.street(upper=upper)
        city, st = self.city_state(upper=upper)
        z = self.zip()
        return "%s%s %s, %s %s" % (s, "," if comma else "", city, st, z)

    # --- identifiers ---
    def ssn(self, fmt=None):
        r = self.r
        while True:
            a = "%03d" % self.ri(1, 899)
            if a != "666":
                break
        g = "%02d" % self.ri(1, 99)
        s = "%04d" % self.ri(1, 9999)
        if fmt is None:
            fmt = self.ch(["dash", "dash", "dash", "raw", "space"])
        v = {"dash": "%s-%s-%s", "raw": "%s%s%s", "space": "%s %s %s"}[fmt] % (a, g, s)
        return self.P(v, "SSN")

    def mrn(self):
        d = self.digits
        v = self.ch(["BP%s" % d(7), "BP-%s" % d(7), "MRN-%s" % d(7), "E%s" % d(7), "1%s" % d(8),
                     "%s-%s-%s" % (self.letters(1), d(3), d(4)), "CH%s-%s" % (d(2), d(5)),
                     "MHC-%s-%s" % (d(5), self.letters(1)), "00%s" % d(6), "HLC%s" % d(8),
                     "PT%s" % d(6), "%s%s" % (self.letters(2), d(6)), "C-%s" % d(6),
                     "NSP.%s.%s" % (d(3), d(4))])
        return self.P(v, "MRN")

    def member_id(self):
        d = self.digits
        v = self.ch(["%s%s" % (self.letters(3), d(9)), "W%s" % d(9), "%s%s%s" % (self.letters(3), d(8), d(2)),
                     "%s%s" % (d(9), self.letters(1)), "U%s-%s" % (d(7), d(2)),
                     "%s-%s-%s" % (self.letters(1) + d(3), d(3), d(4)), "YP%s" % d(7),
                     "MCD%s" % d(9), "%s%s" % (self.letters(1), d(8)), self.mbi(), "H%s" % d(10),
                     "%s%s" % (d(11), self.letters(2))])
        return self.P(v, "HEALTH_PLAN")

    def mbi(self, dashed=None):
        L = "ACDEFGHJKMNPQRTUVWXY"
        AN = L + "0123456789"
        c = [self.ch("123456789"), self.ch(L), self.ch(AN), self.ch("0123456789"), self.ch(L),
             self.ch(AN), self.ch("0123456789"), self.ch(L), self.ch(L), self.ch("0123456789"),
             self.ch("0123456789")]
        s = "".join(c)
        if dashed is None:
            dashed = self.r.random() < 0.4
        if dashed:
            s = s[:4] + "-" + s[4:7] + "-" + s[7:]
        return s

    def group_no(self):
        d = self.digits
        v = self.ch(["%s-%s" % (d(7), d(2)), "%s" % d(6), "G%s" % d(7), "%s%s" % (self.letters(2), d(5)),
                     "0%s" % d(5), "GRP%s" % d(6)])
        return self.P(v, "HEALTH_PLAN")

    def account(self):
        d = self.digits
        v = self.ch(["ACCT-%d-%s" % (self.ri(2019, 2025), d(6)), "PA%s" % d(7), "%s" % d(8),
                     "GUAR-%s-%s" % (d(4), d(3)), "%s-%s" % (d(5), d(1)), "A%s" % d(7),
                     "SP-%s" % d(6), "%s%s" % (self.letters(2), d(7)), "000%s" % d(7)])
        return self.P(v, "ACCOUNT")

    def bank_account(self):
        return self.P(self.digits(self.ri(8, 12), first_nonzero=True), "ACCOUNT")

    def card(self, grouped=True):
        pfx = self.ch(["4", "51", "52", "55", "37", "6011"])
        ln = 15 if pfx == "37" else 16
        body = pfx + self.digits(ln - len(pfx) - 1)
        num = body + luhn_digit(body)
        if grouped:
            if ln == 16:
                num = " ".join(num[i:i + 4] for i in range(0, 16, 4))
            else:
                num = "%s %s %s" % (num[:4], num[4:10], num[10:])
        return self.P(num, "ACCOUNT")

    def npi(self):
        base = self.ch("12") + self.digits(8)
        return self.P(base + luhn_digit("80840" + base), "LICENSE")

    def dea(self, person=None):
        first = self.ch("ABFGM")
        if person is not None:
            sec = (re.sub(r"[^A-Z]", "", fold(person.family).upper()) or "X")[0]
        else:
            sec = self.ch("ABCDEFGHJKLMNPRSTW")
        n = [self.ri(0, 9) for _ in range(6)]
        chk = (n[0] + n[2] + n[4] + 2 * (n[1] + n[3] + n[5])) % 10
        return self.P(first + sec + "".join(map(str, n)) + str(chk), "LICENSE")

    def state_lic(self):
        d = self.digits
        v = self.ch(["LMHC%s" % d(5), "PSY %s" % d(5), "LCSW-%s" % d(6), "LPC.%s" % d(4),
                     "MD%s" % d(6), "%sMF%s" % (d(2), d(6)), "LP%s" % d(5), "RN-%s" % d(7),
                     "APRN-CNP.%s" % d(5), "LICSW %s" % d(6), "PS0%s" % d(5), "LMFT %s" % d(5),
                     "CADC-%s" % d(4), "37PS%s" % d(6)])
        return self.P(v, "LICENSE")

    def dl(self):
        d = self.digits
        v = self.ch(["%s%s-%s-%s" % (self.letters(1), d(3), d(4), d(4)), "%s%s" % (self.letters(1), d(7)),
                     d(9), "%s %s %s" % (d(3), d(3), d(3)), "%s%s%s" % (self.letters(1), d(12), ""),
                     "%s-%s-%s-%s" % (self.letters(1), d(3), d(3), d(3)), "DL%s" % d(8)])
        return self.P(v, "LICENSE")

    def vin(self):
        wmi = self.ch(["1HG", "2T1", "3FA", "5YJ", "JTD", "WVW", "1FT", "KNA", "4T1", "1C4", "1GN",
                       "2HK", "JM1", "5NP", "1N4", "3VW"])
        vds = self.alnum(5, VIN_CHARS)
        yr = self.ch("ABCDEFGHJKLMNPRSTVWXY123456789")
        plant = self.ch("ABCDEFGHJKLMNPRSTUVWXYZ0123456789")
        ser = self.digits(6)
        v = wmi + vds + "0" + yr + plant + ser
        v = v[:8] + vin_check(v) + v[9:]
        return self.P(v, "VEHICLE")

    def plate(self):
        L, d = self.letters, self.digits
        st = self.ch(STATES)
        p = self.ch(["%s%s%s" % (d(1, True), L(3), d(3)), "%s-%s" % (L(3), d(4)), "%s %s" % (L(3), d(4)),
                     "%s-%s" % (d(3), L(3)), "%s%s %s" % (d(1, True), L(2), d(4)), "%s%s%s" % (L(1), d(2), L(3)),
                     "%s%s" % (L(2), d(5)), "%s·%s" % (d(3), L(3))])
        return self.P(p, "VEHICLE"), st

    def imei(self, grouped=None):
        tac = self.ch(["35391110", "35332510", "35875610", "86769703", "35209911", "35467611",
                       "01332700", "35698510"])
        body = tac + self.digits(6)
        num = body + luhn_digit(body)
        if grouped is None:
            grouped = self.r.random() < 0.3
        if grouped:
            num = "%s-%s-%s-%s" % (num[:2], num[2:8], num[8:14], num[14])
        return self.P(num, "DEVICE")

    def serial(self):
        A = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
        v = self.ch(["C02%s" % self.alnum(9, A), "F%s" % self.alnum(11, A), "DMP%s" % self.alnum(9, A),
                     "R58%s" % self.alnum(8, A), "FB%s-%s" % (self.digits(3), self.hexs(6, True)),
                     "SN%s" % self.digits(10), "%s-%s-%s" % (self.alnum(4, A), self.alnum(4, A), self.alnum(4, A)),
                     "G%s" % self.alnum(13, A), "%s" % self.digits(12),
                     "00008%s-%s" % (self.digits(3), self.hexs(16, True))])
        return self.P(v, "DEVICE")

    def mac(self):
        return self.P(":".join(self.hexs(2) for _ in range(6)), "DEVICE")

    def udid(self):
        if self.r.random() < 0.7:
            return self.P("0000%s-%s" % (self.ch(["8101", "8110", "8120", "8030", "8140"]), self.hexs(16, True)), "DEVICE")
        return self.P(self.hexs(40), "DEVICE")

    def ipv4(self):
        a = self.ch([24, 50, 66, 67, 68, 69, 71, 72, 73, 74, 75, 76, 96, 97, 98, 99, 107, 108,
                     173, 174, 184, 199, 204, 208, 209, 47, 65, 70, 104, 162])
        return self.P("%d.%d.%d.%d" % (a, self.ri(0, 255), self.ri(0, 255), self.ri(1, 254)), "IP")

    def ipv6(self):
        pfx = self.ch(["2601:%x" % self.ri(0x100, 0xfff), "2600:1700", "2607:fb90", "2603:%x" % self.ri(0x6000, 0x90ff),
                       "2a02:%x" % self.ri(0x100, 0xffff), "2806:%x" % self.ri(0x100, 0xfff)])
        groups = [("%x" % self.ri(0, 0xffff)) for _ in range(self.ri(2, 3))]
        tail = [("%x" % self.ri(1, 0xffff)) for _ in range(self.ri(1, 2))]
        return self.P(pfx + ":" + ":".join(groups) + "::" + ":".join(tail), "IP")

    def ip(self):
        return self.ipv4() if self.r.random() < 0.7 else self.ipv6()

    def rx(self):
        v = self.ch(["%s" % self.digits(7, True), "RX-%s" % self.digits(7), "Rx%s" % self.digits(8),
                     "%s-%s" % (self.digits(4, True), self.digits(5))])
        return self.P(v, "OTHER_ID")

    def other_id(self, what=None):
        d = self.digits
        gen = {
            "court": lambda: self.ch(["%d-CR-%s" % (self.ri(2019, 2024), d(6)), "FC-%s-%s" % (d(2), d(6)),
                                      "%dJV%s" % (self.ri(19, 24), d(5)), "CV-%s-%s-%s" % (d(2), d(4), self.letters(2))]),
            "probation": lambda: "PRB-%s" % d(6),
            "student": lambda: self.ch(["S%s" % d(8), "%s" % d(9, True)]),
            "employee": lambda: self.ch(["EMP-%s" % d(5), "E%s" % d(6), "W%s" % d(7)]),
            "eap": lambda: "EAP-%d-%s" % (self.ri(2022, 2025), d(5)),
            "passport": lambda: self.ch(["%s%s" % (self.letters(1), d(8)), d(9, True)]),
            "accession": lambda: self.ch(["ACC%s-%s" % (d(2), d(7)), "L%s" % d(10), "%sX%s" % (d(3), d(6))]),
            "auth": lambda: self.ch(["PA%s" % d(10), "AUTH-%s" % d(8), "%s%s" % (d(9), self.letters(1))]),
            "caqh": lambda: d(8, True),
            "case": lambda: self.ch(["CPS-%s-%s" % (d(4), d(5)), "DCF#%s" % d(7), "CASE %s-%s" % (d(3), d(5))]),
            "medicaid_case": lambda: self.ch(["%s" % d(10, True), "CN%s" % d(8)]),
        }
        if what is None:
            what = self.ch(sorted(gen))
        return self.P(gen[what](), "OTHER_ID")

    def age90(self, words=None):
        a = self.ri(90, 104)
        if words is None:
            words = self.r.random() < 0.35
        return self.P(num_words(a) if words else str(a), "AGE_OVER_89")

    # --- keep tokens ---
    def ts(self, fmt=None):
        d = self.rand_day(2024, 2025)
        h, mi, s, ms = self.ri(0, 23), self.ri(0, 59), self.ri(0, 59), self.ri(0, 999)
        if fmt is None:
            fmt = self.ch(["isoz", "isoz", "isoms", "space", "comma", "offset", "apache", "syslog",
                           "golog", "epoch_ms", "bracket"])
        if fmt == "isoz":
            v = "%sT%02d:%02d:%02dZ" % (d.isoformat(), h, mi, s)
        elif fmt == "isoms":
            v = "%sT%02d:%02d:%02d.%03dZ" % (d.isoformat(), h, mi, s, ms)
        elif fmt == "space":
            v = "%s %02d:%02d:%02d" % (d.isoformat(), h, mi, s)
        elif fmt == "comma":
            v = "%s %02d:%02d:%02d,%03d" % (d.isoformat(), h, mi, s, ms)
        elif fmt == "offset":
            v = "%sT%02d:%02d:%02d%s" % (d.isoformat(), h, mi, s, self.ch(["-05:00", "-04:00", "+00:00", "-07:00"]))
        elif fmt == "apache":
            v = "%02d/%s/%d:%02d:%02d:%02d +0000" % (d.day, MON[d.month - 1], d.year, h, mi, s)
        elif fmt == "syslog":
            v = "%s %2d %02d:%02d:%02d" % (MON[d.month - 1], d.day, h, mi, s)
        elif fmt == "golog":
            v = "%d/%02d/%02d %02d:%02d:%02d" % (d.year, d.month, d.day, h, mi, s)
        elif fmt == "epoch_ms":
            v = str(self.ri(1704067200, 1767225599) * 1000 + ms)
        elif fmt == "epoch":
            v = str(self.ri(1704067200, 1767225599))
        elif fmt == "bracket":
            v = "%02d:%02d:%02d.%03d" % (h, mi, s, ms)
        elif fmt == "hms":
            v = "%02d:%02d:%02d" % (h, mi, s)
        elif fmt == "hl7ts":
            v = "%d%02d%02d%02d%02d%02d" % (d.year, d.month, d.day, h, mi, s)
        else:
            raise ValueError(fmt)
        return self.K(v, "timestamp")

    def uuid(self, keep=True):
        v = "%s-%s-4%s-%s%s-%s" % (self.hexs(8), self.hexs(4), self.hexs(3), self.ch("89ab"),
                                   self.hexs(3), self.hexs(12))
        return self.K(v, "uuid") if keep else v

    def req(self):
        v = self.ch(["req_%s" % self.alnum(20, "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"),
                     self.hexs(32), "%s-%s" % (self.hexs(8), self.hexs(4)),
                     "Root=1-%s-%s" % (self.hexs(8), self.hexs(24))])
        return self.K(v, "request_id")

    def sha(self, n=None):
        return self.K(self.hexs(n or self.ch([7, 12, 40, 64])), "hash")

    def ver(self):
        v = self.ch(["v%d.%d.%d" % (self.ri(1, 9), self.ri(0, 30), self.ri(0, 20)),
                     "%d.%d.%d" % (self.ri(1, 24), self.ri(0, 20), self.ri(0, 40)),
                     "%d.%d.%d-rc.%d" % (self.ri(1, 5), self.ri(0, 9), self.ri(0, 9), self.ri(1, 4)),
                     "%d.%d" % (self.ri(1, 20), self.ri(0, 12))])
        return self.K(v, "version")

    def icd(self):
        return self.K(self.ch(ICD10), "icd10")

    def cpt(self):
        return self.K(self.ch(CPT), "cpt")

    def payer(self):
        return self.K(self.ch(PAYERS), "payer")

    def drug(self):
        return self.K(self.ch(DRUGS), "drug")

    def clinic(self):
        return self.K(self.ch(CLINICS), "clinic")

    def svc(self, name=None):
        return self.K(name or self.ch(LOOKALIKE_SERVICES), "service")

    def product(self):
        return self.K(self.ch(LOOKALIKE_PRODUCTS), "product")

    def dbid(self, lo=100, hi=9999999):
        return self.K(str(self.ri(lo, hi)), "db_id")

    def pip(self):
        v = self.ch(["10.%d.%d.%d" % (self.ri(0, 255), self.ri(0, 255), self.ri(1, 254)),
                     "172.%d.%d.%d" % (self.ri(16, 31), self.ri(0, 255), self.ri(1, 254)),
                     "127.0.0.1"])
        return self.K(v, "private_ip")

    def port(self):
        return self.K(str(self.ch([5432, 6379, 8443, 443, 9092, 27017, 3306, 5672, 8080, 9200,
                                   11211, 2575, 4318, 6432])), "port")

    def dur(self):
        v = self.ch(["%dms" % self.ri(3, 30000), "%.2fs" % (self.ri(10, 9000) / 100.0),
                     "%d ms" % self.ri(3, 30000), "%.1fs" % (self.ri(1, 900) / 10.0)])
        return self.K(v, "duration")

    def status(self, v=None):
        return self.K(v or self.ch(["400", "401", "403", "404", "409", "422", "429", "500", "502",
                                    "503", "504"]), "status")

    def ex(self, v):
        return self.K(v, "exception")

    def tbl(self, v):
        return self.K(v, "table")

    def col(self, v):
        return self.K(v, "column")

    def job(self):
        v = self.ch(["job-%s" % self.hexs(8), "jid=%s" % self.hexs(24), "%d" % self.ri(100000, 9999999),
                     "task_%s" % self.hexs(10)])
        return self.K(v, "job_id")

    def amt(self, dollar=True):
        v = "%d.%02d" % (self.ri(5, 980), self.ch([0, 0, 0, 50, 25, 75, 13, 40]))
        return self.K(("$" + v) if dollar else v, "amount")

    def icd_x12(self):
        return self.K(self.ch(ICD10).replace(".", ""), "icd10")

    def cnt(self, lo=1, hi=5000):
        return self.K(str(self.ri(lo, hi)), "count")

    def code(self, v):
        return self.K(v, "code")


# ---------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------
TEMPLATES = []


def T(style, clean=False):
    def deco(fn):
        TEMPLATES.append((style, fn.__name__, fn, clean))
        return fn
    return deco


# ===== JVM: Java / Kotlin =====================================================
@T("jvm")
def jvm_pg_unique_email(c):
    p = c.person()
    em = p.email()
    return (f"""{c.ts('comma')} ERROR 1 --- [nio-8443-exec-{c.ri(1, 40)}] o.h.engine.jdbc.spi.SqlExceptionHelper   : ERROR: duplicate key value violates unique constraint "clients_email_lower_idx"
  Detail: Key (lower(email::text))=({em}) already exists.
{c.ex('org.springframework.dao.DataIntegrityViolationException')}: could not execute statement; SQL [n/a]; constraint [clients_email_lower_idx]
\tat com.brightpath.intake.ClientService.register(ClientService.java:{c.ri(40, 400)})
DEBUG request: firstName={p.first()}, lastName={p.last()}, email={em}, phone={c.phone()}""")


@T("jvm")
def jvm_jackson_dob(c):
    p = c.person()
    d = p.dob(c.ch(["us", "uk", "us1"]))
    body = c.J({"lastName": p.last(), "firstName": p.first(), "dob": d, "phone": c.phone(),
                "referralSource": "website"})
    return (f"""{c.ex('com.fasterxml.jackson.databind.exc.InvalidFormatException')}: Cannot deserialize value of type `java.time.LocalDate` from String "{d}": Failed to deserialize java.time.LocalDate: (java.time.format.DateTimeParseException) Text '{d}' could not be parsed at index 2
 at [Source: (String){body}; line: 1, column: {c.ri(20, 90)}] (through reference chain: com.brightpath.intake.api.IntakeForm["dob"])
\tat com.fasterxml.jackson.databind.exc.InvalidFormatException.from(InvalidFormatException.java:67)
status={c.status('400')} path=/api/v2/intake trace={c.req()}""")


@T("jvm")
def jvm_entity_tostring(c):
    p = c.person()
    return (f"""{c.ts('comma')}  WARN 7 --- [scheduling-1] c.b.sync.EhrSyncJob : Skipping Patient{{id={c.dbid()}, mrn='{c.mrn()}', firstName='{p.first()}', lastName='{p.last()}', dob={p.dob('iso')}, ssn='{c.ssn('dash')}', primaryPayer='{c.payer()}', active=true}} -- upstream returned {c.status('409')} after {c.dur()}""")


@T("jvm")
def jvm_kotlin_dataclass(c):
    p = c.person()
    return (f"""Exception in thread "reminder-worker-{c.ri(1, 8)}" {c.ex('java.lang.IllegalStateException')}: Client(id={c.dbid()}, name={p.full()}, birthDate={p.dob('iso')}, phone={c.phone('e164')}, email={p.email()}, insurance=null) has no primary insurance on file
\tat com.northstar.reminders.EligibilityGate.check(EligibilityGate.kt:{c.ri(20, 120)})
\tat com.northstar.reminders.ReminderJob.run(ReminderJob.kt:{c.ri(20, 90)})
\tat kotlinx.coroutines.DispatchedTask.run(DispatchedTask.kt:108)""")


@T("jvm")
def jvm_npe_referral(c):
    doc = c.person(clinician=True)
    p = c.person()
    return (f"""{c.ex('java.lang.NullPointerException')}: Cannot invoke "String.trim()" because the return value of "com.harborlight.referrals.Referral.getFaxNumber()" is null
\tat com.harborlight.referrals.FaxRouter.route(FaxRouter.java:{c.ri(30, 300)})
Context: referral {c.dbid()} from Dr. {doc.full()} (NPI {c.npi()}) for {p.lf()} DOB {p.dob()} -- office phone on file {c.phone()}, fax missing""")


@T("jvm")
def jvm_bean_validation(c):
    p = c.person()
    g = c.person()
    ph = c.phone_str("dash")
    c.P(ph, "PHONE")
    return (f"""{c.ex('jakarta.validation.ConstraintViolationException')}: registerMinor.arg0.guardian.phone: must match "\\d{{10}}", registerMinor.arg0.dateOfBirth: must be a past date
  [ConstraintViolationImpl{{interpolatedMessage='must match "\\d{{10}}"', propertyPath=registerMinor.arg0.guardian.phone, rootBeanClass=class com.sunrise.intake.MinorIntake, invalidValue={ph}}}]
  rootBean=MinorIntake(child={p.full()}, dateOfBirth={p.dob('iso')}, guardian=Guardian(name={g.full()}, relationship=MOTHER, phone={ph}))""")


@T("jvm")
def jvm_kafka_deser(c):
    p = c.person()
    payload = c.J({"eventType": "APPOINTMENT_BOOKED", "clientId": c.mrn(), "clientName": p.full(),
                   "start": c.ts("offset"), "dob": p.dob("iso"), "clinician": c.person(clinician=True).full()})
    return (f"""{c.ts('comma')} ERROR [appointment-events-consumer] o.a.k.c.c.internals.Fetcher - {c.ex('org.apache.kafka.common.errors.SerializationException')}: Error deserializing key/value for partition appointment-events-{c.ri(0, 11)} at offset {c.dbid(10000, 999999)}. If needed, please seek past the record to continue consumption.
Caused by: {c.ex('com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException')}: Unrecognized field "dob"
raw value: {payload}""")


@T("jvm")
def jvm_batch_update(c):
    p = c.person()
    return (f"""{c.ex('java.sql.BatchUpdateException')}: Batch entry {c.ri(0, 40)} insert into claims (patient_account, member_id, subscriber_name, service_date, cpt, icd) values ('{c.account()}', '{c.member_id()}', '{p.LF()}', '{c.appt('iso')}', '{c.cpt()}', '{c.icd()}') was aborted: ERROR: value too long for type character varying(20)  Call getNextException to see other errors in the batch.
\tat org.postgresql.jdbc.BatchResultHandler.handleError(BatchResultHandler.java:165)""")


@T("jvm")
def jvm_log4j_mdc(c):
    p = c.person()
    return (f"""{c.ts('space')} [http-nio-8080-exec-{c.ri(1, 99)}] ERROR c.b.portal.MessageController - X-User={p.user()} X-Forwarded-For={c.ip()} patientName="{p.full()}" mrn={c.mrn()} -- {c.ex('org.springframework.web.multipart.MaxUploadSizeExceededException')}: Maximum upload size exceeded; nested exception is java.lang.IllegalStateException: FileSizeLimitExceededException: The field attachment exceeds its maximum permitted size of {c.K('10485760', 'count')} bytes.""")


@T("jvm")
def jvm_kotlin_require(c):
    p = c.person(old=True)
    return (f"""{c.ex('java.lang.IllegalArgumentException')}: Failed requirement. age must be < 90 for standard intake (got {p.age(False)}) -- patient={p.full_mi()} dob={p.dob('iso')} route=geriatric-intake
\tat com.cedargrove.intake.AgeRouter.route(AgeRouter.kt:{c.ri(10, 99)})
\tat com.cedargrove.intake.IntakeService.submit(IntakeService.kt:{c.ri(40, 200)})""")


@T("jvm", clean=True)
def jvm_clean_boot(c):
    return (f"""***************************
APPLICATION FAILED TO START
***************************

Description:

Web server failed to start. Port {c.port()} was already in use.

Action:

Identify and stop the process that's listening on port {c.port()} or configure this application to listen on another port.
[{c.svc()} {c.ver()}] HikariPool-1 - Exception during pool initialization: Connection to {c.pip()}:5432 refused.""")


@T("jvm", clean=True)
def jvm_clean_hibernate(c):
    return (f"""{c.ts('comma')} ERROR 1 --- [main] o.h.engine.jdbc.spi.SqlExceptionHelper : ERROR: relation "{c.tbl('appointment_reminders')}" does not exist
  Position: {c.ri(10, 300)}
{c.ex('org.hibernate.exception.SQLGrammarException')}: could not extract ResultSet
select ar1_0.id, ar1_0.client_id, ar1_0.channel from appointment_reminders ar1_0 where ar1_0.id=? [{c.dbid()}]
service={c.svc()} build={c.sha(7)} version={c.ver()}""")


@T("jvm", clean=True)
def jvm_clean_grace(c):
    return (f"""{c.ts('isoms')} INFO  c.b.billing.GracePeriodJob - Grace period exceeded for {c.cnt(1, 90)} invoices; will retry dunning in {c.dur()}. Mark as read: {c.cnt(0, 12)}. payer={c.payer()} cpt={c.cpt()} dx={c.icd()} [{c.svc()}]""")


# ===== .NET / C# ===============================================================
@T("dotnet")
def dotnet_efcore_dup_ssn(c):
    p = c.person()
    s = c.ssn(c.ch(["dash", "raw"]))
    return (f"""{c.ex('Microsoft.EntityFrameworkCore.DbUpdateException')}: An error occurred while saving the entity changes. See the inner exception for details.
 ---> {c.ex('Microsoft.Data.SqlClient.SqlException')} ({c.code('0x80131904')}): Cannot insert duplicate key row in object 'dbo.Patients' with unique index 'IX_Patients_Ssn'. The duplicate key value is ({s}).
The statement has been terminated.
   at Keystone.Intake.PatientRepository.AddAsync(Patient patient) in /src/Keystone.Intake/PatientRepository.cs:line {c.ri(20, 300)}
   patient.DisplayName = "{p.full()}"; patient.DateOfBirth = {p.dob('us1')} 12:00:00 AM""")


@T("dotnet")
def dotnet_format_dob(c):
    p = c.person()
    while p.birth.day <= 12:
        p.birth = p.birth.replace(day=c.ri(13, 28))
    d = p.dob("uk")
    return (f"""{c.ex('System.FormatException')}: String '{d}' was not recognized as a valid DateTime.
   at System.DateTime.Parse(String s, IFormatProvider provider)
   at Lantern.Import.LegacyCsvMapper.MapRow(String[] cols) in C:\\build\\Lantern.Import\\LegacyCsvMapper.cs:line {c.ri(40, 200)}
   row: "{p.last()}","{p.first()}","{d}","{c.phone('paren')}","{c.street()}","{c.city_state()[0]}\"""")


@T("dotnet")
def dotnet_record_tostring(c):
    p = c.person()
    city, st = c.city_state()
    return (f"""fail: Quiet.Harbor.Api.Controllers.ClientsController[0]
      Unhandled exception while updating PatientDto {{ Id = {c.dbid()}, FullName = {p.full()}, DateOfBirth = {p.dob('us1')} 12:00:00 AM, Phone = {c.phone()}, Address = AddressDto {{ Line1 = {c.street()}, City = {city}, State = {st}, Zip = {c.zip()} }}, PrimaryPayer = {c.payer()} }}
      {c.ex('System.InvalidOperationException')}: Sequence contains no elements""")


@T("dotnet")
def dotnet_serilog(c):
    p = c.person()
    ph = c.phone(c.ch(["e164", "paren"]))
    props = c.J({"ClientName": p.full(), "ClientPhone": ph, "AppointmentId": int(c.dbid()),
                 "SourceContext": "Bright.Reminders.SmsDispatcher", "MachineName": "bpc-app-0" + str(c.ri(1, 4))})
    return (f"""[{c.ts('hms')} ERR] Reminder dispatch failed for {p.full()} ({ph}): Twilio.Exceptions.ApiException: The 'To' number {ph} is not a valid phone number.
{props}""")


@T("dotnet")
def dotnet_httpclient_url(c):
    m = c.mrn()
    mid = c.member_id()
    url = c.P(f"https://portal.riverbendrecovery.org/api/clients/{m}/insurance?memberId={mid}&verify=true", "URL")
    return (f"""{c.ex('System.Net.Http.HttpRequestException')}: Response status code does not indicate success: {c.status('404')} (Not Found).
   at System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()
   at Riverbend.Billing.EligibilityClient.GetAsync() 
   RequestUri: '{url}'  Duration: {c.dur()}""")


@T("dotnet")
def dotnet_modelstate(c):
    p = c.person()
    em = c.P(p.ascii_local()[0] + "." + p.ascii_local()[1] + "@" + c.ch(["gmial.com", "yaho.com", "outlok.com", "gmail.con"]), "EMAIL")
    body = c.J({"type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                "title": "One or more validation errors occurred.", "status": 400,
                "errors": {"Email": ["The Email field is not a valid e-mail address."],
                           "EmergencyContact.Phone": ["The field Phone must match the regular expression '^\\+?[0-9]{10,15}$'."]},
                "traceId": "00-" + c.hexs(32) + "-" + c.hexs(16) + "-00"})
    c.K(json.loads(body)["traceId"], "request_id")
    return (f"""{body}
[debug] bound model: RegisterRequest {{ FirstName = {p.first()}, LastName = {p.last()}, Email = {em}, EmergencyContact = ContactDto {{ Name = {c.person().full()}, Phone = {c.phone('dot')} ext {c.ri(2, 999)} }} }}""")


@T("dotnet")
def dotnet_blob_missing(c):
    p = c.person()
    slug = p.slug("_", "lf", "upper")
    d = p.birth
    hd = c.fmt_date(d, "hl7")
    url = c.P(f"https://bpcprodintake.blob.core.windows.net/intake-scans/2024/{slug}_{hd}.pdf", "URL")
    c.P(hd, "DATE")
    return (f"""{c.ex('Azure.RequestFailedException')}: The specified blob does not exist.
RequestId:{c.uuid()}
Status: {c.status('404')} (The specified blob does not exist.)
ErrorCode: BlobNotFound
Uri: {url}""")


@T("dotnet")
def dotnet_signalr_device(c):
    p = c.person()
    return (f"""warn: Microsoft.AspNetCore.SignalR.HubConnectionHandler[5]
      Failed connecting to TelehealthHub: user {p.user()} ({p.full()}) device IMEI {c.imei()} remote {c.ip()}: {c.ex('System.IO.IOException')}: The client disconnected during the handshake after {c.dur()}""")


@T("dotnet", clean=True)
def dotnet_clean_polly(c):
    return (f"""warn: Polly[3]
      Execution attempt. Source: '{c.svc()}/StandardResilience', Operation Key: 'eligibility', Result: '{c.status('503')}', Handled: 'True', Attempt: '{c.ri(1, 5)}', Execution Time: {c.dur()}
{c.ex('System.TimeoutException')}: The operation didn't complete within the allowed timeout of '00:00:30'. upstream={c.pip()}:{c.port()} payer={c.payer()}""")


@T("dotnet", clean=True)
def dotnet_clean_migration(c):
    return (f"""Build started...
Build succeeded.
{c.ex('Microsoft.Data.SqlClient.SqlException')} ({c.code('0x80131904')}): Column names in each table must be unique. Column name 'PreferredName' in table 'dbo.{c.tbl('Clients')}' is specified more than once.
Migration '{c.code('2024%02d%02d%06d_AddPreferredName' % (c.ri(1, 12), c.ri(1, 28), c.ri(0, 235959)))}' failed. ClientConnectionId:{c.uuid()} Error Number:2705,State:4,Class:16 [{c.svc()} {c.ver()}]""")


# ===== Go ======================================================================
@T("go")
def go_struct_plusv(c):
    p = c.person()
    return (f"""{c.ts('golog')} upsert client: pq: duplicate key value violates unique constraint "clients_phone_key" client=&{{ID:{c.dbid()} MRN:{c.mrn()} FirstName:{p.first()} LastName:{p.last()} DOB:{p.dob('iso')} 00:00:00 +0000 UTC Phone:{c.phone('raw')} Email:{p.email()} Archived:false}}""")


@T("go")
def go_time_parse(c):
    p = c.person()
    d = p.dob(c.ch(["us", "us1", "dmy", "long"]))
    z = c.J({"level": "error", "ts": float(c.ts("epoch")) + 0.5, "caller": "intake/handler.go:%d" % c.ri(40, 300),
             "msg": "bad dob", "client": p.full(), "raw": d,
             "error": 'parsing time "%s" as "%s": cannot parse "%s" as "2006"' % (d, c.code("2006-01-02"), d)})
    return z


@T("go")
def go_zap_sms(c):
    p = c.person()
    z = c.J({"level": "error", "ts": c.ts("isoms"), "caller": "reminders/sms.go:%d" % c.ri(40, 200),
             "msg": "twilio send failed", "to": c.phone("e164"), "client_name": p.first(),
             "appt": c.appt("iso"), "clinician": "Dr. " + c.person(clinician=True).last(),
             "error": "Twilio API error 21614: 'To' number is not a valid mobile number",
             "service": c.svc()})
    return z


@T("go")
def go_grpc_notfound(c):
    p = c.person()
    return (f"""{c.ts('golog')} eligibility.Check failed: rpc error: code = NotFound desc = member {c.member_id()} not found for subscriber {p.LF()} dob {p.dob('hl7')} (payer {c.payer()}, trace {c.req()})""")


@T("go")
def go_logrus_geo(c):
    p = c.person()
    return (f"""time="{c.ts('offset')}" level=warning msg="impossible travel" user={p.user()} prev_ip={c.ipv4()} ip={c.ip()} km={c.ri(800, 9000)} window={c.dur()} patient_portal=true name="{p.full()}\"""")


@T("go")
def go_panic_name(c):
    p = c.person()
    nm = p.N("%s, %s" % (p.family, p.given))
    return (f"""panic: runtime error: index out of range [2] with length 2

goroutine {c.ri(10, 900)} [running]:
github.com/opendoor/ehr/internal/names.Split({{{c.code('0xc000' + c.hexs(6))}, 0x{c.ri(10, 40):x}}})
\t/src/internal/names/split.go:{c.ri(20, 90)} +0x1f4
main.importRow(...)
\t/src/cmd/importer/main.go:{c.ri(50, 300)}
importer: last row = [{c.mrn()} "{nm}" {p.dob('us')} {c.phone('dash')}]""")


@T("go")
def go_http_deadline(c):
    mid = c.member_id()
    p = c.person()
    d = p.dob("iso")
    url = c.P(f"https://api.availity-sandbox.example/v1/coverages?memberId={mid}&dateOfBirth={d}&lastName={fold(p.family).replace(' ', '%20')}", "URL")
    c.P(fold(p.family).replace(" ", "%20"), "NAME")
    return (f"""{c.ts('golog')} ERROR eligibility: Get "{url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers) after {c.dur()} [{c.svc()}]""")


@T("go")
def go_sqlx_scan(c):
    p = c.person()
    return (f"""sql: Scan error on column index 4, name "date_of_birth": unsupported Scan, storing driver.Value type string into type *time.Time; row: {c.dbid()}|{p.up_last()}|{p.up_first()}|{c.ssn('raw')}|{p.dob('us')}|{c.zip()}""")


@T("go", clean=True)
def go_clean_health(c):
    return (f"""{c.ts('golog')} healthcheck: dial tcp {c.pip()}:{c.port()}: connect: connection refused
{c.ts('golog')} healthcheck: {c.svc()} degraded (3/5 checks) build={c.sha(12)} go1.22.{c.ri(0, 5)}
{c.ts('golog')} retrying in {c.dur()}""")


@T("go", clean=True)
def go_clean_pgx(c):
    z = c.J({"level": "warn", "ts": c.ts("isoms"), "msg": "pgxpool: acquire slow", "pool": "claims",
             "wait": c.dur(), "total_conns": int(c.cnt(1, 50)), "table": c.tbl("era_remits"),
             "payer": c.payer(), "claim_row_id": int(c.dbid())})
    return z


# ===== Rust ====================================================================
@T("rust")
def rust_debug_struct(c):
    p = c.person()
    return (f"""[{c.ts('isoz')} ERROR intake::store] insert failed: Patient {{ id: {c.dbid()}, mrn: "{c.mrn()}", name: "{p.full()}", dob: {p.dob('iso')}, phone: Some("{c.phone()}"), email: None, ssn_last4: None, address: Some(Address {{ line1: "{c.street()}", city: "{c.city_state()[0]}", zip: "{c.zip()}" }}) }}: error returned from database: null value in column "consent_signed_at" violates not-null constraint""")


@T("rust")
def rust_anyhow_sms(c):
    ph = c.phone("e164")
    return (f"""Error: failed to send reminder to {ph}

Caused by:
    0: twilio returned {c.status('400')} Bad Request
    1: {{"code": 21610, "message": "Attempt to send to unsubscribed recipient", "more_info": "https://www.twilio.com/docs/errors/21610", "status": 400}}

Location:
    src/reminders/send.rs:{c.ri(20, 200)}:{c.ri(5, 40)}
appointment for {c.person().first()} on {c.appt(c.ch(['long', 'weekday', 'abbr']))}""")


@T("rust")
def rust_serde_int(c):
    p = c.person()
    h = p.dob("hl7")
    body = '{"name":"%s","dob":%s,"mrn":"%s"}' % (p.full(), h, c.mrn())
    return (f"""{c.ts('isoz')} WARN api::intake: rejected body: Error("invalid type: integer `{h}`, expected a string", line: 1, column: {len(body) - 20}) body={body}""")


@T("rust")
def rust_sqlx_unique(c):
    p = c.person()
    em = p.email()
    return (f"""error returned from database: duplicate key value violates unique constraint "portal_users_email_key"
DETAIL:  Key (email)=({em}) already exists.
  in portal::accounts::create(name={p.full()}, email={em}, username={p.user()})
  at src/accounts.rs:{c.ri(20, 300)}""")


@T("rust")
def rust_tracing_span(c):
    p = c.person()
    return (f"""  {c.ts('isoms')} ERROR claims::submit{{claim_id={c.dbid()} member_id="{c.member_id()}" patient="{p.LF()}" rendering_npi={c.npi()}}}: claims::x12: segment NM1 element 09 rejected by clearinghouse: AAA*N**72*C~ (Invalid/Missing Member ID)""")


@T("rust")
def rust_unwrap_fax(c):
    f = c.fax(c.ch(["paren", "dash"]))
    return (f"""thread 'tokio-runtime-worker' panicked at src/fax/outbound.rs:{c.ri(20, 200)}:{c.ri(5, 30)}:
called `Result::unwrap()` on an `Err` value: InvalidFaxNumber {{ raw: "{f} ext {c.ri(10, 99)}", recipient: "{c.person(clinician=True).full()}", practice: "{c.clinic()}" }}
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace""")


@T("rust")
def rust_device_debug(c):
    p = c.person()
    return (f"""[{c.ts('isoz')} WARN  wearables::ingest] dropping batch: Device {{ serial: "{c.serial()}", owner: Some("{p.full()}"), model: "Sleep Band 2", firmware: "{c.ver()}", mac: {c.mac()} }} -- clock skew {c.dur()}""")


@T("rust", clean=True)
def rust_clean_hyper(c):
    return (f"""{c.ts('isoz')} ERROR hyper::client: connection error: Connection reset by peer (os error 104)
{c.ts('isoz')} WARN  {c.svc()}: upstream {c.pip()}:{c.port()} unhealthy, ejecting for {c.dur()} (request {c.req()})""")


@T("rust", clean=True)
def rust_clean_panic(c):
    return (f"""thread 'main' panicked at src/config.rs:{c.ri(10, 99)}:{c.ri(5, 30)}:
missing env var CLAIMS_SFTP_HOST; expected something like {c.pip()} (service {c.svc()} {c.ver()}, commit {c.sha(40)})""")


# ===== Python ==================================================================
@T("python")
def py_strptime_locals(c):
    p = c.person()
    d = p.dob(c.ch(["us", "dmy", "long", "us2"]))
    row = {"first_name": p.first(), "last_name": p.last(), "dob": d, "member_id": c.member_id(),
           "phone": c.phone()}
    return (f"""Traceback (most recent call last):
  File "/srv/etl/import_roster.py", line {c.ri(40, 300)}, in normalise
    row["dob"] = datetime.strptime(row["dob"], "%Y-%m-%d").date()
  File "/usr/lib/python3.11/_strptime.py", line 568, in _strptime_datetime
    tt, fraction, gmtoff_fraction = _strptime(data_string, format)
{c.ex('ValueError')}: time data '{d}' does not match format '%Y-%m-%d'

Local variables:
    row = {row!r}
    lineno = {c.cnt(2, 900)}""")


@T("python")
def py_dataclass_repr(c):
    p = c.person()
    return (f"""{c.ts('comma')} ERROR [claims.builder] cannot build 837P for Patient(id={c.dbid()}, first_name={p.first()!r}, last_name={p.last()!r}, dob={p.dob('py')}, ssn={c.ssn('dash')!r}, member_id={c.member_id()!r}, payer={c.payer()!r}): missing rendering provider taxonomy""")


@T("python")
def py_pydantic(c):
    p = c.person()
    bad = c.P("%s.%s@%s" % (p.ascii_local()[0], p.ascii_local()[1], c.ch(["gmail", "yahoo", "icloud", "outlook"])), "EMAIL")
    return (f"""2 validation errors for IntakeForm
email
  value is not a valid email address: The part after the @-sign is not valid. It should have a period. [type=value_error, input_value='{bad}', input_type=str]
emergency_contact.phone
  String should match pattern '^\\+?1?\\d{{10}}$' [type=string_pattern_mismatch, input_value='{c.phone('paren')}', input_type=str]
    For further information visit https://errors.pydantic.dev/2.6/v/string_pattern_mismatch
(submitted by {p.full()} from {c.ip()})""")


@T("python")
def py_sqlalchemy(c):
    p = c.person()
    params = {"first_name": p.first(), "last_name": p.last(), "dob": p.dob("iso"),
              "street": c.street(), "city": c.city_state()[0], "zip": c.zip(), "mrn": c.mrn()}
    return (f"""{c.ex('sqlalchemy.exc.IntegrityError')}: (psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint "uq_patients_mrn"
DETAIL:  Key (mrn)=({params['mrn']}) already exists.

[SQL: INSERT INTO patients (first_name, last_name, dob, street, city, zip, mrn) VALUES (%(first_name)s, %(last_name)s, %(dob)s, %(street)s, %(city)s, %(zip)s, %(mrn)s) RETURNING patients.id]
[parameters: {params!r}]
(Background on this error at: https://sqlalche.me/e/20/gkpj)""")


@T("python")
def py_keyerror_fstring(c):
    p = c.person()
    key = p.slug("_", "lf")
    return (f"""{c.ts('comma')} ERROR django.request: Internal Server Error: /clinician/caseload/
Traceback (most recent call last):
  File "/app/caseload/views.py", line {c.ri(30, 400)}, in caseload
    notes = by_client[f"{{c.last_name.lower()}}_{{c.first_name.lower()}}"]
{c.ex('KeyError')}: '{key}'
[{c.svc()}] user={c.P('dr.' + re.sub('[^a-z]', '', fold(c.person(clinician=True).family).lower()), 'OTHER_ID')} status={c.status('500')}""")


@T("python")
def py_celery_args(c):
    p = c.person()
    return (f"""[{c.ts('comma')}: ERROR/ForkPoolWorker-{c.ri(1, 16)}] Task reminders.send_sms[{c.uuid()}] raised unexpected: {c.ex('TwilioRestException')}: HTTP 400 error: Unable to create record: The 'To' number {c.phone('e164')} is not a valid phone number.
args=[{c.dbid()}, {p.first()!r}, {c.appt('iso')!r}, '3:30 PM'] kwargs={{'clinic': {c.clinic()!r}, 'lang': 'es'}}""")


@T("python")
def py_logging_repr(c):
    p = c.person()
    addr = c.street()
    return (f"""WARNING:eligibility.matcher:Could not match insurance for <Patient {p.lf()} dob={p.dob('iso')} member={c.member_id()!r} addr={addr!r}> against {c.payer()} roster (score=0.{c.ri(10, 79)})""")


@T("python")
def py_fastapi_422(c):
    p = c.person()
    body = c.J({"detail": [{"type": "date_from_datetime_parsing", "loc": ["body", "date_of_birth"],
                            "msg": "Input should be a valid date or datetime, invalid character in year",
                            "input": p.dob(c.ch(["long", "abbr", "dmy", "eu"])),
                            "ctx": {"error": "invalid character in year"}},
                           {"type": "missing", "loc": ["body", "guardian", "phone"], "msg": "Field required",
                            "input": {"name": c.person().full(), "relationship": "grandmother"}}]})
    return f"""INFO:     {c.ip()}:{c.ri(30000, 65000)} - "POST /v1/intake HTTP/1.1" {c.status('422')} Unprocessable Entity\n{body}"""


@T("python")
def py_sentry_breadcrumb(c):
    p = c.person(old=True)
    return (f"""{c.ex('ZeroDivisionError')}: division by zero
  File "risk/scores.py", line {c.ri(20, 200)}, in phq9_trend
    slope = (last - first) / (days)
breadcrumbs:
  [{c.ts('isoz')}] query: SELECT * FROM phq9 WHERE patient_id = {c.dbid()}
  [{c.ts('isoz')}] log: computing trend for {p.full()} (age {p.age(False)}, MRN {c.mrn()})""")


@T("python", clean=True)
def py_clean_alembic(c):
    return (f"""INFO  [alembic.runtime.migration] Running upgrade {c.sha(12)} -> {c.sha(12)}, add index on {c.tbl('appointments')}.starts_at
{c.ex('sqlalchemy.exc.OperationalError')}: (psycopg2.OperationalError) connection to server at "{c.pip()}", port {c.port()} failed: timeout expired
service={c.svc()} version={c.ver()}""")


@T("python", clean=True)
def py_clean_celery(c):
    return (f"""[{c.ts('comma')}: WARNING/MainProcess] Substantial drift from celery@{c.svc()}-{c.hexs(5)} may mean clocks are out of sync. Current drift is {c.ri(30, 900)} seconds.
[{c.ts('comma')}: INFO/MainProcess] Task claims.resubmit[{c.uuid()}] succeeded in {c.dur()}: {{'batch': {c.dbid()}, 'payer': '{c.payer()}', 'cpt': '{c.cpt()}', 'rows': {c.cnt()}}}""")


@T("python", clean=True)
def py_clean_words(c):
    return (f"""{c.ts('comma')} INFO reports.crystal: Crystal Reports export finished for clinic {c.clinic()!r} ({c.cnt()} rows, {c.dur()}); Sterling B2B Integrator handoff queued; will retry the Iris feed at next window. dx_top={c.icd()} drug_top={c.drug()!r}""")


# ===== Node / TypeScript =======================================================
@T("node")
def node_util_inspect(c):
    p = c.person()
    return (f"""{c.ts('isoms')} error: failed to create superbill {{
  patient: {{
    id: {c.dbid()},
    firstName: '{p.first()}',
    lastName: '{p.last()}',
    dob: {p.dob('jsiso')},
    phone: '{c.phone()}',
    insurance: {{ payer: '{c.payer()}', memberId: '{c.member_id()}', groupNumber: '{c.group_no()}' }}
  }},
  err: TypeError: Cannot read properties of undefined (reading 'npi')
      at buildSuperbill (/app/dist/billing/superbill.js:{c.ri(20, 300)}:{c.ri(5, 40)})
}}""")


@T("node")
def node_prisma_unique(c):
    p = c.person()
    em = p.email()
    return (f"""PrismaClientKnownRequestError: 
Invalid `prisma.client.create()` invocation in
/app/src/intake/service.ts:{c.ri(20, 200)}:{c.ri(5, 30)}

  → {c.ri(20, 200)}   await prisma.client.create({{
          data: {{
            email: "{em}",
            firstName: "{p.first()}",
            lastName: "{p.last()}",
            dateOfBirth: new Date("{p.dob('iso')}"),
            mobile: "{c.phone('e164')}"
          }}
        }})

Unique constraint failed on the fields: (`email`)
  code: '{c.code('P2002')}', clientVersion: '{c.ver()}'""")


@T("node")
def node_joi(c):
    p = c.person()
    z = c.zip(plus4=False)
    orig = {"name": p.full(), "zip": z + "-", "phone": c.phone("raw"), "dob": p.dob("us")}
    return (f"""ValidationError: "zip" with value "{z}-" fails to match the US ZIP pattern
    at Object.exports.process (/app/node_modules/joi/lib/errors.js:193:16) {{
  _original: {c.J(orig)},
  details: [ {{ message: '"zip" with value "{z}-" fails to match the US ZIP pattern', path: [ 'zip' ], type: 'string.pattern.name' }} ]
}}""")


@T("node")
def node_axios(c):
    m = c.mrn()
    url = c.P(f"https://ehr.northstarpsych.com/fhir/R4/Patient?identifier=urn:oid:2.16.840.1.113883.3.{c.ri(1000, 9999)}|{m}", "URL")
    return (f"""AxiosError: Request failed with status code {c.status('401')}
    at settle (/app/node_modules/axios/lib/core/settle.js:19:12)
  code: 'ERR_BAD_REQUEST',
  config: {{ method: 'get', url: '{url}', timeout: 15000 }},
  response: {{ status: 401, statusText: 'Unauthorized', data: {{ resourceType: 'OperationOutcome', issue: [ {{ severity: 'error', code: 'login' }} ] }} }}""")


@T("node")
def node_typeerror_log(c):
    p = c.person()
    city, st = c.city_state()
    return (f"""TypeError: Cannot read properties of null (reading 'toUpperCase')
    at formatEnvelope (/app/dist/mail/envelope.js:{c.ri(10, 99)}:{c.ri(5, 40)})
    at Array.map (<anonymous>)
console.log: {{ name: '{p.full()}', line1: '{c.street()}', line2: null, city: '{city}', state: '{st}', zip: '{c.zip()}' }}""")


@T("node")
def node_sequelize(c):
    p = c.person()
    return (f"""SequelizeValidationError: Validation error: Validation isEmail on email failed,
notNull Violation: Guardian.relationship cannot be null
    at InstanceValidator._validate (/app/node_modules/sequelize/lib/instance-validator.js:78:13)
  dataValues: {{ id: null, childName: '{p.full()}', guardianName: '{c.person().full()}', email: '{c.P(p.ascii_local()[1] + ' family@' + c.ch(EMAIL_DOMAINS), 'EMAIL')}', studentId: '{c.other_id('student')}' }}""")


@T("node")
def node_stripe_card(c):
    p = c.person()
    return (f"""[{c.ts('isoz')}] ERROR payments: card declined for {p.full()} acct {c.account()} — raw: {{"card_number":"{c.card()}","exp":"{c.ri(1, 12):02d}/{c.ri(25, 30)}","zip":"{c.zip(plus4=False)}","amount":"{c.amt()}"}} decline_code=insufficient_funds""")


@T("node", clean=True)
def node_clean_econnrefused(c):
    return (f"""Error: connect ECONNREFUSED {c.pip()}:{c.port()}
    at TCPConnectWrapper.afterConnect [as oncomplete] (node:net:1555:16) {{
  errno: -111, code: 'ECONNREFUSED', syscall: 'connect', address: '{c.pip()}', port: {c.port()}
}}
[{c.svc()}] node {c.ver()} retry in {c.dur()} (request {c.req()})""")


@T("node", clean=True)
def node_clean_next(c):
    return (f"""warn  - Compiled with warnings
./src/components/MarkAsRead.tsx
Module not found: Can't resolve '@brightpath/ui-grace' in '/app/src/components'
info  - Collecting page data... {c.dur()}
Route (app)                   Size     First Load JS
/clients/[id]/notes           {c.ri(2, 40)}.{c.ri(1, 9)} kB  {c.ri(80, 140)} kB   build {c.sha(7)}""")


# ===== PHP =====================================================================
@T("php")
def php_laravel_query(c):
    p = c.person()
    ssn = c.ssn("dash")
    t = c.ts("space")
    return (f"""[{t}] production.ERROR: SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '{ssn}' for key 'patients.patients_ssn_unique' (SQL: insert into `patients` (`first_name`, `last_name`, `ssn`, `dob`, `phone`, `updated_at`, `created_at`) values ({p.first()}, {p.last()}, {ssn}, {p.dob('iso')}, {c.phone('dash')}, {t}, {t})) {{"userId":{c.dbid()},"exception":"[object] (Illuminate\\\\Database\\\\QueryException(code: 23000)"}}""")


@T("php")
def php_symfony_validator(c):
    p = c.person()
    return (f"""Object(App\\Entity\\Referral).patientPhone:
    This value is not a valid phone number. (code 85a1a6c8-6ef3-4b0e-b1e1-4d1f6b5f1b62)
Object(App\\Entity\\Referral).referringProviderNpi:
    This value should have exactly 10 characters. (code 4b6f5c76-22b4-409d-af16-fbe823ba9332)
  invalid values: patientPhone="{c.phone('dot')}" referringProviderNpi="{c.P(c.digits(9, True), 'LICENSE')}" patientName="{p.full()}" patientDob="{p.dob('us')}\"""")


@T("php")
def php_print_r(c):
    p = c.person()
    return (f"""PHP Warning:  Undefined array key "insurance" in /var/www/portal/app/Http/Controllers/BillingController.php on line {c.ri(20, 400)}
Array
(
    [client_id] => {c.dbid()}
    [name] => {p.full()}
    [dob] => {p.dob('iso')}
    [address] => {c.street()}
    [city] => {c.city_state()[0]}
    [zip] => {c.zip()}
    [guarantor_account] => {c.account()}
)""")


@T("php")
def php_monolog_json(c):
    p = c.person()
    ctx = {"client": {"name": p.full(), "email": p.email(), "mrn": c.mrn()}, "ip": c.ip(),
           "exception": "[object] (GuzzleHttp\\Exception\\ClientException(code: 403))"}
    return f"""[{c.ts('offset')}] app.ERROR: Telehealth room creation rejected {c.J(ctx)} []"""


@T("php", clean=True)
def php_clean_composer(c):
    return (f"""PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate {c.cnt(4096, 65536)} bytes) in /var/www/portal/vendor/phpoffice/phpspreadsheet/src/Cell.php on line {c.ri(100, 900)}
[{c.ts('space')}] production.WARNING: Queue {c.svc()} backlog {c.cnt()} jobs; php {c.ver()}""").replace("134217728", c.K("134217728", "count"))


# ===== Ruby ====================================================================
@T("ruby")
def ruby_record_invalid(c):
    p = c.person()
    return (f"""ActiveRecord::RecordInvalid: Validation failed: Date of birth can't be in the future, Phone is invalid
  #<Client id: nil, first_name: "{p.first()}", last_name: "{p.last()}", date_of_birth: "{p.dob('iso')}", phone: "{c.phone('dash')} x{c.ri(10, 999)}", email: "{p.email()}", created_at: nil>
app/services/intake/create_client.rb:{c.ri(10, 90)}:in `call'""")


@T("ruby")
def ruby_sidekiq(c):
    p = c.person()
    args = c.J([int(c.dbid()), p.full(), c.phone("e164"), c.appt("iso")])
    return (f"""{c.ts('isoms')} pid={c.ri(100, 9999)} tid={c.alnum(5).lower()} class=ReminderJob jid={c.K(c.hexs(24), 'job_id')} WARN: Twilio::REST::RestError: [HTTP 400] 21211 : Unable to create record
Invalid 'To' Phone Number
retry_count=3 args={args}""")


@T("ruby")
def ruby_rails_params(c):
    p = c.person()
    params = '{"client"=>{"first_name"=>"%s", "last_name"=>"%s", "ssn"=>"%s", "dob(1i)"=>"%d", "dob(2i)"=>"%d", "dob(3i)"=>"%d", "drivers_license"=>"%s"}, "commit"=>"Save"}' % (
        p.first(), p.last(), c.ssn(), p.birth.year, p.birth.month, p.birth.day, c.dl())
    c.P("\"dob(1i)\"=>\"%d\", \"dob(2i)\"=>\"%d\", \"dob(3i)\"=>\"%d\"" % (p.birth.year, p.birth.month, p.birth.day), "DATE")
    return (f"""Started POST "/clients" for {c.ip()} at {c.ts('space')} -0500
Processing by ClientsController#create as HTML
  Parameters: {params}
Completed {c.status('422')} Unprocessable Entity in {c.dur()}""")


@T("ruby")
def ruby_nomethod(c):
    p = c.person()
    return (f"""NoMethodError: undefined method `strftime' for nil:NilClass
  #<Appointment id: {c.dbid()}, client: #<Client id: {c.dbid()}, name: "{p.full()}", mrn: "{c.mrn()}", preferred_phone: "{c.phone()}">, starts_at: nil, clinician: "{c.person(clinician=True).full()}">
/app/app/views/reminders/_sms.text.erb:{c.ri(1, 20)}""")


@T("ruby", clean=True)
def ruby_clean_puma(c):
    return (f"""[{c.ri(100, 9999)}] Puma starting in cluster mode...
[{c.ri(100, 9999)}] * Puma version: {c.ver()} (ruby 3.3.{c.ri(0, 5)}-p0) ("The Eagle of Durango")
[{c.ri(100, 9999)}] ! Unable to load application: Redis::CannotConnectError: Error connecting to Redis on {c.pip()}:6379 (Errno::ECONNREFUSED)
sidekiq queue={c.svc()} latency={c.dur()}""")


# ===== Elixir ==================================================================
@T("elixir")
def ex_changeset(c):
    p = c.person()
    em = p.email()
    return (f"""** (Ecto.InvalidChangesetError) could not perform insert because changeset is invalid.

Errors

    %{{email: [{{"has already been taken", [constraint: :unique, constraint_name: "clients_email_index"]}}]}}

Applied changes

    %{{email: "{em}", first_name: "{p.first()}", last_name: "{p.last()}", birthdate: ~D[{p.dob('iso')}], phone: "{c.phone()}"}}

    (ecto {c.ver()}) lib/ecto/repo/schema.ex:{c.ri(100, 400)}: Ecto.Repo.Schema.insert!/4""")


@T("elixir")
def ex_oban(c):
    p = c.person()
    args = '%%{"client" => "%s", "member_id" => "%s", "dos" => "%s", "cpt" => "%s"}' % (
        p.full(), c.member_id(), c.appt("iso"), c.cpt())
    return (f"""{c.ts('space')}.{c.ri(100, 999)} [error] Oban.Worker ClaimSubmit failed (attempt {c.ri(1, 20)}/20): ** (MatchError) no match of right hand side value: {{:error, :payer_timeout}}
args: {args}""")


@T("elixir")
def ex_function_clause(c):
    p = c.person()
    return (f"""** (FunctionClauseError) no function clause matching in Practice.Contacts.format_phone/1

    The following arguments were given to Practice.Contacts.format_phone/1:

        # 1
        "{c.phone(c.ch(['intl', 'paren']))}"

    Attempted function clauses (showing 2 out of 2):

        def format_phone(<<"+1", rest::binary>>)
        def format_phone(<<area::binary-size(3), rest::binary>>)

    (practice) lib/practice/contacts.ex:{c.ri(20, 90)}: Practice.Contacts.format_phone/1
    contact: %Practice.Contacts.EmergencyContact{{name: "{p.full()}", relationship: "spouse", city: "{c.city_state()[0]}"}}""")


@T("elixir", clean=True)
def ex_clean_genserver(c):
    return (f"""{c.ts('space')}.{c.ri(100, 999)} [error] GenServer {c.svc()}.Poller terminating
** (stop) exited in: GenServer.call(Practice.Repo, {{:checkout, #Reference<0.{c.ri(100, 9999)}.{c.ri(100, 9999)}.{c.ri(100, 9999)}>}}, 5000)
    ** (EXIT) time out
Last message: :poll_era  State: %{{payer: "{c.payer()}", last_id: {c.dbid()}}}""")


# ===== Swift ===================================================================
@T("swift")
def swift_decoding(c):
    p = c.person()
    return (f"""Fatal error: 'try!' expression unexpectedly raised an error: Swift.DecodingError.typeMismatch(Swift.String, Swift.DecodingError.Context(codingPath: [CodingKeys(stringValue: "client", intValue: nil), CodingKeys(stringValue: "dob", intValue: nil)], debugDescription: "Expected to decode String but found a number instead.", underlyingError: nil))
print(client): Client(id: {c.dbid()}, name: "{p.full()}", dob: {p.dob('hl7')}, phone: Optional("{c.phone()}"))
Device: iPhone15,3 iOS 17.{c.ri(0, 5)} udid {c.udid()}""")


@T("swift")
def swift_crashlytics_keys(c):
    p = c.person()
    return (f"""Crashed: com.apple.main-thread
0  MoodJournal  {c.code('0x' + c.hexs(9))} JournalViewController.save() + {c.ri(100, 900)}
Custom keys:
  user_email = {p.email()}
  user_name = {p.first_init()}
  last_screen = CheckInSummary
  device_serial = {c.serial()}
  ip = {c.ip()}""").replace("0x", "0x", 1)


@T("swift")
def swift_oslog(c):
    p = c.person()
    return (f"""{c.ts('space')}.{c.ri(100, 999)} MoodJournal[{c.ri(100, 9999)}:{c.hexs(6)}] [Sync] Upload failed for entry by {p.full()} (<private> redaction disabled in debug) — URLError(_nsError: Error Domain=NSURLErrorDomain Code=-1009 "The Internet connection appears to be offline." UserInfo={{NSErrorFailingURLStringKey=https://api.moodjournal.app/v2/users/{c.P(p.ascii_local()[0] + '.' + p.ascii_local()[1], 'OTHER_ID')}/entries}})""")


@T("swift", clean=True)
def swift_clean_urlsession(c):
    return (f"""Task <{c.K(c.uuid(False).upper(), 'uuid')}>.<{c.ri(1, 9)}> finished with error [-1001] Error Domain=NSURLErrorDomain Code=-1001 "The request timed out." UserInfo={{_kCFStreamErrorCodeKey=-2102, NSErrorFailingURLStringKey=https://api.moodjournal.app/v2/health}}
App version {c.ver()} build {c.sha(7)}""")


# ===== Validation errors: form libraries and API gateways =======================
@T("validation")
def val_apigw_echo(c):
    p = c.person()
    body = c.J({"message": "Invalid request body", "requestId": c.uuid(),
                "errors": ["object has missing required properties ([\"insuranceGroup\"])"],
                "echo": {"patientName": p.full(), "dob": p.dob("iso"), "memberId": c.member_id(),
                         "phone": c.phone()}})
    return f"""{c.ts('apache')} API Gateway ({c.svc('gordon-gateway')}) {c.status('400')} POST /prod/v1/eligibility-requests from {c.ip()}\n{body}"""


@T("validation")
def val_nginx_query(c):
    p = c.person()
    em = p.email(label=False)
    d = p.dob("iso")
    path = c.P(f"/portal/forgot-password?email={em.replace('@', '%40')}&dob={d}", "URL")
    c.P(em.replace("@", "%40"), "EMAIL")
    return f"""{c.ip()} - - [{c.ts('apache')}] "GET {path} HTTP/2.0" {c.status('429')} 162 "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)" rt={c.dur()}"""


@T("validation")
def val_yup_formik(c):
    p = c.person()
    g = c.person()
    vals = {"child": {"firstName": p.first(), "lastName": p.last(), "dob": p.dob("us")},
            "guardian": {"name": g.full(), "phone": c.phone(), "relationship": "Abuela"},
            "school": "middle school", "consent": False}
    return (f"""[intake-web] Formik validation failed {{"consent":"You must accept the consent to continue","guardian.email":"guardian.email is a required field"}}
values={c.J(vals)}""")


@T("validation")
def val_jsonapi(c):
    p = c.person()
    z = c.zip(plus4=True)
    errs = {"errors": [{"status": "422", "code": "invalid_zip", "source": {"pointer": "/data/attributes/zip"},
                        "detail": "ZIP %s does not match city %s" % (z, c.city_state()[0])},
                       {"status": "422", "source": {"pointer": "/data/attributes/street"},
                        "detail": "Could not validate street '%s'" % c.street()}],
            "meta": {"client": p.lf()}}
    c.status("422")
    return c.J(errs)


@T("validation")
def val_openapi(c):
    p = c.person()
    return (f"""openapi-validator: request/body/emergencyContact/phone must match pattern "^\\+[1-9]\\d{{1,14}}$" (received "{c.phone('paren')}")
openapi-validator: request/body/patient/ssn must NOT have more than 9 characters (received "{c.ssn('dash')}")
openapi-validator: request/body/patient/name: "{p.full()}" op=createReferral {c.status('400')} {c.req()}""")


@T("validation")
def val_kong_plate(c):
    p = c.person()
    pl, st = c.plate()
    return (f"""kong: [warn] {c.ri(1, 99)}#0: *{c.ri(1000, 99999)} [lua] handler.lua:88: request-validator: body.vehicle.plate failed pattern check; plate="{pl}" state="{st}" body.patient="{p.full()}" route=nemt-ride-request client: {c.ip()}, server: api.riverbendrecovery.org""")


@T("validation")
def val_html_form(c):
    p = c.person()
    return (f"""Please correct the following:
 • Date of birth: "{p.dob(c.ch(['long', 'eu', 'rfc']))}" — use MM/DD/YYYY
 • Mobile: "{c.phone()}" looks like a landline; SMS reminders need a mobile
 • Preferred name: "{p.first()}" ok
Form: New Client Intake (step 2 of 5) session {c.uuid()}""")


@T("validation", clean=True)
def val_clean_ratelimit(c):
    return c.J({"message": "API rate limit exceeded", "status": 429, "retryAfter": c.dur(),
                "requestId": c.req(), "route": "/v1/appointments/{id}/reminders",
                "service": c.svc(), "upstream": c.pip()}) + " " + c.status("429")


@T("validation", clean=True)
def val_clean_schema(c):
    return (f"""ajv: data/appointments/{c.ri(0, 40)}/cpt must be equal to one of the allowed values ({c.cpt()}, {c.cpt()}, {c.cpt()})
ajv: data/appointments/{c.ri(0, 40)}/diagnosis/0 must match format "icd10" (got "{c.icd()}" with a trailing tab)
request {c.uuid()} rejected by {c.svc()} in {c.dur()}""")


# ===== ETL / data import ======================================================
@T("etl")
def etl_csv_row(c):
    p = c.person()
    city, st = c.city_state()
    return (f"""import_clients.csv: row {c.cnt(2, 4000)}: column 'DOB' could not be parsed ("{p.dob(c.ch(['dmy', 'long', 'eu', 'us2']))}")
  raw: {p.last()},{p.first()},{c.street()},{city},{st},{c.zip()},{c.phone('dash')},{c.payer()}
  action: row skipped (strict mode) batch={c.job()}""")


@T("etl")
def etl_column_shift(c):
    p = c.person()
    return (f"""ERROR ColumnCountMismatch: expected 9 fields, saw 10 at line {c.cnt(2, 9000)} of /data/inbound/roster_{c.K(c.ch(['aetna', 'cigna', 'humana', 'molina', 'wellcare']), 'payer')}.txt
fields: ["{c.member_id()}", "{p.up_last()}", "{p.up_first()}", "{p.mi}", "{p.dob('hl7')}", "{c.street(upper=True)}", "APT", "{c.city_state(upper=True)[0]}", "{c.zip(plus4=False)}", "{c.phone('raw')}"]""")


@T("etl")
def etl_dup_detect(c):
    p = c.person()
    return (f"""dedupe: possible duplicate (score {c.ri(81, 99)}/100): incoming row {c.cnt(2, 800)} ({p.lf()}, {p.dob('us1')}, {c.phone()}) matches existing client {c.mrn()} ({p.full()}, DOB {p.dob('iso')}). Held for review in queue {c.svc()}.""")


@T("etl")
def etl_dbt_test(c):
    p = c.person()
    q = c.person()
    return (f"""Failure in test not_null_stg_clients_email (models/staging/schema.yml)
  Got {c.cnt(2, 40)} results, configured to fail if != 0
  sample:
  | client_id | full_name            | email | dob        | zip   |
  | {c.dbid():<9} | {p.full():<20} | NULL  | {p.dob('iso')} | {c.zip(plus4=False)} |
  | {c.dbid():<9} | {q.full():<20} | NULL  | {q.dob('iso')} | {c.zip(plus4=False)} |""")


@T("etl")
def etl_excel(c):
    p = c.person()
    return (f"""openpyxl import warning: sheet 'Waitlist' cell D{c.ri(2, 300)} contains a date stored as text ("{p.dob(c.ch(['long', 'us', 'dmy']))}") for {p.full()}; cell F{c.ri(2, 300)} phone "{c.phone()}" has trailing whitespace; cell H{c.ri(2, 300)} insurance id "{c.member_id()}" ({c.payer()})""")


@T("etl")
def etl_pandas(c):
    p = c.person()
    return (f"""pandas.errors.ParserError: Error tokenizing data. C error: Expected 7 fields in line {c.cnt(3, 9000)}, saw 8
offending line: {c.mrn()}|{p.full()}|{c.street()}, {c.city_state()[0]}|{c.zip()}|{c.phone()}|{c.icd()}|{c.cpt()}|""")


@T("etl")
def etl_fixed_width(c):
    p = c.person()
    name = p.N(("%s %s" % (fold(p.family).upper(), fold(p.given).upper()))[:25].strip())
    return (f"""[legacy-834] fixed-width parse error at record {c.cnt(1, 9999)} offset 112: expected numeric SSN, got "{c.ssn('space')}"
record: INS*Y*18*030*XN*A*E**FT~REF*0F*{c.member_id()}~NM1*IL*1*{name}~DMG*D8*{p.dob('hl7')}*{p.sex}~""")


@T("etl")
def etl_geocode(c):
    p = c.person()
    return (f"""geocode-backfill: {c.cnt(1, 300)} addresses unresolved; first: client {c.mrn()} "{c.street()}, {c.city_state()[0]} {c.zip()}" (USPS: address not found) -- owner {p.full()}; provider returned ZERO_RESULTS in {c.dur()}""")


@T("etl", clean=True)
def etl_clean_airflow(c):
    return (f"""[{c.ts('offset')}] {{taskinstance.py:2731}} ERROR - Task failed with exception
airflow.exceptions.AirflowException: Bash command failed. The command returned a non-zero exit code 2.
[{c.ts('offset')}] {{taskinstance.py:1149}} INFO - Marking task as UP_FOR_RETRY. dag_id=era_ingest, task_id=load_{c.tbl('era_remits')}, run_id=scheduled__{c.ts('offset')}, rows={c.cnt()}""")


@T("etl", clean=True)
def etl_clean_dbt(c):
    return (f"""{c.ts('hms')}  Finished running {c.cnt(10, 90)} table models, {c.cnt(10, 300)} tests in 0 hours 2 minutes and {c.ri(1, 59)}.{c.ri(10, 99)} seconds ({c.dur()}).
{c.ts('hms')}  Completed with 1 warning: relation {c.tbl('fct_claims')} has {c.cnt(1, 99)} rows with payer '{c.payer()}' and cpt '{c.cpt()}' but null dx (expected e.g. '{c.icd()}')""")


# ===== Scheduler / reminder jobs / SMS ========================================
@T("scheduler")
def sch_optout(c):
    p = c.person()
    return (f"""{c.ts('isoz')} reminder-sweep: skipped appointment {c.dbid()} — client {p.full()} ({c.phone()}) replied STOP on {c.past('us', 2024, 2024)}; email fallback to {p.email()} queued [{c.svc('alfred-reminders')}]""")


@T("scheduler")
def sch_sms_body(c):
    p = c.person()
    doc = c.person(clinician=True)
    return (f"""outbound sms to={c.phone('e164')} segments=2 status=failed error=30007 (Carrier violation)
body="Hi {p.first()}, this is {c.clinic()} reminding you of your appt w/ {doc.init_last()} on {c.appt(c.ch(['weekday', 'md', 'mdname', 'ord']))} at 2:15pm. Reply C to confirm, R to reschedule." """.strip())


@T("scheduler")
def sch_reschedule_conflict(c):
    p = c.person()
    doc = c.person(clinician=True)
    d = c.appt("iso")
    return (f"""RescheduleConflict: cannot move appointment {c.dbid()} for {p.lf()} to {d} 10:00 — {doc.full()} (lic {c.state_lic()}) already booked ({c.cpt()}); suggested {c.appt('iso')}""")


@T("scheduler")
def sch_template_missing(c):
    p = c.person()
    ctx = {"first_name": p.first(), "appt_date": c.appt("long"), "clinician": c.person(clinician=True).full(),
           "telehealth_link": None, "clinic_phone": c.phone()}
    return (f"""jinja2.exceptions.UndefinedError: 'telehealth_link' is undefined
while rendering email template reminder_48h.html for {p.email()}
context={c.J(ctx)}""")


@T("scheduler")
def sch_waitlist(c):
    p = c.person()
    return (f"""waitlist-matcher: offered slot {c.appt('weekday')} 4:00 PM ({c.cpt()}) to {p.full()} via SMS {c.phone()} — no reply in {c.dur()}; offering to next in queue (position {c.cnt(2, 30)}). Client notes: "prefers afternoons, lives in {c.city_state()[0]}, no car\"""")


@T("scheduler")
def sch_cron_old(c):
    p = c.person(old=True)
    return (f"""[cron:wellness-calls] {c.ts('space')} queued welfare check call for {p.full()} ({p.age()}), home phone {c.phone('paren')}, daughter {c.person().full()} {c.phone('dash')}; last contact {c.past('us')}""")


@T("scheduler")
def sch_ics(c):
    p = c.person()
    d = c.rand_day(2024, 2025)
    dt = c.P(c.fmt_date(d, "hl7"), "DATE")
    return (f"""icalendar: failed to attach invite (RFC 5545 line too long)
BEGIN:VEVENT
UID:{c.uuid()}@bpc
DTSTART;VALUE=DATE:{dt}
SUMMARY:Therapy - {p.full()}
DESCRIPTION:Client cell {c.phone()}\\nDOB {p.dob('us')}
END:VEVENT""")


@T("scheduler", clean=True)
def sch_clean_summary(c):
    return (f"""{c.ts('isoz')} reminder-sweep finished: sent={c.cnt()} skipped={c.cnt(0, 90)} failed={c.cnt(0, 20)} duration={c.dur()} worker={c.svc()} ({c.ver()}). Will retry failures at next window; grace window 15m.""")


@T("scheduler", clean=True)
def sch_clean_cron(c):
    return (f"""CRON[{c.ri(1000, 99999)}]: (www-data) CMD (/usr/bin/flock -n /tmp/{c.svc()}.lock php artisan schedule:run >> /dev/null 2>&1)
{c.ts('syslog')} app-{c.ri(1, 9)} kernel: Out of memory: Killed process {c.ri(1000, 99999)} (php-fpm) total-vm:{c.K(str(c.ri(100000, 999999)) + 'kB', 'count')}""")


# ===== Billing and claims ======================================================
@T("billing")
def bill_837_reject(c):
    p = c.person()
    doc = c.person(clinician=True)
    city, st = c.city_state(upper=True)
    z = c.P(c._z3 + c.digits(6), "ZIP")
    mid = c.member_id()
    return (f"""999 REJECTED: IK3*NM1*{c.ri(10, 40)}*2010*8~IK4*9*67*7*{mid}~
submitted loop 2010BA:
NM1*IL*1*{p.up_last()}*{p.up_first()}*{p.mi}***MI*{mid}~
N3*{c.street(upper=True)}~
N4*{city}*{st}*{z}~
DMG*D8*{p.dob('x12')}*{p.sex}~
CLM*{c.account()}*{c.amt(False)}***11:B:1*Y*A*Y*Y~
HI*ABK:{c.icd_x12()}~
NM1*82*1*{doc.up_last()}*{doc.up_first()}****XX*{c.npi()}~""")


@T("billing")
def bill_835_denial(c):
    p = c.person()
    return (f"""ERA posting exception: CLP*{c.account()}*4*{c.amt(False)}*0**12*{c.code(c.digits(14))}~NM1*QC*1*{p.up_last()}*{p.up_first()}****MI*{c.member_id()}~DTM*232*{c.appt('x12')}~CAS*CO*{c.code('197')}*{c.amt(False)}~ (CARC 197: precertification/authorization absent; auth on file {c.other_id('auth')})""")


@T("billing")
def bill_superbill(c):
    p = c.person()
    doc = c.person(clinician=True)
    city, st = c.city_state()
    return (f"""SUPERBILL — {c.clinic()}
Client: {p.full()}    DOB: {p.dob('us')}    Acct #: {c.account()}
Address: {c.street()}, {city}, {st} {c.zip()}
Insurance: {c.payer()}  Member ID: {c.member_id()}  Group: {c.group_no()}
DOS: {c.appt('us')}   CPT {c.cpt()}   Dx {c.icd()}   Fee {c.amt()}
Rendering: {doc.full()}, LCSW   NPI {c.npi()}   Lic. {c.state_lic()}
[pdf-render] failed: font 'Garamond' missing, fell back to Helvetica""")


@T("billing")
def bill_scrubber_dob(c):
    p = c.person()
    return (f"""claim-scrubber: REJECT {c.code('E-SUB-014')} subscriber DOB mismatch for claim {c.dbid()}: submitted {p.dob('us')} vs payer {c.date(p.birth.replace(year=p.birth.year + c.ch([-1, 1, 10])), 'us')} (member {c.member_id()}, {p.LF()}); payer {c.payer()}""")


@T("billing")
def bill_collections(c):
    p = c.person()
    return (f"""collections-export: account {c.account()} ({p.full()}, guarantor {c.person().full()}) balance {c.amt()} past 120 days; last statement mailed to {c.street()}, {c.city_state()[0]} returned undeliverable; SSN on file {c.ssn()} sent to agency (!!)""")


@T("billing")
def bill_ach(c):
    p = c.person()
    return (f"""{c.ts('isoz')} ERROR autopay: ACH debit returned R03 (No Account/Unable to Locate) for {p.full()} — routing {c.code('0' + c.digits(8))}, account {c.bank_account()}, amount {c.amt()}, statement acct {c.account()}""")


@T("billing")
def bill_pip_claim(c):
    p = c.person()
    return (f"""PIP claim submission failed ({c.status('422')}): auto insurer requires VIN and accident date. Patient {p.full()} (DOB {p.dob()}) — MVA on {c.past('us', 2023, 2024)}; insured vehicle VIN {c.vin()}; claim ref {c.other_id('auth')}; treating dx {c.icd()} (PTSD after MVA)""")


@T("billing")
def bill_statement_line(c):
    p = c.person()
    city, st = c.city_state(upper=True)
    return (f"""statement-batch: line overflow in envelope window for acct {c.account()}
  {p.FL()}
  {c.street(upper=True)}
  {city} {st} {c.zip(plus4=True)}
  Amount due {c.amt()} — services {c.appt('us')} {c.cpt()}""")


@T("billing", clean=True)
def bill_clean_batch(c):
    return (f"""claims-batch {c.job()} submitted: {c.cnt()} claims to {c.payer()}, {c.cnt()} to {c.payer()}; {c.cnt(0, 40)} rejected (CARC {c.code('16')}, {c.code('197')}); total billed {c.amt()}; top CPT {c.cpt()}; top dx {c.icd()}; took {c.dur()}""")


@T("billing", clean=True)
def bill_clean_feesched(c):
    return (f"""fee-schedule import {c.ver()}: updated {c.cnt(10, 90)} rows for {c.payer()} effective plan year; CPT {c.cpt()} allowed {c.amt()} (was {c.amt()}); CPT {c.cpt()} modifier 95 now parity; clinic {c.clinic()} (db id {c.dbid()})""")


# ===== Referral / intake faxes converted to text ===============================
def ocr(c, s, rate=0.12):
    """Light OCR damage on a label/keyword (never on PHI values)."""
    sub = {"O": "0", "l": "1", "I": "l", "S": "5", "B": "8", "e": "c", "rn": "m"}
    out = s
    for a, b in sub.items():
        if a in out and c.r.random() < rate:
            out = out.replace(a, b, 1)
    return out


@T("fax")
def fax_cover(c):
    doc = c.person(clinician=True)
    p = c.person()
    return (f"""{ocr(c, 'FAX COVER SHEET')}          {c.ri(1, 9)} of {c.ri(9, 14)}
To: {c.clinic()} Intake          {ocr(c, 'Fax')}: {c.fax()}
From: {doc.full()}, MD           Phone: {c.phone()}   Fax: {c.fax()}
Re: {ocr(c, 'Referral')} — {p.lf()}  {ocr(c, 'DOB')} {p.dob(c.ch(['us', 'us2', 'us1']))}
CONFIDENTIALITY NOTICE: This facsimile contains protected health information...
[ocr-pipeline] page 1 confidence 0.{c.ri(61, 97)}; routed to queue {c.svc('florence-fax')}""")


@T("fax")
def fax_referral_form(c):
    p = c.person()
    doc = c.person(clinician=True)
    city, st = c.city_state()
    o_dob = p.birth
    raw = c.fmt_date(o_dob, "us").replace("0", "O", 1)
    c.P(raw, "DATE")
    return (f"""BEHAVIORAL HEALTH REFERRAL
Patient Narne: {p.full()}          D0B: {raw}
Address: {c.street()}   City/St/Zip: {city}, {st} {c.zip()}
Home Ph: {c.phone()}   Cell: {c.phone()}
Insurance: {c.payer()}   ID#: {c.member_id()}
Reason: {c.icd()} worsening, pt c/o panic attacks at work; PCP started {c.drug()}
Referring: {doc.full()}  NPl: {c.npi()}
[ocr] fields with low confidence: Narne, D0B, NPl""")


@T("fax")
def fax_intake_packet(c):
    p = c.person()
    ec = c.person()
    return (f"""Page 3/7 — EMERGENCY CONTACT
Name: {ec.full()}  Relationship: {c.ch(['sister', 'husband', 'aunt', 'roommate', 'son'])}
Phone: {c.phone()}  Alt: {c.phone()}
Patient signature: {p.full()}   Date signed: {c.appt('us')}
Driver's license # {c.dl()} (copy attached, page 4)
[fax-ingest] barcode missing; matched by name to chart {c.mrn()}""")


@T("fax")
def fax_court_order(c):
    p = c.person()
    pl, st = c.plate()
    return (f"""IN THE MUNICIPAL COURT — ORDER FOR SUBSTANCE USE EVALUATION
Case No. {c.other_id('court')}    Defendant: {p.FL()}    DOB: {p.dob('us')}
Vehicle: {c.ch(['2014 Honda Civic', '2009 Ford F-150', '2017 Toyota Camry', '2012 Chevy Malibu'])} plate {pl} ({st}), VIN {c.vin()}
Evaluation to be completed at {c.clinic()} within 30 days. Probation officer: {c.person().full()}, {c.phone()}
[fax-router] classified as LEGAL; priority HIGH""")


@T("fax")
def fax_school_referral(c):
    p = c.person(minor=True)
    par = c.person()
    return (f"""Student Support Team Referral
Student: {p.full()}  Student ID: {c.other_id('student')}  DOB {p.dob('us')}  Gr 8
Parent/Guardian: {par.full()}  Phone {c.phone()}  Email {par.email()}
Concerns: withdrawal, declining grades, disclosed self-harm to counselor on {c.past('md', 2024, 2025)}.
School counselor: {c.person().full()} ext {c.ri(100, 999)}
[fax-ocr] 2 pages, {c.dur()}""")


@T("fax")
def fax_tx_report(c):
    f = c.fax()
    staff = c.person(clinician=True)
    g, fm = staff.ascii_local()
    return (f"""TRANSMISSION REPORT — FAILED
Remote: {f}   Pages: 0/{c.ri(2, 12)}   Result: NO ANSWER (code {c.code('0x0E')})
Job: {c.job()}   Document: records_release_{c.person().slug('_')}.pdf
Sent by: {c.P(g[:1] + fm[:7], 'OTHER_ID')}  Retry scheduled: {c.dur()}""")


@T("fax")
def fax_hospital_discharge(c):
    p = c.person()
    doc = c.person(clinician=True)
    return (f"""DISCHARGE SUMMARY (faxed from inpatient unit)
Pt: {p.LF()}   MRN {c.mrn()}   Admit {c.past('us', 2024, 2025)}   D/C {c.past('us', 2024, 2025)}
Dx: {c.icd()}, {c.icd()}.  D/C meds: {c.drug()} 100mg qhs, {c.drug()} 10mg daily.
F/u: {c.clinic()} w/ {doc.init_last()} within 7 days. Pt's mother {c.person().first()} to transport; cell {c.phone()}.
Attending: {c.person(clinician=True).full()} DEA {c.dea()}""")


@T("fax", clean=True)
def fax_clean_status(c):
    return (f"""{c.svc('florence-fax')} status: {c.cnt(0, 40)} inbound faxes pending OCR, oldest {c.dur()}; line 2 busy since {c.ts('isoz')}; HylaFAX {c.ver()} modem ttyS{c.ri(0, 3)} reports NO CARRIER ({c.status('503')})""")


@T("fax", clean=True)
def fax_clean_ocr(c):
    return (f"""ocr-worker: Tesseract {c.ver()} finished {c.cnt()} pages in {c.dur()}; low-confidence fields: 'Patient Narne' ({c.cnt(1, 20)}), 'D0B' ({c.cnt(1, 20)}); classifier labels REFERRAL={c.cnt()} LEGAL={c.cnt(0, 30)}; document ids {c.uuid()}, {c.uuid()}""")


# ===== Pharmacy and lab integration ============================================
@T("pharmacy_lab")
def rx_ncpdp_reject(c):
    p = c.person()
    return (f"""NCPDP D.0 claim rejected: 75 (Prior Authorization Required), 569 (Provide Notice: Medicare Prescription Drug Coverage) — Rx# {c.rx()} {c.drug()} for {p.lf()} DOB {p.dob('hl7')} Cardholder ID {c.member_id()}; prescriber NPI {c.npi()} DEA {c.dea()}""")


@T("pharmacy_lab")
def rx_surescripts_match(c):
    p = c.person()
    return (f"""Surescripts RxHistoryRequest: no match (code 0{c.ri(10, 99)}) for {p.FL()} {p.dob('hl7')} {p.sex} ZIP {c.zip(plus4=False)}; demographic variants tried: "{p.up_last()}, {p.up_first()[:1]}" / phone {c.phone('raw')}""")


@T("pharmacy_lab")
def lab_hl7_pid(c):
    p = c.person()
    city, st = c.city_state(upper=True)
    z = c.zip(plus4=False)
    st_line = c.street(upper=True, unit=False)
    return (f"""HL7 ORU^R01 parse error: PID-11 has {c.ri(6, 9)} components (max 6)
MSH|^~\\&|LABCORP|{c.code(str(c.ri(10, 99)) + 'D' + c.digits(7))}|BPC|BPC|{c.ts('hl7ts')}||ORU^R01|{c.job()}|P|2.5.1
PID|1||{c.mrn()}^^^BPC^MR||{p.hl7()}||{p.dob('hl7')}|{p.sex}|||{st_line}^{c.P(c.ch(UNITS).upper(), 'ADDRESS')}^{city}^{st}^{z}^USA^H^^^EXTRA||{c.phone('paren_nospace')}|||||{c.ssn('raw')}
OBR|1||{c.other_id('accession')}|LITH^Lithium level|||{c.ts('hl7ts')}""")


@T("pharmacy_lab")
def lab_lithium_critical(c):
    p = c.person()
    doc = c.person(clinician=True)
    return (f"""CRITICAL VALUE ALERT — lithium {c.ri(2, 3)}.{c.ri(0, 9)} mmol/L (ref 0.6–1.2)
Patient: {p.full()}  MRN {c.mrn()}  Collected {c.appt('us')} 07:40
Accession {c.other_id('accession')}  Ordering: {doc.full()} — page {c.phone()} — escalation failed: pager gateway {c.status('504')}""")


@T("pharmacy_lab")
def rx_pdmp(c):
    p = c.person()
    doc = c.person(clinician=True)
    return (f"""PDMP query ({c.ch(['NJPMP', 'MassPAT', 'PMP AWARxE', 'CURES 2.0'])}) failed for patient {p.full()} ({p.dob('us')}): requester {doc.full()} DEA {c.dea(doc)} not delegated for this state; last fill on record: {c.drug()} on {c.past('us', 2024, 2025)} Rx {c.rx()}""")


@T("pharmacy_lab")
def rx_epcs_2fa(c):
    doc = c.person(clinician=True)
    p = c.person()
    return (f"""EPCS signing aborted: two-factor token expired for prescriber {doc.lf()} (NPI {c.npi()}, DEA {c.dea(doc)}, state lic {c.state_lic()}) — Rx for {p.full()}: {c.drug()} #30 — token serial {c.serial()}""")


@T("pharmacy_lab")
def rx_refill_fax(c):
    p = c.person()
    return (f"""Refill request received from pharmacy (fax {c.fax()}): {p.full()}, DOB {p.dob()}, Rx# {c.rx()} — {c.drug()} 20 mg, last filled {c.past('md', 2024, 2025)}. Pt phone {c.phone()}. [inbox-router] no active prescriber found""")


@T("pharmacy_lab")
def lab_fhir_outcome(c):
    p = c.person()
    body = c.J({"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "business-rule",
                "diagnostics": "ServiceRequest.subject does not match Specimen.subject (Patient/%s %s, born %s)" % (
                    c.mrn(), p.full(), p.dob("iso"))}]})
    return f"""POST /fhir/ServiceRequest -> {c.status('422')}\n{body}"""


@T("pharmacy_lab", clean=True)
def rx_clean_ack(c):
    return (f"""MSH|^~\\&|BPC|BPC|LABCORP|LAB|{c.ts('hl7ts')}||ACK^R01|{c.job()}|P|2.5.1
MSA|AE|{c.dbid()}|Segment PV1 missing
ERR|^^^{c.code('207')}&Application internal error&HL70357|||E [{c.svc()} {c.ver()}]""")


@T("pharmacy_lab", clean=True)
def rx_clean_formulary(c):
    return (f"""formulary-sync: {c.payer()} tier changes: {c.drug()} T2->T3, {c.drug()} PA required, {c.drug()} step therapy; {c.cnt()} NDCs updated in {c.dur()}; clinic {c.clinic()} notified via {c.svc()}""")


# ===== Clinician free-text notes, handoffs, shift notes ========================
@T("notes")
def note_handoff(c):
    p = c.person()
    m = c.person()
    return (f"""Handoff {c.ts('space')} — pt {p.full()} ({p.age()} y/o {p.sex}), DOB {p.dob('us2')}, hx {c.icd()} + {c.icd()}. c/o poor sleep x2 wks, denies SI/HI. Started {c.drug()} last visit. Mom ({m.first()}) called re: side effects, cb {c.phone()}. f/u {c.appt('md')} w/ {c.person(clinician=True).init_last()}. [note-sync error {c.status('409')}]""")


@T("notes")
def note_shift_residential(c):
    p = c.person()
    q = c.person()
    return (f"""NIGHT SHIFT NOTE (residential, unit B) — {c.ts('space')}
Res. {p.first_init()} up at 0200 pacing, PRN {c.drug()} given per order. Res. {q.full()} (rm {c.ri(1, 30)}) c/o chest tightness, vitals WNL, on-call {c.person(clinician=True).full()} notified at {c.phone()}. Peer conflict between {p.first()} and {q.first()} re: phone time, resolved.
[ehr] note saved as draft; sync failed {c.status('503')}""")


@T("notes")
def note_geri_intake(c):
    p = c.person(old=True)
    return (f"""Intake summary: {p.full()} is a {p.age()}-year-old widow(er) referred by PCP for depressed mood after spouse's death on {c.past('long', 2023, 2024)}. Lives alone at {c.street()}, {c.city_state()[0]}; son {c.person().full()} ({c.phone()}) visits weekly. PHQ-9 {c.ri(10, 22)}. Dx {c.icd()}. Plan: weekly {c.cpt()}, consider {c.drug()}.""")


@T("notes")
def note_crisis_safety(c):
    p = c.person()
    s = c.person()
    return (f"""CRISIS NOTE — pt {p.lf()} called after-hours line, endorsed passive SI, no plan. Safety plan reviewed: supports = partner {s.first()} ({c.phone()}), friend {c.person().full()}; 988 discussed. Pt agreed to remove firearm to brother's house ({c.street()}). Next appt {c.appt('weekday')}. Dx {c.icd()}.""")


@T("notes")
def note_supervision(c):
    sup = c.person(clinician=True)
    tr = c.person(clinician=True)
    return (f"""Supervision log: {tr.full()} (LMSW, lic {c.state_lic()}) supervised by {sup.full()} (LCSW-S, lic {c.state_lic()}, NPI {c.npi()}) on {c.appt('us')}. Cases reviewed: client {c.person().init_last()} ({c.icd()}), client {c.person().init_last()} ({c.icd()}). Hours to date: {c.cnt(100, 3000)}.""")


@T("notes")
def note_home_visit(c):
    p = c.person()
    pl, st = c.plate()
    return (f"""Home visit note: arrived {c.street()} 10:05, pt {p.first()} answered door, appeared disheveled. Car in driveway ({st} plate {pl}) has not moved per neighbor. Pt reports stopped {c.drug()} 2 wks ago. Contacted case mgr {c.person().full()} {c.phone()}. Mileage log: {c.cnt(5, 80)} mi.""")


@T("notes")
def note_group_attendance(c):
    a, b, d = c.person(), c.person(), c.person()
    return (f"""DBT skills group {c.appt('us')} ({c.cpt()}): present — {a.full()}, {b.first_init()}, {d.full()}; absent — {c.person().full()} (no call). {b.first()} shared re: relapse; referred to individual session. Group notes failed to post to 4 charts: {c.status('500')}""")


@T("notes")
def note_discharge(c):
    p = c.person()
    return (f"""Discharge from services: {p.full()} (MRN {c.mrn()}) completed {c.cnt(8, 40)} sessions between {c.past('us', 2023, 2024)} and {c.appt('us')}. Goals met. Records release to new provider at fax {c.fax()} signed. Forwarding address: {c.street()}, {c.city_state()[0]} {c.zip()}.""")


@T("notes")
def note_abbrev_dense(c):
    p = c.person()
    return (f"""pt {p.init_last()} {p.age()}yo {p.sex} w/ hx {c.icd()} presents for med mgmt. c/o ↑ anxiety since job loss {c.past('md', 2024, 2025)}. denies SI/HI/AVH. on {c.drug()} 50mg qd. plan: ↑ to 100mg, f/u 4 wks. wife {c.person().first()} present. pt req letter for employer ({c.other_id('employee')}). ~{c.dur()} session""")


@T("notes", clean=True)
def note_clean_template(c):
    return (f"""Progress note template {c.ver()}: Subjective / Objective / Assessment ({c.icd()}) / Plan. Medication section supports {c.drug()}, {c.drug()}. Billing: {c.cpt()} + {c.cpt()} interactive complexity. Grace period for note signing: 72h. Will lock at {c.ts('isoz')}.""")


@T("notes", clean=True)
def note_clean_macro(c):
    return (f"""Macro ".safety" expanded: "Pt denies SI/HI. Safety plan reviewed. Crisis line 988 provided. Pt able to contract for safety." Used {c.cnt()} times this month across {c.clinic()}; top paired dx {c.icd()}; top CPT {c.cpt()}.""")


# ===== Patient messages ========================================================
@T("patient_msg")
def msg_login_lower(c):
    p = c.person()
    return (f"""[portal-msg] from unverified sender: "hi its {p.lower()} dob {p.dob(c.ch(['us2', 'us1', 'md']))} i cant log in it keeps saying my account is locked?? my new # is {c.phone(c.ch(['space', 'raw', 'dash']))} pls call me back" (ip {c.ip()})""")


@T("patient_msg")
def msg_emoji_resched(c):
    p = c.person()
    return (f"""sms inbound {c.phone('e164')}: "hey its {p.N(p.given.lower())} 😬 can i move my thurs appt to {c.appt(c.ch(['md', 'mdname']))}?? work changed my shift 🙃 also i moved, new addr is {c.street()} {c.city_state()[0]} ty!!" -> auto-reply failed: {c.status('500')}""")


@T("patient_msg")
def msg_runon_insurance(c):
    p = c.person()
    return (f"""Portal message (subject: insurance) — "Hello my name is {p.full()} and I switched jobs so my insurance changed to {c.payer()} the member id is {c.member_id()} and group {c.group_no()} I dont know if you need the card front and back I can send it also my husbands name is on it {c.person().full()} because its through his job and his birthday is {c.past(c.ch(['long', 'us', 'mdname']), 1960, 2000)} thank you so much"
[attachment scan] 0 files""")


@T("patient_msg")
def msg_parent_teen(c):
    p = c.person(minor=True)
    par = c.person()
    return (f"""Message from {par.full()} (parent, {par.email()}): I'm worried about my daughter {p.first()} — she's been skipping school and I found {c.drug()} pills in her room that aren't hers. Her next appointment is {c.appt(c.ch(['us1', 'weekday', 'ord']))} but can someone call me sooner at {c.phone()}? Her student ID if the school calls is {c.other_id('student')}.""")


@T("patient_msg")
def msg_spanish(c):
    p = c.person(culture="hispanic")
    return (f"""Mensaje del portal: "Buenas tardes, soy {p.full()}, mi fecha de nacimiento es {p.dob('es')}. Necesito cambiar mi cita del {c.appt('es')} porque mi mamá está enferma. Mi número nuevo es {c.phone()}. Gracias 🙏" [translate] detected lang=es conf=0.9{c.ri(1, 9)}""")


@T("patient_msg")
def msg_typos_address(c):
    p = c.person()
    city, st = c.city_state()
    return (f"""msg: "i movd last wk so plz updat my adress to {c.street()} , {city} {st} {c.zip()} and my emial is {p.email()} not the old one. also my ins card has my maiden name {c.person().last()} idk if that matters" — {p.first()}""")


@T("patient_msg")
def msg_refill(c):
    p = c.person()
    return (f"""Secure message from {p.full()} (MRN {c.mrn()}): "I'm out of my {c.drug()} and the pharmacy says the Rx number {c.rx()} has no refills left. I'm leaving town {c.appt('mdname')} so I really need it before then. You can text me at {c.phone()}." Routed to: nurse pool""")


@T("patient_msg")
def msg_voice_to_text_garble(c):
    p = c.person()
    return (f"""[sms] "this is {p.lower()} again sorry about the last text my phone auto corrected everything my birthday is {p.dob(c.ch(['spoken_md', 'ord', 'mdname']))} not what it said and my zip is {c.zip(plus4=False)}" spam_score=0.0{c.ri(1, 9)}""")


@T("patient_msg", clean=True)
def msg_clean_autoreply(c):
    return (f"""Auto-reply: Thanks for your message to {c.clinic()}. We respond within 2 business days. If this is an emergency call 911 or 988. Message id {c.uuid()}; queue {c.svc()}; delivered in {c.dur()}.""")


@T("patient_msg", clean=True)
def msg_clean_words(c):
    return (f"""[portal-msg] sender verified; content: "will the grace period on my bill still apply? hope so. joy to the world lol" routed to billing pool ({c.payer()} plan); sentiment=neutral; ticket {c.dbid()}""")


# ===== Voicemail transcripts ===================================================
@T("voicemail")
def vm_reschedule(c):
    p = c.person()
    return (f"""[voicemail-transcribe conf 0.{c.ri(70, 95)}] "Hi, um, this is {p.full()}, my date of birth is {p.dob('spoken')}. I need to reschedule my appointment on {c.appt('spoken_md')}, something came up at work. You can reach me at {c.spoken_phone()}. Okay, thanks, bye." duration {c.dur()}""")


@T("voicemail")
def vm_elderly(c):
    p = c.person(old=True)
    return (f"""[vm {c.ts('isoz')}] "Yes hello, this is {p.full()}, I'm {p.age(True)} years old and I don't do the computer. My daughter set up the appointment. My number is {c.spoken_phone()}. I live on {c.street(unit=False)}. Please call me back, dear." transcription_engine={c.svc('watson-nlp')}""")


@T("voicemail")
def vm_pharmacy(c):
    p = c.person()
    return (f"""voicemail from pharmacy: "This is {c.P(c.ch(['Kelsey', 'Marisol', 'Dwayne', 'Priya', 'Tremaine']), 'NAME')} from the pharmacy calling about a prescription for {p.full()}, date of birth {p.dob(c.ch(['spoken', 'long']))}, the prescription number is {c.P(' '.join(ONES[int(x)] for x in c.digits(7, True)), 'OTHER_ID')}. We need a new prior auth. Our fax is {c.fax()}." """.strip())


@T("voicemail")
def vm_family_crisis(c):
    p = c.person()
    s = c.person()
    return (f"""[urgent vm] "Hi, this is {s.full()}, I'm {p.first()}'s {c.ch(['sister', 'mother', 'husband', 'roommate'])}. {p.first()} hasn't answered in two days and I'm really scared, she said some stuff on {c.appt('spoken_md')}... my cell is {c.spoken_phone()}, please call me." flagged=crisis routed_to=on-call""")


@T("voicemail")
def vm_insurance_rep(c):
    p = c.person()
    return (f"""[vm] "Hi, this is {c.P(c.ch(['Marcos', 'Jolene', 'Abhishek', 'Wisline', 'Garrett']), 'NAME')} with {c.payer()} provider services returning your call about member {p.full()}, member ID {c.member_id()}, the reference number for this call is {c.other_id('auth')}. The authorization for {c.cpt()} was approved through {c.appt('spoken_md')}." """.strip())


@T("voicemail")
def vm_spanish(c):
    p = c.person(culture="hispanic")
    return (f"""[buzón de voz, transcripción es-MX] "Hola, habla {p.full()}, mi cita es el {c.appt('es')} pero no tengo transporte. Mi teléfono es {c.phone(c.ch(['space', 'dash', 'intl']))}. Mi sobrino {c.P(c.ch(['Mateo', 'Joaquín', 'Alejandro', 'Jesús']), 'NAME')} puede llevarme si cambian la hora." conf=0.{c.ri(60, 90)}""")


@T("voicemail", clean=True)
def vm_clean_failed(c):
    return (f"""voicemail-transcribe: job {c.job()} failed — audio too short ({c.dur()}), codec G.711 µ-law, engine {c.svc('watson-nlp')} {c.ver()}; will retry once. Mailbox: Main Line / Intake.""")


# ===== Caregiver / relative contacts in several languages ======================
@T("contacts_i18n")
def ct_spanish(c):
    p = c.person(culture="hispanic")
    m = c.person(culture="hispanic")
    return (f"""Contacto de emergencia de {p.full()}: su mamá, {m.full()}, tel. {c.P(c.intl_phone('52'), 'PHONE')} (México) o {c.phone()}; correo {m.email()}. Fecha de nacimiento del paciente: {p.dob('es')}. [i18n] plantilla contact_card_es renderizada con 1 advertencia""")


@T("contacts_i18n")
def ct_french(c):
    p = c.person()
    g = c.person(culture="western_eu")
    city, st = c.city_state()
    return (f"""Personne à prévenir : {g.full()} (époux/épouse) — tél. {c.P(c.intl_phone('33'), 'PHONE')}, adresse {c.street()}, {city}. Patient(e) : {p.full()}, né(e) le {p.dob('fr')}. Erreur d'export : champ « lien de parenté » trop long ({c.status('422')})""")


@T("contacts_i18n")
def ct_german(c):
    p = c.person()
    e = c.person(culture="western_eu")
    return (f"""Notfallkontakt: Ehemann {e.full()}, Tel. {c.P(c.intl_phone('49'), 'PHONE')}, E-Mail {e.email()}. Patientin {p.full()}, geb. {p.dob(c.ch(['de', 'eu']))}. Fehler beim Speichern: Feld 'Beziehung' ungültig ({c.ex('ValidationException')})""")


@T("contacts_i18n")
def ct_portuguese(c):
    p = c.person(culture="lusophone")
    f = c.person(culture="lusophone")
    return (f"""Contato de emergência: {f.full()} (irmã), celular {c.P(c.intl_phone('55'), 'PHONE')}. Paciente {p.full()}, nascido em {p.dob('pt')}, mora em {c.street()}, {c.city_state()[0]} {c.zip()}. [sms-pt] lembrete não enviado: número internacional bloqueado""")


@T("contacts_i18n")
def ct_vietnamese(c):
    p = c.person(culture="vietnamese")
    m = c.person(culture="vietnamese")
    return (f"""Người liên hệ khẩn cấp: mẹ {m.full()}, điện thoại {c.phone()} hoặc {c.P(c.intl_phone('84'), 'PHONE')}. Bệnh nhân {p.full()}, sinh {p.dob('vi')}. [interpreter-request] Vietnamese interpreter needed for {c.appt('us')} ({c.cpt()})""")


@T("contacts_i18n")
def ct_chinese(c):
    g, f, em = c.ch(NATIVE_NAMES[:3])
    p = c.person(culture="chinese")
    nm = c.P(f + g, "NAME")
    return (f"""紧急联系人：母亲 {nm}，电话 {c.P(c.intl_phone('86'), 'PHONE')}，邮箱 {c.P(em + '@qq.com', 'EMAIL')}。患者 {p.full()}，出生日期 {p.dob('zh')}。[i18n] zh-CN 模板渲染失败：缺少字段 relationship_code""")


@T("contacts_i18n")
def ct_cyrillic(c):
    g, f, em = c.ch(NATIVE_NAMES[3:6])
    p = c.person(culture="slavic")
    return (f"""Контактное лицо: {c.P(g + ' ' + f, 'NAME')} (дочь), тел. {c.P(c.intl_phone(c.ch(['7', '380'])), 'PHONE')}, e-mail {c.P(em + '@' + c.ch(['mail.ru', 'ukr.net', 'gmail.com']), 'EMAIL')}. Пациент: {p.full()}, дата рождения {p.dob('eu')}. [export] encoding error in field relationship (cp1251)""")


@T("contacts_i18n")
def ct_arabic(c):
    g, f, em = c.ch(NATIVE_NAMES[6:8])
    p = c.person(culture="arabic")
    return (f"""جهة الاتصال في حالات الطوارئ: {c.P(g + ' ' + f, 'NAME')} (الأخ)، الهاتف {c.P(c.intl_phone('971'), 'PHONE')} / {c.phone()}. Patient {p.full()} DOB {p.dob('us')}. [rtl-render] bidi isolation missing in contact card""")


@T("contacts_i18n")
def ct_polish(c):
    p = c.person(culture="slavic")
    q = c.person(culture="slavic")
    return (f"""Osoba do kontaktu: {q.full()} (syn), tel. {c.P(c.intl_phone('48'), 'PHONE')}. Pacjent(ka) {p.full()}, ur. {p.dob('pl')}, adres: {c.street()}, {c.city_state()[0]}. [import] pominięto wiersz {c.cnt(2, 900)}: brak zgody RODO""")


@T("contacts_i18n")
def ct_guardian_custody(c):
    p = c.person(minor=True)
    g1 = c.person()
    g2 = c.person()
    return (f"""Guardianship on file for minor {p.full()} (DOB {p.dob('us')}): legal guardian {g1.full()} ({c.phone()}, {g1.email()}); non-custodial parent {g2.full()} — NO CONTACT per court order {c.other_id('court')}. [consent-check] portal invite blocked for {g2.email()}""")


@T("contacts_i18n")
def ct_korean_japanese(c):
    g, f, em = c.ch(NATIVE_NAMES[8:11])
    p = c.person(culture=c.ch(["korean", "japanese"]))
    return (f"""비상 연락처 / 緊急連絡先: {c.P(f + g, 'NAME')} — {c.P(c.intl_phone('82'), 'PHONE')}; patient {p.full()} ({p.dob('iso')}); contact email {c.P(em + '@naver.com', 'EMAIL')}. [i18n] CJK name split failed (no space between family and given name)""")


@T("contacts_i18n")
def ct_haitian_somali(c):
    p = c.person(culture="somali_haitian")
    r = c.person(culture="somali_haitian")
    return (f"""Moun pou kontakte an ka ijans / Emergency contact: {r.full()} ({c.ch(['kouzen', 'manman', 'sè'])}), tel {c.P(c.intl_phone(c.ch(['509', '252'])), 'PHONE')} or {c.phone()}. Patient {p.full()}, DOB {p.dob('us1')}, interpreter: Haitian Creole. [sms] reminder language fallback -> en""")


@T("contacts_i18n", clean=True)
def ct_clean_i18n(c):
    return (f"""i18n bundle {c.ver()}: {c.cnt(10, 300)} missing keys for es-MX, {c.cnt(1, 90)} for vi-VN, {c.cnt(1, 90)} for ht-HT; contact_card.relationship.{{mother,father,spouse,guardian}} untranslated; built by {c.svc()} commit {c.sha(7)}""")


# ===== Audit / access logs and identity / SSO errors ============================
@T("audit")
def au_break_glass(c):
    doc = c.person(clinician=True)
    p = c.person()
    return (f"""{c.ts('isoz')} AUDIT action=BREAK_GLASS user={doc.user()} role=clinician resource=Patient/{c.mrn()} patient="{p.lf()}" reason="crisis call after hours" src_ip={c.ip()} session={c.uuid()}""")


@T("audit")
def au_bruteforce(c):
    p = c.person()
    return (f"""{c.ts('syslog')} portal-auth[{c.ri(100, 9999)}]: {c.cnt(5, 60)} failed logins for username '{p.user()}' from {c.ip()} in {c.dur()}; account locked; notification sent to {p.email()}""")


@T("audit")
def au_saml(c):
    p = c.person(clinician=True)
    return (f"""SAML assertion rejected: NameID "{p.email()}" (Format urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress) not provisioned in tenant; Issuer https://sts.windows.net/{c.uuid()}/; displayName="{p.full()}"; AADSTS50105 [{c.svc('beatrix-sso')}]""")


@T("audit")
def au_oidc_claims(c):
    p = c.person()
    claims = c.J({"sub": "auth0|" + c.K(c.hexs(24), "uuid"), "email": p.email(), "email_verified": False,
                  "name": p.full(), "birthdate": p.dob("iso"), "phone_number": c.phone("e164"),
                  "iss": "https://login.moodjournal.app/", "aud": c.K(c.hexs(32), "uuid")})
    return f"""oidc: id_token rejected (email_verified=false) claims={claims}"""


@T("audit")
def au_mfa_sms(c):
    p = c.person()
    return (f"""{c.ts('isoms')} WARN mfa: SMS OTP delivery failed to {c.phone()} for user {p.user()} ({p.full()}); carrier error 30003 Unreachable; fallback to email {p.email()}""")


@T("audit")
def au_cross_clinic(c):
    doc = c.person(clinician=True)
    p = c.person()
    return (f"""AccessDenied: clinician {doc.full()} ({doc.user()}) at {c.clinic()} attempted to open chart {c.mrn()} ({p.full()}, DOB {p.dob()}) assigned to {c.clinic()}; policy deny-cross-site; ip {c.ip()}""")


@T("audit")
def au_export(c):
    u = c.person(clinician=True)
    p = c.person()
    return (f"""{c.ts('isoz')} AUDIT action=EXPORT_PDF user={u.user()} records=1 patient_name="{p.full()}" mrn={c.mrn()} dob={p.dob('iso')} destination=usb device_serial={c.serial()} host=frontdesk-03 ({c.pip()})""")


@T("audit")
def au_okta(c):
    p = c.person()
    return (f"""Okta System Log: user.authentication.auth_via_mfa FAILURE — actor {p.email()} ({p.full()}), client ip {c.ip()}, device "iPhone" IMEI {c.imei()}, reason INVALID_CREDENTIALS, transaction {c.req()}""")


@T("audit")
def au_impersonation(c):
    admin = c.person(clinician=True)
    p = c.person()
    return (f"""[admin-console] {admin.user()} impersonated portal user {p.user()} ({p.full()}) for {c.dur()} to troubleshoot billing; viewed statements for acct {c.account()}; ticket {c.dbid()}""")


@T("audit", clean=True)
def au_clean_rollup(c):
    return (f"""audit-rollup {c.ts('isoz')}: {c.cnt()} VIEW, {c.cnt()} EDIT, {c.cnt(0, 9)} BREAK_GLASS events; {c.cnt(0, 40)} denied; hosts {c.pip()}, {c.pip()}; {c.svc('winston-audit')} {c.ver()}""")


@T("audit", clean=True)
def au_clean_cert(c):
    return (f"""SAML signing certificate for {c.svc('beatrix-sso')} expires in {c.cnt(1, 30)} days (thumbprint {c.sha(40)}); IdP metadata refresh {c.status('503')}; will retry in {c.dur()}""")


# ===== Telehealth session logs ================================================
@T("telehealth")
def th_join(c):
    p = c.person()
    return (f"""[tele-bridge] {c.ts('isoms')} room {c.uuid()} participant "{p.first_init()}" joined from {c.ip()} ua="Mozilla/5.0 (Linux; Android 14; SM-S918U)" android_id={c.P(c.hexs(16), 'DEVICE')}; clinician {c.person(clinician=True).full()} waiting {c.dur()}""")


@T("telehealth")
def th_ice(c):
    return (f"""webrtc: ICE failed for session {c.uuid()} — candidates: host {c.pip()}:{c.ri(40000, 65000)}, srflx {c.ipv4()}:{c.ri(40000, 65000)} (patient), srflx {c.ipv6()} (patient), relay {c.pip()}:3478; TURN {c.status('401')}""")


@T("telehealth")
def th_location(c):
    p = c.person()
    city, st = c.city_state()
    return (f"""Telehealth attestation: patient {p.full()} confirmed physical location at start of session {c.appt('us')}: {c.street()}, {city}, {st} {c.zip()}. Clinician licensed in {st}: {c.state_lic()}. Emergency contact on site: {c.person().full()} {c.phone()}.""")


@T("telehealth")
def th_consent_recording(c):
    p = c.person()
    return (f"""recording-consent: missing for session {c.uuid()} ({p.full()}, {c.mrn()}); recording discarded at {c.ts('isoz')} after {c.dur()}; storage key would have been {c.P('recordings/' + c.P(p.slug('-', 'fl'), 'NAME') + '/' + c.appt('iso') + '.webm', 'URL')}""")


@T("telehealth")
def th_device_check(c):
    p = c.person()
    return (f"""pre-visit device check FAILED for {p.full()}: camera permission denied; device "Galaxy Tab A8" serial {c.serial()} IMEI {c.imei()} (loaner #{c.ri(1, 60)} from {c.clinic()}); network {c.ip()} jitter {c.dur()}""")


@T("telehealth")
def th_waiting_room(c):
    p = c.person()
    return (f"""waiting-room: {p.first_init()} has been waiting {c.ri(10, 40)} minutes for {c.person(clinician=True).init_last()}; SMS nudge to clinician {c.phone()} failed; patient callback {c.phone()}""")


@T("telehealth", clean=True)
def th_clean_turn(c):
    return (f"""coturn stats {c.ts('isoz')}: {c.cnt()} allocations, {c.cnt()} relayed MB, {c.cnt(0, 30)} auth failures (realm tele.{c.svc()}); listening {c.pip()}:3478; version {c.ver()}""")


@T("telehealth", clean=True)
def th_clean_quality(c):
    return (f"""session {c.uuid()} quality: MOS 3.{c.ri(1, 9)}, packet loss {c.ri(0, 9)}.{c.ri(0, 9)}%, RTT {c.dur()}, codec VP8/Opus; SFU {c.pip()}; room duration {c.dur()}; {c.cpt()} modifier 95 appended""")


# ===== Search queries, autocomplete, cache keys, queue messages ==================
@T("search_cache_queue")
def sq_search(c):
    p = c.person()
    d = p.dob("iso")
    q = c.P(fold(p.family).lower().replace(" ", "+"), "NAME")
    url = c.P(f"/api/v2/patients/search?q={q}&dob={d}&clinic=3", "URL")
    return f"""{c.ts('isoz')} slow query ({c.dur()}) GET {url} user={c.person(clinician=True).user()} hits=0 es_took={c.dur()}"""


@T("search_cache_queue")
def sq_autocomplete(c):
    p = c.person()
    fam = re.sub(r"[^a-z]", "", fold(p.family).lower())
    pre = [fam[:k] for k in range(3, min(len(fam), 7) + 1)]
    for x in pre:
        c.P(x, "NAME")
    return (f"""autocomplete trace (session {c.uuid()}): {' → '.join(repr(x) for x in pre)} → selected "{p.lf()}" ({c.mrn()}) in {c.dur()}""")


@T("search_cache_queue")
def sq_redis_key(c):
    p = c.person()
    key = "patient:lookup:%s:%s:%s" % (c.P(re.sub(r'[^a-z]', '', fold(p.family).lower()), "NAME"),
                                        c.P(re.sub(r'[^a-z]', '', fold(p.given).lower()), "NAME"), p.dob("hl7"))
    return f"""redis: GET {key} -> MISS ({c.dur()}); SETEX {key} 3600 failed: OOM command not allowed when used memory > 'maxmemory' [{c.pip()}:6379]"""


@T("search_cache_queue")
def sq_sqs_dlq(c):
    p = c.person()
    body = c.J({"type": "reminder", "to": c.phone("e164"), "client": p.first(), "appt": c.appt("iso"),
                "clinician": c.person(clinician=True).full(), "channel": "sms"})
    return f"""SQS DLQ bpc-reminders-dlq: message {c.uuid()} receiveCount=5 body={body}"""


@T("search_cache_queue")
def sq_kafka_key(c):
    p = c.person()
    mid = c.member_id()
    return (f"""kafka producer error: Message size too large for topic eligibility-results (partition {c.ri(0, 11)}), key="{mid}:{p.dob('hl7')}" value.subscriber.name="{p.FL()}" ({c.cnt(1000000, 3000000)} bytes) [{c.svc('oscar-eligibility')}]""")


@T("search_cache_queue")
def sq_es_query(c):
    p = c.person()
    q = c.J({"query": {"bool": {"must": [{"match": {"full_name": p.full()}},
                                         {"term": {"dob": p.dob("iso")}}],
                                "filter": [{"term": {"clinic_id": int(c.dbid(1, 40))}}]}}})
    return f"""elasticsearch: search_phase_execution_exception on index clients-v{c.ri(3, 9)}: {q}"""


@T("search_cache_queue")
def sq_memcached(c):
    mid = c.member_id()
    d = c.appt("iso")
    return f"""memcached: key too long (> 250 bytes): "elig:v2:{mid}:{d}:{c.K(c.ch(PAYERS).replace(' ', '_'), 'payer')}:{c.K(c.hexs(200), 'hash')}" — falling back to no-cache"""


@T("search_cache_queue")
def sq_rabbit_fax(c):
    p = c.person()
    return (f"""rabbitmq: basic.nack on queue outbound-fax (delivery tag {c.cnt()}), headers={{"x-recipient-fax": "{c.fax()}", "x-patient": "{p.lf()}", "x-dob": "{p.dob('us')}"}} requeue=false""")


@T("search_cache_queue", clean=True)
def sq_clean_stats(c):
    return (f"""cache stats {c.ts('isoz')}: hit ratio 0.{c.ri(50, 99)}, evictions {c.cnt()}, keys {c.cnt(1000, 99999)}, biggest key 'fee_schedule:{c.K(c.ch(PAYERS).lower().replace(' ', '_'), 'payer')}' ({c.cnt(1000, 99999)} bytes); node {c.pip()}:{c.port()}""")


@T("search_cache_queue", clean=True)
def sq_clean_search(c):
    return (f"""search log: q="{c.icd()}" hits={c.cnt()}; q="{c.drug()}" hits={c.cnt()}; q="{c.cpt()}" hits={c.cnt()}; q="grace period" hits=0; index clients-v{c.ri(3, 9)} took {c.dur()}""")


# ===== File paths and object-storage keys ======================================
@T("storage_paths")
def sp_s3_denied(c):
    m = c.mrn()
    key = c.P(f"s3://bpc-prod-clinical-docs/clients/{m}/consent/{c.appt('iso')}_signed.pdf", "URL")
    return f"""An error occurred (AccessDenied) when calling the GetObject operation: Access Denied\n  key: {key}\n  role: arn:aws:iam::{c.code(c.digits(12, True))}:role/{c.svc()}-task  request id {c.req()}"""


@T("storage_paths")
def sp_windows_scan(c):
    p = c.person()
    last = c.P(fold(p.family).upper(), "NAME")
    ini = fold(p.given)[:1].upper()
    d = p.dob("usdash")
    path = c.P("C:\\Users\\frontdesk\\Desktop\\Referrals\\%s %s %s.tif" % (last, ini, d), "URL")
    return f"""[ScanAgent] {c.ex('System.IO.IOException')}: The process cannot access the file '{path}' because it is being used by another process. (HRESULT {c.code('0x80070020')})"""


@T("storage_paths")
def sp_sftp_upload(c):
    p = c.person()
    slug = p.slug("_", "lf")
    d = p.birth
    hd = c.P(c.fmt_date(d, "mdy_compact"), "DATE")
    path = c.P(f"/mnt/scans/{c.ri(2023, 2025)}/intake/{slug}_DOB{hd}_intake.pdf", "URL")
    return f"""sftp upload to clearinghouse failed (Permission denied): {path} -> /inbound/attachments/ ({c.cnt(10, 9000)} KB, {c.dur()})"""


@T("storage_paths")
def sp_gcs_signed(c):
    p = c.person()
    m = c.mrn()
    url = c.P(f"https://storage.googleapis.com/nsp-records/exports/{m}/{p.slug('-', 'fl')}-records-release.zip?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Expires=900", "URL")
    return f"""<Error><Code>ExpiredToken</Code><Message>Invalid argument.</Message><Details>The provided token has expired. Request signature expired at: {c.ts('isoz')}</Details></Error>\nurl={url}"""


@T("storage_paths")
def sp_rsync_backup(c):
    p = c.person()
    q = c.person()
    f1 = c.P("/srv/ehr/attachments/%s/%s_insurance_card_front.jpg" % (c.mrn(), p.slug("_", "fl")), "URL")
    f2 = c.P("/srv/ehr/attachments/%s/%s_drivers_license.jpg" % (c.mrn(), q.slug("_", "fl")), "URL")
    return f"""rsync: [sender] read errors mapping "{f1}": Input/output error (5)\nrsync: [sender] read errors mapping "{f2}": Input/output error (5)\nrsync error: some files/attrs were not transferred (code 23) at main.c(1338) [sender={c.ver()}]"""


@T("storage_paths")
def sp_zip_manifest(c):
    p = c.person()
    d = c.P(c.fmt_date(p.birth, "iso"), "DATE")
    a = c.appt("iso")
    fn = c.P("records/%s (%s)/session-notes-%s.docx" % (c.P(p.full(), "NAME"), d, a), "URL")
    return f"""zipfile.BadZipFile: File is not a zip file — while reading member '{fn}' of export {c.uuid()}.zip (size {c.cnt(1000, 99999)} bytes)"""


@T("storage_paths")
def sp_portal_url(c):
    p = c.person()
    u = p.user()
    enc = c.P(c.fmt_date(p.birth, "us").replace("/", "%2F"), "DATE")
    url = c.P(f"https://portal.opendoorfamilytherapy.org/u/{u}/documents?dob={enc}", "URL")
    return f"""{c.ts('apache')} 404 GET {url} referer=- ua=okhttp/4.12.0 ip={c.ip()}"""


@T("storage_paths", clean=True)
def sp_clean_lifecycle(c):
    return (f"""s3 lifecycle rule 'expire-tmp' applied to s3://bpc-prod-tmp/exports/ ({c.cnt()} objects, {c.cnt()} MB); bucket policy version {c.ver()}; KMS key {c.uuid()}; {c.svc()} ok""")


@T("storage_paths", clean=True)
def sp_clean_disk(c):
    return (f"""df: /var/lib/postgresql 9{c.ri(0, 9)}% used on {c.pip()}; largest tables: {c.tbl('session_notes')} ({c.cnt(1, 99)} GB), {c.tbl('audit_events')} ({c.cnt(1, 99)} GB); vacuum last ran {c.ts('isoz')}""")


# ===== Email bounce notices ====================================================
@T("email_bounce")
def eb_dsn(c):
    p = c.person()
    em = c.P(p.ascii_local()[0] + "." + p.ascii_local()[1] + "@" + c.ch(["gmial.com", "gmail.co", "yaho.com", "hotmial.com", "outlook.cm"]), "EMAIL")
    return (f"""Delivery Status Notification (Failure)
Your message to {em} couldn't be delivered.
{p.first()} wasn't found at {em.split('@')[1]}.
Final-Recipient: rfc822; {em}
Action: failed
Status: {c.code('5.1.1')}
Diagnostic-Code: smtp; 550 5.1.1 <{em}>: Recipient address rejected: User unknown
Subject: Your appointment on {c.appt('abbr')} with {c.clinic()}""")


@T("email_bounce")
def eb_mailbox_full(c):
    p = c.person()
    em = p.email()
    return (f"""mailer-daemon@{c.ch(PRACTICE_DOMAINS)}: 452 4.2.2 The email account that you tried to reach is over quota. <{em}> — original: "Statement for account {c.account()} ({p.full()})" — retry {c.ri(1, 5)}/5""")


@T("email_bounce")
def eb_sendgrid(c):
    p = c.person()
    ev = c.J([{"email": p.email(), "event": "bounce", "type": "blocked", "status": "5.7.1",
               "reason": "550 5.7.1 Message rejected due to content (PHI keyword)",
               "sg_message_id": c.K(c.alnum(22, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"), "request_id"),
               "timestamp": int(c.ts("epoch")), "category": ["reminder"], "client_name": p.full(),
               "appointment_date": c.appt("us")}])
    return f"""sendgrid webhook: {ev}"""


@T("email_bounce")
def eb_outlook_ndr(c):
    p = c.person(clinician=True)
    em = p.email()
    return (f"""Remote Server returned '550 5.4.1 Recipient address rejected: Access denied. AS({c.code('201806281')})'
Original message headers:
To: "{p.full()}" <{em}>
Subject: RE: referral for {c.person().init_last()} DOB {c.past('us', 1960, 2010)}
X-MS-Exchange-Organization-Network-Message-Id: {c.uuid()}""")


@T("email_bounce")
def eb_autoreply(c):
    p = c.person(clinician=True)
    return (f"""Automatic reply: Out of office — {p.full()} is out until {c.appt('long')}. For urgent clinical matters contact {c.person(clinician=True).full()} at {c.phone()} or {c.person(clinician=True).email()}.
[mail-ingest] auto-reply suppressed from ticket thread {c.dbid()}""")


@T("email_bounce", clean=True)
def eb_clean_dmarc(c):
    return (f"""DMARC aggregate report for brightpathcounseling.com: {c.cnt()} messages from {c.pip()} pass SPF, {c.cnt(0, 30)} fail DKIM (selector s{c.ri(1, 3)}); report id {c.uuid()}; postmaster@brightpathcounseling.com notified""")


@T("email_bounce", clean=True)
def eb_clean_queue(c):
    return (f"""postfix/qmgr[{c.ri(100, 9999)}]: {c.K(c.hexs(10, True), 'job_id')}: removed; deferred queue {c.cnt()} messages, oldest {c.dur()}; relay {c.pip()}[{c.pip()}]:25 status=deferred (connection timed out)""")


# ===== Printed address labels and envelopes =====================================
@T("mail_labels")
def ml_avery(c):
    p = c.person()
    city, st = c.city_state(upper=True)
    return (f"""label-print: address validation failed (USPS: Default address — apartment/suite missing) for label {c.ri(1, 30)} of sheet Avery 5160
  {p.FL()}
  {c.street(upper=True)}
  {city} {st} {c.zip(plus4=False)}""")


@T("mail_labels")
def ml_usps_zip4(c):
    p = c.person()
    city, st = c.city_state()
    return (f"""USPS Addresses API: {c.status('400')} "ZIP+4 not found" for {c.street()}, {city} {st} {c.zip(plus4=True)} (recipient {p.full()}); CASS correction suggested: {c.street()}""")


@T("mail_labels")
def ml_guardian_envelope(c):
    p = c.person(minor=True)
    g = c.person()
    city, st = c.city_state()
    return (f"""envelope.render: overflow in window line 2 (42 chars max)
  To the Parent/Guardian of {p.full()}
  c/o {g.full()}
  {c.street()}
  {city}, {st} {c.zip()}
  RETURN SERVICE REQUESTED — {c.clinic()}""")


@T("mail_labels")
def ml_certified(c):
    p = c.person()
    city, st = c.city_state(upper=True)
    return (f"""Certified Mail receipt scan (records request) — tracking {c.code('9407 1' + c.digits(3) + ' ' + c.digits(4) + ' ' + c.digits(4) + ' ' + c.digits(4) + ' ' + c.digits(2))}
SENT TO: {p.FL()}, {c.street(upper=True)}, {city} {st} {c.zip()}
Article addressed to: ATTN {c.person().FL()} — Records Custodian
[ocr] signature field empty""")


@T("mail_labels")
def ml_po_box_rural(c):
    p = c.person()
    city, st = c.city_state()
    box = c.P(c.ch(["PO Box %d" % c.ri(1, 9999), "RR %d Box %d" % (c.ri(1, 9), c.ri(1, 300)), "HC %d Box %d" % (c.ri(30, 89), c.ri(1, 900))]), "ADDRESS")
    return (f"""mail-merge: skipped {p.lf()} — address '{box}' flagged as non-deliverable for parcel (Rx mail-order); alternate physical address needed; county dispatch notes: "{c.street()}, past the feed store"; phone {c.phone()}; city {city}, {st} {c.zip()}""")


@T("mail_labels", clean=True)
def ml_clean_printjob(c):
    return (f"""print job {c.job()} ({c.cnt(1, 900)} envelopes, template statement_v{c.ri(2, 9)}) finished on printer mailroom-{c.ri(1, 4)} ({c.pip()}); {c.cnt(0, 9)} jams; toner 1{c.ri(0, 9)}%; clinic {c.clinic()}""")


# ===== Insurance eligibility responses ========================================
@T("eligibility")
def el_271(c):
    p = c.person()
    city, st = c.city_state(upper=True)
    return (f"""271 parse warning: EB segment with unknown service type code 'MH'
NM1*IL*1*{p.up_last()}*{p.up_first()}****MI*{c.member_id()}~REF*6P*{c.group_no()}~N3*{c.street(upper=True)}~N4*{city}*{st}*{c.zip(plus4=False)}~DMG*D8*{p.dob('x12')}*{p.sex}~DTP*291*D8*{c.appt('x12')}~EB*1*IND*MH**PPO~EB*B*IND*MH*HM*{c.amt(False)}~""")


@T("eligibility")
def el_json(c):
    p = c.person()
    city, st = c.city_state()
    resp = {"subscriber": {"memberId": c.member_id(), "firstName": p.up_first(), "lastName": p.up_last(),
                           "dateOfBirth": p.dob("hl7"), "address": {"address1": c.street(), "city": city,
                                                                     "state": st, "postalCode": c.zip()}},
            "planStatus": [{"statusCode": "1", "status": "Active Coverage", "planDetails": "PPO"}],
            "payer": {"name": c.payer()}, "errors": [{"code": "72", "description": "Invalid/Missing Subscriber/Insured ID"}]}
    return "eligibility response (partial): " + c.J(resp)


@T("eligibility")
def el_mbi(c):
    p = c.person(old=True)
    mbi = c.P(c.mbi(), "HEALTH_PLAN")
    return (f"""Medicare eligibility (HETS) AAA*Y**75*C: subscriber not found — MBI {mbi}, {p.LF()}, DOB {p.dob('us')} (age {p.age()}); verify card and resubmit. payer {c.payer()}""")


@T("eligibility")
def el_medicaid(c):
    p = c.person()
    return (f"""Medicaid eligibility: {p.full()} — recipient ID {c.member_id()}, case # {c.other_id('medicaid_case')}, state of residence {c.ch(STATES)}, MCO {c.payer()}, redetermination due {c.appt('us')}; warning: address on file {c.street()} differs from 834""")


@T("eligibility")
def el_cob_spouse(c):
    p = c.person()
    s = c.person()
    return (f"""COB conflict: {p.full()} has primary {c.payer()} (member {c.member_id()}) via spouse {s.full()} (DOB {s.dob('us')}, employer group {c.group_no()}) and secondary {c.payer()} (member {c.member_id()}); birthday rule applied; subscriber SSN {c.ssn()}""")


@T("eligibility")
def el_dependent(c):
    p = c.person(minor=True)
    s = c.person()
    return (f"""eligibility: dependent {p.full()} (DOB {p.dob('iso')}) not found under subscriber {s.lf()} member {c.member_id()}; payer suggests separate dependent suffix -0{c.ri(1, 4)}; policy holder phone {c.phone()}""")


@T("eligibility", clean=True)
def el_clean_payer(c):
    return (f"""payer connectivity: {c.payer()} {c.status('503')} for {c.dur()}, {c.payer()} OK, {c.payer()} degraded (p95 {c.dur()}); clearinghouse batch {c.job()} held; {c.svc('oscar-eligibility')} {c.ver()}""")


@T("eligibility", clean=True)
def el_clean_benefits(c):
    return (f"""benefits cache refreshed: plan 'Gold PPO 1500' ({c.payer()}) MH outpatient copay {c.amt()}, {c.cpt()} covered, {c.cpt()} requires PA after visit {c.cnt(6, 30)}; db ids {c.dbid()}, {c.dbid()}""")


# ===== Additional long-tail templates (vehicles, faxes, very old patients, devices)
@T("jvm")
def jvm_parking_permit(c):
    p = c.person()
    pl, st = c.plate()
    return (f"""{c.ts('comma')} ERROR [visitor-parking] c.b.facilities.PermitService - {c.ex('java.lang.IllegalArgumentException')}: expired permit ParkingPermit(holder={p.full()}, plate={pl}, state={st}, vin={c.vin()}, validThrough={c.appt('iso')}, clientMrn={c.mrn()})""")


@T("go")
def go_nemt_dispatch(c):
    p = c.person()
    drv = c.person()
    pl, st = c.plate()
    return (f"""{c.ts('golog')} nemt: dispatch rejected by broker ({c.status('409')}): ride=&{{RideID:{c.dbid()} Member:{c.member_id()} Rider:{p.full()} Pickup:"{c.street()}" Phone:{c.phone('raw')} Driver:{drv.full()} VehiclePlate:{pl} PlateState:{st} Wheelchair:false}}""")


@T("python")
def py_check_violation(c):
    p = c.person(old=True)
    return (f"""{c.ex('psycopg2.errors.CheckViolation')}: new row for relation "clients" violates check constraint "clients_age_lt_90_chk"
DETAIL:  Failing row contains ({c.dbid()}, {p.last()}, {p.first()}, {p.dob('iso')}, {p.age(False)}, {c.phone('dash')}, null, t).
(intake wizard step 1; operator {c.person(clinician=True).user()})""")


@T("notes")
def note_snf_consult(c):
    p = c.person(old=True)
    return (f"""SNF consult ({c.appt('us')}): {p.age(False)} yo {p.sex} resident, rm {c.ri(100, 299)}B, referred for agitation at night. Resident is a {p.age(True)}-year-old former teacher; dtr {c.person().full()} is POA ({c.phone()}). Hx {c.icd()}. Avoid benzos; consider {c.drug()} low dose. Facility fax {c.fax()}.""")


@T("fax")
def fax_nursing_home(c):
    p = c.person(old=True)
    return (f"""FROM: Maple Terrace Nursing & Rehab   FAX {c.fax()}   PH {c.phone()}
TO: {c.clinic()}   FAX {c.fax()}
RE: Psych eval request — {p.LF()}, age {p.age(False)}, DOB {p.dob('us')}
Resident has Medicare (MBI {c.P(c.mbi(), 'HEALTH_PLAN')}) and {c.payer()} supplement.
[fax-ocr] {c.ri(2, 6)} pages""")


@T("billing")
def bill_legacy_ssn_member(c):
    p = c.person()
    s = c.ssn("raw")
    return (f"""payer-edit {c.code('PE-220')}: subscriber ID {s} looks like an SSN (legacy plan); payer {c.payer()} requires new member ID. Patient {p.LF()} acct {c.account()} — please obtain card. [billing-queue {c.svc()}]""")


@T("telehealth")
def th_mdm_enroll(c):
    p = c.person()
    return (f"""MDM enrollment failed for loaner tablet: serial {c.serial()}, IMEI {c.imei()}, Wi-Fi MAC {c.mac()} — assigned to {p.full()} ({c.mrn()}) for home telehealth; profile 'Telehealth-Kiosk' {c.ver()} rejected: {c.status('403')}""")


@T("audit")
def au_lpr_camera(c):
    p = c.person()
    pl, st = c.plate()
    return (f"""{c.ts('isoz')} facilities.lpr: plate {pl} ({st}) seen in staff-only lot 3x this week; matched to visitor pass for client {p.full()} (appt {c.appt('us')}); security notified; camera {c.pip()}""")


@T("rust")
def rust_fax_batch(c):
    return (f"""[{c.ts('isoz')} ERROR faxd::batch] {c.ri(2, 4)} of {c.ri(5, 9)} pages undeliverable: [FaxTarget {{ number: "{c.fax()}", attempts: 3, last: Busy }}, FaxTarget {{ number: "{c.fax()}", attempts: 3, last: NoAnswer }}] requester={c.person(clinician=True).full()}""")


@T("node")
def node_fax_webhook(c):
    p = c.person()
    body = c.J({"event": "fax.received", "id": c.uuid(), "from": c.fax("e164"), "to": c.fax("e164"),
                "pages": int(c.cnt(1, 20)), "ocr_hint": "Referral for %s DOB %s" % (p.full(), p.dob("us"))})
    return f"""[fax-webhook] signature mismatch, payload dropped: {body}"""


@T("elixir")
def ex_mileage(c):
    doc = c.person(clinician=True)
    pl, st = c.plate()
    return (f"""{c.ts('space')}.{c.ri(100, 999)} [warning] Reimbursement.Mileage rejected claim for {doc.full()}: %Vehicle{{vin: "{c.vin()}", plate: "{pl}", state: "{st}", owner: "{doc.full()}"}} home visits to {c.street()} and {c.street()} ({c.cnt(10, 90)} mi)""")


@T("ruby")
def ruby_geri_scope(c):
    a = c.person(old=True)
    b = c.person(old=True)
    return (f"""ActiveRecord::StatementInvalid (PG::NumericValueOutOfRange) in AgingReport:
  #<Client id: {c.dbid()}, name: "{a.full()}", age: {a.age(False)}, dob: "{a.dob('iso')}">
  #<Client id: {c.dbid()}, name: "{b.full()}", age: {b.age(False)}, dob: "{b.dob('iso')}">""")


@T("eligibility")
def el_supplement_old(c):
    p = c.person(old=True)
    return (f"""Medigap eligibility: {p.full()} ({p.age(False)} y/o), DOB {p.dob(c.ch(['us', 'long', 'dmy']))}, policy {c.member_id()}, plan G; primary Medicare MBI {c.P(c.mbi(), 'HEALTH_PLAN')}; mailing address {c.street()}, {c.city_state()[0]} {c.zip()}""")


@T("voicemail")
def vm_fax_spoken(c):
    p = c.person()
    return (f"""[vm] "Hi, this is {c.person(clinician=True).full()}'s office calling for records on {p.full()}, date of birth {p.dob('spoken')}. Could you fax them to {c.spoken_phone('FAX')}? Our phone is {c.spoken_phone()}. Thanks." transcript_conf=0.{c.ri(70, 95)}""")


@T("pharmacy_lab")
def rx_fax_rejection(c):
    p = c.person()
    return (f"""eFax to pharmacy rejected (remote fax {c.fax()} returned 'number not in service'); prior auth form for {p.full()} ({c.drug()}); alt pharmacy fax on file {c.fax()}; prescriber callback {c.phone()}""")


@T("scheduler")
def sch_ride_reminder(c):
    p = c.person()
    pl, st = c.plate()
    return (f"""sms queued to {c.phone()}: "Hi {p.first()}! Your ride to {c.clinic()} on {c.appt('mdname')} will be a silver Toyota Sienna, plate {pl}. Driver: {c.person().first()}. Reply HELP for help." (broker ref {c.other_id('auth')})""")


@T("storage_paths")
def sp_dl_upload(c):
    p = c.person()
    dl = c.dl()
    path = c.P(f"s3://bpc-prod-id-verification/{p.slug('_', 'lf')}/{dl}.jpg", "URL")
    return f"""upload rejected by malware scanner (EICAR signature) key={path} size={c.cnt(1000, 99999)} scanner={c.svc()} {c.ver()}"""


@T("php")
def php_post_dump(c):
    p = c.person()
    return (f"""PHP Notice:  Undefined index: insurance_group in /var/www/intake/submit.php on line {c.ri(10, 300)}
$_POST = array (
  'fname' => '{p.first()}',
  'lname' => '{p.last()}',
  'ssn' => '{c.ssn()}',
  'dob' => '{p.dob('us')}',
  'card' => '{c.card(False)}',
)""")


@T("contacts_i18n")
def ct_italian(c):
    p = c.person()
    n = c.person(culture="western_eu", old=True)
    return (f"""Contatto di emergenza: nonna {n.full()}, {n.age(False)} anni, tel. {c.phone()}. Paziente {p.full()}, nato il {p.dob('it')}. [i18n] it-IT: campo 'parentela' non tradotto""")


@T("validation")
def val_age_field(c):
    p = c.person(old=True)
    return (f"""field errors: {{"age": "Value {p.age(False)} exceeds maximum 89 — please call the office", "dob": "{p.dob('us')} implies age over 89"}} submitted by {p.full()} ({p.email()})""")


@T("etl")
def etl_court_vehicle(c):
    p = c.person()
    pl, st = c.plate()
    return (f"""court-referral import: row {c.cnt(2, 500)} rejected (VIN checksum OK but make/model missing): case {c.other_id('court')}, defendant {p.lf()}, DOB {p.dob('us')}, DL {c.dl()}, VIN {c.vin()}, plate {pl} {st}""")


@T("email_bounce")
def eb_efax_gateway(c):
    a, e, l = c.nanp()
    num = c.P(a + e + l, "FAX")
    em = c.P(num + "@" + c.ch(["efaxsend.com", "rcfax.com", "metrofax.com", "srfax.com"]), "EMAIL")
    p = c.person()
    return (f"""Undeliverable: fax-to-email gateway rejected <{em}> — 554 5.7.0 sender not authorized for this fax number. Attachment: records_{p.slug('_', 'lf')}.pdf ({c.cnt(1, 30)} pages)""")


@T("notes")
def note_dui_eval(c):
    p = c.person()
    pl, st = c.plate()
    return (f"""Court-ordered eval: {p.full()} (DOB {p.dob('us')}) arrested {c.past('md', 2024, 2025)} for DUI; license {c.dl()} suspended; vehicle impounded ({st} {pl}). AUDIT score {c.ri(8, 30)}. Dx {c.icd()}. Report due to PO {c.person().full()} by {c.appt('us')}.""")


@T("search_cache_queue")
def sq_mqtt_device(c):
    p = c.person()
    ser = c.serial()
    topic = "devices/%s/sleep" % ser
    return (f"""mqtt: dropped {c.cnt(10, 900)} messages on topic {topic} (owner {p.full()}) — payload schema v{c.ri(2, 4)} unsupported; device firmware {c.ver()}; broker {c.pip()}:1883""")


@T("billing")
def bill_payment_plan(c):
    p = c.person()
    return (f"""payment-plan setup failed for guarantor {p.full()} (acct {c.account()}): card {c.card()} AVS mismatch (billing ZIP {c.zip(plus4=False)}); bank fallback acct {c.bank_account()} not verified; amount {c.amt()}""")


@T("dotnet")
def dotnet_vehicle_claim(c):
    p = c.person()
    return (f"""{c.ex('System.ArgumentException')}: VIN '{c.vin()}' not found in insurer registry (Parameter 'vin')
   at Keystone.Billing.PipClaimBuilder.Build(PipClaimRequest req)
   req = PipClaimRequest {{ Patient = {p.full()}, AccidentDate = {c.past('us1', 2023, 2025)}, Policy = {c.member_id()}, Adjuster = {c.person().full()}, AdjusterFax = {c.fax()} }}""")


@T("swift")
def swift_fax_share(c):
    p = c.person()
    return (f"""[ShareSheet] FaxExtension failed: recipient "{c.fax()}" invalid for country US; document "{p.full()} – Release of Information.pdf"; device {c.serial()} iOS 17.{c.ri(0, 5)}""")


# ===== More look-alike (no-PHI) records and a few SSN-bearing ones =============
@T("jvm", clean=True)
def jvm_clean_jenkins(c):
    return (f"""Jenkins job '{c.svc()}' #{c.cnt(100, 2000)} FAILED at stage 'integration' ({c.dur()}): Sidekiq {c.ver()} and Celery {c.ver()} workers disagree on queue 'reminders'; Kafka consumer lag {c.cnt()} on partition {c.ri(0, 11)}; commit {c.sha(40)} by ci-bot""")


@T("pharmacy_lab", clean=True)
def rx_clean_interactions(c):
    return (f"""drug-interaction table refresh {c.ver()}: {c.drug()} + tramadol (serotonin syndrome, severity HIGH), {c.drug()} + {c.drug()} (QTc), {c.drug()} + alcohol; {c.cnt()} pairs loaded in {c.dur()}; formulary source {c.payer()}""")


@T("notes", clean=True)
def note_clean_words2(c):
    return (f"""staff huddle notes: frank discussion about the waitlist; will add a Saturday group; hope to open {c.cnt(2, 9)} slots for {c.cpt()}; summer hours start soon; art therapy room booked; grace period for late cancels unchanged (policy id {c.dbid()}). Clinic: {c.clinic()}""")


@T("pharmacy_lab", clean=True)
def lab_clean_fhir_capability(c):
    return c.J({"resourceType": "OperationOutcome", "id": c.uuid(),
                "issue": [{"severity": "warning", "code": "not-supported",
                           "diagnostics": "CapabilityStatement %s does not support Observation?code=%s (LOINC) or Condition?code=%s" % (
                               c.ver(), c.code("44249-1"), c.icd())}],
                "meta": {"lastUpdated": c.ts("offset"), "source": c.svc()}})


@T("etl", clean=True)
def etl_clean_codes(c):
    return (f"""code-mapping load: SNOMED {c.code(str(c.ri(10000000, 99999999)))} -> ICD-10 {c.icd()}, SNOMED {c.code(str(c.ri(10000000, 999999999)))} -> ICD-10 {c.icd()}; {c.cnt()} maps, {c.cnt(0, 50)} unmapped; CPT crosswalk {c.cpt()}/{c.cpt()}; run {c.uuid()}""")


@T("search_cache_queue", clean=True)
def sq_clean_k8s(c):
    return (f"""kubectl: pod {c.K(c.ch(LOOKALIKE_SERVICES) + '-' + c.hexs(10) + '-' + c.alnum(5, 'bcdfghjklmnpqrstvwxz2456789'), 'service')} CrashLoopBackOff (exit 137, OOMKilled) on node {c.K('ip-10-%d-%d-%d' % (c.ri(0, 255), c.ri(0, 255), c.ri(1, 254)), 'service')}; restarts {c.cnt(1, 90)}; image tag {c.ver()}@sha256:{c.sha(64)}""")


@T("go")
def go_ssn_mask_bug(c):
    p = c.person()
    s = c.ssn("dash")
    return (f"""{c.ts('golog')} WARN masker: mask("{s}") returned input unchanged (regexp ^\\d{{3}}-\\d{{2}}-\\d{{4}}$ compiled with wrong flags); client={p.full()} field=ssn handler=/v1/clients/{c.dbid()}/demographics""")


@T("node")
def node_w9_upload(c):
    p = c.person()
    return (f"""[{c.ts('isoz')}] warn: ocr(W-9) extracted {{ name: '{p.full()}', tin: '{c.ssn()}', address: '{c.street()}', cityStateZip: '{c.city_state()[0]} {c.zip()}' }} — TIN looks like an SSN; refund check cannot be issued without guarantor account {c.account()}""")


# ---------------------------------------------------------------------------
# Verification
# ---------------------------------------------------------------------------
def _letter_tokens(s):
    return re.findall(r"[^\W\d_]+", s)


def _build_name_tokens():
    toks = set()
    for given, fam in CULTURES.values():
        for n in given + fam:
            for t in _letter_tokens(n):
                toks.add(t.lower())
    for g, f, _ in NATIVE_NAMES:
        for t in _letter_tokens(g + " " + f):
            toks.add(t.lower())
    out = set()
    for t in toks:
        if len(t) < 3 or t in PARTICLES or t in phi_score.COMMON_WORDS or t in phi_score.TITLES:
            continue
        if t in LOOKALIKE_OK:
            continue
        out.add(t)
    return out


NAME_TOKENS = _build_name_tokens()
CITY_NAMES = sorted({c for c, _, _ in CITIES} | {fold(c).upper() for c, _, _ in CITIES}, key=len,
                    reverse=True)
STREET_RE = re.compile(r"(?i)(?<![^\W_])(?:%s) (?:%s)(?![^\W_])" % (
    "|".join(re.escape(b) for b in STREET_BASES + [fold(b) for b in STREET_BASES]),
    "|".join(re.escape(t) for t in STREET_TYPES)))
BOX_RE = re.compile(r"(?i)\b(?:P\.? ?O\.? )?Box \d+|\bRR \d+|\bRural Route \d+|\bHC \d+ Box")
EMAIL_RE = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
SSN_RE = re.compile(r"(?<![\d-])\d{3}[- ]\d{2}[- ]\d{4}(?![\d-])")
PHONE_RE = re.compile(r"(?<![\w.])(?:\+?1[ .-]?)?\(?[2-9]\d{2}\)?[ .-]?[2-9]\d{2}[ .-]\d{4}(?!\w)"
                      r"|\+\d{1,3}[ -]\d{1,4}[ -]?\d{2,4}")
MONTH_ALT = "|".join(MONTHS + MON + ["Sept"])
DATE_RES = [
    re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])"),
    re.compile(r"(?<![\d-])(?:19|20)\d{2}-\d{2}-\d{2}(?![\d-])(?![T ]\d{1,2}:\d{2})"),
    re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}(?![\d.])"),
    re.compile(r"(?<!\d)(?:19[2-9]\d|20[0-2]\d)(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01])(?!\d)"),
    re.compile(r"(?i)\b(?:%s)\.? \d{1,2}(?:st|nd|rd|th)?\b(?!:)(?! \d{1,2}:\d{2})" % MONTH_ALT),
    re.compile(r"(?i)\b\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:%s)\b" % MONTH_ALT),
    re.compile(r"(?i)\b(?:%s)\b" % "|".join(re.escape(m) for m in FR_M + ES_M + DE_M[2:3] + PT_M + PL_M
                                            if m.lower() not in ("mai", "marzo", "agosto", "abril", "mars"))),
]
ZIP4_RE = re.compile(r"(?<!\d)\d{5}-\d{4}(?!\d)")
LONGRUN_RE = re.compile(r"\d{7,}")
IPV4_RE = re.compile(r"(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d.])")
IPV6_RE = re.compile(r"(?<![\w:])(?:[0-9a-fA-F]{1,4}:){3,7}[0-9a-fA-F]{1,4}(?![\w:])"
                     r"|(?<![\w:])[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4})*::(?:[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4})*)?(?![\w:])")
AGE_RE = re.compile(r"(?i)\bninety[- ]\w+|\bone hundred\b|\b(?:9\d|1[01]\d) ?(?:y/?o|yo|-?years?[- ]old|yrs?)\b")


def _public_ipv4(m):
    o = [int(x) for x in m.groups()]
    if any(x > 255 for x in o):
        return False
    if o[0] in (10, 127, 0) or (o[0] == 172 and 16 <= o[1] <= 31) or (o[0] == 192 and o[1] == 168):
        return False
    if o[0] == 169 and o[1] == 254:
        return False
    return True


def _mask(text, tokens):
    for tok in sorted(set(tokens), key=len, reverse=True):
        if tok:
            text = re.sub(phi_score._boundary_pattern(tok), lambda m: " \u2063 ", text)
    return text


def simulate(text, phi):
    vals = sorted({(p["value"], p["kind"]) for p in phi}, key=lambda vk: (-len(vk[0]), vk))
    out = text
    for v, k in vals:
        out = re.sub(phi_score._boundary_pattern(v), lambda m, k=k: "[REDACTED:%s]" % k, out)
    return out


def unlabelled(out, keep):
    """Look for PHI from this generator's pools left in the simulated output."""
    errs = []
    s = _mask(out, keep)
    s = s.replace("[REDACTED:", "[R:")
    for t in _letter_tokens(s):
        if t.lower() in NAME_TOKENS:
            errs.append("unlabelled name token %r" % t)
    for cty in CITY_NAMES:
        if phi_score.occurs(cty, s):
            errs.append("unlabelled city %r" % cty)
    for rx, what in ((STREET_RE, "street"), (BOX_RE, "box"), (SSN_RE, "ssn-shape"),
                     (PHONE_RE, "phone-shape"), (ZIP4_RE, "zip4"), (LONGRUN_RE, "digit-run"),
                     (AGE_RE, "age>89")):
        for m in rx.finditer(s):
            errs.append("unlabelled %s %r" % (what, m.group(0)))
    for rx in DATE_RES:
        for m in rx.finditer(s):
            errs.append("unlabelled date-shape %r" % m.group(0))
    for m in EMAIL_RE.finditer(s):
        local = m.group(0).split("@")[0].lower()
        if local not in ROLE_LOCALS:
            errs.append("unlabelled email %r" % m.group(0))
    for m in IPV4_RE.finditer(s):
        if _public_ipv4(m):
            errs.append("unlabelled public ip %r" % m.group(0))
    for m in IPV6_RE.finditer(s):
        g = m.group(0)
        if g in ("::1", "::") or g.lower().startswith(("fe80", "fd")):
            continue
        errs.append("unlabelled ipv6/mac %r" % g)
    return errs


def check_digits(ph):
    v, k = ph["value"], ph["kind"]
    d = re.sub(r"\D", "", v)
    if k == "SSN" and not ssn_ok(v):
        return "invalid SSN %r" % v
    if k == "LICENSE" and re.fullmatch(r"[12]\d{9}", v) and not luhn_ok("80840" + v):
        return "bad NPI %r" % v
    if k == "LICENSE" and re.fullmatch(r"[A-Z][A-Z9]\d{7}", v) and not dea_ok(v):
        return "bad DEA %r" % v
    if k == "VEHICLE" and re.fullmatch(r"[A-HJ-NPR-Z0-9]{17}", v) and vin_check(v) != v[8]:
        return "bad VIN %r" % v
    if k == "DEVICE" and re.fullmatch(r"[\d -]+", v) and len(d) == 15 and not luhn_ok(d):
        return "bad IMEI %r" % v
    return None


def verify(rec, expect_clean=None):
    errs = []
    text = rec["text"]
    if not text or not isinstance(text, str):
        return ["empty text"]
    if len(rec["keep"]) != len(rec["keep_kinds"]):
        errs.append("keep/keep_kinds length mismatch")
    if expect_clean is True and rec["phi"]:
        errs.append("clean template produced PHI")
    if expect_clean is False and not rec["phi"]:
        errs.append("PHI template produced no PHI")
    for ph in rec["phi"]:
        if ph["kind"] not in KINDS:
            errs.append("bad kind %r" % ph["kind"])
        if not ph["value"] or ph["value"] not in text:
            errs.append("value not in text %r" % ph["value"])
        elif ph["value"] != ph["value"].strip():
            errs.append("value has outer whitespace %r" % ph["value"])
        e = check_digits(ph)
        if e:
            errs.append(e)
    for ph in rec["phi"]:
        if ph["kind"] == "URL" and not any(
                q["kind"] != "URL" and q["value"] in ph["value"] for q in rec["phi"]):
            errs.append("URL without a labelled identifier inside %r" % ph["value"])
    if errs:
        return errs
    out = simulate(text, rec["phi"])
    od = phi_score.digits_of(out)
    for ph in rec["phi"]:
        why = phi_score.leak_reason(ph["value"], ph["kind"], out, od)
        if why:
            errs.append("sim leak %s %r (%s)" % (ph["kind"], ph["value"], why))
    for tok in rec["keep"]:
        if not phi_score.occurs(tok, out):
            errs.append("keep token lost %r" % tok)
        for ph in rec["phi"]:
            if tok == ph["value"]:
                errs.append("keep token is labelled PHI %r" % tok)
    errs.extend(unlabelled(out, rec["keep"]))
    return errs


# ---------------------------------------------------------------------------
# Assembly
# ---------------------------------------------------------------------------
def build_record(n, tpl, attempt):
    style, name, fn, clean = tpl
    c = Ctx(random.Random("%s:%d:%d" % (SEED, n, attempt)))
    text = fn(c)
    seen = set()
    phi = []
    for v, k in c.phi:
        if (v, k) in seen:
            continue
        seen.add((v, k))
        phi.append({"value": v, "kind": k})
    phi.sort(key=lambda p: (text.find(p["value"]), -len(p["value"])))
    keep, kk, kseen = [], [], set()
    for v, k in zip(c.keep, c.kk):
        if v in kseen:
            continue
        kseen.add(v)
        keep.append(v)
        kk.append(k)
    return {"id": "%s-%d" % (FAMILY, n), "family": FAMILY, "template": "%s/%s" % (style, name),
            "text": text, "phi": phi, "keep": keep, "keep_kinds": kk}


def plan():
    names = [t[1] for t in TEMPLATES]
    dup = sorted({x for x in names if names.count(x) > 1})
    if dup:
        raise SystemExit("duplicate template names: %s" % dup)
    rng = random.Random(SEED + ":plan")
    phi_t = [t for t in TEMPLATES if not t[3]]
    clean_t = [t for t in TEMPLATES if t[3]]

    def cycle(pool, k):
        out = []
        while len(out) < k:
            batch = list(pool)
            rng.shuffle(batch)
            out.extend(batch)
        return out[:k]
    slots = cycle(phi_t, N_RECORDS - N_CLEAN) + cycle(clean_t, N_CLEAN)
    rng.shuffle(slots)
    return slots


def generate(verbose=False):
    recs = []
    for i, tpl in enumerate(plan()):
        n = i + 1
        last = None
        for attempt in range(MAX_ATTEMPTS):
            rec = build_record(n, tpl, attempt)
            errs = verify(rec, expect_clean=tpl[3])
            if not errs:
                break
            last = errs
        else:
            raise SystemExit("record %d (%s/%s) failed after %d attempts: %s" % (
                n, tpl[0], tpl[1], MAX_ATTEMPTS, last[:6]))
        recs.append(rec)
    return recs


def serialize(recs):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode("utf-8")


def summary(recs):
    from collections import Counter
    kinds = Counter(p["kind"] for r in recs for p in r["phi"])
    return kinds


def main(argv):
    if "--probe" in argv:
        # development aid: try every template many times and report failure rates
        bad = 0
        for tpl in TEMPLATES:
            fails = []
            for a in range(int(argv[argv.index("--probe") + 1]) if len(argv) > argv.index("--probe") + 1 else 20):
                rec = build_record(99999, tpl, a)
                e = verify(rec, expect_clean=tpl[3])
                if e:
                    fails.append(e)
            if fails:
                bad += 1
                print("%-45s fail %d: %s" % (tpl[0] + "/" + tpl[1], len(fails), fails[0][:3]))
        print("templates:", len(TEMPLATES), "with failures:", bad)
        return 0
    recs = generate()
    data = serialize(recs)
    if "--check" in argv:
        with open(OUT_PATH, "rb") as f:
            disk = f.read()
        if disk != data:
            print("FAIL: %s differs from regenerated output" % OUT_PATH)
            return 1
        problems = 0
        on_disk = [json.loads(l) for l in disk.decode("utf-8").splitlines() if l.strip()]
        if len(on_disk) != N_RECORDS:
            print("FAIL: expected %d records, found %d" % (N_RECORDS, len(on_disk)))
            return 1
        ids = set()
        for r in on_disk:
            if r["family"] != FAMILY or not r["id"].startswith(FAMILY + "-") or r["id"] in ids:
                print("FAIL: bad id/family %r" % r["id"])
                problems += 1
            ids.add(r["id"])
            for e in verify(r):
                print("FAIL %s: %s" % (r["id"], e))
                problems += 1
        kinds = summary(on_disk)
        for k in KINDS:
            if kinds.get(k, 0) < 25:
                print("FAIL: kind %s has only %d values" % (k, kinds.get(k, 0)))
                problems += 1
        clean = sum(1 for r in on_disk if not r["phi"])
        if clean != N_CLEAN:
            print("FAIL: %d records without PHI, expected %d" % (clean, N_CLEAN))
            problems += 1
        styles = sorted({t[0] for t in TEMPLATES})
        if len(TEMPLATES) < 200 or len(styles) < 12:
            print("FAIL: %d templates / %d styles" % (len(TEMPLATES), len(styles)))
            problems += 1
        if problems:
            print("check FAILED: %d problem(s)" % problems)
            return 1
        print("check OK: %d records (%d without PHI), %d PHI values, %d templates in %d styles"
              % (len(on_disk), clean, sum(kinds.values()), len(TEMPLATES), len(styles)))
        print("by kind: " + ", ".join("%s=%d" % (k, kinds.get(k, 0)) for k in KINDS))
        return 0
    with open(OUT_PATH, "wb") as f:
        f.write(data)
    kinds = summary(recs)
    styles = sorted({t[0] for t in TEMPLATES})
    print("wrote %s: %d records (%d without PHI), %d PHI values, %d templates in %d styles" % (
        OUT_PATH, len(recs), sum(1 for r in recs if not r["phi"]), sum(kinds.values()),
        len(TEMPLATES), len(styles)))
    print("by kind: " + ", ".join("%s=%d" % (k, kinds.get(k, 0)) for k in KINDS))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
