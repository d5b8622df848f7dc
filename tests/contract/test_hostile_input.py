"""What an attacker or a careless integrator can send: every malformed field is INVALID_ARGUMENT naming it, on every
service and both databases, and never INTERNAL or a database-outage status."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

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
    registry_pb2,
    registry_service_pb2_grpc,
)
from ecolink.alerts.v1 import registry_service_pb2 as pb
from ecolink.common.v1 import identity_service_pb2, identity_service_pb2_grpc
from ecolink.evidence.v1 import evidence_service_pb2, evidence_service_pb2_grpc
from ecolink_alerts.service import SPEC as ALERTS
from ecolink_alerts.testing import load_demo_registry
from ecolink_common.error_mapping import MAX_STATUS_TEXT_CHARS
from ecolink_common.testing.audit_rows import audit_rows
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.platform import ServiceUnderTest, prepared_service
from ecolink_common.testing.rpc import RpcFailure, rpc_failure
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
    registry_stub: registry_service_pb2_grpc.RegistryServiceStub
    identity_stub: identity_service_pb2_grpc.IdentityServiceStub


@pytest.fixture
async def platform_services(platform, database_url, evidence_database_url) -> AsyncIterator[Platform]:
    alerts = await prepared_service(ALERTS, platform, database_url)
    evidence = await prepared_service(EVIDENCE, platform, evidence_database_url)
    await load_demo_registry(alerts)
    async with (
        stubs(
            alerts,
            alert_service_pb2_grpc.AlertServiceStub,
            grading_service_pb2_grpc.GradingServiceStub,
            monitoring_service_pb2_grpc.MonitoringServiceStub,
            registry_service_pb2_grpc.RegistryServiceStub,
            identity_service_pb2_grpc.IdentityServiceStub,
        ) as (alert_stub, grading_stub, monitoring_stub, registry_stub, identity_stub),
        stubs(evidence, evidence_service_pb2_grpc.EvidenceServiceStub) as evidence_stub,
    ):
        yield Platform(
            alerts, evidence, alert_stub, grading_stub, monitoring_stub, evidence_stub, registry_stub, identity_stub
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


async def _refused(call: Awaitable[object]) -> RpcFailure:
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await call
    return rpc_failure(raised.value)


def _unit(**changes: str) -> registry_pb2.KeyUnit:
    fields = {"unit_id": "xiajiang-paper", "display_name": "峡江纸业", "region_code": "360823", "industry": "造纸"}
    return registry_pb2.KeyUnit(**{**fields, **changes})


def _create_unit(**changes: str) -> Callable[..., Awaitable[object]]:
    return lambda stub, md: stub.CreateKeyUnit(pb.CreateKeyUnitRequest(key_unit=_unit(**changes)), metadata=md)


def _outlet(**factor: float) -> registry_pb2.Outlet:
    return registry_pb2.Outlet(
        outlet_id="DW001",
        display_name="废水总排口",
        medium=registry_pb2.OUTLET_MEDIUM_WASTE_WATER,
        factors=[registry_pb2.MonitoredFactor(pollutant_code="w01018", unit="mg/L", **factor)],
    )


MEGABYTE = "x" * 1_000_000
REGISTRY_FIELDS = {
    "unit id with a trailing newline": (
        _create_unit(unit_id="paper\n"),
        "key_unit.unit_id",
    ),
    "region code with a trailing newline": (
        lambda stub, md: stub.CreateKeyUnit(
            pb.CreateKeyUnitRequest(key_unit=_unit(region_code="360823\n")), metadata=md
        ),
        "key_unit.region_code",
    ),
    "region code of other digits": (
        _create_unit(region_code="३६०८२३"),
        "key_unit.region_code",
    ),
    "a 1 MB display name": (
        lambda stub, md: stub.CreateKeyUnit(
            pb.CreateKeyUnitRequest(key_unit=_unit(display_name=MEGABYTE)), metadata=md
        ),
        "key_unit.display_name",
    ),
    "a NaN emission limit": (
        lambda stub, md: stub.CreateOutlet(
            pb.CreateOutletRequest(parent="units/lingbi-jiancai", outlet=_outlet(emission_limit=math.nan)), metadata=md
        ),
        "outlet.factors[0].emission_limit",
    ),
    "an infinite range": (
        lambda stub, md: stub.CreateOutlet(
            pb.CreateOutletRequest(parent="units/lingbi-jiancai", outlet=_outlet(range_upper=math.inf)), metadata=md
        ),
        "outlet.factors[0].range_upper",
    ),
}


@pytest.mark.parametrize("call", REGISTRY_FIELDS.values(), ids=REGISTRY_FIELDS.keys())
async def test_identifiers_are_matched_whole_text_is_bounded_and_limits_are_finite(platform_services, call):
    send, field = call
    registry = platform_services.registry_stub
    # Units are proposed in Xiajiang county (Ji'an's bureau registers them); outlets on the Lingbi unit.
    metadata = platform_services.alerts.metadata(BUREAU if field.startswith("outlet.") else "eeb-360800")
    failure = await _refused(send(registry, metadata))
    assert (failure.code, failure.fields) == (grpc.StatusCode.INVALID_ARGUMENT, [field])
    assert len(failure.message) <= MAX_STATUS_TEXT_CHARS


async def test_a_huge_name_is_not_found_with_a_bounded_message(platform_services):
    registry = platform_services.registry_stub
    failure = await _refused(
        registry.GetKeyUnit(pb.GetKeyUnitRequest(name=f"units/{MEGABYTE}"), metadata=_alerts(platform_services))
    )
    assert failure.code == grpc.StatusCode.NOT_FOUND and len(failure.message) <= MAX_STATUS_TEXT_CHARS


@pytest.mark.parametrize("rule", ["%", "C_", "C%", "E1'--", "x" * 50_000])
async def test_a_rule_filter_is_matched_as_written_and_bad_ones_are_invalid(platform_services, rule):
    failure = await _refused(
        platform_services.alert_stub.ListAlerts(
            alert_service_pb2.ListAlertsRequest(rule=rule), metadata=_alerts(platform_services)
        )
    )
    assert (failure.code, failure.fields) == (grpc.StatusCode.INVALID_ARGUMENT, ["rule"])


async def test_a_huge_factor_code_or_grant_purpose_is_invalid(platform_services):
    record = monitoring_pb2.MonitoringRecord(
        mn=LINGBI_MN,
        data_kind=monitoring_pb2.DATA_KIND_HOURLY,
        data_time=VALID,
        values=[monitoring_pb2.FactorValue(factor_code=MEGABYTE, value=1.0, flag="N")],
    )
    ingest = platform_services.monitoring_stub.IngestMonitoringData(
        iter([monitoring_service_pb2.IngestMonitoringDataRequest(records=[record])]),
        metadata=_alerts(platform_services),
    )
    assert (await _refused(ingest)).fields == ["records[0].values[0].factor_code"]
    grant = platform_services.evidence_stub.GrantEvidenceAccess(
        evidence_service_pb2.GrantEvidenceAccessRequest(
            name="evidence/ev-1", grantee_agency_id="psb-341300", purpose=MEGABYTE, expire_time=VALID
        ),
        metadata=_evidence(platform_services),
    )
    assert (await _refused(grant)).fields == ["purpose"]


async def test_a_page_token_is_bound_to_its_caller_and_filters_and_cannot_be_edited(platform_services):
    identity = platform_services.identity_stub
    first = await identity.ListAgencies(
        identity_service_pb2.ListAgenciesRequest(page_size=2), metadata=_alerts(platform_services)
    )
    second = await identity.ListAgencies(
        identity_service_pb2.ListAgenciesRequest(page_size=2, page_token=first.next_page_token),
        metadata=_alerts(platform_services),
    )
    assert second.agencies and second.agencies[0].agency_id > first.agencies[-1].agency_id
    payload, _, mac = first.next_page_token.partition(".")
    for token, caller, request in [
        (first.next_page_token, "eeb-360800", {}),
        (first.next_page_token, BUREAU, {"region_code": "340000"}),
        (f"{payload[:-2]}{'A' if payload[-2] != 'A' else 'B'}{payload[-1]}.{mac}", BUREAU, {}),
        ("not-a-token", BUREAU, {}),
    ]:
        failure = await _refused(
            identity.ListAgencies(
                identity_service_pb2.ListAgenciesRequest(page_size=2, page_token=token, **request),
                metadata=platform_services.alerts.metadata(caller),
            )
        )
        assert (failure.code, failure.reason, failure.fields) == (
            grpc.StatusCode.INVALID_ARGUMENT,
            "PAGE_TOKEN_INVALID",
            ["page_token"],
        )


async def test_two_authorization_headers_are_refused_as_ambiguous(platform_services):
    metadata = [*_alerts(platform_services), *platform_services.alerts.metadata("eeb-340000")]
    failure = await _refused(
        platform_services.alert_stub.ListAlerts(alert_service_pb2.ListAlertsRequest(), metadata=metadata)
    )
    assert (failure.code, failure.reason) == (grpc.StatusCode.UNAUTHENTICATED, "TOKEN_AMBIGUOUS")


async def test_a_malformed_token_is_refused_without_library_internals(platform_services):
    failure = await _refused(
        platform_services.alert_stub.ListAlerts(
            alert_service_pb2.ListAlertsRequest(), metadata=[("authorization", "Bearer eyJ.eyJ.sig")]
        )
    )
    assert failure.reason == "TOKEN_MALFORMED"
    assert "Invalid" not in failure.message and "decode" not in failure.message.lower()


async def test_bad_calls_from_one_source_are_audited_as_one_row_and_a_count(platform_services, database_url):
    for _ in range(200):
        await _refused(
            platform_services.alert_stub.ListAlerts(
                alert_service_pb2.ListAlertsRequest(), metadata=[("authorization", "Bearer not-a-jwt")]
            )
        )
    await platform_services.alerts.running.refusals.flush(everything=True)
    refused = [row for row in await audit_rows(database_url) if row["outcome"] == "UNAUTHENTICATED"]
    assert [(row["reason"], row["details"]["source"]) for row in refused] == [
        ("TOKEN_MALFORMED", "ipv4:127.0.0.1"),
        ("TOKEN_MALFORMED", "ipv4:127.0.0.1"),
    ]
    assert refused[0]["action"] == "/ecolink.alerts.v1.AlertService/ListAlerts"
    assert refused[1]["details"]["count"] == 199
