"""The hand-kept words the privacy detectors reason with: titles, roles, places, organisations, authors.

These are the words of social care writing in Scotland that are capitalised but are not
people (a council, a programme, a theorist cited for a model), and the words around a
name that show it is a person ("her son", "Mrs", "aged"). They are small and change by
hand; the long lists generated from a names library are in ``data/`` (see wordlists.py).
Every entry is lower case; the detectors compare lower-cased words.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.lower().split())


def words_of(text: str) -> frozenset[str]:
    """The lower-case words of ``text``, for lists kept beside a detector."""
    return _words(text)


def _phrases(text: str) -> frozenset[str]:
    return frozenset(" ".join(line.lower().split()) for line in text.strip().splitlines() if line.strip())


#: Titles written before a name ("Mrs O'Brien", "Dr. Patel").
TITLES = _words("mr mrs ms miss mx dr mister master madam sir dame lady lord prof professor rev reverend sister")
#: Family words used as a title before a first name ("Auntie Jean", "Granny Smith").
KIN_TITLES = _words("auntie aunty aunt uncle granny gran grandma grandad grandpa nana nanna nan papa grampa grandpa")
#: Titles that may come before a cited author rather than someone the learner supports.
ACADEMIC_TITLES = _words("dr prof professor sir dame lord")

#: Words for people in a person's life: "Priya's dad", "her son Jamie".
KIN_WORDS = _words(
    """mum mother mam mammy mummy dad father daddy da papa gran granny grandma grandmother grandad grandpa
    grandfather nana nanna sister brother sibling siblings son daughter child children kids baby wife husband
    partner boyfriend girlfriend fiance fiancée aunt auntie aunty uncle cousin nephew niece stepmum stepdad
    stepmother stepfather stepson stepdaughter carer carers family parents parent friend friends pal pals
    neighbour neighbours foster kinship keyworker key-worker teacher classmate classmates girlfriend's twin
    twins"""
)
#: Role words ("my colleague Sarah", "the young person, Jamie,") that can introduce a name.
ROLE_WORDS = _words(
    """colleague colleagues manager supervisor supervisee mentor mentee worker client resident tenant pupil
    learner student service-user user patient friend son daughter brother sister wife husband partner mum dad
    mother father grandmother grandfather gran granny grandson granddaughter nephew niece cousin aunt uncle
    boy girl lad lass man woman gentleman lady child baby toddler teenager person carer neighbour
    practitioner nurse doctor volunteer trainee apprentice cook chef cleaner driver receptionist administrator
    housekeeper senior deputy depute twin"""
)
#: Words for groups and roles that, like the two lists above, are never a name themselves, even
#: capitalised at the start of a sentence ("Carers told us", "Residents said"). Singular here;
#: plurals are found by ``singulars`` below.
GROUP_WORDS = _words(
    """staff people everyone everybody anyone nobody someone others peer member participant attendee visitor
    relative guardian grandparent adult youngster teen infant household professional clinician therapist
    teacher officer leader director chair councillor assessor inspector trainer tutor coach facilitator
    advocate interpreter befriender paramedic gp worker keyworker survivor refugee veteran homeowner
    householder gentleman lady family kid pal mate sibling mum dad gran nan nana nanna grandparent
    lassie laddie lass lad wean bairn wifie mannie fella fellow yin boy girl"""
)
#: Every word that names a role, a relationship or a group of people rather than a person.
PEOPLE_WORDS = ROLE_WORDS | KIN_WORDS | GROUP_WORDS


def singulars(lower: str) -> tuple[str, ...]:
    """The word and the singulars it may be the plural of: "families" -> "family", "women" -> "woman"."""
    forms = [lower]
    if lower.endswith("men"):
        forms.append(lower[:-3] + "man")
    elif lower == "children":
        forms.append("child")
    elif lower == "people":
        forms.append("person")
    elif lower.endswith("ies") and len(lower) > 4:
        forms.append(lower[:-3] + "y")
    elif lower.endswith(("ches", "shes", "sses", "xes")):
        forms.append(lower[:-2])
    elif lower.endswith("s") and not lower.endswith(("ss", "'s", "’s")) and len(lower) > 3:
        forms.append(lower[:-1])
    return tuple(forms)


#: Verbs that, straight after a capitalised word, show it is a person acting.
PERSON_VERBS = _words(
    """said says told tells asked asks replied replies explained explains shouted cried smiled laughed whispered
    disclosed admitted sobbed screamed hugged giggled grinned nodded sighed wept shrugged confided phoned
    texted emailed rang visited arrived cried shouted refused agreed panicked froze ran bolted kicked punched
    thought noticed decided realised realized wondered remembered insisted mentioned suggested handed
    leaving crying shouting refusing asking telling laughing smiling screaming struggling sobbing waiting
    finding showed lashed hit bit spat swore yelled stormed sulked blushed winked waved frowned cuddled"""
)
#: Verbs of a person's life or wishes, which a plant, a season or a feeling does not do: "Sandy has
#: lived here", "Summer gave me her number". Checked, like PERSON_VERBS, only after a capitalised word.
PERSON_LIFE_VERBS = _words("lives lived gave wants wanted loves loved likes liked hates hated enjoys enjoyed")
#: Adverbs and auxiliaries that may stand between a name and its verb: "Joy later told me", "Sandy has lived".
VERB_BRIDGES = _words(
    """later then also always never just still finally often usually soon suddenly eventually now quickly
    immediately has had have was been"""
)
#: Nouns after a possessive that belong to a person: "holly's bday", "Jamie's birthday".
PERSONAL_NOUNS = _words(
    "birthday bday b'day b’day funeral wedding meds medication bedroom wheelchair youngest eldest oldest"
)
#: Pronouns that are no noun a given name could qualify: "care for Frank myself" is a person, "Olive oil" a thing.
PRONOUNS = _words("myself yourself himself herself ourselves themselves me him her us them it you i he she we they")
#: Words that, before a capitalised word, show it names a person: "a boy called Jamie".
NAMING_WORDS = _words("called named nicknamed")

MONTHS = _words(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec"""
)
DAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
#: Festivals, never a name: "at Christmas", "a Hogmanay party".
FESTIVALS = _words("christmas xmas easter hogmanay halloween diwali eid hanukkah ramadan passover")
#: Social media and messaging platforms: never a person ("someone on Snapchat who said he was 16").
PLATFORMS = _words(
    "snapchat instagram tiktok facebook whatsapp youtube twitter discord roblox fortnite twitch telegram"
)
#: Everyday words that the word list lacks and that are also someone's given name: "the telly".
EVERYDAY_WORDS = _words("telly christmas fae tae wi wis ken aye naw oot hame doon efter mammy greetin nae naebody ma")

#: Words that make a capitalised run an organisation, service, place, programme or document.
ORGANISATION_WORDS = _words(
    "room "
    """monument monuments collection statue highlanders regiment fusiliers guards arena observatory gallery
    galleries theatre cinema league pavilion pier market council councils service services trust foundation
    scotland scottish centre center centres hospital
    hospitals hospice infirmary clinic surgery practice school schools academy college university nursery
    project projects partnership partnerships association society network alliance group team teams unit
    ward house houses home homes court lodge care support aid agency board authority department directorate
    government parliament commission commissioner inspectorate office police fire rescue army navy church
    chapel mosque temple synagogue library museum club forum federation institute company ltd limited plc llp
    associates consortium collective hub initiative programme program framework strategy policy act acts bill
    standards standard code codes review report award awards badge badges model theory cycle approach method
    scale tool toolkit plan plans pathway guidance principles principle charter convention declaration
    hierarchy triangle ladder wheel index survey census fund lottery bank charity appeal campaign week day
    night month year festival conference summit prize council's tribunal hearing hearings panel panels
    committee committees sheriff court's commission's nhs health wellbeing community communities centre's
    housing fellowship mission enterprise enterprises cooperative co-operative limited coaching learning
    training skills education social justice recovery advocacy aberlour barnardo's barnardos quarriers
    includem cornerstone penumbra crossreach samaritans shelter macmillan alzheimer alzheimer's inclusion
    association's trust's station airport harbour port bridge castle palace cathedral abbey tower towers
    mansions estate estates village town city county region district island islands isle loch glen ben
    bay beach forest woods valley strath firth river canal memorial stadium park parks gardens zone
    way street road avenue lane drive crescent place terrace close wynd brae loan row square grove view
    walk gate gait vennel pend quay wharf parade circus mews hill mount rise green common field fields
    manor farm cottage steading mill mains croft kirk"""
)

#: Words that end a street name in an address ("12 Leith Walk", "3/2 45 Easter Road").
STREET_SUFFIXES = _words(
    """street st road rd avenue ave lane ln drive dr crescent cres place pl terrace terr court ct close gardens
    gdns way walk wynd brae loan loaning row square sq grove gr view gate gait vennel pend quay wharf parade
    circus mews hill rise green park park's boulevard highway bank brae's broadway causeway loan's dale
    drove end field fields grange heights hollow meadow meadows orchard path rigg steps vale yard court's
    mount"""
)
#: Words that name a building people live in ("Flat 4, Rosebank Court", "Ivy Cottage").
BUILDING_WORDS = _words(
    """house court cottage cottages lodge mansions tower towers building buildings block flats apartments
    villa villas farm farmhouse steading mill manse croft hall halls gardens grange view heights"""
)

#: Places: Scottish council areas, cities, towns, islands and rivers, the nations and
#: common countries. A first name that is also a place (Angus, Lewis, Skye) needs more
#: than a capital letter before it is taken for a person.
PLACES = _words(
    """scotland england wales ireland britain uk gb europe africa asia america australia canada india
    pakistan bangladesh poland romania lithuania latvia ukraine syria afghanistan iraq iran eritrea sudan
    somalia nigeria ghana kenya china hong kong jamaica jordan georgia turkey spain france germany italy
    portugal greece bulgaria slovakia hungary czechia albania kosovo libya egypt ethiopia yemen zimbabwe
    philippines vietnam malaysia brazil chad mali niger cuba peru chile israel palestine lebanon
    edinburgh glasgow aberdeen dundee inverness perth stirling fife lothian lothians lanarkshire ayrshire
    renfrewshire dunbartonshire angus moray highland highlands borders galloway dumfries argyll bute
    clackmannanshire falkirk inverclyde midlothian orkney shetland lewis harris skye iona islay arran mull
    uist barra tiree leith portobello govan paisley kilmarnock livingston hamilton motherwell wishaw airdrie
    coatbridge cumbernauld kirkcaldy dunfermline glenrothes elgin forres nairn oban ullapool wick thurso
    dingwall peterhead fraserburgh arbroath montrose forfar brechin kelso hawick galashiels melrose peebles
    stranraer ayr troon irvine largs greenock dumbarton clydebank bearsden milngavie kirkintilloch bathgate
    linlithgow musselburgh dalkeith penicuik haddington dunbar alloa crieff pitlochry aviemore clyde forth
    tay dee spey tweed kelvin lomond nevis ness cairngorms trossachs london manchester birmingham liverpool
    leeds newcastle belfast cardiff dublin bristol sheffield york carlisle kent devon cornwall essex
    sussex surrey yorkshire lancashire cumbria durham lincoln chester florence paris victoria sydney
    boston berlin geneva vienna warsaw krakow bucharest lagos accra nairobi kabul karachi lahore delhi
    mumbai dhaka beijing shanghai montana dakota carolina virginia sierra jersey guernsey man wight
    holyrood calton morningside corstorphine gorgie dalry pilton muirhouse granton niddrie craigmillar
    sighthill wester hailes easterhouse castlemilk drumchapel pollok possil springburn maryhill
    partick hillhead shawlands gorbals dennistoun bridgeton parkhead garthamlock lochee whitfield
    kincorth torry northfield mastrick buckie keith huntly banff turriff stonehaven inverurie ellon
    portree stornoway kirkwall lerwick campbeltown lochgilphead rothesay dunoon helensburgh alexandria
    balloch dumfriesshire annan lockerbie moffat selkirk jedburgh duns eyemouth tranent prestonpans
    bonnyrigg loanhead gorebridge newtongrange broxburn whitburn armadale blackburn bo'ness grangemouth
    denny larbert bonnybridge kilsyth lennoxtown erskine renfrew johnstone barrhead neilston clarkston
    giffnock newton mearns eastwood rutherglen cambuslang blantyre bothwell uddingston bellshill carluke
    lanark lesmahagow strathaven east west north south east-end west-end aberdeenshire caithness
    sutherland ross cromarty lochaber badenoch strathspey kintyre cowal lorn lorne morvern ardnamurchan
    wester easter"""
)
#: Nationalities, languages and faiths: capitalised, never a person's name ("British English").
PEOPLES = _words(
    """british english scottish scots irish welsh gaelic doric polish romanian lithuanian latvian ukrainian
    syrian afghan eritrean sudanese somali nigerian ghanaian kenyan chinese indian pakistani bangladeshi
    french german spanish italian portuguese greek turkish arabic arab urdu punjabi bengali hindi
    mandarin cantonese russian european african asian american caribbean christian muslim jewish hindu
    sikh buddhist catholic protestant methodist baptist anglican presbyterian orthodox"""
)
#: Places of more than one word, matched as phrases before any name is looked for.
PLACE_PHRASES = _phrases(
    """
    Lewis and Harris
    Harris and Lewis
    Easter Ross
    Wester Ross
    Wester Hailes
    East Lothian
    West Lothian
    North Lanarkshire
    South Lanarkshire
    East Ayrshire
    North Ayrshire
    South Ayrshire
    East Renfrewshire
    East Dunbartonshire
    West Dunbartonshire
    Perth and Kinross
    Dumfries and Galloway
    Argyll and Bute
    Scottish Borders
    Na h-Eileanan Siar
    Eilean Siar
    Western Isles
    Isle of Lewis
    Isle of Harris
    Isle of Skye
    Fort William
    North Berwick
    Newton Mearns
    St Andrews
    Loch Lomond
    Ben Nevis
    Glen Coe
    Kyle of Lochalsh
    Isle of Man
    Isle of Wight
    New Zealand
    South Africa
    United Kingdom
    United States
    Great Britain
    Northern Ireland
    Hong Kong
    Sri Lanka
    Saudi Arabia
    """
)
#: Organisations whose names are, or contain, a person's name.
ORGANISATION_PHRASES = _phrases(
    """
    Sue Ryder
    Marie Curie
    Maggie's
    Maggie's Centre
    Leonard Cheshire
    Joseph Rowntree
    Mary's Meals
    Carr Gomm
    Dr Barnardo
    Tesco
    Asda
    Aldi
    Lidl
    Sainsbury's
    Greggs
    Marks and Spencer
    Primark
    Red Cross
    Talking Mats
    Dr Gray's
    Morrisons
    Makaton
    Bookbug
    React to Red
    Christmas Eve
    Christmas Day
    Boxing Day
    New Year's Eve
    New Year's Day
    Bonfire Night
    Guy Fawkes
    Caird Hall
    Barr's
    Irn-Bru
    Harris Tweed
    Columba 1400
    British Red Cross
    Community Payback Order
    Loganair
    CalMac
    ScotRail
    Sara Stedy
    Bargain Hunt
    Weakest Link
    The Weakest Link
    Still Game
    River City
    Coronation Street
    EastEnders
    Emmerdale
    Countdown
    Pointless
    Strictly Come Dancing
    Antiques Roadshow
    Songs of Praise
    Royal Concert Hall
    Usher Hall
    Òran Mòr
    Dr Barnardo's
    Barnardo's
    Barnardo’s
    Barnardos
    Quarriers
    Robert Gordon
    Queen Margaret
    Queen Elizabeth
    Royal Alexandra
    Edinburgh Napier
    Glasgow Caledonian
    Heriot-Watt
    Heriot Watt
    Duke of Edinburgh
    Prince's Trust
    Princess Royal
    Victoria Quay
    St John's
    St Columba's
    Richmond Fellowship
    Simon Community
    Rowan Alba
    Who Cares? Scotland
    Children 1st
    Action for Children
    Alzheimer Scotland
    Age Scotland
    Carers Trust
    Kilbrandon
    Christie Commission
    Feeley Review
    Hawkins and Shohet
    Honey and Mumford
    Kübler-Ross
    Kubler-Ross
    Florence Nightingale
    Mother Teresa
    Martin Luther King
    Nelson Mandela
    Robert Burns
    Rabbie Burns
    Burns Night
    St Andrew's Day
    """
)

#: Authors and theorists by their full names, matched as phrases like the organisations above,
#: so that their surnames alone can stay people's names ("Margaret Sinclair", "Ewan McGregor").
CITED_NAME_PHRASES = _phrases(
    """
    Donald Schön
    Donald Schon
    Carl Rogers
    Brené Brown
    Brene Brown
    Tom Kitwood
    Albert Bandura
    David Kolb
    Graham Gibbs
    Abraham Maslow
    John Bowlby
    Mary Ainsworth
    Bruce Perry
    Daniel Goleman
    Daniel Siegel
    Dan Siegel
    Dan Hughes
    Paulo Freire
    Bruce Tuckman
    Meredith Belbin
    Elisabeth Kübler-Ross
    Gerard Egan
    Chris Argyris
    Jack Mezirow
    Kurt Lewin
    John Kotter
    Peter Senge
    John Adair
    Stephen Covey
    Ronald Heifetz
    Eileen Munro
    Erik Erikson
    Jean Piaget
    Lev Vygotsky
    Sigmund Freud
    Donald Winnicott
    Urie Bronfenbrenner
    Carol Dweck
    Martin Seligman
    Aaron Antonovsky
    Stephen Karpman
    Eric Berne
    Marshall Rosenberg
    Nancy Kline
    Simon Sinek
    Patrick Lencioni
    Christina Maslach
    Erving Goffman
    Michel Foucault
    Malcolm Knowles
    Etienne Wenger
    David Boud
    Jennifer Moon
    Michael Eraut
    Frederick Herzberg
    Douglas McGregor
    Charles Handy
    Edgar Schein
    Robert Greenleaf
    Michael Oliver
    Tom Shakespeare
    Pamela Trevithick
    Malcolm Payne
    David Howe
    Jan Fook
    Harry Ferguson
    Lena Dominelli
    Peter Beresford
    Carol Gilligan
    Joan Tronto
    Nel Noddings
    Kenneth Gergen
    Michael White
    David Epston
    Steve de Shazer
    Insoo Kim Berg
    William Miller
    Stephen Rollnick
    Michael Rutter
    Ann Masten
    Stephen Porges
    Bessel van der Kolk
    Gabor Maté
    Gabor Mate
    Vera Fahlberg
    Kim Golding
    Louise Bomber
    Tony Morrison
    Ruth Sinclair
    Hilary Cottam
    Michael Lipsky
    Wolf Wolfensberger
    Peter Hawkins
    Robin Shohet
    Gillie Bolton
    Julia Donaldson
    Katie Morag
    Mr Men
    Little Miss
    Peppa Pig
    Postman Pat
    Fireman Sam
    Bob the Builder
    Hairy Maclary
    Thomas the Tank Engine
    Paddington Bear
    Winnie the Pooh
    Harry Potter
    Tracy Beaker
    Horrid Henry
    Mr Tumble
    Mr Bloom
    Charlie and Lola
    Hey Duggee
    Spot the Dog
    Elmer the Elephant
    Maya Angelou
    Nelson Mandela
    Martin Luther King
    Mother Teresa
    Albert Einstein
    Florence Nightingale
    Cicely Saunders
    Desmond Tutu
    Mahatma Gandhi
    Winston Churchill
    Eleanor Roosevelt
    Theodore Roosevelt
    Helen Keller
    Viktor Frankl
    Michelle Obama
    Barack Obama
    Oprah Winfrey
    Stephen Hawking
    Robert Burns
    Rabbie Burns
    Greta Thunberg
    Malala Yousafzai
    Anne Frank
    Simon Sinek
    Stephen Covey
    Dale Carnegie
    Steve Jobs
    Walt Disney
    Dolly Parton
    Charles Dickens
    Roald Dahl
    JK Rowling
    J.K. Rowling
    Kahlil Gibran
    Mark Twain
    Oscar Wilde
    Ralph Waldo Emerson
    Henry Ford
    Abraham Lincoln
    Dalai Lama
    Billy Connolly
    Kenneth McKellar
    Andy Stewart
    Jimmy Shand
    Moira Anderson
    Jimmy Logan
    Stanley Baxter
    Rikki Fulton
    Jack Milroy
    Lena Zavaroni
    Sean Connery
    Annie Lennox
    Rod Stewart
    Susan Boyle
    Lewis Capaldi
    Gerry Rafferty
    Paolo Nutini
    Frankie Boyle
    Kevin Bridges
    Rab C Nesbitt
    Rab C. Nesbitt
    Chic Murray
    Robbie Coltrane
    David Tennant
    Peter Capaldi
    Karen Gillan
    Gerard Butler
    James McAvoy
    Elaine C Smith
    Elaine C. Smith
    Ford Kiernan
    Greg Hemphill
    Jack and Victor
    Frank Sinatra
    Dean Martin
    Elvis Presley
    Cliff Richard
    Shirley Bassey
    Vera Lynn
    Val Doonican
    Tom Jones
    Cilla Black
    Johnny Cash
    Patsy Cline
    Nat King Cole
    Doris Day
    Bing Crosby
    Perry Como
    Matt Monro
    Engelbert Humperdinck
    Neil Diamond
    Elton John
    Freddie Mercury
    Paul McCartney
    John Lennon
    Ringo Starr
    George Harrison
    Tina Turner
    Aretha Franklin
    Whitney Houston
    Kylie Minogue
    Michael Jackson
    Dusty Springfield
    Petula Clark
    Daniel O'Donnell
    Andre Rieu
    André Rieu
    Katherine Jenkins
    Ed Sheeran
    Harry Styles
    Bruce Forsyth
    Des O'Connor
    Terry Wogan
    Alexander Armstrong
    Richard Osman
    Fiona Bruce
    Anne Robinson
    Carol Vorderman
    Richard Whiteley
    Noel Edmonds
    Phillip Schofield
    Holly Willoughby
    Lorraine Kelly
    David Attenborough
    Chris Packham
    Mary Berry
    Paul Hollywood
    Jamie Oliver
    Gordon Ramsay
    Delia Smith
    Michael Parkinson
    Eric Morecambe
    Ernie Wise
    Morecambe and Wise
    Ronnie Barker
    Ronnie Corbett
    Tommy Cooper
    Ken Dodd
    Les Dawson
    Bob Monkhouse
    Victoria Wood
    Julie Walters
    Dawn French
    Jennifer Saunders
    Robin Williams
    Charlie Chaplin
    Stan Laurel
    Oliver Hardy
    Laurel and Hardy
    Marilyn Monroe
    Audrey Hepburn
    Judy Garland
    Julie Andrews
    John Wayne
    Clint Eastwood
    Elizabeth Taylor
    Richard Burton
    Grace Kelly
    Cary Grant
    Gene Kelly
    Fred Astaire
    Ginger Rogers
    Sophia Loren
    Tom Hanks
    Meryl Streep
    Kenny Dalglish
    Jimmy Johnstone
    Ally McCoist
    John Greig
    Denis Law
    Jim Baxter
    Jock Stein
    Bill Shankly
    Alex Ferguson
    Billy Bremner
    Danny McGrain
    Henrik Larsson
    Andy Murray
    Judy Murray
    Chris Hoy
    Liz McColgan
    Laura Muir
    Colin Montgomerie
    Jackie Stewart
    Stephen Hendry
    George Best
    Bobby Moore
    Bobby Charlton
    Muhammad Ali
    Lionel Messi
    Cristiano Ronaldo
    Serena Williams
    Queen Elizabeth
    King Charles
    Princess Anne
    Prince William
    Prince Harry
    Princess Diana
    Princess Margaret
    Queen Mother
    Nicola Sturgeon
    Humza Yousaf
    John Swinney
    Alex Salmond
    Donald Dewar
    Margaret Thatcher
    Tony Blair
    Gordon Brown
    Boris Johnson
    Keir Starmer
    Rishi Sunak
    Theresa May
    Clement Attlee
    Aneurin Bevan
    Nye Bevan
    Mary Queen of Scots
    Robert the Bruce
    William Wallace
    Bonnie Prince Charlie
    Flora MacDonald
    Mary Slessor
    Elsie Inglis
    Andrew Carnegie
    Lord Kelvin
    Alexander Fleming
    Alexander Graham Bell
    John Logie Baird
    David Livingstone
    Robert Louis Stevenson
    Walter Scott
    Arthur Conan Doyle
    J.M. Barrie
    JM Barrie
    Robert Owen
    Charles Rennie Mackintosh
    Oor Wullie
    The Broons
    Jack Frost
    Robin Hood
    Father Christmas
    Santa Claus
    Mrs Doubtfire
    Miss Trunchbull
    Miss Honey
    Mary Poppins
    Peter Pan
    Tinker Bell
    Captain Hook
    Willy Wonka
    Sherlock Holmes
    Doctor Who
    Mickey Mouse
    Minnie Mouse
    Donald Duck
    Buzz Lightyear
    Dennis the Menace
    Desperate Dan
    Paw Patrol
    The Gruffalo
    The Tiger Who Came to Tea
    Daisy Bell
    Ruby Tuesday
    Mary's Boy Child
    """
)
#: (The names after the authors are children's books and their characters, read with the children a
#: learner supports: "Katie Morag is a favourite", "Mr Men books"; then people widely quoted; then, from
#: "Billy Connolly" on, public figures and characters that come up in reminiscence and activities:
#: entertainers, footballers, royals and politicians, and characters from films, books and comics.
#: Written here from general knowledge; a person supported who shares one of these names in full is
#: the rare case the reader is asked to look out for.)

#: Surnames of authors and theorists that social care learners cite for a model or idea.
#: A name with one of these is a citation, not someone the learner supports.
CITED_AUTHORS = _words(
    """schön schon kolb gibbs rolfe bandura maslow bronfenbrenner bowlby ainsworth rogers egan freire tuckman
    belbin kübler-ross kubler-ross driscoll johns brookfield mezirow dewey honey mumford lewin kotter goleman
    senge adair hersey blanchard covey heifetz northouse thompson munro laming feeley christie beveridge
    freud erikson piaget vygotsky kadushin hawkins shohet morrison wonnacott proctor bion winnicott perry
    siegel felitti trevithick payne howe fook ferguson seden koprowska beresford sinek lencioni kline
    rosenberg karpman berne prochaska diclemente rollnick antonovsky seligman dweck eraut argyris schon's
    boud moon wenger lave knowles herzberg mcgregor handy mintzberg drucker schein hofstede grint kouzes
    posner greenleaf goffman foucault bourdieu marx weber maslach hochschild ingram cree kitwood brene
    brené gilligan kilbrandon rowntree nightingale seebohm barclay griffiths wagner
    mcclelland belsky rutter garmezy masten bourne cottam dominelli adams lishman parton featherstone
    wolfensberger oliver finkelstein shakespeare goodley tew nind sinclair bywaters brandon hardiker
    lipsky hughes fahlberg golding bomber treisman porges van der kolk maté mate burnham hollis
    banks clark rogers' reder duncan lyons mcleod sheppard keville gardner mcgilloway stevenson tronto
    noddings sen nussbaum beckett gergen white epston de shazer berg miller nolan ryan moyes brown"""
)
#: Words for a piece of work that, a few words after a cited author's possessive, show a
#: citation: "Rogers' core conditions", "Oliver's social model", "Thompson's PCS model".
WORK_WORDS = _words(
    """model models theory theories cycle work idea ideas research book books framework approach concept
    hierarchy triangle stages styles lenses roles conditions steps curve ladder principles definition study
    studies writing findings review report inquiry practitioner helper talk talks documentary exercises
    chapter article paper papers lecture speech definition intelligences problem wheel pyramid scale
    programme method methods tool toolkit technique techniques regard"""
)
#: Verbs of making something, after a full name: "Oliver Sacks wrote", "Joan Murphy, who developed Talking Mats".
MAKER_VERBS = _words(
    "wrote writes developed devised coined founded pioneered invented illustrated composed published started"
)
#: Verbs before "by" that credit the name after it with a work: "translated by James Robertson".
CREDIT_VERBS = _words(
    "written translated illustrated edited developed devised created directed presented narrated founded started"
)
#: Honours and royal titles: a name after them is a public figure, not someone the learner supports.
HONOURS = _words("sir dame lord king queen prince princess duke duchess earl baroness baron")
#: Words before a full name that credit them with a performance ("starring Robin Williams"), and pairs
#: of words ("singing along to Jimmy Shand", "an impression of Andy Stewart"). Not "watched", "listened
#: to", "playing", "stories about" or "based on": in care work those are what a learner does with, or
#: for, the person they support ("I watched Mrs Smith eat", "stories about Jamie's life").
MEDIA_LEADS = _words("starring featuring")
MEDIA_PHRASES = _phrases(
    """
    along to
    impression of
    impressions of
    songs by
    music by
    """
)
#: Phrases around a name that show it is cited: "et al.", "according to".
CITATION_LEADS = _phrases(
    """
    according to
    as cited in
    cited in
    as described by
    as outlined by
    developed by
    proposed by
    described by
    """
)

#: Short words that are never names, even capitalised at the start of a sentence.
FUNCTION_WORDS = _words(
    """a an the and or but if so as at by for from in into of on onto to with without within about above after
    again against all also am any are be been before being below between both can could did do does doing
    down during each few further had has have having he her here hers him his how i if is it its just may me
    might more most must my no nor not now off once only other our out over own same she should some such
    than that their them then there these they this those through too under until up very was we were what
    when where which while who whom why will with would you your yes yet every each many much one two three
    first second third next last finally however therefore although though because since whilst overall
    today yesterday tomorrow recently later earlier afterwards instead also again perhaps maybe sometimes
    often usually always never dear hi hello thanks thank please okay ok i'm i’m i've i’ve i'd i’d i'll i’ll"""
)

#: Titles after which any capitalised word is a surname, be it a town, a colour or a word
#: ("Mr Stirling", "Mrs Green", "Ms Hope").
PLAIN_TITLES = _words("mr mrs ms miss mx mister")
#: Verbs in the present tense that, after a surname, show an author cited for what they
#: wrote ("Thompson reminds us", "Maclean argues"): care writing tells what people did in
#: the past tense, and cites what authors say in the present.
CITE_VERBS = _words(
    """argues argue suggests suggest writes write describes describe notes reminds remind states defines
    define proposes propose outlines outline identifies highlights emphasises emphasizes contends asserts
    claims observes maintains warns cautions recommends recommend concludes conclude discusses explores
    sets posits theorises theorizes urges advocates"""
)
#: Nouns that, straight after a given name that is also a word, show the word: "Holly berries",
#: "Grant funding", "Daisy chains", "Rose bushes".
THING_NOUNS = _words(
    """berries berry seeds seed bulbs bulb trees tree bush bushes chains chain leaves leaf petals petal flowers
    flower plants plant tea oil oils scent scents hedge hedges garden gardens jam jelly wine honey bark roots
    shoots blossom cuttings sprigs sprig wreath wreaths beds bed bushes funding funded fund funds payments
    payment money application applications forms form scheme schemes letter letters officer officers panel
    bid bids award awards holder holders giver givers pot pots jar jars bush's singers singer carols service
    services concert concerts decorations decoration wedding weddings anniversary anniversaries cards card
    redbreast redbreasts nuts nut wood leaf's colour colours color paint necklace ring rings stone stones
    juice pie pudding sauce stew soup wellies boots green blue red navy pink purple grey tinted"""
)
#: Nouns for kinds of thing that, after "is the" or "was the", show a given name used as a word:
#: "Dawn is the hardest time", "Violet was the colour she chose", "Jolene is a song".
CATEGORY_NOUNS = _words(
    """colour colours color time times hour song songs tune flower flowers plant plants tree herb word words
    name month season shade film book game drink dish present gift theme room group unit house ward team
    class"""
)
#: Words in a sentence about plants and gardens, money, or songs, where a given name that is
#: also a word ("Heather grows ...", "Penny by penny ...") or a song's title ("Jolene was the song")
#: is not a person.
PLANT_WORDS = _words(
    """grows grow grew growing grown planted plant plants planting bloom blooms blooming flowering flowers
    garden gardens gardening hill hills moor moors heath hedge hedgerow soup herbs herb scent scents smell
    smells perfume sensory bulbs seeds sown berries petals leaves wreath wreaths bouquet vase sow pot pots
    climbs climbing covers covered sprigs cuttings"""
)
SONG_WORDS = _words(
    """song songs sang sing sung singing singalong sing-along karaoke tune tunes track tracks album albums
    lyrics chorus hymn hymns playlist jukebox radio"""
)
MONEY_WORDS = _words("funding funded fund funds grant grants pounds money budget payment payments paid bursary")
#: Words that, straight before a name, show an author: "according to Hennessey".
CITE_LEADS = _words("according")
#: Words straight before an author's surname that show the author read or followed: "I read Thompson",
#: "like Rogers,". Before a given name ("I read Jamie a story") they show nothing.
READING_LEADS = _words("read reading reread studied quoted quoting cited citing like unlike following")
#: Verbs after two authors cited together: "Ingram and Smith describe".
AUTHORS_VERBS = _words(
    """describe argue suggest explain say write note show define propose outline identify highlight
    emphasise emphasize remind call see talk point found conclude discuss explore warn recommend"""
)
#: Animals, which with a name beside them show a pet's name: "Bella the cat", "the therapy dog Penny".
ANIMALS = _words(
    """cat cats dog dogs puppy kitten budgie rabbit hamster horse pony tortoise goldfish parrot guinea-pig
    lamb hen hens chicken goat donkey"""
)
#: Verbs after "as" and an author's surname: "As Rogers put it", "as Kitwood wrote".
AS_AUTHOR_VERBS = _words(
    """put puts says said argued argues wrote writes suggests suggested described describes noted notes
    observed observes reminds reminded explains explained"""
)
#: Connecting words inside an organisation's name: "Fraser of Allander Institute", "Centre for Excellence".
ORGANISATION_LINKS = _words("of for and & on the in")

#: Verbs and adverbs that, straight after a given name that is also a word, show a person doing
#: something ("Rose said", "Holly usually ..."), where a noun would show the word ("Olive oil",
#: "Fern spotting"). Regular past tenses ("-ed") and adverbs ("-ly") are told by their endings.
PERSON_FOLLOWERS = _words(
    """is was has had does did says said tells told goes went comes came gets got takes took makes made gives
    gave sits sat stands stood runs ran sings sang sees saw sends sent feels felt keeps kept leaves left
    loses lost meets met pays paid puts reads sleeps slept speaks spoke thinks thought writes wrote buys
    bought brings brought catches caught holds held hears heard knows knew leads led means meant rings rang
    rides rode shakes shook shuts sells sold spends spent swims swam throws threw understands understood
    wakes woke wins won wears wore likes loves enjoys hates wants needs lives works attends visits uses
    finds seems looks asks tries cries laughs smiles waits calls moves plays helps shows starts stops
    stays talks walks will would could should can may might must shall isn't wasn't hasn't hadn't doesn't
    didn't won't wouldn't can't couldn't wis wiz wisnae isnae cannae didnae wouldnae widnae dinnae telt gied"""
)
#: Words after a sentence's first word that show it is a verb telling someone what to do
#: ("Pat the skin dry", "Sue for damages", "Mark the chart"), not a person doing it.
OBJECT_WORDS = _words(
    "the a an for your their his her its it them him me us this that these those each every yourself yourselves"
)
#: Nouns after a possessive that make it a condition, a law or a test named after someone:
#: "Addison's disease", "Down's syndrome", "Bell's palsy".
EPONYM_NOUNS = _words(
    """disease diseases syndrome syndromes palsy sign signs test tests scale law laws rule rules principle
    principles theorem effect effects sarcoma ulcer phenomenon contracture disorder disorders reflex
    triad criteria classification"""
)
#: Present-tense verbs after a surname (one that is no given name) that show an author cited:
#: "Smale explains the exchange model".
AUTHOR_PRESENT_VERBS = _words(
    """explains says tells shows calls sees puts believes thinks points describes talks writes argues suggests
    reminds notes stresses emphasises emphasizes highlights outlines defines proposes states claims"""
)
#: Nouns for a piece of work after an author's or a character's name: "Julia Donaldson books".
CREATIVE_WORKS = _words(
    """book books story stories novel novels poem poems rhyme rhymes song songs album albums film films
    series show shows programme cartoon cartoons episode episodes character characters collection pictures
    illustrations paintings drawings music"""
)
#: Gaelic words written with a grave accent that are not names ("the Fèis kids", "Bòrd na Gàidhlig"):
#: a grave accent otherwise marks a Gaelic given name ("Seònaid").
GAELIC_WORDS = _words(
    """fèis fèisean gàidhlig gàidhealtachd cèilidh cèilidhean cèilidhs mòd mòr bòrd slàinte mhath òran òrain
    ceòl clàr sgìre sgìrean comunn taigh bàta eilean àite àiteachan fàilte beò sràid cùram dùthaich tìr
    ùr ùrachadh gàrradh bùth bùthan còmhradh fèisgoil sgoil òg òigridh clann bhàrd àrd àrainn seòmar
    seòmar-suidhe seòmar-cadail taigh-beag sgoil-àraich àraich ghràidh ùlpan"""
)
#: Words after "is" or "was" that make a given name that is also a word an idea: "Patience is what the
#: night shift needs", "Grace is said before meals".
ABSTRACT_PREDICATES = _words(
    "what key important essential vital needed everything crucial valued required said when where how"
)
#: Verbs of the day, the weather and plants, which a given name that is also a word does as a thing:
#: "Dawn was breaking", "Dawn broke", "Heather bloomed".
NATURE_VERBS = _words("breaking broke breaks dawning dawned blooming bloomed blooms flowering flowered")
#: A given name that is also a word, and the word after it, that make a saying rather than a person:
#: "the Penny dropped", "Jack of all trades", "Mark my words".
NAME_IDIOMS = _phrases(
    """
    penny dropped
    penny drops
    jack of
    mark my
    ray of
    pat on
    """
)
#: Adverbs between "was" and what a word is: "Dawn was only just breaking".
DEGREE_ADVERBS = _words("only just already still slowly barely often usually always sometimes")
#: Kinds of thing a name can be the name of, and no person is: "Chase and Marshall are the favourite pups".
NOT_PERSON_KINDS = _words(
    """pup pups puppy puppies dog dogs cat cats pet pets pony ponies horse horses cartoon
    cartoons puppet puppets toy toys doll dolls teddy teddies song songs tune film films show shows programme
    programmes book books hymn hymns"""
)
#: Plants and trees, which with "and" show a given name beside them to be one too: "Hazel and willow".
PLANT_NAMES = _words(
    """willow oak ash birch rowan elder hazel holly ivy heather fern moss bracken thistle gorse broom pine fir
    yew beech alder lavender rosemary thyme mint basil sage daisy daisies daffodil daffodils tulip tulips
    rose roses lily lilies violet violets poppy poppies bluebell bluebells primrose primroses snowdrop
    snowdrops clover nettle nettles heather marigold marigolds jasmine iris irises myrtle laurel mistletoe
    sunflower sunflowers dusk sunrise sunset"""
)
#: Words before a song's title in the middle of a sentence: "we played Jolene twice".
SONG_LEADS = _words("played play playing sang sing singing requested request chose for")
