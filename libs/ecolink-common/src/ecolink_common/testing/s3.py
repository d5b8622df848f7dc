"""A real S3 HTTP server on loopback for tests (moto's server), and a client of it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from minio import Minio

ACCESS_KEY = "test"
SECRET_KEY = "test"
REGION = "us-east-1"


@dataclass(frozen=True)
class S3Endpoint:
    """Where the test S3 server listens."""

    host: str
    port: int

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    def client(self) -> Minio:
        return Minio(self.address, access_key=ACCESS_KEY, secret_key=SECRET_KEY, secure=False, region=REGION)


@contextmanager
def running_s3_server() -> Iterator[S3Endpoint]:
    """Starts moto's S3 server on 127.0.0.1 and a free port; in memory, gone when the block ends."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        yield S3Endpoint(host, int(port))
    finally:
        server.stop()


def service_s3_settings(endpoint: S3Endpoint, *, object_lock: bool = True) -> dict[str, object]:
    """Settings pointing a service's S3 adapter at the test server, in a bucket of its own."""
    return {
        "s3_endpoint": endpoint.address,
        "s3_access_key": ACCESS_KEY,
        "s3_secret_key": SECRET_KEY,
        "s3_bucket": f"evidence-{uuid.uuid4().hex[:12]}",
        "s3_object_lock": object_lock,
    }
