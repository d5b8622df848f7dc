"""Client channels to other services honouring the platform's TLS settings: its CA, and this service's client
certificate when the platform requires mTLS."""

from __future__ import annotations

from dataclasses import dataclass

import grpc

from ecolink_common.settings import PlatformSettings, ServiceSettings


@dataclass(frozen=True)
class ClientTls:
    """What a channel presents and trusts: the CA of the servers (None: the system's) and a client certificate."""

    root_certificates: bytes | None
    private_key: bytes | None = None
    certificate_chain: bytes | None = None

    def credentials(self) -> grpc.ChannelCredentials:
        return grpc.ssl_channel_credentials(self.root_certificates, self.private_key, self.certificate_chain)


def client_tls(platform: PlatformSettings, settings: ServiceSettings) -> ClientTls | None:
    """None when the platform serves plaintext; TLS when it serves a certificate; with the calling service's own
    client certificate when it requires one (mTLS). A missing client certificate stops the start, naming it."""
    if platform.tls_cert_file is None:
        return None
    roots_file = platform.tls_server_ca_file or platform.tls_client_ca_file
    roots = roots_file.read_bytes() if roots_file else None
    if platform.tls_client_ca_file is None:
        return ClientTls(roots)
    cert_file, key_file = settings.client_cert_path(platform), settings.client_key_path(platform)
    missing = [str(path) for path in (cert_file, key_file) if not path.is_file()]
    if missing:
        prefix = settings.model_config.get("env_prefix", "")
        raise FileNotFoundError(
            f"the platform requires mTLS but the {settings.service_name} service has no client certificate "
            f"({', '.join(missing)}); set {prefix}TLS_CLIENT_CERT_FILE and {prefix}TLS_CLIENT_KEY_FILE or run "
            "`ecolink certs`"
        )
    return ClientTls(roots, key_file.read_bytes(), cert_file.read_bytes())


def open_channel(target: str, tls: ClientTls | None) -> grpc.aio.Channel:
    """A channel to `target`: plaintext without TLS, else verified against the servers' CA."""
    if tls is None:
        return grpc.aio.insecure_channel(target)
    return grpc.aio.secure_channel(target, tls.credentials())
