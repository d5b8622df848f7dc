"""The agency directory: who the principals are, read from a versioned data file (DOMAIN §1)."""

from __future__ import annotations

import hashlib
import re
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

REGION_CODE = re.compile(r"^[0-9]{6}\Z")
AGENCY_ID = re.compile(r"^[a-z][a-z0-9-]{1,62}\Z")


class AgencyKind(StrEnum):
    """The kinds of principal DOMAIN §1 names; each has its own jurisdiction rule."""

    ECO_BUREAU = "eco-bureau"
    ENFORCEMENT_BUREAU = "enforcement-bureau"
    POLICE = "police"
    PROCURATORATE = "procuratorate"
    COURT = "court"
    BASIN_DESK = "basin-desk"
    ENTERPRISE = "enterprise"


class AgencyLevel(StrEnum):
    """The administrative level an agency sits at."""

    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"


def is_region_code(value: str) -> bool:
    """True for a six-digit administrative division code."""
    return bool(REGION_CODE.match(value))


class Agency(BaseModel):
    """One directory entry."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    agency_id: str
    display_name: str = Field(min_length=1)
    english_name: str = Field(min_length=1)
    kind: AgencyKind
    level: AgencyLevel
    region_code: str
    basin_ids: tuple[str, ...] = ()
    # What the agency's document numbers start with (DOMAIN §3.2), e.g. 翁环 in 翁环罚字[2021]3号.
    document_prefix: str | None = Field(default=None, min_length=1, max_length=16)

    @field_validator("agency_id")
    @classmethod
    def _agency_id_shape(cls, value: str) -> str:
        if not AGENCY_ID.match(value):
            raise ValueError("agency ids are lower-case letters, digits and dashes, e.g. eeb-360800")
        return value

    @field_validator("region_code")
    @classmethod
    def _region_code_shape(cls, value: str) -> str:
        if not is_region_code(value):
            raise ValueError("region codes have six digits, e.g. 360800")
        return value


class Officer(BaseModel):
    """An enforcement officer (执法人员) of one agency, with the certificate that lets him act (执法证号)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    officer_id: str
    name: str = Field(min_length=1, max_length=200)
    agency_id: str
    certificate_number: str = Field(min_length=1, max_length=64)
    # 正职负责人或者主持工作的负责人: the officer who approves the agency's transfers of suspected crimes (State Council
    # regulation on transfers by administrative law-enforcement organs, 2020, art. 5).
    head: bool = False

    @field_validator("officer_id")
    @classmethod
    def _officer_id_shape(cls, value: str) -> str:
        if not AGENCY_ID.match(value):
            raise ValueError("officer ids are lower-case letters, digits and dashes, e.g. off-360823-01")
        return value


class DirectoryFile(BaseModel):
    """A versioned directory data file: its version, every agency, and every agency's officers."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: str = Field(min_length=1)
    agencies: tuple[Agency, ...]
    officers: tuple[Officer, ...] = ()

    @model_validator(mode="after")
    def _ids_unique(self) -> DirectoryFile:
        ids = [a.agency_id for a in self.agencies]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"agency ids appear twice: {', '.join(duplicates)}")
        officer_ids = [o.officer_id for o in self.officers]
        twice = sorted({i for i in officer_ids if officer_ids.count(i) > 1})
        if twice:
            raise ValueError(f"officer ids appear twice: {', '.join(twice)}")
        unknown = sorted({o.agency_id for o in self.officers} - set(ids))
        if unknown:
            raise ValueError(f"officers belong to agencies not in the directory: {', '.join(unknown)}")
        return self


def read_directory_file(path: Path) -> tuple[DirectoryFile, str]:
    """Parses and validates a directory file; returns it with the file's SHA-256."""
    raw = path.read_bytes()
    return DirectoryFile.model_validate_json(raw), hashlib.sha256(raw).hexdigest()
