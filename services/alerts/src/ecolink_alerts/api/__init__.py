"""The alerts gRPC surface: validate, convert, call the use case."""
