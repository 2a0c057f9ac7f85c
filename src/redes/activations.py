"""Funções de ativação: ReLU, Softmax, Sigmoid e Linear.

Todas seguem o mesmo contrato: `forward(inputs)` guarda `self.output`,
`backward(dvalues)` guarda `self.dinputs` e `predictions(outputs)` converte
as saídas da rede em previsões (classes ou valores).
"""

import numpy as np

from . import _checks


# np.maximum(x, zeros), com dois arrays, dá o mesmo resultado que np.maximum(x, 0), mas
# o NumPy só usa as instruções vetoriais da CPU quando os dois operandos são arrays:
# com o escalar 0 a ReLU ficava umas 4 vezes mais lenta (medido com NumPy 2.4). Os arrays
# de zeros ficam guardados aqui, só para leitura, um por shape e dtype (os 4 mais recentes,
# e só os de até 2²⁰ números: num array maior, criar os zeros custa pouco perto da conta).
_ZEROS = {}


def _zeros_like(array):
    """Zeros (só leitura) com o shape e o dtype de `array`; para inteiros e bool, o escalar 0."""
    if array.dtype.kind != "f":
        return 0  # o dtype da saída continua o de np.maximum(x, 0) (bool vira inteiro)
    if array.size > 1 << 20:
        return np.zeros(array.shape, array.dtype)
    key = (array.shape, array.dtype)
    zeros = _ZEROS.pop(key, None)
    if zeros is None:
        zeros = np.zeros(array.shape, array.dtype)
        zeros.flags.writeable = False
    _ZEROS[key] = zeros  # reinserido no fim: o mais recente
    if len(_ZEROS) > 4:
        del _ZEROS[next(iter(_ZEROS))]
    return zeros


# --8<-- [start:Activation_ReLU]
class Activation_ReLU:
    """ReLU: max(0, x). Deixa passar o que é positivo e zera o resto."""

    def forward(self, inputs, training=False):
        self.inputs = _checks.numeric(inputs, "Activation_ReLU")
        self.output = np.maximum(self.inputs, _zeros_like(self.inputs))  # max(x, 0), mais rápido
        _checks.layer_output(self, "Activation_ReLU")  # NaN e inf passariam direto

    def backward(self, dvalues):
        # A derivada é 1 onde a entrada foi positiva e 0 no resto: montamos essa
        # máscara de 1s e 0s no dtype de dvalues (mais rápido do que deixar o NumPy
        # misturar bool com float) e a multiplicamos por dvalues no lugar.
        dvalues = _checks.gradient(self, dvalues, "Activation_ReLU")
        self.dinputs = (self.inputs > 0).astype(dvalues.dtype)
        self.dinputs *= dvalues

    def predictions(self, outputs):
        return _checks.outputs(outputs, "Activation_ReLU")
# --8<-- [end:Activation_ReLU]


# --8<-- [start:Activation_Softmax]
class Activation_Softmax:
    """Softmax: transforma cada linha em probabilidades (positivas, somando 1).

    Subtraímos o máximo de cada linha antes da exponencial: o resultado é o
    mesmo (a constante se cancela na divisão), mas exp nunca recebe número
    positivo, então não estoura nem com entradas da ordem de 1e4.

    A conta é feita numa cópia transposta, com uma linha por classe: o máximo e
    a soma de cada amostra viram operações entre linhas inteiras, o que no NumPy
    é bem mais rápido do que reduzir muitas linhas curtas (3 classes, por exemplo).
    """

    # --8<-- [start:Activation_Softmax-forward]
    def forward(self, inputs, training=False):
        self.inputs = inputs = _checks.scores(inputs, "Activation_Softmax")
        dtype = inputs.dtype if inputs.dtype.kind == "f" else np.float64
        exps = np.array(inputs.T, dtype=dtype, order="C")  # shape (classes, amostras)
        exps -= exps.max(axis=0)
        np.exp(exps, out=exps)
        exps /= exps.sum(axis=0)
        self.output = exps.T.copy()  # de volta a (amostras, classes)
        _checks.softmax_output(self, "Activation_Softmax")
    # --8<-- [end:Activation_Softmax-forward]

    # --8<-- [start:Activation_Softmax-backward]
    def backward(self, dvalues):
        # Jacobiano de uma linha: J = diag(s) - s sᵀ. Então J·d = s * (d - s·d),
        # e calculamos isso para o lote inteiro sem montar matriz nenhuma.
        dvalues = _checks.gradient(self, dvalues, "Activation_Softmax")
        s = self.output
        self.dinputs = s * (dvalues - (dvalues * s).sum(axis=1, keepdims=True))
        _checks.backward_output(self, "Activation_Softmax")  # a soma pode estourar
    # --8<-- [end:Activation_Softmax-backward]

    def predictions(self, outputs):
        return _checks.scores(outputs, "Activation_Softmax").argmax(axis=1)
# --8<-- [end:Activation_Softmax]


# --8<-- [start:Activation_Sigmoid]
class Activation_Sigmoid:
    """Sigmoide: 1 / (1 + e^-x), uma probabilidade independente por saída.

    Para não estourar com |x| grande, usamos sempre e^-|x| (que fica em (0, 1]):
    para x ≥ 0, σ(x) = 1 / (1 + e^-|x|); para x < 0, σ(x) = e^-|x| / (1 + e^-|x|).
    """

    def forward(self, inputs, training=False):
        self.inputs = inputs = _checks.floats(inputs, "Activation_Sigmoid")  # -|x| de um uint daria a volta
        z = np.exp(-np.abs(inputs))
        self.output = np.where(inputs >= 0, 1, z) / (1 + z)
        _checks.layer_output(self, "Activation_Sigmoid")  # σ(NaN) é NaN

    def backward(self, dvalues):
        dvalues = _checks.gradient(self, dvalues, "Activation_Sigmoid")
        s = self.output
        self.dinputs = dvalues * s * (1 - s)

    def predictions(self, outputs):
        return (_checks.outputs(outputs, "Activation_Sigmoid") > 0.5) * 1
# --8<-- [end:Activation_Sigmoid]


# --8<-- [start:Activation_Linear]
class Activation_Linear:
    """Ativação linear (identidade): usada na saída de redes de regressão."""

    def forward(self, inputs, training=False):
        self.inputs = _checks.numeric(inputs, "Activation_Linear")
        _checks.finite(self.inputs, "a entrada", "Activation_Linear")
        self.output = self.inputs.copy()

    def backward(self, dvalues):
        dvalues = _checks.gradient(self, dvalues, "Activation_Linear")
        self.dinputs = dvalues.copy()  # uma cópia: a derivada da identidade é 1

    def predictions(self, outputs):
        return _checks.outputs(outputs, "Activation_Linear")
# --8<-- [end:Activation_Linear]
