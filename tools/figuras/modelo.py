"""Figuras do capítulo O modelo: o histórico devolvido por Model.train."""

import matplotlib.pyplot as plt
import numpy as np
from nnfs.datasets import spiral_data

from redes import (Activation_ReLU, Activation_Softmax, Layer_Dense, Loss_CategoricalCrossentropy, Model,
                   Optimizer_Adam)


def fig_mod_historico():
    """O treino em lotes de modelo.md (mesmas sementes e hiperparâmetros)."""
    np.random.seed(0)
    X, y = spiral_data(samples=1000, classes=3)
    X_val, y_val = spiral_data(samples=100, classes=3)
    modelo = Model()
    modelo.add(Layer_Dense(2, 64))
    modelo.add(Activation_ReLU())
    modelo.add(Layer_Dense(64, 3))
    modelo.add(Activation_Softmax())
    modelo.set(loss=Loss_CategoricalCrossentropy(), optimizer=Optimizer_Adam(learning_rate=0.01, decay=5e-5))
    np.random.seed(1)
    h = modelo.train(X, y, epochs=100, batch_size=64, shuffle=True, print_every=0,
                     validation_data=(X_val, y_val))
    epocas = np.arange(1, len(h["loss"]) + 1)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.6))
    ax1.plot(epocas, h["loss"], color="tab:blue", label="treino")
    ax1.plot(epocas, h["val_loss"], color="tab:orange", label="validação")
    ax1.set_title("Perda")
    ax2.plot(epocas, h["accuracy"], color="tab:blue", label="treino")
    ax2.plot(epocas, h["val_accuracy"], color="tab:orange", label="validação")
    ax2.set_title("Acurácia")
    for ax in (ax1, ax2):
        ax.set_xlabel("época")
        ax.grid(alpha=0.3)
        ax.legend()
    fig.tight_layout()
    return fig
