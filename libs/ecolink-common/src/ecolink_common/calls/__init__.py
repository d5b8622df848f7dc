"""Calls from one ecolink service to another: endpoint settings, channels, credentials, retries, errors, audit."""
