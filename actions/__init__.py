"""rasa_sdk actions: thin adapters between the tracker and the ``bot`` core."""
