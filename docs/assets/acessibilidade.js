// O Material põe, em cada bloco de código, um <nav class="md-code__nav"> só com o
// botão de copiar. Vários <nav> sem nome viram "landmarks" repetidos para leitores
// de tela (regra landmark-unique do axe); como não é navegação, ganha role="none".
(function () {
  function ajustar() {
    document.querySelectorAll("nav.md-code__nav:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
  }
  new MutationObserver(ajustar).observe(document.documentElement, { childList: true, subtree: true });
  ajustar();
})();
