#!/usr/bin/env python3
"""make_phi_blind7.py - blind PHI evaluation corpus no. 7 (standard library only).

Writes phi_blind7.jsonl next to this file: 700 synthetic error-alert texts of a
mental-health practice-management platform, labelled per the corpus README
(kinds, keep tokens, labelling policy). Output is deterministic (fixed seed).

Usage:
    python make_phi_blind7.py            # generate phi_blind7.jsonl
    python make_phi_blind7.py --check    # verify the written file
"""
import calendar
import datetime as dt
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "phi_blind7.jsonl")
SEED = 20250607
N_TOTAL = 700
N_CLEAN = 140
FAMILY = "blind7"

KINDS = ["NAME", "ADDRESS", "CITY", "ZIP", "DATE", "PHONE", "FAX", "EMAIL", "SSN",
         "MRN", "HEALTH_PLAN", "ACCOUNT", "LICENSE", "VEHICLE", "DEVICE", "URL",
         "IP", "OTHER_ID", "AGE_OVER_89"]
MIN_COUNT = {k: 40 for k in KINDS}
MIN_COUNT.update(AGE_OVER_89=25, VEHICLE=25, FAX=25)

# ---------------------------------------------------------------------------
# labelled fragments
# ---------------------------------------------------------------------------


class P(object):
    """A PHI value; `render` is what goes into the text (must contain v)."""

    def __init__(self, v, kind, render=None):
        assert kind in KINDS, kind
        self.v, self.k = str(v), kind
        self.render = self.v if render is None else render


class K(object):
    """A keep token."""

    def __init__(self, v, kind, render=None):
        self.v, self.k = str(v), kind
        self.render = self.v if render is None else render


def PR(v, kind):  # python repr of a string value
    return P(v, kind, repr(v))


def PJ(v, kind):  # JSON string of a value
    return P(v, kind, json.dumps(v, ensure_ascii=False))


_FIELD = re.compile("\u00ab([^\u00bb]*)\u00bb")


def fill(tpl, _phi=(), _keep=(), **kw):
    """Render «field» placeholders; «=kind:literal» declares a literal keep token."""
    phi, keep = [], []

    def add(lst, v, k):
        if (v, k) not in lst:
            lst.append((v, k))

    def rep(m):
        s = m.group(1)
        if s.startswith("="):
            kind, lit = s[1:].split(":", 1)
            add(keep, lit, kind)
            return lit
        x = kw[s]
        if isinstance(x, P):
            add(phi, x.v, x.k)
            return x.render
        if isinstance(x, K):
            add(keep, x.v, x.k)
            return x.render
        return str(x)

    text = _FIELD.sub(rep, tpl)
    for p in _phi:
        add(phi, p.v, p.k)
    for k in _keep:
        add(keep, k.v, k.k)
    return text, phi, keep


# ---------------------------------------------------------------------------
# pools (invented for this corpus)
# ---------------------------------------------------------------------------

FIRST = """Aaliyah Marisol Deshawn Priyanka Hiroshi Fatima Oleksandr Nkechi Guadalupe Tomasz Anh Rajesh
Keisha Yusuf Svetlana Mateo Imani Wei Siobhan Dmitri Ximena Tariq Ngozi Bartholomew Esperanza Jamal
Mei-Ling Rahul Zofia Kwame Lucía Tyrone Ayesha Bogdan Thanh Carmen Darnell Sunita Kenji Layla Olusegun
Agnieszka José Latoya Farhan Ingrid Nadia Jae-won Rosalind Ibrahim Magdalena Trevon Anjali Haruto
Camila Malik Eun-ji Vikram Bronwyn Mustafa Yolanda Pavel Shanice Arjun Noor Cormac Thandiwe Rodrigo
Jasmine Hamza Beatriz Kateryna Quentin Nomvula Deandre Sakura Ezekiel Aurelio Parisa Lindiwe Florin
Saoirse Abdullahi Rashida Gustavo Tenzin Marguerite Emeka Kalani Yesenia Dragana Nikhil Juanita Octavia
Reza Chiamaka Hyun-woo Maribel Demetrius Shreya Ahmad Elif Ruslan Adaeze Leilani Cedric Soledad Bilal
Valentina Wojciech Zainab Anneliese Jean-Luc Marie-Claire""".split()

LAST = """Washington Okonkwo Nguyen Ramírez-Ortega Kowalczyk Al-Hashimi Chatterjee Yamamoto Jean-Baptiste
O'Sullivan Szymańska Delgado Mbeki Ivanova Haddad Fitzgerald Castillo Oyelaran Petrović Zhang Abernathy
Gutierrez Kapoor Nakashima Abdi Kuznetsov Jefferson Mahmoud Villanueva Park Achebe Lindqvist Ortiz
Banerjee McAllister Tran Boateng Hernández Novak Rahman Dubois Takahashi Abu-Zahra Moreno Kovalenko
Adeyemi Choudhury Whitfield Esposito Le Ferreira Gonzalez-Ruiz Wiśniewski Mensah Iyer Sokolov Ahn Pham
Fontaine Marquez Lungu Tanaka Obi Hussain Nowak Herrera Mwangi Salazar Friedman Ochoa Begay Yazzie
Kealoha Sandoval Delacroix Rosenberg Montgomery Oduya Bhattacharya Lebedev Quiñones MacLeod Al-Farsi
Horvath Sato Reyes Bouchard Kim Singh Ali Duarte Dimitrov Walczak Mukherjee Thibodeaux Nwosu Espinoza
O'Connell D'Amico""".split()
LAST += ["De la Cruz", "van der Merwe", "St. Clair", "da Silva", "Van Buren-Ochoa", "del Toro",
         "Mac an tSaoir", "Abu Bakr", "de Souza", "Le Blanc"]

NONLATIN1_FIRST = ["Łukasz", "Małgorzata", "Jiří", "Ştefan", "Tomáš", "Đorđe", "Radosław", "Ilkay"]
NONLATIN1_LAST = ["Wiśniewski", "Szymańska", "Petrović", "Dvořák", "Kovač", "Yılmaz", "Dąbrowski",
                  "Nováková"]

CREDS = ["LCSW", "PsyD", "PhD", "LMHC", "LPC", "MD", "PMHNP-BC", "LMFT", "DO", "NP"]

STREET_NAMES = ["Maple", "Peachtree", "Kedzie", "Wolf Creek", "Saguaro", "Dogwood", "Lakeshore",
                "Old Mill", "Cesar Chavez", "Kamehameha", "Vista Grande", "Juniper", "Magnolia",
                "Sycamore", "Bayou", "Prairie View", "Cottonwood", "Hickory Ridge", "Mesa Verde",
                "Pulaski", "Ashland", "Fulton", "Division", "Harbor", "Alameda", "Briarwood", "Cypress",
                "Tamarack", "Sequoia", "Riverside", "Chestnut", "Orchard", "Flatbush", "Coolidge",
                "Belmont", "Ridgecrest", "Las Palmas", "Martin Luther King Jr", "Pinecrest",
                "Quail Hollow", "Bluebonnet", "Kilbourn", "Ogden", "Tremont", "Halsted", "Bergenline",
                "Wilshire", "Sunnyside", "Cherokee", "Tuscarora", "Yellowstone", "Iron Horse"]
SPANISH_STREETS = ["Calle del Sol", "Camino Real", "Calle Luna", "Avenida de las Flores",
                   "Calle Ocho", "Paseo del Norte", "Camino de la Sierra"]
SUFFIXES = ["St", "Street", "Ave", "Avenue", "Ave.", "Blvd", "Blvd.", "Rd", "Road", "Dr", "Drive",
            "Ln", "Lane", "Ct", "Way", "Pl", "Pkwy", "Terrace", "Cir", "Hwy", "Trail", "St."]
DIRS = ["N", "S", "E", "W", "N.", "S.", "NE", "SW", "North", "West", "E.", "NW"]
UNITS = ["Apt 4B", "Apt. 12", "#210", "Unit 3", "Suite 120", "Apt 2R", "Fl 2", "Unit B", "# 7",
         "Apt 1103", "Apt. 3-C", "Ste 400", "Bldg 2 Apt 17", "Trlr 9"]

# city, state, 3-digit ZIP prefix
CITIES = [("Chicago", "IL", "606"), ("Las Cruces", "NM", "880"), ("Yakima", "WA", "989"),
          ("Hialeah", "FL", "330"), ("Dearborn", "MI", "481"), ("Flushing", "NY", "113"),
          ("Sugar Land", "TX", "774"), ("Edison", "NJ", "088"), ("Fresno", "CA", "937"),
          ("Minneapolis", "MN", "554"), ("Decatur", "GA", "300"), ("Provo", "UT", "846"),
          ("Bozeman", "MT", "597"), ("Tucson", "AZ", "857"), ("Worcester", "MA", "016"),
          ("Eugene", "OR", "974"), ("Biloxi", "MS", "395"), ("Shreveport", "LA", "711"),
          ("Toledo", "OH", "436"), ("Scranton", "PA", "185"), ("Pawtucket", "RI", "028"),
          ("Cheyenne", "WY", "820"), ("Anchorage", "AK", "995"), ("Hilo", "HI", "967"),
          ("Laredo", "TX", "780"), ("Durham", "NC", "277"), ("St. Paul", "MN", "551"),
          ("Kalamazoo", "MI", "490"), ("Poughkeepsie", "NY", "126"), ("Santa Fe", "NM", "875"),
          ("El Paso", "TX", "799"), ("Brownsville", "TX", "785"), ("Lansing", "MI", "489"),
          ("Des Moines", "IA", "503"), ("Sioux Falls", "SD", "571"), ("Little Rock", "AR", "722"),
          ("Chattanooga", "TN", "374"), ("Bakersfield", "CA", "933"), ("Stockton", "CA", "952"),
          ("Hartford", "CT", "061"), ("Burlington", "VT", "054"), ("Bangor", "ME", "044"),
          ("Boise", "ID", "837"), ("Reno", "NV", "895"), ("Tulsa", "OK", "741"),
          ("Wichita", "KS", "672"), ("Omaha", "NE", "681"), ("Fargo", "ND", "581"),
          ("Duluth", "MN", "558"), ("Tallahassee", "FL", "323"), ("Savannah", "GA", "314"),
          ("Cicero", "IL", "608"), ("Berwyn", "IL", "604"), ("Pomona", "CA", "917"),
          ("Yonkers", "NY", "107"), ("Camden", "NJ", "081"), ("Flint", "MI", "485"),
          ("Gresham", "OR", "970"), ("Paterson", "NJ", "075"), ("Kissimmee", "FL", "347"),
          ("Gallup", "NM", "873"), ("Window Rock", "AZ", "865"), ("Kailua", "HI", "967"),
          ("Lowell", "MA", "018"), ("Cranston", "RI", "029"), ("Allentown", "PA", "181")]

AREA = [312, 773, 217, 404, 678, 505, 575, 509, 305, 786, 313, 718, 347, 281, 832, 732, 559, 612,
        470, 801, 406, 520, 508, 978, 541, 228, 318, 419, 570, 401, 307, 907, 808, 956, 919, 973,
        651, 269, 845, 915, 517, 515, 605, 501, 423, 661, 209, 860, 802, 207, 208, 775, 918, 316,
        402, 701, 218, 850, 912, 909, 914, 856, 810, 503, 253, 929, 346, 689, 463]

DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com",
           "proton.me", "comcast.net", "att.net", "me.com", "live.com", "msn.com", "ymail.com",
           "sbcglobal.net", "verizon.net", "hey.com", "fastmail.com"]
CLINIC_DOMAINS = ["cedargrovebh.com", "brightharborhealth.org", "riverstonecounseling.com",
                  "northlightpsych.com", "tidewatermh.org", "quietpinestherapy.com"]
CLINICS = ["Cedar Grove Counseling", "Bright Harbor Behavioral Health", "Riverstone Counseling",
           "Northlight Psychiatry", "Tidewater Mental Health", "Quiet Pines Therapy"]

PAYERS = ["Aetna", "Cigna", "UnitedHealthcare", "Optum", "Blue Cross Blue Shield of Texas", "Anthem",
          "Humana", "Magellan Healthcare", "Carelon Behavioral Health", "Ambetter", "Highmark",
          "Florida Blue", "Premera Blue Cross", "Tricare West", "Medicaid", "Medicare",
          "Oscar Health", "Independence Blue Cross", "Wellcare", "Blue Shield of California"]
PAYER_IDS = ["60054", "62308", "87726", "00590", "84980", "47198", "SX065", "BHOVO", "00621", "94036"]
ICD = ["F32.1", "F33.1", "F41.1", "F43.10", "F43.12", "F90.0", "F31.81", "F42.2", "F40.10",
       "F50.00", "F10.20", "Z63.0", "F34.1", "F43.23", "F41.0", "F60.3", "F33.2"]
CPT = ["90791", "90792", "90832", "90834", "90837", "90846", "90847", "90853", "99213", "99214",
       "96127", "90839", "90840", "96130", "H0031"]
SERVICES = ["intake-api", "scheduler", "billing-worker", "claims-gateway", "telehealth-svc",
            "notify-sms", "fax-relay", "hl7-bridge", "fhir-proxy", "portal-web",
            "eligibility-poller", "erx-service", "statement-runner", "reminder-cron", "auth-service",
            "docs-render"]
INSTRUMENTS = ["PHQ-9", "GAD-7", "GDS-15", "MoCA", "PCL-5", "AUDIT-C", "C-SSRS"]
RELATIONS = ["daughter", "son", "niece", "nephew", "granddaughter", "grandson", "sister", "brother",
             "wife", "husband", "neighbor", "guardian"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON = [m[:3] for m in MONTHS]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WD = [w[:3] for w in WEEKDAYS]

# ---------------------------------------------------------------------------
# random value helpers
# ---------------------------------------------------------------------------

_SPECIAL_ASCII = {"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "ı": "i", "ø": "o", "ß": "ss"}


def asc(s):
    s = "".join(_SPECIAL_ASCII.get(c, c) for c in s)
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def slug(s):
    return re.sub(r"[^a-z]", "", asc(s).lower())


class Person(object):
    def __init__(self, first, last, mi, sex):
        self.first, self.last, self.mi, self.sex = first, last, mi, sex

    @property
    def fl(self):
        return "%s %s" % (self.first, self.last)

    @property
    def lf(self):
        return "%s, %s" % (self.last, self.first)

    @property
    def fml(self):
        return "%s %s. %s" % (self.first, self.mi, self.last)

    @property
    def LF(self):
        return ("%s, %s" % (self.last, self.first)).upper()

    @property
    def FL(self):
        return self.fl.upper()

    def hl7(self, mi=True):
        s = "%s^%s" % (self.last.upper(), self.first.upper())
        return s + ("^" + self.mi if mi else "")


_PLAIN = re.compile(r"^[A-Za-z]+$")


def per(r, plain=False, noapos=False):
    while True:
        f, l = r.choice(FIRST), r.choice(LAST)
        if plain and not (_PLAIN.match(f) and _PLAIN.match(l)):
            continue
        if noapos and ("'" in l or "'" in f):
            continue
        return Person(f, l, r.choice("ABCDEFGHJKLMNPRSTVW"), r.choice("FFMMX" if r.random() < .1 else "FM"))


def name_form(r, p, forms=("fl", "lf", "fml", "LF", "FL", "fl", "fl")):
    return getattr(p, r.choice(forms))


def clinician(r, **kw):
    """returns (person, rendered display, labelled name value)"""
    p = per(r, **kw)
    style = r.randrange(5)
    if style == 0:
        v = p.fl
        return p, "Dr. " + v, v
    if style == 1:
        v = p.fl
        return p, "%s, %s" % (v, r.choice(CREDS)), v
    if style == 2:
        v = p.lf
        return p, "%s %s" % (v, r.choice(CREDS)), v
    if style == 3:
        v = p.fml
        return p, "%s %s" % (v, r.choice(CREDS)), v
    v = p.last
    return p, "Dr. " + v, v


def rdate(r, y0, y1):
    a = dt.date(y0, 1, 1).toordinal()
    b = dt.date(y1, 12, 31).toordinal()
    return dt.date.fromordinal(r.randint(a, b))


def dob(r):
    return rdate(r, 1936, 2011)


def appt(r):
    return rdate(r, 2024, 2026)


REF_DAY = dt.date(2025, 6, 1)


def dob_for_age(r, age):
    d = dt.date(REF_DAY.year - age - 1, 1, 1) + dt.timedelta(days=r.randint(REF_DAY.timetuple().tm_yday, 364))
    return d


def old_age(r):
    return r.choice([90, 90, 91, 91, 92, 92, 93, 93, 94, 95, 95, 96, 97, 98, 99, 101, 102, 104])


def _ord(n):
    return "%d%s" % (n, "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


FULL_STYLES = ["us", "us_short", "us_dash", "iso", "long", "abbr", "dmy_long", "dmy_abbr_dash",
               "ordinal", "mil", "iso_slash", "us_yy", "abbr_dot", "weekday", "dmy_abbr", "hl7", "dot"]
MD_STYLES = ["md_slash", "md_slash0", "md_long", "md_abbr", "md_ord", "dm_abbr", "md_weekday",
             "md_wd_abbr", "md_dash"]


def fdate(d, style):
    y, m, dd = d.year, d.month, d.day
    return {
        "us": "%02d/%02d/%d" % (m, dd, y),
        "us_short": "%d/%d/%d" % (m, dd, y),
        "us_dash": "%02d-%02d-%d" % (m, dd, y),
        "us_yy": "%d/%d/%02d" % (m, dd, y % 100),
        "iso": d.isoformat(),
        "iso_slash": "%d/%02d/%02d" % (y, m, dd),
        "long": "%s %d, %d" % (MONTHS[m - 1], dd, y),
        "abbr": "%s %d, %d" % (MON[m - 1], dd, y),
        "abbr_dot": "%s%s %d, %d" % (MON[m - 1], "" if m == 5 else ".", dd, y),
        "dmy_long": "%d %s %d" % (dd, MONTHS[m - 1], y),
        "dmy_abbr": "%d %s %d" % (dd, MON[m - 1], y),
        "dmy_abbr_dash": "%02d-%s-%d" % (dd, MON[m - 1], y),
        "ordinal": "%s %s, %d" % (MONTHS[m - 1], _ord(dd), y),
        "weekday": "%s, %s %d, %d" % (WEEKDAYS[d.weekday()], MONTHS[m - 1], dd, y),
        "hl7": "%d%02d%02d" % (y, m, dd),
        "mil": "%02d%s%d" % (dd, MON[m - 1].upper(), y),
        "dot": "%02d.%02d.%d" % (m, dd, y),
        "md_slash": "%d/%d" % (m, dd),
        "md_slash0": "%02d/%02d" % (m, dd),
        "md_dash": "%d-%d" % (m, dd),
        "md_long": "%s %d" % (MONTHS[m - 1], dd),
        "md_abbr": "%s %d" % (MON[m - 1], dd),
        "md_ord": "%s %s" % (MONTHS[m - 1], _ord(dd)),
        "dm_abbr": "%d %s" % (dd, MON[m - 1]),
        "md_weekday": "%s, %s %d" % (WEEKDAYS[d.weekday()], MONTHS[m - 1], dd),
        "md_wd_abbr": "%s %d/%d" % (WD[d.weekday()], m, dd),
    }[style]


def D(r, d, styles=FULL_STYLES):
    return fdate(d, r.choice(styles))


def pydate(d):
    return "datetime.date(%d, %d, %d)" % (d.year, d.month, d.day)


def ts(r, style="iso_z"):
    b = dt.datetime(2025, 1, 2) + dt.timedelta(seconds=r.randint(0, 470 * 86400))
    ms, us = r.randint(0, 999), r.randint(0, 999999)
    ymd = "%04d-%02d-%02d" % (b.year, b.month, b.day)
    hms = "%02d:%02d:%02d" % (b.hour, b.minute, b.second)
    ep = calendar.timegm(b.timetuple())
    off = r.choice(["-05:00", "-04:00", "-06:00", "-07:00", "-08:00", "+00:00"])
    if style == "iso_z":
        return "%sT%s.%03dZ" % (ymd, hms, ms)
    if style == "iso_s":
        return "%sT%sZ" % (ymd, hms)
    if style == "iso_off":
        return "%sT%s%s" % (ymd, hms, off)
    if style == "iso_us":
        return "%sT%s.%06d" % (ymd, hms, us)
    if style == "iso_us_z":
        return "%sT%s.%06dZ" % (ymd, hms, us)
    if style == "py":
        return "%s %s,%03d" % (ymd, hms, ms)
    if style == "space":
        return "%s %s" % (ymd, hms)
    if style == "space_ms":
        return "%s %s.%03d" % (ymd, hms, ms)
    if style == "dotnet":
        return "%s %s.%03d %s" % (ymd, hms, ms, off)
    if style == "go":
        return "%04d/%02d/%02d %s" % (b.year, b.month, b.day, hms)
    if style == "syslog":
        return "%s %2d %s" % (MON[b.month - 1], b.day, hms)
    if style == "nginx":
        return "%02d/%s/%d:%s +0000" % (b.day, MON[b.month - 1], b.year, hms)
    if style == "hl7":
        return "%04d%02d%02d%02d%02d%02d" % (b.year, b.month, b.day, b.hour, b.minute, b.second)
    if style == "epoch":
        return str(ep)
    if style == "epoch_f":
        return "%d.%06d" % (ep, us)
    if style == "epoch_ms":
        return "%d%03d" % (ep, ms)
    if style == "rfc2822":
        return "%s, %02d %s %d %s %s" % (WD[b.weekday()], b.day, MON[b.month - 1], b.year, hms,
                                         off.replace(":", ""))
    if style == "hhmm":
        return "%d:%02d %s" % ((b.hour % 12) or 12, b.minute, "PM" if b.hour >= 12 else "AM")
    if style == "pydt":
        return "datetime.datetime(%d, %d, %d, %d, %d, %d, tzinfo=datetime.timezone.utc)" % (
            b.year, b.month, b.day, b.hour, b.minute, b.second)
    raise ValueError(style)


def clock(r):
    h = r.choice([8, 9, 10, 11, 13, 14, 15, 16, 17, 18])
    m = r.choice([0, 0, 15, 30, 45])
    return r.choice(["%d:%02d %s" % (h % 12 or 12, m, "PM" if h >= 12 else "AM"),
                     "%d:%02d%s" % (h % 12 or 12, m, "pm" if h >= 12 else "am"),
                     "%02d:%02d" % (h, m)])


def phone_parts(r):
    a = r.choice(AREA)
    e = r.randint(201, 989)
    while e % 100 == 11 or e == 555:
        e = r.randint(201, 989)
    if r.random() < 0.15:
        e = 555
        n = r.randint(100, 199)
    else:
        n = r.randint(0, 9999)
    return str(a), str(e), "%04d" % n


PHONE_STYLES = ["paren", "paren", "dash", "dash", "dot", "e164", "intl_space", "intl_dash",
                "one_dash", "digits", "paren_nospace", "space", "one_paren"]


def phone(r, style=None):
    a, e, n = phone_parts(r)
    style = style or r.choice(PHONE_STYLES)
    return {"paren": "(%s) %s-%s", "paren_nospace": "(%s)%s-%s", "dash": "%s-%s-%s",
            "dot": "%s.%s.%s", "e164": "+1%s%s%s", "intl_space": "+1 %s %s %s",
            "intl_dash": "+1-%s-%s-%s", "one_dash": "1-%s-%s-%s", "digits": "%s%s%s",
            "space": "%s %s %s", "one_paren": "1 (%s) %s-%s"}[style] % (a, e, n)


def email(r, p, domain=None):
    f, l = slug(p.first), slug(p.last)
    n = r.randint(1, 99)
    form = r.randrange(8)
    local = [f + "." + l, f[0] + l, "%s%s%02d" % (f, l[0], n), f + "_" + l, "%s.%s%d" % (l, f, n),
             "%s%d" % (f, r.randint(100, 9999)), l + f[0], "%s.%s.%s" % (f, p.mi.lower(), l)][form]
    return "%s@%s" % (local, domain or r.choice(DOMAINS))


def work_email(r, p):
    return email(r, p, r.choice(CLINIC_DOMAINS)).replace(" ", "")


def username(r, p):
    f, l = slug(p.first), slug(p.last)
    return r.choice(["%s%s%d" % (f[0], l, r.randint(1, 99)), "%s.%s%d" % (f, l[0], r.randint(1, 9)),
                     "%s%s" % (l, f[0]), "%s%s%02d" % (f, l, r.randint(60, 99)),
                     "%s_%s" % (f, l[:4]), "%s%s" % (f[:3], l[:5])])


def ssn(r, style=None):
    a = r.randint(1, 899)
    while a == 666:
        a = r.randint(1, 899)
    g, s = r.randint(1, 99), r.randint(1, 9999)
    style = style or r.choice(["dash", "dash", "dash", "plain", "space"])
    return {"dash": "%03d-%02d-%04d", "plain": "%03d%02d%04d", "space": "%03d %02d %04d"}[style] % (a, g, s)


def digits(r, n):
    return "".join(r.choice("0123456789") for _ in range(n))


def mrn(r):
    f = r.randrange(10)
    if f == 0:
        return "MRN-%08d" % r.randint(1, 99999999)
    if f == 1:
        return "A%07d" % r.randint(1000000, 9999999)
    if f == 2:
        return "%07d" % r.randint(1000000, 9999999)
    if f == 3:
        return "CH%06d" % r.randint(100000, 999999)
    if f == 4:
        return "PT-%d-%05d" % (r.randint(2012, 2025), r.randint(1, 99999))
    if f == 5:
        return "E%08d" % r.randint(10000000, 99999999)
    if f == 6:
        return "%03d-%03d-%03d" % (r.randint(100, 999), r.randint(0, 999), r.randint(0, 999))
    if f == 7:
        return "MR%06d" % r.randint(100000, 999999)
    if f == 8:
        return "CGB%05d" % r.randint(10000, 99999)
    return "%08d" % r.randint(10000000, 99999999)


LET = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def member_id(r):
    f = r.randrange(8)
    if f == 0:
        return "".join(r.choice(LET) for _ in range(3)) + digits(r, 9)
    if f == 1:
        return "W" + digits(r, 10)
    if f == 2:
        return digits(r, 9) + "0" + str(r.randint(1, 3))
    if f == 3:
        return "U" + digits(r, 8)
    if f == 4:
        return "ZG" + r.choice(LET) + digits(r, 8)
    if f == 5:
        return r.choice(["NM", "TX", "IL", "GA", "OR"]) + digits(r, 8)
    if f == 6:
        return "M" + digits(r, 8) + r.choice(LET) + r.choice(LET)
    return "%s%s-%s" % (r.choice(LET), digits(r, 4), digits(r, 5))


def group_no(r):
    f = r.randrange(5)
    if f == 0:
        return digits(r, 6)
    if f == 1:
        return "GRP-%05d" % r.randint(1, 99999)
    if f == 2:
        return "0%s-%s" % (digits(r, 6), digits(r, 3))
    if f == 3:
        return "G" + digits(r, 7)
    return "%s%s" % ("".join(r.choice(LET) for _ in range(2)), digits(r, 5))


MBI_L = "ACDEFGHJKMNPQRTUVWXY"
MBI_AN = MBI_L + "0123456789"


def mbi(r):
    s = (r.choice("123456789") + r.choice(MBI_L) + r.choice(MBI_AN) + r.choice("0123456789") +
         r.choice(MBI_L) + r.choice(MBI_AN) + r.choice("0123456789") + r.choice(MBI_L) +
         r.choice(MBI_L) + r.choice("0123456789") + r.choice("0123456789"))
    return s if r.random() < .5 else "%s-%s-%s" % (s[:4], s[4:7], s[7:])


def acct(r):
    f = r.randrange(7)
    if f == 0:
        return "ACCT-%08d" % r.randint(1, 99999999)
    if f == 1:
        return "G%07d" % r.randint(1, 9999999)
    if f == 2:
        return "%s-%s" % (digits(r, 4), digits(r, 5))
    if f == 3:
        return "GA%06d" % r.randint(1, 999999)
    if f == 4:
        return "%s-%06d" % ("".join(r.choice(LET) for _ in range(3)), r.randint(1, 999999))
    if f == 5:
        return "10" + digits(r, 8)
    return "PA%s-%s" % (digits(r, 5), digits(r, 2))


def luhn_digit(s):
    tot = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


def luhn_ok(s):
    tot = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def card(r):
    kind = r.randrange(4)
    if kind == 0:
        body = "4" + digits(r, 14)
    elif kind == 1:
        body = "5" + str(r.randint(1, 5)) + digits(r, 13)
    elif kind == 2:
        body = "3" + r.choice("47") + digits(r, 12)
    else:
        body = "6011" + digits(r, 11)
    n = body + luhn_digit(body)
    st = r.randrange(3)
    if st == 0:
        return n
    sep = " " if st == 1 else "-"
    if len(n) == 15:
        return sep.join([n[:4], n[4:10], n[10:]])
    return sep.join([n[i:i + 4] for i in range(0, 16, 4)])


def npi(r):
    base = r.choice("12") + digits(r, 8)
    return base + luhn_digit("80840" + base)


def npi_ok(v):
    return bool(re.fullmatch(r"\d{10}", v)) and luhn_ok("80840" + v)


def dea(r, last):
    first = r.choice("ABFGM")
    ini = asc(last.replace("'", "")).strip()[:1].upper() or "9"
    d = [r.randint(0, 9) for _ in range(6)]
    chk = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return first + ini + "".join(map(str, d)) + str(chk)


def dea_ok(v):
    m = re.fullmatch(r"[A-Z][A-Z9](\d{6})(\d)", v)
    if not m:
        return False
    d = [int(c) for c in m.group(1)]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == int(m.group(2))


def state_license(r):
    f = r.randrange(8)
    return ["PSY %05d" % r.randint(10000, 32999), "LCSW %05d" % r.randint(1000, 99999),
            "LPC.%07d" % r.randint(1, 9999999), "LH%08d" % r.randint(60000000, 61999999),
            "LMSW %06d" % r.randint(1, 999999), "MD-%06d" % r.randint(1, 999999),
            "A%06d" % r.randint(10000, 199999), "LMFT-%s" % digits(r, 5)][f]


def drivers_license(r):
    f = r.randrange(6)
    if f == 0:
        return "%s%s-%s-%s" % (r.choice(LET), digits(r, 3), digits(r, 4), digits(r, 4))
    if f == 1:
        return r.choice(LET) + digits(r, 7)
    if f == 2:
        return "%s %s %s" % (digits(r, 3), digits(r, 3), digits(r, 3))
    if f == 3:
        return digits(r, 8)
    if f == 4:
        return "WDL" + "".join(r.choice("ABCDEFGHJKLMNPRSTVWXYZ0123456789") for _ in range(9))
    return "%s%s-%s-%s-%s-%s" % (r.choice(LET), digits(r, 3), digits(r, 3), digits(r, 2), digits(r, 3),
                                 digits(r, 1))


VIN_T = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6,
                                               7, 8, 9]))
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
VIN_CH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def _vin_val(c):
    return int(c) if c.isdigit() else VIN_T[c]


def vin_check(v17):
    s = sum(_vin_val(c) * w for c, w in zip(v17, VIN_W)) % 11
    return "X" if s == 10 else str(s)


def vin(r):
    wmi = r.choice(["1HG", "1FA", "2T1", "3VW", "5YJ", "JHM", "KMH", "1G1", "4T1", "WBA", "JN1", "1C4",
                    "5NP", "2HG", "3FA", "1N4", "5FN", "JTD", "KNA", "1GN"])
    vds = "".join(r.choice(VIN_CH) for _ in range(5))
    tail = r.choice("DEFGHJKLMNPRS") + r.choice(VIN_CH) + digits(r, 6)
    v = wmi + vds + "0" + tail
    return v[:8] + vin_check(v) + v[9:]


def vin_ok(v):
    return bool(re.fullmatch(r"[A-HJ-NPR-Z0-9]{17}", v)) and vin_check(v) == v[8]


def plate(r):
    f = r.randrange(6)
    L = lambda n: "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))
    return [digits(r, 1) + L(3) + digits(r, 3), L(3) + "-" + digits(r, 4), L(3) + " " + digits(r, 4),
            L(2) + digits(r, 1) + "-" + L(1) + digits(r, 3), digits(r, 3) + " " + L(3),
            L(1) + digits(r, 2) + " " + L(3)][f]


def imei(r, style=None):
    body = r.choice(["35", "86", "01", "35", "49"]) + digits(r, 12)
    n = body + luhn_digit(body)
    style = style if style is not None else r.randrange(3)
    if style == 0:
        return n
    if style == 1:
        return "%s-%s-%s-%s" % (n[:2], n[2:8], n[8:14], n[14])
    return "%s %s %s %s" % (n[:2], n[2:8], n[8:14], n[14])


def serial(r):
    f = r.randrange(6)
    A = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
    if f == 0:
        return r.choice(["F2L", "C02", "DMP", "G6T", "FK1"]) + "".join(r.choice(A) for _ in range(9))
    if f == 1:
        return "R58N" + "".join(r.choice(A) for _ in range(7))
    if f == 2:
        return "WT-%s-%s" % (digits(r, 3), digits(r, 5))
    if f == 3:
        return "SN%s%s" % (digits(r, 4), "".join(r.choice("ABCDEF") for _ in range(4)))
    if f == 4:
        return "AS4-%s-%s" % (digits(r, 5), r.choice("ABCDEFGH") + digits(r, 2))
    return "%s%s" % (r.choice(["GA", "OR", "FB"]), "".join(r.choice("0123456789ABCDEF") for _ in range(10)))


def udi(r, sn):
    return "(01)%s(17)%02d%02d%02d(21)%s" % (digits(r, 14), r.randint(26, 30), r.randint(1, 12),
                                               r.randint(1, 28), sn)


PUBLIC_A = [24, 47, 50, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 96, 97, 98, 99, 104,
            107, 108, 135, 136, 142, 149, 162, 166, 172, 173, 174, 184, 189, 201, 204, 205, 207, 208,
            209, 216]


def pub_ip(r):
    while True:
        a, b = r.choice(PUBLIC_A), r.randint(0, 255)
        if a == 172 and 16 <= b <= 31:
            continue
        return "%d.%d.%d.%d" % (a, b, r.randint(0, 255), r.randint(1, 254))


def ipv6(r):
    h = lambda: "%x" % r.randint(0x100, 0xffff)
    return r.choice(["2600:1700:%s:%s::%x" % (h(), h(), r.randint(1, 0xfff)),
                     "2601:%x:%s:%s:%s:%s:%s:%s" % (r.randint(0x100, 0xfff), h(), h(), h(), h(), h(), h()),
                     "2607:fb90:%s:%s:%s::1" % (h(), h(), h())])


def client_ip(r):
    return ipv6(r) if r.random() < 0.2 else pub_ip(r)


def infra_ip(r):
    f = r.randrange(3)
    if f == 0:
        return "10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(2, 254))
    if f == 1:
        return "172.%d.%d.%d" % (r.randint(16, 31), r.randint(0, 255), r.randint(2, 254))
    return "10.%d.%d.%d" % (r.randint(0, 40), r.randint(0, 15), r.randint(2, 60))


def rxnum(r):
    return r.choice(["RX" + digits(r, 7), digits(r, 7), "RX-%s-%02d" % (digits(r, 7), r.randint(0, 5)),
                     "%s-%s" % (digits(r, 6), digits(r, 2))])


def pa_num(r):
    return r.choice(["PA" + digits(r, 10), "AUTH-%s" % digits(r, 8), "%s%s" % (r.choice(LET), digits(r, 9)),
                     "PR-%s-%s" % (digits(r, 4), digits(r, 6))])


def passport(r):
    return r.choice([digits(r, 9), r.choice(LET) + digits(r, 8)])


def hexs(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def uuid(r):
    h = hexs(r, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], r.choice("89ab"), h[17:20], h[20:32])


B62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def b62(r, n):
    return "".join(r.choice(B62) for _ in range(n))


def req_id(r):
    return r.choice(["req_" + b62(r, 16), "req-" + hexs(r, 12), hexs(r, 8) + "-" + hexs(r, 4),
                     "rid:" + hexs(r, 16), uuid(r)])


def dbid(r):
    return str(r.randint(1200, 998000))


def version(r):
    return "%d.%d.%d" % (r.randint(1, 9), r.randint(0, 40), r.randint(0, 30))


def dur_ms(r):
    return "%d.%03d" % (r.randint(1, 9999), r.randint(0, 999))


def amount(r):
    return "%d.%02d" % (r.randint(15, 480), r.choice([0, 0, 50, 25, 40, 12, 99]))


class City(object):
    def __init__(self, r):
        self.city, self.st, pre = r.choice(CITIES)
        self.zip = pre + "%02d" % r.randint(1, 99)
        self.zip9 = self.zip + "-%04d" % r.randint(1, 9999)

    def z(self, r):
        return self.zip9 if r.random() < 0.3 else self.zip


def street(r, upper=False):
    f = r.randrange(12)
    num = str(r.choice([r.randint(1, 99), r.randint(100, 999), r.randint(1000, 9999), r.randint(10000, 48999)]))
    if f == 0:
        s = "P.O. Box %d" % r.randint(10, 9999)
    elif f == 1:
        s = "%s %s" % (num, r.choice(SPANISH_STREETS))
    elif f == 2:
        s = "RR %d Box %d" % (r.randint(1, 9), r.randint(10, 999))
    elif f in (3, 4, 5):
        s = "%s %s %s %s" % (num, r.choice(DIRS), r.choice(STREET_NAMES), r.choice(SUFFIXES))
    else:
        s = "%s %s %s" % (num, r.choice(STREET_NAMES), r.choice(SUFFIXES))
    if f not in (0, 2) and r.random() < 0.35:
        s += r.choice([" ", ", "]) + r.choice(UNITS)
    return s.upper() if upper else s


def street_nounit(r):
    num = r.randint(1, 9999)
    return "%d %s%s %s" % (num, r.choice(DIRS) + " " if r.random() < .4 else "", r.choice(STREET_NAMES),
                           r.choice(SUFFIXES))


def kstyle(r):
    return r.choice(["snake", "camel", "kebab", "upper", "pascal"])


def key(style, *w):
    if style == "snake":
        return "_".join(w)
    if style == "camel":
        return w[0] + "".join(x.capitalize() for x in w[1:])
    if style == "kebab":
        return "-".join(w)
    if style == "upper":
        return "_".join(x.upper() for x in w)
    return "".join(x.capitalize() for x in w)


def ln(r):
    return str(r.randint(12, 640))


def svc(r):
    return K(r.choice(SERVICES), "service")


TEMPLATES = []  # (name, fn, clean)


def T(clean=False):
    def deco(fn):
        TEMPLATES.append((fn.__name__, fn, clean))
        return fn
    return deco



# ===========================================================================
# PHI templates
# ===========================================================================


@T()
def py_keyerror_payload_locals(r):
    p, c, s = per(r), City(r), kstyle(r)
    return fill('''Traceback (most recent call last):
  File "/srv/app/intake/views.py", line «l1», in submit_intake
    payload = build_payload(form.cleaned_data)
  File "/srv/app/intake/payload.py", line «l2», in build_payload
    "payer": data["insurance"]["payer_id"],
«=exception:KeyError»: 'insurance'

Local variables in build_payload («=module:intake.payload»):
    data = {'«k1»': «first», '«k2»': «last», '«k3»': «dob», '«k4»': «ph», '«k5»': «zip», 'clinic_id': «cid»}
    request_id = '«rid»'
''', l1=ln(r), l2=ln(r), k1=key(s, "first", "name"), k2=key(s, "last", "name"), k3=key(s, "dob"),
        k4=key(s, "phone"), k5=key(s, "zip"), first=PR(p.first, "NAME"), last=PR(p.last, "NAME"),
        dob=P(pydate(dob(r)), "DATE"), ph=PR(phone(r), "PHONE"), zip=PR(c.zip, "ZIP"),
        cid=K(dbid(r), "db_id"), rid=K(req_id(r), "request_id"))


@T()
def pydantic_contact_validation(r):
    p = per(r)
    return fill('''«ts» ERROR [«svc»] request «rid» failed validation
«=exception:pydantic_core._pydantic_core.ValidationError»: 2 validation errors for «=class:PatientContactIn»
contact.phone
  Value error, number is not mobile-capable [type=value_error, input_value=«ph», input_type=str]
contact.email
  value is not a valid email address: The domain name does not accept email. [type=value_error, input_value=«em», input_type=str]
    For further information visit https://errors.pydantic.dev/«=version:2.7»/v/value_error
''', ts=K(ts(r, "py"), "timestamp"), svc=svc(r), rid=K(req_id(r), "request_id"),
        ph=PR(phone(r), "PHONE"), em=PR(email(r, p), "EMAIL"))


@T()
def sentry_dataclass_patient(r):
    p, c, d = per(r), City(r), dob(r)
    return fill('''scheduling.errors.«=exception:SlotConflictError»: slot «slot» overlaps booking «bk» (clinician «cid»)
  File "scheduling/conflicts.py", line «l», in check_overlap
Frame locals:
  patient = Patient(id=«pid», mrn=«mrn», name=«name», dob=«dob», address=Address(street=«st», city=«city», state='«state»', zip=«zip»), primary_clinician_id=«cid»)
  slot_id = «slot»
''', slot=K(dbid(r), "db_id"), bk=K(dbid(r), "db_id"), cid=K(str(r.randint(10, 900)), "db_id"),
        l=ln(r), pid=K(dbid(r), "db_id"), mrn=PR(mrn(r), "MRN"), name=PR(p.fl, "NAME"),
        dob=P(pydate(d), "DATE"), st=PR(street(r), "ADDRESS"), city=PR(c.city, "CITY"),
        state=K(c.st, "state"), zip=PR(c.z(r), "ZIP"))


@T()
def django_integrity_ssn(r):
    p, s = per(r), ssn(r)
    return fill('''«ts» ERROR django.request: Internal Server Error: «=endpoint:/api/v2/clients/»
Traceback (most recent call last):
  File "/usr/local/lib/python3.11/site-packages/django/db/backends/utils.py", line 89, in _execute
    return self.cursor.execute(sql, params)
psycopg2.errors.«=exception:UniqueViolation»: duplicate key value violates unique constraint "clients_ssn_key"
DETAIL:  Key (ssn)=(«ssn») already exists.

The above exception was the direct cause of the following exception:

django.db.utils.«=exception:IntegrityError»: duplicate key value violates unique constraint "«=constraint:clients_ssn_key»"
Request data: {'first_name': «first», 'last_name': «last», 'ssn': '«ssn»', 'referral_source': 'self'}
''', ts=K(ts(r, "py"), "timestamp"), ssn=P(s, "SSN"), first=PR(p.first, "NAME"), last=PR(p.last, "NAME"))


@T()
def celery_twilio_invalid_to(r):
    p = per(r, noapos=True)
    ph = phone(r, r.choice(["e164", "e164", "intl_space", "dash"]))
    return fill('''[«ts»: ERROR/ForkPoolWorker-«w»] Task «=task:notify.tasks.send_reminder_sms»[«tid»] raised unexpected: TwilioRestException("Unable to create record: The 'To' number «ph» is not a valid phone number.")
Traceback (most recent call last):
  File "/app/notify/tasks.py", line «l», in send_reminder_sms
    client.messages.create(to=to, from_=settings.SMS_FROM, body=body)
twilio.base.exceptions.«=exception:TwilioRestException»: HTTP «=status:400» error: Unable to create record: The 'To' number «ph» is not a valid phone number.
  code: «=error_code:21211»
  args: («appt», '«first»')
''', ts=K(ts(r, "py"), "timestamp"), w=r.randint(1, 16), tid=K(uuid(r), "uuid"), ph=P(ph, "PHONE"),
        l=ln(r), appt=K(dbid(r), "db_id"), first=P(p.first, "NAME"))


@T()
def py_log_eligibility_subscriber(r):
    p = per(r)
    return fill('''«ts» WARNING [«=module:billing.eligibility»] 271 «=code:AAA*N**72*N» subscriber not found: payer=«payer» member_id=«mid» group=«grp» subscriber="«name»" dob=«dob» (attempt «a»/3, took «dur»)''',
                ts=K(ts(r, "py"), "timestamp"), payer=K(r.choice(PAYERS).replace(" ", "_"), "payer"),
                mid=P(member_id(r), "HEALTH_PLAN"), grp=P(group_no(r), "HEALTH_PLAN"),
                name=P(name_form(r, p, ("LF", "lf", "fl")), "NAME"), dob=P(D(r, dob(r)), "DATE"),
                a=r.randint(1, 3), dur=K("%d ms" % r.randint(200, 9000), "duration"))


@T()
def py_age_outside_norms(r):
    age = old_age(r)
    inst = r.choice(["GDS-15", "MoCA", "PHQ-9", "SLUMS"])
    return fill('''Traceback (most recent call last):
  File "/srv/app/assessments/scoring.py", line «l», in score_instrument
    raise ValueError(f"age {age} outside normed range for {instrument}")
«=exception:ValueError»: age «age» outside normed range for «inst»
  client_mrn='«mrn»' instrument='«inst»' administered_on=«on» worker=«=service:assessments-worker»''',
                l=ln(r), age=P(str(age), "AGE_OVER_89"), inst=K(inst, "instrument"), mrn=P(mrn(r), "MRN"),
                on=P(pydate(appt(r)), "DATE"))


@T()
def py_nemt_ride_locals(r):
    c = City(r)
    return fill('''«=exception:requests.exceptions.HTTPError»: «=status:409» Client Error: Conflict for url: https://api.roundtrip-nemt.com/v3/rides
  File "/srv/app/transport/booking.py", line «l», in book_ride
Frame locals:
    ride = {'pickup': {'line1': «addr», 'city': «city», 'state': '«st»', 'postal_code': «zip»}, 'vehicle': {'plate': «plate», 'vin': «vin»}, 'member': «mid», 'trip_date': «td»}
    attempt = «a»
''', l=ln(r), addr=PR(street(r), "ADDRESS"), city=PR(c.city, "CITY"), st=K(c.st, "state"),
        zip=PR(c.z(r), "ZIP"), plate=PR(plate(r), "VEHICLE"), vin=PR(vin(r), "VEHICLE"),
        mid=PR(member_id(r), "HEALTH_PLAN"), td=P(pydate(appt(r)), "DATE"), a=r.randint(1, 4))


@T()
def java_hibernate_dup_email(r):
    p = per(r)
    t = ts(r, "space_ms")
    return fill('''«ts» ERROR 1 --- [http-nio-8080-exec-«n»] o.h.engine.jdbc.spi.SqlExceptionHelper   : ERROR: duplicate key value violates unique constraint "uk_portal_user_email"
  Detail: Key (email)=(«em») already exists.
«ts» ERROR 1 --- [http-nio-8080-exec-«n»] c.m.portal.web.RegistrationController : Registration failed for «name»
org.springframework.dao.«=exception:DataIntegrityViolationException»: could not execute statement; SQL [n/a]; constraint [«=constraint:uk_portal_user_email»]
	at org.springframework.orm.jpa.vendor.HibernateJpaDialect.convertHibernateAccessException(HibernateJpaDialect.java:290)
	at com.mindbridge.portal.service.RegistrationService.register(RegistrationService.java:«l»)
Caused by: org.hibernate.exception.«=exception:ConstraintViolationException»: could not execute statement
''', ts=K(t, "timestamp"), n=r.randint(1, 40), em=P(email(r, p), "EMAIL"), name=P(name_form(r, p), "NAME"),
        l=ln(r))


@T()
def java_npe_claim_build(r):
    p = per(r)
    t1 = ts(r, "space_ms")
    t2 = t1[:-3] + "%03d" % ((int(t1[-3:]) + r.randint(1, 400)) % 1000)
    return fill('''«t1» INFO  [claims-exec-«n»] ClaimSubmissionService - Building 837P for subscriber «name» memberId=«mid» dob=«dob» dos=«dos»
«t2» ERROR [claims-exec-«n»] ClaimSubmissionService - Claim build failed (claimId=«cl»)
java.lang.«=exception:NullPointerException»: Cannot invoke "com.mindbridge.billing.model.RenderingProvider.getTaxonomy()" because "provider" is null
	at com.mindbridge.billing.x12.Loop2310B.write(Loop2310B.java:«l1»)
	at com.mindbridge.billing.«=service:ClaimSubmissionService».submit(ClaimSubmissionService.java:«l2»)
''', t1=K(t1, "timestamp"), t2=K(t2, "timestamp"), n=r.randint(1, 8),
        name=P(name_form(r, p, ("FL", "fl", "LF")), "NAME"), mid=P(member_id(r), "HEALTH_PLAN"),
        dob=P(fdate(dob(r), "hl7"), "DATE"), dos=P(D(r, appt(r), ["iso", "hl7", "us"]), "DATE"),
        cl=K(dbid(r), "db_id"), l1=ln(r), l2=ln(r))


@T()
def spring_npi_not_enrolled(r):
    dp, disp, dv = clinician(r)
    return fill('''«ts»  WARN 1 --- [nio-8443-exec-«n»] .w.s.m.s.DefaultHandlerExceptionResolver : Resolved [org.springframework.web.bind.«=exception:MethodArgumentNotValidException»: Validation failed for argument [0] in public org.springframework.http.ResponseEntity<ReferralDto> com.mindbridge.referrals.ReferralController.create(ReferralDto): [Field error in object 'referralDto' on field 'referringNpi': rejected value [«npi»]; codes [NotEnrolled.referralDto.referringNpi]; default message [NPI not found in PECOS for «disp»]]]''',
                ts=K(ts(r, "space_ms"), "timestamp"), n=r.randint(1, 30), npi=P(npi(r), "LICENSE"),
                disp=disp, _phi=[P(dv, "NAME")])


@T()
def jackson_referral_localdate(r):
    dp, disp, dv = clinician(r, noapos=True)
    p = per(r, noapos=True)
    bad = D(r, dob(r), ["us", "us_short", "us_dash", "long", "abbr", "dmy_abbr_dash"])
    return fill('''com.fasterxml.jackson.databind.exc.«=exception:InvalidFormatException»: Cannot deserialize value of type `java.time.LocalDate` from String "«dob»": Failed to deserialize java.time.LocalDate: (java.time.format.DateTimeParseException) Text '«dob»' could not be parsed at index 0
 at [Source: (String)"{"referringProvider":{"name":"«dr»","phone":"«ph»","fax":"«fx»"},"patient":{"name":"«pn»","dob":"«dob»"}}"; line: 1, column: «col»] (through reference chain: com.mindbridge.referrals.ReferralRequest["patient"]->com.mindbridge.referrals.PatientRef["dob"])
	at com.fasterxml.jackson.databind.exc.InvalidFormatException.from(InvalidFormatException.java:67)''',
                dob=P(bad, "DATE"), dr=disp, ph=P(phone(r), "PHONE"), fx=P(phone(r), "FAX"),
                pn=P(name_form(r, p, ("fl", "lf", "FL")), "NAME"), col=r.randint(90, 220),
                _phi=[P(dv, "NAME")])


@T()
def rails_record_invalid(r):
    p = per(r)
    return fill('''Started POST "/patients" for «infra» at «t»
Processing by PatientsController#create as HTML
  Parameters: {"authenticity_token"=>"[FILTERED]", "patient"=>{"first_name"=>"«first»", "last_name"=>"«last»", "email"=>"«em»", "date_of_birth"=>"«dob»", "preferred_phone"=>"«ph»"}, "commit"=>"Save"}
«=exception:ActiveRecord::RecordInvalid» (Validation failed: Email has already been taken):
  app/controllers/patients_controller.rb:«l»:in `create'
Completed «=status:422» Unprocessable Entity in «d1»ms (ActiveRecord: «d2»ms | Allocations: «al»)''',
                infra=K(infra_ip(r), "ip_infra"), t=K(ts(r, "space") + " -0500", "timestamp"),
                first=P(p.first, "NAME"), last=P(p.last, "NAME"), em=P(email(r, p), "EMAIL"),
                dob=P(D(r, dob(r), ["iso", "us", "us_short"]), "DATE"), ph=P(phone(r), "PHONE"),
                l=ln(r), d1=r.randint(20, 900), d2="%.1f" % (r.randint(5, 9000) / 10.0), al=r.randint(2000, 90000))


@T()
def ruby_mailer_nomethod(r):
    p = per(r)
    dp, disp, dv = clinician(r)
    return fill('''E, [«t» #«pid»] ERROR -- : [ActiveJob] [«=job:ActionMailer::MailDeliveryJob»] [«jid»] Error performing ActionMailer::MailDeliveryJob (Job ID: «jid») from Sidekiq(mailers) in «d»ms: «=exception:NoMethodError» (undefined method `strftime' for nil:NilClass)
/app/app/views/appointment_mailer/reminder.text.erb:4:in `_app_views_appointment_mailer_reminder_text_erb'
  locals: {:client_name=>"«name»", :appt_on=>"«md»", :clinician=>"«dr»", :callback=>"«ph»"}''',
                t=K(ts(r, "iso_us"), "timestamp"), pid=r.randint(7, 400), jid=K(uuid(r), "job_id"),
                d=dur_ms(r), name=P(name_form(r, p, ("fl", "first")), "NAME"),
                md=P(D(r, appt(r), MD_STYLES), "DATE"), dr=disp, ph=P(phone(r), "PHONE"),
                _phi=[P(dv, "NAME")])


@T()
def sidekiq_json_smtp(r):
    p = per(r)
    e = email(r, p)
    return fill('''{"ts":«t»,"pid":«pid»,"tid":"«tid»","lvl":"ERROR","msg":"job failed","ctx":{"class":"«=job:PortalInviteJob»","jid":"«jid»"},"args":["«mrn»","«em»"],"error_class":"«=exception:Net::SMTPFatalError»","error_message":"550 5.1.1 <«em»>: Recipient address rejected: User unknown","client_ip":"«ip»","retry_count":«rc»}''',
                t=K(ts(r, "epoch_f"), "timestamp"), pid=r.randint(7, 90), tid=b62(r, 6).lower(),
                jid=K(hexs(r, 24), "job_id"), mrn=P(mrn(r), "MRN"), em=P(e, "EMAIL"),
                ip=P(client_ip(r), "IP"), rc=r.randint(0, 12))


@T()
def go_fax_logfmt(r):
    dp, disp, dv = clinician(r)
    return fill('''time=«t» level=error svc=«=service:fax-relay» msg="fax delivery failed" job=«job» to_fax="«fx»" to_name="«dr»" pages=«pg» attempt=«a» err="«=error:SIP 486 Busy Here»"
goroutine «g» [running]:
main.(*Sender).Send(0xc000«h1», {0xc000«h2», 0x«h3»})
	/src/faxrelay/sender.go:«l» +0x«h4»''',
                t=K(ts(r, "iso_off"), "timestamp"), job=K(uuid(r), "job_id"), fx=P(phone(r), "FAX"),
                dr=disp, pg=r.randint(1, 40), a=r.randint(1, 6), g=r.randint(10, 9000),
                h1=hexs(r, 6), h2=hexs(r, 6), h3=hexs(r, 2), l=ln(r), h4=hexs(r, 3), _phi=[P(dv, "NAME")])


@T()
def go_zap_271_parse(r):
    s = kstyle(r)
    return fill('''{"level":"error","ts":«t»,"caller":"eligibility/client.go:«l»","msg":"271 parse failed","payer":"«payer»","«k1»":"«mid»","«k2»":"«dob»","error":"«=error:segment NM1 missing element 09»","trace_id":"«tr»"}''',
                t=K(ts(r, "epoch_f"), "timestamp"), l=ln(r), payer=K(r.choice(PAYERS), "payer"),
                k1=key(s, "member", "id"), k2=key(s, "subscriber", "dob"), mid=P(member_id(r), "HEALTH_PLAN"),
                dob=P(fdate(dob(r), r.choice(["hl7", "iso"])), "DATE"), tr=K(hexs(r, 32), "trace_id"))


@T()
def go_grpc_invalid_ssn(r):
    p = per(r)
    return fill('''«t» ERROR intake-grpc: /intake.v1.IntakeService/CreateClient: rpc error: code = «=grpc_code:InvalidArgument» desc = invalid ssn "«ssn»" for client «name» (clinic «cid»): verification service rejected record
	trace=«tr» latency=«ms»ms''', t=K(ts(r, "go"), "timestamp"), ssn=P(ssn(r), "SSN"),
                name=P(name_form(r, p), "NAME"), cid=K(str(r.randint(2, 400)), "db_id"), tr=K(hexs(r, 16), "trace_id"),
                ms=r.randint(3, 900))


@T()
def dotnet_format_guarantor(r):
    p = per(r)
    bad = D(r, dob(r), ["dmy_abbr_dash", "ordinal", "mil", "dot", "weekday", "us_yy"])
    return fill('''System.«=exception:FormatException»: String '«dob»' was not recognized as a valid DateTime.
   at System.DateTime.Parse(String s, IFormatProvider provider)
   at Harbor.Billing.Statements.GuarantorMapper.Map(GuarantorRow row) in D:\\a\\1\\s\\src\\Harbor.Billing\\Statements\\GuarantorMapper.cs:line «l»
   at Harbor.Billing.Statements.StatementBuilder.BuildAsync(Int32 batchId) in D:\\a\\1\\s\\src\\Harbor.Billing\\Statements\\StatementBuilder.cs:line «l2»
   row: { MRN = «mrn», Guarantor = «name», BirthDate = «dob», AccountNo = «acct», BatchId = «bid» }''',
                dob=P(bad, "DATE"), l=ln(r), l2=ln(r), mrn=P(mrn(r), "MRN"), name=P(name_form(r, p), "NAME"),
                acct=P(acct(r), "ACCOUNT"), bid=K(dbid(r), "db_id"))


@T()
def dotnet_dbupdate_medicaid(r):
    p = per(r)
    return fill('''[«t» ERR] Failed to register patient «name» (ClinicId «cid»)
Microsoft.EntityFrameworkCore.«=exception:DbUpdateException»: An error occurred while saving the entity changes. See the inner exception for details.
 ---> Microsoft.Data.SqlClient.«=exception:SqlException» (0x80131904): Cannot insert duplicate key row in object 'dbo.Patients' with unique index '«=index:IX_Patients_MedicaidId»'. The duplicate key value is («mcd»).
The statement has been terminated.
   at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)
ClientConnectionId:«cc»
Error Number:«=error_code:2601»,State:1,Class:14''',
                t=K(ts(r, "space_ms"), "timestamp"), name=P(name_form(r, p), "NAME"), cid=K(str(r.randint(2, 300)), "db_id"),
                mcd=P(r.choice(["NM", "TX", "IL", "GA", "OR", "AZ"]) + digits(r, 8) if r.random() < .5 else digits(r, 9) + r.choice(LET), "HEALTH_PLAN"),
                cc=K(uuid(r), "uuid"))


@T()
def serilog_portal_login(r):
    p = per(r)
    return fill('''{"@t":"«t»","@mt":"Portal login failed for {UserName} from {ClientIp}","@l":"Warning","UserName":"«u»","ClientIp":"«ip»","FailureReason":"«=code:LockedOut»","Attempts":«n»,"SourceContext":"«=module:Harbor.Portal.Auth.SignInHandler»","RequestId":"«rid»"}''',
                t=K(ts(r, "iso_us_z"), "timestamp"), u=P(username(r, p), "OTHER_ID"), ip=P(client_ip(r), "IP"),
                n=r.randint(3, 12), rid=K("0HM" + b62(r, 10).upper() + ":0000000" + str(r.randint(1, 9)), "request_id"))


@T()
def node_typeerror_intake_body(r):
    p, c, s = per(r), City(r), r.choice(["camel", "snake", "kebab"])
    return fill('''TypeError: Cannot read properties of undefined (reading 'insurance')
    at buildCoverage (/app/src/routes/intake.js:«l»:«col»)
    at /app/src/routes/intake.js:«l2»:5
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
req.id=«rid» req.body = {
  "«k1»": «first»,
  "«k2»": «last»,
  "«k3»": «addr»,
  "city": «city»,
  "state": "«st»",
  "«k4»": «zip»,
  "mobile": «ph»
}''', l=ln(r), col=r.randint(5, 60), l2=ln(r), rid=K(req_id(r), "request_id"),
                k1=key(s, "first", "name"), k2=key(s, "last", "name"), k3=key(s, "address", "line1"),
                k4=key(s, "postal", "code"), first=PJ(p.first, "NAME"), last=PJ(p.last, "NAME"),
                addr=PJ(street(r), "ADDRESS"), city=PJ(c.city, "CITY"), st=K(c.st, "state"),
                zip=PJ(c.z(r), "ZIP"), ph=PJ(phone(r), "PHONE"))


@T()
def express_access_log(r):
    m = mrn(r)
    path = r.choice(["/api/v1/patients/%s/appointments?include=clinician",
                     "/api/v1/patients/%s/statements/latest.pdf", "/portal/charts/%s/summary",
                     "/api/v2/clients/%s/insurance"]) % m
    return fill('''«ip» - - [«t»] "GET «path» HTTP/1.1" «=status:500» «b» "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15" rt=«rt» upstream=«=service:portal-api»''',
                ip=P(client_ip(r), "IP"), t=K(ts(r, "nginx"), "timestamp"), path=P(path, "URL"),
                b=r.randint(90, 4000), rt="0.%03d" % r.randint(1, 999), _phi=[P(m, "MRN")])


@T()
def node_axios_fhir_search(r):
    p, d = per(r, plain=True), dob(r)
    url = "https://fhir.%s/r4/Patient?family=%s&given=%s&birthdate=%s" % (
        r.choice(["epicsandbox.net", "hie-connect.org", "statehie.net"]), p.last, p.first, d.isoformat())
    return fill('''(node:«pid») UnhandledPromiseRejection: AxiosError: Request failed with status code «=status:404»
    at settle (/app/node_modules/axios/dist/node/axios.cjs:1966:12)
    at IncomingMessage.handleStreamEnd (/app/node_modules/axios/dist/node/axios.cjs:3065:11)
  config: { method: 'get', url: '«url»', timeout: 8000 },
  code: '«=code:ERR_BAD_REQUEST»' ''', pid=r.randint(20, 900), url=P(url, "URL"),
                _phi=[P(p.last, "NAME"), P(p.first, "NAME"), P(d.isoformat(), "DATE")])


@T()
def nginx_upstream_timeout(r):
    m = mrn(r)
    path = r.choice(["/records?mrn=%s&view=full", "/portal/records/%s", "/chart/%s/notes?page=2"]) % m
    dom = r.choice(CLINIC_DOMAINS)
    ii, port = infra_ip(r), r.choice(["8080", "3000", "9000"])
    return fill('''«t» [error] «w»#«w»: *«conn» upstream timed out (110: Connection timed out) while reading response header from upstream, client: «ip», server: portal.«dom», request: "GET «path» HTTP/2.0", upstream: "http://«ii»:«port»«path»", host: "portal.«dom»"''',
                t=K(ts(r, "go"), "timestamp"), w=r.randint(1, 64), conn=r.randint(1000, 900000),
                ip=P(client_ip(r), "IP"), dom=dom, path=P(path, "URL"), ii=K(ii, "ip_infra"), port=port,
                _phi=[P(m, "MRN")])


@T()
def logfmt_telehealth_join(r):
    p = per(r)
    return fill('''ts=«t» level=warn svc=«=service:telehealth-svc» msg="session join denied" reason=«=code:waiting_room_expired» room=«room» patient_email=«em» remote_addr=«ip» ua="«ua»" status=«=status:403»''',
                t=K(ts(r, "iso_z"), "timestamp"), room=K("rm_" + b62(r, 12), "room_id"), em=P(email(r, p), "EMAIL"),
                ip=P(client_ip(r), "IP"),
                ua=r.choice(["Zoom/5.17.11 (Android 14)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0",
                             "MindBridgeApp/4.9.2 CFNetwork/1494"]))


@T()
def json_log_patient_matcher(r):
    p, s = per(r), kstyle(r)
    return fill('''{"timestamp":"«t»","level":"ERROR","logger":"«=module:com.mindbridge.intake.PatientMatcher»","message":"ambiguous match (2 candidates)","«k1»":"«name»","«k2»":"«dob»","«k3»":"«ph»","candidateIds":[«c1»,«c2»]}''',
                t=K(ts(r, "iso_off"), "timestamp"), k1=key(s, "patient", "name"), k2=key(s, "date", "of", "birth"),
                k3=key(s, "phone", "number"), name=P(name_form(r, p), "NAME"), dob=P(D(r, dob(r)), "DATE"),
                ph=P(phone(r), "PHONE"), c1=K(dbid(r), "db_id"), c2=K(dbid(r), "db_id"))


@T()
def syslog_mdm_enrollment(r):
    p = per(r)
    model = r.choice(["iPad (9th generation)", "Galaxy Tab A8", "iPhone 13", "Pixel 7a"])
    return fill('''«t» mdm-01 mdm-agent[«pid»]: enrollment failed for tablet issued to «name»: imei=«im» serial=«sn» model="«model»" os=«os» err=«=error:DEP_PROFILE_NOT_ASSIGNED»''',
                t=K(ts(r, "syslog"), "timestamp"), pid=r.randint(200, 30000), name=P(name_form(r, p), "NAME"),
                im=P(imei(r), "DEVICE"), sn=P(serial(r), "DEVICE"), model=model,
                os=K(r.choice(["17.4.1", "14", "16.7.8", "13"]), "version"))


@T()
def audit_chart_view(r):
    p = per(r)
    return fill('''«t» AUDIT user_id=«uid» role=«=role:front_desk» action=«=action:CHART_VIEW» target="«name» (MRN «mrn», DOB «dob»)" break_glass=true src=«ii»''',
                t=K(ts(r, "iso_z"), "timestamp"), uid=K(dbid(r), "db_id"), name=P(p.LF if r.random() < .6 else p.lf, "NAME"),
                mrn=P(mrn(r), "MRN"), dob=P(D(r, dob(r)), "DATE"), ii=K(infra_ip(r), "ip_infra"))


@T()
def pg_slow_query_params(r):
    p, d = per(r, noapos=True), dob(r)
    t = ts(r, "space_ms")
    pid = r.randint(1000, 60000)
    return fill('''«t» UTC [«pid»] LOG:  duration: «ms» ms  execute <unnamed>: SELECT p.id, p.mrn FROM «=table:patients» p WHERE lower(p.last_name) = lower($1) AND p.«=column:date_of_birth» = $2 AND p.deleted_at IS NULL
«t» UTC [«pid»] DETAIL:  parameters: $1 = '«last»', $2 = '«dob»' ''',
                t=K(t, "timestamp"), pid=pid, ms=K(dur_ms(r), "duration"), last=P(p.last, "NAME"),
                dob=P(d.isoformat(), "DATE"))


@T()
def laravel_dup_member(r):
    m, g = member_id(r), group_no(r)
    return fill('''[«t»] production.ERROR: «=exception:SQLSTATE[23000]»: Integrity constraint violation: 1062 Duplicate entry '«m»-«g»' for key 'coverage.«=index:uniq_member_group»' (Connection: mysql, SQL: insert into `coverage` (`patient_id`, `payer`, `member_id`, `group_no`, `created_at`) values («pid», «payer», «m», «g», «t»)) {"exception":"[object] («=exception:Illuminate\\\\Database\\\\QueryException»(code: 23000)"}''',
                t=K(ts(r, "space"), "timestamp"), m=P(m, "HEALTH_PLAN"), g=P(g, "HEALTH_PLAN"),
                pid=K(dbid(r), "db_id"), payer=K(r.choice(PAYERS), "payer"))


@T()
def mssql_emergency_contact(r):
    p = per(r, noapos=True)
    return fill('''exec sp_executesql N'INSERT INTO [dbo].[«=table:EmergencyContacts»] ([PatientId], [FullName], [Relationship], [Phone]) VALUES (@p0, @p1, @p2, @p3)',N'@p0 int,@p1 nvarchar(100),@p2 nvarchar(20),@p3 nvarchar(20)',@p0=«pid»,@p1=N'«name»',@p2=N'«rel»',@p3=N'«ph»'
Msg «=error_code:547», Level 16, State 0, Line 1
The INSERT statement conflicted with the CHECK constraint "«=constraint:CK_EmergencyContacts_Phone»". The conflict occurred in database "harbor_prod", table "dbo.EmergencyContacts", column 'Phone'.''',
                pid=K(dbid(r), "db_id"), name=P(name_form(r, p, ("fl", "fml", "lf")), "NAME"),
                rel=r.choice(RELATIONS).capitalize(), ph=P(phone(r), "PHONE"))


@T()
def sqlalchemy_truncation_zip(r):
    c = City(r)
    return fill('''sqlalchemy.exc.«=exception:DataError»: (psycopg2.errors.StringDataRightTruncation) value too long for type character varying(5)

[SQL: UPDATE «=table:clients» SET street=%(street)s, city=%(city)s, zip=%(zip)s, updated_at=now() WHERE clients.id = %(id_1)s]
[parameters: {'street': «st», 'city': «city», 'zip': «zip», 'id_1': «id»}]
(Background on this error at: https://sqlalche.me/e/20/9h9h)''',
                st=PR(street(r), "ADDRESS"), city=PR(c.city, "CITY"), zip=PR(c.zip9, "ZIP"), id=K(dbid(r), "db_id"))


@T()
def mysql_slow_guarantor(r):
    return fill('''# Time: «t»
# User@Host: billing_ro[billing_ro] @  [«ii»]  Id: «cid»
# Query_time: «qt»  Lock_time: 0.000112 Rows_sent: 1  Rows_examined: «rows»
SET timestamp=«ep»;
SELECT c.id, c.status FROM «=table:claims» c JOIN guarantors g ON g.id = c.guarantor_id WHERE g.«=column:account_no» = '«acct»' OR g.ssn = '«ssn»';''',
                t=K(ts(r, "iso_us_z"), "timestamp"), ii=K(infra_ip(r), "ip_infra"), cid=r.randint(1000, 99999),
                qt=K("%d.%06d" % (r.randint(2, 40), r.randint(0, 999999)), "duration"), rows=r.randint(10000, 9000000),
                ep=K(ts(r, "epoch"), "timestamp"), acct=P(acct(r), "ACCOUNT"), ssn=P(ssn(r, r.choice(["dash", "plain"])), "SSN"))


@T()
def oracle_unique_guarantor(r):
    p = per(r, noapos=True)
    return fill('''ORA-00001: unique constraint («=constraint:BILLING.UQ_GUARANTOR_ACCT») violated
ORA-06512: at "BILLING.PKG_STATEMENTS", line «l»
ORA-06512: at line 1
Bind variables: :1='«acct»' :2='«name»' :3=«id» :4='«payer»'
job=«=job:STMT_NIGHTLY» elapsed=«d»s''', l=ln(r), acct=P(acct(r), "ACCOUNT"), name=P(p.LF, "NAME"),
                id=K(dbid(r), "db_id"), payer=K(r.choice(PAYERS), "payer"), d=r.randint(2, 600))


@T()
def csp_report_email_query(r):
    p = per(r)
    e = email(r, p)
    dom = r.choice(CLINIC_DOMAINS)
    url = "https://portal.%s/signup/confirm?email=%s&step=%d" % (dom, e, r.randint(2, 4))
    return fill('''«t» WARN «=service:portal-web» CSP violation: blocked-uri="https://cdn.trkpixel.io/p.gif" document-uri="«url»" violated-directive="«=directive:img-src»" status-code=«=status:200»''',
                t=K(ts(r, "iso_z"), "timestamp"), url=P(url, "URL"), _phi=[P(e, "EMAIL")])


@T()
def s3_signed_url_denied(r):
    m = mrn(r)
    url = "https://%s.s3.us-east-2.amazonaws.com/clients/%s/%s/%s.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900&X-Amz-Signature=%s" % (
        r.choice(["mb-docs-prod", "harbor-phi-docs", "cg-intake-uploads"]), m,
        r.choice(["intake", "roi", "treatment-plan", "superbill"]), hexs(r, 12), hexs(r, 64))
    return fill('''«t» ERROR docs-render: GetObject failed «=status:403» «=code:AccessDenied» (Request has expired) for «url» request_id=«rid»''',
                t=K(ts(r, "iso_s"), "timestamp"), url=P(url, "URL"), rid=K(hexs(r, 16).upper(), "request_id"),
                _phi=[P(m, "MRN")])


@T()
def webhook_member_url(r):
    m = member_id(r)
    url = "https://hooks.%s/mindbridge/eligibility/%s?payer=%s" % (
        r.choice(["carepath.io", "benefitsync.com", "clearelig.net"]), m, r.choice(PAYER_IDS))
    return fill('''webhook-dispatcher: POST «url» -> «=status:502» Bad Gateway after «d»ms (attempt «a»/5) event=«=event:eligibility.updated» delivery_id=«did»''',
                url=P(url, "URL"), d=r.randint(100, 30000), a=r.randint(1, 5), did=K(uuid(r), "uuid"),
                _phi=[P(m, "HEALTH_PLAN")])


@T()
def json_270_request_body(r):
    p = per(r)
    dp = per(r)
    return fill('''eligibility.«=exception:EligibilityRequestError»: clearinghouse rejected 270 («=code:AAA*N**42*R»)
request body:
{
  "controlNumber": "«ctrl»",
  "tradingPartnerServiceId": "«pid»",
  "provider": {"firstName": «df», "lastName": «dl», "npi": "«npi»"},
  "subscriber": {"firstName": «sf», "lastName": «sl», "dateOfBirth": "«dob»", "memberId": "«mid»"},
  "encounter": {"serviceTypeCodes": ["«=code:MH»"]}
}''', ctrl=K(digits(r, 9), "control_number"), pid=K(r.choice(PAYER_IDS), "payer_id"),
                df=PJ(dp.first, "NAME"), dl=PJ(dp.last, "NAME"), npi=P(npi(r), "LICENSE"),
                sf=PJ(p.first.upper(), "NAME"), sl=PJ(p.last.upper(), "NAME"), dob=P(fdate(dob(r), "hl7"), "DATE"),
                mid=P(member_id(r), "HEALTH_PLAN"))


@T()
def erx_newrx_rejected(r):
    dp = per(r)
    p = per(r)
    return fill('''«t» ERROR erx-service: NewRx rejected by «=vendor:Surescripts» (code «=code:900», "Transaction rejected")
response: {"messageId":"«mid»","status":"Error","rxNumber":"«rx»","prescriber":{"name":"«dn»","dea":"«dea»","npi":"«npi»"},"patient":{"name":"«pn»","dob":"«dob»"},"description":"DEA schedule II requires EPCS two-factor"}''',
                t=K(ts(r, "iso_z"), "timestamp"), mid=K(uuid(r), "uuid"), rx=P(rxnum(r), "OTHER_ID"),
                dn=P(dp.fl, "NAME"), dea=P(dea(r, dp.last), "LICENSE"), npi=P(npi(r), "LICENSE"),
                pn=P(name_form(r, p, ("fl", "lf")), "NAME"), dob=P(D(r, dob(r), ["iso", "us", "hl7"]), "DATE"))


@T()
def stripe_card_charge_failed(r):
    p, c = per(r), City(r)
    return fill('''«t» «=service:billing-worker» ERROR card charge failed: {"error":{"type":"card_error","code":"«=code:card_declined»","decline_code":"«=code:insufficient_funds»"},"payment_method":{"card":{"number":"«card»","brand":"unknown"},"billing_details":{"name":"«name»","address":{"postal_code":"«zip»"}}},"amount":«amt»,"currency":"usd","invoice":"«inv»"}''',
                t=K(ts(r, "iso_z"), "timestamp"), card=P(card(r), "ACCOUNT"), name=P(name_form(r, p, ("fl", "FL", "fml")), "NAME"),
                zip=P(c.z(r), "ZIP"), amt=K(str(r.randint(1500, 48000)), "amount"), inv=K("in_" + b62(r, 14), "invoice_id"))


@T()
def device_attestation_failed(r):
    s = kstyle(r)
    return fill('''«t» WARN «=service:telehealth-svc» device attestation failed: {"«k1»":"«sn»","imei":"«im»","platform":"«pl»","«k2»":"«ver»","«k3»":"«ip»","attestation":"«=code:UNEVALUATED»"}''',
                t=K(ts(r, "iso_z"), "timestamp"), k1=key(s, "device", "serial"), k2=key(s, "app", "version"),
                k3=key(s, "client", "ip"), sn=P(serial(r), "DEVICE"), im=P(imei(r, 0), "DEVICE"),
                pl=r.choice(["android", "ios"]), ver=K(version(r), "version"), ip=P(client_ip(r), "IP"))


@T()
def mileage_claim_locals(r):
    c = City(r)
    pl = plate(r)
    return fill('''reimbursements.errors.«=exception:ReimbursementValidationError»: odometer decreased for vehicle «pl» («st»)
  File "/srv/app/reimbursements/mileage.py", line «l», in validate
  claim = MileageClaim(client_id=«id», vin=«vin», plate=«plr», trip_date=«td», miles=«mi»)''',
                pl=P(pl, "VEHICLE"), plr=repr(pl), st=K(c.st, "state"), l=ln(r), id=K(dbid(r), "db_id"),
                vin=PR(vin(r), "VEHICLE"), td=P(pydate(appt(r)), "DATE"), mi=r.randint(3, 180))


@T()
def assert_implausible_age(r):
    age = old_age(r)
    d = dob_for_age(r, age)
    return fill('''Traceback (most recent call last):
  File "/srv/app/reports/medicare.py", line «l», in eligibility_flags
    assert 0 < age < 90, f"implausible age {age}"
«=exception:AssertionError»: implausible age «age»
Local variables:
    age = «age»
    dob = «dob»
    mrn = '«mrn»'
    as_of = «asof»''', l=ln(r), age=P(str(age), "AGE_OVER_89"), dob=P(pydate(d), "DATE"),
                mrn=P(mrn(r), "MRN"), asof=K(ts(r, "pydt"), "timestamp"))


@T()
def decimal_statement_locals(r):
    p = per(r)
    return fill('''statement_runner.py:«l» in render_statement
«=exception:decimal.InvalidOperation»: [<class 'decimal.ConversionSyntax'>]
  guarantor_account = '«acct»'
  guarantor_name = «name»
  service_date = «sd»
  balance_raw = '$1,2O4.00'
  run_id = '«run»' ''', l=ln(r), acct=P(acct(r), "ACCOUNT"), name=PR(name_form(r, p), "NAME"),
                sd=P(pydate(appt(r)), "DATE"), run=K(uuid(r), "uuid"))


@T()
def hl7_adt_a04_err(r):
    p, c, d = per(r), City(r), dob(r)
    dp = per(r)
    fac = r.choice(["CGBH", "BHBH", "RSC01", "NLPSY", "TWMH"])
    return fill('''MSH|^~\\&|«=app:PRACTICEMGR»|«fac»|HL7BRIDGE|STATEHIE|«t»||«=msg_type:ADT^A04^ADT_A01»|«ctrl»|P|«=version:2.5.1»
EVN|A04|«t»
PID|1||«mrn»^^^«fac»^MR||«pn»||«dob»|«sex»|||«addr»^^«city»^«st»^«zip»^USA^H||«ph»^PRN^PH|||«mar»||«acct»|«ssn»
PV1|1|O|«fac»^^^^^^^^BH||||«npi»^«dn»^^^^^^NPI
ERR|^^^207&Application internal error&HL70357|PID^1^11|E''',
                fac=fac, t=K(ts(r, "hl7"), "timestamp"), ctrl=K(digits(r, 10), "msg_id"), mrn=P(mrn(r), "MRN"),
                pn=P(p.hl7(), "NAME"), dob=P(fdate(d, "hl7"), "DATE"), sex=p.sex,
                addr=P(street_nounit(r).upper(), "ADDRESS"), city=P(c.city.upper(), "CITY"), st=K(c.st, "state"),
                zip=P(c.zip, "ZIP"), ph=P(phone(r, "paren_nospace"), "PHONE"), mar=r.choice("SMDW"),
                acct=P(acct(r), "ACCOUNT"), ssn=P(ssn(r, r.choice(["dash", "plain"])), "SSN"),
                npi=P(npi(r), "LICENSE"), dn=P(dp.hl7(mi=False), "NAME"))


@T()
def hl7_nk1_phone_error(r):
    p, c, d = per(r), City(r), dob(r)
    nk = per(r)
    rel = r.choice([("DAU", "Daughter"), ("SON", "Son"), ("MTH", "Mother"), ("FTH", "Father"),
                    ("SPO", "Spouse"), ("GRD", "Guardian"), ("SIS", "Sister")])
    return fill('''hl7-bridge «=error:AE»: NK1-5 phone number failed format check, message «ctrl» held for review
MSH|^~\\&|EHR|«fac»|LAB|QUESTLAB|«t»||«=msg_type:ORM^O01»|«ctrl»|P|2.3
PID|1||«mrn»||«pn»||«dob»|«sex»
NK1|1|«nk»|«rc»^«rn»|«addr»^^«city»^«st»^«zip»|«ph»''',
                ctrl=K(digits(r, 8), "msg_id"), fac=r.choice(["CGBH", "RSC01", "TWMH"]), t=K(ts(r, "hl7"), "timestamp"),
                mrn=P(mrn(r), "MRN"), pn=P(p.hl7(), "NAME"), dob=P(fdate(d, "hl7"), "DATE"), sex=p.sex,
                nk=P(nk.hl7(mi=False), "NAME"), rc=rel[0], rn=rel[1], addr=P(street_nounit(r).upper(), "ADDRESS"),
                city=P(c.city.upper(), "CITY"), st=K(c.st, "state"), zip=P(c.zip, "ZIP"),
                ph=P(phone(r, r.choice(["dash", "digits", "dot"])) + r.choice(["", " x%d" % r.randint(10, 99)]), "PHONE"))


@T()
def hl7_in1_policy_not_found(r):
    p, d = per(r), dob(r)
    pol = member_id(r)
    payer = r.choice(PAYERS)
    return fill('''IN1|1|«plan»|«pid»|«payer»|||||«grp»|||«eff»||||«ins»|01^SELF|«dob»|||||||||||||||||||«pol»
«=exception:HL7ValidationError»: IN1-36 policy number «pol» not found for insured «ins» (payer «payer»)''',
                plan=K(r.choice(["MHPPO", "HMO01", "EPO", "MCDMC"]), "plan_code"), pid=K(r.choice(PAYER_IDS), "payer_id"),
                payer=K(payer.upper() if r.random() < .5 else payer, "payer"), grp=P(group_no(r), "HEALTH_PLAN"),
                eff=P(fdate(appt(r), "hl7"), "DATE"), ins=P(p.hl7(mi=r.random() < .5), "NAME"),
                dob=P(fdate(d, "hl7"), "DATE"), pol=P(pol, "HEALTH_PLAN"))


@T()
def fhir_patient_create_422(r):
    p, c, d = per(r), City(r), dob(r)
    return fill('''HTTP «=status:422» Unprocessable Entity from POST https://fhir.«host»/fhir/R4/Patient
«=resource:OperationOutcome»: issue[0] severity=error code=«=code:invariant» diagnostics="Patient.telecom[1].value: invalid email"
request: {"resourceType":"Patient","identifier":[{"system":"urn:oid:2.16.840.1.113883.3.«oid»","value":"«mrn»"},{"system":"http://hl7.org/fhir/sid/us-ssn","value":"«ssn»"}],"name":[{"family":«last»,"given":[«first»]}],"telecom":[{"system":"phone","value":"«ph»","use":"mobile"},{"system":"email","value":"«em»"}],"gender":"«g»","birthDate":"«dob»","address":[{"line":[«addr»],"city":«city»,"state":"«st»","postalCode":"«zip»"}]}''',
                host=r.choice(["mindbridgepm.com", "harborhealth.cloud"]), oid=r.randint(1000, 99999),
                mrn=P(mrn(r), "MRN"), ssn=P(ssn(r), "SSN"), last=PJ(p.last, "NAME"), first=PJ(p.first, "NAME"), ph=P(phone(r), "PHONE"),
                em=P(email(r, p).replace("@", "@@") if r.random() < .3 else email(r, p), "EMAIL"),
                g={"F": "female", "M": "male", "X": "other"}[p.sex], dob=P(d.isoformat(), "DATE"),
                addr=PJ(street(r), "ADDRESS"), city=PJ(c.city, "CITY"), st=K(c.st, "state"), zip=P(c.z(r), "ZIP"))


@T()
def fhir_coverage_business_rule(r):
    p = per(r)
    m = member_id(r)
    payer = r.choice(PAYERS)
    return fill('''{"resourceType":"«=resource:OperationOutcome»","issue":[{"severity":"error","code":"«=code:business-rule»","diagnostics":"Coverage.subscriberId «m» does not match payer format for «payer»","expression":["Coverage.subscriberId"]}]}
-- submitted Coverage: {"resourceType":"Coverage","status":"active","subscriberId":"«m»","beneficiary":{"reference":"Patient/«u»","display":«name»},"relationship":{"coding":[{"code":"self"}]},"period":{"start":"«start»"},"payor":[{"display":"«payer»"}],"class":[{"type":{"coding":[{"code":"group"}]},"value":"«grp»"}]}''',
                m=P(m, "HEALTH_PLAN"), payer=K(payer, "payer"), u=K(uuid(r), "uuid"), name=PJ(name_form(r, p, ("fl", "fml")), "NAME"),
                start=P(appt(r).isoformat(), "DATE"), grp=P(group_no(r), "HEALTH_PLAN"))


@T()
def fhir_search_404(r):
    m = mrn(r)
    url = "https://%s/baseR4/Patient?identifier=%s|%s&_format=json" % (
        r.choice(["fhir.statehie.net", "api.hie-connect.org", "fhir.mindbridgepm.com"]),
        r.choice(["urn:oid:2.16.840.1.113883.3.4821", "http://cgbh.org/mrn", "urn:mrn"]), m)
    return fill('''«t» «=service:fhir-proxy» WARN upstream «=status:404» for «url» (elapsed «d»ms, x-request-id «rid») OperationOutcome: «=code:HAPI-2001»: Resource not found''',
                t=K(ts(r, "iso_off"), "timestamp"), url=P(url, "URL"), d=r.randint(30, 8000), rid=K(uuid(r), "request_id"),
                _phi=[P(m, "MRN")])


@T()
def fhir_practitioner_fax(r):
    dp = per(r)
    return fill('''Practitioner validation failed (profile «=profile:us-core-practitioner»): telecom[2] fax «fx» failed E.164 normalization
{"resourceType":"Practitioner","id":"«id»","identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"«npi»"}],"name":[{"family":«last»,"given":[«first»],"suffix":["«cred»"]}],"telecom":[{"system":"phone","value":"«ph»"},{"system":"email","value":"«em»"},{"system":"fax","value":"«fx»"}]}''',
                fx=P(phone(r), "FAX"), id=K(dbid(r), "db_id"), npi=P(npi(r), "LICENSE"), last=PJ(dp.last, "NAME"),
                first=PJ(dp.first, "NAME"), cred=r.choice(CREDS), ph=P(phone(r), "PHONE"), em=P(work_email(r, dp), "EMAIL"))


@T()
def fhir_device_parse_error(r):
    p = per(r)
    sn = serial(r)
    return fill('''POST /fhir/R4/Device -> «=status:400» «=exception:InvalidRequestException»: HAPI-0450: Failed to parse request body as JSON resource. Error was: HAPI-1861: Failed to parse JSON encoded FHIR content: Unexpected end-of-input
body: {"resourceType":"Device","status":"active","serialNumber":"«sn»","udiCarrier":[{"carrierHRF":"«udi»"}],"deviceName":[{"name":"«prod»","type":"user-friendly-name"}],"patient":{"display":«name»}''',
                sn=P(sn, "DEVICE"), udi=P(udi(r, sn), "DEVICE"),
                prod=K(r.choice(["Alpha-Stim AID", "Fisher Wallace Stimulator", "Apple Watch Series 9", "Oura Ring Gen3"]), "product"),
                name=PJ(name_form(r, p, ("fl", "lf")), "NAME"))


@T()
def slack_login_escalation(r):
    p = per(r)
    tk = K("SUP-%d" % r.randint(1000, 99999), "ticket")
    return fill('''#support-escalations  «t»
frontdesk-2: @oncall pt «name» (DOB «dob») can't log in from «ip», her username is «u», she says the portal shows «=status:429» Too Many Requests
oncall-bot: ack, ticket «tk» created, assigned to «=team:identity»''',
                t=K(ts(r, "hhmm"), "time"), name=P(name_form(r, p, ("fl", "first", "fl")), "NAME"),
                dob=P(D(r, dob(r), MD_STYLES + ["us", "us_short"]), "DATE"), ip=P(client_ip(r), "IP"),
                u=P(username(r, p), "OTHER_ID"), tk=tk)


@T()
def staff_note_relative_call(r):
    rp = per(r)
    age = old_age(r)
    rel = r.choice(RELATIONS)
    return fill('''Note autosave («=role:case_manager», user «uid») at «t»:
Called client's «rel», «rn», at «ph» re: missed appt on «md». Client is «age» y/o and lives alone at «addr»; «rel» will bring her in next week. Flag for «=program:Adult Protective Services» consult.''',
                uid=K(dbid(r), "db_id"), t=K(ts(r, "iso_off"), "timestamp"), rel=rel, rn=P(rp.fl, "NAME"),
                ph=P(phone(r), "PHONE"), md=P(D(r, appt(r), MD_STYLES), "DATE"), age=P(str(age), "AGE_OVER_89"),
                addr=P(street(r), "ADDRESS"))


@T()
def zendesk_statement_address(r):
    p, c1, c2 = per(r), City(r), City(r)
    tk = K(str(r.randint(10000, 999999)), "ticket")
    return fill('''Zendesk #«tk» (priority: normal) via «=channel:web_widget»
Subject: Wrong address on statement
Client «name» says the statement for acct «acct» went to «a1», «ct1», «s1» «z1», but she moved to «a2» in «ct2» last month. Please update before the «=job:statement-runner» batch on Friday.''',
                tk=tk, name=P(name_form(r, p, ("fl", "fml")), "NAME"), acct=P(acct(r), "ACCOUNT"),
                a1=P(street(r), "ADDRESS"), ct1=P(c1.city, "CITY"), s1=K(c1.st, "state"), z1=P(c1.z(r), "ZIP"),
                a2=P(street(r), "ADDRESS"), ct2=P(c2.city, "CITY"))


@T()
def chat_towed_car(r):
    p = per(r)
    return fill('''[«t1»] front-desk: heads up, «first»'s car («color» «make», plate «pl») got towed from lot B during group («=program:IOP» room 2). Tow yard needs the VIN: «vin»
[«t2»] ops-manager: 👍 calling «=vendor:Metro Towing», ref «ref»''',
                t1=K(ts(r, "hhmm"), "time"), t2=K(ts(r, "hhmm"), "time"), first=P(p.first, "NAME"),
                color=r.choice(["silver", "black", "red", "white", "blue"]),
                make=r.choice(["Honda Civic", "Toyota Corolla", "Ford F-150", "Nissan Altima", "Kia Soul"]),
                pl=P(plate(r), "VEHICLE"), vin=P(vin(r), "VEHICLE"), ref=K("TW-%d" % r.randint(1000, 99999), "ticket"))


@T()
def credentialing_check(r):
    dp, disp, dv = clinician(r)
    return fill('''«=job:credentialing-check» «t» WARN: «disp» - state license «lic» expires in «n» days; DEA «dea» renewal pending; NPI «npi» active; «cnt» appointments booked after expiry (status «=status:AT_RISK»)''',
                t=K(ts(r, "iso_z"), "timestamp"), disp=disp, lic=P(state_license(r), "LICENSE"), n=r.randint(3, 60),
                dea=P(dea(r, dp.last), "LICENSE"), npi=P(npi(r), "LICENSE"), cnt=K(str(r.randint(2, 90)), "count"),
                _phi=[P(dv, "NAME")])


@T()
def email_bounce_reminder(r):
    p = per(r)
    dp, disp, dv = clinician(r)
    e = email(r, p)
    ap = appt(r)
    return fill('''From: MAILER-DAEMON@mx2.«mx»
Date: «t»
Subject: Undelivered Mail Returned to Sender
Final-Recipient: rfc822; «em»
Action: failed
Status: «=smtp_status:5.1.1»
Diagnostic-Code: smtp; 550 5.1.1 <«em»>: Recipient address rejected: User unknown in virtual mailbox table
--- original message ---
Subject: Reminder: your appointment on «ad» at «clk» with «disp»
Hi «first», this is «clinic». Reply to this e-mail or call us to reschedule.''',
                mx=r.choice(["sendgrid.net", "mailgun.org", "postmarkapp.com"]), t=K(ts(r, "rfc2822"), "timestamp"),
                em=P(e, "EMAIL"), ad=P(D(r, ap, ["md_weekday", "md_long", "weekday", "md_wd_abbr", "md_slash"]), "DATE"),
                clk=clock(r), disp=disp, first=P(p.first, "NAME"), clinic=K(r.choice(CLINICS), "org"),
                _phi=[P(dv, "NAME")])


@T()
def twilio_undelivered_sms(r):
    p = per(r)
    return fill('''«=service:notify-sms» ERROR status callback: MessageSid=«sid» MessageStatus=undelivered ErrorCode=«=error_code:30006» To=«to» From=«sc»
Body="Hi «first», «clinic» reminds you of your appt «md» at «clk». Reply C to confirm, R to reschedule."''',
                sid=K("SM" + hexs(r, 32), "message_id"), to=P(phone(r, r.choice(["e164", "e164", "intl_dash"])), "PHONE"),
                sc=K(str(r.randint(20000, 99999)), "short_code"), first=P(p.first, "NAME"),
                clinic=K(r.choice(CLINICS), "org"), md=P(D(r, appt(r), MD_STYLES), "DATE"), clk=clock(r))


@T()
def email_records_fax_request(r):
    p = per(r)
    dp = per(r)
    st = per(r)
    return fill('''To: «em»
Subject: Re: records request for «pn», DOB «dob»
Dr. «dl», please fax the signed ROI and last 3 progress notes to «fx» (attn: «sn»). Our main line is «ph».
-- auto-reply from «=service:fax-relay»: outbound number «fx» rejected: «=error:E_NOT_ALLOWLISTED»''',
                em=P(work_email(r, dp), "EMAIL"), pn=P(name_form(r, p, ("fl", "fml")), "NAME"),
                dob=P(D(r, dob(r)), "DATE"), dl=P(dp.last, "NAME"), fx=P(phone(r), "FAX"), sn=P(st.fl, "NAME"),
                ph=P(phone(r), "PHONE"))


@T()
def dotnet_smtp_recipient(r):
    p = per(r)
    return fill('''System.Net.Mail.«=exception:SmtpFailedRecipientException»: Mailbox unavailable. The server response was: 5.1.1 <«em»>... User unknown
   at System.Net.Mail.SmtpTransport.SendMail(MailAddress sender, MailAddressCollection recipients, String deliveryNotify, Boolean allowUnicode, SmtpFailedRecipientException& exception)
   at Harbor.Notifications.PortalInviteSender.SendAsync(Guid patientId) in /src/Harbor.Notifications/PortalInviteSender.cs:line «l»
 PatientId: «u»  DisplayName: «name»  Attempt: «a»''',
                em=P(email(r, p), "EMAIL"), l=ln(r), u=K(uuid(r), "uuid"), name=P(name_form(r, p), "NAME"), a=r.randint(1, 5))


@T()
def csv_export_row_rejected(r):
    p = per(r)
    a, e, n = phone_parts(r)
    return fill('''export «=job:patients-export» «job»: row «row» rejected by «=module:csvlint»: column 7 (phone) has 11 digits
id,mrn,last_name,first_name,dob,sex,phone,primary_dx
«id»,«mrn»,«last»,«first»,«dob»,«sex»,«ph»,«icd»''',
                job=K(uuid(r), "job_id"), row=K(str(r.randint(2, 9000)), "count"), id=K(dbid(r), "db_id"),
                mrn=P(mrn(r), "MRN"), last=P(p.last, "NAME"), first=P(p.first, "NAME"), dob=P(D(r, dob(r), ["us", "iso", "us_short"]), "DATE"),
                sex=p.sex, ph=P("1" + a + e + n, "PHONE"), icd=K(r.choice(ICD), "icd10"))


@T()
def csv_claims_batch_edits(r):
    p1, p2 = per(r, noapos=True), per(r, noapos=True)
    c2 = r.choice(CPT)
    return fill('''claims_837 batch «b»: 2 rows failed payer edits
claim_id|member_id|subscriber|dos|cpt|icd10|billed
«c1»|«m1»|«s1»|«d1»|«=cpt:90837»|«i1»|«a1»
«c2»|«m2»|«s2»|«d2»|«cpt2»|«i2»|«a2»
edit «=carc:CO-16»: missing rendering NPI (loop 2310B)''',
                b=K(str(r.randint(1000, 99999)), "batch_id"), c1=K(dbid(r), "db_id"), c2=K(dbid(r), "db_id"),
                m1=P(member_id(r), "HEALTH_PLAN"), m2=P(member_id(r), "HEALTH_PLAN"),
                s1=P(p1.LF, "NAME"), s2=P(p2.LF, "NAME"), d1=P(D(r, appt(r), ["us", "iso", "hl7"]), "DATE"),
                d2=P(D(r, appt(r), ["us", "iso", "hl7"]), "DATE"), cpt2=K(c2, "cpt"), i1=K(r.choice(ICD), "icd10"),
                i2=K(r.choice(ICD), "icd10"), a1=K(amount(r), "amount"), a2=K(amount(r), "amount"))


@T()
def mailhouse_cass_reject(r):
    p, c = per(r, noapos=True), City(r)
    return fill('''«=service:mailhouse-sftp»: upload rejected (CASS «=code:ADDRESS_NOT_FOUND») file statements_«fid».csv line «n»
"«name»","«addr»","«unit»","«city»","«st»","«zip»"''',
                fid=K(hexs(r, 8), "hash"), n=K(str(r.randint(2, 4000)), "count"), name=P(name_form(r, p, ("fl", "FL", "fml")), "NAME"),
                addr=P(street_nounit(r), "ADDRESS"), unit=P(r.choice(UNITS), "ADDRESS"), city=P(c.city, "CITY"),
                st=K(c.st, "state"), zip=P(c.zip9, "ZIP"))


@T()
def eligibility_nightly_summary(r):
    ps = [per(r) for _ in range(3)]
    n_chk = r.randint(300, 5000)
    return fill('''[«=job:eligibility-poller»] nightly run «run» finished at «t»: «n» checked, «ok» active, 3 errors
  - «m1» («p1»): AAA 75 Subscriber/Insured Not Found, «n1»
  - «m2» («p2»): AAA 72 Invalid/Missing Subscriber/Insured ID, «n2»
  - «m3» (Medicare): AAA 58 Invalid/Missing Date-of-Birth, «n3», DOB on file «dob»
duration «d»''',
                run=K(uuid(r), "uuid"), t=K(ts(r, "iso_off"), "timestamp"), n=n_chk, ok=n_chk - r.randint(3, 250),
                m1=P(member_id(r), "HEALTH_PLAN"), m2=P(member_id(r), "HEALTH_PLAN"), m3=P(mbi(r), "HEALTH_PLAN"),
                p1=K(r.choice(PAYERS), "payer"), p2=K(r.choice(PAYERS), "payer"),
                n1=P(name_form(r, ps[0]), "NAME"), n2=P(name_form(r, ps[1]), "NAME"), n3=P(name_form(r, ps[2]), "NAME"),
                dob=P(D(r, dob(r)), "DATE"), d=K("%dm%02ds" % (r.randint(1, 50), r.randint(0, 59)), "duration"))


@T()
def statement_undeliverable_summary(r):
    c1, c2 = City(r), City(r)
    return fill('''«=job:statement-runner» «ver» completed «t»: «n» statements queued, 2 skipped (undeliverable):
  acct «a1»  «ad1», «ct1» «s1» «z1»  (USPS: «=code:NO SUCH NUMBER»)
  acct «a2»  «ad2», «ct2» «s2» «z2»  (USPS: «=code:VACANT»)''',
                ver=K("v" + version(r), "version"), t=K(ts(r, "iso_s"), "timestamp"), n=r.randint(100, 9000),
                a1=P(acct(r), "ACCOUNT"), a2=P(acct(r), "ACCOUNT"), ad1=P(street(r), "ADDRESS"), ad2=P(street(r), "ADDRESS"),
                ct1=P(c1.city, "CITY"), ct2=P(c2.city, "CITY"), s1=K(c1.st, "state"), s2=K(c2.st, "state"),
                z1=P(c1.z(r), "ZIP"), z2=P(c2.z(r), "ZIP"))


@T()
def reminder_cron_summary(r):
    return fill('''«=job:reminder-cron» «t» summary: sent=«n» failed=3 opted_out=«k» provider=«=vendor:twilio»
failed: «p1» (carrier violation, 30007), «p2» (unreachable, 30003), «p3» (landline, 30006)''',
                t=K(ts(r, "space"), "timestamp"), n=r.randint(100, 4000), k=r.randint(0, 40),
                p1=P(phone(r), "PHONE"), p2=P(phone(r), "PHONE"), p3=P(phone(r), "PHONE"))


@T()
def fax_queue_sweep(r):
    dp, disp, dv = clinician(r)
    return fill('''«=service:fax-relay» queue sweep «t»: 2 jobs exhausted retries
  job «j1» -> «f1» («disp» office) 6/6 attempts, last error «=error:NO_ANSWER»
  job «j2» -> «f2» («org») 6/6 attempts, last error «=error:FAX_TRAINING_FAILED»''',
                t=K(ts(r, "iso_z"), "timestamp"), j1=K(dbid(r), "job_id"), j2=K(dbid(r), "job_id"),
                f1=P(phone(r), "FAX"), f2=P(phone(r), "FAX"), disp=disp,
                org=r.choice(["County Crisis Center", "Lakeside Primary Care", "St. Brendan Hospital HIM", "Valley Pharmacy"]),
                _phi=[P(dv, "NAME")])


@T()
def unicode_pdf_header(r):
    first = r.choice(NONLATIN1_FIRST + FIRST)
    last = r.choice(NONLATIN1_LAST)
    name = "%s %s" % (first, last)
    ch = next(c for c in name if ord(c) > 255)
    d = dob(r)
    return fill('''Traceback (most recent call last):
  File "/srv/app/docs/superbill.py", line «l», in render_header
    c.drawString(72, 720, f"Client: {client.name}  DOB: {client.dob:%m/%d/%Y}")
«=exception:UnicodeEncodeError»: 'latin-1' codec can't encode character '\\u«cp»' in position «pos»: ordinal not in range(256)
  client = <Client id=«id» name=«name» dob=«dob»>''',
                l=ln(r), cp="%04x" % ord(ch), pos=8 + name.index(ch), id=K(dbid(r), "db_id"), name=PR(name, "NAME"),
                dob=P(d.isoformat(), "DATE"))


@T()
def go_geocode_not_found(r):
    c = City(r)
    return fill('''«t» geocode: provider=«=vendor:smarty» status=«=status:422» err="address not found" input="«a», «ct», «st» «z»" client=«id» took=«d»ms''',
                t=K(ts(r, "go"), "timestamp"), a=P(street(r), "ADDRESS"), ct=P(c.city, "CITY"), st=K(c.st, "state"),
                z=P(c.z(r), "ZIP"), id=K(dbid(r), "db_id"), d=r.randint(20, 3000))


@T()
def kafka_deser_patient_event(r):
    p = per(r, noapos=True)
    return fill('''«t» ERROR [intake-events-1] o.a.k.c.c.i.Fetcher - [Consumer clientId=intake-events-1, groupId=hl7-bridge] deserialization failed
org.apache.kafka.common.errors.«=exception:RecordDeserializationException»: Error deserializing key/value for partition «=topic:patient-events»-«part» at offset «off». If needed, please seek past the record to continue consumption.
Caused by: com.fasterxml.jackson.core.JsonParseException: Unexpected character ('}' (code 125)): was expecting double-quote to start field name
 at [Source: (byte[])"{"mrn":"«mrn»","ssn":"«ssn»","dob":"«dob»","name":"«name»",}"; line: 1, column: «col»]''',
                t=K(ts(r, "space_ms"), "timestamp"), part=r.randint(0, 11), off=K(str(r.randint(100000, 99999999)), "offset"),
                mrn=P(mrn(r), "MRN"), ssn=P(ssn(r), "SSN"), dob=P(fdate(dob(r), r.choice(["mil", "iso", "hl7", "us"])), "DATE"),
                name=P(name_form(r, p, ("fl", "LF", "lf")), "NAME"), col=r.randint(80, 160))


@T()
def stripe_node_billing_details(r):
    p, c = per(r, noapos=True), City(r)
    return fill('''StripeInvalidRequestError: No such customer: 'cus_«cus»'
    at StripeError.generate (/app/node_modules/stripe/cjs/Error.js:10:20)
    at res.toJSON.then.StripeAPIError.message (/app/node_modules/stripe/cjs/RequestSender.js:105:54) {
  type: 'StripeInvalidRequestError',
  requestId: '«rid»',
  statusCode: «=status:400»,
  context: { billing_details: { name: '«name»', email: '«em»', address: { line1: '«a»', postal_code: '«z»' } } }
}''', cus=b62(r, 14), rid=K("req_" + b62(r, 14), "request_id"), name=P(name_form(r, p, ("fl", "fml")), "NAME"),
                em=P(email(r, p), "EMAIL"), a=P(street(r), "ADDRESS"), z=P(c.z(r), "ZIP"))


@T()
def logfmt_epcs_signing(r):
    dp = per(r)
    return fill('''ts=«t» level=error svc=«=service:erx-service» msg="EPCS signing failed" prescriber_npi=«npi» prescriber_dea=«dea» rx_number=«rx» drug="«drug»" reason=«=code:OTP_MISMATCH» attempt=«a»''',
                t=K(ts(r, "iso_z"), "timestamp"), npi=P(npi(r), "LICENSE"), dea=P(dea(r, dp.last), "LICENSE"),
                rx=P(rxnum(r), "OTHER_ID"),
                drug=K(r.choice(["lisdexamfetamine 30 mg", "clonazepam 0.5 mg", "methylphenidate ER 36 mg", "alprazolam 0.25 mg"]), "drug"),
                a=r.randint(1, 3))


@T()
def json_vin_decode_failed(r):
    c = City(r)
    s = kstyle(r)
    return fill('''{"severity":"ERROR","time":"«t»","service":"«=service:reimbursements»","message":"VIN decode failed: vPIC ErrorCode 8","payload":{"claimId":«id»,"vehicle":{"«k1»":"«vin»","«k2»":"«pl»","«k3»":"«st»"},"«k4»":"«td»","miles":«mi»}}''',
                t=K(ts(r, "iso_us_z"), "timestamp"), id=K(dbid(r), "db_id"), k1=key(s, "vin"), k2=key(s, "plate", "number"),
                k3=key(s, "plate", "state"), k4=key(s, "trip", "date"), vin=P(vin(r), "VEHICLE"), pl=P(plate(r), "VEHICLE"),
                st=K(c.st, "state"), td=P(D(r, appt(r), ["iso", "us", "us_short"]), "DATE"), mi=r.randint(3, 200))


@T()
def risk_engine_override(r):
    rp = per(r)
    age = old_age(r)
    return fill('''«t» INFO «=service:risk-engine»: manual override applied to client «mrn», fall-risk score 7 -> 3 (rule «=rule:FR-12»); note: "«age»-year-old, ambulatory with walker, «rel» «rn» present at visit"''',
                t=K(ts(r, "space_ms"), "timestamp"), mrn=P(mrn(r), "MRN"), age=P(str(age), "AGE_OVER_89"),
                rel=r.choice(RELATIONS), rn=P(rp.fl, "NAME"))


@T()
def fhir_observation_age_max(r):
    p = per(r)
    age = old_age(r)
    return fill('''Bundle entry[«e»] rejected («=status:422»): Observation.valueQuantity.value «age» exceeds profile maximum for code «=loinc:30525-0» (Age)
{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"30525-0","display":"Age"}]},"subject":{"reference":"Patient/«u»","display":«name»},"effectiveDateTime":"«eff»","valueQuantity":{"value":«age»,"unit":"a","system":"http://unitsofmeasure.org"}}''',
                e=r.randint(0, 30), age=P(str(age), "AGE_OVER_89"), u=K(uuid(r), "uuid"),
                name=PJ(name_form(r, p, ("fl", "fml")), "NAME"), eff=P(appt(r).isoformat(), "DATE"))


@T()
def dotnet_license_argument(r):
    if r.random() < .55:
        dp, disp, dv = clinician(r)
        who, lic, what = "provider " + disp, state_license(r), "state license number"
    else:
        dp = per(r)
        dv = name_form(r, dp)
        who, lic, what = "patient " + dv, drivers_license(r), "driver license number"
    c = City(r)
    return fill('''System.«=exception:ArgumentException»: Invalid «what» '«lic»' for «who» (state «st») (Parameter 'licenseNumber')
   at Harbor.Credentialing.LicenseValidator.Validate(String licenseNumber, String state) in /src/Harbor.Credentialing/LicenseValidator.cs:line «l»
   at Harbor.Api.Controllers.IdentityController.Verify(VerifyRequest req)
 TraceId: «tr»''', what=what, lic=P(lic, "LICENSE"), who=who, st=K(c.st, "state"), l=ln(r),
                tr=K("00-%s-%s-01" % (hexs(r, 32), hexs(r, 16)), "trace_id"), _phi=[P(dv, "NAME")])


@T()
def faraday_device_enrolled(r):
    p = per(r)
    return fill('''Faraday::«=exception:ConflictError»: the server responded with status «=status:409»
  url: https://api.vitalloop-rpm.com/v2/devices
  body: {"error":"device_already_enrolled","serial":"«sn»","enrolled_to":"«name»","enrolled_at":"«t»"}
  from /app/app/services/rpm/enroll_device.rb:«l»:in `call' ''',
                sn=P(serial(r), "DEVICE"), name=P(name_form(r, p), "NAME"), t=K(ts(r, "iso_s"), "timestamp"), l=ln(r))


@T()
def iis_log_eligibility(r):
    m, d = member_id(r), dob(r)
    t = ts(r, "space")
    return fill('''#Software: Microsoft Internet Information Services 10.0
#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port c-ip cs(User-Agent) sc-status time-taken
«t» «ii» GET «=endpoint:/api/eligibility» memberId=«m»&dob=«dob» 443 «ip» okhttp/4.12.0 «=status:500» «ms»''',
                t=K(t, "timestamp"), ii=K(infra_ip(r), "ip_infra"), m=P(m, "HEALTH_PLAN"),
                dob=P(fdate(d, r.choice(["iso", "hl7"])), "DATE"), ip=P(pub_ip(r), "IP"), ms=r.randint(20, 30000))


@T()
def grpc_otp_ipv6(r):
    p = per(r)
    return fill('''«t» WARN «=service:auth-service»: too many OTP attempts user=«u» peer=[«ip»]:«port» code=«=grpc_code:ResourceExhausted» lockout=«=duration:15m»''',
                t=K(ts(r, "go"), "timestamp"), u=P(username(r, p), "OTHER_ID"), ip=P(ipv6(r), "IP"),
                port=r.randint(30000, 65000))


@T()
def java_fax_busy(r):
    dp, disp, dv = clinician(r)
    return fill('''«t» ERROR [fax-pool-«n»] c.m.fax.OutboundFaxWorker - send failed
com.mindbridge.fax.«=exception:FaxSendException»: remote fax «fx» busy after «a» attempts (document «doc», recipient «disp»)
	at com.mindbridge.fax.sip.T38Session.negotiate(T38Session.java:«l»)
	at com.mindbridge.fax.OutboundFaxWorker.run(OutboundFaxWorker.java:«l2»)''',
                t=K(ts(r, "space_ms"), "timestamp"), n=r.randint(1, 8), fx=P(phone(r), "FAX"), a=r.randint(2, 6),
                doc=K(dbid(r), "db_id"), disp=disp, l=ln(r), l2=ln(r), _phi=[P(dv, "NAME")])


@T()
def pino_portal_login(r):
    p = per(r)
    return fill('''{"level":50,"time":«t»,"pid":«pid»,"hostname":"«host»","reqId":"«rid»","req":{"method":"POST","url":"«=endpoint:/auth/login»","remoteAddress":"«ip»"},"username":"«u»","msg":"login failed: «=code:INVALID_PASSWORD»","err":{"type":"«=exception:AuthError»"}}''',
                t=K(ts(r, "epoch_ms"), "timestamp"), pid=r.randint(1, 90), host=K("portal-web-%s-%s" % (hexs(r, 9), b62(r, 5).lower()), "host"),
                rid=K("req-%d" % r.randint(1, 99999), "request_id"), ip=P(client_ip(r), "IP"), u=P(username(r, p), "OTHER_ID"))


@T()
def syslog_sms_stop(r):
    p = per(r)
    return fill('''«t» notify-01 notify-sms[«pid»]: inbound STOP from «ph» matched client «mrn» («name»); reminders disabled, opt-out id «u»''',
                t=K(ts(r, "syslog"), "timestamp"), pid=r.randint(100, 40000), ph=P(phone(r, r.choice(["e164", "digits", "intl_space"])), "PHONE"),
                mrn=P(mrn(r), "MRN"), name=P(name_form(r, p, ("LF", "lf", "fl")), "NAME"), u=K(uuid(r), "uuid"))


@T()
def idv_document_mismatch(r):
    p = per(r)
    c = City(r)
    return fill('''«t» WARN «=service:intake-idv»: document check «=code:DOB_MISMATCH» for «name»: passport «pp» vs driver license «dl» («st»); DOB on document «d1» differs from chart «d2» (vendor score «=score:0.41»)''',
                t=K(ts(r, "iso_off"), "timestamp"), name=P(name_form(r, p), "NAME"), pp=P(passport(r), "OTHER_ID"),
                dl=P(drivers_license(r), "LICENSE"), st=K(c.st, "state"), d1=P(D(r, dob(r)), "DATE"), d2=P(D(r, dob(r)), "DATE"))


@T()
def prior_auth_denied(r):
    p = per(r)
    a, b = appt(r), appt(r)
    a, b = min(a, b), max(a, b)
    pa = pa_num(r)
    return fill('''«=exception:PriorAuthDeniedError»: «payer» denied PA «pa» (reason «=code:NMN»)
{"authNumber":"«pa»","member":{"id":"«mid»","name":"«name»","birthDate":"«dob»"},"service":{"cpt":"«cpt»","units":«u»,"from":"«d1»","to":"«d2»"},"decision":"DENIED"}''',
                payer=K(r.choice(PAYERS), "payer"), pa=P(pa, "OTHER_ID"), mid=P(member_id(r), "HEALTH_PLAN"),
                name=P(name_form(r, p, ("fl", "LF")), "NAME"), dob=P(dob(r).isoformat(), "DATE"),
                cpt=K(r.choice(CPT), "cpt"), u=r.randint(4, 24), d1=P(a.isoformat(), "DATE"), d2=P(b.isoformat(), "DATE"))


@T()
def go_ssa_verify_mismatch(r):
    p = per(r)
    return fill('''level=warn ts=«t» caller=ssa_verify.go:«l» msg="SSA verification mismatch (Medicaid enrollment)" ssn=«ssn» last=«last» dob=«dob» vendor=«=vendor:EquifaxWorkforce» code=«=code:E204»''',
                t=K(ts(r, "iso_z"), "timestamp"), l=ln(r), ssn=P(ssn(r), "SSN"), last=P(p.last.upper().replace(" ", ""), "NAME"),
                dob=P(fdate(dob(r), r.choice(["hl7", "us", "iso"])), "DATE"))


@T()
def serilog_ssn_duplicate(r):
    p = per(r)
    return fill('''[«t» WRN] «=module:Harbor.Intake.SsnValidator»: rejected SSN «ssn» for «name»: already on chart «mrn» (RequestId: «rid», ElapsedMs: «ms»)''',
                t=K(ts(r, "space"), "timestamp"), ssn=P(ssn(r), "SSN"), name=P(name_form(r, p), "NAME"), mrn=P(mrn(r), "MRN"),
                rid=K(req_id(r), "request_id"), ms=r.randint(2, 600))


@T()
def rpm_sync_device_url(r):
    sn, m = serial(r), mrn(r)
    url = "https://api.%s/1/user/-/devices/%s/sync?patient=%s" % (r.choice(["wearlink.io", "vitalloop-rpm.com"]), sn, m)
    return fill('''«t» «=service:rpm-sync» ERROR GET «url» -> «=status:401» invalid_token (expires_in=0) retry_after=«=duration:300s»''',
                t=K(ts(r, "iso_z"), "timestamp"), url=P(url, "URL"), _phi=[P(sn, "DEVICE"), P(m, "MRN")])


@T()
def sidekiq_admission_age(r):
    age = old_age(r)
    return fill('''«=exception:ArgumentError»: admission age out of range («age»)
  job: «=job:InpatientReferralJob» jid=«jid»
  args: [{"mrn"=>"«mrn»", "age"=>«age», "admit_date"=>"«ad»", "facility"=>"«fac»"}]
  /app/app/jobs/inpatient_referral_job.rb:«l»:in `perform' ''',
                age=P(str(age), "AGE_OVER_89"), jid=K(hexs(r, 24), "job_id"), mrn=P(mrn(r), "MRN"),
                ad=P(D(r, appt(r), ["iso", "us"]), "DATE"),
                fac=r.choice(["Mercy Behavioral Unit", "Lakeview Geri-Psych", "St. Brendan 4 West"]), l=ln(r))


@T()
def requests_reset_url(r):
    p = per(r)
    u, e = username(r, p), email(r, p)
    path = "/portal/users/%s/reset?email=%s" % (u, e)
    return fill('''«=exception:requests.exceptions.ConnectionError»: HTTPSConnectionPool(host='«host»', port=443): Max retries exceeded with url: «path» (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f«h»>: Failed to establish a new connection: [Errno 111] Connection refused'))''',
                host=K("auth.internal." + r.choice(CLINIC_DOMAINS), "host"), path=P(path, "URL"), h=hexs(r, 10),
                _phi=[P(u, "OTHER_ID"), P(e, "EMAIL")])


@T()
def go_panic_waitlist(r):
    p = per(r)
    return fill('''panic: runtime error: index out of range [3] with length 3

goroutine «g» [running]:
github.com/mindbridge/sched/internal/waitlist.(*Ranker).Score(0xc000«h1», 0xc000«h2»)
	/build/internal/waitlist/ranker.go:«l» +0x«h3»
entry: &waitlist.Entry{ID:«id», MRN:"«mrn»", Name:"«name»", Referred:"«rd»", Priority:2}''',
                g=r.randint(10, 9999), h1=hexs(r, 6), h2=hexs(r, 6), l=ln(r), h3=hexs(r, 3), id=K(dbid(r), "db_id"),
                mrn=P(mrn(r), "MRN"), name=P(name_form(r, p), "NAME"), rd=P(D(r, appt(r), ["iso", "us", "abbr"]), "DATE"))


@T()
def progress_note_413(r):
    p = per(r)
    age = old_age(r)
    return fill('''PUT «=endpoint:/api/v3/notes/draft» -> «=status:413» Payload Too Large (limit 256kb) note_id=«nid»
draft excerpt: "«name», «age», seen «wd» for «=cpt:90834». Pt reports improved sleep; «rel» «rn» attended. Plan: continue «=icd10:F33.1» tx, RTC in 2 wks."''',
                nid=K(dbid(r), "db_id"), name=P(name_form(r, p, ("fl", "first", "fml")), "NAME"), age=P(str(age), "AGE_OVER_89"),
                wd=P(D(r, appt(r), ["long", "ordinal", "md_long", "md_ord", "weekday", "dmy_long"]), "DATE"),
                rel=r.choice(["spouse", "partner", "adult child", "caregiver", "sibling"]), rn=P(per(r).first, "NAME"))


# ===========================================================================
# PHI-free templates (look-alikes only)
# ===========================================================================


@T(clean=True)
def clean_pg_operational(r):
    return fill('''«t» ERROR [celery.worker] sqlalchemy.exc.«=exception:OperationalError»: (psycopg2.OperationalError) connection to server at "«ii»", port «=port:5432» failed: Connection timed out
	Is the server running on that host and accepting TCP/IP connections?
(Background on this error at: https://sqlalche.me/e/20/e3q8)
task_id=«u» retries=«n»/5''', t=K(ts(r, "py"), "timestamp"), ii=K(infra_ip(r), "ip_infra"), u=K(uuid(r), "uuid"),
                n=r.randint(1, 5))


@T(clean=True)
def clean_java_oom(r):
    return fill('''«t» ERROR 1 --- [«=thread:scheduler-worker-3»] o.s.s.s.TaskUtils$LoggingErrorHandler : Unexpected error occurred in scheduled task
java.lang.«=exception:OutOfMemoryError»: Java heap space
	at java.base/java.util.Arrays.copyOf(Arrays.java:3537)
	at com.mindbridge.reports.ClaimAgingReport.build(ClaimAgingReport.java:«l»)
[«up»s][info][gc] GC(«gc») Pause Full (G1 Compaction Pause) 3981M->3979M(4096M) «ms»
pod=«pod» node=«ii»''', t=K(ts(r, "space_ms"), "timestamp"), l=ln(r), up="%d.%03d" % (r.randint(100, 99999), r.randint(0, 999)),
                gc=r.randint(10, 9000), ms=K("%d.%03dms" % (r.randint(100, 4000), r.randint(0, 999)), "duration"),
                pod=K("reports-%s-%s" % (hexs(r, 9), b62(r, 5).lower()), "pod"), ii=K(infra_ip(r), "ip_infra"))


@T(clean=True)
def clean_pg_slow_ids(r):
    return fill('''«t» UTC [«pid»] LOG:  duration: «ms» ms  statement: SELECT a.id, a.starts_at, a.status FROM «=table:appointments» a WHERE a.clinician_id = «cid» AND a.location_id = «lid» AND a.status IN ('booked','arrived') ORDER BY a.«=column:starts_at» LIMIT 50''',
                t=K(ts(r, "space_ms"), "timestamp"), pid=r.randint(1000, 60000), ms=K(dur_ms(r), "duration"),
                cid=K(str(r.randint(2, 900)), "db_id"), lid=K(str(r.randint(1, 40)), "db_id"))


@T(clean=True)
def clean_payer_503(r):
    return fill('''«t» WARN «=service:claims-gateway»: «payer» returned «=status:503» Service Unavailable for batch «b» (request «rid»), retry in «s»s [attempt 2/6]''',
                t=K(ts(r, "iso_z"), "timestamp"), payer=K(r.choice(PAYERS), "payer"), b=K(str(r.randint(1000, 99999)), "batch_id"),
                rid=K(req_id(r), "request_id"), s=r.choice([30, 60, 120, 300]))


@T(clean=True)
def clean_era_denial(r):
    return fill('''ERA 835 posted «t»: claim «cl» CPT «cpt» ICD-10 «icd» billed $«b» paid $0.00 CARC «=carc:CO-50» RARC «=rarc:N115» payer «payer» (trace «tr»)''',
                t=K(ts(r, "iso_off"), "timestamp"), cl=K(dbid(r), "db_id"), cpt=K(r.choice(CPT), "cpt"), icd=K(r.choice(ICD), "icd10"),
                b=K(amount(r), "amount"), payer=K(r.choice(PAYERS), "payer"), tr=K(digits(r, 10), "trace_number"))


@T(clean=True)
def clean_deploy_rollback(r):
    return fill('''deploy «=service:relay» «v» (sha «h») rolled back on «=env:prod-us-east-1» at «t»: health check /healthz returned «=status:503» for «s»s (threshold 30s), previous «v2» restored''',
                v=K("v" + version(r), "version"), h=K(hexs(r, 7), "hash"), t=K(ts(r, "iso_s"), "timestamp"),
                s=r.randint(31, 300), v2=K("v" + version(r), "version"))


@T(clean=True)
def clean_celery_retry(r):
    return fill('''[«t»: WARNING/MainProcess] Task «=task:billing.tasks.post_era»[«u»] retry: Retry in «s»s: «=exception:ConnectionResetError»(104, 'Connection reset by peer')''',
                t=K(ts(r, "py"), "timestamp"), u=K(uuid(r), "uuid"), s=r.choice([10, 30, 60, 90]))


@T(clean=True)
def clean_go_nil_map(r):
    return fill('''panic: assignment to entry in nil map

goroutine «g» [running]:
main.(*Cache).Put(0xc000«h1», {0xc000«h2», 0x24}, {0x«h3», 0xc000«h4»})
	/src/cache/cache.go:«l» +0x«h5»
main.main()
	/src/cmd/«svc»/main.go:«l2» +0x«h6»
exit status 2''', g=r.randint(1, 900), h1=hexs(r, 6), h2=hexs(r, 6), h3=hexs(r, 6), h4=hexs(r, 6), l=ln(r),
                h5=hexs(r, 3), svc=svc(r), l2=ln(r), h6=hexs(r, 3))


@T(clean=True)
def clean_node_econnrefused(r):
    return fill('''Error: connect «=exception:ECONNREFUSED» 127.0.0.1:«=port:6379»
    at TCPConnectWrapper.afterConnect [as oncomplete] (node:net:1595:16) {
  errno: -111,
  code: 'ECONNREFUSED',
  syscall: 'connect',
  address: '127.0.0.1',
  port: 6379
}
[ioredis] Unhandled error event (service «svc», pid «pid»)''', svc=svc(r), pid=r.randint(1, 900))


@T(clean=True)
def clean_dotnet_taskcanceled(r):
    return fill('''System.Threading.Tasks.«=exception:TaskCanceledException»: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.
 ---> System.TimeoutException: A task was canceled.
   at Harbor.Claims.Clearinghouse.SubmitAsync(ClaimBatch batch) in /src/Harbor.Claims/Clearinghouse.cs:line «l»
 BatchId: «u» Claims: «n» TraceId: «tr»''', l=ln(r), u=K(uuid(r), "uuid"), n=K(str(r.randint(2, 900)), "count"),
                tr=K(hexs(r, 32), "trace_id"))


@T(clean=True)
def clean_ratelimit_json(r):
    return fill('''{"ts":"«t»","level":"warn","svc":"«=service:api-gateway»","msg":"rate limit exceeded","route":"«=endpoint:/api/v2/appointments»","tenant_id":«tid»,"limit":600,"window":"60s","count":«c»,"status":«=status:429»,"upstream":"«ii»:«p»"}''',
                t=K(ts(r, "iso_z"), "timestamp"), tid=K(str(r.randint(2, 800)), "db_id"), c=r.randint(601, 2000),
                ii=K(infra_ip(r), "ip_infra"), p=K(r.choice(["8080", "8443", "9090"]), "port"))


@T(clean=True)
def clean_k8s_oomkilled(r):
    return fill('''Warning  BackOff  pod/«pod»  Back-off restarting failed container intake-worker (exit code «=code:137», reason «=reason:OOMKilled»); node ip-«node».ec2.internal («ii»); image «img»:«v»; restarts=«n»''',
                pod=K("intake-worker-%s-%s" % (hexs(r, 9), b62(r, 5).lower()), "pod"),
                node="10-%d-%d-%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(2, 254)), ii=K(infra_ip(r), "ip_infra"),
                img="registry.mindbridgepm.com/intake-worker", v=K(version(r), "version"), n=r.randint(3, 80))


@T(clean=True)
def clean_pg_deadlock(r):
    t = ts(r, "space_ms")
    p1, p2 = r.randint(1000, 60000), r.randint(1000, 60000)
    return fill('''«t» UTC [«p1»] ERROR:  deadlock detected
«t» UTC [«p1»] DETAIL:  Process «p1» waits for ShareLock on transaction «x1»; blocked by process «p2».
	Process «p2» waits for ShareLock on transaction «x2»; blocked by process «p1».
	Process «p1»: UPDATE «=table:invoices» SET status = 'paid' WHERE id = «inv»
«t» UTC [«p1»] HINT:  See server log for query details.
«t» UTC [«p1»] CONTEXT:  while updating tuple («b»,«o») in relation "invoices"''',
                t=K(t, "timestamp"), p1=K(str(p1), "pid"), p2=K(str(p2), "pid"), x1=K(str(r.randint(10 ** 6, 10 ** 8)), "txid"),
                x2=K(str(r.randint(10 ** 6, 10 ** 8)), "txid"), inv=K(dbid(r), "db_id"), b=r.randint(1, 9999), o=r.randint(1, 90))


@T(clean=True)
def clean_eligibility_counts(r):
    return fill('''[«=job:eligibility-poller»] run «u» «t»: processed «n» coverages, «e» errors (AAA «=code:72»: «a», AAA «=code:75»: «b»), payer timeouts: «payer» «to», elapsed «el»''',
                u=K(uuid(r), "uuid"), t=K(ts(r, "iso_off"), "timestamp"), n=K("{:,}".format(r.randint(1000, 90000)), "count"),
                e=r.randint(3, 90), a=r.randint(1, 40), b=r.randint(1, 40), payer=K(r.choice(PAYERS), "payer"), to=r.randint(1, 9),
                el=K("%02d:%02d:%02d" % (r.randint(0, 2), r.randint(0, 59), r.randint(0, 59)), "duration"))


@T(clean=True)
def clean_hl7_ack_ae(r):
    c1, c2 = digits(r, 10), digits(r, 10)
    return fill('''MSH|^~\\&|HL7BRIDGE|MINDBRIDGE|«app»|«fac»|«t»||«=msg_type:ACK^A04^ACK»|«c1»|P|«=version:2.5.1»
MSA|AE|«c2»|Required field missing
ERR||PID^1^7|«=code:101»^Required field missing^HL70357|E''',
                app=K(r.choice(["EPIC", "CERNER", "ATHENA"]), "app"), fac=K(r.choice(["STATEHIE", "QUESTLAB", "LABCORP"]), "facility"),
                t=K(ts(r, "hl7"), "timestamp"), c1=K(c1, "msg_id"), c2=K(c2, "msg_id"))


@T(clean=True)
def clean_fhir_oo_fatal(r):
    return fill('''{"resourceType":"«=resource:OperationOutcome»","issue":[{"severity":"fatal","code":"«=code:exception»","diagnostics":"HAPI-0389: Failed to call access method: java.lang.IllegalStateException: Connection pool shut down","location":["Bundle.entry[«n»]"]}]} (HTTP «=status:500», X-Request-Id: «u», upstream «ii»:8080)''',
                n=r.randint(0, 99), u=K(uuid(r), "request_id"), ii=K(infra_ip(r), "ip_infra"))


@T(clean=True)
def clean_stripe_webhook_sig(r):
    return fill('''«t» ERROR billing-webhooks: «=exception:SignatureVerificationError» for event «evt» (type invoice.payment_failed, amount_due «amt», livemode true): timestamp outside tolerance (delta «s»s)''',
                t=K(ts(r, "iso_z"), "timestamp"), evt=K("evt_" + b62(r, 24), "event_id"), amt=K(str(r.randint(1500, 40000)), "amount"),
                s=r.randint(301, 4000))


@T(clean=True)
def clean_roster_import(r):
    n_rows, dup = r.randint(100, 9000), r.randint(0, 90)
    return fill('''import «=job:roster-import» «u»: «n» rows read, «ok» inserted, «dup» duplicates skipped, 2 rejected
  row «r1»: column '«=column:date_of_birth»' expected YYYY-MM-DD, got empty string
  row «r2»: column '«=column:payer_id»' unknown value «pid»''',
                u=K(uuid(r), "uuid"), n=n_rows, ok=n_rows - dup - 2, dup=dup,
                r1=K(str(r.randint(2, 9000)), "count"), r2=K(str(r.randint(2, 9000)), "count"),
                pid=K(r.choice(["99999", "XX001", "00000", "TEST1"]), "payer_id"))


@T(clean=True)
def clean_ruby_redis_timeout(r):
    return fill('''E, [«t» #«pid»] ERROR -- : «=exception:Redis::TimeoutError»: Connection timed out (redis://«ii»:«=port:6379»/2) job=«=job:ReminderBatchJob» jid=«jid» queue=default elapsed=«ms»ms''',
                t=K(ts(r, "iso_us"), "timestamp"), pid=r.randint(7, 900), ii=K(infra_ip(r), "ip_infra"),
                jid=K(hexs(r, 24), "job_id"), ms=r.randint(1000, 9000))


@T(clean=True)
def clean_claim_scrubber(r):
    return fill('''ts=«t» level=info svc=«=service:claim-scrubber» msg="edit applied" rule=«rule» cpt=«cpt» modifier=95 pos=10 icd=«icd» payer="«payer»" claim=«cl» result=«=code:HOLD» amount=«amt»''',
                t=K(ts(r, "iso_z"), "timestamp"), rule=K("MOD-%03d" % r.randint(1, 200), "rule"), cpt=K(r.choice(CPT), "cpt"),
                icd=K(r.choice(ICD), "icd10"), payer=K(r.choice(PAYERS), "payer"), cl=K(dbid(r), "db_id"), amt=K(amount(r), "amount"))


# ===========================================================================
# validation (shared by generation and --check)
# ===========================================================================

sys.path.insert(0, HERE)
import phi_score  # noqa: E402


def _spans(value, text):
    return [(m.start(), m.end()) for m in re.finditer(phi_score._boundary_pattern(value), text)]


def ssn_ok(v):
    d = re.sub(r"\D", "", v)
    if len(d) != 9:
        return False
    a, g, s = int(d[:3]), int(d[3:5]), int(d[5:])
    return 0 < a < 900 and a != 666 and g != 0 and s != 0


def check_digits(kind, v, tally=None):
    """Return an error string, or None. Counts validated ids in tally."""
    t = tally if tally is not None else Counter()
    if kind == "SSN":
        t["SSN"] += 1
        return None if ssn_ok(v) else "bad SSN %r" % v
    if kind == "LICENSE":
        if re.fullmatch(r"\d{10}", v):
            t["NPI"] += 1
            return None if npi_ok(v) else "bad NPI %r" % v
        if re.fullmatch(r"[A-Z][A-Z9]\d{7}", v):
            t["DEA"] += 1
            return None if dea_ok(v) else "bad DEA %r" % v
    if kind == "VEHICLE" and re.fullmatch(r"[A-Z0-9]{17}", v):
        t["VIN"] += 1
        return None if vin_ok(v) else "bad VIN %r" % v
    if kind == "DEVICE" and re.fullmatch(r"[\d \-]+", v) and len(re.sub(r"\D", "", v)) == 15:
        t["IMEI"] += 1
        return None if luhn_ok(re.sub(r"\D", "", v)) else "bad IMEI %r" % v
    if kind == "ACCOUNT" and re.fullmatch(r"[\d \-]+", v) and 13 <= len(re.sub(r"\D", "", v)) <= 19:
        t["CARD"] += 1
        return None if luhn_ok(re.sub(r"\D", "", v)) else "bad card %r" % v
    return None


def perfect_scrub(rec):
    out = rec["text"]
    for v in sorted({p["value"] for p in rec["phi"]}, key=len, reverse=True):
        out = re.sub(phi_score._boundary_pattern(v), "[REDACTED]", out)
    return out


def validate(rec, tally=None):
    errs = []
    text = rec["text"]
    if not rec["keep"] or len(rec["keep"]) != len(rec["keep_kinds"]):
        errs.append("keep/keep_kinds missing or mismatched")
    phi_spans = []
    for p in rec["phi"]:
        v, k = p["value"], p["kind"]
        if k not in KINDS:
            errs.append("bad kind %s" % k)
        if not v or v not in text:
            errs.append("phi not substring: %r" % v)
            continue
        sp = _spans(v, text)
        if not sp:
            errs.append("phi only inside a longer token: %r" % v)
        phi_spans += sp
        e = check_digits(k, v, tally)
        if e:
            errs.append(e)
    for tok in rec["keep"]:
        sp = _spans(tok, text)
        if not sp:
            errs.append("keep token not in text: %r" % tok)
        for a, b in sp:
            if any(a < y and x < b for x, y in phi_spans):
                errs.append("keep token overlaps phi: %r" % tok)
                break
        if any(tok == p["value"] for p in rec["phi"]):
            errs.append("keep token equals phi value: %r" % tok)
    out = perfect_scrub(rec)
    od = phi_score.digits_of(out)
    for p in rec["phi"]:
        why = phi_score.leak_reason(p["value"], p["kind"], out, od)
        if why:
            errs.append("perfect scrub leaks %s %r (%s)" % (p["kind"], p["value"], why))
    for tok in rec["keep"]:
        if not phi_score.occurs(tok, out):
            errs.append("keep token lost by perfect scrub: %r" % tok)
    return errs


# ===========================================================================
# build
# ===========================================================================


def build():
    rng = random.Random(SEED)
    phi_t = [(i + 1, n, f) for i, (n, f, c) in enumerate(TEMPLATES) if not c]
    clean_t = [(i + 1, n, f) for i, (n, f, c) in enumerate(TEMPLATES) if c]
    slots = [phi_t[i % len(phi_t)] for i in range(N_TOTAL - N_CLEAN)]
    slots += [clean_t[i % len(clean_t)] for i in range(N_CLEAN)]
    rng.shuffle(slots)
    recs, retries = [], Counter()
    for n, (tnum, tname, fn) in enumerate(slots, 1):
        for attempt in range(300):
            text, phi, keep = fn(rng)
            rec = OrderedDict()
            rec["id"] = "%s-%d-%05d" % (FAMILY, tnum, n)
            rec["family"] = FAMILY
            rec["template"] = tname
            rec["text"] = text
            rec["phi"] = [{"value": v, "kind": k} for v, k in phi]
            rec["keep"] = [v for v, k in keep]
            rec["keep_kinds"] = [k for v, k in keep]
            errs = validate(rec)
            if not errs:
                break
            retries[tname] += 1
            if attempt == 299:
                raise SystemExit("template %s keeps failing: %s" % (tname, errs))
        recs.append(rec)
    return recs, retries


def dump(recs):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


def kind_counts(recs):
    c = Counter(p["kind"] for r in recs for p in r["phi"])
    return OrderedDict((k, c.get(k, 0)) for k in KINDS)


def check():
    ok = True
    recs = phi_score.load_corpus(OUT)
    tally = Counter()
    nerr = 0
    for r in recs:
        for e in validate(r, tally):
            nerr += 1
            ok = False
            if nerr <= 30:
                print("ERROR %s: %s" % (r["id"], e))
    ids = [r["id"] for r in recs]
    if len(set(ids)) != len(ids):
        ok = False
        print("ERROR duplicate ids")
    for r in recs:
        if r["family"] != FAMILY or not re.fullmatch(r"blind7-\d+-\d{5}", r["id"]):
            ok = False
            print("ERROR bad id/family %s" % r["id"])
            break
    outs = [perfect_scrub(r) for r in recs]
    summary, leaks = phi_score.score(recs, outs)
    counts = kind_counts(recs)
    clean = sum(1 for r in recs if not r["phi"])
    templates = len({r["template"] for r in recs})
    print("records: %d  templates: %d  PHI-free records: %d  phi values: %d  keep tokens: %d" % (
        len(recs), templates, clean, summary["phi_values"], summary["keep_total"]))
    print("kind counts: " + ", ".join("%s=%d" % kv for kv in counts.items()))
    for k, n in counts.items():
        if n < MIN_COUNT[k]:
            ok = False
            print("ERROR kind %s has %d values (< %d)" % (k, n, MIN_COUNT[k]))
    print("check digits validated: " + ", ".join("%s=%d" % kv for kv in sorted(tally.items())))
    print("perfect scrub: recall=%s keep=%s clean_modified=%d leaks=%d" % (
        summary["recall"], summary["keep_preserved"], summary["clean_records_modified"], len(leaks)))
    if summary["recall"] != 1.0 or summary["keep_preserved"] != 1.0 or summary["clean_records_modified"]:
        ok = False
    if len(recs) != N_TOTAL:
        ok = False
        print("ERROR expected %d records" % N_TOTAL)
    regen, _ = build()
    with open(OUT, encoding="utf-8") as f:
        same = f.read() == dump(regen)
    print("deterministic (regenerated output identical to file): %s" % same)
    ok = ok and same
    print("CHECK " + ("PASSED" if ok else "FAILED"))
    return ok


def main(argv):
    if "--check" in argv:
        sys.exit(0 if check() else 1)
    recs, retries = build()
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(dump(recs))
    print("wrote %s: %d records, %d templates, %d PHI-free" % (
        OUT, len(recs), len({r["template"] for r in recs}), sum(1 for r in recs if not r["phi"])))
    print("kind counts: " + ", ".join("%s=%d" % kv for kv in kind_counts(recs).items()))
    if retries:
        print("regenerated (collisions): " + ", ".join("%s=%d" % kv for kv in retries.most_common()))


if __name__ == "__main__":
    main(sys.argv[1:])
