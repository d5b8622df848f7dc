"""RegistryService through a real server and channel, on SQLite and PostgreSQL, with the demo registry loaded."""

from __future__ import annotations

from collections.abc import AsyncIterator

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from sqlalchemy import select

from ecolink.alerts.v1 import registry_pb2, registry_service_pb2_grpc
from ecolink.alerts.v1 import registry_service_pb2 as pb
from ecolink_alerts.adapters.password_key import device_passwords
from ecolink_alerts.adapters.tables import device_table
from ecolink_alerts.settings import AlertsSettings
from ecolink_alerts.testing import load_demo_registry
from ecolink_common.db import create_engine
from ecolink_common.testing.audit_rows import audit_rows
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.rpc import rpc_failure

LINGBI = "units/lingbi-jiancai"
LINGBI_OUTLET = "units/lingbi-jiancai/outlets/DA001"
LINGBI_DEVICE = "devices/88888880000001"
LINGBI_BUREAU = "eeb-341323"


@pytest.fixture
async def registry(alerts_service, database_url) -> AsyncIterator[registry_service_pb2_grpc.RegistryServiceStub]:
    await load_demo_registry(alerts_service)
    async with stubs(alerts_service, registry_service_pb2_grpc.RegistryServiceStub) as stub:
        yield stub


async def failure_of(call) -> object:
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await call
    return rpc_failure(raised.value)


def new_unit(unit_id: str = "lingbi-cement", region_code: str = "341323") -> registry_pb2.KeyUnit:
    return registry_pb2.KeyUnit(
        unit_id=unit_id, display_name="灵璧县某水泥有限公司", region_code=region_code, industry="cement (水泥)"
    )


def flue_gas_outlet(outlet_id: str = "DA002") -> registry_pb2.Outlet:
    return registry_pb2.Outlet(
        outlet_id=outlet_id,
        display_name="2# kiln stack",
        medium=registry_pb2.OUTLET_MEDIUM_FLUE_GAS,
        factors=[
            registry_pb2.MonitoredFactor(
                pollutant_code="a21026", unit="mg/m3", emission_limit=35, range_lower=0, range_upper=200
            ),
            registry_pb2.MonitoredFactor(pollutant_code="a00000", unit="m3/h", range_lower=0, range_upper=500000),
        ],
    )


def new_device(mn: str = "34132300000002", outlet: str = LINGBI_OUTLET) -> registry_pb2.Device:
    return registry_pb2.Device(
        mn=mn,
        outlet=outlet,
        protocol_version=registry_pb2.PROTOCOL_VERSION_HJ212_2017,
        crc_mode=registry_pb2.CRC_MODE_MODBUS,
        access_password="s3cret",
    )


async def test_lingbi_unit_has_its_flue_gas_outlet_device_and_camera(registry, alerts_service):
    metadata = alerts_service.metadata(LINGBI_BUREAU)
    unit = (await registry.GetKeyUnit(pb.GetKeyUnitRequest(name=LINGBI), metadata=metadata)).key_unit
    assert (unit.region_code, unit.enterprise_agency_id) == ("341323", "ent-341323-jiancai")
    outlets = (await registry.ListOutlets(pb.ListOutletsRequest(parent=LINGBI), metadata=metadata)).outlets
    assert [(o.name, o.medium) for o in outlets] == [(LINGBI_OUTLET, registry_pb2.OUTLET_MEDIUM_FLUE_GAS)]
    factors = {f.pollutant_code: f for f in outlets[0].factors}
    assert set(factors) == {"a21026", "a21002", "a34013", "a19001", "a00000", "a01012"}
    assert (factors["a21026"].emission_limit, factors["a21026"].unit) == (35, "mg/m3")
    assert not factors["a00000"].HasField("emission_limit")
    devices = (await registry.ListDevices(pb.ListDevicesRequest(unit=LINGBI), metadata=metadata)).devices
    assert [(d.name, d.outlet, d.crc_mode) for d in devices] == [
        (LINGBI_DEVICE, LINGBI_OUTLET, registry_pb2.CRC_MODE_HJ212)
    ]
    channels = await registry.ListVideoChannels(pb.ListVideoChannelsRequest(parent=LINGBI), metadata=metadata)
    assert [c.outlet for c in channels.video_channels] == [LINGBI_OUTLET]


@pytest.mark.parametrize("agency", ["eeb-341323", "eeb-341300", "eeb-340000", "enf-340000", "ent-341323-jiancai"])
async def test_lingbi_unit_is_visible_to_its_bureaus_and_to_the_enterprise_itself(registry, alerts_service, agency):
    metadata = alerts_service.metadata(agency)
    unit = (await registry.GetKeyUnit(pb.GetKeyUnitRequest(name=LINGBI), metadata=metadata)).key_unit
    assert unit.name == LINGBI
    device = (await registry.GetDevice(pb.GetDeviceRequest(name=LINGBI_DEVICE), metadata=metadata)).device
    assert device.outlet == LINGBI_OUTLET
    listed = (await registry.ListKeyUnits(pb.ListKeyUnitsRequest(), metadata=metadata)).key_units
    assert LINGBI in [u.name for u in listed]


@pytest.mark.parametrize("agency", ["eeb-360800", "psb-341300"])
async def test_lingbi_unit_is_not_found_outside_its_jurisdiction_and_the_attempt_is_audited(
    registry, alerts_service, database_url, agency
):
    metadata = alerts_service.metadata(agency)
    for call in (
        lambda: registry.GetKeyUnit(pb.GetKeyUnitRequest(name=LINGBI), metadata=metadata),
        lambda: registry.GetDevice(pb.GetDeviceRequest(name=LINGBI_DEVICE), metadata=metadata),
        lambda: registry.ListOutlets(pb.ListOutletsRequest(parent=LINGBI), metadata=metadata),
    ):
        assert (await failure_of(call())).code == grpc.StatusCode.NOT_FOUND
    listed = (await registry.ListKeyUnits(pb.ListKeyUnitsRequest(), metadata=metadata)).key_units
    assert LINGBI not in [u.name for u in listed]
    refused = [
        (row["action"], row["resource"])
        for row in await audit_rows(database_url)
        if row["actor_agency_id"] == agency and row["outcome"] == "NOT_FOUND"
    ]
    assert refused == [("GetKeyUnit", LINGBI), ("GetDevice", LINGBI_DEVICE), ("ListOutlets", LINGBI)]


async def test_unknown_mn_is_not_found(registry, alerts_service):
    failure = await failure_of(
        registry.GetDevice(
            pb.GetDeviceRequest(name="devices/99999990000009"), metadata=alerts_service.metadata("eeb-340000")
        )
    )
    assert failure.code == grpc.StatusCode.NOT_FOUND


async def test_a_county_bureau_registers_a_unit_outlet_device_and_channel(registry, alerts_service, database_url):
    metadata = alerts_service.metadata(LINGBI_BUREAU)
    unit = (await registry.CreateKeyUnit(pb.CreateKeyUnitRequest(key_unit=new_unit()), metadata=metadata)).key_unit
    assert unit.name == "units/lingbi-cement"
    outlet = (
        await registry.CreateOutlet(
            pb.CreateOutletRequest(parent=unit.name, outlet=flue_gas_outlet()), metadata=metadata
        )
    ).outlet
    assert outlet.name == "units/lingbi-cement/outlets/DA002"
    device = (
        await registry.CreateDevice(pb.CreateDeviceRequest(device=new_device(outlet=outlet.name)), metadata=metadata)
    ).device
    channel = (
        await registry.CreateVideoChannel(
            pb.CreateVideoChannelRequest(
                parent=unit.name,
                video_channel=registry_pb2.VideoChannel(
                    channel_id="cam-01", display_name="stack", outlet=outlet.name, stream_url="rtsp://cam.invalid/1"
                ),
            ),
            metadata=metadata,
        )
    ).video_channel
    assert channel.name == "units/lingbi-cement/videoChannels/cam-01"
    fetched = (await registry.GetOutlet(pb.GetOutletRequest(name=outlet.name), metadata=metadata)).outlet
    assert sorted(f.pollutant_code for f in fetched.factors) == ["a00000", "a21026"]
    city = alerts_service.metadata("eeb-341300")
    assert (await registry.GetDevice(pb.GetDeviceRequest(name=device.name), metadata=city)).device.password_set
    written = [
        (r["action"], r["outcome"]) for r in await audit_rows(database_url) if r["actor_agency_id"] == LINGBI_BUREAU
    ]
    assert [w for w in written if w[1] == "OK"] == [
        ("CreateKeyUnit", "OK"),
        ("CreateOutlet", "OK"),
        ("CreateDevice", "OK"),
        ("CreateVideoChannel", "OK"),
    ]


async def test_the_access_password_is_never_returned(registry, alerts_service):
    metadata = alerts_service.metadata(LINGBI_BUREAU)
    created = (await registry.CreateDevice(pb.CreateDeviceRequest(device=new_device()), metadata=metadata)).device
    fetched = (await registry.GetDevice(pb.GetDeviceRequest(name=created.name), metadata=metadata)).device
    listed = (await registry.ListDevices(pb.ListDevicesRequest(), metadata=metadata)).devices
    for device in (created, fetched, *listed):
        assert device.access_password == "" and device.password_set


async def test_update_replaces_only_the_fields_in_the_mask(registry, alerts_service):
    metadata = alerts_service.metadata("eeb-341300")
    changed = registry_pb2.KeyUnit(name=LINGBI, display_name="灵璧县某建材集团有限公司", industry="ignored")
    unit = (
        await registry.UpdateKeyUnit(
            pb.UpdateKeyUnitRequest(key_unit=changed, update_mask=FieldMask(paths=["display_name"])), metadata=metadata
        )
    ).key_unit
    assert (unit.display_name, unit.industry) == ("灵璧县某建材集团有限公司", "building materials (新型建材)")
    lowered = flue_gas_outlet()
    lowered.name = LINGBI_OUTLET
    outlet = (
        await registry.UpdateOutlet(
            pb.UpdateOutletRequest(outlet=lowered, update_mask=FieldMask(paths=["factors"])), metadata=metadata
        )
    ).outlet
    assert outlet.display_name == "1# kiln stack (1#窑尾烟囱)"
    assert sorted(f.pollutant_code for f in outlet.factors) == ["a00000", "a21026"]
    moved = registry_pb2.Device(name=LINGBI_DEVICE, crc_mode=registry_pb2.CRC_MODE_MODBUS)
    device = (
        await registry.UpdateDevice(
            pb.UpdateDeviceRequest(device=moved, update_mask=FieldMask(paths=["crc_mode"])), metadata=metadata
        )
    ).device
    assert (device.crc_mode, device.protocol_version, device.outlet) == (
        registry_pb2.CRC_MODE_MODBUS,
        registry_pb2.PROTOCOL_VERSION_HJ212_2017,
        LINGBI_OUTLET,
    )


async def test_the_enterprise_may_read_but_not_change_its_unit_and_the_refusal_is_audited(
    registry, alerts_service, database_url
):
    metadata = alerts_service.metadata("ent-341323-jiancai")
    request = pb.UpdateKeyUnitRequest(
        key_unit=registry_pb2.KeyUnit(name=LINGBI, display_name="renamed"),
        update_mask=FieldMask(paths=["display_name"]),
    )
    failure = await failure_of(registry.UpdateKeyUnit(request, metadata=metadata))
    assert (failure.code, failure.reason) == (grpc.StatusCode.PERMISSION_DENIED, "REGISTRY_READ_ONLY")
    denied = [r for r in await audit_rows(database_url) if r["outcome"] == "PERMISSION_DENIED"]
    assert [(r["actor_agency_id"], r["action"], r["resource"]) for r in denied] == [
        ("ent-341323-jiancai", "UpdateKeyUnit", LINGBI)
    ]


async def test_a_bureau_outside_the_region_cannot_register_there(registry, alerts_service):
    failure = await failure_of(
        registry.CreateKeyUnit(
            pb.CreateKeyUnitRequest(key_unit=new_unit()), metadata=alerts_service.metadata("eeb-360800")
        )
    )
    assert (failure.code, failure.reason) == (grpc.StatusCode.PERMISSION_DENIED, "REGISTRY_READ_ONLY")
    failure = await failure_of(
        registry.UpdateKeyUnit(
            pb.UpdateKeyUnitRequest(
                key_unit=registry_pb2.KeyUnit(name=LINGBI, industry="x"), update_mask=FieldMask(paths=["industry"])
            ),
            metadata=alerts_service.metadata("eeb-360800"),
        )
    )
    assert failure.code == grpc.StatusCode.NOT_FOUND


async def test_duplicates_are_already_exists_with_a_reason(registry, alerts_service):
    metadata = alerts_service.metadata(LINGBI_BUREAU)
    duplicate_unit = new_unit(unit_id="lingbi-jiancai")
    duplicate_outlet = flue_gas_outlet(outlet_id="DA001")
    duplicate_device = new_device(mn="88888880000001")
    cases = [
        (registry.CreateKeyUnit, pb.CreateKeyUnitRequest(key_unit=duplicate_unit), "KEY_UNIT"),
        (registry.CreateOutlet, pb.CreateOutletRequest(parent=LINGBI, outlet=duplicate_outlet), "OUTLET"),
        (registry.CreateDevice, pb.CreateDeviceRequest(device=duplicate_device), "DEVICE"),
    ]
    for rpc, request, resource in cases:
        failure = await failure_of(rpc(request, metadata=metadata))
        assert (failure.code, failure.reason) == (grpc.StatusCode.ALREADY_EXISTS, f"{resource}_ALREADY_EXISTS")


async def test_the_same_request_id_returns_the_first_result(registry, alerts_service):
    metadata = alerts_service.metadata(LINGBI_BUREAU)
    request = pb.CreateKeyUnitRequest(key_unit=new_unit(), request_id="req-1")
    first = await registry.CreateKeyUnit(request, metadata=metadata)
    again = await registry.CreateKeyUnit(request, metadata=metadata)
    assert first == again
    other = pb.CreateKeyUnitRequest(key_unit=new_unit(unit_id="lingbi-other"), request_id="req-1")
    failure = await failure_of(registry.CreateKeyUnit(other, metadata=metadata))
    assert (failure.code, failure.reason) == (grpc.StatusCode.FAILED_PRECONDITION, "REQUEST_ID_REUSED")


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda r: setattr(r.key_unit, "region_code", "3413"), "key_unit.region_code"),
        (lambda r: setattr(r.key_unit, "unit_id", "bad/id"), "key_unit.unit_id"),
        (lambda r: setattr(r.key_unit, "enterprise_agency_id", "eeb-341323"), "key_unit.enterprise_agency_id"),
    ],
)
async def test_a_malformed_unit_names_the_field(registry, alerts_service, mutate, field):
    request = pb.CreateKeyUnitRequest(key_unit=new_unit())
    mutate(request)
    failure = await failure_of(registry.CreateKeyUnit(request, metadata=alerts_service.metadata(LINGBI_BUREAU)))
    assert (failure.code, failure.fields) == (grpc.StatusCode.INVALID_ARGUMENT, [field])


async def test_a_unit_takes_only_an_enterprise_registered_in_its_region(registry, alerts_service):
    metadata = alerts_service.metadata(LINGBI_BUREAU)
    foreign = new_unit()
    foreign.enterprise_agency_id = "ent-360823-chem"
    failure = await failure_of(registry.CreateKeyUnit(pb.CreateKeyUnitRequest(key_unit=foreign), metadata=metadata))
    assert (failure.code, failure.reason, failure.fields) == (
        grpc.StatusCode.INVALID_ARGUMENT,
        "INVALID_ARGUMENT",
        ["key_unit.enterprise_agency_id"],
    )
    missing = new_unit()
    missing.enterprise_agency_id = "ent-nowhere"
    unknown = await failure_of(registry.CreateKeyUnit(pb.CreateKeyUnitRequest(key_unit=missing), metadata=metadata))
    assert unknown.message == failure.message
    listed = await registry.ListKeyUnits(pb.ListKeyUnitsRequest(), metadata=metadata)
    assert [unit.name for unit in listed.key_units] == [LINGBI]
    moved = pb.UpdateKeyUnitRequest(
        key_unit=registry_pb2.KeyUnit(name=LINGBI, enterprise_agency_id="ent-360823-chem"),
        update_mask=FieldMask(paths=["enterprise_agency_id"]),
    )
    failure = await failure_of(registry.UpdateKeyUnit(moved, metadata=metadata))
    assert (failure.code, failure.fields) == (grpc.StatusCode.INVALID_ARGUMENT, ["key_unit.enterprise_agency_id"])
    kept = (await registry.GetKeyUnit(pb.GetKeyUnitRequest(name=LINGBI), metadata=metadata)).key_unit
    assert kept.enterprise_agency_id == "ent-341323-jiancai"
    hidden = await failure_of(
        registry.GetKeyUnit(pb.GetKeyUnitRequest(name=LINGBI), metadata=alerts_service.metadata("ent-360823-chem"))
    )
    assert hidden.code == grpc.StatusCode.NOT_FOUND


async def test_malformed_codes_and_mns_name_their_fields(registry, alerts_service):
    metadata = alerts_service.metadata(LINGBI_BUREAU)
    outlet = flue_gas_outlet()
    outlet.factors[1].pollutant_code = "SO2"
    outlet.factors[0].range_upper = -1
    failure = await failure_of(
        registry.CreateOutlet(pb.CreateOutletRequest(parent=LINGBI, outlet=outlet), metadata=metadata)
    )
    assert failure.fields == ["outlet.factors[0].range_upper", "outlet.factors[1].pollutant_code"]
    for mn in ("12345", "8888888000000!", "8" * 25):
        failure = await failure_of(
            registry.CreateDevice(pb.CreateDeviceRequest(device=new_device(mn=mn)), metadata=metadata)
        )
        assert (failure.code, failure.fields) == (grpc.StatusCode.INVALID_ARGUMENT, ["device.mn"])
    unset = new_device()
    unset.protocol_version = registry_pb2.PROTOCOL_VERSION_UNSPECIFIED
    failure = await failure_of(registry.CreateDevice(pb.CreateDeviceRequest(device=unset), metadata=metadata))
    assert failure.fields == ["device.protocol_version"]
    failure = await failure_of(registry.ListKeyUnits(pb.ListKeyUnitsRequest(region_code="34"), metadata=metadata))
    assert failure.fields == ["region_code"]
    failure = await failure_of(
        registry.UpdateKeyUnit(
            pb.UpdateKeyUnitRequest(
                key_unit=registry_pb2.KeyUnit(name=LINGBI), update_mask=FieldMask(paths=["region_code"])
            ),
            metadata=metadata,
        )
    )
    assert failure.fields == ["update_mask"]


async def test_listing_pages_through_every_visible_unit_once(registry, alerts_service):
    metadata = alerts_service.metadata("eeb-340000")
    for index in range(4):
        await registry.CreateKeyUnit(
            pb.CreateKeyUnitRequest(key_unit=new_unit(unit_id=f"anhui-{index}", region_code="341302")),
            metadata=metadata,
        )
    names, token, pages = [], "", 0
    while True:
        page = await registry.ListKeyUnits(pb.ListKeyUnitsRequest(page_size=2, page_token=token), metadata=metadata)
        names += [u.name for u in page.key_units]
        pages, token = pages + 1, page.next_page_token
        if not token:
            break
    assert names == sorted(
        ["units/anhui-0", "units/anhui-1", "units/anhui-2", "units/anhui-3", LINGBI, "units/suzhou-power"]
    )
    assert pages == 3
    suzhou = await registry.ListKeyUnits(pb.ListKeyUnitsRequest(region_code="341323"), metadata=metadata)
    assert [u.name for u in suzhou.key_units] == [LINGBI]
    jiangxi = await registry.ListKeyUnits(pb.ListKeyUnitsRequest(), metadata=alerts_service.metadata("eeb-360000"))
    assert [u.unit_id for u in jiangxi.key_units] == [
        "ganzhou-rare-earth",
        "jian-paper",
        "pingxiang-coking",
        "xiajiang-chem",
    ]


async def test_the_demo_registry_loads_once(registry, alerts_service, database_url):
    again = await load_demo_registry(alerts_service)
    assert (again.unit_count, again.changed) == (6, ())
    loads = [r for r in await audit_rows(database_url) if r["action"] == "LoadRegistry"]
    assert [(r["actor_agency_id"], r["resource"]) for r in loads] == [("operator", "registries/demo-2026.11.1")]


async def stored_password(database_url: str, mn: str) -> str:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            query = select(device_table.c.access_password).where(device_table.c.mn == mn)
            return str((await connection.execute(query)).scalar_one())
    finally:
        await engine.dispose()


async def test_a_password_given_on_create_or_update_is_stored_only_as_its_keyed_digest(
    registry, alerts_service, database_url
):
    metadata = alerts_service.metadata(LINGBI_BUREAU)
    passwords = device_passwords(AlertsSettings().device_password_key_path(alerts_service.platform))
    created = (await registry.CreateDevice(pb.CreateDeviceRequest(device=new_device()), metadata=metadata)).device
    assert await stored_password(database_url, created.mn) == passwords.digest("s3cret")
    changed = registry_pb2.Device(name=created.name, access_password="n3w-s3cret")
    mask = FieldMask(paths=["access_password"])
    await registry.UpdateDevice(pb.UpdateDeviceRequest(device=changed, update_mask=mask), metadata=metadata)
    assert await stored_password(database_url, created.mn) == passwords.digest("n3w-s3cret")
    moved = registry_pb2.Device(name=created.name, crc_mode=registry_pb2.CRC_MODE_HJ212)
    mask = FieldMask(paths=["crc_mode"])
    await registry.UpdateDevice(pb.UpdateDeviceRequest(device=moved, update_mask=mask), metadata=metadata)
    assert await stored_password(database_url, created.mn) == passwords.digest("n3w-s3cret")
