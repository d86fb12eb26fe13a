"""The matching rules, each through the answer it gives on the shipped knowledge (the
package docstring, bot/matching/__init__.py, states them). A rule's cases show what it
changes and, where it has one, its limit; cues read on their own are tested in
test_matching.py."""

from __future__ import annotations

import pytest

from bot.knowledge import default_knowledge_dir, load_knowledge
from bot.matching import Answerer


@pytest.fixture(scope="module")
def shipped() -> Answerer:
    return Answerer(load_knowledge(default_knowledge_dir()))


RULES: dict[str, list[tuple[str, str]]] = {
    "unframed: no framework named, no choice asked, mostly words the guide does not know": [
        # workplace talk in the guide's words: nothing names a framework or asks for a choice,
        # and three or more of its words are outside the guide
        ("can someone reset my password for the staging admin panel? locked out again", "decline"),
        ("rapid prototyping workshop in room 4 at 3pm, who's in? pizza provided :pizza:", "decline"),
        # a framework named: the same unknown words describe the asker's project
        ("is the django admin panel ok for warehouse staff editing pallets and forklifts", "admin-interface"),
        # ... and the price of the rule: with no framework named, it declines (suggesting the admin)
        ("is the admin panel ok for warehouse staff editing pallets and forklifts", "decline"),
        # fewer unknown words: the usual decline rule decides
        ("school portal with quizzes and grades", "education"),
        # the asker's situation told first, then the question: its unknown words are the project's
        ("hey so we're digitising a museum archive (objects, donors, exhibition history). the curators need"
         " to edit records themselves. do we get an admin screen for the staff out of the box?", "admin-interface"),
        # ... and weigh less against the question about it
        ("game leaderboard backend for our indie mobile game. right now its like 200 players but marketing reckons"
         " 50k by christmas lol. will flask actually scale to that?", "flask-scalability"),
        # told after the question, they still count
        ("who handles building security? my badge won't open the 3rd floor door", "decline"),
    ],
    "identity: asked what a framework is, the rest says where the asker met it": [
        ("heard about flask at a meetup, what is it", "flask-overview"),
        ('new PM here :wave: engineering keeps saying "django" in standup, what actually is it?', "django-overview"),
        ("someone on my team keeps saying flask, is that like a python thing?", "flask-overview"),
        # the same asked again by kinds of thing; not another question after it
        ("dumb PM question but what is django exactly? is it a language, a tool, a library...?", "django-overview"),
        ("what is django? is it secure?", "security"),
        # the words where the asker met it no longer count against it, but off-topic ones do,
        # and so does a word right after the name, which may name something else
        ("heard about flask at a meetup, what is it? how do i deploy it", "decline"),
        ("what is django ninja", "decline"),
        # "what is django?" asked at the end counts as well: the sentence before is the asker
        ("I'm a data scientist, mostly pandas and notebooks. In one sentence, what is Django?", "django-overview"),
        ("what is django unchained about?", "decline"),   # not at the end: something else
    ],
    "amounts: a multiplier is neutral, and a known word after an amount keeps its meaning": [
        ("traffic is supposed to 10x after launch :grimacing: can flask keep up when we grow?", "flask-scalability"),
        ("we expect 10x traffic next year, flask or django?", "final-verdict"),  # "traffic" after "10x" is still known
    ],
    "other technologies: frontend frameworks are not the guide's either": [
        ("react or vue to pair with my REST API backend?", "decline"),
    ],
    "namesakes: the film, the guitarist and the lab flask are outside the guide": [
        ("who played the title role in Django Unchained?", "decline"),   # "role" alone reads as permissions
        ("what songs did django reinhardt record", "decline"),
        ("where can I buy an erlenmeyer flask for the lab", "decline"),
    ],
    "cannot: before a word of the guide's, it is not a lack": [
        # before a word of the guide's, "cannot" says what is asked about, not that something lacks
        ("flask doesnt scale right?", "flask-scalability"),
        ("I can't decide, help me", "final-verdict"),
        # at the end, or before "do", "have" or a framework: something one of them lacks
        ("what can django do that flask can't do", "faq-django-can-flask-cannot"),
        ("anything django has that flask doesn't have?", "faq-django-can-flask-cannot"),
        ("what can't flask do that django can", "faq-django-can-flask-cannot"),
    ],
    "set aside: subjects set aside are neither evidence nor outside the guide": [
        ("Is Django a good choice for an educational platform? Not asking about hosting or pricing, "
         "just the framework fit.", "education"),
        ("not asking about the admin, just which one is more secure", "security"),
        # named as what is asked, the same subjects still decline
        ("Is Django a good choice for an educational platform, and what about hosting?", "decline"),
    ],
    "code: a request for code is outside the guide": [
        ("write me a flask hello world pls", "decline"),
        ("can you share a code example of a django model", "decline"),
        ("paste a snippet for flask login", "decline"),
        # code as a subject of the guide's, not asked for
        ("does django mean writing less boilerplate code", "rapid-development"),
        # code asked to be written: "write me", "can you write", or the message's first word
        ("write me a flask route that returns json", "decline"),
        ("can you write a django model for a blog post with tags", "decline"),
        ("generate a view that lists users", "decline"),
        # what one can write with a framework is asked, not code: "you" is anyone
        ("can you write rest apis in flask", "rest-apis"),
    ],
    "office: rooms, plans and kit of the office are not the guide's": [
        ("our security audit is next week, who's booking the meeting room?", "decline"),
        ("can someone share our blueprint for q3 planning", "decline"),
        ("who's the admin for the office wifi, it keeps dropping", "decline"),
        ("can you review my PR on the admin page?", "decline"),  # code review: a pull request
        # who in the office does something ("who's" + an -ing verb), no framework named
        ("who's bringing snacks to the friday demo", "decline"),
        ("who is running the prototyping workshop", "decline"),
        ("who's using flask in production", "companies"),
        # a framework named, the guide's sense is meant
        ("does django give us an admin panel for the office staff", "admin-interface"),
    ],
    "typed: what Slack would have written differently reads as it would": [
        ("@faqbot any big names actually using django in production?", "companies"),  # a typed mention
        ("our flask app.py is 3000 lines lol. how do i break it into separate parts?", "blueprint"),
        ("will flask cope with 10,000 users?", "flask-scalability"),  # one count, not "10" and "000"
    ],
    "meetings: the asker's estimates and the meeting's running are not the guide's": [
        ("how long would it take to build an e-commerce mvp in django with 3 devs", "decline"),
        ("rough estimate: how many weeks to get a rest api with auth done in flask?", "decline"),
        ("who is taking notes on the django discussion today", "decline"),
        # how long it takes to learn one is how hard it is: the guide's
        ("how long does it take to get comfortable with django, is it hard", "ease-of-learning"),
    ],
    "who says: the asker, and whoever told them, are not the subject": [
        ("senior dev here, everyone keeps saying they're 'basically the same'. what are the actual concrete "
         "differences", "key-differences"),
        # a claim to check, then only "true?": the claim is what is asked about
        ("jen claimed in the meeting there's nothing django can do that flask can't. true?",
         "faq-django-can-flask-cannot"),
    ],
    "stages: a product's demo version is no release": [
        ("if we build the demo version in flask can we grow it into the real product later or is that a rewrite",
         "prototyping"),
        ("which django version should i use", "decline"),
        # a stage word two words before: "a quick scrappy version", "a stripped down version"
        ("before we build the real thing we want a quick scrappy version to put in front of 5 customers. which"
         " framework gets that done with the least setup?", "prototyping"),
        ("does the first flask version support blueprints", "decline"),
        # ...nor is an explanation told shorter
        ("QA engineer, about to start testing an internal tool the devs built on django. can someone give me "
         "the one-paragraph version of what django even is", "django-overview"),
        ("give me the short version of how flask works", "flask-overview"),
    ],
    "context: what a telling sentence names outside the guide is the asker's situation, not the ask": [
        ("had an interview last week and the recruiter kept going on about backend roles wanting flask. is it "
         "still a marketable skill in 2025?", "faq-flask-demand"),
        ("how do i write tests for a flask app?", "decline"),  # asked, testing is outside the guide
    ],
    "weighed: the pros and cons the asker has already read are behind them, not asked": [
        ("ok I've read all the pros and cons, just tell me: which one do I go with?", "final-verdict"),
        ("ok bottom line after all the pros and cons: when do i choose flask and when do i choose django?",
         "final-verdict"),
        ("what are the pros and cons of flask vs django", "drawbacks"),
    ],
    "subjects: no survey or percentage in the guide; a channel typed with its # is office talk": [
        ("what percent of python devs use django these days", "decline"),
        ("who is admin of #eng-random, need to add new hire", "decline"),
        ("someone in #general said reddit and netflix run on flask, is that true?", "companies"),
        ("c# vs flask", "decline"),
    ],
    "reuse: packaging a part to reuse it is a blueprint": [
        ("can I package an admin area once and reuse it in several flask apps?", "blueprint"),
        ("which packages do i need for flask auth", "flask-extensions"),
    ],
    "told: a claim to check, or words across punctuation, are read as said": [
        # "fair summary or not?" only asks whether the claim holds: the claim is what is asked
        ("my colleague says django forces you into its way of doing things while flask lets you pick your "
         "own db and auth. fair summary or not?", "flexibility"),
        # "flagged 'CSRF'": a verb before a quoted term names no kind of it
        ("security review flagged 'CSRF' on our forms. does csrf protection come with django?", "csrf"),
        # what a framework can run at all is its capacity, not a failure
        ("my lead says flask is strictly for toy projects and can't run anything big. I say it grows just fine. "
         "who's right?", "flask-scalability"),
        ("flask app can't run on windows", "decline"),
        # "not the admin panel, I mean ...": what the asker does not mean is set aside
        ("not the admin panel, I mean the database layer — what does django give you for working with the db "
         "without writing raw SQL?", "orm"),
        # two words written apart in a telling sentence weigh as context
        ("deadline in 6 weeks, production app, not a throwaway. tons of repetitive CRUD, user management, a back "
         "office. which framework saves us from reinventing all that?", "rapid-development"),
    ],
    "choosing: standardising on one is choosing it": [
        ("which one should we standardise on for the new internal services, flask or django? team's split down "
         "the middle", "final-verdict"),
    ],
    "estimates: a count of sprints for a job is an estimate, not a constraint": [
        ("is it a two-sprint or four-sprint job to build our back office with flask-admin?", "decline"),
        ("quick throwaway prototype, 1 sprint, flask?", "prototyping"),
    ],
    "releases: a framework's name and a number is a release the guide never covers": [
        ("is django 5 secure", "decline"),
        ("3 python devs, flask or django", "final-verdict"),
        # ... but "a flask version of django's admin" is its counterpart
        ("is there a flask version of django's admin or do we have to bolt something on ourselves?",
         "admin-interface"),
    ],
    "heard: 'what is that?' after a word someone kept saying asks about that word": [
        ("someone in standup kept saying WSGI when talking about flask, what is that?", "wsgi"),
        ("my coworker keeps saying flask, what is that?", "flask-overview"),
    ],
    "traffic: spikes in traffic are scale, not a spike (a prototype)": [
        ("can flask cope when traffic spikes?", "flask-scalability"),
        ("is a quick spike in flask a good way to test the idea?", "prototyping"),
    ],
    "senses: an extension cord, a community feature, a new hire, the admin panel's 'it'": [
        ("anyone seen the long extension cord from the demo room? thx", "decline"),
        ("Could Django power a community feature where users follow each other and post updates, basically a "
         "mini social network?", "social-networks"),
        ("which has the bigger community, flask or django?", "decline"),
        ("New hire here, what kinds of projects is Django most commonly picked for?", "django-use-cases"),
        ("django admin panel, what does it do?", "admin-interface"),
        ("heard about flask at a meetup, what is it?", "flask-overview"),
        ("cc @sam what's the actual case for going with Django on the new internal portal?", "why-django"),
    ],
    "phrases: productive faster is learning; a rule of thumb is the verdict; holding up is scale": [
        ("We've got two bootcamp grads starting Monday and they've only done basic Python. Which framework will "
         "they get productive in faster?", "ease-of-learning"),
        ("Two projects kick off next month: a small internal API and a customer-facing app we expect to grow a "
         "lot. What's the general rule of thumb?", "final-verdict"),
        ("If the customer dashboard gets way bigger next year, will Flask hold up or are we looking at a "
         "rewrite?", "flask-scalability"),
    ],
    "what for: 'what is django for' asks what it is used for": [
        ("so what's django actually for, day to day?", "django-use-cases"),
        ("what's flask for", "flask-use-cases"),
        ("ok dumb question but what is flask for real", "flask-overview"),
    ],
    "names: a name is no typo of an everyday word spelt from its second letter": [
        ("is pinterest built on django?", "decline"),
        ("does reddit use flask", "companies"),
    ],
    "choosing: 'go flask', stuck between them": [
        ("read a bunch of pros and cons and I'm still stuck — when should I go flask and when django?",
         "final-verdict"),
        ("What's the best Python framework for mobile game development?", "decline"),
    ],
    "epithets: a framework named by what it is known for, in a question of its own": [
        ("trying to convince my lead to go with the batteries-included python framework. what's the case for "
         "it?", "why-django"),
        ("give me the pitch for going with the lighter-weight python option on our next project, what are its "
         "selling points?", "why-flask"),
        ("Why they call Flask the micro framework?", "microframework"),  # said of flask: no rewrite
        ("what is a full-stack framework", "full-stack"),
    ],
    "described: the guide's terms in everyday words": [
        ("how does django scramble passwords before saving them so they're not sitting there in plain text?",
         "password-hashing"),
        ("what's the deal with frameworks that ship with a tiny core and make you add everything else yourself?",
         "microframework"),
        ("in flask how do I bundle a group of related routes into one chunk I can drop into other projects?",
         "blueprint"),
        ("need to slap together a quick throwaway version to show leadership the idea works - which one?",
         "prototyping"),
        ("if our codebase triples over the next year will the lightweight one get messy and fall over, or can "
         "it keep up?", "flask-scalability"),
    ],
    "senses: ordering lunch is no shop's order": [
        ("who's ordering lunch for the friday demo? I vote tacos", "decline"),
        ("can django track orders for our shop", "ecommerce"),
    ],
    "typed fast: 'w' is with, 'wld' would, an adverb inside 'can't really scale'": [
        ("wht kind of apps do ppl usually build w django", "django-use-cases"),
        ("why wld u go w flask tho", "why-flask"),
        ("flask can't really scale past a toy app, can it?", "flask-scalability"),
        ("can django do apis n cms n ecommerce or is it just for 1 kind of site", "versatility"),
        ("how does django stop CSRF attacks? (tangent: is that the same thing as XSS?)", "csrf"),
    ],
    "myths: a claim about the framework, checked": [
        ("flask can't really do big apps right? feels like once the codebase grows it just turns into a mess",
         "flask-scalability"),
        ("django is way too slow to get anything shipped with imo, so much setup before you can even start. "
         "agree?", "rapid-development"),
        ("is django slow?", "decline"),  # how fast it runs: outside the guide
        ("someone told me learning flask is a dead end and i should only learn django. legit?", "faq-learn-which"),
        ("how much trafic does reddit push through flask per day??", "decline"),
    ],
    "each: when to choose one and when the other is the verdict": [
        ("When should I go with Flask and when with Django?", "final-verdict"),
        ("when to use flask and when to use django", "final-verdict"),
        ("when flask, when django?", "final-verdict"),
        ("when should i use django", "django-use-cases"),
    ],
    "plain: a first week's questions": [
        ("Can I manage records in Django without writing any frontend code for it?", "admin-interface"),
        ("hey what time is the sprint demo on friday?", "decline"),
    ],
    "constraints: boxed in, fastest to learn, glue and redo, not the marketing version": [
        ("not django, just flask: can I pick my own database and frontend stack or does it box me in?",
         "flexibility"),
        ("fastest to learn of the two for an intern fresh out of a python course?", "ease-of-learning"),
        ("what are the real downsides of each? not the marketing version", "drawbacks"),
    ],
    "chosen: the parts one picks for oneself are examples of the freedom asked about": [
        ("Does Flask force a particular database or auth approach on you, or can we pick our own?", "flexibility"),
        ("does flask let me choose my own orm and template engine", "flexibility"),
        ("how does django handle auth?", "authentication"),
    ],
    "senses: background jobs are a server's tasks; different projects are other ones": [
        ("which one's best for background jobs?", "decline"),
        ("are flask jobs in demand?", "faq-flask-demand"),
        ("can i reuse a blueprint across different projects?", "blueprint"),
        ("what's different between flask and django?", "key-differences"),
        ("do i have to write any frontend for the django admin?", "admin-interface"),
    ],
    "idioms: a safe bet is a sound choice, a big job a big project": [
        ("is flask still a safe bet for backend jobs?", "faq-flask-demand"),
        ("is it safe to store passwords in django", "password-hashing"),
        ("agency owner: we get little brochure-style jobs and big multi-year builds. should the framework we "
         "pick depend on how big the job is?", "project-size"),
        ("what about speed of building with django?", "rapid-development"),
    ],
    "sayings: a word of an idiom or of the asker's own is not the guide's subject": [
        ("django being opinionated and rigid is a feature not a bug, no? vs flask letting you do whatever",
         "flexibility"),
        ("building an instagram-ish thing for our community, is django a fit for a social app w/ lots of traffic",
         "social-networks"),
        ("which has the bigger community, flask or django?", "decline"),  # the frameworks' community
        ("django is so bloated, why would anyone pick it for a new project", "why-django"),  # "why" after a word
        ("am i wrong that django gets a crud app shipped way faster bc of all the built in stuff",
         "rapid-development"),  # "way" inside a phrase, as "really" is
    ],
    "failures: a feature that does not stick is a bug report": [
        ("flask-login remember me cookie not sticking", "decline"),
    ],
    "use cases: where a framework is used, and in which industries": [
        ("where is flask used", "flask-use-cases"),
        ("where is django used in industry", "django-use-cases"),
        ("which industries use django", "django-use-cases"),
    ],
    "own stems: a word is not another's that stems alike": [
        ("what separates flask from django", "key-differences"),
        # "separately" is one at a time, not a difference
        ("in flask can I build self-contained parts and register them separately?", "blueprint"),
    ],
    "compared: with a technology the guide never compares, outside the guide": [
        ("is express.js easier than flask for a node dev?", "decline"),
        ("is rails or django better for a startup", "decline"),
        # the asker's background compares nothing
        ("coming from node, is flask or django easier", "ease-of-learning"),
        ("node dev here: flask or django?", "final-verdict"),
    ],
    "stacks: the technology the asker comes from says who asks, not what is asked": [
        # a role opening the message, then a stop
        ("react dev — can django actually do frontend stuff too or is it strictly backend?", "full-stack"),
        ("php background, I know php-fpm. what's this WSGI thing flask keeps mentioning?", "wsgi"),
        # after "coming from", a word of the guide's names part of that technology
        ("what's flask? I'm coming from .NET minimal APIs", "flask-overview"),
        # what the asker knows, and how things go in another technology
        ("what even is django, in one sentence? i only know express", "django-overview"),
        ("in rails we'd scaffold a throwaway MVP in a weekend to test an idea. which of these is better "
         "for a quick prototype?", "prototyping"),
        # asked about the other technology itself: still outside the guide
        ("is rails faster than django", "decline"),
        ("we use rails at work, how do I deploy it?", "decline"),
        ("i know express, is fastapi better than flask?", "decline"),
        # a role with no stop after it is what is asked about
        ("i'm a total beginner which one is less painful to learn", "ease-of-learning"),
        # a word of the guide's inside the background still counts where the question says it again
        ("<@U0BOT> coming from spring security land — is django generally considered more secure than "
         "flask?", "security"),
        ("big complex platform, dozens of features. team used to symfony, so flask or django for a large "
         "project like that?", "project-size"),
    ],
    "examples: a product named after 'like' or before 'style' is an example of the guide's word": [
        ("spring boot dev here, does django come with an ORM like hibernate or do i have to bring one", "orm"),
        ("is WSGI a web server? like an nginx alternative?", "wsgi"),
        ("is a flask blueprint kinda like an express router?", "blueprint"),
        # after a framework's name it compares: outside the guide
        ("is flask like express?", "decline"),
    ],
    "refused: a choice refused asks what speaks against the framework": [
        ("when should we *not* reach for django?", "drawbacks"),
        ("why should i not pick flask", "drawbacks"),
        ("when would you not go with django", "drawbacks"),
        ("why pick flask", "why-flask"),
    ],
    "history: the year a framework came out is not in the guide": [
        ("what year did django first come out", "decline"),
        ("give me the elevator pitch for django in a sentence", "django-overview"),
        ("how fast can you ship with django", "rapid-development"),
    ],
    "projects: before a bare choice, the telling sentences describe the project the choice is for": [
        ("we sell handmade soap online, 3 people, small budget. flask or django?", "project-size"),
        ("3 of us, 6 weeks, need a clickable MVP for ~150 beta testers. flask or django?", "prototyping"),
        # what is asked beyond the choice still decides
        ("we sell soap online. how do I deploy flask or django to heroku?", "decline"),
        # a choice asked without the names; a feature of the project that is outside the guide
        ("building a used-bike marketplace: sellers post listings w/ photos, buyers message them and check "
         "out. 3 devs, launch in spring. wich framework would u pick?", "ecommerce"),
        # the technologies told are the alternatives: outside the guide
        ("SaaS MVP, 2 founders. honestly torn between flask and fastapi, not django at all. which of those "
         "two?", "decline"),
        ("we're evaluating rails and laravel for the new app. which framework would you pick?", "decline"),
        # a subject told in passing is no other technology; either framework means the two
        ("hr tool stores salaries, bank details, home addresses. security is the #1 concern for our CISO. "
         "which framework gives us more protection out of the box?", "security"),
        ("bakery site has a cake order form and a change-my-email page. someone mentioned forged "
         "cross-site requests as a risk?? does either framework deal with that for us", "csrf"),
    ],
    "counts and prices: a number the guide never gives": [
        ("how many flask job postings are there in the US right now?", "decline"),
        ("how much does a server for a django shop cost per month", "decline"),
        # the guide's one figure, and a trade-off
        ("how many active users does instagram have?", "companies"),
        ("is flask still worth putting on my cv?", "faq-flask-demand"),
        ("research lab, ~8 users, all internal. how many servers would we need to run it?", "decline"),
    ],
    "addressed: a word for the person addressed, in any language, asks nothing": [
        ("bhai someone explain me django in simple words what it is", "django-overview"),
        # short forms
        ("do i need to hash user pws myself in django or is it done for me", "password-hashing"),
        ("main diffs btwn flask and django?", "key-differences"),
        ("how does django block csrf attacks :thinking_face:", "csrf"),
    ],
    "phrase: a word inside a matched phrase brings no synonym": [
        # "hack" stands for an attack (security), but not inside "hack together"
        ("want to hack together a quick throwaway version to test the idea with a few users before we "
         "commit to the real build. which framework?", "prototyping"),
        ("is django harder to hack than flask", "security"),
    ],
    "sums up: naming two of the parts a topic sums up, and its subject, asks that topic": [
        ("admin panel, user accounts, orm w/ migrations. what does django do here that flask just cant out of the"
         " box?", "faq-django-can-flask-cannot"),
        ("going w flask. need forms, db models, login and an admin page. how do i add those on top of it?",
         "flask-extensions"),
        ("xss / csrf / sql injection / password storage - which framework takes care of more of this for me?",
         "security"),
        # the part asked about, the others told as context: the part
        ("forms for password change, money transfer and profile edit. how does django stop csrf attacks on"
         " those?", "csrf"),
        # a topic about the framework not named sums up nothing
        ("does django have forms, an admin and auth built in?", "admin-interface"),
        ("solo founder here, $0 budget, need login + an admin panel by friday, which one gets me there faster",
         "rapid-development"),
        ("we ship in 8 weeks and can't afford to hand-build user accounts, admin and a db layer. which framework"
         " saves us the most time?", "rapid-development"),
        ("over the next 3 yrs we might need a CMS, then a public API, then a marketplace. can django cover all"
         " of that?", "versatility"),
        # one part alone, or the parts without the summing topic's subject: the part
        ("need an admin panel by friday, which one gets me there faster", "admin-interface"),
        ("does django have an admin panel and logins built in?", "admin-interface"),
        ("how does django store user passwords securely", "password-hashing"),
    ],
    "add-ons: installing an add-on is the extensions, installing a framework is outside the guide": [
        ("so we'd just pip install add-ons for each of those?", "flask-extensions"),
        ("can i install extensions in django", "flask-extensions"),
        ("django saves passwords in plain text unless you install some extra package? thats what my coworker said",
         "password-hashing"),
        ("how do i install flask", "decline"),
        ("pip install flask vs pip install django", "decline"),
        ("how do i install flask-admin", "decline"),
    ],
    "identifiers: code made of the guide's words is those words": [
        ("what is the `{% csrf_token %}` thing in django forms protecting against?", "csrf"),
        ("how configure CSRF_TRUSTED_ORIGINS in django settings", "decline"),
        ("django orm select_related vs prefetch_related", "decline"),
    ],
    "edits: fixing content by hand is editing it, not a failure": [
        ("Ops keeps asking devs to fix typos in the database by hand. Someone said Django ships with a built-in"
         " back-office screen where non-devs can edit records. What does that actually let you do?",
         "admin-interface"),
        ("but the editors need a screen to add and fix posts without us writing any ui for it", "admin-interface"),
        ("how do i fix my flask app", "decline"),
    ],
    "told first: what the asker says before the question is the situation, not the subject": [
        # a word modified in the telling sentence and asked again unmodified is the guide's
        ("pen test on our last php app flagged csrf issues and it was a nightmare to fix. how does django deal"
         " with csrf attacks?", "csrf"),
        ("What's the difference between Jinja2 templates and Django templates?", "decline"),
        # another technology told first is the asker's past, not what is compared
        ("building a social app, we did the last one in node. which fits a social network w/ lots of users"
         " better?", "social-networks"),
        # a move to a language is no data migration
        ("we're migrating to python from php, is flask or django easier to learn?", "ease-of-learning"),
        ("how do i migrate the database in django", "decline"),
    ],
    "payments: a payment provider is another technology": [
        ("shop w/ cart, checkout, subscriptions. stripe or paypal, which is easier to integrate?", "decline"),
        ("django for a shop that takes stripe payments?", "ecommerce"),
    ],
    "prices: what something would cost is outside the guide, what a choice costs you is not": [
        ("roughly what would it cost us to build one", "decline"),
        ("what does flask's freedom cost you", "flexibility"),
    ],
    "sentences: a phrase is not read across a sentence's end": [
        ("Morning all. What does it give you out of the box? *In plain words, what is Flask?* No rush",
         "flask-overview"),
        ("does it box you in?", "flexibility"),
    ],
    "said otherwise: the guide's subjects in the team's words": [
        ("our infosec ppl are super paranoid, which framework makes them less nervous", "security"),
        ("which one is more of a swiss army knife, like can i build basically any kind of site with it",
         "versatility"),
        ("tiny internal tool vs big sprawling platform, which framework fits which", "project-size"),
        ("which dev server has better hot reload", "decline"),
    ],
    "business words: a company's own, its holes, its staff's edits, its launch": [
        ("I heard Django is quite rigid about how things have to be set up. Is that a problem or actually a good"
         " thing for a company like ours?", "flexibility"),
        ("which company uses flask", "companies"),
        ("our flask app had 3 csrf bugs last quarter, does django protect against that automaticaly?", "csrf"),
        ("django being opinionated and rigid is a feature not a bug, no? vs flask letting you do whatever",
         "flexibility"),
        ("flask bugs after upgrading, anyone?", "decline"),
        ("Can our ops staff update product info and fix records themselves, without pinging an engineer every"
         " time?", "admin-interface"),
        ("If the launch goes viral and we get a flood of signups overnight, will Flask cope or will we have to"
         " rebuild?", "flask-scalability"),
        ("How many engineers do we need to hire to ship this by Q3?", "decline"),
        ("what % of the top 1000 websites are built on flask", "decline"),
        ("When does the office close for the holidays this year?", "decline"),
        ("whats the max number of db connections django can handle before it falls over", "decline"),
        # telling someone is no procedure
        ("how do i explain wsgi to my manager", "wsgi"),
    ],
    "background and claims (batches q74, q75)": [
        ("mostly wrote ruby scripts before, what do ppl typically build with flask?", "flask-use-cases"),
        ("activerecord in rails is my comfort zone, does django have its own orm or do i bring one?", "orm"),
        ("spring boot background. whats the actual case for going w django on a greenfield project?",
         "why-django"),
        ("django admin is just a debug panel for devs, you wouldnt actually use it to manage real data... right?",
         "admin-interface"),
        ("how do i debug a flask app", "decline"),
        ("django is maintained by google these days, yeah?", "decline"),
        ("is flask used by big companies", "companies"),
        ("flask doesnt support type hints at all, true?", "decline"),
        ("which gets a login page up with the least typing", "authentication"),
        ("my tech lead keeps saying flask just falls over once the app gets big. is that actually true?",
         "flask-scalability"),
    ],
    "projects (batch q79): an opinion asked on a project is the choice; its users' actions are features": [
        ("side hustle: selling vintage vinyl online. catalogue, cart, payments, order mgmt for me in the back."
         " thoughts?", "ecommerce"),
        ("we're building a course site for our school. any thoughts on hosting?", "decline"),
        ("building a portal where clients upload tax docs and bank statements, security is our #1 concern. flask"
         " or django?", "security"),
        ("can you upload the docs from the retro", "decline"),
        ("clinic booking tool for a group of physios, stores patient data and medical notes so it really cant"
         " leak. which framework should we go with?", "security"),
        ("online stores, flask or django", "ecommerce"),
        ("tl;dr when do i pick flask and when do i pick django", "final-verdict"),
        ("want to build an instagram-style app with tons of users, would django's architecture handle the"
         " traffic", "social-networks"),
    ],
    "which one: a choice asked with nothing else is between the two": [
        ("ok but overall which one?", "final-verdict"),
        ("our bike marketplace will have tens of thousands of listings, users, orders... I really dont want to"
         " hand-write sql everywhere. how does django help with the data side?", "orm"),
    ],
    "hired: getting interviews is demand, interviewing is outside the guide": [
        ("is putting flask on my CV still going to get me interviews for backend jobs?", "faq-flask-demand"),
        ("how do i prepare for a django interview", "decline"),
    ],
    "query languages: GraphQL and gRPC are outside the guide": [
        ("graphql or rest for mobile", "decline"),
        ("btw how does graphql support compare between the two, is there a good library for either one", "decline"),
    ],
    "cannot do the: a determiner after the verb of doing keeps 'cannot' a modal": [
        ("my friend says django cant really do the frontend part, is that right or can it do both sides",
         "full-stack"),
    ],
    "drf: Django REST framework is a library the guide never names": [
        ("django rest framework throttling settings", "decline"),
        ("anyone compared django-rest-framework vs django-ninja?", "decline"),
        # REST itself is the guide's
        ("is django good for a rest api", "rest-apis"),
    ],
    "claim then question: a claim checked with 'right?' on the way to a last sentence that asks": [
        ("django is mostly for newspaper/publishing sites right? what else do ppl actually use it for",
         "django-use-cases"),
        # the last sentence asks without its "?" ("like what *is* it"), Slack's bold no obstacle
        ("ok possibly dumb q but flask is just a python lib for making websites, yeah? like what *is* it exactly",
         "flask-overview"),
        # with no claim before it, a question's trailing aside stays context
        ("whats flask? is it a library or a whole framework", "flask-overview"),
    ],
    "pasted debate: quoted lines are told, speakers' names say who said it": [
        ("> flask is basically just a routing library with delusions of grandeur\n\nthat's Priya in #backend 😂"
         " what actually *is* flask, in a sentence or two?", "flask-overview"),
        ("ok so the thread so far:\n> Ana: flask is micro, django is full-stack\n> Raj: flask is more flexible,"
         " django is more rigid\n> Ana: also learning curve is different\n> Raj: and you configure everything"
         " yourself in flask\n\ncan you just summarise the key differences between the two?", "key-differences"),
        ("tl;dr please. Rahul: flask. Meera: django. I'm exhausted. which one should we choose and under what"
         " conditions", "final-verdict"),
        # a claim, then only "is that fair?", then what is asked
        ('Dave says django is "just an ORM with a templating engine bolted on". is that fair? what is django'
         " actually supposed to be", "django-overview"),
    ],
    "bare choice: 'what would you go with' after a project asks for a choice, as 'which one?' does": [
        ("Thinking of a social platform for indie musicians to share tracks and connect with fans. Could get big."
         " What would you go with?", "social-networks"),
        ("a simple recipe sharing site where I post my grandma's recipes for the family, couple pages and a search"
         " box 🍝 what would you use?", "lightweight-apps"),
        # a project no topic is about: the choice between the two
        ("Building a volunteer shift scheduler for a charity run. Not sure what else it'll need yet. what would"
         " you go with", "final-verdict"),
    ],
    "overview asked as an explanation, for a deck": [
        ("Quick one: can you give me a one-paragraph explanation of Django for a non-engineer? Prepping a roadmap"
         " deck.", "django-overview"),
    ],
    "identity told after: 'what is django exactly?' then only telling": [
        ("What's Django exactly? Heard it called a full-stack framework", "django-overview"),
        ('Can somebody explain me what is Django exactly? In my internship they say "we are a Django shop" and I'
         " just nod but I dont really know", "django-overview"),
        # another question after it is asked too
        ("whats flask? is it a library or a whole framework", "flask-overview"),
    ],
    "not the guide's: a course or book to learn from, reviewing the asker's CV, comparisons that 'beat'": [
        ("what's the best flask course on udemy or youtube? free ones preferred", "decline"),
        ("any good books on django?", "decline"),
        ("can you review my CV? I put flask under *frameworks* and django under *familiar with*, is that ok"
         " wording", "decline"),
        ("does FastAPI beat flask for APIs? should i just learn FastAPI instead?", "decline"),
        ("what's the default PBKDF2 iteration count in Django?", "decline"),
        # a course site built, and tutorials as how easy a framework is to learn, are the guide's
        ("we want a django course platform like udemy", "education"),
        ("are there decent beginner docs / tutorials for flask or is it hard to get into", "ease-of-learning"),
    ],
    "an HTTP error status is a failure to debug; another technology said better than a framework compares": [
        ("our flask e-commerce app returns a 500 on checkout only in prod, works locally. any idea why?", "decline"),
        ("getting a 404 error on my django admin", "decline"),
        ("rails has a way better ORM than django, everyone says so. agree?", "decline"),
        ("How does Rails compare to Django for building a SaaS product, and is Rails faster to develop in?", "decline"),
        ("is the django orm better than flask", "orm"),
    ],
    "the asker's company: 'a manufacturing company' is theirs, 'a big company' one that uses a framework": [
        ("enterprise ERP-ish thing for a manufacturing company. huge scope, lots of moving parts. thoughts??",
         "project-size"),
        ("which companies use django", "companies"),
        ("got an example of a big company running flask?", "companies"),
        ("does anyone big actually use django in production", "companies"),
        ("which is faster in production, flask or django", "decline"),
    ],
    "the asker's situation: interview prep, getting slow under load": [
        ("interview prep: what are the weaknesses/cons of flask and of django? dont want to sound like a fanboy",
         "drawbacks"),
        ("how do i prepare for a django interview", "decline"),
        ("Does Django actually scale or does it get slow with many users? (prepping for a system design round"
         " :sweat_smile:)", "flask-scalability"),
        ("is django slower than flask", "decline"),
    ],
    "a project told: what it needs no more of, and 'your pick', 'help me choose', 'what do you reckon' as the choice": [
        ("Small news-digest site for our neighbourhood: a handful of pages, headlines pulled in from a few feeds, no"
         " user accounts. your pick", "lightweight-apps"),
        ("Small news-digest site for our neighbourhood: a handful of pages, not worried about user accounts. your"
         " pick", "lightweight-apps"),
        # in a question, "no admin" is what is asked about
        ("flask has no admin?", "admin-interface"),
        ("Agency project: client wants a shop, a CMS for their magazine, a member community and a public API, all"
         " eventually under one roof. help me choose", "versatility"),
        ("hospital logistics system. huge scope, lots of integrations, multiple squads working in parallel. what"
         " do you reckon", "project-size"),
    ],
    "a project told, then what the guide does not weigh: the frontend between two others, a payment provider,"
    " a price, a launch date": [
        ("course platform, probably django on the backend. React or Vue for the frontend?", "decline"),
        ("Marketplace for local farmers. Which payment gateway handles split payouts to sellers best?", "decline"),
        ("learning platform for kids. what would a freelancer typically charge to build it?", "decline"),
        ("Social app for runners, 2 devs starting in March. what's a realistic launch date?", "decline"),
        ("who's in charge of the django admin", "admin-interface"),
    ],
    "beliefs: a frontend said to be needed, the parts picked at will, the use cases summed up": [
        ("django can't really do full-stack, you always need react or vue on top. right?", "full-stack"),
        ("flask lets you pick whatever DB, auth approach and frontend you want, no rules forced on you. yeah?",
         "flexibility"),
        ("so django's bread and butter is online stores, social sites and learning platforms? is that the typical"
         " list or am I making it up", "django-use-cases"),
        ("pretty sure flask mostly gets used for APIs, prototypes and small apps and not much else? 🤔",
         "flask-use-cases"),
        ("heard that flask codebases turn into spaghetti once they grow and you end up having to rewrite in django."
         " legit concern or FUD?", "flask-scalability"),
        # one part asked alone keeps its place
        ("is django good for an online store", "ecommerce"),
    ],
    "another stack as the asker's background, with a choice asked of the two": [
        ("laravel refugee 👋 skip the nuance, bottom line: which one do I pick for my next project?", "final-verdict"),
        ("what are the downsides of each? coming from Spring i know the pain of heavy opinionated frameworks 😅",
         "drawbacks"),
        ("ok i know spring vs micronaut cold. what are the *main* differences between flask and django, in a"
         " nutshell?", "key-differences"),
        ("we ran an online shop on laravel with a ton of custom code for products/orders. rebuilding in python —"
         " which framework fits e-commerce best? 🛒", "ecommerce"),
        # the other stack asked about still declines
        ("we're torn between rails and laravel. which one?", "decline"),
    ],
    "everyday senses: a new hire is a newcomer, slowing us down is the team's pace, a family member asks": [
        ("what model of laptop do new hires get?", "decline"),
        ("we need a throwaway prototype by friday. which framework would slow us down?", "prototyping"),
        ("random one: my nephew wants to get into coding and asked if he should learn flask or django first. what"
         " do I tell him", "faq-learn-which"),
        ("getting this on a form POST in django 4.2:\n```\nForbidden (403)\nCSRF verification failed. Request"
         " aborted.\n```\nwhat am I doing wrong in my template?", "decline"),
        ("getting this on a form POST in django 4.2:\n```\nForbidden (403)\nCSRF verification failed. Request"
         " aborted.\nReason given for failure: CSRF token missing.\n```\nwhat am I doing wrong in my template?",
         "decline"),
    ],
    "a project told, then 'recommendation?' or 'go': the choice; a social app said as 'instagram for X'": [
        ("enterprise HR platform, dozens of modules, complex approval workflows, ~40 devs eventually."
         " recommendation?", "project-size"),
        ("think instagram but for gardeners 🌱 tons of photo uploads and user activity, millions of rows fast."
         " flask or django", "social-networks"),
        ("Internal app storing employee ID numbers and salary data. Legal says it has to be locked down hard. what"
         " would you do", "security"),
        ("what's the average salary for a django developer", "decline"),
        # "catches on" is taking off, not "the catch"
        ("what's the catch with django?", "drawbacks"),
        # "verdict?", "your call" after a project: the choice for it, which the project's words answer
        ("It's a big complex B2B SaaS — dozens of models, interconnected features, and the roadmap keeps growing"
         " for the next few years. *verdict?*", "project-size"),
        ("Quick proof of concept: 1 dev, 5 days, testing whether our OCR results are useful to the sales team."
         " Might get binned afterwards. Verdict?", "prototyping"),
        ("what's the final verdict", "final-verdict"),
        ("we want to sell our merch online, Flask or Django?", "ecommerce"),
    ],
    "who asks: on-call engineers, a flask add-on installed, an interjection": [
        ("our on-call SREs mostly write go/bash. which of the two would be less painful for them to pick up?",
         "faq-learn-which"),
        ("who's on call tonight", "decline"),
        ("should a new grad learn Flask or Django first?", "faq-learn-which"),
        ("are flask developers easy to find right now?", "faq-flask-demand"),
        ("also, what makes django so fast to build things with?", "rapid-development"),
        ("I was told Blueprints are a third-party flask add-on you have to install separately", "flask-extensions"),
        ("ugh ok I've read all the pros and cons, just give me the final call: which one for my project",
         "final-verdict"),
    ],
    "sensitive data, 'decide for me', 'asap': security, the choice, a deadline": [
        ("We're building a patient intake portal for a clinic. Medical histories, insurance info, very sensitive"
         " stuff. Verdict?", "security"),
        ("hey! we want to build a community site for amateur birdwatchers - profiles, follows, feeds, photo posts,"
         " likes. hoping for tens of thousands of users eventually. decide for me 🐦", "social-networks"),
    ],
    "what 'it' does, asked after a word of the guide's, is asked of that word": [
        ("we use Sequelize in node. does django come with its own ORM and what does it do for you?", "orm"),
        ("The team says Django has an 'ORM'. In layman's terms, what does that do for us?", "orm"),
        # "what is it" still asks what the framework is
        ("i keep seeing django in job posts, what is it", "django-overview"),
    ],
    "the stack the asker leaves or left: 'we're dropping Express', 'ex-Rails'": [
        ("ugh just tell me. flask or django for my next project? (we're dropping Express)", "final-verdict"),
        ("what are the downsides of each? everyone on my team (ex-Rails) only ever talks about the pros",
         "drawbacks"),
        ("is express easier than flask", "decline"),
    ],
    "chit-chat is no project: a bare choice of nothing the guide knows declines": [
        ("ok random q lol, pineapple on pizza: yes or no? verdict? 🍍", "decline"),
        ("Big complex product in django with 3 devs. realistic launch: 6 months or 12? which?", "decline"),
        ("internal inventory tool. warehouse folks have to add / update / delete rows on their own, no engineers"
         " involved. what would you pick?", "admin-interface"),
    ],
    "asides and failures: 'side note', 'keeps failing', 'what django is in a nutshell?'": [
        ("can someone explain what django is in a nutshell? side note, I heard instagram runs on it lol",
         "django-overview"),
        ("my django migration keeps failing with `django.db.utils.OperationalError: no such table: app_order` —"
         " help?? side q about the ORM in general", "decline"),
        ("flask app keeps timing out behind load balancer", "decline"),
        ("Can someone give me a one-paragraph explanation of Django for a steering committee slide? Non-technical"
         " audience.", "django-overview"),
    ],
    "a shop's orders: shop words keep 'orders' the guide's, food near it or not": [
        ("*Project:* subscription box shop for specialty coffee. Catalog of ~800 SKUs, recurring orders, customer"
         " accounts. What would you pick?", "ecommerce"),
        ("can someone order pizza for the demo", "decline"),
    ],
    "a product's working version: a stage of the asker's product, not a release": [
        ("need to mock up a working version of our plant-care reminder idea in like two days to show investors"
         " :seedling: f or d", "prototyping"),
        ("what changed in the working version of django", "decline"),
    ],
    "pip installs: a noun for the add-ons installed": [
        ("there's literally nothing django can do that flask can't, flask just needs more pip installs. correct?",
         "faq-django-can-flask-cannot"),
        ("how do i pip install flask", "decline"),
    ],
    "cannot deal with: 'deal with' and 'cope with' are verbs of doing, 'cannot' stays a modal": [
        ("I read WSGI is some legacy thing flask sits on and it means flask can't deal with concurrent"
         " requests. true?", "wsgi"),
    ],
    "what matters most: a project told before a bare choice, a clause stressed, the rest its situation": [
        ("we run a school district, building a portal with grades and student records for ~40k students. data"
         " privacy is non-negotiable. which?", "security"),
        ("lots of forms in this app that change passwords and move money between accounts. main worry is malicious"
         " sites tricking logged-in users' browsers into submitting them. which?", "csrf"),
        # nothing stressed: the kind of product decides
        ("we run a school district, building a portal with grades and student records for ~40k students. which?",
         "education"),
        # the stress alone, with nothing else told: as before
        ("data privacy is non-negotiable. which?", "security"),
        # a clause of a sentence
        ("building a fintech dashboard, security is priority #1. flask or django??", "security"),
        ("agency here, we'll ship 3 client sites that all need the same admin/analytics section. being able to"
         " package that section once and reuse it across projects matters more than anything. your call", "blueprint"),
        # ... and a clause that names nothing points back: at what its sentence said before it
        ("Patient-records portal for a clinic. Security is *the* priority: CSRF, SQL injection, weak password"
         " storage, we can't afford any of it. which?", "security"),
        # said in other words: losing sleep over it, really caring about it, a dealbreaker, "it's a no"
        ("building a little payments dashboard where users can move money between their own accounts. I lose sleep"
         " over some random site tricking a logged-in user's browser into firing off a transfer. django or flask?",
         "csrf"),
        ("member portal for a gym chain, people log in and can change their email/password. what I really care about"
         " is that another site can't make their browser submit those forms behind their back. thoughts?", "csrf"),
        ("we're a small studio that builds all sorts: shops, a CMS or two, social-ish apps, APIs. we'd like ONE"
         " framework that can cover every kind of project, that's the priority. your call", "versatility"),
        ("building a live chat feature for our support site. the dealbreaker would be if the framework can't do"
         " websockets nicely. which one?", "decline"),
        ("new backend for our dashboard, frontend team is insisting on GraphQL. if it can't serve a GraphQL schema"
         " cleanly, it's a no. django or flask?", "decline"),
        # what matters most, outside the guide: declined, though the project is one it knows
        ("live auction site with thousands of bidders on websockets at once, our main worry is async performance."
         " which?", "decline"),
        ("our codebase is strictly typed, mypy in CI must pass cleanly, that's our main worry. which?", "decline"),
        # ... but not for a jargon word beside the guide's own ("PII" beside "security"), nor for
        # everyday words saying what the rest asks ("battle-tested")
        ("we handle payments + PII for 20k customers and security is priority #1. flask or django?", "security"),
        ("my CTO won't sign off unless it's proven at big-name companies with serious traffic. battle-tested is the"
         " one thing he cares about. flask or django?", "companies"),
    ],
    "the framework choice named: a choice asked, though neither framework is": [
        ("our customer portal handles invoices + payment info, does the framework choice matter for security here",
         "security"),
        ("our customer portal handles invoices + payment info, does the security here matter", "decline"),
    ],
    "what a product works out: 'ETA predictions' is a feature, 'the ETA' an estimate asked": [
        ("i want to throw together a quick proof of concept for route ETA predictions to show mgmt before we commit."
         " good framework for a prototype?", "prototyping"),
        ("what's the eta on a flask prototype?", "decline"),
    ],
    "a cut-down version: what something is like, not a release": [
        ("what does 'microframework' even mean? is flask like a cut-down version of something?", "microframework"),
        ("what's the latest version of flask?", "decline"),
    ],
    "'not work' as an aside: not for work, nothing failing": [
        ("side project question, not work: if i wanted to build a social network type site, django or flask?",
         "social-networks"),
        ("flask login not work, why", "decline"),
    ],
    "an acronym spelt out: 'what does it do' asks of it, not of the framework": [
        ("wait what does WGSI stand for again and what does it do for flask", "wsgi"),
        ("heard about flask at a meetup, what is it", "flask-overview"),
    ],
    "short forms and everyday ways to say it: 'proj', 'to production faster'": [
        ("boss want reasons for take flask on new proj, what i tell him?? help yaar", "why-flask"),
        ("We have about 3 months to relaunch. Which one gets us to production faster?", "rapid-development"),
    ],
    "'web' alone is no evidence of WSGI (its spelt-out name is a synonym, not words that each count)": [
        ("pretty ordinary web app for tracking volunteer hours at a food bank. couple of devs, no unusual"
         " constraints, no rush. which?", "final-verdict"),
        ("new python web project at work, no real requirements written down yet. flask or django", "final-verdict"),
        ("what does web server gateway interface mean", "wsgi"),
        ("ops here. how does flask handle lots of concurrent requests, what's the server spec it uses?", "wsgi"),
    ],
    "a cheat sheet: the answer's form": [
        ("can someone give me a cheat sheet of the main differences btw flask and django? putting it in a client deck",
         "key-differences"),
        ("is a cheat code in django a thing", "decline"),
    ],
    "caches and queues are other technologies: a choice between two of them is not the guide's": [
        ("kafka or rabbitmq for our order events?", "decline"),
        ("photo sharing community, big feeds. redis or memcached in front of it?", "decline"),
        ("we already run redis. does django's caching work with it for a big social feed?", "social-networks"),
    ],
    "a release or a hello world told, not asked about, is the asker's situation": [
        ("we're still on `flask 2.x` at work. what are blueprints for?", "blueprint"),
        ("i've only done the `hello world` in the flask docs. what do people build with it?", "flask-use-cases"),
        # asked about: outside the guide
        ("we're on django 4. has the admin changed in django 5?", "decline"),
        ("can you show me a flask hello world? I want to see the code", "decline"),
    ],
    "everyday words: a repo, a consultant, three bullets, asked point blank": [
        ("our security consultant asked me point blank if django is more secure than flask. what do i say?", "security"),
        ("give me the case for flask in 3 bullets, I have a meeting", "why-flask"),
        ("is django faster to ship?", "rapid-development"),
    ],
    "the parts a framework lets you pick, or forces on you, are examples of the freedom asked about": [
        ("does flask let us choose the database and frontend?", "flexibility"),
        ("does django force a particular database or template engine on you?", "flexibility"),
        ("which one has a frontend built in?", "full-stack"),
    ],
    "what a pronoun is likened to is the asker's frame of reference": [
        ("what are flask blueprints? are they roughly like a rails engine or a laravel package?", "blueprint"),
        ("what's django, is it like rails for python", "django-overview"),
        # after a framework's name it compares, which the guide never does
        ("is flask like express?", "decline"),
    ],
    "pasted code in a sentence that tells, when a later one asks, is the situation": [
        ("saw `bp = Blueprint('admin', __name__)` all over our repo. what's a flask Blueprint for?", "blueprint"),
        # asked about, it is the subject, which the guide never covers
        ("what does `bp = Blueprint('admin', __name__)` do in flask?", "decline"),
    ],
    "a \"can't\" that ends its sentence is no modal of the next word": [
        ("what can django do that flask can't? platform leads are asking why we'd take the bigger dependency",
         "faq-django-can-flask-cannot"),
        ("flask can't scale, right?", "flask-scalability"),
    ],
    "CSRF named, 'what kind of attack is it' asks of it": [
        ("PM asked me what CSRF is in plain english. what kind of attack is it exactly?", "csrf"),
        ("what kind of attacks does django protect against?", "security"),
    ],
    "the framework named only before the question is the asker's situation": [
        ("we've been a django shop for years. what kinds of things do people build with flask?", "flask-use-cases"),
        # told after it, it may be the claim checked
        ("blueprints are a django feature, right? flask doesn't have anything like that afaik", "blueprint"),
    ],
    "experience and rough versions are no failures or releases": [
        ("I've never worked anywhere that uses flask. what do people build with it?", "flask-use-cases"),
        ("we want a quick and dirty version to test with 20 users. is flask good for prototypes?", "prototyping"),
    ],
    "a deprecation, or a hasher the guide never names, is outside it": [
        ("heard Flask-Login is deprecated and we should switch to flask-security instead, is that right?", "decline"),
        ("does django support argon2 for passwords?", "decline"),
        ("how does django hash passwords?", "password-hashing"),
    ],
    "what decides it, stressed in a project before a bare choice, when the guide never covers it": [
        ("legal says the license decides it, we ship the code inside a commercial appliance. flask or django?",
         "decline"),
        ("app in 12 languages with right-to-left scripts, translations are the hardest part. which?", "decline"),
        ("everything here is I/O bound, so native async support is the deciding factor for us. flask or django?",
         "decline"),
    ],
    "'no framework dictating' is a want of freedom, not a need set aside": [
        ("we want our own database, our own auth, whatever frontend we like, no framework dictating structure."
         " flask or django?", "flexibility"),
        ("a handful of pages, no user accounts. your pick?", "lightweight-apps"),
    ],
    "a word of the guide's in another sense: the match caught, SQLAlchemy compared": [
        ("did anyone catch the match last night lol", "decline"),
        ("what's the catch with django?", "drawbacks"),
        ("is SQLAlchemy better than the django ORM for reporting queries?", "decline"),
        ("flask-sqlalchemy and other extensions, how do they fit in", "flask-extensions"),
    ],
    "the framework argued for is the one asked about": [
        ("convince me to use flask pls, all my teammates want django", "why-flask"),
        ("sell me on django, my cto loves flask", "why-django"),
    ],
    "a rate billed is a price": [
        ("what hourly rate should we quote the client for a django build?", "decline"),
        ("what's a fair day rate for a flask contractor?", "decline"),
    ],
    "a colleague sought is not the guide's": [
        ("who here knows flask? need a reviewer for my PR", "decline"),
        ("does anyone on the team know django well?", "decline"),
        # who the team is, and a question of the guide's
        ("our juniors who know flask already, is django harder to learn?", "ease-of-learning"),
        ("anyone know if flask has something like blueprints?", "blueprint"),
    ],
    "an exception named is a failure to debug": [
        ("ModuleNotFoundError: flask, help", "decline"),
        ("our shop app on django throws IntegrityError on checkout. any idea?", "decline"),
        ("seeing `jinja2.exceptions.UndefinedError` in the flask blog templates, what's wrong?", "decline"),
    ],
    "a project that is no web app: neither framework is for it": [
        ("our android app is kotlin, offline only, 2 devs. django or flask?", "decline"),
        ("small desktop tool for the warehouse laptops, packaged as an exe. which one?", "decline"),
        ("building a game engine for a puzzle game in python. flask or django?", "decline"),
        ("we're writing a command line utility to clean csv files, which framework?", "decline"),
        ("firmware for our sensors on an esp32, flask or django?", "decline"),
        # a web part named: the framework is for that part
        ("building an android app and it needs a small json api for login and sync. flask or django?", "rest-apis"),
        ("our studio makes a 2d game engine; its online leaderboard needs a few json endpoints. flask or django?",
         "rest-apis"),
        ("we have a desktop app and need a backend api so it can sync. flask or django?", "rest-apis"),
        # refused, a web part is none
        ("nightly batch job on our GPUs, no server, no browser, nothing web. which?", "decline"),
    ],
}


@pytest.mark.parametrize(("q", "expected"), [
    pytest.param(q, expected, id=f"{rule.split(':')[0]}: {q[:48]}")
    for rule, cases in RULES.items() for q, expected in cases
])
def test_the_rule_gives_this_answer(shipped: Answerer, q: str, expected: str) -> None:
    m = shipped.answer(q)
    assert (m.topic.id if m.answered and m.topic else "decline") == expected
