"""ALERTS_RULE_THRESHOLDS_FILE end to end on both databases: a lowered C2 run raises what the defaults do not."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from ecolink.alerts.v1 import alert_service_pb2 as alerts_pb
from ecolink.alerts.v1 import alert_service_pb2_grpc, monitoring_pb2
from ecolink_alerts.domain.threshold_overrides import ThresholdOverrideError
from ecolink_alerts.service import SPEC as ALERTS
from ecolink_alerts.testing import ingested, load_demo_registry
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.platform import ServiceUnderTest, prepared_service

LINGBI_MN = "88888880000001"
LINGBI_UNIT = "units/lingbi-jiancai"
LINGBI_BUREAU = "eeb-341323"
SO2, FLOW = "a21026", "a00000"
START = datetime(2026, 11, 20, 0, tzinfo=UTC)
# Two zero SO2 hours while the process runs: ANOMALY_RULES §C2's documented run is 3 hours, so only the override
# (2 hours) makes them a zero-value episode.
SO2_HOURS = [12.0, 0.0, 0.0, 12.5, 13.0]
TWO_ZERO_HOURS = {"factor_defaults": {"zero": {"consecutive_hours": 2}}}


def _stamp(moment: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(moment)
    return stamp


def hourly_records() -> list[monitoring_pb2.MonitoringRecord]:
    return [
        monitoring_pb2.MonitoringRecord(
            mn=LINGBI_MN,
            data_kind=monitoring_pb2.DATA_KIND_HOURLY,
            data_time=_stamp(START + timedelta(hours=hour)),
            values=[
                monitoring_pb2.FactorValue(factor_code=SO2, value=value, flag="N"),
                monitoring_pb2.FactorValue(factor_code=FLOW, value=300000.0 + 1000 * (hour % 5), flag="N"),
            ],
        )
        for hour, value in enumerate(SO2_HOURS)
    ]


async def zero_value_alerts_and_rescan(service: ServiceUnderTest, database_url: str) -> tuple[list, list]:
    """Ingests the hours over gRPC; the C2 alerts ListAlerts shows and the C2 episodes RescanRange finds."""
    await load_demo_registry(service)
    metadata = service.metadata(LINGBI_BUREAU)
    assert (await ingested(service, hourly_records())).accepted == len(SO2_HOURS)
    async with stubs(service, alert_service_pb2_grpc.AlertServiceStub) as alerts:
        listed = await alerts.ListAlerts(alerts_pb.ListAlertsRequest(unit=LINGBI_UNIT, rule="C2"), metadata=metadata)
        rescan = alerts_pb.RescanRangeRequest(
            unit=LINGBI_UNIT, start_time=_stamp(START), end_time=_stamp(START + timedelta(days=1))
        )
        found = await alerts.RescanRange(rescan, metadata=metadata)
    return list(listed.alerts), [episode for episode in found.episodes if episode.rule == "C2"]


@pytest.fixture
async def overridden_service(platform, database_url, tmp_path: Path) -> AsyncIterator[ServiceUnderTest]:
    """The alerts service started with a thresholds file lowering the C2 run to two hours."""
    path = tmp_path / "rule-thresholds.json"
    path.write_text(json.dumps(TWO_ZERO_HOURS), encoding="utf-8")
    service = await prepared_service(ALERTS, platform, database_url, rule_thresholds_file=path)
    yield service
    await service.running.stop()


async def test_two_zero_hours_raise_nothing_under_the_documented_defaults(alerts_service, database_url):
    assert await zero_value_alerts_and_rescan(alerts_service, database_url) == ([], [])


async def test_two_zero_hours_raise_c2_online_and_in_a_rescan_once_the_file_lowers_the_run(
    overridden_service, database_url
):
    alerts, episodes = await zero_value_alerts_and_rescan(overridden_service, database_url)
    assert [(alert.factor_code, alert.start_time.ToDatetime(tzinfo=UTC)) for alert in alerts] == [
        (SO2, START + timedelta(hours=1))
    ]
    assert [episode.matching_alert for episode in episodes] == [alerts[0].name]


async def test_a_misspelt_threshold_stops_the_service_at_startup(platform, database_url, tmp_path: Path):
    path = tmp_path / "rule-thresholds.json"
    path.write_text(json.dumps({"factor_defaults": {"zero": {"consecutive_hour": 2}}}), encoding="utf-8")
    with pytest.raises(ThresholdOverrideError, match=r"factor_defaults\.zero\.consecutive_hour: unknown threshold"):
        await prepared_service(ALERTS, platform, database_url, rule_thresholds_file=path)
