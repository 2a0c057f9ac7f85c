"""Gancho do MkDocs: o código de cada figura, logo abaixo dela.

Toda figura ``figuras/<nome>.svg`` vem de uma função ``fig_<nome>()`` de
``tools/figuras/<módulo>.py`` (``tools/figuras/__init__.py``). Depois da legenda
de cada figura, este gancho acrescenta um bloco recolhível, "Código desta figura",
com o link para as linhas exatas da função no repositório e o código dela, junto
com o que ela usa do próprio módulo (imports, constantes e funções auxiliares):
colado num arquivo, ``fig = fig_<nome>()`` e ``fig.savefig("figura.svg")``
redesenham a figura.

O código é lido no build, do arquivo atual (``inspect``/``ast``): muda sozinho
quando a função muda, sem nada copiado nas páginas. O bloco usa a linguagem
``py3`` (o mesmo realce de Python) de propósito: ele não é código da página (os
testes das páginas contam e rodam só os blocos ``python``/``py`` escritos nelas);
é o código que o build já roda para desenhar a figura, e
``tests/test_codigo_figuras.py`` confere que ele é o código atual da função.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))
PASTA_FIGURAS = RAIZ / "tools" / "figuras"
IMAGEM = re.compile(r"^(?P<recuo>\s*)!\[.*\]\((?:\.\./)*figuras/(?P<nome>[\w-]+)\.svg\)")


_CACHE: dict[tuple, dict[str, object]] = {}


def _funcoes() -> dict[str, object]:
    """``nome-da-figura`` → função ``fig_nome_da_figura``.

    Os módulos são recarregados só quando algum arquivo de ``tools/figuras`` muda
    (``mkdocs serve``), e não a cada página.
    """
    chave = tuple((a.name, a.stat().st_mtime_ns) for a in sorted(PASTA_FIGURAS.glob("*.py")))
    if chave not in _CACHE:
        _CACHE.clear()
        _CACHE[chave] = _carregar()
    return _CACHE[chave]


def _carregar() -> dict[str, object]:
    funcoes = {}
    for info in pkgutil.iter_modules([str(PASTA_FIGURAS)]):
        if info.name.startswith("_"):
            continue
        modulo = importlib.reload(importlib.import_module(f"tools.figuras.{info.name}"))
        for nome, func in vars(modulo).items():
            if nome.startswith("fig_") and inspect.isfunction(func) and func.__module__ == modulo.__name__:
                funcoes[nome[4:].replace("_", "-")] = func
    return funcoes


def _nomes_usados(no: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(no) if isinstance(n, ast.Name)}


def _ler_modulo(arquivo: Path, definidos: dict, imports: list) -> str:
    """Acrescenta a ``definidos`` (nome → nó) e ``imports`` o que o módulo define no
    topo. Um ``from ._outro import nome`` (ajuda comum de ``tools/figuras``) é
    seguido: a definição vem do outro módulo, e o leitor a vê no bloco em vez de um
    import de ``tools``, que ele não tem. Devolve a fonte do arquivo."""
    fonte = arquivo.read_text(encoding="utf-8")
    for no in ast.parse(fonte).body:
        if isinstance(no, ast.ImportFrom) and no.level == 1 and no.module:
            _ler_modulo(arquivo.with_name(f"{no.module}.py"), definidos, imports)
        elif isinstance(no, (ast.Import, ast.ImportFrom)):
            imports.append((fonte, no))
        elif isinstance(no, (ast.FunctionDef, ast.ClassDef)):
            definidos.setdefault(no.name, (fonte, no))
        elif isinstance(no, (ast.Assign, ast.AnnAssign)):
            alvos = no.targets if isinstance(no, ast.Assign) else [no.target]
            for alvo in alvos:
                for n in ast.walk(alvo):
                    if isinstance(n, ast.Name):
                        definidos.setdefault(n.id, (fonte, no))
    return fonte


def codigo_da_figura(func) -> tuple[str, Path, int, int]:
    """(código para redesenhar, arquivo, primeira e última linha da função)."""
    arquivo = Path(inspect.getsourcefile(func))
    definidos: dict[str, tuple[str, ast.stmt]] = {}
    imports: list[tuple[str, ast.stmt]] = []
    _ler_modulo(arquivo, definidos, imports)
    principal = definidos[func.__name__][1]
    precisa, fila = {id(principal): definidos[func.__name__]}, [principal]
    while fila:  # fecho: o que a função usa, e o que isso usa
        for nome in _nomes_usados(fila.pop()):
            item = definidos.get(nome)
            if item is not None and id(item[1]) not in precisa:
                precisa[id(item[1])] = item
                fila.append(item[1])
    usados = set().union(*(_nomes_usados(no) for _, no in precisa.values()))
    partes: list[str] = []
    for fonte_import, no in imports:
        trecho = ast.get_source_segment(fonte_import, no)
        if trecho not in partes and any((a.asname or a.name).split(".")[0] in usados for a in no.names):
            partes.append(trecho)
    trechos = ["\n".join(partes)] if partes else []
    # As definições do próprio módulo na ordem do arquivo; as ajudas comuns depois.
    fonte_principal = definidos[func.__name__][0]
    corpo = sorted(precisa.values(), key=lambda item: (item[0] is not fonte_principal, item[1].lineno))
    for fonte, no in corpo:
        inicio = min([no.lineno] + [d.lineno for d in getattr(no, "decorator_list", [])])
        trechos.append("\n".join(fonte.split("\n")[inicio - 1 : no.end_lineno]))
    codigo = "\n\n\n".join(trechos) + f"\n\n\nfig = {func.__name__}()\nfig.savefig(\"figura.svg\")\n"
    return codigo, arquivo, principal.lineno, principal.end_lineno


def _bloco(func, recuo: str, repo_url: str | None) -> list[str]:
    codigo, arquivo, ini, fim = codigo_da_figura(func)
    rel = arquivo.relative_to(RAIZ).as_posix()
    onde = f"`{rel}`"
    if repo_url:
        onde = f"[`{rel}`, linhas {ini} a {fim}]({repo_url.rstrip('/')}/blob/main/{rel}#L{ini}-L{fim})"
    r = recuo + "    "
    linhas = [
        "",
        f'{recuo}??? example "Código desta figura"',
        f"{r}A figura é desenhada pela função `{func.__name__}()`, em {onde}, com o",
        f"{r}matplotlib. Este é o código dela, com o que ela usa do próprio arquivo; as duas",
        f"{r}últimas linhas desenham a figura e a gravam em `figura.svg`:",
        "",
        f"{r}```py3",
        *[(r + l) if l else "" for l in codigo.rstrip("\n").split("\n")],
        f"{r}```",
        "",
    ]
    return linhas


def on_page_markdown(markdown, page, config, files):
    if "figuras/" not in markdown:
        return markdown
    funcoes = None
    linhas = markdown.split("\n")
    saida: list[str] = []
    pendente = None  # (função, recuo) esperando o fim da legenda
    for i, linha in enumerate(linhas):
        saida.append(linha)
        m = IMAGEM.match(linha)
        if m:
            funcoes = funcoes if funcoes is not None else _funcoes()
            func = funcoes.get(m["nome"])
            if func is None:
                raise PluginError(f"{page.file.src_uri}: nenhuma função fig_* desenha figuras/{m['nome']}.svg")
            pendente = (func, m["recuo"])
            proxima = next((l for l in linhas[i + 1 :] if l.strip()), "")
            if proxima.strip() != "/// caption":
                saida += _bloco(func, m["recuo"], config.get("repo_url"))
                pendente = None
            continue
        if pendente and linha.strip() == "///":
            saida += _bloco(pendente[0], pendente[1], config.get("repo_url"))
            pendente = None
    return "\n".join(saida)
