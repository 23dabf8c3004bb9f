"""Which Q&A turns go to the question log: the ones an admin may need to fix.

A turn is logged when the bot declined it, when only the retrieval fallback found an answer,
or when the NLU was unsure of the intent (below ``LOW_CONFIDENCE``) — the three ways a
question can be "not really understood". Everything else was answered from a named topic,
a follow-up or an example question and is not logged (the log stays a work queue).
"""

from __future__ import annotations

import os
import re

LOW_CONFIDENCE_DEFAULT = 0.5


def low_confidence() -> float:
    """``QUESTION_LOG_CONFIDENCE`` (default 0.5): below it an answered turn is logged too."""
    try:
        return float(os.environ.get("QUESTION_LOG_CONFIDENCE", LOW_CONFIDENCE_DEFAULT))
    except ValueError:
        return LOW_CONFIDENCE_DEFAULT


def outcome_of(*, declined: bool, by_retrieval: bool, chat: bool,
               confidence: float | None) -> str | None:
    """"declined" / "fallback" / "low_confidence", or None when the turn needs no review.

    Small talk is never logged: 你好 or 谢谢 at low confidence is not a knowledge gap.
    """
    if declined:
        return "declined"
    if chat:
        return None
    if by_retrieval:
        return "fallback"
    if confidence is not None and confidence < low_confidence():
        return "low_confidence"
    return None


# 转人工 must be asked for in so many words: "合作伙伴找谁" or "晚上找不到人" are questions
# about the knowledge, not requests for a person, whatever the classifier says.
_PERSON_REQUEST = re.compile(
    r"人工|专家|联系人|联系方式|联系谁|真人|负责人|找个人|找人帮|转接|客服电话|电话多少|找同事|找领导"
)


def asks_for_a_person(text: str) -> bool:
    """True when the message itself asks to be handed to a person (or is the button)."""
    return (text or "").startswith("/") or bool(_PERSON_REQUEST.search(text or ""))
