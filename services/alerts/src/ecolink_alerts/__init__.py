"""The ecolink alerts service: monitoring data in, falsification clues and exceedance alerts out (DOMAIN §2)."""
