#!/usr/bin/env python3
"""Blind PHI evaluation corpus #9 for the alert relay's scrubber.

Writes phi_blind9.jsonl (next to this file): 600 synthetic alert texts of a
mental-health practice-management platform -- application exceptions and
tracebacks, structured/unstructured logs and integration errors, and
human-written text (tickets, chat, notes, SMS, voicemail, incidents; some in
Spanish) -- labelled per /work/shared/phi/README.md.

All people, addresses, cities, ZIPs and identifiers are invented. NPI, DEA,
VIN, IMEI and card numbers carry valid check digits; SSNs obey the validity
rules (area 001-899 except 666, group 01-99, serial 0001-9999).

Usage:
    python make_phi_blind9.py            write phi_blind9.jsonl
    python make_phi_blind9.py --stdout   write the corpus to stdout
    python make_phi_blind9.py --check    verify the written file

Standard library only; every record uses its own random.Random seeded from a
fixed string, so the output is byte-for-byte deterministic.
"""
import datetime as dt
import html
import json
import os
import re
import random
import sys
import unicodedata
from urllib.parse import quote, quote_plus

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "phi_blind9.jsonl")
SEED = "blind9-2025-mh-relay"
FAMILY = "blind9"
N_RECORDS = 600
N_CLEAN = 120

KINDS = ["NAME", "ADDRESS", "CITY", "ZIP", "DATE", "PHONE", "FAX", "EMAIL", "SSN",
         "MRN", "HEALTH_PLAN", "ACCOUNT", "LICENSE", "VEHICLE", "DEVICE", "URL",
         "IP", "OTHER_ID", "AGE_OVER_89"]
MIN_COUNT = {k: 30 for k in KINDS}
MIN_COUNT.update({"AGE_OVER_89": 20, "VEHICLE": 20, "FAX": 20})

# --------------------------------------------------------------------------
# Invented pools
# --------------------------------------------------------------------------
FIRST_F = ["Adaeze", "Amara", "Abena", "Meseret", "Fatuma", "Guadalupe", "Xiomara", "Yesenia",
           "Maricruz", "Itzel", "Maite", "Nayeli", "Huong", "Quynh", "Seo-yeon", "Aiko", "Keiko",
           "Xiuying", "Mei-ling", "Priyanka", "Lakshmi", "Nasrin", "Leila", "Rania", "Siobhan",
           "Niamh", "Bronwyn", "Ingrid", "Zoë", "Anaïs", "Oksana", "Marzena", "Ileana", "Malia",
           "Tallulah", "Marisol", "Beatriz", "Joana", "Eleni", "Elif", "Ayşe", "Delphine",
           "Teodora", "Rosalind", "Kalinda", "Noor", "Yaretzi", "Solveig", "Ngozi", "Chiamaka",
           "Thandiwe", "Esperanza", "Catalina", "Ximena", "Dagny", "Paloma", "Renata", "Odalys"]
FIRST_M = ["Oluwaseun", "Chidi", "Kwame", "Yohannes", "Tesfaye", "Joaquín", "Rodrigo", "Esteban",
           "Thanh", "Minh", "Bao", "Jae-won", "Min-jun", "Haruto", "Zhiwei", "Arjun", "Venkat",
           "Farhan", "Yusuf", "Omar", "Tariq", "Declan", "Ciarán", "Björn", "Søren", "Dmitri",
           "Bogdan", "Wojciech", "Radu", "Keoni", "Sione", "Tavita", "Thiago", "Gustavo", "Nikos",
           "Stavros", "Emre", "Gökhan", "Rafferty", "Ignatius", "Lorcan", "Anselm", "Matías",
           "Ezequiel", "Kofi", "Babajide", "Lucien", "Ravi", "Hamid", "Dariusz", "Tomasz",
           "Florin", "Kenji", "Hiroshi", "Vikram", "Mateus", "Benedikt", "Osvaldo"]
OLD_F = ["Mabel", "Odessa", "Mavis", "Lorraine", "Marguerite", "Eudora", "Henrietta", "Ottilie",
         "Philomena", "Beulah", "Wilhelmina", "Concepción", "Imelda", "Ethelyn", "Zofia"]
OLD_M = ["Eugene", "Cornelius", "Wendell", "Thaddeus", "Ambrose", "Clement", "Lemuel", "Horace",
         "Virgil", "Alphonse", "Casimir", "Evaristo", "Ignacio", "Rudolph", "Anatol"]
NICK = {"Guadalupe": "Lupita", "Oluwaseun": "Seun", "Thaddeus": "Tad", "Eugene": "Gene",
        "Cornelius": "Neil", "Marguerite": "Maggie", "Wilhelmina": "Billie",
        "Henrietta": "Etta", "Ignatius": "Iggy", "Rafferty": "Raff", "Esperanza": "Espe",
        "Concepción": "Conchita", "Joaquín": "Quino", "Ezequiel": "Zeke", "Babajide": "Jide",
        "Chiamaka": "Ama", "Dmitri": "Dima", "Wojciech": "Wojtek", "Teodora": "Teddy",
        "Rosalind": "Roz", "Ignacio": "Nacho", "Matías": "Mati", "Kalinda": "Kali",
        "Benedikt": "Bennie", "Osvaldo": "Valdo", "Tallulah": "Lulu", "Zofia": "Zosia",
        "Bronwyn": "Bron", "Stavros": "Stav", "Philomena": "Mena"}
LAST = ["Okonkwo-Bassey", "Adeyemi", "Mensah", "Gebremedhin", "Haile-Mariam", "Wanjiru",
        "Ramírez Ochoa", "Delgado-Ruiz", "de la Cruz", "Villaseñor", "Quintanilla", "Ybarra",
        "Zamudio", "Trương", "Phan", "Hoang", "Baek", "Choi-Lindgren", "Takahashi", "Moriyama",
        "Xu", "Zhao", "Liang", "Kuo", "Raghunathan", "Venkataraman", "Chatterjee",
        "Bhattacharya", "Siddiqui", "Qureshi", "Haddad", "Abu-Hamdan", "El-Sayed", "Farouk",
        "Karimi", "O'Rourke", "McAllister", "Fitzpatrick", "Lindqvist", "Sørensen",
        "Halvorsen", "Kowalczyk", "Wiśniewska", "Petrenko", "Ivanova-Marsh", "Popescu",
        "Dragomir", "Kahananui", "Fonoti", "Tuilagi", "Yellowhorse", "Begay", "Tsosie",
        "Oliveira Santos", "Carvalho", "Papadakis", "Konstantinou", "Yılmaz", "Öztürk",
        "van der Meer", "Van Houten", "Dupont-Lefebvre", "Beaumont", "Abernathy", "Pettigrew",
        "Whitlock", "Vandermolen", "Szabo", "Horvath", "Achterberg", "Quiñones",
        "Ferreira-Lopes", "St. Germain", "MacLeod", "Boateng", "Asante", "Nwosu",
        "Ní Bhriain", "Mwangi", "Oyelaran", "Castellanos Vidal", "Nakamura-Reyes",
        "Thorvaldsen", "Grünewald", "Lazarescu", "Achebe-Nolan", "Ruiz de Alarcón", "Kealoha",
        "Tamatea", "Ozkan", "Delacroix", "Anand", "Sandoval", "Ekwueme", "Lindahl", "Okafor",
        "Iwu", "Marchetti", "Brzezinski", "Gallardo", "Teixeira"]
CLIN_CRED = ["LCSW", "PsyD", "MD", "PMHNP", "LMFT", "LPC", "PhD", "LMHC"]
STREETS = ["Wren Hollow", "Osprey Ridge", "Kittredge", "Halvard", "Marigold", "Bellweather",
           "Quarry Bend", "Tolliver", "Sunnyslope", "Ashgrove", "Fennimore", "Larkspur",
           "Pemberton", "Juniper Terrace", "Old Mill", "Cottonwood Bend", "Saddlerock",
           "Briarcliff", "Thistledown", "Harrowgate", "Copperleaf", "Ravenswood", "Quillan",
           "Everly", "Mossbank", "Tamarind", "Pelham", "Dunraven", "Beechcroft", "Sorrel Creek",
           "Kinsale", "Alderbrook", "Wickham", "Yarrow", "Glenrock", "Stonegate", "Hollis",
           "Foxtail", "Brambleton", "Edgewater"]
SUFFIX = ["Rd", "Dr", "Ln", "St", "Ave", "Ct", "Blvd", "Way", "Pl", "Ter", "Cir", "Loop", "Pkwy",
          "Trl", "Road", "Street", "Avenue", "Drive", "Lane"]
CALLES = ["Calle Tamarindo", "Av. de los Almendros", "Camino del Roble", "Calle Jacarandas",
          "Privada Los Cedros", "Calle Río Nazas", "Av. Las Palmas", "Callejón del Sauce"]
CITIES = ["Cedar Hollow", "Port Adair", "Marrowfield", "Linden Cross", "San Feliz",
          "Alameda Vieja", "Kettering Bluff", "Brackwater", "New Solene", "Holloway Creek",
          "Orrinton", "Millbrook Falls", "East Tillery", "Quinnboro", "Harlow Springs",
          "Fairmont Ridge", "Calder Junction", "Westbury Flats", "Tamarack", "Vistamar",
          "Bellhaven", "Redfern", "Larchmont Park", "Silvercreek", "Dunmore Bay",
          "Alder Crossing", "Rio Quemado", "Santa Ofelia", "Pinecastle", "Norwalk Mills",
          "Glenavon", "Oakhurst Station", "Wexley", "Thornbury", "Las Palmitas", "Mesa Colorada",
          "Ridgeport", "Cobalt Springs", "Haverlin", "Stillwater Gap"]
STATES = ["OR", "WA", "CA", "NM", "AZ", "TX", "CO", "IL", "NY", "MA", "GA", "NC", "FL", "MN",
          "WI", "PA", "OH", "MI", "NV", "UT"]
AREA = ["503", "971", "360", "206", "541", "415", "510", "619", "505", "512", "713", "312",
        "617", "646", "718", "404", "919", "305", "612", "414", "215", "614", "313", "702",
        "801", "720", "480", "808", "907", "207", "458", "564", "628", "737"]
EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com",
                 "proton.me", "aol.com", "comcast.net", "att.net", "me.com", "live.com",
                 "ymail.com", "hotmail.es", "prodigy.net.mx"]
HANDLES = ["sunflowermama", "tacoma_runner", "gatito.azul", "blue.heron", "nightowl.reads",
           "copperkettle", "lavender.fields", "moonpie", "rainydaze", "kayak.dad", "sol.y.luna",
           "mariposa.roja", "quietriver", "thebaker.lady", "ferret.fan", "ukulele.joe",
           "cafe.con.pan", "salty.pretzel", "peregrine.j", "oddsock"]
CLINICS = ["Harborlight Counseling", "Sunridge Behavioral Health", "Clearwater Psychiatry Group",
           "Bluestem Family Therapy", "Alder & Vine Wellness", "Northgate Psychiatric Associates",
           "Centro de Salud Mental La Ceiba", "Tidepool Child & Family", "Kestrel Mind Clinic"]
PCP_OFFICES = ["Valley Pediatrics", "Riverside Family Medicine", "Summit Internal Medicine",
               "Copperline Primary Care", "Mesa Verde Community Clinic", "Westgate Family Practice"]
PAYERS = ["Aetna", "Cigna", "UnitedHealthcare", "Blue Shield of California", "Anthem Blue Cross",
          "Kaiser Permanente", "Humana", "Optum Behavioral Health", "Magellan Health",
          "Carelon Behavioral Health", "Medi-Cal", "Tricare West", "Molina Healthcare",
          "Oscar Health", "Ambetter", "Highmark BCBS", "Premera Blue Cross",
          "Regence BlueShield", "Oregon Health Plan", "MassHealth", "Medicare Part B"]
ICD = ["F32.1", "F33.2", "F41.1", "F43.10", "F43.12", "F90.0", "F31.81", "F42.2", "F50.01",
       "F10.20", "Z63.0", "F40.10", "F60.3", "G47.00", "F11.20", "F43.23", "F33.1", "F41.0",
       "F84.0", "F32.A"]
CPT = ["90791", "90792", "90832", "90834", "90837", "90846", "90847", "90853", "99213",
       "99214", "90839", "90840", "96127", "90785", "99404"]
DRUGS = ["sertraline 50 mg", "lithium carbonate 300 mg", "quetiapine 100 mg", "bupropion XL 150 mg",
         "lamotrigine 25 mg", "escitalopram 10 mg", "clonazepam 0.5 mg", "methylphenidate ER 36 mg",
         "buprenorphine-naloxone 8 mg-2 mg", "aripiprazole 5 mg", "hydroxyzine 25 mg",
         "mirtazapine 15 mg", "prazosin 1 mg", "lisdexamfetamine 30 mg"]
SERVICES = ["intake-api", "scheduling-api", "billing-worker", "erx-gateway", "hl7-bridge",
            "notify-svc", "telehealth-broker", "claims-export", "portal-web", "fax-relay",
            "eligibility-worker", "docs-ocr", "transport-svc", "payments-api"]
VIN_WMI = ["1HG", "2T1", "3FA", "5YJ", "JHM", "KNA", "1FT", "4T1", "WBA", "1G1", "5NP", "JTD",
           "1C4", "3VW", "KMH", "WDD"]
VIN_YEAR = "ABCDEFGHJKLMNPRSTVWXY123456789"
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
CAR_MODELS = ["2014 Honda Civic", "2019 Toyota Corolla", "2011 Ford Focus", "2017 Kia Soul",
              "2016 Nissan Altima", "2020 Hyundai Elantra", "2009 Chevy Malibu",
              "2015 Subaru Outback", "2018 Dodge Grand Caravan", "2012 VW Jetta"]

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
MON_EN = [m[:3] for m in MONTHS_EN]
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
         "septiembre", "octubre", "noviembre", "diciembre"]

# --------------------------------------------------------------------------
# Check digits
# --------------------------------------------------------------------------


def luhn_check_digit(payload):
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number):
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def npi_ok(npi):
    return bool(re.fullmatch(r"[12]\d{9}", npi)) and luhn_ok("80840" + npi)


def dea_check(digits6):
    d = [int(x) for x in digits6]
    return str((d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10)


def dea_ok(dea):
    m = re.fullmatch(r"[ABCDEFGHJKLMPRSTUX][A-Z9](\d{6})(\d)", dea)
    return bool(m) and dea_check(m.group(1)) == m.group(2)


_VIN_TR = dict(zip("ABCDEFGH", range(1, 9)))
_VIN_TR.update(dict(zip("JKLMN", range(1, 6))))
_VIN_TR.update({"P": 7, "R": 9})
_VIN_TR.update(dict(zip("STUVWXYZ", range(2, 10))))
_VIN_TR.update({str(i): i for i in range(10)})
_VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_check_char(vin17):
    s = sum(_VIN_TR[ch] * w for ch, w in zip(vin17, _VIN_W))
    r = s % 11
    return "X" if r == 10 else str(r)


def vin_ok(vin):
    return (bool(re.fullmatch(r"[A-HJ-NPR-Z0-9]{17}", vin))
            and vin_check_char(vin) == vin[8])


def ssn_ok(ssn):
    d = re.sub(r"\D", "", ssn)
    if len(d) != 9:
        return False
    a, g, s = int(d[:3]), int(d[3:5]), int(d[5:])
    return 1 <= a <= 899 and a != 666 and g != 0 and s != 0


def card_brand(digits):
    if re.fullmatch(r"4\d{15}", digits):
        return "visa"
    if re.fullmatch(r"5[1-5]\d{14}", digits) or (re.fullmatch(r"2\d{15}", digits) and 2221 <= int(digits[:4]) <= 2720):
        return "mastercard"
    if re.fullmatch(r"3[47]\d{13}", digits):
        return "amex"
    if re.fullmatch(r"6011\d{12}", digits):
        return "discover"
    return None


# --------------------------------------------------------------------------
# Scoring rules used while generating (self-contained, stricter than the
# scorer: no common-word exemption for name parts)
# --------------------------------------------------------------------------
_LET = r"[^\W\d_]"
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "jr", "sr", "ii", "iii", "iv", "md", "phd",
           "psyd", "lcsw", "lmhc", "rn", "np"}


def bpat(value):
    left = r"(?<![^\W_])" if value[:1].isalnum() else ""
    right = r"(?![^\W_])" if value[-1:].isalnum() else ""
    return left + re.escape(value) + right


def occurs(value, text):
    return bool(value) and value in text and re.search(bpat(value), text) is not None


def spans(value, text):
    return [(m.start(), m.end()) for m in re.finditer(bpat(value), text)]


def digits_of(s):
    return re.sub(r"[^0-9]", "", s)


def strict_name_parts(value):
    return [p for p in re.findall(_LET + "+", value) if len(p) >= 3 and p.lower() not in _TITLES]


def redact(text, phi):
    out = text
    for v in sorted({p["value"] for p in phi}, key=lambda s: (-len(s), s)):
        out = re.sub(bpat(v), "[REDACTED]", out)
    return out


def leaks(phi, out, strict=True):
    bad = []
    od = digits_of(out)
    for p in phi:
        v, k = p["value"], p["kind"]
        if occurs(v, out):
            bad.append((v, k, "verbatim"))
            continue
        vd = digits_of(v)
        if len(vd) >= 6 and vd in od:
            bad.append((v, k, "digits"))
            continue
        if k == "NAME":
            for part in strict_name_parts(v):
                if re.search(r"(?<!" + _LET + ")" + re.escape(part) + "(?!" + _LET + ")", out,
                             re.IGNORECASE):
                    bad.append((v, k, "name-part:" + part))
                    break
    return bad


def forms(v):
    out = [v]
    cands = [json.dumps(v)[1:-1], json.dumps(v, ensure_ascii=False)[1:-1],
             json.dumps(json.dumps(v)[1:-1])[1:-1],
             json.dumps(json.dumps(v, ensure_ascii=False)[1:-1], ensure_ascii=False)[1:-1],
             v.replace("'", "\\'"), v.replace("'", "''"), repr(v.encode("utf-8"))[2:-1],
             quote(v, safe=""), quote(v), quote_plus(v), html.escape(v),
             html.escape(v, quote=False)]
    for f in cands:
        if f and f not in out:
            out.append(f)
    return out


class Bad(Exception):
    pass


def validate_record(text, phi, keep, age_expected=None):
    """Raise Bad when the record is not cleanly labelled."""
    kinds_of = {}
    for p in phi:
        if not occurs(p["value"], text):
            raise Bad("phi not in text: %r" % p["value"])
        if kinds_of.setdefault(p["value"], p["kind"]) != p["kind"]:
            raise Bad("value under two kinds: %r" % p["value"])
    phi_spans = []
    for p in phi:
        phi_spans.extend(spans(p["value"], text))
    phi_vals = [p["value"] for p in phi]
    for k in keep:
        if not occurs(k, text):
            raise Bad("keep not in text: %r" % k)
        if k in phi_vals:
            raise Bad("keep equals phi: %r" % k)
        for a, b in spans(k, text):
            for c, d in phi_spans:
                if a < d and c < b:
                    raise Bad("keep %r overlaps phi %r" % (k, text[c:d]))
        for v in phi_vals:
            if occurs(v, k):
                raise Bad("phi %r inside keep %r" % (v, k))
    out = redact(text, phi)
    bad = leaks(phi, out)
    if bad:
        raise Bad("perfect scrub leaks: %r" % (bad,))
    for k in keep:
        if not occurs(k, out):
            raise Bad("keep lost by perfect scrub: %r" % k)
    if age_expected:
        for v, n in age_expected.items():
            if len(spans(v, text)) != n:
                raise Bad("age value %r occurs %d times, expected %d"
                          % (v, len(spans(v, text)), n))


# --------------------------------------------------------------------------
# Record context: random helpers plus PHI / keep bookkeeping
# --------------------------------------------------------------------------
_TRANS = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "ł": "l", "ß": "ss", "æ": "ae"})


def ascii_fold(s):
    s = s.translate(_TRANS)
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def slug(s):
    return re.sub(r"[^a-z0-9]+", "", ascii_fold(s).lower())


def js_str(s):
    """Node util.inspect-style quoting."""
    if "'" in s and '"' not in s:
        return '"%s"' % s
    return "'%s'" % s.replace("'", "\\'")


def rb_str(s):
    return json.dumps(s, ensure_ascii=False)


def php_str(s):
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


def sql_str(s):
    return "'" + s.replace("'", "''") + "'"


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "%d%s" % (n, suf)


def fd(d, s):
    m = d.month
    if s == "us":
        return "%02d/%02d/%d" % (m, d.day, d.year)
    if s == "us1":
        return "%d/%d/%d" % (m, d.day, d.year)
    if s == "us2":
        return "%d/%d/%02d" % (m, d.day, d.year % 100)
    if s == "usdash":
        return "%02d-%02d-%d" % (m, d.day, d.year)
    if s == "iso":
        return d.isoformat()
    if s == "written":
        return "%s %d, %d" % (MONTHS_EN[m - 1], d.day, d.year)
    if s == "dmy_written":
        return "%d %s %d" % (d.day, MONTHS_EN[m - 1], d.year)
    if s == "abbr":
        return "%s %d, %d" % (MON_EN[m - 1], d.day, d.year)
    if s == "abbr_dot":
        return "%s. %d, %d" % (MON_EN[m - 1], d.day, d.year)
    if s == "dmy_abbr":
        return "%02d-%s-%d" % (d.day, MON_EN[m - 1], d.year)
    if s == "upper":
        return "%02d%s%d" % (d.day, MON_EN[m - 1].upper(), d.year)
    if s == "hl7":
        return "%04d%02d%02d" % (d.year, m, d.day)
    if s == "md":
        return "%d/%d" % (m, d.day)
    if s == "md_written":
        return "%s %s" % (MONTHS_EN[m - 1], ordinal(d.day))
    if s == "md_abbr":
        return "%s %d" % (MON_EN[m - 1], d.day)
    if s == "es":
        return "%d de %s de %d" % (d.day, MESES[m - 1], d.year)
    if s == "es_md":
        return "%d de %s" % (d.day, MESES[m - 1])
    if s == "dmy":
        return "%02d/%02d/%d" % (d.day, m, d.year)
    if s == "dot":
        return "%02d.%02d.%d" % (d.day, m, d.year)
    if s == "pyargs":
        return "%d, %d, %d" % (d.year, m, d.day)
    if s == "apos":
        return "%s %d '%02d" % (MON_EN[m - 1], d.day, d.year % 100)
    raise ValueError(s)


class Person:
    def __init__(self, first, last, mid, nick):
        self.first, self.last, self.mid, self.nick = first, last, mid, nick


def nm(p, style):
    f, l, m = p.first, p.last, p.mid
    if style == "fl":
        return "%s %s" % (f, l)
    if style == "fml":
        return "%s %s. %s" % (f, m, l)
    if style == "lf":
        return "%s, %s" % (l, f)
    if style == "lfm":
        return "%s, %s %s" % (l, f, m)
    if style == "LF":
        return "%s, %s" % (l.upper(), f.upper())
    if style == "LFc":
        return "%s,%s" % (l.upper(), f.upper())
    if style == "FL":
        return "%s %s" % (f.upper(), l.upper())
    if style == "low":
        return "%s %s" % (f.lower(), l.lower())
    if style == "il":
        return "%s. %s" % (f[0], l)
    if style == "nick":
        return "%s %s" % (p.nick or f, l)
    if style == "hl7":
        return "%s^%s^%s" % (l.upper(), f.upper(), m)
    if style == "fli":
        return "%s %s." % (f, l[0].upper())
    raise ValueError(style)


class Ctx:
    def __init__(self, rng):
        self.r = rng
        self.phi = []
        self.keep = []
        self.age_n = {}

    # bookkeeping
    def P(self, v, kind):
        v = str(v)
        self.phi.append((v, kind))
        if kind == "AGE_OVER_89":
            self.age_n[v] = self.age_n.get(v, 0) + 1
        return v

    def K(self, v, kind):
        v = str(v)
        self.keep.append((v, kind))
        return v

    # basics
    def ch(self, seq):
        return self.r.choice(seq)

    def ri(self, a, b):
        return self.r.randint(a, b)

    def coin(self, p=0.5):
        return self.r.random() < p

    def dg(self, n):
        return "".join(self.ch("0123456789") for _ in range(n))

    def hexs(self, n):
        return "".join(self.ch("0123456789abcdef") for _ in range(n))

    def alnum(self, n, chars="ABCDEFGHJKLMNPRSTUVWXYZ0123456789"):
        return "".join(self.ch(chars) for _ in range(n))

    def upper(self, n):
        return "".join(self.ch("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))

    # people
    def person(self, old=False, sex=None):
        sex = sex or self.ch("FM")
        if old:
            first = self.ch(OLD_F if sex == "F" else OLD_M)
        else:
            first = self.ch(FIRST_F if sex == "F" else FIRST_M)
        last = self.ch(LAST)
        mid = self.ch("ABCDEFGHJKLMNPRSTVW")
        return Person(first, last, mid, NICK.get(first))

    def nick_person(self, old=False):
        for _ in range(200):
            p = self.person(old=old)
            if p.nick:
                return p
        raise Bad("no nick")

    def PN(self, p, style="fl"):
        return self.P(nm(p, style), "NAME")

    def clin(self):
        p = self.person()
        p.cred = self.ch(CLIN_CRED)
        return p

    # dates
    def dob(self, old=False):
        if old:
            return dt.date(1920, 1, 1) + dt.timedelta(days=self.ri(0, 15 * 365))
        return dt.date(1941, 1, 1) + dt.timedelta(days=self.ri(0, 70 * 365))

    def appt(self):
        return dt.date(2024, 1, 2) + dt.timedelta(days=self.ri(0, 700))

    def PD(self, d, style):
        return self.P(fd(d, style), "DATE")

    def age90(self):
        return str(self.ri(90, 103))

    # machine time (kept)
    def moment(self):
        return dt.datetime(2024, 1, 1) + dt.timedelta(seconds=self.ri(0, 680 * 86400))

    def ts(self, style="iso", t=None):
        t = t or self.moment()
        ms = self.ri(0, 999)
        if style == "iso":
            return t.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % ms
        if style == "isoz":
            return t.strftime("%Y-%m-%dT%H:%M:%SZ")
        if style == "isooff":
            return t.strftime("%Y-%m-%dT%H:%M:%S") + ".%03d%s" % (ms, self.ch(["-07:00", "-05:00", "+00:00", "-04:00"]))
        if style == "py":
            return t.strftime("%Y-%m-%d %H:%M:%S") + ",%03d" % ms
        if style == "sys":
            return t.strftime("%b ") + ("%2d" % t.day) + t.strftime(" %H:%M:%S")
        if style == "nginx":
            return t.strftime("%d/%b/%Y:%H:%M:%S") + " " + self.ch(["+0000", "-0700", "-0500"])
        if style == "rails":
            return t.strftime("%Y-%m-%d %H:%M:%S") + " " + self.ch(["-0700", "-0800", "+0000"])
        if style == "go":
            return t.strftime("%Y/%m/%d %H:%M:%S")
        if style == "hms":
            return t.strftime("%H:%M:%S") + ".%03d" % ms
        if style == "utc":
            return t.strftime("%Y-%m-%d %H:%M:%S") + ".%03d UTC" % ms
        if style == "hl7":
            return t.strftime("%Y%m%d%H%M%S")
        if style == "epoch":
            return str(int((t - dt.datetime(1970, 1, 1)).total_seconds()))
        raise ValueError(style)

    # contact
    def phone(self, style=None):
        a = self.ch(AREA)
        ex = self.ri(201, 989)
        while ex % 100 == 11:
            ex = self.ri(201, 989)
        ln = self.ri(0, 9999)
        style = style or self.ch(["paren", "dash", "dot", "e164", "plain", "intl", "paren2"])
        if style == "paren":
            return "(%s) %03d-%04d" % (a, ex, ln)
        if style == "paren2":
            return "(%s)%03d-%04d" % (a, ex, ln)
        if style == "dash":
            return "%s-%03d-%04d" % (a, ex, ln)
        if style == "dot":
            return "%s.%03d.%04d" % (a, ex, ln)
        if style == "e164":
            return "+1%s%03d%04d" % (a, ex, ln)
        if style == "plain":
            return "%s%03d%04d" % (a, ex, ln)
        if style == "intl":
            return "+1 %s %03d %04d" % (a, ex, ln)
        if style == "one":
            return "1-%s-%03d-%04d" % (a, ex, ln)
        if style == "onedot":
            return "+1.%s.%03d.%04d" % (a, ex, ln)
        raise ValueError(style)

    def intl_phone(self):
        f = self.ch([
            lambda: "+52 %d %s %s" % (self.ch([33, 55, 81]), self.dg(4), self.dg(4)),
            lambda: "+52 1 %d %s %s" % (self.ch([33, 55, 664]), self.dg(4), self.dg(4)),
            lambda: "+34 6%s %s %s" % (self.dg(2), self.dg(3), self.dg(3)),
            lambda: "+44 7%s %s" % (self.dg(3), self.dg(6)),
            lambda: "+63 9%s %s %s" % (self.dg(2), self.dg(3), self.dg(4)),
            lambda: "+234 80%s %s %s" % (self.dg(1), self.dg(3), self.dg(4)),
            lambda: "+82 10-%s-%s" % (self.dg(4), self.dg(4)),
            lambda: "+91 9%s %s" % (self.dg(4), self.dg(5)),
            lambda: "+33 6 %s %s %s %s" % (self.dg(2), self.dg(2), self.dg(2), self.dg(2)),
            lambda: "+251 9%s %s %s" % (self.dg(1), self.dg(3), self.dg(4)),
            lambda: "+502 %s-%s" % (self.dg(4), self.dg(4)),
            lambda: "+1 (%s) %s-%s" % (self.ch(["604", "416", "514"]), self.dg(3), self.dg(4)),
        ])
        return f()

    def es_phone(self, mx=False):
        if mx or self.coin(0.5):
            return self.ch([lambda: "+52 %d %s %s" % (self.ch([33, 55, 81]), self.dg(4), self.dg(4)),
                            lambda: "+52 1 %d %s %s" % (self.ch([33, 55, 664]), self.dg(4), self.dg(4)),
                            lambda: "+52%d%s" % (self.ch([33, 55, 81]), self.dg(8))])()
        return self.ch([lambda: self.phone("dash"), lambda: self.phone("paren"),
                        lambda: "+34 6%s %s %s" % (self.dg(2), self.dg(3), self.dg(3)),
                        lambda: "+502 %s-%s" % (self.dg(4), self.dg(4))])()

    def email(self, p=None):
        dom = self.ch(EMAIL_DOMAINS)
        if p is None or self.coin(0.2):
            return "%s%s@%s" % (self.ch(HANDLES), self.ri(1, 99) if self.coin() else "", dom)
        f, l = slug(p.first), slug(p.last)
        style = self.ri(0, 6)
        if style == 0:
            u = "%s.%s" % (f, l)
        elif style == 1:
            u = "%s%s%02d" % (f[0], l, self.ri(50, 99))
        elif style == 2:
            u = "%s_%s" % (f, l)
        elif style == 3:
            u = "%s%s" % (f, l[0])
        elif style == 4:
            u = "%s%d" % (slug(p.nick or p.first), self.ri(1, 2012))
        elif style == 5:
            u = "%s.%s%d" % (l, f[0], self.ri(1, 99))
        else:
            u = "%s.%s" % (f[:1], l)
        return "%s@%s" % (u, dom)

    def username(self, p):
        f, l = slug(p.first), slug(p.last)
        return self.ch(["%s.%s%02d" % (f, l[:1], self.ri(60, 99)), "%s%s%d" % (f[0], l, self.ri(1, 99)),
                        "%s_%s" % (l, f[:3]), "%s%d" % (slug(p.nick or p.first), self.ri(100, 9999))])

    # government / health ids
    def ssn(self, style="dash"):
        a = self.ri(1, 899)
        while a == 666:
            a = self.ri(1, 899)
        g, s = self.ri(1, 99), self.ri(1, 9999)
        if style == "dash":
            return "%03d-%02d-%04d" % (a, g, s)
        if style == "space":
            return "%03d %02d %04d" % (a, g, s)
        return "%03d%02d%04d" % (a, g, s)

    def mrn(self, style=None):
        style = style or self.ch(["pad", "A7", "HC", "E9", "CH", "num8", "MRN", "SRB"])
        if style == "pad":
            return "00" + self.dg(6)
        if style == "A7":
            return "A" + str(self.ri(1000000, 9999999))
        if style == "HC":
            return "HC-" + str(self.ri(100000, 999999))
        if style == "E9":
            return "E" + str(self.ri(100000000, 999999999))
        if style == "CH":
            return "CH%d-%d" % (self.ri(10000, 99999), self.ri(0, 9))
        if style == "num8":
            return str(self.ri(10000000, 99999999))
        if style == "MRN":
            return "MRN%d" % self.ri(1000000, 9999999)
        if style == "SRB":
            return "SRB-%d" % self.ri(100000, 999999)
        raise ValueError(style)

    def member(self, style=None):
        style = style or self.ch(["w", "bcbs", "uhc", "medicaid", "mbi", "cigna", "tricare", "kp"])
        if style == "w":
            return "W" + str(self.ri(100000000, 999999999))
        if style == "bcbs":
            return self.upper(3) + str(self.ri(100000000, 999999999))
        if style == "uhc":
            return str(self.ri(100000000, 999999999)) + "01"
        if style == "medicaid":
            return str(self.ri(10000000, 99999999)) + self.ch("ABCDEFGH")
        if style == "mbi":
            return self.mbi()
        if style == "cigna":
            return "U" + str(self.ri(10000000, 99999999)) + "01"
        if style == "tricare":
            return str(self.ri(10000000000, 99999999999))
        if style == "kp":
            return "KP-" + str(self.ri(1000000, 9999999))
        raise ValueError(style)

    def mbi(self, dashed=None):
        L = "ACDEFGHJKMNPQRTUVWXY"
        AN = L + "0123456789"
        s = (self.ch("123456789") + self.ch(L) + self.ch(AN) + self.ch("0123456789") + self.ch(L)
             + self.ch(AN) + self.ch("0123456789") + self.ch(L) + self.ch(L) + self.dg(2))
        if dashed is None:
            dashed = self.coin()
        return "%s-%s-%s" % (s[:4], s[4:7], s[7:]) if dashed else s

    def group(self):
        return self.ch([str(self.ri(100000, 999999)), "0%d-%d" % (self.ri(10000, 99999), self.ri(100, 999)),
                        "GRP%d" % self.ri(10000, 99999), "%s%d" % (self.upper(2), self.ri(1000, 99999))])

    def acct(self, style=None):
        style = style or self.ch(["acct", "g", "num", "pt"])
        if style == "acct":
            return "ACCT-%d" % self.ri(1000000, 9999999)
        if style == "g":
            return "G%d" % self.ri(100000, 999999)
        if style == "num":
            return str(self.ri(1000000000, 9999999999))
        if style == "pt":
            return "PA%d" % self.ri(10000000, 99999999)
        if style == "bank":
            return "%0*d" % (self.ri(10, 12), self.ri(10 ** 7, 10 ** 10))
        raise ValueError(style)

    def card(self, style=None):
        brand = self.ch(["visa", "visa", "mc", "mc2", "amex", "disc"])
        if brand == "visa":
            body = "4" + self.dg(14)
        elif brand == "mc":
            body = "5" + self.ch("12345") + self.dg(13)
        elif brand == "mc2":
            body = "22" + self.ch("3456789") + self.dg(12)
        elif brand == "amex":
            body = "3" + self.ch("47") + self.dg(12)
        else:
            body = "6011" + self.dg(11)
        num = body + luhn_check_digit(body)
        style = style or self.ch(["plain", "space", "dash"])
        if style == "plain":
            return num
        sep = " " if style == "space" else "-"
        if len(num) == 15:
            return sep.join([num[:4], num[4:10], num[10:]])
        return sep.join([num[i:i + 4] for i in range(0, 16, 4)])

    def npi(self):
        body = self.ch("12") + self.dg(8)
        return body + luhn_check_digit("80840" + body)

    def dea(self, last=None):
        first = self.ch("ABFGM")
        second = ascii_fold(last)[0].upper() if last else self.ch("ABCDEFGHJKLMNPRSTW")
        if not second.isalpha():
            second = "9"
        d6 = self.dg(6)
        return first + second + d6 + dea_check(d6)

    def state_license(self):
        return self.ch(["PSY %d" % self.ri(10000, 34999), "LCSW %d" % self.ri(10000, 99999),
                        "LMFT %d" % self.ri(100000, 139999), "A%d" % self.ri(100000, 189999),
                        "MD.%07d" % self.ri(10000, 99999), "C%d" % self.ri(1000, 9999),
                        "LPC-%d" % self.ri(1000, 19999), "APRN.%d" % self.ri(10000, 29999),
                        "LMHC%d" % self.ri(1000, 9999)])

    def dl(self):
        return self.ch(["%s%d" % (self.upper(1), self.ri(1000000, 9999999)),
                        "WDL%s" % self.alnum(9),
                        "%s%03d-%04d-%04d" % (self.upper(1), self.ri(100, 999), self.ri(0, 9999), self.ri(0, 9999)),
                        "%d" % self.ri(10000000, 99999999),
                        "%s%s-%d" % (self.upper(1), self.dg(3), self.ri(100000, 999999))])

    def passport(self):
        return self.ch(["%d" % self.ri(500000000, 599999999), "%s%d" % (self.ch("CXAG"), self.ri(10000000, 99999999)),
                        "G%d" % self.ri(10000000, 99999999)])

    def rx(self):
        return self.ch(["RX%d" % self.ri(1000000, 9999999), "%d-%02d" % (self.ri(1000000, 9999999), self.ri(0, 12)),
                        "Rx%d" % self.ri(100000, 999999)])

    def vin(self):
        for _ in range(100):
            body = self.ch(VIN_WMI) + self.alnum(5, VIN_CHARS.replace("U", "").replace("Z", "")) + "0" \
                + self.ch(VIN_YEAR) + self.alnum(1, VIN_CHARS) + self.dg(6)
            body = body[:8] + vin_check_char(body) + body[9:]
            if vin_ok(body):
                return body
        raise Bad("vin")

    def plate(self):
        return self.ch(["%d%s%d" % (self.ri(1, 9), self.upper(3), self.ri(100, 999)),
                        "%s-%d" % (self.upper(3), self.ri(1000, 9999)),
                        "%s %d" % (self.upper(3), self.ri(1000, 9999)),
                        "%d%s%d" % (self.ri(100, 999), self.upper(3), self.ri(0, 9)),
                        "%s%d%s" % (self.upper(2), self.ri(10, 99), self.upper(3))])

    def imei(self, style="plain"):
        body = self.ch(["35", "86", "01", "99", "35"]) + self.dg(12)
        num = body + luhn_check_digit(body)
        if style == "plain":
            return num
        return "%s-%s-%s-%s" % (num[:2], num[2:8], num[8:14], num[14])

    def serial(self):
        return self.ch(["C%s" % self.alnum(11), "R58%s" % self.alnum(8), "DX%s" % self.alnum(10),
                        "F9%s" % self.alnum(9), "SN%d%s" % (self.ri(100000, 999999), self.alnum(3))])

    def mac(self):
        return ":".join(self.hexs(2).upper() for _ in range(6))

    # network
    def pubip(self):
        if self.coin(0.15):
            return "%s:%s:%s:%s::%s" % (self.ch(["2601", "2600", "2a02", "2607", "2603"]),
                                        self.hexs(3).lstrip("0") or "1", self.hexs(4).lstrip("0") or "a",
                                        self.hexs(4).lstrip("0") or "b", self.hexs(3).lstrip("0") or "c")
        while True:
            a = self.ri(11, 223)
            if a in (100, 127, 169, 172, 192, 198, 203):
                continue
            return "%d.%d.%d.%d" % (a, self.ri(0, 255), self.ri(0, 255), self.ri(2, 254))

    def infra_ip(self):
        return self.ch(["10.%d.%d.%d" % (self.ri(0, 255), self.ri(0, 255), self.ri(2, 254)),
                        "172.%d.%d.%d" % (self.ri(16, 31), self.ri(0, 255), self.ri(2, 254)),
                        "10.%d.%d.%d" % (self.ri(0, 40), self.ri(0, 20), self.ri(2, 254))])

    # geography
    def street(self, upper=False, unit=None):
        s = "%d %s%s %s" % (self.ri(12, 48999), self.ch(["", "", "", "NE ", "SW ", "N ", "W "]),
                            self.ch(STREETS), self.ch(SUFFIX))
        if unit is None:
            unit = self.coin(0.35)
        if unit:
            s += self.ch([" Apt %d%s" % (self.ri(1, 40), self.ch(["", "A", "B", "C"])),
                          " Unit %d" % self.ri(1, 300), " #%d" % self.ri(100, 999), ", Apt %d" % self.ri(1, 40)])
        return s.upper() if upper else s

    def calle(self):
        return "%s %d, %s" % (self.ch(CALLES), self.ri(3, 400),
                              self.ch(["Int. %d" % self.ri(1, 12), "Depto. %d" % self.ri(101, 904),
                                       "Col. Centro", "2º B", "Piso 3"]))

    def city(self):
        return self.ch(CITIES)

    def state(self):
        return self.ch(STATES)

    def zip5(self):
        return "%05d" % self.ri(1001, 99950)

    def zip9(self, dash=True):
        return self.zip5() + ("-" if dash else "") + "%04d" % self.ri(1, 9999)

    # keep-able look-alikes
    def uuid(self):
        h = self.hexs(32)
        h = h[:12] + "4" + h[13:16] + self.ch("89ab") + h[17:]
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def ver(self):
        return "%d.%d.%d" % (self.ri(1, 9), self.ri(0, 30), self.ri(0, 20))

    def dbid(self, lo=1000, hi=999999):
        return str(self.ri(lo, hi))

    def icd(self):
        return self.ch(ICD)

    def cpt(self):
        return self.ch(CPT)

    def payer(self):
        return self.ch(PAYERS)

    def amount(self):
        return "%d.%02d" % (self.ri(15, 480), self.ch([0, 0, 0, 50, 25, 75, 40, 18]))


# --------------------------------------------------------------------------
# Template registry
# --------------------------------------------------------------------------
TEMPLATES = []


def tpl(name, cat, clean=False):
    def deco(f):
        TEMPLATES.append((name, cat, clean, f))
        return f
    return deco

# ==========================================================================
# 1. Application exceptions and tracebacks
# ==========================================================================


@tpl("py-django-intake-duplicate-ssn", "exception")
def _(c):
    p = c.person()
    d = c.dob()
    ssn = c.P(c.ssn(c.ch(["dash", "plain"])), "SSN")
    em = c.P(c.email(p), "EMAIL")
    c.P(p.first, "NAME")
    c.P(p.last, "NAME")
    c.PD(d, "pyargs")
    data = {"first_name": p.first, "last_name": p.last, "dob": d, "ssn": ssn, "email": em,
            "referral_source": c.ch(["self", "pcp", "eap", "court"])}
    pk = c.K(c.dbid(10000, 99999), "db_id")
    return ("Traceback (most recent call last):\n"
            '  File "/srv/app/intake/views.py", line %d, in submit_intake\n'
            "    patient = IntakeService(request.user).create_from_form(form.cleaned_data)\n"
            '  File "/srv/app/%s", line 88, in create_from_form\n'
            '    self._check_duplicate_ssn(data["ssn"])\n'
            '  File "/srv/app/intake/services.py", line 141, in _check_duplicate_ssn\n'
            "    raise DuplicatePatientError(existing.pk)\n"
            "%s: existing patient pk=%s\n\n"
            "Local variables in create_from_form:\n"
            "    data = %r\n"
            "    self = <IntakeService clinic_id=%s>\n"
            % (c.ri(120, 260), c.K("intake/services.py", "module"),
               c.K("intake.errors.DuplicatePatientError", "exception"), pk, data,
               c.K(c.dbid(100, 999), "db_id")))


@tpl("py-sqlalchemy-unique-mrn", "exception")
def _(c):
    p = c.person()
    mrn = c.P(c.mrn(c.ch(["pad", "num8", "SRB"])), "MRN")
    c.P(p.first, "NAME")
    c.P(p.last, "NAME")
    ph = c.P(c.phone(c.ch(["e164", "dash", "plain"])), "PHONE")
    em = c.P(c.email(p), "EMAIL")
    cid = c.K(c.dbid(100, 999), "db_id")
    params = {"mrn": mrn, "given_name": p.first, "family_name": p.last, "mobile": ph,
              "email": em, "clinic_id": int(cid)}
    return ('%s: (psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint "%s"\n'
            "DETAIL:  Key (mrn, clinic_id)=(%s, %s) already exists.\n\n"
            "[SQL: INSERT INTO patient (mrn, given_name, family_name, mobile, email, clinic_id) VALUES "
            "(%%(mrn)s, %%(given_name)s, %%(family_name)s, %%(mobile)s, %%(email)s, %%(clinic_id)s) RETURNING patient.id]\n"
            "[parameters: %r]\n"
            "(Background on this error at: %s)"
            % (c.K("sqlalchemy.exc.IntegrityError", "exception"), c.K("uq_patient_mrn_clinic", "constraint"),
               mrn, cid, params, c.K("https://sqlalche.me/e/20/gkpj", "url_doc")))


@tpl("py-celery-twilio-invalid-to", "exception")
def _(c):
    p = c.person()
    cl = c.clin()
    ph = c.P(c.phone(c.ch(["e164", "plain", "dash"])), "PHONE")
    c.P(p.nick or p.first, "NAME")
    c.P(cl.last, "NAME")
    date = c.PD(c.appt(), c.ch(["md_written", "md_abbr", "md"]))
    body = "Hi %s, this is a reminder of your appointment with Dr. %s on %s at %s. Reply C to confirm or call the office to reschedule." % (
        p.nick or p.first, cl.last, date, c.ch(["9:00 AM", "3:30 PM", "11:15 AM", "4:45 PM"]))
    ts = c.K(c.ts("py"), "timestamp")
    tid = c.K(c.uuid(), "uuid")
    msg = "HTTP 400 error: Unable to create record: The 'To' number %s is not a valid phone number." % ph
    return ("[%s: ERROR/ForkPoolWorker-%d] Task %s[%s] raised unexpected: TwilioRestException(%r)\n"
            "Traceback (most recent call last):\n"
            '  File "/usr/local/lib/python3.11/site-packages/celery/app/trace.py", line 477, in trace_task\n'
            "    R = retval = fun(*args, **kwargs)\n"
            '  File "/app/notify/tasks.py", line 64, in send_appointment_reminder\n'
            "    client.messages.create(to=to_number, from_=settings.TWILIO_FROM, body=body)\n"
            "%s: %s\n"
            "  code=%s  more_info=https://www.twilio.com/docs/errors/21211\n"
            "locals: to_number=%r body=%r"
            % (ts, c.ri(1, 8), c.K("notify.tasks.send_appointment_reminder", "task"), tid, msg,
               c.K("twilio.base.exceptions.TwilioRestException", "exception"), msg,
               c.K("21211", "error_code"), ph, body))


@tpl("py-fhir-mapper-keyerror", "exception")
def _(c):
    p = c.person()
    c.P(p.last, "NAME")
    c.P(p.first, "NAME")
    mrn = c.P(c.mrn(), "MRN")
    ph = c.P(c.phone(c.ch(["paren", "dash", "intl"])), "PHONE")
    st = c.P(c.street(), "ADDRESS")
    city = c.P(c.city(), "CITY")
    z = c.P(c.ch([c.zip5(), c.zip9()]), "ZIP")
    d = c.PD(c.dob(), "iso")
    rid = c.K(c.uuid(), "uuid")
    res = {"resourceType": "Patient", "id": rid,
           "identifier": [{"system": "urn:oid:2.16.840.1.113883.3.7204.1", "value": mrn}],
           "name": [{"use": "official", "family": p.last, "given": [p.first]}],
           "telecom": [{"system": "phone", "value": ph, "use": c.ch(["mobile", "home"])}],
           "birthdate": d,
           "address": [{"line": [st], "city": city, "state": c.state(), "postalCode": z}]}
    return ("Traceback (most recent call last):\n"
            '  File "/app/integrations/fhir/sync.py", line 212, in pull_patient\n'
            "    internal = mapper.to_internal(resource)\n"
            '  File "/app/%s", line 57, in to_internal\n'
            '    dob = date.fromisoformat(resource["birthDate"])\n'
            "%s: 'birthDate'\n\n"
            "resource = %r\n"
            "source_system = %r"
            % (c.K("integrations/fhir/mappers.py", "module"), c.K("KeyError", "exception"), res,
               c.K("urn:oid:2.16.840.1.113883.3.7204.1", "oid")))


@tpl("py-pydantic-coverage-validation", "exception")
def _(c):
    p = c.person()
    mid = c.P(c.member(c.ch(["w", "uhc", "cigna", "tricare"])), "HEALTH_PLAN")
    grp = c.P("%d-%03d" % (c.ri(1000000, 9999999), c.ri(1, 999)), "HEALTH_PLAN")
    name = c.PN(p, c.ch(["lf", "LF"]))
    dob = c.PD(c.dob(), c.ch(["us", "iso", "us1"]))
    payer = c.K(c.payer(), "payer")
    return ("WARNING coverage.sync: while syncing coverage for subscriber '%s' (dob %s) payer=%s\n"
            "%s: 2 validation errors for CoverageIn\n"
            "member_id\n"
            "  String should match pattern '^[A-Z]{3}\\d{9}$' [type=%s, input_value='%s', input_type=str]\n"
            "    For further information visit %s\n"
            "group_number\n"
            "  String should have at most 10 characters [type=string_too_long, input_value='%s', input_type=str]\n"
            "    For further information visit https://errors.pydantic.dev/2.6/v/string_too_long"
            % (name, dob, payer, c.K("pydantic_core._pydantic_core.ValidationError", "exception"),
               c.K("string_pattern_mismatch", "error_code"), mid,
               c.K("https://errors.pydantic.dev/2.6/v/string_pattern_mismatch", "url_doc"), grp))


@tpl("node-statement-address-typeerror", "exception")
def _(c):
    p = c.person()
    name = c.PN(p, c.ch(["fl", "fml"]))
    st = c.P(c.street(), "ADDRESS")
    city = c.P(c.city(), "CITY")
    z = c.P(c.zip5(), "ZIP")
    acct = c.P(c.acct(c.ch(["acct", "g", "pt"])), "ACCOUNT")
    extra = {"guarantor": {"name": name, "home": {"line1": st, "city": city, "state": c.state(), "zip": z},
                           "billing": None},
             "accountNumber": acct, "balanceDue": c.K(c.amount(), "amount"),
             "statementRun": c.K("stmt-%s" % c.dbid(20000, 99999), "batch_id")}
    return ("TypeError: Cannot read properties of null (reading 'postalCode')\n"
            "    at formatMailingAddress (/app/dist/billing/%s:88:23)\n"
            "    at StatementRenderer.render (/app/dist/billing/renderer.js:41:17)\n"
            "    at async Promise.all (index %d)\n"
            "    at async runBatch (/app/dist/jobs/statements.js:120:5)\n"
            "Sentry extra: %s\n"
            "release: %s"
            % (c.K("statement.js", "module"), c.ri(0, 40), json.dumps(extra),
               c.K("billing-worker@%s" % c.ver(), "version")))


@tpl("node-axios-422-ehr-push", "exception")
def _(c):
    p = c.person()
    c.P(p.first, "NAME")
    c.P(p.last, "NAME")
    dob = c.PD(c.dob(), c.ch(["us", "iso"]))
    ph = c.P(c.phone("plain")[:-1] if c.coin(0.4) else c.phone(c.ch(["dash", "paren"])), "PHONE")
    em = c.P(c.email(p), "EMAIL")
    inner = {"firstName": p.first, "lastName": p.last, "dob": dob, "phoneHome": ph, "email": em,
             "externalId": c.K(c.uuid(), "uuid")}
    obj = {"name": "AxiosError", "code": c.K("ERR_BAD_REQUEST", "error_code"), "status": 422,
           "config": {"method": "post", "url": c.K("https://api.ehrpartner.example/v3/patients", "url_api"),
                      "data": json.dumps(inner)},
           "response": {"data": {"errors": [{"field": "phoneHome", "message": "must be exactly 10 digits"}]}}}
    c.K("422", "status")
    return ("AxiosError: Request failed with status code 422\n"
            "    at settle (/srv/node_modules/axios/lib/core/settle.js:19:12)\n"
            "    at IncomingMessage.handleStreamEnd (/srv/node_modules/axios/lib/adapters/http.js:589:11)\n"
            "    at EhrPushClient.pushDemographics (/srv/src/ehr/%s:142:9)\n"
            "%s" % (c.K("pushClient.ts", "module"), json.dumps(obj, indent=2)))


@tpl("ts-zod-portal-signup", "exception")
def _(c):
    p = c.person()
    user = c.P(c.username(p), "OTHER_ID")
    em = c.P("%s@%s" % (user, c.ch(["gmail", "yahoo", "outlook", "icloud"])), "EMAIL")
    ph = c.P(c.phone(c.ch(["paren", "intl", "e164"])), "PHONE")
    dob = c.PD(c.dob(), "iso")
    body = {"username": user, "contact": {"email": em, "phone": ph}, "dob": dob, "termsAccepted": True}
    return ('%s: [\n  {\n    "code": "%s",\n    "validation": "email",\n    "message": "Invalid email",\n'
            '    "path": [\n      "contact",\n      "email"\n    ]\n  }\n]\n'
            "    at get error [as error] (/app/node_modules/zod/lib/types.js:55:31)\n"
            "    at ZodObject.parse (/app/node_modules/zod/lib/types.js:131:22)\n"
            "    at handleSignup (/app/src/portal/%s:77:18)\n"
            "Request body (staging, redaction off): %s\nrequestId=%s"
            % (c.K("ZodError", "exception"), c.K("invalid_string", "error_code"), c.K("signup.ts", "module"),
               json.dumps(body), c.K("req_" + c.hexs(24), "request_id")))


@tpl("rails-record-invalid-registration", "exception")
def _(c):
    p = c.person()
    ip = c.P(c.pubip(), "IP")
    em = c.P(c.email(p), "EMAIL")
    ph = c.P(c.phone(c.ch(["dot", "paren", "plain"])), "PHONE")
    dob = c.PD(c.dob(), c.ch(["iso", "us"]))
    c.P(p.first, "NAME")
    c.P(p.last, "NAME")
    arrow = c.ch(["=>", " => "])
    params = ", ".join('%s%s%s' % (rb_str(k), arrow, rb_str(v)) for k, v in [
        ("first_name", p.first), ("last_name", p.last), ("email", em), ("phone", ph),
        ("date_of_birth", dob), ("password", "[FILTERED]")])
    return ('Started POST "/portal/registrations" for %s at %s\n'
            "Processing by Portal::RegistrationsController#create as HTML\n"
            '  Parameters: {"authenticity_token"%s"[FILTERED]", "patient"%s{%s}, "commit"%s"Create account"}\n'
            "Completed 422 Unprocessable Entity in %dms (ActiveRecord: 14.2ms | Allocations: 9182)\n\n"
            "%s (Validation failed: Email has already been taken, Phone is invalid):\n"
            "  app/models/patient.rb:41:in `block in <class:Patient>'\n"
            "  app/controllers/portal/%s:27:in `create'"
            % (ip, c.K(c.ts("rails"), "timestamp"), arrow, arrow, params, arrow, c.ri(40, 900),
               c.K("ActiveRecord::RecordInvalid", "exception"), c.K("registrations_controller.rb", "module")))


@tpl("ruby-nomethod-appointment-mailer", "exception")
def _(c):
    p = c.person()
    pid = c.K(c.dbid(10000, 99999), "db_id")
    mrn = c.P(c.mrn(c.ch(["HC", "A7", "CH"])), "MRN")
    url = c.P("https://portal.solacepm.com/p/%s/appointments" % mrn, "URL")
    c.P(p.first, "NAME")
    c.P(p.last, "NAME")
    dob = c.PD(c.dob(), "iso")
    em = c.P(c.email(p), "EMAIL")
    return ("NoMethodError: undefined method `strftime' for nil:NilClass\n"
            "  app/mailers/appointment_mailer.rb:18:in `reminder'\n"
            "  actionmailer (7.1.3) lib/action_mailer/base.rb:675:in `process'\n"
            "  app/jobs/%s:12:in `perform'\n"
            "Sentry context:\n"
            "  @patient = #<Patient id: %s, first_name: %s, last_name: %s, mrn: %s, date_of_birth: %s, email: %s, created_at: %s>\n"
            "  @appointment = #<Appointment id: %s, patient_id: %s, starts_at: nil, cpt_code: %s>\n"
            "  portal_link = %s"
            % (c.K("reminder_mail_job.rb", "module"), pid, rb_str(p.first), rb_str(p.last), rb_str(mrn),
               rb_str(dob), rb_str(em), rb_str(c.K(c.ts("utc").replace(" UTC", " +0000"), "timestamp")),
               c.K(c.dbid(100000, 999999), "db_id"), pid, rb_str(c.K(c.cpt(), "cpt")), rb_str(url)))


@tpl("java-hapi-hl7-npe", "exception")
def _(c):
    p = c.person()
    mrn = c.P(c.mrn(), "MRN")
    name = c.PN(p, "hl7")
    dob = c.PD(c.dob(), "hl7")
    st = c.P(c.street(upper=True, unit=False), "ADDRESS")
    city = c.P(c.city().upper(), "CITY")
    z = c.P(c.zip5(), "ZIP")
    ph = c.P(c.phone("paren2"), "PHONE")
    ssn = c.P(c.ssn(c.ch(["dash", "plain"])), "SSN")
    ctl = c.K("MSG%08d" % c.ri(1, 99999999), "msg_id")
    sep = c.ch(["\r", "\n", "<CR>"])
    msg = sep.join([
        "MSH|^~\\&|SOLACE|%s|RCM|CLEARINGHOUSE|%s||ADT^A08|%s|P|2.5.1" % (c.ch(["HARBORLIGHT", "SUNRIDGE", "KESTREL"]), c.K(c.ts("hl7"), "timestamp"), ctl),
        "PID|1||%s^^^SOLACE^MR||%s||%s|%s|||%s^^%s^%s^%s||%s|||||||%s" % (mrn, name, dob, c.ch("MFU"), st, city, c.state(), z, ph, ssn),
        "PV1|1|O|TELE^^^SOLACE||||||||||||||||%s" % c.K(c.dbid(1000000, 9999999), "visit_id")])
    return ('java.lang.NullPointerException: Cannot invoke "String.trim()" because the return value of '
            '"ca.uhn.hl7v2.model.v251.datatype.CX.getAssigningFacility()" is null\n'
            "\tat com.solacepm.hl7.outbound.AdtBuilder.patientIdentifier(%s:214)\n"
            "\tat com.solacepm.hl7.outbound.AdtBuilder.build(AdtBuilder.java:88)\n"
            "\tat com.solacepm.hl7.outbound.OutboundRouter.route(OutboundRouter.java:57)\n"
            "\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144)\n"
            "Message being built:\n%s"
            % (c.K("AdtBuilder.java", "module"), msg))


@tpl("kotlin-coverage-illegalstate", "exception")
def _(c):
    p = c.person(old=c.coin(0.3))
    name = c.PN(p, c.ch(["lf", "fl", "LF"]))
    mbi = c.P(c.mbi(), "HEALTH_PLAN")
    dos = c.PD(c.appt(), c.ch(["iso", "us"]))
    return ("java.lang.IllegalStateException: No active coverage for %s (MBI %s) on %s; 271 said '%s' from %s\n"
            "\tat com.solacepm.billing.eligibility.CoverageResolver.resolve(%s:88)\n"
            "\tat com.solacepm.billing.claims.ClaimBuilder.build(ClaimBuilder.kt:142)\n"
            "\tat com.solacepm.billing.claims.ClaimBuilder$buildAll$1.invokeSuspend(ClaimBuilder.kt:61)\n"
            "\tat kotlinx.coroutines.DispatchedTask.run(DispatchedTask.kt:108)\n"
            "claim_batch=%s cpt=%s"
            % (name, mbi, dos, c.ch(["Inactive", "Coverage terminated", "Not found"]), c.K("Medicare Part B", "payer"),
               c.K("CoverageResolver.kt", "module"), c.K("CB-%s-%02d" % (c.ts("hl7")[:8], c.ri(1, 30)), "batch_id"),
               c.K(c.cpt(), "cpt")))


@tpl("csharp-formatexception-dob-import", "exception")
def _(c):
    p = c.person()
    d = c.dob()
    while d.day <= 12:
        d = c.dob()
    dob = c.PD(d, "dmy")
    prev = c.PD(c.appt(), "us1")
    mrn = c.P(c.mrn(c.ch(["A7", "E9", "MRN"])), "MRN")
    name = c.PN(p, c.ch(["LF", "lf"]))
    row = c.ri(2, 900)
    return ("System.FormatException: String '%s' was not recognized as a valid DateTime.\n"
            "   at System.DateTimeParse.Parse(ReadOnlySpan`1 s, DateTimeFormatInfo dtfi, DateTimeStyles styles)\n"
            "   at System.DateTime.Parse(String s, IFormatProvider provider)\n"
            "   at Solace.Intake.Import.CsvPatientRow.ToPatient() in D:\\a\\1\\s\\src\\Solace.Intake\\Import\\%s:line 63\n"
            "   at Solace.Intake.Import.BulkImporter.ImportAsync(Stream csv, CancellationToken ct)\n"
            "Row %d: MRN=%s; Name=%s; DOB=%s; LastVisit=%s 12:00:00 AM; Culture=en-US\n"
            "ImportId: %s"
            % (dob, c.K("CsvPatientRow.cs", "module"), row, mrn, name, dob, prev, c.K(c.uuid(), "uuid")))


@tpl("go-panic-refill-worker", "exception")
def _(c):
    p = c.person()
    rx = c.P(c.rx(), "OTHER_ID")
    name = c.PN(p, c.ch(["fl", "low"]))
    dea = c.P(c.dea(), "LICENSE")
    ph = c.P(c.phone("e164"), "PHONE")
    return ("panic: runtime error: invalid memory address or nil pointer dereference\n"
            "[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x%s]\n\n"
            "goroutine %s [running]:\n"
            "github.com/solacepm/erx/refill.(*Worker).notifyPatient(0xc000%s, {0xc0003e%s, 0x24})\n"
            "\t/build/erx/refill/%s:212 +0x1ba\n"
            "github.com/solacepm/erx/refill.(*Worker).Run(0xc000%s)\n"
            "\t/build/erx/refill/worker.go:131 +0x3f4\n"
            "created by main.main in goroutine 1\n"
            "\t/build/erx/cmd/refilld/main.go:58 +0x5e5\n\n"
            "last log line: %s refill approved rx=%s patient=\"%s\" prescriber_dea=%s sms_to=%s drug=\"%s\""
            % (c.hexs(6), c.K(c.dbid(100, 9999), "goroutine"), c.hexs(6), c.hexs(4), c.K("worker.go", "module"),
               c.hexs(6), c.K(c.ts("go"), "timestamp"), rx, name, dea, ph, c.K(c.ch(DRUGS), "drug")))


@tpl("go-error-chain-271", "exception")
def _(c):
    p = c.person()
    l = c.P(ascii_fold(p.last).upper(), "NAME")
    f = c.P(ascii_fold(p.first).upper(), "NAME")
    mid = c.P(c.member(c.ch(["bcbs", "w", "medicaid"])), "HEALTH_PLAN")
    dob = c.PD(c.dob(), "hl7")
    payer = c.K(c.ch(["Availity", "Change Healthcare", "Office Ally", "Waystar"]), "vendor")
    return ('level=error ts=%s caller=sync.go:88 component=eligibility msg="eligibility sync failed" '
            'err="sync eligibility: parse 271 from %s: subscriber not found: NM1*IL*1*%s*%s****MI*%s~DMG*D8*%s~: %s" '
            "trace_id=%s attempt=%d"
            % (c.K(c.ts("isoz"), "timestamp"), payer, l, f, mid, dob,
               c.K("AAA*Y**75*C", "x12_segment"), c.K(c.hexs(32), "trace_id"), c.ri(1, 5)))


@tpl("php-pdo-duplicate-email", "exception")
def _(c):
    p = c.person()
    em = c.P(c.email(p), "EMAIL")
    c.P(p.first, "NAME")
    c.P(p.last, "NAME")
    ph = c.P(c.phone(c.ch(["paren", "dash"])), "PHONE")
    return ("PHP Fatal error:  Uncaught PDOException: SQLSTATE[23000]: Integrity constraint violation: 1062 "
            "Duplicate entry '%s' for key '%s' in /var/www/html/app/Repositories/%s:77\n"
            "Stack trace:\n"
            "#0 /var/www/html/app/Repositories/PatientRepository.php(77): PDOStatement->execute(Array)\n"
            "#1 /var/www/html/app/Http/Controllers/IntakeController.php(54): App\\Repositories\\PatientRepository->create(Array)\n"
            "#2 {main}\n"
            "  thrown in /var/www/html/app/Repositories/PatientRepository.php on line 77\n"
            "[context] array (\n  'first_name' => %s,\n  'last_name' => %s,\n  'email' => %s,\n  'cell' => %s,\n  'clinic_id' => %s,\n)"
            % (em, c.K("patients.patients_email_unique", "constraint"), c.K("PatientRepository.php", "module"),
               php_str(p.first), php_str(p.last), php_str(em), php_str(ph), c.K(c.dbid(100, 999), "db_id")))


@tpl("elixir-ecto-invalid-changeset", "exception")
def _(c):
    p = c.person()
    c.P(p.first, "NAME")
    c.P(p.last, "NAME")
    ph = c.P(c.phone("dash")[:-1], "PHONE")
    dob = c.PD(c.dob(), "iso")
    z = c.P(c.zip5(), "ZIP")
    return ("** (%s) could not perform insert because changeset is invalid.\n\n"
            "Errors\n\n    %%{phone: [{\"has invalid format\", [validation: :format]}]}\n\n"
            "Applied changes\n\n    %%{first_name: %s, last_name: %s, phone: %s, dob: ~D[%s], zip: %s}\n\n"
            "Params\n\n    %%{\"dob\" => %s, \"first_name\" => %s, \"last_name\" => %s, \"phone\" => %s, \"zip\" => %s}\n\n"
            "    (ecto 3.11.2) lib/ecto/repo/schema.ex:273: Ecto.Repo.Schema.insert!/4\n"
            "    (solace 2.4.0) lib/solace/%s:52: Solace.Intake.create_patient!/1"
            % (c.K("Ecto.InvalidChangesetError", "exception"), rb_str(p.first), rb_str(p.last), rb_str(ph), dob,
               rb_str(z), rb_str(dob), rb_str(p.first), rb_str(p.last), rb_str(ph), rb_str(z),
               c.K("intake.ex", "module")))


@tpl("elixir-genserver-sms-es", "exception")
def _(c):
    p = c.person()
    ph = c.P(c.ch([c.phone("e164"), c.es_phone(mx=True).replace(" ", "")]), "PHONE")
    c.P(p.nick or p.first, "NAME")
    d = c.PD(c.appt(), "es_md")
    body = "Hola %s, le recordamos su cita el %s a las %s. Responda C para confirmar." % (
        p.nick or p.first, d, c.ch(["10:00", "9:30", "16:15", "12:45"]))
    return ("%s [error] GenServer Solace.Notify.SmsDispatcher terminating\n"
            "** (%s) no function clause matching in Solace.Notify.Vendor.Telnyx.deliver/2\n"
            "    (solace_notify 1.14.2) lib/solace_notify/vendor/%s:41: Solace.Notify.Vendor.Telnyx.deliver(%%{to: %s, body: %s, locale: \"es\"}, [])\n"
            "    (elixir 1.16.1) lib/gen_server.ex:1125: GenServer.handle_cast/2\n"
            "Last message: {:\"$gen_cast\", {:deliver, %s}}\n"
            "State: %%{queue_len: %d, vendor: :telnyx}"
            % (c.K(c.ts("hms"), "timestamp"), c.K("FunctionClauseError", "exception"), c.K("telnyx.ex", "module"),
               rb_str(ph), rb_str(body), c.K(c.dbid(10000, 999999), "db_id"), c.ri(0, 40)))


@tpl("sentry-event-json-user", "exception")
def _(c):
    p = c.person()
    em = c.P(c.email(p), "EMAIL")
    ip = c.P(c.pubip(), "IP")
    user = c.P(c.username(p), "OTHER_ID")
    name = c.PN(p, "fl")
    ev = {"event_id": c.K(c.hexs(32), "event_id"), "level": "error", "platform": "python",
          "release": c.K("portal-web@%s" % c.ver(), "version"), "environment": "production",
          "user": {"id": c.K(c.dbid(10000, 99999), "db_id"), "email": em, "ip_address": ip,
                   "username": user, "name": name},
          "request": {"method": "POST", "url": "https://portal.solacepm.com/account/settings/notifications"},
          "exception": {"values": [{"type": c.K("PermissionDenied", "exception"),
                                    "value": "consent record missing for sms channel",
                                    "module": c.K("django.core.exceptions", "module")}]},
          "tags": [["transaction", "/account/settings/notifications"], ["server_name", "portal-web-7c9f"]]}
    return "Sentry alert [portal-web] PermissionDenied: consent record missing for sms channel\n" + json.dumps(ev, indent=c.ch([None, 1]))


@tpl("spring-data-integrity-insert", "exception")
def _(c):
    p = c.person()
    ssn = c.P(c.ssn("dash"), "SSN")
    f = c.P(p.first.upper(), "NAME")
    l = c.P(p.last.upper(), "NAME")
    dob = c.PD(c.dob(), "iso")
    dl = c.P(c.dl(), "LICENSE")
    return ("org.springframework.dao.DataIntegrityViolationException: could not execute statement; SQL [n/a]; constraint [%s]; "
            "nested exception is org.hibernate.exception.ConstraintViolationException: could not execute statement\n"
            "Caused by: %s: ERROR: duplicate key value violates unique constraint \"uk_patient_ssn\"\n"
            "  Detail: Key (ssn)=(%s) already exists.\n"
            "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2713)\n"
            "\tat com.solacepm.intake.PatientService.register(PatientService.java:96)\n"
            "o.h.type.descriptor.sql.BasicBinder - binding parameter [1] as [VARCHAR] - [%s]\n"
            "o.h.type.descriptor.sql.BasicBinder - binding parameter [2] as [VARCHAR] - [%s]\n"
            "o.h.type.descriptor.sql.BasicBinder - binding parameter [3] as [DATE] - [%s]\n"
            "o.h.type.descriptor.sql.BasicBinder - binding parameter [4] as [VARCHAR] - [%s]\n"
            "o.h.type.descriptor.sql.BasicBinder - binding parameter [5] as [VARCHAR] - [%s]"
            % (c.K("uk_patient_ssn", "constraint"), c.K("org.postgresql.util.PSQLException", "exception"),
               ssn, f, l, dob, ssn, dl))


@tpl("efcore-duplicate-guarantor-ssn", "exception")
def _(c):
    g = c.person()
    ssn = c.P(c.ssn(c.ch(["plain", "dash"])), "SSN")
    name = c.PN(g, "fl")
    return ("Microsoft.EntityFrameworkCore.DbUpdateException: An error occurred while saving the entity changes. See the inner exception for details.\n"
            " ---> %s (0x80131904): Cannot insert duplicate key row in object 'dbo.Guarantors' with unique index '%s'. "
            "The duplicate key value is (%s).\nThe statement has been terminated.\n"
            "   at Microsoft.Data.SqlClient.SqlCommand.EndExecuteNonQuery(IAsyncResult asyncResult)\n"
            "   at Solace.Billing.Guarantors.GuarantorService.UpsertAsync(GuarantorDto dto) in /src/Solace.Billing/Guarantors/%s:line 118\n"
            "ClientConnectionId:%s\nError Number:2601,State:1,Class:14\n"
            "dto: GuarantorDto { FullName = %s, Relationship = %s, Ssn = %s, PatientId = %s }"
            % (c.K("Microsoft.Data.SqlClient.SqlException", "exception"), c.K("IX_Guarantors_Ssn", "index"), ssn,
               c.K("GuarantorService.cs", "module"), c.K(c.uuid(), "uuid"), name,
               c.ch(["Mother", "Father", "Spouse", "Legal Guardian"]), ssn, c.K(c.dbid(10000, 99999), "db_id")))


@tpl("node-stripe-card-declined", "exception")
def _(c):
    p = c.person()
    name = c.PN(p, "fl")
    em = c.P(c.email(p), "EMAIL")
    st = c.P(c.street(unit=False), "ADDRESS")
    city = c.P(c.city(), "CITY")
    z = c.P(c.zip5(), "ZIP")
    ph = c.P(c.phone("e164"), "PHONE")
    return ("%s: Your card was declined.\n"
            "    at StripeError.generate (/app/node_modules/stripe/cjs/Error.js:10:20)\n"
            "    at res.toJSON.then.StripeAPIError.message (/app/node_modules/stripe/cjs/RequestSender.js:105:54)\n"
            "    at async chargeCopay (/app/src/payments/%s:61:20) {\n"
            "  type: 'StripeCardError',\n  code: %s,\n  decline_code: %s,\n  requestId: %s,\n  statusCode: %s,\n"
            "  payment_method: {\n    id: 'pm_%s',\n    billing_details: {\n"
            "      address: { city: %s, country: 'US', line1: %s, line2: null, postal_code: %s, state: %s },\n"
            "      email: %s,\n      name: %s,\n      phone: %s\n    },\n"
            "    card: { brand: 'visa', exp_month: %d, exp_year: %d, funding: 'debit' }\n  },\n"
            "  amount: %s\n}"
            % (c.K("StripeCardError", "exception"), c.K("copay.ts", "module"), js_str(c.K("card_declined", "error_code")),
               js_str(c.K("insufficient_funds", "error_code")), js_str(c.K("req_" + c.alnum(14, "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"), "request_id")),
               c.K("402", "status"), c.alnum(24, "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"),
               js_str(city), js_str(st), js_str(z), js_str(c.state()), js_str(em), js_str(name), js_str(ph),
               c.ri(1, 12), c.ri(2025, 2030), c.K(str(c.ri(15, 95) * 100), "amount")))


@tpl("py-subscriber-mismatch", "exception")
def _(c):
    p = c.person()
    name = c.PN(p, c.ch(["LF", "lf"]))
    mid = c.P(c.member(c.ch(["bcbs", "cigna", "kp"])), "HEALTH_PLAN")
    d = c.dob()
    d2 = d + dt.timedelta(days=c.ch([9, 30, 365, -1]))
    style = c.ch(["us2", "us1", "iso"])
    a = c.PD(d, style)
    b = c.PD(d2, style)
    return ("ERROR billing.eligibility %s Could not match insurance subscriber\n"
            "Traceback (most recent call last):\n"
            '  File "/app/billing/eligibility.py", line 203, in match_subscriber\n'
            '    raise SubscriberMismatch(f"subscriber {name!r} (member_id={mid}) dob {dob} != payer dob {pdob}")\n'
            "%s: subscriber %r (member_id=%s) dob %s != payer dob %s\n"
            "payer=%s request=%s"
            % (c.K(c.ts("py"), "timestamp"), c.K("billing.eligibility.SubscriberMismatch", "exception"), name, mid, a, b,
               c.K(c.payer(), "payer"), c.K(c.uuid(), "uuid")))


@tpl("sidekiq-job-retries-exhausted", "exception")
def _(c):
    p = c.nick_person()
    em = c.P(c.email(p), "EMAIL")
    ph = c.P(c.phone(c.ch(["intl", "dash", "e164"])), "PHONE")
    nick = c.P(p.nick, "NAME")
    full = c.PN(p, "fl")
    job = {"retry": 5, "queue": "mailers", "class": c.K("IntakePacketReminderJob", "job_class"),
           "args": [int(c.K(c.dbid(10000, 99999), "db_id")), em, ph, {"preferred_name": nick, "display_name": full}],
           "jid": c.K(c.hexs(24), "job_id"), "created_at": float(c.K(c.ts("epoch") + "." + c.dg(4) + c.ch("123456789"), "timestamp")),
           "error_class": "Net::SMTPFatalError",
           "error_message": "550 5.1.1 <%s>: Recipient address rejected: User unknown in virtual mailbox table" % em,
           "retry_count": 5}
    c.K("Net::SMTPFatalError", "exception")
    return ("%s pid=%d tid=%s WARN: %s\n%s: 550 5.1.1 Recipient address rejected\n"
            "/usr/local/bundle/gems/net-smtp-0.4.0/lib/net/smtp.rb:1383:in `check_response'"
            % (c.ts("iso"), c.ri(2, 900), c.alnum(4, "abcdefghijklmnopqrstuvwxyz0123456789"),
               json.dumps({"context": "Job raised exception", "job": job}), "Net::SMTPFatalError"))


@tpl("py-dataclass-referral-repr", "exception")
def _(c):
    p = c.person()
    doc = c.clin()
    pname = c.PN(p, "fl")
    dname = c.PN(doc, "fl")
    npi = c.P(c.npi(), "LICENSE")
    fax = c.P(c.phone(c.ch(["paren", "dash", "dot"])), "FAX")
    dob = c.dob()
    c.PD(dob, "pyargs")
    icd = c.K(c.icd(), "icd")
    rep = ("Referral(patient_name=%r, patient_dob=%r, referring_provider=%r, referring_npi=%r, reply_fax=%r, "
           "reason=%r, urgency='routine')" % (pname, dob, "Dr. " + dname, npi, fax, icd + " worsening insomnia"))
    return ("%s ERROR referrals.inbound failed to create referral task: %s\n"
            "Traceback (most recent call last):\n"
            '  File "/app/referrals/%s", line 119, in create_task\n'
            "    session.flush()\n"
            '%s: null value in column "clinic_id" of relation "%s" violates not-null constraint'
            % (c.K(c.ts("py"), "timestamp"), rep, c.K("inbound.py", "module"),
               c.K("psycopg.errors.NotNullViolation", "exception"), c.K("referral_task", "table")))


@tpl("go-grpc-invalid-provider", "exception")
def _(c):
    doc = c.clin()
    name = c.PN(doc, c.ch(["lf", "fl"]))
    npi = c.P(c.npi(), "LICENSE")
    lic = c.P(c.state_license(), "LICENSE")
    return ('%s credentialing.(*Server).SyncProvider: rpc error: code = %s desc = provider "%s %s": NPI %s deactivated in NPPES; '
            "state license %s status=lapsed; taxonomy %s\n"
            "grpc.method=/solace.credentialing.v1.Credentialing/SyncProvider grpc.code=FailedPrecondition grpc.time_ms=%s peer=%s:%s"
            % (c.K(c.ts("go"), "timestamp"), c.K("FailedPrecondition", "grpc_code"), name, doc.cred, npi, lic,
               c.K(c.ch(["103T00000X", "101YM0800X", "1041C0700X", "2084P0800X", "363LP0808X"]), "taxonomy"),
               c.K("%d.%03d" % (c.ri(1, 900), c.ri(0, 999)), "duration"), c.K(c.infra_ip(), "infra_ip"),
               c.K("50051", "port")))


@tpl("kotlin-referral-missing-field", "exception")
def _(c):
    p = c.person()
    pn = c.PN(p, "fl")
    dob = c.PD(c.dob(), "iso")
    mid = c.P(c.member(), "HEALTH_PLAN")
    npi = c.P(c.npi(), "LICENSE")
    fax = c.P(c.phone(c.ch(["dash", "plain"])), "FAX")
    cb = c.P(c.phone(c.ch(["dash", "paren"])), "PHONE")
    return ("kotlinx.serialization.%s: Field 'payerId' is required for type with serial name "
            "'com.solacepm.referral.Coverage', but it was missing at path: $.coverage\n"
            "\tat kotlinx.serialization.internal.PluginExceptionsKt.throwMissingFieldException(PluginExceptions.kt:20)\n"
            "\tat com.solacepm.referral.%s.parse(ReferralParser.kt:33)\n"
            "payload=Referral(patientName=%s, dob=%s, insuranceMemberId=%s, referringNpi=%s, referringFax=%s, callback=%s, dx=%s)"
            % (c.K("MissingFieldException", "exception"), c.K("ReferralParser", "class"), pn, dob, mid, npi, fax, cb,
               c.K(c.icd(), "icd")))


@tpl("laravel-id-verification-validation", "exception")
def _(c):
    p = c.person()
    name = c.PN(p, c.ch(["fl", "fml"]))
    dl = c.P(c.dl(), "LICENSE")
    dob = c.PD(c.dob(), "us")
    st = c.P(c.street(), "ADDRESS")
    city = c.P(c.city(), "CITY")
    z = c.P(c.zip5(), "ZIP")
    inp = {"legal_name": name, "dl_number": dl, "dl_state": c.state(), "dob": dob, "address": st, "city": city, "zip": z}
    return ("[%s] production.ERROR: The dl number field format is invalid. {\"userId\":%s,\"exception\":\"[object] (%s(code: 0): "
            "The dl number field format is invalid. at /var/www/app/vendor/laravel/framework/src/Illuminate/Support/helpers.php:%d)\"}\n"
            "Input: %s"
            % (c.ts("py")[:19], c.K(c.dbid(1000, 99999), "db_id"),
               c.K("Illuminate\\\\Validation\\\\ValidationException", "exception"), c.ri(300, 420),
               json.dumps(inp, ensure_ascii=c.coin())))


@tpl("node-enoent-intake-upload", "exception")
def _(c):
    p = c.person()
    l = c.P(ascii_fold(p.last).upper().replace(" ", "-"), "NAME")
    f = c.P(ascii_fold(p.first).upper(), "NAME")
    dob = c.PD(c.dob(), "hl7")
    side = c.ch(["insurance_front", "insurance_back", "photo_id", "consent_signed"])
    path = c.P("/mnt/uploads/intake/%s/%s_%s_%s_%s.jpg" % (c.ch(["2024/05", "2024/11", "2025/02", "2025/07"]), l, f, dob, side), "URL")
    return ("Error: ENOENT: no such file or directory, open '%s'\n"
            "    at Object.openSync (node:fs:601:3)\n"
            "    at readCardImage (/app/src/intake/%s:33:18)\n"
            "    at async OcrQueue.process (/app/src/intake/ocrQueue.ts:71:9) {\n"
            "  errno: -2,\n  syscall: 'open',\n  code: %s,\n  path: '%s'\n}\njob=%s"
            % (path, c.K("ocr.ts", "module"), js_str(c.K("ENOENT", "error_code")), path, c.K(c.uuid(), "uuid")))


@tpl("py-requests-404-ehr-docs", "exception")
def _(c):
    mrn = c.P(c.mrn(), "MRN")
    url = c.P("https://ehr.partnerhost.net/api/v2/patients/%s/documents?type=intake&limit=%d" % (mrn, c.ch([20, 50, 100])), "URL")
    return ("Traceback (most recent call last):\n"
            '  File "/app/integrations/ehr/%s", line 91, in fetch_documents\n'
            "    resp.raise_for_status()\n"
            '  File "/usr/local/lib/python3.12/site-packages/requests/models.py", line 1021, in raise_for_status\n'
            "    raise HTTPError(http_error_msg, response=self)\n"
            "%s: 404 Client Error: Not Found for url: %s\n"
            "x-request-id: %s  elapsed=%s"
            % (c.K("client.py", "module"), c.K("requests.exceptions.HTTPError", "exception"), url,
               c.K(c.uuid(), "request_id"), c.K(str(c.ri(40, 3000)) + "ms", "duration")))


@tpl("android-kiosk-security-exception", "exception")
def _(c):
    p = c.person()
    serial = c.P(c.serial(), "DEVICE")
    imei = c.P(c.imei(), "DEVICE")
    name = c.PN(p, c.ch(["lf", "fl"]))
    user = c.P(c.username(p), "OTHER_ID")
    return ("FATAL EXCEPTION: main\nProcess: com.solacepm.telehealth.kiosk, PID: %d\n"
            "%s: getImeiForSlot: The user %d does not meet the requirements to access device identifiers.\n"
            "\tat android.os.Parcel.createExceptionOrNull(Parcel.java:3011)\n"
            "\tat android.telephony.TelephonyManager.getImei(TelephonyManager.java:2346)\n"
            "\tat com.solacepm.kiosk.enroll.%s.bind(DeviceBinder.kt:58)\n"
            "Breadcrumbs:\n  enroll.start serial=%s imei_cached=%s\n  assign.patient name=%r portal_user=%s\n"
            "app_version=%s build=%s"
            % (c.ri(2000, 30000), c.K("java.lang.SecurityException", "exception"), c.ri(10000, 10999),
               c.K("DeviceBinder", "class"), serial, imei, name, user, c.K(c.ver(), "version"),
               c.K(str(c.ri(1000, 9999)), "build")))


@tpl("serilog-destructured-statement", "exception")
def _(c):
    p = c.person()
    name = c.PN(p, "fl")
    d = c.dob()
    dob = c.P(d.isoformat() + "T00:00:00", "DATE")
    acct = c.P(c.acct(c.ch(["acct", "num", "pt"])), "ACCOUNT")
    ph = c.P(c.phone("plain"), "PHONE")
    ctx = {"Guarantor": {"Name": name, "DateOfBirth": dob, "AccountNumber": acct, "Phone": ph}, "$type": "StatementContext"}
    return ("[%s ERR] Statement generation failed for %s\n"
            "%s: Sequence contains no elements\n"
            "   at System.Linq.ThrowHelper.ThrowNoElementsException()\n"
            "   at Solace.Billing.Statements.StatementBuilder.Build(StatementContext ctx) in /src/Solace.Billing/Statements/%s:line 204\n"
            "CorrelationId=%s"
            % (c.K(c.ts("hms")[:8], "timestamp"), json.dumps(ctx), c.K("System.InvalidOperationException", "exception"),
               c.K("StatementBuilder.cs", "module"), c.K(c.uuid(), "uuid")))


@tpl("py-assert-age-bucket", "exception")
def _(c):
    p = c.person(old=True)
    age = str(c.ri(91, 103))
    c.P(age, "AGE_OVER_89")
    c.P(age, "AGE_OVER_89")
    d = c.dob(old=True)
    c.PD(d, "pyargs")
    name = c.PN(p, "fl")
    return ("Traceback (most recent call last):\n"
            '  File "/app/reports/%s", line 77, in bucket_for\n'
            '    assert age < 90 or bucket == "90+", f"computed {age}, expected {bucket!r}"\n'
            "%s: computed %s, expected '85-89'\n"
            "Local variables:\n    age = %s\n    dob = %r\n    name = %r\n    report = 'payer-demographics-q%d'"
            % (c.K("demographics.py", "module"), c.K("AssertionError", "exception"), age, age, d, name, c.ri(1, 4)))


@tpl("oban-mileage-reimbursement", "exception")
def _(c):
    p = c.person()
    vin = c.P(c.vin(), "VEHICLE")
    plate = c.P(c.plate(), "VEHICLE")
    name = c.PN(p, "fl")
    st = c.P(c.street(), "ADDRESS")
    ph = c.P(c.phone(c.ch(["paren", "dash"])), "PHONE")
    d = c.PD(c.appt(), "iso")
    return ("[error] ** (Oban.PerformError) %s failed with {:error, %%{status: 409, body: %%{\"error\" => \"vehicle_mismatch\", "
            "\"vehicle\" => %%{\"vin\" => %s, \"plate\" => %s, \"model\" => %s}}}}\n"
            "args: %%{\"patient_name\" => %s, \"origin\" => %s, \"callback\" => %s, \"trip_date\" => %s, \"miles\" => %s}\n"
            "attempt: %d of 5, job id %s, queue :reimbursement"
            % (c.K("Solace.Transport.Workers.MileageClaim", "worker"), rb_str(vin), rb_str(plate), rb_str(c.ch(CAR_MODELS)),
               rb_str(name), rb_str(st), rb_str(ph), rb_str(d), c.K("%d.%d" % (c.ri(3, 80), c.ri(0, 9)), "count"),
               c.ri(1, 5), c.K(c.dbid(10000, 999999), "job_id")))


@tpl("go-json-unmarshal-intake", "exception")
def _(c):
    p = c.person()
    name = c.PN(p, c.ch(["fl", "fml"]))
    ssn = c.P(c.ssn(c.ch(["dash", "space"])), "SSN")
    em = c.P(c.email(p), "EMAIL")
    body = json.dumps({"legal_name": name, "ssn": ssn, "email": em, "household": {"size": str(c.ri(1, 7))}},
                      ensure_ascii=False)
    return ("%s http: POST /v1/intake/forms 400: json: cannot unmarshal string into Go struct field "
            "%s.household.size of type int\nbody[0:%d]=%s\nrequest_id=%s remote=%s:%d"
            % (c.K(c.ts("go"), "timestamp"), c.K("IntakeForm", "struct"), len(body), body, c.K(c.uuid(), "request_id"),
               c.K(c.infra_ip(), "infra_ip"), c.ri(30000, 65000)))


@tpl("php-authnet-gateway-declined", "exception")
def _(c):
    p = c.person()
    card = c.P(c.card("plain"), "ACCOUNT")
    c.P(p.first, "NAME")
    c.P(p.last, "NAME")
    z = c.P(c.zip5(), "ZIP")
    ip = c.P(c.pubip(), "IP")
    req = {"cardNumber": card, "expirationDate": "20%d-%02d" % (c.ri(25, 30), c.ri(1, 12)),
           "billTo": {"firstName": p.first, "lastName": p.last, "zip": z}, "customerIP": ip,
           "amount": c.K(c.amount(), "amount")}
    return ("[%s] production.ERROR: Gateway declined {\"exception\":\"[object] (%s(code: 2): This transaction has been declined. "
            "at /var/www/app/app/Payments/%s:142)\",\"request\":%s,\"responseCode\":\"2\",\"transId\":\"%s\"}"
            % (c.ts("py")[:19], c.K("App\\\\Payments\\\\GatewayException", "exception"), c.K("AuthNetGateway.php", "module"),
               json.dumps(req), c.K(str(c.ri(10 ** 10, 10 ** 11 - 1)), "transaction_id")))


@tpl("java-jackson-localdate", "exception")
def _(c):
    p = c.person()
    mrn = c.P(c.mrn(c.ch(["E9", "num8", "pad"])), "MRN")
    name = c.PN(p, c.ch(["fl", "FL"]))
    dob = c.PD(c.dob(), "usdash")
    return ("com.fasterxml.jackson.databind.exc.%s: Cannot deserialize value of type `java.time.LocalDate` from String \"%s\": "
            "Failed to deserialize java.time.LocalDate: (java.time.format.DateTimeParseException) Text '%s' could not be parsed at index 0\n"
            " at [Source: (org.springframework.util.StreamUtils$NonClosingInputStream); line: 1, column: %d] "
            "(through reference chain: com.solacepm.intake.dto.IntakeRequest[\"patient\"]->com.solacepm.intake.dto.PatientDto[\"dateOfBirth\"])\n"
            "request body: {\"patient\":{\"mrn\":\"%s\",\"fullName\":\"%s\",\"dateOfBirth\":\"%s\"},\"source\":\"kiosk\"}\ntraceparent: 00-%s-%s-01"
            % (c.K("InvalidFormatException", "exception"), dob, dob, c.ri(40, 90), mrn, name, dob,
               c.K(c.hexs(32), "trace_id"), c.hexs(16)))


@tpl("csharp-fax-delivery-exception", "exception")
def _(c):
    p = c.person()
    doc = c.clin()
    fax = c.P(c.phone(c.ch(["intl", "paren", "one"])), "FAX")
    dn = c.PN(doc, c.ch(["fl", "il"]))
    pn = c.PN(p, "LF")
    mrn = c.P(c.mrn(), "MRN")
    return ("Solace.Fax.%s: Outbound fax to %s failed after 3 attempts: %s\n"
            "   at Solace.Fax.SRFaxClient.SendAsync(FaxJob job) in /src/Solace.Fax/%s:line 77\n"
            "   at Solace.Fax.FaxWorker.ExecuteAsync(CancellationToken stoppingToken) in /src/Solace.Fax/FaxWorker.cs:line 41\n"
            "FaxJob { JobId = %s, CoverTo = \"Dr. %s (%s)\", Re = \"Records request - %s (MRN %s)\", Pages = %d }"
            % (c.K("FaxDeliveryException", "exception"), fax, c.ch(["BUSY", "NO ANSWER", "NO CARRIER"]),
               c.K("SRFaxClient.cs", "module"), c.K(c.dbid(1000000, 9999999), "job_id"), dn, c.ch(PCP_OFFICES), pn, mrn, c.ri(2, 30)))


@tpl("ruby-fax-worker-faraday", "exception")
def _(c):
    p = c.person()
    doc = c.clin()
    fax = c.P(c.phone(c.ch(["plain", "dash"])), "FAX")
    dn = c.PN(doc, "fl")
    pn = c.PN(p, "fl")
    dob = c.PD(c.dob(), c.ch(["us1", "us", "abbr"]))
    args = '{"to"=>%s, "attention"=>%s, "subject"=>%s, "document_id"=>%s}' % (
        rb_str(fax), rb_str("Dr. " + dn), rb_str("Treatment summary for %s, DOB %s" % (pn, dob)), c.K(c.dbid(100000, 999999), "db_id"))
    return ("FaxWorker#perform failed (%s): %s: Failed to open TCP connection to api.faxvendor.io:443 (execution expired)\n"
            "  /usr/local/bundle/gems/faraday-net_http-3.1.0/lib/faraday/adapter/net_http.rb:64:in `rescue in call'\n"
            "  app/workers/%s:22:in `perform'\nargs: [%s]"
            % (c.K(c.hexs(24), "job_id"), c.K("Faraday::ConnectionFailed", "exception"), c.K("fax_worker.rb", "module"), args))


@tpl("go-validator-age-lte", "exception")
def _(c):
    age = c.age90()
    c.P(age, "AGE_OVER_89")
    mrn = c.P(c.mrn(), "MRN")
    return ("%s ERROR screening/phq.go:%d score submission rejected mrn=%s: Key: 'Demographics.Age' Error:Field validation for 'Age' failed on the 'lte' tag "
            "(value=%s, param=89)\nhandler=%s status=%s request_id=%s"
            % (c.K(c.ts("go"), "timestamp"), c.ri(40, 300), mrn, age, c.K("SubmitScreening", "handler"),
               c.K("400", "status"), c.K(c.uuid(), "request_id")))


# ---- PHI-free exceptions -------------------------------------------------


@tpl("py-pg-operational-refused", "exception", clean=True)
def _(c):
    ip = c.K(c.infra_ip(), "infra_ip")
    return ("%s: (psycopg2.OperationalError) connection to server at \"%s\", port %s failed: Connection refused\n"
            "\tIs the server running on that host and accepting TCP/IP connections?\n\n"
            "(Background on this error at: https://sqlalche.me/e/20/e3q8)\n"
            "service=%s pod=%s-%s attempt=%d/%d"
            % (c.K("sqlalchemy.exc.OperationalError", "exception"), ip, c.K("5432", "port"),
               c.K(c.ch(SERVICES), "service"), "api", c.hexs(5), c.ri(1, 5), 5))


@tpl("node-redis-econnreset", "exception", clean=True)
def _(c):
    ip = c.K(c.infra_ip(), "infra_ip")
    return ("Error: read ECONNRESET\n    at TCP.onStreamRead (node:internal/stream_base_commons:217:20) {\n"
            "  errno: -104,\n  code: 'ECONNRESET',\n  syscall: 'read'\n}\n"
            "[ioredis] Unhandled error event from %s:%s; reconnecting in %s (queue=%s, pending=%d)\nrelease %s"
            % (ip, c.K("6379", "port"), c.K(str(c.ch([50, 100, 200, 400])) + "ms", "duration"),
               c.K("bull:appointment-reminders", "queue"), c.ri(0, 900), c.K("notify-svc@" + c.ver(), "version")))


@tpl("java-oom-claims-export", "exception", clean=True)
def _(c):
    batch = c.K("B-%s-%02d" % (c.ts("hl7")[:8], c.ri(1, 12)), "batch_id")
    return ("Exception in thread \"claims-export-%d\" java.lang.OutOfMemoryError: Java heap space\n"
            "\tat java.base/java.util.Arrays.copyOf(Arrays.java:3537)\n"
            "\tat com.solacepm.claims.x12.%s.appendSegment(Segment837Writer.java:212)\n"
            "\tat com.solacepm.claims.ExportJob.run(ExportJob.java:97)\n"
            "batch=%s claims=%s heap=-Xmx%s build=%s"
            % (c.ri(1, 8), c.K("Segment837Writer", "class"), batch, c.K(str(c.ri(2000, 40000)), "count"),
               c.ch(["512m", "1g", "2g"]), c.K("%s.%d" % (c.ts("hl7")[:8], c.ri(1, 30)), "build")))


@tpl("ruby-redis-timeout-schedule-sync", "exception", clean=True)
def _(c):
    return ("%s: Connection timed out - user specified timeout\n"
            "  /usr/local/bundle/gems/redis-client-0.20.0/lib/redis_client/ruby_connection.rb:136:in `read'\n"
            "  app/jobs/%s:31:in `perform'\n"
            "jid=%s queue=default retry_count=%d class=ScheduleSyncJob provider_id=%s clinic_id=%s"
            % (c.K("Redis::TimeoutError", "exception"), c.K("schedule_sync_job.rb", "module"), c.K(c.hexs(24), "job_id"),
               c.ri(0, 24), c.K(c.dbid(1000, 9999), "db_id"), c.K(c.dbid(100, 999), "db_id")))


@tpl("go-deadline-eligibility-gateway", "exception", clean=True)
def _(c):
    return ("%s eligibility: batch %s: post %s: context deadline exceeded (Client.Timeout exceeded while awaiting headers)\n"
            "trace_id=%s span_id=%s payer=%s retries=%d elapsed=%s"
            % (c.K(c.ts("go"), "timestamp"), c.K("E%s" % c.dbid(100000, 999999), "batch_id"),
               c.K("https://api.availity.com/availity/v1/coverages", "url_api"), c.K(c.hexs(32), "trace_id"),
               c.hexs(16), c.K(c.payer(), "payer"), c.ri(1, 4), c.K("%d.%03ds" % (c.ri(30, 120), c.ri(0, 999)), "duration")))


@tpl("csharp-taskcanceled-httpclient", "exception", clean=True)
def _(c):
    return ("System.Threading.Tasks.%s: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.\n"
            " ---> System.TimeoutException: The operation was canceled.\n"
            "   at System.Net.Http.HttpClient.HandleFailure(Exception e, Boolean telemetryStarted, HttpResponseMessage response)\n"
            "   at Solace.Labs.QuestClient.PollResultsAsync() in /src/Solace.Labs/%s:line 58\n"
            "CorrelationId: %s  Host: %s  Version: %s"
            % (c.K("TaskCanceledException", "exception"), c.K("QuestClient.cs", "module"), c.K(c.uuid(), "uuid"),
               c.K("labs-worker-%s" % c.hexs(4), "host"), c.K(c.ver(), "version")))


@tpl("php-memory-exhausted", "exception", clean=True)
def _(c):
    return ("PHP Fatal error:  Allowed memory size of %s bytes exhausted (tried to allocate %s bytes) in "
            "/var/www/html/vendor/phpoffice/phpspreadsheet/src/PhpSpreadsheet/Cell/%s on line %d\n"
            "request_id=%s route=reports.superbills.export user_id=%s"
            % (c.K(str(c.ch([134217728, 268435456])), "count"), c.K(str(c.ch([20480, 65536, 4096])), "count"),
               c.K("Coordinate.php", "module"), c.ri(30, 400), c.K(c.uuid(), "request_id"), c.K(c.dbid(100, 9999), "db_id")))


@tpl("elixir-dbconnection-pool-timeout", "exception", clean=True)
def _(c):
    return ("%s [error] ** (%s) connection not available and request was dropped from queue after %s. "
            "This means requests are coming in and your connection pool cannot serve them fast enough.\n"
            "    (db_connection 2.6.0) lib/db_connection.ex:1000: DBConnection.transaction/3\n"
            "    (solace 2.4.0) lib/solace/%s:77: Solace.Billing.ClaimsBatch.run/1\npool_size: %d, queue_target: 50"
            % (c.K(c.ts("hms"), "timestamp"), c.K("DBConnection.ConnectionError", "exception"),
               c.K(str(c.ri(1000, 15000)) + "ms", "duration"), c.K("claims_batch.ex", "module"), c.ch([10, 20, 40])))


@tpl("py-icd-mapping-keyerror", "exception", clean=True)
def _(c):
    code = c.K(c.icd(), "icd")
    return ("Traceback (most recent call last):\n"
            '  File "/app/billing/%s", line 44, in map_dx\n'
            "    return ICD10_TO_DSM5[code]\n"
            "%s: '%s'\n"
            "claim_id=%s cpt=%s payer=%s diagnosis_pointer=A ruleset=%s"
            % (c.K("dx_mapping.py", "module"), c.K("KeyError", "exception"), code, c.K(c.dbid(100000, 999999), "db_id"),
               c.K(c.cpt(), "cpt"), c.K(c.payer(), "payer"), c.K("icd10cm-%d" % c.ch([2024, 2025]), "version")))


# ==========================================================================
# 2. Structured / unstructured logs, SQL, queues, webhooks, integrations
# ==========================================================================


@tpl("jsonl-geocode-failed-camel", "log")
def _(c):
    p = c.person()
    rec = {"ts": c.K(c.ts("iso"), "timestamp"), "level": "error", "svc": c.K("intake-api", "service"),
           "msg": "address geocode failed", "patient": {
               "displayName": c.PN(p, c.ch(["fl", "nick", "fml"])), "birthDate": c.PD(c.dob(), c.ch(["iso", "us"])),
               "homeAddress": {"street1": c.P(c.street(), "ADDRESS"), "city": c.P(c.city(), "CITY"),
                               "postal": c.P(c.ch([c.zip5(), c.zip9()]), "ZIP")},
               "mobile": c.P(c.phone(), "PHONE"), "email": c.P(c.email(p), "EMAIL")},
           "geocoder": "census-v2", "traceId": c.K(c.hexs(32), "trace_id"), "durationMs": int(c.K(str(c.ri(200, 9000)), "duration"))}
    return json.dumps(rec, ensure_ascii=c.coin())


@tpl("logfmt-sms-undeliverable", "log")
def _(c):
    p = c.person()
    ph = c.P(c.phone(c.ch(["e164", "plain"])), "PHONE")
    who = c.PN(p, "fli")
    return ('time=%s level=error service=%s msg="sms delivery failed" to=%s recipient=%s patient_id=%s vendor=twilio sid=%s '
            'err="%s Landline or unreachable carrier" template=appt_reminder_24h'
            % (c.K(c.ts("isoz"), "timestamp"), c.K("notify-svc", "service"), ph, json.dumps(who, ensure_ascii=False),
               c.K(c.dbid(10000, 99999), "db_id"), c.K("SM" + c.hexs(32), "message_sid"), c.K("30006", "error_code")))


@tpl("syslog-hylafax-send-failed", "log")
def _(c):
    p = c.person()
    doc = c.clin()
    fax = c.P(c.phone(c.ch(["onedot", "dot", "one"])), "FAX")
    dn = c.PN(doc, c.ch(["fl", "il"]))
    l = c.P(slug(p.last).upper(), "NAME")
    return ("<134>1 %s fax01 faxq %d - - JOB %s: SEND FAILED: %s; dest=%s (Attn: Dr. %s) docs=referral_%s_%s.pdf pages=%d tries=%d/%d"
            % (c.K(c.ts("isooff"), "timestamp"), c.ri(800, 4000), c.K(c.dbid(1000, 99999), "job_id"),
               c.ch(["NO CARRIER", "Busy signal detected", "No answer from remote"]), fax, dn, l,
               c.K(c.hexs(8), "hash"), c.ri(2, 18), c.ri(1, 3), 3))


@tpl("nginx-access-lookup-query", "log")
def _(c):
    p = c.person()
    ip = c.P(c.pubip(), "IP")
    em = c.email(p)
    mrn = c.P(c.mrn(), "MRN")
    c.P(em, "EMAIL")
    path = c.P("/api/v1/patients/lookup?email=%s&mrn=%s" % (quote(em, safe=""), mrn), "URL")
    return ('%s - - [%s] "GET %s HTTP/1.1" %s %d "-" "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15" rt=%s uct=0.001 req_id=%s'
            % (ip, c.K(c.ts("nginx"), "timestamp"), path, c.K("500", "status"), c.ri(100, 900),
               c.K("%d.%03d" % (c.ri(0, 9), c.ri(0, 999)), "duration"), c.K(c.hexs(32), "request_id")))


@tpl("apache-portal-login-lockout", "log")
def _(c):
    p = c.person()
    ip = c.P(c.pubip(), "IP")
    user = c.P(c.username(p), "OTHER_ID")
    ts = c.K(c.ts("nginx"), "timestamp")
    return ('%s - %s [%s] "POST /portal/login HTTP/1.1" %s 532 "https://portal.solacepm.com/portal/login" '
            '"Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"\n'
            "[auth:warn] account locked after %d failed attempts user=%s src=%s policy=%s"
            % (ip, user, ts, c.K("401", "status"), c.ri(5, 10), user, ip, c.K("lockout-15m", "policy")))


@tpl("postgres-dup-contact-email", "log")
def _(c):
    p = c.person()
    em = c.P(c.email(p), "EMAIL")
    ph = c.P(c.phone(c.ch(["dash", "dot"])), "PHONE")
    nmv = nm(p, c.ch(["lf", "fl"]))
    c.P(nmv.replace("'", "''"), "NAME")
    dob = c.PD(c.dob(), "iso")
    pre = "%s [%d] portal_app@solace" % (c.K(c.ts("utc"), "timestamp"), c.ri(1000, 60000))
    return ('%s ERROR:  duplicate key value violates unique constraint "%s"\n'
            "%s DETAIL:  Key (lower(email::text))=(%s) already exists.\n"
            "%s STATEMENT:  INSERT INTO %s (patient_id, kind, email, phone, display_name, dob) VALUES (%s, 'self', %s, %s, %s, %s)"
            % (pre, c.K("patient_contact_email_key", "constraint"), pre, em, pre, c.K("patient_contact", "table"),
               c.K(c.dbid(10000, 99999), "db_id"), sql_str(em), sql_str(ph), sql_str(nmv), sql_str(dob)))


@tpl("mysql-slow-query-lookup", "log")
def _(c):
    p = c.person()
    l = nm(p, "fl").split(" ", 1)[1]
    c.P(l.replace("'", "\\'"), "NAME")
    f = c.P(p.first, "NAME")
    dob = c.PD(c.dob(), "iso")
    z = c.P(c.zip5(), "ZIP")
    return ("# Time: %s\n# User@Host: reports[reports] @  [%s]  Id: %s\n"
            "# Query_time: %s  Lock_time: 0.000112 Rows_sent: 1  Rows_examined: %s\n"
            "SET timestamp=%s;\n"
            "SELECT p.id, p.mrn, p.primary_clinician_id FROM %s p WHERE p.last_name = '%s' AND p.first_name LIKE '%s%%' "
            "AND p.dob = '%s' AND p.zip = '%s' LIMIT 1;"
            % (c.K(c.ts("iso").replace("Z", "211Z"), "timestamp"), c.K(c.infra_ip(), "infra_ip"), c.dbid(1000, 99999),
               c.K("%d.%06d" % (c.ri(2, 40), c.ri(0, 999999)), "duration"), c.K(str(c.ri(100000, 4000000)), "count"),
               c.ts("epoch"), c.K("patients", "table"), l.replace("'", "\\'"), f, dob, z))


@tpl("mongo-e11000-ssn", "log")
def _(c):
    ssn = c.P(c.ssn(c.ch(["dash", "plain"])), "SSN")
    rec = {"t": {"$date": c.K(c.ts("isooff"), "timestamp")}, "s": "E", "c": "WRITE", "id": 51803, "ctx": "conn%d" % c.ri(100, 9999),
           "msg": "Write error",
           "attr": {"ns": c.K("solace_docs.guarantors", "collection"),
                    "errmsg": "E11000 duplicate key error collection: solace_docs.guarantors index: ssn_1 dup key: { ssn: \"%s\" }" % ssn,
                    "code": 11000}}
    return ("MongoServerError: E11000 duplicate key error collection: solace_docs.guarantors index: %s dup key: { ssn: \"%s\" }\n%s"
            % (c.K("ssn_1", "index"), ssn, json.dumps(rec)))


@tpl("rails-coverage-post-500", "log")
def _(c):
    p = c.person()
    ip = c.P(c.pubip(), "IP")
    rid = c.K(c.uuid(), "request_id")
    pid = c.K(c.dbid(10000, 99999), "db_id")
    mid = c.P(c.member(), "HEALTH_PLAN")
    name = c.PN(p, "fl")
    dob = c.PD(c.dob(), "us")
    t = c.moment()
    stamp = c.K(t.strftime("%Y-%m-%dT%H:%M:%S.") + c.dg(6), "timestamp")
    proc = c.ri(100, 99999)
    return ('I, [%s #%d]  INFO -- : [%s] Started POST "/patients/%s/coverages" for %s at %s\n'
            "I, [%s #%d]  INFO -- : [%s] Processing by CoveragesController#create as JSON\n"
            'I, [%s #%d]  INFO -- : [%s]   Parameters: {"coverage"=>{"payer"=>"%s", "member_id"=>"%s", "subscriber_name"=>"%s", '
            '"subscriber_dob"=>"%s", "relationship"=>"self"}, "patient_id"=>"%s"}\n'
            "E, [%s #%d] ERROR -- : [%s] Completed 500 Internal Server Error in %dms (ActiveRecord: 12.4ms | Allocations: 4410)"
            % (stamp, proc, rid, pid, ip, c.ts("rails", t), stamp, proc, rid, stamp, proc, rid, c.K(c.payer(), "payer"), mid,
               name.replace('"', '\\"'), dob, pid, stamp, proc, rid, c.ri(30, 900)))


@tpl("django-bad-request-body", "log")
def _(c):
    p = c.person()
    body = {"name": c.PN(p, "fl"), "email": c.P(c.email(p), "EMAIL"), "phone": c.P(c.phone(), "PHONE"),
            "street": c.P(c.street(), "ADDRESS"), "city": c.P(c.city(), "CITY"), "zip": c.P(c.zip5(), "ZIP"),
            "insurance": c.K(c.payer(), "payer")}
    return ("WARNING %s django.request Bad Request: /api/intake/self-referral/\n"
            "request.body=%r\nstatus=%s view=%s"
            % (c.K(c.ts("py"), "timestamp"), json.dumps(body).encode("utf-8"), c.K("400", "status"),
               c.K("intake.api.SelfReferralView", "module")))


@tpl("sqs-dlq-referral-created", "log")
def _(c):
    p = c.person()
    doc = c.clin()
    inner = {"type": "referral.created", "patient": {"name": c.PN(p, "fl"), "dob": c.PD(c.dob(), "iso")},
             "from": {"npi": c.P(c.npi(), "LICENSE"), "name": c.PN(doc, "fl"), "fax": c.P(c.phone("dash"), "FAX")},
             "coverage": {"memberId": c.P(c.member(), "HEALTH_PLAN")}, "dx": [c.K(c.icd(), "icd")]}
    rec = {"level": "error", "msg": "message moved to DLQ", "queue": c.K("referrals-inbound-dlq", "queue"),
           "receiveCount": 5, "messageId": c.K(c.uuid(), "uuid"), "body": json.dumps(inner, ensure_ascii=False)}
    return json.dumps(rec, ensure_ascii=c.coin())


@tpl("webhook-delivery-partner-crm", "log")
def _(c):
    p = c.person()
    doc = c.clin()
    mrn = c.P(c.mrn(), "MRN")
    cid = c.dbid(10, 99)
    link = c.P("https://app.solacepm.com/clinic/%s/patients/%s" % (cid, mrn), "URL")
    payload = {"event": "appointment.booked", "patient": {"name": c.PN(p, "fl"), "email": c.P(c.email(p), "EMAIL")},
               "appointment": {"date": c.PD(c.appt(), "iso"), "provider": c.PN(doc, "fl"), "cpt": c.K(c.cpt(), "cpt")},
               "links": {"patient": link}}
    return ("webhook delivery failed: POST %s -> %s (attempt %d/8, next retry in %ss) delivery_id=%s\npayload excerpt: %s"
            % (c.K("https://hooks.partner-crm.io/solace/appointments", "url_api"), c.K("502 Bad Gateway", "status"),
               c.ri(1, 7), c.ch([40, 80, 160, 320]), c.K("whd_" + c.hexs(20), "delivery_id"), json.dumps(payload)))


@tpl("hl7-adt-a04-ack-error", "log")
def _(c):
    p = c.person()
    nk = c.person()
    mrn = c.P(c.mrn(), "MRN")
    name = c.PN(p, "hl7")
    dob = c.PD(c.dob(), "hl7")
    ssn = c.P(c.ssn("dash"), "SSN")
    st = c.P(c.street(upper=True, unit=False), "ADDRESS")
    city = c.P(c.city().upper(), "CITY")
    z = c.P(c.zip5(), "ZIP")
    ph = c.P(c.phone("paren2"), "PHONE")
    nkn = c.P("%s^%s" % (nk.last.upper(), nk.first.upper()), "NAME")
    nkph = c.P(c.phone("paren2"), "PHONE")
    mid = c.P(c.member(), "HEALTH_PLAN")
    ctl = c.K("A04%09d" % c.ri(1, 999999999), "msg_id")
    segs = ["MSH|^~\\&|SOLACE|KESTREL|EPIC|REGIONAL|%s||ADT^A04|%s|P|2.5.1" % (c.K(c.ts("hl7"), "timestamp"), ctl),
            "EVN|A04|%s" % c.ts("hl7"),
            "PID|1||%s^^^SOLACE^MR||%s||%s|%s|||%s^^%s^%s^%s||%s|||||||%s" % (mrn, name, dob, c.ch("FMU"), st, city, c.state(), z, ph, ssn),
            "NK1|1|%s|%s||%s" % (nkn, c.ch(["SPO", "MTH", "FTH", "SIS", "BRO"]), nkph),
            "IN1|1|%s|%s|%s|||||||||||||||||||||||||||||||||||%s" % (c.ch(["BCBS01", "AET02", "CIG01"]), c.dbid(10000, 99999), c.ch(["AETNA", "CIGNA", "BCBS", "UHC"]), mid)]
    return ("hl7-bridge: ACK AE for %s from EPIC/REGIONAL: 'PID-19 not permitted on this interface'\n%s"
            % (ctl, c.ch(["\r", "\n"]).join(segs)))


@tpl("hl7-oru-critical-lithium", "log")
def _(c):
    p = c.person()
    doc = c.clin()
    mrn = c.P(c.mrn(), "MRN")
    name = c.PN(p, "hl7")
    dob = c.PD(c.dob(), "hl7")
    npi = c.P(c.npi(), "LICENSE")
    dn = c.P("%s^%s" % (doc.last.upper(), doc.first.upper()), "NAME")
    val = "%.1f" % (c.ri(13, 30) / 10.0)
    segs = ["MSH|^~\\&|LAB|QUEST|SOLACE|HARBORLIGHT|%s||ORU^R01|%s|P|2.3" % (c.K(c.ts("hl7"), "timestamp"), c.K("Q%d" % c.ri(10 ** 8, 10 ** 9 - 1), "msg_id")),
            "PID|1||%s||%s||%s|%s" % (mrn, name, dob, c.ch("FM")),
            "OBR|1|%s||%s^Lithium, Serum|||%s||||||||%s^^^^MD" % (c.K(c.dbid(10 ** 7, 10 ** 8 - 1), "order_id"), c.K("007120", "lab_code"), c.ts("hl7"), npi + "^" + dn),
            "OBX|1|NM|%s^Lithium^LN||%s|mmol/L|0.6-1.2|HH|||F" % (c.K("14334-7", "loinc"), val)]
    return ("lab-inbound WARN critical result routed to unassigned inbox: ordering provider NPI not mapped to clinician\n%s"
            % "<CR>".join(segs))


@tpl("surescripts-newrx-error-xml", "log")
def _(c):
    p = c.person()
    doc = c.clin()
    dob = c.PD(c.dob(), "iso")
    xml = ("<Patient><HumanPatient><Name><LastName>%s</LastName><FirstName>%s</FirstName></Name><Gender>%s</Gender>"
           "<DateOfBirth><Date>%s</Date></DateOfBirth><Address><AddressLine1>%s</AddressLine1><City>%s</City>"
           "<StateProvince>%s</StateProvince><PostalCode>%s</PostalCode><CountryCode>US</CountryCode></Address>"
           "<CommunicationNumbers><PrimaryTelephone><Number>%s</Number></PrimaryTelephone></CommunicationNumbers>"
           "</HumanPatient></Patient><Prescriber><NonVeterinarian><Identification><NPI>%s</NPI><DEANumber>%s</DEANumber>"
           "</Identification></NonVeterinarian></Prescriber>"
           % (html.escape(c.P(p.last, "NAME")), html.escape(c.P(p.first, "NAME")), c.ch("FM"), dob,
              c.P(c.street(), "ADDRESS"), c.P(c.city(), "CITY"), c.state(), c.P(c.zip5(), "ZIP"),
              c.P(c.phone("plain"), "PHONE"), c.P(c.npi(), "LICENSE"), c.P(c.dea(doc.last), "LICENSE")))
    return ("erx-gateway ERROR Surescripts Error %s/%s 'Patient not found' for NewRx %s (drug %s)\n%s"
            % (c.K("900", "status"), c.K("1000", "error_code"), c.K(c.hexs(32), "message_id"), c.K(c.ch(DRUGS), "drug"), xml))


@tpl("x12-271-aaa-rejection", "log")
def _(c):
    p = c.person()
    l = c.P(ascii_fold(p.last).upper(), "NAME")
    f = c.P(ascii_fold(p.first).upper(), "NAME")
    mid = c.P(c.member(), "HEALTH_PLAN")
    st = c.P(ascii_fold(c.street(upper=True, unit=False)), "ADDRESS")
    city = c.P(c.city().upper(), "CITY")
    z = c.P(c.zip9(dash=False), "ZIP")
    dob = c.PD(c.dob(), "hl7")
    return ("eligibility-worker ERROR 271 rejection %s (Invalid/Missing Subscriber/Insured ID) trace=%s\n"
            "ISA*00*          *00*          *ZZ*%s *ZZ*SOLACEPM       *%s*%s*^*00501*%s*0*P*:~\n"
            "HL*3*2*22*0~\nTRN*2*%s*9SOLACEPM~\n"
            "NM1*IL*1*%s*%s*%s***MI*%s~\nN3*%s~\nN4*%s*%s*%s~\nDMG*D8*%s*%s~\nAAA*N**72*C~"
            % (c.K("AAA*N**72*C", "x12_segment"), c.K("%d-%d" % (c.ri(10000, 99999), c.ri(1000, 9999)), "trace_id"),
               c.ch(["AVAILITY", "CHNGHC", "OFFALLY"]).ljust(15)[:14], c.ts("hl7")[2:8], c.ts("hl7")[8:12],
               c.K("%09d" % c.ri(1, 999999999), "control_number"), c.dbid(10000, 99999), l, f, p.mid, mid, st, city,
               c.state(), z, dob, c.ch("FM")))


@tpl("twilio-status-callback-form", "log")
def _(c):
    p = c.person()
    doc = c.clin()
    ph = c.P(c.phone("e164"), "PHONE")
    c.P(p.first, "NAME")
    c.P(doc.last, "NAME")
    d = c.PD(c.appt(), "md_abbr")
    body = "Hi %s, your appointment with Dr. %s is confirmed for %s." % (p.first, doc.last, d)
    return ("POST /webhooks/twilio/status %s %dms body: SmsSid=%s&SmsStatus=undelivered&MessageStatus=undelivered&To=%s&From=%s&ErrorCode=%s&Body=%s"
            % (c.K("200", "status"), c.ri(3, 90), c.K("SM" + c.hexs(32), "message_sid"), quote_plus(ph),
               quote_plus("+1%s5550100" % c.ch(["503", "971"])), c.K("30003", "error_code"), quote_plus(body)))


@tpl("telehealth-join-ice-failure", "log")
def _(c):
    p = c.person()
    name = c.PN(p, c.ch(["fli", "fl", "nick"]))
    ip = c.P(c.pubip(), "IP")
    em = c.P(c.email(p), "EMAIL")
    return ('ts=%s level=warn svc=%s room=%s participant_role=client display_name="%s" email=%s client_ip=%s '
            'ua="SolaceTelehealth/%s (iPhone15,2; iOS 17.4)" event=ice_failed candidates=0 turn=%s:%s duration_ms=%s'
            % (c.K(c.ts("iso"), "timestamp"), c.K("telehealth-broker", "service"), c.K("rm_" + c.hexs(16), "room_id"),
               name, em, ip, c.ver(), c.K(c.infra_ip(), "infra_ip"), c.K("3478", "port"), c.K(str(c.ri(5000, 40000)), "duration")))


@tpl("mdm-enrollment-webhook", "log")
def _(c):
    p = c.person()
    mrn = c.P(c.mrn(), "MRN")
    ev = {"event": "device.enrolled", "occurred_at": c.K(c.ts("isoz"), "timestamp"),
          "device": {"imei": c.P(c.imei(c.ch(["plain", "dash"])), "DEVICE"), "serial_number": c.P(c.serial(), "DEVICE"),
                     "model": c.ch(["SM-X200", "SM-T220", "iPad (9th generation)", "Lenovo TB-X306F"]), "os": "Android 14"},
          "assigned_user": {"name": c.PN(p, c.ch(["fl", "lf"])), "external_id": mrn}, "policy": c.K("loaner-telehealth-v3", "policy")}
    return "mdm-sync ERROR assignment rejected: external_id not found in directory\n" + json.dumps(ev, ensure_ascii=False)


@tpl("fhir-operationoutcome-bundle", "log")
def _(c):
    p = c.person()
    mrn = c.P(c.mrn(), "MRN")
    url = c.P("https://fhir.partnerhealth.net/r4/Patient/%s" % mrn, "URL")
    res = {"resourceType": "Bundle", "type": "transaction-response", "entry": [{
        "fullUrl": url,
        "resource": {"resourceType": "Patient", "identifier": [{"type": {"text": "MRN"}, "value": mrn}],
                     "name": [{"family": c.P(p.last, "NAME"), "given": [c.P(p.first, "NAME")]}],
                     "birthDate": c.PD(c.dob(), "iso"),
                     "telecom": [{"system": "phone", "value": c.P(c.phone("dash"), "PHONE")},
                                 {"system": "email", "value": c.P(c.email(p), "EMAIL")}]},
        "response": {"status": "422 Unprocessable Entity", "outcome": {"resourceType": "OperationOutcome", "issue": [
            {"severity": "error", "code": c.K("business-rule", "fhir_code"),
             "diagnostics": "Patient.identifier: duplicate MRN for assigner Organization/%s" % c.K(c.dbid(1000, 9999), "db_id")}]}}}]}
    return "fhir-sync: transaction %s partially failed\n%s" % (c.K(c.uuid(), "uuid"), json.dumps(res, indent=2, ensure_ascii=False))


@tpl("nemt-ride-dispatch-logfmt", "log")
def _(c):
    p = c.person()
    drv = c.person()
    return ('ts=%s level=error svc=%s msg="dispatch rejected by vendor" ride=%s vendor=%s driver="%s" vehicle_plate=%s vehicle_vin=%s '
            'rider="%s" pickup="%s" rider_phone=%s reason="vehicle not wheelchair-accessible"'
            % (c.K(c.ts("isoz"), "timestamp"), c.K("transport-svc", "service"), c.K("RIDE-%s" % c.dbid(100000, 999999), "ride_id"),
               c.K(c.ch(["ModivCare", "MTM", "Veyo", "Roundtrip"]), "vendor"), c.PN(drv, c.ch(["fl", "fli"])),
               c.P(c.plate(), "VEHICLE"), c.P(c.vin(), "VEHICLE"), c.PN(p, "fl"), c.P(c.street(), "ADDRESS"),
               c.P(c.phone("e164"), "PHONE")))


@tpl("fax-inbound-ocr-nomatch", "log")
def _(c):
    p = c.person()
    fax = c.P(c.phone(c.ch(["intl", "dash", "paren"])), "FAX")
    t = c.moment()
    name = c.PN(p, c.ch(["LF", "FL"]))
    dob = c.PD(c.dob(), c.ch(["us", "us2", "dmy_abbr"]))
    return ("%s fax-relay INFO inbound fax from %s CSID='%s' pages=%d -> docs-ocr\n"
            "%s docs-ocr WARN patient match failed: ocr.name='%s' ocr.dob='%s' candidates=0 confidence=%s doc=%s"
            % (c.K(c.ts("py", t), "timestamp"), fax, c.ch(["VALLEY PEDS", "RIVERSIDE FM", "SUMMIT IM", "COPPERLINE PC"]), c.ri(1, 14),
               c.K(c.ts("py", t + dt.timedelta(seconds=c.ri(2, 40))), "timestamp"), name, dob, c.K("0.%02d" % c.ri(10, 60), "score"), c.K(c.uuid(), "uuid")))


@tpl("epcs-signing-failure", "log")
def _(c):
    p = c.person()
    doc = c.clin()
    return ("[EPCS] %s signing failed: two-factor token expired; prescriber=\"Dr. %s\" dea=%s npi=%s patient=\"%s\" rx=%s "
            "drug=\"%s\" schedule=%s session=%s"
            % (c.K(c.ts("isoz"), "timestamp"), c.PN(doc, "fl"), c.P(c.dea(doc.last), "LICENSE"), c.P(c.npi(), "LICENSE"),
               c.PN(p, c.ch(["fl", "lf"])), c.P(c.rx(), "OTHER_ID"),
               c.K(c.ch(["buprenorphine-naloxone 8 mg-2 mg SL film", "clonazepam 0.5 mg", "lisdexamfetamine 30 mg", "methylphenidate ER 36 mg"]), "drug"),
               c.K(c.ch(["CII", "CIII", "CIV"]), "schedule"), c.K(c.uuid(), "uuid")))


@tpl("credentialing-caqh-sync-json", "log")
def _(c):
    doc = c.clin()
    rec = {"job": c.K("caqh-sync", "job"), "run": c.K(c.uuid(), "uuid"), "provider": {
        "name": c.PN(doc, c.ch(["fl", "lf"])) + ", " + doc.cred, "npi": c.P(c.npi(), "LICENSE"),
        "licenses": [{"state": c.state(), "number": c.P(c.state_license(), "LICENSE"), "type": doc.cred}]},
        "error": "NPPES taxonomy mismatch %s vs %s" % (c.K("103T00000X", "taxonomy"), c.K("101YM0800X", "taxonomy")),
        "at": c.ts("iso")}
    return json.dumps(rec, ensure_ascii=False)


@tpl("claims-export-csv-row", "log")
def _(c):
    p = c.person()
    row = c.ri(2, 900)
    raw = "|".join([c.P(ascii_fold(p.last).upper(), "NAME"), c.P(ascii_fold(p.first).upper(), "NAME"),
                    c.PD(c.dob(), "hl7"), c.P(c.member(c.ch(["bcbs", "w", "uhc"])), "HEALTH_PLAN"),
                    c.P("%06d" % c.ri(1000, 999999), "HEALTH_PLAN"), c.P(c.zip9(), "ZIP"), c.K(c.cpt(), "cpt"),
                    c.K(c.icd(), "icd"), c.K(c.amount(), "amount")])
    return ("claims-export %s row %d rejected: invalid subscriber id (expected 3-alpha prefix) batch=%s\nraw='%s'"
            % (c.K(c.ts("isoz"), "timestamp"), row, c.K("B%s" % c.dbid(100000, 999999), "batch_id"), raw))


@tpl("payment-gateway-response-log", "log")
def _(c):
    p = c.person()
    rec = {"level": "ERROR", "logger": "payments.gateway", "message": "charge failed",
           "request": {"card_number": c.P(c.card(c.ch(["plain", "space"])), "ACCOUNT"), "cvv": "***",
                       "billing_zip": c.P(c.zip5(), "ZIP"), "cardholder": c.PN(p, c.ch(["FL", "fl"])),
                       "guarantor_account": c.P(c.acct(c.ch(["acct", "g", "pt"])), "ACCOUNT"), "amount": c.K(c.amount(), "amount")},
           "client_ip": c.P(c.pubip(), "IP"), "response": {"code": "05", "text": "Do Not Honor"},
           "request_id": c.K(c.uuid(), "request_id")}
    return json.dumps(rec)


@tpl("postmark-hard-bounce", "log")
def _(c):
    p = c.person()
    em = c.P(c.email(p), "EMAIL")
    first = c.P(p.nick or p.first, "NAME")
    ev = {"RecordType": "Bounce", "Type": c.K("HardBounce", "bounce_type"), "TypeCode": 1, "MessageID": c.K(c.uuid(), "uuid"),
          "Email": em, "From": "no-reply@solacepm.com", "Subject": "%s, your visit summary is ready" % first,
          "Description": "The server was unable to deliver your message (ex: unknown user, mailbox not found).",
          "BouncedAt": c.K(c.ts("isoz"), "timestamp"), "MessageStream": "outbound"}
    return "notify-svc: suppressing address after bounce\n" + json.dumps(ev, indent=2, ensure_ascii=False)


@tpl("k8s-go-log-eligibility-terminated", "log")
def _(c):
    p = c.person()
    return ("%s eligibility.go:%d: member %s (%s) coverage terminated effective %s; payer=%s pod=eligibility-worker-%s-%s"
            % (c.K(c.ts("go"), "timestamp"), c.ri(50, 400), c.P(c.member(), "HEALTH_PLAN"), c.PN(p, c.ch(["lf", "LFc"])),
               c.PD(c.appt(), c.ch(["iso", "us"])), c.K(c.payer(), "payer"), c.hexs(9), c.hexs(5)))


@tpl("serilog-refund-clef", "log")
def _(c):
    p = c.person()
    rec = {"@t": c.K(c.ts("isoz"), "timestamp"), "@mt": "Refund {RefundId} for {GuarantorName} account {AccountNumber} failed: {Reason}",
           "@l": "Error", "RefundId": int(c.K(c.dbid(10000, 99999), "db_id")), "GuarantorName": c.PN(p, "fl"),
           "AccountNumber": c.P(c.acct(c.ch(["num", "acct"])), "ACCOUNT"), "Reason": "original charge not settled",
           "ServiceDate": c.PD(c.appt(), "us"), "Amount": c.K(c.amount(), "amount"), "SourceContext": "Solace.Billing.Refunds"}
    return json.dumps(rec)


@tpl("elixir-logger-postgrex-contacts", "log")
def _(c):
    p = c.person()
    ph = c.P(c.phone("e164"), "PHONE")
    name = c.PN(p, "fl")
    em = c.P(c.email(p), "EMAIL")
    return ("%s [error] Postgrex.Error: ERROR %s (unique_violation) duplicate key value violates unique constraint \"%s\"\n\n"
            "    table: contacts\n    constraint: contacts_phone_index\n\nKey (phone)=(%s) already exists.\n"
            "query: INSERT INTO \"contacts\" (\"name\",\"phone\",\"email\",\"inserted_at\") VALUES ($1,$2,$3,$4)\nparams: [%s, %s, %s, ~U[%s]]"
            % (c.K(c.ts("hms"), "timestamp"), c.K("23505", "error_code"), c.K("contacts_phone_index", "constraint"), ph,
               rb_str(name), rb_str(ph), rb_str(em), c.K(c.ts("isoz"), "timestamp")))


@tpl("risk-model-age-clamp", "log")
def _(c):
    age = c.age90()
    return ("%s WARN risk-model %s: patient age %s outside training range [18, 89]; clamping. mrn=%s model=%s run=%s"
            % (c.K(c.ts("py"), "timestamp"), c.K("v%s" % c.ver(), "version"), c.P(age, "AGE_OVER_89"), c.P(c.mrn(), "MRN"),
               c.K("phq9-deterioration", "model"), c.K(c.uuid(), "uuid")))


@tpl("redis-monitor-cache-keys", "log")
def _(c):
    p = c.person()
    mrn = c.P(c.mrn(), "MRN")
    ph = c.P(c.phone("e164"), "PHONE")
    em = c.P(c.email(p), "EMAIL")
    ip = c.K(c.infra_ip(), "infra_ip")
    t = c.ts("epoch")
    return ("redis slowlog / MONITOR excerpt attached to alert cache-hit-ratio<0.4\n"
            '%s.%s [0 %s:%d] "HGETALL" "patient:%s"\n'
            '%s.%s [0 %s:%d] "SET" "optout:sms:%s" "1" "EX" "2592000"\n'
            '%s.%s [0 %s:%d] "HSET" "patient:%s" "email" "%s"'
            % (t, c.dg(6), ip, c.ri(30000, 60000), mrn, t, c.dg(6), ip, c.ri(30000, 60000), ph, t, c.dg(6), ip,
               c.ri(30000, 60000), mrn, em))


@tpl("graphql-invalid-variable-ssn", "log")
def _(c):
    p = c.person()
    ssn = c.P(c.ssn(c.ch(["space", "plain"])), "SSN")
    out = {"errors": [{"message": "Variable \"$input\" got invalid value \"%s\" at \"input.ssn\"; Expected type \"SSN\"." % ssn,
                       "extensions": {"code": c.K("BAD_USER_INPUT", "error_code")}}],
           "operationName": c.K("CreateGuarantor", "operation"),
           "variables": {"input": {"fullName": c.PN(p, "fl"), "ssn": ssn, "dob": c.PD(c.dob(), "us"),
                                   "address": {"line1": c.P(c.street(), "ADDRESS"), "state": c.state()}}}}
    return "graphql %s %s\n%s" % (c.K(c.ts("iso"), "timestamp"), c.K("billing-gateway", "service"), json.dumps(out, ensure_ascii=False))


@tpl("parking-permit-sync", "log")
def _(c):
    p = c.person()
    return ("%s parking-sync WARN plate %s (%s) registered to %s not found in lot vendor roster; visitor pass for %s not issued (lot=%s, permit_batch=%s)"
            % (c.K(c.ts("isoz"), "timestamp"), c.P(c.plate(), "VEHICLE"), c.state(), c.PN(p, c.ch(["fl", "lf", "FL"])),
               c.PD(c.appt(), c.ch(["md", "md_abbr"])), c.ch(["B", "C", "North"]), c.K("PB-%s" % c.dbid(1000, 9999), "batch_id")))


@tpl("fax-outbound-retry-logfmt", "log")
def _(c):
    p = c.person()
    doc = c.clin()
    return ('ts=%s level=warn svc=%s job=%s to=%s attempt=%d status=NO_ANSWER cover.attn="Dr. %s" cover.re="%s, %s." pages=%d'
            % (c.K(c.ts("isoz"), "timestamp"), c.K("fax-relay", "service"), c.K("fx_%s" % c.dbid(10000, 99999), "job_id"),
               c.P(c.phone(c.ch(["one", "e164", "dash"])), "FAX"), c.ri(1, 3), c.PN(doc, c.ch(["fl", "il"])),
               c.P(p.last.upper(), "NAME"), p.first[0], c.ri(2, 20)))


@tpl("security-impossible-travel", "log")
def _(c):
    p = c.person()
    user = c.P(c.username(p), "OTHER_ID")
    return ("security-alerts: impossible travel for portal user %s: %s (%s, %s) -> %s (%s, %s) within %dm; session %s revoked"
            % (user, c.P(c.pubip(), "IP"), c.P(c.city(), "CITY"), c.state(), c.P(c.pubip(), "IP"), c.P(c.city(), "CITY"),
               c.state(), c.ri(3, 50), c.K("sess_" + c.hexs(20), "session_id")))


@tpl("labcorp-order-rejected-json", "log")
def _(c):
    p = c.person()
    doc = c.clin()
    order = {"orderingProvider": {"npi": c.P(c.npi(), "LICENSE"), "name": c.PN(doc, "lf")},
             "patient": {"name": {"last": c.P(p.last, "NAME"), "first": c.P(p.first, "NAME")}, "dob": c.PD(c.dob(), "hl7"), "sex": c.ch("FM")},
             "billing": {"type": "insurance", "memberId": c.P(c.member(), "HEALTH_PLAN"), "groupNumber": c.P(c.group(), "HEALTH_PLAN")},
             "tests": [{"code": c.K("007120", "lab_code"), "name": "Lithium, Serum"}, {"code": c.K("322000", "lab_code"), "name": "CMP"}]}
    return ("labs-worker ERROR order %s rejected by Labcorp: %s\n%s"
            % (c.K("ORD-%s" % c.dbid(100000, 999999), "order_id"), c.K("INVALID_GROUP_NUMBER", "error_code"), json.dumps(order)))


@tpl("audit-break-glass-access", "log")
def _(c):
    doc = c.clin()
    mrn = c.P(c.mrn(), "MRN")
    res = c.P("/clinics/%s/patients/%s/notes/%s" % (c.dbid(10, 99), mrn, c.dbid(10000, 99999)), "URL")
    return ('AUDIT %s user_id=%s role=therapist action=chart.view resource=%s ip=%s break_glass=true reason="covering for Dr. %s"'
            % (c.K(c.ts("isoz"), "timestamp"), c.K(c.dbid(1000, 9999), "db_id"), res, c.K(c.infra_ip(), "infra_ip"),
               c.PN(doc, c.ch(["fl", "il"]))))


@tpl("ach-refund-return", "log")
def _(c):
    p = c.person()
    return ("payments-api %s ACH return %s (No Account/Unable to Locate Account) for refund %s: receiver=\"%s\" account=%s amount=%s trace=%s"
            % (c.K(c.ts("iso"), "timestamp"), c.K("R03", "error_code"), c.K(c.dbid(10000, 99999), "db_id"),
               c.PN(p, c.ch(["FL", "fl"])), c.P(c.acct("bank"), "ACCOUNT"), c.K(c.amount(), "amount"),
               c.K("0%d" % c.ri(10 ** 13, 10 ** 14 - 1), "trace_id")))


@tpl("wearable-sleep-sync-revoked", "log")
def _(c):
    p = c.person()
    return ("%s integrations.wearables ERROR sync failed device_serial=%s mac=%s paired_to=%r vendor=%s error=%s account=%s"
            % (c.K(c.ts("py"), "timestamp"), c.P(c.serial(), "DEVICE"), c.P(c.mac(), "DEVICE"), c.PN(p, "fl"),
               c.K(c.ch(["Oura", "Fitbit", "Withings", "Garmin"]), "vendor"), c.K("token_revoked", "error_code"),
               c.K(c.uuid(), "uuid")))


@tpl("pharmacy-rxfill-status-json", "log")
def _(c):
    p = c.person()
    rec = {"source": "pharmacy-hub", "event": "rx.fill.rejected", "rx_number": c.P(c.rx(), "OTHER_ID"),
           "patient": {"name": c.PN(p, "LF"), "dob": c.PD(c.dob(), "us"), "phone": c.P(c.phone("dash"), "PHONE")},
           "reject": {"code": "75", "text": "Prior Authorization Required"},
           "drug": c.K(c.ch(DRUGS), "drug"), "ncpdp": c.K("NCPDP-%d" % c.ri(1000000, 9999999), "pharmacy_id")}
    return json.dumps(rec)


# ---- PHI-free logs --------------------------------------------------------


@tpl("k8s-events-crashloop", "log", clean=True)
def _(c):
    svc = c.K(c.ch(SERVICES), "service")
    return ("LAST SEEN   TYPE      REASON      OBJECT                       MESSAGE\n"
            "%dm         Warning   BackOff     pod/%s-%s-%s   Back-off restarting failed container %s in pod %s-%s-%s_prod\n"
            "%dm         Warning   Unhealthy   pod/%s-%s-%s   Readiness probe failed: Get \"http://%s:%s/healthz\": dial tcp %s:%s: connect: connection refused\n"
            "image: registry.internal/%s:%s"
            % (c.ri(1, 9), svc, "7d9f", "x2k", svc, svc, "7d9f", "x2k", c.ri(1, 9), svc, "7d9f", "x2k",
               c.K(c.infra_ip(), "infra_ip"), c.K("8080", "port"), c.K(c.infra_ip(), "infra_ip"), "8080", svc, c.K(c.ver(), "version")))


@tpl("lb-healthcheck-5xx", "log", clean=True)
def _(c):
    return ("ALB target group tg-%s: %d/%d targets unhealthy; HTTPCode_Target_5XX_Count=%s over 5 min; p99=%s; "
            "first_seen=%s; targets=%s:%s, %s:%s"
            % (c.K(c.ch(SERVICES), "service"), c.ri(1, 3), 4, c.K(str(c.ri(20, 900)), "count"), c.K(str(c.ri(800, 9000)) + "ms", "duration"),
               c.K(c.ts("isoz"), "timestamp"), c.K(c.infra_ip(), "infra_ip"), c.K("8443", "port"), c.K(c.infra_ip(), "infra_ip"), "8443"))


@tpl("cron-claims-batch-summary", "log", clean=True)
def _(c):
    return ("cron claims-submit finished %s: batch=%s claims=%s accepted=%s rejected=%s (CO-16: %d, CO-197: %d) total_billed=$%s "
            "payer_split={%s: %d, %s: %d} build=%s"
            % (c.K(c.ts("isoz"), "timestamp"), c.K("B-%s" % c.dbid(100000, 999999), "batch_id"), c.K(str(c.ri(400, 4000)), "count"),
               c.ri(300, 3900), c.ri(1, 60), c.ri(1, 30), c.ri(1, 30), c.K("%d,%03d.%02d" % (c.ri(10, 900), c.ri(0, 999), c.ri(0, 99)), "amount"),
               c.K(c.payer(), "payer"), c.ri(10, 900), c.K(c.payer(), "payer"), c.ri(10, 900), c.K(str(c.ri(1000, 9999)), "build")))


@tpl("ratelimit-infra-burst", "log", clean=True)
def _(c):
    return ('level=warn ts=%s svc=api-gateway msg="rate limit exceeded" client=%s route=%s limit=%d/min observed=%d trace_id=%s flag=%s'
            % (c.K(c.ts("isoz"), "timestamp"), c.K(c.infra_ip(), "infra_ip"), c.K("/v1/appointments/availability", "route"),
               c.ch([600, 1200]), c.ri(1300, 9000), c.K(c.hexs(32), "trace_id"), c.K("ff_availability_cache_v2", "feature_flag")))


@tpl("tls-cert-expiry-warning", "log", clean=True)
def _(c):
    return ("cert-manager: Certificate %s in namespace prod expires in %d days (notAfter=%s); renewal failed: "
            "ACME order %s: 429 urn:ietf:params:acme:error:rateLimited"
            % (c.K(c.ch(["portal-solacepm-com", "api-solacepm-com", "fax-relay-internal"]), "resource"), c.ri(2, 14),
               c.K(c.ts("isoz"), "timestamp"), c.K(c.dbid(10 ** 9, 10 ** 10 - 1), "order_id")))


@tpl("migration-log-columns", "log", clean=True)
def _(c):
    return ("== %s AddIndexToAppointmentsOnClinicianIdAndStartsAt: migrating ==\n"
            "-- add_index(:appointments, [:clinician_id, :starts_at], {:algorithm=>:concurrently})\n"
            "rails aborted!\n%s: PG::LockNotAvailable: ERROR:  canceling statement due to lock timeout\n"
            "table=%s column=%s lock_timeout=%s release=%s"
            % (c.K(c.ts("hl7"), "migration_version"), c.K("StandardError", "exception"), c.K("appointments", "table"),
               c.K("starts_at", "column"), c.K("5s", "duration"), c.K("v" + c.ver(), "version")))


@tpl("feature-flag-evaluation", "log", clean=True)
def _(c):
    rec = {"ts": c.K(c.ts("iso"), "timestamp"), "level": "warn", "msg": "flag evaluation fell back to default",
           "flag": c.K(c.ch(["ff_new_intake_flow", "ff_sms_two_way", "ff_superbill_v3", "ff_telehealth_waiting_room"]), "feature_flag"),
           "reason": "ERROR_FLAG_NOT_FOUND", "org_id": int(c.K(c.dbid(100, 999), "db_id")), "sdk": "launchdarkly-node@" + c.K(c.ver(), "version"),
           "request_id": c.K(c.uuid(), "request_id")}
    return json.dumps(rec)


@tpl("cdn-static-origin-errors", "log", clean=True)
def _(c):
    return ("%s %s %s GET /static/js/main.%s.js %s %d \"origin: %s:%s\" x-cache=Error x-amz-cf-id=%s"
            % (c.K(c.ts("isoz"), "timestamp"), c.K("IAD89-C1", "edge"), c.K(c.infra_ip(), "infra_ip"),
               c.K(c.hexs(8), "hash"), c.K("503", "status"), c.ri(200, 900), c.infra_ip(), c.K("8080", "port"),
               c.K(c.alnum(20, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") + "==", "request_id")))


# ==========================================================================
# 3. Human-written text that ends up in alerts
# ==========================================================================


@tpl("ticket-portal-login-frontdesk", "human")
def _(c):
    p = c.person(sex="F")
    return ("[Zendesk #%s] Priority: normal | Requester: front desk (%s)\n"
            "Hi team - patient %s can't get into the portal, keeps saying 'invalid credentials'. Her username is %s and she "
            "swears she reset it yesterday. DOB on file is %s, she confirmed it on the phone. Best number to reach her is %s "
            "or email %s. Can someone unlock? Error she sees: %s\nThanks!"
            % (c.K(c.dbid(40000, 99999), "ticket_id"), c.ch(CLINICS), c.PN(p, c.ch(["fl", "fml", "nick"])), c.P(c.username(p), "OTHER_ID"),
               c.PD(c.dob(), c.ch(["us", "written", "us2"])), c.P(c.phone(c.ch(["paren", "dash", "dot"])) if c.coin(0.75) else c.intl_phone(), "PHONE"),
               c.P(c.email(p), "EMAIL"), c.K("AUTH-4031", "error_code")))


@tpl("slack-superbill-nickname", "human")
def _(c):
    p = c.nick_person()
    nick = c.P(p.nick, "NAME")
    return ("#billing-help  %s\n"
            "anyone know why %s's superbill didn't go out?? (%s, dob %s) - statement run %s skipped acct %s. "
            "%s says they never got the %s receipt for %s on %s\n"
            "  -> thread reply: probably the missing guarantor again, checking"
            % (c.K(c.ts("hms")[:5], "timestamp"), nick, c.PN(p, "fl"), c.PD(c.dob(), c.ch(["us2", "md_abbr", "us1"])),
               c.K("stmt-%s" % c.dbid(20000, 99999), "batch_id"), c.P(c.acct(), "ACCOUNT"), nick, c.K("$" + c.amount(), "amount"),
               c.K(c.cpt(), "cpt"), c.PD(c.appt(), "md")))


@tpl("note-sign-failure-elderly", "human")
def _(c):
    p = c.person(old=True, sex="F")
    kid = c.person()
    age = c.P(c.age90(), "AGE_OVER_89")
    dn = c.PN(p, c.ch(["fl", "lf"]))
    return ("Note failed to sign (%s): progress note draft below was saved locally.\n"
            "---\nPt %s is a %s-year-old widowed %s seen for f/u of %s. Accompanied by daughter %s, who manages meds. "
            "Reports poor sleep since husband's death on %s. No SI/HI. Plan: continue %s, RTC 4 wks.\n---\ndraft_id=%s"
            % (c.K("ESignatureLockedError", "exception"), dn, age, c.ch(["woman", "female", "retired teacher"]),
               c.K(c.ch(["F32.1", "F33.1", "F41.1", "F43.23", "G47.00", "F43.21"]), "icd"), c.PN(kid, "fl"), c.PD(c.appt(), c.ch(["md_written", "md"])), c.K(c.ch(DRUGS), "drug"),
               c.K(c.uuid(), "uuid")))


@tpl("sms-inbound-cancel-en", "human")
def _(c):
    p = c.person()
    return ("Inbound SMS to clinic line (conversation %s):\n\"hi this is %s i need to cancel my appt on %s, something came up w work. "
            "can u call me back at %s?? thx\"\nauto-reply suppressed: %s"
            % (c.K("CH" + c.hexs(32), "conversation_sid"), c.PN(p, c.ch(["fl", "low", "nick"])), c.PD(c.appt(), c.ch(["md", "md_written", "md_abbr"])),
               c.P(c.phone(c.ch(["dash", "plain", "dot"])), "PHONE"), c.K("STOP_KEYWORD_NOT_MATCHED", "reason")))


@tpl("email-daughter-mother-elderly", "human")
def _(c):
    mom = c.person(old=True, sex="F")
    d = c.person(sex="F")
    em = c.P(c.email(d), "EMAIL")
    return ("From: %s <%s>\nSubject: My mother's appointment\n\n"
            "Hello, I'm writing about my mother, %s. She is %s and no longer drives, so telehealth would be much easier. "
            "Her address is %s, %s, %s %s and her landline is %s. Please send paperwork to me instead. "
            "Thank you,\n%s\n\n[forwarded by intake-mailbox rule %s]"
            % (c.PN(d, "fl"), em, c.PN(mom, c.ch(["fl", "fml"])), c.P(c.age90(), "AGE_OVER_89"), c.P(c.street(), "ADDRESS"),
               c.P(c.city(), "CITY"), c.state(), c.P(c.ch([c.zip5(), c.zip9()]), "ZIP"), c.P(c.phone("paren"), "PHONE"),
               c.P(d.first, "NAME"), c.K("R-%s" % c.dbid(100, 999), "rule_id")))


@tpl("voicemail-transcript-en", "human")
def _(c):
    p = c.person()
    ph = c.P(c.phone(c.ch(["dash", "plain"])), "PHONE")
    return ("Voicemail transcript (confidence %s, duration %s, vm id %s):\n"
            "\"Hi, uh, this is %s calling, my date of birth is %s. I'm calling because my insurance changed, the new member ID is %s, "
            "and I wanted to make sure my session next week is still covered. You can call me back at %s. Thanks, bye.\""
            % (c.K("0.%d" % c.ri(70, 97), "score"), c.K(str(c.ri(20, 95)) + "s", "duration"), c.K(c.uuid(), "uuid"),
               c.PN(p, c.ch(["fl", "nick"])), c.PD(c.dob(), c.ch(["written", "abbr"])),
               c.P(c.member(), "HEALTH_PLAN"), ph))


@tpl("voicemail-transcript-es", "human")
def _(c):
    p = c.person()
    return ("Transcripción de buzón de voz (idioma: es-MX, confianza %s):\n"
            "\"Buenas tardes, habla %s, mi fecha de nacimiento es el %s. Le llamo porque no voy a poder llegar a la cita del %s, "
            "¿me puede regresar la llamada al %s? Muchas gracias.\"\nvm=%s"
            % (c.K("0.%d" % c.ri(60, 95), "score"), c.PN(p, c.ch(["fl", "fml"])), c.PD(c.dob(), "es"), c.PD(c.appt(), "es_md"),
               c.P(c.es_phone(), "PHONE"), c.K(c.uuid(), "uuid")))


@tpl("incident-fax-misdirected", "human")
def _(c):
    p = c.person()
    return ("INC-%s (Sev3) Misdirected fax\nSummary: records for %s (DOB %s) were faxed to %s instead of the PCP's fax %s. "
            "Recipient (a dental office) called us and confirmed they shredded the %d pages. Root cause: stale fax number in "
            "the referral contact card. Privacy officer notified at %s. Follow-up: %s."
            % (c.K(c.dbid(1000, 9999), "ticket_id"), c.PN(p, c.ch(["il", "fl", "lf"])), c.PD(c.dob(), c.ch(["iso", "us"])),
               c.P(c.phone(c.ch(["dash", "paren"])), "FAX"), c.P(c.phone(c.ch(["dash", "paren"])), "FAX"), c.ri(2, 20),
               c.K(c.ts("isoz"), "timestamp"), c.K("PRIV-%s" % c.dbid(100, 999), "ticket_id")))


@tpl("pharmacy-fax-cover-allcaps", "human")
def _(c):
    p = c.person()
    doc = c.clin()
    return ("PRIOR AUTHORIZATION REQUEST - PLEASE RESPOND WITHIN 72 HRS\nTO: DR. %s   FAX: %s\nFROM: %s PHARMACY #%s   PH: %s\n"
            "PATIENT: %s   DOB: %s   RX#: %s\nMEDICATION: %s   NPI ON RX: %s\nREASON: %s\n(ocr'd by docs-ocr %s)"
            % (c.P(doc.last.upper(), "NAME"), c.P(c.phone(c.ch(["paren", "dash"])), "FAX"),
               c.ch(["WESTSIDE", "CORNER", "VALLEY CARE", "MESA"]), c.K(c.dbid(1000, 9999), "store_id"),
               c.P(c.phone(c.ch(["paren", "dash"])), "PHONE"), c.PN(p, c.ch(["LF", "LFc", "FL"])), c.PD(c.dob(), c.ch(["us", "upper"])),
               c.P(c.rx(), "OTHER_ID"), c.K(c.ch(DRUGS).upper(), "drug"), c.P(c.npi(), "LICENSE"),
               c.K("PA REQUIRED - STEP THERAPY", "reason"), c.K(c.ver(), "version")))


@tpl("sms-inbound-es-reschedule", "human")
def _(c):
    p = c.person()
    return ("SMS entrante (%s):\n\"Hola buenas, soy %s. Quería cambiar mi cita del %s para otro día, ese día no tengo quien me cuide a los niños. "
            "Mi número es %s. Gracias\"\nstatus=unassigned locale=es"
            % (c.K(c.ts("isoz"), "timestamp"), c.PN(p, c.ch(["fl", "low", "nick"])), c.PD(c.appt(), c.ch(["es_md", "dmy"])),
               c.P(c.es_phone(), "PHONE")))


@tpl("ticket-es-portal-access", "human")
def _(c):
    p = c.person(sex="F")
    return ("Ticket #%s - Categoría: Portal de pacientes\nLa paciente %s no puede entrar al portal desde México. Su correo es %s y su fecha "
            "de nacimiento %s. Nos pide que le llamemos al %s (WhatsApp). El error que le sale es \"%s\".\nAsignado a: soporte nivel 2"
            % (c.K(c.dbid(40000, 99999), "ticket_id"), c.PN(p, c.ch(["fl", "fml"])), c.P(c.email(p), "EMAIL"),
               c.PD(c.dob(), c.ch(["dmy", "es"])), c.P(c.es_phone(mx=True), "PHONE"), c.K("ERR_GEO_BLOCKED", "error_code")))


@tpl("chat-es-staff-chart", "human")
def _(c):
    p = c.person()
    return ("#recepcion-es  %s  Oye, ¿alguien sabe por qué el expediente %s de %s no aparece en la agenda? Tiene cita el %s con la terapeuta "
            "y el sistema dice %s. Ya intenté refrescar."
            % (c.K(c.ts("hms")[:5], "timestamp"), c.P(c.mrn(), "MRN"), c.PN(p, c.ch(["fl", "low"])), c.PD(c.appt(), c.ch(["es_md", "es"])),
               c.K("SCHED-409", "error_code")))


@tpl("email-es-relative-elderly", "human")
def _(c):
    abu = c.person(old=True, sex="M")
    hijo = c.person()
    return ("De: %s\nAsunto: Cita para mi papá\n\nBuenos días, les escribo por mi padre %s, tiene %s años y vive conmigo en %s, %s, CP %s. "
            "Él no habla inglés. ¿Pueden llamarnos al %s para programar la consulta? Saludos, %s\n[recibido vía intake@ %s]"
            % (c.P(c.email(hijo), "EMAIL"), c.PN(abu, "fl"), c.P(c.age90(), "AGE_OVER_89"), c.P(c.calle(), "ADDRESS"),
               c.P(c.city(), "CITY"), c.P(c.zip5(), "ZIP"), c.P(c.phone(c.ch(["paren", "dash"])), "PHONE"), c.PN(hijo, "fl"),
               c.K(c.ts("isoz"), "timestamp")))


@tpl("teams-car-towed-lot", "human")
def _(c):
    p = c.person(sex="F")
    return ("[Teams] Facilities  %s\nheads up: the tow company just took a %s from the back lot, plate %s, VIN on the notice is %s. "
            "Pretty sure it belongs to %s (in session w/ Dr. %s until %s). Tow yard number is on the sticker. Can someone call her at %s before she walks out?"
            % (c.K(c.ts("hms")[:5], "timestamp"), c.ch(CAR_MODELS), c.P(c.plate(), "VEHICLE"), c.P(c.vin(), "VEHICLE"),
               c.PN(p, c.ch(["fl", "nick"])), c.P(c.clin().last, "NAME"),
               c.ch(["3:50", "11:50", "2:20"]), c.P(c.phone(c.ch(["dash", "dot"])), "PHONE")))


@tpl("ticket-loaner-tablet-lost", "human")
def _(c):
    p = c.person()
    return ("JIRA OPS-%s: Loaner tablet not returned\nThe telehealth loaner assigned to %s (%s) has been offline for 21 days. "
            "IMEI %s, serial %s. Please remote-lock via MDM and mail a return label. Asset tag %s."
            % (c.K(c.dbid(1000, 9999), "ticket_id"), c.PN(p, c.ch(["fl", "lf"])), c.P(c.street(), "ADDRESS"),
               c.P(c.imei(c.ch(["plain", "dash"])), "DEVICE"), c.P(c.serial(), "DEVICE"), c.K("AT-%s" % c.dbid(1000, 9999), "asset_tag")))


@tpl("intake-court-mandated", "human")
def _(c):
    p = c.person()
    po = c.person()
    return ("Intake coordinator note (queued for review, %s): %s was referred by %s County probation, case no. %s. "
            "PO is %s, %s. Needs 12 sessions of %s by %s. Consent for release signed, scanned as %s."
            % (c.K("INTAKE-%s" % c.dbid(1000, 9999), "ticket_id"), c.PN(p, c.ch(["fl", "fml"])), c.ch(["Marlow", "Chesterfield", "Bexar", "Lane"]),
               c.P("%s-%s-%06d" % (c.ri(21, 25), c.ch(["CR", "DR", "MH"]), c.ri(1, 999999)), "OTHER_ID"), c.PN(po, "fl"),
               c.P(c.phone(c.ch(["paren", "dash"])), "PHONE"), c.K("CPT " + c.cpt(), "cpt"), c.PD(c.appt(), c.ch(["us", "written"])),
               c.K("doc_%s.pdf" % c.hexs(12), "file")))


@tpl("billing-dispute-email", "human")
def _(c):
    p = c.person()
    return ("Subject: Charged twice??\n\nI was charged twice for my %s session. My account number is %s and the card is %s. "
            "Please refund the duplicate of $%s. - %s (%s)\n\n[helpdesk auto-tag: billing/refund, queue %s]"
            % (c.PD(c.appt(), c.ch(["md_written", "md"])), c.P(c.acct(), "ACCOUNT"), c.P(c.card(c.ch(["space", "dash", "plain"])), "ACCOUNT"),
               c.K(c.amount(), "amount"), c.PN(p, "fl"), c.P(c.email(p), "EMAIL"), c.K("BILL-T2", "queue")))


@tpl("credentialing-chat-provider", "human")
def _(c):
    doc = c.clin()
    return ("#credentialing  can someone double check %s, %s before I submit to %s? NPI %s, DEA %s, %s license %s. "
            "CAQH attestation is due, app id %s"
            % (c.PN(doc, c.ch(["fl", "fml"])), doc.cred, c.K(c.payer(), "payer"), c.P(c.npi(), "LICENSE"),
               c.P(c.dea(doc.last), "LICENSE"), c.state(), c.P(c.state_license(), "LICENSE"), c.K(c.dbid(100000, 999999), "app_id")))


@tpl("care-coordination-guardian", "human")
def _(c):
    kid = c.person()
    g = c.person()
    return ("Care coordination (auto-attached to alert %s): Minor pt %s - legal guardian is %s (aunt), lives at %s in %s. "
            "Guardian cell %s. Do NOT release info to bio father. School counselor will fax IEP."
            % (c.K(c.uuid(), "uuid"), c.PN(kid, c.ch(["fl", "low"])), c.PN(g, "fl"), c.P(c.street(), "ADDRESS"), c.P(c.city(), "CITY"),
               c.P(c.phone() if c.coin(0.7) else c.intl_phone(), "PHONE")))


@tpl("identity-verification-passport", "human")
def _(c):
    p = c.person()
    return ("ID verification flagged by %s for review: client %s uploaded a passport (no. %s) for out-of-state telehealth; name on document "
            "differs from chart (%s). DOB %s matches. Reviewer please confirm before session %s."
            % (c.K("idv-service", "service"), c.PN(p, "fl"), c.P(c.passport(), "OTHER_ID"), c.PN(p, c.ch(["LF", "fml"])),
               c.PD(c.dob(), c.ch(["dmy_written", "abbr", "dmy_abbr"])), c.K(c.dbid(100000, 999999), "db_id")))


@tpl("jira-bug-repro-real-patient", "human")
def _(c):
    p = c.person()
    mrn = c.P(c.mrn(), "MRN")
    low = c.P(nm(p, "low"), "NAME")
    return ("JIRA SOL-%s [Bug] Patient search returns 500 for names with apostrophes / accents\nSteps: 1) search \"%s\" 2) open "
            "%s 3) observe %s in console.\nExpected: chart opens. Actual: 500. Sentry issue %s"
            % (c.K(c.dbid(1000, 9999), "ticket_id"), low,
               c.P("https://app.solacepm.com/patients/%s/chart" % mrn, "URL"), c.K("UnicodeEncodeError", "exception"),
               c.K("PORTAL-%s" % c.alnum(3), "issue_id")))


@tpl("eap-referral-employee-id", "human")
def _(c):
    p = c.person()
    return ("Forwarded EAP referral (auto-parsed): Employee %s, employee ID %s, work email %s, requests %d sessions; authorization %s; "
            "employer plan: %s EAP."
            % (c.PN(p, c.ch(["fl", "lf"])), c.P("%s%06d" % (c.ch(["E", "EMP", "W"]), c.ri(1, 999999)), "OTHER_ID"),
               c.P("%s.%s@%s" % (slug(p.first), slug(p.last), c.ch(["brackwater-unified.org", "harlowfoods.com", "northwind-logistics.com"])), "EMAIL"),
               c.ri(3, 8), c.K("AUTH%s" % c.dbid(100000, 999999), "auth_id"), c.K(c.ch(["Magellan", "ComPsych", "Lyra"]), "payer")))


@tpl("clinician-sticky-note-age", "human")
def _(c):
    p = c.person(old=True, sex="F")
    return ("Reminder from Dr. %s (left in task %s): call %s's son re: cognitive screen results. She's %s now, lives alone, "
            "MoCA %d/30. Consider %s referral."
            % (c.P(c.clin().last, "NAME"), c.K(c.dbid(10000, 99999), "db_id"), c.PN(p, c.ch(["fl", "nick"])), c.P(c.age90(), "AGE_OVER_89"),
               c.ri(14, 24), c.K("neuropsych", "specialty")))


@tpl("voicemail-guardian-fax-number", "human")
def _(c):
    p = c.person()
    g = c.person()
    return ("VM (%s): \"Hi, this is %s, %s's mom. The school needs the attendance letter faxed to them at %s, attention nurse's office. "
            "My number is %s. Thank you so much.\""
            % (c.K(str(c.ri(20, 80)) + "s", "duration"), c.PN(g, "fl"), c.PN(p, c.ch(["fl", "nick"])), c.P(c.phone(c.ch(["dash", "paren"])), "FAX"),
               c.P(c.phone(c.ch(["dash", "paren"])), "PHONE")))


@tpl("sms-ride-running-late", "human")
def _(c):
    p = c.person()
    return ("SMS thread (transport):\nPatient: my ride never showed, I'm waiting outside\nDispatcher bot: Your driver %s is on the way in a %s, plate %s.\n"
            "Patient: ok this is %s btw\n[flagged: ride late >20m, ride %s]"
            % (c.PN(c.person(), "fli"), c.ch(["silver Camry", "white Sienna", "gray Transit van", "blue Prius"]), c.P(c.plate(), "VEHICLE"),
               c.PN(p, c.ch(["fl", "nick", "low"])), c.K("RIDE-%s" % c.dbid(100000, 999999), "ride_id")))


@tpl("incident-es-fax-equivocado", "human")
def _(c):
    p = c.person()
    return ("Incidente %s: se envió por fax el resumen clínico de %s (nacido el %s) al número %s, que no es el consultorio correcto. "
            "El fax correcto era %s. Se notificó a privacidad el %s."
            % (c.K("INC-%s" % c.dbid(1000, 9999), "ticket_id"), c.PN(p, "fl"), c.PD(c.dob(), c.ch(["es", "dmy"])),
               c.P(c.phone("dash"), "FAX"), c.P(c.phone("dash"), "FAX"), c.K(c.ts("isoz"), "timestamp")))


@tpl("email-pcp-referral-office", "human")
def _(c):
    p = c.person()
    doc = c.clin()
    return ("From: referrals@%s\nSubject: Referral - %s\n\nPlease see attached referral for %s, DOB %s, for evaluation of %s. "
            "Referring: Dr. %s, NPI %s. Please fax records to %s or call %s.\n[attachment stripped by gateway %s]"
            % (slug(c.ch(PCP_OFFICES)) + ".com", c.PN(p, "LF"), c.PN(p, "fl"), c.PD(c.dob(), c.ch(["us", "abbr_dot"])), c.K(c.icd(), "icd"),
               c.PN(doc, "fl"), c.P(c.npi(), "LICENSE"), c.P(c.phone(c.ch(["dot", "paren"])), "FAX"),
               c.P(c.phone(c.ch(["dot", "paren"])), "PHONE"), c.K("MIME-%s" % c.dbid(1000, 9999), "error_code")))


@tpl("chat-ip-blocked-patient", "human")
def _(c):
    p = c.person(sex="F")
    return ("#support  WAF is blocking %s again - she's trying to upload her intake packet from home, IP %s, account %s. "
            "rule %s, ray id %s. can we allowlist?"
            % (c.PN(p, c.ch(["fl", "low", "nick"])), c.P(c.pubip(), "IP"), c.P(c.email(p), "EMAIL"),
               c.K("OWASP-942100", "rule_id"), c.K(c.hexs(16), "request_id")))


@tpl("ticket-es-cobro-tarjeta", "human")
def _(c):
    p = c.person()
    return ("Ticket #%s (es): \"Me cobraron dos veces la consulta del %s. La tarjeta con la que pagué es la %s y mi cuenta es %s. "
            "Por favor devuélvanme $%s. Atentamente, %s, %s\""
            % (c.K(c.dbid(40000, 99999), "ticket_id"), c.PD(c.appt(), "es_md"), c.P(c.card("space"), "ACCOUNT"),
               c.P(c.acct(), "ACCOUNT"), c.K(c.amount(), "amount"), c.PN(p, "fl"), c.P(c.email(p), "EMAIL")))


@tpl("nursing-home-email-elderly", "human")
def _(c):
    p = c.person(old=True)
    return ("From: admissions@%s\nRe: resident %s\n\nOur resident %s (age %s, Room %s) needs a psychiatric med review. Facility address "
            "%s. Please fax orders to %s. - Charge nurse %s"
            % (c.ch(["willowcrest-snf.com", "evergreenmanor.org", "harborviewcare.net"]), c.PN(p, "lf"), c.PN(p, "fl"),
               c.P(c.age90(), "AGE_OVER_89"), c.K(str(c.ri(100, 340)), "room"), c.P(c.street(unit=False), "ADDRESS"),
               c.P(c.phone(c.ch(["paren", "dash"])), "FAX"), c.PN(c.person(), "fl")))


@tpl("voicemail-es-elderly", "human")
def _(c):
    p = c.person(old=True, sex="F")
    return ("Buzón de voz (%s): \"Sí, buenas, llamo de parte de mi abuelita, %s, ella tiene %s años y necesita renovar su receta de %s. "
            "Nuestro número es el %s. Gracias.\""
            % (c.K(str(c.ri(20, 80)) + "s", "duration"), c.PN(p, "fl"), c.P(c.age90(), "AGE_OVER_89"), c.K(c.ch(DRUGS), "drug"),
               c.P(c.phone(c.ch(["dash", "paren"])), "PHONE")))


@tpl("ticket-address-change", "human")
def _(c):
    p = c.person()
    return ("Change request %s: please update %s's mailing address. OLD: %s, %s %s. NEW: %s, %s, %s %s. "
            "Statements have been returned twice (USPS code %s)."
            % (c.K("CR-%s" % c.dbid(1000, 9999), "ticket_id"), c.PN(p, c.ch(["fl", "fml"])), c.P(c.street(), "ADDRESS"), c.P(c.city(), "CITY"),
               c.P(c.zip5(), "ZIP"), c.P(c.street(), "ADDRESS"), c.P(c.city(), "CITY"), c.state(), c.P(c.zip9(), "ZIP"),
               c.K("NSN", "error_code")))


@tpl("dictation-ssn-readback", "human")
def _(c):
    p = c.person()
    return ("Dictation transcript (auto-posted after %s): \"...okay, registering new client %s, social %s, primary insurance %s, member number %s, "
            "group %s. Next...\""
            % (c.K("TranscriptionTimeout", "exception"), c.PN(p, "fl"), c.P(c.ssn(c.ch(["dash", "space"])), "SSN"), c.K(c.payer(), "payer"),
               c.P(c.member(), "HEALTH_PLAN"), c.P(c.group(), "HEALTH_PLAN")))


@tpl("incident-wrong-chart-merge", "human")
def _(c):
    a = c.person()
    b = c.person()
    return ("INC-%s: duplicate-merge job %s merged %s (MRN %s, DOB %s) into %s (MRN %s, DOB %s). Same last name, different people. "
            "Unmerge requested; %d notes affected."
            % (c.K(c.dbid(1000, 9999), "ticket_id"), c.K(c.uuid(), "uuid"), c.PN(a, "fl"), c.P(c.mrn(), "MRN"), c.PD(c.dob(), "us"),
               c.PN(b, "fl"), c.P(c.mrn(), "MRN"), c.PD(c.dob(), "us"), c.ri(2, 40)))


@tpl("telehealth-waiting-room-chat", "human")
def _(c):
    p = c.person()
    return ("Waiting-room chat (session %s) flagged by keyword filter:\nClient: hi its %s, the video keeps freezing, im on my phone %s\n"
            "Client: my other email is %s if you need to send a new link"
            % (c.K(c.dbid(100000, 999999), "db_id"), c.PN(p, c.ch(["low", "nick", "fl"])), c.P(c.ch([c.phone("dash"), c.phone("plain"), c.intl_phone()]), "PHONE"), c.P(c.email(p), "EMAIL")))


# ---- PHI-free human text ---------------------------------------------------


@tpl("incident-deploy-502s", "human", clean=True)
def _(c):
    return ("INC-%s resolved: deploy of %s %s caused 502s on /v1/appointments between %s and %s UTC. Rolled back to %s. "
            "Error budget burn %s%%. Postmortem owner: platform on-call."
            % (c.K(c.dbid(1000, 9999), "ticket_id"), c.K("scheduling-api", "service"), c.K("v" + c.ver(), "version"),
               c.K("14:0%d" % c.ri(0, 9), "timestamp"), c.K("14:%d" % c.ri(20, 59), "timestamp"), c.K("v" + c.ver(), "version"),
               c.K("%d%%" % c.ri(2, 40), "count")))


@tpl("ticket-fax-queue-stuck", "human", clean=True)
def _(c):
    return ("Ticket #%s: the outbound fax queue at the %s office has been stuck since %s. %d jobs pending, oldest job %s. "
            "Printer/fax model %s, firmware %s. Nothing patient-specific, just need the queue flushed."
            % (c.K(c.dbid(40000, 99999), "ticket_id"), c.ch(["north", "downtown", "eastside"]), c.K(c.ts("hms")[:5], "timestamp"),
               c.ri(3, 60), c.K("fx_%s" % c.dbid(10000, 99999), "job_id"), c.K("MFC-L6900DW", "model"), c.K(c.ver(), "version")))


@tpl("chat-clearinghouse-outage", "human", clean=True)
def _(c):
    return ("#rcm  FYI %s is down again, 271s timing out for %s and %s. %s claims for %s/%s are held in batch %s until it's back. "
            "status page says partial outage since %s"
            % (c.K("Availity", "vendor"), c.K(c.payer(), "payer"), c.K(c.payer(), "payer"), c.ri(40, 400), c.K(c.cpt(), "cpt"),
               c.K(c.cpt(), "cpt"), c.K("B-%s" % c.dbid(100000, 999999), "batch_id"), c.K(c.ts("isoz"), "timestamp")))


@tpl("sms-template-render-error", "human", clean=True)
def _(c):
    return ("Template %s %s failed to render for %d recipients: \"Hi {{first_name}}, reminder: your appointment is {{appt_date}} at "
            "{{appt_time}}. Reply C to confirm, R to reschedule, STOP to opt out.\" error=%s"
            % (c.K("appt_reminder_24h", "template"), c.K("v%d" % c.ri(2, 19), "version"), c.ri(1, 300), c.K("UndefinedError", "exception")))


@tpl("clinician-feedback-template", "human", clean=True)
def _(c):
    return ("Feedback from a clinician (via in-app form, ticket %s): the %s progress-note template takes ~%ds to load since %s. "
            "Also the %s / %s diagnosis picker keeps resetting. Browser: Chrome %d."
            % (c.K(c.dbid(40000, 99999), "ticket_id"), c.K(c.cpt(), "cpt"), c.ri(8, 40), c.K("v" + c.ver(), "version"),
               c.K(c.icd(), "icd"), c.K(c.icd(), "icd"), c.ri(118, 131)))


@tpl("es-fax-server-down", "human", clean=True)
def _(c):
    return ("Aviso a todo el equipo: el servidor de fax (%s) está caído desde las %s. Los faxes entrantes se reintentarán; "
            "lote %s pendiente. Ticket %s. No hace falta volver a enviar nada."
            % (c.K(c.infra_ip(), "infra_ip"), c.K(c.ts("hms")[:5], "timestamp"), c.K("FX-%s" % c.dbid(1000, 9999), "batch_id"),
               c.K(c.dbid(40000, 99999), "ticket_id")))


@tpl("email-billing-batch-totals", "human", clean=True)
def _(c):
    return ("Subject: ERA posting exceptions\n\nERA file %s from %s posted with %d exceptions; total paid $%s, adjustments $%s "
            "(CARC %s). Job %s will retry at %s."
            % (c.K("835_%s.txt" % c.dbid(100000, 999999), "file"), c.K(c.payer(), "payer"), c.ri(2, 40),
               c.K("%d,%03d.%02d" % (c.ri(1, 90), c.ri(0, 999), c.ri(0, 99)), "amount"), c.K(c.amount(), "amount"),
               c.K(c.ch(["CO-45", "PR-2", "CO-97"]), "carc"), c.K(c.uuid(), "uuid"), c.K(c.ts("isoz"), "timestamp")))


@tpl("oncall-handoff-notes", "human", clean=True)
def _(c):
    return ("On-call handoff: (1) %s p95 latency alarm flapping, silenced until %s; (2) %s consumer lag %s msgs on %s, "
            "ticket %s; (3) nothing paged overnight for %s. Runbook %s."
            % (c.K("telehealth-broker", "service"), c.K(c.ts("isoz"), "timestamp"), c.K("notify-svc", "service"),
               c.K(str(c.ri(1000, 90000)), "count"), c.K("sms.outbound.v2", "topic"), c.K("OPS-%s" % c.dbid(1000, 9999), "ticket_id"),
               c.K("hl7-bridge", "service"), c.K("https://runbooks.internal/oncall/%s" % c.ch(["latency", "kafka-lag"]), "url_doc")))


# ---- a few more with PHI (added after the first pass) ----------------------


@tpl("express-telehealth-join-link-404", "log")
def _(c):
    p = c.person()
    f, l = slug(p.first), re.sub(r"[^a-z0-9]+", "-", ascii_fold(p.last).lower()).strip("-")
    c.P(f, "NAME")
    c.P(l, "NAME")
    url = c.P("/join/%s-%s-%d" % (f, l, c.ri(1000, 9999)), "URL")
    return ("%s GET %s 404 %d - %s ms ip=%s ua=\"Mozilla/5.0 (Linux; Android 14; SM-A146U)\" room_lookup=miss svc=%s\n"
            "NotFoundError: room not found for slug\n    at RoomController.join (/srv/app/dist/rooms/%s:58:13)"
            % (c.K(c.ts("iso"), "timestamp"), url, c.ri(90, 400), c.K("%d.%03d" % (c.ri(1, 90), c.ri(0, 999)), "duration"),
               c.P(c.pubip(), "IP"), c.K("telehealth-broker", "service"), c.K("roomController.js", "module")))


@tpl("ticket-es-w9-ssn", "human")
def _(c):
    p = c.person(sex="M")
    return ("Ticket #%s (es) - Facturación: \"Buenas, soy %s. Para el reembolso del seguro me piden mi número de seguro social, es el %s. "
            "Mi fecha de nacimiento es %s y mi número de miembro de %s es %s. Gracias.\"\nNota interna: ¡no pegar SSN en tickets! (%s)"
            % (c.K(c.dbid(40000, 99999), "ticket_id"), c.PN(p, c.ch(["fl", "fml"])), c.P(c.ssn(c.ch(["dash", "space"])), "SSN"),
               c.PD(c.dob(), c.ch(["dmy", "es"])), c.K(c.payer(), "payer"), c.P(c.member(), "HEALTH_PLAN"),
               c.K("POL-PRIV-7", "policy")))


@tpl("py-cgm-integration-error", "exception")
def _(c):
    p = c.person()
    sn = c.P("%s%s" % (c.ch(["SM", "G7", "TX"]), c.alnum(8, "0123456789ABCDEFGHJKLMNPRSTUVWXYZ")), "DEVICE")
    rx = c.P(c.serial(), "DEVICE")
    t = c.moment()
    return ("%s ERROR integrations.cgm [%s] sensor sync failed for patient %s (mrn=%s)\n"
            "Traceback (most recent call last):\n"
            '  File "/app/integrations/cgm/%s", line 133, in pull_readings\n'
            "    readings = client.egvs(sensor_serial=sensor_serial, start=window.start)\n"
            "%s: 401 invalid_grant for transmitter %s (receiver %s); consent may have been revoked\n"
            "window=%s..%s readings_expected=%s"
            % (c.K(c.ts("py", t + dt.timedelta(seconds=c.ri(1, 50))), "timestamp"), c.K(c.uuid(), "uuid"),
               c.PN(p, c.ch(["fl", "lf"])), c.P(c.mrn(), "MRN"), c.K("dexcom.py", "module"), c.K("integrations.cgm.errors.VendorAuthError", "exception"), sn, rx,
               c.K(c.ts("isoz", t - dt.timedelta(hours=c.ri(2, 24))), "timestamp"), c.K(c.ts("isoz", t), "timestamp"),
               c.K(str(c.ri(100, 288)), "count")))


# ==========================================================================
# Build, write, check
# ==========================================================================


def finalize(c, text):
    phi, seen = [], []
    for v, k in c.phi:
        found = [f for f in forms(v) if occurs(f, text)]
        if not found:
            raise Bad("phi value %r (%s) not found in text" % (v, k))
        for f in found:
            if (f, k) not in seen:
                seen.append((f, k))
                phi.append({"value": f, "kind": k})
    keep, kinds = [], []
    for v, k in c.keep:
        if v not in keep:
            keep.append(v)
            kinds.append(k)
    return phi, keep, kinds


def make_record(tnum, name, clean, fn, n):
    last = None
    for attempt in range(300):
        rng = random.Random("%s|%d|%d|%d" % (SEED, tnum, n, attempt))
        c = Ctx(rng)
        try:
            text = fn(c)
            phi, keep, kinds = finalize(c, text)
            if clean and phi:
                raise Bad("clean template produced PHI")
            if not clean and not phi:
                raise Bad("PHI template produced no PHI")
            if not keep:
                raise Bad("no keep tokens")
            validate_record(text, phi, keep, c.age_n)
        except Bad as e:
            last = e
            continue
        return {"id": "%s-%d-%05d" % (FAMILY, tnum, n), "family": FAMILY, "template": name, "text": text,
                "phi": phi, "keep": keep, "keep_kinds": kinds}
    raise SystemExit("template %d %s: could not build a clean record: %s" % (tnum, name, last))


def build():
    numbered = [(i + 1,) + t for i, t in enumerate(TEMPLATES)]
    clean = [t for t in numbered if t[3]]
    dirty = [t for t in numbered if not t[3]]
    plan = [clean[i % len(clean)] for i in range(N_CLEAN)] + [dirty[i % len(dirty)] for i in range(N_RECORDS - N_CLEAN)]
    counters = {}
    recs = []
    for tnum, name, cat, is_clean, fn in plan:
        counters[tnum] = counters.get(tnum, 0) + 1
        recs.append(make_record(tnum, name, is_clean, fn, counters[tnum]))
    random.Random(SEED + "|order").shuffle(recs)
    return recs


def serialize(recs):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


def write():
    data = serialize(build())
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(data)
    print("wrote %s (%d records)" % (OUT, data.count("\n")))


def check():
    import subprocess
    sys.dont_write_bytecode = True
    sys.path.insert(0, HERE)
    import phi_score  # the scorer's own leak / keep rules

    problems = []

    def fail(msg):
        problems.append(msg)

    with open(OUT, encoding="utf-8") as f:
        raw = f.read()
    recs = [json.loads(l) for l in raw.splitlines() if l.strip()]
    print("records: %d" % len(recs))
    if len(recs) != N_RECORDS:
        fail("expected %d records" % N_RECORDS)
    ids = [r["id"] for r in recs]
    if len(set(ids)) != len(ids):
        fail("duplicate ids")
    templates = {}
    kind_n, kind_vals = {k: 0 for k in KINDS}, {k: set() for k in KINDS}
    digit_checks = {"NPI": 0, "DEA": 0, "VIN": 0, "IMEI": 0, "card": 0, "SSN": 0}
    for r in recs:
        for key in ("id", "family", "template", "text", "phi", "keep", "keep_kinds"):
            if key not in r:
                fail("%s: missing %s" % (r.get("id"), key))
        if r["family"] != FAMILY or not re.fullmatch(r"blind9-\d+-\d{5}", r["id"]):
            fail("%s: bad id/family" % r["id"])
        templates.setdefault(r["id"].split("-")[1], r["template"])
        text = r["text"]
        if len(r["keep"]) != len(r["keep_kinds"]) or not r["keep"]:
            fail("%s: keep/keep_kinds mismatch or empty" % r["id"])
        for p in r["phi"]:
            v, k = p["value"], p["kind"]
            if k not in KINDS:
                fail("%s: unknown kind %s" % (r["id"], k))
                continue
            kind_n[k] += 1
            kind_vals[k].add(v)
            if v not in text:
                fail("%s: phi value not a substring: %r" % (r["id"], v))
            elif not phi_score.occurs(v, text):
                fail("%s: phi value only inside a longer token: %r" % (r["id"], v))
            d = re.sub(r"[\s-]", "", v)
            if k == "LICENSE" and re.fullmatch(r"\d{10}", v):
                digit_checks["NPI"] += 1
                if not npi_ok(v):
                    fail("%s: bad NPI %s" % (r["id"], v))
            if k == "LICENSE" and re.fullmatch(r"[A-Z][A-Z9]\d{7}", v):
                digit_checks["DEA"] += 1
                if not dea_ok(v):
                    fail("%s: bad DEA %s" % (r["id"], v))
            if k == "VEHICLE" and re.fullmatch(r"[A-Z0-9]{17}", v):
                digit_checks["VIN"] += 1
                if not vin_ok(v):
                    fail("%s: bad VIN %s" % (r["id"], v))
            if k == "DEVICE" and re.fullmatch(r"\d{15}", d) and re.fullmatch(r"[\d-]+", v):
                digit_checks["IMEI"] += 1
                if not luhn_ok(d):
                    fail("%s: bad IMEI %s" % (r["id"], v))
            if k == "ACCOUNT" and re.fullmatch(r"\d{13,19}", d):
                digit_checks["card"] += 1
                if not card_brand(d) or not luhn_ok(d):
                    fail("%s: bad card number %s" % (r["id"], v))
            if k == "SSN":
                digit_checks["SSN"] += 1
                if not ssn_ok(v):
                    fail("%s: invalid SSN %s" % (r["id"], v))
        # keep tokens must not overlap PHI
        phi_sp = []
        for p in r["phi"]:
            phi_sp.extend(spans(p["value"], text))
        for kt in r["keep"]:
            if not phi_score.occurs(kt, text):
                fail("%s: keep token not in text: %r" % (r["id"], kt))
            for p in r["phi"]:
                if phi_score.occurs(p["value"], kt) or kt == p["value"]:
                    fail("%s: keep %r contains phi %r" % (r["id"], kt, p["value"]))
            for a, b in spans(kt, text):
                for c0, d0 in phi_sp:
                    if a < d0 and c0 < b:
                        fail("%s: keep %r overlaps phi %r" % (r["id"], kt, text[c0:d0]))
    # perfect scrub under the scorer's rules
    outs = [redact(r["text"], r["phi"]) for r in recs]
    summary, leaked = phi_score.score(recs, outs)
    for lid, k, v, why in leaked[:20]:
        fail("perfect scrub leak %s %s %r (%s)" % (lid, k, v, why))
    if summary["recall"] != 1.0:
        fail("perfect-scrub recall %s" % summary["recall"])
    if summary["keep_preserved"] != 1.0:
        fail("perfect-scrub keep %s" % summary["keep_preserved"])
    if summary["clean_records_modified"]:
        fail("perfect scrub modified %d PHI-free records" % summary["clean_records_modified"])
    # minimum counts
    for k in KINDS:
        if kind_n[k] < MIN_COUNT[k]:
            fail("kind %s has %d values, need %d" % (k, kind_n[k], MIN_COUNT[k]))
    n_tpl = len(templates)
    if n_tpl < 100:
        fail("only %d templates" % n_tpl)
    clean_n = sum(1 for r in recs if not r["phi"])
    # determinism: rebuild in-process and in fresh interpreters with different hash seeds
    if serialize(build()) != raw:
        fail("in-process rebuild differs from file")
    for hs in ("0", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=hs)
        out = subprocess.run([sys.executable, os.path.abspath(__file__), "--stdout"], env=env,
                             stdout=subprocess.PIPE, check=True).stdout.decode("utf-8")
        if out != raw:
            fail("rebuild with PYTHONHASHSEED=%s differs from file" % hs)

    print("templates: %d   PHI-free records: %d (%.1f%%)   phi values: %d   keep tokens: %d"
          % (n_tpl, clean_n, 100.0 * clean_n / len(recs), sum(kind_n.values()), summary["keep_total"]))
    print("%-12s %6s %9s %5s" % ("KIND", "values", "distinct", "min"))
    for k in KINDS:
        print("%-12s %6d %9d %5d" % (k, kind_n[k], len(kind_vals[k]), MIN_COUNT[k]))
    print("check digits verified: " + ", ".join("%s=%d" % kv for kv in digit_checks.items()))
    print("perfect scrub (phi_score rules): recall=%s keep=%s clean_modified=%d leaks=%d"
          % (summary["recall"], summary["keep_preserved"], summary["clean_records_modified"], len(leaked)))
    print("determinism: in-process rebuild and PYTHONHASHSEED=0/4242 rebuilds identical: %s"
          % ("yes" if not any("differs" in p for p in problems) else "NO"))
    if problems:
        print("FAILED (%d problems)" % len(problems))
        for p in problems[:60]:
            print("  - " + p)
        return 1
    print("CHECK OK")
    return 0


if __name__ == "__main__":
    if "--check" in sys.argv[1:]:
        sys.exit(check())
    elif "--stdout" in sys.argv[1:]:
        sys.stdout.write(serialize(build()))
    else:
        write()
