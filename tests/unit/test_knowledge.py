"""The shipped knowledge base: it loads, it has every topic id other code relies
on, and its content follows the writing rules in knowledge/README.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.knowledge import Knowledge, default_knowledge_dir, load_knowledge
from bot.knowledge_files import SECTION_SEPARATOR, guide_sections

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO.parent / "shared" / "source" / "flask-vs-django.md"

TOPIC_IDS = (
    "flask-overview django-overview why-flask why-django flexibility flask-scalability "
    "ease-of-learning rapid-development security versatility key-differences project-size "
    "flask-use-cases rest-apis lightweight-apps prototyping django-use-cases ecommerce "
    "social-networks education final-verdict faq-django-can-flask-cannot faq-learn-which "
    "faq-flask-demand full-stack companies blueprint wsgi csrf orm admin-interface "
    "password-hashing microframework authentication flask-extensions drawbacks"
).split()

QUESTION_IDS = ["project_type", "size", "admin_auth", "security", "team_experience",
                "conventions", "time_to_release"]

GENERIC_WORDS = {"flask", "django", "framework", "frameworks", "python", "web", "app", "apps"}
GENERIC_ALLOWED_IN = {"flask-overview", "django-overview"}


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return load_knowledge(default_knowledge_dir())


def guide_text() -> str:
    if not GUIDE.is_file():
        pytest.skip(f"the guide is not available at {GUIDE} (it lives outside the repository)")
    return GUIDE.read_text(encoding="utf-8")


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", ""))


def our_texts(kb: Knowledge) -> list[tuple[str, str]]:
    """Every piece of prose we wrote, labelled for failure messages."""
    out = []
    for t in kb.topics.values():
        out += [(f"{t.id}.answer", t.answer), (f"{t.id}.title", t.title)]
    out.append(("comparison.summary", kb.comparison.summary))
    for row in kb.comparison.rows:
        out += [(f"comparison.{row.aspect}.flask", row.flask), (f"comparison.{row.aspect}.django", row.django)]
    for q in kb.recommendation.questions:
        out.append((f"{q.id}.text", q.text))
        for o in q.options:
            out += [(f"{q.id}.{o.id}.label", o.label), (f"{q.id}.{o.id}.reason", o.reason)]
    return out


# --------------------------------------------------------------------------- #
# Loading
# --------------------------------------------------------------------------- #


def test_default_dir_is_the_repos_knowledge_folder():
    assert default_knowledge_dir() == REPO / "knowledge"


def test_shipped_knowledge_loads_with_every_topic_id_in_order(kb):
    assert list(kb.topics) == TOPIC_IDS
    assert kb.version == 1
    # named as the editor can open them (relative to the working folder: tests/unit/test_knowledge_paths.py)
    assert [Path(f).resolve() for f in kb.source_files] == [
        default_knowledge_dir() / name for name in ("topics.yaml", "comparison.yaml", "recommendation.yaml")]
    assert all(kb.topics[i].id == i for i in kb.topics)


def test_comparison_has_the_guides_five_rows(kb):
    assert kb.comparison.section == "Flask vs. Django: What are the Key Differences?"
    assert [r.aspect for r in kb.comparison.rows] == ["Scope", "Project size", "Setup", "Flexibility",
                                                      "Learning curve"]


def test_recommendation_questions(kb):
    rec = kb.recommendation
    assert rec.flow_version == 1
    assert 0 < rec.close_call_margin < 0.5
    assert [q.id for q in rec.questions] == QUESTION_IDS
    for q in rec.questions:
        assert 2 <= len(q.options) <= 5
        for o in q.options:
            assert 0 <= o.flask <= 3 and 0 <= o.django <= 3
            assert len(o.label) <= 75
            assert o.topic is None or o.topic in kb.topics
            assert o.reason.endswith(".")
        # every question can pull either way or is neutral; no option gives nothing at all
        assert all(o.flask + o.django > 0 for o in q.options)


def test_knowledge_is_immutable_and_hashable(kb):
    topic = kb.topics["csrf"]
    with pytest.raises(TypeError):
        topic.keywords["csrf"] = 1  # type: ignore[index]
    with pytest.raises(AttributeError):
        topic.title = "x"  # type: ignore[misc]
    assert hash(kb) == hash(load_knowledge(default_knowledge_dir()))
    assert dict(topic.keywords)["csrf"] == 3.0


# --------------------------------------------------------------------------- #
# Content rules (README "Writing rules")
# --------------------------------------------------------------------------- #


def test_answers_are_concise_slack_mrkdwn(kb):
    for t in kb.topics.values():
        assert 300 <= len(t.answer) <= 1200, (t.id, len(t.answer))
        # kept beside kb check's Markdown check (test_knowledge_mrkdwn.py), which does not catch a
        # **bold** broken across a line of the answer, nor ** or ## that are not (yet) a pair or a heading
        assert "**" not in t.answer and "##" not in t.answer, f"{t.id}: use Slack *bold*, not Markdown"
        assert "*" in t.answer, f"{t.id}: bold the key term"
        assert not re.search(r"^\s*[-+] ", t.answer, re.M), f"{t.id}: bullets are '•'"


def test_every_topic_has_varied_examples_and_2_to_4_related(kb):
    for t in kb.topics.values():
        assert len(t.examples) >= 4, t.id
        assert len({e.lower() for e in t.examples}) == len(t.examples), t.id
        assert 2 <= len(t.related) <= 4, t.id


def test_keywords_are_distinctive(kb):
    for t in kb.topics.values():
        assert t.keywords, t.id
        assert max(t.keywords.values()) >= 2.5, f"{t.id}: give its most distinctive term a high weight"
        if t.id not in GENERIC_ALLOWED_IN:
            assert not GENERIC_WORDS & set(t.keywords), f"{t.id}: generic keyword"
        for key, alternatives in t.synonyms.items():
            assert key in t.keywords
            assert key not in alternatives


def test_security_questions_land_on_security(kb):
    assert "secure" in kb.topics["security"].keywords
    assert any("more secure" in e for e in kb.topics["security"].examples)


def test_no_text_copies_the_guide(kb):
    """No run of 8+ consecutive words is shared with the guide."""
    guide = words(guide_text())
    grams = {tuple(guide[i:i + 8]) for i in range(len(guide) - 7)}
    copied = []
    for label, text in our_texts(kb):
        w = words(text)
        copied += [(label, " ".join(w[i:i + 8])) for i in range(len(w) - 7) if tuple(w[i:i + 8]) in grams]
    assert not copied, copied


def test_every_section_names_a_real_heading_of_the_guide(kb):
    valid = set(guide_sections(guide_text()))   # the guide itself, not knowledge/guide-sections.txt
    sections = [(t.id, t.section) for t in kb.topics.values()]
    sections.append(("comparison", kb.comparison.section))
    sections += [(f"{q.id}.{o.id}", o.section) for q in kb.recommendation.questions for o in q.options]
    bad = [(who, part) for who, s in sections for part in s.split(SECTION_SEPARATOR) if part not in valid]
    assert not bad, bad
    repeated = [who for who, s in sections if len(set(s.split(SECTION_SEPARATOR))) != len(s.split(SECTION_SEPARATOR))]
    assert not repeated, repeated


FACTS = {
    # a distinctive fact of the guide -> words that must appear in some answer
    "blueprint tool": ["blueprint"], "wsgi": ["wsgi", "concurrent"],
    "flask companies": ["netflix", "reddit", "red hat", "twilio"],
    "instagram": ["instagram", "1 billion"], "education examples": ["udemy", "khan academy"],
    "security": ["csrf", "sql injection", "pbkdf2", "sha256", "https", "audits"],
    "csrf examples": ["password", "unauthorised"],
    "admin": ["flask-admin", "without writing any frontend"],
    "lightweight": ["blog", "news", "captcha"],
    "rest": ["routing", "url patterns", "request parsing"],
    "prototype extensions": ["form handling", "database integration"],
    "social scaling": ["caching", "load-balancing"], "ml": ["machine-learning", "personalised"],
    "ecommerce": ["orders", "transaction"], "versatility": ["content management"],
    "verdict": ["maximum security", "complete control", "scale up"],
    "faq demand": ["2025", "backend roles", "api development"],
    "full-stack": ["frontend", "backend"], "learning": ["steeper learning curve", "tutorials"],
    "size": ["microservices", "small- to medium-sized"],
}


@pytest.mark.parametrize("fact", FACTS)
def test_guide_facts_are_reachable(kb, fact):
    corpus = " ".join(t.answer.lower() for t in kb.topics.values())
    missing = [w for w in FACTS[fact] if w not in corpus]
    assert not missing, missing
