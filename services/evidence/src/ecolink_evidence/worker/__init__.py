"""Celery tasks of the evidence service: thin, idempotent, calling the same use cases."""
