"""What the Phoenix dictionaries' CAMEO codes and names mean in dyadwatch's tables.

Used by ``phoenix_tables.py``: the CAMEO → dyadwatch code tables (countries, IGOs, sectors), the
reading of one CAMEO code, the cleaning of a person's or a body's name as Phoenix writes it
(upper case, ``_`` between words) and the sorting of an entry into person, body or neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyadwatch.actors.petrarch import ActorEntry


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# CAMEO country codes that are not the ISO alpha-3 code of countries.tsv. Former states are given
# to the state that continues them in law (the USSR → Russia; Yugoslavia, FR Yugoslavia and Serbia
# and Montenegro → Serbia); East Germany (DDR) and Czechoslovakia (CSK) are left unmapped.
COUNTRIES = {"JAP": "JPN", "ITL": "ITA", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "KSV": "XKX",
             "ANG": "AGO", "TRK": "TUR", "PAL": "PSE", "SUN": "RUS", "YUG": "SRB", "FRY": "SRB",
             "SCG": "SRB"}
# Regional and transnational codes: a body or person coded with one has no home state.
REGIONS = word_set("IMG INT MEA SAS WEU SEA EAF LAM CFR ASA AFR SAF NMR EEU EUR CAS EIN SAM NAF WAF CAU "
                    "BLK ARB WST MDT UER CRB KAS KKL TAM UIG KUR")  # the last: peoples, not states
# CAMEO codes that qualify a role without being a sector of ours (development, moderate, radical,
# unrecognised, occupied, and the codes of named NGOs)
QUALIFIERS = word_set("DEV MOD RAD UNR OCC AMN IRC GRP")
# Phoenix IGO codes → igos.tsv codes; any other IGOUNO... code is a UN body (UN).
IGOS = {
    "IGOUNO": "UN", "IGOUNODEV": "UNDP", "IGOUNODEVWBK": "WB", "IGOUNOWBK": "WB", "IGOBUSIMF": "IMF",
    "IGOUNOIAE": "IAEA", "IGOUNOHLHWHO": "WHO", "IGOUNOHLHWHOMED": "WHO", "IGOUNOKID": "UNICEF",
    "IGOUNOREFHCR": "UNHCR", "IGOUNOWFP": "WFP", "IGOUNOJUDICJ": "ICJ", "IGOJUDICC": "ICC",
    "IGOEUREEC": "EU", "IGOEURCOE": "COE", "IGOEURSCE": "OSCE", "IGOEUR": "OSCE", "IGOEURDEVEBR": "EBRD",
    "IGOWSTNAT": "NATO", "IGOWSTBUS": "OECD", "IGOSEAASN": "ASEAN", "IGOAFRAFU": "AU", "IGOAFROAU": "OAU",
    "IGOWAFWAS": "ECOWAS", "IGOWAFBUSWAS": "ECOWAS", "IGOSAFSAD": "SADC", "IGOSAFDEVSAD": "SADC",
    "IGOMEAARL": "ARAB", "IGOPGSGCC": "GCC", "IGOMOSOIC": "OIC", "IGOMOS": "OIC", "IGOOAS": "OAS",
    "IGOASADEVADB": "ADB", "IGOBUSOPC": "OPEC", "IGOOPC": "OPEC", "IGOBUSWTO": "WTO", "IGOGOS": "G7",
    "IGOCASCIS": "CIS", "IGOCAS": "SCO", "IGOCRB": "CARICOM", "IGONON": "NAM", "IGOCOPITP": "INTERPOL",
    "IGOASABUS": "ECO",
}
# CAMEO sector codes → ours. A compound code (GOVAGR) takes its first sector; a religion code
# counts (as REL) only when no other sector follows it; MOD, RAD, DEV and the like are skipped.
SECTORS = {code: code for code in word_set("GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CVL HLH REF LEG REL NGO IGO "
                                       "ELI CRM")} | {
    "UAF": "MIL", "INS": "REB", "SEP": "REB", "MNC": "BUS", "AGR": "CVL", "LAB": "CVL", "ENV": "CVL",
    "HRI": "CVL", "PPL": "CVL"}
RELIGIONS = word_set("BUD CHR CTH PRO MUS JEW HIN SHI SUN SIK TAO BAH MOS ORT DOX ATH CON ITH JAN")
EAST_ASIAN = word_set("KOR PRK CHN TWN")  # "Ban Ki-moon", "Kim Jong-un", "Lee Teng-hui"

# words that make a name a title or lead into one ("Defense Secretary Ash Carter")
TITLE_WORDS = word_set("""
PRESIDENT PRESIDENT-ELECT VICE VICE-PRESIDENT PRIME MINISTER PREMIER CHANCELLOR SECRETARY SECRETARY-GENERAL
GENERAL GEN GEN. LT LT. LIEUTENANT COL COL. COLONEL MAJ MAJ. CAPT CAPT. CAPTAIN ADMIRAL ADM ADM. MARSHAL FIELD
BRIGADIER COMMANDER SENATOR SEN SEN. REP REP. REPRESENTATIVE CONGRESSMAN CONGRESSWOMAN GOVERNOR GOV GOV. MAYOR
AMBASSADOR AMB AMB. ENVOY JUDGE JUSTICE CHIEF CHAIRMAN CHAIRWOMAN CHAIR SPEAKER DEPUTY FOREIGN DEFENSE DEFENCE
INTERIOR FINANCE STATE OF THE FOR AND TO FORMER EX EX- ACTING LATE THEN INTERIM OUTGOING TOP SENIOR OPPOSITION
REBEL COMMUNIST REFORMER LEADER HEAD DIRECTOR SUPREME HIGH COMMISSIONER NATIONAL SECURITY ADVISOR ADVISER
SPOKESMAN SPOKESWOMAN DR DR. MR MR. MRS MRS. MS MS. MISTER SIR DAME LADY LORD BARON BARONESS SHEIKH SHEIK SHAIKH
KING QUEEN PRINCE PRINCESS CROWN EMIR AMIR SULTAN AYATOLLAH HOJATOLISLAM GRAND IMAM MULLAH POPE CARDINAL
ARCHBISHOP BISHOP REV REV. REVEREND HIS HER HIGHNESS MAJESTY EXCELLENCY MONARCH DICTATOR STRONGMAN SOVIET
UN U.N. UNITED NATIONS KINGDOM STATES EU NATO UNSG SECY SEC. GEN. CIA DIRECTOR-GENERAL
""")
GIVEN_NAMES_TOO = word_set("AMIR EMIR SULTAN PRINCE KING MAJOR JUSTICE GRAND")  # "Amir Lando"
SMALL_WORDS = word_set("OF THE TO FOR AND IN ON AT")
ORG_WORDS = word_set("""
ORGANIZATION ORGANISATION ORGANIZATIONS AGENCY AGENCIES COMMITTEE COMMITTEES FRONT PARTY ARMY ARMIES BRIGADE
BRIGADES BATTALION BATTALIONS REGIMENT DIVISION COUNCIL FUND BANK COURT TRIBUNAL MINISTRY MINISTRIES DEPARTMENT
OFFICE SERVICE SERVICES FORCES FORCE UNION ASSOCIATION LEAGUE MOVEMENT COMMISSION INSTITUTE INSTITUTION GROUP
GROUPS CONGRESS PARLIAMENT ASSEMBLY GOVERNMENT AUTHORITY BUREAU ADMINISTRATION CORPORATION COMPANY CORP INC LTD
PLC LLC NEWS TIMES POST PRESS TELEVISION RADIO BROADCASTING POLICE GUARD GUARDS PALACE HOUSE STREET YARD CORPS
NAVY RIFLES FEDERATION FOUNDATION SOCIETY CENTER CENTRE UNIVERSITY COLLEGE ACADEMY SCHOOL TRUST NETWORK
ALLIANCE COALITION BOARD CABINET SENATE REGIME DIRECTORATE MILITIA MILITIAS CELL CELLS COMMANDO COMMANDOS
FACTION UNIT UNITS SQUAD SQUADS RESISTANCE LIBERATION BROTHERHOOD MUJAHIDEEN MUJAHIDIN GUERRILLA GUERRILLAS
JABHAT JAYSH JAISH JAYSH HARAKAT HARAKAH KATAIB KATAEB LIWA LIWAA SARAYA ASAIB TANZIM HIZB HEZB AHRAR ANSAR
FRENTE EJERCITO MOVIMIENTO PARTIDO FUERZAS COMITE CONSEJO ARMEE PARTI MOUVEMENT MISSION PROGRAM PROGRAMME
PROJECT TEAM DECLARATION COMMUNITY CHAMBER DUMA KNESSET SABHA INTELLIGENCE COMMAND HEADQUARTERS AIRLINES
""")
# a tagged person whose name ends with one of these is a body all the same ("Islamic Revolutionary Council")
BODY_ENDINGS = word_set("COUNCIL COMMITTEE PARTY FRONT ARMY MINISTRY ORGANIZATION ORGANISATION AGENCY MOVEMENT "
                         "ASSEMBLY GOVERNMENT BRIGADE BRIGADES FORCES COMMISSION")
NAME_SUFFIXES = word_set("JR JR. SR SR. II III IV")
COMPANY_SUFFIXES = word_set("INC INC. CORP CORP. CORPORATION CO CO. LTD LTD. LIMITED PLC LLC LP L.P. SA S.A. AG "
                             "NV N.V. HOLDINGS")
# the dictionaries' own test entries
FICTIONAL = frozenset({"ERNST STAVRO BLOFELD", "RA'S AL GHUL", "HONG KIL DONG", "KINAKUTA"})
PERSON_TAGS = ("CountryInfo", "IGOrulers")  # the comments Phoenix writes on entries taken from lists of persons


@dataclass(frozen=True)
class Reading:
    """What one CAMEO code says: a country (ours, or an IGO code), a sector (ours), and the part
    of the code that could not be mapped (empty when all of it could)."""

    country: str
    sector: str
    unmapped: str = ""
    transnational: bool = False


def chunks(code: str) -> list[str]:
    return [code[i:i + 3] for i in range(0, len(code), 3)]


def igo_code(code: str) -> str:
    """The igos.tsv code of a Phoenix IGO code; empty when igos.tsv has no row for it."""
    return IGOS.get(code, "UN" if code.startswith("IGOUNO") else "")


def _sector(parts: list[str]) -> str:
    religion = ""
    for part in parts:
        if part in SECTORS:
            return SECTORS[part]
        if part in RELIGIONS and not religion:
            religion = "REL"
    return religion


def agent_sector(code: str) -> str:
    """The sector of an agent's code (``GOVAGR`` → GOV, ``MUS`` → REL, ``IGO`` → IGO)."""
    return _sector(chunks(code))


def read_code(code: str, countries: frozenset[str], *, religion_first: bool = False) -> Reading:
    """A CAMEO code (``AZEGOV``, ``IGOUNOKID``, ``NGOUSAHRI``, ``MNC``) read into our codes; with
    ``religion_first`` a code that opens with a religion (``MUSREB``: Muslim rebels) is read as
    one rather than as the country of the same letters (MUS, Mauritius)."""
    head, *rest = chunks(code)
    if religion_first and head in RELIGIONS:
        return Reading("", _sector([head, *rest]), transnational=True)
    if head == "IGO":
        igo = igo_code(code)
        return Reading(igo, "IGO", "" if igo else code)
    if head in ("NGO", "MNC", "IMG"):
        place = COUNTRIES.get(rest[0], rest[0]) if rest and rest[0] not in RELIGIONS else ""
        if place in countries:
            return Reading(place, SECTORS.get(head, "REB"))
        known = not rest or any(rest[0] in s for s in (REGIONS, SECTORS, RELIGIONS, QUALIFIERS))
        return Reading("", SECTORS.get(head, "REB"), "" if known else rest[0], transnational=True)
    country = COUNTRIES.get(head, head)
    if country in countries:
        return Reading(country, _sector(rest))
    if head in REGIONS:
        return Reading("", _sector(rest), transnational=True)
    if head in SECTORS or head in RELIGIONS:
        return Reading("", _sector([head, *rest]), transnational=True)
    return Reading("", _sector(rest), head)


# --- names --------------------------------------------------------------------------------------


def words(raw: str) -> list[str]:
    return raw.replace("_", " ").split()


def _is(token: str, words: frozenset[str]) -> bool:
    return token in words or all(part in words for part in token.split("-"))


def _strip_titles(tokens: list[str], adjectives: frozenset[str]) -> list[str]:
    """The words of a name after the titles that lead into it, and a country's adjective before a
    title ("US SECRETARY OF STATE JOHN KERRY" → JOHN KERRY; "GERMAN LEITZELAR" stays)."""
    start = 0
    while start < len(tokens):
        token, left = tokens[start], len(tokens) - start - 1
        title = _is(token, TITLE_WORDS) and not (token in GIVEN_NAMES_TOO and left < 2)
        if not (title or (_is(token, adjectives) and left and _is(tokens[start + 1], TITLE_WORDS))):
            break
        start += 1
    return tokens[start:]


def person_core(raw: str, adjectives: frozenset[str]) -> tuple[list[str], str]:
    """The words of a person's name as Phoenix writes it, without nicknames, notes and leading
    titles ("SECRETARY-GENERAL BAN KI-MOON" → BAN KI-MOON), and why it cannot be used (or "")."""
    if any(ord(ch) < 32 or ch == "\ufffd" for ch in raw):
        return [], "unreadable characters in the name"
    text = re.sub(r'"[^"]*"', " ", raw.replace("`", "'"))
    text = re.sub(r"\([^)]*\)?", " ", text)
    if "," in text:
        head, _, tail = text.partition(",")
        after = words(tail)
        if after and after[0] == "THEN":
            return [], "two persons in one entry"
        text = head + " " + tail if all(w in NAME_SUFFIXES for w in after) else \
            tail if all(_is(w, TITLE_WORDS | adjectives) for w in words(head)) else head
    if re.search(r"[^\w .'-]", text):
        return [], "the name has characters a name does not have"
    tokens = _strip_titles([w.upper() for w in words(text)], adjectives)
    if len(tokens) < 2:
        return tokens, "a one-word name (or a title alone)"
    return tokens, ""


def is_title(raw: str, adjectives: frozenset[str]) -> bool:
    """Whether a name is a title alone ("AMERICAN VICE-PRESIDENT", "US TRADE REPRESENTATIVE")."""
    tokens = [w.upper() for w in words(raw)]
    return bool(tokens) and all(_is(t, TITLE_WORDS | adjectives | SMALL_WORDS) for t in tokens)


def initials(name: str) -> str:
    """The initials of a name's words, small words left out ("ABU NIDAL ORGANIZATION" → ANO)."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name.upper()) if w and w not in SMALL_WORDS and w[0].isalnum())


def org_name(raw: str) -> tuple[str, list[str]]:
    """A body's name without the acronyms written in brackets after it, and those acronyms:
    "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_" → ("ADEN ABYAN ISLAMIC ARMY", ["AAIA"])."""
    acronyms = [a for a in re.findall(r"\(([^()\s]+)\)", raw) if re.fullmatch(r"[A-Z0-9.&-]{2,12}", a)]
    name = " ".join(words(re.sub(r"\([^()]*\)?", " ", raw)))
    return name, acronyms


def without_company_suffix(name: str) -> str:
    """"ACCRETIVE HEALTH INC" → "ACCRETIVE HEALTH" (empty when fewer than two words would be left)."""
    tokens = name.split()
    while tokens and tokens[-1].strip(",") in COMPANY_SUFFIXES:
        tokens.pop()
    return " ".join(tokens).rstrip(",") if len(tokens) >= 2 and len(tokens) < len(name.split()) else ""


def pronounceable(word: str) -> bool:
    """Whether an acronym reads as a word ("HAMAS", "UNITA", "NATO"), so that news may write it
    in title case: five letters or more with a vowel, or four letters alternating consonant and vowel."""
    letters = word.upper()
    if not letters.isalpha():
        return False
    if len(letters) >= 5:
        return bool(re.search(r"[AEIOU]", letters)) and not re.search(r"[^AEIOUY]{4}", letters)
    return len(letters) == 4 and bool(re.fullmatch(r"[^AEIOU][AEIOU][^AEIOU][AEIOU]", letters))


# --- what an entry is ---------------------------------------------------------------------------


def kind_of(entry: ActorEntry, readings: list[Reading], adjectives: frozenset[str], source: str) -> str:
    """person, body, country (a name of a country or region, not taken), title (an office named
    without its holder), fictional (a test entry) or undecided."""
    tokens = [w.upper() for w in words(entry.name)]
    if " ".join(tokens) in FICTIONAL:
        return "fictional"
    if all(not r.sector for r in readings):
        return "country"
    if any(tag in note for note in entry.notes for tag in PERSON_TAGS):
        return "body" if tokens[-1] in BODY_ENDINGS else "person"
    if set(tokens) & ORG_WORDS or chunks(entry.codes[0].code)[0] in ("MNC", "NGO"):
        return "body"
    if is_title(entry.name, adjectives) and "MilNonState" not in source:
        return "title"
    dated = any(b.start or b.end for b in entry.codes) or any(r.sector == "ELI" for r in readings)
    if len(tokens) >= 2 and (dated or chunks(entry.codes[0].code)[0] == "IMG"):  # IMG: a militant by name
        return "person"
    if len(tokens) == 1 or "MilNonState" in source:
        return "body"
    return "undecided"
