"""Plumbing shared by the four ecolink services; holds no domain rules."""
