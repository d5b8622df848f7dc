"""Double-random inspection draws (双随机、一公开, DOMAIN §3.4): a bureau draws units of its region by credit stratum
and officers for each, the seed and inputs recorded; every draw is published to every authenticated caller and can
be re-run from its record."""

from __future__ import annotations

from dataclasses import dataclass

from ecolink_cases.domain.credit import CreditColour
from ecolink_cases.domain.credit_settings import InspectionDrawSettings
from ecolink_cases.domain.draw_random import new_seed
from ecolink_cases.domain.draw_record import StoredDraw, draw_from_record, draw_record_json
from ecolink_cases.domain.inspection_draw import (
    DrawRefused,
    DrawUnit,
    InspectionDraw,
    InspectionPair,
    Inspector,
    draw_inspection,
    verify_draw,
)
from ecolink_cases.service_layer.credit_grading import CreditRulebook, GradedUnit, grades_of, grading_day
from ecolink_cases.service_layer.officers import ENFORCING_KINDS, require_enforcing_agency
from ecolink_cases.service_layer.ports import UnitDirectory
from ecolink_cases.service_layer.unit_of_work import CasesUnitOfWork
from ecolink_common.access import require_region_within_reach
from ecolink_common.audit import AuditEntry
from ecolink_common.auth.principal import Principal
from ecolink_common.errors import FailedPrecondition, InvalidArgument, NotFound
from ecolink_common.jurisdiction import region_prefix
from ecolink_common.paging import Page, PageRequest
from ecolink_common.request_records import RequestKey

REASON_DRAW_NOT_FOUND = "DRAW_NOT_FOUND"
REASON_POSITIVE_LIST_NOT_GREEN = "DRAW_POSITIVE_LIST_NOT_GREEN"


@dataclass(frozen=True)
class RunDraw:
    region_code: str
    positive_list_unit_ids: tuple[str, ...] = ()
    seed: str = ""  # a fresh one when empty
    inspectors_per_unit: int = 0  # the setting when 0
    request: RequestKey | None = None


@dataclass(frozen=True)
class PublishedDraw:
    stored: StoredDraw
    draw: InspectionDraw


@dataclass(frozen=True)
class DrawCheck:
    """A re-run of a published draw: what its record names and what differs."""

    algorithm: str
    mismatches: tuple[str, ...]


async def run_draw(
    uow: CasesUnitOfWork,
    principal: Principal,
    command: RunDraw,
    units: UnitDirectory,
    rulebook: CreditRulebook,
    settings: InspectionDrawSettings,
) -> PublishedDraw:
    """Draws the region's units by stratum (their colours graded today) and officers of the region's bureaus, never
    an officer for a unit he was sent to by the region's previous draw; the same request id returns the first."""
    require_enforcing_agency(principal, "draws are run")
    async with uow:
        if command.request is not None:
            earlier = await uow.requests.replayed_resource(command.request)
            if earlier is not None:
                return await _published(uow, int(earlier.removeprefix("inspectionDraws/")))
        await require_region_within_reach(uow, principal, command.region_code, action="RunInspectionDraw")
        today = grading_day(uow, None)
        graded = await grades_of(uow, await units.units_in_region(command.region_code), rulebook, today)
        previous = await uow.draws.latest_of_region(command.region_code)
        try:
            draw = draw_inspection(
                command.region_code,
                _draw_units(graded, command.positive_list_unit_ids),
                await _region_inspectors(uow, command.region_code),
                settings.ratios,
                _pairs_of(previous),
                command.seed or new_seed(),
                inspectors_per_unit=command.inspectors_per_unit or settings.inspectors_per_unit,
            )
        except DrawRefused as refusal:
            raise FailedPrecondition(refusal.message, reason=refusal.reason, metadata=refusal.facts) from refusal
        now = uow.clock.now()
        stored = await uow.draws.add(
            region_code=command.region_code,
            agency_id=principal.agency_id,
            draw_time=now,
            graded_on=today,
            previous_draw_id=previous.draw_id if previous else None,
            record=draw_record_json(draw),
        )
        await uow.audit.record(
            AuditEntry(
                principal.agency_id,
                "RunInspectionDraw",
                stored.name,
                "OK",
                details={"region": command.region_code, "seed": draw.seed, "drawn": str(len(draw.drawn))},
            )
        )
        if command.request is not None:
            await uow.requests.remember(command.request, resource_name=stored.name, at=now)
        await uow.commit()
        return PublishedDraw(stored, draw)


def _draw_units(graded: list[GradedUnit], positive_list_unit_ids: tuple[str, ...]) -> list[DrawUnit]:
    """DOMAIN §3.4 [004]: only a green unit may stand on the positive list; the bureau names the list."""
    by_id = {graded_unit.unit.unit_id: graded_unit for graded_unit in graded}
    for index, unit_id in enumerate(positive_list_unit_ids):
        listed = by_id.get(unit_id)
        if listed is None:
            raise InvalidArgument.for_field(
                f"positive_list_unit_ids[{index}]", f"{unit_id!r} is not a unit of the region"
            )
        if listed.grade.colour is not CreditColour.GREEN:
            raise FailedPrecondition(
                f"units/{unit_id} scores {listed.grade.score} ({listed.grade.colour.value}); the positive list "
                "takes green units only",
                reason=REASON_POSITIVE_LIST_NOT_GREEN,
                metadata={"unit": f"units/{unit_id}", "colour": listed.grade.colour.value},
            )
    listed_ids = frozenset(positive_list_unit_ids)
    return [
        DrawUnit(
            unit_id=graded_unit.unit.unit_id,
            region_code=graded_unit.unit.region_code,
            colour=graded_unit.grade.colour,
            positive_listed=graded_unit.unit.unit_id in listed_ids,
        )
        for graded_unit in graded
    ]


async def _region_inspectors(uow: CasesUnitOfWork, region_code: str) -> list[Inspector]:
    """DOMAIN §3.4: the enforcement officers (执法人员) of the bureaus inside the region."""
    inspectors: list[Inspector] = []
    for kind in sorted(ENFORCING_KINDS):
        for agency in await uow.agencies.list_after(after_id="", kind=kind, region_prefix=region_prefix(region_code)):
            inspectors.extend(
                Inspector(officer_id=officer.officer_id, region_code=agency.region_code)
                for officer in await uow.agencies.officers_of(agency.agency_id)
            )
    return inspectors


def _pairs_of(previous: StoredDraw | None) -> tuple[InspectionPair, ...]:
    return draw_from_record(previous.record).pairs() if previous else ()


async def _published(uow: CasesUnitOfWork, draw_id: int) -> PublishedDraw:
    stored = await uow.draws.get(draw_id)
    if stored is None:
        raise NotFound(f"inspectionDraws/{draw_id} was not found", reason=REASON_DRAW_NOT_FOUND)
    return PublishedDraw(stored, draw_from_record(stored.record))


async def get_draw(uow: CasesUnitOfWork, draw_id: int) -> PublishedDraw:
    """DOMAIN §3.4 (一公开): a published draw, for every authenticated caller."""
    async with uow:
        return await _published(uow, draw_id)


async def list_draws(uow: CasesUnitOfWork, region_code: str | None, page: PageRequest) -> Page[PublishedDraw]:
    """Published draws newest first, of one region or all."""
    async with uow:
        rows = await uow.draws.listing(
            region_code=region_code,
            before_id=int(page.position["before"]) if page.position else None,
            limit=page.size + 1,
        )
    published = [PublishedDraw(stored, draw_from_record(stored.record)) for stored in rows]
    return page.page_of(published, lambda item: {"before": str(item.stored.draw_id)})


async def check_draw(uow: CasesUnitOfWork, draw_id: int) -> DrawCheck:
    """Re-runs the published record from its own inputs and seed (`verify_draw`)."""
    published = await get_draw(uow, draw_id)
    return DrawCheck(published.draw.algorithm, verify_draw(published.draw).mismatches)
