"""What makes a registry record well formed: codes, identifiers, factor limits and ranges (DOMAIN §2.1)."""

from __future__ import annotations

import re

from ecolink_alerts.domain.hj212.factor_codes import is_2017_code
from ecolink_alerts.domain.registry_records import Device, KeyUnit, Outlet, VideoChannel
from ecolink_alerts.domain.rule_violations import (
    MAX_NAME_CHARS,
    MAX_URL_CHARS,
    RuleViolation,
    finite_violations,
    text_violations,
)
from ecolink_common.directory import Agency, AgencyKind
from ecolink_common.jurisdiction import region_contains

RESOURCE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\Z")
REGION_CODE = re.compile(r"^[0-9]{6}\Z")
# HJ212.md §3: MNs seen in the field run 7–24 characters of letters, digits and underscores; devices that
# exist must register, so the registry accepts all of them, not only the standard 14- and 24-character shapes.
MN = re.compile(r"^[A-Za-z0-9_]{7,24}\Z")
STREAM_URL = re.compile(r"^(rtsp|rtmp|https?)://\S+\Z")
ID_RULE = "must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit"
MAX_PASSWORD_LENGTH = 64


def _required(value: str, field: str) -> list[RuleViolation]:
    return text_violations(value, field, limit=MAX_NAME_CHARS, required=True)


def _identifier(value: str, field: str) -> list[RuleViolation]:
    return [] if RESOURCE_ID.match(value) else [RuleViolation(field, ID_RULE)]


def unit_violations(unit: KeyUnit) -> list[RuleViolation]:
    violations = _identifier(unit.unit_id, "unit_id") + _required(unit.display_name, "display_name")
    # DOMAIN §1: jurisdiction rests on the six-digit administrative division code.
    if not REGION_CODE.match(unit.region_code):
        violations.append(RuleViolation("region_code", "must be a six-digit administrative division code"))
    return violations + _required(unit.industry, "industry")


def enterprise_violations(unit: KeyUnit, enterprise: Agency | None) -> list[RuleViolation]:
    """DOMAIN §1: the enterprise named sees the unit, so it must be an enterprise registered in the unit's region.

    `enterprise` is the directory entry the unit names (None when there is none). An entry that exists elsewhere
    is refused in the same words as one that does not exist, because directory entries of enterprises are
    visible only within their region (DOMAIN §1: existence is not leaked).
    """
    if not unit.enterprise_agency_id:
        return []
    if (
        enterprise is not None
        and enterprise.kind is AgencyKind.ENTERPRISE
        and region_contains(unit.region_code, enterprise.region_code)
    ):
        return []
    return [
        RuleViolation(
            "enterprise_agency_id", f"names no enterprise of the directory registered in region {unit.region_code}"
        )
    ]


def outlet_violations(outlet: Outlet) -> list[RuleViolation]:
    violations = _identifier(outlet.outlet_id, "outlet_id") + _required(outlet.display_name, "display_name")
    seen: set[str] = set()
    for index, factor in enumerate(outlet.factors):
        field = f"factors[{index}]"
        # DOMAIN §2.1: factors go by their HJ 212-2017 pollutant code, e.g. a21026 SO2, w01018 COD.
        if not is_2017_code(factor.pollutant_code):
            violations.append(RuleViolation(f"{field}.pollutant_code", "must be an HJ 212-2017 code like a21026"))
        elif factor.pollutant_code in seen:
            violations.append(RuleViolation(f"{field}.pollutant_code", "is listed twice for this outlet"))
        seen.add(factor.pollutant_code)
        violations += _required(factor.unit, f"{field}.unit")
        for name in ("emission_limit", "range_lower", "range_upper"):
            violations += finite_violations(getattr(factor, name), f"{field}.{name}")
        if factor.emission_limit is not None and factor.emission_limit < 0:
            violations.append(RuleViolation(f"{field}.emission_limit", "must not be negative"))
        if (
            factor.range_lower is not None
            and factor.range_upper is not None
            and factor.range_lower >= factor.range_upper
        ):
            violations.append(RuleViolation(f"{field}.range_upper", "must be above range_lower"))
    return violations


def device_violations(device: Device, *, password_given: bool = True) -> list[RuleViolation]:
    """What is wrong with a device; its password only when one is given (a stored device holds its digest)."""
    violations = [] if MN.match(device.mn) else [RuleViolation("mn", "must be 7 to 24 letters, digits or underscores")]
    if not password_given:
        return violations
    if len(device.access_password) > MAX_PASSWORD_LENGTH:
        violations.append(RuleViolation("access_password", f"must be at most {MAX_PASSWORD_LENGTH} characters"))
    return violations + _required(device.access_password, "access_password")


def channel_violations(channel: VideoChannel) -> list[RuleViolation]:
    violations = _identifier(channel.channel_id, "channel_id") + _required(channel.display_name, "display_name")
    if len(channel.stream_url) > MAX_URL_CHARS or not STREAM_URL.match(channel.stream_url):
        violations.append(RuleViolation("stream_url", "must be an rtsp://, rtmp://, http:// or https:// URL"))
    return violations
