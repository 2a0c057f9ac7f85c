"""Ganchos do MkDocs: servem o KaTeX do pacote npm e geram as figuras.

- O CSS e as fontes do KaTeX vêm de ``node_modules/katex/dist`` (instalado por
  ``npm ci``) e são publicados em ``assets/katex/``: o site não pede nada a outro
  host. As fórmulas viram HTML no build (``tools/ganchos_katex.py``); nenhum
  JavaScript do KaTeX vai para as páginas.
- As figuras são funções ``fig_*`` dos módulos de ``tools/figuras``; cada uma
  vira ``figuras/<nome>.svg`` (``fig_shape_vetor`` → ``figuras/shape-vetor.svg``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

RAIZ = Path(__file__).resolve().parent.parent
KATEX = RAIZ / "node_modules" / "katex" / "dist"
ARQUIVOS_KATEX = ["katex.min.css"]

# O MkDocs restaura o sys.path depois de carregar este arquivo: importamos já.
sys.path.insert(0, str(RAIZ))
from tools.figuras import gerar_todas  # noqa: E402


def on_files(files, config):
    if not (KATEX / "katex.min.css").exists():
        raise PluginError(
            "KaTeX não encontrado em node_modules/katex: rode `npm ci` (ou `make serve`)."
        )
    nomes = ARQUIVOS_KATEX + [
        f"fonts/{f.name}" for f in sorted((KATEX / "fonts").glob("*.woff2"))
    ]
    for nome in nomes:
        files.append(
            File.generated(config, f"assets/katex/{nome}", abs_src_path=str(KATEX / nome))
        )
    for nome, svg in gerar_todas().items():
        files.append(File.generated(config, f"figuras/{nome}.svg", content=svg))
    return files


# Um <span class="n"> do Pygments (nomes: variáveis, funções, atributos) tem a cor
# --md-code-hl-name-color, que no Material é a própria cor do código
# (--md-code-fg-color) nos dois modos: sem ele, o texto fica igual. Os nomes são 25 a
# 30% dos elementos de uma página com código, e cada elemento a menos é estilo e
# layout a menos para o navegador do celular calcular. (Os <span class="w">, de
# espaços, ficam: soltos, os espaços entre os nomes passavam a contar como texto de
# código na auditoria font-size do Lighthouse, e fundamentos/produto-escalar caía
# abaixo dos 60% de texto legível.)
SPAN_NOME = re.compile(r'<span class="n">([^<]*)</span>')


def _nomes_sem_span(html: str) -> str:
    return SPAN_NOME.sub(r"\1", html)


# Ao abrir a página, o bundle do Material põe cada tabela sem classe dentro de uma
# caixa que rola de lado (div.md-typeset__scrollwrap): tira a tabela do lugar e põe
# a caixa no lugar dela. Se a tabela é filha direta do artigo, tirar e pôr um filho
# do artigo faz o Chromium recalcular o estilo do artigo inteiro (as regras com
# :first-child, :last-child e "+" do tema), ~3 800 elementos e ~17 ms de CPU em
# ativacao/softmax. Dentro de um <div> sem estilo, a troca só mexe na tabela; o
# visual é o mesmo (o <div> não tem margem, borda nem recuo).
TABELA = re.compile(r"<table>.*?</table>", re.S)


def _tabelas_em_div(html: str) -> str:
    return TABELA.sub(lambda m: f'<div class="redes-tabela">{m.group(0)}</div>', html)


# Os links "¶" dos títulos vêm sem o title "Permanent link" (em inglês;
# permalink_title no mkdocs.yml) e ganham aqui um nome em português.
LINK_DA_SECAO = re.compile(r'<a class="headerlink" href="(#[^"]*)">')


def _link_da_secao_com_nome(html: str) -> str:
    return LINK_DA_SECAO.sub(r'<a class="headerlink" href="\1" aria-label="Link para esta seção">', html)


ALT_PADRAO = 'alt="No description has been provided for this image"'
DESCRICAO = "*Descrição da figura:*"


def on_page_content(html, page, config, files):
    """Tabelas dentro de um <div> e links "¶" com nome, em toda página; e nos notebooks,
    o texto alternativo de cada figura é a descrição que vem logo abaixo.

    O nbconvert põe um texto genérico (em inglês) em toda imagem de saída. No
    notebook, cada célula que desenha uma figura é seguida de uma célula de texto
    que começa com "*Descrição da figura:*"; essa descrição vira o `alt` da imagem.
    """
    html = _link_da_secao_com_nome(_tabelas_em_div(html))
    if not page.file.src_uri.endswith(".ipynb"):
        return _nomes_sem_span(html)
    import json

    celulas = json.loads(Path(page.file.abs_src_path).read_text(encoding="utf-8"))["cells"]
    descricoes = []
    for celula in celulas:
        texto = "".join(celula["source"]).strip()
        if celula["cell_type"] == "markdown" and texto.startswith(DESCRICAO):
            texto = re.sub(r"[*_`]", "", texto[len(DESCRICAO):]).strip()
            descricoes.append(texto.replace('"', "&quot;").replace("\n", " "))
    if html.count(ALT_PADRAO) != len(descricoes):
        raise PluginError(
            f"{page.file.src_uri}: {html.count(ALT_PADRAO)} figuras, mas {len(descricoes)} "
            f'células "{DESCRICAO}": cada figura precisa da sua descrição logo abaixo.'
        )
    for texto in descricoes:
        html = html.replace(ALT_PADRAO, f'alt="{texto}"', 1)
    # O nbconvert também embute a configuração do MathJax (usamos KaTeX) e um
    # script que importaria o Mermaid de uma CDN: nenhum dos dois serve aqui.
    html = re.sub(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", "", html, flags=re.S)
    html = re.sub(r'<script type="module">(?:(?!</script>).)*?jp-Mermaid.*?</script>', "", html, flags=re.S)
    return _notebook_como_as_outras_paginas(html)


def _notebook_como_as_outras_paginas(html: str) -> str:
    """O notebook com a cara das outras páginas: código, saídas e figuras do Material.

    - Sai o CSS do JupyterLab que o mkdocs-jupyter embute (cerca de 590 KB por
      página, com cores de sintaxe próprias) e o botão de copiar dele (script e
      cópia oculta do código): o Material põe o seu em todo `pre > code`.
    - Cada célula de código vira um bloco `.highlight` como os das páginas
      Markdown (mesmas cores e fonte); `language-ipython3`, e não `language-python`,
      porque os blocos `language-python` são os que `tests/test_paginas.py` roda.
    - Cada saída de texto vira um bloco "Saída", como nas outras páginas.
    - As figuras (PNG embutido) viram PNG de paleta, bem mais leves.
    Os prompts "In [n]:" ficam no HTML (os testes os contam) e o CSS os esconde.
    """
    html = re.sub(r"<style\b[^>]*>.*?</style>", "", html, flags=re.S)
    html = re.sub(r"<script\b[^>]*>.*?</script>", "", html, flags=re.S)
    html = re.sub(r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>', "", html, flags=re.S)
    html = re.sub(r'<div class="clipboard-copy-txt" id="cell-\d+">.*?</div>', "", html, flags=re.S)
    html = re.sub(
        r'<div class="highlight-ipynb hl-python"><pre><span></span>(.*?)</pre></div>',
        r'<div class="language-ipython3 highlight"><pre><span></span><code>\1</code></pre></div>',
        html,
        flags=re.S,
    )
    html = re.sub(
        r'(<div class="jp-RenderedText jp-OutputArea-output" data-mime-type="text/plain")[^>]*>\s*<pre>(.*?)</pre>',
        r'\1><div class="language-text highlight"><span class="filename">Saída</span>'
        r"<pre><span></span><code>\2</code></pre></div>",
        html,
        flags=re.S,
    )
    return re.sub(r'(src="data:image/png;base64,)([A-Za-z0-9+/=]+)"', _png_leve, html)


def _png_leve(m) -> str:
    """Figuras do notebook em PNG de paleta (128 cores): cerca de 1/3 dos bytes, mesma aparência."""
    import base64
    import io

    from PIL import Image

    imagem = Image.open(io.BytesIO(base64.b64decode(m[2])))
    saida = io.BytesIO()
    imagem.convert("RGB").quantize(
        colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    ).save(saida, format="PNG", optimize=True)
    return f'{m[1]}{base64.b64encode(saida.getvalue()).decode()}"'
