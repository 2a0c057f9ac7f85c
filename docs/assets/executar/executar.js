// Botões "Executar" e "Editar" em cada bloco Python da página.
//
// Nada do Python é baixado antes do primeiro clique. Este arquivo, o único que a
// página carrega, só põe os botões; o primeiro clique baixa executar-pleno.js (o
// editor, a caixa de resultado e a conversa com o trabalhador), que cria um Web
// Worker (trabalhador.js), que baixa o runtime (runtime.js diz qual), e roda os
// blocos da página em ordem até o clicado, como os testes fazem. Um bloco já
// rodado roda de novo sozinho, contra o estado atual (como num notebook).
(function () {
  "use strict";

  const SELETOR = "div.language-python.highlight, div.language-py.highlight, div.language-python3.highlight, div.language-pycon.highlight";
  const ERRO_MOSTRADO = /^[A-Za-z_.]*(Error|Exception|Warning): /;
  const script = document.currentScript;
  const BASE = new URL(".", script ? script.src : location.href).href;

  const blocos = [];
  let pleno = null; // Promise: executar-pleno.js baixado e instalado

  function criar(tag, classe, texto) {
    const e = document.createElement(tag);
    if (classe) e.className = classe;
    if (texto !== undefined) e.textContent = texto;
    return e;
  }

  function saidaMostrada(div) {
    // O bloco "Saída" que a página mostra logo depois deste (se houver).
    const prox = div.nextElementSibling;
    if (prox && prox.matches("div.highlight") && !prox.matches(SELETOR)) {
      const titulo = prox.querySelector(":scope > .filename");
      if (titulo && titulo.textContent.trim() === "Saída") return prox;
    }
    return null;
  }

  // O resto do código (executar-pleno.js) chega no primeiro clique e troca os
  // métodos pedir/editar/restaurar abaixo pelos de verdade.
  function carregarPleno() {
    if (!pleno) {
      window.__executarPartes = { Bloco, blocos, BASE, criar };
      pleno = new Promise((ok, falha) => {
        const s = document.createElement("script");
        s.src = new URL("executar-pleno.js", BASE).href;
        s.onload = ok;
        s.onerror = () => { pleno = null; s.remove(); falha(new Error("não foi possível baixar executar-pleno.js")); };
        document.head.append(s);
      });
    }
    return pleno;
  }

  class Bloco {
    constructor(div, indice) {
      this.div = div;
      this.indice = indice;
      this.pre = div.querySelector("pre");
      this.original = div.querySelector("pre > code").textContent.replace(/\n$/, "");
      this.saida = saidaMostrada(div);
      const ultima = this.saida ? this.saida.querySelector("code").textContent.trim().split("\n").pop() : "";
      this.erroEsperado = ERRO_MOSTRADO.test(ultima);
      this.editor = null;
      this.caixa = null;

      // O lugar da barra já vem vazio no HTML (tools/ganchos_navegador.py): pôr um
      // filho novo no fim do bloco faria o navegador recalcular o estilo do código.
      let barra = div.querySelector(":scope > .executar-barra");
      if (!barra) barra = div.appendChild(criar("div", "executar-barra"));
      this.botao = criar("button", "executar-botao executar-rodar", "▶ Executar");
      this.botao.type = "button";
      this.botao.title = "Rodar este bloco (e os anteriores) no seu navegador";
      this.botao.addEventListener("click", () => this.pedir());
      this.botaoEditar = criar("button", "executar-botao", "Editar");
      this.botaoEditar.type = "button";
      this.botaoEditar.title = "Mudar o código deste bloco";
      this.botaoEditar.addEventListener("click", () => this.editar());
      this.botaoRestaurar = criar("button", "executar-botao", "Restaurar original");
      this.botaoRestaurar.type = "button";
      this.botaoRestaurar.hidden = true;
      this.botaoRestaurar.addEventListener("click", () => this.restaurar());
      barra.append(this.botao, this.botaoEditar, this.botaoRestaurar);
      barra.hidden = false;
      div.classList.add("executar-bloco");
    }

    // Trocados pelos de executar-pleno.js quando ele chega.
    pedir() { this.depois("pedir"); }
    editar() { this.depois("editar"); }
    restaurar() { this.depois("restaurar"); }

    depois(metodo) {
      carregarPleno().then(() => this[metodo](), (e) => {
        const aviso = criar("div", "executar-erro", `Erro: ${e.message}. Recarregue a página para tentar de novo.`);
        this.div.querySelector(".executar-barra").after(aviso);
        setTimeout(() => aviso.remove(), 8000);
      });
    }
  }

  function montar() {
    const artigo = document.querySelector("article") || document.body;
    artigo.querySelectorAll(SELETOR).forEach((div) => {
      if (div.closest(".executar-resultado") || !div.querySelector("pre > code")) return;
      blocos.push(new Bloco(div, blocos.length));
    });
    window.__executarBlocos = blocos; // lido pelo teste e pelo benchmark
  }

  // Numa tarefa só dela, depois do DOMContentLoaded: nele o bundle do Material já
  // monta a página, e as duas coisas juntas passavam de 50 ms no celular.
  function depois() { setTimeout(montar); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", depois);
  else depois();
})();
