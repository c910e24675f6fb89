#!/usr/bin/env python3
"""Generate tests/data/phi_blind6.jsonl, a blind evaluation corpus for the PHI scrubber.

600 synthetic texts of the kind an alert relay for a mental-health practice-management
platform receives, drawn mostly from sources other than application exception messages:
Alertmanager/Prometheus alerts, Datadog/New Relic/CloudWatch logs, Kubernetes events,
nginx/Envoy/HAProxy access logs, messaging/payment/telehealth/e-signature webhooks, EHR API
errors, clearinghouse X12 snippets, NCPDP SCRIPT, OCR dumps, tickets, staff chat, batch job
summaries, audit logs, SQL slow logs, cache keys, object paths, feature-flag logs, mobile
crash reports, GraphQL/gRPC traces, config fixtures, exports and patient-facing messages in
English, Spanish, French and Portuguese. About a fifth of the records hold no PHI.

Format and labelling rules: /work/shared/phi/README.md. Standard library only, fixed seed,
deterministic output. All names, places and identifiers are invented here.

    python tests/data/make_phi_blind6.py           # write tests/data/phi_blind6.jsonl
    python tests/data/make_phi_blind6.py --check   # verify the written file
"""
import argparse
import importlib.util
import json
import random
import re
import sys
import unicodedata
from collections import Counter, OrderedDict
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT_PATH = HERE / "phi_blind6.jsonl"
SEED = 620250611
N_RECORDS = 600
N_CLEAN = 120
FAMILY = "blind6"


def _load_scorer():
    spec = importlib.util.spec_from_file_location("phi_score_blind6", HERE / "phi_score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


S = _load_scorer()
KINDS = list(S.KINDS)

# --------------------------------------------------------------------------------------
# Pools (written for this corpus)
# --------------------------------------------------------------------------------------

GIVEN = """
Amara Chiamaka Oluwaseun Ngozi Kwame Abena Kofi Tendai Thandiwe Sipho Zanele Amadou Fatoumata
Moussa Aïssatou Yusuf Layla Fatima Omar Zainab Hamza Nour Rania Khalid Samira Tariq Mehmet Elif
Emre Zeynep Arash Shirin Dariush Parisa Ravi Priya Ananya Vikram Deepika Arjun Lakshmi Sanjay
Harpreet Gurpreet Nasrin Farhan Tahmina Thuy Quang Minh Linh Anh Hiroshi Yuki Haruto Sakura
Kenji Aiko Jiwoo Minseo Seojun Hyun-woo Ji-yeon Xiaoling Zhiwei Meiling Wei Bayarmaa Ganbold
Tenzin Pema Rahel Dawit Selam Abebe Hodan Abdirahman Leilani Kealoha Keoni Malia Sione Losana
Aroha Wiremu Siosaia Mariana João Thiago Gabriela Luíza Rafael Beatriz Gonçalo Inês Joaquim
José María Guadalupe Xiomara Itzel Alejandro Ximena Santiago Valentina Camila Mateo Ángel Renée
Amélie Benoît Hélène Théo Maëlle Jean-Luc Anne-Sophie Marie-Claire François Zoé Chloé Søren
Astrid Bjørn Freja Ingrid Sigrid Matthias Jürgen Anneliese Katarzyna Wojciech Małgorzata Tomasz
Zofia Dmitri Anastasia Yelena Oksana Bohdan Mykola Olena Tamar Giorgi Nino Aram Anahit Siobhan
Niamh Aoife Ciarán Seán Eoghan Declan Saoirse Rhiannon Dafydd Callum Ewan Morag Giovanni Chiara
Alessandro Francesca Niccolò Giuseppe Eleni Dimitrios Yiannis Kateřina Jiří Ondřej Zsófia Bence
Réka Ionuț Mihaela Jelena Miloš Dragana Takoda Winona Ayasha Nayeli Tallulah Jamal DeShawn
Latoya Keisha Tyrone Imani D'Andre Ja'Nya Shanice Marquis Jaylen Brianna Tyler Ashley Kayla
Connor Madison Brandon Courtney Dustin Heather Kristen Travis Megan Whitney Bradley Mackenzie
Elijah Ezekiel Abigail Miriam Yosef Shira Avraham Chana Tzvi Hadassah Grace Hazel Ivy
""".split() + ["Juan Pablo", "María José", "Mary Kate"]

SURNAMES = """
Okafor Adeyemi Nwosu Mensah Asante Boateng Owusu Mutasa Ndlovu Dlamini Diallo Traoré Keïta
Kouyaté Haile Tesfaye Gebremedhin Abdi Warsame Farah Al-Sayed Al-Masri El-Amin Haddad Khoury
Nasser Saleh Aziz Rahimi Karimi Tehrani Hosseini Yılmaz Öztürk Demir Şahin Çelik Patel Sharma
Iyer Venkataraman Chaudhry Bhattacharya Reddy Gill Sandhu Dhillon Rahman Chowdhury Hossain
Nguyen Trần Phạm Huỳnh Đặng Tanaka Watanabe Yamamoto Nakamura Kobayashi Saitō Kim Park Choi
Jeong Kang Yoon Zhang Wang Liu Chen Huang Zhao Zhou Lin Guo Batbayar Dorji Sherpa Kealamakia
Kahananui Fifita Tupou Taufa Ngata Silva Santos Oliveira Souza Pereira Carvalho Gonçalves
Nascimento Araújo Conceição García Hernández López Martínez Rodríguez Pérez Sánchez Ramírez
Torres Rivera Gómez Díaz Cruz Morales Reyes Gutiérrez Ortiz Jiménez Vargas Castillo Mendoza
Ruiz Álvarez Romero García-López Fernández-Ruiz Muñoz Ibáñez Peña Núñez Lefèvre Dubois Moreau
Laurent Girard Bérubé Tremblay Gagnon Côté Bouchard Lévesque Pelletier D'Amours Saint-Pierre
Lefebvre-Roy Müller Schröder Weiß Schmidt Becker Hoffmann Jansen Bakker Visser Kowalski
Wiśniewski Nowak Lewandowska Wójcik Ivanova Petrov Sokolov Kuznetsova Shevchenko Kovalenko
Bondarenko Melnyk Beridze Kapanadze Hakobyan Petrosyan O'Brien O'Connor O'Sullivan McCarthy
MacLeod Fitzgerald Llewellyn Pryce Rossi Bianchi Esposito Romano Colombo Ricci Papadopoulos
Georgiou Nikolaidis Novák Dvořák Horváth Nagy Szabó Popescu Ionescu Petrović Jovanović
Nikolić Begay Yazzie Tsosie Benally Washington Jefferson Jackson Robinson Coleman Freeman
Holloway Whitfield Underwood Blackwell Abernathy Castellanos Villanueva Quiñones Ben-David
Cohen Levi Friedman Katz Goldberg Mizrahi Peretz Shapiro
""".split() + ["de la Cruz", "del Valle", "de los Santos", "dos Santos", "da Silva",
               "van der Meer", "van den Berg", "von Bergen", "de Vries", "Di Stefano",
               "De Luca", "Lo Bianco", "Te Rangi", "Ó Briain", "Ní Bhriain", "Two Bears",
               "Mac Giolla", "Saint-Exupéry"]

# name particles: not searched on their own when scanning for unlabelled names
PARTICLES = {"de", "la", "del", "los", "las", "dos", "das", "da", "do", "di", "du", "van",
             "von", "der", "den", "ter", "te", "le", "lo", "al", "el", "bin", "ibn", "abu",
             "mac", "mc", "ó", "ní", "st", "saint", "two", "bears", "kate", "mary"}

CITIES = [
    "Marlow Springs", "Cedar Hollow", "Port Alderney", "Brightwater", "East Kellerton",
    "Fallon Ridge", "Oakmere", "Sagebrook", "Tillamere", "Quenton Falls", "Harrowgate Mills",
    "Larkmoor", "Vinton Crossing", "Stonebury", "Wyeth Harbor", "Calloway Bend",
    "Ashgrove Heights", "Redmarsh", "New Avalon", "Cobalt Junction", "Millbrook Station",
    "Saint Aubin Lake", "San Aurelio", "Santa Clemencia", "Villa Serena", "Los Olmos Altos",
    "Bellerive-sur-Lac", "Saint-Anselme-des-Bois", "Nova Esperança", "Ponte Clara",
    "Coeur d'Argent", "Kealani", "Makoa Point", "Ohkay Mesa", "Dunmore Flats", "Glenhaven",
    "Kittering", "Osprey Key", "Three Forks Landing", "Yarrow Gap", "Hollis Wharf",
    "Ridgeway Commons", "Maple Shoals", "Sunderby", "Peñasco Verde", "Åkerby",
]

STREET_CORES = [
    "Alder Crest", "Quarry Hollow", "Juniper Bend", "Tamarack", "Old Ferry", "Larkspur",
    "Wicklow", "Saltmarsh", "Ironwood", "Thistledown", "Copperfield", "Bramblewood", "Kestrel",
    "Marigold", "Windmere", "Foxglove", "Elderberry", "Hollyhock", "Cobblestone",
    "Sycamore Ridge", "Bluebonnet", "Ponderosa", "Aspen Hollow", "Mill Race", "Lantern Hill",
    "Beacon Ridge", "Heron Cove", "Osage", "Cranberry Bog", "Ridgeline", "Sparrow Glen",
    "Granary", "Tidewater", "Whistler", "Orchard Gate", "Clover Meadow", "Fieldstone",
    "Summit View", "Wren Hollow", "Kalena", "Nohea", "Quillfeather", "Bellwether",
]
STREET_PREFIXED = ["Calle Azucena", "Camino Viejo", "Avenida Las Palmas", "Paseo Dorado",
                   "Rue Beaulieu", "Chemin des Érables", "Rua Boa Vista", "Calle Tres Ríos"]
STREET_SUFFIX = ["Rd", "Road", "St", "Street", "Ave", "Avenue", "Ln", "Lane", "Blvd", "Dr",
                 "Drive", "Ct", "Way", "Pkwy", "Ter", "Cir", "Pl", "Trl", "Hwy"]
SHIPS = ["USS Corvanna", "USS Halberd Bay", "USNS Marrowind"]

STATES = ("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE "
          "NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY").split()

EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "proton.me",
                 "hotmail.com", "aol.com", "comcast.net", "att.net", "hotmail.fr", "orange.fr",
                 "uol.com.br", "gmail.com", "yahoo.com.mx", "live.ca", "me.com"]

SERVICES = ["appt-reminder-svc", "intake-forms-api", "claims-export-worker",
            "eligibility-gateway", "telehealth-bridge", "billing-webhooks", "esign-callback",
            "ehr-sync", "fax-gateway", "portal-bff", "notify-dispatcher", "era-ingest",
            "rx-router", "scheduler-api", "ocr-pipeline", "audit-writer", "reporting-etl",
            "roster-import", "superbill-renderer", "waitlist-matcher"]
NAMESPACES = ["clinical-prod", "billing-prod", "platform", "integrations", "telehealth",
              "data-pipelines", "messaging"]
TENANTS = ["stillwater-bh", "northbridge-counseling", "clearpath-therapy", "lumen-psychiatry",
           "harborlight-mh", "evergreen-wellness", "mesa-verde-behavioral", "tidepool-therapy"]
PRACTICES = ["Stillwater Behavioral Health", "Northbridge Counseling Group",
             "Clearpath Therapy Collective", "Lumen Psychiatry", "Harborlight Mental Health",
             "Evergreen Wellness Partners", "Mesa Verde Behavioral", "Tidepool Therapy"]
PAYERS = ["Aetna", "Cigna", "UnitedHealthcare", "Humana", "Anthem", "Optum",
          "Magellan Health", "Beacon Health Options", "Carelon Behavioral Health",
          "Tricare West", "Medicaid", "Medicare", "Molina Healthcare", "Ambetter", "Highmark",
          "Wellcare", "Blue Shield of California", "BCBS of Texas", "Kaiser Permanente",
          "Oscar Health", "Premera Blue Cross", "Regence BlueShield"]
ICD10 = ["F32.1", "F32.2", "F33.1", "F41.1", "F43.10", "F43.12", "F31.81", "F90.2", "F40.10",
         "F42.2", "F50.00", "F20.9", "F10.20", "F11.20", "F34.1", "F60.3", "Z63.0", "F43.23",
         "F41.0", "Z91.19", "F43.22", "F84.0"]
CPT = ["90791", "90792", "90832", "90834", "90837", "90846", "90847", "90853", "99213",
       "99214", "90839", "90840", "96127", "H0031", "99404", "90785", "96130"]
DRUGS = ["sertraline", "escitalopram", "bupropion XL", "aripiprazole", "lamotrigine",
         "quetiapine", "lithium carbonate", "buprenorphine-naloxone", "fluoxetine",
         "venlafaxine ER", "trazodone", "hydroxyzine", "methylphenidate", "clonidine",
         "mirtazapine", "duloxetine", "prazosin", "naltrexone", "guanfacine ER"]
DRUG_STRENGTH = ["25 mg", "50 mg", "100 mg", "10 mg", "20 mg", "150 mg", "300 mg", "5 mg",
                 "2 mg", "8 mg-2 mg", "0.1 mg"]
CREDS = ["LCSW", "LMHC", "PsyD", "PhD", "MD", "NP", "LPC", "LMFT", "PMHNP-BC"]
PRESCRIBER_CREDS = ["MD", "DO", "PMHNP-BC", "NP"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON3 = [m[:3] for m in MONTHS]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre"]
JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
         "septiembre", "octubre", "noviembre", "diciembre"]
DIAS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
MESES_PT = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
            "setembro", "outubro", "novembro", "dezembro"]
DIAS_PT = ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
           "sábado", "domingo"]

UNITS_EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TENS_EN = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy",
           8: "eighty", 9: "ninety"}
FR_9X = ["quatre-vingt-dix", "quatre-vingt-onze", "quatre-vingt-douze", "quatre-vingt-treize",
         "quatre-vingt-quatorze", "quatre-vingt-quinze", "quatre-vingt-seize",
         "quatre-vingt-dix-sept", "quatre-vingt-dix-huit", "quatre-vingt-dix-neuf"]
ES_UNITS = ["", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
PT_UNITS = ["", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove"]

_FOLD_EXTRA = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D",
               "ı": "i", "æ": "ae", "Æ": "AE", "œ": "oe"}


def fold(s):
    s = "".join(_FOLD_EXTRA.get(ch, ch) for ch in s)
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def digits_of(s):
    return re.sub(r"[^0-9]", "", s)


# --------------------------------------------------------------------------------------
# Check digits
# --------------------------------------------------------------------------------------

def luhn_ok(num):
    total = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(partial):
    for c in "0123456789":
        if luhn_ok(partial + c):
            return partial + c
    raise AssertionError


def npi_ok(npi):
    return bool(re.fullmatch(r"[12]\d{9}", npi)) and luhn_ok("80840" + npi)


def dea_ok(dea):
    m = re.fullmatch(r"[ABCDFGHJKLMPRSTUX][A-Z9](\d{7})", dea)
    if not m:
        return False
    d = [int(c) for c in m.group(1)]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


_VIN_TR = {**{str(i): i for i in range(10)},
           **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))),
           "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10)))}
_VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def vin_check_char(vin):
    s = sum(_VIN_TR[c] * w for c, w in zip(vin, _VIN_W))
    r = s % 11
    return "X" if r == 10 else str(r)


def vin_ok(vin):
    return (len(vin) == 17 and all(c in VIN_CHARS for c in vin)
            and vin[8] == vin_check_char(vin))


def ssn_ok(ssn):
    d = digits_of(ssn)
    if len(d) != 9 or not re.fullmatch(r"\d{3}[- ]?\d{2}[- ]?\d{4}", ssn):
        return False
    area, group, serial = int(d[:3]), int(d[3:5]), int(d[5:])
    return 0 < area < 900 and area != 666 and group != 0 and serial != 0


# --------------------------------------------------------------------------------------
# Identifier generators
# --------------------------------------------------------------------------------------

def gen_npi(r):
    body = r.choice("12") + "".join(r.choice("0123456789") for _ in range(8))
    return luhn_complete("80840" + body)[5:]


def gen_dea(r, surname):
    first = r.choice("ABFGM")
    init = fold(surname.replace("'", ""))
    init = [c for c in init.upper() if c.isalpha()]
    second = init[0] if init else "9"
    d = [r.randrange(10) for _ in range(6)]
    chk = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return first + second + "".join(map(str, d)) + str(chk)


VIN_WMI = ["1HG", "1FT", "2T1", "3VW", "5YJ", "JTD", "KMH", "WBA", "1C4", "4T1", "1GN",
           "JN8", "5NP", "2HK", "3GN"]


def gen_vin(r):
    v = list(r.choice(VIN_WMI) + "".join(r.choice(VIN_CHARS) for _ in range(5)) + "0"
             + r.choice("ABCDEFGHJKLMNPRSTVWXY123456789") + r.choice(VIN_CHARS)
             + "".join(r.choice("0123456789") for _ in range(6)))
    v[8] = vin_check_char("".join(v))
    return "".join(v)


def gen_plate(r):
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    f = r.choice(["9LLL999", "LLL-9999", "LLL 9999", "9LL9999", "LL9-L99", "999-LLL",
                  "LLL9999", "9LLL99"])
    return "".join(r.choice(L) if c == "L" else str(r.randrange(10)) if c == "9" else c
                   for c in f)


def gen_imei(r):
    body = r.choice(["35", "86", "01", "35", "49"]) + "".join(
        r.choice("0123456789") for _ in range(12))
    return luhn_complete(body)


def gen_card(r):
    kind = r.choice(["visa", "visa", "mc", "amex", "disc"])
    if kind == "visa":
        body, n = "4", 16
    elif kind == "mc":
        body, n = str(r.randint(51, 55)), 16
    elif kind == "amex":
        body, n = r.choice(["34", "37"]), 15
    else:
        body, n = "6011", 16
    while len(body) < n - 1:
        body += r.choice("0123456789")
    num = luhn_complete(body)
    style = r.choice(["plain", "space", "dash"])
    if style == "plain":
        return num
    sep = " " if style == "space" else "-"
    if n == 15:
        return sep.join([num[:4], num[4:10], num[10:]])
    return sep.join(num[i:i + 4] for i in range(0, 16, 4))


def gen_ssn(r, style=None):
    while True:
        area = r.randint(1, 899)
        if area != 666:
            break
    g, s = r.randint(1, 99), r.randint(1, 9999)
    style = style or r.choice(["dash", "dash", "dash", "plain", "space"])
    if style == "dash":
        return "%03d-%02d-%04d" % (area, g, s)
    if style == "space":
        return "%03d %02d %04d" % (area, g, s)
    return "%03d%02d%04d" % (area, g, s)


def gen_mbi(r):
    A = "ACDEFGHJKMNPQRTUVWXY"
    N = "0123456789"
    an = A + N
    c = [r.choice("123456789"), r.choice(A), r.choice(an), r.choice(N), r.choice(A),
         r.choice(an), r.choice(N), r.choice(A), r.choice(A), r.choice(N), r.choice(N)]
    s = "".join(c)
    return s if r.random() < 0.5 else "%s-%s-%s" % (s[:4], s[4:7], s[7:])


def rdig(r, n):
    return "".join(r.choice("0123456789") for _ in range(n))


def gen_mrn(r):
    f = r.choice(["MRN%07d", "%08d", "MR-%06d", "CH%06d", "PT-%07d", "A%07d", "E%06d",
                  "%07d", "SBH-%06d", "M%08d"])
    return f % r.randint(10000, 9999999)


def gen_member(r):
    L = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    f = r.choice(["LLL999999999", "W999999999", "LLL9L999999", "99999999999", "H99999999",
                  "ZG9999999901", "LL999999999", "999999999A", "U99999999-01", "MBI"])
    if f == "MBI":
        return gen_mbi(r)
    return "".join(r.choice(L) if c == "L" else str(r.randrange(10)) if c == "9" else c
                   for c in f)


def gen_group(r):
    return r.choice(["%06d" % r.randint(100000, 999999), "GRP-%05d" % r.randint(10000, 99999),
                     "G%07d" % r.randint(1000000, 9999999),
                     "%05d-%03d" % (r.randint(10000, 99999), r.randint(1, 999))])


def gen_account(r):
    return r.choice(["ACC-%07d" % r.randint(1000000, 9999999),
                     "PA%08d" % r.randint(10000000, 99999999),
                     "G%06d" % r.randint(100000, 999999),
                     "%09d" % r.randint(100000000, 999999999),
                     "%d-%04d" % (r.randint(1000, 99999), r.randint(1, 9999))])


def gen_bank(r):
    return rdig(r, r.choice([8, 9, 10, 11, 12]))


def gen_dl(r):
    return r.choice(["D%07d" % r.randint(0, 9999999),
                     "%s%03d-%03d-%02d-%03d-%d" % (r.choice("BCDGHKLMNRSTW"), r.randrange(1000),
                                                    r.randrange(1000), r.randrange(100),
                                                    r.randrange(1000), r.randrange(10)),
                     "%09d" % r.randint(100000000, 999999999),
                     "S%03d-%04d-%04d" % (r.randrange(1000), r.randrange(10000), r.randrange(10000)),
                     "WDL%s" % "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(9))])


def gen_state_license(r, cred):
    pre = {"LCSW": "LCSW", "LMHC": "MH", "PsyD": "PSY", "PhD": "PSY", "MD": "MD", "DO": "DO",
           "NP": "APRN", "PMHNP-BC": "APRN", "LPC": "LPC", "LMFT": "LMFT"}.get(cred, "LIC")
    return r.choice(["%s %05d", "%s-%06d", "%s%05d", "%s.%04d"]) % (pre, r.randint(1000, 99999))


def gen_rx(r):
    return r.choice(["RX%07d" % r.randint(1000000, 9999999), "%07d-%02d" % (r.randint(1000000, 9999999), r.randint(0, 11)),
                     "Rx#%06d" % r.randint(100000, 999999)])


def gen_mac(r):
    b = [r.randrange(256) for _ in range(6)]
    b[0] &= 0xFC
    sep = r.choice([":", "-"])
    s = sep.join("%02X" % x for x in b)
    return s if r.random() < 0.6 else s.lower()


def gen_serial(r):
    return "".join(r.choice("ABCDEFGHJKLMNPQRTVWXYZ0123456789") for _ in range(r.choice([10, 12])))


def gen_uuid(r, upper=False):
    h = "%032x" % r.getrandbits(128)
    h = h[:12] + "4" + h[13:16] + r.choice("89ab") + h[17:]
    u = "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])
    return u.upper() if upper else u


def gen_public_ip(r):
    while True:
        a = r.choice([24, 47, 50, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 96,
                      97, 98, 99, 104, 107, 108, 142, 162, 166, 173, 174, 184, 206, 208, 209])
        ip = "%d.%d.%d.%d" % (a, r.randrange(256), r.randrange(256), r.randint(1, 254))
        return ip


def gen_ipv6(r):
    return "%s:%x:%x:%x::%x" % (r.choice(["2601", "2600", "2603", "2605", "2607", "2a01"]),
                                r.randrange(1, 0xffff), r.randrange(1, 0xffff),
                                r.randrange(1, 0xffff), r.randrange(1, 0xffff))


def gen_infra_ip(r):
    return r.choice(["10.%d.%d.%d" % (r.randrange(256), r.randrange(256), r.randint(1, 254)),
                     "172.%d.%d.%d" % (r.randint(16, 31), r.randrange(256), r.randint(1, 254)),
                     "127.0.0.1"])


def gen_phone_parts(r):
    a = "%d%d%d" % (r.randint(2, 9), r.randint(0, 8), r.randint(0, 9))
    while True:
        e = "%d%02d" % (r.randint(2, 9), r.randint(0, 99))
        if e[1:] != "11":
            break
    return a, e, "%04d" % r.randrange(10000)


PHONE_STYLES = ["paren", "paren_nospace", "dash", "dot", "space", "e164", "intl", "intl_dash",
                "one_dash", "plain", "intl_paren"]


def fmt_phone(p, style):
    a, e, l = p
    return {"paren": "(%s) %s-%s", "paren_nospace": "(%s)%s-%s", "dash": "%s-%s-%s",
            "dot": "%s.%s.%s", "space": "%s %s %s", "e164": "+1%s%s%s", "intl": "+1 %s %s %s",
            "intl_dash": "+1-%s-%s-%s", "one_dash": "1-%s-%s-%s", "plain": "%s%s%s",
            "intl_paren": "+1 (%s) %s-%s"}[style] % (a, e, l)


def gen_phone_fr(r):
    d = [r.randrange(100) for _ in range(4)]
    m = r.choice("67")
    return r.choice(["+33 %s %02d %02d %02d %02d" % (m, *d), "0%s %02d %02d %02d %02d" % (m, *d),
                     "0%s.%02d.%02d.%02d.%02d" % (m, *d)])


def gen_phone_br(r):
    ddd = r.choice(["11", "21", "31", "41", "51", "61", "71", "81", "85"])
    a, b = r.randint(91000, 99999), r.randrange(10000)
    return r.choice(["+55 %s %d-%04d" % (ddd, a, b), "(%s) %d-%04d" % (ddd, a, b),
                     "+55%s%d%04d" % (ddd, a, b)])


def gen_phone_mx(r):
    return "+52 %s %04d %04d" % (r.choice(["55", "33", "81", "664", "656"]),
                                  r.randrange(10000), r.randrange(10000))


def age_words_en(n):
    if n >= 100:
        rest = n - 100
        return "one hundred" + ("" if rest == 0 else (" and " + UNITS_EN[rest] if rest < 10 else " and " + str(rest)))
    t, u = divmod(n, 10)
    return TENS_EN[t] + ("" if u == 0 else "-" + UNITS_EN[u])


def age_words_es(n):
    if n == 100:
        return "cien"
    t, u = divmod(n, 10)
    tens = {2: "veinte", 3: "treinta", 4: "cuarenta", 5: "cincuenta", 6: "sesenta",
            7: "setenta", 8: "ochenta", 9: "noventa"}[t]
    return tens if u == 0 else "%s y %s" % (tens, ES_UNITS[u])


def age_words_pt(n):
    if n == 100:
        return "cem"
    t, u = divmod(n, 10)
    tens = {2: "vinte", 3: "trinta", 4: "quarenta", 5: "cinquenta", 6: "sessenta",
            7: "setenta", 8: "oitenta", 9: "noventa"}[t]
    return tens if u == 0 else "%s e %s" % (tens, PT_UNITS[u])


# --------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------

def _ord(n):
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


DOB_STYLES = ["iso", "us", "us", "us_short", "us_2y", "us_2y0", "dash_us", "mon_d_y", "mon3",
              "d_mon_y", "d_mon_y_dash", "DMONY", "hl7", "slash_ymd", "mon3_nocomma",
              "d_month_y", "iso"]
APPT_STYLES = ["md", "md0", "mon_d", "mon3_d", "ordinal", "wd_mon_d", "wd3_md", "us", "iso",
               "us_short", "mon_d_y", "mon3", "wd_mon_d_y", "d_mon_y"]


def fmt_date(d, style):
    y, m, dd = d.year, d.month, d.day
    wd = d.weekday()
    f = {
        "iso": lambda: "%04d-%02d-%02d" % (y, m, dd),
        "us": lambda: "%02d/%02d/%04d" % (m, dd, y),
        "us_short": lambda: "%d/%d/%04d" % (m, dd, y),
        "us_2y": lambda: "%d/%d/%02d" % (m, dd, y % 100),
        "us_2y0": lambda: "%02d/%02d/%02d" % (m, dd, y % 100),
        "dash_us": lambda: "%02d-%02d-%04d" % (m, dd, y),
        "dot_eu": lambda: "%02d.%02d.%04d" % (dd, m, y),
        "eu": lambda: "%02d/%02d/%04d" % (dd, m, y),
        "mon_d_y": lambda: "%s %d, %d" % (MONTHS[m - 1], dd, y),
        "mon3": lambda: "%s %d, %d" % (MON3[m - 1], dd, y),
        "mon3_nocomma": lambda: "%s %d %d" % (MON3[m - 1], dd, y),
        "d_mon_y": lambda: "%d %s %d" % (dd, MON3[m - 1], y),
        "d_month_y": lambda: "%d %s %d" % (dd, MONTHS[m - 1], y),
        "d_mon_y_dash": lambda: "%02d-%s-%d" % (dd, MON3[m - 1], y),
        "DMONY": lambda: "%02d%s%d" % (dd, MON3[m - 1].upper(), y),
        "hl7": lambda: "%04d%02d%02d" % (y, m, dd),
        "slash_ymd": lambda: "%04d/%02d/%02d" % (y, m, dd),
        "md": lambda: "%d/%d" % (m, dd),
        "md0": lambda: "%02d/%02d" % (m, dd),
        "mon_d": lambda: "%s %d" % (MONTHS[m - 1], dd),
        "mon3_d": lambda: "%s %d" % (MON3[m - 1], dd),
        "ordinal": lambda: "%s %d%s" % (MONTHS[m - 1], dd, _ord(dd)),
        "wd_mon_d": lambda: "%s, %s %d" % (WEEKDAYS[wd], MONTHS[m - 1], dd),
        "wd_mon_d_y": lambda: "%s, %s %d, %d" % (WEEKDAYS[wd], MONTHS[m - 1], dd, y),
        "wd3_md": lambda: "%s %d/%d" % (WEEKDAYS[wd][:3], m, dd),
        "fr": lambda: "%s %s %d" % ("1er" if dd == 1 else str(dd), MOIS[m - 1], y),
        "fr_wd": lambda: "%s %s %s" % (JOURS[wd], "1er" if dd == 1 else str(dd), MOIS[m - 1]),
        "es": lambda: "%d de %s de %d" % (dd, MESES[m - 1], y),
        "es_wd": lambda: "%s %d de %s" % (DIAS[wd], dd, MESES[m - 1]),
        "pt": lambda: "%d de %s de %d" % (dd, MESES_PT[m - 1], y),
        "pt_wd": lambda: "%s, %02d/%02d" % (DIAS_PT[wd], dd, m),
    }[style]
    return f()


def fmt_time(r, hh, mm, lang="en"):
    if lang == "fr" or lang == "pt":
        return "%dh%02d" % (hh, mm)
    if lang == "es":
        return "%d:%02d" % (hh, mm)
    h12 = (hh - 1) % 12 + 1
    ap = "AM" if hh < 12 else "PM"
    return r.choice(["%d:%02d %s" % (h12, mm, ap), "%d:%02d%s" % (h12, mm, ap.lower()),
                     "%02d:%02d" % (hh, mm), "%d:%02d %s" % (h12, mm, ap.lower())])


def rand_date(r, y0, y1):
    a = date(y0, 1, 1).toordinal()
    b = date(y1, 12, 31).toordinal()
    return date.fromordinal(r.randint(a, b))


# --------------------------------------------------------------------------------------
# Masks used in PHI-free records
# --------------------------------------------------------------------------------------

MASKS = {
    "NAME": ["[REDACTED]", "<redacted>", "{{patient.first_name}}", "{{ client.full_name }}",
             "[NAME]", "***", "<name>", "%PATIENT_NAME%", "REDACTED", "[name removed]"],
    "DATE": ["{{appointment.date}}", "YYYY-MM-DD", "MM/DD/YYYY", "[DATE]", "**/**/****",
             "<date>", "TBD", "n/a"],
    "PHONE": ["(XXX) XXX-XXXX", "[PHONE]", "{{patient.mobile}}", "***-***-****", "<phone>",
              "+1XXXXXXXXXX"],
    "FAX": ["(XXX) XXX-XXXX", "[FAX]", "<fax>", "{{referral.fax}}"],
    "EMAIL": ["[EMAIL]", "<email>", "{{patient.email}}", "***@***", "[redacted-email]"],
    "ADDRESS": ["[ADDRESS]", "<street>", "{{patient.address1}}", "***"],
    "CITY": ["[CITY]", "<city>", "{{patient.city}}"],
    "ZIP": ["XXXXX", "[ZIP]", "<zip>", "{{patient.zip}}"],
    "SSN": ["***-**-****", "XXX-XX-XXXX", "[SSN]", "<ssn>"],
    "MRN": ["[MRN]", "<mrn>", "{{chart.mrn}}", "MRN-XXXXXXX"],
    "HEALTH_PLAN": ["[MEMBER_ID]", "<member-id>", "XXXXXXXXX", "{{coverage.member_id}}"],
    "ACCOUNT": ["[ACCOUNT]", "<acct>", "XXXXXXXX", "tok_redacted"],
    "LICENSE": ["[NPI]", "<license>", "XXXXXXXXXX", "{{provider.npi}}"],
    "VEHICLE": ["[VIN]", "<plate>", "XXXXXXX", "{{vehicle.vin}}"],
    "DEVICE": ["[DEVICE_ID]", "<device>", "not-reported", "unknown"],
    "OTHER_ID": ["[ID]", "<username>", "XXXXXX", "{{portal.username}}"],
    "URL": ["[URL]", "<url>"],
}
MASKS_CTX = {
    "url": ["{id}", ":id", "REDACTED", "_redacted_", "%7Bvalue%7D", "%5BREDACTED%5D"],
    "kv": ["<redacted>", "REDACTED", "***", "[filtered]", "-"],
    "x12": ["REDACTED", "XXXXXXXX", "MASKED"],
    "csv": ["REDACTED", "***", "", "<redacted>", "[filtered]"],
}


def mask(r, kind, ctx):
    if kind == "AGE_OVER_89":
        n = r.randint(18, 89)
        if ctx == "text" and r.random() < 0.3:
            return age_words_en(n) if n >= 20 else str(n)
        return str(n)
    if kind == "IP":
        return gen_infra_ip(r)
    if ctx in MASKS_CTX:
        return r.choice(MASKS_CTX[ctx])
    return r.choice(MASKS.get(kind, ["[REDACTED]"]))


# --------------------------------------------------------------------------------------
# People and the record builder
# --------------------------------------------------------------------------------------

def email_local(r, given, surname):
    g = re.sub(r"[^a-z-]", "", fold(given).lower().replace(" ", ""))
    s = re.sub(r"[^a-z-]", "", fold(surname).lower().replace(" ", ""))
    if r.random() < 0.5:
        g, s = g.replace("-", ""), s.replace("-", "")
    return r.choice(["%s.%s" % (g, s), "%s%s" % (g[0], s), "%s.%s" % (s, g),
                     "%s%s%d" % (g, s, r.randint(1, 99)), "%s_%s" % (g, s),
                     "%s.%s%d" % (g, s, r.randint(60, 99)), "%s%s" % (g, s[:1]),
                     "%s.%s.%d" % (g, s, r.randint(1, 9))])


def make_street(r):
    kind = r.random()
    if kind < 0.07:
        return r.choice(["PO Box %d", "P.O. Box %d", "POB %d", "Post Office Box %d"]) % r.randint(2, 9999)
    if kind < 0.11:
        return r.choice(["Rural Route %d Box %d", "RR %d Box %d", "HC %d Box %d"]) % (
            r.randint(1, 9), r.randint(1, 999))
    num = str(r.choice([r.randint(1, 99), r.randint(100, 9999), r.randint(10000, 29999)]))
    if r.random() < 0.05:
        num += r.choice(["A", "B", " 1/2"])
    if r.random() < 0.15:
        street = r.choice(STREET_PREFIXED)
    else:
        street = r.choice(STREET_CORES) + " " + r.choice(STREET_SUFFIX)
        if r.random() < 0.2:
            street = r.choice(["N ", "S ", "E ", "W ", "NE ", "SW ", "North ", "West "]) + street
    addr = num + " " + street
    if r.random() < 0.4:
        addr += r.choice([" Apt %d%s" % (r.randint(1, 40), r.choice(["", "A", "B", "C"])),
                          " Unit %d" % r.randint(1, 999), " #%d" % r.randint(1, 400),
                          ", Apt. %d" % r.randint(1, 99), " Lot %d" % r.randint(1, 80),
                          ", Bldg %s Apt %d" % (r.choice("ABCDEFG"), r.randint(1, 40)),
                          " Fl %d" % r.randint(2, 12), " Trlr %d" % r.randint(1, 60)])
    return addr


class Person:
    def __init__(self, r, old=False, minor=False):
        self.r = r
        for _ in range(50):
            self.given = r.choice(GIVEN)
            self.surname = r.choice(SURNAMES)
            if S.name_parts(self.given + " " + self.surname):
                break
        self.mi = r.choice("ABCDEFGHJKLMNPRSTVW")
        self.dob = (rand_date(r, 1925, 1934) if old else rand_date(r, 2008, 2017) if minor
                    else rand_date(r, 1938, 2011))
        self.age = None
        self.phone = gen_phone_parts(r)
        self.phone2 = gen_phone_parts(r)
        self.email = email_local(r, self.given, self.surname) + "@" + r.choice(EMAIL_DOMAINS)
        self.user = re.sub(r"[^a-z0-9._]", "", email_local(r, self.given, self.surname))
        self.street = make_street(r)
        self.city = r.choice(CITIES)
        self.state = r.choice(STATES)
        self.zip = "%05d" % r.randint(1001, 99929)
        self.zip4 = "%s-%04d" % (self.zip, r.randint(1, 9999))
        self.mrn = gen_mrn(r)
        self.member = gen_member(r)
        self.group = gen_group(r)
        self.ssn = gen_ssn(r)
        self.acct = gen_account(r)
        self.mil = None

    # name forms
    def full(self):
        return "%s %s" % (self.given, self.surname)

    def lf(self):
        return "%s, %s" % (self.surname, self.given)

    def LF(self):
        return fold("%s, %s" % (self.surname, self.given)).upper()

    def FULLU(self):
        return fold(self.full()).upper()

    def lower(self):
        return self.full().lower()

    def mid(self):
        return "%s %s. %s" % (self.given, self.mi, self.surname)

    def ilast(self):
        return "%s. %s" % (self.given[0], self.surname)

    def firsti(self):
        return "%s %s." % (self.given, self.surname[0].upper())

    def name(self, style=None):
        style = style or self.r.choice(["full", "full", "full", "lf", "LF", "mid", "FULLU",
                                        "lower", "ilast"])
        return getattr(self, style)()


class Retry(Exception):
    pass


class Rec:
    def __init__(self, r, clean):
        self.r = r
        self.clean = clean
        self.phi = []
        self.keep = []
        self.now = datetime(2025, 1, 2, 0, 0, 0) + timedelta(seconds=r.randrange(178 * 86400))
        self.ms = r.randrange(1000)

    # randomness
    def c(self, seq):
        return self.r.choice(seq)

    def ri(self, a, b):
        return self.r.randint(a, b)

    def p(self, prob):
        return self.r.random() < prob

    def alt(self, *fns):
        """Pick one of several lazily built variants (only the chosen one registers labels)."""
        return self.c(fns)()

    # labelling
    def P(self, kind, value, ctx="text", alt=None):
        assert kind in KINDS, kind
        if self.clean:
            return alt if alt is not None else mask(self.r, kind, ctx)
        if kind == "NAME" and not S.name_parts(value):
            raise Retry("name without scored part: %r" % value)
        self.phi.append((value, kind))
        return value

    def encjoin(self, parts):
        """Form-encode a message; labelled parts are (kind, raw) and are labelled encoded."""
        out = []
        for part in parts:
            if isinstance(part, tuple):
                out.append(self.P(part[0], _enc(part[1]), "url"))
            else:
                out.append(_enc(part))
        return "".join(out)

    def U(self, value):
        """Label a composed URL/path as URL when it embeds a labelled identifier."""
        if not self.clean and any(v in value for v, k in self.phi if k != "URL"):
            self.phi.append((value, "URL"))
        return value

    def K(self, value, kind):
        self.keep.append((str(value), kind))
        return str(value)

    # people
    def pt(self, old=False, minor=False):
        return Person(self.r, old=old, minor=minor)

    def clin(self, prescriber=False):
        c = Person(self.r)
        c.cred = self.c(PRESCRIBER_CREDS if prescriber else CREDS)
        c.npi = gen_npi(self.r)
        c.dea = gen_dea(self.r, c.surname)
        c.lic = gen_state_license(self.r, c.cred)
        c.fax = gen_phone_parts(self.r)
        return c

    # PHI helpers
    def name(self, p, style=None, ctx="text"):
        return self.P("NAME", p.name(style), ctx)

    def dob(self, p, style=None, ctx="text"):
        return self.P("DATE", fmt_date(p.dob, style or self.c(DOB_STYLES)), ctx)

    def appt_date(self):
        return (self.now + timedelta(days=self.ri(-20, 45))).date()

    def date(self, d, style=None, ctx="text", styles=APPT_STYLES):
        return self.P("DATE", fmt_date(d, style or self.c(styles)), ctx)

    def phone(self, p, style=None, ctx="text", which="phone"):
        return self.P("PHONE", fmt_phone(getattr(p, which), style or self.c(PHONE_STYLES)), ctx)

    def fax(self, parts, style=None, ctx="text"):
        return self.P("FAX", fmt_phone(parts, style or self.c(PHONE_STYLES)), ctx)

    def email(self, p, ctx="text"):
        return self.P("EMAIL", p.email, ctx)

    def zip(self, p, ctx="text"):
        return self.P("ZIP", p.zip4 if self.p(0.25) else p.zip, ctx)

    def age90(self, words=False, lang="en", ctx="text", p=None):
        n = self.ri(90, 104) if self.p(0.85) else self.ri(90, 99)
        if p is not None:
            d = self.now.date()
            n = d.year - p.dob.year - ((d.month, d.day) < (p.dob.month, p.dob.day))
            assert n >= 90
        if lang == "fr" and n < 100:
            v = FR_9X[n - 90] if words else str(n)
        elif lang == "es":
            v = age_words_es(min(n, 100)) if words else str(n)
        elif lang == "pt":
            v = age_words_pt(min(n, 100)) if words else str(n)
        else:
            v = age_words_en(n) if words else str(n)
        return self.P("AGE_OVER_89", v, ctx)

    def age_of(self, p, ctx="csv"):
        """Age in whole years on the record date: labelled only when over 89."""
        d = self.now.date()
        n = d.year - p.dob.year - ((d.month, d.day) < (p.dob.month, p.dob.day))
        return self.P("AGE_OVER_89", str(n), ctx) if n > 89 else str(n)

    def pub_ip(self):
        return self.P("IP", gen_public_ip(self.r) if self.p(0.85) else gen_ipv6(self.r))

    def addr_block(self, p, sep=", ", ctx="text"):
        """street, city, ST zip (labelled parts); military addresses for some people."""
        if self.p(0.2):
            if self.p(0.5):
                street = "PSC %d, Box %d" % (self.ri(100, 9999), self.ri(1, 9999))
            else:
                street = "Unit %d Box %d" % (self.ri(2000, 9999), self.ri(1, 9999))
            kind, code = self.c([("APO", "AE"), ("FPO", "AP"), ("APO", "AP"), ("DPO", "AE"),
                                 ("APO", "AA")])
            z = {"AE": "09%03d" % self.ri(2, 499), "AP": "96%03d" % self.ri(201, 699),
                 "AA": "340%02d" % self.ri(1, 99)}[code]
            if self.p(0.2):
                street = self.c(SHIPS)
                kind = "FPO"
                code = "AP"
                z = "96%03d" % self.ri(601, 699)
            return "%s%s%s %s %s" % (self.P("ADDRESS", street, ctx), sep, kind, code,
                                     self.P("ZIP", z, ctx))
        return "%s%s%s, %s %s" % (self.P("ADDRESS", p.street, ctx), sep,
                                  self.P("CITY", p.city, ctx), p.state, self.zip(p, ctx))

    # keep helpers
    def iso(self, dt=None, ms=True, z="Z"):
        dt = dt or self.now
        s = dt.strftime("%Y-%m-%dT%H:%M:%S")
        if ms:
            s += ".%03d" % self.ms
        return self.K(s + z, "timestamp")

    def logts(self, sep=","):
        return self.K(self.now.strftime("%Y-%m-%d %H:%M:%S") + "%s%03d" % (sep, self.ms),
                      "timestamp")

    def later(self, seconds):
        return self.now + timedelta(seconds=seconds)

    def uuid(self, kind="uuid"):
        return self.K(gen_uuid(self.r), kind)

    def hexid(self, n, prefix="", kind="request_id"):
        return self.K(prefix + "".join(self.c("0123456789abcdef") for _ in range(n)), kind)

    def b62(self, n, prefix="", kind="request_id"):
        a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        return self.K(prefix + "".join(self.c(a) for _ in range(n)), kind)

    def ver(self, prefix="v"):
        return self.K("%s%d.%d.%d" % (prefix, self.ri(1, 9), self.ri(0, 40), self.ri(0, 30)),
                      "version")

    def svc(self):
        return self.K(self.c(SERVICES), "service")

    def host(self):
        h = self.c(["ip-10-%d-%d-%d.ec2.internal" % (self.ri(0, 255), self.ri(0, 255), self.ri(1, 254)),
                    "%s-%s-%s" % (self.c(SERVICES), self.hexs(9), self.hexs(5)),
                    "prod-%s-%02d" % (self.c(["web", "worker", "api", "edge", "batch"]), self.ri(1, 40)),
                    "gke-clinical-prod-pool-%d-%s" % (self.ri(1, 4), self.hexs(8))])
        return self.K(h, "host")

    def hexs(self, n):
        return "".join(self.c("0123456789abcdef") for _ in range(n))

    def amount(self, lo=15, hi=400):
        return self.K("%d.%02d" % (self.ri(lo, hi), self.c([0, 0, 0, 50, 25, 75, 99])), "amount")

    def count(self, lo=1, hi=500):
        return self.K(str(self.ri(lo, hi)), "count")

    def icd(self):
        return self.K(self.c(ICD10), "icd10")

    def cpt(self):
        return self.K(self.c(CPT), "cpt")

    def drug(self):
        return self.K(self.c(DRUGS), "drug")

    def payer(self):
        return self.K(self.c(PAYERS), "payer")

    def payer_up(self):
        return self.K(fold(self.c(PAYERS)).upper(), "payer")

    def tenant(self):
        return self.K(self.c(TENANTS), "tenant")


TEMPLATES = []


def T(fn):
    TEMPLATES.append((fn.__name__, fn))
    return fn


def J(obj, indent=None):
    return json.dumps(obj, ensure_ascii=False, indent=indent)


UA = ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
      "okhttp/4.12.0",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.6261.94 Safari/537.36",
      "python-requests/2.31.0", "MHPortal/5.3.1 (Android 14; SM-S918U)",
      "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.6167.164 Mobile Safari/537.36",
      "curl/8.4.0"]


# ======================================================================================
# Templates: monitoring and alerting
# ======================================================================================

@T
def alertmanager_webhook(b):
    pt = b.pt()
    alert = b.K(b.c(["ReminderDeliveryFailed", "IntakeSyncStalled", "ClaimExportErrors",
                     "EligibilityCheckTimeout", "FaxDeliveryFailed"]), "alert")
    sev = b.K(b.c(["critical", "warning", "page"]), "severity")
    svc, ns = b.svc(), b.K(b.c(NAMESPACES), "namespace")
    nm, mrn = b.name(pt), b.P("MRN", pt.mrn)
    code = b.K(b.c(["30003", "30005", "30006", "30007", "21610"]), "error_code")
    summary = b.alt(
        lambda: "%s for %s (MRN %s)" % (alert, nm, mrn),
        lambda: "Patient %s / %s: last %s reminder attempts failed" % (nm, mrn, b.count(2, 6)),
        lambda: "%s: chart %s (%s) stuck since last sync" % (alert, mrn, nm))
    desc = b.alt(
        lambda: "Twilio error %s delivering to %s; DOB on file %s. Tenant %s." % (
            code, b.phone(pt), b.dob(pt), b.tenant()),
        lambda: "Provider returned %s for %s, tenant %s, appointment %s at %s" % (
            code, b.email(pt), b.tenant(), b.date(b.appt_date()), fmt_time(b.r, b.ri(8, 18), b.c([0, 15, 30, 45])))
    )
    labels = OrderedDict([("alertname", alert), ("severity", sev), ("service", svc),
                          ("namespace", ns)])
    if b.p(0.5):
        labels["patient_mrn"] = mrn
    d = OrderedDict([("receiver", "pagerduty-clinical"), ("status", "firing"), ("alerts", [OrderedDict([
        ("status", "firing"), ("labels", labels),
        ("annotations", OrderedDict([("summary", summary), ("description", desc),
                                     ("runbook_url", "https://runbooks.internal/alerts/" + alert)])),
        ("startsAt", b.iso(ms=False)), ("endsAt", "0001-01-01T00:00:00Z"),
        ("fingerprint", b.hexid(16, kind="hash"))])]),
        ("groupKey", "{}:{alertname=\"%s\"}" % alert), ("version", "4")])
    return J(d, indent=b.c([None, 2]))


@T
def prometheus_series(b):
    metric = b.K(b.c(["reminder_send_failures_total", "portal_login_failures_total",
                      "intake_upload_errors_total", "sms_optout_events_total"]), "metric")
    ten = b.tenant()
    lines = ["# HELP %s Count of failures by recipient (label added in %s)" % (metric, b.ver()),
             "# TYPE %s counter" % metric]
    for _ in range(b.ri(2, 3)):
        pt = b.pt()
        lab = b.alt(
            lambda: 'patient_email="%s"' % b.email(pt),
            lambda: 'to="%s"' % b.phone(pt, style=b.c(["e164", "plain"]), ctx="kv"),
            lambda: 'patient="%s",dob="%s"' % (b.name(pt, b.c(["full", "lower"])), b.dob(pt, "iso")),
            lambda: 'member_id="%s"' % b.P("HEALTH_PLAN", pt.member, "kv"))
        lines.append('%s{tenant="%s",channel="%s",%s} %s' % (
            metric, ten, b.c(["sms", "email", "voice"]), lab, b.count(1, 40)))
    lines.append("# series for %s grew %s%% in 1h; cardinality guard at %s series" % (
        metric, b.count(40, 900), b.K(str(b.c([5000, 10000, 20000])), "count")))
    return "\n".join(lines)


@T
def alertmanager_slack(b):
    pt = b.pt()
    alert = b.K(b.c(["ClaimRejectionSpike", "EraPostingBacklog", "EligibilityErrors"]), "alert")
    n = b.count(3, 40)
    pay = b.payer()
    reason = b.K(b.c(["A7:562", "A3:21", "A7:164", "A6:153", "A8:562"]), "x12")
    sample = b.alt(
        lambda: "subscriber %s member %s DOB %s" % (b.name(pt, "LF"), b.P("HEALTH_PLAN", pt.member),
                                                    b.dob(pt, "hl7")),
        lambda: "pt %s (%s), dos %s" % (b.name(pt, "lf"), b.P("MRN", pt.mrn), b.date(b.appt_date(), "us")),
        lambda: "member %s / %s / claim %s" % (b.P("HEALTH_PLAN", pt.member), b.name(pt, "FULLU"),
                                              b.P("ACCOUNT", pt.acct)))
    pod = b.K("%s-%s-%s" % (b.c(["era-ingest", "claims-export-worker"]), b.hexs(9), b.hexs(5)), "pod")
    return ("[FIRING:%s] %s (billing-prod %s critical)\n*Alert:* 277CA rejections above threshold - `critical`\n"
            "*Description:* %s rejections in 15m. Sample: %s payer %s reason %s\n*Details:*\n"
            " \u2022 alertname: %s\n \u2022 pod: %s\n \u2022 severity: critical") % (
        b.count(1, 4), alert, b.svc(), n, sample, pay, reason, alert, pod)


@T
def datadog_log(b):
    pt = b.pt()
    st = b.K(b.c(["400", "404", "409", "422", "500", "502"]), "status")
    path = b.alt(
        lambda: b.U("/api/v2/patients/%s/appointments" % b.P("MRN", pt.mrn, "url")),
        lambda: b.U("/portal/lookup?email=%s&dob=%s" % (b.email(pt, "url"), b.dob(pt, "iso", "url"))),
        lambda: b.U("/api/v2/coverage?member_id=%s" % b.P("HEALTH_PLAN", pt.member, "url")))
    d = OrderedDict([
        ("date", b.iso()), ("host", b.host()), ("service", b.svc()), ("status", "error"),
        ("message", b.alt(lambda: "appointment lookup failed for %s" % b.name(pt),
                          lambda: "request failed with %s" % st,
                          lambda: "patient %s not eligible on %s" % (b.name(pt, "lf"), b.date(b.appt_date(), "iso")))),
        ("http", OrderedDict([("method", b.K(b.c(["GET", "POST", "PUT"]), "method")), ("url", path),
                              ("status_code", int(st)), ("useragent", b.c(UA))])),
        ("network", {"client": {"ip": b.pub_ip()}}),
        ("usr", OrderedDict([("id", int(b.count(1000, 999999))), ("email", b.email(pt)), ("name", b.name(pt, "full"))])),
        ("dd", {"trace_id": b.K(str(b.r.getrandbits(62)), "trace_id"), "env": "prod"}),
    ])
    return J(d)


@T
def newrelic_nrql(b):
    svc = b.svc()
    rows = []
    for _ in range(b.ri(2, 4)):
        pt = b.pt()
        rows.append("| %s | %s | %s | %s |" % (
            b.K(b.now.strftime("%Y-%m-%d %H:%M:%S") if not rows else (b.later(b.ri(1, 900))).strftime("%Y-%m-%d %H:%M:%S"), "timestamp"),
            b.alt(lambda: "SMS undelivered to %s" % b.phone(pt),
                  lambda: "portal login locked for %s" % b.P("OTHER_ID", pt.user),
                  lambda: "intake PDF parse error for %s" % b.name(pt)),
            b.alt(lambda: b.zip(pt), lambda: b.P("CITY", pt.city), lambda: b.pub_ip()),
            b.K(b.c(["ERROR", "WARN"]), "level")))
    return ("NRQL> SELECT timestamp, message, attributes.patient_geo, level FROM Log WHERE service = '%s' "
            "AND level IN ('ERROR','WARN') SINCE 30 minutes ago LIMIT %s\n"
            "| timestamp | message | patient_geo | level |\n|---|---|---|---|\n%s\n(%s rows, %s ms)") % (
        svc, b.K(str(b.c([10, 50, 100])), "count"), "\n".join(rows), len(rows), b.count(20, 900))


@T
def cloudwatch_lambda(b):
    pt = b.pt()
    rid = b.uuid("request_id")
    err = b.K(b.c(["ValidationError", "ConditionalCheckFailedException", "ThrottlingException",
                   "TypeError"]), "exception")
    ev = OrderedDict()
    ev["source"] = b.c(["intake-form", "kiosk", "referral-fax"])
    ev["first_name"] = b.P("NAME", pt.given) if b.p(0.5) else b.P("NAME", pt.full())
    if b.p(0.5):
        ev["last_name"] = b.P("NAME", pt.surname)
    ev["dob"] = b.dob(pt)
    ev["phone"] = b.phone(pt)
    if b.p(0.5):
        ev["address"] = OrderedDict([("line1", b.P("ADDRESS", pt.street)), ("city", b.P("CITY", pt.city)),
                                     ("state", pt.state), ("zip", b.zip(pt))])
    if b.p(0.3):
        ev["ssn"] = b.P("SSN", pt.ssn)
    return ("START RequestId: %s Version: $LATEST\n%s\t%s\tERROR\tInvoke Error \t%s\n"
            "END RequestId: %s\nREPORT RequestId: %s\tDuration: %s ms\tBilled Duration: %s ms\t"
            "Memory Size: 512 MB\tMax Memory Used: %s MB") % (
        rid, b.iso(), rid, J({"errorType": err, "errorMessage": "intake record rejected by %s" % b.svc(),
                              "event": ev}), rid, rid,
        b.K("%d.%02d" % (b.ri(100, 9000), b.ri(0, 99)), "duration"), b.count(100, 9000), b.count(80, 500))


@T
def cloudwatch_insights(b):
    grp = b.K("/aws/ecs/%s" % b.svc(), "log_group")
    out = ["fields @timestamp, @message | filter @message like /eligibility/ | sort @timestamp desc | limit 20",
           "# log group %s, %s records matched, %s scanned" % (grp, b.count(2, 9), b.K("%d.%d MB" % (b.ri(1, 900), b.ri(0, 9)), "size"))]
    for i in range(b.ri(2, 3)):
        pt = b.pt()
        msg = b.alt(
            lambda: "eligibility 271 AAA*72 for member %s (%s, dob %s)" % (
                b.P("HEALTH_PLAN", pt.member), b.name(pt, "LF"), b.dob(pt, "us")),
            lambda: "eligibility retry scheduled for %s, subscriber %s, payer %s" % (
                b.name(pt), b.P("HEALTH_PLAN", pt.member), b.payer()),
            lambda: "eligibility ok for %s but address mismatch: %s" % (
                b.P("MRN", pt.mrn), b.addr_block(pt)))
        out.append("%s | %s" % (b.K((b.later(-i * b.ri(5, 60))).strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % b.ri(0, 999), "timestamp"), msg))
    return "\n".join(out)


@T
def datadog_monitor(b):
    pt = b.pt()
    which = b.ri(0, 2)
    mon = b.K(["[P2] Fax delivery failure rate > 20%", "[P1] ERA auto-post stuck",
               "[P3] Telehealth join errors"][which], "monitor")
    mid = b.K(str(b.ri(10000000, 199999999)), "monitor_id")
    body = [
        lambda: "Sample event: fax to %s for referral of %s (DOB %s) failed with %s" % (
            b.fax(pt.phone2), b.name(pt), b.dob(pt), b.K(b.c(["NO_ANSWER", "BUSY", "FAX_NEGOTIATION_FAILED"]), "error_code")),
        lambda: "Sample event: ERA for claim %s (%s) could not be matched; patient account %s" % (
            b.K("CLM-%06d" % b.ri(100000, 999999), "claim_batch"), b.name(pt, "LF"), b.P("ACCOUNT", pt.acct)),
        lambda: "Sample event: %s (%s) could not join room; client ip %s; age %s" % (
            b.name(pt), b.email(pt), b.pub_ip(), b.age90())][which]()
    return ("Monitor %s triggered (id %s)\n%s\nvalue: %s over the last 10m, threshold %s\n@pagerduty-clinical @slack-ops-alerts\n%s") % (
        mon, mid, body, b.K("%d.%d%%" % (b.ri(20, 80), b.ri(0, 9)), "value"), b.K("20%", "threshold"), b.iso(ms=False))


# ======================================================================================
# Templates: Kubernetes
# ======================================================================================

@T
def k8s_events(b):
    pt = b.pt()
    mdig = digits_of(pt.mrn)
    while len(mdig) < 6:
        mdig = "0" + mdig
    job = "chart-export-%s" % b.P("MRN", mdig, "kv", alt="b" + b.hexs(5))
    suffix = b.K(b.hexs(5), "pod_suffix")
    pod = "pod/%s-%s" % (job, suffix)
    ns = b.K(b.c(NAMESPACES), "namespace")
    rows = ["LAST SEEN   TYPE      REASON             OBJECT                                   MESSAGE",
            "%-11s %-9s %-18s %-40s %s" % ("%dm" % b.ri(1, 9), "Warning", b.K("BackOff", "reason"), pod,
                                             "Back-off restarting failed container exporter in pod %s-%s_%s" % (job, suffix, ns)),
            "%-11s %-9s %-18s %-40s %s" % ("%dm" % b.ri(10, 30), "Normal", "Pulled", pod,
                                             "Container image \"%s\" already present on machine" % b.K("registry.internal/exporter:%s" % b.ver(""), "image"))]
    if b.p(0.6):
        rows.append("%-11s %-9s %-18s %-40s %s" % ("%dm" % b.ri(30, 59), "Warning", b.K("FailedMount", "reason"), pod,
                                                     "MountVolume.SetUp failed for volume \"export-%s\" : secret not found" % b.P("NAME", fold(pt.surname).lower().replace(" ", "-").replace("'", ""), "kv")))
    return "$ kubectl get events -n %s --field-selector involvedObject.kind=Pod\n%s" % (ns, "\n".join(rows))


@T
def k8s_pod_logfmt(b):
    lines = []
    for i in range(b.ri(2, 4)):
        pt = b.pt()
        ts = b.K((b.later(i * b.ri(1, 30))).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % b.ri(0, 999), "timestamp")
        lines.append(b.alt(
            lambda: 'level=error ts=%s caller=%s msg="fax send failed" to_fax=%s patient="%s" attempt=%s' % (
                ts, b.K("sender.go:%d" % b.ri(40, 400), "caller"), b.fax(pt.phone2, b.c(["e164", "plain", "dash"]), "kv"),
                b.name(pt, b.c(["full", "lf"])), b.count(1, 5)),
            lambda: 'level=warn ts=%s msg="duplicate patient suspected" mrn=%s dob=%s zip=%s score=0.%02d' % (
                ts, b.P("MRN", pt.mrn, "kv"), b.dob(pt, b.c(["iso", "hl7"]), "kv"), b.P("ZIP", pt.zip, "kv"), b.ri(80, 99)),
            lambda: 'level=info ts=%s msg="sms queued" to=%s sid=%s' % (
                ts, b.phone(pt, b.c(["e164", "plain"]), "kv"), b.hexid(32, "SM", "message_sid")),
            lambda: 'level=error ts=%s msg="geocode failed" addr="%s, %s" err="%s"' % (
                ts, b.P("ADDRESS", pt.street), b.P("CITY", pt.city), b.K("ZERO_RESULTS", "error_code"))))
    return "%s %s\n%s" % (b.K("%s-%s-%s" % (b.svc(), b.hexs(9), b.hexs(5)), "pod"), b.K(b.c(NAMESPACES), "namespace"), "\n".join(lines))


@T
def k8s_describe_job(b):
    pt = b.pt()
    fname = b.alt(
        lambda: "referral_%s_scan_%s.pdf" % (b.P("NAME", fold(pt.surname).replace(" ", "").replace("'", ""), "kv"),
                                            b.dob(pt, b.c(["iso", "hl7"]), "kv")),
        lambda: "intake-%s-%s.pdf" % (b.P("MRN", pt.mrn, "kv"), b.dob(pt, "hl7", "kv")))
    bucket = b.c(["mhp-prod-intake", "sbh-referrals-prod", "clinical-uploads-us-east-1"])
    uri = b.U("s3://%s/inbox/%s" % (bucket, fname))
    return ("Name:           %s\nNamespace:      %s\nParallelism:    1\nPods Statuses:  0 Active / 0 Succeeded / 1 Failed\n"
            "Pod Template:\n  Containers:\n   ocr:\n    Image:      %s\n    Args:\n      --input\n      %s\n      --dpi=300\n"
            "Events:\n  Type     Reason                Age   From            Message\n"
            "  Warning  BackoffLimitExceeded  %dm    job-controller  Job has reached the specified backoff limit\n"
            "  Normal   OOMKilled             %dm    kubelet         Container ocr exceeded memory limit (%s)") % (
        b.K("ocr-render-%s" % b.hexs(6), "job"), b.K("data-pipelines", "namespace"),
        b.K("registry.internal/ocr-pipeline:%s" % b.ver(""), "image"), uri, b.ri(2, 9), b.ri(10, 20),
        b.K(b.c(["2Gi", "1Gi", "4Gi"]), "limit"))


# ======================================================================================
# Templates: access logs
# ======================================================================================

def _ngx_ts(b):
    return b.K(b.now.strftime("%d/%b/%Y:%H:%M:%S") + " +0000", "timestamp")


@T
def nginx_access(b):
    pt = b.pt()
    m = b.K(b.c(["GET", "POST"]), "method")
    path = b.alt(
        lambda: b.U("/api/v1/appointments/search?email=%s&dob=%s" % (
            b.P("EMAIL", pt.email.replace("@", "%40"), "url"), b.dob(pt, "iso", "url"))),
        lambda: b.U("/intake/resume?last_name=%s&phone=%s" % (
            b.P("NAME", fold(pt.surname).replace(" ", "+"), "url"), b.phone(pt, "plain", "url"))),
        lambda: b.U("/portal/api/patients/%s/statements?acct=%s" % (b.P("MRN", pt.mrn, "url"), b.P("ACCOUNT", pt.acct, "url"))),
        lambda: b.U("/forms/consent?guardian=%s&ssn_last=&zip=%s" % (
            b.P("NAME", fold(pt.full()).replace(" ", "%20"), "url"), b.P("ZIP", pt.zip, "url"))))
    st = b.K(b.c(["200", "302", "400", "404", "499", "502", "504"]), "status")
    return '%s - - [%s] "%s %s HTTP/1.1" %s %s "-" "%s" rt=%s uct="0.000" upstream=%s' % (
        b.pub_ip(), _ngx_ts(b), m, path, st, b.count(0, 90000), b.c(UA),
        b.K("%d.%03d" % (b.ri(0, 30), b.ri(0, 999)), "duration"),
        b.K("%s:%s" % (gen_infra_ip(b.r) if b.p(0.9) else "10.0.0.5", b.c(["8080", "3000", "9000"])), "upstream"))


@T
def envoy_access(b):
    pt = b.pt()
    path = b.alt(
        lambda: b.U("/v1/members/%s/eligibility?dos=%s" % (b.P("HEALTH_PLAN", pt.member, "url"), b.date(b.appt_date(), "iso", "url"))),
        lambda: b.U("/v1/telehealth/rooms/join?name=%s&dob=%s" % (
            b.P("NAME", fold(pt.given + " " + pt.surname).replace(" ", "%20"), "url"),
            b.P("DATE", fmt_date(pt.dob, "us").replace("/", "%2F"), "url"))),
        lambda: b.U("/v1/patients/%s/documents" % b.P("MRN", pt.mrn, "url")))
    d = OrderedDict([
        ("start_time", b.iso()), ("method", b.K(b.c(["GET", "POST"]), "method")), ("path", path),
        ("protocol", "HTTP/2"), ("response_code", int(b.K(b.c(["403", "404", "429", "503"]), "status"))),
        ("response_flags", b.K(b.c(["UF", "URX", "UH", "RL", "UC"]), "flag")),
        ("bytes_received", int(b.count(0, 3000))), ("duration", int(b.count(1, 30000))),
        ("x_forwarded_for", "%s, %s" % (b.pub_ip(), b.K(gen_infra_ip(b.r), "ip_infra"))),
        ("user_agent", b.c(UA)), ("request_id", b.uuid("request_id")),
        ("upstream_cluster", b.K("outbound|8080||%s.%s.svc.cluster.local" % (b.svc(), b.c(NAMESPACES)), "cluster"))])
    return J(d)


@T
def haproxy_log(b):
    pt = b.pt()
    path = b.alt(
        lambda: b.U("/fax/inbound?from=%s&to=%s" % (b.P("FAX", "%2B" + fmt_phone(b.pt().phone, "e164")[1:], "url"), "%2B1800555" + "%04d" % b.ri(0, 9999))),
        lambda: b.U("/login?username=%s" % b.P("OTHER_ID", pt.user, "url")),
        lambda: b.U("/reset?email=%s" % b.P("EMAIL", pt.email.replace("@", "%40"), "url")))
    return ("%s %s[%d]: %s:%d [%s] fe_https~ be_%s/%s %d/%d/%d/%d/%d %s %s - - ---- %d/%d/%d/%d/0 0/0 \"%s %s HTTP/1.1\"") % (
        b.K(b.now.strftime("%b %d %H:%M:%S").replace(" 0", "  "), "timestamp"), b.K("lb-%02d" % b.ri(1, 6), "host"),
        b.ri(1000, 40000), b.pub_ip(), b.ri(1024, 65535),
        b.K(b.now.strftime("%d/%b/%Y:%H:%M:%S.") + "%03d" % b.ms, "timestamp"),
        b.c(["portal", "api", "fax"]), b.K("srv%d" % b.ri(1, 8), "server"), b.ri(0, 5), b.ri(0, 5), b.ri(0, 50), b.ri(1, 900), b.ri(1, 900),
        b.K(b.c(["200", "401", "403", "429", "503"]), "status"), b.count(10000, 90000), b.ri(1, 900), b.ri(1, 900), b.ri(1, 90), b.ri(0, 5),
        b.K(b.c(["GET", "POST"]), "method"), path)


@T
def alb_access(b):
    pt = b.pt()
    host = b.c(["portal.stillwaterbh.com", "api.clearpath-therapy.com", "app.lumenpsych.net"])
    path = b.alt(
        lambda: b.U("https://%s:443/api/statements/download?acct=%s&dob=%s" % (host, b.P("ACCOUNT", pt.acct, "url"), b.dob(pt, "iso", "url"))),
        lambda: b.U("https://%s:443/api/rx/refill?rx=%s" % (host, b.P("OTHER_ID", gen_rx(b.r).replace("#", "%23"), "url"))),
        lambda: b.U("https://%s:443/api/patients/%s/coverage/%s" % (host, b.P("MRN", pt.mrn, "url"), b.P("HEALTH_PLAN", pt.member, "url"))))
    return ('h2 %s app/%s/%s %s:%d %s:%d 0.001 %s 0.000 %s %s %d %d "%s %s HTTP/2.0" "%s" %s TLSv1.3 '
            'arn:aws:elasticloadbalancing:us-east-1:%s:targetgroup/%s/%s "Root=1-%s-%s" "%s" "-" 0 %s "forward" "-" "-" "%s:%d" "%s" "-" "-"') % (
        b.K(b.now.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % b.ri(0, 999999), "timestamp"),
        b.K("prod-portal-alb", "lb"), b.hexid(16, kind="lb_id"), b.pub_ip(), b.ri(1024, 65535),
        b.K(gen_infra_ip(b.r), "ip_infra"), 443, b.K("%d.%03d" % (b.ri(0, 9), b.ri(0, 999)), "duration"),
        b.K(b.c(["200", "403", "404", "500", "502"]), "status"), b.c(["200", "403", "404", "500", "-"]),
        b.c([b.ri(100, 999), b.ri(10000, 30000)]), b.ri(100, 90000), b.K(b.c(["GET", "POST"]), "method"), path, b.c(UA),
        b.K("ECDHE-RSA-AES128-GCM-SHA256", "cipher"), b.K(rdig(b.r, 12), "aws_account"),
        b.K("portal-tg", "target_group"), b.hexid(16, kind="tg_id"), b.hexid(8, kind="trace_id"), b.hexid(24, kind="trace_id"),
        host, b.iso(ms=False), b.K(gen_infra_ip(b.r), "ip_infra"), 8080, b.c(["200", "403", "404", "500"]))


@T
def cloudflare_waf(b):
    pt = b.pt()
    uri = b.alt(
        lambda: b.U("/api/v1/intake?first=%s&last=%s&ssn=%s" % (
            b.P("NAME", fold(pt.given).replace(" ", "+"), "url"), b.P("NAME", fold(pt.surname).replace(" ", "+"), "url"),
            b.P("SSN", pt.ssn.replace(" ", ""), "url"))),
        lambda: b.U("/api/v1/insurance/verify?member=%s&group=%s" % (b.P("HEALTH_PLAN", pt.member, "url"), b.P("HEALTH_PLAN", pt.group, "url"))))
    d = OrderedDict([("action", b.K(b.c(["block", "managed_challenge", "log"]), "action")),
                     ("clientIP", b.pub_ip()), ("clientCountryName", b.c(["US", "CA", "MX", "BR"])),
                     ("clientRequestHTTPHost", b.K("portal.%s.example" % b.c(TENANTS), "host")),
                     ("clientRequestPath", uri),
                     ("ruleId", b.hexid(32, kind="rule_id")), ("source", "firewallManaged"),
                     ("description", b.K(b.c(["SQLi - Body", "Sensitive data in query string", "Anomaly score threshold"]), "rule")),
                     ("rayName", b.hexid(16, kind="request_id")), ("datetime", b.iso(ms=False))])
    return J(d)



# ======================================================================================
# Templates: messaging webhooks
# ======================================================================================

def _enc(s):
    """application/x-www-form-urlencoded for ASCII text (labels are taken on the encoded form)."""
    out = []
    for ch in s:
        if ch.isalnum() or ch in "-_.*":
            out.append(ch)
        elif ch == " ":
            out.append("+")
        else:
            out.append("".join("%%%02X" % x for x in ch.encode("utf-8")))
    return "".join(out)


@T
def twilio_status_callback(b):
    pt = b.pt()
    to = b.P("PHONE", "%2B1" + "".join(pt.phone), "url")
    st = b.K(b.c(["undelivered", "failed"]), "status")
    code = b.K(b.c(["30003", "30004", "30005", "30006", "30007", "30008"]), "error_code")
    sid = b.hexid(32, "SM", "message_sid")
    body = ("SmsSid=%s&SmsStatus=%s&MessageStatus=%s&To=%s&MessagingServiceSid=%s&MessageSid=%s"
            "&AccountSid=%s&From=%s&ApiVersion=%s&ErrorCode=%s") % (
        sid, st, st, to, b.hexid(32, "MG", "service_sid"), sid, b.hexid(32, "AC", "account_sid"),
        b.K(str(b.ri(20000, 99999)), "short_code"), b.K("2010-04-01", "version"), code)
    note = b.alt(lambda: "reminder for %s %s" % (b.name(pt, "firsti"), b.date(b.appt_date(), b.c(["md", "mon3_d", "iso"]))),
                 lambda: "patient_id=%s" % b.K(str(b.ri(1000, 999999)), "db_id"),
                 lambda: "recipient %s flagged as landline" % b.phone(pt, "dash"))
    return "%s [%s] POST %s -> 204 (%s)\n%s" % (b.logts(), b.svc(), b.K("/webhooks/twilio/status", "path"), note, body)


@T
def twilio_inbound_sms(b):
    pt = b.pt()
    frm = b.P("PHONE", "%2B1" + "".join(pt.phone), "url")
    appt = b.appt_date()
    words = b.alt(
        lambda: b.encjoin(["Hi this is ", ("NAME", pt.lower()), " dob ", ("DATE", fmt_date(pt.dob, "us_2y")),
                           " need to reschedule my %s appt" % b.c(["thurs", "monday", "friday", "next"])]),
        lambda: "STOP",
        lambda: b.encjoin(["cant make it ", ("DATE", fmt_date(appt, "md")), ", my new number is ",
                           ("PHONE", fmt_phone(pt.phone2, "dash")), " - ", ("NAME", pt.given)]),
        lambda: b.encjoin(["Soy ", ("NAME", fold(pt.full())), ", mi cita es el ",
                           ("DATE", "%d de %s" % (appt.day, MESES[appt.month - 1])), ", puedo cambiarla?"]))
    body = ("ToCountry=US&ToState=%s&SmsMessageSid=%s&NumMedia=0&FromZip=%s&SmsStatus=received&FromCity=%s"
            "&Body=%s&FromCountry=US&To=%s&NumSegments=1&MessageSid=%s&From=%s&ApiVersion=%s") % (
        pt.state, b.hexid(32, "SM", "message_sid"), b.P("ZIP", pt.zip, "url"),
        b.P("CITY", _enc(fold(pt.city)).upper(), "url"), words, b.K(str(b.ri(20000, 99999)), "short_code"),
        b.hexid(32, "SM", "message_sid"), frm, b.K("2010-04-01", "version"))
    return "%s %s inbound SMS not matched to a thread; raw payload:\n%s" % (b.iso(), b.svc(), body)


@T
def twilio_debugger(b):
    pt = b.pt()
    code = b.K(b.c(["11200", "13227", "21211", "21614", "32009"]), "error_code")
    more = OrderedDict()
    more["To"] = b.phone(pt, "e164")
    if b.p(0.6):
        more["CallerName"] = b.name(pt, b.c(["LF", "FULLU"]))
    more["Msg"] = b.alt(lambda: "HTTP retrieval failure", lambda: "Invalid 'To' Phone Number",
                        lambda: "Dial: Invalid phone number format")
    more["sourceComponent"] = b.K(str(b.ri(10000, 14999)), "component")
    more["url"] = b.U("https://hooks.internal/voice/ivr?patient=%s" % b.P("MRN", pt.mrn, "url"))
    d = OrderedDict([("account_sid", b.hexid(32, "AC", "account_sid")), ("level", "ERROR"),
                     ("payload", J(OrderedDict([("resource_sid", b.hexid(32, "CA", "call_sid")),
                                                ("service_sid", None), ("error_code", code),
                                                ("more_info", more)]))),
                     ("date_created", b.iso(ms=False)), ("sid", b.hexid(32, "NO", "alert_sid"))])
    return J(d, indent=2)


@T
def sendgrid_event(b):
    evs = []
    for _ in range(b.ri(1, 3)):
        pt = b.pt()
        ev = OrderedDict([("email", b.email(pt)), ("timestamp", int(b.K(str(int(b.now.timestamp()) + b.ri(0, 500)), "timestamp"))),
                          ("event", b.K(b.c(["bounce", "dropped", "deferred", "spamreport"]), "event")),
                          ("category", [b.K(b.c(["appt-reminder", "statement", "intake-link", "superbill"]), "category")]),
                          ("sg_event_id", b.b62(22, kind="event_id")), ("sg_message_id", b.b62(22, kind="message_id") + ".filter0001")])
        if b.p(0.6):
            ev["reason"] = b.alt(lambda: "550 5.1.1 The email account that you tried to reach does not exist",
                                 lambda: "Bounced Address", lambda: "421 4.7.0 Try again later")
        if b.p(0.5):
            ev["patient_name"] = b.name(pt)
        if b.p(0.4):
            ev["appt_date"] = b.date(b.appt_date(), "iso")
        evs.append(ev)
    return "POST %s 400 schema error: unexpected field\n" % b.K("/webhooks/sendgrid", "path") + J(evs)


@T
def mailgun_event(b):
    pt, cl = b.pt(), b.clin()
    ad = b.appt_date()
    subj = b.alt(lambda: "Your appointment on %s with Dr. %s" % (b.date(ad, b.c(["mon_d", "wd_mon_d", "us"])), b.P("NAME", cl.surname)),
                 lambda: "Statement for %s - balance due" % b.name(pt),
                 lambda: "Intake forms for %s" % b.name(pt, "firsti"))
    d = OrderedDict([("event-data", OrderedDict([
        ("event", "failed"), ("severity", b.K(b.c(["permanent", "temporary"]), "severity")),
        ("recipient", b.email(pt)), ("id", b.b62(22, kind="event_id")), ("timestamp", float(b.K(repr(int(b.now.timestamp()) + b.ri(1, 999999) / 1e6), "timestamp"))),
        ("delivery-status", OrderedDict([("code", int(b.K(b.c(["550", "552", "554"]), "status"))),
                                         ("message", b.c(["5.1.1 user unknown", "mailbox full", "message rejected as spam"]))])),
        ("message", {"headers": OrderedDict([("to", "%s <%s>" % (b.name(pt, "full"), b.email(pt))),
                                             ("message-id", b.K("%s@mg.%s.example" % (b.hexs(20), b.c(TENANTS)), "message_id")),
                                             ("from", "reminders@mg.practice.example"), ("subject", subj)])})]))])
    return J(d)


@T
def postmark_bounce(b):
    pt = b.pt()
    d = OrderedDict([("RecordType", "Bounce"), ("ID", int(b.count(100000000, 999999999))),
                     ("Type", b.K(b.c(["HardBounce", "SoftBounce", "SpamComplaint"]), "event")),
                     ("TypeCode", int(b.K(b.c(["1", "4096", "512"]), "code"))),
                     ("Name", "Hard bounce"), ("Tag", b.K(b.c(["appt-reminder", "portal-invite", "statement"]), "tag")),
                     ("MessageID", b.uuid("message_id")),
                     ("Description", "The server was unable to deliver your message (ex: unknown user, mailbox not found)."),
                     ("Details", b.alt(lambda: "smtp;550 5.1.1 <%s>: Recipient address rejected" % b.email(pt),
                                       lambda: "Mailbox full")),
                     ("Email", b.email(pt)), ("From", "noreply@notify.practice.example"),
                     ("BouncedAt", b.iso(z="-05:00", ms=False)),
                     ("Subject", b.alt(lambda: "Portal invitation for %s" % b.name(pt),
                                       lambda: "Reminder: session %s at %s" % (b.date(b.appt_date(), b.c(["mon3_d", "md", "wd_mon_d"])), fmt_time(b.r, b.ri(8, 19), b.c([0, 30])))))])
    return J(d, indent=2)


# ======================================================================================
# Templates: payments
# ======================================================================================

@T
def stripe_charge_failed(b):
    pt = b.pt()
    md = OrderedDict([("tenant", b.tenant()), ("invoice_id", b.K(str(b.ri(10000, 999999)), "db_id"))])
    if b.p(0.6):
        md["patient_mrn"] = b.P("MRN", pt.mrn)
    if b.p(0.5):
        md["session_date"] = b.date(b.appt_date(), "iso")
    if b.p(0.3):
        md["cpt"] = b.cpt()
    if b.p(0.35):
        md["card_number_entered"] = b.P("ACCOUNT", gen_card(b.r))
    bd = OrderedDict([("address", OrderedDict([("city", b.P("CITY", pt.city)), ("country", "US"),
                                               ("line1", b.P("ADDRESS", pt.street)), ("line2", None),
                                               ("postal_code", b.zip(pt)), ("state", pt.state)])),
                      ("email", b.email(pt)), ("name", b.name(pt, b.c(["full", "FULLU"]))),
                      ("phone", b.phone(pt) if b.p(0.5) else None)])
    obj = OrderedDict([("id", b.b62(24, "ch_", "charge_id")), ("object", "charge"),
                       ("amount", int(b.K(str(b.ri(2000, 40000)), "amount"))), ("currency", "usd"),
                       ("billing_details", bd),
                       ("failure_code", b.K(b.c(["card_declined", "expired_card", "incorrect_cvc", "processing_error"]), "error_code")),
                       ("failure_message", b.c(["Your card was declined.", "Your card has expired."])),
                       ("metadata", md), ("payment_method", b.b62(24, "pm_", "payment_method_id"))])
    return J(OrderedDict([("id", b.b62(24, "evt_", "event_id")), ("type", "charge.failed"),
                          ("api_version", b.K("2023-10-16", "version")), ("data", {"object": obj})]), indent=b.c([None, 2]))


@T
def stripe_dispute(b):
    pt = b.pt()
    ev = OrderedDict([("customer_name", b.name(pt)), ("customer_email_address", b.email(pt)),
                      ("customer_purchase_ip", b.pub_ip()),
                      ("billing_address", b.addr_block(pt)),
                      ("service_date", b.date(b.appt_date(), b.c(["us", "iso", "mon3"]))),
                      ("product_description", "Psychotherapy %s min (CPT %s)" % (b.c(["53", "45", "60"]), b.cpt())),
                      ("uncategorized_text", b.alt(lambda: "Client attended; see note signed by %s" % b.name(b.clin(), "full"),
                                                   lambda: "Client attended telehealth session; platform join log attached"))])
    d = OrderedDict([("type", "charge.dispute.created"), ("id", b.b62(24, "evt_", "event_id")),
                     ("data", {"object": OrderedDict([("id", b.b62(24, "dp_", "dispute_id")), ("amount", int(b.K(str(b.ri(5000, 30000)), "amount"))),
                                                      ("reason", b.K(b.c(["fraudulent", "product_not_received", "duplicate"]), "reason")),
                                                      ("status", "needs_response"), ("evidence", ev)])})])
    return "billing-webhooks: dispute evidence draft failed validation (%s)\n%s" % (b.K("evidence.service_documentation missing", "error"), J(d))


@T
def square_payment(b):
    pt = b.pt()
    note = b.alt(lambda: "Copay - %s - %s %s" % (b.name(pt, "firsti"), b.date(b.appt_date(), "md"), b.cpt()),
                 lambda: "Balance payment acct %s" % b.P("ACCOUNT", pt.acct),
                 lambda: "Session copay, %s" % b.K(b.c(ICD10), "icd10"),
                 lambda: "pt read card # over phone: %s" % b.P("ACCOUNT", gen_card(b.r)))
    d = OrderedDict([("merchant_id", b.K("ML" + b.hexs(12).upper(), "merchant_id")), ("type", "payment.updated"),
                     ("event_id", b.uuid("event_id")), ("created_at", b.iso()),
                     ("data", {"object": {"payment": OrderedDict([
                         ("id", b.b62(29, kind="payment_id")), ("status", b.K(b.c(["FAILED", "CANCELED"]), "status")),
                         ("amount_money", {"amount": int(b.K(str(b.ri(1500, 20000)), "amount")), "currency": "USD"}),
                         ("buyer_email_address", b.email(pt)),
                         ("billing_address", OrderedDict([("address_line_1", b.P("ADDRESS", pt.street)), ("locality", b.P("CITY", pt.city)),
                                                          ("administrative_district_level_1", pt.state), ("postal_code", b.zip(pt))])),
                         ("note", note),
                         ("card_details", {"status": "FAILED", "errors": [{"code": b.K(b.c(["GENERIC_DECLINE", "CVV_FAILURE", "INSUFFICIENT_FUNDS"]), "error_code")}]})])}})])
    return J(d)


@T
def authnet_request(b):
    pt = b.pt()
    card = lambda: "<creditCard><cardNumber>%s</cardNumber><expirationDate>%d-%02d</expirationDate></creditCard>" % (
        b.P("ACCOUNT", gen_card(b.r)), b.ri(2026, 2031), b.ri(1, 12))
    pay = b.alt(
        card, card,
        lambda: ("<bankAccount><accountType>checking</accountType><routingNumber>%09d</routingNumber>"
                 "<accountNumber>%s</accountNumber><nameOnAccount>%s</nameOnAccount></bankAccount>") % (
            b.ri(11000000, 129999999), b.P("ACCOUNT", gen_bank(b.r)), b.name(pt, b.c(["full", "FULLU"]))))
    xml = ("<createTransactionRequest><merchantAuthentication><name>%s</name></merchantAuthentication>"
           "<transactionRequest><transactionType>authCaptureTransaction</transactionType><amount>%s</amount>"
           "<payment>%s</payment>"
           "<order><invoiceNumber>%s</invoiceNumber><description>%s</description></order>"
           "<billTo><firstName>%s</firstName><lastName>%s</lastName><address>%s</address><city>%s</city>"
           "<state>%s</state><zip>%s</zip><country>US</country></billTo><customerIP>%s</customerIP>"
           "</transactionRequest></createTransactionRequest>") % (
        b.K("sbh" + b.hexs(6), "merchant_login"), b.amount(), pay,
        b.K("INV-%06d" % b.ri(1, 999999), "invoice"), b.c(["Therapy copay", "Psych eval deposit", "Group session"]),
        b.P("NAME", pt.given), b.P("NAME", pt.surname), b.P("ADDRESS", pt.street), b.P("CITY", pt.city),
        pt.state, b.zip(pt), b.pub_ip())
    return ("%s WARN %s payment gateway debug logging left on in prod (request body below); response resultCode=Error code=%s \"%s\"\n%s") % (
        b.logts(), b.svc(), b.K(b.c(["E00027", "E00007", "E00003"]), "error_code"),
        b.c(["The transaction was unsuccessful.", "User authentication failed due to invalid authentication values."]), xml)


# ======================================================================================
# Templates: telehealth
# ======================================================================================

@T
def zoom_participant(b):
    pt, cl = b.pt(), b.clin()
    ad = b.appt_date()
    topic = b.alt(lambda: "Therapy - %s - %s" % (b.name(pt, b.c(["ilast", "full", "firsti"])), b.date(ad, b.c(["md", "md0", "mon3_d"]))),
                  lambda: "%s / %s intake" % (b.P("NAME", cl.surname), b.name(pt, "full")),
                  lambda: "Session %s" % b.K(str(b.ri(100000, 999999)), "db_id"))
    d = OrderedDict([("event", "meeting.participant_joined"), ("event_ts", int(b.K(str(int(b.now.timestamp() * 1000)), "timestamp"))),
                     ("payload", OrderedDict([("account_id", b.b62(22, kind="account_key")), ("object", OrderedDict([
                         ("id", b.K(str(b.ri(80000000000, 99999999999)), "meeting_id")), ("uuid", b.b62(22, kind="uuid") + "=="),
                         ("host_id", b.b62(22, kind="host_key")), ("topic", topic), ("type", 2),
                         ("participant", OrderedDict([("user_id", b.K(str(b.ri(16000000, 16999999)), "db_id")),
                                                      ("user_name", b.name(pt, b.c(["full", "lower", "firsti"]))),
                                                      ("email", b.email(pt) if b.p(0.6) else ""),
                                                      ("join_time", b.iso(ms=False)),
                                                      ("public_ip", b.pub_ip()),
                                                      ("participant_uuid", b.uuid())]))]))]))])
    return "telehealth-bridge: webhook signature ok, handler raised on participant mapping\n" + J(d)


@T
def zoom_recording(b):
    pt = b.pt()
    d = OrderedDict([("event", "recording.completed"), ("payload", {"object": OrderedDict([
        ("topic", b.alt(lambda: "Session w/ %s %s" % (b.name(pt), b.date(b.appt_date(), b.c(["md0", "us", "mon_d"]))),
                        lambda: "Family session - %s household" % b.P("NAME", pt.surname))),
        ("start_time", b.iso(ms=False)), ("duration", int(b.count(20, 90))),
        ("total_size", int(b.count(1000000, 900000000))),
        ("recording_files", [OrderedDict([("id", b.uuid()), ("file_type", "MP4"),
                                          ("recording_type", "shared_screen_with_speaker_view"),
                                          ("status", "completed")])])])})])
    return ("%s telehealth-bridge ERROR recordings are disabled for clinical tenants but one arrived (policy %s)\n%s") % (
        b.iso(), b.K("REC-OFF-CLINICAL", "policy"), J(d))


@T
def doxy_event(b):
    pt, cl = b.pt(), b.clin()
    room_name = re.sub(r"[^a-z]", "", fold(cl.surname).lower())
    room = b.P("NAME", room_name, "url") if len(room_name) >= 3 and S.name_parts(room_name) else b.K("clinic%d" % b.ri(1, 40), "room")
    url = b.U("https://%s.doxy.me/%s" % (b.c(TENANTS), room))
    ln = b.alt(lambda: "patient_checked_in room=%s patient_name=\"%s\" wait_seconds=%s" % (url, b.name(pt, b.c(["full", "lower", "firsti"])), b.count(5, 900)),
               lambda: "patient_checked_in room=%s patient_phone=%s wait_seconds=%s" % (url, b.phone(pt, ctx="kv"), b.count(5, 900)),
               lambda: "call_ended room=%s patient=\"%s\" duration_s=%s reason=%s" % (url, b.name(pt), b.count(60, 4000), b.K("network_lost", "reason")))
    return "%s doxy-webhook %s %s" % (b.iso(), b.K(b.c(["WARN", "ERROR"]), "level"), ln)


# ======================================================================================
# Templates: e-signature
# ======================================================================================

@T
def docusign_connect(b):
    pt = b.pt()
    subj = b.alt(lambda: "Please sign: Intake packet - %s (DOB %s)" % (b.name(pt), b.dob(pt, b.c(["us", "iso", "mon3"]))),
                 lambda: "Release of information - %s" % b.name(pt, "LF"),
                 lambda: "Treatment consent for minor %s" % b.name(pt, "full"))
    signers = [OrderedDict([("name", b.name(pt, "full")), ("email", b.email(pt)), ("status", b.K(b.c(["declined", "autoresponded", "sent"]), "status")),
                            ("recipientId", "1"), ("recipientIdGuid", b.uuid())])]
    if b.p(0.5):
        g = b.pt()
        signers.append(OrderedDict([("name", b.name(g, "full")), ("email", b.email(g)), ("status", "created"),
                                    ("roleName", "Guardian"), ("recipientId", "2")]))
    d = OrderedDict([("event", "envelope-" + b.c(["declined", "voided", "delivered"])), ("apiVersion", "v2.1"),
                     ("uri", b.K("/restapi/v2.1/accounts/%s/envelopes/%s" % (b.uuid("account_id"), b.uuid("envelope_id")), "path")),
                     ("retryCount", int(b.count(0, 5))), ("generatedDateTime", b.iso()),
                     ("data", OrderedDict([("envelopeSummary", OrderedDict([("emailSubject", subj), ("recipients", {"signers": signers})]))]))])
    return "esign-callback: unable to map envelope to chart\n" + J(d)


@T
def adobe_sign_event(b):
    pt, cl = b.pt(), b.clin()
    d = OrderedDict([("webhookId", b.uuid()), ("event", b.K(b.c(["AGREEMENT_ACTION_COMPLETED", "AGREEMENT_EMAIL_BOUNCED", "AGREEMENT_REJECTED"]), "event")),
                     ("eventDate", b.iso(z="+0000", ms=False)), ("participantUserEmail", b.email(pt)),
                     ("agreement", OrderedDict([("id", b.b62(44, kind="agreement_id")),
                                                ("name", b.alt(lambda: "ROI - %s to Dr. %s" % (b.name(pt, "full"), b.P("NAME", cl.surname)),
                                                               lambda: "Financial policy - acct %s" % b.P("ACCOUNT", pt.acct),
                                                               lambda: "Telehealth consent %s" % b.K(b.c(["v3", "2025-01", "rev B"]), "version"))),
                                                ("status", "OUT_FOR_SIGNATURE"),
                                                ("participantSetsInfo", [{"memberInfos": [{"email": b.email(pt), "name": b.name(pt, "full")}]}])]))])
    return J(d, indent=2)



# ======================================================================================
# Templates: EHR vendor API errors
# ======================================================================================

@T
def epic_fhir_error(b):
    pt = b.pt()
    q = b.alt(lambda: b.U("/api/FHIR/R4/Patient?family=%s&given=%s&birthdate=%s" % (
                  b.P("NAME", _enc(fold(pt.surname)), "url"), b.P("NAME", _enc(fold(pt.given)), "url"), b.dob(pt, "iso", "url"))),
              lambda: b.U("/api/FHIR/R4/Patient?identifier=urn:oid:1.2.840.114350.1.13.%d.2.7.5.737384.14|%s" % (
                  b.ri(100, 999), b.P("MRN", pt.mrn, "url"))),
              lambda: b.U("/api/FHIR/R4/Patient?telecom=%s&birthdate=%s" % (b.phone(pt, "plain", "url"), b.dob(pt, "iso", "url"))))
    code = b.K(b.c(["4101", "4100", "59008", "4118"]), "error_code")
    oo = OrderedDict([("resourceType", "OperationOutcome"), ("issue", [OrderedDict([
        ("severity", "error"), ("code", b.c(["processing", "not-found", "multiple-matches"])),
        ("details", OrderedDict([("coding", [{"system": "urn:oid:1.2.840.114350.1.13.0.1.7.2.657369", "code": code}]),
                                 ("text", b.c(["Resource request returns no results.", "More than one patient matched the request."]))])),
        ("diagnostics", b.alt(lambda: "Search criteria: %s" % b.name(pt, "LF"),
                              lambda: "Patient match score below threshold"))])])])
    return "%s %s ehr-sync GET %s -> %s (%s ms)\n%s" % (
        b.logts(), b.K(b.c(["WARN", "ERROR"]), "level"), q, b.K(b.c(["400", "404", "409"]), "status"), b.count(80, 4000), J(oo))


@T
def cerner_error(b):
    pt = b.pt()
    d = OrderedDict([("resourceType", "OperationOutcome"), ("id", b.uuid()), ("issue", [OrderedDict([
        ("severity", "error"), ("code", "business-rule"),
        ("diagnostics", b.alt(
            lambda: "Person %s with MRN %s is inactive; combine pending with %s" % (
                b.name(pt, "LF"), b.P("MRN", pt.mrn), b.P("MRN", gen_mrn(b.r))),
            lambda: "Encounter for %s on %s already exists (FIN %s)" % (
                b.name(pt), b.date(b.appt_date(), b.c(["iso", "us"])), b.P("ACCOUNT", "%d" % b.ri(10000000, 99999999))),
            lambda: "Address validation failed: %s" % b.addr_block(pt)))])])])
    return ("POST %s 422 Unprocessable Entity\nX-Request-Id: %s\nopc-request-id: %s\n%s") % (
        b.K("https://fhir-ehr.cerner.com/r4/%s/Encounter" % gen_uuid(b.r), "path"), b.uuid("request_id"), b.hexid(32, kind="request_id"), J(d))


@T
def athena_error(b):
    pt = b.pt()
    pid = b.P("MRN", str(b.ri(1000, 999999)))
    err = b.alt(lambda: {"error": "A patient with this name and DOB already exists.",
                         "detailedmessage": "firstname=%s lastname=%s dob=%s existing patientid=%s" % (
                             b.P("NAME", pt.given, "kv"), b.P("NAME", pt.surname.replace(" ", ""), "kv"), b.dob(pt, "us", "kv"), pid)},
                lambda: {"error": "Invalid field: mobilephone", "detailedmessage": "mobilephone %s is not a valid US number for patientid %s" % (
                    b.P("PHONE", fmt_phone(pt.phone, "dash")[:-1]), pid)},
                lambda: {"error": "Insurance policy id invalid", "detailedmessage": "insurancepolicyholder %s, insuranceidnumber %s, patientid %s" % (
                    b.name(pt, "FULLU"), b.P("HEALTH_PLAN", pt.member), pid)})
    practice = b.K(str(b.ri(1000, 199999)), "practice_id")
    return "%s athena-client %s POST %s -> %s\n%s" % (
        b.iso(), b.K("ERROR", "level"), b.K("/v1/%s/patients" % practice, "path"), b.K("400", "status"), J(err))


@T
def drchrono_error(b):
    pt = b.pt()
    init = (re.sub(r"[^A-Z]", "", fold(pt.surname).upper())[:2] + re.sub(r"[^A-Z]", "", fold(pt.given).upper())[:2])
    chart = b.P("MRN", "%s%06d" % (init, b.ri(1, 9999)))
    d = OrderedDict([("detail", b.c(["Duplicate chart_id", "Patient with this chart id already exists"])),
                     ("chart_id", chart), ("doctor", int(b.K(str(b.ri(100000, 399999)), "db_id"))),
                     ("request", OrderedDict([("first_name", b.P("NAME", pt.given)), ("last_name", b.P("NAME", pt.surname)),
                                              ("date_of_birth", b.dob(pt, "iso")), ("social_security_number", b.P("SSN", pt.ssn) if b.p(0.5) else ""),
                                              ("cell_phone", b.phone(pt, b.c(["paren", "dash"]))), ("email", b.email(pt)),
                                              ("zip_code", b.P("ZIP", pt.zip))]))])
    return "drchrono sync job %s failed: 409 CONFLICT %s\n%s" % (b.K("sync-%s" % b.hexs(8), "job"), b.K("https://app.drchrono.com/api/patients", "path"), J(d, indent=2))


# ======================================================================================
# Templates: clearinghouse EDI
# ======================================================================================

def _isa(b, sender, recv, ctl):
    d = b.now
    return ("ISA*00*          *00*          *ZZ*%-15s*ZZ*%-15s*%s*%s*^*00501*%s*0*P*:~\n"
            "GS*HN*%s*%s*%s*%s*%d*X*005010X214~") % (sender, recv, d.strftime("%y%m%d"), d.strftime("%H%M"), ctl,
                                                       sender, recv, d.strftime("%Y%m%d"), d.strftime("%H%M"), int(ctl))


def _x12name(b, p, part):
    v = fold(p.surname if part == "last" else p.given).upper()
    return b.P("NAME", v, "x12")


@T
def x12_277ca(b):
    pt, cl = b.pt(), b.clin()
    ctl = b.K("%09d" % b.ri(1, 99999), "x12_control")
    stc = b.K(b.c(["A7:562:85", "A3:21:IL", "A7:164:IL", "A6:153:QC", "A8:562:85", "A7:33:QC"]), "x12")
    sd = b.appt_date() - timedelta(days=b.ri(3, 20))
    segs = [_isa(b, "AVAILITY", "SBH00" + str(b.ri(100, 999)), ctl),
            "ST*277*0001*005010X214~", "BHT*0085*08*%s*%s*%s*TH~" % (b.K(str(b.ri(10000000, 99999999)), "x12_control"), b.now.strftime("%Y%m%d"), b.now.strftime("%H%M")),
            "HL*1**20*1~", "NM1*PR*2*%s*****PI*%s~" % (b.payer_up(), b.K(str(b.ri(10000, 99999)), "payer_id")),
            "HL*3*2*19*1~", "NM1*1P*1*%s*%s****XX*%s~" % (_x12name(b, cl, "last"), _x12name(b, cl, "first"), b.P("LICENSE", cl.npi, "x12")),
            "HL*4*3*PT~", "NM1*QC*1*%s*%s****MI*%s~" % (_x12name(b, pt, "last"), _x12name(b, pt, "first"), b.P("HEALTH_PLAN", pt.member, "x12")),
            "TRN*2*%s~" % b.P("ACCOUNT", pt.acct, "x12"),
            "STC*%s*%s*WQ*%s~" % (stc, b.date(b.now.date() - timedelta(days=b.ri(1, 3)), "hl7", "x12"), b.amount(80, 400)),
            "REF*1K*%s~" % b.P("OTHER_ID", "%d%09d" % (b.ri(2024, 2025), b.ri(1, 999999999)), "x12"),
            "DTP*472*D8*%s~" % b.date(sd, "hl7", "x12"), "SE*14*0001~"]
    return "era-ingest: 277CA rejection for batch %s (%s)\n%s" % (b.K("B%06d" % b.ri(1, 999999), "batch"), b.K(stc.split(":")[0] + ":" + stc.split(":")[1], "x12"), "\n".join(segs))


@T
def x12_835(b):
    pt, cl = b.pt(), b.clin()
    sd = b.appt_date() - timedelta(days=b.ri(10, 40))
    cpt = b.cpt()
    chg = b.ri(120, 260)
    paid = chg - b.ri(20, 110)
    segs = ["ST*835*%s~" % b.K("%04d" % b.ri(1, 9999), "x12_control"),
            "BPR*I*%s*C*ACH*CCP*01*%d*DA*%d*1%d~" % (b.amount(500, 9000), b.ri(100000000, 199999999),
                                                     b.ri(10000, 99999999), b.ri(100000000, 999999999)),
            "CLP*%s*1*%d*%d*%d*12*%s*11*1~" % (b.P("ACCOUNT", pt.acct, "x12"), chg, paid, chg - paid if b.p(0.5) else 0,
                                               b.P("OTHER_ID", "%d%09d" % (b.ri(2024, 2025), b.ri(1, 999999999)), "x12")),
            "NM1*QC*1*%s*%s****MI*%s~" % (_x12name(b, pt, "last"), _x12name(b, pt, "first"), b.P("HEALTH_PLAN", pt.member, "x12")),
            "NM1*82*1*%s*%s****XX*%s~" % (_x12name(b, cl, "last"), _x12name(b, cl, "first"), b.P("LICENSE", cl.npi, "x12")),
            "DTM*232*%s~" % b.date(sd, "hl7", "x12"),
            "SVC*HC:%s*%d*%d**1~" % (cpt, chg, paid), "DTM*472*%s~" % b.date(sd, "hl7", "x12"),
            "CAS*%s*%s*%d~" % (b.c(["PR", "CO"]), b.K(b.c(["1", "2", "3", "45", "96", "197"]), "carc"), chg - paid),
            "AMT*B6*%d~" % paid]
    return "%s era-ingest WARN unmatched claim payment, auto-post skipped (%s)\n%s" % (
        b.logts(), b.K(b.c(["no matching charge", "patient not found", "amount mismatch"]), "reason"), "\n".join(segs))


@T
def x12_999(b):
    pt = b.pt()
    acct = b.P("ACCOUNT", pt.acct, "x12")
    bad = b.alt(lambda: b.P("HEALTH_PLAN", pt.member[:-1], "x12"), lambda: b.dob(pt, "hl7", "x12"),
                lambda: b.P("ZIP", pt.zip, "x12"))
    segs = ["ST*999*0001*005010X231A1~", "AK1*HC*%s*005010X222A1~" % b.K(str(b.ri(1000, 99999)), "x12_control"),
            "AK2*837*%s*005010X222A1~" % b.K("%04d" % b.ri(1, 9999), "x12_control"),
            "IK3*%s*%s*%s*8~" % (b.c(["NM1", "DMG", "N4"]), b.count(10, 60), b.K(b.c(["2010BA", "2010CA", "2300"]), "loop")),
            "CTX*CLM01:%s~" % acct, "IK4*%s*%s*7*%s~" % (b.c(["9", "2", "3"]), b.K(b.c(["67", "1251", "116"]), "x12_element"), bad),
            "IK5*R*5~", "AK9*R*1*1*0~", "SE*9*0001~"]
    return "claims-export-worker: 999 implementation acknowledgment REJECTED for file %s\n%s" % (
        b.K("837P_%s_%s.x12" % (b.c(TENANTS), b.hexs(8)), "file"), "\n".join(segs))


@T
def availity_rejection(b):
    pt, cl = b.pt(), b.clin()
    reason = b.alt(lambda: "%s Entity's National Provider Identifier (NPI)" % b.K("A7:562", "x12"),
                   lambda: "%s Subscriber and subscriber id not found" % b.K("A3:21", "x12"),
                   lambda: "%s Patient birth date does not match that for the patient on the database" % b.K("A7:158", "x12"))
    rows = [("Payer", b.payer()), ("Patient", b.name(pt, b.c(["LF", "lf"]))), ("DOB", b.dob(pt, b.c(["us", "us_short"]))),
            ("Subscriber ID", b.P("HEALTH_PLAN", pt.member)), ("DOS", b.date(b.appt_date() - timedelta(days=b.ri(5, 30)), "us")),
            ("Rendering NPI", b.P("LICENSE", cl.npi)), ("Patient Acct #", b.P("ACCOUNT", pt.acct)), ("Reason", reason),
            ("Batch", b.K("AVL%08d" % b.ri(1, 99999999), "batch"))]
    sep = b.c([" | ", "\n"])
    return "Availity claim status: REJECTED" + sep + sep.join("%s: %s" % kv for kv in rows)


@T
def waystar_report(b):
    hdr = "%-22s %-12s %-15s %-10s %-14s %-6s %s" % ("PATIENT NAME", "ACCT NO", "MEMBER ID", "DOS", "PAYER", "CODE", "MESSAGE")
    lines = ["WAYSTAR CLAIM REJECTION REPORT      RUN %s   CLIENT %s" % (b.K(b.now.strftime("%Y-%m-%d %H:%M:%S"), "timestamp"), b.K(str(b.ri(10000, 99999)), "client_id")), hdr]
    for _ in range(b.ri(2, 4)):
        pt = b.pt()
        msg = b.alt(lambda: "SUBSCRIBER DOB MISMATCH (SUBMITTED %s)" % b.dob(pt, "us"),
                    lambda: "RENDERING PROVIDER NOT ENROLLED",
                    lambda: "INVALID DIAGNOSIS %s FOR %s" % (b.K(b.c(ICD10).replace(".", ""), "icd10"), b.cpt()))
        lines.append("%-22s %-12s %-15s %-10s %-14s %-6s %s" % (
            b.name(pt, "LF"), b.P("ACCOUNT", pt.acct), b.P("HEALTH_PLAN", pt.member),
            b.date(b.appt_date() - timedelta(days=b.ri(5, 40)), "us"), b.payer_up(),
            b.K(b.c(["A3:21", "A7:158", "A6:249", "A8:254"]), "x12"), msg))
    lines.append("TOTAL REJECTED: %s" % b.K(str(len(lines) - 2), "count"))
    return "\n".join(lines)


@T
def x12_271_aaa(b):
    pt = b.pt()
    segs = ["ST*271*0001*005010X279A1~", "BHT*0022*11*%s*%s*%s~" % (b.K(b.hexs(10).upper(), "x12_control"), b.now.strftime("%Y%m%d"), b.now.strftime("%H%M")),
            "HL*1**20*1~", "NM1*PR*2*%s*****PI*%s~" % (b.payer_up(), b.K(str(b.ri(10000, 99999)), "payer_id")),
            "HL*3*2*22*0~", "TRN*2*%s*1%09d~" % (b.K("%d-%06d" % (b.ri(10000, 99999), b.ri(1, 999999)), "trace"), b.ri(1, 99999999)),
            "NM1*IL*1*%s*%s****MI*%s~" % (_x12name(b, pt, "last"), _x12name(b, pt, "first"), b.P("HEALTH_PLAN", pt.member, "x12")),
            "AAA*N**%s*C~" % b.K(b.c(["72", "73", "75", "76", "71"]), "x12_reject"),
            "DMG*D8*%s*%s~" % (b.dob(pt, "hl7", "x12"), b.c(["F", "M", "U"])), "SE*9*0001~"]
    return "eligibility-gateway: Change Healthcare 271 returned AAA rejection, retry suppressed\n" + "\n".join(segs)


# ======================================================================================
# Templates: NCPDP
# ======================================================================================

@T
def ncpdp_newrx(b):
    pt, cl = b.pt(), b.clin(prescriber=True)
    drug = b.drug()
    xml = ("<Message DatatypesVersion=\"2017071\" TransportVersion=\"2017071\"><Header><To Qualifier=\"P\">%s</To>"
           "<From Qualifier=\"C\">%s</From><MessageID>%s</MessageID><SentTime>%s</SentTime></Header><Body><NewRx>"
           "<Patient><HumanPatient><Name><LastName>%s</LastName><FirstName>%s</FirstName></Name><Gender>%s</Gender>"
           "<DateOfBirth><Date>%s</Date></DateOfBirth><Address><AddressLine1>%s</AddressLine1><City>%s</City>"
           "<StateProvince>%s</StateProvince><PostalCode>%s</PostalCode><CountryCode>US</CountryCode></Address>"
           "<CommunicationNumbers><PrimaryTelephone><Number>%s</Number></PrimaryTelephone></CommunicationNumbers>"
           "</HumanPatient></Patient><Prescriber><NonVeterinarian><Identification><NPI>%s</NPI><DEANumber>%s</DEANumber>"
           "</Identification><Name><LastName>%s</LastName><FirstName>%s</FirstName></Name></NonVeterinarian></Prescriber>"
           "<MedicationPrescribed><DrugDescription>%s %s tablet</DrugDescription><Quantity><Value>%s</Value></Quantity>"
           "<WrittenDate><Date>%s</Date></WrittenDate><Diagnosis><Primary><Code>%s</Code></Primary></Diagnosis>"
           "</MedicationPrescribed></NewRx></Body></Message>") % (
        b.K(str(b.ri(1000000, 9999999)), "ncpdp_id"), b.K("SSRX" + b.hexs(8).upper(), "ncpdp_id"), b.hexid(32, kind="message_id"), b.iso(),
        b.P("NAME", pt.surname), b.P("NAME", pt.given), b.c("FMU"), b.dob(pt, "iso"), b.P("ADDRESS", pt.street), b.P("CITY", pt.city),
        pt.state, b.P("ZIP", pt.zip), b.P("PHONE", "".join(pt.phone)), b.P("LICENSE", cl.npi), b.P("LICENSE", cl.dea),
        b.P("NAME", cl.surname), b.P("NAME", cl.given), drug, b.c(DRUG_STRENGTH), b.count(14, 90),
        b.date(b.now.date() - timedelta(days=b.ri(1, 6)), "iso"), b.K(b.c(ICD10).replace(".", ""), "icd10"))
    return "rx-router: Surescripts NewRx rejected (%s %s); outbound payload:\n%s" % (
        b.K(b.c(["900", "601", "602"]), "error_code"), b.c(["Transaction rejected", "Receiver unable to process"]), xml)


@T
def ncpdp_error(b):
    pt, cl = b.pt(), b.clin(prescriber=True)
    desc = b.alt(lambda: "Prescriber DEA %s not valid for schedule %s (%s) - patient %s DOB %s" % (
                     b.P("LICENSE", cl.dea), b.c(["II", "III", "IV"]), b.drug(), b.name(pt), b.dob(pt, b.c(["us", "iso"]))),
                 lambda: "Patient not found: %s, %s, zip %s" % (b.name(pt, "LF"), b.dob(pt, "hl7"), b.P("ZIP", pt.zip)),
                 lambda: "NPI %s not registered for this pharmacy relationship" % b.P("LICENSE", cl.npi))
    return ("<Message><Header><To Qualifier=\"C\">%s</To><From Qualifier=\"P\">%s</From><MessageID>%s</MessageID>"
            "<RelatesToMessageID>%s</RelatesToMessageID><SentTime>%s</SentTime></Header><Body><Error><Code>%s</Code>"
            "<DescriptionCode>%s</DescriptionCode><Description>%s</Description></Error></Body></Message>") % (
        b.K("SSRX" + b.hexs(8).upper(), "ncpdp_id"), b.K(str(b.ri(1000000, 9999999)), "ncpdp_id"), b.hexid(32, kind="message_id"),
        b.hexid(32, kind="message_id"), b.iso(), b.K(b.c(["900", "602"]), "error_code"), b.K(b.c(["210", "1000", "4000", "008"]), "code"), desc)


@T
def ncpdp_d0_claim(b):
    pt = b.pt()
    rx = b.P("OTHER_ID", "%07d" % b.ri(1000000, 9999999))
    f = ["AM04", "C2=" + b.P("HEALTH_PLAN", pt.member, "kv"), "C1=" + b.K("RX%04d" % b.ri(1, 9999), "rx_group"),
         "AM01", "C4=" + b.dob(pt, "hl7", "kv"), "C5=" + b.c("12"), "CA=" + b.P("NAME", fold(pt.given).upper().replace(" ", ""), "kv"),
         "CB=" + b.P("NAME", fold(pt.surname).upper().replace(" ", ""), "kv"), "CP=" + b.P("ZIP", pt.zip, "kv"),
         "AM07", "EM=1", "D2=" + rx, "E1=03", "D7=" + b.K("%05d-%04d-%02d" % (b.ri(0, 99999), b.ri(0, 9999), b.ri(0, 99)), "ndc"),
         "E7=" + b.K("%d000" % b.ri(14, 90), "quantity"), "D5=" + b.count(7, 90)]
    return ("%s rx-router WARN NCPDP D.0 B1 claim rejected by %s, BIN %s PCN %s, reject %s (%s)\n%s") % (
        b.logts(), b.payer(), b.K(str(b.ri(600000, 610999)), "rx_bin"), b.K(b.c(["ADV", "MEDDPRIME", "9999", "CN"]), "rx_pcn"),
        b.K(b.c(["70", "75", "76", "79", "88", "MR"]), "ncpdp_reject"), b.c(["Product/Service Not Covered", "Prior Authorization Required", "Refill Too Soon"]),
        "|".join(f))


# ======================================================================================
# Templates: PDF / OCR extraction
# ======================================================================================

def _ocr(b, s, rate=0.15):
    """OCR noise on label text only."""
    if not b.p(rate):
        return s
    return s.replace("l", "1", 1).replace("O", "0", 1)


@T
def ocr_intake_form(b):
    old = b.p(0.4)
    pt = b.pt(old=old)
    ec = b.pt()
    conf = b.K("0.%02d" % b.ri(60, 97), "score")
    dobv = b.alt(lambda: b.P("DATE", fmt_date(pt.dob, "us").replace("/", " / ")), lambda: b.dob(pt))
    lines = ["--- page 1 of %d (ocr confidence %s) ---" % (b.ri(2, 5), conf), _ocr(b, "PATIENT INTAKE FORM"),
             _ocr(b, "Name (Last, First, MI): ") + "%s %s" % (b.P("NAME", "%s , %s" % (pt.surname, pt.given)), pt.mi),
             _ocr(b, "Date of Birth: ") + dobv + "   Age: " + b.age_of(pt, "kv") + "   Sex: " + b.c("FMX"),
             _ocr(b, "Address: ") + b.P("ADDRESS", pt.street),
             "City: %s  State: %s  Zip: %s" % (b.P("CITY", pt.city), pt.state, b.zip(pt)),
             "Home Phone: %s   Cell: %s" % (b.phone(pt), b.phone(pt, which="phone2")),
             _ocr(b, "Email: ") + b.email(pt)]
    if b.p(0.5):
        lines.append("SSN: " + b.P("SSN", pt.ssn))
    lines.append("Emergency Contact: %s (%s)  Ph: %s" % (b.name(ec, "full"), b.c(["spouse", "mother", "daughter", "friend", "son"]), b.phone(ec)))
    lines.append("Reason for visit: %s" % b.c(["anxiety, trouble sleeping", "low mood since job loss", "panic attacks", "grief", "medication management"]))
    lines.append("Insurance: %s   Member ID: %s" % (b.payer(), b.P("HEALTH_PLAN", pt.member)))
    return "%s ocr-pipeline extracted text (job %s):\n%s" % (b.iso(), b.uuid("job_id"), "\n".join(lines))


@T
def ocr_insurance_card(b):
    pt = b.pt()
    dep = b.pt() if b.p(0.4) else None
    lines = ["[front, ocr %s]" % b.K("0.%02d" % b.ri(70, 99), "score"), b.payer_up(),
             "Member: " + b.name(pt, b.c(["FULLU", "full"])), "ID: " + b.P("HEALTH_PLAN", pt.member),
             "Group: " + b.P("HEALTH_PLAN", pt.group),
             "RxBIN %s  RxPCN %s  RxGrp %s" % (b.K(str(b.ri(600000, 610999)), "rx_bin"), b.K(b.c(["ADV", "WU", "CN", "A4"]), "rx_pcn"), b.K("RX%04d" % b.ri(1, 9999), "rx_group")),
             "PCP $%s  Specialist $%s  MH/SUD office $%s" % (b.K(str(b.c([20, 25, 30])), "amount"), b.K(str(b.c([40, 50, 60])), "amount"), b.K(str(b.c([0, 15, 25, 35])), "amount"))]
    if dep:
        lines.append("Dependent: %s   %s" % (b.name(dep, b.c(["FULLU", "full"])), b.P("HEALTH_PLAN", pt.member[:-2] + "%02d" % b.ri(1, 9))))
    lines.append("[back]")
    lines.append(b.alt(lambda: "Behavioral health: see back of card", lambda: "Mental health/substance use: call member services",
                       lambda: "Providers: submit claims electronically, payer ID %s" % b.K(str(b.ri(10000, 99999)), "payer_id")))
    return "intake-forms-api: card OCR low confidence, manual review queued (%s)\n%s" % (b.uuid("task_id"), "\n".join(lines))


@T
def ocr_referral_fax(b):
    pt, cl = b.pt(), b.clin(prescriber=b.p(0.5))
    lines = ["FAX COVER SHEET   Sent: %s   Pages: %d" % (b.K(b.now.strftime("%Y-%m-%d %H:%M:%S"), "timestamp"), b.ri(2, 12)),
             "To: %s Intake" % b.K(b.c(PRACTICES), "org"),
             "From: Dr. %s, %s   Fax: %s" % (b.name(cl, b.c(["full", "mid"])), cl.cred, b.fax(cl.fax)),
             "NPI: %s" % b.P("LICENSE", cl.npi),
             "RE: Referral - %s  DOB %s" % (b.name(pt), b.dob(pt)),
             "Dx: %s, %s   Current meds: %s %s" % (b.icd(), b.icd(), b.drug(), b.c(DRUG_STRENGTH)),
             "Insurance: %s  ID %s" % (b.payer(), b.P("HEALTH_PLAN", pt.member)),
             b.alt(lambda: "Please call patient at %s to schedule." % b.phone(pt),
                   lambda: "Pt prefers text: %s" % b.phone(pt, "dot"),
                   lambda: "Patient lives with daughter %s at %s" % (b.name(b.pt(), "full"), b.addr_block(pt)))]
    return "fax-gateway: inbound fax %s routed to manual queue (no matching referral); OCR text:\n%s" % (b.K("FX" + b.hexs(10).upper(), "fax_id"), "\n".join(lines))


@T
def pdf_consent_extract(b):
    minor = b.pt(minor=True)
    g = b.pt()
    sd = b.now.date() - timedelta(days=b.ri(0, 20))
    txt = ("AUTHORIZATION FOR RELEASE OF INFORMATION\nI, %s, parent/guardian of %s (DOB %s), authorize %s to release "
           "records including diagnosis (%s) and treatment dates to %s.\nRelationship: %s   Phone: %s\n"
           "Signature: /s/ %s   Date signed: %s\nThis authorization expires one year from signing.") % (
        b.name(g, "full"), b.name(minor, "full"), b.dob(minor), b.K(b.c(PRACTICES), "org"), b.icd(),
        b.alt(lambda: "Dr. %s" % b.name(b.clin(), "full"), lambda: "%s School District counselor" % b.P("CITY", minor.city)),
        b.c(["mother", "father", "legal guardian", "grandmother"]), b.phone(g), b.name(g, b.c(["full", "lower"])),
        b.date(sd, b.c(["us", "us_short", "mon_d_y"])))
    return "%s pdf-extract %s: signature block parse failed (%s)\n%s" % (b.logts(), b.uuid("document_id"), b.K("SIG_BLOCK_AMBIGUOUS", "error_code"), txt)



# ======================================================================================
# Templates: tickets
# ======================================================================================

def _staff_user(b, p):
    return re.sub(r"[^a-z.]", "", fold(p.given[0] + p.surname).lower().replace(" ", ""))


@T
def jira_ticket(b):
    pt, staff = b.pt(), b.pt()
    key = b.K("%s-%d" % (b.c(["PLAT", "BILL", "PORTAL", "SUP"]), b.ri(100, 9999)), "ticket")
    steps = b.alt(
        lambda: "1. Log in as portal user %s (pt %s, DOB %s)\n2. Go to Billing > Statements\n3. Balance shows $%s instead of $%s" % (
            b.P("OTHER_ID", pt.user), b.name(pt), b.dob(pt), b.amount(), b.amount()),
        lambda: "1. Open chart %s\n2. Insurance tab > Verify\n3. Spinner forever; console shows 502 from %s" % (
            b.P("MRN", pt.mrn), b.svc()),
        lambda: "1. Search patient by phone %s\n2. Two charts returned (%s and %s), both for %s\n3. Merge button disabled" % (
            b.phone(pt), b.P("MRN", pt.mrn), b.P("MRN", gen_mrn(b.r)), b.name(pt, "LF")))
    return ("[%s] %s\nReporter: %s   Priority: %s   Component: %s\n\n*Steps to reproduce*\n%s\n\n*Environment*: prod, %s %s, request id %s") % (
        key, b.c(["Portal shows wrong balance", "Eligibility check hangs", "Duplicate chart created from kiosk"]),
        b.name(staff, "full"), b.c(["High", "Medium", "Highest"]), b.svc(), steps, b.svc(), b.ver(), b.uuid("request_id"))


@T
def zendesk_ticket(b):
    pt = b.pt()
    kid = b.pt(minor=True)
    body = b.alt(
        lambda: "Hi, my name is %s, my date of birth is %s. I've been trying to reset my password but the code goes to my old phone %s. My new number is %s. Thanks, %s" % (
            b.name(pt, "full"), b.dob(pt, b.c(["mon_d_y", "us", "us_short"])), b.phone(pt), b.phone(pt, which="phone2"), b.P("NAME", pt.given)),
        lambda: "hello i was charged twice for my session on %s. card is %s. please refund. %s, acct %s" % (
            b.date(b.appt_date(), b.c(["md", "mon_d", "us"])), b.P("ACCOUNT", gen_card(b.r)), b.name(pt, "lower"), b.P("ACCOUNT", pt.acct)),
        lambda: "My son %s (%s) needs his records sent to his new school counselor. We moved to %s" % (
            b.name(kid, "full"), b.dob(kid), b.addr_block(pt)))
    note = b.alt(lambda: "Internal note (front desk): verified identity w/ DOB + address %s" % b.P("ADDRESS", pt.street),
                 lambda: "Internal note: routed to billing queue (%s)" % b.K("macro:refund-review", "macro"),
                 lambda: "Internal note: needs ROI form first, sent via %s" % b.K("DocuSign", "vendor"))
    return "Zendesk ticket #%s via email from %s\nSubject: %s\n\n%s\n\n--\n%s" % (
        b.K(str(b.ri(10000, 99999)), "ticket"), b.email(pt), b.c(["Can't log in", "Double charge", "Records request", "No puedo entrar"]), body, note)


@T
def freshdesk_ticket(b):
    pt = b.pt()
    d = OrderedDict([("ticket_id", int(b.K(str(b.ri(1000, 99999)), "ticket"))), ("subject", b.c(["Telehealth link not working", "Wrong address on statement", "Portal invite expired"])),
                     ("description_text", b.alt(
                         lambda: "Patient %s called, cannot join %s session. Using %s. Callback %s." % (
                             b.name(pt), b.date(b.appt_date(), b.c(["wd_mon_d", "md", "mon3_d"])), b.c(["iPad", "Android phone", "work laptop"]), b.phone(pt)),
                         lambda: "Statement went to old address; new one is %s" % b.addr_block(pt),
                         lambda: "Invite for %s expired, resend to %s" % (b.name(pt, "firsti"), b.email(pt)))),
                     ("requester", OrderedDict([("name", b.name(pt, "full")), ("email", b.email(pt)), ("phone", b.phone(pt, "dash"))])),
                     ("custom_fields", OrderedDict([("cf_mrn", b.P("MRN", pt.mrn)), ("cf_clinic", b.tenant())])),
                     ("priority", 3), ("status", 2), ("created_at", b.iso(ms=False))])
    return "freshdesk webhook -> notify-dispatcher failed (%s)\n%s" % (b.K("ECONNRESET", "error_code"), J(d))


# ======================================================================================
# Templates: staff chat
# ======================================================================================

@T
def slack_frontdesk(b):
    pt, cl = b.pt(), b.clin()
    ad = b.appt_date()
    msg = b.alt(
        lambda: "pt %s dob %s LVM x2 re f/u, cb # %s - can someone try again after 3?" % (
            b.name(pt, "lower"), b.dob(pt, b.c(["us_2y", "us_short"])), b.phone(pt, "dot")),
        lambda: "@here %s no-showed 2x this month (%s and %s), per policy pls call at %s" % (
            b.name(pt, b.c(["lf", "ilast", "firsti"])), b.date(ad, "md"), b.date(ad - timedelta(days=7), "md"), b.phone(pt, "plain")),
        lambda: "fyi got a call from pts mom (%s) asking about appt tmrw %s w/ dr %s, says pt is 'not doing great'. flagged for clinician" % (
            b.name(b.pt(), "full"), b.c(["10am", "2pm", "9:30"]), b.P("NAME", fold(cl.surname).lower())),
        lambda: "can some1 fix the chart? her addr is %s not what we have - mrn %s" % (b.P("ADDRESS", pt.street), b.P("MRN", pt.mrn)),
        lambda: "resched'd %s from %s to %s %s, ins is %s id %s" % (
            b.name(pt, "firsti"), b.date(ad, "md"), b.date(ad + timedelta(days=b.ri(1, 9)), b.c(["wd3_md", "md"])), b.c(["1pm", "4:30", "11am"]), b.payer(), b.P("HEALTH_PLAN", pt.member)))
    ev = OrderedDict([("type", "message"), ("channel", b.K("C0%s" % b.hexs(8).upper(), "channel_id")), ("user", b.K("U0%s" % b.hexs(8).upper(), "user_id")),
                      ("text", msg), ("ts", b.K("%d.%06d" % (int(b.now.timestamp()), b.ri(0, 999999)), "timestamp"))])
    return "slack-bridge: message in #front-desk matched PHI-risk rule, forwarded for review\n" + J(ev)


@T
def teams_message(b):
    old = b.p(0.5)
    pt = b.pt(old=old)
    cl = b.clin()
    d = b.pt()
    words = b.p(0.5)
    age = (lambda: b.age90(words=words)) if old else (lambda: str(b.ri(20, 85)))
    txt = b.alt(
        lambda: "Dr. %s: pt %s (%s y/o) had a fall at home last wk, daughter %s wants a family session. can we get %s auth from %s?" % (
            b.P("NAME", cl.surname), b.name(pt), age(), b.name(d, "full"), b.cpt(), b.payer()),
        lambda: "%s: %s is %s and lives alone at %s, neighbor checks in. pls add to wellness-call list" % (
            b.name(cl, "full"), b.name(pt, "firsti"), ("%s years old" % age()), b.P("ADDRESS", pt.street)),
        lambda: "%s -> team: reminder that %s (dob %s) needs %s refill before %s" % (
            b.name(cl, "ilast"), b.name(pt), b.dob(pt, "us"), b.drug(), b.date(b.appt_date(), b.c(["mon_d", "md", "wd_mon_d"]))))
    return J(OrderedDict([("type", "message"), ("messageType", "message"), ("createdDateTime", b.iso()),
                          ("from", {"user": {"id": b.uuid("user_id"), "displayName": b.name(cl, "full")}}),
                          ("body", {"contentType": "text", "content": txt}),
                          ("channelIdentity", {"teamId": b.uuid("team_id"), "channelId": b.K("19:%s@thread.tacv2" % b.hexs(32), "channel_id")})]))


@T
def slack_thread(b):
    pt = b.pt()
    ad = b.appt_date()
    lines = ["#billing thread export %s" % b.K(b.now.strftime("%Y-%m-%d %H:%M:%S"), "timestamp"),
             "[%s] U0%s: anyone know why %s's claim keeps bouncing? %s says %s" % (
                 b.c(["9:02", "10:14", "13:40"]), b.hexs(6).upper(), b.name(pt, b.c(["full", "lower"])), b.payer(), b.K(b.c(["CO-16", "CO-197", "PR-204", "CO-50"]), "carc")),
             "[%s] U0%s: dos %s, member id on file is %s but card says %s" % (
                 b.c(["9:05", "10:20", "13:44"]), b.hexs(6).upper(), b.date(ad - timedelta(days=b.ri(5, 40)), b.c(["md", "us_2y"])),
                 b.P("HEALTH_PLAN", pt.member), b.P("HEALTH_PLAN", gen_member(b.r))),
             "[%s] U0%s: %s" % (b.c(["9:11", "10:31", "13:52"]), b.hexs(6).upper(), b.alt(
                 lambda: "ugh. i'll call the pt, # is %s right?" % b.phone(pt),
                 lambda: "fixed + resubmitted w/ %s, batch %s" % (b.icd(), b.K("B%06d" % b.ri(1, 999999), "batch")),
                 lambda: "pt also has secondary w/ %s, sub is spouse %s dob %s" % (b.payer(), b.name(b.pt(), "full"), b.dob(b.pt()))))]
    return "\n".join(lines)


@T
def slack_bot_alert(b):
    pt = b.pt()
    return ("*:rotating_light: %s* (%s)\nNew portal signup needs review - possible duplicate\n>Name: %s\n>Email: %s\n>Phone: %s\n>Signup IP: %s\n>Matched chart: %s (score 0.%02d)\n<%s|Open in admin>") % (
        b.K("portal-signup-review", "alert"), b.svc(), b.name(pt), b.email(pt), b.phone(pt), b.pub_ip(), b.P("MRN", pt.mrn), b.ri(80, 99),
        b.K("https://admin.internal/signups/%d" % b.ri(1000, 99999), "url_internal"))


# ======================================================================================
# Templates: batch jobs
# ======================================================================================

@T
def cron_reminders_summary(b):
    n_sent = b.count(300, 3000)
    lines = ["[cron] %s %s finished in %s s" % (b.K("nightly-reminders", "job"), b.iso(ms=False), b.count(40, 900)),
             "sent=%s failed=%s skipped_optout=%s" % (n_sent, b.count(2, 30), b.count(0, 90)), "failures:"]
    for _ in range(b.ri(1, 4)):
        pt = b.pt()
        ad = b.appt_date()
        lines.append("  - appt %s (%s, %s %s): %s" % (
            b.K(str(b.ri(10000, 999999)), "db_id"), b.name(pt, b.c(["full", "firsti", "lf"])), b.date(ad, b.c(["md", "mon3_d", "iso", "wd3_md"])),
            fmt_time(b.r, b.ri(8, 19), b.c([0, 15, 30, 45])),
            b.alt(lambda: "%s landline %s" % (b.K("30006", "error_code"), b.phone(pt)),
                  lambda: "%s invalid email %s" % (b.K("E_BOUNCE", "error_code"), b.email(pt)),
                  lambda: "%s carrier blocked" % b.K("30007", "error_code"))))
    return "\n".join(lines)


@T
def batch_eligibility(b):
    run = b.K("run-%d" % b.ri(1000, 99999), "job")
    lines = ["eligibility batch %s: %s checked, %s errors, payer %s" % (run, b.count(200, 3000), b.count(2, 40), b.payer())]
    for i in range(b.ri(2, 4)):
        pt = b.pt()
        lines.append("row %s: %s" % (b.count(1, 3000), b.alt(
            lambda: "member %s / %s: AAA 75 subscriber not found" % (b.P("HEALTH_PLAN", pt.member), b.name(pt, "LF")),
            lambda: "dob mismatch for %s (sent %s, payer has %s)" % (b.P("HEALTH_PLAN", pt.member), b.dob(pt, "hl7"), b.P("DATE", fmt_date(pt.dob + timedelta(days=b.ri(1, 400)), "hl7"))),
            lambda: "coverage terminated for %s, term %s" % (b.name(pt), b.date(b.now.date() - timedelta(days=b.ri(10, 200)), "us")))))
    lines.append("elapsed_s=%s, output %s" % (b.count(10, 900), b.K("s3://elig-reports/%s.csv" % run, "path")))
    return "\n".join(lines)


@T
def airflow_task(b):
    pt = b.pt()
    ts = b.K(b.now.strftime("%Y-%m-%d, %H:%M:%S UTC"), "timestamp")
    row = OrderedDict([("client_id", int(b.K(str(b.ri(1000, 999999)), "db_id"))), ("full_name", b.name(pt, "full")),
                       ("dob", b.dob(pt, "iso")), ("zip", b.P("ZIP", pt.zip)), ("payer", b.payer()),
                       ("last_visit", b.date(b.now.date() - timedelta(days=b.ri(1, 300)), "iso"))])
    return ("[%s] {taskinstance.py:%d} ERROR - Task failed with exception\nTraceback (most recent call last):\n  File \"/opt/airflow/dags/%s.py\", line %d, in load_rows\n"
            "%s: row rejected by warehouse schema: %s\n[%s] {taskinstance.py:%d} INFO - Marking task as UP_FOR_RETRY. dag_id=%s, task_id=%s, run_id=%s") % (
        ts, b.ri(1000, 2999), b.K(b.c(["nightly_outcomes_export", "payer_roster_sync", "measurement_scores_etl"]), "dag"), b.ri(20, 400),
        b.K(b.c(["ValueError", "psycopg2.errors.StringDataRightTruncation", "KeyError"]), "exception"), J(row), ts, b.ri(1000, 2999),
        b.K(b.c(["nightly_outcomes_export", "payer_roster_sync"]), "dag"), b.K(b.c(["load", "transform", "extract"]), "task"),
        b.K("scheduled__%s" % b.now.strftime("%Y-%m-%dT%H:00:00+00:00"), "run_id"))


# ======================================================================================
# Templates: audit logs
# ======================================================================================

@T
def audit_log(b):
    lines = []
    for i in range(b.ri(2, 3)):
        pt, st = b.pt(), b.clin()
        ev = OrderedDict([("ts", b.K((b.later(i * b.ri(2, 90))).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % b.ri(0, 999), "timestamp")),
                          ("actor", b.P("OTHER_ID", _staff_user(b, st))), ("role", b.c(["clinician", "biller", "front_desk", "admin"])),
                          ("action", b.K(b.c(["CHART_VIEW", "NOTE_EXPORT", "DEMOGRAPHICS_UPDATE", "STATEMENT_PRINT"]), "action")),
                          ("patient", OrderedDict([("mrn", b.P("MRN", pt.mrn)), ("name", b.name(pt, b.c(["full", "lf"])))])),
                          ("src_ip", b.pub_ip() if b.p(0.6) else b.K(gen_infra_ip(b.r), "ip_infra")),
                          ("result", b.c(["allowed", "denied"]))])
        if b.p(0.3):
            ev["changed"] = {"phone": [b.phone(pt), b.phone(pt, which="phone2")]}
        lines.append(J(ev))
    return "audit-writer: %s events failed to ship to SIEM (%s), spooled:\n%s" % (len(lines), b.K("HTTP 413", "error"), "\n".join(lines))


@T
def break_glass(b):
    pt, st = b.pt(), b.clin()
    return ("%s SECURITY audit-writer BREAK-GLASS access user=%s role=%s patient=\"%s\" mrn=%s reason=\"%s\" ip=%s session=%s") % (
        b.logts(), b.P("OTHER_ID", _staff_user(b, st)), b.c(["on_call_clinician", "nurse", "covering_md"]),
        b.name(pt), b.P("MRN", pt.mrn, "kv"), b.alt(lambda: "pt in ED, need med list", lambda: "crisis call from %s" % b.name(b.pt(), "firsti"),
                                                   lambda: "court order %s" % b.P("OTHER_ID", "%d-%s-%05d" % (b.ri(2023, 2025), b.c(["MH", "CV", "JV"]), b.ri(1, 99999))), ),
        b.pub_ip(), b.hexid(24, kind="session_id"))


# ======================================================================================
# Templates: SQL logs
# ======================================================================================

@T
def mysql_slow_log(b):
    pt = b.pt()
    ip = "10.%d.%d.%d" % (b.ri(0, 255), b.ri(0, 255), b.ri(1, 254))
    where = b.alt(lambda: "p.last_name = '%s' AND p.dob = '%s'" % (b.P("NAME", pt.surname.replace("'", "''")), b.dob(pt, "iso")),
                  lambda: "p.phone = '%s' OR p.mobile = '%s'" % (b.phone(pt, "plain"), b.phone(pt, "plain", which="phone2")),
                  lambda: "p.email LIKE '%s%%'" % b.P("EMAIL", pt.email.split("@")[0]),
                  lambda: "p.ssn = '%s'" % b.P("SSN", pt.ssn))
    return ("# Time: %s\n# User@Host: app_rw[app_rw] @ %s [%s]  Id: %s\n# Query_time: %s  Lock_time: 0.000%d Rows_sent: %d  Rows_examined: %s\n"
            "SET timestamp=%s;\nSELECT p.id, p.mrn, p.first_name FROM %s p WHERE %s AND p.tenant_id = %s;") % (
        b.K(b.now.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % b.ri(0, 999999), "timestamp"), b.K("ip-" + ip.replace(".", "-"), "host"),
        b.K(ip, "ip_infra"), b.count(1000, 999999), b.K("%d.%06d" % (b.ri(2, 40), b.ri(0, 999999)), "duration"), b.ri(10, 99),
        b.ri(0, 3), b.count(100000, 9000000), b.K(str(int(b.now.timestamp())), "timestamp"), b.K("patients", "table"), where,
        b.K(str(b.ri(1, 400)), "db_id"))


@T
def postgres_log(b):
    pt = b.pt()
    pfx = "%s UTC [%d] app@clinical" % (b.K(b.now.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % b.ms, "timestamp"), b.ri(1000, 99999))
    return b.alt(
        lambda: "%s LOG:  duration: %s ms  execute <unnamed>: UPDATE %s SET phone = $1, email = $2 WHERE mrn = $3\n%s DETAIL:  parameters: $1 = '%s', $2 = '%s', $3 = '%s'" % (
            pfx, b.K("%d.%03d" % (b.ri(1000, 9000), b.ri(0, 999)), "duration"), b.K("patients", "table"), pfx, b.phone(pt), b.email(pt), b.P("MRN", pt.mrn)),
        lambda: "%s ERROR:  duplicate key value violates unique constraint \"%s\"\n%s DETAIL:  Key (email)=(%s) already exists.\n%s STATEMENT:  INSERT INTO portal_users (email, display_name) VALUES ('%s', '%s')" % (
            pfx, b.K("portal_users_email_key", "constraint"), pfx, b.email(pt), pfx, b.email(pt), b.name(pt).replace("'", "''") if "'" not in pt.full() else b.P("NAME", pt.full().replace("'", "''"))),
        lambda: "%s ERROR:  value too long for type character varying(10)\n%s STATEMENT:  UPDATE %s SET zip = '%s', city = '%s' WHERE id = %s" % (
            pfx, pfx, b.K("patient_addresses", "table"), b.P("ZIP", pt.zip4), b.P("CITY", pt.city.replace("'", "''")), b.K(str(b.ri(1000, 999999)), "db_id")))


# ======================================================================================
# Templates: caches and object storage
# ======================================================================================

@T
def redis_monitor(b):
    lines = ["$ redis-cli -h %s MONITOR | head" % b.K("redis-sessions.%s.cache.internal" % b.c(["prod", "prod-2"]), "host")]
    t = b.now.timestamp()
    ip = b.K("%s:%d" % (gen_infra_ip(b.r), b.ri(30000, 60000)), "client")
    for i in range(b.ri(2, 4)):
        pt = b.pt()
        ts = b.K("%.6f" % (t + i * 0.0013 + b.ri(0, 999) / 1e6), "timestamp")
        lines.append(b.alt(
            lambda: '%s [0 %s] "SETEX" "otp:%s" "300" "%06d"' % (ts, ip, b.phone(pt, "e164"), b.ri(0, 999999)),
            lambda: '%s [0 %s] "GET" "session:patient:%s"' % (ts, ip, b.email(pt)),
            lambda: '%s [0 %s] "HGETALL" "appt:cache:%s:%s"' % (ts, ip, b.P("MRN", pt.mrn), b.date(b.appt_date(), "iso")),
            lambda: '%s [0 %s] "INCR" "ratelimit:login:%s"' % (ts, ip, b.P("OTHER_ID", pt.user))))
    return "\n".join(lines)


@T
def memcached_dump(b):
    lines = ["stats cachedump %d %d" % (b.ri(1, 40), b.c([0, 100]))]
    for _ in range(b.ri(2, 4)):
        pt = b.pt()
        key = b.alt(lambda: "elig:v2:%s:%s" % (b.P("HEALTH_PLAN", pt.member), b.date(b.appt_date(), "hl7")),
                    lambda: "pt:lookup:%s" % b.P("NAME", re.sub(r"[^a-z]", "", fold(pt.surname).lower()) + "_" + re.sub(r"[^a-z]", "", fold(pt.given).lower())),
                    lambda: "dob-idx:%s:%s" % (b.dob(pt, "iso"), b.P("ZIP", pt.zip)))
        lines.append("ITEM %s [%s b; %s s]" % (key, b.count(100, 9000), b.K(str(int(b.now.timestamp()) + b.ri(60, 3600)), "timestamp")))
    lines.append("END")
    return "memcached %s: key audit found identifiers in keys (%s)\n%s" % (b.K("mc-%02d" % b.ri(1, 9), "host"), b.K("policy CACHE-KEY-PHI", "policy"), "\n".join(lines))


@T
def s3_access_log(b):
    pt = b.pt()
    bucket = b.K(b.c(["mhp-prod-intake", "sbh-insurance-cards", "clinical-uploads-prod"]), "bucket")
    key = b.alt(lambda: b.U("uploads/%s/insurance_card_front_%s.jpg" % (b.P("MRN", pt.mrn, "url"), b.P("NAME", re.sub(r"[^a-z]", "", fold(pt.surname).lower()), "url"))),
                lambda: b.U("intake/%s_%s_%s.pdf" % (b.P("NAME", re.sub(r"[^a-z]", "", fold(pt.surname).lower()) + "_" + re.sub(r"[^a-z]", "", fold(pt.given).lower()), "url"), b.dob(pt, "hl7", "url"), b.hexs(6))),
                lambda: b.U("roi/%s/%s.pdf" % (b.P("HEALTH_PLAN", pt.member, "url"), gen_uuid(b.r))))
    return ('%s %s [%s] %s arn:aws:iam::%s:user/portal-uploader %s REST.PUT.OBJECT %s "PUT /%s/%s HTTP/1.1" %s %s %d - %d - "-" "aws-sdk-js/3.515.0" - %s SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader %s.s3.amazonaws.com TLSv1.2 - -') % (
        b.hexid(64, kind="owner_id"), bucket, _ngx_ts(b), b.pub_ip(), b.K(rdig(b.r, 12), "aws_account"), b.K(b.hexs(16).upper(), "request_id"),
        key, bucket, key, b.K(b.c(["403", "200", "400"]), "status"), b.K(b.c(["AccessDenied", "SignatureDoesNotMatch", "EntityTooLarge"]), "error_code"), b.ri(200, 900), b.ri(1, 90),
        b.b62(40, kind="host_id"), bucket)


@T
def gcs_notification(b):
    pt = b.pt()
    bucket = b.K(b.c(["lumen-referrals-prod", "tidepool-intake"]), "bucket")
    sur = re.sub(r"[^a-z]", "", fold(pt.surname).lower())
    giv = re.sub(r"[^a-z]", "", fold(pt.given).lower())
    nm = b.P("NAME", "%s_%s" % (sur, giv), "url")
    dob = b.dob(pt, "hl7", "url")
    obj = b.U("referrals/%s_%s.pdf" % (nm, dob))
    gen = b.K(str(int(b.now.timestamp() * 1000000)), "generation")
    media = "https://storage.googleapis.com/%s/%s" % (bucket, obj)
    d = OrderedDict([("kind", "storage#object"), ("id", "%s/%s/%s" % (bucket, obj, gen)), ("name", obj), ("bucket", bucket),
                     ("generation", gen), ("contentType", "application/pdf"), ("size", b.count(10000, 9000000)),
                     ("mediaLink", media), ("metadata", OrderedDict([("uploaded_by", b.c(["fax-gateway", "portal"])), ("patient_email", b.email(pt))])),
                     ("timeCreated", b.iso())])
    return "ocr-pipeline: Pub/Sub push rejected (object over page limit)\n" + J(d)



# ======================================================================================
# Templates: feature flags and experiments
# ======================================================================================

@T
def launchdarkly_eval(b):
    old = b.p(0.3)
    pt = b.pt(old=old)
    custom = OrderedDict([("dob", b.dob(pt, "iso")), ("zip", b.P("ZIP", pt.zip))])
    if old:
        custom["age"] = int(b.age_of(pt, "kv"))
    else:
        custom["age"] = int(b.age_of(pt, "kv"))
    custom["payer"] = b.payer()
    ctx = OrderedDict([("kind", "user"), ("key", b.K("usr_%d" % b.ri(1000, 999999), "user_key")), ("email", b.email(pt)),
                       ("name", b.name(pt, "full")), ("custom", custom)])
    return "%s [ld-relay] %s evaluation event: flag=%s variation=%s reason=%s context=%s" % (
        b.iso(), b.K("WARN", "level"), b.K(b.c(["new-intake-flow", "sms-two-way", "telehealth-waiting-room-v2", "copay-autopay"]), "flag"),
        b.c(["0", "1", "2"]), b.K(b.c(["RULE_MATCH", "FALLTHROUGH", "TARGET_MATCH"]), "reason"), J(ctx))


@T
def ab_test_log(b):
    old = b.p(0.35)
    pt = b.pt(old=old)
    age = b.age90(ctx="kv") if old else str(b.ri(18, 89))
    fields = ["experiment=%s" % b.K(b.c(["reminder_copy_v3", "intake_short_form", "waitlist_nudge"]), "experiment"),
              "variant=%s" % b.c(["A", "B", "control"]), "user_zip=%s" % b.P("ZIP", pt.zip, "kv"), "user_age=%s" % age,
              "user_city=\"%s\"" % b.P("CITY", pt.city), "converted=%s" % b.c(["true", "false"]),
              "bucket_hash=%s" % b.hexid(8, kind="hash")]
    if b.p(0.5):
        fields.append("user_phone=%s" % b.phone(pt, b.c(["e164", "plain"]), "kv"))
    if b.p(0.3):
        fields.append("user_email=%s" % b.email(pt, "kv"))
    return "%s %s ab-exposure %s" % (b.logts(), b.K("ab-logger", "service"), " ".join(fields))


# ======================================================================================
# Templates: mobile crash reports
# ======================================================================================

@T
def ios_crash(b):
    pt = b.pt()
    cl = b.clin()
    idfv = b.P("DEVICE", gen_uuid(b.r, upper=True))
    crumbs = ["  %s navigation %s" % (b.later(-9).strftime("%H:%M:%S"), b.K("/appointments/%d" % b.ri(10000, 999999), "path")),
              "  %s http GET %s 200" % (b.later(-6).strftime("%H:%M:%S"), b.U("/api/v2/patients/%s/insurance" % b.P("MRN", pt.mrn, "url"))),
              "  %s ui.tap \"%s\"" % (b.later(-2).strftime("%H:%M:%S"), b.alt(lambda: "Call Dr. %s %s" % (b.P("NAME", cl.surname), b.phone(cl, "paren")),
                                                                             lambda: "Edit profile: %s" % b.name(pt, "full"),
                                                                             lambda: "Join session"))]
    return ("Fatal Exception: %s\n%s\nApp: MHPortal %s (%s)  %s  %s\nDevice: identifierForVendor=%s\nUser: id=%s email=%s\nBreadcrumbs:\n%s\nCustom keys: last_dob_entered=%s") % (
        b.K(b.c(["NSInternalInconsistencyException", "EXC_BAD_ACCESS (SIGSEGV)", "NSRangeException"]), "exception"),
        b.c(["Invalid update: invalid number of rows in section 0", "KERN_INVALID_ADDRESS at 0x0000000000000010", "index 3 beyond bounds [0 .. 2]"]),
        b.ver(""), b.count(1000, 9999), b.K(b.c(["iOS 17.4", "iOS 17.2.1", "iOS 16.7"]), "os"), b.K(b.c(["iPhone15,2", "iPhone14,5", "iPad13,4"]), "model"),
        idfv, b.K("usr_%d" % b.ri(1000, 999999), "user_key"), b.email(pt), "\n".join(crumbs), b.dob(pt, b.c(["us", "iso"])))


@T
def android_crash(b):
    pt = b.pt()
    pid = b.ri(1000, 32000)
    dev = b.alt(lambda: "IMEI %s" % b.P("DEVICE", gen_imei(b.r)),
                lambda: "Android ID %s" % b.P("DEVICE", b.hexs(16)),
                lambda: "Wi-Fi MAC %s" % b.P("DEVICE", gen_mac(b.r)))
    return ("%s E/AndroidRuntime(%d): FATAL EXCEPTION: main\nProcess: com.mhportal.android, PID: %d\n%s: %s\n\tat com.mhportal.android.%s(%s.kt:%d)\n"
            "device: %s, %s, %s\nsession user=%s phone=%s") % (
        b.K(b.now.strftime("%m-%d %H:%M:%S.") + "%03d" % b.ms, "timestamp"), pid, pid,
        b.K(b.c(["java.lang.IllegalStateException", "kotlin.UninitializedPropertyAccessException", "java.lang.NullPointerException"]), "exception"),
        b.c(["Fragment not attached to a context.", "lateinit property binding has not been initialized", "Attempt to invoke virtual method on a null object reference"]),
        *b.c([("intake.IntakeFragment.onResume", "IntakeFragment"), ("visits.JoinActivity.onCreate", "JoinActivity"),
              ("billing.PayFragment.render", "PayFragment")]), b.ri(20, 400),
        b.K(b.c(["SM-S918U", "Pixel 7", "moto g power (2022)"]), "model"), b.K(b.c(["Android 14", "Android 13"]), "os"), dev,
        b.email(pt), b.phone(pt, b.c(["e164", "dash"])))


# ======================================================================================
# Templates: API traces
# ======================================================================================

@T
def graphql_error(b):
    pt = b.pt()
    ad = b.appt_date()
    inp = OrderedDict([("patient", OrderedDict([("firstName", b.P("NAME", pt.given)), ("lastName", b.P("NAME", pt.surname)),
                                                ("dateOfBirth", b.dob(pt, "iso")), ("phone", b.phone(pt))])),
                       ("startDate", b.date(ad, "iso")), ("startTime", "%02d:%02d" % (b.ri(8, 18), b.c([0, 30]))),
                       ("serviceCode", b.cpt()), ("clinicianId", b.uuid())])
    d = OrderedDict([("errors", [OrderedDict([("message", "Variable \"$input\" got invalid value; Field \"insuranceMemberId\" of required type \"String!\" was not provided."),
                                              ("extensions", {"code": b.K("BAD_USER_INPUT", "error_code")})])]),
                     ("operationName", b.K("CreateAppointment", "operation")), ("variables", {"input": inp}),
                     ("extensions", {"tracing": {"duration": int(b.count(100000, 90000000))}})])
    return "%s %s graphql 400\n%s" % (b.iso(), b.K("portal-bff", "service"), J(d))


@T
def grpc_trace(b):
    pt = b.pt()
    req = b.alt(
        lambda: 'patient_id: "%s" given_name: "%s" family_name: "%s" birth_date { %s }' % (
            b.P("MRN", pt.mrn), b.P("NAME", pt.given), b.P("NAME", pt.surname),
            b.P("DATE", "year: %d month: %d day: %d" % (pt.dob.year, pt.dob.month, pt.dob.day))),
        lambda: 'member_id: "%s" payer_code: "%s" subscriber { name: "%s" dob: "%s" }' % (
            b.P("HEALTH_PLAN", pt.member), b.K(str(b.ri(10000, 99999)), "payer_id"), b.name(pt, "full"), b.dob(pt, "hl7")),
        lambda: 'to: "%s" template: "%s" vars { key: "first_name" value: "%s" }' % (
            b.phone(pt, "e164"), b.K(b.c(["appt_reminder_v4", "intake_link_v2"]), "template"), b.P("NAME", pt.given)))
    return ("grpc: %s status=%s duration_ms=%s peer=%s\nmetadata: x-request-id=%s x-tenant=%s\nrequest: %s") % (
        b.K(b.c(["/scheduling.v1.SchedulingService/BookSlot", "/eligibility.v2.Eligibility/Check", "/notify.v1.Notifier/SendSms"]), "rpc"),
        b.K(b.c(["INVALID_ARGUMENT (3)", "FAILED_PRECONDITION (9)", "DEADLINE_EXCEEDED (4)"]), "status"), b.count(3, 30000),
        b.K("%s:%d" % (gen_infra_ip(b.r), b.c([50051, 8443, 9090])), "peer"), b.uuid("request_id"), b.tenant(), req)


@T
def otel_span(b):
    pt = b.pt()
    attrs = OrderedDict([("service.name", b.svc()), ("http.method", "GET"),
                         ("http.url", b.U("https://%s/api/v1/patients/search?q=%s&dob=%s" % (
                             "api.internal", b.P("NAME", _enc(pt.full()), "url"), b.dob(pt, "iso", "url")))),
                         ("http.status_code", int(b.K(b.c(["500", "504", "400"]), "status"))),
                         ("db.statement", b.alt(lambda: "SELECT id FROM patients WHERE email = '%s'" % b.email(pt),
                                                lambda: "SELECT id FROM patients WHERE phone = '%s'" % b.phone(pt, "plain"))),
                         ("enduser.id", b.P("OTHER_ID", pt.user)), ("net.peer.ip", b.pub_ip())])
    d = OrderedDict([("traceId", b.hexid(32, kind="trace_id")), ("spanId", b.hexid(16, kind="span_id")), ("name", "GET /api/v1/patients/search"),
                     ("kind", "SPAN_KIND_SERVER"), ("startTimeUnixNano", b.K(str(int(b.now.timestamp()) * 1000000000 + b.ri(0, 999999999)), "timestamp")),
                     ("attributes", attrs), ("status", {"code": "STATUS_CODE_ERROR", "message": b.c(["upstream timeout", "pg: statement timeout"])})])
    return J(d, indent=b.c([None, 2]))


# ======================================================================================
# Templates: config fixtures
# ======================================================================================

@T
def yaml_fixture(b):
    out = ["# seeds/%s.yaml  -- loaded in tenant %s by mistake; seed loader aborted (%s)" % (
        b.K(b.c(["dev_patients", "demo_clinic", "qa_fixtures"]), "file"), b.tenant(), b.K("SEED_IN_PROD_GUARD", "error_code")), "patients:"]
    for _ in range(b.ri(1, 2)):
        pt = b.pt()
        out += ["  - mrn: %s" % b.P("MRN", pt.mrn),
                "    name: {given: \"%s\", family: \"%s\"}" % (b.P("NAME", pt.given), b.P("NAME", pt.surname)),
                "    dob: %s" % b.dob(pt, "iso"),
                "    phone: \"%s\"" % b.phone(pt, "e164"),
                "    address: {line1: \"%s\", city: \"%s\", state: %s, zip: \"%s\"}" % (b.P("ADDRESS", pt.street), b.P("CITY", pt.city), pt.state, b.P("ZIP", pt.zip)),
                "    insurance: {payer: %s, member_id: %s, group: \"%s\"}" % (b.payer(), b.P("HEALTH_PLAN", pt.member), b.P("HEALTH_PLAN", pt.group)),
                "    dx: [%s]" % b.icd()]
    return "\n".join(out)


@T
def toml_fixture(b):
    pt = b.pt()
    cl = b.clin(prescriber=True)
    return ("# tests/fixtures/%s.toml (copied into config bundle %s)\n[[test_patient]]\nname = \"%s\"\nssn = \"%s\"\ndob = %s\nemail = \"%s\"\n"
            "[test_patient.vehicle]\nvin = \"%s\"\nplate = \"%s\"\n\n[prescriber]\nname = \"%s\"\nnpi = \"%s\"\ndea = \"%s\"\nlicense = \"%s\"") % (
        b.K(b.c(["interlock_program", "dui_court_referrals", "transport_benefit"]), "file"), b.ver(),
        b.name(pt, "full"), b.P("SSN", gen_ssn(b.r, "dash")), b.dob(pt, "iso"), b.email(pt), b.P("VEHICLE", gen_vin(b.r)),
        b.P("VEHICLE", gen_plate(b.r)), b.name(cl, "full"), b.P("LICENSE", cl.npi), b.P("LICENSE", cl.dea), b.P("LICENSE", cl.lic))


# ======================================================================================
# Templates: exports
# ======================================================================================

@T
def csv_export(b):
    rows = ["patient_id,mrn,last_name,first_name,dob,age,phone,zip,payer,dx,cpt,amount"]
    for _ in range(b.ri(2, 4)):
        pt = b.pt(old=b.p(0.3))
        rows.append(",".join([b.K(str(b.ri(1000, 999999)), "db_id"), b.P("MRN", pt.mrn, "csv"),
                              b.P("NAME", pt.surname, "csv"), b.P("NAME", pt.given, "csv"), b.dob(pt, "us", "csv"), b.age_of(pt),
                              b.phone(pt, b.c(["dash", "plain", "dot"]), "csv"), b.P("ZIP", pt.zip, "csv"),
                              b.K(b.c(PAYERS), "payer"), b.icd(), b.cpt(), b.amount()]))
    return "reporting-etl: export %s failed checksum; first rows:\n%s" % (b.K("claims_%s.csv" % b.hexs(8), "file"), "\n".join(rows))


@T
def tsv_export(b):
    rows = ["client\temail\tcity\tlast_session\tclinician\tbalance"]
    for _ in range(b.ri(2, 3)):
        pt, cl = b.pt(), b.clin()
        rows.append("\t".join([b.name(pt, "lf", "csv"), b.email(pt, "csv"), b.P("CITY", pt.city, "csv"),
                               b.date(b.now.date() - timedelta(days=b.ri(1, 90)), b.c(["iso", "us"]), "csv"),
                               b.P("NAME", cl.surname, "csv"), b.amount(0, 900)]))
    return "superbill-renderer: TSV attachment rejected by mail relay (%s)\n%s" % (b.K("552 5.3.4 Message size exceeds", "error"), "\n".join(rows))


@T
def fixed_width_export(b):
    lines = ["HDR %s %s %08d" % (b.K("ROSTER", "record_type"), b.K(b.now.strftime("%Y%m%d%H%M%S"), "timestamp"), b.ri(1, 9999))]
    for _ in range(b.ri(2, 3)):
        pt = b.pt()
        ln = "DTL %-22s%-16s%-14s%s %s %-6s%s" % (
            b.P("NAME", fold(pt.surname).upper(), "x12"), b.P("NAME", fold(pt.given).upper(), "x12"), b.P("HEALTH_PLAN", pt.member, "x12"),
            b.dob(pt, "hl7", "x12"), b.c("FM"), b.P("ZIP", pt.zip, "x12"), b.P("SSN", gen_ssn(b.r, "plain"), "x12") if b.p(0.4) else "         ")
        lines.append(ln)
    lines.append("TRL%06d" % (len(lines) - 1))
    return "roster-import: fixed-width parse error at col %s (%s)\n%s" % (b.count(40, 90), b.K("unexpected EOL", "error"), "\n".join(lines))


# ======================================================================================
# Templates: patient-facing message templates (rendered)
# ======================================================================================

@T
def msg_es(b):
    pt, cl = b.pt(), b.clin()
    ad = b.appt_date()
    hh, mm = b.ri(8, 18), b.c([0, 15, 30, 45])
    txt = b.alt(
        lambda: "Hola %s, le recordamos su cita el %s a las %s con la Dra. %s. Para cancelar llame al %s." % (
            b.P("NAME", pt.given), b.date(ad, b.c(["es", "es_wd"])), fmt_time(b.r, hh, mm, "es"), b.P("NAME", cl.surname), b.phone(cl, "paren")),
        lambda: "Estimado/a %s: su pago de $%s fue rechazado. Cuenta %s. Responda AYUDA para asistencia." % (b.name(pt), b.amount(), b.P("ACCOUNT", pt.acct)),
        lambda: "Hola %s, recibimos su mensaje desde el %s. Su cita del %s sigue confirmada." % (
            b.P("NAME", pt.given), b.P("PHONE", gen_phone_mx(b.r)), b.date(ad, b.c(["es", "es_wd"]))),
        lambda: "%s, su formulario de admisión vence el %s. Fecha de nacimiento registrada: %s." % (
            b.P("NAME", pt.given), b.date(ad, "es"), b.P("DATE", fmt_date(pt.dob, "eu"))))
    return "%s notify-dispatcher SMS render failed (%s, locale %s): \"%s\"" % (b.iso(), b.K("GSM7_UNSUPPORTED_CHAR", "error_code"), b.K("es-US", "locale"), txt)


@T
def msg_fr(b):
    old = b.p(0.3)
    pt, cl = b.pt(old=old), b.clin()
    ad = b.appt_date()
    txt = b.alt(
        lambda: "Bonjour %s, nous vous rappelons votre rendez-vous le %s à %s avec Dr %s (%s). Pour annuler : %s." % (
            b.name(pt, "full"), b.date(ad, b.c(["fr", "fr_wd"])), fmt_time(b.r, b.ri(8, 18), b.c([0, 30]), "fr"), b.P("NAME", cl.surname),
            b.K(b.c(PRACTICES), "org"), b.P("PHONE", gen_phone_fr(b.r))),
        lambda: "Madame, Monsieur, le dossier de %s (né(e) le %s, %s ans) a été transmis. Courriel de contact : %s." % (
            b.name(pt, "full"), b.date(pt.dob, "fr"), b.age90(words=b.p(0.5), lang="fr") if old else str(b.ri(18, 85)), b.email(pt)),
        lambda: "%s, votre séance du %s est confirmée. Lien : %s" % (
            b.P("NAME", pt.given), b.date(ad, b.c(["fr", "eu"])), b.U("https://visio.%s.example/salle/%s" % (b.c(TENANTS), b.P("MRN", pt.mrn, "url")))))
    return "%s notify-dispatcher email template %s render error: %s\n%s" % (
        b.logts(), b.K("rappel_rdv_fr_v2", "template"), b.K("MissingVariable: clinic.phone", "error"), txt)


@T
def msg_pt(b):
    old = b.p(0.3)
    pt, cl = b.pt(old=old), b.clin()
    ad = b.appt_date()
    txt = b.alt(
        lambda: "Olá %s! Lembrete: sua consulta é %s às %s com Dra. %s. Responda SIM para confirmar ou ligue %s." % (
            b.P("NAME", pt.given), b.date(ad, b.c(["pt", "pt_wd"])), fmt_time(b.r, b.ri(8, 18), b.c([0, 30]), "pt"), b.P("NAME", cl.surname), b.P("PHONE", gen_phone_br(b.r))),
        lambda: "Prezado(a) %s, identificamos o pagamento do cartão %s recusado em %s." % (
            b.name(pt, "full"), b.P("ACCOUNT", gen_card(b.r)), b.date(ad, "pt")),
        lambda: "Paciente %s, %s anos, CEP %s, telefone %s - cadastro incompleto." % (
            b.name(pt, "full"), b.age90(words=b.p(0.4), lang="pt") if old else str(b.ri(18, 85)), b.P("ZIP", pt.zip), b.P("PHONE", gen_phone_br(b.r))))
    return "%s notify-dispatcher WhatsApp template %s rejected by provider (%s): %s" % (
        b.iso(), b.K("lembrete_consulta_pt", "template"), b.K("131026", "error_code"), txt)


@T
def voicemail_transcript(b):
    pt = b.pt()
    ad = b.appt_date()
    txt = b.alt(
        lambda: "hi this is %s um calling about my appointment on %s I need to move it my number is %s thanks" % (
            b.name(pt, "lower"), b.date(ad, b.c(["mon_d", "ordinal", "wd_mon_d"])), b.phone(pt, b.c(["space", "dash"]))),
        lambda: "hello it's %s's mother %s, %s won't be able to come %s, call me back at %s" % (
            b.P("NAME", pt.given), b.name(b.pt(), "full"), b.P("NAME", pt.given), b.c(["tomorrow", "on friday", "this week"]), b.phone(b.pt(), "dash")),
        lambda: "yes hi my date of birth is %s, %s, I got a bill for %s dollars that I don't understand" % (
            b.dob(pt, b.c(["mon_d_y", "us"])), b.name(pt, "lower"), b.K(str(b.ri(40, 900)), "amount")))
    return ("%s twilio transcription callback: TranscriptionStatus=completed RecordingSid=%s CallSid=%s confidence=%s\nTranscriptionText: %s") % (
        b.logts(), b.hexid(32, "RE", "recording_sid"), b.hexid(32, "CA", "call_sid"), b.K("0.%d" % b.ri(50, 98), "score"), txt)


# ======================================================================================
# Templates: vehicles and devices
# ======================================================================================

@T
def interlock_report(b):
    pt = b.pt()
    d = OrderedDict([("vendor", b.K(b.c(["SafeStart", "ClearBreath", "InterlockOne"]), "vendor")), ("report_type", "monthly_compliance"),
                     ("client", OrderedDict([("name", b.name(pt, b.c(["full", "LF"]))), ("dl_number", b.P("LICENSE", gen_dl(b.r))),
                                             ("dob", b.dob(pt, b.c(["us", "iso"])))])),
                     ("device_serial", b.P("DEVICE", "IID-" + gen_serial(b.r))),
                     ("vehicle", OrderedDict([("vin", b.P("VEHICLE", gen_vin(b.r))), ("plate", b.P("VEHICLE", gen_plate(b.r))), ("state", pt.state)])),
                     ("violations", int(b.count(0, 4))), ("program", b.K("SUD-IOP", "program"))])
    return "intake-forms-api: court-program report could not be linked to a referral (%s)\n%s" % (b.K("NO_MATCHING_REFERRAL", "error_code"), J(d, indent=2))


@T
def parking_permit(b):
    pt = b.pt()
    ad = b.appt_date()
    return ("%s parking-webhook %s permit_create failed: %s\n  name=\"%s\" plate=%s state=%s vehicle=\"%s %s\" vin=%s\n  visit=%s %s phone=%s") % (
        b.iso(), b.K("ERROR", "level"), b.K(b.c(["PLATE_ALREADY_ACTIVE", "LOT_FULL", "INVALID_STATE"]), "error_code"),
        b.name(pt), b.P("VEHICLE", gen_plate(b.r), "kv"), pt.state, b.c(["Toyota", "Honda", "Subaru", "Ford"]), b.c(["Camry", "Civic", "Outback", "F-150"]),
        b.P("VEHICLE", gen_vin(b.r), "kv") if b.p(0.6) else "null", b.date(ad, b.c(["iso", "us"]), "kv"), fmt_time(b.r, b.ri(8, 18), b.c([0, 30])).replace(" ", ""),
        b.phone(pt, b.c(["e164", "dash"]), "kv"))


@T
def rpm_device_sync(b):
    pt = b.pt()
    d = OrderedDict([("integration", b.K(b.c(["sleep-tracker-sync", "wearable-hr-sync", "cpap-compliance"]), "integration")),
                     ("error", b.K(b.c(["DEVICE_NOT_PAIRED", "TOKEN_EXPIRED", "SERIAL_MISMATCH"]), "error_code")),
                     ("patient", OrderedDict([("mrn", b.P("MRN", pt.mrn)), ("name", b.name(pt, "full"))])),
                     ("device", OrderedDict([("model", b.K(b.c(["Watch Series 9", "Charge 6", "AirSense 11"]), "model")),
                                             ("serial", b.P("DEVICE", gen_serial(b.r))), ("bt_mac", b.P("DEVICE", gen_mac(b.r))),
                                             ("firmware", b.ver())])),
                     ("last_sync", b.iso(b.later(-b.ri(3600, 90000)), ms=False))])
    return J(d)



# ======================================================================================
# Templates: more sources (paging, fax, MDM, EDI requests, address APIs, telephony, HL7)
# ======================================================================================

@T
def wellness_call_job(b):
    lines = ["%s [cron] %s: %s clients flagged (age >= 90 or lives alone), %s calls scheduled, %s failed" % (
        b.iso(ms=False), b.K("wellness-calls", "job"), b.count(3, 40), b.count(3, 40), b.count(1, 6))]
    for _ in range(b.ri(2, 4)):
        pt = b.pt(old=True)
        lines.append(b.alt(
            lambda: "  FAIL %s, age %s, %s: %s" % (b.name(pt, b.c(["lf", "full"])), b.age90(), b.phone(pt), b.K(b.c(["NO_ANSWER", "BUSY", "VOICEMAIL_FULL"]), "error_code")),
            lambda: "  FAIL %s (%s years old) - no phone on file, address %s" % (b.name(pt, "full"), b.age90(words=b.p(0.5)), b.addr_block(pt)),
            lambda: "  FAIL client %s, %s-year-old, caregiver %s did not confirm" % (b.P("MRN", pt.mrn), b.age90(words=b.p(0.4)), b.name(b.pt(), "full")),
            lambda: "  FAIL %s aged %s, dob %s: %s" % (b.name(pt, "ilast"), b.age90(p=pt), b.dob(pt, "us"), b.K("DNC_LIST", "error_code"))))
    return "\n".join(lines)


@T
def pagerduty_incident(b):
    pt = b.pt(old=b.p(0.3))
    det = OrderedDict([("alertname", b.K(b.c(["CrisisLineCallbackMissed", "SafetyPlanSyncFailed", "HighRiskFlagNotDelivered"]), "alert")),
                       ("patient", b.name(pt)), ("callback", b.phone(pt))])
    if b.p(0.5):
        det["note"] = b.alt(lambda: "client is %s, lives alone" % b.age90(words=b.p(0.5)) if pt.dob.year < 1936 else "client flagged high risk at last visit",
                            lambda: "last seen %s by on-call" % b.date(b.now.date() - timedelta(days=b.ri(1, 20)), b.c(["md", "mon_d", "us"])))
    d = OrderedDict([("event", OrderedDict([("id", b.b62(26, kind="event_id")), ("event_type", "incident.triggered"),
                                            ("occurred_at", b.iso()), ("data", OrderedDict([
                                                ("id", b.K("Q" + "".join(b.c("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(13)), "incident")),
                                                ("title", "[%s] %s" % (b.K("P1", "priority"), det["alertname"])),
                                                ("service", {"summary": b.svc()}), ("urgency", "high"),
                                                ("body", {"details": det})]))]))])
    return J(d)


@T
def phaxio_fax_status(b):
    cl = b.clin()
    pt = b.pt()
    d = OrderedDict([("success", False), ("message", b.c(["Fax failed: no answer", "Fax failed: busy", "Fax failed: invalid number"])),
                     ("data", OrderedDict([("id", int(b.K(str(b.ri(100000000, 999999999)), "fax_id"))), ("direction", "sent"),
                                           ("num_pages", int(b.count(1, 30))), ("status", "failure"),
                                           ("recipients", [OrderedDict([("phone_number", b.fax(cl.fax, b.c(["e164", "plain"]))), ("status", "failure"),
                                                                        ("error_type", b.K(b.c(["lineError", "faxError", "documentConversionError"]), "error_code")),
                                                                        ("error_id", int(b.K(str(b.c([34, 52, 126, 5])), "code")))])]),
                                           ("tags", OrderedDict([("document", b.K(b.c(["treatment_summary", "referral_response", "records_release"]), "document")),
                                                                 ("patient", b.alt(lambda: b.name(pt), lambda: b.P("MRN", pt.mrn))),
                                                                 ("to_provider", "Dr. " + b.P("NAME", cl.surname))]))]))])
    alt = b.alt(lambda: "fallback fax %s also failed" % b.fax(b.clin().fax), lambda: "no fallback configured")
    return "%s fax-gateway: %s\n%s" % (b.logts(), alt, J(d))


@T
def loaner_tablet_mdm(b):
    pt = b.pt()
    ev = OrderedDict([("event", b.K(b.c(["DeviceOffline", "DeviceLocationChanged", "EnrollmentFailed"]), "event")),
                      ("device", OrderedDict([("serial", b.P("DEVICE", gen_serial(b.r))), ("imei", b.P("DEVICE", gen_imei(b.r))),
                                              ("model", b.K(b.c(["iPad (9th generation)", "Galaxy Tab A8", "Lenovo Tab M10"]), "model")),
                                              ("os", b.ver(""))])),
                      ("assigned_to", OrderedDict([("name", b.name(pt, "full")), ("program", b.K(b.c(["telehealth-loaner", "rural-access"]), "program")),
                                                   ("ship_to", b.addr_block(pt))])),
                      ("last_seen_ip", b.pub_ip()), ("timestamp", b.iso())])
    return "mdm-webhook %s: loaner tablet event could not be posted to ticketing\n%s" % (b.K("WARN", "level"), J(ev, indent=2))


@T
def x12_270_request(b):
    pt = b.pt()
    sub = b.pt()
    segs = ["ST*270*%s*005010X279A1~" % b.K("%04d" % b.ri(1, 9999), "x12_control"),
            "BHT*0022*13*%s*%s*%s~" % (b.K(b.hexs(12).upper(), "x12_control"), b.now.strftime("%Y%m%d"), b.now.strftime("%H%M")),
            "NM1*IL*1*%s*%s****MI*%s~" % (_x12name(b, sub, "last"), _x12name(b, sub, "first"), b.P("HEALTH_PLAN", sub.member, "x12")),
            "REF*SY*%s~" % b.P("SSN", gen_ssn(b.r, "plain"), "x12"),
            "DMG*D8*%s~" % b.dob(sub, "hl7", "x12"),
            "NM1*03*1*%s*%s~" % (_x12name(b, pt, "last"), _x12name(b, pt, "first")),
            "DMG*D8*%s~" % b.dob(pt, "hl7", "x12"),
            "DTP*291*D8*%s~" % b.date(b.appt_date(), "hl7", "x12"),
            "EQ*%s~" % b.K(b.c(["MH", "30", "A6", "CF"]), "service_type")]
    return "eligibility-gateway: outbound 270 timed out after %s ms (%s), request kept for replay:\n%s" % (
        b.count(10000, 60000), b.payer(), "\n".join(segs))


@T
def address_verify_api(b):
    pt = b.pt()
    if b.p(0.35):
        d = OrderedDict([("input_id", b.uuid("input_id")), ("freeform", b.addr_block(pt)), ("candidates", 0)])
    else:
        d = OrderedDict([("input_id", b.uuid("input_id")), ("street", b.P("ADDRESS", pt.street)), ("city", b.P("CITY", pt.city)),
                         ("state", pt.state), ("zipcode", b.zip(pt)), ("candidates", 0)])
    return ("%s %s address verification failed for client record %s: provider returned %s (%s)\nrequest=%s") % (
        b.logts(), b.svc(), b.K(str(b.ri(1000, 999999)), "db_id"), b.K(b.c(["422", "200 (0 candidates)", "402"]), "status"),
        b.c(["no match", "PO boxes not deliverable by carrier", "subscription quota exceeded"]), J(d))


@T
def call_log_export(b):
    rows = ["Time,Direction,From,Caller ID Name,To,Result,Duration"]
    for i in range(b.ri(2, 4)):
        pt = b.pt()
        rows.append(",".join([
            b.K((b.later(-i * b.ri(60, 900))).strftime("%H:%M:%S"), "time"),
            b.c(["Inbound", "Missed", "Voicemail"]), b.phone(pt, b.c(["paren", "dash", "e164"]), "csv"),
            b.P("NAME", fold(pt.surname + " " + pt.given).upper()[:15].strip(), "csv"),
            b.K("Front Desk x%d" % b.ri(100, 299), "extension"), b.c(["Missed", "Voicemail", "Call connected"]),
            b.K("0:%02d:%02d" % (b.ri(0, 12), b.ri(0, 59)), "duration")]))
    return "ringcentral-export: call log for %s attached to ticket %s\n%s" % (
        b.K(b.c(TENANTS), "tenant"), b.K("#%d" % b.ri(10000, 99999), "ticket"), "\n".join(rows))


@T
def mirth_channel_error(b):
    pt = b.pt()
    ec = b.pt()
    pid = "PID|1||%s^^^SBH^MR||%s^%s^%s||%s|%s|||%s^^%s^%s^%s||%s|||||%s" % (
        b.P("MRN", pt.mrn, "x12"), b.P("NAME", fold(pt.surname).upper(), "x12"), b.P("NAME", fold(pt.given).upper(), "x12"), pt.mi,
        b.dob(pt, "hl7", "x12"), b.c("FMU"), b.P("ADDRESS", fold(pt.street).upper(), "x12"), b.P("CITY", fold(pt.city).upper(), "x12"), pt.state,
        b.P("ZIP", pt.zip, "x12"), b.phone(pt, "paren", "x12"),
        b.P("ACCOUNT", pt.acct, "x12"))
    nk1 = "NK1|1|%s^%s|%s|||%s" % (b.P("NAME", fold(ec.surname).upper(), "x12"), b.P("NAME", fold(ec.given).upper(), "x12"),
                                  b.c(["MTH^Mother", "SPO^Spouse", "CHD^Child"]), b.phone(ec, "paren", "x12"))
    msh = "MSH|^~\\&|%s|%s|MHP|SBH|%s||ADT^A08|%s|P|2.5.1" % (b.K("EPIC", "system"), b.K("MERCY_ED", "facility"), b.now.strftime("%Y%m%d%H%M%S"), b.K("%d" % b.ri(100000, 9999999), "message_control_id"))
    return "[%s] ERROR (com.mirth.connect.server.channel) channel %s: %s\n%s\n%s\n%s" % (
        b.logts(), b.K(b.c(["ADT-inbound-ED", "referral-adt"]), "channel"), b.c(["Transformer error: PID-11 too long", "Destination 'chart-sync' rejected message"]), msh, pid, nk1)



@T
def consult_census(b):
    fac = b.K(b.c(["Maple Court SNF", "Riverbend Assisted Living", "Linden House Memory Care"]), "facility")
    lines = ["geri-psych consult list %s (%s) - sync to scheduler failed: %s" % (
        fac, b.K(b.now.strftime("%Y-%m-%d %H:%M:%S"), "timestamp"), b.K(b.c(["409 slot conflict", "timeout", "unknown clinician"]), "error"))]
    for i in range(b.ri(2, 4)):
        pt = b.pt(old=b.p(0.6))
        age = b.age_of(pt, "text")
        lines.append("Rm %s%s: %s, %s %s, %s, %s" % (
            b.ri(100, 350), b.c(["", "A", "B"]), b.name(pt, b.c(["ilast", "lf", "full"])), age,
            b.c(["y/o", "yo", "year old"]), b.c(["F", "M"]), b.alt(lambda: "f/u %s, %s" % (b.icd(), b.drug()),
                                                              lambda: "new consult, dob %s" % b.dob(pt, b.c(["us", "us_2y"])),
                                                              lambda: "daughter %s POA, %s" % (b.name(b.pt(), "full"), b.phone(b.pt())))))
    return "\n".join(lines)


# ======================================================================================
# VALIDATION (shared by generation and --check)
# ======================================================================================

REDACT = "\u2588"


def _bpat(v):
    return S._boundary_pattern(v)


def spans(value, text):
    return [m.span() for m in re.finditer(_bpat(value), text)]


def redact(text, values):
    for v in sorted(set(values), key=lambda x: (-len(x), x)):
        text = re.sub(_bpat(v), REDACT, text)
    return text


def _pool_parts():
    parts = set()
    for n in GIVEN + SURNAMES:
        for p in S.name_parts(n):
            f = fold(p).lower()
            if f not in PARTICLES:
                parts.add(f)
    return parts


POOL_PARTS = _pool_parts()
POOL_PHRASES = sorted({fold(x).lower() for x in CITIES + STREET_CORES + STREET_PREFIXED + SHIPS},
                      key=lambda x: (-len(x), x))
_W = r"[^\W\d_]"
RX_POOL_PHRASES = [(p, re.compile(r"(?<!" + _W + r")" + re.escape(p) + r"(?!" + _W + r")"))
                   for p in POOL_PHRASES]

SYSTEM_EMAIL_LOCAL = {"noreply", "no-reply", "billing", "support", "alerts", "ops", "intake",
                      "frontdesk", "scheduling", "postmaster", "mailer-daemon", "bounces", "help",
                      "notifications", "records", "fax", "referrals", "reports", "do-not-reply",
                      "reminders", "hello", "esign", "security", "oncall", "care"}
RX_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
RX_IPV4 = re.compile(r"(?<![\w.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\w.])")
RX_IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){2,7}(?::|[0-9A-Fa-f]{1,4})(?![\w:])")
_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
        r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
SCANS = [
    ("ssn", re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")),
    ("phone", re.compile(r"(?<![\w+])(?:\+?1[-. ]?)?\(?[2-9]\d{2}\)?[-. ]?[2-9]\d{2}[-. ]\d{4}(?![\d-])")),
    ("phone", re.compile(r"(?<![\w+])\+?1?[2-9]\d{2}[2-9]\d{6}(?!\d)")),
    ("date", re.compile(r"(?<![\w/])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?:/\d{2,4})?(?![\w/])")),
    ("date", re.compile(r"(?<![\w.-])\d{1,2}[-.]\d{1,2}[-.](?:19|20)\d{2}(?![\w.-])")),
    ("date", re.compile(r"(?<![\w-])(?:19|20)\d{2}[-/]\d{2}[-/]\d{2}(?!\w)(?!,?\s\d{2}:\d{2}:\d{2})")),
    ("date", re.compile(r"(?<!\w)" + _MON + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?(?![\w:])(?!\s+\d{1,2}:\d{2}:\d{2})")),
    ("date", re.compile(r"(?<!\w)\d{1,2}[ -]" + _MON + r"[a-z]*[ ,-]+(?:19|20)\d{2}")),
    ("date", re.compile(r"(?<!\w)\d{2}(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\d{4}")),
    ("date", re.compile(r"(?<![^\W_])(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![^\W_])(?!\*\d{4})")),
    ("date", re.compile(r"(?i)(?<!\w)\d{1,2}(?:er)?\s+(?:de\s+)?(?:" + "|".join(MOIS + MESES + MESES_PT) + r")(?!\w)")),
    ("date", re.compile(r"(?i)(?<!\w)(?:" + "|".join(JOURS + DIAS + DIAS_PT) + r"),?\s+\d{1,2}(?!\w)")),
    ("age", re.compile(r"(?i)(?<![\w.])(?:9\d|1[01]\d)\s*-?\s*(?:years?|yrs?|yo|y/o|y\.o\.|ans|años|anos)(?!\w)")),
    ("age", re.compile(r"(?i)(?<!\w)(?:ninety|one hundred|a hundred|noventa|cien|cem|quatre-vingt-(?:dix|onze|douze|treize|quatorze|quinze|seize))(?!\w)")),
    ("age", re.compile(r"(?i)\bage[\"']?\s*[:=]\s*[\"']?(?:9\d|1[01]\d)\b")),
    ("cue", re.compile(r"(?i)\b(?:mrn|ssn|dob|npi|dea|member[ _-]?id|subscriber[ _-]?id|policy[ _-]?(?:no|number|id)|"
                       r"mbi|vin|imei|license[ _-]?(?:no|number|plate))\b[\"']?\s*[:=#]?\s*[\"']?\s*[A-Z]{0,3}\d")),
]


def scan_unlabelled(red, versions=()):
    """Look for PHI-like material left after removing every labelled value."""
    errs = []
    for v in sorted(versions, key=len, reverse=True):
        red = red.replace(v, "\u2591")
    low = fold(red).lower()
    words = set(re.findall(_W + "+", low))
    for w in sorted(words & POOL_PARTS):
        errs.append("unlabelled name part %r" % w)
    for p, rx in RX_POOL_PHRASES:
        if p in low and rx.search(low):
            errs.append("unlabelled place %r" % p)
    for m in RX_EMAIL.finditer(red):
        local = m.group(0).split("@")[0].lower()
        if local not in SYSTEM_EMAIL_LOCAL and not re.fullmatch(r"[0-9a-f]{16,}", local):
            errs.append("unlabelled email %r" % m.group(0))
    for m in RX_IPV4.finditer(red):
        o = [int(x) for x in m.groups()]
        if max(o) > 255:
            continue
        if o[0] == 10 or (o[0] == 172 and 16 <= o[1] <= 31) or o == [127, 0, 0, 1] or o == [0, 0, 0, 0]:
            continue
        errs.append("unlabelled public IP %r" % m.group(0))
    for m in RX_IPV6.finditer(red):
        if "::" in m.group(0) or m.group(0).count(":") >= 5:
            errs.append("unlabelled IPv6/MAC %r" % m.group(0))
    for what, rx in SCANS:
        for m in rx.finditer(red):
            errs.append("unlabelled %s-like %r" % (what, m.group(0)))
    return errs


def check_digit_problem(value, kind):
    """Return (label, ok) when the kind implies a check digit / validity rule, else None."""
    d = digits_of(value)
    if kind == "SSN":
        return "SSN", ssn_ok(value)
    if kind == "LICENSE" and re.fullmatch(r"\d{10}", value):
        return "NPI", npi_ok(value)
    if kind == "LICENSE" and re.fullmatch(r"[A-Z][A-Z9]\d{7}", value):
        return "DEA", dea_ok(value)
    if kind == "VEHICLE" and len(value) == 17 and value.isalnum():
        return "VIN", vin_ok(value)
    if kind == "DEVICE" and re.fullmatch(r"[\d -]+", value) and len(d) == 15:
        return "IMEI", luhn_ok(d)
    if kind == "ACCOUNT" and re.fullmatch(r"[\d -]+", value) and len(d) in (15, 16):
        return "card", luhn_ok(d)
    return None


def validate_record(rec):
    errs = []
    text = rec["text"]
    phi = rec["phi"]
    vals = [p["value"] for p in phi]
    seen = {}
    for p in phi:
        v, k = p["value"], p["kind"]
        if k not in KINDS:
            errs.append("bad kind %r" % k)
        if v in seen and seen[v] != k:
            errs.append("value %r labelled as %s and %s" % (v, seen[v], k))
        seen[v] = k
        if not S.occurs(v, text):
            errs.append("phi %r (%s) does not occur" % (v, k))
        if k == "NAME" and not S.name_parts(v):
            errs.append("NAME %r has no scored part" % v)
        cd = check_digit_problem(v, k)
        if cd and not cd[1]:
            errs.append("%s %r fails its check" % (cd[0], v))
    if len(rec["keep"]) != len(rec["keep_kinds"]):
        errs.append("keep/keep_kinds length mismatch")
    phi_spans = [(a, b_, v) for v in vals for a, b_ in spans(v, text)]
    for tok in rec["keep"]:
        if not S.occurs(tok, text):
            errs.append("keep %r does not occur" % tok)
            continue
        for v, k in seen.items():
            if S.occurs(v, tok) or (len(v) >= 4 and v.lower() in tok.lower()):
                errs.append("keep %r contains phi %r" % (tok, v))
            vd = digits_of(v)
            if len(vd) >= 6 and vd in digits_of(tok):
                errs.append("keep %r holds digits of phi %r" % (tok, v))
        for a, b_ in spans(tok, text):
            for pa, pb, v in phi_spans:
                if a < pb and pa < b_:
                    errs.append("keep %r overlaps phi %r" % (tok, v))
    red = redact(text, vals)
    for p in phi:
        why = S.leak_reason(p["value"], p["kind"], red)
        if why:
            errs.append("phi %r (%s) still leaks after removing all labels: %s" % (p["value"], p["kind"], why))
    for tok in rec["keep"]:
        if S.occurs(tok, text) and not S.occurs(tok, red):
            errs.append("keep %r destroyed by removing labels" % tok)
    errs += scan_unlabelled(red, [t for t, k in zip(rec["keep"], rec["keep_kinds"]) if k == "version"])
    # dedupe while keeping order
    return list(OrderedDict.fromkeys(errs))


# ======================================================================================
# Generation, checking, CLI
# ======================================================================================

def assemble(i, name, text, b):
    phi, seen = [], set()
    for v, k in b.phi:
        if (v, k) not in seen:
            seen.add((v, k))
            phi.append({"value": v, "kind": k})
    keep, kk, seen_k = [], [], set()
    for v, k in b.keep:
        if v not in seen_k:
            seen_k.add(v)
            keep.append(v)
            kk.append(k)
    return OrderedDict([("id", "%s-%05d" % (FAMILY, i)), ("family", FAMILY), ("template", name),
                        ("text", text), ("phi", phi), ("keep", keep), ("keep_kinds", kk)])


def build_corpus(verbose=False):
    rng = random.Random(SEED)
    nt = len(TEMPLATES)
    order = [i % nt for i in range(N_RECORDS)]
    rng.shuffle(order)
    clean = set(rng.sample(range(N_RECORDS), N_CLEAN))
    recs, retries = [], Counter()
    for i in range(N_RECORDS):
        name, fn = TEMPLATES[order[i]]
        last = None
        for _attempt in range(400):
            b = Rec(rng, i in clean)
            try:
                text = fn(b)
            except Retry as e:
                last = [str(e)]
                retries[name] += 1
                continue
            rec = assemble(i, name, text, b)
            errs = validate_record(rec)
            if (i in clean) and rec["phi"]:
                errs.append("clean record has labels")
            if not errs:
                break
            last = errs
            retries[name] += 1
            if verbose:
                print("retry %s: %s" % (name, errs[:4]), file=sys.stderr)
        else:
            raise SystemExit("record %d (%s): cannot satisfy checks: %s" % (i, name, last[:8]))
        recs.append(rec)
    return recs, retries


def dump(recs):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


def summarize(recs):
    kinds = Counter(p["kind"] for r in recs for p in r["phi"])
    keepk = Counter(k for r in recs for k in r["keep_kinds"])
    cds = Counter()
    for r in recs:
        for p in r["phi"]:
            cd = check_digit_problem(p["value"], p["kind"])
            if cd:
                cds[cd[0]] += 1
    tmpl = Counter(r["template"] for r in recs)
    clean = sum(1 for r in recs if not r["phi"])
    print("records: %d  (no-PHI: %d = %.1f%%)" % (len(recs), clean, 100.0 * clean / max(1, len(recs))))
    print("templates: %d  (records per template %d..%d)" % (len(tmpl), min(tmpl.values()), max(tmpl.values())))
    print("phi values: %d" % sum(kinds.values()))
    for k in KINDS:
        print("  %-12s %5d" % (k, kinds.get(k, 0)))
    print("keep tokens: %d in %d keep kinds" % (sum(keepk.values()), len(keepk)))
    print("check-digit/validity verified: " + ", ".join("%s=%d" % kv for kv in sorted(cds.items())))
    return kinds, tmpl, clean


def check_file(path):
    problems = []
    recs = []
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                recs.append(json.loads(line))
            except ValueError as e:
                problems.append("line %d: bad JSON: %s" % (ln, e))
    ids = set()
    for n, r in enumerate(recs):
        rid = r.get("id")
        if list(r.keys()) != ["id", "family", "template", "text", "phi", "keep", "keep_kinds"]:
            problems.append("%s: unexpected keys %s" % (rid, list(r.keys())))
            continue
        if rid != "%s-%05d" % (FAMILY, n) or rid in ids:
            problems.append("%s: bad or duplicate id" % rid)
        ids.add(rid)
        if r["family"] != FAMILY:
            problems.append("%s: family %r" % (rid, r["family"]))
        if not all(isinstance(p, dict) and set(p) == {"value", "kind"} for p in r["phi"]):
            problems.append("%s: malformed phi list" % rid)
            continue
        for e in validate_record(r):
            problems.append("%s [%s]: %s" % (rid, r["template"], e))
    kinds, tmpl, clean = summarize(recs)
    if len(recs) != N_RECORDS:
        problems.append("expected %d records, found %d" % (N_RECORDS, len(recs)))
    if not (0.18 <= clean / max(1, len(recs)) <= 0.22):
        problems.append("no-PHI share %.3f outside 0.18..0.22" % (clean / max(1, len(recs))))
    if len(tmpl) < 70:
        problems.append("only %d templates" % len(tmpl))
    for k in KINDS:
        if not kinds.get(k):
            problems.append("kind %s never used" % k)
    regen, _ = build_corpus()
    same = dump(regen) == open(path, encoding="utf-8").read()
    print("deterministic regeneration matches file: %s" % ("yes" if same else "NO"))
    if not same:
        problems.append("file differs from deterministic regeneration")
    for p in problems[:200]:
        print("PROBLEM " + p)
    print("check: %s (%d problems)" % ("PASS" if not problems else "FAIL", len(problems)))
    return 0 if not problems else 1


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="verify the written corpus and print counts")
    ap.add_argument("--out", default=str(OUT_PATH), help="corpus path (default: %(default)s)")
    ap.add_argument("--verbose", action="store_true", help="print every rejected draft")
    args = ap.parse_args(argv)
    if args.check:
        return check_file(Path(args.out))
    recs, retries = build_corpus(args.verbose)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(dump(recs))
    print("wrote %s" % args.out)
    summarize(recs)
    if retries:
        print("redrawn drafts per template: " + ", ".join("%s=%d" % kv for kv in retries.most_common(12)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
