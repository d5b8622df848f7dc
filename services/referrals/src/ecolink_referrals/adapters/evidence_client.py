"""The evidence service as a transfer hands items over: grants to the police, legal holds, and their undoing, with
the caller's own credentials, so each lands in the item's custody chain as the bureau's act."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import grpc

from ecolink.evidence.v1 import evidence_service_pb2 as pb
from ecolink_common.calls.client import RemoteMethod, ServiceClient
from ecolink_common.calls.credentials import CallCredentials, CallerCredentials
from ecolink_common.errors import FailedPrecondition
from ecolink_common.proto_time import timestamp_from_datetime

_SERVICE = pb.DESCRIPTOR.services_by_name["EvidenceService"]
GRANT = RemoteMethod.of(_SERVICE, "GrantEvidenceAccess", pb.GrantEvidenceAccessResponse)
REVOKE = RemoteMethod.of(_SERVICE, "RevokeEvidenceAccess", pb.RevokeEvidenceAccessResponse)
HOLD = RemoteMethod.of(_SERVICE, "PlaceLegalHold", pb.PlaceLegalHoldResponse)
RELEASE = RemoteMethod.of(_SERVICE, "ReleaseLegalHold", pb.ReleaseLegalHoldResponse)
# What the evidence service refuses as a rule of the item (held already, not the caller's to share, expired): the
# transfer names the item and sends nothing.
REFUSED = frozenset(
    {grpc.StatusCode.FAILED_PRECONDITION, grpc.StatusCode.PERMISSION_DENIED, grpc.StatusCode.INVALID_ARGUMENT}
)
# The evidence service's reason for a hold that is already in place (or already released).
HOLD_UNCHANGED = "LEGAL_HOLD_UNCHANGED"


@dataclass(frozen=True)
class EvidenceClient:
    """The evidence service at its endpoint (`REFERRALS_EVIDENCE_*`), over the platform's TLS."""

    client: ServiceClient

    def for_caller(self, authorization: Sequence[str]) -> CallerEvidence:
        return CallerEvidence(self.client, CallerCredentials(tuple(authorization)))

    def acting(self, credentials: CallCredentials) -> CallerEvidence:
        """Grants and holds made with a service credential acting for an agency (a worker's, RFC 8693 `act`)."""
        return CallerEvidence(self.client, credentials)


@dataclass(frozen=True)
class CallerEvidence:
    """Grants and holds placed as one caller."""

    client: ServiceClient
    credentials: CallCredentials

    async def grant(
        self, evidence: str, *, grantee: str, purpose: str, expire_time: datetime, request_id: str = ""
    ) -> str:
        request = pb.GrantEvidenceAccessRequest(
            name=evidence,
            grantee_agency_id=grantee,
            purpose=purpose,
            expire_time=timestamp_from_datetime(expire_time),
            request_id=request_id,
        )
        response = await self.client.call(
            GRANT, request, credentials=self.credentials, resource=evidence, refused=REFUSED
        )
        return str(response.grant.grant_id)

    async def revoke(self, evidence: str, grant_id: str) -> None:
        request = pb.RevokeEvidenceAccessRequest(name=evidence, grant_id=grant_id)
        await self.client.call(REVOKE, request, credentials=self.credentials, resource=evidence, refused=REFUSED)

    async def hold(self, evidence: str, *, reason: str) -> bool:
        try:
            await self.client.call(
                HOLD,
                pb.PlaceLegalHoldRequest(name=evidence, reason=reason),
                credentials=self.credentials,
                resource=evidence,
                refused=REFUSED,
            )
        except FailedPrecondition as error:
            if error.reason == HOLD_UNCHANGED:
                return False
            raise
        return True

    async def release(self, evidence: str, *, reason: str) -> None:
        request = pb.ReleaseLegalHoldRequest(name=evidence, reason=reason)
        await self.client.call(RELEASE, request, credentials=self.credentials, resource=evidence, refused=REFUSED)
