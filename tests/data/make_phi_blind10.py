#!/usr/bin/env python3
"""Generator for tests/data/phi_blind10.jsonl -- a blind PHI evaluation corpus.

Text styled as alerts reaching a relay from a mental-health practice-management
platform: logfmt / router / nginx logs, GraphQL + REST error bodies, Python
tracebacks with frame locals, captured e-mail / SMS bodies, CSV / TSV / fixed
width import errors, clinician free text, calendar / telehealth / fax / eRx /
eligibility payloads, and config dumps / k8s events / non-Python stack traces.

Python stdlib only, fixed seed, deterministic.

    python3 tests/data/make_phi_blind10.py           # (re)write phi_blind10.jsonl
    python3 tests/data/make_phi_blind10.py --check   # verify the file on disk

Every record is built by a template function.  Values are produced through a
small registry: PHI values are recorded with their kind as they are rendered,
keep tokens (look-alikes that must survive) likewise.  After rendering, each
record is verified by simulating a perfect scrubber (every labelled value
replaced) and applying the scorer's leak rules; a record failing any rule is
re-drawn with the next deterministic sub-seed.
"""
import argparse
import datetime as dt
import json
import os
import random
import re
import sys
import unicodedata
import uuid as _uuid

SEED = 1010_2024
N_RECORDS = 600
N_CLEAN = 120
FAMILY = "blind10"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "phi_blind10.jsonl")

KINDS = ["NAME", "ADDRESS", "CITY", "ZIP", "DATE", "PHONE", "FAX", "EMAIL", "SSN",
         "MRN", "HEALTH_PLAN", "ACCOUNT", "LICENSE", "VEHICLE", "DEVICE", "URL",
         "IP", "OTHER_ID", "AGE_OVER_89"]

# --------------------------------------------------------------------------
# Hand-written pools
# --------------------------------------------------------------------------
GIVEN = {
    "korean": ["Seo-yeon", "Ji-hoon", "Ha-eun", "Dong-hyun", "Soo-ah", "Jae-won", "Yeon-woo",
               "Eun-ji", "Hyun-woo", "Da-som", "Kyung-hee", "Tae-yang"],
    "yoruba": ["Adebayo", "Oluwaseun", "Folasade", "Temitope", "Babajide", "Yetunde", "Olumide",
               "Adunni", "Ayodele", "Funmilayo", "Kehinde", "Titilayo", "Oladele"],
    "polish": ["Łukasz", "Małgorzata", "Wojciech", "Agnieszka", "Krzysztof", "Zofia", "Bartosz",
               "Katarzyna", "Grzegorz", "Jadwiga", "Przemysław"],
    "tamil": ["Karthik", "Priyadharshini", "Senthil", "Meenakshi", "Arivazhagan", "Kavitha",
              "Murugan", "Thenmozhi", "Selvam", "Anbarasi", "Ilango"],
    "irish": ["Siobhán", "Ciarán", "Niamh", "Pádraig", "Aoife", "Eoghan", "Caoimhe", "Oisín",
              "Gráinne", "Tadhg", "Fionnuala"],
    "mexican": ["Guadalupe", "Xóchitl", "Itzel", "Jesús", "Rigoberto", "Marisol", "Ximena",
                "Citlali", "Fernando", "Yesenia", "Heriberto", "Araceli"],
    "vietnamese": ["Thảo", "Minh", "Quang", "Linh", "Tuấn", "Phương", "Hiếu", "Ngọc", "Khánh",
                   "Duy", "Huệ", "Trung"],
    "arabic": ["Yousef", "Fatima", "Khalid", "Layla", "Omar", "Noor", "Samir", "Rania", "Tariq",
               "Amira", "Hamza", "Dalia"],
    "hmong": ["Pheng", "Xee", "Tou", "Kou", "Nou", "Chue", "Yeng", "Shoua", "Neng", "Youa",
              "Houa", "Pachia"],
    "samoan": ["Tavita", "Losa", "Sione", "Malia", "Iosefa", "Mele", "Sina", "Teuila", "Fetu",
               "Alofa", "Tupe", "Lagi"],
    "ukrainian": ["Oksana", "Taras", "Bohdan", "Olena", "Mykola", "Yaroslava", "Dmytro", "Iryna",
                  "Vasyl", "Halyna", "Serhiy"],
    "navajo": ["Nizhoni", "Ahiga", "Doli", "Yanaba", "Shandiin", "Kaibah", "Delbert", "Loretta",
               "Vernon", "Marlena", "Sheena"],
    "filipino": ["Maricel", "Jericho", "Rowena", "Arnel", "Lorna", "Jomar", "Analyn", "Rizalino",
                 "Marivic", "Jhun", "Rodelio", "Maribeth"],
    "dutch": ["Sanne", "Joost", "Femke", "Maarten", "Anouk", "Sjoerd", "Lieke", "Thijs", "Wouter",
              "Ilse", "Bram"],
    "greek": ["Eleni", "Dimitrios", "Konstantina", "Spyros", "Vasiliki", "Panagiotis", "Chrysoula",
              "Stavros", "Evangelia", "Theodoros", "Athanasia"],
    "other": ["Tigist", "Abebe", "Selamawit", "Hodan", "Abdirahman", "Farhiya", "Widlène",
              "Sujata", "Bikash", "Shirin", "Kourosh", "Thiago", "Luana", "Ingrid", "Dwayne",
              "Kayleigh", "Harold", "Mildred", "Earline", "Cletus", "DeShawn", "Latoya", "Brayden",
              "Ashlynn", "Rhonda"],
}
SURNAME = {
    "korean": ["Kim", "Choi", "Jeong", "Hwang", "Seo", "Kang", "Yoon", "Baek", "Shin", "Lim", "Han",
               "Oh"],
    "yoruba": ["Adeyemi", "Okonkwo", "Ogunleye", "Oyelaran", "Fashola", "Akinwande", "Olaniyan",
               "Babatunde", "Ogundipe", "Adesanya", "Oyinlola", "Okafor"],
    "polish": ["Kowalski", "Wiśniewska", "Zieliński", "Wójcik", "Kamińska", "Lewandowski",
               "Szymańska", "Dąbrowski", "Kaczmarek", "Piotrowska", "Grabowski", "Nowak"],
    "tamil": ["Subramanian", "Ramasamy", "Venkatesan", "Krishnamurthy", "Palaniappan", "Murugesan",
              "Annamalai", "Natarajan", "Sundaram", "Chidambaram", "Ilangovan"],
    "irish": ["O'Sullivan", "Fitzgerald", "Donnelly", "McGillicuddy", "Ó Ceallaigh", "Brennan",
              "Kavanagh", "Mulcahy", "Ní Dhomhnaill", "Breathnach", "Mac Suibhne", "Cassidy"],
    "mexican": ["Hernández", "Ramírez", "Villaseñor", "Zavala", "Ochoa", "Barragán", "Espinoza",
                "Quintanilla", "Tapia", "Arreola", "Cervantes", "Ibarra"],
    "vietnamese": ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
                   "Dương", "Lý"],
    "arabic": ["Al-Masri", "Haddad", "Nasser", "Khoury", "Abdelrahman", "Mansour", "Saleh",
               "Hamdan", "El-Amin", "Qureshi", "Darwish", "Barakat"],
    "hmong": ["Vang", "Xiong", "Yang", "Thao", "Moua", "Lor", "Her", "Vue", "Kue", "Khang", "Hang",
              "Chang"],
    "samoan": ["Faleolo", "Tuiasosopo", "Leota", "Fa'amausili", "Sapolu", "Tuilagi", "Aumua",
               "Mauga", "Soliai", "Tautolo", "Fuimaono", "Seiuli"],
    "ukrainian": ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Oliynyk",
                  "Melnyk", "Boyko", "Hrytsenko", "Lysenko", "Savchuk"],
    "navajo": ["Begay", "Yazzie", "Tsosie", "Benally", "Nez", "Etsitty", "Manygoats", "Bitsui",
               "Tsinajinnie", "Chee", "Yellowhair", "Nakai"],
    "filipino": ["Dela Cruz", "Bautista", "Macaraeg", "Villanueva", "Dizon", "Pangilinan",
                 "Magbanua", "Soriano", "Tolentino", "Manalo", "Dimaculangan"],
    "dutch": ["van der Berg", "de Vries", "Bakker", "Visser", "Smit", "Jansen", "Vermeulen",
              "van Dijk", "Hoekstra", "Dekker", "Brouwer"],
    "greek": ["Papadopoulos", "Konstantinidis", "Georgiou", "Nikolaidou", "Alexandrou", "Katsaros",
              "Vlachos", "Oikonomou", "Pappas", "Theodorou"],
    "other": ["Tesfaye", "Mohamud", "Pierre-Louis", "Shrestha", "Rahimi", "Oliveira", "Haugen",
              "Lindqvist", "Kaur", "Washington", "Boudreaux", "Hatfield", "McAllister", "Goins",
              "Trujillo"],
}
CULTURES = sorted(GIVEN)
# middle names / second elements by culture
MIDDLE = {
    "vietnamese": ["Thị", "Văn", "Ngọc", "Minh", "Thanh"],
    "mexican": ["María", "José", "Guadalupe", "Luis", "Elena"],
    "filipino": ["Santos", "Reyes", "Cruz", "Garcia", "Aquino"],
}

INTL_PHONE = {
    "mexican": ["+52 55 {4} {4}", "+52 1 656 {3} {4}"],
    "vietnamese": ["+84 90 {3} {4}", "+84 (0)28 {4} {4}", "0903 {3} {3}"],
    "filipino": ["+63 917 {3} {4}", "0918 {3} {4}"],
    "korean": ["+82 10-{4}-{4}", "010-{4}-{4}"],
    "polish": ["+48 601 {3} {3}", "+48 22 {3} {2} {2}"],
    "yoruba": ["+234 803 {3} {4}", "+234 (0)1 {3} {4}"],
    "ukrainian": ["+380 67 {3} {4}", "+380 44 {3} {2} {2}"],
    "greek": ["+30 694 {3} {4}", "+30 210 {3} {4}"],
    "dutch": ["+31 6 {8}", "+31 20 {3} {4}"],
    "samoan": ["+685 72 {5}", "+685 7{6}"],
    "irish": ["+353 87 {3} {4}", "+353 1 {3} {4}"],
    "arabic": ["+962 79 {3} {4}", "+20 10 {4} {4}"],
    "tamil": ["+91 98{3} {5}", "+91 44 {4} {4}"],
}

# (town, state, zip3, area codes)
TOWNS = [
    ("Ypsilanti", "MI", "481", "734"), ("Hamtramck", "MI", "482", "313"),
    ("Sault Ste. Marie", "MI", "497", "906"), ("Kalamazoo", "MI", "490", "269"),
    ("Dearborn", "MI", "481", "313"), ("Truth or Consequences", "NM", "879", "575"),
    ("Gallup", "NM", "873", "505"), ("Shiprock", "NM", "874", "505"),
    ("Las Cruces", "NM", "880", "575"), ("Window Rock", "AZ", "865", "928"),
    ("Tuba City", "AZ", "860", "928"), ("Chinle", "AZ", "865", "928"),
    ("Lake Havasu City", "AZ", "864", "928"), ("Kayenta", "AZ", "860", "928"),
    ("Eau Claire", "WI", "547", "715"), ("Fond du Lac", "WI", "549", "920"),
    ("Wausau", "WI", "544", "715"), ("La Crosse", "WI", "546", "608"),
    ("Coeur d'Alene", "ID", "838", "208"), ("Twin Falls", "ID", "833", "208"),
    ("Pocatello", "ID", "832", "208"), ("Port St. Lucie", "FL", "349", "772"),
    ("Kissimmee", "FL", "347", "407"), ("Hialeah", "FL", "330", "305"),
    ("Walla Walla", "WA", "993", "509"), ("Sedro-Woolley", "WA", "982", "360"),
    ("Port Angeles", "WA", "983", "360"), ("Yakima", "WA", "989", "509"),
    ("Cape Girardeau", "MO", "637", "573"), ("Kill Devil Hills", "NC", "279", "252"),
    ("Chapel Hill", "NC", "275", "919"), ("Winston-Salem", "NC", "271", "336"),
    ("Bowling Green", "KY", "421", "270"), ("Paducah", "KY", "420", "270"),
    ("Hazard", "KY", "417", "606"), ("Natchitoches", "LA", "714", "318"),
    ("Baton Rouge", "LA", "708", "225"), ("Lake Charles", "LA", "706", "337"),
    ("Presque Isle", "ME", "047", "207"), ("Lewiston", "ME", "042", "207"),
    ("Bangor", "ME", "044", "207"), ("Bemidji", "MN", "566", "218"),
    ("St. Cloud", "MN", "563", "320"), ("Saint Paul", "MN", "551", "651"),
    ("Brooklyn Park", "MN", "554", "763"), ("Kalispell", "MT", "599", "406"),
    ("Browning", "MT", "594", "406"), ("Fresno", "CA", "937", "559"),
    ("Merced", "CA", "953", "209"), ("Elk Grove", "CA", "957", "916"),
    ("Garden Grove", "CA", "928", "714"), ("Chula Vista", "CA", "919", "619"),
    ("Eureka", "CA", "955", "707"), ("Westminster", "CA", "926", "714"),
    ("Hilo", "HI", "967", "808"), ("Kapolei", "HI", "967", "808"),
    ("Waianae", "HI", "967", "808"), ("Anchorage", "AK", "995", "907"),
    ("Bethel", "AK", "995", "907"), ("Lowell", "MA", "018", "978"),
    ("Holyoke", "MA", "010", "413"), ("Chelsea", "MA", "021", "617"),
    ("Passaic", "NJ", "070", "973"), ("Perth Amboy", "NJ", "088", "732"),
    ("Poughkeepsie", "NY", "126", "845"), ("Jackson Heights", "NY", "113", "718"),
    ("Utica", "NY", "135", "315"), ("Scranton", "PA", "185", "570"),
    ("Wilkes-Barre", "PA", "187", "570"), ("Mount Pleasant", "SC", "294", "843"),
    ("Hot Springs", "AR", "719", "501"), ("Texarkana", "AR", "718", "870"),
    ("Eagle Pass", "TX", "788", "830"), ("McAllen", "TX", "785", "956"),
    ("Round Rock", "TX", "786", "512"), ("New Braunfels", "TX", "781", "830"),
    ("Wichita Falls", "TX", "763", "940"), ("Fort Collins", "CO", "805", "970"),
    ("Grand Junction", "CO", "815", "970"), ("Glenwood Springs", "CO", "816", "970"),
    ("Cheyenne", "WY", "820", "307"), ("Casper", "WY", "826", "307"),
    ("Rapid City", "SD", "577", "605"), ("Sioux Falls", "SD", "571", "605"),
    ("Council Bluffs", "IA", "515", "712"), ("Cedar Rapids", "IA", "524", "319"),
    ("Terre Haute", "IN", "478", "812"), ("Muncie", "IN", "473", "765"),
    ("Johnson City", "TN", "376", "423"), ("Murfreesboro", "TN", "371", "615"),
    ("Tuscaloosa", "AL", "354", "205"), ("Dothan", "AL", "363", "334"),
    ("Hattiesburg", "MS", "394", "601"), ("Biloxi", "MS", "395", "228"),
    ("Coos Bay", "OR", "974", "541"), ("Klamath Falls", "OR", "976", "541"),
    ("The Dalles", "OR", "970", "541"), ("Spanish Fork", "UT", "846", "801"),
    ("St. George", "UT", "847", "435"), ("Grand Forks", "ND", "582", "701"),
    ("Devils Lake", "ND", "583", "701"), ("Dodge City", "KS", "678", "620"),
    ("Grand Island", "NE", "688", "308"), ("Burlington", "VT", "054", "802"),
    ("Stillwater", "OK", "740", "405"), ("Tahlequah", "OK", "744", "918"),
    ("Morgantown", "WV", "265", "304"), ("Beckley", "WV", "258", "304"),
    ("Pago Pago", "AS", "967", "684"),
]
STATE_NAMES = {"MI": "Michigan", "NM": "New Mexico", "AZ": "Arizona", "WI": "Wisconsin",
               "ID": "Idaho", "FL": "Florida", "WA": "Washington", "MO": "Missouri",
               "NC": "North Carolina", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine",
               "MN": "Minnesota", "MT": "Montana", "CA": "California", "HI": "Hawaii",
               "AK": "Alaska", "MA": "Massachusetts", "NJ": "New Jersey", "NY": "New York",
               "PA": "Pennsylvania", "SC": "South Carolina", "AR": "Arkansas", "TX": "Texas",
               "CO": "Colorado", "WY": "Wyoming", "SD": "South Dakota", "IA": "Iowa",
               "IN": "Indiana", "TN": "Tennessee", "AL": "Alabama", "MS": "Mississippi",
               "OR": "Oregon", "UT": "Utah", "ND": "North Dakota", "KS": "Kansas",
               "NE": "Nebraska", "VT": "Vermont", "OK": "Oklahoma", "WV": "West Virginia",
               "AS": "American Samoa"}
STREETS = ["Kestrel Hollow", "Tamarack Bend", "Old Mill Pond", "Sweetgum Trace", "Quarry Ridge",
           "Pawpaw", "Lantern Hill", "Bitterroot", "Cottonwood Wash", "Heron Bay", "Foxglove",
           "Sassafras", "Ironwood", "Sandhill Crane", "Blue Mesa", "Chokecherry", "Wapiti",
           "Marigold", "Switchback", "Persimmon Grove", "Orchard Gap", "Ferncliff", "Cinder Cone",
           "Millrace", "Skyline Terrace", "Pinyon", "Juniper Flats", "Saguaro Bloom", "Depot",
           "Schoolhouse", "Church Hill", "Dogwood", "Magnolia Bluff", "Sugar Maple", "Basswood",
           "Aspen Glade", "Prairie Rose", "Buffalo Grass", "Wild Plum", "Tanager", "Whippoorwill",
           "Bayou Teche", "Cypress Knee", "Palmetto", "Puainako", "Kamehameha", "Joseph Campau",
           "Conant", "Caniff", "Salt Lick", "Coal Tipple", "Rimrock", "Sagebrush", "Lone Pine",
           "Cranberry Bog", "Lighthouse", "Harbor View", "Pulaski", "Kosciuszko", "Lafayette",
           "Bonaventure", "Cahokia", "Wapsipinicon", "Ocmulgee", "Tchoupitoulas", "Kuykendahl",
           "Nokomis", "Tecumseh", "Mesquite", "Arroyo Seco", "Cholla", "Ponderosa", "Tule Lake",
           "Fireweed", "Spenard", "Muldoon", "Tahoma", "Siskiyou", "Rogue River", "Cutbank"]
SUFFIX = ["St", "Ave", "Rd", "Ln", "Dr", "Ct", "Way", "Blvd", "Pl", "Ter", "Trl", "Cir", "Pkwy",
          "Loop", "Street", "Avenue", "Road", "Lane", "Drive", "Hwy", "Run", "Pass"]
DIRS = ["N", "S", "E", "W", "NE", "SW", "NW", "SE", "North", "West"]
UNITS = ["Apt {n}{a}", "Apt. {n}", "Unit {n}", "#{n}", "Lot {n}", "Trlr {n}", "Bldg {A} Apt {n}",
         "Fl {d}", "Rm {n}", "Spc {n}", "Apt {A}"]

CLINICS = [("Cedar Hollow Counseling", "cedarhollowcounseling.com"),
           ("Bright Harbor Behavioral Health", "brightharborbh.org"),
           ("Juniper Ridge Psychiatry", "juniperridgepsych.com"),
           ("Tidewater Mind & Wellness", "tidewatermind.com"),
           ("Northstar Family Therapy", "northstarfamilytherapy.net"),
           ("Riverbend Trauma Recovery Center", "riverbendtrc.org"),
           ("Lantern House Counseling", "lanternhouse.care"),
           ("Blue Heron Psychological Services", "blueheronpsych.com"),
           ("Prairie Light Behavioral Health", "prairielightbh.org"),
           ("Saltmarsh Counseling Group", "saltmarshcounseling.com"),
           ("Old Orchard Psychiatric Associates", "oldorchardpsych.com"),
           ("Kestrel Point Wellness", "kestrelpoint.health"),
           ("Foothill Integrated Care", "foothillintegrated.org"),
           ("Wayfinder Youth Services", "wayfinderyouth.org"),
           ("Hale Kokua Counseling", "halekokua.care"),
           ("Clearwater Peer Recovery", "clearwaterpeer.org"),
           ("Mesa Verde Behavioral Associates", "mvbehavioral.com"),
           ("Two Rivers Counseling Collective", "tworiverscc.org")]
EMPLOYERS = ["Kessler Tool & Die", "the Hy-Vee on 5th", "Tyson poultry plant", "an Amazon fulfillment center",
             "Bath Iron Works", "the county school district", "a home health agency",
             "Pilgrim's Pride", "the casino", "a Dollar General", "the tribal chapter house",
             "a nail salon", "the shipyard", "a roofing crew", "Walmart distribution"]
PAYERS = ["Aetna", "Cigna", "UnitedHealthcare", "Humana", "Molina Healthcare", "Ambetter",
          "CareSource", "Blue Cross Blue Shield of Michigan", "Highmark", "Kaiser Permanente",
          "Tricare West", "Medicare Part B", "Presbyterian Health Plan", "Meridian",
          "Optum Behavioral Health", "Magellan Health", "Carelon Behavioral Health", "HMSA",
          "Anthem Blue Cross", "Wellcare"]
PHARMACIES = ["Walgreens #04471", "CVS/pharmacy #8821", "Rite Aid #3310", "Kroger Pharmacy 612",
              "Safeway Pharmacy 1784", "Indian Health Service Pharmacy", "Costco Pharmacy #662",
              "H-E-B Pharmacy 119", "Hy-Vee Pharmacy 1402"]
DRUGS = ["sertraline 50 mg tablet", "escitalopram 10 mg", "bupropion XL 150 mg", "lamotrigine 25 mg",
         "quetiapine 100 mg", "aripiprazole 5 mg", "lithium carbonate 300 mg",
         "buprenorphine-naloxone 8-2 mg film", "clozapine 100 mg", "hydroxyzine pamoate 25 mg",
         "trazodone 50 mg", "prazosin 1 mg", "lisdexamfetamine 30 mg", "methylphenidate ER 36 mg",
         "venlafaxine ER 75 mg", "mirtazapine 15 mg", "naltrexone 50 mg", "fluoxetine 20 mg",
         "duloxetine 60 mg", "clonidine ER 0.1 mg", "guanfacine ER 1 mg", "olanzapine 10 mg"]
DRUG_SHORT = ["sertraline", "escitalopram", "bupropion", "lamotrigine", "quetiapine", "aripiprazole",
              "lithium", "Suboxone", "clozapine", "hydroxyzine", "trazodone", "prazosin", "Vyvanse",
              "Concerta", "venlafaxine", "mirtazapine", "naltrexone", "Prozac", "Cymbalta", "Spravato"]
ICD = ["F41.1", "F33.1", "F43.10", "F32.A", "F90.0", "F31.81", "F42.2", "F60.3", "Z63.0", "F11.20",
       "F10.20", "F50.01", "F43.12", "F41.0", "F33.2", "F43.23", "F40.10", "Z91.19", "F34.1", "R45.851"]
CPT = ["90791", "90834", "90837", "90847", "99214", "90839", "96127", "90853", "99213", "90832",
       "90846", "90785", "H0031", "H2019", "99215", "90833"]
SERVICES = ["hermes", "calliope-notify", "athena-scheduler", "orion-billing", "mercury-sms",
            "apollo-gateway", "vesta-docs", "selene-telehealth", "juno-eligibility", "atlas-fax",
            "talos-rx", "jasper-reports", "castor-sync", "pollux-audit", "nyx-worker",
            "kairos-calendar", "hestia-intake", "argus-alerts", "triton-ocr", "janus-auth"]
STAFF_ROLES = ["front desk", "intake coordinator", "billing", "on-call clinician", "practice manager",
               "care coordinator", "peer support specialist"]

# --------------------------------------------------------------------------
# Check digits and identifier generators
# --------------------------------------------------------------------------
def luhn_ok(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
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
    m = re.fullmatch(r"[A-Z]{2}(\d{7})", dea)
    if not m:
        return False
    d = [int(x) for x in m.group(1)]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_VIN_TR = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4,
                                               5, 6, 7, 8, 9]))
_VIN_TR.update({str(i): i for i in range(10)})
_VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_check_char(vin):
    s = sum(_VIN_TR[c] * w for c, w in zip(vin, _VIN_W))
    r = s % 11
    return "X" if r == 10 else str(r)


def vin_ok(vin):
    return bool(re.fullmatch(r"[A-HJ-NPR-Z0-9]{17}", vin)) and vin[8] == vin_check_char(vin)


def ssn_ok(ssn):
    d = re.sub(r"\D", "", ssn)
    if len(d) != 9:
        return False
    a, g, s = int(d[:3]), int(d[3:5]), int(d[5:])
    return 0 < a < 900 and a != 666 and g != 0 and s != 0


def gen_npi(rng):
    base = rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(8))
    return luhn_complete("80840" + base)[5:]


def gen_dea(rng, last):
    first = rng.choice("ABFGM")
    second = ascii_fold(last).upper().replace("'", "")
    second = second[0] if second and second[0].isalpha() else "X"
    d = [rng.randint(0, 9) for _ in range(6)]
    chk = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return first + second + "".join(map(str, d)) + str(chk)


def gen_vin(rng):
    wmi = rng.choice(["1HG", "1FT", "2T1", "3VW", "5YJ", "JTD", "KMH", "1G1", "4T1", "JN8", "WBA",
                      "1C4", "3FA", "5NP", "2HG", "1GC", "JF2", "5FN", "1N4", "3GN"])
    vds = "".join(rng.choice(VIN_CHARS) for _ in range(5))
    year = rng.choice("BCDEFGHJKLMNPRS123456789")
    plant = rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
    serial = "".join(rng.choice("0123456789") for _ in range(6))
    v = wmi + vds + "0" + year + plant + serial
    return v[:8] + vin_check_char(v) + v[9:]


def gen_imei(rng):
    tac = rng.choice(["35", "86", "01", "35", "99"]) + "".join(rng.choice("0123456789") for _ in range(6))
    ser = "".join(rng.choice("0123456789") for _ in range(6))
    return luhn_complete(tac + ser)


def gen_card(rng):
    kind = rng.choice(["visa", "visa", "mc", "amex", "disc"])
    if kind == "visa":
        p = "4" + "".join(rng.choice("0123456789") for _ in range(14))
    elif kind == "mc":
        p = "5" + rng.choice("12345") + "".join(rng.choice("0123456789") for _ in range(13))
    elif kind == "disc":
        p = "6011" + "".join(rng.choice("0123456789") for _ in range(11))
    else:
        p = "3" + rng.choice("47") + "".join(rng.choice("0123456789") for _ in range(12))
    return luhn_complete(p)


def gen_ssn(rng):
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    return "%03d%02d%04d" % (a, rng.randint(1, 99), rng.randint(1, 9999))


MBI_L = "ACDEFGHJKMNPQRTUVWXY"


def gen_mbi(rng):
    an = MBI_L + "0123456789"
    d = "0123456789"
    return (rng.choice("123456789") + rng.choice(MBI_L) + rng.choice(an) + rng.choice(d) +
            rng.choice(MBI_L) + rng.choice(an) + rng.choice(d) + rng.choice(MBI_L) +
            rng.choice(MBI_L) + rng.choice(d) + rng.choice(d))


PUBLIC_OCTETS = [24, 47, 50, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 96, 97, 98, 99,
                 104, 107, 108, 136, 142, 162, 166, 173, 174, 184, 208, 216]


def gen_ip(rng):
    return "%d.%d.%d.%d" % (rng.choice(PUBLIC_OCTETS), rng.randint(1, 254), rng.randint(0, 254),
                            rng.randint(2, 254))


def gen_ip6(rng):
    pre = rng.choice(["2601:%x" % rng.randint(0x100, 0xfff), "2600:1700", "2603:6010",
                      "2607:fb90", "2a02:8108"])
    groups = ["%x" % rng.randint(0x100, 0xffff) for _ in range(rng.choice([4, 5]))]
    return pre + ":" + ":".join(groups)


_FOLD = {"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ø": "O", "ø": "o", "ß": "ss"}


def ascii_fold(s):
    s = "".join(_FOLD.get(c, c) for c in s)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def slug(s):
    return re.sub(r"[^a-z]", "", ascii_fold(s).lower())


# --------------------------------------------------------------------------
# Date / age formatting
# --------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
         "octubre", "noviembre", "diciembre"]
ORD_WORDS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
             "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first",
             "twenty-second", "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth",
             "twenty-seventh", "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first"]
UNITS_W = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
DOW = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "%d%s" % (n, suf)


def age_words(n):
    if n >= 100:
        return "one hundred" + ("" if n == 100 else " and " + UNITS_W[n - 100])
    return "ninety" + ("" if n == 90 else "-" + UNITS_W[n - 90])


DATE_FMTS_ALL = ["iso", "us", "usn", "us2", "us2z", "eu", "eus", "long", "longnoy", "dlong", "mon",
                 "monY", "dmon", "dmonc", "ord", "ordY", "md", "hl7", "ymd", "ordm", "words",
                 "monYns", "eud"]
DATE_FMTS_DOB = ["iso", "us", "usn", "us2", "us2z", "eu", "eus", "long", "dlong", "monY", "dmon",
                 "hl7", "ymd", "ordY", "words", "monYns", "eud"]
DATE_FMTS_APPT = ["us", "usn", "md", "mdz", "long", "longnoy", "mon", "ord", "ordm", "iso", "eus",
                  "monY", "us2"]


def fmt_date(d, fmt):
    M, m3 = MONTHS[d.month - 1], MONTHS[d.month - 1][:3]
    y2 = "%02d" % (d.year % 100)
    f = {
        "iso": "%04d-%02d-%02d" % (d.year, d.month, d.day),
        "us": "%02d/%02d/%04d" % (d.month, d.day, d.year),
        "usn": "%d/%d/%d" % (d.month, d.day, d.year),
        "us2": "%d/%d/%s" % (d.month, d.day, y2),
        "us2z": "%02d/%02d/%s" % (d.month, d.day, y2),
        "usd": "%02d-%02d-%04d" % (d.month, d.day, d.year),
        "eu": "%02d.%02d.%04d" % (d.day, d.month, d.year),
        "eus": "%02d/%02d/%04d" % (d.day, d.month, d.year),
        "eud": "%02d-%02d-%04d" % (d.day, d.month, d.year),
        "long": "%s %d, %d" % (M, d.day, d.year),
        "longnoy": "%s %d" % (M, d.day),
        "dlong": "%d %s %d" % (d.day, M, d.year),
        "mon": "%s %d" % (m3, d.day),
        "monY": "%s %d, %d" % (m3, d.day, d.year),
        "monYns": "%s %d %d" % (m3, d.day, d.year),
        "dmon": "%02d-%s-%04d" % (d.day, m3.upper(), d.year),
        "dmonc": "%02d%s%04d" % (d.day, m3.upper(), d.year),
        "ord": "%s of %s" % (ordinal(d.day), M),
        "ordY": "%s of %s %d" % (ordinal(d.day), M, d.year),
        "ordm": "%s %s" % (M, ordinal(d.day)),
        "md": "%d/%d" % (d.month, d.day),
        "mdz": "%02d/%02d" % (d.month, d.day),
        "hl7": "%04d%02d%02d" % (d.year, d.month, d.day),
        "ymd": "%04d/%02d/%02d" % (d.year, d.month, d.day),
        "pyd": "%d, %d, %d" % (d.year, d.month, d.day),
        "es": "%d de %s de %d" % (d.day, MESES[d.month - 1], d.year),
        "esn": "%d de %s" % (d.day, MESES[d.month - 1]),
        "vi": "%d/%d/%d" % (d.day, d.month, d.year),
        "mmddyy": "%02d%02d%s" % (d.month, d.day, y2),
        "mmddyyyy": "%02d%02d%04d" % (d.month, d.day, d.year),
        "words": "%s %s, %d" % (M, ORD_WORDS[d.day], d.year),
        "ruby": "%s, %02d %s %d" % (DOW[d.weekday()][:3], d.day, m3, d.year),
        "tl": "%s %d" % (M, d.day),
    }
    return f[fmt]


AGE_FMTS = ["yo", "yo2", "yr", "aged", "age", "words", "F", "yrs", "yoa", "raw"]


def fmt_age(n, fmt, sex="F"):
    """Return (phrase, labelled value)."""
    s = str(n)
    if fmt == "yo":
        return s + " y/o", s
    if fmt == "yo2":
        return s + "yo", s + "yo"
    if fmt == "yr":
        return s + "-year-old", s
    if fmt == "aged":
        return "aged " + s, s
    if fmt == "age":
        return "age " + s, s
    if fmt == "words":
        w = age_words(n)
        return w + "-year-old", w
    if fmt == "F":
        return s + sex, s + sex
    if fmt == "yrs":
        return s + " yrs old", s
    if fmt == "yoa":
        return s + " years of age", s
    if fmt == "es":
        return s + " años", s
    if fmt == "vi":
        return s + " tuổi", s
    if fmt == "tl":
        return s + " taong gulang", s
    if fmt == "raw":
        return s, s
    raise KeyError(fmt)


PHONE_FMTS = ["paren", "dash", "dot", "plain", "e164", "intl", "one", "sp", "parenns"]


def fmt_phone(d, fmt):
    a, b, c = d[:3], d[3:6], d[6:]
    return {"paren": "(%s) %s-%s" % (a, b, c), "dash": "%s-%s-%s" % (a, b, c),
            "dot": "%s.%s.%s" % (a, b, c), "plain": d, "e164": "+1" + d,
            "intl": "+1 %s %s %s" % (a, b, c), "one": "1-%s-%s-%s" % (a, b, c),
            "sp": "%s %s %s" % (a, b, c), "parenns": "(%s)%s-%s" % (a, b, c),
            "e164n": "1" + d}[fmt]


def rand_digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def us_phone(rng, area):
    while True:
        ex = "%d%d%d" % (rng.randint(2, 9), rng.randint(0, 9), rng.randint(0, 9))
        if ex != "555" and ex[1:] != "11":
            break
    return area + ex + rand_digits(rng, 4)


# --------------------------------------------------------------------------
# People and the per-record rendering context
# --------------------------------------------------------------------------
class Person:
    def __init__(self, g, role):
        self.g = g
        rng = g.rng
        self.role = role
        cult = rng.choice(CULTURES)
        self.cult = cult
        gv = rng.choice(GIVEN[cult] if rng.random() < 0.85 else GIVEN[rng.choice(CULTURES)])
        sv = rng.choice(SURNAME[cult] if rng.random() < 0.85 else SURNAME[rng.choice(CULTURES)])
        self.folded = rng.random() < 0.4
        mid = None
        if cult in MIDDLE and rng.random() < 0.6:
            mid = rng.choice(MIDDLE[cult])
        elif rng.random() < 0.45:
            mid = rng.choice(GIVEN[rng.choice(CULTURES)])
        if self.folded:
            gv, sv = ascii_fold(gv), ascii_fold(sv)
            mid = ascii_fold(mid) if mid else None
        if mid == gv:
            mid = None
        self._g, self._s, self._m = gv, sv, mid
        self._mi = ascii_fold(mid)[0].upper() if mid else None
        self.sex = rng.choice("FM")
        # dates
        if role == "old":
            age = rng.randint(90, 103)
        elif role == "child":
            age = rng.randint(6, 17)
        else:
            age = rng.choice([rng.randint(18, 45), rng.randint(18, 89), rng.randint(20, 70)])
        today = g.now.date()
        y = today.year - age
        bday = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randint(0, 365))
        try:
            dob = dt.date(y, bday.month, bday.day)
        except ValueError:
            dob = dt.date(y, bday.month, 28)
        if (dob.month, dob.day) > (today.month, today.day):
            dob = dob.replace(year=y - 1) if not (dob.month == 2 and dob.day == 29) else dt.date(y - 1, 2, 28)
        self.dob_d = dob
        self.age_n = today.year - dob.year - ((today.month, today.day) < (dob.month, dob.day))
        # place
        town = rng.choice(TOWNS)
        self._city, self.st, zip3, area = town
        self.state_name = STATE_NAMES[self.st]
        self._zip = zip3 + "%02d" % rng.randint(1, 98)
        self._zip4 = "%04d" % rng.randint(11, 9989)
        self._addr_line1, self._addr_unit = self._make_address(rng)
        self._phone = us_phone(rng, area)
        self._phone2 = us_phone(rng, area if rng.random() < 0.6 else rng.choice(TOWNS)[3])
        self._fax = us_phone(rng, area)
        fmts = INTL_PHONE.get(cult)
        if fmts:
            f = rng.choice(fmts)
            self._intl = re.sub(r"\{(\d)\}", lambda m: rand_digits(rng, int(m.group(1))), f)
        else:
            self._intl = fmt_phone(self._phone, "intl")
        self._derive_contact(rng)
        mk = rng.choice(["d8", "d7", "E7", "TRH", "d10", "MR6", "A-8"])
        if mk == "d8":
            self._mrn = "00" + rand_digits(rng, 6)
        elif mk == "d7":
            self._mrn = str(rng.randint(1000000, 9999999))
        elif mk == "E7":
            self._mrn = "E" + rand_digits(rng, 7)
        elif mk == "TRH":
            self._mrn = rng.choice(["TRH", "CHC", "BHB", "JRP", "NFT"]) + rand_digits(rng, 7)
        elif mk == "d10":
            self._mrn = "10" + rand_digits(rng, 8)
        elif mk == "MR6":
            self._mrn = "MR" + str(rng.randint(100000, 999999))
        else:
            self._mrn = rng.choice("ABCHKM") + "-" + rand_digits(rng, 8)
        hk = rng.choice(["bcbs", "aetna", "uhc", "mcd", "cigna", "tricare", "mbi"])
        if hk == "bcbs":
            self._member = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + rand_digits(rng, 9)
        elif hk == "aetna":
            self._member = "W" + rand_digits(rng, 9)
        elif hk == "uhc":
            self._member = str(rng.randint(100000000, 999999999))
        elif hk == "mcd":
            self._member = rng.choice("ABCDEHJKLMNP") + rand_digits(rng, 8)
        elif hk == "cigna":
            self._member = "U" + rand_digits(rng, 8) + "0" + str(rng.randint(1, 3))
        elif hk == "tricare":
            self._member = rand_digits(rng, 11)
        else:
            self._member = gen_mbi(rng)
        self._mbi = gen_mbi(rng)
        self._group = rng.choice([str(rng.randint(100000, 999999)), "G" + rand_digits(rng, 7),
                                  rand_digits(rng, 3) + "-" + rand_digits(rng, 5),
                                  rng.choice(["OH", "KX", "BM", "TW"]) + rand_digits(rng, 4) + rng.choice("ABC")])
        self._acct = rng.choice(["PA" + rand_digits(rng, 8), rand_digits(rng, 8), "A" + rand_digits(rng, 9),
                                 rand_digits(rng, 4) + "-" + rand_digits(rng, 5)])
        self._bank = rand_digits(rng, rng.choice([8, 9, 10, 11, 12]))
        self._card = gen_card(rng)
        self._ssn = gen_ssn(rng)
        self._npi = gen_npi(rng)
        self._dea = gen_dea(rng, sv)
        lp = rng.choice(["PSY", "LPC", "LCSW", "LMFT", "LMHC", "MD", "APRN", "LICSW", "LPCC", "LCPC"])
        self._lic = rng.choice([lp + " " + str(rng.randint(1000, 99999)), lp + "." + "00" + rand_digits(rng, 5),
                                lp + "-" + rand_digits(rng, 6), lp + rand_digits(rng, 5)])
        dk = rng.choice(["ca", "tx", "fl", "mi", "ny", "wa"])
        self._dl = {"ca": rng.choice("ABDFGKNY") + rand_digits(rng, 7),
                    "tx": rand_digits(rng, 8),
                    "fl": rng.choice("BHKOPS") + rand_digits(rng, 3) + "-" + rand_digits(rng, 3) + "-" +
                    rand_digits(rng, 2) + "-" + rand_digits(rng, 3) + "-" + rand_digits(rng, 1),
                    "mi": rng.choice("BKNS") + " " + rand_digits(rng, 3) + " " + rand_digits(rng, 3) + " " +
                    rand_digits(rng, 3) + " " + rand_digits(rng, 3),
                    "ny": rand_digits(rng, 3) + " " + rand_digits(rng, 3) + " " + rand_digits(rng, 3),
                    "wa": "WDL" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTVWXZ0123456789") for _ in range(9))}[dk]
        self._vin = gen_vin(rng)
        pk = rng.choice(["ca", "abc", "sp", "nm", "hi"])
        L = "ABCDEFGHJKLMNPRSTUVWXYZ"
        self._plate = {"ca": str(rng.randint(4, 9)) + "".join(rng.choice(L) for _ in range(3)) + rand_digits(rng, 3),
                       "abc": "".join(rng.choice(L) for _ in range(3)) + "-" + rand_digits(rng, 4),
                       "sp": "".join(rng.choice(L) for _ in range(3)) + " " + rand_digits(rng, 4),
                       "nm": "".join(rng.choice(L) for _ in range(3)) + rand_digits(rng, 3) + rng.choice(L),
                       "hi": "".join(rng.choice(L) for _ in range(3)) + " " + rand_digits(rng, 3)}[pk]
        self._imei = gen_imei(rng)
        sk = rng.choice(["apple", "cgm", "sn", "hear"])
        A = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
        self._serial = {"apple": rng.choice("CDFGH") + "".join(rng.choice(A) for _ in range(11)),
                        "cgm": "".join(rng.choice(A) for _ in range(2)) + rand_digits(rng, 2) +
                        "".join(rng.choice(A) for _ in range(6)),
                        "sn": rng.choice(["NS", "BX", "TM", "QK"]) + "-" + rand_digits(rng, 4) +
                        "".join(rng.choice(L) for _ in range(2)) + rand_digits(rng, 2),
                        "hear": rand_digits(rng, 4) + rng.choice(L) + rand_digits(rng, 5)}[sk]
        self._mac = ":".join("%02x" % rng.randint(0, 255) for _ in range(6))
        self._ip = gen_ip(rng)
        self._ip6 = gen_ip6(rng)
        self._rx = rng.choice([str(rng.randint(1000000, 9999999)), "RX" + rand_digits(rng, 8),
                               rand_digits(rng, 2) + "-" + rand_digits(rng, 6)])
        self._passport = rng.choice([rand_digits(rng, 9), rng.choice("ABCEFGHKN") + rand_digits(rng, 8)])
        self._empid = rng.choice(["E" + rand_digits(rng, 6), rand_digits(rng, 2) + "-" + rand_digits(rng, 5)])

    def _derive_contact(self, rng):
        gv, sv, mid, dob, g = self._g, self._s, self._m, self.dob_d, self.g
        fg, fs = slug(gv), slug(sv)
        fm = slug(mid) if mid else ""
        yy = "%02d" % (dob.year % 100)
        dom = rng.choice(["gmail.com", "gmail.com", "yahoo.com", "outlook.com", "icloud.com",
                          "hotmail.com", "aol.com", "proton.me", "comcast.net", "att.net",
                          "sbcglobal.net", "live.com", "ymail.com", "charter.net", "msn.com",
                          "frontier.com", "naver.com", "yahoo.com.vn", "q.com"])
        local = rng.choice([fg + "." + fs, fg + fs + yy, fg[0] + fs, fs + fg[0] + str(rng.randint(1, 99)),
                            fg + "_" + fs, fg + "." + fs + str(rng.randint(2, 9)),
                            fg + (fm[:1] if fm else "") + fs, fs + "." + fg, fg + "4" + fs[:4],
                            "the" + fg + fs[:1], fg + str(dob.year)])
        self._email = local + "@" + dom
        self._user = rng.choice([fg[0] + fs + str(rng.randint(1, 99)), fg + "." + fs, fg + fs[:1] + yy,
                                 fs + "_" + fg[:3], fg + str(rng.randint(100, 999)), fg[:1] + fs[:6] + yy])
        if self.role in ("clin", "staff"):
            cdom = g.clinic[1]
            self._wemail = rng.choice([fg + "." + fs, fg[0] + fs, fg + fs[:1], fg]) + "@" + cdom
        else:
            self._wemail = self._email

    def _make_address(self, rng):
        r = rng.random()
        if r < 0.1:
            return rng.choice(["PO Box %d", "P.O. Box %d", "PO BOX %d", "Post Office Box %d"]) % rng.randint(12, 9899), ""
        if r < 0.15:
            return rng.choice(["RR %d Box %d", "Rural Route %d, Box %d", "HC %d Box %d"]) % (
                rng.randint(1, 9), rng.randint(10, 1299)), ""
        if r < 0.2:
            return "%d County Road %d%s" % (rng.randint(10, 9999), rng.randint(10, 1999),
                                           rng.choice([" N", " E", "", " S"])), ""
        num = str(rng.choice([rng.randint(1, 99), rng.randint(100, 9999), rng.randint(10000, 98999)]))
        if rng.random() < 0.08:
            num += rng.choice([" 1/2", "-B", "A"])
        parts = [num]
        if rng.random() < 0.3:
            parts.append(rng.choice(DIRS))
        parts.append(rng.choice(STREETS))
        parts.append(rng.choice(SUFFIX))
        line1 = " ".join(parts)
        unit = ""
        if rng.random() < 0.45:
            unit = rng.choice(UNITS).format(n=rng.randint(1, 420), a=rng.choice("ABCDEF"),
                                            A=rng.choice("ABCDEFGH"), d=rng.randint(2, 5))
        return line1, unit

    # --- registering accessors -------------------------------------------------
    def _n(self, v):
        return self.g.P(v, "NAME")

    @property
    def first(self):
        return self._n(self._g)

    @property
    def first_l(self):
        return self._n(self._g.lower())

    @property
    def FIRST(self):
        return self._n(self._g.upper())

    @property
    def last(self):
        return self._n(self._s)

    @property
    def LAST(self):
        return self._n(self._s.upper())

    @property
    def full(self):
        return self._n(self._g + " " + self._s)

    @property
    def FULL(self):
        return self._n((self._g + " " + self._s).upper())

    @property
    def lower(self):
        return self._n((self._g + " " + self._s).lower())

    @property
    def fml(self):
        if self._mi:
            return self._n("%s %s. %s" % (self._g, self._mi, self._s))
        return self.full

    @property
    def fmid(self):
        if self._m:
            return self._n("%s %s %s" % (self._g, self._m, self._s))
        return self.full

    @property
    def lf(self):
        return self._n(self._s + ", " + self._g)

    @property
    def lfm(self):
        if self._mi:
            return self._n("%s, %s %s" % (self._s, self._g, self._mi))
        return self.lf

    @property
    def LF(self):
        return self._n((self._s + ", " + self._g).upper())

    @property
    def LFnc(self):
        return self._n((self._s + " " + self._g).upper())

    @property
    def vnfull(self):
        return self._n(" ".join(x for x in (self._s, self._m, self._g) if x))

    @property
    def fi(self):
        return self._n(self._g[0] + ". " + self._s)

    @property
    def fl1(self):
        return self._n(self._g + " " + ascii_fold(self._s)[0] + ".")

    @property
    def caret(self):
        v = self._s.upper() + "^" + self._g.upper()
        if self._mi:
            v += "^" + self._mi
        return self._n(v)

    def nm(self):
        return getattr(self, self.g.rng.choice(["full", "full", "lf", "fml", "FULL", "LF", "fmid"]))

    @property
    def title(self):
        return self.g.rng.choice(["Dr. ", "Dr ", ""]) + self.full

    # contact
    def tel(self, fmt=None):
        return self.g.P(fmt_phone(self._phone, fmt or self.g.rng.choice(PHONE_FMTS)), "PHONE")

    def tel2(self, fmt=None):
        return self.g.P(fmt_phone(self._phone2, fmt or self.g.rng.choice(PHONE_FMTS)), "PHONE")

    @property
    def intl(self):
        return self.g.P(self._intl, "PHONE")

    def fax(self, fmt=None):
        return self.g.P(fmt_phone(self._fax, fmt or self.g.rng.choice(PHONE_FMTS)), "FAX")

    @property
    def email(self):
        return self.g.P(self._email, "EMAIL")

    @property
    def EMAIL(self):
        return self.g.P(self._email.upper(), "EMAIL")

    @property
    def wemail(self):
        return self.g.P(self._wemail, "EMAIL")

    @property
    def user(self):
        return self.g.P(self._user, "OTHER_ID")

    # dates
    def dob(self, fmt=None):
        return self.g.P(fmt_date(self.dob_d, fmt or self.g.rng.choice(DATE_FMTS_DOB)), "DATE")

    def age90(self, fmt=None):
        phrase, val = fmt_age(self.age_n, fmt or self.g.rng.choice(AGE_FMTS), self.sex)
        self.g.P(val, "AGE_OVER_89")
        return phrase

    @property
    def age(self):
        return str(self.age_n)

    # place
    @property
    def addr(self):
        v = self._addr_line1
        if self._addr_unit:
            v += self.g.rng.choice([" ", ", ", " "]) + self._addr_unit
        return self.g.P(v, "ADDRESS")

    @property
    def addrs(self):
        v = self._addr_line1 + (" " + self._addr_unit if self._addr_unit else "")
        return self.g.P(v, "ADDRESS")

    @property
    def ADDR(self):
        v = self._addr_line1
        if self._addr_unit:
            v += " " + self._addr_unit
        return self.g.P(v.upper(), "ADDRESS")

    @property
    def line1(self):
        return self.g.P(self._addr_line1, "ADDRESS")

    @property
    def line2(self):
        return self.g.P(self._addr_unit, "ADDRESS") if self._addr_unit else ""

    @property
    def city(self):
        return self.g.P(self._city, "CITY")

    @property
    def CITY(self):
        return self.g.P(self._city.upper(), "CITY")

    @property
    def zip(self):
        return self.g.P(self._zip, "ZIP")

    @property
    def zip9(self):
        return self.g.P(self._zip + "-" + self._zip4, "ZIP")

    def where(self, style=None):
        """street, city, ST zip on one line"""
        style = style or self.g.rng.choice(["comma", "comma", "nocomma", "state"])
        if style == "comma":
            return "%s, %s, %s %s" % (self.addr, self.city, self.st, self.zip)
        if style == "nocomma":
            return "%s %s %s %s" % (self.addr, self.city, self.st, self.zip9)
        return "%s, %s, %s %s" % (self.addr, self.city, self.state_name, self.zip)

    # ids
    @property
    def mrn(self):
        return self.g.P(self._mrn, "MRN")

    @property
    def member(self):
        return self.g.P(self._member, "HEALTH_PLAN")

    @property
    def mbi(self):
        return self.g.P(self._mbi, "HEALTH_PLAN")

    @property
    def group(self):
        return self.g.P(self._group, "HEALTH_PLAN")

    @property
    def acct(self):
        return self.g.P(self._acct, "ACCOUNT")

    @property
    def bank(self):
        return self.g.P(self._bank, "ACCOUNT")

    def card(self, fmt=None):
        c = self._card
        fmt = fmt or self.g.rng.choice(["plain", "sp", "dash"])
        if fmt == "plain":
            v = c
        elif len(c) == 15:
            v = (" " if fmt == "sp" else "-").join([c[:4], c[4:10], c[10:]])
        else:
            v = (" " if fmt == "sp" else "-").join([c[i:i + 4] for i in range(0, 16, 4)])
        return self.g.P(v, "ACCOUNT")

    def ssn(self, fmt=None):
        s = self._ssn
        fmt = fmt or self.g.rng.choice(["dash", "dash", "plain", "sp"])
        v = {"dash": "%s-%s-%s", "sp": "%s %s %s", "plain": "%s%s%s"}[fmt] % (s[:3], s[3:5], s[5:])
        return self.g.P(v, "SSN")

    @property
    def npi(self):
        return self.g.P(self._npi, "LICENSE")

    @property
    def dea(self):
        return self.g.P(self._dea, "LICENSE")

    @property
    def lic(self):
        return self.g.P(self._lic, "LICENSE")

    @property
    def dl(self):
        return self.g.P(self._dl, "LICENSE")

    @property
    def vin(self):
        return self.g.P(self._vin, "VEHICLE")

    @property
    def plate(self):
        return self.g.P(self._plate, "VEHICLE")

    def imei(self, fmt=None):
        i = self._imei
        fmt = fmt or self.g.rng.choice(["plain", "plain", "dash", "sp"])
        if fmt == "dash":
            i = "%s-%s-%s-%s" % (i[:2], i[2:8], i[8:14], i[14])
        elif fmt == "sp":
            i = "%s %s %s %s" % (i[:2], i[2:8], i[8:14], i[14])
        return self.g.P(i, "DEVICE")

    @property
    def serial(self):
        return self.g.P(self._serial, "DEVICE")

    @property
    def mac(self):
        return self.g.P(self._mac, "DEVICE")

    @property
    def ip(self):
        return self.g.P(self._ip, "IP")

    @property
    def ip6(self):
        return self.g.P(self._ip6, "IP")

    @property
    def rx(self):
        return self.g.P(self._rx, "OTHER_ID")

    @property
    def passport(self):
        return self.g.P(self._passport, "OTHER_ID")

    @property
    def empid(self):
        return self.g.P(self._empid, "OTHER_ID")


PH_RE = re.compile(r"«(.+?)»")
B32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class Ctx:
    """Per-record registry + template namespace."""

    def __init__(self, rng):
        self.rng = rng
        self.phi = []
        self.keep = []
        start = dt.datetime(2023, 5, 1, 0, 0, 0)
        self.now = start + dt.timedelta(seconds=rng.randint(0, 760 * 86400), microseconds=rng.randint(0, 999999))
        self._t = self.now
        self._off = rng.choice(["-05:00", "-06:00", "-07:00", "-08:00", "-04:00", "-10:00"])
        self.clinic = rng.choice(CLINICS)
        self.people = {}
        for key, role in [("p", "pt"), ("q", "pt"), ("k", "child"), ("o", "old"), ("r", "rel"),
                          ("c", "clin"), ("c2", "clin"), ("s", "staff"), ("s2", "staff"),
                          ("d", "rel")]:
            self.people[key] = Person(self, role)
        self.appts = [(self.now + dt.timedelta(days=rng.choice([-1, 1]) * rng.randint(1, 40))).date()
                      for _ in range(4)]
        self.ns = {}
        self.ns.update(self.people)
        for i, a in enumerate(self.appts):
            self.ns["a%d" % (i + 1)] = a
        for name in dir(self):
            if name.startswith("h_"):
                self.ns[name[2:]] = getattr(self, name)
        self.ns["P"] = self.P
        self.ns["K"] = self.K
        self.ns["g"] = self

    # registries
    def P(self, value, kind):
        assert kind in KINDS, kind
        if value and (value, kind) not in [(x["value"], x["kind"]) for x in self.phi]:
            self.phi.append({"value": value, "kind": kind})
        return value

    def K(self, value, kind):
        value = str(value)
        if value and value not in self.keep:
            self.keep.append(value)
            self.keep_kinds.append(kind)
        return value

    @property
    def keep_kinds(self):
        if not hasattr(self, "_kk"):
            self._kk = []
        return self._kk

    def fill(self, tpl, **kw):
        ns = dict(self.ns)
        ns.update(kw)
        return PH_RE.sub(lambda m: str(eval(m.group(1), ns)), tpl)

    # ---- unregistered helpers ----------------------------------------------
    def h_ch(self, *opts):
        return self.rng.choice(opts)

    def h_ri(self, a, b):
        return self.rng.randint(a, b)

    def h_hx(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def h_an(self, n, chars="abcdefghijklmnopqrstuvwxyz0123456789"):
        return "".join(self.rng.choice(chars) for _ in range(n))

    def h_R(self, s):
        return repr(s)

    def h_J(self, s):
        return "null" if s == "" else json.dumps(s, ensure_ascii=False)

    def h_X(self, s):
        return s.replace("&", "&amp;")

    def h_dow(self, d):
        return DOW[d.weekday()]

    def h_dia(self, d):
        return ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"][d.weekday()]

    def h_ct(self):
        """sequential chat clock, e.g. 10:02 AM"""
        if not hasattr(self, "_chat"):
            self._chat = dt.datetime(2000, 1, 1, self.rng.randint(7, 16), self.rng.randint(0, 59))
        self._chat += dt.timedelta(minutes=self.rng.randint(1, 9))
        h = self._chat.hour
        return "%d:%02d %s" % (h if h <= 12 else h - 12, self._chat.minute, "AM" if h < 12 else "PM")

    def h_drugu(self):
        return self.K(self.rng.choice(DRUG_SHORT).upper(), "drug")

    def h_dw3(self, d):
        return DOW[d.weekday()][:3]

    def h_tod(self):
        h = self.rng.choice([8, 9, 10, 11, 13, 14, 15, 16, 17, 18])
        m = self.rng.choice(["00", "00", "15", "30", "45"])
        return self.rng.choice(["%d:%s %s", "%d:%s%s", "%d:%s %s"]) % (
            h if h <= 12 else h - 12, m, ("AM" if h < 12 else "PM") if self.rng.random() < 0.6 else ("am" if h < 12 else "pm"))

    def h_U(self, s):
        """percent-encode a string for query strings (not registered)."""
        return re.sub(r"[^A-Za-z0-9._~-]", lambda m: "".join("%%%02X" % b for b in m.group(0).encode()), s)

    # ---- PHI helpers ---------------------------------------------------------
    def h_D(self, d, fmt=None, pool=None):
        fmt = fmt or self.rng.choice(pool or DATE_FMTS_APPT)
        return self.P(fmt_date(d, fmt), "DATE")

    def h_URL(self, s):
        return self.P(s, "URL")

    def h_AGE(self, n, fmt=None):
        phrase, val = fmt_age(n, fmt or self.rng.choice(AGE_FMTS))
        self.P(val, "AGE_OVER_89")
        return phrase

    # ---- keep helpers (registered) --------------------------------------------
    def h_uuid(self):
        return self.K(str(_uuid.UUID(int=self.rng.getrandbits(128), version=4)), "uuid")

    def h_sha(self, n=40):
        return self.K(self.h_hx(n), "hash")

    def h_ulid(self, prefix=""):
        return self.K(prefix + "01H" + "".join(self.rng.choice(B32) for _ in range(23)), "request_id")

    def h_ver(self):
        r = self.rng
        v = "%d.%d.%d" % (r.randint(0, 14), r.randint(0, 40), r.randint(0, 30))
        v = r.choice(["", "", "v"]) + v + r.choice(["", "", "", "-rc.%d" % r.randint(1, 4),
                                                     "+build.%d" % r.randint(100, 9999)])
        return self.K(v, "version")

    def h_rid(self):
        r = self.rng
        k = r.choice(["uuid", "hex", "ulid", "req"])
        if k == "uuid":
            return self.K(str(_uuid.UUID(int=r.getrandbits(128), version=4)), "request_id")
        if k == "hex":
            return self.K(self.h_hx(32), "request_id")
        if k == "ulid":
            return self.h_ulid("req_")
        return self.K("req-" + self.h_an(12), "request_id")

    def h_trace(self):
        return self.K(self.h_hx(32), "trace_id")

    def h_span(self):
        return self.K(self.h_hx(16), "trace_id")

    def h_port(self):
        return self.K(str(self.rng.choice([5432, 6379, 8080, 8443, 9092, 3000, 4000, 5672, 443, 587,
                                           9200, 27017, 8125, 50051, 6432, 11211, 9000, 8000])), "port")

    def h_dur(self):
        r = self.rng
        return self.K(r.choice(["%dms" % r.randint(3, 29999), "%.3fs" % (r.random() * 40),
                                "%dm%ds" % (r.randint(1, 9), r.randint(0, 59)), "%d ms" % r.randint(40, 9000),
                                "%.1fs" % (r.random() * 90)]), "duration")

    def h_st(self, code=None):
        return self.K(str(code or self.rng.choice([400, 401, 403, 404, 409, 410, 422, 429, 500, 502,
                                                   503, 504])), "status")

    def h_ts(self, fmt="iso"):
        self._t += dt.timedelta(milliseconds=self.rng.randint(3, 2400))
        t = self._t
        ms = t.microsecond // 1000
        off = self._off
        v = {
            "iso": t.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "isoms": t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % ms,
            "isooff": t.strftime("%Y-%m-%dT%H:%M:%S") + off,
            "heroku": t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "+00:00",
            "py": t.strftime("%Y-%m-%d %H:%M:%S") + ",%03d" % ms,
            "java": t.strftime("%Y-%m-%d %H:%M:%S") + ".%03d" % ms,
            "nginx": t.strftime("%Y/%m/%d %H:%M:%S"),
            "clf": t.strftime("%d/%b/%Y:%H:%M:%S +0000"),
            "syslog": t.strftime("%b ") + "%2d" % t.day + t.strftime(" %H:%M:%S"),
            "rfc2822": t.strftime("%a, %d %b %Y %H:%M:%S ") + off.replace(":", ""),
            "epoch": str(int(t.replace(tzinfo=dt.timezone.utc).timestamp())),
            "epochms": str(int(t.replace(tzinfo=dt.timezone.utc).timestamp() * 1000)),
            "serilog": t.strftime("%Y-%m-%d %H:%M:%S") + ".%03d " % ms + off,
            "ical": t.strftime("%Y%m%dT%H%M%SZ"),
            "time": t.strftime("%H:%M:%S") + ".%03d" % ms,
            "rails": t.strftime("%Y-%m-%dT%H:%M:%S.%f"),
            "k8s": t.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
            "gcp": t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "Z",
        }[fmt]
        return self.K(v, "timestamp")

    def h_tsr(self, fmt="iso"):
        """a timestamp that is neither kept nor labelled (e.g. an appointment start)."""
        v = self.h_ts(fmt)
        self.keep.pop()
        self.keep_kinds.pop()
        return v

    def h_svc(self):
        return self.K(self.rng.choice(SERVICES), "service")

    def h_pod(self, svc=None):
        svc = svc or self.rng.choice(SERVICES)
        return self.K("%s-%s-%s" % (svc, self.h_hx(self.rng.choice([9, 10])),
                                    self.h_an(5, "bcdfghjklmnpqrstvwxz2456789")), "pod")

    def h_ticket(self):
        r = self.rng
        return self.K(r.choice(["OPS-%d" % r.randint(100, 9999), "INC%07d" % r.randint(1, 999999),
                                "PLAT-%d" % r.randint(100, 4999), "SEC-%d" % r.randint(10, 999),
                                "ZD-%d" % r.randint(10000, 99999), "CHG%07d" % r.randint(1, 99999)]), "ticket")

    def h_build(self):
        r = self.rng
        return self.K(r.choice(["#%d" % r.randint(1000, 99999), "build-%d" % r.randint(100, 9999),
                                "b%d" % r.randint(1000, 9999)]), "build")

    def h_host(self):
        r = self.rng
        return self.K(r.choice(["10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)),
                                "172.%d.%d.%d" % (r.randint(16, 31), r.randint(0, 255), r.randint(1, 254)),
                                "127.0.0.1"]), "host")

    def h_dbid(self):
        return self.K(str(self.rng.choice([self.rng.randint(100, 9999), self.rng.randint(10000, 999999)])), "db_id")

    def h_icd(self):
        return self.K(self.rng.choice(ICD), "code")

    def h_cpt(self):
        return self.K(self.rng.choice(CPT), "code")

    def h_drug(self):
        return self.K(self.rng.choice(DRUGS), "drug")

    def h_drugs(self):
        return self.K(self.rng.choice(DRUG_SHORT), "drug")

    def h_payer(self):
        return self.K(self.rng.choice(PAYERS), "payer")

    def h_payeru(self):
        return self.K(self.rng.choice(PAYERS).upper(), "payer")

    def h_org(self):
        return self.K(self.clinic[0], "org")

    def h_dom(self, prefix=None):
        prefix = prefix or self.rng.choice(["app", "portal", "api", "visit"])
        return self.K(prefix + "." + self.clinic[1], "host")

    def h_pharm(self):
        return self.K(self.rng.choice(PHARMACIES), "org")

    def h_exc(self, name):
        return self.K(name, "exception")

    def h_amt(self):
        r = self.rng
        return self.K(r.choice(["$%d.00" % r.choice([25, 40, 60, 95, 110, 125, 150, 175, 210, 240]),
                                "$%d.%02d" % (r.randint(5, 480), r.randint(0, 99))]), "amount")

    def h_cnt(self, a=2, b=500):
        return self.K(str(self.rng.randint(a, b)), "count")

    def h_jobid(self):
        return self.K(self.rng.choice(["job_%s" % self.h_an(10), "jid-%s" % self.h_hx(24),
                                       str(self.rng.randint(100000, 9999999))]), "job_id")

    def h_mid(self):
        return self.K("<%s.%s@%s>" % (self.h_hx(16), self.h_hx(8), self.rng.choice(["mx.google.com", "smtp.sendgrid.net", "mail.protection.outlook.com"])), "message_id")


def kinds_of(phi):
    return [x["kind"] for x in phi]


# --------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------
TEMPLATES = {}
STYLES = ["logfmt", "api_json", "py_trace", "mail_sms", "tabular", "freetext", "integrations",
          "config_polyglot"]


def T(style, clean=False):
    def deco(fn):
        TEMPLATES.setdefault(style, {"phi": [], "clean": []})["clean" if clean else "phi"].append(fn)
        return fn
    return deco


def js(g, tpl, **kw):
    """Fill a JSON template, then re-serialise it pretty, compact or as written."""
    text = g.fill(tpl, **kw)
    obj = json.loads(text)
    mode = g.rng.random()
    if mode < 0.4:
        return json.dumps(obj, ensure_ascii=False, indent=g.rng.choice([2, 2, 4]))
    if mode < 0.8:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(obj, ensure_ascii=False)


# ============================ 1. logfmt / key=value ===========================
@T("logfmt")
def go_sms_logfmt(g):
    msg = g.rng.choice(["twilio send failed", "sms dispatch error", "reminder not delivered",
                        "provider rejected message"])
    return g.fill('''time=«ts('isooff')» level=error svc=mercury-sms caller=notify/sms.go:«ri(80,420)» msg="«msg»" code=«ch('21211','21614','21610','30006')» err="The 'To' number «p.tel('e164')» is not a valid mobile number" appt_id=«dbid()» chart=«p.mrn» patient="«p.full»" provider="«c.fi»" tmpl=«ch('reminder_24h','reminder_2h','intake_link','copay_due')» attempt=«ri(1,5)» request_id=«rid()»
time=«ts('isooff')» level=info svc=mercury-sms msg="marking appointment reminder undeliverable" appt_id=«ri(1000,99999)» fallback=email to=«p.email»''', msg=msg)


@T("logfmt")
def heroku_router_chart(g):
    tail = g.rng.choice(["/chart", "/notes", "/superbills/latest", "/treatment-plan", ""])
    return g.fill('''«ts('heroku')» heroku[router]: at=error code=H12 desc="Request timeout" method=GET path="«URL('/api/v2/patients/' + p.mrn + tail)»" host=«dom('app')» request_id=«rid()» fwd="«p.ip»" dyno=web.«ri(1,6)» connect=«ri(0,3)»ms service=30000ms status=«st(503)» bytes=0 protocol=https
«ts('heroku')» app[web.«ri(1,6)»]: E, ERROR -- : «exc('Rack::Timeout::RequestTimeoutException')»: Request ran for longer than 28000ms (user_id=«dbid()», clinician=«c.wemail»)''', tail=tail)


@T("logfmt")
def nginx_err_lookup(g):
    q = g.fill("/intake/lookup?email=«p.email»&dob=«p.dob('iso')»")
    return g.fill('''«ts('nginx')» [error] «ri(20,40000)»#«ri(0,9)»: *«ri(1000,99999)» upstream timed out (110: Connection timed out) while reading response header from upstream, client: «p.ip», server: «dom('portal')», request: "GET «URL(q)» HTTP/1.1", upstream: "«URL('http://hestia_upstream' + q)»", host: "«dom('portal')»", referrer: "https://«dom('portal')»/intake/start"''', q=q)


@T("logfmt")
def go_eligibility_mismatch(g):
    return g.fill('''level=warn ts=«ts('epoch')».«ri(100,999)» caller=eligibility/x12.go:«ri(100,900)» svc=juno-eligibility msg="271 subscriber mismatch" payer="«payer()»" payer_id=«ch('60054','62308','87726','00710','SX107')» member_id=«p.member» subscriber_last=«p.LAST» subscriber_first=«p.FIRST» dob_sent=«p.dob('hl7')» dob_returned=«D(a1.replace(year=p.dob_d.year), 'hl7')» trace=«trace()» took=«dur()»''')


@T("logfmt")
def logrus_intake_dup(g):
    why = g.rng.choice(["duplicate email", "email already linked to another chart", "unique violation on email"])
    return g.fill('''time="«ts('isooff')»" level=error msg="failed to create intake for «p.full» (DOB «p.dob('usn')»): «why» «p.email»" component=intake request_id=«rid()» duration=«dur()» existing_chart=«p.mrn»
time="«ts('isooff')»" level=warning msg="intake form left in draft" component=intake form_id=«uuid()» referral_source="«ch('Psychology Today','self','PCP referral','school counselor')»"''', why=why)


@T("logfmt")
def sidekiq_fax(g):
    w = "app[worker.%d]: pid=%d tid=%s class=FaxDeliveryJob jid=%s" % (g.rng.randint(1, 4), g.rng.randint(4, 99), g.h_an(5), g.K(g.h_hx(24), "job_id"))
    return g.fill('''«ts('heroku')» «w» INFO: start
«ts('heroku')» «w» WARN: «exc('Faxage::SendError')»: remote «c.fax('one')» «ch('busy','no answer','fax tone not detected')» after 3 attempts (recipient="«c.title»", re="«p.lf»", dob=«p.dob('us')», pages=«ri(2,14)»)
«ts('heroku')» «w» elapsed=«ri(30,300)».«ri(100,999)» INFO: fail''', w=w)


@T("logfmt")
def nginx_access_portal(g):
    path = g.rng.choice(["/statements/", "/documents/", "/messages/", "/forms/"])
    return g.fill('''«p.ip» - «p.user» [«ts('clf')»] "GET «URL('/portal/u/' + p.user + path + str(ri(1000,99999)))» HTTP/2.0" «st(500)» «ri(180,900)» "https://«dom('portal')»/portal/u/«p.user»/home" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1" rt=«ri(0,9)».«ri(100,999)» uct=0.001 upstream=«host()»:«port()»''', path=path)


@T("logfmt")
def go_panic_struct(g):
    return g.fill('''level=error ts=«ts('isoms')» svc=castor-sync msg="panic recovered" err="runtime error: invalid memory address or nil pointer dereference" record="&{ID:«dbid()» MRN:«p.mrn» Name:{First:«p.first» Last:«p.last»} DOB:«p.dob('iso')» SSN:«p.ssn('dash')» Phone:«p.tel('dash')» Guarantor:<nil> Address:0xc000«hx(6)»}"
goroutine «ri(10,9000)» [running]:
main.(*Syncer).upsertClient(0xc0001«hx(5)», {0x1«hx(6)», 0xc000«hx(6)»})
	/app/sync/upsert.go:«ri(100,400)» +0x«hx(3)»
main.(*Syncer).Run.func2()
	/app/sync/run.go:«ri(40,200)» +0x«hx(2)»''')


@T("logfmt")
def serilog_x12(g):
    return g.fill('''[«ts('time')» ERR] Eligibility 271 parse failure for member «p.member», subscriber «p.LF», DOB «p.dob('us')» {SourceContext="Juno.Eligibility.X12Parser", RequestId="«rid()»", Payer="«payer()»", Segment="DMG", Element=2}
[«ts('time')» WRN] Falling back to cached coverage from «D(a1,'us')» for patient «p.mrn» {SourceContext="Juno.Eligibility.CoverageCache"}''')


@T("logfmt")
def journald_fax(g):
    return g.fill('''«ts('syslog')» fax-gw-«ri(1,3)» atlas-fax[«ri(900,30000)»]: job=«jobid()» status=failed reason=«ch('NO_CARRIER','BUSY','T30_TIMEOUT','REMOTE_HANGUP')» remote="«c.fax('intl')»" cover_to="«c.full»" cover_re="«p.lf» DOB «p.dob('us')»" pages=«ri(2,14)» retries=3
«ts('syslog')» fax-gw-«ri(1,3)» atlas-fax[«ri(900,30000)»]: queue depth=«cnt(1,40)» next_retry_in=«dur()»''')


@T("logfmt")
def address_verify(g):
    return g.fill('''level=warn svc=hestia-intake msg="USPS verify: address not found" input.line1="«p.line1»" input.line2="«p.line2»" input.city="«p.city»" input.state=«p.st» input.zip=«p.zip» dpv_match=N footnotes=A1,M1 took=«dur()» form=«uuid()»
level=info svc=hestia-intake msg="accepted unverified address" client="«p.lf»" override_by=«s.wemail»''')


@T("logfmt")
def auth_lockout(g):
    return g.fill('''ts=«ts('iso')» level=warn svc=janus-auth event=login_failed username=«p.user» email=«p.email» ip=«p.ip» ua="«ch('okhttp/4.12.0','Dart/3.2 (dart:io)','Mozilla/5.0 (Linux; Android 14)')»" attempts=«ri(5,9)» locked_until=«ts('iso')» mfa=sms mfa_to=«p.tel('e164')»
ts=«ts('iso')» level=info svc=janus-auth event=unlock_link_sent username=«p.user» channel=email status=«st(202)»''')


@T("logfmt")
def ocr_card(g):
    return g.fill('''level=info ts=«ts('isoms')» svc=triton-ocr msg="insurance card OCR below threshold" confidence=0.«ri(40,69)» fields.member_id=«p.member» fields.group=«p.group» fields.name="«p.FULL»" fields.payer="«payer()»" fields.rx_bin=«K('610014','code')» fields.rx_pcn=«ch('MEDDADV','ADV','9999')» upload=«uuid()».jpg
level=warn ts=«ts('isoms')» svc=triton-ocr msg="subscriber differs from patient" subscriber="«r.full»" relationship=«ch('spouse','parent','guardian')» patient="«p.full»"''')


@T("logfmt")
def go_stdlog_resched(g):
    return g.fill('''«ts('nginx')» handler.go:«ri(40,300)»: reschedule: slot conflict for client «p.fi» (chart «p.mrn») on «D(a1,'iso')» with «c.fi»; existing booking «ri(10000,99999)»
«ts('nginx')» handler.go:«ri(40,300)»: reschedule: notifying «p.tel('paren')» via sms, «p.email» via email
«ts('nginx')» http: superfluous response.WriteHeader call from main.(*api).writeErr (errors.go:«ri(10,90)»)''')


@T("logfmt")
def heroku_router_join(g):
    return g.fill('''«ts('heroku')» heroku[router]: at=info method=GET path="«URL('/telehealth/join/' + p.user + '?t=' + hx(20))»" host=«dom('visit')» request_id=«rid()» fwd="«p.ip»,«host()»" dyno=web.«ri(1,4)» connect=«ri(0,2)»ms service=«ri(2000,9000)»ms status=«st(502)» bytes=«ri(100,600)» protocol=https
«ts('heroku')» app[web.«ri(1,4)»]: [selene] waiting room closed before «p.first» could join (provider «c.fi», session «uuid()»)''')


@T("logfmt")
def kv_billing_card(g):
    return g.fill('''«ts('java')» WARN  orion-billing [autopay] charge_declined account=«p.acct» cardholder="«p.full»" card=«p.card()» exp=«ri(1,12)»/«ri(25,30)» avs_zip=«p.zip» amount=«amt()» decline_code=«ch('insufficient_funds','do_not_honor','expired_card')» invoice=inv_«an(14)»
«ts('java')» INFO  orion-billing [autopay] will retry in «dur()» (attempt «ri(2,4)»/4)''')


@T("logfmt")
def kv_device_checkin(g):
    return g.fill('''ts=«ts('iso')» lvl=error svc=selene-telehealth component=device-registry msg="device already bound to another client" imei=«p.imei()» serial=«p.serial» bound_to=«q.mrn» requested_by=«p.mrn» app_version=«ver()» os="«ch('iOS 17.4','Android 14','iPadOS 17.3')»"
ts=«ts('iso')» lvl=info svc=selene-telehealth component=device-registry msg="support notified" ticket=«ticket()»''')


@T("logfmt")
def kv_nemt_vehicle(g):
    return g.fill('''time=«ts('isooff')» level=warn svc=kairos-calendar integration=nemt msg="ride vendor returned vehicle that fails DOT lookup" ride_id=«ri(100000,999999)» rider="«p.fi»" pickup="«p.addr»" pickup_city="«p.city»" driver="«d.full»" vehicle_vin=«d.vin» plate="«d.plate»" appt_date=«D(a1,'iso')»''')


@T("logfmt")
def kv_old_patient_flag(g):
    return g.fill('''level=info ts=«ts('isoms')» svc=hestia-intake rule=age_over_89 msg="record flagged for de-identification review" chart=«o.mrn» age=«o.age90('raw')» dob=«o.dob('iso')» name="«o.lf»" reviewer_queue=privacy''')


# --- clean ---
@T("logfmt", clean=True)
def c_heroku_router_ids(g):
    return g.fill('''«ts('heroku')» heroku[router]: at=error code=H12 desc="Request timeout" method=POST path="«K('/api/v2/patients/' + str(ri(1000,99999)) + '/appointments', 'route')»" host=«svc()».internal request_id=«rid()» fwd="«host()»" dyno=web.«ri(1,8)» connect=«ri(0,4)»ms service=30001ms status=«st(503)» bytes=0 protocol=https
«ts('heroku')» heroku[web.«ri(1,8)»]: Process running mem=«ri(520,1100)»M(«ri(100,210)».«ri(0,9)»%)
«ts('heroku')» heroku[web.«ri(1,8)»]: Error R14 (Memory quota exceeded)''')


@T("logfmt", clean=True)
def c_pgx_pool(g):
    return g.fill('''time=«ts('isooff')» level=error svc=«svc()» msg="pgx: acquire conn timeout" pool.total=«cnt(10,50)» pool.idle=0 pool.wait=«cnt(5,90)» db=«host()»:«port()» query=UpdateAppointmentStatus took=«dur()» request_id=«rid()» build=«sha(7)»
time=«ts('isooff')» level=warn svc=«svc()» msg="circuit open" target=«svc()» failures=«cnt(5,20)» window=60s''')


@T("logfmt", clean=True)
def c_nginx_upstream(g):
    return g.fill('''«ts('nginx')» [error] «ri(20,40000)»#«ri(0,9)»: *«ri(1000,99999)» connect() failed (111: Connection refused) while connecting to upstream, client: «host()», server: _, request: "GET /healthz HTTP/1.1", upstream: "http://«host()»:«port()»/healthz", host: "«host()»"
«ts('nginx')» [warn] «ri(20,40000)»#«ri(0,9)»: *«ri(1000,99999)» an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/«ri(1,9)»/«ri(10,99)»/«ri(10000,99999)»''')


@T("logfmt", clean=True)
def c_masked_worker(g):
    return g.fill('''ts=«ts('iso')» level=error svc=mercury-sms job=«jobid()» msg="send failed" to=«K('[REDACTED]','masked')» patient_name=«K('***','masked')» dob=<redacted> err="«exc('TwilioRestException')»: HTTP «st(400)» error code «K('21408','error_code')»: Permission to send an SMS has not been enabled for the region" retry_in=«dur()»
ts=«ts('iso')» level=info svc=mercury-sms msg="dead-lettered" queue=sms.reminders.dlq depth=«cnt()»''')


@T("logfmt", clean=True)
def c_deploy_logrus(g):
    return g.fill('''time="«ts('isooff')»" level=info msg="starting «svc()»" version=«ver()» commit=«sha()» go=go1.22.«ri(0,5)» port=«port()»
time="«ts('isooff')»" level=error msg="migration 0«ri(100,250)»_add_index_appointments_start_at failed: lock timeout after «dur()»" table=appointments
time="«ts('isooff')»" level=fatal msg="exiting" exit_code=1 ticket=«ticket()»''')


# ============================ 2. GraphQL / REST JSON ==========================
@T("api_json")
def gql_bad_dob(g):
    return js(g, r'''{"errors":[{"message":"Variable \"$input\" got invalid value \"«p.dob(ch('us2','eus','usn'))»\" at \"input.dateOfBirth\"; Expected type \"Date\". Date cannot represent an invalid date-string.","locations":[{"line":1,"column":«ri(14,40)»}],"extensions":{"code":"BAD_USER_INPUT","serviceName":"«svc()»"}}],
"data":null,
"variables":{"input":{"firstName":"«p.first»","lastName":"«p.last»","preferredName":null,"phone":"«p.tel()»","email":"«p.email»","clinicianId":«dbid()»,"chartNumber":"«p.mrn»","referralSource":"«ch('insurance directory','PCP','friend','court order')»"}}}''')


@T("api_json")
def rest_422_rails(g):
    return js(g, r'''{"status":«st(422)»,"error":"Unprocessable Entity","exception":"#<«exc('ActiveRecord::RecordInvalid')»: Validation failed: Email has already been taken, Phone is invalid>",
"errors":{"email":["has already been taken"],"phone":["is invalid"]},
"params":{"client":{"first_name":"«p.first»","last_name":"«p.last»","email":"«p.email»","phone":"«p.tel('parenns')»","date_of_birth":"«p.dob('iso')»","ssn":"«p.ssn()»","sex_at_birth":"«p.sex»","gender_identity":"«ch('woman','man','nonbinary','declined')»"},"controller":"api/v1/clients","action":"create"},
"request_id":"«rid()»"}''')


@T("api_json")
def problem_json_double_book(g):
    return js(g, r'''{"type":"https://«dom('docs')»/errors/double-booking","title":"Appointment conflict","status":«st(409)»,
"detail":"«p.lf» (MRN «p.mrn») already has «ch('an intake','a follow-up','a med-management visit')» with «c.fml» on «D(a1)» at «tod()»",
"instance":"/v1/appointments/«ri(100000,999999)»","conflictingAppointmentId":«dbid()»,"cpt":"«cpt()»"}''')


@T("api_json")
def gql_stacktrace_echo(g):
    return js(g, r'''{"errors":[{"message":"Cannot return null for non-nullable field Client.primaryInsurance.","path":["client","primaryInsurance"],"locations":[{"line":4,"column":5}],
"extensions":{"code":"INTERNAL_SERVER_ERROR","exception":{"stacktrace":["Error: Cannot return null for non-nullable field Client.primaryInsurance.","    at completeValue (/srv/node_modules/graphql/execution/execute.js:«ri(500,700)»:13)","    at resolveClient (/srv/src/resolvers/client.ts:«ri(20,300)»:11) [client=«p.full» member=«p.member»]"]}}}],
"data":{"client":{"id":"«uuid()»","displayName":"«p.fi»","chartNumber":"«p.mrn»","primaryInsurance":null}}}''')


@T("api_json")
def rest_409_dupe_candidate(g):
    return js(g, r'''{"error":"possible_duplicate","message":"A client with matching name and date of birth exists","score":0.«ri(86,99)»,
"submitted":{"name":"«p.fmid»","dob":"«p.dob('us')»","zip":"«p.zip»"},
"existing":{"chart":"«p.mrn»","name":"«p.lf»","dob":"«p.dob('iso')»","address":{"line1":"«p.line1»","line2":«J(p.line2)»,"city":"«p.city»","state":"«p.st»","postal_code":"«p.zip9»"},"last_seen":"«D(a1,'iso')»"}}''')


@T("api_json")
def payment_echo_card(g):
    return js(g, r'''{"error":{"type":"card_error","code":"«ch('card_declined','incorrect_number','expired_card')»","decline_code":"generic_decline","message":"Your card was declined.","param":"number","request_log_url":"https://dashboard.stripe.com/logs/req_«an(14)»"},
"_debug_echo":{"billing_details":{"name":"«r.full»","email":"«r.email»","address":{"line1":"«r.addr»","city":"«r.city»","state":"«r.st»","postal_code":"«r.zip»"}},"card":{"number":"«r.card('plain')»","exp_month":«ri(1,12)»,"exp_year":20«ri(25,31)»},"metadata":{"patient_account":"«p.acct»","guarantor_relationship":"«ch('mother','father','spouse','self')»"}}}''')


@T("api_json")
def fhir_outcome(g):
    return js(g, r'''{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"processing","diagnostics":"HAPI-0«ri(400,999)»: Patient/«ri(1000,99999)» identifier «p.mrn» already assigned to «q.caret»; incoming name «p.caret», birthDate «p.dob('iso')»","expression":["Patient.identifier[0].value"]}],
"meta":{"source":"#«an(16)»","lastUpdated":"«ts('isooff')»"},"request":{"method":"PUT","url":"«URL('Patient?identifier=urn:oid:2.16.840.1.113883.3.' + str(ri(1000,9999)) + '|' + p.mrn)»"}}''')


@T("api_json")
def sms_provider_400(g):
    body = g.fill("Hi «p.first», this is «org()». Reminder: «c.fi» on «dw3(a1)» «D(a1,'md')» at «tod()». Reply C to confirm, R to reschedule.")
    return js(g, r'''{"code":«ch('21211','21408','21610','21614')»,"message":"The 'To' number «p.tel('e164')» is not a valid phone number.","more_info":"https://www.twilio.com/docs/errors/21211","status":«st(400)»,
"request":{"To":"«p.tel('e164')»","MessagingServiceSid":"MG«hx(32)»","Body":«J(body)»}}''', body=body)


@T("api_json")
def gql_partial_data(g):
    return js(g, r'''{"data":{"appointment":{"id":"«uuid()»","startsAt":"«tsr('isooff')»","client":{"name":"«p.full»","pronouns":"«ch('she/her','he/him','they/them')»","mobile":"«p.tel('dash')»"},"clinician":{"name":"«c.full»","npi":"«c.npi»"},"telehealthUrl":null}},
"errors":[{"message":"Zoom API responded 404: Meeting does not exist","path":["appointment","telehealthUrl"],"extensions":{"code":"UPSTREAM_NOT_FOUND","upstream":"zoom","status":«st(404)»}}]}''')


@T("api_json")
def guardian_validation(g):
    return js(g, r'''{"message":"The given data was invalid.","errors":{"guardian.phone":["The guardian.phone format is invalid."],"guardian.relationship":["The selected guardian.relationship is invalid."]},
"input":{"minor":{"first_name":"«k.first»","last_name":"«k.last»","dob":"«k.dob('us')»","school":"«ch('Roosevelt Middle','Lincoln Elementary','the charter academy')»"},"guardian":{"name":"«r.full»","relationship":"aunt/legal guardian","phone":"«P(r._phone[:9], 'PHONE')»","alt_phone":"«r.tel2()»","email":"«r.email»"}}}''')


@T("api_json")
def apigw_error(g):
    return js(g, r'''{"message":"Internal server error","requestContext":{"requestId":"«uuid()»","stage":"prod","resourcePath":"/portal/{username}/documents","path":"«URL('/prod/portal/' + p.user + '/documents')»","httpMethod":"POST","identity":{"sourceIp":"«p.ip»","userAgent":"«ch('Mozilla/5.0 (Windows NT 10.0; Win64; x64)','Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3)')»"},"requestTimeEpoch":«ts('epochms')»},
"errorType":"«exc('Runtime.UnhandledPromiseRejection')»","errorMessage":"S3 PutObject AccessDenied for key uploads/«p.user»/«ri(1000,9999)».pdf"}''')


@T("api_json")
def jsonapi_ssn(g):
    return js(g, r'''{"errors":[
{"status":"«st(422)»","code":"invalid_ssn","title":"Invalid Attribute","detail":"ssn failed checksum rules","source":{"pointer":"/data/attributes/ssn"},"meta":{"value":"«p.ssn()»"}},
{"status":"422","code":"blank","title":"Invalid Attribute","detail":"emergency-contact-phone can't be blank","source":{"pointer":"/data/attributes/emergency-contact-phone"},"meta":{"value":""}}],
"meta":{"client":"«p.lf»","dob":"«p.dob('usd')»","intake-id":"«uuid()»"}}''')


@T("api_json")
def smarty_address(g):
    return js(g, r'''[{"input_index":0,"input_id":"«uuid()»","errors":["«ch('address not found','ambiguous address','missing secondary number')»"],
"input":{"street":"«p.addr»","city":"«p.city»","state":"«p.st»","zipcode":"«p.zip»","addressee":"«p.full»"},
"analysis":{"dpv_match_code":"«ch('N','S','D')»","dpv_footnotes":"AAM1","enhanced_match":"none"}}]''')


@T("api_json")
def nemt_booking(g):
    return js(g, r'''{"error":"VEHICLE_NOT_CREDENTIALED","message":"Vehicle «d.vin» is not credentialed with «payer()» for NEMT trips","trip":{"rider":"«p.full»","medicaid_id":"«p.member»","pickup":{"address":"«p.addr»","city":"«p.city»","zip":"«p.zip»"},"appointment_date":"«D(a1,'us')»","dropoff":"«org()»"},
"assigned":{"driver":"«d.full»","driver_phone":"«d.tel('dash')»","plate":"«d.plate»"}}''')


@T("api_json")
def device_register(g):
    return js(g, r'''{"status":«st(409)»,"error":"DEVICE_ALREADY_ENROLLED","detail":"IMEI «p.imei('plain')» is enrolled for remote monitoring under another client",
"device":{"serial":"«p.serial»","model":"«ch('Apple Watch Series 9','Oura Ring Gen3','Fitbit Charge 6','Dexcom G7')»","mac":"«p.mac»"},
"enrolled_client":{"name":"«q.full»","chart":"«q.mrn»"},"requested_for":{"name":"«p.full»","dob":"«p.dob('iso')»"}}''')


@T("api_json")
def gql_old_age_bad_input(g):
    return js(g, r'''{"errors":[{"message":"Invalid value for argument \"age\": «o.age_n» exceeds maximum of 89 for PHQ-A normative scoring","extensions":{"code":"BAD_USER_INPUT","argumentName":"age","argumentValue":«o.age90('raw')»}}],
"variables":{"clientId":"«uuid()»","instrument":"PHQ-9","age":«o.age_n»,"client":"«o.full»","dob":"«o.dob('us')»"}}''')


@T("api_json")
def rest_eligibility_clearing(g):
    return js(g, r'''{"status":"rejected","controlNumber":"«ri(100000000,999999999)»","payer":{"name":"«payer()»","id":"«ch('60054','62308','87726','00710','SX107')»"},
"subscriber":{"memberId":"«p.member»","groupNumber":"«p.group»","firstName":"«p.FIRST»","lastName":"«p.LAST»","dateOfBirth":"«p.dob('hl7')»","gender":"«p.sex»","address":{"address1":"«p.ADDR»","city":"«p.CITY»","state":"«p.st»","postalCode":"«p.zip»"}},
"errors":[{"field":"AAA","code":"«ch('72','73','75','76')»","description":"«ch('Invalid/Missing Subscriber/Insured ID','Invalid/Missing Subscriber/Insured Name','Subscriber/Insured Not Found','Duplicate Subscriber/Insured ID Number')»","followupAction":"Please Correct and Resubmit"}]}''')


@T("api_json")
def eap_authorization(g):
    return js(g, r'''{"error":"AUTH_EXPIRED","message":"EAP authorization expired before first session","eap_case":{"case_id":"«uuid()»","vendor":"«ch('ComPsych','Lyra','Magellan EAP','Carelon EAP')»","employer_plan":"«ch('GuidanceResources','Employee Assistance Program')»","employee":{"name":"«r.full»","employee_id":"«r.empid»","work_email":"«r.email»"},"client":{"name":"«p.full»","relationship":"«ch('dependent','spouse','self')»","dob":"«p.dob('iso')»"},"sessions_authorized":«ri(3,8)»,"authorized_through":"«D(a1,'iso')»"},"clinician":{"name":"«c.full»","license":"«c.lic»"}}''')


# --- clean ---
@T("api_json", clean=True)
def c_gql_persisted(g):
    return js(g, r'''{"errors":[{"message":"PersistedQueryNotFound","extensions":{"code":"PERSISTED_QUERY_NOT_FOUND","persistedQuery":{"version":1,"sha256Hash":"«sha(64)»"}}}],
"extensions":{"tracing":{"version":1,"startTime":"«ts('isoms')»","duration":«ri(100000,9000000)»},"requestId":"«rid()»"}}''')


@T("api_json", clean=True)
def c_rate_limited(g):
    return js(g, r'''{"status":«st(429)»,"error":"rate_limited","message":"Too many requests for tenant «uuid()»; limit «cnt(100,600)» per «ch('minute','10s','hour')»","retry_after_ms":«ri(500,60000)»,"path":"«K('/v1/clients/' + str(ri(1000,99999)) + '/appointments', 'route')»","service":"«svc()»","version":"«ver()»"}''')


@T("api_json", clean=True)
def c_schema_masked(g):
    return js(g, r'''{"error":"ValidationError","details":[{"loc":["body","client","date_of_birth"],"msg":"field required","type":"value_error.missing"},{"loc":["body","client","phone"],"msg":"value is not a valid phone number","type":"value_error.phone","ctx":{"input":"«K('[REDACTED]','masked')»"}},{"loc":["body","client","email"],"msg":"value is not a valid email address","input":"«K('***','masked')»"}],"request_id":"«rid()»","schema_version":"«ver()»"}''')


@T("api_json", clean=True)
def c_upstream_503(g):
    return js(g, r'''{"error":{"code":«st(503)»,"status":"UNAVAILABLE","message":"upstream connect error or disconnect/reset before headers. reset reason: connection timeout","details":[{"@type":"type.googleapis.com/google.rpc.DebugInfo","detail":"«svc()».prod.svc.cluster.local:«port()» unhealthy for «dur()»"}]},"trace_id":"«trace()»","span_id":"«span()»","x-envoy-upstream-service-time":"«ri(1,30000)»"}''')


@T("api_json", clean=True)
def c_claims_summary(g):
    return js(g, r'''{"batch":"«uuid()»","submitted":«cnt(20,400)»,"accepted":«cnt(10,300)»,"rejected":[{"line":1,"cpt":"«cpt()»","icd10":"«icd()»","amount":"«amt()»","reason":"CO-16 claim lacks information"},{"line":2,"cpt":"«cpt()»","icd10":"«icd()»","amount":"«amt()»","reason":"CO-197 precertification absent"}],"payer":"«payer()»","generated_at":"«ts('isooff')»"}''')


# ============================ 3. Python tracebacks ============================
PYSITE = "/app/.venv/lib/python3.11/site-packages"


@T("py_trace")
def django_merge_locals(g):
    return g.fill('''Traceback (most recent call last):
  File "«PYSITE»/django/core/handlers/exception.py", line 55, in inner
    response = get_response(request)
  File "/app/clients/views.py", line «ri(100,400)», in merge_charts
    primary.merge_from(duplicate)
  File "/app/clients/models.py", line «ri(300,600)», in merge_from
    raise ChartMergeError(f"cannot merge {other!r} into {self!r}: open claims")
clients.exceptions.«exc('ChartMergeError')»: cannot merge <Patient: «p.lf» (id=«dbid()»)> into <Patient: «p.lfm» (id=«dbid()»)>: open claims

Local variables in merge_from:
  self        = <Patient: «p.lfm» (id=«ri(100,99999)»)>
  other       = <Patient: «p.lf» (id=«ri(100,99999)»)>
  other.mrn   = «R(p.mrn)»
  open_claims = <QuerySet [<Claim: «ri(10000,99999)» (CO-16)>, <Claim: «ri(10000,99999)» (pending)>]>
  request.user = <User: «s.wemail»>''', PYSITE=PYSITE)


@T("py_trace")
def pydantic_v2_intake(g):
    bad_email = g.P(g.people["r"]._email.rsplit(".", 1)[0], "EMAIL")
    return g.fill('''pydantic_core._pydantic_core.«exc('ValidationError')»: 3 validation errors for IntakeSubmission
client.date_of_birth
  Input should be a valid date or datetime, invalid date separator, expected `-` [type=date_from_datetime_parsing, input_value=«R(p.dob(ch('us2','usn','eus')))», input_type=str]
    For further information visit https://errors.pydantic.dev/2.6/v/date_from_datetime_parsing
client.phone
  Value error, not a valid US phone number [type=value_error, input_value=«R(P(p._phone[:3] + '-' + p._phone[3:6] + '-' + p._phone[6:9], 'PHONE'))», input_type=str]
emergency_contact.email
  value is not a valid email address: The part after the @-sign is not valid. It should have a period. [type=value_error, input_value=«R(bad)», input_type=str]''', bad=bad_email)


@T("py_trace")
def sentry_event_vars(g):
    ctx = g.fill("{'first_name': «R(p.first)», 'clinician': «R('Dr. ' + c.last)», 'when': «R(dw3(a1) + ' ' + D(a1,'md') + ' ' + tod())», 'clinic': «R(org())»}")
    return js(g, r'''{"event_id":"«hx(32)»","level":"error","platform":"python","release":"calliope-notify@«ver()»","environment":"production",
"exception":{"values":[{"type":"«exc('TwilioRestException')»","value":"HTTP 400 error: Unable to create record: The 'To' number «p.tel('e164')» is not a valid phone number.","module":"twilio.base.exceptions",
"stacktrace":{"frames":[{"filename":"notify/tasks.py","function":"send_reminder","lineno":«ri(40,200)»,"vars":{"appt":"<Appointment id=«ri(10000,99999)» status='booked'>","to_number":«J(R(p.tel('e164')))»,"ctx":«J(ctx)»}}]}}]},
"tags":{"celery_task":"notify.send_reminder","server_name":"«pod('calliope-notify')»"}}''', ctx=ctx)


@T("py_trace")
def dataclass_repr_jinja(g):
    return g.fill('''Traceback (most recent call last):
  File "/srv/vesta/docs/render.py", line «ri(40,160)», in render_superbill
    html = tpl.render(record=record, clinic=clinic)
  File "«PYSITE»/jinja2/environment.py", line 1301, in render
    self.environment.handle_exception()
  File "templates/superbill.html.j2", line «ri(10,90)», in top-level template code
    {{ record.guarantor.name }}
jinja2.exceptions.«exc('UndefinedError')»: 'PatientRecord object' has no attribute 'guarantor'

record = PatientRecord(id=«dbid()», mrn=«R(p.mrn)», first_name=«R(p.first)», last_name=«R(p.last)», dob=datetime.date(«p.dob('pyd')»), ssn=«R(p.ssn())», phone=«R(p.tel('dash'))», address=Address(line1=«R(p.line1)», line2=«R(p.line2)», city=«R(p.city)», state=«R(p.st)», zip=«R(p.zip)»), payer=«R(payer())»)''', PYSITE=PYSITE)


@T("py_trace")
def csv_keyerror_row(g):
    return g.fill('''ERROR «ts('py')» importer.roster Row «ri(2,400)» of «ch('waitlist_export.csv','roster_march.csv','referrals.csv')» failed
Traceback (most recent call last):
  File "/app/importer/roster.py", line «ri(80,200)», in import_rows
    dob = parse_dob(row["DOB"])
«exc('KeyError')»: 'DOB'

row = {'Last Name': «R(p.last)», 'First Name': «R(p.first)», 'D.O.B.': «R(p.dob('us'))», 'Cell': «R(p.tel('paren'))», 'Insurance ID': «R(p.member)», 'Clinician': «R(c.lf)», 'Notes': «R(ch('prefers evenings','needs Spanish-speaking clinician','court-ordered','referred by PCP'))»}''')


@T("py_trace")
def celery_smtp_refused(g):
    return g.fill('''[«ts('py')»: ERROR/ForkPoolWorker-«ri(1,16)»] Task notify.tasks.send_intake_packet[«uuid()»] raised unexpected: SMTPRecipientsRefused({«R(p.email)»: (550, b'5.1.1 <«p.email»>: Recipient address rejected: User unknown in virtual mailbox table')})
Traceback (most recent call last):
  File "«PYSITE»/celery/app/trace.py", line 477, in trace_task
    R = retval = fun(*args, **kwargs)
  File "/app/notify/tasks.py", line «ri(50,250)», in send_intake_packet
    smtp.send_message(msg)
  File "/usr/local/lib/python3.11/smtplib.py", line 986, in send_message
    return self.sendmail(from_addr, to_addrs, flatmsg, mail_options,
smtplib.«exc('SMTPRecipientsRefused')»
args: («dbid()»,) kwargs: {'to': «R(p.email)», 'mrn': «R(p.mrn)», 'patient_name': «R(p.full)», 'dob': «R(p.dob('iso'))», 'packet': 'adult_intake_v3'}''', PYSITE=PYSITE)


@T("py_trace")
def sqlalchemy_unique_ssn(g):
    return g.fill('''sqlalchemy.exc.«exc('IntegrityError')»: (psycopg2.errors.UniqueViolation) duplicate key value violates unique constraint "uq_patients_ssn"
DETAIL:  Key (ssn)=(«p.ssn('dash')») already exists.

[SQL: INSERT INTO patients (first_name, last_name, ssn, dob, email, created_at) VALUES (%(first_name)s, %(last_name)s, %(ssn)s, %(dob)s, %(email)s, now()) RETURNING patients.id]
[parameters: {'first_name': «R(p.first)», 'last_name': «R(p.last)», 'ssn': «R(p.ssn('dash'))», 'dob': datetime.date(«p.dob('pyd')»), 'email': «R(p.email)»}]
(Background on this error at: https://sqlalche.me/e/20/gkpj)''')


@T("py_trace")
def logging_stripe_reconcile(g):
    return g.fill('''ERROR «ts('py')» billing.stripe_sync [«svc()»] Could not reconcile charge ch_«an(24)» for account «p.acct» («p.lf»): amount mismatch «amt()» != «amt()»
Traceback (most recent call last):
  File "/app/billing/stripe_sync.py", line «ri(100,300)», in reconcile
    assert charge.amount == invoice.total_cents, (charge.amount, invoice.total_cents)
«exc('AssertionError')»: («ri(1000,30000)», «ri(1000,30000)»)
  locals: invoice=<Invoice #«ri(10000,99999)» «p.lf» dos=«D(a1,'iso')» cpt=«cpt()»>, card_last_holder=«R(p.full)»''')


@T("py_trace")
def marshmallow_errors(g):
    return g.fill('''marshmallow.exceptions.«exc('ValidationError')»: {'guardian': {'phone': ['Not a valid phone number.'], 'email': ['Not a valid email address.']}, 'client': {'dob': ['Not a valid date.']}}
  data = {'client': {'name': «R(k.full)», 'dob': «R(k.dob('eus'))», 'grade': «R(str(ri(1,12)))»}, 'guardian': {'name': «R(r.full)», 'phone': «R(r.tel('sp'))», 'email': «R(P(r._email.replace('@', ' (at) '), 'EMAIL'))»}}
  schema = <MinorIntakeSchema(many=False)>''')


@T("py_trace")
def unicode_encode_name(g):
    p = g.people["p"]
    while True:
        recult(g, "p", g.rng.choice(["vietnamese", "polish", "vietnamese"]))
        try:
            (p._g + " " + p._s).encode("latin-1")
        except UnicodeEncodeError:
            break
    return g.fill('''Traceback (most recent call last):
  File "/srv/atlas/fax/cover.py", line «ri(30,120)», in build_cover
    pdf.cell(0, 10, f"RE: {patient.display_name}  DOB: {patient.dob:%m/%d/%Y}")
  File "«PYSITE»/fpdf/fpdf.py", line 1«ri(100,999)», in cell
    txt = txt.encode("latin-1")
«exc('UnicodeEncodeError')»: 'latin-1' codec can't encode character in position «ri(4,20)»: ordinal not in range(256)

  patient.display_name = «R(p.full)»
  patient.dob = datetime.date(«p.dob('pyd')»)
  fax_to = «R(c.fax('dash'))»''', PYSITE=PYSITE)


@T("py_trace")
def age_norms_locals(g):
    return g.fill('''Traceback (most recent call last):
  File "/app/measures/scoring.py", line «ri(40,200)», in t_score
    row = NORMS[instrument][age_band(age)]
  File "/app/measures/scoring.py", line «ri(10,39)», in age_band
    raise ValueError(f"no norm band for age {age}")
«exc('ValueError')»: no norm band for age «o.age_n»

Local variables:
  client_id  = «dbid()»
  client     = «R(o.lf)»
  dob        = datetime.date(«o.dob('pyd')»)
  age        = «o.age90('raw')»
  instrument = 'GDS-15'
  administered = «R(D(a1,'iso'))»''')


@T("py_trace")
def pydantic_age_cap(g):
    return g.fill('''ERROR «ts('py')» measures.api POST /measures/gds15 -> 422
pydantic_core._pydantic_core.«exc('ValidationError')»: 1 validation error for GeriatricScreen
age
  Input should be less than or equal to 89 [type=less_than_equal, input_value=«o.age90('raw')», input_type=int]
    For further information visit https://errors.pydantic.dev/2.6/v/less_than_equal
  client = <Client: «o.lf» (id=«dbid()»)>  dob = datetime.date(«o.dob('pyd')»)  clinician = «R(c.full)»''')


@T("py_trace")
def sentry_breadcrumbs(g):
    return g.fill('''Sentry issue «ch('PORTAL','INTAKE','SCHED')»-«ri(100,999)»: «exc('IntegrityError')» in clients.api.update_contact
Breadcrumbs:
  «ts('time')»  http      GET «K('/api/clients/' + str(ri(1000,99999)), 'route')» [200]
  «ts('time')»  query     SELECT ... FROM clients WHERE email = %s  -- params: («R(p.email)»,)
  «ts('time')»  log       updating contact for «p.fml»: phone «p.tel('dot')» -> «p.tel2('dot')»
  «ts('time')»  navigation  «URL('/portal/u/' + p.user + '/profile')» -> /portal/u/«p.user»/profile/edit
  «ts('time')»  http      PATCH /api/clients/«ri(1000,99999)»/contact [500]
User: id=«dbid()» username=«p.user» ip_address=«p.ip»''')


@T("py_trace")
def pydantic_v1_list(g):
    return g.fill('''«exc('ValidationError')»(model='ReferralIn', errors=[{'loc': ('patient', 'zip'), 'msg': 'string does not match regex "^\\\\d{5}(-\\\\d{4})?$"', 'type': 'value_error.str.regex'}, {'loc': ('referring_provider', 'taxonomy'), 'msg': 'taxonomy code has trailing whitespace', 'type': 'value_error'}])
  referral = {'patient': {'name': «R(p.full)», 'dob': «R(p.dob('usn'))», 'zip': «R(p.city)», 'phone': «R(p.tel())»}, 'referring_provider': {'name': «R(c.full)», 'npi': «R(c.npi)», 'taxonomy': '2084P0800X ', 'fax': «R(c.fax('paren'))»}, 'reason': «R(icd() + ' r/o ' + icd())»}''')


@T("py_trace")
def requests_fax_http(g):
    return g.fill('''requests.exceptions.«exc('HTTPError')»: 422 Client Error: Unprocessable Entity for url: https://api.«ch('sfax','efax','documo')».example/v2/faxes
  File "/srv/atlas/fax/client.py", line «ri(40,200)», in send
    resp.raise_for_status()
  payload = {'to': «R(c.fax('e164'))», 'cover': {'to_name': «R(c.full)», 'from_name': «R(s.full)», 'subject': «R('Records request - ' + p.lf + ' DOB ' + p.dob('us'))»}, 'pages': «ri(2,30)»}
  resp.text = '{"error":"invalid_recipient","detail":"number not fax-capable"}'
''')


@T("py_trace")
def group_roster_assert(g):
    return g.fill('''Traceback (most recent call last):
  File "/app/groups/attendance.py", line «ri(40,200)», in close_session
    assert len(present) <= session.capacity, present
«exc('AssertionError')»: [<Patient: «p.lf» (id=«ri(100,99999)»)>, <Patient: «q.lf» (id=«ri(100,99999)»)>, <Patient: «k.lf» (id=«ri(100,99999)»)>]

  session = <GroupSession: DBT skills «D(a1,'iso')» facilitator=«c.fi»>
  session.capacity = «ri(1,2)»''')


@T("py_trace")
def geocode_keyerror(g):
    return g.fill('''WARNING «ts('py')» scheduling.geo home-visit routing skipped for client «p.mrn»
Traceback (most recent call last):
  File "/app/scheduling/geo.py", line «ri(20,200)», in distance_to_clinic
    lat, lng = result["results"][0]["geometry"]["location"].values()
«exc('IndexError')»: list index out of range
  address = «R(p.where())»
  result = {'results': [], 'status': 'ZERO_RESULTS'}''')


# --- clean ---
@T("py_trace", clean=True)
def c_psycopg_connect(g):
    return g.fill('''Traceback (most recent call last):
  File "«PYSITE»/django/db/backends/base/base.py", line 289, in ensure_connection
    self.connect()
  File "«PYSITE»/psycopg2/__init__.py", line 122, in connect
    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)
psycopg2.«exc('OperationalError')»: connection to server at "«host()»", port «K(ch('5432','6432'),'port')» failed: Connection refused
	Is the server running on that host and accepting TCP/IP connections?

  attempt = «ri(1,5)»
  settings.DATABASES['default']['NAME'] = 'practice_prod'
  release = «R(ver())»''', PYSITE=PYSITE)


@T("py_trace", clean=True)
def c_pydantic_masked(g):
    return g.fill('''pydantic_core._pydantic_core.«exc('ValidationError')»: 2 validation errors for ReminderPayload
to
  String should match pattern '^\\+1\\d{10}$' [type=string_pattern_mismatch, input_value=«R(K('***', 'masked'))», input_type=str]
appointment_id
  Input should be a valid UUID, invalid length: expected length 32 for simple format, found «ri(5,12)» [type=uuid_parsing, input_value=«R(str(ri(10000,999999)))», input_type=str]
    For further information visit https://errors.pydantic.dev/2.6/v/uuid_parsing''')


@T("py_trace", clean=True)
def c_settings_keyerror(g):
    return g.fill('''Traceback (most recent call last):
  File "/app/config/settings.py", line «ri(20,200)», in <module>
    TWILIO_AUTH_TOKEN = os.environ["TWILIO_AUTH_TOKEN"]
  File "<frozen os>", line 679, in __getitem__
«exc('KeyError')»: 'TWILIO_AUTH_TOKEN'

  DEPLOY_SHA = «R(sha())»
  POD = «R(pod())»
  SENTRY_ENVIRONMENT = 'production'  SENTRY_TRACES_SAMPLE_RATE = 0.«ri(1,9)»
''')


@T("py_trace", clean=True)
def c_celery_retry(g):
    return g.fill('''[«ts('py')»: WARNING/ForkPoolWorker-«ri(1,16)»] Task billing.tasks.submit_batch[«uuid()»] retry: Retry in «ri(10,600)»s: «exc('ConnectTimeout')»(MaxRetryError("HTTPSConnectionPool(host='sftp.clearinghouse.example', port=«port()»): Max retries exceeded"))
[«ts('py')»: INFO/MainProcess] Task billing.tasks.submit_batch[«uuid()»] received
  batch_id = «R(uuid())»  claims = «cnt(10,400)»  cpt_mix = {'«cpt()»': «cnt(1,90)», '«cpt()»': «cnt(1,90)»}''')


@T("py_trace", clean=True)
def c_disallowed_host(g):
    return g.fill('''ERROR «ts('py')» django.security.DisallowedHost Invalid HTTP_HOST header: '«host()»:«port()»'. You may need to add '«host()»' to ALLOWED_HOSTS.
Traceback (most recent call last):
  File "«PYSITE»/django/http/request.py", line 151, in get_host
    raise «exc('DisallowedHost')»(msg)
  request = <WSGIRequest: GET '/healthz'>  user_agent = 'kube-probe/1.29'  pod = «R(pod())»''', PYSITE=PYSITE)


# ============================ 4. e-mail and SMS bodies ========================
def b64(g, n):
    return "".join(g.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(n))


def recult(g, key, cult):
    p = g.people[key]
    p.cult = cult
    p._g, p._s = g.rng.choice(GIVEN[cult]), g.rng.choice(SURNAME[cult])
    p._m = g.rng.choice(MIDDLE[cult]) if cult in MIDDLE else None
    f = g.rng.choice(INTL_PHONE[cult])
    p._intl = re.sub(r"\{(\d)\}", lambda m: rand_digits(g.rng, int(m.group(1))), f)
    p._mi = ascii_fold(p._m)[0].upper() if p._m else None
    p._derive_contact(g.rng)
    return p


def asciify(g, *keys):
    for k in keys:
        p = g.people[k]
        p._g, p._s = ascii_fold(p._g), ascii_fold(p._s)
        p._m = ascii_fold(p._m) if p._m else None
        p._derive_contact(g.rng)


@T("mail_sms")
def bounce_postfix_qp(g):
    asciify(g, "p", "c")
    cd = g.clinic[1]
    return g.fill('''Return-Path: <>
Date: «ts('rfc2822')»
From: MAILER-DAEMON (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
Auto-Submitted: auto-replied
Content-Type: multipart/report; report-type=delivery-status; boundary="«hx(10)».«ri(1000000000,1999999999)»/mx2"

This is the mail system at host mx2.«cd».

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

<«p.email»>: host «ch('gmail-smtp-in.l.google.com','mta7.am0.yahoodns.net','outlook-com.olc.protection.outlook.com')» said: 550 5.1.1
    <«p.email»>: Recipient address rejected: User unknown (in reply to RCPT TO command)

--«hx(10)»
Content-Type: message/rfc822

DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=«cd»; s=s«ri(1,3)»; h=from:to:subject:date:message-id; bh=«b64(g,43)»=; b=«b64(g,60)»
	«b64(g,70)»
Message-ID: «mid()»
To: "«p.full»" <«p.email»>
Subject: Reminder: your appointment on «D(a1,'monY')»
Content-Transfer-Encoding: quoted-printable

Hi «p.first»,

This is a friendly reminder of your appointment with «c.title» on =
«dow(a1)», «D(a1,'long')» at «tod()». Please complete check-in before you arri=
ve: https://portal.«cd»/checkin?appt=3D«hx(12)»&src=3Demail
''', cd=cd, b64=b64)


@T("mail_sms")
def twilio_status_params(g):
    body = g.fill("Hi «p.first», «org()» here. Reminder: «ch('your appt','your session','telehealth visit')» w/ «c.fi» «dw3(a1)» «D(a1,'md')» @ «tod()». Reply C to confirm or call «s.tel('paren')».")
    return g.fill('''Started POST "/webhooks/twilio/status" for «host()» at «ts('rails')»
Processing by Webhooks::TwilioController#status as */*
  Parameters: {"SmsSid"=>"SM«hx(32)»", "SmsStatus"=>"undelivered", "MessageStatus"=>"undelivered", "To"=>"«p.tel('e164')»", "ErrorCode"=>"«ch('30003','30005','30006','30007')»", "Body"=>«J(body)»}
Completed 500 Internal Server Error in «ri(5,900)»ms (ActiveRecord: «ri(1,90)».«ri(0,9)»ms)
«exc('NoMethodError')» (undefined method `patient' for nil:NilClass):''', body=body)


@T("mail_sms")
def arf_auth_failure(g):
    asciify(g, "p")
    cd = g.clinic[1]
    return g.fill('''Subject: FW: Report domain: «cd» Submitter: google.com Report-ID: <«ri(10**18, 10**19)»>
Content-Type: message/feedback-report

Feedback-Type: auth-failure
User-Agent: Google-Feedback/1.0
Version: 1
Auth-Failure: dkim
Original-Envelope-Id: «hx(16)»
Delivery-Result: reject
DKIM-Domain: «cd»
DKIM-Selector: s«ri(1,3)»

Original headers:
From: «org()» <no-reply@«cd»>
To: «p.email»
Subject: Your intake packet for «D(a1,'mon')»
X-Patient-Ref: «p.mrn»
Date: «ts('rfc2822')»
''', cd=cd)


@T("mail_sms")
def reminder_html_qp(g):
    asciify(g, "p", "c")
    cd = g.clinic[1]
    return g.fill('''--- captured by calliope-notify (send failed: «exc('SMTPDataError')» 552 message size exceeds fixed limit) ---
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

<p style=3D"font-family:Arial">Hello «p.first»,</p>
<p>Your «ch('intake','follow-up','medication check')» appointment with «c.title» is on <b>«D(a1,'longnoy')»</b> at =
«tod()». <a href=3D"«URL('https://portal.' + cd + '/u/' + p.user + '/appointments')»">View or reschedule</a>.</p>
<p>If you need directions, we have you at «p.where('comma')» =E2=80=94 reply=
 to update.</p>
<img src=3D"https://t.«cd»/o/«hx(24)».gif" width=3D"1" height=3D"1">
''', cd=cd)


@T("mail_sms")
def forwarded_patient_email(g):
    return g.fill('''---------- Forwarded message ---------
From: «p.full» <«p.email»>
Date: «ts('rfc2822')»
Subject: Re: paperwork
To: «s.wemail»

hi sorry i couldnt get the portal to work. my DOB is «p.dob(ch('usn','us2','long'))» and my insurance is «payer()» member id «p.member». my new address is «p.where()». can you also send the superbill for «D(a1,'md')» to my email thx
-- 
Sent from my «ch('iPhone','Galaxy','phone')»

[zendesk] ticket «ticket()» auto-created; attachment scan failed: «exc('ClamdTimeoutError')»''')


@T("mail_sms")
def exchange_ndr_clinician(g):
    return g.fill('''Delivery has failed to these recipients or groups:

«c.wemail» («c.full»)
The recipient's mailbox is full and can't accept messages now. Please try resending this message later, or contact the recipient directly.

Diagnostic information for administrators:
Generating server: «ch('BY5PR04MB','SA1PR12MB','CH3PR19MB')»«ri(1000,9999)».namprd04.prod.outlook.com
«c.wemail»
Remote Server returned '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded'

Original message headers:
Subject: [secure] Referral: «p.lf», DOB «p.dob('us')», «icd()»
X-MS-Exchange-Organization-SCL: -1
Message-ID: «mid()»''')


@T("mail_sms")
def password_reset_mail(g):
    cd = g.clinic[1]
    return g.fill('''[postmark] Bounce «ri(100000000,999999999)» type=HardBounce inactive=true
To: «p.email»
Tag: password-reset
Subject: Reset your «org()» portal password

Hi «p.first»,
We received a request to reset the password for portal username «p.user».
Reset link (expires in 30 minutes): «URL('https://portal.' + cd + '/reset?u=' + p.user + '&t=' + hx(32))»
If you didn't ask for this, call us at the front desk.''', cd=cd)


@T("mail_sms")
def mass_sms_failures(g):
    return g.fill('''Bulk SMS job «jobid()» («ch('group reminders','DBT skills group','Tuesday IOP')») finished with «cnt(2,4)» failures:
  «p.tel('dash')»  «p.fl1»     30006 landline or unreachable carrier
  «q.tel('paren')»  «q.fl1»     30003 unreachable handset
  «k.tel('e164')»  «k.fl1»     21610 recipient replied STOP
Message: "Reminder: «ch('DBT skills','Seeking Safety','grief support')» group meets «dow(a1)» «D(a1,'md')» at «tod()» in Room «ri(1,12)». Reply STOP to opt out."
sent=«cnt(8,40)» delivered=«cnt(5,30)» elapsed=«dur()»''')


@T("mail_sms")
def spanish_reminder(g):
    asciify(g, "c")
    return g.fill('''[calliope-notify] render ok, send failed: «exc('SMTPServerDisconnected')»('Connection unexpectedly closed')
Para: «p.email»
Asunto: Recordatorio de su cita – «org()»

Estimado/a «p.fmid»:
Le recordamos su cita con «c.title» el «dia(a1)» «D(a1,'esn')» a las «tod()».
Si necesita cambiar la cita, llame al «s.tel('paren')» o responda a este correo.
Fecha de nacimiento en archivo: «p.dob('eus')»''')


@T("mail_sms")
def voicemail_transcript(g):
    return g.fill('''New voicemail from «p.tel(ch('paren','one','intl'))» («ch('Wireless Caller','unknown','V' + str(ri(100,999)))») — «ri(20,110)» seconds
Mailbox: «ch('Intake','Front Desk','On-call')» (ext «ri(200,299)»)
Transcription (confidence «ri(60,93)»%):
"hi yes this is «p.full» um my date of birth is «p.dob('words')» I'm calling because I need to move my appointment on «D(a1,'ordm')» I can't get a ride um you can call me back at this number or my «ch('sister','husband','daughter')» «r.first» at «r.tel('sp')» thank you"
Delivered to: «s.wemail»  Transcription engine: «ver()»''')


@T("mail_sms")
def sendgrid_events(g):
    return js(g, r'''[{"email":"«p.email»","event":"bounce","reason":"550 5.1.1 The email account that you tried to reach does not exist.","sg_event_id":"«an(22)»","sg_message_id":"«an(22)».filter«ri(1000,9999)»","timestamp":«ts('epoch')»,"type":"bounce","patient_name":"«p.full»","chart":"«p.mrn»","appointment":"«D(a1,'iso')»","category":["reminder"]},
{"email":"«q.email»","event":"dropped","reason":"Bounced Address","sg_event_id":"«an(22)»","timestamp":«ts('epoch')»,"patient_name":"«q.full»","appointment":"«D(a2,'iso')»","category":["reminder"]}]''')


@T("mail_sms")
def viet_sms_reply(g):
    o = g.people["o"]
    o._g, o._s = g.rng.choice(GIVEN["vietnamese"]), g.rng.choice(SURNAME["vietnamese"])
    o._m = g.rng.choice(["Thị", "Ngọc", "Văn"])
    recult(g, "r", "vietnamese")
    return g.fill('''Inbound SMS could not be matched to a client (from «r.intl»):
"Chào chị, em là «r.first», con gái của bà «o.vnfull». Mẹ em «o.age90('raw')» tuổi rồi, không đi được ngày «D(a1,'vi')». Xin đổi lịch qua tuần sau. Số của em «r.tel('dash')». Cảm ơn"
routing: «ch('front desk','intake queue')»  match_attempt=phone,dob  candidates=0  message_sid=SM«hx(32)»''')


@T("mail_sms")
def sms_reply_address(g):
    return g.fill('''[mercury-sms] inbound from «r.tel('e164')» → no open conversation, created task «ri(10000,99999)»
Body: "This is «k.first»'s «ch('mom','dad','grandma','foster mom')» «r.full». «k.first» moved in with me, please update address to «r.where('nocomma')». «ch('Her','His','Their')» new cell is «k.tel2('dot')». Also «k.first» turns «ch('12','13','14')» on «D(k.dob_d.replace(year=2000),'longnoy')» so we need the teen consent form"
MessagingServiceSid=MG«hx(32)» NumMedia=0''')


# --- clean ---
@T("mail_sms", clean=True)
def c_sms_unrendered(g):
    return g.fill('''«exc('TemplateRenderError')» in template reminder_24h («ver()»): undefined variable 'client.preferred_name'
Rendered preview:
"Hi {{client.preferred_name}}, this is {{clinic.name}}. Reminder: your appointment with {{clinician.display_name}} on {{appointment.date | date: '%a %-m/%-d'}} at {{appointment.time}}. Reply C to confirm."
segments=«ri(1,3)» encoding=GSM-7 job=«jobid()» affected_appointments=«cnt(3,400)»''')


@T("mail_sms", clean=True)
def c_alert_digest(g):
    return g.fill('''Subject: [«K('Hermes','service')» relay] «cnt(3,90)» reminder e-mails failed in the last hour («svc()»)
Date: «ts('rfc2822')»
X-Alert-Rule: notify-failure-rate > «ri(2,10)»%
Body:
  smtp 421 4.7.0 try again later ............ «cnt(1,60)»
  smtp 550 5.1.1 user unknown ............... «cnt(1,30)»
  template render errors .................... 0
  p95 send latency .......................... «dur()»
Runbook: https://wiki.internal/runbooks/notify-failures  Ticket: «ticket()»''')


@T("mail_sms", clean=True)
def c_smtp_tls(g):
    return g.fill('''«ts('syslog')» mx2 postfix/smtp[«ri(1000,40000)»]: «hx(10).upper()»: to=<«K('[REDACTED]','masked')»>, relay=none, delay=«ri(1,400)», delays=0.1/0/«ri(1,30)»/0, dsn=4.4.1, status=deferred (connect to relay.internal[«K('10.'+str(ri(0,250))+'.'+str(ri(0,250))+'.'+str(ri(1,250)),'host')»]:25: Connection timed out)
«ts('syslog')» mx2 postfix/qmgr[«ri(1000,40000)»]: «hx(10).upper()»: removed
«ts('syslog')» mx2 opendkim[«ri(1000,40000)»]: «hx(10).upper()»: key retrieval failed (s=s«ri(1,3)», d=mail.internal): query timed out''')


@T("mail_sms", clean=True)
def c_sms_carrier_stats(g):
    return js(g, r'''{"report":"carrier_delivery","window_start":"«ts('isoms')»","window_end":"«ts('isoms')»","messaging_service":"MG«hx(32)»","by_error":{"30003":«cnt(1,90)»,"30005":«cnt(1,40)»,"30006":«cnt(1,70)»,"30007":«cnt(0,20)»},"sent":«cnt(500,9000)»,"delivered_pct":9«ri(0,9)».«ri(0,9)»,"sample_recipient":"«K('+1**********','masked')»","generated_by":"«svc()»"}''')


# ============================ 5. CSV / TSV / fixed width =======================
def csvq(s):
    return '"%s"' % s.replace('"', '""') if ("," in s or '"' in s) else s


def pad(s, n):
    return s.ljust(n) if len(s) < n else s + " "


@T("tabular")
def csv_dob_dayfirst(g):
    p = g.people["p"]
    if p.dob_d.day <= 12:
        p.dob_d = p.dob_d.replace(day=p.dob_d.day + 13)
    fname = g.rng.choice(["clients_export_final.csv", "Intake Roster (2).csv", "waitlist.csv", "migration_batch_3.csv"])
    row = ",".join([csvq(p.last), csvq(p.first), p.dob("eus"), p.tel("dash"), p.email, csvq(g.fill("«c.lf»"))])
    return g.fill('''roster_import: «fname»: row «ri(2,900)»: invalid value «R(p.dob('eus'))» for column 'dob' (expected MM/DD/YYYY) — row skipped
  header: last_name,first_name,dob,phone,email,clinician
  row:    «row»
import run «uuid()»: «cnt(20,900)» ok, «cnt(1,19)» skipped, elapsed «dur()»''', fname=fname, row=row, csvq=csvq)


@T("tabular")
def tsv_waitlist(g):
    rows = []
    for key in ("p", "q", "k", "o"):
        rows.append(g.fill("\t".join(["«%s.lf»" % key, "«%s.dob('usn')»" % key, "«%s.tel('paren')»" % key,
                                      "«ch('self','PCP','ER follow-up','school','court')»" if key != "o" else
                                      "«o.age90(ch('yo','yr','yo2'))» homebound, PCP referral",
                                      "«ch('high','med','low')»", "«D(a%d,'usn')»" % g.rng.randint(1, 4)])))
    return g.fill('''Google Sheets append failed for spreadsheet «an(44,'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-')» (range 'Waitlist'!A:F): «st(429)» RESOURCE_EXHAUSTED — dumping batch
Name	DOB	Phone	Referral	Priority	Added
«body»
batch=4 rows, quota_user=«svc()»''', body="\n".join(rows))


@T("tabular")
def fixed_width_834(g):
    p = g.people["p"]
    line = (pad("INS", 5) + pad(g.fill("«p.member»"), 15) + pad(g.fill("«p.LAST»"), 17) + pad(g.fill("«p.FIRST»"), 13)
            + pad(p._mi or " ", 3) + pad(g.fill("«p.ssn('plain')»"), 10) + pad(g.fill("«p.dob('hl7')»"), 9) + pad(p.sex, 3) + pad(g.fill("«p.ADDR»"), 31)
            + pad(g.fill("«p.CITY»"), 21) + pad(p.st, 3) + g.fill("«p.zip»"))
    hdr = (pad("REC", 5) + pad("SUBSCRIBER-ID", 15) + pad("LAST-NAME", 17) + pad("FIRST-NAME", 13) + pad("MI", 3)
           + pad("SSN", 10) + pad("DOB", 9) + pad("SX", 3) + pad("ADDRESS-LINE-1", 31) + pad("CITY", 21) + pad("ST", 3) + "ZIP")
    return g.fill('''EDI834 FLAT FILE LOAD - REJECTED RECORDS   JOB «ch('ELG834D','MBRLOAD','ENRL01')»  RUN «build()»
«hdr»
«line»
*** ERR «ch('0417','0233','0581')» POS 064-071 «ch('DOB AFTER COVERAGE EFFECTIVE DATE','DOB INVALID FOR RELATIONSHIP CODE 19','DUPLICATE SUBSCRIBER')»
*** RECORDS READ «cnt(50000,99999)»  LOADED «cnt(100,49999)»  REJECTED «cnt(1,99)»''', hdr=hdr, line=line)


@T("tabular")
def excel_cells(g):
    row = g.rng.randint(3, 400)
    return g.fill('''openpyxl import: sheet «R(ch('Waitlist','Referrals','Sheet1','New Clients'))» row «row»: phone «R(P(p._phone[:3] + '-' + p._phone[3:6] + '-' + p._phone[6:9], 'PHONE'))» too short; row contents:
  A«row»=«R(p.full)»  B«row»=«R(p.dob('us2z'))»  C=«R(p.email)»  D=«R(ch('anxiety','ADHD eval','couples','grief','PTSD'))»  E=«R(c.fi)»  F=None  G=«R(p.mrn)»
workbook sha256=«sha(64)»  uploaded_by=«s.wemail»''', row=row)


@T("tabular")
def csv_unterminated(g):
    addr = g.fill("«p.addr»")
    return g.fill('''«exc('csv.Error')»: unexpected end of data - unterminated quoted field at line «ri(3,400)»
  raw: «R(p.last + ',' + p.first + ',"' + addr + ',' + p.city + ',' + p.st + ',' + p.zip)»
  next: «R(q.last + ',' + q.first + ',"' + q.line1 + '",' + q.city + ',' + q.st + ',' + q.zip9)»
source=sftp://«K('sftp.intake.internal','host')»/inbound/addresses_«ri(1,99)».csv size=«ri(1000,90000)»B''', addr=addr)


@T("tabular")
def billing_csv_mismatch(g):
    lines = []
    for key, a in (("p", "a1"), ("p", "a2"), ("q", "a3")):
        lines.append(g.fill("«%s.acct»,«csvq(%s.lf)»,«D(%s,'us')»,«cpt()»,«icd()»,«amt()»,«csvq(payer())»" % (key, key, a), csvq=csvq))
    return g.fill('''orion-billing reconcile: statement batch «uuid()» balance mismatch (expected «amt()», got «amt()»)
account,patient,dos,cpt,dx,charge,payer
«body»
diff rows: 2  job=«jobid()»''', body="\n".join(lines))


@T("tabular")
def pipe_referral(g):
    return g.fill('''HDR|REFERRAL|«ch('v2.1','v3.0')»|«ts('epoch')»
PAT|«p.LAST»|«p.FIRST»|«p.dob('hl7')»|«p.sex»|«p.tel('plain')»|«p.ADDR»|«p.CITY»|«p.st»|«p.zip»
PRV|«c.npi»|«c.dea»|«c.caret»|«c.fax('plain')»
DX|«icd()»|«icd()»
ERR|line 3|«ch('referring provider not credentialed with payer','PRV-4 fax unreachable','DEA schedule mismatch for controlled referral')»
parsed by talos-rx «ver()» in «dur()»''')


@T("tabular")
def roster_dupe_member(g):
    r = g.people["r"]
    p = g.people["p"]
    p._s = r._s
    p._member = r._member
    return g.fill('''member roster upload rejected: duplicate member_id «p.member» at rows «ri(2,40)» and «ri(41,90)»
subscriber_name,relationship,member_id,group_no,dob,payer
"«r.lf»",18,«r.member»,«r.group»,«r.dob('us')»,«payer()»
"«p.lf»",19,«p.member»,«r.group»,«p.dob('us')»,«payer()»
hint: dependents should carry suffix -01, -02 (payer policy «ch('BH-12','ELIG-7','834-R3')»)''')


@T("tabular")
def pandas_date_parse(g):
    q = g.people["q"]
    if q.dob_d.day <= 12:
        q.dob_d = q.dob_d.replace(day=q.dob_d.day + 13)
    w = max(len(g.people["p"]._s) + len(g.people["p"]._g), len(q._s) + len(q._g)) + 4
    return g.fill('''Traceback (most recent call last):
  File "/app/etl/load_outcomes.py", line «ri(20,200)», in <module>
    df["dob"] = pd.to_datetime(df["dob"], format="%m/%d/%Y")
«exc('ValueError')»: time data «R(q.dob('eus'))» doesn't match format "%m/%d/%Y", at position 1. You might want to try: passing `format='mixed'`
>>> df.head(2)
   client_id  «'name'.ljust(w)»  dob         phq9_total
0      «ri(1000,99999)»  «p.lf.ljust(w)»  «p.dob('us')»  «ri(0,27)»
1      «ri(1000,99999)»  «q.lf.ljust(w)»  «q.dob('eus')»  «ri(0,27)»''', w=w)


@T("tabular")
def nacha_return(g):
    p = g.people["p"]
    nm = (p._s + " " + p._g).upper()[:22].strip()
    g.P(nm, "NAME")
    return g.fill('''ACH return received for patient refund batch «ri(1000,9999)» — R03 No Account/Unable to Locate Account
entry 6 (PPD credit): trace=«rand_digits(g.rng, 15)» rdfi=«rand_digits(g.rng, 9)» dfi_account=«p.bank» amount=«amt()» individual_id=«p.acct» individual_name="«nm»"
addenda 799 R03 original_trace=«rand_digits(g.rng, 15)»
refund owed to «p.full» remains open; billing notified («s.wemail»)''', nm=nm, rand_digits=rand_digits)


@T("tabular")
def csv_cp1252_fallback(g):
    recult(g, "p", "mexican")
    p = g.people["p"]
    return g.fill('''WARN «ts('py')» importer: «exc('UnicodeDecodeError')»: 'utf-8' codec can't decode byte 0x«ch('e1','ed','f1','e9')» in position «ri(10,60)»: invalid continuation byte; retried as cp1252
line «ri(2,300)» (cp1252): «p.fmid»;«p.dob('eus')»;«p.intl»;«p.addr»;«p.city»;«p.st»
note: delimiter sniffed as ';' (Excel es-MX export)''')


@T("tabular")
def nemt_rides_csv(g):
    return g.fill('''nemt_manifest_«'%02d' % ri(1,31)».csv failed schema check: row 3 missing required column 'plate' (vendor «ch('ModivCare','MTM','SafeRide')»)
trip_id,rider,pickup_address,pickup_city,appt_date,driver,plate,vehicle_vin
«ri(100000,999999)»,«csvq(p.fi)»,«csvq(p.addr)»,«p.city»,«D(a1,'us')»,«csvq(d.full)»,«d.plate»,«d.vin»
«ri(100000,999999)»,«csvq(q.fi)»,«csvq(q.addr)»,«q.city»,«D(a2,'us')»,«csvq(r.full)»,,«r.vin»''', csvq=csvq)


@T("tabular")
def provider_roster(g):
    return g.fill('''credentialing sync: NPPES lookup mismatch for row «ri(2,60)» («c.lf») — taxonomy on file 101YP2500X, registry 103T00000X
npi,dea,state_license,name,fax,caqh
«c.npi»,«c.dea»,«c.lic»,«csvq(c.lf)»,«c.fax('dash')»,«ri(10000000,19999999)»
«c2.npi»,«c2.dea»,«c2.lic»,«csvq(c2.lf)»,«c2.fax('dash')»,«ri(10000000,19999999)»
source: «ch('CAQH ProView export','credentialing.xlsx','Availity roster')»  run «uuid()»''', csvq=csvq)


@T("tabular")
def uds_results_tsv(g):
    return g.fill('''lab-interface: «cnt(1,3)» UDS result rows could not be matched to an open order
MRN	Patient	Collected	Panel	Result
«p.mrn»	«p.LF»	«D(a1,'us')»	«ch('12-panel','ETG','fentanyl')»	«ch('NEG','POS buprenorphine','POS norbuprenorphine')»
«q.mrn»	«q.LF»	«D(a2,'us')»	«ch('12-panel','ETG')»	«ch('NEG','POS THC','DILUTE')»
lab=«ch('Quest','Labcorp','Millennium')» interface=«svc()» msg_ctrl=«ri(100000,999999)»''')


@T("tabular")
def fixed_width_claims(g):
    p = g.people["p"]
    line = (pad(g.fill("«p.acct»"), 14) + pad(g.fill("«p.LFnc»"), 26) + pad(g.fill("«p.dob('mmddyyyy')»"), 10)
            + pad(g.fill("«D(a1,'mmddyyyy')»"), 10) + pad(g.fill("«cpt()»"), 7) + pad(g.fill("«icd()»"), 9)
            + pad(g.fill("«p.member»"), 14) + g.fill("«p.ssn('plain')»"))
    return g.fill('''CLM-EXTRACT  «ch('PRACTICE','BH')» «'%03d' % ri(1,99)»   REJECT LISTING   PAGE 1
ACCT-NO       PATIENT-NAME              DOB       DOS       CPT    DX       MEMBER-ID     INSURED-SSN
«line»
   REASON: «ch('MEMBER ID NOT ON FILE','DOS BEFORE ELIGIBILITY','MISSING RENDERING NPI')»
TOTAL REJECTED: «cnt(1,40)»''', line=line)


@T("tabular")
def intl_student_roster(g):
    sid1 = g.P("S00" + rand_digits(g.rng, 7), "OTHER_ID")
    sid2 = g.P("S00" + rand_digits(g.rng, 7), "OTHER_ID")
    return g.fill('''campus counseling roster import: row 2 rejected — passport_no present but visa_type empty
student_id,last,first,passport_no,country,dob,campus_email
«sid1»,«csvq(p.last)»,«csvq(p.first)»,«p.passport»,«ch('KR','VN','NG','PH','UA','MX')»,«p.dob('iso')»,«p.email»
«sid2»,«csvq(q.last)»,«csvq(q.first)»,«q.passport»,«ch('KR','VN','NG','PH','UA','MX')»,«q.dob('iso')»,«q.email»
loaded=«cnt(10,300)» rejected=«cnt(1,9)» file_sha1=«sha(40)»''', sid1=sid1, sid2=sid2, csvq=csvq)


# --- clean ---
@T("tabular", clean=True)
def c_metrics_csv(g):
    rows = "\n".join(g.fill("«cpt()»,«cnt(1,400)»,«cnt(0,40)»,«amt()»,«ri(0,99)».«ri(0,9)»%") for _ in range(3))
    return g.fill('''export job «jobid()» produced an empty sheet 'by_payer' (continuing)
cpt,visits,no_shows,avg_allowed,denial_rate
«rows»
generated «ts('isooff')» by «K('Jasper','service')» report «R(ch('Weekly No-Shows','Payer Mix','Denials by CPT'))» «ver()»''', rows=rows)


@T("tabular", clean=True)
def c_fixed_trailer(g):
    return g.fill('''EDI834 LOAD CONTROL TOTALS  JOB ELG834D  RUN «build()»
BATCH-HDR  SEGMENTS «cnt(1000,99999)»  CHECKSUM «K(hx(8).upper(),'hash')»
BATCH-TRL  INS-COUNT «cnt(100,9999)»  REF-COUNT «cnt(100,9999)»  DMG-COUNT «cnt(100,9999)»
*** WARN 0090 TRAILER COUNT DIFFERS FROM HEADER BY «cnt(1,9)»
*** ELAPSED «dur()»  CPU «ri(0,59)».«ri(10,99)»S  RC=0004''')


@T("tabular", clean=True)
def c_masked_header(g):
    return g.fill('''roster_import: file has masked columns, nothing to import
last_name,first_name,dob,phone,email,member_id
«K('***','masked')»,«K('***','masked')»,XX/XX/XXXX,«K('[REDACTED]','masked')»,«K('[REDACTED]','masked')»,«K('<masked>','masked')»
rows=«cnt(10,900)» masked_rows=«cnt(10,900)» upload=«uuid()»''')


@T("tabular", clean=True)
def c_slot_util_tsv(g):
    rows = "\n".join(g.fill("%02d:00\t«cnt(0,30)»\t«cnt(0,30)»\t«ri(0,100)»%%" % h) for h in (8, 9, 10, 11))
    return g.fill('''kairos-calendar weekly utilisation (tz America/«ch('Chicago','Denver','Phoenix','New_York')»), week «ri(1,52)» — 2 clinics missing
hour	booked	open	util
«rows»
source query took «dur()»; cache key «sha(16)»''', rows=rows)


# ============================ 6. clinician free text ==========================
@T("freetext")
def intake_note_abbrev(g):
    return g.fill('''INTAKE NOTE - «org()»
Pt: «p.full»   DOB: «p.dob('us')»   MRN «p.mrn»
pt is «p.age» y/o «ch('F','M','NB')» referred by «c.title» (PCP) for hx of «ch('MDD','GAD','PTSD','bipolar II','panic d/o')». reports poor sleep x «ri(2,9)» mo, passive SI, denies plan/intent. lives w/ partner «r.first» at «p.where()». works «ch('2nd shift at','nights at','part time at')» «ch(*EMPLOYERS)».
Emergency contact: «r.full» («ch('partner','spouse','sister','roommate')») «r.tel()»
Dx: «icd()», «icd()»   Plan: start «drug()», PHQ-9 today «ri(5,27)», f/u «D(a1,'md')» w/ «c2.fi»''', EMPLOYERS=EMPLOYERS)


@T("freetext")
def frontdesk_chat(g):
    return g.fill('''#frontdesk  (exported «ts('isooff')»)
[«ct()»] «s.first»: can someone call back «p.lower» at «p.tel('sp')» re resched to thurs «D(a1,'md')»?? she said the 2pm doesnt work
[«ct()»] «s2.first»: on it. is she the one w/ «payer()»?
[«ct()»] «s.first»: yea member id «p.member» but it came back inactive in the elig check
[«ct()»] «s2.first»: ugh ok ill ask for a new card. also fyi «q.fl1» no showed again (3rd time) - flagging for «c.fi» (chart «q.mrn»)
[«ct()»] «s.first»: 👍''')


@T("freetext")
def oncall_handoff_caps(g):
    return g.fill('''ON CALL HANDOFF «D(a1,'md')» («ch('FRI->SAT','SAT->SUN','WEEKNIGHT')»)
- PT «p.LF» (MRN «p.mrn») CALLED CRISIS LINE AT 0«ri(1,5)»«ri(10,59)», SAFETY PLAN REVIEWED, DENIES INTENT. «ch('MOTHER','FATHER','PARTNER','AUNT')» «r.FULL» AT «r.tel('dash')» AWARE. F/U W/ «c.LAST» TMRW AM.
- «q.FULL» IN ED AT «ch('ST. JOSEPH','REGIONAL MEDICAL CENTER','COUNTY GENERAL')», ED SW REQUESTING RECORDS - FAXED TO «c2.fax('paren')» ATTN «c2.LAST».
- REFILL REQ «drugu()» FOR «k.LF» - HELD, NEEDS PRESCRIBER.
- «o.LF», «o.age90(ch('F','yo','yr','age'))», FELL AT «ch('ASSISTED LIVING','HOME','DAUGHTERS HOUSE')» - NO PSYCH ISSUES, FYI ONLY.
NO OTHER ISSUES''')


@T("freetext")
def spanish_intake(g):
    recult(g, "p", "mexican")
    recult(g, "r", "mexican")
    return g.fill('''Nota de admisión («org()»)
Paciente: «p.fmid», fecha de nacimiento «p.dob('es')», tel. «p.intl» (WhatsApp). Vive en «p.addr», «p.city», «p.st».
Vive con su «'madre' if p.age_n >= 45 else 'abuela'» de «o.age90('es')», de quien es cuidadora principal. Refiere ansiedad y insomnio desde hace «ri(3,11)» meses después de la muerte de su «ch('madre','padre','hermano')». Niega ideación suicida.
Contacto de emergencia: su «ch('esposo','esposa','hija','hermana')» «r.full», «r.tel('paren')».
Próxima cita: «D(a1,'esn')» con «c.title» (interpretación en español). Dx «icd()».''')


@T("freetext")
def viet_english_note(g):
    o = g.people["o"]
    o._g, o._s, o._m = g.rng.choice(GIVEN["vietnamese"]), g.rng.choice(SURNAME["vietnamese"]), g.rng.choice(["Thị", "Văn"])
    recult(g, "r", "vietnamese")
    return g.fill('''f/u note — BN «o.vnfull», «o.age90(ch('vi','yo','yr'))», came w/ con gái «r.full» (interpreter declined, daughter translated).
hx depression + early dementia, con gái nói bà không ngủ được, wakes up 2-3am, đi lang thang. Lives at «o.addr», «o.city» w/ son.
DOB on file «o.dob('vi')». Plan: trazodone trial per «c.fi», f/u «D(a1,'md')». Call «r.tel('paren')» (con gái) for any changes.''')


@T("freetext")
def tagalog_english_msg(g):
    recult(g, "p", "filipino")
    return g.fill('''Si pt «p.full» tumawag kanina, resched daw sa «dow(a1)» «D(a1,'md')» kasi may work siya sa «ch(*EMPLOYERS)». Pakicheck po yung insurance niya, «payer()» member «p.member» — parang expired na.
Tapos yung DOB sa chart mali, dapat «p.dob('us')». Bago na rin number niya: «p.intl». Salamat po! - «s.first»''', EMPLOYERS=EMPLOYERS)


@T("freetext")
def typo_call_log(g):
    return g.fill('''«p.mrn» - called pt no answer left vm at «p.tel('plain')» her mom («r.first») number is «r.tel('sp')» shes the guardian per chart. pt missed «D(a1,'md')» and «D(a2,'md')» appts, dc policy letter mailed to «p.where('comma')» idk if still valid addr. «ch('will try again tmrw','pls advise','lmk if u want me to close the case')» - «s.first_l»''')


@T("freetext")
def elder_triage(g):
    return g.fill('''Phone triage — «o.age90(ch('F','yo2','words','yoa','yrs'))» «ch('woman','man')», brought to the phone by «ch('daughter','son','neighbor')» «r.full». Pt lives alone at «o.where()» since spouse passed in «ri(2010,2022)».
Reports low mood, not eating, "whats the point" but denies plan. Hx «icd()». Not on any psych meds. Scheduled in-home eval «D(a1,'ordm')» with «c.fi»; «r.first» will be present, reach at «r.tel()».''')


@T("freetext")
def referral_letter(g):
    return g.fill('''Re: «p.lf»   DOB: «p.dob('long')»   Chart #«p.mrn»

Dear «c.title»,
Thank you for referring «p.first» to «org()». «p.first» completed an intake on «D(a1,'long')» and will begin weekly CBT-I and «ch('CPT','EMDR','DBT-informed')» therapy. Working diagnosis «icd()». We will coordinate with you regarding «drugs()».

Sincerely,
«c2.fml», «ch('LCSW','PsyD','LPC','LMFT')»
Lic# «c2.lic»   NPI «c2.npi»   Fax «c2.fax()»''')


@T("freetext")
def safety_plan_contacts(g):
    return g.fill('''SAFETY PLAN (copied from paper form, «p.fl1»)
Warning signs: not answering texts, staying in bed, giving stuff away
People I can call: «r.first» («ch('sister','best friend','cousin')») «r.tel('dash')», «d.full» («ch('sponsor','coach','youth pastor')») «d.tel('paren')»
Professionals: «c.title» «c.wemail», 988
Making environment safe: «ch('meds locked at','firearm stored at','pills kept at')» «r.first»'s place («r.addr»)''')


@T("freetext")
def group_note_initials(g):
    return g.fill('''Group: «ch('DBT skills','Seeking Safety','Anger Mgmt','Grief support')» — «D(a1,'mon')» — facilitator «c.full», co-fac «c2.first»
Present: «p.fl1», «q.fl1», «k.fl1», «r.fl1» ({n} total)
Absent: «d.fl1» (excused, «ch('work','court date','sick kid')»)
«p.first» shared about conflict w/ landlord at «p.addr»; «q.first» practiced TIPP. CPT «cpt()» x «ri(4,9)».'''.replace("{n}", str(g.rng.randint(4, 9))))


@T("freetext")
def home_visit_vehicle(g):
    return g.fill('''home visit «D(a1,'md')» @ «p.addr», «p.city» — pt answered after 10 min. car (silver «ch('Civic','Corolla','Silverado','Altima')», plate «p.plate») still in driveway w/ repo notice on windshield, VIN on notice «p.vin». pt tearful re finances, brother «r.first» «p.last» «ch('helping w/ rent','not answering')». Reviewed crisis plan. next visit «D(a2,'md')». «s.first» aware.''')


@T("freetext")
def discharge_summary(g):
    return g.fill('''Transition of care summary rec'd from «ch('Pine Rest','BryLin','Riverview Behavioral','the state hospital')»:
«p.fmid» (DOB «p.dob('us')», SSN «p.ssn()», MRN «p.mrn») admitted «D(a1,'us')» for SI w/ plan, discharged «D(a2,'us')» on «drug()» + «drug()».
Outpt f/u requested w/in 7 days — scheduled «D(a3,'us')» with «c.fi». Discharge address «p.where()», phone «p.tel()».
Attending: «c2.full», DEA «c2.dea»''')


@T("freetext")
def coverage_ooo(g):
    return g.fill('''OOO «D(a1,'md')»–«D(a2,'md')»: «c.full» out. Covering for med refills: «c2.title» (NPI «c2.npi», DEA «c2.dea»), cell «c2.tel('dot')».
Pls route «c.first»'s clients on «ch('lithium','clozapine','Suboxone')» to «c2.first» directly, esp «p.fi» (labs due) and «q.fi». Front desk: «s.full» x«ri(200,299)».''')


@T("freetext")
def korean_english_chat(g):
    recult(g, "p", "korean")
    recult(g, "r", "korean")
    return g.fill('''[«ct()»] «s.first»: «p.full» 환자분 called again, wants a Korean-speaking clinician. mom «r.full» is on the account as guarantor
[«ct()»] «s2.first»: we only have «c.fi» Tues/Thurs. pt ok with telehealth? DOB «p.dob('ymd')» right
[«ct()»] «s.first»: yes. cell «p.intl» / email «p.email»''')


@T("freetext")
def court_letter_note(g):
    return g.fill('''Per court order (case on file), writing attendance letter for «p.full» (MRN «p.mrn»), DOB «p.dob('monY')», DL# «p.dl». Attended «D(a1,'md')», «D(a2,'md')», «D(a3,'md')». PO is «d.full» «d.tel('paren')» fax «d.fax('paren')». Do NOT include dx per pt request. -«c.first»''')


# --- clean ---
@T("freetext", clean=True)
def c_policy_reminder(g):
    return g.fill('''Reminder to all clinicians: starting next month the billing team will reject «cpt()» when session time < 53 min — use «cpt()» instead. Add-on «K('90785','code')» only w/ interactive complexity documented. Questions → #billing or ticket «ticket()». Thx!''')


@T("freetext", clean=True)
def c_oncall_swap(g):
    return g.fill('''on-call swap: Tues/Wed nights swapped per «ticket()». pager rotation updated in «svc()» «ver()». no pt issues overnight, crisis line volume «cnt(0,12)» calls, avg handle «dur()». ED consult requests: none.''')


@T("freetext", clean=True)
def c_frontdesk_fax_down(g):
    return g.fill('''#frontdesk
[«ct()»] frontdesk-2: fax machine jammed again, incoming faxes going to the «svc()» queue only
[«ct()»] billing-team: ok, «cnt(3,30)» stuck in queue since this am, job ids «jobid()» and «jobid()»
[«ct()»] frontdesk-2: IT says firmware «ver()» fixes it, ticket «ticket()»''')


@T("freetext", clean=True)
def c_clinical_reminder(g):
    return g.fill('''CLINICAL REMINDER: pts on clozapine need ANC q4wk after 12 mo, order via lab interface (panel «K('CBC w/ diff','code')»). «drugs()» PA renewals due — check the PA dashboard, «cnt(2,40)» pending. Dx code for maintenance: «icd()». No identifying info in this channel pls.''')


# ============================ 7. calendar / telehealth / fax / eRx / eligibility
@T("integrations")
def zoom_participant_joined(g):
    body = js(g, r'''{"event":"meeting.participant_joined","event_ts":«ts('epochms')»,"payload":{"account_id":"«an(22)»","object":{"id":"«ri(80000000000,99999999999)»","uuid":"«b64(g,22)»==","host_id":"«an(22)»","topic":"«ch('Intake','Follow-up','Med check','Couples')» - «p.fi»","type":2,"start_time":"«tsr('iso')»","timezone":"America/«ch('Chicago','Denver','Phoenix','Anchorage')»","duration":«ch(45,53,60)»,"participant":{"user_id":"«ri(16000000,16999999)»","user_name":"«p.full»","participant_uuid":"«uuid()»","join_time":"«tsr('iso')»","email":"«p.email»","customer_key":"«p.mrn»","public_ip":"«p.ip»"}}}}''', b64=b64)
    return g.fill('''selene-telehealth webhook handler failed: «exc('KeyError')»: 'registrant_id' (zoom event dropped, status «st(500)»)
payload: «body»''', body=body)


@T("integrations")
def doxy_checkin(g):
    return g.fill('''POST /hooks/telehealth/checkin «st(422)» «dur()» — waiting-room check-in could not be matched to an appointment
{"room":"«g.clinic[1].split('.')[0]»-room«ri(1,9)»","patient":{"name":"«p.full»","dob":"«p.dob('us')»","phone":"«p.tel()»"},"checked_in_at":"«tsr('isooff')»","provider_display":"«c.title»","browser":"«ch('Safari 17','Chrome 122','Samsung Internet 24')»","client_ip":"«p.ip»"}''')


@T("integrations")
def ical_vevent(g):
    return g.fill('''kairos-calendar: ICS import failed at line «ri(8,14)»: property LOCATION contains unescaped ';' — event skipped
BEGIN:VEVENT
UID:«uuid()»@kairos
DTSTAMP:«ts('ical')»
DTSTART;TZID=America/«ch('Chicago','Denver','New_York')»:«a1.strftime('%Y%m%d')»T«ch('08','09','10','13','14','15','16')»«ch('00','30','15')»00
SUMMARY:«ch('F/U','Intake','Med mgmt','Family session')» - «p.lf» (MRN «p.mrn»)
DESCRIPTION:DOB «p.dob('us')»\\nPhone «p.tel()»\\n«ch(*CPT)» / «ch(*ICD)»
LOCATION:«p.addrs»; «p.city» «p.st» «p.zip» (home visit)
ORGANIZER;CN=«c.full»:mailto:«c.wemail»
ATTENDEE;CN=«p.full»;ROLE=REQ-PARTICIPANT:mailto:«p.email»
END:VEVENT''', CPT=CPT, ICD=ICD)


@T("integrations")
def gcal_invalid_attendee(g):
    p = g.people["p"]
    bad = g.P(p._email.replace(".", ",", 1) if "." in p._email.split("@")[0] else p._email.replace("@", "@@"), "EMAIL")
    return js(g, r'''{"error":{"code":«st(400)»,"message":"Invalid attendee email.","errors":[{"message":"Invalid attendee email.","domain":"global","reason":"invalid"}],"status":"INVALID_ARGUMENT"},
"_request":{"calendarId":"«c.wemail»","sendUpdates":"all","body":{"summary":"Session w/ «c.fi»","description":"Client: «p.full» · DOB «p.dob('usn')»","attendees":[{"email":"«bad»","displayName":"«p.full»"},{"email":"«c.wemail»","organizer":true}],"conferenceData":{"createRequest":{"requestId":"«uuid()»"}}}}}''', bad=bad)


@T("integrations")
def fax_cover_sheet(g):
    return g.fill('''[atlas-fax] cover page render captured (job «jobid()», status=«ch('queued','retrying','failed')»)
==================== FAX ====================
«org()»
DATE: «D(a1,'us')»        PAGES (incl. cover): «ri(2,20)»
TO:   «c.title»              FAX: «c.fax('paren')»
      «ch('Riverside Family Medicine','Northside Pediatrics','county probation dept','Valley Primary Care')»  PHONE: «c.tel('paren')»
FROM: «s.full», «ch('Medical Records','Intake','Care Coordination')»
RE:   «p.LF»  DOB «p.dob('us')»  «ch('Records request','Treatment summary','Prior auth','ROI attached')»
CONFIDENTIAL: This facsimile contains protected health information ... if received in error call the sender immediately.
=============================================''')


@T("integrations")
def fax_tx_report(g):
    return g.fill('''TRANSMISSION REPORT                    «ts('syslog')»
JOB NO.        «ri(1000,9999)»
DESTINATION    «c.fax(ch('plain','one','dash'))»
REMOTE CSID    «c.fax('intl')»
DURATION       «ri(0,5)»'«ri(10,59)»"
PAGES          «ri(0,3)»/«ri(4,20)»
RESULT         NG «ch('(NO ANSWER)','(BUSY)','(ECM ERROR 0x2B)','(LINE DROP)')»
DOCUMENT       ROI_«p.LAST»_«p.dob('mmddyy')».pdf''')


@T("integrations")
def ncpdp_newrx_xml(g):
    return g.fill('''talos-rx: Surescripts returned «ch('Error 900','Error 601','Status 010')» for NewRx (message «hx(32)»); outbound payload follows
<Message DatatypesVersion="20170715" TransportVersion="20170715" TransactionDomain="SCRIPT" TransactionVersion="20170715" StructuresVersion="20170715" ECLVersion="20170715">
  <Header><To Qualifier="P">«ri(1000000,9999999)»</To><From Qualifier="C">«ri(100000,999999)»</From><MessageID>«hx(32)»</MessageID><SentTime>«ts('isoms')»</SentTime></Header>
  <Body><NewRx>
    <Patient><HumanPatient>
      <Name><LastName>«p.last»</LastName><FirstName>«p.first»</FirstName></Name>
      <Gender>«p.sex»</Gender><DateOfBirth><Date>«p.dob('iso')»</Date></DateOfBirth>
      <Address><AddressLine1>«p.line1»</AddressLine1><City>«p.city»</City><StateProvince>«p.st»</StateProvince><PostalCode>«p.zip»</PostalCode><CountryCode>US</CountryCode></Address>
      <CommunicationNumbers><PrimaryTelephone><Number>«p.tel('plain')»</Number></PrimaryTelephone></CommunicationNumbers>
    </HumanPatient></Patient>
    <Prescriber><NonVeterinarian><Identification><NPI>«c.npi»</NPI><DEANumber>«c.dea»</DEANumber></Identification>
      <Name><LastName>«c.last»</LastName><FirstName>«c.first»</FirstName></Name></NonVeterinarian></Prescriber>
    <MedicationPrescribed><DrugDescription>«drug()»</DrugDescription><Quantity><Value>«ri(14,90)»</Value></Quantity><WrittenDate><Date>«D(a1,'iso')»</Date></WrittenDate><Substitutions>0</Substitutions></MedicationPrescribed>
  </NewRx></Body>
</Message>''')


@T("integrations")
def surescripts_error(g):
    return g.fill('''<?xml version="1.0" encoding="UTF-8"?>
<Message><Header><RelatesToMessageID>«hx(32)»</RelatesToMessageID><SentTime>«ts('isoms')»</SentTime></Header>
<Body><Error><Code>«ch('601','602','900')»</Code><DescriptionCode>«ch('220','1000','008')»</DescriptionCode>
<Description>Patient not found at pharmacy: «p.LAST», «p.FIRST» DOB «p.dob('hl7')» Rx# «p.rx» prescriber «c.lf» NPI «c.npi»</Description></Error></Body></Message>''')


@T("integrations")
def x12_271_segments(g):
    return g.fill('''juno-eligibility: 271 contains AAA rejection, raw response:
ISA*00*          *00*          *ZZ*«ch('CLEARINGHOUSE','AVAILITY','CHGHLTH')»  *ZZ*«ri(100000000,999999999)»      *«g.now.strftime('%y%m%d')»*«g.now.strftime('%H%M')»*^*00501*«ri(100000000,999999999)»*0*P*:~
ST*271*«'%04d' % ri(1,9999)»*005010X279A1~
HL*1**20*1~NM1*PR*2*«payeru()»*****PI*«ch('60054','62308','87726','00710')»~
HL*2*1*21*1~NM1*1P*1*«c.LAST»*«c.FIRST»****XX*«c.npi»~
HL*3*2*22*0~TRN*2*«ri(10000000,99999999)»*«ri(1000000000,1999999999)»~
NM1*IL*1*«p.LAST»*«p.FIRST»****MI*«p.member»~
N3*«p.ADDR»~
N4*«p.CITY»*«p.st»*«p.zip»~
DMG*D8*«p.dob('hl7')»*«p.sex»~
AAA*Y**«ch('72','73','75')»*C~
SE*«ri(10,20)»*«'%04d' % ri(1,9999)»~''', rand_digits=rand_digits)


@T("integrations")
def availity_coverage_json(g):
    return js(g, r'''{"id":"«an(18)»","status":"Complete","statusCode":"4","payer":{"name":"«payer()»"},
"patient":{"firstName":"«p.first»","lastName":"«p.last»","birthDate":"«p.dob('iso')»","gender":"«p.sex»","subscriberRelationship":"«'Child' if (p.dob_d.year - r.dob_d.year) >= 18 else 'Spouse'»"},
"subscriber":{"firstName":"«r.first»","lastName":"«r.last»","memberId":"«r.member»","birthDate":"«r.dob('iso')»","address":{"line1":"«r.addrs»","city":"«r.city»","state":"«r.st»","zipCode":"«r.zip9»"}},
"plans":[{"status":"Active Coverage","groupNumber":"«r.group»","groupName":"«ch('STATE','COUNTY','CITY','SCHOOL DISTRICT')» EMPLOYEES PLAN","coverageStartDate":"«D(a3,'iso')»","benefits":[{"name":"Mental Health","serviceTypeCode":"MH","amounts":{"coPayment":[{"amount":"«amt()»","inNetwork":"Y"}]}}]}],
"validationMessages":[{"field":"patient.birthDate","errorMessage":"Date of birth does not match payer records"}]}''')


@T("integrations")
def twilio_video_disconnect(g):
    return g.fill('''selene-telehealth [video] participant disconnected unexpectedly
room=RM«hx(32)» room_name=«ch('visit','session','tele')»-«ri(10000,99999)» participant_identity=patient:«p.user» participant_sid=PA«hx(32)»
error=«ch('53405','53001','53205')» «ch('Media connection failed','Signaling connection disconnected','Duplicate identity')» after «dur()»
client: ip=«p.ip6» sdk=twilio-video.js/2.«ri(20,29)».«ri(0,3)» device=«ch('iPhone14,5','SM-S918U','Pixel 8')» imei=«p.imei()» network=«ch('cellular','wifi')»
clinician=«c.wemail» rejoin_link_sent_to=«p.tel('e164')» link=«URL('https://visit.' + g.clinic[1] + '/j/' + p.user + '?r=' + hx(10))»''')


@T("integrations")
def gcal_sync_conflict(g):
    return g.fill('''kairos-calendar two-way sync conflict (calendar «c.wemail»)
  local : «D(a1,'monY')» «tod()» «ch('Intake','Follow-up','Telehealth')» — «p.lf» («cpt()»)
  remote: «D(a2,'monY')» «tod()» "busy" (private event)
resolution=keep_local  sync_token=«an(24)»  etag="«ri(3000000000000000,3999999999999999)»"''')


@T("integrations")
def erx_renewal_request(g):
    return g.fill('''RxRenewalRequest queued > 72h without prescriber action (talos-rx)
  pharmacy      : «pharm()»  NCPDP «ri(1000000,9999999)»
  patient       : «p.lf»  DOB «p.dob('us')»  ph «p.tel('dash')»
  medication    : «drug()»  last fill «D(a1,'us')»  Rx# «p.rx»
  prescriber    : «c.fml»  NPI «c.npi»  DEA «c.dea»
  escalate to   : «c2.fi» («c2.wemail»)''')


@T("integrations")
def beers_alert(g):
    return g.fill('''talos-rx clinical decision support: Beers Criteria alert suppressed by prescriber, logging for pharmacist review
  patient   : «o.fml» («o.age90(ch('yr','aged','yoa','words'))»), DOB «o.dob('us')», MRN «o.mrn»
  drug      : «ch('hydroxyzine pamoate 25 mg','trazodone 50 mg','mirtazapine 15 mg','quetiapine 25 mg')»  (strongly anticholinergic / fall risk)
  override  : «c.full», reason "«ch('benefit outweighs risk','long-standing med, tolerating','family requests')»"
  pharmacy  : «pharm()»  rule «ch('BEERS-2023-07','BEERS-2023-11')»''')


@T("integrations")
def fax_inbound_ocr(g):
    return g.fill('''triton-ocr: inbound fax «jobid()» from «c.fax('one')» («ri(2,9)» pages) — could not auto-file, no chart match
--- OCR page 1 (confidence 0.«ri(60,95)») ---
PRIOR AUTHORIZATION REQUEST   «payeru()»
Member Name: «p.FULL»     Member ID: «p.member»     Group #: «p.group»
DOB: «p.dob('us')»   Phone: «p.tel('paren')»
Requested: «drug()» x «ri(30,90)» days   Dx «icd()»
Prescriber: «c.full»   NPI «c.npi»   Fax «c.fax('paren')»''')


@T("integrations")
def pdmp_report(g):
    return g.fill('''PDMP query result attached to chart (state PMP gateway, request «uuid()»)
Patient: «p.LF»  DOB «p.dob('us')»  Address on Rx: «p.ADDR», «p.CITY» «p.st» «p.zip»
Fill  «D(a1,'us')»  «drug()»  qty «ri(14,60)»  Rx «p.rx»  prescriber «c.fi» (DEA «c.dea»)  pharmacy «pharm()»
Fill  «D(a2,'us')»  «drug()»  qty «ri(14,60)»  Rx «q.rx»  prescriber «c2.fi»  pharmacy «pharm()»
WARNING: multiple prescribers within 30 days — review before prescribing''')


# --- clean ---
@T("integrations", clean=True)
def c_zoom_url_validation(g):
    return js(g, r'''{"event":"endpoint.url_validation","payload":{"plainToken":"«an(22)»"},"event_ts":«ts('epochms')»,"_handler":{"error":"«exc('SignatureMismatch')»","expected":"v0=«sha(64)»","received":"v0=«sha(64)»","service":"selene-telehealth","version":"«ver()»"}}''')


@T("integrations", clean=True)
def c_ical_vtimezone(g):
    return g.fill('''kairos-calendar: ICS feed «uuid()» rejected — VTIMEZONE without STANDARD component
BEGIN:VTIMEZONE
TZID:America/«ch('Chicago','Denver','Phoenix','New_York')»
X-LIC-LOCATION:America/«ch('Chicago','Denver','Phoenix','New_York')»
BEGIN:DAYLIGHT
TZOFFSETFROM:-0«ri(5,7)»00
TZOFFSETTO:-0«ri(4,6)»00
END:DAYLIGHT
END:VTIMEZONE
events_parsed=«cnt(0,300)» took=«dur()»''')


@T("integrations", clean=True)
def c_fax_t38(g):
    return g.fill('''«ts('syslog')» fax-gw-«ri(1,3)» atlas-fax[«ri(900,30000)»]: job=«jobid()» T.38 re-INVITE rejected (488 Not Acceptable Here), falling back to G.711 passthrough
«ts('syslog')» fax-gw-«ri(1,3)» atlas-fax[«ri(900,30000)»]: job=«jobid()» ECM frame error rate «ri(1,30)»% > threshold, retry «ri(1,3)»/3 in «dur()»
«ts('syslog')» fax-gw-«ri(1,3)» atlas-fax[«ri(900,30000)»]: sip trunk «host()»:5060 registered, channels busy «cnt(0,23)»/24''')


@T("integrations", clean=True)
def c_271_payer_down(g):
    return g.fill('''juno-eligibility: payer-level rejection, no subscriber loop returned
ST*271*«'%04d' % ri(1,9999)»*005010X279A1~
HL*1**20*1~NM1*PR*2*«payeru()»*****PI*«K(ch('60054','62308','87726','00710'),'code')»~
AAA*Y**42*R~
SE*5*«'%04d' % ri(1,9999)»~
interpretation: AAA03=42 Unable to Respond at Current Time; retry scheduled in «dur()» (attempt «ri(1,5)»)''')


@T("integrations", clean=True)
def c_ncpdp_status(g):
    return g.fill('''<Message><Header><To Qualifier="C">«ri(100000,999999)»</To><From Qualifier="ZZZ">SURESCRIPTS</From><MessageID>«sha(32)»</MessageID><RelatesToMessageID>«sha(32)»</RelatesToMessageID><SentTime>«ts('isoms')»</SentTime></Header><Body><Status><Code>«K(ch('000','010'),'code')»</Code></Status></Body></Message>
talos-rx: Status ack received after «dur()» — outbound queue depth «cnt(0,90)»''')


# ============================ 8. config dumps / k8s / other languages ==========
@T("config_polyglot")
def k8s_backoff_podlog(g):
    pod = g.fill("«pod('hestia-intake')»")
    return g.fill('''LAST SEEN   TYPE      REASON    OBJECT                                     MESSAGE
«ri(1,9)»m«ri(10,59)»s      Warning   BackOff   pod/«pod»      Back-off restarting failed container intake in pod «pod»_prod(«uuid()»)
--- kubectl logs --previous «pod» ---
{"level":"fatal","ts":«ts('epoch')».«ri(100000,999999)»,"caller":"seed/load.go:«ri(20,200)»","msg":"fixture load failed","error":"duplicate key value violates unique constraint \\"clients_email_key\\": Key (email)=(«p.email») already exists","fixture":"prod-smoke/«p.user».yaml","client":"«p.full»"}''', pod=pod)


@T("config_polyglot")
def spring_boot_ssn(g):
    return g.fill('''«ts('java')» ERROR 1 --- [nio-8080-exec-«ri(1,9)»] c.p.intake.web.IntakeController        : Failed to persist intake for «p.full» (dob=«p.dob('iso')»)

org.springframework.dao.«exc('DataIntegrityViolationException')»: could not execute statement; SQL [n/a]; constraint [uk_client_ssn]
	at org.springframework.orm.jpa.vendor.HibernateJpaDialect.convertHibernateAccessException(HibernateJpaDialect.java:«ri(200,300)»)
	at com.practice.intake.service.IntakeService.submit(IntakeService.java:«ri(40,300)»)
Caused by: org.postgresql.util.«exc('PSQLException')»: ERROR: duplicate key value violates unique constraint "uk_client_ssn"
  Detail: Key (ssn)=(«p.ssn('dash')») already exists.
	at org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2«ri(600,799)»)''')


@T("config_polyglot")
def kotlin_missing_field(g):
    return g.fill('''kotlinx.serialization.«exc('MissingFieldException')»: Field 'memberId' is required for type with serial name 'com.practice.eligibility.Coverage', but it was missing at path: $.coverages[0]
	at com.practice.eligibility.CoverageParser.parse(CoverageParser.kt:«ri(20,120)»)
	at com.practice.eligibility.EligibilityWorker$run$1.invokeSuspend(EligibilityWorker.kt:«ri(30,200)»)
Input JSON: {"subscriber":{"name":"«r.LF»","dob":"«r.dob('hl7')»","member_id":"«r.member»"},"coverages":[{"payer":"«payer()»","group":"«r.group»","dependent":{"name":"«p.LF»","dob":"«p.dob('hl7')»"}}]}''')


@T("config_polyglot")
def csharp_format_exception(g):
    p = g.people["p"]
    if p.dob_d.day <= 12:
        p.dob_d = p.dob_d.replace(day=p.dob_d.day + 13)
    return g.fill('''[«ts('serilog')» ERR] Vesta.Docs.Import: failed to map row «ri(2,500)» for {"Name": "«p.lf»", "Dob": "«p.dob('eus')»", "Phone": "«p.tel()»"}
System.«exc('FormatException')»: String '«p.dob('eus')»' was not recognized as a valid DateTime.
   at System.DateTime.ParseExact(String s, String format, IFormatProvider provider)
   at Vesta.Docs.PatientMapper.Map(CsvRow row) in /src/Vesta.Docs/PatientMapper.cs:line «ri(20,200)»
   at Vesta.Docs.ImportJob.RunAsync(CancellationToken ct) in /src/Vesta.Docs/ImportJob.cs:line «ri(20,200)»''')


@T("config_polyglot")
def rails_record_invalid(g):
    return g.fill('''I, [«ts('rails')» #«ri(10,9000)»]  INFO -- : [«rid()»] Started POST "/clients" for «p.ip» at «ts('java')» -0600
I, [«ts('rails')» #«ri(10,9000)»]  INFO -- : [«rid()»]   Parameters: {"client"=>{"first_name"=>"«p.first»", "last_name"=>"«p.last»", "email"=>"«p.email»", "mobile"=>"«p.tel('dash')»", "date_of_birth"=>"«p.dob('iso')»", "address_attributes"=>{"street"=>"«p.addr»", "city"=>"«p.city»", "zip"=>"«p.zip»"}}}
F, [«ts('rails')» #«ri(10,9000)»] FATAL -- : [«rid()»] «exc('ActiveRecord::RecordInvalid')» (Validation failed: Email has already been taken):
app/controllers/clients_controller.rb:«ri(10,90)»:in `create\'''')


@T("config_polyglot")
def elixir_changeset(g):
    return g.fill('''«ts('time')» [error] GenServer Scheduler.Reminders terminating
** («exc('Ecto.InvalidChangesetError')») could not perform insert because changeset is invalid.

Errors

    %{phone: [{"is invalid", [validation: :format]}]}

Applied changes

    %{first_name: "«p.first»", last_name: "«p.last»", phone: "«p.tel('dot')» ext. «ri(10,99)»", birthdate: ~D[«p.dob('iso')»], guardian_email: "«r.email»"}

    (ecto «ver()») lib/ecto/repo/schema.ex:«ri(200,999)»: Ecto.Repo.Schema.insert!/4''')


@T("config_polyglot")
def rust_panic_geocode(g):
    return g.fill('''thread 'tokio-runtime-worker' panicked at src/geocode.rs:«ri(20,300)»:«ri(5,40)»:
called `Result::unwrap()` on an `Err` value: ParseError { input: "«p.addrs», «p.city», «p.st» «p.zip»", kind: UnknownSuffix, client: «p.mrn» }
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
«ts('k8s')» ERROR castor_sync::worker: task failed job_id=«jobid()» attempt=«ri(1,5)»''')


@T("config_polyglot")
def yaml_configmap_contacts(g):
    return g.fill('''# kubectl get configmap argus-escalation -o yaml  (diff rejected by admission webhook: "contains personal phone numbers")
apiVersion: v1
kind: ConfigMap
metadata:
  name: argus-escalation
  namespace: prod
  resourceVersion: "«ri(1000000,99999999)»"
data:
  escalation.yaml: |
    crisis_line_primary:
      name: «c.full»
      phone: "«c.tel('e164')»"
      email: «c.wemail»
    crisis_line_backup:
      name: «c2.full»
      phone: "«c2.tel('e164')»"
    retry_after: «dur()»''')


@T("config_polyglot")
def toml_fax_config(g):
    return g.fill('''atlas-fax: config validation failed: [routing.after_hours] fax_to is not E.164
--- /etc/atlas-fax/config.toml ---
[server]
listen = "0.0.0.0:«port()»"
release = "«ver()»"

[routing.after_hours]
owner = "«c.full»"
fax_to = "«c.fax('paren')»"
notify_sms = "«c.tel('e164')»"

[routing.records]
owner = "«s.full»"
fax_to = "«s.fax('e164')»"''')


@T("config_polyglot")
def ini_legacy_import(g):
    return g.fill('''legacy-import: refusing to start, [smoke_test] section references a real chart
; /opt/legacy/import.ini
[source]
dsn = odbc://«host()»:1433/PRACTICE_OLD
batch_size = «cnt(100,5000)»

[smoke_test]
sample_mrn = «p.mrn»
sample_name = «p.LF»
sample_dob = «p.dob('us')»
sample_ssn = «p.ssn()»
sample_member = «p.member»''')


@T("config_polyglot")
def k8s_job_env(g):
    return g.fill('''Job prod/backfill-superbills-«ri(1000,9999)» failed: BackoffLimitExceeded
Containers:
  backfill:
    Image:  registry.internal/orion-billing:«ver()»
    Args:
      --client-mrn=«p.mrn»
      --dob=«p.dob('iso')»
      --since=«D(a1,'iso')»
      --email-to=«s.wemail»
    Environment:
      PATIENT_ID:  «dbid()»
      LOG_LEVEL:   debug
    Last State:  Terminated (Error, exit code «ri(1,2)»)''')


@T("config_polyglot")
def java_vin_transport(g):
    return g.fill('''«ts('java')» WARN  [transport-sync] c.p.nemt.VehicleValidator - rejecting ride «ri(100000,999999)»
java.lang.«exc('IllegalArgumentException')»: Invalid VIN «d.vin» for driver «d.full» (plate «d.plate», «d.st»): model year mismatch
	at com.practice.nemt.VehicleValidator.validate(VehicleValidator.java:«ri(20,200)»)
	at com.practice.nemt.RideImporter.importRide(RideImporter.java:«ri(20,200)»)
Caused by: ride for «p.fi», pickup «p.addr» «D(a1,'usn')» «tod()»''')


@T("config_polyglot")
def go_panic_device(g):
    return g.fill('''panic: device «p.imei('plain')» not registered to client «p.mrn» (owner on file: «q.mrn»)

goroutine «ri(10,900)» [running]:
github.com/practice/rpm/internal/ingest.(*Handler).Heartbeat(0xc000«hx(6)», {0x«hx(7)», 0xc00«hx(7)»}, 0xc000«hx(6)»)
	/src/internal/ingest/heartbeat.go:«ri(20,300)» +0x«hx(3)»
created by net/http.(*Server).Serve in goroutine 1
	/usr/local/go/src/net/http/server.go:3«ri(100,300)» +0x«hx(3)»
last heartbeat payload: {"imei":"«p.imei('plain')»","serial":"«p.serial»","battery":0.«ri(10,99)»,"fw":"«ver()»"}''')


@T("config_polyglot")
def sidekiq_retry_args(g):
    return g.fill('''«ts('isoms')» pid=«ri(4,99)» tid=«an(5)» class=EligibilityCheckJob jid=«hx(24)» ERROR: «exc('Faraday::TimeoutError')»: execution expired
{"retry_count":«ri(1,24)»,"queue":"eligibility","args":[{"client_id":«dbid()»,"member_id":"«p.member»","group":"«p.group»","subscriber":"«r.full»","subscriber_dob":"«r.dob('iso')»","payer":"«payer()»"}],"error_class":"Faraday::TimeoutError","failed_at":«ts('epoch')».«ri(100,999)»}''')


@T("config_polyglot")
def csharp_device_serial(g):
    return g.fill('''[«ts('serilog')» WRN] Biofeedback.Sync: device {Serial} reported for wrong client {Mrn}
[«ts('serilog')» ERR] Biofeedback.Sync: System.«exc('InvalidOperationException')»: Sequence contains no matching element
   at Biofeedback.Sync.DeviceRegistry.Resolve(String serial) in /src/Biofeedback.Sync/DeviceRegistry.cs:line «ri(20,200)»
   Serial = "«p.serial»", Mrn = "«p.mrn»", Mac = "«p.mac»", Clinician = "«c.full»"''')


@T("config_polyglot")
def android_crash(g):
    return g.fill('''FATAL EXCEPTION: main
Process: com.practice.portal, PID: «ri(1000,32000)»
java.lang.«exc('IllegalStateException')»: Session expired for «p.user» while uploading consent form
	at com.practice.portal.consent.UploadWorker.doWork(UploadWorker.kt:«ri(20,200)»)
Caused by: retrofit2.HttpException: HTTP 401 PUT «URL('https://api.' + g.clinic[1] + '/v3/portal/' + p.user + '/consents/' + str(ri(1000,99999)))»
	at androidx.work.CoroutineWorker$startWork$1.invokeSuspend(CoroutineWorker.kt:68)
Device: «ch('SM-A146U','Pixel 7a','moto g power 5G')» Android «ri(12,14)»  IMEI «p.imei(ch('plain','dash'))»  app «ver()»
Breadcrumb: form_signed_by="«r.full»" relationship=«ch('parent','guardian')» minor_dob=«k.dob('iso')»''')


# --- clean ---
@T("config_polyglot", clean=True)
def c_k8s_events(g):
    return g.fill('''LAST SEEN   TYPE      REASON             OBJECT                                        MESSAGE
«ri(1,59)»s         Warning   OOMKilling         node/«K('ip-10-'+str(ri(0,250))+'-'+str(ri(0,250))+'-'+str(ri(1,250))+'.ec2.internal','host')»   Memory cgroup out of memory: Killed process «ri(1000,60000)» (python)
«ri(1,9)»m«ri(10,59)»s      Warning   FailedScheduling   pod/«pod()»     0/«cnt(3,12)» nodes are available: «cnt(1,3)» Insufficient memory. preemption: 0/«cnt(3,12)» nodes are available
«ri(1,9)»m«ri(10,59)»s      Normal    Pulled             pod/«pod()»     Successfully pulled image "registry.internal/«svc()»:«ver()»" in «dur()»''')


@T("config_polyglot", clean=True)
def c_helm_values(g):
    return g.fill('''helm upgrade failed: values don't meet the specifications of the schema: (root): Additional property "replicaCount " is not allowed
# values-prod.yaml
image:
  repository: registry.internal/«svc()»
  tag: "«ver()»"
  digest: sha256:«sha(64)»
resources:
  limits: {cpu: "«ri(1,4)»", memory: «ri(512,4096)»Mi}
service:
  port: «port()»
env:
  PHI_SCRUB: "strict"
  SENTRY_RELEASE: "«sha(12)»"''')


@T("config_polyglot", clean=True)
def c_toml_ports(g):
    return g.fill('''config error in /etc/«svc()»/app.toml line «ri(3,40)»: duplicate key "port"
[http]
port = «port()»
read_timeout = "«dur()»"
[metrics]
port = «port()»
path = "/metrics"
[database]
host = "«host()»"
pool_max = «cnt(5,50)»''')


@T("config_polyglot", clean=True)
def c_java_npe(g):
    return g.fill('''«ts('java')» ERROR 1 --- [   scheduling-1] c.p.billing.ClaimBatchScheduler         : batch «uuid()» aborted

java.lang.«exc('NullPointerException')»: Cannot invoke "com.practice.billing.Payer.getEdiId()" because "claim.payer" is null
	at com.practice.billing.ClaimBatchScheduler.build(ClaimBatchScheduler.java:«ri(20,300)»)
	at com.practice.billing.ClaimBatchScheduler.run(ClaimBatchScheduler.java:«ri(20,300)»)
	... «cnt(5,40)» common frames omitted''')


@T("config_polyglot", clean=True)
def c_rust_index(g):
    return g.fill('''thread 'main' panicked at src/ingest/batch.rs:«ri(20,400)»:«ri(5,40)»:
index out of bounds: the len is «cnt(0,9)» but the index is «cnt(10,99)»
stack backtrace:
   0: rust_begin_unwind
   1: core::panicking::panic_bounds_check
   2: castor_sync::ingest::batch::Batch::split
«ts('k8s')» WARN castor_sync: restarting worker in «dur()» (build «sha(7)»)''')


# --------------------------------------------------------------------------
# Scorer rules (mirrors tests/data/phi_score.py) and verification
# --------------------------------------------------------------------------
TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "jr", "sr", "ii", "iii", "iv", "md",
          "phd", "psyd", "lcsw", "lmhc", "rn", "np"}


def _load_common_words():
    """The scorer's common-word list, read from phi_score.py next to this file."""
    path = os.path.join(HERE, "phi_score.py")
    try:
        src = open(path, encoding="utf-8").read()
        m = re.search(r'COMMON_WORDS = set\("""(.*?)"""', src, re.S)
        if m:
            return set(m.group(1).split())
    except OSError:
        pass
    return set()


COMMON_WORDS = _load_common_words()
_LETTERS = r"[^\W\d_]"


def _boundary_pattern(value):
    left = r"(?<![^\W_])" if value[:1].isalnum() else ""
    right = r"(?![^\W_])" if value[-1:].isalnum() else ""
    return left + re.escape(value) + right


def occurs(value, text):
    if not value or value not in text:
        return False
    return re.search(_boundary_pattern(value), text) is not None


def digits_of(s):
    return re.sub(r"[^0-9]", "", s)


def name_parts(value):
    return [p for p in re.findall(_LETTERS + r"+", value)
            if len(p) >= 3 and p.lower() not in TITLES and p.lower() not in COMMON_WORDS]


def leak_reason(value, kind, out, out_digits):
    if occurs(value, out):
        return "verbatim"
    vd = digits_of(value)
    if len(vd) >= 6 and vd in out_digits:
        return "digits"
    if kind == "NAME":
        for p in name_parts(value):
            if re.search(r"(?<!" + _LETTERS + r")" + re.escape(p) + r"(?!" + _LETTERS + r")", out, re.I):
                return "name-part:" + p
    return None


def perfect_scrub(text, phi):
    out = text
    for v in sorted({x["value"] for x in phi}, key=len, reverse=True):
        out = re.sub(_boundary_pattern(v), "[X]", out)
    return out


EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+")
PHONE_RE = re.compile(r"(?<!\d)(?:\(\d{3}\)\s?|\d{3}[-.])\d{3}[-.]\d{4}(?!\d)")
SSN_RE = re.compile(r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)")
IPV4_RE = re.compile(r"(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d.])")


def is_infra_ip(a, b):
    return a == 10 or (a == 172 and 16 <= b <= 31) or a == 127


def _pool_words():
    words = set()
    for pool in list(GIVEN.values()) + list(SURNAME.values()) + list(MIDDLE.values()):
        for n in pool:
            for v in (n, ascii_fold(n)):
                for part in name_parts(v):
                    words.add(part.lower())
    return words


POOL_WORDS = None


def check_value(v, k):
    """Kind-specific validity of a labelled value; returns an error string or None."""
    if v != v.strip() or not v:
        return "surrounding whitespace / empty"
    d = digits_of(v)
    if k == "SSN" and not ssn_ok(v):
        return "invalid SSN"
    if k == "LICENSE":
        if re.fullmatch(r"\d{10}", v) and not npi_ok(v):
            return "bad NPI check digit"
        if re.fullmatch(r"[A-Z]{2}\d{7}", v) and not dea_ok(v):
            return "bad DEA check digit"
    if k == "VEHICLE" and len(v) == 17 and re.fullmatch(r"[A-Z0-9]{17}", v) and not vin_ok(v):
        return "bad VIN check digit"
    if k == "DEVICE" and re.fullmatch(r"[\d -]+", v) and len(d) == 15 and not luhn_ok(d):
        return "bad IMEI Luhn"
    if k == "ACCOUNT" and re.fullmatch(r"[\d -]+", v) and len(d) in (15, 16) and not luhn_ok(d):
        return "bad card Luhn"
    if k == "IP":
        m = IPV4_RE.fullmatch(v)
        if m and is_infra_ip(int(m.group(1)), int(m.group(2))):
            return "infrastructure IP labelled as PHI"
    if k == "ZIP" and not re.fullmatch(r"\d{5}(-\d{4})?", v):
        return "ZIP not 5/9 digits"
    return None


def verify_record(rec, clean):
    """Return a list of problems (empty = fine)."""
    global POOL_WORDS
    errs = []
    text, phi, keep = rec["text"], rec["phi"], rec["keep"]
    kk = rec.get("keep_kinds", [])
    if len(kk) != len(keep):
        errs.append("keep_kinds length")
    seen = set()
    for x in phi:
        v, k = x["value"], x["kind"]
        if k not in KINDS:
            errs.append("bad kind %r" % k)
        if (v, k) in seen:
            errs.append("duplicate phi %r" % v)
        seen.add((v, k))
        if not occurs(v, text):
            errs.append("value not in text: %r" % v)
        e = check_value(v, k)
        if e:
            errs.append("%s: %r (%s)" % (e, v, k))
    if clean and phi:
        errs.append("PHI-free record carries PHI")
    if not clean and not phi:
        errs.append("PHI record without PHI")
    for tok in keep:
        if not occurs(tok, text):
            errs.append("keep token not in text: %r" % tok)
        for x in phi:
            if occurs(tok, x["value"]) or tok == x["value"]:
                errs.append("keep token %r inside PHI value %r" % (tok, x["value"]))
    # simulate a perfect scrubber: nothing may leak, every keep token must survive
    out = perfect_scrub(text, phi)
    od = digits_of(out)
    for x in phi:
        why = leak_reason(x["value"], x["kind"], out, od)
        if why:
            errs.append("unavoidable leak %r (%s) %s" % (x["value"], x["kind"], why))
    for tok in keep:
        if not occurs(tok, out):
            errs.append("keep token destroyed by PHI removal: %r" % tok)
    if clean:
        if POOL_WORDS is None:
            POOL_WORDS = _pool_words()
        for w in re.findall(_LETTERS + r"+", text):
            if len(w) >= 3 and w.lower() in POOL_WORDS:
                errs.append("PHI-free record contains pool name %r" % w)
        for t in TOWNS:
            if occurs(t[0], text):
                errs.append("PHI-free record contains town %r" % t[0])
        for s in STREETS:
            if occurs(s, text):
                errs.append("PHI-free record contains street %r" % s)
        if EMAIL_RE.search(text):
            errs.append("PHI-free record contains e-mail %r" % EMAIL_RE.search(text).group(0))
        if PHONE_RE.search(text):
            errs.append("PHI-free record contains phone %r" % PHONE_RE.search(text).group(0))
        if SSN_RE.search(text):
            errs.append("PHI-free record contains SSN-like %r" % SSN_RE.search(text).group(0))
        for m in IPV4_RE.finditer(text):
            a, b = int(m.group(1)), int(m.group(2))
            if all(int(x) <= 255 for x in m.groups()) and not is_infra_ip(a, b):
                errs.append("PHI-free record contains public IP %r" % m.group(0))
    return errs


# --------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------
def plan():
    items = []
    per_style = N_RECORDS // len(STYLES)
    clean_per_style = N_CLEAN // len(STYLES)
    for style in STYLES:
        t = TEMPLATES[style]
        for j in range(per_style - clean_per_style):
            items.append((style, t["phi"][j % len(t["phi"])], False))
        for j in range(clean_per_style):
            items.append((style, t["clean"][j % len(t["clean"])], True))
    return items


def render(style, fn, clean, idx):
    last = None
    for attempt in range(400):
        rng = random.Random("%d:%d:%d" % (SEED, idx, attempt))
        g = Ctx(rng)
        try:
            text = fn(g)
        except ValueError as e:  # e.g. Feb 29 arithmetic; just redraw
            last = [str(e)]
            continue
        rec = {"text": text, "phi": g.phi, "keep": g.keep, "keep_kinds": g.keep_kinds}
        errs = verify_record(rec, clean)
        if not errs:
            return rec, attempt
        last = errs
    raise SystemExit("template %s (%s) cannot produce a valid record: %s" % (fn.__name__, style, last[:5]))


def build():
    items = plan()
    recs = []
    redraws = 0
    for idx, (style, fn, clean) in enumerate(items):
        rec, att = render(style, fn, clean, idx)
        redraws += att
        recs.append((style, fn.__name__, rec))
    order = list(range(len(recs)))
    random.Random(SEED).shuffle(order)
    out = []
    for n, i in enumerate(order):
        style, tname, rec = recs[i]
        out.append({"id": "%s-%05d" % (FAMILY, n + 1), "family": FAMILY,
                    "template": "%s/%s" % (style, tname), "text": rec["text"], "phi": rec["phi"],
                    "keep": rec["keep"], "keep_kinds": rec["keep_kinds"]})
    return out, redraws


def serialise(recs):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


def summary(recs):
    per = {k: 0 for k in KINDS}
    for r in recs:
        for x in r["phi"]:
            per[x["kind"]] += 1
    tmpl = {}
    for r in recs:
        tmpl[r["template"]] = tmpl.get(r["template"], 0) + 1
    return per, tmpl


def check(path):
    if not COMMON_WORDS:
        print("FAIL: could not read COMMON_WORDS from phi_score.py")
        return 1
    problems = 0
    with open(path, encoding="utf-8") as f:
        data = f.read()
    recs = [json.loads(l) for l in data.splitlines() if l.strip()]
    ids = set()
    for r in recs:
        for key in ("id", "family", "template", "text", "phi", "keep", "keep_kinds"):
            if key not in r:
                print("FAIL %s: missing field %s" % (r.get("id"), key))
                problems += 1
        if r["id"] in ids:
            print("FAIL duplicate id %s" % r["id"])
            problems += 1
        ids.add(r["id"])
        clean = r["template"].split("/")[1].startswith("c_")
        for e in verify_record(r, clean):
            print("FAIL %s: %s" % (r["id"], e))
            problems += 1
    per, tmpl = summary(recs)
    n_clean = sum(1 for r in recs if not r["phi"])
    validated = {"NPI": 0, "DEA": 0, "VIN": 0, "IMEI": 0, "card": 0, "SSN": 0}
    for r in recs:
        for x in r["phi"]:
            v, k, d = x["value"], x["kind"], digits_of(x["value"])
            if k == "LICENSE" and re.fullmatch(r"\d{10}", v):
                validated["NPI"] += 1
            elif k == "LICENSE" and re.fullmatch(r"[A-Z]{2}\d{7}", v):
                validated["DEA"] += 1
            elif k == "VEHICLE" and len(v) == 17:
                validated["VIN"] += 1
            elif k == "DEVICE" and re.fullmatch(r"[\d -]+", v) and len(d) == 15:
                validated["IMEI"] += 1
            elif k == "ACCOUNT" and re.fullmatch(r"[\d -]+", v) and len(d) in (15, 16):
                validated["card"] += 1
            elif k == "SSN":
                validated["SSN"] += 1
    if len(recs) != N_RECORDS:
        print("FAIL: %d records, expected %d" % (len(recs), N_RECORDS))
        problems += 1
    if n_clean != N_CLEAN:
        print("FAIL: %d PHI-free records, expected %d" % (n_clean, N_CLEAN))
        problems += 1
    for k in KINDS:
        if per[k] < 25:
            print("FAIL: kind %s has only %d values" % (k, per[k]))
            problems += 1
    maxuse = max(tmpl.values())
    if maxuse > 6:
        print("FAIL: a template is used %d times" % maxuse)
        problems += 1
    regen, _ = build()
    if serialise(regen) != data:
        print("FAIL: regenerating does not reproduce %s byte for byte" % path)
        problems += 1
    print("records: %d  PHI-free: %d  PHI values: %d  templates: %d (max uses %d)" % (
        len(recs), n_clean, sum(per.values()), len(tmpl), maxuse))
    print("per kind: " + ", ".join("%s=%d" % (k, per[k]) for k in KINDS))
    print("keep tokens: %d" % sum(len(r["keep"]) for r in recs))
    print("check digits / validity rules verified: " + ", ".join("%s=%d" % kv for kv in validated.items()))
    if problems:
        print("CHECK FAILED: %d problem(s)" % problems)
        return 1
    print("CHECK PASSED")
    return 0


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="verify %s" % os.path.basename(OUT))
    ap.add_argument("--out", default=OUT)
    a = ap.parse_args(argv)
    if a.check:
        return check(a.out)
    recs, redraws = build()
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(serialise(recs))
    per, tmpl = summary(recs)
    print("wrote %d records to %s (%d PHI-free, %d redraws)" % (
        len(recs), a.out, sum(1 for r in recs if not r["phi"]), redraws))
    print("per kind: " + ", ".join("%s=%d" % (k, per[k]) for k in KINDS))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
