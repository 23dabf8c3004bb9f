"""The parts of the advisor (bot/advisor.py): reply types, evidence, topic naming,
follow-ups, scope, trade routing and the reply builders. Rasa-free."""
