"""float32 continua float32 e float64 continua float64, com e sem nnfs.init().

nnfs.init() altera o NumPy globalmente (np.dot, np.random.randn, np.zeros e a
semente), então os testes que o chamam rodam num subprocesso separado.
"""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from redes import (Activation_ReLU, Activation_Sigmoid, Activation_Softmax,
                   Activation_Softmax_Loss_CategoricalCrossentropy, Layer_Dense, Layer_Dropout,
                   Loss_BinaryCrossentropy, Loss_CategoricalCrossentropy, Loss_MeanAbsoluteError,
                   Loss_MeanSquaredError, Optimizer_Adagrad, Optimizer_Adam, Optimizer_RMSprop, Optimizer_SGD)

SRC = str(Path(__file__).resolve().parents[1] / "src")


def run_python(code):
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


OPTIMIZERS = [Optimizer_SGD(0.1, momentum=0.9), Optimizer_Adagrad(), Optimizer_RMSprop(), Optimizer_Adam(decay=1e-3)]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("optimizer", OPTIMIZERS, ids=lambda o: type(o).__name__)
def test_dtype_preservado_no_forward_backward_e_update(dtype, optimizer):
    np.random.seed(0)
    d1 = Layer_Dense(3, 8, weight_regularizer_l1=1e-4, weight_regularizer_l2=1e-4,
                     bias_regularizer_l1=1e-4, bias_regularizer_l2=1e-4)
    relu, drop, d2 = Activation_ReLU(), Layer_Dropout(0.2), Layer_Dense(8, 4)
    for layer in (d1, d2):
        layer.weights, layer.biases = layer.weights.astype(dtype), layer.biases.astype(dtype)
    head = Activation_Softmax_Loss_CategoricalCrossentropy()
    X, y = np.random.randn(10, 3).astype(dtype), np.random.randint(0, 4, 10)
    d1.forward(X)
    relu.forward(d1.output)
    drop.forward(relu.output)
    d2.forward(drop.output)
    loss = head.forward(d2.output, y)
    head.backward(head.output, y)
    d2.backward(head.dinputs)
    drop.backward(d2.dinputs)
    relu.backward(drop.dinputs)
    d1.backward(relu.dinputs)
    for _ in range(3):
        optimizer.pre_update_params()
        optimizer.update_params(d1)
        optimizer.update_params(d2)
        optimizer.post_update_params()
    arrays = [d1.output, relu.output, drop.output, d2.output, head.output, head.dinputs, d2.dinputs,
              drop.dinputs, relu.dinputs, d1.dinputs, d1.dweights, d1.dbiases, d1.weights, d1.biases,
              d2.weights, d2.biases, loss]
    assert [np.asarray(a).dtype for a in arrays] == [np.dtype(dtype)] * len(arrays)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtype_preservado_nas_perdas_e_ativacoes(dtype):
    x = np.random.randn(5, 3).astype(dtype)
    for activation in (Activation_Softmax(), Activation_Sigmoid()):
        activation.forward(x)
        activation.backward(x)
        assert activation.output.dtype == dtype and activation.dinputs.dtype == dtype
    probs = np.full((5, 3), 1 / 3, dtype=dtype)
    y_int, y_bin = np.array([0, 1, 2, 0, 1]), np.array(np.random.rand(5, 3) > 0.5, dtype=np.int64)
    cases = [(Loss_CategoricalCrossentropy(), y_int), (Loss_CategoricalCrossentropy(), np.eye(3, dtype=np.int64)[y_int]),
             (Loss_BinaryCrossentropy(), y_bin), (Loss_MeanSquaredError(), y_bin.astype(np.float64)),
             (Loss_MeanAbsoluteError(), y_bin.astype(np.float64))]
    for loss, y in cases:
        assert np.asarray(loss.calculate(probs, y)).dtype == dtype, type(loss).__name__
        loss.backward(probs, y)
        assert loss.dinputs.dtype == dtype, type(loss).__name__


def test_com_nnfs_init_tudo_em_float32_e_treina():
    out = run_python("""
        import nnfs, numpy as np
        nnfs.init()
        from nnfs.datasets import spiral_data
        from redes import *
        X, y = spiral_data(samples=100, classes=3)
        assert X.dtype == np.float32
        d1, relu, d2 = Layer_Dense(2, 64), Activation_ReLU(), Layer_Dense(64, 3)
        head = Activation_Softmax_Loss_CategoricalCrossentropy()
        opt = Optimizer_Adam(learning_rate=0.05, decay=5e-7)
        for epoch in range(1001):
            d1.forward(X); relu.forward(d1.output); d2.forward(relu.output)
            loss = head.forward(d2.output, y)
            if epoch == 0:
                first = loss
            head.backward(head.output, y); d2.backward(head.dinputs)
            relu.backward(d2.dinputs); d1.backward(relu.dinputs)
            opt.pre_update_params(); opt.update_params(d1); opt.update_params(d2); opt.post_update_params()
        dts = {a.dtype for a in (d1.weights, d1.biases, d1.output, d2.output, head.output, head.dinputs,
                                  d1.dweights, d1.dinputs, d2.weights, d2.biases, np.asarray(loss))}
        assert dts == {np.dtype(np.float32)}, dts
        print(float(first), float(loss), accuracy(head.output, y))
    """)
    first, last, acc = map(float, out.split())
    assert first == pytest.approx(1.0986, abs=1e-3)
    assert last < 0.5 and acc > 0.8


def test_com_nnfs_init_model_float32_salva_e_carrega(tmp_path):
    run_python(f"""
        import nnfs, numpy as np
        nnfs.init()
        from nnfs.datasets import spiral_data
        from redes import *
        X, y = spiral_data(samples=50, classes=3)
        model = Model()
        for layer in (Layer_Dense(2, 16), Activation_ReLU(), Layer_Dense(16, 3), Activation_Softmax()):
            model.add(layer)
        model.set(loss=Loss_CategoricalCrossentropy(), optimizer=Optimizer_Adam(learning_rate=0.02))
        model.train(X, y, epochs=50, batch_size=32, print_every=0)
        assert model.predict(X).dtype == np.float32
        model.save({str(tmp_path / 'm.npz')!r})
        again = Model.load({str(tmp_path / 'm.npz')!r})
        assert again.layers[0].weights.dtype == np.float32
        assert np.array_equal(again.predict(X), model.predict(X))
    """)
