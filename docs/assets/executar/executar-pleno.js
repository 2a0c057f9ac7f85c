// Parte do "Executar" que só é baixada no primeiro clique (executar.js a pede):
// o editor, a caixa de resultado e a conversa com o trabalhador (trabalhador.js)
// que roda o Python. Troca os métodos de espera da classe Bloco de executar.js
// pelos de verdade.
(function () {
  "use strict";

  const { Bloco, blocos, BASE, criar } = window.__executarPartes;
  const LIMITE_S = 300; // um bloco que passa disto é interrompido
  const mb = (b) => (b / 1e6).toLocaleString("pt-BR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const seg = (ms) => (ms / 1000).toLocaleString("pt-BR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  let trabalhador = null;
  let iniciando = null; // Promise enquanto o runtime carrega
  let executados = 0; // blocos 0..executados-1 já rodaram neste interpretador
  let fila = Promise.resolve();
  let emExecucao = null; // {bloco, resolver, rejeitar}

  class Metodos {
    codigo() {
      return this.editor ? this.editor.value : this.original;
    }

    editar() {
      if (this.editor) { this.editor.focus(); return; }
      const ed = criar("textarea", "executar-editor");
      ed.value = this.original;
      ed.spellcheck = false;
      ed.setAttribute("autocapitalize", "off");
      ed.setAttribute("autocomplete", "off");
      ed.setAttribute("autocorrect", "off");
      ed.setAttribute("aria-label", `Código do bloco ${this.indice + 1}, editável. Ctrl+Enter roda; Esc e depois Tab sai do editor.`);
      ed.rows = Math.min(40, this.original.split("\n").length + 1);
      let escapou = false;
      ed.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey || ev.shiftKey)) {
          ev.preventDefault();
          this.pedir();
        } else if (ev.key === "Escape") {
          escapou = true;
        } else if (ev.key === "Tab" && !escapou && !ev.shiftKey) {
          ev.preventDefault();
          ed.setRangeText("    ", ed.selectionStart, ed.selectionEnd, "end");
        } else {
          escapou = false;
        }
      });
      ed.addEventListener("input", () => {
        ed.rows = Math.min(40, ed.value.split("\n").length + 1);
      });
      this.pre.hidden = true;
      this.pre.after(ed);
      this.editor = ed;
      this.botaoEditar.hidden = true;
      this.botaoRestaurar.hidden = false;
      this.div.classList.add("executar-editado");
      ed.focus();
    }

    restaurar() {
      if (!this.editor) return;
      this.editor.remove();
      this.editor = null;
      this.pre.hidden = false;
      this.botaoEditar.hidden = false;
      this.botaoRestaurar.hidden = true;
      this.div.classList.remove("executar-editado");
      this.botaoEditar.focus();
    }

    // A caixa de resultado fica depois da saída mostrada (ou do bloco).
    abrirCaixa() {
      if (!this.caixa) {
        const c = criar("div", "executar-resultado language-text highlight");
        c.setAttribute("role", "status");
        c.setAttribute("aria-live", "polite");
        const titulo = criar("span", "filename executar-titulo", "Saída produzida agora, no seu navegador");
        const pre = criar("pre", "executar-pre");
        const code = criar("code");
        pre.append(code);
        const estado = criar("div", "executar-estado");
        c.append(titulo, estado, pre);
        (this.saida || this.div).after(c);
        this.caixa = { raiz: c, code, estado, pre, erro: null };
      }
      return this.caixa;
    }

    limpar() {
      this.resultado = null;
      const c = this.abrirCaixa();
      c.code.textContent = "";
      c.pre.hidden = true;
      c.estado.textContent = "";
      if (c.erro) { c.erro.remove(); c.erro = null; }
      c.raiz.classList.remove("executar-falhou", "executar-interrompido");
      return c;
    }

    escrever(texto, fluxo) {
      const c = this.abrirCaixa();
      c.pre.hidden = false;
      if (fluxo === "stderr") {
        const s = criar("span", "executar-stderr", texto);
        c.code.append(s);
      } else {
        c.code.append(document.createTextNode(texto));
      }
    }

    estado(texto, classe) {
      const c = this.abrirCaixa();
      c.estado.textContent = "";
      c.estado.className = "executar-estado" + (classe ? " " + classe : "");
      if (texto instanceof Node) c.estado.append(texto);
      else c.estado.textContent = texto;
      return c.estado;
    }

    mostrarErro(linha, rastro, esperado) {
      const c = this.abrirCaixa();
      const box = criar("div", "executar-erro" + (esperado ? " executar-erro-esperado" : ""));
      box.append(criar("strong", null, esperado ? "Erro (o mesmo que a página mostra): " : "Erro: "));
      box.append(criar("code", null, linha));
      if (rastro) {
        const det = criar("details");
        det.append(criar("summary", null, "Rastro completo (traceback)"), criar("pre", null, rastro));
        box.append(det);
      }
      c.raiz.append(box);
      c.erro = box;
      if (!esperado) c.raiz.classList.add("executar-falhou");
    }

    pedir() {
      // O estado em <html data-executar> serve aos testes e ao benchmark.
      const raiz = document.documentElement;
      raiz.dataset.executar = "rodando";
      fila = fila.then(() => {
        raiz.dataset.executar = "rodando";
        return executarAte(this.indice);
      }).then(() => { raiz.dataset.executar = "pronto"; }, () => { raiz.dataset.executar = "falhou"; });
    }
  }

  function novoTrabalhador() {
    const t = new Worker(new URL("trabalhador.js", BASE), { type: "module" });
    t.onmessage = (ev) => tratar(ev.data);
    t.onerror = (ev) => {
      ev.preventDefault();
      falhar(`o trabalhador do Python parou: ${ev.message || "erro desconhecido"}`);
    };
    return t;
  }

  let aoIniciar = null;
  function tratar(m) {
    const alvo = emExecucao && emExecucao.bloco;
    if (m.tipo === "progresso" && aoIniciar) {
      aoIniciar.progresso(m);
    } else if (m.tipo === "preparando" && aoIniciar) {
      aoIniciar.preparando();
    } else if (m.tipo === "pronto" && aoIniciar) {
      window.__executarInfo = m; // lido pelo teste e pelo benchmark
      aoIniciar.resolver(m);
    } else if (m.tipo === "saida" && alvo) {
      alvo.escrever(m.texto, m.fluxo);
    } else if (m.tipo === "resultado" && emExecucao) {
      emExecucao.resultado = m;
    } else if (m.tipo === "fim" && emExecucao) {
      emExecucao.resolver({ ...(emExecucao.resultado || {}), ms: m.ms });
    } else if (m.tipo === "falha") {
      falhar(m.mensagem);
    }
  }

  function falhar(mensagem) {
    const erro = new Error(mensagem);
    if (aoIniciar) aoIniciar.rejeitar(erro);
    if (emExecucao) emExecucao.rejeitar(erro);
  }

  function reiniciar(motivo) {
    if (trabalhador) trabalhador.terminate();
    trabalhador = null;
    iniciando = null;
    executados = 0;
    if (emExecucao) emExecucao.rejeitar(Object.assign(new Error(motivo), { interrompido: true }));
  }

  async function garantirRuntime(bloco) {
    if (iniciando) return iniciando;
    const barra = criar("progress", "executar-progresso");
    barra.max = 1;
    barra.value = 0;
    const texto = criar("span", null, "Carregando o Python com NumPy no seu navegador…");
    const cont = criar("span", "executar-carregando");
    cont.append(texto, barra);
    bloco.limpar();
    bloco.estado(cont);
    iniciando = new Promise((resolver, rejeitar) => {
      aoIniciar = {
        resolver, rejeitar,
        progresso(m) {
          barra.max = m.total;
          barra.value = m.recebidos;
          texto.textContent = `Carregando o Python com NumPy no seu navegador: ${mb(m.recebidos)} de ${mb(m.total)} MB` +
            (m.baixados < m.recebidos ? " (parte já guardada neste navegador)" : "");
        },
        preparando() {
          barra.removeAttribute("value");
          texto.textContent = "Preparando o Python (compilando o WebAssembly)…";
        },
      };
    });
    try {
      const resp = await fetch(new URL("manifesto.json", BASE), { cache: "no-cache" });
      if (!resp.ok) throw new Error(`manifesto.json: HTTP ${resp.status}`);
      const manifesto = await resp.json();
      if (manifesto.indisponivel) throw new Error(manifesto.indisponivel);
      trabalhador = novoTrabalhador();
      trabalhador.postMessage({ tipo: "iniciar", manifesto, base: BASE });
      await iniciando;
    } catch (e) {
      if (trabalhador) trabalhador.terminate();
      trabalhador = null;
      iniciando = null;
      throw e;
    } finally {
      aoIniciar = null;
    }
    return iniciando;
  }

  function rodarUm(bloco) {
    return new Promise((resolver, rejeitar) => {
      emExecucao = { bloco, resolver, rejeitar, resultado: null };
      bloco.limpar();
      const t0 = performance.now();
      const parar = criar("button", "executar-botao executar-parar", "■ Parar");
      parar.type = "button";
      parar.addEventListener("click", () => reiniciar("Interrompido por você."));
      const rel = criar("span", "executar-relogio", "Rodando…");
      const linha = criar("span");
      linha.append(rel, parar);
      bloco.estado(linha, "executar-rodando");
      bloco.botao.disabled = true;
      const relogio = setInterval(() => {
        const s = (performance.now() - t0) / 1000;
        rel.textContent = `Rodando… ${Math.floor(s)} s`;
        if (s > LIMITE_S) reiniciar(`Interrompido: passou de ${LIMITE_S} s.`);
      }, 500);
      const fim = () => { clearInterval(relogio); bloco.botao.disabled = false; emExecucao = null; };
      emExecucao.resolver = (r) => { fim(); resolver(r); };
      emExecucao.rejeitar = (e) => { fim(); rejeitar(e); };
      trabalhador.postMessage({ tipo: "rodar", id: bloco.indice, codigo: bloco.codigo(), nome: `<bloco ${bloco.indice + 1}>` });
    });
  }

  function botaoReiniciar() {
    const b = criar("button", "executar-botao", "Reiniciar o Python");
    b.type = "button";
    b.title = "Esquece tudo o que os blocos definiram; o próximo Executar roda desde o primeiro bloco";
    b.addEventListener("click", () => {
      reiniciar("Reiniciado.");
      for (const bl of blocos) if (bl.caixa) bl.estado("Python reiniciado: o próximo Executar roda os blocos desde o início.");
    });
    return b;
  }

  async function executarAte(k) {
    const alvo = blocos[k];
    try {
      await garantirRuntime(alvo);
    } catch (e) {
      alvo.limpar();
      alvo.mostrarErro(`não foi possível carregar o Python no navegador: ${e.message}`, null, false);
      alvo.estado("");
      throw e;
    }
    const inicio = k < executados ? k : executados;
    for (let i = inicio; i <= k; i++) {
      const b = blocos[i];
      let r;
      try {
        r = await rodarUm(b);
      } catch (e) {
        b.estado(e.interrompido ? e.message + " O Python foi reiniciado; o próximo Executar roda os blocos desde o início."
          : `Falha do Python do navegador: ${e.message}`, "executar-aviso");
        if (!e.interrompido) b.mostrarErro(e.message, null, false);
        throw e;
      }
      executados = Math.max(executados, i + 1);
      b.resultado = r;
      const info = criar("span");
      info.append(`Rodou em ${seg(r.ms)} s` + (i < k ? ` (antes do bloco ${k + 1}). ` : ". "));
      info.append(botaoReiniciar());
      b.estado(info, "executar-feito");
      b.caixa.raiz.dataset.ms = String(Math.round(r.ms));
      if (!r.erro && b.erroEsperado && !b.editor) {
        const ultima = b.saida.querySelector("code").textContent.trim().split("\n").pop();
        info.prepend(criar("span", "executar-aviso", ultima.startsWith("FloatingPointError")
          ? "A página mostra um FloatingPointError aqui; no navegador ele não acontece: o WebAssembly não avisa o NumPy de um overflow. "
          : "A página mostra um erro aqui, mas no navegador ele não aconteceu. "));
      }
      if (r.erro) {
        const esperado = b.erroEsperado && !b.editor;
        b.mostrarErro(r.erro, r.traceback, esperado);
        if (!esperado && i < k) {
          alvo.limpar();
          alvo.estado(`Não rodou: o bloco ${i + 1} falhou antes dele.`, "executar-aviso");
          throw new Error(r.erro);
        }
      }
    }
  }

  for (const nome of Object.getOwnPropertyNames(Metodos.prototype)) {
    if (nome !== "constructor") Bloco.prototype[nome] = Metodos.prototype[nome];
  }
})();
