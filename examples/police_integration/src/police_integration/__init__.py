"""An example integration client a police agency's own system can run against ecolink's public gRPC API."""
