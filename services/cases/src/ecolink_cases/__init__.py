"""The ecolink cases service: administrative enforcement cases (DOMAIN §3)."""
