"""Métricas: acurácia para classificação e para regressão."""

import numpy as np


# --8<-- [start:accuracy]
def accuracy(y_pred, y_true):
    """Fração de acertos, entre 0 e 1.

    `y_pred` pode ser probabilidades por classe, shape (n, k) — usamos o argmax —
    ou previsões já prontas, shape (n,) ou (n, 1). `y_true` pode ser índices ou one-hot.
    """
    y_pred, y_true = np.asarray(y_pred), np.asarray(y_true)
    if y_pred.ndim == 2 and y_pred.shape[1] > 1:
        y_pred = y_pred.argmax(axis=1)
    if y_true.ndim == 2 and y_true.shape[1] > 1:
        y_true = y_true.argmax(axis=1)
    if y_pred.ndim == 2 and y_true.ndim == 1:  # previsões (n, 1) com rótulos (n,)
        y_pred = y_pred[:, 0]
    if y_pred.shape != y_true.shape:
        raise ValueError(
            f"accuracy: previsões de shape {y_pred.shape} não combinam com rótulos de shape {y_true.shape}.")
    return float((y_pred == y_true).mean()) if y_true.size else 0.0
# --8<-- [end:accuracy]


# --8<-- [start:accuracy_regression]
def accuracy_regression(y_pred, y_true, precision=None):
    """Fração de previsões a menos de `precision` do alvo (padrão: desvio padrão dos alvos / 250)."""
    y_pred, y_true = np.asarray(y_pred), np.asarray(y_true)
    if y_pred.shape != y_true.shape:
        raise ValueError(
            f"accuracy_regression: previsões de shape {y_pred.shape} não combinam com alvos de shape {y_true.shape}.")
    if precision is None:
        precision = np.std(y_true) / 250
    return float(np.mean(np.abs(y_pred - y_true) < precision)) if y_true.size else 0.0
# --8<-- [end:accuracy_regression]
