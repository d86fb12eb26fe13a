"""Common English words that say nothing about a question's subject (data).

The matcher's decline rule holds words the knowledge base has never seen
against a question ("deploy flask to heroku": *heroku* is outside the guide).
Everyday English is not outside the guide, though: "convince me to use flask",
"give me the gist of django", "what separates flask from django overall" ask
about Flask and Django in words no topic needs. The words below are *neutral*:
when the index does not know them they are neither evidence for a topic nor
counted as unknown, and generic words in example questions are not evidence
either. A word the index does know (a keyword, a synonym, a title word) is
matched as usual even if it is listed here.

What is listed: verbs, nouns, adjectives and adverbs of everyday talk and of
asking (explain, summarise, gist, opinion, honestly, overall), people and
workplace words (team, intern, boss, startup), time and quantity words
(weekend, couple, millions), chat filler, and what people call the bot
("hey bot", "@flaskvsdjango"). Inflections are covered by stem
("convinces", "convinced", "convincing").

What is deliberately NOT listed, so that it keeps counting against a question:
words that name a subject the guide does not cover, even when they are common
English — running and operating software (deploy, host, install, server,
docker, cloud, upgrade, migrate, version, slow, memory, performance, benchmark,
async), technical compounds of everyday words (rate *limiting*, *background*
tasks, *open* source, app *context*, long-*term* support, *settings*),
failures (error, bug, crash, fail, broken, fix, debug), testing, money
and hiring (salary, pay, price, cost, interview, resume), the frameworks'
history and makers (history, creator, "who made", "how old"), other technologies
and products, and everyday subjects (weather, food, cook, music, sport, travel,
health, joke, movie, book, game, car, phone, email, wifi, password...).
Keep it that way when adding words: a neutral word must be one that could sit
in a question about ANY subject.

Beyond the neutral words, ``is_common_word`` tells everyday English at large
(the 20,000 most frequent English words, ``common_words.txt``) from the rest:
an unknown word outside it is *foreign* (graphql, redis, vscode) and weighs
like an off-topic word; one inside it ("cook", "banana") is an ordinary
unknown word. ``PROJECT_KINDS`` (saas, crm, ios...) and ``RATE_UNITS``
("per second") are smaller lists for the same rule.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

# Built from a dict, whose size the set reads up front: from the list, the set grows by steps and
# ends with a table twice as large (8,192 slots for ~1,500 words: 64 KiB more).
NEUTRAL_WORDS: frozenset[str] = frozenset(dict.fromkeys(
    """
    able absolutely absorb abt accept accepted according accordingly
    accurate achieve act active actual add addition additional address admit
    admittedly advance afaict affect afraid after afternoon age ago agree
    agreed ahead aim alike alive allow allowed almost alone along alongside
    alot alright alternatively although altogether always amazing among
    amount angle announce annoying answer answers anybody anyhow anymore
    anyways anywhere apart apparently appear appreciate appreciated approach
    appropriate area arguably argue argument arguments around arrange arrive
    article asap aside aspect aspects assume assumption attempt attend
    attention attitude auto automatic automatically available average avoid
    aware away awesome awful back bad badly bare barely base based basic
    basics basis bc bear beat beautiful become begin beginning behind belief
    believe belong beside besides best bet beyond billion bits blame board bored
    boring boss bother bottom bounce brain brainstorm brief briefly bright
    brilliant bring bro broad broadly brother buddy bullet bunch business bye call
    called calls calm came capable care careful carefully carry catch cause cc
    ceo certain certainly certainty cfo challenge chance change changed
    channel chat cheatsheet check checked checker cheers chief child choice chose
    chosen cites claim clarification clarify clarity classic clean clear
    clearly clever client climb close closer closest clue clueless cofounder
    coin colleague colleagues collect combination come comes coming comment
    comments commit common commonly comparable compared compete complain
    complete completely concern concerned conclude concrete condition confident
    confirm confuse confused confusing confusion cons consider considerably
    considered considering consistent constant contact contain continue
    convince convinced convincing cool copes core correct correctly cos
    count couple cousin cover coworker coworkers coz crazy create created
    credits criteria cross crucial cto curiosity curious current currently
    custom cut cuz daily damn date day days deal dear debate decent deck deep
    deeply def defend definitely defo deliberately deliver deny depend
    depending depends describe described description deserve destroy detail
    detailed details determine devil die difference differently direct direction
    directly discover discuss discussion dislike distinct ditch divide door double doubt
    dozen drag dream drop dude due dumb dunno during duty eager earlier
    early easily effect effective effectively effort eight either elaborate
    eleven eli5 else elsewhere emphasis encourage end ended ending endless
    engage english enjoy enormous ensure enter entire entirely equal equally
    especially essence essential essentially establish estimate even evening
    eventually ever every everybody everyday everyone everywhere evidence
    exact exactly examine example examples excellent except exciting exclude
    exec execs exist existing expect expected experience experienced
    explaining explanation explanations explore external extra extremely eye
    face fact factor factors
    fair fairly fall fam familiar family famous fan fancy fantastic far
    favor favorite favour favourite fear feel feeling feels fellow felt few
    fewer fifty fight figure figured fill finally find fine finish finished
    firm first fit five flip fly focus fold folk folks follow followup fond
    fool force forever forget forgive formal former forth forward founder
    founders four frankly frequently fresh friend friendly friends front
    full fully fun funny furthermore fuss future gain gather gave general
    generally generate generated genuine genuinely get gets gimme gist give
    gives giving glad goal goals gone good gotten grab grateful great
    greatly ground group guarantee guide gut guy half hand handful handy
    hang happen happened happens happy hardly hate head heads hear heard
    hearing heart heavy held hello hence hesitant hesitate hesitating hidden
    hide high highlights highly hint hit hmmm hobbyist hobbyists holds honest honestly hope
    hopefully horrible hour hours however human hunch hundred hunt hurry
    hurt hw idea ideal ideally ideas identify ignore ikr illustrate imagine
    immediately impact imply importance important impression improve include
    including increase incredibly indeed indicate individual influence info
    inform information initial initially input insight insights insist
    instance instead intend interest interested interesting intern internal
    interns introduce intuition invent investor investors invite involve
    involved ish issue item join judge jump keen keep keeps kept kick kid kids
    kinda kk knock knowledge known largely last late lately later latest
    laugh lay lead leader lean leaning least leave led lemme less let level
    lie life lift likely lil line listen literally live long longer look looked
    looking looks loose looser lose loss lost loud love lovely low lowdown
    luck lucky ma'am madam made main mainly major majority make makes making
    manager managers mark match matches mate matter matters max maximal maximum may mean meaning
    meant meanwhile measure meet meeting meetings meh member members mention
    mentioned mentions mere merely message middle might million millions
    mind mine minor minute minutes mistake mix mode moment month months
    moreover morning mostly mother move moving multi multiple mum myself nah name names nay
    named namely narrow natural naturally near nearly neat necessarily
    necessary negative neither nervous never nevertheless new next nice
    night nine nobody non none nonetheless nonsense normal normally notably
    note noted nothing notice novice nuance number numbers nvm obtain
    obvious obviously occasionally occur odd ofc offer official often old
    oneliner opinion opinions opposite option options ordinary originally
    otherwise outside overall overkill oversimplify overthinking owe owner
    pack pain painful paint pair pal paragraph part particular particularly partner
    party pass past peeps peer people per percent perfect perfectly perhaps
    period person personal personally perspective persuade phrase pick
    picked picking picture piece pitch place plain plainly plan planning play
    please pleased plenty plus pm point pointer pointers points polite poor
    positive possible possibly potentially pov ppl practical practice pray
    precisely predict prefer prepping prefered preference preferred prepare present presentation
    press presumably pretend pretty previous previously primarily primary
    prime prior priority prob probably problem problems probs prod production
    promise proper properly proud prove provide pull punch pure purpose push
    put puzzled q1 q2 q3 q4 qualify quality quickie quite quote raise ramble rambling
    random range rank rare rarely rate rather reach read readily reading
    ready real realise realistic realistically reality realize really reason
    reasonable reasonably recall receive recent recently reckon recognise
    recognize reduce refer reflect refuse regard regarding regardless regret
    regular regularly reject related relative relatively relax relevant rely
    remain remember remind remove repeat replace reply report represent
    require required rescue resist resolve respect respond result results
    retro return reveal review rid ride right ring rise rly rn roll room
    rough roughly round rule rules run rundown rush sad same sanity satisfy
    say saying scare scenario second seconds section see seeing seek seem
    seemed seems seen self sell selling send sense sentence sentences
    separate separately seriously settle seven several shake shall shape
    share shift shoot short shortlist shortly shout show showing shown shut
    side significant silly similar simplest simply since sincerely sing
    single sink sir sis sister sit situation six skim skip slack slice slide slides
    slightly smart smh smile snapshot solid solve somebody somehow someone
    sometime sometimes somewhat somewhere soon sorry sorta sound sounds
    spare speak speaking special specific specifically specifics spend spot
    spread sprint squad squeeze srsly stakeholder stakeholders stand standup
    standups stare start started starter starting startup startups state
    statement stay steal step steps stick story straight strange strictly strike
    strong strongly struggle struggling stuck stupid style subject sudden
    suffer suggest suggestion suit sum summarise summarize summed summing
    super supply support suppose supposed sure surely surprise surprised
    surround survive suspect swallow sweet swing switch tackle take taken
    takes taking talk talked talking tbf teammate teammates tear teh
    technical nontechnical techie tell
    tells ten tend terrible thank thanks thatll themselves theory therefore thing
    thinking third thirty tho though thoughts thousand threaten three throw
    thru thumb thus tie time tip tips title today together told tolerate ton
    tons tool tools top topic topics total totally touch tough toward toy toys
    towards tradeoff tradeoffs treat tricky trouble true truly trust truth
    try trying turn twelve twenty twice twist two type types typical tysm
    ultimately unbiased unclear undecided undergo understand understandable
    understanding undertake undoubtedly unique unless unlike unlikely unsure
    upon upset urge urgent us usage use useful usual usually utmost value various
    vary vast verify virtually visit vote vp wait wake walk wander wanting
    warm warn wash waste wat watch wats weak wear week weekend weeks weigh
    weird welcome whatcha whatever whatnot whenever whereas wherever
    whichever whoever whole whomever whose wht whta wide widely wife willing
    win wind wipe wise wish within without wld wonderful wondering word words
    work world worried worry worse worst worth wow wrap write wrong wtf wth wut
    ya yay yea year years yell yesterday young yourself yup
    thesis supervisor chapter blunt myth myths candidate candidates niche serious
    tech zero lowkey highkey bruh bro fam vibe vibes sus deadass tbf fr frfr istg
    shud shld yr yrs becuz
    bhai yaar amigo amiga hermano irmao habibi abi oga obligate obligates obliged
    done block blocks blocked blocking
    clone clones mini standup standups wild category categories
    flaskvsdjango bot
    another chunk chunks overblown overrated overhyped exaggerated
    sprawling sprawl paranoid tmrw tmr tmrow vale ta greenfield brownfield comfort zone
    roadmap roadmaps deck decks prepping
    spaghetti rewrite rewrites rewriting rewritten wisdom thrown doomscrolling linkedin drying legit fud
    nephew nephews niece nieces cousin cousins son sons daughter daughters uncle aunt mom mum dad parents standpoint viewpoint
    ugh argh sigh sre sres grad grads graduate graduates
    steering committee committees audience
    saw blank limited consultant consultants bullet bullets repo repos oversimplifying oversimplified
    """.split()
))


# Subjects next to the guide's but outside it: running and operating an app,
# speed and performance, versions and upgrades, failures and testing, pay and
# interviews, surveys. The guide compares Flask and Django as choices; it says
# nothing on how fast either runs, how to deploy, install or debug them, what a
# developer earns, or what share of developers use either, so a question with
# one of these words is declined however well the rest of it matches
# ("flask-wtf csrf token missing error"). A matched phrase still covers its
# words, and installing an add-on is the extensions the guide speaks of ("a separate plugin you
# install": bot.matching.resolve). Surface forms, not stems: "profiling" is listed, "profiles" (social
# networks) is not. The last line holds the frameworks' namesakes: a film, a
# guitarist, the lab flask.
OUT_OF_SCOPE_SUBJECTS: frozenset[str] = frozenset(
    """
    deploy deployed deploying deployment deployments redeploy host hosted
    hosting hostname docker dockerfile dockerize dockerise dockerized
    dockerised container containers containerize containerise kubernetes
    k8s helm heroku aws ec2 azure gcp vercel netlify digitalocean
    pythonanywhere nginx apache uvicorn daphne hypercorn systemd devops vps
    cloud serverless linux ubuntu debian windows macos
    install installed installing installation installer pip pipenv conda
    virtualenv venv version versions upgrade upgraded upgrading downgrade
    migrate migrating migration migrations release releases lts
    deprecated deprecation unmaintained argon2
    license licence licenses licences licensing licensed translation translations i18n l10n
    localisation localization internationalisation internationalization rtl
    performance performant benchmark benchmarks benchmarking latency
    throughput slow slower slowest slowness
    rps optimize optimise optimizing optimising optimization optimisation
    profiling profiler memory cpu ram
    async asyncio await asynchronous asgi websocket websockets socketio
    celery cron snippet snippets graphql grpc reload reloading autoreload reloader
    connections pooling holiday holidays vacation vacations mypy iteration iterations
    testing pytest unittest debug debugging debugger traceback stacktrace
    exception exceptions error errors bug bugs crash crashes crashing
    crashed broken failing fails failed fix fixes fixing
    salary salaries pay paid wage wages income earn earns earning earnings
    compensation interview interviews interviewing
    pr prs git github gitlab bitbucket rebase
    history creator creators inventor inventors community communities
    percentage percentages statistic statistics survey surveys game games gaming gamedev
    unchained tarantino reinhardt erlenmeyer
    """.split()
)

# Who made the frameworks and when: the guide tells neither. "who" right before
# one of these verbs ("who made flask", "who originally created django"), or
# "when was/did ..." with one of them ("when was django released"), or "how old"
# declines the question like a word of OUT_OF_SCOPE_SUBJECTS (bot.matching.cues).
ORIGIN_VERBS: frozenset[str] = frozenset(
    """
    made created create creates wrote written writes invented invents founded
    designed developed authored maintains maintained released launched started
    """.split()
)

# "requests per second", "queries per minute": a rate is a question about
# performance, which the guide does not measure. "per" followed by one of
# these declines the question like a word of OUT_OF_SCOPE_SUBJECTS.
RATE_UNITS: frozenset[str] = frozenset(
    "second seconds sec secs minute minutes min mins ms millisecond milliseconds hour day".split()
)

# "not working", "doesn't load", "template folder not found": a failure
# report, the same subject as "error" or "broken". A negation followed by one of
# these declines the question like a word of OUT_OF_SCOPE_SUBJECTS.
NEGATIONS: frozenset[str] = frozenset(
    "not doesnt isnt wont didnt dont arent cannot never".split()
)
# The asker's background, not the subject: "coming from node, what's
# flask", "php dev here, what is django". The technology named right after
# one of these verbs + "from", or right before one of these roles + "here"
# (or after "i'm a" / "as a"), describes who asks (bot.matching); so does
# a role + "here" even when a topic knows the word ("noob here, what's flask").
BACKGROUND_VERBS: frozenset[str] = frozenset(
    "coming come came switching switched switch moving moved move migrating "
    "migrated transitioning transitioned converting".split()
)
BACKGROUND_ROLES: frozenset[str] = frozenset(
    "dev devs developer developers engineer engineers programmer programmers "
    "guy person background noob newbie beginner junior student students "
    "manager pm po founder cofounder cto ceo recruiter teacher lecturer professor designer analyst hire hires "
    "consultant freelancer intern researcher architect refugee convert veteran grad graduate".split()
)

FAILING_VERBS: frozenset[str] = frozenset(
    """
    work works working worked found load loads loading loaded start starts
    starting started run runs running send sends sending sent show shows
    showing connect connects connecting respond responds responding save saves
    saving render renders rendering stick sticks sticking persist persists persisting update updates
    updating
    """.split()
)

# Other frameworks and languages, and services (payment providers). The guide compares none of them with Flask
# or Django, but a question may name one only as context ("coming from node,
# what is flask?"), so such a word counts against it as OFF_TOPIC_WEIGHT
# unknown words rather than declining it outright; it is never evidence.
OTHER_TECHNOLOGIES: frozenset[str] = frozenset(
    """
    fastapi express expressjs node nodejs rails ruby laravel php spring java
    golang rust dotnet aspnet nextjs nuxt tornado pyramid bottle cherrypy
    sanic starlette quart streamlit web2py elixir phoenix kotlin ktor scala
    csharp fsharp perl haskell clojure actix axum deno nestjs fastify symfony
    codeigniter cakephp drf ninja vue vuejs svelte sveltekit angularjs
    stripe paypal braintree
    redis memcached valkey rabbitmq kafka sqlalchemy
    """.split()
)

OFF_TOPIC_WORDS: frozenset[str] = OUT_OF_SCOPE_SUBJECTS | OTHER_TECHNOLOGIES

# Words of the guide's that office talk uses in another sense, told by a word near them when
# neither framework is named: "the blueprint for the office move" (a building's plan) or "for q3", "scaling
# the big wall at the climbing gym", "the admin for the office wifi" (bot.matching.cues.other_sense).
_BUILDING = frozenset(
    "office offices floor floors floorplan building buildings layout desk desks house architect architects"
    " renovation facilities kitchen".split())
_CLIMBING = frozenset("wall walls climbing climb gym rope ropes mountain mountains ladder boulder".split())
# a company's plans for a period: "our blueprint for q3 planning", "the growth blueprint for next quarter"
_PLANNING = frozenset("q1 q2 q3 q4 quarter quarterly roadmap okr okrs offsite reorg headcount budget".split())
# the office's own kit and spaces: "who's the admin for the office wifi", "admin rights on the #marketing channel"
_OFFICE_IT = frozenset("wifi printer printers vpn laptop laptops router email inbox mailbox keyboard projector"
                       " channel channels workspace calendar".split())
# "the extension cord", "a deadline extension", "my phone extension": not Flask's
_EXTENDED = frozenset("cord cords cable cables lead leads plug socket phone number deadline deadlines lease visa"
                      " hair eyelash eyelashes".split())
# "who's ordering lunch", "order pizza for the demo": food, not a shop's orders
_FOOD = frozenset("lunch dinner breakfast brunch food pizza pizzas coffee coffees tacos sushi snacks drinks"
                  " sandwiches takeout takeaway catering".split())
# "background jobs", "a cron job": tasks a server runs, not jobs for developers
_TASKS = frozenset("background cron batch scheduled queue queued worker workers async celery".split())
# "did anyone catch the match last night", "catch the train": seen or reached, not the drawback ("what's the catch")
_SEEN = frozenset("match game games show episode talk keynote stream train bus flight film movie final fight".split())
OTHER_SENSES: dict[str, frozenset[str]] = {
    "blueprint": _BUILDING | _PLANNING, "blueprints": _BUILDING | _PLANNING,
    "admin": _OFFICE_IT, "admins": _OFFICE_IT,
    "extension": _EXTENDED, "extensions": _EXTENDED,
    "order": _FOOD, "orders": _FOOD, "ordering": _FOOD, "ordered": _FOOD,
    "job": _TASKS, "jobs": _TASKS,
    "scale": _CLIMBING, "scaling": _CLIMBING, "scaled": _CLIMBING,
    "catch": _SEEN, "caught": _SEEN,
}
# ... unless the message also speaks of the guide's sense: a shop's orders ("a subscription shop for
# specialty coffee, recurring orders, customer accounts")
_SHOP = frozenset("shop shops store stores online catalog catalogue checkout cart customer customers product"
                  " products sku skus subscription subscriptions ecommerce webshop eshop inventory".split())
SAME_SENSE: dict[str, frozenset[str]] = {"order": _SHOP, "orders": _SHOP, "ordering": _SHOP, "ordered": _SHOP}


# Words the guide uses in one sense only: "fast" and "speed" of development
# (rapid development, quick prototypes), never of how fast an app runs. On
# their own they are not evidence for a topic (a phrase still is: "ship
# faster", "speed up development") and count as one unknown word, so "is flask
# faster than django" declines while "we need an mvp fast" can still be answered.
# Likewise "request": the guide's one request is the forged one of CSRF ("request
# forgery"); "how does flask handle a request", a pull request or a request for time
# off are not about it.
UNSURE_WORDS: frozenset[str] = frozenset("fast faster fastest speed speeds request".split())


# Kinds of application and business that askers describe their own project
# with ("a saas", "our ios app", "a crm for sales", "a fintech startup"). Not in
# the everyday-English list, but not a technology the question is about
# either: they count as everyday unknown words, not as foreign ones.
PROJECT_KINDS: frozenset[str] = frozenset(
    """
    saas paas crm crms erp cms lms ios android iphone ipad fintech edtech
    healthtech proptech insurtech martech b2b b2c d2c startup startups webapp
    webapps webshop website websites aggregator aggregators chatbot chatbots
    intranet extranet microsite portal portals ecommerce eshop crud mvp poc monolith monoliths
    """.split()
)


# Everyday English at large (data: ``common_words.txt`` beside this module, the
# 20,000 most frequent English words). A word the knowledge base does not know
# and that is neither neutral nor listed there is a *foreign* term: a product,
# library, protocol or piece of jargon (graphql, redis, pagination, vscode,
# jwt, cors, htmx, s3, http2). Such a word is almost always what a question is
# about, so the matcher holds it against the question much harder than an
# unknown everyday word. Kept in memory as CRC-32 hashes in 256 sorted arrays
# by top byte (~100 KB, not ~2 MB of str objects; sorting a bucket at a time
# keeps the load's peak small too), loaded once; a false "common" needs a
# hash collision among 20,000 of 2**32 values.
_COMMON_FILE = Path(__file__).with_name("common_words.txt")


@lru_cache(maxsize=1)
def _common_hashes() -> tuple[array, ...]:
    buckets = [array("I") for _ in range(256)]
    with _COMMON_FILE.open(encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                for w in line.split():
                    h = zlib.crc32(w.encode())
                    buckets[h >> 24].append(h)
    return tuple(array("I", sorted(b)) for b in buckets)


def is_common_word(word: str) -> bool:
    """``word`` itself is one of the 20,000 most frequent English words."""
    h = zlib.crc32(word.encode())
    table = _common_hashes()[h >> 24]
    i = bisect_left(table, h)
    return i < len(table) and table[i] == h
