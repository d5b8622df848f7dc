"""Anomaly rules C1–C13 and E1 as incremental episode evaluators over ordered monitoring data."""
