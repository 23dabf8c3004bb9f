"""SQL tables of the knowledge base (SQLAlchemy 1.4 declarative)."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import relationship

from bot.metadata import Base


def _topic_list(name: str, *columns: Column, constraints: tuple[UniqueConstraint, ...] = ()) -> Table:
    """The table of one of a topic's lists (aliases, facets …): a row id, the owning topic
    (its rows go when the topic does), the row's own ``columns``, its place in the list.

    The shared columns come from here so that every list table has them alike and in the
    same order as the tables of existing databases."""
    return Table(
        name, Base.metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("topic_id", String(80), ForeignKey("kb_topics.id", ondelete="CASCADE"), nullable=False,
               index=True),
        *columns,
        Column("position", Integer, nullable=False),
        *constraints,
    )


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
    __table__ = _topic_list(
        "kb_aliases",
        Column("alias", String(200), nullable=False),
        Column("normalized", String(200), nullable=False),
        constraints=(UniqueConstraint("normalized", name="uq_kb_alias_normalized"),),
    )


class Facet(Base):
    __table__ = _topic_list(
        "kb_facets",
        Column("kind", String(32), nullable=False),
        Column("title", String(200), nullable=False),
        Column("items", Text, nullable=False),  # JSON list of strings
        Column("sources", Text, nullable=False),
    )


class ExampleQuestion(Base):
    """A way people ask for the topic (its own table, so databases made before it still load)."""

    __table__ = _topic_list("kb_questions", Column("text", Text, nullable=False))


class Relation(Base):
    __table__ = _topic_list("kb_relations", Column("related_id", String(80), nullable=False))


class Synonym(Base):
    __tablename__ = "kb_synonyms"

    word = Column(String(100), primary_key=True)
    canonical = Column(String(100), nullable=False)


class Meta(Base):
    """Key/value facts about the loaded knowledge, e.g. its content revision."""

    __tablename__ = "kb_meta"

    key = Column(String(50), primary_key=True)
    value = Column(Text, nullable=False)
