"""Device passwords kept as HMAC-SHA256 digests: the column widened and every stored password replaced by its digest
under the key the settings name (var/keys/device-password.key, made here if missing)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ecolink_alerts.adapters.password_key import device_passwords
from ecolink_alerts.domain.device_passwords import is_password_digest
from ecolink_alerts.settings import AlertsSettings
from ecolink_common.settings import PlatformSettings

revision = "alerts_0008"
down_revision = "alerts_0007"
branch_labels = None
depends_on = None

_device = sa.table("device", sa.column("mn", sa.String), sa.column("access_password", sa.String))


def upgrade() -> None:
    with op.batch_alter_table("device") as batch:
        batch.alter_column("access_password", type_=sa.String(80), existing_nullable=False)
    connection = op.get_bind()
    plain = [row for row in connection.execute(sa.select(_device)) if not is_password_digest(row.access_password)]
    if not plain:
        return
    passwords = device_passwords(AlertsSettings().device_password_key_path(PlatformSettings()))
    for row in plain:
        digest = passwords.digest(row.access_password)
        connection.execute(sa.update(_device).where(_device.c.mn == row.mn).values(access_password=digest))


def downgrade() -> None:
    """Irreversible by design: a keyed digest cannot be turned back into the password it was made from."""
    raise RuntimeError("alerts_0008 cannot be downgraded: restore the database from a backup taken before it")
