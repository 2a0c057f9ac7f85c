"""O benchmark continua rodando e comparando a mesma conta (sem medir tempo aqui)."""

import subprocess
import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent


def test_benchmark_roda_e_as_duas_versoes_chegam_a_mesma_perda():
    # Poucas épocas e tolerância folgada: este teste não julga velocidade (isso é
    # papel de `make bench`), só que o script roda e confere a mesma perda final.
    proc = subprocess.run(
        [sys.executable, "benchmarks/bench_espiral.py", "--epochs", "30", "--repeats", "1",
         "--tolerance", "1000"],
        cwd=RAIZ, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "razão redes/direto" in proc.stdout and "sem verificações" in proc.stdout
