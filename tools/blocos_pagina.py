"""Blocos de código das páginas e as saídas que elas mostram.

Usado pelos testes (``tests/blocos.py``, que roda cada bloco e confere a saída)
e pelo build (``tools/ganchos_notebooks.py``, que transforma cada página num
notebook). As regras são as do README, seção "Como escrever uma página":

- Todo bloco cercado cuja linguagem é ``python`` ou ``py`` roda nos testes, com
  ou sem atributos (``title="…"``, ``hl_lines``…), dentro de admonitions e abas.
- Linhas ``--8<--`` são expandidas pelo próprio pymdownx.snippets (com a mesma
  configuração do ``mkdocs.yml``); um snippet que não existe é uma falha.
- Um bloco ``text`` com ``title="Saída"`` logo depois de um bloco Python (só
  linhas em branco entre eles) é a saída esperada daquele bloco.
- Os blocos de uma página rodam em ordem, no mesmo processo novo, como um aluno
  que cola os trechos, um após o outro, no mesmo arquivo.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import markdown

RAIZ = Path(__file__).resolve().parent.parent
DOCS = RAIZ / "docs"
TITULO_SAIDA = 'text title="Saída"'
CERCA = re.compile(r"^(?P<recuo>[ \t]*)(?P<crases>`{3,}|~{3,})\s*(?P<info>[^`]*)$")


def linguagem(info: str) -> str:
    """``python title="x"`` → ``python``; ``{.py .annotate}`` → ``py``."""
    info = info.strip().lstrip("{").lstrip(".")
    return re.split(r"[\s}]", info, maxsplit=1)[0].lower() if info else ""


def eh_python(info: str) -> bool:
    return linguagem(info) in {"python", "py", "python3", "pycon"}


@dataclass
class Bloco:
    pagina: Path
    inicio: int  # linha (0-based) da cerca de abertura
    fim: int  # linha (0-based) da cerca de fechamento
    recuo: str
    info: str
    codigo: str  # já sem recuo e com snippets expandidos
    saida: "Bloco | None" = None

    @property
    def nome(self) -> str:
        return f"{self.pagina.relative_to(DOCS)}:{self.inicio + 1}"


def cercas(texto: str) -> list[tuple[int, int, str, str, str]]:
    """(abertura, fechamento, recuo, info, conteúdo sem recuo) de cada bloco."""
    linhas = texto.split("\n")
    resultado = []
    i = 0
    while i < len(linhas):
        m = CERCA.match(linhas[i])
        if not m:
            i += 1
            continue
        recuo, crases = m["recuo"], m["crases"]
        j = i + 1
        while j < len(linhas):
            fim = linhas[j].strip()
            if fim.startswith(crases) and set(fim) == {crases[0]}:
                break
            j += 1
        else:
            raise ValueError(f"Bloco aberto na linha {i + 1} nunca é fechado.")
        corpo = [l[len(recuo):] if l.startswith(recuo) else l.lstrip() for l in linhas[i + 1 : j]]
        resultado.append((i, j, recuo, m["info"].strip(), "\n".join(corpo)))
        i = j + 1
    return resultado


def expandir_snippets(codigo: str) -> str:
    if "--8<--" not in codigo:
        return codigo
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={
            "pymdownx.snippets": {
                "base_path": [str(RAIZ)],
                "check_paths": True,
                "dedent_subsections": True,
            }
        },
    )
    expandido = "\n".join(md.preprocessors["snippet"].run(codigo.split("\n")))
    if "--8<--" in expandido:
        raise ValueError(
            "sobrou uma linha --8<-- depois de expandir os snippets (nome de seção "
            "inválido? só letras, dígitos, - e _):\n" + expandido
        )
    return expandido


def blocos_do_texto(pagina: Path, texto: str) -> list[Bloco]:
    """Os blocos Python de uma página, cada um com o bloco de saída que o segue."""
    linhas = texto.split("\n")
    blocos: list[Bloco] = []
    anterior: Bloco | None = None
    for abre, fecha, recuo, info, corpo in cercas(texto):
        entre = linhas[anterior.fim + 1 : abre] if anterior else ["x"]
        if info.strip() == TITULO_SAIDA:
            if not (anterior and all(not l.strip() for l in entre)):
                raise ValueError(
                    f"{pagina.relative_to(DOCS)}:{abre + 1}: bloco de saída sem um bloco "
                    "Python logo antes dele (só linhas em branco podem separá-los)."
                )
            anterior.saida = Bloco(pagina, abre, fecha, recuo, info, corpo)
            anterior = None
            continue
        if eh_python(info):
            anterior = Bloco(pagina, abre, fecha, recuo, info, expandir_snippets(corpo))
            blocos.append(anterior)
        else:
            anterior = None
    return blocos


def paginas() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))
