"""Evidence windows as bounded JSON text: the readings, packet receipts and companion rises of an alert's episode."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from ecolink_alerts.domain.flags import DataFlag
from ecolink_alerts.domain.packets import PacketReceipt, ProtocolFault
from ecolink_alerts.domain.readings import DataKind, Reading
from ecolink_alerts.domain.rules.events import CompanionRise, Evidence
from ecolink_alerts.domain.thresholds import EngineThresholds

EVIDENCE_LIMIT = EngineThresholds().evidence_limit
"""ANOMALY_RULES §C: the engine keeps at most this many items per episode; storage keeps the latest as many."""

_OPTIONAL = ("converted", "minimum", "maximum", "cumulative", "reported_code")


def _reading(reading: Reading) -> dict[str, Any]:
    return {
        "factor": reading.factor,
        "kind": reading.kind.value,
        "data_time": reading.data_time.isoformat(),
        "value": reading.value,
        "flag": reading.flag.value,
        **{name: getattr(reading, name) for name in _OPTIONAL if getattr(reading, name) is not None},
        "received_at": reading.received_at.isoformat() if reading.received_at else None,
    }


def _packet(receipt: PacketReceipt) -> dict[str, Any]:
    return {
        "packet_received_at": receipt.received_at.isoformat(),
        "qn": receipt.qn,
        "faults": [fault.value for fault in receipt.faults],
    }


def _companion_rise(rise: CompanionRise) -> dict[str, Any]:
    return {
        "companion_factor": rise.factor,
        "data_time": rise.data_time.isoformat(),
        "baseline": rise.baseline,
        "value": rise.value,
    }


def _item(item: Evidence) -> dict[str, Any]:
    if isinstance(item, PacketReceipt):
        return _packet(item)
    return _companion_rise(item) if isinstance(item, CompanionRise) else _reading(item)


def dump_evidence(evidence: Sequence[Evidence]) -> str:
    """The latest `EVIDENCE_LIMIT` items as JSON text."""
    return json.dumps([_item(item) for item in evidence[-EVIDENCE_LIMIT:]])


def load_evidence(text: str, *, mn: str, unit_id: str, outlet_id: str) -> tuple[Evidence, ...]:
    """The items `dump_evidence` wrote, as readings, packet receipts and companion rises of the alert's device."""
    items: list[Evidence] = []
    for item in json.loads(text):
        if "packet_received_at" in item:
            items.append(
                PacketReceipt(
                    mn,
                    unit_id,
                    outlet_id,
                    datetime.fromisoformat(item["packet_received_at"]),
                    item["qn"],
                    tuple(ProtocolFault(fault) for fault in item["faults"]),
                )
            )
            continue
        if "companion_factor" in item:
            data_time = datetime.fromisoformat(item["data_time"])
            items.append(CompanionRise(item["companion_factor"], data_time, item["baseline"], item["value"]))
            continue
        received_at = item["received_at"]
        items.append(
            Reading(
                mn=mn,
                unit_id=unit_id,
                outlet_id=outlet_id,
                factor=item["factor"],
                kind=DataKind(item["kind"]),
                data_time=datetime.fromisoformat(item["data_time"]),
                value=item["value"],
                flag=DataFlag(item["flag"]),
                **{name: item[name] for name in _OPTIONAL if name in item},
                received_at=datetime.fromisoformat(received_at) if received_at else None,
            )
        )
    return tuple(items)
