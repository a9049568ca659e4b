"""Finding a badge the way a learner names it: by id or alias, by its title, or by series and number.

"thing 4", "Step into Leadership 5", "elc thing 15" and "reflective learner" all find a badge, as
does its id. A name that fits several badges is refused with each of them offered; a name that
fits none is answered with the nearest. ``show``, ``draft`` and ``plan`` look badges up here;
``list WORD`` searches with ``matches``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from badgekit.errors import AmbiguousBadgeError, UnknownBadgeError

if TYPE_CHECKING:
    from badgekit.badges.catalogue import Catalogue
    from badgekit.badges.model import Badge

#: Words that only say "a badge of a series" and so match any series: "thing 4", "badge #5".
_FILLER = {"thing", "things", "badge", "number", "no"}


def words(text: str) -> list[str]:
    """Lower-case words with punctuation dropped: "What’s my leadership style?" -> what s my ..."""
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "").replace("'", ""))


def find_badge(catalogue: Catalogue, name: str) -> Badge:
    """The one badge ``name`` means; UnknownBadgeError (with the nearest) or AmbiguousBadgeError."""
    if name in catalogue:
        return catalogue.get(name)
    asked = words(name)
    found = _by_title(catalogue, asked) or _by_number(catalogue, asked) or _by_title_words(catalogue, asked)
    if len(found) == 1:
        return found[0]
    if found:
        raise AmbiguousBadgeError(name, [(b.id, ", ".join(filter(None, (b.title, b.series_label)))) for b in found])
    raise UnknownBadgeError(name, suggest(catalogue, name))


def _by_title(catalogue: Catalogue, asked: list[str]) -> list[Badge]:
    return [b for b in catalogue if words(b.title) == asked]


def _by_number(catalogue: Catalogue, asked: list[str]) -> list[Badge]:
    """Badges whose series contains the words given before a number, and which have that number."""
    if not asked or not asked[-1].isdigit():
        return []
    number, series = int(asked[-1]), [w for w in asked[:-1] if w not in _FILLER]
    found = [
        b
        for b in catalogue
        if b.number == number and b.series and all(w in words(b.series) for w in series) and _fits_filler(asked, b)
    ]
    exact = [b for b in found if [w for w in words(b.series or "") if w not in _FILLER] == series]
    return exact or found  # "23 Things Leadership 22" is not 23 Things ELC Leadership's


def _fits_filler(asked: list[str], badge: Badge) -> bool:
    """ "thing 4" asks for a 23 Things badge, not Step into Leadership #4."""
    return not ({"thing", "things"} & set(asked)) or "things" in words(badge.series or "")


def _by_title_words(catalogue: Catalogue, asked: list[str]) -> list[Badge]:
    """Badges whose title holds every word asked, when the words are more than a stray one."""
    if not asked or len(" ".join(asked)) < 4:
        return []
    return [b for b in catalogue if all(w in words(b.title) for w in asked)]


def matches(badge: Badge, query: str) -> bool:
    """Whether every word of ``query`` is in the badge's id, title, series or criteria (``list WORD``)."""
    asked = words(query)
    text = " ".join([badge.id, badge.title, badge.series_label, *(c.text for c in badge.all_criteria())])
    have = set(words(text))
    return all(any(w == h or (len(w) > 3 and h.startswith(w)) for h in have) for w in asked)


def suggest(catalogue: Catalogue, name: str, limit: int = 3) -> list[str]:
    """Ids close to a name that fits no badge: by id and alias, then by title."""
    from difflib import get_close_matches

    found = catalogue.suggest(name.strip().lower(), limit)
    titles = {" ".join(words(b.title)): b.id for b in catalogue}
    for close in get_close_matches(" ".join(words(name)), list(titles), n=limit, cutoff=0.75):
        if titles[close] not in found:
            found.append(titles[close])
    return found[:limit]
