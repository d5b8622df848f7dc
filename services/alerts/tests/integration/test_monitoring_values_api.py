"""ListMonitoringValues through a real server on both databases: values ingested over gRPC, read back page by page."""

from __future__ import annotations

import base64
import json
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

LINGBI_MN = "88888880000001"
LINGBI_DEVICE = f"devices/{LINGBI_MN}"
PROVINCE_BUREAU, LINGBI_BUREAU, JIANCAI = "eeb-340000", "eeb-341323", "ent-341323-jiancai"
DAY = datetime(2026, 11, 1, tzinfo=CHINA_STANDARD_TIME)
HOURS = 6


def _stamp(moment: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(moment)
    return stamp


def record(hour: int, so2: float, flag: str = "N") -> monitoring_pb2.MonitoringRecord:
    return monitoring_pb2.MonitoringRecord(
        mn=LINGBI_MN,
        data_kind=monitoring_pb2.DATA_KIND_HOURLY,
        data_time=_stamp(DAY + timedelta(hours=hour)),
        values=[
            monitoring_pb2.FactorValue(factor_code="a21026", value=so2, flag=flag, converted=so2 * 1.1),
            monitoring_pb2.FactorValue(factor_code="a00000", value=300000.0 + hour, flag="N"),
        ],
    )


async def ingest(stub, alerts_service, records) -> pb.IngestMonitoringDataResponse:
    requests = [pb.IngestMonitoringDataRequest(records=records)]
    return await stub.IngestMonitoringData(iter(requests), metadata=alerts_service.metadata(PROVINCE_BUREAU))


@pytest.fixture
async def monitoring(alerts_service, database_url) -> AsyncIterator[monitoring_service_pb2_grpc.MonitoringServiceStub]:
    """Six hours of Lingbi SO2 and flow, then hour 2 again with another SO2 value and flag (a conflict)."""
    await load_demo_registry(alerts_service)
    async with stubs(alerts_service, monitoring_service_pb2_grpc.MonitoringServiceStub) as stub:
        first = await ingest(stub, alerts_service, [record(hour, 12.0 + hour) for hour in range(HOURS)])
        again = await ingest(stub, alerts_service, [record(2, 99.0, flag="D")])
        assert (first.accepted, again.conflicts, list(again.refusals)) == (HOURS, 1, [])
        yield stub


def values_request(**fields) -> pb.ListMonitoringValuesRequest:
    wanted = {
        "device": LINGBI_DEVICE,
        "data_kind": monitoring_pb2.DATA_KIND_HOURLY,
        "start_time": _stamp(DAY),
        "end_time": _stamp(DAY + timedelta(days=1)),
        **fields,
    }
    return pb.ListMonitoringValuesRequest(**{key: value for key, value in wanted.items() if value is not None})


async def every_page(stub, alerts_service, request, agency: str = LINGBI_BUREAU) -> list[list[pb.MonitoringValue]]:
    pages = []
    while True:
        response = await stub.ListMonitoringValues(request, metadata=alerts_service.metadata(agency))
        pages.append(list(response.values))
        if not response.next_page_token:
            return pages
        request.page_token = response.next_page_token


async def test_the_stored_values_come_back_by_data_time_across_pages_with_the_conflicting_version(
    monitoring, alerts_service
):
    pages = await every_page(monitoring, alerts_service, values_request(page_size=5))
    assert [len(page) for page in pages] == [5, 5, 2]
    values = [value for page in pages for value in page]
    keys = [(value.data_time.ToDatetime(tzinfo=CHINA_STANDARD_TIME).hour, value.factor_code) for value in values]
    assert keys == [(hour, factor) for hour in range(HOURS) for factor in ("a00000", "a21026")]
    so2 = [value for value in values if value.factor_code == "a21026"]
    assert [(v.mn, v.data_kind, v.value, v.flag) for v in so2[:3]] == [
        (LINGBI_MN, monitoring_pb2.DATA_KIND_HOURLY, 12.0, "N"),
        (LINGBI_MN, monitoring_pb2.DATA_KIND_HOURLY, 13.0, "N"),
        (LINGBI_MN, monitoring_pb2.DATA_KIND_HOURLY, 14.0, "N"),
    ]
    assert round(so2[0].converted, 6) == 13.2 and so2[0].receive_time.seconds > 0
    conflicted = so2[2]
    assert [(c.value, c.flag, round(c.converted, 6)) for c in conflicted.conflicts] == [(99.0, "D", 108.9)]
    assert [len(value.conflicts) for value in values if value is not conflicted] == [0] * (2 * HOURS - 1)


async def test_a_unit_and_factor_filter_lists_that_factor_of_the_units_devices_and_its_enterprise_sees_them(
    monitoring, alerts_service
):
    request = values_request(device="", unit="units/lingbi-jiancai", factor_code="a21026")
    pages = await every_page(monitoring, alerts_service, request, agency=JIANCAI)
    assert [(value.factor_code, value.value) for value in pages[0]] == [("a21026", 12.0 + h) for h in range(HOURS)]
    minutes = await every_page(monitoring, alerts_service, values_request(data_kind=monitoring_pb2.DATA_KIND_MINUTE))
    assert minutes == [[]]


async def test_a_device_outside_the_callers_jurisdiction_is_not_found_and_the_attempt_is_audited(
    monitoring, alerts_service, database_url
):
    for request in (values_request(), values_request(device="", unit="units/lingbi-jiancai")):
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await monitoring.ListMonitoringValues(request, metadata=alerts_service.metadata("eeb-360800"))
        assert rpc_failure(raised.value).code == grpc.StatusCode.NOT_FOUND
    with pytest.raises(grpc.aio.AioRpcError) as unknown:
        await monitoring.ListMonitoringValues(
            values_request(device="devices/99999990000009"), metadata=alerts_service.metadata(LINGBI_BUREAU)
        )
    assert rpc_failure(unknown.value).code == grpc.StatusCode.NOT_FOUND
    hidden = [
        (row["actor_agency_id"], row["action"], row["resource"], row["reason"])
        for row in await audit_rows(database_url)
        if row["outcome"] == "NOT_FOUND"
    ]
    assert hidden == [
        ("eeb-360800", "ListMonitoringValues", LINGBI_DEVICE, "OUTSIDE_JURISDICTION"),
        ("eeb-360800", "ListMonitoringValues", "units/lingbi-jiancai", "OUTSIDE_JURISDICTION"),
    ]


@pytest.mark.parametrize(
    ("request_fields", "field", "reason"),
    [
        ({"unit": "units/lingbi-jiancai"}, "device", "VALUES_TARGET_INVALID"),
        ({"device": ""}, "device", "VALUES_TARGET_INVALID"),
        ({"device": "88888880000001"}, "device", "INVALID_ARGUMENT"),
        ({"device": "", "unit": "lingbi-jiancai"}, "unit", "INVALID_ARGUMENT"),
        ({"factor_code": "a21026' OR '1'='1"}, "factor_code", "INVALID_ARGUMENT"),
        ({"factor_code": "a" * 17}, "factor_code", "INVALID_ARGUMENT"),
        ({"data_kind": None}, "data_kind", "INVALID_ARGUMENT"),
        ({"start_time": None}, "start_time", "TIME_RANGE_INVALID"),
        ({"end_time": _stamp(DAY)}, "end_time", "TIME_RANGE_INVALID"),
        ({"end_time": _stamp(DAY + timedelta(days=367))}, "end_time", "TIME_RANGE_TOO_LONG"),
        ({"page_size": 501}, "page_size", "INVALID_ARGUMENT"),
        ({"page_token": "not-a-token"}, "page_token", "PAGE_TOKEN_INVALID"),
    ],
)
async def test_bad_filters_are_invalid_argument_naming_the_field(
    monitoring, alerts_service, request_fields, field, reason
):
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await monitoring.ListMonitoringValues(
            values_request(**request_fields), metadata=alerts_service.metadata(LINGBI_BUREAU)
        )
    failure = rpc_failure(raised.value)
    assert (failure.code, failure.fields, failure.reason) == (grpc.StatusCode.INVALID_ARGUMENT, [field], reason)


async def test_a_page_token_is_refused_with_other_filters_or_an_edited_time(monitoring, alerts_service):
    metadata = alerts_service.metadata(LINGBI_BUREAU)
    first = await monitoring.ListMonitoringValues(values_request(page_size=2), metadata=metadata)
    other_filters = values_request(page_size=2, factor_code="a21026", page_token=first.next_page_token)
    edited = values_request(page_size=2, page_token=edited_token(first.next_page_token))
    for request in (other_filters, edited):
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await monitoring.ListMonitoringValues(request, metadata=metadata)
        failure = rpc_failure(raised.value)
        assert (failure.code, failure.fields, failure.reason) == (
            grpc.StatusCode.INVALID_ARGUMENT,
            ["page_token"],
            "PAGE_TOKEN_INVALID",
        )


def edited_token(token: str) -> str:
    """The token with its DataTime stripped of its zone, as a hand-edited token would carry it (its MAC kept)."""
    payload, _, mac = token.partition(".")
    position = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    position["data_time"] = position["data_time"][:19]
    return f"{base64.urlsafe_b64encode(json.dumps(position).encode()).decode().rstrip('=')}.{mac}"
