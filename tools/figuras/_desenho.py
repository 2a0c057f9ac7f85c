"""Ajudas de desenho comuns a vários módulos de figuras.

O gancho ``tools/ganchos_codigo_figuras.py`` segue ``from ._desenho import …`` e põe
a função usada no bloco "Código desta figura", junto com o código da figura: quem
copia o bloco não precisa do pacote ``tools``.
"""


def _quadro_estreito(fig, ax, xlim, ylim, largura=3.7):
    """Variante estreita (celular): o eixo ocupa a figura, com a mesma escala em x e y.

    3,7 polegadas cabem na coluna de 358 px de um celular no tamanho natural
    (3,7 × 96 = 355 px): texto de 11 pt aparece com 14,7 px.
    """
    (x0, x1), (y0, y1) = xlim, ylim
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_position((0, 0, 1, 1))
    fig.set_size_inches(largura, largura * (y1 - y0) / (x1 - x0))
    return fig
