"""A case's dossier for a transfer to the police (DOMAIN §4.2): the case, its officers and its cited evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from ecolink_cases.domain.dossier import DossierItem, OfficerMention, cited_evidence, named_officers
from ecolink_cases.service_layer.case_access import visible_case
from ecolink_cases.service_layer.case_view import CaseView, case_view
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_common.auth.principal import Principal

ACTION = "GetCaseDossier"


@dataclass(frozen=True)
class DossierOfficer:
    """An officer named in the case as the directory lists him; one the directory no longer holds keeps his id and
    the agency he was named for, with no name or certificate."""

    officer_id: str
    agency_id: str
    name: str = ""
    certificate_number: str = ""


@dataclass(frozen=True)
class CaseDossier:
    view: CaseView
    officers: Sequence[DossierOfficer]
    evidence: Sequence[DossierItem]
    read_time: datetime


async def get_case_dossier(uow: CasesUnitOfWork, principal: Principal, case_id: int) -> CaseDossier:
    """The dossier of a case the caller sees (the handling bureau and those above it); NOT_FOUND otherwise, audited
    as GetCase is."""
    async with uow:
        case = await visible_case(uow, principal, case_id, action=ACTION)
        view = await case_view(uow, case)
        officers = [await _listed(uow, mention) for mention in named_officers(case, view.steps, view.approvals)]
        read_time = uow.clock.now()
        await uow.commit()
    return CaseDossier(view, officers, cited_evidence(view.steps), read_time)


async def _listed(uow: CasesUnitOfWork, mention: OfficerMention) -> DossierOfficer:
    officer = await uow.agencies.officer(mention.officer_id)
    if officer is None:
        return DossierOfficer(mention.officer_id, mention.agency_id)
    return DossierOfficer(officer.officer_id, officer.agency_id, officer.name, officer.certificate_number)
