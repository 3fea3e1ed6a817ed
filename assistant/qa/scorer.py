"""The fitted evidence scorer: a logistic regression over candidate features.

Weights, feature scaling and the answer threshold come from `python -m assistant train`
and live in assistant/qa/data/scorer.json; nothing here is set by hand.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from assistant.qa.evidence import FEATURES

SCORER_FILE = Path(__file__).with_name("data") / "scorer.json"


@dataclass(frozen=True)
class Scorer:
    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float  # answer when the best candidate's probability reaches this
    second_ratio: float  # also quote the next passage when it reaches this share of the best
    trained_on: dict

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        if len(rows) == 0:
            return np.zeros(0)
        z = ((rows - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def to_json(self) -> str:
        return json.dumps(
            {
                "features": list(self.features),
                "mean": [round(float(v), 6) for v in self.mean],
                "scale": [round(float(v), 6) for v in self.scale],
                "coef": [round(float(v), 6) for v in self.coef],
                "intercept": round(self.intercept, 6),
                "threshold": round(self.threshold, 4),
                "second_ratio": self.second_ratio,
                "trained_on": self.trained_on,
            },
            indent=1,
            ensure_ascii=False,
        )


def parse_scorer(text: str) -> Scorer:
    data = json.loads(text)
    features = tuple(data["features"])
    if features != FEATURES:
        raise ValueError(
            "the scorer was fitted on other features than this code computes: "
            "run `python -m assistant train`"
        )
    return Scorer(
        features,
        np.asarray(data["mean"], dtype=float),
        np.asarray(data["scale"], dtype=float),
        np.asarray(data["coef"], dtype=float),
        float(data["intercept"]),
        float(data["threshold"]),
        float(data["second_ratio"]),
        dict(data.get("trained_on", {})),
    )


@cache
def load_scorer(path: Path = SCORER_FILE) -> Scorer:
    return parse_scorer(path.read_text(encoding="utf-8"))
