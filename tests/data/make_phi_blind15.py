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
    n = str(ri(1, 29999)) if chance(0.85) else str(ri(1, 99)) + c(["", "½"]).replace("½", "")
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
    return "$%s.%02d" % (c(["%d" % ri(5, 999), "{:,}".format(ri(1000, 99999))]), ri(0, 99))


def port():
    return str(c([5432, 6379, 8443, 9090, 50051, 3306, 1433, 1521, 5672, 9200, 8080, 4317, 11211, 15672]))
