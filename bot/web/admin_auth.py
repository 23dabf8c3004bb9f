"""Who may use the admin API: a portal JWT that carries the admin role (docs/admin.md).

Rasa-free (only PyJWT), so each rule is unit tested directly. The token is read from the
``Authorization: Bearer`` header and nowhere else: never from a cookie (a page on another
intranet site could make the browser send one) and never from the query string (it would end
up in access logs and ``Referer`` headers). Same signature rules as the widget's token
(:func:`bot.web.channel.verify_token`): HS256 only, ``sub`` and ``exp`` required, 30 s leeway,
no ``rest:`` subjects; in addition the claims must say admin: ``"role": "admin"`` or a
``"roles"`` list containing ``"admin"``.
"""

from __future__ import annotations

import logging
from typing import Any

import jwt

from bot.web.access import portal_subject_allowed

logger = logging.getLogger(__name__)

ALGORITHM = "HS256"
ADMIN_ROLE = "admin"
LEEWAY_SECONDS = 30
MAX_TOKEN_CHARS = 4096


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, else None."""
    if not isinstance(authorization, str):
        return None
    scheme, _, token = authorization.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > MAX_TOKEN_CHARS:
        return None
    return token


def is_admin(claims: dict[str, Any]) -> bool:
    """True when the claims grant the admin role (``role`` string or ``roles`` list)."""
    if claims.get("role") == ADMIN_ROLE:
        return True
    roles = claims.get("roles")
    return isinstance(roles, list | tuple) and ADMIN_ROLE in roles


def admin_claims(authorization: str | None, secret: str | None) -> dict[str, Any] | None:
    """The claims of a valid admin token in the ``Authorization`` header; None otherwise.

    Without a secret there is no admin at all (the anonymous development mode of the widget
    never extends to the admin API).
    """
    token = bearer_token(authorization)
    if not token or not secret:
        return None
    try:
        claims = jwt.decode(token, secret, algorithms=[ALGORITHM], leeway=LEEWAY_SECONDS,
                            options={"require": ["sub", "exp"]})
    except jwt.PyJWTError as exc:
        logger.info("admin: rejected token (%s)", exc)
        return None
    if not portal_subject_allowed(claims.get("sub")) or not is_admin(claims):
        logger.info("admin: token of %r has no admin role", claims.get("sub"))
        return None
    return claims
