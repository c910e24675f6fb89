#!/usr/bin/env python3
"""Generate phi_blind15.jsonl: an independent PHI evaluation corpus.

Synthetic alerting / error texts that services of a mental-health
practice-management platform would emit (GraphQL, gRPC, job queues, framework
exception pages, SQL errors, problem+json, access logs, HL7/FHIR, X12, CSV
imports, messaging webhooks, eligibility/pharmacy, intake/reminders,
billing/support, SMS/voicemail, non-English text, config/infra, browser
console, stack traces with locals).  Labelled as described in
/work/shared/phi/README.md.  Standard library only, fixed seed, deterministic.

    python3 make_phi_blind15.py           # write phi_blind15.jsonl next to this file
    python3 make_phi_blind15.py --check   # regenerate, compare and re-verify; exit 1 on failure
"""
import argparse
import collections
import datetime as dt
import ipaddress
import json
import os
import random
import re
import sys
import unicodedata

SEED = 15_0611_2025
FAMILY = "blind15"
N_RECORDS = 600
N_CLEAN = 120
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "phi_blind15.jsonl")

KINDS = ["NAME", "ADDRESS", "CITY", "ZIP", "DATE", "PHONE", "FAX", "EMAIL", "SSN",
         "MRN", "HEALTH_PLAN", "ACCOUNT", "LICENSE", "VEHICLE", "DEVICE", "URL",
         "IP", "OTHER_ID", "AGE_OVER_89"]

R = random.Random(SEED)


def c(seq):
    return R.choice(seq)


def ri(a, b):
    return R.randint(a, b)


def chance(p):
    return R.random() < p


def digits(n):
    return "".join(str(R.randrange(10)) for _ in range(n))


def hexs(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def ups(n, chars="ABCDEFGHJKLMNPRSTUVWXYZ"):
    return "".join(R.choice(chars) for _ in range(n))


def alnum(n, chars="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"):
    return "".join(R.choice(chars) for _ in range(n))


def uuid4():
    h = hexs(32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], c("89ab"), h[17:20], h[20:])


def jd(obj, pretty=None):
    """JSON dump with a random (or given) layout, non-ASCII kept verbatim."""
    if pretty is None:
        pretty = c([0, 0, 1, 2])
    if pretty == 1:
        return json.dumps(obj, ensure_ascii=False, indent=2)
    if pretty == 2:
        return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


# --------------------------------------------------------------------------
# Name pools (own lists; given | surnames per culture)
# --------------------------------------------------------------------------
CULTURES = {
    "yoruba": ("Adebayo|Oluwaseun|Folasade|Temitope|Babajide|Yetunde|Olumide|Funmilayo|Adewale|Omolara",
               "Adeyemi|Ogunleye|Olatunji|Akinwande|Bankole|Oyelaran|Fashola|Adebisi"),
    "igbo": ("Chiamaka|Obinna|Nnamdi|Ifeoma|Chukwuemeka|Adaeze|Ikenna|Ngozi|Chinedu",
             "Okonkwo|Nwachukwu|Okafor|Anyanwu|Onwuachi|Ezeudu|Nwosu|Obiora"),
    "amharic": ("Tigist|Abebe|Meseret|Yohannes|Selamawit|Dawit|Hiwot|Tewodros|Mekdes",
                "Tesfaye|Bekele|Gebremedhin|Alemu|Haile|Woldemariam|Kebede|Desta"),
    "tamil": ("Karthikeyan|Priya|Senthil|Meenakshi|Arulmozhi|Vignesh|Kavitha|Ilango",
              "Ramasamy|Subramanian|Palanisamy|Natarajan|Murugesan|Kandasamy|Annamalai"),
    "telugu": ("Srinivas|Lakshmi|Venkatesh|Sravani|Raghava|Padmaja|Nagarjuna",
               "Reddy|Naidu|Chowdary|Kondapalli|Yarlagadda|Gaddam|Pothula"),
    "bengali": ("Arnab|Sharmila|Tanmoy|Rupa|Debashis|Moushumi|Sourav",
                "Chatterjee|Bhattacharya|Mukherjee|Sengupta|Chowdhury|Bandyopadhyay"),
    "punjabi": ("Harpreet|Gurpreet|Jaspreet|Manjit|Balwinder|Simranjeet|Navdeep",
                "Dhillon|Sandhu|Grewal|Sidhu|Bhullar|Randhawa|Gill"),
    "vietnamese": ("Thanh Huong|Quang Minh|Thi Lan|Duc Anh|Phuong Linh|Van Tuan|Bao Ngoc|Thị Hằng",
                   "Nguyen|Tran|Pham|Hoang|Vo|Dang|Huynh|Nguyễn|Trương"),
    "tagalog": ("Maricel|Rodel|Jericho|Lorna|Marites|Jonalyn|Arnel|Rowena",
                "Dimaculangan|Macaraeg|Bautista|Villanueva|Dela Cruz|Manalastas|Pangilinan|Tolentino"),
    "korean": ("Ji-hoon|Seo-yeon|Min-jun|Eun-ji|Hyun-woo|Soo-ah|Dong-hyun|Ha-eun",
               "Kim|Choi|Jeong|Yoon|Kang|Baek|Hwang|Shin"),
    "japanese": ("Haruto|Yui|Sota|Aoi|Hinata|Kenji|Sakura|Takumi|Mei",
                 "Takahashi|Watanabe|Yamamoto|Nakamura|Kobayashi|Fujimoto|Ishikawa|Morimoto"),
    "mandarin": ("Xiaoming|Yutong|Zihan|Haoran|Jingyi|Weijie|Ruoxi|Zhiwei",
                 "Zhang|Wang|Liu|Chen|Zhou|Xu|Guo|Zhao"),
    "cantonese": ("Ka-wai|Wing-sze|Chun-kit|Siu-ming|Hoi-yan|Man-kit",
                  "Chan|Wong|Leung|Cheung|Tsang|Yip|Lau|Kwok"),
    "arabic": ("Youssef|Fatima|Layla|Omar|Khaled|Noor|Rania|Tariq|Samira",
               "Al-Haddad|Mansour|Khoury|El-Sayed|Nasser|Abdelrahman|Qasim|Barakat"),
    "persian": ("Darius|Shirin|Arash|Parisa|Kourosh|Niloufar|Babak|Roya",
                "Hosseini|Rahimi|Tehrani|Moradi|Jafari|Karimi|Farahani|Sadeghi"),
    "turkish": ("Emre|Elif|Burak|Zeynep|Mehmet|Ayşe|Tuğba|Oğuz",
                "Yılmaz|Demir|Çelik|Şahin|Aydın|Öztürk|Kaya|Arslan"),
    "polish": ("Małgorzata|Krzysztof|Agnieszka|Wojciech|Zofia|Grzegorz|Bożena",
               "Wiśniewski|Kowalczyk|Zieliński|Wójcik|Szymańska|Grabowski|Pawlak"),
    "ukrainian": ("Oksana|Taras|Olena|Bohdan|Iryna|Mykola|Halyna",
                  "Kovalenko|Bondarenko|Tkachuk|Melnyk|Hrytsenko|Lysenko|Savchuk"),
    "greek": ("Eleni|Dimitrios|Konstantinos|Vasiliki|Panagiotis|Athanasia|Spyros",
              "Papadopoulos|Georgiou|Nikolaidis|Karamanlis|Vlachos|Antonopoulou"),
    "brazilian": ("João|Thiago|Larissa|Fernanda|Gabriel|Rafaela|Luana",
                  "Conceição|Albuquerque|Figueiredo|Nascimento|Carvalho|Bezerra|Magalhães"),
    "mexican": ("Guadalupe|Ximena|Alejandro|Itzel|Ramón|Citlali|Joaquín|Yaretzi",
                "Hernández|Zavala|Ochoa|Villaseñor|Rentería|Guzmán|Cervantes|Tlapanco"),
    "haitian": ("Dieunel|Fabiola|Wisly|Guerline|Jean-Robert|Marie-Ange|Nadège|Wideline",
                "Pierre-Louis|Étienne|Desrosiers|Saint-Fleur|Jean-Baptiste|Bellegarde|Dorvilus"),
    "samoan": ("Sione|Lagi|Tavita|Malia|Losaline|Iosefa|Sefa",
               "Tuilagi|Leavasa|Faleolo|Sapolu|Tuiasosopo|Aumua|Fonoti"),
    "navajo": ("Nizhoni|Ahiga|Yanaba|Hosteen|Doli|Shandiin|Kee",
               "Begay|Yazzie|Tsosie|Benally|Tso|Nez|Bitsui|Yellowhair"),
    "irish": ("Siobhán|Niamh|Cathal|Oisín|Aoife|Ruairí|Caoimhe|Donncha",
              "O'Donoghue|McGillicuddy|Ní Bhriain|Fitzgerald|Mac Giolla|Ó Súilleabháin|Breathnach"),
    "scandinavian": ("Sigrid|Henrik|Astrid|Bjørn|Ingrid|Torbjørn|Solveig|Leif",
                     "Lindqvist|Johansson|Håkansson|Bergström|Solberg|Østergaard|Sundqvist"),
    "jewish": ("Yehuda|Shoshana|Avraham|Miriam|Menachem|Rivka|Tzvi|Chaya",
               "Goldfarb|Rosenzweig|Katzenelson|Birnbaum|Lefkowitz|Halberstam|Twersky"),
    "anglo": ("Margaret|Theodore|Harold|Beverly|Clifford|Winifred|Gertrude|Mildred",
              "Whitmore|Pembroke|Hargreaves|Ashworth|Blackwood|Thistlewood|Featherstone"),
}
CULTURES = {k: (g.split("|"), s.split("|")) for k, (g, s) in CULTURES.items()}
EASTERN = {"vietnamese", "mandarin", "cantonese", "korean", "japanese"}

NATIVE = {
    "korean": ["김서연", "박지훈", "최민준", "정은지", "윤하은", "강동현"],
    "mandarin": ["王子涵", "陈浩然", "刘静怡", "张伟杰", "周若曦", "赵志伟"],
    "cantonese": ["陳嘉慧", "黃志傑", "梁海欣", "張文傑"],
    "japanese": ["高橋 陽翔", "渡辺 結衣", "中村 健二", "小林 さくら"],
    "arabic": ["فاطمة الحداد", "يوسف منصور", "ليلى خوري", "عمر ناصر"],
    "persian": ["شیرین حسینی", "آرش رحیمی", "نیلوفر کریمی"],
    "ukrainian": ["Оксана Коваленко", "Тарас Ткачук", "Олена Бондаренко", "Богдан Мельник"],
    "greek": ["Ελένη Παπαδοπούλου", "Δημήτριος Γεωργίου", "Σπύρος Βλάχος"],
    "amharic": ["ትዕግስት ተስፋዬ", "ዳዊት በቀለ", "ሕይወት አለሙ"],
}

STREETS = ("Quillfeather|Tamarisk Hollow|Copperkettle|Wrenfield|Larkspur|Obsidian Bluff|Ferncliff|"
           "Saltmarsh|Juniper Crossing|Halvorsen|Bramblewood|Kestrel Point|Sable Creek|Ninebark|"
           "Marrowstone|Tillinghast|Old Ferry Landing|Cormorant|Bitterroot Bench|Wapsipinicon|"
           "Mesquite Flats|Redtail|Anemone|Lantern Hill|Crabapple|Pemberton Mill|Ocotillo|Gristmill|"
           "Thistledown|Harrowgate|Velvet Ash|Coyote Wash|Sweetgum|Driftless|Tallow Creek").split("|")
SUFFIX = "St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Ln|Lane|Ct|Blvd|Way|Pl|Ter|Trl|Pkwy|Cir|Loop".split("|")
DIRS = ["N", "S", "E", "W", "NE", "SW", "NW", "SE"]

CITIES = [("Kalispell", "MT", "599"), ("Tahlequah", "OK", "744"), ("Hattiesburg", "MS", "394"),
          ("Walla Walla", "WA", "993"), ("Chillicothe", "OH", "456"), ("Nacogdoches", "TX", "759"),
          ("Ypsilanti", "MI", "481"), ("Poughkeepsie", "NY", "126"), ("Oshkosh", "WI", "549"),
          ("Bemidji", "MN", "566"), ("Kokomo", "IN", "469"), ("Muskogee", "OK", "744"),
          ("Pocatello", "ID", "832"), ("Natchitoches", "LA", "714"), ("Sheboygan", "WI", "530"),
          ("Bozeman", "MT", "597"), ("Valdosta", "GA", "316"), ("Lompoc", "CA", "934"),
          ("Yakima", "WA", "989"), ("Wenatchee", "WA", "988"), ("Greeley", "CO", "806"),
          ("Gallup", "NM", "873"), ("Window Rock", "AZ", "865"), ("Bangor", "ME", "044"),
          ("Dubuque", "IA", "520"), ("Paducah", "KY", "420"), ("Texarkana", "AR", "718"),
          ("Hilo", "HI", "967"), ("Kodiak", "AK", "996"), ("Chinle", "AZ", "865"),
          ("Laredo", "TX", "780"), ("Brockton", "MA", "023"), ("Hamtramck", "MI", "482"),
          ("Pawtucket", "RI", "028"), ("Rapid City", "SD", "577"), ("Twin Falls", "ID", "833"),
          ("Sault Ste. Marie", "MI", "497"), ("Bellingham", "WA", "982"), ("Lancaster", "PA", "176"),
          ("Kissimmee", "FL", "347")]

EMPLOYERS = [("Cedarline Logistics", "cedarline-logistics.com"),
             ("Harborview Cold Storage", "harborviewcold.com"),
             ("Quintara Biolabs", "quintarabio.com"),
             ("Mesa Bluff Unified Schools", "mesabluffschools.org"),
             ("Tallgrass Grain Co-op", "tallgrass-coop.net"),
             ("Lowbridge Foundry", "lowbridgefoundry.com"),
             ("Pinecrest County Fire District", "pinecrestfire.org"),
             ("Saltbox Credit Union", "saltboxcu.com")]
PERSONAL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me",
                    "aol.com", "comcast.net", "att.net", "ymail.com", "gmx.com", "live.com", "msn.com"]
CLINICS = [("Riverbend Counseling Collective", "riverbend-counseling.com"),
           ("Stillwater Behavioral Health", "stillwaterbh.org"),
           ("Kestrel Family Therapy", "kestrelfamilytherapy.com"),
           ("Second Harbor Psychiatry", "secondharborpsych.com"),
           ("Lanternlight Wellness Group", "lanternlightwellness.com")]
HOSTS = ["api.quietpine.health", "app.quietpine.health", "portal.quietpine.health",
         "fhir.quietpine.health", "files.quietpine.health"]
SERVICES = ["intake-api", "scheduler-svc", "claims-worker", "telehealth-gw", "eligibility-svc",
            "notify-svc", "rx-bridge", "portal-web", "billing-ledger", "notes-indexer", "fax-relay",
            "era-parser", "pdmp-proxy", "identity-svc", "docgen", "roster-sync"]
PAYERS = ["Aetna", "Cigna", "UnitedHealthcare", "Humana", "Anthem Blue Cross", "Kaiser Permanente",
          "Molina Healthcare", "Highmark", "TRICARE West", "Optum Behavioral", "Magellan Health",
          "Carelon Behavioral Health", "Ambetter", "Oscar Health"]
ICD = ["F32.1", "F32.A", "F33.1", "F33.2", "F41.1", "F41.0", "F43.10", "F43.12", "F43.23", "F90.0",
       "F42.2", "F31.81", "F50.02", "F10.20", "F60.3", "Z63.0", "F40.10", "F34.1", "F51.01", "Z91.19"]
CPT = ["90791", "90792", "90832", "90834", "90837", "90846", "90847", "90853", "96127", "90785",
       "99213", "99214", "90839", "90840", "96130"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON3 = [m[:3] for m in MONTHS]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def fold(s):
    s = s.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L").replace("ı", "i")
    s = s.replace("æ", "ae").replace("ß", "ss").replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def slug(s):
    return re.sub(r"[^a-z]", "", fold(s).lower())


class Person:
    def __init__(self, culture=None):
        self.culture = culture or c(sorted(CULTURES))
        gl, sl = CULTURES[self.culture]
        self.given = c(gl)
        self.sur = c(sl)
        self.mid = c("ABCDEFGHJKLMNPRSTVW") if chance(0.35) else None

    def first(self):
        return self.given

    def form(self, f=None):
        g, s, m = self.given, self.sur, self.mid
        if f is None:
            f = c(["full", "full", "full", "full_mid", "last_first", "LAST_FIRST", "initial", "upper",
                   "lower", "last_first_mid"] + (["eastern", "eastern"] if self.culture in EASTERN else []))
        if f == "full":
            return "%s %s" % (g, s)
        if f == "full_mid":
            return "%s %s. %s" % (g, m or "J", s)
        if f == "last_first":
            return "%s, %s" % (s, g)
        if f == "last_first_mid":
            return "%s, %s %s." % (s, g, m or "R")
        if f == "LAST_FIRST":
            return "%s, %s" % (s.upper(), g.upper())
        if f == "initial":
            return "%s. %s" % (g[0], s)
        if f == "upper":
            return "%s %s" % (g.upper(), s.upper())
        if f == "lower":
            return "%s %s" % (g.lower(), s.lower())
        if f == "eastern":
            return "%s %s" % (s, g)
        if f == "hl7":
            return "%s^%s" % (s.upper(), g.upper()) + ("^" + m if m else "")
        if f == "given":
            return g
        if f == "sur":
            return s
        raise ValueError(f)


def native_name(culture):
    return c(NATIVE[culture])


# --------------------------------------------------------------------------
# Value generators (check digits where the kind has them)
# --------------------------------------------------------------------------
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


def luhn_complete(payload):
    for d in "0123456789":
        if luhn_ok(payload + d):
            return payload + d
    raise AssertionError


def npi():
    body = c("12") + digits(8)
    full = luhn_complete("80840" + body)
    return full[5:]


def npi_ok(v):
    return re.fullmatch(r"[12]\d{9}", v) is not None and luhn_ok("80840" + v)


def dea(surname):
    ini = fold(surname).replace("'", "")[:1].upper()
    if not ini.isalpha() or not ini.isascii():
        ini = "9"
    d = [R.randrange(10) for _ in range(6)]
    chk = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return c("ABFGMP") + ini + "".join(map(str, d)) + str(chk)


def dea_ok(v):
    m = re.fullmatch(r"[ABCDEFGHJKLMPRSTUX][A-Z9](\d{7})", v)
    if not m:
        return False
    d = [int(x) for x in m.group(1)]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


VIN_VAL = dict(zip("0123456789", range(10)))
VIN_VAL.update({"A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8, "J": 1, "K": 2, "L": 3,
                "M": 4, "N": 5, "P": 7, "R": 9, "S": 2, "T": 3, "U": 4, "V": 5, "W": 6, "X": 7, "Y": 8,
                "Z": 9})
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
VIN_CH = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def vin_check(v):
    r = sum(VIN_VAL[ch] * w for ch, w in zip(v, VIN_W)) % 11
    return "X" if r == 10 else str(r)


def vin():
    wmi = c(["1HG", "2T1", "3FA", "5YJ", "JN8", "KMH", "WBA", "1FT", "4T1", "JTD", "1GN", "3VW", "5NP"])
    vds = "".join(c(VIN_CH) for _ in range(5))
    year = c("HJKLMNPRS")
    plant = c(VIN_CH[:23])
    serial = digits(6)
    v = wmi + vds + "0" + year + plant + serial
    return v[:8] + vin_check(v) + v[9:]


def vin_ok(v):
    return (len(v) == 17 and all(ch in VIN_CH for ch in v) and vin_check(v) == v[8])


def imei(fmt=None):
    tac = c(["35", "86", "01", "35", "99"]) + digits(6)
    full = luhn_complete(tac + digits(6))
    fmt = fmt or c(["plain", "plain", "dash", "space"])
    if fmt == "dash":
        return "%s-%s-%s-%s" % (full[:2], full[2:8], full[8:14], full[14])
    if fmt == "space":
        return "%s %s %s" % (full[:8], full[8:14], full[14])
    return full


def card(fmt=None):
    kind = c(["visa", "visa", "mc", "amex", "disc"])
    if kind == "visa":
        num = luhn_complete("4" + digits(14))
    elif kind == "mc":
        num = luhn_complete(str(ri(51, 55)) + digits(13))
    elif kind == "amex":
        num = luhn_complete(c(["34", "37"]) + digits(12))
    else:
        num = luhn_complete("6011" + digits(11))
    fmt = fmt or c(["plain", "space", "dash"])
    if fmt == "plain":
        return num
    sep = " " if fmt == "space" else "-"
    if len(num) == 15:
        return sep.join([num[:4], num[4:10], num[10:]])
    return sep.join(num[i:i + 4] for i in range(0, 16, 4))


def ssn(fmt=None):
    while True:
        area = ri(1, 899)
        if area == 666:
            continue
        grp, ser = ri(1, 99), ri(1, 9999)
        s = "%03d%02d%04d" % (area, grp, ser)
        if s in ("078051120", "219099999", "123456789"):
            continue
        break
    fmt = fmt or c(["dash", "dash", "dash", "space", "plain"])
    if fmt == "dash":
        return "%s-%s-%s" % (s[:3], s[3:5], s[5:])
    if fmt == "space":
        return "%s %s %s" % (s[:3], s[3:5], s[5:])
    return s


def ssn_ok(v):
    m = re.fullmatch(r"(\d{3})([- ]?)(\d{2})\2(\d{4})", v)
    if not m:
        return False
    a, g, s = m.group(1), m.group(3), m.group(4)
    return a not in ("000", "666") and not a.startswith("9") and g != "00" and s != "0000"


MBI_A = "ACDEFGHJKMNPQRTUVWXY"


def mbi(dash=None):
    an = MBI_A + "0123456789"
    v = (str(ri(1, 9)) + c(MBI_A) + c(an) + str(ri(0, 9)) + c(MBI_A) + c(an) + str(ri(0, 9)) +
         c(MBI_A) + c(MBI_A) + digits(2))
    if dash if dash is not None else chance(0.5):
        return "%s-%s-%s" % (v[:4], v[4:7], v[7:])
    return v


MBI_RE = re.compile(r"[1-9][%s][%s0-9]\d-?[%s][%s0-9]\d-?[%s]{2}\d{2}" % ((MBI_A,) * 5))
MBI_SHAPE = re.compile(r"\d[A-Z][A-Z0-9]\d-?[A-Z][A-Z0-9]\d-?[A-Z]{2}\d{2}")


def cpf():
    while True:
        b = [R.randrange(10) for _ in range(9)]
        if len(set(b)) > 1:
            break
    d1 = (sum(x * (10 - i) for i, x in enumerate(b)) * 10 % 11) % 10
    d2 = (sum(x * (11 - i) for i, x in enumerate(b + [d1])) * 10 % 11) % 10
    s = "".join(map(str, b + [d1, d2]))
    return "%s.%s.%s-%s" % (s[:3], s[3:6], s[6:9], s[9:])


def cpf_ok(v):
    s = re.sub(r"\D", "", v)
    if len(s) != 11:
        return False
    b = [int(x) for x in s]
    d1 = (sum(x * (10 - i) for i, x in enumerate(b[:9])) * 10 % 11) % 10
    d2 = (sum(x * (11 - i) for i, x in enumerate(b[:10])) * 10 % 11) % 10
    return b[9] == d1 and b[10] == d2


def gtin14():
    body = c(["0", "1"]) + "0" + digits(11)
    tot = sum(int(ch) * (3 if i % 2 == 0 else 1) for i, ch in enumerate(reversed(body)))
    return body + str((10 - tot % 10) % 10)


def gtin_ok(g):
    body, chk = g[:-1], int(g[-1])
    tot = sum(int(ch) * (3 if i % 2 == 0 else 1) for i, ch in enumerate(reversed(body)))
    return (10 - tot % 10) % 10 == chk


def udi():
    f = c([0, 1])
    if f == 0:
        return "(01)%s(21)%s" % (gtin14(), alnum(8))
    return "(01)%s(17)%s(10)%s(21)%s" % (gtin14(), "2%d%02d%02d" % (ri(6, 9), ri(1, 12), ri(1, 28)),
                                         alnum(5), alnum(9))


def device_serial():
    return c([lambda: "PMX" + digits(7) + c("ABCDE"),
              lambda: "SN" + digits(4) + ups(2) + digits(4),
              lambda: "%s-%s-%s" % (ups(3), digits(5), alnum(3)),
              lambda: "G7" + alnum(8),
              lambda: "HA" + digits(2) + "-" + digits(6),
              lambda: ups(2) + digits(9)])()


def meid():
    return "A" + "".join(c("0123456789ABCDEF") for _ in range(13))


def mrn():
    return c([lambda: "MRN-%s" % digits(8),
              lambda: digits(8),
              lambda: "QP-%s-%s" % (digits(3), digits(4)),
              lambda: "A%s" % digits(7),
              lambda: "CH%s-%s" % (digits(2), digits(5)),
              lambda: "%s%s" % (c(["SBH", "RCC", "KFT"]), digits(7)),
              lambda: "PT%s" % digits(7),
              lambda: "%s-%s" % (digits(4), digits(4))])()


def member_id():
    return c([lambda: ups(3) + digits(9),
              lambda: "W" + digits(9),
              lambda: "U" + digits(8) + "01",
              lambda: ups(3) + "H" + digits(8),
              lambda: digits(9) + "-01",
              lambda: "M" + digits(10),
              lambda: ups(2) + digits(5) + ups(1),
              lambda: digits(11)])()


def group_no():
    return c([lambda: digits(7), lambda: "GRP-" + digits(6), lambda: digits(6) + "-" + digits(3),
              lambda: "HMO" + digits(5), lambda: ups(1) + digits(6)])()


def account_no():
    return c([lambda: "ACCT-%s-%s" % (digits(4), digits(4)),
              lambda: "PA" + digits(8),
              lambda: "GUAR-" + digits(6),
              lambda: digits(9),
              lambda: "%s%s" % (c(["RB", "SW", "KF"]), digits(9)),
              lambda: "A-%s" % digits(7)])()


def bank_acct():
    return digits(c([8, 10, 11, 12]))


def rx_no():
    return c([lambda: digits(7), lambda: digits(7) + "-" + digits(2), lambda: "RX" + digits(8),
              lambda: digits(2) + "-" + digits(6)])()


def state_license():
    return c([lambda: "PSY %s" % digits(5),
              lambda: "LPC.%s" % digits(6),
              lambda: "LCSW-%s" % digits(5),
              lambda: "LMFT %s" % digits(5),
              lambda: "MD.%s" % digits(8),
              lambda: "APRN-CNP-%s" % digits(6),
              lambda: "LP%s" % digits(4),
              lambda: "PMHNP %s" % digits(6)])()


def drivers_license():
    return c([lambda: ups(1) + digits(7),
              lambda: "%s-%s-%s-%s-%s" % (ups(1) + digits(3), digits(3), digits(2), digits(3), digits(1)),
              lambda: "%s %s %s" % (digits(3), digits(3), digits(3)),
              lambda: "WDL" + alnum(9),
              lambda: digits(8),
              lambda: ups(1) + digits(12)])()


def passport():
    return c([lambda: digits(9), lambda: ups(1) + digits(8)])()


def plate():
    return c([lambda: "%d%s%s" % (ri(1, 9), ups(3), digits(3)),
              lambda: "%s-%s" % (ups(3), digits(4)),
              lambda: "%s %s" % (ups(3), digits(4)),
              lambda: "%s%s" % (digits(3), ups(3)),
              lambda: "%s %s%s" % (digits(2), ups(1), digits(3)),
              lambda: "%s%s%s" % (ups(2), digits(3), ups(2))])()


def username(p):
    g, s = slug(p.given), slug(p.sur)
    return c([lambda: "%s%s%d" % (g[0], s, ri(1, 99)),
              lambda: "%s.%s" % (g, s[:1]),
              lambda: "%s_%s%d" % (s, g[:2], ri(1, 9)),
              lambda: "%s%d" % (g, ri(1960, 2010)),
              lambda: c(["quietfox", "bluejay", "lakeside", "tealkite", "northstar", "sunflower"]) +
              "_" + s[:4] + str(ri(10, 99))])()


def email(p=None, domain=None):
    if p is None:
        local = c(["moonlit.kestrel", "ochre.fern", "driftwood", "tidepool", "cinnabar.fox",
                   "juniper.wren", "stormglass"]) + str(ri(2, 99))
    else:
        g, s = slug(p.given), slug(p.sur)
        local = c(["%s.%s" % (g, s), "%s%s" % (g[0], s), "%s_%s" % (s, g), "%s%s%d" % (g, s[:1], ri(1, 99)),
                   "%s.%s%d" % (g, s, ri(70, 99)), "%s%s" % (s, g[:3])])
    dom = domain or (c(PERSONAL_DOMAINS) if chance(0.75) else c(EMPLOYERS)[1])
    return "%s@%s" % (local, dom)


AREA = ("406 907 505 928 701 802 207 304 423 575 608 719 808 830 936 971 228 318 334 361 479 580 660 712 "
        "763 785 509 541 563 641 870 901 989 262 414 218 320 605 308 970").split()


def nanp():
    a = c(AREA)
    while True:
        ex = str(ri(2, 9)) + digits(2)
        if ex[1:] != "11" and ex != "555":
            break
    return a, ex, digits(4)


def phone(form=None):
    a, e, l = nanp()
    form = form or c(["paren", "paren", "dash", "dash", "dot", "e164", "plus1sp", "plus1dash",
                      "one_dash", "plain", "space", "paren_tight"])
    return {"paren": "(%s) %s-%s", "dash": "%s-%s-%s", "dot": "%s.%s.%s", "e164": "+1%s%s%s",
            "plus1sp": "+1 %s %s %s", "plus1dash": "+1-%s-%s-%s", "one_dash": "1-%s-%s-%s",
            "plain": "%s%s%s", "space": "%s %s %s", "paren_tight": "(%s)%s-%s"}[form] % (a, e, l)


INTL = [lambda: "+44 7%s %s" % (digits(3), digits(6)),
        lambda: "+234 80%s %s %s" % (ri(2, 9), digits(3), digits(4)),
        lambda: "+91 9%s %s" % (digits(4), digits(5)),
        lambda: "+63 9%s %s %s" % (digits(2), digits(3), digits(4)),
        lambda: "+52 55 %s %s" % (digits(4), digits(4)),
        lambda: "+33 6 %s %s %s %s" % (digits(2), digits(2), digits(2), digits(2)),
        lambda: "+84 9%s %s %s" % (digits(1), digits(3), digits(3)),
        lambda: "+380 67 %s %s" % (digits(3), digits(4)),
        lambda: "+82 10-%s-%s" % (digits(4), digits(4)),
        lambda: "+81 90-%s-%s" % (digits(4), digits(4)),
        lambda: "+251 91 %s %s" % (digits(3), digits(4)),
        lambda: "+509 3%s %s" % (digits(3), digits(4)),
        lambda: "+685 7%s%s" % (digits(1), digits(5)),
        lambda: "+55 11 9%s-%s" % (digits(4), digits(4)),
        lambda: "+48 5%s %s %s" % (digits(2), digits(3), digits(3)),
        lambda: "+30 69%s %s %s" % (digits(1), digits(3), digits(4)),
        lambda: "+90 53%s %s %s %s" % (digits(1), digits(3), digits(2), digits(2)),
        lambda: "+98 912 %s %s" % (digits(3), digits(4)),
        lambda: "+972 52-%s-%s" % (digits(3), digits(4)),
        lambda: "+46 70 %s %s %s" % (digits(3), digits(2), digits(2)),
        lambda: "+353 87 %s %s" % (digits(3), digits(4)),
        lambda: "+86 13%s %s %s" % (digits(1), digits(4), digits(4)),
        lambda: "+966 5%s %s %s" % (digits(1), digits(3), digits(4))]


def intl_phone():
    return c(INTL)()


def any_phone():
    return intl_phone() if chance(0.2) else phone()


PUBLIC_FIRST = [23, 24, 47, 50, 63, 64, 66, 67, 68, 69, 71, 73, 74, 75, 76, 96, 97, 98, 99, 104, 107,
                108, 135, 136, 142, 162, 166, 173, 174, 184, 199, 206, 208, 209, 45, 72, 86, 98, 107, 187]


def ip4():
    while True:
        s = "%d.%d.%d.%d" % (c(PUBLIC_FIRST), ri(0, 255), ri(0, 255), ri(1, 254))
        if ipaddress.ip_address(s).is_global:
            return s


def ip6():
    pre = c(["2601:%x:%x" % (ri(0x100, 0xfff), ri(0x1000, 0xffff)), "2600:1700:%x" % ri(0x1000, 0xffff),
             "2a02:%x:%x" % (ri(0x100, 0xfff), ri(0x10, 0xfff)), "2607:fb90:%x" % ri(0x1000, 0xffff)])
    tail = ":".join("%x" % ri(1, 0xffff) for _ in range(c([2, 3, 5])))
    return pre + ("::" if tail.count(":") < 4 else ":") + tail


def any_ip():
    return ip6() if chance(0.2) else ip4()


def infra_ip():
    return c(["10.%d.%d.%d" % (ri(0, 40), ri(0, 255), ri(2, 250)),
              "172.%d.%d.%d" % (ri(16, 31), ri(0, 255), ri(2, 250)), "127.0.0.1"])


def street(unit=None):
    n = str(ri(1, 29999)) if chance(0.85) else str(ri(1, 99))
    name = c(STREETS)
    d = (c(DIRS) + " ") if chance(0.2) else ""
    s = "%s %s%s %s" % (n, d, name, c(SUFFIX))
    if unit is None:
        unit = chance(0.5)
    if unit:
        s += c([" Apt %d%s" % (ri(1, 40), c(["", "A", "B", "C"])), " Unit %d" % ri(1, 300),
                " #%d" % ri(100, 999), " Ste %d" % ri(100, 900), ", Apt. %d" % ri(1, 99),
                " Lot %d" % ri(1, 80), " Fl %d" % ri(2, 9), " Bldg %s Apt %d" % (c("ABCD"), ri(1, 30))])
    return s


def po_box():
    return c(["PO Box %d" % ri(10, 99999), "P.O. Box %d" % ri(10, 9999), "HC %d Box %d" % (ri(1, 99), ri(100, 9999)),
              "Rural Route %d Box %d" % (ri(1, 9), ri(1, 300))])


def city():
    return c(CITIES)


def zip5(cty):
    while True:
        z = cty[2] + digits(2)
        if z[3:] != "00":
            return z


def zip9(cty):
    return zip5(cty) + "-" + digits(4)


def rdate(y0, y1):
    a, b = dt.date(y0, 1, 1).toordinal(), dt.date(y1, 12, 31).toordinal()
    return dt.date.fromordinal(ri(a, b))


def dob():
    return rdate(1928, 2012)


def appt():
    return rdate(2024, 2026)


def dob_for_age(age):
    d = rdate(2024 - age, 2024 - age)
    return d


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return "%dth" % n
    return "%d%s" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


DATE_FORMS = ["iso", "iso", "us", "us", "us_short", "us_2y", "long", "long_ord", "abbr", "dmy_long",
              "dmy_abbr_dash", "oracle", "slash_ymd", "dot_dmy", "us_dash", "weekday", "abbr_nocomma"]


def fdate(d, form=None):
    form = form or c(DATE_FORMS)
    Y, m, dd = d.year, d.month, d.day
    return {
        "iso": "%04d-%02d-%02d" % (Y, m, dd),
        "us": "%02d/%02d/%04d" % (m, dd, Y),
        "us_short": "%d/%d/%04d" % (m, dd, Y),
        "us_2y": "%d/%d/%02d" % (m, dd, Y % 100),
        "long": "%s %d, %d" % (MONTHS[m - 1], dd, Y),
        "long_ord": "%s %s, %d" % (MONTHS[m - 1], ordinal(dd), Y),
        "abbr": "%s %d, %d" % (MON3[m - 1], dd, Y),
        "abbr_nocomma": "%d %s %d" % (dd, MON3[m - 1], Y),
        "dmy_long": "%d %s %d" % (dd, MONTHS[m - 1], Y),
        "dmy_abbr_dash": "%02d-%s-%d" % (dd, MON3[m - 1], Y),
        "oracle": "%02d-%s-%02d" % (dd, MON3[m - 1].upper(), Y % 100),
        "slash_ymd": "%04d/%02d/%02d" % (Y, m, dd),
        "dot_dmy": "%02d.%02d.%04d" % (dd, m, Y),
        "dmy_slash": "%02d/%02d/%04d" % (dd, m, Y),
        "us_dash": "%02d-%02d-%04d" % (m, dd, Y),
        "weekday": "%s, %s %d, %d" % (WEEKDAYS[d.weekday()], MONTHS[m - 1], dd, Y),
        "wd_short": "%s %s %d" % (WEEKDAYS[d.weekday()][:3], MON3[m - 1], dd),
        "hl7": "%04d%02d%02d" % (Y, m, dd),
        "pydate": "datetime.date(%d, %d, %d)" % (Y, m, dd),
        "md": "%s %d" % (MONTHS[m - 1], dd),
        "md_ord": "%s %s" % (MONTHS[m - 1], ordinal(dd)),
        "md_slash": "%d/%d" % (m, dd),
        "mon_d": "%s %d" % (MON3[m - 1], dd),
        "es": "%d de %s de %d" % (dd, ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                                         "septiembre", "octubre", "noviembre", "diciembre"][m - 1], Y),
        "fr": "%d %s %d" % (dd, ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                                 "septembre", "octobre", "novembre", "décembre"][m - 1], Y),
        "pt": "%d de %s de %d" % (dd, ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho",
                                         "agosto", "setembro", "outubro", "novembro", "dezembro"][m - 1], Y),
        "vi": "%d tháng %d năm %d" % (dd, m, Y),
        "tl": "%s %d, %d" % (["Enero", "Pebrero", "Marso", "Abril", "Mayo", "Hunyo", "Hulyo", "Agosto",
                               "Setyembre", "Oktubre", "Nobyembre", "Disyembre"][m - 1], dd, Y),
        "cjk": "%d年%d月%d日" % (Y, m, dd),
        "ko": "%d년 %d월 %d일" % (Y, m, dd),
        "ru": "%02d.%02d.%d" % (dd, m, Y),
    }[form]


ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
ES_ONES = ["", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
PT_ONES = ["", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove"]
FR_90 = ["quatre-vingt-dix", "quatre-vingt-onze", "quatre-vingt-douze", "quatre-vingt-treize",
         "quatre-vingt-quatorze", "quatre-vingt-quinze", "quatre-vingt-seize", "quatre-vingt-dix-sept",
         "quatre-vingt-dix-huit", "quatre-vingt-dix-neuf"]
AGE_WORDS = set()


def old_age():
    return c([90, 91, 91, 92, 93, 93, 94, 95, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104])


def age_words(n, lang="en"):
    if lang == "en":
        if n < 100:
            w = "ninety" + ((c(["-", " "]) + ONES[n - 90]) if n > 90 else "")
        else:
            w = "one hundred" + ((c([" and ", " "]) + ONES[n - 100]) if n > 100 else "")
    elif lang == "es":
        w = ("noventa" + (" y " + ES_ONES[n - 90] if n > 90 else "")) if n < 100 else \
            ("cien" if n == 100 else "ciento " + ES_ONES[n - 100])
    elif lang == "pt":
        w = ("noventa" + (" e " + PT_ONES[n - 90] if n > 90 else "")) if n < 100 else \
            ("cem" if n == 100 else "cento e " + PT_ONES[n - 100])
    elif lang == "fr":
        w = FR_90[n - 90] if n < 100 else ("cent" if n == 100 else "cent " + ["", "un", "deux", "trois", "quatre"][n - 100])
    else:
        raise ValueError(lang)
    AGE_WORDS.add(w)
    return w


def age_value(n, lang="en", words_p=0.3):
    return age_words(n, lang) if chance(words_p) else str(n)


# --------------------------------------------------------------------------
# Keep-token generators (non-PHI look-alikes)
# --------------------------------------------------------------------------
def ts_iso():
    d = rdate(2025, 2025)
    return "%sT%02d:%02d:%02d%s%s" % (d.isoformat(), ri(0, 23), ri(0, 59), ri(0, 59),
                                     c(["", ".%03d" % ri(0, 999), ".%06d" % ri(0, 999999)]),
                                     c(["Z", "Z", "+00:00", "-05:00", "-07:00"]))


def ts_space():
    d = rdate(2025, 2025)
    return "%s %02d:%02d:%02d%s" % (d.isoformat(), ri(0, 23), ri(0, 59), ri(0, 59), c(["", ",%03d" % ri(0, 999), ".%03d" % ri(0, 999)]))


def ts_nginx():
    d = rdate(2025, 2025)
    return "%02d/%s/%d:%02d:%02d:%02d %s" % (d.day, MON3[d.month - 1], d.year, ri(0, 23), ri(0, 59), ri(0, 59),
                                              c(["+0000", "-0500", "-0700"]))


def ts_syslog():
    d = rdate(2025, 2025)
    return "%s %2d %02d:%02d:%02d" % (MON3[d.month - 1], d.day, ri(0, 23), ri(0, 59), ri(0, 59))


def req_id():
    return c([lambda: "req_" + hexs(16), uuid4, lambda: "01J" + alnum(23, "0123456789ABCDEFGHJKMNPQRSTVWXYZ"),
              lambda: "rid-" + hexs(10), lambda: hexs(8) + "-" + hexs(4)])()


def ver():
    v = "%d.%d.%d" % (ri(1, 9), ri(0, 30), ri(0, 20))
    return c(["", "", "v"]) + v + c(["", "", "", "-rc.%d" % ri(1, 4), "+build.%d" % ri(10, 999)])


def sha(n=None):
    return hexs(n or c([7, 8, 12, 40]))


def dur():
    return c(["%dms" % ri(3, 30000), "%d.%02ds" % (ri(0, 90), ri(0, 99)), "%d ms" % ri(3, 30000)])


def svc():
    return c(SERVICES)


def pod(s=None):
    return "%s-%s-%s" % (s or svc(), hexs(9), alnum(5, "bcdfghjklmnpqrstvwxz2456789"))


def job_id():
    return c([lambda: "job_" + hexs(12), lambda: digits(8), uuid4, lambda: "jid-" + hexs(24)])()


def ticket():
    return c(["#%d" % ri(10000, 99999), "INC-%07d" % ri(1, 9999999), "SUP-%d" % ri(1000, 99999),
              "ZD-%d" % ri(100000, 999999)])


def money():
    if chance(0.8):
        return "$%d.%02d" % (ri(5, 480), ri(0, 99))
    return "$%s.%02d" % ("{:,}".format(ri(1000, 60000)), ri(0, 99))


def port():
    return str(c([5432, 6379, 8443, 9090, 50051, 3306, 1433, 1521, 5672, 9200, 8080, 4317, 11211, 15672]))


# --------------------------------------------------------------------------
# Record builder
# --------------------------------------------------------------------------
class Rec:
    def __init__(self):
        self.phi = []
        self.keep = []
        self.kk = []

    def p(self, kind, value):
        assert kind in KINDS, kind
        value = str(value)
        if not any(x["value"] == value and x["kind"] == kind for x in self.phi):
            self.phi.append({"value": value, "kind": kind})
        return value

    def k(self, kk, value):
        value = str(value)
        if value not in self.keep:
            self.keep.append(value)
            self.kk.append(kk)
        return value

    # PHI shortcuts
    def name(self, p, form=None):
        return self.p("NAME", p.form(form))

    def date(self, d, form=None):
        return self.p("DATE", fdate(d, form))

    def dob(self, form=None):
        return self.date(dob(), form)

    def appt(self, form=None):
        return self.date(appt(), form)

    def phone(self, form=None):
        return self.p("PHONE", phone(form))

    def aphone(self):
        return self.p("PHONE", any_phone())

    def fax(self, form=None):
        return self.p("FAX", phone(form))

    def email(self, p=None, domain=None):
        return self.p("EMAIL", email(p, domain))

    def ssn(self, fmt=None):
        return self.p("SSN", ssn(fmt))

    def mrn(self):
        return self.p("MRN", mrn())

    def member(self):
        return self.p("HEALTH_PLAN", member_id())

    def group(self):
        return self.p("HEALTH_PLAN", group_no())

    def mbi(self, dash=None):
        return self.p("HEALTH_PLAN", mbi(dash))

    def acct(self):
        return self.p("ACCOUNT", account_no())

    def card(self, fmt=None):
        return self.p("ACCOUNT", card(fmt))

    def bank(self):
        return self.p("ACCOUNT", bank_acct())

    def npi(self):
        return self.p("LICENSE", npi())

    def dea(self, p):
        return self.p("LICENSE", dea(p.sur))

    def slic(self):
        return self.p("LICENSE", state_license())

    def dl(self):
        return self.p("LICENSE", drivers_license())

    def passport(self):
        return self.p("OTHER_ID", passport())

    def rx(self):
        return self.p("OTHER_ID", rx_no())

    def user(self, p):
        return self.p("OTHER_ID", username(p))

    def vin(self):
        return self.p("VEHICLE", vin())

    def plate(self):
        return self.p("VEHICLE", plate())

    def imei(self, fmt=None):
        return self.p("DEVICE", imei(fmt))

    def serial(self):
        return self.p("DEVICE", device_serial())

    def udi(self):
        return self.p("DEVICE", udi())

    def ip(self):
        return self.p("IP", any_ip())

    def ip4(self):
        return self.p("IP", ip4())

    def age(self, n=None, lang="en", words_p=0.3):
        return self.p("AGE_OVER_89", age_value(n or old_age(), lang, words_p))

    def addr(self, unit=None):
        return self.p("ADDRESS", street(unit))

    def loc(self, nine=None, upper=False):
        cty = city()
        name = cty[0].upper() if upper else cty[0]
        z = zip9(cty) if (nine if nine is not None else chance(0.25)) else zip5(cty)
        return self.p("CITY", name), cty[1], self.p("ZIP", z)

    def url(self, u):
        return self.p("URL", u)

    # keep shortcuts
    def ts(self, f=None):
        f = f or c(["iso", "iso", "space"])
        return self.k("timestamp", {"iso": ts_iso, "space": ts_space, "nginx": ts_nginx,
                                    "syslog": ts_syslog}[f]())

    def rid(self):
        return self.k("request_id", req_id())

    def svc(self, s=None):
        return self.k("service", s or svc())

    def ver(self):
        return self.k("version", ver())

    def sha(self, n=None):
        return self.k("hash", sha(n))

    def dur(self):
        return self.k("duration", dur())

    def uuid(self):
        return self.k("uuid", uuid4())

    def icd(self):
        return self.k("code", c(ICD))

    def cpt(self):
        return self.k("code", c(CPT))

    def payer(self):
        return self.k("payer", c(PAYERS))

    def host(self):
        return self.k("host", c(HOSTS))

    def status(self, s):
        return self.k("status", s)

    def exc(self, e):
        return self.k("exception", e)

    def iip(self):
        return self.k("infra_ip", infra_ip())

    def port(self):
        return self.k("port", port())

    def money(self):
        return self.k("amount", money())


# --------------------------------------------------------------------------
# Verification (mirrors the scorer's leak rules)
# --------------------------------------------------------------------------
TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "jr", "sr", "ii", "iii", "iv", "md",
          "phd", "psyd", "lcsw", "lmhc", "rn", "np"}
_LET = r"[^\W\d_]"


def _common_words():
    path = os.path.join(HERE, "phi_score.py")
    try:
        src = open(path, encoding="utf-8").read()
        m = re.search(r'COMMON_WORDS = set\("""(.*?)"""', src, re.S)
        if m:
            return set(m.group(1).split())
    except OSError:
        pass
    return set()


COMMON = _common_words()


def bpat(v):
    left = r"(?<![^\W_])" if v[:1].isalnum() else ""
    right = r"(?![^\W_])" if v[-1:].isalnum() else ""
    return left + re.escape(v) + right


def occurs(v, text):
    return bool(v) and v in text and re.search(bpat(v), text) is not None


def dig(s):
    return re.sub(r"[^0-9]", "", s)


def name_parts(v):
    return [p for p in re.findall(_LET + "+", v)
            if len(p) >= 3 and p.lower() not in TITLES and p.lower() not in COMMON]


def leaked(v, kind, out):
    if occurs(v, out):
        return "verbatim"
    vd = dig(v)
    if len(vd) >= 6 and vd in dig(out):
        return "digits"
    if kind == "NAME":
        for p in name_parts(v):
            if re.search(r"(?<!%s)%s(?!%s)" % (_LET, re.escape(p), _LET), out, re.I):
                return "name-part:" + p
    return None


def perfect_scrub(text, values):
    out = text
    for v in sorted(set(values), key=len, reverse=True):
        out = re.sub(bpat(v), "[X]", out)
    return out


ALL_NAME_TOKENS = set()
for _g, _s in CULTURES.values():
    for _n in _g + _s:
        for _p in re.findall(_LET + "+", _n):
            if len(_p) >= 3 and _p.lower() not in COMMON:
                ALL_NAME_TOKENS.add(_p.lower())
for _lst in NATIVE.values():
    for _n in _lst:
        for _p in re.findall(_LET + "+", _n):
            if len(_p) >= 2:
                ALL_NAME_TOKENS.add(_p.lower())

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
IPV4_RE = re.compile(r"(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d.])")
CHECKED = collections.Counter()
ROLE_EMAIL = re.compile(r"(support|noreply|no-reply|billing|alerts|oncall|intake|frontdesk|records)@"
                        r"(quietpine\.health|%s)" % "|".join(re.escape(d) for _, d in CLINICS))


def kind_checks(kind, v):
    """Check digits and shape rules; returns an error string or None."""
    d = dig(v)
    if kind == "SSN":
        CHECKED["ssn"] += 1
        return None if ssn_ok(v) else "bad SSN"
    if kind == "LICENSE":
        if re.fullmatch(r"\d{10}", v):
            CHECKED["npi"] += 1
            return None if npi_ok(v) else "bad NPI"
        if re.fullmatch(r"[A-Z][A-Z9]\d{7}", v):
            CHECKED["dea"] += 1
            return None if dea_ok(v) else "bad DEA"
        return None
    if kind == "VEHICLE" and re.fullmatch(r"[A-Z0-9]{17}", v):
        CHECKED["vin"] += 1
        return None if vin_ok(v) else "bad VIN"
    if kind == "DEVICE":
        if re.fullmatch(r"\d{15}|\d{2}-\d{6}-\d{6}-\d|\d{8} \d{6} \d", v):
            CHECKED["imei"] += 1
            return None if luhn_ok(d) else "bad IMEI"
        if v.startswith("(01)"):
            CHECKED["udi"] += 1
            return None if gtin_ok(v[4:18]) else "bad UDI GTIN"
        return None
    if kind == "ACCOUNT" and re.fullmatch(r"[3-6][\d -]{13,20}\d", v) and len(d) in (15, 16):
        CHECKED["card"] += 1
        return None if luhn_ok(d) else "bad card Luhn"
    if kind == "HEALTH_PLAN" and MBI_SHAPE.fullmatch(v):
        CHECKED["mbi"] += 1
        return None if MBI_RE.fullmatch(v) else "bad MBI"
    if kind == "OTHER_ID" and re.fullmatch(r"\d{3}\.\d{3}\.\d{3}-\d{2}", v):
        CHECKED["cpf"] += 1
        return None if cpf_ok(v) else "bad CPF"
    if kind == "IP":
        try:
            ok = ipaddress.ip_address(v).is_global
        except ValueError:
            return "bad IP"
        CHECKED["ip"] += 1
        return None if ok else "non-public IP labelled PHI"
    if kind == "ZIP":
        CHECKED["zip"] += 1
        return None if re.fullmatch(r"\d{5}(-?\d{4})?", v) else "bad ZIP"
    if kind == "EMAIL":
        return None if EMAIL_RE.fullmatch(v) else "bad EMAIL"
    if kind == "AGE_OVER_89":
        CHECKED["age"] += 1
        if v.isdigit():
            return None if int(v) >= 90 else "age <= 89"
        return None if v in AGE_WORDS else "unknown age words"
    return None


def verify(rec):
    errs = []
    keys = ["id", "family", "template", "text", "phi", "keep", "keep_kinds"]
    if list(rec.keys()) != keys:
        return ["bad keys %r" % list(rec.keys())]
    text = rec["text"]
    if not isinstance(text, str) or not text.strip():
        return ["empty text"]
    vals = []
    for ph in rec["phi"]:
        v, k = ph.get("value"), ph.get("kind")
        if set(ph) != {"value", "kind"} or k not in KINDS or not isinstance(v, str) or not v:
            errs.append("bad phi entry %r" % ph)
            continue
        if not occurs(v, text):
            errs.append("phi value not verbatim in text: %s %r" % (k, v))
        e = kind_checks(k, v)
        if e:
            errs.append("%s: %r" % (e, v))
        vals.append(v)
    if len(rec["keep"]) != len(rec["keep_kinds"]):
        errs.append("keep/keep_kinds length mismatch")
    for t in rec["keep"]:
        if not occurs(t, text):
            errs.append("keep token not in text: %r" % t)
    # a perfect scrubber (remove exactly the labelled values) must leak nothing
    # and keep every keep token: labels are complete and non-conflicting
    scrubbed = perfect_scrub(text, vals)
    for ph in rec["phi"]:
        why = leaked(ph["value"], ph["kind"], scrubbed)
        if why:
            errs.append("unlabelled duplicate / collision (%s) for %s %r" % (why, ph["kind"], ph["value"]))
    for t in rec["keep"]:
        if not occurs(t, scrubbed):
            errs.append("keep token overlaps a phi value: %r" % t)
    for ip in IPV4_RE.finditer(scrubbed):
        if scrubbed[max(0, ip.start() - 1):ip.start()] == "/":
            continue  # version strings such as Chrome/124.0.0.0
        try:
            a = ipaddress.ip_address(ip.group(0))
        except ValueError:
            continue
        if a.is_global:
            errs.append("unlabelled public IP %s" % ip.group(0))
    for m in EMAIL_RE.finditer(scrubbed):
        if not ROLE_EMAIL.fullmatch(m.group(0)):
            errs.append("unlabelled email %s" % m.group(0))
    if not rec["phi"]:
        for w in re.findall(_LET + "+", text):
            if w in MON3 or w in WEEKDAYS:
                continue
            if w.lower() in ALL_NAME_TOKENS and (len(w) >= 4 or w[:1].isupper() or not w.isascii()):
                errs.append("name-pool token in PHI-free record: %r" % w)
        if re.search(r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)", text):
            errs.append("SSN-shaped token in PHI-free record")
        if re.search(r"\(\d{3}\) ?\d{3}-\d{4}", text):
            errs.append("phone-shaped token in PHI-free record")
    return errs


# --------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------
TEMPLATES = []


def T(style, clean=False):
    def deco(fn):
        TEMPLATES.append((style, fn.__name__, clean, fn))
        return fn
    return deco


def clinic():
    return c(CLINICS)


def sentence(r, options):
    """Pick a sentence that starts with an English word that is also a given name; keep that word."""
    s = c(options)
    r.k("word", s.split()[0])
    return s


# ---- 1. GraphQL ---------------------------------------------------------
@T("graphql")
def gql_null_field(r):
    p = Person()
    m = r.mrn()
    err = {"message": "Cannot return null for non-nullable field %s" % r.k("field", c(["Patient.primaryInsurance", "Coverage.subscriber", "Client.emergencyContact"])),
           "locations": [{"line": ri(2, 30), "column": ri(3, 19)}],
           "path": ["patient", c(["primaryInsurance", "coverage", "contacts"]), ri(0, 3), "memberId"],
           "extensions": {"code": r.k("code", "INTERNAL_SERVER_ERROR"), "patientMrn": m,
                          "exception": {"stacktrace": ["TypeError: Cannot read properties of null (reading 'memberId')",
                                                       "    at Coverage.memberId (/srv/gateway/dist/resolvers/coverage.js:%d:%d)" % (ri(10, 300), ri(5, 40))]}}}
    data = {"patient": {"id": r.uuid(), "displayName": r.name(p, c(["full", "full_mid", "initial"])),
                        "birthDate": r.dob(c(["iso", "us", "long"])), "primaryInsurance": None}}
    return jd({"errors": [err], "data": data})


@T("graphql")
def gql_variables_log(r):
    p = Person()
    cty, st, z = r.loc()
    vars_ = {"input": {"clientId": r.uuid(), "email": r.email(p), "mobilePhone": r.phone(),
                       "address": {"line1": r.addr(), "city": cty, "region": r.k("state", st), "postalCode": z}}}
    return ('%s level=error svc=%s op=%s status=error vars=%s err="Variable \\"$input\\" got invalid value; '
            'Field \\"county\\" is not defined by type \\"AddressInput\\"." duration=%s' % (
                r.ts(), r.svc("gateway-bff"), r.k("operation", "UpdateContactInfo"), jd(vars_, 0), r.dur()))


@T("graphql")
def gql_schedule_conflict(r):
    p, dr = Person(), Person()
    d = appt()
    return ("[apollo] mutation %s failed for client %s (chart %s): slot %s at %d:%s %s with %s conflicts with "
            "an existing booking. resolver=Mutation.scheduleSession requestId=%s took=%s" % (
                r.k("operation", "ScheduleSession"), r.name(p), r.mrn(), r.date(d, c(["us", "iso", "weekday", "abbr"])),
                ri(8, 11), c(["00", "30", "15"]), c(["AM", "am"]), "Dr. " + r.name(dr, "sur"),
                r.rid(), r.dur()))


@T("graphql")
def gql_member_query(r):
    p = Person()
    mid = r.member()
    q = 'query Subscriber { member(id: "%s") { subscriber { fullName ssn dateOfBirth } plan { groupNumber } } }' % mid
    resp = {"data": {"member": {"subscriber": {"fullName": r.name(p), "ssn": r.ssn(), "dateOfBirth": r.dob("iso")},
                                "plan": {"groupNumber": r.group()}}},
            "errors": [{"message": "Field 'ssn' is restricted: field-level authorization denied for role FRONT_DESK",
                        "path": ["member", "subscriber", "ssn"], "extensions": {"code": r.k("code", "FORBIDDEN")}}]}
    return "GraphQL audit violation on %s\nquery: %s\nresponse: %s" % (r.host(), q, jd(resp))


@T("graphql")
def gql_persisted_query(r):
    m = r.mrn()
    h = c(HOSTS)
    u = r.url("https://%s/graphql?operationName=PatientChart&mrn=%s&extensions=persistedQuery" % (h, m))
    ref = r.url("https://%s/clients/%s/overview" % (h, m))
    return ("PersistedQueryNotFound: sha256 %s unknown to gateway %s\n  GET %s\n  referer: %s\n  user-agent: QuietPine-iOS/%s" % (
        r.sha(40), r.ver(), u, ref, r.k("version", ver().lstrip("v"))))


@T("graphql")
def gql_subscription_close(r):
    p, cl = Person(), Person()
    return ("ws close %s on subscription onSessionUpdate(input: {clinicianNpi: \"%s\", clientName: \"%s\", age: %s}) "
            "reason=\"%s\" conn=%s" % (r.status(c(["4403", "4401", "4408"])), r.npi(), r.name(p),
                                       r.age(words_p=0), "token expired", r.k("conn_id", "ws-" + hexs(10))))


@T("graphql", clean=True)
def gql_clean_validation(r):
    return ('GraphQL error: Cannot query field "%s" on type "%s". Did you mean "%s"? path=["coverage","%s"] '
            'code=%s requestId=%s client=%s' % (
                r.k("field", "insuranceTier"), r.k("type", "Coverage"), r.k("field", "insurancePlan"), "insuranceTier",
                r.k("code", "GRAPHQL_VALIDATION_FAILED"), r.rid(), r.k("client", "portal-web/" + ver().lstrip("v"))))


@T("graphql", clean=True)
def gql_clean_complexity(r):
    return ("Query complexity %s exceeds maximum %s (operation %s, build %s). %s retry with pagination; "
            "see runbook RB-%s. %s" % (
                r.k("count", str(ri(1001, 4000))), r.k("count", "1000"), r.k("operation", c(["ClinicianCalendar", "ClaimsBoard", "WaitlistView"])),
                r.k("build_id", "%d%02d%02d.%d" % (2025, ri(1, 12), ri(1, 28), ri(1, 9))),
                r.k("word", "Will"), r.k("runbook", str(ri(100, 999))), r.ts()))


# ---- 2. gRPC -------------------------------------------------------------
@T("grpc")
def grpc_invalid_member(r):
    p = Person()
    return ('rpc error: code = %s desc = %s: member_id "%s" not found for subscriber %s (dob %s); payer=%s trace=%s' % (
        r.k("grpc_code", "InvalidArgument"), r.k("method", "eligibility.v1.EligibilityService/CheckCoverage"),
        r.member(), r.name(p), r.dob(), r.payer(), r.k("trace_id", hexs(32))))


@T("grpc")
def grpc_precondition_details(r):
    p = Person()
    m = r.mrn()
    path = r.url("patients/%s/consents/telehealth" % m)
    return ("grpc status: %s (9)\ndetails: [type.googleapis.com/google.rpc.PreconditionFailure]\n"
            "  violations {\n    type: \"CONSENT\"\n    subject: \"%s\"\n    description: \"telehealth consent missing for %s\"\n  }\n"
            "metadata: x-client-ip=%s x-request-id=%s grpc-accept-encoding=gzip" % (
                r.k("grpc_code", "FAILED_PRECONDITION"), path, r.name(p), r.ip(), r.rid()))


@T("grpc")
def grpcurl_output(r):
    p = Person()
    cty, st, z = r.loc()
    body = {"client": {"given": r.name(p, "given"), "family": r.name(p, "sur"), "phone": r.aphone(),
                       "homeAddress": {"street": r.addr(), "city": cty, "state": st, "zip": z}}}
    return ("$ grpcurl -d @ %s:%s intake.v3.IntakeService/SubmitIntake <<< '%s'\nERROR:\n  Code: %s\n  Message: %s" % (
        r.k("host", "intake.internal"), r.port(), jd(body, 0), r.k("grpc_code", "AlreadyExists"),
        "intake already submitted for this client within 30 days"))


@T("grpc")
def grpc_go_wrap(r):
    p = Person()
    return ("%s ERROR scheduler/reminders.go:%d: send reminder: notify.v1.Notifier/SendSMS: rpc error: code = %s "
            "desc = connection error: desc = \"transport: Error while dialing: dial tcp %s:%s: i/o timeout\" "
            "to=%s appt_date=%s client=%s" % (
                r.ts(), ri(40, 400), r.k("grpc_code", "Unavailable"), r.iip(), r.port(), r.aphone(),
                r.appt(c(["iso", "us", "md_slash"])), r.name(p, c(["given", "full", "lower"]))))


@T("grpc")
def grpc_envoy_headers(r):
    p = Person()
    return (":status: 200\ncontent-type: application/grpc\ngrpc-status: %s\ngrpc-message: %s\n"
            "x-envoy-upstream-service-time: %s\nx-patient-email: %s\nx-patient-dob: %s\nx-forwarded-for: %s, %s" % (
                r.k("grpc_status", "7"), "permission%20denied%20for%20chart", r.k("count", str(ri(3, 900))),
                r.email(p), r.dob(c(["iso", "us"])), r.ip(), r.iip()))


@T("grpc")
def grpc_epcs_denied(r):
    p, cl = Person(), Person()
    return ("PermissionDenied: /rx.v2.Prescribe/Submit clinician=%s npi=%s dea=%s not enrolled for EPCS schedule II; "
            "patient=%s age=%s drug=%s" % (
                r.name(cl, c(["full", "last_first", "initial"])), r.npi(), r.dea(cl), r.name(p), r.age(words_p=0.2),
                r.k("drug", c(["lisdexamfetamine 30 mg", "methylphenidate ER 36 mg", "clonazepam 0.5 mg"]))))


@T("grpc", clean=True)
def grpc_clean_deadline(r):
    return ("rpc error: code = %s desc = context deadline exceeded (method=%s timeout=%s upstream=%s:%s attempt=%s/%s)" % (
        r.k("grpc_code", "DeadlineExceeded"), r.k("method", "claims.v2.Adjudication/Submit"), r.dur(), r.iip(), r.port(),
        r.k("count", str(ri(1, 3))), r.k("count", "4")))


@T("grpc", clean=True)
def grpc_clean_msgsize(r):
    n = ri(4194305, 9000000)
    return ("grpc: received message larger than max (%s vs. %s) in %s; service %s %s (commit %s). %s" % (
        r.k("count", str(n)), r.k("count", "4194304"), r.k("method", "docgen.v1.Render/Statement"), r.svc(), r.ver(),
        r.sha(), sentence(r, ["May indicate an oversized PDF attachment.", "Bill statements over 200 pages hit this.",
                              "Will fall back to chunked streaming."])))


# ---- 3. Job queues (Celery / RQ / Sidekiq) -------------------------------
@T("jobs")
def celery_card_declined(r):
    p = Person()
    z = r.p("ZIP", zip5(city()))
    return ("[%s: ERROR/ForkPoolWorker-%d] Task %s[%s] raised unexpected: %s('Your card was declined.')\n"
            "  args=(%r,) kwargs={'card_number': %r, 'holder': %r, 'billing_zip': %r, 'amount_cents': %d}" % (
                r.ts("space"), ri(1, 16), r.k("task", "billing.tasks.charge_copay"), r.uuid(), r.exc("CardError"),
                r.acct(), r.card(), r.name(p), z, ri(1500, 30000)))


@T("jobs")
def sidekiq_sms_job(r):
    p = Person()
    job = {"class": r.k("job_class", "ReminderSmsJob"), "queue": "reminders",
           "args": [{"to": r.aphone(), "first_name": r.name(p, "given"), "appt_on": r.appt(c(["iso", "us", "long"])),
                     "clinician": "Dr. " + r.name(Person(), "sur")}],
           "retry_count": ri(1, 24), "jid": r.k("job_id", hexs(24)),
           "error_class": r.exc("Twilio::REST::RestError"), "error_message": "[HTTP 400] 21211 : Invalid 'To' Phone Number"}
    return "WARN: %s\n%s" % ("Sidekiq job failed, will retry", jd(job))


@T("jobs")
def rq_pdf_missing(r):
    p = Person()
    m = r.mrn()
    d = dob()
    nm_file = r.p("NAME", "%s_%s" % (slug(p.sur).capitalize() if chance(0.5) else p.sur, p.given))
    path = r.url("/var/app/exports/%s/%s_%s.pdf" % (m, nm_file, r.date(d, "hl7")))
    return ("rq.worker: Job %s failed in queue 'exports' after %s\nTraceback (most recent call last):\n"
            '  File "/srv/docgen/export.py", line %d, in build_packet\n    with open(out_path, "rb") as fh:\n'
            "%s: [Errno 2] No such file or directory: '%s'" % (
                r.k("job_id", uuid4()), r.dur(), ri(20, 300), r.exc("FileNotFoundError"), path))


@T("jobs")
def celery_retry_ehr(r):
    p = Person()
    payload = {"ssn": r.ssn(), "dob": r.dob(c(["iso", "us"])), "last": r.name(p, "sur"), "first": r.name(p, "given"),
               "mrn": r.mrn()}
    return ("[%s: WARNING/MainProcess] Task %s[%s] retry: Retry in %ds: %s(\"HTTPSConnectionPool(host='%s', port=443): "
            "Read timed out.\")\n  payload=%r" % (
                r.ts("space"), r.k("task", "intake.tasks.push_to_ehr"), r.uuid(), ri(10, 600), r.exc("ReadTimeout"),
                r.k("host", "ehr-bridge.internal"), payload))


@T("jobs")
def dlq_redelivered(r):
    p = Person()
    return ("DLQ %s: message %s redelivered %d times, moving to parking lot. headers={x-tenant: %s} body=patient_email=%s"
            "&dl_number=%s&dl_state=%s&callback=%s" % (
                r.k("queue", "intake.verify-identity.dlq"), r.k("message_id", hexs(16)), ri(5, 20),
                r.k("tenant", "tn_" + hexs(6)), r.email(p), r.dl(), c(["WA", "OR", "NM", "AZ", "MT", "TX"]), r.phone("e164")))


@T("jobs")
def sidekiq_statement_job(r):
    p = Person()
    cty, st, z = r.loc()
    return ("%s pid=%d tid=%s class=%s jid=%s elapsed=%s ERROR: %s: USPS address validation failed for guarantor "
            "%s, %s, %s %s %s (acct %s)" % (
                r.ts(), ri(1000, 60000), r.k("tid", alnum(5, "abcdefghijkmnpqrstuvwxyz0123456789")),
                r.k("job_class", "StatementMailerJob"), r.k("job_id", hexs(24)), r.dur(), r.exc("Lob::InvalidAddress"),
                r.name(p), r.addr(True), cty, st, z, r.acct()))


@T("jobs", clean=True)
def celery_clean_success(r):
    return ("[%s: INFO/ForkPoolWorker-%d] Task %s[%s] succeeded in %s: {'rows': %s, 'skipped': %s, 'report_month': '%s'}" % (
        r.ts("space"), ri(1, 8), r.k("task", "reports.tasks.nightly_rollup"), r.uuid(),
        r.k("duration", "%d.%ds" % (ri(10, 900), ri(0, 9))), r.k("count", str(ri(1000, 90000))), r.k("count", str(ri(0, 40))),
        r.k("period", "2025-%02d" % ri(1, 12))))


@T("jobs", clean=True)
def sidekiq_clean_shutdown(r):
    return ("%s INFO: Shutting down; %s busy jobs requeued (queues: mailers, reminders, era). latency=%s rss=%s "
            "sidekiq %s redis %s:%s. %s period %s." % (
                r.ts(), r.k("count", str(ri(1, 25))), r.dur(), r.k("count", "%dMB" % ri(200, 2000)), r.ver(), r.iip(),
                r.k("port", "6379"), r.k("word", "Grace"), r.k("duration", "%ds" % c([25, 30, 60]))))


# ---- 4. Framework exception pages (Django / Rails / Laravel / Spring) ----
@T("frameworks")
def django_debug_page(r):
    p = Person()
    m = r.mrn()
    h = c(HOSTS)
    path = r.url("/clinicians/intake/%s/submit/" % m)
    full = r.url("https://%s%s" % (h, path))
    d = dob()
    return ("%s at %s\nduplicate key value violates unique constraint \"%s\"\n\nRequest Method: POST\nRequest URL: %s\n"
            "Django Version: %s\nException Type: %s\nPython Version: %s\n\nLocal vars:\n"
            "  form_data = {'first_name': %r, 'last_name': %r, 'ssn': %r, 'dob': %s}\n  request = <WSGIRequest: POST %r>" % (
                r.exc("IntegrityError"), path, r.k("constraint", "intake_client_ssn_key"), full, r.k("version", "4.2.11"),
                "IntegrityError", r.k("version", "3.11.8"), r.name(p, "given"), r.name(p, "sur"), r.ssn(),
                r.date(d, "pydate"), path))


@T("frameworks")
def rails_record_invalid(r):
    p, ec = Person(), Person()
    params = '{"patient"=>{"preferred_name"=>"%s", "date_of_birth"=>"%s", "emergency_contact_name"=>"%s", "emergency_contact_phone"=>"%s", "relationship"=>"%s"}}' % (
        r.name(p, c(["given", "full"])), r.dob(c(["iso", "us", "us_dash"])), r.name(ec), r.p("PHONE", c([phone("dash"), phone("plain"), intl_phone()]) + ""),
        c(["spouse", "daughter", "son", "mother", "neighbor"]))
    return ("Started PATCH \"/patients/%s\" for %s at %s\nProcessing by PatientsController#update as HTML\n  Parameters: %s\n"
            "Completed 422 Unprocessable Entity in %s\n\n%s (Validation failed: Emergency contact phone is invalid):\n  app/models/patient.rb:%d:in `block in <class:Patient>'" % (
                r.k("db_id", str(ri(1000, 999999))), r.ip(), r.ts("space"), params, r.dur(),
                r.exc("ActiveRecord::RecordInvalid"), ri(20, 300)))


@T("frameworks")
def laravel_duplicate(r):
    p = Person()
    e = r.email(p)
    return ("[%s] production.ERROR: SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '%s' for key "
            "'users_email_unique' (Connection: mysql, SQL: insert into `users` (`name`, `email`, `phone`, `updated_at`) values "
            "(%s, %s, %s, %s)) {\"userId\":%s,\"exception\":\"[object] (%s(code: 23000))\"}" % (
                r.ts("space"), e, r.name(p), e, r.phone(), r.k("timestamp", ts_space()), r.k("db_id", str(ri(100, 99999))),
                r.exc("Illuminate\\\\Database\\\\QueryException")))


@T("frameworks")
def spring_mbi_invalid(r):
    p = Person()
    return ("%s WARN 1 --- [nio-8080-exec-%d] .w.s.m.s.DefaultHandlerExceptionResolver : Resolved [%s: Validation failed "
            "for argument [0] in public ResponseEntity<PatientDto> com.quietpine.intake.PatientController.update(PatientDto): "
            "[Field error in object 'patientDto' on field 'mbi': rejected value [%s]; codes [Pattern.patientDto.mbi]; "
            "default message [must match MBI format]] [Field error in object 'patientDto' on field 'legalName': rejected value [%s]]]" % (
                r.ts("space"), ri(1, 20), r.exc("org.springframework.web.bind.MethodArgumentNotValidException"),
                r.mbi(), r.name(p)))


@T("frameworks")
def spring_jackson_date(r):
    p = Person()
    dstr = r.dob(c(["us", "dot_dmy", "long", "us_short"]))
    body = {"firstName": r.name(p, "given"), "lastName": r.name(p, "sur"), "birthDate": dstr, "homePhone": r.phone()}
    return ("%s: JSON parse error: Cannot deserialize value of type `java.time.LocalDate` from String \"%s\": "
            "Failed to deserialize java.time.LocalDate: (java.time.format.DateTimeParseException) Text '%s' could not "
            "be parsed at index 0\n request body: %s" % (
                r.exc("HttpMessageNotReadableException"), dstr, dstr, jd(body, 0)))


@T("frameworks")
def rails_nemt_ride(r):
    p = Person()
    params = ('{"ride"=>{"rider_name"=>"%s", "pickup"=>"%s", "driver_license"=>"%s", "vehicle"=>{"vin"=>"%s", '
              '"plate"=>"%s", "make"=>"%s"}, "appointment_date"=>"%s"}}' % (
                  r.name(p), r.addr(), r.dl(), r.vin(), r.plate(), c(["Toyota Sienna", "Honda Odyssey", "Ford Transit"]),
                  r.appt(c(["iso", "us"]))))
    return ("Processing by Transport::RidesController#create as JSON\n  Parameters: %s\n%s (undefined method `zip' for nil:NilClass):\n"
            "  app/services/transport/ride_voucher.rb:%d:in `build'\nCompleted 500 Internal Server Error in %s" % (
                params, r.exc("NoMethodError"), ri(10, 200), r.dur()))


@T("frameworks", clean=True)
def rails_clean_routing(r):
    return ('%s (No route matches [GET] "%s"):\n  actionpack (%s) lib/action_dispatch/middleware/debug_exceptions.rb:%d:in `call\'\n'
            'Completed 404 Not Found in %s (Views: 0.0ms | ActiveRecord: 0.0ms | Allocations: %s)' % (
                r.exc("ActionController::RoutingError"), r.k("path", c(["/wp-login.php", "/.env", "/admin/config.php", "/phpmyadmin/"])),
                r.k("version", "7.1.3"), ri(20, 90), r.dur(), r.k("count", str(ri(100, 9000)))))


@T("frameworks", clean=True)
def django_clean_operational(r):
    ip = r.iip()
    return ("%s: could not connect to server: Connection refused\n\tIs the server running on host \"%s\" and accepting\n"
            "\tTCP/IP connections on port %s?\n(worker %s, release %s, %s)" % (
                r.exc("django.db.utils.OperationalError"), ip, r.k("port", "5432"), r.k("pod", pod("intake-api")),
                r.ver(), r.ts()))


@T("frameworks", clean=True)
def spring_clean_pool(r):
    return ("%s ERROR 1 --- [   scheduling-1] com.zaxxer.hikari.pool.HikariPool : %s - Connection is not available, "
            "request timed out after %s (total=%s, active=%s, idle=0, waiting=%s)\n%s" % (
                r.ts("space"), r.k("pool", "HikariPool-1"), r.k("duration", "%dms" % c([30000, 20000, 10000])),
                r.k("count", "20"), r.k("count", "20"), r.k("count", str(ri(1, 80))),
                r.exc("java.sql.SQLTransientConnectionException")))


# ---- 5. SQL / ORM constraint errors --------------------------------------
@T("sql")
def pg_unique_mrn(r):
    p = Person()
    m = r.mrn()
    return ('ERROR:  duplicate key value violates unique constraint "%s"\nDETAIL:  Key (mrn)=(%s) already exists.\n'
            "STATEMENT:  INSERT INTO %s (mrn, first_name, last_name, dob, sex) VALUES ('%s', '%s', '%s', '%s', '%s')" % (
                r.k("constraint", "patients_mrn_key"), m, r.k("table", "patients"), m,
                r.p("NAME", p.given.replace("'", "''")), r.p("NAME", p.sur.replace("'", "''")), r.dob("iso"), c("FMX")))


@T("sql")
def pg_check_policy(r):
    p = Person()
    return ('ERROR:  new row for relation "%s" violates check constraint "%s"\nDETAIL:  Failing row contains '
            '(%s, %s, %s, %s, %s, null, t, %s).\nCONTEXT:  SQL statement in PL/pgSQL function %s line %d' % (
                r.k("table", "insurance_policies"), r.k("constraint", "member_id_format"), r.k("db_id", str(ri(1000, 999999))),
                r.member(), r.group(), r.name(p, c(["full", "upper", "last_first"])), r.dob("iso"), r.payer(),
                r.k("function", "upsert_policy()"), ri(5, 80)))


@T("sql")
def mysql_too_long(r):
    p = Person()
    cty, st, z = r.loc()
    a = r.addr(True)
    return ("ERROR 1406 (22001): Data too long for column '%s' at row 1\nQuery: INSERT INTO `%s` (`client_id`,`street_address`,"
            "`city`,`state`,`postal_code`,`home_phone`) VALUES (%s,'%s','%s','%s','%s','%s')" % (
                r.k("column", "street_address"), r.k("table", "client_addresses"), r.k("db_id", str(ri(1000, 999999))),
                a, cty, st, z, r.phone()))


@T("sql")
def mssql_pk_guarantor(r):
    p = Person()
    ac = r.acct()
    return ("Msg 2627, Level 14, State 1, Procedure %s, Line %d\nViolation of PRIMARY KEY constraint '%s'. Cannot insert "
            "duplicate key in object '%s'. The duplicate key value is (%s).\n-- params: @GuarantorName=N'%s', @Phone=N'%s', @Email=N'%s'" % (
                r.k("proc", "usp_UpsertGuarantor"), ri(10, 200), r.k("constraint", "PK_Guarantor"), r.k("table", "dbo.Guarantor"),
                ac, r.name(p), r.phone(), r.email(p)))


@T("sql")
def oracle_null_subscriber(r):
    p = Person()
    return ('ORA-01400: cannot insert NULL into ("BILLING"."CLAIMS"."SUBSCRIBER_ID")\nORA-06512: at "BILLING.CLAIM_PKG", line %d\n'
            "binds: :1='%s' :2='%s' :3='%s' :4=NULL :5='%s'" % (
                ri(100, 2000), r.name(p, c(["LAST_FIRST", "upper"])), r.dob("oracle"), r.ssn(c(["plain", "dash"])),
                r.cpt()))


@T("sql")
def pg_fk_email(r):
    p = Person()
    return ('ERROR:  insert or update on table "%s" violates foreign key constraint "%s"\nDETAIL:  Key (client_email)=(%s) '
            'is not present in table "clients".\nHINT:  appointment for %s on %s was not saved (source=%s)' % (
                r.k("table", "appointments"), r.k("constraint", "appointments_client_email_fkey"), r.email(p),
                r.name(p, "given"), r.appt(c(["iso", "us", "long", "weekday"])), r.svc("scheduler-svc")))


@T("sql")
def mysql_slow_fax(r):
    p = Person()
    return ("# Time: %s\n# User@Host: app[app] @ %s\n# Query_time: %s  Lock_time: 0.000%d Rows_sent: 1  Rows_examined: %s\n"
            "SELECT id, display_name FROM referral_contacts WHERE fax_e164 = '%s' OR fax_raw = '%s' OR phone = '%s';" % (
                r.ts(), r.iip(), r.k("duration", "%d.%06d" % (ri(2, 30), ri(0, 999999))), ri(10, 99),
                r.k("count", str(ri(100000, 9000000))), r.p("FAX", phone("e164")), r.fax(c(["paren", "dash", "dot"])), r.phone()))


@T("sql")
def pg_sequel_dump(r):
    p = Person()
    return ("Sequel::UniqueConstraintViolation: PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "
            "\"%s\"\nDETAIL:  Key (payer_id, member_id)=(%s, %s) already exists.\n  subscriber: %s / dob %s / ssn last4 on file" % (
                r.k("constraint", "coverages_payer_member_key"), r.k("payer_id", str(ri(10000, 99999))), r.member(),
                r.name(p), r.dob()))


@T("sql", clean=True)
def pg_clean_deadlock(r):
    return ("ERROR:  deadlock detected\nDETAIL:  Process %s waits for ShareLock on transaction %s; blocked by process %s.\n"
            "Process %s waits for ShareLock on transaction %s; blocked by process %s.\nHINT:  See server log for query details.\n"
            "CONTEXT:  while updating tuple (%d,%d) in relation \"%s\"" % (
                r.k("pid", str(ri(10000, 99999))), r.k("txid", str(ri(10 ** 7, 10 ** 8))), r.k("pid", str(ri(10000, 99999))),
                str(ri(10000, 99999)), str(ri(10 ** 7, 10 ** 8)), str(ri(10000, 99999)), ri(100, 9999), ri(1, 60),
                r.k("table", c(["claim_lines", "appointments", "ledger_entries"]))))


@T("sql", clean=True)
def oracle_clean_tns(r):
    return ("ORA-12541: TNS:no listener (CONNECT_DATA=(SERVICE_NAME=%s)(ADDRESS=(PROTOCOL=TCP)(HOST=%s)(PORT=%s))) "
            "pool=%s retries=%s last_ok=%s" % (
                r.k("service", "BILLPDB1"), r.iip(), r.k("port", "1521"), r.k("pool", "ucp-billing"), r.k("count", str(ri(2, 9))),
                r.ts()))


@T("sql", clean=True)
def mssql_clean_timeout(r):
    return ("Msg -2, Level 11, State 0, Line 0\nExecution Timeout Expired. The timeout period elapsed prior to completion of "
            "the operation or the server is not responding. (proc %s, %s rows, %s) -- %s" % (
                r.k("proc", "usp_RebuildAgingBuckets"), r.k("count", "{:,}".format(ri(10000, 9000000))), r.dur(),
                sentence(r, ["Bill run will resume at next window.", "Will retry with MAXDOP 2."])))


# ---- 6. Problem+JSON / JSON:API error bodies ------------------------------
@T("problem_json")
def problem_age_review(r):
    a = old_age()
    d = dob_for_age(a)
    m = r.mrn()
    body = {"type": "https://errors.quietpine.health/intake/age-review", "title": "Unprocessable Entity",
            "status": int(r.status("422")),
            "detail": "Date of birth %s implies age %s; clients over 89 require manual review" % (r.date(d, c(["iso", "us", "long"])), r.age(a, words_p=0)),
            "instance": r.url("/v2/clients/%s/demographics" % m),
            "invalid-params": [{"name": "dateOfBirth", "reason": "age-review-required"}],
            "traceId": r.k("trace_id", hexs(32))}
    return "HTTP/1.1 422\ncontent-type: application/problem+json\n\n" + jd(body)


@T("problem_json")
def jsonapi_duplicate_member(r):
    p = Person()
    e = {"id": r.uuid(), "status": r.status("409"), "code": r.k("code", "duplicate_member"), "title": "Member already enrolled",
         "detail": "Member ID %s is already linked to %s (DOB %s)" % (r.member(), r.name(p), r.dob()),
         "source": {"pointer": "/data/attributes/memberId"}, "meta": {"group": r.group(), "payer": r.payer()}}
    return jd({"jsonapi": {"version": "1.1"}, "errors": [e]})


@T("problem_json")
def problem_card_declined(r):
    p = Person()
    body = {"type": "urn:quietpine:problem:payment-declined", "title": "Payment declined", "status": 402,
            "detail": "Card %s for %s was declined (do_not_honor)" % (r.card(), r.name(p, c(["full", "upper"]))),
            "account": r.acct(), "amount": r.money(), "instance": "/billing/payments/%s" % r.k("db_id", str(ri(10000, 999999)))}
    return "[%s] POST /billing/payments -> %s %s" % (r.svc("billing-ledger"), r.status("402"), jd(body))


@T("problem_json")
def problem_fax_failed(r):
    p = Person()
    body = {"title": "Fax delivery failed", "status": 502,
            "detail": "Outbound fax to %s (attn: %s) failed after %d attempts: no answer" % (r.fax(), r.name(p), ri(2, 6)),
            "instance": "/fax/jobs/%s" % r.k("job_id", "fx_" + hexs(12)), "retryable": True}
    return jd(body)


@T("problem_json")
def jsonapi_included_address(r):
    p = Person()
    cty, st, z = r.loc()
    doc = {"errors": [{"status": r.status("400"), "title": "Invalid Attribute", "detail": "postal-code does not match city",
                       "source": {"pointer": "/included/0/attributes/postal-code"}}],
           "included": [{"type": "addresses", "id": r.k("db_id", str(ri(1000, 99999))),
                         "attributes": {"line-1": r.addr(), "city": cty, "state": st, "postal-code": z,
                                        "resident": r.name(p)}}]}
    return jd(doc)


@T("problem_json")
def problem_ssn_mismatch(r):
    p = Person()
    body = {"type": "https://errors.quietpine.health/identity/ssn-mismatch", "title": "Identity verification failed",
            "status": 409, "detail": "SSN %s on file does not match the one supplied for %s" % (r.ssn(), r.name(p)),
            "client_ip": r.ip(), "portal_user": r.user(p)}
    return "identity-svc returned %s: %s" % (r.status("409"), jd(body))


@T("problem_json", clean=True)
def problem_clean_rate(r):
    body = {"type": "about:blank", "title": "Too Many Requests", "status": int(r.status("429")),
            "detail": "Rate limit of %s requests per 60s exceeded for key %s" % (r.k("count", str(c([300, 600, 1200]))), r.k("api_key_id", "ak_" + hexs(8))),
            "retry_after": int(r.k("count", str(ri(2, 59))))}
    return jd(body)


@T("problem_json", clean=True)
def jsonapi_clean_notfound(r):
    u = r.uuid()
    return jd({"errors": [{"status": r.status("404"), "title": "Not Found",
                           "detail": "Resource 'plans' with id '%s' not found" % u,
                           "meta": {"requestId": r.rid(), "apiVersion": r.ver()}}]})


# ---- 7. Access logs (nginx / Envoy / logfmt / JSON / syslog) --------------
UA = ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
      "okhttp/4.12.0", "QuietPine-Android/5.8.1 (Pixel 7; Android 14)"]


@T("access_logs")
def nginx_download(r):
    p = Person()
    m = r.mrn()
    path = r.url("/portal/records/%s/download?format=pdf&dob=%s" % (m, r.dob("iso")))
    return '%s - %s [%s] "GET %s HTTP/2.0" %s %s "https://%s/" "%s" rt=%s' % (
        r.ip(), r.user(p), r.ts("nginx"), path, r.status(c(["200", "403", "502"])), r.k("bytes", str(ri(200, 900000))),
        c(HOSTS), c(UA), r.k("duration", "%d.%03d" % (ri(0, 9), ri(0, 999))))


@T("access_logs")
def envoy_messages(r):
    m = r.mrn()
    path = r.url("/api/v1/patients/%s/messages" % m)
    return '[%s] "POST %s HTTP/1.1" %s UF 0 %d %d - "%s,%s" "%s" "%s" "%s:%s" "%s:%s"' % (
        r.ts("iso"), path, r.status("503"), ri(50, 500), ri(30000, 30100), r.ip4(), r.iip(), c(UA[2:]), r.rid(),
        r.k("host", "messaging.internal"), r.k("port", "8443"), r.iip(), "8443")


@T("access_logs")
def logfmt_login_failed(r):
    p = Person()
    return ('ts=%s level=warn svc=%s msg="login failed" user=%s ip=%s attempts=%s mfa_phone=%s geo="%s, %s" ua="%s"' % (
        r.ts(), r.svc("identity-svc"), r.email(p), r.ip(), r.k("count", str(ri(3, 12))), r.aphone(),
        r.p("CITY", city()[0]), c(["US", "United States"]), c(UA)))


@T("access_logs")
def json_reminder_failed(r):
    p = Person()
    rec = {"@timestamp": r.ts("iso"), "level": "ERROR", "logger": r.k("logger", "c.q.scheduling.ReminderService"),
           "message": "reminder send failed", "patient": {"name": r.name(p), "phone": r.aphone()},
           "appointment": {"date": r.appt(c(["iso", "us"])), "time": "%02d:%s" % (ri(8, 18), c(["00", "30", "45"])),
                           "clinician": r.name(Person(), c(["full", "initial"]))},
           "trace_id": r.k("trace_id", hexs(32)), "error": {"type": r.exc("SmtpSendFailedException")}}
    return jd(rec, c([0, 2]))


@T("access_logs")
def syslog_audit_chart(r):
    p = Person()
    return "<%d>1 %s web-%d portal %d ID%d [meta sequenceId=\"%d\"] audit: user %s viewed chart %s (%s) from %s" % (
        ri(128, 191), r.ts("iso"), ri(1, 9), ri(1000, 60000), ri(10, 99), ri(1, 999), r.user(Person()), r.mrn(),
        r.name(p, c(["LAST_FIRST", "last_first"])), r.p("IP", ip6()))


@T("access_logs")
def apache_export_query(r):
    s = r.ssn("dash")
    d = r.dob(c(["iso", "us_dash"]))
    path = r.url("/api/export?ssn=%s&dob=%s&fmt=csv" % (s, d))
    return '%s - - [%s] "GET %s HTTP/1.1" %s %s "-" "%s"' % (
        r.ip4(), r.ts("nginx"), path, r.status("400"), r.k("bytes", str(ri(100, 900))), "python-requests/2.31.0")


@T("access_logs")
def bsd_syslog_sms(r):
    p = Person()
    return "%s notify-%d notify-svc[%d]: sms.send failed carrier=%s code=%s to=%s body=\"Hi %s, your visit on %s is confirmed\"" % (
        r.ts("syslog"), ri(1, 4), ri(100, 9999), c(["tmobile", "verizon", "att"]), r.k("code", str(c([30003, 30005, 30006, 30007]))),
        r.phone("e164"), r.name(p, "given"), r.appt(c(["md", "md_slash", "wd_short", "mon_d"])))


@T("access_logs", clean=True)
def nginx_clean_probe(r):
    ip = r.iip()
    return '%s - - [%s] "GET /healthz HTTP/1.1" %s %s "-" "kube-probe/%s" rt=%s uct="0.000" uht="%s"' % (
        ip, r.ts("nginx"), r.status("200"), r.k("bytes", "2"), r.k("version", "1.29"), r.k("duration", "0.00%d" % ri(1, 9)),
        r.k("duration", "0.00%d" % ri(1, 9)))


@T("access_logs", clean=True)
def logfmt_clean_cache(r):
    return 'ts=%s level=info svc=%s msg="cache warm complete" keys=%s took=%s build=%s version=%s region=%s' % (
        r.ts(), r.svc(), r.k("count", str(ri(1000, 90000))), r.dur(), r.sha(7), r.ver(), r.k("region", c(["us-west-2", "us-east-1"])))


@T("access_logs", clean=True)
def envoy_clean_upstream(r):
    return '[%s] "GET /v1/plans?page=%s HTTP/2" %s UO 0 %s %s - "%s" "%s" "%s" "%s"' % (
        r.ts("iso"), r.k("count", str(ri(2, 40))), r.status("503"), ri(10, 200), r.k("duration", str(ri(1, 50))),
        r.iip(), "Go-http-client/2.0", r.rid(), r.k("cluster", "outbound|8080||plans.default.svc.cluster.local"))


# ---- 8. HL7 v2 and FHIR ---------------------------------------------------
def hl7_ts():
    d = rdate(2025, 2025)
    return "%04d%02d%02d%02d%02d%02d" % (d.year, d.month, d.day, ri(0, 23), ri(0, 59), ri(0, 59))


@T("hl7_fhir")
def hl7_adt_pid(r):
    p, att = Person(), Person()
    cty, st, z = r.loc(upper=chance(0.5))
    sep = c(["\r", "\n", "\\r"])
    unit = chance(0.5)
    street_ = r.addr(False)
    unit_s = r.p("ADDRESS", "APT %d%s" % (ri(1, 30), c(["", "B"]))) if unit else ""
    seg = ["MSH|^~\\&|%s|QPH|EHR|RCC|%s||ADT^A04|%s|P|2.5.1" % (r.k("app", "QPINTAKE"), r.k("hl7_ts", hl7_ts()), r.k("control_id", "MSG" + digits(8))),
           "EVN|A04|%s" % hl7_ts(),
           "PID|1||%s^^^QPH^MR||%s||%s|%s|||%s^%s^%s^%s^%s^USA||%s|||||%s|%s" % (
               r.mrn(), r.name(p, "hl7"), r.dob("hl7"), c("FMU"), street_, unit_s, cty, st, z,
               r.phone("paren_tight"), r.acct(), r.ssn("plain")),
           "PV1|1|O|%s^^^RCC||||%s^%s^%s^^^^^^NPI" % (r.k("location", "TELE"), r.npi(), r.p("NAME", att.sur.upper()),
                                                       r.p("NAME", att.given.upper()))]
    text = sep.join(seg)
    return "HL7 %s rejected by interface engine: %s\n%s" % (r.k("message_type", "ADT^A04"), "PID-11.5 postal code not valid for state", text)


@T("hl7_fhir")
def hl7_siu_schedule(r):
    p, cl = Person(), Person()
    d = appt()
    seg = ["MSH|^~\\&|QPSCHED|QPH|||%s||SIU^S12|%s|P|2.4" % (hl7_ts(), r.k("control_id", digits(10))),
           "SCH|%s||||||%s|||%d|min|^^^%s" % (r.k("db_id", str(ri(100000, 999999))), c(["FOLLOWUP", "INTAKE"]), c([45, 53, 60]),
                                             r.p("DATE", fdate(d, "hl7") + "%02d%02d" % (ri(8, 18), c([0, 30])))),
           "PID|1||%s||%s||%s" % (r.mrn(), r.name(p, "hl7"), r.dob("hl7")),
           "AIP|1||%s^%s^%s|%s" % (r.npi(), r.p("NAME", cl.sur.upper()),
                                   r.p("NAME", cl.given.upper()), "PSYCHOLOGIST")]
    return "%s: %s\n%s" % (r.exc("HL7ParseException"), "SCH-11 quantity/timing missing end time", "\n".join(seg))


@T("hl7_fhir")
def hl7_nk1_bad_date(r):
    p = Person()
    nk = Person(p.culture if chance(0.7) else None)
    bad = r.dob(c(["us", "iso", "dot_dmy"]))
    seg = ["PID|1||%s^^^QPH^MR||%s||%s" % (r.mrn(), r.name(p, "hl7"), bad),
           "NK1|1|%s|%s|%s|%s" % (r.name(nk, "hl7"), c(["DAU^Daughter", "SPO^Spouse", "MTH^Mother", "BRO^Brother"]),
                                  r.addr(False), r.phone(c(["paren_tight", "dash"])))]
    return ("[%s] HL7 parse error in message %s from %s: PID-7 invalid TS value '%s' (expected YYYYMMDD)\n%s" % (
        r.svc("hl7-listener"), r.k("control_id", "MSG" + digits(8)), r.iip(), bad, "\r".join(seg)))


@T("hl7_fhir")
def fhir_patient_outcome(r):
    p = Person()
    cty, st, z = r.loc()
    pat = {"resourceType": "Patient", "id": r.uuid(),
           "identifier": [{"system": "http://hl7.org/fhir/sid/us-ssn", "value": r.ssn("dash")},
                          {"type": {"coding": [{"code": "MR"}]}, "system": "urn:quietpine:mrn", "value": r.mrn()}],
           "name": [{"use": "official", "family": r.name(p, "sur"), "given": [r.name(p, "given")]}],
           "telecom": [{"system": "phone", "value": r.aphone(), "use": "mobile"}, {"system": "email", "value": r.email(p)}],
           "gender": c(["female", "male", "other"]), "birthDate": r.dob("iso"),
           "address": [{"line": [r.addr()], "city": cty, "state": st, "postalCode": z}]}
    oo = {"resourceType": r.k("resource", "OperationOutcome"), "issue": [{"severity": "error", "code": r.k("code", "invariant"),
                                                                  "diagnostics": "pat-1: contact SHALL contain a name or a telecom"}]}
    return "PUT Patient failed (%s)\nrequest: %s\nresponse: %s" % (r.status("422"), jd(pat, c([0, 1])), jd(oo, 0))


@T("hl7_fhir")
def fhir_coverage(r):
    p = Person()
    m = r.mrn()
    cov = {"resourceType": "Coverage", "status": "active", "subscriberId": r.member(),
           "beneficiary": {"reference": r.url("Patient/%s" % m), "display": r.name(p)},
           "payor": [{"display": r.payer()}],
           "class": [{"type": {"coding": [{"code": "group"}]}, "value": r.group()}],
           "period": {"start": r.k("year", "2025") + "-01-01"}}
    return "FHIR validation error (%s): Coverage.relationship: minimum required = 1, but only found 0\n%s" % (
        r.k("profile", "us-core-coverage"), jd(cov))


@T("hl7_fhir")
def fhir_search_url(r):
    p = Person()
    fam = p.sur
    r.p("NAME", fam)
    d = r.dob("iso")
    u = r.url("https://fhir.quietpine.health/r4/Patient?family=%s&birthdate=%s&_format=json" % (fam, d))
    return "GET %s -> %s %s in %s\n%s" % (u, r.status("500"), r.exc("HAPI-0389"), r.dur(),
                                          "Failed to call access method: java.lang.NullPointerException")


@T("hl7_fhir")
def fhir_medreq(r):
    p, cl = Person(), Person()
    mr = {"resourceType": "MedicationRequest", "status": "active",
          "identifier": [{"system": "urn:pharmacy:rx", "value": r.rx()}],
          "subject": {"display": r.name(p)},
          "requester": {"display": r.name(cl), "identifier": {"system": "http://hl7.org/fhir/sid/us-npi", "value": r.npi()}},
          "medicationCodeableConcept": {"text": r.k("drug", c(["sertraline 50 mg tablet", "bupropion XL 150 mg", "quetiapine 25 mg"]))},
          "authoredOn": r.appt("iso")}
    return "rx-bridge: NewRx rejected by %s (code 900 transaction rejected)\n%s" % (
        r.k("partner", "Surescripts"), jd(mr, c([0, 1])))


@T("hl7_fhir")
def fhir_device(r):
    p = Person()
    dev = {"resourceType": "Device", "udiCarrier": [{"carrierHRF": r.udi()}], "serialNumber": r.serial(),
           "patient": {"display": r.name(p)}, "note": [{"text": "RPM kit shipped to %s" % r.addr()}]}
    return "RPM sync error %s: device not paired\n%s" % (r.status("409"), jd(dev))


@T("hl7_fhir", clean=True)
def fhir_clean_outcome(r):
    oo = {"resourceType": "OperationOutcome",
          "issue": [{"severity": "error", "code": r.k("code", "not-supported"),
                     "diagnostics": "Unknown search parameter '%s' for resource type 'Encounter'" % r.k("param", c(["foo", "_tag:not", "reason-code"]))}]}
    return "%s GET /r4/Encounter -> %s\n%s" % (r.ts(), r.status("400"), jd(oo))


@T("hl7_fhir", clean=True)
def hl7_clean_ack(r):
    ctrl = r.k("control_id", "MSG" + digits(8))
    return "MSH|^~\\&|EHR|RCC|QPINTAKE|QPH|%s||ACK^A04|%s|P|2.5.1\rMSA|AE|%s|Application internal error\rERR|||%s^Application internal error^HL70357|E" % (
        r.k("hl7_ts", hl7_ts()), r.k("control_id", "ACK" + digits(8)), ctrl, r.k("code", "207"))


# ---- 9. X12 EDI fragments ---------------------------------------------------
def x12_date():
    d = rdate(2025, 2025)
    return "%04d%02d%02d" % (d.year, d.month, d.day)


@T("x12")
def x12_270(r):
    p = Person()
    seg = ["ST*270*%s*005010X279A1" % r.k("control_id", digits(4)),
           "BHT*0022*13*%s*%s*%s" % (r.k("control_id", digits(9)), x12_date(), "%02d%02d" % (ri(0, 23), ri(0, 59))),
           "NM1*PR*2*%s*****PI*%s" % (r.k("payer", c(PAYERS).upper()), r.k("payer_id", str(ri(10000, 99999)))),
           "NM1*IL*1*%s*%s****MI*%s" % (r.p("NAME", p.sur.upper()), r.p("NAME", p.given.upper()), r.member()),
           "DMG*D8*%s*%s" % (r.dob("hl7"), c("FMU")),
           "DTP*291*D8*%s" % r.appt("hl7"),
           "EQ*%s" % r.k("code", "MH")]
    return "270 rejected by clearinghouse (AAA*N**%s*C): \n%s~" % (r.k("code", c(["72", "73", "75"])), "~".join(seg))


@T("x12")
def x12_271_address(r):
    p = Person()
    cy = city()
    cty, st = r.p("CITY", cy[0].upper()), cy[1]
    zz = r.p("ZIP", zip5(cy) + digits(4))
    seg = ["NM1*IL*1*%s*%s****MI*%s" % (r.p("NAME", p.sur.upper()), r.p("NAME", p.given.upper()), r.member()),
           "N3*%s" % r.p("ADDRESS", street().upper()), "N4*%s*%s*%s" % (cty, st, zz),
           "DMG*D8*%s" % r.dob("hl7"), "EB*1*IND*30**%s" % r.k("plan", c(["PPO GOLD", "HMO SELECT", "EPO BASIC"])),
           "EB*B*IND*MH*HM**27*%s" % r.k("amount", str(c([20, 25, 30, 40, 50]))), "MSG*%s" % "ADDRESS ON FILE DIFFERS FROM SUBMITTED"]
    return "271 parse warning: subscriber address mismatch\n" + "~\n".join(seg) + "~"


@T("x12")
def x12_837p(r):
    p, cl = Person(), Person()
    seg = ["SBR*P*18*%s******CI" % r.group(),
           "NM1*IL*1*%s*%s****MI*%s" % (r.p("NAME", p.sur.upper()), r.p("NAME", p.given.upper()), r.member()),
           "N3*%s" % r.p("ADDRESS", street(False).upper()),
           "DMG*D8*%s*%s" % (r.dob("hl7"), c("FM")),
           "CLM*%s*%s***11:B:1*Y*A*Y*Y" % (r.acct(), r.k("amount", str(c([150, 175, 210, 240])))),
           "HI*ABK:%s" % r.k("code", c(ICD).replace(".", "")),
           "NM1*82*1*%s*%s****XX*%s" % (r.p("NAME", cl.sur.upper()), r.p("NAME", cl.given.upper()), r.npi()),
           "DTP*472*D8*%s" % r.appt("hl7"),
           "SV1*HC:%s*%s*UN*1***1" % (r.cpt(), ri(100, 260))]
    return "%s: 837P loop 2010BA failed SNIP level 4 (%s)\n%s~" % (r.svc("claims-worker"), r.k("code", "IK403=7"), "~".join(seg))


@T("x12")
def x12_835(r):
    p, cl = Person(), Person()
    seg = ["CLP*%s*1*%s*%s*%s*12*%s*11*1" % (r.acct(), r.k("amount", "175"), r.k("amount", "112.5"), r.k("amount", "20"),
                                          r.k("payer_claim_id", alnum(14))),
           "NM1*QC*1*%s*%s****MI*%s" % (r.p("NAME", p.sur.upper()), r.p("NAME", p.given.upper()), r.member()),
           "NM1*82*1*%s*%s****XX*%s" % (r.p("NAME", cl.sur.upper()), r.p("NAME", cl.given.upper()), r.npi()),
           "DTM*232*%s" % r.appt("hl7"),
           "SVC*HC:%s*175*112.5**1" % r.cpt(), "CAS*PR*3*20"]
    return "ERA %s posting failed: patient control number not found in ledger\n%s~" % (
        r.k("batch", "ERA-%s-%d" % (x12_date(), ri(1, 9))), "~".join(seg))


@T("x12")
def x12_999_reject(r):
    p = Person()
    hp = r.member()
    return ("999 rejected transaction set %s: IK3*NM1*%d*2010BA*8~IK4*9*67*7*%s~CTX*CLM01:%s~\n"
            "Element NM109 value '%s' invalid for subscriber %s (DOB %s)" % (
                r.k("control_id", digits(4)), ri(5, 40), hp, r.acct(), hp, r.name(p, c(["LAST_FIRST", "upper", "full"])),
                r.dob(c(["hl7", "us"]))))


@T("x12", clean=True)
def x12_clean_ta1(r):
    return "TA1 interchange acknowledgment: ISA13=%s TA104=R TA105=%s (Invalid Interchange Content) sender=%s receiver=%s" % (
        r.k("control_id", "%09d" % ri(1, 999999)), r.k("code", "024"), r.k("sender", "QPCLAIMS"), r.k("receiver", "AVAILITY"))


@T("x12", clean=True)
def x12_clean_batch(r):
    return "835 batch %s parsed: %s CLP, %s PLB, total paid %s, payer %s, %s" % (
        r.k("batch", "ERA-%s-%d" % (x12_date(), ri(1, 9))), r.k("count", str(ri(5, 300))), r.k("count", str(ri(0, 3))),
        r.money(), r.payer(), r.dur())


# ---- 10. CSV / TSV rows in import errors -----------------------------------
def csvq(v, sep=","):
    return '"%s"' % v if (sep in v or chance(0.3)) else v


@T("csv_import")
def csv_invalid_phone(r):
    p = Person()
    cy = city()
    bad = r.p("PHONE", c([phone("dot"), phone("space"), intl_phone(), phone("paren")]))
    row = [r.name(p, "given"), r.name(p, "sur"), r.dob(c(["us", "us_short", "iso"])), bad, r.email(p), r.p("ZIP", zip5(cy))]
    return ("ImportError: roster_%s.csv row %d: column 'phone' failed E.164 normalisation\n"
            "first_name,last_name,dob,phone,email,zip\n%s\n(batch %s, %s rows ok)" % (
                r.k("date_tag", "2025Q%d" % ri(1, 4)), ri(2, 900), ",".join(csvq(x) for x in row), r.k("batch", "imp_" + hexs(8)),
                r.k("count", str(ri(10, 3000)))))


@T("csv_import")
def tsv_payer_roster(r):
    p = Person()
    cy = city()
    row = [r.member(), r.group(), r.name(p, "LAST_FIRST"), r.dob("hl7"), r.addr(), r.p("CITY", cy[0]), cy[1], r.p("ZIP", zip9(cy) if chance(.4) else zip5(cy))]
    return ("payer roster %s line %d: %s\nmember_id\tgroup\tname\tdob\taddress\tcity\tst\tzip\n%s" % (
        r.payer(), ri(2, 20000), "unknown plan code 'BH9'", "\t".join(row)))


@T("csv_import")
def csv_error_table(r):
    p = Person()
    lines = ["row | field | value | error", "----+-------+-------+------"]
    lines.append("%d | ssn | %s | duplicate of existing client" % (ri(2, 400), r.ssn()))
    lines.append("%d | dob | %s | unparseable" % (ri(2, 400), r.dob(c(["dmy_slash", "oracle", "dot_dmy"]))))
    lines.append("%d | email | %s | MX lookup failed" % (ri(2, 400), r.email(p)))
    lines.append("%d | guardian | %s | missing relationship" % (ri(2, 400), r.name(Person())))
    return "Client import %s finished with %s errors (%s)\n%s" % (
        r.k("batch", "imp_" + hexs(8)), r.k("count", "4"), r.dur(), "\n".join(lines))


@T("csv_import")
def csv_quoted_commas(r):
    p = Person()
    cy = city()
    row = '"%s","%s, %s %s","%s",%s,%s' % (r.name(p, "last_first"), r.addr(True), r.p("CITY", cy[0]), cy[1],
                                            r.p("ZIP", zip5(cy)), r.acct(), r.k("amount", "%d.%02d" % (ri(10, 900), ri(0, 99))))
    return ("csv.Error: line %d: field larger than field limit (131072)\ncontext: %s\nfile=statements_export.csv encoding=%s" % (
        ri(2, 9000), row, r.k("encoding", c(["utf-8-sig", "cp1252"]))))


@T("csv_import")
def pandas_date_format(r):
    d = dob()
    while d.day <= 12:
        d = dob()
    ds = r.date(d, "dmy_slash")
    p = Person()
    return ("Traceback (most recent call last):\n  File \"/srv/etl/load_clients.py\", line %d, in <module>\n"
            "    df[\"dob\"] = pd.to_datetime(df[\"dob\"], format=\"%%m/%%d/%%Y\")\n%s: time data \"%s\" doesn't match format "
            "\"%%m/%%d/%%Y\", at position %d. (row: %s, %s)" % (
                ri(10, 200), r.exc("ValueError"), ds, ri(1, 4000), r.name(p, c(["full", "last_first"])), r.mrn()))


@T("csv_import")
def csv_clinician_roster(r):
    cl = Person()
    cy = city()
    row = ";".join([r.name(cl), r.npi(), r.slic(), r.dea(cl), r.p("CITY", cy[0]), r.email(cl, c(CLINICS)[1])])
    return ("Credentialing import warning (%s): DEA state does not match license state for row %d\n"
            "name;npi;state_license;dea;practice_city;work_email\n%s" % (r.svc("roster-sync"), ri(2, 90), row))


@T("csv_import", clean=True)
def csv_clean_summary(r):
    return ("Import batch %s: %s rows read, %s inserted, %s skipped (duplicate external_id), elapsed %s; "
            "schema %s; source sftp://%s/outbound/" % (
                r.k("batch", "2025-Q%d-%d" % (ri(1, 4), ri(1, 12))), r.k("count", "{:,}".format(ri(1000, 9000))),
                r.k("count", "{:,}".format(ri(500, 999))), r.k("count", str(ri(1, 90))), r.dur(), r.k("version", "v%d" % ri(2, 9)),
                r.k("host", "sftp.partner-clearinghouse.net")))


@T("csv_import", clean=True)
def csv_clean_header(r):
    return ("HeaderMismatch: expected columns [first_name,last_name,dob,phone,email,zip] got [FirstName,LastName,DOB,Phone,"
            "Email,PostalCode,%s] in file %s (sha256 %s)" % (
                r.k("column", "PCP"), r.k("file", "clients_%s.csv" % hexs(6)), r.sha(40)))


# ---- 11. Webhooks: Twilio / SendGrid / telehealth / fax ---------------------
@T("webhooks")
def twilio_status(r):
    a, e, l = nanp()
    to = r.p("PHONE", "%%2B1%s%s%s" % (a, e, l))
    return ("POST /webhooks/twilio/status 200 body=AccountSid=%s&MessageSid=%s&MessageStatus=undelivered&ErrorCode=%s&To=%s"
            "&MessagingServiceSid=%s&ApiVersion=2010-04-01" % (
                r.k("sid", "AC" + hexs(32)), r.k("sid", "SM" + hexs(32)), r.k("code", "30006"), to, r.k("sid", "MG" + hexs(32))))


@T("webhooks")
def sendgrid_bounce(r):
    p = Person()
    em = r.email(p)
    ev = [{"email": em, "event": "bounce", "reason": "550 5.1.1 <%s>: Recipient address rejected: User unknown" % em,
           "sg_message_id": r.k("message_id", alnum(22, "abcdefghijkLMNOPQRSTUVWXYZ0123456789") + ".filter"),
           "category": ["appt-reminder"], "custom_args": {"client_name": r.name(p), "appt_date": r.appt("iso")},
           "timestamp": int(r.k("epoch", str(ri(1735700000, 1767000000))))}]
    return "SendGrid event webhook: %s bounce(s)\n%s" % (r.k("count", "1"), jd(ev, c([0, 1])))


@T("webhooks")
def telehealth_participant_left(r):
    p = Person()
    room = r.k("room", "sess-" + hexs(10))
    joined = "%s+%s" % (p.given.replace(" ", "+"), p.sur.replace(" ", "+"))
    r.p("NAME", joined)
    u = r.url("https://meet.quietpine.health/j/%s?name=%s&dob=%s" % (room, joined, r.dob("iso")))
    return ('room.participant_left room=%s participant_identity="%s (client)" reason=%s duration=%s join_url=%s ip=%s' % (
        room, r.name(p), r.k("reason", c(["network", "client_closed", "ice_failed"])), r.dur(), u, r.ip()))


@T("webhooks")
def webhook_retry_partner(r):
    p = Person()
    payload = {"event": "intake.completed", "client": {"name": r.name(p), "dob": r.dob(c(["iso", "us"])), "mrn": r.mrn(),
                                                       "phone": r.aphone()}}
    return ("Webhook delivery to https://%s/hooks/intake failed (attempt %s/8, HTTP %s); next retry at %s\npayload excerpt: %s" % (
        r.k("host", "integrations.lakeshore-ehr.com"), r.k("count", str(ri(2, 7))), r.status(c(["500", "502", "504"])),
        r.ts(), jd(payload, 0)))


@T("webhooks")
def twilio_transcription(r):
    p = Person()
    ph = r.phone(c(["dash", "space", "dot"]))
    text = "Hi this is %s calling about my %s appointment, my callback number is %s, thanks" % (
        r.name(p, c(["full", "given"])), r.appt(c(["md", "wd_short", "md_ord"])), ph)
    return ("POST /webhooks/twilio/transcription TranscriptionStatus=completed CallSid=%s RecordingDuration=%s\n"
            "TranscriptionText=\"%s\"\nerror: %s" % (
                r.k("sid", "CA" + hexs(32)), r.k("count", str(ri(10, 90))), text, "queue 'front-desk' not found"))


@T("webhooks")
def fax_callback(r):
    p = Person()
    return ("fax.failed id=%s to=%s from=%s pages=%d recipient=\"%s\" cover_note=\"Records for %s DOB %s\" error=%s" % (
        r.k("job_id", "fx_" + hexs(12)), r.fax(c(["e164", "plus1sp", "dash"])), r.k("from", "practice-main"),
        ri(1, 30), r.name(Person()), r.name(p), r.dob(), r.k("code", "NO_ANSWER")))


@T("webhooks")
def telehealth_device(r):
    p = Person()
    return ("video.session.quality_alert session=%s participant=%s device={model: \"%s\", imei: \"%s\", os: \"%s\"} "
            "packet_loss=%s jitter=%s client_ip=%s" % (
                r.k("session", "vs_" + hexs(12)), r.name(p, c(["full", "upper", "initial"])), c(["SM-A146U", "iPhone14,7", "moto g stylus"]),
                r.imei(), c(["Android 14", "iOS 17.4"]), r.k("count", "%d%%" % ri(5, 40)), r.k("duration", "%dms" % ri(30, 400)), r.ip()))


@T("webhooks", clean=True)
def twilio_clean_unreachable(r):
    return ("Twilio callback: MessageSid=%s MessageStatus=failed ErrorCode=%s (Unreachable destination handset). "
            "%s retry in %s; queue depth %s" % (
                r.k("sid", "SM" + hexs(32)), r.k("code", "30003"), r.k("word", "Will"), r.dur(), r.k("count", str(ri(1, 500)))))


@T("webhooks", clean=True)
def sendgrid_clean_processed(r):
    ev = [{"event": "processed", "sg_event_id": r.k("event_id", alnum(22, "abcdefghijkLMNOPQRSTUVWXYZ0123456789")),
           "category": ["statement"], "template_id": r.k("template", "d-" + hexs(32)),
           "timestamp": int(r.k("epoch", str(ri(1735700000, 1767000000))))}]
    return "SendGrid webhook signature mismatch (%s) for %s\n%s" % (r.k("header", "X-Twilio-Email-Event-Webhook-Signature"),
                                                                      r.k("count", "1 event"), jd(ev, 0))


# ---- 12. Eligibility / pharmacy / PDMP -------------------------------------
@T("eligibility_rx")
def elig_summary(r):
    p = Person()
    return ("Eligibility check (270/271) for %s DOB %s: payer %s, member %s, group %s, status=%s, MH office copay %s, "
            "plan year %s; ERROR deductible segment missing" % (
                r.name(p), r.dob(), r.payer(), r.member(), r.group(), r.k("status_text", "Active Coverage"), r.money(),
                r.k("year", "2025")))


@T("eligibility_rx")
def elig_api_json(r):
    p, sub = Person(), Person()
    body = {"controlNumber": r.k("control_id", digits(9)), "tradingPartnerServiceId": r.k("payer_id", str(ri(10000, 99999))),
            "subscriber": {"memberId": r.member(), "firstName": r.name(sub, "given"), "lastName": r.name(sub, "sur"),
                           "dateOfBirth": r.dob("hl7")},
            "dependents": [{"firstName": r.name(p, "given"), "lastName": r.p("NAME", p.sur), "dateOfBirth": r.dob("hl7"),
                            "relationshipCode": "19"}],
            "errors": [{"code": r.k("code", "72"), "description": "Invalid/Missing Subscriber/Insured ID",
                        "followupAction": "Please Correct and Resubmit"}]}
    return "eligibility-svc upstream error %s\n%s" % (r.status("400"), jd(body))


@T("eligibility_rx")
def pdmp_lookup(r):
    p, pr = Person(), Person()
    return ("PDMP query (state %s) patient=%s dob=%s dl=%s returned %s fills; first: Rx#%s %s qty %d prescriber %s DEA %s filled %s "
            "-- response truncated by %s" % (
                r.k("state", c(["NM", "AZ", "WA", "MT", "OK"])), r.name(p), r.dob(c(["us", "iso"])), r.dl(), r.k("count", str(ri(2, 9))),
                r.rx(), r.k("drug", c(["alprazolam 0.5 mg", "zolpidem 10 mg", "amphetamine salts 20 mg"])), ri(15, 90),
                r.name(pr, c(["full", "last_first"])), r.dea(pr), r.appt("us"), r.svc("pdmp-proxy")))


@T("eligibility_rx")
def ncpdp_script_xml(r):
    p, cl = Person(), Person()
    cy = city()
    xml = ("<NewRx><Patient><HumanPatient><Name><LastName>%s</LastName><FirstName>%s</FirstName></Name>"
           "<DateOfBirth><Date>%s</Date></DateOfBirth><Address><AddressLine1>%s</AddressLine1><City>%s</City>"
           "<StateProvince>%s</StateProvince><PostalCode>%s</PostalCode></Address></HumanPatient></Patient>"
           "<Prescriber><NonVeterinarian><Identification><NPI>%s</NPI><DEANumber>%s</DEANumber></Identification>"
           "<Name><LastName>%s</LastName></Name></NonVeterinarian></Prescriber></NewRx>") % (
        r.name(p, "sur"), r.name(p, "given"), r.dob("iso"), r.addr(), r.p("CITY", cy[0]), cy[1], r.p("ZIP", zip5(cy)),
        r.npi(), r.dea(cl), r.name(cl, "sur"))
    return "%s: cvc-complex-type.2.4.a: Invalid content was found starting with element 'Gender'.\n%s" % (
        r.exc("SAXParseException"), xml)


@T("eligibility_rx")
def mbi_hets(r):
    p = Person()
    return ("HETS 270 for MBI %s (%s, born %s) returned AAA*N**%s*C~ subscriber not found; ask client to read card, "
            "reach at %s" % (r.mbi(), r.name(p), r.dob(c(["us", "long", "abbr"])), r.k("code", "75"), r.aphone()))


@T("eligibility_rx")
def medicaid_ended(r):
    p = Person()
    mid = c([lambda: ups(2) + digits(5) + ups(1), lambda: digits(9) + "WA", lambda: digits(8) + ups(1), lambda: "9" + digits(7) + ups(1)])()
    return ("Medicaid eligibility ended %s for %s (ID %s, state %s). Notify client at %s or %s before next session %s." % (
        r.appt(c(["us", "long", "iso"])), r.name(p), r.p("HEALTH_PLAN", mid), r.k("state", c(["WA", "NY", "CA", "NM"])),
        r.aphone(), r.email(p), r.appt(c(["md", "md_slash", "mon_d"]))))


@T("eligibility_rx")
def pharmacy_refill(r):
    p = Person()
    return ("rx-bridge refill request %s rejected: Rx %s for %s (DOB %s, ph %s) prescriber NPI %s not on file at pharmacy NCPDP %s" % (
        r.k("db_id", str(ri(100000, 999999))), r.rx(), r.name(p), r.dob(), r.phone(), r.npi(),
        r.k("ncpdp", str(ri(1000000, 9999999)))))


@T("eligibility_rx", clean=True)
def elig_clean_latency(r):
    return ("Eligibility service degraded: %s p95 latency %s (SLO 3s), %s timeouts in last 5m; circuit breaker %s; region %s" % (
        r.k("partner", c(["Availity", "Change Healthcare", "Office Ally"])), r.dur(), r.k("count", str(ri(2, 90))),
        r.k("state_word", c(["half-open", "open"])), r.k("region", "us-east-1")))


@T("eligibility_rx", clean=True)
def pdmp_clean_tls(r):
    return ("PDMP gateway TLS handshake failed: x509: certificate has expired or is not yet valid: current time %s is after %s "
            "(gateway %s, %s)" % (r.ts(), r.k("timestamp", "2025-%02d-%02dT23:59:59Z" % (ri(1, 12), ri(1, 28))),
                                  r.k("host", "pmp-gateway.appriss.example"), r.ver()))


# ---- 13. Intake validation / appointment reminders -------------------------
@T("intake_reminders")
def intake_validation(r):
    p, ec = Person(), Person()
    errs = {"emergencyContact.phone": "must be E.164", "client.ssn": "checksum", "client.email": "domain has no MX"}
    sub = {"client": {"legalName": r.name(p), "ssn": r.ssn(), "email": r.email(p), "dob": r.dob(c(["iso", "us"]))},
           "emergencyContact": {"name": r.name(ec), "phone": r.p("PHONE", phone(c(["dash", "dot", "plain", "space"])))}}
    return "%s: %s fields invalid %s\nsubmitted=%s" % (r.exc("IntakeFormValidationError"), r.k("count", "3"), jd(errs, 0), jd(sub))


@T("intake_reminders")
def reminder_render(r):
    p, cl = Person(), Person()
    cy = city()
    ctx = "{client_first: %s, appt_date: %s, appt_time: \"%d:%s PM\", location: \"%s, %s, %s %s\", clinician: %s}" % (
        r.name(p, "given"), r.appt(c(["iso", "us", "long"])), ri(1, 6), c(["00", "30"]), r.addr(True), r.p("CITY", cy[0]), cy[1],
        r.p("ZIP", zip5(cy)), "Dr. " + r.name(cl, "sur"))
    return "Template render error in reminder \"%s\": missing variable clinician_title; context=%s" % (
        r.k("template", c(["appt_24h", "appt_72h", "first_visit"])), ctx)


@T("intake_reminders")
def sms_preview(r):
    p, cl = Person(), Person()
    msg = ("Hi %s, reminder: your session with %s is on %s at %d:%s. Reply C to confirm or call %s to reschedule." % (
        r.name(p, "given"), c(["Dr. ", ""]) + r.name(cl, c(["sur", "full"])), r.appt(c(["weekday", "wd_short", "md", "md_ord"])),
        ri(8, 18), c(["00", "30"]), "the office"))
    return "SMS preview (%s chars, 2 segments) exceeds tenant limit: \"%s\" to=%s" % (r.k("count", str(len(msg))), msg, r.aphone())


@T("intake_reminders")
def kebab_form_fields(r):
    g = Person()
    a = old_age()
    return ("form-id=intake-v7 step=guardian field=guardian-name value=\"%s\" field=guardian-phone value=\"%s\" "
            "field=client-age value=\"%s\" error=age-requires-review field=client-dob value=\"%s\"" % (
                r.name(g), r.aphone(), r.age(a, words_p=0.15), r.date(dob_for_age(a), c(["us", "iso", "us_short"]))))


@T("intake_reminders")
def nemt_ride_request(r):
    p = Person()
    cy = city()
    return ("ride-request %s failed validation (%s): pickup-address=%s, %s %s; rider=%s; vehicle-plate=%s; vehicle-vin=%s; "
            "pickup-date=%s" % (
                r.k("db_id", str(ri(10000, 999999))), r.k("code", "VEHICLE_NOT_CREDENTIALED"), r.addr(), r.p("CITY", cy[0]),
                r.p("ZIP", zip5(cy)), r.name(p), r.plate(), r.vin(), r.appt(c(["iso", "us"]))))


@T("intake_reminders")
def ocr_card_scan(r):
    p = Person()
    return ("OCR insurance card scan low confidence (%s): member_id=\"%s\" (0.%d) group=\"%s\" (0.%d) subscriber=\"%s\" "
            "dob=\"%s\" payer=\"%s\" rx_bin=%s" % (
                r.k("engine", "textract"), r.member(), ri(40, 79), r.group(), ri(40, 79), r.name(p, c(["upper", "full"])),
                r.dob(c(["us", "us_2y"])), r.payer(), r.k("rx_bin", str(ri(600000, 699999)))))


@T("intake_reminders")
def intake_employer(r):
    p = Person()
    emp, dom = c(EMPLOYERS)
    return ("Intake step 4 (employment) saved with warnings for %s: employer=%s work_email=%s work_phone=%s ext %d; "
            "passport_no=%s flagged as unexpected field" % (
                r.name(p), emp, r.email(p, dom), r.phone(), ri(100, 9999), r.passport()))


@T("intake_reminders", clean=True)
def reminder_clean_batch(r):
    return ("Reminder batch %s %s: %s queued, %s opted-out, %s failed (carrier %s). Next run %s." % (
        r.ts("space"), r.k("tz", c(["America/Denver", "America/Chicago", "Pacific/Honolulu"])), r.k("count", "{:,}".format(ri(1000, 5000))),
        r.k("count", str(ri(1, 90))), r.k("count", str(ri(1, 20))), r.k("code", "30007"), r.k("cron", "0 9 * * *")))


@T("intake_reminders", clean=True)
def form_clean_publish(r):
    return ("Form schema %s published (%s sections, %s fields); previous %s archived. %s release notes: %s" % (
        r.k("form", "intake-v%d" % ri(7, 12)), r.k("count", str(ri(5, 15))), r.k("count", str(ri(40, 120))),
        r.k("form", "intake-v%d" % ri(3, 6)), r.k("word", "May"), "adds PHQ-9 and GAD-7 scoring"))


# ---- 14. Billing disputes / support desk / pasted clinician notes ----------
@T("billing_support")
def billing_dispute_ticket(r):
    p = Person()
    return ("Ticket %s (billing): Guarantor %s disputes charge of %s for DOS %s, acct %s. Card on file %s. "
            "Callback %s after 5pm. Assigned: tier2" % (
                r.k("ticket_id", ticket()), r.name(p), r.money(), r.appt(c(["us", "us_short", "abbr"])), r.acct(), r.card(),
                r.phone()))


@T("billing_support")
def support_email(r):
    p = Person()
    return ("From: %s <%s>\nTo: support@quietpine.health\nSubject: Re: [%s] can't log in\nDate: %s\n\n"
            "Hi, my username is %s and my date of birth is %s. I moved to %s, %s. Please update.\n-- \n%s\n%s" % (
                r.name(p), r.email(p), r.k("ticket_id", ticket()), r.k("timestamp", "%s, %d %s 2025 %02d:%02d:%02d -0600" % (
                    c(["Mon", "Tue", "Wed", "Thu"]), ri(1, 28), c(MON3), ri(0, 23), ri(0, 59), ri(0, 59))),
                r.user(p), r.dob(c(["long", "us", "dmy_long"])), r.addr(True), r.p("CITY", city()[0]), r.name(p, "given"),
                r.aphone()))


@T("billing_support")
def pasted_note(r):
    p, rel = Person(), Person()
    a = old_age() if chance(0.5) else None
    age_s = r.age(a, words_p=0.3) if a else str(ri(19, 70))
    return ("Pasted from progress note (please scrub): Client %s, %s y/o, seen %s for %s. Lives with %s %s at %s. "
            "Next appt %s. -- %s" % (
                r.name(p), age_s, r.appt(c(["us", "us_short", "md_slash"])), r.icd(), c(["daughter", "son", "niece", "partner"]),
                r.name(rel, c(["full", "given"])), r.addr(), r.appt(c(["md", "wd_short", "us"])), r.k("ticket_id", ticket())))


@T("billing_support")
def zendesk_json(r):
    p = Person()
    t = {"ticket": {"id": int(r.k("ticket_id", str(ri(10000, 99999)))), "subject": "Superbill request",
                    "requester": {"name": r.name(p), "email": r.email(p)},
                    "custom_fields": [{"id": 360001, "value": r.mrn()}, {"id": 360002, "value": r.member()}],
                    "tags": ["billing", "superbill"]}}
    return "zendesk sync failed (%s %s): %s" % (r.status("422"), "RecordInvalid", jd(t))


@T("billing_support")
def stripe_dispute(r):
    p = Person()
    cy = city()
    return ("charge.dispute.created %s amount=%s reason=fraudulent billing_details.name=%s billing_details.address.line1=%s "
            "billing_details.address.postal_code=%s billing_details.phone=%s ip=%s" % (
                r.k("dispute_id", "dp_" + alnum(24, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789")), r.k("amount", str(ri(1000, 40000))),
                r.name(p), r.addr(), r.p("ZIP", zip5(cy)), r.phone("e164"), r.ip()))


@T("billing_support")
def collections_letter(r):
    p = Person()
    cy = city()
    return ("Letter job %s failed: address undeliverable (USPS %s): %s, %s, %s, %s %s" % (
        r.k("job_id", "ltr_" + hexs(10)), r.k("code", c(["AA", "A1", "M1"])), r.name(p, c(["upper", "full"])),
        r.p("ADDRESS", c([street(True), po_box()])), r.p("CITY", cy[0]), cy[1], r.p("ZIP", zip9(cy))))


@T("billing_support")
def bank_refund(r):
    p = Person()
    return ("ACH refund %s returned R03 (No Account/Unable to Locate): payee %s, routing %s, account %s, amount %s. "
            "Contact %s" % (r.k("db_id", "rf_" + hexs(8)), r.name(p), r.k("routing", c(["021000021", "122000247", "061000052"])),
                            r.bank(), r.money(), r.email(p)))


@T("billing_support", clean=True)
def ticket_clean_escalation(r):
    return ("Ticket %s escalated to Tier 2: invoice PDF renders blank in Safari %s; affects %s accounts. %s run %s paused. "
            "%s" % (r.k("ticket_id", ticket()), r.k("version", "17.4"), r.k("count", str(ri(2, 40))), r.k("word", "Bill"),
                    r.k("period", "2025-%02d" % ri(1, 12)), r.ts()))


@T("billing_support", clean=True)
def refund_clean_batch(r):
    return ("Refund batch %s settled: %s refunds, %s total, %s Paymentech ref %s; %s accounts in %s period" % (
        r.k("batch", "RB-%d" % ri(1000, 9999)), r.k("count", str(ri(5, 90))), r.money(), r.k("word", "Chase"),
        r.k("ref", str(ri(1000000, 9999999))), r.k("count", str(ri(1, 30))), r.k("word", "Grace")))


# ---- 15. SMS threads / voicemail transcripts --------------------------------
@T("sms_voicemail")
def sms_thread_parent(r):
    p, mom = Person(), Person()
    ph = r.aphone()
    return ("[SMS inbound %s from %s] \"this is %s's %s, %s cant make it %s can we move it\"\n[auto-reply] \"Thanks! A team member "
            "will follow up.\"\nrouting error: %s" % (
                r.ts(), ph, r.name(p, "given"), c(["mom", "dad", "aunt"]), c(["she", "he", "they"]),
                r.appt(c(["md_slash", "wd_short", "md"])), r.k("code", "NO_MATCHING_CLIENT")))


@T("sms_voicemail")
def voicemail_dob(r):
    p = Person()
    return ("Voicemail (0:%02d) from %s: \"Hi, it's %s, date of birth %s, I need to cancel %s, you can call me back at %s\" "
            "[stt confidence 0.%d, engine %s]" % (
                ri(10, 59), r.aphone(), r.name(p), r.dob(c(["long", "long_ord", "us_short"])),
                r.appt(c(["md", "wd_short", "md_ord"])), r.aphone(), ri(60, 99), r.k("engine", "whisper-large-v3")))


@T("sms_voicemail")
def sms_new_address(r):
    p = Person()
    cy = city()
    return ("SMS from %s (matched client %s): \"new address is %s %s %s, also new email %s\" -> %s" % (
        r.phone(c(["e164", "plus1sp"])), r.name(p), r.p("ADDRESS", street(True).lower()), r.p("CITY", cy[0].lower()), r.p("ZIP", zip5(cy)),
        r.email(p), r.exc("AddressParseError")))


@T("sms_voicemail")
def voicemail_relative_age(r):
    p, rel = Person(), Person()
    a = old_age()
    return ("Voicemail transcript (%s): \"Hello, this is %s, my %s %s is %s years old and she won't be able to do video, "
            "can the doctor call the landline %s\" -- %s" % (
                r.k("vm_id", "vm_" + hexs(8)), r.name(rel, c(["full", "full", "given"])), c(["grandmother", "mother", "aunt"]),
                r.name(p, c(["full", "given"])),
                r.age(a, words_p=0.6), r.phone(), "no matching client"))


@T("sms_voicemail")
def mms_card(r):
    p = Person()
    return ("MMS %s from %s, OCR of attachment: \"%s / MEMBER ID %s / GROUP %s / %s\" -- %s" % (
        r.k("sid", "MM" + hexs(32)), r.aphone(), r.name(p, "upper"), r.member(), r.group(), r.k("payer", c(PAYERS).upper()),
        "attachment exceeds 5MB, stored partially"))


@T("sms_voicemail")
def sms_license_plate(r):
    p = Person()
    return ("SMS thread %s: client %s: \"im in the lot, gray honda plate %s\" / staff: \"ok\" / client: \"my cell %s\" (%s)" % (
        r.k("thread", "th_" + hexs(8)), r.name(p, c(["given", "full"])), r.plate(), r.aphone(), r.exc("ThreadArchiveError")))


@T("sms_voicemail", clean=True)
def sms_clean_autoreply(r):
    return ("SMS auto-reply sent via %s: \"Reply YES to confirm, NO to cancel. Msg&data rates %s apply.\" segments=%s cost=%s" % (
        r.k("sid", "MG" + hexs(32)), r.k("word", "may"), r.k("count", "1"), r.k("amount", "$0.0079")))


@T("sms_voicemail", clean=True)
def vm_clean_full(r):
    return ("Voicemail box full for line %s; %s messages, oldest %s, storage %s. %s purge after %s days." % (
        r.k("line", c(["ops-oncall", "front-desk-2", "billing-main"])), r.k("count", str(ri(10, 99))), r.k("duration", "%dd" % ri(2, 30)),
        r.k("count", "%dMB" % ri(10, 900)), r.k("word", "Will"), r.k("count", str(c([30, 60, 90])))))


# ---- 16. Non-English text --------------------------------------------------
@T("multilingual")
def es_reminder(r):
    p = Person("mexican")
    a = old_age() if chance(0.5) else None
    edad = (", edad: %s años" % r.age(a, "es", 0.6)) if a else ""
    return ("Error al enviar recordatorio a %s (tel. %s): la cita del %s no tiene consultorio asignado. "
            "Fecha de nacimiento: %s%s. Código %s" % (
                r.name(p), r.aphone(), r.appt("es"), r.dob(c(["dmy_slash", "es"])), edad, r.k("code", "REM-%d" % ri(100, 999))))


@T("multilingual")
def fr_sms(r):
    p = Person("haitian")
    cy = city()
    a = old_age() if chance(0.4) else None
    age = (" Âge : %s ans." % r.age(a, "fr", 0.6)) if a else ""
    return ("Échec de l'envoi du SMS à %s (%s) pour le rendez-vous du %s ; adresse : %s, %s %s.%s (%s)" % (
        r.name(p), r.p("PHONE", c([intl_phone(), phone("dot"), "+509 3%s %s" % (digits(3), digits(4))])), r.appt("fr"),
        r.addr(), r.p("CITY", cy[0]), r.p("ZIP", zip5(cy)), age, r.exc("SmsGatewayException")))


@T("multilingual")
def pt_cpf(r):
    p = Person("brazilian")
    a = old_age() if chance(0.3) else None
    idade = (" Idade: %s anos." % r.age(a, "pt", 0.6)) if a else ""
    return ("Falha ao validar cadastro: paciente %s, nascido em %s, CPF %s, e-mail %s, celular %s.%s Erro: %s" % (
        r.name(p), r.dob(c(["dmy_slash", "pt"])), r.p("OTHER_ID", cpf()), r.email(p), r.p("PHONE", c([intl_phone(), "+55 11 9%s-%s" % (digits(4), digits(4))])),
        idade, r.k("code", "CADASTRO_DUPLICADO")))


@T("multilingual")
def vi_reminder(r):
    p = Person("vietnamese")
    return ("Lỗi: không gửi được tin nhắn nhắc lịch tới %s (%s), ngày hẹn %s, mã hồ sơ %s. Mã lỗi %s" % (
        r.name(p, c(["eastern", "full"])), r.aphone(), r.appt("vi"), r.mrn(), r.k("code", str(c([30003, 30005, 21610])))))


@T("multilingual")
def tl_reminder(r):
    p, cl = Person("tagalog"), Person()
    return ("[%s] Hindi naipadala ang paalala kay %s (%s): ang iyong appointment kay Dr. %s ay sa %s, alas-%s ng umaga. "
            "Dahilan: %s" % (r.svc("notify-svc"), r.name(p), r.aphone(), r.name(cl, "sur"), r.appt("tl"),
                             c(["diyes", "nuwebe", "onse"]), r.k("code", "INVALID_NUMBER")))


@T("multilingual")
def ar_reminder(r):
    n = r.p("NAME", native_name("arabic"))
    return ("فشل إرسال التذكير إلى %s على الرقم %s ، موعد الجلسة %s . رمز الخطأ %s" % (
        n, r.aphone(), r.appt(c(["slash_ymd", "iso"])), r.k("code", "E_%d" % ri(100, 999))))


@T("multilingual")
def ru_patient(r):
    n = r.p("NAME", native_name("ukrainian"))
    return ("Ошибка синхронизации: пациент %s, дата рождения %s, телефон %s, полис %s. Исключение: %s" % (
        n, r.dob("ru"), r.aphone(), r.member(), r.exc("ValidationError")))


@T("multilingual")
def zh_reminder(r):
    n = r.p("NAME", native_name(c(["mandarin", "cantonese"])))
    return ("错误：无法向患者 %s 发送提醒（电话：%s），预约日期：%s，病历号：%s。错误码 %s" % (
        n, r.aphone(), r.appt("cjk"), r.mrn(), r.k("code", str(ri(40000, 49999)))))


@T("multilingual")
def ko_intake(r):
    n = r.p("NAME", native_name("korean"))
    return ("오류: 환자 %s (생년월일 %s) 접수 양식 저장 실패, 연락처 %s, 이메일 %s — %s" % (
        n, r.dob("ko"), r.aphone(), r.email(), r.exc("IntakeSaveError")))


@T("multilingual")
def mixed_script_json(r):
    cu = c(["greek", "amharic", "persian", "japanese"])
    n = r.p("NAME", native_name(cu))
    return jd({"level": "error", "msg": "display name normalisation failed", "displayName": n, "dob": r.dob("iso"),
               "locale": r.k("locale", {"greek": "el-GR", "amharic": "am-ET", "persian": "fa-IR", "japanese": "ja-JP"}[cu]),
               "err": r.exc("UnicodeNormalizationError")})


@T("multilingual", clean=True)
def es_clean_restart(r):
    return ("Servicio de recordatorios reiniciado (versión %s); %s mensajes pendientes, próxima ejecución %s. %s" % (
        r.ver(), r.k("count", str(ri(0, 40))), r.ts(), r.k("host", c(HOSTS))))


@T("multilingual", clean=True)
def fr_clean_maintenance(r):
    return ("Maintenance planifiée du %s : la base %s sera en lecture seule pendant %s minutes (ticket %s)." % (
        r.ts("space"), r.k("service", "billing-ledger"), r.k("count", str(c([15, 30, 45]))), r.k("ticket_id", ticket())))


@T("multilingual", clean=True)
def zh_clean_deploy(r):
    return ("部署完成：服务 %s 版本 %s，耗时 %s，副本数 %s，提交 %s" % (
        r.svc(), r.ver(), r.dur(), r.k("count", str(ri(2, 12))), r.sha(8)))


# ---- 17. Config dumps / Kubernetes / Terraform / Ansible -------------------
@T("config_infra")
def yaml_fixture_dump(r):
    p = Person()
    return ("config validation failed: unknown key 'seed_patients' in %s\n---\nseed_patients:\n  - name: %s\n    dob: %s\n"
            "    mrn: \"%s\"\n    phone: '%s'\n    plan_member_id: %s\nreminders:\n  enabled: true\n  window_hours: %s" % (
                r.k("file", "values-staging.yaml"), r.name(p), r.dob(c(["iso", "us"])), r.mrn(), r.aphone(), r.member(),
                r.k("count", str(c([24, 48, 72])))))


@T("config_infra")
def k8s_event_panic(r):
    p = Person()
    pd = r.k("pod", pod())
    return ("LAST SEEN   TYPE      REASON    OBJECT          MESSAGE\n%dm         Warning   BackOff   pod/%s   Back-off restarting "
            "failed container; last log: \"panic: invalid member id %s for %s\"" % (
                ri(1, 59), pd, r.member(), r.email(p)))


@T("config_infra")
def terraform_pagerduty(r):
    cl = Person()
    return ("  # pagerduty_user.oncall[\"%s\"] will be updated in-place\n  ~ resource \"pagerduty_user\" \"oncall\" {\n"
            "      ~ email = \"%s\" -> \"%s\"\n      + contact_phone = \"%s\"\n        name  = \"%s\"\n    }\n\n"
            "Error: %s" % (
                r.k("key", "clinical-lead"), r.email(cl, c(CLINICS)[1]), r.email(cl), r.aphone(), r.name(cl),
                "PagerDuty API responded with 400: Email has already been taken"))


@T("config_infra")
def ansible_restore(r):
    p = Person()
    m = r.mrn()
    fn = r.url("/srv/exports/%s_%s.csv" % (m, r.p("NAME", slug(p.sur))))
    return ("TASK [restore client export] ***\nfatal: [%s]: FAILED! => {\"changed\": false, \"msg\": \"file %s not found\", "
            "\"rc\": %s}\nPLAY RECAP: %s ok=%s changed=0 unreachable=0 failed=1" % (
                r.k("host", "db-2"), fn, r.k("count", "2"), "db-2", r.k("count", str(ri(3, 30)))))


@T("config_infra")
def toml_escalation(r):
    cl = Person()
    return ("[alerts.escalation]\noncall_name = \"%s\"\noncall_sms = \"%s\"\nfax_fallback = \"%s\"\nretry = %s\n"
            "# error: %s: duplicate key `retry` at line %d" % (
                r.name(cl), r.aphone(), r.fax(), r.k("count", "3"), r.exc("toml.decoder.TomlDecodeError"), ri(5, 40)))


@T("config_infra")
def helm_beta_testers(r):
    p1, p2 = Person(), Person()
    return ("helm upgrade portal ./charts/portal -f values-prod.yaml\nError: UPGRADE FAILED: values don't meet the "
            "specifications of the schema(s): featureFlags.betaTesters.1: Does not match format 'email'\n"
            "featureFlags:\n  betaTesters: [\"%s\", \"%s\"]\n  releaseTrain: %s" % (
                r.email(p1), r.email(p2), r.ver()))


@T("config_infra")
def k8s_secret_env(r):
    p = Person()
    return ("Error: container %s has env var TEST_PATIENT_SSN=%s and TEST_PATIENT_NAME=\"%s\" defined in plain text "
            "(policy %s, namespace %s)" % (
                r.k("container", c(["intake-api", "claims-worker"])), r.ssn(), r.name(p), r.k("policy", "no-phi-in-env"),
                r.k("namespace", "staging")))


@T("config_infra", clean=True)
def k8s_clean_scheduling(r):
    return ("Warning  FailedScheduling  %dm  default-scheduler  0/%s nodes are available: %s Insufficient memory, %s node(s) had "
            "untolerated taint {dedicated: gpu}. preemption: 0/%s nodes are available. pod/%s" % (
                ri(1, 59), r.k("count", "12"), r.k("count", str(ri(2, 9))), r.k("count", str(ri(1, 3))), "12",
                r.k("pod", pod())))


@T("config_infra", clean=True)
def terraform_clean_apply(r):
    return ("Apply complete! Resources: %s added, %s changed, 0 destroyed.\n\nOutputs:\n\ndb_endpoint = \"%s:%s\"\n"
            "redis_port = %s\nimage_tag = \"%s\"" % (
                r.k("count", str(ri(1, 9))), r.k("count", str(ri(0, 5))), r.iip(), r.k("port", "5432"), r.k("port", "6379"),
                r.sha(12)))


@T("config_infra", clean=True)
def yaml_clean_config(r):
    return ("loaded config %s (sha %s):\nserver:\n  port: %s\n  read_timeout: %s\nqueue:\n  url: amqp://%s:%s\n  prefetch: %s\n"
            "release: %s" % (
                r.k("file", "config/production.yaml"), r.sha(8), r.k("port", "8443"), r.dur(), r.iip(), r.k("port", "5672"),
                r.k("count", str(ri(5, 100))), r.ver()))


# ---- 18. Browser console ----------------------------------------------------
@T("browser_console")
def console_typeerror_url(r):
    p = Person()
    e, d = r.email(p), r.dob("iso")
    u = r.url("https://portal.quietpine.health/intake/step-3?email=%s&dob=%s" % (e, d))
    return ("Uncaught (in promise) TypeError: Cannot read properties of undefined (reading 'zip')\n    at AddressForm "
            "(AddressForm.tsx:%d:%d)\n    at %s\n  page: %s" % (
                ri(10, 300), ri(3, 40), r.k("file", "main.%s.js:2:%d" % (hexs(8), ri(1000, 99999))), u))


@T("browser_console")
def console_403_card(r):
    m = r.mrn()
    u = r.url("https://api.quietpine.health/v1/patients/%s/insurance-card?side=front" % m)
    return "GET %s %s (Forbidden)    %s" % (u, r.status("403"), r.k("file", "vendor.%s.js:2" % hexs(8)))


@T("browser_console")
def sentry_breadcrumb(r):
    p = Person()
    crumbs = [{"category": "ui.input", "message": "input#phone value=\"%s\"" % r.aphone()},
              {"category": "ui.input", "message": "input#fullName value=\"%s\"" % r.name(p)},
              {"category": "navigation", "data": {"from": "/intake/step-2", "to": "/intake/step-3"}}]
    return "Sentry event %s breadcrumbs: %s\nexception: %s" % (r.k("event_id", hexs(32)), jd(crumbs, 0),
                                                              r.exc("ChunkLoadError: Loading chunk 412 failed."))


@T("browser_console")
def console_localstorage(r):
    p = Person()
    m = r.mrn()
    key = m
    return ("%s: Failed to execute 'setItem' on 'Storage': Setting the value of 'draft_note_%s' exceeded the quota.\n"
            "value preview: {\"client\":\"%s\",\"dob\":\"%s\",\"text\":\"Pt reports improved sleep...\"}" % (
                r.exc("QuotaExceededError"), key, r.name(p), r.dob(c(["us", "iso"]))))


@T("browser_console")
def react_props(r):
    p = Person()
    a = old_age()
    return ("Warning: Failed prop type: Invalid prop `age` of value `%s` supplied to `AgeBadge`, expected a number <= 89.\n"
            "    in AgeBadge (created by ClientHeader)\n  props: {firstName: \"%s\", lastName: \"%s\", age: %s, portalUser: \"%s\"}" % (
                r.age(a, words_p=0), r.name(p, "given"), r.name(p, "sur"), str(a), r.user(p)))


@T("browser_console")
def console_ws_ip(r):
    p = Person()
    return ("WebSocket connection to 'wss://%s/rtc?peer=%s&ip=%s' failed: Error during WebSocket handshake: Unexpected "
            "response code: %s" % (r.k("host", "rtc.quietpine.health"), r.user(p), r.ip(), r.status("401")))


@T("browser_console", clean=True)
def console_clean_blocked(r):
    return ("Failed to load resource: net::ERR_BLOCKED_BY_CLIENT https://cdn.segment.com/analytics.js/v1/%s/analytics.min.js\n"
            "[HMR] connected (%s)" % (r.k("key", alnum(24, "abcdefghijklmnopqrstuvwxyz0123456789")), r.ver()))


@T("browser_console", clean=True)
def console_clean_react_key(r):
    return ("Warning: Each child in a list should have a unique \"key\" prop.\n\nCheck the render method of `%s`. See "
            "https://reactjs.org/link/warning-keys for more information.\n    at %s (%s)" % (
                r.k("component", c(["ClinicianCalendar", "ClaimsTable", "WaitlistBoard"])), r.k("component", "SlotRow"),
                r.k("file", "chunk-%s.js:%d:%d" % (hexs(8), ri(100, 9999), ri(1, 80)))))


# ---- 19. Stack traces with locals ---------------------------------------------
@T("stacktrace")
def py_locals_statement(r):
    p = Person()
    cy = city()
    g = {"name": r.name(p), "line1": r.addr(), "city": r.p("CITY", cy[0]), "state": cy[1]}
    return ("Traceback (most recent call last):\n  File \"/app/billing/statements.py\", line %d, in render_statement\n"
            "    addr = format_address(guarantor)\n  File \"/app/billing/address.py\", line %d, in format_address\n"
            "    return f\"{g['line1']}\\n{g['city']}, {g['state']} {g['postal_code']}\"\n%s: 'postal_code'\n\nLocals:\n"
            "  guarantor = %r\n  account_no = %r\n  dos = %s\n  attempt = %s" % (
                ri(100, 400), ri(10, 90), r.exc("KeyError"), g, r.acct(), r.date(appt(), "pydate"), r.k("count", str(ri(1, 5)))))


@T("stacktrace")
def java_entity_tostring(r):
    p = Person()
    return ("%s: cannot merge detached entity Patient{id=%s, mrn='%s', name='%s', ssn='%s', dob=%s, email='%s'}\n"
            "\tat org.hibernate.event.internal.DefaultMergeEventListener.onMerge(DefaultMergeEventListener.java:%d)\n"
            "\tat com.quietpine.intake.PatientService.save(PatientService.java:%d)" % (
                r.exc("java.lang.IllegalStateException"), r.k("db_id", str(ri(1000, 99999))), r.mrn(), r.name(p), r.ssn(),
                r.dob("iso"), r.email(p), ri(100, 300), ri(20, 200)))


@T("stacktrace")
def go_panic_vin(r):
    v = r.vin()
    return ("level=error msg=\"ride voucher decode\" vin=%s plate=%s driver_dl=%s\npanic: runtime error: index out of range [%d] "
            "with length %d\n\ngoroutine %d [running]:\nmain.parseVIN(...)\n\t/src/transport/vin.go:%d +0x%s" % (
                v, r.plate(), r.dl(), ri(17, 20), 17, ri(1, 90), ri(10, 90), hexs(3)))


@T("stacktrace")
def node_enoent(r):
    p = Person()
    m = r.mrn()
    nm = r.p("NAME", slug(p.sur))
    path = r.url("/data/uploads/%s/id_card_%s.jpg" % (m, nm))
    return ("Error: ENOENT: no such file or directory, open '%s'\n    at Object.openSync (node:fs:%d:%d)\n    at UploadService.thumb "
            "(/srv/portal/dist/uploads.js:%d:%d) {\n  errno: -2,\n  code: '%s',\n  syscall: 'open',\n  path: '%s'\n}" % (
                path, ri(500, 700), ri(3, 20), ri(10, 300), ri(3, 40), r.k("code", "ENOENT"), path))


@T("stacktrace")
def dotnet_phone_format(r):
    raw = r.p("PHONE", c([phone("dot"), phone("space"), intl_phone(), phone("one_dash")]))
    return ("%s: String '%s' was not recognized as a valid phone number.\n   at Intake.Normalizer.NormalizePhone(String raw) in "
            "/src/Intake/Normalizer.cs:line %d\n   at Intake.Pipeline.Run(IntakeDto dto) in /src/Intake/Pipeline.cs:line %d\n"
            "Locals: raw = \"%s\", dto.Fax = \"%s\", dto.Zip = \"%s\"" % (
                r.exc("System.FormatException"), raw, ri(10, 90), ri(10, 200), raw, r.fax(), r.p("ZIP", zip5(city()))))


@T("stacktrace")
def ruby_better_errors(r):
    p = Person()
    return ("NoMethodError: undefined method `strftime' for nil:NilClass\n  app/models/appointment.rb:%d:in `reminder_text'\n"
            ">> local_variables\n=> [:client, :clinician, :slot]\n>> client.attributes.slice('full_name','mobile','dob','member_id')\n"
            "=> {\"full_name\"=>\"%s\", \"mobile\"=>\"%s\", \"dob\"=>%s, \"member_id\"=>\"%s\"}" % (
                ri(10, 200), r.name(p), r.aphone(), "Mon, %s" % r.date(dob(), "abbr_nocomma") if chance(0.5) else '"%s"' % r.dob("iso"),
                r.member()))


@T("stacktrace")
def py_device_sync(r):
    p = Person()
    return ("Traceback (most recent call last):\n  File \"/srv/rpm/sync.py\", line %d, in pull_readings\n    resp.raise_for_status()\n"
            "%s: 404 Client Error: Not Found for url: https://%s/v2/devices/%s/readings\nLocals: patient=%r meid=%r" % (
                ri(10, 200), r.exc("requests.exceptions.HTTPError"), r.k("host", "rpm-vendor.example.net"),
                r.serial(), r.name(p), r.p("DEVICE", meid())))


@T("stacktrace", clean=True)
def py_clean_reset(r):
    return ("Traceback (most recent call last):\n  File \"/app/notify/worker.py\", line %d, in poll\n    msg = conn.blpop(queue, "
            "timeout=5)\n%s: [Errno 104] Connection reset by peer\nLocals: retries = %s, host = 'redis-primary.internal', port = %s, "
            "queue = 'reminders'" % (ri(10, 200), r.exc("ConnectionResetError"), r.k("count", "3"), r.k("port", "6379")))


@T("stacktrace", clean=True)
def java_clean_timeout(r):
    return ("%s: Waited %s for FutureTask@%s[Not completed]\n\tat java.base/java.util.concurrent.FutureTask.get(FutureTask.java:%d)\n"
            "\tat com.quietpine.claims.SubmitJob.run(SubmitJob.java:%d)\n(build %s, %s)" % (
                r.exc("java.util.concurrent.TimeoutException"), r.k("duration", "30000 ms"), r.k("hash", hexs(8)), ri(100, 300),
                ri(20, 200), r.k("build_id", "%d.%d" % (ri(1000, 9999), ri(1, 99))), r.ts()))


@T("stacktrace", clean=True)
def go_clean_nilmap(r):
    return ("panic: assignment to entry in nil map\n\ngoroutine %s [running]:\ngithub.com/quietpine/scheduler/internal/slots.(*Index).Add"
            "(...)\n\t/src/internal/slots/index.go:%d +%s\nexit status 2 (release %s, %s)" % (
                r.k("count", str(ri(10, 900))), ri(10, 300), r.k("offset", "0x" + hexs(3)), r.ver(), r.svc("scheduler-svc")))



# ---- additional templates (devices, fax, vehicles, ages) ---------------------
@T("graphql")
def gql_register_device(r):
    p = Person()
    vars_ = {"input": {"clientId": r.uuid(), "kind": c(["BP_CUFF", "CGM", "SCALE", "TABLET"]), "imei": r.imei("plain"),
                       "serialNumber": r.serial(), "shipTo": r.name(p)}}
    return ("mutation RegisterRpmDevice failed: %s (\"device already bound to another client\")\nvariables: %s\npath: "
            "[\"registerRpmDevice\"] code=%s" % (r.exc("DeviceConflictError"), jd(vars_, 0), r.k("code", "CONFLICT")))


@T("grpc")
def grpc_mdm_enroll(r):
    cl = Person()
    return ("rpc error: code = %s desc = mdm.v1.Enrollment/Enroll: tablet imei=%s meid=%s already enrolled to %s "
            "(enrolled from %s, app %s)" % (
                r.k("grpc_code", "AlreadyExists"), r.imei(c(["plain", "dash"])), r.p("DEVICE", meid()), r.name(cl),
                r.ip(), r.ver()))


@T("jobs")
def celery_fax_send(r):
    p, cl = Person(), Person()
    return ("[%s: ERROR/ForkPoolWorker-%d] Task %s[%s] raised: %s: busy signal\n  kwargs={'to_fax': %r, 'cover_to': %r, "
            "'re_client': %r, 'client_dob': %r, 'reply_fax': %r, 'pages': %d}" % (
                r.ts("space"), ri(1, 9), r.k("task", "records.tasks.send_release_fax"), r.uuid(), r.exc("FaxTransmitError"),
                r.fax(c(["e164", "dash", "paren"])), r.name(cl), r.name(p), r.dob(c(["iso", "us"])),
                r.fax(c(["dash", "dot", "plus1sp"])), ri(2, 40)))


@T("jobs")
def sidekiq_parking_permit(r):
    p = Person()
    job = {"class": r.k("job_class", "ParkingPermitJob"), "args": [r.name(p), r.plate(), r.p("VEHICLE", vin()),
                                                                  r.appt("iso")],
           "error_class": r.exc("PermitVendor::Timeout"), "retry_count": ri(1, 9)}
    return "Sidekiq retry exhausted for %s\n%s" % (r.k("job_id", hexs(24)), jd(job))


@T("sql")
def pg_unique_imei(r):
    p = Person()
    im = r.imei("plain")
    return ('ERROR:  duplicate key value violates unique constraint "%s"\nDETAIL:  Key (imei)=(%s) already exists.\n'
            "STATEMENT:  INSERT INTO %s (imei, serial_no, assigned_to, shipped_on) VALUES ('%s', '%s', '%s', '%s')" % (
                r.k("constraint", "rpm_devices_imei_key"), im, r.k("table", "rpm_devices"), im, r.serial(),
                r.p("NAME", p.form().replace("'", "''")), r.appt("iso")))


@T("sql")
def mysql_vehicle_fk(r):
    p = Person()
    return ("ERROR 1452 (23000): Cannot add or update a child row: a foreign key constraint fails (`transport`.`rides`, "
            "CONSTRAINT `rides_vehicle_fk` FOREIGN KEY (`vin`) REFERENCES `vehicles` (`vin`))\n-- values: vin='%s', plate='%s', "
            "rider='%s', pickup_date='%s'" % (r.vin(), r.plate(), r.name(p), r.appt("iso")))


@T("problem_json")
def jsonapi_age_meta(r):
    p = Person()
    a = old_age()
    doc = {"errors": [{"status": r.status("422"), "code": r.k("code", "age_out_of_range"),
                       "title": "Age outside supported range",
                       "detail": "Client %s is %s years old; the PHQ-A instrument applies to ages 11-17" % (r.name(p), r.age(a, words_p=0.3)),
                       "source": {"pointer": "/data/attributes/instrument"}}],
           "meta": {"clientAge": a, "dob": r.date(dob_for_age(a), c(["iso", "us"]))}}
    r.p("AGE_OVER_89", str(a))
    return jd(doc)


@T("access_logs")
def json_fax_inbound(r):
    p = Person()
    rec = {"ts": r.ts("iso"), "lvl": "warn", "svc": r.svc("fax-relay"), "event": "inbound_fax_unmatched",
           "from_fax": r.fax(c(["e164", "dash"])), "from_csid": r.k("csid", c(["PHARMACY", "HOSPITAL FAX", "CLINIC"])),
           "ocr_hint": "Re: %s DOB %s" % (r.name(p, c(["upper", "full"])), r.dob(c(["us", "us_short"]))), "pages": ri(1, 12)}
    return jd(rec, 0)


@T("hl7_fhir")
def hl7_referral_fax(r):
    p, cl = Person(), Person()
    seg = ["MSH|^~\\&|REFER|CHC|QPINTAKE|QPH|%s||REF^I12|%s|P|2.5" % (hl7_ts(), r.k("control_id", digits(9))),
           "PID|1||%s||%s||%s" % (r.mrn(), r.name(p, "hl7"), r.dob("hl7")),
           "PRD|RP|%s^%s|||^WPN^FX^^^%s~^WPN^PH^^^%s||%s^NPI" % (r.p("NAME", cl.sur.upper()), r.p("NAME", cl.given.upper()),
                                                              r.fax("plain"), r.phone("plain"), r.npi())]
    return "Referral REF^I12 parked: PRD-4 fax missing area code handling\n" + "\r".join(seg)


@T("hl7_fhir")
def fhir_observation_age(r):
    p = Person()
    a = old_age()
    obs = {"resourceType": "Observation", "code": {"text": "Age at encounter"}, "valueQuantity": {"value": a, "unit": "a"},
           "subject": {"display": r.name(p)}, "effectiveDateTime": r.appt("iso")}
    r.p("AGE_OVER_89", str(a))
    return "us-core profile violation %s: Observation.valueQuantity exceeds 89 without de-identification flag\n%s" % (
        r.k("code", "qp-age-1"), jd(obs))


@T("webhooks")
def efax_inbound(r):
    p = Person()
    return ("POST /webhooks/efax 200 event=fax.received fax_id=%s from_number=%s to_number=%s pages=%d "
            "ocr_excerpt=\"PATIENT: %s  DOB: %s  RX: %s\" status=unrouted" % (
                r.k("fax_id", "fx_" + hexs(12)), r.fax(c(["e164", "plain"])), r.k("line", "main-fax"), ri(1, 9),
                r.name(p, "upper"), r.dob("us"), r.rx()))


@T("eligibility_rx")
def pharmacy_fax_refill(r):
    p, cl = Person(), Person()
    return ("Refill request from %s pharmacy (fax %s, ph %s) for %s, DOB %s, Rx %s; prescriber %s NPI %s; "
            "parser error: %s" % (
                r.k("pharmacy", c(["Walgreens #0412", "CVS #7713", "Rite Aid #2210"])), r.fax(), r.phone(), r.name(p), r.dob(),
                r.rx(), r.name(cl, c(["full", "initial"])), r.npi(), r.exc("SigParseError")))


@T("intake_reminders")
def rpm_kit_shipment(r):
    p = Person()
    cy = city()
    return ("RPM kit shipment %s blocked (carrier %s): ship-to %s, %s, %s %s %s; devices: cuff S/N %s, hub IMEI %s; "
            "client age %s needs caregiver contact" % (
                r.k("shipment", "shp_" + hexs(8)), r.k("carrier", c(["UPS", "FedEx", "USPS"])), r.name(p), r.addr(),
                r.p("CITY", cy[0]), cy[1], r.p("ZIP", zip5(cy)), r.serial(), r.imei(), r.age(words_p=0.2)))


@T("billing_support")
def rpm_billing(r):
    p = Person()
    return ("Claim scrubber hold: %s billed for %s with device %s (UDI %s) but only %s readings; patient %s, acct %s, DOS %s" % (
        r.cpt(), r.name(p), r.serial(), r.udi(), r.k("count", str(ri(3, 15))), r.name(p, "given"), r.acct(),
        r.appt(c(["us", "iso"]))))


@T("sms_voicemail")
def voicemail_pharmacy_fax(r):
    p = Person()
    fx = r.fax(c(["dash", "space"]))
    return ("Voicemail transcript (%s): \"This is %s pharmacy calling about %s, born %s. Please fax the prior auth to %s, "
            "again that's %s\" [no client match]" % (
                r.k("vm_id", "vm_" + hexs(8)), c(["the Main Street", "the hospital", "the corner"]), r.name(p),
                r.dob(c(["long", "us_short"])), fx, fx))


@T("multilingual")
def es_vehicle(r):
    p = Person("mexican")
    return ("Solicitud de transporte rechazada: paciente %s, placas %s, VIN %s, licencia de conducir %s, cita %s. Motivo: %s" % (
        r.name(p), r.plate(), r.vin(), r.dl(), r.appt("es"), r.k("code", "VEHICULO_NO_AUTORIZADO")))


@T("multilingual")
def pt_json_cpf(r):
    p = Person("brazilian")
    return jd({"erro": "cadastro inválido", "paciente": r.name(p), "cpf": r.p("OTHER_ID", cpf()),
               "data_nasc": r.dob("dmy_slash"), "telefone": r.p("PHONE", "+55 21 9%s-%s" % (digits(4), digits(4))),
               "codigo": r.k("code", "CPF_DUPLICADO")})


@T("config_infra")
def mdm_inventory_yaml(r):
    p, q = Person(), Person()
    return ("mdm sync error: %s\ninventory:\n  - assigned_to: %s\n    imei: \"%s\"\n    serial: %s\n  - assigned_to: %s\n"
            "    imei: \"%s\"\n    serial: %s\npolicy: %s" % (
                r.exc("DuplicateAssignment"), r.name(p), r.imei(c(["plain", "dash"])), r.serial(), r.name(q), r.imei("plain"),
                r.serial(), r.k("policy", "kiosk-lockdown-v%d" % ri(2, 5))))


@T("browser_console")
def webbluetooth_device(r):
    p = Person()
    return ("DOMException: GATT operation failed for unknown reason. device=%s name=\"%s\" serial=%s client=%s\n"
            "    at ScaleReader.read (%s)" % (
                r.k("device_model", c(["A&D UC-352BLE", "Omron BP7250", "iHealth Track"])), r.k("ble_name", "BLE-" + hexs(4).upper()),
                r.serial(), r.name(p), r.k("file", "rpm.%s.js:1:%d" % (hexs(8), ri(1000, 90000)))))


@T("stacktrace")
def py_locals_fax_vin(r):
    p = Person()
    return ("Traceback (most recent call last):\n  File \"/srv/transport/voucher.py\", line %d, in issue\n    raise "
            "VoucherError(\"fax confirmation failed\")\nVoucherError: fax confirmation failed\nLocals:\n  rider = %r\n  vin = %r\n"
            "  plate = %r\n  confirm_fax = %r\n  pickup_on = %s" % (
                ri(10, 200), r.name(p), r.vin(), r.plate(), r.fax(), r.date(appt(), "pydate")))



# ---- additional PHI-free look-alikes -----------------------------------------
@T("frameworks", clean=True)
def rails_clean_boot(r):
    return ("=> Booting Puma\n=> Rails %s application starting in production\n* %s version: %s (+YJIT)\n"
            "* Listening on http://0.0.0.0:%s\n[boot] %s Intacct connector disabled (grant_type=client_credentials expired); "
            "%s-as-read worker paused; %s" % (
                r.k("version", "7.1.3"), r.k("word", "Ruby"), r.k("version", "3.3.0"), r.k("port", "8080"),
                r.k("word", "Sage"), r.k("word", "Mark"), r.ts()))


@T("sql", clean=True)
def pg_clean_lock_wait(r):
    return ("LOG:  process %s still waiting for ShareLock on transaction %s after %s\nDETAIL:  Process holding the lock: %s. "
            "Wait queue: %s.\nCONTEXT:  while updating tuple (%d,%d) in relation \"%s\"\nSTATEMENT:  UPDATE %s SET status = "
            "'no_show' WHERE appointment_id = %s" % (
                r.k("pid", str(ri(10000, 99999))), r.k("txid", str(ri(10 ** 8, 10 ** 9))), r.k("duration", "1000.%03d ms" % ri(0, 999)),
                r.k("pid", str(ri(10000, 99999))), str(ri(10000, 99999)), ri(100, 9999), ri(1, 60), r.k("table", "appointments"),
                "appointments", r.k("db_id", str(ri(10 ** 7, 10 ** 8)))))


@T("access_logs", clean=True)
def nginx_clean_static(r):
    return ('%s - - [%s] "GET /assets/app-%s-%s.js HTTP/2.0" %s %s "https://%s/" "%s" rt=%s' % (
        r.iip(), r.ts("nginx"), r.k("version", "%d.%d.%d" % (ri(10, 12), ri(0, 9), ri(0, 20))), r.sha(8), r.status("304"),
        r.k("bytes", "0"), r.host(), UA[1], r.k("duration", "0.00%d" % ri(1, 9))))


@T("config_infra", clean=True)
def release_train_clean(r):
    return ("release-train %s %s cut: %s services, %s migrations; freeze starts %s; %s dashboards moved to Grafana %s; "
            "on-call rotation %s" % (
                r.k("word", "May"), r.k("year", "2025"), r.k("count", str(ri(8, 20))), r.k("count", str(ri(1, 12))),
                r.ts("space"), r.k("word", "Julia"), r.ver(), r.k("rotation", "sre-primary")))


# --------------------------------------------------------------------------
# Corpus assembly
# --------------------------------------------------------------------------
MAX_TRIES = 40


def build():
    R.seed(SEED)
    AGE_WORDS.clear()
    phi_t = [t for t in TEMPLATES if not t[2]]
    clean_t = [t for t in TEMPLATES if t[2]]
    picks = [phi_t[i % len(phi_t)] for i in range(N_RECORDS - N_CLEAN)]
    picks += [clean_t[i % len(clean_t)] for i in range(N_CLEAN)]
    R.shuffle(picks)
    recs, retries = [], collections.Counter()
    for i, (style, name, clean, fn) in enumerate(picks, 1):
        for attempt in range(MAX_TRIES):
            r = Rec()
            text = fn(r)
            rec = collections.OrderedDict()
            rec["id"] = "%s-1-%05d" % (FAMILY, i)
            rec["family"] = FAMILY
            rec["template"] = "%s/%s" % (style, name)
            rec["text"] = text
            rec["phi"] = r.phi
            rec["keep"] = r.keep
            rec["keep_kinds"] = r.kk
            errs = verify(rec)
            if clean and rec["phi"]:
                errs.append("clean template produced phi")
            if not clean and not rec["phi"]:
                errs.append("phi template produced no phi")
            if not errs:
                break
            retries[rec["template"]] += 1
            last = errs
        else:
            raise SystemExit("template %s/%s keeps failing: %s" % (style, name, last[:5]))
        recs.append(rec)
    return recs, retries


def dumps(recs):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


def corpus_checks(recs):
    errs = []
    if len(recs) != N_RECORDS:
        errs.append("expected %d records, got %d" % (N_RECORDS, len(recs)))
    ids = [r["id"] for r in recs]
    if len(set(ids)) != len(ids):
        errs.append("duplicate ids")
    clean = sum(1 for r in recs if not r["phi"])
    if not 0.17 <= clean / max(1, len(recs)) <= 0.23:
        errs.append("PHI-free share %.3f outside ~20%%" % (clean / len(recs)))
    kinds = collections.Counter(p["kind"] for r in recs for p in r["phi"])
    for k in KINDS:
        if kinds[k] < 15:
            errs.append("kind %s has only %d values" % (k, kinds[k]))
    styles = {r["template"].split("/")[0] for r in recs}
    if len(styles) < 14:
        errs.append("only %d styles" % len(styles))
    for chk in ("npi", "dea", "vin", "imei", "card", "ssn", "mbi", "cpf", "udi"):
        if CHECKED[chk] == 0:
            errs.append("no %s values were check-digit verified" % chk)
    return errs


def summary(recs, retries=None):
    kinds = collections.Counter(p["kind"] for r in recs for p in r["phi"])
    styles = collections.Counter(r["template"].split("/")[0] for r in recs)
    out = ["records: %d (PHI-free %d)" % (len(recs), sum(1 for r in recs if not r["phi"])),
           "phi values: %d; keep tokens: %d" % (sum(kinds.values()), sum(len(r["keep"]) for r in recs)),
           "per kind: " + ", ".join("%s=%d" % (k, kinds[k]) for k in KINDS),
           "styles (%d): %s" % (len(styles), ", ".join("%s=%d" % kv for kv in sorted(styles.items()))),
           "templates: %d (%d PHI, %d PHI-free); used: %d" % (
               len(TEMPLATES), sum(1 for t in TEMPLATES if not t[2]), sum(1 for t in TEMPLATES if t[2]),
               len({r["template"] for r in recs})),
           "check-digit/shape verified: " + ", ".join("%s=%d" % kv for kv in sorted(CHECKED.items()))]
    if retries is not None:
        out.append("generation retries: %d" % sum(retries.values()))
    return "\n".join(out)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="regenerate and verify; exit 1 on any failure")
    ap.add_argument("--out", default=OUT)
    a = ap.parse_args(argv)
    recs, retries = build()
    if not a.check:
        errs = corpus_checks(recs)
        if errs:
            sys.exit("generation failed:\n  " + "\n  ".join(errs))
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(dumps(recs))
        print(summary(recs, retries))
        print("wrote %s" % a.out)
        return 0
    errs = []
    # 1) determinism: a second build is identical, and the file on disk matches
    recs2, _ = build()
    if dumps(recs) != dumps(recs2):
        errs.append("generator is not deterministic")
    try:
        on_disk = open(a.out, encoding="utf-8").read()
    except OSError as e:
        on_disk = None
        errs.append("cannot read %s: %s" % (a.out, e))
    if on_disk is not None and on_disk != dumps(recs):
        errs.append("%s differs from regenerated output" % a.out)
    # 2) re-verify every record as read back from disk
    CHECKED.clear()
    loaded = []
    if on_disk is not None:
        for n, line in enumerate(on_disk.splitlines(), 1):
            try:
                rec = json.loads(line, object_pairs_hook=collections.OrderedDict)
            except ValueError as e:
                errs.append("line %d: bad JSON: %s" % (n, e))
                continue
            for e in verify(rec):
                errs.append("%s: %s" % (rec.get("id"), e))
            loaded.append(rec)
        errs.extend(corpus_checks(loaded))
    if errs:
        print("CHECK FAILED (%d problems):" % len(errs))
        for e in errs[:50]:
            print("  " + e)
        return 1
    print(summary(loaded))
    print("check OK: %s" % a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
