"""Evidence adapters: tables and repositories, and the object stores (S3/MinIO, local filesystem)."""
