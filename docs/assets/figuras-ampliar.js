// Tocar numa figura abre o SVG ampliado (GLightbox, servido pelo próprio site).
// Numa tela estreita, abre a variante estreita (a mesma que o <picture> mostra).
// Com a navegação instantânea do Material, document$ avisa a cada página nova.
(function () {
  function iniciar() {
    if (typeof GLightbox === "undefined") return;
    document.querySelectorAll("a.figura-ampliar").forEach(function (a) {
      var fonte = a.querySelector("picture > source[media]");
      if (fonte && window.matchMedia(fonte.media).matches) a.href = fonte.srcset;
    });
    if (window.__figurasAmpliar) window.__figurasAmpliar.destroy();
    window.__figurasAmpliar = GLightbox({
      selector: "a.figura-ampliar",
      touchNavigation: true,
      loop: false,
      zoomable: true,
      draggable: true,
    });
  }
  if (typeof document$ !== "undefined") document$.subscribe(iniciar);
  else document.addEventListener("DOMContentLoaded", iniciar);
})();
