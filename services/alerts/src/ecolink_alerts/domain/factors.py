"""The roles HJ 212 factor codes play in the rules: concentration, flow, O2, temperature, pH or other."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

FLUE_GAS_FLOW = "a00000"
FLUE_GAS_TEMPERATURE = "a01012"
OXYGEN = "a19001"
SO2 = "a21026"
NOX = "a21002"
NO = "a21003"
PARTICULATE = "a34013"
WASTE_WATER_FLOW = "w00000"
PH = "w01001"
COD = "w01018"
AMMONIA_NITROGEN = "w21003"
TOTAL_PHOSPHORUS = "w21011"
TOTAL_NITROGEN = "w21001"

WATER_ANALYSER_FACTORS = frozenset({COD, AMMONIA_NITROGEN, TOTAL_PHOSPHORUS, TOTAL_NITROGEN})
"""ANOMALY_RULES §C1: analysers with 1–2 h cycles, whose constancy is judged over 12 h instead of 6 h."""


class Medium(StrEnum):
    """HJ212.md §5: the medium comes from the factor-code prefix, not from ST."""

    FLUE_GAS = "gas"
    WASTE_WATER = "water"
    OTHER = "other"


class FactorRole(StrEnum):
    """What a factor measures, as far as the rules care."""

    CONCENTRATION = "concentration"
    FLOW = "flow"
    OXYGEN = "oxygen"
    TEMPERATURE = "temperature"
    PH = "ph"
    OTHER = "other"


_ROLES: Mapping[str, FactorRole] = MappingProxyType(
    {
        FLUE_GAS_FLOW: FactorRole.FLOW,
        WASTE_WATER_FLOW: FactorRole.FLOW,
        OXYGEN: FactorRole.OXYGEN,
        FLUE_GAS_TEMPERATURE: FactorRole.TEMPERATURE,
        "w01010": FactorRole.TEMPERATURE,
        PH: FactorRole.PH,
        "a01011": FactorRole.OTHER,  # velocity
        "a01013": FactorRole.OTHER,  # pressure, often negative
        "a01014": FactorRole.OTHER,  # humidity
        "a01017": FactorRole.OTHER,  # dynamic pressure
        "w01014": FactorRole.OTHER,  # conductivity
    }
)
_CONCENTRATION_PREFIXES = ("a2", "a3", "w0", "w2")


def factor_role(code: str) -> FactorRole:
    """HJ212.md §7: the listed codes by table; other `a2/a3/w0/w2` codes are pollutant concentrations."""
    if code in _ROLES:
        return _ROLES[code]
    return FactorRole.CONCENTRATION if code.startswith(_CONCENTRATION_PREFIXES) else FactorRole.OTHER


def medium_of(code: str) -> Medium:
    """HJ212.md §5: `a…` is flue gas, `w…` is waste water."""
    if code.startswith("a"):
        return Medium.FLUE_GAS
    return Medium.WASTE_WATER if code.startswith("w") else Medium.OTHER
