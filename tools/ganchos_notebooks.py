"""Gancho do MkDocs: um notebook Jupyter para cada página com código.

Cada página Markdown com pelo menos um bloco Python vira, no build,
``notebooks/<capítulo>/<página>.ipynb``:

- a primeira célula instala ``redes`` com a linha única de "Como rodar o código"
  (``%pip install "<site>/pacote/redes-<versão>-py3-none-any.whl"``);
- a prosa vira células Markdown (com a matemática em ``$…$``/``$$…$$``, as notas
  como citações, links e figuras apontando para o site);
- cada bloco Python vira uma célula de código, na ordem da página, com os
  snippets ``--8<--`` expandidos (a mesma extração dos testes,
  ``tools/blocos_pagina.py``);
- a saída que a página mostra vira a saída da célula (um erro mostrado de
  propósito vira uma saída de erro, e a célula ganha a etiqueta
  ``raises-exception``).

Nada é executado no build: as saídas são as da página, que os testes conferem
(``tests/test_notebooks_paginas.py`` executa cada notebook num kernel novo e
compara). O notebook de dígitos, que já é um notebook, é publicado no mesmo
lugar com a célula de instalação na frente.

No topo de cada página, o tema (``tools/tema/main.html``) mostra "Baixar
notebook", "Abrir no Colab" e o link para "Como rodar o código". O Colab abre o
notebook do ramo ``notebooks`` do repositório, escrito pelo workflow
``.github/workflows/versao.yml`` (um job separado, o único com escrita).
"""

from __future__ import annotations

import posixpath
import re
import sys
from pathlib import Path
from urllib.parse import urljoin

import nbformat
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))
from tools.blocos_pagina import DOCS, blocos_do_texto  # noqa: E402
from tools.ganchos_pacote import construir_pacote, linha_de_instalacao, site_url_publico  # noqa: E402

PASTA = "notebooks"
RAMO_COLAB = "notebooks"
PAGINA_COMO_RODAR = "como-rodar.md"
ERRO_MOSTRADO = re.compile(r"^(?P<tipo>[A-Za-z_.]*(?:Error|Exception|Warning)): (?P<msg>.*)$")
ADMONITION = re.compile(r'^(?P<recuo>\s*)(?:!!!|\?\?\?\+?)\s+(?P<tipo>[\w-]+)(?:\s+"(?P<titulo>[^"]*)")?\s*$')
CERCA = re.compile(r"^\s*(`{3,}|~{3,})")
LINK = re.compile(r"\]\((?P<alvo>[^)\s]+)(?P<resto>\s+\"[^\"]*\")?\)")
TITULOS_PADRAO = {"note": "Nota", "tip": "Dica", "warning": "Atenção", "info": "Informação",
                  "example": "Exemplo", "question": "Pergunta", "danger": "Perigo"}


def caminho_do_notebook(src_uri: str) -> str:
    """``camadas/camada-densa.md`` → ``notebooks/camadas/camada-densa.ipynb``."""
    return f"{PASTA}/{src_uri.rsplit('.', 1)[0]}.ipynb"


def celula_de_instalacao(linha: str, url_como_rodar: str, como_script: bool = True):
    """A primeira célula: instala o redes (e, para páginas, desliga o eco da última linha)."""
    return nbformat.v4.new_code_cell(
        (
            "# Como num arquivo .py, cada célula mostra só o que o código imprime (print),\n"
            "# e não o valor da última linha: as saídas ficam iguais às da página.\n"
            '%config InteractiveShell.ast_node_interactivity = "none"\n'
            if como_script else ""
        )
        + "# Instala o pacote redes, servido pelo site (numpy e nnfs vêm do PyPI).\n"
        f"# Mais detalhes: {url_como_rodar}\n"
        f"%{linha}"
    )


def _url_do_site(site_url: str, src_uri: str, alvo: str) -> str:
    """Link relativo de uma página (``../figuras/x.svg``, ``acuracia.md#a``) → URL no site."""
    if re.match(r"^[a-z][a-z0-9+.-]*:|^#|^/", alvo):
        return alvo
    caminho, _, ancora = alvo.partition("#")
    destino = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), caminho))
    if destino.endswith(".md") or destino.endswith(".ipynb"):
        destino = destino.rsplit(".", 1)[0]
        destino = "" if destino == "index" else (destino.removesuffix("/index") + "/")
    return site_url.rstrip("/") + "/" + destino + (f"#{ancora}" if ancora else "")


def _markdown_para_jupyter(linhas: list[str], src_uri: str, site_url: str) -> list[str]:
    """Sintaxe do MkDocs (admonitions, legendas, links relativos) → Markdown do Jupyter."""
    saida: list[str] = []
    contexto: list[int] = []  # recuo do conteúdo de cada admonition aberta
    em_cerca = False
    brancas = 0  # linhas em branco esperando o contexto da próxima linha com texto
    for linha in linhas:
        if not linha.strip() and not em_cerca:
            brancas += 1
            continue
        if not em_cerca:
            recuo = len(linha) - len(linha.lstrip())
            while contexto and recuo < contexto[-1]:
                contexto.pop()
        tirar = contexto[-1] if contexto else 0
        texto = linha[tirar:] if linha[:tirar].strip() == "" else linha.lstrip()
        prefixo = "> " * len(contexto)
        saida += [prefixo.rstrip()] * brancas
        brancas = 0
        if CERCA.match(linha):
            em_cerca = not em_cerca
            saida.append(prefixo + texto)
            continue
        if em_cerca:
            saida.append((prefixo + texto).rstrip())
            continue
        m = ADMONITION.match(linha)
        if m:
            titulo = m["titulo"] or TITULOS_PADRAO.get(m["tipo"], m["tipo"].capitalize())
            contexto.append(len(m["recuo"]) + 4)
            prefixo = "> " * len(contexto)
            saida += [f"{prefixo}**{titulo}**", prefixo.rstrip()]
            continue
        if texto.strip() == "/// caption":  # a legenda vira um parágrafo abaixo da figura
            brancas += 1
            continue
        if texto.strip() == "///":
            continue
        texto = LINK.sub(
            lambda l: f"]({_url_do_site(site_url, src_uri, l['alvo'])}{l['resto'] or ''})", texto
        )
        saida.append((prefixo + texto).rstrip())
    saida += [""] * brancas
    return saida


def _saidas(texto_saida: str):
    linhas = texto_saida.strip("\n").split("\n")
    m = ERRO_MOSTRADO.match(linhas[-1].strip()) if linhas else None
    saidas = []
    impresso = "\n".join(linhas[:-1] if m else linhas)
    if impresso.strip():
        saidas.append(nbformat.v4.new_output("stream", name="stdout", text=impresso + "\n"))
    if m:
        saidas.append(nbformat.v4.new_output(
            "error", ename=m["tipo"], evalue=m["msg"], traceback=[linhas[-1].strip()]
        ))
    return saidas, bool(m)


def _sem_linhas_vazias_nas_pontas(linhas: list[str]) -> list[str]:
    while linhas and not linhas[0].strip(" >"):
        linhas = linhas[1:]
    while linhas and not linhas[-1].strip(" >"):
        linhas = linhas[:-1]
    return linhas


def notebook_da_pagina(pagina: Path, texto: str, site_url: str, linha: str):
    """O notebook de uma página Markdown, ou ``None`` se ela não tem código Python."""
    src_uri = pagina.relative_to(DOCS).as_posix()
    blocos = blocos_do_texto(pagina, texto)
    if not blocos:
        return None
    linhas = texto.split("\n")
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    url_pagina = _url_do_site(site_url, "index.md", src_uri)
    url_como_rodar = _url_do_site(site_url, "index.md", PAGINA_COMO_RODAR)
    celulas = [celula_de_instalacao(linha, url_como_rodar)]

    # A prosa é convertida de uma vez (o contexto das notas atravessa os blocos);
    # os blocos de código e de saída viram marcadores que separam as células.
    marcador = "\0bloco{}\0"
    faixas = {}
    for i, b in enumerate(blocos):
        fim = b.saida.fim if b.saida else b.fim
        faixas[b.inicio] = (fim, i)
    achatado, j = [], 0
    while j < len(linhas):
        if j in faixas:
            fim, i = faixas[j]
            achatado.append(marcador.format(i))
            j = fim + 1
        else:
            achatado.append(linhas[j])
            j += 1
    convertido = _markdown_para_jupyter(achatado, src_uri, site_url)
    atual: list[str] = []

    def fechar_markdown():
        texto_md = "\n".join(_sem_linhas_vazias_nas_pontas(atual))
        if texto_md.strip():
            celulas.append(nbformat.v4.new_markdown_cell(texto_md))
        atual.clear()

    for l in convertido:
        m = re.search(r"\0bloco(\d+)\0", l)
        if not m:
            atual.append(l)
            continue
        fechar_markdown()
        b = blocos[int(m[1])]
        celula = nbformat.v4.new_code_cell(b.codigo.strip("\n"))
        if b.saida is not None:
            celula.outputs, erro = _saidas(b.saida.codigo)
            if erro:
                celula.metadata["tags"] = ["raises-exception"]
        celulas.append(celula)
    fechar_markdown()
    celulas.append(nbformat.v4.new_markdown_cell(
        f"---\nNotebook gerado a partir da página [{src_uri}]({url_pagina}) do site Redes Neurais."
    ))
    nb.cells = celulas
    return nb


def notebook_de_notebook(caminho: Path, linha: str, site_url: str):
    """Um notebook que já é página (dígitos), com a célula de instalação na frente."""
    nb = nbformat.reads(caminho.read_text(encoding="utf-8"), as_version=4)
    # Links relativos ao endereço da página (``../../como-rodar/``) → endereço completo.
    pagina = site_url.rstrip("/") + "/" + caminho.relative_to(DOCS).with_suffix("").as_posix() + "/"
    for celula in nb.cells:
        if celula.cell_type == "markdown":
            celula.source = LINK.sub(
                lambda l: f"]({urljoin(pagina, l['alvo'])}{l['resto'] or ''})", celula.source
            )
    url = _url_do_site(site_url, "index.md", PAGINA_COMO_RODAR)
    nb.cells.insert(0, celula_de_instalacao(linha, url, como_script=False))
    return nb


def _serializar(nb) -> str:
    # ids fixos: o mesmo conteúdo gera o mesmo arquivo a cada build
    for i, celula in enumerate(nb.cells):
        celula["id"] = f"celula-{i}"
    nbformat.validate(nb)
    return nbformat.writes(nb) + "\n"


_GERADOS: dict[str, str] = {}


def gerar_notebooks(site_url: str) -> dict[str, str]:
    """``{src_uri da página: texto do .ipynb}`` de toda página com código."""
    linha = linha_de_instalacao(site_url, construir_pacote()[0])
    gerados = {}
    for pagina in sorted(DOCS.rglob("*")):
        src_uri = pagina.relative_to(DOCS).as_posix()
        if pagina.suffix == ".md":
            try:
                nb = notebook_da_pagina(pagina, pagina.read_text(encoding="utf-8"), site_url, linha)
            except ValueError as e:
                raise PluginError(f"Notebook de {src_uri}: {e}") from e
        elif pagina.suffix == ".ipynb":
            nb = notebook_de_notebook(pagina, linha, site_url)
        else:
            continue
        if nb is not None:
            gerados[src_uri] = _serializar(nb)
    return gerados


def _colab(config, src_uri: str) -> str | None:
    m = re.match(r"^https://github\.com/([^/]+/[^/]+?)/?$", config.get("repo_url") or "")
    if not m:
        return None
    caminho = caminho_do_notebook(src_uri).removeprefix(PASTA + "/")
    return f"https://colab.research.google.com/github/{m[1]}/blob/{RAMO_COLAB}/{caminho}"


def on_files(files, config):
    _GERADOS.clear()
    _GERADOS.update(gerar_notebooks(site_url_publico(config)))
    for src_uri, texto in _GERADOS.items():
        files.append(File.generated(config, caminho_do_notebook(src_uri), content=texto))
    return files


def on_page_markdown(markdown, page, config, files):
    src_uri = page.file.src_uri
    if src_uri in _GERADOS and src_uri != PAGINA_COMO_RODAR:
        page.meta["como_rodar_url"] = get_relative_url(
            files.get_file_from_path(PAGINA_COMO_RODAR).url, page.url
        )
    if src_uri in _GERADOS:
        page.meta["notebook_url"] = get_relative_url(caminho_do_notebook(src_uri), page.url)
        page.meta["notebook_nome"] = posixpath.basename(caminho_do_notebook(src_uri))
        page.meta["colab_url"] = _colab(config, src_uri)
    return markdown


if __name__ == "__main__":
    # Uso: python tools/ganchos_notebooks.py SITE_URL PASTA_DE_SAIDA
    # (o workflow que escreve o ramo `notebooks` para o Colab chama assim).
    site_url, destino = sys.argv[1], Path(sys.argv[2])
    gerados = gerar_notebooks(site_url)
    for src_uri, texto in gerados.items():
        arq = destino / caminho_do_notebook(src_uri).removeprefix(PASTA + "/")
        arq.parent.mkdir(parents=True, exist_ok=True)
        arq.write_text(texto, encoding="utf-8")
    print(f"{len(gerados)} notebooks em {destino}")
