"""Camadas: a camada densa (totalmente conectada) e o dropout."""

import numpy as np

from . import _checks


# --8<-- [start:Layer_Dense]
class Layer_Dense:
    """Camada densa: cada um dos `n_neurons` neurônios soma todas as entradas, com pesos.

    Os pesos começam como `0.01 * np.random.randn(n_inputs, n_neurons)`: valores
    pequenos e aleatórios. Aleatórios para que os neurônios não comecem iguais
    (iguais, receberiam o mesmo gradiente e continuariam iguais). A escala 0.01
    não é a melhor para toda rede, nem é o que deixa a softmax inicial quase
    uniforme (com 0.1 ela também fica): ela decide o tamanho do sinal e do
    gradiente através das camadas, e numa rede profunda pesos pequenos demais os
    encolhem a cada camada (veja as páginas "Camada densa" e "ReLU" do site).
    Os vieses começam em zero, com o mesmo dtype dos pesos (float32 após
    `nnfs.init()`).
    Os regularizadores L1/L2 só afetam o treino: somam termos à perda e ao gradiente.
    """

    def __init__(self, n_inputs, n_neurons, weight_regularizer_l1=0, weight_regularizer_l2=0,
                 bias_regularizer_l1=0, bias_regularizer_l2=0):
        n_inputs, n_neurons = _checks.layer_shape(n_inputs, n_neurons)
        self.weights = 0.01 * np.random.randn(n_inputs, n_neurons)
        self.biases = np.zeros((1, n_neurons), dtype=self.weights.dtype)
        self.weight_regularizer_l1 = _checks.non_negative(weight_regularizer_l1, "weight_regularizer_l1", "Layer_Dense")
        self.weight_regularizer_l2 = _checks.non_negative(weight_regularizer_l2, "weight_regularizer_l2", "Layer_Dense")
        self.bias_regularizer_l1 = _checks.non_negative(bias_regularizer_l1, "bias_regularizer_l1", "Layer_Dense")
        self.bias_regularizer_l2 = _checks.non_negative(bias_regularizer_l2, "bias_regularizer_l2", "Layer_Dense")

    @property
    def n_inputs(self):
        return self.weights.shape[0]

    @property
    def n_neurons(self):
        return self.weights.shape[1]

    # --8<-- [start:Layer_Dense-forward]
    def forward(self, inputs, training=False):
        self.inputs = _checks.batch(inputs, self.weights.shape[0], "Layer_Dense")
        self.output = self.inputs @ self.weights
        self.output += self.biases
        _checks.dense_output(self, self.inputs)
    # --8<-- [end:Layer_Dense-forward]

    # --8<-- [start:Layer_Dense-backward]
    def backward(self, dvalues):
        dvalues = _checks.gradient(self, dvalues, "Layer_Dense", check_values=False)
        self.dweights = self.inputs.T @ dvalues
        self.dbiases = dvalues.sum(axis=0, keepdims=True)
        # Derivadas das penalidades: L1 → l1 * sinal(w); L2 → 2 * l2 * w.
        if self.weight_regularizer_l1 > 0:
            self.dweights += self.weight_regularizer_l1 * np.sign(self.weights)
        if self.weight_regularizer_l2 > 0:
            self.dweights += 2 * self.weight_regularizer_l2 * self.weights
        if self.bias_regularizer_l1 > 0:
            self.dbiases += self.bias_regularizer_l1 * np.sign(self.biases)
        if self.bias_regularizer_l2 > 0:
            self.dbiases += 2 * self.bias_regularizer_l2 * self.biases
        self.dinputs = dvalues @ self.weights.T
        _checks.dense_gradient(self, dvalues)  # os três gradientes finitos (nada estourou)
    # --8<-- [end:Layer_Dense-backward]
# --8<-- [end:Layer_Dense]


# --8<-- [start:Layer_Dropout]
class Layer_Dropout:
    """Dropout invertido: no treino, zera ao acaso uma fração `rate` das entradas.

    As entradas que sobrevivem são divididas por (1 - rate), para que a soma
    esperada não mude; assim, na inferência (training=False) a camada é
    simplesmente a identidade, sem nenhuma correção.
    """

    def __init__(self, rate):
        self.rate = _checks.fraction(rate, "rate (fração descartada)", "Layer_Dropout")

    def forward(self, inputs, training=True):
        self.inputs = _checks.numeric(inputs, "Layer_Dropout")
        if not training or self.rate == 0:
            self.mask = None
            self.output = self.inputs.copy()
        else:
            keep = 1 - self.rate
            kept = np.random.random_sample(self.inputs.shape) < keep
            self.mask = kept.astype(self.inputs.dtype) / keep
            self.output = self.inputs * self.mask
        _checks.layer_output(self, "Layer_Dropout")  # NaN na entrada, ou estouro ao dividir por keep

    def backward(self, dvalues):
        # A máscara é constante: cada entrada passa o gradiente multiplicado por ela.
        dvalues = _checks.gradient(self, dvalues, "Layer_Dropout")
        self.dinputs = dvalues.copy() if self.mask is None else dvalues * self.mask
        _checks.backward_output(self, "Layer_Dropout")
# --8<-- [end:Layer_Dropout]
