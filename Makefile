# Dois comandos para quem chega: `make serve` e `make test` (veja o README).
# Ambos criam o .venv com as versões travadas em requirements.lock e instalam o
# KaTeX pelo npm (package-lock.json) se ainda não estiverem instalados.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PRONTO := $(VENV)/.instalado
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve test build bench instalar limpar travar lighthouse

serve: $(PRONTO) node_modules/.instalado
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: $(PRONTO) node_modules/.instalado
	$(BIN)/python -m pytest

build: $(PRONTO) node_modules/.instalado
	$(BIN)/mkdocs build --strict

instalar: $(PRONTO) node_modules/.instalado

# Compara a velocidade de `redes` com NumPy direto (razão medida numa só execução).
bench: $(PRONTO)
	$(BIN)/python benchmarks/bench_espiral.py

# Lighthouse (celular) em toda página do site servido com gzip; falha fora dos orçamentos.
lighthouse: $(PRONTO) node_modules/.instalado
	$(BIN)/python benchmarks/lighthouse.py

$(PRONTO): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || \
		{ echo "É preciso Python 3.10 ou mais recente (este é $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[docs,test]'
	touch $@

node_modules/.instalado: package.json package-lock.json
	@command -v npm >/dev/null || { echo "É preciso Node.js (>= 18) com npm para instalar o KaTeX."; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Para quem mantém: recalcula requirements.lock (todas as versões, Python >= 3.10).
travar: $(PRONTO)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra docs --extra test --universal \
		--python-version 3.10 -o requirements.lock

limpar:
	rm -rf $(VENV) node_modules site .cache .pytest_cache
