"""The life of a transfer (DOMAIN §4.2): its states, its steps, which party takes each step and from which states.

The steps follow the State Council regulation on transfers of suspected crimes by administrative law-enforcement
organs (2020 revision): the report and the head's decision (art. 5), the police's receipt and forward (art. 7), the
filing decision (art. 8), reconsideration (art. 9), the procuratorate's supervision (art. 14)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum


class TransferKind(StrEnum):
    CRIMINAL = "criminal"  # 涉嫌犯罪案件移送
    DETENTION = "detention"  # 移送行政拘留, Environmental Protection Law art. 63


class TransferState(StrEnum):
    REPORTED = "reported"
    NOT_APPROVED = "not_approved"
    SENT = "sent"
    RECEIVED = "received"
    ACCEPTED = "accepted"
    RETURNED = "returned"
    FILED = "filed"
    DECLINED = "declined"
    RECONSIDERING = "reconsidering"
    DECLINE_UPHELD = "decline_upheld"
    PROSECUTION_DECIDED = "prosecution_decided"
    JUDGED = "judged"
    REVERSED = "reversed"
    WITHDRAWN = "withdrawn"


FINAL_STATES = frozenset(
    {TransferState.NOT_APPROVED, TransferState.JUDGED, TransferState.REVERSED, TransferState.WITHDRAWN}
)


class Party(Enum):
    """Who takes a step: the transferring bureau, its head, the police agency it is sent to, the procuratorate."""

    BUREAU = "bureau"
    HEAD = "head"
    POLICE = "police"
    PROCURATORATE = "procuratorate"
    POLICE_OR_PROCURATORATE = "police_or_procuratorate"


class Step(StrEnum):
    REPORT = "TransferCase"
    APPROVE = "ApproveTransfer"
    REFUSE_APPROVAL = "RefuseTransfer"
    RECEIVE = "ReceiveTransfer"
    FORWARD = "ForwardTransfer"
    ACCEPT = "AcceptTransfer"
    RETURN = "ReturnTransfer"
    RESEND = "ResendTransfer"
    FILE = "FileCriminalCase"
    DECLINE = "DeclineToFile"
    REQUEST_RECONSIDERATION = "RequestReconsideration"
    RECONSIDER_AND_FILE = "FileOnReconsideration"
    UPHOLD_DECLINE = "UpholdDecline"
    OPEN_SUPERVISION = "OpenSupervision"
    ANSWER_SUPERVISION = "AnswerSupervision"
    CLOSE_SUPERVISION = "CloseSupervision"
    PROSECUTE = "Prosecute"
    NOT_PROSECUTE = "NotProsecute"
    RECORD_JUDGMENT = "RecordJudgment"
    REVERSE = "ReverseTransfer"
    WITHDRAW = "WithdrawTransfer"


S = TransferState
# The procuratorate may supervise any transfer the police hold or decided (DOMAIN §4.2; regulation art. 14).
SUPERVISABLE = frozenset(
    {S.SENT, S.RECEIVED, S.ACCEPTED, S.RETURNED, S.FILED, S.DECLINED, S.RECONSIDERING, S.DECLINE_UPHELD}
)


@dataclass(frozen=True)
class Rule:
    """A step: who takes it, from which states, to which state (None: the state stays, e.g. supervision)."""

    party: Party
    from_states: frozenset[TransferState]
    to_state: TransferState | None
    criminal_only: bool = False


RULES: dict[Step, Rule] = {
    Step.REPORT: Rule(Party.BUREAU, frozenset(), S.REPORTED),
    Step.APPROVE: Rule(Party.HEAD, frozenset({S.REPORTED}), S.SENT),
    Step.REFUSE_APPROVAL: Rule(Party.HEAD, frozenset({S.REPORTED}), S.NOT_APPROVED),
    Step.RECEIVE: Rule(Party.POLICE, frozenset({S.SENT}), S.RECEIVED),
    Step.FORWARD: Rule(Party.POLICE, frozenset({S.RECEIVED}), S.SENT),
    Step.ACCEPT: Rule(Party.POLICE, frozenset({S.RECEIVED}), S.ACCEPTED),
    Step.RETURN: Rule(Party.POLICE, frozenset({S.RECEIVED, S.ACCEPTED}), S.RETURNED),
    Step.RESEND: Rule(Party.BUREAU, frozenset({S.RETURNED}), S.SENT),
    Step.FILE: Rule(Party.POLICE, frozenset({S.RECEIVED, S.ACCEPTED}), S.FILED),
    Step.DECLINE: Rule(Party.POLICE, frozenset({S.RECEIVED, S.ACCEPTED}), S.DECLINED),
    Step.REQUEST_RECONSIDERATION: Rule(Party.BUREAU, frozenset({S.DECLINED}), S.RECONSIDERING),
    Step.RECONSIDER_AND_FILE: Rule(Party.POLICE, frozenset({S.RECONSIDERING}), S.FILED),
    Step.UPHOLD_DECLINE: Rule(Party.POLICE, frozenset({S.RECONSIDERING}), S.DECLINE_UPHELD),
    Step.OPEN_SUPERVISION: Rule(Party.PROCURATORATE, SUPERVISABLE, None),
    Step.ANSWER_SUPERVISION: Rule(Party.POLICE, SUPERVISABLE, None),
    Step.CLOSE_SUPERVISION: Rule(Party.PROCURATORATE, SUPERVISABLE, None),
    Step.PROSECUTE: Rule(Party.PROCURATORATE, frozenset({S.FILED}), S.PROSECUTION_DECIDED, criminal_only=True),
    Step.NOT_PROSECUTE: Rule(Party.PROCURATORATE, frozenset({S.FILED}), S.PROSECUTION_DECIDED, criminal_only=True),
    Step.RECORD_JUDGMENT: Rule(Party.PROCURATORATE, frozenset({S.PROSECUTION_DECIDED}), S.JUDGED, criminal_only=True),
    # DOMAIN §4.2: a case the police will not pursue, or the procuratorate will not prosecute, comes back.
    Step.REVERSE: Rule(
        Party.POLICE_OR_PROCURATORATE,
        frozenset({S.DECLINED, S.DECLINE_UPHELD, S.PROSECUTION_DECIDED}),
        S.REVERSED,
    ),
    Step.WITHDRAW: Rule(Party.BUREAU, frozenset({S.REPORTED, S.SENT}), S.WITHDRAWN),
}

REASON_TRANSITION_NOT_ALLOWED = "TRANSFER_TRANSITION_NOT_ALLOWED"
REASON_KIND = "TRANSFER_STEP_NOT_FOR_KIND"


@dataclass(frozen=True)
class StepRefused(Exception):
    """A step the rules do not allow now: a stable reason and the facts that explain it."""

    message: str
    reason: str
    facts: dict[str, str]


def next_state(state: TransferState, step: Step, kind: TransferKind) -> TransferState:
    """The state after `step`, or StepRefused naming the rule."""
    rule = RULES[step]
    if rule.criminal_only and kind is not TransferKind.CRIMINAL:
        raise StepRefused(f"{step.value} is for criminal transfers, not {kind.value} ones", REASON_KIND, {})
    if state not in rule.from_states:
        raise StepRefused(
            f"{step.value} is not allowed on a transfer that is {state.value}",
            REASON_TRANSITION_NOT_ALLOWED,
            {"from": state.value, "step": step.value},
        )
    return rule.to_state or state
