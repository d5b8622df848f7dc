"""The Alembic environment every service shares; the service's metadata and URL come from the config."""

from ecolink_common.migrations import run_env

run_env()
