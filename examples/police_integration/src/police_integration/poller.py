"""One poll cycle of a police agency's integration client.

1. `ListTransfers(since_watermark=W)` pages through what changed since the last cycle; every transfer newly SENT to
   this agency is taken on (remembered in the state file with the new watermark, so it is handled once even across
   restarts).
2. For each transfer taken on: `ListTransferRecords`, every record's Ed25519 signature and chain checked with the
   platform's public key, the manifest's evidence list read; each item downloaded and its SHA-256 compared with the
   manifest's.
3. `ReceiveTransfer` (回执); then, every hash matching, `AcceptTransfer` (受理) and, as configured, `FileCriminalCase`
   (立案, with a generated police case number) or `DeclineToFile`; any item not matching (or not downloadable):
   `ReturnTransfer` with a reason naming the item.

Each step re-reads the transfer first and does only what its state still needs, with an idempotency key per
transfer, version and step, so a client stopped anywhere picks up where it was on the next start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import grpc
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ecolink.common.v1 import identity_service_pb2, identity_service_pb2_grpc
from ecolink.referrals.v1 import transfer_pb2, transfer_service_pb2, transfer_service_pb2_grpc
from police_integration.connection import Token, rpc_error
from police_integration.downloads import Download, Downloader, DownloadFailed
from police_integration.log import JsonLog
from police_integration.records import (
    Record,
    RecordProblem,
    key_fingerprint,
    latest_manifest,
    load_public_key,
    verify_records,
)
from police_integration.state import State, StateFile

CHINA = timezone(timedelta(hours=8))
PAGE_SIZE = 100
MAX_NOTE_CHARS = 2000  # the platform's limit on a step's note
DEFAULT_CASE_NUMBER = "{agency}立字[{year}]{transfer_id}号"
DEFAULT_DECLINE_REASON = "不予立案：经审查，没有犯罪事实 (no criminal facts found on review)"
STATES = transfer_pb2.TransferState
ACTIONABLE = {STATES.TRANSFER_STATE_SENT, STATES.TRANSFER_STATE_RECEIVED, STATES.TRANSFER_STATE_ACCEPTED}


@dataclass(frozen=True)
class Policy:
    """What the client decides on its own."""

    decide: str = "none"  # "file", "decline" or "none" (receive and accept; officers decide)
    officer_ids: tuple[str, ...] = ()
    case_number_template: str = DEFAULT_CASE_NUMBER
    persons_held: int = 0
    detention_days: int = 0  # for a detention transfer: filing needs the days; 0 leaves the decision to officers
    decline_reason: str = DEFAULT_DECLINE_REASON
    max_attempts: int = 10

    def __post_init__(self) -> None:
        if self.decide not in ("file", "decline", "none"):
            raise ValueError("decide is 'file', 'decline' or 'none'")


@dataclass
class CycleReport:
    """What a cycle saw and did."""

    watermark: int = 0
    changes_seen: int = 0
    taken_on: list[str] = field(default_factory=list)
    steps: list[tuple[str, str]] = field(default_factory=list)  # (transfer, method)
    downloads: list[Download] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class Unverified(Exception):
    """The signed records do not verify: nothing is answered, the transfer is tried again next cycle."""


class PoliceClient:
    def __init__(
        self,
        *,
        referrals: grpc.Channel,
        downloader: Downloader,
        token: Token,
        state_file: StateFile,
        log: JsonLog,
        policy: Policy,
        platform_key: Ed25519PublicKey | None = None,
        timeout: float = 30.0,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ):
        self._transfers = transfer_service_pb2_grpc.TransferServiceStub(referrals)
        self._identity = identity_service_pb2_grpc.IdentityServiceStub(referrals)
        self._downloader = downloader
        self._token = token
        self._state_file = state_file
        self._log = log
        self._policy = policy
        self._platform_key = platform_key
        self._timeout = timeout
        self._clock = clock
        self._agency_id = ""

    # -- the cycle ------------------------------------------------------------------------------------------------

    def whoami(self) -> str:
        """The agency the token (and certificate) authenticate, as the platform sees it."""
        if not self._agency_id:
            me = self._identity.WhoAmI(identity_service_pb2.WhoAmIRequest(), **self._call())
            self._agency_id = me.agency.agency_id
            self._log(
                "authenticated",
                agency=self._agency_id,
                authentication_method=me.authentication_method,
                token_expire_time=me.token_expire_time.ToDatetime(UTC).isoformat(),
            )
        return self._agency_id

    def run_cycle(self) -> CycleReport:
        agency = self.whoami()
        state = self._state_file.load()
        report = CycleReport(watermark=state.watermark)
        self._take_on_changes(agency, state, report)
        for name in list(state.pending):
            self._advance(name, agency, state, report)
        self._log(
            "cycle_finished",
            watermark=state.watermark,
            changes_seen=report.changes_seen,
            taken_on=len(report.taken_on),
            steps=len(report.steps),
            pending=len(state.pending),
        )
        return report

    def _take_on_changes(self, agency: str, state: State, report: CycleReport) -> None:
        while True:
            page = self._transfers.ListTransfers(
                transfer_service_pb2.ListTransfersRequest(since_watermark=state.watermark, page_size=PAGE_SIZE),
                **self._call(),
            )
            for transfer in page.transfers:
                report.changes_seen += 1
                if (
                    transfer.police_agency_id == agency
                    and transfer.state == STATES.TRANSFER_STATE_SENT
                    and transfer.name not in state.pending
                ):
                    state.pending[transfer.name] = {
                        "version": transfer.version,
                        "queued": self._clock().isoformat(),
                        "attempts": 0,
                    }
                    report.taken_on.append(transfer.name)
                    self._log(
                        "transfer_sent",
                        transfer=transfer.name,
                        number=transfer.number,
                        version=transfer.version,
                        bureau=transfer.bureau_agency_id,
                        case=transfer.case,
                        unit=transfer.unit,
                        suspected_offence=transfer.suspected_offence,
                        evidence_items=len(transfer.evidence),
                    )
            moved = page.watermark > state.watermark
            state.watermark = max(state.watermark, page.watermark)
            self._state_file.save(state)  # the watermark and what was taken on, together
            report.watermark = state.watermark
            if not page.next_page_token or not page.transfers or not moved:
                return

    # -- one transfer ---------------------------------------------------------------------------------------------

    def _advance(self, name: str, agency: str, state: State, report: CycleReport) -> None:
        entry = state.pending[name]
        try:
            self._answer(name, agency, entry, state, report)
        except (grpc.RpcError, DownloadFailed, Unverified) as error:
            problem = _describe(error)
            entry["attempts"] = int(entry.get("attempts", 0)) + 1
            report.problems.append(f"{name}: {problem}")
            if entry["attempts"] >= self._policy.max_attempts:
                self._log("transfer_given_up", level="error", transfer=name, attempts=entry["attempts"], error=problem)
                state.pending.pop(name, None)
            else:
                self._log(
                    "transfer_retry_later", level="warning", transfer=name, attempts=entry["attempts"], error=problem
                )
            self._state_file.save(state)

    def _answer(self, name: str, agency: str, entry: dict[str, Any], state: State, report: CycleReport) -> None:
        try:
            transfer = self._get(name)
        except grpc.RpcError as error:
            if isinstance(error, grpc.Call) and error.code() is grpc.StatusCode.NOT_FOUND:
                self._finish(name, state, "transfer_gone")
                return
            raise
        if transfer.police_agency_id != agency or transfer.state not in ACTIONABLE:
            self._finish(name, state, "transfer_left", state_now=STATES.Name(transfer.state))
            return
        verdict = entry.get("verdict")
        if not verdict or verdict.get("version") != transfer.version:
            verdict = self._verify(transfer, agency, state, report)
            entry["verdict"] = verdict
            self._state_file.save(state)
        if transfer.state == STATES.TRANSFER_STATE_SENT:
            transfer = self._step(transfer, "ReceiveTransfer", report)
        if verdict["problems"]:
            note = _bounded("退回补充 returned: " + "; ".join(verdict["problems"]))
            self._step(transfer, "ReturnTransfer", report, note=note)
            self._finish(name, state, "transfer_returned", problems=verdict["problems"])
            return
        if transfer.state == STATES.TRANSFER_STATE_RECEIVED:
            transfer = self._step(transfer, "AcceptTransfer", report)
        transfer = self._decide(transfer, agency, report)
        self._finish(name, state, "transfer_done", state_now=STATES.Name(transfer.state))

    def _decide(self, transfer: transfer_pb2.Transfer, agency: str, report: CycleReport) -> transfer_pb2.Transfer:
        policy = self._policy
        if policy.decide == "none":
            return transfer
        if policy.decide == "decline":
            return self._step(transfer, "DeclineToFile", report, note=policy.decline_reason)
        detention = transfer.kind == transfer_pb2.TRANSFER_KIND_DETENTION
        if detention and not policy.detention_days:
            self._log("decision_left_to_officers", transfer=transfer.name, reason="a detention transfer needs the days")
            return transfer
        number = policy.case_number_template.format(
            agency=agency,
            year=self._clock().astimezone(CHINA).year,
            transfer_id=transfer.name.rsplit("/", 1)[-1],
            version=transfer.version,
            number=transfer.number,
        )
        return self._step(
            transfer,
            "FileCriminalCase",
            report,
            note=f"立案 filed on review of {transfer.number}",
            police_case_number="" if detention else number,
            detention_days=policy.detention_days if detention else 0,
            persons_held=policy.persons_held,
        )

    def _verify(
        self, transfer: transfer_pb2.Transfer, agency: str, state: State, report: CycleReport
    ) -> dict[str, Any]:
        """Checks the signed records, then downloads and hashes every item the manifest lists."""
        answer = self._transfers.ListTransferRecords(
            transfer_service_pb2.ListTransferRecordsRequest(name=transfer.name), **self._call()
        )
        key = self._key(answer.public_key_pem, state)
        records = [Record(r.name, r.kind, r.body, r.signature, r.key_sha256) for r in answer.records]
        try:
            bodies = verify_records(transfer.name, records, key)
            manifest = latest_manifest(transfer.name, bodies, police_agency_id=agency, version=transfer.version)
        except RecordProblem as problem:
            raise Unverified(str(problem)) from problem
        self._log(
            "manifest_verified",
            transfer=transfer.name,
            record=manifest.record,
            records=len(records),
            version=manifest.version,
            evidence_items=len(manifest.items),
            key_sha256=key_fingerprint(key),
        )
        listed = {(item.evidence, item.sha256) for item in transfer.evidence}
        if listed != {(item.evidence, item.sha256) for item in manifest.items}:
            self._log("evidence_list_differs", level="warning", transfer=transfer.name, note="the manifest decides")
        problems = []
        folder = f"{transfer.name.rsplit('/', 1)[-1]}/v{transfer.version}"
        for item in manifest.items:
            download = self._downloader.fetch(folder, item)
            report.downloads.append(download)
            self._log(
                "evidence_checked",
                level="info" if download.matched else "error",
                transfer=transfer.name,
                evidence=download.evidence,
                sha256_manifest=download.expected_sha256,
                sha256_downloaded=download.sha256,
                bytes=download.size,
                via=download.via,
                matched=download.matched,
                path=str(download.path) if download.path else None,
                problem=download.problem or None,
            )
            if not download.matched:
                problems.append(f"{download.evidence}: {download.problem}")
        return {"version": transfer.version, "manifest": manifest.record, "problems": problems}

    def _key(self, served_pem: bytes, state: State) -> Ed25519PublicKey:
        """The pinned platform key; without one, the key the service names, pinned in the state file on first use
        (a later change of key is refused until an operator looks)."""
        if self._platform_key is not None:
            return self._platform_key
        try:
            served = load_public_key(served_pem)
        except ValueError as error:
            raise Unverified(f"the service sent no usable public key: {error}") from error
        fingerprint = key_fingerprint(served)
        if not state.platform_key_sha256:
            state.platform_key_sha256 = fingerprint
            self._state_file.save(state)
            self._log("platform_key_pinned", level="warning", key_sha256=fingerprint, note="trusted on first use")
        elif state.platform_key_sha256 != fingerprint:
            raise Unverified(
                f"the service signs with key {fingerprint[:16]}…, not the pinned {state.platform_key_sha256[:16]}…"
            )
        return served

    # -- calls ----------------------------------------------------------------------------------------------------

    def _step(
        self, transfer: transfer_pb2.Transfer, method: str, report: CycleReport, *, note: str = "", **fields: Any
    ) -> transfer_pb2.Transfer:
        """One police step with the transfer's etag and an idempotency key of transfer, version and step."""
        details = transfer_service_pb2.TransferStepDetails(
            officer_ids=list(self._policy.officer_ids),
            note=note,
            request_id=f"police-integration:{transfer.name}:v{transfer.version}:{method}",
        )
        request_type = getattr(transfer_service_pb2, f"{method}Request")
        request = request_type(name=transfer.name, etag=transfer.etag, details=details, **fields)
        changed: transfer_pb2.Transfer = getattr(self._transfers, method)(request, **self._call()).transfer
        report.steps.append((transfer.name, method))
        self._log(
            _EVENTS[method],
            transfer=transfer.name,
            number=transfer.number,
            state=STATES.Name(changed.state),
            officers=list(changed.timeline[-1].officer_ids) if changed.timeline else list(self._policy.officer_ids),
            **({"police_case_number": changed.police_case_number} if changed.police_case_number else {}),
            **({"note": note} if note else {}),
        )
        return changed

    def _get(self, name: str) -> transfer_pb2.Transfer:
        return self._transfers.GetTransfer(transfer_service_pb2.GetTransferRequest(name=name), **self._call()).transfer

    def _finish(self, name: str, state: State, event: str, **fields: Any) -> None:
        state.pending.pop(name, None)
        self._state_file.save(state)
        self._log(event, transfer=name, **fields)

    def _call(self) -> dict[str, Any]:
        return {"metadata": self._token.metadata(), "timeout": self._timeout}


_EVENTS = {
    "ReceiveTransfer": "transfer_received",
    "AcceptTransfer": "transfer_accepted",
    "ReturnTransfer": "transfer_returned_to_bureau",
    "FileCriminalCase": "criminal_case_filed",
    "DeclineToFile": "filing_declined",
}


def _describe(error: Exception) -> str:
    if isinstance(error, grpc.RpcError):
        described = rpc_error(error)
        return f"{described['code']} {described['reason']}: {described['message']}".replace(" :", ":")
    return str(error)


def _bounded(note: str) -> str:
    return note if len(note) <= MAX_NOTE_CHARS else note[: MAX_NOTE_CHARS - 1] + "…"
