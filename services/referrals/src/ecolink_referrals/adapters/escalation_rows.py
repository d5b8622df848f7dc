"""Escalations as the referrals database keeps them inside an incident or a joint task (a JSON list)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from ecolink_referrals.domain.escalation_ladder import Duty, Escalation


def escalation_values(escalations: Iterable[Escalation]) -> list[dict[str, Any]]:
    return [
        {
            "seq": e.seq,
            "silent": e.silent_agency_id,
            "duty": e.duty.value,
            "level": e.level,
            "to": list(e.to_agency_ids),
            "at": e.escalate_time.isoformat(),
        }
        for e in escalations
    ]


def escalations_from(values: Iterable[dict[str, Any]]) -> tuple[Escalation, ...]:
    return tuple(
        Escalation(
            seq=e["seq"],
            silent_agency_id=e["silent"],
            duty=Duty(e["duty"]),
            level=e["level"],
            to_agency_ids=tuple(e["to"]),
            escalate_time=datetime.fromisoformat(e["at"]),
        )
        for e in values
    )
