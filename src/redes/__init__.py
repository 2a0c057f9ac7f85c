"""redes: redes neurais do zero, só com NumPy.

Um pacote pequeno e didático: cada classe cabe numa tela e faz uma coisa só.
Camadas e ativações têm `forward` (guarda `output`) e `backward` (guarda
`dinputs`); as perdas medem o erro; os otimizadores ajustam os parâmetros;
e `Model` junta tudo num laço de treino.
"""

from .activations import Activation_Linear, Activation_ReLU, Activation_Sigmoid, Activation_Softmax
from .layers import Layer_Dense, Layer_Dropout
from .losses import (Activation_Softmax_Loss_CategoricalCrossentropy, Loss, Loss_BinaryCrossentropy,
                     Loss_CategoricalCrossentropy, Loss_MeanAbsoluteError, Loss_MeanSquaredError)
from .metrics import accuracy, accuracy_regression
from .model import Model
from .optimizers import Optimizer, Optimizer_Adagrad, Optimizer_Adam, Optimizer_RMSprop, Optimizer_SGD

__version__ = "0.1.0"

__all__ = [
    "Layer_Dense", "Layer_Dropout",
    "Activation_ReLU", "Activation_Softmax", "Activation_Sigmoid", "Activation_Linear",
    "Loss", "Loss_CategoricalCrossentropy", "Activation_Softmax_Loss_CategoricalCrossentropy",
    "Loss_BinaryCrossentropy", "Loss_MeanSquaredError", "Loss_MeanAbsoluteError",
    "accuracy", "accuracy_regression",
    "Optimizer", "Optimizer_SGD", "Optimizer_Adagrad", "Optimizer_RMSprop", "Optimizer_Adam",
    "Model",
]
