#!/usr/bin/env python3
"""Blind synthetic PHI evaluation corpus #4 for Relay (family "blind4").

Written blind: the author did not read Relay's scrubber (relay/), its tests,
the other corpora or their generators, nor the shared dev set.  Only the
format/labelling policy in /work/shared/phi/README.md and the scorer
tests/data/phi_score.py were consulted.  Name, city and street pools are
hand-written here; no Faker or packaged name lists.  Standard library only.

The texts imitate what a US mental-health practice platform emits: Sentry
messages and breadcrumbs, exception chains, ORM errors, queue payloads,
vendor webhooks (billing, eligibility, telehealth, e-fax, SMS), cron and
import reports, support tickets, clinician free text, voicemail
transcriptions, HL7 / FHIR / X12 fragments and logs in many languages.
One record in five holds no PHI, only look-alikes.

Every record is self-checked with phi_score.py: a perfect scrubber that
replaces exactly the labelled values with "[REDACTED]" must leak nothing and
keep every keep token; a failing record is redrawn (up to 40 tries).

Run from the repository root:
    python3 tests/data/make_phi_blind4.py           # writes tests/data/phi_blind4.jsonl
    python3 tests/data/make_phi_blind4.py --check   # regenerates, compares byte for byte
"""
import datetime
import json
import os
import random
import re
import sys
import unicodedata
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import phi_score  # noqa: E402

OUT = os.path.join(HERE, "phi_blind4.jsonl")
SEED = "relay-blind4-2024"
N_RECORDS = 800
N_CLEAN = 160
FAMILY = "blind4"

# --------------------------------------------------------------------------
# hand-written pools
# --------------------------------------------------------------------------
GIVEN = """
Aaliyah Abebe Adaeze Adebayo Adriana Agnieszka Ahmad Aiyana Akira Alejandro Alessandra Aliyu
Amara Ambrose Anahí Anders Anjali Annika Anselm Aoife Arjun Astrid Ayesha Azadeh Babajide
Bartholomew Beatriz Benedikt Bilal Björn Bronwyn Cáit Camille Catalina Cedric Chaim Chiamaka
Chidi Ciarán Cosima Dagny Dalia Damián Darius Deshawn Dmitri Dolores Dov Eamon Ebony Efua Eleni
Elif Emeka Esperanza Esther Eun-ji Evander Fatima Fenna Florin Folasade Gaspard Gideon Giulia
Gwendolyn Habib Hadley Haruto Hedda Hiroshi Hyun-woo Ignacio Ikaika Ilse Imani Inés Ioana
Isidore Itzel Jahnavi Jamal Jasmeet Jens Jiho Joaquín Jolene Jovana Kaveh Keanu Kenji Keziah
Khadija Kieran Kwame Lakshmi Lavinia Leilani Leocadia Linnea Lorcan Ludmila Luz Magdalena
Mahmoud Maëlle Makana Malak Marisol Marek Matías Meseret Mihail Minh Mireille Nadia Naveen
Nkechi Noor Nuala Obinna Odalys Olamide Oluwaseun Ondine Orly Osvaldo Paloma Parveen Perpetua
Pilar Priyanka Quentin Quilla Radomir Rafferty Rahel Rashida Reuven Rosalind Rukmini Saoirse
Sebastián Seong Shira Siddharth Sigrid Siobhan Soledad Stanislav Sunniva Svetlana Tadeo Tamsin
Tariq Temperance Teodora Thandiwe Thibault Tomasz Tuyết Ulrike Uriel Valentina Vasilis Vikram
Wairimu Wenonah Wilhelmina Xiomara Yaw Yesenia Yitzhak Yolanda Yusuf Zainab Zbigniew Zephyrine
Zofia Zoë Zuri Abdirahman Berenice Calogero Dafydd Eitan Fionnuala Guadalupe Henrik Ifeoma
Jaroslav Kalani Larissa Mattias Nazanin Oksana Pascual Rosalba Shlomo Tancredi Ugo Vesna Waleed
Ximena Yara Zhenya Benicio Cordelia Desmond Evangeline Fitzgerald Horatio Idris Jacinta Kofi
Lucian Marguerite Nikolai Ophelia Percival Rosamund Solveig Thaddeus Ursula Virgil Winifred
Marie-Claude Jean-Baptiste Ngozi Tenzin Dechen Pania Aroha Sione Losaline Teuila Nalani
""".split()

SURNAMES = """
Abernathy Achebe Adeyemi Agarwal Ahlström Al-Masri Andrianarivo Arceneaux Azikiwe Bachmann
Balogun Banerjee Barrientos Bergqvist Bhattacharya Bianchi Blackfeather Boateng Bogdanović
Brzezinski Castellanos Cervantes Chakraborty Chaudhry Cheung Ciobanu Cuthbertson D'Souza
Dąbrowski Delacroix Dimitriou Dlamini Domínguez Drăgulescu Dvořák Eberhardt Echeverría Egwu
Ekström Elkayam Esposito Fairweather Falconer Fernández-Ruiz Fitzpatrick Fonoti Fujimoto
Gallagher Garibaldi Gebremedhin Ghosh Giordano Gonçalves Grünewald Gutiérrez Haddad Halvorsen
Hamasaki Hernández Hollingsworth Huang Ibáñez Idowu Iwasaki Jablonski Jankowska Jaramillo
Jovanović Kahananui Kalinowski Kapoor Karimi Kasprzak Kealoha Kowalczyk Krishnamurthy
Kuznetsova Lachance Lindqvist Lombardi Løvland MacAllister Machado Mahlangu Makinde Maldonado
Mbeki McCloskey Mendoza-Ortiz Mirzaei Moreau Mukherjee Murakami N'Diaye Nakashima Navarrete
Ndlovu Nguyễn Nwosu Nyström O'Connell O'Shaughnessy Obuya Odhiambo Ogunleye Okafor Okonkwo
Oyelaran Pacheco Papadakis Pereira Petrovic Phan Pietrzak Quezada Quigley Rahimi Ramaswamy
Rautenbach Reyes-Villanueva Rinaldi Rostami Rozenberg Saavedra Sakamoto Salazar Santangelo
Schoenfeld Sepúlveda Shapiro Sheikh Sigurðsson Silveira Sokolov Stavropoulos Szymańska
Takahashi Talavera Tanaka Thorsdottir Tiwari Toussaint Trujillo Tshabalala Uchenna Urquhart
Valdivia Vasquez Venkataraman Villalobos Vukovic Wainwright Wasserman Weatherspoon Whitfield
Wojcik Xiong Yamamoto Yazzie Yeboah Yilmaz Zamora Zeleke Zielinski Zubiri Begay Tsosie Kekumu
Aquino Bautista Dimaculangan Macapagal Soriano Tolentino Villareal Ansah Asante Mensah Owusu
Abdi Farah Hussein Warsame Kaur Sandhu Grewal Dhillon Pham Trinh Duong Jeong Horvath Nagy
Szabo Novak Kovacs Popescu Ionescu Lungu Marchetti Ferraro Ruggiero Lindgren Sandoval Escobar
Fuentes Carrasco Ostrowski Wiśniewski Kaczmarek Hakimi Sadeghi Tehrani Gilchrist
Featherstonehaugh Cholmondeley Lefebvre Beaulieu Thibodeaux Boudreaux Hebert Oyelowo
Rakotomalala Tauiliili Faleolo Mahoe Nakoa Attakai Benally Kowalski Ferreira-Lopes
""".split() + ["de la Cruz", "van der Berg", "Ó Briain", "St. Clair", "bin Rashid", "ben-David",
               "Da Silva", "von Ahlefeldt", "Mac an tSaoir", "del Toro", "Le Thi"]

NICKS = ["Bex", "Tito", "Kiki", "Jojo", "Chuy", "Beto", "Nacho", "Bibi", "Toto", "Gigi", "Rafa",
         "Tash", "Nico", "Mimi", "Sasha", "Lulu", "Pip", "Dodie", "Bubba", "Kofo", "Ollie", "Tavi"]

CITIES = [("Albuquerque", "NM"), ("Ann Arbor", "MI"), ("Asheville", "NC"), ("Bakersfield", "CA"),
          ("Baton Rouge", "LA"), ("Billings", "MT"), ("Boise", "ID"), ("Burlington", "VT"),
          ("Cedar Rapids", "IA"), ("Chattanooga", "TN"), ("Cheyenne", "WY"), ("Chula Vista", "CA"),
          ("Duluth", "MN"), ("Durham", "NC"), ("Eugene", "OR"), ("Fargo", "ND"), ("Flagstaff", "AZ"),
          ("Fresno", "CA"), ("Gainesville", "FL"), ("Grand Rapids", "MI"), ("Hialeah", "FL"),
          ("Kalamazoo", "MI"), ("Lafayette", "LA"), ("Laredo", "TX"), ("Lubbock", "TX"),
          ("Missoula", "MT"), ("Modesto", "CA"), ("Montpelier", "VT"), ("Olympia", "WA"),
          ("Oxnard", "CA"), ("Pawtucket", "RI"), ("Peoria", "IL"), ("Poughkeepsie", "NY"),
          ("Provo", "UT"), ("Pueblo", "CO"), ("Roanoke", "VA"), ("Sacramento", "CA"),
          ("Santa Fe", "NM"), ("Savannah", "GA"), ("Scranton", "PA"), ("Spokane", "WA"),
          ("Syracuse", "NY"), ("Tacoma", "WA"), ("Tallahassee", "FL"), ("Tempe", "AZ"),
          ("Toledo", "OH"), ("Tucson", "AZ"), ("Tulsa", "OK"), ("Waco", "TX"), ("Walla Walla", "WA"),
          ("Wichita", "KS"), ("Worcester", "MA"), ("Yakima", "WA"), ("Ypsilanti", "MI"),
          ("San Luis Obispo", "CA"), ("Coeur d'Alene", "ID"), ("Kalispell", "MT"), ("Hilo", "HI"),
          ("Kailua-Kona", "HI"), ("Las Cruces", "NM"), ("Muskogee", "OK"), ("Natchez", "MS"),
          ("Bozeman", "MT"), ("Sheboygan", "WI"), ("Oshkosh", "WI"), ("Schenectady", "NY"),
          ("Hoboken", "NJ"), ("Paramus", "NJ"), ("Cuyahoga Falls", "OH"), ("Kenosha", "WI"),
          ("Lake Havasu City", "AZ"), ("Bismarck", "ND"), ("Dubuque", "IA"), ("Hattiesburg", "MS"),
          ("Opelousas", "LA"), ("Tuba City", "AZ"), ("Shiprock", "NM"), ("Bethel", "AK")]

STREETS = ["Oak Hollow", "Juniper", "Calle Esperanza", "Martin Luther King Jr", "Kamehameha",
           "Old Mill", "Tanglewood", "Wren Hollow", "Saguaro", "Bluebonnet", "Chickasaw",
           "Magnolia", "Quail Ridge", "Sycamore", "Lakeshore", "Pinecrest", "Riverbend",
           "Aspen Grove", "Cottonwood", "Briarcliff", "Whispering Pines", "Fourth", "23rd", "Elm",
           "Harbor View", "Camino del Sol", "Bayou Teche", "Pheasant Run", "Stagecoach",
           "Kalanianaole", "Rue Royale", "Vista Linda", "Hemlock", "Tamarack", "Old Post",
           "Foxglove", "Copperfield", "Mesquite", "Lantana", "Chestnut Ridge", "7th", "112th"]
SUFFIX = ["St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Dr", "Drive", "Ln", "Ct", "Way",
          "Pl", "Terrace", "Circle", "Pkwy", "Hwy", "Trail"]
UNITS = ["Apt 4B", "#12", "Unit 305", "Apt. 2", "Suite 210", "Lot 17", "Apt 11C", "Unit B", "#3F"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON = [m[:3] for m in MONTHS]

PAYERS = ["Aetna", "Cigna", "UnitedHealthcare", "Blue Cross Blue Shield of Texas", "Anthem",
          "Humana", "Kaiser Permanente", "Optum", "Magellan Health", "Medicaid", "Medicare",
          "Tricare", "Molina Healthcare", "Oscar Health", "Ambetter", "Highmark",
          "Carelon Behavioral Health", "Beacon Health Options", "Premera Blue Cross",
          "Florida Blue", "Independence Blue Cross", "Priority Health", "CareSource"]
PHARMACIES = ["CVS Pharmacy", "Walgreens", "Rite Aid", "Walmart Pharmacy", "Costco Pharmacy",
              "Kroger Pharmacy", "Express Scripts", "Amazon Pharmacy", "Publix Pharmacy",
              "H-E-B Pharmacy", "Safeway Pharmacy", "OptumRx"]
DRUGS = ["sertraline", "escitalopram", "fluoxetine", "bupropion XL", "lamotrigine", "quetiapine",
         "aripiprazole", "lithium carbonate", "buspirone", "hydroxyzine", "trazodone",
         "mirtazapine", "venlafaxine ER", "duloxetine", "methylphenidate ER", "atomoxetine",
         "prazosin", "naltrexone", "buprenorphine/naloxone", "clonazepam", "lurasidone",
         "guanfacine ER", "vilazodone", "lisdexamfetamine"]
DOSES = ["5 mg", "10 mg", "20 mg", "25 mg", "50 mg", "75 mg", "100 mg", "150 mg", "300 mg",
         "0.5 mg", "2 mg", "8 mg/2 mg", "36 mg", "40 mg", "60 mg"]
ICD10 = ["F32.1", "F33.2", "F41.1", "F43.10", "F43.12", "F90.0", "F31.81", "F42.2", "F50.01",
         "F10.20", "F11.20", "F40.10", "Z63.0", "F34.1", "F60.3", "Z91.19", "F43.23", "F41.0",
         "F84.0", "F31.32", "F17.210", "Z65.8"]
CPT = ["90791", "90834", "90837", "90847", "90853", "99214", "96127", "90785", "90832",
       "90839", "99213", "96130", "90846", "99404", "H0031", "G0444"]
PRODUCTS = ["Mac OS X", "Chrome 120", "Safari 17.2", "Firefox 122", "Windows 11", "iOS 17.3",
            "Android 14", "Edge 121", "Zoom 5.17", "Kaiser Permanente", "Epic Hyperspace",
            "Microsoft Teams", "Twilio Programmable Voice", "Google Chrome", "Samsung Internet 23"]
FLAGS = ["ff_new_intake_flow", "enable_sms_reminders", "billing.v2_claims", "telehealth_waiting_room",
         "FEATURE_EFAX_RETRY", "use_fhir_r4_bundle", "portal.self_schedule", "x12_5010_strict",
         "ENABLE_ERA_AUTOPOST", "pdmp_autocheck"]
SERVICES = ["intake-api", "billing-worker", "claims-sync", "notify-svc", "portal-web",
            "scheduler", "efax-gateway", "eligibility-poller", "fhir-bridge", "hl7-listener",
            "telehealth-rooms", "erx-router", "statement-batch", "audit-shipper", "import-runner"]
EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me",
                 "aol.com", "comcast.net", "att.net", "fastmail.com", "me.com", "hey.com",
                 "sbcglobal.net", "verizon.net", "live.com", "ymail.com"]
PRACTICE_DOMAINS = ["brightpathcounseling.com", "mindharborhealth.org", "cedarwellness.net",
                    "northstar-psych.com", "tidewaterbh.org", "stillwatertherapy.co",
                    "lumenmentalhealth.com", "blueheronclinic.org"]
CLIN_CRED = ["LCSW", "PsyD", "PhD", "LMFT", "LPC", "PMHNP-BC", "MD", "LMHC", "LCPC"]
INFRA_IPS = ["10.0.3.17", "10.12.40.5", "10.200.1.33", "172.16.8.21", "172.20.0.4",
             "172.31.44.190", "127.0.0.1", "10.1.0.250", "172.18.3.9", "10.88.6.142"]
PUB_OCTET1 = [24, 31, 38, 45, 47, 50, 64, 66, 67, 68, 69, 71, 73, 76, 81, 82, 86, 89, 96, 98,
              104, 107, 108, 142, 148, 151, 162, 173, 174, 184, 187, 189, 201, 207, 208, 209, 212,
              216]
V6_PREFIX = ["2601", "2603", "2600", "2a02", "2607", "2604", "2a01", "2001:4860"]
EXC_PY = ["ValueError", "KeyError", "sqlalchemy.exc.IntegrityError", "django.core.exceptions.ValidationError",
          "psycopg2.errors.UniqueViolation", "requests.exceptions.HTTPError", "pydantic.ValidationError",
          "celery.exceptions.MaxRetriesExceededError", "botocore.exceptions.ClientError"]

# --------------------------------------------------------------------------
# identifier generators
# --------------------------------------------------------------------------
def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]", "", s)


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


VIN_TR = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4,
                                                5, 6, 7, 8, 9]))
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
VIN_CH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def vin_check(v):
    s = sum((int(c) if c.isdigit() else VIN_TR[c]) * w for c, w in zip(v, VIN_W))
    r = s % 11
    return "X" if r == 10 else str(r)


class Person:
    def __init__(self, r, born=(1935, 2012)):
        self.given = r.choice(GIVEN)
        self.surname = r.choice(SURNAMES)
        self.mid = r.choice("ABCDEFGHJKLMNPRSTVWZ")
        self.nick = r.choice(NICKS)
        self.mono = r.random() < 0.03
        y = r.randint(*born)
        self.dob = datetime.date(y, 1, 1) + datetime.timedelta(days=r.randint(0, 364))

    @property
    def full(self):
        return self.surname if self.mono else "%s %s" % (self.given, self.surname)


class Ctx:
    """Per-record builder: P() labels PHI, K() registers keep tokens."""

    def __init__(self, r):
        self.r = r
        self.phi = []
        self.keep = []
        self.kk = []

    def P(self, v, kind):
        v = str(v)
        if (v, kind) not in self.phi:
            self.phi.append((v, kind))
        return v

    def K(self, v, kind):
        v = str(v)
        if v not in self.keep:
            self.keep.append(v)
            self.kk.append(kind)
        return v

    def ch(self, seq):
        return self.r.choice(seq)

    def digits(self, n):
        return "".join(str(self.r.randint(0, 9)) for _ in range(n))

    def hexs(self, n):
        return "".join(self.r.choice("0123456789abcdef") for _ in range(n))

    def letters(self, n, pool="ABCDEFGHJKLMNPQRSTUVWXYZ"):
        return "".join(self.r.choice(pool) for _ in range(n))

    # ---------------- people
    def person(self, born=(1935, 2012)):
        return Person(self.r, born)

    def clinician(self):
        return Person(self.r, (1950, 1995))

    def name(self, p, style=None):
        r = self.r
        if p.mono:
            return self.P(p.surname.upper() if style == "caps" else p.surname, "NAME")
        if style is None:
            style = r.choice(["full", "full", "full", "lf", "caps", "init", "mid", "nick", "lfs",
                              "first_l", "lower", "full", "mid", "lf"])
        g, s = p.given, p.surname
        if style == "full":
            v = "%s %s" % (g, s)
        elif style == "lf":
            v = "%s, %s %s." % (s, g, p.mid)
        elif style == "lfs":
            v = "%s, %s" % (s, g)
        elif style == "caps":
            v = ("%s %s" if r.random() < 0.5 else "%s, %s") % ((g.upper(), s.upper()) if r.random() < 0.5 else (s.upper(), g.upper()))
            v = v.upper()
        elif style == "init":
            v = "%s. %s" % (ascii_fold(g)[:1] or "J", s)
        elif style == "mid":
            v = "%s %s. %s" % (g, p.mid, s)
        elif style == "nick":
            v = "%s '%s' %s" % (g, p.nick, s) if r.random() < 0.5 else "%s (%s) %s" % (g, p.nick, s)
        elif style == "first_l":
            v = "%s %s." % (g, s[0].upper())
        elif style == "lower":
            v = ("%s %s" % (g, s)).lower()
        elif style == "first":
            v = g
        elif style == "last":
            v = s
        elif style == "hl7":
            v = "%s^%s^%s" % (s.upper(), g.upper(), p.mid)
        elif style == "under":
            v = "%s_%s" % (ascii_fold(s), ascii_fold(g))
        else:
            raise ValueError(style)
        return self.P(v, "NAME")

    def titled(self, p, title=None):
        t = title or self.ch(["Mr.", "Ms.", "Mrs.", "Mx.", "Ms"])
        return "%s %s" % (t, self.P(p.surname, "NAME"))

    def doc(self, p, style=None):
        if self.r.random() < 0.5:
            return "Dr. " + self.name(p, style or self.ch(["last", "full", "init"]))
        return "%s, %s" % (self.name(p, style or self.ch(["full", "mid", "init"])), self.ch(CLIN_CRED))

    # ---------------- dates
    def fmt_date(self, d, style=None, year=True):
        r = self.r
        styles = ["mdy", "mdy_short", "iso", "dmony", "longth", "dmy_long", "hl7", "pydate",
                  "long", "mdy", "iso", "mon_d_y", "dot"]
        if not year:
            styles = ["mon_d", "md", "long_noy", "ofmonth"]
        st = style or r.choice(styles)
        if st == "mdy":
            return "%02d/%02d/%04d" % (d.month, d.day, d.year)
        if st == "mdy_short":
            return "%d/%d/%02d" % (d.month, d.day, d.year % 100)
        if st == "iso":
            return d.isoformat()
        if st == "dmony":
            return "%02d-%s-%04d" % (d.day, MON[d.month - 1], d.year)
        if st == "longth":
            return "%s %d%s, %d" % (MONTHS[d.month - 1], d.day, ordsuf(d.day), d.year)
        if st == "dmy_long":
            return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
        if st == "hl7":
            return d.strftime("%Y%m%d")
        if st == "pydate":
            return "datetime.date(%d, %d, %d)" % (d.year, d.month, d.day)
        if st == "long":
            return "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year)
        if st == "mon_d_y":
            return "%s %d %d" % (MON[d.month - 1], d.day, d.year)
        if st == "dot":
            return "%d.%d.%d" % (d.month, d.day, d.year)
        if st == "mon_d":
            return "%s %d" % (MON[d.month - 1], d.day)
        if st == "md":
            return "%d/%d" % (d.month, d.day)
        if st == "long_noy":
            return "%s %d%s" % (MONTHS[d.month - 1], d.day, ordsuf(d.day))
        if st == "ofmonth":
            return "%d%s of %s" % (d.day, ordsuf(d.day), MONTHS[d.month - 1])
        raise ValueError(st)

    def date(self, d=None, style=None, year=True):
        if d is None:
            d = self.appt_day()
        return self.P(self.fmt_date(d, style, year), "DATE")

    def dob(self, p, style=None):
        return self.date(p.dob, style)

    def appt_day(self):
        return datetime.date(2023, 1, 1) + datetime.timedelta(days=self.r.randint(0, 900))

    # ---------------- contact
    def nanp(self):
        r = self.r
        while True:
            a = r.choice("23456789") + str(r.randint(0, 8)) + str(r.randint(0, 9))
            e = r.choice("23456789") + "%02d" % r.randint(0, 99)
            if a[1:] != "11" and e[1:] != "11":
                return a, e, "%04d" % r.randint(0, 9999)

    def phone_str(self, intl=0.1):
        r = self.r
        if r.random() < intl:
            return r.choice([
                lambda: "+44 20 %s %s" % (self.digits(4), self.digits(4)),
                lambda: "+52 55 %s %s" % (self.digits(4), self.digits(4)),
                lambda: "+91 9%s %s" % (self.digits(4), self.digits(5)),
                lambda: "+49 30 %s%s" % (r.randint(2, 9), self.digits(6)),
                lambda: "+63 917 %s %s" % (self.digits(3), self.digits(4)),
                lambda: "+234 803 %s %s" % (self.digits(3), self.digits(4)),
                lambda: "+1 (604) %d%s-%s" % (r.randint(2, 9), self.digits(2), self.digits(4)),
            ])()
        a, e, n = self.nanp()
        f = r.choice(["(%s) %s-%s", "%s-%s-%s", "%s.%s.%s", "+1 %s %s %s", "+1%s%s%s",
                      "1-%s-%s-%s", "%s%s%s", "(%s)%s-%s", "+1 (%s) %s-%s", "%s %s %s"])
        return f % (a, e, n)

    def phone(self, intl=0.1):
        return self.P(self.phone_str(intl), "PHONE")

    def fax(self):
        return self.P(self.phone_str(0.03), "FAX")

    def email(self, p, clin=False):
        r = self.r
        g, s = ascii_fold(p.given).lower(), ascii_fold(p.surname).lower()
        local = r.choice([g + "." + s, g[0] + s, g + "_" + s + str(r.randint(60, 99)),
                          g + s + str(r.randint(1, 30)), s + "." + g, g + "." + s[0],
                          s + g[0] + str(r.randint(1, 9)), g + "+portal"])
        if clin:
            local = r.choice([g + "." + s, g[0] + s, "dr." + s])
            dom = r.choice(PRACTICE_DOMAINS)
        else:
            dom = r.choice(EMAIL_DOMAINS)
        return self.P(local + "@" + dom, "EMAIL")

    def address(self):
        r = self.r
        if r.random() < 0.1:
            v = r.choice(["PO Box %d", "P.O. Box %d", "Post Office Box %d"]) % r.randint(10, 99999)
        else:
            v = "%d %s %s" % (r.randint(1, 29999), r.choice(STREETS), r.choice(SUFFIX))
            if r.random() < 0.15:
                v = r.choice(["N ", "S ", "E ", "W ", "NW "]) + v.split(" ", 1)[1]
                v = "%d %s" % (r.randint(100, 9999), v)
            if r.random() < 0.35:
                v += r.choice([" ", ", "]) + r.choice(UNITS)
        return self.P(v, "ADDRESS")

    def city(self):
        c, st = self.ch(CITIES)
        return self.P(c, "CITY"), st

    def zip(self, plus4=None):
        r = self.r
        z = "%d%04d" % (r.randint(1, 9), r.randint(0, 9999))
        if plus4 or (plus4 is None and r.random() < 0.3):
            z += "-%04d" % r.randint(1, 9999)
        return self.P(z, "ZIP")

    def ip(self, v6=None):
        r = self.r
        if v6 or (v6 is None and r.random() < 0.25):
            pre = r.choice(V6_PREFIX)
            n = 8 - pre.count(":") - 1
            v = pre + ":" + ":".join("%x" % r.randint(1, 0xffff) for _ in range(n))
        else:
            v = "%d.%d.%d.%d" % (r.choice(PUB_OCTET1), r.randint(0, 255), r.randint(0, 255),
                                 r.randint(1, 254))
        return self.P(v, "IP")

    # ---------------- identifiers
    def ssn(self, style=None):
        r = self.r
        while True:
            a = r.randint(1, 899)
            if a != 666:
                break
        g, s = r.randint(1, 99), r.randint(1, 9999)
        st = style or r.choice(["-", "-", "-", " ", ""])
        return self.P("%03d%s%02d%s%04d" % (a, st, g, st, s), "SSN")

    def mrn(self):
        r = self.r
        f = r.choice([lambda: "%08d" % r.randint(100000, 99999999),
                      lambda: "MRN%07d" % r.randint(1, 9999999),
                      lambda: "M%07d" % r.randint(1, 9999999),
                      lambda: "CHT-%06d" % r.randint(1, 999999),
                      lambda: "PT%d-%05d" % (r.randint(2015, 2024), r.randint(1, 99999)),
                      lambda: "%s%06d" % (self.letters(2), r.randint(1, 999999)),
                      lambda: "E%d" % r.randint(1000000, 9999999)])
        return self.P(f(), "MRN")

    def member(self):
        r = self.r
        f = r.choice([lambda: "%s%09d" % (self.letters(3), r.randint(0, 999999999)),
                      lambda: "W%09d" % r.randint(0, 999999999),
                      lambda: "%d%s%d%s" % (r.randint(1, 9), self.letters(1), r.randint(100, 999), self.letters(3)),
                      lambda: self.mbi(),
                      lambda: "U%07d-0%d" % (r.randint(0, 9999999), r.randint(1, 4)),
                      lambda: "%011d" % r.randint(10 ** 9, 10 ** 11 - 1)])
        return self.P(f(), "HEALTH_PLAN")

    def mbi(self):
        r = self.r
        A = "ACDEFGHJKMNPQRTUVWXY"
        AN = A + "0123456789"
        v = (str(r.randint(1, 9)) + r.choice(A) + r.choice(AN) + str(r.randint(0, 9)) + r.choice(A)
             + r.choice(AN) + str(r.randint(0, 9)) + r.choice(A) + r.choice(A) + self.digits(2))
        if r.random() < 0.5:
            v = v[:4] + "-" + v[4:7] + "-" + v[7:]
        return v

    def group(self):
        r = self.r
        f = r.choice([lambda: "GRP-%05d" % r.randint(1, 99999), lambda: "%06d" % r.randint(100000, 999999),
                      lambda: "0%d-%04d" % (r.randint(10, 99), r.randint(0, 9999)),
                      lambda: "%s%d" % (self.letters(2), r.randint(10000, 999999))])
        return self.P(f(), "HEALTH_PLAN")

    def acct(self):
        r = self.r
        f = r.choice([lambda: "ACCT-%08d" % r.randint(0, 99999999), lambda: "%010d" % r.randint(10 ** 7, 10 ** 10 - 1),
                      lambda: "G%07d" % r.randint(0, 9999999), lambda: "PA-%06d" % r.randint(0, 999999),
                      lambda: self.pan(), lambda: "%d-%06d-%02d" % (r.randint(100, 999), r.randint(0, 999999), r.randint(0, 99))])
        return self.P(f(), "ACCOUNT")

    def pan(self):
        p = self.r.choice(["4", "51", "37"])
        body = p + self.digits((15 if p != "37" else 14) - len(p))
        v = body + luhn_digit(body)
        if self.r.random() < 0.4 and len(v) == 16:
            v = " ".join(v[i:i + 4] for i in range(0, 16, 4))
        return v

    def npi(self):
        base = self.r.choice("12") + self.digits(8)
        return self.P(base + luhn_digit("80840" + base), "LICENSE")

    def dea(self, p):
        first = self.r.choice("ABFGM")
        sec = (ascii_fold(p.surname)[:1] or "X").upper()
        d = [self.r.randint(0, 9) for _ in range(6)]
        chk = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
        return self.P(first + sec + "".join(map(str, d)) + str(chk), "LICENSE")

    def statelic(self):
        r = self.r
        f = r.choice([lambda: "LPC%06d" % r.randint(1, 999999), lambda: "PSY %d" % r.randint(10000, 39999),
                      lambda: "LCSW-%05d" % r.randint(1, 99999), lambda: "MD.%07d" % r.randint(1, 9999999),
                      lambda: "%s%d" % (r.choice(["A", "G", "C"]), r.randint(40000, 189999)),
                      lambda: "LMFT %06d" % r.randint(1, 999999), lambda: "RN%07d" % r.randint(1, 9999999)])
        return self.P(f(), "LICENSE")

    def dl(self):
        r = self.r
        f = r.choice([lambda: "%s%07d" % (self.letters(1), r.randint(0, 9999999)),
                      lambda: "%s%03d-%04d-%04d" % (self.letters(1), r.randint(0, 999), r.randint(0, 9999), r.randint(0, 9999)),
                      lambda: "%09d" % r.randint(10 ** 7, 10 ** 9 - 1),
                      lambda: "%s%d" % (self.letters(2), r.randint(100000, 9999999))])
        return self.P(f(), "LICENSE")

    def vin(self):
        r = self.r
        wmi = r.choice(["1HG", "1FT", "2T1", "3VW", "5YJ", "JM1", "KM8", "WBA", "1G1", "4T1", "JN1", "5NP", "1C4", "2HK"])
        vds = "".join(r.choice(VIN_CH) for _ in range(5))
        yr = r.choice("ABCDEFGHJKLMNPRSTVWXY123456789")
        plant = r.choice(VIN_CH)
        ser = self.digits(6)
        v = wmi + vds + "0" + yr + plant + ser
        v = v[:8] + vin_check(v) + v[9:]
        return self.P(v, "VEHICLE")

    def plate(self):
        r = self.r
        f = r.choice([lambda: "%d%s%03d" % (r.randint(1, 9), self.letters(3), r.randint(0, 999)),
                      lambda: "%s-%04d" % (self.letters(3), r.randint(0, 9999)),
                      lambda: "%s %04d" % (self.letters(3), r.randint(0, 9999)),
                      lambda: "%s%d%s" % (self.letters(2), r.randint(100, 999), self.letters(2)),
                      lambda: "%03d %s" % (r.randint(0, 999), self.letters(3))])
        return self.P(f(), "VEHICLE")

    def imei(self):
        body = self.r.choice(["35", "86", "01", "99", "49"]) + self.digits(12)
        v = body + luhn_digit(body)
        if self.r.random() < 0.3:
            v = "%s-%s-%s-%s" % (v[:2], v[2:8], v[8:14], v[14])
        return self.P(v, "DEVICE")

    def serial(self):
        r = self.r
        f = r.choice([lambda: "C02%s" % self.letters(9, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"),
                      lambda: "PJN%06d" % r.randint(0, 999999),
                      lambda: "SN%s%07d" % (self.letters(2), r.randint(0, 9999999)),
                      lambda: "%s-%s-%s" % (self.letters(4), self.digits(4), self.letters(2)),
                      lambda: ":".join(self.hexs(2) for _ in range(6)),
                      lambda: "G%s%s" % (self.digits(3), self.letters(8, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"))])
        return self.P(f(), "DEVICE")

    def rx(self):
        r = self.r
        f = r.choice([lambda: "%07d" % r.randint(1000000, 9999999), lambda: "RX%08d" % r.randint(0, 99999999),
                      lambda: "%d-%05d" % (r.randint(10, 99), r.randint(0, 99999))])
        return self.P(f(), "OTHER_ID")

    def username(self, p):
        r = self.r
        g, s = ascii_fold(p.given).lower(), ascii_fold(p.surname).lower()
        v = r.choice([g + s[:1] + str(r.randint(70, 99)), g + "." + s + str(r.randint(1, 99)),
                      s + g[:2] + str(r.randint(1, 9)), g[:1] + s + "_" + str(r.randint(10, 99)),
                      r.choice(["bluejay", "nightowl", "sunnyside", "mossyrock", "quietriver"]) + str(r.randint(100, 999))])
        return self.P(v, "OTHER_ID")

    def passport(self):
        return self.P(self.r.choice(["%09d" % self.r.randint(10 ** 8, 10 ** 9 - 1),
                                     "%s%08d" % (self.letters(1), self.r.randint(0, 99999999))]), "OTHER_ID")

    def case_no(self):
        r = self.r
        return self.P(r.choice(["%d-CR-%05d" % (r.randint(2019, 2024), r.randint(1, 99999)),
                                "FC-%d-%06d" % (r.randint(19, 24), r.randint(1, 999999)),
                                "%dDR%06d" % (r.randint(19, 24), r.randint(1, 999999)),
                                "CPS-%s-%05d" % (self.letters(2), r.randint(1, 99999))]), "OTHER_ID")

    def age90(self):
        return self.P(str(self.r.randint(90, 104)), "AGE_OVER_89")

    # ---------------- keep look-alikes
    def ts(self, style=None):
        r = self.r
        d = datetime.datetime(2024, 1, 1) + datetime.timedelta(seconds=r.randint(0, 400 * 86400))
        ms = r.randint(0, 999)
        st = style or r.choice(["isoz", "isooff", "log", "logc", "sentry"])
        if st == "isoz":
            v = d.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % ms
        elif st == "isooff":
            v = d.strftime("%Y-%m-%dT%H:%M:%S") + r.choice(["+00:00", "-05:00", "-07:00"])
        elif st == "log":
            v = d.strftime("%Y-%m-%d %H:%M:%S") + ".%03d" % ms
        elif st == "logc":
            v = d.strftime("%Y-%m-%d %H:%M:%S") + ",%03d" % ms
        else:
            v = d.strftime("%Y-%m-%dT%H:%M:%S") + ".%06d" % (ms * 1000 + r.randint(0, 999))
        return self.K(v, "timestamp")

    def uuid(self):
        return self.K(str(uuid.UUID(int=self.r.getrandbits(128), version=4)), "uuid")

    def req(self):
        return self.K(self.ch(["req_", "req-", "rid:", ""]) + self.hexs(self.ch([12, 16, 20])), "request_id")

    def trace(self):
        return self.K(self.hexs(32), "trace_id")

    def ver(self):
        r = self.r
        return self.K(r.choice(["v", "", "relay@"]) + "%d.%d.%d" % (r.randint(1, 9), r.randint(0, 60), r.randint(0, 30)), "version")

    def sha(self, n=None):
        return self.K(self.hexs(n or self.ch([7, 8, 12, 40])), "hash")

    def amount(self):
        return self.K("$%d.%02d" % (self.r.randint(5, 2400), self.r.choice([0, 0, 50, 25, 75, self.r.randint(1, 99)])), "amount")

    def icd(self):
        return self.K(self.ch(ICD10), "icd10")

    def cpt(self):
        return self.K(self.ch(CPT), "cpt")

    def ndc(self):
        r = self.r
        return self.K(r.choice(["%04d-%04d-%02d", "%05d-%03d-%02d", "%05d-%04d-%01d"]) % (
            r.randint(1, 9999), r.randint(1, 999), r.randint(1, 9)), "ndc")

    def payer(self):
        return self.K(self.ch(PAYERS), "payer")

    def pharm(self):
        return self.K(self.ch(PHARMACIES), "pharmacy")

    def drug(self):
        return self.K(self.ch(DRUGS), "drug")

    def dose(self):
        return self.K(self.ch(DOSES), "dose")

    def exc(self, name):
        return self.K(name, "exception")

    def cls(self, name):
        return self.K(name, "class")

    def mod(self, name):
        return self.K(name, "module")

    def svc(self):
        return self.K(self.ch(SERVICES), "service")

    def infra(self):
        return self.K(self.ch(INFRA_IPS), "infra_ip")

    def port(self):
        return self.K(str(self.ch([5432, 6379, 8080, 8443, 5672, 9092, 2575, 3306, 6432, 4317, 9200, 27017])), "port")

    def dur(self):
        r = self.r
        return self.K(r.choice(["%dms" % r.randint(3, 29999), "%.2fs" % (r.random() * 60), "%d ms" % r.randint(3, 9999)]), "duration")

    def status(self, code=None):
        return self.K(str(code or self.ch([400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504])), "status")

    def year(self):
        return self.K(str(self.r.randint(2016, 2025)), "year")

    def ticket(self):
        r = self.r
        return self.K(r.choice(["OPS-%d", "SUP-%d", "INC%07d", "INV-2024-%05d", "ZD#%d", "BILL-%d"]) % r.randint(100, 99999), "ticket")

    def flag(self):
        return self.K(self.ch(FLAGS), "flag")

    def product(self):
        return self.K(self.ch(PRODUCTS), "product")

    def count(self, lo=2, hi=5000):
        return self.K(str(self.r.randint(lo, hi)), "count")

    def dbid(self):
        return self.K(str(self.r.randint(1000, 9999999)), "db_id")

    def table(self, t):
        return self.K(t, "table")

    def col(self, c):
        return self.K(c, "column")


def ordsuf(n):
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")

# --------------------------------------------------------------------------
# templates with PHI
# --------------------------------------------------------------------------
PHI_T = []
CLEAN_T = []


def T(f):
    PHI_T.append(f)
    return f


def C(f):
    CLEAN_T.append(f)
    return f


def jd(obj):
    return json.dumps(obj, ensure_ascii=False)


@T
def sentry_py_validation(X):
    p = X.person()
    e = X.exc(X.ch(["django.core.exceptions.ValidationError", "pydantic.ValidationError", "ValueError"]))
    return ("%s: Patient(name='%s', dob=%s) already has an open intake scheduled for %s\n"
            "event_id=%s release=%s environment=production" % (
                e, X.name(p, X.ch(["full", "mid", "nick"])), X.dob(p, "pydate"), X.date(),
                X.K(X.hexs(32), "event_id"), X.ver()))


@T
def sentry_breadcrumbs(X):
    p = X.person()
    m = X.mrn()
    host = X.ch(["portal.brightpath.example", "app.mindharbor.example", "ehr.cedarwell.example"])
    url = X.P("https://%s/patients/%s/notes" % (host, m), "URL")
    lines = ["Breadcrumbs (last 4):",
             "  %s [navigation] from /dashboard to /patients/%s" % (X.ts("isoz"), m),
             "  %s [http] GET %s -> %s" % (X.ts("isoz"), url, X.status(200)),
             "  %s [query] SELECT id FROM %s WHERE email = '%s' LIMIT 1" % (X.ts("isoz"), X.table("patient_contacts"), X.email(p)),
             "  %s [ui.click] button#save-progress-note" % X.ts("isoz"),
             "TypeError: Cannot read properties of undefined (reading 'signature')"]
    X.exc("TypeError")
    return "\n".join(lines)


@T
def java_caused_by(X):
    p = X.person()
    X.exc("org.springframework.dao.DataIntegrityViolationException")
    X.exc("org.hibernate.exception.ConstraintViolationException")
    s = X.ssn("-")
    return ("org.springframework.dao.DataIntegrityViolationException: could not execute statement; "
            "constraint [uq_patient_ssn]\n"
            "\tat com.relayhealth.intake.PatientRepository.save(PatientRepository.java:%d)\n"
            "Caused by: org.hibernate.exception.ConstraintViolationException: could not execute statement\n"
            "Caused by: org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint \"uq_patient_ssn\"\n"
            "  Detail: Key (ssn)=(%s) already exists.\n"
            "  Where: insert for patient '%s' (source=%s)" % (
                X.r.randint(40, 400), s, X.name(p, X.ch(["lf", "full", "caps"])), X.svc()))


@T
def rails_record_invalid(X):
    p = X.person()
    X.exc("ActiveRecord::RecordInvalid")
    ph = X.phone()
    return ('ActiveRecord::RecordInvalid: Validation failed: Mobile phone "%s" is not a valid number, '
            'Emergency contact can\'t be blank (Patient id=%s, name="%s")\n'
            'app/models/patient.rb:%d:in `validate_contact!\'' % (
                ph, X.dbid(), X.name(p, X.ch(["full", "lfs", "first_l"])), X.r.randint(10, 300)))


@T
def mq_payload(X):
    p = X.person()
    c, st = X.city()
    keys = X.ch([("patient_full_name", "birth_date", "street", "city", "postal"),
                 ("pt_name", "dob", "addr1", "locality", "zip"),
                 ("displayName", "dateOfBirth", "line1", "cityName", "zipCode")])
    body = {"event": X.K(X.ch(["patient.address_changed", "patient.created", "intake.submitted"]), "event"),
            "id": X.uuid(),
            keys[0]: X.name(p, X.ch(["full", "mid", "caps"])),
            keys[1]: X.dob(p, X.ch(["iso", "mdy"])),
            keys[2]: X.address(), keys[3]: c, "state": X.K(st, "state"), keys[4]: X.zip(),
            "phone": X.phone(0.05)}
    q = X.K(X.ch(["intake.events", "patient-sync", "relay.notifications.v2"]), "queue")
    return "Failed to process message from queue %s after 5 attempts; payload=%s" % (q, jd(body))


@T
def eligibility_webhook(X):
    p = X.person()
    payer = X.payer()
    body = {"type": "eligibility.response", "payer": payer, "trace": X.trace(),
            "subscriber": {"first": X.name(p, "first"), "last": X.name(p, "last"),
                           "dob": X.dob(p, X.ch(["hl7", "iso"])), "member_id": X.member()},
            "group_number": X.group(), "status": "inactive", "aaa_code": X.K("72", "code")}
    return "eligibility-poller: coverage check returned AAA*N**72 (Invalid/Missing Subscriber ID)\nwebhook body: " + jd(body)


@T
def telehealth_webhook(X):
    p = X.person()
    cl = X.clinician()
    room = X.K("room_" + X.hexs(10), "room_id")
    body = {"event": "participant.joined", "room": room,
            "participant": {"display_name": X.name(p, X.ch(["full", "first_l", "lower", "nick"])),
                            "ip_address": X.ip(), "user_agent": "%s on %s" % (X.product(), X.ch(["Mac OS X", "Windows 11", "iOS 17.3"]))},
            "host": X.email(cl, True), "at": X.ts("isoz")}
    return "telehealth-rooms: webhook signature mismatch, dropping event %s" % jd(body)


@T
def efax_status(X):
    p = X.person()
    cl = X.clinician()
    fx = X.fax()
    return ("efax-gateway: delivery FAILED to %s after 3 retries (%s, pages=%d, job=%s)\n"
            "Cover sheet: RE: %s  DOB %s  --  From: %s  Fax: %s" % (
                fx, X.K(X.ch(["NO_ANSWER", "BUSY", "LINE_ERROR"]), "status"), X.r.randint(2, 14),
                X.K("fx_" + X.hexs(12), "job_id"), X.name(p, X.ch(["lf", "caps", "full"])),
                X.dob(p), X.doc(cl), X.fax()))


@T
def sms_reminder(X):
    p = X.person()
    cl = X.clinician()
    d = X.date(X.appt_day(), None, X.r.random() < 0.5)
    body = ("Hi %s, this is a reminder of your appointment on %s at %d:%s PM with %s. Reply C to confirm or call %s."
            % (X.name(p, "first"), d, X.r.randint(1, 6), X.ch(["00", "30", "15"]), X.doc(cl, "last"), X.phone(0)))
    to = X.phone(0.08)
    return ("Twilio error %s: The 'To' number %s is not a valid phone number. MessagingServiceSid=%s Body=%s"
            % (X.K(X.ch(["21211", "21610", "30006"]), "code"), to, X.K("MG" + X.hexs(32), "sid"), jd(body)))


@T
def cron_reminders(X):
    ppl = [X.person() for _ in range(X.r.randint(2, 4))]
    lines = ["[cron] send_appointment_reminders finished in %s: sent=%s failed=%d" % (X.dur(), X.count(), len(ppl))]
    for p in ppl:
        lines.append("  - %s <%s> chart %s: %s" % (X.name(p, X.ch(["full", "lf", "init"])), X.email(p), X.mrn(),
                                                   X.ch(["SMTP 550 mailbox unavailable", "unsubscribed", "no consent on file"])))
    return "\n".join(lines)


@T
def csv_import_report(X):
    f = X.K("intake_export_%s.csv" % X.digits(6), "file")
    p1, p2, p3 = X.person(), X.person(), X.person()
    lines = ["import-runner: %s rows read from %s, %d rejected" % (X.count(50, 900), f, 3),
             "row %d: invalid ZIP '%s' for %s" % (X.r.randint(2, 400), X.zip(False), X.name(p1, X.ch(["lf", "lfs"]))),
             "row %d: duplicate SSN %s (matches %s, born %s)" % (X.r.randint(2, 400), X.ssn(), X.name(p2, X.ch(["full", "caps"])), X.dob(p2)),
             "row %d: date_of_birth '%s' is in the future for %s" % (X.r.randint(2, 400), X.date(datetime.date(2031, X.r.randint(1, 12), X.r.randint(1, 28)), X.ch(["mdy", "mdy_short"])), X.name(p3, "lfs"))]
    return "\n".join(lines)


@T
def support_ticket(X):
    parent, kid = X.person((1960, 1990)), X.person((2005, 2018))
    tk = X.ticket()
    u = X.username(kid)
    return ("Unhandled exception while syncing ticket %s to CRM: KeyError('assignee')\n"
            "Ticket body: \"Hello, my name is %s and I'm trying to get my daughter %s (DOB %s) into the portal. "
            "Her username is %s but the reset link never arrives. You can reach me at %s. Thanks!\"" % (
                tk, X.name(parent, X.ch(["full", "nick"])), X.name(kid, "first"), X.dob(kid, X.ch(["mdy", "mdy_short", "longth"])),
                u, X.phone()))


@T
def progress_note(X):
    p = X.person((1920, 1934))
    sib = X.person((1925, 1960))
    c, st = X.city()
    return ("NoteSigningError: note exceeds 8000 chars, truncated preview:\n"
            "S: %s is a %s-year-old widowed %s seen for follow-up of %s. Lives with %s %s in %s, %s. "
            "Reports poor sleep since %s. Denies SI/HI. Continues %s %s qHS.\n"
            "P: RTC %s; coordinate with PCP." % (
                X.name(p, X.ch(["full", "mid", "first"])), X.age90(),
                X.ch(["woman", "man", "veteran"]), X.icd(), X.ch(["niece", "nephew", "son", "daughter"]),
                X.name(sib, X.ch(["full", "first"])), c, X.K(st, "state"), X.date(year=False), X.drug(), X.dose(),
                X.date(X.appt_day(), X.ch(["mdy", "long", "md"]))))


@T
def portal_message(X):
    p = X.person()
    cl = X.clinician()
    return ("portal.messages: send failed (%s) for thread %s\n"
            "Dear %s,\nThank you for completing the screening on %s. I've sent your referral to the psychiatry team. "
            "If you need anything before our next visit please call %s or fax records to %s.\nWarmly,\n%s" % (
                X.status(), X.uuid(), X.titled(p), X.date(year=X.r.random() < 0.6),
                X.phone(0.03), X.fax(), X.name(cl, X.ch(["full", "mid"])) + ", " + X.ch(CLIN_CRED)))


@T
def referral_letter(X):
    p = X.person()
    cl = X.clinician()
    return ("PdfRenderError: template referral_letter.html missing block 'footer'\n"
            "---- context ----\nRe: %s   DOB: %s   MRN: %s\n"
            "Dear colleague, I am referring the above patient for medication management. Dx %s. "
            "Referring clinician: %s, NPI %s, license %s." % (
                X.name(p, X.ch(["lf", "caps", "full"])), X.dob(p), X.mrn(), X.icd(), X.doc(cl), X.npi(), X.statelic()))


@T
def voicemail(X):
    p, son = X.person((1950, 1990)), X.person((1995, 2010))
    c, st = X.city()
    return ("voicemail-transcriber: low confidence (0.%d) transcription stored for review\n"
            "\"hi um this is %s calling about my son %s he missed his appointment on %s "
            "uh we moved so the new address is %s in %s and my cell is %s thanks bye\"" % (
                X.r.randint(40, 79), X.name(p, X.ch(["full", "lower", "first"])), X.name(son, "first"),
                X.date(year=False), X.address(), c, X.phone(0.05)))


@T
def hl7_pid(X):
    p = X.person()
    c, st = X.city()
    m = X.mrn()
    ctl = X.K("MSG%08d" % X.r.randint(0, 99999999), "control_id")
    return ("hl7-listener: AE returned for %s: PID-11 state/zip mismatch\n"
            "MSH|^~\\&|RELAY|BHCLINIC|LAB|LABCORP|%s||ADT^A08|%s|P|2.5.1\r"
            "PID|1||%s^^^BHC^MR||%s||%s|%s|||%s^^%s^%s^%s||%s|||||%s|%s\r"
            "PV1|1|O|||||%s^%s^%s" % (
                ctl, X.K("2024%02d%02d%02d%02d" % (X.r.randint(1, 12), X.r.randint(1, 28), X.r.randint(0, 23), X.r.randint(0, 59)), "timestamp"),
                ctl, m, X.name(p, "hl7"), X.dob(p, "hl7"), X.ch("FMU"), X.address(), c, X.K(st, "state"), X.zip(),
                X.phone(0), X.acct(), X.ssn(""), X.npi(), X.P(X.clinician().surname.upper(), "NAME"), X.ch("ABCDEFG")))


@T
def fhir_outcome(X):
    p = X.person()
    m = X.mrn()
    X.exc("ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException")
    res = {"resourceType": "Patient", "identifier": [{"system": "urn:oid:2.16.840.1.113883.3.%d" % X.r.randint(100, 9999), "value": m}],
           "name": [{"family": X.name(p, "last"), "given": [X.name(p, "first")]}],
           "birthDate": X.dob(p, "iso"), "telecom": [{"system": "email", "value": X.email(p)}]}
    oo = {"resourceType": X.K("OperationOutcome", "resource"), "issue": [{"severity": "error", "code": "processing",
          "diagnostics": "Patient.gender: minimum required = 1, but only found 0"}]}
    return ("fhir-bridge: PUT Patient/%s -> %s ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException\nrequest=%s\nresponse=%s" % (
        X.uuid(), X.status(422), jd(res), jd(oo)))


@T
def x12_837(X):
    p = X.person()
    c, st = X.city()
    return ("claims-sync: 999 rejected claim batch %s (IK3*NM1*%d**8~)\n"
            "NM1*IL*1*%s*%s****MI*%s~N3*%s~N4*%s*%s*%s~DMG*D8*%s*%s~"
            "CLM*%s*%s***11:B:1~HI*ABK:%s~SV1*HC:%s*%s*UN*1~" % (
                X.K("B" + X.digits(9), "batch_id"), X.r.randint(10, 60),
                X.P(p.surname.upper(), "NAME"), X.P(p.given.upper(), "NAME"),
                X.member(), X.address(), c, X.K(st, "state"), X.zip(),
                X.dob(p, "hl7"), X.ch("FM"), X.K("CLM" + X.digits(8), "claim_ref"), X.K("%d.00" % X.r.randint(90, 400), "amount"),
                X.K(X.ch(ICD10).replace(".", ""), "icd10"), X.cpt(), X.K("%d.00" % X.r.randint(90, 400), "amount")))


@T
def py_frame_locals(X):
    p = X.person()
    m = X.mrn()
    return ("Traceback (most recent call last):\n"
            "  File \"/srv/app/relay_billing/statements.py\", line %d, in render_statement\n"
            "    total = sum(line.amount for line in lines)\n"
            "TypeError: unsupported operand type(s) for +: 'int' and 'NoneType'\n"
            "Frame locals:\n"
            "    patient = <Patient pk=%s mrn='%s'>\n"
            "    guarantor_name = '%s'\n"
            "    dob = '%s'\n"
            "    account_no = '%s'\n"
            "    lines = [<Line %s>, <Line None>]" % (
                X.r.randint(20, 400), X.dbid(), m, X.name(p, X.ch(["full", "lf", "caps", "mid"])),
                X.dob(p, X.ch(["iso", "mdy"])), X.acct(), X.amount()))


@T
def node_pino(X):
    p = X.person()
    log = {"level": 50, "time": int(X.K(str(1704067200000 + X.r.randint(0, 10 ** 10)), "epoch_ms")),
           "pid": X.r.randint(10, 9999), "hostname": X.K("portal-web-%s" % X.hexs(5), "host"),
           "reqId": X.req(), "msg": "profile update failed",
           X.ch(["patient", "client", "member"]): {X.ch(["fullName", "name", "legalName"]): X.name(p, X.ch(["full", "mid", "nick"])),
                                                   X.ch(["phone", "mobile", "cell"]): X.phone(0.1)},
           "req": {"method": "PATCH", "remoteAddress": X.ip(), "url": "/api/v2/profile"},
           "err": {"type": X.exc(X.ch(["AxiosError", "SequelizeValidationError", "PrismaClientKnownRequestError"]))}}
    return jd(log)


@T
def java_logback_claim(X):
    p = X.person()
    return ("%s ERROR [%s,%s] c.r.billing.ClaimSubmitter - Claim rejected by %s: subscriber %s, member %s, group %s, "
            "reason=%s" % (X.ts("log"), X.svc(), X.trace(), X.payer(), X.name(p, X.ch(["full", "caps", "lfs"])),
                           X.member(), X.group(), X.K(X.ch(["CO-16", "CO-27", "CO-31", "PR-204"]), "carc")))


@T
def dotnet_appt(X):
    p = X.person()
    X.exc("System.InvalidOperationException")
    return ("fail: Relay.Scheduling.AppointmentService[0]\n"
            "      System.InvalidOperationException: Appointment for %s on %s overlaps an existing booking (provider %s).\n"
            "         at Relay.Scheduling.AppointmentService.BookAsync(BookingRequest req) in /src/Scheduling/AppointmentService.cs:line %d" % (
                X.name(p, X.ch(["full", "lf", "mid", "first_l"])), X.date(X.appt_day(), X.ch(["mdy", "iso", "long", "dmony"])),
                X.doc(X.clinician(), "last"), X.r.randint(30, 600)))


@T
def go_device(X):
    p = X.person()
    return ('time=%s level=ERROR msg="device registration rejected" svc=%s patient_mrn=%s imei=%s client_ip=%s err="%s"' % (
        X.ts("isoz"), X.svc(), X.mrn(), X.imei(), X.ip(),
        X.ch(["context deadline exceeded", "pq: duplicate key value violates unique constraint \\\"devices_imei_key\\\"", "token expired"])))


@T
def ruby_ach(X):
    p = X.person()
    X.exc("Faraday::ClientError")
    body = {"object": "ach_return", "return_code": X.K(X.ch(["R01", "R03", "R04", "R29"]), "code"),
            "account_holder": X.name(p, X.ch(["full", "caps"])), "account_number": X.acct(),
            "amount": X.amount()}
    return ("E, [%s #%d] ERROR -- : Faraday::ClientError: the server responded with status %s\nresponse body: %s" % (
        X.ts("sentry"), X.r.randint(100, 9999), X.status(422), jd(body)))


@T
def php_statement(X):
    p = X.person()
    c, st = X.city()
    return ("[%s UTC] PHP Warning:  Undefined array key \"guarantor\" in /var/www/billing/statement.php on line %d\n"
            "[context] $row = array('name' => '%s', 'acct' => '%s', 'addr' => '%s', 'city' => '%s', 'zip' => '%s', 'balance' => '%s')" % (
                X.K("%02d-%s-2024 %02d:%02d:%02d" % (X.r.randint(1, 28), X.ch(MON), X.r.randint(0, 23), X.r.randint(0, 59), X.r.randint(0, 59)), "timestamp"),
                X.r.randint(10, 500), X.name(p, X.ch(["full", "lfs", "caps"])), X.acct(), X.address(), c, X.zip(), X.amount()))


@T
def elixir_changeset(X):
    p = X.person()
    X.exc("Ecto.InvalidChangesetError")
    return ("** (Ecto.InvalidChangesetError) could not perform insert because changeset is invalid.\n"
            "Errors\n    %%{drivers_license: [{\"has invalid format\", [validation: :format]}]}\n"
            "Changes\n    %%{email: \"%s\", legal_name: \"%s\", drivers_license: \"%s\", date_of_birth: ~D[%s]}" % (
                X.email(p), X.name(p, X.ch(["full", "mid"])), X.dl(), X.dob(p, "iso")))


@T
def rust_interlock(X):
    p = X.person()
    return ("thread 'tokio-runtime-worker' panicked at src/interlock/ingest.rs:%d:9:\n"
            "called `Result::unwrap()` on an `Err` value: Parse(\"violation record for participant %s: vehicle VIN %s plate %s, "
            "device %s reported BrAC 0.0%d\")" % (
                X.r.randint(40, 400), X.name(p, X.ch(["full", "caps", "lfs"])), X.vin(), X.plate(), X.serial(), X.r.randint(2, 9)))


@T
def mileage_reimbursement(X):
    p = X.person()
    return ("%s WARN  [%s] MileageClaimValidator: claim %s for member %s rejected - vehicle %s (VIN %s) not on file; "
            "submitted trip date %s, %s miles" % (
                X.ts("log"), X.svc(), X.K("MC-" + X.digits(7), "claim_ref"), X.name(p, X.ch(["full", "lf", "init"])),
                X.plate(), X.vin(), X.date(X.appt_day(), X.ch(["mdy", "iso", "mdy_short"])), X.count(2, 120)))


@T
def court_program(X):
    p = X.person()
    j = X.clinician()
    return ("court-report-job: PDF upload to county portal failed (%s)\n"
            "Progress report for Judge %s, case no. %s, client %s (DOB %s). "
            "Client attended %s of 12 group sessions; ignition interlock %s on vehicle %s." % (
                X.status(), X.P(j.surname, "NAME"), X.case_no(), X.name(p, X.ch(["full", "lf", "caps"])),
                X.dob(p), X.count(1, 12), X.serial(), X.plate()))


@T
def wearable_pairing(X):
    p = X.person()
    return ("sleep-tracker-sync: pairing failed for %s — device serial %s (IMEI %s), MAC %s, app %s on %s; retrying in %s" % (
        X.email(p), X.serial(), X.imei(), X.P(":".join(X.hexs(2) for _ in range(6)), "DEVICE"), X.ver(), X.product(), X.dur()))


@T
def nginx_access(X):
    p = X.person()
    m = X.mrn()
    d = X.dob(p, "iso")
    path = X.P("/api/patients/%s/records?dob=%s" % (m, d), "URL")
    ua = "Mozilla/5.0 (Macintosh; Intel %s 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36" % X.K("Mac OS X", "product")
    stamp = X.K("%02d/%s/2024:%02d:%02d:%02d +0000" % (X.r.randint(1, 28), X.ch(MON), X.r.randint(0, 23), X.r.randint(0, 59), X.r.randint(0, 59)), "timestamp")
    return '%s - - [%s] "GET %s HTTP/1.1" %s %d "-" "%s" upstream=%s:%s rt=%s' % (
        X.ip(), stamp, path, X.status(500), X.r.randint(100, 9000), ua, X.infra(), X.port(), X.dur())


@T
def s3_nosuchkey(X):
    p = X.person()
    X.exc("botocore.exceptions.ClientError")
    n = X.name(p, "under")
    d = X.dob(p, X.ch(["iso", "hl7"]))
    u = X.P("s3://relay-intake-prod/uploads/%s_%s/consent-%s.pdf" % (n, d, X.hexs(8)), "URL")
    return "botocore.exceptions.ClientError: An error occurred (NoSuchKey) when calling the GetObject operation: %s (request %s)" % (u, X.req())


@T
def file_not_found(X):
    p = X.person()
    m = X.mrn()
    last = ascii_fold(p.surname) or "Doe"
    first = ascii_fold(p.given) or "Jane"
    X.P(last, "NAME")
    X.P(first, "NAME")
    path = X.P(X.ch(["/srv/scans/%d/%s/%s-%s-insurance-card.jpg", "C:\\\\Scans\\\\%d\\\\%s\\\\%s_%s_ID.png"]) % (X.r.randint(2019, 2024), m, last, first), "URL")
    return "FileNotFoundError: [Errno 2] No such file or directory: '%s'\n  in ocr_worker.process_card (attempt %s)" % (path, X.count(1, 5))


@T
def sql_insert(X):
    p = X.person()
    X.exc("psycopg2.errors.UniqueViolation")
    return ("psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint \"patients_email_key\"\n"
            "DETAIL:  Key (email)=(%s) already exists.\n"
            "[SQL: INSERT INTO patients (first_name, last_name, dob, email, phone) VALUES (%%(first_name)s, %%(last_name)s, %%(dob)s, %%(email)s, %%(phone)s)]\n"
            "[parameters: {'first_name': '%s', 'last_name': '%s', 'dob': %s, 'email': '%s', 'phone': '%s'}]" % (
                X.email(p), X.name(p, "first"), X.name(p, "last"), X.dob(p, "pydate"), X.email(p), X.phone(0.05)))


@T
def stripe_card(X):
    p = X.person()
    c, st = X.city()
    body = {"type": "charge.failed", "id": "evt_" + X.K(X.hexs(24), "event_id"),
            "billing_details": {"name": X.name(p, X.ch(["full", "caps", "mid"])),
                                "address": {"line1": X.address(), "city": c, "state": st, "postal_code": X.zip(False)}},
            "failure_code": X.K("card_declined", "code"), "amount": X.r.randint(2000, 30000)}
    X.K(st, "state")
    return "billing-worker: unhandled webhook type %s\n%s" % (X.K("charge.failed", "event"), jd(body))


@T
def statement_batch(X):
    p = X.person()
    c, st = X.city()
    return ("statement-batch: returned mail (USPS 'Attempted - Not Known') for guarantor %s, account %s, balance %s, "
            "mailed to %s, %s, %s %s" % (X.name(p, X.ch(["full", "lf", "caps"])), X.acct(), X.amount(), X.address(), c,
                                        X.K(st, "state"), X.zip()))


@T
def erx_reject(X):
    p = X.person()
    cl = X.clinician()
    return ("erx-router: NewRx rejected by %s #%d (Error 900: prescriber not registered)\n"
            "  prescriber=%s DEA=%s NPI=%s\n  patient=%s dob=%s\n  drug=%s %s #30 refills=%d" % (
                X.pharm(), X.r.randint(100, 19999), X.name(cl, X.ch(["full", "lf", "caps"])), X.dea(cl), X.npi(),
                X.name(p, X.ch(["lf", "caps", "full"])), X.dob(p, X.ch(["hl7", "mdy"])), X.drug(), X.dose(), X.r.randint(0, 5)))


@T
def pdmp_lookup(X):
    p = X.person()
    cl = X.clinician()
    return ("pdmp_autocheck: state PDMP returned %s for query on %s (%s); requesting clinician %s, license %s, DEA %s" % (
        X.status(), X.name(p, X.ch(["full", "lfs", "mid"])), X.dob(p), X.name(cl, X.ch(["full", "init"])), X.statelic(), X.dea(cl)))


@T
def slack_oncall(X):
    p = X.person((1919, 1933))
    who = X.ch(["maya", "devon", "priyanka.s", "tj"])
    return ("[#oncall-clinical] %s: hey can someone look at %s's chart? she's %s and the intake form keeps "
            "saying age must be < 90, error id %s" % (who, X.name(p, X.ch(["first", "full", "lower"])), X.age90(), X.uuid()))


@T
def geriatric_validation(X):
    p = X.person((1918, 1933))
    a = X.age90()
    return ("ValidationError: 1 validation error for IntakeForm\nage_years\n  Input should be less than or equal to 89 "
            "[type=less_than_equal, input_value=%s, input_type=int]\n  patient: %s, born %s" % (
                a, X.name(p, X.ch(["full", "lf", "caps"])), X.dob(p)))


@T
def id_verification(X):
    p = X.person()
    return ("IdentityVerificationError: document mismatch for %s — passport %s expired; fallback state ID %s "
            "(vendor ref %s, score %s)" % (X.name(p, X.ch(["full", "mid", "lfs"])), X.passport(), X.dl(), X.req(), X.K("0.%d" % X.r.randint(10, 60), "score")))


@T
def portal_lockout(X):
    p = X.person()
    return ("%s [auth] WARN too many failed logins for username '%s' from %s (%s attempts in %s); account locked" % (
        X.ts("logc"), X.username(p), X.ip(), X.count(5, 20), X.dur()))


@T
def refill_request(X):
    p = X.person()
    return ("Refill request Rx #%s for %s (%s) could not be routed to %s: %s %s discontinued on %s. See %s" % (
        X.rx(), X.name(p, X.ch(["full", "lf", "first_l"])), X.dob(p, X.ch(["mdy_short", "mdy"])), X.pharm(), X.drug(),
        X.dose(), X.date(X.appt_day()), X.ticket()))


@T
def ingress_403(X):
    p = X.person()
    return ("ingress-nginx: 403 Forbidden for %s, X-Forwarded-For: %s, %s; geo=%s; user=%s" % (
        X.P("/portal/u/%s/documents" % X.username(p), "URL"), X.ip(True), X.infra(), X.K("US", "country"), X.email(p)))


@T
def ses_bounce(X):
    p = X.person()
    return ("notify-svc: SES hard bounce for %s (bounceSubType=NoEmail, feedbackId=%s). "
            "Message was: 'Your intake with %s is confirmed for %s.'" % (
                X.email(p), X.K(X.hexs(16) + "-" + X.hexs(8), "feedback_id"), X.doc(X.clinician()), X.date(year=X.r.random() < 0.5)))


@T
def graphql_input(X):
    p = X.person()
    return ('GraphQLError: Variable "$input" got invalid value { firstName: "%s", lastName: "%s", phone: "%s", zip: "%s" }; '
            'Field "zip" expected type "ZipCode!". path=%s' % (
                X.name(p, "first"), X.name(p, "last"), X.phone(), X.zip(), X.K("createPatient", "operation")))


@T
def audit_view(X):
    cl = X.clinician()
    m = X.mrn()
    return ("audit-shipper: batch %s dropped 1 event: {actor: %s, action: chart.view, chart: %s, url: %s, ip: %s, at: %s}" % (
        X.uuid(), X.email(cl, True), m, X.P("https://ehr.example-bh.com/chart/%s/summary" % m, "URL"), X.ip(), X.ts("isooff")))


@T
def emergency_contacts(X):
    ppl = [X.person() for _ in range(X.r.randint(2, 3))]
    rel = ["mother", "spouse", "brother", "aunt", "partner", "grandmother", "case manager"]
    items = ", ".join("{name: '%s', relationship: '%s', phone: '%s'}" % (X.name(q, X.ch(["full", "nick", "lf", "first_l"])), X.ch(rel), X.phone(0.1)) for q in ppl)
    return "KeyError: 'consent_to_contact'\n  while serializing contacts=[%s]" % items


@T
def ics_invite(X):
    p = X.person()
    c, st = X.city()
    d = X.appt_day()
    return ("icalendar.parser: ValueError: Content line could not be parsed\nBEGIN:VEVENT\nUID:%s\nDTSTART;VALUE=DATE:%s\n"
            "SUMMARY:Therapy - %s\nLOCATION:%s\\, %s\\, %s\nEND:VEVENT" % (
                X.uuid(), X.date(d, "hl7"), X.name(p, X.ch(["full", "first_l", "init"])), X.address(), c, X.K(st, "state")))


@T
def mbi_lookup(X):
    p = X.person((1925, 1958))
    mbi = X.P(X.mbi(), "HEALTH_PLAN")
    return ("eligibility-poller: Medicare HETS %s — MBI %s not found for %s, %s; birth date %s" % (
        X.K(X.ch(["AAA*N**75", "AAA*N**72", "AAA*Y**58"]), "code"), mbi, X.P(p.surname.upper(), "NAME"), X.P(p.given.upper(), "NAME"), X.dob(p, X.ch(["hl7", "mdy"]))))


@T
def spanish_note(X):
    p = X.person()
    c, st = X.city()
    return ("TranslationJobError: nota sin traducir (idioma=es)\n\"La paciente %s (fecha de nacimiento %s) refiere ansiedad. "
            "Vive en %s con su esposo %s. Teléfono: %s. Próxima cita: %s.\"" % (
                X.name(p, X.ch(["full", "mid"])), X.date(p.dob, X.ch(["dmy_long", "dot", "iso"])),
                c, X.name(X.person(), "full"), X.phone(0.3), X.date(year=False)))


@T
def redis_key(X):
    p = X.person()
    m = X.mrn()
    return ("redis.exceptions.ResponseError: WRONGTYPE Operation against a key holding the wrong kind of value "
            "(key=patient:%s:profile host=%s:%s)\ncached value: {\"n\": \"%s\", \"e\": \"%s\", \"z\": \"%s\"}" % (
                m, X.infra(), X.K("6379", "port"), X.name(p, X.ch(["full", "caps"])), X.email(p), X.zip()))


@T
def py_logging_dict(X):
    p = X.person()
    c, st = X.city()
    return ("%s WARNING relay.intake.geocode: geocoder returned 0 results for {'first': '%s', 'last': '%s', 'street': '%s', 'city': '%s', 'zip': '%s'}" % (
        X.ts("logc"), X.name(p, "first"), X.name(p, "last"), X.address(), c, X.zip()))


@T
def dotnet_guarantor(X):
    p = X.person()
    X.exc("Microsoft.EntityFrameworkCore.DbUpdateException")
    return ("Microsoft.EntityFrameworkCore.DbUpdateException: An error occurred while saving the entity changes.\n"
            " ---> Npgsql.PostgresException (0x80004005): 23502: null value in column \"payer_id\"\n"
            "Entity: Guarantor { Name = %s, AccountNumber = %s, PlanMemberId = %s, GroupId = %s, Payer = null }" % (
                X.name(p, X.ch(["full", "lfs", "mid"])), X.acct(), X.member(), X.group()))


@T
def geocode_fail(X):
    c, st = X.city()
    return ("geocoder: ambiguous address '%s, %s, %s %s' (candidates=%s) for patient %s" % (
        X.address(), c, X.K(st, "state"), X.zip(), X.count(2, 9), X.mrn()))


@T
def referral_fax_inbound(X):
    p = X.person()
    cl = X.clinician()
    return ("efax-gateway: inbound fax from %s classified as REFERRAL (confidence 0.%d) but OCR failed on page 2\n"
            "OCR page 1: 'Patient: %s   Phone: %s   Ins: %s ID %s   Referring: %s  NPI %s  Fax back: %s'" % (
                X.fax(), X.r.randint(60, 99), X.name(p, X.ch(["lf", "caps", "full"])), X.phone(0), X.payer(), X.member(),
                X.doc(cl), X.npi(), X.fax()))


@T
def intake_age_free_text(X):
    p = X.person((1919, 1933))
    cl = X.clinician()
    return ("intake.summary_bot: LLM call timed out after %s; draft kept:\n"
            "%s, age %s, brought in by granddaughter %s for memory concerns and low mood. Admitted %s. "
            "Attending: %s." % (X.dur(), X.name(p, X.ch(["full", "mid", "lf"])), X.age90(), X.name(X.person(), X.ch(["first", "full"])),
                               X.date(X.appt_day(), X.ch(["mdy", "long", "dmony"])), X.doc(cl)))


@T
def kafka_payload_vehicle(X):
    p = X.person()
    return ("%s ERROR o.a.k.c.c.internals.ConsumerCoordinator - deserialization failed on topic %s partition %d offset %s: "
            "{\"driverName\":\"%s\",\"vin\":\"%s\",\"plate\":\"%s\",\"tripDate\":\"%s\"}" % (
                X.ts("log"), X.K("nemt.trips.v1", "topic"), X.r.randint(0, 11), X.count(1000, 9999999),
                X.name(p, X.ch(["full", "caps"])), X.vin(), X.plate(), X.date(X.appt_day(), "iso")))


@T
def pacemaker_history(X):
    p = X.person((1920, 1960))
    return ("med-history-import: unknown implant type in record %s: '%s has a cardiac pacemaker, serial %s, and uses "
            "a phone with IMEI %s for remote monitoring; last interrogation %s'" % (
                X.dbid(), X.name(p, X.ch(["full", "first_l", "mid"])), X.serial(), X.imei(), X.date(X.appt_day(), X.ch(["mdy", "iso"]))))


@T
def collections_export(X):
    ppl = [X.person() for _ in range(X.r.randint(2, 3))]
    rows = ["%s|%s|%s|%s" % (X.acct(), X.name(q, X.ch(["caps", "lfs"])), X.ssn(X.ch(["-", ""])), X.amount()) for q in ppl]
    return "collections-export: SFTP upload to vendor timed out after %s; first rows:\n%s" % (X.dur(), "\n".join(rows))


@T
def beneficiary_url(X):
    p = X.person()
    mid = X.member()
    ln = X.P(ascii_fold(p.surname) or "Doe", "NAME")
    u = X.P("https://api.payer-portal.example/v1/members/%s/coverage?lastName=%s" % (mid, ln), "URL")
    return "requests.exceptions.HTTPError: %s Client Error: Not Found for url: %s" % (X.status(404), u)


@T
def clinician_message_free(X):
    p = X.person()
    cl = X.clinician()
    sp = X.person()
    return ("message-sync: draft could not be encrypted (KMS throttled). Draft text:\n"
            "%s, I spoke with your wife %s this morning — she said you're staying at %s until the %s. "
            "I'll call you at %s after the session. — %s" % (
                X.name(p, "first"), X.name(sp, X.ch(["first", "full"])), X.address(), X.date(year=False, style="ofmonth"),
                X.phone(0.05), X.name(cl, "first")))

# --------------------------------------------------------------------------
# look-alike templates without PHI
# --------------------------------------------------------------------------
@C
def clean_sentry_event(X):
    return ("Sentry event %s (release %s, environment production)\n"
            "OperationalError: could not connect to server: Connection refused\n"
            "\tIs the server running on host \"%s\" and accepting TCP/IP connections on port %s?\n"
            "transaction=/api/v2/appointments trace=%s request=%s took %s" % (
                X.uuid(), X.ver(), X.infra(), X.port(), X.trace(), X.req(), X.dur()))


@C
def clean_claims_summary(X):
    return ("%s INFO  claims-sync: batch %s submitted to %s — %s claims, CPT %s (%s units), CPT %s (%s units), "
            "top dx %s / %s, billed %s, expected %s, 0 rejections" % (
                X.ts("log"), X.K("B" + X.digits(9), "batch_id"), X.payer(), X.count(5, 400), X.cpt(), X.count(1, 90),
                X.cpt(), X.count(1, 90), X.icd(), X.icd(), X.amount(), X.amount()))


@C
def clean_formulary(X):
    return ("formulary-sync: %s updated %s NDCs (%s %s -> NDC %s; %s %s -> NDC %s); %s tier change at %s; took %s" % (
        X.K("OptumRx", "pharmacy"), X.count(10, 900), X.drug(), X.dose(), X.ndc(), X.drug(), X.dose(), X.ndc(), X.drug(),
        X.pharm(), X.dur()))


@C
def clean_pg_pool(X):
    return ("%s [%s] FATAL: remaining connection slots are reserved for non-replication superuser connections\n"
            "pool: host=%s port=%s db=relay_prod in_use=%s idle=0 waiters=%s; fallback replica %s:%s also refused" % (
                X.ts("isooff"), X.svc(), X.infra(), X.port(), X.count(20, 200), X.count(1, 80), X.infra(), X.port()))


@C
def clean_deploy(X):
    return ("deploy: %s rolled out %s (commit %s) to %s; flags on: %s, %s; previous %s; smoke tests %s/%s passed in %s" % (
        X.K("argo", "tool"), X.ver(), X.sha(40), X.svc(), X.flag(), X.flag(), X.ver(), X.count(10, 60), X.count(10, 60), X.dur()))


@C
def clean_browser_stats(X):
    return ("portal-web: CSP violation report from %s on %s (%s), blocked-uri inline, document-uri /login, "
            "count=%s since %s" % (X.product(), X.K("Mac OS X", "product"), X.K("Chrome 120", "product"), X.count(), X.year()))


@C
def clean_java_trace(X):
    X.exc("java.util.concurrent.TimeoutException")
    return ("java.util.concurrent.TimeoutException: Waited %s for %s\n"
            "\tat %s.awaitCompletion(CompletableFutureSupport.java:%d)\n"
            "\tat com.relayhealth.eligibility.%s.poll(%s.java:%d)\n"
            "\tat java.base/java.lang.Thread.run(Thread.java:%d)" % (
                X.dur(), X.K("EligibilityBatchJob", "class"), X.mod("com.relayhealth.common.async"), X.r.randint(20, 300),
                X.cls("X12Poller"), "X12Poller", X.r.randint(20, 300), X.r.randint(700, 1600)))


@C
def clean_ticket_refs(X):
    return ("billing-worker: invoice %s regenerated (was %s); linked %s and %s; Stripe object %s; amount %s; "
            "customer key %s" % (X.K("INV-2024-%05d" % X.r.randint(1, 99999), "ticket"), X.ticket(), X.ticket(), X.ticket(),
                                 X.K("in_" + X.hexs(24), "stripe_id"), X.amount(), X.uuid()))


@C
def clean_cron_summary(X):
    return ("[cron] %s nightly_eligibility finished at %s: checked=%s active=%s inactive=%s errors=0 duration=%s "
            "payers=%s,%s,%s" % (X.K("job-" + X.hexs(8), "job_id"), X.ts("isoz"), X.count(100, 9000), X.count(100, 9000),
                                 X.count(1, 400), X.dur(), X.payer(), X.payer(), X.payer()))


@C
def clean_hl7_ack(X):
    ctl = X.K("MSG%08d" % X.r.randint(0, 99999999), "control_id")
    return ("hl7-listener: sent ACK on port %s\nMSH|^~\\&|RELAY|BHCLINIC|LAB|LABCORP|%s||ACK^A08|%s|P|2.5.1\rMSA|AA|%s\r" % (
        X.K("2575", "port"), X.K("2024%02d%02d%02d%02d%02d" % (X.r.randint(1, 12), X.r.randint(1, 28), X.r.randint(0, 23), X.r.randint(0, 59), X.r.randint(0, 59)), "timestamp"),
        X.K("ACK" + X.digits(8), "control_id"), ctl))


@C
def clean_x12_999(X):
    return ("claims-sync: 999 accepted ISA13=%s GS06=%s ST*999*%s~AK1*HC*%s*005010X222A1~AK9*A*%s*%s*%s~ (%s)" % (
        X.K("%09d" % X.r.randint(1, 999999999), "control_id"), X.count(1, 9999), X.K("%04d" % X.r.randint(1, 9999), "control_id"),
        X.count(1, 9999), X.count(1, 40), X.count(1, 40), X.count(1, 40), X.payer()))


@C
def clean_go_panic(X):
    return ("panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x%s pc=0x%s]\n\n"
            "goroutine %s [running]:\ngithub.com/relayhealth/%s/internal/queue.(*Consumer).handle(...)\n"
            "\t/src/internal/queue/consumer.go:%d +0x%s\nbuild %s go1.22.1" % (
                X.hexs(2), X.hexs(6), X.count(1, 900), X.svc(), X.r.randint(20, 400), X.hexs(3), X.sha(12)))


@C
def clean_rate_limit(X):
    return ("%s WARN notify-svc: Twilio 429 Too Many Requests, backing off %s (retry %s of 5); queue depth %s; "
            "upstream %s:%s; flag %s" % (X.ts("log"), X.dur(), X.count(1, 5), X.count(), X.infra(), X.port(), X.flag()))


@C
def clean_product_table(X):
    return ("ui-telemetry: top clients last 24h — %s %s%%, %s %s%%, %s %s%%; errors in %s with %s %s: %s" % (
        X.product(), X.count(5, 60), X.product(), X.count(5, 60), X.product(), X.count(1, 30), X.mod("relay.portal.upload"),
        X.drug(), X.dose(), X.exc(X.ch(["TypeError", "RangeError", "AbortError"]))))

# --------------------------------------------------------------------------
# self-check and driver
# --------------------------------------------------------------------------
def perfect_scrub(text, values):
    out = text
    for v in sorted(set(values), key=lambda s: (-len(s), s)):
        out = re.sub(phi_score._boundary_pattern(v), "[REDACTED]", out)
    return out


def check(text, phi, keep):
    for v, _ in phi:
        if not v or v not in text:
            return "phi not in text: %r" % v
    for k in keep:
        if not phi_score.occurs(k, text):
            return "keep not in text: %r" % k
    out = perfect_scrub(text, [v for v, _ in phi])
    od = phi_score.digits_of(out)
    for v, kind in phi:
        why = phi_score.leak_reason(v, kind, out, od)
        if why:
            return "leak %s %r %s" % (kind, v, why)
    for k in keep:
        if not phi_score.occurs(k, out):
            return "keep lost: %r" % k
        for v, _ in phi:
            if phi_score.occurs(v, k) or phi_score.occurs(k, v):
                return "keep/phi overlap %r %r" % (k, v)
    return None


def build():
    order_rng = random.Random(SEED + "-order")
    slots = ["phi"] * (N_RECORDS - N_CLEAN) + ["clean"] * N_CLEAN
    order_rng.shuffle(slots)
    phi_seq = []
    while len(phi_seq) < N_RECORDS - N_CLEAN:
        block = list(PHI_T)
        order_rng.shuffle(block)
        phi_seq.extend(block)
    clean_seq = []
    while len(clean_seq) < N_CLEAN:
        block = list(CLEAN_T)
        order_rng.shuffle(block)
        clean_seq.extend(block)
    recs = []
    pi = ci = 0
    for i, slot in enumerate(slots):
        if slot == "phi":
            tf = phi_seq[pi]
            pi += 1
        else:
            tf = clean_seq[ci]
            ci += 1
        for attempt in range(40):
            X = Ctx(random.Random("%s-%d-%d" % (SEED, i, attempt)))
            text = tf(X)
            err = check(text, X.phi, X.keep)
            if slot == "clean" and X.phi:
                err = "clean record has phi"
            if err is None:
                break
        else:
            raise SystemExit("record %d (%s) failed 40 draws: %s" % (i, tf.__name__, err))
        recs.append({"id": "%s-%05d" % (FAMILY, i), "family": FAMILY, "template": tf.__name__,
                     "text": text, "phi": [{"value": v, "kind": k} for v, k in X.phi],
                     "keep": list(X.keep), "keep_kinds": list(X.kk)})
    return recs


def render(recs):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode("utf-8")


def main(argv):
    recs = build()
    data = render(recs)
    if "--check" in argv:
        with open(OUT, "rb") as f:
            old = f.read()
        if old != data:
            sys.exit("phi_blind4.jsonl differs from a fresh generation")
        print("ok: %s matches (%d records)" % (OUT, len(recs)))
        return
    with open(OUT, "wb") as f:
        f.write(data)
    counts = {k: 0 for k in phi_score.KINDS}
    for r in recs:
        for p in r["phi"]:
            counts[p["kind"]] += 1
    print("wrote %s: %d records, %d PHI templates + %d clean templates" % (OUT, len(recs), len(PHI_T), len(CLEAN_T)))
    print(" ".join("%s=%d" % kv for kv in counts.items()))


if __name__ == "__main__":
    main(sys.argv[1:])
