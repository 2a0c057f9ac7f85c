"""Figuras do capítulo Camadas."""
