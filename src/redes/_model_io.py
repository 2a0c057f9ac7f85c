"""Funções auxiliares do Model: verificações, lotes, relatório e arquivos .npz.

Formato do arquivo: um .npz comum (np.savez) com
  - "arquitetura": texto JSON com as classes das camadas e seus argumentos;
  - "<i>.weights" e "<i>.biases": parâmetros da camada de índice i.
Nada de pickle: lemos com allow_pickle=False e só criamos classes de `redes`
que estão na lista abaixo (o JSON nunca vira código).
"""

import inspect
import json
import zipfile

import numpy as np

from . import activations, layers, losses

LAYER_CLASSES = {cls.__name__: cls for cls in (
    layers.Layer_Dense, layers.Layer_Dropout, activations.Activation_ReLU,
    activations.Activation_Softmax, activations.Activation_Sigmoid, activations.Activation_Linear)}
LOSS_CLASSES = {cls.__name__: cls for cls in (
    losses.Loss_CategoricalCrossentropy, losses.Loss_BinaryCrossentropy,
    losses.Loss_MeanSquaredError, losses.Loss_MeanAbsoluteError)}
FORMAT = "redes-modelo-1"


def check_chain(model_layers):
    """Confere que há camadas conhecidas e que cada Layer_Dense encaixa na anterior."""
    if not model_layers:
        raise ValueError("Model: nenhuma camada; use model.add(...) antes de finalize().")
    previous = None
    for i, layer in enumerate(model_layers):
        if not (hasattr(layer, "forward") and hasattr(layer, "backward")):
            raise ValueError(f"Model: a camada {i} ({type(layer).__name__}) não tem forward/backward.")
        if not hasattr(layer, "weights"):
            continue
        if previous is not None and previous[1].shape[1] != layer.weights.shape[0]:
            j, before = previous
            raise ValueError(
                f"Model: as camadas não encaixam: a camada {j} (Layer_Dense, pesos de shape "
                f"{before.shape}) produz {before.shape[1]} saídas, mas a camada {i} (Layer_Dense, "
                f"pesos de shape {layer.weights.shape}) espera {layer.weights.shape[0]} entradas.")
        previous = (i, layer.weights)
    if not hasattr(model_layers[-1], "predictions"):
        raise ValueError(f"Model: a última camada deve ser uma ativação, mas é {type(model_layers[-1]).__name__}.")


def check_xy(X, y, who):
    """X precisa ser 2-D e ter tantas amostras quanto y."""
    X, y = np.asarray(X), np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"Model.{who}: X deve ser 2-D (amostras, features), mas tem shape {X.shape}.")
    if y.ndim == 0 or len(y) != len(X):
        raise ValueError(f"Model.{who}: X tem shape {X.shape} mas y tem shape {y.shape}; "
                         "o número de amostras (linhas) deve ser igual.")
    return X, y


def batches(X, y, batch_size, order=None):
    """Gera os lotes (X_lote, y_lote); sem batch_size, um lote só com tudo."""
    if order is not None:
        X, y = X[order], y[order]
    if batch_size is None:
        yield X, y
        return
    from ._checks import positive_int
    batch_size = positive_int(batch_size, "batch_size", "Model")
    for start in range(0, len(X), batch_size):
        yield X[start:start + batch_size], None if y is None else y[start:start + batch_size]


def number(value):
    """Três casas decimais; abaixo de 0.001 (uma MSE pequena, por exemplo), notação científica."""
    return f"{value:.3f}" if value == 0 or abs(value) >= 0.001 else f"{value:.2e}"


def report(epoch, epochs, history):
    """Uma linha de progresso, por exemplo: época 10/100 · perda 0.123 (...)."""
    h = {key: values[-1] for key, values in history.items()}
    line = (f"época {epoch}/{epochs} · perda {number(h['loss'])} (dados {number(h['data_loss'])}, "
            f"reg {number(h['regularization_loss'])}) · acurácia {h['accuracy']:.3f} · taxa {h['learning_rate']:.4g}")
    if "val_loss" in h:
        line += f" · validação: perda {number(h['val_loss'])}, acurácia {h['val_accuracy']:.3f}"
    return line


def describe(model, with_loss):
    """Descrição JSON da arquitetura: nome da classe e argumentos de cada camada."""
    items = []
    for layer in model.layers:
        name = type(layer).__name__
        if name not in LAYER_CLASSES:
            raise ValueError(f"Model: não sei salvar camadas do tipo {name}.")
        params = inspect.signature(type(layer)).parameters
        items.append({"classe": name, "args": {p: getattr(layer, p) for p in params}})
    loss = type(model.loss).__name__ if with_loss and model.loss is not None else None
    return {"formato": FORMAT, "camadas": items, "perda": loss}


def save(path, model, with_loss):
    arrays = {"arquitetura": np.array(json.dumps(describe(model, with_loss)))}
    for i, layer in enumerate(model.layers):
        if hasattr(layer, "weights"):
            arrays[f"{i}.weights"], arrays[f"{i}.biases"] = layer.weights, layer.biases
    np.savez(path, **arrays)


def read(path):
    """Lê o .npz e devolve (descrição, arrays); qualquer defeito vira ValueError."""
    with open(path, "rb"):  # arquivo inexistente: FileNotFoundError, como de costume
        pass
    if not zipfile.is_zipfile(path):
        raise ValueError(f"'{path}' não é um arquivo de modelo de redes válido "
                         "(corrompido ou de outro formato): não é um .npz (zip).")
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {key: data[key] for key in data.files}
        desc = json.loads(str(arrays.pop("arquitetura")))
        camadas_ok = desc["formato"] == FORMAT and isinstance(desc["camadas"], list) and all(
            item["classe"] in LAYER_CLASSES and isinstance(item["args"], dict) for item in desc["camadas"])
    except Exception as error:  # zip truncado, JSON inválido, chave faltando...
        raise ValueError(f"'{path}' não é um arquivo de modelo de redes válido "
                         f"(corrompido ou de outro formato): {type(error).__name__} {error}") from None
    if not camadas_ok:
        raise ValueError(f"'{path}' não é um arquivo de modelo de redes válido: formato "
                         f"{desc.get('formato')!r} ou classe de camada desconhecida (só {sorted(LAYER_CLASSES)}).")
    return desc, arrays


def set_parameters(model, arrays, path, keep_dtype):
    """Copia os arrays para as camadas, conferindo shape e valores finitos."""
    for i, layer in enumerate(model.layers):
        if not hasattr(layer, "weights"):
            continue
        for name in ("weights", "biases"):
            current, key = getattr(layer, name), f"{i}.{name}"
            if key not in arrays:
                raise ValueError(f"'{path}': falta o array '{key}' (camada {i}).")
            new = arrays[key]
            if new.shape != current.shape or new.dtype.kind != "f" or not np.isfinite(new).all():
                raise ValueError(f"'{path}': '{key}' tem shape {new.shape} e dtype {new.dtype}, "
                                 f"mas a camada {i} espera shape {current.shape} com valores finitos.")
            setattr(layer, name, new.astype(current.dtype) if keep_dtype else new)


def load_parameters_into(model, path):
    desc, arrays = read(path)
    mine = [item["classe"] for item in describe(model, False)["camadas"]]
    theirs = [item["classe"] for item in desc["camadas"]]
    if mine != theirs:
        raise ValueError(f"'{path}': o arquivo tem as camadas {theirs}, mas este modelo tem {mine}.")
    set_parameters(model, arrays, path, keep_dtype=True)


def load_model(cls, path):
    desc, arrays = read(path)
    model = cls()
    try:
        for item in desc["camadas"]:
            model.add(LAYER_CLASSES[item["classe"]](**item["args"]))
        loss = desc.get("perda")
        if loss is not None:
            model.set(loss=LOSS_CLASSES[loss]())
    except (TypeError, KeyError) as error:
        raise ValueError(f"'{path}': descrição de arquitetura inválida: {error}") from None
    set_parameters(model, arrays, path, keep_dtype=False)
    if model.loss is not None:
        model.finalize()
    return model
