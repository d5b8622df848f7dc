"""An upload's subject must be a record the uploader may see: alert subjects checked with a real alerts service,
both services on port 0, on SQLite and PostgreSQL."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import grpc
import pytest

from ecolink.alerts.v1 import (
    alert_service_pb2,
    alert_service_pb2_grpc,
    monitoring_service_pb2,
    monitoring_service_pb2_grpc,
)
from ecolink.evidence.v1 import evidence_service_pb2 as pb
from ecolink.evidence.v1 import evidence_service_pb2_grpc
from ecolink_alerts.testing import lingbi_hourly_records
from ecolink_common.testing.audit_rows import audit_rows
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.platform import prepared_service
from ecolink_common.testing.rpc import rpc_failure
from ecolink_evidence.service import SPEC as EVIDENCE
from ecolink_evidence.testing import stored_object_count, upload_chunks

START = datetime(2026, 11, 20, tzinfo=UTC)


@pytest.fixture
async def lingbi_alert(alerts_beside) -> str:
    """The name of a C2 (zero value) alert of the Lingbi unit, raised through bulk ingest."""
    metadata = alerts_beside.metadata("eeb-341323")
    async with stubs(
        alerts_beside,
        monitoring_service_pb2_grpc.MonitoringServiceStub,
        alert_service_pb2_grpc.AlertServiceStub,
    ) as (ingest, alerts):
        request = monitoring_service_pb2.IngestMonitoringDataRequest(
            records=lingbi_hourly_records([(value, "N") for value in (12.0, 0, 0, 0, 0, 13.0)], START)
        )
        await ingest.IngestMonitoringData(iter([request]), metadata=metadata)
        listed = await alerts.ListAlerts(
            alert_service_pb2.ListAlertsRequest(unit="units/lingbi-jiancai", rule="C2"), metadata=metadata
        )
    [alert] = listed.alerts
    return alert.name


@pytest.fixture
async def evidence(evidence_asking_alerts) -> AsyncIterator[evidence_service_pb2_grpc.EvidenceServiceStub]:
    async with stubs(evidence_asking_alerts, evidence_service_pb2_grpc.EvidenceServiceStub) as stub:
        yield stub


async def upload_under(stub, service, subject: str, agency: str):
    return await upload_chunks(stub, [b"stack photo"], service.metadata(agency), size=11, subject=subject)


async def test_a_bureau_that_sees_the_alert_files_evidence_under_it(evidence, evidence_asking_alerts, lingbi_alert):
    for agency in ("eeb-341323", "eeb-341300", "eeb-340000"):
        item = await upload_under(evidence, evidence_asking_alerts, lingbi_alert, agency)
        assert (item.subject, item.owner_agency_id) == (lingbi_alert, agency)


async def test_case_subjects_are_taken_as_they_are_until_the_cases_service_serves_cases(
    evidence, evidence_asking_alerts
):
    item = await upload_under(evidence, evidence_asking_alerts, "cases/jian-2026-007", "eeb-360800")
    assert item.subject == "cases/jian-2026-007"


# The unit's own enterprise does not see its C2 (zero value) alert either: falsification clues stay with the bureaus.
@pytest.mark.parametrize("agency", ["eeb-360800", "psb-341300", "ent-360823-chem", "ent-341323-jiancai"])
async def test_an_alert_the_uploader_may_not_see_is_not_found_and_nothing_is_stored(
    evidence,
    evidence_asking_alerts,
    alerts_beside,
    lingbi_alert,
    database_url,
    alerts_database_url,
    s3_endpoint,
    agency,
):
    for subject in (lingbi_alert, "alerts/no-such-alert"):
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await upload_under(evidence, evidence_asking_alerts, subject, agency)
        failure = rpc_failure(raised.value)
        assert (failure.code, failure.reason) == (grpc.StatusCode.NOT_FOUND, "EVIDENCE_SUBJECT_NOT_FOUND")
        assert subject in failure.message
    listed = await evidence.ListEvidence(pb.ListEvidenceRequest(), metadata=evidence_asking_alerts.metadata(agency))
    assert list(listed.evidence) == []
    assert stored_object_count(evidence_asking_alerts, {}, s3_endpoint) == 0
    refused = [
        (row["actor_agency_id"], row["action"], row["resource"], row["outcome"])
        for row in await audit_rows(database_url)
        if row["action"] == "UploadEvidence"
    ]
    assert refused == [
        (agency, "UploadEvidence", lingbi_alert, "NOT_FOUND"),
        (agency, "UploadEvidence", "alerts/no-such-alert", "NOT_FOUND"),
    ]
    hidden = [
        (row["action"], row["resource"], row["reason"])
        for row in await audit_rows(alerts_database_url)
        if row["actor_agency_id"] == agency and row["outcome"] == "NOT_FOUND"
    ]
    assert hidden == [("GetAlert", lingbi_alert, "OUTSIDE_JURISDICTION")]


def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_while_the_alerts_service_is_down_an_alert_subject_is_unavailable_and_nothing_is_stored(
    platform, database_url, s3_endpoint
):
    service = await prepared_service(
        EVIDENCE,
        platform,
        database_url,
        alerts_target=f"127.0.0.1:{closed_port()}",
        alerts_attempts=2,
        alerts_retry_backoff_seconds=0,
    )
    try:
        async with stubs(service, evidence_service_pb2_grpc.EvidenceServiceStub) as stub:
            with pytest.raises(grpc.aio.AioRpcError) as raised:
                await upload_under(stub, service, "alerts/any", "eeb-341323")
            failure = rpc_failure(raised.value)
            assert (failure.code, failure.reason) == (grpc.StatusCode.UNAVAILABLE, "ALERTS_UNAVAILABLE")
            listed = await stub.ListEvidence(pb.ListEvidenceRequest(), metadata=service.metadata("eeb-341323"))
            assert list(listed.evidence) == []
        assert stored_object_count(service, {}, s3_endpoint) == 0
    finally:
        await service.running.stop()
