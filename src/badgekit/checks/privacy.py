"""Privacy (BK3xx): anything in the statement that could identify a person.

SSSC declines evidence that could identify anyone, and published evidence is public.
The detectors live in badgekit.privacy; this module reports what they find, one rule
per kind of detail, so that each can be selected, ignored or silenced on its own line
(by a comment that names its code or ``BK3``: a bare ``ignore`` leaves privacy findings in).
The text is screened once per statement (front matter, the badge's declaration and
badgekit's comments left out) and the spans are shared by every rule here.

Names given with ``--allow-name`` and the badge's ``resource_people`` are never
reported. Messages never repeat the detail itself: a report is often pasted or shared.
The sixteen rules differ only in the kind of detail they report, their wording and
their examples, so they are declared as one table and registered in a loop.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from badgekit.checks.model import CheckContext, CheckFunction, Example, Finding
from badgekit.checks.registry import rule
from badgekit.privacy.spans import KINDS, Kind, Span

_SHARED_KEY = "privacy"


def _spans(context: CheckContext) -> list[Span]:
    cached = context.shared.get(_SHARED_KEY)
    if cached is None:
        from badgekit.privacy import screen

        cached = screen(context.statement.learner, context.allowed_names)
        context.shared[_SHARED_KEY] = cached
    return list(cached)


def _checker(kind: Kind, message: str) -> CheckFunction:
    """The check function of the rule for one kind of detail."""

    def check(context: CheckContext) -> Iterator[Finding]:
        for found in _spans(context):
            if found.kind == kind:
                text = message.format(suggestion=found.suggestion)
                yield context.report(found.start, found.end, text, suggestion=found.suggestion, severity=found.severity)

    return check


@dataclass(frozen=True)
class PrivacyRule:
    """One rule of the family: code, name, the kind of detail it reports, its wording and examples."""

    code: str
    name: str
    kind: Kind
    summary: str
    message: str  # one sentence; "{suggestion}" becomes the finding's suggestion
    triggers: tuple[Example | str, ...]
    clean: tuple[Example | str, ...]


RULES: tuple[PrivacyRule, ...] = (
    PrivacyRule(
        "BK301",
        "person-name",
        "name",
        "A person's name: a title and surname, a full name, or a first name used for someone.",
        "This looks like a person's name: use a role or an initial such as '{suggestion}' instead "
        "(for a cited author or a presenter, use --allow-name).",
        triggers=(
            "I supported Mrs O'Brien to plan her week.",
            "Jamie, who is 12, told me he felt nobody listened.",
            "Priya's dad phoned to say she would be late.",
            "During the handover I noticed that Callum Fraser had not eaten.",
            "A young man called Oluwaseun started with us in March.",
            "I supported Margaret Sinclair at home, and Moira Hamilton's daughter visited.",
            "Ewan McGregor came to the group, and Carers told us he enjoyed it.",
            "My colleague Sam said it was fine. <!-- badgekit: ignore -->",
            "When the fire alarm went off DEAN panicked, and later bobby mcintyre refused his tea.",
            "The boys call him Big Malky, and Mr Stirling from the next flat agreed.",
            "Joy later told me she felt listened to, and Oksana and her son came to the drop-in.",
            "I phoned Wren, his sister, and it was jade's birthday on the friday.",
            "Nobody had signed. Bill, the manager, ran the debrief, and Dawn is our night senior.",
            "Rowan, who's been with us two years, was anxious. I'm learning to trust Will. Will is doing fine.",
            "Rowan has been finding school hard. Mark was leaving early, so I stayed on.",
            "I listened to Mrs Jean Smith, watched Callum Fraser eat, and played Jamie Reid's favourite songs.",
            "Following Mrs Smith's fall, a report by John Smith's social worker came. I read Amy Reid a story.",
            "Hope came to us at fourteen. Hope doesn't trust adults and I don't blame her.",
            "She said, 'Rahaf is my name.' Jack said one thing, Bill said another, and wee tam wis buzzin.",
            "Bridgie Ward's family are Travellers.",
            "Dòmhnall prefers to speak Gaelic first thing.",
            "Faith, one of the staff nurses, showed me how to do mouth care.",
            "I supported June to plan her outing. Mark from the night shift told me. Me an May took her back.",
        ),
        clean=(
            "Using Gibbs' reflective cycle (1988) and Kolb's (1984) model helped me. Bandura (1977) agrees.",
            "Schön's reflective practitioner describes what I do. (Bowlby, 1969; Ainsworth, 1978)",
            "We work with the Care Inspectorate, Barnardo's and Simon Community Scotland in Fife and Angus.",
            "In May my line manager and the young person met the Team Leader on Monday.",
            "Will this approach work for everyone? Grace under pressure is something I have worked on.",
            Example("In the video, Alexander Warren talks about labels.", allowed_names=("Alexander Warren",)),
            Example(
                "In the video, Alexander Warren talks about labels and Steve Coulson about leadership.",
                badge="thing-19-citizen-leadership",
            ),
            "Mrs Adams, our trainer, showed us the model. <!-- badgekit: ignore BK301 -->",
            "Carers told us the beds were full. Nurses asked me to help, and Dad told me he was proud.",
            "Ruth Sinclair's research and Douglas McGregor's Theory X helped. We met in Hamilton and Paisley.",
            "Mr Lennox, our trainer, showed us the model. <!-- badgekit: ignore BK3 -->",
            "The wee lassie next door loved Mr Men books, and Katie Morag and Julia Donaldson stories.",
            "Holly, ivy and pine cones made the wreaths. Ivy was jaggy. Violet and purple were the colours.",
            "Rogers talks about positive regard. The cèilidh and the Fèis came, and Maggie's helped.",
            "Dawn was just breaking. Hazel and willow sticks made the den, and Bella the cat slept.",
            "Saint Valentine's Day cards were made. Maya Angelou said it, and like Rogers I agree.",
            "Mairi's Wedding was the last dance, and Mr Bean's Holiday was on the telly.",
            "Pat yourself on the back, as the penny dropped for me. Jack of all trades is what this job is.",
            "Heather, gorse and bracken line the path. Dawn is when most seizures happen, so I'm up early.",
            "Rogers' core conditions guide me, and Rogers gives me the attitude. Reading Brown, I saw it too.",
            "Judith Herman's stages and the emotion coaching approach from John Gottman and Louise Gilbert help me.",
            "We saw Mrs Doubtfire, sang along to Jimmy Shand and Lulu, and Sir Alex Ferguson was on at Christmas.",
            "Our team works across Mull, Iona and Lismore, and Joan Murphy, who developed Talking Mats, trained us.",
            "I have read Karen Treisman's A Treasure Box, and we use the Roper, Logan and Tierney model.",
            "A ray of hope: Hunter wellies from Tesco and the Red Cross, and Billy Connolly on the telly.",
            "Rogers wrote about regard; Rogers, Maslow and Kitwood are the usual names. Hunter green was best.",
            "Holly, mistletoe and tinsel were everywhere. Dawn is often the hardest time in a CHAS hospice.",
            "Lewis and Harris are joined, and the Caird Hall drop-in is busy. Thats what a took fae the training.",
            "A young person messaged someone on Snapchat who said he was 16. nae body should be left like that.",
            "Christmas Eve was quiet; Dr Gray's in Elgin called, and the wee telly and a wee Makaton sign helped.",
            "Mum had just been diagnosed with MS. I organised an assessment after a near miss I reported.",
            "The work of Juliet Robertson on outdoor learning helps. Baxters in Fochabers gave us a tour.",
        ),
    ),
    PrivacyRule(
        "BK302",
        "email-address",
        "email",
        "An email address.",
        "This is an email address: remove it, as published evidence is public.",
        triggers=("I emailed the plan to jean.smith@example.co.uk before the meeting.",),
        clean=("I emailed the plan to the family before the meeting, at their request.",),
    ),
    PrivacyRule(
        "BK303",
        "phone-number",
        "phone",
        "A phone number, mobile or landline, UK or international, in any common format.",
        "This looks like a phone number: remove it, as published evidence is public.",
        triggers=(
            "His mobile is 07700 900123 and he prefers a text.",
            "His mobile is 07700 900123. <!-- badgekit: ignore -->",
            "The family's landline is 0131 496 0000.",
            "Her son is on +44 (0)7700 900 987.",
            "She left it as 07700 nine double oh four five six.",
            "Reach him on WhatsApp on +44 7700 900981.",
        ),
        clean=(
            "We supported 120 people in 2023 and met from 09:30 to 12:00. Call 999 or NHS 24 on 111.",
            "Breathing Space is on 0800 83 85 87 and Childline's number is 0800 1111: helplines, not people.",
        ),
    ),
    PrivacyRule(
        "BK304",
        "postcode",
        "postcode",
        "A full postcode, which can point to a single home.",
        "This is a full postcode, which can point to one home: remove it or name only the town.",
        triggers=("The new flat is near the shops at EH6 7QR.", "I typed g428ab into the map."),
        clean=("Our service covers Edinburgh, East Lothian and Midlothian.", "S3 pupils volunteer with us."),
    ),
    PrivacyRule(
        "BK305",
        "postcode-district",
        "postcode-district",
        "A postcode district (the first half of a postcode) used to say where someone lives.",
        "This postcode district narrows down where someone lives: consider naming only the town or region.",
        triggers=(
            "Most of the families we support live in EH6.",
            "Transport from the G42 area is difficult.",
            "He is the only wheelchair user in the whole of ZE2.",
            "He moved into ML3 last month.",
        ),
        clean=("The M8 makes the commute slow and S3 pupils volunteer with us.", "Rule BK301 is about names."),
    ),
    PrivacyRule(
        "BK306",
        "street-address",
        "address",
        "A street address: a house number and street, a flat number, or a named home.",
        "This looks like a street address: remove it, or describe the place in general terms such as 'her flat'.",
        triggers=(
            "He lives at 12 Leith Walk with his partner.",
            "Her flat is at 3/2, 45 Easter Road.",
            "We moved him to Flat 4, Rosebank Court in the spring.",
            "She lives at Ivy Cottage at the end of the farm road.",
            "She lives alone at Craigview Cottage.",
            "first call of the day is at 8 braeside rd, shes 4 calls a day",
        ),
        clean=("We completed the 12 Steps programme and held 3 Team meetings.", "He lives in a tenement flat."),
    ),
    PrivacyRule(
        "BK307",
        "date-of-birth",
        "date-of-birth",
        "A date of birth or a birthday, in any common format.",
        "This is a date of birth: remove it, or give an age range such as 'in her eighties' if age matters.",
        triggers=(
            "Her file showed DOB 03/07/1940.",
            "He was born on 14.2.09 and started nursery at three.",
            "Her birthday is on 22 November.",
            "Her bday's 14/09, so we planned a trip.",
            "I brought my notes on Kacper (04/11/2015) to the review.",
            "The file had his date of birth down wrong. It's actually 12/07/1948.",
            "| Name | Jo | | DOB | 02/02/2016 |",
            "The date of birth was copied wrong on the referral. I checked with the GP: it should be 03/11/1941.",
        ),
        clean=("On 12 March 2024 we held our first team meeting, and on 3/4/24 the review took place.",),
    ),
    PrivacyRule(
        "BK308",
        "age-with-name",
        "age",
        "An exact age given next to a person's name, or beside a place that points to one person.",
        "An exact age next to a name helps identify the person: remove the name, or give a range such as 'a teenager'.",
        triggers=(
            "Jamie, who is 12, told me he felt unheard.",
            "When 14-year-old Ellie arrived she was upset.",
            "He's 81 and the only person in Ardgay on home dialysis.",
            "A woman of 67 near Durness who has Parkinson's relies on one carer.",
            "The referral was for a 44-year-old woman with MS living in the IV27 area.",
        ),
        clean=(
            "A 12-year-old boy and a woman of 84 both used the service.",
            "Many people in Glasgow with dementia are 80 or over, and the bus is two hours away.",
        ),
    ),
    PrivacyRule(
        "BK309",
        "chi-number",
        "chi",
        "A CHI number: ten digits starting with a date of birth, spaced or not.",
        "This looks like a CHI number (it starts with a date of birth): remove it.",
        triggers=("I wrote her CHI 0307401234 on the form.", "The letter quoted 150 682 1234."),
        clean=("Over 2019-2023 we held 48 sessions with 1,024 attendances.",),
    ),
    PrivacyRule(
        "BK310",
        "nhs-number",
        "nhs",
        "An NHS number: ten digits with a valid check digit, or after the words 'NHS number'.",
        "This looks like an NHS number: remove it.",
        triggers=(
            "Her NHS number 943 476 5919 was copied into the plan.",
            "NHS number: 485 777 3457.",
            "She still had an English NHS number, 485 777 3456, on file.",
            "The letter had the wrong NHS number on it, 999 482 1137.",
            "The form asked for the NHS number, which I copied from the letter: 999 412 7730.",
        ),
        clean=("Call NHS 24 on 111 when the surgery is closed.",),
    ),
    PrivacyRule(
        "BK311",
        "national-insurance-number",
        "ni",
        "A National Insurance number, with or without spaces.",
        "This looks like a National Insurance number: remove it.",
        triggers=(
            "His National Insurance number (QQ 12 34 56 C) was on the form.",
            "The page showed AB123456C.",
            "National insurance: qq-65-43-21-d, and her NI no. is Qq 99 88 77 b.",
        ),
        clean=("The charity SC012345 funds the project, and SCQF level 7 is the award's level.",),
    ),
    PrivacyRule(
        "BK312",
        "reference-number",
        "reference",
        "A case, client or record number, or another long number that may identify someone.",
        "This number may be a case or record reference that identifies someone: remove it unless it is not about "
        "a person.",
        triggers=(
            "The case reference 2023/004517 is on every letter.",
            "She kept repeating 9876543211.",
            "The fall was logged on Datix as incident 77310.",
            "My SSSC registration number is 4418823.",
            "The mix-up under client number 00458821 meant he missed his flu jab.",
            "I looked up his SWIS no. 3345121.",
            "I quoted the case number SW/CP/2024/00931 in my email.",
            "The referral came in under SW-118742 and I picked it up.",
        ),
        clean=("Our budget was £120,000 and section 4.2 of the policy covers this.",),
    ),
    PrivacyRule(
        "BK313",
        "social-media-handle",
        "handle",
        "A social media handle: an @ name, or a name given after a platform or the word 'username'.",
        "This looks like a social media handle, which leads straight to the person: remove it.",
        triggers=(
            "She showed me a message from @skye_lass07 that upset her.",
            "He posts on TikTok as dunky.doodles and worried his mum would see.",
            "Her Instagram username is rainbowtrout.",
            "He's on Fortnite every night till 3am as ShugDaddy_77.",
            "Her cousin shared the video at instagram.com/shona.dances_21 without asking.",
            "He told me his TikTok, kaydz.2009, had been reported.",
            "He is on snapchat kaydz_draws most nights.",
            "She added him on snapchat, her name on there is kerrmcnab.x, and he accepted.",
        ),
        clean=(
            "I thought I knew how to handle complaints, and how to handle questions like that.",
            "Young people told us TikTok and Instagram were where they felt judged, and we met @ 10am.",
            "We talked about the risks online and how to handle them carefully.",
        ),
    ),
    PrivacyRule(
        "BK314",
        "vehicle-registration",
        "vehicle",
        "A vehicle registration: the current format anywhere, older formats after a word about a vehicle.",
        "This looks like a vehicle registration, which can be traced to a person: remove it.",
        triggers=(
            "The taxi that collects him is SN19 KXP.",
            "Her son's old car, registration M482 HSV, was outside.",
            "I saw P752 KSR drive past the contact centre twice.",
            "There was a car outside her house three days in a row, sf68 ywp.",
        ),
        clean=("I completed unit SCDHSC0023 and the M8 and A82 were closed, so we met in room B12.",),
    ),
    PrivacyRule(
        "BK315",
        "identifying-place",
        "place",
        "A place that identifies with what is beside it: a room in a named home, a named school with a year "
        "group, a small place with a condition or an age.",
        "This place, with what is said beside it, could point to one person: name the kind of place instead, "
        "such as 'a care home' or 'a primary school'.",
        triggers=(
            "I sat with the gentleman in Room 14 at Craigmount House.",
            "The boy I key-work for is in P6 at Bankhead Primary.",
            "The only man in the village of Ardvourlie with motor neurone disease relies on us.",
            "The top flat on Dalmeny Street was where she had lived for fifty years.",
            "I visit a man on Colonsay who lives with dementia.",
            "As our only client on Foula she depends on us.",
            "In Applecross I support a man with Huntington's disease, and on visits to Tiree a boy with diabetes.",
        ),
        clean=(
            "We ran sessions at Leith Academy, and S3 pupils from across the city volunteered with us.",
            "Many people in Glasgow with dementia live alone.",
            "Many people with dementia keep in touch with family on Facebook.",
            "We went to Tesco with a man with dementia, and I'm glad we did.",
        ),
    ),
    PrivacyRule(
        "BK316",
        "title-with-initial",
        "initial",
        "A title with only an initial ('Mrs K'), which is a real person's initial more often than not.",
        "If this is the person's real initial, it can identify them in a small service: use a letter that is "
        "not theirs, such as '{suggestion}', or a role.",
        triggers=(
            "Mrs K told me she had not slept, so I spoke to the nurse.",
            "miss D (mum) was upset at pick up.",
        ),
        clean=(
            "Plan A did not work, so we tried plan B, and the Vitamin D leaflet helped.",
            "We will miss D block while it is painted.",
            "Mrs A told me she had not slept, so Person B and I spoke to Mr C.",  # badgekit's own letters
        ),
    ),
)

for _declared in RULES:
    rule(
        _declared.code,
        _declared.name,
        "privacy",
        KINDS[_declared.kind].severity,
        _declared.summary,
        triggers=_declared.triggers,
        clean=_declared.clean,
    )(_checker(_declared.kind, _declared.message))


def identifying_spans(context: CheckContext) -> list[Span]:
    """Every identifying detail in the statement, whichever rules were chosen: what reports never quote."""
    return _spans(context)
