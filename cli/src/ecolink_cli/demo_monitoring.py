"""The demo's monitoring day: a day of Lingbi kiln-stack hours, forwarded by the Anhui provincial platform through
bulk ingest once `ecolink run` serves, whose three zero SO2 hours raise the C2 alert a demo case is opened from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from google.protobuf.timestamp_pb2 import Timestamp

from ecolink.alerts.v1 import monitoring_pb2, monitoring_service_pb2_grpc
from ecolink.alerts.v1 import monitoring_service_pb2 as pb
from ecolink_alerts.domain.periods import CHINA_STANDARD_TIME
from ecolink_cli.client import CALL_TIMEOUT_SECONDS, auth_metadata, open_channel

DEMO_UNIT = "lingbi-jiancai"  # 灵璧县某新型建材有限公司, flue-gas outlet DA001 in the demo registry
DEMO_MN = "88888880000001"
# The provincial platform forwards a county's data (README: bulk ingest is for provincial platforms).
FORWARDING_AGENCY = "eeb-340000"
# A fixed day, so that a restart sends the same records again and they are stored once (idempotent by MN, CN,
# DataTime): the demo keeps one alert, whatever the day it is started on.
DEMO_DAY = datetime(2026, 11, 1, tzinfo=CHINA_STANDARD_TIME)
HOURS = 24
# ANOMALY_RULES C2: a zero concentration for ≥ 3 consecutive hours while the flow shows the kiln running.
ZERO_HOURS = range(10, 13)
SO2, FLOW = "a21026", "a00000"
BATCH_RECORDS = 8


@dataclass(frozen=True)
class DemoDay:
    """What the ingest made of the demo day."""

    accepted: int
    duplicates: int
    refused: int


def _hour(hour: int) -> monitoring_pb2.MonitoringRecord:
    data_time = Timestamp()
    data_time.FromDatetime(DEMO_DAY + timedelta(hours=hour))
    so2 = 0.0 if hour in ZERO_HOURS else 12.0 + hour % 3
    return monitoring_pb2.MonitoringRecord(
        mn=DEMO_MN,
        data_kind=monitoring_pb2.DATA_KIND_HOURLY,
        data_time=data_time,
        values=[
            monitoring_pb2.FactorValue(factor_code=SO2, value=so2, flag="N"),
            monitoring_pb2.FactorValue(factor_code=FLOW, value=300000.0 + 1000 * (hour % 5), flag="N"),
        ],
    )


def demo_requests() -> list[pb.IngestMonitoringDataRequest]:
    """The demo day's hourly records of the Lingbi device, in batches as a provincial platform streams them."""
    records = [_hour(hour) for hour in range(HOURS)]
    return [
        pb.IngestMonitoringDataRequest(records=records[start : start + BATCH_RECORDS])
        for start in range(0, len(records), BATCH_RECORDS)
    ]


def send_demo_day(token: str, address: str | None = None) -> DemoDay:
    """Streams the demo day to the alerts service (`address`, default its settings) with the provincial bureau's
    token."""
    with open_channel("alerts", address) as channel:
        stub = monitoring_service_pb2_grpc.MonitoringServiceStub(channel)
        response = stub.IngestMonitoringData(
            iter(demo_requests()),
            metadata=auth_metadata(token),
            timeout=CALL_TIMEOUT_SECONDS,
        )
    return DemoDay(response.accepted, response.duplicates, len(response.refusals) + response.conflicts)
