"""The EvidenceService gRPC surface: validate, convert, call the use case."""
