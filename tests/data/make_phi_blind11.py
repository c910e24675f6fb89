#!/usr/bin/env python3
"""Generate tests/data/phi_blind11.jsonl: a blind PHI-scrubber evaluation corpus.

Written without looking at the scrubber: only the corpus README (format and
labelling policy) and tests/data/phi_score.py (leak rules) were consulted.
The emphasis is on styles an error-alert corpus rarely carries: JVM/.NET/Ruby/
PHP/Node/Rust/Elixir/Go messages, non-JSON structured logs (RFC 5424, CEF,
LEEF, Windows event XML, access logs, Postgres/MySQL/Mongo/Elasticsearch),
healthcare wire formats (HL7 v2, FHIR, C-CDA, X12, NCPDP, DICOM, PDMP),
human text in several languages, and identifiers in odd places (S3 keys,
Redis keys, Kafka records, command lines, headers, cookies, GraphQL,
protobuf text, YAML/TOML/INI, Markdown, HTML, form bodies).

Usage:
    python3 tests/data/make_phi_blind11.py            # write the corpus
    python3 tests/data/make_phi_blind11.py --check    # regenerate in memory, compare, validate

Standard library only; deterministic (string seeds, no hash randomisation).
Every record is checked by simulating a perfect scrubber (each labelled value
replaced by a marker) and applying phi_score.py's leak rules; keep tokens must
survive. A record that fails is re-drawn with the next sub-seed.
"""
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import phi_score  # noqa: E402  (leak rules of the scorer)

OUT = os.path.join(HERE, "phi_blind11.jsonl")
FAMILY = "blind11"
N_RECORDS = 600
CLEAN_EVERY = 5          # every 5th record holds no PHI -> 120 clean records
MAX_ATTEMPTS = 200

KINDS = ["NAME", "ADDRESS", "CITY", "ZIP", "DATE", "PHONE", "FAX", "EMAIL", "SSN",
         "MRN", "HEALTH_PLAN", "ACCOUNT", "LICENSE", "VEHICLE", "DEVICE", "URL",
         "IP", "OTHER_ID", "AGE_OVER_89"]

# ---------------------------------------------------------------------------
# Hand-written pools
# ---------------------------------------------------------------------------
GIVEN = """Amara Teodoro Siobhan Kwame Mei-Ling Anneliese Oluwaseun Rafael Ximena Thandiwe
Dariusz Agnieszka Haruto Yusuf Leilani Bartholomew Ngozi Inés Joaquim Marisol Eamon Priyanka
Hyun-woo Soo-ah Farida Tariq Rosalind Wilhelmina Luz Dmitri Esperanza Nnamdi Kalani Thuy Minh
Renata Cosmin Ioana Grace Hope Clementine Beatriz Mahalia Jerome Lorenzo Fenna Sven Aurelio
Zainab Omari Marguerite Jean-Baptiste Wideline Fabiola Rosemond Kateryna Bogdan Lwazi Ayesha
Imran Saoirse Cormac Tomasz Jadwiga Maricel Jericho Rowena Dalisay Ji-hoon Seo-yeon Karim Nour
Hamza Layla Dieudonné Zoë François Łukasz Małgorzata Guadalupe Xiomara Yesenia Anh Bao Quang
Tenzin Pema Ebere Chidi Folasade Temperance Bellamy Autumn Dakota Sequoia Jolene Cheyenne
Raymundo Ignatius Philippa Ottoline Desmond Winifred Augustin Constance Evangeline Hollis
Lucius Marlowe Odalys Nayeli Itzel Aroha Tavita Malia Sione Alibek Dinara Nargiza Ozan Elif
Canan Björn Ingrid Aino Eero Mirela Vesna Goran Precious Blessing Marvelous Journey Harmony
Storm Rain Jude Ezekiel Perpetua Concepción Maëlle Anaïs Yannick""".split()

SURNAMES = """Okafor|Lindqvist|Nakamura-Reyes|de la Cruz|van der Berg|bin Hassan|al-Amin|O'Neal|
D'Souza|Rivers|Hunter|Page|Banks|Castellanos|Wiśniewski|Kowalczyk|Nguyen|Tran|Oyelaran|Abernathy|
Fairweather|Quispe Mamani|Achterberg|Villanueva|Dimaculangan|Macapagal|Pierre-Louis|Jean-Charles|
Desrosiers|Boateng|Mensah|Adeyemi|Haddad|El-Sayed|Bouchard|Thibodeaux|Kaczmarek|Szymańska|
Petrenko|Shevchenko|Moreau|Gonçalves|Albuquerque|Carvalho|Takahashi|Yamamoto|Choi|Kang|Dlamini|
Zuniga|Featherstone|Blackwood|Holloway|Winslow|Merriweather|Esposito|Lombardi|Iyer|Raghunathan|
Chatterjee|McAllister|MacLeod|St. Clair|Santos|Delacroix|Underwood|Sterling|Marsh|Brooks|Cross|
Ó Briain|Ní Mhaonaigh|da Silva Pereira|García-Márquez|Ruiz de Alarcón|ter Horst|Vuković|Hadžić|
Nwachukwu|Oyelowo|Tuilagi|Fonoti|Kealoha|Akana|Begay|Yazzie|Tsosie|Runningwater|Whitehorse|
Ashdown|Penhallow|Quartermaine|Lachance|Beauregard|Ouellette|Abdi|Warsame|Okonkwo-Bright|
Halvorsen|Søndergaard|Nieminen|Korhonen|Popescu|Ionescu|Al-Rashid|bin Omar|Mahmoud|Farouk|
Rosenthal|Eisenberg|Kaplan|Park|Lee|Kim|Wu|Li|Ng|Ho|Salvador|Florida|Jordan|Summers|Law|
Fortune|Goodnight|Lovejoy|Bright|Christmas|Dimagiba|Bautista|Magbanua|Mercado|Ocampo|Lapointe|
Jean-Pierre|Étienne|Joseph|Baptiste|Wójcik|Zieliński|Jeong|Seo|Hwang|Yoon|Al-Khatib|Nasser""".replace("\n", "").split("|")

STREET_NAMES = """Calloway Ridge|Pemberton Hollow|Larkspur|Tamarack Bend|Old Quarry|Sutter Mill|Wexford|
Bramblewood|Kestrel Point|Juniper Flats|Cobblestone|Marigold|Heron Cove|Ironwood|Bellweather|
Foxglove|Alder Creek|Saltgrass|Windrow|Camino Sereno|Vista Lomita|Ashbury Mill|Cairn|Thistledown|
Rookwood|Gallatin Spur|Pickering|Moorhen|Quillback|Tidewater|Orchard Gap|Beacon Hill|Sawtooth|
Wicklow|Mulberry Row|Kittredge|Halcyon|Starling|Drumlin|Copperleaf|Seven Oaks|Lantern|Bluegill|
Piñon|Loma Alta|Ridgeback|Harrowgate|Weatherby|Cinder Cone|Goldenrod|Parrish""".replace("\n", "").split("|")
STREET_SUFFIX = ["Rd", "Road", "St", "Street", "Ave", "Avenue", "Ln", "Lane", "Dr", "Ct", "Way",
                 "Blvd", "Pkwy", "Ter", "Pl", "Cir", "Trl", "Loop", "Row"]
UNITS = ["Apt 3B", "Unit 12", "#204", "Apt. 5", "Ste 110", "Lot 17", "Apt 1407", "Unit C",
         "Trlr 9", "Fl 2", "Apt 2R", "#11"]

CITIES = """Millbrook Falls|Port Aldine|Cedar Hollow|New Kessling|Ashgrove|Lake Tamsin|Brightwater|
Fort Calder|Belleclaire|Oakhurst Junction|Granite Ferry|Winsted Corners|Marlow Heights|Quarry Bend|
Sorrel Valley|East Pellham|Havilland|Verrano|San Anselmo del Río|Kettle Rapids|Pine Barrow|
Dunmore Crossing|Saint Ives Landing|Tarrow|Hollis Point|Wrenfield|Maple Sedge|Red Alder|
Bexley Mills|Castle Rook|Ellery|Fairhope Station|Grangeville Flats|Ivory Springs|Jessup Ford|
Kilbride|Lowell Basin|Mendota Glen|Northam|Ostrander|Pruett|Ravensworth|Silver Tarn|Tolland Cove|
Upton Marsh|Vesper|Whitcombe|Yardley Pond|Zephyr Creek|Agua Fría|Bayou Teche|Cienega|Dos Ríos""".replace("\n", "").split("|")

STATES = ["OR", "WA", "CA", "NV", "AZ", "NM", "CO", "UT", "ID", "MT", "TX", "OK", "MN", "WI",
          "IL", "MI", "OH", "PA", "NY", "NJ", "MA", "VT", "ME", "GA", "FL", "NC", "VA", "MD",
          "LA", "HI", "AK", "KY", "TN", "IA", "NE"]
STATE_NAMES = {"OR": "Oregon", "WA": "Washington", "CA": "California", "TX": "Texas",
               "NY": "New York", "FL": "Florida", "IL": "Illinois", "MA": "Massachusetts",
               "HI": "Hawaii", "MN": "Minnesota", "GA": "Georgia", "LA": "Louisiana"}

AREA_CODES = ["503", "971", "541", "206", "253", "425", "415", "510", "619", "213", "702", "480",
              "505", "720", "801", "208", "406", "512", "214", "832", "405", "612", "651", "414",
              "312", "773", "313", "614", "216", "267", "412", "718", "929", "646", "201", "617",
              "802", "207", "404", "305", "786", "919", "804", "410", "504", "808", "907", "502",
              "615", "515", "402"]

EMPLOYERS = ["Bluefin Freight Lines", "Bluecastle Dental Group", "Unified School District 14",
             "Kestrel Aerospace", "Riverbend Cannery", "Northgate Logistics", "Greenleaf Grocers Co-op",
             "Ironwood Timber", "Mercy Vale Hospital", "Harbor & Hull Marine Supply"]

PAYERS = ["Aetna", "Cigna", "UnitedHealthcare", "Humana", "Kaiser Permanente", "Anthem",
          "Blue Cross Blue Shield", "Optum", "Magellan Health", "Medicare", "Medicaid", "Tricare",
          "Molina Healthcare", "Carelon Behavioral Health", "Highmark", "Premera Blue Cross",
          "Oscar Health", "Ambetter", "Regence BlueShield", "Providence Health Plan", "Moda Health",
          "Wellcare", "CareSource", "Beacon Health Options", "Evernorth"]
ICD = ["F32.1", "F33.2", "F41.1", "F43.10", "F43.12", "F90.0", "F31.81", "F42.2", "F50.01",
       "F10.20", "F11.20", "Z63.0", "F60.3", "F84.0", "F51.01", "Z91.19", "R45.851", "F40.10",
       "F32.A", "F43.21", "F41.0", "F34.1", "F25.0", "Z13.31", "F17.210"]
CPT = ["90791", "90792", "90832", "90834", "90837", "90846", "90847", "90853", "99213", "99214",
       "96127", "90785", "90839", "90840", "H0031", "H2019", "99354", "96130", "96136", "G0444"]
SERVICES = ["intake-svc", "reminder-worker", "claims-gateway", "portal-api", "eligibility-sync",
            "notes-indexer", "fax-relay", "billing-core", "sched-engine", "telehealth-bridge",
            "pdmp-connector", "hl7-listener", "erx-router", "consent-svc", "outreach-sms",
            "doc-ocr", "superbill-gen", "waitlist-matcher", "crisis-line-bridge", "mdm-sync"]
PRACTICE = ["CedarLine Behavioral Health", "Harborlight Counseling", "Northwind Mind & Body",
            "Stillwater Psychiatry Group", "Bright Harbor Therapy"]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me",
           "comcast.net", "aol.com", "ymail.com", "orange.fr", "uol.com.br", "wp.pl", "naver.com",
           "yahoo.com.ph", "live.ca", "gmx.de", "sbcglobal.net", "mail.com"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON = [m[:3] for m in MONTHS]
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
         "septiembre", "octubre", "noviembre", "diciembre"]
MESES_PT = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
            "setembro", "outubro", "novembro", "dezembro"]
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"]
BUWAN = ["Enero", "Pebrero", "Marso", "Abril", "Mayo", "Hunyo", "Hulyo", "Agosto", "Setyembre",
         "Oktubre", "Nobyembre", "Disyembre"]
MIESIAC = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
           "września", "października", "listopada", "grudnia"]
DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
ORD_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth",
             7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth", 11: "eleventh", 12: "twelfth",
             13: "thirteenth", 14: "fourteenth", 15: "fifteenth", 16: "sixteenth",
             17: "seventeenth", 18: "eighteenth", 19: "nineteenth", 20: "twentieth",
             21: "twenty-first", 22: "twenty-second", 23: "twenty-third", 24: "twenty-fourth",
             25: "twenty-fifth", 26: "twenty-sixth", 27: "twenty-seventh", 28: "twenty-eighth"}
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

PUBLIC_FIRST_OCTETS = [24, 38, 41, 47, 50, 63, 64, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76,
                       81, 82, 86, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 102, 104, 105, 107,
                       108, 109, 135, 136, 142, 162, 166, 173, 174, 176, 177, 178, 181, 184, 185,
                       186, 187, 188, 189, 196, 201, 212, 213, 217]


def asciify(s):
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if ord(ch) < 128)


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
VIN_VAL = dict(zip("ABCDEFGH", range(1, 9)))
VIN_VAL.update(dict(zip("JKLMN", range(1, 6))))
VIN_VAL.update({"P": 7, "R": 9})
VIN_VAL.update(dict(zip("STUVWXYZ", range(2, 10))))
VIN_VAL.update({str(d): d for d in range(10)})
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_check(v):
    s = sum(VIN_VAL[ch] * w for ch, w in zip(v, VIN_W)) % 11
    return "X" if s == 10 else str(s)


def dea_ok(d):
    n = d[2:]
    return (int(n[0]) + int(n[2]) + int(n[4]) + 2 * (int(n[1]) + int(n[3]) + int(n[5]))) % 10 == int(n[6])


def ssn_ok(s):
    d = re.sub(r"\D", "", s)
    a, g, sr = d[:3], d[3:5], d[5:]
    return len(d) == 9 and a not in ("000", "666") and a[0] != "9" and g != "00" and sr != "0000"


def num_words(n):
    if n < 10:
        return DIGIT_WORDS[n]
    if n < 20:
        return TEENS[n - 10]
    t, u = divmod(n, 10)
    return TENS[t] + ("-" + DIGIT_WORDS[u] if u else "")


def year_words(y):
    hi, lo = divmod(y, 100)
    if lo == 0:
        return num_words(hi) + " hundred"
    if y >= 2000 and y < 2010:
        return "two thousand " + DIGIT_WORDS[lo]
    return num_words(hi) + " " + (("oh " + DIGIT_WORDS[lo]) if lo < 10 else num_words(lo))


# ---------------------------------------------------------------------------
# Person
# ---------------------------------------------------------------------------
class Person:
    def __init__(self, r):
        self.g = r.choice(GIVEN)
        self.s = r.choice(SURNAMES)
        self.mi = r.choice("ABCDEFGHJKLMNPRSTVW")
        self.r = r

    @property
    def full(self):
        return self.g + " " + self.s

    @property
    def mid(self):
        return "%s %s. %s" % (self.g, self.mi, self.s)

    @property
    def lf(self):
        return self.s + ", " + self.g

    @property
    def lfm(self):
        return "%s, %s %s" % (self.s, self.g, self.mi)

    @property
    def init(self):
        return self.g[0] + ". " + self.s

    @property
    def up(self):
        return self.full.upper()

    @property
    def low(self):
        return self.full.lower()

    @property
    def hl7(self):
        return "%s^%s^%s" % (self.s.upper(), self.g.upper(), self.mi)

    @property
    def dicom(self):
        return "%s^%s" % (self.s.upper(), self.g.upper())

    def sql(self, form):
        return form.replace("'", "''")

    def local(self, r):
        g = asciify(self.g).lower().replace("-", "").replace(" ", "")
        s = asciify(self.s).lower().replace(" ", "").replace("'", "").replace(".", "").replace("-", "")
        yy = str(r.randint(60, 99)) if r.random() < 0.5 else str(r.randint(1, 2009))
        pat = r.choice(["{g}.{s}", "{g}{s}{n}", "{g0}{s}", "{s}.{g}", "{g}_{s}{n}", "{g}.{s}{n}",
                        "{g0}.{s}{n}", "{s}{g0}{n}", "{g}{s0}{n}"])
        return pat.format(g=g, s=s, g0=g[0], s0=s[0], n=yy)


# ---------------------------------------------------------------------------
# Record builder handed to templates
# ---------------------------------------------------------------------------
class Ctx:
    def __init__(self, r):
        self.r = r
        self.phi = []
        self.keep = []
        self.keep_kinds = []

    # -- labelling -------------------------------------------------------------
    def p(self, kind, value):
        assert kind in KINDS, kind
        if not any(v == value for v, _ in self.phi):
            self.phi.append((value, kind))
        return value

    def k(self, kind, value):
        value = str(value)
        if value not in self.keep:
            self.keep.append(value)
            self.keep_kinds.append(kind)
        return value

    def ch(self, seq):
        return self.r.choice(seq)

    def ri(self, a, b):
        return self.r.randint(a, b)

    def digits(self, n, first_nonzero=False):
        s = "".join(str(self.r.randint(0, 9)) for _ in range(n))
        if first_nonzero:
            s = str(self.r.randint(1, 9)) + s[1:]
        return s

    def alnum(self, n, alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    # -- people ----------------------------------------------------------------
    def person(self):
        return Person(self.r)

    def N(self, s):
        return self.p("NAME", s)

    def email(self, person=None):
        if person is None:
            person = self.person()
        return self.p("EMAIL", person.local(self.r) + "@" + self.ch(DOMAINS))

    def staff_email(self, person):
        loc = asciify(person.g[0] + person.s).lower().replace(" ", "").replace("'", "").replace(".", "").replace("-", "")
        return self.p("EMAIL", loc + "@" + self.ch(["cedarlinebh.com", "harborlight-counseling.org",
                                                      "stillwaterpsych.net", "northwindmb.com"]))

    def username(self, person):
        g = asciify(person.g).lower().replace("-", "")
        s = asciify(person.s).lower().replace(" ", "").replace("'", "").replace(".", "").replace("-", "")
        pat = self.ch(["{g}.{s0}{n}", "{g0}{s}_{n}", "{s}{g}", "{g}{n}{s0}", "{s}.{g0}"])
        return self.p("OTHER_ID", pat.format(g=g, s=s, g0=g[0], s0=s[0], n=self.ri(1, 99)))

    # -- places ----------------------------------------------------------------
    def street(self, unit=None, upper=False):
        num = str(self.ri(12, 98765)) if self.r.random() < 0.85 else "%d 1/2" % self.ri(100, 999)
        s = "%s %s %s" % (num, self.ch(STREET_NAMES), self.ch(STREET_SUFFIX))
        if unit is None:
            unit = self.r.random() < 0.35
        if unit:
            s += (", " if self.r.random() < 0.5 else " ") + self.ch(UNITS)
        if upper:
            s = s.upper()
        return self.p("ADDRESS", s)

    def pobox(self):
        return self.p("ADDRESS", self.ch(["PO Box %d", "P.O. Box %d", "POB %d"]) % self.ri(10, 9999))

    def city(self, upper=False):
        c = self.ch(CITIES)
        return self.p("CITY", c.upper() if upper else c)

    def state(self):
        return self.k("state", self.ch(STATES))

    def zip5(self):
        return self.p("ZIP", "%05d" % self.ri(1001, 99950))

    def zip9(self):
        return self.p("ZIP", "%05d-%04d" % (self.ri(1001, 99950), self.ri(1, 9999)))

    def zipx(self):
        return self.zip9() if self.r.random() < 0.3 else self.zip5()

    # -- dates -----------------------------------------------------------------
    def _date(self, y0, y1):
        y = self.ri(y0, y1)
        m = self.ri(1, 12)
        d = self.ri(1, 28)
        return y, m, d

    def fmt(self, y, m, d, style):
        M = MONTHS[m - 1]
        return {
            "us": "%02d/%02d/%04d" % (m, d, y),
            "us1": "%d/%d/%04d" % (m, d, y),
            "us2": "%d/%d/%02d" % (m, d, y % 100),
            "iso": "%04d-%02d-%02d" % (y, m, d),
            "isoslash": "%04d/%02d/%02d" % (y, m, d),
            "eudot": "%02d.%02d.%04d" % (d, m, y),
            "euslash": "%02d/%02d/%04d" % (d, m, y),
            "long": "%s %d, %d" % (M, d, y),
            "abbr": "%s %d, %d" % (M[:3], d, y),
            "dmyabbr": "%d %s %d" % (d, M[:3], y),
            "dmylong": "%d %s %d" % (d, M, y),
            "mondash": "%s-%02d-%04d" % (M[:3], d, y),
            "usdash": "%02d-%02d-%04d" % (m, d, y),
            "hl7": "%04d%02d%02d" % (y, m, d),
            "ord": "the %s of %s" % (self.ordinal(d), M),
            "py": "datetime.date(%d, %d, %d)" % (y, m, d),
            "es": "%d de %s de %d" % (d, MESES[m - 1], y),
            "pt": "%d de %s de %d" % (d, MESES_PT[m - 1], y),
            "fr": "%d %s %d" % (d, MOIS[m - 1], y),
            "tl": "%s %d, %d" % (BUWAN[m - 1], d, y),
            "pl": "%d %s %d" % (d, MIESIAC[m - 1], y),
            "ko": "%dnyeon %dwol %dil" % (y, m, d),
            "de": "%d. %s %d" % (d, ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
                                     "August", "September", "Oktober", "November", "Dezember"][m - 1], y),
            "words": "%s %s %s" % (M.lower(), ORD_WORDS[d], year_words(y)),
            "upabbr": "%02d%s%04d" % (d, M[:3].upper(), y),
            "md": "%d/%d" % (m, d),
            "mdabbr": "%s %d" % (M[:3], d),
            "mdlong": "%s %s" % (M, self.ordinal(d)),
            "dm": "%02d/%02d" % (d, m),
            "mdpad": "%02d/%02d" % (m, d),
        }[style]

    @staticmethod
    def ordinal(d):
        return "%d%s" % (d, "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th"))

    DOB_STYLES = ["us", "us1", "us2", "iso", "eudot", "euslash", "long", "abbr", "dmyabbr",
                  "mondash", "usdash", "hl7", "isoslash", "dmylong"]

    def dob(self, style=None, y0=1938, y1=2011):
        y, m, d = self._date(y0, y1)
        return self.p("DATE", self.fmt(y, m, d, style or self.ch(self.DOB_STYLES)))

    def visit(self, style=None):
        y, m, d = self._date(2023, 2025)
        return self.p("DATE", self.fmt(y, m, d, style or self.ch(self.DOB_STYLES)))

    def appt_md(self, style=None):
        y, m, d = self._date(2024, 2025)
        return self.p("DATE", self.fmt(y, m, d, style or self.ch(["md", "mdabbr", "mdlong", "mdpad"])))

    def date_parts(self, y0=1938, y1=2011):
        return self._date(y0, y1)

    # -- phones ----------------------------------------------------------------
    def _nanp(self):
        a = self.ch(AREA_CODES)
        while True:
            e = "%d%02d" % (self.ri(2, 9), self.ri(0, 99))
            if e not in ("555", "911") and e[1:] != "11":
                break
        return a, e, "%04d" % self.ri(0, 9999)

    PHONE_STYLES = ["paren", "dash", "dot", "plus_sp", "e164", "bare", "one_dash", "paren_nosp", "plus_dash"]

    def phone_str(self, style=None):
        a, e, l = self._nanp()
        style = style or self.ch(self.PHONE_STYLES)
        return {
            "paren": "(%s) %s-%s" % (a, e, l),
            "paren_nosp": "(%s)%s-%s" % (a, e, l),
            "dash": "%s-%s-%s" % (a, e, l),
            "dot": "%s.%s.%s" % (a, e, l),
            "plus_sp": "+1 %s %s %s" % (a, e, l),
            "plus_dash": "+1-%s-%s-%s" % (a, e, l),
            "plus_dot": "+1.%s.%s.%s" % (a, e, l),
            "e164": "+1%s%s%s" % (a, e, l),
            "bare": "%s%s%s" % (a, e, l),
            "one_dash": "1-%s-%s-%s" % (a, e, l),
            "sp": "%s %s %s" % (a, e, l),
        }[style]

    def phone(self, style=None):
        return self.p("PHONE", self.phone_str(style))

    def fax(self, style=None):
        return self.p("FAX", self.phone_str(style))

    def intl_phone(self, cc=None):
        cc = cc or self.ch(["44", "52", "63", "33", "48", "82", "509", "351", "55", "234", "91", "49"])
        d = self.digits
        v = {
            "44": lambda: "+44 %s %s %s" % (self.ch(["20", "161", "113", "7700", "7911"]), d(4), d(3)),
            "52": lambda: "+52 %s %s %s" % (self.ch(["55", "33", "81", "664"]), d(4), d(4)),
            "63": lambda: "+63 9%s %s %s" % (d(2), d(3), d(4)),
            "33": lambda: "+33 6 %s %s %s %s" % (d(2), d(2), d(2), d(2)),
            "48": lambda: "+48 %s %s %s" % ("6" + d(2), d(3), d(3)),
            "82": lambda: "+82 10-%s-%s" % (d(4), d(4)),
            "509": lambda: "+509 %s %s" % ("3" + d(3), d(4)),
            "351": lambda: "+351 9%s %s %s" % (d(2), d(3), d(3)),
            "55": lambda: "+55 %s 9%s-%s" % (self.ch(["11", "21", "31", "71"]), d(4), d(4)),
            "234": lambda: "+234 80%s %s %s" % (d(1), d(3), d(4)),
            "91": lambda: "+91 9%s %s" % (d(4), d(5)),
            "49": lambda: "+49 15%s %s" % (d(1), d(7)),
        }[cc]()
        return self.p("PHONE", v)

    def spoken_phone(self):
        a, e, l = self._nanp()

        def say(s):
            return " ".join("oh" if ch == "0" and self.r.random() < 0.6 else DIGIT_WORDS[int(ch)] for ch in s)
        return self.p("PHONE", "%s, %s, %s" % (say(a), say(e), say(l)))

    # -- ids -------------------------------------------------------------------
    def ssn(self, style=None):
        while True:
            a = self.ri(1, 899)
            if a != 666:
                break
        g, s = self.ri(1, 99), self.ri(1, 9999)
        style = style or self.ch(["dash", "dash", "space", "bare"])
        v = {"dash": "%03d-%02d-%04d", "space": "%03d %02d %04d", "bare": "%03d%02d%04d"}[style] % (a, g, s)
        return self.p("SSN", v)

    def mrn(self, style=None):
        style = style or self.ch(["d8", "e7", "cl", "a9", "dashed", "d7", "hx"])
        v = {
            "d8": lambda: self.digits(8),
            "d7": lambda: self.digits(7, True),
            "e7": lambda: "E" + self.digits(7),
            "cl": lambda: "CL-" + self.digits(7),
            "a9": lambda: "A" + self.digits(9),
            "dashed": lambda: "%s-%s-%s" % (self.digits(3), self.digits(3), self.digits(2)),
            "hx": lambda: "HX" + self.digits(6),
        }[style]()
        return self.p("MRN", v)

    def mbi(self, dashed=None):
        L = "ACDEFGHJKMNPQRTUVWXY"
        AN = L + "0123456789"
        c = self.ch
        v = (str(self.ri(1, 9)) + c(L) + c(AN) + str(self.ri(0, 9)) + c(L) + c(AN) +
             str(self.ri(0, 9)) + c(L) + c(L) + str(self.ri(0, 9)) + str(self.ri(0, 9)))
        if dashed if dashed is not None else self.r.random() < 0.5:
            v = v[:4] + "-" + v[4:7] + "-" + v[7:]
        return self.p("HEALTH_PLAN", v)

    def member(self):
        style = self.ch(["pfx", "w", "h", "zgp", "medicaid", "num"])
        v = {
            "pfx": lambda: self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ") + self.digits(9),
            "w": lambda: "W" + self.digits(9, True),
            "h": lambda: "H" + self.digits(11),
            "zgp": lambda: "ZGP" + self.digits(8),
            "medicaid": lambda: self.alnum(2, "ABCDEFGHJKLMNPRSTUVWXYZ") + self.digits(6) + self.alnum(1, "ABCDEFGHJKLMNPRSTUVWXYZ"),
            "num": lambda: self.digits(11, True) + "0" + self.digits(1),
        }[style]()
        return self.p("HEALTH_PLAN", v)

    def group(self):
        v = self.ch(["GRP-%s" % self.digits(5), self.digits(7, True), "G%s" % self.digits(6), "%s-%s" % (self.digits(6, True), self.digits(3))])
        return self.p("HEALTH_PLAN", v)

    def account(self):
        v = self.ch(["ACCT-%s-%s" % (self.digits(4), self.digits(4)), self.digits(10, True),
                     "PA%s" % self.digits(8), "%s-%s-%s" % (self.digits(3), self.digits(3), self.digits(3)),
                     "G" + self.digits(9)])
        return self.p("ACCOUNT", v)

    def npi(self):
        base = str(self.ri(1, 2)) + self.digits(8)
        v = base + luhn_digit("80840" + base)
        return self.p("LICENSE", v)

    def dea(self, person=None):
        s = asciify(person.s if person else self.ch(SURNAMES)).replace(" ", "")
        s = [ch for ch in s if ch.isalpha()][0].upper()
        n = [self.ri(0, 9) for _ in range(6)]
        chk = (n[0] + n[2] + n[4] + 2 * (n[1] + n[3] + n[5])) % 10
        return self.p("LICENSE", self.ch("ABFGM") + s + "".join(map(str, n)) + str(chk))

    def state_lic(self):
        v = self.ch(["PSY %s" % self.digits(5, True), "LCSW.%s" % self.digits(7), "LPC%s" % self.digits(5, True),
                     "MD-%s" % self.digits(7), "LMFT %s" % self.digits(6, True), "RN%s" % self.digits(6, True),
                     "C%s" % self.digits(5, True), "LMHC-%s" % self.digits(4, True), "PMHNP.%s" % self.digits(6)])
        return self.p("LICENSE", v)

    def dl(self):
        v = self.ch(["%s%s" % (self.alnum(1, "ABCDEFGHJKLMNPRSTVWXYZ"), self.digits(7)),
                     "%s-%s-%s" % (self.alnum(1, "ABCDEFGHJKLMNPRSTVWXYZ") + self.digits(3), self.digits(4), self.digits(4)),
                     self.digits(9, True), "WDL" + self.alnum(9)])
        return self.p("LICENSE", v)

    def vin(self):
        wmi = self.ch(["1HG", "JTD", "5YJ", "1FT", "3VW", "KMH", "WBA", "2T1", "1G1", "JN1", "4T1", "5NP"])
        v = list(wmi + self.alnum(5, VIN_CHARS) + "0" + self.ch("JKLMNPRS") + self.alnum(7, VIN_CHARS))
        v[8] = vin_check(v)
        return self.p("VEHICLE", "".join(v))

    def plate(self):
        v = self.ch(["%d%s%s" % (self.ri(1, 9), self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ"), self.digits(3)),
                     "%s-%s" % (self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ"), self.digits(4)),
                     "%s %s" % (self.digits(3), self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ")),
                     "%s%s" % (self.alnum(2, "ABCDEFGHJKLMNPRSTUVWXYZ"), self.digits(5))])
        return self.p("VEHICLE", v)

    def imei(self):
        body = self.ch(["35", "86", "01", "99", "49"]) + self.digits(12)
        return self.p("DEVICE", body + luhn_digit(body))

    def serial(self):
        v = self.ch(["C02%s" % self.alnum(9), "SN%s" % self.digits(10), "R5%s" % self.alnum(9),
                     "DMP%s" % self.alnum(8), "%s-%s-%s" % (self.alnum(4), self.alnum(4), self.alnum(4)),
                     "F4G%s" % self.alnum(8)])
        return self.p("DEVICE", v)

    def mac(self):
        v = ":".join("%02X" % self.ri(0, 255) for _ in range(6))
        return self.p("DEVICE", v)

    def pubip(self):
        return self.p("IP", "%d.%d.%d.%d" % (self.ch(PUBLIC_FIRST_OCTETS), self.ri(0, 255),
                                             self.ri(0, 255), self.ri(1, 254)))

    def ipv6(self):
        pre = self.ch(["2600:1700", "2601:1c0", "2a02:c7f", "2603:8000", "2806:10a6", "2001:4860"])
        v = pre + ":" + ":".join("%x" % self.ri(1, 0xffff) for _ in range(4)) + "::" + "%x" % self.ri(1, 0xffff)
        return self.p("IP", v)

    def rx(self):
        return self.p("OTHER_ID", self.ch(["%s" % self.digits(7, True), "RX-%s-%02d" % (self.digits(8), self.ri(0, 11)),
                                           "Rx%s" % self.digits(7, True)]))

    def other(self, what="any"):
        pools = {
            "case": lambda: self.ch(["%s-JV-%s" % (self.ri(19, 25), self.digits(6)),
                                     "CPS-%s-%s" % (self.ri(2019, 2025), self.digits(5)),
                                     "CR-%s-%s" % (self.ri(2019, 2025), self.digits(5))]),
            "emp": lambda: self.ch(["EMP-%s" % self.digits(5), "E%s" % self.digits(6), "%s-%s" % (self.alnum(2, "ABCDEFGHJKLMNPRSTUVWXYZ"), self.digits(5))]),
            "student": lambda: "S%s" % self.digits(8),
            "pmp": lambda: "PMP%s" % self.digits(9),
            "passport": lambda: "%s%s" % (self.alnum(1, "ACEGHJKLMNPRSTXZ"), self.digits(8)),
        }
        if what == "any":
            what = self.ch(sorted(pools))
        return self.p("OTHER_ID", pools[what]())

    def age(self):
        return self.p("AGE_OVER_89", str(self.ri(90, 104)))

    # -- keep look-alikes ----------------------------------------------------------
    def uuid(self):
        h = "%032x" % self.r.getrandbits(128)
        h = h[:12] + "4" + h[13:16] + self.ch("89ab") + h[17:]
        return self.k("uuid", "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:]))

    def rid(self):
        v = self.ch(["req_" + "%016x" % self.r.getrandbits(64),
                     "01" + self.alnum(24, "0123456789ABCDEFGHJKMNPQRSTVWXYZ"),
                     "%016x" % self.r.getrandbits(64) + "%016x" % self.r.getrandbits(64),
                     "Root=1-%08x-%024x" % (self.r.getrandbits(32), self.r.getrandbits(96))])
        return self.k("request_id", v)

    def sha(self, n=40):
        return self.k("hash", ("%0" + str(n) + "x") % self.r.getrandbits(4 * n))

    def icd(self):
        return self.k("icd", self.ch(ICD))

    def cpt(self):
        return self.k("cpt", self.ch(CPT))

    def ver(self):
        return self.k("version", self.ch(["%d.%d.%d" % (self.ri(1, 9), self.ri(0, 30), self.ri(0, 40)),
                                          "v%d.%d.%d" % (self.ri(1, 9), self.ri(0, 30), self.ri(0, 40)),
                                          "%d.%d.%d-rc.%d" % (self.ri(1, 5), self.ri(0, 20), self.ri(0, 9), self.ri(1, 4)),
                                          "2025.%d.%d" % (self.ri(1, 12), self.ri(0, 9))]))

    def port(self):
        return self.k("port", self.ch(["5432", "6379", "8443", "9092", "3306", "27017", "9200", "2575",
                                       "8080", "11211", "443", "4317", "5671", "104", "11112"]))

    def amt(self):
        return self.k("amount", self.ch(["$%d.%02d" % (self.ri(5, 999), self.ri(0, 99)),
                                         "$%d,%03d.%02d" % (self.ri(1, 9), self.ri(0, 999), self.ri(0, 99)),
                                         "USD %d.00" % self.ri(20, 400), "%d.%02d" % (self.ri(10, 500), self.ri(0, 99))]))

    def _ts_parts(self):
        y, mo, d = self.ri(2024, 2025), self.ri(1, 12), self.ri(1, 28)
        return y, mo, d, self.ri(0, 23), self.ri(0, 59), self.ri(0, 59), self.ri(0, 999)

    def ts(self, style="iso"):
        y, mo, d, h, mi, s, ms = self._ts_parts()
        v = {
            "iso": "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (y, mo, d, h, mi, s, ms),
            "isooff": "%04d-%02d-%02dT%02d:%02d:%02d-07:00" % (y, mo, d, h, mi, s),
            "log": "%04d-%02d-%02d %02d:%02d:%02d,%03d" % (y, mo, d, h, mi, s, ms),
            "isoz": "%04d-%02d-%02dT%02d:%02d:%02dZ" % (y, mo, d, h, mi, s),
            "nginx": "%04d/%02d/%02d %02d:%02d:%02d" % (y, mo, d, h, mi, s),
            "pg": "%04d-%02d-%02d %02d:%02d:%02d.%03d UTC" % (y, mo, d, h, mi, s, ms),
            "syslog": "%s %2d %02d:%02d:%02d" % (MON[mo - 1], d, h, mi, s),
            "clf": "%02d/%s/%04d:%02d:%02d:%02d +0000" % (d, MON[mo - 1], y, h, mi, s),
            "hl7": "%04d%02d%02d%02d%02d%02d" % (y, mo, d, h, mi, s),
            "epoch": str(1704067200000 + self.ri(0, 40000000000)),
            "win": "%04d-%02d-%02dT%02d:%02d:%02d.%03d%04dZ" % (y, mo, d, h, mi, s, ms, self.ri(0, 9999)),
            "apache": "%s %s %02d %02d:%02d:%02d.%06d %04d" % (self.ch(["Mon", "Tue", "Wed", "Thu", "Fri"]), MON[mo - 1], d, h, mi, s, ms * 1000, y),
            "mysql": "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ" % (y, mo, d, h, mi, s, ms * 1000),
            "elixir": "%02d:%02d:%02d.%03d" % (h, mi, s, ms),
            "slack": "%d:%02d %s" % (h % 12 or 12, mi, "PM" if h >= 12 else "AM"),
        }[style]
        return self.k("timestamp", v)

    def iip(self):
        return self.k("infra_ip", self.ch([
            "10.%d.%d.%d" % (self.ri(0, 255), self.ri(0, 255), self.ri(1, 254)),
            "172.%d.%d.%d" % (self.ri(16, 31), self.ri(0, 255), self.ri(1, 254)),
            "127.0.0.1"]))

    def yr(self):
        return self.k("year", str(self.ri(1998, 2025)))

    def payer(self):
        return self.k("payer", self.ch(PAYERS))

    def svc(self):
        return self.k("service", self.ch(SERVICES))

    def dur(self):
        return self.k("duration", self.ch(["%dms" % self.ri(3, 30000), "%.1fs" % (self.ri(1, 600) / 10),
                                           "%d ms" % self.ri(3, 9000), "PT%dS" % self.ri(5, 300)]))

    def cnt(self, unit=""):
        return self.k("count", str(self.ri(2, 5000)) + unit)

    def dbid(self):
        return self.k("db_id", str(self.ri(1000, 9999999)))

    def kw(self, kind, value):
        return self.k(kind, value)

    def practice(self):
        return self.ch(PRACTICE)


# ---------------------------------------------------------------------------
# Template registry
# ---------------------------------------------------------------------------
TEMPLATES = []


def tpl(style, name, clean=False):
    def deco(fn):
        TEMPLATES.append((style + ":" + name, clean, fn))
        return fn
    return deco


def sq(v):
    """Quote like a repr would: single quotes unless the value has one."""
    return ('"%s"' % v) if "'" in v else ("'%s'" % v)


def jd(obj, indent=None):
    return json.dumps(obj, ensure_ascii=False, indent=indent)



# ===========================================================================
# Templates. Each returns the record text; labels are registered on c.
# ===========================================================================

# ---- JVM: Java / Kotlin / Scala -------------------------------------------
@tpl("jvm", "hibernate-unique-mrn")
def _(c):
    mrn = c.mrn()
    return ("%s ERROR [%s] o.h.engine.jdbc.spi.SqlExceptionHelper : ERROR: duplicate key value violates unique "
            "constraint \"uk_patient_mrn\"\n  Detail: Key (mrn)=(%s) already exists.\n"
            "%s: could not execute statement; SQL [n/a]; constraint [uk_patient_mrn]\n"
            "\tat org.hibernate.exception.internal.SQLStateConversionDelegate.convert(SQLStateConversionDelegate.java:112)"
            % (c.ts("log"), c.svc(), mrn, c.kw("exception", "org.hibernate.exception.ConstraintViolationException")))


@tpl("jvm", "bean-validation-rejected")
def _(c):
    ph = c.phone(c.ch(["dot", "paren", "plus_sp"]))
    em = c.email()
    return ("%s: updateContact.request.phone: must match \"^\\+?[0-9]{10,11}$\" (rejected value [%s]), "
            "updateContact.request.email: must be a well-formed email address (rejected value [%s x])\n"
            "\tat org.springframework.validation.beanvalidation.MethodValidationInterceptor.invoke(MethodValidationInterceptor.java:%s)"
            % (c.kw("exception", "jakarta.validation.ConstraintViolationException"), ph, em, c.cnt()))


@tpl("jvm", "jackson-localdate")
def _(c):
    d = c.dob(c.ch(["us", "euslash", "eudot", "abbr", "us2"]))
    return ("%s: Cannot deserialize value of type `java.time.LocalDate` from String \"%s\": Failed to deserialize "
            "java.time.LocalDate: (java.time.format.DateTimeParseException) Text '%s' could not be parsed at index 0\n"
            " at [Source: (org.springframework.util.StreamUtils$NonClosingInputStream); line: 1, column: %s] "
            "(through reference chain: com.cedarline.intake.api.PatientIntakeRequest[\"dateOfBirth\"])"
            % (c.kw("exception", "com.fasterxml.jackson.databind.exc.InvalidFormatException"), d, d, c.cnt()))


@tpl("jvm", "kotlin-data-class-tostring")
def _(c):
    p = c.person()
    return ("%s: Eligibility check failed for PatientDto(id=%s, firstName=%s, lastName=%s, dob=%s, "
            "memberId=%s, payer=%s, phone=%s)\n\tat com.cedarline.elig.EligibilityClient.check(EligibilityClient.kt:%d)"
            % (c.kw("exception", "kotlin.IllegalStateException"), c.dbid(), c.N(p.g), c.N(p.s), c.dob("iso"),
               c.member(), c.payer(), c.phone("e164"), c.ri(40, 400)))


@tpl("jvm", "kotlin-require-failed")
def _(c):
    p = c.person()
    return ("Exception in thread \"DefaultDispatcher-worker-%d\" %s: Guardian contact required for minor: "
            "Guardian(name=%s, relationship=MOTHER, phone=%s, address=Address(line1=%s, city=%s, state=%s, zip=%s))"
            % (c.ri(1, 12), c.kw("exception", "java.lang.IllegalArgumentException"), c.N(p.full), c.phone("dash"),
               c.street(False), c.city(), c.state(), c.zipx()))


@tpl("jvm", "spring-data-integrity-ssn")
def _(c):
    s = c.ssn("dash")
    return ("%s: could not execute statement [Violation of UNIQUE KEY constraint 'UQ_Patient_Ssn'. Cannot insert "
            "duplicate key in object 'dbo.Patient'. The duplicate key value is (%s).]; SQL [insert into patient "
            "(created_at, ssn, id) values (?, ?, ?)]; constraint [UQ_Patient_Ssn]"
            % (c.kw("exception", "org.springframework.dao.DataIntegrityViolationException"), s))


@tpl("jvm", "scala-case-class")
def _(c):
    p = c.person()
    return ("[ERROR] [%s] [akka://claims/user/submitter] %s: payer rejected Claim(ClaimLine(%s,%s),"
            "Subscriber(%s,%s,%s),%s)" % (c.ts("log"), c.kw("exception", "scala.MatchError"), c.cpt(), c.amt(),
                                          c.N(p.full), c.member(), c.dob("iso"), c.payer()))


@tpl("jvm", "java-stacktrace-locals")
def _(c):
    p = c.person()
    return ("%s: Cannot invoke \"String.trim()\" because \"emergencyContact.phone\" is null\n"
            "\tat com.cedarline.portal.ContactService.normalize(ContactService.java:%d)\n"
            "\t... debugger locals: patientName=\"%s\", emergencyContact.name=\"%s\", mrn=\"%s\""
            % (c.kw("exception", "java.lang.NullPointerException"), c.ri(30, 300), c.N(p.lf), c.N(c.person().full), c.mrn()))


@tpl("jvm", "log4j-mdc")
def _(c):
    p = c.person()
    return ("%s WARN  [http-nio-%s-exec-%d] [patient=%s mrn=%s clientIp=%s] c.c.s.SchedulingController - "
            "slot no longer available for appointment on %s"
            % (c.ts("log"), c.port(), c.ri(1, 40), c.N(p.init), c.mrn(), c.pubip(), c.visit("iso")))


# ---- .NET -----------------------------------------------------------------
@tpl("dotnet", "argument-exception")
def _(c):
    em = c.email()
    return ("%s: '%s' is not a valid e-mail address for the patient portal invite. (Parameter 'email')\n"
            "   at CedarLine.Portal.Invites.InviteService.SendAsync(Guid practiceId, String email) in /src/Portal/Invites/InviteService.cs:line %d"
            % (c.kw("exception", "System.ArgumentException"), em, c.ri(20, 400)))


@tpl("dotnet", "format-exception-datetime")
def _(c):
    d = c.dob(c.ch(["eudot", "euslash", "dmyabbr", "upabbr"]))
    return ("%s: String '%s' was not recognized as a valid DateTime.\n   at System.DateTime.Parse(String s, IFormatProvider provider)\n"
            "   at CedarLine.Intake.Mapping.PatientMapper.MapBirthDate(IntakeForm form) in PatientMapper.cs:line %d\n"
            "   RequestId: %s" % (c.kw("exception", "System.FormatException"), d, c.ri(10, 300), c.rid()))


@tpl("dotnet", "efcore-duplicate")
def _(c):
    p = c.person()
    val = "%s, %s" % (c.N(p.full), c.dob("iso"))
    return ("%s: An error occurred while saving the entity changes. See the inner exception for details.\n"
            " ---> Microsoft.Data.SqlClient.SqlException (0x80131904): Cannot insert duplicate key row in object "
            "'dbo.Patients' with unique index 'IX_Patients_FullName_BirthDate'. The duplicate key value is (%s).\n"
            "The statement has been terminated." % (c.kw("exception", "Microsoft.EntityFrameworkCore.DbUpdateException"), val))


@tpl("dotnet", "keynotfound-dictionary")
def _(c):
    mrn = c.mrn()
    return ("%s: The given key '%s' was not present in the dictionary.\n   at System.Collections.Generic.Dictionary`2.get_Item(TKey key)\n"
            "   at CedarLine.Billing.StatementBuilder.Build(StatementRun run) in StatementBuilder.cs:line %d (run %s, %s statements)"
            % (c.kw("exception", "System.Collections.Generic.KeyNotFoundException"), mrn, c.ri(10, 300), c.uuid(), c.cnt()))


@tpl("dotnet", "serilog-structured")
def _(c):
    p = c.person()
    return ("[%s WRN] Fax delivery failed {\"Recipient\": \"%s\", \"FaxNumber\": \"%s\", \"Pages\": %d, "
            "\"Patient\": \"%s\", \"SourceContext\": \"CedarLine.FaxRelay.Worker\", \"ElapsedMs\": %s}"
            % (c.ts("elixir"), c.N(c.person().full), c.fax(), c.ri(1, 40), c.N(p.lf), c.ri(100, 9000)))


@tpl("dotnet", "invalidoperation-linq")
def _(c):
    mb = c.member()
    return ("%s: Sequence contains more than one matching element\n   at System.Linq.ThrowHelper.ThrowMoreThanOneMatchException()\n"
            "   at CedarLine.Eligibility.CoverageResolver.Resolve(String memberId = \"%s\", String payer = \"%s\") in CoverageResolver.cs:line %d"
            % (c.kw("exception", "System.InvalidOperationException"), mb, c.payer(), c.ri(10, 300)))


# ---- Ruby / Rails ---------------------------------------------------------
@tpl("ruby", "activerecord-inspect")
def _(c):
    p = c.person()
    return ("%s: Validation failed: Insurance member can't be blank\n#<Patient id: %s, first_name: \"%s\", "
            "last_name: \"%s\", date_of_birth: \"%s\", phone: \"%s\", created_at: \"%s\">"
            % (c.kw("exception", "ActiveRecord::RecordInvalid"), c.dbid(), c.N(p.g), c.N(p.s), c.dob("iso"),
               c.phone("dash"), c.ts("log")))


@tpl("ruby", "pg-unique-violation")
def _(c):
    em = c.email()
    return ("%s: PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint \"index_portal_users_on_email\"\n"
            "DETAIL:  Key (email)=(%s) already exists.\n: INSERT INTO \"portal_users\" (\"email\", \"created_at\") VALUES ($1, $2) RETURNING \"id\""
            % (c.kw("exception", "ActiveRecord::RecordNotUnique"), em))


@tpl("ruby", "sidekiq-args")
def _(c):
    p = c.person()
    return ("%s WARN: {\"class\":\"AppointmentReminderJob\",\"args\":[%s,\"%s\",\"Hi %s, this is a reminder of your visit on %s. Reply C to confirm.\"],"
            "\"retry_count\":%d,\"error_class\":\"%s\",\"error_message\":\"Unable to create record\"}"
            % (c.ts("iso"), c.dbid(), c.phone("e164"), c.N(p.g), c.appt_md(), c.ri(1, 9),
               c.kw("exception", "Twilio::REST::RestError")))


@tpl("ruby", "nomethod-error-nil")
def _(c):
    p = c.person()
    return ("%s: undefined method `strip' for nil:NilClass\n  app/services/referral_importer.rb:%d:in `block in call'\n"
            "  row: {\"referring_provider\"=>\"%s\", \"npi\"=>\"%s\", \"patient\"=>\"%s\", \"dob\"=>\"%s\", \"fax\"=>nil}"
            % (c.kw("exception", "NoMethodError"), c.ri(10, 200), c.N("Dr. " + c.person().full), c.npi(), c.N(p.full), c.dob("us")))


@tpl("ruby", "rails-params-log")
def _(c):
    p = c.person()
    return ("Started PATCH \"/patients/%s/demographics\" for %s at %s\nProcessing by DemographicsController#update as HTML\n"
            "  Parameters: {\"authenticity_token\"=>\"[FILTERED]\", \"patient\"=>{\"preferred_name\"=>\"%s\", \"street\"=>\"%s\", "
            "\"city\"=>\"%s\", \"zip\"=>\"%s\"}}\nCompleted 422 Unprocessable Entity in %s"
            % (c.dbid(), c.pubip(), c.ts("log"), c.N(p.g), c.street(), c.city(), c.zip5(), c.dur()))


# ---- PHP / Laravel ----------------------------------------------------------
@tpl("php", "laravel-query-exception")
def _(c):
    p = c.person()
    em = c.email(p)
    nm = c.N(p.full)
    return ("[%s] production.ERROR: SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '%s' for key "
            "'users_email_unique' (SQL: insert into `users` (`name`, `email`, `updated_at`) values (%s, %s, %s)) "
            "{\"exception\":\"[object] (%s(code: 23000)\"}"
            % (c.ts("log"), em, nm, em, c.ts("log"), c.kw("exception", "Illuminate\\Database\\QueryException")))


@tpl("php", "undefined-index-notice")
def _(c):
    p = c.person()
    return ("PHP Notice:  Undefined index: guardian_phone in /var/www/html/intake/submit.php on line %d\n"
            "PHP Stack trace: ... $_POST = array ( 'child_name' => %s, 'child_dob' => '%s', 'guardian_name' => %s, 'school' => 'Lincoln-Hale Middle' )"
            % (c.ri(20, 500), sq(c.N(p.full)), c.dob("us", 2008, 2019), sq(c.N(c.person().full))))


@tpl("php", "var-dump")
def _(c):
    p = c.person()
    nm = c.N(p.full)
    ph = c.phone("paren")
    ss = c.ssn("dash")
    return ("array(3) {\n  [\"name\"]=>\n  string(%d) \"%s\"\n  [\"phone\"]=>\n  string(%d) \"%s\"\n  [\"ssn\"]=>\n  string(11) \"%s\"\n}\n"
            "PHP Warning:  Undefined array key \"insurance\" in /srv/billing/StatementController.php on line %d"
            % (len(nm.encode()), nm, len(ph), ph, ss, c.ri(10, 400)))


@tpl("php", "monolog-context")
def _(c):
    p = c.person()
    return ("[%s] billing.WARNING: Card declined for guarantor {\"guarantor\":\"%s\",\"account\":\"%s\",\"amount\":\"%s\","
            "\"billing_zip\":\"%s\",\"gateway\":\"authorize.net\"} []"
            % (c.ts("log"), c.N(p.lf), c.account(), c.amt(), c.zip5()))


@tpl("php", "fatal-type-error")
def _(c):
    return ("PHP Fatal error:  Uncaught %s: App\\Rx\\Prescription::__construct(): Argument #3 ($deaNumber) must be of type "
            "string, null given, called with ('%s', '%s', NULL) in /var/www/app/Rx/Prescription.php:%d"
            % (c.kw("exception", "TypeError"), c.N(c.person().full), c.rx(), c.ri(10, 200)))


# ---- Node.js --------------------------------------------------------------
@tpl("node", "mongoose-validation")
def _(c):
    ph = c.phone(c.ch(["dash", "dot", "paren"]))
    return ("%s: Patient validation failed: emergencyPhone: Path `emergencyPhone` (`%s x`) is invalid., "
            "insurance.groupNumber: Path `insurance.groupNumber` is required.\n    at model.Document.invalidate "
            "(/srv/app/node_modules/mongoose/lib/document.js:%d:32)"
            % (c.kw("exception", "ValidationError"), ph, c.ri(2000, 3400)))


@tpl("node", "util-inspect-object")
def _(c):
    p = c.person()
    return ("%s: Cannot read properties of undefined (reading 'zip')\n    at formatAddress (/srv/portal/lib/address.js:%d:18)\n"
            "  address: { name: %s, line1: %s, city: %s, state: '%s', zip: undefined }"
            % (c.kw("exception", "TypeError"), c.ri(10, 90), sq(c.N(p.full)), sq(c.street()), sq(c.city()), c.state()))


@tpl("node", "prisma-unique")
def _(c):
    mb = c.member()
    return ("%s: \nInvalid `prisma.coverage.create()` invocation in\n/srv/elig/src/coverage.ts:%d:31\n\n"
            "Unique constraint failed on the fields: (`payerId`,`memberId`)\n  data: { payerId: %s, memberId: \"%s\", relationship: \"SELF\" }"
            % (c.kw("exception", "PrismaClientKnownRequestError"), c.ri(10, 200), c.dbid(), mb))


@tpl("node", "axios-error-config")
def _(c):
    em = c.email()
    u = c.p("URL", "https://api.cedarlinebh.com/v2/portal/users?email=" + em)
    return ("%s: Request failed with status code 409\n  config: { method: 'get', url: '%s', timeout: %s }\n  code: 'ERR_BAD_REQUEST'"
            % (c.kw("exception", "AxiosError"), u, c.ri(1000, 30000)))


@tpl("node", "pino-json")
def _(c):
    p = c.person()
    return jd({"level": 50, "time": int(c.ts("epoch")), "pid": c.ri(10, 9999), "hostname": "sms-" + c.sha(8),
               "msg": "outbound SMS rejected by carrier", "to": c.phone("e164"), "patientName": c.N(p.full),
               "errorCode": 30007, "service": c.svc()})


@tpl("node", "joi-validation")
def _(c):
    d = c.dob("usdash")
    return ("%s: \"dateOfBirth\" must be in ISO 8601 date format. Received \"%s\"\n  _original: { dateOfBirth: '%s', zip: '%s', consent: true }"
            % (c.kw("exception", "ValidationError"), d, d, c.zip5()))


# ---- Rust -----------------------------------------------------------------
@tpl("rust", "debug-struct-panic")
def _(c):
    p = c.person()
    return ("thread 'tokio-runtime-worker' panicked at src/intake/normalize.rs:%d:%d:\ncalled `Result::unwrap()` on an `Err` value: "
            "InvalidPhone { raw: \"%s\", patient: Patient { id: %s, name: \"%s\", mrn: Mrn(\"%s\"), .. } }\n"
            "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace"
            % (c.ri(10, 400), c.ri(5, 60), c.phone(c.ch(["sp", "dot", "bare"])), c.dbid(), c.N(p.full), c.mrn()))


@tpl("rust", "serde-error")
def _(c):
    return ("Error: failed to parse coverage row %s: invalid value: string \"%s\", expected a subscriber id of 9-12 alphanumerics "
            "at line 1 column %d (subscriber: \"%s\")" % (c.cnt(), c.member() + "/" + c.kw("payer", "Optum"), c.ri(20, 200),
                                                          c.N(c.person().lf)))


@tpl("rust", "tracing-span")
def _(c):
    return ("%s ERROR fax_relay::send{fax_to=%s patient_dob=%s pages=%d}: fax_relay::provider: provider returned 422: "
            "\"invalid destination\" elapsed=%s" % (c.ts("iso"), c.fax("e164"), c.dob("iso"), c.ri(1, 50), c.dur()))


@tpl("rust", "anyhow-chain")
def _(c):
    p = c.person()
    return ("Error: failed to reconcile device enrolment\n\nCaused by:\n    0: device imei=%s owner=\"%s\" not found in MDM\n"
            "    1: HTTP status client error (404 Not Found) for url (https://mdm.internal:%s/devices/%s)"
            % (c.imei(), c.N(p.full), c.port(), c.uuid()))


# ---- Elixir / Ecto --------------------------------------------------------
@tpl("elixir", "ecto-invalid-changeset")
def _(c):
    p = c.person()
    return ("** (Ecto.InvalidChangesetError) could not perform insert because changeset is invalid.\n\nErrors\n\n"
            "    %%{email: [{\"has already been taken\", [constraint: :unique, constraint_name: \"patients_email_index\"]}]}\n\n"
            "Applied changes\n\n    %%{first_name: \"%s\", last_name: \"%s\", email: \"%s\", birth_date: ~D[%s]}\n"
            % (c.N(p.g), c.N(p.s), c.email(p), c.dob("iso")))


@tpl("elixir", "function-clause")
def _(c):
    return ("%s [error] GenServer CedarLine.Sms.Outbox terminating\n** (FunctionClauseError) no function clause matching in "
            "CedarLine.Phone.normalize/1\n\n    The following arguments were given to CedarLine.Phone.normalize/1:\n\n        # 1\n        \"%s\"\n"
            % (c.ts("elixir"), c.phone(c.ch(["paren", "plus_dot", "one_dash"]))))


@tpl("elixir", "oban-job-args")
def _(c):
    p = c.person()
    return ("[error] Oban job %s failed with %s: worker=CedarLine.Workers.StatementMailer attempt=%d/20 "
            "args=%%{\"guarantor\" => \"%s\", \"account_no\" => \"%s\", \"address\" => \"%s\", \"zip\" => \"%s\"}"
            % (c.dbid(), c.kw("exception", "Bamboo.ApiError"), c.ri(1, 19), c.N(p.full), c.account(), c.street(), c.zipx()))


@tpl("elixir", "logger-metadata")
def _(c):
    return ("%s request_id=%s remote_ip=%s user=%s [info] Sent 403 in %s" %
            (c.ts("elixir"), c.rid(), c.pubip(), c.username(c.person()), c.dur()))


# ---- Go -------------------------------------------------------------------
@tpl("go", "struct-plusv")
def _(c):
    p = c.person()
    return ("%s level=error msg=\"coverage mismatch\" got=\"{ID:%s Name:%s DOB:%s Member:%s Payer:%s}\" caller=eligibility/sync.go:%d"
            % (c.ts("iso"), c.dbid(), c.N(p.full), c.dob("iso"), c.member(), c.payer(), c.ri(20, 300)))


@tpl("go", "sql-no-rows")
def _(c):
    return ("patient lookup failed: sql: no rows in result set (mrn=%q, dob=%q)\ngoroutine %d [running]:\n"
            "main.(*Handler).Lookup(0xc000%s, {0xc0001a2%s, 0x12})" .replace("%q", "\"%s\"")
            % (c.mrn(), c.dob("iso"), c.ri(10, 900), c.digits(3), c.digits(3)))


@tpl("go", "grpc-status")
def _(c):
    d = c.dob(c.ch(["euslash", "us", "us2"]))
    return ("rpc error: code = InvalidArgument desc = patient.birth_date %q is ambiguous for locale en_US; details = "
            "[type.googleapis.com/google.rpc.BadRequest field_violations:{field:\"patient.birth_date\" description:\"%s\"}]"
            .replace("%q", "\"%s\"") % (d, d))


# ---- Swift / iOS crash --------------------------------------------------------
@tpl("mobile", "swift-fatal")
def _(c):
    p = c.person()
    return ("Fatal error: Unexpectedly found nil while unwrapping an Optional value: file CedarPortal/AppointmentCard.swift, line %d\n"
            "Patient(displayName: \"%s\", nextVisit: %s, pharmacyPhone: Optional(\"%s\"))\nDevice: iPhone15,3 iOS %s IDFV %s"
            % (c.ri(20, 300), c.N(p.full), c.visit("iso"), c.phone("paren"), c.k("version", "%d.%d" % (c.ri(16, 18), c.ri(0, 6))), c.uuid()))


@tpl("mobile", "android-logcat")
def _(c):
    return ("%s E/ReminderSync(%d): upload failed for device imei=%s owner=%s serial=%s\n"
            "    at com.cedarline.app.sync.ReminderSync.push(ReminderSync.kt:%d)"
            % (c.ts("log"), c.ri(1000, 30000), c.imei(), c.N(c.person().init), c.serial(), c.ri(10, 200)))


# ---- Non-JSON structured logs ----------------------------------------------
@tpl("syslog", "rfc5424-sd")
def _(c):
    p = c.person()
    return ("<%d>1 %s app-%02d %s %d ID%d [meta patient=\"%s\" dob=\"%s\"][origin ip=\"%s\"] reminder dispatch failed: "
            "carrier unreachable" % (c.ri(128, 191), c.ts("iso"), c.ri(1, 20), c.svc(), c.ri(100, 30000), c.ri(1, 99),
                                     c.N(p.full), c.dob("us"), c.iip()))


@tpl("syslog", "rfc3164-sudo")
def _(c):
    p = c.person()
    return ("%s ehr-batch-02 %s[%d]: export finished for chart %s (%s), wrote /exports/%s/records.pdf, %s pages"
            % (c.ts("syslog"), c.svc(), c.ri(100, 30000), c.mrn(), c.N(p.lf), c.uuid(), c.cnt()))


@tpl("syslog", "logfmt")
def _(c):
    p = c.person()
    return ('ts=%s level=warn caller=outreach.go:%d msg="sms undeliverable" to=%s patient_name="%s" carrier_code=30003 attempt=%d'
            % (c.ts("iso"), c.ri(10, 300), c.phone("e164"), c.N(p.full), c.ri(1, 5)))


@tpl("secure", "cef-login")
def _(c):
    p = c.person()
    return ("CEF:0|CedarLine|PortalGateway|%s|401|Portal login failure|5|rt=%s src=%s spt=%d suser=%s "
            "cs1Label=displayName cs1=%s dst=%s dpt=%s outcome=failure reason=bad_password"
            % (c.ver(), c.ts("epoch"), c.pubip(), c.ri(1025, 65000), c.username(p), c.N(p.full), c.iip(), c.port()))


@tpl("secure", "leef-download")
def _(c):
    p = c.person()
    return ("LEEF:2.0|CedarLine|RecordsPortal|%s|DocDownload|^|devTime=%s^src=%s^usrName=%s^patient=%s^resource=%s^bytes=%s"
            % (c.ver(), c.ts("iso"), c.pubip(), c.staff_email(c.person()), c.N(p.lf), c.uuid(), c.cnt()))


@tpl("secure", "windows-event-xml")
def _(c):
    p = c.person()
    return ("<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider Name=\"CedarLine.ScanAgent\"/>"
            "<EventID>%d</EventID><TimeCreated SystemTime=\"%s\"/><Computer>FRONTDESK-%02d</Computer></System><EventData>"
            "<Data Name=\"Message\">Scan upload failed: insurance card for %s (DOB %s) member %s</Data>"
            "<Data Name=\"IpAddress\">%s</Data></EventData></Event>"
            % (c.ri(1000, 9999), c.ts("win"), c.ri(1, 30), c.N(p.full), c.dob("us"), c.member(), c.iip()))


@tpl("secure", "windows-event-4625")
def _(c):
    p = c.person()
    return ("An account failed to log on. EventID 4625 %s\nAccount For Which Logon Failed:\n\tAccount Name:\t\t%s\n"
            "\tAccount Domain:\t\tCEDARLINE\nNetwork Information:\n\tWorkstation Name:\t-\n\tSource Network Address:\t%s\n\tSource Port:\t\t%d"
            % (c.ts("win"), c.N(asciify(p.g[0] + p.s).lower().replace(" ", "").replace("'", "").replace(".", "")), c.pubip(), c.ri(1025, 65000)))


@tpl("access", "nginx-combined-query")
def _(c):
    p = c.person()
    d = c.dob("iso")
    last = c.N(asciify(p.s).replace(" ", "+").replace("'", "%27"))
    path = c.p("URL", "/portal/intake/lookup?dob=%s&last=%s" % (d, last))
    return ('%s - - [%s] "GET %s HTTP/1.1" 404 %s "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)" rt=%s'
            % (c.pubip(), c.ts("clf"), path, c.cnt(), c.dur()))


@tpl("access", "apache-error")
def _(c):
    em = c.email()
    return ("[%s] [php:error] [pid %d] [client %s:%d] PHP Fatal error:  Uncaught Exception: mailbox full for %s in "
            "/var/www/portal/notify.php:%d, referer: https://portal.cedarlinebh.com/account"
            % (c.ts("apache"), c.ri(100, 30000), c.pubip(), c.ri(1025, 65000), em, c.ri(10, 200)))


@tpl("access", "alb-log")
def _(c):
    mrn = c.mrn()
    url = c.p("URL", "https://portal.cedarlinebh.com:443/api/charts/%s/summary" % mrn)
    ip = c.pubip()
    return ('https %s app/portal-alb/%s %s:%d %s:%s 0.001 %s 0.000 502 - 512 0 "GET %s HTTP/1.1" "okhttp/4.12.0" '
            'ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-west-2:%s:targetgroup/portal/%s "%s"'
            % (c.ts("mysql"), c.sha(16), ip, c.ri(1025, 65000), c.iip(), c.port(), c.dur(), url,
               c.kw("aws_account", c.digits(12, True)), c.sha(16), c.rid()))


@tpl("access", "haproxy")
def _(c):
    ip = c.ipv6() if c.r.random() < 0.4 else c.pubip()
    em = c.email()
    url = c.p("URL", "/reset-password?user=" + em)
    return ("haproxy[%d]: %s:%d [%s] fe_portal~ be_portal/web%d 0/0/1/%d/%d 500 %s - - ---- %d/%d/0/0/0 0/0 \"POST %s HTTP/1.1\""
            % (c.ri(100, 9000), ip, c.ri(1025, 65000), c.ts("clf"), c.ri(1, 6), c.ri(5, 900), c.ri(5, 900), c.cnt(),
               c.ri(1, 90), c.ri(1, 90), url))


@tpl("cloud", "cloudtrail-s3")
def _(c):
    p = c.person()
    d = c.dob("hl7")
    s1, g1 = c.N(asciify(p.s).replace(" ", "").replace("'", "")), c.N(asciify(p.g).replace("-", ""))
    key = "intake/%s/%s_%s_%s_insurance_card.jpg" % (c.ri(2019, 2025), s1, g1, d)
    key = c.p("URL", key)
    return jd({"eventTime": c.ts("isoz"), "eventSource": "s3.amazonaws.com", "eventName": "GetObject",
               "sourceIPAddress": c.pubip(), "errorCode": "AccessDenied",
               "requestParameters": {"bucketName": "cedarline-intake-prod", "key": key},
               "requestID": c.kw("request_id", c.alnum(16)), "recipientAccountId": c.kw("aws_account", c.digits(12, True))})


@tpl("cloud", "cloudwatch-lambda")
def _(c):
    p = c.person()
    return ("START RequestId: %s Version: $LATEST\n%s\t%s\tERROR\tInvoke Error \t{\"errorType\":\"SubscriberMismatch\",\"errorMessage\":"
            "\"Subscriber %s (DOB %s) does not match member %s on file with %s\"}\nEND RequestId: %s\nREPORT Duration: %s"
            % (c.uuid(), c.ts("iso"), c.rid(), c.N(p.lfm), c.dob("us1"), c.member(), c.payer(), c.uuid(), c.dur()))


@tpl("cloud", "gcp-log-entry")
def _(c):
    p = c.person()
    return jd({"severity": "ERROR", "textPayload": "Twilio callback: voicemail from %s for Dr. %s transcribed" % (c.phone("e164"), c.N(p.s)),
               "resource": {"type": "cloud_run_revision", "labels": {"service_name": c.svc(), "revision_name": c.svc() + "-00042-kex"}},
               "timestamp": c.ts("iso"), "trace": "projects/cedarline-prod/traces/" + c.sha(32)})


@tpl("db", "postgres-detail-statement")
def _(c):
    p = c.person()
    g, s = c.N(p.sql(p.g)), c.N(p.sql(p.s))
    em = c.email(p)
    t, pid = c.ts("pg"), c.ri(1000, 90000)
    return ("%s [%d] ERROR:  duplicate key value violates unique constraint \"patients_email_key\"\n%s [%d] DETAIL:  Key (email)=(%s) already exists.\n"
            "%s [%d] STATEMENT:  INSERT INTO patients (first_name, last_name, email, dob) VALUES ('%s', '%s', '%s', '%s')"
            % (t, pid, t, pid, em, t, pid, g, s, em, c.dob("iso")))


@tpl("db", "postgres-check-violation")
def _(c):
    z = c.zipx()
    return ("ERROR:  new row for relation \"addresses\" violates check constraint \"addresses_state_check\"\n"
            "DETAIL:  Failing row contains (%s, %s, %s, %s, XX, %s, t, %s).\nCONTEXT:  COPY addresses, line %s"
            % (c.dbid(), c.street(), c.ch(["NULL", "Apt 2", "rear unit"]), c.city(), z, c.ts("pg"), c.cnt()))


@tpl("db", "postgres-slow-query")
def _(c):
    return ("LOG:  duration: %s ms  statement: SELECT * FROM patients WHERE lower(last_name) = '%s' AND dob = '%s' AND ssn_last4 IS NOT NULL"
            % (c.kw("duration", "%d.%03d" % (c.ri(1000, 9000), c.ri(0, 999))), c.N(c.person().s.lower().replace("'", "''")), c.dob("iso")))


@tpl("db", "mysql-duplicate")
def _(c):
    s = c.ssn(c.ch(["dash", "bare"]))
    return ("%s %d [ERROR] [MY-013183] [InnoDB] ... ERROR 1062 (23000) at line %d: Duplicate entry '%s' for key 'patients.uniq_ssn'"
            % (c.ts("mysql"), c.ri(1, 90), c.ri(1, 9000), s))


@tpl("db", "mysql-data-too-long")
def _(c):
    p = c.person()
    return ("ERROR 1406 (22001): Data too long for column 'emergency_contact' at row %s -- value was '%s (sister) %s / %s'"
            % (c.cnt(), c.N(p.full), c.phone("dash"), c.intl_phone()))


@tpl("db", "mongo-dup-key")
def _(c):
    p = c.person()
    return ("MongoServerError: E11000 duplicate key error collection: intake.patients index: name_dob_1 dup key: "
            "{ name.last: \"%s\", name.first: \"%s\", dob: \"%s\" }" % (c.N(p.s), c.N(p.g), c.dob("iso")))


@tpl("db", "mongo-slow-op")
def _(c):
    em = c.email()
    return jd({"t": {"$date": c.ts("iso")}, "s": "I", "c": "COMMAND", "id": 51803, "ctx": "conn%d" % c.ri(1, 9000),
               "msg": "Slow query", "attr": {"ns": "portal.users", "command": {"find": "users", "filter": {"email": em}},
                                            "planSummary": "COLLSCAN", "durationMillis": c.ri(200, 9000)}})


@tpl("db", "elasticsearch-mapper")
def _(c):
    d = c.dob(c.ch(["eudot", "us", "dmyabbr", "long"]))
    return jd({"error": {"root_cause": [{"type": "document_parsing_exception", "reason":
               "[1:%d] failed to parse field [patient.birthDate] of type [date] in document with id '%s'. Preview of field's value: '%s'"
               % (c.ri(20, 300), c.uuid(), d)}], "type": "document_parsing_exception"}, "status": 400})


@tpl("db", "redis-wrongtype")
def _(c):
    u = c.username(c.person())
    return ("%s: WRONGTYPE Operation against a key holding the wrong kind of value (key=session:portal:%s, cmd=HGETALL) host=%s:%s"
            % (c.kw("exception", "ReplyError"), u, c.iip(), c.port()))


@tpl("db", "sqlserver-deadlock-params")
def _(c):
    p = c.person()
    return ("Transaction (Process ID %d) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. "
            "Rerun the transaction. @p0='%s', @p1='%s', @p2='%s'" % (c.ri(50, 400), c.N(p.sql(p.lf)), c.mrn(), c.account()))


# ---- HL7 v2 ---------------------------------------------------------------
def msh(c, typ):
    return "MSH|^~\\&|CEDAR_EHR|CEDARLINE|%s|%s|%s||%s|%s|P|2.5.1" % (
        c.ch(["LABCORP", "QUEST", "SUREPATH", "PDMP_HUB", "CLEARINGHOUSE"]), c.ch(["LAB", "HUB", "RCV"]),
        c.ts("hl7"), typ, c.kw("control_id", "MSG" + c.digits(8)))


@tpl("hl7", "adt-pid-pv1")
def _(c):
    p = c.person()
    seg = c.ch(["\r", "\n"])
    return ("HL7 parse error (AE: Required field missing PV1-3)%s" % seg + seg.join([
        msh(c, "ADT^A04"),
        "PID|1||%s^^^CEDAR^MR||%s||%s|%s|||%s^^%s^%s^%s^USA||%s|||||%s|%s" % (
            c.mrn(), c.N(p.hl7), c.dob("hl7"), c.ch("FMU"), c.street(False, True), c.city(True), c.state(), c.zip5(),
            c.phone("paren_nosp"), c.account(), c.ssn("bare")),
        "PV1|1|O|^^^CEDAR||||%s^%s^%s" % (c.npi(), *[c.N(x) for x in (lambda q: (q.s.upper(), q.g.upper()))(c.person())]),
    ]))


@tpl("hl7", "nk1-next-of-kin")
def _(c):
    p, k = c.person(), c.person()
    return ("Rejected ADT^A08 (%s): NK1-4 address exceeds 106 chars\nPID|1||%s^^^CEDAR^MR||%s||%s\n"
            "NK1|1|%s|%s|%s^^%s^%s^%s|%s|^WPN^PH^^1^%s" % (
                c.rid(), c.mrn(), c.N(p.hl7), c.dob("hl7"), c.N(k.hl7), c.ch(["MTH^Mother^HL70063", "SPO^Spouse^HL70063", "SIB^Sibling^HL70063", "FTH^Father^HL70063"]), c.street(False, True), c.city(True), c.state(),
                c.zipx(), c.phone("paren_nosp"), c.p("PHONE", "%s^%s" % (c.ch(AREA_CODES), str(c.ri(2, 9)) + c.digits(6)))))


@tpl("hl7", "in1-insurance")
def _(c):
    p = c.person()
    return ("IN1 segment validation failed (IN1-36 policy number missing):\nIN1|1|%s|%s|%s||||%s||||||||%s|SEL|%s||||||||||||||||||||%s" % (
        c.kw("payer_id", c.digits(5, True)), c.dbid(), c.payer(), c.group(), c.N(p.hl7), c.dob("hl7"), c.member()))


@tpl("hl7", "gt1-guarantor")
def _(c):
    p = c.person()
    return ("ORU backlog: %s messages. First failing GT1: GT1|1|%s|%s||%s^^%s^%s^%s|%s|%s||%s|M||%s" % (
        c.cnt(), c.account(), c.N(p.hl7), c.street(True, True), c.city(True), c.state(), c.zip9(),
        c.phone("dash"), c.phone("dash"), c.dob("hl7"), c.ssn("dash")))


@tpl("hl7", "obx-free-text")
def _(c):
    p = c.person()
    k = c.person()
    return ("OBX|3|TX|%s^Clinical note^LN||Pt %s seen with mother %s. Mother reports pt was at %s ED on %s. "
            "Call back at %s.||||||F|||%s" % (
                c.kw("loinc", "%d-%d" % (c.ri(10000, 99999), c.ri(0, 9))), c.N(p.full), c.N(k.full),
                c.ch(["Mercy Vale Hospital", "St. Brigid Medical Center", "Holy Rood General"]), c.visit("us"),
                c.phone("dash"), c.ts("hl7")))


@tpl("hl7", "orm-order-ack")
def _(c):
    return ("ACK received AE for ORM^O01: ERR|^^^207&Application internal error&HL70357||%s|E|||Patient %s DOB %s not found at lab; "
            "ordering provider NPI %s" % (c.kw("control_id", c.digits(10, True)), c.N(c.person().hl7), c.dob("hl7"), c.npi()))


@tpl("hl7", "pid-age-over-89")
def _(c):
    p = c.person()
    a = c.age()
    return ("MLLP listener warn: PID-7 blank, age supplied in OBX instead\nPID|1||%s^^^CEDAR^MR||%s\nOBX|1|NM|30525-0^Age^LN||%s|a^year^UCUM|||||F"
            % (c.mrn(), c.N(p.hl7), a))


# ---- FHIR -----------------------------------------------------------------
@tpl("fhir", "patient-json")
def _(c):
    p = c.person()
    mrn = c.mrn()
    body = {"resourceType": "Patient", "id": c.uuid(),
            "identifier": [{"system": "urn:oid:2.16.840.1.113883.3.%d" % c.ri(1000, 9999), "value": mrn}],
            "name": [{"family": c.N(p.s), "given": [c.N(p.g)]}], "birthDate": c.dob("iso"),
            "telecom": [{"system": "phone", "value": c.phone("dash"), "use": "mobile"}],
            "address": [{"line": [c.street()], "city": c.city(), "postalCode": c.zip5()}]}
    return "%s: HAPI-0450: Failed to create resource, profile us-core-patient: %s" % (
        c.kw("exception", "UnprocessableEntityException"), jd(body))


@tpl("fhir", "coverage-xml")
def _(c):
    return ("<Coverage xmlns=\"http://hl7.org/fhir\"><status value=\"active\"/><subscriberId value=\"%s\"/>"
            "<beneficiary><display value=\"%s\"/></beneficiary><class><type><coding><code value=\"group\"/></coding></type>"
            "<value value=\"%s\"/></class><payor><display value=\"%s\"/></payor></Coverage>\n<!-- rejected: OperationOutcome "
            "issue code=invalid severity=error diagnostics=\"period.start after period.end\" -->" % (
                c.member(), c.N(c.person().full), c.group(), c.payer()))


@tpl("fhir", "relatedperson")
def _(c):
    rp = c.person()
    return "%s %s" % (c.kw("exception", "ca.uhn.fhir.parser.DataFormatException") + ":", jd({
        "resourceType": "RelatedPerson", "patient": {"reference": "Patient/" + c.uuid()},
        "relationship": [{"coding": [{"code": "GUARD"}]}],
        "name": [{"text": c.N(rp.full)}], "telecom": [{"system": "email", "value": c.email(rp)},
                                                      {"system": "phone", "value": c.phone("plus_dash")}],
        "birthDate": "unknown"}))


@tpl("fhir", "practitioner-npi")
def _(c):
    pr = c.person()
    return "Practitioner import skipped (duplicate): " + jd({
        "resourceType": "Practitioner", "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": c.npi()}],
        "name": [{"family": c.N(pr.s), "given": [c.N(pr.g)], "suffix": ["PsyD"]}],
        "qualification": [{"identifier": [{"value": c.state_lic()}]}],
        "telecom": [{"system": "fax", "value": c.fax("dash")}]})


@tpl("fhir", "search-url")
def _(c):
    p = c.person()
    d = c.dob("iso")
    fam = c.N(asciify(p.s).replace(" ", "%20").replace("'", "%27"))
    u = c.p("URL", "https://fhir.cedarlinebh.com/r4/Patient?family=%s&birthdate=%s" % (fam, d))
    return "GET %s -> 500 Internal Server Error (HAPI-0389) in %s" % (u, c.dur())


@tpl("fhir", "bundle-entry-fullurl")
def _(c):
    mrn = c.mrn("d8")
    u = c.p("URL", "urn:cedarline:patient:" + mrn)
    return ("Bundle transaction failed at entry[%d]: fullUrl=%s, request.method=PUT, response.status=412 Precondition Failed, "
            "outcome=\"version conflict\" etag=W/\"%s\"" % (c.ri(0, 40), u, c.cnt()))


# ---- C-CDA ----------------------------------------------------------------
@tpl("cda", "record-target")
def _(c):
    p = c.person()
    return ("Schematron error CONF:1198-5268 at /ClinicalDocument/recordTarget: <patientRole><id extension=\"%s\" root=\"2.16.840.1.113883.19.5\"/>"
            "<addr use=\"HP\"><streetAddressLine>%s</streetAddressLine><city>%s</city><state>%s</state><postalCode>%s</postalCode></addr>"
            "<telecom value=\"tel:%s\" use=\"HP\"/><patient><name><given>%s</given><family>%s</family></name>"
            "<birthTime value=\"%s\"/></patient></patientRole>" % (
                c.mrn(), c.street(), c.city(), c.state(), c.zipx(), c.phone("plus_dash"), c.N(p.g), c.N(p.s), c.dob("hl7")))


@tpl("cda", "author-assigned")
def _(c):
    a = c.person()
    return ("CCD generation warning: author missing time. <author><assignedAuthor><id root=\"2.16.840.1.113883.4.6\" extension=\"%s\"/>"
            "<telecom value=\"mailto:%s\"/><assignedPerson><name><prefix>Dr.</prefix><given>%s</given><family>%s</family></name>"
            "</assignedPerson></assignedAuthor></author>" % (c.npi(), c.staff_email(a), c.N(a.g), c.N(a.s)))


# ---- X12 ------------------------------------------------------------------
@tpl("x12", "270-eligibility")
def _(c):
    p = c.person()
    return ("999 rejected 270 (IK3*NM1*%d**8~): ISA*00*          *00*          *ZZ*CEDARLINE      *ZZ*%s*%s~\n"
            "NM1*IL*1*%s*%s****MI*%s~DMG*D8*%s*%s~DTP*291*D8*%s~" % (
                c.ri(2, 30), c.kw("payer_id", c.digits(5, True)).ljust(15),
                c.kw("isa_date", "%02d%02d%02d*%02d%02d" % (c.ri(24, 25), c.ri(1, 12), c.ri(1, 28), c.ri(0, 23), c.ri(0, 59))),
                c.N(p.s.upper()), c.N(p.g.upper()), c.member(), c.dob("hl7"), c.ch("FM"), c.visit("hl7")))


@tpl("x12", "271-response")
def _(c):
    p = c.person()
    return ("271 AAA*N**75*C (Subscriber/Insured Not Found): NM1*IL*1*%s*%s*%s***MI*%s~N3*%s~N4*%s*%s*%s~DMG*D8*%s~" % (
        c.N(p.s.upper()), c.N(p.g.upper()), p.mi, c.member(), c.street(False, True), c.city(True), c.state(),
        c.p("ZIP", c.digits(9, True)), c.dob("hl7")))


@tpl("x12", "837p-claim")
def _(c):
    p, pr = c.person(), c.person()
    return ("Clearinghouse rejected 837P claim %s: CLM*%s*%s***11:B:1*Y*A*Y*Y~DTP*472*D8*%s~SV1*HC:%s*%s*UN*1***1~\n"
            "NM1*QC*1*%s*%s~NM1*82*1*%s*%s****XX*%s~REF*SY*%s~ -- reason: invalid rendering provider taxonomy" % (
                c.dbid(), c.account(), c.kw("amount", "%d.00" % c.ri(90, 400)), c.visit("hl7"), c.cpt(),
                c.kw("amount", "%d" % c.ri(90, 400)), c.N(p.s.upper()), c.N(p.g.upper()), c.N(pr.s.upper()),
                c.N(pr.g.upper()), c.npi(), c.ssn("bare")))


@tpl("x12", "835-remit-line")
def _(c):
    p = c.person()
    return ("ERA posting failed, unmatched CLP: CLP*%s*4*%s*0**MC*%s~NM1*QC*1*%s*%s****MI*%s~CAS*CO*%s*%s~ payer=%s" % (
        c.account(), c.kw("amount", "%d.00" % c.ri(80, 300)),
        c.kw("payer_claim_id", c.digits(14, True)), c.N(p.s.upper()), c.N(p.g.upper()), c.member(),
        c.kw("carc", c.ch(["45", "97", "16", "197", "CO-50"])), c.kw("amount", "%d.%02d" % (c.ri(1, 90), c.ri(0, 99))), c.payer()))


# ---- NCPDP / Rx / PDMP ------------------------------------------------------
@tpl("rx", "ncpdp-reject")
def _(c):
    p = c.person()
    return ("NCPDP D.0 reject 75 (Prior Authorization Required), decoded: AM01 C2=%s CA=%s CB=%s C4=%s C5=%s CY=%s | AM07 D2=%s E1=03 D7=%s"
            % (c.member(), c.N(p.g.upper()), c.N(p.s.upper()), c.dob("hl7"), c.ch("12"), c.other("pmp"), c.rx(),
               c.kw("ndc", "%s%s" % (c.digits(5), c.digits(6)))))


@tpl("rx", "surescripts-error")
def _(c):
    pr = c.person()
    return ("Surescripts NewRx ERROR 601: Prescriber DEA %s does not match NPI %s for %s; patient %s, DOB %s, pharmacy NCPDP %s, fax %s"
            % (c.dea(pr), c.npi(), c.N("Dr. " + pr.full), c.N(c.person().lf), c.dob("us"), c.kw("ncpdp_id", c.digits(7, True)),
               c.fax("paren")))


@tpl("rx", "pdmp-response")
def _(c):
    p = c.person()
    return ("PMP InterConnect query %s returned 2 matches for %s (DOB %s, ZIP %s):\n  1. Rx #%s buprenorphine 8 mg, prescriber DEA %s, "
            "filled %s\n  2. Rx #%s sertraline 50 mg, filled %s" % (
                c.uuid(), c.N(p.up), c.dob("us"), c.zip5(), c.rx(), c.dea(), c.visit("us"), c.rx(), c.visit("us")))


@tpl("rx", "erx-cancel")
def _(c):
    p = c.person()
    return ("CancelRx denied by pharmacy: <Patient><HumanPatient><Name><LastName>%s</LastName><FirstName>%s</FirstName></Name>"
            "<Gender>%s</Gender><DateOfBirth><Date>%s</Date></DateOfBirth></HumanPatient></Patient><RxReferenceNumber>%s</RxReferenceNumber>"
            % (c.N(p.s), c.N(p.g), c.ch("FMU"), c.dob("iso"), c.rx()))


# ---- DICOM / imaging / devices --------------------------------------------------
@tpl("dicom", "tag-dump")
def _(c):
    p = c.person()
    return ("C-STORE failed (status 0xA700 Out of resources) for study %s:\n(0010,0010) PN [%s]\n(0010,0020) LO [%s]\n"
            "(0010,0030) DA [%s]\n(0010,1010) AS [%s]\n(0008,0090) PN [%s]\n(0008,0020) DA [%s]" % (
                c.kw("study_uid", "1.2.840.%d.%d.%d" % (c.ri(10000, 99999), c.ri(1, 999), c.ri(100000, 999999))),
                c.N(p.dicom), c.mrn(), c.dob("hl7", 1920, 1935), c.p("AGE_OVER_89", "%03dY" % c.ri(90, 104)),
                c.N(c.person().dicom), c.visit("hl7")))


@tpl("device", "tms-device-log")
def _(c):
    return ("TMS session upload error: device serial %s (coil %s) patient %s session %d/36 on %s motor threshold %d%%"
            % (c.serial(), c.kw("model", "H7-" + c.digits(3)), c.mrn(), c.ri(1, 36), c.visit("iso"), c.ri(40, 80)))


@tpl("device", "mdm-loaner-tablet")
def _(c):
    p = c.person()
    return ("MDM: loaner tablet check-in overdue. IMEI %s, MAC %s, assigned to %s (%s), last seen %s from %s"
            % (c.imei(), c.mac(), c.N(p.full), c.phone("dot"), c.ts("iso"), c.pubip()))


@tpl("device", "wearable-sync")
def _(c):
    p = c.person()
    return jd({"event": "wearable.sync.failed", "device": {"serial": c.serial(), "fw": c.ver(), "bt_mac": c.mac()},
               "patient": {"display": c.N(p.init), "mrn": c.mrn()}, "error": "HRV payload checksum mismatch", "at": c.ts("iso")})


# ---- Human text: clinicians and front desk ------------------------------------
@tpl("note", "oncall-page")
def _(c):
    p, m = c.person(), c.person()
    return ("ON-CALL %s: paged re %s (MRN %s). Her mother %s called from %s, says pt hasn't slept since %s and stopped the lithium. "
            "Advised ED; mother will drive her to Holy Rood General. F/u w/ Dr. %s in AM. Dx %s."
            % (c.ts("slack"), c.N(p.full), c.mrn(), c.N(m.full), c.phone("paren"), c.appt_md("mdabbr"), c.N(c.person().s), c.icd()))


@tpl("note", "slack-frontdesk")
def _(c):
    p = c.person()
    return ("#front-desk %s  heads up - %s's daughter called again about the %s appt, wants it moved to a Friday. "
            "number on file is wrong, new one is %s. also her address changed to %s, %s %s"
            % (c.ts("slack"), c.N(p.full), c.appt_md(), c.phone("dot"), c.street(), c.city(), c.zip5()))


@tpl("note", "lowercase-quick")
def _(c):
    p = c.person()
    return ("pt %s dob %s called re refill, pharm says rx #%s needs new PA from %s. cb %s after 3"
            % (c.N(p.low), c.dob("us2"), c.rx(), c.payer(), c.phone("sp")))


@tpl("note", "allcaps-fax-cover")
def _(c):
    p = c.person()
    pr = c.person()
    return ("URGENT - RECORDS REQUEST FAILED TO SEND. TO: %s, FAX %s. RE: %s DOB %s. FROM: %s. %d PAGES. "
            "IF RECEIVED IN ERROR CALL %s." % (c.N(pr.up), c.fax("dash"), c.N(p.up), c.dob("us"),
                                               c.practice().upper(), c.ri(2, 30), c.phone("dash")))


@tpl("note", "misspelled-intake")
def _(c):
    p = c.person()
    return ("intake note: clint %s, born %s, lives w/ grandmother (%s yo) at %s in %s, granma is primary caregivr. "
            "scool counsler referd. insurance %s memebr id %s"
            % (c.N(p.full), c.dob("us1", 2006, 2016), c.age(), c.street(), c.city(), c.payer(), c.member()))


@tpl("note", "referral-letter")
def _(c):
    p, pr = c.person(), c.person()
    return ("Dear Dr. %s,\n\nThank you for seeing %s (DOB %s) for medication management. She has been in weekly therapy with me since %s "
            "for %s. Her psychiatrist of record retired; prior records were faxed from %s.\n\nSincerely,\n%s, LCSW (license %s)\n%s"
            % (c.N(c.person().s), c.N(p.full), c.dob("long"), c.yr(), c.icd(), c.fax("paren"), c.N(pr.full), c.state_lic(),
               c.phone("paren") + " ext. " + str(c.ri(10, 299))))


@tpl("note", "portal-message")
def _(c):
    p = c.person()
    return ("Portal message (unread %d days) from %s: \"hi, i moved!! new address is %s %s, %s. "
            "also my email is %s now, the old one got hacked. can we keep thursday %s?\" -- %s"
            % (c.ri(2, 21), c.username(p), c.street(), c.city(), c.zipx(), c.email(p), c.appt_md("mdabbr"), c.N(p.g)))


@tpl("note", "billing-dispute-email")
def _(c):
    p = c.person()
    return ("From: %s\nSubject: Re: statement %s\n\nI was charged %s for a %s visit on %s but my %s plan (member %s, group %s) "
            "should have covered it. My account number is %s. Please call me at %s.\n%s"
            % (c.email(p), c.dbid(), c.amt(), c.cpt(), c.visit("long"), c.payer(), c.member(), c.group(), c.account(),
               c.phone("paren"), c.N(p.full)))


@tpl("note", "voicemail-transcript")
def _(c):
    p = c.person()
    y, m, d = c.date_parts()
    dob = c.p("DATE", c.fmt(y, m, d, "words"))
    return ("Voicemail transcription (confidence %s): \"hi this is %s, date of birth %s, calling about my appointment, "
            "my number is %s, thank you bye\" duration %s"
            % (c.kw("score", "0.%d" % c.ri(60, 97)), c.N(p.full), dob, c.spoken_phone(), c.dur()))


@tpl("note", "sms-reply-thread")
def _(c):
    p = c.person()
    return ("Inbound SMS from %s: \"C\"\nOutbound: \"Thanks %s! See you %s at 2:30pm with %s.\"\nInbound: \"actually can u call my husband %s at %s instead\""
            % (c.phone("e164"), c.N(p.g), c.appt_md("mdlong"), c.N(c.person().init), c.N(c.person().g), c.phone("dash")))


@tpl("note", "sms-reminder-body")
def _(c):
    p = c.person()
    return ("Twilio 21610 (unsubscribed recipient) for body: \"%s: Hi %s, reminder of your telehealth visit on %s. Join: "
            "%s Reply STOP to opt out.\" to %s" % (c.practice(), c.N(p.g), c.appt_md(), c.p("URL", "https://cedar.link/v/%s" % c.mrn()),
                                                 c.phone("e164")))


@tpl("note", "crisis-line-handoff")
def _(c):
    p = c.person()
    return ("Crisis line handoff %s: caller %s, %s, at %s (%s) tonight, pt reports passive SI, safety plan reviewed. "
            "Callback %s. Case %s." % (c.ts("isooff"), c.N(p.full), c.age(), c.street(), c.city(), c.phone("one_dash"), c.other("case")))


@tpl("note", "group-roster")
def _(c):
    a, b, d = c.person(), c.person(), c.person()
    return ("DBT skills group %s roster sync error - duplicates: %s (%s), %s (%s), %s (%s). Facilitator: %s"
            % (c.kw("group_code", "G" + str(c.ri(1, 9))), c.N(a.lf), c.dob("us"), c.N(b.lf), c.dob("us"), c.N(d.lf), c.dob("us"),
               c.N(c.person().init)))


@tpl("note", "legal-court-order")
def _(c):
    p = c.person()
    return ("Records request from court: case %s, State v. %s, subpoena for all notes since %s; respondent DOB %s, DL %s. "
            "Served at %s." % (c.other("case"), c.N(p.s), c.visit("long"), c.dob("us"), c.dl(), c.street()))


@tpl("note", "transport-vehicle")
def _(c):
    p = c.person()
    return ("Mileage reimbursement flagged: %s, vehicle %s (plate %s, %s), %s miles for %s visits, paid to acct %s"
            % (c.N(p.full), c.vin(), c.plate(), c.state(), c.cnt(), c.cnt(), c.account()))


@tpl("note", "parking-lot-incident")
def _(c):
    p = c.person()
    return ("Security log %s: client vehicle VIN %s / plate %s left running in lot B; owner %s (%s) notified by %s at front desk."
            % (c.ts("log"), c.vin(), c.plate(), c.N(p.full), c.phone("dot"), c.N(c.person().g)))


@tpl("note", "age-over-89-note")
def _(c):
    p = c.person()
    return ("Telehealth tech issue: %s-year-old pt %s could not enable camera; daughter %s assisted from %s. Rescheduled to %s."
            % (c.age(), c.N(p.full), c.N(c.person().full), c.intl_phone(), c.appt_md()))


@tpl("note", "release-of-info")
def _(c):
    p = c.person()
    return ("ROI form incomplete: patient %s authorizes release to %s (%s, %s) of records dated %s to %s. Signed %s. Witness: %s"
            % (c.N(p.mid), c.N(c.person().full), c.street(), c.email(), c.visit("us"), c.visit("us"), c.visit("abbr"),
               c.N(c.person().init)))


# ---- Human text: other languages -----------------------------------------------
@tpl("intl", "spanish-voicemail")
def _(c):
    p = c.person()
    return ("Mensaje de voz: \"Buenas tardes, habla %s, fecha de nacimiento %s. Necesito cambiar mi cita del %s. "
            "Mi número es %s. Gracias.\" (transcripción automática, %s)"
            % (c.N(p.full), c.dob("es"), c.appt_md("dm"), c.phone("dash"), c.ver()))


@tpl("intl", "spanish-form")
def _(c):
    p = c.person()
    return ("Formulario de admisión rechazado: Nombre: %s; Fecha de nacimiento: %s; Dirección: %s, %s; Código postal: %s; "
            "Teléfono: %s; Seguro: %s, número de afiliado %s" % (c.N(p.full), c.dob("euslash"), c.street(), c.city(), c.zip5(),
                                                                c.intl_phone("52"), c.payer(), c.member()))


@tpl("intl", "portuguese-message")
def _(c):
    p = c.person()
    return ("Mensagem do portal: \"Olá, sou %s, nascida em %s. Meu telefone mudou para %s e meu e-mail é %s. "
            "Podem remarcar minha consulta?\" erro ao salvar: %s" % (c.N(p.full), c.dob("pt"), c.intl_phone("55"), c.email(p),
                                                                    c.kw("exception", "ConcurrencyException")))


@tpl("intl", "french-referral")
def _(c):
    p = c.person()
    return ("Lettre de recommandation (OCR, confiance %s%%): « Je vous adresse %s, née le %s, domiciliée au %s, %s. "
            "Tél. %s. » Dr %s" % (c.ri(70, 99), c.N(p.full), c.dob("fr"), c.street(), c.city(), c.intl_phone("33"),
                                 c.N(c.person().full)))


@tpl("intl", "tagalog-sms")
def _(c):
    p = c.person()
    return ("SMS mula kay %s: \"Magandang umaga po, si %s po ito, ipinanganak noong %s. Pwede po bang ilipat ang appointment ko sa %s? "
            "Salamat po.\"" % (c.intl_phone("63"), c.N(p.full), c.dob("tl"), c.appt_md("mdabbr")))


@tpl("intl", "polish-intake")
def _(c):
    p = c.person()
    return ("Ankieta wstępna: pacjent %s, ur. %s r., PESEL nie podano, tel. %s, adres: %s, %s %s. Błąd walidacji pola 'ubezpieczenie'."
            % (c.N(p.full), c.dob("eudot"), c.intl_phone("48"), c.street(), c.zip5(), c.city()))


@tpl("intl", "korean-romanised")
def _(c):
    p = c.person()
    return ("hwanja ireum: %s, saengnyeonworil: %s, yeollakcheo: %s, bohoja: %s -- %s: encoding error in field 'bohoja'"
            % (c.N(p.s + " " + p.g), c.dob("ko"), c.intl_phone("82"), c.N(c.person().full), c.kw("exception", "UnicodeDecodeError")))


@tpl("intl", "arabic-romanised")
def _(c):
    p = c.person()
    return ("risala min al-marid %s, tarikh al-milad %s, raqam al-hatif %s. yurid taghyir maw'id %s. (auto-translate failed: %s)"
            % (c.N(p.full), c.dob("euslash"), c.phone("plus_sp"), c.appt_md("mdabbr"), c.kw("status", "HTTP 429")))


@tpl("intl", "haitian-creole")
def _(c):
    p = c.person()
    return ("Mesaj vwa: \"Bonjou, se %s k ap rele, mwen fèt %s. Nimewo telefòn mwen se %s. Tanpri rele m tounen.\" "
            "Entèprèt: %s" % (c.N(p.full), c.dob("fr"), c.intl_phone("509"), c.N(c.person().g)))


@tpl("intl", "german-befund")
def _(c):
    p = c.person()
    return ("Befundübermittlung fehlgeschlagen: Patient %s, geb. %s, wohnhaft %s, %s %s, Versichertennummer %s, Fax %s"
            % (c.N(p.full), c.dob("de"), c.street(), c.zip5(), c.city(), c.member(), c.fax("paren")))


@tpl("intl", "vietnamese-note")
def _(c):
    p = c.person()
    nm = c.N("%s %s" % (c.ch(["Nguyễn Thị", "Trần Văn", "Lê Thị", "Phạm Minh", "Hoàng Văn"]), p.g))
    return ("Ghi chú lễ tân: bệnh nhân %s, sinh ngày %s, số điện thoại %s, hẹn ngày %s. Lỗi đồng bộ: %s"
            % (nm, c.dob("euslash"), c.phone("dash"), c.appt_md("dm"), c.kw("status", "409 Conflict")))


# ---- Identifiers in unusual places ---------------------------------------------
def fname_part(c, s, lower=False):
    v = asciify(s).replace(" ", "").replace("'", "").replace(".", "")
    return c.N(v.lower() if lower else v)


@tpl("keys", "s3-key")
def _(c):
    p = c.person()
    d = c.dob(c.ch(["hl7", "iso"]))
    key = c.p("URL", "s3://cedarline-docs-prod/scans/%s/%s_%s_DOB_%s_consent.pdf" % (c.ri(2019, 2025), fname_part(c, p.s), fname_part(c, p.g), d))
    return "%s: An error occurred (SlowDown) when calling the PutObject operation: Please reduce your request rate. key=%s size=%s" % (
        c.kw("exception", "botocore.exceptions.ClientError"), key, c.k("count", "%d bytes" % c.ri(20000, 9000000)))


@tpl("keys", "local-file-path")
def _(c):
    p = c.person()
    mrn = c.mrn()
    path = c.p("URL", "/mnt/fax-inbox/%s/%s-%s-%s.tif" % (c.ri(2019, 2025), mrn, fname_part(c, p.s, True), c.visit("hl7")))
    return ("%s: [Errno 28] No space left on device: '%s' (inode usage %s%%)"
            % (c.kw("exception", "OSError"), path, c.ri(90, 100)))


@tpl("keys", "redis-otp-key")
def _(c):
    ph = c.phone("e164")
    return ("redis %s:%s> GET \"otp:sms:%s\"\n(nil)\nredis> TTL \"ratelimit:login:%s\"\n(integer) %s  -- OTP expired before verify, flow %s"
            % (c.iip(), c.port(), ph, c.email(), c.cnt(), c.uuid()))


@tpl("keys", "memcached-key")
def _(c):
    p = c.person()
    return ("memcached SET failed: key too long (%s > 250): ptsearch:%s:%s:%s:%s:payer=%s"
            % (c.cnt(), c.N(asciify(p.s).lower().replace(" ", "_")), c.N(asciify(p.g).lower()), c.dob("hl7"), c.zip5(),
               c.kw("payer", c.ch(PAYERS).lower().replace(" ", "_"))))


@tpl("keys", "kafka-consumer-record")
def _(c):
    p = c.person()
    return ("%s: ConsumerRecord(topic = patient-demographics.v3, partition = %d, leaderEpoch = %d, offset = %s, CreateTime = %s, "
            "key = %s, value = {\"family\":\"%s\",\"given\":\"%s\",\"birthDate\":\"%s\",\"ssn\":\"%s\"})"
            % (c.kw("exception", "org.apache.kafka.common.errors.SerializationException"), c.ri(0, 11), c.ri(1, 40), c.cnt(),
               c.ts("epoch"), c.mrn(), c.N(p.s), c.N(p.g), c.dob("iso"), c.ssn()))


@tpl("keys", "kafka-dlq-header")
def _(c):
    em = c.email()
    return ("DLQ message headers: {kafka_dlt-exception-fqcn=%s, kafka_dlt-exception-message=No portal account for %s, "
            "kafka_dlt-original-topic=portal.invites, kafka_dlt-original-offset=%s}"
            % (c.kw("exception", "org.springframework.kafka.listener.ListenerExecutionFailedException"), em, c.cnt()))


@tpl("cli", "cron-args")
def _(c):
    em = c.email()
    return ("CRON[%d]: (svc_billing) CMD (/opt/cedarline/bin/send-statement --patient-email=%s --account=%s --dry-run=false) "
            "exit status 1 after %s" % (c.ri(1000, 99999), em, c.account(), c.dur()))


@tpl("cli", "ps-command-line")
def _(c):
    p = c.person()
    return ("OOM killer: Killed process %d (python3) total-vm:%s, cmdline: python3 -m tools.merge_charts --keep %s --drop %s "
            "--name \"%s\" --dob %s" % (c.ri(1000, 99999), c.cnt("kB"), c.mrn(), c.mrn(), c.N(p.full), c.dob("iso")))


@tpl("cli", "env-dump")
def _(c):
    return ("crash report env:\n  NODE_ENV=staging\n  PORT=%s\n  TEST_PATIENT_EMAIL=%s\n  TEST_PATIENT_PHONE=%s\n  SMOKE_MRN=%s\n  DB_HOST=%s\n  BUILD_SHA=%s"
            % (c.port(), c.email(), c.phone("e164"), c.mrn(), c.iip(), c.sha()))


@tpl("cli", "shell-history")
def _(c):
    p = c.person()
    return ("audit: user ops ran `psql -h %s -c \"update patients set phone='%s' where last_name='%s' and dob='%s'\"` at %s"
            % (c.iip(), c.phone("dash"), c.N(p.sql(p.s)), c.dob("iso"), c.ts("iso")))


@tpl("http", "request-headers")
def _(c):
    mrn = c.mrn()
    return ("502 from upstream; request headers:\nHost: portal.cedarlinebh.com\nX-Forwarded-For: %s, %s\nX-Patient-Id: %s\n"
            "X-Request-Id: %s\nUser-Agent: CedarPortal/%s (Android 14)" % (c.pubip(), c.iip(), mrn, c.rid(), c.ver()))


@tpl("http", "cookie-header")
def _(c):
    p = c.person()
    return ("Cookie too large (%s bytes), dropped: Cookie: portal_user=%s; remember_dob=%s; last_search=%s; _ga=GA1.2.%s.%s"
            % (c.cnt(), c.username(p), c.dob("hl7"), c.N(asciify(p.s)),
               c.kw("ga_id", c.digits(9, True)), c.kw("ga_ts", c.digits(10, True))))


@tpl("http", "form-urlencoded")
def _(c):
    p = c.person()
    y, m, d = c.date_parts()
    dob = c.p("DATE", "%02d%%2F%02d%%2F%04d" % (m, d, y))
    return ("400 Bad Request body: first_name=%s&last_name=%s&dob=%s&phone=%s&zip=%s&consent=on"
            % (c.N(asciify(p.g)), c.N(asciify(p.s).replace(" ", "+").replace("'", "%27")), dob,
               c.phone(c.ch(["bare", "dash"])), c.zip5()))


@tpl("http", "graphql-variables")
def _(c):
    p = c.person()
    return "GraphQL error: Variable \"$input\" got invalid value at \"input.emergencyContact.relationship\"; " + jd({
        "operationName": "UpdateEmergencyContact", "variables": {"input": {"patientId": c.uuid(), "emergencyContact": {
            "name": c.N(p.full), "phone": c.phone("plus_sp"), "relationship": "bff"}}}})


@tpl("http", "grpc-status-details")
def _(c):
    return ("grpc: received message larger than max (%s vs. 4194304) in /cedar.scheduling.v1.Appointments/Book; "
            "trailers: grpc-status-details-bin decoded: {reason: \"SLOT_TAKEN\", metadata: {patient_phone: \"%s\", requested: \"%s\"}}"
            % (c.cnt(), c.phone("e164"), c.visit("iso")))


@tpl("http", "protobuf-text")
def _(c):
    p = c.person()
    y, m, d = c.date_parts()
    dob = c.p("DATE", "year: %d month: %d day: %d" % (y, m, d))
    return ("proto: required field missing: cedar.intake.v2.Referral.reason\npatient {\n  name: \"%s\"\n  mrn: \"%s\"\n  dob { %s }\n"
            "  phone: \"%s\"\n}\nreferrer_npi: \"%s\"" % (c.N(p.full), c.mrn(), dob, c.phone("e164"), c.npi()))


@tpl("http", "soap-fault")
def _(c):
    p = c.person()
    return ("<soap:Fault><faultcode>soap:Client</faultcode><faultstring>Member not eligible</faultstring><detail><MemberLookup>"
            "<LastName>%s</LastName><FirstName>%s</FirstName><DOB>%s</DOB><SubscriberID>%s</SubscriberID></MemberLookup></detail></soap:Fault>"
            % (c.N(p.s), c.N(p.g), c.dob("usdash"), c.member()))


@tpl("http", "webhook-signature")
def _(c):
    em = c.email()
    return ("webhook signature mismatch from %s: X-Signature=sha256=%s body={\"type\":\"form.submitted\",\"answers\":{\"email\":\"%s\",\"phone\":\"%s\"}}"
            % (c.pubip(), c.sha(64), em, c.phone("dash")))


@tpl("config", "yaml-fixture")
def _(c):
    p = c.person()
    return ("yaml.scanner.ScannerError: mapping values are not allowed here\n  in \"fixtures/patients.yml\", line %d, column %d\n"
            "- name: %s\n  dob: %s\n  address: %s: %s\n  zip: \"%s\"" % (c.ri(2, 300), c.ri(2, 40), c.N(p.full), c.dob("iso"),
                                                                    c.street(), c.city(), c.zip5()))


@tpl("config", "toml-seed")
def _(c):
    p = c.person()
    return ("Error: TOML parse error at line %d, column %d: duplicate key `phone`\n[[demo.patients]]\nname = \"%s\"\nphone = \"%s\"\nphone = \"%s\"\nmember_id = \"%s\""
            % (c.ri(2, 90), c.ri(1, 9), c.N(p.full), c.phone("dash"), c.phone("dot"), c.member()))


@tpl("config", "ini-section")
def _(c):
    pr = c.person()
    return ("ConfigParser.DuplicateSectionError: While reading from 'fax.ini' [line %d]: section 'provider' already exists\n"
            "[provider]\nname=%s\nnpi=%s\ndea=%s\nfax=%s" % (c.ri(2, 90), c.N(pr.full), c.npi(), c.dea(pr), c.fax("dash")))


@tpl("config", "dotenv-line")
def _(c):
    return ("warning: .env.local line %d ignored: SUPPORT_ESCALATION_CELL=%s # Dr %s personal cell"
            % (c.ri(2, 60), c.phone("dash"), c.N(c.person().s)))


@tpl("doc", "markdown-table")
def _(c):
    rows = []
    for _ in range(c.ri(2, 3)):
        q = c.person()
        rows.append("| %s | %s | %s | %s |" % (c.N(q.full), c.dob("us"), c.phone("paren"), c.cpt()))
    return ("### No-show report (generated %s)\n| Patient | DOB | Phone | Code |\n|---|---|---|---|\n%s\n\n_%s rows total_"
            % (c.ts("iso"), "\n".join(rows), c.cnt()))


@tpl("doc", "html-table")
def _(c):
    p = c.person()
    return ("Template render error in statement.html: <tr><td class=\"pt-name\">%s</td><td>%s</td><td>%s</td><td>%s</td>"
            "<td>{{ balance|currency }}</td></tr> -- %s: 'dict object' has no attribute 'balance'"
            % (c.N(p.full), c.account(), c.street(), c.city(), c.kw("exception", "jinja2.exceptions.UndefinedError")))


@tpl("doc", "csv-row")
def _(c):
    p = c.person()
    return ("csv import line %d: expected 8 fields, saw 9\n\"%s\",\"%s\",%s,%s,\"%s\",%s,%s,%s,%s"
            % (c.ri(2, 9000), c.N(p.s), c.N(p.g), c.dob("us"), c.ssn("dash"), c.street(), c.city(), c.state(), c.zip5(),
               c.phone("dash")))


@tpl("doc", "email-mime-headers")
def _(c):
    p = c.person()
    em = c.email(p)
    return ("550 5.1.1 bounce for statement mailing:\nTo: \"%s\" <%s>\nSubject: Your statement for account %s\nX-Mailer: %s/%s\nMessage-ID: <%s@mailer.internal>"
            % (c.N(p.full), em, c.account(), c.svc(), c.ver(), c.uuid()))


@tpl("doc", "ldap-dn")
def _(c):
    pr = c.person()
    return ("LDAP bind failed (49 invalidCredentials) for dn: CN=%s,OU=Clinicians,DC=cedarline,DC=local from %s"
            % (c.N(pr.lf.replace(",", "\\,")), c.iip()))


@tpl("doc", "jira-ticket")
def _(c):
    p = c.person()
    return ("OPS-%d [Bug] Portal shows wrong DOB for %s (%s -> should be %s). Reporter says pt email %s, IP %s. Priority: P2"
            % (c.ri(1000, 9999), c.N(p.full), c.dob("us"), c.dob("us"), c.email(p), c.pubip()))


# ---- More languages/runtimes -----------------------------------------------------
@tpl("beam", "erlang-crash-report")
def _(c):
    p = c.person()
    return ("=CRASH REPORT==== %s ===\n  crasher:\n    initial call: sms_gateway:init/1\n    exception error: {badmatch,{error,{invalid_msisdn,<<\"%s\">>}}}\n"
            "    state: #{patient => <<\"%s\">>,template => appt_reminder}" % (c.ts("log"), c.phone("e164"), c.N(p.full)))


@tpl("lisp", "clojure-ex-info")
def _(c):
    p = c.person()
    return ("clojure.lang.ExceptionInfo: Coverage lookup failed {:patient/name \"%s\", :patient/dob #inst \"%s\", :coverage/member-id \"%s\", "
            ":http/status 504}\n at cedar.elig.core$lookup.invokeStatic (core.clj:%d)" % (c.N(p.full), c.dob("iso"), c.member(), c.ri(10, 200)))


@tpl("lisp", "haskell-show")
def _(c):
    p = c.person()
    return ("intake-worker: user error (Unexpected reply: Left (DecodeError \"zip\" (Patient {patientName = \"%s\", patientPhone = Just \"%s\", "
            "patientZip = \"%s-\"})))" % (c.N(p.full), c.phone("dash"), c.zip5()))


@tpl("script", "powershell-error")
def _(c):
    pr = c.person()
    return ("Get-ADUser : Cannot find an object with identity: '%s' under: 'DC=cedarline,DC=local'.\nAt C:\\ops\\offboard.ps1:%d char:%d\n"
            "+ Remove-Mailbox -Identity %s -Confirm:$false\n    + CategoryInfo          : ObjectNotFound" % (
                c.N(pr.full), c.ri(2, 90), c.ri(2, 40), c.staff_email(pr)))


@tpl("script", "r-dplyr-error")
def _(c):
    p = c.person()
    return ("Error in `mutate()`:\n! Problem while computing `age = floor(interval(dob, today()) / years(1))`.\nCaused by error in `ymd()`:\n"
            "! All formats failed to parse. Row %d: name = \"%s\", dob = \"%s\", age_reported = %s"
            % (c.ri(2, 900), c.N(p.full), c.dob("mondash", 1920, 1934), c.age()))


@tpl("script", "perl-die")
def _(c):
    return ("Use of uninitialized value $fax in concatenation (.) or string at /opt/faxgw/send.pl line %d, <STDIN> line %d.\n"
            "faxgw: sending %d pages for chart %s to %s failed: NO CARRIER" % (c.ri(10, 400), c.ri(1, 90), c.ri(1, 60), c.mrn(), c.fax("one_dash")))


# ---- Calendar / contact formats -------------------------------------------------
@tpl("pim", "icalendar-vevent")
def _(c):
    p, pr = c.person(), c.person()
    return ("ics import failed (RRULE UNTIL before DTSTART):\nBEGIN:VEVENT\nUID:%s@cedarline\nDTSTART;VALUE=DATE:%s\n"
            "SUMMARY:Intake - %s\nATTENDEE;CN=%s:mailto:%s\nORGANIZER;CN=%s:mailto:%s\nEND:VEVENT"
            % (c.uuid(), c.visit("hl7"), c.N(p.init), c.N(p.full), c.email(p), c.N(pr.full), c.staff_email(pr)))


@tpl("pim", "vcard")
def _(c):
    p = c.person()
    return ("vCard parse warning (unknown param TYPE=PAGER):\nBEGIN:VCARD\nVERSION:3.0\nFN:%s\nN:%s;%s;;;\nTEL;TYPE=CELL:%s\nTEL;TYPE=FAX:%s\n"
            "ADR;TYPE=HOME:;;%s;%s;%s;%s;USA\nBDAY:%s\nEND:VCARD" % (
                c.N(p.full), c.N(p.s), c.N(p.g), c.phone("plus_sp"), c.fax("plus_sp"), c.street(False), c.city(), c.state(),
                c.zip5(), c.dob("iso")))


# ---- SaaS / ops tools ------------------------------------------------------------
@tpl("saas", "payment-declined")
def _(c):
    p = c.person()
    return "card_declined (insufficient_funds) for invoice %s: " % c.kw("invoice", "in_" + c.alnum(14, "abcdefghijklmnopqrstuvwxyz0123456789")) + jd({
        "billing_details": {"name": c.N(p.full), "email": c.email(p), "address": {"line1": c.street(False), "city": c.city(),
                                                                                 "postal_code": c.zip5(), "state": c.state()}},
        "amount": int(c.kw("amount_cents", str(c.ri(2000, 40000)))), "metadata": {"guarantor_account": c.account()}})


@tpl("saas", "esign-envelope")
def _(c):
    p, g = c.person(), c.person()
    return ("Envelope %s voided: recipient bounced. Signers: 1) %s <%s> (patient) 2) %s <%s> (guardian, phone auth %s)"
            % (c.uuid(), c.N(p.full), c.email(p), c.N(g.full), c.email(g), c.phone("plus_sp")))


@tpl("saas", "telehealth-participant")
def _(c):
    p = c.person()
    ip = c.ipv6() if c.r.random() < 0.5 else c.pubip()
    return ("Video room %s: participant '%s' dropped (ICE failed). client ip %s, device %s, browser Safari %s, room host %s"
            % (c.kw("room", "rm_" + c.sha(12)), c.N(p.full), ip, c.serial(), c.ver(), c.N("Dr. " + c.person().s)))


@tpl("saas", "pagerduty-summary")
def _(c):
    p = c.person()
    return ("[FIRING:1] PHI export job stuck - summary: export for %s (MRN %s) to %s stalled at %s%%. runbook: https://runbooks.internal/export"
            % (c.N(p.full), c.mrn(), c.email(), c.ri(1, 99)))


@tpl("saas", "splunk-search")
def _(c):
    p = c.person()
    return ("Splunk saved search 'who-viewed' error: search index=ehr_audit action=chart_view (patient_name=\"%s\" OR patient_ssn=\"%s\") "
            "earliest=-30d | stats count by user, src_ip -> Error in 'stats': too many results (%s)"
            % (c.N(p.full), c.ssn("dash"), c.cnt()))


@tpl("saas", "audit-chart-access")
def _(c):
    p, u = c.person(), c.person()
    return ("Break-the-glass access: user %s (%s) opened chart %s for %s from %s at %s; reason \"covering for %s\""
            % (c.N(u.full), c.staff_email(u), c.mrn(), c.N(p.full), c.pubip(), c.ts("isooff"), c.N(c.person().init)))


@tpl("saas", "vpn-log")
def _(c):
    u = c.person()
    login = c.N(asciify(u.g[0] + u.s).lower().replace(" ", "").replace("'", "").replace(".", "").replace("-", ""))
    return ("openvpn[%d]: %s/%s:%d MULTI: Learn: %s -> %s/[%s]:%d; user=%s cert CN=%s" % (
        c.ri(100, 9000), login, c.pubip(), c.ri(1025, 65000), c.iip(), login, c.ipv6(), c.ri(1025, 65000),
        c.staff_email(u), c.N(u.full)))


@tpl("saas", "waf-block")
def _(c):
    em = c.email()
    url = c.p("URL", "/api/v1/patients/search?email=%s&ssn=%s" % (em, c.ssn("bare")))
    return ("AWS WAF BLOCK rule=SQLi_QUERYARGUMENTS clientIp=%s country=US uri=%s httpMethod=GET requestId=%s"
            % (c.pubip(), url, c.rid()))


@tpl("saas", "geoip-failure")
def _(c):
    return ("geoip2.errors.AddressNotFoundError: The address %s is not in the database. (login for %s, mfa phone %s)"
            % (c.ipv6(), c.username(c.person()), c.phone("plus_dash")))


@tpl("saas", "efax-receipt")
def _(c):
    p = c.person()
    return ("eFax delivery receipt: FAILED (busy, 3 attempts). To: %s (Attn: %s). From: %s. Document: records_%s.pdf (%d pages). Job %s"
            % (c.fax("paren"), c.N(c.person().full), c.fax("paren"), c.mrn(), c.ri(2, 80), c.dbid()))


@tpl("saas", "inbound-fax-ocr")
def _(c):
    p = c.person()
    return ("Inbound fax from %s classified as 'unknown' (score %s). OCR head: \"PRIOR AUTHORIZATION REQUEST  Patient: %s  DOB: %s  "
            "Member ID: %s  Prescriber: %s  NPI: %s\"" % (c.fax("one_dash"), c.kw("score", "0.%02d" % c.ri(10, 60)), c.N(p.up),
                                                        c.dob("us"), c.member(), c.N(c.person().up), c.npi()))


@tpl("saas", "medicare-mbi")
def _(c):
    p = c.person()
    return ("HETS 270/271 error AAA*Y**72*N: Invalid/Missing Subscriber/Insured ID. MBI sent: %s, name %s, DOB %s, NPI %s, dates of service %s"
            % (c.mbi(), c.N(p.up), c.dob("hl7", 1930, 1958), c.npi(), c.visit("hl7")))


@tpl("saas", "eap-employer")
def _(c):
    p = c.person()
    return ("EAP eligibility file row rejected: employer '%s', employee id %s, employee %s, dependent %s (DOB %s), reason: relationship code 'X'"
            % (c.ch(EMPLOYERS), c.other("emp"), c.N(p.full), c.N(c.person().g), c.dob("us", 2005, 2018)))


@tpl("saas", "passport-id-upload")
def _(c):
    p = c.person()
    return ("ID verification failed (expired document): passport %s, surname %s, given names %s, date of birth %s, selfie match %s"
            % (c.other("passport"), c.N(p.s.upper()), c.N(p.g.upper()), c.dob("dmyabbr"),
               c.kw("score", "0.%02d" % c.ri(10, 99))))


@tpl("saas", "school-counselor")
def _(c):
    p = c.person()
    return ("School referral sync: student %s, student ID %s, grade 8, DOB %s, parent %s %s; counselor %s"
            % (c.N(p.full), c.other("student"), c.dob("us", 2009, 2013), c.N(c.person().full), c.phone("dash"),
               c.staff_email(c.person())))


@tpl("saas", "ignition-interlock")
def _(c):
    p = c.person()
    return ("Court-ordered SUD program feed: interlock device %s installed in %s (plate %s) for participant %s, case %s; "
            "violation reported %s" % (c.serial(), c.vin(), c.plate(), c.N(p.full), c.other("case"), c.visit("long")))


@tpl("saas", "hearing-aid-pairing")
def _(c):
    p = c.person()
    return ("Accessibility: caption bridge could not pair with hearing aid (BT %s, serial %s) for %s, age %s. Session %s"
            % (c.mac(), c.serial(), c.N(p.full), c.age(), c.uuid()))


@tpl("saas", "pdf-acroform")
def _(c):
    p = c.person()
    return ("pdf fill error: field /T (PatientSSN) /V (%s) exceeds MaxLen; other fields /T (PatientName) /V (%s) /T (DOB) /V (%s) /T (GuardianPhone) /V (%s)"
            % (c.ssn("space"), c.N(p.full), c.dob("us"), c.phone("paren")))


@tpl("saas", "push-notification")
def _(c):
    p = c.person()
    return ("APNs 410 Unregistered for token %s: payload {\"aps\":{\"alert\":\"%s, your appointment with %s is on %s\"}} device %s"
            % (c.sha(64), c.N(p.g), c.N(c.person().init), c.appt_md(), c.imei()))


@tpl("saas", "bigquery-bad-value")
def _(c):
    return ("Error while reading data, error message: Could not parse '%s' as INT64 for field member_phone (position %d) starting at location %s "
            "with message 'Unable to parse'; row also had zip '%s'" % (c.phone("dash"), c.ri(2, 30), c.cnt(), c.zip9()))


@tpl("saas", "salesforce-soql")
def _(c):
    em = c.email()
    return ("MALFORMED_QUERY: SELECT Id FROM Contact WHERE Email = '%s' AND Birthdate = %s AND MailingPostalCode = '%s' LIMIT ^ ERROR at Row:1:Column:%d"
            % (em, c.dob("iso"), c.zip5(), c.ri(40, 140)))


@tpl("saas", "airflow-task")
def _(c):
    p = c.person()
    return ("[%s] {taskinstance.py:%d} ERROR - Task failed with exception\nValueError: Duplicate chart for %s: ['%s', '%s'] (ssn %s)"
            % (c.ts("log"), c.ri(1000, 3000), c.N(p.lf), c.mrn(), c.mrn(), c.ssn()))


@tpl("saas", "k8s-event-annotation")
def _(c):
    return ("Warning  BackOff  pod/outreach-sms-%s  Back-off restarting failed container; last log line: \"sending to %s for account %s\""
            % (c.sha(10), c.phone("e164"), c.account()))


@tpl("saas", "git-commit-fixture")
def _(c):
    p = c.person()
    return ("secret-scan: commit %s adds fixtures with real-looking data: tests/fixtures/intake.json:%d name=\"%s\" ssn=\"%s\" dl=\"%s\""
            % (c.sha(), c.ri(2, 200), c.N(p.full), c.ssn("dash"), c.dl()))


@tpl("saas", "lab-portal-result")
def _(c):
    p = c.person()
    return ("Lab interface: result could not be matched: %s, DOB %s, lithium 1.4 mmol/L (H), collected %s, ordering %s, accession %s"
            % (c.N(p.lf), c.dob("us"), c.visit("us"), c.N("Dr. " + c.person().s), c.kw("accession", "L" + c.digits(9))))


@tpl("saas", "insurance-card-ocr")
def _(c):
    p = c.person()
    return ("Card OCR low confidence: payer=%s member=%s group=%s name=%s rx_bin=%s rx_pcn=%s plan=PPO. Retry %s"
            % (c.payer(), c.member(), c.group(), c.N(p.up), c.kw("rx_bin", c.digits(6)), c.kw("rx_pcn", "ADV"), c.ri(1, 5)))


@tpl("saas", "age-json")
def _(c):
    p = c.person()
    return "risk model skipped (age out of range): " + jd({"patient": c.N(p.init), "age": int(c.age()), "dob": c.dob("iso", 1918, 1934),
                                                            "model": c.kw("version", "phq-risk-" + c.ver()), "reason": "age>89"})


@tpl("saas", "zendesk-ticket")
def _(c):
    p = c.person()
    return ("Zendesk #%d from %s: \"I can't log in, my username is %s and my DOB is %s. I'm calling from %s. Please help!!\" tags: portal, lockout"
            % (c.ri(10000, 99999), c.email(p), c.username(p), c.dob("us1"), c.phone("paren")))


# ---- Extra coverage for the rarer kinds ----------------------------------------
@tpl("saas", "parking-permit")
def _(c):
    p = c.person()
    return ("Parking permit sync failed (vendor 503): permit %s for %s, plate %s (%s), vehicle %s %s, valid through %s"
            % (c.kw("permit", "PK-" + c.digits(5)), c.N(p.full), c.plate(), c.state(),
               c.ch(["2019 Subaru Outback", "2021 Toyota RAV4", "2016 Honda Civic", "2012 Ford F-150"]), c.vin(), c.visit("us")))


@tpl("saas", "dmv-fitness-report")
def _(c):
    p = c.person()
    return ("DMV medical-report upload rejected: driver %s, DL %s, DOB %s, registered vehicle VIN %s, plate %s. Reporting clinician NPI %s"
            % (c.N(p.lf), c.dl(), c.dob("us"), c.vin(), c.plate(), c.npi()))


@tpl("note", "towing-notice")
def _(c):
    return ("front desk fyi: tow co. called abt a silver minivan plate %s in the ADA spot, registered to a %s client (%s). "
            "she's in session w/ %s til 3" % (c.plate(), c.practice().split()[0], c.N(c.person().full), c.N(c.person().g)))


@tpl("intl", "spanish-age")
def _(c):
    p = c.person()
    return ("Nota de enfermería: %s, edad %s años, vive sola en %s, %s. Hija: %s, tel. %s. Error al guardar: %s"
            % (c.N(p.full), c.age(), c.street(), c.city(), c.N(c.person().full), c.phone("dash"),
               c.kw("exception", "OptimisticLockException")))


@tpl("doc", "csv-age-column")
def _(c):
    p = c.person()
    return ("pandas.errors.ParserError: Error tokenizing data. C error: Expected 6 fields in line %d, saw 7\n"
            "mrn,name,age,zip,payer,phq9\n%s,\"%s\",%s,%s,%s,%d,extra" % (c.ri(3, 900), c.mrn(), c.N(p.lf), c.age(), c.zip5(), c.payer(), c.ri(0, 27)))


@tpl("hl7", "nte-age")
def _(c):
    p = c.person()
    return ("NTE|1|L|Pt is a %s yo %s referred by daughter %s for memory eval; lives at %s.\n(validation: NTE-3 exceeds 65536 chars, truncated)"
            % (c.age(), c.ch(["female", "male", "veteran", "widow"]), c.N(c.person().full), c.street()))


@tpl("saas", "collections-export")
def _(c):
    p = c.person()
    return ("Collections export row %d failed schema check: debtor=\"%s\" acct=%s balance=%s last_pay=%s addr=\"%s, %s %s %s\" phone=%s"
            % (c.ri(2, 9000), c.N(p.full), c.account(), c.amt(), c.visit("iso"), c.street(), c.city(), c.state(), c.zipx(), c.phone("dash")))


@tpl("saas", "payment-plan")
def _(c):
    p = c.person()
    return ("Payment plan %s autopay failed: guarantor %s, guarantor account %s, bank acct ending %s, routing %s, next draft %s"
            % (c.dbid(), c.N(p.init), c.account(), c.digits(4), c.kw("routing", c.digits(9, True)), c.visit("abbr")))


@tpl("http", "referer-header")
def _(c):
    mrn = c.mrn()
    ref = c.p("URL", "https://ehr.cedarlinebh.com/charts/%s/notes?tab=intake" % mrn)
    return ("CSP violation report: blocked-uri=https://cdn.evil-analytics.example/t.js document-uri=%s referrer=%s status-code=200 client=%s"
            % (ref, ref, c.pubip()))


@tpl("http", "portal-deeplink-user")
def _(c):
    u = c.username(c.person())
    url = c.p("URL", "https://portal.cedarlinebh.com/u/%s/messages/%d" % (u, c.ri(1000, 999999)))
    return "404 Not Found: %s (ua=CedarPortal/%s, ip=%s)" % (url, c.ver(), c.pubip())


@tpl("http", "graphql-get-query")
def _(c):
    d = c.dob("iso")
    p = c.person()
    em = c.email(p)
    url = c.p("URL", "/graphql?operationName=PatientSearch&variables={\"email\":\"%s\",\"dob\":\"%s\"}" % (em, d))
    return "GET %s 400 (%s) - persisted queries only" % (url, c.dur())


@tpl("intl", "french-fax-cover")
def _(c):
    p = c.person()
    return ("Télécopie non transmise (ligne occupée). Destinataire : Dr %s, télécopieur %s. Objet : dossier de %s, né(e) le %s. Rappeler au %s."
            % (c.N(c.person().full), c.fax("dot"), c.N(p.full), c.dob("eudot"), c.intl_phone("33")))


@tpl("saas", "fax-number-change")
def _(c):
    pr = c.person()
    return ("Directory update conflict for provider %s (NPI %s): old fax %s, new fax %s, phone %s x%d"
            % (c.N(pr.mid), c.npi(), c.fax("dash"), c.fax("paren"), c.phone("dash"), c.ri(100, 999)))


@tpl("secure", "fail2ban")
def _(c):
    return ("%s fail2ban.actions [%d]: NOTICE [portal-login] Ban %s (user tried: %s, %s); also seen %s"
            % (c.ts("log"), c.ri(100, 9000), c.pubip(), c.email(), c.username(c.person()), c.ipv6()))


@tpl("secure", "mfa-new-device")
def _(c):
    p = c.person()
    return ("Security notice queued to %s: new sign-in to %s's portal account from %s (%s, IMEI %s). If this wasn't you call %s."
            % (c.email(p), c.N(p.g), c.pubip(), c.ch(["Pixel 8", "Galaxy S23", "iPhone 14"]), c.imei(), c.phone("one_dash")))


@tpl("device", "ankle-monitor")
def _(c):
    p = c.person()
    return ("Probation feed: GPS monitor %s (IMEI %s) for %s lost signal near %s; PO contact %s. Docket %s."
            % (c.serial(), c.imei(), c.N(p.full), c.street(), c.phone("dot"), c.other("case")))


# ===========================================================================
# Clean templates: look-alikes only, no PHI
# ===========================================================================
@tpl("jvm", "clean-lazy-init", clean=True)
def _(c):
    return ("%s: failed to lazily initialize a collection of role: com.cedarline.billing.Claim.lines, could not initialize proxy - "
            "no Session (claim id %s, %s lines, payer %s)" % (c.kw("exception", "org.hibernate.LazyInitializationException"),
                                                             c.dbid(), c.cnt(), c.payer()))


@tpl("jvm", "clean-kafka-lag", clean=True)
def _(c):
    return ("%s WARN  [consumer-claims-%d] o.a.k.c.c.i.ConsumerCoordinator : lag on claims.submitted-%d is %s records, "
            "last commit offset %s, poll took %s, broker %s:%s" % (c.ts("log"), c.ri(1, 9), c.ri(0, 11), c.cnt(), c.dbid(),
                                                                  c.dur(), c.iip(), c.port()))


@tpl("jvm", "clean-kotlin-missing-field", clean=True)
def _(c):
    return ("%s: Field 'placeOfService' is required for type with serial name 'com.cedarline.claims.ClaimLineDto', but it was missing "
            "at path: $.lines[%d] (cpt %s, dx %s, units %d, charge %s)" % (
                c.kw("exception", "kotlinx.serialization.MissingFieldException"), c.ri(0, 9), c.cpt(), c.icd(), c.ri(1, 4), c.amt()))


@tpl("dotnet", "clean-task-cancelled", clean=True)
def _(c):
    return ("%s: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.\n"
            " ---> System.TimeoutException: A task was canceled.\n   at CedarLine.Eligibility.PayerClient.SendAsync() "
            "endpoint=https://%s:%s/x12/270 attempt=%d elapsed=%s" % (
                c.kw("exception", "System.Threading.Tasks.TaskCanceledException"), c.iip(), c.port(), c.ri(1, 5), c.dur()))


@tpl("ruby", "clean-migration", clean=True)
def _(c):
    return ("== %s AddIndexToAppointmentsOnProviderIdAndStartsAt: migrating\n-- add_index(:appointments, [:provider_id, :starts_at])\n"
            "rails aborted!\n%s: PG::LockNotAvailable: ERROR:  canceling statement due to lock timeout (waited %s)"
            % (c.kw("migration", "2025" + c.digits(10)), c.kw("exception", "ActiveRecord::LockWaitTimeout"), c.dur()))


@tpl("php", "clean-memory", clean=True)
def _(c):
    return ("PHP Fatal error:  Allowed memory size of %s bytes exhausted (tried to allocate %s bytes) in "
            "/var/www/app/vendor/laravel/framework/src/Illuminate/Database/Eloquent/Collection.php on line %d (job GenerateSuperbills, batch %s)"
            % (c.kw("count", "134217728"), c.cnt(), c.ri(100, 900), c.uuid()))


@tpl("node", "clean-econnrefused", clean=True)
def _(c):
    return ("Error: connect ECONNREFUSED %s:%s\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:%d:16) {\n  errno: -111,\n"
            "  code: 'ECONNREFUSED',\n  syscall: 'connect',\n  address: '%s',\n  port: %s\n} service=%s version=%s"
            % ("127.0.0.1", c.k("port", "6379"), c.ri(1000, 1600), c.k("infra_ip", "127.0.0.1"), "6379", c.svc(), c.ver()))


@tpl("rust", "clean-index-oob", clean=True)
def _(c):
    return ("thread 'claims-batcher' panicked at src/batch.rs:%d:%d:\nindex out of bounds: the len is %s but the index is %d\n"
            "stack backtrace: ... batch_id=%s cpt=%s icd=%s" % (c.ri(10, 400), c.ri(5, 60), c.cnt(), c.ri(5000, 9000), c.uuid(),
                                                                   c.cpt(), c.icd()))


@tpl("elixir", "clean-genserver-timeout", clean=True)
def _(c):
    return ("** (exit) exited in: GenServer.call(CedarLine.Eligibility.Pool, {:checkout, %s}, 5000)\n    ** (EXIT) time out\n"
            "%s [error] pool=eligibility size=%d overflow=%d payer=%s" % (c.dbid(), c.ts("elixir"), c.ri(5, 50), c.ri(0, 10), c.payer()))


@tpl("go", "clean-context-deadline", clean=True)
def _(c):
    return ("%s level=error msg=\"fax provider poll failed\" err=\"context deadline exceeded (Client.Timeout exceeded while awaiting headers)\" "
            "provider=%s jobs_pending=%s retry_in=%s build=%s" % (c.ts("iso"), c.svc(), c.cnt(), c.dur(), c.sha(12)))


@tpl("syslog", "clean-cron-summary", clean=True)
def _(c):
    return ("<%d>1 %s batch-01 %s %d - [stats processed=\"%s\" failed=\"%s\" duration=\"%s\"] nightly eligibility refresh done for %s "
            "(%s members), next run %s" % (c.ri(128, 191), c.ts("iso"), c.svc(), c.ri(100, 30000), c.cnt(), c.cnt(), c.dur(),
                                            c.payer(), c.cnt(), c.ts("iso")))


@tpl("secure", "clean-cef-portscan", clean=True)
def _(c):
    return ("CEF:0|CedarLine|EdgeFW|%s|%d|Internal port scan|7|src=%s dst=%s dpt=%s proto=TCP cnt=%s act=blocked rt=%s"
            % (c.ver(), c.ri(100, 999), c.iip(), c.iip(), c.port(), c.cnt(), c.ts("epoch")))


@tpl("secure", "clean-windows-service", clean=True)
def _(c):
    return ("<Event><System><EventID>7031</EventID><TimeCreated SystemTime=\"%s\"/><Computer>SCAN-GW-%02d</Computer></System>"
            "<EventData><Data Name=\"param1\">CedarLine Scan Agent %s</Data><Data Name=\"param2\">%d</Data>"
            "<Data Name=\"param3\">Restart the service</Data></EventData></Event>" % (c.ts("win"), c.ri(1, 9), c.ver(), c.ri(1, 9)))


@tpl("access", "clean-nginx-upstream", clean=True)
def _(c):
    return ("%s [error] %d#%d: *%s upstream timed out (110: Connection timed out) while reading response header from upstream, "
            "client: %s, server: portal.internal, request: \"GET /api/v2/claims/%s/status HTTP/1.1\", upstream: \"http://%s:%s/\""
            % (c.ts("nginx"), c.ri(100, 9000), c.ri(0, 9), c.cnt(), c.iip(), c.uuid(), c.iip(), c.port()))


@tpl("cloud", "clean-cloudtrail-denied", clean=True)
def _(c):
    return jd({"eventTime": c.ts("iso"), "eventName": "AssumeRole", "errorCode": "AccessDenied",
               "sourceIPAddress": c.iip(), "userIdentity": {"arn": "arn:aws:sts::%s:assumed-role/%s-task/%s" % (
                   c.kw("aws_account", c.digits(12, True)), c.svc(), c.sha(32))},
               "requestID": c.uuid()})


@tpl("db", "clean-pg-deadlock", clean=True)
def _(c):
    return ("ERROR:  deadlock detected\nDETAIL:  Process %d waits for ShareLock on transaction %s; blocked by process %d.\n"
            "Process %d waits for ShareLock on transaction %s; blocked by process %d.\nHINT:  See server log for query details.\n"
            "CONTEXT:  while updating tuple (%d,%d) in relation \"claim_lines\"" % (
                c.ri(1000, 60000), c.dbid(), c.ri(1000, 60000), c.ri(1000, 60000), c.dbid(), c.ri(1000, 60000), c.ri(0, 9999), c.ri(1, 90)))


@tpl("db", "clean-mongo-writeconflict", clean=True)
def _(c):
    return ("MongoServerError: WriteConflict error: this operation conflicted with another operation. Please retry your operation or "
            "multi-document transaction. (ns=billing.statements, txnNumber=%s, lsid=%s, took %s)" % (c.cnt(), c.uuid(), c.dur()))


@tpl("db", "clean-es-health", clean=True)
def _(c):
    return jd({"cluster_name": "notes-search", "status": "yellow", "number_of_nodes": c.ri(3, 9), "active_shards": int(c.cnt()),
               "unassigned_shards": c.ri(1, 40), "task_max_waiting_in_queue_millis": c.ri(0, 90000), "version": c.ver(),
               "node": c.iip()})


@tpl("db", "clean-redis-oom", clean=True)
def _(c):
    return ("OOM command not allowed when used memory > 'maxmemory'. script: %s, on @user_script:%d. keys=%s evicted=%s host=%s:%s"
            % (c.sha(), c.ri(1, 90), c.cnt(), c.cnt(), c.iip(), c.port()))


@tpl("hl7", "clean-ack-ae", clean=True)
def _(c):
    return ("MSH|^~\\&|LAB|QUEST|CEDAR_EHR|CEDARLINE|%s||ACK^R01|%s|P|2.5.1\rMSA|AE|%s|Segment sequence error\r"
            "ERR||OBR^1|100^Segment sequence error^HL70357|E (listener %s:%s, %s bytes)" % (
                c.ts("hl7"), c.kw("control_id", c.digits(10, True)), c.kw("control_id", "MSG" + c.digits(8)), c.iip(), c.port(), c.cnt()))


@tpl("fhir", "clean-operation-outcome", clean=True)
def _(c):
    return jd({"resourceType": "OperationOutcome", "issue": [
        {"severity": "error", "code": "code-invalid", "diagnostics": "Code %s is not valid in ValueSet us-core-condition-code" % c.icd()},
        {"severity": "warning", "code": "business-rule", "diagnostics": "CPT %s requires modifier 95 for telehealth" % c.cpt()}],
        "meta": {"versionId": str(c.ri(1, 40)), "lastUpdated": c.ts("iso")}})


@tpl("x12", "clean-999-ack", clean=True)
def _(c):
    return ("999 received for batch %s: AK1*HC*%s*005010X222A1~AK2*837*%s~IK5*R*5~AK9*R*%d*%d*0~ (payer %s, %s claims, total %s)"
            % (c.dbid(), c.kw("control_id", c.digits(6, True)), c.kw("control_id", "%04d" % c.ri(1, 9999)), c.ri(1, 9), c.ri(1, 9),
               c.payer(), c.cnt(), c.amt()))


@tpl("x12", "clean-835-summary", clean=True)
def _(c):
    return ("ERA batch posted: payer=%s check=%s paid=%s adjustments=%s lines=%s denials: CO-45 x%d, CO-197 x%d, PR-1 x%d; top CPT %s"
            % (c.payer(), c.kw("check_no", c.digits(9, True)), c.amt(), c.amt(), c.cnt(), c.ri(1, 40), c.ri(1, 40), c.ri(1, 40), c.cpt()))


@tpl("rx", "clean-ncpdp-summary", clean=True)
def _(c):
    return ("Daily eRx reject summary %s: 75 (PA required) x%d, 76 (plan limits exceeded) x%d, 88 (DUR reject) x%d; router %s %s, "
            "avg latency %s" % (c.yr(), c.ri(1, 90), c.ri(1, 90), c.ri(1, 90), c.svc(), c.ver(), c.dur()))


@tpl("dicom", "clean-association-rejected", clean=True)
def _(c):
    return ("DIMSE association rejected: calling AE 'CEDAR_PACS' called AE 'MRI_01' result=1 source=2 reason=7 (%s:%s), "
            "max PDU %s, retry in %s" % (c.iip(), c.port(), c.cnt(), c.dur()))


@tpl("note", "clean-deploy-slack", clean=True)
def _(c):
    return ("#eng-deploys %s  :rocket: %s %s rolled out to prod (%s), canary error rate %s%%, p95 %s. Rollback: `deploy rollback %s`"
            % (c.ts("slack"), c.svc(), c.ver(), c.sha(8), c.kw("count", "0.%d" % c.ri(1, 9)), c.dur(), c.sha(12)))


@tpl("note", "clean-maintenance-es", clean=True)
def _(c):
    return ("Aviso del sistema: mantenimiento programado el %s; el servicio %s (versión %s) no estará disponible durante %s. "
            "Código de incidente %s." % (c.ts("isooff"), c.svc(), c.ver(), c.dur(), c.kw("ticket", "INC%s" % c.digits(7))))


@tpl("doc", "clean-markdown-denials", clean=True)
def _(c):
    rows = "\n".join("| %s | %s | %s | %s |" % (c.payer(), c.cpt(), c.cnt(), c.amt()) for _ in range(3))
    return "### Denials by payer (%s)\n| Payer | CPT | Count | Amount |\n|---|---|---|---|\n%s" % (c.yr(), rows)


@tpl("saas", "clean-grafana-latency", clean=True)
def _(c):
    return ("[Alerting] p95 latency high: %s route POST /v1/claims p95=%s (threshold 1500ms) over %s; instances %s:%s, %s:%s; dashboard uid %s"
            % (c.svc(), c.dur(), c.dur(), c.iip(), c.port(), c.iip(), c.port(), c.sha(9)))


@tpl("http", "clean-grpc-deadline", clean=True)
def _(c):
    return ("rpc error: code = DeadlineExceeded desc = context deadline exceeded; method=/cedar.billing.v1.Claims/Submit "
            "peer=%s:%s x-request-id=%s elapsed=%s" % (c.iip(), c.port(), c.rid(), c.dur()))


@tpl("saas", "clean-k8s-crashloop", clean=True)
def _(c):
    return ("Warning  BackOff  %s  kubelet  Back-off restarting failed container %s in pod %s-%s_prod(%s); exit code %d, restarts %s, image tag %s"
            % (c.dur(), c.svc(), c.svc(), c.sha(10), c.uuid(), c.ri(1, 255), c.cnt(), c.ver()))


@tpl("saas", "clean-cert-expiry", clean=True)
def _(c):
    return ("TLS certificate for %s.internal (serial %s) expires %s; %s days left. Issuer: internal-ca %s. Port %s"
            % (c.svc(), c.sha(32), c.ts("iso"), c.cnt(), c.ver(), c.port()))


@tpl("config", "clean-yaml-error", clean=True)
def _(c):
    return ("helm upgrade failed: values.yaml line %d: replicas: \"three\" (expected int)\n  image: registry.internal/%s:%s\n"
            "  resources: {cpu: 500m, memory: 512Mi}\n  env: {DB_HOST: %s, DB_PORT: %s, ICD_TABLE: icd10cm_%s}" % (
                c.ri(2, 90), c.svc(), c.ver(), c.iip(), c.port(), c.yr()))


@tpl("keys", "clean-s3-lifecycle", clean=True)
def _(c):
    return ("S3 lifecycle: transitioned %s objects under s3://cedarline-logs-prod/alb/%s/ to GLACIER, %s bytes, request %s, rule id %s"
            % (c.cnt(), c.yr(), c.cnt(), c.rid(), c.uuid()))


@tpl("cli", "clean-cron-ok", clean=True)
def _(c):
    return ("CRON[%d]: (svc_claims) CMD (/opt/cedarline/bin/resubmit --payer=\"%s\" --cpt=%s --since=%s --max=%s) exit 0 in %s"
            % (c.ri(1000, 99999), c.payer(), c.cpt(), c.yr(), c.cnt(), c.dur()))


@tpl("pim", "clean-sla-table", clean=True)
def _(c):
    return ("<table><tr><th>Service</th><th>Uptime</th><th>Errors</th></tr><tr><td>%s</td><td>99.%d%%</td><td>%s</td></tr>"
            "<tr><td>%s</td><td>99.%d%%</td><td>%s</td></tr></table> generated %s" % (
                c.svc(), c.ri(0, 99), c.cnt(), c.svc(), c.ri(0, 99), c.cnt(), c.ts("iso")))


@tpl("script", "clean-powershell", clean=True)
def _(c):
    return ("Invoke-RestMethod : The remote server returned an error: (503) Server Unavailable.\nAt C:\\ops\\sync-payers.ps1:%d char:%d\n"
            "  Payer: %s  Batch: %s  Rows: %s  Elapsed: %s" % (c.ri(2, 90), c.ri(2, 40), c.payer(), c.uuid(), c.cnt(), c.dur()))


@tpl("beam", "clean-erlang-badarg", clean=True)
def _(c):
    return ("=ERROR REPORT==== %s ===\nError in process <0.%d.0> on node 'claims@%s' with exit value:\n{badarg,[{ets,lookup,[cpt_cache,<<\"%s\">>],[]}]}"
            % (c.ts("log"), c.ri(100, 9999), c.iip(), c.cpt()))


# ===========================================================================
# Validation: simulate a perfect scrubber and apply the scorer's leak rules
# ===========================================================================
MARKERS = [lambda k: "[REDACTED:%s]" % k, lambda k: "[X]"]


def simulate(text, phi, marker):
    out = text
    for value, kind in sorted(phi, key=lambda vk: -len(vk[0])):
        out = out.replace(value, marker(kind))
    return out


def problems(rec, clean):
    errs = []
    keys = ["id", "family", "template", "text", "phi", "keep", "keep_kinds"]
    if list(rec.keys()) != keys:
        return ["bad keys %r" % list(rec.keys())]
    text = rec["text"]
    if not isinstance(text, str) or not text:
        return ["empty text"]
    if len(rec["keep"]) != len(rec["keep_kinds"]):
        errs.append("keep/keep_kinds length mismatch")
    if clean and rec["phi"]:
        errs.append("clean record has phi")
    if not clean and not rec["phi"]:
        errs.append("phi record has no phi")
    seen = set()
    for ph in rec["phi"]:
        if set(ph) != {"value", "kind"}:
            errs.append("bad phi entry %r" % ph)
            continue
        if ph["kind"] not in KINDS:
            errs.append("bad kind %r" % ph["kind"])
        if ph["value"] in seen:
            errs.append("duplicate phi value %r" % ph["value"])
        seen.add(ph["value"])
        if not ph["value"] or not phi_score.occurs(ph["value"], text):
            errs.append("phi value not a bounded substring: %r" % ph["value"])
        if ph["value"] != ph["value"].strip():
            errs.append("phi value has outer whitespace: %r" % ph["value"])
    for tok in rec["keep"]:
        if not tok or not phi_score.occurs(tok, text):
            errs.append("keep token not a bounded substring: %r" % tok)
    if len(set(rec["keep"])) != len(rec["keep"]):
        errs.append("duplicate keep token")
    # check digits of the label values themselves
    for ph in rec["phi"]:
        v, k = ph["value"], ph["kind"]
        if k == "SSN" and not ssn_ok(v):
            errs.append("invalid SSN %r" % v)
        if k == "VEHICLE" and len(v) == 17 and vin_check(v) != v[8]:
            errs.append("bad VIN check digit %r" % v)
        if k == "DEVICE" and v.isdigit() and len(v) == 15 and not luhn_ok(v):
            errs.append("bad IMEI %r" % v)
        if k == "LICENSE" and v.isdigit() and len(v) == 10 and not luhn_ok("80840" + v):
            errs.append("bad NPI %r" % v)
        if k == "LICENSE" and re.fullmatch(r"[ABFGM][A-Z]\d{7}", v) and not dea_ok(v):
            errs.append("bad DEA %r" % v)
        if k == "AGE_OVER_89" and int(re.sub(r"\D", "", v)) < 90:
            errs.append("age not over 89 %r" % v)
        if k == "IP" and re.match(r"(10\.|127\.|172\.(1[6-9]|2\d|3[01])\.|192\.168\.)", v):
            errs.append("infrastructure IP labelled as PHI %r" % v)
    for ph in rec["phi"]:
        if ph["kind"] == "URL":
            inner = [q for q in rec["phi"] if q is not ph and q["value"] in ph["value"]]
            if not inner:
                errs.append("URL without a labelled identifier inside %r" % ph["value"])
    if errs:
        return errs
    phi = [(ph["value"], ph["kind"]) for ph in rec["phi"]]
    for marker in MARKERS:
        out = simulate(text, phi, marker)
        od = phi_score.digits_of(out)
        for value, kind in phi:
            why = phi_score.leak_reason(value, kind, out, od)
            if why:
                errs.append("leak after perfect scrub: %s %r (%s)" % (kind, value, why))
        for tok in rec["keep"]:
            if not phi_score.occurs(tok, out):
                errs.append("keep token lost after perfect scrub: %r" % tok)
    return errs


# ===========================================================================
# Generation
# ===========================================================================
def plan():
    phi_t = [t for t in TEMPLATES if not t[1]]
    clean_t = [t for t in TEMPLATES if t[1]]
    order_rng = random.Random("blind11-template-order")
    phi_order, clean_order = phi_t[:], clean_t[:]
    order_rng.shuffle(phi_order)
    order_rng.shuffle(clean_order)
    out = []
    pi = ci = 0
    for n in range(1, N_RECORDS + 1):
        if n % CLEAN_EVERY == 0:
            out.append((n, clean_order[ci % len(clean_order)]))
            ci += 1
        else:
            out.append((n, phi_order[pi % len(phi_order)]))
            pi += 1
    return out


def build(n, template):
    name, clean, fn = template
    last = None
    for attempt in range(MAX_ATTEMPTS):
        c = Ctx(random.Random("blind11:%d:%d" % (n, attempt)))
        text = fn(c)
        rec = OrderedDict()
        rec["id"] = "%s-%d" % (FAMILY, n)
        rec["family"] = FAMILY
        rec["template"] = name
        rec["text"] = text
        rec["phi"] = [OrderedDict([("value", v), ("kind", k)]) for v, k in c.phi]
        rec["keep"] = list(c.keep)
        rec["keep_kinds"] = list(c.keep_kinds)
        errs = problems(rec, clean)
        if not errs:
            return rec
        last = errs
    raise SystemExit("record %d (%s) failed %d attempts: %s" % (n, name, MAX_ATTEMPTS, last))


def generate():
    recs = [build(n, t) for n, t in plan()]
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
    return recs, data


def report(recs, data):
    kinds = Counter(ph["kind"] for r in recs for ph in r["phi"])
    templates = sorted(set(r["template"] for r in recs))
    styles = sorted(set(t.split(":")[0] for t in templates))
    print("records: %d (clean %d)" % (len(recs), sum(1 for r in recs if not r["phi"])))
    print("phi values: %d" % sum(kinds.values()))
    for k in KINDS:
        print("  %-12s %5d" % (k, kinds.get(k, 0)))
    print("keep tokens: %d" % sum(len(r["keep"]) for r in recs))
    print("templates used: %d (defined %d, clean %d) across %d styles: %s" % (
        len(templates), len(TEMPLATES), sum(1 for t in TEMPLATES if t[1]), len(styles), ", ".join(styles)))
    print("file size: %d bytes" % len(data.encode("utf-8")))
    missing = [k for k in KINDS if not kinds.get(k)]
    if missing:
        raise SystemExit("kinds never used: %s" % missing)


def check():
    recs, data = generate()
    with open(OUT, encoding="utf-8") as f:
        disk = f.read()
    if disk != data:
        raise SystemExit("CHECK FAILED: %s differs from regenerated output" % OUT)
    ids = set()
    on_disk = [json.loads(l, object_pairs_hook=OrderedDict) for l in disk.splitlines() if l.strip()]
    if len(on_disk) != N_RECORDS:
        raise SystemExit("CHECK FAILED: expected %d records, found %d" % (N_RECORDS, len(on_disk)))
    clean_names = {t[0] for t in TEMPLATES if t[1]}
    for r in on_disk:
        if r["id"] in ids:
            raise SystemExit("CHECK FAILED: duplicate id %s" % r["id"])
        ids.add(r["id"])
        if r["family"] != FAMILY or not re.fullmatch(r"blind11-\d+", r["id"]):
            raise SystemExit("CHECK FAILED: bad id/family in %s" % r["id"])
        errs = problems(r, r["template"] in clean_names)
        if errs:
            raise SystemExit("CHECK FAILED: %s: %s" % (r["id"], errs))
    report(on_disk, disk)
    print("check OK: %s is up to date and every record is valid" % OUT)


def main(argv):
    if "--check" in argv:
        check()
        return
    recs, data = generate()
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(data)
    report(recs, data)
    print("wrote %s" % OUT)


if __name__ == "__main__":
    main(sys.argv[1:])
