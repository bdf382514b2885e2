"""The shipped word clusters (data/clusters.tsv.gz, built by scripts/build_clusters.py)."""

from __future__ import annotations

import gzip
from importlib import resources
from itertools import combinations, product

from khabar.clusters import cluster_features, load_clusters

PLACES = ["سوريا", "العراق", "لبنان", "مصر", "الأردن", "ليبيا", "تونس", "إيران", "تركيا", "فرنسا", "روسيا"]
VERBS = ["قال", "أعلن", "أكد", "ذكر", "أضاف", "أوضح"]
NAMES = ["محمد", "أحمد", "عبدالله", "إبراهيم", "يوسف", "خالد"]


def _same_rate(pairs, level: int) -> float:
    pairs = list(pairs)
    return sum(cluster_features(a)[level] == cluster_features(b)[level] for a, b in pairs) / len(pairs)


def test_shipped_file_loads():
    table = load_clusters()
    assert len(table) > 20_000
    assert load_clusters() is table  # cached
    with resources.files("khabar.data").joinpath("clusters.tsv.gz").open("rb") as raw:
        header = gzip.open(raw, "rt", encoding="utf-8").readline()
    assert header.startswith("#khabar-clusters\t")
    c64, c256, c1024 = zip(*table.values())
    assert max(c64) < 64 and max(c256) < 256 and max(c1024) < 1024 and min(c64 + c256 + c1024) >= 0


def test_levels_are_nested():
    parent: dict[int, tuple[int, int]] = {}
    for a, b, c in set(load_clusters().values()):
        assert parent.setdefault(c, (a, b)) == (a, b)


def test_all_probes_known():
    for w in PLACES + VERBS + NAMES:
        assert cluster_features(w) is not None, w


def test_places_cluster_together_not_with_verbs():
    places = _same_rate(combinations(PLACES, 2), 0)
    mixed = _same_rate(product(PLACES, VERBS), 0)
    assert places > 0.2 and places > 3 * mixed, (places, mixed)
    assert _same_rate(combinations(VERBS, 2), 0) > 0.3


def test_names_cluster_together_not_with_places():
    names = _same_rate(combinations(NAMES, 2), 0)
    assert names > 0.5 and names > 3 * _same_rate(product(NAMES, PLACES), 0)


def test_unknown_word():
    assert cluster_features("xyz") is None
    assert cluster_features("ققققغغغ") is None
    assert cluster_features("") is None


def test_folded_lookup():
    assert cluster_features("الأردن") == cluster_features("الاردن")
    assert cluster_features("إيران") == cluster_features("ايران")


def test_clitic_forms_find_base():
    assert cluster_features("والعراق") == cluster_features("العراق")
    assert cluster_features("بالعراق") == cluster_features("العراق")
    assert cluster_features("للأمم") == cluster_features("الأمم")
