"""Sensitive keys: the value under such a key goes whole, whatever it looks like.

Why a separate table: the JSON walker (`"dob": …`), the key=value detector for free text
(`dob=…`, `last_name = '…'`, `'ssn': '…'`) and the URL query detector all ask the same
question — "is this key sensitive, and what kind is its value?" — so they share one answer.
Keys are compared after normalising case and separators: `first_name`, `firstName`,
`First-Name` and `FIRSTNAME` are one key.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache


def longest_first(word: str) -> tuple[int, str]:
    """Alternations list longer words first (so `first_name` wins over `name`), ties in
    alphabetical order so every process builds the same pattern (the prefilter cache key)."""
    return (-len(word), word)


_SEP = re.compile(r"[^0-9a-z]+")


#: Letters NFKD does not take apart: their plain letters as people type them.
_UNSPLIT = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O",
                          "æ": "ae", "Æ": "AE", "ß": "ss", "ı": "i"})


@lru_cache(maxsize=8192)
def unaccented(text: str) -> str:
    """`Østergaard` as `Ostergaard`, `código` as `codigo`: how a login or a key spells it."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text.translate(_UNSPLIT))
                   if not unicodedata.combining(c))


@lru_cache(maxsize=8192)
def normalise(key: str) -> str:
    """Case and separators aside, and accents: `código_postal` is `codigopostal`."""
    return _SEP.sub("", unaccented(key.casefold()))


#: Kinds whose value is also read after a key and a blank (`invalid phone '209-758-481'`):
#: those a value's shape confirms (digits, an @); "name 'x' is not defined" is Python's.
SPACED_KINDS = frozenset({"PHONE", "FAX", "EMAIL", "SSN", "DATE", "ZIP", "MRN", "HEALTH_PLAN",
                          "ACCOUNT", "LICENSE", "DEVICE", "VEHICLE", "CITY"})

#: normalised key -> kind, matched exactly.
EXACT: dict[str, str] = {
    "name": "NAME", "fullname": "NAME", "firstname": "NAME", "lastname": "NAME",
    "middlename": "NAME", "givenname": "NAME", "familyname": "NAME", "surname": "NAME",
    "given": "NAME", "family": "NAME", "fname": "NAME", "lname": "NAME", "maidenname": "NAME",
    "nickname": "NAME", "preferredname": "NAME", "legalname": "NAME", "displayname": "NAME",
    "display": "NAME",  # FHIR: a person's name under a reference, a code's text elsewhere
    "patient": "NAME", "client": "NAME", "clinician": "NAME", "therapist": "NAME",
    "physician": "NAME", "doctor": "NAME", "guardian": "NAME", "holder": "NAME",
    "cardholder": "NAME", "accountholder": "NAME", "spouse": "NAME", "emergencycontact": "NAME",
    "contactname": "NAME", "nextofkin": "NAME", "subscribername": "NAME",
    "first": "NAME", "last": "NAME", "age": "AGE_OVER_89", "deanumber": "LICENSE",
    "ageyears": "AGE_OVER_89", "ageinyears": "AGE_OVER_89", "agereported": "AGE_OVER_89",
    "agestated": "AGE_OVER_89", "guarantoraccount": "ACCOUNT",
    "account": "ACCOUNT", "acct": "ACCOUNT", "passport": "OTHER_ID",
    "subscriber": "NAME", "guarantor": "NAME", "owner": "NAME",
    "passportnumber": "OTHER_ID", "passportno": "OTHER_ID", "visanumber": "OTHER_ID",
    "visafoil": "OTHER_ID", "i94": "OTHER_ID",
    "i94number": "OTHER_ID", "aliennumber": "OTHER_ID", "documentnumber": "OTHER_ID",
    "documentno": "OTHER_ID", "givennames": "NAME", "firstnames": "NAME",
    "middlenames": "NAME", "surnames": "NAME", "clientref": "MRN", "patientref": "MRN",
    "clientreference": "MRN", "patientreference": "MRN", "postal": "ZIP", "udid": "DEVICE",
    "cityname": "CITY", "locality": "CITY", "municipality": "CITY",
    "lastline": "CITY",  # address APIs: "Hoboken NJ 07022-7676"
    "shipto": "NAME", "billto": "NAME", "addressee": "NAME", "recipientname": "NAME",
    "bday": "DATE", "identificationnumber": "OTHER_ID",
    "location": "CITY",  # only a "Town, ST" value: `rules`' value shapes in `detectors`
    "geo": "CITY",  # a geo-IP lookup's "Town, Country", the same way
    "ptname": "NAME", "callername": "NAME", "namefirst": "NAME", "namelast": "NAME",
    "namegiven": "NAME",
    "namefamily": "NAME", "signer": "NAME", "signername": "NAME",
    "recipient": "NAME",  # a fax's or a letter's; a number or an address is no name there
    "ward": "NAME", "courtorderno": "OTHER_ID", "courtordernumber": "OTHER_ID",
    "courtcaseno": "OTHER_ID", "docketno": "OTHER_ID", "docketnumber": "OTHER_ID",
    "transmitter": "DEVICE", "transmitterid": "DEVICE", "transmitterserial": "DEVICE",
    "sensorserial": "DEVICE", "receiverserial": "DEVICE",
    "dob": "DATE", "dateofbirth": "DATE", "birthdate": "DATE", "birthday": "DATE",
    "deathdate": "DATE", "dateofdeath": "DATE", "admitdate": "DATE", "admissiondate": "DATE",
    "dischargedate": "DATE", "dos": "DATE", "dateofservice": "DATE", "servicedate": "DATE",
    "appointmentdate": "DATE", "apptdate": "DATE", "visitdate": "DATE",
    # Rails names a date column `<event>_on` (`appt_on`, `born_on`; `created_on` is the row's)
    "appton": "DATE", "appointmenton": "DATE", "visiton": "DATE", "bornon": "DATE",
    "admittedon": "DATE", "dischargedon": "DATE", "seenon": "DATE", "serviceon": "DATE",
    "ssn": "SSN", "socialsecuritynumber": "SSN", "sin": "SSN", "taxid": "SSN",
    "email": "EMAIL", "emailaddress": "EMAIL", "mail": "EMAIL",
    "phone": "PHONE", "phonenumber": "PHONE", "tel": "PHONE", "telephone": "PHONE",
    "ph": "PHONE",  # a lab's `pH: 7.4` has too few digits for a phone
    "mobile": "PHONE", "cell": "PHONE", "cellphone": "PHONE", "homephone": "PHONE",
    "workphone": "PHONE", "msisdn": "PHONE", "fax": "FAX", "faxnumber": "FAX",
    "voicemail": "PHONE",  # not an e-mail key, though "voic-email" contains one
    "address": "ADDRESS", "street": "ADDRESS", "streetaddress": "ADDRESS", "line": "ADDRESS",
    "line1": "ADDRESS", "line2": "ADDRESS", "addressline1": "ADDRESS",
    "addressline2": "ADDRESS", "address1": "ADDRESS", "address2": "ADDRESS",
    "city": "CITY", "town": "CITY", "ciudad": "CITY", "municipio": "CITY", "zip": "ZIP",
    "zipcode": "ZIP", "postalcode": "ZIP",
    "postcode": "ZIP", "mrn": "MRN", "medicalrecordnumber": "MRN", "chart": "MRN",
    "clientchart": "MRN", "patientchart": "MRN", "zip5": "ZIP", "zip9": "ZIP",
    "cardholderid": "HEALTH_PLAN", "caseno": "OTHER_ID",
    "medicaid": "HEALTH_PLAN", "medicare": "HEALTH_PLAN",  # a number has digits: `primary` stays
    "zipplus4": "ZIP", "miejscowosc": "CITY", "localidad": "CITY", "localite": "CITY",
    "groupno": "HEALTH_PLAN", "statelicense": "LICENSE",
    # Spanish, Portuguese and German forms ("Nombre: …", "Geburtsdatum: …")
    "nombre": "NAME", "apellido": "NAME", "apellidos": "NAME", "nome": "NAME",
    "sobrenome": "NAME", "nombrecompleto": "NAME", "nomecompleto": "NAME",
    "geburtsdatum": "DATE", "versichertennummer": "HEALTH_PLAN",
    # …and their forms' other fields, in Spanish, Portuguese, Polish, German, French and
    # Italian (compared without accents: `código_postal`, `imię`, `teléfono`)
    "fechadenacimiento": "DATE", "fechanacimiento": "DATE", "telefono": "PHONE",
    "celular": "PHONE", "correo": "EMAIL", "correoelectronico": "EMAIL",
    "direccion": "ADDRESS", "calle": "ADDRESS", "codigopostal": "ZIP",
    "datadenascimento": "DATE", "telefone": "PHONE", "endereco": "ADDRESS", "cidade": "CITY",
    "cep": "ZIP", "cpf": "SSN",
    "imie": "NAME", "nazwisko": "NAME", "dataurodzenia": "DATE", "telefon": "PHONE",
    "adres": "ADDRESS", "miasto": "CITY", "kodpocztowy": "ZIP", "pesel": "OTHER_ID",
    "vorname": "NAME", "nachname": "NAME", "adresse": "ADDRESS", "strasse": "ADDRESS",
    "wohnort": "CITY", "plz": "ZIP", "postleitzahl": "ZIP",
    "prenom": "NAME", "datedenaissance": "DATE", "ville": "CITY", "codepostal": "ZIP",
    "cognome": "NAME", "datadinascita": "DATE", "indirizzo": "ADDRESS", "citta": "CITY",
    "codicefiscale": "SSN",
    "chartnumber": "MRN", "chartno": "MRN", "patientnumber": "MRN",
    "memberid": "HEALTH_PLAN", "membernumber": "HEALTH_PLAN", "subscriberid": "HEALTH_PLAN",
    "policynumber": "HEALTH_PLAN", "policyid": "HEALTH_PLAN", "groupnumber": "HEALTH_PLAN",
    "insuranceid": "HEALTH_PLAN", "medicaidid": "HEALTH_PLAN", "medicareid": "HEALTH_PLAN",
    "beneficiaryid": "HEALTH_PLAN", "planmemberid": "HEALTH_PLAN",
    "member": "HEALTH_PLAN",  # `member = "RUJ442564733"`; a value without digits stays
    "accountnumber": "ACCOUNT", "accountno": "ACCOUNT", "billingaccount": "ACCOUNT",
    "iban": "ACCOUNT", "bankaccount": "ACCOUNT",  # a routing number names a bank: kept
    "license": "LICENSE", "licence": "LICENSE", "licensenumber": "LICENSE", "lic": "LICENSE",
    "driverdl": "LICENSE",  # `driver_dl=H6857913`
    "meid": "DEVICE", "esn": "DEVICE",  # a phone's hardware ids, like its IMEI
    "coverto": "NAME",  # a fax cover sheet's addressee
    "assignedto": "NAME",
    "driverslicense": "LICENSE", "driverlicense": "LICENSE", "npi": "LICENSE", "dea": "LICENSE",
    "vin": "VEHICLE", "plate": "VEHICLE", "licenseplate": "VEHICLE", "platenumber": "VEHICLE",
    "serial": "DEVICE", "serialnumber": "DEVICE", "imei": "DEVICE", "deviceserial": "DEVICE",
    "udi": "DEVICE", "ip": "IP", "ipaddress": "IP", "clientip": "IP", "remoteaddr": "IP",
    "xforwardedfor": "IP", "xrealip": "IP", "username": "OTHER_ID", "portaluser": "OTHER_ID",
    "login": "OTHER_ID", "rxnumber": "OTHER_ID", "casenumber": "OTHER_ID",
    "rx": "OTHER_ID", "rxno": "OTHER_ID", "prescriptionnumber": "OTHER_ID",  # `rx=4701026-03`
    "prescriptionno": "OTHER_ID", "employeeid": "OTHER_ID", "employeenumber": "OTHER_ID",
    "rider": "NAME", "passenger": "NAME", "patientaccount": "ACCOUNT", "existingchart": "MRN",
    # a NACHA entry's receiver: `individual_id=PA57124651 individual_name="BEGAY TIGIST"`
    "individualname": "NAME", "individualid": "ACCOUNT",
    "enduserid": "OTHER_ID",  # OpenTelemetry's enduser.id
    "user": "OTHER_ID", "usr": "OTHER_ID",  # only a login-shaped value: `rules.login`
    "dlnumber": "LICENSE", "dlno": "LICENSE", "dlnum": "LICENSE",  # a driver's licence
    # a clinician's credentialing record (CAQH ProView), read like their NPI
    "caqh": "LICENSE", "caqhid": "LICENSE", "caqhproviderid": "LICENSE",
    "identifierforvendor": "DEVICE", "idfv": "DEVICE", "idfa": "DEVICE",  # Apple's device ids
    "advertisingidentifier": "DEVICE", "advertisingid": "DEVICE",
    "password": "SECRET", "passwd": "SECRET", "pwd": "SECRET", "pass": "SECRET",
    "secret": "SECRET", "token": "SECRET", "apikey": "SECRET", "authorization": "SECRET",
    "auth": "SECRET", "cookie": "SECRET", "setcookie": "SECRET", "sessionid": "SECRET",
    "session": "SECRET", "csrftoken": "SECRET", "privatekey": "SECRET", "credentials": "SECRET",
    "accesstoken": "SECRET", "refreshtoken": "SECRET", "clientsecret": "SECRET",
    "xapikey": "SECRET", "dsn": "SECRET",
    "integrationkey": "SECRET",  # PagerDuty's; a `routing_key` is RabbitMQ's as often
    "cardnumber": "CARD", "pan": "CARD", "cvv": "CARD",
    "cvc": "CARD", "ccnumber": "CARD",
}

#: normalised suffix -> kind (`patientName`, `home_phone`, `billing_address`, `x-auth-token`).
SUFFIX: tuple[tuple[str, str], ...] = (
    ("password", "SECRET"), ("passwd", "SECRET"), ("secret", "SECRET"), ("token", "SECRET"),
    ("apikey", "SECRET"), ("privatekey", "SECRET"), ("sessionid", "SECRET"), ("dsn", "SECRET"),
    ("firstname", "NAME"), ("lastname", "NAME"), ("fullname", "NAME"),
    ("middlename", "NAME"), ("givenname", "NAME"), ("familyname", "NAME"),
    ("patientname", "NAME"), ("clientname", "NAME"), ("contactname", "NAME"),
    ("holdername", "NAME"), ("guardianname", "NAME"), ("providername", "NAME"),
    ("clinicianname", "NAME"), ("toname", "NAME"),  # a fax cover's addressee
    ("dob", "DATE"), ("birthdate", "DATE"), ("dateofbirth", "DATE"),
    ("ssn", "SSN"), ("email", "EMAIL"), ("emailaddress", "EMAIL"),
    ("phone", "PHONE"), ("phonenumber", "PHONE"), ("mobile", "PHONE"), ("fax", "FAX"),
    ("faxnumber", "FAX"), ("address", "ADDRESS"), ("addressline1", "ADDRESS"),
    ("streetaddress", "ADDRESS"), ("zipcode", "ZIP"), ("postalcode", "ZIP"), ("mrn", "MRN"),
    ("memberid", "HEALTH_PLAN"), ("subscriberid", "HEALTH_PLAN"),
    ("policynumber", "HEALTH_PLAN"), ("groupnumber", "HEALTH_PLAN"),
    ("accountnumber", "ACCOUNT"), ("licensenumber", "LICENSE"), ("serialnumber", "DEVICE"),
    ("imei", "DEVICE"), ("ipaddress", "IP"), ("clientip", "IP"), ("serial", "DEVICE"),
    ("npi", "LICENSE"), ("deanumber", "LICENSE"), ("zip", "ZIP"), ("acct", "ACCOUNT"),
    ("passportno", "OTHER_ID"), ("username", "OTHER_ID"),  # portalUsername, patient_username
    ("authnumber", "OTHER_ID"), ("authorizationnumber", "OTHER_ID"),  # a prior authorization
    ("patientref", "MRN"), ("clientref", "MRN"),  # `X-Patient-Ref: 00312341`
)

#: A key's last word -> kind (`employerCity`, `billing_city`, `patient_age`): the word, not
#: the letters, since "ethnicity" ends in "city", "message" in "age" and "template" in "plate".
LAST_WORD: dict[str, str] = {"city": "CITY", "town": "CITY", "age": "AGE_OVER_89",
                             "plate": "VEHICLE"}  # `vehicle_plate`, not `email_template`
_KEY_WORDS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")

#: normalised infix -> kind (`phone_primary`, `email_work`, `ssn_last4`).
CONTAINS: tuple[tuple[str, str], ...] = (
    ("password", "SECRET"), ("passwd", "SECRET"), ("secret", "SECRET"), ("apikey", "SECRET"),
    ("phone", "PHONE"), ("email", "EMAIL"), ("ssn", "SSN"), ("firstname", "NAME"),
    ("lastname", "NAME"), ("dateofbirth", "DATE"), ("birthdate", "DATE"),
)

#: Suffixes that change a key's meaning: `phone_type`, `email_template_id` are not PHI.
_NOT_VALUE_SUFFIXES = ("type", "kind", "id_type", "template", "templateid", "status", "count",
                      "verified", "enabled", "format", "system", "use", "required")


#: Words that appear split in real keys (`first_name` normalises to `firstname`, but the text
#: says "first"): anchors for the key finder in addition to the normalised keys.
_SPLIT_TERMS = frozenset({"first", "last", "given", "family", "birth", "member", "postal",
                          "phone", "mail", "name", "zip", "ssn", "dob", "mrn", "pass", "secret",
                          "token", "key", "auth", "cookie", "account", "policy", "subscriber",
                          "license", "licence", "serial", "plate", "fax", "address", "line",
                          "street", "city", "session", "credential", "holder", "contact",
                          "passport", "visa", "document", "ship", "bill", "group", "rx",
                          "enduser", "dl", "case", "identifierfor", "idfv", "idfa",
                          "advertising", "appt", "employee", "individual", "rider",
                          "passenger", "existing", "insurance", "cover", "assigned",
                          # foreign forms' split keys (`kod_pocztowy`, `data_urodzenia`)
                          "pocztowy", "urodzenia", "nacimiento", "nascimento", "naissance",
                          "nascita", "fiscale",
                          # …and their ASCII heads where the prefilter reads accents as `a`
                          # (`miejscowość` scans as `miejscowoaa`)
                          "miejscowo", "direcci",
                          # the last word of a quoted key of words ('Insurance ID': …)
                          " id", " no", " number"})


#: Containers whose `name` names a product, not a person: Sentry's contexts (`os`, `browser`,
#: `runtime`, `gpu` …), SDK/package descriptions ("Mac OS X" would otherwise read as a man
#: called Mac) and FHIR's `Device.deviceName`. The value is still scanned as text. `device`
#: and `app` are not here: a device is often named after its owner ("Jane's iPhone").
TECHNICAL_PARENTS = frozenset({"os", "clientos", "browser", "runtime", "gpu", "sdk", "culture",
                               "trace", "package", "packages", "integrations", "modules",
                               "framework", "cloudresource", "devicename"})


#: Containers that hold an organisation: their `name` is a payer's, a pharmacy's or an
#: employer's ("Harvard Pilgrim": both words are also surnames), none of them PHI.
ORG_PARENTS = frozenset({"payer", "payor", "insurer", "insurancecompany", "carrier", "plan",
                         "healthplan", "organization", "organisation", "org", "company",
                         "employer", "pharmacy", "facility", "practice", "clinic", "lab",
                         "laboratory", "vendor", "clearinghouse", "network", "department"})


#: Containers that hold a person (or a list of people) without being a name key themselves:
#: the generic `name` inside is that person's, whatever the dictionary says
#: (`"applicant": {"name": "Tahmina Szczepański"}`). Plurals are read as their singular.
PERSON_PARENTS = frozenset({"patient", "client", "clinician", "therapist", "physician",
                            "doctor", "guardian", "holder", "cardholder", "accountholder",
                            "spouse", "subscriber", "guarantor", "owner", "applicant", "person",
                            "people", "member", "householdmember", "dependent", "contact",
                            "insured", "beneficiary", "caregiver", "relative", "kin",
                            "enrollee", "claimant", "respondent", "responsibleparty",
                            "referrer", "attendee", "participant", "emergencycontact",
                            "nextofkin", "student", "employee", "resident", "driver",
                            "rider", "caller", "recipient", "ward", "minor", "oncall"})

#: Keys only a person's record has: beside one, the object's `name` is a person's
#: (`{"name": "Oksana Wróblewska", "relationship": "sister"}`). Phone, e-mail and address
#: are not here: payers and clinics have them too.
PERSON_ATTRIBUTES = frozenset({"dob", "dateofbirth", "birthdate", "birthday", "gender", "sex",
                               "relationship", "relation", "ssn", "mrn", "pronouns",
                               "maritalstatus", "age", "deceased", "firstname", "lastname",
                               "givenname", "familyname", "middlename", "preferredname",
                               "race", "ethnicity", "relationshiptopatient"})


#: A plan's group number is named only `group` inside the coverage it belongs to.
PLAN_GROUP_KEYS = frozenset({"group", "grp", "groupid", "groupno"})
PLAN_PARENTS = frozenset({"insurance", "coverage", "plan", "policy", "primaryinsurance",
                          "secondaryinsurance", "eligibility", "benefits", "subscriber",
                          "payer", "healthplan", "insurancecard", "card"})


#: Objects whose `number` is a licence's.
LICENSE_PARENTS = frozenset({"license", "licenses", "licence", "licences", "statelicense",
                             "statelicenses", "driverslicense", "driverlicense"})

#: Objects whose own `id` is a member's number on a plan.
MEMBER_PARENTS = frozenset({"member", "subscriber", "insured", "beneficiary", "enrollee"})


@lru_cache(maxsize=4096)
def _in_parent(kind: str | None, raw_key: str, raw_parent: str) -> str | None:
    """A key whose kind depends on the object holding it."""
    key, parent = normalise(raw_key), normalise(raw_parent)
    if kind is None and key in PLAN_GROUP_KEYS and parent in PLAN_PARENTS:
        return "HEALTH_PLAN"  # `"insurance": {"group": "G1631203"}`
    if kind is None and key in ("id", "number") and parent in MEMBER_PARENTS:
        return "HEALTH_PLAN"  # `"member": {"id": "00462538603"}`
    if kind is None and key in ("id", "number", "no") and parent in LICENSE_PARENTS:
        return "LICENSE"  # `"licenses": [{"state": "WI", "number": "LPC-18901"}]`
    if kind == "NAME" and key == "name" and (parent in TECHNICAL_PARENTS or
                                             parent in ORG_PARENTS):
        return None  # `contexts.os.name`, FHIR's `deviceName[].name`, `payer.name`
    return kind


def person_container(parent: str, siblings: Iterable[str] = ()) -> bool:
    """Whether an object under `parent` holding the keys `siblings` describes a person, so
    that its generic `name` needs no dictionary to be read as a person's name."""
    norm = normalise(parent)
    if norm in PERSON_PARENTS or (norm.endswith("s") and norm[:-1] in PERSON_PARENTS):
        return True
    return any(normalise(k) in PERSON_ATTRIBUTES for k in siblings)


def _minimal(terms: set[str]) -> set[str]:
    """The terms that hold no other term: the key patterns read only where a match ends (the
    separator after the key), and `postalcode` ends where `postal` followed by key letters
    does, so the longer literal only makes the trigger database bigger and slower."""
    ordered = sorted(terms, key=len)
    kept: list[str] = []
    for t in ordered:
        if not any(k in t for k in kept):
            kept.append(t)
    return set(kept)


_INDEX_SUFFIX = re.compile(r"\.(?:keyword|raw|text|exact|lower|sort|ngram|edge)$")


class KeyTable:
    """Built-in keys plus configured extras (each extra maps to a kind, default OTHER_ID)."""

    def __init__(self, extra: dict[str, str] | None = None) -> None:
        self._exact = dict(EXACT)
        extra_words: set[str] = set()
        for key, kind in (extra or {}).items():
            self._exact[normalise(key)] = kind
            extra_words.add(key.casefold())
            extra_words.update(w for w in re.split(r"[^0-9a-z]+", key.casefold()) if len(w) >= 3)
        self._cached = lru_cache(maxsize=4096)(self._lookup)
        terms = {k for k, kind in self._exact.items() if kind != "IP"}
        terms |= {t for t, _ in SUFFIX} | {t for t, _ in CONTAINS} | _SPLIT_TERMS | extra_words
        alternation = "|".join(re.escape(t) for t in sorted(_minimal(terms), key=longest_first))
        # the key word, the rest of the key, an optional closing quote (and a PHP bracket:
        # `["ssn"]=>` from var_dump, `[ssn] =>` from print_r, or SQL's `lower(last_name) =`),
        # then = or : or => (or SQL's LIKE: the match ends on the blank after it), or an
        # aligned report's dot leader (`patient.mrn ........ 4363474`: it ends on a dot); a
        # Rails date select's part: `"dob(1i)"=>"1952"`
        self._term_pattern = (rf"(?:{alternation})[A-Za-z0-9_.\-]*(?:\(\di\))?\\?"
                              r"(?:[\"'`]\]?|[\])])?"
                              r"(?:[ \t]{0,24}[=:]|[ \t]i?like[ \t]|[ \t]\.\.\.)")
        self._terms = re.compile(self._term_pattern)
        # keys whose value a message may give after a blank, quoted or a bare number
        # (`phone '209-758-481' too short`, `mobilephone 670-852-287 is not valid`): the
        # match ends on the quote or the digit
        spaced = {k for k, kind in self._exact.items() if kind in SPACED_KINDS}
        spaced |= {t for t, kind in (*SUFFIX, *CONTAINS) if kind in SPACED_KINDS}
        # (a record number may start with letters: `chart MH13-26662`, `MRN NSP.231.5265`)
        self._spaced_pattern = (rf"(?:{'|'.join(sorted(_minimal(spaced), key=longest_first))})"
                                r"[A-Za-z0-9_.\-]*[ \t](?:[a-z]{1,4}[\-.]?)?[\"'0-9]")
        self._spaced = re.compile(self._spaced_pattern)

    def term_pattern(self) -> str:
        return self._term_pattern

    def spaced_pattern(self) -> str:
        return self._spaced_pattern

    def spaced_regex(self) -> re.Pattern[str]:
        """A key of `SPACED_KINDS`, a blank, then a quote or a digit (run on lower-case text)."""
        return self._spaced

    def term_regex(self) -> re.Pattern[str]:
        """Literal alternation of every word a sensitive key contains (run on lower-case text):
        the cheap anchor for finding `key=value` pairs in free text."""
        return self._terms

    @staticmethod
    def normalised(key: str) -> str:
        return normalise(key)

    def kind(self, key: str, parent: str = "") -> str | None:
        """Kind of the value under `key` (inside an object under `parent`), or None when the
        key is not sensitive."""
        kind = self._cached(key)
        if not parent or (kind is not None and kind != "NAME"):
            return kind
        return _in_parent(kind, key, parent)

    def _lookup(self, key: str) -> str | None:
        key = _INDEX_SUFFIX.sub("", key)  # Elasticsearch's `mrn.keyword` is the field `mrn`
        norm = normalise(key)
        if not norm:
            return None
        hit = self._exact.get(norm)
        if hit:
            return hit
        if norm.endswith(_NOT_VALUE_SUFFIXES):
            return None
        for suffix, kind in SUFFIX:
            if norm.endswith(suffix):
                return kind
        if norm.endswith("name") and norm[:-4] in PERSON_PARENTS:
            return "NAME"  # driverName, insured_name, caller-name: a person's name
        for part in ("first", "last", "given", "family"):
            if norm.endswith(part) and norm[:-len(part)] in PERSON_PARENTS:
                return "NAME"  # subscriber_last, patient_first: a column of a person's name
        words = _KEY_WORDS.findall(key)
        if words and words[-1].lower() in LAST_WORD:
            return LAST_WORD[words[-1].lower()]
        for part, kind in CONTAINS:
            # a short part must be a word of the key: "ssn" is in "ClassNotFound" and
            # "phone" in "smartphone_model", neither is one
            if part in norm and (len(part) > 5 or
                                 part in (w.lower().rstrip("0123456789") for w in words)):
                return kind
        return None
