"""Verificações de entrada usadas pelas classes de `redes`.

Cada função valida uma coisa só e levanta `ValueError` com uma mensagem em
português que diz o que estava errado (incluindo os shapes envolvidos).
Ficam aqui para que as classes continuem curtas: cada verificação é uma
chamada de uma linha. Todas são baratas (olham shape, dtype ou fazem uma
única passada pelos dados), porque rodam a cada forward.
"""

import math
import numbers

import numpy as np


def positive_int(value, name, who):
    """Exige um inteiro positivo (bool não conta como inteiro)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value <= 0:
        raise ValueError(f"{who}: {name} deve ser um inteiro positivo, mas recebeu {value!r}.")
    return int(value)


def non_negative(value, name, who):
    """Exige um número real finito ≥ 0 e o devolve como float do Python."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not np.isfinite(value) or value < 0:
        raise ValueError(f"{who}: {name} deve ser um número ≥ 0, mas recebeu {value!r}.")
    return float(value)


def fraction(value, name, who, allow_zero=True):
    """Exige um número no intervalo [0, 1) (ou (0, 1) se allow_zero=False)."""
    value = non_negative(value, name, who)
    if value >= 1 or (value == 0 and not allow_zero):
        interval = "[0, 1)" if allow_zero else "(0, 1)"
        raise ValueError(f"{who}: {name} deve estar no intervalo {interval}, mas recebeu {value!r}.")
    return value


def numeric(inputs, who):
    """Converte para array e exige números (inteiros, float ou bool)."""
    inputs = np.asarray(inputs)
    if inputs.dtype.kind not in "biuf":
        raise ValueError(f"{who} espera entradas numéricas, mas recebeu dtype {inputs.dtype}.")
    return inputs


def batch(inputs, n_features, who):
    """Exige um lote numérico 2-D (amostras, features) com `n_features` colunas."""
    inputs = numeric(inputs, who)
    if inputs.ndim != 2:
        raise ValueError(
            f"{who} espera um lote 2-D (amostras, features), mas recebeu shape {inputs.shape}. "
            "Para uma única amostra use x.reshape(1, -1).")
    if inputs.shape[1] != n_features:
        raise ValueError(
            f"{who} espera entradas com {n_features} features (colunas), "
            f"mas recebeu shape {inputs.shape}.")
    return inputs


def finite(array, what, who, hint=""):
    """Exige que não haja NaN nem inf (uma passada barata pelos dados)."""
    if not np.isfinite(array).all():
        verb = "contêm" if what.startswith(("os ", "as ")) else "contém"
        raise ValueError(f"{who}: {what} {verb} NaN ou inf (shape {np.shape(array)}).{hint}")


def dense_output(layer, inputs):
    """Confere a saída de uma Layer_Dense; só se houver NaN/inf procura a causa.

    Um NaN ou inf em qualquer entrada de uma amostra contamina todas as saídas
    dessa amostra (inf * 0 dá NaN, e NaN + x dá NaN). Por isso basta somar a
    primeira coluna da saída: se a soma é finita, está tudo bem (uma passada
    curta, em vez de varrer o lote inteiro). Só no caso raro de a soma não ser
    finita olhamos tudo com calma, para dizer exatamente o que aconteceu.
    """
    if math.isfinite(layer.output[:, 0].sum()) or np.isfinite(layer.output).all():
        return
    finite(inputs, "a entrada", "Layer_Dense")
    finite(layer.weights, "os pesos", "Layer_Dense",
           " O treino divergiu? Tente uma taxa de aprendizado menor.")
    raise ValueError("Layer_Dense: a saída estourou para inf (valores grandes demais nas entradas ou nos pesos).")


def predictions(y_pred, who):
    """Exige previsões 2-D (amostras, saídas)."""
    y_pred = np.asarray(y_pred)
    if y_pred.ndim != 2:
        raise ValueError(f"{who} espera previsões 2-D (amostras, saídas), mas recebeu shape {y_pred.shape}.")
    return y_pred


def scores(inputs, who):
    """Exige pontuações numéricas 2-D (amostras, classes)."""
    inputs = numeric(inputs, who)
    if inputs.ndim != 2 or inputs.shape[1] == 0:
        raise ValueError(
            f"{who} espera um lote 2-D (amostras, classes) com ao menos uma classe, mas recebeu "
            f"shape {inputs.shape}. Para uma única amostra use x.reshape(1, -1).")
    return inputs


def softmax_output(output, inputs, who):
    """NaN ou +inf numa linha da entrada deixa a linha toda NaN na saída da softmax;
    basta olhar a primeira coluna. Só então varremos a entrada para explicar o erro."""
    if not math.isfinite(output[:, 0].sum()):
        finite(inputs, "a entrada", who)


def finite_loss(value, y_pred, who):
    """A perda média precisa ser finita; se não for, a culpa é de NaN/inf nas previsões.

    Conferir só o número final é quase de graça (o NaN se espalha até a média);
    só quando ele não é finito varremos as previsões para explicar o erro.
    """
    if not math.isfinite(value):
        finite(np.asarray(y_pred), "as previsões", who)
        raise ValueError(f"{who}: a perda não é finita ({value}); confira as previsões.")
    return value


def class_labels(y_pred, y_true, who):
    """Aceita índices de classe shape (n,) ou one-hot shape (n, k); devolve array."""
    y_true = np.asarray(y_true)
    n, k = y_pred.shape
    if y_true.ndim == 2:
        if y_true.shape != y_pred.shape:
            raise ValueError(
                f"{who}: rótulos one-hot devem ter o shape das previsões {y_pred.shape}, "
                f"mas recebeu shape {y_true.shape}.")
        return y_true
    if y_true.ndim != 1 or y_true.shape[0] != n:
        raise ValueError(
            f"{who}: esperava {n} rótulos (shape ({n},) ou one-hot ({n}, {k})) para previsões "
            f"de shape {y_pred.shape}, mas recebeu shape {y_true.shape}.")
    if y_true.dtype.kind not in "iu":
        raise ValueError(
            f"{who}: rótulos de classe devem ser inteiros (índices 0..{k - 1}), "
            f"mas recebeu dtype {y_true.dtype}.")
    # Vistos como inteiros sem sinal, os negativos viram números enormes: um só
    # max() confere os dois limites (0 <= rótulo < k) numa passada.
    if n and y_true.view(y_true.dtype.str.replace("i", "u")).max() >= k:
        raise ValueError(
            f"{who}: rótulos devem estar entre 0 e {k - 1} (há {k} classes), "
            f"mas recebeu valores de {y_true.min()} a {y_true.max()}.")
    return y_true


def same_shape(y_pred, y_true, who):
    """Exige alvos com o shape das previsões (evita broadcasting silencioso); usa o dtype delas."""
    y_true = np.asarray(y_true)
    if y_true.shape != y_pred.shape:
        hint = " Use y.reshape(-1, 1)." if y_true.ndim == 1 and y_pred.ndim == 2 else ""
        raise ValueError(
            f"{who}: alvos devem ter o shape das previsões {y_pred.shape}, "
            f"mas recebeu shape {y_true.shape}.{hint}")
    finite(y_true, "os alvos", who)
    return y_true.astype(y_pred.dtype, copy=False)
