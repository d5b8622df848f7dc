"""The registry's request ids move to the platform table `request_record` (issue 11 item 4): each row of
`registry_request` is copied with the create method its resource name shows and the fingerprint of that name (the
registry's "same request" has always meant "the same resource"), and `registry_request` goes."""

from __future__ import annotations

import hashlib
import json

import sqlalchemy as sa
from alembic import op

from ecolink_common.db import UtcDateTime

revision = "alerts_0012"
down_revision = "alerts_0011"
branch_labels = None
depends_on = "platform_0003"


def _method(resource: str) -> str:
    """The create method that made `resource`, from the shape of its name."""
    parts = resource.split("/")
    if parts[0] == "devices":
        return "CreateDevice"
    if len(parts) == 2:
        return "CreateKeyUnit"
    return "CreateOutlet" if parts[2] == "outlets" else "CreateVideoChannel"


def _fingerprint(resource: str) -> str:
    """Frozen here: ecolink_common.request_records.values_fingerprint(resource) at this revision."""
    return hashlib.sha256(json.dumps([resource], ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT agency_id, request_id, resource_name, created_at FROM registry_request")).all()
    taken = set(bind.execute(sa.text("SELECT agency_id, request_id FROM request_record")).tuples())
    insert = sa.text(
        "INSERT INTO request_record (agency_id, request_id, method, request_sha256, resource_name, created_at) "
        "VALUES (:agency_id, :request_id, :method, :sha256, :resource_name, :created_at)"
    )
    for row in rows:
        if (row.agency_id, row.request_id) in taken:
            continue
        bind.execute(
            insert,
            {
                "agency_id": row.agency_id,
                "request_id": row.request_id,
                "method": _method(row.resource_name),
                "sha256": _fingerprint(row.resource_name),
                "resource_name": row.resource_name,
                "created_at": row.created_at,
            },
        )
    op.drop_table("registry_request")


def downgrade() -> None:
    op.create_table(
        "registry_request",
        sa.Column("agency_id", sa.String(64), primary_key=True),
        sa.Column("request_id", sa.String(128), primary_key=True),
        sa.Column("resource_name", sa.Text, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
    )
    op.execute(
        "INSERT INTO registry_request (agency_id, request_id, resource_name, created_at) "
        "SELECT agency_id, request_id, resource_name, created_at FROM request_record "
        "WHERE method IN ('CreateKeyUnit', 'CreateOutlet', 'CreateDevice', 'CreateVideoChannel')"
    )
