"""Treino de verdade na espiral, Model (train/evaluate/predict) e arquivos salvos.

Semeamos o NumPy com np.random.seed(0) em vez de chamar nnfs.init(): assim os
testes rodam em float64 no mesmo processo, sem alterar o NumPy dos outros
testes (o caminho com nnfs.init() é testado em subprocesso em test_redes_dtype.py).
"""

import json
import time
import zipfile

import numpy as np
import pytest
from nnfs.datasets import sine_data, spiral_data

from redes import (Activation_Linear, Activation_ReLU, Activation_Sigmoid, Activation_Softmax,
                   Activation_Softmax_Loss_CategoricalCrossentropy, Layer_Dense, Layer_Dropout,
                   Loss_BinaryCrossentropy, Loss_CategoricalCrossentropy, Loss_MeanSquaredError, Model,
                   Optimizer_Adagrad, Optimizer_Adam, Optimizer_RMSprop, Optimizer_SGD, accuracy)


@pytest.fixture
def spiral():
    np.random.seed(0)
    return spiral_data(samples=100, classes=3)


def train_by_hand(X, y, optimizer, epochs):
    d1, relu, d2 = Layer_Dense(2, 64), Activation_ReLU(), Layer_Dense(64, 3)
    head = Activation_Softmax_Loss_CategoricalCrossentropy()
    losses = []
    for _ in range(epochs):
        d1.forward(X)
        relu.forward(d1.output)
        d2.forward(relu.output)
        losses.append(float(head.forward(d2.output, y)))
        head.backward(head.output, y)
        d2.backward(head.dinputs)
        relu.backward(d2.dinputs)
        d1.backward(relu.dinputs)
        optimizer.pre_update_params()
        optimizer.update_params(d1)
        optimizer.update_params(d2)
        optimizer.post_update_params()
    return losses, accuracy(head.output, y)


def test_espiral_10000_epocas_chega_a_95_por_cento(spiral):
    X, y = spiral
    start = time.process_time()  # tempo de CPU: menos sensível a outros processos na máquina
    losses, acc = train_by_hand(X, y, Optimizer_Adam(learning_rate=0.05, decay=5e-7), 10_000)
    elapsed = time.process_time() - start
    print(f"10000 épocas em {elapsed:.2f} s de CPU: perda {losses[-1]:.4f}, acurácia {acc:.3f}")
    assert acc >= 0.95 and losses[-1] < 0.1
    assert elapsed < 30  # ~2,5 s numa máquina de 2 núcleos sem carga; folga para CI lento


@pytest.mark.parametrize("optimizer,factor", [
    (Optimizer_SGD(learning_rate=1.0, decay=1e-3), 0.98),  # SGD puro sai devagar do platô inicial
    (Optimizer_SGD(learning_rate=1.0, decay=1e-3, momentum=0.9), 0.85),
    (Optimizer_Adagrad(learning_rate=1.0, decay=1e-4), 0.85),
    (Optimizer_RMSprop(learning_rate=0.02, decay=1e-5), 0.85),
    (Optimizer_Adam(learning_rate=0.05, decay=5e-7), 0.85)], ids=lambda o: type(o).__name__)
def test_cada_otimizador_reduz_a_perda(spiral, optimizer, factor):
    losses, _ = train_by_hand(*spiral, optimizer, 300)
    assert losses[-1] < factor * losses[0]
    assert optimizer.iterations == 300
    if optimizer.decay:
        assert optimizer.current_learning_rate == pytest.approx(optimizer.learning_rate / (1 + optimizer.decay * 299))


def test_sgd_atualizacao_calculada_a_mao():
    layer = Layer_Dense(1, 1)
    layer.weights, layer.biases = np.array([[1.0]]), np.array([[0.0]])
    layer.dweights, layer.dbiases = np.array([[0.5]]), np.array([[-1.0]])
    optimizer = Optimizer_SGD(learning_rate=0.1, momentum=0.5)
    for expected_w in (0.95, 0.875):  # velocidade: -0.05, depois 0.5*(-0.05) - 0.05
        optimizer.pre_update_params()
        optimizer.update_params(layer)
        optimizer.post_update_params()
        assert layer.weights[0, 0] == pytest.approx(expected_w)


def test_adam_primeiro_passo_tem_tamanho_da_taxa():
    layer = Layer_Dense(2, 1)
    layer.weights, layer.biases = np.zeros((2, 1)), np.zeros((1, 1))
    layer.dweights, layer.dbiases = np.array([[3.0], [-0.2]]), np.array([[1.0]])
    optimizer = Optimizer_Adam(learning_rate=0.01)
    optimizer.pre_update_params()
    optimizer.update_params(layer)
    # Com a correção de viés, o primeiro passo é lr * g / |g| = ±lr.
    np.testing.assert_allclose(layer.weights, [[-0.01], [0.01]], rtol=1e-5)


def build_model(*layers, loss=None, optimizer=None):
    model = Model()
    for layer in layers:
        model.add(layer)
    model.set(loss=loss or Loss_CategoricalCrossentropy(), optimizer=optimizer)
    return model


def spiral_model(dropout=0.0, l2=0.0):
    layers = [Layer_Dense(2, 64, weight_regularizer_l2=l2, bias_regularizer_l2=l2), Activation_ReLU()]
    if dropout:
        layers.append(Layer_Dropout(dropout))
    layers += [Layer_Dense(64, 3), Activation_Softmax()]
    return build_model(*layers, optimizer=Optimizer_Adam(learning_rate=0.05, decay=5e-5))


def test_model_train_evaluate_predict_e_historico(spiral, capsys):
    X, y = spiral
    model = spiral_model()
    history = model.train(X, y, epochs=300, print_every=100, validation_data=(X, y))
    out = capsys.readouterr().out
    assert "época 100/300 · perda" in out and "acurácia" in out and "taxa" in out and "validação" in out
    assert set(history) >= {"loss", "data_loss", "regularization_loss", "accuracy", "learning_rate",
                            "val_loss", "val_accuracy"}
    assert all(len(values) == 300 for values in history.values())
    assert history["loss"][-1] < history["loss"][0] and history["accuracy"][-1] > 0.7
    assert model.softmax_cce is not None  # usa o gradiente combinado
    loss, acc = model.evaluate(X, y)
    assert capsys.readouterr().out == ""
    assert loss == pytest.approx(history["val_loss"][-1]) and acc == pytest.approx(history["val_accuracy"][-1])
    probs = model.predict(X, batch_size=64)
    assert probs.shape == (300, 3)
    np.testing.assert_allclose(probs, model.predict(X), rtol=1e-12)


def test_relatorio_mostra_perdas_pequenas_em_notacao_cientifica():
    from redes._model_io import report

    history = {"loss": [2.19e-05], "data_loss": [2.19e-05], "regularization_loss": [0.0],
               "accuracy": [0.5], "learning_rate": [0.001], "val_loss": [0.25], "val_accuracy": [0.75]}
    assert report(3, 10, history) == ("época 3/10 · perda 2.19e-05 (dados 2.19e-05, reg 0.000) · "
                                      "acurácia 0.500 · taxa 0.001 · validação: perda 0.250, acurácia 0.750")


def test_model_mini_lotes_embaralhados(spiral):
    X, y = spiral
    history = spiral_model().train(X, y, epochs=40, batch_size=32, shuffle=True, print_every=0)
    assert history["loss"][-1] < 0.8 * history["loss"][0]


@pytest.mark.parametrize("dropout,l2", [(0.1, 0.0), (0.0, 5e-4), (0.1, 5e-4)])
def test_dropout_e_l2_treinam(spiral, dropout, l2):
    X, y = spiral
    history = spiral_model(dropout, l2).train(X, y, epochs=500, print_every=0)
    assert history["data_loss"][-1] < 0.75 * history["data_loss"][0]
    assert (history["regularization_loss"][-1] > 0) == (l2 > 0)
    assert history["loss"][-1] == pytest.approx(history["data_loss"][-1] + history["regularization_loss"][-1])


def test_model_regressao_seno():
    X, y = sine_data(samples=200)
    np.random.seed(0)
    model = build_model(Layer_Dense(1, 32), Activation_ReLU(), Layer_Dense(32, 32), Activation_ReLU(),
                        Layer_Dense(32, 1), Activation_Linear(), loss=Loss_MeanSquaredError(),
                        optimizer=Optimizer_Adam(learning_rate=0.01, decay=1e-3))
    history = model.train(X, y, epochs=500, print_every=0)
    assert history["loss"][-1] < 0.3 * history["loss"][0]
    assert model.accuracy.__name__ == "accuracy_regression" and 0 <= history["accuracy"][-1] <= 1


def test_model_binario_sigmoide():
    np.random.seed(0)
    X, y = spiral_data(samples=100, classes=2)
    y = y.reshape(-1, 1)
    model = build_model(Layer_Dense(2, 64), Activation_ReLU(), Layer_Dense(64, 1), Activation_Sigmoid(),
                        loss=Loss_BinaryCrossentropy(), optimizer=Optimizer_Adam(learning_rate=0.01, decay=5e-7))
    history = model.train(X, y, epochs=500, print_every=0)
    assert history["loss"][-1] < history["loss"][0] and history["accuracy"][-1] > 0.7


# ---------- salvar e carregar ----------

def trained_model(spiral):
    model = spiral_model(dropout=0.1, l2=5e-4)
    model.train(*spiral, epochs=50, print_every=0)
    return model


def test_save_load_preve_igual(spiral, tmp_path):
    model = trained_model(spiral)
    model.save(tmp_path / "modelo.npz")
    again = Model.load(tmp_path / "modelo.npz")
    assert [type(layer).__name__ for layer in again.layers] == [type(layer).__name__ for layer in model.layers]
    assert again.layers[0].weight_regularizer_l2 == 5e-4 and again.layers[2].rate == 0.1
    np.testing.assert_array_equal(again.predict(spiral[0]), model.predict(spiral[0]))
    assert again.evaluate(*spiral) == model.evaluate(*spiral)


def test_save_parameters_load_parameters(spiral, tmp_path):
    model = trained_model(spiral)
    model.save_parameters(tmp_path / "pesos.npz")
    fresh = spiral_model(dropout=0.1, l2=5e-4)
    fresh.load_parameters(tmp_path / "pesos.npz")
    np.testing.assert_array_equal(fresh.predict(spiral[0]), model.predict(spiral[0]))


def test_arquivo_sem_pickle(spiral, tmp_path):
    trained_model(spiral).save(tmp_path / "m.npz")
    with np.load(tmp_path / "m.npz", allow_pickle=False) as data:
        desc = json.loads(str(data["arquitetura"]))
        assert all(data[key].dtype != object for key in data.files)
    assert desc["camadas"][0] == {"classe": "Layer_Dense", "args": {
        "n_inputs": 2, "n_neurons": 64, "weight_regularizer_l1": 0.0, "weight_regularizer_l2": 5e-4,
        "bias_regularizer_l1": 0.0, "bias_regularizer_l2": 5e-4}}


def test_arquivo_truncado(spiral, tmp_path):
    path = tmp_path / "m.npz"
    trained_model(spiral).save(path)
    data = path.read_bytes()
    for cut in (len(data) // 2, 100, 0):
        path.write_bytes(data[:cut])
        with pytest.raises(ValueError, match="não é um arquivo de modelo de redes válido"):
            Model.load(path)


def test_arquivo_que_nao_e_npz(tmp_path):
    path = tmp_path / "lixo.npz"
    path.write_text("isto não é um modelo")
    with pytest.raises(ValueError, match="corrompido ou de outro formato"):
        Model.load(path)


def rewrite(path, change):
    with np.load(path, allow_pickle=False) as data:
        arrays = {key: data[key] for key in data.files}
    change(arrays)
    np.savez(path, **arrays)


@pytest.mark.parametrize("change,message", [
    (lambda a: a.update({"0.weights": np.zeros((3, 64))}), r"'0.weights' tem shape \(3, 64\).*espera shape \(2, 64\)"),
    (lambda a: a.update({"3.biases": np.full((1, 3), np.nan)}), "valores finitos"),
    (lambda a: a.pop("3.weights"), "falta o array '3.weights'"),
    (lambda a: a.pop("arquitetura"), "não é um arquivo de modelo"),
    (lambda a: a.update({"arquitetura": np.array("{não é json")}), "JSONDecodeError"),
    (lambda a: a.update({"arquitetura": np.array(json.dumps({"formato": "redes-modelo-1", "perda": None,
        "camadas": [{"classe": "os.system", "args": {}}]}))}), "não é um arquivo de modelo"),
    (lambda a: a.update({"arquitetura": np.array(json.dumps({"formato": "redes-modelo-1", "perda": None,
        "camadas": [{"classe": "Layer_Dense", "args": {"n_inputs": 2}}]}))}), "arquitetura inválida"),
], ids=["shape_errado", "nan", "chave_faltando", "sem_arquitetura", "json_invalido", "classe_estranha", "args_faltando"])
def test_arquivo_corrompido(spiral, tmp_path, change, message):
    path = tmp_path / "m.npz"
    trained_model(spiral).save(path)
    rewrite(path, change)
    with pytest.raises(ValueError, match=message):
        Model.load(path)


def test_load_parameters_em_arquitetura_diferente(spiral, tmp_path):
    trained_model(spiral).save_parameters(tmp_path / "p.npz")
    with pytest.raises(ValueError, match="Layer_Dropout"):
        spiral_model().load_parameters(tmp_path / "p.npz")
    other = build_model(Layer_Dense(2, 32), Activation_ReLU(), Layer_Dropout(0.1), Layer_Dense(32, 3),
                        Activation_Softmax())
    with pytest.raises(ValueError, match=r"\(2, 64\).*espera shape \(2, 32\)"):
        other.load_parameters(tmp_path / "p.npz")


def test_arquivo_inexistente(tmp_path):
    with pytest.raises(FileNotFoundError):
        Model.load(tmp_path / "nada.npz")


def test_zip_valido_mas_estranho(tmp_path):
    path = tmp_path / "z.npz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("arquitetura.npy", b"\x93NUMPY garbage")
    with pytest.raises(ValueError, match="não é um arquivo de modelo"):
        Model.load(path)
