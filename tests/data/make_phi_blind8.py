#!/usr/bin/env python3
"""Generate phi_blind8.jsonl: a blind PHI-scrubber evaluation corpus.

Style: what a Sentry-to-Slack alert relay for a mental-health practice-management
platform receives -- Sentry event payloads, logentry messages, Alertmanager/Grafana
annotations, task-queue failures, ORM/database errors, validation errors, email/SMS
delivery failures, scheduling, billing/clearinghouse and EHR integration errors, and
short staff messages that ended up in an error.

Everything here is synthetic: names, streets, cities and ZIPs come from invented
pools; NPI/DEA/VIN/IMEI/card numbers carry valid check digits; SSNs obey the
area/group/serial validity rules.

Usage:
    python make_phi_blind8.py            # writes phi_blind8.jsonl next to this file
    python make_phi_blind8.py --check    # regenerates in memory and verifies the file

Standard library only; fixed seed; output is byte-for-byte deterministic.
"""
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import urllib.parse
from collections import OrderedDict
import random

SEED = 20240808
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "phi_blind8.jsonl")
FAMILY = "blind8"
PER_TEMPLATE = 6

KINDS = ["NAME", "ADDRESS", "CITY", "ZIP", "DATE", "PHONE", "FAX", "EMAIL", "SSN",
         "MRN", "HEALTH_PLAN", "ACCOUNT", "LICENSE", "VEHICLE", "DEVICE", "URL",
         "IP", "OTHER_ID", "AGE_OVER_89"]
MIN_COUNT = {k: 30 for k in KINDS}
MIN_COUNT.update({"AGE_OVER_89": 20, "VEHICLE": 20, "FAX": 20})

# ---------------------------------------------------------------------------
# invented pools
# ---------------------------------------------------------------------------
FIRST = [
    "Amara", "Tomás", "Beata", "Nkechi", "Siddharth", "Mei-Ling", "Oluwaseun", "Anneliese",
    "Dmitri", "Yusuf", "Thandiwe", "Ruairí", "Itzel", "Kalani", "Ximena", "Farrukh",
    "Leilani", "Ingrid", "Sunniva", "Joaquín", "Marisol", "Tevita", "Aroha", "Priyanka",
    "Kwabena", "Zofia", "Hamza", "Émilie", "Dagny", "Corentin", "Esperanza", "Oksana",
    "Matteo", "Keoni", "Adaeze", "Rafferty", "Saoirse", "Teodor", "Yasmin", "Nikhil",
    "Fatoumata", "Gideon", "Lucía", "Soren", "Hyun-woo", "Ayelet", "Declan", "Marguerite",
    "Helene", "Cassius", "Perpetua", "Obinna", "Rosalind", "Anouk", "Ilse", "Cormac",
    "Jae-won", "Nadia", "Tariq", "Yevgenia", "Bronwyn", "Elodie", "Fiifi", "Imogen",
    "Lior", "Magnus", "Paloma", "Quentin", "Rahel", "Svetlana", "Thiago", "Ulrike",
    "Valentina", "Wilhelmina", "Xavier", "Yolanda", "Zainab", "Desmond", "Evangeline",
    "Florian", "Gwendolyn", "Hiroshi", "Isidore", "Jolene", "Kofi", "Liesel", "Mireille",
    "Nasrin", "Ottoline", "Percival", "Remy", "Shirin", "Tobiah", "Vesna", "Wendell",
    "Yara", "Zeynep", "Ahmad", "Bettina", "Caoimhe", "Eun-ji", "Faisal", "Giedre",
    "Habib", "Inés", "Jozef", "Kirra", "Lowell", "Marcelo", "Zoë", "Anaïs", "Bartholomew",
]
LAST = [
    "Okafor", "Ferreira", "Kowalczyk", "Vasquez-Hart", "Delacroix-Bain", "van der Berg",
    "de la Cruz", "O'Donnell-Reyes", "McAllister", "Nakashima", "Abernathy-Osei", "Lindqvist",
    "Haddad", "Nguyen-Tran", "Szymańska", "al-Rashid", "Ben-Ami", "Da Silva", "St. Clair",
    "Papadakis", "Oyelaran", "Thorvaldsen", "Quispe", "Achterberg", "Brandt-Øvergaard",
    "Castellanos", "Dabrowski", "Eze", "Fitzwilliam", "Gallagher-Nuñez", "Hernández",
    "Iwasaki", "Jankowski", "Kapoor", "Lefebvre", "Mbatha", "Nwosu", "Oduya", "Pietrangeli",
    "Quarshie", "Rautio", "Sandoval", "Tanaka-Whitfield", "Uchenna", "Villanueva", "Wojcik",
    "Yilmaz", "Zielinski", "Abramowitz", "Bellweather", "Chaudhry", "Dunleavy", "Esposito",
    "Fonseca", "Grigoryan", "Halvorsen", "Ibarra", "Jaramillo", "Kealoha", "Laurentiu",
    "Moreau-Diallo", "Ndiaye", "Ostrowski", "Pemberton", "Ramaswamy", "Sokolova", "Tremblay",
    "Umarov", "Vukovic", "Whitlock", "Xiong", "Yamamoto-Reyes", "Zamora", "le Roux",
    "von Stein", "Mac Giolla", "D'Angelo", "Adeyemi", "Björklund", "Carrasquillo",
    "Dimitriou", "Ellingsen", "Fairbairn", "Guerrero", "Hakimi", "Ivanova", "Juarez-Lopez",
    "Kristoffersen", "Lowenthal", "Mwangi", "Ó Briain", "dos Santos",
]
CITIES = [  # invented town, state, ZIP prefix, area codes
    ("Carverton", "OH", "430", ["614", "740"]), ("East Hollowell", "PA", "176", ["717", "223"]),
    ("Marlow Springs", "CO", "805", ["719", "970"]), ("Bexley Ford", "VA", "229", ["540", "434"]),
    ("Port Andriessen", "WA", "983", ["360", "253"]), ("Quenby", "MN", "553", ["612", "763"]),
    ("Saltcreek Junction", "NV", "894", ["775"]), ("Wexhaven", "CT", "064", ["203", "475"]),
    ("Ardenmoor", "OR", "973", ["503", "541"]), ("Tillbury Heights", "MI", "483", ["248", "810"]),
    ("Fallowmere", "TX", "758", ["903", "430"]), ("Kestrel Bluff", "GA", "305", ["706", "762"]),
    ("Pinecastle Ridge", "NC", "286", ["828"]), ("Orvanne", "IL", "613", ["309", "815"]),
    ("Lake Ostrava", "NY", "130", ["315", "680"]), ("San Teodoro", "CA", "934", ["805"]),
    ("Mesa Corrigan", "AZ", "853", ["623", "480"]), ("North Ashcombe", "MA", "013", ["413"]),
    ("Pellwood", "NJ", "078", ["973", "862"]), ("Cypress Landing", "FL", "342", ["941"]),
    ("Dunmore Hollow", "TN", "372", ["615", "629"]), ("Eau Verte", "WI", "547", ["715"]),
    ("Los Alamitas", "NM", "875", ["505"]), ("Brightwater Cove", "ME", "046", ["207"]),
    ("Greyholme", "KY", "403", ["859"]), ("Fort Kinsey", "MO", "654", ["417"]),
    ("Westerlo Falls", "NY", "121", ["518", "838"]), ("Hartsgrove", "OH", "440", ["440"]),
    ("Millbrook Station", "PA", "189", ["215", "267"]), ("Vallecito Verde", "CA", "952", ["209"]),
    ("Ostrander Mills", "IN", "473", ["765"]), ("Tamsin Harbor", "SC", "294", ["843"]),
]
STREETS = [
    "Larkspur", "Quillon", "Bramblewood", "Tessaly", "Kittredge", "Windle", "Marrowbone",
    "Caldecott", "Pellham", "Orchardview", "Juniper Hollow", "Saltmarsh", "Fenwick",
    "Ravensworth", "Coldwater Ridge", "Alder Crest", "Bellflower", "Cobblestone", "Dunraven",
    "Everly", "Foxglove", "Gannet", "Hawthorne Bend", "Inverness", "Jessamine", "Kingfisher",
    "Lantana", "Merriweather", "Nettlefield", "Old Quarry", "Persimmon", "Tamarack",
    "Rosebay", "Sycamore Knoll", "Thistledown", "Upland", "Verbena", "Wickham", "Yarrow",
    "Abbotsford", "Blackthorn", "Cressida", "Driftwood", "Elderberry",
]
STYPES = [("Street", "St"), ("Avenue", "Ave"), ("Road", "Rd"), ("Terrace", "Ter"),
          ("Lane", "Ln"), ("Drive", "Dr"), ("Court", "Ct"), ("Boulevard", "Blvd"),
          ("Place", "Pl"), ("Way", "Way"), ("Circle", "Cir"), ("Parkway", "Pkwy"),
          ("Trail", "Trl"), ("Pike", "Pike")]
MAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "proton.me", "hotmail.com",
                "aol.com", "comcast.net", "att.net", "me.com", "ymail.com", "fastmail.com",
                "sbcglobal.net", "verizon.net"]
CREDS = ["PsyD", "PhD", "LCSW", "LMFT", "LPC", "LMHC", "MD", "DO", "PMHNP-BC", "LCPC", "LPCC"]
PRESCRIBER_CREDS = ["MD", "DO", "PMHNP-BC"]
PRACTICES = [
    ("northbank-counseling", "Northbank Counseling Group", "northbankcounseling.com"),
    ("cedar-vine-bh", "Cedar & Vine Behavioral Health", "cedarvinebh.org"),
    ("riverside-psych", "Riverside Psychiatry Associates", "riversidepsych.net"),
    ("harborlight", "Harborlight Therapy Collective", "harborlighttherapy.com"),
    ("mosaic-minds", "Mosaic Minds Family Therapy", "mosaicminds.org"),
    ("tallgrass-wellness", "Tallgrass Wellness & Recovery", "tallgrasswellness.com"),
]
PAYERS = ["Aetna", "Cigna", "UnitedHealthcare", "Optum Behavioral Health", "Humana",
          "Blue Cross Blue Shield of Illinois", "Anthem Blue Cross", "Kaiser Permanente",
          "Magellan Health", "Carelon Behavioral Health", "Tricare East", "Medicare Part B",
          "Ohio Medicaid", "Highmark BCBS", "Oscar Health", "Ambetter", "Molina Healthcare",
          "Wellcare", "Centene", "Harvard Pilgrim", "EmblemHealth"]
ICD = ["F41.1", "F33.1", "F43.10", "F90.0", "F31.81", "F32.A", "F42.2", "F43.12", "F10.20",
       "F11.20", "F50.01", "F60.3", "F41.0", "F43.23", "F84.0", "Z63.0", "F40.10", "F34.1"]
CPT = ["90791", "90792", "90832", "90834", "90837", "90846", "90847", "90853", "99213",
       "99214", "96127", "90785", "90839", "90840", "H0031", "H2019", "99404", "G0444"]
CPT_FEES = {"90791": "225.00", "90792": "260.00", "90832": "85.00", "90834": "135.00",
            "90837": "185.00", "90846": "140.00", "90847": "150.00", "90853": "65.00",
            "99213": "110.00", "99214": "165.00", "96127": "12.50", "90785": "18.00",
            "90839": "210.00", "90840": "95.00", "H0031": "120.00", "H2019": "32.40",
            "99404": "78.00", "G0444": "24.00"}
CARDS = [("visa", "4", 16), ("mastercard", "51", 16), ("mastercard", "53", 16),
         ("mastercard", "55", 16), ("amex", "34", 15), ("amex", "37", 15),
         ("discover", "6011", 16)]
TACS = ["35209900", "35391110", "35846811", "86753104", "01326300", "35332510", "35875509",
        "86891203", "35467208", "99001242"]
WMIS = ["1HG", "1FT", "JTD", "5YJ", "2T1", "3VW", "KM8", "1G1", "WBA", "4T1", "1C4", "5NP",
        "JN1", "1N4", "2HK", "3FA", "WDD", "JM1", "YV1", "SAL"]
VIN_YEARS = "BCDEFGHJKLMNPRS"  # 2011..2025
SERVICES = ["tessera-api", "tessera-scheduler", "tessera-billing", "tessera-portal",
            "tessera-ehr-bridge", "tessera-notify", "tessera-intake", "tessera-fax-gw",
            "tessera-rcm-worker", "tessera-telehealth"]
TITLES_STRICT = {"mr", "mrs", "ms", "miss", "dr", "prof", "jr", "sr", "ii", "iii", "iv", "md",
                 "phd", "psyd", "lcsw", "lmhc", "rn", "np"}

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MABBR = [m[:3] for m in MONTHS]
WDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
VIN_TRANS = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9,
                                                  2, 3, 4, 5, 6, 7, 8, 9]))
VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


# ---------------------------------------------------------------------------
# check-digit helpers
# ---------------------------------------------------------------------------
def luhn_digit(partial):
    s = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return str((10 - s % 10) % 10)


def luhn_ok(num):
    return num.isdigit() and len(num) > 1 and luhn_digit(num[:-1]) == num[-1]


def npi_ok(npi):
    return bool(re.fullmatch(r"[12]\d{9}", npi)) and luhn_ok("80840" + npi)


def dea_ok(dea):
    m = re.fullmatch(r"([ABCDEFGHJKLMPRSTUX])([A-Z9])(\d{7})", dea)
    if not m:
        return False
    d = [int(c) for c in m.group(3)]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


def vin_check_char(vin):
    s = 0
    for ch, w in zip(vin, VIN_WEIGHTS):
        s += (int(ch) if ch.isdigit() else VIN_TRANS[ch]) * w
    c = s % 11
    return "X" if c == 10 else str(c)


def vin_ok(vin):
    return (len(vin) == 17 and all(c in VIN_CHARS for c in vin)
            and vin[8] == vin_check_char(vin))


def ssn_ok(ssn):
    d = re.sub(r"\D", "", ssn)
    if len(d) != 9:
        return False
    a, g, s = d[:3], d[3:5], d[5:]
    return a not in ("000", "666") and a[0] != "9" and g != "00" and s != "0000"


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s)
                   if not unicodedata.combining(c)).replace("Ø", "O").replace("ø", "o")


def conv(words, style):
    w = words.split()
    if style == "snake":
        return "_".join(w)
    if style == "camel":
        return w[0] + "".join(x[:1].upper() + x[1:] for x in w[1:])
    if style == "kebab":
        return "-".join(w)
    if style == "pascal":
        return "".join(x[:1].upper() + x[1:] for x in w)
    if style == "upper":
        return "_".join(w).upper()
    if style == "lower":
        return "".join(w)
    raise ValueError(style)


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return "%dth" % n
    return "%d%s" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def fmt_date(d, style):
    m, dd, y = d.month, d.day, d.year
    wd = WDAYS[d.weekday()]
    dst = 3 <= m <= 10
    if style == "iso":
        return d.isoformat()
    if style == "us":
        return "%02d/%02d/%d" % (m, dd, y)
    if style == "us_short":
        return "%d/%d/%d" % (m, dd, y)
    if style == "us_yy":
        return "%d/%d/%02d" % (m, dd, y % 100)
    if style == "us_dash":
        return "%02d-%02d-%d" % (m, dd, y)
    if style == "long":
        return "%s %d, %d" % (MONTHS[m - 1], dd, y)
    if style == "abbr":
        return "%s %d, %d" % (MABBR[m - 1], dd, y)
    if style == "abbr_nocomma":
        return "%s %d %d" % (MABBR[m - 1], dd, y)
    if style == "dmy_long":
        return "%d %s %d" % (dd, MONTHS[m - 1], y)
    if style == "dmy_abbr":
        return "%02d %s %d" % (dd, MABBR[m - 1], y)
    if style == "oracle":
        return "%02d-%s-%d" % (dd, MABBR[m - 1].upper(), y)
    if style == "ordinal":
        return "%s %s, %d" % (MONTHS[m - 1], ordinal(dd), y)
    if style == "weekday":
        return "%s, %s %d, %d" % (wd, MONTHS[m - 1], dd, y)
    if style == "hl7":
        return "%04d%02d%02d" % (y, m, dd)
    if style == "py":
        return "datetime.date(%d, %d, %d)" % (y, m, dd)
    if style == "js":
        return "%s %s %02d %d 00:00:00 GMT%s (%s)" % (
            wd[:3], MABBR[m - 1], dd, y, "-0500" if dst else "-0600",
            "Central Daylight Time" if dst else "Central Standard Time")
    if style == "dotnet":
        return "%d/%d/%d 12:00:00 AM" % (m, dd, y)
    if style == "java":
        return "%s %s %02d 00:00:00 %s %d" % (wd[:3], MABBR[m - 1], dd, "EDT" if dst else "EST", y)
    if style == "ruby":
        return "#<Date: %s ((%dj,0s,0n),+0s,2299161j)>" % (d.isoformat(), d.toordinal() + 1721425)
    if style == "eu":
        return "%02d.%02d.%d" % (dd, m, y)
    if style == "dmy_slash":
        return "%02d/%02d/%d" % (dd, m, y)
    if style == "iso_midnight":
        return "%sT00:00:00.000Z" % d.isoformat()
    if style == "php_dt":
        return "%s 00:00:00.000000" % d.isoformat()
    if style == "md_abbr":
        return "%s %d" % (MABBR[m - 1], dd)
    if style == "md_long":
        return "%s %d" % (MONTHS[m - 1], dd)
    if style == "md_ord":
        return "%s %s" % (MONTHS[m - 1], ordinal(dd))
    if style == "md_num":
        return "%d/%d" % (m, dd)
    if style == "md_num0":
        return "%02d/%02d" % (m, dd)
    if style == "wd_md":
        return "%s, %s %d" % (wd[:3], MABBR[m - 1], dd)
    if style == "wd_long_md":
        return "%s, %s %s" % (wd, MONTHS[m - 1], ordinal(dd))
    if style == "x12":
        return "%04d%02d%02d" % (y, m, dd)
    raise ValueError(style)


DOB_STYLES = ["iso", "us", "us_short", "us_yy", "us_dash", "long", "abbr", "dmy_long", "oracle",
              "ordinal", "hl7", "py", "eu", "dmy_abbr", "abbr_nocomma"]
APPT_STYLES = ["iso", "us", "us_short", "long", "abbr", "md_abbr", "md_long", "md_ord", "md_num",
               "md_num0", "wd_md", "weekday", "wd_long_md"]


def fmt_phone(n, style):
    a, e, l = n[:3], n[3:6], n[6:]
    return {
        "paren": "(%s) %s-%s" % (a, e, l),
        "paren_nosp": "(%s)%s-%s" % (a, e, l),
        "dash": "%s-%s-%s" % (a, e, l),
        "dot": "%s.%s.%s" % (a, e, l),
        "plain": n,
        "e164": "+1" + n,
        "intl_sp": "+1 %s %s %s" % (a, e, l),
        "one_dash": "1-%s-%s-%s" % (a, e, l),
        "space": "%s %s %s" % (a, e, l),
        "intl_paren": "+1 (%s) %s-%s" % (a, e, l),
        "intl_dash": "+1-%s-%s-%s" % (a, e, l),
        "one_plain": "1" + n,
        "intl_dot": "+1.%s.%s.%s" % (a, e, l),
    }[style]


PHONE_STYLES = ["paren", "paren_nosp", "dash", "dot", "plain", "e164", "intl_sp", "one_dash",
                "space", "intl_paren", "intl_dash", "intl_dot"]


# ---------------------------------------------------------------------------
# record builder
# ---------------------------------------------------------------------------
def forms(v):
    """The ways a raw value can appear once serialized (JSON, JSON-in-JSON, PHP)."""
    out = [v]
    for f in (json.dumps(v, ensure_ascii=False)[1:-1], json.dumps(v)[1:-1]):
        php = f.replace("/", "\\/")
        for x in (f, php):
            out.append(x)
            out.append(json.dumps(x, ensure_ascii=False)[1:-1])
            out.append(json.dumps(x)[1:-1])
    seen = []
    for x in out:
        if x not in seen:
            seen.append(x)
    return seen


class Rec:
    def __init__(self):
        self.phi = []
        self.keep = []

    def p(self, v, kind):
        v = str(v)
        assert kind in KINDS, kind
        self.phi.append((v, kind))
        return v

    def k(self, v, kind):
        v = str(v)
        if len(v) >= 2:  # single characters are not meaningful keep tokens
            self.keep.append((v, kind))
        return v

    def finalize(self, text):
        phi, seen = [], set()
        for v, kind in self.phi:
            found = [f for f in forms(v) if f in text]
            if not found:
                raise AssertionError("PHI value %r (%s) not in text" % (v, kind))
            if len(found) > 1:  # drop a form that only occurs inside a longer found form
                keep_f = []
                for f in found:
                    t2 = text
                    for o in sorted(found, key=len, reverse=True):
                        if o != f and f in o:
                            t2 = t2.replace(o, "\x00")
                    if f in t2:
                        keep_f.append(f)
                found = keep_f
            for f in found:
                if (f, kind) not in seen:
                    seen.add((f, kind))
                    phi.append({"value": f, "kind": kind})
        keep, kinds, kseen = [], [], set()
        for v, kind in self.keep:
            for f in forms(v):
                if f in text:
                    if f not in kseen:
                        kseen.add(f)
                        keep.append(f)
                        kinds.append(kind)
                    break
        return phi, keep, kinds


class Gen:
    def __init__(self, rng):
        self.r = rng

    # basics
    def choice(self, seq):
        return self.r.choice(seq)

    def randint(self, a, b):
        return self.r.randint(a, b)

    def chance(self, p):
        return self.r.random() < p

    def sample(self, seq, n):
        return self.r.sample(seq, n)

    def digits(self, n, first_nonzero=False):
        s = "".join(self.choice("0123456789") for _ in range(n))
        if first_nonzero and s[0] == "0":
            s = self.choice("123456789") + s[1:]
        return s

    def hexs(self, n, upper=False):
        h = "".join(self.choice("0123456789abcdef") for _ in range(n))
        return h.upper() if upper else h

    def alnum(self, n, chars="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"):
        return "".join(self.choice(chars) for _ in range(n))

    def keystyle(self):
        return self.choice(["snake", "camel", "kebab", "pascal", "upper", "snake", "camel"])

    # keep-type look-alikes
    def uuid(self):
        h = self.hexs(32)
        h = h[:12] + "4" + h[13:16] + self.choice("89ab") + h[17:]
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def event_id(self):
        return self.hexs(32)

    def trace_id(self):
        return self.hexs(32)

    def span_id(self):
        return self.hexs(16)

    def ulid(self):
        return "01J" + self.alnum(23, "0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    def req_id(self):
        return self.choice([lambda: "req_" + self.alnum(24, "abcdefghijklmnopqrstuvwxyz0123456789"),
                            lambda: self.uuid(),
                            lambda: "Root=1-%s-%s" % (self.hexs(8), self.hexs(24)),
                            lambda: self.ulid()])()

    def event_dt(self):
        base = dt.datetime(2024, 6, 3, 0, 0, 0)
        return base + dt.timedelta(seconds=self.randint(0, 330 * 86400),
                                   microseconds=self.randint(0, 999) * 1000)

    def ts(self, style=None, when=None):
        t = when or self.event_dt()
        style = style or self.choice(["z", "z", "offset", "micro", "space", "log"])
        if style == "z":
            return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)
        if style == "offset":
            return t.strftime("%Y-%m-%dT%H:%M:%S") + self.choice(["-05:00", "-04:00", "+00:00", "-07:00"])
        if style == "micro":
            return t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "+00:00"
        if style == "space":
            return t.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (t.microsecond // 1000)
        if style == "log":
            return t.strftime("%d/%b/%Y:%H:%M:%S -0500")
        if style == "sec":
            return t.strftime("%Y-%m-%dT%H:%M:%SZ")
        raise ValueError(style)

    def epoch(self):
        return "%d.%03d" % (1717372800 + self.randint(0, 330 * 86400), self.randint(0, 999))

    def infra_ip(self):
        return self.choice([
            lambda: "10.%d.%d.%d" % (self.randint(0, 40), self.randint(0, 255), self.randint(2, 250)),
            lambda: "172.%d.%d.%d" % (self.randint(16, 31), self.randint(0, 255), self.randint(2, 250)),
            lambda: "127.0.0.1"])()

    def pub_ip(self):
        while True:
            a = self.choice([24, 50, 66, 67, 68, 69, 70, 71, 73, 75, 76, 96, 97, 98, 99, 107,
                             108, 162, 166, 172, 173, 174, 184, 198, 204, 208, 209, 216])
            b = self.randint(0, 255)
            if a == 172 and 16 <= b <= 31:
                continue
            return "%d.%d.%d.%d" % (a, b, self.randint(0, 255), self.randint(1, 254))

    def pub_ipv6(self):
        pre = self.choice(["2601:%x" % self.randint(0x100, 0xfff), "2600:1700",
                           "2603:%x" % self.randint(0x6000, 0x90ff), "2607:fb90",
                           "2a02:%x" % self.randint(0x1000, 0x9fff)])
        return pre + ":" + ":".join("%x" % self.randint(0x10, 0xffff) for _ in range(5))

    def version(self):
        return "%d.%d.%d" % (self.randint(1, 9), self.randint(0, 30), self.randint(0, 20))

    def release(self, svc=None):
        svc = svc or self.choice(SERVICES)
        return self.choice([
            lambda: "%s@%d.%02d.%d" % (svc, self.choice([2024, 2025]), self.randint(1, 12), self.randint(1, 9)),
            lambda: "%s@%s+%s" % (svc, self.version(), self.hexs(7)),
            lambda: "%s@%s" % (svc, self.hexs(12))])()

    def dbid(self, lo=1000, hi=9999999):
        return str(self.randint(lo, hi))

    def host(self, svc=None):
        svc = svc or self.choice(SERVICES)
        return "%s-%s-%s" % (svc, self.hexs(10), self.alnum(5, "bcdfghjklmnpqrstvwxz2456789"))

    def practice(self):
        return self.choice(PRACTICES)

    def payer(self):
        return self.choice(PAYERS)

    def icd(self):
        return self.choice(ICD)

    def cpt(self):
        return self.choice(CPT)

    def ms(self):
        return "%dms" % self.randint(12, 29999)

    # ---- PHI generators ----
    def phone_digits(self, area=None):
        area = area or self.choice(["614", "312", "503", "720", "919", "404", "617", "215", "412", "651"])
        ex = str(self.randint(2, 9)) + self.digits(2)
        while ex[1:] == "11":
            ex = str(self.randint(2, 9)) + self.digits(2)
        if self.chance(0.15):
            ex, line = "555", "01" + self.digits(2)
        else:
            line = self.digits(4)
        return area + ex + line

    def ssn(self):
        while True:
            a = "%03d" % self.randint(1, 899)
            if a == "666":
                continue
            g = "%02d" % self.randint(1, 99)
            s = "%04d" % self.randint(1, 9999)
            if a + g + s in ("078051120", "219099999", "123456789"):
                continue
            return a, g, s

    def npi(self):
        base = self.choice("12") + self.digits(8)
        return base + luhn_digit("80840" + base)

    def dea(self, last):
        init = ascii_fold(last).replace("'", "").split()[-1][0].upper()
        d = [self.randint(0, 9) for _ in range(6)]
        c = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
        return self.choice("ABFGM") + init + "".join(map(str, d)) + str(c)

    def vin(self):
        while True:
            body = self.choice(WMIS) + self.alnum(5, VIN_CHARS) + "0" + self.choice(VIN_YEARS) + \
                self.alnum(1, "ABCDEFGHJKLMNPRSTUVWXYZ123456789") + self.digits(6)
            v = body[:8] + vin_check_char(body) + body[9:]
            if vin_ok(v):
                return v

    def imei(self):
        base = self.choice(TACS) + self.digits(6)
        return base + luhn_digit(base)

    def card(self):
        brand, pre, n = self.choice(CARDS)
        base = pre + self.digits(n - len(pre) - 1)
        return brand, base + luhn_digit(base)

    def plate(self):
        return self.choice([lambda: str(self.randint(1, 9)) + self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ") + self.digits(3),
                            lambda: self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ") + "-" + self.digits(4),
                            lambda: self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ") + " " + self.digits(3),
                            lambda: self.digits(3) + " " + self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ"),
                            lambda: self.alnum(2, "ABCDEFGHJKLMNPRSTUVWXYZ") + self.digits(2) + self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ")])()

    def mrn(self):
        return self.choice([lambda: self.digits(8, True), lambda: "MRN" + self.digits(7, True),
                            lambda: "MR-" + self.digits(6, True), lambda: "A" + self.digits(8),
                            lambda: self.digits(3, True) + "-" + self.digits(3) + "-" + self.digits(3),
                            lambda: "TS" + self.digits(7, True), lambda: "CH-%d-%s" % (self.randint(2015, 2024), self.digits(5))])()

    def member_id(self):
        return self.choice([lambda: self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ") + self.digits(9, True),
                            lambda: "W" + self.digits(10, True), lambda: self.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ") + self.digits(8) + "01",
                            lambda: "U" + self.digits(8, True) + self.choice(["01", "02", "03"]),
                            lambda: self.digits(9, True) + "00", lambda: "H" + self.digits(10, True)])()

    def mbi(self):
        L = "ACDEFGHJKMNPQRTUVWXY"
        N = "0123456789"
        A = L + N
        s = self.choice("123456789") + self.choice(L) + self.choice(A) + self.choice(N) + \
            self.choice(L) + self.choice(A) + self.choice(N) + self.choice(L) + self.choice(L) + \
            self.choice(N) + self.choice(N)
        return s

    def group_no(self):
        return self.choice([lambda: self.digits(6, True), lambda: "GRP-" + self.digits(5, True),
                            lambda: self.digits(6, True) + "-" + self.digits(3),
                            lambda: self.alnum(2, "ABCDEFGHJKLMNPRSTUVWXYZ") + self.digits(5, True)])()

    def acct(self):
        return self.choice([lambda: "PA-" + self.digits(7, True), lambda: self.digits(4, True) + "-" + self.digits(4) + "-" + self.digits(2),
                            lambda: "G" + self.digits(6, True), lambda: "ACCT" + self.digits(8, True),
                            lambda: self.digits(10, True)])()

    def state_license(self, st, cred):
        return self.choice([lambda: "%s.%s" % (self.choice(["LPC", "LPCC", "LSW", "MFT"]), self.digits(7, True)),
                            lambda: "PSY %s" % self.digits(5, True), lambda: "%s%s" % (cred.replace("-BC", ""), self.digits(6, True)),
                            lambda: "%s-%s" % (st, self.digits(6, True)), lambda: "%s.%s" % (self.digits(2, True), self.digits(6, True)),
                            lambda: "LCSW-C %s" % self.digits(5, True), lambda: "MD%s" % self.digits(6, True)])()

    def dl(self, st):
        return self.choice([lambda: self.alnum(1, "ABCDEFGHJKLMNPRSTWY") + self.digits(3) + "-" + self.digits(4) + "-" + self.digits(4),
                            lambda: self.alnum(2, "ABCDEFGHJKLMNPRSTWY") + self.digits(6),
                            lambda: self.digits(9, True), lambda: self.alnum(1, "ABCDEFGHJKLMNPRSTWY") + self.digits(8),
                            lambda: self.digits(3, True) + "-" + self.digits(3) + "-" + self.digits(3)])()

    def rx(self):
        return self.choice([lambda: self.digits(7, True), lambda: "RX" + self.digits(8, True),
                            lambda: self.digits(2, True) + "-" + self.digits(6)])()

    def serial(self):
        return self.choice([lambda: self.alnum(12, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"),
                            lambda: "FB" + self.digits(4) + "-" + self.alnum(6),
                            lambda: "SN" + self.digits(9, True),
                            lambda: self.alnum(4) + "-" + self.alnum(4) + "-" + self.alnum(4),
                            lambda: "R" + self.digits(2) + self.alnum(1, "ABCDEFGHJKLMN") + self.digits(6)])()


class Person:
    pass


def person(g, min_age=19, max_age=78, age=None, minor=False):
    p = Person()
    p.first = g.choice(FIRST)
    p.last = g.choice(LAST)
    while p.last.split()[-1].split("-")[0].lower() == p.first.lower():
        p.last = g.choice(LAST)
    p.mi = g.choice("ABCDEFGHJKLMNPRSTW")
    if minor:
        age = g.randint(8, 16)
    if age is None:
        age = g.randint(min_age, max_age)
    p.age = age
    p.dob = dt.date(2024, 11, 18) - dt.timedelta(days=age * 365 + age // 4 + g.randint(1, 360))
    p.age = (dt.date(2024, 11, 18) - p.dob).days // 365
    p.full = "%s %s" % (p.first, p.last)
    p.city, p.state, zp, areas = g.choice(CITIES)
    p.zip = zp + g.digits(2)
    p.zip4 = g.digits(4, True)
    num = g.randint(3, 9899)
    sname = g.choice(STREETS)
    stype = g.choice(STYPES)
    p.street_num = str(num)
    p.street_long = "%d %s %s" % (num, sname, stype[0])
    p.street_short = "%d %s %s" % (num, sname, stype[1])
    p.unit = g.choice(["", "", "", "Apt %d%s" % (g.randint(1, 9), g.choice("ABCD")), "Unit %d" % g.randint(1, 40),
                       "#%d" % g.randint(100, 420), "Apt. %d" % g.randint(1, 30)])
    pre = g.choice(["", "", "", "", "N ", "S ", "E ", "W "])
    if pre:
        p.street_short = "%d %s%s %s" % (num, pre, sname, stype[1])
    p.street = g.choice([p.street_long, p.street_short])
    if g.chance(0.07):
        p.street = p.street_long = p.street_short = g.choice(["PO Box %d", "P.O. Box %d", "RR 2 Box %d"]) % g.randint(12, 4999)
        p.unit = ""
    p.street_full = p.street + (((", " if g.chance(0.5) else " ") + p.unit) if p.unit else "")
    p.area = g.choice(areas)
    p.phone = g.phone_digits(p.area)
    p.phone2 = g.phone_digits(p.area)
    f = ascii_fold(p.first).lower().replace("-", "")
    l = ascii_fold(p.last).lower().replace("'", "").replace(" ", "").replace(".", "")
    yy = "%02d" % (p.dob.year % 100)
    local = g.choice([f + "." + l, f + l + yy, f[0] + l, l + "." + f, f + "_" + l, f + l[0] + str(g.randint(1, 99)),
                      f + "." + l + str(p.dob.year), l + f[0] + yy])
    p.email = local + "@" + g.choice(MAIL_DOMAINS)
    p.username = g.choice([f[0] + l + yy, f + "." + l, l + "_" + f[0], f + l[:1] + "_" + str(p.dob.year),
                           (f[:1].upper() + f[1:]) + l[:1].upper() + yy])
    p.ssn_parts = g.ssn()
    p.mrn = g.mrn()
    p.member = g.member_id()
    p.group = g.group_no()
    p.acct = g.acct()
    p.sex = g.choice(["F", "M", "F", "M", "X"])
    p.ip = g.pub_ip() if g.chance(0.8) else g.pub_ipv6()
    return p


def ssn_fmt(p, style="dash"):
    a, g_, s = p.ssn_parts
    return {"dash": "%s-%s-%s" % (a, g_, s), "plain": a + g_ + s, "space": "%s %s %s" % (a, g_, s)}[style]


def clinician(g, prescriber=False):
    c = person(g, 30, 70)
    c.cred = g.choice(PRESCRIBER_CREDS if prescriber else CREDS)
    c.npi = g.npi()
    c.dea = g.dea(c.last)
    c.lic = g.state_license(c.state, c.cred)
    slug, pname, dom = g.practice()
    c.practice, c.practice_slug, c.domain = pname, slug, dom
    f = ascii_fold(c.first).lower().replace("-", "")
    l = ascii_fold(c.last).lower().replace("'", "").replace(" ", "").replace(".", "")
    c.email = g.choice([f[0] + l, f + "." + l, "dr." + l, f + l[0]]) + "@" + dom
    c.fax = g.phone_digits(c.area)
    c.display = g.choice(["Dr. %s" % c.last, c.full, "%s. %s" % (c.first[0], c.last),
                          "Dr. %s %s" % (c.first, c.last)])
    return c


def name_form(p, style):
    """A name as it might appear; returns the exact string."""
    return {
        "full": p.full,
        "last_first": "%s, %s" % (p.last, p.first),
        "upper_last_first": "%s, %s" % (p.last.upper(), p.first.upper()),
        "lower": p.full.lower(),
        "upper": p.full.upper(),
        "mi": "%s %s. %s" % (p.first, p.mi, p.last),
        "last_first_mi": "%s, %s %s" % (p.last, p.first, p.mi),
        "init_last": "%s. %s" % (p.first[0], p.last),
        "first_init": "%s %s." % (p.first, p.last[0].upper() if p.last[0].isalpha() else p.last.split()[-1][0]),
    }[style]


NAME_STYLES = ["full", "full", "last_first", "upper_last_first", "lower", "upper", "mi",
               "last_first_mi", "full"]

# ---------------------------------------------------------------------------
# serialization helpers
# ---------------------------------------------------------------------------


def jdump(g, obj, pretty=None, ascii_=None):
    if pretty is None:
        pretty = g.chance(0.35)
    if ascii_ is None:
        ascii_ = g.chance(0.4)
    if pretty:
        return json.dumps(obj, indent=2, ensure_ascii=ascii_)
    return json.dumps(obj, ensure_ascii=ascii_, separators=g.choice([(",", ":"), (", ", ": ")]))


def pyrepr(obj):
    return repr(obj)


def ruby_inspect(obj, new_style=False):
    if isinstance(obj, dict):
        parts = []
        for k, v in obj.items():
            if isinstance(k, str):
                parts.append(("%s: %s" % (k, ruby_inspect(v, new_style))) if new_style
                             else (":%s=>%s" % (k, ruby_inspect(v, new_style))))
            else:
                parts.append("%s=>%s" % (ruby_inspect(k, new_style), ruby_inspect(v, new_style)))
        return "{" + ", ".join(parts) + "}"
    if isinstance(obj, list):
        return "[" + ", ".join(ruby_inspect(v, new_style) for v in obj) + "]"
    if obj is None:
        return "nil"
    if isinstance(obj, bool):
        return "true" if obj else "false"
    if isinstance(obj, RawStr):
        return str(obj)
    if isinstance(obj, str):
        return json.dumps(obj, ensure_ascii=False)
    return str(obj)


class RawStr(str):
    pass


def php_print_r(obj, indent=0):
    pad = " " * indent
    if isinstance(obj, dict):
        s = "Array\n" + pad + "(\n"
        for k, v in obj.items():
            s += pad + "    [%s] => %s\n" % (k, php_print_r(v, indent + 8).rstrip("\n") if isinstance(v, dict) else php_print_r(v, indent + 8))
        return s + pad + ")\n"
    if obj is None:
        return ""
    return str(obj)


def js_inspect(obj, depth=0):
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = []
        for k, v in obj.items():
            key = k if re.fullmatch(r"[A-Za-z_$][\w$]*", k) else "'%s'" % k
            items.append("%s: %s" % (key, js_inspect(v, depth + 1)))
        return "{ " + ", ".join(items) + " }"
    if isinstance(obj, list):
        return "[ " + ", ".join(js_inspect(v, depth + 1) for v in obj) + " ]"
    if isinstance(obj, RawStr):
        return str(obj)
    if isinstance(obj, str):
        if "'" in obj and '"' not in obj:
            return '"' + obj + '"'
        return "'" + obj.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if obj is None:
        return "null"
    if isinstance(obj, bool):
        return "true" if obj else "false"
    return str(obj)


# ---------------------------------------------------------------------------
# template registry
# ---------------------------------------------------------------------------
TEMPLATES = []


def T(name, phi_free=False):
    def deco(fn):
        TEMPLATES.append((len(TEMPLATES) + 1, name, phi_free, fn))
        return fn
    return deco


def sentry_base(r, g, platform, svc=None, level="error", epoch=None):
    svc = svc or g.choice(SERVICES)
    ev = {}
    ev["event_id"] = r.k(g.event_id(), "event_id")
    if epoch is None:
        epoch = g.chance(0.3)
    ev["timestamp"] = r.k(g.epoch() if epoch else g.ts("z"), "timestamp")
    ev["platform"] = platform
    ev["level"] = level
    ev["server_name"] = r.k(g.host(svc), "host")
    ev["release"] = r.k(g.release(svc), "release")
    ev["environment"] = g.choice(["production", "production", "prod-us-east-2"])
    return ev, svc


def trace_ctx(r, g, op="http.server"):
    return {"trace_id": r.k(g.trace_id(), "trace_id"), "span_id": g.span_id(), "op": op,
            "status": "internal_error"}


UA = ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",
      "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36",
      "TesseraPortal/5.18.0 (iOS 17.5; iPhone15,3)", "okhttp/4.12.0"]


def slack_wrap(g, r, title, body, svc=None):
    """A Slack-formatted relay message around a body."""
    svc = svc or g.choice(SERVICES)
    env = g.choice(["production", "prod", "production-us"])
    link = "https://sentry.io/organizations/tessera/issues/%s/" % r.k(g.dbid(4000000000, 4999999999), "db_id")
    head = g.choice([":rotating_light: *[%s] %s* in `%s`" % (env, title, svc),
                     "*%s* — %s (%s)" % (title, svc, env),
                     "[%s][%s] %s" % (env.upper(), svc, title)])
    return "%s\n%s\n<%s|View in Sentry>" % (head, body, link)


# ===========================================================================
# A. Sentry event payloads
# ===========================================================================
@T("sentry-py-intake-dob-parse")
def _(r, g):
    p = person(g)
    ks = g.keystyle()
    K = lambda w: conv(w, ks)
    ev, svc = sentry_base(r, g, "python", "tessera-intake")
    slug = g.practice()[0]
    bad = r.p(fmt_date(p.dob, g.choice(["dmy_slash", "eu", "us_dash", "abbr_nocomma", "dmy_abbr"])), "DATE")
    first, last = r.p(p.first, "NAME"), r.p(p.last, "NAME")
    phone = r.p(fmt_phone(p.phone, g.choice(PHONE_STYLES)), "PHONE")
    email = r.p(p.email, "EMAIL")
    ev["logger"] = "django.request"
    ev["exception"] = {"values": [{
        "type": r.k("ValidationError", "exception"), "module": r.k("django.core.exceptions", "module"),
        "value": "{'%s': ['Enter a valid date. Got %r']}" % (K("date of birth"), bad),
        "stacktrace": {"frames": [
            {"filename": "django/forms/forms.py", "function": "full_clean", "lineno": 396, "in_app": False},
            {"filename": "tessera/intake/forms.py", "module": r.k("tessera.intake.forms", "module"),
             "function": "clean_dob", "lineno": g.randint(40, 200), "in_app": True,
             "vars": {"self": "<AdultIntakeForm bound=True, valid=Unknown, fields=(%s)>" % ";".join(K(x) for x in ["first name", "last name", "date of birth", "phone", "email"]),
                      "raw": repr(bad),
                      "cleaned": {K("first name"): repr(first), K("last name"): repr(last), K("phone"): repr(phone), K("email"): repr(email)}}}]}}]}
    ev["request"] = {"url": "https://intake.tesserahealth.io/%s/new-client/" % slug, "method": "POST",
                     "data": {K("first name"): first, K("last name"): last, K("date of birth"): bad, K("phone"): phone,
                              K("email"): email, K("referral source"): g.choice(["Psychology Today", "PCP referral", "Google", "EAP"])},
                     "headers": {"User-Agent": g.choice(UA), "X-Request-Id": r.k(g.uuid(), "request_id")}}
    ev["tags"] = {"tenant": slug, "form": "adult-intake-v3", "transaction": "/<tenant>/new-client/"}
    ev["contexts"] = {"trace": trace_ctx(r, g)}
    return jdump(g, ev)


@T("sentry-node-coverage-typeerror")
def _(r, g):
    p = person(g)
    ev, svc = sentry_base(r, g, "node", "tessera-billing")
    mem = r.p(p.member, "HEALTH_PLAN")
    mrn = r.p(p.mrn, "MRN")
    dob = r.p(p.dob.isoformat(), "DATE")
    pid = r.k(g.dbid(10000, 999999), "db_id")
    nm = r.p(p.full, "NAME")
    url = r.p("https://eligibility.clearpath-x12.com/v1/coverages?memberId=%s&dob=%s" % (mem, dob), "URL")
    xff_pub = r.p(p.ip, "IP")
    xff_inf = r.k(g.infra_ip(), "ip_infra")
    payer = r.k(g.payer(), "payer")
    ev["exception"] = {"values": [{"type": r.k("TypeError", "exception"),
                                   "value": "Cannot read properties of undefined (reading 'subscriberId')",
                                   "mechanism": {"type": "onunhandledrejection", "handled": False},
                                   "stacktrace": {"frames": [
                                       {"filename": "/app/dist/billing/eligibility.js", "function": "normalizeCoverage",
                                        "lineno": g.randint(20, 400), "colno": g.randint(2, 60), "in_app": True,
                                        "vars": {"patient": {"id": int(pid), "mrn": mrn, "displayName": nm},
                                                 "memberId": mem, "payerName": payer, "resp": "[Object]"}}]}}]}
    ev["breadcrumbs"] = {"values": [
        {"timestamp": r.k(g.epoch(), "timestamp"), "category": "http", "type": "http",
         "data": {"method": "GET", "url": url, "status_code": int(r.k("200", "status"))}},
        {"timestamp": g.epoch(), "category": "console", "level": "warning",
         "message": "coverage list empty for payer %s" % payer}]}
    ev["request"] = {"method": "POST", "url": "https://api.tesserahealth.io/v2/patients/%s/eligibility-check" % pid,
                     "headers": {"x-forwarded-for": "%s, %s" % (xff_pub, xff_inf), "user-agent": g.choice(UA)}}
    ev["contexts"] = {"runtime": {"name": "node", "version": r.k("v%d.%d.%d" % (g.choice([18, 20, 22]), g.randint(0, 18), g.randint(0, 9)), "version")},
                      "trace": trace_ctx(r, g)}
    return jdump(g, ev)


@T("sentry-rails-record-invalid")
def _(r, g):
    p = person(g)
    staff = clinician(g)
    ev, svc = sentry_base(r, g, "ruby", "tessera-api")
    ssn = r.p(ssn_fmt(p, g.choice(["dash", "plain"])), "SSN")
    em = r.p(p.email, "EMAIL")
    first, last = r.p(p.first, "NAME"), r.p(p.last, "NAME")
    params = {"patient": {"first_name": first, "last_name": last, "ssn": ssn, "email": em,
                          "sex_assigned_at_birth": p.sex, "payer_id": r.k(g.dbid(1, 400), "db_id")}}
    ev["exception"] = {"values": [{"type": r.k("ActiveRecord::RecordInvalid", "exception"),
                                   "value": "Validation failed: Ssn has already been taken, Email has already been taken",
                                   "module": "ActiveRecord",
                                   "stacktrace": {"frames": [
                                       {"filename": "app/controllers/api/v1/patients_controller.rb", "function": "create",
                                        "lineno": g.randint(20, 120), "in_app": True},
                                       {"filename": "activerecord (7.1.3) lib/active_record/validations.rb", "function": "save!",
                                        "lineno": 52, "in_app": False}]}}]}
    ev["request"] = {"url": "https://api.tesserahealth.io/api/v1/patients", "method": "POST",
                     "data": ruby_inspect(params) if g.chance(0.5) else params,
                     "env": {"REMOTE_ADDR": r.k(g.infra_ip(), "ip_infra"), "SERVER_PORT": r.k("3000", "port")}}
    ev["user"] = {"id": r.k(g.dbid(100, 9999), "db_id"), "email": r.p(staff.email, "EMAIL"),
                  "ip_address": r.p(staff.ip, "IP")}
    ev["tags"] = {"controller": "Api::V1::PatientsController#create", "request_id": r.k(g.uuid(), "request_id")}
    return jdump(g, ev)


@T("sentry-php-laravel-query-exception")
def _(r, g):
    p = person(g)
    ev, svc = sentry_base(r, g, "php", "tessera-portal")
    dob = r.p(fmt_date(p.dob, g.choice(["us", "us_short"])), "DATE")
    mrn = r.p(p.mrn, "MRN")
    url = r.p("https://portal.tesserahealth.io/patients/%s/demographics" % mrn, "URL")
    street = r.p(p.street_full, "ADDRESS")
    city = r.p(p.city, "CITY")
    z = r.p(p.zip, "ZIP")
    nm = r.p(p.full, "NAME")
    exc = r.k("Illuminate\\Database\\QueryException", "exception")
    sqlstate = r.k("SQLSTATE[22007]", "error_code")
    ev["exception"] = {"values": [{"type": exc,
                                   "value": "%s: Invalid datetime format: 1292 Incorrect date value: '%s' for column 'date_of_birth' at row 1 (SQL: update `patients` set `date_of_birth` = %s, `address_line1` = %s, `city` = %s, `postal_code` = %s where `id` = %s)"
                                   % (sqlstate, dob, dob, street, city, z, r.k(g.dbid(1000, 99999), "db_id")),
                                   "stacktrace": {"frames": [
                                       {"filename": "/var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connection.php",
                                        "function": "runQueryCallback", "lineno": 801},
                                       {"filename": "/var/www/html/app/Http/Controllers/DemographicsController.php",
                                        "function": "update", "lineno": g.randint(30, 200), "in_app": True,
                                        "vars": {"$request": "Illuminate\\Http\\Request", "$patientName": nm}}]}}]}
    ev["request"] = {"url": url, "method": "PUT", "headers": {"Referer": url, "X-Forwarded-Proto": "https"}}
    ev["tags"] = {"php.version": r.k("8.2.%d" % g.randint(10, 20), "version"), "column": r.k("date_of_birth", "column")}
    return json.dumps(ev).replace("/", "\\/")


@T("sentry-logentry-reminder-params")
def _(r, g):
    p = person(g)
    ev, svc = sentry_base(r, g, "python", "tessera-notify")
    ph = r.p(fmt_phone(p.phone, g.choice(["e164", "e164", "paren", "dash"])), "PHONE")
    ad = p.dob  # placeholder
    appt = dt.date(2025, g.randint(1, 6), g.randint(1, 28))
    ds = r.p(fmt_date(appt, g.choice(["md_abbr", "wd_md", "us", "long", "iso"])), "DATE")
    code = r.k(g.choice(["30003", "30005", "30006", "21211", "21614"]), "error_code")
    first = r.p(p.first, "NAME")
    msg = "Reminder SMS to %s (client %s) for appointment on %s failed: Twilio error %s"
    ev["logger"] = r.k("tessera.notify.sms", "module")
    ev["logentry"] = {"message": msg.replace("%s", "%s"), "params": [ph, first, ds, code]}
    if g.chance(0.5):
        ev["logentry"]["formatted"] = msg % (ph, first, ds, code)
    ev["extra"] = {"appointment_id": int(r.k(g.dbid(100000, 999999), "db_id")), "attempt": g.randint(1, 5),
                   "sms_template": r.k("appt_reminder_24h_v4", "flag")}
    ev["tags"] = {"queue": r.k("notify-sms", "queue"), "twilio.code": code}
    return jdump(g, ev)


@T("sentry-browser-breadcrumbs-chart-nav")
def _(r, g):
    p = person(g)
    staff = clinician(g)
    ev, svc = sentry_base(r, g, "javascript", "tessera-portal")
    mrn = r.p(p.mrn, "MRN")
    note = g.dbid(100000, 9999999)
    p1 = r.p("/clients/by-chart/%s/overview" % mrn, "URL")
    p2 = r.p("/clients/by-chart/%s/notes/%s/edit" % (mrn, note), "URL")
    api = r.p("https://app.tesserahealth.io/api/charts/%s/notes/%s" % (mrn, note), "URL")
    first = r.p(p.first, "NAME")
    status = r.k(g.choice(["500", "502", "409"]), "status")
    ev["exception"] = {"values": [{"type": r.k("AxiosError", "exception"),
                                   "value": "Request failed with status code %s" % status}]}
    ev["breadcrumbs"] = [
        {"category": "navigation", "data": {"from": p1, "to": p2}, "timestamp": r.k(g.epoch(), "timestamp")},
        {"category": "ui.click", "message": "button#save-progress-note[data-testid=\"save-note\"]"},
        {"category": "console", "level": "log", "message": "autosave: draft for %s's progress note (%d chars)" % (first, g.randint(200, 4000))},
        {"category": "xhr", "data": {"method": "PUT", "url": api, "status_code": int(status)}}]
    ev["user"] = {"id": "staff_%s" % g.dbid(100, 9999), "email": r.p(staff.email, "EMAIL"),
                  "ip_address": r.p(staff.ip, "IP"), "segment": "clinician"}
    ev["request"] = {"url": "https://app.tesserahealth.io" + p2, "headers": {"User-Agent": g.choice(UA)}}
    ev["sdk"] = {"name": "sentry.javascript.react", "version": r.k("7.%d.0" % g.randint(80, 119), "version")}
    return jdump(g, ev)


@T("sentry-query-string-lookup")
def _(r, g):
    p = person(g)
    ev, svc = sentry_base(r, g, "python", "tessera-portal")
    em = p.email
    dob = fmt_date(p.dob, g.choice(["us", "iso"]))
    last = p.last
    if g.chance(0.5):
        qs = "email=%s&dob=%s&last_name=%s" % (urllib.parse.quote(em, safe=""), urllib.parse.quote(dob, safe=""),
                                               urllib.parse.quote_plus(last))
        r.p(urllib.parse.quote(em, safe=""), "EMAIL")
        r.p(urllib.parse.quote(dob, safe=""), "DATE")
        r.p(urllib.parse.quote_plus(last), "NAME")
        ev["request"] = {"url": "https://portal.tesserahealth.io/api/v1/patient-lookup", "method": "GET", "query_string": qs}
    else:
        r.p(em, "EMAIL"), r.p(dob, "DATE"), r.p(last, "NAME")
        ev["request"] = {"url": "https://portal.tesserahealth.io/api/v1/patient-lookup", "method": "GET",
                         "query_string": [["email", em], ["dob", dob], ["last_name", last]]}
    ev["exception"] = {"values": [{"type": r.k("MultipleObjectsReturned", "exception"),
                                   "module": r.k("tessera.portal.lookup", "module"),
                                   "value": "get() returned more than one Patient -- it returned %d!" % g.randint(2, 3)}]}
    ev["request"]["env"] = {"SERVER_NAME": "portal.tesserahealth.io", "SERVER_PORT": r.k("8443", "port")}
    ev["contexts"] = {"trace": trace_ctx(r, g), "runtime": {"name": "CPython", "version": r.k("3.11.%d" % g.randint(4, 9), "version")}}
    return jdump(g, ev)


@T("sentry-permission-denied-cookies")
def _(r, g):
    p = person(g)
    ev, svc = sentry_base(r, g, "python", "tessera-portal")
    user = r.p(p.username, "OTHER_ID")
    mrn = r.p(p.mrn, "MRN")
    ref = r.p("https://portal.tesserahealth.io/records/%s/download?fmt=pdf" % mrn, "URL")
    hname = g.choice(["X-Patient-MRN", "x-chart-number", "X-Tessera-Chart"])
    ev["exception"] = {"values": [{"type": r.k("PermissionDenied", "exception"),
                                   "module": r.k("django.core.exceptions", "module"),
                                   "value": "portal user %s may not access record %s" % (user, mrn)}]}
    ev["request"] = {"url": "https://portal.tesserahealth.io/records/download", "method": "GET",
                     "cookies": {"portal_user": user, "sessionid": r.k(g.hexs(32), "hash"), "csrftoken": g.hexs(32)},
                     "headers": {hname: mrn, "Referer": ref, "X-Real-Ip": r.p(p.ip, "IP")}}
    ev["tags"] = {"http.status_code": r.k("403", "status"), "url": "/records/download"}
    return jdump(g, ev)


def hl7_pid(r, g, p):
    nm = r.p("%s^%s^%s" % (ascii_fold(p.last).upper(), ascii_fold(p.first).upper(), p.mi), "NAME")
    dob = r.p(fmt_date(p.dob, "hl7"), "DATE")
    street = r.p(ascii_fold(p.street).upper(), "ADDRESS")
    unit = r.p(p.unit.upper(), "ADDRESS") if p.unit else ""
    city = r.p(p.city.upper(), "CITY")
    z = r.p(p.zip, "ZIP")
    ph = r.p("%s^%s" % (p.phone[:3], p.phone[3:]), "PHONE")
    mrn = r.p(p.mrn, "MRN")
    ssn = r.p(ssn_fmt(p, "plain"), "SSN")
    acct = r.p(p.acct, "ACCOUNT")
    return "PID|1||%s^^^TESS^MR||%s||%s|%s|||%s^%s^%s^%s^%s^USA||^PRN^PH^^1^%s|||||%s|%s" % (
        mrn, nm, dob, p.sex if p.sex != "X" else "U", street, unit, city, p.state, z, ph, acct, ssn)


def hl7_pv1(r, g, c):
    npi = r.p(c.npi, "LICENSE")
    nm = r.p("%s^%s" % (ascii_fold(c.last).upper(), ascii_fold(c.first).upper()), "NAME")
    return "PV1|1|O|BH^^^CLINIC||||%s^%s^^^^^^NPI" % (npi, nm)


@T("sentry-extra-hl7-escaped")
def _(r, g):
    p = person(g)
    c = clinician(g)
    ev, svc = sentry_base(r, g, "python", "tessera-ehr-bridge")
    ctrl = r.k("MSG%s" % g.digits(8), "message_id")
    msh = "MSH|^~\\&|TESSERA|%s|EPIC|REGIONAL|%s||ADT^A08^ADT_A01|%s|P|2.5.1" % (
        g.practice()[0].upper()[:10], g.event_dt().strftime("%Y%m%d%H%M%S"), ctrl)
    pid = hl7_pid(r, g, p)
    pv1 = hl7_pv1(r, g, c)
    raw = "\r".join([msh, "EVN|A08|%s" % g.event_dt().strftime("%Y%m%d%H%M"), pid, pv1])
    ev["exception"] = {"values": [{"type": r.k("HL7ParseError", "exception"),
                                   "module": r.k("tessera.ehr.hl7.parser", "module"),
                                   "value": "PID-7: expected DTM, segment 3 field 11 component 2 overflow"}]}
    ev["extra"] = {"raw_message": raw, "message_control_id": ctrl, "interface": r.k("epic-adt-inbound", "service")}
    if g.chance(0.5):
        ev["extra"] = {"payload": json.dumps(ev["extra"])}
    return jdump(g, ev, ascii_=True)


@T("sentry-react-native-device")
def _(r, g):
    p = person(g)
    ev, svc = sentry_base(r, g, "javascript", "tessera-portal")
    first = r.p(p.first, "NAME")
    dev_name = "%s's %s" % (first, g.choice(["iPhone", "iPad", "Galaxy S23", "Pixel 8"]))
    imei = r.p(g.imei(), "DEVICE")
    ser = r.p(g.serial(), "DEVICE")
    ev["exception"] = {"values": [{"type": r.k("Error", "exception"),
                                   "value": "Keychain item not found (OSStatus -25300) while restoring session for %s" % r.p(p.username, "OTHER_ID")}]}
    ev["contexts"] = {"device": {"name": dev_name, "family": "iOS", "model": "iPhone15,3", "simulator": False,
                                 "memory_size": int(r.k(str(g.choice([6, 8]) * 1073741824), "count"))},
                      "os": {"name": "iOS", "version": r.k("17.%d.%d" % (g.randint(0, 6), g.randint(0, 3)), "version")},
                      "app": {"app_identifier": "io.tesserahealth.portal", "app_version": r.k(g.version(), "version")}}
    ks = g.keystyle()
    ev["extra"] = {conv("device imei", ks): imei, conv("mdm serial", ks): ser,
                   conv("push token", ks): r.k(g.hexs(64), "hash")}
    ev["user"] = {"id": r.k(g.uuid(), "uuid"), "email": r.p(p.email, "EMAIL")}
    return jdump(g, ev)


@T("sentry-py-frame-vars-date-reprs")
def _(r, g):
    p = person(g)
    cl = clinician(g)
    ev, svc = sentry_base(r, g, "python", "tessera-scheduler")
    appt = dt.date(2024, g.randint(6, 12), g.randint(1, 28))
    intake = appt + dt.timedelta(days=g.randint(2, 20))
    a1 = r.p(fmt_date(appt, "iso"), "DATE")
    a2 = r.p(fmt_date(intake, "iso"), "DATE")
    ap = r.p(fmt_date(appt, "py"), "DATE")
    ip = r.p(fmt_date(intake, "py"), "DATE")
    db = r.p(fmt_date(p.dob, "py"), "DATE")
    lf = r.p("%s, %s" % (p.last, p.first), "NAME")
    cln = r.p(cl.full, "NAME")
    aid = r.k(g.dbid(100000, 999999), "db_id")
    ev["exception"] = {"values": [{"type": r.k("ValueError", "exception"),
                                   "value": "appointment date %s is before intake date %s" % (a1, a2),
                                   "stacktrace": {"frames": [{
                                       "module": r.k("tessera.scheduling.rules", "module"), "function": "validate_first_visit",
                                       "lineno": g.randint(50, 300), "in_app": True,
                                       "vars": {"appt": "<Appointment id=%s client='%s' clinician='%s' date=%s>" % (aid, lf, cln, ap),
                                                "intake_date": ip, "client_dob": db,
                                                "cpt": "'%s'" % r.k(g.cpt(), "cpt"), "duration": r.k("%d" % g.choice([30, 45, 53, 60]), "duration")}}]}}]}
    ev["tags"] = {"celery.task": "scheduling.tasks.book_series"}
    return jdump(g, ev)


@T("sentry-node-date-object-strings")
def _(r, g):
    p = person(g)
    ev, svc = sentry_base(r, g, "node", "tessera-intake")
    dob = r.p(fmt_date(p.dob, "js"), "DATE")
    nm = r.p(name_form(p, g.choice(["full", "mi"])), "NAME")
    cons = dt.date(2024, g.randint(1, 12), g.randint(1, 28))
    cs = r.p(fmt_date(cons, "js"), "DATE")
    ev["exception"] = {"values": [{"type": r.k("RangeError", "exception"), "value": "Invalid time value",
                                   "stacktrace": {"frames": [
                                       {"filename": "node:internal/date", "function": "Date.toISOString", "in_app": False},
                                       {"filename": "/srv/app/src/intake/consent.ts", "function": "buildConsentPdf",
                                        "lineno": g.randint(10, 200), "in_app": True,
                                        "vars": {"client": js_inspect({"name": nm, "dob": RawStr(dob)}),
                                                 "consentSignedAt": "Invalid Date", "consentDate": cs,
                                                 "templateId": r.k("consent-telehealth-v7", "flag")}}]}}]}
    ev["contexts"] = {"runtime": {"name": "node", "version": r.k("v20.%d.0" % g.randint(5, 17), "version")}}
    return jdump(g, ev)


@T("sentry-ruby-hash-inspect-nomethod")
def _(r, g):
    p = person(g)
    ev, svc = sentry_base(r, g, "ruby", "tessera-api")
    dobr = r.p(fmt_date(p.dob, "ruby"), "DATE")
    nm = r.p(p.full, "NAME")
    ph = r.p(fmt_phone(p.phone, g.choice(["dash", "paren", "plain"])), "PHONE")
    mem = r.p(p.member, "HEALTH_PLAN")
    h = {"patient_name": nm, "dob": RawStr(dobr), "phone": ph, "member_id": mem, "payer_id": int(r.k(g.dbid(1, 500), "db_id"))}
    new = g.chance(0.5)
    val = "undefined method `strftime' for nil (NoMethodError)\n\n          appt.starts_on.strftime(\"%%m/%%d\")\n                        ^^^^^^^^^\nparams: %s" % ruby_inspect(h, new)
    ev["exception"] = {"values": [{"type": r.k("NoMethodError", "exception"), "value": val,
                                   "stacktrace": {"frames": [{"filename": "app/services/superbill_builder.rb", "function": "header_line",
                                                              "lineno": g.randint(10, 90), "in_app": True}]}}]}
    ev["contexts"] = {"runtime": {"name": "ruby", "version": r.k("ruby %s" % g.choice(["3.2.4", "3.3.1", "3.4.1"]), "version")}}
    return jdump(g, ev)


@T("sentry-py-age-in-vars")
def _(r, g):
    p = person(g, age=g.randint(90, 101))
    ev, svc = sentry_base(r, g, "python", "tessera-intake")
    age = r.p(str(p.age), "AGE_OVER_89")
    lf = r.p(name_form(p, g.choice(["last_first", "upper_last_first", "full"])), "NAME")
    dob = r.p(fmt_date(p.dob, g.choice(["iso", "us", "py"])), "DATE")
    ks = g.keystyle()
    ev["exception"] = {"values": [{"type": r.k("AssertionError", "exception"),
                                   "value": "screening battery 'geri-depression-15' requires caregiver contact when %s > 89" % conv("age years", ks),
                                   "stacktrace": {"frames": [{"module": r.k("tessera.intake.screening", "module"), "function": "pick_battery",
                                                              "lineno": g.randint(20, 300), "in_app": True,
                                                              "vars": {conv("age years", ks): int(age), "client": lf, conv("date of birth", ks): dob,
                                                                       "caregiver": None, "battery": "'GDS-15'"}}]}}]}
    ev["tags"] = {"screening": r.k("GDS-15", "flag")}
    return jdump(g, ev)


# ===========================================================================
# B. Alertmanager / Grafana
# ===========================================================================
def am_alert(r, g, alertname, labels, annotations):
    lab = {"alertname": r.k(alertname, "alert")}
    lab.update(labels)
    return {"status": "firing", "labels": lab, "annotations": annotations,
            "startsAt": r.k(g.ts("micro"), "timestamp"), "endsAt": "0001-01-01T00:00:00Z",
            "generatorURL": "http://prometheus-k8s.monitoring.svc:%s/graph?g0.expr=%s&g0.tab=1" % (
                r.k("9090", "port"), urllib.parse.quote(alertname.lower() + "_total > 5")),
            "fingerprint": r.k(g.hexs(16), "hash")}


@T("alertmanager-portal-login-failures")
def _(r, g):
    p = person(g)
    em = r.p(p.email, "EMAIL")
    ip = r.p(p.ip, "IP")
    inst = r.k("%s:%s" % (g.infra_ip(), g.choice(["9102", "9187", "8080"])), "host")
    n = g.randint(6, 40)
    a = am_alert(r, g, "PortalLoginFailures", {"severity": "warning", "service": "tessera-portal",
                                                "instance": inst, "user": em},
                 {"summary": "Repeated failed portal logins",
                  "description": "%d failed logins for %s from %s in the last 5m (lockout=%s)" % (
                      n, em, ip, g.choice(["true", "false"]))})
    payload = {"receiver": "slack-security", "status": "firing", "alerts": [a],
               "groupLabels": {"alertname": "PortalLoginFailures"}, "commonLabels": {"severity": "warning"},
               "externalURL": "https://alertmanager.tesserahealth.io", "version": "4",
               "groupKey": "{}:{alertname=\"PortalLoginFailures\"}", "truncatedAlerts": 0}
    return jdump(g, payload)


@T("grafana-fax-failures-annotation")
def _(r, g):
    p = person(g)
    c = clinician(g)
    nm = r.p(name_form(p, g.choice(["full", "last_first", "upper"])), "NAME")
    dob = r.p(fmt_date(p.dob, g.choice(["us_yy", "us_short", "us"])), "DATE")
    cn = r.p("Dr. %s" % c.last, "NAME") if g.chance(0.5) else "%s, %s" % (r.p(c.full, "NAME"), c.cred)
    fax = r.p(fmt_phone(c.fax, g.choice(["paren", "dash", "one_dash", "dot"])), "FAX")
    job = r.k(g.dbid(1000000, 9999999), "db_id")
    uid = r.k(g.alnum(14, "abcdefghijklmnopqrstuvwxyz0123456789"), "hash")
    val = g.randint(3, 19)
    reason = g.choice(["NO ANSWER", "BUSY", "T.30 negotiation failed (DCS)", "remote hung up during page 3"])
    return ("[FIRING:1] FaxDeliveryFailures tessera-fax-gw (production)\n**Firing**\n\nValue: A=%d\n"
            "Labels:\n - alertname = %s\n - grafana_folder = Integrations\n - queue = outbound-fax\n"
            "Annotations:\n - description = Last failed job %s: records release for %s (DOB %s) to %s, fax %s. Carrier said: %s\n"
            " - summary = Outbound fax failures above threshold for %s\n"
            "Source: https://grafana.tesserahealth.io/alerting/grafana/%s/view?orgId=1\n"
            "Silence: https://grafana.tesserahealth.io/alerting/silence/new?alertmanager=grafana&matcher=alertname%%3DFaxDeliveryFailures\n") % (
        val, r.k("FaxDeliveryFailures", "alert"), job, nm, dob, cn, fax, reason, r.k("%dm" % g.choice([10, 15, 30]), "duration"), uid)


@T("alertmanager-safety-escalation-unacked")
def _(r, g):
    p = person(g)
    c = clinician(g)
    mrn = r.p(p.mrn, "MRN")
    nm = r.p(name_form(p, g.choice(["full", "last_first_mi", "mi"])), "NAME")
    cn = r.p(c.full, "NAME")
    ph = r.p(fmt_phone(c.phone, g.choice(PHONE_STYLES)), "PHONE")
    mins = g.choice([15, 20, 30])
    a = am_alert(r, g, "SafetyEscalationUnacked",
                 {"severity": "critical", "service": "tessera-risk", "rule": r.k("phq9_item9_positive", "flag"),
                  "client_mrn": mrn},
                 {"summary": "Safety escalation not acknowledged within %dm" % mins,
                  "description": "PHQ-9 item 9 score %d submitted by %s (%s) via portal check-in. On-call %s paged, no ack; backup line %s." % (
                      g.randint(1, 3), nm, mrn, cn, ph),
                  "runbook_url": r.k("https://runbooks.tesserahealth.io/clinical/safety-escalation", "url_static")})
    if g.chance(0.5):
        return jdump(g, {"alerts": [a], "status": "firing", "receiver": "pagerduty-clinical"})
    return "*%s* [%s]\n%s\n%s\nLabels: %s" % (a["labels"]["alertname"], a["labels"]["severity"].upper(),
                                          a["annotations"]["summary"], a["annotations"]["description"],
                                          ", ".join("%s=%s" % kv for kv in a["labels"].items()))


@T("grafana-eligibility-age-anomaly")
def _(r, g):
    n = g.randint(2, 3)
    lines = []
    for i in range(n):
        p = person(g, age=g.randint(90, 104))
        nm = r.p(name_form(p, g.choice(["full", "last_first", "upper_last_first"])), "NAME")
        age = r.p(str(p.age), "AGE_OVER_89")
        dob = r.p(fmt_date(p.dob, g.choice(["us", "iso", "abbr", "long"])), "DATE")
        pl = r.k(g.payer(), "payer")
        lines.append(g.choice(["- %s, age %s (DOB %s), payer %s" % (nm, age, dob, pl),
                               "• %s — %s y/o, born %s — %s" % (nm, age, dob, pl),
                               "- %s (%s yrs; dob=%s; %s)" % (nm, age, dob, pl)]))
    return ("[FIRING:%d] EligibilityAgeAnomaly tessera-billing\nValue: B0=%d\nLabels:\n - alertname = %s\n - team = rcm\n"
            "Annotations:\n - summary = Computed age >= 90 on active coverage; verify DOB before claim submission\n"
            " - description = Clients flagged in the last %s:\n%s\nDashboard: https://grafana.tesserahealth.io/d/%s/eligibility?orgId=1&from=now-24h\n") % (
        n, n, r.k("EligibilityAgeAnomaly", "alert"), r.k("24h", "duration"), "\n".join(lines),
        r.k(g.alnum(9, "abcdefghijklmnopqrstuvwxyz0123456789"), "hash"))


@T("alertmanager-crisis-callback-queue")
def _(r, g):
    p = person(g)
    ph = r.p(fmt_phone(p.phone, g.choice(["e164", "intl_sp", "paren", "dash"])), "PHONE")
    first = r.p(p.first, "NAME")
    wait = g.randint(12, 55)
    queue = r.k("crisis-callback", "queue")
    desc = "Caller %s has waited %d min in %s (caller gave name \"%s\", wants a call back before %s)." % (
        ph, wait, queue, first, g.choice(["5pm", "17:30", "end of day", "tonight"]))
    a = am_alert(r, g, "CrisisCallbackWaitHigh", {"severity": "critical", "queue": queue,
                                                   "pod": r.k(g.host("tessera-telehealth"), "host")},
                 {"summary": "Crisis callback wait above %s" % r.k("10m", "duration"),
                  "description": desc})
    return jdump(g, {"version": "4", "status": "firing", "alerts": [a]}, pretty=True)


# ===========================================================================
# C. service-raised alerts (free text)
# ===========================================================================
@T("svc-duplicate-chart-detected")
def _(r, g):
    p = person(g)
    m1 = r.p(p.mrn, "MRN")
    m2 = r.p(g.mrn(), "MRN")
    nm = r.p(name_form(p, g.choice(["last_first", "upper_last_first", "full", "last_first_mi"])), "NAME")
    dob = r.p(fmt_date(p.dob, g.choice(DOB_STYLES)), "DATE")
    score = r.k("0.%d" % g.randint(900, 998), "score")
    rule = r.k(g.choice(["mpi.fuzzy_name_dob", "mpi.exact_dob_phone", "mpi.ssn4_name"]), "flag")
    return g.choice([
        "%s WARN tessera.mpi duplicate-candidate rule=%s score=%s: '%s' DOB %s matches charts %s and %s; merge blocked pending review" % (
            r.k(g.ts("space"), "timestamp"), rule, score, nm, dob, m1, m2),
        "Possible duplicate client detected\n  name: %s\n  dob: %s\n  charts: [%s, %s]\n  rule: %s (score %s)\n  job: %s" % (
            nm, dob, m1, m2, rule, score, r.k(g.uuid(), "uuid"))])


@T("svc-fax-outbound-failed-log")
def _(r, g):
    p = person(g)
    c = clinician(g)
    fax = r.p(fmt_phone(c.fax, g.choice(["intl_paren", "one_dash", "e164", "paren"])), "FAX")
    nm = r.p(p.full, "NAME")
    dob = r.p(fmt_date(p.dob, g.choice(["us", "us_short", "iso"])), "DATE")
    cn = "%s, %s" % (r.p(c.full, "NAME"), c.cred)
    job = r.k(g.dbid(100000, 999999), "db_id")
    return "%s ERROR [fax-gw] job=%s to=%s pages=%d status=%s attempt=%d/3 cover=\"Records release: %s DOB %s\" recipient=\"%s\" provider=%s" % (
        r.k(g.ts("z"), "timestamp"), job, fax, g.randint(2, 30), r.k(g.choice(["busy", "no-answer", "failed"]), "status"),
        g.randint(1, 3), nm, dob, cn, r.k(g.choice(["sfax", "documo", "phaxio"]), "service"))


@T("svc-inbound-fax-unmatched")
def _(r, g):
    p = person(g)
    c = clinician(g)
    fax = r.p(fmt_phone(c.fax, g.choice(["paren", "dash", "plain", "dot"])), "FAX")
    cn = r.p("Dr. %s %s" % (c.first, c.last), "NAME")
    lf = r.p("%s, %s" % (ascii_fold(p.last).upper(), ascii_fold(p.first).upper()), "NAME")
    dob = r.p(fmt_date(p.dob, g.choice(["us_dash", "us", "oracle"])), "DATE")
    conf = r.k("0.%02d" % g.randint(40, 79), "score")
    return ("Inbound fax %s could not be auto-filed (match confidence %s).\nFrom: %s (%s)\nOCR header: \"RE: %s  DOB %s  Referral for %s\"\n"
            "Pages: %d  Queue: %s") % (r.k("FX-" + g.hexs(10, True), "message_id"), conf, fax, cn, lf, dob,
                                      g.choice(["psychotherapy", "med management", "IOP", "neuropsych testing"]),
                                      g.randint(1, 12), r.k("fax-triage", "queue"))


@T("svc-emergency-contact-invalid")
def _(r, g):
    p = person(g)
    rel = person(g)
    rel.last = p.last if g.chance(0.5) else rel.last
    rel.full = "%s %s" % (rel.first, rel.last)
    nm = r.p(p.full, "NAME")
    if rel.last == p.last and g.chance(0.5):
        rn = r.p(rel.first, "NAME")
    else:
        rn = r.p(rel.full, "NAME")
    relation = g.choice(["mother", "spouse", "brother", "partner", "daughter", "father", "roommate"])
    suffix = g.choice(["", " x12", " (cell)"])
    num = fmt_phone(rel.phone, g.choice(["space", "dot", "plain", "one_plain"]))
    bad = (r.p(num + suffix, "PHONE") if suffix.startswith(" x") else r.p(num, "PHONE") + suffix)
    ks = g.keystyle()
    body = {conv("client id", ks): int(r.k(g.dbid(1000, 999999), "db_id")), conv("client name", ks): nm,
            conv("emergency contact", ks): {"name": rn, "relationship": relation, "phone": bad},
            "error": "phone failed E.164 normalization",
            "code": r.k("E_CONTACT_PHONE", "error_code")}
    return "%s %s\n%s" % (r.k(g.ts(), "timestamp"), r.k("ContactValidationWarning", "exception"), jdump(g, body))


@T("svc-geriatric-guardian-review")
def _(r, g):
    p = person(g, age=g.randint(90, 99))
    gd = person(g)
    nm = r.p(name_form(p, g.choice(["full", "mi", "upper"])), "NAME")
    age = r.p(str(p.age), "AGE_OVER_89")
    dob = r.p(fmt_date(p.dob, g.choice(["long", "ordinal", "weekday", "abbr"])), "DATE")
    gn = r.p(gd.full, "NAME")
    gp = r.p(fmt_phone(gd.phone, g.choice(PHONE_STYLES)), "PHONE")
    return g.choice([
        "intake-rules: client %s is %s years old (born %s); rule %s requires guardian/POA documents before first session. Guardian on file: %s, %s. ticket=%s",
        "[intake] Guardian review needed -- %s, age %s, DOB %s. Rule %s. Contact %s at %s. (ticket %s)"]) % (
        nm, age, dob, r.k("GERI_CAPACITY_REVIEW", "flag"), gn, gp, r.k("INT-%s" % g.digits(5, True), "ticket"))


@T("svc-court-ordered-report-failed")
def _(r, g):
    p = person(g)
    po = person(g)
    case = r.p(g.choice(["%dCR%s" % (g.randint(20, 24), g.digits(6)), "%d-CR-%s" % (g.randint(2021, 2024), g.digits(6)),
                         "CF-%d-%s" % (g.randint(2021, 2024), g.digits(5))]), "OTHER_ID")
    nm = r.p(name_form(p, g.choice(["full", "last_first", "upper_last_first"])), "NAME")
    dob = r.p(fmt_date(p.dob, g.choice(DOB_STYLES)), "DATE")
    pon = r.p("%s %s" % (po.first, po.last), "NAME")
    pof = r.p(fmt_phone(po.phone2, g.choice(["paren", "dash", "dot"])), "FAX")
    poe = r.p(("%s.%s@%s" % (ascii_fold(po.first).lower().replace("-", ""), ascii_fold(po.last).lower().replace(" ", "").replace("'", "").replace(".", ""),
                             g.choice(["probation.county.gov", "courts.state.us", "dcj.county.gov"]))), "EMAIL")
    sess = g.randint(3, 24)
    mon = r.p(g.choice(["BI-%s" % g.digits(7, True), "SL%s" % g.alnum(8), "%s-%s" % (g.alnum(3, "ABCDEFGHJKLMNPRSTUVWXYZ"), g.digits(6, True))]), "DEVICE")
    return ("court-report: monthly compliance report for case %s not delivered\n"
            "client=%s dob=%s sessions_attended=%d program=%s monitor_serial=" + mon + "\n"
            "recipient=PO %s fax=%s email=%s\n"
            "error=%s: %s") % (case, nm, dob, sess, r.k(g.choice(["DUI-IOP", "DV-BIP-26wk", "SUD-OP"]), "flag"),
                               pon, pof, poe, r.k("SMTPRecipientsRefused", "exception"),
                               "{'%s': (550, b'5.7.1 Message rejected per policy')}" % poe)


@T("svc-interlock-compliance-import")
def _(r, g):
    p = person(g)
    vin = r.p(g.vin(), "VEHICLE")
    plate = r.p(g.plate(), "VEHICLE")
    ser = r.p("IID-" + g.digits(7, True), "DEVICE")
    dl = r.p(g.dl(p.state), "LICENSE")
    nm = r.p(name_form(p, g.choice(["upper_last_first", "last_first", "full"])), "NAME")
    vendor = g.choice(["Smart Start", "Intoxalock", "LifeSafer", "Guardian Interlock"])
    rows = g.randint(80, 400)
    ks = g.keystyle()
    rec = {conv("client", ks): nm, conv("drivers license", ks): dl, conv("vehicle vin", ks): vin,
           conv("plate", ks): plate, conv("device serial", ks): ser, conv("violations", ks): g.randint(1, 4)}
    return ("interlock-import: vendor feed '%s' row %d rejected: VIN check digit mismatch against DMV record\n"
            "row=%s\nbatch=%s rows=%d accepted=%d\n%s") % (
        vendor, g.randint(2, rows), json.dumps(rec), r.k(g.uuid(), "uuid"), rows, rows - 1,
        r.k("InterlockRecordRejected", "exception"))


@T("svc-parking-validation-rejected")
def _(r, g):
    p = person(g)
    plate = r.p(g.plate(), "VEHICLE")
    nm = r.p(name_form(p, g.choice(["full", "first_init", "init_last"])), "NAME")
    ap = dt.date(2025, g.randint(1, 5), g.randint(1, 28))
    ds = r.p(fmt_date(ap, g.choice(["md_num", "md_abbr", "wd_md", "us"])), "DATE")
    code = r.k(g.choice(["PV-409", "PV-422", "PV-503"]), "error_code")
    return g.choice([
        "garage-api rejected validation for plate %s (%s, appt %s %s): %s plate not in session list. Lot %s, gate %d.",
        "Parking validation failed: plate=%s client=\"%s\" appt=%s@%s code=%s lot=%s gate=%d"]) % (
        plate, nm, ds, g.choice(["9:00", "14:30", "16:00", "11:15"]), code,
        r.k(g.choice(["P2-West", "Deck B", "Lot 4"]), "location"), g.randint(1, 6))


@T("svc-nemt-ride-booking-failed")
def _(r, g):
    p = person(g)
    nm = r.p(p.full, "NAME")
    st = r.p(p.street_full, "ADDRESS")
    city = r.p(p.city, "CITY")
    z = r.p(p.zip + ("-" + p.zip4 if g.chance(0.4) else ""), "ZIP")
    ph = r.p(fmt_phone(p.phone, g.choice(PHONE_STYLES)), "PHONE")
    ap = dt.date(2025, g.randint(1, 6), g.randint(1, 28))
    ds = r.p(fmt_date(ap, g.choice(["iso", "us", "long"])), "DATE")
    mcd = r.p(g.digits(12, True), "HEALTH_PLAN")
    broker = r.k(g.choice(["ModivCare", "MTM Transit", "Access2Care"]), "vendor")
    body = {"tripRequest": {"memberId": mcd, "memberName": nm, "pickup": {"street": st, "city": city, "state": p.state, "zip": z},
                            "callbackPhone": ph, "appointmentDate": ds, "appointmentTime": "10:30",
                            "mobility": g.choice(["ambulatory", "wheelchair"])},
            "error": {"code": r.k("TRIP_OUTSIDE_WINDOW", "error_code"), "message": "Trips must be booked 48 hours in advance"}}
    return "%s booking failed (HTTP %s) for appointment %s\n%s" % (broker, r.k("422", "status"), r.k(g.dbid(100000, 999999), "db_id"), jdump(g, body))


# ===========================================================================
# D. task-queue failures
# ===========================================================================
@T("celery-sms-reminder-twilio")
def _(r, g):
    p = person(g)
    e164 = r.p("+1" + p.phone, "PHONE")
    first = r.p(p.first, "NAME")
    tid = r.k(g.uuid(), "uuid")
    aid = r.k(g.dbid(100000, 999999), "db_id")
    ap = dt.date(2025, g.randint(1, 6), g.randint(1, 28))
    ds = r.p(fmt_date(ap, g.choice(["wd_md", "md_abbr", "md_long", "md_num"])), "DATE")
    code = r.k(g.choice(["21211", "21614", "21610"]), "error_code")
    exc = r.k("TwilioRestException", "exception")
    return ("Task %s[%s] raised unexpected: %s(\"HTTP 400 error: Unable to create record: The 'To' number %s is not a valid phone number.\", code=%s)\n"
            "args: (%s,)\nkwargs: {'to': '%s', 'body': 'Hi %s, this is a reminder of your appointment on %s at %s. Reply C to confirm.', 'template': 'reminder_24h'}\n"
            "Traceback (most recent call last):\n  File \"/app/tessera/notify/tasks.py\", line %d, in send_reminder_sms\n    msg = client.messages.create(to=to, from_=settings.TWILIO_FROM, body=body)") % (
        r.k("tessera.notify.tasks.send_reminder_sms", "module"), tid, exc, e164, code, aid, e164, first, ds,
        g.choice(["3:00 PM", "10:30 AM", "4:15 PM"]), g.randint(30, 200))


@T("sidekiq-statement-mailer-smtp")
def _(r, g):
    p = person(g)
    em = r.p(p.email, "EMAIL")
    acct = r.p(p.acct, "ACCOUNT")
    gn = r.p(p.full, "NAME")
    job = {"class": r.k("StatementMailerJob", "exception"), "args": [{"patient_id": int(r.k(g.dbid(1000, 99999), "db_id")),
                                                                      "guarantor_name": gn, "email": em, "account_number": acct,
                                                                      "balance_cents": int(r.k(str(g.randint(1500, 90000)), "amount"))}],
           "retry": 5, "queue": r.k("mailers", "queue"), "jid": r.k(g.hexs(24), "job_id"),
           "created_at": float(r.k(g.epoch(), "timestamp")), "error_class": r.k("Net::SMTPFatalError", "exception"),
           "error_message": "550 5.1.1 <%s>: Recipient address rejected: User unknown" % em,
           "failed_at": float(g.epoch()), "retry_count": 4}
    return jdump(g, job)


@T("bullmq-intake-packet-failed")
def _(r, g):
    p = person(g)
    ks = g.keystyle()
    nm = r.p(p.full, "NAME")
    em = r.p(p.email, "EMAIL")
    ph = r.p(fmt_phone(p.phone, g.choice(PHONE_STYLES)), "PHONE")
    dob = r.p(fmt_date(p.dob, g.choice(["iso", "us", "iso_midnight"])), "DATE")
    data = {conv("client name", ks): nm, conv("client email", ks): em, conv("mobile", ks): ph,
            conv("dob", ks): dob, conv("packet", ks): r.k("adult-intake-v3", "flag")}
    job = {"id": r.k(str(g.randint(10000, 999999)), "job_id"), "name": "send-intake-packet", "queue": r.k("intake", "queue"),
           "data": json.dumps(data), "attemptsMade": 3,
           "failedReason": "DocuSign envelope create failed: 400 INVALID_EMAIL_ADDRESS_FOR_RECIPIENT",
           "stacktrace": ["Error: DocuSign envelope create failed\n    at sendPacket (/srv/app/dist/jobs/intake.js:%d:11)" % g.randint(20, 300)],
           "timestamp": int(r.k(str(int(float(g.epoch()) * 1000)), "timestamp"))}
    return jdump(g, job)


@T("rq-job-failed-args-repr")
def _(r, g):
    p = person(g)
    last = r.p(p.last, "NAME")
    first = r.p(p.first, "NAME")
    dob = r.p(fmt_date(p.dob, "py"), "DATE")
    mem = r.p(p.member, "HEALTH_PLAN")
    jid = r.k(g.uuid(), "uuid")
    return ("rq.worker: %s: tessera.billing.jobs.verify_coverage(%r, %r, %s, member_id=%r, payer=%r) (%s)\n"
            "Traceback (most recent call last):\n  File \"/app/tessera/billing/jobs.py\", line %d, in verify_coverage\n"
            "    raise CoverageNotFound(f\"no active coverage for {last}, {first} ({dob:%%m/%%d/%%Y})\")\n"
            "%s: no active coverage for %s, %s (%s)") % (
        r.k("default", "queue"), last, first, dob, mem, r.k(g.payer(), "payer"), jid, g.randint(20, 200),
        r.k("tessera.billing.errors.CoverageNotFound", "exception"), last, first,
        r.p(fmt_date(p.dob, "us"), "DATE"))


@T("laravel-failed-job-serialized")
def _(r, g):
    p = person(g)
    em = r.p(p.email, "EMAIL")
    nm = r.p(p.full, "NAME")
    ph = r.p(fmt_phone(p.phone, g.choice(["dash", "plain", "paren"])), "PHONE")
    cmd = 'O:30:"App\\Jobs\\SendPortalInvitation":3:{s:5:"email";s:%d:"%s";s:4:"name";s:%d:"%s";s:5:"phone";s:%d:"%s";}' % (
        len(em.encode()), em, len(nm.encode()), nm, len(ph), ph)
    payload = {"uuid": r.k(g.uuid(), "uuid"), "displayName": "App\\Jobs\\SendPortalInvitation", "job": "Illuminate\\Queue\\CallQueuedHandler@call",
               "maxTries": 3, "data": {"commandName": "App\\Jobs\\SendPortalInvitation", "command": cmd}}
    exc = r.k("Symfony\\Component\\Mailer\\Exception\\TransportException", "exception")
    return "failed_jobs id=%s connection=redis queue=%s\npayload=%s\nexception=%s: Expected response code \"250\" but got code \"550\", with message \"550 5.4.1 Recipient address rejected: Access denied\"." % (
        r.k(g.dbid(1, 90000), "db_id"), r.k("mail", "queue"), json.dumps(payload), exc)


@T("celery-eligibility-retry-exhausted")
def _(r, g):
    p = person(g)
    ks = g.keystyle()
    mem = r.p(p.member, "HEALTH_PLAN")
    grp = r.p(p.group, "HEALTH_PLAN")
    dob = r.p(fmt_date(p.dob, g.choice(["iso", "hl7", "us"])), "DATE")
    sub = r.p(name_form(p, g.choice(["upper", "full", "upper_last_first"])), "NAME")
    kw = {conv("member id", ks): mem, conv("group number", ks): grp, conv("subscriber name", ks): sub,
          conv("subscriber dob", ks): dob, conv("payer id", ks): r.k(g.choice(["60054", "62308", "87726", "SB810", "00430"]), "payer_id"),
          conv("service type", ks): "MH"}
    return "[%s: ERROR/ForkPoolWorker-%d] Task %s[%s] retry limit exceeded (%d): %s: %s\nkwargs=%s" % (
        r.k(g.ts("space"), "timestamp"), g.randint(1, 16), r.k("billing.tasks.run_270", "module"), r.k(g.uuid(), "uuid"), 5,
        r.k("MaxRetriesExceededError", "exception"), "clearinghouse timeout after %s" % r.k("30s", "duration"), pyrepr(kw))


@T("sqs-dlq-patient-updated")
def _(r, g):
    p = person(g)
    ks = g.keystyle()
    inner = {"type": "patient.updated", "tenant": g.practice()[0],
             "patient": {conv("id", ks): r.k(g.uuid(), "uuid"), conv("mrn", ks): r.p(p.mrn, "MRN"),
                         conv("first name", ks): r.p(p.first, "NAME"), conv("last name", ks): r.p(p.last, "NAME"),
                         conv("address", ks): {"line1": r.p(p.street, "ADDRESS"), "line2": r.p(p.unit, "ADDRESS") if p.unit else None,
                                               "city": r.p(p.city, "CITY"), "state": p.state, "postalCode": r.p(p.zip, "ZIP")}}}
    msg = {"MessageId": r.k(g.uuid(), "uuid"), "ReceiptHandle": g.alnum(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
           "Body": json.dumps(inner), "Attributes": {"ApproximateReceiveCount": str(g.randint(4, 10)),
                                                     "SentTimestamp": r.k(str(int(float(g.epoch()) * 1000)), "timestamp")}}
    return "DLQ %s has %d message(s); oldest:\n%s" % (r.k("tessera-ehr-sync-dlq", "queue"), g.randint(1, 30), jdump(g, msg))


@T("hangfire-dotnet-job-args")
def _(r, g):
    p = person(g)
    c = clinician(g, prescriber=True)
    nm = r.p(p.full, "NAME")
    dob = r.p(fmt_date(p.dob, "dotnet"), "DATE")
    npi = r.p(c.npi, "LICENSE")
    rx = r.p(g.rx(), "OTHER_ID")
    arg = json.dumps({"PatientName": nm, "DateOfBirth": dob, "PrescriberNpi": npi, "RxNumber": rx,
                      "PharmacyNcpdp": r.k(g.digits(7, True), "pharmacy_id")})
    return ("Hangfire job %s failed: %s (attempt 10 of 10)\nMethod: Tessera.Erx.Jobs.RefillRequestJob.Process\nArguments: %s\n"
            "System.Net.Http.HttpRequestException: Response status code does not indicate success: %s (Service Unavailable).\n"
            "   at Tessera.Erx.Clients.SurescriptsClient.SendAsync(RefillRequest req) in /src/Erx/Clients/SurescriptsClient.cs:line %d") % (
        r.k(str(g.randint(100000, 999999)), "job_id"), r.k("HttpRequestException", "exception"), json.dumps([arg]),
        r.k("503", "status"), g.randint(40, 300))


# ===========================================================================
# E. ORM / database errors
# ===========================================================================
@T("django-integrity-ssn-unique")
def _(r, g):
    p = person(g)
    ssn = r.p(ssn_fmt(p, g.choice(["dash", "plain"])), "SSN")
    tbl = r.k("patients_patient", "table")
    body = ('django.db.utils.IntegrityError: duplicate key value violates unique constraint "%s_ssn_key"\n'
            'DETAIL:  Key (ssn)=(%s) already exists.') % (tbl, ssn)
    if g.chance(0.5):
        nm = r.p(p.full, "NAME")
        body += "\n\nwhile saving <Patient: %s> (tenant=%s, created_by=%s)" % (nm, g.practice()[0], r.k(g.dbid(10, 9999), "db_id"))
    return slack_wrap(g, r, r.k("IntegrityError", "exception"), "```%s```\ntransaction: `%s`  release: `%s`" % (
        body, r.k("POST /api/v2/patients/", "route"), r.k(g.release("tessera-api"), "release")), "tessera-api")


@T("sqlalchemy-unique-violation-params")
def _(r, g):
    p = person(g)
    mrn = r.p(p.mrn, "MRN")
    tenant = r.k(str(g.randint(11, 99)), "db_id")
    params = {"tenant_id": int(tenant), "mrn": mrn, "first_name": r.p(p.first, "NAME"), "last_name": r.p(p.last, "NAME"),
              "dob": RawStr(r.p(fmt_date(p.dob, "py"), "DATE")), "phone": r.p(p.phone, "PHONE"), "email": r.p(p.email, "EMAIL")}
    prm = "{" + ", ".join("%r: %s" % (k, v if isinstance(v, RawStr) else repr(v)) for k, v in params.items()) + "}"
    return ("sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint \"%s\"\n"
            "DETAIL:  Key (tenant_id, mrn)=(%s, %s) already exists.\n\n"
            "[SQL: INSERT INTO patients (tenant_id, mrn, first_name, last_name, dob, phone, email) VALUES (%%(tenant_id)s, %%(mrn)s, %%(first_name)s, %%(last_name)s, %%(dob)s, %%(phone)s, %%(email)s) RETURNING patients.id]\n"
            "[parameters: %s]\n(Background on this error at: https://sqlalche.me/e/20/%s)") % (
        r.k("uq_patients_tenant_mrn", "constraint"), tenant, mrn, prm, r.k("gkpj", "error_code"))


@T("activerecord-notnull-failing-row")
def _(r, g):
    p = person(g)
    aid = r.k(g.dbid(10000, 999999), "db_id")
    pid = r.k(g.dbid(1000, 99999), "db_id")
    st = r.p(p.street, "ADDRESS")
    un = r.p(p.unit, "ADDRESS") if p.unit else "null"
    city = r.p(p.city, "CITY")
    t1 = g.event_dt()
    ts = r.k(t1.strftime("%Y-%m-%d %H:%M:%S.") + "%06d" % t1.microsecond, "timestamp")
    col = r.k(g.choice(["postal_code", "zip", "zip_code"]), "column")
    phone_part = ""
    if g.chance(0.5):
        phone_part = ", " + r.p(fmt_phone(p.phone, g.choice(["dash", "paren", "plain"])), "PHONE")
    return ("ActiveRecord::NotNullViolation: PG::NotNullViolation: ERROR:  null value in column \"%s\" of relation \"%s\" violates not-null constraint\n"
            "DETAIL:  Failing row contains (%s, %s, home, %s, %s, %s, %s, null%s, t, %s, %s).\n"
            "  app/models/address.rb:%d:in `normalize!'\n  app/controllers/api/v1/addresses_controller.rb:%d:in `update'") % (
        col, r.k("patient_addresses", "table"), aid, pid, st, un, city, p.state, phone_part, ts, ts, g.randint(10, 80), g.randint(10, 80))


@T("prisma-missing-argument-data-echo")
def _(r, g):
    p = person(g)
    fn, ln = r.p(p.first, "NAME"), r.p(p.last, "NAME")
    dob = r.p(fmt_date(p.dob, "iso_midnight"), "DATE")
    em = r.p(p.email, "EMAIL")
    ph = r.p(fmt_phone(p.phone, g.choice(["e164", "dash", "paren"])), "PHONE")
    mem = r.p(p.member, "HEALTH_PLAN")
    ln_no = g.randint(20, 200)
    return ("PrismaClientValidationError: \nInvalid `prisma.client.create()` invocation in\n/srv/app/src/clients/create.ts:%d:31\n\n"
            "  %d \n  %d export async function createClient(input: ClientInput) {\n→ %d   return prisma.client.create({\n"
            "          data: {\n            firstName: \"%s\",\n            lastName: \"%s\",\n            dateOfBirth: new Date(\"%s\"),\n"
            "            email: \"%s\",\n            phone: \"%s\",\n            insuranceMemberId: \"%s\",\n"
            "        +   tenantId: Int\n          }\n        })\n\nArgument `tenantId` is missing.\n    at %s (%s)") % (
        ln_no, ln_no - 2, ln_no - 1, ln_no, fn, ln, dob, em, ph, mem, r.k("PrismaClientValidationError", "exception"),
        r.k("@prisma/client@%s" % g.choice(["5.14.0", "5.17.0", "5.22.0"]), "version"))


@T("hibernate-duplicate-member-binds")
def _(r, g):
    p = person(g)
    mem = r.p(p.member, "HEALTH_PLAN")
    grp = r.p(p.group, "HEALTH_PLAN")
    last = r.p(p.last, "NAME")
    first = r.p(p.first, "NAME")
    dob = r.p(p.dob.isoformat(), "DATE")
    key = r.k("coverage.uk_member_group", "constraint")
    t = g.event_dt()
    stamp = t.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (t.microsecond // 1000)
    r.k(stamp, "timestamp")
    lines = ["%s TRACE 1 --- [nio-8080-exec-%d] org.hibernate.orm.jdbc.bind : binding parameter (%d:%s) <- [%s]" % (stamp, g.randint(1, 9), i + 1, t_, v)
             for i, (t_, v) in enumerate([("VARCHAR", mem), ("VARCHAR", grp), ("VARCHAR", last), ("VARCHAR", first), ("DATE", dob),
                                          ("BIGINT", r.k(g.dbid(100, 9999), "db_id"))])]
    return "\n".join(lines) + ("\n%s ERROR 1 --- [nio-8080-exec-3] o.h.engine.jdbc.spi.SqlExceptionHelper : Duplicate entry '%s-%s' for key '%s'\n"
                               "org.springframework.dao.DataIntegrityViolationException: could not execute statement [Duplicate entry '%s-%s' for key '%s'] "
                               "[insert into coverage (member_id,group_number,subscriber_last,subscriber_first,subscriber_dob,payer_id) values (?,?,?,?,?,?)]; SQL [%s]; constraint [%s]") % (
        stamp, mem, grp, key, mem, grp, key, "insert into coverage (member_id,group_number,subscriber_last,subscriber_first,subscriber_dob,payer_id) values (?,?,?,?,?,?)", key)


@T("efcore-unique-ssn-sensitive-logging")
def _(r, g):
    p = person(g)
    ssn = r.p(ssn_fmt(p, "dash"), "SSN")
    ln, fn = r.p(p.last, "NAME"), r.p(p.first, "NAME")
    dob = r.p(p.dob.isoformat() + "T00:00:00.0000000", "DATE")
    ms = r.k("%dms" % g.randint(3, 90), "duration")
    return ("fail: Microsoft.EntityFrameworkCore.Database.Command[20102]\n      Failed executing DbCommand (%s) [Parameters=[@p0='%s' (Nullable = false) (Size = 100), @p1='%s' (Nullable = false) (Size = 100), "
            "@p2='%s' (DbType = DateTime2), @p3='%s' (Size = 11), @p4='%s'], CommandType='Text', CommandTimeout='30']\n"
            "      SET IMPLICIT_TRANSACTIONS OFF; SET NOCOUNT ON;\n      INSERT INTO [dbo].[Patients] ([LastName], [FirstName], [DateOfBirth], [Ssn], [TenantId]) OUTPUT INSERTED.[Id] VALUES (@p0, @p1, @p2, @p3, @p4);\n"
            "Microsoft.EntityFrameworkCore.DbUpdateException: An error occurred while saving the entity changes. See the inner exception for details.\n"
            " ---> Microsoft.Data.SqlClient.SqlException (0x80131904): Violation of UNIQUE KEY constraint '%s'. Cannot insert duplicate key in object 'dbo.Patients'. The duplicate key value is (%s).\n"
            "The statement has been terminated.\nClientConnectionId:%s\nError Number:%s,State:1,Class:14") % (
        ms, ln, fn, dob, ssn, r.k(g.dbid(1, 300), "db_id"), r.k("UQ_Patients_Ssn", "constraint"), ssn, r.k(g.uuid(), "uuid"),
        r.k("2627", "error_code"))


@T("laravel-mysql-data-too-long-guarantor")
def _(r, g):
    p = person(g)
    nm = r.p(p.full, "NAME")
    st = r.p(p.street_long + " Apartment %d%s" % (g.randint(1, 9), g.choice("ABCD")) + g.choice([" (rear entrance, ring twice)", " c/o " + p.last.upper(), " - side door"]), "ADDRESS")
    if "c/o" in st:
        r.p(p.last.upper(), "NAME")
    city = r.p(p.city, "CITY")
    z = r.p("%s-%s" % (p.zip, p.zip4), "ZIP")
    ph = r.p(fmt_phone(p.phone, g.choice(["dash", "paren", "plain"])), "PHONE")
    return ("SQLSTATE[22001]: String data, right truncated: 1406 Data too long for column '%s' at row 1 "
            "(Connection: mysql, SQL: insert into `guarantors` (`name`, `address_line1`, `city`, `state`, `zip`, `phone`, `updated_at`, `created_at`) "
            "values (%s, %s, %s, %s, %s, %s, %s, %s))") % (
        r.k("address_line1", "column"), nm, st, city, p.state, z, ph, r.k(g.ts("space")[:19], "timestamp"), g.ts("space")[:19])


@T("pg-copy-invalid-date-import")
def _(r, g):
    p = person(g)
    bad = r.p(fmt_date(p.dob, g.choice(["dmy_slash", "eu", "dmy_long", "us_yy"])), "DATE")
    line = g.randint(2, 4000)
    ln, fn = r.p(p.last, "NAME"), r.p(p.first, "NAME")
    ph = r.p(fmt_phone(p.phone, g.choice(["dash", "dot", "paren"])), "PHONE")
    mrn = r.p(p.mrn, "MRN")
    return ("psycopg.errors.InvalidDatetimeFormat: date/time field value out of range: \"%s\"\n"
            "HINT:  Perhaps you need a different \"datestyle\" setting.\n"
            "CONTEXT:  COPY %s, line %d, column %s: \"%s\"\n"
            "importer: aborting batch %s; offending row -> %s|%s|%s|%s|%s") % (
        bad, r.k("staging_clients", "table"), line, r.k("date_of_birth", "column"), bad, r.k(g.uuid(), "uuid"),
        mrn, ln, fn, bad, ph)


@T("sqlalchemy-multiple-results-literal-sql")
def _(r, g):
    p = person(g)
    lit = p.last.lower().replace("'", "''")
    r.p(lit, "NAME")
    dob = r.p(p.dob.isoformat(), "DATE")
    fn = p.first.lower().replace("'", "''")
    r.p(fn, "NAME")
    return ("sqlalchemy.exc.MultipleResultsFound: Multiple rows were found when exactly one was required\n"
            "query: SELECT clients.id, clients.mrn, clients.status FROM clients WHERE clients.tenant_id = %s AND lower(clients.last_name) = '%s' "
            "AND lower(clients.first_name) = '%s' AND clients.dob = '%s'\n"
            "rows: %d  caller: %s  elapsed=%s") % (
        r.k(g.dbid(11, 99), "db_id"), lit, fn, dob, g.randint(2, 3), r.k("tessera.portal.claim_account", "module"),
        r.k("%.1fms" % (g.randint(10, 900) / 10.0), "duration"))


@T("sequelize-unique-constraint-inspect")
def _(r, g):
    p = person(g)
    em = r.p(p.email, "EMAIL")
    nm = r.p(p.full, "NAME")
    ph = r.p(fmt_phone(p.phone, g.choice(PHONE_STYLES)), "PHONE")
    inst = js_inspect({"dataValues": {"id": None, "fullName": nm, "email": em, "mobile": ph, "tenantId": int(r.k(g.dbid(10, 99), "db_id"))}})
    return ("SequelizeUniqueConstraintError: Validation error\n    at Query.formatError (/srv/app/node_modules/sequelize/lib/dialects/postgres/query.js:325:16) {\n"
            "  errors: [\n    ValidationErrorItem {\n      message: 'email must be unique',\n      type: 'unique violation',\n      path: 'email',\n"
            "      value: %s,\n      origin: 'DB',\n      instance: Client %s,\n      validatorKey: 'not_unique'\n    }\n  ],\n"
            "  fields: { email: %s },\n  parent: error: duplicate key value violates unique constraint \"%s\",\n  sql: 'INSERT INTO \"clients\" (\"id\",\"full_name\",\"email\",\"mobile\",\"tenant_id\") VALUES (DEFAULT,$1,$2,$3,$4) RETURNING *;'\n}") % (
        js_inspect(em), inst, js_inspect(em), r.k("clients_email_key", "constraint"))


@T("mongo-e11000-portal-user")
def _(r, g):
    p = person(g)
    un = r.p(p.username, "OTHER_ID")
    em = r.p(p.email, "EMAIL")
    idx = g.choice(["username_1", "email_1"])
    key = {"username_1": ("username", un), "email_1": ("email", em)}[idx]
    other = em if idx == "username_1" else un
    return ("MongoServerError: E11000 duplicate key error collection: %s index: %s dup key: { %s: \"%s\" }\n"
            "    at InsertOneOperation.execute (/srv/app/node_modules/mongodb/lib/operations/insert.js:51:19) {\n"
            "  index: 0,\n  code: %s,\n  keyPattern: { %s: 1 },\n  keyValue: { %s: '%s' },\n  [Symbol(errorLabels)]: Set(0) {}\n}\n"
            "portal-signup: rejected registration (other field: %s) request_id=%s") % (
        r.k("tessera.portal_users", "table"), r.k(idx, "index"), key[0], key[1], r.k("11000", "error_code"), key[0], key[0], key[1],
        other, r.k(g.req_id(), "request_id"))


@T("django-doesnotexist-lookup-vars")
def _(r, g):
    p = person(g)
    ev, svc = sentry_base(r, g, "python", "tessera-ehr-bridge")
    mrn = r.p(p.mrn, "MRN")
    dob = r.p(fmt_date(p.dob, "py"), "DATE")
    ln = r.p(p.last, "NAME")
    ev["exception"] = {"values": [{"type": r.k("DoesNotExist", "exception"), "module": "tessera.patients.models.Patient",
                                   "value": "Patient matching query does not exist.",
                                   "stacktrace": {"frames": [{"module": r.k("tessera.ehr.inbound.match", "module"), "function": "resolve_patient",
                                                              "lineno": g.randint(20, 300), "in_app": True,
                                                              "vars": {"lookup": "{'mrn': %r, 'date_of_birth': %s, 'last_name__iexact': %r}" % (mrn, dob, ln),
                                                                       "source": "'%s'" % r.k("athena-inbound", "service"),
                                                                       "attempt": g.randint(1, 3)}}]}}]}
    return jdump(g, ev)


# ===========================================================================
# F. validation errors echoing input
# ===========================================================================
@T("pydantic-v2-client-create")
def _(r, g):
    p = person(g)
    ph = r.p(fmt_phone(p.phone, g.choice(["paren", "dash", "dot"])) + g.choice([" ext 4", " x210", " ext. 12"]), "PHONE")
    dob = r.p(fmt_date(p.dob, g.choice(["us", "dmy_slash", "abbr", "us_dash"])), "DATE")
    z = r.p(p.zip + p.zip4, "ZIP")
    v = r.k("2.%d" % g.randint(5, 9), "version")
    r.k("pydantic_core._pydantic_core.ValidationError", "exception")
    r.k("string_pattern_mismatch", "error_code")
    r.k("date_from_datetime_parsing", "error_code")
    return ("pydantic_core._pydantic_core.ValidationError: 3 validation errors for ClientCreate\n"
            "phone\n  Value error, invalid US phone number [type=value_error, input_value='%s', input_type=str]\n"
            "    For further information visit https://errors.pydantic.dev/%s/v/value_error\n"
            "date_of_birth\n  Input should be a valid date or datetime, invalid date separator, expected `-` [type=date_from_datetime_parsing, input_value='%s', input_type=str]\n"
            "    For further information visit https://errors.pydantic.dev/%s/v/date_from_datetime_parsing\n"
            "address.zip\n  String should match pattern '^\\d{5}(-\\d{4})?$' [type=string_pattern_mismatch, input_value='%s', input_type=str]\n"
            "    For further information visit https://errors.pydantic.dev/%s/v/string_pattern_mismatch") % (ph, v, dob, v, z, v)


@T("express-validator-errors-array")
def _(r, g):
    p = person(g)
    em = p.email.replace("@", g.choice(["@@", "@", "@"])).replace(".com", g.choice([".con", ".com", ".cm"]))
    em = r.p(em, "EMAIL")
    dob = r.p(fmt_date(p.dob, g.choice(["us", "dmy_slash", "long"])), "DATE")
    z = r.p(p.zip, "ZIP")
    errs = {"errors": [
        {"type": "field", "value": em, "msg": "Invalid value", "path": "email", "location": "body"},
        {"type": "field", "value": dob, "msg": "dateOfBirth must be ISO 8601", "path": "dateOfBirth", "location": "body"},
        {"type": "field", "value": z, "msg": "postalCode does not match state %s" % g.choice(["TX", "CA", "NY", "FL"]), "path": "postalCode", "location": "body"}]}
    return "%s POST %s %s - %s\n%s" % (r.k(g.ts("z"), "timestamp"), r.k("/api/v1/self-schedule/intake", "route"), r.k("400", "status"),
                                       r.k("%d ms" % g.randint(3, 200), "duration"), jdump(g, errs))


@T("rails-validation-policyholder")
def _(r, g):
    p = person(g)
    sp = person(g)
    svc_d = dt.date(2024, g.randint(6, 12), g.randint(1, 28))
    sd = r.p(fmt_date(svc_d, "us"), "DATE")
    ph_dob = r.p(fmt_date(svc_d + dt.timedelta(days=g.randint(5, 80)), "us"), "DATE")
    z = r.p(sp.zip + sp.zip4, "ZIP")
    hn = r.p(sp.full, "NAME")
    return ("ActiveRecord::RecordInvalid (Validation failed: Policy holder dob must be before date of service (%s > %s), "
            "Policy holder zip '%s' must be formatted 12345 or 12345-6789):\n  policy_holder=%s relationship=%s coverage_id=%s\n"
            "  app/services/coverage/upsert.rb:%d:in `call'") % (
        ph_dob, sd, z, hn, g.choice(["spouse", "parent", "other"]), r.k(g.dbid(1000, 99999), "db_id"), g.randint(10, 80)) + \
        "\n  Completed %s Unprocessable Entity in %s" % (r.k("422", "status"), r.k("%dms" % g.randint(20, 300), "duration"))


@T("laravel-422-old-input")
def _(r, g):
    p = person(g)
    em = r.p(p.email.replace("@", " @ ") if g.chance(0.5) else p.email.split("@")[0] + "@" + g.choice(["gmial.com", "yaho.com", "outlok.com"]), "EMAIL")
    nm = r.p(p.full, "NAME")
    st = r.p(p.street_full, "ADDRESS")
    city = r.p(p.city, "CITY")
    z = r.p(p.zip, "ZIP")
    body = {"message": "The email field must be a valid email address. (and 1 more error)",
            "errors": {"email": ["The email field must be a valid email address."], "insurance_card_front": ["The insurance card front field is required."]},
            "old_input": {"full_name": nm, "email": em, "street": st, "city": city, "state": p.state, "zip": z}}
    return "local.WARNING: %s %s {\"exception\":\"[object] (%s(code: 0): %s)\"}\n%s" % (
        r.k("Illuminate\\Validation\\ValidationException", "exception"), r.k("422", "status"),
        "Illuminate\\Validation\\ValidationException", body["message"], json.dumps(body).replace("/", "\\/"))


@T("fhir-operation-outcome-diagnostics")
def _(r, g):
    p = person(g)
    mrn = r.p(p.mrn, "MRN")
    ph = r.p(fmt_phone(p.phone, g.choice(["space", "dot", "dash"])), "PHONE")
    nm = r.p(p.full, "NAME")
    pid = r.k(g.uuid(), "uuid")
    oo = {"resourceType": "OperationOutcome", "issue": [
        {"severity": "error", "code": "duplicate", "diagnostics": "Identifier %s (system http://tesserahealth.io/fhir/mrn) already assigned to Patient/%s" % (mrn, pid),
         "expression": ["Patient.identifier[0].value"]},
        {"severity": "warning", "code": "value", "diagnostics": "Patient.telecom[1].value '%s' is not a valid E.164 number" % ph,
         "expression": ["Patient.telecom[1].value"]},
        {"severity": "information", "code": "informational", "diagnostics": "Processing Patient '%s'" % nm}]}
    return "FHIR POST %s returned %s %s\n%s" % (r.k("https://fhir.partner-ehr.example.net/R4/Patient", "endpoint"), r.k("422", "status"),
                                              r.k("OperationOutcome", "resource"), jdump(g, oo))


@T("marshmallow-validation-data-echo")
def _(r, g):
    p = person(g)
    ks = g.keystyle()
    dob = r.p(fmt_date(p.dob, g.choice(["long", "ordinal", "abbr", "dmy_long"])), "DATE")
    fn, ln = r.p(p.first, "NAME"), r.p(p.last, "NAME")
    ssn4 = "".join(p.ssn_parts)
    ssn = r.p(ssn4, "SSN")
    data = {conv("first name", ks): fn, conv("last name", ks): ln, conv("birth date", ks): dob, conv("ssn", ks): ssn}
    errs = {conv("birth date", ks): ["Not a valid date."], conv("ssn", ks): ["Must be formatted ###-##-####."]}
    return "marshmallow.exceptions.ValidationError: %s\n  schema=%s data=%s\n  %s" % (
        pyrepr(errs), r.k("tessera.billing.schemas.GuarantorSchema", "module"), pyrepr(data), r.k(g.req_id(), "request_id"))


@T("jsonschema-pattern-home-phone")
def _(r, g):
    p = person(g)
    suffix = g.choice([" (home)", " ext. 2", " - evenings"])
    num = fmt_phone(p.phone2, g.choice(["dash", "paren", "dot"]))
    val = r.p(num + suffix, "PHONE") if "ext" in suffix else r.p(num, "PHONE") + suffix
    return ("jsonschema.exceptions.ValidationError: '%s' does not match '^\\\\+?[0-9 ()-]{10,17}$'\n\n"
            "Failed validating 'pattern' in schema['properties']['contact']['properties']['homePhone']:\n"
            "    {'pattern': '^\\\\+?[0-9 ()-]{10,17}$', 'type': 'string'}\n\nOn instance['contact']['homePhone']:\n    '%s'\n"
            "(webhook %s from %s, delivery %s)") % (val, val, r.k("client.updated", "event"), r.k(g.choice(["SimplePractice", "TherapyNotes", "Jane"]), "vendor"),
                                                    r.k(g.uuid(), "uuid"))


@T("zod-guardian-consent-input")
def _(r, g):
    kid = person(g, minor=True)
    gd = person(g)
    gd.last = kid.last if g.chance(0.6) else gd.last
    kn = r.p(kid.full, "NAME")
    kd = r.p(fmt_date(kid.dob, g.choice(["iso", "us"])), "DATE")
    gn = r.p("%s %s" % (gd.first, gd.last), "NAME")
    ge = r.p(("%s.%s@@%s" % (ascii_fold(gd.first).lower(), ascii_fold(gd.last).lower().replace(" ", "").replace("'", ""), g.choice(MAIL_DOMAINS)))
             if g.chance(0.4) else gd.email, "EMAIL")
    if gd.last == kid.last:
        pass
    issues = [{"code": "invalid_string", "validation": "email", "message": "Invalid email", "path": ["guardian", "email"]},
              {"code": "too_small", "minimum": 1, "type": "array", "inclusive": True, "exact": False,
               "message": "At least one consent signature is required", "path": ["consents"]}]
    inp = {"minor": {"name": kn, "dob": kd}, "guardian": {"name": gn, "email": ge, "relationship": g.choice(["mother", "father", "legal guardian"])},
           "consents": []}
    return "ZodError: %s\n    at parseConsentForm (/srv/app/src/consent/schema.ts:%d:22)\ninput=%s" % (
        json.dumps(issues, indent=2), g.randint(10, 90), json.dumps(inp)) + "\nroute=%s" % r.k("/api/minor-consent", "route") + \
        " trace=%s" % r.k(g.trace_id(), "trace_id")


# ===========================================================================
# G. email / SMS / voice delivery failures
# ===========================================================================
@T("ses-bounce-sns-json-in-json")
def _(r, g):
    p = person(g)
    c = clinician(g)
    em = r.p(p.email, "EMAIL")
    to = r.p(p.full, "NAME")
    ap = dt.date(2025, g.randint(1, 6), g.randint(1, 28))
    ds = r.p(fmt_date(ap, g.choice(["weekday", "wd_long_md", "wd_md", "long"])), "DATE")
    cn = r.p("Dr. %s" % c.last, "NAME")
    inner = {"notificationType": "Bounce",
             "bounce": {"feedbackId": r.k("0100018f%s-%s-000000" % (g.hexs(8), g.uuid()), "message_id"), "bounceType": "Permanent",
                        "bounceSubType": "General",
                        "bouncedRecipients": [{"emailAddress": em, "action": "failed", "status": "5.1.1",
                                               "diagnosticCode": "smtp; 550 5.1.1 <%s>: Recipient address rejected: User unknown in virtual mailbox table" % em}],
                        "timestamp": r.k(g.ts("z"), "timestamp")},
             "mail": {"source": "reminders@%s" % c.domain, "messageId": g.hexs(16),
                      "commonHeaders": {"to": ["%s <%s>" % (to, em)],
                                        "subject": "Your appointment with %s on %s" % (cn, ds)}}}
    outer = {"Type": "Notification", "MessageId": r.k(g.uuid(), "uuid"),
             "TopicArn": r.k("arn:aws:sns:us-east-2:%s:ses-bounces" % g.digits(12, True), "arn"),
             "Message": json.dumps(inner), "Timestamp": g.ts("z"), "SignatureVersion": "1"}
    return jdump(g, outer)


@T("twilio-status-callback-form")
def _(r, g):
    p = person(g)
    to = r.p(urllib.parse.quote("+1" + p.phone, safe=""), "PHONE")
    first = r.p(p.first.replace(" ", "+"), "NAME") if " " not in p.first else p.first
    ap = dt.date(2025, g.randint(1, 6), g.randint(1, 28))
    raw_d = fmt_date(ap, g.choice(["md_abbr", "md_num", "wd_md"]))
    enc_d = urllib.parse.quote_plus(raw_d)
    r.p(enc_d, "DATE")
    body_raw = "Hi %s, reminder: %s at %s with %s. Reply C to confirm or call us." % (p.first, raw_d, g.choice(["2:00pm", "10am", "4:30pm"]),
                                                                                   g.practice()[1])
    r.p(urllib.parse.quote_plus(p.first), "NAME")
    form = "&".join([
        "AccountSid=" + r.k("AC" + g.hexs(32), "account_sid"), "MessageSid=" + r.k("SM" + g.hexs(32), "message_id"),
        "MessageStatus=undelivered", "To=" + to, "From=%2B1" + "8005550" + g.digits(3),
        "ErrorCode=" + r.k(g.choice(["30003", "30005", "30006", "30007"]), "error_code"),
        "ApiVersion=2010-04-01", "Body=" + urllib.parse.quote_plus(body_raw)])
    return "twilio webhook %s rejected (signature ok, no matching outbound record)\nPOST %s\n%s" % (
        r.k("/hooks/twilio/status", "route"), "/hooks/twilio/status", form)


@T("sendgrid-dropped-event")
def _(r, g):
    p = person(g)
    c = clinician(g)
    em = r.p(p.email, "EMAIL")
    ev = [{"email": em, "event": "dropped", "reason": g.choice(["Bounced Address", "Unsubscribed Address", "Spam Reporting Address"]),
           "sg_event_id": r.k(g.alnum(22, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"), "event_id"),
           "sg_message_id": g.alnum(22, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") + ".filter0001",
           "timestamp": int(float(r.k(g.epoch().split(".")[0], "timestamp"))),
           "category": [r.k("superbill", "flag")],
           "client_name": r.p(p.full, "NAME"), "clinician": r.p(c.display, "NAME"),
           "invoice_id": r.k("INV-%s" % g.digits(6, True), "invoice_id")}]
    return "sendgrid event webhook: unhandled drop for superbill email\n" + jdump(g, ev)


@T("smtp-recipients-refused-headers")
def _(r, g):
    p = person(g)
    em = r.p(p.email, "EMAIL")
    nm = r.p(name_form(p, g.choice(["full", "upper"])), "NAME")
    dos = dt.date(2024, g.randint(6, 12), g.randint(1, 28))
    ds = r.p(fmt_date(dos, g.choice(["us", "us_short", "iso"])), "DATE")
    return ("smtplib.SMTPRecipientsRefused: {'%s': (550, b'5.1.1 The email account that you tried to reach does not exist. %s - gsmtp')}\n"
            "--- message headers ---\nFrom: Billing <billing@%s>\nTo: %s <%s>\nSubject: Superbill for services on %s\n"
            "X-Tessera-Statement: %s\n") % (em, r.k(g.alnum(12, "abcdefghijklmnopqrstuvwxyz0123456789") + "." + str(g.randint(100, 999)), "hash"),
                                          g.practice()[2], nm, em, ds, r.k(g.uuid(), "uuid"))


@T("postmark-inactive-recipient")
def _(r, g):
    p = person(g)
    em = r.p(p.email, "EMAIL")
    body = {"ErrorCode": int(r.k("406", "error_code")),
            "Message": "You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: %s. Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression." % em}
    return "PostmarkApiError %s on template %s (client_id=%s)\n%s" % (
        r.k("422", "status"), r.k("portal-password-reset", "flag"), r.k(g.dbid(1000, 999999), "db_id"), jdump(g, body))


@T("twilio-21610-unsubscribed")
def _(r, g):
    p = person(g)
    ph = r.p(fmt_phone(p.phone, g.choice(["e164", "intl_sp", "paren"])), "PHONE")
    nm = r.p(p.first, "NAME")
    c = clinician(g)
    cn = r.p(c.display, "NAME")
    ap = dt.date(2025, g.randint(1, 6), g.randint(1, 28))
    ds = r.p(fmt_date(ap, g.choice(["md_long", "md_ord", "wd_md", "md_num"])), "DATE")
    return ("twilio.base.exceptions.TwilioRestException: \n\x1b[31m\x1b[49mHTTP Error\x1b[0m \x1b[37m\x1b[49mYour request was:\x1b[0m\n\n"
            "\x1b[36m\x1b[49mPOST /Accounts/%s/Messages.json\x1b[0m\n\n\x1b[37m\x1b[49mTwilio returned the following information:\x1b[0m\n\n"
            "\x1b[34m\x1b[49mUnable to create record: Attempt to send to unsubscribed recipient\x1b[0m\n\n"
            "\x1b[37m\x1b[49mMore information may be available here:\x1b[0m\n\n\x1b[34m\x1b[49mhttps://www.twilio.com/docs/errors/%s\x1b[0m\n\n"
            "to=%s body=%r") % (r.k("AC" + g.hexs(32), "account_sid"), r.k("21610", "error_code"), ph,
                                "%s, %s moved your session to %s. Reply Y to confirm." % (nm, cn, ds))


@T("voice-reminder-tts-failed")
def _(r, g):
    p = person(g)
    c = clinician(g)
    ph = r.p(fmt_phone(p.phone2, g.choice(PHONE_STYLES)), "PHONE")
    first = r.p(p.first, "NAME")
    cl = r.p(c.last, "NAME")
    ap = dt.date(2025, g.randint(1, 6), g.randint(1, 28))
    ds = r.p(fmt_date(ap, "wd_long_md"), "DATE")
    tts = "Hello %s, this is %s confirming your visit with Doctor %s on %s at %s. Press 1 to confirm." % (
        first, g.practice()[1], cl, ds, g.choice(["3 PM", "10 30 AM", "noon"]))
    ks = g.keystyle()
    return jdump(g, {conv("call sid", ks): r.k("CA" + g.hexs(32), "message_id"), conv("to", ks): ph,
                     conv("status", ks): "failed", conv("sip response code", ks): int(r.k(g.choice(["486", "480", "404"]), "status")),
                     conv("tts", ks): tts, conv("voice", ks): "Polly.Joanna", conv("attempt", ks): g.randint(1, 3)})


# ===========================================================================
# H. calendar / scheduling
# ===========================================================================
@T("google-calendar-httperror-409")
def _(r, g):
    p = person(g)
    c = clinician(g)
    cal = urllib.parse.quote(c.email, safe="")
    r.p(cal, "EMAIL")
    summ = r.p("%s. %s" % (p.first[0], p.last), "NAME")
    ph = r.p(fmt_phone(p.phone, g.choice(PHONE_STYLES)), "PHONE")
    em = r.p(p.email, "EMAIL")
    body = {"summary": "Therapy – %s" % summ, "description": "Client phone: %s\nTelehealth: yes" % ph,
            "attendees": [{"email": em}], "id": r.k(g.hexs(26), "hash")}
    return ("googleapiclient.errors.HttpError: <HttpError 409 when requesting https://www.googleapis.com/calendar/v3/calendars/%s/events?alt=json "
            "returned \"The requested identifier already exists.\". Details: \"[{'domain': 'global', 'reason': 'duplicate', 'message': 'The requested identifier already exists.'}]\">\n"
            "event body: %s") % (cal, json.dumps(body, ensure_ascii=False)) + "\nsync job %s" % r.k(g.uuid(), "uuid")


@T("scheduler-double-booking")
def _(r, g):
    c = clinician(g)
    p1, p2 = person(g), person(g)
    cn = r.p(c.display, "NAME")
    d = dt.date(2025, g.randint(1, 6), g.randint(1, 28))
    ds = r.p(fmt_date(d, g.choice(["us", "iso", "abbr", "long"])), "DATE")
    n1 = r.p(name_form(p1, g.choice(["full", "last_first", "init_last"])), "NAME")
    n2 = r.p(name_form(p2, g.choice(["full", "last_first", "init_last"])), "NAME")
    t1 = g.choice(["09:00", "13:00", "15:00", "16:00"])
    return ("ConflictError: %s has overlapping sessions on %s: %s %s (%s, %s) and %s %s (%s, %s). Series %s not created.") % (
        cn, ds, t1, n1, r.k(g.cpt(), "cpt"), r.k(g.choice(["53 min", "45 min", "60 min"]), "duration"),
        t1[:3] + "30", n2, g.cpt(), "telehealth", r.k(g.uuid(), "uuid"))


@T("ical-attendee-parse-error")
def _(r, g):
    p = person(g)
    nm = r.p(p.full, "NAME")
    em = r.p(p.email, "EMAIL")
    d = dt.date(2025, g.randint(1, 6), g.randint(1, 28))
    ds = r.p(fmt_date(d, "hl7"), "DATE")
    ln = r.p(p.last, "NAME")
    ics = "\r\n".join(["BEGIN:VEVENT", "UID:%s@tesserahealth.io" % g.uuid(), "DTSTAMP:%sZ" % g.event_dt().strftime("%Y%m%dT%H%M%S"),
                       "DTSTART;VALUE=DATE:%s" % ds, "SUMMARY:Intake - %s" % ln,
                       "ATTENDEE;CN=%s;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:%s" % (nm, em),
                       "END:VEVENT"])
    r.k("ValueError", "exception")
    return "icalendar.parser: ValueError: Content line could not be parsed into parts: 'ATTENDEE;CN=%s;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:%s' (line %d)\nfeed=%s\n%s" % (
        nm, em, g.randint(5, 60), r.k("ics-export-worker", "service"), json.dumps(ics))


@T("waitlist-autofill-offer-failed")
def _(r, g):
    p = person(g)
    d = dt.date(2025, g.randint(1, 6), g.randint(1, 28))
    ds = r.p(fmt_date(d, g.choice(["wd_md", "md_abbr", "md_num0"])), "DATE")
    ph = r.p(fmt_phone(p.phone, g.choice(PHONE_STYLES)), "PHONE")
    nm = r.p(name_form(p, g.choice(["first_init", "full", "init_last"])), "NAME")
    return ("waitlist.autofill: offered slot %s %s (%s, %s) to %d clients; SMS to %s failed (%s). Next in queue: %s (prefers %s). run=%s") % (
        ds, g.choice(["10:00", "08:30", "17:00"]), r.k(g.cpt(), "cpt"), r.k(g.choice(["in-person", "telehealth"]), "flag"),
        g.randint(2, 6), ph, r.k(g.choice(["30005", "30003"]), "error_code"), nm, g.choice(["mornings", "after 4pm", "Fridays"]),
        r.k(g.uuid(), "uuid"))


@T("zoom-meeting-create-topic")
def _(r, g):
    p = person(g)
    nm = r.p(name_form(p, g.choice(["full", "init_last", "first_init"])), "NAME")
    d = dt.date(2025, g.randint(1, 6), g.randint(1, 28))
    ds = r.p(fmt_date(d, g.choice(["md_num", "us_short", "md_abbr"])), "DATE")
    ip = r.p(p.ip, "IP")
    return jdump(g, {"level": "error", "msg": "zoom meeting create failed", "service": r.k("tessera-telehealth", "service"),
                     "zoom": {"code": int(r.k("300", "error_code")), "message": "Invalid meeting topic: contains restricted characters"},
                     "topic": "Session w/ %s – %s" % (nm, ds), "client_ip": ip,
                     "ts": r.k(g.ts("z"), "timestamp"), "trace_id": r.k(g.trace_id(), "trace_id")})


@T("schedule-csv-export-row")
def _(r, g):
    rows = []
    c = clinician(g)
    cn = r.p("Dr. %s" % c.last, "NAME")
    for i in range(g.randint(1, 3)):
        p = person(g)
        d = dt.date(2025, g.randint(1, 6), g.randint(1, 28))
        rows.append("%s,%s,%s,%s,%s,%s,%s" % (r.p(p.last, "NAME") if " " not in p.last and "," not in p.last else r.p(p.last, "NAME"),
                                             r.p(p.first, "NAME"), r.p(fmt_date(d, "us"), "DATE"),
                                             g.choice(["10:00", "11:00", "14:00"]), r.k(g.cpt(), "cpt"), r.k(g.icd(), "icd"), cn))
    return "csv-export: %s: row %d has %d columns, expected %d\n%s" % (r.k("csv.Error", "exception"), g.randint(2, 90), 7, 8, "\n".join(rows))


# ===========================================================================
# I. billing / clearinghouse
# ===========================================================================
def x12_nm1_il(r, g, p, mem):
    ln = r.p(ascii_fold(p.last).upper(), "NAME")
    fn = r.p(ascii_fold(p.first).upper(), "NAME")
    return "NM1*IL*1*%s*%s****MI*%s~" % (ln, fn, mem)


@T("x12-277ca-rejection")
def _(r, g):
    p = person(g)
    c = clinician(g)
    mem = r.p(p.member, "HEALTH_PLAN")
    npi = r.p(c.npi, "LICENSE")
    dob = r.p(fmt_date(p.dob, "x12"), "DATE")
    st = r.p(ascii_fold(p.street_short).upper(), "ADDRESS")
    city = r.p(p.city.upper(), "CITY")
    z = r.p(p.zip + p.zip4, "ZIP")
    cl = r.p(ascii_fold(c.last).upper(), "NAME")
    cf = r.p(ascii_fold(c.first).upper(), "NAME")
    pcn = r.p(p.acct, "ACCOUNT")
    segs = ["NM1*82*1*%s*%s****XX*%s~" % (cl, cf, npi), x12_nm1_il(r, g, p, mem), "N3*%s~" % st,
            "N4*%s*%s*%s~" % (city, p.state, z), "DMG*D8*%s*%s~" % (dob, "F" if p.sex == "F" else "M"),
            "CLM*%s*%s***11:B:1*Y*A*Y*Y~" % (pcn, r.k(CPT_FEES["90837"], "amount"))]
    return ("277CA rejected claim %s from %s\nSTC*A7:562:82*%s*U*%s~  (Entity's National Provider Identifier (NPI))\n%s\nbatch %s") % (
        r.k("TRN" + g.digits(9, True), "trace_id"), r.k(g.payer(), "payer"), g.event_dt().strftime("%Y%m%d"), CPT_FEES["90837"],
        "\n".join(segs), r.k(g.uuid(), "uuid"))


@T("stripe-card-error-frame-vars")
def _(r, g):
    p = person(g)
    ev, svc = sentry_base(r, g, "python", "tessera-billing")
    brand, card = g.card()
    fmt = g.choice(["plain", "space", "dash"])
    if fmt == "space":
        cs = " ".join(card[i:i + 4] for i in range(0, len(card), 4))
    elif fmt == "dash":
        cs = "-".join(card[i:i + 4] for i in range(0, len(card), 4))
    else:
        cs = card
    cs = r.p(cs, "ACCOUNT")
    nm = r.p(p.full.upper() if g.chance(0.3) else p.full, "NAME")
    z = r.p(p.zip, "ZIP")
    req = r.k("req_" + g.alnum(14, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), "request_id")
    ev["exception"] = {"values": [{"type": r.k("CardError", "exception"), "module": r.k("stripe._error", "module"),
                                   "value": "Request %s: Your card was declined." % req,
                                   "stacktrace": {"frames": [{"module": r.k("tessera.billing.payments.card_on_file", "module"), "function": "attach_card",
                                                              "lineno": g.randint(30, 200), "in_app": True,
                                                              "vars": {"card_number": "'%s'" % cs, "exp": "'%02d/%d'" % (g.randint(1, 12), g.randint(26, 31)),
                                                                       "cardholder": "'%s'" % nm, "billing_zip": "'%s'" % z,
                                                                       "amount_cents": int(r.k(str(g.randint(2000, 30000)), "amount")),
                                                                       "decline_code": "'%s'" % r.k(g.choice(["insufficient_funds", "do_not_honor", "card_velocity_exceeded"]), "error_code")}}]}}]}
    return jdump(g, ev)


@T("era-835-posting-mismatch")
def _(r, g):
    p = person(g)
    pcn = r.p(p.acct, "ACCOUNT")
    mem = r.p(p.member, "HEALTH_PLAN")
    cpt = r.k(g.cpt(), "cpt")
    fee = CPT_FEES[cpt]
    paid = "%.2f" % (float(fee) * g.choice([0.6, 0.72, 0.8]))
    dos = dt.date(2024, g.randint(6, 12), g.randint(1, 28))
    ds = r.p(fmt_date(dos, "x12"), "DATE")
    segs = ["CLP*%s*1*%s*%s**12*%s*11*1~" % (pcn, r.k(fee, "amount"), r.k(paid, "amount"), r.k(g.digits(14, True), "claim_ref")),
            x12_nm1_il(r, g, p, mem).replace("NM1*IL", "NM1*QC"),
            "SVC*HC:%s*%s*%s**1~" % (cpt, fee, paid), "DTM*472*%s~" % ds,
            "CAS*CO*%s*%s~" % (r.k("45", "carc"), "%.2f" % (float(fee) - float(paid)))]
    return "era-posting: could not match CLP01 %s to an open claim (payer %s, check %s)\n%s" % (
        pcn, r.k(g.payer(), "payer"), r.k("EFT" + g.digits(10, True), "trace_id"), "\n".join(segs))


@T("x12-271-aaa-reject")
def _(r, g):
    p = person(g)
    mem = r.p(p.member, "HEALTH_PLAN")
    dob = r.p(fmt_date(p.dob, "x12"), "DATE")
    code = r.k(g.choice(["72", "73", "75", "76"]), "aaa_code")
    meaning = {"72": "Invalid/Missing Subscriber/Insured ID", "73": "Invalid/Missing Subscriber/Insured Name",
               "75": "Subscriber/Insured Not Found", "76": "Duplicate Subscriber/Insured ID Number"}[code]
    return ("271 eligibility response AAA*Y**%s*C~ (%s) for request %s\nHL*3*2*22*0~\n%s\nDMG*D8*%s~\nDTP*291*D8*%s~\nEQ*%s~") % (
        code, meaning, r.k(g.uuid(), "uuid"), x12_nm1_il(r, g, p, mem), dob, g.event_dt().strftime("%Y%m%d"), r.k("MH", "service_type"))


@T("statement-render-timeout")
def _(r, g):
    p = person(g)
    acct = r.p(p.acct, "ACCOUNT")
    nm = r.p(name_form(p, g.choice(["full", "upper", "last_first"])), "NAME")
    st = r.p(p.street_full, "ADDRESS")
    city = r.p(p.city, "CITY")
    z = r.p(p.zip + ("-" + p.zip4 if g.chance(0.5) else ""), "ZIP")
    bal = r.k("$%d.%02d" % (g.randint(20, 2400), g.randint(0, 99)), "amount")
    return ("statement-renderer timed out after %s for account %s (balance %s)\nguarantor: %s\n%s\n%s, %s %s\nrenderer=%s pod=%s") % (
        r.k("30000ms", "duration"), acct, bal, nm, st, city, p.state, z, r.k("wkhtmltopdf 0.12.6", "version"),
        r.k(g.host("tessera-billing"), "host"))


@T("ach-return-payment-plan")
def _(r, g):
    p = person(g)
    nm = r.p(p.full, "NAME")
    ba = r.p(g.digits(g.randint(8, 12), True), "ACCOUNT")
    code = g.choice([("R03", "No Account/Unable to Locate Account"), ("R01", "Insufficient Funds"), ("R02", "Account Closed")])
    r.k(code[0], "error_code")
    return ("ACH return %s (%s) for payment plan %s\n  payer: %s\n  bank account: %s (checking)\n  amount: %s  effective: %s\n  processor: %s") % (
        code[0], code[1], r.k("PP-" + g.digits(5, True), "ticket"), nm, ba, r.k("$%d.00" % g.randint(25, 400), "amount"),
        r.k(g.ts("sec"), "timestamp"), r.k("Stax", "vendor"))


@T("superbill-pdf-render-error")
def _(r, g):
    p = person(g)
    c = clinician(g)
    nm = r.p(p.full, "NAME")
    dob = r.p(fmt_date(p.dob, g.choice(["us", "long"])), "DATE")
    cn = "%s, %s" % (r.p(c.full, "NAME"), c.cred)
    npi = r.p(c.npi, "LICENSE")
    lic = r.p(c.lic, "LICENSE")
    dos = [dt.date(2024, g.randint(6, 12), g.randint(1, 28)) for _ in range(g.randint(1, 3))]
    lines = []
    for d in dos:
        cpt = g.cpt()
        lines.append("  %s  %s  %s  $%s" % (r.p(fmt_date(d, "us"), "DATE"), r.k(cpt, "cpt"), r.k(g.icd(), "icd"), CPT_FEES[cpt]))
    return ("WeasyPrint error while rendering superbill %s: %s: Table row overflow on page 2\n"
            "context:\n  client: %s (DOB %s)\n  rendering provider: %s  NPI %s  License %s\n  lines:\n%s") % (
        r.k("SB-" + g.digits(6, True), "invoice_id"), r.k("LayoutError", "exception"), nm, dob, cn, npi, lic, "\n".join(lines))


@T("prior-auth-submission-failed")
def _(r, g):
    p = person(g)
    c = clinician(g)
    auth = r.p(g.choice(["PA%s" % g.digits(9, True), "%s-%s" % (g.digits(4, True), g.digits(7)), "AUTH-%s" % g.alnum(8)]), "OTHER_ID")
    mem = r.p(p.member, "HEALTH_PLAN")
    npi = r.p(c.npi, "LICENSE")
    cn = r.p(c.full, "NAME")
    s = dt.date(2025, g.randint(1, 3), g.randint(1, 28))
    e = s + dt.timedelta(days=g.choice([90, 180]))
    sd, ed = r.p(fmt_date(s, "us"), "DATE"), r.p(fmt_date(e, "us"), "DATE")
    ks = g.keystyle()
    req = {conv("authorization number", ks): auth, conv("member id", ks): mem, conv("rendering npi", ks): npi,
           conv("rendering provider", ks): cn, conv("units", ks): g.choice([12, 24, 26]), conv("cpt", ks): r.k(g.cpt(), "cpt"),
           conv("diagnosis", ks): r.k(g.icd(), "icd"), conv("from", ks): sd, conv("to", ks): ed}
    return "%s extension request rejected: %s\n%s" % (r.k(g.payer(), "payer"), r.k("AUTH_NOT_FOUND", "error_code"), jdump(g, req))


@T("medicare-mbi-format-age")
def _(r, g):
    p = person(g, age=g.randint(90, 100))
    mbi = g.mbi()
    form = g.choice(["plain", "dash", "lower"])
    if form == "dash":
        mbi_s = "%s-%s-%s" % (mbi[:4], mbi[4:7], mbi[7:])
    elif form == "lower":
        mbi_s = mbi.lower()
    else:
        mbi_s = mbi
    mbi_s = r.p(mbi_s, "HEALTH_PLAN")
    nm = r.p(name_form(p, g.choice(["upper_last_first", "full", "last_first"])), "NAME")
    age = r.p(str(p.age), "AGE_OVER_89")
    return g.choice([
        "MBI validation failed for beneficiary %s (age %s): '%s' does not match CMS format; HETS request %s not sent",
        "claim-scrubber: %s, %s y/o — Medicare ID %s invalid (expected 11 chars, pos 2 alpha). hets_ref=%s"]) % (
        nm, age, mbi_s, r.k(g.uuid(), "uuid")) + " [%s]" % r.k("Medicare Part B", "payer")


@T("card-on-file-authnet-update")
def _(r, g):
    p = person(g)
    brand, card = g.card()
    cs = r.p(card, "ACCOUNT")
    nm = r.p(p.full, "NAME")
    st = r.p(p.street, "ADDRESS")
    z = r.p(p.zip, "ZIP")
    xml = ("<updateCustomerPaymentProfileRequest><paymentProfile><billTo><firstName>%s</firstName><lastName>%s</lastName><address>%s</address>"
           "<zip>%s</zip></billTo><payment><creditCard><cardNumber>%s</cardNumber><expirationDate>%d-%02d</expirationDate></creditCard></payment>"
           "</paymentProfile></updateCustomerPaymentProfileRequest>") % (r.p(p.first, "NAME"), r.p(p.last, "NAME"), st, z, cs,
                                                                         g.randint(2026, 2031), g.randint(1, 12))
    return "authorize.net %s: %s (profile %s, %s)\nrequest: %s" % (
        r.k("E00027", "error_code"), "The transaction was unsuccessful.", r.k(g.digits(9, True), "db_id"), nm, xml)


@T("collections-export-row-rejected")
def _(r, g):
    p = person(g)
    acct = r.p(p.acct, "ACCOUNT")
    nm = r.p(name_form(p, g.choice(["upper_last_first", "last_first"])), "NAME")
    ssn = r.p(ssn_fmt(p, g.choice(["dash", "plain", "space"])), "SSN")
    ph = r.p(fmt_phone(p.phone, g.choice(PHONE_STYLES)), "PHONE")
    dob = r.p(fmt_date(p.dob, g.choice(["us", "iso"])), "DATE")
    return ("collections-export: agency SFTP rejected %s line %d: field 6 (balance) must be > 0\n"
            "|%s|%s|%s|%s|%s|%s|\nfile=%s bytes=%d") % (
        r.k("placements_%s.psv" % g.event_dt().strftime("%Y%m%d"), "file"), g.randint(2, 300), acct, nm, ssn, dob, ph,
        r.k("0.00", "amount"), r.k("sftp://collect.partner.example:22/inbound/", "endpoint"), g.randint(2000, 90000))


# ===========================================================================
# J. EHR integration
# ===========================================================================
@T("hl7-adt-nk1-ack-error")
def _(r, g):
    p = person(g)
    k = person(g)
    c = clinician(g)
    ctrl = r.k(g.digits(10, True), "message_id")
    nk_nm = r.p("%s^%s" % (ascii_fold(k.last).upper(), ascii_fold(k.first).upper()), "NAME")
    nk_ph = r.p("(%s)%s-%s" % (k.phone[:3], k.phone[3:6], k.phone[6:]), "PHONE")
    segs = ["MSH|^~\\&|ADT1|%s|TESSERA|BH|%s||ADT^A04|%s|P|2.3" % (g.choice(["MERCYGEN", "STLUKES", "NORTHRIDGE"]), g.event_dt().strftime("%Y%m%d%H%M"), ctrl),
            hl7_pid(r, g, p),
            "NK1|1|%s|%s|||%s" % (nk_nm, g.choice(["MTH", "SPO", "FTH", "SIS", "BRO"]), nk_ph),
            hl7_pv1(r, g, c)]
    sep = g.choice(["\r", "\n", " | "])
    msg = sep.join(segs) if sep != " | " else "\n".join(segs)
    return "MSA|AE|%s|%s\nERR|^^^%s&%s&HL70357\ninbound message:\n%s" % (
        ctrl, "PID-11 component 5 invalid", r.k("207", "error_code"), "Application internal error", msg)


@T("fhir-patient-resource-parse")
def _(r, g):
    p = person(g)
    res = {"resourceType": "Patient", "id": r.k(g.uuid(), "uuid"),
           "identifier": [{"system": "urn:oid:2.16.840.1.113883.3.%d.1" % g.randint(1000, 9999), "value": r.p(p.mrn, "MRN")},
                          {"system": "http://hl7.org/fhir/sid/us-ssn", "value": r.p(ssn_fmt(p, "plain"), "SSN")}],
           "name": [{"family": r.p(p.last, "NAME"), "given": [r.p(p.first, "NAME")]}],
           "telecom": [{"system": "phone", "value": r.p(fmt_phone(p.phone, g.choice(["paren", "dash", "e164"])), "PHONE"), "use": "mobile"},
                       {"system": "email", "value": r.p(p.email, "EMAIL")}],
           "gender": {"F": "female", "M": "male", "X": "other"}[p.sex],
           "birthDate": r.p(p.dob.isoformat(), "DATE"),
           "address": [{"line": [r.p(p.street_full, "ADDRESS")], "city": r.p(p.city, "CITY"), "state": p.state,
                        "postalCode": r.p(p.zip, "ZIP")}]}
    txt = jdump(g, res, pretty=False)
    cut = txt[:-g.randint(1, 3)]
    tail = txt[len(cut):]
    return "%s: HAPI-0450: Failed to parse request body as JSON resource. Error was: HAPI-1861: Failed to parse JSON encoded FHIR content: Unexpected end-of-input\nbody (%d bytes): %s" % (
        r.k("ca.uhn.fhir.rest.server.exceptions.InvalidRequestException", "exception"), len(txt), cut) + ("" if "\"" not in tail else "")


@T("surescripts-newrx-error-xml")
def _(r, g):
    p = person(g)
    c = clinician(g, prescriber=True)
    dea = r.p(c.dea, "LICENSE")
    npi = r.p(c.npi, "LICENSE")
    fax = r.p(c.fax, "FAX")
    ln, fn = r.p(p.last, "NAME"), r.p(p.first, "NAME")
    cl, cf = r.p(c.last, "NAME"), r.p(c.first, "NAME")
    dob = r.p(p.dob.isoformat(), "DATE")
    drug = g.choice(["sertraline 50 mg tablet", "buprenorphine-naloxone 8-2 mg film", "lamotrigine 100 mg tablet", "atomoxetine 40 mg capsule"])
    xml = ("<Message><Header><MessageID>%s</MessageID></Header><Body><Error><Code>%s</Code><DescriptionCode>%s</DescriptionCode>"
           "<Description>Prescriber DEA %s not valid for schedule</Description></Error></Body></Message>") % (
        r.k(g.hexs(32), "message_id"), r.k("900", "error_code"), r.k("1000", "error_code"), dea)
    orig = ("<Prescriber><NonVeterinarian><Identification><NPI>%s</NPI><DEANumber>%s</DEANumber></Identification><Name><LastName>%s</LastName>"
            "<FirstName>%s</FirstName></Name><CommunicationNumbers><Fax><Number>%s</Number></Fax></CommunicationNumbers></NonVeterinarian></Prescriber>"
            "<Patient><HumanPatient><Name><LastName>%s</LastName><FirstName>%s</FirstName></Name><DateOfBirth><Date>%s</Date></DateOfBirth></HumanPatient></Patient>"
            "<MedicationPrescribed><DrugDescription>%s</DrugDescription></MedicationPrescribed>") % (npi, dea, cl, cf, fax, ln, fn, dob, drug)
    return "erx: NewRx rejected by Surescripts\nresponse: %s\noriginal (excerpt): %s" % (xml, orig)


@T("ccda-import-xml-error")
def _(r, g):
    p = person(g)
    tel = r.p("tel:+1-%s-%s-%s" % (p.phone[:3], p.phone[3:6], p.phone[6:]), "PHONE")
    root = r.k("2.16.840.1.113883.19.%d" % g.randint(1000, 9999), "oid")
    xml = ("<recordTarget><patientRole><id extension=\"%s\" root=\"%s\"/><addr use=\"HP\"><streetAddressLine>%s</streetAddressLine>"
           "<city>%s</city><state>%s</state><postalCode>%s</postalCode></addr><telecom value=\"%s\" use=\"MC\"/>"
           "<patient><name><given>%s</given><family>%s</family></name><birthTime value=\"%s\"/></patient></patientRole></recordTarget>") % (
        r.p(p.mrn, "MRN"), root, r.p(p.street_full, "ADDRESS"), r.p(p.city, "CITY"), p.state, r.p(p.zip, "ZIP"), tel,
        r.p(p.first, "NAME"), r.p(p.last, "NAME"), r.p(fmt_date(p.dob, "hl7"), "DATE"))
    return ("lxml.etree.XMLSyntaxError: Opening and ending tag mismatch: section line %d and component, line %d, column %d\n"
            "ccda-import: document %s from %s; recordTarget:\n%s") % (
        g.randint(100, 900), g.randint(100, 900), g.randint(2, 40), r.k(g.uuid(), "uuid"), r.k("Direct/HISP", "service"), xml) + \
        "\n(%s)" % r.k("lxml.etree.XMLSyntaxError", "exception")


@T("pdmp-query-failed")
def _(r, g):
    p = person(g)
    c = clinician(g, prescriber=True)
    dl = r.p(g.dl(p.state), "LICENSE")
    nm = r.p(name_form(p, g.choice(["upper", "full", "mi"])), "NAME")
    dob = r.p(fmt_date(p.dob, g.choice(["us", "iso"])), "DATE")
    z = r.p(p.zip, "ZIP")
    dea = r.p(c.dea, "LICENSE")
    return ("pdmp-gateway: PMP InterConnect request %s failed: %s %s\n"
            "  patient: %s  dob: %s  zip: %s  state DL: %s (%s)\n  requestor DEA: %s  role: %s") % (
        r.k(g.uuid(), "uuid"), r.k("504", "status"), r.k("Gateway Timeout", "status_text"), nm, dob, z, dl, p.state, dea,
        g.choice(["prescriber", "delegate"]))


@T("hl7-orm-lab-order-drug-screen")
def _(r, g):
    p = person(g)
    c = clinician(g, prescriber=True)
    ctrl = r.k("ORM" + g.digits(9, True), "message_id")
    pid = hl7_pid(r, g, p)
    npi = r.p(c.npi, "LICENSE")
    cn = r.p("%s^%s" % (ascii_fold(c.last).upper(), ascii_fold(c.first).upper()), "NAME")
    orc = "ORC|NW|%s|||||||%s||%s^%s^^^^^^NPI" % (r.k(g.digits(8, True), "order_id"), g.event_dt().strftime("%Y%m%d%H%M"), npi, cn)
    obr = "OBR|1|||%s^%s^L" % (r.k("83992", "loinc"), g.choice(["Drug Screen 10 Panel Urine", "Buprenorphine UDS", "Fentanyl Screen"]))
    return "lab-interface: %s rejected ORM %s: %s\n%s" % (r.k(g.choice(["Quest", "Labcorp", "Millennium"]), "vendor"), ctrl,
                                                        "PID-3 assigning authority unknown", "\n".join(["MSH|^~\\&|TESSERA|BH|LAB|LAB|||ORM^O01|%s|P|2.3" % ctrl, pid, orc, obr]))


@T("direct-message-delivery-failed")
def _(r, g):
    p = person(g)
    c = clinician(g)
    dir_addr = r.p("%s.%s@direct.%s" % (ascii_fold(c.first).lower().replace("-", ""), ascii_fold(c.last).lower().replace(" ", "").replace("'", "").replace(".", ""), c.domain), "EMAIL")
    nm = r.p(name_form(p, g.choice(["full", "last_first"])), "NAME")
    dob = r.p(fmt_date(p.dob, g.choice(["us", "iso", "abbr"])), "DATE")
    return ("Direct message to %s failed: MDN processed/failed (%s)\nSubject: Referral summary - %s (DOB %s)\nMessage-ID: <%s@direct.tesserahealth.io>\nHISP: %s") % (
        dir_addr, r.k("5.1.1", "status"), nm, dob, r.k(g.uuid(), "uuid"), r.k("Updox", "vendor"))


# ===========================================================================
# K. short staff / clinician messages caught in errors
# ===========================================================================
@T("frontdesk-note-task-create-failed")
def _(r, g):
    p = person(g)
    nm = r.p(name_form(p, g.choice(["first_init", "full"])), "NAME")
    ph = r.p(fmt_phone(p.phone, g.choice(["dot", "dash", "plain", "paren"])), "PHONE")
    d = dt.date(2025, g.randint(1, 6), g.randint(1, 28))
    ds = r.p(fmt_date(d, g.choice(["md_num", "md_abbr", "md_num0"])), "DATE")
    pro = g.choice(["her", "his", "their"])
    note = g.choice(["pt %s called from %s, wants to move %s %s appt to any afternoon. ok to leave vm.",
                     "%s (cb %s) cancelled %s %s visit - car trouble. pls offer telehealth"]) % (nm, ph, pro, ds)
    return "TaskBoardError: %s %s creating task in queue %s\nnote: \"%s\"\nrequest_id=%s" % (
        r.k("413", "status"), "Payload Too Large", r.k("front-desk", "queue"), note, r.k(g.req_id(), "request_id"))


@T("slack-api-clinician-message")
def _(r, g):
    p = person(g)
    c = clinician(g)
    nm = r.p(name_form(p, g.choice(["upper_last_first", "last_first", "full"])), "NAME")
    mrn = r.p(p.mrn, "MRN")
    msg = g.choice(["@oncall can't sign note for %s - says chart locked by another session. MRN %s",
                    "hey it-help, %s's chart (%s) won't load the treatment plan tab, spinning forever"]) % (nm, mrn)
    resp = {"ok": False, "error": r.k("channel_not_found", "error_code"), "warning": "missing_charset",
            "response_metadata": {"warnings": ["missing_charset"]}}
    return "slack.errors.SlackApiError: The request to the Slack API failed. (url: %s)\nThe server responded with: %s\npayload.text=%r\nposted_by=%s" % (
        r.k("https://slack.com/api/chat.postMessage", "endpoint"), json.dumps(resp), msg, r.p(c.email, "EMAIL"))


@T("secure-message-notification-preview")
def _(r, g):
    p = person(g)
    c = clinician(g)
    first = r.p(p.first, "NAME")
    cl = r.p("Dr. %s" % c.last, "NAME")
    ph = r.p(fmt_phone(p.phone2, g.choice(PHONE_STYLES)), "PHONE")
    prev = g.choice(["Hi %s, this is %s, my new number is %s — the old one got shut off.",
                     "%s - it's %s. Can you call me at %s? Having a hard week."]) % (cl, first, ph)
    ks = g.keystyle()
    return jdump(g, {conv("event", ks): "secure_message.notify_failed", conv("thread id", ks): r.k(g.uuid(), "uuid"),
                     conv("recipient user id", ks): int(r.k(g.dbid(100, 9999), "db_id")),
                     conv("preview", ks): prev, conv("error", ks): "APNs %s BadDeviceToken" % r.k("400", "status")})


@T("zendesk-ticket-staff-description")
def _(r, g):
    p = person(g)
    s = clinician(g)
    nm = r.p(p.full, "NAME")
    dob = r.p(fmt_date(p.dob, g.choice(["us", "us_short", "us_yy"])), "DATE")
    acct = r.p(p.acct, "ACCOUNT")
    sn = r.p(s.first, "NAME")
    desc = "Client %s (DOB %s) says she was charged twice for %s. Acct %s. Can billing review? -%s" % (
        nm, dob, r.k(g.choice(["90837", "90834", "90791"]), "cpt"), acct, sn)
    return "zenpy.lib.exception.APIException: {\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\",\"details\":{\"requester\":[{\"description\":\"Requester: Email is not properly formatted\"}]}}\nticket.description=%s\nticket.tags=%s" % (
        json.dumps(desc), json.dumps([r.k("billing-dispute", "flag"), "tessera"]))


@T("inbound-sms-unmatched-sender")
def _(r, g):
    p = person(g)
    ph = r.p("+1" + p.phone, "PHONE")
    nm = r.p(p.full.lower() if g.chance(0.6) else p.first.lower(), "NAME")
    body = g.choice(["hey its %s, running 10 min late for my %s", "this is %s. need to reschedule %s pls call", "%s here - can i switch to telehealth %s?"]) % (
        nm, g.choice(["3pm", "appt today", "session tmrw", "10:30"]))
    return "inbound-sms: no client matched sender %s; routed to %s\nBody: %s\nMessageSid=%s" % (
        ph, r.k("unmatched-inbox", "queue"), body, r.k("SM" + g.hexs(32), "message_id"))


# ===========================================================================
# L. web / auth / documents / devices
# ===========================================================================
@T("nginx-access-log-upstream-500")
def _(r, g):
    p = person(g)
    ip = r.p(p.ip, "IP")
    un = r.p(p.username, "OTHER_ID")
    mrn = r.p(p.mrn, "MRN")
    path = r.p("/portal/records/by-mrn/%s/download" % mrn, "URL")
    stamp = r.k(g.ts("log"), "timestamp")
    up = r.k("%s:%s" % (g.infra_ip(), "8000"), "host")
    return ("%s - %s [%s] \"GET %s HTTP/1.1\" %s %d \"https://portal.tesserahealth.io/records\" \"%s\" rt=%.3f uct=\"0.001\" urt=\"%.3f\"\n"
            "upstream prematurely closed connection while reading response header from upstream, upstream: \"http://%s%s\"") % (
        ip, un, stamp, path, r.k("502", "status"), g.randint(150, 600), g.choice(UA), g.randint(1, 30000) / 1000.0, g.randint(1, 30000) / 1000.0, up, path)


@T("cloudflare-waf-block-ipv6")
def _(r, g):
    p = person(g)
    ip = r.p(p.ip if ":" in p.ip else g.pub_ipv6(), "IP")
    q = r.p(ascii_fold(p.last).lower().replace(" ", "+").replace("'", "%27"), "NAME")
    dob = r.p(p.dob.isoformat(), "DATE")
    ev = {"Action": "block", "ClientIP": ip, "ClientCountry": "us", "ClientRequestHost": "app.tesserahealth.io",
          "ClientRequestPath": r.k("/api/v1/patients/search", "route"), "ClientRequestQuery": "?q=%s&dob=%s&limit=25" % (q, dob),
          "RayID": r.k(g.hexs(16), "ray_id"), "RuleID": r.k(g.hexs(32), "hash"), "Source": "firewallManaged",
          "Datetime": r.k(g.ts("sec"), "timestamp")}
    return "cf-logpush: WAF blocked authenticated staff request (rule %s, OWASP score %d)\n%s" % (
        ev["RuleID"][:8], g.randint(25, 60), jdump(g, ev))


@T("auth0-failed-login-log")
def _(r, g):
    p = person(g)
    em = r.p(p.email, "EMAIL")
    ip = r.p(p.ip, "IP")
    ev = {"date": r.k(g.ts("z"), "timestamp"), "type": "fp", "description": "Wrong email or password.", "connection": "Username-Password-Authentication",
          "client_id": r.k(g.alnum(32, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), "client_id"), "client_name": "Tessera Client Portal",
          "ip": ip, "user_agent": g.choice(["Chrome 124.0.0 / Windows 10.0.0", "Mobile Safari 17.4.0 / iOS 17.4.0"]),
          "user_name": em, "log_id": r.k(g.digits(56, True), "log_id"),
          "details": {"error": {"message": "Wrong email or password."}}}
    return "auth0 log stream -> alert (>= %d fp events/10m for one user)\n%s" % (g.randint(5, 12), jdump(g, ev))


@T("idv-ssn-mismatch")
def _(r, g):
    p = person(g)
    ssn = r.p(ssn_fmt(p, g.choice(["dash", "plain"])), "SSN")
    nm = r.p(p.full, "NAME")
    dob = r.p(fmt_date(p.dob, g.choice(["iso", "us"])), "DATE")
    st = r.p(p.street, "ADDRESS")
    city = r.p(p.city, "CITY")
    z = r.p(p.zip, "ZIP")
    ks = g.keystyle()
    resp = {conv("result", ks): "no_match", conv("reason codes", ks): [r.k("SSN_NAME_MISMATCH", "error_code"), "DOB_PARTIAL"],
            conv("input", ks): {conv("name", ks): nm, conv("ssn", ks): ssn, conv("dob", ks): dob,
                                conv("address", ks): {"street": st, "city": city, "state": p.state, "zip": z}},
            conv("reference", ks): r.k(g.uuid(), "uuid")}
    return "identity-verification failed for self-pay enrollment (vendor %s)\n%s" % (r.k("Socure", "vendor"), jdump(g, resp))


@T("document-upload-filename")
def _(r, g):
    p = person(g)
    style = g.choice(["lf_us", "fl_iso", "lf_hl7"])
    if style == "lf_us":
        nm = "%s_%s" % (ascii_fold(p.last).replace(" ", "").replace("'", ""), ascii_fold(p.first))
        ds = fmt_date(p.dob, "us_dash")
    elif style == "fl_iso":
        nm = "%s-%s" % (ascii_fold(p.first).lower(), ascii_fold(p.last).lower().replace(" ", "-").replace("'", ""))
        ds = p.dob.isoformat()
    else:
        nm = "%s_%s" % (ascii_fold(p.last).upper().replace(" ", "").replace("'", ""), ascii_fold(p.first).upper())
        ds = fmt_date(p.dob, "hl7")
    r.p(nm, "NAME")
    r.p(ds, "DATE")
    kind = g.choice(["insurance_card_front", "ROI_signed", "court_order", "photo_id", "discharge_summary"])
    fname = "%s_DOB_%s_%s.%s" % (nm, ds, kind, g.choice(["pdf", "jpg", "HEIC"]))
    size = g.randint(11, 60)
    return ("UploadRejected: %s exceeds max size %s (got %d.%d MB)\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\nuploader=%s route=%s") % (
        json.dumps(fname), r.k("10 MB", "limit"), size, g.randint(0, 9), fname, r.k("portal", "service"), r.k("/api/v1/documents", "route"))


@T("s3-key-path-access-denied")
def _(r, g):
    p = person(g)
    mrn = r.p(p.mrn, "MRN")
    d = dt.date(2025, g.randint(1, 6), g.randint(1, 28))
    ds = r.p(d.isoformat(), "DATE")
    bucket = "tessera-docs-prod-us-east-2"
    key = "patients/%s/intake/%s/%s" % (mrn, ds, g.choice(["consent.pdf", "roi.pdf", "phq9.json"]))
    if g.chance(0.5):
        loc = "uri=%s" % r.p("s3://%s/%s" % (bucket, key), "URL")
    else:
        loc = "bucket=%s key=%s" % (r.k(bucket, "bucket"), r.p(key, "URL"))
    return ("botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the PutObject operation: Access Denied\n"
            "%s kms_key=%s role=%s") % (loc, r.k("alias/tessera-phi", "kms"), r.k("arn:aws:iam::%s:role/intake-worker" % g.digits(12, True), "arn"))


@T("wearable-sync-device-serial")
def _(r, g):
    p = person(g)
    ser = r.p(g.serial(), "DEVICE")
    em = r.p(p.email, "EMAIL")
    nm = r.p(p.first, "NAME")
    ks = g.keystyle()
    body = {conv("provider", ks): g.choice(["fitbit", "oura", "garmin", "withings"]), conv("device serial", ks): ser,
            conv("owner email", ks): em, conv("owner display name", ks): nm,
            conv("last sync", ks): r.k(g.ts("z"), "timestamp"), conv("error", ks): "token_revoked",
            conv("program", ks): r.k("sleep-mood-rpm", "flag")}
    return "remote-monitoring: sync failed (%s)\n%s" % (r.k("401", "status"), jdump(g, body))


@T("mdm-loaner-tablet-imei")
def _(r, g):
    p = person(g)
    imei = g.imei()
    style = g.choice(["plain", "dash", "space"])
    if style == "dash":
        s = "%s-%s-%s-%s" % (imei[:2], imei[2:8], imei[8:14], imei[14])
    elif style == "space":
        s = "%s %s %s %s" % (imei[:2], imei[2:8], imei[8:14], imei[14])
    else:
        s = imei
    s = r.p(s, "DEVICE")
    ser = r.p(g.alnum(12, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"), "DEVICE")
    nm = r.p(name_form(p, g.choice(["full", "last_first"])), "NAME")
    ph = r.p(fmt_phone(p.phone, g.choice(PHONE_STYLES)), "PHONE")
    return ("mdm: loaner tablet enrollment failed - %s\n  assigned to: %s (%s)\n  IMEI: %s  serial: %s\n  profile: %s  model: iPad (10th gen)") % (
        r.k("DEP_PROFILE_NOT_ASSIGNED", "error_code"), nm, ph, s, ser, r.k("tessera-loaner-v2", "flag"))


@T("passport-id-verification")
def _(r, g):
    p = person(g)
    pp = r.p(g.choice(["%s%s" % (g.choice("ACEFGHJKLMNPRSTUVWXYZ"), g.digits(8)), g.digits(9, True)]), "OTHER_ID")
    dl = r.p(g.dl(p.state), "LICENSE")
    nm = r.p(name_form(p, g.choice(["upper", "full", "last_first_mi"])), "NAME")
    dob = r.p(fmt_date(p.dob, g.choice(["dmy_abbr", "us", "oracle"])), "DATE")
    return ("id-check: document OCR mismatch for new client (telehealth controlled-substance intake)\n"
            "  passport no: %s\n  driver license: %s (%s)\n  name on doc: %s\n  dob on doc: %s\n  confidence=%s vendor=%s") % (
        pp, dl, p.state, nm, dob, r.k("0.%d" % g.randint(41, 79), "score"), r.k("Persona", "vendor"))


@T("sentry-dui-program-intake-vehicle")
def _(r, g):
    p = person(g)
    ev, svc = sentry_base(r, g, "php", "tessera-intake")
    vin = r.p(g.vin(), "VEHICLE")
    plate = r.p(g.plate(), "VEHICLE")
    dl = r.p(g.dl(p.state), "LICENSE")
    nm = r.p(p.full, "NAME")
    ks = g.keystyle()
    ev["exception"] = {"values": [{"type": r.k("InvalidArgumentException", "exception"),
                                   "value": "Vehicle year could not be decoded from VIN %s" % vin}]}
    ev["request"] = {"url": "https://intake.tesserahealth.io/dui-program/enroll", "method": "POST",
                     "data": {conv("full name", ks): nm, conv("license number", ks): dl, conv("vehicle vin", ks): vin,
                              conv("license plate", ks): plate, conv("plate state", ks): p.state,
                              conv("program", ks): r.k("DUI-IOP", "flag")}}
    ev["tags"] = {"route": r.k("dui.enroll", "route")}
    return json.dumps(ev).replace("/", "\\/")


# ===========================================================================
# N. PHI-free records: only look-alikes that must be kept
# ===========================================================================
@T("free-alertmanager-disk-pressure", phi_free=True)
def _(r, g):
    inst = r.k("%s:%s" % (g.infra_ip(), "9100"), "host")
    val = r.k("%d.%d" % (g.randint(90, 99), g.randint(0, 9)), "percent")
    a = am_alert(r, g, "NodeFilesystemAlmostFull", {"severity": "critical", "instance": inst, "mountpoint": r.k("/var/lib/postgresql", "path"),
                                                     "device": "/dev/nvme1n1", "job": "node-exporter"},
                 {"summary": "Filesystem on %s is %s%% full" % (inst, val),
                  "description": "Free space %s GiB; predicted full in %s at current write rate (WAL archiving to %s)." % (
                      r.k("%d.%d" % (g.randint(1, 20), g.randint(0, 9)), "size"), r.k("%dh" % g.randint(2, 20), "duration"), "s3://tessera-wal-archive")})
    return jdump(g, {"status": "firing", "alerts": [a], "receiver": "slack-infra"})


@T("free-sentry-importerror-module", phi_free=True)
def _(r, g):
    ev, svc = sentry_base(r, g, "python", "tessera-rcm-worker")
    mod = r.k(g.choice(["tessera.billing.x12.segments", "tessera.ehr.fhir.mappers.patient", "tessera.intake.screening.phq9"]), "module")
    ev["exception"] = {"values": [{"type": r.k("ImportError", "exception"),
                                   "value": "cannot import name 'normalize_dob' from partially initialized module '%s' (most likely due to a circular import)" % mod,
                                   "stacktrace": {"frames": [{"filename": mod.replace(".", "/") + ".py", "lineno": g.randint(1, 40), "function": "<module>",
                                                              "vars": {"__name__": "'%s'" % mod, "__package__": "'%s'" % mod.rsplit(".", 1)[0]}}]}}]}
    ev["tags"] = {"deploy": r.k("deploy-%d" % g.randint(1000, 9999), "deploy_id"), "python": r.k("3.12.%d" % g.randint(1, 4), "version")}
    ev["contexts"] = {"trace": trace_ctx(r, g, "celery.task")}
    return jdump(g, ev)


@T("free-celery-retry-db-ids", phi_free=True)
def _(r, g):
    return ("[%s: WARNING/ForkPoolWorker-%d] Task %s[%s] retry: Retry in %s: OperationalError('could not obtain lock on row in relation \"%s\"')\n"
            "args=(%s, %s) kwargs={'tenant_id': %s, 'batch': %s}") % (
        r.k(g.ts("space"), "timestamp"), g.randint(1, 16), r.k("billing.tasks.post_era_batch", "module"), r.k(g.uuid(), "uuid"),
        r.k("%ds" % g.choice([30, 60, 120]), "duration"), r.k("claims_claimline", "table"), r.k(g.dbid(100000, 999999), "db_id"),
        r.k(g.dbid(1000, 99999), "db_id"), r.k(g.dbid(10, 99), "db_id"), r.k(g.dbid(1, 900), "count"))


@T("free-django-migration-missing-column", phi_free=True)
def _(r, g):
    col = r.k(g.choice(["date_of_birth", "ssn_last4", "preferred_phone", "emergency_contact_name", "home_address_line1"]), "column")
    tbl = r.k(g.choice(["patients_patient", "intake_submission", "billing_guarantor"]), "table")
    mig = r.k("%04d_%s" % (g.randint(40, 300), g.choice(["add_pronouns", "split_address", "encrypt_identifiers"])), "migration")
    return slack_wrap(g, r, r.k("ProgrammingError", "exception"),
                      "```django.db.utils.ProgrammingError: column %s.%s does not exist\nLINE 1: ...\"%s\".\"id\", \"%s\".\"%s\" FROM \"%s\" WHERE ...\n```\nLikely cause: migration `%s` not applied on `%s` (release `%s`)" % (
                          tbl, col, tbl, tbl, col, tbl, mig, r.k("primary-db", "host"), r.k(g.release("tessera-api"), "release")), "tessera-api")


@T("free-claim-batch-summary", phi_free=True)
def _(r, g):
    lines = []
    for i in range(g.randint(2, 4)):
        cpt = r.k(g.cpt(), "cpt")
        lines.append("  %s  x%d  %s  %s  $%s" % (cpt, g.randint(3, 140), r.k(g.icd(), "icd"), r.k(g.payer(), "payer"), r.k(CPT_FEES[cpt], "amount")))
    return "837P batch %s submitted: %d claims, %d rejected at front end (%s)\n%s\nclearinghouse=%s elapsed=%s" % (
        r.k("B" + g.digits(9, True), "batch_id"), g.randint(40, 400), g.randint(0, 9), r.k("999 AK9*P", "x12"), "\n".join(lines),
        r.k(g.choice(["Availity", "Office Ally", "Waystar", "Change Healthcare"]), "vendor"), r.k("%.1fs" % (g.randint(10, 900) / 10.0), "duration"))


@T("free-stripe-webhook-signature", phi_free=True)
def _(r, g):
    return ("stripe.error.SignatureVerificationError: No signatures found matching the expected signature for payload\n"
            "event=%s type=%s livemode=true api_version=%s\nendpoint=%s tolerance=%s received_at=%s") % (
        r.k("evt_" + g.alnum(24, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), "event_id"),
        r.k(g.choice(["invoice.payment_failed", "charge.refunded", "payout.paid"]), "event"), r.k("2024-06-20", "version"),
        r.k("/hooks/stripe", "route"), r.k("300s", "duration"), r.k(g.ts("z"), "timestamp"))


@T("free-rate-limit-429", phi_free=True)
def _(r, g):
    return jdump(g, {"level": "warn", "msg": "rate limit exceeded", "status": int(r.k("429", "status")), "route": r.k("/api/v2/patients/{patient_id}/notes", "route"),
                     "limit": r.k("600/min", "limit"), "client": r.k(g.infra_ip(), "ip_infra"), "request_id": r.k(g.req_id(), "request_id"),
                     "trace_id": r.k(g.trace_id(), "trace_id"), "ts": r.k(g.ts("z"), "timestamp"), "tenant_id": int(r.k(g.dbid(10, 99), "db_id"))})


@T("free-grafana-latency-p99", phi_free=True)
def _(r, g):
    route = r.k(g.choice(["GET /api/v2/patients/:id/chart", "POST /api/v1/claims/:claim_id/submit", "GET /api/v1/appointments?clinician_id=:id"]), "route")
    return ("[FIRING:1] ApiLatencyP99High (%s)\nValue: %s\nLabels:\n - route = %s\n - cluster = %s\nAnnotations:\n - summary = p99 latency %s over SLO %s for %s\n"
            "Panel: https://grafana.tesserahealth.io/d/%s/api-latency?viewPanel=%d") % (
        r.k("tessera-api", "service"), r.k("%.2fs" % (g.randint(150, 900) / 100.0), "duration"), route, r.k("prod-use2-eks", "cluster"),
        g.choice(["2.41s", "3.07s", "1.96s"]), r.k("800ms", "duration"), r.k("15m", "duration"), r.k(g.alnum(9, "abcdefghijklmnopqrstuvwxyz0123456789"), "hash"), g.randint(2, 40))


@T("free-k8s-crashloop", phi_free=True)
def _(r, g):
    pod = r.k(g.host("tessera-ehr-bridge"), "host")
    img = r.k("sha256:" + g.hexs(64), "hash")
    return ("KubePodCrashLooping: pod %s (namespace %s) restarted %d times in %s\n"
            "container ehr-bridge image=123456789012.dkr.ecr.us-east-2.amazonaws.com/ehr-bridge@%s node=%s\n"
            "last state: Terminated (reason=%s, exit code %s)") % (
        pod, r.k("integrations", "namespace"), g.randint(5, 40), r.k("10m", "duration"), img, r.k("ip-10-%d-%d-%d.us-east-2.compute.internal" % (g.randint(0, 40), g.randint(0, 255), g.randint(2, 250)), "host"),
        r.k("OOMKilled", "reason"), r.k("137", "exit_code"))


@T("free-feature-flag-eval-error", phi_free=True)
def _(r, g):
    flag = r.k(g.choice(["telehealth-waitlist-v2", "superbill-weasyprint", "phq9-auto-escalation", "era-auto-post"]), "flag")
    return jdump(g, {"event": "flag_evaluation_error", "flag": flag, "variation": None, "default": False,
                     "error": "FLAG_NOT_FOUND in environment %s" % r.k("production", "env"),
                     "sdk": r.k("launchdarkly-node-server-sdk@%s" % g.version(), "version"), "tenant_id": int(r.k(g.dbid(10, 99), "db_id")),
                     "request_id": r.k(g.req_id(), "request_id")})


@T("free-hl7-ack-error-no-pid", phi_free=True)
def _(r, g):
    ctrl = r.k(g.digits(10, True), "message_id")
    return ("hl7-listener: sent ACK AR for %s from %s:%s\nMSH|^~\\&|TESSERA|BH|%s|%s|%s||ACK^A08|%s|P|2.5.1\nMSA|AR|%s|Unsupported event type\nERR||MSH^1^9|%s^Unsupported event code^HL70357|E") % (
        ctrl, r.k(g.infra_ip(), "ip_infra"), r.k("2575", "port"), g.choice(["EPIC", "CERNER"]), g.choice(["NORTHRIDGE", "MERCYGEN"]),
        r.k(g.event_dt().strftime("%Y%m%d%H%M%S"), "timestamp"), r.k("ACK" + g.digits(8, True), "message_id"), ctrl, r.k("201", "error_code"))


@T("free-redis-connection-refused", phi_free=True)
def _(r, g):
    host = g.choice(["127.0.0.1", g.infra_ip()])
    r.k(host, "ip_infra")
    return ("redis.exceptions.ConnectionError: Error 111 connecting to %s:%s. Connection refused.\n"
            "  in tessera.notify.ratelimit.check (pool=%s, db=%s, retries=%d)") % (
        host, r.k("6379", "port"), r.k("notify-rl", "pool"), r.k("3", "db_index"), g.randint(1, 5))


@T("free-tls-cert-expiry", phi_free=True)
def _(r, g):
    d = g.randint(3, 14)
    return "[WARN] TLS certificate for %s expires in %d days (notAfter=%s, issuer=%s, serial=%s)" % (
        r.k(g.choice(["portal.tesserahealth.io", "fhir.tesserahealth.io", "sftp.tesserahealth.io"]), "host"), d,
        r.k(g.event_dt().strftime("%b %d %H:%M:%S %Y GMT"), "timestamp"), r.k("R11", "issuer"), r.k(g.hexs(36, True), "hash"))


@T("free-cron-reminder-batch-summary", phi_free=True)
def _(r, g):
    sent = g.randint(100, 900)
    failed = g.randint(1, 30)
    return ("reminder-cron %s finished: sent=%d failed=%d skipped=%d duration=%s\nfailure codes: %s x%d, %s x%d\nnext run %s") % (
        r.k(g.uuid(), "uuid"), sent, failed, g.randint(0, 20), r.k("%.1fs" % (g.randint(50, 900) / 10.0), "duration"),
        r.k("30003", "error_code"), failed // 2 + 1, r.k("30006", "error_code"), failed - failed // 2 - 1 if failed > 1 else 0,
        r.k(g.ts("z"), "timestamp"))


@T("free-sentry-n-plus-one", phi_free=True)
def _(r, g):
    ev, svc = sentry_base(r, g, "python", "tessera-api", level="warning")
    ev["type"] = "transaction"
    ev["transaction"] = r.k("/api/v2/clinicians/{clinician_id}/schedule", "route")
    span = "SELECT \"appointments_appointment\".\"id\", \"appointments_appointment\".\"client_id\" FROM \"appointments_appointment\" WHERE \"appointments_appointment\".\"clinician_id\" = %s"
    ev["spans"] = [{"op": "db", "description": span, "span_id": g.span_id(), "start_timestamp": float(g.epoch())} for _ in range(2)]
    ev["extra"] = {"repeating_spans": g.randint(20, 120), "issue_type": r.k("performance_n_plus_one_db_queries", "issue_type")}
    r.k("appointments_appointment", "table")
    r.k("clinician_id", "column")
    return jdump(g, ev)


@T("free-ehr-webhook-unknown-event", phi_free=True)
def _(r, g):
    return jdump(g, {"error": "unknown_event_type", "event_type": r.k(g.choice(["ADT^A31", "SIU^S26", "MDM^T02"]), "hl7_event"),
                     "vendor": r.k(g.choice(["athenahealth", "eClinicalWorks", "NextGen"]), "vendor"),
                     "subscription_id": r.k(g.uuid(), "uuid"), "delivery_id": r.k(g.uuid(), "uuid"),
                     "received_at": r.k(g.ts("z"), "timestamp"), "handler": r.k("tessera.ehr.webhooks.dispatch", "module")})


@T("free-pg-deadlock", phi_free=True)
def _(r, g):
    p1, p2 = g.randint(1000, 60000), g.randint(1000, 60000)
    t1, t2 = g.randint(1000000, 9000000), g.randint(1000000, 9000000)
    return ("psycopg2.errors.DeadlockDetected: deadlock detected\nDETAIL:  Process %s waits for ShareLock on transaction %s; blocked by process %s.\n"
            "Process %s waits for ShareLock on transaction %s; blocked by process %s.\nHINT:  See server log for query details.\n"
            "CONTEXT:  while updating tuple (%d,%d) in relation \"%s\"") % (
        r.k(str(p1), "pid"), r.k(str(t1), "txid"), r.k(str(p2), "pid"), p2, r.k(str(t2), "txid"), p1, g.randint(100, 9999), g.randint(1, 90),
        r.k("billing_ledgerentry", "table"))


@T("free-cohort-report-aggregates", phi_free=True)
def _(r, g):
    n = g.randint(300, 4000)
    return ("outcomes-report %s: cohort n=%s, mean age %s (sd %s, range %d-%d), PHQ-9 mean change %s, top dx %s/%s, payer mix %s %d%%, %s %d%%. "
            "Report job exceeded memory limit %s and was retried.") % (
        r.k("Q%d-%d" % (g.randint(1, 4), g.choice([2024, 2025])), "period"), r.k(str(n), "count"), r.k("%d.%d" % (g.randint(30, 48), g.randint(0, 9)), "stat"),
        g.choice(["12.4", "14.1", "11.8"]), g.randint(18, 21), g.randint(70, 88), r.k("-%d.%d" % (g.randint(2, 6), g.randint(0, 9)), "stat"),
        r.k(g.icd(), "icd"), g.icd(), r.k(g.payer(), "payer"), g.randint(20, 50), g.payer(), g.randint(5, 20), r.k("4Gi", "size"))


@T("free-sqlalchemy-pool-timeout", phi_free=True)
def _(r, g):
    return ("sqlalchemy.exc.TimeoutError: QueuePool limit of size %s overflow %s reached, connection timed out, timeout %s "
            "(Background on this error at: https://sqlalche.me/e/20/3o7r)\nhost=%s db=%s pool_checked_out=%d") % (
        r.k("20", "count"), r.k("10", "count"), r.k("30.00", "duration"), r.k("%s:5432" % g.infra_ip(), "host"), r.k("tessera_prod", "db"), g.randint(28, 30))


@T("free-era-summary-amounts", phi_free=True)
def _(r, g):
    paid = g.randint(2000, 90000)
    return ("ERA %s from %s: %d claims, billed $%s, paid $%s; adjustments CO-45 $%s, PR-2 $%s, PR-3 $%s; %d claim(s) unmatched -> manual posting queue %s") % (
        r.k("TRN*1*" + g.digits(10, True), "trace_id"), r.k(g.payer(), "payer"), g.randint(10, 300),
        r.k("{:,}.{:02d}".format(paid + g.randint(1000, 9000), g.randint(0, 99)), "amount"), r.k("{:,}.{:02d}".format(paid, g.randint(0, 99)), "amount"),
        "{:,}.00".format(g.randint(100, 4000)), "{:,}.00".format(g.randint(10, 900)), "{:,}.00".format(g.randint(10, 400)), g.randint(1, 5),
        r.k("era-manual", "queue"))


@T("acra-android-crash-report")
def _(r, g):
    p = person(g)
    imei = r.p(g.imei(), "DEVICE")
    ser = r.p(g.alnum(g.choice([8, 11, 12]), "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"), "DEVICE")
    em = r.p(p.email, "EMAIL")
    ks = g.choice(["upper", "upper", "camel"])
    rep = {conv("report id", ks): r.k(g.uuid(), "uuid"), conv("app version name", ks): r.k(g.version(), "version"),
           conv("android version", ks): g.choice(["10", "11", "12", "13"]), conv("phone model", ks): g.choice(["SM-A125U", "moto g power (2022)", "Pixel 4a"]),
           conv("device id", ks): imei, conv("build", ks): {"SERIAL": ser, "BRAND": g.choice(["samsung", "motorola", "google"])},
           conv("user email", ks): em, conv("stack trace", ks): "java.lang.IllegalStateException: Fragment MoodJournalFragment{%s} not attached to a context.\n\tat androidx.fragment.app.Fragment.requireContext(Fragment.java:%d)" % (
               g.hexs(7), g.randint(800, 999)),
           conv("user crash date", ks): r.k(g.ts("offset"), "timestamp")}
    r.k("java.lang.IllegalStateException", "exception")
    return "acra-backend: new crash group %s (%d reports)\n%s" % (r.k(g.hexs(12), "hash"), g.randint(1, 40), jdump(g, rep))


# @@TEMPLATES_END@@
# ===========================================================================
# driver
# ===========================================================================
_LET = r"[^\W\d_]"


def _bpat(value):
    left = r"(?<![^\W_])" if value[:1].isalnum() else ""
    right = r"(?![^\W_])" if value[-1:].isalnum() else ""
    return left + re.escape(value) + right


def occurs(value, text):
    return bool(value) and value in text and re.search(_bpat(value), text) is not None


def digits_of(s):
    return re.sub(r"[^0-9]", "", s)


def perfect_scrub(text, phi):
    out = text
    for v in sorted(set(x["value"] for x in phi), key=lambda s: (-len(s), s)):
        out = out.replace(v, "[REDACTED]")
    return out


def strict_problems(text, phi, keep):
    """Self-contained, stricter version of the scorer's rules (no common-word exemption)."""
    probs = []
    for x in phi:
        if x["value"] not in text:
            probs.append("phi not in text: %r" % x["value"])
    for k in keep:
        for x in phi:
            if occurs(x["value"], k) or occurs(k, x["value"]) or k == x["value"]:
                probs.append("keep %r overlaps phi %r" % (k, x["value"]))
    out = perfect_scrub(text, phi)
    od = digits_of(out)
    for x in phi:
        v, kind = x["value"], x["kind"]
        if occurs(v, out):
            probs.append("verbatim %r" % v)
        vd = digits_of(v)
        if len(vd) >= 6 and vd in od:
            probs.append("digits %r" % v)
        if kind == "NAME":
            for part in re.findall(_LET + "+", v):
                if len(part) >= 3 and part.lower() not in TITLES_STRICT:
                    if re.search(r"(?<!" + _LET + r")" + re.escape(part) + r"(?!" + _LET + r")", out, re.I):
                        probs.append("name part %r of %r" % (part, v))
        if kind == "AGE_OVER_89" and not (v.isdigit() and 90 <= int(v) <= 119):
            probs.append("bad age %r" % v)
    for k in keep:
        if not occurs(k, out):
            probs.append("keep lost %r" % k)
    if len(keep) < 2:
        probs.append("too few keep tokens")
    return probs


def build(stats=None):
    phi_t = [t for t in TEMPLATES if not t[2]]
    free_t = [t for t in TEMPLATES if t[2]]
    free_per = 6
    phi_total = 600 - free_per * len(free_t)
    base, rem = divmod(phi_total, len(phi_t))
    counts = {}
    for i, t in enumerate(phi_t):
        counts[t[0]] = base + (1 if i < rem else 0)
    for t in free_t:
        counts[t[0]] = free_per
    recs = []
    for num, name, free, fn in TEMPLATES:
        g = Gen(random.Random(SEED + 7919 * num))
        for n in range(counts[num]):
            for attempt in range(60):
                r = Rec()
                text = fn(r, g)
                phi, keep, kinds = r.finalize(text)
                probs = strict_problems(text, phi, keep)
                if free and phi:
                    probs.append("phi in phi-free template")
                if not free and not phi:
                    probs.append("no phi in phi template")
                if not probs:
                    break
                if stats is not None:
                    stats.setdefault(name, []).append(probs[:3])
            else:
                raise SystemExit("template %d %s keeps failing: %s" % (num, name, probs))
            recs.append((num, name, text, phi, keep, kinds))
    order = list(range(len(recs)))
    random.Random(SEED).shuffle(order)
    out = []
    for i, j in enumerate(order):
        num, name, text, phi, keep, kinds = recs[j]
        out.append(OrderedDict([("id", "%s-%d-%05d" % (FAMILY, num, i)), ("family", FAMILY),
                                ("template", name), ("text", text), ("phi", phi),
                                ("keep", keep), ("keep_kinds", kinds)]))
    return out


def serialize(recs):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


def write():
    data = serialize(build())
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(data)
    print("wrote %s (%d records, %d templates)" % (OUT, data.count("\n"), len(TEMPLATES)))


# ---------------------------------------------------------------------------
# --check
# ---------------------------------------------------------------------------
def check_digits(phi):
    """Return (problems, counters) for the check-digit-bearing values."""
    probs, cnt = [], {"NPI": 0, "DEA": 0, "VIN": 0, "IMEI": 0, "card": 0, "SSN": 0}
    for x in phi:
        v, kind = x["value"], x["kind"]
        d = digits_of(v)
        if kind == "LICENSE":
            if re.fullmatch(r"[12]\d{9}", v):
                cnt["NPI"] += 1
                if not npi_ok(v):
                    probs.append("bad NPI %s" % v)
            elif re.fullmatch(r"[A-Z]{2}\d{7}", v):
                cnt["DEA"] += 1
                if not dea_ok(v):
                    probs.append("bad DEA %s" % v)
            elif re.fullmatch(r"\d{10}", v):
                probs.append("10-digit licence that is not an NPI: %s" % v)
        elif kind == "VEHICLE" and re.fullmatch(r"[A-Z0-9]{17}", v):
            cnt["VIN"] += 1
            if not vin_ok(v):
                probs.append("bad VIN %s" % v)
        elif kind == "DEVICE" and re.fullmatch(r"[\d\- ]+", v) and len(d) == 15:
            cnt["IMEI"] += 1
            if not luhn_ok(d):
                probs.append("bad IMEI %s" % v)
        elif kind == "ACCOUNT" and re.fullmatch(r"[\d\- ]+", v) and 13 <= len(d) <= 19:
            cnt["card"] += 1
            if not luhn_ok(d):
                probs.append("bad card %s" % v)
        elif kind == "SSN":
            cnt["SSN"] += 1
            if not ssn_ok(v):
                probs.append("bad SSN %s" % v)
    return probs, cnt


def check():
    sys.path.insert(0, HERE)
    import phi_score  # the scorer's own leak/keep rules
    problems = []
    with open(OUT, encoding="utf-8") as f:
        raw = f.read()
    recs = phi_score.load_corpus(OUT)
    if len(recs) != 600:
        problems.append("expected 600 records, got %d" % len(recs))
    ids = [r["id"] for r in recs]
    if len(set(ids)) != len(ids):
        problems.append("duplicate ids")
    templates = OrderedDict()
    kind_counts = OrderedDict((k, 0) for k in KINDS)
    digit_cnt = {}
    free = 0
    for r in recs:
        for fld in ("id", "family", "template", "text", "phi", "keep", "keep_kinds"):
            if fld not in r:
                problems.append("%s: missing %s" % (r.get("id"), fld))
        if r["family"] != FAMILY or not re.fullmatch(r"blind8-\d+-\d+", r["id"]):
            problems.append("%s: bad id/family" % r["id"])
        templates.setdefault(r["id"].split("-")[1], r["template"])
        if len(r["keep"]) != len(r["keep_kinds"]) or not r["keep"]:
            problems.append("%s: keep/keep_kinds mismatch or empty" % r["id"])
        if not r["phi"]:
            free += 1
        for x in r["phi"]:
            if x["kind"] not in KINDS:
                problems.append("%s: unknown kind %s" % (r["id"], x["kind"]))
            else:
                kind_counts[x["kind"]] += 1
            if x["value"] not in r["text"]:
                problems.append("%s: phi value not a substring: %r" % (r["id"], x["value"]))
        for k in r["keep"]:
            if k not in r["text"]:
                problems.append("%s: keep token not in text: %r" % (r["id"], k))
            for x in r["phi"]:
                v = x["value"]
                if k == v or phi_score.occurs(v, k) or phi_score.occurs(k, v):
                    problems.append("%s: keep %r overlaps phi %r" % (r["id"], k, v))
        p, c = check_digits(r["phi"])
        problems += ["%s: %s" % (r["id"], s) for s in p]
        for kk, vv in c.items():
            digit_cnt[kk] = digit_cnt.get(kk, 0) + vv
    # perfect scrub under the scorer's own rules
    outs = [perfect_scrub(r["text"], r["phi"]) for r in recs]
    summary, leaks = phi_score.score(recs, outs)
    if summary["recall"] != 1.0:
        problems.append("perfect scrub recall %s; first leaks %s" % (summary["recall"], leaks[:5]))
    if summary["keep_preserved"] != 1.0:
        lost = [(r["id"], k) for r, o in zip(recs, outs) for k in r["keep"] if not phi_score.occurs(k, o)]
        problems.append("perfect scrub keep %s; lost %s" % (summary["keep_preserved"], lost[:5]))
    for k in KINDS:
        if kind_counts[k] < MIN_COUNT[k]:
            problems.append("kind %s has %d values (< %d)" % (k, kind_counts[k], MIN_COUNT[k]))
    if len(templates) < 90:
        problems.append("only %d templates" % len(templates))
    if not (0.15 <= free / len(recs) <= 0.25):
        problems.append("PHI-free share %.3f outside 0.15..0.25" % (free / len(recs)))
    # determinism: regenerate in-process and in two fresh interpreters with different hash seeds
    if serialize(build()) != raw:
        problems.append("in-process regeneration differs from file")
    digests = []
    for hs in ("1", "4242"):
        with tempfile.TemporaryDirectory() as td:
            env = dict(os.environ, PYTHONHASHSEED=hs, PHI_BLIND8_OUT=os.path.join(td, "x.jsonl"))
            subprocess.run([sys.executable, os.path.abspath(__file__)], env=env, check=True,
                           stdout=subprocess.DEVNULL)
            with open(env["PHI_BLIND8_OUT"], encoding="utf-8") as f:
                digests.append(f.read() == raw)
    if not all(digests):
        problems.append("subprocess regeneration differs from file (PYTHONHASHSEED 1/4242): %s" % digests)

    print("file: %s" % OUT)
    print("records: %d   templates: %d   PHI-free records: %d (%.1f%%)" % (
        len(recs), len(templates), free, 100.0 * free / len(recs)))
    print("phi values per kind: " + ", ".join("%s=%d" % kv for kv in kind_counts.items()))
    print("phi values total: %d   keep tokens total: %d" % (sum(kind_counts.values()), summary["keep_total"]))
    print("check digits verified: " + ", ".join("%s=%d" % kv for kv in digit_cnt.items()))
    print("perfect scrub (phi_score rules): recall=%s keep=%s records_with_leak=%d" % (
        summary["recall"], summary["keep_preserved"], summary["records_with_leak"]))
    print("deterministic: in-process=%s subprocess=%s" % (
        "in-process regeneration differs from file" not in problems, all(digests)))
    if problems:
        print("PROBLEMS (%d):" % len(problems))
        for p in problems[:50]:
            print("  " + p)
        sys.exit(1)
    print("CHECK OK")


if __name__ == "__main__":
    if "--check" in sys.argv:
        check()
    elif "--stats" in sys.argv:
        st = {}
        build(st)
        for k, v in sorted(st.items(), key=lambda kv: -len(kv[1])):
            print(len(v), k, v[:2])
    else:
        if os.environ.get("PHI_BLIND8_OUT"):
            OUT = os.environ["PHI_BLIND8_OUT"]
        write()
