#!/usr/bin/env python3
"""Blind synthetic PHI evaluation corpus for Relay's alert scrubber.

This generator was written BLIND: its author did not look at the scrubber
(relay/), its tests, the other corpus generators, or the dev/held-out corpora.
Only the shared README (format + labelling policy) and the scorer
(tests/data/phi_score.py) were read.  Name pools, templates and phrasing are
hand-written here; no Faker and no packaged name lists.  Standard library only.

Output: tests/data/phi_blind.jsonl -- 1,000 records, family "blind",
ids blind-00000 .. blind-00999, 200 of them with no PHI (look-alikes only).

Every record is self-checked the way phi_score.py judges it: a "perfect"
scrubber that replaces exactly the labelled values with "[REDACTED]" must leak
nothing and keep every keep token, and no keep token may overlap a PHI value.
A failing record is redrawn (up to 40 tries).

Run from the repository root:
    python3 tests/data/make_phi_blind.py            # (re)write phi_blind.jsonl
    python3 tests/data/make_phi_blind.py --check    # regenerate and compare bytes
    python3 tests/data/make_phi_blind.py --stats    # print counts per kind/template
Score a scrubber with:
    python3 tests/data/phi_score.py tests/data/phi_blind.jsonl -- COMMAND ...
"""
import datetime
import ipaddress
import json
import os
import random
import re
import sys
from collections import Counter, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import phi_score  # noqa: E402

OUT = os.path.join(HERE, "phi_blind.jsonl")
SEED = "relay-blind-phi-v1"
N_RECORDS = 1000
N_CLEAN = 200
MAX_TRIES = 40

# --------------------------------------------------------------------------
# hand-written pools
# --------------------------------------------------------------------------
GIVEN = """
Aaliyah Abdirahman Abebe Adaeze Adebayo Adrián Afua Agnieszka Ahmad Aiko Aisling Akua
Alejandra Aleksander Amara Anahí Anastasia Andrés Anh Anjali Anneliese Arjun Armando Astrid
Ayesha Bartholomew Beatriz Bích Bilal Bjørn Bongani Brigid Bronwyn Caoimhe Carmen Catalina
Chiamaka Chidi Chloé Chukwuemeka Cosmin Dagny Dalia Darnell Dawit Deepika Delroy Desislava
Dmitri Dolores Eamon Efua Ekaterina Eleni Emeka Émilie Enrique Esperanza Eun-ji Fatima
Fernando Fiifi Finnegan Folasade Franziska Gaurav Giorgos Giulia Gwendolyn Habib Hamza Haruto
Hiroshi Hoang Ifeoma Ignacio Ilse Imani Inès Ioana Isabela Ivo Jadwiga Jamal Jarrah Javier
Jelena Jin-woo Joaquín Jorge Jovana Kamala Kaito Kalani Kateryna Kehinde Keoni Khadija
Kwabena Lakshmi Laila Lavinia Leilani Liesel Lucía Lwazi Magdalena Mahmoud Malak Malia
Marisol Mateus Mehmet Mei-ling Mihail Mirela Moana Mohammed Nadia Naledi Nikhil Niamh Nnamdi
Noemí Oksana Olusegun Oluwaseun Omar Paolo Parisa Pita Priyanka Qiu Radhika Rafael Rania
Reza Rhiannon Rosalind Rukmini Saanvi Sadia Saoirse Sergei Shanice Shira Siddharth Sigrid
Siobhan Sione Soo-ah Suleiman Svetlana Tadeo Takeshi Tamar Tendai Thandiwe Tomasz Uchenna
Ulrike Valentina Vasil Vikram Wanjiru Wei Xiomara Yaw Yesenia Yohannes Yusuf Zainab Zanele
Zdeněk Zoë Zofia Zsófia Brittany Tyler Kayla DeShawn Jaylen Brianna Cody Dakota Ethan Olivia
Liam Mackenzie Trevor Whitney Courtney Dustin Heather Jeremiah Latoya Marcus Tamika Wyatt
Kimberly Gregory Harold Mildred Dorothy Ernest Gertrude Clarence Bernice Vernon Phyllis
Stanley Agnes Winifred Bobby Lizzie Manny Chuy Tito Kiki Rocco Bo Jo Ty Vy Thi Trinh
LaShonda Ximena Quinlan Ysolde Ozzie Fenella Tarquin
""".split()

SURNAMES = """
Okafor Adeyemi Nwosu Mensah Boateng Asante Tesfaye Haile Abdi Warsame Al-Sayed Haddad Khoury
Nasser Farahani Tehrani Yılmaz Öztürk Demir Patel Venkataraman Subramanian Reddy Chaudhary
Sandhu Dhillon Qureshi Siddiqui Rahman Chowdhury Zhang Liu Huang Xu Nguyễn Trần Phạm Le Kim
Park Choi Jeong Tanaka Watanabe Yamamoto Kobayashi Santos Bautista Reyes Villanueva Srisai
Chaiyaporn Kowalski Wiśniewski Nowak Lewandowski Ivanov Petrova Kuznetsov Shevchenko
Bondarenko Papadopoulos Georgiou Russo Esposito Bianchi Ferraro O'Sullivan O'Brien
McAllister MacLeod Llewellyn Pritchard Schneider Müller Weißmann Hoffmann Lindqvist
Johansson Søndergaard Kealoha Kahananui Cohen Ben-David Mizrahi Hovhannisyan Petrosyan
Beridze Kovács Szabó Dvořák Novák Tuilagi Fifita Jean-Baptiste Pierre-Louis Desrosiers
Campbell-Brown Thompson-Reid García-Márquez Hernández Rodríguez Gutiérrez Quispe Mamani
Oliveira Gonçalves Pereira Okonkwo Eze Obi Achebe Nakamura-Ortiz D'Angelo DiMaggio LaFleur
Thibodeaux Broussard Fontenot Yazzie Begay Tsosie Benally Zimmerman Kowalczyk Blackwood
Ashworth Featherstonehaugh Cholmondeley Przybylski Szczepański Wojciechowski Vuković
Marković Petrović Đorđević Abubakar Bello Danjuma Kariuki Otieno Wanjiku Mwangi Ndlovu
Dlamini Mokoena Fourie Takahashi Sasaki Kuroda Hwang Seo Yoon Toussaint Beaumont Lefebvre
Moreau Gauthier Hakobyan Grigoryan Aziz Hakimi Karimi Rostami Mahmoudi Ansari Iyer Menon
Pillai Nair Krishnamurthy Bhattacharya Mukherjee Banerjee Ghosh Ng Wong Chan Ho Lam
Oyelaran-Hughes Kaʻaihue Quiñones Ibáñez Złotnicki Vasquez-Whitfield Ruiz Delacroix
""".split() + ["van der Berg", "van den Heuvel", "de Vries", "Dela Cruz", "Da Silva",
               "St. Clair", "Van Wyk", "Ní Bhriain", "Ó Súilleabháin", "bin Yusof",
               "de la Fuente", "Abu Khalil"]

MIDDLE = "ABCDEFGHJKLMNPRSTW"

CITIES = [
    ("Tacoma", "WA", "984"), ("Spokane", "WA", "992"), ("Walla Walla", "WA", "993"),
    ("Boise", "ID", "837"), ("Coeur d'Alene", "ID", "838"), ("Salem", "OR", "973"),
    ("Fresno", "CA", "937"), ("Modesto", "CA", "953"), ("Bakersfield", "CA", "933"),
    ("Tucson", "AZ", "857"), ("Tempe", "AZ", "852"), ("Albuquerque", "NM", "871"),
    ("Santa Fe", "NM", "875"), ("El Paso", "TX", "799"), ("Lubbock", "TX", "794"),
    ("Amarillo", "TX", "791"), ("Laredo", "TX", "780"), ("Tulsa", "OK", "741"),
    ("Wichita", "KS", "672"), ("Omaha", "NE", "681"), ("Des Moines", "IA", "503"),
    ("Cedar Rapids", "IA", "524"), ("Duluth", "MN", "558"), ("Saint Paul", "MN", "551"),
    ("Green Bay", "WI", "543"), ("Peoria", "IL", "616"), ("Dayton", "OH", "454"),
    ("Akron", "OH", "443"), ("Toledo", "OH", "436"), ("Erie", "PA", "165"),
    ("Scranton", "PA", "185"), ("Allentown", "PA", "181"), ("Trenton", "NJ", "086"),
    ("Yonkers", "NY", "107"), ("Syracuse", "NY", "132"), ("Utica", "NY", "135"),
    ("Poughkeepsie", "NY", "126"), ("Burlington", "VT", "054"), ("Bangor", "ME", "044"),
    ("Hartford", "CT", "061"), ("New Haven", "CT", "065"), ("Providence", "RI", "029"),
    ("Worcester", "MA", "016"), ("Lowell", "MA", "018"), ("Baltimore", "MD", "212"),
    ("Richmond", "VA", "232"), ("Norfolk", "VA", "235"), ("Roanoke", "VA", "240"),
    ("Durham", "NC", "277"), ("Asheville", "NC", "288"), ("Winston-Salem", "NC", "271"),
    ("Savannah", "GA", "314"), ("Macon", "GA", "312"), ("Tallahassee", "FL", "323"),
    ("Gainesville", "FL", "326"), ("Pensacola", "FL", "325"), ("Montgomery", "AL", "361"),
    ("Shreveport", "LA", "711"), ("Baton Rouge", "LA", "708"), ("Little Rock", "AR", "722"),
    ("Knoxville", "TN", "379"), ("Chattanooga", "TN", "374"), ("Louisville", "KY", "402"),
    ("Evansville", "IN", "477"), ("Fort Wayne", "IN", "468"), ("Kalamazoo", "MI", "490"),
    ("Ypsilanti", "MI", "481"), ("Lansing", "MI", "489"), ("Fargo", "ND", "581"),
    ("Bismarck", "ND", "585"), ("Rapid City", "SD", "577"), ("Billings", "MT", "591"),
    ("Missoula", "MT", "598"), ("Cheyenne", "WY", "820"), ("Provo", "UT", "846"),
    ("Ogden", "UT", "844"), ("Reno", "NV", "895"), ("Anchorage", "AK", "995"),
    ("Hilo", "HI", "967"), ("Pueblo", "CO", "810"), ("Boulder", "CO", "803"),
    ("St. Louis", "MO", "631"), ("Kenosha", "WI", "531"), ("Muskogee", "OK", "744"),
    ("Bozeman", "MT", "597"), ("Flagstaff", "AZ", "860"), ("Hoboken", "NJ", "070"),
]

STREETS = """Larkspur Juniper Cottonwood Alder Magnolia Sycamore Wisteria Tamarack Hawthorne
Linden Mesquite Chokecherry Quail Ridge Meadowlark Sagebrush Cedar Birchwood Dogwood Orchard
Kingfisher Ashbury Halsted Delancey Mulberry Marigold Pinecrest Fairmount Edgewater Riverbend
Harbor Highland Prospect Greenleaf Buckeye Sandpiper Thornbury Whitcomb Cloverdale Foxglove
Sequoia Ironwood Briar Palisade Tanglewood Wexford Dunmore Ocotillo Saguaro Kenwood""".split()
SUFFIX = ["St", "Street", "Ave", "Avenue", "Rd", "Road", "Ln", "Lane", "Dr", "Drive", "Blvd",
          "Ct", "Way", "Pl", "Terrace", "Pkwy", "Cir", "Loop", "Trail"]
DIRS = ["N", "S", "E", "W", "NE", "SW", "NW", "SE"]

PAYERS = ["Aetna", "Cigna", "UnitedHealthcare", "Blue Shield of California", "Kaiser Permanente",
          "Humana", "Anthem", "Optum Behavioral Health", "Magellan Health", "Carelon",
          "Medicaid", "Medicare", "Tricare West", "Molina Healthcare", "Centene", "Oscar Health",
          "Highmark", "Premera Blue Cross", "Regence", "Ambetter", "CareFirst", "Beacon Health Options"]
ICD = ["F41.1", "F33.1", "F32.9", "F43.10", "F43.23", "F90.0", "F31.81", "F42.2", "F50.02",
       "F60.3", "F10.20", "F11.20", "Z63.0", "Z91.19", "F84.0", "F40.10", "F34.1", "F43.12"]
CPT = ["90791", "90792", "90832", "90834", "90837", "90846", "90847", "90853", "96127",
       "99213", "99214", "90839", "90840", "96130", "H0031", "H2019"]
EXC_PY = ["ValueError", "KeyError", "TypeError", "IntegrityError", "ValidationError",
          "AttributeError", "RuntimeError", "OperationalError", "DataError", "UnicodeEncodeError"]
SERVICES = ["intake-api", "scheduler", "billing-worker", "erx-bridge", "eligibility-svc",
            "notify-sms", "fax-gateway", "portal-web", "claims-837", "telehealth-signal",
            "docs-render", "audit-sink", "ocr-cards", "referrals", "hl7-ingest"]
BANKS = ["Chase", "Wells Fargo", "Bank of America", "US Bank", "PNC", "Navy Federal", "Ally"]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "proton.me", "hotmail.com",
           "aol.com", "comcast.net", "sbcglobal.net", "live.com", "ymail.com", "mail.com"]
PRACTICE_DOMAINS = ["stillwaterbh.org", "cedarcounseling.com", "northpinepsych.net",
                    "harborlightmh.org", "bluespruce-therapy.com", "meridianwellness.health"]
PORTAL_HOSTS = ["portal.stillwaterbh.org", "app.cedarcounseling.com", "my.northpinepsych.net",
                "clients.harborlightmh.org", "care.meridianwellness.health"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON = [m[:3] for m in MONTHS]
RELATIONS = ["mother", "father", "spouse", "sister", "brother", "daughter", "son", "partner",
             "grandmother", "aunt", "foster parent", "legal guardian", "friend", "roommate"]
CREDS = ["PsyD", "PhD", "LCSW", "LMHC", "MD", "NP", "LPC", "LMFT"]
CAR_MAKES = [("Toyota", "Corolla"), ("Honda", "Civic"), ("Ford", "F-150"), ("Subaru", "Outback"),
             ("Chevrolet", "Malibu"), ("Nissan", "Sentra"), ("Hyundai", "Elantra"),
             ("Kia", "Soul"), ("Tesla", "Model 3"), ("Dodge", "Grand Caravan")]
COUNTRIES = ["Nigeria", "India", "Mexico", "Philippines", "Vietnam", "Ukraine", "Brazil",
             "Kenya", "Colombia", "Poland", "Ethiopia", "South Korea", "Ireland", "Egypt"]


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------
def D(g, n):
    return "".join(g.choice("0123456789") for _ in range(n))


def H(g, n):
    return "".join(g.choice("0123456789abcdef") for _ in range(n))


def U(g, n, alphabet="ABCDEFGHJKLMNPRSTUVWXYZ"):
    return "".join(g.choice(alphabet) for _ in range(n))


def AN(g, n):
    return "".join(g.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(n))


def luhn_check(payload):
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def js(s):
    """util.inspect-style string literal."""
    return '"%s"' % s if "'" in s else "'%s'" % s


# --------------------------------------------------------------------------
# PHI value generators
# --------------------------------------------------------------------------
def given(g):
    return g.choice(GIVEN)


def surname(g):
    return g.choice(SURNAMES)


def person(g):
    """Return (first, last) with distinct letter parts."""
    while True:
        f, l = given(g), surname(g)
        if f.lower() != l.lower():
            return f, l


def name_str(g, first, last, style=None):
    style = style or g.choice(["fl", "fl", "fl", "fml", "lf", "lfm", "LF", "FL", "il", "f.l"])
    m = g.choice(MIDDLE)
    if style == "fl":
        return "%s %s" % (first, last)
    if style == "fml":
        return "%s %s. %s" % (first, m, last)
    if style == "lf":
        return "%s, %s" % (last, first)
    if style == "lfm":
        return "%s, %s %s." % (last, first, m)
    if style == "LF":
        return "%s, %s" % (last.upper(), first.upper())
    if style == "FL":
        return "%s %s" % (first.upper(), last.upper())
    if style == "il":
        return "%s. %s" % (first[0], last)
    return "%s %s" % (first, last)


def rand_date(g, y0, y1):
    start = datetime.date(y0, 1, 1).toordinal()
    end = datetime.date(y1, 12, 28).toordinal()
    return datetime.date.fromordinal(g.randint(start, end))


def dob(g, old=False):
    return rand_date(g, 1926, 1934) if old else rand_date(g, 1940, 2013)


def appt_date(g):
    return rand_date(g, 2023, 2026)


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return "%dth" % n
    return "%d%s" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


DATE_STYLES = ["us", "us_short", "iso", "dmy_abbr", "long_ord", "hl7", "dmy_long",
               "slash_iso", "mdy_abbr", "upper", "us_dash", "long", "us_nopad"]


def fmt_date(d, style):
    if style == "us":
        return d.strftime("%m/%d/%Y")
    if style == "us_short":
        return "%d/%d/%02d" % (d.month, d.day, d.year % 100)
    if style == "us_nopad":
        return "%d/%d/%d" % (d.month, d.day, d.year)
    if style == "iso":
        return d.isoformat()
    if style == "dmy_abbr":
        return "%02d-%s-%d" % (d.day, MON[d.month - 1], d.year)
    if style == "long_ord":
        return "%s %s, %d" % (MONTHS[d.month - 1], ordinal(d.day), d.year)
    if style == "long":
        return "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year)
    if style == "dot":
        return "%02d.%02d.%d" % (d.day, d.month, d.year)
    if style == "md":
        return "%s %d" % (MON[d.month - 1], d.day)
    if style == "md_long":
        return "%s %s" % (MONTHS[d.month - 1], ordinal(d.day))
    if style == "hl7":
        return d.strftime("%Y%m%d")
    if style == "pydate":
        return repr(d)
    if style == "dmy_long":
        return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
    if style == "slash_iso":
        return d.strftime("%Y/%m/%d")
    if style == "mdy_abbr":
        return "%s %d, %d" % (MON[d.month - 1], d.day, d.year)
    if style == "upper":
        return "%02d%s%d" % (d.day, MON[d.month - 1].upper(), d.year)
    if style == "us_dash":
        return d.strftime("%m-%d-%Y")
    raise ValueError(style)


def any_date(g, d, extra=()):
    return fmt_date(d, g.choice(DATE_STYLES + list(extra)))


BAD_NXX = {"555", "800", "888", "877", "866", "855", "844", "833", "900", "976", "700", "500"}


def nxx(g):
    while True:
        s = str(g.randint(2, 9)) + D(g, 2)
        if s[1:] != "11" and s not in BAD_NXX:
            return s


def phone(g, intl_ok=True):
    if intl_ok and g.random() < 0.12:
        return g.choice([
            lambda: "+44 20 7%s %s" % (D(g, 3), D(g, 4)),
            lambda: "+44 7%s %s" % (D(g, 3), D(g, 6)),
            lambda: "+52 55 %s %s" % (D(g, 4), D(g, 4)),
            lambda: "+52 1 33 %s %s" % (D(g, 4), D(g, 4)),
            lambda: "+91 9%s %s" % (D(g, 4), D(g, 5)),
            lambda: "+91-%s-%s" % ("9" + D(g, 4), D(g, 5)),
            lambda: "+234 803 %s %s" % (D(g, 3), D(g, 4)),
            lambda: "+63 917 %s %s" % (D(g, 3), D(g, 4)),
        ])()
    a, e, l = nxx(g), nxx(g), D(g, 4)
    f = g.choice(["({a}) {e}-{l}", "{a}-{e}-{l}", "{a}.{e}.{l}", "+1 {a} {e} {l}",
                  "+1 ({a}) {e}-{l}", "1-{a}-{e}-{l}", "{a}{e}{l}", "+1{a}{e}{l}",
                  "{a} {e} {l}", "({a}){e}-{l}", "+1-{a}-{e}-{l}", "1 ({a}) {e}-{l}"])
    return f.format(a=a, e=e, l=l)


def email(g, first=None, last=None):
    if first is None:
        first, last = person(g)
    fl = re.sub(r"[^a-z]", "", _ascii(first).lower()) or "pt"
    ll = re.sub(r"[^a-z]", "", _ascii(last).lower()) or "x"
    local = g.choice([
        "%s.%s" % (fl, ll), "%s%s" % (fl[0], ll), "%s_%s%s" % (fl, ll, D(g, 2)),
        "%s%s" % (ll, D(g, 4)), "%s.%s" % (ll, fl[0]), "%s%s%s" % (fl, ll[:1], D(g, 3)),
        "%s-%s" % (fl, ll), "%s+intake" % fl + ll[:3]])
    dom = g.choice(DOMAINS)
    return "%s@%s" % (local, dom)


_ASCII_MAP = str.maketrans("áàâäãåçéèêëíìîïñóòôöõøúùûüýÿšžčřěłśźżđğışőűœßæ", "aaaaaaceeeeiiiinoooooouuuuyyszcrelszzdgisouosa")


def _ascii(s):
    return s.lower().translate(_ASCII_MAP)


def staff_email(g, first, last):
    return "%s.%s@%s" % (re.sub(r"[^a-z]", "", _ascii(first)),
                          re.sub(r"[^a-z]", "", _ascii(last)), g.choice(PRACTICE_DOMAINS))


def ssn(g):
    while True:
        area = g.randint(1, 899)
        if area != 666:
            break
    grp, ser = g.randint(1, 99), g.randint(1, 9999)
    f = g.choice(["{a:03d}-{g:02d}-{s:04d}", "{a:03d}-{g:02d}-{s:04d}", "{a:03d} {g:02d} {s:04d}",
                  "{a:03d}{g:02d}{s:04d}"])
    return f.format(a=area, g=grp, s=ser)


def mrn(g):
    return g.choice([
        lambda: "MRN-%s" % D(g, 7), lambda: "MR%s" % D(g, 6), lambda: "E%s" % D(g, 7),
        lambda: "CHT-%s-%s" % (D(g, 4), D(g, 4)), lambda: "%s" % (str(g.randint(1, 9)) + D(g, 7)),
        lambda: "HMC%s" % D(g, 6), lambda: "SWB-%s" % D(g, 6), lambda: "%s-%s" % (D(g, 3), D(g, 5)),
    ])()


def mbi(g):
    A = "ACDEFGHJKMNPQRTUVWXY"
    N = "0123456789"
    ANs = A + N
    c = [g.choice("123456789"), g.choice(A), g.choice(ANs), g.choice(N), g.choice(A),
         g.choice(ANs), g.choice(N), g.choice(A), g.choice(A), g.choice(N), g.choice(N)]
    s = "".join(c)
    return s if g.random() < 0.5 else "%s-%s-%s" % (s[:4], s[4:7], s[7:])


def member_id(g):
    return g.choice([
        lambda: "%s%s" % (U(g, 3), D(g, 9)), lambda: "W%s" % D(g, 9), lambda: mbi(g),
        lambda: "%s%s" % (U(g, 1), D(g, 8)), lambda: "%s%sA" % (str(g.randint(9, 9)), D(g, 7)),
        lambda: "ZGP%s" % D(g, 7), lambda: "%s-%s-%s" % (U(g, 2), D(g, 5), D(g, 2)),
        lambda: "%s%s" % (D(g, 11), U(g, 1)),
    ])()


def group_no(g):
    return g.choice([lambda: D(g, 6), lambda: "%s-%s" % (D(g, 6), D(g, 4)),
                     lambda: "GRP%s" % D(g, 5), lambda: "%s%s" % (U(g, 2), D(g, 6))])()


def account_no(g):
    return g.choice([
        lambda: "PA-%s" % D(g, 8), lambda: D(g, 12), lambda: "%s-%s" % (D(g, 4), D(g, 5)),
        lambda: "ACCT%s" % D(g, 7), lambda: iban(g), lambda: "%s%s" % (D(g, 3), D(g, 7)),
        lambda: "G%s" % D(g, 6),
    ])()


def iban(g):
    bank = U(g, 4, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    bban = bank + D(g, 6) + D(g, 8)
    num = "".join(str(int(ch, 36)) for ch in bban + "GB00")
    ck = 98 - int(num) % 97
    return "GB%02d%s" % (ck, bban)


def npi(g):
    base = str(g.randint(1, 2)) + D(g, 8)
    return base + luhn_check("80840" + base)


def dea(g, last="X"):
    first = g.choice("ABFGM")
    l2 = re.sub(r"[^A-Z]", "", _ascii(last).upper())[:1] or "X"
    d = [g.randint(0, 9) for _ in range(6)]
    ck = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return first + l2 + "".join(map(str, d)) + str(ck)


def state_license(g):
    return g.choice([
        lambda: "PSY %s" % D(g, 5), lambda: "LCSW.%s" % D(g, 7), lambda: "LMHC%s" % D(g, 5),
        lambda: "LPC-%s" % D(g, 5), lambda: "MD%s" % D(g, 6), lambda: "A%s" % D(g, 5),
        lambda: "LMFT %s" % D(g, 6), lambda: "RN%s" % D(g, 7),
    ])()


def drivers_license(g):
    return g.choice([
        lambda: "%s%s" % (U(g, 1), D(g, 7)), lambda: "%s%s-%s-%s-%s" % (U(g, 1), D(g, 3), D(g, 3), D(g, 2), D(g, 3)),
        lambda: "WDL%s" % AN(g, 9), lambda: D(g, 9), lambda: "%s %s %s" % (D(g, 3), D(g, 3), D(g, 3)),
        lambda: "%s%s" % (U(g, 2), D(g, 6)),
    ])()


VIN_VAL = {c: v for c, v in zip("ABCDEFGHJKLMNPRSTUVWXYZ",
                                [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9])}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin(g):
    wmi = g.choice(["1HG", "1FT", "2T1", "3VW", "5YJ", "JTD", "KMH", "1G1", "WBA", "4S4", "JN1", "5NP"])
    chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    body = wmi + "".join(g.choice(chars) for _ in range(5)) + "0" + \
        g.choice("ABCDEFGHJKLMNPRSTVWXY123456789") + g.choice(chars) + D(g, 6)
    tot = sum((int(c) if c.isdigit() else VIN_VAL[c]) * w for c, w in zip(body, VIN_W))
    ck = tot % 11
    return body[:8] + ("X" if ck == 10 else str(ck)) + body[9:]


def plate(g):
    return g.choice([
        lambda: "%s%s%s" % (g.randint(1, 9), U(g, 3), D(g, 3)), lambda: "%s-%s" % (U(g, 3), D(g, 4)),
        lambda: "%s %s" % (U(g, 3), D(g, 3)), lambda: "%s%s%s" % (D(g, 3), U(g, 3), ""),
        lambda: "%s%s" % (U(g, 2), D(g, 5)), lambda: "%s-%s%s" % (D(g, 3), U(g, 1), D(g, 2)),
    ])()


def imei(g):
    base = g.choice(["35", "86", "01", "99", "35"]) + D(g, 12)
    full = base + luhn_check(base)
    if g.random() < 0.3:
        return "%s-%s-%s-%s" % (full[:2], full[2:8], full[8:14], full[14])
    return full


def mac(g):
    b = [g.randint(0, 255) for _ in range(6)]
    b[0] &= 0xFC
    sep = g.choice([":", "-", ":"])
    s = sep.join("%02x" % x for x in b)
    return s.upper() if g.random() < 0.6 else s


def serial(g):
    return g.choice([
        lambda: "C02%s" % AN(g, 9), lambda: "SN-%s-%s" % (AN(g, 4), D(g, 5)), lambda: "F%s" % AN(g, 10),
        lambda: "%s%s" % (D(g, 2), AN(g, 10)), lambda: "R58%s" % AN(g, 8), lambda: "DMPX%s" % AN(g, 8),
    ])()


def udid(g):
    return "0000%s-%s" % (D(g, 4), H(g, 16).upper())


def device_id(g):
    return g.choice([imei, mac, serial, serial, udid])(g)


def pub_ipv4(g):
    while True:
        a = ipaddress.IPv4Address(g.getrandbits(32))
        if a.is_global and not a.is_multicast and str(a).split(".")[0] not in ("10", "127", "172"):
            return str(a)


def pub_ipv6(g):
    while True:
        hext = [g.randint(0x2400, 0x2a0f)] + [g.getrandbits(16) for _ in range(7)]
        if g.random() < 0.5:
            i = g.randint(3, 5)
            hext[i] = hext[i + 1] = 0
        a = ipaddress.IPv6Address(":".join("%x" % h for h in hext))
        if a.is_global:
            return str(a)


def pub_ip(g):
    return pub_ipv6(g) if g.random() < 0.3 else pub_ipv4(g)


def other_id(g):
    return g.choice([court_case, passport, rx_number, a_number, probation_id])(g)


def court_case(g):
    y = g.randint(17, 25)
    return g.choice([
        lambda: "20%02d-MH-%s" % (y, D(g, 6)), lambda: "CR-%02d-%s" % (y, D(g, 6)),
        lambda: "%02dMH%s" % (y, D(g, 5)), lambda: "FAM-20%02d-%s" % (y, D(g, 5)),
        lambda: "%s-%02d-CV-%s" % (D(g, 2), y, D(g, 4)), lambda: "JV%02d-%s" % (y, D(g, 4)),
    ])()


def passport(g):
    return g.choice([lambda: "%s%s" % (U(g, 1), D(g, 8)), lambda: D(g, 9),
                     lambda: "%s%s" % (U(g, 2), D(g, 7))])()


def rx_number(g):
    return g.choice([lambda: D(g, 7), lambda: "RX%s" % D(g, 7), lambda: "%s-%s" % (D(g, 7), D(g, 2))])()


def a_number(g):
    return "A%s" % D(g, 9) if g.random() < 0.5 else "A-%s-%s-%s" % (D(g, 3), D(g, 3), D(g, 3))


def probation_id(g):
    return g.choice([lambda: "PO-%s" % D(g, 6), lambda: "DOC#%s" % D(g, 6), lambda: "SID %s" % D(g, 8)])()


def street(g):
    num = str(g.randint(1, 29999))
    parts = [num]
    if g.random() < 0.2:
        parts.append(g.choice(DIRS))
    parts.append(g.choice(STREETS))
    parts.append(g.choice(SUFFIX))
    s = " ".join(parts)
    r = g.random()
    if r < 0.15:
        s += " Apt %s%s" % (g.randint(1, 40), g.choice(["", "A", "B", "C"]))
    elif r < 0.25:
        s += ", Unit %d" % g.randint(1, 999)
    elif r < 0.33:
        s += " #%d" % g.randint(100, 999)
    elif r < 0.40:
        s = "PO Box %d" % g.randint(10, 99999)
    return s


def city(g):
    return g.choice(CITIES)


def zipc(g, prefix):
    z = prefix + D(g, 2)
    if z.endswith("00"):
        z = z[:-1] + "7"
    if g.random() < 0.3:
        z += "-" + D(g, 4)
    return z


def age90(g):
    return str(g.randint(90, 106))


# --------------------------------------------------------------------------
# keep (look-alike) generators
# --------------------------------------------------------------------------
def ts(g, style=None):
    d = datetime.datetime(g.randint(2023, 2025), g.randint(1, 12), g.randint(1, 28),
                          g.randint(0, 23), g.randint(0, 59), g.randint(0, 59), g.randint(0, 999999))
    style = style or g.choice(["iso_z", "iso_ms", "log", "iso_off", "syslog", "plain"])
    if style == "iso_z":
        return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)
    if style == "iso_ms":
        return d.strftime("%Y-%m-%dT%H:%M:%SZ")
    if style == "log":
        return d.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (d.microsecond // 1000)
    if style == "iso_off":
        return d.strftime("%Y-%m-%dT%H:%M:%S.%f") + g.choice(["+00:00", "-07:00", "-05:00"])
    if style == "syslog":
        return d.strftime("%b %d %H:%M:%S")
    if style == "nginx":
        return d.strftime("%d/%b/%Y:%H:%M:%S ") + g.choice(["+0000", "-0700"])
    if style == "erl":
        return d.strftime("%d-%b-%Y::%H:%M:%S")
    return d.strftime("%Y-%m-%d %H:%M:%S")


def uuid(g):
    return "%s-%s-4%s-%s%s-%s" % (H(g, 8), H(g, 4), H(g, 3), g.choice("89ab"), H(g, 3), H(g, 12))


def version(g):
    return "%d.%d.%d" % (g.randint(0, 9), g.randint(0, 30), g.randint(0, 40))


def req_id(g):
    return g.choice([lambda: "req_" + AN(g, 20).lower(), lambda: "rid-" + H(g, 16),
                     lambda: H(g, 32), lambda: "X-Req-" + H(g, 12)])()


def infra_ip(g):
    r = g.random()
    if r < 0.45:
        return "10.%d.%d.%d" % (g.randint(0, 255), g.randint(0, 255), g.randint(1, 254))
    if r < 0.85:
        return "172.%d.%d.%d" % (g.randint(16, 31), g.randint(0, 255), g.randint(1, 254))
    return "127.0.0.1"


def amount(g):
    return "$%d.%02d" % (g.randint(5, 2400), g.randint(0, 99))


def sha(g, n=40):
    return H(g, n)


def ticket(g):
    return g.choice([lambda: "OPS-%d" % g.randint(100, 9999), lambda: "INC%07d" % g.randint(1, 9999999),
                     lambda: "ord_%s" % AN(g, 14).lower(), lambda: "JIRA-%d" % g.randint(10, 9999),
                     lambda: "txn_%s" % H(g, 16)])()


def port(g):
    return str(g.choice([5432, 6379, 8080, 8443, 9092, 5672, 443, 3000, 50051, 9200, 1433, 4000]))


def dur(g):
    return g.choice(["%dms" % g.randint(2, 30000), "%.2fs" % (g.random() * 60),
                     "%d ms" % g.randint(2, 9000)])


# --------------------------------------------------------------------------
# record builder
# --------------------------------------------------------------------------
class R:
    def __init__(self, g):
        self.g = g
        self.phi = []
        self.keep = []

    # generic
    def p(self, kind, v):
        v = str(v)
        if (v, kind) not in self.phi:
            self.phi.append((v, kind))
        return v

    def k(self, kind, v):
        v = str(v)
        kind = re.sub(r"\d+$", "", kind)
        kind = {"c": "count", "e": "count", "trace": "request_id", "pid": "process_id",
                "goroutine": "process_id", "col": "line", "uid": "db_id", "job": "db_id",
                "order": "db_id", "meeting": "db_id", "msg_id": "db_id", "txn": "ticket",
                "payout": "ticket", "event_id": "request_id", "icd": "icd10"}.get(kind, kind)
        if len(v) >= 2 and all(v != x for x, _ in self.keep):
            self.keep.append((v, kind))
        return v

    def c(self, seq):
        return self.g.choice(seq)

    def chance(self, p):
        return self.g.random() < p

    # PHI shortcuts
    def person(self):
        return person(self.g)

    def N(self, first, last=None, style=None):
        if last is None:
            return self.p("NAME", first)
        return self.p("NAME", name_str(self.g, first, last, style))

    def FULL(self, style=None):
        f, l = self.person()
        return self.N(f, l, style)

    def DATE(self, d, style=None, extra=()):
        return self.p("DATE", fmt_date(d, style) if style else any_date(self.g, d, extra))

    def DOB(self, style=None, old=False, extra=()):
        return self.DATE(dob(self.g, old), style, extra)

    def APPT(self, style=None, extra=("md", "md_long")):
        return self.DATE(appt_date(self.g), style, extra)

    def PH(self, intl=True):
        return self.p("PHONE", phone(self.g, intl))

    def FX(self):
        return self.p("FAX", phone(self.g, False))

    def EM(self, first=None, last=None):
        return self.p("EMAIL", email(self.g, first, last))

    def SEM(self, first, last):
        return self.p("EMAIL", staff_email(self.g, first, last))

    def SSN(self):
        return self.p("SSN", ssn(self.g))

    def MRN(self):
        return self.p("MRN", mrn(self.g))

    def HP(self):
        return self.p("HEALTH_PLAN", member_id(self.g))

    def GRP(self):
        return self.p("HEALTH_PLAN", group_no(self.g))

    def ACCT(self):
        return self.p("ACCOUNT", account_no(self.g))

    def NPI(self):
        return self.p("LICENSE", npi(self.g))

    def DEA(self, last="X"):
        return self.p("LICENSE", dea(self.g, last))

    def LIC(self):
        return self.p("LICENSE", state_license(self.g))

    def DL(self):
        return self.p("LICENSE", drivers_license(self.g))

    def VIN(self):
        return self.p("VEHICLE", vin(self.g))

    def PLATE(self):
        return self.p("VEHICLE", plate(self.g))

    def DEV(self):
        return self.p("DEVICE", device_id(self.g))

    def IMEI(self):
        return self.p("DEVICE", imei(self.g))

    def MAC(self):
        return self.p("DEVICE", mac(self.g))

    def SER(self):
        return self.p("DEVICE", serial(self.g))

    def IP(self, v6=None):
        if v6 is None:
            return self.p("IP", pub_ip(self.g))
        return self.p("IP", pub_ipv6(self.g) if v6 else pub_ipv4(self.g))

    def OID(self, fn=None):
        return self.p("OTHER_ID", (fn or other_id)(self.g))

    def AGE(self):
        return self.p("AGE_OVER_89", age90(self.g))

    def ADDR(self):
        """Return (street, city, state, zip); street/city/zip labelled, state kept."""
        c, st, pre = city(self.g)
        return (self.p("ADDRESS", street(self.g)), self.p("CITY", c), st,
                self.p("ZIP", zipc(self.g, pre)))

    def URL(self, v):
        return self.p("URL", v)

    # keep shortcuts
    def TS(self, style=None):
        return self.k("timestamp", ts(self.g, style))

    def UUID(self):
        return self.k("uuid", uuid(self.g))

    def VER(self):
        return self.k("version", version(self.g))

    def RID(self):
        return self.k("request_id", req_id(self.g))

    def IIP(self):
        return self.k("infra_ip", infra_ip(self.g))

    def AMT(self):
        return self.k("amount", amount(self.g))

    def ICD(self):
        return self.k("icd10", self.c(ICD))

    def CPT(self):
        return self.k("cpt", self.c(CPT))

    def PAYER(self):
        return self.k("payer", self.c(PAYERS))

    def EXC(self, name=None):
        return self.k("exception", name or self.c(EXC_PY))

    def SVC(self):
        return self.k("service", self.c(SERVICES))

    def PORT(self):
        return self.k("port", port(self.g))

    def DUR(self):
        return self.k("duration", dur(self.g))

    def HASH(self, n=None):
        return self.k("hash", sha(self.g, n or self.c([7, 12, 40, 64])))

    def TICKET(self):
        return self.k("ticket", ticket(self.g))

    def YEAR(self):
        return self.k("year", str(self.g.randint(2019, 2026)))

    def INT(self, kind="db_id", lo=1000, hi=9999999):
        return self.k(kind, str(self.g.randint(lo, hi)))

    def STATUS(self, choices=(400, 404, 409, 422, 500, 502, 503, 504)):
        return self.k("status", str(self.c(choices)))


PHI_TEMPLATES = []
CLEAN_TEMPLATES = []


def T(fn):
    PHI_TEMPLATES.append(fn)
    return fn


def C(fn):
    CLEAN_TEMPLATES.append(fn)
    return fn


def pyrepr(d):
    return repr(d)


def jdump(d, indent=None):
    return json.dumps(d, ensure_ascii=False, indent=indent)


# --------------------------------------------------------------------------
# PHI templates
# --------------------------------------------------------------------------
@T
def py_traceback_locals(r):
    f, l = r.person()
    exc = r.EXC(r.c(["IntegrityError", "KeyError", "ValueError", "DataError"]))
    mod = r.k("module", r.c(["intake/forms.py", "billing/statements.py", "scheduling/booking.py",
                              "clients/merge.py"]))
    fn = r.c(["save_client", "merge_duplicates", "build_statement", "book_slot"])
    d = OrderedDict()
    d["first_name"] = r.N(f)
    d["last_name"] = r.N(l)
    d["dob"] = datetime.date(1, 1, 1)
    birth = dob(r.g)
    r.p("DATE", repr(birth))
    d["dob"] = birth
    if r.chance(0.6):
        d["ssn"] = r.SSN()
    d["mrn"] = r.MRN()
    d["phone"] = r.PH()
    d["clinic_id"] = int(r.INT())
    loc = "    client = %s" % pyrepr(dict(d))
    return ("Traceback (most recent call last):\n"
            '  File "/srv/app/%s", line %s, in %s\n    %s\n%s\n%s: %s\n'
            "Local variables (innermost frame):\n%s\n    attempt = %s" % (
                mod, r.INT("line", 20, 900), fn,
                r.c(["row = repo.insert(client)", "return self._commit(client)", "ledger[client['mrn']]"]),
                '  File "/usr/lib/python3.11/site-packages/psycopg/cursor.py", line 732, in execute',
                exc, r.c(["duplicate key on clients_natural_key", "'guarantor'", "cannot coerce payload"]),
                loc, r.INT("count", 1, 5)))


@T
def pydantic_validation(r):
    f, l = r.person()
    n_style = r.c(["fl", "FL", "fml"])
    nm = r.N(f, l, n_style)
    em = r.EM(f, l)
    street_, cty, st, z = r.ADDR()
    bad = r.c(["zip", "email", "phone"])
    ph = r.PH(False)
    val = {"zip": z, "email": em, "phone": ph}[bad]
    model = r.k("class", r.c(["IntakeSubmission", "ClientProfileIn", "GuarantorPayload"]))
    r.EXC("ValidationError")
    return ("pydantic_core._pydantic_core.ValidationError: 1 validation error for %s\n"
            "%s\n  %s [type=%s, input_value=%r, input_type=str]\n"
            "    For further information visit https://errors.pydantic.dev/%s/v/%s\n"
            "request body: {'full_name': %r, 'email': %r, 'street': %r, 'city': %r, 'state': %r, "
            "'postal_code': %r, 'mobile': %r}" % (
                model, bad, r.c(["String should match pattern", "Value error, not deliverable",
                                 "Input should be a valid string"]),
                r.c(["string_pattern_mismatch", "value_error"]), val, r.VER(), r.c(["string_pattern_mismatch", "value_error"]),
                nm, em, street_, cty, st, z, ph))


@T
def dataclass_repr(r):
    f, l = r.person()
    cls = r.c(["Client", "Patient", "Guarantor", "CareRecipient"])
    r.k("class", cls)
    s, c, st, z = r.ADDR()
    nm = r.N(f, l, r.c(["fl", "fml", "lf"]))
    parts = ["id=%s" % r.INT(), "display_name=%r" % nm]
    if r.chance(0.5):
        parts.append("birth_date=%s" % r.DATE(dob(r.g), "pydate"))
    else:
        parts.append("birth_date=%r" % r.DOB(r.c(["iso", "us"])))
    parts.append("address=Address(line1=%r, city=%r, region=%r, postal=%r)" % (s, c, st, z))
    if r.chance(0.5):
        parts.append("plan=Coverage(payer=%r, member_id=%r)" % (r.PAYER(), r.HP()))
    exc = r.EXC(r.c(["AttributeError", "TypeError", "KeyError"]))
    return "%s: %s\n  while handling %s(%s)\n  in %s" % (
        exc, r.c(["'NoneType' object has no attribute 'zip4'", "unhashable type: 'Address'",
                  "'preferred_pharmacy'"]), cls, ", ".join(parts),
        r.k("module", r.c(["relay_worker.jobs.mailing", "portal.views.profile", "billing.tasks"])))


@T
def node_inspect(r):
    f, l = r.person()
    exc = r.EXC(r.c(["TypeError", "RangeError", "Error"]))
    lines = ["{", "  patientName: %s," % js(r.N(f, l, r.c(["fl", "fml"]))),
             "  dob: %s," % js(r.DOB(r.c(["iso", "us", "us_dash"]))),
             "  insurance: {", "    carrier: %s," % js(r.PAYER()),
             "    memberId: %s," % js(r.HP())]
    if r.chance(0.6):
        lines.append("    groupNumber: %s," % js(r.GRP()))
    lines += ["    relationship: 'self'", "  },", "  contact: { email: %s, sms: %s }," % (js(r.EM(f, l)), js(r.PH())),
              "  createdAt: %s" % r.TS("iso_z"), "}"]
    return ("%s: Cannot read properties of undefined (reading '%s')\n"
            "    at normalizeCoverage (/app/dist/eligibility/normalize.js:%s:17)\n"
            "    at async Promise.all (index 0)\n"
            "payload => %s\nnode %s" % (exc, r.c(["subscriber", "payerId", "planCode"]),
                                         r.INT("line", 10, 400), "\n".join(lines), r.k("version", "v" + version(r.g))))


@T
def axios_rejection(r):
    m = r.MRN()
    host = r.c(PORTAL_HOSTS)
    url = r.URL("https://%s/api/v2/patients/%s/%s" % (host, m, r.c(["chart", "documents", "consents", "insurance"])))
    f, l = r.person()
    st = r.STATUS((401, 403, 404, 409, 500, 502))
    body = OrderedDict([("email", r.EM(f, l)), ("preferredName", r.N(f)),
                        ("lastName", r.N(l))])
    return ("[%s] UnhandledPromiseRejection: AxiosError: Request failed with status code %s\n"
            "  config.method: 'put'\n  config.url: '%s'\n  config.data: '%s'\n"
            "  response.headers['x-request-id']: '%s'" % (
                r.TS(), st, url, jdump(body), r.RID()))


@T
def rust_panic(r):
    f, l = r.person()
    v = r.c(["hp", "ssn", "dob"])
    if v == "hp":
        field, raw = "subscriber_id", r.HP()
    elif v == "ssn":
        field, raw = "ssn", r.SSN()
    else:
        field, raw = "birth_date", r.DOB(r.c(["us", "us_short", "dmy_abbr"]))
    nm = r.N(f, l, r.c(["lf", "LF", "fl"]))
    src = r.k("module", r.c(["src/claims/x12.rs", "src/ingest/roster.rs", "src/elig/parse.rs"]))
    txt = ("thread '%s' panicked at %s:%s:9:\n"
           "called `Result::unwrap()` on an `Err` value: ParseError { field: \"%s\", raw: \"%s\", "
           "subscriber: \"%s\" }\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace"
           % (r.c(["tokio-runtime-worker", "main", "roster-loader"]), src, r.INT("line", 10, 800), field, raw, nm))
    if r.chance(0.5):
        txt += ("\nError: failed to import roster batch %s\n\nCaused by:\n    0: row %s rejected\n"
                "    1: invalid %s %s" % (r.UUID(), r.INT("count", 2, 4000), field, raw))
    return txt


@T
def elixir_genserver(r):
    f, l = r.person()
    nm = r.N(f, l, "fl")
    ph = r.PH()
    d = r.APPT(r.c(["iso", "us"]))
    return ("[error] GenServer Reminders.Dispatcher terminating\n"
            "** (FunctionClauseError) no function clause matching in Reminders.Sms.render/2\n"
            "    (reminders %s) lib/reminders/sms.ex:%s: Reminders.Sms.render(%%{client: %%{name: \"%s\", "
            "mobile: \"%s\"}, visit: %%{on: \"%s\", cpt: \"%s\"}}, :es)\n"
            "Last message: {:dispatch, %s}\nState: %%{batch: %s, sent: %s}" % (
                r.VER(), r.INT("line", 10, 300), nm, ph, d, r.CPT(), r.INT(), r.UUID(), r.INT("count", 0, 90)))


@T
def erlang_crash_report(r):
    f, l = r.person()
    em = r.EM(f, l)
    return ("=CRASH REPORT==== %s ===\n  crasher:\n    initial call: portal_session:init/1\n"
            "    pid: <0.%s.0>\n    exception error: {badmatch,{error,{unknown_user,<<\"%s\"/utf8>>}}}\n"
            "      in function  portal_session:auth/2 (src/portal_session.erl, line %s)\n"
            "    dictionary: [{display_name,<<\"%s\"/utf8>>},{peer,{%s,%s}}]" % (
                r.TS("erl"), r.INT("pid", 100, 9999), em, r.INT("line", 10, 500), r.N(f, l, "fl"),
                "{" + ",".join(r.IP(False).split(".")) + "}" if False else '"%s"' % r.IP(False),
                r.PORT()))


@T
def swift_crash(r):
    f, l = r.person()
    ser = r.SER()
    ud = r.p("DEVICE", udid(r.g))
    em = r.EM(f, l)
    return ("Incident Identifier: %s\nHardware Model:      iPhone%s,%s\nProcess:             Harbor [%s]\n"
            "Version:             %s (%s)\nOS Version:          iPhone OS %s\n"
            "Device Serial:       %s\nUDID:                %s\n"
            "Exception Type:  EXC_CRASH (SIGABRT)\nLast Exception Backtrace: NSInvalidArgumentException\n"
            "userInfo: {\n    accountEmail = \"%s\";\n    lastVisit = \"%s\";\n}" % (
                r.k("uuid", uuid(r.g).upper()), r.g.randint(12, 16), r.g.randint(1, 8), r.INT("pid", 200, 9000),
                r.VER(), r.INT("build", 100, 999), "%d.%d" % (r.g.randint(15, 18), r.g.randint(0, 6)),
                ser, ud, em, r.APPT(r.c(["iso", "us", "mdy_abbr"]))))


@T
def celery_failure(r):
    f, l = r.person()
    tid = r.UUID()
    nm = r.N(f, l, r.c(["fl", "fml"]))
    ph = r.PH()
    ap = r.APPT(r.c(["md", "us", "iso", "md_long"]))
    exc = r.EXC(r.c(["TwilioRestException", "ConnectionError", "SMTPRecipientsRefused"]))
    return ("[%s: ERROR/ForkPoolWorker-%s] Task notify.tasks.send_visit_reminder[%s] raised unexpected: "
            "%s(%r)\nargs=(%r, %r)\nkwargs={'client_name': %r, 'visit_day': %r, 'template': 'reminder_v%s'}"
            % (r.TS("log"), r.g.randint(1, 16), tid, exc,
               r.c(["HTTP 400 error: Unable to create record", "Max retries exceeded", "recipient refused"]),
               r.INT(), ph, nm, ap, r.g.randint(2, 7)))


@T
def sidekiq_retry(r):
    f, l = r.person()
    job = OrderedDict([("class", r.k("class", r.c(["StatementMailerJob", "PortalInviteJob", "BalanceNoticeJob"]))),
                       ("args", [r.INT(), r.N(f, l, r.c(["fl", "lf"])), r.EM(f, l), r.ACCT()]),
                       ("retry_count", int(r.INT("count", 1, 24))),
                       ("jid", r.HASH(24)), ("queue", "mailers"),
                       ("error_class", r.EXC("Net::SMTPFatalError")),
                       ("error_message", "550 5.7.1 %s" % r.c(["mailbox unavailable", "rejected by policy"]))])
    return "WARN: %s\n%s" % (r.c(["Job raised exception", "retrying in 84 seconds", "moving to dead set"]), jdump(job))


@T
def graphql_error(r):
    f, l = r.person()
    inp = OrderedDict([("firstName", r.N(f)), ("lastName", r.N(l)),
                       ("dateOfBirth", r.DOB(r.c(["iso", "us"]))), ("phone", r.PH()),
                       ("zip", r.p("ZIP", zipc(r.g, city(r.g)[2])))])
    if r.chance(0.5):
        inp["guardian"] = OrderedDict([("name", r.FULL("fl")), ("relationship", r.c(RELATIONS))])
    out = OrderedDict([("errors", [OrderedDict([("message", "Variable \"$input\" got invalid value"),
                                                 ("path", ["createClient"]),
                                                 ("extensions", {"code": r.k("code", "BAD_USER_INPUT")})])]),
                       ("variables", {"input": inp}), ("operationName", "CreateClient")])
    return "GraphQL request failed (%s): %s" % (r.RID(), jdump(out))


@T
def grpc_status(r):
    which = r.c(["ssn", "hp", "mrn"])
    val = {"ssn": r.SSN, "hp": r.HP, "mrn": r.MRN}[which]()
    f, l = r.person()
    nm = r.N(f, l, r.c(["fl", "FL"]))
    return ("rpc error: code = %s desc = %s\n"
            "details: [type.googleapis.com/google.rpc.BadRequest]{field_violations:[{field:\"%s\" "
            "description:\"%s is not valid for %s\"}]}\nmethod=/eligibility.v1.Coverage/Verify peer=%s:%s" % (
                r.k("status", r.c(["InvalidArgument", "FailedPrecondition", "NotFound"])),
                r.c(["coverage lookup rejected", "identifier mismatch"]), which, val, nm,
                r.IIP(), r.PORT()))


@T
def hl7_dlq(r):
    f, l = r.person()
    m = r.MRN()
    s, c, st, z = r.ADDR()
    last_u, first_u = l.upper(), f.upper()
    nm = r.N("%s^%s^%s" % (last_u, first_u, r.c(MIDDLE)))
    d = r.DOB("hl7")
    ph = phone(r.g, False)
    ph = r.p("PHONE", re.sub(r"[^0-9]", "", ph)[-10:] if r.chance(0.3) else "(%s)%s-%s" % (
        nxx(r.g), nxx(r.g), D(r.g, 4)))
    pid = "PID|1||%s^^^SWB^MR||%s||%s|%s|||%s^^%s^%s^%s||%s|||||%s|%s" % (
        m, nm, d, r.c("FMX"), s, c, st, z, ph, r.ACCT(), r.SSN())
    return ("kafka dead-letter topic=adt.inbound.dlq partition=%s offset=%s reason=%s\n"
            "MSH|^~\\&|EPIC|NPBH|RELAY|SWB|%s||ADT^A04|%s|P|2.5.1\r%s\rPV1|1|O|||||%s^%s^%s" % (
                r.INT("count", 0, 11), r.INT(), r.EXC("SegmentParseError"),
                r.k("timestamp", "%d%02d%02d%02d%02d" % (r.g.randint(2023, 2025), r.g.randint(1, 12),
                                                         r.g.randint(1, 28), r.g.randint(0, 23), r.g.randint(0, 59))),
                r.INT("msg_id"), pid, r.NPI(), r.N(surname(r.g).upper()), r.N(given(r.g).upper())))


@T
def sqs_dlq_referral(r):
    f, l = r.person()
    df, dl = r.person()
    body = OrderedDict([("type", "referral.received"),
                        ("patient", OrderedDict([("name", r.N(f, l, "fl")), ("dob", r.DOB(r.c(["us", "iso"])))])),
                        ("referring", OrderedDict([("clinician", "Dr. " + r.N(df, dl, "fl")),
                                                   ("npi", r.NPI()), ("fax", r.FX()),
                                                   ("phone", r.PH(False))])),
                        ("reason", r.ICD())])
    return ("SQS message moved to referrals-dlq after %s receives (MessageId %s): %s" % (
        r.INT("count", 3, 10), r.UUID(), jdump(body)))


@T
def nginx_access(r):
    ip = r.IP()
    m = r.MRN()
    f, l = r.person()
    em = email(r.g, f, l)
    q = "email=%s" % r.p("EMAIL", em.replace("@", "%40"))
    path = r.URL("/api/clients/%s/statements?%s" % (m, q))
    return '%s - - [%s] "GET %s HTTP/1.1" %s %s "-" "Mozilla/5.0 (Macintosh)" rt=%s upstream=%s:%s' % (
        ip, r.TS("nginx"), path, r.STATUS((500, 502, 504, 404)), r.INT("bytes", 100, 9999),
        "%.3f" % r.g.random(), r.IIP(), r.PORT())


@T
def envoy_json(r):
    ip = r.IP(True)
    hp = r.HP()
    path = r.URL("/v1/members/%s/coverage" % hp)
    rec = OrderedDict([("start_time", r.TS("iso_z")), ("method", "GET"), ("path", path),
                       ("response_code", int(r.STATUS((503, 504, 500)))), ("response_flags", r.k("flag", "UF")),
                       ("x_forwarded_for", ip), ("upstream_host", "%s:%s" % (r.IIP(), r.PORT())),
                       ("duration", int(r.INT("duration", 10, 30000))), ("request_id", r.UUID())])
    return jdump(rec)


@T
def django_form(r):
    f, l = r.person()
    nm_first, nm_last = r.N(f), r.N(l)
    s, c, st, z = r.ADDR()
    errs = r.c(["{'phone': ['Enter a valid phone number (e.g. +12125552368).']}",
                "{'date_of_birth': ['Enter a valid date.']}",
                "{'zip_code': ['Ensure this value has at most 5 characters.']}"])
    cd = OrderedDict([("first_name", nm_first), ("last_name", nm_last),
                      ("date_of_birth", dob(r.g)), ("street", s), ("city", c), ("zip_code", z),
                      ("emergency_contact", r.FULL("fl")), ("emergency_phone", r.PH())])
    r.p("DATE", repr(cd["date_of_birth"]))
    r.EXC("ValidationError")
    return "django.core.exceptions.ValidationError: %s\nform=%s cleaned_data=%s" % (
        errs, r.k("class", "ClientIntakeForm"), pyrepr(dict(cd)))


@T
def rails_invalid(r):
    f, l = r.person()
    r.EXC("ActiveRecord::RecordInvalid")
    params = '{"client"=>{"first_name"=>"%s", "last_name"=>"%s", "ssn"=>"%s", "birthdate"=>"%s", "email"=>"%s"}}' % (
        r.N(f), r.N(l), r.SSN(), r.DOB(r.c(["iso", "us", "long"])), r.EM(f, l))
    return ("ActiveRecord::RecordInvalid (Validation failed: %s):\n  app/controllers/clients_controller.rb:%s:in `create'\n"
            "Parameters: %s\nCompleted 422 Unprocessable Entity in %s" % (
                r.c(["Ssn has already been taken", "Email is invalid", "Birthdate can't be in the future"]),
                r.INT("line", 10, 200), params, r.DUR()))


@T
def pg_unique(r):
    which = r.c(["ssn", "email", "mrn", "member_id"])
    f, l = r.person()
    val = {"ssn": r.SSN, "email": lambda: r.EM(f, l), "mrn": r.MRN, "member_id": r.HP}[which]()
    tbl = r.k("table", r.c(["clients", "patients", "guarantors", "coverage"]))
    r.k("column", which)
    txt = ('ERROR:  duplicate key value violates unique constraint "%s_%s_key"\n'
           "DETAIL:  Key (%s)=(%s) already exists.\n" % (tbl, which, which, val))
    if r.chance(0.6):
        txt += "STATEMENT:  INSERT INTO %s (%s, full_name, created_at) VALUES ('%s', '%s', now())" % (
            tbl, which, val, r.N(f, l, r.c(["fl", "lf"]).replace("lf", "fl")))
    else:
        txt += "CONTEXT:  COPY %s, line %s" % (tbl, r.INT("line", 2, 5000))
    return r.TS("log") + " UTC [" + r.INT("pid", 100, 99999) + "] " + txt


@T
def mssql_truncation(r):
    s, c, st, z = r.ADDR()
    f, l = r.person()
    col = r.c(["AddressLine1", "GuarantorName", "EmployerCity"])
    gname = r.N(f, l, r.c(["lf", "LF"]))
    val = {"AddressLine1": s, "GuarantorName": gname, "EmployerCity": c}[col]
    r.k("column", col)
    return ("Msg 2628, Level 16, State 1, Procedure %s, Line %s\n"
            "String or binary data would be truncated in table 'Billing.dbo.Guarantors', column '%s'. "
            "Truncated value: '%s'.\nbatch row: GuarantorAcct=%s, Name=%s, Addr=%s, City=%s, Zip=%s, HomePhone=%s" % (
                r.k("proc", "usp_UpsertGuarantor"), r.INT("line", 10, 400), col, val, r.ACCT(), gname, s, c, z,
                r.PH(False)))


@T
def sqlite_notnull(r):
    f, l = r.person()
    params = (r.INT(), r.N(f, l, "fl"), r.DOB(r.c(["iso", "us"])), None, r.EM(f, l))
    return ("sqlite3.IntegrityError: NOT NULL constraint failed: %s.%s\n"
            "[SQL: INSERT INTO offline_clients (id, name, dob, phone, email) VALUES (?, ?, ?, ?, ?)]\n"
            "[parameters: %s]\n(Background on this error at: https://sqlalche.me/e/20/gkpj)" % (
                r.k("table", "offline_clients"), r.k("column", "phone"), pyrepr(params)))


@T
def es_query(r):
    f, l = r.person()
    q = {"query": {"bool": {"must": [{"match": {"last_name": r.N(l)}},
                                     {"term": {"birth_date": r.DOB("iso")}}],
                            "should": [{"match_phrase": {"phone": r.PH(False)}}]}},
         "size": int(r.INT("count", 1, 50))}
    return ("search_phase_execution_exception: [%s] index=%s took=%s\nquery=%s" % (
        r.k("exception", r.c(["illegal_argument_exception", "query_shard_exception"])),
        r.k("index", "clients-v%d" % r.g.randint(2, 9)), r.DUR(), jdump(q)))


@T
def stripe_webhook(r):
    f, l = r.person()
    s, c, st, z = r.ADDR()
    ev = OrderedDict([("id", r.k("event_id", "evt_" + AN(r.g, 24))), ("type", "charge.failed"),
                      ("data", {"object": OrderedDict([
                          ("amount", int(r.INT("amount", 500, 50000))), ("currency", "usd"),
                          ("billing_details", OrderedDict([
                              ("name", r.N(f, l, "fl")), ("email", r.EM(f, l)), ("phone", r.PH()),
                              ("address", OrderedDict([("line1", s), ("city", c), ("state", st), ("postal_code", z)]))])),
                          ("payment_method_details", {"us_bank_account": {"account_number": r.ACCT(),
                                                                          "bank_name": r.c(BANKS)}}),
                          ("failure_code", "account_closed")])})])
    return "Webhook handler error (%s): %s" % (r.EXC("KeyError"), jdump(ev))


@T
def x12_271(r):
    f, l = r.person()
    s, c, st, z = r.ADDR()
    hp = r.HP()
    return ("271 parse failure for trace %s: unexpected segment EB*6\n"
            "NM1*PR*2*%s*****PI*%s~TRN*2*%s~NM1*IL*1*%s*%s*%s***MI*%s~REF*6P*%s~N3*%s~N4*%s*%s*%s~"
            "DMG*D8*%s*%s~EB*1*IND*30**%s~" % (
                r.INT("trace"), r.PAYER().upper() if False else r.PAYER(), r.INT("payer_id", 10000, 99999),
                r.INT("trace2"), r.N(l.upper()), r.N(f.upper()), r.c(MIDDLE), hp, r.GRP(), s, c, st,
                z.replace("-", ""), r.DOB("hl7"), r.c("FM"), r.k("plan", "GOLD PPO")))


@T
def prior_auth(r):
    f, l = r.person()
    pf, pl = r.person()
    resp = OrderedDict([("status", "pended"), ("payer", r.PAYER()),
                        ("member", OrderedDict([("name", r.N(f, l, r.c(["fl", "LF"]))), ("memberId", r.HP()),
                                                ("birthDate", r.DOB(r.c(["iso", "us"])))])),
                        ("requestingProvider", OrderedDict([("name", r.N(pf, pl, "fl") + ", " + r.c(CREDS)),
                                                            ("npi", r.NPI()), ("fax", r.FX())])),
                        ("services", [{"cpt": r.CPT(), "units": int(r.INT("count", 1, 24))}]),
                        ("diagnosis", [r.ICD()]),
                        ("serviceStart", r.APPT("iso"))])
    return "PriorAuthClient: unexpected pended status, payload=%s" % jdump(resp, 2)


@T
def erx_newrx(r):
    f, l = r.person()
    pf, pl = r.person()
    return ("NewRx rejected by %s: code %s \"%s\"\n"
            "  Prescriber: %s, %s  DEA %s  NPI %s  Lic %s\n"
            "  Patient: %s  DOB %s  Ph %s\n  Pharmacy fax on file: %s  RxRef %s\n  Drug: %s" % (
                r.k("network", "Surescripts"), r.k("status", r.c(["600", "602", "900"])),
                r.c(["Prescriber DEA schedule mismatch", "Patient not found", "Communication problem"]),
                r.N(pl, pf, "lf"), r.c(CREDS), r.DEA(pl), r.NPI(), r.LIC(),
                r.N(f, l, r.c(["LF", "fl", "lfm"])), r.DOB(r.c(["us", "upper", "hl7"])), r.PH(False),
                r.FX(), r.OID(rx_number), r.c(["sertraline 50 mg", "bupropion XL 150 mg", "lithium carbonate 300 mg"])))


@T
def telehealth_session(r):
    f, l = r.person()
    cf, cl = r.person()
    return ("telehealth-signal %s WARN ice_failed room=%s\n"
            "  participant display=\"%s\" role=client ip=%s device={model: \"%s\", mac: \"%s\", imei: \"%s\"}\n"
            "  host display=\"Dr. %s\" role=clinician\n  turn=%s:%s elapsed=%s" % (
                r.TS("iso_z"), r.UUID(), r.N(f, l, "fl"), r.IP(), r.c(["SM-A536U", "Pixel 7", "iPad13,18"]),
                r.MAC(), r.IMEI(), r.N(cl), r.IIP(), r.PORT(), r.DUR()))


@T
def intake_json(r):
    f, l = r.person()
    gf, gl = r.person()
    s, c, st, z = r.ADDR()
    old = r.chance(0.4)
    form = OrderedDict([("client", OrderedDict([("legalName", r.N(f, l, "fl")),
                                                ("dob", r.DOB(r.c(["us", "iso", "long"]), old=old)),
                                                ("address", "%s, %s, %s %s" % (s, c, st, z))])),
                        ("emergencyContact", OrderedDict([("name", r.N(gf, gl, "fl")),
                                                          ("relationship", r.c(RELATIONS)),
                                                          ("phone", r.PH())]))])
    if old:
        form["client"]["age"] = int(r.AGE())
    form["submittedFrom"] = r.IP()
    return "IntakeSubmitError %s: schema v%s rejected field %r\n%s" % (
        r.RID(), r.g.randint(2, 9), r.c(["emergencyContact.email", "client.gender", "consents[2]"]), jdump(form, 2))


@T
def insurance_ocr(r):
    f, l = r.person()
    txt = ("OCR card scan low confidence (%s) job %s:\n---\n%s\n%s\nMember: %s\nMember ID: %s\nGroup No: %s\n"
           "RxBIN %s  RxPCN %s\nPCP: %s\n---" % (
               "0.%02d" % r.g.randint(40, 79), r.UUID(), r.PAYER(), r.c(["PPO", "HMO", "EPO", "Medicaid Managed Care"]),
               r.N(f, l, r.c(["FL", "fl", "fml"])), r.HP(), r.GRP(), r.k("rxbin", r.c(["004336", "610014", "003858"])),
               r.k("rxpcn", r.c(["ADV", "MEDDADV", "A4"])), "Dr. " + r.FULL("fl")))
    return txt


@T
def sms_bounce(r):
    f, l = r.person()
    cf, cl = r.person()
    to = r.PH()
    d = r.APPT(r.c(["md", "md_long", "us", "us_nopad"]))
    body = r.c(["Hi {f}, reminder: {d} at {t} with Dr. {c}. Reply C to confirm.",
                "{f} - your session with {c} is {d} {t}. Text STOP to opt out",
                "Hola {f}, su cita es el {d} a las {t} con {c}."])
    msg = body.format(f=r.N(f), d=d, t=r.c(["3:30pm", "10:00 AM", "4:15 PM"]), c=r.N(cl))
    return ("Twilio error %s (%s) delivering SM%s to %s\nbody: \"%s\"" % (
        r.k("status", r.c(["30003", "30005", "30006", "21610"])),
        r.c(["Unreachable destination handset", "Unknown destination handset", "Landline or unreachable carrier"]),
        H(r.g, 32), to, msg))


@T
def email_bounce(r):
    f, l = r.person()
    em = r.EM(f, l)
    return ("Delivery Status Notification (Failure)\nFinal-Recipient: rfc822; %s\nAction: failed\nStatus: %s\n"
            "Diagnostic-Code: smtp; 550 5.1.1 <%s>: Recipient address rejected\n"
            "Original-Subject: %s\nX-Relay-Message: %s" % (
                em, r.k("status", "5.1.1"), em,
                r.c([lambda: "Statement for %s - balance due" % r.N(f, l, "fl"),
                     lambda: "Your intake packet, %s" % r.N(f),
                     lambda: "Appointment confirmation for %s" % r.N(f, l, "fl")])(), r.UUID()))


@T
def fax_cover(r):
    f, l = r.person()
    sf, sl = r.person()
    tf, tl = r.person()
    old = r.chance(0.45)
    lines = ["FAX COVER SHEET", "Date sent: %s" % r.TS("plain"),
             "To: %s, %s" % (r.N(tf, tl, "fl"), r.c(["Records Dept", "Utilization Review", "Psychiatry"])),
             "Fax: %s   Phone: %s" % (r.FX(), r.PH(False)),
             "From: %s, %s" % (r.N(sf, sl, "fl"), r.c(CREDS)),
             "Return fax: %s" % r.FX(),
             "RE: %s (DOB %s)%s" % (r.N(f, l, r.c(["fl", "LF", "lf"])), r.DOB(r.c(["us", "us_short", "dmy_abbr"]), old=old),
                                     ", age %s" % r.AGE() if old else ""),
             "Pages: %s" % r.INT("count", 2, 30),
             "CONFIDENTIAL: This transmission contains protected health information."]
    return "fax-gateway render failed (%s): template=cover_v3\n%s" % (r.EXC("TemplateSyntaxError"), "\n".join(lines))


@T
def fax_gateway(r):
    fx = r.FX()
    f, l = r.person()
    return ("FaxJob %s failed after %s attempts: T.30 %s dialing %s (remote CSID \"%s\")\n"
            "document=%s pages=%s bitrate=%s" % (
                r.INT("job"), r.INT("count", 2, 6),
                r.c(["DCN received", "no answer", "training failed", "busy"]), fx,
                r.c(["", "FAX "]) + r.FX(),
                r.URL("s3://relay-faxes/outbound/%s_%s_records.pdf" % (
                    r.N(_ascii(l).replace(" ", "")), r.N(_ascii(f).replace(" ", "")))),
                r.INT("count", 1, 40), r.k("bitrate", "14400")))


@T
def clinician_note(r):
    f, l = r.person()
    rf, rl = r.person()
    old = r.chance(0.55)
    age = r.AGE() if old else None
    s, c, st, z = r.ADDR()
    parts = [r.c(["Pt", "Client", "Patient"]) + " " + r.N(f, l, r.c(["fl", "il"]))]
    if old:
        parts.append(r.c(["is a %s-year-old" % age, "(aged %s)" % age, "age %s," % age]))
    if r.chance(0.5):
        parts.append("seen %s for follow-up." % r.APPT(r.c(["md", "us", "md_long"])))
    else:
        parts.append("reports poor sleep since %s." % r.APPT(r.c(["md", "md_long", "us_short"])))
    parts.append("%s %s (%s) %s at %s." % (
        r.c(["Her", "His", "Their"]), r.c(RELATIONS), r.N(rf, rl, "fl"), r.c(["can be reached", "asked to be called"]), r.PH()))
    parts.append("Lives at %s, %s %s %s." % (s, c, st, z))
    parts.append("Dx %s, plan %s." % (r.ICD(), r.CPT()))
    note = " ".join(parts)
    return ("NoteSaveError: note exceeds %s chars (draft %s)\nnote_text=\"%s\"" % (
        r.INT("count", 2000, 8000), r.UUID(), note))


@T
def slack_chat(r):
    f, l = r.person()
    a1, a2 = given(r.g), given(r.g)
    m = r.MRN()
    ph = r.PH()
    nm = r.N(f, l, r.c(["lf", "fl", "LF"]))
    msgs = ["[%s] %s: @here chart for %s (%s) is throwing %s on open" % (
        r.TS("syslog"), r.N(a1), nm, m, r.STATUS((500, 502))),
        "[%s] %s: %s" % (r.TS("syslog"), r.N(a2), r.c([
            lambda: "she called back from %s, can we fix before %s?" % (ph, r.APPT("md")),
            lambda: "guardian left vm at %s re: same issue" % ph,
            lambda: "I think it's the merge from %s, their number is %s" % (r.TICKET(), ph)])())]
    return "#ops-clinical export\n" + "\n".join(msgs)


@T
def csv_row_error(r):
    f, l = r.person()
    s, c, st, z = r.ADDR()
    row = [r.N(l), r.N(f), r.DOB(r.c(["us", "us_short", "iso"])), r.PH(False), s, c, st, z, r.HP()]
    return ("roster import %s: row %s: expected 10 columns, got 9\n"
            "header=last,first,dob,phone,street,city,state,zip,member_id,plan\nrow=%s" % (
                r.k("file", "roster_%s.csv" % r.c(["weekly", "march", "q2"])), r.INT("line", 2, 9000),
                ",".join('"%s"' % x if "," in x else x for x in row)))


@T
def yaml_fixture(r):
    f, l = r.person()
    return ("yaml.scanner.ScannerError: mapping values are not allowed here\n"
            "  in \"config/smoke/%s.yaml\", line %s, column %s\n---\nsmoke_test:\n  enabled: true\n"
            "  api_version: %s\n  patient:\n    name: %s\n    dob: %s\n    mrn: %s\n    phone: %s\n"
            "    email: %s\n  timeout: %s" % (
                r.k("file", r.c(["staging", "canary", "preprod"])), r.INT("line", 3, 90), r.INT("col", 2, 40),
                r.VER(), r.N(f, l, "fl"), r.DOB("iso"), r.MRN(), r.PH(False), r.EM(f, l), r.DUR()))


@T
def toml_fixture(r):
    f, l = r.person()
    return ("tomllib.TOMLDecodeError: Invalid value (at line %s, column %s)\n"
            "[seed.client]\nlegal_name = \"%s\"\nbirth = %s\nmember = \"%s\"\nssn = \"%s\"\n"
            "[seed.db]\nhost = \"%s\"\nport = %s" % (
                r.INT("line", 3, 60), r.INT("col", 1, 30), r.N(f, l, "fl"), r.DOB("iso"), r.HP(),
                r.SSN(), r.IIP(), r.PORT()))


@T
def push_payload(r):
    f, l = r.person()
    payload = OrderedDict([("aps", OrderedDict([("alert", OrderedDict([
        ("title", "Session reminder"),
        ("body", "%s, you have a visit on %s" % (r.N(f), r.APPT(r.c(["md", "md_long", "us"]))))])),
        ("sound", "default")])),
        ("device", OrderedDict([("serial", r.SER()), ("imei", r.IMEI())])),
        ("clientRef", r.MRN())])
    return "APNs %s BadDeviceToken (apns-id %s)\n%s" % (r.STATUS((400, 410)), r.k("uuid", uuid(r.g).upper()), jdump(payload))


@T
def audit_log(r):
    sf, sl = r.person()
    m = r.MRN()
    return ("%s audit action=%s actor=%s target=client:%s src=%s ua=\"%s\" result=%s" % (
        r.TS("iso_z"), r.k("action", r.c(["chart.view", "chart.export", "note.unlock"])),
        r.SEM(sf, sl), m, r.IP(), r.c(["Chrome/124", "Safari/17.4", "Edge/123"]),
        r.k("result", r.c(["denied", "error"]))))


@T
def address_verify(r):
    cty, st, pre = city(r.g)
    s, c = r.p("ADDRESS", street(r.g)), r.p("CITY", cty)
    z2 = r.p("ZIP", zipc(r.g, pre).split("-")[0] + "-" + D(r.g, 4))
    resp = [OrderedDict([("input_index", 0), ("delivery_line_1", s),
                         ("last_line", "%s %s %s" % (c, st, z2)),
                         ("components", OrderedDict([("city_name", c), ("zipcode", z2.split("-")[0]),
                                                     ("plus4_code", z2.split("-")[1])])),
                         ("analysis", {"dpv_match_code": "D", "dpv_footnotes": "AAN1"})])]
    r.p("ZIP", z2.split("-")[0])
    return "AddressVerificationWarning: secondary number missing for guarantor %s\n%s" % (r.ACCT(), jdump(resp))


@T
def transport_benefit(r):
    f, l = r.person()
    df, dl = r.person()
    s, c, st, z = r.ADDR()
    mk, mdl = r.c(CAR_MAKES)
    return ("RideScheduler: vendor rejected trip %s (%s)\n"
            "  rider: %s, pickup %s, %s %s, %s\n  appointment: %s\n"
            "  driver: %s, vehicle %s %s plate %s VIN %s" % (
                r.TICKET(), r.c(["vehicle not credentialed", "pickup outside zone"]),
                r.N(f, l, "fl"), s, c, st, z, r.APPT(r.c(["us", "mdy_abbr"])), r.N(df, dl, "fl"),
                mk, mdl, r.PLATE(), r.VIN()))


@T
def parking_permit(r):
    f, l = r.person()
    return ("ParkingPermitSync %s: duplicate plate %s for client %s; existing permit holder vin=%s; "
            "lot=%s expires=%s" % (r.EXC("ConflictError"), r.PLATE(), r.N(f, l, r.c(["fl", "lf"])),
                                   r.VIN(), r.k("lot", "B2"), r.TS("iso_ms")))


@T
def court_order(r):
    f, l = r.person()
    jf, jl = r.person()
    of, ol = r.person()
    case = r.OID(court_case)
    txt = ("court-ordered treatment report upload failed: %s\n"
           "  Case No. %s, %s County Superior Court, Hon. %s\n  Client: %s  DOB: %s\n"
           "  Probation officer %s, %s, ext. %s" % (
               r.EXC("PdfRenderError"), case, r.c(["Pierce", "Maricopa", "Cuyahoga", "Dane", "Travis"]),
               r.N(jl), r.N(f, l, r.c(["fl", "LF"])), r.DOB(r.c(["us", "long_ord"])),
               r.N(of, ol, "fl"), r.PH(False), r.INT("ext", 100, 999)))
    if r.chance(0.5):
        txt += "\n  Supervision id %s; DUI diversion vehicle plate %s" % (r.OID(probation_id), r.PLATE())
    return txt


@T
def passport_visa(r):
    f, l = r.person()
    ctry = r.k("country", r.c(COUNTRIES))
    return ("IdentityDocCheck failed (%s): document_type=%s\n"
            "  surname=%s given_names=%s nationality=%s\n  passport_no=%s %s\n"
            "  visa_foil=%s i94=%s" % (
                r.c(["MRZ checksum", "expired", "name mismatch"]), r.c(["P", "PASSPORT"]),
                r.N(l.upper()), r.N(f.upper()), ctry, r.OID(passport), r.c([lambda: "date_of_birth=" + r.DOB(r.c(["iso", "dmy_abbr", "upper"])),
                                      lambda: "dob_ddmmyyyy=" + r.DOB("dot")])(),
                r.OID(lambda g: D(g, 8)), r.OID(lambda g: D(g, 11))))


@T
def geriatric_consult(r):
    f, l = r.person()
    cf, cl = r.person()
    age = r.AGE()
    form = r.c(["{n}, {a}-year-old, referred for cognitive screening",
                "age: {a}; name: {n}",
                "{n} (aged {a}) - caregiver reports wandering",
                "Referral: {n}, {a} y/o, lives with {rel}"])
    txt = form.format(n=r.N(f, l, r.c(["fl", "lf", "fml"])), a=age, rel=r.c(RELATIONS))
    return ("ReferralTriageError: age %s outside model range; manual review needed\n"
            "  %s\n  caregiver: %s %s\n  dx=%s cpt=%s" % (
                age, txt, r.N(cf, cl, "fl"), r.PH(), r.ICD(), r.CPT()))


@T
def fhir_outcome(r):
    f, l = r.person()
    m = r.MRN()
    pat = OrderedDict([("resourceType", "Patient"),
                       ("identifier", [{"system": "urn:oid:2.16.840.1.113883.19.5", "value": m}]),
                       ("name", [OrderedDict([("family", r.N(l)), ("given", [r.N(f)])])]),
                       ("birthDate", r.DOB("iso")),
                       ("telecom", [{"system": "phone", "value": r.PH()}, {"system": "email", "value": r.EM(f, l)}])])
    oo = OrderedDict([("resourceType", r.k("resource", "OperationOutcome")),
                      ("issue", [OrderedDict([("severity", "error"), ("code", "processing"),
                                              ("diagnostics", "Patient.identifier[0]: duplicate")])])])
    return "FHIR POST Patient -> %s\nrequest=%s\nresponse=%s" % (r.STATUS((400, 409, 422)), jdump(pat), jdump(oo))


@T
def claim_837(r):
    f, l = r.person()
    rf, rl = r.person()
    return ("837P rejected by clearinghouse: %s %s\n"
            "  Loop 2010BA subscriber %s, %s id %s dob %s\n  Loop 2300 patient account %s, charge %s, dx %s, proc %s\n"
            "  Loop 2310B rendering %s NPI %s" % (
                r.k("code", r.c(["A7:562", "A3:21", "A8:454"])), r.c(["Entity's NPI invalid", "Missing info"]),
                r.N(l.upper()), r.N(f.upper()), r.HP(), r.DOB("hl7"), r.ACCT(), r.AMT(), r.ICD(), r.CPT(),
                r.N(rf, rl, "fl"), r.NPI()))


@T
def billing_statement(r):
    f, l = r.person()
    s, c, st, z = r.ADDR()
    return ("StatementBatch %s: could not render statement for guarantor %s\n"
            "Account: %s   Balance: %s\nMail to: %s\n%s\n%s, %s %s\n%s" % (
                r.UUID(), r.k("db_id", str(r.g.randint(100, 99999))), r.ACCT(), r.AMT(),
                r.N(f, l, r.c(["FL", "fl"])), s, c, st, z,
                r.EXC(r.c(["UnicodeEncodeError", "LayoutError"]))))


@T
def id_upload(r):
    f, l = r.person()
    s, c, st, z = r.ADDR()
    return ("KYC vendor %s: document unreadable\n"
            "extracted: {\"documentNumber\": \"%s\", \"firstName\": \"%s\", \"lastName\": \"%s\", "
            "\"dateOfBirth\": \"%s\", \"addressLine\": \"%s\", \"city\": \"%s\", \"postalCode\": \"%s\"}" % (
                r.STATUS((422, 400)), r.DL(), r.N(f.upper()), r.N(l.upper()), r.DOB(r.c(["us", "iso"])),
                s.upper() if False else s, c, z))


@T
def portal_login(r):
    f, l = r.person()
    user = r.OID(lambda g: "%s%s%s" % (re.sub(r"[^a-z]", "", _ascii(f))[:6] or "pt",
                                       re.sub(r"[^a-z]", "", _ascii(l))[:4] or "x", D(g, 2)))
    return ("%s portal-web WARN login locked user=%s attempts=%s last_ip=%s,%s mfa=%s" % (
        r.TS("log"), user, r.INT("count", 5, 12), r.IP(False), r.IP(True), r.c(["sms", "totp"])))


@T
def pharmacy_callback(r):
    f, l = r.person()
    pf, pl = r.person()
    return ("PharmacyCallbackTask: could not match callback to prescription\n"
            "  From: %s (%s), pharmacist %s\n  Phone %s / Fax %s\n  Re: Rx #%s for %s, DOB %s\n"
            "  Message: \"please call re: early refill, pt says lost meds\"" % (
                r.c(["Walgreens #%d" % r.g.randint(1000, 19999), "CVS Pharmacy #%d" % r.g.randint(1000, 19999),
                     "Rite Aid #%d" % r.g.randint(1000, 9999)]), r.k("ncpdp", D(r.g, 7)),
                r.N(pf, pl, "fl"), r.PH(False), r.FX(), r.OID(rx_number), r.N(f, l, "fl"),
                r.DOB(r.c(["us", "us_short"]))))


@T
def lab_interface(r):
    f, l = r.person()
    m = r.MRN()
    of, ol = r.person()
    return ("ORU^R01 ingest error: %s\nOBR|1|%s||80305^Drug screen|||%s\nPID|||%s||%s^%s||%s\n"
            "ORC|RE||||||||||%s^%s^%s" % (
                r.EXC("UnknownTestCode"), r.INT("order"), r.k("timestamp", "%d%02d%02d%02d%02d" % (
                    r.g.randint(2023, 2025), r.g.randint(1, 12), r.g.randint(1, 28), r.g.randint(0, 23), r.g.randint(0, 59))),
                m, r.N(l.upper()), r.N(f.upper()), r.DOB("hl7"), r.NPI(), r.N(ol.upper()), r.N(of.upper())))


@T
def wearable_sync(r):
    f, l = r.person()
    return ("wearable-sync: token refresh failed for %s\n  device serial=%s mac=%s\n"
            "  owner_email=%s tz=America/Chicago sdk=%s" % (
                r.N(f, l, "fl"), r.SER(), r.MAC(), r.EM(f, l), r.VER()))


@T
def referral_letter(r):
    f, l = r.person()
    df, dl = r.person()
    old = r.chance(0.45)
    return ("DocumentAI classification failed (%s) for uploaded letter:\n\"Dear colleague, I am referring %s, "
            "%s, for %s. %s Please fax records to %s or call my office at %s. Sincerely, %s, %s\"" % (
                r.UUID(), r.N(f, l, "fl"),
                ("a %s-year-old" % r.AGE()) if old else "born " + r.DOB(r.c(["long", "us", "long_ord"])),
                r.c(["trauma-focused therapy", "medication management", "family therapy"]),
                r.c([lambda: "", lambda: "She was last seen on %s." % r.APPT(r.c(["md", "us", "md_long"]))])(),
                r.FX(), r.PH(False), r.N(df, dl, r.c(["fl", "fml"])), r.c(CREDS)))


@T
def java_npe(r):
    f, l = r.person()
    gf, gl = r.person()
    return ("java.lang.NullPointerException: Cannot invoke \"String.trim()\" because the return value of "
            "\"com.northpine.intake.Guardian.getPhone()\" is null\n"
            "\tat com.northpine.intake.ConsentService.sign(ConsentService.java:%s)\n"
            "  context: Patient{id=%s, name=%s, dob=%s, mrn=%s, guardian=Guardian{name=%s, phone=null, email=%s}}" % (
                r.INT("line", 20, 500), r.INT(), r.N(f, l, "fl"), r.DOB("iso"), r.MRN(),
                r.N(gf, gl, "fl"), r.EM(gf, gl)))


@T
def go_panic(r):
    f, l = r.person()
    s, c, st, z = r.ADDR()
    return ("panic: runtime error: index out of range [%s] with length %s\n\ngoroutine %s [running]:\n"
            "main.(*Geocoder).Normalize(...)\n\t/build/geo/normalize.go:%s\n"
            "input: &{Name:%s Street:%s City:%s State:%s Zip:%s Phone:%s}" % (
                r.INT("count", 1, 4), r.INT("count2", 0, 1), r.INT("goroutine", 1, 999), r.INT("line", 10, 300),
                r.N(f, l, "fl"), s, c, st, z, r.PH(False)))


@T
def dotnet_arg(r):
    which = r.c(["memberId", "subscriberSsn", "accountNumber"])
    val = {"memberId": r.HP, "subscriberSsn": r.SSN, "accountNumber": r.ACCT}[which]()
    f, l = r.person()
    return ("System.ArgumentException: Value does not match expected format. (Parameter '%s')\n"
            "Actual value was %s.\n   at Eligibility.Api.Coverage.Validate(CoverageRequest req) in "
            "/src/Eligibility.Api/Coverage.cs:line %s\nreq.SubscriberName = \"%s\"" % (
                which, val, r.INT("line", 10, 400), r.N(f, l, r.c(["fl", "lf"]))))


@T
def laravel_log(r):
    f, l = r.person()
    s, c, st, z = r.ADDR()
    return ("[%s] production.ERROR: Geocode failed {\"client\":{\"name\":\"%s\",\"address\":\"%s\","
            "\"city\":\"%s\",\"zip\":\"%s\",\"cell\":\"%s\"},\"exception\":\"[object] (%s(code: 0): %s at "
            "/var/www/app/Services/Geo.php:%s)\"}" % (
                r.TS("plain"), r.N(f, l, "fl"), s, c, z, r.PH(), r.EXC("GuzzleHttp\\Exception\\ConnectException"),
                r.c(["cURL error 28", "Connection refused"]), r.INT("line", 10, 300)))


@T
def sentry_event(r):
    f, l = r.person()
    ev = OrderedDict([("event_id", r.HASH(32)), ("level", "error"), ("release", r.VER()),
                      ("user", OrderedDict([("id", r.INT()), ("email", r.EM(f, l)), ("ip_address", r.IP()),
                                            ("username", r.OID(lambda g: "%s.%s%s" % (
                                                re.sub(r"[^a-z]", "", _ascii(f)) or "pt",
                                                (re.sub(r"[^a-z]", "", _ascii(l)) or "x")[:1], D(g, 3))))])),
                      ("exception", {"values": [{"type": r.EXC("ZeroDivisionError"),
                                                 "value": "division by zero"}]})])
    return "sentry forward failed (%s): %s" % (r.STATUS((413, 429)), jdump(ev))


@T
def k8s_structured(r):
    f, l = r.person()
    rec = OrderedDict([("ts", r.TS("iso_z")), ("level", "error"), ("svc", r.SVC()),
                       ("msg", "eligibility retry exhausted"), ("pod", "elig-%s-%s" % (H(r.g, 9), AN(r.g, 5).lower())),
                       ("subscriber", OrderedDict([("name", r.N(f, l, "fl")), ("dob", r.DOB(r.c(["iso", "us"]))),
                                                   ("member_id", r.HP()), ("group", r.GRP())])),
                       ("payer", r.PAYER()), ("attempts", int(r.INT("count", 3, 9)))])
    return jdump(rec)


@T
def calendar_ics(r):
    f, l = r.person()
    cf, cl = r.person()
    cty, st, pre = city(r.g)
    s = r.p("ADDRESS", street(r.g).replace(",", ""))
    c, z = r.p("CITY", cty), r.p("ZIP", zipc(r.g, pre))
    d = r.APPT("hl7")
    return ("icalendar.parser: Content line could not be parsed into parts\nBEGIN:VEVENT\nUID:%s\n"
            "DTSTART;VALUE=DATE:%s\nSUMMARY:Intake - %s\nDESCRIPTION:with %s\\, call %s\nLOCATION:%s\\, %s %s %s\n"
            "END:VEVENT" % (r.UUID(), d, r.N(f, l, "fl"), r.N(cf, cl, r.c(["fl", "il"])), r.PH(),
                            s, c, st, z))


@T
def mfa_sms(r):
    f, l = r.person()
    ph = r.PH()
    return ("OTP delivery failed for portal user %s: carrier lookup says %s is %s (%s)" % (
        r.EM(f, l), ph, r.c(["landline", "voip", "unreachable"]), r.RID()))


@T
def zoom_webhook(r):
    f, l = r.person()
    cf, cl = r.person()
    ev = OrderedDict([("event", "meeting.participant_joined"),
                      ("payload", {"object": OrderedDict([
                          ("id", int(r.INT("meeting", 10 ** 9, 10 ** 10))), ("topic", "Session - %s" % r.N(f, l, r.c(["il", "fl"]))),
                          ("host_email", r.SEM(cf, cl)),
                          ("participant", OrderedDict([("user_name", r.N(f, l, "fl")), ("email", r.EM(f, l)),
                                                       ("public_ip", r.IP())]))])})])
    return "zoom webhook signature mismatch; body=%s" % jdump(ev)


@T
def handoff_note(r):
    f, l = r.person()
    m = r.MRN()
    s, c, st, z = r.ADDR()
    url = r.URL("https://%s/clients/%s/safety-plan" % (r.c(PORTAL_HOSTS), m))
    return ("Handoff for on-call: hi this is %s, covering tonight. Client %s called crisis line from %s; "
            "safety plan at %s . Address on file %s, %s %s. Wellness check requested via %s PD." % (
                r.N(given(r.g)), r.N(f, l, r.c(["fl", "lf"])), r.PH(), url, s, c, z, c))


@T
def guardian_consent(r):
    f, l = r.person()
    gf, gl = r.person()
    return ("ConsentPdfError: signature block overflow\n  minor: %s  DOB %s\n  signed by: %s (%s)\n"
            "  guardian email %s  phone %s\n  signed_at=%s ip=%s" % (
                r.N(f, l, "fl"), r.DOB(r.c(["us", "long", "dmy_long"])), r.N(gf, gl, r.c(["fl", "fml"])),
                r.c(["mother", "father", "legal guardian"]), r.EM(gf, gl), r.PH(), r.TS("iso_off"), r.IP()))


@T
def device_rma(r):
    f, l = r.person()
    s, c, st, z = r.ADDR()
    return ("RMA label request failed (%s): loaner tablet for remote sessions\n"
            "  ship_to=%s | %s | %s, %s %s\n  serial=%s imei=%s\n  contact=%s" % (
                r.STATUS((400, 422)), r.N(f, l, "FL"), s, c, st, z, r.SER(), r.IMEI(), r.PH()))


@T
def export_path(r):
    f, l = r.person()
    d = dob(r.g)
    dd = r.DATE(d, "hl7")
    fn = "%s_%s" % (_ascii(l).replace(" ", "").replace("'", ""), _ascii(f).replace(" ", ""))
    r.N(fn)
    p = r.URL("/mnt/exports/%s/%s_%s_chart.pdf" % (r.c(["charts", "records", "roi"]), fn, dd))
    return "%s: [Errno 13] Permission denied: '%s' (uid=%s, export_year=%s)" % (
        r.EXC("PermissionError"), p, r.INT("uid", 1000, 1100), r.YEAR())


@T
def vehicle_claim(r):
    f, l = r.person()
    return ("MileageReimbursementError: odometer delta negative for %s\n  vin %s, plate %s, trips %s, rate %s/mi" % (
        r.N(f, l, "lfm"), r.VIN(), r.PLATE(), r.INT("count", 1, 40), r.k("amount", "$0.%d" % r.g.randint(20, 67))))


@T
def bank_refund(r):
    f, l = r.person()
    return ("RefundService: ACH return %s for %s (routing %s, account %s) amount %s ref %s" % (
        r.k("code", r.c(["R03", "R04", "R02"])), r.N(f, l, r.c(["fl", "LF"])), "0%s" % D(r.g, 8),
        r.ACCT(), r.AMT(), r.TICKET()))


@T
def facility_transfer(r):
    f, l = r.person()
    nf, nl = r.person()
    age = r.AGE()
    lead = r.c([lambda: "%s-year-old resident %s" % (age, r.N(f, l, "fl")),
                lambda: "resident %s, age: %s" % (r.N(f, l, r.c(["lf", "LF"])), age),
                lambda: "%s (%s yo)" % (r.N(f, l, "fml"), age)])()
    return ("SNF transfer packet incomplete (%s): %s, admitted %s, MRN %s. Charge nurse %s, %s. "
            "Missing: PASRR level II, medication list. facility_fax=%s" % (
                r.TICKET(), lead, r.DATE(appt_date(r.g), r.c(["us", "iso", "mdy_abbr"])), r.MRN(),
                r.N(nf, nl, "fl"), r.PH(False), r.FX()))


# --------------------------------------------------------------------------
# no-PHI templates (look-alikes only)
# --------------------------------------------------------------------------
@C
def clean_py_traceback(r):
    exc = r.EXC()
    return ("%s [%s] %s\nTraceback (most recent call last):\n  File \"/srv/app/%s\", line %s, in run\n"
            "%s: %s\nlocals: {'client_id': %s, 'appointment_id': %s, 'tenant': %r, 'retries': %s}" % (
                r.TS("log"), r.SVC(), r.RID(), r.k("module", r.c(["billing/tasks.py", "sched/slots.py", "erx/sync.py"])),
                r.INT("line", 10, 900), exc, r.c(["invalid literal for int() with base 10: ''", "'NoneType' object is not iterable",
                                                   "could not serialize access"]),
                r.INT(), r.INT(), r.UUID(), r.INT("count", 0, 9)))


@C
def clean_nginx(r):
    return '%s - - [%s] "POST /api/v2/appointments/%s/confirm HTTP/2.0" %s %s rt=%s uct=%s req_id=%s upstream=%s:%s' % (
        r.IIP(), r.TS("nginx"), r.UUID(), r.STATUS(), r.INT("bytes", 0, 9999), "%.3f" % r.g.random(),
        "%.3f" % r.g.random(), r.RID(), r.IIP(), r.PORT())


@C
def clean_pg_deadlock(r):
    return ("%s UTC [%s] ERROR:  deadlock detected\nDETAIL:  Process %s waits for ShareLock on transaction %s; "
            "blocked by process %s.\nHINT:  See server log for query details.\nCONTEXT:  while updating tuple (%s,%s) "
            "in relation \"%s\"" % (r.TS("log"), r.INT("pid", 100, 99999), r.INT("pid2", 100, 99999), r.INT("txn"),
                                     r.INT("pid3", 100, 99999), r.INT("count", 0, 9999), r.INT("count2", 1, 90),
                                     r.k("table", r.c(["appointments", "claims", "ledger_entries"]))))


@C
def clean_celery_retry(r):
    return ("[%s: WARNING/MainProcess] Task billing.tasks.post_era[%s] retry: Retry in %s: "
            "%s('Connection to %s:%s timed out')" % (r.TS("log"), r.UUID(), r.k("duration", "%ds" % r.g.randint(5, 600)),
                                                    r.EXC("OperationalError"), r.IIP(), r.PORT()))


@C
def clean_claim_batch(r):
    return ("ClaimBatch %s summary: payer=%s claims=%s rejected=%s total=%s\n  top rejection: CPT %s with dx %s "
            "(modifier 95 missing) x%s\n  plan year %s, clearinghouse build %s" % (
                r.TICKET(), r.PAYER(), r.INT("count", 10, 900), r.INT("count2", 1, 9), r.AMT(), r.CPT(), r.ICD(),
                r.INT("count3", 2, 50), r.YEAR(), r.VER()))


@C
def clean_k8s_oom(r):
    return ("%s kubelet: container %s in pod %s-%s was OOMKilled (limit %s, restarts %s); image tag %s digest sha256:%s" % (
        r.TS("syslog"), r.SVC(), r.c(SERVICES), AN(r.g, 5).lower(), r.k("memory", "%dMi" % r.g.randint(128, 4096)), r.INT("count", 1, 30),
        r.VER(), r.HASH(64)))


@C
def clean_grpc_deadline(r):
    return ("rpc error: code = %s desc = context deadline exceeded after %s\n"
            "method=/scheduling.v2.Slots/Reserve peer=%s:%s request_id=%s" % (
                r.k("status", "DeadlineExceeded"), r.DUR(), r.IIP(), r.PORT(), r.RID()))


@C
def clean_es_health(r):
    return ("cluster health %s: status=%s nodes=%s unassigned_shards=%s index=%s took=%s version=%s" % (
        r.TS("iso_z"), r.k("status", r.c(["yellow", "red"])), r.INT("count", 3, 12), r.INT("count2", 1, 40),
        r.k("index", "appointments-%s" % r.YEAR()), r.DUR(), r.VER()))


@C
def clean_rust(r):
    return ("thread 'main' panicked at src/outbox/flush.rs:%s:%s:\nassertion `left == right` failed\n  left: %s\n right: %s\n"
            "Error: %s\n\nCaused by:\n    connection reset by peer (os error 104)" % (
                r.INT("line", 10, 500), r.INT("col", 1, 80), r.INT("count", 0, 500), r.INT("count2", 0, 500),
                r.k("exception", "FlushError")))


@C
def clean_kafka_lag(r):
    return ("consumer group %s lag alert: topic=%s partition=%s lag=%s committed=%s broker=%s:%s at %s" % (
        r.k("group", "relay-%s" % r.c(["scrub", "deliver", "audit"])), r.k("topic", r.c(["alerts.raw", "adt.inbound", "era.835"])),
        r.INT("count", 0, 23), r.INT("count2", 100, 999999), r.INT("offset"), r.IIP(), r.PORT(), r.TS("iso_off")))


@C
def clean_config_reload(r):
    return ("config reload ok: relay %s -> %s, listen=0.0.0.0:%s, redis=%s:%s, workers=%s, hash=%s, effective %s" % (
        r.VER(), r.VER(), r.PORT(), r.IIP(), r.k("port", "6379"), r.INT("count", 1, 64), r.HASH(12), r.TS("iso_ms")))


@C
def clean_eligibility_stats(r):
    rows = ["  %-28s ok=%s err=%s p95=%s" % (r.PAYER(), r.INT("c%d" % i, 10, 9999), r.INT("e%d" % i, 0, 99), r.DUR())
            for i in range(r.g.randint(2, 4))]
    return "eligibility nightly (%s) run %s:\n%s" % (r.TS("plain"), r.UUID(), "\n".join(rows))


@C
def clean_swift(r):
    return ("Incident Identifier: %s\nHardware Model: iPhone%s,%s\nVersion: %s (%s)\nException Type: EXC_BAD_ACCESS (SIGSEGV)\n"
            "Binary Images: 0x100%s - Harbor arm64 <%s>" % (
                r.k("uuid", uuid(r.g).upper()), r.g.randint(12, 16), r.g.randint(1, 8), r.VER(), r.INT("build", 100, 999),
                H(r.g, 6), r.HASH(32)))


@C
def clean_stripe_payout(r):
    return ("Stripe payout %s failed: %s; amount %s, arrival %s, balance_transaction %s, api_version %s" % (
        r.k("payout", "po_" + AN(r.g, 24)), r.c(["account_closed", "insufficient_funds"]), r.AMT(),
        r.TS("iso_ms"), r.k("txn", "txn_" + AN(r.g, 24)), r.k("api_version", "2024-%02d-%02d" % (r.g.randint(1, 12), r.g.randint(1, 28)))))


@C
def clean_graphql(r):
    out = {"errors": [{"message": "Not authorized to access Appointment.notes",
                       "extensions": {"code": r.k("code", "FORBIDDEN"), "requestId": r.RID()}}],
           "variables": {"appointmentId": r.UUID(), "first": int(r.INT("count", 1, 100))}}
    return "GraphQL %s: %s" % (r.TS("iso_z"), jdump(out))


@C
def clean_audit_summary(r):
    return ("audit rollup %s: events=%s denied=%s exported=%s from %s; ticket %s; codes %s,%s" % (
        r.YEAR(), r.INT("count", 100, 99999), r.INT("count2", 0, 99), r.INT("count3", 0, 999), r.IIP(),
        r.TICKET(), r.ICD(), r.CPT()))


@C
def clean_sidekiq(r):
    job = OrderedDict([("class", r.k("class", "NightlyLedgerCloseJob")), ("args", [int(r.INT()), r.YEAR()]),
                       ("jid", r.HASH(24)), ("enqueued_at", float("%d.%d" % (r.g.randint(1700000000, 1760000000), r.g.randint(100, 999)))),
                       ("error_class", r.EXC("Redis::TimeoutError")), ("error_message", "Connection timed out")])
    return "Sidekiq dead job: %s" % jdump(job)


# --------------------------------------------------------------------------
# self-check, generation, output
# --------------------------------------------------------------------------
def spans(value, text):
    return [(m.start(), m.end()) for m in re.finditer(phi_score._boundary_pattern(value), text)]


def perfect_scrub(text, values):
    out = text
    for v in sorted(set(values), key=lambda s: (-len(s), s)):
        out = re.sub(phi_score._boundary_pattern(v), "[REDACTED]", out)
    return out


def problems(text, phi, keep):
    """Return a list of reasons this record would not score cleanly (empty = ok)."""
    bad = []
    phi_spans = []
    for v, kind in phi:
        if kind not in phi_score.KINDS:
            bad.append("unknown kind %s" % kind)
        sp = spans(v, text)
        if not v.strip() or not sp:
            bad.append("phi not bounded in text: %r" % v)
        phi_spans += sp
    for v, kind in keep:
        sp = spans(v, text)
        if not sp:
            bad.append("keep not in text: %r" % v)
        for a, b in sp:
            if any(a < d and c < b for c, d in phi_spans):
                bad.append("keep overlaps phi: %r" % v)
                break
        if any(v == pv for pv, _ in phi):
            bad.append("keep equals phi: %r" % v)
    out = perfect_scrub(text, [v for v, _ in phi])
    od = phi_score.digits_of(out)
    for v, kind in phi:
        why = phi_score.leak_reason(v, kind, out, od)
        if why:
            bad.append("leak %s %r %s" % (kind, v, why))
    for v, _ in keep:
        if not phi_score.occurs(v, out):
            bad.append("keep lost: %r" % v)
    return bad


def build(i, fn):
    last = None
    for attempt in range(MAX_TRIES):
        g = random.Random("%s|%d|%d" % (SEED, i, attempt))
        r = R(g)
        text = fn(r)
        bad = problems(text, r.phi, r.keep)
        if not bad:
            rec = OrderedDict()
            rec["id"] = "blind-%05d" % i
            rec["family"] = "blind"
            rec["template"] = fn.__name__
            rec["text"] = text
            rec["phi"] = [OrderedDict([("value", v), ("kind", k)]) for v, k in r.phi]
            rec["keep"] = [v for v, _ in r.keep]
            rec["keep_kinds"] = [k for _, k in r.keep]
            return rec, attempt
        last = bad
    raise SystemExit("record %d (%s) failed %d tries: %s" % (i, fn.__name__, MAX_TRIES, last))


def generate():
    g = random.Random(SEED)
    clean_idx = set(g.sample(range(N_RECORDS), N_CLEAN))
    phi_order = list(range(len(PHI_TEMPLATES)))
    clean_order = list(range(len(CLEAN_TEMPLATES)))
    g.shuffle(phi_order)
    g.shuffle(clean_order)
    recs, redraws = [], 0
    pj = cj = 0
    for i in range(N_RECORDS):
        if i in clean_idx:
            fn = CLEAN_TEMPLATES[clean_order[cj % len(clean_order)]]
            cj += 1
        else:
            fn = PHI_TEMPLATES[phi_order[pj % len(phi_order)]]
            pj += 1
        rec, tries = build(i, fn)
        if i in clean_idx and rec["phi"]:
            raise SystemExit("clean template %s produced PHI" % fn.__name__)
        redraws += tries
        recs.append(rec)
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode("utf-8")
    return recs, data, redraws


def stats(recs):
    kinds = Counter(p["kind"] for r in recs for p in r["phi"])
    tmpl = Counter(r["template"] for r in recs)
    return kinds, tmpl


def main(argv):
    recs, data, redraws = generate()
    kinds, tmpl = stats(recs)
    short = [k for k in phi_score.KINDS if kinds[k] < 40]
    if short:
        raise SystemExit("kinds below 40 values: %s" % ", ".join("%s=%d" % (k, kinds[k]) for k in short))
    if "--check" in argv:
        with open(OUT, "rb") as f:
            cur = f.read()
        if cur != data:
            raise SystemExit("MISMATCH: %s differs from regenerated output" % OUT)
        print("ok: %s matches regenerated output (%d records, %d bytes)" % (OUT, len(recs), len(data)))
        return
    if "--stats" not in argv:
        with open(OUT, "wb") as f:
            f.write(data)
        print("wrote %s" % OUT)
    print("records=%d clean=%d templates=%d (phi %d, clean %d) redraws=%d" % (
        len(recs), sum(1 for r in recs if not r["phi"]), len(tmpl), len(PHI_TEMPLATES),
        len(CLEAN_TEMPLATES), redraws))
    print("values per kind: " + ", ".join("%s=%d" % (k, kinds[k]) for k in phi_score.KINDS))
    if "--stats" in argv:
        for t, n in sorted(tmpl.items()):
            print("  %-24s %d" % (t, n))


if __name__ == "__main__":
    main(sys.argv[1:])
