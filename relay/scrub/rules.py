"""What to match: detection rules as data (kind, regex, validator, context, priority).

Why data: every rule is small, named (its name shows in `--explain` and in tests), and can be
added from configuration without touching the redaction code. A rule's regex may carry a
named group `v`: only that group is redacted, the rest is context (`MRN 00123456` keeps
"MRN"). `needs` lists lower-case literals of which at least one must occur in the text for the
rule to run at all — a cheap prefilter that keeps the scrubber fast on text with no cue.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from relay.scrub import validators as v

Validator = Callable[[str], bool]
#: (text, start, end) -> kind for context-dependent kinds, or None: the context vetoes it
KindOf = Callable[[str, int, int], "str | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    regex: re.Pattern[str]
    validator: Validator | None = None
    priority: int = 1  # 1 shape, 2 validated shape, 3 context or key
    needs: tuple[str, ...] = ()
    kind_of: KindOf | None = None
    #: "digit": every match starts at a digit, '+' or '(' (tried only where one of the digit
    #: rules can start); "keyword": runs in a window around each `needs` literal; "scan": the
    #: whole text (the regex starts with a character class, so the engine skips fast).
    anchor: str = "scan"
    back: int = 48  # keyword window: characters before the literal
    ahead: int = 240  # keyword window: characters after it
    #: keyword rules whose match starts where the literal starts are tried right there
    #: (one `match`); the others (`@` inside an email) search the window.
    at_keyword: bool = True


#: Where a "digit" rule's match can start.
DIGIT_START = r"(?=[0-9+(])"


def rule(name: str, kind: str, pattern: str, validator: Validator | None = None, *,
         priority: int = 1, needs: tuple[str, ...] = (), flags: int = 0,
         kind_of: KindOf | None = None, anchor: str | None = None, back: int = 48,
         ahead: int = 240, at_keyword: bool = True) -> Rule:
    if anchor is None:
        anchor = "keyword" if needs else "scan"
    if anchor == "digit":
        # a digit rule's look-behinds and alternations are costly to try at every position
        # of a window; this one-character look-ahead turns the others away first
        pattern = DIGIT_START + pattern
    return Rule(name, kind, re.compile(pattern, flags), validator, priority, needs, kind_of,
                anchor, back, ahead, at_keyword)


MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
         r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN|FEB|MAR|APR|MAY|"
         r"JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)")
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
#: A day of the month written as a word: "fifth", "twenty-first", "thirtieth".
_ORDINAL = (r"(?i:(?:twenty|thirty)[\- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
            r"ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
            r"twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
            r"nineteenth|twentieth|thirtieth|thirty-first)")
_MON = r"(?:0?[1-9]|1[0-2])"
#: An age of 90 or more in English words.
AGE_WORDS = (r"ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
              r"one[- ]hundred(?:[- ](?:and[- ])?(?:one|two|three|four|five|six|seven|eight|"
              r"nine|ten))?")
#: Month names written out that are no English verb ("may", "march").
_FULL_MONTH = "january|february|april|june|july|august|september|october|november|december"
_MESES = ("enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
          "noviembre|diciembre|"  # Spanish, then Portuguese ("3 de março")
          "janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro")
def _ascii_needs(words: str) -> tuple[str, ...]:
    """Keyword literals for month names: the prefilter scans an ASCII shadow of the text, so
    a name with an accent is found by its ASCII run ("février" by "vrier", "août" by "ao")."""
    out = set()
    for w in words.split("|"):
        runs = [r for r in re.split(r"[^a-z]+", w) if len(r) >= 2]
        out.add(max(runs, key=len))
    return tuple(sorted(out))


_MONTHS_I18N = (
    # Polish (genitive), Haitian Creole, Somali, Hindi in Latin letters, Turkish
    "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|"
    "listopada|grudnia|"
    "janvye|fevriye|avril|jiyè|septanm|oktòb|novanm|desanm|"
    "Janaayo|Febraayo|Maarso|Abriil|Maajo|Juun|Luuliyo|Ogosto|Sebtembar|Oktoobar|Nofembar|"
    "Desembar|"
    "janvari|farvari|joon|julai|agast|sitambar|aktubar|navambar|disambar|"
    "Ocak|Şubat|Haziran|Temmuz|Ağustos|Eylül|Ekim|Kasım|Aralık|"  # (not Mayıs: "may")
    # Italian, then Dutch and the Scandinavian languages (the rest are English or German)
    "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|"
    "dicembre|januari|februari|maart|mei|augustus|mars|maj|augusti|desember")
_MONATE = "Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|" \
    "November|Dezember"
#: Filipino month names ("ipinanganak noong Hulyo 24, 1999").
_BUWAN = "Enero|Pebrero|Marso|Abril|Mayo|Hunyo|Hulyo|Agosto|Setyembre|Oktubre|Nobyembre|Disyembre"
#: Spoken numbers, for transcribed voicemail.
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
#: Between them: blanks, a comma, a hyphen, a pause ("six oh six... four"), a "dash".
_SPOKEN_SEP = r"(?:[ \t]*(?:[,\-]|\.{1,3})?[ \t]+|[ \t]+dash[ \t]+)"
_SPOKEN_YEAR = (r"(?:nineteen|twenty)[ \t\-]+(?:hundred|oh[ \t\-]+\w+|(?:ten|eleven|twelve|"
                r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|"
                r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                r"(?:[ \t\-]+(?:one|two|three|four|five|six|seven|eight|nine))?)")
_MOIS = ("janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
         "novembre|décembre|decembre")
# a date and a clock time is a machine's stamp, unless the time is a slot ("11:00-11:50",
# "3:15 pm": someone's appointment)
_NOT_TIME = (r"(?!(?:[T ]|,[ ])?\d{1,2}:\d{2}(?![ \t]?(?:-|–|to[ \t])[ \t]?\d{1,2}:\d{2})"
             r"(?![ \t]?(?i:am|pm|a\.m\.|p\.m\.)(?!\w))"
             r"|::\d{1,2}:\d{2})")  # Erlang: 28-Oct-2023::06:59:04
_NOT_AMPM = r"(?![ \t]?(?i:am|pm|a\.m\.|p\.m\.)(?!\w))"

STATE_CODES = ("AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|"
               "MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|"
               "WY|PR|GU|VI|AS|MP|FM|MH|PW|AA|AE|AP")

# USPS street suffixes (full and common abbreviations).
STREET_SUFFIX = (
    r"(?:Alley|Aly|Avenue|Ave|Av|Branch|Bridge|Brg|Brook|Brooks|Burgs?|Bypass|Byp|Camp|Canyon|"
    r"Cape|Causeway|Center|Centers|Ctr|Circles?|Cir|Cliffs?|Club|Common|Corners?|Course|"
    r"Courts?|Ct|Coves?|Creek|Crk|Crescent|Cres|Crest|Crossing|Xing|Crossroad|Curve|Dale|Dam|"
    r"Divide|Drives?|Dr|Estates?|Expressway|Expy|Extensions?|Ext|Falls?|Ferry|Fields?|Flats?|"
    r"Fords?|Forest|Forges?|Forks?|Fort|Ft|Freeway|Fwy|Gardens?|Gdns|Gateway|Glens?|Greens?|"
    r"Groves?|Harbors?|Haven|Heights|Hts|Highway|Hwy|Hills?|Hollow|Inlet|Islands?|Isle|"
    r"Junctions?|Jct|Keys?|Knolls?|Lakes?|Land|Landing|Lane|Ln|Lights?|Loaf|Locks?|Lodge|"
    r"Loop|Mall|Manors?|Meadows?|Mews|Mills?|Mission|Motorway|Mount|Mt|Mountains?|Mtn|Neck|"
    r"Orchard|Oval|Overpass|Parks?|Parkways?|Pkwy|Pass|Passage|Path|Pike|Pines?|Place|Pl|"
    r"Plains?|Plaza|Plz|Points?|Pt|Ports?|Prairie|Radial|Ramp|Ranch|Rapids?|Rest|Ridges?|Rdg|"
    r"River|Roads?|Rd|Route|Rte|Row|Rue|Run|Shoals?|Shores?|Skyway|Springs?|Spurs?|Squares?|"
    r"Sq|Station|Sta|Stravenue|Stream|Streets?|St|Summit|Terrace|Ter|Throughway|Trace|Track|"
    r"Trafficway|Trail|Trl|Tunnel|Turnpike|Tpke|Underpass|Unions?|Valleys?|Via|Viaduct|Views?|"
    r"Villages?|Ville|Vista|Walks?|Wall|Ways?|Wells?|Boulevard|Blvd|Broadway)"
)
#: The same in capitals, as ID cards and mailing labels print them ("3004 E COLFAX ST").
_STREET_SUFFIX_CAPS = "(?:" + STREET_SUFFIX[3:-1].upper() + ")"
SECONDARY = (r"(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|Bldg|Building|Floor|Fl|Room|Rm|Lot|"
             r"Box|Dept|Trlr|Trailer|Spc|Space|Slip|APT|SUITE|STE|UNIT|BLDG|FL|RM|LOT|TRLR|SPC)"
             r"\.?\s*#?\s*(?:[A-Za-z]?\d+(?:[A-Za-z]|-[A-Za-z](?![a-z]))?|[A-Z](?!\w))|"
             r",?\s+#\s?\d+[A-Za-z]?){0,2}")  # "Bldg 4 Apt 9", ", #204"
# (Hawaiian names keep their ʻokina: "Kalanianaʻole Hwy")
_STREET_WORD = r"(?:[A-Z0-9][\w'’ʻ.\-]*|[A-Z]|de|del|la|las|los|el|du|des)"  # Calle del Sol
# the number and the street's words share a line ("proc 90837\n  Loop 2310B" is no street)
# in capitals a street needs a word before its suffix ("GS06=6328 ST*999" is X12, no street)
# a rural grid number may lead with its direction ("E1869 County Rd M", Wisconsin): the match
# starts at the digits (digit rules are anchored there), the letter is let through behind it
# (not a unit's number: "…Ln, Apt. 5 Grangeville Flats" is no street called Flats)
#: Street types unmistakable after a name (not "Dr", "St": a doctor's, a saint's).
_NAMED_STREET = ("Road|Rd|Street|Avenue|Ave|Lane|Ln|Court|Ct|Place|Pl|Trail|Trl|Drive|"
                 "Boulevard|Blvd|Terrace|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Bend|Loop|Pike")
_STREET_START = (r"(?:(?<![\w.\-/#])(?<!Apt\. )(?<!Apt )(?<!Unit )(?<!Suite )(?<!Ste\. )(?<!Ste )|"
                 r"(?<=[NSEW])(?<![\w.\-/][NSEW])(?=\d{3,6}[ \t]))")
# a county road or highway keeps its letter or number ("County Rd M", "Highway 61")
_ROAD_DESIGNATOR = (r"(?:(?:(?<=Rd)|(?<=Road)|(?<=Hwy)|(?<=Highway)|(?<=Route)|(?<=Rte))"
                    r"[ \t](?:[A-Z]{1,2}|\d{1,4})(?![\w\-]))?")
# the street type first, as in Spanish, French and Italian names ("Camino del Sol", "Paseo de
# Peralta", "El Camino Real", "Rue de la Paix")
_TYPE_FIRST = (r"(?:El[ \t]+)?(?:Calle|Camino|Paseo|Avenida|Via|Rue|Strada|Rua|Carrera|Boulevard)"
               r"(?:[ \t]+(?:del|de|la|las|los|el|da|do|dos)){0,2}"
               r"(?:[ \t]+(?!(?:Ste|Suite|Apt|Unit|Bldg|Fl|Rm|Spc|Lot)\b)[A-Z][\w'’.\-]*){1,3}")
# (a Hawaiian house number has a zone before its dash: "61-1927 Kaiwiula Loop")
STREET = (rf"{_STREET_START}\d{{1,6}}(?:-(?<!(?:19|20)\d\d-)\d{{1,4}}|-?[A-Za-z])?"
          r"(?:[ \t]+1/2)?[ \t]+"
          rf"(?:(?:[NSEW]\.?[ \t]+)?{_TYPE_FIRST}|(?:{_STREET_WORD}[ \t]+){{0,4}}"
          # a suffix in capitals before a ZIP is the state ("… Kalispell MT 59951", "… CT 06830")
          rf"{STREET_SUFFIX}|(?:{_STREET_WORD}[ \t]+){{1,4}}{_STREET_SUFFIX_CAPS}"
          r"(?![*~|]|[ \t]+\d{5}(?![\w.]|-\d)|[ \t]+\d{5}-\d{4}\b))"
          rf"{_ROAD_DESIGNATOR}\.?"
          rf"(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\.?)?{SECONDARY}(?!\w|['’]\w)")


STATE_NAMES = ("Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|"
               "Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|"
               "Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|"
               "Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|"
               "North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|"
               "South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|"
               "Wisconsin|Wyoming|Puerto Rico|District of Columbia")
#: State codes after "City, ": all but OK, which logs say far more often ("in Handler, OK").
_CITY_STATES = "|".join(c for c in STATE_CODES.split("|") if c != "OK")
#: Words after which "City, ST" is a place someone is in, comes from or goes to.
_PLACE_CUES = "in|to|from|at|near|of|moved|relocated|lives|resides|living|residing|location"
_HANDLE_WORDS = frozenset("""failed failure succeeded success error errors locked unlocked
attempt attempts for from was is are has had not reset expired disabled enabled created
deleted updated required requested denied blocked ok timeout the and page screen flow""".split())  # noqa: SIM905


_LOWER_SUFFIX = ("avenue|ave|street|st|road|rd|drive|dr|lane|ln|boulevard|blvd|court|ct|way|"
                 "place|pl|parkway|pkwy|terrace|ter|circle|cir|highway|hwy|trail|trl")
#: Words that never name a street: a number before them counts something ("500 errors in
#: the way", "3 retries on the road").
_NOT_STREET_WORDS = frozenset("""
a an the in on at to of for by and or but is was are were be been with from per this that
these those it its my your our their his her error errors retries retry times requests
rows items ms seconds minutes hours days users records jobs tasks messages
""".split())  # noqa: SIM905


def _street_words(value: str) -> bool:
    """A lower-case street: its words between number and suffix are no sentence words."""
    words = value.split()[1:-1]
    return bool(words) and not any(w.strip(".,") in _NOT_STREET_WORDS for w in words)


def _handle(value: str) -> bool:
    """A user name, not the log's next word ("Portal login failed")."""
    low = value.lower().rstrip(".")
    return any(c.isdigit() or c in "._-" for c in low) or low not in _HANDLE_WORDS


_ID_BEFORE = re.compile(r"(?:\bid|_id|Id|ID|#|\b(?:issue|event|order|ticket|job|batch|trace|"
                        r"transaction|invoice|build|run|request))[\"'\s:=]*$")


_X12_PHONE_QUALIFIER = re.compile(r"\*(?:TE|FX|CP|HP|WP|EX|BN)\*\Z")
_JSON_NUMBER_KEY = re.compile(r'"([\w\-]{1,40})"[ \t]*:[ \t]*\Z')
_PHONE_KEY = re.compile(r"(?i)phone|tel|mobile|cell|fax|msisdn|sms|contact|number")


def _fax_or_phone(text: str, start: int, end: int) -> str | None:
    """FAX when "fax" is the nearest cue before the number, else PHONE; a bare digit run right
    after an id label (`issue_id: 4218258981`, `job #4218258981`) is an id, not a phone."""
    if text[start:end].isdigit() and _ID_BEFORE.search(text[max(0, start - 24):start]):
        return None
    if start and text[start - 1] == "*" and not _X12_PHONE_QUALIFIER.search(
            text, max(0, start - 4), start):
        return None  # an X12 element (`TRN*1*6834901694`); a phone follows TE/FX/CP there
    key = _JSON_NUMBER_KEY.search(text, max(0, start - 48), start)
    if key and (end == len(text) or text[end] != '"') and not _PHONE_KEY.search(key.group(1)):
        return None  # `"memory_size": 8589934592`: a JSON number under no phone key
    window = text[max(0, start - 48):start].lower()
    fax = window.rfind("fax")
    if fax < 0:
        return "PHONE"
    other = max(window.rfind(w) for w in ("phone", "tel", "mobile", "cell", "voicemail", "sms"))
    return "FAX" if fax > other else "PHONE"


_HEX_DIGEST = re.compile(r"(?=[0-9a-f]*[a-f])[0-9a-f]{8,}")


def _plan_number(value: str) -> bool:
    """Five digits or more, and not a lower-case hex digest ("crash group f1bcad604267")."""
    return sum(c.isdigit() for c in value) >= 5 and not _HEX_DIGEST.fullmatch(value)


def _age(value: str) -> bool:
    return value.isdigit() and 90 <= int(value) <= 125


def _zip_unless_id(text: str, start: int, end: int) -> str | None:
    """"payer ID 10389", "member ID 12345": Idaho's code is also the word ID."""
    before = text[max(0, start - 16):start]
    if before.rstrip(" ,").endswith("ID") and re.search(r"[a-z#][ \t]+ID,?[ \t]*\Z", before):
        return None
    return "ZIP"


def _not_zero_date(value: str) -> bool:
    """Not a zero value: Go's `time.Time{}` prints 0001-01-01, MySQL's zero date 0000-00-00."""
    return not value.startswith(("0001-01-01", "0000-00-00", "00/00/0000"))


def _plate(value: str) -> bool:
    """A plate has a digit and is not the model year of a vehicle ("vehicle 2015 Nissan")."""
    return _has_digit(value) and not re.fullmatch(r"(?:19|20)\d\d", value)


def _has_digit(value: str) -> bool:
    return any(c.isdigit() for c in value)


def _city_words(value: str) -> bool:
    from relay.scrub import names  # names imports this module

    return not any(w.casefold() in names.STOP_WORDS for w in re.split(r"[ \-]", value))


def _residence(value: str) -> bool:
    """A town someone lives in: no state or country ("moved to Oregon" says too little)."""
    from relay.scrub import names  # names imports this module

    low = value.casefold()
    return _city_words(value) and low not in names.STATES and low not in names.COUNTRIES \
        and not any(w in names.TECH_WORDS for w in low.split())  # "the move to Kubernetes"


def town_words(value: str) -> bool:
    """Words that may name a town: not all ordinary English words ("Main Street", "Downtown")."""
    from relay.scrub import names  # names imports this module

    english = names.english()
    return _city_words(value) and not all(
        w.casefold().rstrip(".") in english for w in re.split(r"[ \-]", value))


def _digits_at_least(n: int) -> Validator:
    return lambda value: sum(c.isdigit() for c in value) >= n


def _account_number(text: str, start: int, end: int) -> str | None:
    """Four digits or more, and no hash (a Twilio `ACc8dadc79…` SID is hex); not a cloud
    provider's account (`stream audit-events under account 818346497129`, AWS's twelve
    digits in an AWS error)."""
    value = text[start:end]
    if sum(c.isdigit() for c in value) < 4 or re.fullmatch(r"[0-9a-f]{16,}", value):
        return None
    if cloud_account(text, start, end):
        return None
    return "ACCOUNT"


_CLOUD = re.compile(r"amazonaws|\bAWS|\barn:aws|Amazon[A-Z]")


def cloud_account(text: str, start: int, end: int) -> bool:
    """Twelve digits in an AWS message are the AWS account's number. The message is the
    kilobyte either side: a log of a thousand such numbers is not read a thousand times."""
    value = text[start:end]
    return len(value) == 12 and value.isdigit() and \
        _CLOUD.search(text, max(0, start - 1000), end + 1000) is not None


def _month_day(value: str) -> bool:
    month, day = value.split("/")
    return v.month_day(int(month), int(day))


def _compact_month_date(value: str) -> bool:
    """`23JUN1943`: a real calendar day."""
    low = value.lower()
    i = next(i for i, c in enumerate(low) if c.isalpha())
    return v.ymd(int(low[i + 3:]), _MONTH_WORDS.index(low[i:i + 3]) + 1, int(low[:i]))


def _xpn_name(value: str) -> bool:
    """FAMILY^GIVEN is a person when the list knows one of the two (not `SBH^MR`, `ADT^A`),
    or when both are words of four letters or more that no English or log list has
    (`AUMUA^MALIA`; not `PHONE^HOME`)."""
    from relay.scrub import names  # names imports this module

    family_given = value.split("^")[:2]
    return any("E" not in (f := names.known(p)) and f for p in family_given) or all(
        len(p) >= 4 and names.unknown_word(p, caps=True) for p in family_given)


def _us_date(value: str) -> bool:
    parts = re.split(r"[/\-.]", value.split(" ", 1)[0])
    month, day, year = int(parts[0]), int(parts[1]), int(parts[2])
    if len(parts[2]) == 2:
        year += 1900 if year > 30 else 2000
    return v.ymd(year, month, day)


def _ocr_date(value: str) -> bool:
    """A month/day/year read off a scan, a zero read as the letter O (`O7/23/1988`)."""
    return "O" in value and _us_date(value.replace("O", "0"))


def _day_first_date(value: str) -> bool:
    day, month, year = (int(p) for p in value.split("/"))
    return v.ymd(year, month, day)


def _dotted_date(value: str) -> bool:
    """12.04.1987 (day first, Europe) or 04.12.1987 (month first): either reading will do."""
    a, b, year = (int(p) for p in value.split("."))
    return v.ymd(year, b, a) or v.ymd(year, a, b)


def _iso_date(value: str) -> bool:
    parts = re.split(r"[/\-.]", value)
    return v.ymd(int(parts[0]), int(parts[1]), int(parts[2]))


#: Accounts of systems and roles, not people (`user=postgres`, `actor=system`).
SYSTEM_ACCOUNTS = frozenset("""
root admin administrator postgres mysql mariadb redis rabbitmq guest anonymous anon nobody
daemon system sys www-data nginx apache httpd ubuntu ec2-user centos debian jenkins git
gitlab github deploy deployer service app api worker cron celery sentry relay default unknown
none null test tester demo readonly readwrite replicator replication backup monitor monitoring
healthcheck bot unauthenticated public internal superuser sa dbo oracle sysdba scheduler
automation integration
""".split())  # noqa: SIM905
_SERVICE_PREFIX = ("svc", "sa-", "sa_", "srv", "system", "service", "bot-", "bot_")
_LOGIN_SHAPE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[._\-][A-Za-z0-9]+){0,3}")
_LOGIN_WORDS = re.compile(r"[a-z]+")
_HEXISH = re.compile(r"(?=[^0-9]*[0-9])[0-9a-fA-F\-]{8,}")


def login(value: str) -> bool:
    """Whether an account name is a person's login ("chaddad", "dariush.delvalle",
    "golnaz.mensah07") rather than a system's ("postgres", "svc_billing", "app-rw") or a
    database's id (`user=42`): a handle none of whose words is a system's, a technology's or
    an ordinary English word that is no name."""
    from relay.scrub import names  # names imports this module

    if not 3 <= len(value) <= 40 or not _LOGIN_SHAPE.fullmatch(value) or value.isupper() \
            or _HEXISH.fullmatch(value):  # a hash's, a UUID's or a database's id
        return False
    low = value.lower()
    if low in SYSTEM_ACCOUNTS or low.startswith(_SERVICE_PREFIX):
        return False
    english = names.english()
    return not any(
        part in SYSTEM_ACCOUNTS or part in names.TECH_WORDS or
        (len(part) >= 3 and part in english and not names.known(part).strip("E"))
        for part in _LOGIN_WORDS.findall(low))


#: A record number people read out, written on its own: a short letter prefix and six to
#: twelve digits ("card says U30545926-01", "eligibility ok for PT-1083057", "ID: XKR608634757").
#: Not inside a path, a key, an HL7/X12 field or a word.
RECORD_CODE = (r"(?<![\w./:#=\-@$%*|^~\\])(?P<v>[A-Z]{1,4}-?(?:\d{6,12}(?:-\d{1,3})?|"
               # digits in groups, seven or more in all: "PR-9188-561356", "F8001-88428"
               r"(?=(?:\D{0,2}\d){7})\d{3,8}(?:-\d{2,8}){1,2}))"
               r"(?![\w/\-]|\.\w|[*|^~])")
#: Prefixes of transactions, messages and tickets (opaque keys, kept): ServiceNow's INC/RITM,
#: HL7 control ids (ADT, ACK, ORU, MSG), orders, invoices, batches, trailers; and of standards
#: and code sets (CVE-2024-12345, ISO-8601-2019, NDC-0002-3227).
_TRANSACTION_PREFIXES = frozenset("""
INC RITM CHG PRB TASK REQ SR ORD PO SO INV ADT ACK ORU ORM MSG MSA TRL HDR BAT BATCH B TXN TX
TRN JOB RUN BLD CVE TKT TCK REF CTL ICN DCN EV EVT CS CASE CLM ERR E KB SKU LOT
ISO IEC RFC IEEE ANSI NIST FIPS SP PCI SOC UTF SHA MD TLS SSL DSM ICD CPT NDC CMS HCPCS MS
""".split())  # noqa: SIM905
#: The words before a transaction's key: `ticket INC0063886`, `batch B395492042`,
#: `invoiceNumber>INV-805437`, `control id ADT4750291`.
_TRANSACTION_BEFORE = re.compile(
    r"(?i)(?:ticket|job|batch|ref|reference|invoice\w*|order\w*|control(?:\s+(?:id|number|no))?|ctrl|"
    r"trace|request|req|txn|transaction|confirmation|incident|build|run|commit|release|version|"
    r"message|msg|tracking|shipment|sku|lot|model|part|firmware|error|code|err|claim|icn|"
    r"check|eft|payment|deposit|remittance|sequence|seq|superbill|statement|receipt|"
    r"document|doc|attachment|upload|form|report)\W{0,3}$")


def _record_code(text: str, start: int, end: int) -> str | None:
    letters = text[start:end].split("-", 1)[0].rstrip("0123456789")
    if letters in _TRANSACTION_PREFIXES:
        return None
    if _TRANSACTION_BEFORE.search(text, max(0, start - 32), start):
        return None
    return "OTHER_ID"


def _public_v6(value: str) -> bool:
    """A client's IPv6 address, whole or cut short; not a link-local, unique-local or
    loopback one."""
    low = value.lower()
    return not low.startswith(("fe8", "fe9", "fea", "feb", "fc", "fd", "::1", "0:"))


def _names_handle(value: str) -> bool:
    """`ngozi.adeyemi`: a given name that is no English word, then a surname the list
    knows."""
    from relay.scrub import names  # names imports this module

    first, last = re.split(r"[._]", value, maxsplit=1)
    return first in names.plain_given_names() and "L" in names.known(last)


_STATE_NAME_SET = frozenset(n.casefold() for n in STATE_NAMES.split("|"))


def _city_not_state(value: str) -> bool:
    """A town before a state's name, not a list of states ("Washington, Oregon") nor
    ordinary words ("Error, Texas")."""
    return value.casefold() not in _STATE_NAME_SET and town_words(value)


def _slug_name(value: str) -> bool:
    """`araceli-ogunleye`: parts the name lists know, none of them an English word."""
    from relay.scrub import names  # names imports this module

    parts = value.split("-")
    english = names.english()
    return all(p not in english for p in parts) and any(names.known(p).strip("E") for p in parts)


def _signature(value: str) -> bool:
    """Words that sign a message: no ordinary English or log word; one word is a given name
    the list knows, two hold a name the lists know."""
    from relay.scrub import names  # names imports this module

    words = value.split()
    english = names.english()
    if any((w.casefold() in english and "F" not in names.known(w)) or
           w.casefold() in names.STOP_WORDS for w in words):
        return False
    if len(words) == 1:
        return words[0][0].isupper() and "F" in names.known(words[0])
    return any(names.known(w).strip("E") for w in words)


def _person_words(value: str) -> bool:
    """Two to four words of a person's name in any case, not all English or log words
    ("JAMA, BASHIR", "bereket gebremedhin"; not "read only", "Google Chrome")."""
    from relay.scrub import names  # names imports this module

    words = [w for w in re.split(r"[ ,\t]+", value) if w]
    return 2 <= len(words) <= 4 and words[-1] not in names.STATE_CODE_SET and \
        not all(map(names.ordinary_word, words)) and \
        not any(w.casefold() in names.STOP_WORDS for w in words)


def _given_word(value: str) -> bool:
    """A handoff's giver is a name, not a shift or a team ("Day -> Night"); the arrow's
    other side is read by `detectors.name_neighbours`."""
    from relay.scrub import names  # names imports this module

    return not names.ordinary_word(value)


def _given_only(value: str) -> bool:
    """A given name the list knows that is no ordinary English word ("Juanita", not "Will",
    "Jasmine" or "Chrome")."""
    from relay.scrub import names  # names imports this module

    return value.casefold() in names.plain_given_names()


_RELATIONS = ("best friend|friend|cousin|mom|mother|dad|father|sister|brother|aunt|uncle|"
              "grandma|grandmother|grandpa|grandfather|wife|husband|partner|son|daughter|"
              "neighbor|neighbour|roommate|girlfriend|boyfriend|guardian|coach|pastor|"
              "youth pastor|sponsor|caseworker|teacher")


#: Labels and relatives a name follows in Chinese, Japanese, Korean and Arabic forms.
_SCRIPT_LABELS = ("紧急联系人|联系人|聯絡人|患者|病人|姓名|监护人|母亲|父亲|母親|父親|妻子|丈夫|"
                  "儿子|女儿|兒子|女兒|哥哥|姐姐|弟弟|妹妹|緊急連絡先|連絡先|氏名|연락처|보호자|"
                  "환자|성명|이름|어머니|아버지|남편|아내|الطوارئ|المريض|المريضة|الاسم")
SCRIPT_LABEL_WORDS = frozenset(_SCRIPT_LABELS.split("|"))


#: What a person, not a service, is said to do in a note: "Maricel aware", "Cletus could not
#: join", "Anbarasi moved in".
_PERSON_VERBS = ("aware|could|would|called|calls|said|says|reports|reported|states|stated|denies|"
                 "denied|endorses|endorsed|moved|missed|no[- ]?showed|cancell?ed|arrived|agreed|"
                 "declined|requested|asked|wants|wanted|needs|prefers|lives|texted|emailed|phoned|"
                 "confirmed|feels|felt|admits|admitted|returned|rescheduled|attended|presented|"
                 "mentioned|disclosed|tearful")


_ORG_ENDINGS = frozenset({"inc", "llc", "corp", "co", "company", "ltd", "lp", "llp", "pc",
                          "hospital", "clinic", "center", "centre", "insurance", "county",
                          "city", "department", "bank", "health", "group", "services"})


def _no_organisation(value: str) -> bool:
    """Words of a person, not of a company or an agency ("State v. Acme Health" is none),
    nor only ordinary words ("Patient(Not Found)")."""
    from relay.scrub import names  # names imports this module

    words = re.findall(r"[^\W\d_]+", value)
    return bool(words) and not any(w.casefold() in _ORG_ENDINGS for w in words) and not all(
        w.casefold() in names.english() and not names.known(w).strip("E") for w in words)


def _caps_surname(value: str) -> bool:
    """`LIANG, Z.`: a surname the lists know (not as an English word only), or a word of
    four letters or more that neither list knows, with a vowel ("YELLOWHORSE"), not "NOTE"."""
    from relay.scrub import names  # names imports this module

    last = value.split(",")[0]
    flags = names.known(last)
    return last.casefold() not in names.STOP_WORDS and (
        (bool(flags) and "E" not in flags) or (names.unknown_word(last, caps=True) and
                                   any(c in "AEIOUY" for c in last)))


def _common_name(value: str) -> bool:
    """A directory entry's or a certificate's name that is a person's: "Santos\\, Minh"
    (an escaped comma: last, first), or two to four capitalised words, one of them a name
    (not "api.example.org", "Let's Encrypt R3", "Clinicians")."""
    from relay.scrub import names  # names imports this module

    value = value.strip()
    if any(c.isdigit() or c in "._@*" for c in value):
        return False
    words = [w for w in re.split(r"\\,[ ]?|[ ]", value) if w]
    if not 2 <= len(words) <= 4 or not all(names.is_capitalised(w) for w in words):
        return False
    if "\\," in value:
        return True
    return _no_organisation(value) and any(
        names.known(w).strip("E") or names.unknown_word(w) for w in words)


def _given_or_unknown(value: str) -> bool:
    """A given name the list knows that is no ordinary word, or a word neither list knows."""
    from relay.scrub import names  # names imports this module

    return _given_only(value) or names.unknown_word(value)


def _not_words(value: str) -> bool:
    """Not only ordinary English words ("Mom", "Best Friend" are no names)."""
    from relay.scrub import names  # names imports this module

    return not all(w.casefold() in names.english() or w.casefold() in names.STOP_WORDS or
                   w.casefold() in names.STRONG_CUES for w in value.split())


def _given_then_initial(value: str) -> bool:
    """`Rizalino B.`: a given name and the initial of a surname, as group notes and SMS
    lists write clients; the word must be a given name the list knows or a word neither list
    nor the dictionary knows ("Plan B.", "Vitamin D." stay)."""
    from relay.scrub import names  # names imports this module

    word = value.split(" ", 1)[0]
    flags = names.known(word)
    return word.casefold() in names.plain_given_names() or (
        not flags and names.unknown_word(word))


_VERSION_BEFORE = re.compile(r"(?i)version[\"']?[ \t]*[:=]?[ \t]*[\"']?$")


def _date_unless_version(text: str, start: int, end: int) -> str | None:
    """`api_version 2024-06-20`, `"apiVersion": "2023-10-16"`: a dated API version."""
    return None if _VERSION_BEFORE.search(text, max(0, start - 24), start) else "DATE"


def _py_date(value: str) -> bool:
    parts = [int(p) for p in re.findall(r"\d+", value)]
    return len(parts) == 3 and v.ymd(*parts)


def _card_not_imei(value: str) -> bool:
    ds = v.digits(value)
    if len(ds) == 15 and ds[:2] not in {"34", "37"}:
        return False
    return v.card(value)


def _imei_not_card(value: str) -> bool:
    ds = v.digits(value)
    return v.imei(ds) and ds[:2] not in {"34", "37"}


_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                "dec")
_D = "digit"

BUILTIN: tuple[Rule, ...] = (
    # --- secrets -------------------------------------------------------------------------
    rule("secret.bearer", "SECRET", r"\b(?:[Bb]earer|BEARER)\s+(?P<v>[A-Za-z0-9\-._~+/]{8,}=*)",
         priority=3, needs=("bearer",)),
    rule("secret.basic_auth", "SECRET", r"\b(?:Basic|BASIC)\s+(?P<v>[A-Za-z0-9+/]{8,}={0,2})",
         priority=3, needs=("basic",)),
    rule("secret.url_password", "SECRET",
         r"\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s:/@'\"]+:(?P<v>[^\s@/'\"]+)@", priority=3,
         needs=("://",), back=24, at_keyword=False),
    rule("secret.sentry_dsn", "SECRET",
         r"\b(?P<v>[0-9a-f]{32}(?::[0-9a-f]{32})?)@(?=[\w.\-]*(?:sentry|ingest))",
         priority=4, needs=("@",), back=70, ahead=120, at_keyword=False),
    rule("secret.api_key", "SECRET",
         r"\b(?:(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,}|AKIA[0-9A-Z]{16}|"
         r"gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|xox[abposr]-[A-Za-z0-9-]{10,}|"
         r"AIza[0-9A-Za-z\-_]{35}|glpat-[A-Za-z0-9\-_]{20}|SG\.[A-Za-z0-9_\-]{16,}\.[A-Za-z0-9_\-]{16,}|"
         r"eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,})",
         priority=4, needs=("sk_live", "sk_test", "pk_live", "pk_test", "rk_live", "rk_test",
                            "akia", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_",
                            "xox", "aiza", "glpat-", "sg.", "eyj"), back=2, ahead=1200),
    # a webhook URL is its own credential: whoever has it may post (Slack, Discord, Teams)
    rule("secret.webhook_url", "SECRET",
         r"(?:hooks\.slack\.com/(?:services|workflows|triggers)/|discord(?:app)?\.com/api/webhooks/|"
         r"webhook\.office\.com/webhookb2/)(?P<v>[A-Za-z0-9_\-/@.]{16,})",
         priority=4, needs=("hooks.slack.com/", "/api/webhooks/", "webhook.office.com/"),
         back=40, ahead=300, at_keyword=False),
    rule("secret.private_key", "SECRET",
         r"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----",
         priority=4, needs=("-----begin",), back=0, ahead=8000),
    rule("card.luhn", "CARD",
         r"(?<![\w\-.])(?:\d{13,19}|\d{4}(?:[ \-]\d{4}){2}[ \-]\d{1,7}|\d{4}[ \-]\d{6}[ \-]\d{4,5})"
         r"(?![\w\-]|\.\d)",
         _card_not_imei, priority=2, anchor=_D),
    # --- contact ---------------------------------------------------------------------------
    # URL-encoded in a query string: `?notify=jane.doe%40example.com`
    rule("email.url_encoded", "EMAIL",
         r"(?<![\w.+\-%])[\w.+\-]+%40[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
         r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w\-])",
         priority=2, needs=("%40",), back=80, ahead=260, at_keyword=False),
    # written to dodge harvesters: "theteuilam (at) live.com", "jdoe [at] gmail [dot] com"
    rule("email.obfuscated", "EMAIL",
         r"(?<![\w.+\-])[\w.+\-]+[ \t]?[(\[](?i:at)[)\]][ \t]?[A-Za-z0-9\-]+"
         r"(?:(?:\.|[ \t]?[(\[](?i:dot)[)\]][ \t]?)[A-Za-z0-9\-]+)*"
         r"(?:\.|[ \t]?[(\[](?i:dot)[)\]][ \t]?)[A-Za-z]{2,24}(?![\w\-])",
         priority=2, needs=("(at)", "[at]"), back=80, ahead=120, at_keyword=False),
    # read out in a voicemail: "jane dot doe at gmail dot com"
    rule("email.spoken", "EMAIL",
         r"(?i)(?<![\w.\-])[a-z0-9_]+(?:[ \t]+(?:dot|underscore)[ \t]+[a-z0-9]+)*[ \t]+at[ \t]+"
         r"[a-z0-9\-]+(?:[ \t]+dot[ \t]+[a-z0-9\-]+)*[ \t]+dot[ \t]+"
         r"(?:com|net|org|edu|gov|us|io|co|info|me)(?![\w\-])",
         priority=2, needs=(" dot com", " dot net", " dot org", " dot edu", " dot gov", " dot us",
                            " dot io", " dot co", " dot info", " dot me"),
         back=120, ahead=24, at_keyword=False),
    rule("email", "EMAIL",
         r"(?<![\w.+\-])[\w.%+\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
         r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w\-])",
         v.person_email, priority=2, needs=("@",), back=80, ahead=260, at_keyword=False),
    rule("phone.nanp", "PHONE",
         r"(?<![\w+\-./])(?:(?:\+?1|001)[\s.\-]?)?(?:\(\s*[2-9]\d{2}\s*\)|[2-9]\d{2})[\s.\-/]?[2-9]\d{2}"
         r"[\s.\-]?\d{4}(?:\s*(?:x|ext\.?|extension|#)\s*\d{1,6})?(?![\w\-]|\.\d)",
         v.nanp, priority=2, kind_of=_fax_or_phone, anchor=_D),
    rule("phone.intl", "PHONE",
         r"(?<![\w+])\+(?!1\b)[2-9]\d{0,2}(?:[\s.\-]?\(?\d{1,5}\)?){2,6}(?![\w\-]|\.\d)",
         _digits_at_least(8), priority=2, kind_of=_fax_or_phone, anchor=_D),
    # dialled from abroad with 00 for the +, in groups spaced apart: "00971 50 047 9449" (not
    # a zero-padded id, not an NDC's dashed "00911-925-07")
    rule("phone.intl_00", "PHONE",
         r"(?<![\w+.\-])00[2-9]\d{0,2}(?:[ \t]\(?\d{1,5}\)?){2,6}(?![\w\-]|\.\d)",
         _digits_at_least(10), priority=2, kind_of=_fax_or_phone, anchor=_D),
    rule("phone.context", "PHONE",
         r"(?i:\b(?:phone|tel|telephone|mobile|cell|fax|voicemail|sms|call(?:ed)?|text(?:ed)?)"
         r"\b(?:\s*(?:number|no\.?|#))?\s*(?:at|to|:|=)?\s*)(?P<v>\+?\d[\d\s.\-()]{6,18}\d)",
         _digits_at_least(7), priority=3, kind_of=_fax_or_phone,
         needs=("phone", "tel", "mobile", "cell", "fax", "voicemail", "sms", "call", "text")),
    # --- names written as HL7 does it, quoted in a message -----------------------------------
    # "identifier 1021662 already assigned to NIKOLAIDOU^STAVROS^K; incoming name HOEKSTRA^SANNE"
    rule("name.xpn", "NAME",
         # (an apostrophe inside a name, `O'NEIL^ANA`, not the quote that closes it)
         r"(?<![\w^&~])(?P<v>[A-Z](?:[A-Z\-]|'(?=[A-Z])){1,30}\^[A-Z](?:[A-Z\-]|'(?=[A-Z])){1,30}"
         r"(?:\^[A-Z]{1,3})?)(?![\w^])",
         _xpn_name, priority=2, needs=("^",), back=34, ahead=40, at_keyword=False),
    # --- national ids ----------------------------------------------------------------------
    rule("ssn.formatted", "SSN",
         r"(?<![\w\-.])(?P<v>\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4})(?![\w\-]|\.\d)",
         v.ssn, priority=2, anchor=_D),
    rule("ssn.context", "SSN",
         r"(?i:(?:\b(?:ssn|soc(?:ial)?(?:\s+sec(?:urity)?(?:\s+(?:number|no\.?|#))?)?|ss\s?no)\b"
         r"|\bss#)\W{0,4})"
         r"(?P<v>\d{3}[\- .]?\d{2}[\- .]?\d{4})(?!\d)", priority=3,
         needs=("ssn", "ss#", "soc", "ss no", "ssno")),
    # --- dates -----------------------------------------------------------------------------
    rule("date.iso", "DATE",
         rf"(?<![\w.:/\-])(?P<v>(?:19|20)\d{{2}}(?:-{_MON}-{_DAY}|/{_MON}/{_DAY}))"
         rf"(?![\w:]|[\-.]\d){_NOT_TIME}", _iso_date, priority=2, anchor=_D,
         kind_of=_date_unless_version),
    rule("date.us", "DATE",
         rf"(?<![\w./:\-])(?P<v>{_MON}/{_DAY}/(?:\d{{4}}|\d{{2}})|{_MON}-{_DAY}-(?:\d{{4}}|\d{{2}}))"
         rf"(?![\w/]|:(?![ \t\n]|$)|[\-.]\d){_NOT_TIME}", _us_date, priority=2, anchor=_D),
    rule("date.ocr", "DATE",
         r"(?<![\w/])(?P<v>(?:[0O]?[1-9]|1[0-2O])/(?:[0O]?[1-9]|[12][0-9O]|3[01O])/(?:19|20)\d{2})"
         r"(?![\w/])", _ocr_date, priority=2),
    # day first when the day says so ("20/07/1964": no month 20), as European forms print
    rule("date.day_first", "DATE",
         rf"(?<![\w./:\-])(?P<v>(?:1[3-9]|2\d|3[01])/{_MON}/(?:19|20)\d{{2}})(?![\w/:]|[\-.]\d)"
         rf"{_NOT_TIME}", _day_first_date, priority=2, anchor=_D),
    # a date serialised as midnight: `1949-07-06T00:00:00.000Z` (a JS Date, .NET DateTime2),
    # `Sun Feb 25 1990 00:00:00 GMT-0600 (…)` (JavaScript's toString): a day, not an event
    rule("date.midnight", "DATE",
         # with its fraction (`.000Z`) or no zone (.NET): a schedule's `T00:00:00Z` stays
         r"(?<![\w.:/\-])(?P<v>(?:19|20)\d{2}-[01]\d-[0-3]\dT00:00:00(?:\.0{1,7}Z?)?)"
         r"(?![\w:.+\-])", priority=2, needs=("t00:00:00",), back=24, ahead=16,
         at_keyword=False),
    # .NET's DateTime.ToString() of a date with no time: `5/25/2024 12:00:00 AM`
    rule("date.us_midnight", "DATE",
         rf"(?<![\w./:\-])(?P<v>{_MON}/{_DAY}/(?:19|20)\d{{2}} 12:00:00 AM)\b", _us_date,
         priority=2, needs=("12:00:00 am",), back=24, ahead=16, at_keyword=False),
    rule("date.js_midnight", "DATE",
         rf"\b(?P<v>(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) {MONTH} [0-3]\d (?:19|20)\d\d 00:00:00 "
         r"GMT[+\-]\d{4}(?: \([A-Za-z ]{1,40}\))?)", priority=2, needs=("00:00:00 gmt",),
         back=32, ahead=48, at_keyword=False),
    rule("date.dotted", "DATE",
         rf"(?<![\w./:\-])(?P<v>{_DAY}\.{_DAY}\.(?:19|20)\d{{2}})(?![\w/:]|[\-.]\d){_NOT_TIME}",
         _dotted_date, priority=2, anchor=_D),
    rule("date.month_name", "DATE",
         rf"(?<![\w\-])(?P<v>{MONTH}\.?\s+{_DAY}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{{2}})?)"
         rf"(?![\w:]|\.\d|,?\s+\d{{1,2}}:\d{{2}}:\d{{2}}|,?\s+(?:19|20)\d{{2}})", priority=2,
         needs=_MONTH_WORDS,
         back=2, ahead=40),
    # spoken and transcribed: "March fifth, 1949", "the twenty-first of June"
    rule("date.month_ordinal", "DATE",
         # after its month only with a year: "May first release" is a plan, not a birthday;
         # transcribed, in any case and with the year spoken ("june second nineteen fifty-six")
         rf"(?<![\w\-])(?P<v>(?i:{MONTH})\.?[ \t]+(?i:the[ \t]+)?{_ORDINAL},?[ \t]+"
         rf"(?:(?:19|20)\d{{2}}|(?i:{_SPOKEN_YEAR}))|"
         # without it when the month is no verb: "approved through july sixth"
         rf"(?i:{_FULL_MONTH})[ \t]+(?i:the[ \t]+)?{_ORDINAL}|"
         rf"(?i:the[ \t]+){_ORDINAL}[ \t]+of[ \t]+{MONTH}(?:,?[ \t]+(?:19|20)\d{{2}})?)(?![\w\-])",
         priority=2, needs=_MONTH_WORDS, back=40, ahead=48, at_keyword=False),
    rule("date.day_month", "DATE",
         rf"(?<![\w\-.])(?P<v>{_DAY}(?:st|nd|rd|th)?[ \t\-]+(?:of[ \t]+)?{MONTH}\.?(?:,?[ \t\-]+"
         rf"(?:19|20)?\d{{2}})?)"
         # not a mail/HTTP date stamp ("Thu, 14 Nov 2025 22:04:45"): a time follows
         rf"(?![\w:]|\.\d|,?[ \t\-]+(?:(?:19|20)?\d{{2}}[ \t,]+)?\d{{1,2}}:\d{{2}}{_NOT_AMPM}"
         rf"|-(?:19|20)\d{{2}}::\d)",  # Erlang's stamp: 28-Oct-2023::06:59:04
         priority=2, anchor=_D),
    # a date and its slot's time after what is booked in it: "appt 01/19/2025 16:00",
    # "overlapping sessions on Jun 9, 2025: 15:00", "offered slot 04/11 10:00" (a log's own
    # stamp has seconds, and no appointment before it)
    rule("date.slot", "DATE",
         rf"(?i:\b(?:appts?|appointments?|sessions?|slots?|visits?|intake|booked|scheduled|"
         rf"rescheduled|collected|drawn|admitted|discharged)(?:[ \t]+(?:on|for|at|to))?[ \t:]+)"
         rf"(?P<v>{_MON}/{_DAY}(?:/(?:19|20)?\d{{2}})?|(?:19|20)\d{{2}}-{_MON}-{_DAY}|"
         rf"{MONTH}\.?[ \t]+{_DAY},?[ \t]+(?:19|20)\d{{2}})"
         r"(?=:?[ \t]+\d{1,2}:\d{2}(?!:\d))", priority=2,
         needs=("appt", "appointment", "session", "slot", "visit", "booked", "scheduled",
                "collected", "drawn", "admitted", "discharged"),
         back=2, ahead=60),
    # a date message in protobuf text or a struct: `birth_date {\n year: 1975\n month: 8 …`
    rule("date.fields", "DATE",
         r"(?i:(?:birth|dob|date|day)\w{0,20}\s*[:=]?\s*[{(]\s*)"
         r"(?P<v>year\s*[:=]\s*(?:19|20)\d\d[\s,]+month\s*[:=]\s*\d{1,2}[\s,]+day\s*[:=]\s*\d{1,2})"
         r"(?!\d)", priority=3, needs=("year",), back=48, ahead=64, at_keyword=False),
    # typed in lower case before the visit it dates: "re her jan 24 appt"
    rule("date.month_day_lower_visit", "DATE",
         r"(?<![\w.])(?P<v>(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]{0,6}\.?[ \t]"
         r"\d{1,2}(?:st|nd|rd|th)?)(?=[ \t]+(?:appt|appointment|session|visit|intake|"
         r"follow-up|telehealth)\b)", priority=2,
         needs=("appt", "appointment", "session", "visit", "intake", "follow-up", "telehealth"),
         back=24, ahead=0, at_keyword=False),
    # in Spanish messages: "el 29 de diciembre", "6 de octubre de 2025"
    rule("date.day_month_es", "DATE",
         rf"(?<![\w\-.])(?P<v>{_DAY}[ \t]+de[ \t]+(?i:{_MESES})(?:[ \t]+de[ \t]+(?:19|20)\d{{2}})?)"
         r"(?!\w)", priority=2, needs=_ascii_needs(_MESES), back=12, ahead=12,
         at_keyword=False),
    # a day and a month in Polish, Haitian Creole, Somali, transliterated Hindi or Turkish
    # (the month in its own words), with a year or without: "urodzona 29 października 1989",
    # "randevou 14 oktòb", "Ballanta 11 Maajo 2024", "janam 1 joon 1925", "yom 22 Haziran"
    rule("date.day_month_i18n", "DATE",
         rf"(?<![\w\-.])(?P<v>{_DAY}\.?[ \t]+(?i:{_MONTHS_I18N})(?:[ \t]+(?:19|20)\d{{2}})?)"
         r"(?!\w)", priority=2, anchor="scan"),
    # a number read out in a voicemail transcript: "seven seven three, nine five three, two four
    # seven four" (ten digits or eleven, as words)
    rule("phone.spoken", "PHONE",
         rf"(?i)(?<![\w\-])(?P<v>{_DIGIT_WORD}(?:{_SPOKEN_SEP}{_DIGIT_WORD}){{9,10}})"
         r"(?![\w\-])",
         priority=2, anchor="scan"),
    # typed in lower case with its year: "dob june 3rd 1990", "born on march 5 1988"
    rule("date.month_name_lower", "DATE",
         r"(?<![\w\-])(?P<v>(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
         r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?[ \t]+"
         rf"{_DAY}(?:st|nd|rd|th)?,?[ \t]+(?:19|20)\d{{2}})(?![\w:]|[ \t]+\d{{1,2}}:\d{{2}})",
         priority=2, needs=_MONTH_WORDS, back=2, ahead=40),
    # a fixed-width roster's ZIP after the birth date and the sex: "19690828 M 78461"
    rule("zip.roster", "ZIP",
         # (then the line's end, a column's blanks or the next number: fixed width)
         r"(?<![\d\-])(?:19|20)\d{6}[ \t]+[MFUX][ \t]+(?P<v>\d{5}(?:-?\d{4})?)"
         r"(?=[ \t]*$|[ \t]{2}|[ \t]+\d)", priority=2, anchor="scan", flags=re.M),
    # the two people of an on-call handoff: "on-call handoff (Bilal -> Rodelio)"
    rule("name.handoff", "NAME",
         r"(?i:\bhand(?:-|[ ])?(?:off|over)[ \t]*[(:]?[ \t]*)"
         r"(?P<v>[A-Z][^\W\d_]{1,20})(?=[ \t]*(?:->|→|=>|to)[ \t]*[A-Z][^\W\d_]{1,20}"
         r"(?![\w\-]))", _given_word, priority=3,
         needs=("handoff", "hand-off", "handover", "hand off", "hand over"), back=0, ahead=60),
    # the person a login stands for, in parentheses after it: "user bash_jama (JAMA, BASHIR)",
    # "user gebremedhin.b5 (bereket gebremedhin)"
    rule("name.of_login", "NAME",
         r"(?i:\b(?:user|username|login|operator|account)[ \t]*[:=]?[ \t]*[a-z][\w.\-@]{2,40}"
         r"[ \t]+\()"
         r"(?P<v>[^\W\d_][^\W\d_'’\-]+(?:['’\-][^\W\d_]+)?(?:,?[ \t]+[^\W\d_][^\W\d_'’\-]+"
         r"(?:['’\-][^\W\d_]+)?){1,3})(?=\))", _person_words, priority=3,
         needs=("user", "login", "operator", "account"), back=0, ahead=120),
    # a client's folder named "Last, First (date of birth)": ".../Client Files/Ouyang, Jae-won
    # (1945-08-03)/Intake.docx"
    rule("name.folder", "NAME",
         r"(?<=/)(?P<v>[A-Z][^\W\d_'’\-]+(?:['’\-][^\W\d_]+)?,[ ]?[A-Z][^\W\d_]+(?:[ \-][A-Z]?"
         r"[^\W\d_]+)?)(?=[ ]\((?:19|20)\d\d-\d\d-\d\d\)/)", priority=3, anchor="scan"),
    # a name in Chinese, Japanese, Korean or Arabic script after a form's label or a relative
    # ("紧急联系人：母亲 林美玲", "緊急連絡先: 김민준", "الطوارئ: يوسف حداد")
    rule("name.script_labelled", "NAME",
         rf"(?:{_SCRIPT_LABELS})[ \t]*[:：]?[ \t]*"
         r"(?P<v>[\u3400-\u9fff\u3040-\u30ff]{2,6}|[\uac00-\ud7a3]{2,4}"
         r"|[\u0621-\u064a]{2,}(?:[ \t][\u0621-\u064a]{2,}){1,2})"
         r"(?![\u3400-\u9fff\u3040-\u30ff\uac00-\ud7a3\u0621-\u064a])",
         lambda value: value not in SCRIPT_LABEL_WORDS, priority=2),
    # a note that opens with a given name and an age: "Bronwyn, 97, seen Sunday"
    rule("name.before_age", "NAME",
         r"(?<![\w.'’@/\-])(?P<v>[A-Z][a-z]{2,20}),[ \t](?:9\d|1[01]\d)(?=,|[ \t]+(?:y|yo|yrs?|"
         r"years?|F|M|seen|female|male)\b)", _given_only, priority=2, anchor="scan"),
    # a month's abbreviation and dashes: "Apr-24-1973", "Jan-27-2024"
    rule("date.month_dash", "DATE",
         rf"(?<![\w\-])(?P<v>{MONTH}-{_DAY}-(?:19|20)\d{{2}})(?![\w\-:]|[ \t]+\d{{1,2}}:\d{{2}})",
         priority=2, needs=_MONTH_WORDS, back=2, ahead=24),
    # in Russian: "17 августа", "3 марта 1951"
    rule("date.day_month_ru", "DATE",
         r"(?<![\w\-.])(?P<v>(?:0?[1-9]|[12]\d|3[01])[ \t]+(?:января|февраля|марта|апреля|мая|июня|"
         r"июля|августа|сентября|октября|ноября|декабря)(?:[ \t]+(?:19|20)\d{2})?)(?!\w)",
         priority=2, anchor="scan"),
    # in Vietnamese: "14 tháng 6", "ngày 14 tháng 6 năm 1987"
    rule("date.day_month_vi", "DATE",
         r"(?<![\w\-.])(?P<v>(?:0?[1-9]|[12]\d|3[01])[ \t]+tháng[ \t]+(?:0?[1-9]|1[0-2])"
         r"(?:[ \t]+năm[ \t]+(?:19|20)\d{2})?)(?!\w)", priority=2, anchor="scan"),
    # in German: "geb. 4. Mai 2002", "am 12. März"
    rule("date.day_month_de", "DATE",
         rf"(?<![\w\-.])(?P<v>{_DAY}\.[ \t]?(?:{_MONATE})(?:[ \t]+(?:19|20)\d{{2}})?)(?!\w)",
         priority=2, anchor="scan"),
    # in Filipino: "Oktubre 26, 1968"
    rule("date.month_name_tl", "DATE",
         rf"(?<![\w\-])(?P<v>(?:{_BUWAN})[ \t]+{_DAY}(?:,?[ \t]+(?:19|20)\d{{2}})?)(?![\w:])",
         priority=2, needs=_ascii_needs(_BUWAN.lower()), back=2, ahead=24),
    # in Korean, or its romanisation, in Chinese and Japanese: "1988년 11월 13일",
    # "1988nyeon 11wol 13il", "1994年2月9日"
    rule("date.korean", "DATE",
         r"(?<![\w\-])(?P<v>(?:19|20)\d{2}(?:년|nyeon|年)[ \t]?\d{1,2}(?:월|wol|月)[ \t]?"
         r"\d{1,2}(?:일|il|日))"
         r"(?![a-z])", priority=2, anchor=_D),
    # in French messages: "le lundi 3 mars", "né(e) le 18 juillet 1960"
    rule("date.day_month_fr", "DATE",
         rf"(?<![\w\-.])(?P<v>(?:(?i:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)[ \t]+)?"
         rf"(?:1er|{_DAY})[ \t]+(?i:{_MOIS})(?:[ \t]+(?:19|20)\d{{2}})?)(?!\w)", priority=2,
         needs=_ascii_needs(_MOIS), back=24, ahead=12, at_keyword=False),
    # a mobile number in its national form after a trunk 0, in three groups: "0918 233 3715"
    # (Philippines), "0903 479 180" (Vietnam), "07911 123456" is two groups and stays
    rule("phone.national_mobile", "PHONE",
         r"(?<![\w+.\-/])0[1-9]\d{2,3}[ \t.\-]\d{3}[ \t.\-]\d{3,4}(?![\w\-]|[ \t.\-]\d|\.\d)",
         priority=2, anchor=_D),
    # a French number in pairs: "06 78 90 01 47", "+33 6 78 90 01 47"
    rule("phone.fr", "PHONE",
         r"(?<![\w+.\-])(?:\+33[ \t.]?[1-9]|0[1-9])(?:[ \t.]\d{2}){4}(?![\w\-]|[ \t.]\d{2}\b)",
         priority=2, anchor=_D),
    # a person's appointment: a month/day with a clock time ("9/23 4:15pm", "9/10 at 4:45pm")
    rule("date.month_day_time", "DATE",
         rf"(?<![\w./:\-])(?P<v>{_MON}/{_DAY})(?=[ \t]+(?:at[ \t]+|@[ \t]*)?\d{{1,2}}(?::\d{{2}})?"
         r"[ \t]?(?i:am|pm|a\.m\.|p\.m\.)(?!\w))", _month_day, priority=2, anchor=_D),
    # "Mon 12/11", "Thu, 5/23": a weekday names a day on a calendar
    rule("date.weekday_month_day", "DATE",
         rf"(?i:\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?"
         rf"[ \t]+)(?P<v>{_MON}/{_DAY})(?![\w/]|\.\d)", _month_day, priority=2,
         needs=("mon", "tue", "wed", "thu", "fri", "sat", "sun")),
    # "23JUN1943", "29NOV2003": driver's licences, mainframe and X12 exports
    rule("date.compact_month", "DATE",
         rf"(?<![\w])(?P<v>{_DAY}(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
         r"(?:19|20)\d{2})(?![\w])", _compact_month_date, priority=2, anchor=_D),
    rule("date.month_year", "DATE",
         rf"(?<![\w\-])(?P<v>{MONTH}\.?,?\s+(?:19|20)\d{{2}})"
         rf"(?![\w:\-]|\.\d|[ \t]+\d{{1,2}}:\d{{2}})", priority=1,
         needs=_MONTH_WORDS, back=2, ahead=40),
    # not an X12 transaction stamp (BHT*0022*13*…*20251223*1330~: a date, then its time)
    # (not a version: "SCRIPT version 20170715")
    rule("date.compact", "DATE", r"(?<![\w.\-:+])(?<!version )(?<!Version )(?<!VERSION )"
         r"(?P<v>(?:19|20)\d{6})(?![\w\-:]|\.\w)"
         r"(?!\*\d{4}(?:\d{2})?(?:~|\*|$))", v.compact_date, priority=2, anchor=_D),
    # an iCalendar date-only value is a day in someone's calendar (DTSTART;VALUE=DATE:…)
    rule("date.ical", "DATE", r"(?i:;VALUE=DATE:)(?P<v>(?:19|20)\d{6})(?!\d)", v.compact_date,
         priority=3, needs=(";value=date:",), back=0, ahead=24),
    rule("date.python", "DATE",
         r"\bdate\(\s*(?P<v>\d{4}\s*,\s*\d{1,2}\s*,\s*\d{1,2})\s*\)", _py_date, priority=3,
         needs=("date(",), back=8, ahead=40),
    rule("date.month_day_context", "DATE",
         rf"(?i:\b(?:on|session|appointment|appt|visit|due|dob|born|since|until|next|date|seen|"
         rf"scheduled|rescheduled|admitted|discharged|birthday|from|through|thru|rtc|f/u|"
         rf"follow[\s\-]up|return|confirmed for|booked for|cita|fecha|dos|attended|missed|"
         rf"no[\s\-]?show(?:ed)?|cancell?ed|handoff|ooo|superbill|absent|came in|make|today|"
         rf"tonight|tomorrow|reminder for|remind(?:er)?|consulta de|cita de)\b"
         rf"(?:[\s:]+(?:is|was|on|for|at|to|set for|moved to|del|el|para))?[\s:]+\(?)"
         # day first when the day says so (22/11): Spanish, Vietnamese, European notes
         rf"(?P<v>{_MON}/{_DAY}|(?:1[3-9]|2\d|3[01])/{_MON})(?![\w/]|\.\d)", priority=2,
         needs=("on ", "session", "appointment", "appt", "visit", "due", "dob", "born", "since",
                "until", "next", "date", "seen", "scheduled", "rescheduled", "admitted",
                "discharged",
                "birthday", "from ", "through", "thru", "rtc", "f/u", "follow", "return",
                "confirmed for", "booked for", "cita", "fecha", "dos", "attended", "missed",
                "show", "cancel", "handoff", "ooo", "superbill", "absent", "came in", "make",
                "today", "tonight", "tomorrow", "remind", "consulta de", "cita de"),
         back=20, ahead=40),
    # Vietnamese: an appointment, a day ("hẹn ngày 22/11"); the prefilter reads an ASCII
    # shadow ("han ngay"), so a trigger, not a keyword, finds it
    rule("date.month_day_vi", "DATE",
         rf"(?i:(?<!\w)(?:hẹn(?:[ \t]+ngày)?|ngày)[ \t:]+)"
         rf"(?P<v>{_MON}/{_DAY}|(?:1[3-9]|2\d|3[01])/{_MON})(?![\w/]|\.\d)", priority=2,
         anchor="scan"),
    # a month-day with a dash after the visit it dates ("appt 4-26 at 4:00", "missed appt on
    # 8-18"); a dash alone is a range elsewhere ("from 9-17", "on 3-5 nodes")
    rule("date.month_day_dash", "DATE",
         rf"(?i:\b(?:session|appointment|appt|visit|seen|scheduled|rescheduled|admitted|"
         rf"discharged|dos|rtc|f/u|follow[\s\-]up)\b(?:[ \t]+(?:is|was|on|for|set for|moved to))?"
         rf"[ \t:]+)(?P<v>{_MON}-{_DAY})(?![\w/\-]|\.\d|[ \t]*(?:min|h|hrs?|days?|weeks?)\b)",
         priority=2, needs=("session", "appointment", "appt", "visit", "seen", "scheduled",
                            "admitted", "discharged", "dos", "rtc", "f/u", "follow"),
         back=20, ahead=40),
    # a month/day before the visit it dates ("about the 05/13 session")
    rule("date.month_day_visit", "DATE",
         rf"(?<![\w/.\-])(?P<v>{_MON}/{_DAY})(?=[ \t]+(?i:session|appointment|appt|visit|intake|"
         rf"follow-up|check-in|telehealth|therapy)\b)", priority=2,
         needs=("session", "appointment", "appt", "visit", "intake", "follow-up", "check-in",
                "telehealth", "therapy"), back=8, ahead=0, at_keyword=False),
    rule("date.dob_context", "DATE",
         r"(?i:\b(?:dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date|born(?:\s+on)?)\b\W{0,3})"
         # whole: "DOB 01/02/1990: …" is no "01/02" and a year (a time's colon has digits after)
         # (a form read by OCR spaces its separators: "Date of Birth 07 / 14 / 1939")
         r"(?P<v>\d{1,4}(?:[/\-.]|[ ][/\-][ ])\d{1,2}(?:(?:[/\-.]|[ ][/\-][ ])\d{2,4})?)"
         r"(?![\w/]|:\d|[\-.]\d)", _not_zero_date,
         priority=3,
         needs=("dob", "d.o.b", "birth", "born"), back=16, ahead=48, at_keyword=False),
    # --- age ---------------------------------------------------------------------------------
    # a relative's age in brackets: "Grandmother (91) is the only emergency contact"
    rule("age.relation", "AGE_OVER_89",
         rf"(?i:\b(?:{_RELATIONS})[ \t]*\()(?P<v>9\d|1[01]\d)(?=\))", priority=3,
         needs=tuple(_RELATIONS.split("|")), back=0, ahead=40),
    # "just my nana, she's 92", "he is 96 and needs help"
    rule("age.pronoun", "AGE_OVER_89",
         r"(?i:\b(?:(?:she|he|patient|pt|client|mother|father|mom|dad|grandmother|grandfather|"
         r"husband|wife|spouse)(?:'s|’s|\s+is|\s+was|\s+turns|\s+turned)|hes|shes)\s+"
         r"(?:now\s+|almost\s+|about\s+)?)"
         r"(?P<v>\d{2,3})(?!\d|\.\d|%)(?!\s*(?:%|percent|mg|kg|lbs?|pounds|minutes|mins|days|"
         r"weeks|months|feet|ft|in\b|cm))", _age, priority=3,
         needs=("she", "he's", "he is", "he was", "hes", "patient", "pt ", "client", "mother",
                "father", "mom", "dad", "grand", "husband", "wife", "spouse"),
         back=0, ahead=48),
    rule("age.context", "AGE_OVER_89",
         r"(?i:\b(?:age|aged|ages|edad)\b\s*(?:\([a-z ]{1,12}\)\s*)?[:=]?\s*)"
         r"(?P<v>\d{2,3})(?!\d|\.\d)", _age, priority=3, needs=("age", "edad"), back=4,
         ahead=40),
    # "turns 95 next week", "her 95th birthday"
    rule("age.turns", "AGE_OVER_89",
         r"(?i:\bturn(?:s|ed|ing)\s+)(?P<v>\d{2,3})\b(?!\s*(?:%|percent|mg|minutes|days))",
         _age, priority=3, needs=("turn",), back=0, ahead=24),
    rule("age.birthday", "AGE_OVER_89",
         r"(?<![\w.])(?P<v>\d{2,3})(?=(?:st|nd|rd|th)\s+birthday\b)", _age, priority=3,
         needs=("birthday",), back=16, ahead=2, at_keyword=False),
    # a sex then the age in a clinical shorthand: "F, 93, lives alone"
    rule("age.sex_first", "AGE_OVER_89",
         r"(?<![\w.])(?:F|M|female|male),[ \t]?(?P<v>9\d|1[01]\d|12[0-5])"
         r"(?=[,;)]|\s+(?:y/?o|yo|years?)\b)", _age, priority=2, anchor="scan"),
    # the age an error reports: "admission age out of range (97)", "age invalid: 101"
    rule("age.reported", "AGE_OVER_89",
         r"(?i:\bage\b(?:[ \t]+[a-z]+){1,4}[ \t]*(?:\(|:[ \t]*))(?P<v>\d{2,3})"
         r"(?=\)|[ \t]*(?:$|[,;\n]|\.(?!\d)))",
         _age, priority=3, needs=("age",), back=4, ahead=48, flags=re.M),
    rule("age.years_old", "AGE_OVER_89",
         r"(?<![\w.])(?P<v>\d{2,3})(?=\s*-?\s*(?:y/?o(?:[FM])?\b|y\.o\.|yrs?\b|"
         r"years?(?:\s+|-)old|years?\s+of\s+age|year-old|yo(?:[FM])?\b|y\b(?![/.])|a[ñn]os\b|"
         # Vietnamese "99 tuổi", French, Polish, Somali, Hindi, Arabic, German, Italian, Russian
         r"tu[ổô]i\b|ans\b|lat\b|jir\b|saal\b|sana\b|Jahre?n?\b|anni\b|лет\b|года?\b))",
         _age, priority=3, anchor=_D),
    # written out: "Ninety-one years of age", "a ninety-five-year-old", "one hundred and two"
    rule("age.words", "AGE_OVER_89",
         rf"(?i:\b(?P<v>{AGE_WORDS})(?=[- ](?:years?|yrs?|y/?o)\b))", priority=3,
         needs=("ninety", "hundred"),
         back=12, ahead=40, at_keyword=False),
    # …or after "age", or alone in parentheses after a name: "(age ninety-nine)", "Shira
    # Katzenelson (ninety-three)"
    rule("age.words_cued", "AGE_OVER_89",
         rf"(?i:(?:\bage[ \t:=]+[\"']?|\()(?P<v>{AGE_WORDS})(?=\)|[ \t]*[,;.\"'\n]|[ \t]+\w+=|$))",
         priority=3, flags=re.M,
         needs=("ninety", "hundred"), back=12, ahead=40, at_keyword=False),
    # a clinician's licence in a state: "licensed in IA: PSY 74226", "licensed in IL: MD154822"
    rule("license.state", "LICENSE",
         r"(?i:\blicensed[ \t]+in[ \t]+)[A-Z]{2}[ \t]*[:#]?[ \t]*"
         r"(?P<v>[A-Z]{1,5}[ .\-]?\d{4,10}|\d{4,10})(?![\w\-])", priority=3,
         needs=("licensed in",), back=0, ahead=40),
    # a FHIR quantity in years (UCUM `a`): `"valueQuantity": {"value": 96, "unit": "a"}`
    rule("age.fhir_quantity", "AGE_OVER_89",
         r"\\?\"value\\?\"[ \t]*:[ \t]*(?P<v>9\d|1[01]\d|12[0-5])[ \t]*,\s*\\?\"(?:unit|code)\\?\""
         r"[ \t]*:[ \t]*\\?\"(?:a|yr|years?)\\?\"", priority=3, needs=("valuequantity",),
         back=0, ahead=120, at_keyword=False),
    # the age a validation reports back: "age must be < 90 … (got 92)", `"age": "Value 91
    # exceeds maximum 89"`
    rule("age.got", "AGE_OVER_89",
         r"(?i:\bage\b[^\n]{0,60}?\b(?:got|received|value|entered)[ \t:=]*[`\"']?)"
         rf"(?P<v>9\d|1[01]\d|12[0-5]|(?i:{AGE_WORDS}))"
         r"(?=\)|[ \t]*(?:$|[,;\"'`\n]|\.(?!\d)|exceeds\b|is\b))",
         priority=3, needs=("age",), back=4, ahead=80, flags=re.M),
    # …and in other languages, before the word for years: "noventa y dos años", "ma już
    # dziewięćdziesiąt sześć lat", "katreven-katòz an", "sagaashan iyo lix jir", "siyamnapu't
    # anim taong gulang", "ninyaanave saal", "ithnan wa tis'een sana", "zweiundneunzig Jahre"
    rule("age.words_i18n", "AGE_OVER_89",
         r"(?i:(?<![\w'’\-])(?P<v>noventa(?:[ ](?:y|e)[ ]\w+)?|cien(?:to[ ]\w+)?|cem|"
         r"cento(?:[ ]e[ ]\w+)?|quatre-vingt-\w+(?:-\w+)?|katreven-\w+|"
         r"dziewięćdziesiąt(?:[ ]\w+)?|sto[ ]\w+|sagaashan(?:[ ]iyo[ ]\w+)?|"
         r"boqol(?:[ ]iyo[ ]\w+)?|siyamnapu(?:['’]t[ ]\w+)?|sandaan(?:[ ]at[ ]\w+)?|navve|"
         r"\w+aanave|\w+anve|(?:\w+[ ]wa[ ])?tis['’3]?e?e?n|mi['’]a|\w*neunzig|hundert\w*|"
         r"novant\w*)"
         r"(?=[ ](?:años|anos|ans?|lat|jir|taong[ ]gulang|saal|sana|jahre|anni)\b))",
         priority=3, anchor="scan"),
    # --- network ---------------------------------------------------------------------------
    # not a product's version ("Chrome/122.0.0.0" in a User-Agent)
    rule("ip.v4", "IP", r"(?<![\w.])(?<![A-Za-z\]]/)(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)",
         v.public_ip,
         priority=2, anchor=_D),
    rule("ip.v6", "IP", r"(?<![\w:.\-])(?=[0-9A-Fa-f:]*::|(?:[0-9A-Fa-f]{1,4}:){7})"
         r"[0-9A-Fa-f:]{2,39}(?:(?<=:)\d{1,3}(?:\.\d{1,3}){3})?(?![\w:]|\.\d)",
         lambda s: ":" in s and v.public_ip(s), priority=2, needs=("::",), back=40, ahead=40,
         at_keyword=False),
    rule("ip.v6_full", "IP",
         r"[0-9A-Fa-f](?<![\w:.][0-9A-Fa-f])[0-9A-Fa-f]{0,3}(?::[0-9A-Fa-f]{1,4}){7}(?![\w:])",
         v.public_ip, priority=2),
    rule("device.mac", "DEVICE",
         r"[0-9A-Fa-f](?<![\w:\-][0-9A-Fa-f])[0-9A-Fa-f](?::[0-9A-Fa-f]{2}){5}(?![\w:\-])|"
         r"[0-9A-Fa-f](?<![\w:\-][0-9A-Fa-f])[0-9A-Fa-f](?:-[0-9A-Fa-f]{2}){5}(?![\w:\-])",
         priority=2),
    # --- geography -------------------------------------------------------------------------
    rule("address.street", "ADDRESS", STREET, priority=2, anchor=_D),
    # a milepost on a highway (Alaska, the rural West): "Mile 61.4 Glenn Hwy", "Hwy 516 MP 93"
    rule("address.milepost", "ADDRESS",
         r"(?<![\w.\-])(?P<v>(?:Mile|MP|mile)[ ]\d{1,4}(?:\.\d)?[ ](?:[A-Z][a-z]+[ ]){1,2}"
         r"(?:Hwy|Highway|Rd|Road)|(?:Hwy|Highway|SR|US)[ ]\d{1,4}[ ](?:MP|Mile|mile)[ ]\d{1,4}"
         r"(?:\.\d)?)(?![\w])", priority=2,
         needs=("mile ", "mp "), back=40, ahead=40, at_keyword=False),
    # a grid address (Utah, Idaho, the rural West): "23413 N 1300 E", "906 E 700 S"
    rule("address.grid", "ADDRESS",
         r"(?<![\w.\-])(?P<v>\d{1,6}[ ][NSEW]\.?[ ]\d{2,5}[ ][NSEW]\.?)(?![\w])", priority=2,
         anchor=_D),
    # typed in lower case in a chat: "moved to 3234 e ridgeview ave, boulder"
    rule("address.street_lower", "ADDRESS",
         rf"(?<![\w.\-/])\d{{1,6}}[ \t]+(?:[nsew]\.?[ \t]+)?(?:[a-z][a-z'\-]+[ \t]+){{1,3}}"
         rf"(?:{_LOWER_SUFFIX})\.?(?:,?[ \t]+(?:apt|unit|suite|ste|#)\.?[ \t]*#?\w{{1,6}})?"
         r"(?![\w\-])", _street_words, priority=2,
         needs=tuple(f" {x}" for x in _LOWER_SUFFIX.split("|")), back=72, ahead=24,
         at_keyword=False),
    # a street named without its number: "the old one on Chinquapin Road", "lot on Ironweed Pl"
    rule("address.street_name", "ADDRESS",
         rf"(?<![\w\-])(?:on|at|near|off|onto)[ \t]+(?P<v>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){{0,2}}"
         rf"[ \t](?:{_NAMED_STREET}))\.?(?![\w\-])", priority=1, anchor="scan"),
    rule("address.po_box", "ADDRESS",
         r"(?i:\b(?:P\.?\s?O\.?\s+Box|Post\s+Office\s+Box|PSC|CMR|Unit)\s+\d{1,6}"
         r"(?:,?\s+Box\s+\d{1,6})?|"
         # rural delivery: "Rural Route 9 Box 131", "RR 2 Box 14", "HC 75 BOX 6399"
         r"\b(?:Rural\s+Route|R\.?R\.?|HC|Highway\s+Contract|Star\s+Route)\s*\d{1,4},?\s+"
         r"Box\s+\d{1,6})", priority=2, needs=("box", "psc", "cmr"), back=32,
         at_keyword=False),
    rule("city.state", "CITY",
         rf"(?<![\w])(?:{_PLACE_CUES})[ ](?P<v>[A-Z][^\W\d_]+(?:[ \-][A-Z][^\W\d_]+){{0,2}}),[ ]"
         rf"(?:{_CITY_STATES})(?![\w])", _city_words, priority=2),
    # a town with its state written out: "Lake Oswego, Oregon" (the state is kept)
    rule("city.state_name_after", "CITY",
         rf"(?<![\w.\-])(?<!New )(?<!North )(?<!South )(?<!West )(?<!Rhode )(?<!District of )"
         rf"(?P<v>[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){{0,2}}), (?:{STATE_NAMES})(?![\w])",
         _city_not_state, priority=2, anchor="scan"),
    # where a person lives: "lives alone in Tahlequah", "moved to Ponce", "staying w/ family
    # in Laredo" (a city with no state after it)
    rule("city.residence", "CITY",
         r"(?i:\b(?:(?:lives?|living)[ \t]+(?:alone|with|w/)|resides?|residing|relocated|"
         r"staying|(?:they|he|she|family|pt|patient|client|who)[ \t]+(?:have[ \t]+|has[ \t]+)?"
         r"moved|born|grew[ \t]+up|transferred|vive|vivo|viven|"
         # a person's "lives in Honey Grove" (a cache "lives in Redis")
         r"(?:she|he|they|pt|patient|client|who|still|now|currently)[ \t]+(?:lives|is[ \t]+living)|"
         r"(?:the|a|her|his|their|our|my)[ \t]+move|"  # "conflict about the move to Kotzebue"
         # a note's sentence or clause: "Lives in Tahlequah with …", "prefers afternoons,
         # lives in Wahiawā"
         r"(?:(?<![^\n])|(?<=[.;!,] )|(?<=[\"']))lives"
         r")\b[^.\n;:,]{0,30}?\b(?:in|to|from|en|de)[ \t]+)"
         r"(?P<v>(?:St\.?[ ]|Saint[ ])?[A-Z][^\W\d_]+(?:[ \-][A-Z][^\W\d_]+){0,2})"
         r"(?![\w\-]|[ ]\d)",
         _residence,
         priority=2, needs=("live", "living", "resid", "move", "relocated", "staying",
                            "vive", "vivo", "born", "grew up", "transferred"), back=24, ahead=80,
         at_keyword=False),
    # "to the Chula Vista clinic": a clinic named by its town (not "the Main Street clinic")
    rule("city.clinic", "CITY",
         r"(?i:\b(?:to|at|from|in)[ \t]+the[ \t]+)"
         r"(?P<v>[A-Z][^\W\d_]+\.?(?:[ \-][A-Z][^\W\d_]+){0,2})"
         r"(?=[ \t]+(?i:clinic|office|location|site|branch|campus)\b)", town_words,
         priority=2, needs=("clinic", "office", "location", "site", "branch", "campus"),
         back=48, ahead=0, at_keyword=False),
    rule("zip.plus4", "ZIP", r"(?<![\w\-.])(?P<v>\d{5}-\d{4})(?![\w\-]|\.\d)", priority=1,
         anchor=_D),
    rule("zip.state", "ZIP",
         rf"(?:(?<=\b(?:{STATE_CODES}) )|(?<=\b(?:{STATE_CODES}), )|(?<=\^(?:{STATE_CODES})\^)|"
         # the next quoted argument: "VT" "46334", 'OR', '35251'
         rf"(?<=[\"'](?:{STATE_CODES})[\"'] [\"'])|(?<=[\"'](?:{STATE_CODES})[\"'], [\"']))"
         r"(?P<v>\d{5}(?:-\d{4})?)(?![\w\-]|\.\d)", priority=2, anchor=_D,
         kind_of=_zip_unless_id),
    rule("zip.state_name", "ZIP",
         rf"(?:{STATE_NAMES})\.?,?\s+(?P<v>\d{{5}}(?:-\d{{4}})?)(?![\w\-]|\.\d)", priority=2,
         needs=tuple(n.lower() for n in STATE_NAMES.split("|")), ahead=40),
    rule("zip.context", "ZIP",
         r"(?i:\b(?:zip|zip\s*code|zipcode|postal\s*code|postcode|c[oó]digo\s+postal)\b\W{1,4}|"
         r"(?<=, )C\.?P\.?[ \t]+)"  # Mexican and Spanish addresses: "…, Holloway Creek, CP 12496"
         r"(?P<v>\d{5}(?:-?\d{4})?)(?!\d)", priority=3,
         needs=("zip", "postal", "postcode", ", cp ", ", c.p. "), back=24, ahead=48,
         at_keyword=False),
    # --- medical / plan / account ids ------------------------------------------------------
    rule("mrn.context", "MRN",
         r"(?i:\b(?:mrn|medical\s+record(?:\s+(?:number|no\.?|#))?|chart(?:\s*(?:number|no\.?|#|"
         r"id))|patient\s*(?:number|no\.?|#)|record\s*#|record\s+(?:number|no\.?)|MR\s?#|"
         r"med\.?\s*rec(?:ord)?\.?|ehr\s*(?:id|#|number)|(?:n[uú]mero\s+de\s+)?expediente)"
         r"\s*(?:#|no\.?|number)?\s*[:=#]?\s*)"
         r"(?P<v>[A-Za-z]{0,4}-?\d[\w\-]{2,20})", priority=3,
         needs=("mrn", "medical record", "chart", "patient", "record", "mr#", "mr #", "med rec",
                "medrec", "med. rec", "ehr", "expediente")),
    # "paired to chart MH3288876": a chart named by its number, no label between; a
    # reference made of the word and the number (`ref=chart-H45862E`)
    rule("mrn.chart_code", "MRN",
         r"(?i:\bcharts?(?:\s+|[\-_#]))(?P<v>[A-Z]{0,4}-?\d{4,12}[A-Z]?(?:-\d{2,8})?|"
         r"(?!(?:19|20)\d\d-)\d{3,4}-\d{3,4}-\d{2,4})(?![\w\-])",  # "chart 316-462-25"
         lambda s: sum(c.isdigit() for c in s) >= 5, priority=3,
         needs=("chart",)),
    # a C-CDA document's patient id: `<patientRole><id extension="927-479-654" root="…"/>`
    rule("mrn.cda_patient", "MRN",
         r"(?i:<patientRole>\s*(?:<id\b[^>]{0,200}/>\s*)*<id\b[^>]{0,120}?\bextension=\")"
         r"(?P<v>[^\"]{3,40})\"", priority=3, needs=("<patientrole>",), back=0, ahead=600),
    rule("mrn.patient_code", "MRN",
         # not a Ruby object's inspect (`#<Patient id: 7254717, …>`: its primary key)
         r"(?i:\b(?<!#<)(?:patient|client|pt)(?:\s+(?:id\s*)?[:#]?|\s*[:#])\s*)"
         r"(?P<v>(?:[A-Z]{1,4}-?\d{4,12}(?:-\d{2,8})?|[A-Z]{1,4}\d{2}-\d{4,9}|0\d{5,11}|"
         r"\d{3}-?\d{4,9}|"
         r"(?!(?:19|20)\d\d-)\d{3,4}-\d{3,4}-\d{2,4}))(?![\w\-])",
         _digits_at_least(5), priority=3, needs=("patient", "client", "pt")),
    # a member number named in German, Spanish or Portuguese, with no separator before it
    rule("health_plan.foreign", "HEALTH_PLAN",
         r"(?i:\b(?:versicherten(?:nummer|-?nr\.?)|versicherungsnummer|"
         r"n[uú]mero[ \t]+de[ \t]+(?:afiliado|asegurado|afiliaci[oó]n)|carteirinha)"
         r"[ \t]*[:#]?[ \t]*)(?P<v>[A-Z0-9][A-Z0-9\-]{5,24})(?![\w\-])", _has_digit, priority=3,
         needs=("versicherten", "versicherungsnummer", "afiliado", "asegurado", "afiliaci",
                "carteirinha"), at_keyword=False, back=24, ahead=48),
    rule("health_plan.context", "HEALTH_PLAN",
         # "plan 90837" after a diagnosis is a CPT code, not a plan id
         r"(?i:\b(?:member|subscriber|policy|group|grp|insurance|insured|medicaid|medicare|"
         # a payment, treatment or safety plan's number is no health plan's
         r"beneficiary|(?<!payment )(?<!treatment )(?<!care )(?<!safety )(?<!installment )"
         r"plan(?![ \t]+\d{5}(?![\w\-])))"  # a payer id names a payer: kept
         r"(?:\s*(?:id|no\.?|number|#|num))?\s*[:=#]?\s*"
         r"(?:(?:on\s+file\s+)?(?:is|was)\s+)?)"  # "member id on file is HM565567966"
         r"(?P<v>[A-Za-z]{0,4}-?\d[\dA-Za-z\-]{3,20})(?![\w\-])", _plan_number,
         priority=3, needs=("member", "subscriber", "policy", "group", "grp", "insur",
                            "medica", "beneficiary", "plan")),
    # an id after a payer's name is the member's ("Ins: Humana ID U2956101-01")
    rule("health_plan.payer_id", "HEALTH_PLAN",
         r"(?i:\b(?:aetna|cigna|humana|optum|tricare|anthem|ambetter|wellcare|molina|kaiser|"
         r"highmark|regence|premera|carefirst|amerigroup|caresource|magellan|carelon|oscar|"
         r"bcbs|blue\s+(?:cross|shield))\b[\w \-]{0,30}?[ \t]+(?:member[ \t]+|subscriber[ \t]+)?"
         r"(?:id|#|no\.?)[ \t]*[:#]?[ \t]*)"
         r"(?P<v>[A-Za-z]{0,4}-?\d[\dA-Za-z\-]{3,20})(?![\w\-])", _digits_at_least(5),
         priority=3, needs=("aetna", "cigna", "humana", "optum", "tricare", "anthem",
                            "ambetter", "wellcare", "molina", "kaiser", "highmark", "regence",
                            "premera", "carefirst", "amerigroup", "caresource", "magellan",
                            "carelon", "oscar", "bcbs", "blue"), back=0, ahead=64),
    # a group number may be short, but then it carries letters ("group GRP-1419")
    rule("health_plan.group", "HEALTH_PLAN",
         r"(?i:\b(?:group|grp)(?:\s*(?:id|no\.?|number|#|num))?\s*[:=#]?\s*)"
         r"(?P<v>[A-Za-z]{1,4}-?\d{4}[\dA-Za-z\-]{0,16})(?![\w\-])", priority=3,
         needs=("group", "grp")),
    # the id of a member object in JSON: `"member":{"id":"00462538603","name":…}`
    rule("health_plan.member_object", "HEALTH_PLAN",
         r"(?i:\\?\"(?:member|subscriber|insured|beneficiary|enrollee)\\?\"\s*:\s*\{[^{}]{0,200}?"
         r"\\?\"(?:id|number|no)\\?\"\s*:\s*\\?\")(?P<v>[A-Za-z0-9][\w\-]{3,40})(?=\\?\")",
         _has_digit, priority=3,
         needs=("member", "subscriber", "insured", "beneficiary", "enrollee"), back=2, ahead=260,
         at_keyword=False),
    rule("health_plan.mbi", "HEALTH_PLAN",
         # printed with or without CMS's dashes: 1EG4-TE5-MK73
         r"(?<![\w\-])[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]"
         r"[AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}\b", priority=2, anchor=_D),
    rule("account.context", "ACCOUNT",
         r"(?i:(?<![a-z0-9<])(?:account|acct|acc(?![0-9a-f])|a/c|iban|guarantor|"
         r"(?:n[uú]mero\s+de\s+)?cuenta(?:\s+es)?)"  # Spanish: "mi cuenta es 5340968893"
         r"(?:\s*(?:no\.?|number|#|num|id))?(?:\s+(?:is|was))?"  # "my account number is …"
         r"\s*[:=#]?\s*)(?P<v>[A-Za-z]{0,5}-?\d[\dA-Za-z\-]{3,30})(?![\w\-])",
         kind_of=_account_number, priority=3,
         needs=("acc", "a/c", "iban", "guarantor", "cuenta")),
    # serde's and similar parsers' errors name what they expected: `invalid value: string
    # "GP357796P/Optum", expected a subscriber id of 9-12 alphanumerics`
    rule("health_plan.expected", "HEALTH_PLAN",
         r"(?i:invalid (?:value|type): (?:string|integer) )\\?\"(?P<v>[^\"\\\n]{3,80})\\?\", "
         r"(?i:expected (?:a |an )?(?:valid )?(?:subscriber|member|policy|group|insurance|"
         r"medicaid|medicare)[ _\-]?(?:id|number|no))", _has_digit, priority=3,
         needs=("invalid value: ", "invalid type: ")),
    # --- licences ----------------------------------------------------------------------------
    rule("license.npi", "LICENSE",
         r"(?i:\bNPI\b\W{0,3}(?:#|no\.?|number)?\s*)(?P<v>\d{10})(?!\d)", priority=3,
         needs=("npi",)),
    # an HL7 provider's id before its type: `PRD|RP|…||1334227893^NPI`, `1234567893^^^NPI`
    rule("license.npi_hl7", "LICENSE",
         r"(?<![\w^])(?P<v>\d{10})(?=\^(?:\^{0,3})NPI\b)", v.npi, priority=3, needs=("^npi",),
         back=16, ahead=0, at_keyword=False),
    # a driver's licence in other languages: "licencia de conducir 358 553 632"
    rule("license.i18n", "LICENSE",
         r"(?i:\b(?:licencia(?:[ \t]+de[ \t]+(?:conducir|manejo))?|carteira[ \t]+de[ \t]+motorista|"
         r"permis[ \t]+de[ \t]+conduire|f[üu]hrerschein)(?:[ \t]*(?:no\.?|n[º°]|#|número))?"
         r"[ \t]*[:#]?[ \t]*)"
         r"(?P<v>[A-Z0-9](?:[A-Z0-9]|[ \-](?=[A-Z0-9])){5,24})(?![\w\-])", _digits_at_least(6),
         priority=3, needs=("licencia", "carteira", "permis", "hrerschein"), back=0, ahead=80),
    rule("license.dea", "LICENSE",
         r"(?i:\bDEA\b\W{0,3}(?:#|no\.?|number)?\s*)(?P<v>[A-Za-z]{2}\d{7})(?!\w)", priority=3,
         needs=("dea",)),
    rule("license.dea_checked", "LICENSE",
         r"[ABCDEFGHJKLMPRSTUX](?<![\w][A-Z])[A-Z9]\d{7}\b", v.dea, priority=2),
    rule("license.context", "LICENSE",
         r"(?i:\b(?:driver'?s?\s+licen[cs]e|licen[cs]e|state\s+id|lic|DL|LPC|LCSW|LMFT|LMHC|"
         r"LICSW|APRN|CSWA|LCPC|LPCC|PsyD|bar|"
         r"certificate|cert)\b(?:\s*(?:no\.?|number|#|num))?\s*[:=#(]?\s*['\"]?)"
         # state formats: "A826015", "WDLYBU665X85" (WA), "L 424 775 830 045" (MI)
         # a board's prefix may stand apart ("PSY 37582", "MD.4084624"); a field's name not
         r"(?P<v>[A-Z]{2}[\-.][A-Z]{1,3}\d{4,12}|"  # a state's prefix, then its format: CA-A123456
         r"(?:[A-Za-z][ \-]?|(?!(?i:dob|ssn|mrn|npi|dea|exp|iss|id|no)\b)"
         r"(?:[A-Za-z]{2,7}[\-.]?|[A-Z]{2,7} ))?\d[\dA-Za-z\-]{2,18}"
         r"(?:[ \-]\d[\dA-Za-z]{1,8}){0,4})(?![\w\-])",
         _has_digit, priority=3, needs=("lic", "dl", "lpc", "lcsw", "lmft", "lmhc", "aprn",
                                        "cert", "state id", "cswa", "lcpc", "lpcc", "psyd",
                                        "bar no", "bar #", "bar number")),
    # --- vehicles / devices ------------------------------------------------------------------
    # a medical device named by its serial: "receiver SNWX73511276", "pump NG3100041H"
    rule("device.named", "DEVICE",
         r"(?i:\b(?:receiver|transmitter|sensor|pump|glucometer|meter|monitor|inhaler|implant|"
         r"hearing\s+aid|wearable|interlock|device)\s+(?:serial\s*)?(?:#\s*)?)"
         # (or letters, a hyphen and digits: "billed … with device HA19-430195")
         r"(?P<v>(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{8,20}|[A-Z]{1,4}\d{0,4}-\d{5,12})"
         r"(?![\w\-.])", priority=3,
         needs=("receiver", "transmitter", "sensor", "pump", "meter", "monitor", "inhaler",
                "implant", "hearing", "wearable", "interlock", "device")),
    # Android's per-device id: "device: Pixel 7, Android 14, Android ID e703b2ae4bd84956"
    rule("device.android_id", "DEVICE",
         r"(?i:\bandroid[ _\-]?id\b[\"']?\s*[:=]?\s*[\"']?)(?P<v>[0-9a-fA-F]{16})(?![\w\-])",
         priority=3, needs=("android",), back=0, ahead=48),
    # an Apple device's UDID: "iPhone UDID 00008030-001A2B3C4D5E802E" (or forty hex digits)
    rule("device.udid", "DEVICE",
         r"(?i:\budid\b[\"']?\s*[:=]?\s*[\"']?)(?P<v>[0-9A-Fa-f]{8}-[0-9A-Fa-f]{16}|[0-9a-f]{40})"
         r"(?![\w\-])", priority=3, needs=("udid",), back=0, ahead=70),
    rule("vehicle.vin", "VEHICLE", r"[A-HJ-NPR-Z0-9](?<![\w][A-HJ-NPR-Z0-9])[A-HJ-NPR-Z0-9]{16}\b",
         v.vin, priority=2),
    rule("vehicle.vin_context", "VEHICLE",
         r"(?i:\bVIN\b\W{0,3})(?P<v>[A-Za-z0-9]{11,17})\b", priority=3, needs=("vin",)),
    rule("vehicle.plate", "VEHICLE",
         r"(?i:\b(?:licen[cs]e\s+)?(?:plate|tag|vehicle|placa)(?:\s*(?:no\.?|number|#))?\s*[:=#]?\s*)"
         r"(?P<v>[A-Z0-9]{1,4}[ \-]?[A-Z0-9]{1,5})(?![\w\-])", _plate, priority=3,
         needs=("plate", "tag", "vehicle", "placa")),
    rule("device.imei", "DEVICE", r"(?<![\w\-])\d{15}(?![\w\-])", _imei_not_card, priority=2,
         anchor=_D),
    # an IMEI written in its groups: "IMEI 86 012304 902940 7"
    rule("device.imei_grouped", "DEVICE",
         r"(?i:\bimei\b\s*[:#=]?\s*)(?P<v>\d{2}[ \-]\d{6}[ \-]\d{6}[ \-]\d)(?![\w\-])", v.luhn,
         priority=3, needs=("imei",)),
    # a UDI in GS1's human-readable form: device id (01), dates (11, 17), lot (10) and the
    # unit's serial (21)
    rule("device.udi", "DEVICE", r"\(01\)\d{14}(?:\((?:1[01]|17|10|21|240|30)\)[^\s\"'(),;]+)+",
         priority=3, needs=("(01)",), back=0, ahead=120),
    rule("device.context", "DEVICE",
         r"(?i:\b(?:imei|meid|serial(?:\s+(?:number|no\.?|#))?|s/n|sn#|device\s+id|udi|"
         r"device\s+serial)(?:\b|(?<=[.#]))\s*[:=#]?\s*)(?P<v>[A-Za-z0-9][A-Za-z0-9\-]{4,30})"
         r"(?![\w\-])",
         _has_digit, priority=3, needs=("imei", "meid", "serial", "s/n", "sn#", "device", "udi")),
    # a plate in other languages: "placas 600KEA", "matrícula 1234-BCD", "plaque AB-123-CD"
    rule("vehicle.plate_i18n", "VEHICLE",
         r"(?i:\b(?:placas?|matr[íi]cula|plaque|kennzeichen|targa)[ \t]*[:#]?[ \t]*)"
         r"(?P<v>(?=[A-Z0-9\- ]{0,9}\d)(?=[A-Z0-9\- ]{0,9}[A-Z])[A-Z0-9]{1,4}[\- ]?[A-Z0-9]{2,5}"
         r"(?:[\- ][A-Z0-9]{1,3})?)(?![\w\-])", priority=3,
         needs=("placa", "matr", "plaque", "kennzeichen", "targa"), back=0, ahead=40),
    # --- other identifiers -------------------------------------------------------------------
    rule("other_id.case", "OTHER_ID",
         r"(?i:\b(?:case|docket|file|rx|prescription|referral|authorization|auth|prior\s+"
         r"auth)\s*(?:no\.?|number|#|num|id|ref(?:erence)?)\s*[:=]?\s*)"
         r"(?P<v>[A-Za-z0-9][A-Za-z0-9\-]{3,30})"
         r"(?![\w\-])", _has_digit, priority=3,
         needs=("case", "docket", "file", "rx", "prescription", "referral", "auth")),
    # "Rx 9674134", "(Rx Rx1532817)", "RxReferenceNumber Rx3043550": a prescription number
    rule("other_id.rx", "OTHER_ID",
         r"\b(?:Rx|RX|rx)(?:\s*(?:Reference\s?Number|Ref(?:erence)?|Number|No\.?|#))?[ \t]*[:#]?"
         r"[ \t]*(?:is[ \t]+)?"  # "the rx # is 3747184"
         r"(?P<v>(?:[A-Za-z]{1,3}-?)?\d[\d\-]{4,14}[A-Z]?)(?![\w\-])", _digits_at_least(5),
         priority=3, needs=("rx",), back=0, ahead=48),
    # the number of an account object in a repr: `<Account id=408443 number='2261486982' …>`
    rule("account.repr", "ACCOUNT",
         r"(?i:<(?:\w*account|acct)\b[^<>\n]{0,200}?\b(?:number|no|num)\s*=\s*['\"]?)"
         r"(?P<v>[A-Za-z0-9][\w\-]{3,30})", _has_digit, priority=3,
         needs=("<account", "<acct"), back=2, ahead=260, at_keyword=False),
    # an audit trail's actor is a login: "actor=golnaz.mensah07"
    # and so are a security log's users: CEF `suser=`/`duser=`, a Windows logon event's
    # `Account Name:`
    rule("other_id.actor", "OTHER_ID",
         r"(?i:\b(?:actor|performed_by|user_login|suser|duser|account[ \t]name|"
         # an LDAP entry's `uid=tdevries`; who owns, asked for or changed a thing
         r"uid|owner|(?:requested|created|updated|modified|submitted)_?by|"
         r"(?:target|subject)_?user_?name)[\"']?\s*[=:]\s*[\"']?)"
         r"(?P<v>[a-z][a-z0-9]*[._\-]?[a-z0-9]+(?:[._\-][a-z0-9]+)*)(?![\w@.\-])",
         login, priority=3,
         needs=("actor", "performed_by", "user_login", "suser", "duser", "account name",
                "targetusername", "target_user_name", "subjectusername", "subject_user_name",
                "uid", "owner", "requested_by", "requestedby", "created_by", "createdby",
                "updated_by", "updatedby", "modified_by", "modifiedby", "submitted_by",
                "submittedby"),
         back=0, ahead=64),
    # a message's sender by their handle: "secure message from rstone19: …", "from:
    # yabdelmalek66 (verified)" (a handle with digits, before a colon or a bracket)
    rule("other_id.from_handle", "OTHER_ID",
         r"(?i:\bfrom[ \t]*:?[ \t]+)(?P<v>[a-z][a-z._]*[a-z]\d{1,4}[a-z]?)(?=[ \t]*[:(])",
         login, priority=3, needs=("from",), back=0, ahead=48),
    # "login for bgarciamarquez_8", "Session expired for phuong453 while uploading"
    rule("other_id.login_for", "OTHER_ID",
         r"(?i:\b(?:log(?:in|on)|sign[- ]?in|session|lockout|locked[ \t]out)"
         r"(?:[ \t]+[a-z]+){0,2}[ \t]+for(?:[ \t]+user)?[ \t]+['\"]?)"
         r"(?P<v>[a-z][a-z0-9]*[._\-]?[a-z0-9]+(?:[._\-][a-z0-9]+)*)(?![\w@.\-])",
         login, priority=3,
         needs=("login", "logon", "sign-in", "signin", "sign in", "session", "lockout",
                "locked out"), back=0, ahead=80),
    rule("other_id.handle", "OTHER_ID",
         r"(?i:\b(?:user(?:name)?|login|handle|screen\s+name)\b\s*[:=]?\s*)"
         r"(?P<v>[a-z][a-z0-9._\-]*\d[a-z0-9._\-]*)(?![\w@])",
         lambda s: not _HEXISH.fullmatch(s), priority=3,  # `rl:portal-login:bca41242d9ee5918`
         needs=("user", "login", "handle", "screen name")),
    rule("other_id.username_word", "OTHER_ID",
         # (a separator after the key: `UsernameTaken` is an exception's name)
         r"(?i:\b(?:(?:user\s?name|login\s+name|screen\s?name)(?:\s+(?:is|was))?"
         r"(?:\s*[:=]\s*['\"]?|\s+['\"]?|['\"])|"
         r"login\s*[:=]?\s*['\"]))"
         r"(?P<v>[A-Za-z][\w.\-]{2,40}+)(?![ ][A-Z])", _handle, priority=3,
         needs=("username", "user name", "login", "screen name", "screenname")),
    # a lab specimen's number: "Accession ACC65-5688624", "accession # 555X157403"
    rule("other_id.accession", "OTHER_ID",
         r"(?i:\baccession(?:[ \t]*(?:no\.?|number|#|id))?[ \t]*[:=#]?[ \t]*)"
         r"(?P<v>[A-Za-z0-9][A-Za-z0-9\-]{4,24})(?![\w\-])", _digits_at_least(5), priority=3,
         needs=("accession",), back=0, ahead=48),
    # a number read out in a voicemail: "the prescription number is nine one one eight three
    # seven one"
    rule("other_id.spoken", "OTHER_ID",
         r"(?i:\b(?:prescription|rx|reference|confirmation|claim|case|member|account|order|"
         r"authorization)[ \t]+(?:number|no\.?|#|id)[ \t]+is[ \t]+)"
         rf"(?P<v>{_DIGIT_WORD}(?:{_SPOKEN_SEP}{_DIGIT_WORD}){{4,11}})(?![\w\-])",
         priority=3, needs=("number is", "no. is", "# is", "id is"), back=40, ahead=120,
         at_keyword=False),
    rule("other_id.passport", "OTHER_ID",
         r"(?i:\bpassport(?:\s*\(?(?:no\.?|number|#|id))?\s*[:=#]?\s*)"  # "passport (no. …)"
         r"(?P<v>[A-Za-z]{0,2}\d{6,9})(?![\w\-])", priority=3, needs=("passport",)),
    # an employer's number for a client (EAP referrals): `employee ID E967190`
    rule("other_id.employee", "OTHER_ID",
         r"(?i:\b(?:employee|student)\s*(?:id|no\.?|number|#)\s*[:=#]?\s*)"
         r"(?P<v>[A-Za-z]{0,3}-?(?:\d{2}-)?\d{4,12})(?![\w\-])", priority=3,
         needs=("employee", "student")),
    # a court case or docket number: `court case FC-2025-115437`, `docket 6:23-cv-01234`,
    # `case 19-JV-30007`
    rule("other_id.court_case", "OTHER_ID",
         r"(?i:\b(?:court\s+(?:case|order)|docket|case)\s*(?:no\.?|number|#)?\s*[:=#]?\s*)"
         r"(?P<v>\d:\d{2}-[a-z]{2}-\d{3,6}|[A-Z]{1,4}-?\d{4}-\d{3,8}|[A-Z]{2}\d{8,12}|"
         # "case CL-25-50444", "court order CV-10-2021-ZD", "case EMP87235"
         r"[A-Z]{2,4}-\d{2}-\d{4,8}(?:-[A-Z]{1,4})?|[A-Z]{3,4}\d{5,10}|"
         r"\d{2}-[A-Z]{2,3}-\d{3,8}|[A-Z]{2,4}[ \t]?#[ \t]?\d{4,10}|"
         r"(?:19|20)\d{2}-?[A-Z]{1,4}-?\d{3,10}|[A-Z]{2,4}-\d{5,10}|\d{2}[A-Z]{1,4}\d{4,8})"
         r"(?![\w\-])",
         priority=3, needs=("case", "docket", "court order")),
    rule("other_id.username", "OTHER_ID",
         r"(?i:\b(?:portal|patient|client|member|user)\s+(?:user(?:name)?|login|handle|account)"
         r"\s*[:=]?\s*['\"]?)(?<![A-Za-z])(?P<v>[A-Za-z][\w.\-]{2,40})", _handle, priority=3,
         needs=("user", "login", "handle", "account"), at_keyword=False),
    # the user field of an access log in the common/combined format: `1.2.3.4 - jdoe [10/Oct/…`
    rule("other_id.access_log_user", "OTHER_ID",
         r"(?m:^(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9a-fA-F:]{2,39})[ \t]+-[ \t]+)"  # v4 or v6
         r"(?P<v>[A-Za-z][\w.@\-]{1,63})(?=[ \t]+\[\d)",
         login, priority=3, needs=(" - ",), back=48, ahead=70, at_keyword=False),
    # an IP under its key, even cut short (`"ClientIP": "2603:7cdc:b29c:c287:8431:903e:30ee"`)
    rule("ip.under_key", "IP",
         r"(?i:(?:client_?ip|ip_?address|remote_?addr|real[_\-]?ip|x-forwarded-for|source_?ip|"
         r"(?<![\w.\-])ip)"
         r"[\"']?[ \t]*[:=][ \t]*[\"']?)(?P<v>[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{0,4}){4,7})"
         r"(?![\w:])", _public_v6, priority=3,
         needs=("clientip", "client_ip", "ipaddress", "ip_address", "remote_addr", "remoteaddr",
                "real-ip", "real_ip", "realip", "x-forwarded-for", "sourceip", "source_ip", "ip="),
         back=24, ahead=60, at_keyword=False),
    # a Slack mention keeps the member's handle after the id: `<@U04ABCD12|ngozi.adeyemi>`
    rule("other_id.slack_mention", "OTHER_ID", r"<@[UW][A-Z0-9]{6,12}\|(?P<v>[^>|\n]{2,60})>",
         priority=3, needs=("<@u", "<@w"), back=0, ahead=80),
    # a handle made of someone's names: "cc @ngozi.adeyemi" (not "@gmail.com")
    rule("name.handle", "NAME", r"(?<![\w.@])@(?P<v>[a-z]{2,20}[._][a-z]{2,30})(?![\w@]|\.\w)",
         _names_handle, priority=2, anchor="scan"),
    # a message signed at its end: "… this is the 2nd time. Kourosh\"", "dob 4/5/61 if u need
    # it - abebe kebede\""
    rule("name.signature", "NAME",
         r"(?:[.!?]|[ \t][\-–—~])[ \t]+"
         r"(?P<v>[^\W\d_][\w'’\-]{1,30}(?:[ \t][^\W\d_][\w'’\-]{1,30})?)"
         r"[ \t]*(?=\"|\n|$)", _signature, priority=2, anchor="scan"),
    # an iCalendar organiser's or attendee's common name: `ORGANIZER;CN=Aoife Mc Carthy:mailto:`
    rule("name.ical_cn", "NAME",
         r"(?i:(?:ORGANIZER|ATTENDEE)[^:\n]{0,80}?;CN=)(?P<v>\"[^\"\n]{2,60}\"|[^;:\n\"]{2,60})",
         priority=3, needs=("organizer;", "attendee;"), back=0, ahead=160),
    # a driver's licence read by OCR or from its barcode: family, first and middle name lines
    # (`LN VUKOVIĆ`, `FN SELAM`; AAMVA's DCS, DAC, DAD)
    rule("name.id_card_line", "NAME",
         r"^(?:LN|FN|MN|DCS|DAC|DAD|DCT)[ \t]+"
         r"(?P<v>[^\W\d_][^\W\d_'’\- ]*(?:[ '’\-][^\W\d_]+){0,3})[ \t]*$",
         priority=3, anchor="scan", flags=re.M),
    # a resource named after a person in infrastructure code: `clinician["araceli-ogunleye"]`
    rule("name.keyed_slug", "NAME",
         r"(?i:\b(?:clinicians?|patients?|clients?|providers?|therapists?|users?|members?|staff)"
         r"\[[\"'])(?P<v>[a-z]+(?:-[a-z]+){1,2})(?=[\"']\])", _slug_name, priority=3,
         needs=("clinician[", "patient[", "client[", "provider[", "therapist[", "user[",
                "member[", "staff[", "clinicians[", "patients[", "clients[", "providers[",
                "users[", "members["), back=0, ahead=80),
    # a chat's mention of a person by their given name: "@Chana pls add the C-SSRS"
    rule("name.at_mention", "NAME", r"(?<![\w.@])@(?P<v>[A-Z][a-z]{2,20})(?![\w@\-]|\.\w)",
         _given_only, priority=2, anchor="scan"),
    # "heads up, Juanita's car got towed": a given name no ordinary word is, owning something
    rule("name.possessive", "NAME", r"(?<![\w.'’])(?P<v>[A-Z][a-z]{2,20})['’]s\b", _given_only,
         priority=2, anchor="scan"),
    # a contact list: "People I can call: Ha-eun (best friend) 712-…, Chue Thao (coach)"
    rule("name.before_relation", "NAME",
         rf"(?<![\w.'’@/\-])(?P<v>[A-Z][\w'’\-]+(?:[ \t][A-Z][\w'’\-]+)?)"
         rf"[ \t]\((?i:{_RELATIONS})\)",
         _not_words, priority=2, needs=tuple(f"({r})" for r in _RELATIONS.split("|")),
         back=48, ahead=24, at_keyword=False),
    # "Maricel aware.", "before Halyna could join": a given name no ordinary word is, doing
    # what only a person does
    rule("name.subject", "NAME",
         rf"(?<![\w.'’@/\-])(?P<v>[A-Z][^\W\d_A-Z]{{2,20}})[ \t]+(?:(?:{_PERSON_VERBS})\b|"
         r"here[,!])",  # "Thảo here, totally forgot"
         _given_only, priority=2, anchor="scan"),
    # "This is Anbarasi's dad": whoever has a dad is a person, whether a list knows the name
    rule("name.possessive_relation", "NAME",
         rf"(?<![\w.'’@/\-])(?P<v>[A-Z][a-z]{{2,20}})['’]s[ \t]+(?:{_RELATIONS})\b",
         _given_or_unknown, priority=2, anchor="scan"),
    # a court's caption: "State v. Mensah", "People v. Ortiz Ruiz", "In re Oyelaran"
    rule("name.caption", "NAME",
         r"(?<![\w.])(?:(?:State|People|Commonwealth|United States)(?: of [A-Z][a-z]+){0,2}"
         r"[ \t]+vs?\.?|In[ \t]+re(?:[ \t]+the[ \t]+Matter[ \t]+of)?)[ \t]+"
         r"(?P<v>[A-Z][\w'’\-]+(?:[ \t][A-Z][\w'’\-]+){0,2})",
         _no_organisation, priority=2, needs=(" v. ", " v ", " vs. ", " vs ", "in re "),
         back=64, ahead=64, at_keyword=False),
    # a directory's or a certificate's common name: "CN=Santos\, Minh,OU=Clinicians",
    # "cert CN=Sequoia Yamamoto"
    rule("name.ldap_cn", "NAME",
         r"(?<![\w])(?i:cn)=(?P<v>[A-Z][^,=+/\\\n\"<>;]{0,60}"
         r"(?:\\,[ ]?[A-Z][^,=+/\\\n\"<>;]{1,60})?)"
         r"(?=,|/|$|\s|\")", _common_name, priority=2, needs=("cn=",)),
    # a person's record built positionally: `Subscriber(Sequoia Bautista,2084953886802,…)`
    rule("name.person_ctor", "NAME",
         r"\b(?:Subscriber|Patient|Client|Member|Guarantor|Insured|Dependent|Person|Guardian|"
         r"Contact)\((?P<v>[A-Z][\w'’\-]+(?:[ ][A-Z][\w'’\-]+){1,3})(?=[,)])",
         _no_organisation, priority=2,
         needs=("subscriber(", "patient(", "client(", "member(", "guarantor(", "insured(",
                "dependent(", "person(", "guardian(", "contact(")),
    # a pharmacy's or a fax cover's "LIANG, Z.": a surname in capitals and an initial
    rule("name.last_initial", "NAME",
         r"(?<![\w.'’@/\-])(?P<v>[A-Z][A-Z'’\-]{2,30}, [A-Z]\.)(?![\w.])", _caps_surname,
         priority=2, anchor="scan"),
    # a contact QR code's payload: "MECARD:N:Culpepper,Ember;TEL:…;BDAY:20030812;;"
    rule("name.mecard", "NAME", r"(?i:MECARD:(?:[A-Z\-]+:[^;\n]*;)*?N:)(?P<v>[^;:\n]{2,80});",
         priority=3, needs=("mecard:",), back=0, ahead=400),
    rule("name.given_initial", "NAME",
         r"(?<![\w.'’@/\-])(?P<v>[A-Z][^\W\d_A-Z]+(?:-[^\W\d_][^\W\d_A-Z]+)?[ \t][A-Z]\.)(?![\w.])",
         _given_then_initial, priority=2, anchor="scan"),
    rule("other_id.record_code", "OTHER_ID", RECORD_CODE, kind_of=_record_code, anchor="scan"),
    # …and at the end of a storage key: `draft_note_RCC9775754`, `draft_note_CH26-23071`
    rule("other_id.key_record", "OTHER_ID",
         r"(?<=[a-z]_)(?P<v>[A-Z]{1,4}(?:\d{6,12}|\d{2,4}-\d{5,8}))(?![\w\-])",
         kind_of=_record_code, anchor="scan"),
    # …and as a segment of a path: `/clinicians/intake/A4334526/submit/`,
    # `/data/uploads/QP-661-9226/id_card.jpg` (a person's folder)
    rule("other_id.path_record", "OTHER_ID",
         r"(?<=/)(?P<v>[A-Z]{1,4}-?(?:\d{6,12}|(?=(?:\D{0,2}\d){7})\d{2,8}(?:-\d{2,8}){1,2}))"
         r"(?=/|\.[A-Za-z]|[\"'\s?#)]|$)", kind_of=_record_code, anchor="scan"),
)


#: Hyperscan triggers for rules that have no keyword (see `prefilter`): a loose superset of
#: what the rule's own regex matches, with no look-arounds. The rule runs in a window around
#: each trigger's end.
_L = r"(?:^|[^0-9A-Za-z_.])"  # trigger starts after a non-word character (or at the start)
_R = r"(?:$|[^0-9])"  # and its digits end there

#: Names of payers and of long-acting medicines that read like a person's name to the name
#: detectors ("Kaiser Permanente", "Invega Sustenna"): never redacted, like the configured
#: allowlist. Only forms no person is called: "Kaiser" or "Molina" alone may be a surname.
KEPT_NAMES: tuple[str, ...] = (
    "Kaiser Permanente", "Blue Cross Blue Shield", "BlueCross BlueShield", "Blue Cross",
    "Regence BlueShield", "Regence BlueCross", "Regence", "BlueShield", "BlueCross", "Anthem",
    "Blue Shield", "Florida Blue", "Capital Blue", "Harvard Pilgrim", "Tufts Health",
    "Priority Health", "Molina Healthcare", "Magellan Health", "Magellan Healthcare",
    "Beacon Health", "Carelon Behavioral Health", "Carelon", "Optum", "UnitedHealthcare",
    "United Healthcare", "Aetna", "Cigna", "Evernorth", "Humana", "TRICARE", "Tricare",
    "Medicaid", "Medicare", "Medi-Cal", "MassHealth", "Ambetter", "Centene", "WellCare",
    "Wellcare", "Highmark", "Regence", "Premera", "CareFirst", "EmblemHealth", "Healthfirst",
    "Amerigroup", "CareSource", "Wellmark", "Excellus", "Geisinger", "HealthPartners",
    "Oscar Health", "Bright Health", "Devoted Health", "Clover Health", "Alignment Health",
    "HMSA",
    "Superior HealthPlan", "Sutter Health", "Surescripts", "Availity", "Change Healthcare",
    "Mac OS X", "Mac OS",
    *(f"Blue {plan} of {state}" for plan in ("Cross Blue Shield", "Cross", "Shield")
      for state in STATE_NAMES.split("|")),
    "Invega Sustenna", "Invega Trinza", "Invega Hafyera", "Abilify Maintena",
    "Abilify Asimtufii", "Aristada Initio", "Risperdal Consta", "Zyprexa Relprevv",
)

#: A vehicle's model year, make and model ("2015 Nissan Altima", "2012 Ford F-150"): a car,
#: not a person called Altima. Plate and VIN stay identifiers; the model says nothing.
CAR_MAKES = ("Acura|Audi|BMW|Buick|Cadillac|Chevrolet|Chevy|Chrysler|Dodge|Fiat|Ford|GMC|Honda|"
             "Hyundai|Infiniti|Jaguar|Jeep|Kia|Land Rover|Lexus|Lincoln|Mazda|Mercedes-Benz|"
             "Mercedes|Mini|Mitsubishi|Nissan|Porsche|Ram|Subaru|Tesla|Toyota|Volkswagen|VW|"
             "Volvo")
VEHICLE_MODEL = rf"(?:19|20)[0-9][0-9] (?:{CAR_MAKES})(?: [A-Z0-9][A-Za-z0-9\-]{{0,12}}\b){{1,2}}"
# (a model's word is short: the VIN after "2016 Honda Civic" is no part of the model)

#: An HTTP status and its reason, where the reason reads like a street ("502 Bad Gateway").
HTTP_STATUS = r"[1-5][0-9][0-9] (?:Bad Gateway|Gateway Time-?out)"

#: One pattern for every kept name (a prefilter trigger, and `re`'s fallback).
KEPT_PATTERN = "|".join([re.escape(t) for t in sorted(KEPT_NAMES, key=lambda t: (-len(t), t))] +
                        [VEHICLE_MODEL, HTTP_STATUS])
KEPT_RX = re.compile(KEPT_PATTERN, re.IGNORECASE)

TRIGGERS: dict[str, str] = {
    # the labels and the name scan as letters without case: 'A' (the label may end on a
    # full-width colon, a '?' to the scan)
    "name.script_labelled": r"AA(?:[ \t]*[:?]?[ \t]*)AA",
    "date.ocr": r"(?:^|[^0-9A-Za-z_/])(?:(?:O[0-9O]?|[0-9]O)/[0-9O]{1,2}|"
                r"[0-9]{1,2}/(?:O[0-9O]?|[0-9]O))/",
    "card.luhn": _L + r"(?:\d{13}|\d{4}[ \-]\d{4}[ \-]\d{4}|\d{4}[ \-]\d{6}[ \-]\d{4})",
    "phone.nanp": r"(?:^|[^0-9A-Za-z_.\-/])(?:(?:\+?1|001)[\s.\-]?)?\(?\d{3}\s*\)?[\s.\-/]?\d{3}"
                  r"[\s.\-]?\d{4}" + _R,
    "phone.intl": r"\+[2-9]\d{0,2}[\s.\-]?\(?\d",
    "phone.intl_00": r"(?:^|[^0-9A-Za-z_+.\-])00[2-9]\d{0,2}[ \t]\(?\d",
    "phone.fr": r"(?:\+33[ \t.]?[1-9]|0[1-9])(?:[ \t.]\d{2}){4}",
    "phone.national_mobile": r"0[1-9]\d{2,3}[ \t.\-]\d{3}[ \t.\-]\d{3}",
    "ssn.formatted": _L + r"\d{3}[\- ]\d{2}[\- ]\d{4}" + _R,
    # after the date: anything but a word character or ':', a '-' not before a digit, or a
    # space not before a time of day (` 7644` is not `14:05`)
    "date.iso": _L + r"(?:19|20)\d\d[\-/]\d{1,2}[\-/]\d{1,2}(?:$|[^T0-9:\- ]|-(?:$|[^0-9])|"
                r"[ ](?:$|[^0-9]|\d(?:$|[^0-9:])|\d\d(?:$|[^:])|"
                r"\d\d?:(?:$|[^0-9]|\d(?:$|[^0-9])))|"
                r"[ ]\d\d?:\d\d[ ]?(?:-|to |[AaPp]))",
    "date.us": r"(?:^|[^0-9A-Za-z_./:\-])\d{1,2}[/\-]\d{1,2}[/\-]\d\d",
    "date.dotted": _L + r"\d{1,2}\.\d{1,2}\.(?:19|20)\d\d",
    "date.day_first": _L + r"(?:1[3-9]|2\d|3[01])/\d{1,2}/(?:19|20)\d\d",
    "date.day_month": r"\d{1,2}(?:st|nd|rd|th)?[\s\-]+(?:of\s+)?"
                      r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    "date.compact": _L + r"(?:19|20)\d{6}" + _R,
    "date.month_day_time": r"\d{1,2}/\d{1,2}[ \t]+(?:at[ \t]+|@[ \t]*)?\d{1,2}(?::\d\d)?[ \t]?[ap]",
    "date.compact_month": r"\d{1,2}(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                          r"(?:19|20)\d\d",
    # ñ, ổ reach the scan as 'a', "лет" as "aaa"
    "age.years_old": r"\d{2,3}\s*-?\s*(?:y|a[na]os|tu[oa]i|ans|lat|jir|saal|sana|jahr|anni|aaa)",
    "age.sex_first": r"(?:F|M|female|male),[ \t]?(?:9\d|1[01]\d|12[0-5])",
    "ip.v4": _L + r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}",
    "ip.v6_full": r"[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){7}",
    "device.mac": r"[0-9A-Fa-f]{2}(?:[:\-][0-9A-Fa-f]{2}){5}",
    "address.street": r"[ \t](?:" + STREET_SUFFIX + "|" + _STREET_SUFFIX_CAPS +
                      r"|Calle|Camino|Paseo|Avenida|Via|Rue|Strada|Rua|Carrera)",
    "city.state": rf"(?:{_PLACE_CUES}) [A-Z][a-z]+(?:[ \-][A-Z][a-z]+){{0,2}}, (?:{_CITY_STATES})"
                  r"(?:$|[^A-Za-z0-9_])",
    "zip.plus4": r"\d{5}\-\d{4}",
    "address.grid": r"\d[ ][NSEW]\.?[ ]\d{2,5}[ ][NSEW]",
    "zip.state": r"[A-Z]{2},? \d{5}|\^[A-Z]{2}\^\d{5}|[A-Z]{2}[\"'],? [\"']\d{5}",
    "health_plan.mbi": r"[1-9][A-Z][A-Z0-9]\d-?[A-Z][A-Z0-9]\d-?[A-Z]{2}\d{2}",
    "license.dea_checked": r"[A-Z][A-Z9]\d{7}",
    "vehicle.vin": r"[A-HJ-NPR-Z0-9]{17}",
    "device.imei": _L + r"\d{15}" + _R,
    "name.possessive": r"[A-Z][a-z]{2,20}'s",
    "name.given_initial": r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?[ \t][A-Z]\.",
    # (three digit words in a row: a loose superset the rule then reads in full)
    "phone.spoken": rf"{_DIGIT_WORD}{_SPOKEN_SEP}{_DIGIT_WORD}{_SPOKEN_SEP}{_DIGIT_WORD}",
    "date.month_day_vi": r"(?:h[a-z]n|ng[a-z]y)[ \t:]+\d{1,2}/\d{1,2}",
    # Cyrillic and Vietnamese letters scan as 'a' (the prefilter reads an ASCII shadow)
    "date.day_month_ru": r"\d[ \t]+[aA]{3,8}a",
    "date.day_month_vi": r"\d[ \t]+th[a-z]ng[ \t]+\d",
    "address.street_name": rf"(?:on|at|near|off|onto)[ \t]+[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){{0,2}}"
                           rf"[ \t](?:{_NAMED_STREET})",
    "date.korean": r"(?:19|20)\d\d(?:A|nyeon)[ \t]?\d{1,2}(?:A|wol)",  # 년, 월 scan as 'A'
    # the prefilter reads "März", "Jänner" as "Marz", "Janner" (an ASCII shadow)
    "date.day_month_de": r"\d\.[ \t]?(?:Januar|Janner|Februar|Marz|Maerz|April|Mai|Juni|Juli|"
                         r"August|September|Oktober|November|Dezember)",
    "name.before_age": r"[a-z],[ \t](?:9\d|1[01]\d)[, \t]",
    "name.last_initial": r"[A-Z][A-Z'\-], [A-Z]\.",
    "name.subject": rf"[a-z][ \t]+(?:{_PERSON_VERBS}|here[,!])",
    "name.possessive_relation": rf"[a-z]['?]s[ \t]+(?:{_RELATIONS})",
    "name.handle": r"@[a-z]{2,20}[._][a-z]{2,30}",
    # one expression each for the languages' month names and age words (not a keyword
    # literal apiece: the database stays small), on the day's digit and the word for years
    "date.day_month_i18n": (r"\d\.?[ \t]+[A-Za-z]{0,4}(?:"  # (an accent scans as a letter)
                            + "|".join(_ascii_needs(_MONTHS_I18N.lower())) + ")"),
    "age.words_i18n": r"(?:noventa|cien|cem|cento|quatre-vingt|katreven|dziewi|sto|sagaashan|"
                      r"boqol|siyamnapu|sandaan|navve|aanave|anve|tis|mi'a|neunzig|hundert|"
                      r"novant)[^\n]{0,40}[ ](?:a[na]os|ans?|lat|jir|taong|saal|sana|jahre|anni)",
    "name.id_card_line": r"(?:^|[\n\x00])(?:LN|FN|MN|DCS|DAC|DAD|DCT)[ \t]+[A-Za-z]",
    "name.signature": r"(?:[.!?]|[ \t][\-~])[ \t]+[A-Za-z][^ \t\"\n\x00]{1,30}"
                      r"(?:[ \t][^ \t\"\n\x00]{1,30})?"
                      r"[ \t]*(?:\"|\n|\x00|$)",  # (a batch joins texts with NUL)
    "name.at_mention": r"@[A-Z][a-z]{2}",
    "city.state_name_after": rf"[A-Z][a-z]+, (?:{STATE_NAMES})",
    "other_id.record_code": r"(?:^|[^0-9A-Za-z_./:#=\-@$%*|^~\\])[A-Z]{1,4}-?"
                            r"(?:\d{6}|\d{3,8}-\d\d)",
    "other_id.path_record": r"/[A-Z]{1,4}-?\d{2}",
    "other_id.key_record": r"[a-z]_[A-Z]{1,4}\d{2}",
    "zip.roster": r"(?:19|20)\d{6}[ \t]+[MFUX][ \t]+\d{5}",
    "name.folder": r"[A-Za-z], ?[A-Z][A-Za-z\-]*(?: [A-Za-z][A-Za-z\-]*)? \((?:19|20)\d\d-\d\d-"
                   r"\d\d\)/",
}
#: Characters a digit/scan rule's match may reach before and after its trigger's end.
TRIGGER_WINDOW = (40, 48)
TRIGGER_WINDOW_FOR: dict[str, tuple[int, int]] = {"address.street": (120, 40),
                                                   "phone.spoken": (90, 24),
                                                   "name.folder": (100, 0),
                                                   "city.state": (80, 8)}
