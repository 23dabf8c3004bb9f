"""Custom Rasa graph component: knowledge entities from the database's names and aliases.

Emits ``concept`` / ``role`` entities whose values are canonical knowledge ids. The
patterns are read from the database (not baked into the model), so ``make reload`` of an
edited knowledge base is picked up by a running server within seconds, without retraining.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import spacy
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.knowledge.matcher import KnowledgeMatcher
from bot.knowledge.repository import default_cache
from bot.web import rasa_patches

logger = logging.getLogger(__name__)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class KnowledgeEntityExtractor(GraphComponent, EntityExtractorMixin):
    """spaCy PhraseMatcher over knowledge aliases (+ sound-alike typos), longest match wins."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"fuzzy": True}

    def __init__(self, config: dict[str, Any]) -> None:
        self.fuzzy = bool(config.get("fuzzy", True))
        self._matcher: KnowledgeMatcher | None = None
        self._nlp: spacy.language.Language | None = None
        self._lock = threading.Lock()

    @classmethod
    def create(
        cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
        execution_context: ExecutionContext,
    ) -> KnowledgeEntityExtractor:
        # The one place the Rasa adjustments are applied: every process that loads this
        # model (Rasa servers, tests), whichever channels credentials.yml lists.
        rasa_patches.install()
        return cls(config)

    def _segment(self, text: str) -> list[str]:
        """spaCy's blank ``zh`` with the jieba segmenter (built on first use)."""
        if self._nlp is None:
            self._nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        return [token.text for token in self._nlp.make_doc(text)]

    def matcher(self) -> KnowledgeMatcher:
        snapshot = default_cache().get()
        with self._lock:
            if self._matcher is None or self._matcher.revision != snapshot.revision:
                self._matcher = KnowledgeMatcher(snapshot, segment=self._segment)
            return self._matcher

    def process(self, messages: list[Message]) -> list[Message]:
        matcher = self.matcher()
        for message in messages:
            text = message.get(TEXT) or ""
            found = [m for m in matcher.find(text) if self.fuzzy or m.method == "exact"]
            entities = [
                {"entity": m.topic_kind, "value": m.topic_id, "start": m.start, "end": m.end,
                 "confidence_entity": 1.0 if m.method == "exact" else 0.8}
                for m in found
            ]
            if entities:
                message.set(
                    ENTITIES, message.get(ENTITIES, []) + self.add_extractor_name(entities),
                    add_to_output=True,
                )
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
