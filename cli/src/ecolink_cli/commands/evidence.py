"""`ecolink evidence …`: upload, read, share, hold and export court-grade evidence; verify dossiers offline."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from google.protobuf.json_format import MessageToDict
from rich.progress import BarColumn, DownloadColumn, Progress, TransferSpeedColumn

from ecolink.evidence.v1 import evidence_pb2, evidence_service_pb2_grpc
from ecolink.evidence.v1 import evidence_service_pb2 as pb
from ecolink_cli.client import (
    AddressOption,
    AsOption,
    TokenOption,
    auth_metadata,
    call,
    open_channel,
    reported_rpc_errors,
    resolve_token,
)
from ecolink_cli.output import JsonFlag, emit, errors, fail, make_table
from ecolink_cli.times import utc_timestamp
from ecolink_common.auth.keys import load_public_key
from ecolink_common.celery_app import make_celery
from ecolink_common.db import database_sessions
from ecolink_common.settings import PlatformSettings
from ecolink_evidence.dossier_format import verify_dossier
from ecolink_evidence.service_layer.integrity import items_failing_verification
from ecolink_evidence.service_layer.unit_of_work import EvidenceUnitOfWork
from ecolink_evidence.settings import EvidenceSettings
from ecolink_evidence.upload_messages import upload_messages
from ecolink_evidence.worker.tasks import INTEGRITY_SWEEP

evidence_app = typer.Typer(help="Court-grade evidence: hashed on arrival, locked in storage, every access recorded.")

CHUNK_BYTES = 1024 * 1024
SWEEP_TIMEOUT_SECONDS = 3600
KINDS = [k.removeprefix("EVIDENCE_KIND_").lower().replace("_", "-") for k in evidence_pb2.EvidenceKind.keys()[1:]]

NameArgument = Annotated[str, typer.Argument(help="evidence/{id} or just the id.")]


def _name(value: str) -> str:
    return value if value.startswith("evidence/") else f"evidence/{value}"


def _kind(value: str) -> str:
    if value not in KINDS:
        raise typer.BadParameter(f"choose one of {', '.join(KINDS)}", param_hint="--kind")
    return "EVIDENCE_KIND_" + value.upper().replace("-", "_")


def _row(evidence: evidence_pb2.Evidence) -> list[str]:
    kind = evidence_pb2.EvidenceKind.Name(evidence.kind).removeprefix("EVIDENCE_KIND_").lower()
    state = ("held " if evidence.legal_hold else "") + ("intact" if evidence.intact else "ALTERED")
    return [
        evidence.name,
        evidence.subject,
        kind,
        evidence.original_filename,
        f"{evidence.size_bytes:,}",
        evidence.sha256[:16] + "…",
        evidence.owner_agency_id,
        state,
    ]


COLUMNS = ["name", "subject", "kind", "file", "bytes", "sha256", "owner", "state"]


def _stub(channel: Any) -> evidence_service_pb2_grpc.EvidenceServiceStub:
    return evidence_service_pb2_grpc.EvidenceServiceStub(channel)


def _as_dict(message: Any) -> dict[str, Any]:
    return MessageToDict(message, preserving_proto_field_name=True)


def _progress() -> Progress:
    """Progress for a person, on stderr so stdout stays clean for --json and pipes."""
    return Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        console=errors,
    )


def _file_sha256(path: Path, progress: Progress) -> str:
    digest, task = hashlib.sha256(), progress.add_task("hashing", total=path.stat().st_size)
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            digest.update(chunk)
            progress.advance(task, len(chunk))
    return digest.hexdigest()


def _file_chunks(path: Path, progress: Progress) -> Iterator[bytes]:
    task = progress.add_task("uploading", total=path.stat().st_size)
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            progress.advance(task, len(chunk))
            yield chunk


@evidence_app.command("upload")
def upload(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    kind: Annotated[str, typer.Option(help=", ".join(KINDS))],
    case: Annotated[str, typer.Option("--case", help="Case id the item belongs to.")] = "",
    alert: Annotated[str, typer.Option("--alert", help="Or the alert id it belongs to.")] = "",
    officer: Annotated[str, typer.Option(help="Collecting officer.")] = "",
    captured: Annotated[
        datetime | None, typer.Option(help="Capture time (ISO 8601); default the file's mtime.")
    ] = None,
    latitude: Annotated[float | None, typer.Option(help="Where it was captured.")] = None,
    longitude: Annotated[float | None, typer.Option()] = None,
    content_type: Annotated[str, typer.Option(help="Media type.")] = "application/octet-stream",
    request_id: Annotated[str, typer.Option(help="Idempotency key for retries.")] = "",
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Upload FILE: hashed here and on the server; prints the item's name and SHA-256."""
    if bool(case) == bool(alert):
        raise typer.BadParameter("name exactly one of --case and --alert")
    capture = captured or datetime.fromtimestamp(file.stat().st_mtime, UTC)
    stamp = utc_timestamp(capture)
    with _progress() as progress:
        sha256 = _file_sha256(file, progress)
        described = pb.EvidenceUpload(
            subject=f"cases/{case}" if case else f"alerts/{alert}",
            kind=_kind(kind),
            capture_time=stamp,
            location=evidence_pb2.GeoPoint(latitude=latitude, longitude=longitude)
            if latitude is not None and longitude is not None
            else None,
            collecting_officer=officer or (as_agency or "unknown officer"),
            original_filename=file.name,
            content_type=content_type,
            client_sha256=sha256,
            request_id=request_id,
            size_bytes=file.stat().st_size,
        )
        with open_channel("evidence", address) as channel, reported_rpc_errors(as_json=as_json):
            response = _stub(channel).UploadEvidence(
                upload_messages(described, _file_chunks(file, progress)),
                metadata=auth_metadata(resolve_token(token, as_agency)),
            )
    item = response.evidence
    emit(_as_dict(item), as_json=as_json, text=f"{item.name}\nsha256 {item.sha256}")


@evidence_app.command("get")
def get(
    name: NameArgument,
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Show one item (recorded as a read in its custody chain)."""
    with open_channel("evidence", address) as channel:
        response = call(
            _stub(channel).GetEvidence,
            pb.GetEvidenceRequest(name=_name(name)),
            token=resolve_token(token, as_agency),
            as_json=as_json,
        )
    emit(_as_dict(response.evidence), as_json=as_json, table=make_table(name, COLUMNS, [_row(response.evidence)]))


@evidence_app.command("list")
def list_items(
    case: Annotated[str, typer.Option("--case", help="Only this case.")] = "",
    kind: Annotated[str, typer.Option(help="Only this kind.")] = "",
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """List the items you may see, newest first (follows all pages)."""
    items, page_token, resolved = [], "", resolve_token(token, as_agency)
    with open_channel("evidence", address) as channel:
        while True:
            request = pb.ListEvidenceRequest(
                subject=f"cases/{case}" if case else "",
                kind=_kind(kind) if kind else "EVIDENCE_KIND_UNSPECIFIED",
                page_size=200,
                page_token=page_token,
            )
            response = call(_stub(channel).ListEvidence, request, token=resolved, as_json=as_json)
            items += list(response.evidence)
            page_token = response.next_page_token
            if not page_token:
                break
    emit(
        [_as_dict(i) for i in items],
        as_json=as_json,
        table=make_table(f"{len(items)} items", COLUMNS, [_row(i) for i in items]),
    )


@evidence_app.command("download")
def download(
    name: NameArgument,
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the bytes.")],
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Download an item; the server re-hashes it and fails with DATA_LOSS if the stored bytes changed."""
    digest = hashlib.sha256()
    partial = output.with_name(output.name + ".partial")
    with _progress() as progress, open_channel("evidence", address) as channel, reported_rpc_errors(as_json=as_json):
        stream = _stub(channel).DownloadEvidence(
            pb.DownloadEvidenceRequest(name=_name(name)), metadata=auth_metadata(resolve_token(token, as_agency))
        )
        with partial.open("wb") as handle:
            task = None
            for message in stream:
                if message.WhichOneof("payload") == "evidence":
                    item = message.evidence
                    task = progress.add_task("downloading", total=item.size_bytes)
                    continue
                digest.update(message.chunk)
                handle.write(message.chunk)
                progress.advance(task, len(message.chunk))  # type: ignore[arg-type]
    if digest.hexdigest() != item.sha256:
        fail(f"received bytes hash to {digest.hexdigest()}, expected {item.sha256}", as_json=as_json)
    partial.replace(output)
    emit(
        {"name": item.name, "sha256": item.sha256, "path": str(output)},
        as_json=as_json,
        text=f"{output}\nsha256 {item.sha256}",
    )


@evidence_app.command("url")
def url(
    name: NameArgument,
    minutes: Annotated[int, typer.Option(help="Minutes the URL is valid.")] = 10,
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Issue a short-lived download URL (recorded in the custody chain)."""
    with open_channel("evidence", address) as channel:
        response = call(
            _stub(channel).CreateDownloadUrl,
            pb.CreateDownloadUrlRequest(name=_name(name), ttl_minutes=minutes),
            token=resolve_token(token, as_agency),
            as_json=as_json,
        )
    emit(_as_dict(response), as_json=as_json, text=response.url)


@evidence_app.command("grant")
def grant(
    name: NameArgument,
    to: Annotated[str, typer.Option("--to", help="Agency to give access to, e.g. psb-360800.")],
    purpose: Annotated[str, typer.Option(help="Why, e.g. the transfer number.")],
    expires: Annotated[datetime, typer.Option(help="When access ends (date or ISO time).")],
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Let another agency see an item until a date; it can never re-share it."""
    request = pb.GrantEvidenceAccessRequest(
        name=_name(name), grantee_agency_id=to, purpose=purpose, expire_time=utc_timestamp(expires)
    )
    with open_channel("evidence", address) as channel:
        response = call(
            _stub(channel).GrantEvidenceAccess, request, token=resolve_token(token, as_agency), as_json=as_json
        )
    emit(_as_dict(response.grant), as_json=as_json, text=f"granted {response.grant.grant_id} to {to}")


@evidence_app.command("revoke")
def revoke(
    name: NameArgument,
    grant_id: Annotated[str, typer.Option("--grant", help="The grant id.")],
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """End a grant now."""
    with open_channel("evidence", address) as channel:
        response = call(
            _stub(channel).RevokeEvidenceAccess,
            pb.RevokeEvidenceAccessRequest(name=_name(name), grant_id=grant_id),
            token=resolve_token(token, as_agency),
            as_json=as_json,
        )
    emit(_as_dict(response.grant), as_json=as_json, text=f"revoked {grant_id}")


@evidence_app.command("custody")
def custody(
    name: NameArgument,
    verify: Annotated[bool, typer.Option("--verify", help="Check the hash chain too.")] = False,
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Show an item's chain of custody: who did what, when, and the hash seen."""
    resolved, events, page_token = resolve_token(token, as_agency), [], ""
    with open_channel("evidence", address) as channel:
        while True:
            response = call(
                _stub(channel).ListCustodyEvents,
                pb.ListCustodyEventsRequest(name=_name(name), page_size=500, page_token=page_token),
                token=resolved,
                as_json=as_json,
            )
            events += list(response.events)
            page_token = response.next_page_token
            if not page_token:
                break
        report = (
            call(
                _stub(channel).VerifyCustodyChain,
                pb.VerifyCustodyChainRequest(name=_name(name)),
                token=resolved,
                as_json=as_json,
            )
            if verify
            else None
        )
    rows = [
        [
            e.sequence,
            e.occur_time.ToDatetime().isoformat(timespec="seconds") + "Z",
            evidence_pb2.CustodyAction.Name(e.action).removeprefix("CUSTODY_ACTION_").lower(),
            e.actor_agency_id,
            e.sha256_seen[:16],
            ", ".join(f"{k}={v}" for k, v in sorted(e.details.items())),
        ]
        for e in events
    ]
    data: dict[str, Any] = {"events": [_as_dict(e) for e in events]}
    if report is not None:
        data["verification"] = _as_dict(report) | {"intact": report.intact}
    emit(
        data,
        as_json=as_json,
        table=make_table(
            f"custody of {_name(name)}", ["#", "time", "action", "agency", "sha256 seen", "details"], rows
        ),
    )
    if report is not None and not report.intact:
        fail(f"custody chain broken at link {report.broken_sequence}: {report.problem}", as_json=False)
    if report is not None and not as_json:
        typer.echo(f"custody chain intact: {report.events_checked} links")


def _hold(
    name: str, reason: str, *, on: bool, token: str | None, as_agency: str | None, address: str | None, as_json: bool
) -> None:
    with open_channel("evidence", address) as channel:
        stub, resolved = _stub(channel), resolve_token(token, as_agency)
        if on:
            response = call(
                stub.PlaceLegalHold,
                pb.PlaceLegalHoldRequest(name=_name(name), reason=reason),
                token=resolved,
                as_json=as_json,
            )
        else:
            response = call(
                stub.ReleaseLegalHold,
                pb.ReleaseLegalHoldRequest(name=_name(name), reason=reason),
                token=resolved,
                as_json=as_json,
            )
    emit(_as_dict(response.evidence), as_json=as_json, table=make_table(name, COLUMNS, [_row(response.evidence)]))


@evidence_app.command("hold")
def hold(
    name: NameArgument,
    reason: Annotated[str, typer.Option(help="Why, e.g. a court case number.")],
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Place a legal hold on the stored object."""
    _hold(name, reason, on=True, token=token, as_agency=as_agency, address=address, as_json=as_json)


@evidence_app.command("release")
def release(
    name: NameArgument,
    reason: Annotated[str, typer.Option(help="Why the hold ends.")],
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Release the legal hold."""
    _hold(name, reason, on=False, token=token, as_agency=as_agency, address=address, as_json=as_json)


@evidence_app.command("export")
def export(
    output: Annotated[Path, typer.Option("-o", "--output", help="The dossier ZIP to write.")],
    case: Annotated[str, typer.Option("--case", help="Every item of this case you may see.")] = "",
    item: Annotated[list[str] | None, typer.Option("--item", help="Or these items (repeatable).")] = None,
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Export a dossier: the items, a manifest of hashes and custody, signed with the platform key."""
    request = pb.ExportDossierRequest(subject=f"cases/{case}" if case else "", names=[_name(i) for i in item or []])
    partial, size = output.with_name(output.name + ".partial"), 0
    with (
        open_channel("evidence", address) as channel,
        reported_rpc_errors(as_json=as_json),
        partial.open("wb") as handle,
    ):
        for message in _stub(channel).ExportDossier(request, metadata=auth_metadata(resolve_token(token, as_agency))):
            handle.write(message.chunk)
            size += len(message.chunk)
    partial.replace(output)
    emit({"path": str(output), "bytes": size}, as_json=as_json, text=f"{output} ({size:,} bytes)")


@evidence_app.command("verify-dossier")
def verify_dossier_command(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False)],
    public_key: Annotated[Path | None, typer.Option(help="Platform public key; default the local one.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Check a dossier offline: the manifest's signature and every entry's SHA-256. Exits 1 naming what differs."""
    key = load_public_key(public_key or PlatformSettings().public_key_path)
    report = verify_dossier(file, key)
    data = {"valid": report.valid, "entries_checked": report.entries_checked, "problems": report.problems}
    text = f"dossier valid: {report.entries_checked} entries match the signed manifest" if report.valid else None
    emit(data, as_json=as_json, text=text)
    if not report.valid:
        fail("; ".join(report.problems), as_json=False)


@evidence_app.command("sweep")
def sweep(
    report: Annotated[bool, typer.Option("--report", help="List items whose stored bytes no longer match.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Run an integrity sweep through the Celery worker now, or with --report list what sweeps found (operator)."""
    platform = PlatformSettings()
    if not report:
        client = make_celery("ecolink-cli", platform, include=[])
        result = client.send_task(INTEGRITY_SWEEP).get(timeout=SWEEP_TIMEOUT_SECONDS)
        emit(
            result, as_json=as_json, text=f"re-hashed {result['checked']} items; altered: {result['failed'] or 'none'}"
        )
        return
    failing = asyncio.run(_failing_items(platform))
    rows = [[i.name, i.subject, i.sha256[:16] + "…", i.last_verified_at, i.owner_agency_id] for i in failing]
    emit(
        [
            {"name": i.name, "subject": i.subject, "sha256": i.sha256, "last_verified_at": i.last_verified_at}
            for i in failing
        ],
        as_json=as_json,
        table=make_table(
            f"{len(failing)} items failing verification",
            ["name", "subject", "recorded sha256", "checked at", "owner"],
            rows,
        ),
    )
    if failing:
        raise typer.Exit(1)


async def _failing_items(platform: PlatformSettings) -> list[Any]:
    async with database_sessions(EvidenceSettings().resolved_database_url(platform)) as sessions:
        return list(await items_failing_verification(EvidenceUnitOfWork(sessions)))
