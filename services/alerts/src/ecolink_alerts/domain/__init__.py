"""Pure alerts rules and entities: no gRPC, database, Celery or sockets."""
