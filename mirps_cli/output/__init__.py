"""Renderers: each turns a core result into text for stdout. None of them prints."""
