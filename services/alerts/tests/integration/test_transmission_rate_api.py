"""GetTransmissionRate through a real server on both databases: records ingested over gRPC, counted per level."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from ecolink.alerts.v1 import monitoring_pb2, monitoring_service_pb2_grpc
from ecolink.alerts.v1 import monitoring_service_pb2 as pb
from ecolink_alerts.domain.periods import CHINA_STANDARD_TIME
from ecolink_alerts.testing import load_demo_registry
from ecolink_common.testing.audit_rows import audit_rows
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.rpc import rpc_failure

LINGBI_MN, SUZHOU_MN = "88888880000001", "34130200000001"
PROVINCE_BUREAU = "eeb-340000"
# 2026-11-01 as a Beijing day, as `ecolink monitoring rate --from 2026-11-01 --to 2026-11-01` asks for it.
DAY = datetime(2026, 11, 1, tzinfo=CHINA_STANDARD_TIME)


def _stamp(moment: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(moment)
    return stamp


def record(
    mn: str, hour: int, flag: str = "N", kind: int = monitoring_pb2.DATA_KIND_HOURLY, day: datetime = DAY
) -> monitoring_pb2.MonitoringRecord:
    return monitoring_pb2.MonitoringRecord(
        mn=mn,
        data_kind=kind,
        data_time=_stamp(day + timedelta(hours=hour)),
        values=[
            monitoring_pb2.FactorValue(factor_code="a21026", value=12.0 + hour % 3, flag=flag),
            monitoring_pb2.FactorValue(factor_code="a00000", value=300000.0 + 1000 * (hour % 5), flag="N"),
        ],
    )


@pytest.fixture
async def monitoring(alerts_service, database_url) -> AsyncIterator[monitoring_service_pb2_grpc.MonitoringServiceStub]:
    """The demo registry, and one Beijing day of data: Lingbi sends 20 of its 24 hours, one of them flagged D
    (fault), plus a minute record and a repeat, and a record of the day before; Suzhou power sends 12 hours."""
    await load_demo_registry(alerts_service)
    records = [
        *(record(LINGBI_MN, hour, flag="D" if hour == 5 else "N") for hour in range(20)),
        record(LINGBI_MN, 3),
        record(LINGBI_MN, 7, kind=monitoring_pb2.DATA_KIND_MINUTE),
        record(LINGBI_MN, -1),
        *(record(SUZHOU_MN, hour) for hour in range(0, 24, 2)),
    ]
    async with stubs(alerts_service, monitoring_service_pb2_grpc.MonitoringServiceStub) as stub:
        requests = [pb.IngestMonitoringDataRequest(records=records)]
        response = await stub.IngestMonitoringData(iter(requests), metadata=alerts_service.metadata(PROVINCE_BUREAU))
        assert list(response.refusals) == []
        yield stub


def rate_request(region: str, level: int, days: int = 1) -> pb.GetTransmissionRateRequest:
    return pb.GetTransmissionRateRequest(
        region_code=region, start_time=_stamp(DAY), end_time=_stamp(DAY + timedelta(days=days)), level=level
    )


async def rates(stub, alerts_service, request, agency: str = PROVINCE_BUREAU) -> pb.GetTransmissionRateResponse:
    return await stub.GetTransmissionRate(request, metadata=alerts_service.metadata(agency))


def counted(response: pb.GetTransmissionRateResponse) -> list[tuple]:
    return [(r.scope, r.expected_records, r.valid_records, round(r.rate, 4)) for r in response.rates]


async def test_rates_per_device_unit_county_and_city_count_valid_hourly_records_against_those_owed(
    monitoring, alerts_service
):
    by_device = await rates(monitoring, alerts_service, rate_request("341300", pb.TRANSMISSION_RATE_LEVEL_DEVICE))
    assert counted(by_device) == [(f"devices/{SUZHOU_MN}", 24, 12, 0.5), (f"devices/{LINGBI_MN}", 24, 19, 0.7917)]
    assert (by_device.rates[1].display_name, by_device.rates[1].region_code) == ("灵璧县某新型建材有限公司", "341323")
    by_unit = await rates(monitoring, alerts_service, rate_request("341300", pb.TRANSMISSION_RATE_LEVEL_UNSPECIFIED))
    assert counted(by_unit) == [("units/lingbi-jiancai", 24, 19, 0.7917), ("units/suzhou-power", 24, 12, 0.5)]
    by_county = await rates(monitoring, alerts_service, rate_request("340000", pb.TRANSMISSION_RATE_LEVEL_COUNTY))
    assert counted(by_county) == [("341302", 24, 12, 0.5), ("341323", 24, 19, 0.7917)]
    by_city = await rates(monitoring, alerts_service, rate_request("340000", pb.TRANSMISSION_RATE_LEVEL_CITY))
    assert counted(by_city) == [("341300", 48, 31, 0.6458)]
    assert (by_city.total.scope, by_city.total.expected_records, by_city.total.valid_records) == ("340000", 48, 31)
    two_days = await rates(monitoring, alerts_service, rate_request("341323", pb.TRANSMISSION_RATE_LEVEL_UNIT, 2))
    assert counted(two_days) == [("units/lingbi-jiancai", 48, 19, 0.3958)]


async def test_only_units_the_caller_may_see_count_and_a_region_outside_its_own_is_not_found(
    monitoring, alerts_service, database_url
):
    county = await rates(monitoring, alerts_service, rate_request("341323", 0), agency="eeb-341323")
    assert [r.scope for r in county.rates] == ["units/lingbi-jiancai"]
    enterprise = await rates(monitoring, alerts_service, rate_request("341323", 0), agency="ent-341323-jiancai")
    assert [r.scope for r in enterprise.rates] == ["units/lingbi-jiancai"]
    police = await rates(monitoring, alerts_service, rate_request("341300", 0), agency="psb-341300")
    assert (list(police.rates), police.total.expected_records, police.total.HasField("rate")) == ([], 0, False)
    for agency, region in (("eeb-341323", "341300"), ("eeb-360800", "341323")):
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await rates(monitoring, alerts_service, rate_request(region, 0), agency=agency)
        assert rpc_failure(raised.value).code == grpc.StatusCode.NOT_FOUND
    hidden = [
        (row["actor_agency_id"], row["action"], row["resource"], row["reason"])
        for row in await audit_rows(database_url)
        if row["outcome"] == "NOT_FOUND"
    ]
    assert hidden == [
        ("eeb-341323", "GetTransmissionRate", "regions/341300", "OUTSIDE_JURISDICTION"),
        ("eeb-360800", "GetTransmissionRate", "regions/341323", "OUTSIDE_JURISDICTION"),
    ]


@pytest.mark.parametrize(
    ("request_fields", "field", "reason"),
    [
        ({"region_code": ""}, "region_code", "REGION_CODE_INVALID"),
        ({"region_code": "3413"}, "region_code", "REGION_CODE_INVALID"),
        ({"start_time": None}, "start_time", "TIME_RANGE_INVALID"),
        ({"end_time": _stamp(DAY)}, "end_time", "TIME_RANGE_INVALID"),
        ({"end_time": _stamp(DAY + timedelta(days=367))}, "end_time", "TIME_RANGE_TOO_LONG"),
        ({"level": 9}, "level", "INVALID_ARGUMENT"),
    ],
)
async def test_a_bad_rate_request_is_invalid_argument_naming_the_field(
    monitoring, alerts_service, request_fields, field, reason
):
    fields = {"region_code": "341300", "start_time": _stamp(DAY), "end_time": _stamp(DAY + timedelta(days=1))}
    request = pb.GetTransmissionRateRequest(**{**fields, **request_fields})
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await rates(monitoring, alerts_service, request)
    failure = rpc_failure(raised.value)
    assert (failure.code, failure.fields, failure.reason) == (grpc.StatusCode.INVALID_ARGUMENT, [field], reason)
