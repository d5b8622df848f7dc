"""The `ecolink` command line for operators, integrators and developers."""
