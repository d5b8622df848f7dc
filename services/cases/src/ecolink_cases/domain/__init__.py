"""The cases service's pure rules and entities: no gRPC, database, Celery or object store."""
