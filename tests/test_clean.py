"""Tests for khabar.clean (the de-obfuscating cleaner and its alignment) and khabar.fold."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.chars import DIGIT_LETTERS, HARAKAT_SET, LETTER_SET, LOOKALIKES, PRESENTATION_SET
from khabar.cleaner import clean, normalize
from khabar.fold import fold
from khabar.lexicon import default_lexicon
from khabar.obfuscate import obfuscate_word

EXAMPLE = Path(__file__).parents[1] / "examples" / "turkey-isis-afrin.ar.txt"

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def findings(text: str) -> list[tuple[str, str, list[str]]]:
    """(original characters, clean form, kinds) of every finding."""
    return [(text[o.start:o.end], o.clean, o.kinds) for o in clean(text).obfuscations]


# -- the example article -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def article() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def test_example_article_obfuscated_words_are_restored(article):
    result = clean(article)
    found = [(article[o.start:o.end], o.clean) for o in result.obfuscations]
    assert found == [
        ("وداعـ.ـش", "وداعش"),
        ("مخـ.ـطط", "مخطط"),
        ("يكـ.ـشفه", "يكشفه"),
        ("المحـ.ـتلة", "المحتلة"),
        ("زعـماء", "زعماء"),
        ("وعـناصر", "وعناصر"),
    ]
    title_kinds = [o.kinds for o in result.obfuscations[:4]]
    assert title_kinds == [["separator", "tatweel"]] * 4
    assert [o.kinds for o in result.obfuscations[4:]] == [["tatweel"]] * 2
    # Each finding's span maps through the alignment onto its clean form.
    for o in result.obfuscations:
        cs, ce = result.alignment.to_clean(o.start, o.end)
        assert result.text[cs:ce] == o.clean


def test_example_article_clean_text(article):
    expected = re.sub("[\u064B-\u065F\u0670\u0640]", "", article)
    for dotted, word in (("وداع.ش", "وداعش"), ("مخ.طط", "مخطط"), ("يك.شفه", "يكشفه"), ("المح.تلة", "المحتلة")):
        assert expected.count(dotted) == 1
        expected = expected.replace(dotted, word)
    result = clean(article)
    assert result.text == expected
    assert result.text.startswith("تركيا وداعش..مخطط يكشفه التحالف الدولي في المناطق المحتلة\n")
    assert "الحدود السورية-التركية هي" in result.text
    assert "زعماء وعناصر داعش" in result.text
    assert (result.alignment.clean_len, result.alignment.orig_len) == (len(result.text), len(article))


def test_example_article_alignment_points_back_to_the_original(article):
    result = clean(article)
    for word in ("وداعش", "مخطط", "زعماء", "وعناصر", "السورية-التركية"):
        cs = result.text.index(word)
        os_, oe = result.alignment.to_original(cs, cs + len(word))
        original = article[os_:oe]
        assert re.sub("[\u0640.]", "", original) == word
    cs = result.text.index("ملاذاً"[:-1])  # the tanween is gone from the clean text
    assert result.text[cs:cs + 6] == "ملاذا "
    os_, oe = result.alignment.to_original(cs, cs + 5)
    assert article[os_:oe] == "ملاذا"


# -- each family of obfuscation ------------------------------------------------------------------------------------

OBFUSCATED = [
    ("الحو..ثيون", "الحوثيون", ["separator"]),
    ("الحو_ثيون", "الحوثيون", ["separator"]),
    ("داع-ش", "داعش", ["separator"]),
    ("داع·ش", "داعش", ["separator"]),
    ("داع*ش", "داعش", ["separator"]),
    ("د ا ع ش", "داعش", ["letter_spacing"]),
    ("دا عش", "داعش", ["space_split"]),
    ("داااعش", "داعش", ["repeated_letter"]),
    ("د١عش", "داعش", ["digit_as_letter"]),
    ("ﺩﺍﻋﺶ", "داعش", ["presentation_form"]),
    ("ﻭﺩﺍﻋﺶ", "وداعش", ["presentation_form"]),
    ("ﻻ", "لا", ["presentation_form"]),
    ("داعـ ـش", "داعش", ["tatweel_split"]),
    ("داعـ ش", "داعش", ["tatweel_split"]),
    ("داعـــش", "داعش", ["tatweel"]),
    ("داعـ.ـش", "داعش", ["separator", "tatweel"]),
    ("دا\u200bعش", "داعش", ["invisible"]),
    ("دا\u200cعش", "داعش", ["invisible"]),
    ("دا\u202bعش", "داعش", ["invisible"]),
    ("الإر\u00adهاب", "الإرهاب", ["invisible"]),
    ("کتاب", "كتاب", ["lookalike_letter"]),
    ("يکون", "يكون", ["lookalike_letter"]),
]


@pytest.mark.parametrize("obfuscated,word,kinds", OBFUSCATED)
def test_obfuscation_is_undone_alone(obfuscated, word, kinds):
    result = clean(obfuscated)
    assert result.text == word
    assert findings(obfuscated) == [(obfuscated, word, kinds)]


@pytest.mark.parametrize("obfuscated,word,kinds", OBFUSCATED)
def test_obfuscation_is_undone_in_a_sentence(obfuscated, word, kinds):
    before, after = "قال المصدر إن ", " هاجموا المدينة أمس"
    text = before + obfuscated + after
    result = clean(text)
    assert result.text == before + word + after
    assert findings(text) == [(obfuscated, word, kinds)]
    (o,) = result.obfuscations
    assert (o.start, o.end) == (len(before), len(before) + len(obfuscated))


@pytest.mark.parametrize("text,expected", [
    ("مُحَمَّد", "محمد"),
    ("الإرْهَابِيَّةِ", "الإرهابية"),
    ("ملاذاً آمناً", "ملاذا آمنا"),
    ("هٰذا", "هذا"),
])
def test_harakat_are_removed_without_a_finding(text, expected):
    result = clean(text)
    assert result.text == expected
    assert result.obfuscations == []


# -- what is legitimate stays exactly as written ----------------------------------------------------------------------

LEGIT = [
    "تركيا..مخطط", "وداعش..مخطط", "و داعش", "1436هـ الموافق", "عام 1436 هـ", "١٤٣٥هـ الموافق",
    "1436-1437هـ الموافق", "أ.د. محمد", "د. محمد", "د.محمد", "م. أحمد", "د. م. أحمد", "ق.م", "ص.ب 123", "ج.م.ع",
    "ش.م.م", "الرياض.وقال", "مارس/آذار", "حلب-دمشق", "السورية-التركية", "جنوب-شرق", "كوفيد-19", "COVID-19",
    "#داعش_الإرهابي", "@khabar_ar", "http://example.com/داع-ش", "www.example.com/دا.عش", "info@example.com",
    "في ما", "عبد الله", "مطار الملك عبد العزيز", "إن شاء الله", "12.5%", "10:30", "2019/03/01",
    "٢٠١٩/٠٣/٠١", "١٢٫٥٪", "Hello world. Test-case", "U.S.A", "قال... ثم", "قال:الحكومة", "ل«داعش»",
]


@pytest.mark.parametrize("text", LEGIT)
def test_legitimate_text_is_left_alone(text):
    result = clean(text)
    assert result.text == text
    assert result.obfuscations == []
    assert result.alignment.to_list() == [[0, 0, len(text), len(text)]]


@pytest.mark.parametrize("text", LEGIT)
def test_legitimate_text_is_left_alone_in_a_sentence(text):
    sentence = f"وأضاف المصدر {text} بحسب البيان"
    result = clean(sentence)
    assert result.text == sentence
    assert result.obfuscations == []


@pytest.mark.parametrize("text", LEGIT)
def test_legitimate_text_is_left_alone_next_to_an_obfuscated_word(text):
    # An obfuscation nearby sends the neighbourhood down the careful path: the legitimate text must survive it.
    for sentence, expected in ((f"{text} دا·عش", f"{text} داعش"), (f"دا·عش {text}", f"داعش {text}")):
        result = clean(sentence)
        assert result.text == expected
        assert findings(sentence) == [("دا·عش", "داعش", ["separator"])]


# DESIGN §2: URLs, e-mails, hashtags and mentions are copied as written, on the fast path and in a window alike.
@pytest.mark.parametrize("url", ["http://x.com/مُحَمَّد", "http://x.com/داعـش", "#داعـش", "@داعـش", "info@مُثال.com"])
def test_url_with_harakat_or_tatweel_is_left_alone(url):
    result = clean(url)
    assert result.text == url
    assert result.obfuscations == []


@pytest.mark.parametrize("token", ["#داعـش", "@داعـش", "http://x.com/مُحَمَّد", "http://x.com/داعـش"])
def test_protected_token_is_cleaned_the_same_whatever_its_neighbours(token):
    alone = clean(token).text
    assert clean(token + " دا·عش").text == alone + " داعش"


# -- normalize, empty input --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", " ", "\n\n", "تركيا وداعـ.ـش..مخـ.ـطط", "مُحَمَّد د ا ع ش", "abc"])
def test_normalize_is_the_clean_text(text):
    assert normalize(text) == clean(text).text


def test_empty_text():
    result = clean("")
    assert result.text == ""
    assert result.obfuscations == []
    assert (result.alignment.clean_len, result.alignment.orig_len) == (0, 0)
    assert result.alignment.to_original(0, 0) == (0, 0)
    assert result.alignment.to_clean(0, 0) == (0, 0)


def test_only_removable_characters():
    text = "\u064E\u0640\u0651"
    result = clean(text)
    assert result.text == ""
    assert result.alignment.orig_len == 3
    assert result.alignment.to_clean(0, 3) == (0, 0)


# -- fold ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("أحمد", "احمد"),
    ("إسلام", "اسلام"),
    ("آمن", "امن"),
    ("ٱلله", "الله"),
    ("مستشفى", "مستشفي"),
    ("مدرسة", "مدرسه"),
    ("مؤتمر", "موتمر"),
    ("رئيس", "رييس"),
    ("مُحَمَّد", "محمد"),
    ("داعـــش", "داعش"),
    ("کتاب یکون", "كتاب يكون"),
    ("الإرهابيّة", "الارهابيه"),
    ("مُسْتَشْفى", "مستشفي"),
    ("Hello 123 داعش", "Hello 123 داعش"),
    ("", ""),
])
def test_fold(text, expected):
    assert fold(text) == expected


def test_fold_is_idempotent_and_never_lengthens():
    text = EXAMPLE.read_text(encoding="utf-8")
    folded = fold(text)
    assert fold(folded) == folded
    assert len(folded) <= len(text)
    assert not set(folded) & set("أإآىةؤئ\u0640")


# -- properties ------------------------------------------------------------------------------------------------------

def _common_words() -> list[str]:
    counts = default_lexicon().counts
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    words = [w for w in ranked if len(w) >= 4 and all(c in LETTER_SET for c in w)
             and not re.search(r"(.)\1\1", w)]
    return words[:200]


WORDS = _common_words()
# The families obfuscate_word applies deterministically, with no ambiguity left for the lexicon to resolve.
FAMILIES = ("tatweel", "tatweel_separator", "invisible", "tatweel_split", "presentation_form", "lookalike_letter",
            "harakat")


def test_common_words_are_plain_frequent_words():
    assert len(WORDS) == 200
    assert "داعش" in WORDS or "الذي" in WORDS
    for w in WORDS:
        assert clean(w).text == w


@PROPERTY
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.one_of(st.none(), st.sampled_from(FAMILIES))),
                min_size=1, max_size=10),
       st.integers(0, 2**32 - 1))
def test_obfuscated_sentence_is_restored(plan, seed):
    rng = random.Random(seed)
    words = [w for w, _ in plan]
    written = [obfuscate_word(w, fam, rng) if fam else w for w, fam in plan]
    sentence, obfuscated = " ".join(words), " ".join(written)
    result = clean(obfuscated)
    assert result.text == sentence
    # One finding per obfuscated word (harakat are normalisation, not a finding), on exactly its span.
    expected = []
    pos = 0
    for (w, fam), ob in zip(plan, written):
        if fam and fam != "harakat" and ob != w:
            expected.append((pos, pos + len(ob), w))
        pos += len(ob) + 1
    assert [(o.start, o.end, o.clean) for o in result.obfuscations] == expected
    for o in result.obfuscations:
        cs, ce = result.alignment.to_clean(o.start, o.end)
        assert result.text[cs:ce] == o.clean
    # Every clean word maps back to the written word it came from (less a trailing haraka, which was deleted).
    pos = cpos = 0
    for w, ob in zip(words, written):
        x, y = result.alignment.to_original(cpos, cpos + len(w))
        assert x == pos and pos < y <= pos + len(ob)
        assert all(c in HARAKAT_SET for c in obfuscated[y:pos + len(ob)])
        pos += len(ob) + 1
        cpos += len(w) + 1


_NOISE = (list("داعشمحلبنوتيةهأإآىؤئ") + ["\u064E", "\u064F", "\u0650", "\u0651", "\u0652", "\u064B", "\u0670",
          "\u0654"] + ["\u0640"] * 3 + list(".·•_-/,*…") + [" ", " ", "\u00A0", "\n"] + list("0123١٥٠٢")
          + list("abcXY") + ["\u200B", "\u200C", "\u200F", "\u00AD", "\u2060", "\u202B"] + list("کیۃہ")
          + ["ﻻ", "ﺩ", "ﺶ", "ﷺ"] + list("#@:%"))
_noise = st.text(alphabet=st.sampled_from(_NOISE), min_size=1, max_size=6)
_piece = st.one_of(st.sampled_from(WORDS), _noise)
ANY_TEXT = st.one_of(
    st.text(alphabet=st.sampled_from(_NOISE), max_size=60),
    st.lists(_piece, max_size=12).map(" ".join),
    st.lists(_piece, max_size=12).map("".join),
)
# Characters the cleaner never deletes or rewrites.
UNTOUCHABLE = set("abcXY0123\n")


@PROPERTY
@given(ANY_TEXT)
def test_any_text_cleans_with_a_consistent_alignment(text):
    result = clean(text)
    a = result.alignment
    assert (a.clean_len, a.orig_len) == (len(result.text), len(text))
    # The pieces tile the clean text in order and stay inside the original, without overlapping.
    c_next = o_next = 0
    for c0, o0, cl, ol in a.to_list():
        assert c0 == c_next and o0 >= o_next and cl > 0 and ol > 0
        if cl == ol:  # letter for letter: the same character, or one the cleaner rewrites one to one
            for k in range(cl):
                c, o = result.text[c0 + k], text[o0 + k]
                assert c == o or o in LOOKALIKES or o in PRESENTATION_SET or o in DIGIT_LETTERS
        c_next, o_next = c0 + cl, o0 + ol
    assert c_next == len(result.text) and o_next <= len(text)
    # Every clean character comes from some original characters.
    for c in range(len(result.text)):
        x, y = a.to_original(c, c + 1)
        assert 0 <= x < y <= len(text)
    for o, ch in enumerate(text):
        if ch in UNTOUCHABLE:
            cs, ce = a.to_clean(o, o + 1)
            assert ce == cs + 1 and result.text[cs] == ch
    for f in result.obfuscations:
        assert 0 <= f.start < f.end <= len(text)
        cs, ce = a.to_clean(f.start, f.end)
        assert result.text[cs:ce] == f.clean
    if "#" not in text and "@" not in text:  # outside hashtags, mentions and e-mails no harakah survives
        assert not set(result.text) & HARAKAT_SET


@PROPERTY
@given(ANY_TEXT, ANY_TEXT)
def test_lines_are_cleaned_independently(first, second):
    assert clean(first + "\n" + second).text == clean(first).text + "\n" + clean(second).text
