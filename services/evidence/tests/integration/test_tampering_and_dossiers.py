"""Evidence that cannot be quietly changed: object lock refuses deletes, altered bytes end in DATA_LOSS and
are found by the sweep through a real Celery worker, and signed dossiers verify offline."""

from __future__ import annotations

import io
import os
import stat
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import pytest
from minio.error import S3Error

from ecolink.evidence.v1 import evidence_service_pb2 as pb
from ecolink.evidence.v1 import evidence_service_pb2_grpc
from ecolink_common.auth.keys import load_public_key
from ecolink_common.celery_app import make_celery
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.platform import ServiceUnderTest, prepared_service
from ecolink_common.testing.rpc import rpc_failure
from ecolink_common.testing.s3 import service_s3_settings
from ecolink_common.testing.worker import running_worker, task_result
from ecolink_evidence.dossier_format import verify_dossier
from ecolink_evidence.service import SPEC as EVIDENCE
from ecolink_evidence.testing import download_all, upload_chunks
from ecolink_evidence.worker.tasks import INTEGRITY_SWEEP

OWNER = "eeb-360800"
SWEEP_TIMEOUT_SECONDS = 90


async def put(stub, data: bytes, metadata, **overrides):
    return await upload_chunks(stub, [data], metadata, size=len(data), **overrides)


def object_key(sha256: str) -> str:
    return f"sha256/{sha256[:2]}/{sha256}"


async def expect_failure(call) -> object:
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await call
    return rpc_failure(raised.value)


async def test_a_delete_through_the_s3_api_is_refused_by_the_object_lock(evidence_service, evidence_stub, s3_endpoint):
    settings = evidence_service.settings
    if not settings.s3_endpoint:
        pytest.skip("object lock is an S3 feature; the embedded filesystem store has no delete path at all")
    item = await put(evidence_stub, b"locked bytes", evidence_service.metadata(OWNER))
    client = s3_endpoint.client()
    stat_result = client.stat_object(settings.s3_bucket, object_key(item.sha256))
    assert stat_result.metadata["x-amz-object-lock-mode"] == "COMPLIANCE"
    # 30 years from the intake, by the service's own clock (the item's create_time), whatever the machine's date.
    retained_from = item.create_time.ToDatetime().year
    assert stat_result.metadata["x-amz-object-lock-retain-until-date"].startswith(str(retained_from + 30))
    with pytest.raises(S3Error) as refused:
        client.remove_object(settings.s3_bucket, object_key(item.sha256), version_id=stat_result.version_id)
    assert refused.value.code == "AccessDenied"
    assert await download_all(evidence_stub, item.name, evidence_service.metadata(OWNER)) == b"locked bytes"


@pytest.fixture
async def unlocked_service(platform, database_url, store_kind, s3_endpoint) -> AsyncIterator[ServiceUnderTest]:
    """Evidence stored where a test can alter it: an S3 bucket without object lock, or the plain files."""
    settings = service_s3_settings(s3_endpoint, object_lock=False) if store_kind == "s3" else {}
    service = await prepared_service(EVIDENCE, platform, database_url, **settings)
    yield service
    await service.running.stop()


def alter_stored_bytes(service: ServiceUnderTest, s3_endpoint, sha256: str) -> None:
    if service.settings.s3_endpoint:
        replacement = b"altered after intake"
        s3_endpoint.client().put_object(
            service.settings.s3_bucket, object_key(sha256), io.BytesIO(replacement), len(replacement)
        )
        return
    path = service.platform.var_dir / "objects" / object_key(sha256)
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    path.write_bytes(b"altered after intake")


def worker_env(service: ServiceUnderTest, database_url: str) -> dict[str, str]:
    env = {"ECOLINK_VAR_DIR": str(service.platform.var_dir), "EVIDENCE_DATABASE_URL": database_url}
    env.update(
        {f"EVIDENCE_{k.upper()}": str(v) for k, v in service.settings.model_dump().items() if k.startswith("s3_")}
    )
    env["EVIDENCE_S3_SECRET_KEY"] = service.settings.s3_secret_key.get_secret_value()
    env["EVIDENCE_SWEEP_SHARE"] = "1.0"
    env["ECOLINK_CELERY_BROKER_URL"] = ""
    env["ECOLINK_CELERY_RESULT_BACKEND"] = ""
    return env


async def test_altered_bytes_end_the_download_with_data_loss_and_the_sweep_reports_them(
    unlocked_service, database_url, s3_endpoint
):
    service = unlocked_service
    async with stubs(service, evidence_service_pb2_grpc.EvidenceServiceStub) as stub:
        owner = service.metadata(OWNER)
        altered = await put(stub, b"original pixels", owner)
        untouched = await put(stub, b"other pixels", owner)
        alter_stored_bytes(service, s3_endpoint, altered.sha256)

        failure = await expect_failure(download_all(stub, altered.name, owner))
        assert (failure.code, failure.reason) == (grpc.StatusCode.DATA_LOSS, "EVIDENCE_STORED_BYTES_CHANGED")

        queue = f"evidence-{uuid.uuid4().hex[:8]}"
        client = make_celery("ecolink-test-client", service.platform, include=[])
        with running_worker(worker_env(service, database_url), queue=queue):
            report = await task_result(client, INTEGRITY_SWEEP, queue=queue, timeout=SWEEP_TIMEOUT_SECONDS)
        assert report == {"checked": 2, "failed": [altered.name]}
        described = await stub.GetEvidence(pb.GetEvidenceRequest(name=altered.name), metadata=owner)
        assert not described.evidence.intact
        assert (await stub.GetEvidence(pb.GetEvidenceRequest(name=untouched.name), metadata=owner)).evidence.intact
        events = (await stub.ListCustodyEvents(pb.ListCustodyEventsRequest(name=altered.name), metadata=owner)).events
        assert [e.details.get("during") for e in events if e.action == 10] == ["DownloadEvidence", "IntegritySweep"]


async def export(stub, metadata, **request) -> bytes:
    chunks = [m.chunk async for m in stub.ExportDossier(pb.ExportDossierRequest(**request), metadata=metadata)]
    return b"".join(chunks)


def flip_byte(path: Path, marker: bytes) -> None:
    data = bytearray(path.read_bytes())
    at = data.index(marker)
    data[at] ^= 0x01
    path.write_bytes(bytes(data))


async def test_an_exported_dossier_verifies_offline_and_one_changed_byte_names_its_entry(
    evidence_stub, evidence_service, tmp_path
):
    owner = evidence_service.metadata(OWNER)
    first = await put(evidence_stub, b"PHOTO-ONE " * 100, owner, subject="cases/c-9")
    second = await put(evidence_stub, b"VIDEO-TWO " * 100, owner, subject="cases/c-9")
    dossier = tmp_path / "dossier.zip"
    dossier.write_bytes(await export(evidence_stub, owner, subject="cases/c-9"))
    public_key = load_public_key(evidence_service.platform.public_key_path)

    report = verify_dossier(dossier, public_key)
    assert (report.valid, report.entries_checked) == (True, 2)

    altered_entry = tmp_path / "altered-entry.zip"
    altered_entry.write_bytes(dossier.read_bytes())
    flip_byte(altered_entry, b"VIDEO-TWO")
    problems = verify_dossier(altered_entry, public_key).problems
    assert len(problems) == 1 and problems[0].startswith(f"evidence/{second.evidence_id}/")

    altered_manifest = tmp_path / "altered-manifest.zip"
    altered_manifest.write_bytes(dossier.read_bytes())
    flip_byte(altered_manifest, b'"exported_by"')
    assert verify_dossier(altered_manifest, public_key).problems[0].startswith("manifest.json")
    assert first.name != second.name


async def test_export_is_a_custody_event_and_hidden_items_cannot_be_exported(evidence_stub, evidence_service):
    owner = evidence_service.metadata(OWNER)
    item = await put(evidence_stub, b"exported once", owner, subject="cases/c-10")
    await export(evidence_stub, owner, names=[item.name])
    events = (await evidence_stub.ListCustodyEvents(pb.ListCustodyEventsRequest(name=item.name), metadata=owner)).events
    assert events[-1].action == 11
    failure = await expect_failure(export(evidence_stub, evidence_service.metadata("psb-360800"), names=[item.name]))
    assert failure.code == grpc.StatusCode.NOT_FOUND


def test_a_file_that_is_not_a_dossier_is_reported(tmp_path, platform):
    junk = tmp_path / "junk.zip"
    junk.write_bytes(os.urandom(100))
    report = verify_dossier(junk, load_public_key(platform.public_key_path))
    assert not report.valid
