"""Casos pequenos calculados à mão, estabilidade numérica e propriedades (hypothesis)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import redes
from redes import (Activation_Linear, Activation_ReLU, Activation_Sigmoid, Activation_Softmax,
                   Activation_Softmax_Loss_CategoricalCrossentropy, Layer_Dense, Layer_Dropout,
                   Loss_BinaryCrossentropy, Loss_CategoricalCrossentropy, Loss_MeanAbsoluteError,
                   Loss_MeanSquaredError, accuracy, accuracy_regression)


def test_versao_e_exportacoes():
    assert redes.__version__ == "0.1.0"
    for name in redes.__all__:
        assert hasattr(redes, name)


def test_dense_shapes_e_inicializacao():
    np.random.seed(0)
    layer = Layer_Dense(4, 3)
    assert layer.weights.shape == (4, 3) and layer.biases.shape == (1, 3)
    assert np.all(layer.biases == 0)
    assert np.abs(layer.weights).max() < 0.05  # escala 0.01
    assert (layer.n_inputs, layer.n_neurons) == (4, 3)


def test_dense_forward_calculado_a_mao():
    layer = Layer_Dense(3, 2)
    layer.weights = np.array([[1.0, -1.0], [2.0, 0.5], [0.0, 3.0]])
    layer.biases = np.array([[0.5, -2.0]])
    layer.forward(np.array([[1.0, 2.0, 3.0], [0.0, -1.0, 1.0]]))
    # linha 1: 1+4+0+0.5 = 5.5 ; -1+1+9-2 = 7 ; linha 2: 0-2+0+0.5 = -1.5 ; 0-0.5+3-2 = 0.5
    np.testing.assert_allclose(layer.output, [[5.5, 7.0], [-1.5, 0.5]])


def test_dense_backward_calculado_a_mao():
    layer = Layer_Dense(2, 2)
    layer.weights = np.array([[1.0, 2.0], [3.0, 4.0]])
    layer.forward(np.array([[1.0, 2.0]]))
    layer.backward(np.array([[1.0, -1.0]]))
    np.testing.assert_allclose(layer.dweights, [[1.0, -1.0], [2.0, -2.0]])
    np.testing.assert_allclose(layer.dbiases, [[1.0, -1.0]])
    np.testing.assert_allclose(layer.dinputs, [[-1.0, -1.0]])


def test_relu():
    relu = Activation_ReLU()
    relu.forward(np.array([[-2.0, 0.0, 3.0]]))
    np.testing.assert_array_equal(relu.output, [[0.0, 0.0, 3.0]])
    relu.backward(np.array([[5.0, 5.0, 5.0]]))
    np.testing.assert_array_equal(relu.dinputs, [[0.0, 0.0, 5.0]])
    assert relu.predictions(relu.output) is relu.output


def test_softmax_de_1_2_3():
    softmax = Activation_Softmax()
    softmax.forward(np.array([[1.0, 2.0, 3.0]]))
    np.testing.assert_allclose(softmax.output, [[0.09003057, 0.24472847, 0.66524096]], rtol=1e-7)
    np.testing.assert_array_equal(softmax.predictions(softmax.output), [2])


def test_softmax_aceita_inteiros():
    softmax = Activation_Softmax()
    softmax.forward(np.array([[1, 2, 3]]))
    np.testing.assert_allclose(softmax.output.sum(), 1.0)


@pytest.mark.parametrize("scale", [1e4, -1e4])
def test_softmax_estavel_com_entradas_enormes(scale):
    softmax = Activation_Softmax()
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        softmax.forward(np.array([[scale, 0.0, -scale], [scale, scale, scale]]))
    assert np.all(np.isfinite(softmax.output))
    np.testing.assert_allclose(softmax.output.sum(axis=1), 1.0)


def test_sigmoid_valores_e_estabilidade():
    sigmoid = Activation_Sigmoid()
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        sigmoid.forward(np.array([[0.0, 2.0, -2.0, 1e4, -1e4, 800.0, -800.0]]))
    out = sigmoid.output[0]
    np.testing.assert_allclose(out[:3], [0.5, 0.8807970779778823, 0.11920292202211755])
    assert out[3] == 1.0 and out[4] == 0.0 and np.all(np.isfinite(out))
    np.testing.assert_array_equal(sigmoid.predictions(np.array([[0.2, 0.7]])), [[0, 1]])


def test_linear():
    linear = Activation_Linear()
    x = np.array([[1.5, -2.0]])
    linear.forward(x)
    linear.backward(np.array([[3.0, 4.0]]))
    np.testing.assert_array_equal(linear.output, x)
    np.testing.assert_array_equal(linear.dinputs, [[3.0, 4.0]])
    assert linear.output is not x


def test_cce_calculada_a_mao():
    probs = np.array([[0.7, 0.1, 0.2], [0.1, 0.5, 0.4], [0.02, 0.9, 0.08]])
    loss = Loss_CategoricalCrossentropy()
    expected = np.mean(-np.log([0.7, 0.5, 0.9]))
    assert loss.calculate(probs, np.array([0, 1, 1])) == pytest.approx(expected)
    one_hot = np.array([[1, 0, 0], [0, 1, 0], [0, 1, 0]])
    assert loss.calculate(probs, one_hot) == pytest.approx(expected)
    np.testing.assert_allclose(loss.forward(probs, np.array([0, 1, 1])), -np.log([0.7, 0.5, 0.9]))


def test_cce_finita_com_probabilidade_zero():
    loss = Loss_CategoricalCrossentropy()
    value = loss.calculate(np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([0, 0]))
    assert np.isfinite(value) and value == pytest.approx(-np.log(1e-7) / 2)
    loss.backward(np.array([[0.0, 1.0]]), np.array([0]))
    assert np.all(np.isfinite(loss.dinputs))


def test_bce_finita_com_probabilidade_zero_e_um():
    loss = Loss_BinaryCrossentropy()
    value = loss.calculate(np.array([[0.0, 1.0]]), np.array([[1, 0]]))
    assert np.isfinite(value) and value == pytest.approx(-np.log(1e-7), rel=1e-6)
    loss.backward(np.array([[0.0, 1.0]]), np.array([[1, 0]]))
    assert np.all(np.isfinite(loss.dinputs))


def test_mse_e_mae_calculadas_a_mao():
    pred, y = np.array([[1.0, 2.0], [0.0, 0.0]]), np.array([[0.0, 4.0], [1.0, 1.0]])
    assert Loss_MeanSquaredError().calculate(pred, y) == pytest.approx(((1 + 4) / 2 + (1 + 1) / 2) / 2)
    assert Loss_MeanAbsoluteError().calculate(pred, y) == pytest.approx(((1 + 2) / 2 + (1 + 1) / 2) / 2)


def test_combinado_igual_a_softmax_mais_cce():
    np.random.seed(1)
    logits, y = np.random.randn(5, 4), np.array([0, 3, 1, 1, 2])
    combined = Activation_Softmax_Loss_CategoricalCrossentropy()
    loss = combined.forward(logits, y)
    softmax = Activation_Softmax()
    softmax.forward(logits)
    assert loss == pytest.approx(Loss_CategoricalCrossentropy().calculate(softmax.output, y))
    np.testing.assert_allclose(combined.output, softmax.output)


@pytest.mark.parametrize("n_classes", [1, 2, 3, 7, 8, 10, 1000])
def test_softmax_igual_a_formula_direta_com_qualquer_numero_de_classes(n_classes):
    # A classe calcula na transposta (por velocidade); o resultado tem de ser o da
    # fórmula das anotações, num array comum (amostras, classes), contíguo em C.
    np.random.seed(n_classes)
    x = 5 * np.random.randn(7, n_classes)
    softmax = Activation_Softmax()
    softmax.forward(x)
    exps = np.exp(x - x.max(axis=1, keepdims=True))
    np.testing.assert_allclose(softmax.output, exps / exps.sum(axis=1, keepdims=True), rtol=1e-13, atol=1e-300)
    assert softmax.output.shape == x.shape and softmax.output.flags["C_CONTIGUOUS"]
    # Com menos de 8 números, a soma do NumPy vai da esquerda para a direita nos dois
    # jeitos; a partir de 8, a soma por linha usa soma em pares e pode mudar o último bit.
    if n_classes <= 7:
        np.testing.assert_array_equal(softmax.output, exps / exps.sum(axis=1, keepdims=True))


def test_relu_backward_aceita_lista_e_zera_onde_a_entrada_nao_foi_positiva():
    relu = Activation_ReLU()
    relu.forward(np.array([[-1.0, 0.0, 2.0]]))
    relu.backward([[5.0, 6.0, 7.0]])
    np.testing.assert_array_equal(relu.dinputs, [[0.0, 0.0, 7.0]])
    relu.backward(np.array([[5, 6, 7]], dtype=np.float32))
    assert relu.dinputs.dtype == np.float32


def test_dropout_inferencia_e_identidade_e_treino_preserva_media():
    np.random.seed(0)
    dropout = Layer_Dropout(0.3)
    x = np.ones((200, 100))
    dropout.forward(x, training=False)
    np.testing.assert_array_equal(dropout.output, x)
    dropout.forward(x, training=True)
    zeros = np.mean(dropout.output == 0)
    assert 0.27 < zeros < 0.33
    np.testing.assert_allclose(dropout.output[dropout.output > 0], 1 / 0.7)
    assert abs(dropout.output.mean() - 1) < 0.02
    dropout.backward(np.ones_like(x))
    np.testing.assert_array_equal(dropout.dinputs, dropout.mask)


def test_dropout_taxa_zero_nao_muda_nada():
    dropout = Layer_Dropout(0)
    dropout.forward(np.array([[1.0, 2.0]]))
    dropout.backward(np.array([[3.0, 4.0]]))
    np.testing.assert_array_equal(dropout.output, [[1.0, 2.0]])
    np.testing.assert_array_equal(dropout.dinputs, [[3.0, 4.0]])


def test_regularizacao_calculada_a_mao():
    layer = Layer_Dense(2, 1, weight_regularizer_l1=0.1, weight_regularizer_l2=0.01,
                        bias_regularizer_l1=0.2, bias_regularizer_l2=0.02)
    layer.weights = np.array([[1.0], [-2.0]])
    layer.biases = np.array([[3.0]])
    expected = 0.1 * 3 + 0.01 * 5 + 0.2 * 3 + 0.02 * 9
    assert redes.Loss().regularization_loss(layer) == pytest.approx(expected)
    assert redes.Loss().regularization_loss(Activation_ReLU()) == 0


def test_accuracy_indices_one_hot_e_binaria():
    probs = np.array([[0.7, 0.2, 0.1], [0.1, 0.5, 0.4], [0.02, 0.9, 0.08], [0.3, 0.3, 0.4]])
    assert accuracy(probs, np.array([0, 1, 2, 2])) == pytest.approx(0.75)
    assert accuracy(probs, np.eye(3)[[0, 1, 2, 2]]) == pytest.approx(0.75)
    assert accuracy(np.array([[1], [0], [1]]), np.array([[1], [1], [1]])) == pytest.approx(2 / 3)
    assert accuracy_regression(np.array([[1.0], [2.0]]), np.array([[1.001], [3.0]]), precision=0.01) == 0.5


# ---------- propriedades (hypothesis) ----------

finite_matrix = hnp.arrays(np.float64, hnp.array_shapes(min_dims=2, max_dims=2, max_side=12),
                           elements=st.floats(-1e4, 1e4, allow_nan=False))


@settings(max_examples=60, deadline=None)
@given(finite_matrix)
def test_prop_softmax_linhas_somam_1(x):
    softmax = Activation_Softmax()
    softmax.forward(x)
    assert np.all(np.isfinite(softmax.output))
    assert np.all((softmax.output >= 0) & (softmax.output <= 1))
    np.testing.assert_allclose(softmax.output.sum(axis=1), 1.0, rtol=1e-12)


@settings(max_examples=60, deadline=None)
@given(finite_matrix)
def test_prop_sigmoid_entre_0_e_1(x):
    sigmoid = Activation_Sigmoid()
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        sigmoid.forward(x)
    assert np.all((sigmoid.output >= 0) & (sigmoid.output <= 1))


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 20), st.integers(1, 10), st.integers(1, 10))
def test_prop_dense_shape_de_saida(n_samples, n_inputs, n_neurons):
    layer = Layer_Dense(n_inputs, n_neurons)
    layer.forward(np.random.randn(n_samples, n_inputs))
    assert layer.output.shape == (n_samples, n_neurons)
    layer.backward(np.ones((n_samples, n_neurons)))
    assert layer.dinputs.shape == (n_samples, n_inputs)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 15), st.integers(2, 6), st.data())
def test_prop_cce_nao_negativa_e_finita(n, k, data):
    raw = data.draw(hnp.arrays(np.float64, (n, k), elements=st.floats(0, 1)))
    probs = raw / raw.sum(axis=1, keepdims=True) if np.all(raw.sum(axis=1) > 0) else np.full((n, k), 1 / k)
    y = data.draw(hnp.arrays(np.int64, (n,), elements=st.integers(0, k - 1)))
    value = Loss_CategoricalCrossentropy().calculate(probs, y)
    assert np.isfinite(value) and value >= 0
    assert 0 <= accuracy(probs, y) <= 1


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 15), st.integers(1, 4), st.data())
def test_prop_perdas_de_regressao_e_bce_nao_negativas(n, k, data):
    pred = data.draw(hnp.arrays(np.float64, (n, k), elements=st.floats(0, 1)))
    y = data.draw(hnp.arrays(np.float64, (n, k), elements=st.sampled_from([0.0, 1.0])))
    for loss in (Loss_BinaryCrossentropy(), Loss_MeanSquaredError(), Loss_MeanAbsoluteError()):
        value = loss.calculate(pred, y)
        assert np.isfinite(value) and value >= 0
