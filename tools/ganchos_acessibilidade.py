"""Gancho do MkDocs: correções de acessibilidade na marcação gerada pelo tema.

- O diálogo da busca do Material (``role="dialog"``) não tem nome acessível
  (regra ``aria-dialog-name`` do axe e do Lighthouse): ganha ``aria-label``.
- Fórmulas em bloco podem rolar na horizontal em telas estreitas: com
  ``tabindex="0"`` dá para rolá-las pelo teclado (regra ``scrollable-region-focusable``).
"""

from __future__ import annotations

DIALOGO_DA_BUSCA = '<div class="md-search" data-md-component="search" role="dialog">'


def on_post_page(output, page, config):
    output = output.replace(
        DIALOGO_DA_BUSCA,
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Busca no site">',
    )
    return output.replace('<div class="arithmatex">', '<div class="arithmatex" tabindex="0">')
