"""One small positive and look-alike negative set per detector kind.

Positives: the value is gone from the output and a finding of the expected kind covers it.
Negatives: the look-alike survives verbatim (ids, hashes, versions, ports, codes, stamps).
"""

from __future__ import annotations

import pytest

from relay.scrub import Scrubber, default_scrubber


def _covering_kind(s: Scrubber, text: str, value: str) -> str | None:
    at = text.index(value)
    for f in s.find(text):
        if f.start <= at and at + len(value) <= f.end:
            return f.kind
    return None


POSITIVE: list[tuple[str, str, str]] = [
    # NAME
    ("NAME", "Patient Jane Doe missed her appointment", "Jane Doe"),
    ("NAME", "note signed by Dr. Okonkwo yesterday", "Okonkwo"),
    ("NAME", "callback for Mr. O'Neill at noon", "O'Neill"),
    ("NAME", "reports conflict with sister Margaret since June", "Margaret"),
    ("NAME", "claim rejected; patient=Thaker, Maanav E; DOS 2024", "Thaker, Maanav E"),
    ("NAME", "referral packet for Cortney Q. Broy was rejected", "Cortney Q. Broy"),
    ("NAME", "UPDATE patients SET x=1 WHERE last_name = 'van de Ven' AND id=2", "van de Ven"),
    ("NAME", "<Patient id=19551 name='Daria Benedetti'>", "Daria Benedetti"),
    ("NAME", "args=('x@y.org', 'Kamila', 'Jenek') kwargs={}", "Jenek"),
    ("NAME", "args=('x@y.org', 'Kimberly', \"N'Diaye\") kwargs={}", "N'Diaye"),
    ("NAME", "Intake call: Kimberly Johnson asked about billing", "Kimberly Johnson"),
    ("NAME", "Patient diane day (MRN 1234567) no-show", "diane day"),
    ("NAME", '{"name": [{"family": "Nieves", "given": ["Marcos"]}]}', "Marcos"),
    ("NAME", "DETAIL: Failing row contains (8812, Anastasie, Gilles, null).", "Gilles"),
    ("NAME", "Duplicate patient detected: Vasseur, Chantal (DOB 1/2/1990) matches", "Chantal"),
    # names no dictionary knows, read from what follows them or from their column
    ("NAME", "Fall risk alert: Fatima Kowalczyk, a 92-year-old resident", "Kowalczyk"),
    ("NAME", "Ximena Thibodeaux (age 97) missed dose", "Thibodeaux"),
    ("NAME", "Oluwaseun Zielinski (DOB 4/12/1987) not found", "Zielinski"),
    ("NAME", "import rejected: last_name,first_name,dob\nOkonkwo,Chidi,04/12/1987", "Chidi"),
    ("NAME", "id\tname\tstatus\n12\tJane Roe\tactive", "Jane Roe"),
    ("NAME", "emergency_contact:\n  name: Chidi Castellanos\n  relationship: sister",
     "Chidi"),
    ("NAME", "row inserted by Oluwaseun Castellanos today", "Oluwaseun"),
    ("CITY", "Geocoder: patient relocated to Bakersfield, MN; licence check", "Bakersfield"),
    ("OTHER_ID", "Portal login locked for username 'giulia69' after 5 attempts", "giulia69"),
    ("HEALTH_PLAN", "271: member not found, group GRP-1419 at payer", "GRP-1419"),
    ("SSN", "  PATIENT_LAST_NAME  = DUBOIS\n  PATIENT_SSN        = 536299836\n", "536299836"),
    ("AGE_OVER_89", 'patient = {"first": "Eero", "age": 96, "zip": "87503"}', "96"),
    ("DEVICE", '{"hearing_aid_serial": "1605-TL7498"}', "1605-TL7498"),
    ("LICENSE", "referring_npi: '1197049715'", "1197049715"),
    ("DATE", "confirmed for 9/23 4:15pm, see you then", "9/23"),
    ("DATE", "your appt is Mon 12/11 at 1:15pm", "12/11"),
    ("DATE", "scanned DL DOB 23JUN1943 does not match", "23JUN1943"),
    ("DATE", "confirmed for 17 May 9:45am", "17 May"),
    ("NAME", "NewRx rejected: <Patient><Name><LastName>Kavanagh</LastName><FirstName>Seo-yeon"
             "</FirstName></Name></Patient>", "Kavanagh"),
    ("CITY", "<Address><ns:City>St. Petersburg</ns:City></Address>", "St. Petersburg"),
    ("LICENSE", "<StateLicenseNumber>A826015</StateLicenseNumber>", "A826015"),
    ("NAME", "ORC|RE|ORD1||CM\rOBR|1|ORD1||84443^Lab panel^CPT||||||||||||"
             "1197049715^VENKATARAMAN^MUSTAFA^^^DR^^^NPI", "VENKATARAMAN"),
    ("LICENSE", "OBR|1|ORD1||84443^Lab panel^CPT||||||||||||"
                "1197049715^VENKATARAMAN^MUSTAFA^^^DR^^^NPI", "1197049715"),
    ("NAME", "271 reject ~NM1*IL*1*VAN DER BERG*SOREN*K***MI*729985927-01~DMG*D8*19600412*F~",
     "SOREN"),
    ("HEALTH_PLAN", "~NM1*IL*1*ROE*JANE****MI*729985927-01~REF*6P*74935-8108~", "74935-8108"),
    ("DATE", "~NM1*IL*1*ROE*JANE~DMG*D8*19600412*F~", "19600412"),
    ("OTHER_ID", "[Duplicate entry 'thaholl7' for key 'portal_account.uk_login']", "thaholl7"),
    ("MRN", "Duplicate entry 'PT-386047-2024-10-06' for key 'appointments.uq_appt_mrn_day'",
     "PT-386047-2024-10-06"),
    ("OTHER_ID", 'auth WARN locked portal login "dpillai81" after 8 failures', "dpillai81"),
    ("OTHER_ID", "passport P67205334 for telehealth client", "P67205334"),
    ("OTHER_ID", "subpoena in family court case FC-2025-115437 for records", "FC-2025-115437"),
    ("ACCOUNT", '{"account":"7681731842","balance":"$1342.87"}', "7681731842"),
    ("SSN", "INSERT INTO EHR.PATIENT (PAT_LNAME, PAT_DOB, PAT_SSN, PAT_ZIP) VALUES ('ROE', "
            "TO_DATE('1980-02-10','DD-MON-YYYY'), '311830564', '48502')", "311830564"),
    ("ZIP", "INSERT INTO EHR.PATIENT (PAT_DOB, PAT_ZIP) VALUES ("
            "TO_DATE('1980-02-10','DD-MON-YYYY'), '48502')", "48502"),
    ("NAME", "subpoena served by Atty. Thérèse Brzezinski; Part 2 consent", "Brzezinski"),
    ("NAME", "hi this is about my kid Tharindu his birthday is soon", "Tharindu"),
    ("NAME", '{"payer":"CareSource","subscriber":"Eilidh Tsai","subscriberDOB":"x"}', "Tsai"),
    ("EMAIL", "POST /claims?notify=mensah.asa%40outlook.com HTTP/1.1", "mensah.asa%40outlook.com"),
    ("NAME", "registered to McCarthy, Seo-yeon but statement", "Seo-yeon"),
    ("MRN", "EXEC dbo.usp_CreateReferral @PatientMRN = N'E9433676', @Urgent = 1", "E9433676"),
    ("DEVICE", "CgmIngestError: receiver SNWX73511276 paired to chart", "SNWX73511276"),
    ("MRN", "receiver paired to chart MH3288876 reported 0 readings", "MH3288876"),
    ("MRN", "GET /r4/Patient?identifier=urn:mhc:mrn|00016399&_count=1", "00016399"),
    ("URL", "404 https://my.mhc-portal.org/u/fhamdan52/statements", "fhamdan52"),
    ("LICENSE", "IDV: scanned DL WDLYBU665X85 (WA) does not match", "WDLYBU665X85"),
    ("LICENSE", "IDV: scanned DL L 424 775 830 045 (MI) does not match", "L 424 775 830 045"),
    ("OTHER_ID", "subpoena in family court case 19-JV-30007 for records", "19-JV-30007"),
    ("NAME", "specimen rejected, name mismatch (order: CHOI, BABAJIDE / specimen", "BABAJIDE"),
    ("CITY", "aged 94, widowed, lives alone in Tahlequah since 2013", "Tahlequah"),
    ("CITY", "grandfather says they moved to Ponce last month", "Ponce"),
    ("HEALTH_PLAN", '{"resourceType":"Coverage","class":[{"type":{"coding":[{"code":"group"}]},'
                    '"value":"03619-3134"}]}', "03619-3134"),
    # a street line's end and its city are not "Last, First"
    ("CITY", "USPS lookup failed for '1200 Oak Knolls, Warren, GA 30301'", "Warren"),
    # a surname that is also an English word, vouched for by its particle
    ("NAME", "outbound referral packet for de Heer, Nienke failed", "Heer"),
    ("NAME", "merge candidates: van der Smit, Pieter", "Smit"),
    ("NAME", "statement generated for DRÓZD, SZYMON dob 1/2/1990", "DRÓZD, SZYMON"),
    ("NAME", "sending appointment_reminder to 小红 张 (client_id=59200)", "小红 张"),
    ("NAME", "args=('a@b.co', '桂英', '李') kwargs={}", "桂英"),
    ("NAME", "Lab result for जयदेव मल्होत्रा received", "जयदेव मल्होत्रा"),
    ("NAME", "outbound referral packet for da Rocha-Martins, Benjamin to Dr. X",
     "da Rocha-Martins, Benjamin"),
    # ADDRESS / CITY / ZIP
    ("ADDRESS", "USPS lookup failed for '866 Combs Square, Flint, MI 48502'", "866 Combs Square"),
    ("ADDRESS", "pickup 4065 Summer Blvd Unit 183, Wichita; driver late",
     "4065 Summer Blvd Unit 183"),
    ("ADDRESS", "mail to PO Box 1234 returned", "PO Box 1234"),
    ("CITY", "USPS lookup failed for '866 Combs Square, Flint, MI 48502'", "Flint"),
    ("CITY", "pickup 2811 Washington Blvd, Frazierside; vehicle 3", "Frazierside"),
    ("ZIP", "USPS lookup failed for '866 Combs Square, Flint, MI 48502'", "48502"),
    ("ZIP", "forwarding to 86647-9239 failed", "86647-9239"),
    ("ZIP", '{"city": "Salem", "zip": "40224"}', "40224"),
    ("ZIP", "Address: 9 Elm Rd, Springfield, Illinois 62704", "62704"),
    ("CITY", "lookup Dover, Delaware 19901 ok", "Dover"),
    # DATE
    ("DATE", "DOB 04/12/1987 on file", "04/12/1987"),
    ("DATE", "dob 1987-04-12", "1987-04-12"),
    ("DATE", "born 4/12/87 per intake", "4/12/87"),
    ("DATE", "appointment on April 12, 1987 confirmed", "April 12, 1987"),
    ("DATE", "seen 12 Apr 1987 by intake", "12 Apr 1987"),
    ("DATE", "PID|1||123^^^X^MR||DOE^JANE||19870412|F", "19870412"),
    ("DATE", "dob=datetime.date(1987, 4, 12)", "1987, 4, 12"),
    ("DATE", "Next session 10/14. Bring forms", "10/14"),
    ("DATE", "since her mother's death on March 1, mood low", "March 1"),
    # PHONE / FAX
    ("PHONE", "call (623) 480-5983 after 5", "(623) 480-5983"),
    ("PHONE", "mobile +1 (619) 313-2860", "+1 (619) 313-2860"),
    ("PHONE", "left voicemail at 575.491.3164", "575.491.3164"),
    ("PHONE", "phone_primary = '678-595-7105 ext 464'", "678-595-7105 ext 464"),
    ("PHONE", "SMS to +14187946858 failed", "+14187946858"),
    ("PHONE", "UK contact +44 20 7946 0958 unreachable", "+44 20 7946 0958"),
    ("PHONE", "called from 001-660-600-7900x87005 twice", "001-660-600-7900x87005"),
    ("PHONE", "reminder could not be sent to 7673379940", "7673379940"),
    ("ZIP", "ship to: 1 Main St\nMajuro, MH 96960", "96960"),
    ("FAX", "referral fax 807.798.3867 busy", "807.798.3867"),
    ("FAX", '{"system": "fax", "value": "801-200-8550"}', "801-200-8550"),
    # EMAIL / SSN
    ("EMAIL", "Key (email)=(steven.williams@yahoo.com) already exists",
     "steven.williams@yahoo.com"),
    ("SSN", "ssn 118-65-3614 rejected", "118-65-3614"),
    ("SSN", "kwargs={'ssn': '103275201'}", "103275201"),
    ("SSN", "SSN: 219 09 1234 on file", "219 09 1234"),
    # MRN / HEALTH_PLAN / ACCOUNT
    ("MRN", "Patient (MRN 00123456) arrived", "00123456"),
    ("MRN", "wearable data for patient U3312330 dropped", "U3312330"),
    ("MRN", "?mrn=2966753&tab=notes", "2966753"),
    ("MRN", "SSN on file; MR# 123456 flagged", "123456"),
    ("HEALTH_PLAN", "subscriber W586838614 not found", "W586838614"),
    ("HEALTH_PLAN", "group 360018-08 inactive", "360018-08"),
    ("HEALTH_PLAN", '{"planMemberId": "AAU806360837"}', "AAU806360837"),
    ("ACCOUNT", "billing_account=ACCT-6421905 declined", "ACCT-6421905"),
    ("ACCOUNT", "ACH return: account 496984440907 closed", "496984440907"),
    # LICENSE
    ("LICENSE", "rendering NPI 1616225193 not enrolled", "1616225193"),
    ("LICENSE", "prescriber DEA MS4630869 expired", "MS4630869"),
    ("LICENSE", "driver license C4973462 could not be verified", "C4973462"),
    ("LICENSE", "driver license 422 483 479 (Kentucky)", "422 483 479"),
    # VEHICLE / DEVICE
    ("VEHICLE", "assigned vehicle VIN 1HGCM82633A004352 unavailable", "1HGCM82633A004352"),
    ("VEHICLE", "transport 1HGCM82633A004352 late", "1HGCM82633A004352"),
    ("VEHICLE", "parking permit for plate KPV-7365 denied", "KPV-7365"),
    ("DEVICE", "wearable serial R58G04BIQGC offline", "R58G04BIQGC"),
    ("DEVICE", "IMEI 352099001620166 blocked", "352099001620166"),
    ("DEVICE", "tablet 490154203237518 unpaired", "490154203237518"),
    # URL / IP
    ("URL", "GET /patients/nicholas-young-1980-02-10/notes 404", "nicholas-young-1980-02-10"),
    ("URL", "Referer: https://portal.example.com/search?q=marshall&x=1", "marshall"),
    ("IP", "client_ip=69.79.128.110 request_id=abc", "69.79.128.110"),
    ("IP", "X-Forwarded-For: 2607:921:d4e5:919::91a9, 10.0.0.1", "2607:921:d4e5:919::91a9"),
    # AGE_OVER_89 / OTHER_ID
    ("AGE_OVER_89", "Client Mrs. Sosa, 92 y/o, reports", "92"),
    ("NAME", "hi this is Yaroslav Fujimoto calling about my appointment", "Yaroslav Fujimoto"),
    ("NAME", "voicemail: my name is Bohdan Kryvenko, please call back", "Bohdan Kryvenko"),
    ("PHONE", "voicemail: 555-201-3344 (left 2 min)", "555-201-3344"),
    ("OTHER_ID", "document_type=PASSPORT passport_no=TD6528221 visa_foil=93148924", "TD6528221"),
    ("OTHER_ID", "passport_no=TD6528221 visa_foil=93148924 i94=37667106887", "93148924"),
    ("OTHER_ID", "visa_foil=93148924 i94=37667106887", "37667106887"),
    ("NAME", "surname=ESPOSITO given_names=ANASTASIA nationality=Ethiopia", "ANASTASIA"),
    ("OTHER_ID", '{"documentNumber": "P3636844", "firstName": "CODY"}', "P3636844"),
    ("MRN", '{"imei": "35-663806-165192-0"}, "clientRef": "HMC072980"}', "HMC072980"),
    ("MRN", "action=chart.view target=client:289-63443 src=10.0.0.4", "289-63443"),
    ("ACCOUNT", "batch row: GuarantorAcct=087450534108, Name=x", "087450534108"),
    ("ACCOUNT", "secondary number missing for guarantor PA-04385335", "PA-04385335"),
    ("ZIP", "Address(city='Bozeman', region='MT', postal='59756')", "59756"),
    ("CITY", "column 'EmployerCity', value: x; EmployerCity=Amarillo", "Amarillo"),
    ("CITY", '{"delivery_line_1": "23 Elm St", "last_line": "Hoboken NJ 07022-7676"}',
     "Hoboken"),
    ("DEVICE", "Device Model: iPhone15,2\nUDID:    00008455-1496DBC16454AA7F\n",
     "00008455-1496DBC16454AA7F"),
    ("OTHER_ID", "Pharmacy fax on file: 274-539-1119  RxRef RX0251571", "RX0251571"),
    ("NAME", "Client J. Choi is a 91-year-old reports poor sleep", "J. Choi"),
    ("NAME", "patient J. K. Rowling called", "J. K. Rowling"),
    ("NAME", "DESCRIPTION:with B. Yamamoto\\, call +44 7964 238563", "B. Yamamoto"),
    ("NAME", "  Jadwiga G. Kowalczyk, 104-year-old, referred", "Jadwiga G. Kowalczyk"),
    ("NAME", "packet incomplete: Whitney K. Đorđević (92 yo), admitted", "Whitney K. Đorđević"),
    ("NAME", "rejected\nheader=last,first,dob\nrow=Adeyemi,Thandiwe,04/11/1983", "Adeyemi"),
    ("ZIP", "row 55: expected 6 columns, got 5\nlast,first,dob,city,zip,plan\n"
     "Reyes,Marisol,02/06/1994,Fresno,93736", "93736"),
    ("NAME", "Her father (Dawit Mahmoudi) can be reached at 287 869 1599", "Dawit Mahmoudi"),
    ("NAME", "SUMMARY:Intake - Ysolde Kovács\nDESCRIPTION:call", "Ysolde Kovács"),
    ("NAME", '"topic": "Session - Naledi Yamamoto", "host_email": "x"', "Naledi Yamamoto"),
    ("NAME", "Probation officer Ty Hwang, +1 536 628 9024", "Ty Hwang"),
    ("NAME", "From: Walgreens #11624, pharmacist Tendai Fontenot", "Tendai Fontenot"),
    ("NAME", "call my office. Sincerely, Giorgos H. Mahmoudi, NP", "Giorgos H. Mahmoudi"),
    ("NAME", 'body: "Hola Fiifi, su cita es el 17"', "Fiifi"),
    ("NAME", "Return fax: +1 938\nFrom: Adebayo Mokoena, PsyD\nRE: x", "Adebayo Mokoena"),
    ("NAME", '"requestingProvider": {"name": "Jarrah Benally, LPC", "npi": "1"}', "Jarrah Benally"),
    ("NAME", '"body": "Valentina, you have a visit on Apr 15"', "Valentina"),
    ("NAME", 'body: "Saanvi - your session is Mar 21 3:30pm"', "Saanvi"),
    ("NAME", "Original-Subject: Your intake packet, Dmitri\nX-Relay-Message: 1d3e", "Dmitri"),
    ("NAME", "#ops\n[Jul 16 07:15:15] Anastasia: I think it's the merge", "Anastasia"),
    ("NAME", "[SQL: INSERT INTO clients (id, name, dob) VALUES (?, ?, ?)]\n"
     "[parameters: ('2614908', 'Fiifi Nair', '02/03/2006')]", "Fiifi Nair"),
    ("DATE", "[SQL: INSERT INTO clients (id, name, dob) VALUES (%s, %s, %s)]\n"
     "[parameters: [('1', 'A B', '02/03/2006'), ('2', 'C D', '1999-01-02')]]", "1999-01-02"),
    ("NAME", "rendering /var/spool/statements/statement_vongsavath_gianfranco.pdf: Exit",
     "vongsavath"),
    ("DATE", "Access Denied [key=s3://mh-intake-prod/consents/TAKAHASHI_IDIL_19310902/signed.pdf]",
     "19310902"),
    ("NAME", "GET https://storage.googleapis.com/b/o/intake%2F2025%2Fdob-08-18-1928_kamau-nadia.pdf",
     "kamau"),
    ("NAME", "document=s3://relay-faxes/outbound/reddy_giorgos_records.pdf pages=2", "giorgos"),
    ("NAME", "patient checked into https://doxy.me/dr.cpierrelouis from 10.0.0.1", "cpierrelouis"),
    ("NAME", "escalated: Iolo Saleh missed two sessions", "Iolo Saleh"),
    ("NAME", "retry for Keyshawn Kapanadze failed", "Keyshawn Kapanadze"),
    ("OTHER_ID", "duplicate key in object 'dbo.Coverage'. The duplicate key value is "
     "(U0127397995, G886033).", "U0127397995"),
    ("DATE", "DTSTAMP:20240314T133438Z\nDTSTART;VALUE=DATE:20251221\nSUMMARY:x", "20251221"),
    ("OTHER_ID", "Refill rejected (Rx Rx1532817): NCPDP reject 75", "Rx1532817"),
    ("OTHER_ID", "RxReferenceNumber Rx3043550; drug aripiprazole", "Rx3043550"),
    ("AGE_OVER_89", "CALLER: just my nana, she's 92, she's asleep", "92"),
    ("AGE_OVER_89", "Who else lives with you? grandfather, he is 96 and needs help", "96"),
    ("OTHER_ID", "AUDIT actor=golnaz.mensah07 role=clinician action=CHART_VIEW", "golnaz.mensah07"),
    ("DEVICE", "CGM upload dropped transmitter=G798PLUUJS receiver=ok", "G798PLUUJS"),
    ("NAME", "IN1|1|BH01|68295|Wellcare|||G904102||||||||BLACKWOOD-NDIAYE^THEODORA^B|01|20071214",
     "BLACKWOOD-NDIAYE"),
    ("DATE", "IN1|1|BH01|68295|Wellcare|||G904102||||||||BLACKWOOD-NDIAYE^THEODORA^B|01|20071214",
     "20071214"),
    ("NAME", "new-onset agitation; please call S. Shevchenko at 374.682.3320", "S. Shevchenko"),
    ("NAME", "wearable-sync: token refresh failed for Deepika Nasser", "Deepika Nasser"),
    ("ACCOUNT", "DETAIL: Key (account_no, period)=(PA020683, 2018-Q3) already exists.",
     "PA020683"),
    ("ZIP", "Field error in object 'intakeForm' on field 'postalCode': rejected value [67747];",
     "67747"),
    ("CITY", "column 'EmployerCity'. Truncated value: 'Amarillo'.", "Amarillo"),
    ("NAME", 'Q4 Who referred you? "my pastor Precious"', "Precious"),
    ("NAME", '"driver": {"name": "Achilleas", "phone": "(713) 796-3188"}', "Achilleas"),
    ("NAME", "GuardianRecord[guardianName=Demir, ward=Nadia ter Haar, phone=x]", "Nadia ter Haar"),
    ("OTHER_ID", "ward=Nadia ter Haar, courtOrderNo=EMP675200, phone", "EMP675200"),
    ("NAME", '"member": {"name": "Eun-ji de Vries", "memberId": "W1"}', "Eun-ji de Vries"),
    ("NAME", "intake submission 3140bfa2:\nQ1 Preferred name: Dimi\nQ4 Who referred you?", "Dimi"),
    ("NAME", "First name: Dimi Last name: Nkemelu", "Nkemelu"),
    ("NAME", 'at Coverage.cs:line 104\nreq.SubscriberName = "Siobhan Rostami"', "Siobhan Rostami"),
    ("HEALTH_PLAN",
     '{"log": "{\\"msg\\": \\"lookup failed\\", \\"member_id\\": \\"ZGP594743NM\\"}"}',
     "ZGP594743NM"),
    ("CITY", "CALLER: I'm at 30608 Kittiwake Dr Bldg 4 Apt 9 in Tuscaloosa\n[00:17]",
     "Tuscaloosa"),
    ("CITY", "Address on file 16488 Juniper Pkwy, Bozeman 59723-8929. Wellness", "Bozeman"),
    ("CITY", "LOCATION:20033 Saguaro Ct\\, El Paso TX 79904-7738", "El Paso"),
    ("ADDRESS", "DOB 01-08-1993\nTYREEK HUYNH\n45492 ARROYO SECO ROAD, APT 506\nSt. George UT",
     "45492 ARROYO SECO ROAD, APT 506"),
    ("CITY", "3004 E COLFAX ST\nWinston-Salem NC 84525-4558", "Winston-Salem"),
    ("OTHER_ID", "@here chart for Rodríguez, Ysolde (93919000) is throwing 500", "93919000"),
    ("OTHER_ID", "Loop 2010BA subscriber QUISPE, NNAMDI id DL-27456-71 dob 19590525",
     "DL-27456-71"),
    ("NAME", 'body="Kemi, your visit is on 2 December 2024"', "Kemi"),
    ("NAME", "your visit with R. Xiong is on 2 December", "R. Xiong"),
    ("CITY", "Address on file 16488 Juniper Pkwy, Bozeman 59723. Check requested via Bozeman PD.",
     "Bozeman"),
    ("NAME", "scanned DL WDLYBU665X85 (WA) name 'FARIDA M ACHTERBERG' DOB 09/16/1997",
     "FARIDA M ACHTERBERG"),
    ("NAME", "DEA BG0508400 second letter does not match surname 'Guðmundsson' for NPI",
     "Guðmundsson"),
    ("NAME", "name mismatch (order: PEMBERTON, OLUWASEUN / specimen: x)", "PEMBERTON, OLUWASEUN"),
    ("NAME", "Invoice->__construct('AR88394599', 'Kulkarni, Meiling', '10/12/2023')",
     "Kulkarni, Meiling"),
    ("NAME", "<@U0PQSPYQFB> Abigail O.'s brother called back from 984-781-2944", "Abigail O."),
    ("DATE", "spoke w/ father Hollis Guo about the 05/13 session; they'd rather", "05/13"),
    ("ACCOUNT", "(Parameter 'accountNumber')\nActual value was G948764.\n   at Eligibility",
     "G948764"),
    ("HEALTH_PLAN", "HETS 270 rejected: MBI '9GR7-MN9-JX71' not found", "9GR7-MN9-JX71"),
    ("NAME", "  ship_to=TOMASZ MOKOENA | 19549 Highland Way | Missoula, MT 598", "TOMASZ MOKOENA"),
    ("CITY", "  ship_to=TOMASZ MOKOENA | 19549 Highland Way | Missoula, MT 598", "Missoula"),
    ("CITY", 'query args: ["J S" "80110 Wapsipinicon Rd Apt 3B" "Tuscaloosa" "AL" "25822"]',
     "Tuscaloosa"),
    ("OTHER_ID", "Her username is pilara94 but the reset link never arrives", "pilara94"),
    ("DEVICE", "ignition interlock PJN543880 on vehicle 5FWL535.", "PJN543880"),
    ("VEHICLE", "ignition interlock PJN543880 on vehicle 5FWL535.", "5FWL535"),
    ("LICENSE", "passport expired; fallback state ID U7100224 (vendor ref", "U7100224"),
    ("DATE", "Continues trazodone 25 mg qHS.\nP: RTC 1/18; coordinate with PCP.", "1/18"),
    ("NAME", '{"driverName":"SOLVEIG, PHAN","vin":"x"}', "SOLVEIG, PHAN"),
    ("NAME", '"hi um this is dolores jaramillo calling about my son', "dolores jaramillo"),
    ("NAME", "Draft text:\nWilhelmina, I spoke with your wife", "Wilhelmina"),
    ("NAME", "Patient(name='Jahnavi (Bibi) Ferreira-Lopes', dob=None) already exists",
     "Jahnavi (Bibi) Ferreira-Lopes"),
    ("NAME", "  - T. Lefebvre <tadeo.l@comcast.net> chart CHT-943655: SMTP 550", "T. Lefebvre"),
    ("NAME", 'From: "Okafor, Chidi" <c.okafor@example.org>', "Okafor, Chidi"),
    ("NAME", "first rows:\n8771931295|RAFFERTY, FERNÁNDEZ-RUIZ|554-71-7187", "RAFFERTY"),
    ("NAME", "MBI 3UN8Y75HA23 not found for FERRARO, AZADEH; birth date 01/07/1925", "AZADEH"),
    ("CITY", "the new address is 5393 Kamehameha Circle in Muskogee and my cell is", "Muskogee"),
    ("CITY", "LOCATION:17051 Briarcliff Dr, Apt 11C\\, Sheboygan\\, WI", "Sheboygan"),
    ("CITY", "refiere ansiedad. Vive en Yakima con su esposo", "Yakima"),
    ("LICENSE", "Referring clinician: Dr. X, NPI 1047593060, license PSY 37582.", "PSY 37582"),
    ("LICENSE", "requesting clinician C. Gallagher, license MD.4084624, DEA", "MD.4084624"),
    ("CITY", '"addr1": "12294 Whispering Pines Terrace", "locality": "Tulsa", "state": "OK"',
     "Tulsa"),
    ("MRN", "  - Chaim Dlamini <c@fastmail.com> chart PT2021-68072: unsubscribed", "PT2021-68072"),
    ("OTHER_ID", "No such file: '/srv/scans/2019/PT2019-68942/Gallagher-Adaeze-insurance-card.jpg'",
     "PT2019-68942"),
    ("NAME", "overlaps an existing booking (provider Kahananui, LMHC).", "Kahananui"),
    ("AGE_OVER_89", "for IntakeForm\nage_years\n  Input should be less than or equal to 89 "
     "[type=less_than_equal, input_value=102, input_type=int]", "102"),
    ("AGE_OVER_89", '{"patientAge": 94, "message": "x"}', "94"),
    ("OTHER_ID", "Invoice->__construct('PA-56776063', 'Dąbrowska, Miroslav', '2026-01-14')",
     "PA-56776063"),
    ("OTHER_ID", "AUDIT actor=gmensah role=clinician action=CHART_VIEW", "gmensah"),
    ("OTHER_ID", "no open encounter matched CLP01. Segment dump:\nCLP*06-PR-65408*1*$2765.17*",
     "06-PR-65408"),
    ("CITY", "93 year old widowed, lives alone in St. Cloud since 2008", "St. Cloud"),
    ("NAME", 'Ticket body: "Hello, my name is Efua (Bubba) Kowalczyk and I\'m trying',
     "Efua (Bubba) Kowalczyk"),
    ("OTHER_ID", "No such file: 'C:\\\\Scans\\\\2024\\\\CHT-898916\\\\Cholmondeley_Esther_ID.png'",
     "CHT-898916"),
    ("HEALTH_PLAN", '"member_id": "68004051677"}, "group_number": "095-7350", "status"',
     "095-7350"),
    ("MRN", "note.unlock actor=x@y.com target=client:021-34529 src=10.0.0.1", "021-34529"),
    ("MRN", "action=note.unlock target=client:CHT-8689-9597 src=10.0.0.1", "CHT-8689-9597"),
    ("MRN", '{field_violations:[{field:"mrn" description:"CHT-4004-8562 is not valid for x"}]}',
     "CHT-4004-8562"),
    ("HEALTH_PLAN", "Phone: +1 (770) 902-7444   Ins: Humana ID U2956101-01   Referring",
     "U2956101-01"),
    ("CITY", "needs the wheelchair van from\n1485 Buford Blvd\nto the Chula Vista clinic; the car",
     "Chula Vista"),
    ("NAME", "DOB 01-08-1993\nTYREEK HUYNH\n45492 ARROYO SECO ROAD, APT 506\nSt. George UT 69839",
     "TYREEK HUYNH"),
    ("ZIP", 'query args: ["J S" "17463 NW Glisan Hwy" "Montpelier" "VT" "46334" 980849]', "46334"),
    ("NAME", '{"participant": {"display_name": "percival hakimi", "ip": "10.1.1.1"}}',
     "percival hakimi"),  # a name typed in one case
    ("NAME", '"billing_details": {"name": "FAIRWEATHER LAVINIA", "address": {}}',
     "FAIRWEATHER LAVINIA"),
    ("ADDRESS", "$row = array('addr' => '4410 Oak Hollow Dr', 'zip' => '')", "4410 Oak Hollow Dr"),
    ("NAME", "first rows:\nG3701751|Jane Smith|804732923|$1048.60\n"
     "G3701752|KALINOWSKI NGOZI|804732924|$99.00", "KALINOWSKI NGOZI"),  # its column
    ("OTHER_ID", "first rows:\n256-447053-14|Jane Smith|$1048.60", "256-447053-14"),  # its row
    ("NAME", "overlaps a booking (provider Kahananui, LMHC).\n   at Booking.Book(Request req)",
     "Kahananui"),  # a credential at a line's end
    ("NAME", "I'll call you after the session. — Calogero", "Calogero"),  # signed with a dash
    ("NAME", "Thanks — Meseret", "Meseret"),
    ("NAME", "my name is Jasmeet 'Rafa' Mahlangu and I", "Mahlangu"),  # past a nickname
    ("NAME", "Patient(name='Ignacio 'Beto' Sandoval', dob=x)", "Sandoval"),
    ("NAME", '{"display_name": "Lavinia \'Pip\' Cervantes"}', "Cervantes"),
    ("URL", "404 for url: https://payer.example/v1/members/54226688498/coverage",
     "54226688498"),  # a member number, not a database id
    ("DATE", "prazosin discontinued on 20240713. See OPS-1", "20240713"),
    ("DATE", "Your intake is confirmed for 3/21.", "3/21"),
    ("DATE", "Teléfono: x. Próxima cita: 3/14.", "3/14"),
    ("CITY", "bind :1 = '4410 Oak Hollow Dr, Trlr 17'  :2 = 'Medford'  :3 = 'OR'  :4 = '35251'",
     "Medford"),  # Oracle binds
    ("ZIP", "exec @p1='12 Elm St', @p2='Paducah', @p3='KY', @p4='30175'", "30175"),
    ("NAME", 'query args: ["JOAQUÍN SZYMBORSKA" "4410 Oak Hollow Dr" "Medford"]',
     "JOAQUÍN SZYMBORSKA"),  # the argument before a street's
    ("OTHER_ID", "insert into `portal_users` (`username`, `email`) values (mehmet.horvath03, "
     "m@x.org))", "mehmet.horvath03"),  # bindings printed bare
    ("ADDRESS", 'pickup="Rural Route 9 Box 131, Chula Vista"', "Rural Route 9 Box 131"),
    ("ADDRESS", "MHAIRI VANDERSLICE\nHC 75 BOX 6399\nPensacola FL 32501", "HC 75 BOX 6399"),
    ("CITY", "I'm at 12 Elm St, #204 in Gainesville\nnext", "Gainesville"),
    ("NAME", "records request for TALLULAH HIGGINBOTHAM, DOB 1/2/1990", "HIGGINBOTHAM"),
    ("NAME", "for MBI x - Meron del Castillo, DOB 1/2/1990", "Meron"),  # past a particle
    ("NAME", "cover=\"ATTN: Dr. al-Tamimi - records\"", "al-Tamimi"),
    ("NAME", "visitor log says ZANELE BLACKWOOD arrived for", "ZANELE BLACKWOOD"),
    ("IP", "::ffff:8.8.4.4 - - [24/Feb/2025] GET /", "8.8.4.4"),  # v4-mapped v6
    ("EMAIL", "From: noreply@clinic.org to jane.doe@gmail.com", "jane.doe@gmail.com"),
    ("LICENSE", "OCR licence number 'M445-7456-1802' != entered 'M445-7456-1820' for",
     "M445-7456-1820"),  # the other side of a mismatch
    ("DATE", "dob 1990-01-02 does not match 1990-02-01", "1990-02-01"),
    ("ADDRESS", "(DOB 1/2/1990, E1869 County Rd M, St. Paul 55112)", "E1869 County Rd M"),
    ("ZIP", "(DOB 1/2/1990, E1869 County Rd M, St. Paul 55112)", "55112"),
    ("CITY", "BEGIN:VCARD\nN:Romero;Araceli;;;\nADR;TYPE=HOME:;;S6925 County Rd M;Pueblo;CO;"
     "81086;USA\nEND:VCARD", "Pueblo"),
    ("DATE", "BEGIN:VCARD\nFN:Araceli Romero\nBDAY:13.02.1962\nEND:VCARD", "13.02.1962"),
    ("NAME", "BEGIN:VCARD\nN:Romero;Araceli;;;\nEND:VCARD", "Romero"),
    ("NAME", "CSV import failed at line 496: expected 9 columns, got 10\n> 983811,Kristiansen,"
     "Karim,1966-12-23,+1 701 932 6303,\"2317 N Birchwood Street\",Pittsfield,MA,01278,extra",
     "Kristiansen"),  # a person's row: its words are names
    ("CITY", "> 983811,Kristiansen,Karim,1966-12-23,+1 701 932 6303,\"2317 N Birchwood "
     "Street\",Pittsfield,MA,01278,extra", "Pittsfield"),
    ("NAME", "Bind variables: :1='TEHRANI' :2='HYUN-WOO' :3='13-FEB-61' :4='439170917' :5=4279",
     "HYUN-WOO"),
    ("SSN", "Bind variables: :1='TEHRANI' :2='HYUN-WOO' :3='13-FEB-61' :4='439170917' :5=4279",
     "439170917"),
    ("OTHER_ID", "> 2024-01-02,Jane Roe,1990-01-02,2M3GG5CA84,F42.2,229.29", "2M3GG5CA84"),
    ("ADDRESS", "12 Elm St Bldg C Apt 12, Akron", "12 Elm St Bldg C Apt 12"),
    ("SSN", 'array(5) {\n  ["ssn"]=>\n  string(9) "141395561"\n}', "141395561"),  # var_dump
    ("HEALTH_PLAN", 'array(5) {\n  ["member_id"]=>\n  string(10) "W699893214"\n}', "W699893214"),
    ("AGE_OVER_89", '"valueAge": {"value": 100, "unit": "a"}', "100"),  # a FHIR Age
    ("DATE", "su cita con la Dra. Mendez el 29 de diciembre. Dirección", "29 de diciembre"),
    ("NAME", "su cita con la Dra. Mendez el 29 de diciembre.", "Mendez"),
    ("NAME", '"Itzel de los Santos, le recordamos su cita"', "Itzel de los Santos"),
    ("OTHER_ID", "reset link expired for portal user 'kkhoury18' <k@x.org>", "kkhoury18"),
    ("OTHER_ID", "probation letter for X (case DOC #136557) could not", "DOC #136557"),
    ("AGE_OVER_89", "client Jo (Ninety-one years of age) exceeds", "Ninety-one"),
    ("AGE_OVER_89", "Pt is a 97y veteran, lives alone", "97"),
    ("FAX", "referred by Dr. X, fax 808/710-8913. DOB", "808/710-8913"),
    ("ADDRESS", "Addr1 = N'5262-B N Alameda Rd, Spc 19' WHERE", "5262-B N Alameda Rd, Spc 19"),
    ("OTHER_ID", "rejected: Rx 875738D for Jane", "875738D"),
    ("OTHER_ID", "rejected: rx_number=3785498-82 for Jane", "3785498-82"),
    ("OTHER_ID", "GET /fhir/r4/Patient?identifier=E569160344 HTTP/2.0", "E569160344"),
    ("DEVICE", "loaner device IMEI 86 012304 902940 7 (serial", "86 012304 902940 7"),
    ("DATE", "birth_date {\n    year: 1975\n    month: 8\n    day: 28\n  }", "year: 1975"),
    ("DATE", "reminder: your appointment is 4/13. Reply C", "4/13"),
    ("DATE", "already booked on 03/16/2024 11:00-11:50 for client", "03/16/2024"),
    ("NAME", "Subject: Appointment reminder: Tigist, you have a visit on", "Tigist"),
    ("NAME", "can someone call back giulia müller re her jan 24 appt?", "giulia müller"),
    ("NAME", "call back parisa van dijk re her appt", "parisa van dijk"),
    ("DATE", "can someone call back Jo re her jan 24 appt?", "jan 24"),
    ("ADDRESS", "also she moved to 3234 e ridgeview ave, boulder - statement bounced",
     "3234 e ridgeview ave"),
    ("CITY", "also she moved to 3234 e ridgeview ave, boulder - statement bounced", "boulder"),
    ("OTHER_ID", 'dup key: { portalUsername: "emeka_kava742" }', "emeka_kava742"),
    ("ACCOUNT", "acct = <Account id=408443 number='2261486982' status='collections'>",
     "2261486982"),
    ("OTHER_ID", "probation letter for X (case 2024-CR-076088) could not", "2024-CR-076088"),
    ("OTHER_ID", "404 https://my.mhc-portal.org/pay/statements/AR32308912.pdf", "AR32308912"),
    ("HEALTH_PLAN", '[seed.client]\nmember = "RUJ442564733"', "RUJ442564733"),
    ("HEALTH_PLAN", 'ParseError { field: "subscriber_id", raw: "SGN078248150" }', "SGN078248150"),
    ("NAME", "stuck: Zeynep de la Cruz-Ybarra (DOB 1/2/1990) requests", "Zeynep"),
    ("NAME", '{"beneficiary": {"display": "Philomena ter Haar"}}', "Philomena ter Haar"),
    ("ADDRESS", '"mail_to":"3128 Camino del Sol Ste 440, Provo, UT 84601"',
     "3128 Camino del Sol Ste 440"),  # the street's type first
    ("ADDRESS", "home_address: |\n    9977 1/2 E Spring Garden Blvd\n    Apt. 15",
     "9977 1/2 E Spring Garden Blvd"),
    ("OTHER_ID", "subpoena in family court case 2022CP785832 for records", "2022CP785832"),
    ("NAME", "Subject: Reminder for Ousmane: your visit on", "Ousmane"),
    ("NAME", "<@U088PAMXU7> LVM for Angharad re: missed appt", "Angharad"),
    ("NAME", "called pt's stepmom (Orla) re: appt", "Orla"),
    ("NAME", 'body: "Hola Ana, su cita es a las 10:00 AM con Bondarenko."', "Bondarenko"),
    ("NAME", '"Jo - your session with Tsosie is 3/4 4:15 PM."', "Tsosie"),
    ("ZIP", "Boise, ID 83702", "83702"),
    ("NAME", "AM04|C2=U54803169-01|C1=RX4763|AM01|C4=19450712|C5=1|CA=THANDIWE|CB=DELVALLE|"
     "CP=33359|AM07|D2=5879379|D7=97306-0992-33", "DELVALLE"),  # NCPDP D.0
    ("HEALTH_PLAN", "AM04|C2=U54803169-01|C1=RX4763|AM01|C4=19450712", "U54803169-01"),
    ("ACCOUNT", "PATIENT NAME           ACCT NO      MEMBER ID       DOS        PAYER\n"
     "LAURENT, AVRAHAM       49898-0969   RU230178334     01/16/2025 AETNA", "49898-0969"),
    ("NAME", "PATIENT NAME           ACCT NO      MEMBER ID       DOS        PAYER\n"
     "VAN DEN BERG, SANTIAGO PA26167333   U63820764-01    12/03/2024 AETNA",
     "VAN DEN BERG, SANTIAGO"),  # space-aligned report columns
    ("HEALTH_PLAN", "dos 4/9, member id on file is HM565567966 but", "HM565567966"),
    ("DATE", "votre rendez-vous le lundi 3 mars à 13h30 avec", "lundi 3 mars"),
    ("DATE", "le dossier de Jo (né(e) le 18 juillet 1960, 46 ans)", "18 juillet 1960"),
    ("DATE", "a consulta em 3 de março", "3 de março"),
    ("PHONE", "Pour annuler : 06 78 90 01 47.", "06 78 90 01 47"),
    ("OTHER_ID", '{"ts": "2025-02-14T13:31:54.016Z", "actor": "mgutierrez", "role": "admin"}',
     "mgutierrez"),
    ("MRN", 'request: patient_id: "A7886193" given_name: "Jo"', "A7886193"),
    ("MRN", '"tags": {"document": "summary", "patient": "MR-2798355"}', "MR-2798355"),
    ("NAME", "RE: Referral - M. Gómez  DOB 1/2/1990", "M. Gómez"),  # an initial and a surname
    ("NAME", 'name="D. van den Berg" plate', "D. van den Berg"),
    ("NAME", "failures:\n  - appt 471579 (Jürgen de los Santos, Sun 3/4 11:45am)",
     "Jürgen de los Santos"),  # particles inside a run of name words
    ("ADDRESS", '645490,Ana,1990-01-02,"4824 S Calle del Sol Ter",Rapid City,SD',
     "4824 S Calle del Sol Ter"),
    ("OTHER_ID", '{"enduser.id": "ximena.liu.3", "net.peer.ip": "10.0.0.1"}', "ximena.liu.3"),
    ("SSN", "DTL PEREIRA         TENZIN          9J52V50KR00   19941004 F 53877 237927352",
     "237927352"),  # a fixed-width person line's numbers
    ("LICENSE", '{"dl_number": "S547-8302-3965", "dob": "1/2/1990"}', "S547-8302-3965"),
    ("DEVICE", "Device: identifierForVendor=18C3C4F1-06DE-465B-8DB7-710D8489ACEF",
     "18C3C4F1-06DE-465B-8DB7-710D8489ACEF"),
    ("NAME", "SmsStatus=received&Body=Hi+this+is+giovanni+rahman+need+to+reschedule&To=1",
     "giovanni+rahman"),  # encoded free text: decoded, scrubbed, redacted whole
    ("PHONE", "SmsStatus=received&From=%2B18853277679&ApiVersion=2010-04-01", "%2B18853277679"),
    ("NAME", "ITEM pt:lookup:demir_marquis [2767 b; 1737508850 s]", "demir_marquis"),
    ("DATE", "ITEM dob-idx:1938-06-22:84811 [4545 b]", "1938-06-22"),  # a cache key's parts
    ("OTHER_ID", '"HGETALL" "appt:cache:MR-9190365:2025-03-08"', "MR-9190365"),
    ("OTHER_ID", '"INCR" "ratelimit:login:ivy.castillo.3"', "ivy.castillo.3"),
    ("OTHER_ID", "BREAK-GLASS access user=chaddad role=covering_md", "chaddad"),
    ("OTHER_ID", 'audit: user: "dariush.delvalle" exported the chart', "dariush.delvalle"),
    ("HEALTH_PLAN", 'insurance: {payer: Humana, member_id: Z38, group: "G1631203"}', "G1631203"),
    ("OTHER_ID", "eligibility ok for PT-1083057 but address mismatch", "PT-1083057"),
    ("OTHER_ID", "member id on file is old but card says U30545926-01", "U30545926-01"),
    ("OTHER_ID", "MEDICARE\nMember: (see chart)\nID: XKR608634757\n", "XKR608634757"),
    ("AGE_OVER_89", "ride for Dr. Massey (age 96) pickup", "96"),
    ("AGE_OVER_89", "rider Mrs. Eleanor Whitfield, 95, needs a ramp", "95"),
    ("OTHER_ID", "court case no. 2023-MH-351899 sealed", "2023-MH-351899"),
    ("OTHER_ID", "dob 19340729; Rx# 3408148; drug", "3408148"),
    ("OTHER_ID", "5 failed logins for portal user joaos23 from 10.0.0.1", "joaos23"),
    ("OTHER_ID", "password reset requested by user jdoe1987 at noon", "jdoe1987"),
    # secrets
    ("SECRET", "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abcdefghijk.lmnopqrstu",
     "eyJhbGciOiJIUzI1NiJ9"),
    ("SECRET", "connect postgres://relay:hunter2pass@db:5432/x", "hunter2pass"),
    ("SECRET", "password=S3cr3t! user=bob", "S3cr3t!"),
    ("SECRET", "key sk_live_4eC39HqLyjWDarjtT1zdp7dc leaked", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
    ("SECRET", "dsn https://0123456789abcdef0123456789abcdef@o1.ingest.sentry.io/5",
     "0123456789abcdef0123456789abcdef"),
    ("CARD", "charge 4111 1111 1111 1111 declined", "4111 1111 1111 1111"),
]


@pytest.mark.parametrize(("kind", "text", "value"), POSITIVE,
                         ids=[f"{k}:{v[:18]}" for k, _, v in POSITIVE])
def test_positive(kind: str, text: str, value: str) -> None:
    s = default_scrubber()
    clean, counts = s.scrub(text)
    assert value not in clean
    assert _covering_kind(s, text, value) == kind
    assert counts[kind] >= 1
    assert f"[REDACTED:{kind}]" in clean


NEGATIVE: list[tuple[str, str]] = [
    ("batch 44480030-f3c6-48b1-94ed-204990e32e82 failed", "44480030-f3c6-48b1-94ed-204990e32e82"),
    ("request_id=req_3aafaaeafc657671a1ad0bbb attempt 1/5", "req_3aafaaeafc657671a1ad0bbb"),
    ("git 89eaff309cad68386d070c415ed7e70cad194619 deployed",
     "89eaff309cad68386d070c415ed7e70cad194619"),
    ("release 4.16.10 rolled out", "4.16.10"),
    ("smtp said 5.1.1 user unknown", "5.1.1"),
    ("version 2.12.2 of form", "2.12.2"),
    ("connect db-primary.internal:5432 refused", "5432"),
    ("https://claims-gateway.internal:8443/v1/batches failed", "8443"),
    ("took 22.52s", "22.52s"),
    ("duration 14196ms", "14196ms"),
    ("dx F43.10 and CPT 99213 billed", "F43.10"),
    ("dx F43.10 and CPT 99213 billed", "99213"),
    ("first seen 2026-11-30T09:56:03Z", "2026-11-30T09:56:03Z"),
    ("2026-10-07 11:08:11,775 ERROR django.request", "2026-10-07 11:08:11,775"),
    ("MSH|^~\\&|EHR|BPC|ehr|BPC|20261215205636||ADT^A04", "20261215205636"),
    ("plan year 2025 renewal", "2025"),
    ("node 172.16.10.211 and 10.156.8.17 and 127.0.0.1", "172.16.10.211"),
    ("node 172.16.10.211 and 10.156.8.17 and 127.0.0.1", "10.156.8.17"),
    ("node 172.16.10.211 and 10.156.8.17 and 127.0.0.1", "127.0.0.1"),
    ("Key (patient_id)=(94814) is not present in table \"patients\"", "94814"),
    ("job 6985942; pages=24", "6985942"),
    ("ImportError: cannot import name 'ClaimBatch' from 'app.billing.claims'", "ClaimBatch"),
    ("TypeError: Cannot read properties of null (reading 'firstName')", "firstName"),
    ("column member_id; table public.patients", "member_id"),
    ("states: South Carolina, North Carolina", "South Carolina"),
    ("payer TRICARE (CO-16) rejected", "CO-16"),
    ("ValidationError: field 'dob' is required", "ValidationError"),
    ("amount=$154.00 refunded", "$154.00"),
    ("status 403, code E2508, vendor idcheck-v2", "E2508"),
    ("attempt 4/5 failed", "4/5"),
    ("MAC-less build 2024.1.15 shipped", "2024.1.15"),
    ("Patient Portal login failed. Retrying", "failed."),
    ("the Bridge, Main Street entrance", "Bridge, Main"),
    ("Cache Warmer (age 34s) is stale", "Cache Warmer"),
    ("ETL Job, age 3 days, retried", "ETL Job"),
    ("worker config name: Relay Worker", "Relay Worker"),
    ("export header id,status,count\n42,active,7\n", "42,active,7"),
    ("message sent to Billing Service", "Billing Service"),
    ("error in Handler, OK", "Handler"),
    ("license expired 2024, renew", "expired 2024"),
    ("page 3: chart 12 of 30", "chart 12 of 30"),
    ("service moved to Kubernetes; data lives in Postgres", "Kubernetes; data lives in Postgres"),
    ("sensor S3 v2.1.0 online", "S3 v2.1.0"),
    ("the owner field is required", "owner field"),
    ("Patient Jane Doe, Failed to sync", "Failed"),
    ('{"gzip": "true", "count": 3}', '"gzip": "true"'),
    ("Duplicate entry '42-7' for key 'jobs.uq_job_run'", "42-7"),
    ("test case TC-1234 failed", "TC-1234"),
    ("account: locked after 5 attempts", "locked"),
    ("login failed for user", "login failed"),
    ("~NM1*PR*2*UNITEDHEALTHCARE*****PI*CCHPC~", "UNITEDHEALTHCARE"),
    ("<DrugDescription>venlafaxine ER 75 mg</DrugDescription><Name>Widget</Name>",
     "<Name>Widget</Name>"),
    ("Date: Thu, 14 Nov 2025 22:04:45 +0000", "14 Nov 2025 22:04:45"),
    ("Arrival-Date: Mon, 9 Mar 2026 02:16:29 +0000", "9 Mar 2026"),
    ("retry 4/5 at 10:00 then give up", "4/5"),
    ("syslog count 1\nNov  2 10:00:01 host", "1\nNov  2"),
    ('{"age": 35, "first": "page"}', '"age": 35, "first": "page"'),
    ("pip freeze:\nname,version\nrequests,2.31\nurllib3,2.0\n", "requests,2.31"),
    ("account locked (policy E3819, node 10.0.0.1)", "E3819"),
    ("username is required", "is required"),
    ("group 2024 budget approved", "2024"),
    ("states: New York 2025 plan", "2025"),
    ("browsers: Chrome, Firefox, Safari", "Chrome, Firefox, Safari"),
    ("payer 'KAISER' rejected the claim", "KAISER"),
    ("issue_id: 4218258981 regressed", "4218258981"),
    ("job #5551234567 retried", "5551234567"),
    ("GET /api/v1/users/12345/profile 200 /patients/12345/notes", "/patients/12345/notes"),
    ("User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "Windows NT 10.0"),
    ("confirmed for 2025-07-14 09:30:00-04:00 (tz America/New_York)", "2025-07-14 09:30:00"),
    ("voicemail: my name is Bohdan Kryvenko", "voicemail: my name is"),  # not an e-mail key
    ("MONTANA DRIVER LICENSE\nDL D341-3762-1404", "DRIVER LICENSE"),
    ("Relay Health Billing Office\n123 Main St\nBoston, MA 02110", "Relay Health Billing Office"),
    ("walk to the Main Street clinic, then at the Downtown office", "Main Street clinic"),
    ("Aetna #5 outage; Optum ID lookup slow", "Aetna #5 outage; Optum ID lookup"),
    ('{field:"status" description:"ACTIVE is not valid"}', "ACTIVE"),
    ("patient 2024 visits were counted", "patient 2024 visits"),
    ("25 failed (Medicare Part B, payer id 87726); states OR, MN, NH and Indiana throttled",
     "payer id 87726"),
    ("states OR, MN, NH and Indiana throttled", "and Indiana"),
    ("actor=svc-billing role=x; actor=backup role=y", "actor=svc-billing role=x; actor=backup"),
    ('"args": ["7277467", "Tadeo O\'Brien"], "retry_count": 2', '"7277467"'),  # a database id
    ("f('v2.3.1', 'Jane Doe', 'build-20240101')", "'v2.3.1'"),
    ('{"usage": 95, "page": 91}', '"usage": 95, "page": 91'),
    ("escalated to the Support, LMHC team", "Support, LMHC"),
    ("From: Relay Alerts <alerts@relay.io>", "Relay Alerts"),
    ("Subject: Cron <root@backup-cron-01> /usr/local/bin/sync.sh", "Cron <"),
    ("Note, I restarted the worker", "Note, I"),
    ("claims-sync: 999 accepted ISA13=672940932 GS06=6328 ST*999*6988~AK1", "6328 ST"),
    ("CSP violation report from Mac OS X on Mac OS X (Chrome 120)", "Mac OS X on Mac OS X"),
    ("linked OPS-82473 and BILL-89419; Stripe object", "BILL-89419"),
    ("vehicle VIN lookup failed", "vehicle VIN lookup"),
    ("java.lang.ClassNotFoundException: com.mindharbor.sched.IcsExporter (module x)",
     "com.mindharbor.sched.IcsExporter"),  # "ssn" inside "ClassNotFound" is no key
    ("smartphone_model: Pixel 8", "Pixel 8"),
    ("BHT*0022*13*TCK-81507*20251223*1330~HL*3", "20251223*1330"),  # an X12 stamp
    ("ERA batch from Blue Cross Blue Shield of Texas balanced", "Blue Cross Blue Shield of Texas"),
    ("ACH return R04 (routing 065561277, account ACCT2146720)", "065561277"),  # a bank
    ("billing_status=ok shipping=ground", "billing_status=ok shipping=ground"),
    ("Release 2.5/12 intake form", "2.5/12"),
    ("throttled states LA, MT, HI and Massachusetts", "LA, MT, HI"),
    ("relocated to Lagos, Nigeria last year", "Nigeria"),
    ("NameError: name 'Patient' is not defined", "name 'Patient'"),
    ("NameError: name 'foo' is not defined", "name 'foo'"),
    ("Jane Doe (2024) wrote the note", "(2024)"),
    ("3004 E COLFAX ST\nWinston-Salem NC 84525-4558", "NC"),  # the state stays
    ("CALLER: I'm at 30608 Kittiwake Dr Bldg 4", "I'm at"),
    ('{"log": "{\\"level\\": \\"error\\", \\"msg\\": \\"coverage lookup failed\\"}"}',
     '\\"coverage lookup failed\\"'),
    ("WARNING practice.portal.auth: 5 failed logins", "auth: 5 failed"),  # a logger, no key
    ("Company name: Acme Corp, Queue name: Default", "Acme Corp"),
    ('"child": {"name": "Default"}', "Default"),
    ('{"applicant": {"name": "Default Queue"}}', "Default Queue"),
    ("DETAIL: Key (account_no, period)=(PA020683, 2018-Q3) already exists.", "2018-Q3"),
    ("on field 'street': rejected value [75258 Kittiwake Street, Hialeah, FL]; default", "FL]"),
    ("guarantor block: JO REBELO / 86111 Lighthouse Point Loop / Las Cruces, NM 20402", "NM"),
    ("connect to Redis failed; sent to Twilio SendGrid", "to Redis failed"),
    ("call Support at extension 4", "call Support"),
    ("IN1|1|BH01|68295|Wellcare|||G904102||||||||DOE^JANE^B|01|20071214", "|01|"),
    ("IN1|1|BH01|68295|Carelon Behavioral Health|||G9", "68295|Carelon Behavioral Health"),
    ("The duplicate key value is (42, NULL).", "(42, NULL)"),  # an integer id
    ("take Rx 10 mg daily", "Rx 10 mg"),
    ("she's 95% sure it was him", "95%"),
    ("actor=system role=cron", "actor=system"),
    ("payers: Kaiser Permanente, TRICARE West, Optum", "Kaiser Permanente, TRICARE West"),
    ("switched to Invega Sustenna 234 mg monthly", "Invega Sustenna"),
    ("Gunicorn Arbiter booted; Redis Sentinel failover", "Gunicorn Arbiter"),
    ("wrote export_20240101.csv and report_final_v2.pdf", "export_20240101.csv"),
    ("200 https://my.mhc-portal.org/help/billing.pdf (ok)", "my.mhc-portal.org"),  # a host
    ("uploaded s3://mh-intake-prod/logos/logo-dark.png", "logo-dark.png"),
    ("[SQL: INSERT INTO jobs (id, queue) VALUES (?, ?)]\n[parameters: ('7', 'Default')]",
     "('7', 'Default')"),
    ("Sorry, you must sign in again", "Sorry, you"),
    ("[12:00:01] Worker: started 4 threads", "Worker: started"),
    ("escalated to the Care Team, MD review pending", "Care Team"),
    ("Sincerely, Anahí Hakobyan, MD", "Sincerely,"),  # a sign-off, not a surname
    ("Session - Expired token, please sign in", "Expired token"),
    ("call my office. Sincerely, Giorgos H. Mahmoudi, NP", ", NP"),  # a credential
    ("name,dob\nJane Roe,1980-02-10\nSee the docs, then retry", "See the docs, then retry"),
    ("Patient A. The end of the list", "A. The end"),  # an initial needs a surname after it
    ("dx F33.1, proc 90837\n  Loop 2310B rendering", "90837\n  Loop 2310B"),  # no street
    ("=CRASH REPORT==== 28-Oct-2023::06:59:04 ===", "28-Oct-2023::06:59:04"),  # Erlang stamp
    ("balance_transaction txn_1, api_version 2024-07-18", "2024-07-18"),  # a dated API
    ('{"apiVersion": "2023-10-16"}', "2023-10-16"),
    ("Dx F32.9, plan 90837.", "90837"),  # a CPT code
    ('File "/srv/app/clients/merge.py", line 858', "clients/merge.py"),  # a source file
    ("ethnicity=Hispanic velocity=3", "ethnicity=Hispanic"),  # not a city key
    ("deploy note: this is Production, not Staging", "this is Production"),
    ("exception while syncing ticket INC0063886 to CRM", "INC0063886"),
    ("claims-sync: batch B395492042 submitted; control id ADT4750291", "ADT4750291"),
    ("PUT uploads/CH8336724/front.jpg; build ABC1234567 passed", "CH8336724/front.jpg"),
    ("MSH|^~\\&|A|B|C|D|20250718151219||ADT^A04|XYZ4750291|P|2.5.1", "|XYZ4750291|"),
    ("connection authorized: user=postgres database=app", "user=postgres"),
    ("connection authorized: user=analytics database=warehouse", "user=analytics"),
    ("sudo: user=svc_billing ran backup; user=app_rw; user=42", "user=app_rw; user=42"),
    ('worker group: "pool-7" retried; group=ops-42', 'group: "pool-7" retried; group=ops-42'),
    ("fingerprint sentry:billing:1635244907 grouped", "sentry:billing:1635244907"),  # an id
    ("logger app:worker:billing_sync started; k8s:pod:chart-api-5; urn:oid:2.16.840.1.113883",
     "app:worker:billing_sync"),
    ("arn:aws:iam::073912067788:user/portal-uploader", "073912067788"),
    ("SmsStatus=received&Body=STOP+please&path=%2Fapi%2Fv1%2Fx", "Body=STOP+please"),
    ("Patient Jane Doe   DOB 1/2/1990   request 9C62DEA346382E72 at 20250319015809   id 4058831",
     "9C62DEA346382E72 at 20250319015809   id 4058831"),
    ("delivered 3 de los items", "3 de los items"),
    ("Plan B. Next step; U.S. Army veterans; see the Casa de la Cultura", "Casa de la Cultura"),
    ("FAIL S. Quiñones aged 94", "FAIL"),  # a log word is no given name
    ('{"patient_id": 4058831, "client_id": "8e1f2a3b-1111-2222-3333-444455556666"}',
     '"patient_id": 4058831'),  # a database's keys
    ('{"actor": "system"}; build 10 20 30 40 50 60 done', "10 20 30 40 50 60"),
    ("AM04|C2=U54803169-01|C1=RX4763|AM07|D7=97306-0992-33|E7=89000", "C1=RX4763|AM07|D7=97306"),
    ('"account_sid": "ACc8dadc79380860d345dd64a9a948686c"', "ACc8dadc79380860d345dd64a9a948686c"),
    ('"model": "Lenovo Tab M10"; wrote s3://elig-reports/run-53603.csv', "Lenovo Tab M10"),
    ("mismatch: 12 Elm St, Springdale, AR 38925\n2025-05-26 02:39:18.337 | eligibility ok",
     "2025-05-26 02:39:18.337"),  # a line with an address is no CSV header
    ('{"street": "<street>", "city": "{{patient.city}}", "ssn": "XXX-XX-XXXX", "dob": '
     '"MM/DD/YYYY", "email": "***@***", "mrn": "MRN-XXXXXXX", "phone": "+1XXXXXXXXXX"}',
     '"{{patient.city}}", "ssn": "XXX-XX-XXXX"'),  # placeholders and masks hold no value
    ('"x": "[EMAIL]", "q": "%5BREDACTED%5D", "p": "%7Bvalue%7D", "m": "REDACTED"', "[EMAIL]"),
    ("IK3*N4*26*2010CA*8~ (an error about segment N4)", "IK3*N4*26*2010CA*8~"),
    ('"emailSubject": "Please sign: Intake packet"', "Please sign"),
    ("REGENCE BLUESHIELD member card; payer ID 10389", "payer ID 10389"),
    ("[2025-03-02, 22:05:36 UTC] ERROR", "2025-03-02, 22:05:36"),  # a log stamp
    ("FAIL client MRN-XXXXXXX; ship to SIEM ok", "ship to SIEM"),
    ('"from": "reminders@mg.practice.example"', "reminders@mg.practice.example"),
    ("paired with Bluetooth. ok; failover with Postgres.", "with Bluetooth. ok"),
    ("waiting for Redis re: connection; Kafka Consumer failed", "Redis re: connection"),
    ('{"coding": [{"code": "F32.1", "display": "Major depressive disorder"}]}',
     "Major depressive disorder"),  # a code's display text
    ('{"display": "Sertraline 50 MG Oral Tablet"}', "Sertraline 50 MG Oral Tablet"),
    ("wrote /tmp/20240101.csv and export_20240101.csv", "20240101.csv"),  # a dated batch
    ('{"member": "gold", "field": "status", "value": "bad"}', '"gold"'),
    ("in that use case UTF-8 is fine", "use case UTF-8"),
    ("waiting for the team; made with jack cheese; 500 errors in the way", "with jack cheese"),
    ("took 3 retries on first st", "3 retries on first st"),
    ("2025-04-18 13:00:01 ERROR x; 03/16/2024 11:00:00 INFO", "2025-04-18 13:00:01"),
    ("Note: Thanks, we fixed it. Error: Sorry, you must sign in", "Thanks, we"),
    ("took 1/2 pills; build v2.3y", "1/2 pills"),
    ('"valueAge": {"value": 45, "unit": "a"}; Hola, gracias', "Hola, gracias"),
    ("> 983811,Kristiansen,Karim,1966-12-23,+1 701 932 6303,x,MA,extra", "983811"),  # a db id
    ("> 7,Jane Roe,1990-01-02,555-201-3344,TRICARE West,F42.2,229.29", "TRICARE West,F42.2,229.29"),
    ("exec @p1='Default', @p2='2024-01-02 10:00:00', @p3=5", "'Default'"),
    ("Failed after 3 tries, backing off, queue=billing, worker=4, host=ip-10-0-0-1, retrying",
     "queue=billing"),
    ("status 200 != 404 and retries 3 vs 5", "200 != 404"),
    ("BEGIN:VCARD\nN:x;;;;\nADR;TYPE=WORK:;;;;CO;;USA\nEND:VCARD", "CO;;USA"),
    ("::ffff:172.20.176.191 - - GET / Chrome/122.0.0.0 Safari/537.36", "172.20.176.191"),
    ("UA (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36", "Chrome/122.0.0.0"),  # a version
    ("UID:86e5f667-3876-47b1-9c1f-365ddb1b45ba@kestrelcare.io", "86e5f667"),  # no mailbox
    ("From: noreply@northstarpsych.com", "noreply@northstarpsych.com"),
    ('{"email": "[redacted]", "phone": "<redacted>"}', '"[redacted]"'),
    ("The duplicate key value is (4a6e2549-932c-4bc6-bf3a-dc14fd3d6dd9).", "4a6e2549-932c"),
    ("Violation of UNIQUE KEY constraint 'UQ_Claim'", "UNIQUE KEY"),
    ("acct = <Account id=824818 number='[Filtered]'>", "824818"),  # a database id
    ("POST /r4/Patient/$validate -> 422", "/r4/Patient/$validate"),  # a FHIR operation
    ("plate 7ABC123 (vehicle 2015 Nissan Altima, VIN 1HGCM82633A004352)",
     "2015 Nissan Altima, VIN"),
    ('client="&{ID:7 FirstName: DOB:0001-01-01 00:00:00 +0000 UTC Phone: Email:}"',
     "DOB:0001-01-01 00:00:00 +0000 UTC Phone: Email:"),  # zero values
    ("installment 3/11 failed: payment plan 963886 for guarantor", "963886"),
    ("token from OAUTH JWKS endpoint; ERROR CONNECTION REFUSED", "OAUTH JWKS"),
    ("INSERT INTO patients (first_name, ssn, note) VALUES (?, NULL, DEFAULT)", "NULL, DEFAULT"),
    ("f('Support Team', '12 Elm St')", "Support Team"),
    ("build 20240713.1 released; wrote app-20240713.log", "20240713.1"),
    ("GET /api/v1/users/1234567/profile 200", "1234567"),  # a database id
    ("step 3 — Kubernetes; ok -- Grafana", "Kubernetes; ok -- Grafana"),  # no sign-off
    ('{"name": "AWS EKS"} {"name": "linux kernel"} {"name": "BAD REQUEST"}', "linux kernel"),
    ("svc|status|latency\nbilling|ok|120\nintake|down|9000", "intake|down|9000"),
    ("Jane Smith|90837|$120.00|20452", "90837|$120.00|20452"),  # a code, an amount, a count
]


@pytest.mark.parametrize(("text", "keep"), NEGATIVE, ids=[k[:24] for _, k in NEGATIVE])
def test_lookalike_survives(text: str, keep: str) -> None:
    clean, _ = default_scrubber().scrub(text)
    assert keep in clean, clean


def test_clean_text_is_untouched() -> None:
    text = ("sqlalchemy.exc.OperationalError: could not connect to server db-primary.internal "
            "(127.0.0.1) port 5432 after 10704ms; retry 3/5 in practice.billing.claims")
    assert default_scrubber().scrub(text) == (text, {})


def test_month_day_without_context_kept() -> None:
    assert "3/4" in default_scrubber().scrub("ratio 3/4 of workers busy")[0]


def test_username_label_never_takes_half_a_display_name() -> None:
    """`User name: "Meredith Heller"` is a person's name, not a handle: it goes whole or not
    at all, never as a handle cut out of its first word."""
    clean, counts = default_scrubber().scrub('(User name: "Meredith Heller")')
    assert clean == '(User name: "[REDACTED:NAME]")'
    assert "OTHER_ID" not in counts
