"""A development certificate authority for mTLS: a CA, a server certificate, a client certificate per agency and
one per platform service (CN `service:<name>`, for its calls to the others)."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from ecolink_common.auth.service_identity import service_identity

VALIDITY = timedelta(days=365)
SERVER_NAMES = ("localhost",)
SERVER_ADDRESSES = ("127.0.0.1", "::1")


@dataclass(frozen=True)
class IssuedPair:
    """Where one certificate and its key were written."""

    cert_file: Path
    key_file: Path


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "ecolink development"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _write(directory: Path, stem: str, cert: x509.Certificate, key: ec.EllipticCurvePrivateKey) -> IssuedPair:
    cert_file, key_file = directory / f"{stem}.crt", directory / f"{stem}.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    key_file.chmod(0o600)
    return IssuedPair(cert_file, key_file)


def _builder(subject: x509.Name, issuer: x509.Name, public_key: ec.EllipticCurvePublicKey) -> x509.CertificateBuilder:
    now = datetime.now(UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + VALIDITY)
    )


def issue_development_certificates(
    directory: Path, agency_ids: list[str], service_names: Sequence[str] = ()
) -> dict[str, IssuedPair]:
    """Writes ca, server, one `<agency>` pair per agency and one `service-<name>` pair per service (where each
    service looks for its own by default) into `directory`; returns them by stem."""
    directory.mkdir(parents=True, exist_ok=True)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("ecolink development CA")
    ca_cert = (
        _builder(ca_name, ca_name, ca_key.public_key())
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    issued = {"ca": _write(directory, "ca", ca_cert, ca_key)}
    server_key = ec.generate_private_key(ec.SECP256R1())
    alt_names: list[x509.GeneralName] = [x509.DNSName(n) for n in SERVER_NAMES]
    alt_names += [x509.IPAddress(ipaddress.ip_address(a)) for a in SERVER_ADDRESSES]
    server_cert = (
        _builder(_name("localhost"), ca_name, server_key.public_key())
        .add_extension(x509.SubjectAlternativeName(alt_names), critical=False)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    issued["server"] = _write(directory, "server", server_cert, server_key)
    clients = [(agency_id, agency_id) for agency_id in agency_ids]
    clients += [(f"service-{name}", service_identity(name)) for name in service_names]
    for stem, common_name in clients:
        client_key = ec.generate_private_key(ec.SECP256R1())
        client_cert = (
            _builder(_name(common_name), ca_name, client_key.public_key())
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
            .sign(ca_key, hashes.SHA256())
        )
        issued[stem] = _write(directory, stem, client_cert, client_key)
    return issued
