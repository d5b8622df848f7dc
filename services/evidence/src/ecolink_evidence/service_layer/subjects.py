"""An upload's subject must be a record the uploader may see, as the service owning that record says."""

from __future__ import annotations

from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import NotFound
from ecolink_evidence.service_layer.ports import SubjectRecords
from ecolink_evidence.service_layer.unit_of_work import EvidenceUnitOfWork

REASON_SUBJECT_NOT_FOUND = "EVIDENCE_SUBJECT_NOT_FOUND"
ALERT_SUBJECT_PREFIX = "alerts/"


async def require_visible_subject(
    uow: EvidenceUnitOfWork, records: SubjectRecords, principal: Principal, subject: str
) -> None:
    """DOMAIN §1, §5: evidence is filed under a record its uploader may see; otherwise NOT_FOUND naming the subject
    (existence not leaked), audited here and by the owning service.

    `alerts/…` subjects are checked with the alerts service. `cases/…` subjects are taken as they are until the
    cases service serves its cases.
    """
    if not subject.startswith(ALERT_SUBJECT_PREFIX) or await records.may_see_alert(subject):
        return
    async with uow:
        await uow.commit_refusal(
            AuditEntry(principal.agency_id, "UploadEvidence", subject, "NOT_FOUND", REASON_SUBJECT_NOT_FOUND)
        )
    raise NotFound(f"{subject} was not found", reason=REASON_SUBJECT_NOT_FOUND)
