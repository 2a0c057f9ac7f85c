"""Configuração comum dos testes."""

import os


def pytest_addoption(parser):
    parser.addoption(
        "--atualizar-saidas",
        action="store_true",
        help="reescreve nas páginas os blocos de saída com a saída real de cada bloco",
    )


def exigir_navegador() -> bool:
    """Na CI (.ci/run), a falta do Chromium é uma falha, não um skip."""
    return os.environ.get("REDES_EXIGIR_NAVEGADOR") == "1"


import pytest  # noqa: E402


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """O site construído com `mkdocs build --strict` (uma vez por sessão)."""
    from site_build import construir

    destino = tmp_path_factory.mktemp("site")
    proc = construir(destino)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"mkdocs build --strict falhou:\n{log[-6000:]}"
    return destino, log
