"""Train the NER CRF (`khabar train ner`). Needs the `train` extra only for nothing beyond python-crfsuite,
which inference needs too; the data comes from ../shared/data.

Training data: ANERcorp's CAMeL-style train split. Model selection (the CRF's L1/L2 weights) is done on the
last tenth of the train split, held out from fitting; the test split is never read here. The final model is
then fitted on the whole train split with the chosen weights.
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path
from typing import Any

from ..conll import Sentence, read_anercorp
from ..datasets import shared_data_dir
from ..evaluation.ner_eval import evaluate
from ..ner import Resources, Tagger, sentence_features

DEFAULT_GRID = ((0.05, 0.01), (0.1, 0.05), (0.2, 0.05))


def train_crf(sentences: list[Sentence], model_path: Path, c1: float, c2: float, max_iterations: int = 150,
              res: Resources | None = None, verbose: bool = False) -> dict[str, Any]:
    import pycrfsuite

    res = res or Resources.default()
    trainer = pycrfsuite.Trainer(verbose=verbose)
    cache: dict[str, list[str]] = {}
    for s in sentences:
        trainer.append(sentence_features(s.tokens, res, cache), s.tags)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                        "feature.possible_transitions": True})
    t = time.perf_counter()
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))
    return {"c1": c1, "c2": c2, "max_iterations": max_iterations, "train_s": round(time.perf_counter() - t, 1),
            "sentences": len(sentences), "tokens": sum(len(s.tokens) for s in sentences)}


def select_and_train(out: Path, train_file: Path | None = None, grid=DEFAULT_GRID, seed: int = 13,
                     max_iterations: int = 150, log=print) -> dict[str, Any]:
    train_file = train_file or shared_data_dir() / "anercorp" / "ANERCorp_camelstyle_train.txt"
    sents = read_anercorp(train_file)
    cut = int(len(sents) * 0.9)
    fit, dev = sents[:cut], sents[cut:]
    res = Resources.default()
    trials = []
    tmp = out.with_suffix(".selecting")
    for c1, c2 in grid:
        info = train_crf(fit, tmp, c1, c2, max_iterations, res)
        r = evaluate(Tagger(str(tmp), res).tag, dev)
        info["dev_micro_f1"] = r["micro"]["f1"]
        trials.append(info)
        log(json.dumps(info))
    tmp.unlink(missing_ok=True)
    best = max(trials, key=lambda t: t["dev_micro_f1"])
    final = train_crf(sents, out, best["c1"], best["c2"], max_iterations, res)
    final.update({"selected_on": "last 10% of train sentences", "trials": trials, "seed": seed,
                  "train_file": str(train_file), "model_bytes": out.stat().st_size})
    random.seed(seed)
    return final
