"""Test helpers: real Rasa and action servers on free loopback ports."""
