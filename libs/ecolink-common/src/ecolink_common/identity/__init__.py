"""IdentityService, served by every ecolink service: who am I, and the agency directory."""
