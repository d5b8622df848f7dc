"""C12 time anomalies: DataTime in the future, a record re-sent with different values, a QN that is not 17 digits."""

from __future__ import annotations

from dataclasses import dataclass

from ecolink_alerts.domain.packets import PacketReceipt
from ecolink_alerts.domain.readings import Reading
from ecolink_alerts.domain.rules.episode import close_episode, open_episode
from ecolink_alerts.domain.rules.events import RuleEvent, RuleId
from ecolink_alerts.domain.rules.run import ItemRule, Verdict
from ecolink_alerts.domain.thresholds import TimeAnomalyThresholds

COMPARED_FIELDS = ("value", "flag", "converted", "minimum", "maximum", "cumulative")
"""What a re-sent record must repeat; the receipt time may differ."""


def is_future(reading: Reading, thresholds: TimeAnomalyThresholds) -> bool:
    """§C12: DataTime more than 10 min after the record was received."""
    return reading.received_at is not None and reading.data_time - reading.received_at > thresholds.max_future


def is_malformed_qn(qn: str | None, thresholds: TimeAnomalyThresholds) -> bool:
    """§C12: a QN that is present but not 17 digits; HJ212.md §9: 2005-style packets may omit it."""
    return qn is not None and not (len(qn) == thresholds.qn_digits and qn.isascii() and qn.isdigit())


def future_data_time_rule(thresholds: TimeAnomalyThresholds, evidence_limit: int) -> ItemRule[Reading]:
    """§C12 per device and data kind: records dated in the future, one evidence reading per record."""

    def classify(reading: Reading, previous: Reading | None) -> Verdict:
        if not is_future(reading, thresholds):
            return Verdict.BREAK
        same_record = previous is not None and previous.data_time == reading.data_time
        return Verdict.SKIP if same_record else Verdict.MATCH

    return ItemRule(RuleId.FUTURE_DATA_TIME, evidence_limit, classify, lambda reading: reading.data_kind_key)


def malformed_qn_rule(thresholds: TimeAnomalyThresholds, evidence_limit: int) -> ItemRule[PacketReceipt]:
    """§C12 per device: packets whose QN is not 17 digits."""

    def classify(receipt: PacketReceipt, previous: PacketReceipt | None) -> Verdict:
        return Verdict.MATCH if is_malformed_qn(receipt.qn, thresholds) else Verdict.BREAK

    return ItemRule(RuleId.MALFORMED_QN, evidence_limit, classify, lambda receipt: receipt.device_key)


@dataclass(frozen=True)
class ValueConflict:
    """§C12: the same MN + CN + DataTime re-sent with different values for a factor."""

    stored: Reading
    incoming: Reading
    fields: tuple[str, ...]

    def events(self) -> list[RuleEvent]:
        """The conflict as a one-record episode, opened and closed at once, with both versions as evidence."""
        evidence = (self.stored, self.incoming)
        episode, opened = open_episode(RuleId.CONFLICTING_VALUES, self.stored.series_key, evidence, len(evidence))
        return [opened, close_episode(RuleId.CONFLICTING_VALUES, self.stored.series_key, episode)]


def value_conflict(stored: Reading, incoming: Reading) -> ValueConflict | None:
    """§C12, for the storage layer: None when the re-sent reading repeats the stored one, else the conflict."""
    if stored.series_key != incoming.series_key or stored.data_time != incoming.data_time:
        raise ValueError("a conflict needs two readings of the same MN, CN, DataTime and factor")
    fields = tuple(name for name in COMPARED_FIELDS if getattr(stored, name) != getattr(incoming, name))
    return ValueConflict(stored, incoming, fields) if fields else None
