#!/usr/bin/env python3
"""Generate tests/data/phi_heldout.jsonl: a held-out PHI corpus for Relay's scrubber.

Written blind to relay/scrub and to the development corpus's templates: the format and the
labelling policy are those of /work/shared/phi/README.md, but the text styles (JVM, Go, .NET,
Ruby, PHP stacks; access logs; HL7 NK1/IN1/GT1; X12; NCPDP XML; staff chat notes; ...), the
phrasings and the value pools are new, so the score says how the scrubber generalises rather
than how well it fits its own development set.

Standard library only and a fixed seed: the output is reproducible byte for byte.  The name
pools are hand-written (not Faker's lists, from which the scrubber's dictionary was built).
Identifiers that real systems validate carry valid check digits (NPI, DEA, VIN, IMEI, card
numbers, SSN area/group/serial rules, NANP area/exchange rules, public-only client IPs).

Every record is checked before it is written: each PHI value and keep token occurs in the
text, and a perfect scrubber, one that removes exactly the labelled values, would leak nothing
and keep every keep token under the scorer's own rules (tests/data/phi_score.py).  A record
that fails by chance (a digit run of a value recurring in a timestamp, say) is redrawn.

    python tests/data/make_phi_heldout.py           # writes tests/data/phi_heldout.jsonl
    python tests/data/make_phi_heldout.py --check   # regenerates and compares with the file
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import TypeVar

HERE = Path(__file__).resolve().parent
OUT = HERE / "phi_heldout.jsonl"
SEED = 20260314
N_RECORDS = 1500
N_CLEAN = 300  # a fifth of the records hold look-alikes only
MIN_PER_KIND = 60
MAX_TRIES = 40

T = TypeVar("T")


def _load_scorer() -> ModuleType:
    """The vendored scorer, so the self-check applies exactly the leak rules it will face."""
    spec = importlib.util.spec_from_file_location("phi_score", HERE / "phi_score.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


SCORER = _load_scorer()
KINDS: list[str] = SCORER.KINDS

# ---------------------------------------------------------------------------------------------
# Value pools (hand-written)
# ---------------------------------------------------------------------------------------------

GIVEN = [
    # English / Anglo
    "Abigail", "Alistair", "Bethany", "Clementine", "Desmond", "Eleanor", "Gideon", "Harriet",
    "Imogen", "Jasper", "Lachlan", "Matilda", "Nigel", "Ophelia", "Percival", "Rupert",
    "Tabitha", "Wilfred", "Winifred", "Barnaby", "Cressida", "Dorian", "Edmund", "Fenella",
    "Hollis", "Leland", "Marigold", "Phoebe", "Quentin", "Rosalind", "Thaddeus", "Ursula",
    "Vivienne", "Wendell", "Augustus", "Beatrix", "Cornelius", "Delphine", "Ezra", "Garrick",
    "Horatio", "Mabel", "Theodora", "Montgomery", "Prudence", "Reginald", "Sylvia", "Tobias",
    "Gwendolyn", "Ambrose",
    # Irish / Scottish / Welsh
    "Niamh", "Orla", "Saoirse", "Siobhán", "Aoife", "Caoimhe", "Eoghan", "Ciarán", "Pádraig",
    "Róisín", "Tadhg", "Fionnuala", "Oisín", "Sorcha", "Declan", "Ailbhe", "Cathal", "Eilidh",
    "Angharad", "Rhiannon", "Gethin",
    # Hispanic / Latino
    "Alejandro", "Ximena", "Guadalupe", "Itzel", "Joaquín", "Marisol", "Rodrigo", "Yesenia",
    "Esperanza", "Graciela", "Heriberto", "Inés", "Jacinto", "Lourdes", "Maricruz", "Nayeli",
    "Octavio", "Paloma", "Refugio", "Socorro", "Teodoro", "Valentina", "Xóchitl", "Yolanda",
    "Zulema", "Ángel", "José", "Begoña", "Iñaki", "Consuelo", "Evaristo", "Florencio",
    "Humberto", "Ignacio", "Juan Pablo", "María José", "Luz", "Santiago", "Anahí",
    "Encarnación",
    # African
    "Adebayo", "Chidi", "Chiamaka", "Ngozi", "Nnamdi", "Oluwaseun", "Folake", "Emeka",
    "Ifeoma", "Kwame", "Kofi", "Akosua", "Yaw", "Wanjiru", "Njeri", "Achieng", "Thandiwe",
    "Sipho", "Lindiwe", "Themba", "Zanele", "Abebe", "Tigist", "Selamawit", "Dawit", "Hodan",
    "Abdirahman", "Faduma", "Amadou", "Fatoumata", "Mamadou", "Aminata", "Ousmane", "Kagiso",
    "Tendai", "Rutendo", "Chipo", "Tafadzwa", "Nkechi", "Obinna", "Uchenna", "Babajide",
    "Yetunde", "Olumide", "Makena", "Kiptoo",
    # South Asian
    "Priyanka", "Arjun", "Aditi", "Siddharth", "Lakshmi", "Venkatesh", "Meenakshi", "Harpreet",
    "Gurpreet", "Navjot", "Ishaan", "Kavya", "Anirudh", "Deepika", "Farhan", "Nusrat",
    "Tahmina", "Sanjay", "Shreya", "Vikram", "Padma", "Karthik", "Nandini", "Rohan", "Sunita",
    "Abhishek", "Aarav", "Ananya", "Tanvir", "Dilshad", "Chaturika", "Tharindu", "Rajesh",
    # East / Southeast Asian (romanised)
    "Kenji", "Haruka", "Takeshi", "Hiroshi", "Aiko", "Ryota", "Minh", "Thanh", "Linh", "Huong",
    "Quang", "Xiaoling", "Zhiwei", "Meiling", "Hyun-woo", "Ji-yeon", "Seo-yeon", "Min-jun",
    "Dong-hyun", "Eun-ji", "Jae-won", "Tuyết", "Xuân", "Haruto", "Shu-fen", "Chia-hao",
    "Wen-ting", "Yuxuan", "Phương", "Sokha", "Vannak", "Somchai", "Malee", "Maricel", "Rommel",
    "Jericho", "Marites",
    # Arabic / Persian / Turkish / Hebrew
    "Yousef", "Fatimah", "Layla", "Khalid", "Noura", "Tariq", "Huda", "Rania", "Samir", "Bilal",
    "Hamza", "Amira", "Karim", "Zainab", "Mustafa", "Salma", "Ibrahim", "Abdulrahman", "Nadia",
    "Farida", "Dariush", "Shirin", "Farnaz", "Kourosh", "Parisa", "Arash", "Emre", "Elif",
    "Mehmet", "Ayşe", "Zeynep", "Oğuz", "Avraham", "Tova", "Yael", "Shlomo",
    # Slavic
    "Bogdan", "Zofia", "Agnieszka", "Łukasz", "Wojciech", "Małgorzata", "Katarzyna", "Dmitri",
    "Svetlana", "Oksana", "Yaroslav", "Nataliya", "Miroslav", "Jiří", "Radka", "Milena",
    "Dragan", "Jelena", "Goran", "Snežana", "Vesna", "Bohdan", "Tetiana", "Zdeněk", "Ludmila",
    # Dutch / German / Nordic / Finnish
    "Pieter", "Anneke", "Joost", "Maarten", "Sanne", "Femke", "Sjoerd", "Wouter", "Gerrit",
    "Jürgen", "Dietrich", "Annegret", "Lukas", "Günther", "Friederike", "Søren", "Sigrid",
    "Astrid", "Bjørn", "Ingeborg", "Hallvard", "Linnéa", "Åsa", "Eero", "Aino", "Päivi",
    # French / Greek / Italian / Portuguese / Hawaiian
    "Élodie", "Benoît", "Hélène", "Geneviève", "Anaïs", "Thérèse", "Marie-Claude", "Jean-Luc",
    "François", "Gaëlle", "Loïc", "Noémie", "Zoë", "Chloë", "Nikolaos", "Eleni", "Dimitra",
    "Stavros", "Gianluca", "Chiara", "Giuseppina", "Maurizio", "João", "Conceição", "Thiago",
    "Leandro", "Keoni", "Leilani", "Kealoha", "Pualani",
]

SURNAMES = [
    # English
    "Abernathy", "Ashworth", "Blackwood", "Cartwright", "Featherstone", "Hargreaves",
    "Pemberton", "Thistlewood", "Whitlock", "Winterbottom", "Fairweather", "Bramley", "Dunmore",
    "Ellsworth", "Greenhalgh", "Holloway", "Kingsley", "Lockhart", "Merriweather", "Pennington",
    "Radcliffe", "Sutcliffe", "Tattersall", "Wainwright", "Yardley", "Pritchard", "Quigley",
    "Rowntree", "Higginbotham", "Ollerenshaw",
    # Irish / Scottish
    "O'Brien", "O'Sullivan", "O'Connor", "McAllister", "MacKenzie", "McGillicuddy",
    "Fitzgerald", "Ó Súilleabháin", "McCarthy", "O'Donoghue", "Mulcahy", "Gallagher",
    "Kavanagh", "Ní Dhomhnaill", "MacLeod", "McIlroy", "O'Shaughnessy", "Breathnach",
    "Ní Bhriain", "Ó Briain",
    # Hispanic
    "Echeverría", "Quiñones-Ortega", "Villaseñor", "Restrepo", "Zúñiga", "Ibáñez", "Castañeda",
    "de la Cruz", "del Valle", "Peña", "Olvera", "Saldívar", "Montes de Oca", "Arredondo",
    "Betancourt", "Cárdenas", "Espinoza", "Galindo", "Hinojosa", "Lozano", "Ochoa", "Palacios",
    "Quintanilla", "Sandoval", "Trujillo", "Valenzuela", "Ybarra", "Zamora", "Ruiz de Alarcón",
    "Nuñez", "Barrientos", "Covarrubias",
    # African
    "Okafor", "Adeyemi", "Nwosu", "Eze", "Chukwu", "Okonkwo", "Mokoena", "Mbeki", "Dlamini",
    "Nkosi", "Ndlovu", "Mapfumo", "Moyo", "Chikwanha", "Diallo", "Traoré", "Keita", "Coulibaly",
    "Ouédraogo", "Asante", "Mensah", "Owusu", "Boateng", "Acheampong", "Kamau", "Wanjiku",
    "Mwangi", "Kiprono", "Tesfaye", "Bekele", "Haile-Mariam", "Abdi", "Warsame", "Oyelaran",
    "Babatunde", "Akinola", "Onyekachi", "Adjei",
    # South Asian
    "Banerjee", "Chattopadhyay", "Venkataraman", "Subramanian", "Kapoor", "Malhotra", "Iyer",
    "Reddy", "Nair", "Pillai", "Deshpande", "Kulkarni", "Sandhu", "Dhillon", "Grewal",
    "Chaudhry", "Siddiqui", "Qureshi", "Rahman", "Hossain", "Chowdhury", "Jayasuriya",
    "Wickramasinghe", "Perera", "Bhattacharya", "Ramaswamy", "Mukherjee", "Trivedi", "Parekh",
    "Gill",
    # East / Southeast Asian
    "Nakamura", "Hayashi", "Takahashi", "Watanabe", "Yamaguchi", "Kobayashi", "Fujimoto",
    "Tanaka", "Nguyễn", "Trần", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Zhang", "Liu",
    "Huang", "Zhou", "Guo", "Kim", "Choi", "Jeong", "Kang", "Yoon", "Shin", "Seo", "Ouyang",
    "Szeto", "Tsai", "Hsieh", "Cheung", "Leung", "Chanthavong", "Sok", "Dela Cruz", "Macaraeg",
    "Bautista", "Villanueva",
    # Arabic / Persian / Turkish / Hebrew
    "Al-Rashid", "Haddad", "Khoury", "Nasser", "El-Amin", "Al-Farsi", "Saleh", "Mansour",
    "Hamdan", "Abdelrahman", "Bazzi", "Jaber", "Khalil", "Al Masri", "Abu-Saleh", "Darwish",
    "Ben Youssef", "El Idrissi", "Karimi", "Tehrani", "Farahani", "Mirzaei", "Öztürk", "Yılmaz",
    "Çelik", "Şahin", "Ben-David", "Rosenzweig", "Abramowitz", "Goldfarb",
    # Slavic
    "Wiśniewski", "Kowalczyk", "Zieliński", "Wójcik", "Dąbrowska", "Szczepański", "Krawczyk",
    "Nowakowski", "Ivanenko", "Shevchenko", "Kovalenko", "Bondarenko", "Petrović", "Jovanović",
    "Novák", "Dvořák", "Svoboda", "Horvat", "Kuznetsova", "Sokolov", "Przybylski",
    "Grzegorczyk", "Dziedzic", "Tkachuk", "Brzezinski",
    # Dutch / German / Nordic (with particles)
    "van der Berg", "van den Bosch", "de Vries", "van Dijk", "ter Horst", "van 't Hof",
    "Achterberg", "Hoogendoorn", "Vermeulen", "von Richthofen", "von der Heide",
    "Müller-Lüdenscheidt", "Schäfer", "Großmann", "Oberhäuser", "Eikeland", "Lindqvist",
    "Bergström", "Østergaard", "Kjærsgaard", "Häkkinen", "Virtanen",
    # French / Greek / Italian / Portuguese / Hawaiian
    "Dubois", "Lefèvre", "Desrosiers", "LeBlanc", "Thibodeaux", "Gagnon", "Côté", "Bélanger",
    "Tremblay", "Papadopoulos", "Georgiou", "Konstantinidis", "Esposito", "Bianchi", "Ferraro",
    "Lombardi", "Santoro", "Gonçalves", "Magalhães", "Figueiredo", "Kahananui", "Kealamakia",
    "Akana",
    # hyphenated
    "Abernathy-Yoon", "Hathaway-Okonjo", "Morrissey-Kane", "Adeyemi-Clarke", "Beaumont-Zhao",
    "Nakamura-Ellis", "Castillo-Brennan", "Ortiz-Lindqvist", "Smythe-Osei", "Kowalski-Reyes",
]

VIET_SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ",
                 "Ngô", "Dương"]
VIET_MIDDLE = ["Thị", "Văn", "Minh", "Ngọc", "Đức", "Thanh", "Hữu"]
VIET_GIVEN = ["Lan", "Hương", "Tuấn", "Dũng", "Thảo", "Hùng", "Phương", "Quân", "Trang",
              "Khoa", "Nhung", "Hạnh", "Bảo", "Yến"]

INITIALS = "ABCDEFGHJKLMNPRSTVW"

STREETS = [
    "Kedzie", "Belmont", "Old Hickory", "Martin Luther King Jr", "Cesar Chavez", "Van Ness",
    "Ponce de Leon", "Kalanianaole", "Kamehameha", "Pulaski", "Kosciuszko", "Archer",
    "Halsted", "Cermak", "Ashland", "Lindell", "Grand River", "Woodward", "Telegraph",
    "Shattuck", "Alvarado", "Figueroa", "Sepulveda", "Colfax", "Bardstown", "Nolensville",
    "Germantown", "Cottman", "Passyunk", "Bergenline", "Boylston", "Blue Hill", "Magnolia",
    "Sycamore", "Tamarack", "Chokecherry", "Quail Run", "Sandhill Crane", "Coyote Ridge",
    "Prairie Dunes", "Spring Garden", "Mill Creek", "Stony Point", "Peachtree Industrial",
    "Buford", "Chamblee Tucker", "Jonesboro", "Lakeshore", "Mockingbird", "Lamar", "Burnet",
    "Rundberg", "Bissonnet", "Westheimer", "Bellaire", "Gessner", "Tchoupitoulas",
    "Elysian Fields", "Natural Bridge", "Gravois", "Vinton", "Hiawatha", "Lyndale", "Nicollet",
    "Rainier", "Holgate", "Division", "Powell", "Alberta", "Hawthorne", "Foothill",
    "Fruitridge", "Divisadero", "Geary", "Kamoku", "Kinnickinnic", "Ogontz", "Frankford",
]
STREETS_FULL = ["Camino del Sol", "El Camino Real", "Calle Ocho", "Avenida Hidalgo",
                "Paseo de Peralta", "Via Del Oro", "Rue Chartres", "Kings Hwy"]
SUFFIXES = ["St", "Ave", "Blvd", "Rd", "Dr", "Ln", "Ct", "Pl", "Way", "Ter", "Pkwy", "Hwy",
            "Cir", "Trl", "Loop", "Street", "Avenue", "Road", "Drive", "Lane", "Court", "Place",
            "Boulevard", "St.", "Ave."]
DIRECTIONS = ["", "", "", "", "N ", "S ", "E ", "W ", "NE ", "SW ", "North ", "West "]

# (city, state, ZIP prefix)
CITIES = [
    ("Tacoma", "WA", "984"), ("Yakima", "WA", "989"), ("Everett", "WA", "982"),
    ("Spokane Valley", "WA", "992"), ("Olympia", "WA", "985"), ("Decatur", "GA", "300"),
    ("Norcross", "GA", "300"), ("Macon", "GA", "312"), ("Savannah", "GA", "314"),
    ("Cheektowaga", "NY", "142"), ("Poughkeepsie", "NY", "126"), ("Schenectady", "NY", "123"),
    ("Yonkers", "NY", "107"), ("Utica", "NY", "135"), ("Ithaca", "NY", "148"),
    ("Hialeah", "FL", "330"), ("Kissimmee", "FL", "347"), ("Tallahassee", "FL", "323"),
    ("Gainesville", "FL", "326"), ("St. Petersburg", "FL", "337"), ("Kalamazoo", "MI", "490"),
    ("Ypsilanti", "MI", "481"), ("Dearborn", "MI", "481"), ("Hamtramck", "MI", "482"),
    ("Paterson", "NJ", "075"), ("Hoboken", "NJ", "070"), ("Trenton", "NJ", "086"),
    ("Camden", "NJ", "081"), ("Lowell", "MA", "018"), ("Brockton", "MA", "023"),
    ("Worcester", "MA", "016"), ("Pawtucket", "RI", "028"), ("Providence", "RI", "029"),
    ("Cicero", "IL", "608"), ("Berwyn", "IL", "604"), ("Skokie", "IL", "600"),
    ("Evanston", "IL", "602"), ("Joliet", "IL", "604"), ("Peoria", "IL", "616"),
    ("Gary", "IN", "464"), ("Muncie", "IN", "473"), ("Fort Wayne", "IN", "468"),
    ("Dayton", "OH", "454"), ("Toledo", "OH", "436"), ("Akron", "OH", "443"),
    ("Youngstown", "OH", "445"), ("Erie", "PA", "165"), ("Scranton", "PA", "185"),
    ("Allentown", "PA", "181"), ("Wilkes-Barre", "PA", "187"), ("Winston-Salem", "NC", "271"),
    ("Fayetteville", "NC", "283"), ("Greenville", "SC", "296"), ("Spartanburg", "SC", "293"),
    ("Chattanooga", "TN", "374"), ("Murfreesboro", "TN", "371"), ("Hermitage", "TN", "370"),
    ("Knoxville", "TN", "379"), ("Bowling Green", "KY", "421"), ("Paducah", "KY", "420"),
    ("Tuscaloosa", "AL", "354"), ("Huntsville", "AL", "358"), ("Biloxi", "MS", "395"),
    ("Baton Rouge", "LA", "708"), ("Lake Charles", "LA", "706"), ("Opelousas", "LA", "705"),
    ("Natchitoches", "LA", "714"), ("Shreveport", "LA", "711"), ("Texarkana", "AR", "718"),
    ("Little Rock", "AR", "722"), ("Muskogee", "OK", "744"), ("Tahlequah", "OK", "744"),
    ("Lubbock", "TX", "794"), ("Amarillo", "TX", "791"), ("Laredo", "TX", "780"),
    ("McAllen", "TX", "785"), ("Brownsville", "TX", "785"), ("Waco", "TX", "767"),
    ("Killeen", "TX", "765"), ("El Paso", "TX", "799"), ("Las Cruces", "NM", "880"),
    ("Española", "NM", "875"), ("Gallup", "NM", "873"), ("Santa Fe", "NM", "875"),
    ("Flagstaff", "AZ", "860"), ("Yuma", "AZ", "853"), ("Pocatello", "ID", "832"),
    ("Coeur d'Alene", "ID", "838"), ("Missoula", "MT", "598"), ("Bozeman", "MT", "597"),
    ("Casper", "WY", "826"), ("Laramie", "WY", "820"), ("Greeley", "CO", "806"),
    ("Pueblo", "CO", "810"), ("Durango", "CO", "813"), ("Cañon City", "CO", "812"),
    ("Provo", "UT", "846"), ("Ogden", "UT", "844"), ("Reno", "NV", "895"),
    ("Modesto", "CA", "953"), ("Visalia", "CA", "932"), ("Salinas", "CA", "939"),
    ("Eureka", "CA", "955"), ("Chula Vista", "CA", "919"), ("Medford", "OR", "975"),
    ("Eugene", "OR", "974"), ("Anchorage", "AK", "995"), ("Fairbanks", "AK", "997"),
    ("Hilo", "HI", "967"), ("Kailua-Kona", "HI", "967"), ("Duluth", "MN", "558"),
    ("St. Cloud", "MN", "563"), ("Mankato", "MN", "560"), ("Eau Claire", "WI", "547"),
    ("Oshkosh", "WI", "549"), ("Kenosha", "WI", "531"), ("Sioux Falls", "SD", "571"),
    ("Bismarck", "ND", "585"), ("Cedar Rapids", "IA", "524"), ("Dubuque", "IA", "520"),
    ("Topeka", "KS", "666"), ("Wichita", "KS", "672"), ("Omaha", "NE", "681"),
    ("Joplin", "MO", "648"), ("Cape Girardeau", "MO", "637"), ("Roanoke", "VA", "240"),
    ("Norfolk", "VA", "235"), ("Morgantown", "WV", "265"), ("Wheeling", "WV", "260"),
    ("Bangor", "ME", "044"), ("Lewiston", "ME", "042"), ("Nashua", "NH", "030"),
    ("Burlington", "VT", "054"), ("Hartford", "CT", "061"), ("New Haven", "CT", "065"),
    ("Stamford", "CT", "069"), ("Wilmington", "DE", "198"), ("Mayagüez", "PR", "006"),
    ("Ponce", "PR", "007"),
]

STATE_NAMES = {
    "WA": "Washington", "GA": "Georgia", "NY": "New York", "FL": "Florida", "MI": "Michigan",
    "NJ": "New Jersey", "MA": "Massachusetts", "RI": "Rhode Island", "IL": "Illinois",
    "IN": "Indiana", "OH": "Ohio", "PA": "Pennsylvania", "NC": "North Carolina",
    "SC": "South Carolina", "TN": "Tennessee", "KY": "Kentucky", "AL": "Alabama",
    "MS": "Mississippi", "LA": "Louisiana", "AR": "Arkansas", "OK": "Oklahoma", "TX": "Texas",
    "NM": "New Mexico", "AZ": "Arizona", "ID": "Idaho", "MT": "Montana", "WY": "Wyoming",
    "CO": "Colorado", "UT": "Utah", "NV": "Nevada", "CA": "California", "OR": "Oregon",
    "AK": "Alaska", "HI": "Hawaii", "MN": "Minnesota", "WI": "Wisconsin", "SD": "South Dakota",
    "ND": "North Dakota", "IA": "Iowa", "KS": "Kansas", "NE": "Nebraska", "MO": "Missouri",
    "VA": "Virginia", "WV": "West Virginia", "ME": "Maine", "NH": "New Hampshire",
    "VT": "Vermont", "CT": "Connecticut", "DE": "Delaware", "PR": "Puerto Rico",
}

AREA_CODES = [
    "201", "203", "207", "212", "213", "216", "229", "251", "267", "281", "303", "305", "312",
    "313", "323", "336", "347", "352", "385", "404", "407", "409", "412", "414", "415", "432",
    "469", "478", "503", "504", "505", "508", "512", "520", "541", "563", "571", "601", "602",
    "606", "612", "614", "617", "618", "646", "656", "660", "702", "704", "706", "713", "718",
    "720", "724", "737", "754", "762", "770", "773", "785", "786", "801", "803", "804", "808",
    "813", "816", "818", "832", "847", "856", "857", "864", "878", "901", "907", "908", "914",
    "916", "919", "929", "937", "940", "956", "971", "978", "984",
]

EMAIL_DOMAINS = [
    "gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com", "proton.me",
    "comcast.net", "att.net", "verizon.net", "eircom.net", "onet.pl", "web.de", "gmx.net",
    "naver.com", "qq.com", "rediffmail.com", "live.ca", "sbcglobal.net", "bellsouth.net",
    "cox.net", "earthlink.net", "mail.utexas.edu", "students.uic.edu", "me.com", "ymail.com",
]
CLINIC_DOMAINS = ["lakeshorepeds.com", "northbaypsych.org", "riverbendfamilymed.com",
                  "cedarhollowclinic.org", "mhc-partners.net", "harborviewbh.org"]

PAYERS = [
    "Aetna", "Cigna", "UnitedHealthcare", "Humana", "Anthem Blue Cross", "Kaiser Permanente",
    "Molina Healthcare", "Oscar Health", "Ambetter", "Tufts Health Plan", "Harvard Pilgrim",
    "Highmark", "Medicaid", "Medicare Part B", "TRICARE West", "Optum", "Magellan Health",
    "Carelon Behavioral Health", "Priority Health", "Geisinger Health Plan", "Wellcare",
    "CareSource", "Blue Cross Blue Shield of Texas", "Premera Blue Cross",
]
PAYER_IDS = ["60054", "62308", "87726", "61101", "47198", "94135", "38333", "SX141", "CCHPC",
             "MCDOH", "00621", "BCBSTX", "77003"]
ICD10 = ["F32.A", "F33.1", "F41.1", "F43.10", "F43.12", "F90.0", "F31.81", "F42.2", "F50.01",
         "F10.20", "Z63.0", "Z91.19", "F60.3", "G47.00", "F84.0", "F41.0", "F34.1", "F43.23"]
CPT = ["90791", "90792", "90832", "90834", "90837", "90846", "90847", "90853", "99213",
       "99214", "96127", "90785", "90839", "H0031", "G0444"]
DRUGS = ["sertraline 50 mg", "escitalopram 10 mg", "bupropion XL 150 mg",
         "lithium carbonate 300 mg", "quetiapine 25 mg", "buprenorphine-naloxone 8-2 mg",
         "methylphenidate ER 36 mg", "lamotrigine 100 mg", "hydroxyzine 25 mg",
         "trazodone 50 mg", "aripiprazole 5 mg", "clonazepam 0.5 mg", "venlafaxine ER 75 mg"]
RELATIONS = ["mother", "father", "grandmother", "grandfather", "stepdad", "stepmom", "aunt",
             "uncle", "son", "daughter", "husband", "wife", "partner", "foster mom", "guardian",
             "sister", "brother"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PUBLIC_V4_FIRST = [12, 23, 24, 38, 45, 47, 50, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74,
                   75, 76, 96, 97, 98, 99, 104, 107, 108, 136, 142, 162, 166, 173, 174, 184,
                   199, 206, 208, 209, 216]
PUBLIC_V6_PREFIX = ["2600:1700", "2601:1c2", "2603:8000", "2607:fb90", "2a02:8108",
                    "2405:201", "2806:2f0", "2602:306"]
IMEI_TACS = ["35209900", "35332510", "35875605", "01332700", "35391110", "35467811",
             "86769404", "35689910"]
VIN_WMI = ["1HG", "1FT", "2T1", "3VW", "5YJ", "JTD", "KMH", "WBA", "1C4", "4T1", "JHM", "1GC",
           "2HG", "5FN", "1N4", "3GN", "1FM", "KNA"]
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
VIN_YEAR = "FGHJKLMNPRS"  # 2015 .. 2025
K8S_CHARS = "bcdfghjklmnpqrstvwxz2456789"
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

# ---------------------------------------------------------------------------------------------
# Check digits and small helpers
# ---------------------------------------------------------------------------------------------


def luhn_digit(payload: str) -> str:
    """Luhn check digit for payload (the digit that would be appended)."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def vin_check(vin16: str) -> str:
    """The VIN with its position-9 check digit filled in (vin16 lacks position 9)."""
    translit = {**{str(d): d for d in range(10)},
                "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8, "J": 1, "K": 2,
                "L": 3, "M": 4, "N": 5, "P": 7, "R": 9, "S": 2, "T": 3, "U": 4, "V": 5, "W": 6,
                "X": 7, "Y": 8, "Z": 9}
    weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
    vin = vin16[:8] + "0" + vin16[8:]
    rem = sum(translit[c] * w for c, w in zip(vin, weights, strict=True)) % 11
    return vin[:8] + ("X" if rem == 10 else str(rem)) + vin[9:]


_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE",
                       "ß": "ss", "đ": "d", "Đ": "D", "ı": "i", "œ": "oe"})


def fold(s: str) -> str:
    """ASCII-fold a name the way mail and login systems usually do."""
    s = unicodedata.normalize("NFKD", s.translate(_FOLD))
    return "".join(c for c in s if not unicodedata.combining(c))


def slug(s: str, sep: str = "") -> str:
    return re.sub(r"[^a-z0-9]+", sep, fold(s).lower()).strip(sep)


def ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def fmt_date(d: date, style: str) -> str:
    m, dd, y = d.month, d.day, d.year
    mon = MONTHS[m - 1][:3]
    styles = {
        "us0": f"{m:02d}/{dd:02d}/{y}",
        "us": f"{m}/{dd}/{y}",
        "us2": f"{m}/{dd}/{y % 100:02d}",
        "iso": d.isoformat(),
        "long": f"{MONTHS[m - 1]} {dd}, {y}",
        "long_ord": f"{MONTHS[m - 1]} {ordinal(dd)}, {y}",
        "abbr": f"{mon} {dd}, {y}",
        "dmy": f"{dd} {mon} {y}",
        "dmy_long": f"{dd} {MONTHS[m - 1]} {y}",
        "oracle": f"{dd:02d}-{mon.upper()}-{y}",
        "hl7": f"{y}{m:02d}{dd:02d}",
        "py": f"{y}, {m}, {dd}",
        "dash_us": f"{m:02d}-{dd:02d}-{y}",
        "ymd_slash": f"{y}/{m:02d}/{dd:02d}",
        "sas": f"{dd:02d}{mon.upper()}{y}",
        "dot": f"{m:02d}.{dd:02d}.{y}",
        "weekday": f"{WEEKDAYS[d.weekday()]}, {MONTHS[m - 1]} {dd}, {y}",
        "md": f"{m}/{dd}",
        "md0": f"{m:02d}/{dd:02d}",
        "mon_d": f"{mon} {dd}",
        "month_d": f"{MONTHS[m - 1]} {dd}",
        "month_dth": f"{MONTHS[m - 1]} {ordinal(dd)}",
        "d_month": f"{dd} {MONTHS[m - 1]}",
        "wd_md": f"{WEEKDAYS[d.weekday()][:3]} {m}/{dd}",
    }
    return styles[style]


DOB_STYLES = ["us0", "us", "us2", "iso", "long", "long_ord", "abbr", "dmy", "dmy_long",
              "dash_us", "ymd_slash", "dot", "weekday"]
VISIT_STYLES = ["us0", "us", "iso", "long", "abbr", "dmy", "weekday", "dash_us"]
NOYEAR_STYLES = ["md", "md0", "mon_d", "month_d", "month_dth", "d_month", "wd_md"]


@dataclass
class Person:
    given: str
    surname: str
    mi: str
    middle: str
    eastern: bool = False  # Vietnamese order: surname, middle, given

    @property
    def full(self) -> str:
        if self.eastern:
            return f"{self.surname} {self.middle} {self.given}"
        return f"{self.given} {self.surname}"

    @property
    def with_mi(self) -> str:
        return f"{self.given} {self.mi}. {self.surname}"

    @property
    def last_first(self) -> str:
        return f"{self.surname}, {self.given}"

    @property
    def upper_lfm(self) -> str:
        return f"{self.surname.upper()}, {self.given.upper()} {self.mi}"

    @property
    def upper_full(self) -> str:
        return f"{self.given.upper()} {self.surname.upper()}"


@dataclass
class Rec:
    """The labels of one record under construction; p() and k() return the value they label."""

    phi: list[tuple[str, str]] = field(default_factory=list)
    keep: list[tuple[str, str]] = field(default_factory=list)

    def p(self, kind: str, value: str) -> str:
        assert kind in KINDS, kind
        if (kind, value) not in self.phi:
            self.phi.append((kind, value))
        return value

    def k(self, kind: str, value: str) -> str:
        if (kind, value) not in self.keep:
            self.keep.append((kind, value))
        return value


class Gen:
    """Value makers over one seeded random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    # -- basics --------------------------------------------------------------------------
    def pick(self, seq: Sequence[T]) -> T:
        return self.rng.choice(seq)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def num(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def digits(self, n: int) -> str:
        return "".join(str(self.rng.randrange(10)) for _ in range(n))

    def letters(self, n: int, alphabet: str = "ABCDEFGHJKLMNPRSTUVWXYZ") -> str:
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def hexs(self, n: int) -> str:
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def uuid(self) -> str:
        h = self.hexs(32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{self.pick('89ab')}{h[17:20]}-{h[20:]}"

    def ulid(self) -> str:
        return self.pick("01") + "".join(self.rng.choice(CROCKFORD) for _ in range(25))

    def k8s_suffix(self, n: int = 5) -> str:
        return "".join(self.rng.choice(K8S_CHARS) for _ in range(n))

    def version(self) -> str:
        return f"{self.num(1, 9)}.{self.num(0, 30)}.{self.num(0, 19)}"

    def internal_ip(self) -> str:
        r = self.rng.random()
        if r < 0.55:
            return f"10.{self.num(0, 255)}.{self.num(0, 255)}.{self.num(1, 254)}"
        if r < 0.9:
            return f"172.{self.num(16, 31)}.{self.num(0, 255)}.{self.num(1, 254)}"
        return "127.0.0.1"

    def ms(self) -> str:
        return f"{self.num(3, 29999)} ms"

    def amount(self) -> str:
        return f"${self.num(5, 2400)}.{self.num(0, 99):02d}"

    # -- time ----------------------------------------------------------------------------
    def moment(self) -> datetime:
        start = datetime(2025, 1, 1)
        return start + timedelta(seconds=self.num(0, 2 * 365 * 86400), microseconds=0) + \
            timedelta(milliseconds=self.num(0, 999))

    def ts(self, style: str, t: datetime | None = None) -> str:
        t = t or self.moment()
        ms = t.microsecond // 1000
        mon = MONTHS[t.month - 1][:3]
        off = self.pick(["-0500", "-0600", "-0400", "+0000", "-0700", "-0800"])
        styles = {
            "iso_z": t.strftime("%Y-%m-%dT%H:%M:%S") + f".{ms:03d}Z",
            "iso_off": t.strftime("%Y-%m-%dT%H:%M:%S") + f"{off[:3]}:{off[3:]}",
            "log": t.strftime("%Y-%m-%d %H:%M:%S") + f",{ms:03d}",
            "plain": t.strftime("%Y-%m-%d %H:%M:%S"),
            "nginx": f"{t.day:02d}/{mon}/{t.year}:" + t.strftime("%H:%M:%S") + " +0000",
            "syslog": f"{mon} {t.day:>2} " + t.strftime("%H:%M:%S"),
            "rfc2822": f"{WEEKDAYS[t.weekday()][:3]}, {t.day} {mon} {t.year} "
                       + t.strftime("%H:%M:%S") + f" {off}",
            "hl7": t.strftime("%Y%m%d%H%M%S"),
            "rails": t.strftime("%Y-%m-%d %H:%M:%S") + f" {off}",
            "go": t.strftime("%Y/%m/%d %H:%M:%S"),
            "epoch": str(int((t - datetime(1970, 1, 1)).total_seconds())),
        }
        return styles[style]

    def dob(self, lo: int = 1926, hi: int = 2012) -> date:
        span = (date(hi, 12, 31) - date(lo, 1, 1)).days
        return date(lo, 1, 1) + timedelta(days=self.num(0, span))

    def old_dob(self) -> date:
        return self.dob(1921, 1934)

    def old_dob_age(self) -> tuple[date, str]:
        """A birth date with the matching age over 89 (as of mid-2025)."""
        d = self.old_dob()
        return d, str(2025 - d.year - (1 if (d.month, d.day) > (6, 30) else 0))

    def visit(self) -> date:
        return date(2023, 6, 1) + timedelta(days=self.num(0, 1300))

    def fmt(self, d: date, style: str | Sequence[str]) -> str:
        return fmt_date(d, style if isinstance(style, str) else self.pick(style))

    # -- people ----------------------------------------------------------------------------
    def person(self) -> Person:
        g = self.pick(GIVEN)
        middle = self.pick(GIVEN)
        while middle == g:
            middle = self.pick(GIVEN)
        return Person(g, self.pick(SURNAMES), self.pick(INITIALS), middle)

    def viet(self) -> Person:
        return Person(self.pick(VIET_GIVEN), self.pick(VIET_SURNAMES), "",
                      self.pick(VIET_MIDDLE), eastern=True)

    def relative(self, p: Person) -> Person:
        q = self.person()
        q.surname = p.surname
        while q.given == p.given:
            q.given = self.pick(GIVEN)
        return q

    def email(self, p: Person, domain: str | None = None) -> str:
        g, s = slug(p.given), slug(p.surname)
        yy = f"{self.num(50, 99) if self.chance(0.5) else self.num(0, 12):02d}"
        local = self.pick([f"{g}.{s}", f"{g[0]}{s}", f"{s}.{g}", f"{g}{s}{self.num(1, 99)}",
                           f"{g}_{s}", f"{g[0]}.{s}{yy}", f"{g}.{s}+mhc", f"{s}{g[0]}",
                           f"{g}{yy}"])
        e = f"{local}@{domain or self.pick(EMAIL_DOMAINS)}"
        if self.chance(0.07):
            e = e[0].upper() + e[1:]
        return e

    def username(self, p: Person) -> str:
        g, s = slug(p.given), slug(p.surname)
        return self.pick([f"{g}.{s}{self.num(1, 99)}", f"{g[0]}{s}{self.num(50, 99)}",
                          f"{s}_{g[0]}{self.num(10, 99)}", f"{g}{self.num(100, 999)}",
                          f"{g[:3]}{s[:4]}{self.num(1, 9)}", f"{g}_{s[0]}{self.num(80, 99)}"])

    # -- places ----------------------------------------------------------------------------
    def street(self, boxes: bool = True) -> str:
        r = self.rng.random()
        if not boxes:
            r = 0.1 + 0.9 * r
        if r < 0.05:
            return f"PO Box {self.num(10, 99999)}"
        if r < 0.08:
            return f"RR {self.num(1, 9)} Box {self.num(10, 999)}"
        if r < 0.10:
            return (f"{self.pick('NW')}{self.num(100, 399)}{self.pick('NS')}"
                    f"{self.num(1000, 9999)} {self.pick(STREETS)} {self.pick(['Rd', 'Ln', 'Dr'])}")
        if r < 0.18:
            name = self.pick(STREETS_FULL)
        else:
            name = f"{self.pick(DIRECTIONS)}{self.pick(STREETS)} {self.pick(SUFFIXES)}"
        n = self.pick([self.num(1, 99), self.num(100, 999), self.num(1000, 9999),
                       self.num(10000, 29999)])
        num = str(n)
        if self.chance(0.05):
            num += self.pick(["-B", " 1/2", "A"])
        return f"{num} {name}"

    def unit(self) -> str:
        return self.pick([f"Apt {self.num(1, 40)}{self.pick(['', 'A', 'B', 'C', 'F'])}",
                          f"Unit {self.num(1, 999)}", f"#{self.num(100, 2999)}",
                          f"Ste {self.num(100, 900)}", f"Apt. {self.num(1, 30)}",
                          f"Lot {self.num(1, 90)}", f"Fl {self.num(2, 9)}",
                          f"Bldg {self.pick('ABCDEFG')}"])

    def address(self) -> str:
        s = self.street()
        if not s.startswith(("PO", "RR")) and self.chance(0.3):
            s += " " + self.unit()
        return s

    def city(self) -> tuple[str, str, str]:
        c, st, z3 = self.pick(CITIES)
        return c, st, z3

    def zip5(self, z3: str) -> str:
        return f"{z3}{self.num(1, 99):02d}"

    def zip(self, z3: str, plus4: float = 0.3) -> str:
        z = self.zip5(z3)
        if self.chance(plus4):
            z += f"-{self.num(1, 9999):04d}"
        return z

    # -- numbers people carry ----------------------------------------------------------------
    def phone_parts(self) -> tuple[str, str, str]:
        area = self.pick(AREA_CODES)
        ex = f"{self.num(2, 9)}{self.digits(2)}"
        while ex[1:] == "11" or ex == "555":
            ex = f"{self.num(2, 9)}{self.digits(2)}"
        return area, ex, self.digits(4)

    def phone(self, style: str | None = None) -> str:
        a, e, n = self.phone_parts()
        style = style or self.pick(["paren", "dash", "dash", "dot", "plus_sp", "e164",
                                    "one_dash", "space", "bare", "paren_nosp", "plus_paren",
                                    "plus_dash"])
        return {
            "paren": f"({a}) {e}-{n}", "dash": f"{a}-{e}-{n}", "dot": f"{a}.{e}.{n}",
            "plus_sp": f"+1 {a} {e} {n}", "e164": f"+1{a}{e}{n}", "one_dash": f"1-{a}-{e}-{n}",
            "space": f"{a} {e} {n}", "bare": f"{a}{e}{n}", "paren_nosp": f"({a}){e}-{n}",
            "plus_paren": f"+1 ({a}) {e}-{n}", "plus_dash": f"+1-{a}-{e}-{n}",
            "msisdn": f"1{a}{e}{n}",
        }[style]

    def ssn(self, style: str | None = None) -> str:
        area = self.num(1, 899)
        while area == 666:
            area = self.num(1, 899)
        a, g, s = f"{area:03d}", f"{self.num(1, 99):02d}", f"{self.num(1, 9999):04d}"
        style = style or self.pick(["dash", "dash", "bare", "space"])
        return {"dash": f"{a}-{g}-{s}", "bare": f"{a}{g}{s}", "space": f"{a} {g} {s}"}[style]

    def mrn(self) -> str:
        return self.pick([f"E{self.digits(7)}", f"MH{self.digits(7)}", f"00{self.digits(6)}",
                          f"A{self.digits(7)}", f"{self.num(1, 9)}{self.digits(6)}",
                          f"PT-{self.digits(6)}", f"MRN{self.digits(6)}",
                          f"{self.letters(2)}{self.digits(6)}"])

    def mbi(self, dashed: bool | None = None) -> str:
        alpha = "ACDEFGHJKMNPQRTUVWXY"
        an = alpha + "0123456789"
        c = [str(self.num(1, 9)), self.pick(alpha), self.pick(an), str(self.num(0, 9)),
             self.pick(alpha), self.pick(an), str(self.num(0, 9)), self.pick(alpha),
             self.pick(alpha), str(self.num(0, 9)), str(self.num(0, 9))]
        s = "".join(c)
        if dashed if dashed is not None else self.chance(0.5):
            return f"{s[:4]}-{s[4:7]}-{s[7:]}"
        return s

    def member_id(self) -> str:
        return self.pick([f"{self.letters(3)}{self.digits(9)}", f"W{self.digits(9)}",
                          f"U{self.digits(10)}", f"H{self.digits(8)}",
                          f"{self.digits(9)}-0{self.num(1, 4)}",
                          f"{self.letters(2)}{self.digits(8)}",
                          f"{self.letters(3)}{self.digits(6)}{self.letters(1)}{self.digits(2)}",
                          self.mbi()])

    def group_no(self) -> str:
        return self.pick([f"GRP-{self.digits(6)}", f"{self.digits(5)}-{self.digits(4)}",
                          f"{self.num(1, 9)}{self.digits(6)}", f"G{self.digits(8)}",
                          f"{self.letters(2)}{self.digits(5)}"])

    def account(self) -> str:
        return self.pick([f"PA-{self.digits(8)}", f"{self.num(1, 9)}{self.digits(9)}",
                          f"ACCT-{self.digits(4)}-{self.digits(5)}", f"G{self.digits(7)}",
                          f"{self.num(1, 9)}{self.digits(11)}", f"AR{self.digits(8)}"])

    def card(self) -> str:
        kind = self.rng.random()
        if kind < 0.5:
            body = "4" + self.digits(14)
        elif kind < 0.85:
            body = "5" + str(self.num(1, 5)) + self.digits(13)
        else:
            body = "3" + self.pick("47") + self.digits(12)
            full = body + luhn_digit(body)
            return f"{full[:4]} {full[4:10]} {full[10:]}"
        full = body + luhn_digit(body)
        sep = self.pick([" ", "-", ""])
        return sep.join(full[i:i + 4] for i in range(0, 16, 4))

    def npi(self) -> str:
        body = self.pick("12") + self.digits(8)
        return body + luhn_digit("80840" + body)

    def dea(self, surname: str) -> str:
        letters = [c for c in fold(surname.split()[-1] if surname.split()[0].islower()
                                   else surname) if c.isalpha()]
        second = letters[0].upper()
        d = [self.num(0, 9) for _ in range(6)]
        check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
        return self.pick("ABFGM") + second + "".join(map(str, d)) + str(check)

    def state_license(self) -> str:
        return self.pick([f"PSY {self.num(10000, 32999)}", f"LCSW {self.digits(5)}",
                          f"LMHC{self.digits(6)}", f"A{self.digits(6)}", f"0101-{self.digits(6)}",
                          f"RN{self.digits(7)}", f"LPC-{self.digits(5)}", f"MD{self.digits(7)}",
                          f"LMFT {self.num(40000, 129999)}"])

    def drivers_license(self) -> tuple[str, str]:
        st = self.pick(["IL", "CA", "FL", "TX", "WA", "NY", "MI"])
        v = {
            "IL": f"{self.letters(1)}{self.digits(3)}-{self.digits(4)}-{self.digits(4)}",
            "CA": f"{self.letters(1)}{self.digits(7)}",
            "FL": f"{self.letters(1)}{self.digits(3)}-{self.digits(3)}-{self.digits(2)}-"
                  f"{self.digits(3)}-{self.digits(1)}",
            "TX": f"{self.num(1, 4)}{self.digits(7)}",
            "WA": f"WDL{self.letters(3)}{self.digits(3)}{self.letters(1)}{self.digits(2)}",
            "NY": f"{self.digits(3)} {self.digits(3)} {self.digits(3)}",
            "MI": f"{self.letters(1)} {self.digits(3)} {self.digits(3)} {self.digits(3)} "
                  f"{self.digits(3)}",
        }[st]
        return v, st

    def vin(self) -> str:
        body = self.pick(VIN_WMI) + "".join(self.pick(VIN_CHARS) for _ in range(5))
        body += self.pick(VIN_YEAR) + self.pick(VIN_CHARS) + self.digits(6)
        return vin_check(body)

    def plate(self) -> str:
        return self.pick([f"{self.num(1, 9)}{self.letters(3)}{self.digits(3)}",
                          f"{self.letters(3)}-{self.digits(4)}",
                          f"{self.letters(3)} {self.digits(4)}",
                          f"{self.letters(3)}{self.digits(4)}",
                          f"{self.digits(3)}-{self.letters(3)}",
                          f"{self.letters(2)}{self.digits(1)} {self.letters(1)}{self.digits(2)}"])

    def imei(self, formatted: bool | None = None) -> str:
        body = self.pick(IMEI_TACS) + self.digits(6)
        full = body + luhn_digit(body)
        if formatted if formatted is not None else self.chance(0.4):
            return f"{full[:2]}-{full[2:8]}-{full[8:14]}-{full[14]}"
        return full

    def mac(self) -> str:
        first = self.num(0, 127) * 2
        return ":".join([f"{first:02X}"] + [f"{self.num(0, 255):02X}" for _ in range(5)])

    def device_serial(self) -> str:
        an = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
        return self.pick([f"SN{self.letters(2)}{self.digits(8)}", f"NG{self.digits(7)}H",
                          f"PJN{self.digits(6)}{self.letters(1)}",
                          "8" + "".join(self.pick(an) for _ in range(5)),
                          "".join(self.pick(an) for _ in range(12)),
                          f"{self.digits(4)}-{self.letters(2)}{self.digits(4)}",
                          f"G7{self.letters(2)}{self.digits(6)}"])

    def rx_number(self) -> str:
        return self.pick([self.digits(7), f"{self.digits(7)}-{self.num(0, 9):02d}",
                          f"RX{self.digits(8)}", f"{self.num(1, 9)}{self.digits(6)}"])

    def case_no(self) -> str:
        y = self.num(2019, 2025)
        return self.pick([f"FC-{y}-{self.digits(6)}", f"{y % 100}-JV-{self.digits(5)}",
                          f"PR{y}{self.digits(5)}",
                          f"{self.num(1, 9)}:{y % 100}-cv-{self.digits(5)}",
                          f"{y}CP{self.digits(6)}"])

    def passport(self) -> str:
        return self.pick([self.digits(9), f"{self.letters(1)}{self.digits(8)}"])

    def age(self) -> str:
        return str(self.pick([90, 90, 91, 91, 92, 93, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102,
                              104]))

    def pub_ip4(self) -> str:
        return (f"{self.pick(PUBLIC_V4_FIRST)}.{self.num(0, 255)}.{self.num(0, 255)}."
                f"{self.num(1, 254)}")

    def pub_ip6(self) -> str:
        pre = self.pick(PUBLIC_V6_PREFIX)
        n = 8 - pre.count(":") - 1
        groups = [f"{self.num(0, 0xffff):x}" for _ in range(n)]
        if self.chance(0.4):
            return f"{pre}:{':'.join(groups[:2])}::{groups[-1]}"
        return f"{pre}:{':'.join(groups)}"


# ---------------------------------------------------------------------------------------------
# Templates.  Each draws its values, labels them on the Rec, and returns the record's text.
# ---------------------------------------------------------------------------------------------

Template = Callable[[Gen, Rec], str]
PHI_TEMPLATES: list[tuple[str, Template]] = []
CLEAN_TEMPLATES: list[tuple[str, Template]] = []


def template(name: str, clean: bool = False) -> Callable[[Template], Template]:
    def register(fn: Template) -> Template:
        (CLEAN_TEMPLATES if clean else PHI_TEMPLATES).append((name, fn))
        return fn
    return register


def jframes(g: Gen, r: Rec, frames: Sequence[tuple[str, str]], ext: str = "java") -> str:
    """JVM stack frames; file line numbers are keep tokens."""
    out = []
    for meth, fname in frames:
        line = r.k("line", str(g.num(20, 980)))
        out.append(f"\tat {meth}({fname}.{ext}:{line})")
    return "\n".join(out)


# -- JVM -------------------------------------------------------------------------------------

@template("java_mpi_ambiguous")
def _java_mpi(g: Gen, r: Rec) -> str:
    p = g.person()
    exc = r.k("exception", "java.lang.IllegalStateException")
    fam, giv = r.p("NAME", p.surname), r.p("NAME", p.given)
    dob = r.p("DATE", g.fmt(g.dob(), ["iso", "us0", "long", "dash_us"]))
    thr = r.k("score", f"0.{g.num(80, 97)}")
    more = r.k("count", f"{g.num(12, 80)} more")
    frames = jframes(g, r, [("org.mhc.mpi.matching.PatientMatcher.resolve", "PatientMatcher"),
                            ("org.mhc.mpi.matching.PatientMatcher.match", "PatientMatcher"),
                            ("org.mhc.intake.api.IntakeController.register", "IntakeController")])
    return (f"{exc}: Ambiguous MPI match for {{family={fam}, given={giv}, birthDate={dob}, "
            f"gender={g.pick(['male', 'female', 'unknown'])}}}: {g.num(2, 4)} candidates above "
            f"threshold {thr}\n{frames}\n\t... {more}")


@template("java_jackson_localdate")
def _java_jackson(g: Gen, r: Rec) -> str:
    exc = r.k("exception", "com.fasterxml.jackson.databind.exc.InvalidFormatException")
    s = r.p("DATE", g.fmt(g.dob(), ["us0", "us", "dmy", "long", "dash_us", "dot", "us2"]))
    field_ = g.pick(["dateOfBirth", "birthDate", "dob", "guarantorDob"])
    col = r.k("count", f"column: {g.num(40, 400)}")
    frames = jframes(g, r, [("com.fasterxml.jackson.databind.DeserializationContext."
                             "handleWeirdStringValue", "DeserializationContext"),
                            ("org.mhc.intake.api.IntakeController.submit", "IntakeController")])
    return (f"{exc}: Cannot deserialize value of type `java.time.LocalDate` from String \"{s}\": "
            f"Failed to deserialize java.time.LocalDate: (java.time.format.DateTimeParseException)"
            f" Text '{s}' could not be parsed at index {g.num(0, 2)}\n at [Source: REDACTED "
            f"(`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, {col}] "
            f"(through reference chain: org.mhc.intake.dto.IntakeRequest[\"patient\"]->"
            f"org.mhc.intake.dto.PatientDto[\"{field_}\"])\n{frames}")


@template("java_spring_duplicate_login")
def _java_spring(g: Gen, r: Rec) -> str:
    p = g.person()
    exc = r.k("exception", "org.springframework.dao.DataIntegrityViolationException")
    login = r.p("EMAIL", g.email(p)) if g.chance(0.5) else r.p("OTHER_ID", g.username(p))
    uid = r.k("internal_id", str(g.num(10000, 999999)))
    stamp = r.k("timestamp", g.ts("log"))
    frames = jframes(g, r, [("org.hibernate.engine.jdbc.spi.SqlExceptionHelper.convert",
                             "SqlExceptionHelper"),
                            ("org.mhc.portal.account.AccountService.enroll", "AccountService")])
    return (f"{stamp} ERROR [portal-api,{g.hexs(16)}] o.m.p.account.AccountService : enrollment "
            f"failed for person_id={uid}\n{exc}: could not execute statement [Duplicate entry "
            f"'{login}' for key 'portal_account.uk_login'] [insert into portal_account "
            f"(created_at,login,person_id) values (?,?,?)]; SQL [n/a]; constraint "
            f"[portal_account.uk_login]\n{frames}")


@template("kotlin_guarantor_mismatch")
def _kotlin(g: Gen, r: Rec) -> str:
    p = g.person()
    kid = g.relative(p)
    acct = r.p("ACCOUNT", g.account())
    guar = r.p("NAME", p.upper_full if g.chance(0.5) else p.last_first.upper())
    dep = r.p("NAME", kid.full)
    stmt = r.k("internal_id", str(g.num(1000, 99999)))
    exc = r.k("exception", "com.mhc.billing.GuarantorMismatchException")
    cid = g.num(2, 40)
    h = r.k("hash", g.hexs(8))
    frames = jframes(g, r, [("com.mhc.billing.statements.StatementBuilder.build",
                             "StatementBuilder"),
                            ("com.mhc.billing.statements.StatementJob$run$1.invokeSuspend",
                             "StatementJob")], ext="kt")
    return (f"Exception in thread \"DefaultDispatcher-worker-{g.num(1, 8)}\" {exc}: guarantor "
            f"account {acct} is registered to {guar} but statement {stmt} was addressed to "
            f"dependent {dep}\n{frames}\n\tSuppressed: kotlinx.coroutines.internal."
            f"DiagnosticCoroutineContextException: [CoroutineId({cid}), \"coroutine#{cid}\":"
            f"StandaloneCoroutine{{Cancelling}}@{h}, Dispatchers.Default]")


# -- Go / .NET ---------------------------------------------------------------------------------

@template("go_panic_nemt")
def _go_panic(g: Gen, r: Rec) -> str:
    p = g.person()
    city, st, z3 = g.city()
    stamp = r.k("timestamp", g.ts("go"))
    rider = r.p("NAME", p.full)
    addr = r.p("ADDRESS", g.address())
    c = r.p("CITY", city)
    z = r.p("ZIP", g.zip(z3))
    vin = r.p("VEHICLE", g.vin())
    plate = r.p("VEHICLE", g.plate())
    line = r.k("line", str(g.num(40, 400)))
    pc = r.k("hash", f"0x{g.hexs(6)}")
    return (f"{stamp} booker: assign ride rider=\"{rider}\" pickup=\"{addr}, {c}, {st} {z}\" "
            f"vehicle={{VIN:{vin} Plate:{plate}}}\npanic: runtime error: invalid memory address "
            f"or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 "
            f"addr=0x18 pc={pc}]\n\ngoroutine {g.num(1, 300)} [running]:\n"
            f"github.com/mhc/nemt/internal/booker.(*Booker).assign(0xc000{g.hexs(6)}, "
            f"{{0xc000{g.hexs(6)}, 0x11}})\n\t/src/internal/booker/assign.go:{line} +0x1d4\n"
            f"main.main()\n\t/src/cmd/booker/main.go:{g.num(20, 90)} +0x2a5\nexit status 2")


@template("go_structured_log")
def _go_zap(g: Gen, r: Rec) -> str:
    p = g.person()
    stamp = r.k("timestamp", g.ts("iso_z"))
    caller = r.k("path", f"eligibility/client.go:{g.num(30, 300)}")
    mid = r.p("HEALTH_PLAN", g.member_id())
    name = r.p("NAME", p.full)
    dob = r.p("DATE", g.fmt(g.dob(), ["iso", "hl7", "us0"]))
    ip = r.p("IP", g.pub_ip4())
    dur = r.k("duration", f"{g.num(1, 30)}.{g.num(100, 999)}s")
    payer = r.k("payer", g.pick(PAYERS))
    return (f'{{"level":"error","ts":"{stamp}","caller":"{caller}","msg":"eligibility request '
            f'failed","payer":"{payer}","memberID":"{mid}","subscriber":"{name}",'
            f'"subscriberDOB":"{dob}","clientIP":"{ip}","elapsed":"{dur}",'
            f'"error":"context deadline exceeded"}}')


@template("dotnet_demographics_merge")
def _dotnet(g: Gen, r: Rec) -> str:
    p = g.person()
    exc = r.k("exception", "System.InvalidOperationException")
    fn, ln = r.p("NAME", p.given), r.p("NAME", p.surname)
    ssn = r.p("SSN", g.ssn())
    dob = r.p("DATE", g.fmt(g.dob(), "us"))
    ph = r.p("PHONE", g.phone())
    l1 = r.k("line", f"line {g.num(20, 400)}")
    trace = r.k("trace_id", f"00-{g.hexs(32)}-{g.hexs(16)}-01")
    return (f"{exc}: Sequence contains more than one matching element\n"
            f"   at System.Linq.ThrowHelper.ThrowMoreThanOneMatchException()\n"
            f"   at Mhc.Intake.Services.DemographicsService.Merge(PatientDto incoming) in "
            f"D:\\a\\1\\s\\src\\Mhc.Intake\\Services\\DemographicsService.cs:{l1}\n"
            f"incoming = PatientDto {{ FirstName = {fn}, LastName = {ln}, Ssn = {ssn}, "
            f"BirthDate = {dob} 12:00:00 AM, MobilePhone = {ph}, Email = null }}\n"
            f"TraceId: {trace}")


@template("dotnet_validation_problem")
def _dotnet_problem(g: Gen, r: Rec) -> str:
    p = g.person()
    city, st, z3 = g.city()
    status = r.k("status", "400")
    trace = r.k("trace_id", f"00-{g.hexs(32)}-{g.hexs(16)}-00")
    email = r.p("EMAIL", g.email(p))
    zipc = r.p("ZIP", g.zip(z3, 0.6))
    c = r.p("CITY", city)
    a = r.p("ADDRESS", g.address())
    nm = r.p("NAME", p.full)
    return (f"Microsoft.AspNetCore.Mvc.ValidationProblemDetails: {{\"type\":\"https://tools.ietf"
            f".org/html/rfc9110#section-15.5.1\",\"title\":\"One or more validation errors "
            f"occurred.\",\"status\":{status},\"errors\":{{\"Mailing.PostalCode\":[\"'{zipc}' "
            f"does not match county for '{c}'.\"]}},\"traceId\":\"{trace}\"}}\nrequest: "
            f"{{ FullName = {nm}, Mailing = {{ Line1 = {a}, City = {c}, State = {st}, "
            f"PostalCode = {zipc} }}, Email = {email} }}")


# -- Ruby / PHP --------------------------------------------------------------------------------

@template("rails_request_log")
def _rails(g: Gen, r: Rec) -> str:
    p = g.person()
    pid = str(g.num(1000, 99999))
    path = r.k("path", f"/patients/{pid}/contact_info")
    ip = r.p("IP", g.pub_ip4())
    stamp = r.k("timestamp", g.ts("rails"))
    email = r.p("EMAIL", g.email(p))
    ph = r.p("PHONE", g.phone())
    pref = r.p("NAME", p.given)
    dur = r.k("duration", f"{g.num(5, 900)}ms")
    ctrl = r.k("module", "PatientsController#update")
    return (f"Started PATCH \"{path}\" for {ip} at {stamp}\nProcessing by {ctrl} as JSON\n"
            f"  Parameters: {{\"contact_info\"=>{{\"email\"=>\"{email}\", \"cell_phone\"=>\"{ph}\","
            f" \"preferred_name\"=>\"{pref}\"}}, \"id\"=>\"{pid}\"}}\nCompleted 422 Unprocessable "
            f"Entity in {dur} (Views: 0.4ms | ActiveRecord: {g.num(1, 9)}.{g.num(1, 9)}ms | "
            f"Allocations: {g.num(900, 9000)})\n\nActiveModel::ValidationError (Validation "
            f"failed: Cell phone has already been taken)")


@template("ruby_record_inspect")
def _ruby(g: Gen, r: Rec) -> str:
    p = g.person()
    ec = g.person()
    exc = r.k("exception", "ActiveRecord::RecordInvalid")
    rid = r.k("internal_id", str(g.num(100, 99999)))
    mrn = r.p("MRN", g.mrn())
    fn, ln = r.p("NAME", p.given), r.p("NAME", p.surname)
    dob = r.p("DATE", g.fmt(g.dob(), "iso"))
    ecn = r.p("NAME", ec.full)
    ecp = r.p("PHONE", g.phone())
    line = r.k("line", str(g.num(20, 400)))
    stamp = r.k("timestamp", g.ts("plain") + f".{g.digits(9)} +0000")
    return (f"{exc}: Validation failed: Emergency contact relationship can't be blank\n"
            f"/app/app/models/patient.rb:{line}:in `block in <class:Patient>'\n"
            f"#<Patient id: {rid}, mrn: \"{mrn}\", first_name: \"{fn}\", last_name: \"{ln}\", "
            f"date_of_birth: \"{dob}\", emergency_contact_name: \"{ecn}\", "
            f"emergency_contact_phone: \"{ecp}\", emergency_contact_relationship: nil, "
            f"created_at: \"{stamp}\">")


@template("laravel_duplicate_entry")
def _laravel(g: Gen, r: Rec) -> str:
    p = g.person()
    stamp = g.ts("plain")
    r.k("timestamp", stamp)
    nm = r.p("NAME", p.full)
    email = r.p("EMAIL", g.email(p))
    ph = r.p("PHONE", g.phone())
    dob = r.p("DATE", g.fmt(g.dob(), "iso"))
    exc = r.k("exception", "Illuminate\\\\Database\\\\UniqueConstraintViolationException")
    line = r.k("line", str(g.num(500, 900)))
    return (f"[{stamp}] production.ERROR: SQLSTATE[23000]: Integrity constraint violation: 1062 "
            f"Duplicate entry '{email}' for key 'users.users_email_unique' (Connection: mysql, "
            f"SQL: insert into `users` (`name`, `email`, `phone`, `date_of_birth`, `updated_at`, "
            f"`created_at`) values ({nm}, {email}, {ph}, {dob}, {stamp}, {stamp})) "
            f"{{\"exception\":\"[object] ({exc}(code: 23000): SQLSTATE[23000] at /var/www/html/"
            f"vendor/laravel/framework/src/Illuminate/Database/Connection.php:{line})\"}}")


@template("php_fatal_invoice")
def _php(g: Gen, r: Rec) -> str:
    p = g.person()
    acct = r.p("ACCOUNT", g.account())
    nm = r.p("NAME", f"{p.surname}, {p.given}")
    dos = r.p("DATE", g.fmt(g.visit(), ["us0", "iso", "dot"]))
    l1 = r.k("line", str(g.num(20, 99)))
    l2 = str(g.num(100, 300))
    r.k("line", l2)
    exc = r.k("exception", "TypeError")
    return (f"PHP Fatal error:  Uncaught {exc}: Mhc\\Billing\\Invoice::__construct(): Argument #3 "
            f"($serviceDate) must be of type DateTimeInterface, string given, called in "
            f"/var/www/billing/src/Jobs/SendInvoice.php on line {l1} and defined in "
            f"/var/www/billing/src/Invoice.php:31\nStack trace:\n#0 /var/www/billing/src/Jobs/"
            f"SendInvoice.php({l1}): Mhc\\Billing\\Invoice->__construct('{acct}', '{nm}', '{dos}')"
            f"\n#1 /var/www/billing/src/Worker.php({l2}): Mhc\\Billing\\Jobs\\SendInvoice->"
            f"handle(Array)\n#2 {{main}}\n  thrown in /var/www/billing/src/Invoice.php on line 31")


# -- infrastructure ------------------------------------------------------------------------------

@template("k8s_describe_job_args")
def _k8s_args(g: Gen, r: Rec) -> str:
    p = g.person()
    pod = r.k("service", f"reexport-chart-{g.k8s_suffix()}")
    node_ip = f"10.{g.num(0, 255)}.{g.num(0, 255)}.{g.num(1, 254)}"
    r.k("internal_ip", node_ip)
    ver = r.k("version", g.version())
    mrn = r.p("MRN", g.mrn())
    nm = r.p("NAME", p.last_first)
    dob = r.p("DATE", g.fmt(g.dob(), ["us0", "iso", "us"]))
    dest = r.p("EMAIL", g.email(p))
    uid = r.k("uuid", g.uuid())
    return (f"$ kubectl describe pod {pod} -n records\nName:         {pod}\nNamespace:    records\n"
            f"Node:         worker-{g.num(1, 9)}/{node_ip}\nContainers:\n  reexport:\n"
            f"    Image:      registry.mhc.internal/records/reexport:{ver}\n    Args:\n"
            f"      --mrn={mrn}\n      --patient-name={nm}\n      --dob={dob}\n"
            f"      --deliver-to={dest}\n    State:      Terminated\n      Reason:   Error\n"
            f"      Exit Code: 3\nEvents:\n  Type     Reason   Age   From     Message\n"
            f"  Warning  BackOff  {g.num(1, 9)}m    kubelet  Back-off restarting failed container "
            f"reexport in pod {pod}_records({uid})")


@template("nginx_search_query")
def _nginx(g: Gen, r: Rec) -> str:
    p = g.person()
    ip = r.p("IP", g.pub_ip4())
    stamp = r.k("timestamp", g.ts("nginx"))
    ln = r.p("NAME", slug(p.surname, "-") if g.chance(0.3) else p.surname.replace(" ", "+"))
    dob = r.p("DATE", g.fmt(g.dob(), ["iso", "us0", "hl7"]).replace("/", "%2F"))
    _, _, z3 = g.city()
    z = r.p("ZIP", g.zip5(z3))
    url = r.p("URL", f"/api/v1/patients/search?last_name={ln}&dob={dob}&zip={z}")
    status = r.k("status", g.pick(["500", "502", "499"]))
    up = g.internal_ip()
    r.k("internal_ip", up)
    port = r.k("port", "8080")
    rt = r.k("duration", f"rt={g.num(0, 9)}.{g.digits(3)}")
    rid = r.k("request_id", g.hexs(32))
    return (f"{ip} - - [{stamp}] \"GET {url} HTTP/2.0\" {status} {g.num(100, 900)} "
            f"\"https://portal.mhc.org/front-desk\" \"Mozilla/5.0 (Windows NT 10.0; Win64; x64) "
            f"AppleWebKit/537.36\" {rt} upstream={up}:{port} req_id={rid}")


@template("envoy_member_claims")
def _envoy(g: Gen, r: Rec) -> str:
    p = g.person()
    stamp = r.k("timestamp", g.ts("iso_z"))
    mid = r.p("HEALTH_PLAN", g.member_id())
    em = r.p("EMAIL", g.email(p).replace("@", "%40"))
    url = r.p("URL", f"/portal/v2/members/{mid}/claims?notify={em}")
    ip = r.p("IP", g.pub_ip6() if g.chance(0.6) else g.pub_ip4())
    status = r.k("status", "503")
    rid = r.k("uuid", g.uuid())
    up = g.internal_ip()
    r.k("internal_ip", up)
    dur = r.k("duration", str(g.num(10000, 30001)))
    return (f"[{stamp}] \"POST {url} HTTP/1.1\" {status} UF 0 91 {dur} - \"{ip}\" "
            f"\"okhttp/4.12.0\" \"{rid}\" \"claims.mhc.svc.cluster.local:8443\" \"{up}:8443\"")


@template("graphql_null_field")
def _graphql(g: Gen, r: Rec) -> str:
    p = g.person()
    mrn = r.p("MRN", g.mrn())
    ln = r.p("NAME", p.surname)
    disp = r.p("NAME", p.last_first)
    dob = r.p("DATE", g.fmt(g.dob(), ["us0", "iso", "long"]))
    ph = r.p("PHONE", g.phone())
    code = r.k("error_code", "INTERNAL_SERVER_ERROR")
    line = g.num(2, 9)
    return (f'{{"errors":[{{"message":"Cannot return null for non-nullable field '
            f'Patient.primaryInsurance.","locations":[{{"line":{line},"column":7}}],"path":'
            f'["patient","primaryInsurance"],"extensions":{{"code":"{code}","variables":'
            f'{{"mrn":"{mrn}","lastName":"{ln}"}}}}}}],"data":{{"patient":{{"displayName":'
            f'"{disp}","birthDate":"{dob}","homePhone":"{ph}","primaryInsurance":null}}}}}}')


# -- job runners ---------------------------------------------------------------------------------

@template("celery_sms_payload")
def _celery(g: Gen, r: Rec) -> str:
    p = g.viet() if g.chance(0.4) else g.person()
    doc = g.person()
    stamp = r.k("timestamp", g.ts("log"))
    tid = r.k("uuid", g.uuid())
    ph = r.p("PHONE", g.phone())
    first = r.p("NAME", p.given)
    full = r.p("NAME", p.full)
    d = g.visit()
    appt = r.p("DATE", f"{d.year}, {d.month}, {d.day}")
    clin = r.p("NAME", f"Dr. {doc.surname}")
    line = r.k("line", f"line {g.num(30, 200)}")
    exc = r.k("exception", "mhc.reminders.gateway.SmsGatewayError")
    return (f"[{stamp}: ERROR/ForkPoolWorker-{g.num(1, 8)}] Task mhc.reminders.tasks.send_sms"
            f"[{tid}] raised unexpected: SmsGatewayError('21610: Attempt to send to unsubscribed "
            f"recipient')\nTraceback (most recent call last):\n  File \"/app/mhc/reminders/"
            f"tasks.py\", {line}, in send_sms\n    client.send(to=payload['to'], "
            f"body=render(payload))\n{exc}: 21610: Attempt to send to unsubscribed recipient\n"
            f"payload = {{'to': {ph!r}, 'first_name': {first!r}, 'full_name': {full!r}, "
            f"'appt_date': datetime.date({appt}), 'clinician': {clin!r}}}")


@template("sidekiq_statement_job")
def _sidekiq(g: Gen, r: Rec) -> str:
    p = g.person()
    city, st, z3 = g.city()
    guar = r.p("NAME", p.last_first)
    acct = r.p("ACCOUNT", g.account())
    a = r.p("ADDRESS", g.address())
    c = r.p("CITY", city)
    z = r.p("ZIP", g.zip(z3))
    em = r.p("EMAIL", g.email(p))
    jid = r.k("request_id", g.hexs(24))
    exc = r.k("exception", "Net::SMTPFatalError")
    amt = r.k("amount", g.amount())
    return (f"WARN: {{\"class\":\"StatementMailerJob\",\"args\":[{{\"guarantor\":\"{guar}\","
            f"\"account\":\"{acct}\",\"balance\":\"{amt}\",\"mail_to\":\"{a}, {c}, {st} {z}\"}}],"
            f"\"retry\":true,\"queue\":\"billing\",\"jid\":\"{jid}\",\"error_class\":\"{exc}\","
            f"\"error_message\":\"550 5.1.1 <{em}>: Recipient address rejected: User unknown\"}}")


@template("cron_mail_export")
def _cron(g: Gen, r: Rec) -> str:
    host = f"billing-cron-{g.num(1, 4):02d}"
    date_hdr = r.k("timestamp", g.ts("rfc2822"))
    rows = []
    for _ in range(g.num(1, 3)):
        p = g.person()
        _, _, z3 = g.city()
        row = r.k("count", f"row {g.num(2, 9000)}")
        acct = r.p("ACCOUNT", g.account())
        nm = r.p("NAME", p.upper_lfm)
        z = r.p("ZIP", g.zip(z3, 0.5))
        rows.append(f"  {row}: account {acct} guarantor={nm} zip={z} "
                    f"reason={g.pick(['address_undeliverable', 'deceased_flag', 'no_balance'])}")
    total = r.k("count", f"{g.num(200, 9000)} statements")
    return (f"From: root@{host} (Cron Daemon)\nTo: billing-ops@mhc.org\nSubject: Cron "
            f"<svc@{host}> /opt/mhc/bin/export_statements.sh\nDate: {date_hdr}\n\n"
            f"export_statements: wrote {total}, skipped {len(rows)}:\n" + "\n".join(rows))


@template("audit_chart_access")
def _audit(g: Gen, r: Rec) -> str:
    p = g.person()
    doc = g.person()
    stamp = r.k("timestamp", g.ts("iso_z"))
    actor = r.p("EMAIL", g.email(doc, g.pick(CLINIC_DOMAINS)))
    mrn = r.p("MRN", g.mrn())
    nm = r.p("NAME", p.last_first)
    ip = r.p("IP", g.pub_ip4())
    rid = r.k("request_id", g.uuid())
    return (f"audit ts={stamp} actor={actor} action=chart.view patient_mrn={mrn} "
            f"patient_name=\"{nm}\" src_ip={ip} request_id={rid} result=denied "
            f"reason=break_glass_required")


@template("csv_export_rows")
def _csv(g: Gen, r: Rec) -> str:
    line = g.num(3, 400)
    rows = []
    for _ in range(g.num(2, 3)):
        p = g.person()
        _, _, z3 = g.city()
        mrn = r.p("MRN", g.mrn())
        ln, fn = r.p("NAME", p.surname), r.p("NAME", p.given)
        dob = r.p("DATE", g.fmt(g.dob(), ["iso", "us0", "us"]))
        ph = r.p("PHONE", g.phone(g.pick(["dot", "dash", "paren"])))
        z = r.p("ZIP", g.zip5(z3))
        payer = r.k("payer", g.pick(PAYERS))
        bal = f"{g.num(0, 900)}.{g.num(0, 99):02d}"
        r.k("amount", bal)
        q = '"' if "," in ln or " " in ln else ""
        rows.append(f"{mrn},{q}{ln}{q},{fn},{dob},{ph},{z},{payer},{bal}")
    exc = r.k("exception", "_csv.Error")
    return (f"{exc}: line {line}: expected 8 fields, saw 9 (export ar_aging_{g.num(2024, 2026)}"
            f".csv)\nmrn,last_name,first_name,dob,phone,zip,payer,balance\n" + "\n".join(rows))


# -- messaging ------------------------------------------------------------------------------------

@template("smtp_dsn_bounce")
def _dsn(g: Gen, r: Rec) -> str:
    p = g.person()
    em = r.p("EMAIL", g.email(p))
    first = r.p("NAME", p.given)
    d = r.p("DATE", g.fmt(g.visit(), [*NOYEAR_STYLES, "long", "us"]))
    t = r.k("time", f"{g.num(8, 11)}:{g.pick(['00', '15', '30', '45'])} {g.pick(['AM', 'a.m.'])}")
    hdr = r.k("timestamp", g.ts("rfc2822"))
    status = r.k("status", "5.1.1")
    qid = r.k("request_id", g.letters(10, "0123456789ABCDEF"))
    return (f"Reporting-MTA: dns; mx-out-2.mhc.org\nArrival-Date: {hdr}\n"
            f"X-Postfix-Queue-ID: {qid}\n\n"
            f"Final-Recipient: rfc822; {em}\nAction: failed\nStatus: {status}\nDiagnostic-Code: "
            f"smtp; 550 {status} <{em}>: Recipient address rejected: User unknown in virtual "
            f"mailbox table\n\n--- original message ---\nSubject: Reminder for {first}: your "
            f"visit on {d} at {t}")


@template("sms_delivery_receipt")
def _sms(g: Gen, r: Rec) -> str:
    p = g.person()
    doc = g.person()
    ph = r.p("PHONE", g.phone(g.pick(["msisdn", "e164", "bare"])))
    first = r.p("NAME", p.given)
    clin = r.p("NAME", f"Dr. {doc.surname}")
    d = r.p("DATE", g.fmt(g.visit(), ["md", "wd_md", "mon_d"]))
    t = r.k("time", f"{g.num(1, 5)}:{g.pick(['00', '15', '30', '45'])}pm")
    ref = r.k("request_id", g.hexs(16))
    code = r.k("error_code", "0x0000000B")
    return (f"DLR msisdn={ph} status=UNDELIVERED err={code} (absent subscriber) msg_ref={ref} "
            f"text=\"Hi {first}, your appt with {clin} is {d} at {t}. Reply Y to confirm, "
            f"N to reschedule.\"")


@template("email_display_names")
def _mail_names(g: Gen, r: Rec) -> str:
    doc, rel, pt = g.person(), g.person(), g.person()
    status = r.k("status", "554")
    org = "care-team@mhc.org"  # the practice's own mailbox: neither PHI nor a listed keep kind
    dn = r.p("NAME", f"Dr. {doc.given} {doc.surname}")
    de = r.p("EMAIL", g.email(doc, g.pick(CLINIC_DOMAINS)))
    rn = r.p("NAME", rel.last_first)
    re_ = r.p("EMAIL", g.email(rel))
    pn = r.p("NAME", pt.full)
    dob = r.p("DATE", g.fmt(g.dob(), DOB_STYLES))
    exc = r.k("exception", "smtplib.SMTPDataError")
    return (f"{exc}: ({status}, b'5.7.1 Message rejected: attachment policy') while sending "
            f"care-coordination summary\nFrom: \"MHC Care Team\" <{org}>\nTo: \"{dn}\" <{de}>\n"
            f"Cc: \"{rn}\" <{re_}>\nSubject: Summary for {pn} (DOB {dob})")


@template("fax_server_failure")
def _fax(g: Gen, r: Rec) -> str:
    doc, pt = g.person(), g.person()
    job = r.k("internal_id", str(g.num(100, 99999)))
    fax = r.p("FAX", g.phone(g.pick(["one_dash", "dash", "paren", "e164"])))
    pages = r.k("count", f"page {g.num(1, 3)} of {g.num(4, 12)}")
    dn = r.p("NAME", f"Dr. {doc.given} {doc.surname}")
    pn = r.p("NAME", pt.last_first.upper())
    dob = r.p("DATE", g.fmt(g.dob(), ["us0", "us", "dash_us"]))
    return (f"HylaFAX job {job} (sendq/q{job}): to {fax} FAILED after 3 tries: \"No carrier "
            f"detected\" ({pages}, 14400 bps)\nCover sheet: TO {dn} / RE {pn} DOB {dob} / "
            f"FROM MHC Intake, fax back to main line")


@template("voicemail_transcript")
def _voicemail(g: Gen, r: Rec) -> str:
    p = g.person()
    kid = g.relative(p)
    full = r.p("NAME", p.full)
    son = r.p("NAME", kid.given)
    bday = r.p("DATE", g.fmt(g.dob(2005, 2018), ["month_dth", "month_d", "long"]))
    ph = r.p("PHONE", g.phone())
    dur = r.k("duration", f"{g.num(10, 90)}s")
    vid = r.k("request_id", f"RE{g.hexs(32)}")
    return (f"TranscriptionWarning: low confidence (0.{g.num(40, 69)}) for recording {vid} "
            f"({dur}): \"hi this is {full} I'm calling about my "
            f"{g.pick(['son', 'daughter', 'grandson', 'kid'])} {son} his birthday is {bday} "
            f"we need to move his appointment please call me back at {ph} thank you\"")


# -- HL7 v2 ---------------------------------------------------------------------------------------

def msh(g: Gen, r: Rec, msgtype: str, ver: str = "2.5.1") -> str:
    stamp = r.k("timestamp", g.ts("hl7"))
    ctl = r.k("hl7_control_id", f"{g.letters(3)}{g.digits(7)}")
    r.k("version", ver)
    return f"MSH|^~\\&|MHC-REG|MHC|EHR|MHC|{stamp}||{msgtype}|{ctl}|P|{ver}"


@template("hl7_nk1_guardian")
def _hl7_nk1(g: Gen, r: Rec) -> str:
    p = g.person()
    k = g.relative(p) if g.chance(0.6) else g.person()
    city, st, z3 = g.city()
    mrn = r.p("MRN", g.mrn())
    ssn = r.p("SSN", g.ssn("bare"))
    ln, fn = r.p("NAME", p.surname.upper()), r.p("NAME", p.given.upper())
    dob = r.p("DATE", g.fmt(g.dob(), "hl7"))
    kln, kfn = r.p("NAME", k.surname.upper()), r.p("NAME", k.given.upper())
    a = r.p("ADDRESS", g.address())
    c = r.p("CITY", city)
    z = r.p("ZIP", g.zip5(z3))
    ph = r.p("PHONE", g.phone(g.pick(["paren_nosp", "paren", "dash"])))
    head = msh(g, r, "ADT^A31^ADT_A05", "2.3")
    return (f"ADT^A31 rejected by ehr-sync: NK1-3 relationship code 'GDN' not in table "
            f"HL70063\n{head}\nPID|1||{mrn}^^^MHC^MR~{ssn}^^^SSA^SS||{ln}^{fn}^{p.mi}||{dob}|"
            f"{g.pick('FMU')}\nNK1|1|{kln}^{kfn}^^^|GDN^Guardian|{a}^^{c}^{st}^{z}|{ph}")


@template("hl7_in1_policy")
def _hl7_in1(g: Gen, r: Rec) -> str:
    p = g.person()
    ins = g.relative(p) if g.chance(0.5) else p
    city, st, z3 = g.city()
    mrn = r.p("MRN", g.mrn())
    ln, fn = r.p("NAME", p.surname.upper()), r.p("NAME", p.given.upper())
    dob = r.p("DATE", g.fmt(g.dob(), "hl7"))
    a = r.p("ADDRESS", g.address())
    c = r.p("CITY", city)
    z = r.p("ZIP", g.zip(z3))
    grp = r.p("HEALTH_PLAN", g.group_no())
    pol = r.p("HEALTH_PLAN", g.member_id())
    payer = r.k("payer", g.pick(PAYERS).upper())
    iln, ifn = r.p("NAME", ins.surname.upper()), r.p("NAME", ins.given.upper())
    idob = dob if ins is p else r.p("DATE", g.fmt(g.dob(1950, 1995), "hl7"))
    rel = "SEL" if ins is p else g.pick(["MTH", "FTH", "SPO"])
    in1 = ["IN1", "1", f"PLAN{g.digits(3)}", g.pick(PAYER_IDS), payer, "", "", "", grp]
    in1 += [""] * 7 + [f"{iln}^{ifn}", rel, idob] + [""] * 17 + [pol]
    head = msh(g, r, "ADT^A08^ADT_A01")
    return (f"InsuranceSyncError: IN1-36 (policy number) failed payer format check for set 1\n"
            f"{head}\nPID|1||{mrn}^^^MHC^MR||{ln}^{fn}||{dob}|{g.pick('FM')}|||{a}^^{c}^{st}^{z}"
            f"\n" + "|".join(in1))


@template("hl7_gt1_guarantor")
def _hl7_gt1(g: Gen, r: Rec) -> str:
    p = g.person()
    city, st, z3 = g.city()
    acct = r.p("ACCOUNT", g.account())
    ln, fn = r.p("NAME", p.surname.upper()), r.p("NAME", p.given.upper())
    a = r.p("ADDRESS", g.address())
    c = r.p("CITY", city)
    z = r.p("ZIP", g.zip(z3))
    hp = r.p("PHONE", g.phone(g.pick(["paren", "dash", "bare"])))
    dob = r.p("DATE", g.fmt(g.dob(1940, 2000), "hl7"))
    ssn = r.p("SSN", g.ssn(g.pick(["bare", "dash"])))
    head = msh(g, r, "DFT^P03")
    gt1 = f"GT1|1|{acct}|{ln}^{fn}^{p.mi}||{a}^^{c}^{st}^{z}|{hp}||{dob}|{g.pick('FM')}|P|XX|{ssn}"
    return (f"GuarantorValidationError: GT1-11 relationship 'XX' unknown (batch "
            f"{r.k('uuid', g.uuid())})\n{head}\n{gt1}")


@template("hl7_oru_lab_mismatch")
def _hl7_oru(g: Gen, r: Rec) -> str:
    p = g.person()
    doc = g.person()
    _city, _st, _z3 = g.city()
    mrn = r.p("MRN", g.mrn())
    ln, fn = r.p("NAME", p.surname.upper()), r.p("NAME", p.given.upper())
    ln2, fn2 = fold(ln), fold(fn)
    for v in (ln2, fn2):
        if v not in (ln, fn):
            r.p("NAME", v)
    dob = r.p("DATE", g.fmt(g.dob(), "hl7"))
    npi = r.p("LICENSE", g.npi())
    dln, dfn = r.p("NAME", doc.surname.upper()), r.p("NAME", doc.given.upper())
    order = r.k("internal_id", f"ORD{g.digits(6)}")
    loinc = r.k("loinc", g.pick(["2345-7", "3016-3", "14979-9", "5902-2", "19295-5"]))
    cpt = r.k("cpt", g.pick(["80305", "80307", "84443", "85025"]))
    head = msh(g, r, "ORU^R01^ORU_R01")
    return (f"LabInterfaceError: specimen rejected, name mismatch (order: {ln}, {fn} / specimen: "
            f"{ln2}, {fn2} {p.mi})\n{head}\nPID|1|{mrn}^^^MHC^MR||{ln}^{fn}||{dob}|"
            f"{g.pick('FMX')}\n"
            f"ORC|RE|{order}||CM\nOBR|1|{order}||{cpt}^Lab panel^CPT||||||||||||"
            f"{npi}^{dln}^{dfn}^^^DR^^^NPI\nOBX|1|NM|{loinc}^Result^LN||{g.num(1, 400)}|mg/dL||N"
            f"|||F")


# -- FHIR -----------------------------------------------------------------------------------------

@template("fhir_patient_pretty")
def _fhir_patient(g: Gen, r: Rec) -> str:
    p = g.person()
    c = g.person()
    mrn = r.p("MRN", g.mrn())
    ssn = r.p("SSN", g.ssn())
    text = r.p("NAME", f"{p.given} {p.middle} {p.surname}")
    fam = r.p("NAME", p.surname)
    giv = r.p("NAME", p.given)
    mid = r.p("NAME", p.middle)
    ph = r.p("PHONE", g.phone())
    em = r.p("EMAIL", g.email(p))
    dob = r.p("DATE", g.fmt(g.dob(), "iso"))
    cf, cg = r.p("NAME", c.surname), r.p("NAME", c.given)
    cph = r.p("PHONE", g.phone())
    rid = r.k("uuid", g.uuid())
    status = r.k("status", "HTTP 400")
    return (f"fhir.resources validation failed for Patient/{rid} ({status} from "
            f"https://fhir.mhc.internal/r4):\n{{\n  \"resourceType\": \"Patient\",\n"
            f"  \"identifier\": [\n    {{ \"use\": \"usual\", \"type\": {{ \"text\": \"Chart\" }}, "
            f"\"value\": \"{mrn}\" }},\n    {{ \"system\": \"http://hl7.org/fhir/sid/us-ssn\", "
            f"\"value\": \"{ssn}\" }}\n  ],\n  \"name\": [ {{ \"use\": \"official\", \"text\": "
            f"\"{text}\", \"family\": \"{fam}\", \"given\": [ \"{giv}\", \"{mid}\" ] }} ],\n"
            f"  \"telecom\": [\n    {{ \"system\": \"phone\", \"value\": \"{ph}\", \"use\": "
            f"\"mobile\" }},\n    {{ \"system\": \"email\", \"value\": \"{em}\" }}\n  ],\n"
            f"  \"gender\": \"{g.pick(['female', 'male', 'other'])}\",\n"
            f"  \"birthDate\": \"{dob}\",\n"
            f"  \"contact\": [ {{ \"relationship\": [ {{ \"coding\": [ {{ \"code\": \"N\" }} ] }} ]"
            f","
            f" \"name\": {{ \"family\": \"{cf}\", \"given\": [ \"{cg}\" ] }}, \"telecom\": [ "
            f"{{ \"system\": \"phone\", \"value\": \"{cph}\" }} ] }} ]\n}}")


@template("fhir_coverage_conflict")
def _fhir_cov(g: Gen, r: Rec) -> str:
    p = g.person()
    sub = g.relative(p)
    sid = r.p("HEALTH_PLAN", g.member_id())
    ben = r.p("NAME", p.last_first)
    subn = r.p("NAME", sub.last_first)
    grp = r.p("HEALTH_PLAN", g.group_no())
    payer = r.k("payer", g.pick(PAYERS))
    pid = r.k("uuid", g.uuid())
    cid = r.k("uuid", g.uuid())
    status = r.k("status", "409")
    v = g.num(2, 9)
    return (f"Coverage sync error {status} (version conflict, meta.versionId {v} != {v - 1}): "
            f"{{\"resourceType\":\"Coverage\",\"id\":\"{cid}\",\"status\":\"active\","
            f"\"subscriberId\":\"{sid}\",\"beneficiary\":{{\"reference\":\"Patient/{pid}\","
            f"\"display\":\"{ben}\"}},\"relationship\":{{\"coding\":[{{\"code\":\"child\"}}]}},"
            f"\"subscriber\":{{\"display\":\"{subn}\"}},\"payor\":[{{\"display\":\"{payer}\"}}],"
            f"\"class\":[{{\"type\":{{\"coding\":[{{\"code\":\"group\"}}]}},\"value\":\"{grp}\"}}]}}")


# -- SQL ------------------------------------------------------------------------------------------

@template("mysql_duplicate_composite")
def _mysql(g: Gen, r: Rec) -> str:
    mrn = r.p("MRN", g.mrn())
    d = r.p("DATE", g.fmt(g.visit(), "iso"))
    line = r.k("line", f"line {g.num(10, 9000)}")
    key = r.k("sql", "appointments.uq_appt_mrn_day")
    ip = g.internal_ip()
    r.k("internal_ip", ip)
    port = r.k("port", "3306")
    return (f"ERROR 1062 (23000) at {line}: Duplicate entry '{mrn}-{d}' for key '{key}'\n"
            f"-- replaying appointments_q{g.num(1, 4)}.sql on mhc-reporting ({ip}:{port})")


@template("oracle_unique_failing_row")
def _oracle(g: Gen, r: Rec) -> str:
    p = g.person()
    _, _, z3 = g.city()
    ln, fn = r.p("NAME", p.surname.upper()), r.p("NAME", p.given.upper())
    dob = r.p("DATE", g.fmt(g.dob(), "oracle"))
    ssn = r.p("SSN", g.ssn("bare"))
    z = r.p("ZIP", g.zip5(z3))
    ora = r.k("error_code", "ORA-00001")
    pk = r.k("sql", "EHR.PK_PAT_SSN")
    line = r.k("line", f"line {g.num(20, 900)}")
    return (f"{ora}: unique constraint ({pk}) violated\nORA-06512: at \"EHR.PKG_INTAKE\", {line}\n"
            f"ORA-06512: at line 1\nFailing statement (bind values): INSERT INTO EHR.PATIENT "
            f"(PAT_LNAME, PAT_FNAME, PAT_DOB, PAT_SSN, PAT_ZIP) VALUES ('{ln}', '{fn}', "
            f"TO_DATE('{dob}','DD-MON-YYYY'), '{ssn}', '{z}')")


@template("mssql_fk_referral")
def _mssql(g: Gen, r: Rec) -> str:
    doc = g.person()
    mrn = r.p("MRN", g.mrn())
    npi = r.p("LICENSE", g.npi())
    dn = r.p("NAME", f"Dr. {doc.given} {doc.surname}")
    fax = r.p("FAX", g.phone(g.pick(["paren", "dash", "dot"])))
    d = r.p("DATE", g.fmt(g.visit(), "iso"))
    fk = r.k("sql", "FK_Referral_Provider")
    line = r.k("line", f"Line {g.num(10, 200)}")
    return (f"Msg 547, Level 16, State 0, Procedure dbo.usp_CreateReferral, {line} [Batch Start "
            f"Line 0]\nThe INSERT statement conflicted with the FOREIGN KEY constraint \"{fk}\". "
            f"The conflict occurred in database \"Clinical\", table \"dbo.Provider\", column "
            f"'NPI'.\nThe statement has been terminated.\n@PatientMRN = N'{mrn}', @ReferringNPI = "
            f"N'{npi}', @ReferredToName = N'{dn}', @ReferredToFax = N'{fax}', @ReferralDate = "
            f"'{d}'")


@template("pg_check_failing_row")
def _pg_check(g: Gen, r: Rec) -> str:
    p = g.person()
    city, st, z3 = g.city()
    rid = r.k("internal_id", str(g.num(100, 99999)))
    ln = r.p("NAME", p.surname)
    fn = r.p("NAME", p.given)
    dob = r.p("DATE", g.fmt(g.dob(), "iso"))
    ssn = r.p("SSN", g.ssn("dash"))
    a = r.p("ADDRESS", g.address())
    c = r.p("CITY", city)
    z = r.p("ZIP", g.zip(z3, 0.5))
    stamp = r.k("timestamp", g.ts("plain") + f".{g.digits(3)}+00")
    con = r.k("sql", "guarantors_relationship_check")
    return (f"ERROR:  new row for relation \"guarantors\" violates check constraint \"{con}\"\n"
            f"DETAIL:  Failing row contains ({rid}, {ln}, {fn}, {dob}, {ssn}, {a}, {c}, {st}, "
            f"{z}, null, {stamp}).\nCONTEXT:  PL/pgSQL function upsert_guarantor(jsonb) line "
            f"{g.num(5, 60)} at SQL statement")


# -- staff notes (chat) ---------------------------------------------------------------------------

def slack_id(g: Gen, r: Rec) -> str:
    return r.k("slack_id", f"<@U0{g.letters(8, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}>")


@template("note_called_relative")
def _note_rel(g: Gen, r: Rec) -> str:
    p = g.person()
    rel = g.person()
    city, _, _ = g.city()
    who = g.pick(RELATIONS)
    d = r.p("DATE", g.fmt(g.visit(), NOYEAR_STYLES))
    ph = r.p("PHONE", g.phone())
    form = g.num(0, 3)
    if form == 0:
        rn = r.p("NAME", rel.given)
        c = r.p("CITY", city)
        body = (f"called pt's {who} ({rn}) re: appt on {d} - no answer, left vm on {ph}. pt may "
                f"be staying w/ family in {c}. will try again thurs")
    elif form == 1:
        rn = r.p("NAME", rel.full)
        em = r.p("EMAIL", g.email(rel))
        body = (f"spoke w/ {who} {rn} about the {d} session; they'd rather we use {em} instead "
                f"of the portal. cb {ph}")
    elif form == 2:
        pn = r.p("NAME", p.given)
        rn = r.p("NAME", rel.given)
        c = r.p("CITY", city)
        body = (f"LVM for {pn} re: missed appt {d}, cb # {ph}. {who} ({rn}) says they moved to "
                f"{c} last month")
    else:
        pn = r.p("NAME", f"{p.given} {p.surname[0]}.")
        r.p("NAME", p.given)
        body = (f"{pn}'s {who} called back from {ph}, confirmed for {d} "
                f"{r.k('time', g.pick(['10am', '2:30pm', '4:15pm', '9:45am']))}")
    return f"{slack_id(g, r)} {body}"


@template("note_fall_daughter")
def _note_fall(g: Gen, r: Rec) -> str:
    p = g.person()
    kid = g.relative(p)
    doc = g.person()
    pn = r.p("NAME", p.full)
    age = r.p("AGE_OVER_89", g.age())
    age_txt = g.pick([f"{age} y/o", f"{age}-year-old", f"age {age}", f"{age} yo", f"{age} yrs"])
    d = r.p("DATE", g.fmt(g.visit(), NOYEAR_STYLES))
    kn = r.p("NAME", kid.given)
    ph = r.p("PHONE", g.phone())
    dn = r.p("NAME", f"Dr. {doc.given} {doc.surname}")
    fax = r.p("FAX", g.phone())
    icd = r.k("icd10", g.pick(ICD10))
    return (f"FYI pt {pn} ({age_txt}) fell at home {d}, {g.pick(['daughter', 'son'])} {kn} wants a "
            f"callback @ {ph}. PCP is {dn}, fax {fax}. Dx {icd} unchanged. #front-desk")


@template("note_handoff_transport")
def _note_handoff(g: Gen, r: Rec) -> str:
    p = g.person()
    kid = g.relative(p)
    city, st, _z3 = g.city()
    mrs = r.p("NAME", f"{g.pick(['Mrs.', 'Mr.', 'Ms.'])} {p.surname}")
    d, a_ = g.old_dob_age()
    dob = r.p("DATE", g.fmt(d, ["us2", "us", "us0"]))
    age = r.p("AGE_OVER_89", a_)
    a = r.p("ADDRESS", g.street(boxes=False))
    u = r.p("ADDRESS", g.unit())
    c = r.p("CITY", city)
    plate = r.p("VEHICLE", g.plate())
    kn = r.p("NAME", f"{kid.given} {kid.surname}")
    ph = r.p("PHONE", g.phone())
    return (f"@channel handoff for tmrw: {mrs} (DOB {dob}, aged {age}) needs the wheelchair van "
            f"from\n{a}\n{u}\nto the {c} clinic; the family car (plate {plate}, {st}) is in the "
            f"shop. {g.pick(['Son', 'Grandson', 'Nephew'])} {kn} will ride along, cell {ph}.")


@template("note_geriatric_intake")
def _note_geri(g: Gen, r: Rec) -> str:
    p = g.person()
    kid = g.person()
    city, _, _ = g.city()
    age = r.p("AGE_OVER_89", g.age())
    lead = g.pick([f"{age}-year-old", f"{age} year old", f"aged {age},"])
    c = r.p("CITY", city)
    since = r.k("year", str(g.num(2008, 2024)))
    kn = r.p("NAME", kid.full)
    ph = r.p("PHONE", g.phone())
    sib = r.k("age", str(g.num(60, 88)))
    icd = r.k("icd10", g.pick(ICD10))
    cpt = r.k("cpt", g.pick(CPT))
    pn = r.p("NAME", p.last_first)
    return (f"IntakeSummaryTooLong ({g.num(4100, 9000)} > 4000 chars) for {pn}: \"{lead} widowed, "
            f"lives alone in {c} since {since}; {g.pick(['son', 'nephew', 'daughter'])} {kn} "
            f"(POA, {ph}) reports worsening memory. Sister, {sib}, visits weekly. Dx {icd}, "
            f"billed {cpt}.\"")


# -- insurance / pharmacy -------------------------------------------------------------------------

@template("x12_271_reject")
def _x12(g: Gen, r: Rec) -> str:
    p = g.person()
    trn = r.k("trace_id", f"{g.num(1, 9)}{g.digits(9)}")
    ln = r.p("NAME", fold(p.surname).upper().replace("'", ""))
    fn = r.p("NAME", fold(p.given).upper())
    mid = r.p("HEALTH_PLAN", g.member_id())
    grp = r.p("HEALTH_PLAN", g.group_no())
    dob = r.p("DATE", g.fmt(g.dob(), "hl7"))
    payer = r.k("payer", g.pick(["AETNA", "CIGNA", "HUMANA", "UNITEDHEALTHCARE", "HIGHMARK"]))
    pid = r.k("payer_id", g.pick(PAYER_IDS))
    aaa = r.k("error_code", "AAA*Y**72*C")
    return (f"EligibilityError: 271 AAA rejection (72 Invalid/Missing Subscriber/Insured ID) from "
            f"Availity, trace {trn}\nST*271*0001*005010X279A1~BHT*0022*11*{trn}*"
            f"{g.ts('hl7')[:8]}*{g.digits(4)}~NM1*PR*2*{payer}*****PI*{pid}~TRN*2*{trn}*"
            f"9MHC000001~NM1*IL*1*{ln}*{fn}*{p.mi}***MI*{mid}~REF*6P*{grp}~DMG*D8*{dob}*"
            f"{g.pick('MF')}~{aaa}~SE*9*0001~")


@template("eligibility_json_inactive")
def _elig_json(g: Gen, r: Rec) -> str:
    p = g.person()
    city, st, z3 = g.city()
    payer = r.k("payer", g.pick(PAYERS))
    mid = r.p("HEALTH_PLAN", g.member_id())
    fn, ln = r.p("NAME", p.given), r.p("NAME", p.surname)
    dob = r.p("DATE", g.fmt(g.dob(), "hl7"))
    a = r.p("ADDRESS", g.address())
    c = r.p("CITY", city)
    z = r.p("ZIP", g.zip5(z3) + (g.digits(4) if g.chance(0.5) else ""))
    grp = r.p("HEALTH_PLAN", g.group_no())
    ctl = r.k("internal_id", g.digits(9))
    return (f"Eligibility check returned inactive coverage: {{\"controlNumber\":\"{ctl}\","
            f"\"payer\":{{\"name\":\"{payer}\"}},\"subscriber\":{{\"memberId\":\"{mid}\","
            f"\"firstName\":\"{fn}\",\"lastName\":\"{ln}\",\"dateOfBirth\":\"{dob}\",\"address\":"
            f"{{\"address1\":\"{a}\",\"city\":\"{c}\",\"state\":\"{st}\",\"postalCode\":\"{z}\"}}}},"
            f"\"planInformation\":{{\"groupNumber\":\"{grp}\"}},\"planStatus\":[{{"
            f"\"statusCode\":\"6\",\"status\":\"Inactive\"}}]}}")


@template("mbi_hets_reject")
def _hets(g: Gen, r: Rec) -> str:
    p = g.person()
    mbi = r.p("HEALTH_PLAN", g.mbi())
    nm = r.p("NAME", p.last_first)
    d, a_ = g.old_dob_age()
    dob = r.p("DATE", g.fmt(d, ["us0", "iso", "long"]))
    age = r.p("AGE_OVER_89", a_)
    stamp = r.k("timestamp", g.ts("iso_off"))
    return (f"HETS 270 rejected: MBI '{mbi}' not found for beneficiary {nm} born {dob} "
            f"({age} yrs); submitter MHC0042 at {stamp}; will retry with name variant")


@template("erx_ncpdp_xml")
def _erx(g: Gen, r: Rec) -> str:
    doc = g.person()
    p = g.person()
    city, st, z3 = g.city()
    npi = r.p("LICENSE", g.npi())
    dea = r.p("LICENSE", g.dea(doc.surname))
    sl = r.p("LICENSE", g.state_license())
    dl, df = r.p("NAME", doc.surname), r.p("NAME", doc.given)
    pl, pf = r.p("NAME", p.surname), r.p("NAME", p.given)
    dob = r.p("DATE", g.fmt(g.dob(), "iso"))
    a = r.p("ADDRESS", g.address())
    c = r.p("CITY", city)
    z = r.p("ZIP", g.zip5(z3))
    drug = r.k("drug", g.pick(DRUGS))
    return (f"SurescriptsError: NewRx rejected: <Status><Code>900</Code><DescriptionCode>1000"
            f"</DescriptionCode><Description>Prescriber DEA number {dea} does not match NPI {npi}"
            f"</Description></Status>\n<Prescriber><NonVeterinarian><Identification><NPI>{npi}"
            f"</NPI><DEANumber>{dea}</DEANumber><StateLicenseNumber>{sl}</StateLicenseNumber>"
            f"</Identification><Name><LastName>{dl}</LastName><FirstName>{df}</FirstName></Name>"
            f"</NonVeterinarian></Prescriber>\n<Patient><HumanPatient><Name><LastName>{pl}"
            f"</LastName><FirstName>{pf}</FirstName></Name><DateOfBirth><Date>{dob}</Date>"
            f"</DateOfBirth><Address><AddressLine1>{a}</AddressLine1><City>{c}</City>"
            f"<StateProvince>{st}</StateProvince><PostalCode>{z}</PostalCode></Address>"
            f"</HumanPatient></Patient>\n<MedicationPrescribed><DrugDescription>{drug}"
            f"</DrugDescription></MedicationPrescribed>")


@template("pharmacy_refill_denied")
def _refill(g: Gen, r: Rec) -> str:
    p = g.person()
    doc = g.person()
    ncpdp = r.k("pharmacy_id", g.digits(7))
    rx = r.p("OTHER_ID", g.rx_number())
    nm = r.p("NAME", p.upper_lfm)
    dob = r.p("DATE", g.fmt(g.dob(), ["us", "us0"]))
    drug = r.k("drug", g.pick(DRUGS))
    ndc = r.k("ndc", f"{g.digits(5)}-{g.digits(4)}-{g.digits(2)}")
    refills = r.k("count", f"refills 0/{g.num(1, 5)}")
    dn = r.p("NAME", f"Dr. {doc.given} {doc.surname}")
    npi = r.p("LICENSE", g.npi())
    return (f"RefillRequestDenied (pharmacy NCPDP {ncpdp}): Rx #{rx} for {nm} (DOB {dob}) - "
            f"{drug}, NDC {ndc}, qty {g.num(14, 90)}, {refills}. Prescriber {dn} (NPI {npi}) "
            f"is no longer with the practice; route to covering provider.")


@template("card_payment_declined")
def _card(g: Gen, r: Rec) -> str:
    p = g.person()
    nm = r.p("NAME", p.upper_full)
    card = r.p("ACCOUNT", g.card())
    acct = r.p("ACCOUNT", g.account())
    amt = r.k("amount", g.amount())
    txn = r.k("txn_id", f"{g.num(4, 8)}{g.digits(10)}")
    return (f"PaymentError: card_declined (do_not_honor) for guarantor {nm}, card {card}, "
            f"statement acct {acct}, amount {amt}, gateway authorize.net transId {txn}")


# -- Python / JS / YAML / key-value ---------------------------------------------------------------

@template("python_logging_dict")
def _pylog(g: Gen, r: Rec) -> str:
    p = g.person()
    city, _, z3 = g.city()
    stamp = r.k("timestamp", g.ts("log"))
    iid = r.k("internal_id", str(g.num(1000, 99999)))
    nm = r.p("NAME", p.full)
    dob = r.p("DATE", g.fmt(g.dob(), ["us2", "us", "iso", "py"]))
    ph = r.p("PHONE", g.phone(g.pick(["bare", "dash", "e164"])))
    a = r.p("ADDRESS", g.address())
    c = r.p("CITY", city)
    z = r.p("ZIP", g.zip5(z3))
    chart = r.p("MRN", g.mrn())
    score = r.k("score", f"0.{g.num(70, 89)}")
    dob_repr = f"datetime.date({dob})" if "," in dob else repr(dob)
    return (f"{stamp} WARNING [mhc.intake.dedupe] possible duplicate intake, not merging: "
            f"{{'intake_id': {iid}, 'applicant': {{'name': {nm!r}, 'dob': {dob_repr}, 'phone': "
            f"{ph!r}, 'street': {a!r}, 'city': {c!r}, 'zip': {z!r}}}, 'match': {{'chart': "
            f"{chart!r}, 'score': {score}}}}}")


@template("js_console_axios")
def _js(g: Gen, r: Rec) -> str:
    p = g.person()
    nm = r.p("NAME", p.full)
    dob = r.p("DATE", g.fmt(g.dob(), ["abbr", "long", "us"]))
    ph = r.p("PHONE", g.phone())
    status = r.k("status", "409")
    exc = r.k("exception", "AxiosError")
    code = r.k("error_code", "ERR_BAD_REQUEST")
    return (f"Uncaught (in promise) {exc}: Request failed with status code {status}\n"
            f"    at settle (settle.js:19:12)\n    at XMLHttpRequest.onloadend (xhr.js:100:7)\n"
            f"{{message: 'Request failed with status code {status}', name: 'AxiosError', code: "
            f"'{code}', config: {{…}}, request: XMLHttpRequest, response: {{data: {{detail: "
            f"'A patient with phone {ph} already exists: {nm} (DOB {dob})'}}, status: {status}}}}}")


@template("yaml_referral_dump")
def _yaml(g: Gen, r: Rec) -> str:
    p = g.person()
    doc = g.person()
    city, st, z3 = g.city()
    rid = r.k("internal_id", str(g.num(100, 99999)))
    nm = r.p("NAME", p.full)
    dob = r.p("DATE", g.fmt(g.dob(), "iso"))
    dn = r.p("NAME", f"Dr. {doc.given} {doc.surname}")
    npi = r.p("LICENSE", g.npi())
    a = r.p("ADDRESS", g.street(boxes=False))
    u = r.p("ADDRESS", g.unit())
    c = r.p("CITY", city)
    z = r.p("ZIP", g.zip(z3))
    fax = r.p("FAX", g.phone(g.pick(["dash", "dot"])))
    icd = r.k("icd10", g.pick(ICD10))
    exc = r.k("exception", "Psych::DisallowedClass")
    return (f"{exc}: Tried to load unspecified class: Referral\n--- !ruby/object:Referral\n"
            f"attributes:\n  id: {rid}\n  patient_name: {nm}\n  dob: {dob}\n  diagnosis: {icd}\n"
            f"  referring_provider: {dn}\n  referring_npi: '{npi}'\n  home_address: |\n    {a}\n"
            f"    {u}\n    {c}, {st} {z}\n  reply_fax: {fax}")


@template("kv_camel_eligibility")
def _kv_camel(g: Gen, r: Rec) -> str:
    p = g.person()
    fn, ln = r.p("NAME", p.given), r.p("NAME", p.surname)
    mid = r.p("HEALTH_PLAN", g.mbi() if g.chance(0.4) else g.member_id())
    grp = r.p("HEALTH_PLAN", g.group_no())
    dob = r.p("DATE", g.fmt(g.dob(), ["us0", "iso"]))
    rid = r.k("request_id", f"req_{g.hexs(20)}")
    pid = r.k("payer_id", g.pick(PAYER_IDS))
    ver = r.k("version", g.version())
    return (f"DEBUG dump (EligibilityContext) after retries exhausted:\n  patientFirstName: {fn}\n"
            f"  patientLastName: {ln}\n  memberId: {mid}\n  groupNumber: {grp}\n"
            f"  subscriberDob: {dob}\n  payerId: {pid}\n  requestId: {rid}\n"
            f"  retryCount: {g.num(3, 6)}\n  clientVersion: {ver}")


@template("kv_screaming_flatfile")
def _kv_scream(g: Gen, r: Rec) -> str:
    p = g.person()
    ln, fn = r.p("NAME", fold(p.surname).upper()), r.p("NAME", fold(p.given).upper())
    dob = r.p("DATE", g.fmt(g.dob(), ["hl7", "sas"]))
    ssn = r.p("SSN", g.ssn("bare"))
    sub = r.p("HEALTH_PLAN", g.member_id())
    svc = r.p("DATE", g.fmt(g.visit(), "hl7"))
    cpt = r.k("cpt", g.pick(CPT))
    amt = r.k("amount", f"{g.num(0, 99999):09d}")
    off = r.k("count", f"offset {g.num(1000, 99999)}")
    return (f"FATAL export_837_flat: numeric overflow in BILLED_AMT at {off}\n"
            f"  PATIENT_LAST_NAME  = {ln}\n  PATIENT_FIRST_NAME = {fn}\n"
            f"  PATIENT_DOB        = {dob}\n  PATIENT_SSN        = {ssn}\n"
            f"  SUBSCRIBER_ID      = {sub}\n  SERVICE_DATE       = {svc}\n"
            f"  CPT_CODE           = {cpt}\n  BILLED_AMT         = {amt}")


@template("kv_kebab_headers")
def _kv_kebab(g: Gen, r: Rec) -> str:
    p = g.person()
    rid = r.k("request_id", g.uuid())
    ip = r.p("IP", g.pub_ip4() if g.chance(0.6) else g.pub_ip6())
    proxy = g.internal_ip()
    r.k("internal_ip", proxy)
    em = r.p("EMAIL", g.email(p))
    ph = r.p("PHONE", g.phone())
    ver = r.k("version", f"ios-{g.version()}")
    build = r.k("build", f"build {g.num(1000, 9999)}")
    status = r.k("status", "502")
    return (f"upstream {status} from intake-api; request headers:\nx-request-id: {rid}\n"
            f"x-forwarded-for: {ip}, {proxy}\nx-patient-email: {em}\nx-patient-phone: {ph}\n"
            f"x-client-version: {ver} ({build})\ncontent-length: {g.num(100, 4000)}")


@template("url_portal_links")
def _links(g: Gen, r: Rec) -> str:
    p = g.person()
    _, _, z3 = g.city()
    user = r.p("OTHER_ID", g.username(p))
    acct = r.p("ACCOUNT", g.account())
    z = r.p("ZIP", g.zip5(z3))
    u1 = r.p("URL", f"https://my.mhc-portal.org/u/{user}/statements/{acct}.pdf")
    u2 = r.p("URL", f"https://my.mhc-portal.org/pay?acct={acct}&zip={z}")
    ok = r.k("url", "https://my.mhc-portal.org/help/billing")
    job = r.k("internal_id", str(g.num(100, 9999)))
    return (f"LinkChecker: 2 broken links in outbound statement email (job {job}):\n  404 {u1}\n"
            f"  410 {u2}\n  200 {ok} (ok)")


@template("url_fhir_search")
def _fhir_search(g: Gen, r: Rec) -> str:
    p = g.person()
    mrn = r.p("MRN", g.mrn())
    ln = r.p("NAME", slug(p.surname, "-"))
    dob = r.p("DATE", g.fmt(g.dob(), "iso"))
    u = r.p("URL", f"https://fhir.mhc.org/r4/Patient?identifier=urn:mhc:mrn|{mrn}&family={ln}"
                   f"&birthdate={dob}")
    exc = r.k("exception", "requests.exceptions.ReadTimeout")
    dur = r.k("duration", f"read timeout={g.num(5, 60)}")
    return (f"{exc}: HTTPSConnectionPool(host='fhir.mhc.org', port=443): Read timed out. "
            f"({dur}) while GET {u}")


@template("geocode_one_line")
def _geocode(g: Gen, r: Rec) -> str:
    city, st, z3 = g.city()
    a = r.p("ADDRESS", g.address())
    c = r.p("CITY", city)
    z = r.p("ZIP", g.zip(z3))
    region = r.k("state", STATE_NAMES[st] if g.chance(0.5) else st)
    dur = r.k("duration", g.ms())
    status = r.k("status", "200")
    return (f"GeocodingError: ZERO_RESULTS for address=\"{a}, {c}, {st} {z}\" "
            f"(provider=google, region={region}, status={status}, {dur}); clinic-distance "
            f"check skipped")


@template("device_cgm_pairing")
def _cgm(g: Gen, r: Rec) -> str:
    mrn = r.p("MRN", g.mrn())
    ser = r.p("DEVICE", g.device_serial())
    imei = r.p("DEVICE", g.imei())
    mac = r.p("DEVICE", g.mac())
    ver = r.k("version", g.version())
    return (f"CgmIngestError: receiver {ser} paired to chart {mrn} reported 0 readings in 24h; "
            f"phone IMEI {imei}, bluetooth addr {mac}, app {ver}")


@template("device_wearable_sync")
def _wearable(g: Gen, r: Rec) -> str:
    p = g.person()
    ser = r.p("DEVICE", g.device_serial())
    imei = r.p("DEVICE", g.imei(True))
    nm = r.p("NAME", p.full)
    status = r.k("status", "503")
    uid = r.k("uuid", g.uuid())
    return (f"wearable-sync: device serial={ser} imei={imei} (owner \"{nm}\") upload {uid} "
            f"rejected with {status}; {g.num(2, 14)} nights of sleep data queued")


@template("parking_vehicle_permit")
def _parking(g: Gen, r: Rec) -> str:
    p = g.person()
    plate = r.p("VEHICLE", g.plate())
    vin = r.p("VEHICLE", g.vin())
    nm = r.p("NAME", p.full)
    st = r.k("state", g.pick(["CA", "TX", "NY", "IL", "WA", "FL"]))
    exc = r.k("exception", "ParkingPermitError")
    return (f"{exc}: plate {plate} ({st}) / VIN {vin} is not registered for patient {nm}; "
            f"accessible-parking permit for the clinic lot not issued")


@template("idv_drivers_license")
def _idv(g: Gen, r: Rec) -> str:
    p = g.person()
    dl, st = g.drivers_license()
    lic = r.p("LICENSE", dl)
    st_k = r.k("state", STATE_NAMES[st] if g.chance(0.5) else st)
    nm = r.p("NAME", f"{p.given.upper()} {p.mi} {p.surname.upper()}")
    dob = r.p("DATE", g.fmt(g.dob(), ["dash_us", "us0", "sas"]))
    vendor = r.k("service", "idscan-v3")
    return (f"IDV mismatch ({vendor}): scanned DL {lic} ({st_k}) name '{nm}' DOB {dob} does not "
            f"match the chart; check-in blocked")


@template("court_roi_hold")
def _court(g: Gen, r: Rec) -> str:
    p = g.person()
    atty = g.person()
    case = r.p("OTHER_ID", g.case_no())
    nm = r.p("NAME", p.full)
    dob = r.p("DATE", g.fmt(g.dob(2006, 2018), DOB_STYLES))
    an = r.p("NAME", f"{atty.given} {atty.surname}")
    served = r.p("DATE", g.fmt(g.visit(), ["us", "long"]))
    code = r.k("error_code", "ROI_HOLD_42CFR2")
    return (f"Release blocked ({code}): subpoena in family court case {case} for records of "
            f"minor {nm} (DOB {dob}), served {served} by Atty. {an}; Part 2 consent required")


@template("passport_telehealth_idcheck")
def _passport(g: Gen, r: Rec) -> str:
    p = g.person()
    pp = r.p("OTHER_ID", g.passport())
    nm = r.p("NAME", p.last_first)
    dob = r.p("DATE", g.fmt(g.dob(), ["dmy", "dmy_long", "iso"]))
    ip = r.p("IP", g.pub_ip4())
    return (f"IdentityCheckError: passport {pp} for telehealth client {nm} could not be matched "
            f"to DOB {dob}; session from {ip} held for manual review")


@template("portal_login_lockout")
def _login(g: Gen, r: Rec) -> str:
    p = g.person()
    stamp = r.k("timestamp", g.ts("iso_off"))
    user = r.p("OTHER_ID", g.username(p))
    ip = r.p("IP", g.pub_ip6() if g.chance(0.5) else g.pub_ip4())
    via = g.internal_ip()
    r.k("internal_ip", via)
    return (f"{stamp} auth WARN locked portal login \"{user}\" after {g.num(5, 9)} failures "
            f"from {ip} (via {via})")


@template("adt_bed_assignment")
def _adt(g: Gen, r: Rec) -> str:
    p = g.person()
    doc = g.person()
    d = r.p("DATE", g.fmt(g.visit(), ["us0", "iso", "dmy"]))
    nm = r.p("NAME", p.last_first.upper())
    age = r.p("AGE_OVER_89", g.age())
    mrn = r.p("MRN", g.mrn())
    dn = r.p("NAME", f"Dr. {doc.given} {doc.surname}")
    bed = r.k("internal_id", f"{g.num(2, 6)}W-{g.num(1, 30)}")
    return (f"ADT A01 processing error: bed {bed} unavailable; admit date {d}; pt '{nm}', "
            f"age: {age}, MRN {mrn}, attending {dn}")


@template("ehr_patient_json_age")
def _ehr_json_age(g: Gen, r: Rec) -> str:
    p = g.person()
    city, st, z3 = g.city()
    age = r.p("AGE_OVER_89", g.age())
    fn, ln = r.p("NAME", p.given), r.p("NAME", p.surname)
    c = r.p("CITY", city)
    z = r.p("ZIP", g.zip(z3))
    dev = r.p("DEVICE", g.device_serial())
    rid = r.k("uuid", g.uuid())
    exc = r.k("exception", "KeyError")
    return (f"{exc}: 'guardian' while rendering consent packet {rid}\n  patient = "
            f"{{\"first\": \"{fn}\", \"last\": \"{ln}\", \"age\": {age}, \"city\": \"{c}\", "
            f"\"state\": \"{st}\", \"zip\": \"{z}\", \"hearing_aid_serial\": \"{dev}\"}}")


# -- look-alike-only records (no PHI) -------------------------------------------------------------

@template("k8s_events", clean=True)
def _c_k8s(g: Gen, r: Rec) -> str:
    pod = r.k("service", f"intake-api-{g.hexs(9)}-{g.k8s_suffix()}")
    worker = r.k("service", f"claims-worker-{g.hexs(4)}-{g.k8s_suffix()}")
    ip = g.internal_ip()
    r.k("internal_ip", ip)
    port = r.k("port", g.pick(["8080", "9090", "8443"]))
    ver = r.k("version", g.version())
    uid = r.k("uuid", g.uuid())
    pid = r.k("count", str(g.num(1000, 40000)))
    return (f"LAST SEEN   TYPE      REASON      OBJECT                     MESSAGE\n"
            f"{g.num(1, 9)}m{g.num(10, 59)}s      Warning   BackOff     pod/{pod}   Back-off "
            f"restarting failed container api in pod {pod}_prod({uid})\n"
            f"{g.num(1, 9)}m          Warning   Unhealthy   pod/{pod}   Readiness probe failed: "
            f"Get \"http://{ip}:{port}/readyz\": context deadline exceeded\n"
            f"{g.num(10, 59)}s         Normal    Pulled      pod/{worker}   Container image "
            f"\"registry.mhc.internal/claims-worker:{ver}\" already present on machine\n"
            f"{g.num(1, 9)}s          Warning   OOMKilling  node/worker-{g.num(1, 9)}   Memory "
            f"cgroup out of memory: Killed process {pid} (java) total-vm:4194304kB")


@template("java_hikari_timeout", clean=True)
def _c_hikari(g: Gen, r: Rec) -> str:
    exc = r.k("exception", "java.sql.SQLTransientConnectionException")
    ms = r.k("duration", f"{g.pick([30000, 10000, 5000])}ms")
    stamp = r.k("timestamp", g.ts("log"))
    frames = jframes(g, r, [("com.zaxxer.hikari.pool.HikariPool.createTimeoutException",
                             "HikariPool"),
                            ("com.zaxxer.hikari.pool.HikariPool.getConnection", "HikariPool"),
                            ("org.mhc.scheduling.SlotRepository.findOpen", "SlotRepository")])
    active = r.k("count", f"active={g.num(10, 40)}")
    return (f"{stamp} ERROR [scheduling-api,{g.hexs(16)},{g.hexs(16)}] "
            f"o.h.e.j.s.SqlExceptionHelper : "
            f"HikariPool-1 - Connection is not available, request timed out after {ms}. "
            f"(total=40, {active}, idle=0, waiting={g.num(1, 90)})\n{exc}: HikariPool-1 - "
            f"Connection is not available, request timed out after {ms}.\n{frames}")


@template("nginx_healthcheck", clean=True)
def _c_nginx(g: Gen, r: Rec) -> str:
    lines = []
    for _ in range(g.num(2, 4)):
        ip = g.internal_ip()
        r.k("internal_ip", ip)
        stamp = r.k("timestamp", g.ts("nginx"))
        path = g.pick(["/healthz", "/readyz", "/metrics", "/api/v1/slots?clinic=7&week=2025-W11",
                       "/static/app.3f9c2ab1.js"])
        status = r.k("status", g.pick(["200", "204", "304", "503"]))
        rt = r.k("duration", f"rt={g.num(0, 2)}.{g.digits(3)}")
        lines.append(f"{ip} - - [{stamp}] \"GET {path} HTTP/1.1\" {status} {g.num(0, 900)} \"-\" "
                     f"\"kube-probe/1.29\" {rt}")
    return "\n".join(lines)


@template("claims_batch_summary", clean=True)
def _c_claims(g: Gen, r: Rec) -> str:
    n = r.k("count", f"{g.num(100, 900)} claims")
    cpts = [r.k("cpt", c) for c in g.rng.sample(CPT, 3)]
    icds = [r.k("icd10", c) for c in g.rng.sample(ICD10, 2)]
    payers = [r.k("payer", c) for c in g.rng.sample(PAYERS, 3)]
    amt = r.k("amount", f"${g.num(1, 99)},{g.num(100, 999)}.{g.num(0, 99):02d}")
    dur = r.k("duration", f"{g.num(1, 9)}.{g.num(1, 9)}s")
    year = r.k("year", str(g.num(2024, 2026)))
    return (f"837P batch for plan year {year} submitted to Availity: {n}; CPT {cpts[0]} "
            f"x{g.num(10, 200)}, {cpts[1]} x{g.num(10, 200)}, {cpts[2]} x{g.num(1, 50)}; top dx "
            f"{icds[0]}/{icds[1]}; payers: {', '.join(payers)}; total {amt}; took {dur}")


@template("go_panic_clean", clean=True)
def _c_go(g: Gen, r: Rec) -> str:
    stamp = r.k("timestamp", g.ts("go"))
    idx = g.num(1, 9)
    line = r.k("line", str(g.num(40, 400)))
    return (f"{stamp} http: panic serving {g.internal_ip()}:{g.num(30000, 60000)}: runtime error: "
            f"index out of range [{idx}] with length {idx}\ngoroutine {g.num(10, 9000)} [running]:"
            f"\nnet/http.(*conn).serve.func1()\n\t/usr/local/go/src/net/http/server.go:1898 +0xbe\n"
            f"github.com/mhc/slots/internal/api.(*Handler).week(0xc000{g.hexs(6)}, "
            f"{{0x10f3c80, 0xc000{g.hexs(6)}}})\n\t/src/internal/api/week.go:{line} +0x3c5")


@template("dotnet_timeout", clean=True)
def _c_dotnet(g: Gen, r: Rec) -> str:
    exc = r.k("exception", "System.Threading.Tasks.TaskCanceledException")
    secs = r.k("duration", g.pick(["00:00:30", "00:01:40", "00:00:15"]))
    url = r.k("url", f"https://payer-gateway.mhc.internal:{g.pick([8443, 9443])}/v2/batches/"
                     f"{g.uuid()}")
    line = r.k("line", f"line {g.num(20, 300)}")
    return (f"{exc}: The request was canceled due to the configured HttpClient.Timeout of "
            f"{secs} elapsing.\n ---> System.TimeoutException: A task was canceled.\n   at "
            f"Mhc.Claims.PayerGatewayClient.PostBatchAsync(Batch b) in /src/Claims/"
            f"PayerGatewayClient.cs:{line}\nRequestUri: {url}")


@template("mssql_deadlock", clean=True)
def _c_deadlock(g: Gen, r: Rec) -> str:
    spid = r.k("count", f"Process ID {g.num(50, 400)}")
    line = r.k("line", f"Line {g.num(1, 90)}")
    proc = r.k("sql", g.pick(["dbo.usp_PostPayments", "dbo.usp_CloseEncounter",
                              "dbo.usp_RebuildAging"]))
    return (f"Msg 1205, Level 13, State 51, Procedure {proc}, {line}\nTransaction ({spid}) was "
            f"deadlocked on lock resources with another process and has been chosen as the "
            f"deadlock victim. Rerun the transaction.")


@template("cron_rsync_clean", clean=True)
def _c_rsync(g: Gen, r: Rec) -> str:
    host = "backup-cron-01"
    ip = g.internal_ip()
    r.k("internal_ip", ip)
    port = r.k("port", "873")
    hdr = r.k("timestamp", g.ts("rfc2822"))
    sent = r.k("count", f"{g.num(1, 900)},{g.num(100, 999)},{g.num(100, 999)} bytes")
    code = r.k("error_code", "code 23")
    return (f"From: root@{host} (Cron Daemon)\nSubject: Cron <root@{host}> /usr/local/bin/"
            f"nightly-sync.sh\nDate: {hdr}\n\nrsync: [sender] read errors mapping "
            f"\"/srv/exports/tmp.{g.hexs(6)}\": Input/output error (5)\nsent {sent}  received "
            f"{g.num(1000, 99999)} bytes\nrsync error: some files/attrs were not transferred "
            f"({code}) at main.c(1338) [sender=3.2.7]\ntarget rsync://{ip}:{port}/exports")


@template("release_build_clean", clean=True)
def _c_release(g: Gen, r: Rec) -> str:
    build = r.k("build", f"#{g.num(1000, 9999)}")
    sha = r.k("hash", g.hexs(g.pick([7, 40])))
    ver = r.k("version", f"v{g.version()}")
    dur = r.k("duration", f"{g.num(1, 20)}m{g.num(0, 59)}s")
    uid = r.k("request_id", g.ulid())
    return (f"Deploy failed: build {build} of mhc-portal (commit {sha}) {ver} to "
            f"prod-us-east-2 rolled back after {dur}; deployment {uid}; canary error rate "
            f"{g.num(2, 30)}.{g.num(0, 9)}%")


@template("syslog_postgres", clean=True)
def _c_syslog(g: Gen, r: Rec) -> str:
    out = []
    for _ in range(g.num(2, 3)):
        stamp = r.k("timestamp", g.ts("syslog"))
        pid = r.k("count", str(g.num(1000, 60000)))
        out.append(f"{stamp} ehr-db-02 postgres[{pid}]: " + g.pick([
            f"LOG:  checkpoint complete: wrote {g.num(100, 9000)} buffers "
            f"({g.num(0, 30)}.{g.num(0, 9)}%); write={g.num(1, 99)}.{g.digits(3)} s",
            "ERROR:  canceling statement due to statement timeout",
            "LOG:  automatic vacuum of table \"ehr.public.encounters\": index scans: 1",
            "FATAL:  remaining connection slots are reserved for non-replication superuser "
            "connections"]))
    return "\n".join(out)


@template("celery_retry_clean", clean=True)
def _c_celery(g: Gen, r: Rec) -> str:
    tid = r.k("uuid", g.uuid())
    eta = r.k("timestamp", g.ts("iso_off"))
    att = r.k("count", f"attempt {g.num(1, 4)}/5")
    ip = g.internal_ip()
    r.k("internal_ip", ip)
    port = r.k("port", "6379")
    epoch = r.k("timestamp", g.ts("epoch"))
    return (f"Retry in {g.num(10, 600)}s: ConnectionError('Error 111 connecting to {ip}:{port}. "
            f"Connection refused.') task=mhc.billing.tasks.post_era[{tid}] {att} eta={eta} "
            f"enqueued_at={epoch}")


@template("hl7_ack_clean", clean=True)
def _c_ack(g: Gen, r: Rec) -> str:
    head = msh(g, r, "ACK^A04^ACK")
    ref = r.k("hl7_control_id", f"MSG{g.digits(8)}")
    code = r.k("error_code", g.pick(["207", "101", "102"]))
    return (f"HL7 NAK received from ehr-sync\n{head}\nMSA|AE|{ref}|Application internal error\n"
            f"ERR||PID^1^3^1|{code}^Application internal error^HL70357|E")


@template("eligibility_stats_clean", clean=True)
def _c_elig(g: Gen, r: Rec) -> str:
    states = [r.k("state", s) for s in g.rng.sample(sorted(STATE_NAMES), 3)]
    long_state = r.k("state", g.pick(list(STATE_NAMES.values())))
    n = r.k("count", f"{g.num(1000, 9999)} members")
    failed = r.k("count", f"{g.num(1, 99)} failed")
    payer = r.k("payer", g.pick(PAYERS))
    pid = r.k("payer_id", g.pick(PAYER_IDS))
    year = r.k("year", str(g.num(2024, 2026)))
    sid = slack_id(g, r)
    return (f"{sid} nightly 270/271 sweep for {year}: {n} checked, {failed} ({payer}, payer id "
            f"{pid}); states {', '.join(states)} and {long_state} throttled")


@template("fhir_outcome_clean", clean=True)
def _c_outcome(g: Gen, r: Rec) -> str:
    rid = r.k("uuid", g.uuid())
    status = r.k("status", g.pick(["422", "412", "400"]))
    icd = r.k("icd10", g.pick(ICD10))
    ver = r.k("version", "4.0.1")
    return (f"FHIR {ver} OperationOutcome (HTTP {status}) for Condition/{rid}: {{\"issue\":"
            f"[{{\"severity\":\"error\",\"code\":\"code-invalid\",\"diagnostics\":\"Code '{icd}' "
            f"is not valid in ValueSet us-core-condition-code for the encounter date "
            f"precision\",\"expression\":[\"Condition.code.coding[0]\"]}}]}}")


@template("age_under_90_clean", clean=True)
def _c_age(g: Gen, r: Rec) -> str:
    age = r.k("age", str(g.num(18, 88)))
    cpt = r.k("cpt", g.pick(CPT))
    icd = r.k("icd10", g.pick(ICD10))
    dur = r.k("duration", f"{g.pick([30, 45, 53, 60])} min")
    return (f"ClaimScrubberWarning: {cpt} billed for a {age}-year-old with {icd} but session "
            f"length {dur} is below the code's minimum; held for coder review")


# ---------------------------------------------------------------------------------------------
# Self-check and assembly
# ---------------------------------------------------------------------------------------------


def problems(text: str, phi: list[tuple[str, str]], keep: list[tuple[str, str]]) -> list[str]:
    """What would make this record unfair to score, or empty if it is sound."""
    out = []
    for kind, v in phi:
        if not SCORER.occurs(v, text):
            out.append(f"{kind} {v!r} not in text")
    for kind, t in keep:
        if not SCORER.occurs(t, text):
            out.append(f"keep {kind} {t!r} not in text")
    if out:
        return out
    # A perfect scrubber: blank every bounded occurrence of every labelled value.
    spans = []
    for _, v in phi:
        spans += [(m.start(), m.end()) for m in re.finditer(SCORER._boundary_pattern(v), text)]
    spans.sort()
    red, pos = [], 0
    for s, e in spans:
        if e <= pos:
            continue
        red.append(text[pos:max(pos, s)])
        red.append("[X]")
        pos = e
    red.append(text[pos:])
    scrubbed = "".join(red)
    for kind, v in phi:
        why = SCORER.leak_reason(v, kind, scrubbed)
        if why:
            out.append(f"{kind} {v!r} leaks past a perfect scrub ({why})")
    for kind, t in keep:
        if not SCORER.occurs(t, scrubbed):
            out.append(f"keep {kind} {t!r} overlaps PHI")
    return out


def build(seed: int = SEED) -> tuple[list[dict[str, object]], Counter[str]]:
    rng = random.Random(seed)
    g = Gen(rng)
    n_phi = N_RECORDS - N_CLEAN
    schedule = [PHI_TEMPLATES[i % len(PHI_TEMPLATES)] for i in range(n_phi)]
    schedule += [CLEAN_TEMPLATES[i % len(CLEAN_TEMPLATES)] for i in range(N_CLEAN)]
    rng.shuffle(schedule)
    redraws: Counter[str] = Counter()
    records: list[dict[str, object]] = []
    for i, (name, fn) in enumerate(schedule):
        for _ in range(MAX_TRIES):
            r = Rec()
            text = fn(g, r)
            bad = problems(text, r.phi, r.keep)
            if not bad:
                break
            redraws[name] += 1
        else:
            raise SystemExit(f"{name}: no sound record in {MAX_TRIES} tries: {bad}")
        records.append({
            "id": f"heldout-{i:05d}", "family": "heldout", "template": name, "text": text,
            "phi": [{"value": v, "kind": k} for k, v in r.phi],
            "keep": [t for _, t in r.keep], "keep_kinds": [k for k, _ in r.keep],
        })
    return records, redraws


def summarise(records: list[dict[str, object]]) -> Counter[str]:
    kinds: Counter[str] = Counter()
    for rec in records:
        for ph in rec["phi"]:  # type: ignore[attr-defined]
            kinds[ph["kind"]] += 1
    return kinds


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--check", action="store_true", help="compare with the file on disk")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    records, redraws = build()
    kinds = summarise(records)
    short = [k for k in KINDS if kinds[k] < MIN_PER_KIND]
    if short:
        raise SystemExit(f"kinds below {MIN_PER_KIND} values: {short} ({dict(kinds)})")
    body = "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in records)
    clean = sum(1 for rec in records if not rec["phi"])
    print(f"{len(records)} records ({clean} without PHI) from {len(PHI_TEMPLATES)} PHI and "
          f"{len(CLEAN_TEMPLATES)} look-alike templates", file=sys.stderr)
    print("values per kind: " + ", ".join(f"{k}={kinds[k]}" for k in KINDS), file=sys.stderr)
    if redraws:
        print("redrawn by template: " + ", ".join(f"{k}={v}" for k, v in redraws.most_common()),
              file=sys.stderr)
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == body
        print("up to date" if same else f"{args.out} differs from the generator", file=sys.stderr)
        return 0 if same else 1
    args.out.write_text(body, encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
