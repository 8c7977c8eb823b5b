"""Persons with dated roles: the candidates a name may mean, and the one meant on a date.

Names are compared by a spelling skeleton, so that transliteration variants meet:
Aliyev, Aliev and Aliiev; Heydar and Heidar; Sergey and Sergei; Qabala and Gabala.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..lexicon import Role

_LETTERS = str.maketrans({"ə": "a", "ı": "i", "q": "g", "y": "i", "w": "v"})
_HONORIFICS = re.compile(r"^(?:mr|mrs|ms|dr|sir|madam|mister)\.?\s+", re.I)
# titles alone that name a role: "the Russian foreign minister" → that country's Foreign Minister
ROLE_TITLES = {
    "president": "President", "prime minister": "Prime Minister", "premier": "Prime Minister",
    "foreign minister": "Foreign Minister", "secretary of state": "Foreign Minister",
    "defence minister": "Defence Minister", "defense minister": "Defence Minister",
    "defence secretary": "Defence Minister", "defense secretary": "Defence Minister",
    "secretary of defense": "Defence Minister", "secretary general": "Secretary General",
    "secretary-general": "Secretary General", "supreme leader": "Supreme Leader",
    "leader": "Leader", "head of state": "President", "chancellor": "Chancellor", "king": "King",
    "emir": "Emir", "vice president": "Vice President", "vice-president": "Vice President",
}
_SUFFIX = re.compile(r"(?: (?:jr|sr|i{2,3}|iv))+$")
NOT_IN_OFFICE = ("former", "late", "ex-", "deputy", "vice", "first deputy", "acting", "then")


def skeleton(name: str) -> str:
    """A spelling key: no accents, case, punctuation, doubled letters or y/i, q/g differences."""
    text = _HONORIFICS.sub("", name.strip())
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = re.sub(r"[^a-zəı ]", "", text.lower().replace("-", " ")).translate(_LETTERS)
    return " ".join(re.sub(r"(.)\1+", r"\1", text).split())


@dataclass(frozen=True)
class Pick:
    """The role (and so the person) a name was resolved to, with how and why."""

    role: Role
    rule: str
    evidence: str
    confidence: float
    outside_terms: str | None = None  # set when no term of the person covers the date: says so in words


class PersonIndex:
    """All variants of all persons, by skeleton."""

    def __init__(self, roles: Iterable[Role],
                 leaders: Iterable[tuple[str, str, date | None, date | None]] = ()) -> None:
        self.roles = tuple(roles)
        self.leaders = tuple(leaders)
        self.by_key: dict[str, list[Role]] = {}
        self.by_entity: dict[str, list[Role]] = {}
        self.by_office: dict[tuple[str, str], list[Role]] = {}
        self.by_surname: dict[str, list[Role]] = {}  # the last word of each full name
        for role in self.roles:
            self.by_entity.setdefault(role.entity_id, []).append(role)
            self.by_office.setdefault((role.country, role.role), []).append(role)
            keys = {skeleton(variant) for variant in role.variants}
            for key in keys:
                self.by_key.setdefault(key, []).append(role)
            for surname in {_SUFFIX.sub("", key).rsplit(" ", 1)[-1] for key in keys if " " in key}:
                self.by_surname.setdefault(surname, []).append(role)

    def candidates(self, text: str) -> list[Role]:
        """The roles of the persons a name may be; "Joseph R. Biden Jr." is tried as "Joseph R. Biden"
        when the tables know no one of that name with the suffix."""
        key = skeleton(text)
        return self.by_key.get(key) or self.by_key.get(_SUFFIX.sub("", key), [])

    def explain(self, text: str, when: date | None) -> list[tuple[Role, bool]]:
        """Every role the name may point at, and whether it was held on ``when``."""
        return [(r, when is not None and r.held_on(when)) for r in self.candidates(text)]

    def is_full_name(self, text: str) -> bool:
        return " " in skeleton(text) and bool(self.candidates(text))

    def holder(self, country: str, role: str, when: date) -> Role | None:
        """Who held ``role`` for ``country`` on ``when``; for 'Leader', whoever held the office
        that leads that country then (leaders.tsv), else the President, else the Prime Minister."""
        if role == "Leader":
            offices = [o for c, o, start, end in self.leaders if c == country
                       and (start is None or start <= when) and (end is None or when < end)]
            for office in [*offices, "President", "Prime Minister"]:
                if (found := self.holder(country, office, when)) is not None:
                    return found
            return None
        return next((r for r in self.by_office.get((country, role), ()) if r.held_on(when)), None)

    def roles_held(self, entity_id: str, when: date) -> list[Role]:
        """The offices of the tables (not the dictionary's CAMEO codes) a person held on ``when``."""
        return [r for r in self.by_entity.get(entity_id, ()) if r.held_on(when) and not r.role.startswith("CAMEO")]

    def has_role(self, country: str, roles: set[str]) -> bool:
        return any((country, role) in self.by_office for role in roles)

    def pick(self, text: str, when: date | None, country: str | None = None,
             recent: Iterable[str] = ()) -> Pick | None:
        """The person ``text`` means on ``when``: a full name decides; a surname goes to whoever
        held a role that day (the one named most recently in the document if several did), else to
        the one named in the document, else to the nearest holder before that day."""
        roles = self.candidates(text)
        if country is not None and any(r.country == country for r in roles):
            roles = [r for r in roles if r.country == country]
        if not roles:
            return None
        if self.is_full_name(text) and len({r.entity_id for r in roles}) == 1:
            role = _role_on(roles, when)
            outside = self.outside_terms(role, when)
            why = f'full name "{text}"' + (f"; {outside}" if outside else "")
            return Pick(role, "kb.name", why, 0.95, outside)
        recent = list(recent)
        in_office = [r for r in roles if when is not None and r.held_on(when)]
        if in_office:
            role = _most_recent(in_office, recent)
            holders = len({r.entity_id for r in in_office})
            why = f'"{text}": {role.name} was {role.role} ({role.country}) on {when}'
            if holders == 1:
                return Pick(role, "kb.surname_at_date", why, 0.85)
            named = role.entity_id in recent
            why += ", named most recently of " if named else ", ambiguous: one of "
            return Pick(role, "kb.surname_at_date", f"{why}{holders} then in office", 0.65 if named else 0.4)
        remembered = [r for r in roles if r.entity_id in recent]
        if remembered:
            role = _most_recent(remembered, recent)
            return Pick(role, "document", f'"{text}": {role.name} was named earlier in the document', 0.8,
                        self.outside_terms(role, when))
        role = _nearest_before(roles, when)
        outside = self.outside_terms(role, when)
        if when is None:
            why = "the latest holder (no date known)"
        else:  # no term of this name covers the date; maybe every one starts after it
            why = f"the holder nearest before {when}" if role.start is None or role.start <= when \
                else "the latest holder of this name"
            why += f"; {outside}" if outside else ""
        return Pick(role, "kb.surname_nearest", f'"{text}": {role.name}, {why}', 0.5, outside)

    def outside_terms(self, role: Role, when: date | None) -> str | None:
        """In words, that no term of the person of ``role`` covers ``when``, and what terms the
        tables know; None when one does, or when no date is known."""
        terms = self.by_entity.get(role.entity_id, [role])
        if when is None or any(r.held_on(when) for r in terms):
            return None
        known = "; ".join(f"{r.role} ({r.country}), {term_period(r)}" for r in terms)
        return f"no term of {role.name} covers {when} (the tables know: {known})"

    def titled(self, surname: str, sector: str, when: date | None) -> Pick | None:
        """The person a title and a surname name where the tables know the person by full name only
        ("President Reagan", "Chancellor Kohl"): the one of that surname who held a role of the
        title's sector that day, else the only one of that surname who ever held one."""
        key = skeleton(surname)
        if not key or " " in key:
            return None
        roles = [r for r in self.by_surname.get(key, ()) if r.sector == sector]
        held = [r for r in roles if when is not None and r.held_on(when)]
        if len({r.entity_id for r in held or roles}) != 1:
            return None
        if held:
            return Pick(held[0], "kb.title_surname", f'"{surname}" with a {sector} title: {held[0].name}, '
                        f"in office on {when}", 0.75)
        role = _nearest_before(roles, when)
        why = f'"{surname}" with a {sector} title: {role.name}, the only one of that name with such a role'
        return Pick(role, "kb.title_surname", f"{why}, though not on {when}" if when else why, 0.55,
                    self.outside_terms(role, when))


def term_period(role: Role) -> str:
    """A role's dates as an analyst reads them: "2020-07-16 to now", "… to 1993-06-24"."""
    return f"{role.start or '…'} to {role.end or 'now'}"


def _role_on(roles: list[Role], when: date | None) -> Role:
    held = [r for r in roles if when is not None and r.held_on(when)]
    return held[0] if held else _nearest_before(roles, when)


def _most_recent(roles: list[Role], recent: list[str]) -> Role:
    """The role of the person named last in the document, else the first."""
    for entity_id in reversed(recent):
        for role in roles:
            if role.entity_id == entity_id:
                return role
    return roles[0]


def _nearest_before(roles: list[Role], when: date | None) -> Role:
    if when is not None:
        before = [r for r in roles if r.start is None or r.start <= when]
        if before:
            return max(before, key=lambda r: r.end or date.max)
    return max(roles, key=lambda r: r.start or date.min)
