"""The alerts registry as the cases service reads a key unit: GetKeyUnit with the caller's own credentials, so the
registry applies its own jurisdiction rule; never the alerts database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ecolink.alerts.v1 import registry_service_pb2
from ecolink_cases.service_layer.ports import KeyUnit
from ecolink_common.calls.client import RemoteMethod, ServiceClient
from ecolink_common.calls.credentials import CallerCredentials
from ecolink_common.errors import NotFound

GET_KEY_UNIT = RemoteMethod.of(
    registry_service_pb2.DESCRIPTOR.services_by_name["RegistryService"],
    "GetKeyUnit",
    registry_service_pb2.GetKeyUnitResponse,
)


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
        unit = response.key_unit
        return KeyUnit(unit.unit_id, unit.display_name, unit.region_code, unit.enterprise_agency_id)
