"""Entradas ruins levantam ValueError com mensagem em português que nomeia o problema."""

import re

import numpy as np
import pytest

from redes import (Activation_ReLU, Activation_Softmax, Activation_Softmax_Loss_CategoricalCrossentropy,
                   Layer_Dense, Layer_Dropout, Loss_BinaryCrossentropy, Loss_CategoricalCrossentropy,
                   Loss_MeanSquaredError, Model, Optimizer_Adagrad, Optimizer_Adam, Optimizer_RMSprop,
                   Optimizer_SGD, accuracy)

PROBS = np.array([[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]])


def test_dense_numero_errado_de_features():
    layer = Layer_Dense(4, 2)
    with pytest.raises(ValueError, match=re.escape(
            "Layer_Dense: esperava 4 features (colunas), recebeu shape (3, 5).")):
        layer.forward(np.zeros((3, 5)))


def test_dense_entrada_1d_sugere_reshape():
    with pytest.raises(ValueError, match=r"lote 2-D.*shape \(4,\).*reshape\(1, -1\)"):
        Layer_Dense(4, 2).forward(np.zeros(4))


def test_dense_entrada_3d():
    with pytest.raises(ValueError, match=r"shape \(2, 3, 4\)"):
        Layer_Dense(4, 2).forward(np.zeros((2, 3, 4)))


def test_dense_entrada_nao_numerica():
    with pytest.raises(ValueError, match="numéricas"):
        Layer_Dense(2, 2).forward(np.array([["a", "b"]]))


@pytest.mark.filterwarnings("ignore:invalid value encountered")
@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_dense_nan_ou_inf_na_entrada(bad):
    x = np.ones((3, 4))
    x[1, 2] = bad
    layer = Layer_Dense(4, 2)
    layer.weights[2, 0] = 0.0  # inf * 0 ainda precisa ser detectado
    with pytest.raises(ValueError, match=r"a entrada contém NaN ou inf \(shape \(3, 4\)\)"):
        layer.forward(x)


def test_dense_pesos_divergiram():
    layer = Layer_Dense(2, 2)
    layer.weights[0, 0] = np.nan
    with pytest.raises(ValueError, match="pesos.*taxa de aprendizado"):
        layer.forward(np.ones((1, 2)))


@pytest.mark.parametrize("value", [0, -1, 2.5, True, "3", None])
def test_dense_n_inputs_e_n_neurons_invalidos(value):
    with pytest.raises(ValueError, match=rf"n_inputs deve ser um inteiro positivo, mas recebeu {re.escape(repr(value))}"):
        Layer_Dense(value, 3)
    with pytest.raises(ValueError, match="n_neurons deve ser um inteiro positivo"):
        Layer_Dense(3, value)


@pytest.mark.parametrize("name", ["weight_regularizer_l1", "weight_regularizer_l2",
                                  "bias_regularizer_l1", "bias_regularizer_l2"])
def test_regularizador_negativo(name):
    with pytest.raises(ValueError, match=rf"{name} deve ser um número ≥ 0, mas recebeu -0.1"):
        Layer_Dense(2, 2, **{name: -0.1})


@pytest.mark.parametrize("rate", [1, 1.5, -0.1, float("nan")])
def test_dropout_taxa_fora_de_0_1(rate):
    with pytest.raises(ValueError, match=r"Layer_Dropout: rate"):
        Layer_Dropout(rate)


def test_rotulos_fora_do_intervalo():
    with pytest.raises(ValueError, match=r"entre 0 e 2 \(há 3 classes\).*de 0 a 3"):
        Loss_CategoricalCrossentropy().calculate(PROBS, np.array([0, 3]))
    with pytest.raises(ValueError, match=r"de -1 a 1"):
        Loss_CategoricalCrossentropy().calculate(PROBS, np.array([-1, 1]))


def test_rotulos_com_tamanho_diferente_do_lote():
    with pytest.raises(ValueError, match=r"esperava 2 rótulos.*\(2, 3\).*shape \(3,\)"):
        Loss_CategoricalCrossentropy().calculate(PROBS, np.array([0, 1, 2]))


def test_rotulos_nao_inteiros():
    with pytest.raises(ValueError, match="inteiros.*float64"):
        Loss_CategoricalCrossentropy().calculate(PROBS, np.array([0.0, 1.5]))


def test_one_hot_com_shape_errado():
    with pytest.raises(ValueError, match=r"one-hot.*\(2, 3\).*\(2, 4\)"):
        Loss_CategoricalCrossentropy().calculate(PROBS, np.eye(4)[[0, 1]])


def test_combinado_valida_rotulos_no_backward():
    combined = Activation_Softmax_Loss_CategoricalCrossentropy()
    with pytest.raises(ValueError, match="de 0 a 5"):
        combined.backward(PROBS, np.array([0, 5]))


def test_combinado_confere_no_backward_rotulos_diferentes_dos_do_forward():
    # O backward pula a conferência só quando recebe os mesmos rótulos do forward,
    # para um lote do mesmo shape; qualquer outra coisa é conferida de novo.
    combined = Activation_Softmax_Loss_CategoricalCrossentropy()
    y = [0, 2]  # lista: o backward também aceita
    combined.forward(np.zeros((2, 3)), y)
    combined.backward(combined.output, y)
    np.testing.assert_allclose(combined.dinputs, (combined.output - np.eye(3)[[0, 2]]) / 2)
    with pytest.raises(ValueError, match="de -1 a 2"):
        combined.backward(combined.output, np.array([-1, 2]))
    with pytest.raises(ValueError, match=r"esperava 3 rótulos.*shape \(2,\)"):
        combined.backward(np.zeros((3, 3)), y)
    # Um forward que falha não deixa rótulos "conferidos" para o lote novo.
    with pytest.raises(ValueError, match="esperava 3 rótulos"):
        combined.forward(np.zeros((3, 3)), y)
    with pytest.raises(ValueError, match="esperava 3 rótulos"):
        combined.backward(combined.output, y)
    with pytest.raises(ValueError, match=r"rótulos numéricos.*dtype object"):
        Activation_Softmax_Loss_CategoricalCrossentropy().backward(np.zeros((2, 3)), None)


def test_previsoes_com_nan_ou_inf_na_perda():
    with pytest.raises(ValueError, match=r"Loss_CategoricalCrossentropy: as previsões contêm NaN ou inf \(shape \(1, 3\)\)"):
        Loss_CategoricalCrossentropy().calculate(np.array([[0.5, np.nan, 0.5]]), np.array([1]))
    with pytest.raises(ValueError, match="Loss_MeanSquaredError: as previsões contêm NaN ou inf"):
        Loss_MeanSquaredError().calculate(np.array([[np.inf]]), np.array([[1.0]]))


def test_regressao_com_alvo_1d_sugere_reshape():
    with pytest.raises(ValueError, match=r"\(4, 1\).*\(4,\).*reshape\(-1, 1\)"):
        Loss_MeanSquaredError().calculate(np.zeros((4, 1)), np.zeros(4))
    with pytest.raises(ValueError, match=r"\(2, 3\).*\(2, 2\)"):
        Loss_BinaryCrossentropy().calculate(np.full((2, 3), 0.5), np.zeros((2, 2)))


def test_accuracy_shapes_que_nao_combinam():
    with pytest.raises(ValueError, match=r"\(2,\).*\(3,\)"):
        accuracy(PROBS, np.array([0, 1, 2]))


@pytest.mark.parametrize("optimizer", [Optimizer_SGD, Optimizer_Adagrad, Optimizer_RMSprop, Optimizer_Adam])
def test_otimizador_taxa_ou_decaimento_negativos(optimizer):
    with pytest.raises(ValueError, match=rf"{optimizer.__name__}: learning_rate deve ser um número ≥ 0, mas recebeu -0.1"):
        optimizer(learning_rate=-0.1)
    with pytest.raises(ValueError, match=r"decay deve ser um número ≥ 0, mas recebeu -1"):
        optimizer(decay=-1)


def test_otimizador_hiperparametros_fora_do_intervalo():
    with pytest.raises(ValueError, match="momentum.*1.5"):
        Optimizer_SGD(momentum=1.5)
    with pytest.raises(ValueError, match=r"rho deve estar no intervalo \[0, 1\)"):
        Optimizer_RMSprop(rho=1.0)
    with pytest.raises(ValueError, match="beta_2"):
        Optimizer_Adam(beta_2=2)
    with pytest.raises(ValueError, match=r"epsilon deve estar no intervalo \(0, 1\)"):
        Optimizer_Adam(epsilon=0)


def test_model_camadas_que_nao_encaixam():
    model = Model()
    for layer in (Layer_Dense(2, 64), Activation_ReLU(), Layer_Dense(32, 3), Activation_Softmax()):
        model.add(layer)
    model.set(loss=Loss_CategoricalCrossentropy(), optimizer=Optimizer_Adam())
    with pytest.raises(ValueError, match=r"\(2, 64\).*64 saídas.*\(32, 3\).*32 entradas"):
        model.finalize()


def test_model_sem_camadas_ou_sem_perda():
    with pytest.raises(ValueError, match="nenhuma camada"):
        Model().finalize()
    model = Model()
    model.add(Layer_Dense(2, 2))
    model.add(Activation_Softmax())
    with pytest.raises(ValueError, match="perda"):
        model.finalize()


def test_model_x_e_y_com_tamanhos_diferentes():
    model = Model()
    model.add(Layer_Dense(2, 3))
    model.add(Activation_Softmax())
    model.set(loss=Loss_CategoricalCrossentropy(), optimizer=Optimizer_SGD())
    with pytest.raises(ValueError, match=r"X tem shape \(5, 2\) mas y tem shape \(4,\)"):
        model.train(np.zeros((5, 2)), np.zeros(4, dtype=int))
    with pytest.raises(ValueError, match="batch_size"):
        model.train(np.zeros((4, 2)), np.zeros(4, dtype=int), batch_size=0, print_every=0)


def test_softmax_rejeita_1d_e_nan_e_aceita_lista():
    from redes import Activation_Softmax

    s = Activation_Softmax()
    with pytest.raises(ValueError, match=r"2-D.*shape \(3,\)"):
        s.forward(np.array([1.0, 2.0, 3.0]))
    with pytest.raises(ValueError, match="NaN ou inf"):
        s.forward(np.array([[1.0, np.nan, 2.0]]))
    with pytest.raises(ValueError, match="Activation_Softmax espera entradas numéricas.*dtype <U1"):
        s.forward([["a", "b"]])
    s.forward([[1, 2, 3]])
    np.testing.assert_allclose(s.output, [[0.09003057, 0.24472847, 0.66524096]], rtol=1e-7)


def test_accuracy_aceita_previsoes_coluna_com_rotulos_1d():
    from redes import accuracy

    assert accuracy(np.array([[1], [0], [1]]), np.array([1, 1, 1])) == pytest.approx(2 / 3)


@pytest.mark.parametrize("activation", ["Activation_ReLU", "Activation_Sigmoid", "Activation_Linear"])
def test_ativacoes_aceitam_lista_e_rejeitam_texto(activation):
    import redes

    layer = getattr(redes, activation)()
    layer.forward([[0.5, -2.0]])
    assert isinstance(layer.output, np.ndarray) and layer.output.shape == (1, 2)
    layer.backward([[1.0, 1.0]])
    assert isinstance(layer.dinputs, np.ndarray) and layer.dinputs.shape == (1, 2)
    with pytest.raises(ValueError, match=f"{activation} espera entradas numéricas, mas recebeu dtype <U1"):
        layer.forward([["a", "b"]])
