"""HJ 212 data packets as monitoring records: CN → data kind, DataTime (China Standard Time) → UTC, factor fields."""

from __future__ import annotations

from datetime import UTC, datetime

from ecolink_alerts.domain.hj212 import DataArea, Packet
from ecolink_alerts.domain.monitoring_records import FactorValue, MonitoringRecord
from ecolink_alerts.domain.periods import CHINA_STANDARD_TIME
from ecolink_alerts.domain.readings import DataKind

DATA_TIME_FORMAT = "%Y%m%d%H%M%S"
DATA_KINDS = {kind.value: kind for kind in DataKind}


def _data_time(text: str | None) -> datetime | None:
    """HJ212.md §3: DataTime is N14 local time (UTC+8); anything else gives no record."""
    if text is None:
        return None
    try:
        local = datetime.strptime(text, DATA_TIME_FORMAT)
    except ValueError:
        return None
    return local.replace(tzinfo=CHINA_STANDARD_TIME).astimezone(UTC)


def _factor_value(area: DataArea, code: str, kind: DataKind) -> FactorValue | None:
    """HJ212.md §3: `-Rtd`/`-ZsRtd` for real-time data, `-Avg`/`-ZsAvg`/`-Min`/`-Max`/`-Cou` for the others."""
    suffix = "Rtd" if kind is DataKind.REALTIME else "Avg"
    value = area.number(code, suffix)
    if value is None:
        return None
    return FactorValue(
        factor=code,
        value=value,
        flag=area.factors[code].get("Flag", "N"),
        converted=area.number(code, f"Zs{suffix}"),
        minimum=area.number(code, "Min"),
        maximum=area.number(code, "Max"),
        cumulative=area.number(code, "Cou"),
    )


def records_from_packet(packet: Packet) -> list[MonitoringRecord]:
    """The monitoring record a data upload carries; none for other commands or without a readable DataTime."""
    kind = DATA_KINDS.get(packet.cn)
    data_time = _data_time(packet.cp.data_time)
    if kind is None or data_time is None:
        return []
    values = tuple(
        found for code in sorted(packet.cp.factors) if (found := _factor_value(packet.cp, code, kind)) is not None
    )
    return [MonitoringRecord(packet.mn, kind, data_time, values, packet.version)] if values else []
