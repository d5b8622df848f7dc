"""alerts_0008 on both databases: passwords stored before it are replaced by their keyed digests."""

from __future__ import annotations

import asyncio

from alembic import command
from sqlalchemy import text

from ecolink_alerts.adapters.password_key import device_passwords
from ecolink_alerts.service import SPEC as ALERTS
from ecolink_common.db import create_engine
from ecolink_common.migrations import alembic_config

ROWS = [
    "INSERT INTO key_unit (unit_id, display_name, region_code, industry) VALUES ('u1', 'Unit', '341323', 'cement')",
    "INSERT INTO outlet (unit_id, outlet_id, display_name, medium) VALUES ('u1', 'DA001', 'Stack', 'flue_gas')",
    "INSERT INTO device (mn, unit_id, outlet_id, protocol_version, crc_mode, access_password) "
    "VALUES ('88888880000009', 'u1', 'DA001', 'HJ212_2017', 'hj212', '123456')",
]


async def execute(database_url: str, *statements: str) -> list[str]:
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            for statement in statements:
                await connection.execute(text(statement))
            return [row[0] for row in await connection.execute(text("SELECT access_password FROM device"))]
    finally:
        await engine.dispose()


async def test_alerts_0008_replaces_each_stored_password_by_its_digest_under_the_var_keys_key(
    database_url, tmp_path, monkeypatch
):
    config = alembic_config(ALERTS.migrations_dir, database_url)
    await asyncio.to_thread(command.upgrade, config, "alerts_0007")
    assert await execute(database_url, *ROWS) == ["123456"]
    monkeypatch.setenv("ECOLINK_VAR_DIR", str(tmp_path / "var"))
    await asyncio.to_thread(command.upgrade, config, "heads")
    key = tmp_path / "var" / "keys" / "device-password.key"
    assert await execute(database_url) == [device_passwords(key).digest("123456")]
    assert key.stat().st_mode & 0o077 == 0
