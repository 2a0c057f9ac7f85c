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
