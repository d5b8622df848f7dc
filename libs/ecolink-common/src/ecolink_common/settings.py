"""Settings shared by every ecolink process, read from `ECOLINK_*` and per-service environment variables."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[4]


def _empty_path_is_unset(value: object) -> object:
    # `ECOLINK_TLS_CERT_FILE=` in an env file means "not set", not the current directory.
    return None if value == "" else value


class PlatformSettings(BaseSettings):
    """Platform-wide settings (`ECOLINK_` prefix): where state lives, keys, broker, telemetry."""

    model_config = SettingsConfigDict(env_prefix="ECOLINK_", extra="ignore")

    var_dir: Path = Field(default=REPO_ROOT / "var", description="Where embedded-mode state lives.")
    directory_file: Path = Field(
        default=REPO_ROOT / "data" / "directory" / "demo-directory.json",
        description="The versioned agency directory loaded by `ecolink directory load`.",
    )
    token_private_key_file: Path | None = Field(
        default=None, description="Ed25519 PEM key that signs tokens; default var/keys/token-signing.pem."
    )
    token_public_key_file: Path | None = Field(
        default=None, description="Ed25519 PEM public key that verifies tokens; default var/keys/token-signing.pub.pem."
    )
    page_token_key_file: Path | None = Field(
        default=None,
        description="Secret that signs page tokens, shared by every replica; default var/keys/page-token.key (made).",
    )
    token_issuer: str = "ecolink"
    token_default_ttl_seconds: int = 3600
    token_max_ttl_seconds: int = 30 * 24 * 3600
    tls_cert_file: Path | None = Field(default=None, description="Server certificate; enables TLS when set.")
    tls_key_file: Path | None = None
    tls_client_ca_file: Path | None = Field(
        default=None, description="CA that signs agency client certificates; requires mTLS when set."
    )
    tls_server_ca_file: Path | None = Field(
        default=None,
        description=(
            "CA a service trusts for the other services' server certificates when it calls them over TLS; "
            "default the client CA (one development CA signs both), else the system's roots."
        ),
    )
    service_token_ttl_seconds: float = Field(
        default=60.0,
        gt=0,
        description=(
            "Lifetime of the service credentials a service mints to act for an agency (RFC 8693 `act`); one is "
            "minted per call (proposed)."
        ),
    )
    celery_broker_url: str = Field(default="", description="Default: filesystem:// under var/celery.")
    celery_result_backend: str = Field(default="", description="Default: file:// under var/celery/results.")
    directory_cache_seconds: float = Field(
        default=5.0, description="How stale the in-memory directory used to authenticate calls may get."
    )
    shutdown_grace_seconds: float = 10.0
    outbox_relay_seconds: float = Field(
        default=10.0, gt=0, description="How often beat runs each service's outbox relay (proposed)."
    )
    outbox_wake: bool = Field(
        default=True,
        description="Wake a service's outbox relay through the broker right after a commit that queued events.",
    )
    outbox_wake_seconds: float = Field(
        default=0.05, gt=0, description="At most one wake per service process in this many seconds; more wait."
    )
    auth_refusal_audit_seconds: float = Field(
        default=60.0,
        gt=0,
        description=(
            "Refused authentications are audited per source and reason: the first at once, the rest of this "
            "interval as one count row (proposed)."
        ),
    )
    gc_young_threshold: int = Field(
        default=10_000,
        ge=0,
        description=(
            "New container objects between young garbage collections once a server has started (its startup "
            "objects are frozen then); 0 keeps Python's defaults."
        ),
    )
    readiness_interval_seconds: float = 2.0
    log_level: str = "INFO"
    log_format: str = Field(default="json", description="`json` for machines, `console` for a person.")
    otlp_endpoint: str = Field(default="", description="OTLP/gRPC collector; nothing is exported when empty.")
    environment: str = "development"

    _unset_paths = field_validator(
        "token_private_key_file",
        "token_public_key_file",
        "page_token_key_file",
        "tls_cert_file",
        "tls_key_file",
        "tls_client_ca_file",
        "tls_server_ca_file",
        mode="before",
    )(_empty_path_is_unset)

    @property
    def private_key_path(self) -> Path:
        return self.token_private_key_file or self.var_dir / "keys" / "token-signing.pem"

    @property
    def public_key_path(self) -> Path:
        return self.token_public_key_file or self.var_dir / "keys" / "token-signing.pub.pem"

    @property
    def page_token_key_path(self) -> Path:
        return self.page_token_key_file or self.var_dir / "keys" / "page-token.key"

    @property
    def broker_url(self) -> str:
        return self.celery_broker_url or "filesystem://"

    @property
    def result_backend(self) -> str:
        return self.celery_result_backend or f"file://{self.var_dir / 'celery' / 'results'}"


# The platform's own services, by name: the default of which services may act for agencies (DOMAIN §1 trusts the
# platform, not its callers, to relay work done later for an agency).
PLATFORM_SERVICES = ("alerts", "cases", "referrals", "evidence")


class ServiceSettings(BaseSettings):
    """Settings of one service; subclasses set `service_name`, the env prefix and the default port."""

    service_name: ClassVar[str]
    default_port: ClassVar[int]

    model_config = SettingsConfigDict(extra="ignore")

    database_url: str = ""
    grpc_host: str = "127.0.0.1"
    grpc_port: int = -1
    database_pool_size: int = 10
    database_pre_ping: bool = Field(
        default=False,
        description=(
            "Test each PostgreSQL connection when it leaves the pool (three round trips per transaction). Off: a "
            "connection the server dropped fails its one call as UNAVAILABLE, which callers retry, and the pool "
            "replaces every connection older than the failure."
        ),
    )
    acting_services_allowed: list[str] = Field(
        default_factory=lambda: list(PLATFORM_SERVICES),
        description=(
            "Services (by name) whose credentials acting for an agency this service accepts; others are "
            "PERMISSION_DENIED `ACTING_SERVICE_NOT_ALLOWED`. JSON, e.g. '[\"cases\"]'."
        ),
    )
    tls_client_cert_file: Path | None = Field(
        default=None,
        description=(
            "The client certificate (CN `service:<name>`) this service presents when it calls another under mTLS; "
            "default var/certs/service-<name>.crt."
        ),
    )
    tls_client_key_file: Path | None = Field(default=None, description="Its key; default var/certs/service-<name>.key.")

    _unset_paths = field_validator("tls_client_cert_file", "tls_client_key_file", mode="before")(_empty_path_is_unset)

    def model_post_init(self, context: object) -> None:
        if self.grpc_port < 0:
            self.grpc_port = self.default_port

    def resolved_database_url(self, platform: PlatformSettings) -> str:
        """The configured database URL, or the embedded SQLite file under var/."""
        return self.database_url or f"sqlite+aiosqlite:///{platform.var_dir / f'{self.service_name}.db'}"

    @property
    def address(self) -> str:
        return f"{self.grpc_host}:{self.grpc_port}"

    def client_cert_path(self, platform: PlatformSettings) -> Path:
        return self.tls_client_cert_file or platform.var_dir / "certs" / f"service-{self.service_name}.crt"

    def client_key_path(self, platform: PlatformSettings) -> Path:
        return self.tls_client_key_file or platform.var_dir / "certs" / f"service-{self.service_name}.key"
