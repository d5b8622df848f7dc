"""Server TLS and mTLS credentials for agency endpoints, from certificate files named in settings."""

from __future__ import annotations

import grpc

from ecolink_common.settings import PlatformSettings


def server_credentials(platform: PlatformSettings) -> grpc.ServerCredentials | None:
    """None for plaintext; TLS when a certificate is set; mTLS when a client CA is set too."""
    if platform.tls_cert_file is None or platform.tls_key_file is None:
        return None
    client_ca = platform.tls_client_ca_file.read_bytes() if platform.tls_client_ca_file else None
    return grpc.ssl_server_credentials(
        [(platform.tls_key_file.read_bytes(), platform.tls_cert_file.read_bytes())],
        root_certificates=client_ca,
        require_client_auth=client_ca is not None,
    )
