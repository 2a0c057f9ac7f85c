"""Verificações de entrada usadas pelas classes de `redes`.

Cada função valida uma coisa só e levanta `ValueError` com uma mensagem em
português que diz o que estava errado (incluindo os shapes envolvidos).
Ficam aqui para que as classes continuem curtas: cada verificação é uma
chamada de uma linha. Todas são baratas (olham shape, dtype ou fazem uma
única passada pelos dados), porque rodam a cada forward e a cada backward.
"""

import math
import numbers

import numpy as np

# Limite de pesos de uma Layer_Dense (10⁹ pesos float64 já são 8 GB).
MAX_WEIGHTS = 10**9


def positive_int(value, name, who):
    """Exige um inteiro positivo (bool não conta como inteiro)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value <= 0:
        raise ValueError(f"{who}: {name} deve ser um inteiro positivo, mas recebeu {value!r}.")
    return int(value)


def layer_shape(n_inputs, n_neurons, who="Layer_Dense"):
    """Exige dois inteiros positivos cujo produto (número de pesos) caiba na memória."""
    n_inputs = positive_int(n_inputs, "n_inputs", who)
    n_neurons = positive_int(n_neurons, "n_neurons", who)
    if n_inputs * n_neurons > MAX_WEIGHTS:
        raise ValueError(f"{who}: ({n_inputs}, {n_neurons}) daria mais de 10⁹ pesos.")
    return n_inputs, n_neurons


def non_negative(value, name, who):
    """Exige um número real finito ≥ 0 e o devolve como float do Python."""
    try:  # float(10**400) estoura: também é "não é um número ≥ 0 finito"
        ok = not isinstance(value, bool) and isinstance(value, numbers.Real) and 0 <= float(value) < math.inf
    except OverflowError:
        ok = False
    if not ok:
        raise ValueError(f"{who}: {name} deve ser um número ≥ 0, mas recebeu {_short(value)}.")
    return float(value)


def fraction(value, name, who, allow_zero=True):
    """Exige um número no intervalo [0, 1) (ou (0, 1) se allow_zero=False)."""
    value = non_negative(value, name, who)
    if value >= 1 or (value == 0 and not allow_zero):
        interval = "[0, 1)" if allow_zero else "(0, 1)"
        raise ValueError(f"{who}: {name} deve estar no intervalo {interval}, mas recebeu {value!r}.")
    return value


def _short(value):
    """repr curto (10**400 tem 401 dígitos; a mensagem não precisa de todos)."""
    text = repr(value)
    if len(text) <= 40:
        return text
    return f"um inteiro de {len(text)} dígitos" if isinstance(value, int) else text[:30] + "…"


def array(values, who, what="a entrada"):
    """np.asarray, mas listas irregulares viram um ValueError em português."""
    try:
        return np.asarray(values)
    except (ValueError, TypeError, OverflowError):
        raise ValueError(f"{who}: {what} não forma um array retangular "
                         "(listas de tamanhos diferentes?).") from None


def numeric(inputs, who, what="entradas numéricas"):
    """Converte para array e exige números (inteiros, float ou bool)."""
    if type(inputs) is not np.ndarray:
        inputs = array(inputs, who)
    if inputs.dtype.kind not in "biuf":
        raise ValueError(f"{who} espera {what}, mas recebeu dtype {inputs.dtype}.")
    return inputs


def floats(inputs, who, what="entradas numéricas"):
    """Como `numeric`, mas inteiros e bool viram float64 (contas sem estouro nem truncamento)."""
    inputs = numeric(inputs, who, what)
    return inputs if inputs.dtype.kind == "f" else inputs.astype(np.float64)


def batch(inputs, n_features, who):
    """Exige um lote numérico 2-D (amostras, features) com `n_features` colunas."""
    inputs = numeric(inputs, who)
    if inputs.ndim != 2:
        raise ValueError(
            f"{who} espera um lote 2-D (amostras, features), mas recebeu shape {inputs.shape}. "
            "Para uma única amostra use x.reshape(1, -1).")
    if inputs.shape[1] != n_features:
        raise ValueError(f"{who}: esperava {n_features} features (colunas), recebeu shape {inputs.shape}.")
    return inputs


def all_finite(array):
    """True se não há NaN nem inf. Inteiros e bool são sempre finitos. Para floats,
    primeiro a soma dos quadrados (um produto escalar, rápido e sem criar array):
    NaN ou inf em qualquer posição a deixa não finita, e como as parcelas são ≥ 0
    não há cancelamento. Só se ela não for finita (ou estourar com números enormes)
    olhamos elemento por elemento."""
    if array.dtype.kind in "biu":
        return True
    flat = array.ravel()
    return math.isfinite(np.dot(flat, flat)) or bool(np.isfinite(array).all())


def finite(array, what, who, hint=""):
    """Exige que não haja NaN nem inf (veja `all_finite`)."""
    if all_finite(array):
        return
    verb = "contêm" if what.startswith(("os ", "as ")) else "contém"
    raise ValueError(f"{who}: {what} {verb} NaN ou inf (shape {np.shape(array)}).{hint}")


def dense_output(layer, inputs):
    """Confere a saída de uma Layer_Dense; só se houver NaN/inf procura a causa."""
    if all_finite(layer.output):
        return
    del layer.output  # um forward que falhou não deixa saída para o backward
    finite(inputs, "a entrada", "Layer_Dense")
    for array, what in ((layer.weights, "os pesos"), (layer.biases, "os vieses")):
        finite(array, what, "Layer_Dense", " O treino divergiu? Tente uma taxa de aprendizado menor.")
    raise ValueError("Layer_Dense: a saída estourou para inf "
                     "(valores grandes demais nas entradas ou nos pesos).")


def gradient(layer, dvalues, who, check_values=True):
    """Confere `dvalues` no backward: forward já feito, shape da saída, números finitos
    (a Layer_Dense confere os valores depois, pela soma que vira dbiases)."""
    if not hasattr(layer, "output"):
        raise ValueError(f"{who}: chame forward antes de backward.")
    dvalues = numeric(dvalues, who, "dvalues numéricos")
    if dvalues.shape != layer.output.shape:
        raise ValueError(f"{who}: dvalues deve ter o shape da saída {layer.output.shape}, "
                         f"mas recebeu shape {dvalues.shape}.")
    if check_values:
        finite(dvalues, "dvalues", who)
    return dvalues


def dense_gradient(layer, dvalues):
    """NaN ou inf em dvalues chega às somas por coluna (dbiases, um array pequeno):
    conferir dbiases e dweights basta, sem varrer dvalues inteiro."""
    if all_finite(layer.dbiases) and all_finite(layer.dweights):
        return
    finite(dvalues, "dvalues", "Layer_Dense")
    raise ValueError("Layer_Dense: o gradiente estourou para inf (dvalues ou entradas grandes demais).")


def trainable(layer, who):
    """O otimizador só atualiza camadas com parâmetros e gradientes (depois do backward)."""
    if not (hasattr(layer, "weights") and hasattr(layer, "dweights")):
        raise ValueError(f"{who}: a camada {type(layer).__name__} não tem pesos com gradiente; "
                         "chame backward antes de update_params.")


def parameters(layer, who):
    """Depois de um passo, os parâmetros precisam continuar finitos (um passo grande demais estoura)."""
    hint = " O passo estourou: tente uma taxa de aprendizado menor."
    finite(layer.weights, "os pesos", who, hint)
    finite(layer.biases, "os vieses", who, hint)


def predictions(y_pred, who):
    """Exige previsões numéricas, 2-D (amostras, saídas) e finitas; inteiros viram float64."""
    y_pred = floats(y_pred, who, "previsões numéricas")
    if y_pred.dtype == np.float16:  # em float16, 1 - 1e-7 vira 1 e -1/1e-7 estoura
        y_pred = y_pred.astype(np.float32)
    if y_pred.ndim != 2 or y_pred.shape[1] == 0:
        raise ValueError(f"{who} espera previsões 2-D (amostras, saídas), mas recebeu shape {y_pred.shape}.")
    finite(y_pred, "as previsões", who)
    return y_pred


def outputs(values, who):
    """Saídas de uma ativação (para `predictions`): números finitos."""
    values = numeric(values, who, "saídas numéricas")
    finite(values, "as saídas", who)
    return values


def scores(inputs, who):
    """Exige pontuações numéricas 2-D (amostras, classes)."""
    inputs = numeric(inputs, who)
    if inputs.ndim != 2 or inputs.shape[1] == 0:
        raise ValueError(
            f"{who} espera um lote 2-D (amostras, classes) com ao menos uma classe, mas recebeu "
            f"shape {inputs.shape}. Para uma única amostra use x.reshape(1, -1).")
    return inputs


def layer_output(layer, who):
    """A saída de uma ativação precisa ser finita (NaN na entrada passaria direto);
    um forward que falhou não deixa saída para o backward."""
    if all_finite(layer.output):
        return
    del layer.output
    raise ValueError(f"{who}: a entrada contém NaN ou inf (shape {np.shape(layer.inputs)}).")


def softmax_output(layer, who):
    """NaN ou +inf numa linha da entrada deixa a linha toda NaN na saída da softmax;
    basta olhar a primeira coluna. Só então varremos a entrada para explicar o erro."""
    if math.isfinite(layer.output[:, 0].sum()):
        return
    del layer.output
    finite(layer.inputs, "a entrada", who)
    raise ValueError(f"{who}: a saída não é finita (entrada de shape {layer.inputs.shape}).")


def sample_losses(losses, who):
    """As perdas por amostra precisam ser finitas (previsões enormes estouram o quadrado)."""
    finite(losses, "as perdas por amostra", who,
           " Previsões ou alvos grandes demais (o quadrado estourou)?")
    return losses


def mean_loss(losses, who):
    """Média das perdas por amostra; lote vazio não tem média."""
    if len(losses) == 0:
        raise ValueError(f"{who}: não há amostras (lote vazio); a perda média não existe.")
    value = losses.mean()
    if not math.isfinite(value):
        raise ValueError(f"{who}: a perda média estourou ({value}); previsões grandes demais?")
    return value


def class_labels(y_pred, y_true, who):
    """Aceita índices de classe shape (n,) ou one-hot shape (n, k); devolve array."""
    y_true = numeric(y_true, who, "rótulos numéricos")
    n, k = y_pred.shape
    if y_true.ndim == 2:
        if y_true.shape != y_pred.shape:
            raise ValueError(
                f"{who}: rótulos one-hot devem ter o shape das previsões {y_pred.shape}, "
                f"mas recebeu shape {y_true.shape}.")
        one_hot(y_true, who)
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


def accuracy_labels(y_pred, y_true):
    """Rótulos da acurácia: com probabilidades (n, k), índices 0..k-1 ou one-hot (n, k);
    com previsões prontas, números finitos (ou one-hot)."""
    if y_pred.ndim == 2 and y_pred.shape[1] == 0:
        raise ValueError(f"accuracy: as previsões não têm colunas (shape {y_pred.shape}).")
    if y_pred.ndim == 2 and y_pred.shape[1] > 1:
        return class_labels(y_pred, y_true, "accuracy")
    y_true = numeric(y_true, "accuracy", "rótulos numéricos")
    if y_true.ndim == 2 and y_true.shape[1] > 1:
        one_hot(y_true, "accuracy")
    else:
        finite(y_true, "os rótulos", "accuracy")
    return y_true


def one_hot(y_true, who):
    """Rótulos 2-D só podem ser one-hot: zeros e um único 1 por linha.

    Rótulos "suaves" (probabilidades como 0.9/0.1) mudariam a perda e o gradiente,
    e as fórmulas de `redes` são as do caso one-hot; por isso são recusados.
    """
    bad = ~(((y_true == 0) | (y_true == 1)).all(axis=1) & (y_true.sum(axis=1) == 1))
    if bad.any():
        i = int(bad.argmax())
        raise ValueError(f"{who}: rótulos 2-D devem ser one-hot (um único 1 por linha), "
                         f"mas a linha {i} é {y_true[i].tolist()}.")


def same_shape(y_pred, y_true, who):
    """Exige alvos numéricos e finitos com o shape das previsões; usa o dtype delas."""
    y_true = numeric(y_true, who, "alvos numéricos")
    if y_true.shape != y_pred.shape:
        hint = " Use y.reshape(-1, 1)." if y_true.ndim == 1 and y_pred.ndim == 2 else ""
        raise ValueError(
            f"{who}: alvos devem ter o shape das previsões {y_pred.shape}, "
            f"mas recebeu shape {y_true.shape}.{hint}")
    finite(y_true, "os alvos", who)
    return y_true.astype(y_pred.dtype, copy=False)


def probabilities(y_true, who):
    """Alvos da entropia cruzada binária: entre 0 e 1 (com y = 2 a perda fica negativa)."""
    if y_true.size and (y_true.min() < 0 or y_true.max() > 1):
        raise ValueError(f"{who}: alvos devem estar entre 0 e 1, mas recebeu "
                         f"valores de {y_true.min()} a {y_true.max()}.")
    return y_true
