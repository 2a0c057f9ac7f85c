"""Figuras do capítulo Generalização (treino/validação, regularização, dropout).

As redes e os dados são os mesmos das páginas (mesmas sementes e hiperparâmetros),
então as curvas mostram exatamente os treinos cujos números as páginas imprimem.
"""

from functools import lru_cache

import matplotlib.pyplot as plt
import numpy as np
from nnfs.datasets import spiral_data

from redes import (Activation_ReLU, Activation_Softmax_Loss_CategoricalCrossentropy, Layer_Dense,
                   Layer_Dropout, Optimizer_Adam, accuracy)

from ._desenho import _quadro_estreito

AZUL, LARANJA, VERDE, CINZA = "tab:blue", "tab:orange", "tab:green", "0.45"


class _Rede:
    """2 → 64 → 3 (ReLU, softmax), com L2 e dropout opcionais na camada oculta."""

    def __init__(self, l2=0.0, dropout=0.0, neuronios=64, lr=0.05):
        self.camada1 = Layer_Dense(2, neuronios, weight_regularizer_l2=l2, bias_regularizer_l2=l2)
        self.ativacao1 = Activation_ReLU()
        self.dropout = Layer_Dropout(dropout)
        self.camada2 = Layer_Dense(neuronios, 3)
        self.perda_ativacao = Activation_Softmax_Loss_CategoricalCrossentropy()
        self.otimizador = Optimizer_Adam(learning_rate=lr, decay=5e-7)

    def avaliar(self, X, y, treino=False):
        self.camada1.forward(X)
        self.ativacao1.forward(self.camada1.output)
        self.dropout.forward(self.ativacao1.output, training=treino)
        self.camada2.forward(self.dropout.output)
        perda = self.perda_ativacao.forward(self.camada2.output, y)
        return perda, accuracy(self.perda_ativacao.output, y)

    def passo(self, X, y):
        self.avaliar(X, y, treino=True)
        self.perda_ativacao.backward(self.perda_ativacao.output, y)
        self.camada2.backward(self.perda_ativacao.dinputs)
        self.dropout.backward(self.camada2.dinputs)
        self.ativacao1.backward(self.dropout.dinputs)
        self.camada1.backward(self.ativacao1.dinputs)
        self.otimizador.pre_update_params()
        self.otimizador.update_params(self.camada1)
        self.otimizador.update_params(self.camada2)
        self.otimizador.post_update_params()


@lru_cache(maxsize=None)
def _historico_validacao():
    """O treino da página validacao.md: 10 000 épocas, registro a cada 100."""
    np.random.seed(0)
    X, y = spiral_data(samples=100, classes=3)
    X_val, y_val = spiral_data(samples=100, classes=3)
    np.random.seed(0)
    rede = _Rede()
    hist = {k: [] for k in ("epoca", "perda", "acc", "val_perda", "val_acc")}
    for epoca in range(1, 10_001):
        rede.passo(X, y)
        if epoca % 100 == 0:
            perda, acc = rede.avaliar(X, y)
            val_perda, val_acc = rede.avaliar(X_val, y_val)
            for k, v in zip(hist, (epoca, perda, acc, val_perda, val_acc)):
                hist[k].append(v)
    return {k: np.array(v) for k, v in hist.items()}


def _comparar(config, epocas=5000, a_cada=100):
    """O treino das páginas de regularização e dropout: devolve histórico e rede."""
    np.random.seed(0)
    X, y = spiral_data(samples=100, classes=3)
    X_val, y_val = spiral_data(samples=1000, classes=3)
    np.random.seed(0)
    rede = _Rede(**config)
    hist = {k: [] for k in ("epoca", "acc", "val_acc", "perda", "val_perda")}
    for epoca in range(1, epocas + 1):
        rede.passo(X, y)
        if epoca % a_cada == 0:
            perda, acc = rede.avaliar(X, y)
            val_perda, val_acc = rede.avaliar(X_val, y_val)
            for k, v in zip(hist, (epoca, acc, val_acc, perda, val_perda)):
                hist[k].append(v)
    return {k: np.array(v) for k, v in hist.items()}, rede


@lru_cache(maxsize=None)
def _sem_e_com_l2():
    """Os treinos da semente 0 em regularizacao.md (Adam com taxa 0.02)."""
    return _comparar({"lr": 0.02}), _comparar({"l2": 5e-4, "lr": 0.02})


def fig_gen_curvas_validacao():
    h = _historico_validacao()
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.6))
    ax1.plot(h["epoca"], h["perda"], color=AZUL, label="treino")
    ax1.plot(h["epoca"], h["val_perda"], color=LARANJA, label="validação")
    ax1.set_title("Perda")
    ax2.plot(h["epoca"], h["acc"], color=AZUL, label="treino")
    ax2.plot(h["epoca"], h["val_acc"], color=LARANJA, label="validação")
    ax2.set_title("Acurácia")
    ax2.set_ylim(0.3, 1.0)
    for ax in (ax1, ax2):
        ax.set_xlabel("época")
        ax.grid(alpha=0.3)
        ax.legend()
    fig.tight_layout()
    return fig


def fig_gen_parada_antecipada(estreita=False):
    h = _historico_validacao()
    i = int(np.argmin(h["val_perda"]))
    paciencia = 10
    parada = h["epoca"][min(i + paciencia, len(h["epoca"]) - 1)]
    fig, ax = plt.subplots(figsize=(4.0, 5.2) if estreita else (7, 3.5))
    ax.plot(h["epoca"], h["perda"], color=AZUL, label="perda de treino")
    ax.plot(h["epoca"], h["val_perda"], color=LARANJA, label="perda de validação")
    ax.axvspan(h["epoca"][i], parada, color=CINZA, alpha=0.15, label="paciência (10 medições)")
    ax.axvline(h["epoca"][i], color=VERDE, linestyle="--", label=f"menor perda de validação (época {h['epoca'][i]})")
    ax.plot([h["epoca"][i]], [h["val_perda"][i]], "o", color=VERDE)
    ax.axvline(parada, color=CINZA, linestyle=":", label=f"o treino para (época {parada})")
    ax.set_xlabel("época")
    ax.set_ylabel("perda")
    ax.set_xlim(0, 4000)
    ax.grid(alpha=0.3)
    if estreita:  # celular: a legenda numa coluna, longe do rótulo do eixo x
        ax.set_xticks([0, 1000, 2000, 3000, 4000])
        ax.tick_params(labelsize=11)
        ax.xaxis.label.set_fontsize(11)
        ax.yaxis.label.set_fontsize(11)
        ax.legend(fontsize=11, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=1, frameon=False)
        fig.tight_layout()
        return fig
    ax.legend(fontsize=9, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2)
    return fig


def fig_gen_k_fold(estreita=False):
    k = 5
    if estreita:
        return _k_fold_estreita(k)
    fig, ax = plt.subplots(figsize=(7, 2.8))
    for rodada in range(k):
        for parte in range(k):
            validacao = parte == rodada
            ax.add_patch(plt.Rectangle((parte, k - 1 - rodada), 0.95, 0.8,
                                       color=LARANJA if validacao else AZUL, alpha=0.9 if validacao else 0.35))
            ax.text(parte + 0.475, k - 1 - rodada + 0.4, "validação" if validacao else "treino",
                    ha="center", va="center", fontsize=9)
        ax.text(-0.1, k - 1 - rodada + 0.4, f"rodada {rodada + 1}", ha="right", va="center", fontsize=10)
    ax.set_xlim(-1.1, k)
    ax.set_ylim(-0.1, k)
    ax.axis("off")
    ax.set_title("Validação cruzada com k = 5 partes")
    return fig


def _k_fold_estreita(k):
    """Celular: as mesmas rodadas, com as cores explicadas numa legenda embaixo."""
    from matplotlib.patches import Rectangle

    fig, ax = plt.subplots()
    larg, alt, x0 = 0.8, 0.55, 1.55
    for rodada in range(k):
        y = (k - 1 - rodada) * 0.7
        for parte in range(k):
            validacao = parte == rodada
            ax.add_patch(Rectangle((x0 + parte * (larg + 0.08), y), larg, alt,
                                   color=LARANJA if validacao else AZUL, alpha=0.9 if validacao else 0.35))
        ax.text(x0 - 0.12, y + alt / 2, f"rodada {rodada + 1}", ha="right", va="center", fontsize=11)
    ax.text(2.9, k * 0.7 + 0.55, "Validação cruzada com k = 5 partes", ha="center", va="bottom", fontsize=12)
    ax.text(x0 + (k * (larg + 0.08) - 0.08) / 2, k * 0.7 + 0.05, "os dados em 5 partes",
            ha="center", va="bottom", fontsize=11)
    for i, (cor, alfa, nome) in enumerate(((AZUL, 0.35, "treino"), (LARANJA, 0.9, "validação"))):
        xl = 0.6 + i * 2.4
        ax.add_patch(Rectangle((xl, -0.75), 0.45, 0.4, color=cor, alpha=alfa))
        ax.text(xl + 0.6, -0.55, nome, ha="left", va="center", fontsize=11)
    return _quadro_estreito(fig, ax, (0.0, 6.0), (-0.95, k * 0.7 + 1.0))


def fig_gen_pesos_l2():
    (_, sem), (_, com) = _sem_e_com_l2()
    fig, ax = plt.subplots(figsize=(7, 3.5))
    w_sem, w_com = sem.camada1.weights.ravel(), com.camada1.weights.ravel()
    lim = max(np.abs(w_sem).max(), np.abs(w_com).max())
    bins = np.linspace(-lim, lim, 41)
    ax.hist(w_sem, bins=bins, color=AZUL, alpha=0.6, label="sem regularização")
    ax.hist(w_com, bins=bins, color=LARANJA, alpha=0.6, label="com L2 (λ = 5e-4)")
    ax.set_xlabel("valor do peso (camada oculta)")
    ax.set_ylabel("quantidade de pesos")
    ax.legend()
    ax.grid(alpha=0.3)
    return fig


def fig_gen_curvas_l2():
    (h_sem, _), (h_com, _) = _sem_e_com_l2()
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.6))
    for h, cor, nome in ((h_sem, AZUL, "sem regularização"), (h_com, LARANJA, "com L2 (λ = 5e-4)")):
        ax1.plot(h["epoca"], h["perda"], color=cor, linestyle=":", label=f"treino, {nome}")
        ax1.plot(h["epoca"], h["val_perda"], color=cor, label=f"validação, {nome}")
        ax2.plot(h["epoca"], h["acc"], color=cor, linestyle=":", label=f"treino, {nome}")
        ax2.plot(h["epoca"], h["val_acc"], color=cor, label=f"validação, {nome}")
    ax1.set_title("Perda")
    ax2.set_title("Acurácia")
    ax2.set_ylim(0.5, 1.0)
    for ax in (ax1, ax2):
        ax.set_xlabel("época")
        ax.grid(alpha=0.3)
    ax1.legend(fontsize=8.5)
    fig.tight_layout()
    return fig


def fig_gen_curvas_dropout():
    h_sem, _ = _sem_e_com_l2()[0]
    h_com, _ = _comparar({"dropout": 0.1, "lr": 0.02})
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.6), sharey=True)
    for ax, h, titulo in ((ax1, h_sem, "Sem dropout"), (ax2, h_com, "Com dropout (rate = 0.1)")):
        ax.plot(h["epoca"], h["acc"], color=AZUL, label="treino")
        ax.plot(h["epoca"], h["val_acc"], color=LARANJA, label="validação")
        ax.set_title(titulo)
        ax.set_xlabel("época")
        ax.grid(alpha=0.3)
        ax.legend(loc="lower right")
    ax1.set_ylabel("acurácia")
    ax1.set_ylim(0.5, 1.0)
    fig.tight_layout()
    return fig


def _poucos_dados(config, epocas=2000):
    """O experimento "poucos dados, rede grande" de regularizacao.md e dropout.md (semente 0)."""
    np.random.seed(0)
    X, y = spiral_data(samples=30, classes=3)
    np.random.seed(0)
    rede = _Rede(neuronios=256, lr=0.02, **config)
    for _ in range(epocas):
        rede.passo(X, y)
    return X, y, rede


def fig_gen_fronteiras_poucos_dados():
    xs = np.linspace(-1.1, 1.1, 220)
    gx, gy = np.meshgrid(xs, xs)
    grade = np.c_[gx.ravel(), gy.ravel()]
    np.random.seed(0)
    spiral_data(samples=100, classes=3)  # o sorteio da página: treino grande e validação
    X_val, y_val = spiral_data(samples=1000, classes=3)
    configs = (("sem regularização", {}), ("com L2 (λ = 5e-4)", {"l2": 5e-4}),
               ("com dropout (rate = 0.2)", {"dropout": 0.2}))
    fig, eixos = plt.subplots(1, 3, figsize=(10.5, 3.9), sharey=True)
    cores = ("tab:blue", "tab:orange", "tab:green")
    fundo = plt.matplotlib.colors.ListedColormap(["#c6dbef", "#fdd0a2", "#c7e9c0"])
    for ax, (titulo, config) in zip(eixos, configs):
        X, y, rede = _poucos_dados(config)
        rede.avaliar(grade, np.zeros(len(grade), dtype=int))
        classe = rede.perda_ativacao.output.argmax(axis=1).reshape(gx.shape)
        ax.contourf(gx, gy, classe, levels=[-0.5, 0.5, 1.5, 2.5], cmap=fundo, rasterized=True)
        for c, (cor, marca) in enumerate(zip(cores, "o^s")):
            pts = X[y == c]
            ax.scatter(pts[:, 0], pts[:, 1], s=22, color=cor, marker=marca, edgecolor="black",
                       linewidth=0.5, label=f"classe {c}")
        _, val_acc = rede.avaliar(X_val, y_val)
        ax.set_title(f"{titulo}\nvalidação: acurácia {val_acc:.3f}", fontsize=10)
        ax.set_aspect("equal")
        ax.set_xlabel("$x_1$")
    eixos[0].set_ylabel("$x_2$")
    eixos[0].legend(loc="lower left", fontsize=8)
    fig.tight_layout()
    return fig
