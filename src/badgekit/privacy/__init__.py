"""Finding what could identify a person in a piece of writing, and what to write instead.

SSSC declines evidence that could identify anyone, and published evidence is public.
The detectors here are plain functions over text, each returning ``Span`` records (where,
what kind of detail, how serious, and a neutral replacement such as "Mrs A" or
"[phone number removed]"); ``screen`` runs them all. The check rules BK301 to BK316 in
badgekit.checks.privacy report the spans; nothing here prints or reads files.

- names.py: people's names, told apart from organisations, places, programmes and cited authors,
  and titles with only an initial;
- contact.py: email addresses, phone numbers and social media handles;
- places.py: postcodes, street addresses, and places that identify with what is beside them;
- dates.py: dates of birth, and ages given with a name;
- numbers.py: CHI, NHS and National Insurance numbers, record numbers and vehicle registrations;
- tokens.py: the words of a text, and which of them are inside an organisation's or author's name;
- vocabulary.py and wordlists.py: the words the detectors reason with;
- spans.py: Span, the kinds of detail, and resolving overlaps;
- patterns.py: regular expressions compiled only when a detector needs them;
- screening.py: all of them together.

Nothing is downloaded and no model is loaded: word lists ship in ``data/`` and are read
the first time they are needed.
"""

from __future__ import annotations

from collections.abc import Iterable

from badgekit.privacy.spans import KINDS, Kind, KindInfo, Span


def screen(text: str, allowed_names: Iterable[str] = ()) -> list[Span]:
    """Every identifying detail in ``text``, in order; ``allowed_names`` are never reported.

    The detectors are imported here, on first use, so that loading the check rules (or
    anything else that only needs the kinds) does not compile their patterns.
    """
    from badgekit.privacy.screening import screen_text

    return screen_text(text, allowed_names)


__all__ = ["KINDS", "Kind", "KindInfo", "Span", "screen"]
