"""A transfer of a case to the police as the referrals service keeps it: the transfer, its persons and evidence, its
steps, its deadlines and the procuratorate's supervisions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ecolink_referrals.domain.deadlines import Duty
from ecolink_referrals.domain.lifecycle import TransferKind, TransferState


def transfer_name(transfer_id: int) -> str:
    return f"transfers/{transfer_id}"


def transfer_number(prefix: str, year: int, number: int) -> str:
    """DOMAIN §3.2 numbering for transfers (移), per bureau and year: 吉环移[2026]3号."""
    return f"{prefix}移[{year}]{number}号"


@dataclass(frozen=True)
class Person:
    """A person a transfer names (涉案人员)."""

    name: str
    role: str


@dataclass(frozen=True)
class TransferredItem:
    """An evidence item that went with the transfer: its hash as the dossier lists it, the police's grant (and when it
    was revoked, if the case came back), and whether this transfer placed the legal hold."""

    evidence: str
    sha256: str
    grant_id: str
    grant_expire_time: datetime
    hold_placed: bool
    grant_revoke_time: datetime | None = None


@dataclass(frozen=True)
class SupervisionRecord:
    """The procuratorate's supervision (立案监督) of the police on one transfer."""

    seq: int
    procuratorate_agency_id: str
    reason: str
    open_time: datetime
    answer_due_time: datetime
    answer: str = ""
    answer_time: datetime | None = None
    outcome: str = ""
    close_time: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.close_time is None


@dataclass(frozen=True)
class TransferRecord:
    """The transfer row."""

    transfer_id: int
    number: str
    kind: TransferKind
    case: str
    bureau_agency_id: str
    police_agency_id: str
    procuratorate_agency_id: str
    region_code: str
    unit: str
    unit_display_name: str
    facts: str
    suspected_offence: str
    persons: tuple[Person, ...]
    officer_ids: tuple[str, ...]
    state: TransferState
    create_time: datetime
    update_time: datetime
    version: int = 1
    sent_version: int = 0
    approver_officer_id: str = ""
    evidence: tuple[TransferredItem, ...] = ()
    police_case_number: str = ""
    outcome: str = ""
    prosecuted: bool | None = None
    persons_held: int = 0
    supervisions: tuple[SupervisionRecord, ...] = ()
    change_seq: int = 0

    @property
    def name(self) -> str:
        return transfer_name(self.transfer_id)

    def open_supervision(self) -> SupervisionRecord | None:
        return next((s for s in self.supervisions if s.is_open), None)


@dataclass(frozen=True)
class TransferStepRecord:
    """One step of the timeline, with the signed record it produced."""

    seq: int
    step: str
    from_state: TransferState
    to_state: TransferState
    agency_id: str
    officer_ids: tuple[str, ...]
    record_time: datetime
    note: str = ""


@dataclass(frozen=True)
class DeadlineRecord:
    """A legal deadline of a transfer: owed by an agency, due at a time, met or not."""

    transfer_id: int
    duty: Duty
    owed_by_agency_id: str
    basis: str
    due_time: datetime
    escalates: bool
    met_time: datetime | None = None
    seq: int = 0

    def overdue(self, now: datetime) -> bool:
        return self.escalates and self.met_time is None and now >= self.due_time


@dataclass(frozen=True)
class StoredRecord:
    """A signed record: its position, kind, canonical body and signature."""

    transfer_id: int
    seq: int
    kind: str
    body: bytes
    signature: bytes
    key_sha256: str

    @property
    def name(self) -> str:
        return f"{transfer_name(self.transfer_id)}/records/{self.seq}"


@dataclass(frozen=True)
class TransferView:
    """A transfer with everything GetTransfer shows."""

    transfer: TransferRecord
    timeline: tuple[TransferStepRecord, ...] = ()
    deadlines: tuple[DeadlineRecord, ...] = field(default=())
