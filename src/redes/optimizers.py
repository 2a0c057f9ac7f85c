"""Otimizadores: usam os gradientes (dweights, dbiases) para ajustar os parâmetros.

Uso a cada passo de treino:
    optimizer.pre_update_params()      # aplica o decaimento da taxa
    optimizer.update_params(camada)    # para cada camada com parâmetros
    optimizer.post_update_params()     # conta mais uma iteração

O estado de cada otimizador (momentos, caches) fica num dicionário do próprio
otimizador, indexado por (camada, "weights"/"biases"): a camada continua
guardando só o que é dela (parâmetros e gradientes) e trocar de otimizador
começa do zero. As atualizações são feitas no lugar (`-=`, `*=`), então os
parâmetros mantêm o dtype (float32 continua float32).
"""

import numpy as np

from . import _checks


# --8<-- [start:Optimizer]
class Optimizer:
    """Base: taxa de aprendizado com decaimento e contagem de iterações.

    Cada subclasse diz quantos arrays de estado um parâmetro precisa (`n_slots`) e
    como é um passo (`update`); a base sozinha não atualiza nada e diz isso num erro.
    """

    n_slots = 0

    def __init__(self, learning_rate=1.0, decay=0.0):
        who = type(self).__name__
        self.learning_rate = _checks.non_negative(learning_rate, "learning_rate", who)
        self.decay = _checks.non_negative(decay, "decay", who)
        self.current_learning_rate = self.learning_rate
        self.iterations = 0
        self.state = {}

    def pre_update_params(self):
        # Decaimento 1/t: a taxa encolhe devagar conforme as iterações passam.
        self.current_learning_rate = self.learning_rate / (1 + self.decay * self.iterations)

    def update_params(self, layer):
        _checks.trainable(layer, type(self).__name__)
        self.update(layer.weights, layer.dweights, self.slots(layer, "weights"))
        self.update(layer.biases, layer.dbiases, self.slots(layer, "biases"))
        _checks.parameters(layer, type(self).__name__)

    def slots(self, layer, name):
        """Arrays de estado (zerados no primeiro uso) para um parâmetro da camada."""
        key = (layer, name)
        if key not in self.state:
            self.state[key] = [np.zeros_like(getattr(layer, name)) for _ in range(self.n_slots)]
        return self.state[key]

    def update(self, param, grad, slots):
        _checks.base_class(self, Optimizer, "update")

    def post_update_params(self):
        self.iterations += 1
# --8<-- [end:Optimizer]


# --8<-- [start:Optimizer_SGD]
class Optimizer_SGD(Optimizer):
    """Descida do gradiente estocástica, com momento opcional."""

    n_slots = 1

    def __init__(self, learning_rate=1.0, decay=0.0, momentum=0.0):
        super().__init__(learning_rate, decay)
        self.momentum = _checks.fraction(momentum, "momentum", "Optimizer_SGD")

    def update(self, param, grad, slots):
        if self.momentum == 0:
            param -= self.current_learning_rate * grad
            return
        # Momento: a velocidade guarda uma média dos passos anteriores.
        velocity = slots[0]
        velocity *= self.momentum
        velocity -= self.current_learning_rate * grad
        param += velocity
# --8<-- [end:Optimizer_SGD]


# --8<-- [start:Optimizer_Adagrad]
class Optimizer_Adagrad(Optimizer):
    """Adagrad: cada parâmetro tem sua taxa, menor onde já houve gradientes grandes."""

    n_slots = 1

    def __init__(self, learning_rate=1.0, decay=0.0, epsilon=1e-7):
        super().__init__(learning_rate, decay)
        self.epsilon = _checks.fraction(epsilon, "epsilon", "Optimizer_Adagrad", allow_zero=False)

    def update(self, param, grad, slots):
        cache = slots[0]
        cache += grad ** 2  # soma de todos os gradientes ao quadrado
        param -= self.current_learning_rate * grad / (np.sqrt(cache) + self.epsilon)
# --8<-- [end:Optimizer_Adagrad]


# --8<-- [start:Optimizer_RMSprop]
class Optimizer_RMSprop(Optimizer):
    """RMSprop: como o Adagrad, mas o cache é uma média móvel (esquece o passado)."""

    n_slots = 1

    def __init__(self, learning_rate=0.001, decay=0.0, epsilon=1e-7, rho=0.9):
        super().__init__(learning_rate, decay)
        self.epsilon = _checks.fraction(epsilon, "epsilon", "Optimizer_RMSprop", allow_zero=False)
        self.rho = _checks.fraction(rho, "rho", "Optimizer_RMSprop")

    def update(self, param, grad, slots):
        cache = slots[0]
        cache *= self.rho
        cache += (1 - self.rho) * grad ** 2
        param -= self.current_learning_rate * grad / (np.sqrt(cache) + self.epsilon)
# --8<-- [end:Optimizer_RMSprop]


# --8<-- [start:Optimizer_Adam]
class Optimizer_Adam(Optimizer):
    """Adam: momento (média dos gradientes) + RMSprop (média dos quadrados).

    As duas médias começam em zero e por isso ficam pequenas nos primeiros
    passos; dividir por (1 - beta^t) corrige esse viés.
    """

    n_slots = 2

    def __init__(self, learning_rate=0.001, decay=0.0, epsilon=1e-7, beta_1=0.9, beta_2=0.999):
        super().__init__(learning_rate, decay)
        self.epsilon = _checks.fraction(epsilon, "epsilon", "Optimizer_Adam", allow_zero=False)
        self.beta_1 = _checks.fraction(beta_1, "beta_1", "Optimizer_Adam")
        self.beta_2 = _checks.fraction(beta_2, "beta_2", "Optimizer_Adam")

    def update(self, param, grad, slots):
        momentum, cache = slots
        momentum *= self.beta_1
        momentum += (1 - self.beta_1) * grad
        cache *= self.beta_2
        cache += (1 - self.beta_2) * grad ** 2
        t = self.iterations + 1
        step = momentum / (1 - self.beta_1 ** t)     # momento sem viés
        denominator = cache / (1 - self.beta_2 ** t)  # cache sem viés...
        np.sqrt(denominator, out=denominator)         # ...vira √cache + ε (no lugar)
        denominator += self.epsilon
        step *= self.current_learning_rate
        step /= denominator
        param -= step
# --8<-- [end:Optimizer_Adam]
