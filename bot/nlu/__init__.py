"""Rasa graph components; the only part of ``bot/`` that imports Rasa."""
