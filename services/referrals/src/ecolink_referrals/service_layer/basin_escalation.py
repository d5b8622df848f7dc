"""What beat does over a basin's records (DOMAIN §4.5, issue 14): records read a batch at a time and each handled in
a transaction of its own, and the rungs an incident or a joint task climbs, each reaching the agencies it names."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime

from ecolink_common.directory import AgencyKind
from ecolink_common.jurisdiction import parent_region, province_region
from ecolink_referrals.domain.basin_agreements import BasinAgreement, EscalationTarget
from ecolink_referrals.domain.escalation_ladder import DueRung, Escalation
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork


async def each_in_its_own_transaction(
    uow_factory: Callable[[], ReferralsUnitOfWork],
    next_batch: Callable[[ReferralsUnitOfWork, int], Awaitable[Sequence[int]]],
    handle: Callable[[ReferralsUnitOfWork, int], Awaitable[int]],
) -> int:
    """`handle` on every id `next_batch` gives (after the last id handled), each in a unit of work of its own, so one
    record's failure undoes no other; the sum of what `handle` returned."""
    total, after = 0, 0
    while True:
        async with uow_factory() as uow:
            batch = await next_batch(uow, after)
        if not batch:
            return total
        for record_id in batch:
            total += await handle(uow_factory(), record_id)
        after = batch[-1]


def _rung_region(target: EscalationTarget, member_region: str) -> str | None:
    """The region whose eco-bureau a rung reaches: the one just above the member's, or its province's."""
    if target is EscalationTarget.PARENT:
        return parent_region(member_region)
    return province_region(member_region)


async def rung_targets(uow: ReferralsUnitOfWork, agreement: BasinAgreement, rung: DueRung) -> tuple[str, ...]:
    """Issue 14 item 1: the silent member's parent bureau, the desk, its province's bureau, as the rung names them."""
    member = await uow.agencies.get(rung.silent_agency_id)
    targets: list[str] = []
    for target in rung.targets:
        if target is EscalationTarget.DESK:
            targets.append(agreement.desk_agency_id)
            continue
        region = _rung_region(target, member.region_code) if member is not None else None
        if region is None:
            continue
        bureaus = await uow.agencies.list_after(after_id="", kind=AgencyKind.ECO_BUREAU, region_prefix=region)
        targets += [bureau.agency_id for bureau in bureaus if bureau.region_code == region]
    return tuple(dict.fromkeys(targets))


async def climbed(
    uow: ReferralsUnitOfWork,
    agreement: BasinAgreement,
    rungs: Sequence[DueRung],
    earlier: tuple[Escalation, ...],
    now: datetime,
) -> tuple[Escalation, ...]:
    """The record's escalations once `rungs` are climbed, numbered after `earlier`."""
    escalations = list(earlier)
    for rung in rungs:
        targets = await rung_targets(uow, agreement, rung)
        escalations.append(Escalation(len(escalations) + 1, rung.silent_agency_id, rung.duty, rung.level, targets, now))
    return tuple(escalations)
