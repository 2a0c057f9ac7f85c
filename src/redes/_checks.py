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
# dtypes em que as contas de `redes` rodam sem conversão (float16 vira float32).
_SUM_IS_MEAN = (np.dtype(np.float64), np.dtype(np.float32))
# O inteiro sem sinal do mesmo tamanho de cada inteiro com sinal (veja `class_labels`).
_UNSIGNED = {np.dtype(f"i{size}"): np.dtype(f"u{size}") for size in (1, 2, 4, 8)}


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


def all_finite(array, *more):
    """True se nenhum dos arrays tem NaN ou inf. Inteiros e bool são sempre finitos.
    Para floats, primeiro a soma dos quadrados (um produto escalar do BLAS, rápido e
    sem criar array): NaN ou inf em qualquer posição a deixa não finita, e como as
    parcelas são ≥ 0 não há cancelamento. Só se ela não for finita (NaN, inf, ou um
    estouro com números enormes, mas finitos) olhamos elemento por elemento; assim a
    resposta nunca é um erro falso."""
    if array.dtype.kind != "f":
        ok = array.dtype.kind in "biu" or bool(np.isfinite(array).all())
    else:
        flat = array.ravel()  # (o método .dot custa metade de np.dot em arrays pequenos)
        ok = math.isfinite(flat.dot(flat)) or bool(np.isfinite(array).all())
    return ok and (not more or all_finite(*more))


def finite(array, what, who, hint=""):
    """Exige que não haja NaN nem inf (veja `all_finite`)."""
    if all_finite(array):
        return
    verb = "contêm" if what.startswith(("os ", "as ")) else "contém"
    raise ValueError(f"{who}: {what} {verb} NaN ou inf (shape {np.shape(array)}).{hint}")


def product_finite(result, a, b, c=None):
    """True se `result` = a @ b + c é certamente finito, sem varrê-lo. Pela desigualdade
    de Cauchy-Schwarz, |(a @ b)[i, j]| ≤ ‖a‖·‖b‖ (normas de Frobenius): se as somas dos
    quadrados de a, b e c são finitas e pequenas, nenhuma conta estourou. Só vale a pena
    quando o resultado é bem maior que os fatores (300 × 2 @ 2 × 64 dá 300 × 64, por
    exemplo); se não, ou na dúvida (False), quem chamou varre o resultado."""
    c_size = 0 if c is None else c.size
    if result.size < 4 * (a.size + b.size + c_size) or result.dtype != np.float64 or \
            a.dtype.kind != "f" or b.dtype.kind != "f" or (c_size and c.dtype.kind != "f"):
        return False  # (o produto escalar de inteiros daria a volta em vez de estourar)
    a, b = a.ravel(), b.ravel()
    bound = float(a.dot(a)) * float(b.dot(b))
    if c_size:
        c = c.ravel()
        bound += float(c.dot(c))
    return bound <= 1e300  # NaN ou inf dão False; senão, todo |elemento| ≤ 2e150


def dense_output(layer, inputs):
    """Confere a saída de uma Layer_Dense (ou, se ela for maior que a entrada e os
    parâmetros juntos, estes: veja `product_finite`); só se houver NaN/inf procura a causa."""
    if product_finite(layer.output, inputs, layer.weights, layer.biases) or all_finite(layer.output):
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
    """Confere os três gradientes de uma Layer_Dense numa chamada só. NaN ou inf em
    dvalues chega às somas por coluna (dbiases, um array pequeno), então não é preciso
    varrer dvalues inteiro; mas cada produto pode estourar sozinho, e a regularização
    também. Se algo não for finito, o backward não deixa gradientes para o otimizador."""
    if all_finite(layer.dbiases, layer.dweights) and (
            product_finite(layer.dinputs, dvalues, layer.weights) or all_finite(layer.dinputs)):
        return
    del layer.dweights, layer.dbiases, layer.dinputs
    finite(dvalues, "dvalues", "Layer_Dense")
    for array, what in ((layer.weights, "os pesos"), (layer.biases, "os vieses")):
        finite(array, what, "Layer_Dense")
    raise ValueError("Layer_Dense: o gradiente estourou para inf "
                     "(dvalues, entradas ou regularização grandes demais).")


def base_class(obj, base, method):
    """A classe base (Loss, Optimizer) não sabe fazer a conta: o erro diz quais
    subclasses do pacote fazem (levantado por `forward`, `backward` ou `update` da base)."""
    names = [cls.__name__ for cls in base.__subclasses__() if cls.__module__.startswith("redes.")]
    raise ValueError(f"{type(obj).__name__}.{method}: {base.__name__} é só a classe base e não "
                     f"implementa {method}; use uma das subclasses ({', '.join(names)}) "
                     f"ou defina {method} numa subclasse sua.")


def trainable(layer, who):
    """O otimizador só atualiza camadas com parâmetros e gradientes (depois do backward)."""
    if not (hasattr(layer, "weights") and hasattr(layer, "dweights")):
        raise ValueError(f"{who}: a camada {type(layer).__name__} não tem pesos com gradiente; "
                         "chame backward antes de update_params.")


def parameters(layer, who):
    """Depois de um passo, os parâmetros precisam continuar finitos (um passo grande demais estoura)."""
    if all_finite(layer.weights, layer.biases):
        return
    hint = " O passo estourou: tente uma taxa de aprendizado menor."
    finite(layer.weights, "os pesos", who, hint)
    finite(layer.biases, "os vieses", who, hint)


def predictions(y_pred, who):
    """Exige previsões numéricas, 2-D (amostras, saídas) e finitas; inteiros viram float64."""
    if type(y_pred) is np.ndarray and y_pred.dtype.kind == "f" and y_pred.dtype.itemsize > 2 \
            and y_pred.ndim == 2 and y_pred.shape[1] and all_finite(y_pred):
        return y_pred  # o caso comum (float64 ou float32, 2-D, finito), sem conversões
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
    """A saída de uma ativação (ou do dropout) precisa ser finita: NaN na entrada passaria
    direto, e o dropout, que divide por 1 - rate, pode estourar. Um forward que falhou
    não deixa saída para o backward."""
    if all_finite(layer.output):
        return
    del layer.output
    finite(layer.inputs, "a entrada", who)
    raise ValueError(f"{who}: a saída estourou para inf (entrada de shape {np.shape(layer.inputs)} "
                     "com valores grandes demais).")


def backward_output(layer, who):
    """O gradiente que o backward deixa em `dinputs` precisa ser finito (dvalues enormes,
    somados na softmax ou multiplicados pela máscara do dropout, podem estourar)."""
    if all_finite(layer.dinputs):
        return
    del layer.dinputs
    raise ValueError(f"{who}: o gradiente (dinputs) estourou para inf; dvalues grandes demais?")


def softmax_output(layer, who):
    """NaN ou +inf numa linha da entrada deixa a linha toda NaN na saída da softmax;
    basta olhar a primeira coluna. Só então varremos a entrada para explicar o erro."""
    first = layer.output[:, 0]
    if math.isfinite(first.dot(first)):  # probabilidades: o quadrado não estoura
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
    # soma / n é o que losses.mean() calcula (o mesmo resultado, bit a bit, em float64
    # e float32), sem o custo fixo da mean, que é escrita em Python dentro do NumPy.
    value = np.add.reduce(losses) / len(losses) if losses.dtype in _SUM_IS_MEAN else losses.mean()
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
    if n and y_true.view(_UNSIGNED.get(y_true.dtype, y_true.dtype)).max() >= k:
        raise ValueError(
            f"{who}: rótulos devem estar entre 0 e {k - 1} (há {k} classes), "
            f"mas recebeu valores de {y_true.min()} a {y_true.max()}.")
    return y_true


def one_hot_labels(y_pred, y_true, who):
    """Rótulos conferidos (índices 0..k-1 ou one-hot) como linhas one-hot, no dtype
    das previsões. O 1 da amostra i vai na posição i·k + y_i da matriz achatada
    (sem montar np.eye(k), que com muitas classes seria enorme)."""
    y_true = class_labels(y_pred, y_true, who)
    if y_true.ndim == 2:
        return y_true.astype(y_pred.dtype, copy=False)
    n, k = y_pred.shape
    one_hot = np.zeros((n, k), dtype=y_pred.dtype)
    one_hot.ravel()[np.arange(0, n * k, k) + y_true.astype(np.intp, copy=False)] = 1
    return one_hot


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
