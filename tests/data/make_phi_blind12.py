#!/usr/bin/env python3
"""Generate the blind12 PHI evaluation corpus (tests/data/phi_blind12.jsonl).

Alerts, webhooks, tickets and messages that a mental-health practice's SaaS
stack emits through third-party integrations and ops tools (monitoring,
queues, calendars, telehealth, payments, messaging, forms, support desks,
clinical interfaces, mobile/web clients, people's own words, identifiers in
odd places).  Written blind: only the corpus README and phi_score.py were
consulted.

    python3 tests/data/make_phi_blind12.py          # (re)write the corpus
    python3 tests/data/make_phi_blind12.py --check  # verify file == regenerated, records valid

Standard library only; deterministic (string seeds are hashed with SHA-512 by
random.Random, so the output does not depend on PYTHONHASHSEED).

Every record is verified by simulating a perfect scrubber (each labelled value
replaced by [REDACTED:KIND]) and applying the scorer's leak rules; keep tokens
must survive; what remains is scanned for unlabelled PHI (pool names, e-mail,
phone/date/SSN patterns, long digit runs, public IPs).  A failing draw is
re-drawn with the next deterministic sub-seed.
"""
import datetime
import json
import os
import random
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "phi_blind12.jsonl")
sys.path.insert(0, HERE)
import phi_score  # noqa: E402  (leak rules only)

FAMILY = "blind12"
N_RECORDS = 600
KINDS = list(phi_score.KINDS)
MAX_ATTEMPTS = 400

# --------------------------------------------------------------------------
# pools (hand-written for this corpus)
# --------------------------------------------------------------------------
GROUPS = {
    "anglo": (
        ["Summer", "Brook", "Ash", "Dallas", "Florence", "Hope", "Major", "Jordan", "Sydney",
         "Dakota", "Rowan", "Hazel", "Tucker", "Shelby", "Kayleigh", "Tatum", "Misty", "Colt",
         "Brandy", "Randall", "Lorraine", "Garrett", "Delores", "Bethany", "Ember", "Lane"],
        ["Rivers", "Church", "Lane", "Major", "Brook", "Marsh", "Savage", "Bishop", "Florence",
         "Dallas", "Ashby", "Pruitt", "Whitlock", "Haverford", "Culpepper", "Blevins", "Stoddard",
         "Harkness", "Winslow-Price", "Tillery", "Goforth", "Bramwell", "Kettleman", "Ransom"]),
    "hispanic": (
        ["Xiomara", "Guadalupe", "Yesenia", "Itzel", "Josué", "Maricela", "Refugio", "Dulce",
         "Heriberto", "Nayeli", "Rosalba", "Anahí", "Jesús", "Marisol", "Ulises"],
        ["de la Fuente", "García-Ibarra", "Zúñiga", "Quispe", "Ocampo", "Villaseñor",
         "Cervantes", "Echeverría", "del Toro", "Montes de Oca", "Arreola", "Saldaña",
         "Barragán"]),
    "vietnamese": (
        ["Thảo", "Hùng", "Ngọc Hân", "Minh Châu", "Phúc", "Khoa", "Hạnh", "Quỳnh", "Tuấn", "Diễm"],
        ["Nguyễn", "Trần", "Phạm", "Huỳnh", "Đặng", "Bùi", "Dương", "Trương"]),
    "somali": (
        ["Hodan", "Abdirahman", "Fadumo", "Ayaan", "Mahad", "Sagal", "Ubah", "Idil", "Bashir",
         "Hibo"],
        ["Warsame", "Abdi", "Farah", "Guled", "Jama", "Hirsi", "Nur", "Osman", "Egal",
         "Samatar"]),
    "slavic": (
        ["Oksana", "Dmitri", "Yelena", "Svetlana", "Bohdan", "Anastasia", "Vasyl", "Zhanna",
         "Grzegorz", "Małgorzata"],
        ["Petrov", "Ivanenko", "Shevchenko", "Kuznetsova", "Kowalczyk", "Wiśniewska",
         "Hrytsenko", "Sokolova", "Bondarenko"]),
    "arabic": (
        ["Yousef", "Rania", "Tariq", "Nour", "Hamza", "Layla", "Bilal", "Mariam", "Samir",
         "Dalia"],
        ["al-Amin", "Al-Khouri", "El-Sayed", "Haddad", "Nasser", "bin Rashid", "Abu-Ghazaleh",
         "Mansour", "Qureshi"]),
    "hmong": (
        ["Pa Nhia", "Xeng", "Mai Yer", "Tou", "Chue", "Neng", "Yia", "Paj Ntaub", "Txawj"],
        ["Vang", "Xiong", "Thao", "Lor", "Yang", "Moua", "Khang", "Kue", "Yaj"]),
    "ethiopian": (
        ["Selamawit", "Tewodros", "Meron", "Yonas", "Hiwot", "Bereket", "Tsion", "Dawit",
         "Mekdes"],
        ["Kebede", "Tesfaye", "Haile", "Gebremedhin", "Alemu", "Bekele", "Wolde-Giorgis",
         "Asfaw"]),
    "filipino": (
        ["Maricel", "Jhun", "Rodelio", "Lorna", "Jonalyn", "Divina", "Ernesto", "Rhea Mae",
         "Jun-Jun"],
        ["dela Cruz", "Dimaculangan", "Macaraeg", "Bautista", "Villanueva", "Manalastas",
         "Tolentino", "Pangilinan"]),
    "gaelic": (
        ["Siobhán", "Niamh", "Oisín", "Caoimhe", "Ruairí", "Eilidh", "Lachlan", "Saoirse"],
        ["Ní Bhriain", "Mac Giolla Phádraig", "MacAulay", "O'Sullivan", "Ó Conaill", "McCrory",
         "Nic Amhlaoibh"]),
    "west_african": (
        ["Chidinma", "Olumide", "Adaeze", "Babatunde", "Kwabena", "Efua", "Nnamdi", "Folasade"],
        ["Okonkwo", "Adeyemi-Clarke", "Nwosu", "Osei-Bonsu", "Mensah", "Oyelaran",
         "Eze-Williams"]),
    "south_asian": (
        ["Priyanka", "Venkatesh", "Harpreet", "Aarav", "Deepika", "Sukhwinder", "Anjali"],
        ["Venkataraman", "Sandhu", "Chatterjee", "Raghunathan", "Dhillon", "Iyer-Banerjee"]),
    "east_asian": (
        ["Seo-yeon", "Jae-won", "Haruto", "Yui", "Mei-Ling", "Wen"],
        ["Takahashi", "Nakamura-Reyes", "Choi", "Hwang", "Kobayashi", "Ouyang"]),
    "navajo_pacific": (
        ["Shandiin", "Ahiga", "Sione", "Malia", "Leilani", "Keoni"],
        ["Tsosie", "Begay", "Yazzie", "Tuilagi", "Fonoti", "Kahananui"]),
    "european": (
        ["Stavros", "Eleni", "João", "Conceição", "Gökhan", "Elif", "Sølvi", "Jean-Baptiste",
         "Wislande", "Shirin", "Kourosh"],
        ["Papadopoulos", "Sørensen", "Øverby", "Yılmaz", "Rahimi", "van der Linde",
         "van den Bosch", "D'Angelo", "St. Fleur", "Pierre-Louis", "dos Santos", "von Ahlen"]),
}
GENERIC_GROUPS = sorted(GROUPS)
CYRILLIC = (["Ольга", "Святослав", "Людмила", "Григорий", "Наталья", "Арсений"],
            ["Петрова", "Соколов", "Кузнецова", "Волков", "Белоусова"])
NICKS = ["Bee", "Tito", "Sunny", "Peaches", "Junior", "Nene", "Mimi", "Coco", "Boo", "Tata",
         "Kiki", "Moe", "Lulu", "Chino", "Dee", "Sparky"]
PARTICLES = {"de", "la", "del", "van", "der", "den", "von", "bin", "al", "el", "abu", "dos",
             "ní", "nic", "mac", "mc", "ó", "st", "le", "da", "di", "thị", "văn"}

STREETS = ["Tamarack Hollow", "Quillback", "Old Mill Race", "Fernbrake", "Wicklow",
           "Sawtooth Ridge", "Harrow Gate", "Pinfeather", "Lantern", "Bittersweet",
           "Juniper Flats", "Cormorant", "Kestrel Point", "Lamplighter", "Dovecote",
           "Fiddlehead", "Sorrel Bend", "Tanager", "Hollyhock", "Marten Creek", "Chinquapin",
           "Bluestem", "Ironweed", "Coldwater", "Gristmill", "Nighthawk", "Wolfberry",
           "Larkspur", "Thimbleberry", "Osprey Landing"]
SUFFIXES = ["Rd", "Ln", "St", "Ave", "Ct", "Dr", "Way", "Pl", "Loop", "Trl", "Terrace", "Cir",
            "Blvd", "Pike", "Row", "Road", "Street", "Avenue"]
CITIES = ["Harmony Springs", "Millbrook Falls", "Port Orrin", "Bramblewood", "Fairhaven",
          "Clover", "Liberty Bend", "Unity", "Amity", "Patience", "Prospect", "Friendship",
          "Tenmile", "Cedar Bluff", "Oak Hollow", "Goldhill", "Lost Creek", "Wren's Crossing",
          "Maple Ferry", "Saltmarsh", "Galena Flats", "Willow Reach", "Stillwater Cove",
          "North Cheshire", "Fallbrook Mills", "Ironton", "Lark Harbor", "Kettle Bend",
          "Sweet Home", "Boring", "Drain", "Riddle", "Halfway", "Shady Cove"]
STATES = ["OR", "WA", "MN", "OH", "TX", "NM", "GA", "WI", "AZ", "MI", "NC", "VT", "CO", "KY"]
STATE_NAMES = ["Oregon", "Washington", "Minnesota", "Ohio", "New Mexico", "Wisconsin",
               "Vermont", "Kentucky"]
CLINICS = [("Cedar Hollow Counseling", "cedarhollowcounseling.com"),
           ("Riverbend Behavioral Health", "riverbendbh.org"),
           ("Lumen Therapy Collective", "lumentherapy.co"),
           ("Northstar Family Therapy", "northstarft.com"),
           ("Bright Harbor Psychiatry", "brightharborpsych.com")]
EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com",
                 "proton.me", "aol.com", "comcast.net", "fastmail.fm", "ymail.com", "live.com",
                 "gmx.net", "att.net", "pm.me"]
HANDLES = ["moonlitfern", "bluejay", "quietriver", "tinylighthouse", "saltwatersoul",
           "gravelroad", "nightowl", "paperkite", "mossyrock", "cloudberry", "emberfox",
           "slowtide"]
PAYERS = ["Aetna", "Cigna", "UnitedHealthcare", "Optum", "Kaiser Permanente", "Humana",
          "Anthem", "Tricare West", "Magellan", "Carelon", "Molina Healthcare", "PacificSource",
          "Regence BlueCross BlueShield", "Moda Health", "Ambetter", "Medica", "HealthPartners",
          "Oregon Health Plan", "Medicare Part B", "Providence Health Plan"]
ICD = ["F32.1", "F41.1", "F43.10", "F33.1", "F90.0", "F31.81", "F43.23", "F42.2", "F60.3",
       "Z63.0", "F41.0", "F10.20", "F50.02", "Z91.49", "F43.12", "F84.0", "F32.A", "F40.10",
       "F43.22", "Z65.8"]
CPT = ["90791", "90832", "90834", "90837", "90839", "90840", "90846", "90847", "90853", "96127",
       "99213", "99214", "90785", "G2012", "H0031", "H2019", "99354", "90792"]
SERVICES = ["intake-api", "scheduler-svc", "billing-worker", "fax-gateway", "erx-bridge",
            "notifier", "portal-web", "hl7-listener", "claims-837-builder", "calendar-sync",
            "sms-relay", "telehealth-broker", "eligibility-poller", "docs-renderer",
            "payments-svc", "outcomes-etl", "roi-service", "identity-svc"]
REGIONS = ["us-west-2", "us-east-1", "us-east-2", "ca-central-1"]
PORTS = ["5432", "6379", "8443", "9092", "5672", "27017", "3306", "11211", "8080", "2575",
         "4317", "9200"]
STATUSES = ["400", "401", "403", "404", "409", "410", "422", "429", "500", "502", "503", "504"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON3 = [m[:3] for m in MONTHS]
ES_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre"]
RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
             "сентября", "октября", "ноября", "декабря"]
TL_MONTHS = ["Enero", "Pebrero", "Marso", "Abril", "Mayo", "Hunyo", "Hulyo", "Agosto",
             "Setyembre", "Oktubre", "Nobyembre", "Disyembre"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
AREAS = ["503", "971", "541", "458", "206", "253", "360", "425", "509", "612", "651", "763",
         "952", "218", "614", "216", "330", "505", "575", "512", "737", "404", "470", "608",
         "414", "920", "480", "602", "907", "808", "802", "207"]
PUBLIC_FIRST_OCTETS = [23, 24, 45, 50, 63, 64, 66, 67, 68, 69, 71, 72, 73, 74, 75, 76, 96, 97,
                       98, 99, 104, 107, 108, 131, 142, 162, 173, 174, 184, 185, 204, 206, 207,
                       208, 209, 216]


def _ascii(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[^A-Za-z0-9]", "", s.replace("Ø", "O").replace("ø", "o")
                  .replace("ı", "i").replace("Đ", "D").replace("đ", "d").replace("ł", "l"))


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


_VIN_VAL = {str(i): i for i in range(10)}
_VIN_VAL.update(dict(zip("ABCDEFGH", range(1, 9))))
_VIN_VAL.update(dict(zip("JKLMN", range(1, 6))))
_VIN_VAL.update({"P": 7, "R": 9})
_VIN_VAL.update(dict(zip("STUVWXYZ", range(2, 10))))
_VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def vin_check(vin):
    s = sum(_VIN_VAL[ch] * w for ch, w in zip(vin, _VIN_W)) % 11
    return "X" if s == 10 else str(s)


def dea_check(d6):
    d = [int(x) for x in d6]
    return str((d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10)


_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
            "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
            "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first",
            "twenty-second", "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth",
            "twenty-seventh", "twenty-eighth"]


def _num_words(n):
    if n < 10:
        return "oh " + _ONES[n]
    if n < 20:
        return _ONES[n]
    return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _ONES[n % 10])


class _Lazy(object):
    def __init__(self, c, p, f):
        self.c, self.p, self.f = c, p, f

    def __format__(self, spec):
        return format(self.c.nm(self.p, self.f), spec)

    __str__ = lambda self: self.c.nm(self.p, self.f)


class Person(object):
    def __init__(self, first, last, mi, nick):
        self.first, self.last, self.mi, self.nick = first, last, mi, nick


# --------------------------------------------------------------------------
# record context: random draws + labelling
# --------------------------------------------------------------------------
class C(object):
    def __init__(self, rng):
        self.r = rng
        self.phi = []
        self.keep = []
        self.kk = []

    # ---- plumbing
    def ch(self, seq):
        return self.r.choice(seq)

    def ri(self, a, b):
        return self.r.randint(a, b)

    def coin(self, p=0.5):
        return self.r.random() < p

    def dig(self, n):
        return "".join(str(self.ri(0, 9)) for _ in range(n))

    def ndig(self, n):
        return str(self.ri(1, 9)) + self.dig(n - 1)

    def up(self, n, alphabet="ABCDEFGHJKLMNPRSTUVWXYZ"):
        return "".join(self.ch(alphabet) for _ in range(n))

    def hexs(self, n):
        return "".join(self.ch("0123456789abcdef") for _ in range(n))

    def P(self, kind, value):
        assert kind in KINDS, kind
        if not any(p["value"] == value and p["kind"] == kind for p in self.phi):
            self.phi.append({"value": value, "kind": kind})
        return value

    def K(self, kind, value):
        value = str(value)
        if value not in self.keep:
            self.keep.append(value)
            self.kk.append(kind)
        return value

    # ---- people
    def person(self, group=None):
        if group == "cyrillic":
            g, s = CYRILLIC
        else:
            g, s = GROUPS[group or self.ch(GENERIC_GROUPS)]
        return Person(self.ch(g), self.ch(s), self.ch("ABCDEFGHJKLMNPRSTVW"), self.ch(NICKS))

    def nm(self, p, f=None):
        if f is None:
            f = self.ch(["fl", "fl", "fl", "lf", "fml", "il", "LF", "lower", "fli"])
        v = {
            "fl": "%s %s" % (p.first, p.last),
            "lf": "%s, %s" % (p.last, p.first),
            "fml": "%s %s. %s" % (p.first, p.mi, p.last),
            "il": "%s. %s" % (p.first[0], p.last),
            "LF": "%s, %s" % (p.last.upper(), p.first.upper()),
            "FL": "%s %s" % (p.first.upper(), p.last.upper()),
            "lower": "%s %s" % (p.first.lower(), p.last.lower()),
            "fli": "%s %s." % (p.first, p.last[0].upper() if p.last[0].isalpha() else p.last[:2]),
            "hl7": "%s^%s^%s" % (p.last.upper(), p.first.upper(), p.mi),
            "first": p.first,
            "last": p.last,
            "FIRST": p.first.upper(),
            "LAST": p.last.upper(),
            "nick": '%s "%s" %s' % (p.first, p.nick, p.last),
            "lfm": "%s, %s %s." % (p.last, p.first, p.mi),
        }[f]
        return self.P("NAME", v)

    def clin(self, f=None):
        """A clinician: returns (Person, display name labelled only when formatted into text)."""
        p = self.person()
        f = f or self.ch(["fl", "fl", "il", "fml"])
        return p, _Lazy(self, p, f)

    # ---- dates
    def fmt_date(self, y, m, d, f):
        M, M3 = MONTHS[m - 1], MON3[m - 1]
        suf = "th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
        return {
            "mdy0": "%02d/%02d/%04d" % (m, d, y),
            "mdy": "%d/%d/%04d" % (m, d, y),
            "mdy2": "%d/%d/%02d" % (m, d, y % 100),
            "iso": "%04d-%02d-%02d" % (y, m, d),
            "dmy.": "%02d.%02d.%04d" % (d, m, y),
            "long": "%s %d, %d" % (M, d, y),
            "abbr": "%s %d, %d" % (M3, d, y),
            "dmon": "%d %s %d" % (d, M3, y),
            "mon-": "%s-%02d-%04d" % (M3, d, y),
            "hl7": "%04d%02d%02d" % (y, m, d),
            "dmy/": "%02d/%02d/%04d" % (d, m, y),
            "DMONY": "%02d-%s-%04d" % (d, M3.upper(), y),
            "ymd/": "%04d/%02d/%02d" % (y, m, d),
            "longord": "%s %d%s, %d" % (M, d, suf, y),
            "md": "%d/%d" % (m, d),
            "md0": "%02d/%02d" % (m, d),
            "Md": "%s %d" % (M, d),
            "M3d": "%s %d" % (M3, d),
            "M3.d": "%s. %d" % (M3, d),
            "ordof": "%d%s of %s" % (d, suf, M),
            "Mdord": "%s %d%s" % (M, d, suf),
            "dM": "%d %s" % (d, M),
            "pydate": "datetime.date(%d, %d, %d)" % (y, m, d),
            "es": "%d de %s de %d" % (d, ES_MONTHS[m - 1], y),
            "es_noyear": "%d de %s" % (d, ES_MONTHS[m - 1]),
            "vi": "%d tháng %d năm %d" % (d, m, y),
            "vi_noyear": "%d tháng %d" % (d, m),
            "ru": "%d %s %d" % (d, RU_MONTHS[m - 1], y),
            "ru_noyear": "%d %s" % (d, RU_MONTHS[m - 1]),
            "tl": "%s %d, %d" % (TL_MONTHS[m - 1], d, y),
            "tl_noyear": "%s %d" % (TL_MONTHS[m - 1], d),
        }[f]

    DOB_FMTS = ["mdy0", "mdy", "mdy2", "iso", "dmy.", "long", "abbr", "dmon", "mon-", "hl7",
                "DMONY", "ymd/", "longord", "mdy0", "iso", "mdy"]
    APPT_FMTS = ["mdy0", "mdy", "iso", "long", "abbr", "dmon", "md", "md0", "Md", "M3d", "M3.d",
                 "ordof", "Mdord", "dM", "mdy2", "mon-"]

    def dob_ymd(self, old=False):
        y = self.ri(1915, 1934) if old else self.ri(1938, 2011)
        return y, self.ri(1, 12), self.ri(1, 28)

    def dob(self, f=None, old=False, ymd=None):
        y, m, d = ymd or self.dob_ymd(old)
        return self.P("DATE", self.fmt_date(y, m, d, f or self.ch(self.DOB_FMTS)))

    def old_pair(self, f=None):
        """(age >= 90, matching date of birth), both labelled."""
        age = self.ri(90, 104)
        y, m, d = 2024 - age - (1 if self.coin() else 0), self.ri(1, 12), self.ri(1, 28)
        return (self.P("AGE_OVER_89", str(age)),
                self.P("DATE", self.fmt_date(y, m, d, f or self.ch(self.DOB_FMTS))))

    def secs(self):
        return self.K("duration", self.ch(["%ds" % self.ri(9, 170), "0:%02d" % self.ri(10, 59),
                                           "1:%02d" % self.ri(0, 59), "%d sec" % self.ri(9, 170)]))

    def spoken_dob(self, old=False):
        y, m, d = self.dob_ymd(old)
        yw = (("nineteen " + _num_words(y % 100)) if y < 2000 else
              (("two thousand " + _ONES[y % 100]).replace(" zero", "") if y < 2010 else "twenty " + _num_words(y % 100)))
        v = "%s %s %s" % (MONTHS[m - 1].lower(), ORDINALS[d - 1], yw)
        return self.P("DATE", v)

    def appt(self, f=None, ymd=None):
        y, m, d = ymd or (self.ch([2024, 2025]), self.ri(1, 12), self.ri(1, 28))
        return self.P("DATE", self.fmt_date(y, m, d, f or self.ch(self.APPT_FMTS)))

    def wk_appt(self, f=None):
        """weekday + month/day tied to an appointment (weekday left unlabelled)."""
        y, m, d = self.ch([2024, 2025]), self.ri(1, 12), self.ri(1, 28)
        wd = WEEKDAYS[datetime.date(y, m, d).weekday()]
        if self.coin():
            wd = wd[:3]
        return wd, self.P("DATE", self.fmt_date(y, m, d, f or self.ch(["md", "M3d", "Md", "md0"])))

    # ---- contact
    def _nxx(self):
        while True:
            n = self.ri(201, 989)
            if n % 100 != 11 and n != 555:
                return str(n)

    def phone(self, f=None, kind="PHONE", ext=None):
        a, b, c = self.ch(AREAS), self._nxx(), self.dig(4)
        f = f or self.ch(["paren", "dash", "dot", "plain", "e164", "plus_sp", "one_paren",
                          "space", "paren_tight", "dash", "paren", "plus_dash"])
        v = {
            "paren": "(%s) %s-%s" % (a, b, c), "dash": "%s-%s-%s" % (a, b, c),
            "dot": "%s.%s.%s" % (a, b, c), "plain": a + b + c, "e164": "+1" + a + b + c,
            "plus_sp": "+1 %s %s %s" % (a, b, c), "one_paren": "1 (%s) %s-%s" % (a, b, c),
            "space": "%s %s %s" % (a, b, c), "paren_tight": "(%s)%s-%s" % (a, b, c),
            "plus_dash": "+1-%s-%s-%s" % (a, b, c), "enc": "%%2B1%s%s%s" % (a, b, c),
            "one": "1" + a + b + c,
        }[f]
        if f != "enc" and (ext or (ext is None and kind == "PHONE" and self.coin(0.1))):
            v += self.ch([" x", " ext. ", " ext ", ",,", " #"]) + str(self.ri(2, 4999))
        return self.P(kind, v)

    def fax(self, f=None):
        return self.phone(f, kind="FAX", ext=False)

    def intl_phone(self, cc=None):
        cc = cc or self.ch(["uk", "mx", "so", "vn", "ru", "ph", "et", "ke", "de", "ca"])
        v = {
            "uk": "+44 7%s %s" % (self.dig(3), self.dig(6)),
            "mx": "+52 %s %s %s" % (self.ch(["55", "33", "81", "1 55"]), self.dig(4), self.dig(4)),
            "so": "+252 61 %s" % self.dig(7),
            "vn": "+84 9%s %s %s" % (self.dig(1), self.dig(3), self.dig(4)),
            "ru": "+7 9%s %s-%s-%s" % (self.dig(2), self.dig(3), self.dig(2), self.dig(2)),
            "ph": "+63 9%s %s %s" % (self.dig(2), self.dig(3), self.dig(4)),
            "et": "+251 9%s %s %s" % (self.dig(1), self.dig(3), self.dig(4)),
            "ke": "+254 7%s %s %s" % (self.dig(2), self.dig(3), self.dig(3)),
            "de": "+49 151 %s %s" % (self.dig(4), self.dig(4)),
            "ca": "+1 (%s) %s-%s" % (self.ch(["604", "416", "778", "204"]), self._nxx(), self.dig(4)),
        }[cc]
        return self.P("PHONE", v)

    def email(self, p=None, clinic=None):
        if clinic:
            dom = clinic
        else:
            dom = self.ch(EMAIL_DOMAINS)
        if p is not None and _ascii(p.first) and _ascii(p.last):
            f, l = _ascii(p.first).lower(), _ascii(p.last).lower()
            local = self.ch(["%s.%s" % (f, l), f[0] + l, "%s_%s%s" % (f, l, self.dig(2)),
                             "%s%s" % (f, self.ri(1955, 2009)), "%s.%s" % (l, f[0]),
                             "%s%s" % (f, l[:3])] if not clinic else
                            ["%s.%s" % (f, l), f[0] + l, "%s.%s" % (f[0], l), f])
        else:
            local = self.ch(HANDLES) + self.ch(["", "_", "."]) + self.dig(self.ri(2, 4))
        return self.P("EMAIL", local + "@" + dom)

    def clinic(self):
        return self.ch(CLINICS)

    # ---- places
    def street(self):
        return "%s %s" % (self.ch(STREETS), self.ch(SUFFIXES))

    def addr(self, f=None, up=False, plus=False):
        f = f or self.ch(["plain", "plain", "dir", "apt", "unit", "hash", "pobox", "county",
                          "rr", "plain"])
        n = str(self.ri(12, 24999))
        v = {
            "plain": "%s %s" % (n, self.street()),
            "dir": "%s %s %s" % (n, self.ch(["N.", "S.", "NE", "SW", "E", "W."]), self.street()),
            "apt": "%s %s Apt %s" % (n, self.street(), self.ch([str(self.ri(1, 40)), "%d%s" % (self.ri(1, 6), self.ch("ABCD"))])),
            "unit": "%s %s, Unit %d" % (n, self.street(), self.ri(1, 300)),
            "hash": "%s %s #%d" % (n, self.street(), self.ri(100, 420)),
            "pobox": "PO Box %d" % self.ri(20, 9999),
            "county": "W%d County Rd %s" % (self.ri(1000, 9999), self.ch("KMNPQTX")),
            "rr": "Rural Route %d Box %d" % (self.ri(1, 9), self.ri(10, 400)),
        }[f]
        if plus:
            v = v.replace(" ", "+")
        return self.P("ADDRESS", v.upper() if up else v)

    def city(self, up=False):
        v = self.ch(CITIES)
        return self.P("CITY", v.upper() if up else v)

    def zip(self, plus4=None):
        z = "%05d" % self.ri(10100, 99899)
        if plus4 or (plus4 is None and self.coin(0.25)):
            z += "-" + self.dig(4)
        return self.P("ZIP", z)

    def st(self):
        return self.K("state", self.ch(STATES))

    # ---- identifiers
    def ssn(self, f=None):
        while True:
            a = self.ri(1, 899)
            if a != 666:
                break
        g, s = self.ri(1, 99), self.ri(1, 9999)
        f = f or self.ch(["dash", "dash", "dash", "space", "plain"])
        v = {"dash": "%03d-%02d-%04d", "space": "%03d %02d %04d", "plain": "%03d%02d%04d"}[f] % (a, g, s)
        return self.P("SSN", v)

    def mrn(self, f=None):
        f = f or self.ch(["n7", "z8", "pt", "mh", "e7", "cht", "rb", "n6"])
        v = {"n7": self.ndig(7), "z8": "00" + self.dig(6), "pt": "PT-" + self.ndig(5),
             "mh": "MH" + self.dig(6), "e7": "E" + self.ndig(7), "cht": "CHT" + self.dig(5),
             "rb": "RB-%s-%s" % (self.ndig(3), self.dig(4)), "n6": self.ndig(6)}[f]
        return self.P("MRN", v)

    def plan(self, f=None):
        f = f or self.ch(["bcbs", "w", "u", "medicaid", "mbi", "zgp", "alnum"])
        if f == "mbi":
            return self.mbi()
        v = {"bcbs": self.up(3) + self.ndig(9), "w": "W" + self.ndig(9),
             "u": self.ndig(9) + "0" + str(self.ri(1, 3)),
             "medicaid": self.up(2) + self.ndig(8) + self.up(1), "zgp": "ZGP" + self.ndig(10),
             "alnum": "%s%s-%s" % (self.up(1), self.ndig(4), self.dig(5))}[f]
        return self.P("HEALTH_PLAN", v)

    def mbi(self, dashed=None):
        A = "ACDEFGHJKMNPQRTUVWXY"
        N = "0123456789"
        s = (self.ch("123456789") + self.ch(A) + self.ch(A + N) + self.ch(N) + self.ch(A) +
             self.ch(A + N) + self.ch(N) + self.ch(A) + self.ch(A) + self.ch(N) + self.ch(N))
        if dashed or (dashed is None and self.coin()):
            s = "%s-%s-%s" % (s[:4], s[4:7], s[7:])
        return self.P("HEALTH_PLAN", s)

    def group(self):
        v = self.ch(["GRP" + self.ndig(6), self.ndig(6), "G-" + self.ndig(7),
                     self.ndig(5) + "-" + self.dig(4)])
        return self.P("HEALTH_PLAN", v)

    def acct(self, f=None):
        f = f or self.ch(["acct", "n10", "pcn", "g", "n8"])
        v = {"acct": "ACCT-" + self.ndig(8), "n10": self.ndig(10), "pcn": "CHC" + self.ndig(8),
             "g": "GA" + self.ndig(6), "n8": self.ndig(8)}[f]
        return self.P("ACCOUNT", v)

    def card(self, spaced=None):
        base = self.ch(["4", "51", "52", "55", "6011"])
        body = base + self.dig(15 - len(base))
        v = body + luhn_digit(body)
        if spaced or (spaced is None and self.coin()):
            v = " ".join(v[i:i + 4] for i in range(0, 16, 4))
        return self.P("ACCOUNT", v)

    def bank(self):
        return self.P("ACCOUNT", self.ndig(self.ri(9, 12)))

    def npi(self):
        base = str(self.ri(1, 2)) + self.dig(8)
        return self.P("LICENSE", base + luhn_digit("80840" + base))

    def dea(self, surname="X"):
        a = _ascii(surname)
        second = a[0].upper() if a and a[0].isalpha() else "9"
        d6 = self.dig(6)
        return self.P("LICENSE", self.ch("ABFGMP") + second + d6 + dea_check(d6))

    def statelic(self):
        v = self.ch(["LPC" + self.ndig(4), "PSY %s" % self.ndig(5), "LMFT %s" % self.ndig(6),
                     "LCSW-C%s" % self.ndig(5), "APRN-%s" % self.ndig(4), "MD%s" % self.ndig(6),
                     "LMHC%s" % self.ndig(5), "C%s" % self.ndig(5)])
        return self.P("LICENSE", v)

    def dl(self):
        v = self.ch(["%s%s-%s-%s" % (self.up(1), self.dig(3), self.dig(4), self.dig(4)),
                     self.up(1) + self.ndig(7), self.ndig(9),
                     "WDL" + self.up(2, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789") + self.dig(5) + self.up(1)])
        return self.P("LICENSE", v)

    def vin(self):
        wmi = self.ch(["1HG", "2T1", "3VW", "5YJ", "JTD", "KMH", "1FT", "WBA", "4T1", "1C4",
                       "JN1", "5NP", "1GC", "3FA"])
        vds = "".join(self.ch(VIN_CHARS) for _ in range(5))
        yr = self.ch("DEFGHJKLMNPRS")
        plant = self.ch("ABCDEFGHJKLMNPRSTUVWXYZ")
        v = wmi + vds + "0" + yr + plant + self.dig(6)
        v = v[:8] + vin_check(v) + v[9:]
        return self.P("VEHICLE", v)

    def plate(self):
        v = self.ch([self.ndig(1) + self.up(3) + self.dig(3), self.up(3) + "-" + self.dig(4),
                     self.up(3) + " " + self.dig(3), self.up(2) + self.dig(1) + "-" + self.dig(4),
                     self.dig(3) + " " + self.up(3)])
        return self.P("VEHICLE", v)

    def imei(self, f=None):
        body = self.ch(["35", "86", "01", "35"]) + self.dig(12)
        v = body + luhn_digit(body)
        f = f or self.ch(["raw", "raw", "dash", "space"])
        if f == "dash":
            v = "%s-%s-%s-%s" % (v[:2], v[2:8], v[8:14], v[14])
        elif f == "space":
            v = "%s %s %s %s" % (v[:2], v[2:8], v[8:14], v[14])
        return self.P("DEVICE", v)

    def serial(self):
        al = "CDFGHJKLMNPQRTVWXY0123456789"
        v = self.ch(["".join(self.ch("CDFGHJ") + self.up(11, al)),
                     "R58" + self.up(8, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"),
                     "SN-" + self.up(4, "ABCDEFGHJKLMNPRSTUVWXYZ") + self.dig(6),
                     "0" + self.dig(5) + self.up(2) + self.dig(4)])
        return self.P("DEVICE", v)

    def ip(self):
        v = "%d.%d.%d.%d" % (self.ch(PUBLIC_FIRST_OCTETS), self.ri(1, 254), self.ri(1, 254),
                             self.ri(1, 254))
        return self.P("IP", v)

    def ip6(self):
        v = "%s:%s:%s:%s:%s:%s:%s:%s" % (self.ch(["2601", "2600", "2607", "2603", "2a02"]),
                                         self.hexs(3), self.hexs(4), self.hexs(4),
                                         self.hexs(4), self.hexs(3), self.hexs(4), self.hexs(4))
        return self.P("IP", v)

    def username(self, p=None):
        if p is not None and _ascii(p.first) and _ascii(p.last):
            f, l = _ascii(p.first).lower(), _ascii(p.last).lower()
            v = self.ch(["%s%s%s" % (f, l[0], self.dig(2)), "%s_%s" % (f[:4], l[:4]),
                         "%s.%s%s" % (l, f[0], self.dig(1))])
        else:
            v = self.ch(HANDLES) + self.ch(["_", "", "."]) + self.ch(["pdx", "mn", "x", "22", "07"])
        return self.P("OTHER_ID", v)

    def rx(self):
        return self.P("OTHER_ID", self.ch([self.ndig(7), self.ndig(7) + "-" + self.dig(2),
                                           "RX" + self.ndig(6)]))

    def caseno(self):
        return self.P("OTHER_ID", self.ch(["CL-%02d-%s" % (self.ri(23, 25), self.dig(5)),
                                           "%02d-DR-%s" % (self.ri(19, 25), self.dig(5)),
                                           "JV-" + self.ndig(6), "EAP-" + self.ndig(6),
                                           "S" + self.ndig(8), "EMP" + self.ndig(5)]))

    def age90(self):
        return self.P("AGE_OVER_89", str(self.ri(90, 104)))

    # ---- keep look-alikes
    def uuid(self, up=False):
        if up:
            return self.K("uuid", ("%s-%s-4%s-%s%s-%s" % (self.hexs(8), self.hexs(4), self.hexs(3), self.ch("89ab"),
                                                          self.hexs(3), self.hexs(12))).upper())
        return self.K("uuid", "%s-%s-4%s-%s%s-%s" % (self.hexs(8), self.hexs(4), self.hexs(3),
                                                     self.ch("89ab"), self.hexs(3), self.hexs(12)))

    def ulid(self):
        return self.K("request_id", "01" + self.ch("HJ") + self.up(23, "0123456789ABCDEFGHJKMNPQRSTVWXYZ"))

    def reqid(self):
        return self.K("request_id", self.ch(["req_", "rq-", "", "REQ-"]) + self.hexs(self.ri(12, 24)))

    def trace(self):
        return self.K("trace_id", self.hexs(32))

    def dd_trace(self):
        return self.K("trace_id", self.ndig(19))

    def sha(self, n=40):
        return self.K("hash", self.hexs(n))

    def ts_dt(self):
        base = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
        return base + datetime.timedelta(seconds=self.ri(0, 540 * 86400))

    def ts(self, f=None):
        t = self.ts_dt()
        ms = self.ri(0, 999)
        f = f or self.ch(["iso_z", "iso_ms", "iso_off", "space", "space_ms", "syslog", "clf",
                          "epoch", "iso_z", "iso_ms"])
        v = {
            "iso_z": t.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "iso_ms": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % ms,
            "iso_off": (t - datetime.timedelta(hours=7)).strftime("%Y-%m-%dT%H:%M:%S-07:00"),
            "space": t.strftime("%Y-%m-%d %H:%M:%S"),
            "space_ms": t.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % ms,
            "syslog": "%s %2d %s" % (MON3[t.month - 1], t.day, t.strftime("%H:%M:%S")),
            "clf": "%02d/%s/%d:%s +0000" % (t.day, MON3[t.month - 1], t.year, t.strftime("%H:%M:%S")),
            "epoch": str(int(t.timestamp())),
            "epoch_ms": str(int(t.timestamp()) * 1000 + ms),
            "hl7": t.strftime("%Y%m%d%H%M%S"),
            "us": t.strftime("%m/%d/%Y %I:%M:%S %p"),
            "hm": t.strftime("%H:%M"),
            "ls": "%s %2d %s" % (MON3[t.month - 1], t.day, t.strftime("%H:%M")),
            "ics": t.strftime("%Y%m%dT%H%M%S"),
        }[f]
        return self.K("timestamp", v)

    def icd(self):
        return self.K("icd10", self.ch(ICD))

    def cpt(self):
        return self.K("cpt", self.ch(CPT))

    def ver(self):
        return self.K("version", self.ch([
            "v%d.%d.%d" % (self.ri(1, 9), self.ri(0, 30), self.ri(0, 20)),
            "%d.%d.%d" % (self.ri(1, 20), self.ri(0, 40), self.ri(0, 12)),
            "%d.%d.%d-rc.%d" % (self.ri(1, 5), self.ri(0, 12), self.ri(0, 9), self.ri(1, 4)),
            "%d.%d" % (self.ri(1, 30), self.ri(0, 9))]))

    def port(self):
        return self.K("port", self.ch(PORTS))

    def amt(self):
        v = self.ri(15, 2400)
        return self.K("amount", self.ch(["$%d.00" % v, "$%d.%02d" % (v, self.ri(0, 99)),
                                         "%d.00" % v, "USD %d.00" % v]))

    def cents(self):
        return self.K("amount", str(self.ri(15, 2400) * 100))

    def infra(self):
        v = self.ch(["10.%d.%d.%d" % (self.ri(0, 255), self.ri(0, 255), self.ri(1, 254)),
                     "172.%d.%d.%d" % (self.ri(16, 31), self.ri(0, 255), self.ri(1, 254)),
                     "127.0.0.1"])
        return self.K("infra_ip", v)

    def host(self):
        a, b, c = self.ri(0, 31), self.ri(0, 255), self.ri(1, 254)
        return self.K("host", "ip-10-%d-%d-%d.%s.compute.internal" % (a, b, c, self.ch(REGIONS)))

    def yr(self):
        return self.K("year", str(self.ri(2019, 2025)))

    def payer(self):
        return self.K("payer", self.ch(PAYERS))

    def svc(self):
        return self.K("service", self.ch(SERVICES))

    def region(self):
        return self.K("region", self.ch(REGIONS))

    def status(self, s=None):
        return self.K("status", s or self.ch(STATUSES))

    def dur(self):
        return self.K("duration", self.ch(["%dms" % self.ri(40, 30000), "%.1fs" % (self.ri(5, 600) / 10.0),
                                           "%dm%ds" % (self.ri(1, 59), self.ri(0, 59)), "%d min" % self.ri(2, 90)]))

    def cnt(self, lo=2, hi=5000):
        return self.K("count", str(self.ri(lo, hi)))

    def tkt(self, prefix="#"):
        return self.K("ticket_id", prefix + str(self.ri(1000, 999999)))

    def job(self):
        return self.K("job_id", self.ch([self.hexs(24), "job_" + self.hexs(10), str(self.ri(100000, 99999999))]))

    def dbid(self):
        return self.K("db_id", str(self.ri(1000, 9999999)))

    def stripe(self, prefix):
        return self.K("stripe_id", prefix + "_" + "".join(self.ch("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789") for _ in range(self.ri(14, 24))))

    def twsid(self, prefix="SM"):
        return self.K("message_sid", prefix + self.hexs(32))

    def K_(self, kind, choices):
        return self.K(kind, self.ch(choices))


def J(obj, indent=None):
    return json.dumps(obj, ensure_ascii=False, indent=indent)


PHI_TEMPLATES = []
CLEAN_TEMPLATES = []


def meta(c, text):
    """Wrap a message in the envelope the relaying tool adds (look-alike keep tokens)."""
    k = c.ri(0, 5)
    if k == 0:
        return "%s\n(thread %s, received %s)" % (text, c.uuid(), c.ts("iso_z"))
    if k == 1:
        return "%s\n-- routed by %s at %s, ticket %s" % (text, c.svc(), c.ts("space"), c.tkt("#"))
    if k == 2:
        return "[msg %s | %s]\n%s" % (c.twsid("SM"), c.ts("iso_ms"), text)
    if k == 3:
        return "queue: front-desk | sla %s | id %s\n%s" % (c.dur(), c.ulid(), text)
    if k == 4:
        return "%s\n[%s] %s %s" % (text, c.svc(), c.ts("syslog"), c.reqid())
    return "%s\nx-request-id: %s  x-trace: %s" % (text, c.uuid(), c.trace())


def M(fn):
    def wrapped(c):
        return meta(c, fn(c))
    return wrapped


def T(name, clean=False):
    def deco(fn):
        (CLEAN_TEMPLATES if clean else PHI_TEMPLATES).append((name, fn))
        return fn
    return deco


# ==========================================================================
# PHI templates
# ==========================================================================
# ---------------------------------------------------------------- monitoring
@T("monitor/datadog-synthetic-captured-form")
def _(c):
    p = c.person()
    pub = "%s-%s-%s" % (c.hexs(3), c.up(3, "abcdefghjkmnpqrstuvwxyz"), c.hexs(3))
    return (f"[Datadog] Synthetic browser test FAILED: \"Portal intake happy path\" ({c.K('test_id', pub)})\n"
            f"Location: aws:{c.region()} | step 7 of 9 \"Submit demographics\" | assertion status == 201, got {c.status()}\n"
            f"Captured form data (no redaction rule for the renamed field ids):\n"
            f"  field_first_name = \"{c.nm(p, 'first')}\"\n"
            f"  field_last_name  = \"{c.nm(p, 'last')}\"\n"
            f"  field_dob        = \"{c.dob()}\"\n"
            f"  field_mobile     = \"{c.phone()}\"\n"
            f"  field_email      = \"{c.email(p)}\"\n"
            f"Run took {c.dur()} on chrome {c.ver()}")


@T("monitor/grafana-high-cardinality-label")
def _(c):
    e = c.email()
    return (f"[FIRING:1] IntakeSubmitErrors ({c.svc()} {c.region()})\n"
            f"Labels:\n - alertname = IntakeSubmitErrors\n - route = POST /v1/intake\n"
            f" - patient_email = {e}\n - severity = page\n"
            f"Annotations:\n - summary = 5xx ratio {c.ri(6, 40)}% over 10m\n"
            f" - description = label patient_email was added in release {c.ver()}; first series for "
            f"patient_email=\"{e}\" appeared at {c.ts('iso_z')}\n"
            f"Source: https://grafana.ops.internal/alerting/grafana/{c.K('alert_uid', c.hexs(14))}/view")


@T("monitor/cloudwatch-lockout-alarm")
def _(c):
    p = c.person()
    ip = c.ip()
    return (f"ALARM: \"portal-login-lockouts-high\" in US West (Oregon)\n"
            f"Threshold Crossed: 1 datapoint [{c.cnt(26, 300)}.0 ({c.ts('iso_z')})] was greater than the threshold (25.0).\n"
            f"Sample from log group /ecs/{c.svc()}:\n"
            f"{c.ts('iso_ms')} WARN auth lockout after 5 attempts user={c.username(p)} src={ip} "
            f"xff=\"{ip}, {c.infra()}\" mrn={c.mrn()} ua=\"Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)\"")


@T("monitor/newrelic-error-inbox")
def _(c):
    return (f"New Relic | Error inbox | {c.svc()} | {c.K('exception', 'EligibilityMismatchError')}\n"
            f"Message: subscriber not found for member {c.plan()} at {c.payer()}\n"
            f"Occurrences: {c.cnt()} in the last 30 minutes, first seen {c.ts('iso_ms')}\n"
            f"Attributes:\n"
            f"  patient.mrn ............ {c.mrn()}\n"
            f"  patient.birth_date ..... {c.dob()}\n"
            f"  request.uri ............ /eligibility/check\n"
            f"  request.headers.xForwardedFor  {c.ip()}\n"
            f"  transactionName ........ WebTransaction/Action/eligibility#check\n"
            f"  trace.id ............... {c.trace()}")


@T("monitor/alertmanager-annotations-yaml")
def _(c):
    p = c.person()
    _, cl = c.clin()
    return (f"receiver: clinical-ops-pager\nstatus: firing\nalerts:\n"
            f"- labels: {{alertname: ReminderSmsUndelivered, queue: sms-reminders, severity: warning}}\n"
            f"  annotations:\n"
            f"    summary: \"{c.cnt(12, 900)} reminders stuck for more than 2h\"\n"
            f"    description: \"oldest item to={c.phone('e164')} name='{c.nm(p)}' appt={c.appt()} provider='{cl}'\"\n"
            f"    runbook_url: https://runbooks.ops.internal/sms/stuck-reminders\n"
            f"  startsAt: \"{c.ts('iso_ms')}\"\n  generatorURL: http://{c.infra()}:9090/graph")


@T("monitor/pagerduty-incident-note")
def _(c):
    eng = c.person()
    _, cl = c.clin()
    pt = c.person()
    return (f"PagerDuty | Incident #{c.K('incident_id', str(c.ri(10000, 99999)))} [{c.svc()}] e-fax gateway returning {c.status('502')}\n"
            f"Note added by {c.nm(eng, 'fl')} at {c.ts('hm')} UTC:\n"
            f"front desk confirms the referral from {cl} for {c.nm(pt)} (DOB {c.dob()}) never landed; "
            f"sender fax {c.fax()}. patient asked for a callback at {c.phone()}. "
            f"replaying batch {c.job()} once the carrier recovers.")


@T("monitor/uptime-keyword-cached-page")
def _(c):
    p = c.person()
    dom = "portal." + c.clinic()[1]
    u = c.username(p)
    url = c.P("URL", f"https://{dom}/u/{u}/dashboard")
    return (f"UptimeRobot: Monitor is DOWN: portal-landing (keyword)\n"
            f"Reason: keyword \"Sign in\" not found. Response body contained \"Welcome back, {c.nm(p, 'first')}!\" "
            f"(CDN served a cached authenticated page)\n"
            f"Checked: https://{dom}/  cached object: {url}  age_seconds={c.cnt(1, 3000)} x-cache: HIT\n"
            f"Incident started {c.ts('iso_z')}, duration {c.dur()}")


@T("monitor/opsgenie-crisis-routing")
def _(c):
    p = c.person()
    _, cl = c.clin('fl')
    return (f"Opsgenie P1 | After-hours crisis line routing failed\n"
            f"Details:\n  caller_name: {c.nm(p)}\n  caller_number: {c.phone()}\n"
            f"  alt_number: {c.intl_phone() if c.coin() else c.phone()}\n  routed_to: {cl}\n"
            f"  call_sid: {c.twsid('CA')}\n  escalation: crisis-oncall (level 2)\n"
            f"Tags: twilio, ivr, {c.svc()}  | created {c.ts('iso_z')}")


@T("monitor/loki-logfmt-address")
def _(c):
    p = c.person()
    return ("{level=\"error\", app=\"" + c.svc() + "\", namespace=\"prod\"} "
            f"ts={c.ts('iso_ms')} level=error msg=\"address validation failed\" patient_name=\"{c.nm(p)}\" "
            f"street=\"{c.addr()}\" city=\"{c.city()}\" zip={c.zip()} state={c.st()} upstream=smarty "
            f"status={c.status()} took={c.dur()} client_ip={c.ip()}")


@T("monitor/splunk-chart-view-spike")
def _(c):
    rows = []
    for _i in range(3):
        s = c.person()
        rows.append(f"{c.username(s):<18} {c.ip():<16} {c.mrn():<12} {c.cnt(40, 400)}")
    return ("Splunk Alert: Excessive chart views by a single user\n"
            "Search: index=ehr_audit action=chart_view | stats count by user, src_ip, mrn | where count > 30\n"
            f"Trigger time {c.ts('space')}; {c.cnt(3, 40)} results, top 3:\n"
            "user               src_ip           mrn          count\n" + "\n".join(rows))


@T("monitor/honeycomb-span-attributes")
def _(c):
    p = c.person()
    return (f"Honeycomb trigger \"slow fhir writes\" fired: P99(duration_ms) > 4000 in dataset {c.svc()}\n"
            f"Example trace {c.trace()}\n"
            f"  span fhir.create Patient  duration_ms={c.cnt(4001, 19000)}\n"
            f"    patient.family = \"{c.nm(p, 'last')}\"\n"
            f"    patient.given = \"{c.nm(p, 'first')}\"\n"
            f"    patient.birthDate = \"{c.dob('iso')}\"\n"
            f"    patient.address.postalCode = \"{c.zip()}\"\n"
            f"    http.status_code = {c.status()}")


@T("monitor/datadog-log-pattern-ssn")
def _(c):
    p = c.person()
    return (f"Datadog Log Alert: pattern \"identity mismatch for * ssn *\" up {c.ri(150, 900)}% (service:{c.svc()})\n"
            f"Sample: {c.ts('iso_ms')} [{c.svc()}] identity mismatch for {c.nm(p)} ssn {c.ssn()} vs payer file "
            f"({c.payer()}) request_id={c.reqid()}\n"
            f"Monitor #{c.K('monitor_id', str(c.ri(1000000, 9999999)))} | notify @slack-billing-alerts")


@T("monitor/sentry-issue-user-context")
def _(c):
    p = c.person()
    return (f"Sentry: New issue in portal-web (production)\n"
            f"{c.K('exception', 'TypeError')}: Cannot read properties of undefined (reading 'insuranceCard')\n"
            f"  at renderCoverage (app/coverage/page.tsx:88:21)\n"
            f"User: id={c.dbid()} email={c.email(p)} username={c.username(p)} ip_address={c.ip()}\n"
            f"Tags: browser=Safari 17.3, release={c.ver()}, environment=production\n"
            f"Event {c.K('event_id', c.hexs(32))} at {c.ts('iso_z')}")


@T("monitor/checkly-api-check-body")
def _(c):
    p = c.person()
    body = J({"id": int(c.dbid()), "display_name": c.nm(p, "fl"), "preferred_name": c.nm(p, "first"),
              "dob": c.dob("iso"), "mobile": c.phone("dash"), "balance_due": c.amt()})
    return (f"Checkly: API check \"GET /v2/me (synthetic account)\" failed in {c.region()}\n"
            f"Assertion failed: JSON body.id equals 900001, got a real patient record instead\n"
            f"Response ({c.status('200')}, {c.dur()}):\n{body}")


# ---------------------------------------------------------------- queues & jobs
@T("queue/sqs-dlq-reminder")
def _(c):
    p = c.person()
    _, cl = c.clin()
    msg = J({"type": "reminder.sms", "to": c.phone("e164"),
             "patient": {"first": c.nm(p, "first"), "last": c.nm(p, "last")},
             "appointment": {"date": c.appt("iso"), "time": "3:30 PM", "provider": str(cl)},
             "locale": c.ch(["es", "vi", "so", "en"])})
    return (f"SQS DLQ alarm: appt-reminders-dlq ApproximateNumberOfMessagesVisible = {c.cnt()}\n"
            f"Peeked message {c.uuid()} (ApproximateReceiveCount=5, SentTimestamp={c.ts('epoch_ms')}):\n{msg}")


@T("queue/rabbitmq-dead-letter-hl7")
def _(c):
    p = c.person()
    m = c.mrn("n7")
    return (f"rabbitmq: message dead-lettered from queue \"hl7.outbound\" (reason=rejected)\n"
            f"routing_key: adt.a08.{m}\n"
            f"x-death: [{{count: 3, reason: rejected, queue: hl7.outbound, time: {c.ts('epoch')}}}]\n"
            f"payload preview: PID|1||{m}^^^RB^MR||{c.nm(p, 'hl7')}||{c.dob('hl7')}|F|||"
            f"{c.addr(up=True)}^^{c.city(up=True)}^{c.st()}^{c.zip(False)}")


@T("queue/kafka-dlt-portal-message")
def _(c):
    p = c.person()
    cp, cl = c.clin("fl")
    val = J({"thread_id": c.uuid(), "from": c.email(p), "subject": "reschedule",
             "body": f"Hi {c.nm(cp, 'first')}, I can't make {c.appt(c.ch(['Md', 'md', 'Mdord']))}. Could we do the week after? - {c.nm(p, 'first')}"})
    return (f"consumer {c.svc()} sent record to portal.messages.DLT partition {c.ri(0, 11)} offset {c.cnt(1000, 900000)}\n"
            f"headers: kafka_dlt-exception-fqcn={c.K('exception', 'org.apache.kafka.common.errors.SerializationException')}, "
            f"kafka_dlt-original-topic=portal.messages\nvalue: {val}")


@T("queue/celery-superbill-smtp")
def _(c):
    p = c.person()
    e = c.email(p)
    return (f"[{c.ts('space_ms')}: ERROR/ForkPoolWorker-3] Task billing.tasks.send_superbill[{c.uuid()}] raised unexpected: "
            f"SMTPRecipientsRefused({{'{e}': (550, b'5.1.1 user unknown')}})\n"
            f"args: ({c.dbid()},) kwargs: {{'to': '{e}', 'patient_name': '{c.nm(p)}', 'dos': '{c.appt()}', "
            f"'cpt': '{c.cpt()}', 'amount': '{c.amt()}'}}\nRetry in 600s: attempt 3 of 5")


@T("queue/sidekiq-fax-retries-exhausted")
def _(c):
    p = c.person()
    _, cl = c.clin()
    return (f"Sidekiq retries exhausted for FaxDeliveryJob jid={c.job()}\n"
            f"queue: fax  retry_count: 25  error_class: Faxage::BusyError  error_message: \"line busy after 6 attempts\"\n"
            f"args: [\"{c.fax()}\", \"Referral packet for {c.nm(p)} (DOB {c.dob()})\", "
            f"{{\"cover_to\": \"{cl}\", \"pages\": {c.ri(2, 30)}}}]\n"
            f"enqueued_at: {c.ts('epoch')}.{c.dig(3)}")


@T("queue/bullmq-minor-intake-pdf")
def _(c):
    g = c.person()
    k = Person(c.ch(GROUPS[c.ch(GENERIC_GROUPS)][0]), g.last, "A", "Bee")
    data = J({"formId": "minor-intake", "guardianName": c.nm(g, "fl"), "childName": c.nm(k, "first") + " " + g.last,
              "childDob": c.dob(old=False, ymd=(c.ri(2010, 2019), c.ri(1, 12), c.ri(1, 28))),
              "school": "Ridgeview Middle", "studentId": c.P("OTHER_ID", "S" + c.ndig(7))})
    c.P("NAME", c.nm(k, "first") + " " + g.last)
    return (f"BullMQ job failed queue=intake-pdf id={c.cnt(100, 99999)} attemptsMade=3\n"
            f"failedReason: {c.K('exception', 'TimeoutError')}: Navigation timeout of 30000 ms exceeded\n"
            f"data: {data}\nprocessedOn: {c.ts('epoch_ms')}")


@T("queue/hangfire-eligibility")
def _(c):
    p = c.person()
    pid = c.K("payer_id", c.ch(["60054", "62308", "87726", "61101", "93221", "39026"]))
    return (f"Hangfire: Job #{c.cnt(1000, 990000)} failed -> EligibilityCheckJob.Run(memberId: \"{c.plan()}\", "
            f"dob: \"{c.dob()}\", lastName: \"{c.nm(p, 'last')}\", payerId: \"{pid}\")\n"
            f"System.Net.Http.HttpRequestException: Response status code does not indicate success: 503 (Service Unavailable).\n"
            f"Server: worker-02:{c.ri(1000, 9999)}  Queue: eligibility  Retry attempt 10 of 10")


@T("queue/cron-no-show-sweep")
def _(c):
    lines = []
    for _i in range(2):
        p = c.person()
        lines.append(f"  {c.nm(p, 'lf'):<28} {c.phone():<18} missed {c.appt()}")
    o = c.person()
    lines.append(f"  {c.nm(o, 'lf'):<28} age {c.age90()} - skip robocall, route to care coordinator")
    return (f"Subject: [cron] nightly no-show sweep - {c.cnt(3, 60)} flagged\n"
            f"no-show sweep finished in {c.dur()} on {c.host()}\nflagged for outreach:\n" + "\n".join(lines))


@T("queue/dbt-unique-ssn")
def _(c):
    p = c.person()
    s = c.ssn("dash")
    return ("dbt test failure: unique_stg_patients_ssn (models/staging/stg_patients.yml)\n"
            "  Got 1 result, configured to fail if != 0\n"
            f"  compiled: select ssn, count(*) from {c.K('sql_table', 'analytics.stg_patients')} group by 1 having count(*) > 1\n"
            "  sample rows:\n"
            "  | ssn         | patient_ids        | names\n"
            f"  | {s} | {c.dbid()}, {c.dbid()} | {c.nm(p, 'fl')}; {c.nm(p, 'LF')}\n"
            f"  run finished {c.ts('iso_z')} ({c.dur()})")


@T("queue/airflow-837-address")
def _(c):
    p = c.person()
    return (f"Airflow: task failed dag_id=claims_daily task_id=build_837 try 2 of 2 ({c.ts('iso_z')})\n"
            f"ValueError: N3 segment exceeds 55 chars for claim {c.job()} subscriber {c.nm(p, 'LF')}: "
            f"'{c.addr()}, {c.city()}, {c.st()} {c.zip()}'\nlog: s3://mh-airflow-logs/claims_daily/build_837/attempt=2.log")


@T("queue/temporal-loaner-return")
@M
def _(c):
    p = c.person()
    inp = J({"client": c.nm(p, "fl"), "device": {"model": "iPad (9th generation)", "serial": c.serial(),
                                                   "imei": c.imei("raw")},
             "ship_to": {"line1": c.addr(), "city": c.city(), "zip": c.zip()}})
    return (f"Temporal: workflow LoanerDeviceReturn/{c.uuid()} failed: ActivityTaskTimedOut (CreateReturnLabel)\n"
            f"input: {inp}\nattempt 4, task queue loaners, namespace prod")


@T("queue/horizon-portal-invite")
def _(c):
    p = c.person()
    e = c.email(p)
    return (f"Horizon: App\\Jobs\\SyncPortalInvite failed on redis:default ({c.ts('space')})\n"
            f"Illuminate\\Http\\Client\\RequestException: HTTP request returned status code 422: "
            f"{{\"error\":\"email already registered\",\"email\":\"{e}\"}}\n"
            f"payload: {{\"patientId\":{c.dbid()},\"email\":\"{e}\",\"mobile\":\"{c.phone('e164')}\",\"name\":\"{c.nm(p, 'fl')}\"}}")


@T("queue/resque-statement-render")
def _(c):
    p = c.person()
    return (f"billing-worker: statement render failed for guarantor account {c.acct()} ({c.nm(p)})\n"
            f"balance {c.amt()}, {c.cnt(1, 9)} open claims; mailing address {c.addr()}, {c.city()}, {c.st()} {c.zip()}\n"
            f"{c.K('exception', 'Prawn::Errors::CannotFit')} at page 2; job {c.job()}")


# ---------------------------------------------------------------- calendar & telehealth
@T("calendar/google-sync-duplicate")
def _(c):
    p = c.person()
    cp, _n = c.clin()
    dom = c.clinic()[1]
    return (f"calendar-sync: Google Calendar API {c.status('409')} duplicate for event "
            f"\"{c.nm(p, 'fli')} - intake (DOB {c.dob()})\" on calendar {c.email(cp, dom)}\n"
            f"eventId {c.K('event_id', c.hexs(26))} attendee {c.email(p)}\n"
            f"iCalUID {c.K('ical_uid', c.hexs(20) + '@google.com')} sync token age {c.dur()}")


@T("calendar/outlook-graph-couples")
def _(c):
    a, b = c.person(), c.person()
    cp, cl = c.clin()
    return (f"Microsoft Graph error ErrorItemNotFound ({c.status('404')}) updating event\n"
            f"subject: \"Couples session - {c.nm(a, 'first')} & {c.nm(b, 'first')} {c.nm(b, 'last')}\"\n"
            f"organizer: {cl} <{c.email(cp, c.clinic()[1])}>\n"
            f"request-id: {c.uuid()}  client-request-id: {c.uuid()}  date: {c.ts('iso_z')}")


@T("calendar/ics-parse-error")
def _(c):
    p = c.person()
    cp, cl = c.clin("fl")
    return ("BEGIN:VEVENT\n"
            f"UID:{c.uuid()}\n"
            f"DTSTART;TZID=America/Los_Angeles:{c.ts('ics')}\n"
            f"SUMMARY:{c.nm(p, 'fl')} - {c.cpt()} follow-up\n"
            f"DESCRIPTION:client cell {c.phone()}\\nDOB {c.dob()}\n"
            f"ATTENDEE;CN={cl}:mailto:{c.email(cp, c.clinic()[1])}\n"
            f"LOCATION:{c.addr()}\\, {c.city()}\n"
            "END:VEVENT\n"
            "calendar-sync: ICS parse failed at line 6 (invalid ATTENDEE parameter)")


@T("calendar/calendly-invitee")
def _(c):
    p = c.person()
    _, cl = c.clin()
    qa = J([{"question": "Date of birth", "answer": c.dob()},
            {"question": "Best number to reach you", "answer": c.phone()},
            {"question": "Insurance", "answer": f"{c.payer()} {c.plan()}"}])
    return (f"Calendly invitee.created webhook rejected by {c.svc()} (missing 'timezone')\n"
            f"invitee: {c.nm(p, 'fl')} <{c.email(p)}>\n"
            f"event: \"Initial consult with {cl}\" start_time {c.ts('iso_off')}\n"
            f"questions_and_answers: {qa}")


@T("telehealth/zoom-participant-joined")
def _(c):
    p = c.person()
    mid = c.K("meeting_id", c.ndig(11))
    body = J({"event": "meeting.participant_joined", "payload": {"object": {
        "id": mid, "topic": f"Session - {c.nm(p, 'fli')}", "participant": {
            "user_name": c.nm(p, "fl"), "email": c.email(p), "ip_address": c.ip(),
            "join_time": c.ts("iso_z")}}}})
    return f"zoom webhook -> telehealth-broker {c.status('500')} after {c.dur()}\n{body}"


@T("telehealth/doxy-waiting-room")
def _(c):
    p = c.person()
    cp, cl = c.clin("fl")
    room = c.P("URL", "https://doxy.me/" + (_ascii(cp.last).lower() or "room" + c.dig(3)) + c.ch(["", "counseling", "therapy"]))
    return (f"doxy.me check-in webhook: patient \"{c.nm(p)}\" entered waiting room {room} "
            f"(provider {cl}); provider offline for {c.ri(10, 45)} min, SMS link re-sent to {c.phone()}\n"
            f"event id {c.uuid()} at {c.ts('iso_z')}")


@T("telehealth/teams-transcript-path")
def _(c):
    p = c.person()
    fn = c.P("NAME", f"{p.last}_{p.first}")
    d = c.dob("iso")
    path = c.P("URL", f"/sites/clinical/Shared Documents/Transcripts/{fn}_{d}_session.vtt")
    return (f"Teams transcript export failed: Graph {c.status('403')} for meeting "
            f"\"Family session - {c.nm(p, 'last')} household\"\n"
            f"target: {path}\nrequest-id {c.uuid()}  {c.ts('iso_z')}")


@T("telehealth/qos-report-loaner")
def _(c):
    p = c.person()
    return (f"telehealth QoS report | session {c.uuid()} | client {c.nm(p)}\n"
            f"network: {c.ip()} ({c.ch(['Comcast Cable', 'Ziply Fiber', 'T-Mobile USA', 'Spectrum'])}) jitter {c.ri(20, 90)}ms loss {c.ri(2, 15)}.{c.ri(0, 9)}%\n"
            f"device: loaner iPad serial {c.serial()} iPadOS 17.4 app {c.ver()}\n"
            f"client-reported location: {c.city()}, {c.st()}")


@T("telehealth/twilio-video-room-name")
def _(c):
    m = c.mrn(c.ch(["n7", "mh", "pt"]))
    d = c.appt("hl7")
    return (f"Twilio Video: room \"tele_{m}_{d}\" ended with error 53205 (participant duplicate identity)\n"
            f"room sid {c.twsid('RM')} duration {c.dur()} participants {c.cnt(2, 4)}\n"
            f"client participant joined from {c.ip()}")


# ---------------------------------------------------------------- payments
@T("payments/stripe-payment-failed")
def _(c):
    p = c.person()
    bd = J({"name": c.nm(p, "fl"), "email": c.email(p), "phone": c.phone(),
            "address": {"line1": c.addr(), "city": c.city(), "state": c.st(), "postal_code": c.zip(False), "country": "US"}})
    return (f"Stripe webhook payment_intent.payment_failed {c.stripe('evt')}\n"
            f"amount={c.cents()} currency=usd decline_code=insufficient_funds pi={c.stripe('pi')}\n"
            f"billing_details: {bd}\n"
            f"metadata: {J({'superbill': c.job(), 'dos': c.appt('iso'), 'cpt': c.cpt()})}")


@T("payments/square-terminal-cancel")
def _(c):
    p = c.person()
    return (f"Square Terminal checkout {c.K('checkout_id', c.up(12, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'))} CANCELED (BUYER_CANCELED)\n"
            f"cardholder_name: {c.nm(p, 'FL')}  card_brand: MASTERCARD  amount_money: {c.cents()} USD\n"
            f"receipt_email: {c.email(p)}  note: copay {c.cpt()} {c.appt()}\n"
            f"location: front desk 2, device {c.K('device_code', 'DEVICE_' + c.hexs(8).upper())}")


@T("payments/ach-return-r03")
def _(c):
    p = c.person()
    return (f"payments-svc: ACH return R03 (No account / unable to locate) for autopay draft {c.stripe('py')}\n"
            f"account holder: {c.nm(p)} | bank account {c.bank()} | guarantor account {c.acct()}\n"
            f"amount {c.amt()} | returned {c.ts('iso_z')} | plan installment {c.ri(2, 11)} of 12")


@T("payments/stripe-radar-review")
def _(c):
    p = c.person()
    return (f"Radar review opened for {c.stripe('ch')}: card used from 4 IP addresses within 1 hour\n"
            f"customer {c.stripe('cus')} ({c.email(p)}), name on card \"{c.nm(p)}\"\n"
            f"ip_address {c.ip()} | previous {c.ip()}, {c.ip()} | amount {c.amt()} | risk_score {c.ri(65, 99)}")


@T("payments/identity-verification")
def _(c):
    p = c.person()
    return (f"Persona inquiry {c.K('inquiry_id', 'inq_' + c.up(20, 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789'))} failed: selfie does not match ID\n"
            f"fields: name-first={c.nm(p, 'first')} name-last={c.nm(p, 'last')} birthdate={c.dob('iso')} "
            f"address-street-1={c.addr()} address-city={c.city()} address-postal-code={c.zip(False)} "
            f"identification-number={c.dl()} identification-class=dl\n"
            f"template {c.K('template_id', 'itmpl_' + c.hexs(10))} | {c.ts('iso_z')}")


@T("payments/payment-plan-form-post")
def _(c):
    p = c.person()
    nm = c.P("NAME", p.first.replace(" ", "+") + "+" + p.last.replace(" ", "+"))
    y, m, d = c.dob_ymd()
    dob = c.P("DATE", "%02d%%2F%02d%%2F%04d" % (m, d, y))
    return (f"POST /billing/payment-plan -> {c.status('422')} ({c.dur()})\n"
            f"Content-Type: application/x-www-form-urlencoded\n"
            f"guarantor_name={nm}&guarantor_acct={c.acct()}&dob={dob}"
            f"&monthly_amount=75.00&start_month={c.yr()}-{c.ri(1, 12):02d}&card_zip={c.zip(False)}\n"
            f"errors: start_month must be in the future")


# ---------------------------------------------------------------- messaging
@T("messaging/twilio-status-callback-form")
def _(c):
    return (f"POST /hooks/twilio/sms-status -> {c.status('500')} (handler raised {c.K('exception', 'KeyError')}: 'MessagingServiceSid')\n"
            f"body: SmsSid={c.twsid('SM')}&SmsStatus=undelivered&MessageStatus=undelivered"
            f"&To={c.phone('enc')}&ErrorCode=30006&AccountSid={c.twsid('AC')}&ApiVersion={c.K('api_version', '2010-04-01')}\n"
            f"related patient chart {c.mrn()} | reminder for {c.appt()}")


@T("messaging/twilio-inbound-sms-es")
def _(c):
    p = c.person("hispanic")
    cp, _n = c.clin()
    return (f"sms-relay inbound from {c.phone('e164')} could not be matched to a thread (2 charts share the number)\n"
            f"Body: \"Hola, soy {c.nm(p, c.ch(['fl', 'lower']))}. No voy a poder llegar a mi cita del "
            f"{c.appt('es_noyear')} con {c.nm(cp, 'first')}, mi hijo está enfermo. ¿Me pueden llamar? Mi fecha de nacimiento es "
            f"{c.dob('dmy/')}. Gracias 🙏\"\n"
            f"MessageSid {c.twsid('SM')} NumMedia=0 received {c.ts('iso_z')}")


@T("messaging/bandwidth-voice-transcription")
def _(c):
    p = c.person()
    _cp, cl = c.clin("il")
    return (f"Bandwidth voice callback transcriptionAvailable callId=c-{c.K('call_id', c.hexs(8) + '-' + c.hexs(4) + '-' + c.hexs(4))}\n"
            f"from {c.phone('e164')} to main-line IVR, duration {c.secs()}\n"
            f"transcript: \"yeah hi this is {c.nm(p, 'lower')} i'm calling for {cl} um my birthday is "
            f"{c.spoken_dob()} and i need to reschedule, you can call me back at {c.phone('space')} thanks\"")


@T("messaging/sendgrid-bounce-event")
def _(c):
    p = c.person()
    ev = J({"email": c.email(p), "event": "bounce", "type": "blocked",
            "reason": "550 5.7.1 Message rejected due to local policy",
            "sg_message_id": c.K("message_id", c.up(22, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789") + ".filter"),
            "category": ["appointment-reminder"], "timestamp": int(c.ts("epoch")),
            "subject": f"Reminder: {c.nm(p, 'first')}, your appointment on {c.appt()}"})
    return f"SendGrid event webhook batch had 1 failure (status {c.status('400')} from notifier):\n{ev}"


@T("messaging/mailgun-complaint")
def _(c):
    p = c.person()
    dom = c.clinic()[1]
    return (f"Mailgun: event=complained recipient={c.email(p)} domain=mg.{dom}\n"
            f"message-id: <{c.K('message_id', c.ts('hl7') + '.' + c.hexs(16) + '@mg.' + dom)}>\n"
            f"headers.subject: \"Your superbill for {c.appt()} - {c.nm(p, 'fl')}\"\n"
            f"tags: [billing, {c.cpt()}]  | suppressing further mail to this recipient")


@T("messaging/sms-thread-export")
def _(c):
    p = c.person()
    cp, _cl = c.clin()
    wd, d = c.wk_appt()
    return (f"OpenPhone thread export | contact {c.phone()} | {c.cnt(3, 40)} messages\n"
            f"[{c.ts('hm')}] them: hey its {c.nm(p, 'first')}!! can we move tues to thurs?\n"
            f"[{c.ts('hm')}] clinic: Hi {c.nm(p, 'first')}, {wd} {d} at 2pm works with {c.nm(cp, 'first')}.\n"
            f"[{c.ts('hm')}] them: 👍 also new address is {c.addr()} {c.city()} if u need it for billing\n"
            f"export job {c.job()} flagged: contains PHI, not forwarded to Slack")


@T("messaging/ringcentral-voicemail")
@M
def _(c):
    p = c.person()
    cp, _cl = c.clin()
    return (f"RingCentral voicemail from {c.phone()} ({c.secs()}) | extension 214 | transcript confidence 0.{c.ri(55, 95)}\n"
            f"\"Hi, this is {c.nm(p, 'fl')}, I'm calling for Dr. {c.nm(cp, 'last')}. My date of birth is {c.dob(c.ch(['long', 'mdy', 'longord']))}. "
            f"I ran out of my medication and the pharmacy said they need a new script. You can reach me at "
            f"{c.phone()}. Thank you.\"")


@T("messaging/ringcentral-fax-failed")
def _(c):
    p = c.person()
    _cp, cl = c.clin()
    st = c.person()
    return (f"RingCentral Fax: delivery FAILED to {c.fax()} after 3 attempts (no answer)\n"
            f"Cover page: To: {cl} | Re: {c.nm(p)}, DOB {c.dob()} | Pages: {c.ri(2, 40)}\n"
            f"Sent by {c.nm(st, 'fl')} | message id {c.K('message_id', str(c.ri(10 ** 9, 10 ** 10 - 1)))} | {c.ts('us')}")


@T("messaging/mailgun-inbound-reply")
def _(c):
    p = c.person()
    return (f"Mailgun route forward -> {c.svc()} failed ({c.status('413')} payload too large, 3 attachments)\n"
            f"From: \"{c.nm(p, 'fl')}\" <{c.email(p)}>\nSubject: Re: your intake packet\n"
            f"stripped-text: got it, attached my insurance card front and back. member id is {c.plan()}, group {c.group()}.\n"
            f"-- \n{c.nm(p, 'first')}\n{c.phone()}\nsent from my phone")


@T("messaging/twilio-whatsapp-error")
def _(c):
    p = c.person()
    return (f"Twilio error 63016 (outside allowed window) sending WhatsApp template appt_confirm_es\n"
            f"To: whatsapp:{c.intl_phone(c.ch(['mx', 'so', 'ph', 'et', 'vn']))}\n"
            f"Variables: {{\"1\": \"{c.nm(p, 'first')}\", \"2\": \"{c.appt(c.ch(['dmy/', 'md', 'dM']))}\"}}\n"
            f"MessageSid {c.twsid('MM')}  {c.ts('iso_z')}")


# ---------------------------------------------------------------- forms & e-sign
@T("forms/typeform-answers")
def _(c):
    p = c.person()
    e = c.person()
    return (f"typeform webhook -> intake-api {c.status('422')} (schema mismatch: answers[3].type=phone_number)\n"
            f"form_response.token {c.K('token', c.hexs(32))}\nanswers:\n"
            f"  [short_text] Full legal name: {c.nm(p, 'fml')}\n"
            f"  [date] Date of birth: {c.dob('iso')}\n"
            f"  [email] Email: {c.email(p)}\n"
            f"  [phone_number] Phone: {c.phone('e164')}\n"
            f"  [long_text] Emergency contact: {c.nm(e, 'fl')} ({c.ch(['sister', 'mom', 'partner', 'roommate', 'tía'])}) {c.phone()}\n"
            f"  [dropdown] Insurance: {c.payer()}"
            + (f"\n  [short_text] SSN (optional): {c.ssn()}" if c.coin(0.6) else ""))


@T("forms/jotform-raw-request")
def _(c):
    p = c.person()
    y, m, d = c.dob_ymd()
    dob = c.P("DATE", "%02d%%2F%02d%%2F%04d" % (m, d, y))
    first = c.P("NAME", p.first.replace(" ", "+"))
    last = c.P("NAME", p.last.replace(" ", "+"))
    return (f"Jotform submission {c.K('submission_id', c.ndig(19))} not posted to EHR (HTTP {c.status('400')})\n"
            f"rawRequest: q3_fullName[first]={first}&q3_fullName[last]={last}&q4_dob={dob}"
            f"&q6_phone[full]={c.phone('enc')}&q7_address[addr_line1]={c.addr(plus=True)}"
            f"&q7_address[postal]={c.zip(False)}&q9_reason=anxiety+and+sleep")


@T("forms/docusign-envelope-voided")
def _(c):
    p = c.person()
    cp, cl = c.clin("fl")
    org = c.ch(["Pinecrest School District", "Kessler Freight HR", "Marion County Probation", "Ridgeview Middle"])
    return (f"DocuSign Connect: envelope {c.uuid()} status=voided reason=\"client signed outdated version\"\n"
            f"recipients: signer {c.nm(p, 'fl')} <{c.email(p)}> (routing 1); cc {cl} <{c.email(cp, c.clinic()[1])}>\n"
            f"documents: [\"Informed Consent - Telehealth - {c.nm(p, 'fl')}.pdf\", \"ROI - {c.nm(p, 'last')} to {org}.pdf\"]\n"
            f"voided {c.ts('iso_ms')}")


@T("forms/intake-validation-messages")
@M
def _(c):
    p = c.person()
    return (f"intake-api rejected submission (request {c.reqid()}):\n"
            f" - emergency_contact.phone: must differ from patient phone ({c.phone()})\n"
            f" - guardian.email: \"{c.email()}\" domain has no MX record\n"
            f" - patient.dob: {c.dob()} is later than guardian.dob {c.dob(old=True)}\n"
            f" - address.zip: {c.zip()} does not match city \"{c.city()}\"\n"
            f" - patient.preferred_name: \"{c.nm(p, 'nick')}\" contains quotes")


@T("forms/google-forms-sheet-row")
def _(c):
    p = c.person()
    return (f"Google Forms -> Sheets sync: {c.cnt(2, 60)} new rows, 1 rejected (column count mismatch: 6 vs 5)\n"
            f"rejected row: \"{c.ts('us')}\",\"{c.nm(p, 'fl')}\",\"{c.email(p)}\",\"{c.phone('dot')}\","
            f"\"hi, i'm {c.nm(p, 'first')}, looking for a therapist who takes {c.payer()}. evenings only, I work at {c.ch(['Costco', 'the hospital', 'a school', 'Fred Meyer'])}\"")


@T("forms/roi-request-yaml")
def _(c):
    p = c.person()
    r = c.person()
    return (f"roi-service: request {c.uuid()} stuck in state=awaiting_signature for {c.ri(8, 40)} days\n"
            f"request:\n  patient: {c.nm(p, 'fl')}\n  dob: {c.dob('iso')}\n  mrn: {c.mrn()}\n"
            f"  release_to:\n    name: {c.nm(r, 'fl')}\n    org: Lakeshore Pediatrics\n    fax: \"{c.fax()}\"\n"
            f"  purpose: continuity of care\n  scope: [diagnoses, medications]\n  created_by: {c.svc()}")


@T("forms/sliding-fee-application")
def _(c):
    p = c.person()
    return (f"Cognito Forms entry {c.cnt(100, 9999)} (Sliding Fee Application) failed to sync: {c.status('409')}\n"
            f"Applicant: {c.nm(p)} | SSN {c.ssn()} | DOB {c.dob()}\n"
            f"Household size: {c.ri(1, 7)} | Monthly income: {c.amt()} | Address: {c.addr()}, {c.city()} {c.zip()}")


# ---------------------------------------------------------------- support desks
@T("support/zendesk-locked-out")
def _(c):
    p = c.person()
    wd, d = c.wk_appt()
    return (f"Zendesk ticket {c.tkt('#')} | \"Can't log in - {c.nm(p, 'fl')}\" | via email | priority normal\n"
            f"Requester: {c.nm(p, 'fl')} <{c.email(p)}>\n"
            f"i've been locked out since {wd} {d}. my username is {c.username(p)} . my appointment is "
            f"{c.appt()} and i need the video link!! call me {c.phone()}\n"
            f"Tags: portal-login, {c.svc()} | created {c.ts('iso_z')}")


@T("support/intercom-user-attributes")
def _(c):
    p = c.person()
    return (f"Intercom conversation {c.K('conversation_id', c.ndig(12))} reopened by user\n"
            f"user: name={c.nm(p)} email={c.email(p)} user_id={c.dbid()} custom.mrn={c.mrn()} "
            f"location=\"{c.city()}, {c.st()}\"\n"
            f"last part: \"still waiting on my superbill from {c.appt()}, my insurance ({c.payer()}) needs it\"")


@T("support/freshdesk-signature-block")
def _(c):
    e = c.person()
    pt = c.person()
    return (f"Freshdesk {c.tkt('#')} - RE: records request (merged from 2 tickets)\n"
            f"From: {c.nm(e, 'fl')} <{c.email(e)}>\n"
            f"Please send notes for our mutual client {c.nm(pt)} (DOB {c.dob()}). Signed release attached.\n\n"
            f"{c.nm(e, 'fl')}, LMFT\n{c.addr()} | {c.city()}, {c.st()} {c.zip()}\n"
            f"p {c.phone()} | f {c.fax()}\nlicense {c.statelic()}")


@T("support/jira-merge-duplicate-charts")
def _(c):
    p = c.person()
    st = c.person()
    m1, m2 = c.mrn(), c.mrn()
    return (f"{c.tkt('OPS-')}: Merge duplicate charts {m1} and {m2}\n"
            f"Reporter: {c.nm(st, 'fl')} | Component: chart-merge | Priority: High\n"
            f"Same client ({c.nm(p)}, DOB {c.dob()}) registered twice: portal signup with {c.email(p)} and "
            f"front-desk registration with {c.email()}. Please merge into {m1}; keep {c.payer()} coverage.")


@T("support/helpscout-address-change")
def _(c):
    p = c.person()
    return (f"Help Scout conversation {c.tkt('#')} tagged address-change\n"
            f"Customer: {c.nm(p, 'fl')} ({c.email(p)})\n"
            f"\"please update my mailing address to {c.addr()}, {c.city()}, {c.st()} {c.zip()} - the old one on {c.P('ADDRESS', c.street())} is wrong. "
            f"account {c.acct()}\"")


# ---------------------------------------------------------------- clinical interfaces
@T("clinical/surescripts-newrx-error")
def _(c):
    p = c.person()
    cp, _cl = c.clin()
    return (f"erx-bridge: Surescripts Error 900 \"Prescriber DEA does not match NPI\" (message {c.K('message_id', c.hexs(32))})\n"
            f"<NewRx><Patient><HumanPatient><Name><LastName>{c.nm(p, 'last')}</LastName><FirstName>{c.nm(p, 'first')}</FirstName></Name>"
            f"<DateOfBirth><Date>{c.dob('iso')}</Date></DateOfBirth><Address><AddressLine1>{c.addr()}</AddressLine1>"
            f"<City>{c.city()}</City><StateProvince>{c.st()}</StateProvince><PostalCode>{c.zip(False)}</PostalCode></Address>"
            f"</HumanPatient></Patient><Prescriber><NonVeterinarian><Identification><NPI>{c.npi()}</NPI>"
            f"<DEANumber>{c.dea(cp.last)}</DEANumber></Identification><Name><LastName>{c.nm(cp, 'last')}</LastName></Name>"
            f"<CommunicationNumbers><PrimaryTelephone><Number>{c.phone('plain')}</Number></PrimaryTelephone>"
            f"<Fax><Number>{c.fax('plain')}</Number></Fax></CommunicationNumbers></NonVeterinarian></Prescriber>"
            f"<MedicationPrescribed><DrugDescription>sertraline 50 mg tablet</DrugDescription></MedicationPrescribed></NewRx>")


@T("clinical/surescripts-rxchange-pa")
def _(c):
    p = c.person()
    return (f"erx-bridge: RxChangeRequest (prior authorization required) from pharmacy NCPDP {c.K('pharmacy_id', c.ndig(7))}\n"
            f"patient {c.nm(p)} DOB {c.dob()} | Rx #{c.rx()} | escitalopram 10 mg -> sertraline 50 mg\n"
            f"coverage: {c.payer()} member {c.plan()} BIN {c.K('bin', c.ch(['610014', '004336', '610502', '003858']))}")


@T("clinical/fhir-patient-422")
@M
def _(c):
    p = c.person()
    body = J({"resourceType": "Patient",
              "identifier": [{"system": "urn:oid:2.16.840.1.113883.3.4712", "value": c.mrn()}],
              "name": [{"family": c.nm(p, "last"), "given": [c.nm(p, "first")]}],
              "gender": "nb",
              "telecom": [{"system": "phone", "value": c.phone()}, {"system": "email", "value": c.email(p)}],
              "birthDate": c.dob("iso"),
              "address": [{"line": [c.addr()], "city": c.city(), "postalCode": c.zip()}]})
    return (f"POST https://fhir.epic.example.org/api/FHIR/R4/Patient -> {c.status('422')}\n"
            f"OperationOutcome: issue[0].diagnostics \"Patient.gender: code 'nb' not in value set administrative-gender\"\n"
            f"request body: {body}")


@T("clinical/fhir-coverage-dependent")
def _(c):
    ch = c.person()
    sub = c.person()
    return (f"athenahealth FHIR sync: Coverage/{c.dbid()} rejected, subscriberId fails payer pattern ({c.payer()})\n"
            f"beneficiary: Patient/{c.dbid()} \"{c.nm(ch, 'fl')}\" relationship=child\n"
            f"subscriber: \"{c.nm(sub, 'fl')}\" birthDate {c.dob('iso')} subscriberId {c.plan()} group {c.group()}\n"
            f"OperationOutcome {c.uuid()}")


@T("clinical/hl7-adt-ack-error")
def _(c):
    p = c.person()
    k = c.person()
    seg = "\r".join([
        f"MSH|^~\\&|EPIC|RVB|MHP|CHC|{c.ts('hl7')}||ADT^A04|{c.K('control_id', str(c.ri(100000, 999999)))}|P|2.5.1",
        f"PID|1||{c.mrn()}^^^EPI^MR||{c.nm(p, 'hl7')}||{c.dob('hl7')}|F|||{c.addr(up=True)}^^{c.city(up=True)}^{c.st()}^{c.zip(False)}||{c.phone('paren_tight')}|||||{c.acct()}|{c.ssn('dash')}",
        f"NK1|1|{c.nm(k, 'hl7')}|MTH||{c.phone('paren_tight')}",
        "ERR|||207^Application internal error^HL70357|E||||PID-19 format"])
    return f"hl7-listener MLLP :{c.K('port', '2575')} returned AE for ADT^A04\n{seg}"


@T("clinical/hl7-oru-lithium")
def _(c):
    p = c.person()
    cp, _cl = c.clin()
    req = c.P("OTHER_ID", "L" + c.ndig(8))
    seg = "\r".join([
        f"MSH|^~\\&|LABCORP|LC|MHP|BH|{c.ts('hl7')}||ORU^R01|{c.K('control_id', c.hexs(10).upper())}|P|2.3",
        f"PID|1||{c.mrn()}||{c.nm(p, 'hl7')}||{c.dob('hl7')}|M",
        f"ORC|RE|{req}",
        f"OBR|1|{req}||LITH^Lithium level|||{c.ts('hl7')}|||||||||{c.npi()}^{c.nm(cp, 'LAST')}",
        f"OBX|1|NM|{c.K('loinc', '14334-7')}^Lithium^LN||0,9|mmol/L|0.6-1.2|N|||F"])
    return f"ORU^R01 from LabCorp rejected: OBX-5 numeric parse error (comma decimal)\n{seg}"


@T("clinical/hl7-siu-reschedule")
def _(c):
    p = c.person()
    cp, _cl = c.clin()
    seg = "\r".join([
        f"MSH|^~\\&|SCHED|MHP|EHR|RVB|{c.ts('hl7')}||SIU^S13|{c.K('control_id', str(c.ri(10000, 99999)))}|P|2.4",
        f"SCH|{c.dbid()}||||||RESCHED^client request|{c.cpt()}",
        f"PID|1||{c.mrn()}||{c.nm(p, 'hl7')}||{c.dob('hl7')}",
        f"AIP|1||{c.npi()}^{c.nm(cp, 'LAST')}^{c.nm(cp, 'FIRST')}|THERAPIST"])
    return f"SIU^S13 rejected by downstream (unknown resource) after {c.dur()}\n{seg}"


@T("clinical/ccda-import-xpath")
@M
def _(c):
    p = c.person()
    return (f"docs-renderer: C-CDA import failed, XPath /ClinicalDocument/recordTarget/patientRole/patient/birthTime/@value\n"
            f"<patientRole><id extension=\"{c.mrn()}\" root=\"2.16.840.1.113883.19.5\"/>"
            f"<addr use=\"HP\"><streetAddressLine>{c.addr()}</streetAddressLine><city>{c.city()}</city>"
            f"<postalCode>{c.zip()}</postalCode></addr><telecom value=\"tel:{c.phone('e164')}\"/>"
            f"<patient><name><given>{c.nm(p, 'first')}</given><family>{c.nm(p, 'last')}</family></name>"
            f"<birthTime value=\"{c.dob('hl7')}\"/></patient></patientRole>")


@T("clinical/availity-271-summary")
def _(c):
    s = c.person()
    d = c.person()
    return (f"Availity 271 parse warning: EB segment without service type code (trace {c.K('trace_id', c.ndig(9))})\n"
            f"Subscriber: {c.nm(s, 'LF')} | Member ID {c.plan()} | Group {c.group()} | DOB {c.dob('hl7')}\n"
            f"Dependent: {c.nm(d, 'LF')} | DOB {c.dob('hl7')}\n"
            f"Payer: {c.payer()} | Provider NPI {c.npi()} | behavioral health copay {c.amt()}")


@T("clinical/waystar-277ca-reject")
def _(c):
    p = c.person()
    pcn = c.acct("pcn")
    return (f"Waystar 277CA: claim REJECTED A7:21 (patient control number)\n"
            f"NM1*QC*1*{c.nm(p, 'LAST')}*{c.nm(p, 'FIRST')}****MI*{c.plan()}~"
            f"TRN*2*{pcn}~STC*A7:21*{c.appt('hl7')}*U*{c.K('amount', '%d.00' % c.ri(50, 400))}~"
            f"DTP*472*D8*{c.appt('hl7')}~\n"
            f"batch {c.job()} | payer {c.payer()}")


@T("clinical/era-835-unmatched")
def _(c):
    p = c.person()
    cp, _cl = c.clin()
    return (f"era-poster: CLP could not be matched to an open claim (file {c.K('file', 'ERA_' + c.hexs(8) + '.835')})\n"
            f"CLP*{c.acct()}*1*150*112.5**MC*{c.K('payer_claim_id', c.ndig(13))}*11~"
            f"NM1*QC*1*{c.nm(p, 'LAST')}*{c.nm(p, 'FIRST')}****MI*{c.plan()}~"
            f"NM1*82*1*{c.nm(cp, 'LAST')}*{c.nm(cp, 'FIRST')}****XX*{c.npi()}~"
            f"DTM*232*{c.appt('hl7')}~SVC*HC:{c.cpt()}*150*112.5**1~")


@T("clinical/quest-result-unmatched")
def _(c):
    p = c.person()
    body = J({"requisition": c.P("OTHER_ID", c.ch(["Q", "R"]) + c.ndig(7)),
              "patient": {"name": f"{c.nm(p, 'LAST')},{c.nm(p, 'FIRST')}", "dob": c.dob("mdy0"),
                          "sex": c.ch(["F", "M", "X"]), "phone": c.phone("dash")},
              "test": "Valproic Acid, Total", "loinc": c.K("loinc", "4086-6"),
              "collected": c.ts("iso_off"), "ordering_npi": c.npi()})
    return f"Quest result webhook: requisition has no matching order in {c.svc()}\n{body}"


@T("clinical/pdmp-multiple-candidates")
@M
def _(c):
    p = c.person()
    cp, cl = c.clin()
    return (f"PDMP (PMP AWARxE) query returned multiple candidate matches ({c.ri(2, 5)})\n"
            f"query: lastName={c.nm(p, 'last')} firstName={c.nm(p, 'first')} dob={c.dob('mdy0')} zip={c.zip(False)}\n"
            f"requested by {cl} DEA {c.dea(cp.last)}\n"
            f"candidate 2 address: {c.addr()}, {c.city()} | request {c.uuid()}")


@T("clinical/efax-inbound-ocr")
@M
def _(c):
    p = c.person()
    _cp, cl = c.clin()
    return (f"eFax inbound from {c.fax()} | {c.ri(2, 18)} pages | OCR confidence 0.{c.ri(55, 93)} | routed to referrals\n"
            f"OCR page 1: REFERRAL FOR BEHAVIORAL HEALTH  Patient: {c.nm(p, 'FL')}  DOB: {c.dob()}  "
            f"Phone: {c.phone()}  Referring: {cl}  NPI {c.npi()}  Dx: {c.icd()}")


@T("clinical/pharmacy-callback-note")
def _(c):
    p = c.person()
    rp = c.person()
    return (f"Phone note (pharmacy callback): Walgreens #{c.K('store_id', str(c.ri(1000, 19999)))} called about Rx {c.rx()} "
            f"for {c.nm(p)} DOB {c.dob()}. {c.payer()} member {c.plan()} needs PA. "
            f"Pharmacist {c.nm(rp, 'fl')} asks for callback at {c.phone()}.")


@T("clinical/covermymeds-pa")
def _(c):
    p = c.person()
    cp, cl = c.clin()
    return (f"CoverMyMeds PA {c.K('pa_key', c.up(7, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'))} status: Sent to Plan, no response in 72h\n"
            f"patient {c.nm(p)} ({c.dob()}) | plan {c.payer()} | member {c.plan()} | BIN {c.K('bin', '610014')}\n"
            f"prescriber {cl} NPI {c.npi()} | drug: lurasidone 40 mg")


@T("clinical/direct-message-undeliverable")
@M
def _(c):
    p = c.person()
    cp, cl = c.clin()
    d = c.dob("hl7")
    return (f"Direct (DataMotion) message undeliverable: recipient {c.email(cp, 'direct.' + c.clinic()[1])} not found in HISP directory\n"
            f"Subject: Transition of care - {c.nm(p)} DOB {c.dob('mdy')}\n"
            f"attachment: CCD_{c.nm(p, 'LAST')}_{d}.xml | sender {cl} | {c.ts('iso_z')}")


@T("clinical/subpoena-intake")
@M
def _(c):
    p = c.person()
    a = c.person()
    return (f"roi-service: subpoena intake | Case No. {c.caseno()} | Circuit Court for Marion County\n"
            f"Re: {c.nm(p)} (DOB {c.dob()}) | requesting attorney {c.nm(a, 'fl')}, bar no. {c.P('LICENSE', c.ndig(6))}\n"
            f"due {c.appt()} | scope: attendance records only | task {c.tkt('LEG-')}")


@T("clinical/mva-third-party-liability")
def _(c):
    p = c.person()
    return (f"billing-worker: third-party liability hold for {c.nm(p)} (motor vehicle accident, PIP)\n"
            f"auto carrier claim {c.P('OTHER_ID', c.ndig(2) + '-' + c.up(3) + '-' + c.ndig(6))} | VIN {c.vin()} | plate {c.plate()} ({c.st()})\n"
            f"date of accident {c.appt(c.ch(['mdy0', 'iso', 'long']))} | sessions billed {c.cnt(1, 30)} | {c.cpt()}")


@T("clinical/ncpdp-claim-reject")
def _(c):
    p = c.person()
    return (f"NCPDP D.0 reject 75 (prior authorization required) relayed by pharmacy\n"
            f"AM29: CA={c.nm(p, 'FIRST')} CB={c.nm(p, 'LAST')} C4={c.dob('hl7')} | AM04: C2={c.plan()} "
            f"| AM07: D7={c.K('ndc', c.ndig(11))} | Rx {c.rx()} | {c.ts('space')}")


# ---------------------------------------------------------------- mobile clients
@T("mobile/ios-crash-breadcrumbs")
def _(c):
    p = c.person()
    return (f"Incident Identifier: {c.uuid(up=True)}\nHardware Model: iPad13,18\nOS Version: iPadOS 17.4.1 (21E236)\n"
            f"App: MindfulPortal {c.ver()}\nException Type: EXC_CRASH (SIGABRT)\n"
            f"Last Exception Backtrace: 0 CoreFoundation __exceptionPreprocess + 164\n"
            f"  4 MindfulPortal -[IntakeFormViewController validateDOB:] + 212\n"
            f"Breadcrumbs:\n"
            f"  {c.ts('hm')} ui.tap \"Continue\"\n"
            f"  {c.ts('hm')} textField.didEndEditing id=dob value=\"{c.dob()}\"\n"
            f"  {c.ts('hm')} textField.didEndEditing id=guardianPhone value=\"{c.phone()}\"\n"
            f"  {c.ts('hm')} navigation -> ConsentViewController (signer: {c.nm(p)})")


@T("mobile/android-anr-intent-extras")
@M
def _(c):
    p = c.person()
    return (f"ANR in com.brightharbor.portal (com.brightharbor.portal/.ui.CheckInActivity)\n"
            f"Reason: Input dispatching timed out (waited {c.ri(5, 12)}000ms)\n"
            f"Intent extras: Bundle[{{patientName={c.nm(p)}, mrn={c.mrn()}, apptDate={c.appt()}}}]\n"
            f"Device: Pixel 7 | IMEI {c.imei()} | Android 14 | build {c.ver()}")


@T("mobile/react-native-redbox-props")
def _(c):
    p = c.person()
    props = J({"client": {"displayName": c.nm(p, c.ch(["fl", "fli", "lf"])), "pronouns": "they/them",
                          "phone": c.phone()}, "nextVisit": c.appt()})
    return (f"{c.K('exception', 'Invariant Violation')}: Text strings must be rendered within a <Text> component.\n"
            f"in ClientCard (at HomeScreen.js:214)\nprops: {props}\nexpo sdk {c.ver()} | {c.ts('iso_z')}")


@T("mobile/crashlytics-custom-keys")
def _(c):
    p = c.person()
    return (f"Crashlytics non-fatal: NSURLErrorDomain -1001 (timed out) | {c.cnt(2, 900)} users | {c.ver()}\n"
            f"custom keys: user_email={c.email(p)} device_serial={c.serial()} imei={c.imei()} last_screen=Journal\n"
            f"logs: {c.ts('iso_ms')} upload of mood entry {c.uuid()} failed")


@T("mobile/jamf-loaner-enrolment")
def _(c):
    p = c.person()
    return (f"Jamf Pro: loaner enrolment failed (DEP profile not found)\n"
            f"serial {c.serial()} | assigned to client {c.nm(p)} | ship to {c.addr()}, {c.city()}, {c.st()} {c.zip()}\n"
            f"contact {c.phone()} | ticket {c.tkt('IT-')} | {c.ts('space')}")


@T("mobile/apns-unregistered")
def _(c):
    p = c.person()
    return (f"notifier: APNs {c.status('410')} Unregistered for token {c.K('device_token', c.hexs(64))}\n"
            f"user {c.username(p)} ({c.nm(p)}), last active {c.ts('iso_z')}; removing token, {c.cnt(1, 4)} remaining")


@T("mobile/flutter-widget-state")
@M
def _(c):
    p = c.person()
    age, dob = c.old_pair()
    return (f"FlutterError: A RenderFlex overflowed by {c.ri(2, 200)} pixels on the right.\n"
            f"The relevant error-causing widget was: ClientCard(name: \"{c.nm(p)}\", age: {age}, "
            f"dob: {dob}, risk: low)\nlib/widgets/client_card.dart:57:12 | app {c.ver()}")


@T("mobile/wearable-sync")
def _(c):
    p = c.person()
    return (f"outcomes-etl: sleep sync failed for {c.nm(p)}: tracker serial {c.serial()}, paired phone IMEI {c.imei()}\n"
            f"{c.K('exception', 'FitbitRateLimitError')} (429), next attempt in {c.dur()}, job {c.job()}")


# ---------------------------------------------------------------- web clients
@T("web/react-error-boundary-props")
def _(c):
    p = c.person()
    snap = J({"patient": {"name": c.nm(p, "fl"), "dob": c.dob(), "mrn": c.mrn(), "coverage": None}})
    return (f"ErrorBoundary caught {c.K('exception', 'TypeError')}: Cannot read properties of null (reading 'memberId')\n"
            f"    at InsuranceCard (InsuranceCard.tsx:42:18)\n    at PatientHeader (PatientHeader.tsx:17:5)\n"
            f"props snapshot: {snap}\nbuild {c.sha(7)} | {c.ts('iso_ms')}")


@T("web/nextjs-ssr-query")
@M
def _(c):
    p = c.person()
    f = c.P("NAME", p.first.replace(" ", "+"))
    l = c.P("NAME", p.last.replace(" ", "+"))
    url = c.P("URL", f"/billing/statement?acct={c.acct()}&dob={c.dob('iso')}&name={f}+{l}")
    return (f" ⨯ Error: failed to fetch superbill for GET {url}\n"
            f"  digest: '{c.K('digest', str(c.ri(10 ** 8, 10 ** 10)))}'\n"
            f"  at getServerSideProps (.next/server/pages/billing/statement.js:1:2211)")


@T("web/console-autosave")
def _(c):
    cp, _cl = c.clin()
    return (f"[console] {c.ts('iso_ms')} warn [portal] autosave failed for draft {c.uuid()} ({c.status('413')}): "
            f"\"hi {c.nm(cp, 'first')}, since our session on {c.appt(c.ch(['Md', 'md', 'Mdord']))} things got worse. "
            f"my new number is {c.phone()} if you need to reach me\"")


@T("web/axe-audit-values")
def _(c):
    p = c.person()
    m = c.mrn()
    url = c.P("URL", f"/patients/{m}/profile")
    return (f"axe-core 4.8: 2 violations on {url}\n"
            f" - label: Form elements must have labels\n   html: <input id=\"pt-email\" value=\"{c.email(p)}\" class=\"form-control\">\n"
            f" - color-contrast: <span class=\"badge badge-light\">{c.nm(p)}</span>\n"
            f"run {c.uuid()} | ci job {c.job()}")


@T("web/audit-log-csv")
def _(c):
    s = c.person()
    dom = c.clinic()[1]
    e = c.email(s, dom)
    rows = [f"{c.ts('iso_z')},{e},chart.view,{c.mrn()},{c.ip()}",
            f"{c.ts('iso_z')},{e},note.print,{c.mrn()},{c.ip()}"]
    return (f"audit-export flagged after-hours access ({c.cnt(2, 90)} rows)\n"
            "timestamp,actor,action,patient_mrn,client_ip\n" + "\n".join(rows))


@T("web/launchdarkly-context")
def _(c):
    p = c.person()
    ctx = J({"kind": "user", "key": c.uuid(), "email": c.email(p), "name": c.nm(p, "fl"),
             "custom": {"clinic": "lumen", "zip": c.zip(False), "ip": c.ip()}})
    return (f"LaunchDarkly: evaluation error for flag \"new-intake-flow\" (version {c.ri(2, 90)}): prerequisite missing\n"
            f"context: {ctx}\nsdk node-server {c.ver()}")


@T("web/csp-report-patient-url")
@M
def _(c):
    p = c.person()
    dom = "portal." + c.clinic()[1]
    m = c.mrn()
    u = c.username(p)
    rep = J({"csp-report": {"document-uri": c.P("URL", f"https://{dom}/messages/compose?to=provider&patient={m}"),
                            "violated-directive": "script-src-elem",
                            "blocked-uri": "https://cdn.chatwidget.example/w.js",
                            "referrer": c.P("URL", f"https://{dom}/u/{u}/home")}})
    return f"CSP violation report received ({c.ts('iso_z')}):\n{rep}"


@T("web/har-headers-cookies")
def _(c):
    p = c.person()
    return (f"HAR excerpt attached to support ticket {c.tkt('#')}, request #{c.ri(3, 90)}:\n"
            f"POST /api/v1/appointments/reschedule HTTP/2\n"
            f"Cookie: _ga={c.K('cookie', 'GA1.1.' + c.ndig(9) + '.' + c.ts('epoch'))}; pp_last_patient={c.mrn()}; pp_login={c.username(p)}\n"
            f"X-Forwarded-For: {c.ip()}, {c.infra()}\n"
            f"Body: {J({'new_date': c.appt('iso'), 'reason': 'work conflict'})}")


@T("web/logrocket-unmasked-inputs")
def _(c):
    p = c.person()
    return (f"LogRocket: rage click on #pay-now (session {c.uuid()}), input values were not masked:\n"
            f"  input[name=cardholder] \"{c.nm(p, 'FL')}\"\n  input[name=cardnumber] \"{c.card()}\"\n"
            f"  input[name=billing_zip] \"{c.zip(False)}\"\n  page /billing/pay, release {c.ver()}")


@T("web/form-validation-toast")
def _(c):
    p = c.person()
    return (f"[toast][error] {c.ts('iso_ms')} RegistrationForm: \"We couldn't verify {c.nm(p, 'fl')} with {c.payer()}. "
            f"Check that member ID {c.plan()} and date of birth {c.dob()} match your card.\" (code ELIG_{c.status('404')})")


# ---------------------------------------------------------------- people's own words
@T("human/slack-front-desk")
def _(c):
    s1, s2 = c.person(), c.person()
    p = c.person()
    return (f"#front-desk | {c.nm(s1, 'first')} {c.ts('hm')}\n"
            f"heads up, {c.nm(p, c.ch(['fl', 'first']))} called again about the bill, says she paid {c.amt()} on "
            f"{c.appt()}. cell is {c.phone()}, prefers text. can billing call her back before friday?\n"
            f"  > {c.nm(s2, 'first')}: on it, acct {c.acct()} shows it as unapplied")


@T("human/teams-supervision")
@M
def _(c):
    sup = c.person()
    cp = c.person()
    p = c.person()
    return (f"[Teams | Clinical Supervision] {c.nm(sup, 'fl')}: {c.nm(cp, 'first')}, about {c.nm(p, 'fl')} - "
            f"given what came up on {c.appt()}, please complete the C-SSRS at the next visit and document safety plan. "
            f"Grandmother ({c.age90()}) is the only emergency contact, get a second one.")


@T("human/sms-spanish-reschedule")
@M
def _(c):
    p = c.person("hispanic")
    return (f"SMS entrante {c.phone()} -> línea de citas ({c.ts('iso_z')}):\n"
            f"buenas tardes, le escribe {c.nm(p, c.ch(['fl', 'lower']))}, mamá de {c.nm(Person(c.ch(GROUPS['hispanic'][0]), p.last, 'M', 'Nene'), 'first')}. "
            f"la cita de mi hija es el {c.appt('es_noyear')} pero tengo trabajo, ¿se puede el {c.appt('es_noyear')}? "
            f"su fecha de nacimiento: {c.dob('dmy/')}. mi correo es {c.email(p)}")


@T("human/voicemail-vietnamese")
@M
def _(c):
    p = c.person("vietnamese")
    mid = c.ch(["Thị", "Văn"])
    full = c.P("NAME", f"{p.last} {mid} {p.first}")
    return (f"Voicemail (auto-transcribed, vi-VN, {c.secs()}) from {c.phone()}:\n"
            f"\"Dạ chào cô, con là {full}. Con có hẹn ngày {c.appt('vi_noyear')} nhưng con bị bệnh. "
            f"Ngày sinh của con là {c.dob(c.ch(['dmy/', 'vi']))}. Xin gọi lại số {c.phone()}. Cảm ơn.\"")


@T("human/portal-somali")
@M
def _(c):
    p = c.person("somali")
    return (f"Portal message (lang=so, auto-translate failed: {c.K('exception', 'TranslateQuotaExceeded')})\n"
            f"\"Salaan, magacaygu waa {c.nm(p, 'fl')}. Taariikhda dhalashadaydu waa {c.dob('dmy/')}. "
            f"Ballantayda {c.appt('md')} ma imaan karo. Fadlan i soo wac {c.intl_phone('so') if c.coin(0.3) else c.phone()}. "
            f"Cinwaankaygu waa {c.addr()}, {c.city()}. Mahadsanid.\"")


@T("human/portal-russian")
@M
def _(c):
    p = c.person("cyrillic")
    return (f"Portal message (lang=ru) thread {c.uuid()}:\n"
            f"«Здравствуйте! Меня зовут {c.nm(p, 'fl')}, дата рождения {c.dob(c.ch(['dmy.', 'ru']))}. "
            f"Прошу перенести приём с {c.appt('ru_noyear')} на следующую неделю. "
            f"Мой телефон {c.phone()}, почта {c.email()}. Спасибо!»")


@T("human/chat-arabic-romanised")
@M
def _(c):
    p = c.person("arabic")
    return (f"WhatsApp Business inbound ({c.ts('iso_z')}) from {c.intl_phone(c.ch(['uk', 'de', 'ca']))}:\n"
            f"\"marhaba, ana {c.nm(p, 'fl')}, 3andi maw3id ma3 el doctor yom {c.appt('md')} bas ma ba2dar ajee. "
            f"momken nghayyer? tareekh meelady {c.dob('dmy/')}. shukran ktir\"")


@T("human/voicemail-hmong")
@M
def _(c):
    p = c.person("hmong")
    return (f"Voicemail transcript (hmn, interpreter line, {c.secs()}) from {c.phone()}:\n"
            f"\"Nyob zoo, kuv yog {c.nm(p, 'fl')}. Kuv hnub yug yog {c.dob('mdy')}. Kuv muaj nyob rau hnub "
            f"{c.appt('md')} tab sis kuv tsis muaj tsheb. Thov hu rov qab rau kuv tus xov tooj {c.phone()}. Ua tsaug.\"")


@T("human/sms-amharic-romanised")
@M
def _(c):
    p = c.person("ethiopian")
    return (f"SMS inbound {c.phone()} ({c.ts('iso_z')}):\n"
            f"\"selam, sime {c.nm(p, 'fl')} new. ye {c.appt('md')} qetero alchilm, lela ken yinoral? "
            f"yelidet ken {c.dob('dmy/')}. ameseginalehu\"")


@T("human/sms-tagalog")
@M
def _(c):
    p = c.person("filipino")
    cp, _cl = c.clin()
    return (f"SMS thread (tl) {c.phone()}:\n"
            f"\"Magandang araw po! Si {c.nm(p, 'fl')} po ito. Pwede po bang ilipat ang appointment ko sa "
            f"{c.appt('tl_noyear')}? Kay {c.nm(cp, 'first')} po ako. Birthday ko po {c.dob('tl')}. Salamat po 😊\"")


@T("human/sms-haitian-creole")
@M
def _(c):
    p = c.person("european")
    return (f"SMS inbound (ht) {c.phone()}:\n"
            f"\"Bonjou, se {c.nm(p, 'fl')}. Mwen pa ka vini {c.appt('md')}. Dat nesans mwen se {c.dob('dmy/')}. "
            f"Rele m nan {c.phone()} tanpri. Mèsi\"")


@T("human/voicemail-portuguese")
@M
def _(c):
    p = c.person("european")
    return (f"Correio de voz ({c.secs()}) de {c.phone()}:\n"
            f"\"Olá, aqui é {c.nm(p, 'fl')}, nascida em {c.dob('dmy/')}. Preciso remarcar a consulta de "
            f"{c.appt('md')}. Meu e-mail é {c.email(p)}. Obrigada.\"")


@T("human/intake-freetext-lowercase")
@M
def _(c):
    p = c.person()
    m = c.person()
    return (f"intake free text (reason for visit), submission {c.uuid()}:\n"
            f"\"my name is {c.nm(p, 'lower')} and i been having panic attacks since my mom {c.nm(m, 'lower')} "
            f"past away on {c.appt(c.ch(['mdy', 'md', 'mdy2']))}. i live w my grandpa hes {c.age90()} and i take care of him. "
            f"ssn {c.ssn()} if u need it for insurence. my # is {c.phone('plain')}\"")


@T("human/call-note-all-caps")
def _(c):
    p = c.person()
    return (f"CALL NOTE {c.ts('us')} - PT {c.nm(p, 'FL')} DOB {c.dob()} CALLED FROM {c.phone()} "
            f"RE: NEEDS LETTER FOR EMPLOYER, APPT {c.appt()}. PLAN {c.K('payer', c.ch(PAYERS).upper())} {c.plan()}. ROUTED TO MA.")


@T("human/emoji-text")
@M
def _(c):
    p = c.person()
    return (f"SMS inbound {c.phone()} 📩\n"
            f"\"omg sorry 😭😭 {c.nm(p, 'first')} here, totally forgot today ({c.appt('md')}) 🙈 can i do next week?? "
            f"also my insurance changed to {c.payer()} 💳 member {c.plan()} ✌️\"")


@T("human/billing-dispute-email")
def _(c):
    p = c.person()
    return (f"Billing dispute via portal (ticket {c.tkt('#')})\n"
            f"\"To whom it may concern, I was charged {c.amt()} for a session on {c.appt()} that I cancelled 48 hours ahead. "
            f"My account number is {c.acct()} and the card charged was {c.card()}. Please refund. - {c.nm(p, 'fl')}, "
            f"{c.addr()}, {c.city()} {c.st()} {c.zip()}\"")


@T("human/crisis-line-summary")
def _(c):
    p = c.person()
    g = c.person()
    return (f"Crisis line after-hours summary, call {c.K('call_id', 'CL' + c.ndig(7))}, {c.dur()}\n"
            f"Caller {c.nm(p)} ({c.phone()}), case {c.caseno()}, reports passive SI, no plan. Lives with grandmother "
            f"{c.nm(g, 'fl')}, {c.age90()}, at {c.addr()}, {c.city()}. Safety plan reviewed; follow-up scheduled {c.appt()}.")


@T("human/supervisor-note-licences")
def _(c):
    sup = c.person()
    cp = c.person()
    return (f"Supervision attestation: {c.nm(sup, 'fl')}, LCSW ({c.statelic()}, NPI {c.npi()}) supervised "
            f"{c.nm(cp, 'fl')}, CSWA ({c.statelic()}) for {c.ri(1, 4)} hours on {c.appt()}. "
            f"Cases reviewed: {c.cnt(3, 12)}. Submitted to board portal {c.ts('iso_z')}.")


@T("human/on-call-handoff")
def _(c):
    a, b = c.person(), c.person()
    p = c.person()
    return (f"on-call handoff ({c.nm(a, 'first')} -> {c.nm(b, 'first')}):\n"
            f"- {c.nm(p)} called twice re: meds, pharmacy fax {c.fax()} never got the refill auth; resend tomorrow\n"
            f"- pager test ok, {c.svc()} restarted at {c.ts('hm')}\n- nothing else urgent")


@T("human/care-coordination-vehicle")
@M
def _(c):
    p = c.person()
    return (f"Care coordination note: {c.nm(p)} currently sleeping in car ({c.ch(['silver', 'blue', 'gray'])} "
            f"{c.ch(['Honda Civic', 'Toyota Corolla', 'Ford Escape', 'Subaru Outback'])}, plate {c.plate()} {c.st()}). "
            f"Parking at church lot on {c.P('ADDRESS', c.street())}. Phone {c.phone()}. Shelter referral sent {c.appt()}.")


@T("human/mobile-crisis-dispatch")
@M
def _(c):
    p = c.person()
    return (f"MOBILE CRISIS DISPATCH {c.ts('space')} | unit MC-{c.ri(1, 9)} | address {c.addr()}, {c.city()} | "
            f"client {c.nm(p)}, DOB {c.dob()} | caller {c.phone()} | vehicle on scene VIN {c.vin()} | "
            f"no weapons reported")


@T("human/family-email-elder")
@M
def _(c):
    s = c.person()
    m = Person(c.ch(GROUPS[c.ch(GENERIC_GROUPS)][0]), s.last, "E", "Mimi")
    age, dob = c.old_pair()
    return (f"Portal message from {c.email(s)}:\n"
            f"\"Hello, I'm {c.nm(s, 'fl')}, son of your client {c.nm(m, 'fl')}. Mom is {age} now and her memory is "
            f"getting worse, she forgot her appointment on {c.appt()}. Please call me instead of her at {c.phone()}. "
            f"Her date of birth is {dob} if you need it.\"")


@T("human/school-counselor-referral")
@M
def _(c):
    p = c.person()
    sc = c.person()
    return (f"Referral email from school counselor {c.nm(sc, 'fl')} ({c.email(sc)}):\n"
            f"Student {c.nm(p, 'fl')}, student ID {c.caseno()}, DOB {c.dob(ymd=(c.ri(2008, 2016), c.ri(1, 12), c.ri(1, 28)))}, "
            f"grade {c.ri(6, 12)}. Parent phone {c.phone()}. Concerns: school refusal since {c.appt(c.ch(['Md', 'md']))}.")


@T("human/eap-referral")
def _(c):
    p = c.person()
    return (f"EAP referral (ComPsych) for {c.nm(p)}, employee ID {c.P('OTHER_ID', 'E' + c.ndig(6))}, "
            f"employer Kessler Freight, authorization {c.K('auth_id', c.ndig(8))} for 6 sessions ({c.cpt()}). "
            f"Contact {c.email(p)} / {c.phone()}.")


@T("human/parking-towing-slack")
@M
def _(c):
    p = c.person()
    return (f"#facilities {c.ts('hm')}: car with plate {c.plate()} in the ambulance bay again - that's "
            f"{c.nm(p, c.ch(['first', 'fl']))}'s (client, Thursdays). please don't tow, text them at {c.phone()}")


# ---------------------------------------------------------------- identifiers in odd places
@T("odd/email-subject-lines")
def _(c):
    a, b, d = c.person(), c.person(), c.person()
    return (f"mail-archiver: {c.cnt(2, 9)} messages quarantined by DLP rule PHI-IN-SUBJECT\n"
            f"  \"FW: intake {c.nm(a, 'lf')} DOB {c.dob()}\"\n"
            f"  \"RE: {c.nm(b, 'fl')} - PA denied, member {c.plan()}\"\n"
            f"  \"voicemail from {c.phone()} ({c.nm(d, 'first')})\"\n"
            f"rule version {c.ver()} | {c.ts('iso_z')}")


@T("odd/fax-inbox-listing")
def _(c):
    rows = []
    for _i in range(3):
        p = c.person()
        fn = c.P("NAME", f"{p.last}_{p.first}".replace(" ", "-"))
        d = c.dob("hl7")
        path = c.P("URL", f"/srv/fax/inbound/{fn}_dob_{d}.pdf")
        rows.append(f"-rw-r----- 1 faxsvc faxsvc {c.cnt(20000, 900000):>7} {c.ts('ls')} {path}")
    return f"fax-gateway: disk 91% full, oldest files:\n" + "\n".join(rows)


@T("odd/calendar-titles-export")
def _(c):
    a, b = c.person(), c.person()
    return (f"calendar-sync dry run: {c.cnt(10, 300)} events would be copied to the shared room calendar:\n"
            f"  [{c.ts('iso_off')}] \"{c.nm(a, 'fli')} intake (ph {c.phone()})\"\n"
            f"  [{c.ts('iso_off')}] \"{c.nm(b, 'fl')} / {c.cpt()} / {c.icd()}\"\n"
            f"  [{c.ts('iso_off')}] \"Staff meeting\"\n"
            f"aborted: titles contain client names")


@T("odd/git-branch-name")
def _(c):
    p = c.person()
    m = c.mrn()
    sl = c.P("NAME", (_ascii(p.last) or "x").lower())
    return (f"GitHub Actions: workflow ci.yml failed on branch fix/{sl}-dup-chart-{m} ({c.sha(7)})\n"
            f"job test-integration: fixtures/patient_{m}.json references missing coverage\n"
            f"run {c.K('run_id', c.ndig(10))} | {c.dur()}")


@T("odd/redis-cache-key")
def _(c):
    ph = c.phone("e164")
    return (f"redis MISS storm on keys like patient:by-phone:{ph} ({c.cnt(200, 5000)}/s) after FLUSHDB on {c.infra()}:{c.K('port', '6379')}\n"
            f"also hot: patient:by-email:{c.email()} | session:{c.uuid()} | eligibility:{c.plan()}")


@T("odd/prometheus-exposition")
def _(c):
    e = c.email()
    return (f"# HELP portal_login_failures_total Failed portal logins\n# TYPE portal_login_failures_total counter\n"
            f"portal_login_failures_total{{username=\"{c.username()}\",client_ip=\"{c.ip()}\"}} {c.cnt()}\n"
            f"portal_login_failures_total{{username=\"{e}\",client_ip=\"{c.ip()}\"}} {c.cnt()}\n"
            f"(scrape of {c.infra()}:{c.port()} flagged by label-cardinality linter)")


@T("odd/raw-http-request")
def _(c):
    p = c.person()
    return (f"GET /api/v1/me/appointments HTTP/1.1\nHost: portal.{c.clinic()[1]}\n"
            f"X-Request-Id: {c.reqid()}\nX-Forwarded-For: {c.ip()}, {c.infra()}\n"
            f"X-Patient-Email: {c.email(p)}\nCookie: sid={c.K('session_id', c.hexs(32))}; last_mrn={c.mrn()}\n"
            f"-> {c.status('401')} in {c.dur()} (debug header logging was on)")


@T("odd/nginx-access-query")
def _(c):
    m = c.mrn()
    d = c.dob("iso")
    url = c.P("URL", f"/lab/results?patient={m}&dob={d}")
    return (f"{c.ip()} - - [{c.ts('clf')}] \"GET {url} HTTP/1.1\" {c.status('404')} 153 \"-\" \"Mozilla/5.0\"\n"
            f"{c.infra()} - - [{c.ts('clf')}] \"GET /healthz HTTP/1.1\" 200 2 \"-\" \"kube-probe/1.29\"")


@T("odd/qr-mecard-payload")
def _(c):
    p = c.person()
    return (f"kiosk check-in: QR decode ok but payload rejected (expected appointment token)\n"
            f"payload: MECARD:N:{c.P('NAME', p.last + ',' + p.first)};TEL:{c.phone('plain')};EMAIL:{c.email(p)};BDAY:{c.dob('hl7')};;\n"
            f"kiosk {c.K('kiosk_id', 'KSK-' + str(c.ri(1, 30)))} | {c.ts('iso_z')}")


@T("odd/csv-roster")
def _(c):
    rows = []
    for _i in range(2):
        p = c.person()
        rows.append(f"{c.mrn()},\"{c.nm(p, 'lf')}\",{c.dob('mdy0')},{c.phone('dash')},{c.payer()},{c.plan()},{c.ssn('dash')}")
    return (f"roster import: {c.cnt(40, 900)} rows, 2 rejected (duplicate MRN)\n"
            "mrn,name,dob,phone,payer,member_id,ssn\n" + "\n".join(rows))


@T("odd/tsv-export")
@M
def _(c):
    p = c.person()
    return (f"outcomes-etl: PHQ-9 export row failed schema (score out of range)\n"
            f"client\tdob\tzip\tscore\tadministered\n{c.nm(p, 'fl')}\t{c.dob('iso')}\t{c.zip(False)}\t31\t{c.ts('iso_z')}")


@T("odd/fixed-width-eligibility")
def _(c):
    p = c.person()
    l = c.nm(p, "LAST")
    f = c.nm(p, "FIRST")
    return (f"eligibility-poller: fixed-width record {c.cnt(1, 9000)} bad length\n"
            f"{c.plan():<14} {l:<20} {f:<15} {c.dob('hl7')} {c.ssn('plain')} {c.zip(False)}  A {c.K('plan_code', 'BH' + str(c.ri(10, 99)))}")


@T("odd/markdown-postmortem-table")
def _(c):
    p = c.person()
    eng = c.person()
    return ("## Timeline\n| time (UTC) | event |\n|---|---|\n"
            f"| {c.ts('hm')} | reminder job sent {c.nm(p, 'fl')}'s appointment ({c.appt()}) to wrong number {c.phone()} |\n"
            f"| {c.ts('hm')} | {c.nm(eng, 'fl')} disabled {c.svc()} |\n"
            f"| {c.ts('hm')} | {c.cnt(2, 80)} messages recalled |")


@T("odd/html-report-table")
def _(c):
    a, b = c.person(), c.person()
    return ("<h3>Unsigned notes older than 72h</h3><table><tr><th>Client</th><th>Age</th><th>DOS</th><th>Clinician</th></tr>"
            f"<tr><td>{c.nm(a)}</td><td>{c.age90() if c.coin(0.6) else c.ri(19, 70)}</td><td>{c.appt('mdy0')}</td><td>{c.nm(b, 'il')}</td></tr></table>"
            f"<p>generated {c.ts('space')} by {c.svc()}</p>")


@T("odd/yaml-test-fixture")
def _(c):
    p = c.person()
    return (f"secret-scan (pre-commit) blocked fixtures/patients.yml: looks like real PHI\n"
            f"- id: {c.dbid()}\n  name: {c.nm(p, 'fl')}\n  dob: {c.dob('iso')}\n  ssn: \"{c.ssn()}\"\n"
            f"  address: {{line1: \"{c.addr()}\", city: {c.city()}, zip: \"{c.zip()}\"}}\n  dx: {c.icd()}")


@T("odd/toml-oncall-config")
def _(c):
    a = c.person()
    return (f"config lint error in escalation.toml line 7: duplicate key\n"
            f"[escalation.clinical]\nprimary = \"{c.nm(a, 'fl')}\"\nprimary_phone = \"{c.phone()}\"\n"
            f"primary_npi = \"{c.npi()}\"\ntimeout = \"{c.dur()}\"\nservice = \"{c.svc()}\"")


@T("odd/ini-fax-printer")
def _(c):
    cp = c.person()
    return (f"fax-gateway: could not parse /etc/faxprint.ini ({c.K('exception', 'configparser.DuplicateSectionError')})\n"
            f"[default]\nrecipient_name = {c.nm(cp, 'fl')}\nrecipient_fax = {c.fax()}\n"
            f"cover_sheet = yes\nretries = 3\nport = {c.port()}")


@T("odd/log-prefix-patient")
def _(c):
    p = c.person()
    m = c.mrn()
    return (f"{c.ts('space_ms')} INFO [pt:{m}|{c.nm(p, 'lf')}] [{c.svc()}] rendering superbill {c.job()} ({c.cpt()}, {c.icd()})\n"
            f"{c.ts('space_ms')} ERROR [pt:{m}|{c.nm(p, 'lf')}] [{c.svc()}] {c.K('exception', 'TemplateSyntaxError')}: unexpected '}}'")


@T("odd/s3-access-log-key")
def _(c):
    p = c.person()
    nm = c.P("NAME", f"{_ascii(p.last) or 'x'}-{_ascii(p.first) or 'y'}".lower())
    m = c.mrn()
    key = c.P("URL", f"intake/{m}/{nm}/insurance-card-front.jpg")
    return (f"S3 server access log (bucket mh-portal-uploads): {c.sha(64)} mh-portal-uploads [{c.ts('clf')}] "
            f"{c.ip()} - {c.K('request_id', c.up(16, 'ABCDEF0123456789'))} REST.GET.OBJECT {key} "
            f"\"GET /{key} HTTP/1.1\" {c.status('403')} AccessDenied")


@T("odd/cups-print-job")
def _(c):
    p = c.person()
    fn = c.P("NAME", f"{p.last}{p.first}".replace(" ", ""))
    d = c.dob("hl7")
    return (f"cups: job {c.cnt(100, 9999)} 'Superbill_{fn}_{d}.pdf' held (printer front-desk-2 offline)\n"
            f"user faxsvc, {c.cnt(1, 12)} pages, queued {c.ts('syslog')}")


@T("odd/vcard-parse")
@M
def _(c):
    p = c.person()
    return (f"contacts import: vCard parse error (line 5: unknown property X-EMERGENCY)\n"
            f"BEGIN:VCARD\nVERSION:3.0\nFN:{c.nm(p, 'fl')}\nTEL;TYPE=CELL:{c.phone()}\n"
            f"ADR;TYPE=HOME:;;{c.addr()};{c.city()};{c.st()};{c.zip()};USA\nBDAY:{c.dob('iso')}\nEND:VCARD")


@T("odd/zpl-wristband-label")
def _(c):
    p = c.person()
    return (f"label printer ZT230 rejected ZPL (^BC barcode too long):\n"
            f"^XA^FO40,30^A0N,40,40^FDPT {c.nm(p, 'LF')}^FS^FO40,80^FDDOB {c.dob('mdy0')}^FS"
            f"^FO40,120^BCN,60,Y,N^FDMRN {c.mrn()}^FS^XZ\n"
            f"printer {c.K('printer_id', 'ZT230-' + str(c.ri(1, 9)))} firmware {c.ver()}")


@T("odd/usps-address-validation")
def _(c):
    p = c.person()
    return (f"USPS Addresses API {c.status('400')}: address not found\n"
            f"request: streetAddress={c.addr()}&city={c.city()}&state={c.st()}&ZIPCode={c.zip(False)}\n"
            f"context: mailing statement to {c.nm(p)} (guarantor {c.acct()})")


@T("odd/sftp-upload-filenames")
def _(c):
    s = c.ssn("plain")
    p = c.person()
    nm = c.P("NAME", (_ascii(p.last) or "x").upper())
    return (f"sftp put to edi.clearinghouse.example failed: 550 filename contains disallowed pattern\n"
            f"  local: /outbound/eligibility/{nm}_{s}_{c.ts('epoch')}.csv\n"
            f"  session {c.uuid()} | {c.dur()}")


@T("odd/metric-name-email")
def _(c):
    e = c.email()
    return (f"Datadog: custom metric limit exceeded ({c.cnt(1000, 90000)} > 1000) for metric prefix portal.user.*\n"
            f"newest tags: user:{e}, dob:{c.dob('iso')}, env:prod, service:{c.svc()}")


# ---------------------------------------------------------------- extra coverage for rarer kinds
@T("payments/parking-validation")
def _(c):
    p = c.person()
    return (f"ParkMobile validation API {c.status('422')}: plate {c.plate()} ({c.st()}) already validated today\n"
            f"validation for visitor {c.nm(p)} | appointment {c.appt()} | code {c.K('validation_code', 'PV-' + c.hexs(6).upper())} | {c.ts('iso_z')}")


@T("forms/nemt-ride-request")
@M
def _(c):
    p = c.person()
    d = c.person()
    return (f"NEMT ride request rejected by broker (pickup outside service area), request {c.uuid()}\n"
            f"member {c.nm(p)} | Medicaid ID {c.plan('medicaid')} | DOB {c.dob()} | pickup {c.addr()}, {c.city()} {c.zip()}\n"
            f"assigned driver {c.nm(d, 'fli')} | vehicle plate {c.plate()} | VIN {c.vin()} | trip for {c.appt()}")


@T("monitor/lpr-camera-match")
def _(c):
    p = c.person()
    return (f"[Genetec] LPR hit on camera lot-east-2 ({c.ts('iso_ms')}): plate {c.plate()} confidence 0.{c.ri(80, 99)}\n"
            f"matched visitor pass for {c.nm(p)} (no-trespass order on file, case {c.caseno()}); notify front desk\n"
            f"event {c.uuid()} | rule {c.K('rule_id', 'R-' + str(c.ri(100, 999)))}")


@T("clinical/diversion-interlock-report")
def _(c):
    p = c.person()
    return (f"roi-service: DUII diversion compliance report failed to send to court ({c.status('502')})\n"
            f"participant {c.nm(p)} | DOB {c.dob()} | case {c.caseno()} | ignition interlock serial {c.serial()} | "
            f"vehicle VIN {c.vin()} | sessions attended {c.cnt(2, 30)} of 36 | last {c.appt()}")


@T("clinical/risk-model-features")
def _(c):
    p = c.person()
    if c.coin(0.8):
        age, dob = c.old_pair("iso")
        age = int(age)
    else:
        age = c.ri(18, 80)
        dob = c.dob("iso", ymd=(2024 - age, c.ri(1, 12), c.ri(1, 28)))
    feats = J({"patient_ref": c.mrn(), "name": c.nm(p, "fl"), "age": age, "dob": dob,
               "phq9_last": c.ri(0, 27), "icd10": c.icd(), "missed_visits_90d": c.ri(0, 6)})
    return (f"outcomes-etl: risk model {c.ver()} rejected feature row (age outside training range)\n"
            f"{feats}\nmodel run {c.uuid()} | {c.ts('iso_z')}")


@T("human/voicemail-elder-spanish")
@M
def _(c):
    p = c.person("hispanic")
    a = Person(c.ch(GROUPS["hispanic"][0]), c.ch(GROUPS["hispanic"][1]), "R", "Tata")
    age, dob = c.old_pair("es")
    return (f"Buzón de voz ({c.secs()}) de {c.phone()}:\n"
            f"\"Buenos días, habla {c.nm(p, 'fl')}. Llamo por mi abuela {c.nm(a, 'fl')}, tiene {age} años y ya no "
            f"quiere salir de la casa. Nació el {dob}. ¿Le pueden dar cita con la psicóloga? Gracias.\"")


@T("queue/medicare-eligibility-batch")
def _(c):
    rows = []
    for _i in range(2):
        p = c.person()
        rows.append(f"  {c.mbi()}  {c.nm(p, 'LF'):<30} age {c.age90()}  status=terminated")
    return (f"eligibility-poller: Medicare batch {c.job()} finished with {c.cnt(2, 40)} terminations ({c.dur()})\n"
            + "\n".join(rows) + f"\nnext poll {c.ts('iso_z')}")


@T("payments/collections-export")
def _(c):
    p = c.person()
    return (f"collections-export: vendor SFTP rejected file {c.K('file', 'coll_' + c.hexs(8) + '.txt')} (SSN column must be masked)\n"
            f"GUARANTOR|SSN|ACCOUNT|BALANCE|ADDRESS\n"
            f"{c.nm(p, 'LF')}|{c.ssn()}|{c.acct()}|{c.amt()}|{c.addr(up=True)} {c.city(up=True)} {c.st()} {c.zip(False)}")


@T("support/caqh-credentialing")
def _(c):
    cp = c.person()
    return (f"credentialing: CAQH ProView attestation sync failed ({c.status('401')}) for provider {c.nm(cp, 'fl')}\n"
            f"NPI {c.npi()} | state licence {c.statelic()} | DEA {c.dea(cp.last)} | SSN {c.ssn()} | "
            f"practice fax {c.fax()} | CAQH ID {c.P('OTHER_ID', c.ndig(8))}\nticket {c.tkt('CRED-')}")


@T("clinical/prior-auth-fax-cover")
def _(c):
    p = c.person()
    cp, cl = c.clin("fl")
    return (f"fax-gateway OCR of outbound cover sheet (job {c.job()}) failed field check: 'To fax' unreadable\n"
            f"TO: {c.payer()} Utilization Review (fax on file, routing code {c.K('routing_code', 'UR-' + str(c.ri(10, 99)))})\n"
            f"FROM: {cl}  FAX: {c.fax()}  PHONE: {c.phone()}\n"
            f"RE: {c.nm(p)}  DOB {c.dob()}  member {c.plan()}  CPT {c.cpt()}")


@T("messaging/efax-outbound-queue")
def _(c):
    rows = []
    for _i in range(3):
        p = c.person()
        rows.append(f"  {c.K('fax_job', 'FX' + str(c.ri(100000, 999999)))}  to {c.fax():<18} re {c.nm(p, 'lf')}  tries={c.ri(1, 6)}")
    return f"e-fax outbound queue backed up ({c.cnt(20, 400)} pending), oldest:\n" + "\n".join(rows)


@T("mobile/intune-lost-mode")
def _(c):
    p = c.person()
    return (f"Intune: lost mode enabled on loaner phone | IMEI {c.imei()} | serial {c.serial()}\n"
            f"assigned user {c.nm(p)} ({c.email(p)}) | last check-in {c.ts('iso_z')} from {c.ip()} near {c.city()}, {c.st()}")


@T("mobile/android-device-binding")
def _(c):
    p = c.person()
    return (f"identity-svc: device binding rejected (IMEI already bound to another account)\n"
            f"imei={c.imei('raw')} android_serial={c.serial()} user={c.username(p)} phone={c.phone('e164')} "
            f"app={c.ver()} request={c.reqid()}")


@T("messaging/sms-link-click-log")
def _(c):
    m = c.mrn()
    tok = c.hexs(10)
    url = c.P("URL", f"https://go.{c.clinic()[1]}/r/{tok}?dest=/intake/{m}/consent")
    return (f"link-shortener: redirect target {c.status('404')} ({c.ts('clf')}) for {url}\n"
            f"clicked from {c.ip()} ua=\"Mozilla/5.0 (Linux; Android 14)\" campaign=intake-reminder")


@T("web/referer-search-query")
def _(c):
    p = c.person()
    q = c.P("NAME", f"{p.first}+{p.last}".replace(" ", "+"))
    url = c.P("URL", f"https://ehr.{c.clinic()[1]}/patients/search?q={q}&dob={c.dob('iso')}")
    return (f"analytics-proxy: dropped event with Referer header containing PHI\n"
            f"Referer: {url}\nevent page_view | session {c.uuid()} | {c.ts('iso_z')}")


@T("odd/sharepoint-sharing-link")
def _(c):
    p = c.person()
    nm = c.P("NAME", f"{p.last}, {p.first}")
    d = c.dob("mdy0").replace("/", "-") if False else c.dob("iso")
    path = c.P("URL", f"https://{c.ch(['cedarhollow', 'lumenco', 'riverbendbh'])}.sharepoint.com/sites/Clinical/Client Files/{nm} ({d})/Intake.docx")
    return (f"DLP policy match (anonymous sharing link created) by {c.svc()}-automation\n"
            f"item: {path}\nlink expires never | rule {c.K('rule_id', 'DLP-' + str(c.ri(100, 999)))}")


# ==========================================================================
# clean templates: look-alikes only, no PHI
# ==========================================================================
@T("monitor/datadog-cpu-clean", clean=True)
def _(c):
    return (f"[Datadog] Warn: CPU > 85% on {c.host()} (service:{c.svc()}, region:{c.region()})\n"
            f"avg:system.cpu.user{{service:{c.svc()}}} = {c.ri(86, 99)}.{c.ri(0, 9)} over last 5m\n"
            f"Triggered {c.ts('iso_z')} | monitor id {c.K('monitor_id', str(c.ri(1000000, 9999999)))} | trace {c.dd_trace()}")


@T("monitor/cloudwatch-rds-clean", clean=True)
def _(c):
    return (f"ALARM: \"rds-ehr-replica-lag\" in US East (N. Virginia)\n"
            f"Threshold Crossed: ReplicaLag {c.ri(31, 900)} > 30 seconds at {c.ts('iso_z')}\n"
            f"endpoint {c.K('host', 'ehr-replica-2.' + c.hexs(12) + '.' + c.ch(REGIONS) + '.rds.amazonaws.com')}:{c.K('port', '5432')} "
            f"writer {c.infra()} | {c.cnt()} connections | engine postgres {c.ver()}")


@T("monitor/pagerduty-resolved-clean", clean=True)
def _(c):
    return (f"PagerDuty | Incident {c.K('incident_id', '#' + str(c.ri(10000, 99999)))} RESOLVED: {c.svc()} 5xx > 2%\n"
            f"Escalation policy: sre-primary -> sre-secondary. Resolved by schedule \"clinical-platform weekday\".\n"
            f"Duration {c.dur()} | {c.cnt(3, 800)} alerts grouped | last alert {c.ts('iso_z')}")


@T("monitor/alertmanager-disk-clean", clean=True)
def _(c):
    return (f"[FIRING:2] NodeDiskPressure\n - instance={c.infra()}:9100 mountpoint=/var/lib/kafka\n"
            f" - instance={c.infra()}:9100 mountpoint=/var/lib/postgresql\n"
            f"summary: disk usage above 90% for 15m, free {c.ri(2, 30)} GiB\nstartsAt {c.ts('iso_ms')}")


@T("monitor/synthetic-login-clean", clean=True)
def _(c):
    return (f"Checkly: browser check \"portal login (synthetic user)\" degraded in {c.region()}\n"
            f"step 3 \"wait for dashboard\" took {c.dur()} (threshold 8000ms), HTTP {c.status('200')}\n"
            f"check id {c.uuid()} | runtime 2024.02 | playwright {c.ver()}")


@T("monitor/newrelic-apdex-clean", clean=True)
def _(c):
    return (f"New Relic: Apdex for {c.svc()} dropped to 0.{c.ri(50, 84)} (target 0.94)\n"
            f"slowest transaction WebTransaction/Controller/claims#submit avg {c.dur()}, {c.cnt()} calls/min\n"
            f"top SQL: SELECT * FROM {c.K('sql_table', 'claim_lines')} WHERE {c.K('sql_column', 'claim_id')} = $1 ({c.dur()})")


@T("queue/kafka-consumer-lag-clean", clean=True)
def _(c):
    return (f"Kafka consumer group {c.svc()}-cg lag {c.cnt(5000, 900000)} on topic hl7.inbound "
            f"(partitions 0-11) since {c.ts('iso_z')}\nbroker {c.infra()}:{c.K('port', '9092')} | "
            f"max offset {c.cnt(10 ** 6, 10 ** 8)} | rebalance count {c.ri(2, 30)}")


@T("queue/sqs-dlq-ids-clean", clean=True)
def _(c):
    body = J({"type": "claim.resubmit", "claim_id": int(c.dbid()), "batch": c.job(),
              "cpt": [c.cpt(), c.cpt()], "icd10": [c.icd()], "amount_cents": int(c.cents())})
    return f"SQS DLQ claims-resubmit-dlq has {c.cnt(1, 40)} messages; sample {c.uuid()}:\n{body}"


@T("queue/celery-retry-clean", clean=True)
def _(c):
    return (f"[{c.ts('space_ms')}: WARNING/ForkPoolWorker-7] Task eligibility.tasks.poll_payer[{c.uuid()}] retry: "
            f"Retry in 120s: {c.K('exception', 'ConnectionResetError')}(104, 'Connection reset by peer')\n"
            f"payer={c.payer()} batch_size={c.cnt(10, 500)} attempt 2 of 6")


@T("queue/sidekiq-stats-clean", clean=True)
def _(c):
    return (f"Sidekiq: queue fax latency {c.dur()} exceeds SLO; enqueued {c.cnt()} busy {c.ri(1, 25)} "
            f"retries {c.cnt(1, 300)} dead {c.cnt(0, 40)}\nprocess {c.host()}:{c.ri(1, 9)} "
            f"jid {c.job()} class {c.K('exception', 'Faxage::BusyError')}")


@T("queue/hangfire-recurring-clean", clean=True)
def _(c):
    return (f"Hangfire recurring job \"era-import\" misfired: cron \"0 */2 * * *\" next run {c.ts('iso_z')}\n"
            f"last execution {c.dur()}, {c.cnt()} ERA files, total paid {c.amt()}, payer {c.payer()}")


@T("queue/dbt-accepted-values-clean", clean=True)
def _(c):
    return (f"dbt test failure: accepted_values_fct_sessions_cpt_code ({c.cnt(2, 90)} rows)\n"
            f"unexpected values: {c.cpt()}, {c.K('cpt', '90899')}, {c.cpt()}\n"
            f"model {c.K('sql_table', 'analytics.fct_sessions')} column {c.K('sql_column', 'cpt_code')} | run {c.uuid()} | {c.ts('iso_z')}")


@T("queue/cron-counts-clean", clean=True)
def _(c):
    return (f"[cron] nightly reminders {c.ts('space')}: queued {c.cnt()} sms, {c.cnt()} email, {c.cnt(0, 50)} voice; "
            f"skipped {c.cnt(0, 90)} (opted out); clinics=5 runtime {c.dur()} host {c.host()}")


@T("calendar/google-quota-clean", clean=True)
def _(c):
    return (f"calendar-sync: Google Calendar API {c.status('403')} rateLimitExceeded (quota {c.K('quota_user', 'user-' + c.hexs(8))}), "
            f"backing off {c.dur()}; {c.cnt()} channels to renew before {c.ts('iso_z')}")


@T("telehealth/zoom-url-validation-clean", clean=True)
def _(c):
    return (f"zoom webhook endpoint.url_validation ok for {c.svc()}; plainToken {c.K('token', c.hexs(22))} "
            f"encryptedToken {c.sha(64)}\nmeeting {c.K('meeting_id', c.ndig(11))} recording.completed "
            f"{c.cnt(2, 90)} files ({c.dur()})")


@T("payments/stripe-signature-clean", clean=True)
def _(c):
    return (f"Stripe webhook signature verification failed for {c.stripe('evt')} "
            f"({c.K('exception', 'SignatureVerificationError')}); tolerance 300s, timestamp {c.ts('epoch')}\n"
            f"type invoice.paid amount_paid={c.cents()} invoice {c.stripe('in')} customer {c.stripe('cus')}")


@T("payments/square-payout-clean", clean=True)
def _(c):
    return (f"Square payout {c.K('payout_id', 'po_' + c.hexs(20))} FAILED: bank rejected (R04)\n"
            f"amount {c.amt()} | {c.cnt(5, 200)} card payments | location main-office | {c.ts('iso_z')}")


@T("messaging/twilio-error-counts-clean", clean=True)
def _(c):
    return (f"Twilio Messaging Insights: error 30007 (carrier filtering) for {c.cnt(10, 900)} of {c.cnt(1000, 9000)} "
            f"reminders in the last 24h\nmessaging service {c.twsid('MG')} | campaign CXXX{c.hexs(4).upper()} | "
            f"carrier T-Mobile {c.ri(40, 90)}%")


@T("messaging/sendgrid-stats-clean", clean=True)
def _(c):
    return (f"SendGrid daily stats {c.ts('space')}: requests {c.cnt()} delivered {c.cnt()} "
            f"bounces {c.cnt(1, 90)} spam_reports {c.ri(0, 9)} category appointment-reminder; "
            f"ip pool transactional-2 reputation {c.ri(90, 99)}%")


@T("forms/docusign-connect-clean", clean=True)
def _(c):
    return (f"DocuSign Connect delivery failed {c.status('503')} to https://hooks.{c.svc()}.internal/docusign "
            f"for envelope {c.uuid()} (status completed); retry {c.ri(1, 9)} of 10 at {c.ts('iso_z')}")


@T("support/zendesk-sla-clean", clean=True)
def _(c):
    return (f"Zendesk SLA breach: {c.cnt(2, 40)} tickets in view \"Billing - Tier 2\" older than 48h; "
            f"oldest {c.tkt('#')} (tag: era-mismatch, payer: {c.payer()}, amount {c.amt()})")


@T("clinical/hl7-mllp-reset-clean", clean=True)
def _(c):
    return (f"hl7-listener: MLLP connection reset by peer {c.infra()}:{c.K('port', '2575')} after {c.cnt(1, 900)} "
            f"messages; last control id {c.K('control_id', str(c.ri(100000, 999999)))} ACK AA at {c.ts('hl7')}\n"
            f"{c.K('exception', 'java.net.SocketException')}: Connection reset")


@T("clinical/fhir-capability-clean", clean=True)
def _(c):
    return (f"GET https://fhir.cerner.example.com/r4/{c.uuid()}/metadata -> {c.status('503')} after {c.dur()}\n"
            f"{c.K('exception', 'FhirClientConnectionException')}: failed to retrieve CapabilityStatement; "
            f"fhirVersion 4.0.1; retrying with backoff")


@T("clinical/availity-999-clean", clean=True)
def _(c):
    return (f"Availity 999 for batch {c.job()}: AK9*P*{c.ri(20, 200)}*{c.ri(20, 200)}*{c.ri(0, 5)}~ "
            f"IK5*R*5~ (transaction set 837P, control {c.K('control_id', '%09d' % c.ri(1, 999999999))})\n"
            f"payer {c.payer()}, total charge {c.amt()}, claims with {c.cpt()} / {c.icd()}")


@T("clinical/era-summary-clean", clean=True)
def _(c):
    return (f"era-poster summary {c.ts('iso_z')}: {c.cnt(10, 400)} claims posted, {c.cnt(0, 20)} denied "
            f"(CARC CO-45 x{c.ri(1, 9)}, PR-1 x{c.ri(1, 9)}, CO-197 x{c.ri(1, 9)}), paid {c.amt()}, "
            f"payer {c.payer()}")


@T("clinical/surescripts-directory-clean", clean=True)
def _(c):
    return (f"erx-bridge: Surescripts directory sync finished in {c.dur()}: {c.cnt()} pharmacies updated, "
            f"{c.cnt(0, 40)} deactivated, version {c.ver()} | next sync {c.ts('iso_z')}")


@T("mobile/ios-crash-clean", clean=True)
def _(c):
    return (f"Incident Identifier: {c.uuid(up=True)}\nHardware Model: iPhone15,3\n"
            f"OS Version: iOS 17.4.1 (21E236) | App MindfulPortal {c.ver()}\n"
            f"Exception Type: EXC_BAD_ACCESS (SIGSEGV) KERN_INVALID_ADDRESS at {c.K('address', '0x' + c.hexs(16))}\n"
            f"Thread 3 Crashed: 0 MindfulPortal JournalSyncOperation.main() + {c.ri(100, 900)}")


@T("mobile/android-gradle-clean", clean=True)
def _(c):
    return (f"Android CI build {c.K('run_id', str(c.ri(1000, 99999)))} failed: Execution failed for task ':app:mergeReleaseResources'\n"
            f"AAPT: error: resource drawable/ic_mood_7 not found | gradle {c.ver()} | commit {c.sha(7)} | {c.dur()}")


@T("web/react-chunkload-clean", clean=True)
def _(c):
    return (f"{c.K('exception', 'ChunkLoadError')}: Loading chunk {c.ri(100, 999)} failed.\n"
            f"(error: https://portal.example-cdn.net/_next/static/chunks/{c.sha(16)}.js)\n"
            f"release {c.ver()} | {c.cnt(2, 400)} events | first seen {c.ts('iso_z')}")


@T("web/csp-report-clean", clean=True)
def _(c):
    return (J({"csp-report": {"document-uri": "https://portal.example-cdn.net/login",
                              "violated-directive": "img-src", "blocked-uri": "data",
                              "status-code": int(c.status('200')), "line-number": c.ri(10, 900)}})
            + f" received {c.ts('iso_z')} via {c.svc()}")


@T("web/feature-flag-audit-clean", clean=True)
def _(c):
    return (f"LaunchDarkly audit: flag \"intake-v2-rollout\" targeting changed by team platform-web "
            f"rollout {c.ri(5, 95)}% -> {c.ri(5, 95)}% in environment production ({c.ts('iso_z')}), flag version {c.ri(2, 90)}, "
            f"audit id {c.K('audit_id', c.hexs(24))}")


@T("human/slack-deploy-clean", clean=True)
def _(c):
    return (f"#deploys | deploybot {c.ts('hm')}\n:rocket: {c.svc()} {c.ver()} rolled out to {c.region()} in {c.dur()} "
            f"({c.sha(7)}); canary error rate {c.ri(0, 3)}.{c.ri(0, 9)}%, migrations {c.cnt(0, 12)}")


@T("human/oncall-handoff-clean", clean=True)
def _(c):
    return (f"on-call handoff: quiet night. {c.svc()} paged at {c.ts('hm')} for {c.K('exception', 'OOMKilled')} "
            f"(limit 512Mi), bumped to 1Gi. Clearinghouse {c.payer()} batch resent ({c.cnt(10, 300)} claims). "
            f"Ticket {c.tkt('OPS-')} for follow-up.")


@T("odd/prometheus-clean", clean=True)
def _(c):
    return (f"# TYPE http_server_requests_seconds histogram\n"
            f"http_server_requests_seconds_count{{service=\"{c.svc()}\",status=\"{c.status()}\",route=\"/v1/claims/:id\"}} {c.cnt()}\n"
            f"http_server_requests_seconds_sum{{service=\"{c.svc()}\",status=\"{c.status()}\"}} {c.ri(10, 9000)}.{c.ri(0, 99)}\n"
            f"scraped from {c.infra()}:{c.port()} at {c.ts('epoch_ms')}")


@T("odd/nginx-infra-clean", clean=True)
def _(c):
    return (f"{c.infra()} - - [{c.ts('clf')}] \"GET /healthz HTTP/1.1\" 200 2 \"-\" \"kube-probe/1.29\"\n"
            f"{c.infra()} - - [{c.ts('clf')}] \"POST /v1/claims/batch HTTP/1.1\" {c.status()} {c.cnt(100, 9000)} "
            f"\"-\" \"claims-837-builder/{c.ver()}\" rt={c.ri(1, 30)}.{c.ri(100, 999)}")


@T("odd/yaml-deployment-clean", clean=True)
def _(c):
    return (f"kubectl apply failed: Deployment.apps \"{c.svc()}\" is invalid\n"
            f"spec:\n  replicas: {c.ri(2, 9)}\n  template:\n    spec:\n      containers:\n"
            f"      - image: registry.internal/{c.svc()}:{c.ver()}\n        ports: [{{containerPort: {c.port()}}}]\n"
            f"        resources: {{limits: {{memory: 1Gi}}}}")


@T("odd/csv-denials-clean", clean=True)
def _(c):
    return ("denials_by_code.csv (weekly)\ncarc,payer,count,amount\n"
            f"CO-45,{c.payer()},{c.cnt(2, 90)},{c.amt()}\nCO-197,{c.payer()},{c.cnt(2, 90)},{c.amt()}\n"
            f"PR-2,{c.payer()},{c.cnt(2, 90)},{c.amt()}")


@T("odd/markdown-timeline-clean", clean=True)
def _(c):
    return ("| time (UTC) | event |\n|---|---|\n"
            f"| {c.ts('iso_z')} | {c.svc()} error rate 14% |\n"
            f"| {c.ts('iso_z')} | rolled back to {c.ver()} |\n"
            f"| {c.ts('iso_z')} | {c.cnt(2, 900)} jobs replayed from DLQ |")


@T("odd/waf-log-clean", clean=True)
def _(c):
    return (f"AWS WAF BLOCK rule AWSManagedRulesSQLiRuleSet (SQLi_BODY) on POST /v1/search from ALB "
            f"{c.infra()} | request {c.uuid()} | {c.ts('epoch_ms')} | matched {c.K('sql_column', 'appointment_status')}")


@T("odd/toml-config-clean", clean=True)
def _(c):
    return (f"config lint: unknown key in retry.toml\n[retry]\nmax_attempts = {c.ri(3, 9)}\n"
            f"backoff = \"{c.dur()}\"\nqueue = \"{c.svc()}\"\nendpoint = \"{c.infra()}:{c.port()}\"")


# ==========================================================================
# verification
# ==========================================================================
def _name_tokens():
    toks = set()
    groups = list(GROUPS.values()) + [CYRILLIC]
    for g, s in groups:
        for n in g + s:
            for t in re.findall(r"[^\W\d_]+", n):
                tl = t.lower()
                if len(t) >= 3 and tl not in phi_score.COMMON_WORDS and tl not in PARTICLES:
                    toks.add(tl)
    for n in NICKS:
        if n.lower() not in phi_score.COMMON_WORDS:
            toks.add(n.lower())
    for st in STREETS:
        t = st.split()[0]
        if t.lower() not in phi_score.COMMON_WORDS and t != "Old":
            toks.add(t.lower())
    return toks


NAME_TOKENS = _name_tokens()
_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
RESIDUAL_PATTERNS = [
    ("email", re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+")),
    ("phone", re.compile(r"(?<![\w.])(?:\+?1[\s.-]?)?\(?[2-9]\d{2}\)?[\s.-]?[2-9]\d{2}[\s.-]?\d{4}(?!\d)")),
    ("intl-phone", re.compile(r"\+\d{1,3}[\s-]\d")),
    ("ssn", re.compile(r"(?<!\d)\d{3}[- ]\d{2}[- ]\d{4}(?!\d)")),
    ("date-slash", re.compile(r"(?<![\w/])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\w/])")),
    ("date-iso", re.compile(r"(?<!\d)(?:19|20)\d{2}[-/]\d{2}[-/]\d{2}(?!\d)")),
    ("date-dot", re.compile(r"(?<!\d)\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}(?!\d)")),
    ("date-month", re.compile(r"\b" + _MON + r"\s+\d{1,2}(?:st|nd|rd|th)?\b")),
    ("date-month2", re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r"\b")),
    ("digits", re.compile(r"\d{7,}")),
]
_IPV4 = re.compile(r"(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d.])")


def _infra_ip(a, b):
    return a == 10 or a == 127 or (a == 172 and 16 <= b <= 31) or (a == 192 and b == 168)


def scrub(text, phi):
    """A perfect scrubber: every labelled value (as a token) replaced by a marker."""
    out = text
    vals = sorted({(p["value"], p["kind"]) for p in phi}, key=lambda t: (-len(t[0]), t[0], t[1]))
    for i, (v, _k) in enumerate(vals):
        out = re.sub(phi_score._boundary_pattern(v), "\x00%d\x00" % i, out)
    for i, (_v, k) in enumerate(vals):
        out = out.replace("\x00%d\x00" % i, "[REDACTED:%s]" % k)
    return out


def residual_problems(out, keep):
    s = re.sub(r"\[REDACTED:[A-Z_0-9]+\]", " ", out)
    for k in sorted(keep, key=lambda x: (-len(x), x)):
        s = re.sub(phi_score._boundary_pattern(k), " ", s)
    probs = []
    for name, rx in RESIDUAL_PATTERNS:
        m = rx.search(s)
        if m:
            probs.append("residual %s: %r" % (name, m.group(0)))
    for m in _IPV4.finditer(s):
        a, b = int(m.group(1)), int(m.group(2))
        if all(int(g) <= 255 for g in m.groups()) and not _infra_ip(a, b):
            probs.append("residual public ip: %r" % m.group(0))
    for t in re.findall(r"[^\W\d_]+", s):
        if t.lower() in NAME_TOKENS:
            probs.append("residual name token: %r" % t)
    for city in CITIES:
        if phi_score.occurs(city, s):
            probs.append("residual city: %r" % city)
    return probs


def check_record(rec, expect_clean=None):
    errs = []
    for key in ("id", "family", "template", "text", "phi", "keep", "keep_kinds"):
        if key not in rec:
            errs.append("missing field " + key)
    if errs:
        return errs
    text = rec["text"]
    if rec["family"] != FAMILY:
        errs.append("family")
    if len(rec["keep"]) != len(rec["keep_kinds"]):
        errs.append("keep/keep_kinds length")
    if len(rec["keep"]) < 2:
        errs.append("fewer than 2 keep tokens")
    if expect_clean is True and rec["phi"]:
        errs.append("clean record has phi")
    if expect_clean is False and not rec["phi"]:
        errs.append("phi record has no phi")
    for p in rec["phi"]:
        if p["kind"] not in KINDS:
            errs.append("bad kind %r" % p["kind"])
        if not p["value"] or not phi_score.occurs(p["value"], text):
            errs.append("phi value not a bounded substring: %r" % p["value"])
    for k in rec["keep"]:
        if not phi_score.occurs(k, text):
            errs.append("keep token not a bounded substring: %r" % k)
    if errs:
        return errs
    out = scrub(text, rec["phi"])
    od = phi_score.digits_of(out)
    for p in rec["phi"]:
        why = phi_score.leak_reason(p["value"], p["kind"], out, od)
        if why:
            errs.append("leak after perfect scrub %s %r (%s)" % (p["kind"], p["value"], why))
    for k in rec["keep"]:
        if not phi_score.occurs(k, out):
            errs.append("keep token destroyed by scrub: %r" % k)
    errs.extend(residual_problems(out, rec["keep"]))
    return errs


# ==========================================================================
# generation
# ==========================================================================
def plan():
    order = list(PHI_TEMPLATES)
    random.Random("blind12-template-order").shuffle(order)
    corder = list(CLEAN_TEMPLATES)
    random.Random("blind12-clean-order").shuffle(corder)
    slots = []
    j = k = 0
    for i in range(N_RECORDS):
        if i % 5 == 4:
            slots.append((True,) + corder[k % len(corder)])
            k += 1
        else:
            slots.append((False,) + order[j % len(order)])
            j += 1
    return slots


def build(verbose=False):
    recs = []
    attempts = {}
    for i, (clean, name, fn) in enumerate(plan()):
        last = None
        for a in range(MAX_ATTEMPTS):
            c = C(random.Random("blind12:%d:%d" % (i, a)))
            text = fn(c)
            rec = {"id": "%s-%d" % (FAMILY, i), "family": FAMILY, "template": name, "text": text,
                   "phi": c.phi, "keep": c.keep, "keep_kinds": c.kk}
            errs = check_record(rec, expect_clean=clean)
            if not errs:
                break
            last = errs
        else:
            raise SystemExit("record %d (%s) failed %d draws: %s" % (i, name, MAX_ATTEMPTS, last))
        attempts.setdefault(name, []).append(a)
        recs.append(rec)
    if verbose:
        bad = sorted(((sum(v) / float(len(v)), n) for n, v in attempts.items()), reverse=True)[:12]
        for avg, n in bad:
            print("  redraws %-45s avg %.1f" % (n, avg))
    return recs


def serialise(recs):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


def report(recs, path):
    counts = {k: 0 for k in KINDS}
    for r in recs:
        for p in r["phi"]:
            counts[p["kind"]] += 1
    names = sorted({r["template"] for r in recs})
    styles = sorted({n.split("/")[0] for n in names})
    print("records: %d (clean %d)" % (len(recs), sum(1 for r in recs if not r["phi"])))
    print("phi values: %d" % sum(counts.values()))
    print("per kind: " + ", ".join("%s=%d" % (k, counts[k]) for k in KINDS))
    print("templates: %d (phi %d, clean %d) across %d styles: %s" % (
        len(names), len({r['template'] for r in recs if r['phi']}),
        len({r['template'] for r in recs if not r['phi']}), len(styles), ", ".join(styles)))
    print("keep tokens: %d" % sum(len(r["keep"]) for r in recs))
    if os.path.exists(path):
        print("file: %s (%d bytes)" % (path, os.path.getsize(path)))


def main(argv):
    check = "--check" in argv
    recs = build(verbose="-v" in argv)
    data = serialise(recs)
    if check:
        if not os.path.exists(OUT):
            raise SystemExit("missing %s" % OUT)
        with open(OUT, encoding="utf-8") as f:
            disk = f.read()
        if disk != data:
            raise SystemExit("FAIL: %s differs from regenerated output" % OUT)
        loaded = [json.loads(l) for l in disk.splitlines() if l.strip()]
        if len(loaded) != N_RECORDS:
            raise SystemExit("FAIL: expected %d records, got %d" % (N_RECORDS, len(loaded)))
        ids = [r["id"] for r in loaded]
        if len(set(ids)) != len(ids) or ids != ["%s-%d" % (FAMILY, i) for i in range(N_RECORDS)]:
            raise SystemExit("FAIL: ids")
        bad = 0
        for i, r in enumerate(loaded):
            errs = check_record(r, expect_clean=(i % 5 == 4))
            if errs:
                bad += 1
                print("INVALID %s: %s" % (r["id"], errs))
        missing = [k for k in KINDS if not any(p["kind"] == k for r in loaded for p in r["phi"])]
        if missing:
            raise SystemExit("FAIL: kinds never used: %s" % missing)
        if bad:
            raise SystemExit("FAIL: %d invalid records" % bad)
        report(loaded, OUT)
        print("OK: %s matches the generator and all %d records are valid" % (OUT, len(loaded)))
        return
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(data)
    report(recs, OUT)


if __name__ == "__main__":
    main(sys.argv[1:])
