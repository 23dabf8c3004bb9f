"""SQL tables of the knowledge base (SQLAlchemy 1.4 declarative)."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import relationship

from bot.metadata import Base


def _owning_topic() -> Column:
    """The topic a row of a child table belongs to; the row goes when the topic does."""
    return Column(String(80), ForeignKey("kb_topics.id", ondelete="CASCADE"), nullable=False, index=True)


class Topic(Base):
    """A concept or a role; facets hold its lists (steps, duties …)."""

    __tablename__ = "kb_topics"

    id = Column(String(80), primary_key=True)
    kind = Column(String(16), nullable=False)
    name = Column(String(200), nullable=False)
    summary = Column(Text, nullable=False)
    category = Column(String(100), nullable=False, default="")
    sources = Column(Text, nullable=False)  # JSON list of {doc, section}
    file = Column(String(300), nullable=False)
    position = Column(Integer, nullable=False)

    aliases = relationship("Alias", cascade="all, delete-orphan", order_by="Alias.position")
    facets = relationship("Facet", cascade="all, delete-orphan", order_by="Facet.position")
    questions = relationship("ExampleQuestion", cascade="all, delete-orphan", order_by="ExampleQuestion.position")
    related = relationship(
        "Relation", cascade="all, delete-orphan", order_by="Relation.position",
        foreign_keys="Relation.topic_id",
    )


class Alias(Base):
    __tablename__ = "kb_aliases"
    __table_args__ = (UniqueConstraint("normalized", name="uq_kb_alias_normalized"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    topic_id = _owning_topic()
    alias = Column(String(200), nullable=False)
    normalized = Column(String(200), nullable=False)
    position = Column(Integer, nullable=False)


class Facet(Base):
    __tablename__ = "kb_facets"

    id = Column(Integer, primary_key=True, autoincrement=True)
    topic_id = _owning_topic()
    kind = Column(String(32), nullable=False)
    title = Column(String(200), nullable=False)
    items = Column(Text, nullable=False)  # JSON list of strings
    sources = Column(Text, nullable=False)
    position = Column(Integer, nullable=False)


class ExampleQuestion(Base):
    """A way people ask for the topic (its own table, so databases made before it still load)."""

    __tablename__ = "kb_questions"

    id = Column(Integer, primary_key=True, autoincrement=True)
    topic_id = _owning_topic()
    text = Column(Text, nullable=False)
    position = Column(Integer, nullable=False)


class Relation(Base):
    __tablename__ = "kb_relations"

    id = Column(Integer, primary_key=True, autoincrement=True)
    topic_id = _owning_topic()
    related_id = Column(String(80), nullable=False)
    position = Column(Integer, nullable=False)


class Synonym(Base):
    __tablename__ = "kb_synonyms"

    word = Column(String(100), primary_key=True)
    canonical = Column(String(100), nullable=False)


class Meta(Base):
    """Key/value facts about the loaded knowledge, e.g. its content revision."""

    __tablename__ = "kb_meta"

    key = Column(String(50), primary_key=True)
    value = Column(Text, nullable=False)
