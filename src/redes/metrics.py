"""Métricas: acurácia para classificação e para regressão."""

import numpy as np

from . import _checks


# --8<-- [start:accuracy]
def accuracy(y_pred, y_true):
    """Fração de acertos, entre 0 e 1.

    `y_pred` pode ser probabilidades por classe, shape (n, k) — usamos o argmax —
    ou previsões já prontas, shape (n,) ou (n, 1). `y_true` pode ser índices ou one-hot.
    """
    y_pred = _checks.outputs(y_pred, "accuracy")
    y_true = _checks.accuracy_labels(y_pred, y_true)  # one-hot de verdade, índices no intervalo
    if y_pred.ndim == 2 and y_pred.shape[1] > 1:
        y_pred = y_pred.argmax(axis=1)
    if y_true.ndim == 2 and y_true.shape[1] > 1:
        y_true = y_true.argmax(axis=1)
    if y_pred.ndim == 2 and y_true.ndim == 1:  # previsões (n, 1) com rótulos (n,)
        y_pred = y_pred[:, 0]
    if y_pred.shape != y_true.shape or y_true.size == 0:
        raise ValueError(
            f"accuracy: previsões de shape {y_pred.shape} não combinam com rótulos de shape {y_true.shape}.")
    return float(np.count_nonzero(y_pred == y_true) / y_true.size)  # acertos / amostras
# --8<-- [end:accuracy]


# --8<-- [start:accuracy_regression]
def accuracy_regression(y_pred, y_true, precision=None):
    """Fração de previsões a no máximo `precision` do alvo (padrão: `regression_precision`)."""
    y_pred = _checks.floats(_checks.outputs(y_pred, "accuracy_regression"), "accuracy_regression")
    y_true = _checks.outputs(y_true, "accuracy_regression")
    if y_pred.shape != y_true.shape or y_true.size == 0:
        raise ValueError(
            f"accuracy_regression: previsões de shape {y_pred.shape} não combinam com alvos de shape {y_true.shape}.")
    if precision is None:
        precision = regression_precision(y_true)
    precision = _checks.non_negative(precision, "precision", "accuracy_regression")
    return float(np.mean(np.abs(y_pred - y_true) <= precision))


def regression_precision(y_true):
    """Desvio-padrão dos alvos / 250. Alvos constantes têm desvio 0: usamos então
    |alvo| / 250 (e como a comparação é ≤, acertar em cheio sempre conta)."""
    y_true = np.asarray(y_true, dtype=np.float64)
    scale = float(np.abs(y_true).max(initial=0.0))
    if scale == 0:
        return 0.0
    spread = float(np.std(y_true)) if scale < 1e150 else float(np.std(y_true / scale)) * scale
    return (spread or scale) / 250
# --8<-- [end:accuracy_regression]
