"""Validation of the knowledge YAML into plain records.

Validation happens completely before anything touches the database, so a malformed file
is rejected with the file and the field named and the stored knowledge stays as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot import texts
from bot.normalize import normalize
from bot.ops import texts as ops_texts

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
FACET_KINDS = frozenset(
    {
        "steps", "elements", "principles", "features", "importance", "methods", "key_points",
        "core_ideas", "types", "preconditions", "measures", "goals", "examples", "differences",
        "other",
    }
)
ROLE_FACETS = tuple(texts.ROLE_FACET_TITLES.items())


class KnowledgeError(ValueError):
    """A knowledge file that cannot be loaded; the message names file and field."""

    def __init__(self, file: str, field_path: str, problem: str) -> None:
        self.file, self.field_path, self.problem = file, field_path, problem
        super().__init__(texts.KNOWLEDGE_ERROR.format(file=file, field=field_path, problem=problem))


@dataclass(frozen=True)
class Source:
    doc: str
    section: str


@dataclass
class FacetRecord:
    kind: str
    title: str
    items: list[str]
    sources: list[Source]


@dataclass
class TopicRecord:
    id: str
    kind: str  # "concept" | "role"
    name: str
    aliases: list[str]
    summary: str
    category: str
    sources: list[Source]
    facets: list[FacetRecord]
    related: list[str]
    file: str
    # How people ask when this topic is the answer (incl. described cases): retrieval
    # evidence for the topic, never shown as an answer.
    questions: list[str] = field(default_factory=list)
    # Who answers for this topic when a user asks for a person (knowledge/contacts.yml).
    owner: str | None = None


@dataclass
class Addition:
    """Aliases and questions added to a topic defined elsewhere (admin_additions.yml)."""

    topic: str
    aliases: list[str]
    questions: list[str]
    file: str


@dataclass(frozen=True)
class Contact:
    name: str
    contact: str


@dataclass
class Contacts:
    """knowledge/contacts.yml: the people a user is handed to, per owner id."""

    owners: dict[str, Contact]
    default: str


@dataclass
class KnowledgeSet:
    topics: list[TopicRecord] = field(default_factory=list)
    synonyms: dict[str, str] = field(default_factory=dict)
    additions: list[Addition] = field(default_factory=list)
    contacts: Contacts | None = None


class _Checker:
    """Field-level checks that raise :class:`KnowledgeError` with a precise path."""

    def __init__(self, file: str, sections: dict[str, set[str]] | None) -> None:
        self.file = file
        self.sections = sections

    def fail(self, path: str, problem: str) -> None:
        raise KnowledgeError(self.file, path, problem)

    def text(self, data: dict, key: str, path: str, required: bool = True) -> str:
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(f"{path}.{key}", texts.ERR_REQUIRED_TEXT)
            return ""
        if not isinstance(value, (str, int, float)):
            self.fail(f"{path}.{key}", texts.ERR_NOT_TEXT)
        return str(value).strip()

    def text_list(self, data: dict, key: str, path: str, required: bool = False) -> list[str]:
        value = data.get(key)
        if value is None:
            if required:
                self.fail(f"{path}.{key}", texts.ERR_REQUIRED_LIST)
            return []
        if not isinstance(value, list) or (required and not value):
            self.fail(f"{path}.{key}", texts.ERR_REQUIRED_LIST if required else texts.ERR_NOT_LIST)
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, (str, int, float)) or not str(item).strip():
                self.fail(f"{path}.{key}[{i}]", texts.ERR_NOT_TEXT)
            out.append(str(item).strip())
        return out

    def sources(self, data: dict, path: str, required: bool) -> list[Source]:
        value = data.get("source")
        if value is None:
            if required:
                self.fail(f"{path}.source", texts.ERR_REQUIRED_SOURCE)
            return []
        items = value if isinstance(value, list) else [value]
        out = []
        for i, item in enumerate(items):
            where = f"{path}.source" + (f"[{i}]" if isinstance(value, list) else "")
            if not isinstance(item, dict) or not item.get("doc") or not item.get("section"):
                self.fail(where, texts.ERR_REQUIRED_SOURCE)
            doc, section = str(item["doc"]).strip(), str(item["section"]).strip()
            if self.sections is not None and section not in self.sections.get(doc, set()):
                self.fail(where, texts.ERR_UNKNOWN_SECTION.format(doc=doc, section=section))
            out.append(Source(doc, section))
        return out

    def topic_id(self, data: dict, path: str) -> str:
        value = self.text(data, "id", path)
        if not ID_PATTERN.match(value):
            self.fail(f"{path}.id", texts.ERR_BAD_ID.format(value=value))
        return value

    def owner(self, data: dict, path: str) -> str | None:
        value = self.text(data, "owner", path, required=False)
        if value and not ID_PATTERN.match(value):
            self.fail(f"{path}.owner", ops_texts.ERR_BAD_OWNER_ID.format(value=value))
        return value or None

    def topic(self, raw: dict, path: str, *, kind: str, name_key: str, summary_key: str,
              sources: list[Source], facets: list[FacetRecord], default_category: str = "") -> TopicRecord:
        """The fields concepts and roles share, read in this order (the first problem is reported)."""
        return TopicRecord(
            id=self.topic_id(raw, path),
            kind=kind,
            name=self.text(raw, name_key, path),
            aliases=self.text_list(raw, "aliases", path),
            summary=self.text(raw, summary_key, path),
            category=self.text(raw, "category", path, required=False) or default_category,
            sources=sources,
            facets=facets,
            related=self.text_list(raw, "related", path),
            file=self.file,
            questions=self.text_list(raw, "questions", path),
            owner=self.owner(raw, path),
        )


def parse_concept(raw: Any, path: str, check: _Checker) -> TopicRecord:
    if not isinstance(raw, dict):
        check.fail(path, texts.ERR_NOT_MAPPING)
    sources = check.sources(raw, path, required=True)
    facets = []
    raw_facets = raw.get("facets") or []
    if not isinstance(raw_facets, list):
        check.fail(f"{path}.facets", texts.ERR_NOT_LIST)
    for i, raw_facet in enumerate(raw_facets):
        fpath = f"{path}.facets[{i}]"
        if not isinstance(raw_facet, dict):
            check.fail(fpath, texts.ERR_NOT_MAPPING)
        kind = check.text(raw_facet, "kind", fpath)
        if kind not in FACET_KINDS:
            check.fail(f"{fpath}.kind", texts.ERR_BAD_KIND.format(value=kind, allowed="、".join(sorted(FACET_KINDS))))
        facets.append(
            FacetRecord(
                kind=kind,
                title=check.text(raw_facet, "title", fpath),
                items=check.text_list(raw_facet, "items", fpath, required=True),
                sources=check.sources(raw_facet, fpath, required=False) or sources,
            )
        )
    return check.topic(raw, path, kind="concept", name_key="name", summary_key="definition",
                       sources=sources, facets=facets)


def parse_role(raw: Any, path: str, check: _Checker) -> TopicRecord:
    if not isinstance(raw, dict):
        check.fail(path, texts.ERR_NOT_MAPPING)
    sources = check.sources(raw, path, required=True)
    facets = []
    for key, title in ROLE_FACETS:
        items = check.text_list(raw, key, path, required=key == "duties")
        if items:
            facets.append(FacetRecord(kind=key, title=title, items=items, sources=sources))
    return check.topic(raw, path, kind="role", name_key="title", summary_key="summary",
                       sources=sources, facets=facets, default_category=texts.ROLE_CATEGORY)


def parse_document(data: Any, file: str, sections: dict[str, set[str]] | None) -> KnowledgeSet:
    """Validate one parsed YAML document (concepts, roles and/or synonyms)."""
    check = _Checker(file, sections)
    result = KnowledgeSet()
    if not isinstance(data, dict):
        check.fail("(文件)", texts.ERR_NOT_MAPPING)
    known = {"concepts", "roles", "synonyms", "additions"}
    for key in data:
        if key not in known:
            check.fail(str(key), texts.ERR_UNKNOWN_KEY.format(allowed="、".join(sorted(known))))
    for key, parser in (("concepts", parse_concept), ("roles", parse_role)):
        entries = data.get(key)
        if entries is None:
            continue
        if not isinstance(entries, list):
            check.fail(key, texts.ERR_NOT_LIST)
        result.topics.extend(parser(raw, f"{key}[{i}]", check) for i, raw in enumerate(entries))
    result.additions.extend(_parse_additions(data.get("additions"), check))
    synonyms = data.get("synonyms")
    if synonyms is not None:
        if not isinstance(synonyms, dict):
            check.fail("synonyms", texts.ERR_NOT_MAPPING)
        for word, canonical in synonyms.items():
            if not str(word).strip() or not isinstance(canonical, str) or not canonical.strip():
                check.fail(f"synonyms.{word}", texts.ERR_NOT_TEXT)
            result.synonyms[str(word).strip()] = canonical.strip()
    return result


def _parse_additions(raw: Any, check: _Checker) -> list[Addition]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        check.fail("additions", texts.ERR_NOT_LIST)
    out = []
    for i, entry in enumerate(raw):
        path = f"additions[{i}]"
        if not isinstance(entry, dict):
            check.fail(path, texts.ERR_NOT_MAPPING)
        out.append(Addition(
            topic=check.topic_id({"id": entry.get("topic")}, path),
            aliases=check.text_list(entry, "aliases", path),
            questions=check.text_list(entry, "questions", path),
            file=check.file,
        ))
    return out


def apply_additions(knowledge: KnowledgeSet) -> None:
    """Append the additions' aliases and questions to their topics, in file order."""
    by_id = {topic.id: topic for topic in knowledge.topics}
    for addition in knowledge.additions:
        topic = by_id.get(addition.topic)
        if topic is None:
            raise KnowledgeError(addition.file, f"additions.{addition.topic}",
                                 ops_texts.ERR_UNKNOWN_TOPIC.format(value=addition.topic))
        topic.aliases.extend(addition.aliases)
        topic.questions.extend(addition.questions)
    knowledge.additions = []


def parse_contacts(data: Any, file: str) -> Contacts:
    """Validate ``contacts.yml``: ``owners: {id: {name, contact}}`` and ``default: id``."""
    check = _Checker(file, None)
    if not isinstance(data, dict):
        check.fail("(文件)", texts.ERR_NOT_MAPPING)
    raw_owners = data.get("owners")
    if not isinstance(raw_owners, dict) or not raw_owners:
        check.fail("owners", ops_texts.ERR_NO_OWNERS)
    owners = {}
    for owner_id, raw in raw_owners.items():
        path = f"owners.{owner_id}"
        if not ID_PATTERN.match(str(owner_id)):
            check.fail(path, ops_texts.ERR_BAD_OWNER_ID.format(value=owner_id))
        if not isinstance(raw, dict):
            check.fail(path, texts.ERR_NOT_MAPPING)
        owners[str(owner_id)] = Contact(check.text(raw, "name", path), check.text(raw, "contact", path))
    default = check.text(data, "default", "(文件)")
    if default not in owners:
        check.fail("default", ops_texts.ERR_UNKNOWN_DEFAULT.format(value=default))
    return Contacts(owners=owners, default=default)


def check_consistency(knowledge: KnowledgeSet) -> None:
    """Cross-file rules: unique ids, unique aliases, related ids and owners that exist."""
    by_id: dict[str, TopicRecord] = {}
    for topic in knowledge.topics:
        if topic.id in by_id:
            raise KnowledgeError(topic.file, f"id={topic.id}", texts.ERR_DUPLICATE_ID.format(other=by_id[topic.id].file))
        by_id[topic.id] = topic
    owner: dict[str, str] = {}
    for topic in knowledge.topics:
        for alias in [topic.name, *topic.aliases]:
            key = normalize(alias)
            if not key:
                continue
            if owner.get(key, topic.id) != topic.id:
                raise KnowledgeError(topic.file, f"{topic.id}.aliases", texts.ERR_DUPLICATE_ALIAS.format(alias=alias, other=owner[key]))
            owner[key] = topic.id
    for topic in knowledge.topics:
        for related in topic.related:
            if related not in by_id:
                raise KnowledgeError(topic.file, f"{topic.id}.related", texts.ERR_UNKNOWN_RELATED.format(value=related))
    owners = knowledge.contacts.owners if knowledge.contacts else {}
    for topic in knowledge.topics:
        if topic.owner and topic.owner not in owners:
            raise KnowledgeError(topic.file, f"{topic.id}.owner", ops_texts.ERR_UNKNOWN_OWNER.format(value=topic.owner))


def read_sections(path: Path) -> dict[str, set[str]] | None:
    """Titles per seed document from ``sections.yml``; None when the file is absent."""
    import yaml

    if not path.exists():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {doc: {str(t) for t in titles or []} for doc, titles in data.items()}
