"""Platform settings read from the environment the way operators write env files."""

from __future__ import annotations

from ecolink_common.settings import PlatformSettings


def test_an_empty_optional_path_variable_means_unset(monkeypatch):
    monkeypatch.setenv("ECOLINK_TLS_CERT_FILE", "")
    monkeypatch.setenv("ECOLINK_TOKEN_PUBLIC_KEY_FILE", "")
    settings = PlatformSettings()
    assert settings.tls_cert_file is None
    assert settings.public_key_path == settings.var_dir / "keys" / "token-signing.pub.pem"


def test_embedded_defaults_use_the_filesystem_broker_under_var(tmp_path):
    settings = PlatformSettings(var_dir=tmp_path)
    assert settings.broker_url == "filesystem://"
    assert settings.result_backend == f"file://{tmp_path / 'celery' / 'results'}"
