"""Knowledge operations: question log, feedback, handoff contacts, admin edits and audit.

Rasa-free, like the rest of ``bot/``; the admin HTTP API in ``bot/web`` calls these modules.
Kept empty so that ``bot.knowledge.schema`` can import ``bot.ops.texts`` without loading the
database layer.
"""
