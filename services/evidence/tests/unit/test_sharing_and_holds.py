"""The evidence use cases against an in-memory unit of work: grants, revocation, visibility under a moving clock,
legal holds and refused deletions (DOMAIN §5), each refusal audited and put in the custody chain."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from ecolink_common.errors import FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from ecolink_common.request_records import FINGERPRINT_NOT_KEPT
from ecolink_evidence.domain.model import CustodyAction
from ecolink_evidence.domain.rules import REASON_LEGAL_HOLD, REASON_RETENTION_ACTIVE
from ecolink_evidence.service_layer.holds import REASON_DISPOSAL_BY_ARCHIVE, delete_evidence, set_legal_hold
from ecolink_evidence.service_layer.reading import get_evidence
from ecolink_evidence.service_layer.sharing import grant_evidence_access, revoke_evidence_access

from .fakes import BUREAU, NOW, RecordingStore, item

CITY, POLICE, SIBLING = "eeb-360800", "psb-360800", "eeb-360900"


async def grant(uow, by: str = BUREAU, to: str = POLICE, hours: int = 24, request_id: str = ""):
    return await grant_evidence_access(
        uow,
        uow.agencies.principal(by),
        "ev-1",
        grantee_agency_id=to,
        purpose="移送 吉环移[2026]3号",
        expires_at=NOW + timedelta(hours=hours),
        request_id=request_id,
    )


def custody_actions(uow) -> list[CustodyAction]:
    return [link.action for link in uow.custody.links.get("ev-1", [])]


async def test_a_grant_lets_the_police_see_the_item_until_the_clock_passes_its_expiry(uow, clock):
    police = uow.agencies.principal(POLICE)
    with pytest.raises(NotFound):
        await get_evidence(uow, police, "ev-1")
    await grant(uow, hours=24)
    assert (await get_evidence(uow, police, "ev-1")).evidence_id == "ev-1"
    clock.advance(timedelta(hours=24))
    with pytest.raises(NotFound):
        await get_evidence(uow, police, "ev-1")
    assert custody_actions(uow) == [
        CustodyAction.ACCESS_REFUSED,
        CustodyAction.GRANT,
        CustodyAction.READ,
        CustodyAction.ACCESS_REFUSED,
    ]
    assert [outcome for _, _, outcome, _ in uow.audit.outcomes()].count("NOT_FOUND") == 2


async def test_the_city_above_grants_and_a_sibling_county_sees_nothing(uow):
    assert (await grant(uow, by=CITY)).granted_by_agency_id == CITY
    with pytest.raises(NotFound):
        await grant(uow, by=SIBLING)
    assert uow.audit.outcomes()[-1] == (SIBLING, "GrantEvidenceAccess", "NOT_FOUND", "OUTSIDE_JURISDICTION")


async def test_a_grantee_may_read_but_never_share_onward(uow):
    await grant(uow)
    with pytest.raises(PermissionDenied) as refused:
        await grant(uow, by=POLICE, to="pro-360800")
    assert refused.value.reason == "EVIDENCE_GRANTEE_CANNOT_SHARE"


@pytest.mark.parametrize(
    ("to", "hours", "field"),
    [(BUREAU, 24, "grantee_agency_id"), ("nobody-here", 24, "grantee_agency_id"), (POLICE, 0, "expire_time")],
)
async def test_a_grant_to_the_owner_to_no_agency_or_already_expired_is_invalid(uow, to, hours, field):
    with pytest.raises(InvalidArgument) as refused:
        await grant(uow, to=to, hours=hours)
    assert [v.field for v in refused.value.violations] == [field]
    assert uow.evidence.grant_rows == []


async def test_a_request_id_replays_its_grant_and_is_refused_for_another(uow):
    first = await grant(uow, request_id="g-1")
    assert await grant(uow, request_id="g-1") == first
    with pytest.raises(FailedPrecondition) as reused:
        await grant(uow, to="pro-360800", request_id="g-1")
    assert reused.value.reason == "REQUEST_ID_REUSED"
    assert len(uow.evidence.grant_rows) == 1


async def test_a_grant_request_id_names_the_grant_and_one_kept_without_fingerprint_replays_by_id(uow):
    first = await grant(uow, request_id="g-1")
    key, resource = uow.requests.remembered[(BUREAU, "g-1")]
    assert (key.method, resource) == ("GrantEvidenceAccess", f"evidence/ev-1/grants/{first.grant_id}")
    uow.requests.remembered[(BUREAU, "g-1")] = (replace(key, fingerprint=FINGERPRINT_NOT_KEPT), resource)
    assert await grant(uow, to="pro-360800", request_id="g-1") == first
    with pytest.raises(InvalidArgument):
        await grant(uow, request_id="g" * 129)


async def test_revoking_ends_a_grant_at_once_and_twice_is_refused(uow, clock):
    granted = await grant(uow)
    clock.advance(timedelta(minutes=5))
    revoked = await revoke_evidence_access(uow, uow.agencies.principal(BUREAU), "ev-1", grant_id=granted.grant_id)
    assert revoked.revoked_at == NOW + timedelta(minutes=5)
    with pytest.raises(NotFound):
        await get_evidence(uow, uow.agencies.principal(POLICE), "ev-1")
    with pytest.raises(FailedPrecondition) as again:
        await revoke_evidence_access(uow, uow.agencies.principal(BUREAU), "ev-1", grant_id=granted.grant_id)
    assert again.value.reason == "GRANT_ALREADY_REVOKED"


async def test_a_police_item_is_the_polices_alone_and_the_bureau_of_its_region_cannot_hold_it(uow):
    uow.evidence.items["ev-1"] = item(owner=POLICE, region="360800")
    store = RecordingStore()
    with pytest.raises(NotFound):
        await set_legal_hold(uow, store, uow.agencies.principal(CITY), "ev-1", on=True, reason="court")
    held = await set_legal_hold(uow, store, uow.agencies.principal(POLICE), "ev-1", on=True, reason="court")
    assert held.legal_hold and store.holds == [(item().object_key, True)]


async def test_a_hold_is_placed_once_and_released_once(uow):
    store, bureau = RecordingStore(), uow.agencies.principal(BUREAU)
    await set_legal_hold(uow, store, bureau, "ev-1", on=True, reason="lawsuit")
    with pytest.raises(FailedPrecondition) as twice:
        await set_legal_hold(uow, store, bureau, "ev-1", on=True, reason="lawsuit")
    assert twice.value.reason == "LEGAL_HOLD_UNCHANGED"
    await set_legal_hold(uow, store, bureau, "ev-1", on=False, reason="judgment final")
    assert [on for _, on in store.holds] == [True, False]
    assert custody_actions(uow) == [CustodyAction.HOLD_PLACED, CustodyAction.HOLD_RELEASED]


async def test_deletion_is_refused_during_retention_on_hold_and_after_it_by_rule(uow, clock):
    bureau = uow.agencies.principal(BUREAU)
    reasons = []
    for moment, on_hold in ((NOW, False), (NOW, True), (NOW + timedelta(days=3651), False)):
        clock.set(moment)
        uow.evidence.items["ev-1"] = item(legal_hold=on_hold)
        with pytest.raises(FailedPrecondition) as refused:
            await delete_evidence(uow, bureau, "ev-1")
        reasons.append(refused.value.reason)
    assert reasons == [REASON_RETENTION_ACTIVE, REASON_LEGAL_HOLD, REASON_DISPOSAL_BY_ARCHIVE]
    assert custody_actions(uow) == [CustodyAction.DELETE_REFUSED] * 3
    assert [reason for _, action, _, reason in uow.audit.outcomes() if action == "DeleteEvidence"] == reasons
