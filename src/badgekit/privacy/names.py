"""People's names, told apart from the other capitalised words of care writing.

A capitalised word is a name when:

- a title comes before it: "Mrs O'Brien", "Mr J. MacLeod", "Dr Patel", "Auntie Jean";
- it is a given name followed by a surname: "Jean Smith", "Grace Kelly-Brown"; after a given
  name any capitalised word but an organisation word, a month, a day or a role is a surname,
  be it a town ("Moira Paisley"), a cited author's surname ("Margaret Sinclair") or a common
  word ("Moira Young"), and a Mac or Mc name always is ("Will McLean");
- it is a given name on its own that is not also a common word or a place: "Jamie",
  "Agnieszka" (names such as "Will", "May" or "Angus" need one of the signs below);
- the words around it show a person: an age ("Kai, who is 12", "Kai (12)"), a family
  member ("Priya's dad", "her son Jamie"), a naming word ("a boy called Tam"), or a
  verb only people do ("Oluwaseun told me");
- or it is a word already found as a name elsewhere in the same text.

A capitalised word is not a name when it is part of an organisation, place, programme,
policy or framework ("Simon Community Scotland", "Hope Street", "the Promise"), an
author cited for their work ("Bandura (1977)", "Schön's reflective practitioner",
"(Smith and Jones, 2019)", "Carl Rogers", "Rogers' core conditions"), a month, a day, a
role or group ("Carers told us", "Dad said"), or a name the learner allowed.
A capital at the start of a sentence or in a heading shows nothing by itself: a word
there is judged on the lists and signs above, like any other.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from badgekit.privacy import vocabulary as vocab
from badgekit.privacy import wordlists
from badgekit.privacy.patterns import Lazy
from badgekit.privacy.spans import Span, span
from badgekit.privacy.tokens import WORD, Token, title_case, tokenise

_CITATION_AFTER = Lazy(
    r"^(?:['’]s?)?\s{0,3}(?:\(\s{0,3}(?:(?:19|20)\d{2}|n\.\s?d\.)|,?\s{1,3}et\s{1,3}al\b|,\s{0,3}(?:19|20)\d{2}\b"
    r"|\s{1,3}(?:and|&)\s{1,3}[A-Z][\w'’-]+(?:\s{1,3}et\s{1,3}al\.?)?\s{0,3}\(\s{0,3}(?:19|20)\d{2})"
)
_IN_PARENTHESES_WITH_YEAR = Lazy(r"\([^()]*$")
#: Family straight after a word: "Oksana and her son", "Robin, his brother," (checked after the word's end).
_KIN_AFTER = Lazy(
    r"(?:\s{1,3}and|,)\s{1,3}(?:his|her|their)\s{1,3}(?:(?:wee|little|older|younger|big)\s{1,3})?"
    r"(?:son|daughter|brother|sister|mum|dad|mother|father|husband|wife|partner|boyfriend|girlfriend|gran|granny"
    r"|grandson|granddaughter|nephew|niece|cousin|aunt|auntie|uncle|baby|twin|kids|children|carer)\b"
)
_YEAR_BEFORE_CLOSE = Lazy(r"^[^()]*\b(?:19|20)\d{2}[a-z]?\b[^()]*\)")
_INITIAL = Lazy(r"^[A-Z]\.?$")
_SOMEONE = frozenset({"someone", "somebody", "one", "resident", "lady", "gentleman", "fellow", "youngster"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "our", "their", "your", "its"})
_PERSON_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "around", "across", "from", "of", "to", "on"})
_MAX_RUN = 4
_GAELIC_ACCENTS = frozenset("àèìòùÀÈÌÒÙ")
_LOWER_INITIALS = frozenset("bcdefghjklmnpqrstuvwxyz")  # "mr j"; not "a" or "i", which are words
_SENTENCE_STOPS = frozenset(".!?")
#: Words before "miss" that make it the verb: "we will miss D block".
_BEFORE_THE_VERB_MISS = frozenset(
    {"i", "we", "you", "they", "he", "she", "will", "would", "to", "'ll", "’ll", "might", "could", "really"}
    | {"don't", "didn't", "won't", "not", "never"}
)
#: Verbs of doing something with or for someone, before a name: "I supported June to plan her outing".
_DOING_FOR = frozenset(
    [
        "supported",
        "support",
        "supporting",
        "helped",
        "help",
        "helping",
        "encouraged",
        "reassured",
        "accompanied",
        "comforted",
        "thanked",
        "hugged",
    ]
)
#: Words that, after "is" or a comma, start a description of who someone is: "the manager", "our cook".
_POSSESSORS = frozenset({"the", "a", "an", "our", "my", "his", "her", "their", "your"})
#: Words before a nickname, as Scots has them: "wee Shuggie", "Big Malky".
_NICKNAME_LEADS = frozenset({"wee", "big"})


class _Judge:
    """Decides, token by token, which capitalised words are people's names."""

    def __init__(self, text: str, allowed: Iterable[str]) -> None:
        self.text = text
        self.tokens = tokenise(text)
        self.allowed: list[frozenset[str]] = [
            frozenset(w.lower() for w in WORD.get().findall(name) if w.lower() not in vocab.TITLES)
            for name in allowed
            if name.strip()
        ]
        self.first = wordlists.first_names()
        self.ambiguous = wordlists.ambiguous_names()
        self.name_words = wordlists.name_words()
        self._cited_here: frozenset[str] | None = None

    # --- what a single word is ------------------------------------------------------

    def is_not_a_person_word(self, token: Token) -> bool:
        """Organisation, place, month, day, function, role and cited-author words never start a name alone."""
        lower = token.lower
        return (
            self.is_never_a_name(token)
            or ((lower in vocab.PLACES or lower in vocab.CITED_AUTHORS) and token.text not in self.first)
            or self.is_role_word(token)
        )

    def is_never_a_name(self, token: Token) -> bool:
        """Words that are no part of a person's name, even straight after a first name ("Jamie At Home")."""
        lower = token.lower
        return (
            lower in vocab.ORGANISATION_WORDS
            or lower in vocab.FUNCTION_WORDS
            or lower in vocab.MONTHS
            or lower in vocab.DAYS
            or lower in vocab.FESTIVALS
            or lower in vocab.PLATFORMS
            or lower in vocab.PEOPLES
            or token.masked
        )

    def ends_a_run(self, token: Token) -> bool:
        """A function word, a day or a month that is no given name: "At", "Monday", "March"."""
        lower = token.lower
        return (
            (lower in vocab.FUNCTION_WORDS or lower in vocab.DAYS or lower in vocab.MONTHS)
            and token.text not in self.ambiguous
            and token.text not in self.first
        )

    def is_role_word(self, token: Token) -> bool:
        """A role, a relationship or a group, singular or plural: "Carers", "Nurses", "Dad", "Families"."""
        return any(form in vocab.PEOPLE_WORDS for form in vocab.singulars(token.lower))

    def is_mac_surname(self, token: Token) -> bool:
        """A Mac or Mc surname: "McGregor", "MacInnes", "Mcdonald", "Macdonald" (but not "Machine")."""
        text = token.text
        if not token.capitalised or len(text) < 4:
            return False
        if text.startswith("Mc") or (text.startswith("Mac") and text[3:4].isupper()):
            return True
        if not text.startswith("Mac") or token.lower in wordlists.common_words():
            return False
        # "Macdonald", "Macgregor": Mac and a name; "Mackay", "Mackenzie"; but not "Macedonia".
        rest = text[3:].capitalize()
        return (
            text in wordlists.surnames()
            or text.startswith("Mack")
            or rest in self.first
            or rest in wordlists.surnames()
        )

    def may_follow_a_first_name(self, token: Token) -> bool:
        """A word that can be a surname after a first name: a town ("Moira Paisley"), a cited author's
        surname ("Margaret Sinclair"), a common word ("Moira Young"), a Mac or Mc name, or one unknown."""
        if self.is_mac_surname(token):
            return True
        if self.is_never_a_name(token):
            return False
        return not self.is_role_word(token) or token.text in wordlists.surnames()

    def is_sentence_word(self, token: Token) -> bool:
        """A common word capitalised only because it starts a sentence, a line or a heading."""
        return (
            (token.line_start or token.caseless)
            and token.text not in self.first
            and token.lower in wordlists.common_words()
        )

    def is_clear_name(self, token: Token) -> bool:
        """A given name on its own: "Jamie", and hyphenated ones such as "Kerry-Ann" made of them."""
        if not token.capitalised:
            return False
        if token.text in self.first:
            return True
        if not token.text.isascii():
            # "Ciarán", "Màiri": a name without its accents; and a Gaelic grave accent marks a name
            # ("Seònaid") unless a sentence starts with it.
            if _unaccented(token.text) in self.first:
                return True
            if _GAELIC_ACCENTS.intersection(token.text):
                return not (token.line_start or self.is_never_a_name(token) or token.lower in vocab.GAELIC_WORDS)
        parts = token.text.split("-")
        return len(parts) > 1 and parts[0] in self.first and all(p[:1].isupper() for p in parts)

    def is_word_name(self, token: Token) -> bool:
        """A given name that is also a common word ("Will", "Grace"), not a month or a place:
        capitalised in the middle of a sentence, it is a name."""
        lower = token.lower
        return (
            not token.caseless
            and token.text in self.ambiguous
            and lower in wordlists.common_words()
            and lower not in vocab.MONTHS
            and lower not in vocab.PLACES
        )

    def is_ambiguous_name(self, token: Token) -> bool:
        return token.capitalised and token.text in self.ambiguous

    def is_group_or_organisation(self, token: Token) -> bool:
        """An organisation word, a nationality or a role word, even one that is also a given name ("Baby")."""
        lower = token.lower
        return lower in vocab.ORGANISATION_WORDS or lower in vocab.PEOPLES or self.is_role_word(token)

    def is_cited_surname(self, token: Token) -> bool:
        """A cited author's surname that is a common surname too: "Sinclair", "Morrison", "Miller"."""
        return token.lower in vocab.CITED_AUTHORS and token.text in wordlists.surnames()

    def is_unknown_word(self, token: Token) -> bool:
        """A capitalised word in no list: it may be a name the lists lack ("Oluwaseun")."""
        common = wordlists.common_words()
        return (
            token.capitalised
            and token.text not in self.first
            and token.text not in self.ambiguous
            and not self.is_not_a_person_word(token)
            and not any(form in common for form in vocab.singulars(token.lower))  # "Volunteers", "Families"
        )

    def is_surname(self, token: Token) -> bool:
        return token.capitalised and token.text in wordlists.surnames()

    # --- the words around a word ------------------------------------------------------

    def word_before(self, index: int, back: int = 1) -> str:
        at = index - back
        return self.tokens[at].lower if at >= 0 else ""

    def shows_a_person(self, index: int, last: int | None = None) -> bool:
        """Whether the words around tokens[index..last] show a person: an age, family, a naming word, a verb."""
        last = index if last is None else last
        token, end_token = self.tokens[index], self.tokens[last]
        after = self.text[end_token.end : end_token.end + 40]
        # The pattern allows at most 20 characters ("'s, who is ") before the age's digits.
        if any(map(str.isdigit, after[:22])) and _AGE_FOLLOWS.get().match(after):
            return True
        nxt = self.tokens[last + 1] if last + 1 < len(self.tokens) else None
        if end_token.possessive and nxt is not None and nxt.lower in vocab.KIN_WORDS:
            return True
        # "holly's bday"; but a capital makes a title: "Mairi's Wedding" is a song
        if end_token.possessive and nxt is not None and nxt.text.islower() and nxt.lower in vocab.PERSONAL_NOUNS:
            return True
        if nxt is not None and nxt.lower in vocab.PERSON_VERBS and not after.startswith((".", ",", ";", ":")):
            return True
        if nxt is not None and not after.startswith((".", ",", ";", ":")) and self._verb_after_bridge(last + 1):
            return True  # "Joy later told me", "Sandy has lived", "Summer gave me"
        if _KIN_AFTER.get().match(after):
            return True  # "Oksana and her son", "Robin, his brother,"
        if (before_word := self.word_before(index)) and not self._sentence_break(index - 1):
            if before_word in _DOING_FOR and not (nxt is not None and any(map(str.isdigit, nxt.text))):
                return True  # "I supported June to plan her outing"
            if before_word in ("and", "an", "&") and self.word_before(index, 2) in ("me", "i"):
                return True  # "Me an May took her back"
        if (
            nxt is not None
            and nxt.lower == "from"
            and any(t.lower in vocab.PERSON_VERBS for t in self.same_sentence(last + 2, 6))
        ):
            return True  # "Mark from the night shift told me"
        if self.who_follows(last) or self._described_as_someone(last):
            return True  # "Rowan, who's been with us", "May is the cook", "Bill, the manager,"
        before = self.word_before(index)
        gap = self.text[self.tokens[index - 1].end : token.start] if index > 0 else ""
        # "a boy called Tam", but not "a video called Dreaming of the Future"
        named = token.text in self.first or token.text in self.ambiguous or self._person_before(index - 1)
        if before in vocab.NAMING_WORDS and gap.strip(" ,") == "" and named:
            return True
        if before == "as" and self.word_before(index, 2) == "known":
            return True
        return before in vocab.ROLE_WORDS and gap.strip(" ,") == "" and "\n" not in gap

    def _described_as_someone(self, last: int) -> bool:
        """Whether the words after tokens[last] say what person it is: a role after a comma or after "is"
        ("Bill, the manager,", "Dawn is our night senior", "Grace and Faith are twins"); "Dawn is the
        hardest time" says it is a time."""
        following = self.tokens[last + 1 : last + 9]
        before = self.tokens[last]
        if len(following) >= 2 and following[0].lower == "and" and self.is_ambiguous_or_word(following[1]):
            before, following = following[1], following[2:]  # "Grace and Faith are ..."
        if not following:
            return False
        gap = self.text[before.end : following[0].start]
        if (
            gap.strip() == ""
            and following[0].lower in ("is", "was")
            and len(following) >= 3
            and following[1].lower in ("my", "his", "her", "their")
            and following[2].lower == "name"
        ):
            return True  # "Rahaf is my name"
        if gap.strip() == "," and len(following) >= 3 and following[0].lower == "one" and following[1].lower == "of":
            rest = following[2:6]  # "Faith, one of the staff nurses,"
            if rest and rest[0].lower in _POSSESSORS:
                rest = rest[1:]
            return any(any(f in vocab.PEOPLE_WORDS for f in vocab.singulars(t.lower)) for t in rest[:3])
        if gap.strip() == "," and following[0].lower in _POSSESSORS:
            rest = following[1:4]  # "Bill, the manager,", "Jean, our night cook,"
        elif gap.strip() == "" and following[0].lower in ("is", "was", "are", "were"):
            rest = following[1:5]
            if rest and rest[0].lower not in _POSSESSORS:
                return any(form in vocab.KIN_WORDS for form in vocab.singulars(rest[0].lower))  # "are twins"
            rest = rest[1:]
        else:
            return False
        for at, token in enumerate(rest[:3]):
            forms = vocab.singulars(token.lower)
            if any(form in vocab.PEOPLE_WORDS for form in forms):
                after = rest[at + 1] if at + 1 < len(rest) else None
                # ... and ends it: "the cook, and", "twins in our nursery"; not "the sister hospice"
                return (
                    not token.followed_by_space
                    or after is None
                    or not after.text.islower()
                    or (after.lower in vocab.FUNCTION_WORDS)
                )
            if any(form in vocab.CATEGORY_NOUNS for form in forms) or token.lower in _POSSESSORS:
                return False  # "Violet was the colour the lady chose": a colour, whoever chose it
            if not token.text.islower() or not token.followed_by_space:
                return False  # the description ends at a capital or a stop
        return False

    def _verb_after_bridge(self, index: int) -> bool:
        """Whether a person's verb starts at tokens[index], after at most two adverbs or auxiliaries."""
        for at in range(index, min(index + 3, len(self.tokens))):
            word = self.tokens[at].lower
            if word in vocab.PERSON_LIFE_VERBS or (at > index and word in vocab.PERSON_VERBS):
                return True
            if word not in vocab.VERB_BRIDGES or not self.tokens[at].followed_by_space:
                return False
        return False

    def _person_before(self, index: int) -> bool:
        """Whether a word for a person comes just before tokens[index] ("a young man called ...")."""
        return self.word_before(index) in vocab.ROLE_WORDS | vocab.KIN_WORDS | _SOMEONE

    def cites_work(self, index: int) -> bool:
        """A cited author's surname owning a piece of work: "Rogers' core conditions", "Oliver's social model"."""
        token = self.tokens[index]
        if token.lower not in vocab.CITED_AUTHORS:
            return False
        if not token.possessive and self.text[token.end : token.end + 1] not in ("'", "’"):
            return False
        following = self.tokens[index + 1 : index + 1 + _WORK_WITHIN]
        return any(t.lower in vocab.WORK_WORDS or t.text in ("X", "Y") for t in following)

    def cited_elsewhere(self, token: Token) -> bool:
        """Whether the text cites this cited author's surname for their work somewhere ("Rogers' core
        conditions ... Rogers gives me the attitude"): then it is that author wherever it stands alone."""
        if token.lower not in vocab.CITED_AUTHORS:
            return False
        if self._cited_here is None:
            self._cited_here = frozenset(
                t.lower
                for index, t in enumerate(self.tokens)
                if t.lower in vocab.CITED_AUTHORS
                and (self.cites_work(index) or self.is_citation(index, index) or self.cited_without_year(index, index))
            )
        return token.lower in self._cited_here

    def pronoun_follows(self, index: int) -> bool:
        """Whether the words after tokens[index] go on about a person: "him" or "her" later in its sentence,
        or "he" or "she" starting the next ("May was at the window waiting. She told me ...")."""
        for at in range(index + 1, min(index + 40, len(self.tokens))):
            token = self.tokens[at]
            if token.lower in ("him", "her", "himself", "herself"):
                return True
            if at + 1 < len(self.tokens) and self._sentence_break(at):
                return self.tokens[at + 1].lower in ("he", "she", "he's", "she's", "he’s", "she’s")
        return False

    def acronym(self, index: int) -> bool:
        """Whether tokens[index], a short word in capitals, stands among words that are not: "a CHAS hospice"
        (but "FRASER, the 17 year old": a name of any length in capitals)."""
        neighbours = [self.tokens[at] for at in (index - 1, index + 1) if 0 <= at < len(self.tokens)]
        return len(self.tokens[index].text) <= 4 and bool(neighbours) and all(not t.caseless for t in neighbours)

    def who_follows(self, index: int) -> bool:
        """Whether "who" comes straight after tokens[index], after a comma or not: "Lorna Kirk, who ..."."""
        token = self.tokens[index]
        nxt = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        return (
            nxt is not None
            and nxt.lower in ("who", "who's", "who’s")
            and self.text[token.end : nxt.start].strip(" ,'’s") == ""
        )

    def is_citation(self, first: int, last: int) -> bool:
        """An author cited for their work: followed by a year, "et al.", or inside "(..., 2019)"."""
        start, end = self.tokens[first].start, self.tokens[last].end
        after = self.text[end : end + 60]
        # Every form of citation has a bracket, "et al" or a year close by: look for those first.
        if ("(" in after or "et al" in after or any(map(str.isdigit, after[:8]))) and _CITATION_AFTER.get().match(
            after
        ):
            return True
        if "(" not in self.text[max(0, start - 80) : start]:
            return False
        opening = _IN_PARENTHESES_WITH_YEAR.get().search(self.text, max(0, start - 80), start)
        return bool(opening and _YEAR_BEFORE_CLOSE.get().match(self.text[start : start + 120]))

    def is_allowed(self, words: Sequence[Token]) -> bool:
        lowered = {t.lower for t in words}
        return any(lowered <= allowed for allowed in self.allowed)

    def same_sentence(self, index: int, most: int) -> list[Token]:
        """Up to ``most`` tokens from tokens[index] on, stopping where the sentence ends."""
        found: list[Token] = []
        at = index
        while at < len(self.tokens) and len(found) < most:
            found.append(self.tokens[at])
            if at + 1 < len(self.tokens) and self._sentence_break(at):
                break
            at += 1
        return found

    def sentence_words(self, index: int) -> set[str]:
        """The lower-case words of the sentence around tokens[index] (a line break does not end one)."""
        first = index
        while first > 0 and not self._sentence_break(first - 1):
            first -= 1
        last = index
        while last + 1 < len(self.tokens) and not self._sentence_break(last):
            last += 1
        return {t.lower for t in self.tokens[first : last + 1]}

    def _sentence_break(self, index: int) -> bool:
        """Whether a sentence ends between tokens[index] and the next."""
        gap = self.text[self.tokens[index].end : self.tokens[index + 1].start]
        return bool(_SENTENCE_STOPS.intersection(gap)) or gap.count("\n") > 1 or self.tokens[index + 1].in_heading

    def is_thing(self, index: int) -> bool:
        """A given name used as a word or a title rather than for a person: a plant or a flower
        ("Heather grows on the hill", "Holly berries"), money ("Grant funding", "Penny by penny")
        or a song ("Jolene was the song everyone asked for")."""
        token = self.tokens[index]
        if self.shows_a_person(index):
            return False
        nxt = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        is_word = token.text in self.name_words or token.lower in wordlists.common_words()
        if nxt is not None and token.followed_by_space and f"{token.lower} {nxt.lower}" in vocab.NAME_IDIOMS:
            return True  # "Penny dropped", "Jack of all trades", "Mark my words"
        if nxt is not None and not nxt.capitalised and nxt.lower in vocab.THING_NOUNS:
            return True  # "Holly berries", "Carol singers", "Grant funding"
        if is_word and nxt is not None and token.followed_by_space and self._noun_follows(token, nxt):
            return True  # "Olive oil", "Fern spotting", "Rose hip syrup"
        if is_word and token.line_start and nxt is not None and nxt.lower in vocab.OBJECT_WORDS:
            return True  # "Pat the skin dry", "Sue for damages": a verb telling what to do
        if is_word and self._word_pair(index):
            return True  # "Holly and ivy", "Rosemary and basil"
        if is_word and self._defined_as_thing(index):
            return True  # "Dawn is the hardest time", "Violet was the colour she chose"
        if self._defined_as_thing(index, vocab.NOT_PERSON_KINDS):
            return True  # "Chase and Marshall are the favourite pups"
        if self._is_a_pet(index):
            return True  # "Bella the cat", "the therapy dog Penny"
        sentence = self.sentence_words(index)
        before = self.tokens[index - 1] if index > 0 else None
        titled = (
            before is not None and before.capitalised and before.lower in wordlists.common_words()
        )  # "Sweet Caroline"
        if (token.line_start or titled or self.word_before(index) in vocab.SONG_LEADS) and self._about_songs(index):
            return True
        if not is_word:
            return False
        if any(t.lower == token.lower and not t.capitalised for t in self.tokens[index + 1 : index + 4]):
            return True  # "Penny by penny"
        if token.line_start and token.text in self.name_words and self.word_in_lower_case_nearby(index):
            return True  # "Holly, ivy and pine cones ... Ivy was jaggy": the learner writes it as a word
        leading = token.line_start or (self.word_before(index) in ("and", "or") and index >= 2)
        return leading and bool(sentence & (vocab.PLANT_WORDS | vocab.MONEY_WORDS))

    def work_follows(self, last: int) -> bool:
        """Whether a noun for a piece of work comes straight after tokens[last]: "Julia Donaldson books"."""
        nxt = self.tokens[last + 1] if last + 1 < len(self.tokens) else None
        return (
            nxt is not None
            and self.tokens[last].followed_by_space
            and nxt.text.islower()
            and nxt.lower in vocab.CREATIVE_WORKS
        )

    def verb_follows(self, index: int) -> bool:
        """Whether a lower-case verb of a person comes straight after tokens[index]: "DEAN panicked", "ROSE said"."""
        token = self.tokens[index]
        nxt = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        if nxt is None or not token.followed_by_space or not nxt.text.islower():
            return False
        word = nxt.lower
        return word in vocab.PERSON_VERBS or word in vocab.PERSON_FOLLOWERS or (len(word) > 4 and word.endswith("ed"))

    def word_in_lower_case_nearby(self, index: int) -> bool:
        """Whether the paragraph around tokens[index] also has its word in lower case, as a word:
        "Holly, ivy and pine cones ... Ivy was jaggy to work with"."""
        token = self.tokens[index]
        start = self.text.rfind("\n\n", 0, token.start)
        end = self.text.find("\n\n", token.end)
        first = bisect_left(self.tokens, start, key=_token_start)
        last = bisect_left(self.tokens, end if end >= 0 else len(self.text), key=_token_start)
        return any(t.text == token.lower for t in self.tokens[first:last])

    def _about_songs(self, index: int) -> bool:
        """Whether the paragraph around tokens[index] talks of songs: "sang", "karaoke", "the song"."""
        start = self.text.rfind("\n\n", 0, self.tokens[index].start)
        end = self.text.find("\n\n", self.tokens[index].end)
        paragraph = self.text[start + 1 : end if end >= 0 else len(self.text)].lower()
        return not vocab.SONG_WORDS.isdisjoint(word.rstrip(".") for word in WORD.get().findall(paragraph))

    def _noun_follows(self, token: Token, nxt: Token) -> bool:
        """Whether the word after a given name that is also a word is a noun it qualifies ("Olive oil",
        "Ginger biscuits", "Fern spotting") rather than a verb or an adverb of a person ("Rose said")."""
        word = nxt.text
        if not word.islower() or token.possessive or word in vocab.FUNCTION_WORDS or word in vocab.PRONOUNS:
            return False
        if word in vocab.PERSON_FOLLOWERS or word in vocab.PERSON_VERBS or word.endswith(("ed", "ly", "n't")):
            return False
        return not any(form in vocab.PEOPLE_WORDS for form in vocab.singulars(word))

    def _is_a_pet(self, index: int) -> bool:
        """Whether an animal word stands beside the name: "Bella the cat", "our dog Max"."""
        after = self.tokens[index + 1 : index + 4]
        if len(after) >= 2 and after[0].lower == "the" and after[1].lower in vocab.ANIMALS:
            return True
        if len(after) >= 3 and after[0].lower == "the" and after[2].lower in vocab.ANIMALS:
            return True  # "Penny the therapy dog"
        return self.word_before(index) in vocab.ANIMALS

    def _word_pair(self, index: int) -> bool:
        """A name-word joined by "and" or a comma to the same kind of word in lower case: "Holly and ivy",
        "Heather, gorse and bracken"."""
        if index + 1 >= len(self.tokens):
            return False
        if self.text[self.tokens[index].end : self.tokens[index + 1].start].strip() == ",":
            other = self.tokens[index + 1]  # "Heather, gorse and bracken", "Pearl, ruby and golden anniversaries"
            return other.text.islower() and (
                other.lower in vocab.PLANT_NAMES or title_case(other.text) in self.name_words
            )
        if index + 2 >= len(self.tokens) or self.tokens[index + 1].lower not in ("and", "&", "or"):
            return False
        other = self.tokens[index + 2]
        return other.text.islower() and (title_case(other.text) in self.name_words or other.lower in vocab.PLANT_NAMES)

    def _defined_as_thing(self, index: int, kinds: frozenset[str] = vocab.CATEGORY_NOUNS) -> bool:
        """ "X is the ... time", "X was the colour": a copula, a determiner, at most two words, a kind of
        thing (one of ``kinds``); or a verb of dawn, a plant or the weather ("Dawn was only just breaking")."""
        following = self.tokens[index + 1 : index + 7]
        if (
            len(following) >= 2
            and following[0].lower == "and"
            and (
                self.is_ambiguous_or_word(following[1])
                or following[1].text.islower()
                or kinds is not vocab.CATEGORY_NOUNS
            )
        ):
            following = following[2:]  # "Ruby and Jade are the names of colours", "Violet and purple were"
        if following and following[0].lower in vocab.NATURE_VERBS and kinds is vocab.CATEGORY_NOUNS:
            return True  # "Dawn broke", "Heather bloomed"
        if len(following) < 2 or following[0].lower not in ("is", "was", "are", "were"):
            return False
        rest = following[1:]
        while rest and rest[0].lower in vocab.DEGREE_ADVERBS:
            rest = rest[1:]  # "was only just breaking": as "was breaking"
        if not rest:
            return False
        if kinds is vocab.CATEGORY_NOUNS and (
            rest[0].lower in vocab.ABSTRACT_PREDICATES or rest[0].lower in vocab.NATURE_VERBS
        ):
            return True
        if len(rest) < 2 or rest[0].lower not in ("the", "a"):
            return False
        return any(form in kinds for t in rest[1:4] for form in vocab.singulars(t.lower))

    def is_ambiguous_or_word(self, token: Token) -> bool:
        """A given name that is also a word: "Jade", "Grace"."""
        return token.text in self.name_words or token.text in self.ambiguous

    def cited_without_year(self, first: int, last: int) -> bool:
        """An author cited by what they say, with no year: "Thompson reminds us", "according to Hennessey",
        "Siobhan Maclean argues"."""
        if self.word_before(first) == "to" and self.word_before(first, 2) in vocab.CITE_LEADS:
            return True
        nxt = self.tokens[last + 1] if last + 1 < len(self.tokens) else None
        surname = self.tokens[last]
        no_given_name = surname.text not in self.first and surname.text not in self.ambiguous
        before = self.word_before(first)
        if before in vocab.READING_LEADS and (no_given_name or surname.lower in vocab.CITED_AUTHORS):
            return True  # "I read Thompson on ...", "like Rogers,", "unlike Maslow"
        if before == "by" and first > 1:
            lead = self.tokens[first - 2]
            if lead.lower in vocab.CREATIVE_WORKS or (lead.capitalised and not lead.line_start):
                return True  # "a song by Leonard Cohen", "Hallelujah by Leonard Cohen": who made a work
        if nxt is not None and nxt.lower in ("and", "&") and self._authors_pair(last + 2):
            return True  # "Ingram and Smith describe ..."
        if before in ("and", "&") and first >= 2 and self._authors_pair(first, first - 2):
            return True
        if (
            self.word_before(first) == "as"
            and nxt is not None
            and nxt.lower in vocab.AS_AUTHOR_VERBS
            and (surname.lower in vocab.CITED_AUTHORS or first < last)
        ):
            return True  # "As Rogers put it", "as Siobhan Maclean writes"
        if nxt is None:
            return False
        if (
            first == last
            and nxt.lower in vocab.AUTHOR_PRESENT_VERBS
            and (no_given_name or surname.lower in vocab.CITED_AUTHORS)
            and self.text[surname.end : nxt.start].strip() == ""
        ):
            return True  # "Smale explains", "Ingram says", "Rogers talks about": a surname, or an author's
        if nxt.lower not in vocab.CITE_VERBS:
            return False
        gap = self.text[self.tokens[last].end : nxt.start]
        if gap.strip().strip(",").strip() not in ("", "et al", "et al."):
            return False
        if first < last:
            return True
        return surname.lower in vocab.CITED_AUTHORS or (
            surname.text in wordlists.surnames() and surname.text not in self.ambiguous
        )

    def _authors_pair(self, second: int, first: int | None = None) -> bool:
        """Whether tokens[second] is a surname with a verb of citing after it, and tokens[first] (when
        given) a surname too: the second of two authors cited together ("Ingram and Smith describe")."""
        if second + 1 >= len(self.tokens):
            return False
        words = [self.tokens[second]] + ([self.tokens[first]] if first is not None else [])
        verb = self.tokens[second + 1]
        return (
            all(w.capitalised and w.text not in self.first and w.text not in self.ambiguous for w in words)
            and verb.lower in vocab.AUTHORS_VERBS
            and self.tokens[second].followed_by_space
        )

    def organisation_follows(self, last: int) -> bool:
        """Whether the words after tokens[last] finish an organisation's name: "Fraser (of Allander Institute)"."""
        at = last
        for _ in range(6):
            if at + 1 >= len(self.tokens):
                return False
            gap = self.text[self.tokens[at].end : self.tokens[at + 1].start]
            if gap.strip(" \t") not in ("", "\n") or len(gap) > 4 or self.tokens[at].possessive:
                return False
            at += 1
            token = self.tokens[at]
            if token.lower in vocab.ORGANISATION_LINKS and not token.capitalised:
                continue
            if not token.capitalised or token.lower in vocab.FUNCTION_WORDS:
                return False
            if token.lower in vocab.ORGANISATION_WORDS:
                return True
        return False

    def place_in_context(self, index: int) -> bool:
        """A given name that is also a place, after "in" or "at": "lives in Lewis"."""
        token = self.tokens[index]
        if token.lower not in vocab.PLACES:
            return False
        if self.word_before(index) in _PERSON_PLACE_PREPOSITIONS:
            return True
        # ... or listed with other places: "our team works across Mull, Iona and Lismore"
        neighbours = [
            self.tokens[at] for at in (index - 2, index - 1, index + 1, index + 2) if 0 <= at < len(self.tokens)
        ]
        return any(
            t.lower in vocab.PLACES and t.lower != token.lower and t.capitalised and t.text not in self.first
            for t in neighbours
        ) and not self.shows_a_person(index)


def _token_start(token: Token) -> int:
    return token.start


def _unaccented(word: str) -> str:
    """A word without its accents: "Màiri" -> "Mairi"."""
    import unicodedata  # only for the few words with accents

    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


_WORK_WITHIN = 4  # "Oliver's social model", "Thompson's PCS model", "Douglas McGregor's Theory X"
_AGE_FOLLOWS = Lazy(
    r"^(?:['’]s)?\s{0,3}(?:\(\s{0,3}(?:aged?\s{0,3})?\d{1,3}\s{0,3}(?:years?|yrs?)?\s{0,3}\)|,?\s{0,3}(?:who\s{1,3}is|who's|aged?|age)\s{1,3}\d{1,3}\b"
    r"|,\s{0,3}\d{1,3}\s{0,3}(?:years?\s{0,3}old)?\s{0,3},|\s{1,3}is\s{1,3}\d{1,3}\s{1,3}(?:years?|yrs?)\b)",
    re.IGNORECASE,
)


class _Person:
    """A person found: their words, the title before them if any, and how they were written."""

    __slots__ = ("initial", "kin_title", "title", "words")

    def __init__(
        self, words: tuple[Token, ...], title: Token | None = None, kin_title: bool = False, initial: bool = False
    ) -> None:
        self.words = words
        self.title = title
        self.kin_title = kin_title
        self.initial = initial  # a title and an initial only: "Mrs K"


def _runs(judge: _Judge) -> list[tuple[int, int]]:
    """Index ranges of capitalised words written one space apart on one line.

    A capitalised "At", "Monday" or "March" after a first name ends a run, so that a Title
    Case heading ("Supporting Jamie At Home") still shows the name before it.
    """
    tokens = judge.tokens
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(tokens):
        if not tokens[index].capitalised:
            index += 1
            continue
        last = index
        while (
            last + 1 < len(tokens)
            and tokens[last].followed_by_space
            and tokens[last + 1].capitalised
            and not tokens[last + 1].line_start
            and not (judge.ends_a_run(tokens[last + 1]) and judge.is_clear_name(tokens[last]))
            and last - index + 1 < _MAX_RUN
            and not (
                (tokens[last].caseless or tokens[last + 1].caseless) and not _caseless_surname_follows(judge, last)
            )
        ):
            last += 1
        runs.append((index, last))
        index = last + 1
    return runs


def _caseless_surname_follows(judge: _Judge, index: int) -> bool:
    """In capitals, where every word looks like a name, only a given name and a surname make one run."""
    token, nxt = judge.tokens[index], judge.tokens[index + 1]
    if not (judge.is_clear_name(token) or judge.is_mac_surname(token)):
        return False
    return judge.is_mac_surname(nxt) or (nxt.text in wordlists.surnames() and nxt.lower not in wordlists.common_words())


def _titled(judge: _Judge) -> list[_Person]:
    """Names after a title: "Mrs Smith", "Mr J. MacLeod", "Dr. Patel", "Auntie Jean"."""
    tokens = judge.tokens
    people: list[_Person] = []
    for index, token in enumerate(tokens[:-1]):
        lower = token.lower
        lower_miss_initial = (
            lower == "miss"
            and _INITIAL.get().match(tokens[index + 1].text) is not None
            and token.followed_by_space
            and judge.word_before(index) not in _BEFORE_THE_VERB_MISS
        )  # "miss D (mum) was upset": the verb "miss" is not followed by a capital letter alone
        is_title = (
            lower in vocab.TITLES
            and (token.text[:1].isupper() or lower in {"mr", "mrs", "ms", "mx"} or lower_miss_initial)
            and not token.masked  # "Little Miss", "Mr Men": a series of books
        )
        nickname = lower in _NICKNAME_LEADS  # "wee Shuggie", "Big Malky": the name after it, not the word
        is_kin = (lower in vocab.KIN_TITLES and token.text[:1].isupper()) or nickname
        if not (is_title or is_kin):
            continue
        plain = lower in vocab.PLAIN_TITLES
        words: list[Token] = []
        initials = 0
        at = index + 1
        while at < len(tokens) and len(words) < 3:
            candidate = tokens[at]
            gap = judge.text[tokens[at - 1].end : candidate.start]
            dotted = at == index + 1 or _INITIAL.get().match(tokens[at - 1].text)  # "Dr. Patel", "J. Smith"
            if gap.strip() not in ({"", "."} if dotted else {""}) or gap.count("\n") > 1 or len(gap) > 3:
                break
            if tokens[at - 1].possessive:
                break
            pronoun = candidate.text == "I" and at + 1 < len(tokens) and tokens[at + 1].text.islower()
            initial = (
                bool(_INITIAL.get().match(candidate.text) or (plain and candidate.text in _LOWER_INITIALS))
                and not is_kin
                and not pronoun  # "diagnosed with MS. I organised ...", "a near miss I went back ..."
            )
            lower_surname = (
                plain
                and not words
                and lower != "miss"
                and candidate.text.islower()
                and token.text.islower()
                and candidate.lower not in vocab.FUNCTION_WORDS
                and candidate.lower not in vocab.PEOPLE_WORDS
            )  # "mrs campbell", "mr black", "mr j": after "mr" in lower case, a lower-case word is a surname
            if nickname and not words and candidate.text.islower():
                name = title_case(candidate.text)
                lower_surname = (
                    candidate.lower not in vocab.EVERYDAY_WORDS
                    and (name in judge.first or name in judge.ambiguous)
                    and (
                        (candidate.lower not in wordlists.common_words() or judge.verb_follows(at))
                        and not judge.is_role_word(candidate)
                    )
                )  # "wee mags", "big tam came in"; not "wee lassie"
            if not (candidate.capitalised or initial or lower_surname) or candidate.lower in vocab.TITLES:
                break
            if nickname and (
                judge.is_not_a_person_word(candidate)
                or (candidate.lower in wordlists.common_words() and not (lower_surname or judge.verb_follows(at)))
            ):
                break
            if (
                plain
                and not words
                and not initial
                and not (
                    candidate.lower in vocab.FUNCTION_WORDS or candidate.masked or candidate.lower in vocab.PEOPLES
                )
            ):
                if _is_word_not_surname(judge, candidate):
                    break  # "Mr Men", "Mr Grumpy", "Miss Sunshine": characters, not people
                # "Mr Stirling", "Mrs Green", "Ms Hope": after a title, a town or a word is a surname
            elif not initial and judge.is_not_a_person_word(candidate) and candidate.lower not in vocab.CITED_AUTHORS:
                break
            words.append(candidate)
            initials += initial
            at += 1
        while words and (_INITIAL.get().match(words[-1].text) or words[-1].text in _LOWER_INITIALS) and not is_kin:
            words.pop()
        if not words:
            if initials and is_title and (token.text[:1].isupper() or plain):
                people.append(_Person((tokens[index + 1],), token, initial=True))
            continue
        if lower in vocab.ACADEMIC_TITLES and _cited_with_title(judge, lower, words, index + 1, at - 1):
            continue
        if lower in vocab.HONOURS or (lower in vocab.ACADEMIC_TITLES and _credited(judge, index, at - 1)):
            continue  # "Lord Kelvin", "Sir Alex Ferguson", "the report by Dr Anne MacDonald", "watched Mrs Doubtfire"
        if lower == "sister" and not judge.is_clear_name(words[0]) and not judge.is_surname(words[0]):
            continue
        if is_kin and len(words) == 1 and judge.organisation_follows(at - 1):
            continue
        if _titles_a_work(judge, at - 1):
            continue  # "Mrs Brown's Boys", "Mr Tumble's Spotty Bag": a show, not the person
        people.append(_Person(tuple(words), None if is_kin else token, is_kin))
    return people


def _is_word_not_surname(judge: _Judge, token: Token) -> bool:
    """A common word that no one has as a surname or a given name: "Men", "Grumpy", "Sunshine"."""
    text = token.text if token.capitalised else title_case(token.text)  # "mrs brown" as "Mrs Brown"
    return (
        any(form in wordlists.common_words() for form in vocab.singulars(token.lower))
        and text not in wordlists.surnames()
        and text not in judge.first
        and text not in judge.ambiguous
    )


def _cited_with_title(judge: _Judge, title: str, words: Sequence[Token], first: int, last: int) -> bool:
    """Whether "Professor Munro" or "Dr Bandura (1977)" is an author cited rather than someone met.

    A doctor with a common surname ("Dr Morrison") is more often a GP than a theorist, so
    "Dr" with a cited author's surname needs a citation, a piece of work after it, or a
    surname that is not a common one; "Professor", "Sir" and "Dame" do not.
    """
    if judge.is_citation(first, last) or judge.cites_work(last):
        return True
    cited = [w for w in words if w.lower in vocab.CITED_AUTHORS]
    return bool(cited) and (title != "dr" or any(w.text not in wordlists.surnames() for w in cited))


def _judge_run(judge: _Judge, first: int, last: int) -> list[Token] | None:
    """The name in tokens[first..last], or None when the run is not a person."""
    tokens = judge.tokens
    run = tokens[first : last + 1]
    # "Simon Community Scotland", "Robert Gordon University", "Brené Brown (2012)": no person.
    if any(t.masked for t in run) or judge.is_citation(first, last) or judge.cites_work(last):
        return None
    if first == last and (judge.cited_elsewhere(run[0]) or _cited_author_alone(judge, first)):
        return None
    if judge.organisation_follows(last) or judge.cited_without_year(first, last):
        return None
    if tokens[last].lower in vocab.ORGANISATION_WORDS and not judge.is_mac_surname(tokens[last]):
        # "Hope Street", "Stirling Council"; but "Moira Green told me" and "Lorna Kirk, who ..." are people.
        before = last - 1
        named = before >= first and (judge.is_clear_name(tokens[before]) or judge.is_unknown_word(tokens[before]))
        if named and judge.is_surname(tokens[last]):
            who = tokens[last].lower not in vocab.STREET_SUFFIXES and judge.who_follows(last)
            return list(tokens[before : last + 1]) if who or judge.shows_a_person(before, last) else None
        lone = tokens[last]
        if (
            first == last
            and judge.is_ambiguous_name(lone)
            and (judge.who_follows(last) or judge._described_as_someone(last) or judge.verb_follows(last))
        ):
            return [lone]  # "Bill, the manager, ran the debrief": a person, though a Bill is also a law
        return None
    # Words that cannot be names may come first ("Monday Jamie", "Edinburgh Jamie"), and so
    # may a sentence's first word ("Yesterday Jamie"), unless it is a name that is also a
    # place or a month and could be a person ("Angus MacLeod", "June, aged 86", "Will McLean").
    after_organisation = False
    while first <= last and (judge.is_not_a_person_word(tokens[first]) or judge.is_sentence_word(tokens[first])):
        token = tokens[first]
        if judge.is_ambiguous_name(token) and (
            not judge.is_group_or_organisation(token)
            or judge.who_follows(first)
            or judge._described_as_someone(first)
            or (first == last and judge.verb_follows(first))
        ):  # "Bill, the manager," is a person, though a Bill is also a law
            if first == last:
                break
            following = tokens[first + 1]
            if judge.is_mac_surname(following):
                break
            if token.lower not in vocab.FUNCTION_WORDS and not judge.is_not_a_person_word(following):
                break
        after_organisation = token.lower in vocab.ORGANISATION_WORDS
        first += 1
    if first > last or judge.cited_without_year(first, last):
        return None
    if tokens[first].lower == "saint" or judge.word_before(first) in ("saint", "st"):
        return None  # "Saint Valentine's Day", "St Andrew": a saint, a church or a feast day
    if tokens[last].possessive and last + 1 < len(tokens) and tokens[last + 1].lower in vocab.EPONYM_NOUNS:
        return None  # "Addison's disease", "Bell's palsy"
    if _titles_a_work(judge, last):
        return None  # "Mairi's Wedding", a song; "Maggie's Centre"
    words = tokens[first : last + 1]
    head = words[0]
    if len(words) >= 2:
        if judge.work_follows(last):
            return None  # "Julia Donaldson books", "Katie Morag stories": an author or a character
        if not judge.shows_a_person(first, last) and judge._defined_as_thing(last, vocab.NOT_PERSON_KINDS):
            return None  # "Robin Hood was the film we watched"
        if judge.word_before(first) == "the" and not judge.shows_a_person(first, last):
            return None  # "the Caird Hall drop-in", "the Harris Tweed blankets"
        if _known_for_their_work(judge, first, last):
            return None  # "Judith Herman's stages of recovery", "emotion coaching from John Gottman"
        return list(words) if _is_full_name(judge, first, last) else None
    if _first_of_names(judge, first) != first and (
        _credited(judge, first) or _known_for_their_work(judge, first, first)
    ):
        return None  # "singing along to Jimmy Shand and Lulu", "the model from Rolfe, Freshwater and Jasper"
    if _names_before_work(judge, first):
        return None  # "the Roper, Logan and Tierney model"
    if judge.is_clear_name(head):
        if judge.place_in_context(first) or judge.is_thing(first):
            return None
        if (
            head.caseless
            and (head.text in judge.name_words or judge.acronym(first))
            and not judge.shows_a_person(first)
            and not judge.verb_follows(first)
        ):
            return None  # "ROSE GARDEN", "CAROL SERVICE", "a CHAS hospice"; but "DEAN panicked"
        return [head]
    if after_organisation:  # "Town Hall", "Care Home": the word after an organisation word is part of it
        return None
    article = judge.word_before(first)
    if article in _DETERMINERS and not (article == "an" and head.lower[:1] not in "aeiou"):
        return None  # "the Will", "a Mark": a thing, not a person; but "Me an May" is Scots "and"
    if judge.is_word_name(head) and not head.line_start and not head.in_heading:
        return None if judge.is_thing(first) else [head]
    unknown = judge.is_unknown_word(head) and not head.caseless  # in capitals every word looks unknown
    placeish = unknown or (head.text in wordlists.surnames() and head.text not in judge.first)
    if placeish and judge.word_before(first) in ("in", "near") and not head.possessive:
        return None  # "Baxters in Fochabers gave us a tour": a place, whatever the verb after it
    if _gaelic_name_acting(judge, first):
        return [head]  # "Dòmhnall prefers to speak Gaelic": a sentence's first word, and a name
    if (judge.is_ambiguous_name(head) or unknown) and judge.shows_a_person(first):
        return [head]
    if (
        judge.is_ambiguous_name(head)
        and not head.caseless
        and judge.word_before(first) not in _POSSESSORS  # "her CHI was ..."
        and _acts(judge, first)
        and judge.pronoun_follows(first)
    ):
        # "Hope came to us at fourteen ... I don't blame her", "May was at the window. She told me"
        return None if judge.is_thing(first) else [head]
    if head.capitalised and not (head.line_start or head.in_heading or head.caseless):
        # Any word capitalised mid-sentence with family after it: "I phoned Wren, his sister,"
        return [head] if _KIN_AFTER.get().match(judge.text, head.end) else None
    return None


def _known_for_their_work(judge: _Judge, first: int, last: int) -> bool:
    """Whether the full name at tokens[first..last] is someone known for their work, whom a statement cites or
    mentions, rather than someone the learner works with: by their work after it ("Judith Herman's stages",
    "Lewis Capaldi's new album"), a verb of making after it ("Oliver Sacks wrote", "Joan Murphy, who developed
    Talking Mats"), or the words before it ("a chapter by Gillian Schofield and Mary Beek", "the butterfly
    approach from David Sheard", "reading Mark Smith", "singing along to Jimmy Shand", "Sir Alex Ferguson")."""
    tokens = judge.tokens
    end = tokens[last]
    if end.possessive and any(
        t.lower in vocab.WORK_WORDS or t.lower in vocab.CREATIVE_WORKS for t in tokens[last + 1 : last + 5]
    ):
        return True
    after = last + 1
    if after < len(tokens) and tokens[after].lower in ("and", "&") and _full_name_at(judge, after + 1):
        after = _full_name_at(judge, after + 1) + 1  # "Andrew Turnell and Steve Edwards developed"
    while after < len(tokens) and tokens[after].lower in ("who", "both", "also", "first"):
        after += 1  # "Joan Murphy, who developed", "McNeill and Maruna both write"
    if after < len(tokens) and tokens[after].lower in vocab.CITE_VERBS:
        return True
    if after < len(tokens) and tokens[after].lower in vocab.MAKER_VERBS:
        # ... of a work: "developed Talking Mats", "developed the approach", "wrote that"; but a person
        # supported "developed a chest infection"
        made = tokens[after + 1 : after + 4]
        if any(
            (t.capitalised and not t.line_start) or t.lower in vocab.WORK_WORDS or t.lower in ("that", "about")
            for t in made
        ):
            return True
    if end.possessive and last + 1 < len(tokens) and _starts_a_title(judge, last + 1):
        return True  # "Karen Treisman's A Treasure Box"
    if any(t.lower in vocab.HONOURS for t in tokens[first : last + 1]):
        return True  # "Mary Queen of Scots"
    return _credited(judge, first, last)


def _starts_a_title(judge: _Judge, index: int) -> bool:
    """Whether tokens[index] is capitalised mid-sentence and no name nor family: the start of a work's title."""
    token = judge.tokens[index]
    if token.text[:1].isupper() and not token.line_start and token.lower in ("a", "an", "the"):
        return True  # "Karen Treisman's A Treasure Box"
    return (
        token.capitalised
        and not token.line_start
        and not token.caseless
        and token.text not in judge.first
        and token.text not in judge.ambiguous
        and token.text not in wordlists.surnames()
        and not any(form in vocab.KIN_WORDS for form in vocab.singulars(token.lower))
    )


def _full_name_at(judge: _Judge, index: int) -> int:
    """The last index of two or three capitalised words starting at tokens[index] (0 when there are none)."""
    tokens = judge.tokens
    at = index
    while at < len(tokens) and at - index < 3 and tokens[at].capitalised and not tokens[at].line_start:
        if at > index and not tokens[at - 1].followed_by_space:
            break
        at += 1
    return at - 1 if at - index >= 2 else 0


def _credited(judge: _Judge, first: int, last: int | None = None) -> bool:
    """Whether the words before the name at tokens[first..last] credit it with a work or a performance: a
    piece of work just before "by", "from" or "on" ("the butterfly approach from David Sheard", "translated
    by James Robertson"), or just after the name ("from John O'Brien as a framework"), "reading", an honour
    ("Sir", "Princess"), or a performance ("singing along to Jimmy Shand"); a name listed with another is
    credited as the first of them is ("John Gottman and Louise Gilbert").

    Kept narrow, for a name in care writing is most often someone the learner works with: a name in the
    possessive is never credited so ("a report by John Smith's social worker"), nor one after words of
    watching or listening ("I watched Mrs Smith eat")."""
    tokens = judge.tokens
    last = first if last is None else last
    lead = _first_of_names(judge, first)
    before = judge.word_before(lead)
    if lead != first and _names_before_work(judge, first):
        return True
    if before in vocab.HONOURS or tokens[lead].lower in vocab.HONOURS:
        return True
    if before in vocab.MEDIA_LEADS:
        return True
    if before in _READING:
        after = tokens[last + 1] if last + 1 < len(tokens) else None
        # "I've been reading Siobhan Maclean"; but "I read Jamie Reid a story" reads to someone
        return after is None or after.lower not in vocab.OBJECT_WORDS
    if f"{judge.word_before(lead, 2)} {before}" in vocab.MEDIA_PHRASES:
        return True
    if before in ("by", "from", "on", "of") and not tokens[last].possessive:
        just_before = tokens[max(0, lead - 4) : lead - 1]
        just_after = judge.same_sentence(last + 1, 4)
        return any(
            t.lower in vocab.WORK_WORDS or t.lower in vocab.CREATIVE_WORKS or t.lower in vocab.CREDIT_VERBS
            for t in just_before
        ) or any(t.lower in vocab.WORK_WORDS for t in just_after)
    return False


#: Words of reading before a full name: "I've been reading Siobhan Maclean". (Not "like" or "following",
#: which READING_LEADS holds for a surname alone: "following Mrs Smith's fall" is about the person.)
_READING = frozenset({"read", "reading", "reread", "studied", "quoted", "quoting", "cited", "citing"})


def _names_before_work(judge: _Judge, index: int) -> bool:
    """Whether a piece of work follows a list of names that tokens[index] is in: "the Roper, Logan and
    Tierney model"."""
    tokens = judge.tokens
    at = index + 1
    while at < len(tokens) and at - index < 6:
        token = tokens[at]
        if token.lower in vocab.WORK_WORDS:
            return True
        if not (token.capitalised or token.lower in ("and", "&")):
            return False
        at += 1
    return False


def _gaelic_name_acting(judge: _Judge, index: int) -> bool:
    """A word with a Gaelic grave accent starting a sentence, with a verb of a person after it ("Dòmhnall
    prefers ..."): mid-sentence such a word is taken for a name anyway (is_clear_name)."""
    token = judge.tokens[index]
    if not token.line_start or not _GAELIC_ACCENTS.intersection(token.text) or token.lower in vocab.GAELIC_WORDS:
        return False
    nxt = judge.tokens[index + 1] if index + 1 < len(judge.tokens) else None
    return (
        nxt is not None
        and nxt.text.islower()
        and (judge.verb_follows(index) or (nxt.text.endswith("s") and nxt.lower not in vocab.FUNCTION_WORDS))
    )


def _cited_author_alone(judge: _Judge, index: int) -> bool:
    """A cited author's surname with what they did as an author after it ("Rogers wrote about ..."), or listed
    with another cited author ("Rogers, Maslow, Kitwood: all the usual names")."""
    tokens = judge.tokens
    token = tokens[index]
    if token.lower not in vocab.CITED_AUTHORS:
        return False
    nxt = tokens[index + 1] if index + 1 < len(tokens) else None
    if nxt is not None and nxt.lower in vocab.AS_AUTHOR_VERBS and token.followed_by_space:
        return True
    for at in (index - 2, index - 1, index + 1, index + 2):
        if 0 <= at < len(tokens) and at != index and tokens[at].lower in vocab.CITED_AUTHORS and tokens[at].capitalised:
            between = judge.text[tokens[min(at, index)].end : tokens[max(at, index)].start].strip()
            if between in (",", "and", "&", ", and"):
                return True
    return False


def _first_of_names(judge: _Judge, first: int) -> int:
    """The first of the names listed with tokens[first] ("Rolfe, Freshwater and Jasper", "John McKnight and
    Jody Kretzmann"), or ``first`` when it is not in such a list."""
    tokens = judge.tokens
    lead = first
    while lead >= 2:
        joint = tokens[lead - 1]
        gap = judge.text[tokens[lead - 2].end : joint.start] if joint.lower in ("and", "&") else None
        if gap is not None and gap.strip() in ("", ","):
            end = lead - 2  # "... Shand and Lulu"
        elif judge.text[tokens[lead - 1].end : tokens[lead].start].strip() == "," and tokens[lead - 1].capitalised:
            end = lead - 1  # "Rolfe, Freshwater"
        else:
            break
        start = end
        while start > 0 and tokens[start - 1].capitalised and tokens[start - 1].followed_by_space and end - start < 2:
            start -= 1
        if not tokens[end].capitalised or tokens[start].line_start:
            break
        lead = start
    return lead


def _titles_a_work(judge: _Judge, last: int) -> bool:
    """Whether tokens[last], a possessive, starts the title of a song, a show or a place: a capitalised
    common word follows it that is no name and no family ("Mairi's Wedding", "Mrs Brown's Boys"; but
    "Jamie's Mum")."""
    tokens = judge.tokens
    if not tokens[last].possessive or last + 1 >= len(tokens):
        return False
    nxt = tokens[last + 1]
    return (
        nxt.capitalised
        and not nxt.caseless
        and not nxt.line_start
        and judge.text[tokens[last].end : nxt.start] in ("'s ", "’s ")
        and any(form in wordlists.common_words() for form in vocab.singulars(nxt.lower))
        and nxt.text not in judge.first
        and nxt.text not in judge.ambiguous
        and nxt.text not in wordlists.surnames()
        and not any(form in vocab.KIN_WORDS for form in vocab.singulars(nxt.lower))  # "Jamie's Mum"
    )


def _is_full_name(judge: _Judge, first: int, last: int) -> bool:
    """Whether tokens[first..last], two words or more, are a person's first name and surname."""
    words = judge.tokens[first : last + 1]
    head, rest = words[0], words[1:]
    if judge.is_clear_name(head):  # "Moira Hamilton", "Margaret Sinclair", "Ewan McGregor"
        return all(judge.may_follow_a_first_name(t) for t in rest)
    if not (judge.is_ambiguous_name(head) or judge.is_unknown_word(head)):
        return False
    # "Grace Sinclair", "Will McLean"; but "June Stirling", "Hope Park": a month, a place.
    surname_anyway = {t.start for t in rest if judge.is_mac_surname(t) or judge.is_cited_surname(t)}
    if any(judge.is_not_a_person_word(t) and t.start not in surname_anyway for t in rest):
        return False
    last_word = words[-1]
    return (
        judge.is_surname(last_word)
        or judge.is_mac_surname(last_word)
        or judge.is_clear_name(words[1])
        or judge.shows_a_person(first, last)
    )


def find_names(text: str, allowed_names: Iterable[str] = ()) -> list[Span]:
    """People's names in the text, each with a neutral replacement ("Mrs A", "Person B")."""
    judge = _Judge(text, allowed_names)
    people = _titled(judge)
    covered = {t.start for person in people for t in person.words}
    titles = {person.title.start for person in people if person.title is not None}
    for first, last in _runs(judge):
        if any(judge.tokens[i].start in covered or judge.tokens[i].start in titles for i in range(first, last + 1)):
            continue
        words = _judge_run(judge, first, last)
        if words:
            people.append(_Person(tuple(words)))
            covered.update(t.start for t in words)
    people += _lower_case(judge, covered | titles)
    people = [p for p in people if not judge.is_allowed(p.words)]
    if any(p.initial for p in people) and _letters_are_invented(judge):
        people = [p for p in people if not p.initial]
    people += _repeated(judge, [p for p in people if not p.initial], covered | titles)
    return _spans(people)


def _letters_are_invented(judge: _Judge) -> bool:
    """Whether the single letters that stand for people run A, B, C ... in the order they first appear.

    That is how badgekit's own replacements are lettered ("Mrs A", "Person B", "Auntie C"), and
    letters given in that order are plainly made up rather than someone's real initial, so a
    redacted copy passes the screen it came from; "Mrs K" on its own is still asked about."""
    seen: list[str] = []
    tokens = judge.tokens
    for index, token in enumerate(tokens[1:], start=1):
        letter = token.text
        if len(letter) != 1 or not letter.isupper() or letter in seen:
            continue
        lead = tokens[index - 1].lower
        if lead not in vocab.TITLES and lead not in vocab.KIN_TITLES and lead not in _PLACEHOLDER_LEADS:
            continue
        if letter != _letter(len(seen)):
            return False
        seen.append(letter)
    return bool(seen)


#: Words badgekit puts before a letter that stands for a person, besides titles.
_PLACEHOLDER_LEADS = frozenset({"person", "wee", "big"})


def _lower_case(judge: _Judge, covered: set[int]) -> list[_Person]:
    """Names written in lower case: "callum fraser", "took agnieszka to", "morag was".

    A lower-case word is a name when, written as a name, it is a given name in no list of
    words ("agnieszka", "morag"), or a given name that is also a word ("rose", "jean") with
    signs of a person around it; a lower-case surname after it joins it ("callum fraser").
    """
    tokens = judge.tokens
    common = wordlists.common_words()
    found: list[_Person] = []
    verdicts: dict[str, int] = {}  # word -> 0: never a name, 1: a name, 2: a name only with signs of a person
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        word = token.text
        if token.start in covered or token.masked or len(word) < 3 or not word.islower():
            continue
        if judge.word_before(index - 1) in _DETERMINERS:  # "the telly", "a bobby": a thing
            continue
        verdict = verdicts.get(word)
        if verdict is None:
            verdict = verdicts[word] = _lower_case_verdict(judge, word, common)
        if verdict == 0:
            continue
        words = [token]
        nxt = tokens[index] if index < len(tokens) else None
        surname = nxt is not None and token.followed_by_space and _is_lower_surname(nxt, common)
        # "rose campbell", "bobby mcintyre": a given name that is also a word, with a surname after it
        if verdict == 2 and not surname and not judge.shows_a_person(index - 1):
            continue
        if surname and nxt is not None:
            words.append(nxt)
            index += 1
        found.append(_Person(tuple(words)))
    return found


def _is_lower_surname(token: Token, common: wordlists.WordList) -> bool:
    """A surname in lower case that is no common word: "fraser", "mcintyre", "macleod"."""
    word = token.text
    if not word.islower() or word in common:
        return False
    if title_case(word) in wordlists.surnames() or (word.startswith("mc") and len(word) > 4):
        return True
    rest = word[3:].capitalize()  # "macpherson" as "MacPherson", or Mac and a given name ("macdonald")
    surnames = wordlists.surnames()
    return word.startswith("mac") and ("Mac" + rest in surnames or rest in surnames or rest in wordlists.first_names())


def _lower_case_verdict(judge: _Judge, word: str, common: wordlists.WordList) -> int:
    """Whether a lower-case word is a given name: 0 never, 1 yes, 2 only with signs of a person."""
    if word in vocab.FUNCTION_WORDS or word in vocab.PLACES or word in vocab.MONTHS or word in vocab.DAYS:
        return 0
    if word in vocab.EVERYDAY_WORDS:  # "the telly": a word, though someone somewhere has it as a name
        return 0
    name = title_case(word) if "-" in word or "'" in word or "’" in word else word.capitalize()
    if name not in judge.first:
        parts = name.split("-")
        # "mhairi-claire": a double-barrelled given name, each part one.
        return 1 if len(parts) > 1 and all(part in judge.first for part in parts) else 0
    if any(form in common for form in vocab.singulars(word)):  # "mills", "roses"
        return 0
    if any(form in vocab.PEOPLE_WORDS for form in vocab.singulars(word)):
        return 0
    return 2 if name in judge.name_words else 1


def _repeated(judge: _Judge, people: list[_Person], covered: set[int]) -> list[_Person]:
    """Other capitalised uses of a word already found as a name ("Mrs Smith" ... "Smith said")."""
    known = {t.text for person in people for t in person.words if not _INITIAL.get().match(t.text)}
    more: list[_Person] = []
    for index, token in enumerate(judge.tokens):
        if token.start in covered or token.text not in known or not token.capitalised:
            continue
        if token.masked or judge.is_citation(index, index) or judge.place_in_context(index):
            continue
        if judge.cited_elsewhere(token):
            continue
        if token.line_start and token.text in judge.ambiguous and (not _acts(judge, index) or judge.is_thing(index)):
            continue  # "Will, who is 12" ... "Will this help?"; but "Will is doing fine", "Tam handed it over"
        nxt = judge.tokens[index + 1] if index + 1 < len(judge.tokens) else None
        if token.followed_by_space and nxt is not None and nxt.lower in vocab.ORGANISATION_WORDS:
            continue
        more.append(_Person((token,)))
    return more


def _acts(judge: _Judge, index: int) -> bool:
    """Whether tokens[index] is followed by a verb of its own: "is", "was", "has", "had", or one a person does."""
    nxt = judge.tokens[index + 1] if index + 1 < len(judge.tokens) else None
    return nxt is not None and (nxt.lower in ("is", "was", "has", "had") or judge.verb_follows(index))


def _spans(people: list[_Person]) -> list[Span]:
    """One span per mention; the same person (by surname, else by given name) keeps one letter."""
    letters: dict[str, str] = {}
    found: list[Span] = []
    for person in sorted(people, key=lambda p: p.words[0].start):
        if person.initial:
            keys = [f"{person.words[0].text}."]  # "Mrs K" and "Mrs K." are one person; not the same as "Kay"
        else:
            keys = [t.lower for t in person.words if not _INITIAL.get().match(t.text)]
        letter = next((letters[k] for k in reversed(keys) if k in letters), None)
        if letter is None:
            used = set(letters.values())
            number = len(used)
            letter = _letter(number)
            while person.initial and letter == person.words[0].text:  # not the initial it replaces
                number += 1
                letter = _letter(number)
        for key in keys:
            letters.setdefault(key, letter)
        start = person.title.start if person.title is not None else person.words[0].start
        end = person.words[-1].end
        if person.title is not None:
            title = person.title.text
            suggestion = f"{title[:1].upper()}{title[1:]} {letter}"
        elif person.kin_title:
            suggestion = letter
        else:
            suggestion = f"Person {letter}"
        found.append(span(start, end, "initial" if person.initial else "name", suggestion))
    return found


def _letter(number: int) -> str:
    """A, B, ... Z, then AA, AB, ..."""
    letters = ""
    number += 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
