"""The cleaning evaluation itself: the obfuscator produces every family, and on held-out SaudiNewsNet (present
in ../shared/data on developer machines and in CI) the cleaner stays above its figures on a small sample."""

from __future__ import annotations

import random

import pytest

from khabar.cleaner import clean
from khabar.datasets import saudinewsnet_path
from khabar.evaluation.clean_eval import evaluate, plain_normalise
from khabar.obfuscate import FAMILIES, obfuscate_word

WORD = "المحتلة"


@pytest.mark.parametrize("family", FAMILIES)
def test_each_family_changes_the_word_and_the_cleaner_restores_it(family):
    rng = random.Random(3)
    obf = obfuscate_word(WORD, family, rng)
    assert obf != WORD
    assert clean(obf).text == WORD


def test_obfuscator_rejects_unknown_family():
    with pytest.raises(ValueError):
        obfuscate_word(WORD, "rot13", random.Random(0))


def test_plain_normalise_is_the_no_damage_baseline():
    assert plain_normalise("مُحَمَّد") == "محمد"
    assert plain_normalise("زعـماء") == "زعماء"
    assert plain_normalise("عام 1436هـ") == "عام 1436هـ"
    assert plain_normalise("ﻻ") == "لا"
    assert plain_normalise("کتاب") == "كتاب"


@pytest.mark.skipif(not saudinewsnet_path().exists(), reason="SaudiNewsNet not available")
def test_small_heldout_sample_stays_above_the_figures():
    r = evaluate(n=150, seed=5, split="dev")
    assert r["sentences_obfuscated"] == 150 and r["sentences_untouched"] == 150
    assert r["words_obfuscated"] >= 250
    assert set(r["per_family"]) == set(FAMILIES)
    assert r["restored_rate"] >= 0.97
    assert r["unchanged_rate"] >= 0.98
