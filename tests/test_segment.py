"""Tests for khabar.segment: sentences and tokens found on the clean text, stored as original spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.document import Document
from khabar.pipeline import analyze
from khabar.segment import sentence_spans

EXAMPLE = Path(__file__).parents[1] / "examples" / "turkey-isis-afrin.ar.txt"

SENTENCE_OPENINGS = [
    "تركيا وداعـ.ـش..مخـ.ـطط",
    "في مسعى من",
    "التورط التركي",
    "وهذه ليست المرة",
    "فاكدت المصادر",
    "وفي مارس/آذار",
    "فرار قيادات",
    "واكد مصدر امني",
    "حيث يتهم",
    "ويؤكد مراقبون",
    "بالإضافة إلى ذلك",
    "وتأتي الاجراءات",
    "يذكر أن تركيا",
]


@pytest.fixture(scope="module")
def doc() -> Document:
    return analyze(EXAMPLE.read_text(encoding="utf-8"))


def tokens_of(text: str) -> list[tuple[str, str, str]]:
    """(original characters, clean form, kind) of every token."""
    d = analyze(text)
    return [(text[t.start:t.end], t.clean, t.kind) for t in d.tokens]


def token(text: str, original: str):
    d = analyze(text)
    (t,) = [t for t in d.tokens if text[t.start:t.end] == original]
    return t


# -- sentences -------------------------------------------------------------------------------------------------------

def test_example_sentences(doc):
    assert len(doc.sentences) == 13
    for s, opening in zip(doc.sentences, SENTENCE_OPENINGS):
        assert doc.span(s.start, s.end).startswith(opening)
    assert doc.span(doc.sentences[0].start, doc.sentences[0].end).endswith("المحـ.ـتلة")
    for s in doc.sentences[1:]:
        assert doc.span(s.start, s.end).endswith(".")
    last = doc.sentences[-1]
    assert doc.span(last.start, last.end).endswith("ضد حكومة دمشق نفسه.")


def test_sentences_are_ordered_trimmed_and_disjoint(doc):
    prev_end = 0
    for s in doc.sentences:
        assert prev_end <= s.start < s.end <= len(doc.text)
        text = doc.span(s.start, s.end)
        assert text == text.strip()
        prev_end = s.end


def test_abbreviation_does_not_end_a_sentence():
    text = "قال د. محمد إن الوضع صعب. ثم غادر."
    d = analyze(text)
    assert [d.span(s.start, s.end) for s in d.sentences] == ["قال د. محمد إن الوضع صعب.", "ثم غادر."]


@pytest.mark.parametrize("text,expected", [
    ("الأول. الثاني! الثالث؟ الرابع", ["الأول.", "الثاني!", "الثالث؟", "الرابع"]),
    ("سطر أول\nسطر ثان", ["سطر أول", "سطر ثان"]),
    ("قال «انتهى.» ثم خرج", ["قال «انتهى.»", "ثم خرج"]),
    ("بلغت 12.5 في المئة", ["بلغت 12.5 في المئة"]),
    ("  \n ", []),
])
def test_sentence_spans(text, expected):
    assert [text[s:e] for s, e in sentence_spans(text)] == expected


def test_sentences_of_obfuscated_text_map_to_original_spans():
    text = "هاجم داعـ.ـش القرية. وقال المرصد إن الحو..ثيون ردوا."
    d = analyze(text)
    assert [d.span(s.start, s.end) for s in d.sentences] == ["هاجم داعـ.ـش القرية.",
                                                               "وقال المرصد إن الحو..ثيون ردوا."]


# -- tokens ------------------------------------------------------------------------------------------------------------

def test_example_tokens_carry_original_spans(doc):
    first = [(doc.span(t.start, t.end), t.clean, t.kind) for t in doc.tokens[:5]]
    assert first == [
        ("تركيا", "تركيا", "word"),
        ("وداعـ.ـش", "وداعش", "word"),
        ("..", "..", "punct"),
        ("مخـ.ـطط", "مخطط", "word"),
        ("يكـ.ـشفه", "يكشفه", "word"),
    ]
    for t in doc.tokens:
        s = doc.sentences[t.sentence]
        assert s.start <= t.start < t.end <= s.end
    assert [t.sentence for t in doc.tokens] == sorted(t.sentence for t in doc.tokens)


def test_obfuscated_word_is_one_token_with_its_clitic_split(doc):
    t = doc.tokens[1]
    assert doc.span(t.start, t.end) == "وداعـ.ـش"
    assert (t.clean, t.kind, t.prefix, t.base, t.suffix) == ("وداعش", "word", "و", "داعش", "")


@pytest.mark.parametrize("word,split", [
    ("والمرصد", ("و", "المرصد", "")),
    ("للمرصد", ("ل", "المرصد", "")),  # ل + ال: the article's alef comes back
    ("وليد", ("", "وليد", "")),  # a name, not و + ليد
    ("المرصد", ("", "المرصد", "")),
])
def test_clitic_split(word, split):
    (t,) = analyze(word).tokens
    assert t.kind == "word"
    assert (t.prefix, t.base, t.suffix) == split


def test_numbers_are_single_tokens():
    text = "بلغت 12.5 في 2019/03/01 عند 10:30 بنسبة 40%"
    assert [(o, k) for o, _, k in tokens_of(text) if k == "number"] == [
        ("12.5", "number"), ("2019/03/01", "number"), ("10:30", "number"), ("40%", "number")]


def test_url_hashtag_mention_email_tokens():
    text = "زوروا http://example.com/a/b، و #داعش_الإرهابي و @khabar_ar و info@example.com"
    kinds = {o: k for o, _, k in tokens_of(text)}
    assert kinds["http://example.com/a/b"] == "url"
    assert kinds["#داعش_الإرهابي"] == "hashtag"
    assert kinds["@khabar_ar"] == "mention"
    assert kinds["info@example.com"] == "email"
    assert kinds["،"] == "punct"  # the comma after the URL is not part of it


def test_ellipsis_is_one_punct_token():
    assert tokens_of("قال.. ثم") == [("قال", "قال", "word"), ("..", "..", "punct"), ("ثم", "ثم", "word")]
    assert tokens_of("قال... ثم")[1] == ("...", "...", "punct")


def test_latin_tokens():
    assert tokens_of("قال Biden's team") == [("قال", "قال", "word"), ("Biden's", "Biden's", "latin"),
                                              ("team", "team", "latin")]


def test_token_of_a_word_with_harakat_spans_the_harakat():
    text = "قال مُحَمَّد"
    t = token(text, "مُحَمَّد")
    assert (t.clean, t.base) == ("محمد", "محمد")
    assert (t.start, t.end) == (4, len(text))


def test_empty_text_has_no_sentences_or_tokens():
    d = analyze("")
    assert d.sentences == [] and d.tokens == [] and d.issues == []
