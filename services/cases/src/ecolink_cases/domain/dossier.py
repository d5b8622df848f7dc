"""What a case's dossier lists besides the case (DOMAIN §4.2): the officers it names and the evidence its steps cite."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ecolink_cases.domain.case import CaseRecord
from ecolink_cases.domain.records import ApprovalRecord, StepRecord


@dataclass(frozen=True)
class OfficerMention:
    """An officer the case names, with the agency he was named for (the directory's word on him comes later)."""

    officer_id: str
    agency_id: str


@dataclass(frozen=True)
class DossierItem:
    """An evidence item cited by the case's steps: its SHA-256 as first cited, and the seq of every step citing it."""

    name: str
    sha256: str
    cited_at: tuple[int, ...]


def named_officers(
    case: CaseRecord, steps: Sequence[StepRecord], approvals: Sequence[ApprovalRecord]
) -> tuple[OfficerMention, ...]:
    """Every officer the case names, once, in the order first named: its handling officers, then the timeline by
    seq, each approval's approver before the first step recorded after it (or, under one clock reading, before the
    step taken under it); approvals recorded after every step come last, by their seq."""
    ordered = sorted(steps, key=lambda step: step.seq)
    mentions: list[OfficerMention] = [OfficerMention(o, case.handling_agency_id) for o in case.handling_officer_ids]
    pending = sorted(approvals, key=lambda approval: approval.seq)
    for step in ordered:
        due = [a for a in pending if a.approve_time < step.record_time or a.seq == step.approval_seq]
        pending = [a for a in pending if a not in due]
        mentions += [OfficerMention(a.approver_officer_id, a.approver_agency_id) for a in due]
        mentions += [OfficerMention(o, step.agency_id) for o in step.officer_ids]
    mentions += [OfficerMention(a.approver_officer_id, a.approver_agency_id) for a in pending]
    seen: set[str] = set()
    once: list[OfficerMention] = []
    for mention in mentions:
        if mention.officer_id and mention.officer_id not in seen:
            seen.add(mention.officer_id)
            once.append(mention)
    return tuple(once)


def cited_evidence(steps: Sequence[StepRecord]) -> tuple[DossierItem, ...]:
    """Every item the steps cite, once, in the order first cited (timeline by seq), with the hash kept at that first
    citation and the seqs of all the steps citing it."""
    first: dict[str, str] = {}
    cited_at: dict[str, list[int]] = {}
    for step in sorted(steps, key=lambda step: step.seq):
        for cited in step.evidence:
            first.setdefault(cited.name, cited.sha256)
            seqs = cited_at.setdefault(cited.name, [])
            if step.seq not in seqs:
                seqs.append(step.seq)
    return tuple(DossierItem(name, sha256, tuple(cited_at[name])) for name, sha256 in first.items())
