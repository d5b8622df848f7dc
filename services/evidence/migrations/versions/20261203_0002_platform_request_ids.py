"""Evidence's request ids move to the platform table `request_record`: every upload and grant id kept so far is copied
there and the per-table columns and their unique constraints go.

The fingerprint of a request made before this revision was never kept and cannot be recomputed (an upload's declared
SHA-256 was not stored), so a copied id carries the marker `not-kept`
(`ecolink_common.request_records.FINGERPRINT_NOT_KEPT`): it replays by id and method alone. Where one agency used the
same id for an upload and for a grant (the columns were unique per table, the platform table is unique per agency),
the upload keeps it; the grant's id then answers REQUEST_ID_REUSED."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "evidence_0002"
down_revision = "evidence_0001"
branch_labels = None
depends_on = "platform_0003"

FINGERPRINT_NOT_KEPT = "not-kept"  # frozen here: the value ecolink_common.request_records had at this revision
UPLOAD = "UploadEvidence"
GRANT = "GrantEvidenceAccess"


def _rebuild_item_table_on_sqlite(*, with_request_id: bool) -> None:
    """SQLite cannot drop or add a table's unique constraint in place, and batch mode's copy-drop-rename of a table
    that custody events and grants reference fails their foreign keys (PRAGMA foreign_keys cannot be turned off inside
    the migration's transaction). So: the rows (without their request ids, which live in request_record either side of
    this) go to a side table, the table is dropped and created anew under its own name from what reflection says it
    was, and the rows come back into it, which satisfies the references again before the deferred check at commit."""
    before = sa.Table("evidence_item", sa.MetaData(), autoload_with=op.get_bind())

    def columns() -> list[sa.Column[object]]:
        return [
            sa.Column(c.name, c.type, primary_key=c.primary_key, nullable=c.nullable)
            for c in before.columns
            if c.name != "request_id"
        ]

    kept = ", ".join(c.name for c in columns())
    op.execute("PRAGMA defer_foreign_keys=ON")
    op.create_table("evidence_item_rebuilt", *columns())
    # The column names are the table's own, read back by reflection.
    op.execute(f"INSERT INTO evidence_item_rebuilt ({kept}) SELECT {kept} FROM evidence_item")  # noqa: S608
    op.drop_table("evidence_item")
    extra: list[sa.SchemaItem] = []
    if with_request_id:
        extra.append(sa.Column("request_id", sa.String(128), nullable=True))
        extra.append(sa.UniqueConstraint("owner_agency_id", "request_id", name="uq_evidence_item_owner_request"))
    op.create_table("evidence_item", *columns(), *extra)
    for index in before.indexes:
        op.create_index(str(index.name), "evidence_item", [c.name for c in index.columns], unique=bool(index.unique))
    op.execute(f"INSERT INTO evidence_item ({kept}) SELECT {kept} FROM evidence_item_rebuilt")  # noqa: S608
    op.drop_table("evidence_item_rebuilt")


def _execute(statement: str, **values: str) -> None:
    op.execute(sa.text(statement).bindparams(**values))


def upgrade() -> None:
    copy = (
        "INSERT INTO request_record (agency_id, request_id, method, request_sha256, resource_name, created_at) "
        "SELECT {agency}, request_id, :method, :marker, {resource}, created_at FROM {table} t "
        "WHERE request_id IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM request_record r WHERE r.agency_id = t.{agency} AND r.request_id = t.request_id)"
    )
    _execute(
        copy.format(agency="owner_agency_id", resource="'evidence/' || evidence_id", table="evidence_item"),
        method=UPLOAD,
        marker=FINGERPRINT_NOT_KEPT,
    )
    _execute(
        copy.format(
            agency="granted_by_agency_id",
            resource="'evidence/' || evidence_id || '/grants/' || grant_id",
            table="evidence_grant",
        ),
        method=GRANT,
        marker=FINGERPRINT_NOT_KEPT,
    )
    with op.batch_alter_table("evidence_grant") as grants:
        grants.drop_constraint("uq_evidence_grant_granter_request", type_="unique")
        grants.drop_column("request_id")
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_item_table_on_sqlite(with_request_id=False)
    else:
        op.drop_constraint("uq_evidence_item_owner_request", "evidence_item", type_="unique")
        op.drop_column("evidence_item", "request_id")


def downgrade() -> None:
    """The ids go back to their columns (those evidence made: uploads and grants) and leave the platform table."""
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_item_table_on_sqlite(with_request_id=True)
    else:
        op.add_column("evidence_item", sa.Column("request_id", sa.String(128), nullable=True))
        op.create_unique_constraint(
            "uq_evidence_item_owner_request", "evidence_item", ["owner_agency_id", "request_id"]
        )
    with op.batch_alter_table("evidence_grant") as grants:
        grants.add_column(sa.Column("request_id", sa.String(128), nullable=True))
        grants.create_unique_constraint("uq_evidence_grant_granter_request", ["granted_by_agency_id", "request_id"])
    _execute(
        "UPDATE evidence_item SET request_id = (SELECT r.request_id FROM request_record r "
        "WHERE r.method = :method AND r.agency_id = evidence_item.owner_agency_id "
        "AND r.resource_name = 'evidence/' || evidence_item.evidence_id)",
        method=UPLOAD,
    )
    _execute(
        "UPDATE evidence_grant SET request_id = (SELECT r.request_id FROM request_record r "
        "WHERE r.method = :method AND r.agency_id = evidence_grant.granted_by_agency_id "
        "AND r.resource_name = 'evidence/' || evidence_grant.evidence_id || '/grants/' || evidence_grant.grant_id)",
        method=GRANT,
    )
    _execute("DELETE FROM request_record WHERE method IN (:upload, :grant)", upload=UPLOAD, grant=GRANT)
