"""Screening a text for identifying details: every detector, overlaps resolved, allowed names left out.

``screen_text``, called as ``badgekit.privacy.screen``, is what the privacy rules of
``badgekit check`` (checks/privacy.py) call once per statement, and what ``draft`` and
``export`` can call on any text. It takes plain text and returns spans in text order,
never two over the same characters.
"""

from __future__ import annotations

from collections.abc import Iterable

from badgekit.privacy.contact import find_emails, find_handles, find_phone_numbers
from badgekit.privacy.dates import find_ages, find_ages_by_places, find_dates_after_names, find_dates_of_birth
from badgekit.privacy.names import find_names
from badgekit.privacy.numbers import (
    find_health_numbers,
    find_ni_numbers,
    find_reference_numbers,
    find_vehicle_registrations,
)
from badgekit.privacy.places import find_addresses, find_places, find_postcodes
from badgekit.privacy.spans import Span, resolve_overlaps


def screen_text(text: str, allowed_names: Iterable[str] = ()) -> list[Span]:
    """Every identifying detail in ``text``, in order; ``allowed_names`` are never reported."""
    names = find_names(text, allowed_names)
    references = find_reference_numbers(text)
    # A number after words that say it is a record's ("client number 00458821") is that, whatever its
    # shape; a phone number is otherwise kept over the reference that a bare ten digits would make.
    phones = [p for p in find_phone_numbers(text) if not any(r.start < p.end and p.start < r.end for r in references)]
    spans = [
        *find_emails(text),
        *find_health_numbers(text),
        *references,
        *find_ni_numbers(text),
        *find_handles(text),
        *find_vehicle_registrations(text),
        *phones,
        *find_postcodes(text),
        *find_places(text),
        *find_addresses(text),
        *find_dates_of_birth(text),
        *names,
    ]
    kept = resolve_overlaps(spans)
    kept_names = [s for s in kept if s.kind in ("name", "initial")]
    # A postcode district counts as a place here: "a 44-year-old woman with MS living in the IV27 area".
    places = [s for s in kept if s.kind in ("place", "postcode-district")]
    return resolve_overlaps(
        [
            *kept,
            *find_ages(text, kept_names),
            *find_ages_by_places(text, places),
            *find_dates_after_names(text, kept_names),
        ]
    )
