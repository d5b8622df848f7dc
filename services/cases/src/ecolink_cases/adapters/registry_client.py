"""The alerts registry as the cases service reads key units: GetKeyUnit and ListKeyUnits with the caller's own
credentials, so the registry applies its own jurisdiction rule; never the alerts database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ecolink.alerts.v1 import registry_pb2, registry_service_pb2
from ecolink_cases.service_layer.ports import KeyUnit
from ecolink_common.calls.client import RemoteMethod, ServiceClient
from ecolink_common.calls.credentials import CallerCredentials
from ecolink_common.errors import NotFound

REGISTRY_SERVICE = registry_service_pb2.DESCRIPTOR.services_by_name["RegistryService"]
GET_KEY_UNIT = RemoteMethod.of(REGISTRY_SERVICE, "GetKeyUnit", registry_service_pb2.GetKeyUnitResponse)
LIST_KEY_UNITS = RemoteMethod.of(REGISTRY_SERVICE, "ListKeyUnits", registry_service_pb2.ListKeyUnitsResponse)
LIST_PAGE_SIZE = 500


@dataclass(frozen=True)
class RegistryClient:
    """The alerts service at its endpoint (`CASES_ALERTS_*`), over the platform's TLS."""

    client: ServiceClient

    def for_caller(self, authorization: Sequence[str]) -> CallerRegistry:
        return CallerRegistry(self.client, CallerCredentials(tuple(authorization)))


@dataclass(frozen=True)
class CallerRegistry:
    """The registry as one caller sees it: a unit it may not see is as absent as an unknown one."""

    client: ServiceClient
    credentials: CallerCredentials

    async def key_unit(self, unit_id: str) -> KeyUnit | None:
        name = f"units/{unit_id}"
        try:
            response = await self.client.call(
                GET_KEY_UNIT,
                registry_service_pb2.GetKeyUnitRequest(name=name),
                credentials=self.credentials,
                resource=name,
            )
        except NotFound:
            return None
        return _key_unit(response.key_unit)

    async def units_in_region(self, region_code: str) -> list[KeyUnit]:
        units: list[KeyUnit] = []
        page_token = ""
        while True:
            response = await self.client.call(
                LIST_KEY_UNITS,
                registry_service_pb2.ListKeyUnitsRequest(
                    region_code=region_code, page_size=LIST_PAGE_SIZE, page_token=page_token
                ),
                credentials=self.credentials,
                resource=f"regions/{region_code}",
            )
            units.extend(_key_unit(unit) for unit in response.key_units)
            page_token = response.next_page_token
            if not page_token:
                return sorted(units, key=lambda unit: unit.unit_id)


def _key_unit(unit: registry_pb2.KeyUnit) -> KeyUnit:
    return KeyUnit(unit.unit_id, unit.display_name, unit.region_code, unit.enterprise_agency_id)
