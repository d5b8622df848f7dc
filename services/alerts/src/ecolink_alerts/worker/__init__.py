"""Celery tasks of the alerts service: thin, idempotent, calling the same use cases."""
