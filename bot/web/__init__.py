"""The portal side: the embeddable widget (static files), the demo portal server and the
Rasa input channel that authenticates portal users (``bot.web.channel``)."""
