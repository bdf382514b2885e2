"""Command-line interface: a thin layer over the library.

Exit codes: 0 done; 1 the input could not be read (one clear line on stderr says why); 2 bad usage;
3 a corpus was processed but some documents failed (each is in the output with its `issues`, and listed on
stderr at the end).
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import __version__
from .document import Document, Meta
from .pipeline import Context, analyze
from .events.export import geojson_features, write_acled_csv
from .readers import InputError, RawArticle, parse_date, read_path

EXIT_INPUT = 1
EXIT_PARTIAL = 3

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="khabar: Arabic news into structured, verifiable knowledge (offline, on a CPU).")
eval_app = typer.Typer(no_args_is_help=True, help="Measure quality on held-out data; JSON on the last line.")
bench_app = typer.Typer(no_args_is_help=True, help="Measure speed and memory against peers run in the same process.")
train_app = typer.Typer(no_args_is_help=True, help="Rebuild the shipped models from ../shared/data.")
app.add_typer(eval_app, name="eval")
app.add_typer(bench_app, name="bench")
app.add_typer(train_app, name="train")

err = Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(message: str, code: int = EXIT_INPUT) -> None:
    err.print(f"khabar: error: {message}", markup=False)
    raise typer.Exit(code)


def _warn(message: str) -> None:
    err.print(f"khabar: warning: {message}", markup=False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"khabar {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                               help="Print the version and exit.")) -> None:
    """khabar: Arabic news into structured, verifiable knowledge."""


# -- analyze -----------------------------------------------------------------------------------------------------

@app.command("analyze")
def analyze_cmd(
    file: str = typer.Argument("-", help="A text, HTML or JSONL file; '-' or nothing reads stdin."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD (the anchor "
                                            "for relative dates); overrides what the input says."),
    fmt: str = typer.Option("text", "--format", "-f", help="text (a readable digest), json (one JSON object "
                            "per document: JSONL for a corpus), acled-csv (one row per reported event, ACLED's "
                            "columns) or geojson (one FeatureCollection of the events with coordinates)."),
    input_format: Optional[str] = typer.Option(None, "--input-format", help="text, html or jsonl (default: "
                                               "from the extension, then the content)."),
    tokens: bool = typer.Option(True, "--tokens/--no-tokens", help="Include the tokens layer in JSON."),
    max_mb: float = typer.Option(10.0, "--max-mb", help="Largest document accepted, in MB."),
    techniques: bool = typer.Option(True, "--techniques/--no-techniques", help="Score persuasion techniques "
                                    "per paragraph (an embedding model: the slowest stage; off for fast corpus runs)."),
) -> None:
    """Analyse one article or a JSONL corpus."""
    if fmt not in ("text", "json", "acled-csv", "geojson"):
        _fail(f"unknown --format {fmt!r} (use text, json, acled-csv or geojson)", 2)
    if published is not None and parse_date(published) is None:
        _fail(f"--published {published!r} is not a date (use YYYY-MM-DD)", 2)
    if file == "-" and sys.stdin.isatty():
        _fail("no input: give a FILE or pipe text on stdin", 2)
    try:
        articles = read_path(file, fmt=input_format, max_bytes=int(max_mb * 1_000_000))
    except InputError as e:
        _fail(str(e))
    except ValueError as e:
        _fail(str(e), 2)
    ctx = Context.default()
    if not techniques:
        ctx = replace(ctx, techniques=False)
    out = Console(highlight=False, soft_wrap=True)
    failed: list[str] = []
    features: list[dict] = []
    n = 0
    for art in articles:
        n += 1
        doc = _document(art, published, ctx)
        if doc.failed:
            message = next(i.message for i in doc.issues if i.level == "error")
            failed.append(message if message.startswith("line ") else f"line {art.line}: {message}")
        for w in art.warnings:
            _warn(w if art.line is None or w.startswith("line ") else f"line {art.line}: {w}")
        if fmt == "json":
            sys.stdout.write(doc.to_json(tokens=tokens) + "\n")
        elif fmt == "acled-csv":
            write_acled_csv([doc], sys.stdout, header=n == 1)
        elif fmt == "geojson":
            features.extend(geojson_features(doc))
        else:
            _print_digest(out, doc, source=file if art.line is None else f"{file}:{art.line}")
    if fmt == "geojson":
        sys.stdout.write(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    if failed:
        err.print(f"khabar: {n} documents, {len(failed)} failed:", markup=False)
        for f in failed:
            err.print(f"  {f}", markup=False)
        raise typer.Exit(EXIT_PARTIAL)


def _document(art: RawArticle, published: str | None, ctx: Context) -> Document:
    meta = Meta.from_mapping(art.meta)
    if art.error is not None:
        doc = Document(text="", meta=meta)
        doc.add_issue("read", "error", art.error.code, art.error.message)
        return doc
    doc = analyze(art.text, meta=meta, published=parse_date(published) if published else None, ctx=ctx)
    for w in art.warnings:
        doc.add_issue("read", "warning", "input", w)
    return doc


MAX_DIGEST_CHARS = 4000


def _print_digest(out: Console, doc: Document, source: str) -> None:
    m = doc.meta
    head = Text(f"khabar {__version__} · {source}", style="bold")
    out.print(head)
    facts = [f"{len(doc.text):,} characters", f"{len(doc.sentences)} sentences", f"{len(doc.tokens)} tokens"]
    if m.title:
        out.print(Text(f"Title: {m.title}"))
    out.print(Text(f"Published: {m.published or 'unknown (pass --published)'} · " + ", ".join(facts)))
    errors = [i for i in doc.issues if i.level == "error"]
    if errors:
        for i in errors:
            out.print(Text(f"error ({i.stage}): {i.message}", style="red"))
        out.print()
        return
    _print_sources(out, doc)
    if doc.obfuscations:
        t = Table(title=f"Obfuscated words ({len(doc.obfuscations)})", title_justify="left", show_lines=False)
        t.add_column("offset", justify="right")
        t.add_column("as written")
        t.add_column("restored")
        t.add_column("how")
        for o in doc.obfuscations:
            t.add_row(str(o.start), repr(doc.text[o.start:o.end])[1:-1], o.clean, ", ".join(o.kinds))
        out.print(t)
    else:
        out.print(Text("No obfuscated words."))
    if doc.mentions:
        out.print(Text(f"Named entities ({len(doc.mentions)} mentions):", style="bold"))
        groups: dict[str, dict[str, int]] = {}
        for m in doc.mentions:
            names = groups.setdefault(m.label, {})
            names[m.clean] = names.get(m.clean, 0) + 1
        for label in ("PER", "ORG", "LOC", "MISC"):
            if label in groups:
                items = sorted(groups[label].items(), key=lambda kv: (-kv[1], kv[0]))
                out.print(Text(f"  {label}: " + "، ".join(f"{n} ×{c}" if c > 1 else n for n, c in items)))
    _print_entities(out, doc)
    _print_framing(out, doc)
    _print_events(out, doc)
    _print_times(out, doc)
    out.print(Text("Text (obfuscated words marked):", style="bold"))
    out.print(_highlighted(doc))
    for i in doc.issues:
        if i.level != "error":
            out.print(Text(f"{i.level} ({i.stage}): {i.message}", style="yellow"))
    out.print()


def _print_entities(out: Console, doc: Document) -> None:
    """Actors and places the linker resolved, one row per KB entry with its count and how it was written."""
    actors: dict[str, list] = {}
    places: dict[str, list] = {}
    unknown: dict[tuple[str, str], int] = {}
    for e in doc.entities:
        written = doc.text[e.start:e.end]
        if e.kb_id:
            actors.setdefault(e.kb_id, []).append((e, written))
        if e.place and not e.metonymy:
            places.setdefault(e.place["id"], []).append((e, written))
        if not e.kb_id and not e.place:
            unknown[(e.label, e.clean)] = unknown.get((e.label, e.clean), 0) + 1
    if actors:
        t = Table(title=f"Actors ({len(actors)})", title_justify="left")
        for col in ("id", "name", "kind", "ACLED category", "n", "written as"):
            t.add_column(col, justify="right" if col == "n" else "left")
        for kb_id, items in sorted(actors.items(), key=lambda kv: -len(kv[1])):
            e = items[0][0]
            forms = list(dict.fromkeys(w for _, w in items))
            extra = " (metonymy)" if any(x.metonymy for x, _ in items) else ""
            t.add_row(kb_id, f"{e.name_ar or ''} / {e.name or ''}", (e.kind or "") + extra, e.acled_category or "",
                      str(len(items)), "، ".join(forms[:4]))
        out.print(t)
    if places:
        t = Table(title=f"Places ({len(places)})", title_justify="left")
        for col in ("place", "country", "admin1", "lat", "lon", "precision", "n", "written as"):
            t.add_column(col, justify="right" if col in ("lat", "lon", "precision", "n") else "left")
        for pid, items in sorted(places.items(), key=lambda kv: -len(kv[1])):
            p = items[0][0].place
            forms = list(dict.fromkeys(w for _, w in items))
            t.add_row(f"{p['name_ar'] or ''} / {p['name'] or ''}", p["country"], p.get("admin1") or "",
                      f"{p['latitude']:.4f}", f"{p['longitude']:.4f}", str(p["geo_precision"]), str(len(items)),
                      "، ".join(forms[:4]))
        out.print(t)
    if unknown:
        items = sorted(unknown.items(), key=lambda kv: (-kv[1], kv[0]))
        out.print(Text("Not in the knowledge base: " + "، ".join(
            f"{clean} ({label}{' ×' + str(n) if n > 1 else ''})" for (label, clean), n in items[:30])))


def _print_sources(out: Console, doc: Document) -> None:
    """Who the article cites and how well named they are (first in the digest), then each claim."""
    from .claims import sources_table, type_shares

    if not doc.claims:
        return
    t = Table(title="Sources (who says what, and how named)", title_justify="left")
    for col in ("source", "type", "KB", "claims", "stances"):
        t.add_column(col, justify="right" if col == "claims" else "left")
    for r in sources_table(doc):
        t.add_row(r["source"][:60], r["type"], r["kb_id"] or "", str(r["claims"]),
                  ", ".join(f"{k} {v}" for k, v in r["stances"].items()))
    out.print(t)
    out.print(Text("Claims by source type: " + ", ".join(f"{k} {v:.0%}" for k, v in type_shares(doc).items())))
    t = Table(title=f"Claims ({sum(1 for c in doc.claims if c.cue)} attributed, "
                    f"{sum(1 for c in doc.claims if not c.cue)} unattributed)", title_justify="left")
    for col in ("cue", "stance", "source", "what", "chain"):
        t.add_column(col)
    for c in doc.claims:
        who = c.source["text"] if c.source else (f"({c.source_ref})" if c.source_ref else "")
        what = (c.content or {}).get("text", "")
        t.add_row(doc.text[c.start:c.end][:20] if c.cue else "—", c.stance or "unattributed", who[:40],
                  (what[:90] + "…") if len(what) > 90 else what,
                  f"{c.chain_id}.{c.chain_pos}" if c.chain_id is not None else "")
    out.print(t)


def _print_framing(out: Console, doc: Document) -> None:
    """How the article names each actor, the loaded words it uses (with whom they target), and the paragraphs
    that use persuasion techniques."""
    f = doc.frames or {}
    labels = [a for a in f.get("actor_labels", []) if sum(a["labels"].values()) > 1 or a.get("loaded")]
    if labels:
        out.print(Text("How the article names the actors:", style="bold"))
        for a in labels[:12]:
            names = "، ".join(f"{k} ×{v}" if v > 1 else k for k, v in
                              sorted(a["labels"].items(), key=lambda kv: -kv[1]))
            head = a.get("name") or next(iter(a["labels"]))
            loaded = ", ".join(f"{k} {v}" for k, v in (a.get("loaded") or {}).items())
            out.print(Text(f"  {head}: {names}" + (f" (loaded: {loaded})" if loaded else "")))
    terms = f.get("loaded_terms", [])
    if terms:
        by: dict[str, list[str]] = {}
        for t in terms:
            by.setdefault(t["category"], []).append(t["text"] + (f" → {t['target_text']}" if t.get("target_text")
                                                                 else ""))
        out.print(Text(f"Loaded terms ({len(terms)}):", style="bold"))
        for cat, items in by.items():
            out.print(Text(f"  {cat}: " + "، ".join(items)))
    paras = f.get("paragraphs", [])
    if paras:
        persuasive = [p for p in paras if p["persuasive"]]
        counts: dict[str, int] = {}
        for p in persuasive:
            for t in p["techniques"]:
                counts[t["name"]] = counts.get(t["name"], 0) + 1
        top = ", ".join(f"{k} ×{v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])[:6])
        out.print(Text(f"Persuasion techniques: {len(persuasive)} of {len(paras)} paragraphs persuasive"
                       + (f"; {top}" if top else "")))
    for n in f.get("notes", []):
        out.print(Text(f"  note: {n}", style="yellow"))


def _print_events(out: Console, doc: Document) -> None:
    """Events in text order, one line each: what happened (ACLED type, PLOVER), its status, who did it to whom,
    where, when, the dead, and who reports it. Threats, plans, calls and denials carry no ACLED type."""
    if not doc.events:
        return
    out.print(Text(f"Events ({len(doc.events)}):", style="bold"))
    for n, e in enumerate(doc.events, 1):
        kind = f"{e.event_type} / {e.sub_event_type}" if e.event_type else "no event coded"
        status = e.modality + (", background" if e.background else "")
        who = " → ".join(x for x in ((e.actor1 or {}).get("text") or "?", (e.actor2 or {}).get("text") or "")
                         if x)
        parts = [f"{n}. {doc.text[e.start:e.end]}: {kind} (PLOVER {e.plover or '—'}), {status}", who]
        if e.location:
            others = [p["text"] for p in e.places if p["start"] != e.location["start"]]
            parts.append(f"in {e.location['text']}" + (f" (also {', '.join(others)})" if others else ""))
        if e.date:
            parts.append(f"on {e.date['value']}" + (" (publication date)" if e.date.get("from") == "published" else ""))
        if e.fatalities is not None:
            parts.append(f"killed {e.fatalities}" + (f" ({e.fatalities_text})" if e.fatalities_range else ""))
        parts.append(f"reported by {e.source} ({e.source_type})" if e.source else
                     ("said by the article itself" if e.claim is None else "reported by an implicit source"))
        out.print(Text("  " + " · ".join(parts)))


def _print_times(out: Console, doc: Document) -> None:
    """Temporal expressions in text order, with their resolved values."""
    if not doc.times:
        return
    anchor = doc.meta.published or "none"
    t = Table(title=f"Dates and times ({len(doc.times)}; anchor {anchor})", title_justify="left")
    for col in ("as written", "type", "value", "interval", "precision", "note"):
        t.add_column(col, justify="right" if col == "precision" else "left")
    for x in doc.times:
        note = ", ".join(n for n in (x.mod and x.mod.lower(), "unanchored" if not x.anchored else "",
                                     "hijri" if x.calendar == "hijri" else "") if n)
        t.add_row(doc.text[x.start:x.end], x.type, x.value, x.interval or "", str(x.precision or ""), note)
    out.print(t)


def _highlighted(doc: Document) -> Text:
    shown = doc.text[:MAX_DIGEST_CHARS]
    t = Text(shown)
    for o in doc.obfuscations:
        if o.end <= len(shown):
            t.stylize("bold red underline", o.start, o.end)
    if len(doc.text) > len(shown):
        t.append(f" … ({len(doc.text) - len(shown):,} more characters; use --format json for all)", style="dim")
    return t


# -- normalize ---------------------------------------------------------------------------------------------------

@app.command("normalize")
def normalize_cmd() -> None:
    """Read lines on stdin, write the clean text of each: one output line per input line."""
    from .cleaner import clean
    from .lexicon import default_lexicon

    lex = default_lexicon()
    bad = 0
    out = sys.stdout
    for n, raw in enumerate(sys.stdin.buffer, start=1):
        line = raw.rstrip(b"\n").rstrip(b"\r")
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            text = line.decode("utf-8", errors="replace")
            bad += 1
            if bad == 1:
                _warn(f"line {n} is not valid UTF-8; undecodable bytes became U+FFFD")
        out.write(clean(text.lstrip("\ufeff") if n == 1 else text, lex).text + "\n")
    out.flush()
    if bad > 1:
        _warn(f"{bad} lines were not valid UTF-8")


# -- eval --------------------------------------------------------------------------------------------------------

@eval_app.command("clean")
def eval_clean_cmd(
    n: int = typer.Option(1000, "--n", help="Sentences in each set (obfuscated, untouched)."),
    seed: int = typer.Option(13, "--seed"),
    split: str = typer.Option("test", "--split", help="dev or test half of the held-out SaudiNewsNet articles."),
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="saudinewsnet.jsonl.xz (default: ../shared/data)."),
    examples: int = typer.Option(10, "--examples", help="Failures and false changes to show."),
) -> None:
    """Obfuscation recovery and false changes of the cleaner on held-out SaudiNewsNet sentences."""
    from .evaluation.clean_eval import evaluate

    if split not in ("dev", "test"):
        _fail("--split must be dev or test", 2)
    try:
        r = evaluate(n=n, seed=seed, corpus=corpus, split=split)
    except FileNotFoundError as e:
        _fail(str(e))
    fails, changes = r.pop("failures"), r.pop("false_changes")
    typer.echo(f"restored {r['words_restored']}/{r['words_obfuscated']} obfuscated words ({r['restored_rate']:.2%}); "
               f"left {r['sentences_unchanged']}/{r['sentences_untouched']} untouched sentences unchanged "
               f"({r['unchanged_rate']:.2%})")
    for f in fails[:examples]:
        typer.echo(f"  not restored [{f['family']}]: {f['obfuscated']!r} -> {f['context']!r} (was {f['word']!r})")
    for c in changes[:examples]:
        typer.echo(f"  changed: {c['expected']!r} -> {c['got']!r}")
    typer.echo(json.dumps(r, ensure_ascii=False))


def _or_fail(fn, *args, **kwargs):
    """An evaluation's result, or one clear line and exit 1 when its data or arguments are unusable."""
    try:
        return fn(*args, **kwargs)
    except (FileNotFoundError, ValueError) as e:
        _fail(str(e))


@eval_app.command("ner")
def eval_ner_cmd(
    test: Optional[Path] = typer.Option(None, "--test", help="CoNLL file (default: ANERcorp CAMeL-style test)."),
    corpus_format: str = typer.Option("anercorp", "--corpus-format", help="anercorp, aqmar or wojood."),
    obfuscate: bool = typer.Option(False, "--obfuscate", help="Obfuscate every entity word first (robustness); "
                                   "tokens then go through the cleaner before tagging."),
    model: Optional[Path] = typer.Option(None, "--model", help="A .npz (neural) or .crfsuite (CRF) model "
                                         "(default: the shipped one)."),
    seed: int = typer.Option(13, "--seed"),
) -> None:
    """Entity-level P/R/F1 (CoNLL exact match), micro and per type; JSON on the last line."""
    from .evaluation.ner_run import run_ner_eval

    r = _or_fail(run_ner_eval, test, corpus_format, obfuscate=obfuscate, model=model, seed=seed)
    m = r["micro"]
    typer.echo(f"{r['test']}: micro P {m['precision']:.4f} R {m['recall']:.4f} F1 {m['f1']:.4f} "
               f"({m['gold']} gold entities)")
    for k, v in r["per_type"].items():
        typer.echo(f"  {k:5s} P {v['precision']:.4f} R {v['recall']:.4f} F1 {v['f1']:.4f} ({v['gold']} gold)")
    typer.echo(json.dumps(r, ensure_ascii=False))


@eval_app.command("link")
def eval_link_cmd(
    labelled: Optional[Path] = typer.Option(None, "--set", help="Labelled mentions (JSONL; default: "
                                            "evaluation_data/linking/linkset.jsonl)."),
    examples: int = typer.Option(10, "--examples", help="Errors to print."),
) -> None:
    """Actor-linking and place-resolution accuracy on the labelled set; JSON on the last line."""
    from .evaluation.link_eval import run_link_eval

    r = _or_fail(run_link_eval, labelled, examples=examples)
    typer.echo(f"{r['mentions']} mentions in {r['docs']} articles; found by the pipeline {r['found_by_pipeline']}")
    typer.echo(f"  actors: accuracy {r['actor_accuracy']} ({r['actors']}); in the KB {r['actor_accuracy_in_kb']} "
               f"({r['actors_in_kb']}); not in the KB {r['actor_accuracy_not_in_kb']} ({r['actors_not_in_kb']})")
    typer.echo(f"  places: accuracy {r['place_accuracy']} ({r['places']}); in the KB {r['place_accuracy_in_kb']} "
               f"({r['places_in_kb']}); not in the KB {r['place_accuracy_not_in_kb']} ({r['places_not_in_kb']}); "
               f"points within 10 km {r['place_within_10km']} ({r['place_points']})")
    for x in r["errors"]:
        typer.echo(f"  {x['type']}: {x['text']!r} gold {x['gold']} got {x['pred']}  | {x['sentence']}")
    typer.echo(json.dumps(r, ensure_ascii=False))


@eval_app.command("time")
def eval_time_cmd(
    labelled: Optional[Path] = typer.Option(None, "--set", help="Labelled expressions (JSONL; default: "
                                            "evaluation_data/times/timeset.jsonl)."),
    examples: int = typer.Option(10, "--examples", help="Errors to print."),
    dateparser_config: str = typer.Option("best", "--dateparser-config",
                                          help="dateparser configuration to run beside khabar: best, all, none, "
                                               "or one of ar+past, ar+current, auto+past."),
) -> None:
    """Temporal expressions: detection P/R/F1 (exact and overlapping spans) and normalised-value accuracy, for
    khabar and for dateparser on the same sentences; JSON on the last line."""
    from .evaluation.time_eval import DATEPARSER_BEST, DATEPARSER_CONFIGS, run_time_eval

    if dateparser_config not in ("best", "all", "none", *DATEPARSER_CONFIGS):
        _fail(f"--dateparser-config {dateparser_config!r}: use best, all, none or one of "
              f"{', '.join(DATEPARSER_CONFIGS)}", 2)
    cfgs = {"best": [DATEPARSER_BEST], "all": list(DATEPARSER_CONFIGS), "none": []}.get(dateparser_config,
                                                                                     [dateparser_config])
    r = _or_fail(run_time_eval, labelled, examples=examples, dateparser_configs=cfgs, with_dateparser=bool(cfgs))
    typer.echo(f"{r['khabar']['expressions']} expressions in {r['sentences']} sentences ({r['set']})")
    typer.echo(f"{'system':<24} {'P':>6} {'R':>6} {'F1':>6} {'P~':>6} {'R~':>6} {'F1~':>6} {'value':>6} "
               f"{'±1day':>6} {'valF1':>6} {'sec':>6}")
    for name, x in r.items():
        if isinstance(x, dict) and "exact_f1" in x:
            typer.echo(f"{name:<24} {x['exact_p']:>6} {x['exact_r']:>6} {x['exact_f1']:>6} {x['overlap_p']:>6} "
                       f"{x['overlap_r']:>6} {x['overlap_f1']:>6} {x['value_accuracy']:>6} "
                       f"{x['value_accuracy_1day']:>6} {x['value_f1']:>6} {x['seconds']:>6}")
    typer.echo("P/R/F1: exact spans; ~: overlapping spans; value: of the expressions found (overlap), the share "
               "valued as the gold; valF1: found with the exact span and valued right")
    for x in r["khabar"]["errors"]:
        typer.echo("  " + json.dumps(x, ensure_ascii=False))
    typer.echo(json.dumps(r, ensure_ascii=False))


@eval_app.command("claims")
def eval_claims_cmd(
    labelled: Optional[Path] = typer.Option(None, "--set", help="Labelled attributions (JSONL; default: "
                                            "evaluation_data/claims/claimset.jsonl)."),
    examples: int = typer.Option(10, "--examples", help="Errors to print."),
) -> None:
    """Attributions: cue P/R/F1, source span exact and overlap F1, content overlap F1, source-type and stance
    accuracy; JSON on the last line."""
    from .evaluation.claims_eval import run_claims_eval

    r = _or_fail(run_claims_eval, labelled, examples=examples)
    typer.echo(f"{r['attributions']} attributions in {r['articles']} articles ({r['set']})")
    for name in ("cue", "source_exact", "source_overlap", "content_overlap"):
        x = r[name]
        typer.echo(f"  {name:<16} P {x['p']:.4f}  R {x['r']:.4f}  F1 {x['f1']:.4f}")
    typer.echo(f"  content token F1 {r['content_token_f1']:.4f}; source type accuracy {r['source_type_accuracy']:.4f}; "
               f"stance accuracy {r['stance_accuracy']:.4f}")
    for t, v in sorted(r["source_type_by_class"].items(), key=lambda kv: -kv[1]["n"]):
        typer.echo(f"    {t:<24} n {v['n']:>4}  accuracy {v['accuracy']:.4f}")
    for x in r["errors"]:
        typer.echo("  " + json.dumps(x, ensure_ascii=False))
    typer.echo(json.dumps(r, ensure_ascii=False))


@eval_app.command("events")
def eval_events_cmd(
    gsr: bool = typer.Option(True, "--gsr/--no-gsr", help="Score the PLOVER Arabic gold standard "
                             "(../shared/data/arabic_event_gsr; evaluation only)."),
    dev: Optional[Path] = typer.Option(None, "--dev", help="Also score a development set folder "
                                       "(sentences.jsonl + labels.jsonl), e.g. evaluation_data/events_dev."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Only the first N sentences of each set."),
    examples: int = typer.Option(0, "--examples", help="Errors to print (development set only)."),
) -> None:
    """Event detection P/R/F1 for ASSAULT and PROTEST, and actor span overlap; JSON on the last line."""
    from .evaluation.events_eval import format_report, run_events_eval

    r = _or_fail(run_events_eval, None, dev, gsr=gsr, limit=limit, examples=examples)
    for line in format_report(r):
        typer.echo(line)
    for x in r.get("errors", []):
        typer.echo("  " + json.dumps(x, ensure_ascii=False))
    typer.echo(json.dumps(r, ensure_ascii=False))


@eval_app.command("framing")
def eval_framing_cmd(
    data: Optional[Path] = typer.Option(None, "--data", help="The shared data folder (default: ../shared/data "
                                        "or $KHABAR_SHARED_DATA)."),
) -> None:
    """Persuasion techniques: micro-F1 on ArAIEval 2023 task 1A and 1B test and on the ArMPro multilabel test
    (evaluation only), beside the majority class; throughput and model size. JSON on the last line."""
    from .datasets import shared_data_dir
    from .evaluation.framing_eval import evaluate_framing, format_report, throughput

    r = _or_fail(evaluate_framing, data or shared_data_dir())
    r["throughput"] = throughput()
    typer.echo(format_report(r))


@train_app.command("ner")
def train_ner_cmd(
    out: Optional[Path] = typer.Option(None, "--out", help="Default: src/khabar/data/ner_nn.npz (neural) or "
                                       "src/khabar/data/ner.crfsuite (--crf)."),
    train: Optional[Path] = typer.Option(None, "--train", help="CoNLL train file (default: ANERcorp train)."),
    crf: bool = typer.Option(False, "--crf", help="Train the CRF instead of the neural CNN-CRF."),
    vectors: Path = typer.Option(Path("/tmp/khabar_w2v/vectors.txt"), "--vectors",
                                 help="word2vec text vectors from scripts/build_clusters.py (neural model)."),
    seed: int = typer.Option(13, "--seed"),
    max_iterations: int = typer.Option(300, "--max-iterations", help="CRF only."),
) -> None:
    """Train the NER model. The neural one needs the `train` extra (torch) and the SaudiNewsNet word vectors;
    the epoch (neural) or the L1/L2 weights (CRF) are chosen on the last tenth of the train split."""
    log = lambda s: err.print(s, markup=False)  # noqa: E731
    try:
        if crf:
            from .training.ner_train import select_and_train

            r = select_and_train(out or Path("src/khabar/data/ner.crfsuite"), train, max_iterations=max_iterations,
                                 log=log)
        else:
            try:
                from .training.ner_nn_train import train_neural
                import torch  # noqa: F401
            except ImportError:
                _fail("the neural NER trains with torch: pip install '.[train]' (or pass --crf)")
            if not vectors.is_file():
                _fail(f"word vectors not found: {vectors} (build them: python scripts/build_clusters.py)")
            r = train_neural(out or Path("src/khabar/data/ner_nn.npz"), vectors, train, seed=seed, log=log)
    except FileNotFoundError as e:
        _fail(str(e))
    typer.echo(json.dumps(r, ensure_ascii=False))


# -- bench -------------------------------------------------------------------------------------------------------

def _bench_texts(corpus: Path | None, docs: int, split: str) -> list[str]:
    from . import bench

    try:
        return bench.load_texts(corpus, docs, split=split)
    except FileNotFoundError as e:
        _fail(str(e))
        raise  # unreachable: _fail exits


def _print_result(r: dict) -> None:
    from . import bench

    typer.echo(bench.format_table(r))
    typer.echo(json.dumps(r, ensure_ascii=False))


@bench_app.command("clean")
def bench_clean_cmd(
    docs: int = typer.Option(2000, "--docs"),
    corpus: Optional[Path] = typer.Option(None, "--corpus"),
    repeats: int = typer.Option(5, "--repeats"),
    split: str = typer.Option("test", "--split", help="SaudiNewsNet part: test, dev, heldout or all."),
) -> None:
    """Cleaning + alignment throughput against CAMeL Tools arclean and pyarabic, in this process."""
    from . import bench

    _print_result(bench.bench_clean(_bench_texts(corpus, docs, split), repeats=repeats))


@bench_app.command("analyze")
def bench_analyze_cmd(
    docs: int = typer.Option(2000, "--docs"),
    corpus: Optional[Path] = typer.Option(None, "--corpus"),
    split: str = typer.Option("heldout", "--split", help="SaudiNewsNet part: test, dev, heldout or all."),
    repeats: int = typer.Option(1, "--repeats", help="Timed passes per size."),
    techniques: bool = typer.Option(False, "--techniques/--no-techniques", help="Include the persuasion-technique "
                                    "classifier (an embedding model per paragraph; off by default, as in a corpus "
                                    "run with --no-techniques)."),
) -> None:
    """Whole-pipeline documents/s and peak memory as the corpus grows."""
    from . import bench

    texts = _bench_texts(corpus, docs, split)
    sizes = tuple(s for s in (100, 500, 2000, 10000) if s < len(texts)) + (len(texts),)
    _print_result(bench.bench_analyze(texts, sizes=sizes, repeats=repeats, techniques=techniques))


@bench_app.command("ner")
def bench_ner_cmd(
    docs: int = typer.Option(500, "--docs"),
    corpus: Optional[Path] = typer.Option(None, "--corpus"),
    split: str = typer.Option("test", "--split", help="SaudiNewsNet part: test, dev, heldout or all."),
    repeats: int = typer.Option(3, "--repeats"),
) -> None:
    """NER tagging tokens/s on one core for the neural model and the CRF, beside each model's size and load time."""
    import os
    import sys

    if "numpy" not in sys.modules:  # one core: keep BLAS from spreading a small matrix product over threads
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")
    from . import bench

    try:
        r = bench.bench_ner(_bench_texts(corpus, docs, split), repeats=repeats)
    except FileNotFoundError as e:
        _fail(str(e))
    _print_result(r)


@bench_app.command("link")
def bench_link_cmd(
    docs: int = typer.Option(300, "--docs"),
    corpus: Optional[Path] = typer.Option(None, "--corpus"),
    split: str = typer.Option("test", "--split", help="SaudiNewsNet part: test, dev, heldout or all."),
    repeats: int = typer.Option(3, "--repeats"),
) -> None:
    """Knowledge-base load time and memory, and linking mentions/s on one core."""
    from . import bench

    _print_result(bench.bench_link(_bench_texts(corpus, docs, split), repeats=repeats))


@bench_app.command("time")
def bench_time_cmd(
    docs: int = typer.Option(500, "--docs"),
    corpus: Optional[Path] = typer.Option(None, "--corpus"),
    split: str = typer.Option("test", "--split", help="SaudiNewsNet part: test, dev, heldout or all."),
    repeats: int = typer.Option(3, "--repeats"),
    peer_docs: int = typer.Option(100, "--peer-docs", help="Documents dateparser is timed on (it is slow)."),
) -> None:
    """Temporal tagging throughput on one core, beside dateparser's search_dates on the same documents."""
    from . import bench

    _print_result(bench.bench_time(_bench_texts(corpus, docs, split), repeats=repeats, peer_docs=peer_docs))


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("khabar: interrupted", markup=False)
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)


if __name__ == "__main__":
    main()
