// Dicas do glossário: cada termo marcado (<abbr tabindex="0" title="…">, posto por
// tools/ganchos_glossario.py) mostra a definição com o mouse por cima, com o foco do
// teclado ou com um toque, numa caixa com o visual das dicas do Material.
//
// Por que não as dicas do próprio Material (recurso content.tooltips): o bundle
// monta uma dica para cada elemento com title assim que a página abre, com vários
// observadores por elemento; com 20 a 40 termos por página, isso era de um sexto a
// um quarto da montagem do bundle ao abrir a página. Aqui nada acontece até o
// leitor chegar num termo: ao abrir, só ouvintes no documento.
(function () {
  "use strict";

  var TERMO = "article abbr[title], article abbr[data-dica]";
  var ID = "redes-dica";
  var caixa = null;
  var interno = null;
  var atual = null;
  var fechar = 0;

  function termo(alvo) {
    return alvo instanceof Element ? alvo.closest(TERMO) : null;
  }

  // O title sai do termo quando ele é mostrado pela primeira vez (senão o navegador
  // mostraria a dica dele por cima desta) e fica em data-dica.
  function texto(abbr) {
    var t = abbr.getAttribute("title");
    if (t !== null) {
      abbr.setAttribute("data-dica", t);
      abbr.removeAttribute("title");
    }
    return abbr.getAttribute("data-dica");
  }

  function criar() {
    caixa = document.createElement("div");
    caixa.className = "md-tooltip2 md-tooltip2--bottom";
    caixa.id = ID;
    caixa.setAttribute("role", "tooltip");
    interno = document.createElement("div");
    interno.className = "md-tooltip2__inner md-typeset";
    caixa.appendChild(interno);
    // O mouse pode passar do termo para a caixa (para ler ou selecionar) sem fechá-la.
    caixa.addEventListener("pointerenter", function () { clearTimeout(fechar); });
    caixa.addEventListener("pointerleave", function () { esconder(250); });
    document.body.appendChild(caixa);
  }

  function mostrar(abbr) {
    clearTimeout(fechar);
    if (!caixa) criar();
    if (atual && atual !== abbr) atual.removeAttribute("aria-describedby");
    atual = abbr;
    interno.textContent = texto(abbr);
    // Posição em coordenadas do documento (a caixa é filha do <body>), abaixo do
    // termo e centrada nele; o CSS do tema a mantém dentro da tela.
    var r = abbr.getBoundingClientRect();
    var estilo = caixa.style;
    estilo.setProperty("--md-tooltip-host-x", r.left + window.scrollX + "px");
    estilo.setProperty("--md-tooltip-host-y", r.top + window.scrollY + "px");
    estilo.setProperty("--md-tooltip-x", r.width / 2 + "px");
    estilo.setProperty("--md-tooltip-y", r.height + 8 + "px");
    estilo.setProperty("--md-tooltip-tail", "0px");
    estilo.setProperty("--md-tooltip-width", interno.getBoundingClientRect().width + "px");
    abbr.setAttribute("aria-describedby", ID);
    requestAnimationFrame(function () {
      if (atual === abbr) caixa.classList.add("md-tooltip2--active");
    });
  }

  function esconder(espera) {
    clearTimeout(fechar);
    fechar = setTimeout(function () {
      if (!atual) return;
      caixa.classList.remove("md-tooltip2--active");
      atual.removeAttribute("aria-describedby");
      atual = null;
    }, espera);
  }

  document.addEventListener("pointerover", function (e) {
    var abbr = termo(e.target);
    if (abbr && e.pointerType !== "touch") mostrar(abbr);
  });
  document.addEventListener("pointerout", function (e) {
    var abbr = termo(e.target);
    if (abbr && abbr === atual && !abbr.contains(e.relatedTarget) && document.activeElement !== abbr)
      esconder(250);
  });
  // Toque e teclado: o termo é focável (tabindex="0"), e tocar nele dá o foco.
  document.addEventListener("focusin", function (e) {
    var abbr = termo(e.target);
    if (abbr) mostrar(abbr);
  });
  document.addEventListener("focusout", function (e) {
    if (termo(e.target) === atual && atual) esconder(150);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && atual) esconder(0);
  });
  window.addEventListener("resize", function () {
    if (atual) esconder(0);
  });
})();
