#!/usr/bin/env python3
"""Blind synthetic PHI evaluation corpus "blind3" for Relay's scrubber.

Written BLIND: the author did not read Relay's scrubber (relay/), its tests,
the other corpora (dev / heldout / blind) or their generators.  Only the
labelling policy in /work/shared/phi/README.md and the scorer
tests/data/phi_score.py were consulted.  Name, street and city pools below are
hand-written (no Faker, no packaged name lists).

Output: tests/data/phi_blind3.jsonl, 1,000 records (200 without PHI, only
look-alikes), README format:
  {"id", "family": "blind3", "template", "text", "phi": [{value, kind}],
   "keep": [...], "keep_kinds": [...]}

Every record is self-checked the way phi_score.py judges it: a perfect
scrubber that replaces exactly the labelled values with "[REDACTED]" must
leak nothing and keep every keep token, and no keep token may overlap a PHI
value.  A failing draw is redrawn (up to 40 tries).

Usage (from the repository root):
    python3 tests/data/make_phi_blind3.py           # (re)write the corpus
    python3 tests/data/make_phi_blind3.py --check   # regenerate, compare bytes
Standard library only; fixed seed; output is reproducible byte for byte.
"""
import datetime
import json
import os
import re
import sys
import unicodedata
import uuid
from collections import Counter, OrderedDict
from random import Random

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_PATH = os.path.join(HERE, "phi_blind3.jsonl")
sys.path.insert(0, HERE)
import phi_score  # noqa: E402

SEED = "relay-blind3-v1"
N_RECORDS = 1000
N_CLEAN = 200
MAX_TRIES = 40

# ---------------------------------------------------------------------------
# Hand-written pools
# ---------------------------------------------------------------------------
GIVEN = """
Amara Ngozi Chidubem Oluwaseun Adaeze Folasade Kwabena Abena Yaw Esi Kofi Thandiwe Sipho
Nomvula Lindiwe Zanele Mthunzi Wanjiru Njeri Otieno Achieng Baraka Zawadi Makena Tsegaye
Selamawit Yohannes Meron Abdirahman Hodan Farhiya Idil Mahad Ayaan Anjali Priyanka Raghav
Vikramaditya Lakshmi Harpreet Gurleen Jaswinder Navdeep Ishaan Devika Meenakshi Sanjukta
Ritwik Anirban Debolina Keerthana Sowmya Venkatesh Parvathi Niranjan Aarav Zoya Farzana
Tahmina Shirin Dariush Kourosh Parisa Golnaz Behrouz Yasaman Leyla Emre Elif Cansu Barış
Gökhan Mehmet Zeynep Tuğba Anahit Armen Siranush Levon Tamar Nino Giorgi Ketevan Irakli
Oksana Bohdan Yaroslava Mykola Svitlana Dmitri Anastasiya Yevgeny Lyudmila Radoslav Zdenka
Miroslav Jadwiga Wojciech Grzegorz Agnieszka Bartłomiej Ildikó Zsófia Gergely Csaba Ágnes
Eero Aino Tuulikki Sigrún Þórunn Guðmundur Hallvard Solveig Torbjørn Ingrid Birgitta Åsa
Maël Gwenaëlle Loïc Sidonie Aurèle Clothilde Benedikt Hannelore Wolfram Liesel Joaquín
Itziar Aitor Xabier Begoña Concepción Rosalía Inmaculada Guadalupe Xóchitl Citlali Itzel
Tonatiuh Cuauhtémoc Yareli Maricruz Evaristo Anselmo Dagoberto Marisol Yesenia Luzmila
Wendolyn Thiago Joaquim Raimunda Edivaldo Gislaine Valdirene Juscelino Siobhán Niamh
Caoimhe Oisín Ruairí Pádraig Eilidh Mhairi Ffion Rhiannon Dafydd Gwilym Iolo Bronwen Tavita
Sione Mele Losana Kalani Keoni Leilani Kahiau Hinemoa Wiremu Aroha Rangi Nguyet Thuy Phuong
Quang Huong Minh-Anh Sokha Chanthou Vanna Somchai Kanokwan Siriporn Nattapong Arunee Jae-won
Seo-yeon Min-jun Hye-jin Dong-hyun Ji-woo Haruto Sakura Ryūnosuke Kaede Tomoyuki Noriko
Chiyo Xiaoling Zhiwei Yuxuan Haoran Meihua Jianguo Wenjing Ezinne Chiamaka Obiageli
Ikechukwu Tobenna Nnamdi Uchenna Babajide Temitope Funmilayo Adewale Yetunde Olamide Mariama
Fatoumata Ousmane Aminata Souleymane Boubacar Khadija Youssef Rachida Nadia Hamza Layla
Tariq Faisal Hessa Rania Ziad Yousra Samir Bilal Mirela Doina Radu Florin Ileana Sorin Vesna
Dragana Nebojša Milica Goran Ljiljana Jelena Zoran Kalliope Theodora Spyridon Eleftheria
Panagiotis Dimitra Evangelos Ariadne Achilleas Ornella Gianfranco Pierluigi Assunta
Raffaella Carmela Benedetta Tancredi Ludovica Beatriz Sebastião Afonso Leocádia Delphine
Perpetua Philomena Ermintrude Wilhelmina Mehitabel Thaddeus Ezekiel Jedidiah Obadiah
Zebulon Cornelius Augustin Percival Ignatius Lucasta Araminta Temperance Prudence Jemima
Tallulah Marigold Clementine Ottoline Bartholomew Eustace Rutherford Lysander Peregrine
Cassius Octavia Seraphina Anneliese Rosalind Winnifred Euphemia Griselda Hortense Jaxtyn
Brexleigh Kynzlee Nevaeh Jaylynn Daquan Shaniqua Tyreek Keyshawn Latoya Jamarcus Deshawn
Kenyatta Marquise Shanice Aaliyah Dwayne Kenji Soren Linnea Astrid Freya Bodhi Ozias Eamon
Caspian Precious Comfort Godsway Ebenezer Ximena Yusra Oyelaran Tenzin Pemba Dolkar Sonam
""".split()

NICKNAMES = ["Bart", "Gus", "Tilly", "Bea", "Zeke", "Lulu", "Bibi", "Kiki", "Nnenna", "Tavo",
             "Chuy", "Pancho", "Lupita", "Dimi", "Sasha", "Toyin", "Femi", "Deji", "Kemi",
             "Wojtek", "Gosia", "Thad", "Percy", "Minnie", "Cas", "Ozzie", "Tibor"]

SURNAMES = """
Okafor Adeyemi Nwachukwu Obi-Akpan Eze Ogunleye Mensah Asante Boateng Owusu Agyeman Nkosi
Dlamini Mthembu Khumalo Ndlovu Kamau Odhiambo Wambui Kiprotich Cherono Tesfaye Gebremedhin
Haile Woldemariam Abdullahi Warsame Farah Hirsi Diallo Traoré Coulibaly Konaté Ndiaye N'Diaye
Keita Camara Bangura Kamara Sesay Koroma Mahmoud El-Amin al-Farsi Al-Khouri Haddad Nassar
Khalil Saleh Qureshi Siddiqui Chaudhry Bhattacharya Chakraborty Raghunathan Venkataraman
Subramaniam Iyer Krishnamurthy Pillai Menon Nair Reddy Gowda Deshpande Kulkarni Joshi
Sandhu Grewal Dhillon Ahluwalia Rahman Hossain Chowdhury Karim Tehrani Farahani Mousavi
Hosseini Jafari Ebadi Yilmaz Öztürk Kaya Şahin Demir Aydın Çelik Hovhannisyan Petrosyan
Grigoryan Sargsyan Beridze Kapanadze Lomidze Shevchenko Kovalenko Bondarenko Tkachuk
Hrytsenko Ivanova Sokolov Kuznetsova Volkonsky Przybylski Wiśniewska Szczepański Grzybowski
Kowalczyk Nowakowska Dvořák Procházková Horváth Szabó Kovács Nagy Bíró Virtanen Mäkinen
Hämäläinen Korhonen Järvinen Sigurðardóttir Guðmundsson Haraldsen Lindqvist Åkesson Sjöberg
Bergström Ødegaard Fjeldstad Quéméneur Lefebvre Duchâteau Rousseau Vandenberghe Verhoeven
Vanderslice Schwarzkopf Oberhauser Kühnel Großmann Eichenwald Zwanziger Etxeberria
Goikoetxea Iturriaga Villaseñor Castañeda Ibarra Zúñiga Quiñones Echeverría Tlatelpa
Cuautle Xicohténcatl Huitrón Ocampo Ybarra Maldonado Arredondo Barrientos Magalhães
Gonçalves Albuquerque Figueiredo Rebelo O'Shaughnessy MacAskill McGillicuddy Fitzpatrick
Llewellyn Pryce-Jones Vaughan-Thomas Featherstonehaugh Cholmondeley Ffoulkes Fotheringham
Throckmorton Bagshawe Pennycuick Ravenscroft Winterbottom Higginbotham Tuiasosopo Fonoti
Faleolo Taufa Kahananui Kealoha Nakamura-Kealoha Ngata Parata Nguyễn Trần Phạm Huỳnh Đặng
Sokhom Phommachanh Vongsavath Srisuk Chaiyaporn Wongsakul Kittikhun Choi Hwang Jeong
Yamaguchi Takahashi Fujiwara Kobayashi Matsumoto Ishikawa Zhou Xiong Ouyang Situ Zhuge Goh
Teo Panganiban Macaraeg Dimaculangan Bautista Magsaysay Evangelista Agbayani Tolentino
Jovanović Petrović Đorđević Nikolić Popescu Ionescu Constantinescu Bălan Papadopoulos
Karagiannis Oikonomou Chatzidakis Esposito Lombardi Bianchi Ferraro Caruso Giordano
Abernathy Blackwood Whitfield Pemberton Ashworth Castellanos Thibodeaux Boudreaux Arceneaux
Fontenot Guidry Broussard LeBlanc Washington-Okoro Jean-Baptiste Pierre-Louis Desrosiers
Dorvil Bien-Aimé Toussaint Kowalski-Ferreira Yazzie Begay Tsosie Benally Attakai Tafoya
Lente Quisenberry Vukovich Zabriskie Oyelowo Achterberg Ruiz-Tagle Szymborska Amundsen
""".split()

SURNAMES_MULTI = ["de la Cruz", "de la Cruz-Ybarra", "bin Rashid", "van der Berg", "van den Broek",
                  "de Vries", "dos Santos", "da Silva", "Le Goff", "Ó Súilleabháin",
                  "Mac Giolla Phádraig", "Ní Bhriain", "ap Gwynedd", "Te Whaiti", "St. Fleur",
                  "Many Goats", "del Castillo", "al-Tamimi", "Abu Ghazaleh", "von Trapp-Ellison",
                  "di Benedetto", "Ould Abdallah", "Ben Ammar", "ter Haar", "Mc Nulty"]

STREETS = ["Quillfeather", "Tamarack", "Old Mill Pond", "Chokecherry", "Kittiwake", "Sweetgum",
           "Bramblewood", "Persimmon", "Ocotillo", "Saguaro Vista", "Manzanita", "Piñon Ridge",
           "Juniper Hollow", "Lighthouse Point", "Calle Encanto", "Avenida Los Olivos",
           "Rue Toulouse", "Kamehameha", "Cesar Chavez", "Frederick Douglass", "Harriet Tubman",
           "N 14th", "W 3rd", "SE Division", "NW Glisan", "Sandhill Crane", "Whippoorwill",
           "Buttonbush", "Kestrel Ridge", "Fiddlehead", "Cattail Marsh", "Larkspur", "Hackberry",
           "Sassafras", "Blue Heron", "Foxglove", "Wintergreen", "Tumbleweed", "Arroyo Seco",
           "Mesquite Bend", "Bayou Teche", "Magnolia Bluff", "Cranberry Bog", "Sugar Maple",
           "Osage Orange", "Pawpaw", "Ironwood", "Chickasaw", "Wapsipinicon", "Kinnickinnic",
           "E Colfax", "S Halsted", "Martin Luther King Jr", "Nakoma", "Tallgrass", "Yellowbrick"]
SUFFIX = ["St", "Street", "Ave", "Avenue", "Blvd", "Rd", "Road", "Ln", "Lane", "Dr", "Drive", "Ct",
          "Way", "Pl", "Terrace", "Trail", "Pkwy", "Loop", "Cir", "Hwy"]
UNITS = ["Apt 3B", "Apt. 12", "Unit 7", "#204", "Ste 110", "Lot 44", "Apt 1", "Unit C", "Fl 2",
         "Apt 506", "Bldg 4 Apt 9", "Trlr 17"]

CITIES = [("Tacoma", "WA"), ("Missoula", "MT"), ("Chillicothe", "OH"), ("Kalamazoo", "MI"),
          ("Tuscaloosa", "AL"), ("Poughkeepsie", "NY"), ("Walla Walla", "WA"), ("Natchitoches", "LA"),
          ("Ypsilanti", "MI"), ("Kennewick", "WA"), ("Bozeman", "MT"), ("Flagstaff", "AZ"),
          ("Las Cruces", "NM"), ("Truth or Consequences", "NM"), ("Coeur d'Alene", "ID"),
          ("Sault Ste. Marie", "MI"), ("Winston-Salem", "NC"), ("Wilkes-Barre", "PA"),
          ("Lake Havasu City", "AZ"), ("St. Cloud", "MN"), ("Eau Claire", "WI"), ("Oshkosh", "WI"),
          ("Dubuque", "IA"), ("Sioux Falls", "SD"), ("Bismarck", "ND"), ("Cheyenne", "WY"),
          ("Laramie", "WY"), ("Pocatello", "ID"), ("Twin Falls", "ID"), ("Elko", "NV"), ("Yuma", "AZ"),
          ("Bakersfield", "CA"), ("Visalia", "CA"), ("Chula Vista", "CA"), ("Escondido", "CA"),
          ("Salinas", "CA"), ("Eureka", "CA"), ("Medford", "OR"), ("Bend", "OR"), ("Olympia", "WA"),
          ("Yakima", "WA"), ("Anchorage", "AK"), ("Fairbanks", "AK"), ("Juneau", "AK"), ("Hilo", "HI"),
          ("Kailua-Kona", "HI"), ("Honolulu", "HI"), ("Boise", "ID"), ("Provo", "UT"), ("Ogden", "UT"),
          ("St. George", "UT"), ("Pueblo", "CO"), ("Durango", "CO"), ("Greeley", "CO"),
          ("Amarillo", "TX"), ("Lubbock", "TX"), ("Nacogdoches", "TX"), ("Brownsville", "TX"),
          ("Laredo", "TX"), ("McAllen", "TX"), ("Abilene", "TX"), ("Waco", "TX"), ("Tulsa", "OK"),
          ("Muskogee", "OK"), ("Shreveport", "LA"), ("Hattiesburg", "MS"), ("Tupelo", "MS"),
          ("Biloxi", "MS"), ("Dothan", "AL"), ("Macon", "GA"), ("Valdosta", "GA"), ("Savannah", "GA"),
          ("Gainesville", "FL"), ("Kissimmee", "FL"), ("Hialeah", "FL"), ("Pensacola", "FL"),
          ("Asheville", "NC"), ("Spartanburg", "SC"), ("Roanoke", "VA"), ("Lynchburg", "VA"),
          ("Morgantown", "WV"), ("Wheeling", "WV"), ("Altoona", "PA"), ("Scranton", "PA"),
          ("Allentown", "PA"), ("Paterson", "NJ"), ("Hoboken", "NJ"), ("Yonkers", "NY"),
          ("Schenectady", "NY"), ("Utica", "NY"), ("Ithaca", "NY"), ("Montpelier", "VT"),
          ("Bangor", "ME"), ("Lewiston", "ME"), ("Nashua", "NH"), ("Pawtucket", "RI"),
          ("Worcester", "MA"), ("Pittsfield", "MA"), ("New Haven", "CT"), ("Cedar Rapids", "IA"),
          ("Council Bluffs", "IA"), ("Kenosha", "WI"), ("Fond du Lac", "WI"), ("Duluth", "MN"),
          ("Mankato", "MN"), ("Terre Haute", "IN"), ("Muncie", "IN"), ("Peoria", "IL"),
          ("Champaign", "IL"), ("Joliet", "IL"), ("Youngstown", "OH"), ("Akron", "OH"),
          ("Saginaw", "MI"), ("Paducah", "KY"), ("Chattanooga", "TN"), ("Murfreesboro", "TN"),
          ("Jonesboro", "AR"), ("Texarkana", "TX"), ("Joplin", "MO"), ("Topeka", "KS"),
          ("Wichita", "KS"), ("Kearney", "NE"), ("Rapid City", "SD"), ("Minot", "ND"),
          ("Great Falls", "MT"), ("Casper", "WY"), ("Grand Junction", "CO"), ("Santa Fe", "NM"),
          ("Gallup", "NM"), ("Window Rock", "AZ"), ("Kotzebue", "AK"), ("Chinle", "AZ"),
          ("Hamtramck", "MI"), ("Opelousas", "LA"), ("Ponchatoula", "LA"), ("Kalispell", "MT")]

PAYERS = ["Aetna", "Cigna", "Optum Behavioral Health", "Anthem", "Humana", "Magellan Health",
          "Carelon Behavioral Health", "Kaiser Permanente", "UnitedHealthcare", "Tricare West",
          "Molina Healthcare", "Highmark", "Premera Blue Cross", "Ambetter", "Wellcare",
          "Blue Cross Blue Shield of Texas", "Medicaid", "Medicare Part B", "AHCCCS", "Beacon Health"]
ICD10 = ["F32.1", "F33.2", "F41.1", "F43.10", "F43.12", "F90.0", "F31.81", "F42.2", "F50.01",
         "F60.3", "Z63.0", "Z91.19", "F10.20", "F11.20", "F40.10", "Z13.31", "R45.851", "F41.0",
         "F43.23", "F84.0", "G47.00"]
CPT = ["90791", "90792", "90832", "90834", "90837", "90846", "90847", "90853", "99213", "99214",
       "96127", "90839", "90840", "96136", "99404"]
HCPCS = ["H0031", "H2019", "G2012", "G0444", "T1015", "H0004", "S9484", "H0038", "G2086", "T1017"]
DRUGS = ["sertraline 50 mg", "escitalopram 10 mg", "bupropion XL 150 mg", "lithium carbonate 300 mg",
         "quetiapine 25 mg", "aripiprazole 5 mg", "lamotrigine 100 mg", "buprenorphine-naloxone 8-2 mg",
         "naltrexone 50 mg", "prazosin 1 mg", "hydroxyzine 25 mg", "trazodone 50 mg",
         "clonidine 0.1 mg", "methylphenidate ER 36 mg", "venlafaxine XR 75 mg", "mirtazapine 15 mg",
         "fluoxetine 20 mg", "lurasidone 40 mg", "guanfacine ER 2 mg", "clozapine 100 mg"]
FLAGS = ["scheduling.ics_v2", "billing-pdf-wkhtml-fallback", "telehealth.waiting_room_v3",
         "intake.ocr_autofill", "erx.surescripts_renewals", "notes.autosave_interval_15s",
         "fax.retry_backoff", "eligibility.batch_271", "sms.quiet_hours", "crisis.transcript_store"]
SERVICES = ["relay-api", "billing-worker", "intake-svc", "erx-gateway", "fax-bridge", "sched-sync",
            "telehealth-hooks", "notes-api", "eligibility-svc", "ocr-pipeline", "rides-adapter",
            "device-ingest", "audit-writer", "portal-web"]
MON = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
       "October", "November", "December"]
MON3 = [m[:3] for m in MON]
EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "protonmail.com",
                 "hotmail.com", "aol.com", "comcast.net", "fastmail.fm", "hey.com", "ymail.com",
                 "sbcglobal.net", "gmx.de", "mail.ru", "rediffmail.com", "live.ca"]
RELATIONS = ["mother", "father", "sister", "brother", "spouse", "daughter", "son", "aunt",
             "grandmother", "guardian", "partner", "case manager", "foster parent", "neighbor"]
CREDS = ["PsyD", "PhD", "LCSW", "LMHC", "LMFT", "MD", "PMHNP-BC", "LPC", "DO", "LCPC"]

PO, KO, SEP, CL = "\ue001", "\ue002", "\ue003", "\ue004"


def P(kind, v):
    return PO + kind + SEP + str(v) + CL


def K(kind, v):
    return KO + kind + SEP + str(v) + CL


def parse(marked):
    out, stack, phi, keep = [], [], [], []
    n = 0
    i = 0
    while i < len(marked):
        c = marked[i]
        if c in (PO, KO):
            j = marked.index(SEP, i)
            stack.append((c, marked[i + 1:j], n))
            i = j + 1
            continue
        if c == CL:
            t, kind, start = stack.pop()
            val = "".join(out[start:])
            (phi if t == PO else keep).append((val, kind))
            i += 1
            continue
        out.append(c)
        n += 1
        i += 1
    assert not stack
    return "".join(out), phi, keep


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return "%dth" % n
    return "%d%s" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def asciify(s):
    s = s.replace("Þ", "Th").replace("þ", "th").replace("ð", "d").replace("Ð", "D")
    s = s.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
    s = s.replace("đ", "d").replace("Đ", "D").replace("ı", "i").replace("ß", "ss")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return s


def slug(s, sep=""):
    return re.sub(r"[^a-z0-9]+", sep, asciify(s).lower()).strip(sep)


def luhn_digit(s):
    total = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


VIN_TRANS = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3,
                                                  4, 5, 6, 7, 8, 9]))
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
VIN_ALPHA = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def vin_check(v):
    tot = sum((int(c) if c.isdigit() else VIN_TRANS[c]) * w for c, w in zip(v, VIN_W))
    r = tot % 11
    return "X" if r == 10 else str(r)


# ---------------------------------------------------------------------------
# Value generators (PHI methods return marked strings; raw_* return plain)
# ---------------------------------------------------------------------------
class G:
    def __init__(self, r):
        self.r = r

    def ch(self, seq):
        return self.r.choice(seq)

    def d(self, n):
        return "".join(self.r.choice("0123456789") for _ in range(n))

    def hx(self, n):
        return "".join(self.r.choice("0123456789abcdef") for _ in range(n))

    def an(self, n, alpha="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"):
        return "".join(self.r.choice(alpha) for _ in range(n))

    # ---- people ---------------------------------------------------------
    def person(self):
        r = self.r
        last = self.ch(SURNAMES_MULTI) if r.random() < 0.12 else self.ch(SURNAMES)
        if r.random() < 0.05:
            last = last + "-" + self.ch(SURNAMES)
        first = self.ch(GIVEN)
        return {"first": first, "last": last, "mi": self.ch("ABCDEFGHJKLMNPRSTVWZ"),
                "nick": self.ch(NICKNAMES), "dob": self.dob(), "age": r.randint(90, 107)}

    def raw_name(self, p, style=None):
        st = style or self.ch(["fl", "fl", "fl", "fml", "lfm", "lf", "il", "caps", "lf_caps"])
        f, l, m = p["first"], p["last"], p["mi"]
        return {"fl": f"{f} {l}", "fml": f"{f} {m}. {l}", "lfm": f"{l.upper()}, {f.upper()} {m}",
                "lf": f"{l}, {f}", "il": f"{f[0]}. {l}", "caps": f"{f} {l}".upper(),
                "lf_caps": f"{l.upper()}, {f}", "f": f, "l": l, "nick": f"{p['nick']} {l}",
                "nickonly": p["nick"], "hl7": f"{l.upper()}^{f.upper()}^{m}",
                "fm": f"{f} {m}"}[st]

    def name(self, p, style=None):
        return P("NAME", self.raw_name(p, style))

    def email_raw(self, p):
        f, l = slug(p["first"]), slug(p["last"])
        lp = self.ch([f"{f}.{l}", f"{f}{l}{self.d(2)}", f"{f[0]}{l}", f"{l}.{f}", f"{f}_{l}",
                      f"{f}+portal", f"{l}{f[0]}{self.d(3)}", f"{f}.{l}.{self.d(4)}", f"{f}{self.d(2)}"])
        return lp + "@" + self.ch(EMAIL_DOMAINS)

    def email(self, p):
        return P("EMAIL", self.email_raw(p))

    def username(self, p):
        f, l = slug(p["first"]), slug(p["last"])
        return P("OTHER_ID", self.ch([f"{f}.{l}{self.d(2)}", f"{f[0]}{l}", f"{l}_{f}{self.d(3)}",
                                      f"{f}{l[:3]}{self.d(2)}"]))

    # ---- dates ----------------------------------------------------------
    def dob(self):
        r = self.r
        return datetime.date(r.randint(1925, 2011), r.randint(1, 12), r.randint(1, 28))

    def appt_date(self):
        r = self.r
        return datetime.date(r.randint(2023, 2025), r.randint(1, 12), r.randint(1, 28))

    def raw_date(self, dt, style=None, year=True):
        full = ["us", "us_short", "iso", "dmon", "long_ord", "dlong", "mon_d_y", "eu", "us_nz",
                "dash_us", "long"]
        st = style or self.ch(full if year else full + ["md", "mon_d", "month_ord", "of"])
        y, m, d = dt.year, dt.month, dt.day
        return {"us": f"{m:02d}/{d:02d}/{y}", "us_short": f"{m}/{d}/{y % 100:02d}",
                "iso": dt.isoformat(), "dmon": f"{d:02d}-{MON3[m - 1]}-{y}",
                "long_ord": f"{MON[m - 1]} {ordinal(d)}, {y}", "dlong": f"{d} {MON[m - 1]} {y}",
                "mon_d_y": f"{MON3[m - 1]} {d}, {y}", "hl7": f"{y:04d}{m:02d}{d:02d}",
                "py": f"datetime.date({y}, {m}, {d})", "eu": f"{d:02d}.{m:02d}.{y}",
                "us_nz": f"{m}/{d}/{y}", "dash_us": f"{m:02d}-{d:02d}-{y}",
                "long": f"{MON[m - 1]} {d}, {y}", "md": f"{m}/{d}", "mon_d": f"{MON3[m - 1]} {d}",
                "month_ord": f"{MON[m - 1]} {ordinal(d)}", "of": f"{ordinal(d)} of {MON[m - 1]}",
                "dmon_upper": f"{d:02d}{MON3[m - 1].upper()}{y}"}[st]

    def date(self, dt, style=None, year=True):
        return P("DATE", self.raw_date(dt, style, year))

    # ---- contact --------------------------------------------------------
    def nanp(self):
        r = self.r
        while True:
            a = r.randint(201, 989)
            e = r.randint(201, 999)
            if a % 100 != 11 and e % 100 != 11 and str(a)[1] != "9":
                return str(a), str(e), self.d(4)

    def raw_phone(self, intl=True):
        r = self.r
        if intl and r.random() < 0.18:
            return self.ch([
                lambda: f"+44 {self.ch(['20', '161', '131', '7700'])} {self.d(3)} {self.d(4)}",
                lambda: f"+52 {self.ch(['55', '33', '81'])} {self.d(4)} {self.d(4)}",
                lambda: f"+91 {self.ch('6789')}{self.d(4)} {self.d(5)}",
                lambda: f"+234 {self.ch(['803', '806', '813', '705'])} {self.d(3)} {self.d(4)}",
                lambda: f"+63 {self.ch(['917', '918', '927', '995'])} {self.d(3)} {self.d(4)}",
            ])()
        a, e, l = self.nanp()
        return self.ch([f"({a}) {e}-{l}", f"{a}-{e}-{l}", f"{a}.{e}.{l}", f"{a}{e}{l}",
                        f"+1 ({a}) {e}-{l}", f"+1 {a} {e} {l}", f"1-{a}-{e}-{l}", f"+1{a}{e}{l}",
                        f"{a}-{e}-{l} ext. {self.d(3)}", f"{a}.{e}.{l} x{self.d(2)}",
                        f"({a}){e}-{l}"])

    def phone(self, intl=True):
        return P("PHONE", self.raw_phone(intl))

    def fax(self):
        return P("FAX", self.raw_phone(intl=self.r.random() < 0.3))

    def raw_ssn(self):
        r = self.r
        while True:
            a = r.randint(1, 899)
            if a != 666:
                break
        g, s = r.randint(1, 99), r.randint(1, 9999)
        return self.ch([f"{a:03d}-{g:02d}-{s:04d}"] * 3 + [f"{a:03d}{g:02d}{s:04d}", f"{a:03d} {g:02d} {s:04d}"])

    def ssn(self):
        return P("SSN", self.raw_ssn())

    def raw_street(self, unit=None):
        r = self.r
        if r.random() < 0.08:
            return self.ch([f"PO Box {r.randint(10, 99999)}", f"Rural Route {r.randint(1, 9)} Box {r.randint(1, 299)}",
                            f"HC {r.randint(60, 80)} Box {r.randint(100, 9999)}"])
        s = f"{r.randint(2, 98765)} {self.ch(STREETS)} {self.ch(SUFFIX)}"
        if unit or (unit is None and r.random() < 0.35):
            s += self.ch([" ", ", "]) + self.ch(UNITS)
        return s

    def street(self, unit=None):
        return P("ADDRESS", self.raw_street(unit))

    def citystate(self):
        c, s = self.ch(CITIES)
        return P("CITY", c), K("state", s)

    def raw_zip(self):
        z = "%05d" % self.r.randint(1001, 99929)
        if self.r.random() < 0.35:
            z += "-" + self.d(4)
        return z

    def zip(self):
        return P("ZIP", self.raw_zip())

    def ip(self):
        r = self.r
        if r.random() < 0.3:
            pre = self.ch(["2600:1700", "2601:18c", "2603:8080", "2607:fb90", "2a02:c7f", "2804:14d",
                           "2409:4063", "2c0f:f248"])
            return P("IP", pre + ":" + ":".join("%x" % r.randint(1, 0xffff) for _ in range(7 - pre.count(":"))))
        o1 = self.ch([23, 24, 31, 37, 45, 47, 50, 64, 66, 67, 68, 69, 71, 73, 74, 75, 76, 81, 86, 96,
                      97, 98, 99, 107, 108, 131, 142, 151, 162, 173, 174, 184, 185, 199, 201, 206, 207,
                      208, 209, 216])
        return P("IP", f"{o1}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}")

    # ---- identifiers ----------------------------------------------------
    def mrn(self):
        return P("MRN", self.ch([f"MRN{self.d(8)}", f"{self.d(7)}", f"MH-{self.d(6)}",
                                 f"A{self.d(6)}", f"{self.d(3)}-{self.d(2)}-{self.d(3)}",
                                 f"CH{self.d(5)}", f"E{self.d(9)}", f"PT-{self.d(5)}-{self.an(1, 'ABCDEFGHKMNPRTX')}"]))

    def member(self):
        return P("HEALTH_PLAN", self.ch([f"W{self.d(9)}", f"XEH{self.d(9)}", f"{self.an(3, 'ABCDEFGHJKLMNPRSTUVWXYZ')}{self.d(9)}",
                                         f"U{self.d(10)}", f"H{self.d(8)}-01", f"{self.d(11)}",
                                         f"ZGP{self.d(6)}{self.an(2)}", f"MCD-{self.d(4)}-{self.d(5)}"]))

    def group(self):
        return P("HEALTH_PLAN", self.ch([f"GRP-{self.d(5)}", f"{self.d(7)}", f"G{self.d(6)}",
                                         f"{self.an(2, 'ABCDEFGHJKLMNPRSTUVWXYZ')}{self.d(5)}", f"0{self.d(6)}-{self.d(3)}"]))

    def mbi(self):
        r = self.r
        L = "ACDEFGHJKMNPQRTUVWXY"
        A = L + "0123456789"
        s = (self.ch("123456789") + self.ch(L) + self.ch(A) + self.ch("0123456789") + self.ch(L)
             + self.ch(A) + self.ch("0123456789") + self.ch(L) + self.ch(L) + self.d(2))
        if r.random() < 0.5:
            s = s[:4] + "-" + s[4:7] + "-" + s[7:]
        return P("HEALTH_PLAN", s)

    def account(self):
        return P("ACCOUNT", self.ch([f"ACCT-{self.d(8)}", f"{self.d(10)}", f"GA{self.d(7)}",
                                     f"{self.d(4)}-{self.d(4)}-{self.d(2)}", f"PA{self.d(6)}",
                                     f"BA-{self.d(3)}-{self.d(5)}", f"{self.d(12)}"]))

    def raw_npi(self):
        base = self.ch("12") + self.d(8)
        return base + luhn_digit("80840" + base)

    def npi(self):
        return P("LICENSE", self.raw_npi())

    def dea(self, p):
        first = asciify(p["last"]).lstrip("'").replace(" ", "")
        second = first[0].upper() if first and first[0].isalpha() else "9"
        dd = [self.r.randint(0, 9) for _ in range(6)]
        chk = (dd[0] + dd[2] + dd[4] + 2 * (dd[1] + dd[3] + dd[5])) % 10
        return P("LICENSE", self.ch("ABFM") + second + "".join(map(str, dd)) + str(chk))

    def state_lic(self):
        return P("LICENSE", self.ch([f"PSY{self.d(5)}", f"LCSW {self.d(5)}", f"LMFT{self.d(6)}",
                                     f"MH{self.d(8)}", f"LPC-{self.d(4)}", f"{self.d(2)}-{self.d(6)}",
                                     f"MD.{self.d(6)}", f"A{self.d(5)}", f"PCC{self.d(4)}"]))

    def dl(self):
        return P("LICENSE", self.ch([f"{self.an(1, 'ABCDEFGHJKLMNPRSTWY')}{self.d(7)}",
                                     f"{self.an(1, 'DFGHKLMRSW')}{self.d(3)}-{self.d(4)}-{self.d(4)}",
                                     f"{self.d(9)}", f"{self.d(3)} {self.d(3)} {self.d(3)}",
                                     f"WDL{self.an(6)}"]))

    def raw_vin(self):
        wmi = self.ch(["1HG", "1FT", "2T1", "3VW", "5YJ", "JTD", "KMH", "WBA", "1G1", "4T1", "5NP",
                       "1C4", "3GN", "JN8", "2HK"])
        vds = self.an(5, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789")
        yr = self.ch("ABCDEFGHJKLMNPRSTVWXY123456789")
        plant = self.an(1, VIN_ALPHA)
        serial = self.d(6)
        v = wmi + vds + "0" + yr + plant + serial
        return v[:8] + vin_check(v) + v[9:]

    def vin(self):
        return P("VEHICLE", self.raw_vin())

    def plate(self):
        return P("VEHICLE", self.ch([f"{self.d(1)}{self.an(3, 'ABCDEFGHJKLMNPRSTUVWXYZ')}{self.d(3)}",
                                     f"{self.an(3, 'ABCDEFGHJKLMNPRSTUVWXYZ')}-{self.d(4)}",
                                     f"{self.an(3, 'ABCDEFGHJKLMNPRSTUVWXYZ')} {self.d(3)}",
                                     f"{self.d(3)} {self.an(3, 'ABCDEFGHJKLMNPRSTUVWXYZ')}",
                                     f"{self.an(2, 'ABCDEFGHJKLMNPRSTUVWXYZ')}{self.d(2)}{self.an(3)}"]))

    def imei(self):
        b = self.ch(["35", "86", "01", "99"]) + self.d(12)
        return P("DEVICE", b + luhn_digit(b))

    def mac(self):
        sep = self.ch([":", "-"])
        return P("DEVICE", sep.join(self.hx(2) for _ in range(6)).upper() if self.r.random() < 0.5
                 else ":".join(self.hx(2) for _ in range(6)))

    def serial(self):
        return P("DEVICE", self.ch([f"SN{self.d(9)}", f"{self.an(6)}", f"DX{self.d(2)}-{self.an(5)}",
                                    f"PM{self.an(3)}{self.d(5)}", f"LBR-{self.d(4)}-{self.an(4)}",
                                    f"{self.an(4)}-{self.an(4)}-{self.an(4)}", f"G7{self.an(8)}"]))

    def rx(self):
        return P("OTHER_ID", self.ch([f"Rx{self.d(7)}", f"{self.d(7)}", f"RX-{self.d(3)}-{self.d(4)}",
                                      f"{self.d(2)}-{self.d(6)}"]))

    def other(self):
        return P("OTHER_ID", self.ch([f"PA-{self.d(8)}", f"CLM{self.d(10)}", f"{self.d(2)}-PR-{self.d(5)}",
                                      f"CASE {self.d(4)}-{self.d(5)}", f"EMP{self.d(6)}",
                                      f"{self.an(2, 'ABCDEFGHJKLMNPRSTUVWXYZ')}{self.d(7)}",
                                      f"STU-{self.d(7)}", f"AUTH#{self.d(9)}"]))

    def age(self, p=None):
        return P("AGE_OVER_89", (p or {}).get("age") or self.r.randint(90, 107))

    # ---- keep look-alikes ----------------------------------------------
    def raw_uuid(self):
        return str(uuid.UUID(int=self.r.getrandbits(128), version=4))

    def uuid(self):
        return K("uuid", self.raw_uuid())

    def ts(self, style=None):
        r = self.r
        dt = datetime.datetime(r.choice([2024, 2025]), r.randint(1, 12), r.randint(1, 28),
                               r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.randint(0, 999) * 1000)
        st = style or self.ch(["z", "off", "log", "rails", "plain"])
        s = {"z": dt.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (dt.microsecond // 1000),
             "off": dt.strftime("%Y-%m-%dT%H:%M:%S") + self.ch(["-07:00", "-05:00", "+00:00", "-04:00"]),
             "log": dt.strftime("%Y-%m-%d %H:%M:%S,") + "%03d" % (dt.microsecond // 1000),
             "rails": dt.strftime("%Y-%m-%d %H:%M:%S ") + self.ch(["-0700", "-0500", "+0000"]),
             "plain": dt.strftime("%Y-%m-%d %H:%M:%S"),
             "hl7": dt.strftime("%Y%m%d%H%M%S"), "syslog": dt.strftime("%b %d %H:%M:%S"),
             "ical": dt.strftime("%Y%m%dT%H%M%SZ")}[st]
        return K("timestamp", s)

    def infra(self):
        r = self.r
        return K("infra_ip", self.ch([f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                                      f"172.{r.randint(16, 31)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                                      "127.0.0.1"]))

    def ver(self):
        r = self.r
        return K("version", self.ch([f"v{r.randint(1, 9)}.{r.randint(0, 30)}.{r.randint(0, 20)}",
                                     f"{r.randint(1, 9)}.{r.randint(0, 30)}.{r.randint(0, 20)}",
                                     f"{r.randint(1, 5)}.{r.randint(0, 9)}.{r.randint(0, 9)}-rc.{r.randint(1, 4)}"]))

    def reqid(self):
        return K("request_id", self.ch([f"req_{self.an(20, 'abcdefghijklmnopqrstuvwxyz0123456789')}",
                                        self.hx(32), f"{self.hx(8)}-{self.hx(4)}", f"RID-{self.hx(12)}"]))

    def sha(self):
        return K("hash", self.hx(self.ch([7, 12, 40])))

    def port(self):
        return K("port", self.ch(["5432", "8443", "6379", "50051", "3306", "1433", "1521", "9092",
                                  "8080", "2575", "27017"]))

    def amount(self):
        r = self.r
        return K("amount", self.ch([f"${r.randint(10, 4999)}.{r.randint(0, 99):02d}",
                                    f"USD {r.randint(1, 9)},{r.randint(100, 999)}.{r.randint(0, 99):02d}",
                                    f"{r.randint(20, 900)}.{r.randint(0, 99):02d}"]))

    def icd(self):
        return K("icd10", self.ch(ICD10))

    def cpt(self):
        return K("cpt", self.ch(CPT))

    def hcpcs(self):
        return K("hcpcs", self.ch(HCPCS))

    def ndc(self):
        return K("ndc", f"{self.d(5)}-{self.d(4)}-{self.d(2)}")

    def payer(self):
        return K("payer", self.ch(PAYERS))

    def drug(self):
        return K("drug", self.ch(DRUGS))

    def flag(self):
        return K("feature_flag", self.ch(FLAGS))

    def svc(self):
        return K("service", self.ch(SERVICES))

    def bht(self):
        r = self.r
        return K("timestamp", "%d%02d%02d*%02d%02d" % (r.choice([2024, 2025]), r.randint(1, 12),
                                                        r.randint(1, 28), r.randint(0, 23), r.randint(0, 59)))

    def dbid(self):
        return K("db_id", str(self.r.randint(1000, 9999999)))

    def ticket(self):
        r = self.r
        return K("ticket", self.ch([f"ORD-{r.randint(100000, 999999)}", f"INC{r.randint(1000000, 9999999)}",
                                    f"OPS-{r.randint(100, 9999)}", f"inv_{self.an(14, 'abcdefghijklmnopqrstuvwxyz0123456789')}",
                                    f"JOB-{r.randint(10000, 99999)}", f"TCK-{r.randint(10000, 99999)}"]))

    def build(self):
        return K("build", f"build {self.r.randint(1000, 99999)}")

    def status(self, codes=("400", "404", "409", "422", "500", "502", "503", "504")):
        return K("status", self.ch(list(codes)))

    def dur(self):
        return K("duration", self.ch([f"{self.r.randint(2, 30000)}ms", f"{self.r.randint(1, 120)}.{self.r.randint(0, 9)}s"]))

    def year(self):
        return K("year", str(self.r.randint(2015, 2025)))


# ---------------------------------------------------------------------------
# Templates.  Each returns marked text: P(kind, value) for PHI, K(kind, v) for keep.
# ---------------------------------------------------------------------------
PHI_T = []
CLEAN_T = []


def phi_t(f):
    PHI_T.append(f)
    return f


def clean_t(f):
    CLEAN_T.append(f)
    return f


def jd(obj, **kw):
    return json.dumps(obj, ensure_ascii=False, **kw)


@phi_t
def t_hibernate_entity_tostring(g):
    p = g.person()
    return (f"{g.ts('log')} ERROR [{g.svc()}] o.h.e.j.s.SqlExceptionHelper - Duplicate entry for key "
            f"'uk_patient_mrn'\n{K('exception', 'org.hibernate.exception.ConstraintViolationException')}: "
            f"could not execute statement; persisting Patient{{id={g.dbid()}, mrn='{g.mrn()}', "
            f"firstName='{g.name(p, 'f')}', lastName='{g.name(p, 'l')}', "
            f"dateOfBirth={g.date(p['dob'], 'iso')}, ssn='{g.ssn()}', phone='{g.phone(False)}', "
            f"status=ACTIVE}}")


@phi_t
def t_spring_field_errors(g):
    p = g.person()
    c, s = g.citystate()
    return (f"{K('exception', 'MethodArgumentNotValidException')}: Validation failed for argument [0] in "
            f"public ResponseEntity<IntakeDto> IntakeController.submit(IntakeForm) with 3 errors: "
            f"[Field error in object 'intakeForm' on field 'email': rejected value [{g.email(p)}]; "
            f"codes [Email.intakeForm.email]], [Field error in object 'intakeForm' on field 'postalCode': "
            f"rejected value [{g.zip()}]; default message [ZIP not valid for state]], "
            f"[Field error on field 'street': rejected value [{g.street()}, {c}, {s}]; "
            f"default message [address could not be verified]] traceId={g.reqid()}")


@phi_t
def t_efcore_duplicate_guarantor(g):
    p = g.person()
    return (f"{K('exception', 'Microsoft.EntityFrameworkCore.DbUpdateException')}: An error occurred while saving "
            f"the entity changes. See the inner exception for details.\n ---> "
            f"{K('exception', 'Microsoft.Data.SqlClient.SqlException')} (0x80131904): Cannot insert duplicate key "
            f"row in object 'dbo.Guarantors' with unique index 'IX_Guarantors_AccountNumber'. The duplicate key "
            f"value is ({g.account()}, {g.name(p, g.ch(['lf', 'fl', 'caps']))}).\n   at "
            f"Harbor.Billing.Data.GuarantorRepository.SaveAsync(CancellationToken ct) in "
            f"/src/Billing/GuarantorRepository.cs:line {g.r.randint(40, 400)}")


@phi_t
def t_dotnet_logging_scope(g):
    p = g.person()
    c, s = g.citystate()
    scope = jd({"GuarantorName": g.name(p), "StatementAddress": g.street(), "City": c, "State": s,
                "Zip": g.zip(), "AmountDue": g.amount(), "CorrelationId": g.uuid()})
    return (f"fail: Harbor.Billing.StatementService[0]\n      => {scope}\n      "
            f"{K('exception', 'System.NullReferenceException')}: Object reference not set to an instance of an object.\n"
            f"         at Harbor.Billing.StatementService.Render(Guarantor g, StatementOptions o)")


@phi_t
def t_go_eligibility_struct(g):
    p = g.person()
    return (f"time=\"{g.ts('off')}\" level=error msg=\"271 parse failed\" svc=eligibility-svc "
            f"err=\"unexpected segment EB at position 14\" req=\"&{{MemberID:{g.member()} "
            f"FirstName:{g.name(p, 'f')} LastName:{g.name(p, 'l')} DOB:{g.date(p['dob'], g.ch(['iso', 'hl7']))} "
            f"Plan:{{Group:{g.group()} Payer:{g.payer()} Relationship:18}} TraceID:{g.reqid()}}}\"")


@phi_t
def t_go_device_panic(g):
    p = g.person()
    return (f"panic: runtime error: invalid memory address or nil pointer dereference [recovered]\n\t"
            f"reading=telemetry.Reading{{Serial:\"{g.serial()}\", IMEI:\"{g.imei()}\", "
            f"BLE:\"{g.mac()}\", Owner:\"{g.name(p, g.ch(['fl', 'lf', 'caps']))}\", Glucose:{g.r.randint(40, 380)}, "
            f"Firmware:\"{g.ver()}\"}}\ngoroutine {g.r.randint(10, 900)} [running]:\n"
            f"main.(*Ingestor).handle(0xc000{g.hx(6)})\n\t/app/cmd/ingest/main.go:{g.r.randint(50, 300)} +0x1a4")


@phi_t
def t_laravel_validation(g):
    p = g.person()
    inp = jd({"full_name": g.name(p), "phone": g.phone(), "dob": g.date(p["dob"], g.ch(["us_short", "us", "us_nz"])),
              "ssn": g.ssn(), "consent": "yes"})
    exc = K("exception", "Illuminate\\\\Validation\\\\ValidationException")
    return (f"[{g.ts('plain')}] production.ERROR: The given data was invalid. "
            f"{{\"exception\":\"[object] ({exc}(code: 0): "
            f"The phone field format is invalid. at /var/www/intake/vendor/laravel/framework/src/Illuminate/"
            f"Validation/Validator.php:{g.r.randint(400, 520)})\",\"input\":{inp}}}")


@phi_t
def t_rails_emergency_contact(g):
    p, c = g.person(), g.person()
    rel = g.ch(RELATIONS)
    return (f"Started POST \"/patients/{g.dbid()}/emergency_contacts\" for {g.ip()} at {g.ts('rails')}\n"
            f"Processing by EmergencyContactsController#create as JSON\n  Parameters: "
            f"{{\"emergency_contact\"=>{{\"name\"=>\"{g.name(c, g.ch(['fl', 'fml', 'nick']))}\", \"relationship\"=>\"{rel}\", "
            f"\"phone\"=>\"{g.phone()}\", \"alt_phone\"=>\"\"}}, \"patient_id\"=>\"{g.name(p, 'fl')}\"}}\n"
            f"Completed {g.status(('422',))} Unprocessable Entity in {g.dur()} "
            f"({K('exception', 'ActiveRecord::RecordInvalid')}: Validation failed: Phone is not a mobile number)")


@phi_t
def t_python_logging_extra(g):
    p = g.person()
    c, s = g.citystate()
    extra = "{" + ", ".join([f"'patient': '{g.name(p)}'", f"'street': '{g.street()}'", f"'city': '{c}'",
                             f"'state': '{s}'", f"'zip': '{g.zip()}'",
                             f"'age': {g.age(p)}" if g.r.random() < 0.6 else "'age': None",
                             f"'provider': 'smarty'"]) + "}"
    return (f"{g.ts('log')} WARNING relay.intake.geocode could not geocode home address; "
            f"falling back to county centroid extra={extra}")


@phi_t
def t_python_fstring_refill(g):
    p = g.person()
    return (f"Traceback (most recent call last):\n  File \"/srv/erx/refills.py\", line {g.r.randint(30, 300)}, in submit\n"
            f"    raise RefillRejected(f\"Refill for {{patient}} (Rx {{rx}}) rejected: {{reason}}\")\n"
            f"erx.errors.RefillRejected: Refill for {g.name(p, g.ch(['fl', 'fml', 'caps']))} (Rx {g.rx()}) rejected: "
            f"NCPDP reject 75 Prior Authorization Required for {g.drug()}")


@phi_t
def t_js_console_coverage(g):
    p, q = g.person(), g.person()
    q["last"] = p["last"] if g.r.random() < 0.5 else q["last"]
    body = jd({"subscriber": {"display": g.name(q, "fl"), "memberId": g.member(), "groupNumber": g.group(),
                              "dob": g.date(q["dob"], "iso")},
               "dependent": {"display": g.name(p, "fl")}, "relationship": "child", "payer": g.payer()})
    return (f"Uncaught (in promise) TypeError: Cannot read properties of undefined (reading 'insurer')\n"
            f"    at submitCoverage (coverage-form.{g.sha()}.js:1:{g.r.randint(1000, 90000)})\n"
            f"console.error('[coverage] payload', JSON.stringify(body)) -> {body}")


@phi_t
def t_mysql_duplicate_portal_user(g):
    p = g.person()
    em = g.email(p)
    return (f"{K('exception', 'SQLSTATE[23000]')}: Integrity constraint violation: 1062 Duplicate entry "
            f"'{em}' for key 'portal_users.uq_email' (SQL: insert into `portal_users` (`username`, "
            f"`email`, `display_name`, `created_at`) values ({g.username(p)}, {em}, "
            f"{g.name(p, g.ch(['fl', 'nick']))}, {g.ts('plain')}))")


@phi_t
def t_postgres_failing_row(g):
    p = g.person()
    return (f"ERROR:  new row for relation \"patients\" violates check constraint \"patients_phone_e164\"\n"
            f"DETAIL:  Failing row contains ({g.dbid()}, {g.name(p, 'f')}, {g.name(p, 'l')}, {g.date(p['dob'], 'iso')}, "
            f"{g.ssn()}, {g.phone(False)}, null, t, {g.ts('plain')}+00).\n"
            f"STATEMENT:  INSERT INTO patients (first_name, last_name, birth_date, ssn, phone) VALUES ($1,$2,$3,$4,$5)")


@phi_t
def t_oracle_value_too_large(g):
    c, s = g.citystate()
    return (f"{K('oracle_error', 'ORA-12899')}: value too large for column \"EHR\".\"PATIENT_ADDR\".\"LINE1\" "
            f"(actual: {g.r.randint(41, 90)}, maximum: 40)\nORA-06512: at \"EHR.ADDR_PKG\", line {g.r.randint(10, 300)}\n"
            f"bind :1 = '{g.street(True)}'  :2 = '{c}'  :3 = '{s}'  :4 = '{g.zip()}'  :5 = {g.dbid()}")


@phi_t
def t_sqlserver_pk_coverage(g):
    p = g.person()
    return (f"Msg 2627, Level 14, State 1, Procedure usp_UpsertCoverage, Line {g.r.randint(20, 200)}\n"
            f"Violation of PRIMARY KEY constraint 'PK_Coverage'. Cannot insert duplicate key in object "
            f"'dbo.Coverage'. The duplicate key value is ({g.member()}, {g.group()}).\n"
            f"-- input row: subscriber_name=N'{g.name(p, g.ch(['lfm', 'lf', 'fl']))}', payer=N'{g.payer()}', "
            f"effective='{g.date(g.appt_date(), 'iso')}'")


@phi_t
def t_hl7_adt_pid(g):
    p, doc = g.person(), g.person()
    c, s = g.citystate()
    return (f"HL7 ADT rejected by interface engine (AE: PID-11 invalid):\n"
            f"MSH|^~\\&|MHPRAC|RELAY|EPIC|{g.ch(['NORTHSTAR', 'BAYVIEW', 'SUMMIT'])}|{g.ts('hl7')}||ADT^A04|"
            f"{g.ticket()}|P|2.5.1\rPID|1||{g.mrn()}^^^MHP^MR~{g.ssn()}^^^SSA^SS||{g.name(p, 'hl7')}||"
            f"{g.date(p['dob'], 'hl7')}|{g.ch('FMU')}|||{g.street(False)}^^{c}^{s}^{g.zip()}^USA||{g.phone(False)}|||||"
            f"{g.account()}\rPV1|1|O|BH^204^01||||{g.npi()}^{g.name(doc, 'hl7')}^^^^^NPI")


@phi_t
def t_hl7_nk1_gt1_in1(g):
    p, nk, gt = g.person(), g.person(), g.person()
    c, s = g.citystate()
    return (f"MLLP NACK from clearinghouse for segment IN1 (IN1-36 missing):\n"
            f"NK1|1|{g.name(nk, 'hl7')}|{g.ch(['MTH', 'FTH', 'SPO', 'SIS', 'GRD'])}^{g.ch(RELATIONS)}|"
            f"|{g.phone()}\n"
            f"GT1|1||{g.name(gt, 'hl7')}||{g.street()}^^{c}^{s}^{g.zip()}|{g.phone(False)}\n"
            f"IN1|1|{g.ch(['BH01', 'CM02', 'PPO3'])}|{g.r.randint(10000, 99999)}|{g.payer()}|||{g.group()}||||||||"
            f"{g.name(p, 'hl7')}|01|{g.date(p['dob'], 'hl7')}||||||||||||||||||{g.member()}")


@phi_t
def t_hl7_orm_lab_order(g):
    p, doc = g.person(), g.person()
    return (f"lab-bridge: ORM^O01 not accepted by {g.ch(['Quest', 'LabCorp', 'Sonic'])} (ERR|OBR^16|103 Table value not found)\n"
            f"PID|1||{g.mrn()}||{g.name(p, 'hl7')}||{g.date(p['dob'], 'hl7')}|{g.ch('FM')}\n"
            f"ORC|NW|{g.ticket()}|||||||{g.ts('hl7')}|||{g.npi()}^{g.name(doc, 'hl7')}\n"
            f"OBR|1||| 80305^Drug screen presumptive^CPT|||{g.ts('hl7')}|||||||||{g.npi()}\n"
            f"DG1|1||{g.icd()}^^I10")


@phi_t
def t_fhir_patient(g):
    p = g.person()
    c, s = g.citystate()
    res = {"resourceType": "Patient", "id": g.uuid(),
           "identifier": [{"system": "urn:oid:2.16.840.1.113883.4.1", "value": g.ssn()},
                          {"type": {"text": "MRN"}, "value": g.mrn()}],
           "name": [{"family": g.name(p, "l"), "given": [g.name(p, "f")]}],
           "telecom": [{"system": "phone", "value": g.phone()}, {"system": "email", "value": g.email(p)}],
           "birthDate": g.date(p["dob"], "iso"),
           "address": [{"line": [g.street()], "city": c, "state": s, "postalCode": g.zip()}]}
    return (f"FHIR POST /Patient -> {g.status(('422', '400'))} OperationOutcome: "
            f"\"Patient.address.postalCode: value does not match county\" request body: {jd(res)}")


@phi_t
def t_fhir_coverage(g):
    p, sub = g.person(), g.person()
    res = {"resourceType": "Coverage", "status": "active", "subscriberId": g.member(),
           "subscriber": {"display": g.name(sub, "fl")}, "beneficiary": {"display": g.name(p, "fl")},
           "relationship": {"coding": [{"code": g.ch(["spouse", "child", "other"])}]},
           "period": {"start": g.date(g.appt_date(), "iso")},
           "payor": [{"display": g.payer()}],
           "class": [{"type": {"coding": [{"code": "group"}]}, "value": g.group()}]}
    return (f"{K('exception', 'ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException')}: HTTP 422 "
            f"Coverage failed profile validation (us-core 6.1.0): {jd(res, indent=1)}")


@phi_t
def t_fhir_related_person(g):
    p, rp = g.person(), g.person()
    res = {"resourceType": "RelatedPerson", "patient": {"reference": "Patient/" + g.raw_uuid(),
                                                        "display": g.name(p, "fl")},
           "relationship": [{"text": g.ch(RELATIONS)}], "name": [{"text": g.name(rp, g.ch(["fl", "fml"]))}],
           "telecom": [{"system": "phone", "value": g.phone()}, {"system": "email", "value": g.email(rp)}]}
    return f"[fhir-sync] skipped RelatedPerson (duplicate telecom) {jd(res)} ver={g.ver()}"


@phi_t
def t_fhir_practitioner(g):
    d = g.person()
    res = {"resourceType": "Practitioner",
           "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": g.npi()}],
           "name": [{"family": g.name(d, "l"), "given": [g.name(d, "f")], "suffix": [g.ch(CREDS)]}],
           "telecom": [{"system": "phone", "value": g.phone(False)}, {"system": "fax", "value": g.fax()}],
           "qualification": [{"identifier": [{"value": g.state_lic()}], "code": {"text": "state license"}}]}
    return f"PractitionerSyncJob {g.ticket()}: NPPES mismatch on taxonomy 101YP2500X; local copy {jd(res)}"


@phi_t
def t_x12_270(g):
    p = g.person()
    return (f"eligibility-svc: clearinghouse returned TA1*...*R*022 for 270 batch; offending transaction:\n"
            f"ST*270*{g.r.randint(1000, 9999)}*005010X279A1~BHT*0022*13*{g.ticket()}*{g.bht()}~"
            f"HL*3*2*22*0~TRN*1*{g.uuid()}~NM1*IL*1*{P('NAME', p['last'].upper())}*"
            f"{P('NAME', p['first'].upper())}****MI*{g.member()}~DMG*D8*{g.date(p['dob'], 'hl7')}~"
            f"DTP*291*D8*{g.date(g.appt_date(), 'hl7')}~EQ*{g.ch(['MH', 'A4', '30'])}~SE*13*0001~")


@phi_t
def t_x12_835_claim(g):
    p = g.person()
    return (f"ERA posting failed: no open encounter matched CLP01. Segment dump:\n"
            f"CLP*{g.other()}*1*{g.amount()}*{g.amount()}**MC*{g.r.randint(10**9, 10**10 - 1)}*11~"
            f"NM1*QC*1*{P('NAME', p['last'].upper())}*{P('NAME', p['first'].upper())}****MI*{g.member()}~"
            f"DTM*232*{g.date(g.appt_date(), 'hl7')}~SVC*HC:{g.cpt()}*145*112.4~CAS*CO*45*32.6~")


@phi_t
def t_x12_837_subscriber(g):
    p, prov = g.person(), g.person()
    c, s = g.citystate()
    return (f"837P validator: 2010BA N4*03 ZIP not valid for state. Loop 2010AA/2010BA excerpt:\n"
            f"NM1*85*1*{P('NAME', prov['last'].upper())}*{P('NAME', prov['first'].upper())}****XX*{g.npi()}~"
            f"NM1*IL*1*{P('NAME', p['last'].upper())}*{P('NAME', p['first'].upper())}*{p['mi']}***MI*{g.member()}~"
            f"N3*{P('ADDRESS', g.raw_street(False).upper())}~N4*{c}*{s}*{P('ZIP', g.raw_zip().replace('-', ''))}~"
            f"DMG*D8*{g.date(p['dob'], 'hl7')}*{g.ch('FM')}~HI*ABK:{K('icd10', g.ch(ICD10).replace('.', ''))}~")


@phi_t
def t_ncpdp_newrx(g):
    p, d = g.person(), g.person()
    return (f"erx-gateway: Surescripts Error 900 (transaction rejected) for NewRx; message excerpt:\n"
            f"<Patient><HumanPatient><Name><LastName>{g.name(p, 'l')}</LastName><FirstName>{g.name(p, 'f')}"
            f"</FirstName></Name><DateOfBirth><Date>{g.date(p['dob'], 'iso')}</Date></DateOfBirth>"
            f"<Address><AddressLine1>{g.street()}</AddressLine1><PostalCode>{g.zip()}</PostalCode></Address>"
            f"</HumanPatient></Patient><Prescriber><NonVeterinarian><Identification><NPI>{g.npi()}</NPI>"
            f"<DEANumber>{g.dea(d)}</DEANumber></Identification><Name><LastName>{g.name(d, 'l')}</LastName>"
            f"</Name></NonVeterinarian></Prescriber><MedicationPrescribed><DrugDescription>{g.drug()}"
            f"</DrugDescription><DrugCoded><ProductCode><Code>{g.ndc()}</Code></ProductCode></DrugCoded>")


@phi_t
def t_surescripts_renewal_denied(g):
    p = g.person()
    return (f"RxRenewalResponse DENIED code AA (patient unknown to prescriber) - pharmacy {g.ch(['Walgreens', 'CVS', 'Rite Aid', 'Hy-Vee', 'Kroger'])} "
            f"#{g.r.randint(1000, 19999)} ph {g.phone(False)} fax {g.fax()}; patient {g.name(p, g.ch(['lf', 'lfm']))} "
            f"born {g.date(p['dob'])}; RxReferenceNumber {g.rx()}; drug {g.drug()}")


@phi_t
def t_efax_failure(g):
    p, d = g.person(), g.person()
    return (f"efax: job {g.ticket()} FAILED after 3 attempts (line busy / no carrier) dest={g.fax()} "
            f"cover=\"ATTN: Dr. {g.name(d, 'l')} - records request for {g.name(p, g.ch(['fl', 'caps']))}, "
            f"DOB {g.date(p['dob'])}\" pages={g.r.randint(2, 40)} elapsed={g.dur()}")


@phi_t
def t_twilio_sms_reminder(g):
    p, d = g.person(), g.person()
    ap = g.appt_date()
    return (f"Twilio REST error {K('twilio_code', g.ch(['21610', '21614', '30003', '21408']))}: message not sent "
            f"to={g.phone()} from=+1{g.d(3)}5550{g.d(3)} body=\"{g.name(p, g.ch(['f', 'nickonly']))}, your visit with "
            f"{g.name(d, g.ch(['fl', 'il']))} is on {g.date(ap, year=False)} at {g.r.randint(8, 11)}:{g.ch(['00', '30', '15'])} AM. "
            f"Reply C to confirm.\"")


@phi_t
def t_sendgrid_bounce(g):
    p = g.person()
    ev = {"email": g.email(p), "event": "bounce", "type": "blocked",
          "reason": "550 5.1.1 The email account that you tried to reach does not exist",
          "sg_message_id": g.an(22, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
          "subject": f"{g.name(p, 'f')}, your intake packet is ready", "timestamp": g.r.randint(1700000000, 1760000000)}
    return f"sendgrid webhook -> handler raised KeyError('category') for event {jd(ev)}"


@phi_t
def t_mailgun_failed(g):
    p = g.person()
    return (f"mailgun event=failed severity=permanent recipient={g.email(p)} "
            f"subject=\"Statement for account {g.account()} - balance {g.amount()}\" "
            f"delivery-status.code=550 message-id=<{g.hx(16)}@mg.example-practice.com> ts={g.ts('z')}")


@phi_t
def t_zoom_participant_webhook(g):
    p = g.person()
    ev = {"event": "meeting.participant_joined", "payload": {"object": {"id": str(g.r.randint(10**10, 10**11)),
          "participant": {"user_name": g.name(p, g.ch(["fl", "f", "nick"])), "email": g.email(p),
                          "ip_address": g.ip(), "join_time": g.ts("z")}}}}
    return (f"telehealth-hooks: {K('exception', 'SignatureVerificationError')} on zoom webhook "
            f"(x-zm-signature mismatch) body={jd(ev)}")


@phi_t
def t_doxy_waiting_room(g):
    p, d = g.person(), g.person()
    room = slug(d["first"][0] + d["last"])
    return (f"{g.ts('z')} doxy-bridge WARN patient \"{g.name(p, g.ch(['fl', 'f', 'caps']))}\" checked into "
            f"{P('URL', 'https://doxy.me/dr.' + P('NAME', room))} from {g.ip()} but provider "
            f"{g.name(d, 'fl')} is offline; notify=false")


@phi_t
def t_ics_calendar_sync(g):
    p, d = g.person(), g.person()
    ap = g.appt_date()
    return (f"CalDAV PUT 412 Precondition Failed (etag mismatch) for event:\nBEGIN:VEVENT\n"
            f"UID:{g.uuid()}\nDTSTAMP:{g.ts('ical')}\n"
            f"DTSTART;VALUE=DATE:{g.date(ap, 'hl7')}\nSUMMARY:Therapy - {g.name(p, 'fl')}\n"
            f"ORGANIZER;CN={g.name(d, 'fl')}:mailto:{g.email(d)}\nATTENDEE;CN={g.name(p, 'fl')}:mailto:{g.email(p)}\n"
            f"END:VEVENT")


@phi_t
def t_gcal_conflict(g):
    p = g.person()
    ap = g.appt_date()
    return (f"sched-sync: Google Calendar 409 conflict - \"Intake: {g.name(p, g.ch(['lfm', 'lf', 'caps']))}\" on "
            f"{g.date(ap, year=g.r.random() < 0.5)} overlaps an existing hold (calendarId={g.hx(24)}@group.calendar.google.com, "
            f"flag {g.flag()})")


@phi_t
def t_pdf_statement_render(g):
    p = g.person()
    c, s = g.citystate()
    acct = g.account()
    url = ("/var/spool/statements/statement_" + P("NAME", slug(p["last"], "_")) + "_"
           + P("NAME", slug(p["first"], "_")) + ".pdf")
    return (f"wkhtmltopdf exited 1 rendering {P('URL', url)}"
            f": Exit with code 1 due to network error: ContentNotFoundError\n  guarantor block: {g.name(p, 'caps')} / "
            f"{g.street()} / {c}, {s} {g.zip()} / Account {acct} / Due {g.amount()}")


@phi_t
def t_ocr_insurance_card(g):
    p = g.person()
    return (f"ocr-pipeline: low confidence (0.{g.r.randint(40, 69)}) on card_front.jpg, raw text follows\n"
            f"{K('payer', g.ch(PAYERS))}\nMember: {g.name(p, g.ch(['caps', 'fml', 'fl']))}\nMember ID {g.member()}\n"
            f"Group No. {g.group()}\nRxBIN {K('rx_bin', g.ch(['610014', '004336', '610502', '003858']))}  RxPCN ADV\n"
            f"Copay BH ${g.r.randint(0, 60)}")


@phi_t
def t_ocr_drivers_license(g):
    p = g.person()
    c, s = g.citystate()
    return (f"ID scan rejected (MRZ/PDF417 mismatch). OCR:\n{K('state', g.ch(['ARIZONA', 'OHIO', 'TEXAS', 'IOWA', 'MONTANA']))} DRIVER LICENSE\n"
            f"DL {g.dl()}\nDOB {g.date(p['dob'], g.ch(['us', 'dash_us']))}\n{g.name(p, 'caps')}\n"
            f"{P('ADDRESS', g.raw_street().upper())}\n{c} {s} {g.zip()}")


@phi_t
def t_intake_questionnaire(g):
    p, ref = g.person(), g.person()
    lines = [f"Q1 Preferred name: {g.name(p, g.ch(['nickonly', 'f']))}",
             f"Q4 Who referred you? \"my {g.ch(['cousin', 'coworker', 'pastor', 'friend'])} {g.name(ref, g.ch(['f', 'fl']))}\"",
             f"Q9 Best number: {g.phone()}"]
    if g.r.random() < 0.65:
        lines.append(f"Q12 Who else lives with you? grandfather, he is {g.age()} and needs help")
    else:
        lines.append(f"Q12 Date of birth: {g.date(p['dob'])}")
    return (f"intake-svc: {K('exception', 'JsonSchemaValidationException')} answers[17] missing; partial submission "
            f"{g.uuid()}:\n" + "\n".join(lines))


@phi_t
def t_progress_note_autosave(g):
    p, rel = g.person(), g.person()
    return (f"notes-api autosave failed ({g.status(('409', '413', '500'))}) draft={g.uuid()} body=\"Pt "
            f"{g.name(p, g.ch(['f', 'il']))} reports sleep improved since {g.date(g.appt_date(), 'md')}. "
            f"{g.ch(['Daughter', 'Husband', 'Roommate', 'Sister'])} {g.name(rel, 'f')} called from {g.phone(False)} "
            f"worried about missed doses of {g.drug()}. Plan: continue {g.cpt()} weekly, recheck PHQ-9 "
            f"{g.date(g.appt_date(), g.ch(['month_ord', 'mon_d']), year=False)}.\"")


@phi_t
def t_crisis_transcript(g):
    p = g.person()
    c, s = g.citystate()
    gm = g.r.random() < 0.5
    return (f"crisis-line: transcript upload to archive failed (S3 SlowDown), chunk {g.r.randint(1, 9)}:\n"
            f"[00:0{g.r.randint(0, 9)}:{g.r.randint(10, 59)}] CALLER: it's {g.name(p, g.ch(['f', 'fl']))}... "
            f"I'm at {g.street()} in {c}\n"
            f"[00:1{g.r.randint(0, 9)}:{g.r.randint(10, 59)}] COUNSELOR: ok, is anyone with you right now?\n"
            f"[00:2{g.r.randint(0, 9)}:{g.r.randint(10, 59)}] CALLER: "
            + (f"just my nana, she's {g.age()}, she's asleep" if gm else f"no. my number is {g.phone()} if we get cut off"))


@phi_t
def t_guardian_record(g):
    p, gd = g.person(), g.person()
    return (f"{K('exception', 'java.lang.IllegalStateException')}: guardianship expired before visit: "
            f"GuardianRecord[guardianName={g.name(gd, g.ch(['fl', 'lf']))}, ward={g.name(p, 'fl')}, "
            f"courtOrderNo={g.other()}, phone={g.phone()}, validThrough={g.date(g.appt_date(), 'iso')}]")


@phi_t
def t_pharmacy_refill_request(g):
    p = g.person()
    return (f"Refill queue item {g.ticket()} stuck in PENDING: {g.name(p, g.ch(['lf', 'fl']))} "
            f"(DOB {g.date(p['dob'], g.ch(['us', 'dmon', 'iso']))}) requests {g.drug()} Rx {g.rx()}; "
            f"pharmacy fax {g.fax()} returned no answer")


@phi_t
def t_lab_result_ingest(g):
    p, d = g.person(), g.person()
    return (f"lab-bridge ORU^R01 ingest error: {K('exception', 'KeyError')}: 'OBX.5'\n  patient={g.name(p, 'lf')} "
            f"mrn={g.mrn()} collected={g.date(g.appt_date(), 'us')} ordering={g.name(d, 'fl')} "
            f"npi={g.npi()} test=lithium level result=<pending>")


@phi_t
def t_ride_vin_plate(g):
    p, dr = g.person(), g.person()
    c, s = g.citystate()
    return (f"rides-adapter: Modivcare trip {g.dbid()} rejected (vehicle not credentialed). member={g.name(p)} "
            f"pickup=\"{g.street()}, {c}\" driver={g.name(dr, g.ch(['fl', 'f', 'il']))} vin={g.vin()} "
            f"plate={g.plate()} ({s})")


@phi_t
def t_ride_vendor_json(g):
    p, dr = g.person(), g.person()
    body = {"trip": {"id": g.raw_uuid(), "appointment_date": g.date(g.appt_date(), "iso"),
                     "rider": {"name": g.name(p, "fl"), "phone": g.phone(False), "member_id": g.member()},
                     "driver": {"name": g.name(dr, "f"), "phone": g.phone(False)},
                     "vehicle": {"vin": g.vin(), "plate": g.plate(), "make": g.ch(["Toyota Sienna", "Ford Transit", "Honda Odyssey"])}}}
    return f"[{g.ts('z')}] rides webhook schema error: $.trip.vehicle.color is required; payload={jd(body)}"


@phi_t
def t_cgm_telemetry(g):
    p = g.person()
    return (f"device-ingest: CGM upload dropped (clock skew {g.r.randint(6, 80)}m) transmitter={g.serial()} "
            f"receiver_imei={g.imei()} patient_ref={g.mrn()} owner=\"{g.name(p, g.ch(['fl', 'lf']))}\" "
            f"fw={g.ver()} samples={g.r.randint(12, 288)}")


@phi_t
def t_wearable_ble(g):
    p = g.person()
    return (f"{g.ts('syslog')} wearable-gw[{g.r.randint(100, 9999)}]: pairing refused mac={g.mac()} "
            f"serial={g.serial()} - already bound to {g.name(p, g.ch(['fl', 'caps']))} ({g.email(p)})")


@phi_t
def t_audit_trail(g):
    p, d = g.person(), g.person()
    return (f"{g.ts('z')} AUDIT actor={g.username(d)} role=clinician action=CHART_VIEW "
            f"target_mrn={g.mrn()} target_name=\"{g.name(p, g.ch(['lfm', 'fl']))}\" src_ip={g.ip()} "
            f"reason=\"break-glass\" session={g.uuid()}")


@phi_t
def t_k8s_json_log(g):
    p = g.person()
    inner = jd({"level": "error", "msg": "coverage lookup failed", "member_id": g.member(),
                "patient": g.name(p, "fl"), "dob": g.date(p["dob"], "iso"), "upstream_ms": g.r.randint(100, 30000)})
    outer = jd({"log": inner + "\n", "stream": "stderr", "time": g.ts("z")})
    return f"eligibility-svc-{g.hx(10)}-{g.an(5, 'bcdfghjklmnpqrstvwxz2456789')} {outer}"


@phi_t
def t_docker_traceback_locals(g):
    p = g.person()
    return (f"billing-worker_1  | Traceback (most recent call last):\n"
            f"billing-worker_1  |   File \"/app/billing/stmt.py\", line {g.r.randint(20, 400)}, in render_guarantor\n"
            f"billing-worker_1  |     lines.append(addr.zip4)\n"
            f"billing-worker_1  | AttributeError: 'NoneType' object has no attribute 'zip4'\n"
            f"billing-worker_1  | locals: guarantor='{g.name(p, 'fl')}' acct='{g.account()}' "
            f"dob={g.date(p['dob'], 'py')} addr=None")


@phi_t
def t_s3_object_key(g):
    p = g.person()
    key = ("s3://mh-intake-prod/consents/" + P("NAME", slug(p["last"], "-").upper()) + "_"
           + P("NAME", slug(p["first"], "-").upper()) + "_" + P("DATE", p["dob"].strftime("%Y%m%d")) + "/signed.pdf")
    return (f"{K('exception', 'botocore.exceptions.ClientError')}: An error occurred (AccessDenied) when calling "
            f"the PutObject operation: Access Denied [key={P('URL', key)}, request_id={g.reqid()}]")


@phi_t
def t_gcs_not_found(g):
    p = g.person()
    d = p["dob"]
    path = ("https://storage.googleapis.com/storage/v1/b/mh-scans/o/intake%2F" + str(g.r.randint(2023, 2025)) + "%2F"
            + "dob-" + P("DATE", f"{d.month:02d}-{d.day:02d}-{d.year}") + "_"
            + P("NAME", slug(p["last"], "-")) + "-" + P("NAME", slug(p["first"], "-")) + ".pdf")
    return f"google.api_core.exceptions.NotFound: 404 GET {P('URL', path)}?alt=media: No such object"


@phi_t
def t_portal_url_mrn(g):
    p = g.person()
    m = g.mrn()
    return (f"{g.status(('500', '502'))} on GET {P('URL', 'https://portal.mindharbor.example/patients/' + m + '/superbills/latest')} "
            f"(upstream={g.infra()}:{g.port()}) user-agent=okhttp/4.12 client={g.ip()} - viewer {g.name(p, 'fl')}")


@phi_t
def t_slack_frontdesk(g):
    p = g.person()
    return (f"slack postMessage failed (channel_not_found) text=\"[#front-desk] can someone call "
            f"{g.name(p, g.ch(['fl', 'fml', 'nick']))} back at {g.phone()}? card on file shows member "
            f"{g.member()}, says {g.payer()} denied the {g.cpt()} claim\"")


@phi_t
def t_portal_lockout(g):
    p = g.person()
    return (f"{g.ts('log')} WARN portal-web Account locked after 5 failed logins: username='{g.username(p)}' "
            f"ip={g.ip()} recovery_email={g.email(p)} lock_id={g.uuid()}")


@phi_t
def t_medicare_mbi_271(g):
    p = g.person()
    return (f"271 AAA*N**72*C (Invalid/Missing Subscriber/Insured ID) for MBI {g.mbi()} - "
            f"{g.name(p, g.ch(['lf', 'fl', 'caps']))}, DOB {g.date(p['dob'], g.ch(['us', 'hl7', 'mon_d_y']))}, payer "
            f"{K('payer', 'Medicare Part B')}")


@phi_t
def t_ach_payment_failed(g):
    p = g.person()
    return (f"payments: ACH debit R03 (no account/unable to locate) for guarantor {g.name(p, 'fl')} "
            f"bank_acct={g.account()} routing={K('routing', g.ch(['021000021', '011401533', '091000019']))} "
            f"invoice={g.ticket()} amount={g.amount()}")


@phi_t
def t_identity_passport(g):
    p = g.person()
    return (f"IdentityVerificationError: document check failed (expired) for {g.name(p, g.ch(['caps', 'fl']))}; "
            f"passport no. {P('OTHER_ID', g.an(1, 'ABCDEFGHJKLMNPRSTUVWXYZ') + g.d(8))} nationality "
            f"{g.ch(['NGA', 'IND', 'MEX', 'PHL', 'UKR', 'GBR'])} dob {g.date(p['dob'], g.ch(['dlong', 'eu', 'dmon_upper']))}")


@phi_t
def t_prescriber_dea_mismatch(g):
    d = g.person()
    return (f"{K('exception', 'PrescriberValidationError')}: DEA {g.dea(d)} second letter does not match "
            f"surname '{g.name(d, 'l')}' for NPI {g.npi()} (EPCS attempt {g.uuid()})")


@phi_t
def t_state_license_lookup(g):
    d = g.person()
    return (f"license-verify: board returned status=LAPSED for {g.name(d, g.ch(['fl', 'fml']))}, "
            f"{g.ch(CREDS)} license {g.state_lic()} ({g.ch(['CA', 'TX', 'NY', 'WA', 'IL'])}); "
            f"clinic phone {g.phone(False)}, fax {g.fax()}; scheduling blocked by {g.flag()}")


@phi_t
def t_age_eligibility_rule(g):
    p = g.person()
    return (f"RuleEngine: eligibility rule GERI-{g.r.randint(1, 40)} fired - client {g.name(p, g.ch(['fl', 'lf', 'il']))} "
            f"is {g.age(p)} years old; route to geriatric psychiatry queue ({g.icd()}, {g.hcpcs()})")


@phi_t
def t_php_stack_locals(g):
    p = g.person()
    c, s = g.citystate()
    return (f"PHP Fatal error:  Uncaught TypeError: App\\Billing\\Mailer::send(): Argument #2 ($to) must be of type "
            f"string, null given, called in /var/www/app/Billing/Run.php on line {g.r.randint(10, 400)}\n"
            f"#0 /var/www/app/Billing/Run.php({g.r.randint(10, 400)}): App\\Billing\\Mailer->send(Array, NULL)\n"
            f"context: array ( 'name' => '{g.name(p)}', 'addr' => '{g.street()}', 'city' => '{c}', "
            f"'zip' => '{g.zip()}', 'age' => {g.age(p) if g.r.random() < 0.4 else 'NULL'}, )")


@phi_t
def t_dotnet_model_state(g):
    p = g.person()
    ms = jd({"errors": {"ResponsibleParty.Phone": ["Not a valid US number"],
                        "ResponsibleParty.Email": ["Required"]},
             "responsible_party": {"fullName": g.name(p, g.ch(["fl", "lf"])), "phone": g.phone(),
                                   "ssnLast": None, "ssn": g.ssn()},
             "traceId": "00-" + g.hx(32) + "-" + g.hx(16) + "-01"})
    return f"HTTP 400 {K('exception', 'Microsoft.AspNetCore.Mvc.ValidationProblemDetails')} {ms}"


@phi_t
def t_gt1_statement_sql(g):
    p = g.person()
    c, s = g.citystate()
    return (f"pq: duplicate key value violates unique constraint \"statements_account_period_key\"\n"
            f"DETAIL: Key (account_no, period)=({g.account()}, {g.year()}-Q{g.r.randint(1, 4)}) already exists.\n"
            f"query args: [\"{g.name(p, 'caps')}\" \"{g.street()}\" \"{c}\" \"{s}\" \"{g.zip()}\" {g.dbid()}]")


@phi_t
def t_welcome_sms_start(g):
    p = g.person()
    ap = g.appt_date()
    return (f"{g.name(p, g.ch(['f', 'nickonly']))}, your first session is {g.date(ap, year=False)} - reply Y to confirm. "
            f"<- SMS template render ok but carrier returned 30007 for {g.phone()} (msg {g.reqid()})")


@phi_t
def t_admission_discharge(g):
    p = g.person()
    a = g.appt_date()
    dch = a + datetime.timedelta(days=g.r.randint(2, 21))
    return (f"IOP census import: row {g.r.randint(2, 900)} skipped - discharge before admission? "
            f"name=\"{g.name(p, 'lf')}\" admitted {g.date(a, g.ch(['us', 'mon_d_y', 'iso']))} discharged "
            f"{g.date(dch, g.ch(['us', 'long_ord', 'dmon']))} unit=ADOL-{g.r.randint(1, 4)} "
            f"age={g.age(p) if g.r.random() < 0.2 else g.r.randint(13, 17)}")


@phi_t
def t_vehicle_parking(g):
    p = g.person()
    return (f"parking-validation: plate {g.plate()} not in permit list; visitor log says {g.name(p, g.ch(['fl', 'caps']))} "
            f"arrived for {g.ts('plain')} appt; vehicle VIN on file {g.vin()}")


@phi_t
def t_clinician_email_forward(g):
    d, p = g.person(), g.person()
    return (f"SMTP 552 message size exceeded forwarding to {g.email(d)}: Subject \"FW: records for "
            f"{g.name(p, g.ch(['fl', 'il']))} (MRN {g.mrn()})\" from {g.name(d, 'fl')}, {g.ch(CREDS)}")


@phi_t
def t_snf_referral_fax(g):
    p, d = g.person(), g.person()
    return (f"fax-bridge OCR of inbound referral (page 1/{g.r.randint(2, 9)}) could not be matched to a chart:\n"
            f"\"RE: {g.name(p, g.ch(['fl', 'caps', 'lf']))}, a {g.age(p)}-year-old resident of {g.ch(['Maple Court', 'Sunrise', 'Elmhurst'])} "
            f"Care Center, new-onset agitation; please call {g.name(d, 'il')} at {g.phone(False)} or fax {g.fax()}\"")


@phi_t
def t_geriatric_fstring_log(g):
    p = g.person()
    return (f"{g.ts('log')} INFO relay.sched.capacity f\"{{client}} (age {{age}}) needs home visit\" rendered as "
            f"\"{g.name(p, g.ch(['fl', 'f', 'fm']))} (age {g.age(p)}) needs home visit\" - no clinician within "
            f"{g.r.randint(10, 80)} miles; zip {g.zip()}")


# ---------------------------------------------------------------------------
# No-PHI templates: look-alikes only
# ---------------------------------------------------------------------------
@clean_t
def c_spring_read_timeout(g):
    return (f"{g.ts('log')} ERROR [{g.svc()}] {K('exception', 'org.springframework.web.client.ResourceAccessException')}: "
            f"I/O error on POST request for \"http://{g.infra()}:{g.port()}/api/orders/{g.ticket()}\": Read timed out; "
            f"traceId={g.reqid()} spanId={g.hx(16)}")


@clean_t
def c_k8s_oomkilled(g):
    return (f"{g.ts('z')} kubelet: container {g.svc()} in pod {g.svc()}-{g.hx(9)}-{g.an(5, 'bcdfghjklmnpqrstvwxz2456789')} "
            f"OOMKilled (limit 512Mi), restartCount={g.r.randint(1, 40)}, node ip {g.infra()}, image tag {g.ver()}")


@clean_t
def c_era_batch_totals(g):
    return (f"ERA batch from {g.payer()} balanced with warnings: {g.r.randint(3, 400)} claims, paid {g.amount()}, "
            f"adjustments CO-45 {g.amount()}, top codes {g.cpt()}/{g.cpt()}/{g.hcpcs()}; file {g.sha()}.835 "
            f"processed in {g.dur()}")


@clean_t
def c_icd_cpt_validation(g):
    return (f"{K('exception', 'ClaimScrubberException')}: diagnosis {g.icd()} is not billable with {g.cpt()} "
            f"+ modifier 95 under policy '{g.payer()} BH-{g.r.randint(1, 60)}'; also {g.hcpcs()} requires auth "
            f"(rule set {g.ver()}, {g.r.randint(2, 90)} lines affected)")


@clean_t
def c_ndc_formulary(g):
    return (f"FormularySync: NDC {g.ndc()} ({g.drug()} tab) has no RxNorm mapping; {g.r.randint(2, 300)} rows "
            f"skipped, catalog {g.ver()} build {g.r.randint(100, 9999)} request {g.reqid()}")


@clean_t
def c_deploy_notice(g):
    return (f"deploy {g.svc()} {g.ver()} ({g.build()}, commit {g.sha()}) rolled back: health check "
            f"{g.status(('502', '503'))} on {g.infra()}:{g.port()} for {g.dur()}; flag {g.flag()} left enabled")


@clean_t
def c_rate_limited(g):
    return (f"{g.status(('429',))} Too Many Requests from {g.infra()} to /v2/eligibility "
            f"request_id={g.reqid()} retry_after=30s bucket={g.svc()} at {g.ts('off')}")


@clean_t
def c_celery_soft_limit(g):
    return (f"[{g.ts('log')}: ERROR/ForkPoolWorker-{g.r.randint(1, 16)}] Task statements.render_batch[{g.uuid()}] raised "
            f"{K('exception', 'celery.exceptions.SoftTimeLimitExceeded')}() after 300s; "
            f"{g.r.randint(10, 400)} of {g.r.randint(401, 2000)} statements rendered, total {g.amount()}")


@clean_t
def c_postgres_deadlock(g):
    return (f"ERROR:  deadlock detected\nDETAIL:  Process {g.r.randint(1000, 99999)} waits for ShareLock on transaction "
            f"{g.r.randint(100000, 9999999)}; blocked by process {g.r.randint(1000, 99999)}.\nCONTEXT:  while updating "
            f"tuple ({g.r.randint(1, 9999)},{g.r.randint(1, 60)}) in relation \"{K('table', g.ch(['claim_lines', 'era_postings', 'appointments', 'statements']))}\" "
            f"job={g.ticket()}")


@clean_t
def c_dotnet_http_timeout(g):
    return (f"{K('exception', 'System.Threading.Tasks.TaskCanceledException')}: The request was canceled due to the "
            f"configured HttpClient.Timeout of 100 seconds elapsing.\n ---> System.TimeoutException: A task was canceled.\n"
            f"   at Harbor.Eligibility.AvailityClient.SendAsync() correlation={g.uuid()} payer={g.payer()}")


@clean_t
def c_hl7_ack_only(g):
    return (f"MLLP ACK received with AE:\nMSH|^~\\&|{g.ch(['EPIC', 'CERNER', 'MEDITECH'])}|HOSP|MHPRAC|RELAY|{g.ts('hl7')}||ACK^A08|"
            f"{g.ticket()}|P|2.5.1\rMSA|AE|{g.ticket()}|Unknown sending facility\rERR|||207^Application internal error^HL70357")


@clean_t
def c_stripe_invoice(g):
    return (f"stripe webhook invoice.payment_failed {g.ticket()} amount_due={g.r.randint(500, 90000)} currency=usd "
            f"attempt_count={g.r.randint(1, 4)} next_payment_attempt={g.ts('z')} livemode=true api {g.ver()}")


@clean_t
def c_grpc_unavailable(g):
    return (f"rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: dial tcp "
            f"{g.infra()}:{g.port()}: connect: connection refused\" service={g.svc()} attempt={g.r.randint(1, 6)} "
            f"after {g.dur()}")


@clean_t
def c_chunk_load(g):
    n = g.r.randint(100, 999)
    return (f"ChunkLoadError: Loading chunk {n} failed. (missing: https://cdn.example-practice.com/static/js/{n}.{g.sha()}.chunk.js) "
            f"app {g.ver()} {g.build()} flag {g.flag()}")


@clean_t
def c_flag_eval_error(g):
    return (f"feature flag '{g.flag()}' evaluation failed (SDK not initialized after {g.dur()}); serving default=false "
            f"to {g.r.randint(2, 5000)} sessions, sdk {g.ver()}, request {g.reqid()}")


@clean_t
def c_annual_report(g):
    return (f"compliance-report: fiscal year {g.year()} attestation generated, {g.r.randint(1000, 99999)} audit rows compared "
            f"against {g.year()} baseline; {g.r.randint(0, 40)} anomalies, archive {g.sha()}.tar.gz, ticket {g.ticket()}")


@clean_t
def c_twilio_status_no_number(g):
    return (f"twilio status callback MessageSid=SM{g.hx(32)} MessageStatus=undelivered ErrorCode="
            f"{K('twilio_code', g.ch(['30007', '30005', '30008']))} AccountSid=AC{g.hx(32)} api {g.ver()} at {g.ts('rails')}")


@clean_t
def c_drug_interaction(g):
    return (f"DDI check: {g.drug()} + {g.drug()} -> severity {g.ch(['major', 'moderate', 'contraindicated'])} "
            f"(rule DDI-{g.r.randint(100, 9999)}, knowledge base {g.ver()}, NDC {g.ndc()}) - alert suppressed by {g.flag()}")


@clean_t
def c_class_not_found(g):
    cls = g.ch(["com.mindharbor.billing.StatementRenderer", "com.mindharbor.erx.NcpdpScriptMapper",
                "com.mindharbor.sched.IcsExporter", "com.mindharbor.intake.OcrCardParser"])
    return (f"{K('exception', 'java.lang.ClassNotFoundException')}: {K('class', cls)} "
            f"(module {g.svc()} {g.ver()}, classloader {g.hx(8)}) during {g.build()}; host {g.infra()}")


# ---------------------------------------------------------------------------
# Self-check (the scorer's own rules)
# ---------------------------------------------------------------------------
def perfect_scrub(text, values):
    out = text
    for v in sorted(set(values), key=lambda x: (-len(x), x)):
        out = re.sub(phi_score._boundary_pattern(v), "[REDACTED]", out)
    return out


def spans(needle, hay):
    res, i = [], hay.find(needle)
    while i >= 0:
        res.append((i, i + len(needle)))
        i = hay.find(needle, i + 1)
    return res


def check_record(text, phi, keep):
    vals = [v for v, _ in phi]
    for v, k in phi:
        if not v or v not in text or k not in phi_score.KINDS:
            return "bad label %r" % v
        if v != v.strip():
            return "untrimmed %r" % v
        if not phi_score.leak_reason(v, k, text):
            return "label %r never stands alone in the text" % v
    out = perfect_scrub(text, vals)
    od = phi_score.digits_of(out)
    for v, k in phi:
        why = phi_score.leak_reason(v, k, out, od)
        if why:
            return "leak %s %r %s" % (k, v, why)
    phi_spans = [m.span() for v in vals for m in re.finditer(phi_score._boundary_pattern(v), text)]
    for t, _ in keep:
        if not phi_score.occurs(t, out):
            return "keep lost %r" % t
        for a, b in (m.span() for m in re.finditer(phi_score._boundary_pattern(t), text)):
            for c, d in phi_spans:
                if a < d and c < b:
                    return "keep %r overlaps phi" % t
        for v in vals:
            if phi_score.occurs(t, v) or phi_score.occurs(v, t):
                return "keep %r vs phi %r" % (t, v)
    return None


def dedupe(pairs):
    seen, res = set(), []
    for v, k in pairs:
        if (v, k) not in seen:
            seen.add((v, k))
            res.append((v, k))
    return res


def make_record(i, tmpl, is_clean):
    last = None
    for attempt in range(MAX_TRIES):
        g = G(Random("%s|%d|%d" % (SEED, i, attempt)))
        text, phi, keep = parse(tmpl(g))
        phi = dedupe(phi)
        keep_seen, kp = set(), []
        for v, k in keep:
            if v not in keep_seen:
                keep_seen.add(v)
                kp.append((v, k))
        if is_clean and phi:
            raise AssertionError("clean template %s produced PHI" % tmpl.__name__)
        if not is_clean and not phi:
            last = "no phi"
            continue
        last = check_record(text, phi, kp)
        if last is None:
            name = tmpl.__name__.split("_", 1)[1]
            return OrderedDict([("id", "blind3-%05d" % i), ("family", "blind3"), ("template", name),
                                ("text", text), ("phi", [{"value": v, "kind": k} for v, k in phi]),
                                ("keep", [v for v, _ in kp]), ("keep_kinds", [k for _, k in kp])])
    raise RuntimeError("record %d (%s) failed %d tries: %s" % (i, tmpl.__name__, MAX_TRIES, last))


def build():
    r = Random(SEED + "|layout")
    idx = list(range(N_RECORDS))
    r.shuffle(idx)
    clean = set(idx[:N_CLEAN])
    phi_cycle, clean_cycle = [], []
    recs = []
    for i in range(N_RECORDS):
        if i in clean:
            if not clean_cycle:
                clean_cycle = list(CLEAN_T)
                r.shuffle(clean_cycle)
            t = clean_cycle.pop()
        else:
            if not phi_cycle:
                phi_cycle = list(PHI_T)
                r.shuffle(phi_cycle)
            t = phi_cycle.pop()
        recs.append(make_record(i, t, i in clean))
    return "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in recs).encode("utf-8"), recs


def summary(recs):
    kinds = Counter(p["kind"] for r in recs for p in r["phi"])
    tmpls = Counter(r["template"] for r in recs)
    print("records=%d clean=%d templates=%d (phi %d, clean %d)" % (
        len(recs), sum(1 for r in recs if not r["phi"]), len(tmpls), len(PHI_T), len(CLEAN_T)))
    print("values per kind: " + ", ".join("%s=%d" % (k, kinds.get(k, 0)) for k in phi_score.KINDS))
    low = [k for k in phi_score.KINDS if kinds.get(k, 0) < 40]
    if low:
        print("WARNING: kinds under 40 values: %s" % low)
    return not low


def main(argv):
    data, recs = build()
    if "--check" in argv:
        try:
            with open(OUT_PATH, "rb") as f:
                old = f.read()
        except OSError:
            old = None
        if old == data:
            print("OK: %s matches regenerated output (%d bytes)" % (OUT_PATH, len(data)))
            return 0
        print("MISMATCH: %s differs from regenerated output" % OUT_PATH)
        return 1
    with open(OUT_PATH, "wb") as f:
        f.write(data)
    print("wrote %s" % OUT_PATH)
    return 0 if summary(recs) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
