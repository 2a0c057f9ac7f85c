"""Ferramentas do build do site (ganchos do MkDocs e figuras)."""
