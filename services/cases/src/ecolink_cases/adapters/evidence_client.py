"""The evidence service as the cases service reads a cited item: GetEvidence with the caller's own credentials, so
the evidence service applies its own visibility rule and records the read in the item's custody chain."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ecolink.evidence.v1 import evidence_service_pb2
from ecolink_cases.service_layer.ports import CitedItem
from ecolink_common.calls.client import RemoteMethod, ServiceClient
from ecolink_common.calls.credentials import CallerCredentials
from ecolink_common.errors import NotFound

GET_EVIDENCE = RemoteMethod.of(
    evidence_service_pb2.DESCRIPTOR.services_by_name["EvidenceService"],
    "GetEvidence",
    evidence_service_pb2.GetEvidenceResponse,
)


@dataclass(frozen=True)
class EvidenceClient:
    """The evidence service at its endpoint (`CASES_EVIDENCE_*`), over the platform's TLS."""

    client: ServiceClient

    def for_caller(self, authorization: Sequence[str]) -> CallerEvidence:
        return CallerEvidence(self.client, CallerCredentials(tuple(authorization)))


@dataclass(frozen=True)
class CallerEvidence:
    """The evidence items one caller may see."""

    client: ServiceClient
    credentials: CallerCredentials

    async def item(self, name: str) -> CitedItem | None:
        try:
            response = await self.client.call(
                GET_EVIDENCE,
                evidence_service_pb2.GetEvidenceRequest(name=name),
                credentials=self.credentials,
                resource=name,
            )
        except NotFound:
            return None
        item = response.evidence
        return CitedItem(item.name, item.subject, item.sha256)
