"""Gancho do MkDocs: figuras legíveis no celular, leves para carregar e ampliáveis.

Para cada ``<img>`` de ``figuras/<nome>.svg`` numa página:

- ``width``/``height`` do tamanho natural (a página não pula quando a figura chega)
  e ``loading="lazy"`` em todas menos a primeira da página (as de baixo da dobra
  só são pedidas quando o leitor chega perto delas);
- se houver a variante estreita ``figuras/<nome>-estreita.svg`` (painéis empilhados,
  veja ``tools/figuras``), um ``<picture>`` a serve às telas de até 40em (640 px);
- nenhuma figura rola de lado: toda figura cujo texto ficaria abaixo de ``LIMIAR_PX``
  na coluna de 390 px tem variante estreita (``tests/test_telas.py`` confere);
- um link para o próprio SVG, que o GLightbox (pacote npm fixado em
  ``package-lock.json``, copiado de ``node_modules/glightbox/dist`` para
  ``assets/glightbox/``) abre ampliado ao tocar; sem JavaScript, o link abre o SVG.
  O GLightbox só é baixado no primeiro toque numa figura (``docs/assets/figuras-ampliar.js``).
"""

from __future__ import annotations

import math
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

RAIZ = Path(__file__).resolve().parent.parent
GLIGHTBOX = RAIZ / "node_modules" / "glightbox" / "dist"
ARQUIVOS_GLIGHTBOX = ["js/glightbox.min.js", "css/glightbox.min.css"]

sys.path.insert(0, str(RAIZ))
from tools.figuras import LIMIAR_PX, SUFIXO_ESTREITA, medir_svg  # noqa: E402

TELA_ESTREITA = "(max-width: 40em)"
IMG = re.compile(r'<img\b[^>]*?\bsrc="(?P<pasta>[^"]*?)figuras/(?P<nome>[\w-]+)\.svg"[^>]*>')


def on_config(config):
    if not (GLIGHTBOX / ARQUIVOS_GLIGHTBOX[0]).exists():
        raise PluginError(
            "GLightbox não encontrado em node_modules/glightbox: rode `npm ci` (ou `make serve`)."
        )
    # O JS e o CSS do GLightbox não entram em toda página: assets/figuras-ampliar.js
    # os baixa no primeiro toque numa figura.
    config.extra_javascript.append("assets/figuras-ampliar.js")
    return config


def on_files(files, config):
    for nome in ARQUIVOS_GLIGHTBOX:
        files.append(
            File.generated(config, f"assets/glightbox/{nome}", abs_src_path=str(GLIGHTBOX / nome))
        )
    return files


def _svg(files, nome):
    arquivo = files.get_file_from_path(f"figuras/{nome}.svg")
    return None if arquivo is None else arquivo.content_bytes


def _medidas(svg):
    largura, altura, fonte = medir_svg(svg)
    # Largura (px) em que o menor texto da figura chega a LIMIAR_PX.
    minima = math.ceil(largura * LIMIAR_PX / fonte) if fonte != float("inf") else 0
    return round(largura * 4 / 3), round(altura * 4 / 3), minima


def on_page_content(html, page, config, files):
    primeira = True

    def trocar(m):
        nonlocal primeira
        tag, pasta, nome = m.group(0), m.group("pasta"), m.group("nome")
        larga = _svg(files, nome)
        if larga is None:
            return tag
        w, h, _ = _medidas(larga)
        atributos = f' width="{w}" height="{h}" decoding="async"'
        if not primeira:
            atributos += ' loading="lazy"'
        primeira = False
        estreita = _svg(files, nome + SUFIXO_ESTREITA)
        fonte = ""
        if estreita is not None:
            we, he, _ = _medidas(estreita)
            fonte = (f'<source media="{TELA_ESTREITA}" srcset="{pasta}figuras/{nome}{SUFIXO_ESTREITA}.svg"'
                     f' width="{we}" height="{he}">')
        img = tag[:-1].rstrip("/").rstrip() + atributos + ">"
        if fonte:
            img = f"<picture>{fonte}{img}</picture>"
        return (f'<a class="figura-ampliar" href="{pasta}figuras/{nome}.svg"'
                f' aria-label="Ampliar a figura">{img}</a>')

    html = IMG.sub(trocar, html)
    return SAIDA.sub(_marcar_erro, html)


# Blocos "Saída" que terminam num erro (`Tipo: mensagem`) ou que trazem as linhas de
# progresso de `Model.train` ("época 20/100 · perda …", formato do pacote): as linhas
# longas quebram (classe saida-quebra, CSS em docs/assets/estilo.css) em vez de sumir
# à direita.
SAIDA = re.compile(r'<div class="language-text highlight"><span class="filename">Saída</span>(<pre>.*?</pre>)', re.S)
ERRO = re.compile(r"^\w+(?:Error|Exception|Warning): ")
PROGRESSO = re.compile(r"^época \d+/\d+ · ", re.M)


def _marcar_erro(m):
    import html as html_mod

    texto = html_mod.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip()
    if not texto or not (ERRO.match(texto.splitlines()[-1]) or PROGRESSO.search(texto)):
        return m.group(0)
    return m.group(0).replace('class="language-text highlight"', 'class="language-text highlight saida-quebra"', 1)
