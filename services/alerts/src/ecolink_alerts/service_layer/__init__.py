"""Alerts use cases: each owns its transaction and checks authorisation against the key unit."""
