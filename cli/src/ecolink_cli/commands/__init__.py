"""Subcommands of the `ecolink` CLI, one module per group."""
