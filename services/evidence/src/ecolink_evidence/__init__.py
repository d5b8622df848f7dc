"""The ecolink evidence service: court-grade evidence with chain of custody (DOMAIN §5)."""
