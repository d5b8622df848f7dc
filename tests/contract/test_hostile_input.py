"""What an attacker or a careless integrator can send: every malformed field is INVALID_ARGUMENT naming it, on every
service and both databases, and never INTERNAL or a database-outage status."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from ecolink.alerts.v1 import (
    alert_service_pb2,
    alert_service_pb2_grpc,
    grading_service_pb2,
    grading_service_pb2_grpc,
    monitoring_pb2,
    monitoring_service_pb2,
    monitoring_service_pb2_grpc,
)
from ecolink.evidence.v1 import evidence_service_pb2, evidence_service_pb2_grpc
from ecolink_alerts.service import SPEC as ALERTS
from ecolink_alerts.service_layer.registry_loading import load_registry_file
from ecolink_alerts.settings import AlertsSettings
from ecolink_common.testing.databases import create_postgres_database, drop_postgres_database, sqlite_url
from ecolink_common.testing.platform import ServiceUnderTest, prepared_service
from ecolink_common.testing.rpc import rpc_failure
from ecolink_evidence.service import SPEC as EVIDENCE
from ecolink_evidence.testing import upload_chunks

BUREAU = "eeb-341323"
LINGBI_MN = "88888880000001"
YEAR_10000 = 253402300800
OUT_OF_RANGE = {
    "seconds past 9999": Timestamp(seconds=YEAR_10000),
    "seconds before year 1": Timestamp(seconds=-62135596801),
    "negative nanos": Timestamp(seconds=1_790_000_000, nanos=-1),
    "nanos of a whole second": Timestamp(seconds=1_790_000_000, nanos=1_000_000_000),
}
VALID = Timestamp(seconds=1_790_000_000)


@dataclass
class Platform:
    """The alerts and evidence services on one backend, each with its own database, and their clients."""

    alerts: ServiceUnderTest
    evidence: ServiceUnderTest
    alert_stub: alert_service_pb2_grpc.AlertServiceStub
    grading_stub: grading_service_pb2_grpc.GradingServiceStub
    monitoring_stub: monitoring_service_pb2_grpc.MonitoringServiceStub
    evidence_stub: evidence_service_pb2_grpc.EvidenceServiceStub


@pytest.fixture
async def evidence_database_url(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    if backend == "sqlite":
        yield sqlite_url(tmp_path, "evidence")
        return
    url = await create_postgres_database("ecolink_test")
    yield url
    await drop_postgres_database(url)


@pytest.fixture
async def platform_services(platform, database_url, evidence_database_url) -> AsyncIterator[Platform]:
    alerts = await prepared_service(ALERTS, platform, database_url)
    evidence = await prepared_service(EVIDENCE, platform, evidence_database_url)
    await load_registry_file(database_url, AlertsSettings().registry_file)
    async with (
        grpc.aio.insecure_channel(alerts.target) as alerts_channel,
        grpc.aio.insecure_channel(evidence.target) as evidence_channel,
    ):
        yield Platform(
            alerts,
            evidence,
            alert_service_pb2_grpc.AlertServiceStub(alerts_channel),
            grading_service_pb2_grpc.GradingServiceStub(alerts_channel),
            monitoring_service_pb2_grpc.MonitoringServiceStub(alerts_channel),
            evidence_service_pb2_grpc.EvidenceServiceStub(evidence_channel),
        )
    await evidence.running.stop()
    await alerts.running.stop()


Call = Callable[[Platform, Timestamp], Awaitable[object]]


def _alerts(platform: Platform) -> list[tuple[str, str]]:
    return platform.alerts.metadata(BUREAU)


def _evidence(platform: Platform) -> list[tuple[str, str]]:
    return platform.evidence.metadata(BUREAU)


def _ingest(platform: Platform, stamp: Timestamp) -> Awaitable[object]:
    record = monitoring_pb2.MonitoringRecord(
        mn=LINGBI_MN,
        data_kind=monitoring_pb2.DATA_KIND_HOURLY,
        data_time=stamp,
        values=[monitoring_pb2.FactorValue(factor_code="a21026", value=12.0, flag="N")],
    )
    requests = [monitoring_service_pb2.IngestMonitoringDataRequest(records=[record])]
    return platform.monitoring_stub.IngestMonitoringData(iter(requests), metadata=_alerts(platform))


TIMESTAMP_FIELDS: dict[str, tuple[Call, str]] = {
    "ListAlerts.start_time": (
        lambda p, t: p.alert_stub.ListAlerts(alert_service_pb2.ListAlertsRequest(start_time=t), metadata=_alerts(p)),
        "start_time",
    ),
    "ListAlerts.end_time": (
        lambda p, t: p.alert_stub.ListAlerts(alert_service_pb2.ListAlertsRequest(end_time=t), metadata=_alerts(p)),
        "end_time",
    ),
    "RescanRange.start_time": (
        lambda p, t: p.alert_stub.RescanRange(
            alert_service_pb2.RescanRangeRequest(unit="units/lingbi-jiancai", start_time=t, end_time=VALID),
            metadata=_alerts(p),
        ),
        "start_time",
    ),
    "ListDerivedMeans.end_time": (
        lambda p, t: p.grading_stub.ListDerivedMeans(
            grading_service_pb2.ListDerivedMeansRequest(device=f"devices/{LINGBI_MN}", end_time=t), metadata=_alerts(p)
        ),
        "end_time",
    ),
    "GetTransmissionRate.start_time": (
        lambda p, t: p.monitoring_stub.GetTransmissionRate(
            monitoring_service_pb2.GetTransmissionRateRequest(region_code="341323", start_time=t, end_time=VALID),
            metadata=_alerts(p),
        ),
        "start_time",
    ),
    "IngestMonitoringData.records.data_time": (_ingest, "records[0].data_time"),
    "ListEvidence.capture_start_time": (
        lambda p, t: p.evidence_stub.ListEvidence(
            evidence_service_pb2.ListEvidenceRequest(capture_start_time=t), metadata=_evidence(p)
        ),
        "capture_start_time",
    ),
    "GrantEvidenceAccess.expire_time": (
        lambda p, t: p.evidence_stub.GrantEvidenceAccess(
            evidence_service_pb2.GrantEvidenceAccessRequest(
                name="evidence/ev-1", grantee_agency_id="psb-341300", purpose="移送", expire_time=t
            ),
            metadata=_evidence(p),
        ),
        "expire_time",
    ),
    "UploadEvidence.metadata.capture_time": (
        lambda p, t: upload_chunks(p.evidence_stub, [b"photo"], _evidence(p), size=5, capture_time=t),
        "metadata.capture_time",
    ),
}


@pytest.mark.parametrize("call", TIMESTAMP_FIELDS.values(), ids=TIMESTAMP_FIELDS.keys())
async def test_a_timestamp_no_calendar_holds_is_invalid_naming_its_field(platform_services, call):
    send, field = call
    for stamp in OUT_OF_RANGE.values():
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await send(platform_services, stamp)
        failure = rpc_failure(raised.value)
        assert (failure.code, failure.reason, failure.fields) == (
            grpc.StatusCode.INVALID_ARGUMENT,
            "INVALID_ARGUMENT",
            [field],
        ), stamp
