"""The badge file format's fixed parts: its version, the keys each part allows, badge ids, evidence formats.

The format is documented in docs/criteria-format.md; badges/parse.py reads a file against it.
The badge-id pattern lives here alone: drafts' and statements' file names are built from ids too.
"""

from __future__ import annotations

from badgekit import prebuilt

SCHEMA_VERSION = 1
#: A badge id (and a criterion's, a level's): lower-case letters and digits in words joined by single hyphens.
BADGE_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ID_PATTERN = prebuilt.compile(f"^{BADGE_ID}$")

#: Evidence formats a badge may accept, with the words used to show them.
EVIDENCE_FORMATS: dict[str, str] = {
    "written-statement": "a written statement",
    "audio-video-link": "a link to an audio or video recording",
    "blog-or-eportfolio-link": "a link to your own blog or e-portfolio",
}

BADGE_KEYS = {
    "schema_version", "id", "kind", "title", "series", "number", "issuer", "aliases",
    "description", "source", "guidance", "steps", "criteria_intro", "criteria_kind",
    "criteria", "levels", "words", "prerequisites", "evidence_formats", "declaration",
    "resource_people", "accepting_applications", "endorsement", "no_ai",
}  # fmt: skip
CRITERION_KEYS = {"id", "text", "prompts", "signals", "examples", "min_words", "verified", "note", "discussion"}
LEVEL_KEYS = {"id", "title", "criteria"}
WORDS_KEYS = {"suggested_min", "suggested_max", "minimum", "maximum", "verified", "note"}
PREREQUISITE_KEYS = {"badge", "name", "level", "text"}
STEP_KEYS = {"text", "url"}
SOURCE_KEYS = {"url", "verified", "read", "note"}
