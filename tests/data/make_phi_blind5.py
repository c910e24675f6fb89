#!/usr/bin/env python3
"""Generate tests/data/phi_blind5.jsonl, a blind labelled corpus for the PHI scrubber.

Written without looking at the scrubber: only the corpus format
(shared/phi/README.md) and the scorer (tests/data/phi_score.py) were used.

Records imitate what the services of a mental-health practice-management
platform push into an alert relay: exceptions, frame locals, SQL/ORM errors,
HTTP logs, payload fragments, job failures, HL7/FHIR/X12 errors, SMS/e-mail
bounces, scheduling/billing messages, clinician notes, CSV imports and infra
noise, in many language/framework styles.  About a fifth of the records hold
no PHI at all (only look-alikes).

Standard library only; fixed seed; deterministic output.

Usage:
    python tests/data/make_phi_blind5.py            # (re)generate phi_blind5.jsonl
    python tests/data/make_phi_blind5.py --check    # verify the written file
    python tests/data/make_phi_blind5.py --out PATH [--check]

--check verifies for every record that
  * every phi value and keep token occurs in the text under the scorer's
    `occurs` rule (imported from phi_score.py by path);
  * no keep token contains, or overlaps an occurrence of, a phi value;
  * every NAME value consists only of name parts the scorer counts
    (>= 3 letters, not a title, not a common English word), unless the value
    is distinctive: it still has a counted part of >= 4 letters (or two
    counted parts) and the uncounted runs are only particles (de, la, van,
    O', D', St, ...), initials or runs of <= 2 letters;
  * a "perfect" scrub (every labelled occurrence removed) leaks nothing under
    the scorer's leak rules and keeps every keep token -- i.e. the labels are
    complete and keep tokens never carry PHI digits or name parts;
  * PHI-free records contain no given name or surname from the pools.
"""
import argparse
import datetime as dt
import importlib.util
import json
import random
import re
import sys
import unicodedata
from collections import Counter, OrderedDict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "phi_blind5.jsonl"
SEED = 20240311 + 5
N_RECORDS = 800
N_CLEAN = 160
FAMILY = "blind5"

_spec = importlib.util.spec_from_file_location("phi_score_for_blind5", HERE / "phi_score.py")
phi_score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(phi_score)
occurs = phi_score.occurs
KINDS = list(phi_score.KINDS)

# ---------------------------------------------------------------------------
# Name pools (written for this corpus; many cultures).  Every entry must be
# made of name parts the scorer counts, apart from particles / short runs.
# ---------------------------------------------------------------------------
GIVEN_NAMES = """
Olivia Emma Ava Sophia Isabella Mia Charlotte Amelia Harper Evelyn Abigail Emily Madison Elizabeth
Avery Chloe Penelope Riley Layla Nora Zoey Hannah Eleanor Natalie Brittany Kayla Courtney Megan
Ashley Jessica Heather Amanda Stephanie Danielle Tiffany Kimberly Melissa Rebecca Samantha Lauren
Liam Noah Oliver Elijah Benjamin Jacob Michael Alexander Ethan Daniel Matthew Joseph Samuel David
Carter Wyatt Jayden Gabriel Julian Anthony Isaac Joshua Andrew Nathan Caleb Ryan Adrian Christopher
Jonathan Charles Brandon Kevin Tyler Aaron Justin Travis Dustin Cody Kyle Derek Trevor Shawn
José María Guadalupe Alejandro Ximena Valentina Santiago Mateo Camila Itzel Yesenia Marisol Rocío
Araceli Joaquín Esteban Rodrigo Paloma Inés Beatriz Nicolás Lucía Fernanda Guillermo Héctor Consuelo
Dolores Ignacio Soledad João Thiago Luana Gonçalo
Mohammed Fatima Aisha Omar Youssef Khalid Noor Hamza Zainab Tariq Samira Yasmin Karim Rania Mustafa
Amira Reza Shirin Dariush Parisa Nazanin Mehmet Ayşe Emre Elif Zeynep
Priya Arjun Ananya Rohan Sanjay Deepika Vikram Lakshmi Aarav Divya Rajesh Sunita Harpreet Gurpreet
Imran Farhan Nusrat Anjali
Wei Jing Xiaoming Mei Hiroshi Yuki Haruto Sakura Kenji Akiko Minjun Seo-yeon Jiwoo Hyun-woo Thanh
Linh Minh Quang Huong Trang Nguyet Somchai Malee Maricel Rogelio Analyn
Chinedu Ngozi Oluwaseun Adebayo Chiamaka Kwame Akosua Kofi Abena Tendai Thandiwe Sipho Nomvula Amara
Emeka Folasade Wanjiru Kamau Zawadi Abebe Tigist Mamadou Aminata Fatoumata Ousmane
Lars Ingrid Sven Astrid Bjørn Søren Freya Matthias Katharina Jürgen Friederike Giovanni Francesca
Alessandro Chiara Giulia Pierre Amélie Théo Margaux Sébastien Aoife Siobhan Niamh Ciarán Seamus Eamon
Dmitri Anastasia Oksana Yaroslav Katarzyna Wojciech Zofia Mikołaj Agnieszka Bogdan Ioana Andrei Mihai
Nikolaos Eleni Dimitra
Kalani Keoni Leilani Makana Ahanu Aiyana Sione Tevita Miriam Yosef Shira Avraham Tamar Esther Chaim Rivka
""".split()

SURNAMES = """
Johnson Williams Jones Garcia Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas
Taylor Moore Jackson Martin Thompson Harris Sanchez Clark Ramirez Lewis Robinson Allen Reyes Cruz
Morales Ortiz Gutierrez Castillo Vargas Romero Mendoza Villanueva Bautista Hernández
Nguyen Tran Pham Huynh Hoang Đặng Kim Choi Jung Kang Yoon Cho Wang Zhang Liu Chen Yang Huang Zhao Zhou
Tanaka Suzuki Takahashi Watanabe Yamamoto Nakamura Kobayashi
Patel Shah Sharma Singh Kumar Gupta Reddy Iyer Chatterjee Banerjee Mukherjee Krishnan Venkataraman
Okafor Okonkwo Adeyemi Oyelaran Mensah Boateng Asante Owusu Nkosi Dlamini Mokoena Mwangi Otieno
Kiplagat Haile Tesfaye Abdi Hassan Mahmoud Haddad Khoury Nasser Al-Sayed El-Amin Farouk Rahman
Chowdhury Hossain Karimi Hosseini Tehrani Yilmaz Kaya Demir Öztürk
Kowalski Nowak Wiśniewski Wójcik Kowalczyk Novák Horváth Popescu Ionescu Petrov Ivanova Smirnov Volkov
Kuznetsov Shevchenko Bondarenko Müller Schneider Fischer Schäfer Becker Hoffmann Schulz Rossi Russo
Esposito Bianchi Romano Colombo Ferrari Dubois Lefebvre Moreau Laurent Girard Fontaine Bakker Visser
Janssens Peeters Lindqvist Johansson Andersson Nilsson Eriksson Hansen Jensen Nielsen Kristiansen
Haugen Virtanen Korhonen McAllister McCarthy MacDonald McLaughlin Fitzgerald Gallagher Donnelly
Kavanagh Pereira Oliveira Costa Carvalho Rodrigues Almeida Fernandes Gonçalves Ferreira Cohen Levy
Friedman Goldberg Shapiro Katz Rosenbaum Weiss Abramowitz Begay Yazzie Tsosie Benally Kealoha
Kahananui Tuilagi
""".split() + [
    "de Vries", "van der Berg", "van Dijk", "O'Neill", "O'Brien", "O'Connor", "O'Sullivan",
    "D'Angelo", "D'Souza", "de la Cruz", "del Rosario", "de los Santos", "dos Santos", "da Silva",
    "Fa'amausili", "Garcia-Lopez", "Ortiz-Rivera", "Bennett-Hayes", "Kowalski-Brandt",
    "Nakamura-Reyes", "St. Pierre", "Dela Peña", "Ng", "Wu", "Li", "Vo", "Xu",
]

PARTICLES = {"de", "la", "del", "los", "las", "van", "der", "den", "von", "da", "dos", "das", "du",
             "le", "di", "al", "el", "bin", "o", "d", "st", "mc", "ter", "dela"}

_LETTER_RUN = re.compile(r"[^\W\d_]+")


def name_value_ok(value):
    """The corpus rule for NAME values (see module docstring)."""
    runs = _LETTER_RUN.findall(value)
    counted = set(phi_score.name_parts(value))
    if not counted:
        return False
    unc = [r for r in runs if r not in counted]
    if not unc:
        return True
    strong = [r for r in counted if len(r) >= 4]
    if not strong and len(counted) < 2:
        return False
    return all(r.lower() in PARTICLES or len(r) <= 2 or r.lower() in phi_score.TITLES for r in unc)


def _validate_pools():
    bad = [n for n in GIVEN_NAMES + SURNAMES if n not in ("Ng", "Wu", "Li", "Vo", "Xu")
           and not name_value_ok(n)]
    if bad:
        sys.exit("name pool entries the scorer would not count: %r" % bad)
    for pool, label in ((GIVEN_NAMES, "given"), (SURNAMES, "surname")):
        if len(set(pool)) != len(pool):
            dup = [k for k, v in Counter(pool).items() if v > 1]
            sys.exit("duplicate %s names: %r" % (label, dup))


_validate_pools()
SHORT_SURNAMES = {"Ng", "Wu", "Li", "Vo", "Xu"}

# counted name parts of the pools, for the "no stray names" guard
POOL_PARTS = set()
for _n in GIVEN_NAMES + SURNAMES:
    for _p in phi_score.name_parts(_n):
        POOL_PARTS.add(_p.lower())

# ---------------------------------------------------------------------------
# Geography
# ---------------------------------------------------------------------------
CITIES = [
    ("Worcester", "MA", "016"), ("Springfield", "MA", "011"), ("Lowell", "MA", "018"),
    ("Brockton", "MA", "023"), ("Pittsfield", "MA", "012"), ("Cedar Rapids", "IA", "524"),
    ("Des Moines", "IA", "503"), ("Albuquerque", "NM", "871"), ("Santa Fe", "NM", "875"),
    ("Las Cruces", "NM", "880"), ("Boise", "ID", "837"), ("Coeur d'Alene", "ID", "838"),
    ("Tacoma", "WA", "984"), ("Spokane", "WA", "992"), ("Bellingham", "WA", "982"),
    ("Eugene", "OR", "974"), ("Salem", "OR", "973"), ("Bend", "OR", "977"),
    ("Winston-Salem", "NC", "271"), ("Asheville", "NC", "288"), ("Durham", "NC", "277"),
    ("St. Louis", "MO", "631"), ("Kansas City", "MO", "641"), ("Tulsa", "OK", "741"),
    ("Lubbock", "TX", "794"), ("El Paso", "TX", "799"), ("San Antonio", "TX", "782"),
    ("McAllen", "TX", "785"), ("Baton Rouge", "LA", "708"), ("Lafayette", "LA", "705"),
    ("Chattanooga", "TN", "374"), ("Knoxville", "TN", "379"), ("Duluth", "MN", "558"),
    ("Rochester", "MN", "559"), ("St. Paul", "MN", "551"), ("Milwaukee", "WI", "532"),
    ("Green Bay", "WI", "543"), ("Ann Arbor", "MI", "481"), ("Grand Rapids", "MI", "495"),
    ("Dayton", "OH", "454"), ("Akron", "OH", "443"), ("Scranton", "PA", "185"),
    ("Allentown", "PA", "181"), ("Burlington", "VT", "054"), ("Portland", "ME", "041"),
    ("Bangor", "ME", "044"), ("Manchester", "NH", "031"), ("Providence", "RI", "029"),
    ("New Haven", "CT", "065"), ("Yonkers", "NY", "107"), ("Buffalo", "NY", "142"),
    ("Ithaca", "NY", "148"), ("Paterson", "NJ", "075"), ("Flagstaff", "AZ", "860"),
    ("Tucson", "AZ", "857"), ("Ogden", "UT", "844"), ("Provo", "UT", "846"),
    ("Fresno", "CA", "937"), ("Bakersfield", "CA", "933"), ("Santa Rosa", "CA", "954"),
    ("Chula Vista", "CA", "919"), ("Hilo", "HI", "967"), ("Fairbanks", "AK", "997"),
    ("Billings", "MT", "591"), ("Missoula", "MT", "598"), ("Rapid City", "SD", "577"),
    ("Fargo", "ND", "581"), ("Cheyenne", "WY", "820"), ("Pueblo", "CO", "810"),
    ("Boulder", "CO", "803"), ("Savannah", "GA", "314"), ("Macon", "GA", "312"),
    ("Gainesville", "FL", "326"), ("Hialeah", "FL", "330"), ("Tallahassee", "FL", "323"),
]
STATE_NAMES = {"MA": "Massachusetts", "IA": "Iowa", "NM": "New Mexico", "ID": "Idaho",
               "WA": "Washington", "OR": "Oregon", "NC": "North Carolina", "MO": "Missouri",
               "OK": "Oklahoma", "TX": "Texas", "LA": "Louisiana", "TN": "Tennessee",
               "MN": "Minnesota", "WI": "Wisconsin", "MI": "Michigan", "OH": "Ohio",
               "PA": "Pennsylvania", "VT": "Vermont", "ME": "Maine", "NH": "New Hampshire",
               "RI": "Rhode Island", "CT": "Connecticut", "NY": "New York", "NJ": "New Jersey",
               "AZ": "Arizona", "UT": "Utah", "CA": "California", "HI": "Hawaii", "AK": "Alaska",
               "MT": "Montana", "SD": "South Dakota", "ND": "North Dakota", "WY": "Wyoming",
               "CO": "Colorado", "GA": "Georgia", "FL": "Florida"}
STREETS = ["Larkspur", "Maple", "Chestnut", "Magnolia", "Sycamore", "Juniper", "Alder", "Whitcomb",
           "Kenwood", "Halsted", "Mission", "Alameda", "Peachtree", "Cottonwood", "Old Mill",
           "Ridgeview", "Quarry", "Pleasant", "Elmwood", "Birchwood", "Beacon", "Harrison",
           "Jefferson", "Lincoln", "Frontage", "Tamarack", "Osage", "Cherokee", "Kamehameha",
           "Wabash", "Kedzie", "Pulaski", "Dorchester", "Highland", "Prospect", "Orchard", "Spruce",
           "Hemlock", "Aspen", "Saguaro", "Mesquite", "Bayou", "Dogwood", "Azalea", "Shady Oak",
           "Willow Creek", "Fox Hollow", "Hillcrest", "Lakeview", "Sunset", "Cesar Chavez",
           "Martin Luther King Jr", "Calle del Sol", "Camino Real", "Rio Grande", "Old County"]
SUFFIXES = ["St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Dr", "Drive", "Ln", "Lane",
            "Ct", "Way", "Pl", "Ter", "Cir", "Pkwy", "Trl"]
UNITS = ["Apt 3B", "Apt. 12", "Unit 210", "#4", "Apt 2R", "Lot 44", "Trlr 7", "Bldg C Apt 12",
         "Fl 2", "Apt 1407", "Unit B", "# 6C", "Spc 19"]

# ---------------------------------------------------------------------------
# Keep-token pools (never PHI)
# ---------------------------------------------------------------------------
ICD10 = ["F32.1", "F32.A", "F33.1", "F33.2", "F41.1", "F41.0", "F43.10", "F43.12", "F43.21",
         "F43.23", "F90.0", "F90.2", "F31.81", "F31.9", "F40.10", "F42.2", "F50.00", "F10.20",
         "F11.20", "F12.20", "F60.3", "F84.0", "F51.01", "Z63.0", "Z71.89", "F34.1", "F20.9",
         "F25.0", "Z91.19", "F40.01"]
CPT = ["90791", "90792", "90832", "90834", "90837", "90838", "90846", "90847", "90853", "90839",
       "90840", "99213", "99214", "96127", "96130", "96131", "90785", "H0031", "H2019", "99417"]
DRUGS = ["sertraline", "escitalopram", "fluoxetine", "bupropion XL", "lamotrigine", "quetiapine",
         "aripiprazole", "lithium carbonate", "buprenorphine-naloxone", "methylphenidate ER",
         "lisdexamfetamine", "venlafaxine", "trazodone", "hydroxyzine", "mirtazapine",
         "clonazepam", "prazosin", "naltrexone", "atomoxetine", "duloxetine", "olanzapine",
         "guanfacine ER", "vilazodone", "clozapine"]
BRANDS = ["Zoloft", "Lexapro", "Wellbutrin", "Lamictal", "Seroquel", "Abilify", "Vyvanse",
          "Suboxone", "Trintellix", "Spravato", "Strattera", "Cymbalta"]
DOSES = ["25 mg", "50 mg", "100 mg", "150 mg", "10 mg", "20 mg", "0.5 mg", "300 mg", "8 mg/2 mg"]
PAYERS = [("Aetna", "60054"), ("Cigna", "62308"), ("UnitedHealthcare", "87726"),
          ("Blue Cross Blue Shield of Massachusetts", "SB700"), ("Anthem Blue Cross", "47198"),
          ("Humana", "61101"), ("Kaiser Permanente", "94134"), ("TRICARE West", "99726"),
          ("MassHealth", "DMA7384"), ("Medi-Cal", "MCDCA"), ("Optum Behavioral Health", "87726"),
          ("Magellan Healthcare", "01260"), ("Carelon Behavioral Health", "00227"),
          ("Harvard Pilgrim Health Care", "04271"), ("Tufts Health Plan", "04298"),
          ("Oscar Health", "OSCAR"), ("Ambetter", "68069"), ("Medicare Part B", "14212")]
SERVICES = ["intake-api", "scheduler-svc", "claims-worker", "notify-svc", "ehr-bridge", "portal-web",
            "billing-core", "fax-gateway", "rx-bridge", "eligibility-svc", "telehealth-rtc",
            "docs-render", "audit-log", "identity-svc", "outcomes-svc", "import-worker"]
PLATFORM_DOMAINS = ["kestrelcare.io", "kestrel-ehr.net"]
CLINICS = [("Harborlight Counseling Group", "harborlight-counseling.com"),
           ("Cedar Grove Behavioral Health", "cedargrovebh.org"),
           ("Northstar Psychiatry", "northstarpsych.com"),
           ("Mesa Verde Family Therapy", "mesaverdefamilytherapy.com"),
           ("Lakeshore Mind and Body", "lakeshoremindbody.com"),
           ("Bright Harbor Counseling", "brightharborcounseling.org"),
           ("Piedmont Trauma Recovery Center", "piedmonttrc.org"),
           ("Riverbend Psychological Associates", "riverbendpsych.com")]
FREEMAIL = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com",
            "protonmail.com", "comcast.net", "att.net", "ymail.com", "live.com", "msn.com"]
AREA_CODES = ["617", "508", "413", "781", "978", "312", "773", "206", "253", "505", "208", "303",
              "720", "512", "210", "404", "470", "612", "651", "919", "984", "402", "414", "602",
              "480", "971", "503", "801", "385", "716", "585", "845", "860", "203", "401", "207",
              "802", "603", "915", "956", "225", "337", "423", "865", "218", "507", "616", "734",
              "937", "330", "570", "610", "907", "808", "406", "605", "701", "307", "719", "912",
              "478", "352", "305", "850"]
PUBLIC_FIRST_OCTETS = [24, 47, 50, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 96, 97,
                       98, 99, 107, 108, 173, 174, 184, 199, 206, 208, 209, 216]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
         "octubre", "noviembre", "diciembre"]
NUM_WORDS = {90: "ninety", 91: "ninety-one", 92: "ninety-two", 93: "ninety-three",
             94: "ninety-four", 95: "ninety-five", 96: "ninety-six", 97: "ninety-seven",
             98: "ninety-eight", 99: "ninety-nine", 100: "one hundred", 101: "one hundred one",
             102: "one hundred two", 103: "one hundred three"}
RELATIONS = ["mother", "father", "spouse", "wife", "husband", "daughter", "son", "sister",
             "brother", "grandmother", "aunt", "partner", "guardian", "foster parent"]
CREDENTIALS = ["LICSW", "LMHC", "PsyD", "PhD", "MD", "PMHNP-BC", "LMFT", "LPC", "LCSW", "LADC"]
_FOLD = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "đ": "d",
                       "Đ": "D", "ı": "i"})


def ascii_fold(s):
    s = s.translate(_FOLD)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def slug(s):
    return re.sub(r"[^a-z]", "", ascii_fold(s).lower())


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


def luhn_ok(num):
    return luhn_digit(num[:-1]) == num[-1]


_VIN_MAP = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3,
                                                 4, 5, 6, 7, 8, 9]))
_VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_check(vin):
    s = sum((int(c) if c.isdigit() else _VIN_MAP[c]) * w for c, w in zip(vin, _VIN_W))
    r = s % 11
    return "X" if r == 10 else str(r)


def dea_ok(dea):
    d = [int(x) for x in dea[2:]]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "%d%s" % (n, suf)


# ---------------------------------------------------------------------------
# Record context: random value factories + labelling
# ---------------------------------------------------------------------------
UTC = dt.timezone.utc
EPOCH0 = dt.datetime(2024, 1, 2, tzinfo=UTC)


class Person:
    def __init__(self, given, family, sex, mid, dob):
        self.given, self.family, self.sex, self.mid, self.dob = given, family, sex, mid, dob

    @property
    def full(self):
        return "%s %s" % (self.given, self.family)

    @property
    def lf(self):
        return "%s, %s" % (self.family, self.given)

    @property
    def g(self):
        return slug(self.given)

    @property
    def f(self):
        return slug(self.family)


class Ctx:
    def __init__(self, rng, clean):
        self.r = rng
        self.clean = clean
        self.phi = []
        self.keep = []
        self.now = EPOCH0 + dt.timedelta(seconds=rng.randint(0, 640 * 86400),
                                         microseconds=rng.randint(0, 999999))

    # -- labelling ---------------------------------------------------------
    def p(self, value, kind):
        value = str(value)
        if self.clean:
            raise AssertionError("PHI labelled in a clean record: %r" % value)
        if kind not in KINDS:
            raise AssertionError("unknown kind %s" % kind)
        self.phi.append((value, kind))
        return value

    def k(self, value, kind):
        value = str(value)
        self.keep.append((value, kind))
        return value

    # -- randomness --------------------------------------------------------
    def ch(self, seq):
        return self.r.choice(seq)

    def ri(self, a, b):
        return self.r.randint(a, b)

    def chance(self, prob):
        return self.r.random() < prob

    def digs(self, n, lead_nonzero=False):
        s = "".join(self.r.choice("0123456789") for _ in range(n))
        if lead_nonzero and s[0] == "0":
            s = self.r.choice("123456789") + s[1:]
        return s

    def hexs(self, n):
        return "".join(self.r.choice("0123456789abcdef") for _ in range(n))

    def alnum(self, n, alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def upper(self, n, alphabet="ABCDEFGHJKLMNPRSTUVWXYZ"):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    # -- machine / keep values ---------------------------------------------
    def ts(self, style="iso", keep=True, delta=0):
        t = self.now + dt.timedelta(seconds=delta)
        ms = "%03d" % (t.microsecond // 1000)
        if style == "iso":
            s = t.strftime("%Y-%m-%dT%H:%M:%S.") + ms + "Z"
        elif style == "iso_s":
            s = t.strftime("%Y-%m-%dT%H:%M:%SZ")
        elif style == "iso_off":
            s = (t - dt.timedelta(hours=5)).strftime("%Y-%m-%dT%H:%M:%S") + "-05:00"
        elif style == "py":
            s = t.strftime("%Y-%m-%d %H:%M:%S,") + ms
        elif style == "sql":
            s = t.strftime("%Y-%m-%d %H:%M:%S.") + ms + " UTC"
        elif style == "plain":
            s = t.strftime("%Y-%m-%d %H:%M:%S")
        elif style == "syslog":
            s = t.strftime("%b ") + ("%2d" % t.day) + t.strftime(" %H:%M:%S")
        elif style == "clf":
            s = t.strftime("%d/%b/%Y:%H:%M:%S +0000")
        elif style == "nginx":
            s = t.strftime("%Y/%m/%d %H:%M:%S")
        elif style == "epoch":
            s = "%d.%s" % (int(t.timestamp()), ms)
        elif style == "epoch_ms":
            s = "%d%s" % (int(t.timestamp()), ms)
        elif style == "rails":
            s = t.strftime("%Y-%m-%d %H:%M:%S +0000")
        elif style == "glog":
            s = t.strftime("%m%d %H:%M:%S.") + "%06d" % t.microsecond
        elif style == "time":
            s = t.strftime("%H:%M:%S")
        elif style == "java":
            s = t.strftime("%Y-%m-%d %H:%M:%S.") + ms
        else:
            raise ValueError(style)
        return self.k(s, "timestamp") if keep else s

    def uuid(self, keep=True):
        h = self.hexs(32)
        u = "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], self.ch("89ab"), h[17:20], h[20:32])
        return self.k(u, "uuid") if keep else u

    def reqid(self, keep=True):
        s = self.ch(["req_" + self.hexs(20), self.hexs(8) + "-" + self.hexs(4) + "-" + self.hexs(4),
                     "Root=1-%s-%s" % (self.hexs(8), self.hexs(24)), self.alnum(26, "0123456789ABCDEFGHJKMNPQRSTVWXYZ")])
        return self.k(s, "request_id") if keep else s

    def trace(self):
        return self.k("00-%s-%s-01" % (self.hexs(32), self.hexs(16)), "trace_id")

    def dbid(self, lo=1000, hi=999999, keep=True):
        s = str(self.ri(lo, hi))
        return self.k(s, "db_id") if keep else s

    def ms(self, lo=3, hi=30000, keep=True, unit="ms"):
        s = "%d%s" % (self.ri(lo, hi), unit)
        return self.k(s, "duration") if keep else s

    def version(self, keep=True):
        s = self.ch(["v%d.%d.%d" % (self.ri(1, 4), self.ri(0, 30), self.ri(0, 20)),
                     "%d.%d.%d" % (self.ri(1, 9), self.ri(0, 30), self.ri(0, 40)),
                     "%d.%d.%d-rc.%d" % (self.ri(1, 5), self.ri(0, 12), self.ri(0, 9), self.ri(1, 4))])
        return self.k(s, "version") if keep else s

    def sha(self, n=7, keep=True):
        s = self.hexs(n)
        while s.isdigit() or s.isalpha():
            s = self.hexs(n)
        return self.k(s, "hash") if keep else s

    def svc(self, keep=True):
        s = self.ch(SERVICES)
        return self.k(s, "service") if keep else s

    def pod(self, svc=None, keep=True):
        svc = svc or self.ch(SERVICES)
        s = "%s-%s-%s" % (svc, self.hexs(9), self.alnum(5, "bcdfghjklmnpqrstvwxz2456789"))
        return self.k(s, "host") if keep else s

    def infra_ip(self, keep=True):
        s = self.ch(["10.%d.%d.%d" % (self.ri(0, 40), self.ri(0, 255), self.ri(2, 254)),
                     "172.%d.%d.%d" % (self.ri(16, 31), self.ri(0, 255), self.ri(2, 254)),
                     "127.0.0.1"])
        return self.k(s, "infra_ip") if keep else s

    def port(self, keep=True):
        s = str(self.ch([5432, 3306, 1433, 6379, 5672, 9092, 8080, 8443, 9200, 27017, 4000, 3000, 1521, 2575]))
        return self.k(s, "port") if keep else s

    def icd(self):
        return self.k(self.ch(ICD10), "icd10")

    def cpt(self):
        return self.k(self.ch(CPT), "cpt")

    def drug(self, brand=False):
        return self.k(self.ch(BRANDS if brand else DRUGS), "drug")

    def payer(self):
        name, pid = self.ch(PAYERS)
        return name, pid

    def amount(self, keep=True):
        s = "%d.%02d" % (self.ri(5, 480), self.ri(0, 99))
        return self.k(s, "amount") if keep else s

    def platform(self):
        return self.ch(PLATFORM_DOMAINS)

    # -- people ------------------------------------------------------------
    def person(self, min_age=19, max_age=84, given=None, family=None):
        given = given or self.ch(GIVEN_NAMES)
        family = family or self.ch(SURNAMES)
        age = self.ri(min_age, max_age)
        year = self.now.year - age - 1
        month = self.ri(1, 12)
        day = self.ri(1, 28 if month == 2 else (30 if month in (4, 6, 9, 11) else 31))
        return Person(given, family, self.ch("FFMMX" if self.chance(0.1) else "FM"),
                      self.ch("ABCDEFGHJKLMNPRSTW"), dt.date(year, month, day))

    def clinician(self):
        p = self.person(30, 70)
        p.cred = self.ch(CREDENTIALS)
        return p

    def appt_date(self, past=False):
        off = self.ri(1, 75)
        d = (self.now + dt.timedelta(days=-off if past else off)).date()
        return d

    # -- formatting ---------------------------------------------------------
    def fdate(self, d, style=None):
        styles = ["iso", "us", "us_nz", "us2", "eu_dot", "long", "ordinal", "dmy_long", "abbr",
                  "oracle", "hl7", "eu_dot_nz", "abbr_dot", "dmy_slash"]
        style = style or self.ch(styles)
        m, day, y = d.month, d.day, d.year
        if style == "iso":
            return d.isoformat()
        if style == "us":
            return "%02d/%02d/%04d" % (m, day, y)
        if style == "us_nz":
            return "%d/%d/%04d" % (m, day, y)
        if style == "us2":
            return "%d/%d/%02d" % (m, day, y % 100)
        if style == "us_dash":
            return "%02d-%02d-%04d" % (m, day, y)
        if style == "eu_dot":
            return "%02d.%02d.%04d" % (day, m, y)
        if style == "eu_dot_nz":
            return "%d.%d.%04d" % (day, m, y)
        if style == "dmy_slash":
            return "%02d/%02d/%04d" % (day, m, y)
        if style == "long":
            return "%s %d, %d" % (MONTHS[m - 1], day, y)
        if style == "ordinal":
            return "%s %s, %d" % (MONTHS[m - 1], ordinal(day), y)
        if style == "dmy_long":
            return "%d %s %d" % (day, MONTHS[m - 1], y)
        if style == "abbr":
            return "%s %d, %d" % (MONTHS[m - 1][:3], day, y)
        if style == "abbr_dot":
            mon = MONTHS[m - 1]
            return "%s %d, %d" % (mon if len(mon) <= 4 else mon[:3] + ".", day, y)
        if style == "oracle":
            return "%02d-%s-%02d" % (day, MONTHS[m - 1][:3].upper(), y % 100)
        if style == "oracle4":
            return "%02d-%s-%04d" % (day, MONTHS[m - 1][:3], y)
        if style == "hl7":
            return "%04d%02d%02d" % (y, m, day)
        if style == "mdy_compact":
            return "%02d%02d%04d" % (m, day, y)
        if style == "pydate":
            return "datetime.date(%d, %d, %d)" % (y, m, day)
        if style == "es":
            return "%d de %s de %d" % (day, MESES[m - 1], y)
        if style == "es_md":
            return "%d de %s" % (day, MESES[m - 1])
        if style == "md_slash":
            return "%d/%d" % (m, day)
        if style == "md_long":
            return "%s %d" % (MONTHS[m - 1], day)
        if style == "md_ord":
            return "%s %s" % (MONTHS[m - 1], ordinal(day))
        if style == "md_abbr":
            return "%s %d" % (MONTHS[m - 1][:3], day)
        if style == "dow_long":
            return "%s, %s %d, %d" % (d.strftime("%A"), MONTHS[m - 1], day, y)
        if style == "dow_md":
            return "%s, %s %d" % (d.strftime("%A"), MONTHS[m - 1], day)
        raise ValueError(style)

    def age_phrase(self, age=None):
        """(display, value) for an age over 89."""
        a = age or self.ri(90, 103)
        opts = [("%d y/o" % a, str(a)), ("%dyo" % a, "%dyo" % a), ("%d-year-old" % a, str(a)),
                ("age %d" % a, str(a)), ("aged %d" % a, str(a)), ("%d yrs" % a, str(a)),
                ("%dy" % a, "%dy" % a), ("%d years old" % a, str(a)), ("%d y.o." % a, str(a))]
        if a in NUM_WORDS and a < 100:
            w = NUM_WORDS[a]
            opts += [("%s-year-old" % w, w), ("%s years of age" % w.capitalize(), w.capitalize())]
        return self.ch(opts)

    def phone(self, style=None, area=None):
        area = area or self.ch(AREA_CODES)
        if self.chance(0.2):
            ex, line = "555", "01%s" % self.digs(2)
        else:
            ex = self.ch("23456789") + self.digs(2)
            while ex[1:] == "11" or ex == "555":
                ex = self.ch("23456789") + self.digs(2)
            line = self.digs(4)
        style = style or self.ch(["paren", "dash", "dot", "space", "e164sp", "paren_plus",
                                  "e164", "one_dash", "bare", "plus_dash", "slash", "ext"])
        if style == "paren":
            return "(%s) %s-%s" % (area, ex, line)
        if style == "paren_tight":
            return "(%s)%s-%s" % (area, ex, line)
        if style == "dash":
            return "%s-%s-%s" % (area, ex, line)
        if style == "dot":
            return "%s.%s.%s" % (area, ex, line)
        if style == "space":
            return "%s %s %s" % (area, ex, line)
        if style == "e164sp":
            return "+1 %s %s %s" % (area, ex, line)
        if style == "paren_plus":
            return "+1 (%s) %s-%s" % (area, ex, line)
        if style == "e164":
            return "+1%s%s%s" % (area, ex, line)
        if style == "one_dash":
            return "1-%s-%s-%s" % (area, ex, line)
        if style == "bare":
            return "%s%s%s" % (area, ex, line)
        if style == "plus_dash":
            return "+1-%s-%s-%s" % (area, ex, line)
        if style == "slash":
            return "%s/%s-%s" % (area, ex, line)
        if style == "ext":
            return "%s-%s-%s %s" % (area, ex, line, self.ch(["x%d" % self.ri(10, 499), "ext. %d" % self.ri(10, 499), "ext %d" % self.ri(2, 9)]))
        if style == "digits11":
            return "1%s%s%s" % (area, ex, line)
        raise ValueError(style)

    def email(self, p, domain=None):
        g, f = p.g, p.f
        yy = "%02d" % (p.dob.year % 100)
        local = self.ch(["%s.%s" % (g, f), "%s%s%s" % (g, f, yy), "%s%s" % (g[0], f),
                         "%s%s%d" % (f, g[0], self.ri(1, 99)), "%s_%s" % (g, f), "%s%s" % (g, yy),
                         "%s.%s%d" % (g, f[0], self.ri(1, 9)), "%s.%s" % (f, g)])
        return "%s@%s" % (local, domain or self.ch(FREEMAIL))

    def username(self, p):
        return self.ch(["%s%s%02d" % (p.g[0], p.f, self.ri(1, 99)), "%s.%s" % (p.g, p.f),
                        "%s_%s%d" % (p.g, p.f[:4], self.ri(1, 999)), "%s%s" % (p.f, p.g[:3])])

    def ssn(self, style=None):
        area = self.ri(1, 899)
        while area == 666:
            area = self.ri(1, 899)
        grp, ser = self.ri(1, 99), self.ri(1, 9999)
        style = style or self.ch(["dash", "dash", "space", "bare"])
        fmt = {"dash": "%03d-%02d-%04d", "space": "%03d %02d %04d", "bare": "%03d%02d%04d"}[style]
        return fmt % (area, grp, ser)

    def mrn(self, style=None):
        style = style or self.ch(["mrn", "mrn_dash", "digits", "alpha", "chart", "site", "e"])
        if style == "mrn":
            return "MRN" + self.digs(8)
        if style == "mrn_dash":
            return "MRN-" + self.digs(7, True)
        if style == "digits":
            return self.digs(self.ch([7, 8, 9]), True)
        if style == "alpha":
            return self.upper(1) + self.digs(7)
        if style == "chart":
            return "CH-%s-%s" % (self.digs(5, True), self.upper(1))
        if style == "site":
            return "%s%s" % (self.ch(["WOR", "SPR", "ALB", "TAC", "BOI"]), self.digs(6, True))
        return "E" + self.digs(9, True)

    def member_id(self):
        return self.ch(["%s%s" % (self.upper(3), self.digs(9)), "W%s" % self.digs(9, True),
                        "%s%s%s" % (self.upper(1), self.digs(8, True), self.ch("0123456789")),
                        "%d%s%d%s%s%d%s%s%d%d" % (self.ri(1, 9), self.upper(1), self.ri(0, 9), self.upper(1),
                                                 self.upper(1), self.ri(0, 9), self.upper(1), self.upper(1),
                                                 self.ri(0, 9), self.ri(0, 9)),
                        "%s%s" % (self.digs(9, True), self.upper(1)), "U%s01" % self.digs(7, True)])

    def group_no(self):
        return self.ch(["%s" % self.digs(6, True), "GRP-%s" % self.digs(5, True), "%s%s" % (self.upper(2), self.digs(5)),
                        "0%s" % self.digs(7)])

    def policy_no(self):
        return self.ch(["POL-%s-%s" % (self.digs(4, True), self.digs(5)), "%s%s" % (self.upper(2), self.digs(8)),
                        "P%s" % self.digs(10, True)])

    def account_no(self):
        return self.ch(["ACCT-%s" % self.digs(9), "PA%s-%s" % (self.digs(6, True), self.digs(2)),
                        self.digs(10, True), "G%s" % self.digs(7, True), "%s-%s" % (self.digs(5, True), self.digs(1))])

    def card(self):
        kind = self.ch(["visa", "visa", "mc", "amex", "disc"])
        if kind == "visa":
            body = "4" + self.digs(14)
        elif kind == "mc":
            body = "5" + self.ch("12345") + self.digs(13)
        elif kind == "amex":
            body = "3" + self.ch("47") + self.digs(12)
        else:
            body = "6011" + self.digs(11)
        num = body + luhn_digit(body)
        assert luhn_ok(num)
        sep = self.ch(["", " ", "-"])
        if kind == "amex":
            out = sep.join([num[:4], num[4:10], num[10:]])
        else:
            out = sep.join(num[i:i + 4] for i in range(0, 16, 4))
        return out, kind

    def npi(self):
        base = self.ch("12") + self.digs(8)
        npi = base + luhn_digit("80840" + base)
        assert luhn_ok("80840" + npi)
        return npi

    def dea(self, surname):
        first = self.ch("ABFGM")
        init = slug(surname)[:1].upper() or "9"
        d = [self.ri(0, 9) for _ in range(6)]
        chk = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
        s = first + init + "".join(map(str, d)) + str(chk)
        assert dea_ok(s)
        return s

    def state_license(self, cred=None):
        cred = cred or self.ch(CREDENTIALS)
        return self.ch(["%s%s" % (self.ch(["PSY", "LMHC", "LICSW", "LMFT", "LPC"]), self.digs(5, True)),
                        "%s-%s" % (self.ch(["MH", "SW", "PY", "MD", "RN"]), self.digs(7)),
                        "%s.%s" % (self.ch(["APRN", "LPCC", "LCSW"]), self.digs(7)),
                        "%d%s" % (self.ri(1, 9), self.digs(5))])

    def driver_license(self):
        return self.ch(["%s%s-%s-%s" % (self.upper(1), self.digs(3), self.digs(4), self.digs(4)),
                        "%s%s" % (self.upper(1), self.digs(7)), "%s %s %s" % (self.digs(3, True), self.digs(3), self.digs(3)),
                        "S%s" % self.digs(8), "%s%s" % (self.upper(2), self.digs(6))])

    def vin(self):
        wmi = self.ch(["1HG", "1FA", "1FT", "2T1", "3VW", "4T1", "5YJ", "JHM", "JTD", "KMH", "1G1",
                       "1C4", "WBA", "5NP", "19X", "3GN", "1N4", "KNA"])
        allowed = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
        vds = "".join(self.ch(allowed) for _ in range(5))
        year = self.ch("ABCDEFGHJKLMNPRS123456789")
        plant = self.ch(allowed)
        serial = self.digs(6)
        v = wmi + vds + "0" + year + plant + serial
        v = v[:8] + vin_check(v) + v[9:]
        assert vin_check(v) == v[8]
        return v

    def plate(self):
        return self.ch(["%d%s%d" % (self.ri(1, 9), self.upper(3), self.ri(100, 999)),
                        "%s-%04d" % (self.upper(3), self.ri(1, 9999)),
                        "%s %s" % (self.upper(3), self.digs(3)),
                        "%s%d%s" % (self.digs(3, True), self.ri(0, 9), self.upper(2)),
                        "%s-%s" % (self.digs(2, True), self.upper(4))])

    def imei(self, style=None):
        tac = self.ch(["35209900", "35391110", "01332700", "35875105", "86012304", "35404906",
                       "35328711", "99001245"])
        body = tac + self.digs(6)
        num = body + luhn_digit(body)
        assert luhn_ok(num)
        style = style or self.ch(["bare", "dash", "space"])
        if style == "dash":
            return "%s-%s-%s-%s" % (num[:2], num[2:8], num[8:14], num[14])
        if style == "space":
            return "%s %s %s %s" % (num[:2], num[2:8], num[8:14], num[14])
        return num

    def mac(self):
        return ":".join(self.hexs(2).upper() for _ in range(6))

    def serial(self):
        return self.ch(["%s%s" % (self.upper(2), self.alnum(10)), "SN-%s-%s" % (self.alnum(4), self.digs(6)),
                        "%s%s%s" % (self.upper(3), self.digs(7), self.upper(1)), self.alnum(12)])

    def ip_pub(self):
        return "%d.%d.%d.%d" % (self.ch(PUBLIC_FIRST_OCTETS), self.ri(1, 254), self.ri(0, 255), self.ri(1, 254))

    def ip6_pub(self):
        return ("%s:%s:%s:%s::%s" % (self.ch(["2601", "2600", "2603", "2607", "2a02"]), self.hexs(3),
                                     self.hexs(4), self.hexs(3), self.hexs(4))).replace(":0", ":")

    def rx_no(self):
        return self.ch(["RX%s" % self.digs(7, True), "%s-%s" % (self.digs(7, True), self.digs(2)),
                        self.digs(7, True), "%s%s" % (self.digs(6, True), self.upper(1))])

    def address(self, rural=None):
        city, st, pre = self.ch(CITIES)
        zip5 = pre + self.digs(2)
        zip4 = "%s-%s" % (zip5, self.digs(4))
        roll = self.r.random()
        if rural is None:
            rural = roll < 0.18
        if rural:
            line = self.ch(["PO Box %d" % self.ri(10, 9999), "P.O. Box %d" % self.ri(10, 999),
                            "RR %d Box %d" % (self.ri(1, 9), self.ri(1, 299)),
                            "Rural Route %d, Box %d%s" % (self.ri(1, 6), self.ri(1, 199), self.ch(["", "A", "B"])),
                            "HC %d Box %d" % (self.ri(30, 89), self.ri(10, 999)),
                            "%s%d County Rd %s" % (self.ch("NWSE"), self.ri(1000, 9999), self.ch(["K", "JJ", "M", "12", "PP"]))])
        else:
            num = str(self.ri(1, 9899))
            if self.chance(0.1):
                num += "½" if self.chance(0.2) else self.ch(["A", "-B"])
            dirn = self.ch(["", "", "", "N ", "S ", "E ", "W ", "NE "])
            line = "%s %s%s %s" % (num, dirn, self.ch(STREETS), self.ch(SUFFIXES))
            if self.chance(0.45):
                line += self.ch([" ", ", "]) + self.ch(UNITS)
        return {"line": line, "city": city, "state": st, "zip": zip5, "zip4": zip4}

    def zipv(self, a):
        return a["zip4"] if self.chance(0.3) else a["zip"]


# ---------------------------------------------------------------------------
# Templates.  Each returns the text; labels are collected through c.p / c.k.
# mode: "phi" = always holds PHI, "clean" = never, "both" = either.
# ---------------------------------------------------------------------------
TEMPLATES = OrderedDict()


def tpl(name, mode="both"):
    def deco(fn):
        if name in TEMPLATES:
            raise AssertionError("duplicate template " + name)
        TEMPLATES[name] = (fn, mode)
        return fn
    return deco


def ruby_ts(c):
    return c.k(c.now.strftime("%Y-%m-%dT%H:%M:%S.%f"), "timestamp")


def sq(s):
    """SQL string-literal escaping."""
    return s.replace("'", "''")


def php_q(s):
    return s.replace("\\", "\\\\").replace("'", "\\'")


def js_inspect(s):
    return '"%s"' % s if "'" in s else "'%s'" % s


# ---- Ruby / Rails ----------------------------------------------------------
@tpl("rails_record_invalid")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    ctrl = c.ch([("ClientsController#create", "clients", "client", "app/models/client.rb"),
                 ("Intake::FormsController#update", "intake/forms/%s" % c.dbid(keep=False), "intake_form",
                  "app/models/intake_form.rb"),
                 ("GuarantorsController#create", "guarantors", "guarantor", "app/models/guarantor.rb")])
    src_ip = c.infra_ip() if c.clean or c.chance(0.5) else P(c.ip_pub(), "IP")
    if c.clean:
        fn = ln = dob = ph = "[FILTERED]"
        errs = c.ch(["Appointment type can't be blank", "Clinician must exist",
                     "Consent version is not included in the list"])
    else:
        fn, ln = P(p.given, "NAME"), P(p.family, "NAME")
        dob = P(c.fdate(p.dob, c.ch(["us", "us_nz", "iso", "eu_dot", "long"])), "DATE")
        ph = P(c.phone(), "PHONE")
        errs = c.ch(["Date of birth is not a valid date", "Phone has already been taken",
                     "Phone is invalid", "Date of birth must be before today"])
    line = c.ri(20, 240)
    txt = ('Started %s "/%s" for %s at %s\n'
           'Processing by %s as JSON\n'
           '  Parameters: {"%s"=>{"first_name"=>"%s", "last_name"=>"%s", "date_of_birth"=>"%s", '
           '"phone"=>"%s", "ssn"=>"[FILTERED]"}}\n'
           '%s (Validation failed: %s):\n\n'
           '%s:%d:in `block in <class:%s>\'\n'
           'Completed %s Unprocessable Entity in %s (ActiveRecord: %.1fms | Allocations: %d)') % (
        K(c.ch(["POST", "PATCH"]), "method"), ctrl[1], src_ip, c.ts("rails"), K(ctrl[0], "controller"),
        ctrl[2], fn, ln, dob, ph, K("ActiveRecord::RecordInvalid", "exception"), errs,
        K(ctrl[3], "file"), line, ctrl[2].title().replace("_", ""), K("422", "status"), c.ms(5, 900),
        c.r.random() * 30, c.ri(2000, 90000))
    return txt


@tpl("rails_eligibility_url")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    pid = c.ch(PAYERS)[1]
    if c.clean:
        url = "/api/v1/eligibility?payer_id=%s&service_type=MH&page=%d" % (pid, c.ri(1, 4))
        ip = c.infra_ip()
    else:
        mid = c.member_id()
        dob = c.fdate(p.dob, c.ch(["iso", "us", "hl7"]))
        last = p.family.replace(" ", "+")
        url = "/api/v1/eligibility?member_id=%s&dob=%s&last_name=%s&payer_id=%s" % (mid, dob, last, pid)
        P(url, "URL"), P(mid, "HEALTH_PLAN"), P(dob, "DATE"), P(last, "NAME")
        ip = P(c.ip_pub(), "IP")
    pidn = c.ri(100, 9999)
    rq = c.hexs(8) + "-" + c.hexs(4) + "-" + c.hexs(4) + "-" + c.hexs(4) + "-" + c.hexs(12)
    K(rq, "request_id")
    t1 = ruby_ts(c)
    return ("I, [%s #%d]  INFO -- : [%s] Started GET \"%s\" for %s\n"
            "E, [%s #%d] ERROR -- : [%s] %s (Net::ReadTimeout with #<TCPSocket:(closed)>):\n"
            "E, [%s #%d] ERROR -- : [%s] app/services/%s:%d:in `call'") % (
        t1, pidn, rq, url, ip, t1, pidn, rq, K("Faraday::TimeoutError", "exception"), t1, pidn, rq,
        K("eligibility/availity_client.rb", "file"), c.ri(30, 200))


@tpl("sidekiq_twilio")
def _t(c):
    P, K = c.p, c.k
    p, doc = c.person(), c.clinician()
    jid = c.hexs(24)
    K(jid, "job_id")
    cid = c.dbid()
    if c.clean:
        args = '[%s,"[FILTERED]","[FILTERED]"]' % cid
        err = "[HTTP 429] 20429 : Unable to create record\nToo Many Requests"
        code = "20429"
    else:
        to = P(c.phone("e164"), "PHONE")
        d = P(c.fdate(c.appt_date(), c.ch(["md_slash", "md_abbr", "md_long", "dow_md"])), "DATE")
        body = "Hi %s, this is a reminder of your appointment on %s at %d:%s PM with Dr. %s. Reply C to confirm." % (
            P(p.given, "NAME"), d, c.ri(1, 5), c.ch(["00", "30", "15", "45"]), P(doc.family, "NAME"))
        args = '[%s,"%s","%s"]' % (cid, to, body)
        code = "21211"
        err = "[HTTP 400] 21211 : Unable to create record\nThe 'To' number %s is not a valid phone number." % to
    K(code, "error_code")
    t = c.ts("iso")
    return ('%s pid=%d tid=%s class=AppointmentReminderJob jid=%s elapsed=%.3f INFO: fail\n'
            '%s pid=%d tid=%s WARN: {"context":"Job raised exception","job":{"retry":true,"queue":"sms",'
            '"class":"AppointmentReminderJob","args":%s,"jid":"%s","retry_count":%d}}\n'
            '%s pid=%d tid=%s WARN: %s: %s\n'
            'https://www.twilio.com/docs/errors/%s') % (
        t, c.ri(10, 99), c.alnum(4, "abcdefghijklmnopqrstuvwxyz0123456789"), jid, c.r.random() * 3,
        t, c.ri(10, 99), "2ks8", args, jid, c.ri(1, 24), t, c.ri(10, 99), "2ks8",
        K("Twilio::REST::RestError", "exception"), err, code)


# ---- Elixir ----------------------------------------------------------------
@tpl("elixir_changeset")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    K("Ecto.InvalidChangesetError", "exception")
    if c.clean:
        errs = '%{appointment_type_id: [{"is invalid", [type: :id, validation: :cast]}]}'
        applied = "%%{clinician_id: %s, duration_minutes: %d, location_id: %d, telehealth: %s}" % (
            c.dbid(), c.ch([30, 45, 53, 60]), c.ri(1, 9), c.ch(["true", "false"]))
    else:
        em = P(c.email(p), "EMAIL")
        dob = P(p.dob.isoformat(), "DATE")
        errs = '%%{email: [{"has already been taken", [constraint: :unique, constraint_name: "%s"]}]}' % K(
            "clients_email_index", "constraint")
        applied = ('%%{date_of_birth: ~D[%s], email: "%s", first_name: "%s", last_name: "%s", '
                   'preferred_pronouns: "%s"}') % (dob, em, P(p.given, "NAME"), P(p.family, "NAME"),
                                                   c.ch(["she/her", "he/him", "they/them"]))
    return ("** (Ecto.InvalidChangesetError) could not perform insert because changeset is invalid.\n\n"
            "Errors\n\n    %s\n\nApplied changes\n\n    %s\n\n"
            "    (ecto %s) lib/ecto/repo/schema.ex:%d: Ecto.Repo.Schema.insert!/4\n"
            "    (kestrel %s) lib/kestrel/intake.ex:%d: Kestrel.Intake.create_client!/1") % (
        errs, applied, K("3.11.1", "version"), c.ri(200, 400), c.version(), c.ri(20, 300))


@tpl("elixir_genserver", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    d = P(c.appt_date().isoformat(), "DATE")
    nm = P(p.full, "NAME")
    to = P(c.phone(c.ch(["e164sp", "e164", "dash"])), "PHONE")
    msg = '{:send, %%{appointment_on: ~D[%s], client_name: "%s", to: "%s"}}' % (d, nm, to)
    return ("%s [error] GenServer Kestrel.Notify.SmsWorker terminating\n"
            "** (%s) no function clause matching in Kestrel.Notify.SmsWorker.handle_info/2\n"
            "    (notify %s) lib/notify/sms_worker.ex:%d: Kestrel.Notify.SmsWorker.handle_info(%s, %%{provider: :twilio, sent: %d})\n"
            "    (stdlib 5.2) gen_server.erl:1095: :gen_server.try_handle_info/3\n"
            "Last message: %s") % (
        c.ts("time") + "." + "%03d" % c.ri(0, 999), K("FunctionClauseError", "exception"), c.version(),
        c.ri(40, 160), msg, c.ri(10, 9000), msg)


@tpl("oban_job")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    if c.clean:
        args = '%%{"practice_id" => %d, "statement_batch_id" => %s}' % (c.ri(1, 60), c.dbid())
        err = '** (Swoosh.DeliveryError) delivery failed: {:api_error, 503, %{"message" => "Service Unavailable"}}'
    else:
        args = '%%{"account_no" => "%s", "guarantor_email" => "%s", "guarantor_name" => "%s"}' % (
            P(c.account_no(), "ACCOUNT"), P(c.email(p), "EMAIL"), P(p.full, "NAME"))
        err = '** (Swoosh.DeliveryError) delivery failed: {:api_error, 422, %{"message" => "Recipient address is invalid"}}'
    return ("[warning] [Oban] job failed worker=%s id=%s attempt=%d max_attempts=20 queue=%s args=%s error=%s") % (
        K("Kestrel.Billing.StatementMailer", "module"), c.dbid(), c.ri(1, 19), K("mailers", "queue"), args, err)


# ---- Java / Kotlin -----------------------------------------------------------
@tpl("java_hibernate_unique")
def _t(c):
    P, K = c.p, c.k
    if c.clean:
        cons, col, val = "uk_claim_external_ref", "external_ref", c.uuid()
    else:
        cons, col = "uk_patient_ssn", "ssn"
        val = P(c.ssn(c.ch(["dash", "bare"])), "SSN")
    K(cons, "constraint")
    t = c.ts("java")
    thr = "nio-8080-exec-%d" % c.ri(1, 10)
    return ("%s ERROR 1 --- [%s] o.h.engine.jdbc.spi.SqlExceptionHelper   : ERROR: duplicate key value violates unique constraint \"%s\"\n"
            "  Detail: Key (%s)=(%s) already exists.\n"
            "%s ERROR 1 --- [%s] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] threw exception "
            "[Request processing failed; nested exception is %s: could not execute statement; SQL [n/a]; constraint [%s]] with root cause\n\n"
            "%s: ERROR: duplicate key value violates unique constraint \"%s\"\n"
            "  Detail: Key (%s)=(%s) already exists.\n"
            "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2713)") % (
        t, thr, cons, col, val, t, thr, K("org.springframework.dao.DataIntegrityViolationException", "exception"),
        cons, K("org.postgresql.util.PSQLException", "exception"), cons, col, val)


@tpl("spring_validation", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    a = c.address()
    choice = c.ri(0, 3)
    if choice == 0:
        field, val, msg = "postalCode", P(a["zip4"], "ZIP"), 'must match "\\d{5}"'
    elif choice == 1:
        field, val, msg = "dateOfBirth", P(c.fdate(p.dob, c.ch(["eu_dot", "dmy_slash", "long"])), "DATE"), "must match \"yyyy-MM-dd\""
    elif choice == 2:
        field, val, msg = "emergencyContactPhone", P(c.phone("ext"), "PHONE"), "size must be between 10 and 16"
    else:
        nm = "%s-%s" % (p.given, c.ch(GIVEN_NAMES))
        field, val, msg = "preferredName", P(nm, "NAME"), "size must be between 0 and 12"
    return ("%s  WARN 1 --- [nio-8080-exec-%d] .w.s.m.s.DefaultHandlerExceptionResolver : Resolved "
            "[%s: Validation failed for argument [0] in public org.springframework.http.ResponseEntity<com.kestrel.intake.api.IntakeResponse> "
            "%s(com.kestrel.intake.api.IntakeRequest): [Field error in object 'intakeRequest' on field '%s': rejected value [%s]; "
            "codes [Pattern.intakeRequest.%s,Pattern.%s,Pattern.java.lang.String,Pattern]; default message [%s]] ]") % (
        c.ts("java"), c.ri(1, 10), K("org.springframework.web.bind.MethodArgumentNotValidException", "exception"),
        K("com.kestrel.intake.api.IntakeController.submit", "method"), field, val, field, field, msg)


@tpl("log4j_837p", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    icn = K("%s%s" % (c.now.strftime("%y%j"), c.digs(8)), "control_number")
    nm = P("%s, %s" % (p.family.upper(), p.given.upper()), "NAME")
    return ("%s ERROR [claims-submit-%d] c.k.claims.X12Submitter - 837P rejected by clearinghouse (ICN %s): "
            "subscriber %s member %s DOB %s svc %s dx %s -> AAA*Y**72*C~ (%s)") % (
        c.ts("py"), c.ri(1, 8), icn, nm, P(c.member_id(), "HEALTH_PLAN"), P(c.fdate(p.dob, "us"), "DATE"),
        c.cpt(), c.icd(), K("Invalid/Missing Subscriber/Insured ID", "message"))


@tpl("kotlin_data_class")
def _t(c):
    P, K = c.p, c.k
    p, doc = c.person(), c.clinician()
    aid, pid = c.dbid(), c.dbid()
    if c.clean:
        inner = "Appointment(id=%s, patientId=%s, clinicianId=%d, start=null, slot=SlotRef(room=%d, telehealth=true))" % (
            aid, pid, c.ri(10, 999), c.ri(1, 12))
        why = "slot not open"
    else:
        d = c.appt_date()
        start = P("%sT%02d:%s" % (d.isoformat(), c.ri(8, 18), c.ch(["00", "30"])), "DATE")
        inner = ("Appointment(id=%s, patient=Patient(id=%s, firstName=%s, lastName=%s, dateOfBirth=%s, phone=%s, mrn=%s), "
                 "clinician=Clinician(id=%d, displayName=%s, npi=%s), start=%s, slot=SlotRef(room=%d, telehealth=false))") % (
            aid, pid, P(p.given, "NAME"), P(p.family, "NAME"), P(p.dob.isoformat(), "DATE"),
            P(c.phone(c.ch(["dash", "e164"])), "PHONE"), P(c.mrn(), "MRN"), c.ri(10, 999),
            P(doc.full, "NAME"), P(c.npi(), "LICENSE"), start, c.ri(1, 12))
        why = "overlapping hold"
    return ("%s: Cannot book %s: %s\n"
            "\tat com.kestrel.scheduling.BookingService.book(BookingService.kt:%d)\n"
            "\tat com.kestrel.scheduling.BookingController.create(BookingController.kt:%d)\n"
            "\tat kotlinx.coroutines.DispatchedTask.run(DispatchedTask.kt:108)") % (
        K("java.lang.IllegalStateException", "exception"), inner, why, c.ri(60, 300), c.ri(20, 120))


# ---- Go ------------------------------------------------------------------------
@tpl("go_panic")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    if c.clean:
        pre = "intake: parsing guarantor form_id=%s" % c.dbid()
    else:
        pre = 'intake: parsing guarantor "%s" (dob %s)' % (P(p.full, "NAME"), P(c.fdate(p.dob, c.ch(["iso", "us"])), "DATE"))
    K("runtime error: index out of range", "message")
    return ("%s %s\npanic: runtime error: index out of range [%d] with length %d\n\n"
            "goroutine %d [running]:\n"
            "github.com/kestrelcare/intake/internal/forms.(*Parser).splitName(0xc000%s, {0xc000%s, 0x%x})\n"
            "\t/src/internal/forms/name.go:%d +0x1d9\n"
            "github.com/kestrelcare/intake/internal/forms.(*Parser).Guarantor(...)\n"
            "\t/src/internal/forms/guarantor.go:%d\n"
            "net/http.HandlerFunc.ServeHTTP(0xc000%s, {0x1a2b3c0, 0xc000%s}, 0xc000%s)\n"
            "\t/usr/local/go/src/net/http/server.go:2166 +0x29") % (
        c.ts("nginx"), pre, c.ri(2, 4), c.ri(1, 2), c.ri(100, 9999), c.hexs(6), c.hexs(6), c.ri(10, 40),
        c.ri(30, 90), c.ri(20, 140), c.hexs(6), c.hexs(6), c.hexs(6))


@tpl("go_zap_json", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    ea = c.chance(0.5)

    def E(v, kind):
        return P(json.dumps(v, ensure_ascii=ea)[1:-1], kind) and v
    ts = c.ts("epoch")
    obj = OrderedDict([("level", "error"), ("ts", "__TS__"), ("caller", K("eligibility/client.go:212", "file")),
                       ("msg", "270 request failed"),
                       ("subscriber", OrderedDict([("first", E(p.given.upper(), "NAME")), ("last", E(p.family.upper(), "NAME"))])),
                       ("subscriber_id", P(c.member_id(), "HEALTH_PLAN")), ("dob", P(c.fdate(p.dob, "hl7"), "DATE")),
                       ("provider_npi", P(c.npi(), "LICENSE")), ("payer_id", K(c.ch(PAYERS)[1], "payer_id")),
                       ("error", K("context deadline exceeded", "message")), ("attempt", c.ri(1, 5))])
    return json.dumps(obj, ensure_ascii=ea).replace('"__TS__"', ts)


@tpl("go_struct_print")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    if c.clean:
        client = "&{ID:%s FirstName: LastName: DOB:0001-01-01 00:00:00 +0000 UTC Phone: Email:}" % c.dbid()
    else:
        client = "&{ID:%s FirstName:%s LastName:%s DOB:%s 00:00:00 +0000 UTC Phone:%s Email:%s}" % (
            c.dbid(), P(p.given, "NAME"), P(p.family, "NAME"), P(p.dob.isoformat(), "DATE"),
            P(c.phone(c.ch(["paren", "ext", "dash"])), "PHONE"), P(c.email(p), "EMAIL"))
    return 'level=error ts=%s caller=portal/handlers.go:%d msg="update contact failed" err="%s" client="%s"' % (
        c.ts("iso"), c.ri(40, 400), K("pq: value too long for type character varying(20)", "message"), client)


# ---- Node / TypeScript ------------------------------------------------------
@tpl("node_joi_validation")
def _t(c):
    P, K = c.p, c.k
    p, g = c.person(), c.person(35, 80)
    K("ValidationError", "exception")
    if c.clean:
        head = '"appointmentTypeId" must be a number'
        orig = "  _original: { appointmentTypeId: '%s', clinicianId: %s, durationMinutes: %d }," % (
            c.ch(["abc", "", "null", "NaN"]), c.dbid(), c.ch([30, 45, 53, 60]))
    else:
        ph = P(c.phone(c.ch(["dot", "space", "paren", "slash"])), "PHONE")
        head = '"guardian.phone" with value "%s" fails to match the required pattern: /^\\+?1?\\d{10}$/' % ph
        orig = ("  _original: {\n    client: { firstName: %s, lastName: %s, dob: '%s' },\n"
                "    guardian: { name: %s, relation: '%s', phone: '%s' }\n  },") % (
            js_inspect(P(p.given, "NAME")), js_inspect(P(p.family, "NAME")),
            P(p.dob.isoformat(), "DATE"), js_inspect(P(g.full, "NAME")), c.ch(RELATIONS), ph)
    return ("%s: %s\n"
            "    at Object.exports.process (/app/node_modules/joi/lib/errors.js:193:16)\n"
            "    at internals.entry (/app/node_modules/joi/lib/validator.js:153:26)\n"
            "    at validate (%s:%d:29) {\n%s\n  details: [ [Object] ]\n}") % (
        "ValidationError", head, K("/app/src/routes/intake.ts", "file"), c.ri(20, 90), orig)


@tpl("prisma_error")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    ver = K("5.%d.%d" % (c.ri(1, 14), c.ri(0, 3)), "version")
    if c.clean:
        code = K("P2025", "error_code")
        body = ("  85 \n  86 const updated = await prisma.appointment.update({\n"
                "→ 87   where: { id: %s },\n         data: { status: 'CANCELLED' }\n       })\n\n"
                "An operation failed because it depends on one or more records that were required but not found. Record to update not found.") % c.dbid()
        meta = "{ cause: 'Record to update not found.' }"
        call = "prisma.appointment.update()"
    else:
        code = K("P2002", "error_code")
        body = ("  85 \n  86 const created = await prisma.client.create({\n  87   data: {\n"
                "→ 88     firstName: \"%s\",\n         lastName: \"%s\",\n         ssn: \"%s\",\n"
                "         birthDate: new Date(\"%s\"),\n         clinicId: %d\n       }\n     })\n\n"
                "Unique constraint failed on the fields: (`ssn`)") % (
            P(p.given, "NAME"), P(p.family, "NAME"), P(c.ssn("dash"), "SSN"), P(p.dob.isoformat(), "DATE"), c.ri(1, 40))
        meta = "{ target: [ 'ssn' ] }"
        call = "prisma.client.create()"
    return ("%s: \nInvalid `%s` invocation in\n/app/src/services/intake.ts:%d:37\n\n%s\n"
            "  code: '%s',\n  clientVersion: '%s',\n  meta: %s") % (
        K("PrismaClientKnownRequestError", "exception"), call, c.ri(80, 99), body, code, ver, meta)


@tpl("express_morgan")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    if c.clean:
        ip = c.infra_ip()
        path = "/api/clients/search?q=&page=%d&per_page=50" % c.ri(2, 40)
    else:
        ip = P(c.ip_pub(), "IP")
        q = p.family.lower().replace(" ", "%20").replace("'", "%27")
        dob = c.fdate(p.dob, c.ch(["us", "iso"])).replace("/", "%2F")
        path = "/api/clients/search?q=%s&dob=%s" % (q, dob)
        P(path, "URL"), P(q, "NAME"), P(dob, "DATE")
    ua = c.ch(["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15",
               "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36"])
    return '::ffff:%s - - [%s] "GET %s HTTP/1.1" %s %d "https://portal.%s/clients" "%s"\n%s' % (
        ip, c.ts("clf"), path, K("500", "status"), c.ri(20, 400), c.platform(), ua,
        K(c.ch(["Error: ESOCKETTIMEDOUT", "Error: read ECONNRESET", "TypeError: Cannot read properties of undefined (reading 'map')"]), "exception"))


@tpl("sequelize_unique")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    if c.clean:
        field, val = "externalRef", c.uuid()
    else:
        field, val = "email", P(c.email(p), "EMAIL")
    return ("%s: Validation error\n"
            "    at Query.formatError (/app/node_modules/sequelize/lib/dialects/mysql/query.js:257:16)\n"
            "    at Query.run (/app/node_modules/sequelize/lib/dialects/mysql/query.js:72:18) {\n"
            "  errors: [\n    ValidationErrorItem {\n      message: '%s must be unique',\n      type: 'unique violation',\n"
            "      path: '%s',\n      value: '%s',\n      origin: 'DB'\n    }\n  ],\n"
            "  fields: { %s: '%s' },\n"
            "  sql: \"INSERT INTO `%s` (`id`,`%s`,`createdAt`,`updatedAt`) VALUES (DEFAULT,?,?,?);\"\n}") % (
        K("SequelizeUniqueConstraintError", "exception"), field, field, val, field, val,
        K("Clients", "table"), field)


# ---- PHP ---------------------------------------------------------------------
@tpl("laravel_query_exception", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    em = P(c.email(p), "EMAIL")
    t = c.ts("plain")
    return ("[%s] production.ERROR: SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '%s' for key "
            "'%s' (Connection: mysql, SQL: insert into `patients` (`first_name`, `last_name`, `email`, `dob`, `updated_at`, `created_at`) "
            "values (%s, %s, %s, %s, %s, %s)) {\"userId\":%d,\"exception\":\"[object] (%s(code: 23000): ...\"}") % (
        t, em, K("patients_email_unique", "constraint"), P(p.given, "NAME"), P(p.family, "NAME"), em,
        P(p.dob.isoformat(), "DATE"), t, t, c.ri(2, 90), K("Illuminate\\\\Database\\\\QueryException", "exception"))


@tpl("php_fatal_post", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    a = c.address()
    return ("PHP Fatal error:  Uncaught TypeError: normalize_phone(): Argument #1 ($raw) must be of type string, null given, "
            "called in /var/www/portal/public/intake.php on line %d and defined in %s:14\n"
            "Stack trace:\n#0 /var/www/portal/public/intake.php(212): normalize_phone(NULL)\n#1 {main}\n"
            "  thrown in /var/www/portal/lib/phone.php on line 14\n"
            "[context] $_POST = array (\n  'fname' => '%s',\n  'lname' => '%s',\n  'dob' => '%s',\n"
            "  'addr1' => '%s',\n  'city' => '%s',\n  'zip' => '%s',\n  'cell' => NULL,\n)") % (
        c.ri(100, 400), K("/var/www/portal/lib/phone.php", "file"), P(php_q(p.given), "NAME"), P(php_q(p.family), "NAME"),
        P(c.fdate(p.dob, c.ch(["us", "us_nz", "us_dash"])), "DATE"), P(php_q(a["line"]), "ADDRESS"),
        P(php_q(a["city"]), "CITY"), P(a["zip"], "ZIP"))


@tpl("php_var_dump", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    items = [("name", P(p.full, "NAME")), ("ssn", P(c.ssn(), "SSN")), ("dob", P(c.fdate(p.dob, "us"), "DATE")),
             ("member_id", P(c.member_id(), "HEALTH_PLAN")), ("payer", K(c.ch(PAYERS)[0], "payer"))]
    body = "".join('  ["%s"]=>\n  string(%d) "%s"\n' % (k, len(v.encode("utf-8")), v) for k, v in items)
    return ('Warning: Undefined array key "insurance" in %s on line %d\narray(%d) {\n%s}') % (
        K("/var/www/portal/app/Billing/Eligibility.php", "file"), c.ri(30, 200), len(items), body)


# ---- .NET ----------------------------------------------------------------------
@tpl("dotnet_ef_unique")
def _t(c):
    P, K = c.p, c.k
    if c.clean:
        cons, obj, val = "UQ_ClaimLine_ExternalId", "dbo.ClaimLine", c.uuid()
    else:
        cons, obj, val = "UQ_Patient_Mrn", "dbo.Patient", P(c.mrn(), "MRN")
    K(cons, "constraint")
    return ("fail: Microsoft.EntityFrameworkCore.Update[10000]\n"
            "      An exception occurred in the database while saving changes for context type 'Kestrel.Ehr.Data.EhrDbContext'.\n"
            "      %s: An error occurred while saving the entity changes. See the inner exception for details.\n"
            "       ---> %s (0x80131904): Violation of UNIQUE KEY constraint '%s'. Cannot insert duplicate key in object '%s'. "
            "The duplicate key value is (%s).\n      The statement has been terminated.\n"
            "         at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)\n"
            "      ClientConnectionId:%s\n      Error Number:2627,State:1,Class:14") % (
        K("Microsoft.EntityFrameworkCore.DbUpdateException", "exception"), K("Microsoft.Data.SqlClient.SqlException", "exception"),
        cons, obj, val, c.uuid())


@tpl("dotnet_serilog_reminder", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    nm, ph = P(p.full, "NAME"), P(c.phone(c.ch(["e164", "paren", "dash"])), "PHONE")
    d = P(c.fdate(c.appt_date(), c.ch(["us", "us_nz"])), "DATE")
    rid = K("0HM%s:%08d" % (c.alnum(10), c.ri(1, 40)), "request_id")
    return ('[%s ERR] Kestrel.Notify.ReminderService: Reminder delivery failed for "%s" at "%s" on %s '
            '{"ClientName": "%s", "Phone": "%s", "ApptDate": "%s", "SourceContext": "%s", "RequestId": "%s"}\n'
            '%s: The remote server returned an error: (503) Server Unavailable.') % (
        c.ts("time"), nm, ph, d, nm, ph, d, K("Kestrel.Notify.ReminderService", "module"), rid,
        K("System.Net.WebException", "exception"))


@tpl("aspnet_problem_details")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    if c.clean:
        errs = {"AppointmentTypeId": ["The AppointmentTypeId field is required."],
                "DurationMinutes": ["The field DurationMinutes must be between 15 and 180."]}
    else:
        ssn = P(c.ssn(c.ch(["bare", "space"])), "SSN")
        dob = P(c.fdate(p.dob, c.ch(["eu_dot", "dmy_slash", "eu_dot_nz"])), "DATE")
        errs = OrderedDict([("Guarantor.Ssn", ["'%s' is not a valid SSN." % ssn]),
                            ("Guarantor.DateOfBirth", ["The value '%s' is not valid for DateOfBirth." % dob])])
    obj = OrderedDict([("type", "https://tools.ietf.org/html/rfc9110#section-15.5.1"),
                       ("title", "One or more validation errors occurred."), ("status", 400), ("errors", errs),
                       ("traceId", "__TRACE__")])
    K("One or more validation errors occurred.", "message")
    return json.dumps(obj, ensure_ascii=False).replace("__TRACE__", c.trace())


# ---- Python ----------------------------------------------------------------------
@tpl("python_sentry_locals")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    a = c.address()
    aid = c.dbid()
    if c.clean:
        acct = "<Account id=%s number='[Filtered]' status='collections'>" % aid
        guar = "'[Filtered]'"
    else:
        acct = "<Account id=%s number=%r status='collections'>" % (aid, P(c.account_no(), "ACCOUNT"))
        d = OrderedDict([("name", P(p.full, "NAME")), ("dob", p.dob), ("address", P(a["line"], "ADDRESS")),
                         ("city", P(a["city"], "CITY")), ("zip", P(c.zipv(a), "ZIP"))])
        P(c.fdate(p.dob, "pydate"), "DATE")
        guar = repr(dict(d))
    return ("Traceback (most recent call last):\n"
            "  File \"/srv/kestrel/billing/statements.py\", line %d, in render_statement\n"
            "    total = fmt_currency(acct.balance_due)\n"
            "  File \"/srv/kestrel/billing/money.py\", line 18, in fmt_currency\n"
            "    return \"${:,.2f}\".format(value)\n"
            "%s: unsupported format string passed to NoneType.__format__\n\n"
            "Frame locals (render_statement):\n    acct = %s\n    guarantor = %s\n    attempt = %d") % (
        c.ri(100, 300), K("TypeError", "exception"), acct, guar, c.ri(1, 4))


@tpl("python_dataclass_repr", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    s = "Subscriber(member_id=%r, first_name=%r, last_name=%r, dob=%s, relationship_code='18', group_number=%r)" % (
        P(c.member_id(), "HEALTH_PLAN"), P(p.given, "NAME"), P(p.family, "NAME"), P(c.fdate(p.dob, "pydate"), "DATE"),
        P(c.group_no(), "HEALTH_PLAN"))
    return "%s: no eligibility match for %s (payer=%s, trace=%s)" % (
        K("ValueError", "exception"), s, K(c.ch(PAYERS)[0], "payer"), c.reqid())


@tpl("django_integrity")
def _t(c):
    P, K = c.p, c.k
    if c.clean:
        cons = "scheduling_slot_uniq"
        detail = "Key (clinician_id, slot_id)=(%s, %s) already exists." % (c.dbid(10, 999), c.dbid())
        path = "/api/scheduling/holds/"
    else:
        cons = "clients_client_ssn_key"
        detail = "Key (ssn)=(%s) already exists." % P(c.ssn("dash"), "SSN")
        path = "/api/clients/"
    K(cons, "constraint")
    return ("Internal Server Error: %s\nTraceback (most recent call last):\n"
            "  File \"/usr/local/lib/python3.11/site-packages/django/db/backends/utils.py\", line 89, in _execute\n"
            "    return self.cursor.execute(sql, params)\n"
            "psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint \"%s\"\nDETAIL:  %s\n\n"
            "The above exception was the direct cause of the following exception:\n\n"
            "%s: duplicate key value violates unique constraint \"%s\"\nDETAIL:  %s") % (
        K(path, "path"), cons, detail, K("django.db.utils.IntegrityError", "exception"), cons, detail)


@tpl("celery_smtp_refused", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    em = P(c.email(p, c.ch(["aol.com", "yahoo.com", "comcast.net", "att.net", "gmail.com"])), "EMAIL")
    return ("[%s: ERROR/ForkPoolWorker-%d] Task %s[%s] raised unexpected: SMTPRecipientsRefused({'%s': "
            "(550, b'5.1.1 <%s>: Recipient address rejected: User unknown in virtual mailbox table')})") % (
        c.ts("py"), c.ri(1, 8), K("notify.tasks.send_statement_email", "task"), c.uuid(), em, em)


@tpl("python_logging_dict", "phi")
def _t(c):
    P, K = c.p, c.k
    g = c.person(30, 80)
    d = {"emergency_contact": {"name": P(g.full, "NAME"), "relation": c.ch(RELATIONS),
                               "phone": P(c.phone(), "PHONE")}, "client_id": int(c.dbid())}
    return "%s WARNING %s: unmapped field in payload %r" % (c.ts("py"), K("intake.forms.emergency", "module"), d)


@tpl("sqlalchemy_dataerror")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    cid = c.dbid()
    if c.clean:
        val = c.ch(["undefined", "null", "NaN"])
        exc, msg, col, table = "InvalidTextRepresentation", 'invalid input syntax for type uuid: "%s"' % val, "clinician_ref", "appointments"
    else:
        val = P(c.fdate(p.dob, c.ch(["eu_dot", "dmy_slash", "ordinal", "us2"])), "DATE")
        exc, msg, col, table = "InvalidDatetimeFormat", 'invalid input syntax for type date: "%s"' % val, "date_of_birth", "clients"
    return ("%s: (psycopg2.errors.%s) %s\nLINE 1: UPDATE %s SET %s='%s' WHERE %s.id = %s\n"
            "[SQL: UPDATE %s SET %s=%%(%s)s WHERE %s.id = %%(%s_id)s]\n[parameters: {'%s': '%s', '%s_id': %s}]\n"
            "(Background on this error at: https://sqlalche.me/e/20/9h9h)") % (
        K("sqlalchemy.exc.DataError", "exception"), exc, msg, table, col, val, table, cid, table, K(col, "column"), col,
        table, table, col, val, table, cid)


@tpl("pydantic_validation")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    ver = "2.%d" % c.ri(4, 9)
    if c.clean:
        body = ("appointment_type_id\n  Input should be a valid integer, unable to parse string as an integer "
                "[type=int_parsing, input_value='%s', input_type=str]\n"
                "    For further information visit https://errors.pydantic.dev/%s/v/int_parsing") % (c.ch(["abc", "12a", "none"]), ver)
        n = 1
    else:
        ph = P(c.phone(c.ch(["paren", "dot", "space", "slash"])), "PHONE")
        dob = P(c.fdate(p.dob, c.ch(["ordinal", "long", "dmy_long", "abbr"])), "DATE")
        body = ("phone\n  String should match pattern '^\\+1\\d{10}$' [type=string_pattern_mismatch, input_value='%s', input_type=str]\n"
                "    For further information visit https://errors.pydantic.dev/%s/v/string_pattern_mismatch\n"
                "date_of_birth\n  Input should be a valid date or datetime, invalid character in year "
                "[type=date_from_datetime_parsing, input_value='%s', input_type=str]\n"
                "    For further information visit https://errors.pydantic.dev/%s/v/date_from_datetime_parsing") % (ph, ver, dob, ver)
        n = 2
    return "%s: %d validation error%s for %s\n%s" % (
        K("pydantic_core._pydantic_core.ValidationError", "exception"), n, "s" if n > 1 else "", K("IntakeForm", "model"), body)


# ---- SQL / databases -------------------------------------------------------------
@tpl("mysql_data_too_long", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person(given=c.ch(["María", "Guadalupe", "Ximena", "Valentina", "José", "Joaquín", "Rocío", "Araceli"]),
                 family=c.ch(["de la Cruz", "del Rosario", "de los Santos", "Garcia-Lopez", "Ortiz-Rivera", "Hernández"]))
    nm = "%s %s %s" % (p.given, c.ch(["Guadalupe", "Fernanda", "Soledad", "Consuelo", "Esteban", "Ignacio"]), p.family)
    return ("%s [%s] batch %s: ERROR 1406 (22001) at line %d: Data too long for column '%s' at row 1\n"
            "  statement: UPDATE clients SET preferred_name = '%s', updated_at = NOW() WHERE id = %s;") % (
        c.ts("plain"), c.svc(), c.dbid(), c.ri(2, 9000), K("preferred_name", "column"), P(sq(nm), "NAME"), c.dbid())


@tpl("oracle_unique", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    return ("%s\n%s: at \"EHR.PATIENT_PKG\", line %d\nORA-06512: at line 1\n"
            "Bind variables: :1='%s' :2='%s' :3='%s' :4='%s' :5=%s") % (
        K("ORA-00001: unique constraint (EHR.PK_PATIENT_SSN) violated", "error_code"), K("ORA-06512", "error_code"),
        c.ri(100, 900), P(sq(p.family.upper()), "NAME"), P(sq(p.given.upper()), "NAME"),
        P(c.fdate(p.dob, c.ch(["oracle", "oracle4"])), "DATE"), P(c.ssn("bare"), "SSN"), c.dbid())


@tpl("mssql_deadlock", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person(family=c.ch(["O'Neill", "O'Brien", "O'Connor", "O'Sullivan", "D'Angelo", "D'Souza", "Fa'amausili"])
                 if c.chance(0.6) else None)
    a = c.address(rural=False)
    K("Msg 1205", "error_code")
    return ("Msg 1205, Level 13, State 51, Line 1\nTransaction (Process ID %d) was deadlocked on lock resources with another process "
            "and has been chosen as the deadlock victim. Rerun the transaction.\n"
            "Statement: UPDATE dbo.Guarantor SET Phone = N'%s', Addr1 = N'%s' WHERE LastName = N'%s' AND FirstName = N'%s' AND Dob = '%s'") % (
        c.ri(51, 200), P(c.phone(), "PHONE"), P(sq(a["line"]), "ADDRESS"), P(sq(p.family), "NAME"), P(sq(p.given), "NAME"),
        P(p.dob.isoformat(), "DATE"))


@tpl("postgres_log")
def _t(c):
    P, K = c.p, c.k
    pid = c.ri(1000, 60000)
    t = c.ts("sql")
    if c.clean:
        err = "canceling statement due to statement timeout"
        stmt = "SELECT count(*) FROM appointments WHERE clinic_id = %d AND status = 'no_show' AND starts_at >= now() - interval '30 days'" % c.ri(1, 60)
    else:
        err = "value too long for type character varying(%d)" % c.ch([10, 12, 14])
        stmt = "UPDATE clients SET phone = '%s', updated_at = now() WHERE id = %s" % (
            P(c.phone(c.ch(["paren_plus", "ext", "plus_dash"])), "PHONE"), c.dbid())
    return "%s [%d] kestrel@ehr_prod ERROR:  %s\n%s [%d] kestrel@ehr_prod STATEMENT:  %s" % (
        t, pid, K(err, "message"), t, pid, stmt)


@tpl("mongodb_dup_key")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    if c.clean:
        idx, key, val = "externalRef_1", "externalRef", c.uuid()
    else:
        idx, key = c.ch([("email_1", "email"), ("portalUsername_1", "portalUsername")])
        val = P(c.email(p), "EMAIL") if key == "email" else P(c.username(p), "OTHER_ID")
    return ("%s: E11000 duplicate key error collection: intake.clients index: %s dup key: { %s: \"%s\" }\n"
            "    at InsertOneOperation.execute (/app/node_modules/mongodb/lib/operations/insert.js:51:33) {\n"
            "  index: 0,\n  code: %s,\n  keyPattern: { %s: 1 },\n  keyValue: { %s: '%s' }\n}") % (
        K("MongoServerError", "exception"), K(idx, "index"), key, val, K("11000", "error_code"), key, key, val)


@tpl("elasticsearch_query")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    idx = K("clients-v%d" % c.ri(3, 9), "index")
    if c.clean:
        return ("[es] %s: [too_many_buckets_exception] Trying to create too many buckets. Must be less than or equal to: [65536] "
                "but this number of buckets was exceeded. index: %s query: {\"size\":0,\"aggs\":{\"by_clinic\":{\"terms\":{\"field\":\"clinic_id\",\"size\":%d}}}} took=%s") % (
            K("search_phase_execution_exception", "exception"), idx, c.ri(70000, 90000), c.ms())
    d = P(c.fdate(p.dob, c.ch(["us", "eu_dot", "long"])), "DATE")
    return ("[es] %s: [parse_exception] failed to parse date field [%s] with format [strict_date_optional_time||epoch_millis]\n"
            "  index: %s query: {\"bool\":{\"must\":[{\"match\":{\"last_name\":\"%s\"}},{\"term\":{\"date_of_birth\":\"%s\"}}]}} took=%s") % (
        K("search_phase_execution_exception", "exception"), d, idx, P(p.family, "NAME"), d, c.ms())


@tpl("redis_session_key", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    return ("%s %s ERROR redis: WRONGTYPE Operation against a key holding the wrong kind of value "
            "(key=\"portal:session:%s\", cmd=HGETALL, node=%s:%s)") % (
        c.ts("iso"), c.svc(), P(c.username(p), "OTHER_ID"), c.infra_ip(), K("6379", "port"))


@tpl("sqlite_locked", "clean")
def _t(c):
    P, K = c.p, c.k
    return ("%s ERROR %s job=%s: %s: database is locked (while exporting %d rows to /var/lib/kestrel/exports/%s.sqlite)") % (
        c.ts("py"), c.svc(), c.uuid(), K("sqlite3.OperationalError", "exception"), c.ri(100, 90000), c.sha(12))


@tpl("dynamodb_conditional", "phi")
def _t(c):
    P, K = c.p, c.k
    m = P(c.mrn(c.ch(["mrn", "alpha", "site", "e"])), "MRN")
    return ("%s: An error occurred (ConditionalCheckFailedException) when calling the PutItem operation: The conditional request failed "
            "| table=%s key={'pk': {'S': 'PATIENT#%s'}, 'sk': {'S': 'CONSENT#ROI#v%d'}} request_id=%s") % (
        K("botocore.errorfactory.ConditionalCheckFailedException", "exception"), K("kestrel-prod-consents", "table"), m,
        c.ri(1, 5), c.reqid())


# ---- HTTP -----------------------------------------------------------------------
@tpl("nginx_access")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    if c.clean:
        ip = c.infra_ip()
        path = "/portal/records/export?batch=%s&format=pdf" % c.dbid(keep=False)
    else:
        ip = P(c.ip_pub() if c.chance(0.8) else c.ip6_pub(), "IP")
        m = c.mrn()
        path = c.ch(["/portal/records/export?mrn=%s&format=pdf", "/api/v2/patients/%s/documents?type=roi",
                     "/fhir/r4/Patient?identifier=%s"]) % m
        P(path, "URL"), P(m, "MRN")
    return '%s - - [%s] "GET %s HTTP/2.0" %s %d "-" "okhttp/4.12.0" rt=%.3f uct="0.001" uht="-" urt="%.3f"' % (
        ip, c.ts("clf"), path, K(c.ch(["502", "504", "499"]), "status"), c.ri(0, 900), 30.001, 30.0)


@tpl("nginx_error")
def _t(c):
    P, K = c.p, c.k
    host = K("portal." + c.platform(), "host")
    ip = c.infra_ip() if c.clean else P(c.ip_pub(), "IP")
    up = c.infra_ip(keep=False)
    return ('%s [error] 31#31: *%d upstream timed out (110: Connection timed out) while reading response header from upstream, '
            'client: %s, server: %s, request: "POST %s HTTP/1.1", upstream: "http://%s:8080/api/intake/submit", host: "%s"') % (
        c.ts("nginx"), c.ri(1000, 999999), ip, host, K("/api/intake/submit", "path"), up, host)


@tpl("alb_access_log")
def _t(c):
    P, K = c.p, c.k
    if c.clean:
        ip = c.infra_ip()
        url = "https://api.%s:443/v2/health/deep HTTP/2.0" % c.platform()
    else:
        ip = P(c.ip_pub(), "IP")
        m = c.mrn()
        u = "https://api.%s:443/v2/patients/%s/documents" % (c.platform(), m)
        P(u, "URL"), P(m, "MRN")
        url = u + " HTTP/2.0"
    return ('h2 %s app/kestrel-prod-alb/%s %s:%d %s:8080 0.000 30.001 -1 %s - %d 0 "POST %s" "okhttp/4.12.0" '
            'ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-1:%s:targetgroup/api-tg/%s "%s"') % (
        c.ts("iso"), c.hexs(16), ip, c.ri(1024, 65000), c.infra_ip(), K("504", "status"), c.ri(200, 5000), url,
        c.digs(12, True), c.hexs(16), c.reqid())


@tpl("curl_fhir_dump", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    a = c.address(rural=False)
    body = OrderedDict([("resourceType", "Patient"),
                        ("identifier", [OrderedDict([("system", "urn:oid:2.16.840.1.113883.3.%d" % c.ri(1000, 9999)),
                                                      ("value", P(c.mrn(), "MRN"))])]),
                        ("name", [OrderedDict([("family", P(p.family, "NAME")), ("given", [P(p.given, "NAME"), p.mid])])]),
                        ("telecom", [OrderedDict([("system", "phone"), ("value", P(c.phone(), "PHONE"))])]),
                        ("birthDate", P(p.dob.isoformat(), "DATE")),
                        ("address", [OrderedDict([("line", [P(a["line"], "ADDRESS")]), ("city", P(a["city"], "CITY")),
                                                  ("state", K(a["state"], "state")), ("postalCode", P(a["zip"], "ZIP"))])])])
    return ("> POST /r4/Patient HTTP/1.1\n> Host: %s\n> Content-Type: application/fhir+json\n> \n%s\n"
            "< HTTP/1.1 %s Precondition Failed\n< x-request-id: %s") % (
        K("fhir.partner-ehr.example", "host"), json.dumps(body, ensure_ascii=False), K("412", "status"), c.reqid())


@tpl("form_encoded_body", "phi")
def _t(c):
    P, K = c.p, c.k
    from urllib.parse import quote_plus
    p = c.person()
    g = c.person(30, 80)
    fn, ln = quote_plus(p.given), quote_plus(p.family)
    dob = quote_plus(c.fdate(p.dob, "us"))
    ph = quote_plus(c.phone(c.ch(["paren", "e164sp", "dash"])))
    gn = quote_plus(g.full)
    for v, k in ((fn, "NAME"), (ln, "NAME"), (dob, "DATE"), (ph, "PHONE"), (gn, "NAME")):
        P(v, k)
    return ("%s: expected Hash (got String) for param `guardian'\n  body: first_name=%s&last_name=%s&dob=%s&phone=%s&guardian=%s&consent=1\n"
            "  /usr/local/bundle/gems/rack-%s/lib/rack/query_parser.rb:%d:in `_normalize_params'") % (
        K("Rack::QueryParser::ParameterTypeError", "exception"), fn, ln, dob, ph, gn, K("3.0.9", "version"), c.ri(100, 200))


# ---- GraphQL / protobuf / logfmt / syslog -------------------------------------------
@tpl("graphql_bad_input")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    cid = c.dbid()
    K("BAD_USER_INPUT" if not c.clean else "GRAPHQL_VALIDATION_FAILED", "error_code")
    if c.clean:
        return ('GraphQL error [GRAPHQL_VALIDATION_FAILED] Cannot query field "diagnosisCodes" on type "Appointment". '
                'Did you mean "diagnoses"? operationName=%s variables={"appointmentId":"%s"} locations=[{"line":4,"column":5}]') % (
            K("AppointmentDetail", "operation"), cid)
    bad = P(c.fdate(p.dob, c.ch(["us", "us2", "dmy_slash"])), "DATE")
    var = json.dumps(OrderedDict([("input", OrderedDict([("clientId", cid), ("firstName", P(p.given, "NAME")),
                                                         ("lastName", P(p.family, "NAME")), ("dateOfBirth", bad),
                                                         ("email", P(c.email(p), "EMAIL"))]))]), ensure_ascii=False)
    return ('GraphQL error [BAD_USER_INPUT] Variable "$input" got invalid value "%s" at "input.dateOfBirth"; Expected type "Date". '
            'Date cannot represent an invalid date-string %s.\noperationName=%s variables=%s path=["updateClientProfile"]') % (
        bad, bad, K("UpdateClientProfile", "operation"), var)


@tpl("grpc_protobuf_text", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    d = P("year: %d\n    month: %d\n    day: %d" % (p.dob.year, p.dob.month, p.dob.day), "DATE")
    return ('rpc error: code = %s desc = eligibility.v1.CheckRequest invalid: subscriber.member_id: value does not match regex pattern "^[A-Z0-9]{9,12}$"\n'
            'request:\nsubscriber {\n  member_id: "%s"\n  name {\n    given: "%s"\n    family: "%s"\n  }\n  birth_date {\n    %s\n  }\n}\n'
            'payer_id: "%s"\nservice_type_codes: "MH"') % (
        K("InvalidArgument", "status"), P(c.member_id() + c.ch(["-01", " ", "*"]).strip(), "HEALTH_PLAN"), P(p.given, "NAME"),
        P(p.family, "NAME"), d, K(c.ch(PAYERS)[1], "payer_id"))


@tpl("logfmt_eligibility")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    payer, pid = c.ch(PAYERS)
    if c.clean:
        mid = "member_id=<redacted> subscriber=<redacted>"
    else:
        mid = 'member_id=%s subscriber="%s" dob=%s' % (P(c.member_id(), "HEALTH_PLAN"), P(p.full, "NAME"),
                                                       P(c.fdate(p.dob, c.ch(["us", "iso", "hl7"])), "DATE"))
    return 'time=%s level=error service=%s msg="271 mismatch" %s payer_id=%s payer="%s" elapsed_ms=%d trace_id=%s' % (
        c.ts("iso_s"), K("eligibility-svc", "service"), mid, K(pid, "payer_id"), K(payer, "payer"), c.ri(40, 9000), c.hexs(32))


@tpl("syslog_hylafax")
def _t(c):
    P, K = c.p, c.k
    p, doc = c.person(), c.clinician()
    job = c.dbid()
    host = K("fax-gw%02d" % c.ri(1, 4), "host")
    if c.clean:
        return "<134>%s %s hylafax[%d]: SEND FAILED: JOB %s ERR [2] No carrier detected; modem ttyS%d reset, requeue in %s" % (
            c.ts("syslog"), host, c.ri(1000, 9000), job, c.ri(0, 3), c.ms(30, 300, unit="s"))
    area = c.ch(AREA_CODES)
    f1 = P(c.phone("digits11", area=area), "FAX")
    f2 = P(c.phone(c.ch(["paren", "dash", "dot"])), "FAX")
    return ("<134>%s %s hylafax[%d]: SEND FAILED: JOB %s DEST %s ERR [2] No carrier detected\n"
            "<134>%s %s docs-render[%d]: cover sheet: To: Dr. %s, Fax: %s, Re: records request for %s DOB %s") % (
        c.ts("syslog"), host, c.ri(1000, 9000), job, f1, c.ts("syslog", keep=False), host, c.ri(1000, 9000),
        P(doc.full, "NAME"), f2, P(p.full, "NAME"), P(c.fdate(p.dob, c.ch(["us", "us_nz"])), "DATE"))


@tpl("syslog_smsd", "phi")
def _t(c):
    P, K = c.p, c.k
    return "%s %s smsd[%d]: delivery report: to=%s status=UNDELIVERED err=0x0000000B (absent subscriber) msgid=%s segments=%d" % (
        c.ts("syslog"), K("sms-gw%02d" % c.ri(1, 3), "host"), c.ri(1000, 9000), P(c.phone(c.ch(["digits11", "e164"])), "PHONE"),
        c.k(c.hexs(16), "message_id"), c.ri(1, 3))


# ---- EHR integration: HL7 v2 / FHIR / X12 / NCPDP -------------------------------------
HL7_REL = {"spouse": "SPO", "mother": "MTH", "father": "FTH", "daughter": "CHD", "son": "CHD", "sister": "SIS",
           "brother": "BRO", "guardian": "GRD", "partner": "DOM"}


@tpl("hl7_adt_parse", "phi")
def _t(c):
    P, K = c.p, c.k
    p, nk = c.person(), c.person(25, 85)
    a = c.address()
    sep = c.ch(["\r", "\n", "\n"])
    ctl = K("ADT%s" % c.digs(7, True), "control_id")
    msgts = K(c.now.strftime("%Y%m%d%H%M%S"), "timestamp")
    rel = c.ch(list(HL7_REL))
    seg = [
        "MSH|^~\\&|KESTREL|%s|EPIC|MHOSP|%s||ADT^A04|%s|P|2.5.1" % (c.ch(["HLCG", "CGBH", "NSP"]), msgts, ctl),
        "PID|1||%s^^^KESTREL^MR||%s^%s||%s|%s|||%s^^%s^%s^%s||%s|||%s||%s|%s" % (
            P(c.mrn(), "MRN"), P("%s^%s" % (p.family.upper(), p.given.upper()), "NAME"), p.mid,
            P(p.dob.strftime("%Y%m%d"), "DATE"), p.sex if p.sex != "X" else "U", P(a["line"].upper(), "ADDRESS"),
            P(a["city"].upper(), "CITY"), K(a["state"], "state"), P(a["zip"], "ZIP"), P(c.phone("paren_tight"), "PHONE"),
            c.ch("SMDW"), P(c.account_no(), "ACCOUNT"), P(c.ssn("dash"), "SSN")),
        "NK1|1|%s^%s|%s|||%s" % (P(nk.family.upper(), "NAME"), P(nk.given.upper(), "NAME"), HL7_REL[rel], P(c.phone("paren_tight"), "PHONE")),
    ]
    err = c.ch(["PID-11 component 5 exceeds max length", "NK1-3 relationship code not in table 0063",
                "PID-8 administrative sex value not mapped", "PID-19 SSN present but consent flag missing"])
    return "HL7 parse error in %s: %s; message control id %s%s%s" % (
        K("ehr-bridge", "service"), err, ctl, sep, sep.join(seg))


@tpl("hl7_oru_ack", "phi")
def _t(c):
    P, K = c.p, c.k
    p, doc = c.person(), c.clinician()
    ctl = K("ORU%s" % c.digs(7, True), "control_id")
    svc = c.appt_date(past=True)
    lines = ["MSA|AE|%s|PV1-7 attending doctor NPI not on file" % ctl,
             "ERR|^^^207&Application internal error&HL70357||207|E",
             "PID|1||%s^^^LAB^MR||%s||%s|%s" % (P(c.mrn(), "MRN"), P("%s^%s" % (p.family.upper(), p.given.upper()), "NAME"),
                                                  P(c.fdate(p.dob, "hl7"), "DATE"), "F" if p.sex == "F" else "M"),
             "PV1|1|O|||||%s^%s^%s^^^DR^%s^^^NPI" % (P(c.npi(), "LICENSE"), P(doc.family.upper(), "NAME"), P(doc.given.upper(), "NAME"),
                                                     K(doc.cred, "credential")),
             "OBR|1|%s|%s|%s^DRUG SCREEN PRSMV INSTR CHEM ANALYZERS^CPT|||%s" % (c.digs(8, True), c.digs(9, True), K("80307", "cpt"),
                                                                                P(svc.strftime("%Y%m%d"), "DATE"))]
    return "ACK AE from %s for ORU^R01 (control %s)\n%s" % (K("LABCORP", "vendor"), ctl, "\n".join(lines))


@tpl("fhir_operation_outcome")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    K("OperationOutcome", "resource")
    if c.clean:
        issues = [OrderedDict([("severity", "error"), ("code", "exception"),
                               ("diagnostics", "HAPI-0389: Failed to call access method: java.lang.NullPointerException: Cannot invoke \"ca.uhn.fhir.rest.api.server.RequestDetails.getTenantId()\""),
                               ("location", ["Patient"])])]
    else:
        d = P(c.fdate(p.dob, c.ch(["us", "eu_dot", "dmy_long", "long"])), "DATE")
        ph = P(c.phone(c.ch(["space", "dot", "paren"])), "PHONE")
        issues = [OrderedDict([("severity", "error"), ("code", "processing"),
                               ("diagnostics", "HAPI-1821: [element=\"birthDate\"] Invalid attribute value \"%s\": Invalid date/time format: \"%s\"" % (d, d)),
                               ("expression", ["Patient.birthDate"])]),
                  OrderedDict([("severity", "warning"), ("code", "value"),
                               ("diagnostics", "telecom value '%s' is not E.164" % ph), ("expression", ["Patient.telecom[0].value"])])]
    return "%s %s -> %s %s" % (K("POST", "method"), K("/r4/Patient/$validate", "path"), K("422", "status"),
                               json.dumps(OrderedDict([("resourceType", "OperationOutcome"), ("issue", issues)]), ensure_ascii=False))


@tpl("fhir_search_url", "phi")
def _t(c):
    P, K = c.p, c.k
    from urllib.parse import quote
    p = c.person()
    fam, giv = quote(p.family), quote(p.given)
    dob = p.dob.isoformat()
    url = "https://fhir.partner-ehr.example/r4/Patient?family=%s&given=%s&birthdate=%s" % (fam, giv, dob)
    P(url, "URL"), P(fam, "NAME"), P(giv, "NAME"), P(dob, "DATE")
    return 'FHIR search failed: GET %s -> %s Unauthorized (WWW-Authenticate: Bearer error="invalid_token") after %s' % (
        url, K("401", "status"), c.ms(40, 3000))


@tpl("x12_837_999", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    a = c.address(rural=c.chance(0.3))
    z = a["zip4"].replace("-", "") if c.chance(0.6) else a["zip"]
    segs = ["NM1*IL*1*%s*%s*%s***MI*%s~" % (P(p.family.upper(), "NAME"), P(p.given.upper(), "NAME"), p.mid, P(c.member_id(), "HEALTH_PLAN")),
            "N3*%s~" % P(a["line"].upper(), "ADDRESS"),
            "N4*%s*%s*%s~" % (P(a["city"].upper(), "CITY"), K(a["state"], "state"), P(z, "ZIP")),
            "DMG*D8*%s*%s~" % (P(c.fdate(p.dob, "hl7"), "DATE"), "F" if p.sex == "F" else "M")]
    return "X12 999 rejected transaction set %s (%s): loop 2010BA %s\n%s" % (
        c.digs(4, True), K("AK5*R*5~", "x12"), c.ch(["IK3*N4*14**8~", "IK3*DMG*15**8~", "IK3*NM1*12**8~"]), "".join(segs))


@tpl("x12_835_era", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    icn = K(c.digs(14, True), "control_number")
    amt = c.ch(["180", "145.5", "210", "95"])
    return ("ERA auto-post failed: no matching claim for CLP01\n"
            "CLP*%s*1*%s*0**12*%s~NM1*QC*1*%s*%s****MI*%s~DTM*232*%s~SVC*HC:%s*%s*0**1~CAS*CO*45*%s~") % (
        P(c.account_no(), "ACCOUNT"), amt, icn, P(p.family.upper(), "NAME"), P(p.given.upper(), "NAME"),
        P(c.member_id(), "HEALTH_PLAN"), P(c.appt_date(past=True).strftime("%Y%m%d"), "DATE"), c.cpt(), amt, amt)


@tpl("x12_271_parse", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    a = c.address()
    return ("271 parse warning (%s): unexpected EB qualifier; subscriber loop follows\n"
            "NM1*IL*1*%s*%s****MI*%s~REF*6P*%s~N3*%s~N4*%s*%s*%s~DMG*D8*%s~PER*IC**TE*%s~EB*1*IND*MH*HM*%s~") % (
        K("eligibility-svc", "service"), P(p.family.upper(), "NAME"), P(p.given.upper(), "NAME"), P(c.member_id(), "HEALTH_PLAN"),
        P(c.group_no(), "HEALTH_PLAN"), P(a["line"].upper(), "ADDRESS"), P(a["city"].upper(), "CITY"), K(a["state"], "state"),
        P(a["zip4"].replace("-", ""), "ZIP"), P(c.fdate(p.dob, "hl7"), "DATE"), P(c.phone("bare"), "PHONE"),
        c.ch(["Gold PPO", "Silver HMO", "Choice POS II", "Open Access Plus"]))


@tpl("surescripts_newrx", "phi")
def _t(c):
    P, K = c.p, c.k
    p, doc = c.person(), c.clinician()
    return ('NewRx rejected by Surescripts (Code 601, DescriptionCode 008: Prescriber DEA mismatch) prescriber="%s, %s" NPI=%s DEA=%s '
            'patient="%s" DOB=%s drug="%s %s tablet" qty=%d refills=%d messageId=%s') % (
        P(doc.full, "NAME"), doc.cred, P(c.npi(), "LICENSE"), P(c.dea(doc.family), "LICENSE"), P(p.full, "NAME"),
        P(c.fdate(p.dob, c.ch(["iso", "hl7", "us"])), "DATE"), c.drug(), K(c.ch(DOSES), "dose"), c.ch([30, 60, 90]),
        c.ri(0, 5), c.hexs(32))


# ---- e-mail / SMS ---------------------------------------------------------------------
@tpl("smtp_dsn_bounce", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    clinic, dom = c.ch(CLINICS)
    em = P(c.email(p), "EMAIL")
    return ("Delivery Status Notification (Failure)\nFinal-Recipient: rfc822; %s\nAction: failed\nStatus: %s\n"
            "Diagnostic-Code: smtp; 550 5.1.1 <%s>: Recipient address rejected: User unknown\n--- original headers ---\n"
            "Subject: Appointment reminder: %s, you have a visit on %s\nFrom: %s <%s>\nX-Kestrel-Template: %s") % (
        em, K("5.1.1", "status"), em, P(p.given, "NAME"), P(c.fdate(c.appt_date(), c.ch(["dow_md", "md_long", "dow_long", "md_ord"])), "DATE"),
        clinic, K("noreply@" + dom, "service_email"), K("appt_reminder_v3", "template"))


SPANISH_GIVEN = ["José", "María", "Guadalupe", "Alejandro", "Ximena", "Valentina", "Santiago", "Mateo", "Itzel", "Yesenia",
                 "Marisol", "Rocío", "Araceli", "Joaquín", "Esteban", "Rodrigo", "Inés", "Beatriz", "Lucía", "Héctor", "Consuelo"]
SPANISH_SUR = ["Garcia", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Sanchez", "Ramirez", "Reyes", "Cruz",
               "Morales", "Ortiz", "Gutierrez", "Castillo", "Vargas", "Romero", "Mendoza", "Hernández", "de la Cruz",
               "del Rosario", "de los Santos", "Garcia-Lopez", "Ortiz-Rivera"]


@tpl("twilio_status_webhook")
def _t(c):
    P, K = c.p, c.k
    p = c.person(given=c.ch(SPANISH_GIVEN), family=c.ch(SPANISH_SUR)) if c.chance(0.5) else c.person()
    sid = K("SM" + c.hexs(32), "message_id")
    if c.clean:
        obj = OrderedDict([("MessageSid", sid), ("MessageStatus", "undelivered"), ("ErrorCode", "30003"),
                           ("To", "[redacted]"), ("TemplateId", "appt_reminder_es_v2"), ("AccountSid", "AC" + c.hexs(32))])
    else:
        d = c.appt_date()
        if p.given in SPANISH_GIVEN:
            body = "Hola %s, le recordamos su cita el %s a las %d:%s. Responda SI para confirmar." % (
                P(p.given, "NAME"), P(c.fdate(d, "es_md"), "DATE"), c.ri(8, 17), c.ch(["00", "30"]))
        else:
            body = "Hi %s, reminder: your appointment is %s. Reply C to confirm or R to reschedule." % (
                P(p.given, "NAME"), P(c.fdate(d, c.ch(["md_slash", "dow_md", "md_abbr"])), "DATE"))
        obj = OrderedDict([("MessageSid", sid), ("MessageStatus", "undelivered"), ("ErrorCode", "30003"),
                           ("To", P(c.phone("e164"), "PHONE")), ("Body", body), ("AccountSid", "AC" + c.hexs(32))])
    K("30003", "error_code")
    return "%s twilio status callback: %s" % (c.ts("iso"), json.dumps(obj, ensure_ascii=False))


@tpl("sendgrid_event")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    em = "[redacted]" if c.clean else P(c.email(p), "EMAIL")
    ev = OrderedDict([("email", em), ("event", "bounce"), ("type", "blocked"),
                      ("reason", "550 5.7.1 Message rejected due to local policy"), ("status", "5.7.1"),
                      ("sg_event_id", c.alnum(22, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")),
                      ("sg_message_id", "__MID__"), ("category", ["statement", "billing"]), ("timestamp", int(c.now.timestamp()))])
    mid = c.k(c.alnum(22, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") + ".filterdrecv-" + c.hexs(10), "message_id")
    K("550 5.7.1 Message rejected due to local policy", "message")
    return "[%s] webhook %s: %s" % (K("notify-svc", "service"), "sendgrid", json.dumps([ev]).replace("__MID__", mid))


@tpl("ses_bounce_sns", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    em = P(c.email(p), "EMAIL")
    inner = json.dumps(OrderedDict([("notificationType", "Bounce"),
                                    ("bounce", OrderedDict([("bounceType", "Permanent"), ("bounceSubType", "General"),
                                                            ("bouncedRecipients", [OrderedDict([("emailAddress", em), ("status", "5.1.1")])])])),
                                    ("mail", OrderedDict([("source", "statements@" + c.platform()), ("messageId", "__M__")]))]))
    mid = c.k("0100018e" + c.hexs(8) + "-" + c.uuid(keep=False) + "-000000", "message_id")
    inner = inner.replace("__M__", mid)
    outer = OrderedDict([("Type", "Notification"), ("MessageId", "__U__"), ("TopicArn", "arn:aws:sns:us-east-1:%s:ses-bounces" % c.digs(12, True)),
                         ("Message", inner)])
    return "notify-svc: unhandled SES bounce %s" % json.dumps(outer).replace("__U__", c.uuid())


# ---- scheduling / billing ------------------------------------------------------------------
@tpl("scheduling_conflict", "phi")
def _t(c):
    P, K = c.p, c.k
    p, q, doc = c.person(), c.person(), c.clinician()
    d = c.appt_date()
    h = c.ri(8, 17)
    return ("%s: clinician Dr. %s, %s (NPI %s) already booked on %s %02d:00-%02d:50 for client %s (%s); "
            "requested hold for client %s, type %s, room %d") % (
        K("SchedulingConflictError", "exception"), P(doc.full, "NAME"), K(doc.cred, "credential"), P(c.npi(), "LICENSE"),
        P(c.fdate(d, c.ch(["iso", "us", "abbr"])), "DATE"), h, h, P(p.full, "NAME"), P(c.mrn(), "MRN"), P(q.full, "NAME"),
        K(c.ch(["90837", "90834", "90791", "90847"]), "cpt"), c.ri(1, 12))


@tpl("stripe_card_error")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    a = c.address()
    cus = K("cus_" + c.alnum(14, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), "stripe_id")
    rq = K("req_" + c.alnum(14, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), "request_id")
    amt = c.ri(2000, 30000)
    md = OrderedDict([("client_id", c.dbid())])
    obj = OrderedDict([("amount", amt), ("currency", "usd"), ("customer", cus), ("metadata", md)])
    if c.clean:
        code = "insufficient_funds"
    else:
        num, _ = c.card()
        obj["source_debug"] = OrderedDict([("number", P(num, "ACCOUNT")), ("exp", "%02d/%02d" % (c.ri(1, 12), c.ri(25, 31))),
                                           ("name", P(p.full.upper(), "NAME")), ("address_zip", P(a["zip"], "ZIP"))])
        code = "card_declined"
    return "%s: Your card was declined. (Request %s) decline_code=%s\n  charge_attempt: %s" % (
        K("Stripe::CardError", "exception"), rq, K(code, "error_code"), json.dumps(obj, ensure_ascii=False))


@tpl("statement_pdf", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    a = c.address()
    return ("%s: statement for account %s (guarantor %s, %s, %s, %s %s) failed: missing glyph U+2019 in font Inter-Regular "
            "[batch=%s pages=%d]") % (
        K("docs_render.PDFRenderError", "exception"), P(c.account_no(), "ACCOUNT"), P(p.lf, "NAME"), P(a["line"], "ADDRESS"),
        P(a["city"], "CITY"), K(a["state"], "state"), P(c.zipv(a), "ZIP"), c.dbid(), c.ri(1, 9))


@tpl("superbill_csv", "phi")
def _t(c):
    P, K = c.p, c.k
    p, doc = c.person(), c.clinician()
    d = c.appt_date(past=True)
    cpt = c.cpt()
    return ("ImportError superbills_%s.csv line %d: unknown modifier \"%s-%s\"\n> %s,%s,%s,%s,%s-%s,%s,%s,Dr. %s") % (
        c.hexs(6), c.ri(2, 400), cpt, c.ch(["95", "GT", "93", "HO"]), P(c.fdate(d, c.ch(["us", "iso"])), "DATE"),
        P(p.full, "NAME"), P(c.fdate(p.dob, c.ch(["us", "iso", "us_nz"])), "DATE"), P(c.member_id(), "HEALTH_PLAN"), cpt,
        c.ch(["95", "GT", "93", "HO"]), c.icd(), c.amount(), P(doc.family, "NAME"))


# ---- clinician free text / chat ------------------------------------------------------------
@tpl("clinician_note_pasted", "phi")
def _t(c):
    P, K = c.p, c.k
    old = c.chance(0.6)
    p = c.person(90, 103) if old else c.person()
    rel = c.person(40, 75)
    a = c.address(rural=c.chance(0.25))
    if old:
        disp, val = c.age_phrase(p.dob and (c.now.year - p.dob.year - 1))
        P(val, "AGE_OVER_89")
        intro = "Pt is a %s %s" % (disp, c.ch(["widowed female", "widower", "retired teacher", "veteran"]))
    else:
        intro = "Pt %s" % P(p.given, "NAME")
    return ('%s: progress note exceeds 10000 chars (client_id=%s, note_id=%s). Excerpt: "%s, lives alone at %s; %s %s (%s) visits weekly. '
            'Denies SI/HI. Continue %s %s, f/u 2 wks. Dx %s."') % (
        K("NoteSaveError", "exception"), c.dbid(), c.uuid(), intro, P(a["line"], "ADDRESS"),
        c.ch(["dtr", "son", "niece", "neighbor"]), P(rel.full, "NAME"), P(c.phone(), "PHONE"), c.drug(), K(c.ch(DOSES), "dose"), c.icd())


@tpl("chat_lowercase", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    a = c.address(rural=False)
    msgs = [
        "can someone call back %s re her %s appt? new cell is %s" % (
            P(p.full.lower(), "NAME"), P(c.fdate(c.appt_date(), c.ch(["md_slash", "md_abbr"])).lower(), "DATE"),
            P(c.phone(c.ch(["space", "bare", "dot"])), "PHONE")),
        "also she moved to %s, %s - statement bounced" % (P(a["line"].lower(), "ADDRESS"), P(a["city"].lower(), "CITY")),
    ]
    return "[slack #%s] %s: %s\n[slack #%s] %s: %s\n(posted via %s webhook, ts=%s)" % (
        K("front-desk", "channel"), "frontdesk2", msgs[0], "front-desk", "frontdesk2", msgs[1], K("alert-relay", "service"),
        c.ts("epoch"))


@tpl("spanish_sms_render", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person(given=c.ch(SPANISH_GIVEN), family=c.ch(SPANISH_SUR))
    doc = c.person(35, 65, given=c.ch(SPANISH_GIVEN), family=c.ch(SPANISH_SUR))
    second = c.ch(["José", "Guadalupe", "Fernanda", "Soledad", "Esteban", "Ignacio"])
    nm = "%s %s %s" % (p.given, second, p.family) if c.chance(0.5) else p.full
    a = c.address(rural=False)
    return ('Plantilla SMS "%s" falló al renderizar (KeyError: \'hora\'): "Hola %s, le recordamos su cita con la Dra. %s el %s. '
            'Dirección: %s, %s. Para confirmar responda SÍ." to=%s') % (
        K("recordatorio_cita_es", "template"), P(nm, "NAME"), P(doc.full, "NAME"), P(c.fdate(c.appt_date(), c.ch(["es_md", "es"])), "DATE"),
        P(a["line"], "ADDRESS"), P(a["city"], "CITY"), P(c.phone(c.ch(["e164", "paren_plus"])), "PHONE"))


# ---- CSV / spreadsheet imports ----------------------------------------------------------------
@tpl("csv_import")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    a = c.address()
    fname = K("clients_%s.csv" % c.hexs(8), "file")
    if c.clean:
        return ("%s: CSV import failed for %s: unknown column 'pronoun' in header at line 1\n"
                "> id,last_name,first_name,dob,phone,address,city,state,zip,pronoun\n(%d rows skipped, job %s)") % (
            K("ImportError", "exception"), fname, c.ri(10, 3000), c.uuid())
    row = '%s,%s,%s,%s,%s,"%s",%s,%s,%s,extra' % (c.dbid(), P(p.family, "NAME"), P(p.given, "NAME"),
                                                  P(c.fdate(p.dob, c.ch(["iso", "us", "us_nz"])), "DATE"), P(c.phone(), "PHONE"),
                                                  P(a["line"], "ADDRESS"), P(a["city"], "CITY"), K(a["state"], "state"), P(c.zipv(a), "ZIP"))
    return "%s: CSV import failed for %s at line %d: expected 9 columns, got 10\n> %s" % (
        K("ImportError", "exception"), fname, c.ri(2, 4000), row)


@tpl("xlsx_import", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    r = c.ri(2, 900)
    return ("%s: row %d: cell D%d value '%s' is not a date (client '%s', member %s); sheet 'Roster' of %s") % (
        K("import_worker.RowError", "exception"), r, r,
        P(c.fdate(p.dob, c.ch(["eu_dot", "eu_dot_nz", "dmy_slash", "ordinal"])), "DATE"), P(p.lf, "NAME"),
        P(c.member_id(), "HEALTH_PLAN"), K("caseload_export.xlsx", "file"))


# ---- queues / jobs -----------------------------------------------------------------------
@tpl("rabbitmq_dlq")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    if c.clean:
        payload = OrderedDict([("claimId", int(c.dbid())), ("batchId", c.uuid()), ("attempt", c.ri(1, 5))])
    else:
        payload = OrderedDict([("claimId", int(c.dbid())),
                               ("subscriber", OrderedDict([("name", P(p.full, "NAME")), ("memberId", P(c.member_id(), "HEALTH_PLAN"))])),
                               ("serviceDate", P(c.appt_date(past=True).isoformat(), "DATE")), ("cpt", c.cpt())])
    return "Message dead-lettered from '%s' to '%s' reason=rejected count=%d routing_key=claims.837p payload=%s" % (
        K("claims.submit", "queue"), K("claims.submit.dlq", "queue"), c.ri(1, 5), json.dumps(payload, ensure_ascii=False))


@tpl("kafka_deser")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    part = K("intake-events-%d" % c.ri(0, 11), "topic")
    if c.clean:
        cause = ('com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException: Unrecognized field "schemaVersion" '
                 '(class com.kestrel.events.IntakeEvent), not marked as ignorable')
    else:
        v = P(c.fdate(p.dob, c.ch(["us", "eu_dot", "long", "us2"])), "DATE")
        cause = ('com.fasterxml.jackson.databind.exc.InvalidFormatException: Cannot deserialize value of type `java.time.LocalDate` from String "%s": '
                 'Failed to deserialize java.time.LocalDate (through reference chain: IntakeEvent["client"]->Client["dateOfBirth"]) '
                 'client.lastName=%s') % (v, P(p.family, "NAME"))
    return ("%s: Error deserializing key/value for partition %s at offset %s. If needed, please seek past the record to continue consumption.\n"
            "Caused by: %s") % (K("org.apache.kafka.common.errors.SerializationException", "exception"), part, c.dbid(), cause)


@tpl("lambda_sqs_event")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    if c.clean:
        inner = OrderedDict([("eventType", "consent.signed"), ("consentId", c.uuid()), ("version", 3)])
    else:
        inner = OrderedDict([("eventType", "referral.received"), ("patientName", P(p.full, "NAME")),
                             ("dob", P(c.fdate(p.dob, c.ch(["iso", "us"])), "DATE")), ("phone", P(c.phone(), "PHONE")),
                             ("referringFax", P(c.phone(c.ch(["dash", "paren"])), "FAX"))])
    ev = {"Records": [OrderedDict([("messageId", "__U__"), ("body", json.dumps(inner, ensure_ascii=False)), ("eventSource", "aws:sqs")])]}
    return ("[ERROR] KeyError: 'insurance'\nTraceback (most recent call last):\n  File \"/var/task/handler.py\", line %d, in handler\n"
            "    plan = body[\"insurance\"][\"plan\"]\nevent: %s\nRequestId: %s Duration: %s") % (
        c.ri(20, 90), json.dumps(ev, ensure_ascii=False).replace("__U__", c.uuid()), c.uuid(), K("%.2f ms" % (c.r.random() * 900), "duration"))


@tpl("yaml_scanner_error", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    a = c.address(rural=False)
    num = str(c.ri(1, 9899))
    street = "%s %s %s" % (num, c.ch(STREETS), c.ch(SUFFIXES))
    unit = c.ch(["Apt 3B", "Unit 210", "Apt 12", "Ste 4"])
    addr = P("%s: %s" % (street, unit), "ADDRESS")
    col = len("  address: ") + len(street) + 1
    return ("%s: mapping values are not allowed here\n  in \"<unicode string>\", line 4, column %d:\n      address: %s\n%s^\n"
            "--- document (%s) ---\npatient:\n  name: %s\n  dob: %s\n  address: %s\n  city: %s\n  zip: \"%s\"") % (
        K("yaml.scanner.ScannerError", "exception"), col, addr, " " * (col + 3), K("referral_intake.yaml", "file"), P(p.full, "NAME"),
        P(p.dob.isoformat(), "DATE"), addr, P(a["city"], "CITY"), P(a["zip"], "ZIP"))


@tpl("soap_fault", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    return ('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Client</faultcode>'
            '<faultstring>%s</faultstring><detail><Member><LastName>%s</LastName><FirstName>%s</FirstName><MemberID>%s</MemberID>'
            '<DOB>%s</DOB><Phone>%s</Phone></Member></detail></soap:Fault></soap:Body></soap:Envelope>') % (
        K("Member not found for supplied demographics", "message"), P(p.family, "NAME"), P(p.given, "NAME"), P(c.member_id(), "HEALTH_PLAN"),
        P(c.fdate(p.dob, c.ch(["us", "iso"])), "DATE"), P(c.phone(), "PHONE"))


# ---- devices / vehicles / licences ---------------------------------------------------------
@tpl("mdm_enrollment_imei", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    return ("%s [%s] MDM enrollment failed for RPM loaner device IMEI %s (serial %s) assigned to client %s (%s): %s device is blocked by enrollment restriction") % (
        c.ts("iso"), K("device-mgmt", "service"), P(c.imei(), "DEVICE"), P(c.serial(), "DEVICE"), P(p.full, "NAME"), P(c.mrn(), "MRN"),
        K("0x80180014", "error_code"))


@tpl("rpm_actigraphy_upload", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    return ("%s %s: actigraphy upload rejected: device serial %s (BLE %s) not linked to client %s, DOB %s; %d epochs dropped, fw %s") % (
        c.ts("py"), K("outcomes-svc", "service"), P(c.serial(), "DEVICE"), P(c.mac(), "DEVICE"), P(p.full, "NAME"),
        P(c.fdate(p.dob, c.ch(["us", "iso", "abbr"])), "DATE"), c.ri(100, 9000), c.version())


@tpl("interlock_court_report", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    st = c.ch(sorted(STATE_NAMES))
    return ("%s: court report for DUI education participant %s (DL# %s, %s plate %s, VIN %s) failed: template field 'interlock_vendor' missing "
            "[program=%s, report=%s]") % (
        K("ReportBuildError", "exception"), P(p.full, "NAME"), P(c.driver_license(), "LICENSE"), K(st, "state"), P(c.plate(), "VEHICLE"),
        P(c.vin(), "VEHICLE"), K("DUI-EDU-20", "program"), c.uuid())


@tpl("parking_permit_sync", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    car = c.ch(["2017 Honda Civic", "2021 Toyota RAV4", "2012 Ford F-150", "2019 Subaru Outback", "2015 Nissan Altima"])
    return ("ParkingPermitSync WARN duplicate plate %s for client %s (vehicle %s, VIN %s); permit %s not issued, lot %s") % (
        P(c.plate(), "VEHICLE"), P(p.lf, "NAME"), K(car, "vehicle_model"), P(c.vin(), "VEHICLE"), c.dbid(), c.ch(["A", "B", "North"]))


@tpl("pdmp_query", "phi")
def _t(c):
    P, K = c.p, c.k
    p, doc = c.person(), c.clinician()
    return ("%s: PMP Gateway %s (patient demographics incomplete) prescriber=%s DEA=%s lic=%s patient=%s dob=%s zip=%s drug_class=%s") % (
        K("PdmpQueryError", "exception"), K("400", "status"), P(doc.full, "NAME"), P(c.dea(doc.family), "LICENSE"),
        P(c.state_license(), "LICENSE"), P(p.full, "NAME"), P(c.fdate(p.dob, c.ch(["us", "iso"])), "DATE"),
        P(c.address()["zip"], "ZIP"), K(c.ch(["benzodiazepine", "stimulant", "opioid agonist"]), "drug_class"))


@tpl("id_ocr_mismatch", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    a = c.address()
    dl = c.driver_license()
    dl2 = dl[:-2] + dl[-1] + dl[-2] if dl[-1] != dl[-2] else dl[:-1] + str((int(dl[-1]) + 1) % 10 if dl[-1].isdigit() else "7")
    return ("%s: OCR licence number '%s' != entered '%s' for client %s (DOB %s, %s, %s %s)") % (
        K("IdVerificationMismatch", "exception"), P(dl, "LICENSE"), P(dl2, "LICENSE"), P(p.full, "NAME"),
        P(c.fdate(p.dob, c.ch(["us", "us_nz", "long"])), "DATE"), P(a["line"], "ADDRESS"), P(a["city"], "CITY"), P(a["zip"], "ZIP"))


# ---- ages over 89 ----------------------------------------------------------------------------
@tpl("geriatric_referral", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person(90, 103)
    age = c.now.year - p.dob.year - 1
    disp, val = c.age_phrase(age)
    P(val, "AGE_OVER_89")
    doc = c.clinician()
    return ("Referral intake warning: client %s (%s) exceeds program max age 65 for %s; referred by %s, fax %s. DOB on file %s") % (
        P(p.full, "NAME"), disp, K("IOP-ADULT", "program"), P(doc.full, "NAME"), P(c.phone(), "FAX"),
        P(c.fdate(p.dob, c.ch(["us", "iso", "long", "ordinal"])), "DATE"))


@tpl("dotnet_capacity_age", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person(90, 103)
    age = c.now.year - p.dob.year - 1
    return ('[%s WRN] Kestrel.Clinical.CapacityReview: {"ClientId": %s, "Age": %s, "Name": "%s", "Rule": "%s"} flagged for capacity review') % (
        c.ts("time"), c.dbid(), P(str(age), "AGE_OVER_89"), P(p.full, "NAME"), K("age_over_89_consent", "rule"))


# ---- identity / portal -------------------------------------------------------------------------
@tpl("audit_login_failed")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    if c.clean:
        ev = OrderedDict([("event", "login_failed"), ("user_ref", c.uuid()), ("ip", c.infra_ip()), ("reason", "bad_password"),
                          ("attempt", c.ri(3, 9)), ("service", "identity-svc")])
    else:
        ev = OrderedDict([("event", "login_failed"), ("username", P(c.username(p), "OTHER_ID")),
                          ("ip", P(c.ip_pub() if c.chance(0.75) else c.ip6_pub(), "IP")), ("reason", "bad_password"),
                          ("attempt", c.ri(3, 9)), ("service", "identity-svc")])
    K("login_failed", "event")
    return "AUDIT %s %s" % (c.ts("iso"), json.dumps(ev))


@tpl("portal_password_reset", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    return ("%s %s: password reset link expired for portal user '%s' <%s> from %s (ua=%s); token age %s") % (
        c.ts("iso"), K("identity-svc", "service"), P(c.username(p), "OTHER_ID"), P(c.email(p), "EMAIL"), P(c.ip_pub(), "IP"),
        c.ch(["iOS 17.3", "Android 14", "Chrome 122"]), c.ms(3601, 90000, unit="s"))


@tpl("court_case_report", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    case = P(c.ch(["%d-CR-%06d" % (c.now.year - c.ri(0, 2), c.ri(1, 99999)), "PRB-%s" % c.digs(7, True),
                   "DOC #%s" % c.digs(6, True)]), "OTHER_ID")
    return ("%s: probation compliance letter for %s (case %s) could not be faxed to %s: %s") % (
        K("docs_render.DeliveryError", "exception"), P(p.full, "NAME"), case, P(c.phone(), "FAX"), K("NO_ANSWER", "error_code"))


@tpl("insurance_card_ocr", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    payer, pid = c.ch(PAYERS)
    return ("%s: low confidence (%.2f) on insurance card upload: payer=\"%s\" member_name=\"%s\" member_id=%s group=%s rx_bin=%s dob=%s") % (
        K("CardOcrWarning", "exception"), c.r.random(), K(payer, "payer"), P(p.full.upper(), "NAME"), P(c.member_id(), "HEALTH_PLAN"),
        P(c.group_no(), "HEALTH_PLAN"), K(c.ch(["610014", "004336", "610502", "003858"]), "rx_bin"),
        P(c.fdate(p.dob, c.ch(["us", "us2"])), "DATE"))


@tpl("telehealth_ice_failed")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    room = K("room_" + c.hexs(12), "room")
    if c.clean:
        who = 'participant=%s display="Client"' % c.uuid()
        cand = "candidates host=%s relay=%s" % (c.infra_ip(), c.infra_ip())
    else:
        who = 'participant=%s display="%s"' % (c.uuid(), P(p.full, "NAME"))
        cand = "candidates srflx=%s:%d srflx6=[%s]:%d relay=%s" % (P(c.ip_pub(), "IP"), c.ri(40000, 60000), P(c.ip6_pub(), "IP"),
                                                                 c.ri(40000, 60000), c.infra_ip())
    return "%s [%s] ICE failed for %s %s %s after %s (%s)" % (
        c.ts("iso"), K("telehealth-rtc", "service"), room, who, cand, c.ms(5000, 30000), K("ICE_CONNECTION_FAILED", "error_code"))


@tpl("payment_plan_card", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    num, brand = c.card()
    return ("billing-core: payment plan %s installment %d/%d failed for guarantor %s acct %s card=%s (%s) amount=%s: %s") % (
        c.dbid(), c.ri(1, 6), c.ri(6, 12), P(p.full, "NAME"), P(c.account_no(), "ACCOUNT"), P(num, "ACCOUNT"), brand, c.amount(),
        K("processor_declined", "error_code"))


@tpl("phq9_outcome", "phi")
def _t(c):
    P, K = c.p, c.k
    old = c.chance(0.3)
    p = c.person(90, 103) if old else c.person()
    obs = OrderedDict([("resourceType", "Observation"), ("code", "44261-6"), ("subject", P(p.full, "NAME")),
                       ("effectiveDate", P(c.appt_date(past=True).isoformat(), "DATE")), ("valueInteger", c.ri(0, 27))])
    if old:
        obs["ageYears"] = int(P(str(c.now.year - p.dob.year - 1), "AGE_OVER_89"))
    K("44261-6", "loinc")
    return "%s: PHQ-9 item 9 > 0 but no safety plan task created; observation=%s" % (
        K("OutcomesAlert", "exception"), json.dumps(obs, ensure_ascii=False))


@tpl("ics_calendar_export", "phi")
def _t(c):
    P, K = c.p, c.k
    p, doc = c.person(), c.clinician()
    d = c.appt_date()
    return ("%s: invalid RRULE in exported event\nBEGIN:VEVENT\nUID:%s@%s\nDTSTART;VALUE=DATE:%s\nSUMMARY:Therapy - %s\n"
            "ATTENDEE;CN=\"%s\":mailto:%s\nORGANIZER;CN=\"Dr. %s\":mailto:%s\nRRULE:FREQ=WEEKLY;COUNT=0\nEND:VEVENT") % (
        K("icalendar.InvalidRRule", "exception"), c.uuid(), c.platform(), P(d.strftime("%Y%m%d"), "DATE"), P(p.full, "NAME"),
        p.full, P(c.email(p), "EMAIL"), P(doc.family, "NAME"),
        P(c.email(doc, c.ch(CLINICS)[1]), "EMAIL"))


@tpl("vcard_import", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    a = c.address()
    return ("%s: vCard 3.0 parse error at line 7 (unexpected BDAY format)\nBEGIN:VCARD\nVERSION:3.0\nFN:%s\nN:%s;%s;;;\n"
            "TEL;TYPE=CELL:%s\nADR;TYPE=HOME:;;%s;%s;%s;%s;USA\nBDAY:%s\nEMAIL:%s\nEND:VCARD") % (
        K("contacts.VCardParseError", "exception"), P(p.full, "NAME"), P(p.family, "NAME"), P(p.given, "NAME"), P(c.phone(), "PHONE"),
        P(a["line"], "ADDRESS"), P(a["city"], "CITY"), K(a["state"], "state"), P(a["zip"], "ZIP"),
        P(c.fdate(p.dob, c.ch(["hl7", "us", "eu_dot"])), "DATE"), P(c.email(p), "EMAIL"))


@tpl("inbound_fax_ocr", "phi")
def _t(c):
    P, K = c.p, c.k
    p, doc = c.person(), c.clinician()
    return ("%s fax-gateway: inbound fax %s from %s (CSID \"%s\") %d pages; OCR routing failed: patient \"%s\" DOB %s matched 0 charts") % (
        c.ts("plain"), c.dbid(), P(c.phone(c.ch(["e164", "bare", "digits11"])), "FAX"), P(doc.full.upper(), "NAME"), c.ri(1, 14),
        P(p.full, "NAME"), P(c.fdate(p.dob, c.ch(["us", "us_nz", "abbr"])), "DATE"))


# ---- infrastructure noise (never PHI) ----------------------------------------------------------------
@tpl("terraform_apply", "clean")
def _t(c):
    P, K = c.p, c.k
    K("InvalidParameterCombination", "error_code")
    return ("Error: creating RDS DB Instance (ehr-prod-replica-%d): InvalidParameterCombination: Cannot find version %s for postgres\n"
            "  with module.db.aws_db_instance.replica[0],\n  on modules/db/main.tf line %d, in resource \"aws_db_instance\" \"replica\":\n"
            "  %d: resource \"aws_db_instance\" \"replica\" {") % (
        c.ri(1, 3), K("16.%d" % c.ri(1, 9), "version"), c.ri(20, 200), c.ri(20, 200))


@tpl("k8s_event", "clean")
def _t(c):
    P, K = c.p, c.k
    svc = c.svc()
    return ("Warning  BackOff  %s  pod/%s  Back-off restarting failed container %s in pod %s_kestrel-prod(%s)\n"
            "Last State: Terminated Reason: %s Exit Code: 137 Started: %s") % (
        K("%dm%ds" % (c.ri(1, 50), c.ri(0, 59)), "duration"), c.pod(svc), svc, svc, c.uuid(), K("OOMKilled", "reason"), c.ts("iso_s"))


@tpl("ci_npm_error", "clean")
def _t(c):
    P, K = c.p, c.k
    return ("npm ERR! code %s\nnpm ERR! ERESOLVE unable to resolve dependency tree\nnpm ERR! While resolving: portal-web@%s\n"
            "npm ERR! Found: react@%s\nnpm ERR! Could not resolve dependency: peer react@\"^17.0.0\" from react-big-calendar@%s\n"
            "build %s on runner ip-%d-%d-%d-%d failed after %s") % (
        K("ERESOLVE", "error_code"), c.version(), K("18.2.0", "version"), K("0.38.9", "version"), c.sha(), c.ri(10, 10),
        c.ri(0, 40), c.ri(0, 255), c.ri(2, 254), c.ms(30, 900, unit="s"))


@tpl("prometheus_alert", "clean")
def _t(c):
    P, K = c.p, c.k
    svc = c.svc()
    return ("[FIRING:%d] %s %s (severity=page, namespace=kestrel-prod)\nerror ratio %.4f > 0.05 for 10m\nrunbook: "
            "https://runbooks.%s/alerts/high-error-rate\nstarted: %s") % (
        c.ri(1, 4), K("HighErrorRate", "alert"), svc, 0.05 + c.r.random() / 10, c.platform(), c.ts("iso_s"))


@tpl("cert_expiry", "clean")
def _t(c):
    P, K = c.p, c.k
    host = K(c.ch(["fhir.partner-ehr.example", "sftp.clearinghouse.example", "api.eligibility-hub.example"]), "host")
    return ("%s %s: Post \"https://%s/token\": x509: certificate has expired or is not yet valid: current time %s is after %s") % (
        c.ts("iso"), c.svc(), host, c.ts("iso_s"), c.ts("iso_s", delta=-c.ri(3600, 86400 * 3)))


@tpl("db_migration", "clean")
def _t(c):
    P, K = c.p, c.k
    v = K(c.now.strftime("%Y%m%d%H%M%S"), "version")
    name = c.ch(["AddIndexOnClientsDob", "AddPronounsToClients", "BackfillClaimLineExternalIds", "DropLegacySsnColumn"])
    return ("== %s %s: migrating ======\n-- add_index(:clients, [:clinic_id, :date_of_birth])\n"
            "rails aborted!\nStandardError: An error has occurred, this and all later migrations canceled:\n\n"
            "%s: ERROR:  could not create unique index \"index_clients_on_clinic_id_and_date_of_birth\"\n"
            "DETAIL:  Key (clinic_id, date_of_birth)=(%d, <redacted>) is duplicated.") % (
        v, K(name, "migration"), K("PG::UniqueViolation", "exception"), c.ri(1, 40))


@tpl("healthcheck_fail", "clean")
def _t(c):
    P, K = c.p, c.k
    return "%s GET %s %s upstream=%s:%s duration=%s deps={db:ok, redis:timeout, fhir:ok} build=%s" % (
        c.ts("iso"), K("/healthz", "path"), K("503", "status"), c.infra_ip(), c.port(), c.ms(3000, 6000), c.sha())


@tpl("pgbouncer_pool", "clean")
def _t(c):
    P, K = c.p, c.k
    return "%s [%d] WARNING C-0x%s: ehr_prod/kestrel@%s:%d pooler error: %s (cl_waiting=%d, sv_active=%d)" % (
        c.ts("sql"), c.ri(1, 9), c.hexs(12), c.infra_ip(), c.ri(30000, 60000), K("no more connections allowed (max_client_conn)", "message"),
        c.ri(1, 400), c.ri(20, 100))


@tpl("vault_lease", "clean")
def _t(c):
    P, K = c.p, c.k
    return "%s [ERROR] %s: renew lease database/creds/ehr-ro/%s failed: Error making API request. URL: PUT https://vault.%s:8200/v1/sys/leases/renew Code: %s. Errors: * lease not found" % (
        c.ts("iso"), c.svc(), c.alnum(24, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), c.platform(), K("400", "status"))


@tpl("cron_backup", "clean")
def _t(c):
    P, K = c.p, c.k
    return ("%s backup-cron[%d]: pg_dump of ehr_prod to s3://kestrel-backups/%s/ehr_prod.dump failed after %s: "
            "pg_dump: error: Dumping the contents of table \"%s\" failed: PQgetResult() failed.") % (
        c.ts("syslog"), c.ri(1000, 60000), c.now.strftime("%Y/%m/%d"), c.ms(60, 7200, unit="s"),
        K(c.ch(["appointments", "progress_notes", "claim_lines", "audit_events"]), "table"))


# ---- more identifiers: Rx numbers, portal URLs, devices, vehicles, ages ------------------------
PHARMACIES = [("CVS Pharmacy #%d", "CVS"), ("Walgreens #%d", "WAG"), ("Rite Aid #%d", "RAD"),
              ("Walmart Pharmacy %d", "WMT"), ("Kroger Pharmacy #%d", "KRG")]


@tpl("pharmacy_rx_renewal", "phi")
def _t(c):
    P, K = c.p, c.k
    p, doc = c.person(), c.clinician()
    ph, _ = c.ch(PHARMACIES)
    pharm = K(ph % c.ri(100, 19999), "pharmacy")
    rx = P(c.rx_no(), "OTHER_ID")
    lead = c.ch(["Rx# %s" % rx, "rx_number=%s" % rx, "Rx %s" % rx])
    return ("%s %s: RxRenewalRequest from %s (NCPDP %s) rejected: %s for %s (DOB %s) %s %s, prescriber %s NPI %s - reason: %s") % (
        c.ts("iso"), K("rx-bridge", "service"), pharm, K(c.digs(7, True), "ncpdp_id"), lead, P(p.full, "NAME"),
        P(c.fdate(p.dob, c.ch(["us", "iso", "hl7"])), "DATE"), c.drug(), K(c.ch(DOSES), "dose"), P(doc.full, "NAME"),
        P(c.npi(), "LICENSE"), K(c.ch(["controlled substance requires EPCS", "prescriber not on file", "duplicate request"]), "message"))


@tpl("portal_user_url")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    th = c.dbid(keep=c.clean)
    if c.clean:
        path = "/portal/u/me/messages?thread=%s" % th
        ip = c.infra_ip()
    else:
        u = c.username(p)
        path = "/portal/u/%s/messages?thread=%s" % (u, th)
        P(path, "URL"), P(u, "OTHER_ID")
        ip = P(c.ip_pub(), "IP")
    return '%s [portal-web] %s GET %s ip=%s session=%s reason="%s"' % (
        c.ts("iso"), K("403", "status"), path, ip, c.sha(16), K("thread not shared with viewer", "message"))


@tpl("telehealth_link_sms", "phi")
def _t(c):
    P, K = c.p, c.k
    from urllib.parse import quote
    p = c.person()
    nm = quote(p.full)
    d = c.appt_date().isoformat()
    url = "https://video.%s/join/%s?client=%s&appt=%s" % (c.platform(), c.hexs(10), nm, d)
    P(url, "URL"), P(nm, "NAME"), P(d, "DATE")
    return "%s %s: SMS body too long (%d chars > 160) for template %s, link=%s to=%s" % (
        c.ts("py"), K("notify-svc", "service"), c.ri(161, 320), K("telehealth_join_v2", "template"), url,
        P(c.phone(c.ch(["e164", "dash"])), "PHONE"))


@tpl("mobile_crash_report")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    model = c.ch(["Pixel 7", "Galaxy S23", "Moto G Power", "Galaxy A14", "Pixel 6a"])
    if c.clean:
        ident = "imei=<not collected> serial=<not collected> user=anonymous"
    else:
        ident = "imei=%s serial=%s wifi_mac=%s user=%s" % (P(c.imei(), "DEVICE"), P(c.serial(), "DEVICE"), P(c.mac(), "DEVICE"),
                                                          P(c.username(p), "OTHER_ID"))
    return ("Crashlytics fatal: %s in com.kestrel.portal.checkin.CheckInFragment.onResume (CheckInFragment.kt:%d)\n"
            "app=KestrelPortal %s (build %d) os=Android %d model=%s %s") % (
        K("java.lang.NullPointerException", "exception"), c.ri(40, 200), c.version(), c.ri(1000, 9999), c.ri(11, 14),
        K(model, "device_model"), ident)


@tpl("pip_auto_claim", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    ins = K(c.ch(["GEICO", "Progressive", "State Farm", "Allstate", "Liberty Mutual"]), "payer")
    return ("%s: PIP claim for %s (date of loss %s) rejected by %s: insured vehicle VIN %s / plate %s not on policy; CPT %s x%d") % (
        K("billing_core.PipClaimRejected", "exception"), P(p.full, "NAME"),
        P(c.fdate(c.appt_date(past=True), c.ch(["us", "long", "abbr"])), "DATE"), ins, P(c.vin(), "VEHICLE"), P(c.plate(), "VEHICLE"),
        c.cpt(), c.ri(1, 12))


@tpl("java_map_risk_age", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person(90, 103)
    age = P(str(c.now.year - p.dob.year - 1), "AGE_OVER_89")
    return ("%s WARN  [risk-engine-%d] c.k.risk.FallRiskRule - rule input out of range: {clientId=%s, name=%s, age=%s, livesAlone=%s, phq9=%d, dx=%s}") % (
        c.ts("java"), c.ri(1, 8), c.dbid(), P(p.full, "NAME"), age, c.ch(["true", "false"]), c.ri(0, 27), c.icd())


@tpl("fhir_patient_age_ext", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person(90, 103)
    age = c.now.year - p.dob.year - 1
    P(str(age), "AGE_OVER_89")
    res = OrderedDict([("resourceType", "Patient"), ("id", c.uuid()),
                       ("name", [OrderedDict([("text", P(p.full, "NAME"))])]),
                       ("extension", [OrderedDict([("url", "http://%s/fhir/age-at-intake" % c.platform()),
                                                   ("valueAge", OrderedDict([("value", age), ("unit", "a")]))])])])
    return "%s: constraint failed: age-at-intake requires birthDate (%s)\n%s" % (
        K("FhirValidationError", "exception"), K("pat-age-1", "constraint"), json.dumps(res, ensure_ascii=False))


def ruby_date_inspect(d):
    jd = d.toordinal() + 1721425
    return "#<Date: %s ((%dj,0s,0n),+0s,2299161j)>" % (d.isoformat(), jd)


@tpl("ruby_struct_inspect", "phi")
def _t(c):
    P, K = c.p, c.k
    p = c.person()
    d = P(p.dob.isoformat(), "DATE")
    return ("%s: undefined method `strftime' for nil:NilClass\n  client: #<struct Intake::ClientRow name=\"%s\", dob=%s, phone=\"%s\", "
            "email=\"%s\", referral_source=nil>\n  app/jobs/intake/roster_import_job.rb:%d:in `block in perform'") % (
        K("NoMethodError", "exception"), P(p.full, "NAME"), ruby_date_inspect(p.dob).replace(p.dob.isoformat(), d),
        P(c.phone(), "PHONE"), P(c.email(p), "EMAIL"), c.ri(20, 120))


# ---------------------------------------------------------------------------
# Checking
# ---------------------------------------------------------------------------
BLOCK = "\u2588"
# technical words that happen to equal a pool name (e.g. com.fasterxml.jackson)
GUARD_ALLOW = {"jackson"}


def _spans(value, text):
    return [(m.start(), m.end()) for m in re.finditer(phi_score._boundary_pattern(value), text)]


def perfect_scrub(text, values):
    for v in sorted(set(values), key=len, reverse=True):
        text = re.sub(phi_score._boundary_pattern(v), BLOCK, text)
    return text


CHECKED = Counter()


def check_digit_error(value, kind):
    """Validate check digits / validity rules implied by the kind; None if fine."""
    d = re.sub(r"\D", "", value)
    sep_only = re.fullmatch(r"[\d \-]+", value) is not None
    if kind == "SSN":
        CHECKED["SSN validity"] += 1
        if len(d) != 9 or d[:3] in ("000", "666") or d[0] == "9" or d[3:5] == "00" or d[5:] == "0000":
            return "invalid SSN"
    elif kind == "LICENSE" and re.fullmatch(r"\d{10}", value):
        CHECKED["NPI Luhn (80840)"] += 1
        if value[0] not in "12" or not luhn_ok("80840" + value):
            return "NPI fails Luhn with 80840 prefix"
    elif kind == "LICENSE" and re.fullmatch(r"[A-Z][A-Z9]\d{7}", value):
        CHECKED["DEA check digit"] += 1
        if not dea_ok(value):
            return "DEA check digit wrong"
    elif kind == "VEHICLE" and re.fullmatch(r"[A-HJ-NPR-Z0-9]{17}", value):
        CHECKED["VIN check digit"] += 1
        if vin_check(value) != value[8]:
            return "VIN check digit wrong"
    elif kind == "DEVICE" and sep_only and len(d) == 15:
        CHECKED["IMEI Luhn"] += 1
        if not luhn_ok(d):
            return "IMEI fails Luhn"
    elif kind == "ACCOUNT" and sep_only and len(d) in (15, 16) and d[0] in "3456":
        CHECKED["card Luhn"] += 1
        if not luhn_ok(d):
            return "card number fails Luhn"
    return None


def check_record(rec):
    errs = []
    text = rec.get("text")
    if not isinstance(text, str) or not text:
        return ["empty text"]
    phi = rec.get("phi", [])
    keep = rec.get("keep", [])
    kk = rec.get("keep_kinds", [])
    if len(kk) != len(keep):
        errs.append("keep_kinds length %d != keep length %d" % (len(kk), len(keep)))
    seen = {}
    for ph in phi:
        v, k = ph.get("value"), ph.get("kind")
        if k not in KINDS:
            errs.append("unknown kind %r" % k)
        if not v or not occurs(v, text):
            errs.append("phi value does not occur: %r (%s)" % (v, k))
        if v in seen and seen[v] != k:
            errs.append("value %r labelled as %s and %s" % (v, seen[v], k))
        seen[v] = k
        cd = check_digit_error(v or "", k)
        if cd:
            errs.append("%s: %r" % (cd, v))
        if k == "NAME" and not name_value_ok(v):
            errs.append("NAME value has parts the scorer does not count and is not distinctive: %r" % v)
    if len(set(keep)) != len(keep):
        errs.append("duplicate keep tokens")
    phi_spans = [(ph["value"], s) for ph in phi for s in _spans(ph["value"], text)]
    for tok in keep:
        if not tok or not occurs(tok, text):
            errs.append("keep token does not occur: %r" % tok)
            continue
        for ph in phi:
            if ph["value"] in tok:
                errs.append("keep token %r contains phi value %r" % (tok, ph["value"]))
        for a, b in _spans(tok, text):
            for v, (c0, c1) in phi_spans:
                if a < c1 and c0 < b:
                    errs.append("keep token %r overlaps phi value %r at %d" % (tok, v, a))
    # a perfect scrubber must score 100% recall and 100% keep on this record
    scrubbed = perfect_scrub(text, [ph["value"] for ph in phi])
    for ph in phi:
        why = phi_score.leak_reason(ph["value"], ph["kind"], scrubbed)
        if why:
            errs.append("perfect scrub still leaks %r (%s): %s" % (ph["value"], ph["kind"], why))
    for tok in keep:
        if tok and not occurs(tok, scrubbed):
            errs.append("perfect scrub destroys keep token %r" % tok)
    # no unlabelled pool names left over (also: PHI-free records hold no names at all)
    for w in _LETTER_RUN.findall(scrubbed):
        if len(w) >= 3 and w.lower() in POOL_PARTS and w.lower() not in GUARD_ALLOW:
            errs.append("unlabelled pool name part %r remains" % w)
            break
    return errs


# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------
def make_record(idx, name, text, c):
    phi, seen = [], set()
    for v, k in c.phi:
        if (v, k) not in seen:
            seen.add((v, k))
            phi.append({"value": v, "kind": k})
    keep, kinds, kseen = [], [], set()
    for v, k in c.keep:
        if v not in kseen:
            kseen.add(v)
            keep.append(v)
            kinds.append(k)
    return OrderedDict([("id", "%s-%05d" % (FAMILY, idx)), ("family", FAMILY), ("template", name), ("text", text),
                        ("phi", phi), ("keep", keep), ("keep_kinds", kinds)])


def plan_slots():
    rng = random.Random("%d-plan" % SEED)
    names = list(TEMPLATES)
    phi_t = [n for n in names if TEMPLATES[n][1] in ("phi", "both")]
    clean_t = [n for n in names if TEMPLATES[n][1] in ("clean", "both")]
    rng.shuffle(phi_t)
    rng.shuffle(clean_t)
    slots = [(phi_t[i % len(phi_t)], False) for i in range(N_RECORDS - N_CLEAN)]
    slots += [(clean_t[i % len(clean_t)], True) for i in range(N_CLEAN)]
    rng.shuffle(slots)
    return slots


def generate():
    records, retries = [], Counter()
    for idx, (name, clean) in enumerate(plan_slots()):
        fn = TEMPLATES[name][0]
        rng = random.Random("%d-%05d" % (SEED, idx))
        last = None
        for attempt in range(80):
            c = Ctx(rng, clean)
            text = fn(c)
            rec = make_record(idx, name, text, c)
            if clean and rec["phi"]:
                raise AssertionError("clean record with PHI")
            if not clean and not rec["phi"]:
                last = ["PHI slot produced no PHI"]
                continue
            last = check_record(rec)
            if not last:
                break
            retries[name] += 1
        else:
            sys.exit("template %s cannot produce a valid record (idx %d): %s" % (name, idx, last))
        records.append(rec)
    return records, retries


def stats(records):
    kinds = Counter(ph["kind"] for r in records for ph in r["phi"])
    keep_kinds = Counter(k for r in records for k in r["keep_kinds"])
    templates = Counter(r["template"] for r in records)
    clean = sum(1 for r in records if not r["phi"])
    lines = ["records: %d  (no-PHI: %d = %.1f%%)" % (len(records), clean, 100.0 * clean / max(1, len(records))),
             "templates: %d  (records per template %d..%d)" % (len(templates), min(templates.values()), max(templates.values())),
             "phi values: %d  keep tokens: %d" % (sum(kinds.values()), sum(keep_kinds.values())),
             "values per kind:"]
    for k in KINDS:
        lines.append("  %-12s %5d" % (k, kinds.get(k, 0)))
    lines.append("keep tokens per kind: " + ", ".join("%s=%d" % kv for kv in sorted(keep_kinds.items())))
    return "\n".join(lines)


def dump(records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def run_check(path):
    problems = []
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    records = [json.loads(l) for l in raw.splitlines() if l.strip()]
    if len(records) != N_RECORDS:
        problems.append("expected %d records, found %d" % (N_RECORDS, len(records)))
    ids = [r.get("id") for r in records]
    if len(set(ids)) != len(ids):
        problems.append("duplicate ids")
    for i, r in enumerate(records):
        if list(r) != ["id", "family", "template", "text", "phi", "keep", "keep_kinds"]:
            problems.append("%s: unexpected keys %r" % (r.get("id"), list(r)))
        if r.get("id") != "%s-%05d" % (FAMILY, i) or r.get("family") != FAMILY:
            problems.append("record %d: bad id/family %r/%r" % (i, r.get("id"), r.get("family")))
        for e in check_record(r):
            problems.append("%s [%s]: %s" % (r.get("id"), r.get("template"), e))
    clean = sum(1 for r in records if not r["phi"])
    if not 0.17 <= clean / max(1, len(records)) <= 0.23:
        problems.append("no-PHI share %.3f is not about a fifth" % (clean / max(1, len(records))))
    ntpl = len({r["template"] for r in records})
    if ntpl < 80:
        problems.append("only %d templates" % ntpl)
    kinds = Counter(ph["kind"] for r in records for ph in r["phi"])
    missing = [k for k in KINDS if not kinds.get(k)]
    if missing:
        problems.append("kinds never used: %s" % missing)
    print("check digits verified: " + ", ".join("%s=%d" % kv for kv in sorted(CHECKED.items())))
    regen, _ = generate()
    if dump(regen) != raw:
        problems.append("file differs from a fresh deterministic regeneration (re-run the generator)")
    print(stats(records))
    if problems:
        print("CHECK FAILED: %d problem(s)" % len(problems))
        for p in problems[:200]:
            print("  " + p)
        return 1
    print("CHECK OK: every phi value and keep token occurs (scorer rule), no keep/phi overlap, NAME parts countable,")
    print("          check digits valid (NPI/DEA/VIN/IMEI/card/SSN),")
    print("          perfect scrub leaks nothing and keeps every keep token, no stray names, file is reproducible.")
    return 0


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="verify the corpus file instead of writing it")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="corpus path (default: %(default)s)")
    args = ap.parse_args(argv)
    if args.check:
        return run_check(args.out)
    records, retries = generate()
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(dump(records))
    print("wrote %s" % args.out)
    print(stats(records))
    print("generation retries (re-drawn values that failed the checks): %d" % sum(retries.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
