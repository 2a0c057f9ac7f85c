"""Issue 12: `redes` cumpre o contrato com qualquer entrada.

Cada teste reproduz um caso que antes dava resposta errada em silêncio, um NaN/inf,
ou um erro cru do NumPy/Python, e afirma o comportamento de agora: o valor certo,
ou um `ValueError` em português que nomeia o problema.
"""

import json
import re
import zipfile

import numpy as np
import pytest

from redes import (Activation_Linear, Activation_ReLU, Activation_Sigmoid, Activation_Softmax,
                   Activation_Softmax_Loss_CategoricalCrossentropy, Layer_Dense, Layer_Dropout,
                   Loss_BinaryCrossentropy, Loss_CategoricalCrossentropy, Loss_MeanAbsoluteError,
                   Loss_MeanSquaredError, Model, Optimizer_Adam, Optimizer_SGD, accuracy,
                   accuracy_regression)

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning")


def small_model(loss=None, last=None, n_in=2, n_out=3):
    model = Model()
    model.add(Layer_Dense(n_in, 4))
    model.add(Activation_ReLU())
    model.add(Layer_Dense(4, n_out))
    model.add(last or Activation_Softmax())
    model.set(loss=loss or Loss_CategoricalCrossentropy(), optimizer=Optimizer_SGD(0.1))
    return model


# ---------- 1. saída da Layer_Dense conferida inteira ----------

def test_1_dense_estouro_em_outra_coluna():
    layer = Layer_Dense(1, 2)
    layer.weights = np.array([[0.01, 1000.0]])
    with pytest.raises(ValueError, match="Layer_Dense: a saída estourou para inf"):
        layer.forward(np.array([[1e306]]))


def test_1_dense_nan_num_peso_de_outra_coluna_ou_vies():
    layer = Layer_Dense(2, 3)
    layer.weights[1, 2] = np.nan
    with pytest.raises(ValueError, match="os pesos contêm NaN ou inf"):
        layer.forward(np.ones((4, 2)))
    layer = Layer_Dense(2, 3)
    layer.biases[0, 1] = np.inf
    with pytest.raises(ValueError, match="os vieses contêm NaN ou inf"):
        layer.forward(np.ones((4, 2)))


# ---------- 2. rótulos 2-D "suaves" recusados ----------

SOFT = np.array([[0.9, 0.05, 0.05], [0.1, 0.8, 0.1]])


@pytest.mark.parametrize("call", [
    lambda: Loss_CategoricalCrossentropy().calculate(np.full((2, 3), 1 / 3), SOFT),
    lambda: Loss_CategoricalCrossentropy().backward(np.full((2, 3), 1 / 3), SOFT),
    lambda: Activation_Softmax_Loss_CategoricalCrossentropy().forward(np.zeros((2, 3)), SOFT),
    lambda: Activation_Softmax_Loss_CategoricalCrossentropy().backward(np.full((2, 3), 1 / 3), SOFT),
    lambda: accuracy(np.full((2, 3), 1 / 3), SOFT),
], ids=["cce_forward", "cce_backward", "combinado_forward", "combinado_backward", "accuracy"])
def test_2_rotulos_suaves_recusados(call):
    with pytest.raises(ValueError, match=r"one-hot \(um único 1 por linha\).*linha 0 é \[0.9, 0.05, 0.05\]"):
        call()


def test_2_model_train_recusa_rotulos_suaves():
    with pytest.raises(ValueError, match="one-hot"):
        small_model().train(np.ones((2, 2)), SOFT, print_every=0)


def test_2_one_hot_continua_com_gradiente_certo():
    # Com one-hot de verdade, o gradiente combinado é (s - y) / n, igual ao da cadeia.
    y = np.eye(3)[[0, 2]]
    combined = Activation_Softmax_Loss_CategoricalCrossentropy()
    combined.forward(np.array([[1.0, 2.0, 0.5], [0.0, -1.0, 3.0]]), y)
    combined.backward(combined.output, y)
    np.testing.assert_allclose(combined.dinputs, (combined.output - y) / 2)
    loss, softmax = Loss_CategoricalCrossentropy(), Activation_Softmax()
    softmax.forward(np.array([[1.0, 2.0, 0.5], [0.0, -1.0, 3.0]]))
    loss.backward(softmax.output, y)
    softmax.backward(loss.dinputs)
    np.testing.assert_allclose(softmax.dinputs, combined.dinputs, atol=1e-12)


# ---------- 3. previsões inteiras com alvos float ----------

def test_3_previsoes_inteiras_nao_truncam_alvos():
    assert Loss_MeanSquaredError().calculate([[1], [2]], [[1.5], [2.5]]) == 0.25
    assert Loss_MeanAbsoluteError().calculate([[1], [2]], [[1.5], [2.5]]) == 0.5
    loss = Loss_MeanSquaredError()
    loss.backward(np.array([[1], [2]]), np.array([[1.5], [2.5]]))
    np.testing.assert_allclose(loss.dinputs, [[-0.5], [-0.5]])


# ---------- 4. sigmoide com inteiros sem sinal ----------

@pytest.mark.parametrize("dtype", [np.uint8, np.uint64, np.int8, np.bool_])
def test_4_sigmoide_com_inteiros(dtype):
    sigmoid = Activation_Sigmoid()
    sigmoid.forward(np.array([[1, 2]], dtype=dtype) if dtype is not np.bool_ else np.array([[True, False]]))
    expected = 1 / (1 + np.exp(-np.array([[1.0, 2.0]] if dtype is not np.bool_ else [[1.0, 0.0]])))
    np.testing.assert_allclose(sigmoid.output, expected)
    assert sigmoid.output.dtype == np.float64


# ---------- 5. save/load com e sem .npz; diretório ----------

def test_5_save_sem_extensao_e_load_com_o_mesmo_nome(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    model = small_model()
    model.save("modelo")
    assert (tmp_path / "modelo.npz").is_file()
    again = Model.load("modelo")
    x = np.random.randn(5, 2)
    np.testing.assert_array_equal(again.predict(x), model.predict(x))
    model.save_parameters("so_pesos")
    small_model().load_parameters("so_pesos")


def test_5_save_num_diretorio_recusado(tmp_path):
    with pytest.raises(ValueError, match="é um diretório"):
        small_model().save(tmp_path)
    assert list(tmp_path.parent.glob(tmp_path.name + ".npz")) == []
    (tmp_path / "d.npz").mkdir()
    with pytest.raises(ValueError, match="é um diretório"):
        small_model().save(tmp_path / "d.npz")
    with pytest.raises(ValueError, match="é um diretório"):
        Model.load(tmp_path / "d.npz")


def test_5_caminho_que_nao_e_texto():
    with pytest.raises(ValueError, match="caminho deve ser um texto ou Path"):
        small_model().save(42)


# ---------- 6 e 9. arquivo decide menos: chaves, cabeçalhos, memória ----------

def saved(tmp_path, model=None):
    path = tmp_path / "m.npz"
    (model or small_model()).save(path)
    with np.load(path, allow_pickle=False) as data:
        arrays = {key: data[key] for key in data.files}
    return path, arrays


def test_6_json_com_menos_camadas_que_os_arrays(tmp_path):
    path, arrays = saved(tmp_path)
    desc = json.loads(str(arrays["arquitetura"]))
    desc["camadas"] = desc["camadas"][:2]  # só Layer_Dense e ReLU; os arrays de 2.* sobram
    arrays["arquitetura"] = np.array(json.dumps(desc))
    np.savez(path, **arrays)
    with pytest.raises(ValueError, match=re.escape("arrays que a arquitetura não usa: ['2.biases', '2.weights']")):
        Model.load(path)


def test_9_chave_desconhecida_recusada_sem_ler(tmp_path):
    path, arrays = saved(tmp_path)
    np.savez_compressed(path, **arrays, extra=np.zeros(10**7))  # 80 MB descomprimidos, ~80 KB no disco
    assert path.stat().st_size < 10**6
    with pytest.raises(ValueError, match=re.escape("não usa: ['extra']")):
        Model.load(path)


def test_9_shapes_declarados_conferidos_antes_de_alocar(tmp_path, monkeypatch):
    path, arrays = saved(tmp_path)
    desc = json.loads(str(arrays["arquitetura"]))
    desc["camadas"][0]["args"].update(n_inputs=10**6, n_neurons=10**6)  # 8 TB se alocasse
    arrays["arquitetura"] = np.array(json.dumps(desc))
    np.savez(path, **arrays)
    created = []
    monkeypatch.setattr(np.random, "randn", lambda *shape: created.append(shape))
    with pytest.raises(ValueError, match=r"'0.weights' tem shape \(2, 4\).*espera shape \(1000000, 1000000\)"):
        Model.load(path)
    assert created == []  # nenhuma camada chegou a sortear pesos


def test_9_cabecalho_com_shape_enorme_nao_e_lido(tmp_path):
    # Um .npy cujo cabeçalho declara 10¹² floats: conferimos o cabeçalho e paramos.
    path, arrays = saved(tmp_path)
    np.savez(path, **arrays)
    with zipfile.ZipFile(path, "a") as archive:
        header = np.lib.format.header_data_from_array_1_0(np.zeros((1, 1)))
        header["shape"] = (10**6, 10**6)
        member = archive.open("9.weights.npy", "w")
        np.lib.format.write_array_header_1_0(member, header)
        member.close()
    with pytest.raises(ValueError, match=re.escape("não usa: ['9.weights']")):
        Model.load(path)


def test_9_dtype_nao_float_recusado(tmp_path):
    path, arrays = saved(tmp_path)
    arrays["0.weights"] = arrays["0.weights"].astype(np.int64)
    np.savez(path, **arrays)
    with pytest.raises(ValueError, match="'0.weights' tem shape.*dtype int64"):
        Model.load(path)


def test_9_layer_dense_enorme_recusada():
    with pytest.raises(ValueError, match=re.escape("Layer_Dense: (1000000, 1000000) daria mais de 10⁹ pesos.")):
        Layer_Dense(10**6, 10**6)


# ---------- 7. dados vazios ----------

def test_7_dados_vazios_com_batch_size():
    model = small_model()
    empty = np.zeros((0, 2))
    assert model.predict(empty, batch_size=4).shape == (0, 3)
    assert model.predict(empty).shape == (0, 3)
    with pytest.raises(ValueError, match=r"Model.evaluate: X não tem amostras \(shape \(0, 2\)\)"):
        model.evaluate(empty, np.zeros(0, dtype=int), batch_size=4)
    with pytest.raises(ValueError, match=r"Model.train: X não tem amostras \(shape \(0, 2\)\)"):
        model.train(empty, np.zeros(0, dtype=int), batch_size=4)
    with pytest.raises(ValueError, match="lote vazio"):
        Loss_MeanSquaredError().calculate(np.zeros((0, 1)), np.zeros((0, 1)))
    with pytest.raises(ValueError, match=r"shape \(0,\)"):
        accuracy(np.zeros(0), np.zeros(0))


# ---------- 8. acurácia de regressão ----------

def test_8_acuracia_de_regressao_com_batch_size_1():
    np.random.seed(0)
    X = np.linspace(-1, 1, 20).reshape(-1, 1)
    y = 0.5 * X
    model = Model()
    model.add(Layer_Dense(1, 1))
    model.add(Activation_Linear())
    model.set(loss=Loss_MeanSquaredError(), optimizer=Optimizer_SGD(0.1))
    model.layers[0].weights[:] = 0.5  # já é a resposta exata
    history = model.train(X, y, epochs=1, batch_size=1, print_every=0)
    assert history["accuracy"][0] == 1.0  # antes: sempre 0.0 (desvio-padrão de 1 alvo é 0)


def test_8_alvo_constante_e_previsao_perfeita():
    y = np.full((5, 1), 3.0)
    assert accuracy_regression(y, y) == 1.0
    assert accuracy_regression(y + 0.001, y) == 1.0     # |3| / 250 = 0.012
    assert accuracy_regression(y + 1.0, y) == 0.0
    zeros = np.zeros((4, 1))
    assert accuracy_regression(zeros, zeros) == 1.0


# ---------- "Also" ----------

@pytest.mark.parametrize("layer", [Layer_Dense(2, 3), Layer_Dropout(0.5), Activation_ReLU(), Activation_Softmax(),
                                   Activation_Sigmoid(), Activation_Linear()], ids=lambda obj: type(obj).__name__)
def test_backward_antes_do_forward(layer):
    with pytest.raises(ValueError, match=f"{type(layer).__name__}: chame forward antes de backward"):
        layer.backward(np.ones((2, 3)))


@pytest.mark.parametrize("layer", [Layer_Dense(2, 3), Layer_Dropout(0.5), Activation_ReLU(), Activation_Softmax(),
                                   Activation_Sigmoid(), Activation_Linear()], ids=lambda obj: type(obj).__name__)
def test_dvalues_com_shape_errado(layer):
    layer.forward(np.ones((4, 2)) if isinstance(layer, Layer_Dense) else np.ones((4, 3)), training=True)
    with pytest.raises(ValueError, match=r"dvalues deve ter o shape da saída \(4, 3\), mas recebeu shape \(4, 1\)"):
        layer.backward(np.ones((4, 1)))
    with pytest.raises(ValueError, match=r"dvalues contém NaN ou inf \(shape \(4, 3\)\)"):
        layer.backward(np.full((4, 3), np.nan))


@pytest.mark.parametrize("layer", [Activation_ReLU(), Activation_Sigmoid(), Activation_Linear(), Layer_Dropout(0.5)],
                         ids=lambda obj: type(obj).__name__)
@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_nan_nao_atravessa_ativacoes(layer, bad):
    x = np.ones((3, 2))
    x[1, 1] = bad
    if isinstance(layer, Activation_Sigmoid) and bad == np.inf:
        layer.forward(x)  # σ(inf) = 1: finito e correto
        assert layer.output[1, 1] == 1.0
        return
    with pytest.raises(ValueError, match=r"a entrada contém NaN ou inf \(shape \(3, 2\)\)"):
        layer.forward(x, training=True)


@pytest.mark.parametrize("loss,who", [(Loss_MeanSquaredError(), "Loss_MeanSquaredError"),
                                      (Loss_MeanAbsoluteError(), "Loss_MeanAbsoluteError"),
                                      (Loss_BinaryCrossentropy(), "Loss_BinaryCrossentropy")])
def test_nan_no_forward_das_perdas(loss, who):
    with pytest.raises(ValueError, match=rf"{who}: as previsões contêm NaN ou inf"):
        loss.forward(np.array([[np.nan], [0.5]]), np.array([[1.0], [0.0]]))
    with pytest.raises(ValueError, match=rf"{who}: os alvos contêm NaN ou inf"):
        loss.forward(np.array([[0.5], [0.5]]), np.array([[np.nan], [0.0]]))
    with pytest.raises(ValueError, match="as previsões contêm NaN"):
        Loss_CategoricalCrossentropy().forward(np.array([[np.nan, 0.5]]), np.array([0]))


def test_quadrado_que_estoura_vira_erro():
    with pytest.raises(ValueError, match="Loss_MeanSquaredError: as perdas por amostra contêm NaN ou inf"):
        Loss_MeanSquaredError().forward(np.array([[1e200]]), np.array([[0.0]]))


@pytest.mark.parametrize("bad", [np.array([["a", "b"]]), np.array([[None, 1]], dtype=object)])
def test_previsoes_texto_ou_objeto(bad):
    for loss in (Loss_MeanSquaredError(), Loss_CategoricalCrossentropy(), Loss_BinaryCrossentropy()):
        with pytest.raises(ValueError, match=r"previsões numéricas, mas recebeu dtype (<U1|object)"):
            loss.calculate(bad, np.array([0]))
    with pytest.raises(ValueError, match="saídas numéricas"):
        accuracy(bad, np.array([0]))


@pytest.mark.parametrize("make", [
    lambda v: Optimizer_Adam(learning_rate=v), lambda v: Optimizer_SGD(momentum=v),
    lambda v: Layer_Dense(2, 2, weight_regularizer_l2=v), lambda v: Layer_Dropout(v),
], ids=["adam_lr", "sgd_momento", "l2", "dropout"])
def test_hiperparametro_gigante(make):
    with pytest.raises(ValueError, match="mas recebeu um inteiro de 401 dígitos"):
        make(10**400)


def test_listas_irregulares():
    with pytest.raises(ValueError, match="Layer_Dense: a entrada não forma um array retangular"):
        Layer_Dense(2, 2).forward([[1, 2], [3]])
    with pytest.raises(ValueError, match="não forma um array retangular"):
        Loss_CategoricalCrossentropy().calculate(np.full((2, 2), 0.5), [[1, 0], [1]])
    with pytest.raises(ValueError, match="não forma um array retangular"):
        small_model().predict([[1, 2], [3]])


def test_model_sem_camadas():
    with pytest.raises(ValueError, match="nenhuma camada"):
        Model().predict(np.ones((2, 2)))


@pytest.mark.parametrize("kwargs,message", [
    ({"loss": "x"}, "loss deve ser uma perda de redes"),
    ({"loss": Loss_MeanSquaredError(), "optimizer": "adam"}, "optimizer deve ser um otimizador"),
    ({"loss": Loss_MeanSquaredError(), "accuracy": 3}, "accuracy deve ser uma função"),
])
def test_model_set_invalido(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Model().set(**kwargs)


def test_validation_data_incompleto():
    model = small_model()
    X, y = np.ones((4, 2)), np.array([0, 1, 2, 0])
    with pytest.raises(ValueError, match=r"validation_data deve ser um par \(X_val, y_val\).*tamanho 1"):
        model.train(X, y, validation_data=(X,), print_every=0)
    with pytest.raises(ValueError, match=r"X tem shape \(4, 2\) mas y tem shape \(3,\)"):
        model.train(X, y, validation_data=(X, y[:3]), print_every=0)


def test_print_every_invalido():
    with pytest.raises(ValueError, match="print_every deve ser um inteiro positivo"):
        small_model().train(np.ones((3, 2)), np.array([0, 1, 2]), print_every="x")


def test_backward_do_model_antes_de_finalize():
    with pytest.raises(ValueError, match=r"finalize\(\) antes de backward"):
        small_model().backward(np.ones((1, 3)) / 3, np.array([0]))


def test_accuracy_one_hot_de_largura_errada_e_rotulos_fora():
    probs = np.array([[0.7, 0.2, 0.1], [0.1, 0.5, 0.4]])
    with pytest.raises(ValueError, match=r"one-hot devem ter o shape das previsões \(2, 3\).*\(2, 4\)"):
        accuracy(probs, np.eye(4)[[0, 1]])
    with pytest.raises(ValueError, match=r"accuracy: rótulos devem estar entre 0 e 2 \(há 3 classes\).*de 0 a 7"):
        accuracy(probs, np.array([0, 7]))
    with pytest.raises(ValueError, match="accuracy: os rótulos contêm NaN"):
        accuracy(np.array([0, 1]), np.array([0.0, np.nan]))


@pytest.mark.parametrize("y", [2.0, -0.5])
def test_bce_alvo_fora_de_0_1(y):
    with pytest.raises(ValueError, match=r"Loss_BinaryCrossentropy: alvos devem estar entre 0 e 1"):
        Loss_BinaryCrossentropy().calculate(np.array([[0.9]]), np.array([[y]]))
    with pytest.raises(ValueError, match=r"alvos devem estar entre 0 e 1"):
        Loss_BinaryCrossentropy().backward(np.array([[0.9]]), np.array([[y]]))


def test_notebook_nao_deixa_pasta_temporaria():
    from pathlib import Path
    notebook = json.loads((Path(__file__).parents[1] / "docs/dados-reais/digitos.ipynb").read_text())
    code = "".join("".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code")
    assert "mkdtemp" not in code
    assert "TemporaryDirectory" in code


# ---------- achados pelo perfil longo (make fuzz) ----------

def test_acuracia_de_regressao_com_bool():
    assert accuracy_regression(np.array([False, True]), np.array([False, False])) == 0.5


def test_passo_do_otimizador_que_estoura():
    layer = Layer_Dense(2, 3)
    layer.forward(np.ones((2, 2)))
    layer.backward(np.full((2, 3), 1e300))
    with pytest.raises(ValueError, match="Optimizer_SGD: os pesos contêm NaN ou inf.*taxa de aprendizado menor"):
        Optimizer_SGD(learning_rate=1e300).update_params(layer)


def test_perdas_com_previsoes_float16():
    y = np.eye(4, dtype=int)[[0, 1, 2]]
    loss = Loss_CategoricalCrossentropy()
    loss.backward(np.zeros((3, 4), dtype=np.float16), y)
    assert np.isfinite(loss.dinputs).all()
    bce = Loss_BinaryCrossentropy()
    assert np.isfinite(bce.calculate(np.ones((2, 1), dtype=np.float16), np.zeros((2, 1))))


def test_acuracia_com_previsoes_sem_colunas():
    with pytest.raises(ValueError, match=r"as previsões não têm colunas \(shape \(0, 0\)\)"):
        accuracy(np.zeros((0, 0)), np.zeros(0, dtype=int))


# ---------- achados depois (h/robustez2): estouros sem aviso e memória entre chamadas ----------

def test_combinado_confere_de_novo_no_backward():
    # Antes, o backward pulava a conferência se recebesse os mesmos objetos do forward;
    # mudados no lugar entre as duas chamadas, davam NaN ou um IndexError do NumPy.
    combined = Activation_Softmax_Loss_CategoricalCrossentropy()
    y = np.array([0, 1, 2])
    combined.forward(np.zeros((3, 3)), y)
    combined.output[0, 0] = np.nan
    with pytest.raises(ValueError, match="as previsões contêm NaN ou inf"):
        combined.backward(combined.output, y)
    combined.forward(np.zeros((3, 3)), y)
    y[0] = 7
    with pytest.raises(ValueError, match=r"rótulos devem estar entre 0 e 2 .* de 1 a 7"):
        combined.backward(combined.output, y)


def test_dense_confere_dinputs_e_nao_deixa_gradiente_que_estourou():
    layer = Layer_Dense(1, 1)
    layer.weights[:] = 1e10
    layer.forward(np.array([[1e-20]]))
    with pytest.raises(ValueError, match="Layer_Dense: o gradiente estourou para inf"):
        layer.backward(np.array([[1e300]]))  # dweights e dbiases finitos; dinputs = inf
    assert not hasattr(layer, "dweights") and not hasattr(layer, "dinputs")
    with pytest.raises(ValueError, match="chame backward antes de update_params"):
        Optimizer_SGD().update_params(layer)


def test_dense_sem_erro_falso_com_valores_enormes_mas_finitos():
    # A soma dos quadrados estoura (1e200² = inf), mas os valores são finitos: nada de erro.
    layer = Layer_Dense(2, 64)  # saída maior que entrada + parâmetros: cota de Cauchy-Schwarz
    layer.forward(np.full((300, 2), 1e200))
    assert np.isfinite(layer.output).all() and np.abs(layer.output).max() > 1e195
    layer.backward(np.full((300, 64), 1e-10))
    small = Layer_Dense(64, 3)  # saída menor: conferida direto
    small.forward(np.full((300, 64), 1e200))
    small.backward(np.full((300, 3), 1e100))  # dweights ≈ 3e302: enorme, mas finito
    assert np.isfinite(small.dinputs).all() and np.isfinite(small.dweights).all()


def test_softmax_backward_que_estoura():
    softmax = Activation_Softmax()
    softmax.forward(np.array([[0.0, 9.0]]))
    with pytest.raises(ValueError, match=r"Activation_Softmax: o gradiente \(dinputs\) estourou"):
        softmax.backward(np.array([[1.7e308, -1.7e308]]))


def test_dropout_que_estoura_ao_dividir_por_keep():
    np.random.seed(1)
    dropout = Layer_Dropout(0.9)
    with pytest.raises(ValueError, match="Layer_Dropout: a saída estourou para inf"):
        dropout.forward(np.full((1, 50), 1e308))
    dropout.forward(np.ones((1, 50)))
    with pytest.raises(ValueError, match=r"Layer_Dropout: o gradiente \(dinputs\) estourou"):
        dropout.backward(np.full((1, 50), 1e308))
    with pytest.raises(ValueError, match="Layer_Dropout: a entrada contém NaN ou inf"):
        dropout.forward(np.array([[np.nan, 1.0]]))


@pytest.mark.parametrize("x", [np.array([[-1.5, 0.0, 2.0]]), np.array([[-1.5, 0.0, 2.0]], dtype=np.float32),
                               np.array([[-2, 0, 3]]), np.array([[-2, 0, 3]], dtype=np.int8),
                               np.array([[True, False]]), np.array([[1, 0]], dtype=np.uint8)])
def test_relu_com_array_de_zeros_e_a_mesma_conta(x):
    relu = Activation_ReLU()
    relu.forward(x)
    expected = np.maximum(x, 0)
    assert relu.output.dtype == expected.dtype
    np.testing.assert_array_equal(relu.output, expected)
    relu.forward(x[:, ::-1])  # outro array, mesmo shape: os zeros guardados servem de novo
    np.testing.assert_array_equal(relu.output, np.maximum(x[:, ::-1], 0))
    relu.output[...] = 5  # a saída é do usuário; os zeros guardados continuam zeros
    relu.forward(x)
    np.testing.assert_array_equal(relu.output, expected)


def test_one_hot_com_muitas_classes_sem_matriz_identidade():
    # np.eye(200000) teria 320 GB; o one-hot tem n × k.
    loss = Loss_CategoricalCrossentropy()
    loss.backward(np.full((2, 200_000), 1 / 200_000), [5, 199_999])
    assert loss.dinputs[0, 5] < 0 and loss.dinputs[1, 199_999] < 0 and np.count_nonzero(loss.dinputs) == 2
    combined = Activation_Softmax_Loss_CategoricalCrossentropy()
    combined.backward(np.full((2, 200_000), 1 / 200_000), np.array([5, 199_999], dtype=np.uint64))
    assert combined.dinputs[0, 5] < 0 and combined.dinputs[1, 199_999] < 0


def test_relu_nao_guarda_zeros_de_arrays_grandes():
    from redes import activations
    relu = Activation_ReLU()
    relu.forward(np.full((1, (1 << 20) + 1), -1.0))
    assert relu.output.max() == 0 and ((1, (1 << 20) + 1), np.dtype(np.float64)) not in activations._ZEROS
    for n in range(1, 7):
        relu.forward(np.ones((n, 2)))
    assert len(activations._ZEROS) <= 4
