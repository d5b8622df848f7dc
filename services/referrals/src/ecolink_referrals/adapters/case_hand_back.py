"""The cases service as a transfer handed back reaches it: RecordHandBack with the referrals service's credential
acting for the transferring bureau (RFC 8693 `act`), audited on both sides."""

from __future__ import annotations

from dataclasses import dataclass

from ecolink.cases.v1 import case_service_pb2
from ecolink_common.calls.client import RemoteMethod, ServiceClient
from ecolink_common.calls.credentials import CallCredentials

RECORD_HAND_BACK = RemoteMethod.of(
    case_service_pb2.DESCRIPTOR.services_by_name["CaseService"],
    "RecordHandBack",
    case_service_pb2.RecordHandBackResponse,
)


@dataclass(frozen=True)
class CaseHandBacks:
    client: ServiceClient

    async def record(
        self, case: str, transfer: str, *, reason: str, handed_back_by: str, credentials: CallCredentials
    ) -> str:
        """The clue the case became again, `cases/{id}`."""
        request = case_service_pb2.RecordHandBackRequest(
            name=case, transfer=transfer, reason=reason, handed_back_by=handed_back_by
        )
        response = await self.client.call(RECORD_HAND_BACK, request, credentials=credentials, resource=case)
        return str(response.case.name)
