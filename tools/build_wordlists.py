"""Rebuild the word lists in ``data/`` from maintained libraries (for maintainers, never run by badgekit).

badgekit ships the lists as plain text so that a check loads them in a millisecond or
two with no dependency: importing Faker alone takes a third of a second. Run this when
Faker publishes new names, in an environment holding the three libraries it reads:

    pip install faker english-words wordfreq
    python tools/build_wordlists.py

- first names and surnames: every Latin-script locale of Faker's person provider
  (given names from 80 locales, which is what makes the list fit Scotland's people),
  plus the Scottish and other names in ``EXTRA_FIRST_NAMES`` Faker lacks;
- common words: lower-case entries of the Webster's word list in ``english-words``
  that ``wordfreq`` rates as common (Zipf frequency 3 or more: about once in 10,000
  words of English);
- a first name that is also a common word, a month or a place ("Will", "May",
  "Angus") goes to ``ambiguous_names.txt``: the detectors then want more than a
  capital letter before they call it a name. ``NAME_FIRST`` lists the ones that are
  names far more often than words in care writing ("Jean", "Kyle", "Rose").
- ``name_words.txt``: the given names of ``first_names.txt`` that are also everyday
  English words (``WORD_NAMES``, checked against the Webster's list: "rose", "carol",
  "robin"), so that a word written in lower case, or a plant at the start of a
  sentence, is not taken for a name when it is a word. The list is chosen by hand:
  word frequencies count "amy" and "alan" as common because people are called that.

data/SOURCES.md records the versions the shipped lists were built from, their licences
and their checksums; update it (the script prints the checksums) whenever you rebuild.

It also writes ``wordlists.index``: every sixteenth word of each list and where it
starts, so that a check splits only the parts of a list it asks about (see
badgekit.privacy.wordlists). ``python tools/build_wordlists.py --index`` rewrites only
the index, from the lists as they are, and needs none of the three libraries.
"""

from __future__ import annotations

import hashlib
import importlib
import marshal
import re
import sys
from pathlib import Path
from typing import Any

from badgekit.privacy.vocabulary import DAYS, FUNCTION_WORDS, MONTHS, PLACES
from badgekit.privacy.wordlists import INDEX_FILE, fences

DATA = Path(__file__).resolve().parent.parent / "src" / "badgekit" / "privacy" / "data"
_LATIN_NAME = re.compile(r"^(?:Ma?c|O')?[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+(?:-[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+)?$")
COMMON_ZIPF = 3.0

EXTRA_FIRST_NAMES = """
Ailsa Eilidh Morag Mhairi Seonaid Ruaridh Ruairidh Ruaraidh Struan Oliwia Senga Alasdair Alastair Rab Tam
Wullie Jock Finlay Maisie Wiktoria Ionut Sana Chidi Tunde Wei Mei Catriona Kirsty Kirstie Lorna Rhona Shona
Morven Eilish Ciara Niamh Aoife Saoirse Oisin Cillian Tadhg Calum Callum Ewan Euan Murdo Hamish Fergus
Lachlan Innes Gregor Torquil Dougie Davie Shug Kenny Stevie Agnes Isobel Jessie Jeannie Nessa Sheena Ishbel
Elspeth Euphemia Effie Kenna Kenzie Mackenzie Lexie Lexi Orla Aila Rhianna Brodie Kayden Jaxon Jayden Kacper
Jakub Szymon Zuzanna Zofia Maja Natalia Gabriela Mateusz Dawid Bartosz Łukasz Paweł Marek Grzegorz Andrzej
Wojciech Dariusz Mohammed Mohammad Muhammad Ahmed Ali Omar Yusuf Ibrahim Zainab Fatima Aisha Ayesha Maryam
Hira Noor Amna Bilal Usman Hamza Zain Rayan Ayaan Aryan Priya Anjali Deepa Ravi Raj Sunil Anil Kwame Kofi
Chiamaka Ngozi Emeka Bola Segun Femi Abena Xin Hui Ling Jamie Kai Leo Freya Isla Ava Mia Harris Rory Archie
Alfie Reuben Orlaith Mairi Kyla Cerys Carys Skye Iona Robbie Scott Ross Craig Grant Blair Stuart Stewart
Lewis Fraser Murray Gordon Douglas Duncan Angus Malcolm Kenneth Donald Neil Iain Ian Graeme Gillian Ishbel
Wilma Senga Jaqueline Bernadette Tracey Stacey Leanne Lynne Nicola Gail Gayle Lesley Lyndsey Jolene Keira
Kirsteen Kirstin Kirsten Kirstine Morag Mòrag Màiri Seònaid Ealasaid Catrìona Ciorstaidh Dòmhnall Tòmas Eòghann
Ìomhar Ùisdean Somhairle Raonaid Oighrig Peigi Sìne Seumas Coinneach Iseabail Beathag Fionnlagh Dolina Murdina
Lachie Ruaraidh Ruairi Ruaridh Netta Nettie Jinty Sadie Isa Nessie Teenie Bunty Jeanie Chrissie Chrissy Sheona
Sheonagh Shug Shuggie Shuggy Wullie Rabbie Boab Eck Eckie Dod Dodie Geordie Hughie Sannie Wattie Fergie Lizzie
Babs Mags Jessie Jemima Ishbel Lilias Grizel Marsaili Annag Ailig Aonghas Calum Dùghall Niall Tormod Uilleam
"""

#: Scottish surnames that Faker's locales lack, so that "Moira Dunlop" is a full name.
EXTRA_SURNAMES = """
Dunlop Lamont Laing Baird Drummond Nisbet Cairns Imrie Urquhart Greig Ogilvie Rennie Findlay Geddes Sime Soutar
Strachan Wylie Yule Haggerty Hendry Kinnear Pollock Rankin Fairbairn Laidlaw Rutherford Turnbull Brodie Innes
Lobban Mowat Flett Sclater Rendall Shearer Tulloch Manson Halcrow Leask Linklater Isbister Nicolson Matheson
MacAskill MacIver Macrae MacRitchie MacKinnon Beaton Gunn Bain Mair Dey Coull Dow Cowan Barr Tait Lennox Napier
Jardine Galbraith McPhee McNeil McAulay MacAulay Docherty Doherty McGuigan Gallacher Gillies Kirkpatrick Crichton
Dalgleish Duthie Fyfe Gillespie Hislop Kilpatrick Lumsden McGowan McLaren Meikle Murdoch Orr Pringle Tennant
Weir Wishart Aitken Mackie Ritchie Milne Cruickshank Sangster Bremner Robb Shand Gauld Massie Mearns Rattray
"""

#: Names that are also common words, months or places, but are names far more often in care writing.
NAME_FIRST = """
Peter Tom Mike Joe Mary Martin Henry Harry Ben Tony Sam Bob Nick Kim Dan Eric Luke Jeff Alan Kelly Jimmy Jane
Roger Anna Walter Jean Josh Ann Maria Billy Rick Graham Larry Ted Jerry Barry Terry Steven Laura Carl Emma Amy
Jake Tommy Benjamin Vincent Nancy Kyle Pete Ralph Colin Lucy Ruth Marc Jo Travis Caroline Seth Marco Joey Betty
Willie Jenny Beth Brett Kerry Timothy Pablo Allan Alison Rita Pedro Rory Irene Sophia Toby Rodney Otto Alec
Elaine Tiffany Hanna Peggy Hector Amelia Jenna Ava Nicky Derrick Phoebe Abigail Tammy Gemma Ethel Colleen Cassie
Camilla Madeline Tamara Josie Erika Hamza Mollie Arjun Amir Hasan Kai Maya Molly Jess Sally Lily Ruby Sonny
Sammy Benny Bobby Cal Jed Zac Zak Rufus Milo Clive Neal Noel Mae Basil Dolly Lulu Stella Vera Flora Iris Heather
Holly Daisy Rosemary Hazel Ivy Violet Poppy Jasmine Pearl Jade Dawn Rose Sue Pat Ray Ken Guy Dean Rob Jack
Robin Wade Penny Carol Kyle Ross Kelvin Glen Don Ian Doug Dougie Lewis Harris Rory Isla Iona Skye Fraser Murray
Douglas Gordon Duncan Malcolm Craig Scott Stewart Stuart Blair Grant
"""

#: Given names that are also everyday words ("don your gloves", "I ken", "gut flora").
WORD_NAMES = """
Basil Bob Bobby Billy Carol Daisy Dawn Dean Dolly Don Flora Glen Grant Guy Hazel Heather Holly Iris Ivy Jack
Jade Jasmine Kelvin Ken Lily Nick Noel Pat Pearl Penny Poppy Ray Rob Robin Rose Rosemary Ruby Sally Sue Terry
Violet Wade Myrtle Fern Willow Saffron Amber Crystal Summer Autumn Sky Brook Chase Hunter Mason Cole Drew
Frank Sandy Cliff Dale Heath Lance Miles Rusty Sunny Sonny Melody Harmony Misty Bunny Ginger Olive Clay
"""

#: Words in Faker's name lists that, in care writing, are far more often something else:
#: faiths, nationalities, places, brands, festivals and abbreviations.
NOT_NAMES = """
French Danish Roman Christian Christ Jesus Muslim Baptist Messiah Ramadan Georgian Philippine Nazi Santa Lies
Ties Banks Wells Burns Le Del Von Vi Ab Ed Metro Ninja Indie Uni Thor Apollo Venus Caesar Mars Isis Washington
Texas Angeles Rome Columbia Arizona Atlanta Indiana Missouri Alabama Denver Tennessee Louisiana Madison Richmond
Holland Milan Orlando Nevada Columbus Hudson Adelaide Stanford Mercedes Rico Rica Venice Memphis Alberta
Paulo Kingston Versa Salvador Mayo Porsche Trinidad Valencia Savannah Nile Bedford Imo Ants Brooklyn Chelsea
Florida Houston Dallas Melbourne Cleveland Francisco Diego Arlington Sim Santiago Valves Raleigh Erie Pleas
Sayin Fella Oman Ceylon Crete Taurus Bama Thi Aud Verona Tre Ott Ita Ima Toms Macs Fema Asu Vide Edu Ine Ove
Sil Ell Obe Ota Ange Buena Belo Boe Elba Paz Mont Reno Dayton Albion Avon Alta Terra Verde Vega Magna Maj Ver
Irl Ib Ibn Nas Cas Wm Lexus Chanel Loyola Odessa Seneca Cicero Dries Santo Santos Carmel Bergen Lenin Saddam
Hitler Adolf Osama Kanye Beyonce Rihanna Shakira Cristiano Ronaldo Elvis Madonna Eden Trinity Zion Genesis
Hermes Loki Odin Athena Hera Ares Orion Juno Jupiter Neptune Pluto Saturn Gemini Aries Libra Virgo Scorpio
Capricorn Aquarius Pisces Rainbow Bible Koran Quran Eid Diwali Easter Christmas Hogmanay Advent Lent Pentecost
Sikh Hindu Jewish Catholic Protestant Methodist Anglican Buddhist Asian African Polish Romanian Scottish Irish
Welsh English British Gaelic Doric Scots
"""


def _module(name: str) -> Any:
    return importlib.import_module(name)


def _faker_names(attributes: tuple[str, ...]) -> set[str]:
    person = _module("faker.providers.person")
    folder = Path(person.__file__).parent
    found: set[str] = set()
    for locale in sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith("_")):
        provider = _module(f"faker.providers.person.{locale}").Provider
        for attribute in attributes:
            for klass in provider.__mro__:
                value = klass.__dict__.get(attribute)
                if isinstance(value, (list, tuple, dict, set, frozenset)):
                    found.update(str(name) for name in value)
                    break
    return {name for name in found if _LATIN_NAME.match(name)}


def build() -> dict[str, list[str]]:
    wordfreq = _module("wordfreq")
    english = _module("english_words").get_english_words_set(["web2"], lower=False, alpha=True)
    common = {w for w in english if w.islower() and len(w) > 1 and wordfreq.zipf_frequency(w, "en") >= COMMON_ZIPF}
    common |= FUNCTION_WORDS
    first = _faker_names(("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"))
    first |= set(EXTRA_FIRST_NAMES.split())
    surnames = _faker_names(("last_names",)) | set(EXTRA_SURNAMES.split())
    name_first = set(NAME_FIRST.split())
    not_plain = common | MONTHS | DAYS | PLACES
    not_names = set(NOT_NAMES.split())
    ambiguous = {n for n in first if (n.lower() in not_plain and n not in name_first) or n in not_names}
    clear = first - ambiguous
    common_words = common - {n.lower() for n in clear}
    words = {w for w in english if w.islower()}
    name_words = {n for n in clear if n in set(WORD_NAMES.split()) and n.lower() in words}
    return {
        "name_words.txt": sorted(name_words),
        "first_names.txt": sorted(clear),
        "ambiguous_names.txt": sorted(ambiguous),
        "surnames.txt": sorted(surnames),
        "common_words.txt": sorted(common_words),
    }


def index() -> bytes:
    """The index of every list in data/: its length in bytes, every sixteenth word and where each starts."""
    lists = {path.name: path.read_bytes() for path in sorted(DATA.glob("*.txt"))}
    return marshal.dumps({name: (len(raw), *fences(raw)) for name, raw in lists.items()}, 4)


def main() -> None:
    if sys.argv[1:] != ["--index"]:
        for name, words in build().items():
            data = ("\n".join(words) + "\n").encode("utf-8")
            (DATA / name).write_bytes(data)
            print(f"{name}: {len(words):,} entries, sha256 {hashlib.sha256(data).hexdigest()}")
    (DATA / INDEX_FILE).write_bytes(index())
    print(f"{INDEX_FILE}: written")


if __name__ == "__main__":
    main()
