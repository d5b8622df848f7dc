"""Who sees a transfer and who takes which step (issue 13 item 11; DOMAIN §1): the transferring bureau and the bureaus
above it, the police agency it is sent to and the procuratorate of its region see it; each step is one party's;
anyone else gets NOT_FOUND, and a party that sees but may not act PERMISSION_DENIED, both audited."""

from __future__ import annotations

from ecolink_common.access import require_visible
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.directory import AgencyKind
from ecolink_common.errors import NotFound, PermissionDenied
from ecolink_common.jurisdiction import RecordScope, region_contains
from ecolink_referrals.domain.lifecycle import Party
from ecolink_referrals.domain.transfer import TransferRecord, transfer_name
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork

REASON_TRANSFER_NOT_FOUND = "TRANSFER_NOT_FOUND"
REASON_NOT_PARTY = "TRANSFER_STEP_NOT_YOURS"


def transfer_scope(transfer: TransferRecord) -> RecordScope:
    """Owned by the bureau, seen by region by the bureaus above it, shared with the police once it is sent to them
    (a report the head has not approved is the bureau's alone, art. 5) and open to the procuratorate's oversight."""
    return RecordScope(
        owner_agency_id=transfer.bureau_agency_id,
        region_code=transfer.region_code,
        shared_with=frozenset({transfer.police_agency_id}) if transfer.sent_version else frozenset(),
        open_to_oversight=True,
    )


async def visible_transfer(
    uow: ReferralsUnitOfWork, principal: Principal, transfer_id: int, *, action: str
) -> TransferRecord:
    """The transfer if the caller may see it; NOT_FOUND (audited when it exists) otherwise."""
    transfer = await uow.transfers.get(transfer_id)
    if transfer is None:
        raise NotFound(f"{transfer_name(transfer_id)} was not found", reason=REASON_TRANSFER_NOT_FOUND)
    await require_visible(uow, principal, transfer_scope(transfer), action=action, resource=transfer.name)
    return transfer


def is_party(principal: Principal, transfer: TransferRecord, party: Party) -> bool:
    agency = principal.agency
    police = agency.agency_id == transfer.police_agency_id
    procuratorate = agency.kind is AgencyKind.PROCURATORATE and region_contains(
        agency.region_code, transfer.region_code
    )
    return {
        Party.BUREAU: agency.agency_id == transfer.bureau_agency_id,
        Party.HEAD: agency.agency_id == transfer.bureau_agency_id,
        Party.POLICE: police,
        Party.PROCURATORATE: procuratorate,
        Party.POLICE_OR_PROCURATORATE: police or procuratorate,
    }[party]


async def require_party(
    uow: ReferralsUnitOfWork, principal: Principal, transfer: TransferRecord, party: Party, *, action: str
) -> None:
    """A step is taken only by its party; another agency that sees the transfer is refused, audited."""
    if is_party(principal, transfer, party):
        return
    await uow.commit_refusal(
        AuditEntry(principal.agency_id, action, transfer.name, "PERMISSION_DENIED", REASON_NOT_PARTY)
    )
    raise PermissionDenied(
        f"{action} on {transfer.name} is the {party.value.replace('_', ' ')}'s step", reason=REASON_NOT_PARTY
    )
