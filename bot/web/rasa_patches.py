"""Runtime adjustments to Rasa 3.6, applied when the Rasa server imports our channels.

Two measured problems (docs/performance.md) have no configuration switch in Rasa 3.6:

* The custom-action HTTP timeout is hard-coded to 300 s, so a hung action server would keep a
  user waiting for five minutes; ``ACTION_TIMEOUT_SECONDS`` (default 10) replaces it.
* Every action-server reply is checked with ``jsonschema.validate``, which re-checks the
  schema and builds a new validator on each call — a fifth of the server's CPU per turn.
  The validator is now built once; the check itself and its error message are unchanged.
"""

from __future__ import annotations

import os
from typing import Any

import rasa.core.actions.action as rasa_action
from jsonschema import ValidationError
from jsonschema.validators import validator_for

rasa_action.DEFAULT_REQUEST_TIMEOUT = int(os.environ.get("ACTION_TIMEOUT_SECONDS", "10"))

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


rasa_action.RemoteAction._validate_action_result = _validate_action_result
