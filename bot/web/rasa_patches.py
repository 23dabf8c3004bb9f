"""Runtime adjustments to Rasa 3.6 that have no supported route, applied by :func:`install`.

``install()`` is called from one place: ``KnowledgeEntityExtractor.create`` (bot/nlu), i.e.
whenever a process loads this project's model, whatever channels ``credentials.yml`` lists.
It checks the Rasa version it was written for and refuses another one with a clear error,
and it is idempotent. Each adjustment fixes a measured problem (docs/performance.md) and
changes neither what Rasa stores nor what it answers; tests/test_rasa_patches.py has a test
per adjustment that fails if it stops taking effect.

* The custom-action HTTP timeout is hard-coded to 300 s, so a hung action server would keep a
  user waiting for five minutes; ``ACTION_TIMEOUT_SECONDS`` (default 10) replaces it.
* Every action-server reply is checked with ``jsonschema.validate``, which re-checks the
  schema and builds a new validator on each call — a fifth of the server's CPU per turn.
  The validator is now built once; the check itself and its error message are unchanged.
* ``Event.resolve_by_type`` walks every ``Event`` subclass (with ``inspect.isabstract`` on
  each) for every event it deserialises, i.e. for every stored event on every tracker read:
  about half the time of a tracker-store read. The name → class table is now built once;
  unknown names still go through Rasa's own function (same default / error behaviour).

The SQLite tracker store's kept connection and write-ahead log have a supported route: the
tracker store class named in ``endpoints.yml`` (:mod:`bot.web.tracker_store`).
"""

from __future__ import annotations

import os
from typing import Any

import rasa
import rasa.core.actions.action as rasa_action
from jsonschema import ValidationError
from jsonschema.validators import validator_for
from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses

RASA_VERSION = "3.6.21"  # what these adjustments were written for and tested against
DEFAULT_ACTION_TIMEOUT_SECONDS = 10


class UnsupportedRasaVersion(RuntimeError):
    """The installed Rasa is not the one these adjustments were written for."""


def action_timeout_seconds() -> int:
    try:
        return max(1, int(os.environ.get("ACTION_TIMEOUT_SECONDS", DEFAULT_ACTION_TIMEOUT_SECONDS)))
    except ValueError:
        return DEFAULT_ACTION_TIMEOUT_SECONDS

# --- action-server replies: validator built once ----------------------------------------------

_validator: Any = None


def _validate_action_result(self: rasa_action.RemoteAction, result: dict[str, Any]) -> bool:
    global _validator
    if _validator is None:
        spec = self.action_response_format_spec()
        cls = validator_for(spec)
        cls.check_schema(spec)
        _validator = cls(spec)
    try:
        _validator.validate(result)
    except ValidationError as error:
        error.message += (". Failed to validate Action server response from API, make sure your "
                          "response from the Action endpoint is valid.")
        raise
    return True



# --- event deserialisation: name -> class table built once ------------------------------------

_rasa_resolve_by_type = Event.resolve_by_type
_event_classes: dict[str, type[Event]] = {}


def resolve_event_class(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    """Rasa's ``Event.resolve_by_type`` with the subclass walk done once, not per event."""
    if not _event_classes:
        for cls in all_subclasses(Event):  # Rasa's order: the first class with a name wins
            _event_classes.setdefault(cls.type_name, cls)
    found = _event_classes.get(type_name)
    if found is not None:
        return found
    return _rasa_resolve_by_type(type_name, default)  # unknown / "topic": Rasa decides




def install(version: str | None = None) -> None:
    """Apply the adjustments (idempotent); raise :class:`UnsupportedRasaVersion` on another Rasa."""
    found = version or rasa.__version__
    if found != RASA_VERSION:
        raise UnsupportedRasaVersion(
            f"bot/web/rasa_patches.py was written for Rasa {RASA_VERSION}, found {found}: check each "
            "adjustment against the new Rasa (tests/test_rasa_patches.py) before changing RASA_VERSION")
    if not hasattr(rasa_action, "DEFAULT_REQUEST_TIMEOUT"):
        raise UnsupportedRasaVersion("rasa.core.actions.action.DEFAULT_REQUEST_TIMEOUT is gone")
    rasa_action.DEFAULT_REQUEST_TIMEOUT = action_timeout_seconds()
    rasa_action.RemoteAction._validate_action_result = _validate_action_result
    Event.resolve_by_type = staticmethod(resolve_event_class)
