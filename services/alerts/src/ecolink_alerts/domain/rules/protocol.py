"""C13 protocol integrity: packets failing the HJ 212 CRC or length check, or carrying a MODBUS CRC."""

from __future__ import annotations

from ecolink_alerts.domain.packets import PacketReceipt
from ecolink_alerts.domain.rules.events import RuleId
from ecolink_alerts.domain.rules.run import ItemRule, Verdict
from ecolink_alerts.domain.thresholds import ProtocolIntegrityThresholds


def protocol_integrity_rule(thresholds: ProtocolIntegrityThresholds, evidence_limit: int) -> ItemRule[PacketReceipt]:
    """§C13 per device: faulty packets form one episode while they keep coming (ANOMALY_RULES gives no count, so one
    faulty packet opens it). Sound packets in between do not end it: the first sound packet once no faulty one has
    come for the quiet time closes it, and a faulty packet after the quiet time opens the next episode. The episode
    is judged on packets only, so a device that falls silent keeps it open until its next packet (C10 covers the
    silence)."""

    def classify(receipt: PacketReceipt, previous: PacketReceipt | None) -> Verdict:
        if previous is not None and receipt.received_at - previous.received_at >= thresholds.quiet:
            return Verdict.BREAK
        if receipt.faults:
            return Verdict.MATCH
        return Verdict.BREAK if previous is None else Verdict.SKIP

    return ItemRule(RuleId.PROTOCOL_INTEGRITY, evidence_limit, classify, lambda receipt: receipt.device_key)
