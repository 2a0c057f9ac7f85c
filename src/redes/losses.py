"""Funções de perda: medem quão longe as previsões estão dos alvos.

Contrato: `forward(y_pred, y_true)` devolve a perda de cada amostra,
`calculate(output, y)` devolve a média, e `backward(dvalues, y_true)` guarda
`self.dinputs`, já dividido pelo número de amostras (porque a perda é uma média).
"""

import numpy as np

from . import _checks
from .activations import Activation_Softmax

# Recortamos probabilidades para [EPS, 1 - EPS]: log(0) seria -inf e a perda
# viraria inf (e o gradiente, divisão por zero). Com o recorte, a pior perda
# possível por amostra é -log(1e-7) ≈ 16.1, um número grande mas finito.
EPS = 1e-7


# --8<-- [start:Loss]
class Loss:
    """Base das perdas: média das perdas por amostra e custo de regularização.

    Cada perda do pacote é uma subclasse com o seu `forward` (perda de cada amostra)
    e o seu `backward`; a base sozinha não calcula perda nenhuma e diz isso num erro.
    """

    def forward(self, y_pred, y_true):
        _checks.base_class(self, Loss, "forward")

    def backward(self, dvalues, y_true):
        _checks.base_class(self, Loss, "backward")

    # --8<-- [start:Loss-calculate]
    def calculate(self, output, y):
        """Perda média do lote (um número), conferindo que é finita."""
        return _checks.mean_loss(self.forward(output, y), type(self).__name__)
    # --8<-- [end:Loss-calculate]

    def regularization_loss(self, layer):
        """Penalidade L1/L2 de uma camada (0 para camadas sem parâmetros)."""
        total = 0.0
        if getattr(layer, "weight_regularizer_l1", 0) > 0:
            total += layer.weight_regularizer_l1 * np.sum(np.abs(layer.weights))
        if getattr(layer, "weight_regularizer_l2", 0) > 0:
            total += layer.weight_regularizer_l2 * np.sum(layer.weights * layer.weights)
        if getattr(layer, "bias_regularizer_l1", 0) > 0:
            total += layer.bias_regularizer_l1 * np.sum(np.abs(layer.biases))
        if getattr(layer, "bias_regularizer_l2", 0) > 0:
            total += layer.bias_regularizer_l2 * np.sum(layer.biases * layer.biases)
        return total
# --8<-- [end:Loss]


# --8<-- [start:Loss_CategoricalCrossentropy]
class Loss_CategoricalCrossentropy(Loss):
    """Entropia cruzada categórica: -log(probabilidade prevista para a classe certa).

    `y_true` pode ser índices de classe, shape (n,), ou one-hot, shape (n, k).
    """

    # --8<-- [start:Loss_CategoricalCrossentropy-forward]
    def forward(self, y_pred, y_true):
        y_pred = _checks.predictions(y_pred, "Loss_CategoricalCrossentropy")
        y_true = _checks.class_labels(y_pred, y_true, "Loss_CategoricalCrossentropy")
        if y_true.ndim == 1:
            correct = y_pred[np.arange(len(y_pred)), y_true]
        else:
            correct = np.sum(y_pred * y_true.astype(y_pred.dtype), axis=1)
        return -np.log(correct.clip(EPS, 1 - EPS))  # finita: o recorte evita log(0)
    # --8<-- [end:Loss_CategoricalCrossentropy-forward]

    def backward(self, dvalues, y_true):
        dvalues = _checks.predictions(dvalues, "Loss_CategoricalCrossentropy")
        one_hot = _checks.one_hot_labels(dvalues, y_true, "Loss_CategoricalCrossentropy")
        # d(-log p)/dp = -1/p, só na classe certa; dividimos por n porque a perda é uma média.
        self.dinputs = -one_hot / np.clip(dvalues, EPS, 1 - EPS) / len(dvalues)
# --8<-- [end:Loss_CategoricalCrossentropy]


# --8<-- [start:Activation_Softmax_Loss_CategoricalCrossentropy]
class Activation_Softmax_Loss_CategoricalCrossentropy:
    """Softmax seguida de entropia cruzada, com o gradiente das duas de uma vez.

    Encadeando as derivadas, quase tudo se cancela e sobra (softmax - one_hot) / n:
    mais simples e mais rápido do que passar pelo jacobiano da softmax.
    """

    def __init__(self):
        self.activation = Activation_Softmax()
        self.loss = Loss_CategoricalCrossentropy()

    def forward(self, inputs, y_true):
        self.activation.forward(inputs)
        self.output = self.activation.output
        return self.loss.calculate(self.output, y_true)

    def backward(self, dvalues, y_true):
        who = "Activation_Softmax_Loss_CategoricalCrossentropy"
        dvalues = _checks.predictions(dvalues, who)
        one_hot = _checks.one_hot_labels(dvalues, y_true, who)  # índices viram linhas one-hot
        self.dinputs = dvalues - one_hot
        self.dinputs /= len(dvalues)
# --8<-- [end:Activation_Softmax_Loss_CategoricalCrossentropy]


# --8<-- [start:Loss_BinaryCrossentropy]
class Loss_BinaryCrossentropy(Loss):
    """Entropia cruzada binária, para saídas sigmoides (cada saída é um sim/não).

    As probabilidades são recortadas em [1e-7, 1 - 1e-7] pelo mesmo motivo da categórica.
    """

    def forward(self, y_pred, y_true):
        y_pred = _checks.predictions(y_pred, "Loss_BinaryCrossentropy")
        y_true = _checks.same_shape(y_pred, y_true, "Loss_BinaryCrossentropy")
        _checks.probabilities(y_true, "Loss_BinaryCrossentropy")
        p = np.clip(y_pred, EPS, 1 - EPS)
        return np.mean(-(y_true * np.log(p) + (1 - y_true) * np.log(1 - p)), axis=1)

    def backward(self, dvalues, y_true):
        dvalues = _checks.predictions(dvalues, "Loss_BinaryCrossentropy")
        y_true = _checks.same_shape(dvalues, y_true, "Loss_BinaryCrossentropy")
        _checks.probabilities(y_true, "Loss_BinaryCrossentropy")
        p = np.clip(dvalues, EPS, 1 - EPS)
        n_samples, n_outputs = dvalues.shape
        self.dinputs = -(y_true / p - (1 - y_true) / (1 - p)) / n_outputs / n_samples
# --8<-- [end:Loss_BinaryCrossentropy]


# --8<-- [start:Loss_MeanSquaredError]
class Loss_MeanSquaredError(Loss):
    """Erro quadrático médio (L2): média de (alvo - previsão)² em cada amostra."""

    def forward(self, y_pred, y_true):
        y_pred = _checks.predictions(y_pred, "Loss_MeanSquaredError")
        y_true = _checks.same_shape(y_pred, y_true, "Loss_MeanSquaredError")
        return _checks.sample_losses(np.mean((y_true - y_pred) ** 2, axis=-1), "Loss_MeanSquaredError")

    def backward(self, dvalues, y_true):
        dvalues = _checks.predictions(dvalues, "Loss_MeanSquaredError")
        y_true = _checks.same_shape(dvalues, y_true, "Loss_MeanSquaredError")
        n_samples, n_outputs = dvalues.shape
        self.dinputs = -2 * (y_true - dvalues) / n_outputs / n_samples
        _checks.finite(self.dinputs, "o gradiente", "Loss_MeanSquaredError")
# --8<-- [end:Loss_MeanSquaredError]


# --8<-- [start:Loss_MeanAbsoluteError]
class Loss_MeanAbsoluteError(Loss):
    """Erro absoluto médio (L1): média de |alvo - previsão| em cada amostra."""

    def forward(self, y_pred, y_true):
        y_pred = _checks.predictions(y_pred, "Loss_MeanAbsoluteError")
        y_true = _checks.same_shape(y_pred, y_true, "Loss_MeanAbsoluteError")
        return _checks.sample_losses(np.mean(np.abs(y_true - y_pred), axis=-1), "Loss_MeanAbsoluteError")

    def backward(self, dvalues, y_true):
        dvalues = _checks.predictions(dvalues, "Loss_MeanAbsoluteError")
        y_true = _checks.same_shape(dvalues, y_true, "Loss_MeanAbsoluteError")
        n_samples, n_outputs = dvalues.shape
        self.dinputs = np.sign(dvalues - y_true) / n_outputs / n_samples  # -1, 0 ou 1: sempre finito
# --8<-- [end:Loss_MeanAbsoluteError]
