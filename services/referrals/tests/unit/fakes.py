"""In-memory transfers, cases and evidence on top of ecolink_common's fake unit of work: what the transfer use cases
read and write, without a database or another service."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from ecolink_common.clock import Clock
from ecolink_common.errors import FailedPrecondition
from ecolink_common.signed_records import sign_record
from ecolink_common.testing.fakes import FakeUnitOfWork
from ecolink_referrals.domain.deadlines import Duty
from ecolink_referrals.domain.lifecycle import FINAL_STATES
from ecolink_referrals.domain.transfer import DeadlineRecord, StoredRecord, TransferRecord, TransferStepRecord
from ecolink_referrals.service_layer.ports import CaseDossier, DossierItem, Signature


class InMemoryTransfers:
    def __init__(self) -> None:
        self.rows: dict[int, TransferRecord] = {}
        self.timeline: dict[int, list[TransferStepRecord]] = {}
        self.signed: dict[int, list[StoredRecord]] = {}
        self.due: dict[int, list[DeadlineRecord]] = {}
        self.numbers: dict[tuple[str, int], int] = {}
        self.changes = 0

    async def next_number(self, agency_id: str, year: int) -> int:
        self.numbers[(agency_id, year)] = self.numbers.get((agency_id, year), 0) + 1
        return self.numbers[(agency_id, year)]

    async def add(self, record: TransferRecord) -> int:
        transfer_id = len(self.rows) + 1
        self.changes += 1
        self.rows[transfer_id] = replace(record, transfer_id=transfer_id, change_seq=self.changes)
        return transfer_id

    async def get(self, transfer_id: int) -> TransferRecord | None:
        return self.rows.get(transfer_id)

    async def active_of_case(self, case: str) -> TransferRecord | None:
        return next((t for t in self.rows.values() if t.case == case and t.state not in FINAL_STATES), None)

    async def save(self, record: TransferRecord, *, expected_version: int) -> bool:
        if self.rows[record.transfer_id].version != expected_version:
            return False
        self.changes += 1
        self.rows[record.transfer_id] = replace(record, change_seq=self.changes)
        return True

    async def add_step(self, transfer_id: int, step: TransferStepRecord) -> int:
        steps = self.timeline.setdefault(transfer_id, [])
        steps.append(replace(step, seq=len(steps) + 1))
        return len(steps)

    async def steps(self, transfer_id: int) -> list[TransferStepRecord]:
        return list(self.timeline.get(transfer_id, []))

    async def add_record(self, record: StoredRecord) -> None:
        self.signed.setdefault(record.transfer_id, []).append(record)

    async def records(self, transfer_id: int) -> list[StoredRecord]:
        return list(self.signed.get(transfer_id, []))

    async def add_deadlines(self, deadlines: Sequence[DeadlineRecord]) -> None:
        for deadline in deadlines:
            rows = self.due.setdefault(deadline.transfer_id, [])
            rows.append(replace(deadline, seq=len(rows) + 1))

    async def meet_deadlines(self, transfer_id: int, duties: Collection[Duty], *, at: datetime) -> None:
        rows = self.due.get(transfer_id, [])
        self.due[transfer_id] = [
            replace(d, met_time=at) if d.duty in duties and d.met_time is None else d for d in rows
        ]

    async def deadlines(self, transfer_id: int) -> list[DeadlineRecord]:
        return sorted(self.due.get(transfer_id, []), key=lambda d: (d.due_time, d.seq))

    async def open_deadline(self, transfer_id: int, duty: Duty) -> DeadlineRecord | None:
        open_ = [d for d in self.due.get(transfer_id, []) if d.duty is duty and d.met_time is None]
        return open_[-1] if open_ else None


class FakeReferralsUnitOfWork(FakeUnitOfWork):
    def __init__(self, clock: Clock):
        super().__init__(clock)
        self.transfers = InMemoryTransfers()


@dataclass
class FakeDossiers:
    dossiers: dict[str, CaseDossier] = field(default_factory=dict)

    async def dossier(self, case: str) -> CaseDossier | None:
        return self.dossiers.get(case)


@dataclass
class FakeEvidence:
    """Grants and holds in memory; `refuse` names an item whose hold the evidence service refuses."""

    refuse: str = ""
    grants: dict[str, tuple[str, str]] = field(default_factory=dict)
    revoked: set[str] = field(default_factory=set)
    held: set[str] = field(default_factory=set)

    async def grant(self, evidence: str, *, grantee: str, purpose: str, expire_time: datetime) -> str:
        grant_id = f"g{len(self.grants) + 1}"
        self.grants[grant_id] = (evidence, grantee)
        return grant_id

    async def revoke(self, evidence: str, grant_id: str) -> None:
        self.revoked.add(grant_id)

    async def hold(self, evidence: str, *, reason: str) -> bool:
        if evidence == self.refuse:
            raise FailedPrecondition(f"{evidence} is being deleted", reason="EVIDENCE_REFUSED")
        self.held.add(evidence)
        return True

    async def release(self, evidence: str, *, reason: str) -> None:
        self.held.discard(evidence)

    def live_grants(self) -> set[str]:
        return set(self.grants) - self.revoked


class KeySigner:
    def __init__(self, key: Any):
        self._key = key

    def sign(self, record: Mapping[str, Any]) -> Signature:
        body, signature = sign_record(record, self._key)
        return Signature(body, signature, "test-key")

    def public_key_pem(self) -> bytes:
        return b""


def dossier(case: str, *items: str) -> CaseDossier:
    return CaseDossier(
        case=case,
        handling_agency_id="eeb-341323",
        state="investigating",
        region_code="341323",
        unit="units/lingbi-jiancai",
        unit_display_name="灵璧县某新型建材有限公司",
        violation_type="篡改自动监控数据",
        legal_basis="《大气污染防治法》第九十九条",
        items=tuple(DossierItem(item, "ab" * 32) for item in items),
        summary={"case": {"name": case}},
    )
