"""The per-word caches of ``bot.text``: unbounded ``lru_cache`` dicts, trimmed past WORD_CACHE_SIZE."""

from __future__ import annotations

from bot import text


def test_a_cache_past_its_bound_is_emptied_on_a_trim(monkeypatch):
    monkeypatch.setattr(text, "WORD_CACHE_SIZE", 3)
    monkeypatch.setattr(text, "TRIM_EVERY", 1)
    text.stem.cache_clear()
    for word in ("flask", "django", "routing"):
        text.stem(word)
    text.trim_word_caches()
    assert text.stem.cache_info().currsize == 3, "at the bound: kept"
    text.stem("templates")
    text.trim_word_caches()
    assert text.stem.cache_info().currsize == 0, "past it: emptied"
    assert text.stem("templates") == "templat", "and it still answers"


def test_trims_are_checked_every_trim_every_calls(monkeypatch):
    monkeypatch.setattr(text, "WORD_CACHE_SIZE", 0)
    monkeypatch.setattr(text, "TRIM_EVERY", 4)
    checked = []
    monkeypatch.setattr(text, "_WORD_CACHES", [type("Probe", (), {
        "cache_info": lambda self: checked.append(1) or type("Info", (), {"currsize": 0})(),
        "cache_clear": lambda self: None})()])
    for _ in range(8):
        text.trim_word_caches()
    assert len(checked) == 2


def test_every_per_word_function_is_trimmed():
    assert {f.__name__ for f in text._WORD_CACHES} == {"stem", "is_content", "is_neutral", "is_foreign"}


def test_the_uncached_stem_is_the_stem():
    for word in ("ecommerce", "djangos", "flask", "2024", "authorization", "js"):
        assert text.stem_uncached(word) == text.stem(word)


def test_building_an_index_leaves_the_caches_empty():
    """An index build stems every word of the knowledge, and keeps what it needs: the caches are
    left for the words questions bring."""
    from bot.matching import Answerer
    from bot.synthetic import synthetic_knowledge

    Answerer(synthetic_knowledge(200))
    assert all(f.cache_info().currsize == 0 for f in text._WORD_CACHES)



def test_the_index_word_profiles_stay_within_the_bound_and_answer_alike(monkeypatch):
    """``bot.matching.resolve`` remembers what each question word is to the index; past the bound
    the memory is emptied, and a question is answered the same with it or without it."""
    from bot.knowledge import default_knowledge_dir, load_knowledge
    import bot.matching.resolve as resolve_module
    from bot.matching import Answerer

    monkeypatch.setattr(resolve_module, "WORD_CACHE_SIZE", 20)
    answerer = Answerer(load_knowledge(default_knowledge_dir()))
    question = "is django secure enough for a bakery's booking site?"
    first = answerer.answer(question, explain=True)
    profiles = answerer._index.word_profiles
    assert "secure" in profiles
    for n in range(30):
        answerer.answer(f"word{n} another{n} more{n} words{n}")
        assert len(profiles) <= 20 + 4
    assert answerer.answer(question, explain=True) == first
