"""What the bench scripts share about the PLOVER gold standard records and CAMEO actor codes.

The gold records (``plover-gsr/PLOVER_GSR_CAMEO.txt``, CC BY-SA 4.0) are read at run time from the
evaluation data folder and never copied into this repository. Gold actor codes are made comparable
with dyadwatch's actors: a code becomes a country (ISO 3166 alpha-3) or the class ``IGO``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dyadwatch.coder import Coder
from dyadwatch.model import Actor, Article, DateValue, Event

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT")
CAMEO_TO_ISO = {  # the few CAMEO country codes (and gold-file variants) that differ from ISO 3166
    "JAP": "JPN", "ITL": "ITA", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "KSV": "XKX",
}
IGO_CODES = ("IGO", "NGO")  # the PLOVER gold file codes NGOs sometimes as IGO, sometimes as NGO
CAMEO_IGO_PREFIXES = ("IGO", "NGO", "NGM")  # CAMEO: intergovernmental, non-governmental org./movement
PLOVER_GSR = Path("plover-gsr") / "PLOVER_GSR_CAMEO.txt"
GoldActor = dict[str, str]


def read_plover_records(evaldata: Path) -> list[dict[str, Any]]:
    """The gold records, without the DOCUMENT header (the only record without a text)."""
    records: list[dict[str, Any]] = json.loads((evaldata / PLOVER_GSR).read_text(encoding="utf-8"))
    return [record for record in records if "text" in record]


def listed(value: object) -> list[GoldActor]:
    """A side of a gold record: a list of actors, or an empty string (or nothing) when there is none."""
    return value if isinstance(value, list) else []


def gold_code(actor: GoldActor) -> str:
    """A gold actor's code: its country, or 'IGO' for any IGO or NGO."""
    return country_code(actor.get("code", ""))


def country_code(code: str) -> str:
    """A three-letter gold country code as dyadwatch writes it."""
    return "IGO" if code in IGO_CODES else CAMEO_TO_ISO.get(code, code)


def cameo_actor_country(code: str) -> str | None:
    """The country of a CAMEO actor code (its first three letters): 'IGO' for IGO, NGO and NGM codes,
    None for an unknown country ('---REB')."""
    prefix = code.strip().upper()[:3]
    if len(prefix) < 3 or prefix == "---":
        return None
    return "IGO" if prefix in CAMEO_IGO_PREFIXES else country_code(prefix)


def actor_code(actor: Actor) -> str:
    """A dyadwatch actor as a gold code: 'IGO' for an IGO or NGO, else its country ('?' if none)."""
    return "IGO" if actor.sector in IGO_CODES else actor.country or "?"


def sentence_article(doc_id: str, text: str, date: str) -> Article:
    """A record's text as an article published on the record's date (ISO, to the day)."""
    return Article(doc_id, text, doc_id, "json", published=DateValue(date, "day"), published_basis="supplied")


def code_articles(coder: Coder, articles: Iterable[Article]) -> Iterator[list[Event]]:
    """The events of each article, in input order; the articles are parsed in batches."""
    for parsed in coder.parser.pipe(articles):
        yield list(coder.code(parsed, coder.resolve(parsed)))
