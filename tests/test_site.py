"""O site construído: build estrito, fórmulas válidas, nada de outro host, figuras."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from blocos import DOCS, RAIZ, paginas
from site_build import paginas_html

INICIO_FORMULA = re.compile(r'<(span|div) class="arithmatex"[^>]*>')
# Tags que fazem o navegador baixar algo (o <link rel="canonical"> não baixa nada).
RECURSO = re.compile(
    r'<(?:script|img|source|iframe|link(?![^>]*rel="(?:canonical|alternate)"))\b[^>]*?\b(?:src|href)="([^"]+)"',
    re.I,
)


def test_build_estrito_sem_avisos(site):
    _, log = site
    # Avisos do MkDocs e dos plugins (formato "WARNING -  …"); e o build não sobe
    # kernel do Jupyter (o notebook vem com as saídas guardadas), então não pode
    # haver o aviso "[IPKernelApp] … without encryption".
    avisos = [l for l in log.splitlines() if re.match(r"(WARNING|ERROR)\b", l) or "IPKernelApp" in l]
    assert not avisos, "\n".join(avisos)


def test_toda_pagina_do_docs_vira_html(site):
    destino, _ = site
    for md in paginas():
        rel = md.relative_to(DOCS).with_suffix("")
        alvo = destino / ("index.html" if rel.name == "index" else rel / "index.html")
        assert alvo.exists(), f"{md} não gerou {alvo}"


def test_katex_servido_pelo_proprio_site(site):
    """Só o CSS e as fontes do KaTeX vão para o site; o JavaScript dele, não."""
    destino, _ = site
    css = (destino / "assets/katex/katex.min.css").read_text()
    fontes = set(re.findall(r"url\((fonts/[^)]+\.woff2)\)", css))
    assert len(fontes) >= 10
    for fonte in fontes:
        assert (destino / "assets/katex" / fonte).exists(), f"fonte ausente: {fonte}"
    scripts = [p.relative_to(destino) for p in destino.rglob("*.js") if "katex" in str(p).lower()]
    assert not scripts, f"JavaScript do KaTeX no site: {scripts}"
    for pagina in paginas_html(destino):
        texto = pagina.read_text(encoding="utf-8")
        assert not re.search(r'<script\b[^>]*src="[^"]*katex', texto, re.I), f"{pagina}: carrega o KaTeX em JS"
        assert "renderMathInElement" not in texto


def test_nenhum_recurso_de_outro_host(site):
    destino, _ = site
    for pagina in paginas_html(destino):
        texto = pagina.read_text(encoding="utf-8")
        externos = [u for u in RECURSO.findall(texto) if re.match(r"^(https?:)?//", u)]
        assert not externos, f"{pagina.relative_to(destino)} carrega de outro host: {externos}"
        for cdn in ("fonts.googleapis", "fonts.gstatic", "cdnjs", "jsdelivr", "unpkg", "mathjax"):
            assert cdn not in texto.lower(), f"{pagina.relative_to(destino)} menciona {cdn}"


def test_formulas_renderizadas_no_build(site):
    """Toda fórmula chega à página já em HTML+MathML do KaTeX, sem TeX cru."""
    destino, _ = site
    total = {"span": 0, "div": 0}
    for pagina in paginas_html(destino):
        rel = pagina.relative_to(destino)
        texto = pagina.read_text(encoding="utf-8")
        inicios = list(INICIO_FORMULA.finditer(texto))
        for m, seguinte in zip(inicios, inicios[1:] + [None]):
            # Da abertura do invólucro até a próxima fórmula (ou o fim da página).
            conteudo = texto[m.end():seguinte.start() if seguinte else len(texto)]
            total[m[1]] += 1
            esperado = '<span class="katex-display">' if m[1] == "div" else '<span class="katex">'
            assert conteudo.startswith(esperado), f"{rel}: fórmula não renderizada: {conteudo[:120]!r}"
            fim = conteudo.index("</math>")
            assert "<math" in conteudo[:fim] and "katex-html" in conteudo[fim:], f"{rel}: falta MathML ou HTML"
            assert "katex-error" not in conteudo, f"{rel}: {conteudo[:200]!r}"
    # O site tem centenas de fórmulas, na linha e em bloco (inclusive no notebook).
    assert total["span"] > 300 and total["div"] > 50, total
    notebook = (destino / "dados-reais/digitos/index.html").read_text(encoding="utf-8")
    assert notebook.count('class="katex-display"') >= 4


def _construir_mini_site(tmp_path: Path, texto: str) -> subprocess.CompletedProcess:
    """Um site mínimo com só o gancho do KaTeX e o arithmatex, como no mkdocs.yml."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text(texto, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\n"
        f"hooks: [{RAIZ / 'tools/ganchos_katex.py'}]\n"
        "markdown_extensions:\n  - pymdownx.arithmatex:\n      generic: true\n",
        encoding="utf-8",
    )
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )


def test_erro_de_tex_falha_o_build(tmp_path):
    """O teste acima pode falhar: um TeX quebrado para o build e aponta página e fórmula."""
    proc = _construir_mini_site(tmp_path, "Uma certa, $x^2$, e uma quebrada, $\\frac{1}{$.\n")
    assert proc.returncode != 0
    assert "index.md" in proc.stderr and "\\frac{1}{" in proc.stderr and "erro de TeX" in proc.stderr


def test_figuras_tem_texto_alternativo_e_existem(site):
    destino, _ = site
    for pagina in paginas_html(destino):
        texto = pagina.read_text(encoding="utf-8")
        for tag in re.findall(r"<img\b[^>]*>", texto):
            alt = re.search(r'\balt="([^"]*)"', tag)
            src = re.search(r'\bsrc="([^"]+)"', tag)[1]
            if "/assets/" in src or src.startswith("data:"):
                continue
            assert alt and len(alt[1].strip()) >= 15, f"{pagina}: imagem sem alt descritivo: {tag}"
            assert (pagina.parent / src).resolve().exists(), f"{pagina}: imagem não existe: {src}"


def test_toda_figura_gerada_e_usada(site):
    destino, _ = site
    geradas = {p.name for p in (destino / "figuras").glob("*.svg")}
    usadas = set()
    for pagina in paginas_html(destino):
        usadas |= set(re.findall(r'figuras/([\w.-]+\.svg)', pagina.read_text(encoding="utf-8")))
    assert geradas - usadas == set(), f"figuras geradas e não usadas: {sorted(geradas - usadas)}"


def test_blocos_python_no_html_batem_com_os_executados(site):
    """Contagem pelo HTML: cada bloco Python renderizado é um bloco que os testes rodam."""
    from test_paginas import BLOCOS

    destino, _ = site
    no_html = 0
    for pagina in paginas_html(destino):
        no_html += len(re.findall(r'<div class="language-(?:python|py|python3|pycon) highlight"', pagina.read_text(encoding="utf-8")))
    assert no_html == len(BLOCOS)


def _nav_em_ordem() -> list[str]:
    """Caminhos das páginas na ordem da navegação do mkdocs.yml."""
    nav = (RAIZ / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[1]
    return re.findall(r":\s+(\S+\.(?:md|ipynb))\s*$", nav, re.M)


def _url_da_pagina(caminho: str) -> str:
    rel = Path(caminho).with_suffix("")
    return "" if rel.name == "index" else f"{rel.as_posix()}/"


def test_links_proximo_levam_do_inicio_ao_fim(site):
    """Seguindo só o link "Próximo" do rodapé, o leitor passa por todas as páginas, em ordem."""
    destino, _ = site
    ordem = [_url_da_pagina(c) for c in _nav_em_ordem()]
    atual = ""
    visitadas = [atual]
    while True:
        texto = (destino / atual / "index.html").read_text(encoding="utf-8")
        m = re.search(r'<a href="([^"]+)" class="md-footer__link md-footer__link--next"', texto)
        if not m:
            break
        atual = str(Path(atual, m[1]).as_posix())
        atual = str(Path(destino / atual).resolve().relative_to(destino.resolve()).as_posix())
        atual = "" if atual == "." else atual + "/"
        visitadas.append(atual)
    assert visitadas == ordem
    assert "perda/acuracia/" in visitadas


def test_notebook_oferecido_para_download(site):
    destino, _ = site
    pagina = (destino / "dados-reais/digitos/index.html").read_text(encoding="utf-8")
    assert (destino / "dados-reais/digitos/digitos.ipynb").exists()
    assert '<a href="digitos.ipynb"' in pagina, "a página do notebook não tem o link para baixar o .ipynb"
