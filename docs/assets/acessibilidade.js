// O Material põe, em cada bloco de código, um <nav class="md-code__nav"> só com o
// botão de copiar. Vários <nav> sem nome viram "landmarks" repetidos para leitores
// de tela (regra landmark-unique do axe); como não é navegação, ganha role="none".
// Só os nós acrescentados são olhados: nada de varrer a página a cada mudança.
(function () {
  function ajustar(no) {
    if (no.nodeType !== 1) return;
    if (no.matches("nav.md-code__nav")) no.setAttribute("role", "none");
    else if (no.firstElementChild) no.querySelectorAll("nav.md-code__nav").forEach(ajustar);
  }
  new MutationObserver(function (mudancas) {
    mudancas.forEach(function (m) {
      m.addedNodes.forEach(ajustar);
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.querySelectorAll("nav.md-code__nav").forEach(ajustar);
})();

// Um bloco de código que rola de lado precisa receber foco pelo teclado, para rolar
// com as setas (regra scrollable-region-focusable do axe). O Material faz isso ao
// montar cada bloco, mas com content.lazy (mkdocs.yml) só monta o bloco quando ele
// aparece na tela. Aqui todos são medidos de uma vez (primeiro todas as leituras,
// depois todas as escritas) e com a mesma regra do Material: tabindex="0" se o
// código é mais largo que o bloco e há um ponteiro que paira (hover); senão, sem
// tabindex. A medida espera a página carregar e o quadro seguinte ser desenhado:
// aí o layout já está pronto e ler as larguras não obriga o navegador a calculá-lo
// no meio de outra tarefa. De novo quando a largura da janela muda. Sem um ponteiro
// que paira (o celular), a regra não dá tabindex a nenhum bloco: nada é medido.
(function () {
  var paira = matchMedia("(hover)");
  function marcar() {
    if (!paira.matches) {
      document.querySelectorAll(".md-content pre > code[tabindex]").forEach(function (c) {
        c.removeAttribute("tabindex");
      });
      return;
    }
    // Fora os blocos dentro de <details> fechados ("Código desta figura"): não rolam
    // enquanto fechados, e medi-los obrigaria o navegador a montar o layout do que
    // não aparece. Ao abrir, o bloco aparece na tela e o Material o monta.
    var blocos = Array.prototype.filter.call(
      document.querySelectorAll(".md-content pre > code"),
      function (c) { return !c.closest("details:not([open])"); }
    );
    var rola = blocos.map(function (c) { return c.scrollWidth > c.offsetWidth; });
    blocos.forEach(function (c, i) {
      if (rola[i]) c.setAttribute("tabindex", "0");
      else if (c.hasAttribute("tabindex")) c.removeAttribute("tabindex");
    });
  }
  function depoisDoQuadro() {
    requestAnimationFrame(function () { setTimeout(marcar, 0); });
  }
  if (document.readyState === "complete") depoisDoQuadro();
  else addEventListener("load", depoisDoQuadro);
  paira.addEventListener("change", marcar);
  var espera;
  addEventListener("resize", function () {
    clearTimeout(espera);
    espera = setTimeout(marcar, 200);
  }, { passive: true });
})();
