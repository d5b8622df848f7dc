"""River-basin and boundary-area agreements (DOMAIN §4.5; issue 14 item 1): the member bureaus in river order, the
desk, the deadlines of a notified member and the ladder its silence climbs; a versioned TOML file, checked on load."""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from ecolink_common.toml_models import RuleFileInvalid, bundled_toml_model, parse_toml_model, read_toml_model

BUNDLED_AGREEMENTS = "basin_agreements_v1.toml"
AgencyId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{1,63}$")]


class AgreementKind(StrEnum):
    BASIN = "basin"  # 流域: every member below the reporter is notified
    BOUNDARY = "boundary"  # 跨界 (DOMAIN §4.5, seed 002): two neighbouring bureaus, each the other's downstream


class EscalationTarget(StrEnum):
    """Who one rung of the ladder reaches about a silent member."""

    PARENT = "parent"  # the eco-bureau of the region just above the member's (a county's city, a city's province)
    DESK = "desk"  # the agreement's coordination desk
    PROVINCE = "province"  # the eco-bureau of the member's province


class BasinAgreement(BaseModel):
    """One agreement; members upstream first (order is data, issue 14 item 1)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    agreement_id: AgencyId
    basin_id: AgencyId
    name: str = Field(min_length=1, max_length=200)
    kind: AgreementKind = AgreementKind.BASIN
    desk_agency_id: AgencyId
    members: tuple[AgencyId, ...] = Field(min_length=2)
    # Issue 14 item 1, proposed: acknowledge within 30 minutes, report measures within 4 hours.
    acknowledge_minutes: int = Field(default=30, ge=1, le=7 * 24 * 60)
    measures_minutes: int = Field(default=240, ge=1, le=30 * 24 * 60)
    escalate_every_minutes: int = Field(default=30, ge=1, le=7 * 24 * 60)
    escalation: tuple[tuple[EscalationTarget, ...], ...] = Field(
        default=((EscalationTarget.PARENT, EscalationTarget.DESK), (EscalationTarget.PROVINCE,)), min_length=1
    )

    @model_validator(mode="after")
    def _members_once(self) -> BasinAgreement:
        if len(set(self.members)) != len(self.members):
            raise ValueError("a member is listed twice")
        if self.kind is AgreementKind.BOUNDARY and len(self.members) != 2:
            raise ValueError("a boundary agreement links exactly two bureaus")
        if any(not rung for rung in self.escalation):
            raise ValueError("every rung of the escalation reaches someone")
        return self

    @property
    def acknowledge_within(self) -> timedelta:
        return timedelta(minutes=self.acknowledge_minutes)

    @property
    def measures_within(self) -> timedelta:
        return timedelta(minutes=self.measures_minutes)

    @property
    def escalate_every(self) -> timedelta:
        return timedelta(minutes=self.escalate_every_minutes)

    def downstream_of(self, member: str) -> tuple[str, ...]:
        """The members an incident reported by `member` reaches: those below it (a boundary partner either way)."""
        if self.kind is AgreementKind.BOUNDARY:
            return tuple(other for other in self.members if other != member)
        return self.members[self.members.index(member) + 1 :]


class BasinAgreements(BaseModel):
    """Every agreement of the platform, by id."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str = Field(min_length=1, max_length=64)
    agreements: tuple[BasinAgreement, ...] = ()

    @model_validator(mode="after")
    def _ids_once(self) -> BasinAgreements:
        ids = [agreement.agreement_id for agreement in self.agreements]
        if len(set(ids)) != len(ids):
            raise ValueError("an agreement_id is used twice")
        return self

    def get(self, agreement_id: str) -> BasinAgreement | None:
        return next((a for a in self.agreements if a.agreement_id == agreement_id), None)

    def of_agency(self, agency_id: str) -> tuple[BasinAgreement, ...]:
        """The agreements the agency signed or coordinates."""
        return tuple(a for a in self.agreements if agency_id in a.members or agency_id == a.desk_agency_id)


class BasinAgreementsInvalid(RuleFileInvalid):
    reason = "BASIN_AGREEMENTS_INVALID"

    def __init__(self, origin: str, problems: tuple[str, ...]):
        super().__init__("basin agreements", origin, problems)


def parse_basin_agreements(text: str, origin: str) -> BasinAgreements:
    return parse_toml_model(text, origin, BasinAgreements, BasinAgreementsInvalid)


def read_basin_agreements(path: Path) -> BasinAgreements:
    return read_toml_model(path, BasinAgreements, BasinAgreementsInvalid)


def bundled_basin_agreements() -> BasinAgreements:
    return bundled_toml_model("ecolink_referrals", BUNDLED_AGREEMENTS, BasinAgreements, BasinAgreementsInvalid)
