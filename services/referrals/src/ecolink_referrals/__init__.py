"""The ecolink referrals service: admin–criminal linkage, joint enforcement and basin coordination (DOMAIN §4)."""
