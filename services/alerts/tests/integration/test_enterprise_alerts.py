"""What a key unit's enterprise sees of its own alerts (DOMAIN §1, ALERTS_UNIT_VISIBLE_RULES), and region filters
outside the caller's reach, through a real server and channel on SQLite and PostgreSQL."""

from __future__ import annotations

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from ecolink.alerts.v1 import (
    alert_service_pb2,
    alert_service_pb2_grpc,
    grading_service_pb2,
    monitoring_service_pb2,
    registry_service_pb2,
)
from ecolink_alerts.service import SPEC as ALERTS
from ecolink_alerts.testing import load_demo_registry, raise_lingbi_alerts
from ecolink_common.testing.audit_rows import audit_rows
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.platform import prepared_service
from ecolink_common.testing.rpc import rpc_failure

LINGBI_ENTERPRISE = "ent-341323-jiancai"
UNIT_SECTIONS = {"C9", "C10", "C11", "C12", "C13"}
FALSIFICATION_SECTIONS = {f"C{number}" for number in range(1, 9)}


@pytest.fixture
async def lingbi_alerts(alerts_service) -> dict[str, str]:
    """The Lingbi unit's alerts by rule, as its county bureau lists them."""
    by_rule = await raise_lingbi_alerts(alerts_service)
    assert {"E1", "C4", "C11.manual_value"} <= set(by_rule)
    return by_rule


async def test_the_enterprise_lists_its_exceedance_and_data_quality_alerts_but_not_the_falsification_clues(
    alert_stub, alerts_service, lingbi_alerts
):
    metadata = alerts_service.metadata(LINGBI_ENTERPRISE)
    listed = await alert_stub.ListAlerts(alert_service_pb2.ListAlertsRequest(), metadata=metadata)
    seen = {alert.rule for alert in listed.alerts}
    assert {"E1", "C11.manual_value"} <= seen
    assert not {rule for rule in seen if rule.partition(".")[0] in FALSIFICATION_SECTIONS}
    assert seen == {rule for rule in lingbi_alerts if rule == "E1" or rule.partition(".")[0] in UNIT_SECTIONS}
    e1 = await alert_stub.GetAlert(alert_service_pb2.GetAlertRequest(name=lingbi_alerts["E1"]), metadata=metadata)
    assert e1.alert.rule == "E1" and list(e1.alert.evidence)


async def test_the_enterprise_gets_not_found_for_its_c4_and_the_attempt_is_audited(
    alert_stub, alerts_service, database_url, lingbi_alerts
):
    metadata = alerts_service.metadata(LINGBI_ENTERPRISE)
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await alert_stub.GetAlert(alert_service_pb2.GetAlertRequest(name=lingbi_alerts["C4"]), metadata=metadata)
    assert rpc_failure(raised.value).code == grpc.StatusCode.NOT_FOUND
    c4 = await alert_stub.ListAlerts(alert_service_pb2.ListAlertsRequest(rule="C4"), metadata=metadata)
    assert list(c4.alerts) == []
    hidden = [
        (row["action"], row["resource"], row["reason"])
        for row in await audit_rows(database_url)
        if row["actor_agency_id"] == LINGBI_ENTERPRISE and row["outcome"] == "NOT_FOUND"
    ]
    assert hidden == [("GetAlert", lingbi_alerts["C4"], "OUTSIDE_JURISDICTION")]


async def test_another_enterprise_and_the_police_see_none_of_the_units_alerts(
    alert_stub, alerts_service, lingbi_alerts
):
    for agency in ("ent-360823-chem", "psb-341300"):
        metadata = alerts_service.metadata(agency)
        listed = await alert_stub.ListAlerts(alert_service_pb2.ListAlertsRequest(), metadata=metadata)
        assert list(listed.alerts) == [], agency
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await alert_stub.GetAlert(alert_service_pb2.GetAlertRequest(name=lingbi_alerts["E1"]), metadata=metadata)
        assert rpc_failure(raised.value).code == grpc.StatusCode.NOT_FOUND


async def test_a_region_filter_outside_the_callers_reach_is_not_found_and_audited_in_every_list(
    monitoring_stub, alert_stub, grading_stub, registry_stub, alerts_service, database_url
):
    metadata = alerts_service.metadata("eeb-341300")
    calls = {
        "ListAlerts": lambda: alert_stub.ListAlerts(
            alert_service_pb2.ListAlertsRequest(region_code="360000"), metadata=metadata
        ),
        "ListExceedanceGrades": lambda: grading_stub.ListExceedanceGrades(
            grading_service_pb2.ListExceedanceGradesRequest(region_code="360000"), metadata=metadata
        ),
        "ListKeyUnits": lambda: registry_stub.ListKeyUnits(
            registry_service_pb2.ListKeyUnitsRequest(region_code="360000"), metadata=metadata
        ),
        "GetTransmissionRate": lambda: monitoring_stub.GetTransmissionRate(
            monitoring_service_pb2.GetTransmissionRateRequest(
                region_code="360000",
                start_time=Timestamp(seconds=1_790_000_000),
                end_time=Timestamp(seconds=1_790_086_400),
            ),
            metadata=metadata,
        ),
    }
    for action, call in calls.items():
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await call()
        failure = rpc_failure(raised.value)
        assert (failure.code, failure.reason) == (grpc.StatusCode.NOT_FOUND, "NOT_FOUND"), action
    hidden = [
        (row["action"], row["resource"], row["reason"])
        for row in await audit_rows(database_url)
        if row["actor_agency_id"] == "eeb-341300" and row["outcome"] == "NOT_FOUND"
    ]
    assert hidden == [(action, "regions/360000", "OUTSIDE_JURISDICTION") for action in calls]
    within = await alert_stub.ListAlerts(alert_service_pb2.ListAlertsRequest(region_code="341323"), metadata=metadata)
    assert list(within.alerts) == []


async def test_the_rules_a_unit_sees_are_a_setting(platform, database_url):
    service = await prepared_service(ALERTS, platform, database_url, unit_visible_rules=frozenset({"C4"}))
    try:
        await load_demo_registry(service)
        await raise_lingbi_alerts(service)
        async with stubs(service, alert_service_pb2_grpc.AlertServiceStub) as alerts:
            listed = await alerts.ListAlerts(
                alert_service_pb2.ListAlertsRequest(), metadata=service.metadata(LINGBI_ENTERPRISE)
            )
        assert [alert.rule for alert in listed.alerts] == ["C4"]
    finally:
        await service.running.stop()
