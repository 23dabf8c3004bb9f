"""Who may talk to which server, and as whom (docs/security.md).

Rasa-free so each rule is unit tested directly; the REST channel, the portal channel and
the action-server launcher (``actions/server.py``) apply them.

* **Identities never collide across channels.** A portal user is the ``sub`` of a signed JWT;
  a REST conversation is whatever the caller puts in ``sender``, so REST ids are namespaced
  (``rest:<sender>``) and a portal token whose ``sub`` starts with that prefix is refused.
  Nobody reaching the REST port can address a portal user's conversation or analyses.
* **The REST channel answers strangers only with a token.** Without ``REST_TOKEN`` it serves
  clients on the server's own host (scripts, tests, ``curl`` on the machine); with it, every
  request needs ``Authorization: Bearer <REST_TOKEN>``. Behind the production load balancer
  no request comes from loopback, so there the channel is off unless a token is set.
* **Shared secrets are compared in constant time** (``hmac.compare_digest``).
"""

from __future__ import annotations

import hmac
import ipaddress
import os

REST_PREFIX = "rest:"
MAX_SENDER_CHARS = 128


def rest_sender_id(sender: object) -> str | None:
    """The namespaced conversation id for a REST ``sender``; None when it is not usable.

    A missing sender is Rasa's ``default``; numbers are accepted as their text (scripts send
    them); anything else that is not a short string is refused.
    """
    if sender is None:
        sender = "default"
    if isinstance(sender, bool) or not isinstance(sender, str | int):
        return None
    text = "".join(ch for ch in str(sender) if ch.isprintable()).strip()
    if not text or len(text) > MAX_SENDER_CHARS:
        return None
    return REST_PREFIX + text


def visible_sender(sender_id: str) -> str:
    """The sender as its REST caller named it (``recipient_id`` of the reply)."""
    return sender_id.removeprefix(REST_PREFIX)


def portal_subject_allowed(subject: object) -> bool:
    """A JWT ``sub`` that names a portal user, never a REST conversation."""
    return (isinstance(subject, str) and 0 < len(subject) <= MAX_SENDER_CHARS
            and subject.isprintable() and not subject.startswith(REST_PREFIX))


def bearer_matches(header: str | None, token: str) -> bool:
    """True when ``Authorization`` is ``Bearer <token>`` (an empty token matches nothing)."""
    if not token:
        return False
    return hmac.compare_digest((header or "").encode(), f"Bearer {token}".encode())


def is_loopback(address: str | None) -> bool:
    """True for 127.0.0.0/8, ::1 and IPv4-mapped loopback; False for anything unparsable."""
    if not address:
        return False
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)
    return bool(ip.is_loopback or (mapped is not None and mapped.is_loopback))


def rest_access(client_address: str | None, authorization: str | None) -> bool:
    """May this REST request be served? Token when ``REST_TOKEN`` is set, else loopback only."""
    token = os.environ.get("REST_TOKEN", "")
    if token:
        return bearer_matches(authorization, token)
    return is_loopback(client_address)
