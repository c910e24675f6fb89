"""NAME detection: context cues plus a given-name/surname dictionary.

Why not a regex: names are open-ended words. A capitalised word after `Patient`, `Dr.` or
`sister` is a name whatever it is (strong cue); after `for`/`to`/`with` it is one only when the
dictionary knows it (weak cue); two or more capitalised dictionary names in a row are a name
without any cue. Code identifiers (CamelCase, snake_case, dotted), exception classes and plain
English words fail those tests and stay. Once a name is found, its other mentions in the same
text (a surname in a URL, a first name later in a note) go too.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from relay.scrub.keys import unaccented
from relay.scrub.rules import STATE_CODES, STREET_SUFFIX

# A word: letters with inner apostrophes/hyphens (O'Neill, Turchi-Cuda, Nguyễn, 红梅).
# Letters, plus the combining marks of Indic and Thai scripts (a Devanagari name's vowel
# signs are not "word" characters to `re`, but they are part of the name).
_MARKS = r"\u0300-\u036f\u0900-\u0dff\u0e00-\u0e7f"
LETTER = rf"(?:[^\W\d_]|[{_MARKS}])"
# An apostrophe joins O'Neill / D'Angelo (one-letter prefix) and Margaret's, but not two
# capitalised words glued by a quote (`Chantal'Kamila'`).
WORD = (rf"(?:{LETTER}['’](?={LETTER}))?{LETTER}"
        rf"(?:{LETTER}|-(?={LETTER})|['’](?=[^\W\d_A-Z]))*")
WORD_RX = _WORD_RX = re.compile(WORD)
_INITIAL = r"[^\W\d_]\.(?:[^\W\d_]\.)?(?!\w)"  # "J.", and "T.J." as staff write two
_TOKEN_RX = re.compile(rf"{_INITIAL}|{WORD}")

#: Credentials written after a clinician's name ("Jarrah Benally, LPC"), as written.
CREDENTIALS_AS_WRITTEN = tuple("""
PMHNP LICSW APRN BCBA CADC CRNP LADC LCPC LCSW LMFT LMHC LMSW LPCC PA-C PsyD DNP EdD FNP LPC
LPN MFT MHC MSW CNP PhD DDS MD DO NP RN PA
""".split())  # noqa: SIM905
#: The same, case-folded: never a part of the name they follow.
CREDENTIALS = frozenset(c.casefold() for c in CREDENTIALS_AS_WRITTEN)

TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "mister", "madam", "atty",
                    "rev", "hon", "dra", "sra", "srta"})
PARTICLES = frozenset({"de", "del", "della", "der", "den", "di", "da", "do", "dos", "das", "du",
                       "los", "las",
                       "la", "le", "van", "von", "ten", "ter", "bin", "ibn", "al", "el", "st",
                       "y", "e", "zu", "af", "mac", "lo", "t", "an"})
#: The surname particles as a regex alternation, for the name grammars that read them
#: between or before capitalised words ("Jürgen de los Santos", "F. van den Berg").
PARTICLE = (r"(?:de|del|della|der|den|di|da|dos|das|du|la|las|los|le|van|von|ten|ter|bin|ibn|"
            r"al|el|y|['’]t|"  # Dutch "van 't Hof"
            r"an(?=[ \t]t[A-Z])|"  # Irish "Mac an tSaoir" (the article before an eclipsed name)
            # a saint's name before the surnames made of them ("Ayesha St. Clair"; not the
            # city of St. Louis)
            r"S[tT]\.(?=[ \t](?i:clair|claire|john|james|pierre|germain|laurent|onge|cyr|amand|"
            r"croix|denis|jean|martin|george|hilaire|vincent)\b))")
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "md", "phd", "psyd", "lcsw", "lmhc", "rn",
                      "np", "do", "lpc", "lmft"})

#: Capitalised words that end a name run after a cue: sentence words seen in logs.
STOP_WORDS = frozenset("""
i i'm i’m im i'd i'll i've license licence permit a an the and or but not no yes is was were
hola gracias buenos buenas mrn dob ssn npi dea ein
be been has have had will
would can could should
may might must do does did of in on at to for from by with without about after before since
until into onto over under per via as if then than so that this these those there here it its
he she they we you i me him her them his hers their our your who whom which what when where why
how all any each every some none other another such same own only also just very more most
less few many much please thanks thank hello hi dear hey reply confirm call text sms email fax
phone portal record records chart account id ids number no num dob date mrn ssn age aged
patient patients client clients user users member members error errors failed failure missing
invalid unknown null none undefined true false ok status code type name names first last
middle full intake session sessions appointment appointments note notes visit visits claim
claims payment invoice billing insurance plan policy group subscriber provider providers
service services server request response header headers body data value values field fields
table column key keys index job task queue event events issue alert alerts warning info debug
critical fatal exception traceback line file path url home work mobile cell office main
primary secondary emergency contact contacts relationship sibling parent child guardian spouse
new old test demo sample unit suite apt street st ave avenue road rd blvd drive dr lane ln
court ct place pl way north south east west reports reported report referred referral seen
signed sent received missed cancelled canceled scheduled rescheduled booked transferred left
called discharged admitted admission discharge today tomorrow yesterday monday tuesday
wednesday thursday friday saturday sunday january february march april june july august
september october november december jan feb mar apr jun jul aug sep sept oct nov dec
npi dea rx dx cpt icd hl7 fhir api ip url sms ach ehr emr id ok
""".split())  # noqa: SIM905

#: Strong cues: the next name-shaped words are a name (any capitalised word, or a dictionary
#: word in lower case).
STRONG_CUES = frozenset("""
patient pt client holder cardholder guardian caregiver subscriber beneficiary insured
sister brother wife husband mother father son daughter spouse partner parent grandmother
grandfather grandson granddaughter aunt uncle cousin niece nephew friend boyfriend girlfriend
fiance fiancee mom dad stepmother stepfather stepson stepdaughter child roommate neighbor
stepmom stepdad grandma grandpa sibling grandchild grandparent godmother godfather
hi hello dear hey clinician therapist counselor counsellor psychiatrist psychologist
prescriber physician nurse attn attention driver rider caller recipient guarantor attorney
interpreter caseworker witness minor resident kid dependent subscriber guarantor owner
pastor coworker co-worker boss teacher coach priest rabbi imam sponsor landlord ward
""".split()) | frozenset({  # noqa: SIM905
    # self-introductions in voicemail transcripts and chat: strong cues of several words
    "my name is", "hi this is", "hi, this is", "hello this is", "hello, this is",
    "hey this is", "hey, this is", "hi it is", "hello it is", "hola", "um this is",
    "hi its", "hi it's", "hey its", "hey it's", "hello its", "hello it's",
    "uh this is", "um hi this is", "uh hi this is",
    # roles that sign or receive ("Probation officer Ty Hwang", "pharmacist …", "Mail to: …")
    "officer", "pharmacist", "sincerely,", "regards,",
    # a lab's critical value, called to someone who reads it back ("read back by TOU LOR")
    "read back by",
    # who runs a group session ("facilitator Aoife Ogundipe, co-fac Hue")
    "facilitator", "co-fac",
    # an identity document's fields read out: "surname HALVORSEN, given names PEMA"
    "surname", "given name", "given names", "maiden name",
    # self-introductions in Spanish and Portuguese ("Hola, soy maricela garcía-ibarra")
    "me llamo", "mi nombre es", "soy", "le escribe", "le habla", "me chamo",
    # a doctor addressed in Vietnamese ("Chào bác sĩ Hirsi")
    "bác sĩ"}) | frozenset(
    # relatives in Spanish and Portuguese ("mi hija Sofía", "la mamá de Luis", "mãe de Ana")
    rel + tail for rel in """hija hijo esposa esposo mamá mama papá madre hermana hermano
    abuela abuelo nieta nieto tía tío filha filho mãe irmã irmão avó avô sobrino sobrina
    sobrinho sobrinha suegra suegro cuñado cuñada sogra sogro""".split()  # noqa: SIM905
    for tail in ("", " de", " del", " da", " do")) | frozenset({"padre de", "pai de",
    # relatives in German, French and Italian ("Ehemann Jonas", "ma fille Inès", "mio figlio")
    "ehemann", "ehefrau", "lebensgefährte", "lebensgefährtin", "mein sohn", "meine tochter",
    "mein mann", "meine frau", "meine mutter", "mein vater", "mon fils", "ma fille", "mon mari",
    "ma femme", "ma mère", "mon père", "ma sœur", "ma soeur", "mon frère", "mon époux",
    "mon épouse", "mio figlio", "mia figlia", "mio marito", "mia moglie", "mia madre",
    "mio padre", "mia sorella", "mio fratello"})

#: Weak cues: the next words are a name only when the dictionary knows the first one.
WEAK_CUES = frozenset("""
for to with by from and cc signed referred seen treated contacted called emailed texted
notified provider member user contact named re about of call it con w/ np rn aprn pmhnp
lcsw lpc lmft
""".split()) | frozenset({"call back", "called back"}) | frozenset({  # noqa: SIM905
    # a visit's title before its client ("Intake - Ysolde Kovács", "Session - Naledi …")
    "intake -", "session -", "appointment -", "appt -", "visit -", "consult -",
    "consultation -", "follow-up -", "therapy -", "evaluation -", "assessment -",
    # an addressee, who may be a PO box as well ("Mail to: Kateryna van den Heuvel")
    "mail to", "ship to", "bill to",
    # sign-offs that also thank a team ("Thanks, Support"): a name the list knows
    "thanks,", "thank you,", "cheers,", "warmly,", "gracias,", "merci,", "saludos,", "thanks",
    "thank you", "per", "welcome back", "welcome back,", "reminder",
    # a caller or writer introducing themselves mid-sentence ("Hi Dr. Q, this is Lucía,")
    "this is"})

STATES = frozenset("""
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania
tennessee texas utah vermont virginia washington wisconsin wyoming carolina dakota hampshire
jersey mexico york rhode island columbia puerto rico guam
""".split())  # noqa: SIM905


#: Two-letter state codes: "states LA, MT, HI" is no "Last, First", "Las Cruces, NM" no given.
STATE_CODE_SET = frozenset(STATE_CODES.split("|"))

#: Countries a "City, Country" pair ends with: never half of a "Last, First".
COUNTRIES = frozenset("""
afghanistan albania algeria argentina armenia australia austria azerbaijan bangladesh belarus
belgium bolivia bosnia brazil bulgaria cambodia cameroon canada chile china colombia croatia
cuba cyprus czechia denmark ecuador egypt eritrea estonia ethiopia finland france georgia
germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq
ireland israel italy jamaica japan jordan kazakhstan kenya korea kosovo kuwait laos latvia
lebanon liberia libya lithuania malaysia mali mexico moldova mongolia morocco mozambique
myanmar nepal netherlands nicaragua niger nigeria norway pakistan panama paraguay peru
philippines poland portugal qatar romania russia rwanda samoa senegal serbia singapore
slovakia slovenia somalia spain sudan sweden switzerland syria taiwan tanzania thailand togo
tonga tunisia turkey uganda ukraine uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe
usa uk
""".split())  # noqa: SIM905


@lru_cache(maxsize=1)
def dictionary() -> dict[str, str]:
    """casefolded name -> flags: F given name, L surname, E also an ordinary English word."""
    path = resources.files("relay.scrub").joinpath("data/names.tsv.gz")
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    # one split per line, in C: every process start (each replica, the CLI) pays this
    return dict(line.split("\t", 1) for line in text.splitlines())


@lru_cache(maxsize=1)
def english() -> frozenset[str]:
    """Ordinary English words in lower case (SCOWL, `data/build_english.py`): a word no name
    list knows is still no name when it is one of these ("consents", "spool")."""
    path = resources.files("relay.scrub").joinpath("data/english.txt.gz")
    return frozenset(gzip.decompress(path.read_bytes()).decode("utf-8").split())


def _strip_possessive(word: str) -> str:
    if len(word) > 3 and word[-2:] in ("'s", "’s"):
        return word[:-2]
    return word


#: A lower-case particle joined to a capitalised surname: "al-Tamimi", "ben-David",
#: "d'Souza", "van't Hoff" reads as capitalised.
_JOINED_PARTICLE = re.compile(r"(?:al|el|ad|as|at|az|ash|abu|ben|bin|ibn|bint|d|de|da|di|du|del|"
                              r"della|dos|das|van|von|le|la)[\-'’][A-Z]")


def is_capitalised(word: str) -> bool:
    first = word[0]
    if first.lower() == first.upper():  # caseless script (CJK, Thai …): treat as a name word
        return True
    return first.isupper() or bool(_JOINED_PARTICLE.match(word))


def is_code_like(word: str) -> bool:
    """CamelCase/mixedCase identifiers (ClaimBatch, firstName) are code, not names.

    McDonald / MacArthur / DeShawn are the exception: one short inner capital after Mc/Mac/De."""
    inner = [i for i, c in enumerate(word[1:], 1) if c.isupper()]
    if not inner or word.isupper():
        return False
    if "-" in word or "'" in word or "’" in word:
        return False  # Turchi-Cuda, O'Neill: each part checked on its own merits
    return not (len(inner) == 1 and word[:inner[0]].lower() in {"mc", "mac", "de", "la", "le",
                                                                  "di", "da", "van", "fitz"})


@lru_cache(maxsize=65536)
def known(word: str) -> str:
    """Dictionary flags of a word ('' when unknown); hyphenated words by their parts."""
    d = dictionary()
    w = _strip_possessive(word).casefold()
    flags = d.get(w)
    if flags is not None:
        return flags
    if not w.isascii():  # "Lý", "Võ", "Nguyễn" as the lists spell them: "ly", "vo", "nguyen"
        bare = unaccented(w)
        if bare != w and bare in d:
            return d[bare]
    if "-" in w:
        parts = [d.get(p) for p in w.split("-") if p]
        if parts and all(p is not None for p in parts):
            return "".join(sorted({f for p in parts if p for f in p if f != "E"}))
    return ""


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def grab(text: str, pos: int, *, strong: bool, after_title: bool = False) -> Span | None:
    """The name that starts at or after `pos` (spaces skipped) under a strong or weak cue."""
    i = pos
    n = len(text)
    while i < n and text[i] in " \t\"'=:(":
        i += 1
    tokens: list[tuple[int, int, str]] = []
    j = i
    while j < n and len(tokens) < 7:
        if tokens and text.startswith(("'t ", "’t "), j):  # Dutch "van 't Hof"
            tokens.append((j, j + 2, "t"))
            j += 3
            continue
        m = _TOKEN_RX.match(text, j)
        if not m:
            break
        k = m.end()
        if k < n and (text[k] == "_" or text[k].isdigit() or
                      (text[k] == "-" and k + 1 < n and text[k + 1].isdigit())):
            break  # part of an identifier (send_reminder, user42, BILL-89419)
        tokens.append((m.start(), k, m.group()))
        nick = _NICKNAME.match(text, k)  # "Efua (Bubba) Kowalczyk": step over the nickname
        if nick and tokens:
            k = nick.end() - 1
        # next token must follow one space/tab (no line breaks: a name stays on its line)
        if k + 1 < n and text[k] in " \t" and text[k + 1] not in " \t\n":
            j = k + 1
            continue
        break
    span = _accept(text, tokens, strong=strong, after_title=after_title)
    if span is None and tokens and not strong:
        span = _weak_comma_form(text, tokens[0])
    return span


#: A nickname between a given name and a surname: "Efua (Bubba) Kowalczyk",
#: "Jasmeet 'Rafa' Mahlangu", 'Robert "Bobby" Tables'.
NICKNAME = (r"(?:\([A-Z][\w'’\-]{1,20}\)|'[A-Z][\w’\-]{1,20}'|\"[A-Z][\w'’\-]{1,20}\"|"
            r"[‘“][A-Z][\w'\-]{1,20}[’”])")
_NICKNAME = re.compile(rf" {NICKNAME} (?=[A-Z])")


def _weak_comma_form(text: str, tok: tuple[int, int, str]) -> Span | None:
    """`for DRÓZD, SZYMON`: an unknown surname is still a name when a known given name of the
    same letter case follows its comma."""
    start, end, word = tok
    if text[end:end + 2] != ", " or not is_capitalised(word) or is_code_like(word) or \
            word.casefold() in STOP_WORDS:
        return None
    m = _TOKEN_RX.match(text, end + 2)
    if not m:
        return None
    first = m.group()
    flags = known(first)
    if "F" not in flags or "E" in flags or first.isupper() != word.isupper():
        return None
    return Span(start, _comma_form(text, end, word, strong=False))


def _next_char(text: str, end: int) -> str:
    rest = text[end:end + 4].lstrip(" ")
    return rest[:1]


def _is_initial(raw: str) -> bool:
    return (len(raw) in (2, 4) and raw[1] == "." and raw.endswith(".")) or \
        (len(raw) == 1 and raw.isupper())


def _surname_after_initials(tokens: list[tuple[int, int, str]], i: int, *,
                            strong: bool) -> bool:
    """Whether the initials from tokens[i] on ("J.", "J. K.") are followed by a capitalised
    word: any under a strong cue, one the dictionary knows as a name under a weak one."""
    while i + 1 < len(tokens) and _is_initial(tokens[i + 1][2]):
        i += 1
    return i + 1 < len(tokens) and is_capitalised(tokens[i + 1][2]) and (
        strong or _known_name_next(tokens, i))


def _known_name_next(tokens: list[tuple[int, int, str]], i: int, *,
                     unknown_ok: bool = True) -> bool:
    """Whether the token after tokens[i] (one blank away) is a capitalised known name that
    is not also an English word, or a word neither list knows: no dictionary knows every
    given name, but such a word vouches for the word before it under a weak cue."""
    if i + 1 >= len(tokens) or tokens[i + 1][0] != tokens[i][1] + 1:
        return False
    word = _strip_possessive(tokens[i + 1][2])
    flags = known(word)
    return (is_capitalised(word) and not is_code_like(word) and
            word.casefold() not in STOP_WORDS and
            ((bool(flags) and "E" not in flags) or (unknown_ok and unknown_word(word))))


def _accept(text: str, tokens: list[tuple[int, int, str]], *, strong: bool,
            after_title: bool) -> Span | None:
    taken: list[tuple[int, int, str]] = []
    pending: list[tuple[int, int, str]] = []  # particles waiting for a capitalised word
    lower_mode = False
    for i, tok in enumerate(tokens):
        raw = tok[2]
        word = _strip_possessive(raw)
        low = word.casefold().rstrip(".")
        if not taken and not pending and low in TITLES:
            continue  # "Patient Dr. Massey"
        if _is_initial(raw):
            # a leading initial ("Client J. Choi", "with B. Yamamoto") needs a surname after
            # it: any capitalised word under a strong cue, a known name under a weak one
            if not taken and not _surname_after_initials(tokens, i, strong=strong):
                break
            taken.extend(pending)
            pending = []
            taken.append(tok)
            continue
        if low in PARTICLES and not is_capitalised(word):
            pending.append(tok)
            continue
        if is_code_like(word):
            break
        if taken and low in SUFFIXES:
            taken.append(tok)
            break
        if is_capitalised(word):
            first = not taken
            flags = known(word)
            if not strong and low in STATES:
                break  # "states OR, MN, NH and Indiana": under a weak cue, a state
            if low in STOP_WORDS and not (first and after_title) and not (
                    not first and flags and "E" not in flags):
                break
            if first and not strong and not flags and not (
                    _known_name_next(tokens, i, unknown_ok=False) or
                    (unknown_word(word) and _known_name_next(tokens, i))):
                # "by Chidi Al-Sayed": an unknown given name, a known surname; "for Deepika
                # Nasser": two words neither list knows. One unknown word alone ("to Redis")
                # is not enough under a weak cue.
                return None
            if lower_mode:
                break
            if word.isupper() and len(word) > 1 and flags.strip("E") == "" and \
                    not (unknown_word(word, caps=True) and _VOWEL.search(word)) and not (
                        # short names in capitals under a strong cue: "Patient: TOU LOR"
                        strong and _VOWEL.search(word) and low not in english() and
                        low not in STOP_WORDS and low not in TECH_WORDS):
                break  # a word in capitals must look like a name: "F/U W/ BROUWER TMRW AM"
            taken.extend(pending)
            pending = []
            taken.append(tok)
            continue
        # a lower-case word: a name only under a strong cue ("patient diane day (MRN …")
        if not strong or low in STOP_WORDS:
            break
        flags = known(word)
        if not taken:
            if "F" in flags:
                lower_mode = True
                taken.append(tok)
                continue
            break
        if lower_mode and ((flags and "E" not in flags) or
                           _next_char(text, tok[1]) in ("", "(", ")", ",", ";", ":", "\n")):
            taken.append(tok)
            continue
        break
    words = [t for t in taken if t[2].casefold() not in PARTICLES and not _is_initial(t[2])]
    if not words:
        return None
    if not strong and len(words) < 2 and all(
            "E" in known(t[2]) or (t[2].isupper() and (t[2].casefold() in english() or
                                                       len(t[2]) <= 4))
            for t in words):
        return None  # "for Will", "Violation of UNIQUE KEY", "ship to SIEM": one ordinary
        # word or an acronym
    end = taken[-1][1]
    last = taken[-1][2]
    if last[-2:] in ("'s", "’s") and len(last) > 3:
        end -= 2
    if len(words) == 1 and text[end:end + 2] == ", " and (strong or "L" in known(words[0][2])):
        end = _comma_form(text, end, taken[-1][2], strong=strong)
    return Span(taken[0][0], end)


def _comma_form(text: str, end: int, surname: str, *, strong: bool) -> int:
    """"Last, First [M]" after a single surname: "Thaker, Maanav E", "GIBSON, STEPHANIE"."""
    m = _TOKEN_RX.match(text, end + 2)
    if not m:
        return end
    first = m.group()
    if not is_capitalised(first) or is_code_like(first) or first.casefold() in STOP_WORDS or \
            first.casefold() in CREDENTIALS:  # "Mahmoudi, NP": a credential, no given name
        return end
    after = _next_char(text, m.end())
    if not strong and "F" not in known(first):
        return end
    if not (strong or known(first) or (first.isupper() and surname.isupper()) or
            after in ("", "(", ")", ",", ";", "\n")):
        return end
    stop = m.end()
    nxt = _TOKEN_RX.match(text, stop + 1) if text[stop:stop + 1] == " " else None
    if nxt and is_capitalised(nxt.group()) and nxt.group().casefold() not in STOP_WORDS and (
            _is_initial(nxt.group()) or known(nxt.group())):
        stop = nxt.end()
    return stop


_UPPER = ("[" + re.escape("".join(chr(c) for c in range(0x2FF) if chr(c).isupper()) +
                          "".join(chr(c) for c in range(0x370, 0x530) if chr(c).isupper()) +
                          "".join(chr(c) for c in range(0x1E00, 0x1F00) if chr(c).isupper()))
          # caseless scripts count as capitalised: kana, CJK ideographs, Hangul
          + "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
UPPER = _UPPER
# A capitalised word (O'Connor: a one-letter prefix, an apostrophe, a capital). It starts with
# the capital class itself so that `re` can skip to the next capital in C instead of trying
# a match at every position.
CAP_WORD = (rf"{_UPPER}(?:['’]{_UPPER})?"
            rf"(?:{LETTER}|-(?={LETTER})|['’](?=[^\W\d_A-Z]))*")
# The same words, taken whole (possessive, runs of letters at once): where a word must be
# followed by a space, a tab or ", ", a shorter prefix of it never fits (it is followed by a
# letter, hyphen or apostrophe), so refusing to backtrack into the word changes no match and
# saves the engine retrying every prefix.
_CAP_WORD = (rf"{_UPPER}(?:['’]{_UPPER})?"
             rf"(?:[^\W\d_]+|[{_MARKS}]|"
             rf"-(?={LETTER})|['’](?=[^\W\d_A-Z]))*+")
#: A capitalised word that may carry an Arabic or Hebrew article ("al-Rashid", "ben-David"),
#: for the grammars that start at a known place (a comma, an initial). The runs of capitalised
#: words do without it: a regex that may start at any 'a', 'b', 'e' or 'i' is five times
#: slower over an event, and "el-Amin Hassan" is found from "Amin" on anyway.
#: An article written onto a name: Arabic and Hebrew `al-`, `ben-` …, Irish eclipsis `tS…`.
_NAME_ARTICLE = r"(?:al|el|ben|bin|bint|abu|ibn)-|t(?=[A-Z][a-z])"
_PREFIXED_CAP_WORD = rf"(?:{_NAME_ARTICLE})?{_CAP_WORD}"
# surname particles may sit between the capitalised words ("Jürgen de los Santos")
# (after its first word, a word may carry an article: "Fatima al-Zahra Haddad")
_CAP_RUN = re.compile(rf"{_CAP_WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+)*"
                      rf"(?:{_INITIAL}|{_PREFIXED_CAP_WORD}))+")
_ARTICLE = re.compile(_NAME_ARTICLE)


def _english_compound(word: str) -> bool:
    """`LOG-END-OFFSET`: English words hyphenated in capitals, a column's name (not
    `JUN-JUN`, `BEN-AMI`: a part of them is a given name)."""
    if "-" not in word or not word.isupper():
        return False
    words = english()
    return all(p.casefold() in words and "F" not in known(p) for p in word.split("-") if p)


def dictionary_runs(text: str) -> Iterator[Span]:
    """Two or more capitalised words, each a dictionary name or a word neither the name list
    nor the English list knows, not all ordinary English words — a name with no cue around
    it ("Kimberly Johnson", "Keyshawn Kapanadze"). Payers and medicines that read like names
    are kept by `rules.KEPT_NAMES`."""
    for m in _CAP_RUN.finditer(text):
        s = m.start()
        glued = bool(s) and (text[s - 1].isalnum() or text[s - 1] in "._-/@")
        toks = [(t.start(), t.end(), t.group()) for t in _TOKEN_RX.finditer(m.group())]
        if glued:  # the run starts inside a longer token ("…comPatient Jane Doe"): skip it
            toks = toks[1:]
        run: list[tuple[int, int, str]] = []
        # in capitals amid lower-case text ("visitor log says ZANELE BLACKWOOD arrived"), a
        # word neither list knows is a name when it has a vowel (JWKS, HTTP are acronyms)
        around = text[max(0, s - 40):s] + text[m.end():m.end() + 40]
        caps_ok = any(c.islower() for c in around)
        for tok in toks:
            word = _strip_possessive(tok[2])
            if run and (a := _ARTICLE.match(word)):
                word = word[a.end():]
            low = word.casefold()
            if run and low in PARTICLES and not is_capitalised(word):
                run.append(tok)  # the run's regex put a capitalised word after it
                continue
            ok = is_capitalised(word) and not is_code_like(word) and \
                not _english_compound(word) and (
                (len(word) == 2 and word.endswith(".")) or
                (low not in STATES and low not in STOP_WORDS and (
                    bool(known(word)) or unknown_word(word) or (
                        caps_ok and unknown_word(word, caps=True) and
                        _VOWEL.search(word) is not None))))
            if ok:
                run.append(tok)
                continue
            yield from _judge(run, m.start())
            run = []
        yield from _judge(run, m.start())


_VOWEL = re.compile(r"[AEIOUYÀ-ÆÈ-ÏÒ-ÖØ-Ý]")
# in capitals the space may be missing: pharmacy and payer systems print `PAPADAKIS,ESTEBAN`
_LAST_COMMA = re.compile(rf"{_PREFIXED_CAP_WORD}, (?={_CAP_WORD})|"
                         r"[A-Z][A-Z'\-]+,(?=[A-Z][A-Z'\-]+(?![a-z]))")
_CAP_WORD_RX = re.compile(_CAP_WORD)
_STREET_SUFFIX = re.compile(STREET_SUFFIX + r"\.?")
_GREETING_BEFORE = re.compile(r"(?i:\b(?:hi|hello|hey|dear|hola))[ \t]+\Z")
#: Lower-case surname particles right before a surname ("de Heer", "van der Berg").
_PARTICLE_BEFORE = re.compile(rf"(?<![\w.\-/@])(?:{PARTICLE} )+\Z")


def last_first(text: str) -> Iterator[Span]:
    """`Vasseur, Chantal` with no cue: a known surname, a comma, a known given name (neither
    an ordinary English word, a state or a log word)."""
    # the comma is consumed, the given name only looked at: in "Not Found, ABERNATHY, CAMILA"
    # the pair after a rejected one ("Found, ABERNATHY") is still tried
    for m in _LAST_COMMA.finditer(text):
        fm = _CAP_WORD_RX.match(text, m.end())
        if fm is None:
            continue
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] in "._-/@"):
            continue
        e = fm.end()
        if e < len(text) and (text[e].isalnum() or text[e] in "_-"):
            continue
        if _GREETING_BEFORE.search(text, max(0, s - 8), s):
            continue  # "Hi Ciaran, Riverbend Trauma Recovery here": whom it greets, then who
        last, first = m.group().rstrip(", "), fm.group()
        fl, ff = known(last), known(first)
        # a surname particle before it ("de Heer", "van Dijk") says it is a surname even
        # when it is also an English word
        particle = _PARTICLE_BEFORE.search(text, max(0, s - 8), s)
        # the surname may be unknown ("Stefankiewicz, Tomasz"), or the given name, when a
        # known surname vouches for it ("Bhattacharya, Faduma"; no list has every name)
        # the English flag of a surname comes from an old dictionary ("Kulkarni"): only a
        # word the English list knows is an ordinary word here
        last_english = "E" in fl and last.casefold() in english()
        given_ok = ("F" in ff and "E" not in ff) or (
            not ff and "L" in fl and not last_english and not is_code_like(first)
            and len(first) > 1 and not _street_line_before(text, s)) or (
            # two words, each a name no ordinary word or a word neither list knows
            # ("PEMBERTON, OLUWASEUN", "RAFFERTY, FERNÁNDEZ-RUIZ"), in the same letter case
            _namelike(last) and _namelike(first) and
            last.isupper() == first.isupper() and not _street_line_before(text, s))
        if not given_ok or (last_english and particle is None) or \
                is_code_like(last) or _STREET_SUFFIX.fullmatch(last) or \
                (first.isupper() and len(first) > 1 and not last.isupper()):
            continue  # "DOE, Jane" is a convention; "Altima, VIN" is no name
        words = {last.casefold(), first.casefold()}
        if words & (STOP_WORDS | STATES | COUNTRIES) or words & TECH_WORDS or \
                {last, first} & STATE_CODE_SET or \
                last.casefold() + "," in STRONG_CUES:  # "Sincerely, Anahí" signs off
            continue
        # the given name was judged above: the comma form takes it as a strong cue would
        yield Span(particle.start() if particle else s,
                   _comma_form(text, s + len(last), last, strong=True))


_HOUSE_NUMBER_THEN_WORDS = re.compile(r"(?<![\w.\-/])\d{1,6}[A-Za-z]?[ \t]+"
                                      r"(?:[A-Za-z][\w'’.\-]*[ \t]+){0,4}\Z")


def _street_line_before(text: str, start: int) -> bool:
    """Whether the words before `start` (back to a bracket, quote, colon or line break) hold
    a number: then "Knolls, Warren" ends a street line and starts a city, not a name."""
    head = text[max(0, start - 40):start]
    cut = max(head.rfind(c) for c in "('\":;\n|")
    if cut >= 0 and head[cut] == ":" and head[cut + 1:cut + 2].isdigit():
        return False  # "13:00 Jankowski, Eun-ji": a time's minutes, no house number
    return _HOUSE_NUMBER_THEN_WORDS.search(head[cut + 1:]) is not None


def _namelike(word: str) -> bool:
    """A known name that is not an ordinary English word, or a word neither list knows."""
    flags = known(word)
    if flags:
        return "E" not in flags or word.casefold() not in english()
    return unknown_word(word, caps=True)


#: Software and services an alert names all the time; no list of English words has them,
#: and they are no one's name ("waiting for Redis re: connection").
TECH_WORDS = frozenset("""
redis kafka postgres postgresql mysql mariadb mongodb mongo sqlite nginx kubernetes k8s docker
celery rabbitmq grafana prometheus datadog twilio sendgrid mailgun postmark stripe sentry
pagerduty slack okta auth0 cloudflare heroku vercel netlify github gitlab jenkins terraform
ansible elasticsearch kibana logstash opensearch memcached haproxy envoy istio consul vault
nomad zookeeper cassandra dynamodb bigquery snowflake airflow sidekiq resque gunicorn uwsgi
uvicorn django flask rails laravel symfony nodejs webpack npm pypi aws gcp azure lambda
fargate kinesis firehose cloudwatch zendesk jira hubspot salesforce docusign zoom doxy
athena athenahealth epic cerner drchrono availity waystar surescripts bluetooth wifi usb
android ios iphone ipad macos linux ubuntu debian firefox safari wi-fi siem splunk
lenovo samsung motorola pixel galaxy kindle fitbit garmin dexcom omron withings
""".split())  # noqa: SIM905


def unknown_word(word: str, *, caps: bool = False) -> bool:
    """A word neither list knows: no name list has every name, and an unknown word that is
    no ordinary English word either is more often a name than anything else in an alert.
    Words in capitals are acronyms as often as names: only with `caps`, from four letters."""
    low = word.casefold()
    if word.isupper() and not (caps and len(word) >= 4):
        return False
    return len(word) >= 3 and not is_code_like(word) and low not in english() and \
        low not in TECH_WORDS and not known(word)


def _judge(run: list[tuple[int, int, str]], base: int) -> Iterator[Span]:
    while run and run[-1][2].casefold() in PARTICLES and not is_capitalised(run[-1][2]):
        run = run[:-1]  # a run cut after its particle: the particle is no part of it
    words = [t for t in run if not t[2].endswith(".") and not (
        t[2].casefold() in PARTICLES and not is_capitalised(t[2]))]
    if len(words) < len([t for t in run if not t[2].endswith(".")]) and not any(
            ("F" in (f := known(t[2])) or "L" in f) and "E" not in f and
            t[2].casefold() not in english() for t in words):
        return  # with particles, a name the list knows: "Casa de la Cultura" is a place
    if len(words) == 1 and len(run) > 1 and run[0] is words[0]:
        # a given name and an initial ("Abigail O.'s brother"): the given name must be known
        flags1 = known(words[0][2])
        if "F" in flags1 and "E" not in flags1:
            yield Span(base + run[0][0], base + run[-1][1])
        return
    if len(words) < 2:
        return
    flags = [known(t[2]) for t in words]
    if all("E" in f for f in flags):
        return
    # with no given name the dictionary knows ("Iolo Saleh", "Keyshawn Kapanadze": no list
    # has every name), two or three words; longer runs of unknown words are titles
    if not any("F" in f for f in flags) and len(words) > 3:
        return
    end = run[-1][1]
    if run[-1][2][-2:] in ("'s", "’s"):
        end -= 2
    yield Span(base + run[0][0], base + end)


@lru_cache(maxsize=8192)
def parts(value: str) -> frozenset[str]:
    """Casefolded words of a found name worth chasing elsewhere in the text (cached: one
    name is found by several detectors, and the same names recur from event to event)."""
    out: set[str] = set()
    for w in _WORD_RX.findall(value):
        w = _strip_possessive(w)
        low = w.casefold()
        if len(w) < 3 or low in TITLES or low in STOP_WORDS or low in PARTICLES:
            continue
        flags = known(w)
        if "E" in flags:
            continue
        out.add(low)
        out.update(p for p in low.split("-") if len(p) >= 3)
    return frozenset(out)


#: How far from a found name its other mentions are chased (characters each side). A
#: surname two lines further down an event is the same person; one 50 KB later in a batch
#: log probably is not, and searching the whole text for every part would be quadratic.
MENTION_REACH = 2048


def ordinary_word(word: str) -> bool:
    """An English, log or technical word ("team", "error", "django"): no one's name alone."""
    low = word.casefold()
    return low in english() or low in STOP_WORDS or low in TECH_WORDS


_LOCAL_PART_SEP = re.compile(r"[._\-+0-9]+")
_FIRST_LAST = re.compile(r"[^\W\d_]{3,20}[._\-][^\W\d_]{3,24}(?:[._\-][^\W\d_]{3,24})?\d{0,4}")


def address_parts(address: str) -> frozenset[str]:
    """The name parts a found e-mail address spells (`niamh.macgiolla@…`): words of its
    local part that the list knows as names, or every word of a `first.last` one made of no
    English words, so "Niamh wasn't found" loses the name too. `support`, `noreply`,
    `billing.team`, `grace` (a word) give none."""
    local = address.partition("@")[0]
    words = [w for w in _LOCAL_PART_SEP.split(local) if len(w) >= 3]
    if _FIRST_LAST.fullmatch(local) and not any(map(ordinary_word, words)):
        return frozenset(p for w in words for p in parts(w))
    return frozenset(p for w in words if known(w) for p in parts(w))


def mentions(text: str, lower: str, wanted: dict[str, list[tuple[int, int]]]) -> Iterator[Span]:
    """Whole-word, case-insensitive occurrences of already-found name parts within reach of
    where they were found (not inside a longer word, not a letter run in a hash or id)."""
    n = len(text)
    for part, around in wanted.items():
        for ws, we in around:
            at = lower.find(part, ws, we)
            while at >= 0:
                end = at + len(part)
                before = text[at - 1] if at else " "
                after = text[end] if end < n else " "
                if not (before.isalnum() or after.isalnum() or before == "_" or after == "_"):
                    yield Span(at, end)
                at = lower.find(part, end, we)


#: The rest of a lower-case surname: letters, an inner hyphen or apostrophe ("okonkwo-bassey").
_LOWER_SURNAME_TAIL = r"(?:[^\W\d_A-Z]|['’\-](?=[^\W\d_A-Z]))"
#: Two lower-case words, surname particles allowed between ("parisa van dijk").
_LOWER_PAIR = re.compile(rf"([^\W\d_A-Z](?:['’]?[^\W\d_A-Z]){{1,20}})((?: {PARTICLE})*) "
                         rf"([^\W\d_A-Z]{_LOWER_SURNAME_TAIL}{{1,24}})"
                         r"(?![\w@/\-]|\.\w)")


@lru_cache(maxsize=1)
def plain_given_names() -> frozenset[str]:
    """Given names that are no ordinary English word in any list ("deepika", "yusuf"; not
    "grace", "will" or "rose")."""
    eng = english()
    return frozenset(w for w, f in dictionary().items()
                     if "F" in f and "E" not in f and w not in eng and w.isalpha() and
                     w not in STOP_WORDS and w not in TECH_WORDS)


#: A lower-case word with the next one looked at, not consumed: every word is tried as the
#: given name of a pair.
#: The word after a lower-case given name, looked at, not consumed.
_THEN_WORD = re.compile(r" (?=([^\W\d_A-Z][^\W\d_A-Z'’\-]{2,24})(?![\w@/\-]|\.\w))")
_WORD_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-/@'’#")


#: Punctuation that may touch a name typed in lower case (`search "rania zhao"`).
_NAME_TOUCHING = str.maketrans({c: " " for c in "\"'`([{<,;:.!?"})


def _plain_given_words(text: str) -> frozenset[str]:
    if " " not in text:  # a name is two words: no blank, no name
        return frozenset()
    return plain_given_names().intersection(text.translate(_NAME_TOUCHING).split())


def may_hold_lower_name(text: str) -> bool:
    """Whether a word of the text is a plain given name: most texts hold none (one set test),
    and then no lower-case name can be in them."""
    return bool(_plain_given_words(text))


#: Function words of other languages that the name lists also hold (Tagalog's "magkano po
#: ang …", "si", "ni"; Vietnamese "anh", "em"): in lower case they are grammar, not a name.
_FUNCTION_WORDS = frozenset({"po", "ang", "ng", "sa", "si", "ni", "mga", "ba", "na", "ko", "mo",
                             "anh", "em", "ya", "da"})


def lower_names(text: str) -> Iterator[Span]:
    """A name typed in lower case with no cue ("why deepika farah's claim keeps bouncing",
    "2009, yusuf sokolov, I got a bill"): a given name that is no English word, then a surname
    the list knows that is none either. Only the given names the text holds are looked for
    (one set intersection), not every lower-case word."""
    found = _plain_given_words(text)
    if not found:
        return
    for first in found:
        at = text.find(first)
        while at >= 0:
            end = at + len(first)
            before = text[at - 1] if at else " "
            nxt = _THEN_WORD.match(text, end)
            if before not in _WORD_BEFORE and not before.isalpha() and nxt is not None:
                last = _strip_possessive(nxt.group(1))
                if _plain_surname(last) and first not in _FUNCTION_WORDS and \
                        last not in _FUNCTION_WORDS:
                    yield Span(at, nxt.start(1) + len(last))
            at = text.find(first, end)


def lower_pair(text: str, pos: int, *, strong: bool = False) -> Span | None:
    """A name typed in lower case after a cue ("call back giulia müller re her appt"): a
    given name the list knows that is no English word, then a surname the list knows or a
    word neither list knows. "for the team", "with jack cheese" stay. After a strong cue
    ("hi this is jiwoo freeman", "patient d'andre cruz") the given name may be one the list
    does not know, and the surname an English word the list knows as a surname."""
    m = _LOWER_PAIR.match(text, pos)
    if m is None:
        return None
    first, last = m.group(1), m.group(3)
    ff, fl = known(first), known(last)
    if first in english() or first in STOP_WORDS or last in STOP_WORDS or \
            first in TECH_WORDS or last in TECH_WORDS:
        return None
    if strong and len(first) >= 3 and not ff and ("L" in fl or (
            # "pt babajide okonkwo-bassey": two words no list knows, one half a surname
            not fl and "-" in last and last not in english() and
            any("L" in known(p) and "E" not in known(p) for p in last.split("-") if p))):
        return Span(m.start(), _third_surname(text, m.end()))
    if not ("F" in ff and "E" not in ff) and not (  # "parisa van dijk": a known surname
            not ff and len(first) >= 4 and "L" in fl and last not in english()):
        return None
    if "L" in fl or (not fl and last not in english() and len(last) >= 3):
        return Span(m.start(), _third_surname(text, m.end()))
    return None


_LOWER_NEXT = re.compile(rf" ([^\W\d_A-Z]{_LOWER_SURNAME_TAIL}{{2,24}})(?![\w@/\-]|\.\w)")


def _third_surname(text: str, end: int) -> int:
    """A second surname after a lower-case pair ("huong ramírez ochoa"): one the list knows
    that is no English word."""
    m = _LOWER_NEXT.match(text, end)
    if m is None:
        return end
    return m.end() if _plain_surname(m.group(1)) else end


def _plain_surname(word: str) -> bool:
    """A lower-case word the list knows as a surname and that no word list knows."""
    flags = known(word)
    return "L" in flags and "E" not in flags and word not in english() and \
        word not in STOP_WORDS and word not in TECH_WORDS


#: An initial, then a surname (particles allowed): "S. Quiñones", "F. van den Berg".
_INITIAL_SURNAME = re.compile(rf"(?<![\w.’])(?<!\w')[A-Z]\.(?:[A-Z]\.)?[ \t](?:{PARTICLE}[ \t])*"
                              rf"(?P<s>{_PREFIXED_CAP_WORD})")


_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w\-]*[ \t]\Z")


def initial_surnames(text: str) -> Iterator[Span]:
    """An initial before a surname the list knows (and no English word), or before a word
    neither list knows: a person written the way staff abbreviate them. "Plan B. Next" and
    "U.S. Army" stay: the surname must be a name, and a run of initials is no initial."""
    for m in _INITIAL_SURNAME.finditer(text):
        surname = m.group("s")
        flags = known(surname)
        if surname.casefold() in STOP_WORDS or surname.isupper():
            continue
        particles = m.end("s") - len(surname) - m.start() > 3  # "F. van den Berg"
        # a listed surname that is also a word ("N. Vang", "N. Smit") unless the initial
        # ends a label ("Plan B. Next", "Vitamin D. Rose")
        worded = "L" in flags and not _CAPITALISED_BEFORE.search(text, max(0, m.start() - 24),
                                                                 m.start())
        if ("L" in flags and (particles or surname.casefold() not in english() or worded)) or (
                not flags and unknown_word(surname)):
            yield Span(m.start(), m.end("s"))
