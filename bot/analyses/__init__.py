"""Saved analyses (SWOT and strategy-type wizards), one row per analysis, per user."""
