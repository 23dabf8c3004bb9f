"""The declarative base every table registers on. Imports nothing of ours, so model modules
and ``bot.db`` depend on it without importing each other."""

from __future__ import annotations

from sqlalchemy.orm import declarative_base

Base = declarative_base()
