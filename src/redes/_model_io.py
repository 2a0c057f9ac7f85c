"""Funções auxiliares do Model: verificações, lotes, relatório e arquivos .npz.

Formato do arquivo: um .npz comum (np.savez) com
  - "arquitetura": texto JSON com as classes das camadas e seus argumentos;
  - "<i>.weights" e "<i>.biases": parâmetros da camada de índice i.
Nada de pickle: lemos com allow_pickle=False e só criamos classes de `redes`
que estão na lista abaixo (o JSON nunca vira código).
"""

import contextlib
import inspect
import json
import os
import zipfile

import numpy as np

from . import _checks, activations, layers, losses, optimizers
from .metrics import regression_precision  # noqa: F401 (usada pelo Model)

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


def check_settings(loss, optimizer, accuracy):
    """Model.set: a perda é uma Loss de redes, o otimizador um Optimizer, a métrica uma função."""
    if not isinstance(loss, losses.Loss):
        raise ValueError(f"Model.set: loss deve ser uma perda de redes (como "
                         f"Loss_CategoricalCrossentropy()), mas recebeu {loss!r:.40}.")
    if optimizer is not None and not isinstance(optimizer, optimizers.Optimizer):
        raise ValueError(f"Model.set: optimizer deve ser um otimizador de redes (como "
                         f"Optimizer_Adam()), mas recebeu {optimizer!r:.40}.")
    if accuracy is not None and not callable(accuracy):
        raise ValueError(f"Model.set: accuracy deve ser uma função, mas recebeu {accuracy!r:.40}.")


def check_x(X, who):
    """X precisa ser um lote 2-D (amostras, features)."""
    X = _checks.array(X, f"Model.{who}", "X")
    if X.ndim != 2:
        raise ValueError(f"Model.{who}: X deve ser 2-D (amostras, features), mas tem shape {X.shape}.")
    return X


def check_xy(X, y, who):
    """X precisa ser 2-D, com amostras, e ter tantas amostras quanto y."""
    X, y = check_x(X, who), _checks.array(y, f"Model.{who}", "y")
    if len(X) == 0:
        raise ValueError(f"Model.{who}: X não tem amostras (shape {X.shape}).")
    if y.ndim == 0 or len(y) != len(X):
        raise ValueError(f"Model.{who}: X tem shape {X.shape} mas y tem shape {y.shape}; "
                         "o número de amostras (linhas) deve ser igual.")
    return X, y


def check_validation(validation_data):
    """validation_data é um par (X_val, y_val)."""
    if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
        raise ValueError("Model.train: validation_data deve ser um par (X_val, y_val), "
                         f"mas recebeu {type(validation_data).__name__} de tamanho "
                         f"{len(validation_data) if hasattr(validation_data, '__len__') else '?'}.")
    return check_xy(*validation_data, "train (validation_data)")


def batches(X, y, batch_size, order=None):
    """Gera os lotes (X_lote, y_lote); sem batch_size, um lote só com tudo."""
    if order is not None:
        X, y = X[order], y[order]
    if batch_size is None:
        yield X, y
        return
    batch_size = _checks.positive_int(batch_size, "batch_size", "Model")
    for start in range(0, max(len(X), 1), batch_size):  # sem amostras: um lote vazio
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
    check_chain(model.layers)  # só salvamos um modelo que Model.load consiga remontar
    items = []
    for layer in model.layers:
        name = type(layer).__name__
        if name not in LAYER_CLASSES:
            raise ValueError(f"Model: não sei salvar camadas do tipo {name}.")
        params = inspect.signature(type(layer)).parameters
        items.append({"classe": name, "args": {p: getattr(layer, p) for p in params}})
    loss = type(model.loss).__name__ if with_loss and model.loss is not None else None
    if loss is not None and loss not in LOSS_CLASSES:  # a classe base Loss, ou uma perda sua
        raise ValueError(f"Model: não sei salvar a perda {loss} (só {', '.join(LOSS_CLASSES)}); "
                         "use save_parameters para salvar só os pesos.")
    return {"formato": FORMAT, "camadas": items, "perda": loss}


def npz_path(path, reading):
    """O caminho de verdade: como np.savez, acrescenta ".npz" (na leitura, só se o
    caminho dado não existir); um diretório é recusado, em vez de gravar ao lado dele."""
    if not isinstance(path, (str, os.PathLike)):
        raise ValueError(f"Model: o caminho deve ser um texto ou Path, mas recebeu {type(path).__name__}.")
    path = os.fspath(path)
    if not path.endswith(".npz") and not os.path.isdir(path) and not (reading and os.path.isfile(path)):
        path += ".npz"
    if os.path.isdir(path):
        raise ValueError(f"Model: '{path}' é um diretório; dê um nome de arquivo, como 'modelo.npz'.")
    if not reading and not os.path.isdir(os.path.dirname(path) or "."):
        raise ValueError(f"Model: a pasta de '{path}' não existe.")
    return path


def save(path, model, with_loss):
    arrays = {"arquitetura": np.array(json.dumps(describe(model, with_loss)))}
    for i, layer in enumerate(model.layers):
        if hasattr(layer, "weights"):
            arrays[f"{i}.weights"], arrays[f"{i}.biases"] = layer.weights, layer.biases
    np.savez(npz_path(path, reading=False), **arrays)


def invalid(path, error):
    return ValueError(f"'{path}' não é um arquivo de modelo de redes válido "
                      f"(corrompido ou de outro formato): {type(error).__name__} {error}")


def header(data, key):
    """(shape, dtype) de um array do .npz, lidos do cabeçalho, sem ler os dados."""
    with data.zip.open(key + ".npy") as f:
        version = np.lib.format.read_magic(f)
        if version not in ((1, 0), (2, 0)):
            raise ValueError(f"versão {version} do formato .npy")
        read_header = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
        shape, _, dtype = read_header(f)
    return shape, dtype


@contextlib.contextmanager
def open_npz(path):
    """Abre o .npz sem ler os arrays (np.load de um .npz é preguiçoso) e devolve
    (arquivo, descrição). Só a arquitetura, de no máximo 1 MB, é lida aqui."""
    path = npz_path(path, reading=True)
    with open(path, "rb"):  # arquivo inexistente: FileNotFoundError, como de costume
        pass
    if not zipfile.is_zipfile(path):
        raise ValueError(f"'{path}' não é um arquivo de modelo de redes válido "
                         "(corrompido ou de outro formato): não é um .npz (zip).")
    try:
        data = np.load(path, allow_pickle=False)
    except Exception as error:
        raise invalid(path, error) from None
    with data:
        try:
            shape, dtype = header(data, "arquitetura")
            if shape != () or dtype.kind != "U" or dtype.itemsize > 4 * 10**6:
                raise ValueError(f"'arquitetura' com shape {shape} e dtype {dtype}")
            desc = json.loads(str(data["arquitetura"]))
            camadas_ok = desc["formato"] == FORMAT and isinstance(desc["camadas"], list) and all(
                item["classe"] in LAYER_CLASSES and isinstance(item["args"], dict) for item in desc["camadas"])
        except Exception as error:  # zip truncado, JSON inválido, chave faltando...
            raise invalid(path, error) from None
        if not camadas_ok:
            raise ValueError(f"'{path}' não é um arquivo de modelo de redes válido: formato "
                             f"{desc.get('formato')!r} ou classe de camada desconhecida (só {sorted(LAYER_CLASSES)}).")
        yield data, desc


def check_arrays(data, expected, path):
    """Antes de ler qualquer array: as chaves são exatamente as esperadas e cada
    cabeçalho declara o shape esperado, com dtype float. Assim o arquivo não decide
    quanta memória usamos, nem carrega camadas que a arquitetura não lista."""
    unknown = sorted(set(data.files) - set(expected) - {"arquitetura"})
    if unknown:
        raise ValueError(f"'{path}': arrays que a arquitetura não usa: {unknown[:5]}.")
    for key, shape in expected.items():
        if key not in data.files:
            raise ValueError(f"'{path}': falta o array '{key}' (camada {key.split('.')[0]}).")
        try:
            found, dtype = header(data, key)
        except Exception as error:
            raise invalid(path, error) from None
        if found != shape or dtype.kind != "f":
            raise ValueError(f"'{path}': '{key}' tem shape {found} e dtype {dtype}, mas a camada "
                             f"{key.split('.')[0]} espera shape {shape} com valores finitos.")


def set_parameters(model, data, path, keep_dtype):
    """Lê os arrays (já conferidos por check_arrays) e os copia para as camadas."""
    for i, layer in enumerate(model.layers):
        if not hasattr(layer, "weights"):
            continue
        for name in ("weights", "biases"):
            current, key = getattr(layer, name), f"{i}.{name}"
            try:
                new = data[key]
            except Exception as error:  # CRC errado, zip truncado...
                raise invalid(path, error) from None
            if not np.isfinite(new).all():
                raise ValueError(f"'{path}': '{key}' tem shape {new.shape} e dtype {new.dtype}, mas a camada {i} "
                                 f"espera shape {current.shape} com valores finitos.")
            setattr(layer, name, new.astype(current.dtype) if keep_dtype else new)


def parameter_shapes(model):
    """Shapes dos parâmetros de cada Layer_Dense do modelo, pela chave no arquivo."""
    return {f"{i}.{name}": getattr(layer, name).shape for i, layer in enumerate(model.layers)
            if hasattr(layer, "weights") for name in ("weights", "biases")}


def load_parameters_into(model, path):
    with open_npz(path) as (data, desc):
        mine = [item["classe"] for item in describe(model, False)["camadas"]]
        theirs = [item["classe"] for item in desc["camadas"]]
        if mine != theirs:
            raise ValueError(f"'{path}': o arquivo tem as camadas {theirs}, mas este modelo tem {mine}.")
        check_arrays(data, parameter_shapes(model), path)
        set_parameters(model, data, path, keep_dtype=True)


def load_model(cls, path):
    with open_npz(path) as (data, desc):
        expected, loss = {}, desc.get("perda")
        try:  # confere os argumentos de cada camada sem criar nada ainda
            for i, item in enumerate(desc["camadas"]):
                args = inspect.signature(LAYER_CLASSES[item["classe"]]).bind(**item["args"]).arguments
                if item["classe"] == "Layer_Dense":
                    expected[f"{i}.weights"] = (args["n_inputs"], args["n_neurons"])
                    expected[f"{i}.biases"] = (1, args["n_neurons"])
            if loss is not None and loss not in LOSS_CLASSES:
                raise KeyError(loss)
        except (TypeError, KeyError) as error:
            raise ValueError(f"'{path}': descrição de arquitetura inválida: {error}") from None
        check_arrays(data, expected, path)  # só depois disso as camadas alocam pesos
        model = cls()
        for item in desc["camadas"]:
            model.add(LAYER_CLASSES[item["classe"]](**item["args"]))
        if loss is not None:
            model.set(loss=LOSS_CLASSES[loss]())
        set_parameters(model, data, path, keep_dtype=False)
    if model.loss is not None:
        model.finalize()
    return model
