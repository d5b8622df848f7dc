"""C13 protocol integrity: packets failing the HJ 212 CRC or length check, or carrying a MODBUS CRC."""

from __future__ import annotations

from ecolink_alerts.domain.packets import PacketReceipt
from ecolink_alerts.domain.rules.events import RuleId
from ecolink_alerts.domain.rules.run import ItemRule, Verdict


def protocol_integrity_rule(evidence_limit: int) -> ItemRule[PacketReceipt]:
    """§C13 per device: consecutive faulty packets form one episode; the next sound packet closes it.
    ANOMALY_RULES gives no count, so one faulty packet is enough to open it."""

    def classify(receipt: PacketReceipt, previous: PacketReceipt | None) -> Verdict:
        return Verdict.MATCH if receipt.faults else Verdict.BREAK

    return ItemRule(RuleId.PROTOCOL_INTEGRITY, evidence_limit, classify, lambda receipt: receipt.device_key)
