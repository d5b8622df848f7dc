"""Helpers for alerts tests and benchmarks: the demo registry loaded into a service under test, its device
passwords digested with that service's own key (as `make run` loads it), never a key under the repository's var/;
and a day of the Lingbi unit's hour values that raise its demo alerts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from google.protobuf.timestamp_pb2 import Timestamp

from ecolink.alerts.v1 import (
    alert_service_pb2,
    alert_service_pb2_grpc,
    monitoring_pb2,
    monitoring_service_pb2,
    monitoring_service_pb2_grpc,
)
from ecolink_alerts.adapters.password_key import device_passwords
from ecolink_alerts.domain.device_passwords import DevicePasswords
from ecolink_alerts.service_layer.registry_loading import RegistryLoad, load_registry_file
from ecolink_alerts.settings import AlertsSettings
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.platform import ServiceUnderTest


def service_passwords(service: ServiceUnderTest) -> DevicePasswords:
    """The device-password digests of the alerts service under test (its key under its own var/keys)."""
    settings = service.settings
    assert isinstance(settings, AlertsSettings)
    return device_passwords(settings.device_password_key_path(service.platform))


async def load_demo_registry(service: ServiceUnderTest) -> RegistryLoad:
    """Loads `ALERTS_REGISTRY_FILE` (the demo registry) into the database of the alerts service under test."""
    settings = service.settings
    assert isinstance(settings, AlertsSettings)
    url = settings.resolved_database_url(service.platform)
    return await load_registry_file(url, settings.registry_file, passwords=service_passwords(service))


LINGBI_MN = "88888880000001"
LINGBI_UNIT = "units/lingbi-jiancai"
LINGBI_BUREAU = "eeb-341323"
SO2, FLOW = "a21026", "a00000"
LINGBI_START = datetime(2026, 11, 1, tzinfo=UTC)
# SO2 hour values (limit 35 mg/m3) with their flags, beside a level flow: a sudden drop to a quarter of the level
# for four hours (C4), one hour over the limit (E1) and one manually set value (flag S, C11.manual_value).
SO2_HOURS = [
    *[(12.0 + hour % 3, "N") for hour in range(8)],
    *[(3.0, "N")] * 4,
    *[(12.0 + hour % 3, "N") for hour in range(8)],
    (60.0, "N"),
    *[(12.0 + hour % 3, "N") for hour in range(4)],
    (13.0, "S"),
    *[(12.0 + hour % 3, "N") for hour in range(4)],
]


def lingbi_hourly_records(
    so2_hours: list[tuple[float, str]] = SO2_HOURS, start: datetime = LINGBI_START
) -> list[monitoring_pb2.MonitoringRecord]:
    """The Lingbi device's SO2 (value, flag) and flow hour values from `start`, one record an hour."""
    records = []
    for hour, (value, flag) in enumerate(so2_hours):
        data_time = Timestamp()
        data_time.FromDatetime(start + timedelta(hours=hour))
        records.append(
            monitoring_pb2.MonitoringRecord(
                mn=LINGBI_MN,
                data_kind=monitoring_pb2.DATA_KIND_HOURLY,
                data_time=data_time,
                values=[
                    monitoring_pb2.FactorValue(factor_code=SO2, value=value, flag=flag),
                    monitoring_pb2.FactorValue(factor_code=FLOW, value=300000.0 + 1000 * (hour % 3), flag="N"),
                ],
            )
        )
    return records


async def ingested(
    service: ServiceUnderTest, records: list[monitoring_pb2.MonitoringRecord], agency: str = LINGBI_BUREAU
) -> monitoring_service_pb2.IngestMonitoringDataResponse:
    """Ingests the records in one batch as `agency`; any refused record fails the test."""
    async with stubs(service, monitoring_service_pb2_grpc.MonitoringServiceStub) as monitoring:
        request = monitoring_service_pb2.IngestMonitoringDataRequest(records=records)
        response = await monitoring.IngestMonitoringData(iter([request]), metadata=service.metadata(agency))
    if list(response.refusals):
        raise AssertionError(f"the records were refused: {list(response.refusals)}")
    return response


async def raise_lingbi_alerts(service: ServiceUnderTest) -> dict[str, str]:
    """Ingests the Lingbi hour values into the alerts service under test as its county bureau; the unit's alerts
    by rule (E1, C4 and C11.manual_value among them)."""
    await ingested(service, lingbi_hourly_records())
    async with stubs(service, alert_service_pb2_grpc.AlertServiceStub) as alerts:
        request = alert_service_pb2.ListAlertsRequest(unit=LINGBI_UNIT)
        listed = await alerts.ListAlerts(request, metadata=service.metadata(LINGBI_BUREAU))
    return {alert.rule: alert.name for alert in listed.alerts}
