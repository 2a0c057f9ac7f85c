"""Verificação de gradientes: cada backward contra diferenças centrais (float64).

Para uma camada ou ativação, usamos a perda escalar L = soma(saída * G), com G
aleatório; então dL/dsaída = G, e o backward(G) deve dar dL/dentrada.
"""

import numpy as np
import pytest

from redes import (Activation_Linear, Activation_ReLU, Activation_Sigmoid, Activation_Softmax,
                   Activation_Softmax_Loss_CategoricalCrossentropy, Layer_Dense, Layer_Dropout, Loss,
                   Loss_BinaryCrossentropy, Loss_CategoricalCrossentropy, Loss_MeanAbsoluteError,
                   Loss_MeanSquaredError)

TOL = 1e-6


def numerical_gradient(f, x, h=1e-6):
    """Gradiente de f() (escalar) em relação a x, alterando x no lugar, por diferenças centrais."""
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + h
        plus = f()
        x[index] = original - h
        minus = f()
        x[index] = original
        grad[index] = (plus - minus) / (2 * h)
    return grad


def relative_error(analytic, numeric):
    scale = max(np.abs(analytic).max(), np.abs(numeric).max(), 1e-12)
    return np.abs(analytic - numeric).max() / scale


def check(analytic, f, x):
    error = relative_error(analytic, numerical_gradient(f, x))
    assert error < TOL, f"erro relativo {error:.2e}"


@pytest.fixture
def rng():
    return np.random.default_rng(42)


def check_module(module, x, rng, **kwargs):
    module.forward(x, **kwargs)
    G = rng.standard_normal(module.output.shape)

    def f():
        module.forward(x, **kwargs)
        return np.sum(module.output * G)

    module.forward(x, **kwargs)
    module.backward(G)
    check(module.dinputs.copy(), f, x)


REGULARIZERS = [{}, {"weight_regularizer_l1": 0.3}, {"weight_regularizer_l2": 0.2},
                {"bias_regularizer_l1": 0.4}, {"bias_regularizer_l2": 0.5},
                {"weight_regularizer_l1": 0.1, "weight_regularizer_l2": 0.1,
                 "bias_regularizer_l1": 0.1, "bias_regularizer_l2": 0.1}]


@pytest.mark.parametrize("reg", REGULARIZERS, ids=lambda r: "+".join(r) or "sem_reg")
def test_gradiente_dense(reg, rng):
    layer = Layer_Dense(4, 3, **reg)
    layer.weights = rng.standard_normal((4, 3))
    layer.biases = rng.standard_normal((1, 3))
    x = rng.standard_normal((5, 4))
    G = rng.standard_normal((5, 3))

    def f():
        layer.forward(x)
        return np.sum(layer.output * G) + Loss().regularization_loss(layer)

    layer.forward(x)
    layer.backward(G)
    check(layer.dinputs.copy(), f, x)
    check(layer.dweights.copy(), f, layer.weights)
    check(layer.dbiases.copy(), f, layer.biases)


def test_gradiente_dropout_com_mascara_fixa(rng):
    dropout = Layer_Dropout(0.4)
    x = rng.standard_normal((6, 5))
    G = rng.standard_normal((6, 5))

    def f():
        np.random.seed(7)  # mesma máscara a cada chamada
        dropout.forward(x, training=True)
        return np.sum(dropout.output * G)

    f()
    dropout.backward(G)
    assert 0 < np.mean(dropout.mask == 0) < 1
    check(dropout.dinputs.copy(), f, x)


def test_gradiente_relu_longe_de_zero(rng):
    x = rng.standard_normal((6, 5))
    x[np.abs(x) < 0.01] = 0.5
    check_module(Activation_ReLU(), x, rng)


@pytest.mark.parametrize("activation", [Activation_Softmax, Activation_Sigmoid, Activation_Linear])
def test_gradiente_ativacoes(activation, rng):
    check_module(activation(), rng.standard_normal((6, 4)) * 2, rng)


def probabilities(rng, n=6, k=4):
    e = np.exp(rng.standard_normal((n, k)))
    return e / e.sum(axis=1, keepdims=True)


@pytest.mark.parametrize("one_hot", [False, True], ids=["indices", "one_hot"])
def test_gradiente_cce(one_hot, rng):
    probs = probabilities(rng)
    y = rng.integers(0, 4, size=6)
    if one_hot:
        y = np.eye(4)[y]
    loss = Loss_CategoricalCrossentropy()
    loss.backward(probs, y)
    check(loss.dinputs.copy(), lambda: loss.calculate(probs, y), probs)


@pytest.mark.parametrize("one_hot", [False, True], ids=["indices", "one_hot"])
def test_gradiente_softmax_cce_combinado(one_hot, rng):
    logits = rng.standard_normal((6, 4))
    y = rng.integers(0, 4, size=6)
    y_true = np.eye(4, dtype=int)[y] if one_hot else y
    combined = Activation_Softmax_Loss_CategoricalCrossentropy()
    combined.forward(logits, y_true)
    combined.backward(combined.output, y_true)
    check(combined.dinputs.copy(), lambda: combined.forward(logits, y_true), logits)


def test_combinado_igual_ao_encadeado(rng):
    logits = rng.standard_normal((8, 3))
    y = rng.integers(0, 3, size=8)
    combined = Activation_Softmax_Loss_CategoricalCrossentropy()
    combined.forward(logits, y)
    combined.backward(combined.output, y)
    softmax, loss = Activation_Softmax(), Loss_CategoricalCrossentropy()
    softmax.forward(logits)
    loss.backward(softmax.output, y)
    softmax.backward(loss.dinputs)
    np.testing.assert_allclose(combined.dinputs, softmax.dinputs, rtol=1e-10, atol=1e-14)


def test_gradiente_bce(rng):
    pred = rng.uniform(0.05, 0.95, size=(6, 3))
    y = rng.integers(0, 2, size=(6, 3))
    loss = Loss_BinaryCrossentropy()
    loss.backward(pred, y)
    check(loss.dinputs.copy(), lambda: loss.calculate(pred, y), pred)


def test_gradiente_mse(rng):
    pred, y = rng.standard_normal((6, 3)), rng.standard_normal((6, 3))
    loss = Loss_MeanSquaredError()
    loss.backward(pred, y)
    check(loss.dinputs.copy(), lambda: loss.calculate(pred, y), pred)


def test_gradiente_mae_longe_das_quinas(rng):
    y = rng.standard_normal((6, 3))
    pred = y + rng.choice([-1, 1], size=(6, 3)) * rng.uniform(0.1, 1, size=(6, 3))
    loss = Loss_MeanAbsoluteError()
    loss.backward(pred, y)
    check(loss.dinputs.copy(), lambda: loss.calculate(pred, y), pred)


def test_gradiente_rede_inteira(rng):
    """Dense → ReLU → Dense → Softmax+CCE: o gradiente do primeiro peso confere."""
    d1, relu, d2 = Layer_Dense(3, 5), Activation_ReLU(), Layer_Dense(5, 4)
    d1.weights, d2.weights = rng.standard_normal((3, 5)), rng.standard_normal((5, 4))
    x, y = rng.standard_normal((7, 3)), rng.integers(0, 4, size=7)
    head = Activation_Softmax_Loss_CategoricalCrossentropy()

    def f():
        d1.forward(x)
        relu.forward(d1.output)
        d2.forward(relu.output)
        return head.forward(d2.output, y)

    f()
    head.backward(head.output, y)
    d2.backward(head.dinputs)
    relu.backward(d2.dinputs)
    d1.backward(relu.dinputs)
    check(d1.dweights.copy(), f, d1.weights)
