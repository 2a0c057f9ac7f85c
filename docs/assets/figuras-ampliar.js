// Tocar numa figura abre o SVG ampliado (GLightbox, servido pelo próprio site).
// Numa tela estreita, abre a variante estreita (a mesma que o <picture> mostra).
//
// O GLightbox (JS e CSS, ~18 KB com gzip) só é baixado quando o leitor encosta
// numa figura: quem só lê a página não paga por ele. O primeiro toque baixa e
// abre; os seguintes são do próprio GLightbox. Sem JavaScript, ou se o download
// falhar, o link abre o SVG, como qualquer link.
(function () {
  var SELETOR = "a.figura-ampliar";
  var script = document.currentScript;
  var BASE = new URL("glightbox/", script ? script.src : location.href).href;
  var carregando = null;
  var caixa = null;

  function pedir(tag, atributos) {
    return new Promise(function (ok, falha) {
      var el = document.createElement(tag);
      Object.keys(atributos).forEach(function (k) { el[k] = atributos[k]; });
      el.onload = ok;
      el.onerror = function () { falha(new Error("não baixou " + (el.src || el.href))); };
      document.head.appendChild(el);
    });
  }

  function carregar() {
    if (!carregando) {
      carregando = Promise.all([
        pedir("link", { rel: "stylesheet", href: BASE + "css/glightbox.min.css" }),
        pedir("script", { src: BASE + "js/glightbox.min.js" }),
      ]);
    }
    return carregando;
  }

  function montar() {
    document.querySelectorAll(SELETOR).forEach(function (a) {
      var fonte = a.querySelector("picture > source[media]");
      if (fonte && window.matchMedia(fonte.media).matches) a.href = fonte.srcset;
    });
    if (caixa) caixa.destroy();
    caixa = GLightbox({
      selector: SELETOR,
      touchNavigation: true,
      loop: false,
      zoomable: true,
      draggable: true,
    });
  }

  function figura(evento) {
    return evento.target instanceof Element ? evento.target.closest(SELETOR) : null;
  }

  // Adiantar o download: o dedo (ou o mouse) desceu sobre uma figura.
  document.addEventListener("pointerdown", function (evento) {
    if (figura(evento)) carregar().catch(function () {});
  }, { capture: true, passive: true });

  document.addEventListener("click", function (evento) {
    var a = figura(evento);
    if (!a || caixa || evento.defaultPrevented || evento.button !== 0 ||
        evento.ctrlKey || evento.metaKey || evento.shiftKey || evento.altKey) return;
    evento.preventDefault();
    carregar().then(
      function () { montar(); caixa.open(a); },
      function () { window.location.href = a.href; }
    );
  });

  // Com a navegação instantânea do Material, document$ avisa a cada página nova.
  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { if (caixa) montar(); });
  }
})();
