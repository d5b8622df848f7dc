"""A unit's credit (DOMAIN §3.4): the findings bureaus recorded against it and those its cases made, graded under
the rules version in force on a day in China; a finding is recorded once, by a bureau of the unit's region, audited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ecolink_cases.domain.case_findings import FINDING_STEPS, case_findings
from ecolink_cases.domain.credit import CreditGrade, Finding, grade_unit
from ecolink_cases.domain.credit_rules import CreditRules
from ecolink_cases.domain.credit_settings import CreditSettings
from ecolink_cases.service_layer.case_opening import REASON_UNIT_NOT_FOUND
from ecolink_cases.service_layer.officers import require_enforcing_agency
from ecolink_cases.service_layer.ports import KeyUnit, UnitDirectory
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.civil_days import china_day
from ecolink_common.errors import InvalidArgument, NotFound
from ecolink_common.jurisdiction import region_contains


@dataclass(frozen=True)
class CreditRulebook:
    """What grading uses: the versioned rules file and the colour thresholds and window of the settings."""

    rules: CreditRules
    settings: CreditSettings


@dataclass(frozen=True)
class GradedUnit:
    unit: KeyUnit
    grade: CreditGrade


def grading_day(uow: CasesUnitOfWork, as_of: date | None) -> date:
    """The day asked for, or today in China; a day after today is refused, its findings are not known yet."""
    today = china_day(uow.clock.now())
    if as_of is not None and as_of > today:
        raise InvalidArgument.for_field("as_of", f"must not be after today ({today.isoformat()})")
    return as_of or today


async def grades_of(
    uow: CasesUnitOfWork, units: Sequence[KeyUnit], rulebook: CreditRulebook, as_of: date
) -> list[GradedUnit]:
    """Each unit graded on `as_of` from its recorded findings and those of its cases, inside an open unit of work."""
    unit_ids = {unit.unit_id for unit in units}
    findings = await uow.findings.of_units(unit_ids)
    for step, case in await uow.cases.steps_of_units(unit_ids, FINDING_STEPS):
        findings[case.unit_id].extend(case_findings([(step, case)]))
    return [
        GradedUnit(unit, grade_unit(unit.unit_id, findings[unit.unit_id], rulebook.rules, rulebook.settings, as_of))
        for unit in units
    ]


async def unit_credit(
    uow: CasesUnitOfWork, units: UnitDirectory, unit_id: str, rulebook: CreditRulebook, as_of: date | None
) -> GradedUnit:
    """The unit's grade, if the registry shows the unit to the caller."""
    day = grading_day(uow, as_of)
    unit = await _visible_unit(units, unit_id)
    async with uow:
        return (await grades_of(uow, [unit], rulebook, day))[0]


async def region_credits(
    uow: CasesUnitOfWork, units: UnitDirectory, region_code: str, rulebook: CreditRulebook, as_of: date | None
) -> list[GradedUnit]:
    """Every unit of the region the registry shows the caller, graded, by unit id."""
    day = grading_day(uow, as_of)
    region_units = await units.units_in_region(region_code)
    async with uow:
        return await grades_of(uow, region_units, rulebook, day)


async def record_finding(
    uow: CasesUnitOfWork,
    principal: Principal,
    units: UnitDirectory,
    unit_id: str,
    finding: Finding,
    rulebook: CreditRulebook,
) -> GradedUnit:
    """DOMAIN §3.4 [004]: findings of inspections, supervision and petitions lower the score; recorded by a bureau
    whose region holds the unit. The same unit, kind and reference again changes nothing."""
    require_enforcing_agency(principal, "findings are recorded")
    if finding.kind not in rulebook.rules.kinds:
        raise InvalidArgument.for_field(
            "finding.kind", f"{finding.kind!r} is not a kind of credit rules {rulebook.rules.version}"
        )
    today = grading_day(uow, None)
    if finding.found_on > today:
        raise InvalidArgument.for_field("finding.found_on", f"must not be after today ({today.isoformat()})")
    unit = await _visible_unit(units, unit_id)
    if not region_contains(principal.agency.region_code, unit.region_code):
        raise NotFound(f"units/{unit_id} was not found", reason=REASON_UNIT_NOT_FOUND)
    async with uow:
        added = await uow.findings.add(unit.unit_id, finding, agency_id=principal.agency_id, at=uow.clock.now())
        if added:
            await uow.audit.record(
                AuditEntry(
                    principal.agency_id,
                    "RecordCreditFinding",
                    f"units/{unit.unit_id}",
                    "OK",
                    details={"kind": finding.kind, "found_on": finding.found_on.isoformat(), "ref": finding.reference},
                )
            )
        graded = (await grades_of(uow, [unit], rulebook, today))[0]
        await uow.commit()
        return graded


async def _visible_unit(units: UnitDirectory, unit_id: str) -> KeyUnit:
    unit = await units.key_unit(unit_id)
    if unit is None:
        raise NotFound(f"units/{unit_id} was not found", reason=REASON_UNIT_NOT_FOUND)
    return unit
