"""SWOT / strategy-type engine: plain Python (stdlib only), tested without Rasa.

Import the modules directly (``from bot.strategy.decision import decide``).
"""
