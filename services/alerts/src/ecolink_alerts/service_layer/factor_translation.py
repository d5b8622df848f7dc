"""A 2005 device's records under their 2017 factor codes (HJ212.md §7), the code as sent kept beside each value."""

from __future__ import annotations

import dataclasses

from ecolink_alerts.domain.hj212 import code_2017, is_unmapped_2005_code, sends_2005_codes
from ecolink_alerts.domain.monitoring_records import MonitoringRecord
from ecolink_alerts.domain.registry_records import Device


def in_2017_codes(record: MonitoringRecord, device: Device) -> tuple[MonitoringRecord, int]:
    """The record with each 2005 code of the Appendix B table replaced by its 2017 code, and how many of its codes
    have none (those stay as sent, so they are stored and counted, not dropped).

    Only records of a device registered for 2005, or sent in a 2005 packet, are read this way; a translated code
    that the record also carries under its 2017 code stays as sent, so no value is lost to the other.
    """
    if not sends_2005_codes(device.protocol_version, record.protocol):
        return record, 0
    sent = {found.factor for found in record.values}
    values = []
    unmapped = 0
    for found in record.values:
        translated = code_2017(found.factor)
        if translated != found.factor and translated not in sent:
            found = found._replace(factor=translated, reported_code=found.factor)
        unmapped += is_unmapped_2005_code(found.factor)
        values.append(found)
    return dataclasses.replace(record, values=tuple(values)), unmapped
