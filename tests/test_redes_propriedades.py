"""Propriedades (hypothesis): toda classe e função pública de `redes` cumpre o contrato.

Para entradas geradas (shapes, dtypes int/uint/bool/float16/32/64/complex/object/str,
valores NaN, inf, 1e300, 0 amostras, e ordens de chamada), cada chamada pública:
  - devolve (ou guarda) um resultado finito, com o shape e o dtype documentados; ou
  - levanta ValueError com mensagem em português que nomeia o shape ou o valor.
Nenhum outro tipo de exceção pode escapar.

Perfis: "redes-ci" (padrão, poucos exemplos, para `make test`) e "redes-fuzz"
(muitos exemplos, `make fuzz`), escolhidos pela variável REDES_HYPOTHESIS.
"""

import inspect
import os
import re
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import redes
from redes import (Activation_Linear, Activation_ReLU, Activation_Sigmoid, Activation_Softmax,
                   Activation_Softmax_Loss_CategoricalCrossentropy, Layer_Dense, Layer_Dropout, Loss,
                   Loss_BinaryCrossentropy, Loss_CategoricalCrossentropy, Loss_MeanAbsoluteError,
                   Loss_MeanSquaredError, Model, Optimizer, Optimizer_Adagrad, Optimizer_Adam,
                   Optimizer_RMSprop, Optimizer_SGD, accuracy, accuracy_regression)

_comum = dict(deadline=None, derandomize=False, print_blob=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture])
settings.register_profile("redes-ci", max_examples=30, **_comum)
settings.register_profile("redes-fuzz", max_examples=3000, **_comum)
PERFIL = settings.get_profile(os.environ.get("REDES_HYPOTHESIS", "redes-ci"))

pytestmark = pytest.mark.filterwarnings("ignore::RuntimeWarning", "ignore::numpy.exceptions.ComplexWarning")

# Palavras que toda mensagem de erro em português de `redes` usa, e pistas de que
# ela nomeia o problema (um shape, um dtype, o valor recebido...).
PORTUGUES = re.compile(r"\b(deve|devem|espera|esperava|recebeu|contém|contêm|não|chame|mas|estourou|daria|antes|nenhuma|defina)\b")
NOMEIA = re.compile(r"shape|dtype|recebeu|NaN|inf|linha|valores|forward|finalize|amostras|camada|vazio|'|\(")

LAYERS = [Activation_ReLU, Activation_Sigmoid, Activation_Linear, Activation_Softmax]
# As bases Loss e Optimizer entram como as outras: toda chamada que precisaria de uma
# subclasse (forward, backward, calculate, update_params) dá ValueError em português.
LOSSES = [Loss_CategoricalCrossentropy, Loss_BinaryCrossentropy, Loss_MeanSquaredError, Loss_MeanAbsoluteError, Loss]
OPTIMIZERS = [Optimizer_SGD, Optimizer_Adagrad, Optimizer_RMSprop, Optimizer_Adam, Optimizer]
DTYPES = [np.float64, np.float64, np.float32, np.float16, np.int64, np.int8, np.uint8, np.uint64,
          np.bool_, np.complex128, object, str]
SPECIAL = [0.0, 1.0, -1.0, 0.5, 2.0, 3.0, np.nan, np.inf, -np.inf, 1e300, -1e300, 1.5e308, -1.5e308, 1e-300, 65504.0]


def check(function, *args, **kwargs):
    """Chama; devolve (True, resultado) ou (False, None) se foi um ValueError bem escrito."""
    try:
        return True, function(*args, **kwargs)
    except ValueError as error:
        message = str(error)
        assert PORTUGUES.search(message), f"mensagem sem português: {message!r}"
        assert NOMEIA.search(message), f"mensagem não nomeia o problema: {message!r}"
        return False, None


def finite(array, kinds="f"):
    array = np.asarray(array)
    assert array.dtype.kind in kinds, array.dtype
    assert np.isfinite(array).all(), array


@st.composite
def values(draw, shape, nice=False):
    """Um array do shape pedido: às vezes bem-comportado, às vezes com NaN/inf/1e300 e dtype estranho."""
    elements = st.floats(-5, 5) if nice else st.one_of(st.floats(-5, 5), st.sampled_from(SPECIAL))
    flat = draw(st.lists(elements, min_size=int(np.prod(shape)), max_size=int(np.prod(shape))))
    array = np.array(flat, dtype=np.float64).reshape(shape)
    dtype = np.float64 if nice else draw(st.sampled_from(DTYPES))
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        array = array.astype(dtype)
    return array.tolist() if draw(st.booleans()) and array.dtype != object and array.size < 6 else array


def shapes(rows=None, cols=None):
    side = st.integers(0, 4)
    exact = st.tuples(st.just(rows) if rows is not None else side, st.just(cols) if cols is not None else side)
    return st.one_of(exact, exact, st.lists(side, max_size=3).map(tuple))


@st.composite
def inputs(draw, rows=None, cols=None):
    return draw(values(draw(shapes(rows, cols)), nice=draw(st.booleans())))


@st.composite
def hyper(draw):
    return draw(st.one_of(st.floats(0, 0.99), st.sampled_from(SPECIAL), st.integers(-2, 3),
                          st.just(10**400), st.booleans(), st.just("0.1"), st.none()))


# ---------- camadas e ativações: forward, backward e predictions em qualquer ordem ----------

@PERFIL
@given(st.sampled_from(LAYERS + ["dense", "dropout"]), st.integers(1, 4), st.integers(1, 4), st.data())
def test_prop_camadas(kind, n_in, n_out, data):
    if kind == "dense":
        layer = Layer_Dense(n_in, n_out)
    elif kind == "dropout":
        ok, layer = check(Layer_Dropout, data.draw(hyper()))
        if not ok:
            return
    else:
        layer = kind()
    n = data.draw(st.integers(0, 4))
    for step in data.draw(st.lists(st.sampled_from(["forward", "backward", "predictions"]), min_size=1, max_size=4)):
        if step == "forward":
            x = data.draw(inputs(n, n_in))
            ok, _ = check(layer.forward, x, training=data.draw(st.booleans()))
            if ok:
                x = np.asarray(x)
                expected = (len(x), n_out) if kind == "dense" else x.shape
                assert layer.output.shape == expected
                finite(layer.output, "biuf")
                if kind in (Activation_Sigmoid, Activation_Softmax):
                    assert layer.output.dtype.kind == "f" and ((layer.output >= 0) & (layer.output <= 1)).all()
        elif step == "backward":
            out_shape = getattr(getattr(layer, "output", None), "shape", (n, n_out))
            dvalues = data.draw(inputs(*out_shape) if len(out_shape) == 2 else values(out_shape))
            ok, _ = check(layer.backward, dvalues)
            if ok:
                assert layer.dinputs.shape == np.shape(layer.inputs)
                finite(layer.dinputs, "biuf")
                if kind == "dense":
                    assert layer.dweights.shape == layer.weights.shape and layer.dbiases.shape == layer.biases.shape
                    finite(layer.dweights, "biuf")
                    finite(layer.dbiases, "biuf")
        elif hasattr(layer, "predictions"):
            outputs = data.draw(inputs(n, n_out))
            ok, result = check(layer.predictions, outputs)
            if ok:
                finite(result, "biuf")
                if kind is Activation_Softmax:
                    assert result.shape == (len(outputs),)


@PERFIL
@given(st.data())
def test_prop_construtores(data):
    check(Layer_Dense, data.draw(st.one_of(st.integers(-1, 3), hyper())), data.draw(st.one_of(st.integers(1, 3), hyper())),
          weight_regularizer_l1=data.draw(hyper()), bias_regularizer_l2=data.draw(hyper()))
    for cls in OPTIMIZERS:
        check(cls, learning_rate=data.draw(hyper()), decay=data.draw(hyper()))
    check(Optimizer_Adam, epsilon=data.draw(hyper()), beta_1=data.draw(hyper()), beta_2=data.draw(hyper()))
    check(Optimizer_SGD, momentum=data.draw(hyper()))
    check(Optimizer_RMSprop, rho=data.draw(hyper()))


# ---------- perdas e métricas ----------

@PERFIL
@given(st.sampled_from(LOSSES + ["combinado"]), st.integers(0, 4), st.integers(1, 4), st.data())
def test_prop_perdas(kind, n, k, data):
    loss = Activation_Softmax_Loss_CategoricalCrossentropy() if kind == "combinado" else kind()
    y_pred = data.draw(inputs(n, k))
    labels = st.one_of(values((n,), nice=True).map(lambda v: np.abs(np.asarray(v)).astype(int) % k),
                       st.just(np.eye(k, dtype=int)[np.arange(n) % k]))
    y_true = data.draw(st.one_of(labels, inputs(n, k), values((n,)),
                                 values((n, k), nice=True).map(lambda v: (np.asarray(v) > 0).astype(float))))
    if kind == "combinado":
        ok, value = check(loss.forward, y_pred, y_true)
    else:
        ok, value = check(loss.calculate, y_pred, y_true)
        per_sample_ok, per_sample = check(loss.forward, y_pred, y_true)
        if per_sample_ok:
            assert per_sample.shape == (np.shape(y_pred)[0],)
            finite(per_sample)
    if ok:
        assert isinstance(float(value), float) and np.isfinite(value) and value >= 0
    dvalues = loss.output if kind == "combinado" and ok else y_pred
    ok, _ = check(loss.backward, dvalues, y_true)
    if ok:
        assert loss.dinputs.shape == np.shape(dvalues)
        finite(loss.dinputs)
    if hasattr(loss, "regularization_loss"):
        check(loss.regularization_loss, Layer_Dense(1, 1))


@PERFIL
@given(st.integers(0, 4), st.integers(1, 4), st.data())
def test_prop_metricas(n, k, data):
    y_pred = data.draw(st.one_of(inputs(n, k), values((n,))))
    y_true = data.draw(st.one_of(values((n,)), inputs(n, k),
                                 values((n,), nice=True).map(lambda v: np.abs(np.asarray(v)).astype(int) % k)))
    ok, result = check(accuracy, y_pred, y_true)
    if ok:
        assert isinstance(result, float) and 0 <= result <= 1
    precision = data.draw(st.one_of(st.none(), hyper()))
    ok, result = check(accuracy_regression, y_pred, y_true, precision)
    if ok:
        assert isinstance(result, float) and 0 <= result <= 1


# ---------- otimizadores ----------

@PERFIL
@given(st.sampled_from(OPTIMIZERS), st.data())
def test_prop_otimizadores(cls, data):
    ok, optimizer = check(cls, learning_rate=data.draw(st.one_of(st.floats(0, 1), hyper())))
    if not ok:
        return
    layer = data.draw(st.sampled_from([Layer_Dense(2, 3), Activation_ReLU()]))
    if data.draw(st.booleans()) and isinstance(layer, Layer_Dense):
        layer.forward(np.ones((2, 2)))
        layer.backward(np.ones((2, 3)) * data.draw(st.sampled_from([1.0, 1e300, -1e300])))
    for _ in range(data.draw(st.integers(1, 3))):
        optimizer.pre_update_params()
        ok, _ = check(optimizer.update_params, layer)
        optimizer.post_update_params()
        if ok:
            finite(layer.weights)
            finite(layer.biases)


# ---------- Model: montagem, treino, avaliação, previsão, salvar e carregar ----------

@PERFIL
@given(st.data())
def test_prop_model(tmp_path, data):
    model = Model()
    n_in, hidden, n_out = data.draw(st.integers(1, 3)), data.draw(st.integers(1, 4)), data.draw(st.integers(1, 3))
    last = data.draw(st.sampled_from([Activation_Softmax, Activation_Sigmoid, Activation_Linear, Activation_ReLU]))
    for layer in data.draw(st.sampled_from([
            [Layer_Dense(n_in, hidden), Activation_ReLU(), Layer_Dense(hidden, n_out), last()],
            [Layer_Dense(n_in, n_out), Layer_Dropout(0.2), last()],
            [Layer_Dense(n_in, n_out)], [], [Layer_Dense(n_in, hidden), Layer_Dense(n_out + 5, n_out), last()]])):
        model.add(layer)
    ok, _ = check(model.set, loss=data.draw(st.one_of(st.sampled_from(LOSSES).map(lambda cls: cls()), st.just("x"))),
                  optimizer=data.draw(st.sampled_from([Optimizer_SGD(0.1), Optimizer_Adam(0.01), Optimizer(0.1),
                                                       None, "adam"])))
    n = data.draw(st.integers(0, 5))
    X = data.draw(inputs(n, n_in))
    y = data.draw(st.one_of(values((n,), nice=True).map(lambda v: np.abs(np.asarray(v)).astype(int) % n_out),
                            values((n, n_out), nice=True).map(lambda v: (np.asarray(v) > 0).astype(float)), inputs(n, n_out)))
    batch_size = data.draw(st.one_of(st.none(), st.integers(1, 3), hyper()))
    validation = data.draw(st.sampled_from([None, (X, y), (X,), "xy"]))
    for step in data.draw(st.lists(st.sampled_from(["train", "evaluate", "predict", "save", "finalize"]),
                                   min_size=1, max_size=3)):
        if step == "train":
            ok, history = check(model.train, X, y, epochs=data.draw(st.sampled_from([1, 2, 0, -1, 1.5, "2", None, True])),
                                batch_size=batch_size, validation_data=validation, print_every=0)
            if ok:
                for key, series in history.items():
                    assert all(np.isfinite(series)), key
                assert all(0 <= a <= 1 for a in history["accuracy"])
        elif step == "evaluate":
            ok, result = check(model.evaluate, X, y, batch_size=batch_size)
            if ok:
                loss, acc = result
                assert np.isfinite(loss) and loss >= 0 and 0 <= acc <= 1
        elif step == "predict":
            ok, result = check(model.predict, X, batch_size=batch_size)
            if ok:
                assert result.shape[0] == len(np.asarray(X))
                finite(result, "biuf")
        elif step == "finalize":
            check(model.finalize)
        else:
            path = tmp_path / data.draw(st.sampled_from(["m", "m.npz", "sub/m"]))
            ok, _ = check(model.save, path)
            if ok:
                loaded_ok, again = check(Model.load, path)
                assert loaded_ok
                params_ok, _ = check(model.load_parameters, path)
                assert params_ok
                assert check(model.save_parameters, tmp_path / "p.npz")[0]


def test_api_publica_coberta():
    # Se alguém acrescentar uma classe ou função pública, ela precisa entrar aqui: o
    # conjunto abaixo é o que os testes de propriedade de fato chamam.
    exercised = {cls.__name__ for cls in LAYERS + LOSSES + OPTIMIZERS} | {
        "Layer_Dense", "Layer_Dropout",                      # test_prop_camadas ("dense", "dropout")
        "Activation_Softmax_Loss_CategoricalCrossentropy",   # test_prop_perdas ("combinado")
        "accuracy", "accuracy_regression", "Model"}          # test_prop_metricas, test_prop_model
    public = {name for name, obj in vars(redes).items()
              if not name.startswith("_") and (inspect.isclass(obj) or inspect.isfunction(obj))}
    assert public == set(redes.__all__)
    assert public == exercised


@pytest.mark.parametrize("call", [
    lambda: Loss().calculate(np.full((2, 3), 1 / 3), [0, 1]),
    lambda: Loss().forward(np.full((2, 3), 1 / 3), [0, 1]),
    lambda: Loss().backward(np.full((2, 3), 1 / 3), [0, 1]),
], ids=["calculate", "forward", "backward"])
def test_base_loss_diz_quais_subclasses_usar(call):
    # Antes: AttributeError ('Loss' object has no attribute 'forward').
    with pytest.raises(ValueError, match=r"Loss\.\w+: Loss é só a classe base .*Loss_CategoricalCrossentropy"):
        call()
    assert Loss().regularization_loss(Layer_Dense(2, 2, weight_regularizer_l2=0.5)) > 0


def test_base_optimizer_diz_quais_subclasses_usar():
    layer = Layer_Dense(2, 3)
    layer.forward(np.ones((4, 2)))
    layer.backward(np.ones((4, 3)))
    before = layer.weights.copy()
    optimizer = Optimizer(learning_rate=0.1)
    optimizer.pre_update_params()
    with pytest.raises(ValueError, match=r"Optimizer\.update: Optimizer é só a classe base .*Optimizer_Adam"):
        optimizer.update_params(layer)
    np.testing.assert_array_equal(layer.weights, before)  # nada mudou


def test_model_nao_salva_a_base_loss(tmp_path):
    model = Model()
    model.add(Layer_Dense(2, 2))
    model.add(Activation_Linear())
    model.set(loss=Loss(), optimizer=Optimizer_SGD())
    with pytest.raises(ValueError, match="não sei salvar a perda Loss"):
        model.save(tmp_path / "m.npz")
    assert not (tmp_path / "m.npz").exists()
    model.save_parameters(tmp_path / "p.npz")  # só os pesos: a perda não importa
