"""The EvidenceService servicer: validate, convert, call the use case; no business rules here."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path

import grpc

from ecolink.evidence.v1 import evidence_pb2, evidence_service_pb2_grpc
from ecolink.evidence.v1 import evidence_service_pb2 as pb
from ecolink_common.auth.keys import load_private_key
from ecolink_common.auth.principal import current_principal
from ecolink_common.calls.credentials import caller_authorization
from ecolink_common.paging import page_request
from ecolink_common.proto_time import timestamp_from_datetime
from ecolink_evidence.api import evidence_convert, request_convert
from ecolink_evidence.service_layer import custody_log, dossier, holds, intake, reading, sharing
from ecolink_evidence.service_layer.ports import ObjectStore, SubjectRecords
from ecolink_evidence.service_layer.unit_of_work import EvidenceUnitOfWork
from ecolink_evidence.settings import EvidenceSettings


class EvidenceServicer(evidence_service_pb2_grpc.EvidenceServiceServicer):
    """Court-grade evidence over gRPC."""

    def __init__(
        self,
        uow_factory: Callable[[], EvidenceUnitOfWork],
        store: ObjectStore,
        settings: EvidenceSettings,
        *,
        subjects_for: Callable[[Sequence[str]], SubjectRecords],
        staging_dir: Path,
        signing_key_file: Path,
    ):
        self._uow = uow_factory
        self._store = store
        self._settings = settings
        self._subjects_for = subjects_for
        self._staging_dir = staging_dir
        self._signing_key_file = signing_key_file

    async def UploadEvidence(
        self, request_iterator: AsyncIterator[pb.UploadEvidenceRequest], context: grpc.aio.ServicerContext
    ) -> pb.UploadEvidenceResponse:
        messages = aiter(request_iterator)
        description = request_convert.upload_request_to_command(await anext(messages, None))
        item = await intake.upload_evidence(
            self._uow(),
            self._store,
            self._settings,
            current_principal(),
            description,
            request_convert.upload_chunks(messages),
            subjects=self._subjects_for(caller_authorization(context)),
            staging_dir=self._staging_dir,
        )
        return pb.UploadEvidenceResponse(evidence=evidence_convert.evidence_to_proto(item))

    async def GetEvidence(
        self, request: pb.GetEvidenceRequest, context: grpc.aio.ServicerContext
    ) -> pb.GetEvidenceResponse:
        item = await reading.get_evidence(
            self._uow(), current_principal(), request_convert.evidence_id_from_name(request.name)
        )
        return pb.GetEvidenceResponse(evidence=evidence_convert.evidence_to_proto(item))

    async def ListEvidence(
        self, request: pb.ListEvidenceRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListEvidenceResponse:
        page = await reading.list_evidence(
            self._uow(),
            current_principal(),
            request_convert.list_request_to_filter(request),
            page=page_request(request, current_principal().agency_id),
        )
        return pb.ListEvidenceResponse(
            evidence=[evidence_convert.evidence_to_proto(i) for i in page.items], next_page_token=page.next_page_token
        )

    async def DownloadEvidence(
        self, request: pb.DownloadEvidenceRequest, context: grpc.aio.ServicerContext
    ) -> AsyncIterator[pb.DownloadEvidenceResponse]:
        download = await reading.download_evidence(
            self._uow(),
            self._store,
            self._settings,
            current_principal(),
            request_convert.evidence_id_from_name(request.name),
        )
        with contextlib.closing(download):
            yield pb.DownloadEvidenceResponse(evidence=evidence_convert.evidence_to_proto(download.item))
            async for chunk in download.chunks:
                yield pb.DownloadEvidenceResponse(chunk=chunk)

    async def CreateDownloadUrl(
        self, request: pb.CreateDownloadUrlRequest, context: grpc.aio.ServicerContext
    ) -> pb.CreateDownloadUrlResponse:
        evidence_id, ttl_minutes = request_convert.download_url_request_to_command(request)
        issued = await reading.create_download_url(
            self._uow(), self._store, self._settings, current_principal(), evidence_id, ttl_minutes=ttl_minutes
        )
        return pb.CreateDownloadUrlResponse(url=issued.url, expire_time=timestamp_from_datetime(issued.expires_at))

    async def GrantEvidenceAccess(
        self, request: pb.GrantEvidenceAccessRequest, context: grpc.aio.ServicerContext
    ) -> pb.GrantEvidenceAccessResponse:
        command = request_convert.grant_request_to_command(request)
        grant = await sharing.grant_evidence_access(
            self._uow(),
            current_principal(),
            command.evidence_id,
            grantee_agency_id=command.grantee_agency_id,
            purpose=command.purpose,
            expires_at=command.expires_at,
            request_id=command.request_id,
        )
        return pb.GrantEvidenceAccessResponse(grant=evidence_convert.grant_to_proto(grant))

    async def RevokeEvidenceAccess(
        self, request: pb.RevokeEvidenceAccessRequest, context: grpc.aio.ServicerContext
    ) -> pb.RevokeEvidenceAccessResponse:
        evidence_id, grant_id = request_convert.revoke_request_to_command(request)
        grant = await sharing.revoke_evidence_access(self._uow(), current_principal(), evidence_id, grant_id=grant_id)
        return pb.RevokeEvidenceAccessResponse(grant=evidence_convert.grant_to_proto(grant))

    async def ListEvidenceGrants(
        self, request: pb.ListEvidenceGrantsRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListEvidenceGrantsResponse:
        grants = await sharing.list_evidence_grants(
            self._uow(), current_principal(), request_convert.evidence_id_from_name(request.name)
        )
        return pb.ListEvidenceGrantsResponse(grants=[evidence_convert.grant_to_proto(g) for g in grants])

    async def PlaceLegalHold(
        self, request: pb.PlaceLegalHoldRequest, context: grpc.aio.ServicerContext
    ) -> pb.PlaceLegalHoldResponse:
        return pb.PlaceLegalHoldResponse(evidence=await self._legal_hold(request, on=True))

    async def ReleaseLegalHold(
        self, request: pb.ReleaseLegalHoldRequest, context: grpc.aio.ServicerContext
    ) -> pb.ReleaseLegalHoldResponse:
        return pb.ReleaseLegalHoldResponse(evidence=await self._legal_hold(request, on=False))

    async def _legal_hold(
        self, request: pb.PlaceLegalHoldRequest | pb.ReleaseLegalHoldRequest, *, on: bool
    ) -> evidence_pb2.Evidence:
        evidence_id, reason = request_convert.legal_hold_request_to_command(request)
        item = await holds.set_legal_hold(
            self._uow(), self._store, current_principal(), evidence_id, on=on, reason=reason
        )
        return evidence_convert.evidence_to_proto(item)

    async def DeleteEvidence(
        self, request: pb.DeleteEvidenceRequest, context: grpc.aio.ServicerContext
    ) -> pb.DeleteEvidenceResponse:
        await holds.delete_evidence(
            self._uow(), current_principal(), request_convert.evidence_id_from_name(request.name)
        )
        return pb.DeleteEvidenceResponse()

    async def ListCustodyEvents(
        self, request: pb.ListCustodyEventsRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListCustodyEventsResponse:
        page = await custody_log.list_custody_events(
            self._uow(),
            current_principal(),
            request_convert.evidence_id_from_name(request.name),
            page=page_request(request, current_principal().agency_id),
        )
        return pb.ListCustodyEventsResponse(
            events=[evidence_convert.custody_event_to_proto(e) for e in page.items],
            next_page_token=page.next_page_token,
        )

    async def VerifyCustodyChain(
        self, request: pb.VerifyCustodyChainRequest, context: grpc.aio.ServicerContext
    ) -> pb.VerifyCustodyChainResponse:
        report = await custody_log.verify_custody_chain(
            self._uow(), current_principal(), request_convert.evidence_id_from_name(request.name)
        )
        return evidence_convert.custody_report_to_proto(report)

    async def ExportDossier(
        self, request: pb.ExportDossierRequest, context: grpc.aio.ServicerContext
    ) -> AsyncIterator[pb.ExportDossierResponse]:
        choice = request_convert.dossier_request_to_command(request)
        chunks = dossier.export_dossier(
            self._uow(),
            self._store,
            self._settings,
            current_principal(),
            subject=choice.subject,
            evidence_ids=choice.evidence_ids,
            signing_key=load_private_key(self._signing_key_file),
            staging_dir=self._staging_dir,
        )
        async for chunk in chunks:
            yield pb.ExportDossierResponse(chunk=chunk)
