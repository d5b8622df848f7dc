"""Suspected crimes (DOMAIN §4.6): the handling bureau marks a case under a criterion of the dated thresholds table;
the marked cases of a region are what the procuratorate's supervision looks at (以罚代刑: a marked case never
transferred)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ecolink_cases.domain.case import CaseRecord
from ecolink_cases.domain.criminal_thresholds import CriminalThresholds, CriterionRefused, applying_criterion
from ecolink_cases.domain.lifecycle import CaseState
from ecolink_cases.service_layer.case_access import handled_case
from ecolink_cases.service_layer.case_steps import require_etag
from ecolink_cases.service_layer.case_view import CaseView, case_view
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.civil_days import china_day
from ecolink_common.directory import AgencyKind
from ecolink_common.errors import Aborted, FailedPrecondition, InvalidArgument
from ecolink_common.jurisdiction import bureau_reach, region_prefix
from ecolink_common.officers import attributed_officers, require_officers_of
from ecolink_common.paging import Page, PageRequest

ACTION = "MarkSuspectedCrime"
REASON_CASE_WITHDRAWN = "CASE_WITHDRAWN"


@dataclass(frozen=True)
class MarkSuspectedCrime:
    case_id: int
    etag: str
    criterion: str
    measured: float | None
    officer_ids: tuple[str, ...]
    on: date | None


async def mark_suspected_crime(
    uow: CasesUnitOfWork, principal: Principal, command: MarkSuspectedCrime, thresholds: CriminalThresholds
) -> CaseView:
    async with uow:
        case = await handled_case(uow, principal, command.case_id, action=ACTION)
        require_etag(case, command.etag)
        officers = attributed_officers(principal, command.officer_ids)
        await require_officers_of(uow, principal.agency_id, officers, field="details.officer_ids")
        if case.state is CaseState.WITHDRAWN:
            raise FailedPrecondition(f"{case.name} was withdrawn", reason=REASON_CASE_WITHDRAWN)
        now = uow.clock.now()
        on = command.on or china_day(now)
        try:
            applying_criterion(thresholds, command.criterion, on, command.measured)
        except CriterionRefused as refused:
            if refused.reason == "CASE_CRIME_CRITERION_UNKNOWN":
                raise InvalidArgument.for_field("criterion", refused.message, reason=refused.reason) from None
            await uow.commit_refusal(
                AuditEntry(principal.agency_id, ACTION, case.name, "FAILED_PRECONDITION", refused.reason)
            )
            raise FailedPrecondition(refused.message, reason=refused.reason) from None
        marked = replace(
            case,
            suspected_crime_criterion=command.criterion,
            suspected_crime_on=on,
            suspected_crime_measured=command.measured,
            version=case.version + 1,
            update_time=now,
        )
        if not await uow.cases.save_step_result(marked, expected_version=case.version):
            raise Aborted(f"{case.name} changed while it was marked; read it again", reason="CASE_ETAG_MISMATCH")
        details = {"criterion": command.criterion, "thresholds": thresholds.version, "officers": list(officers)}
        await uow.audit.record(AuditEntry(principal.agency_id, ACTION, case.name, "OK", details=details))
        await uow.commit()
        return await case_view(uow, marked)


async def list_suspected_crime_cases(uow: CasesUnitOfWork, principal: Principal, page: PageRequest) -> Page[CaseRecord]:
    """A bureau's region, the procuratorate's region, or the caller's own cases otherwise; audited as a read of
    others' records."""
    oversight = principal.agency.kind is AgencyKind.PROCURATORATE
    reach = region_prefix(principal.agency.region_code) if oversight else bureau_reach(principal.viewer)
    async with uow:
        rows = await uow.cases.listing(
            region_prefix=reach,
            agency_id=principal.agency_id,
            state=None,
            before_id=int(page.position["before"]) if page.position else None,
            limit=page.size + 1,
            suspected_only=True,
        )
        await uow.audit.record(
            AuditEntry(principal.agency_id, "ListSuspectedCrimeCases", "cases", "OK", details={"listed": len(rows)})
        )
        await uow.commit()
    return page.page_of(list(rows), lambda case: {"before": str(case.case_id)})
