"""Healthcare interchange formats read by their own structure: DICOM attribute dumps, HL7 v3 /
C-CDA identifiers by root OID, HL7 v2 OBX ages, NCPDP D.0 fields separated by blanks.

Positives: the value is gone from the output and a finding of the expected kind covers it.
Negatives: the look-alike survives verbatim.
"""

from __future__ import annotations

import pytest
from findings import covering_kind as _covering_kind

from relay.scrub import Scrubber, default_scrubber


def _dcm(tag: str, vr: str, value: str, name: str) -> str:
    """One element as dcmdump prints it."""
    shown = f"[{value}]"
    return f"{tag} {vr} {shown:<40}#  {len(value):>2}, 1 {name}"


def _pyd(tag: str, desc: str, vr: str, value: str) -> str:
    """One element as pydicom prints it."""
    return f"{tag} {desc:<35} {vr}: {value}"


POSITIVE: list[tuple[str, str, str]] = [
    # DICOM, dcmdump
    ("NAME", _dcm("(0010,0010)", "PN", "CROSS^DINARA", "PatientName"), "CROSS^DINARA"),
    ("MRN", _dcm("(0010,0020)", "LO", "614-596-33", "PatientID"), "614-596-33"),
    ("AGE_OVER_89", _dcm("(0010,1010)", "AS", "094Y", "PatientAge"), "094Y"),
    ("AGE_OVER_89", _dcm("(0010,1010)", "AS", "104Y", "PatientAge"), "104Y"),
    ("AGE_OVER_89", _dcm("(0010,1010)", "AS", "090Y", "PatientAge"), "090Y"),
    ("NAME", _dcm("(0008,0090)", "PN", "YAZZIE^ZOË", "ReferringPhysicianName"), "YAZZIE^ZOË"),
    ("NAME", _dcm("(0008,1050)", "PN", "ABARA^CHIKE", "PerformingPhysicianName"),
     "ABARA^CHIKE"),
    ("DATE", _dcm("(0010,0030)", "DA", "19440312", "PatientBirthDate"), "19440312"),
    ("DATE", _dcm("(0008,0020)", "DA", "20240117", "StudyDate"), "20240117"),
    ("DATE", _dcm("(0008,0023)", "DA", "20240118", "ContentDate"), "20240118"),
    ("OTHER_ID", _dcm("(0008,0050)", "SH", "A10026177758", "AccessionNumber"), "A10026177758"),
    ("ADDRESS", _dcm("(0010,1040)", "LO", "4417 WREN HOLLOW RD", "PatientAddress"),
     "4417 WREN HOLLOW RD"),
    ("PHONE", _dcm("(0010,2154)", "SH", "5035550187", "PatientTelephoneNumbers"), "5035550187"),
    ("MRN", _dcm("(0010,1000)", "LO", "XR-88120\\MC-40017", "OtherPatientIDs"), "MC-40017"),
    # DICOM, pydicom
    ("NAME", _pyd("(0010, 0010)", "Patient's Name", "PN", "'DOE^JANE'"), "DOE^JANE"),
    ("NAME", _pyd("(0008,0090)", "Referring Physician's Name", "PN", "\"O'HARA^ROISIN\""),
     "O'HARA^ROISIN"),
    ("MRN", _pyd("(0010, 0020)", "Patient ID", "LO", "'PX-4471903'"), "PX-4471903"),
    ("DATE", _pyd("(0010, 0030)", "Patient's Birth Date", "DA", "'19310704'"), "19310704"),
    ("AGE_OVER_89", _pyd("(0010, 1010)", "Patient's Age", "AS", "'092Y'"), "092Y"),
    # HL7 v3 / C-CDA identifiers
    ("LICENSE", '<id root="2.16.840.1.113883.4.6" extension="1392968800"/>', "1392968800"),
    ("LICENSE", "<id extension='1215091234' root='2.16.840.1.113883.4.6'/>", "1215091234"),
    ("SSN", '<id extension="111-00-2330" root="2.16.840.1.113883.4.1"/>', "111-00-2330"),
    ("LICENSE", '<id root="2.16.840.1.113883.4.3.25" extension="S12345678"/>', "S12345678"),
    ("HEALTH_PLAN", '<id root="2.16.840.1.113883.4.927" extension="1EG4TE5MK73"/>',
     "1EG4TE5MK73"),
    ("HEALTH_PLAN", '<id root="2.16.840.1.113883.4.572" extension="123456789A"/>',
     "123456789A"),
    ("MRN", '<recordTarget><patientRole><id root="2.16.840.1.113883.19.5.99999.2" '
            'extension="998991"/><addr use="HP">…</addr></patientRole></recordTarget>', "998991"),
    ("SSN", '<patientRole>\n  <id root="2.16.840.1.113883.19.5" extension="MR-0042"/>\n'
            '  <id root="2.16.840.1.113883.4.1" extension="444-22-1111"/>\n', "444-22-1111"),
    ("MRN", "<hl7:patient classCode='PAT'><hl7:id root='1.3.6.1.4.1.21367.13.20.1000' "
            "extension='IHERED-994'/></hl7:patient>", "IHERED-994"),
    ("LICENSE", '{"identifier": [{"system": "urn:oid:2.16.840.1.113883.4.6", '
                '"value": "1639281744"}]}', "1639281744"),
    # HL7 v2 OBX age
    ("AGE_OVER_89", "OBX|1|NM|30525-0^Age^LN||90|a^year^UCUM|||||F", "90"),
    ("AGE_OVER_89", "MSH|^~\\&|LAB|H|EHR|H|202401171200||ORU^R01|MSG0001|P|2.5.1\r"
                    "OBX|2|NM|21612-7^Age - Reported^LN||97|a|||||F", "97"),
    ("AGE_OVER_89", "OBX|3|SN|29553-5^Age calculated^LN||>^101|a|||||F", "101"),
    ("AGE_OVER_89", "OBX|1|NM|^AGE^L||93||||||F", "93"),
    # NCPDP D.0, decoded with blanks
    ("NAME", "NCPDP D.0 reject 75, decoded: AM01 C2=GY902412V CA=AYESHA CB=SØNDERGAARD "
             "C4=19500101 C5=2 CY=PMP029161852 | AM07 D2=6359244 E1=03 D7=43058000449",
     "SØNDERGAARD"),
    ("OTHER_ID", "decoded: AM01 C2=GY902412V CA=AYESHA CB=SØNDERGAARD C4=19500101 C5=2 "
                 "CY=PMP029161852 | AM07 D2=6359244 E1=03", "PMP029161852"),
    ("HEALTH_PLAN", "decoded: AM01 C2=GY902412V CA=AYESHA CB=SØNDERGAARD", "GY902412V"),
    ("NAME", "decoded: AM01 C2=GY902412V CA=AYESHA CB=SØNDERGAARD", "AYESHA"),
    ("OTHER_ID", "decoded: AM01 CA=AYESHA | AM07 D2=6359244 E1=03 D7=43058000449", "6359244"),
    ("NAME", "AM01 CA=MARIA CB=VAN DER BERG C4=19410203", "VAN DER BERG"),
    ("OTHER_ID", "AM01|CY=PMP029161852|CA=AYESHA", "PMP029161852"),
]


@pytest.mark.parametrize(("kind", "text", "value"), POSITIVE)
def test_positive(kind: str, text: str, value: str) -> None:
    s = default_scrubber()
    out, counts = s.scrub(text)
    assert value not in out, out
    assert _covering_kind(s, text, value) == kind
    assert counts[kind] >= 1


NEGATIVE: list[tuple[str, str]] = [
    # DICOM: ages under 90, UIDs, codes, the institution, empty values
    (_dcm("(0010,1010)", "AS", "045Y", "PatientAge"), "045Y"),
    (_dcm("(0010,1010)", "AS", "089Y", "PatientAge"), "089Y"),
    (_dcm("(0010,1010)", "AS", "960M", "PatientAge"), "960M"),  # 80 years
    (_dcm("(0020,000D)", "UI", "1.2.840.10008.5.1.4", "StudyInstanceUID"),
     "1.2.840.10008.5.1.4"),
    (_dcm("(0008,0060)", "CS", "MR", "Modality"), "[MR]"),
    (_dcm("(0008,0030)", "TM", "101500", "StudyTime"), "101500"),
    (_dcm("(0018,1000)", "LO", "45012", "DeviceSerialNumber"), "45012"),
    ("(0010,0010) PN (no value available)                     #   0, 0 PatientName",
     "(no value available)"),
    ("(0010,0010) PN []                                      #   0, 0 PatientName",
     "PN []"),
    (_pyd("(0010, 0030)", "Patient's Birth Date", "DA", "''"), "Patient's Birth Date"),
    (_pyd("(0008, 0060)", "Modality", "CS", "'CT'"), "'CT'"),
    (_pyd("(0010, 1010)", "Patient's Age", "AS", "'061Y'"), "'061Y'"),
    # C-CDA ids that are not a person's
    ('<id root="2.16.840.1.113883.19.5" extension="TT988"/>', "TT988"),
    ('<id root="2.16.840.1.113883.4.7" extension="05D2052589"/>', "05D2052589"),
    ('<patientRole><id root="2.16.840.1.113883.19.5" extension="MR-1"/><providerOrganization>'
     '<id root="2.16.840.1.113883.19.5.9999.1393" extension="ORG5521"/></providerOrganization>',
     "ORG5521"),
    ('<id root="2.16.840.1.113883.4.6"/>', "2.16.840.1.113883.4.6"),
    ('{"system": "urn:oid:2.16.840.1.113883.4.7", "value": "05D2052589"}', "05D2052589"),
    # OBX: ages under 90, other observations
    ("OBX|1|NM|30525-0^Age^LN||45|a^year^UCUM|||||F", "|45|"),
    ("OBX|1|NM|30525-0^Age^LN||89|a^year^UCUM|||||F", "|89|"),
    ("OBX|1|NM|30525-0^Age^LN||1000|mo|||||F", "|1000|"),  # 83 years
    ("OBX|1|NM|14334-7^Lithium^LN||95|mmol/L|0.6-1.2|HH|||F", "|95|"),
    ("OBX|1|NM|8302-2^Height^LN||92|[in_i]|||||F", "|92|"),
    ("OBX|1|NM|^Agent dose^L||120|mg|||||F", "|120|"),
    # NCPDP: product and codes stay; a blank-separated `XX=` outside a segment is no field
    ("decoded: AM01 CA=AYESHA | AM07 D2=6359244 E1=03 D7=43058000449", "D7=43058000449"),
    ("decoded: AM01 CA=AYESHA | AM07 D2=6359244 E1=03 D7=43058000449", "E1=03"),
    ("AM01 is the patient segment; set DB=postgres CA=bundle.pem", "DB=postgres CA=bundle.pem"),
    ("AM01 CA=AYESHA CB=NDLOVU C5=2 rejected by payer", "rejected by payer"),
]


@pytest.mark.parametrize(("text", "kept"), NEGATIVE)
def test_negative(text: str, kept: str) -> None:
    out, _ = default_scrubber().scrub(text)
    assert kept in out, out


def test_dicom_dump_block() -> None:
    """A whole dcmdump excerpt: only the person's values go."""
    dump = "\n".join([
        "# Dicom-Data-Set",
        _dcm("(0008,0020)", "DA", "20240117", "StudyDate"),
        _dcm("(0008,0050)", "SH", "A10026177758", "AccessionNumber"),
        _dcm("(0008,0060)", "CS", "MR", "Modality"),
        _dcm("(0008,0080)", "LO", "MERCY GENERAL", "InstitutionName"),
        _dcm("(0008,0090)", "PN", "YAZZIE^ZOË", "ReferringPhysicianName"),
        _dcm("(0010,0010)", "PN", "CROSS^DINARA", "PatientName"),
        _dcm("(0010,0020)", "LO", "614-596-33", "PatientID"),
        _dcm("(0010,0040)", "CS", "F", "PatientSex"),
        _dcm("(0010,1010)", "AS", "094Y", "PatientAge"),
        _dcm("(0020,000D)", "UI", "1.2.840.113619.2.55.3.604688119", "StudyInstanceUID"),
    ])
    out, counts = default_scrubber().scrub(dump)
    for value in ("20240117", "A10026177758", "YAZZIE", "CROSS^DINARA", "614-596-33", "094Y"):
        assert value not in out
    for kept in ("[MR]", "[F]", "1.2.840.113619.2.55.3.604688119", "PatientName"):
        assert kept in out
    assert counts["AGE_OVER_89"] == 1 and counts["MRN"] == 1


def test_same_without_prefilter() -> None:
    """The pure-`re` gates let the new detectors run as the prefilter's triggers do."""
    s = Scrubber()
    s.use_prefilter = False
    for kind, text, value in POSITIVE:
        out, _ = s.scrub(text)
        assert value not in out, (kind, out)
