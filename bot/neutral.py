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
(weekend, couple, millions), chat filler. Inflections are covered by stem
("convinces", "convinced", "convincing").

What is deliberately NOT listed, so that it keeps counting against a question:
words that name a subject the guide does not cover, even when they are common
English — running and operating software (deploy, host, install, server,
docker, cloud, upgrade, migrate, version, slow, memory, performance, benchmark,
async), failures (error, bug, crash, fail, broken, fix, debug), testing, money
and hiring (salary, pay, price, cost, interview, resume), other technologies
and products, and everyday subjects (weather, food, cook, music, sport, travel,
health, joke, movie, book, game, car, phone, email, wifi, password...).
Keep it that way when adding words: a neutral word must be one that could sit
in a question about ANY subject.
"""

from __future__ import annotations

NEUTRAL_WORDS: frozenset[str] = frozenset(
    """
    able abt accept accepted according accordingly accurate achieve act
    actual add addition additional address admit admittedly advance afaict
    affect afraid after afternoon age ago agree agreed ahead aim alike alive
    allow allowed almost alone along alot alright alternatively although
    altogether always amazing among amount angle announce annoying answer
    answers anybody anyhow anymore anyways anywhere apart apparently appear
    appreciate appreciated approach appropriate area arguably argue argument
    arguments around arrive article asap aside aspect aspects assume
    assumption attention attitude auto automatic automatically available
    average avoid aware away awesome awful back bad badly bare barely base
    based basic basics basis bc bear beat beautiful become begin beginning
    behind belief believe belong beside besides best bet beyond billion bits
    blame bored boring boss bother bottom brain brainstorm brief briefly
    bright brilliant bring bro broad broadly brother buddy bunch bye call
    called calls calm came capable care careful carefully carry catch cause
    ceo certain certainly certainty cfo chance change changed chat check
    checked checker cheers chief child choice chose chosen claim
    clarification clarify clarity clean clear clearly clever client close
    closer closest clue clueless cofounder coin colleague colleagues
    combination come comes coming comment comments commit common commonly
    comparable compared complete completely concern concerned conclude
    condition confident confirm confuse confused confusing confusion cons
    consider considered considering consistent constant contact continue
    convince convinced convincing cool correct correctly cos count couple
    cousin cover coworker coworkers coz crazy create created criteria
    crucial cto curiosity curious current currently cut cuz daily damn day
    days dear debate decent deep deeply def definitely defo deliver depend
    depending depends describe described description deserve detail detailed
    details determine devil die difference direct direction directly discuss
    discussion dislike distinct door doubt dozen dream dude due dumb dunno
    during duty eager earlier early easily effect effective effectively
    effort eight either elaborate eleven eli5 else elsewhere emphasis end
    ended ending endless enjoy enormous entire entirely equal equally
    especially essence essential essentially even evening eventually ever
    every everybody everyday everyone everywhere evidence exact exactly
    example examples excellent except exciting exec execs exist existing
    expect expected experience experienced explaining external extra
    extremely eye face fact factor factors fair fairly fall fam familiar
    family famous fan fancy fantastic far favor favorite favour favourite
    fear feel feeling feels fellow felt few fewer fifty figure figured fill
    finally find fine finish finished firm first five focus folk folks
    follow followup fond fool force forever forget formal former forth
    forward founder founders four frankly frequently fresh friend friendly
    friends front fully fun funny furthermore future gain gave general
    generally generate generated genuine genuinely get gets gimme gist give
    gives giving glad goal goals gone good gotten grab grateful great
    greatly ground group guide gut guy half hand handy hang happen happened
    happens happy hate head heads hear heard hearing heart heavy held hello
    hence hesitant hesitate hesitating hidden hint hit hmmm honest honestly
    hope hopefully horrible hour hours however human hunch hundred hurt hw
    idea ideal ideally ideas ignore ikr illustrate imagine immediately
    impact importance important impression improve include including
    increase indeed indicate individual info inform information initial
    initially input insight insights instance instead intend interest
    interested interesting intern internal interns introduce intuition
    investor investors involve involved issue item join judge keen keep
    keeps kept kid kids kinda kk knowledge known largely last late lately
    later latest lead leader lean leaning least leave led lemme less let
    level lie life likely line list listen literally live long longer look
    looked looking looks loose looser lose loss lost loud love lovely low
    lowdown luck lucky ma'am madam main mainly major majority make makes
    making mate matter matters mean meaning meant meanwhile measure meet meh
    member members mention mentioned mentions mere merely message middle
    might million millions mind mine minor minute minutes mistake mix mode
    moment month months moreover morning mostly mother move moving multiple
    mum myself nah name named namely narrow near nearly neat necessarily
    necessary negative neither nervous never nevertheless new next nice
    night nine nobody non none nonetheless nonsense normal normally note
    noted nothing notice novice nuance number numbers nvm obvious obviously
    occasionally odd ofc offer official often old oneliner opinion opinions
    opposite option options ordinary originally otherwise outside overall
    overkill oversimplify overthinking owner pain painful pair pal paragraph
    part particular particularly party pass past peeps peer people per
    percent perfect perfectly perhaps period person personal personally
    perspective persuade phrase pick picked picking picture piece place
    plain plainly plan planning play please pleased plenty plus pm point
    pointer pointers points polite poor positive possible possibly pov ppl
    practical practice prefer prefered preference preferred prepare present
    pretty previous previously primarily primary prior priority prob
    probably problem problems probs production proper properly proud prove
    provide pull pure purpose push put puzzled quality quickie quite quote
    ramble rambling random range rank rare rarely rate rather reach read
    reading ready real realise realistic realistically reality realize
    really reason reasonable reasonably recall receive recent recently
    reckon refer regard regarding regardless regular regularly related
    relative relatively relevant rely remain remember remind repeat reply
    report require required respect respond result results review rid right
    rly rn room rough roughly round rule rules run rundown rush sad same
    sanity say saying scenario second seconds section see seeing seem seemed
    seems seen self sell selling send sense sentence sentences separate
    separately seriously set settle seven several shall shape short
    shortlist shortly show showing shown side significant silly similar
    simplest simply since sincerely single sir sis sister situation six skim
    skip slightly smart smh snapshot solid somebody somehow someone sometime
    sometimes somewhat somewhere soon sorry sorta sound sounds speak
    speaking special specific specifically specifics spend spot sprint srsly
    stakeholder stakeholders stand start started starter starting startup
    startups state statement stay step steps stick straight strange strong
    strongly struggle struggling stuck stupid style subject sudden suggest
    suggestion suit sum summarise summarize summed summing super support
    suppose supposed sure surely surprise surprised suspect sweet take taken
    takes taking talk talked talking tbf teammate teammates teh tell tells
    ten tend terrible thank thanks themselves theory therefore thing
    thinking third thirty tho though thoughts thousand three throw thru thus
    tip tips title today together told ton tons top topic topics total
    totally touch tough toward towards tradeoff tradeoffs treat tricky
    trouble true truly trust truth try trying turn twelve twenty twice two
    type types typical tysm ultimately unbiased unclear undecided understand
    understandable understanding unique unless unlike unlikely unsure upon
    upset urgent us usage use useful usual usually value various vast verify
    visit vote vp wait walk wanting warm wat watch wats weak week weekend
    weeks weird whatcha whatever whatnot whenever whereas wherever whichever
    whoever whole whomever whose wht whta wide widely wife willing win wise
    wish wonderful wondering word words work world worried worry worse worst
    worth wow wrap write wrong wtf wut ya yea year years yesterday young
    yourself yup
    """.split()
)


# Words that name a subject next to the guide's but outside it: running and
# operating an app, speed and performance, versions and upgrades, failures and
# testing, pay and interviews, and other frameworks. The guide compares Flask
# and Django as choices; it says nothing on how fast either runs, how to deploy
# or install them, or what a developer earns. Such a word counts against a
# question more than an unknown word does, and is not evidence for any topic
# even where a topic's wording uses it (a topic that covers "building faster"
# says so with a phrase, "ship faster", which still matches). Surface forms,
# not stems: "profiling" is listed, "profiles" (social networks) is not.
OFF_TOPIC_WORDS: frozenset[str] = frozenset(
    """
    deploy deployed deploying deployment deployments redeploy host hosted
    hosting hostname docker dockerfile dockerize dockerise dockerized
    dockerised container containers containerize kubernetes k8s helm heroku
    aws ec2 azure gcp vercel netlify digitalocean pythonanywhere nginx apache
    uvicorn daphne hypercorn systemd devops vps cloud serverless
    linux ubuntu debian windows macos
    install installed installing installation installer pip pipenv conda
    virtualenv venv version versions upgrade upgraded upgrading downgrade
    migrate migrating migration migrations release releases lts
    performance performant benchmark benchmarks benchmarking latency
    throughput fast faster fastest slow slower slowest slowness speed speeds
    rps optimize optimise optimizing optimising optimization optimisation
    profiling profiler memory cpu ram
    async asyncio await asynchronous asgi websocket websockets socketio
    celery cron
    testing pytest unittest debug debugging debugger traceback stacktrace
    exception exceptions error errors bug bugs crash crashes crashing
    crashed broken failing fails failed
    salary salaries pay paid wage wages income earn earns earning earnings
    compensation interview interviews interviewing resume cv
    fastapi express expressjs node nodejs rails ruby laravel php spring java
    golang rust dotnet aspnet nextjs nuxt tornado pyramid bottle cherrypy
    sanic starlette quart streamlit web2py
    """.split()
)
