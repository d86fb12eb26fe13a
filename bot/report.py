"""The content-gap report as data (pure: no I/O, no database, no terminal).

    parse_since(text) -> timedelta            # "30m", "12h", "7d", "4w"; ValueError otherwise
    key_terms(question) -> tuple[KeyTerm, ...]
    group_declines(questions, *, limit=None) -> list[DeclineGroup]
    feedback_rows(counts, *, limit=None) -> list[FeedbackRow]
    answer_rows(counts, *, limit=None) -> list[AnswerRow]
    build_report(*, since, window, declined_questions, feedback_counts, answer_counts, limit=20) -> Report
    report_tables(report) -> list[TableData]  # what the CLI draws, rich or plain

Declined questions are grouped when they share their key terms: Slack markup
and punctuation are stripped, words lower-cased, stopwords dropped, the rest
stemmed (Snowball English), and questions with the same SET of stems form one
group. "How do I deploy Flask?" and "deploying flask??" are one group;
"deploy django" is another.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable

import Stemmer  # PyStemmer: the Snowball project's C stemmers (the English one only is loaded)

from bot.text import SLACK_EMOJI

_SINCE = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$", re.IGNORECASE)
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_since(text: str) -> timedelta:
    """``"30m"``, ``"12h"``, ``"7d"`` or ``"4w"`` as a timedelta; ValueError with the expected form."""
    match = _SINCE.match(text or "")
    if not match or int(match.group(1)) == 0:
        raise ValueError(f"expected a positive age like 30m, 12h, 7d or 4w, got {text!r}")
    return timedelta(**{_UNITS[match.group(2).lower()]: int(match.group(1))})


# --- normalising questions -------------------------------------------------

# <@U123>, <#C123|general>, <!here>: dropped; <https://x|label>: the label; <https://x>: dropped.
_SLACK_SPECIAL = re.compile(r"<[@#!][^>]*>")
_SLACK_LINK = re.compile(r"<[^>|]*(?:\|([^>]*))?>")
_APOSTROPHE = re.compile(r"(?<=\w)['\u2019](?=\w)")
_WORD = re.compile(r"[^\W_]+")

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any anyone are aren as at be because been
    before being below best better between both but by can cannot could couldn did didn do does
    anybody anything doesn doing don dont down during each else etc even ever every few folks for from further get gets guys
    getting go going good got had hadn has hasn have haven having he hello help her here hers
    herself hey hi him himself his how i id if im in into is isn it its itself ive just know let
    like lot make many may me might more most much must my myself need needs no nor not now of off
    often ok okay on once one only or other our ours ourselves out over own please pls quick
    question questions really same say see shall she should shouldn show so some someone something such
    tell than thank thanks thanx that thats the their theirs them themselves then there these they
    thing things think this those through thx to too under until up us use used using versus very
    vs want wanna was wasn way we were weren what whats when where whether which while who whom
    why will with won would wouldn yes yet you your yours yourself yourselves
    """.split()
)

_stemmer = Stemmer.Stemmer("english")


def _words(question: str) -> list[str]:
    text = question.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    text = _SLACK_SPECIAL.sub(" ", text)
    text = _SLACK_LINK.sub(lambda m: f" {m.group(1) or ''} ", text)
    text = SLACK_EMOJI.sub(" ", text.lower())
    text = _APOSTROPHE.sub("", text)
    return [w for w in _WORD.findall(text) if len(w) > 1 and w not in STOPWORDS]


@dataclass(frozen=True)
class KeyTerm:
    stem: str
    word: str  # the word as asked (lower case)


def key_terms(question: str) -> tuple[KeyTerm, ...]:
    """The question's key terms, one per distinct stem, sorted by stem."""
    words = _words(question)
    by_stem: dict[str, str] = {}
    for word, stem in zip(words, _stemmer.stemWords(words)):
        by_stem.setdefault(stem, word)
    return tuple(KeyTerm(stem, by_stem[stem]) for stem in sorted(by_stem))


# --- the three sections ----------------------------------------------------


@dataclass(frozen=True)
class DeclineGroup:
    count: int
    example: str                   # the group's most frequent wording (ties: the newest)
    key_terms: tuple[str, ...]     # the words most often used for each stem, by stem
    stems: tuple[str, ...]         # the group key; () for questions with no key terms


def group_declines(questions: Iterable[str], *, limit: int | None = None) -> list[DeclineGroup]:
    """Group declined questions (given newest first) by their set of key stems.

    Biggest groups first; ties go to the group asked about most recently.
    """
    members: dict[tuple[str, ...], list[str]] = defaultdict(list)
    words: dict[tuple[str, ...], dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    first_seen: dict[tuple[str, ...], int] = {}
    for index, question in enumerate(questions):
        question = " ".join(question.split())
        terms = key_terms(question)
        key = tuple(t.stem for t in terms)
        members[key].append(question)
        first_seen.setdefault(key, index)
        for t in terms:
            words[key][t.stem][t.word] += 1

    groups = []
    for key, asked in members.items():
        wordings = Counter(asked)
        best = max(wordings.values())
        example = next(q for q in asked if wordings[q] == best)  # `asked` is newest first
        shown = tuple(words[key][stem].most_common(1)[0][0] for stem in key)
        groups.append(DeclineGroup(len(asked), example, shown, key))
    groups.sort(key=lambda g: (-g.count, first_seen[g.stems]))
    return groups[:limit] if limit is not None else groups


@dataclass(frozen=True)
class FeedbackRow:
    topic_id: str
    helpful: int
    not_helpful: int

    @property
    def votes(self) -> int:
        return self.helpful + self.not_helpful

    @property
    def ratio(self) -> float:
        """Share of votes that said Helpful, 0.0 to 1.0 (lower is worse)."""
        return self.helpful / self.votes if self.votes else 0.0


def feedback_rows(counts: Iterable[tuple[str, int, int]], *, limit: int | None = None) -> list[FeedbackRow]:
    """Topics with at least one vote, worst Helpful share first (more Not helpful votes first on ties)."""
    rows = [FeedbackRow(t, up, down) for t, up, down in counts if up + down > 0]
    rows.sort(key=lambda r: (r.ratio, -r.not_helpful, r.topic_id))
    return rows[:limit] if limit is not None else rows


@dataclass(frozen=True)
class AnswerRow:
    topic_id: str
    answers: int


def answer_rows(counts: Iterable[tuple[str, int]], *, limit: int | None = None) -> list[AnswerRow]:
    """Topics by answers given, most first."""
    rows = [AnswerRow(t, n) for t, n in counts if n > 0]
    rows.sort(key=lambda r: (-r.answers, r.topic_id))
    return rows[:limit] if limit is not None else rows


@dataclass(frozen=True)
class Report:
    since: datetime
    window: str                      # as asked, e.g. "7d"
    declined: list[DeclineGroup]
    feedback: list[FeedbackRow]
    answers: list[AnswerRow]
    declined_total: int              # declined questions before grouping and limiting

    @property
    def is_empty(self) -> bool:
        return not (self.declined or self.feedback or self.answers)

    def to_dict(self) -> dict:
        """The ``--json`` object: {since, declined, feedback, answers}."""
        return {
            "since": self.since.isoformat(),
            "declined": [
                {"count": g.count, "example": g.example, "key_terms": list(g.key_terms)} for g in self.declined
            ],
            "feedback": [
                {"topic_id": r.topic_id, "helpful": r.helpful, "not_helpful": r.not_helpful,
                 "ratio": round(r.ratio, 3)}
                for r in self.feedback
            ],
            "answers": [{"topic_id": r.topic_id, "answers": r.answers} for r in self.answers],
        }


def build_report(
    *,
    since: datetime,
    window: str,
    declined_questions: Iterable[str],
    feedback_counts: Iterable[tuple[str, int, int]],
    answer_counts: Iterable[tuple[str, int]],
    limit: int | None = 20,
) -> Report:
    questions = list(declined_questions)
    return Report(
        since=since,
        window=window,
        declined=group_declines(questions, limit=limit),
        feedback=feedback_rows(feedback_counts, limit=limit),
        answers=answer_rows(answer_counts, limit=limit),
        declined_total=len(questions),
    )


# --- tables ----------------------------------------------------------------


@dataclass(frozen=True)
class TableData:
    title: str
    columns: tuple[str, ...]
    right_aligned: tuple[bool, ...]   # per column: numbers line up on the right
    rows: tuple[tuple[str, ...], ...]
    empty_note: str                   # shown instead of the table when there are no rows


def report_tables(report: Report) -> list[TableData]:
    declined_title = (f"Declined questions ({report.declined_total} asked, "
                      f"{len(report.declined)} groups shown)")
    return [
        TableData(
            declined_title,
            ("Count", "Key terms", "Example question"),
            (True, False, False),
            tuple((str(g.count), ", ".join(g.key_terms) or "—", g.example) for g in report.declined),
            "No declined questions.",
        ),
        TableData(
            "Least helpful topics (worst first)",
            ("Topic", "Helpful", "Not helpful", "Helpful %"),
            (False, True, True, True),
            tuple((r.topic_id, str(r.helpful), str(r.not_helpful), f"{r.ratio:.0%}") for r in report.feedback),
            "No Helpful / Not helpful votes.",
        ),
        TableData(
            "Answers per topic",
            ("Topic", "Answers"),
            (False, True),
            tuple((r.topic_id, str(r.answers)) for r in report.answers),
            "No answers given.",
        ),
    ]


def heading(report: Report) -> str:
    return f"Usage since {report.since:%Y-%m-%d %H:%M} UTC (last {report.window})"


def empty_message(report: Report) -> str:
    return f"No usage recorded since {report.since:%Y-%m-%d %H:%M} UTC (last {report.window})."
