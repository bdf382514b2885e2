"""Benchmarks for the cleaner and the pipeline, measured against peers in the same process on the same texts.

The rule: a figure in seconds or MB/s depends on the machine, the load on it and the Python build, so it
means little on its own. Every speed figure here is therefore paired with a ratio against a peer run in the
same process, on the same texts, interleaved round-robin with khabar (so a slow spell of the machine hits
every tool alike):

- `bench_clean`: `khabar.cleaner.clean` (cleaning + alignment + findings) against CAMeL Tools `arclean` and
  pyarabic `strip_tashkeel(strip_tatweel(x))`. The peers do far less (no alignment, no de-obfuscation), so the
  ratio is the price of what khabar does beyond them, not a contest.
- `bench_analyze`: the whole pipeline (`khabar.pipeline.analyze`, one shared Context) on growing prefixes of
  the texts, with its time relative to clean-only on the same texts (what the later stages cost) and its
  peak memory (growth of the process's peak RSS, and a tracemalloc peak on a separate, untimed run).

Texts default to the `test` half of the SaudiNewsNet held-out bucket (see `khabar.corpus_split`), so nothing
measured here was used to build the lexicon. Peers are optional (`pip install -e '.[bench]'`); a missing peer
is reported as `{"available": false, "why": ...}`, not raised. The functions only return JSON-able dicts;
`format_table` renders one for humans; progress goes to stderr only when asked for.
"""

from __future__ import annotations

import dataclasses

import gc
import json
import lzma
import platform
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .cleaner import clean
from .corpus_split import heldout_split, is_heldout
from .datasets import iter_saudinewsnet, saudinewsnet_path
from .lexicon import default_lexicon
from .pipeline import STAGES, Context, analyze

INSTALL_HINT = "pip install 'khabar[bench]'"
SPLITS = ("test", "dev", "heldout", "all")
MB = 1_000_000  # MB/s is in decimal megabytes of UTF-8 input


# -- texts ---------------------------------------------------------------------------------------------------------

def _open_jsonl(path: Path):
    if path.name.endswith(".xz"):
        return lzma.open(path, "rt", encoding="utf-8")
    return path.open("r", encoding="utf-8")


def _iter_jsonl(path: Path) -> Iterator[dict]:
    with _open_jsonl(path) as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{n}: not a JSON line ({e.msg})") from None
            if isinstance(rec, dict):
                yield rec


def _is_saudinewsnet(path: Path) -> bool:
    return path.name.startswith("saudinewsnet")


def _split_filter(records: Iterable[dict], split: str | None) -> Iterator[dict]:
    for rec in records:
        url = rec.get("url", "")
        if split in (None, "all"):
            yield rec
        elif split == "heldout":
            if is_heldout(url):
                yield rec
        elif heldout_split(url) == split:
            yield rec


def load_texts(corpus: Path | None = None, docs: int = 2000, split: str = "test") -> list[str]:
    """Up to `docs` non-empty article bodies.

    With no `corpus`, or a file named `saudinewsnet*` (the shared `saudinewsnet.jsonl.xz`), the articles come
    from SaudiNewsNet restricted to `split`: 'test' (default) or 'dev' (the halves of the held-out bucket),
    'heldout' (both) or 'all'. Any other `.jsonl` / `.jsonl.xz` file is read whole, one JSON object a line,
    taking `text` or else `content`.
    """
    if split not in SPLITS and split is not None:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    path = Path(corpus) if corpus is not None else saudinewsnet_path()
    if not path.is_file():
        what = "SaudiNewsNet" if corpus is None else "corpus"
        raise FileNotFoundError(f"{what} not found at {path} (set KHABAR_SHARED_DATA or pass --corpus PATH "
                                f"to a .jsonl or .jsonl.xz file with a `text` or `content` field per line)")
    if corpus is None or _is_saudinewsnet(path):
        if split in ("test", "dev"):
            records: Iterable[dict] = iter_saudinewsnet(path, split=split)
        else:
            records = _split_filter(_iter_jsonl(path), split)
    else:
        records = _iter_jsonl(path)
    texts: list[str] = []
    if docs <= 0:
        return texts
    for rec in records:
        body = rec.get("text") or rec.get("content")
        if isinstance(body, str) and body.strip():
            texts.append(body)
            if len(texts) >= docs:
                break
    return texts


# -- helpers -------------------------------------------------------------------------------------------------------

def _mb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / MB


def _progress(on: bool, msg: str) -> None:
    if on:
        print(f"[bench] {msg}", file=sys.stderr, flush=True)


def _timed_pass(fn: Callable[[str], Any], texts: list[str]) -> float:
    gc.collect()
    t0 = time.perf_counter()
    for t in texts:
        fn(t)
    return time.perf_counter() - t0


def _environment() -> dict[str, Any]:
    return {"python": platform.python_version(), "implementation": platform.python_implementation(),
            "machine": platform.machine(), "system": platform.system()}


def _version(dist: str, module: Any) -> str | None:
    try:
        from importlib.metadata import version
        return version(dist)
    except Exception:
        return getattr(module, "__version__", None)


def _unavailable(package: str, e: BaseException | None = None) -> dict[str, Any]:
    why = f"{package} is not installed ({INSTALL_HINT})"
    if e is not None and not isinstance(e, ImportError):
        why = f"{package} could not be loaded: {type(e).__name__}: {e} ({INSTALL_HINT})"
    return {"available": False, "why": why}


def _peer_arclean() -> tuple[Callable[[str], Any] | None, dict[str, Any]]:
    try:
        import camel_tools
        from camel_tools.utils.charmap import CharMapper
        mapper = CharMapper.builtin_mapper("arclean")
    except Exception as e:  # ImportError when absent; anything else is a broken install, reported the same way
        return None, _unavailable("camel-tools", e)
    info = {"available": True, "package": "camel-tools", "version": _version("camel-tools", camel_tools),
            "does": "CharMapper.builtin_mapper('arclean').map_string"}
    return mapper.map_string, info


def _peer_pyarabic() -> tuple[Callable[[str], Any] | None, dict[str, Any]]:
    try:
        import pyarabic
        from pyarabic import araby
    except Exception as e:
        return None, _unavailable("pyarabic", e)
    strip_tashkeel, strip_tatweel = araby.strip_tashkeel, araby.strip_tatweel

    def run(x: str) -> str:
        return strip_tashkeel(strip_tatweel(x))

    info = {"available": True, "package": "pyarabic", "version": _version("pyarabic", pyarabic),
            "does": "araby.strip_tashkeel(araby.strip_tatweel(x))"}
    return run, info


PEERS: dict[str, Callable[[], tuple[Callable[[str], Any] | None, dict[str, Any]]]] = {
    "arclean": _peer_arclean,
    "pyarabic": _peer_pyarabic,
}


def _time_lexicon_load() -> float:
    """Seconds to load the shipped lexicon from scratch (a fresh copy: the process's cached one is untouched)."""
    load = getattr(default_lexicon, "__wrapped__", default_lexicon)
    t0 = time.perf_counter()
    lex = load()
    dt = time.perf_counter() - t0
    del lex
    return dt


# -- clean ---------------------------------------------------------------------------------------------------------

def bench_clean(texts: list[str], repeats: int = 5, *, progress: bool = False) -> dict:
    """Time khabar's cleaner against every installed peer, round-robin `repeats` times over `texts`.

    Each tool is warmed up once on all texts first (the lexicon load is excluded and timed on its own). Per
    tool: MB/s from the best pass, best and median seconds. `ratios["khabar/<peer>"]` is khabar's throughput
    over the peer's (best pass each; 1.2 means khabar cleans 1.2× as many MB/s), only for peers that ran.
    """
    if not texts:
        raise ValueError("no texts to benchmark")
    repeats = max(1, int(repeats))
    lexicon_load_s = _time_lexicon_load()
    lex = default_lexicon()

    def khabar_clean(t: str) -> Any:
        return clean(t, lex)

    runners: dict[str, Callable[[str], Any]] = {"khabar": khabar_clean}
    tools: dict[str, dict[str, Any]] = {
        "khabar": {"available": True, "package": "khabar", "does": "khabar.cleaner.clean (text + alignment + findings)"}
    }
    for name, make in PEERS.items():
        fn, info = make()
        tools[name] = info
        if fn is not None:
            runners[name] = fn
        else:
            _progress(progress, f"{name}: {info['why']}")

    # Warm-up: one untimed pass each (also counts khabar's findings, as a sanity figure).
    findings = 0
    for t in texts:
        findings += len(khabar_clean(t).obfuscations)
    for name, fn in runners.items():
        if name != "khabar":
            for t in texts:
                fn(t)
    tools["khabar"]["findings"] = findings

    mb = _mb(texts)
    times: dict[str, list[float]] = {name: [] for name in runners}
    for r in range(repeats):
        for name, fn in runners.items():
            times[name].append(_timed_pass(fn, texts))
        _progress(progress, f"round {r + 1}/{repeats}: "
                  + ", ".join(f"{n} {ts[-1]:.3f}s" for n, ts in times.items()))

    for name, ts in times.items():
        best = min(ts)
        tools[name].update({
            "best_s": round(best, 6),
            "median_s": round(statistics.median(ts), 6),
            "mb_per_s": round(mb / best, 3) if best > 0 else None,
            "docs_per_s": round(len(texts) / best, 1) if best > 0 else None,
        })

    kb = min(times["khabar"])
    ratios = {f"khabar/{name}": round(min(times[name]) / kb, 3)
              for name in runners if name != "khabar" and kb > 0}
    return {
        "task": "bench_clean",
        "docs": len(texts),
        "mb": round(mb, 3),
        "repeats": repeats,
        "tools": tools,
        "ratios": ratios,
        "ratio_meaning": "khabar MB/s / peer MB/s, best pass each, same process, same texts (>=1: khabar as fast or faster)",
        "lexicon_load_s": round(lexicon_load_s, 4),
        "environment": _environment(),
    }


# -- analyze -------------------------------------------------------------------------------------------------------

def _maxrss_kb() -> int:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss // 1024 if sys.platform == "darwin" else rss  # bytes on macOS, kB on Linux


def _timed_stages() -> tuple[dict[str, float], list[tuple[str, Any]]]:
    """The pipeline's own stages, each wrapped to add its time to a shared dict (two clock reads a call)."""
    acc = {name: 0.0 for name, _ in STAGES}

    def wrap(name: str, fn: Any) -> Any:
        def timed(doc: Any, ctx: Context) -> None:
            t0 = time.perf_counter()
            try:
                fn(doc, ctx)
            finally:
                acc[name] += time.perf_counter() - t0
        return timed

    return acc, [(name, wrap(name, fn)) for name, fn in STAGES]


def _rss_kb() -> int | None:
    """Current resident set size in kB (Linux /proc only; None elsewhere)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[1])
        return pages * resource.getpagesize() // 1024
    except (OSError, ValueError, IndexError):
        return None


def bench_analyze(texts: list[str], sizes: tuple[int, ...] = (100, 500, 2000), *, repeats: int = 1,
                  tracemalloc_docs: int = 50, progress: bool = False, techniques: bool = False) -> dict:
    """The whole pipeline on growing prefixes of `texts` (sizes above len(texts) are cut to it).

    Per size: documents/s and MB/s of `analyze` (best of `repeats`, documents kept in a list as a caller
    collecting results would), the seconds spent in each stage of that pass (`STAGES`, each wrapped in a
    clock), the same texts through `clean` alone and the ratio pipeline/clean (what the stages after cleaning
    cost), the stage errors seen, and the growth of the process's peak RSS
    (`ru_maxrss`) over the first pipeline pass. Sizes run smallest first, so the RSS growth is what that run
    needed beyond the high-water mark the process had already reached (0 when it stayed below it); on Linux
    `rss_growth_kb` adds the change of the current RSS over the pass, documents still held. Separately, untimed, a tracemalloc
    run over the first `tracemalloc_docs` texts gives the Python-level peak and retained memory per document.
    The persuasion-technique classifier (an embedding model per paragraph, by far the slowest stage) runs only
    with `techniques=True`, as in a corpus run with `--no-techniques`; `khabar eval framing` reports its speed.
    """
    if not texts:
        raise ValueError("no texts to benchmark")
    repeats = max(1, int(repeats))
    ctx = Context.default()  # lexicon load excluded from every timing below
    if not techniques:
        ctx = dataclasses.replace(ctx, techniques=False)
    lex = ctx.lexicon
    analyze(texts[0], ctx=ctx)  # warm-up
    clean(texts[0], lex)

    eff = sorted({min(max(1, int(s)), len(texts)) for s in sizes})
    runs: list[dict[str, Any]] = []
    for size in eff:
        part = texts[:size]
        mb = _mb(part)
        pipe_times: list[float] = []
        clean_times: list[float] = []
        rss_before = rss_after = 0
        cur_before = cur_after = None
        errors = 0
        best_stage_s: dict[str, float] = {}
        for r in range(repeats):
            clean_times.append(_timed_pass(lambda t: clean(t, lex), part))
            gc.collect()
            if r == 0:
                rss_before, cur_before = _maxrss_kb(), _rss_kb()
            stage_s, stages = _timed_stages()
            t0 = time.perf_counter()
            docs = [analyze(t, ctx=ctx, stages=stages) for t in part]
            pipe_times.append(time.perf_counter() - t0)
            if pipe_times[-1] == min(pipe_times):
                best_stage_s = stage_s
            if r == 0:
                rss_after, cur_after = _maxrss_kb(), _rss_kb()
                errors = sum(1 for d in docs if d.failed)
            del docs
        pb, cb = min(pipe_times), min(clean_times)
        runs.append({
            "docs": size,
            "mb": round(mb, 3),
            "best_s": round(pb, 6),
            "docs_per_s": round(size / pb, 1) if pb > 0 else None,
            "mb_per_s": round(mb / pb, 3) if pb > 0 else None,
            "clean_best_s": round(cb, 6),
            "pipeline/clean": round(pb / cb, 3) if cb > 0 else None,
            "stage_s": {k: round(v, 6) for k, v in best_stage_s.items()},
            "stage_errors": errors,
            "peak_rss_kb_before": rss_before,
            "peak_rss_kb_after": rss_after,
            "peak_rss_growth_kb": max(0, rss_after - rss_before),
            "rss_growth_kb": (cur_after - cur_before) if cur_before is not None and cur_after is not None else None,
        })
        _progress(progress, f"{size} docs: {pb:.3f}s pipeline, {cb:.3f}s clean-only")
        gc.collect()

    # Memory as Python sees it, on a separate smaller run (tracemalloc slows everything: never timed).
    tm_part = texts[:max(1, min(tracemalloc_docs, len(texts)))]
    gc.collect()
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    tracemalloc.reset_peak()
    base, _ = tracemalloc.get_traced_memory()
    kept = [analyze(t, ctx=ctx) for t in tm_part]
    current, peak = tracemalloc.get_traced_memory()
    if not was_tracing:
        tracemalloc.stop()
    del kept
    n_tm = len(tm_part)
    memory = {
        "docs": n_tm,
        "mb": round(_mb(tm_part), 3),
        "tracemalloc_peak_kb": round((peak - base) / 1024, 1),
        "tracemalloc_retained_kb": round((current - base) / 1024, 1),
        "retained_kb_per_doc": round((current - base) / 1024 / n_tm, 2),
    }
    return {
        "task": "bench_analyze",
        "docs": len(texts),
        "repeats": repeats,
        "stages": [name for name, _ in STAGES],
        "techniques": techniques,
        "sizes": runs,
        "tracemalloc": memory,
        "ratio_meaning": "pipeline best time / clean-only best time on the same texts (the later stages' cost)",
        "process_peak_rss_kb": _maxrss_kb(),
        "environment": _environment(),
    }


# -- table ---------------------------------------------------------------------------------------------------------

# -- ner -------------------------------------------------------------------------------------------------------------

def bench_ner(texts: list[str], repeats: int = 3, models: dict[str, Path] | None = None) -> dict:
    """Tagging speed of the NER models on the tokens the pipeline gives them, beside each model's size and load
    time; the CRF is the peer the neural tagger is measured against, in the same process on the same sentences.

    The texts are cleaned and segmented first (not timed); each document's sentences are tagged in one call, as
    the pipeline does. Reported per model: tokens/s for a first pass with empty caches (as a short run sees it)
    and the best of `repeats` passes with the caches warm (as a corpus run sees it); one core (BLAS threads are
    whatever the process was started with: `khabar bench ner` pins them to 1).
    """
    import importlib.resources as ir

    from . import clusters as clusters_mod
    from . import ner as ner_mod
    from . import ner_nn
    from .cleaner import run as clean_run
    from .document import Document
    from .pipeline import Context
    from .segment import run as segment_run

    ctx = Context(lexicon=default_lexicon(), ner=None)
    docs: list[list[list[str]]] = []
    for t in texts:
        doc = Document(text=t)
        clean_run(doc, ctx)
        segment_run(doc, ctx)
        by: dict[int, list[str]] = {}
        for tok in doc.tokens:
            by.setdefault(tok.sentence, []).append(tok.clean)
        docs.append(list(by.values()))
    n_sent = sum(len(d) for d in docs)
    n_tokens = sum(len(x) for d in docs for x in d)

    if models is None:
        models = {}
        for name, fname in (("neural", ner_nn.MODEL_FILE), ("crf", ner_mod.MODEL_FILE)):
            ref = ir.files("khabar.data").joinpath(fname)
            if ref.is_file():
                models[name] = Path(str(ref))
        if not models:
            raise FileNotFoundError("no NER model shipped: train one with `khabar train ner`")
    t0 = time.perf_counter()
    res = ner_mod.Resources(default_lexicon(), ner_mod.load_places.__wrapped__(),
                            clusters_mod.load_clusters.__wrapped__(), ner_mod.load_gazetteer.__wrapped__())
    res_s = time.perf_counter() - t0
    out: dict[str, Any] = {}
    for name, path in models.items():
        t1 = time.perf_counter()
        tagger = ner_nn.NeuralTagger(path.read_bytes(), res) if path.suffix == ".npz" else ner_mod.Tagger(str(path), res)
        load = time.perf_counter() - t1
        passes = []
        for _ in range(1 + max(1, repeats)):
            start = time.perf_counter()
            for d in docs:
                tagger.tag_many(d)
            passes.append(time.perf_counter() - start)
        cold, best = passes[0], min(passes[1:])
        out[name] = {"tokens_per_s_cold": round(n_tokens / cold, 1) if cold else None,
                     "tokens_per_s_warm": round(n_tokens / best, 1) if best else None,
                     "model_bytes": path.stat().st_size, "model_load_s": round(load, 4)}
    ratios = {}
    if "neural" in out and "crf" in out and out["crf"]["tokens_per_s_warm"]:
        ratios["neural/crf warm"] = round(out["neural"]["tokens_per_s_warm"] / out["crf"]["tokens_per_s_warm"], 3)
    return {
        "task": "bench_ner",
        "docs": len(texts),
        "sentences": n_sent,
        "tokens": n_tokens,
        "models": out,
        "ratios": ratios,
        "resources_load_s": round(res_s, 4),
        "environment": _environment(),
    }


# -- link ------------------------------------------------------------------------------------------------------------

def bench_link(texts: list[str], repeats: int = 3) -> dict:
    """Knowledge-base load (actors, places, the name index) in seconds and traced memory, then linking speed:
    the texts go through the pipeline up to NER once (not timed), and the linking stage is timed on them;
    mentions/s counts the spans it considered (NER mentions plus dictionary spans it kept)."""
    import gc
    import tracemalloc

    from .kb import actors as actors_mod
    from .kb import linker as linker_mod
    from .kb import places as places_mod
    from .pipeline import STAGES, analyze

    def forget() -> None:
        for f in (actors_mod.load_actors, places_mod.load_gazetteer, linker_mod.default_index):
            f.cache_clear()
        gc.collect()

    forget()
    t0 = time.perf_counter()
    index = linker_mod.default_index()
    load = time.perf_counter() - t0  # timed without tracemalloc, which slows allocation-heavy code
    forget()
    tracemalloc.start()
    index = linker_mod.default_index()
    mem = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    stages = [s for s in STAGES if s[0] != "link"]
    docs = [analyze(t, stages=stages) for t in texts]
    n_mentions = sum(len(d.mentions) for d in docs)
    best = float("inf")
    n_entities = 0
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        n_entities = 0
        for d in docs:
            n_entities += len(linker_mod.link_document(d, index))
        best = min(best, time.perf_counter() - start)
    # linking alone: each NER mention's words → an actor or place (lookups, scoring, fuzzy fallback)
    spans = []
    for d in docs:
        for m in d.mentions:
            toks = [t for t in d.tokens if m.start <= t.start and t.end <= m.end]
            spans.append(([t.clean for t in toks], m.label))
    ctx = linker_mod.DocContext()
    ctx.countries.update({"SY": 1, "IQ": 1, "YE": 1, "SA": 1})
    best_spans = float("inf")
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        for w, label in spans:
            linker_mod.link_span(w, label, ctx, index)
        best_spans = min(best_spans, time.perf_counter() - start)
    return {
        "task": "bench_link",
        "mentions_linked_per_s": round(len(spans) / best_spans, 1) if best_spans else None,
        "docs": len(texts),
        "ner_mentions": n_mentions,
        "entities": n_entities,
        "kb_load_s": round(load, 4),
        "kb_traced_mb": round(mem / 1e6, 1),
        "names": len(index.names),
        "actors": len(index.actors),
        "places": len(index.gaz.places),
        "entities_per_s": round(n_entities / best, 1) if best else None,
        "docs_per_s": round(len(docs) / best, 1) if best else None,
        "environment": _environment(),
    }


def bench_time(texts: list[str], repeats: int = 3, peer_docs: int = 100) -> dict:
    """Temporal tagging speed on one core: the texts go through cleaning and segmentation once (not timed), then
    the times stage is timed on them (best of `repeats`). dateparser's `search_dates` (the peer, Arabic, relative
    base = the anchor) runs on the first `peer_docs` of the same texts, interleaved, and khabar is timed on those
    same documents for the ratio."""
    from datetime import datetime

    from dateparser.search import search_dates

    from .pipeline import STAGES, analyze
    from .temporal import tag_document

    stages = [s for s in STAGES if s[0] in ("clean", "segment")]
    docs = [analyze(t, stages=stages, published="2015-07-21") for t in texts]
    n_tokens = sum(len(d.tokens) for d in docs)
    tag_document(docs[0]) if docs else None  # warm the word tables and the lexicon
    best, n_expr = float("inf"), 0
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        n_expr = sum(len(tag_document(d)) for d in docs)
        best = min(best, time.perf_counter() - start)
    few = docs[:peer_docs]
    settings = {"RELATIVE_BASE": datetime(2015, 7, 21), "PREFER_DATES_FROM": "current_period"}
    ours = peer = 0.0
    for d in few:
        t0 = time.perf_counter()
        tag_document(d)
        t1 = time.perf_counter()
        try:
            search_dates(d.text, languages=["ar"], settings=settings)
        except Exception:
            pass
        t2 = time.perf_counter()
        ours += t1 - t0
        peer += t2 - t1
    return {
        "task": "bench_time",
        "docs": len(docs),
        "tokens": n_tokens,
        "expressions": n_expr,
        "docs_per_s": round(len(docs) / best, 1) if best else None,
        "tokens_per_s": round(n_tokens / best, 1) if best else None,
        "expressions_per_s": round(n_expr / best, 1) if best else None,
        "peer_docs": len(few),
        "dateparser_docs_per_s": round(len(few) / peer, 1) if peer else None,
        "khabar_docs_per_s_same_docs": round(len(few) / ours, 1) if ours else None,
        "speed_ratio_vs_dateparser": round(peer / ours, 2) if ours else None,
        "environment": _environment(),
    }


def _fmt(v: Any, digits: int = 3) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.{digits}f}"
    return str(v)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    line = lambda cells: "  ".join(c.ljust(w) if i == 0 else c.rjust(w)  # noqa: E731
                                   for i, (c, w) in enumerate(zip(cells, widths)))
    return [line(header), "  ".join("-" * w for w in widths), *(line(r) for r in rows)]


def format_table(result: dict) -> str:
    """A small plain-text table of a `bench_clean`, `bench_analyze` or `bench_ner` result."""
    task = result.get("task")
    out: list[str] = []
    if task == "bench_clean":
        out.append(f"clean: {result['docs']} docs, {result['mb']:.3f} MB, best of {result['repeats']} "
                   f"(lexicon load {result['lexicon_load_s']:.3f}s, not timed)")
        rows = []
        for name, t in result["tools"].items():
            if t.get("available"):
                ratio = "1.000" if name == "khabar" else _fmt(result["ratios"].get(f"khabar/{name}"))
                rows.append([name, _fmt(t.get("mb_per_s"), 2), _fmt(t.get("best_s"), 4),
                             _fmt(t.get("median_s"), 4), ratio])
            else:
                rows.append([name, "-", "-", "-", "n/a"])
        out += _table(["tool", "MB/s", "best s", "median s", "khabar/tool"], rows)
        for name, t in result["tools"].items():
            if not t.get("available"):
                out.append(f"{name}: {t.get('why')}")
        out.append("khabar/tool: khabar's MB/s over the tool's, same process, same texts (>=1: khabar as fast or faster)")
    elif task == "bench_analyze":
        out.append(f"analyze: stages {', '.join(result.get('stages', []))}; best of {result['repeats']}")
        rows = [[str(r["docs"]), _fmt(r["mb"]), _fmt(r["docs_per_s"], 1), _fmt(r["mb_per_s"], 3),
                 _fmt(r["pipeline/clean"], 2), str(r["peak_rss_growth_kb"]), _fmt(r.get("rss_growth_kb")),
                 str(r["stage_errors"]),
                 " ".join(f"{k} {v:.2f}" for k, v in r.get("stage_s", {}).items())]
                for r in result["sizes"]]
        out += _table(["docs", "MB", "docs/s", "MB/s", "pipeline/clean", "peak RSS +kB", "RSS +kB", "errors",
                       "stage s"],
                      rows)
        m = result["tracemalloc"]
        out.append(f"tracemalloc ({m['docs']} docs, untimed): peak {m['tracemalloc_peak_kb']:.0f} kB, "
                   f"retained {m['tracemalloc_retained_kb']:.0f} kB ({m['retained_kb_per_doc']:.1f} kB/doc)")
        out.append("pipeline/clean: pipeline time over clean-only time on the same texts")
    elif task == "bench_ner":
        out.append(f"ner: {result['docs']} docs, {result['sentences']} sentences, {result['tokens']} tokens")
        out += _table(["model", "tokens/s cold", "tokens/s warm", "model MB", "model load s"],
                      [[name, _fmt(m["tokens_per_s_cold"], 0), _fmt(m["tokens_per_s_warm"], 0),
                        _fmt(m["model_bytes"] / 1e6, 2), _fmt(m["model_load_s"], 3)]
                       for name, m in result["models"].items()])
        out.append(f"features' data (lexicon excluded) load: {result['resources_load_s']:.3f} s")
        for k, v in result.get("ratios", {}).items():
            out.append(f"{k}: {v:.3f} (tokens/s of the first over the second, same process, same sentences)")
        out.append("cold: first pass, empty caches; warm: best pass with the caches filled (a corpus run)")
    elif task == "bench_link":
        out.append(f"link: {result['docs']} docs, {result['ner_mentions']} NER mentions, "
                   f"{result['entities']} entities; KB: {result['actors']} actors, {result['places']} places, "
                   f"{result['names']} name keys")
        out += _table(["KB load s", "KB traced MB", "mentions linked/s", "stage entities/s", "stage docs/s"],
                      [[_fmt(result["kb_load_s"]), _fmt(result["kb_traced_mb"], 1),
                        _fmt(result["mentions_linked_per_s"], 0), _fmt(result["entities_per_s"], 0),
                        _fmt(result["docs_per_s"], 1)]])
        out.append("mentions linked/s: an NER mention's words to an actor or place; the stage also scans every "
                   "token for KB names, resolves bare heads and metonymy")
    elif task == "bench_time":
        out.append(f"time: {result['docs']} docs, {result['tokens']} tokens, {result['expressions']} expressions")
        out += _table(["docs/s", "tokens/s", "expressions/s", "dateparser docs/s", "khabar docs/s (same)",
                       "khabar/dateparser"],
                      [[_fmt(result["docs_per_s"], 1), _fmt(result["tokens_per_s"], 0),
                        _fmt(result["expressions_per_s"], 0), _fmt(result["dateparser_docs_per_s"], 1),
                        _fmt(result["khabar_docs_per_s_same_docs"], 1), _fmt(result["speed_ratio_vs_dateparser"], 2)]])
        out.append(f"khabar/dateparser: khabar's docs/s over dateparser search_dates' on the same {result['peer_docs']} "
                   "documents, interleaved, one core (the times stage alone; cleaning and segmentation not timed)")
    else:
        raise ValueError(f"not a benchmark result: task={task!r}")
    return "\n".join(out)
