"""O site construído: build estrito, fórmulas válidas, nada de outro host, figuras."""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

from blocos import DOCS, RAIZ, paginas
from site_build import paginas_html

ARITHMATEX = re.compile(
    r'<(span|div) class="arithmatex">(?P<tex>.*?)</\1>', re.S
)
# Tags que fazem o navegador baixar algo (o <link rel="canonical"> não baixa nada).
RECURSO = re.compile(
    r'<(?:script|img|source|iframe|link(?![^>]*rel="(?:canonical|alternate)"))\b[^>]*?\b(?:src|href)="([^"]+)"',
    re.I,
)


def test_build_estrito_sem_avisos(site):
    _, log = site
    # Avisos do MkDocs e dos plugins (formato "WARNING -  …") e o aviso do kernel do
    # Jupyter sobre TCP, que tools/ganchos_jupyter.py silencia.
    avisos = [l for l in log.splitlines() if re.match(r"(WARNING|ERROR)\b", l) or "IPKernelApp" in l]
    assert not avisos, "\n".join(avisos)


def test_toda_pagina_do_docs_vira_html(site):
    destino, _ = site
    for md in paginas():
        rel = md.relative_to(DOCS).with_suffix("")
        alvo = destino / ("index.html" if rel.name == "index" else rel / "index.html")
        assert alvo.exists(), f"{md} não gerou {alvo}"


def test_katex_servido_pelo_proprio_site(site):
    destino, _ = site
    for nome in ["katex.min.js", "katex.min.css", "contrib/auto-render.min.js"]:
        assert (destino / "assets/katex" / nome).stat().st_size > 1000
    css = (destino / "assets/katex/katex.min.css").read_text()
    for fonte in set(re.findall(r"url\((fonts/[^)]+\.woff2)\)", css)):
        assert (destino / "assets/katex" / fonte).exists(), f"fonte ausente: {fonte}"


def test_nenhum_recurso_de_outro_host(site):
    destino, _ = site
    for pagina in paginas_html(destino):
        texto = pagina.read_text(encoding="utf-8")
        externos = [u for u in RECURSO.findall(texto) if re.match(r"^(https?:)?//", u)]
        assert not externos, f"{pagina.relative_to(destino)} carrega de outro host: {externos}"
        for cdn in ("fonts.googleapis", "fonts.gstatic", "cdnjs", "jsdelivr", "unpkg", "mathjax"):
            assert cdn not in texto.lower(), f"{pagina.relative_to(destino)} menciona {cdn}"


def _formulas(destino: Path) -> list[dict]:
    formulas = []
    for pagina in paginas_html(destino):
        for m in ARITHMATEX.finditer(pagina.read_text(encoding="utf-8")):
            bruto = html.unescape(m["tex"]).strip()
            display = bruto.startswith("\\[")
            tex = bruto[2:-2] if bruto[:2] in ("\\(", "\\[") else bruto
            formulas.append({"pagina": str(pagina.relative_to(destino)), "tex": tex, "display": display})
    return formulas


def test_toda_formula_compila_no_katex(site):
    destino, _ = site
    formulas = _formulas(destino)
    proc = subprocess.run(
        ["node", str(RAIZ / "tests/katex_verificar.js")],
        input=json.dumps(formulas),
        capture_output=True,
        text=True,
        cwd=RAIZ,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    erros = json.loads(proc.stdout)
    assert not erros, "Fórmulas com erro de TeX:\n" + "\n".join(
        f"- {e['pagina']}: {e['tex']!r}: {e['erro']}" for e in erros
    )


def test_verificador_de_katex_acusa_erro():
    """O teste acima pode falhar: um TeX quebrado é acusado."""
    proc = subprocess.run(
        ["node", str(RAIZ / "tests/katex_verificar.js")],
        input=json.dumps([{"pagina": "x", "tex": r"\frac{1}{", "display": False}]),
        capture_output=True,
        text=True,
        cwd=RAIZ,
    )
    assert len(json.loads(proc.stdout)) == 1


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
