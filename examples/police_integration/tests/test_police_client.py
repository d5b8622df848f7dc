"""The example police client against the running platform (issue 13 item 9(c)): the Lingbi county bureau sends a
case with three evidence items to the Suzhou police; one poll of the client as psb-341300 verifies the signed
manifest, downloads the three items with matching SHA-256, signs the receipt, accepts and files a criminal case; a
second poll, a new process reading the same state file, does nothing. An altered item is named in a return."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import urllib.parse
import urllib.request
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from ecolink.evidence.v1 import evidence_service_pb2
from ecolink.referrals.v1 import transfer_pb2, transfer_service_pb2
from ecolink_referrals.testing import COUNTY, POLICE, POLICE_OFFICERS
from police_integration.cli import client_from_args, parser
from police_integration.log import JsonLog
from police_integration.poller import CycleReport

from .conftest import ITEMS

CHINA = timezone(timedelta(hours=8))
OFFICER = POLICE_OFFICERS[0]


def client_argv(setup, platform, referrals_service, evidence_service, folder: Path, *extra: str) -> list[str]:
    """The options a police system would run the client with against this platform, as psb-341300."""
    folder.mkdir(parents=True, exist_ok=True)
    token_file = folder / "token"
    # Under mTLS the officer's own token (issued as `ecolink token issue --agency psb-341300 --officer …`),
    # in plaintext the agency's token with the officer named on each step.
    officer = OFFICER if setup.mtls else None
    token_file.write_text(referrals_service.token(POLICE, timedelta(minutes=30), officer_id=officer))
    argv = [
        "--referrals",
        referrals_service.target,
        "--evidence",
        evidence_service.target,
        "--token-file",
        str(token_file),
        "--state",
        str(folder / "state.json"),
        "--download-dir",
        str(folder / "evidence"),
        "--timeout",
        "20",
        *extra,
    ]
    if not setup.mtls:
        argv += ["--allow-file-urls", "--officer", OFFICER]
    else:
        pair = setup.certs[POLICE]
        argv += ["--ca", str(setup.certs["ca"].cert_file), "--cert", str(pair.cert_file), "--key", str(pair.key_file)]
    return argv


def poll_in_process(argv: list[str]) -> tuple[CycleReport, list[dict[str, Any]]]:
    """One cycle in this process (a thread, beside the servers' event loop); its report and log lines."""
    lines: list[dict[str, Any]] = []

    class Lines:
        def write(self, text: str) -> None:
            lines.extend(json.loads(line) for line in text.splitlines() if line)

        def flush(self) -> None:
            pass

    log = JsonLog(Lines())  # type: ignore[arg-type]
    with client_from_args(parser().parse_args(argv), log) as client:
        return client.run_cycle(), lines


async def poll_as_process(argv: list[str]) -> list[dict[str, Any]]:
    """`python -m police_integration --once …` as a police system runs it; its JSON log lines."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "police_integration",
        "--once",
        *argv,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 0, err.decode()
    return [json.loads(line) for line in out.decode().splitlines() if line.strip()]


def alter_stored_bytes(file_url: str) -> None:
    """Changes an item's bytes in the embedded store behind the platform's back (its files are read-only)."""
    stored = Path(urllib.request.url2pathname(urllib.parse.urlsplit(file_url).path))
    stored.chmod(0o600)
    stored.write_bytes(b"altered after the transfer was sent")


def events(lines: list[dict[str, Any]]) -> list[str]:
    return [line["event"] for line in lines]


async def test_one_poll_checks_the_three_items_and_files_a_criminal_case_and_the_next_poll_does_nothing(
    setup, platform, sent_transfer, transfers, referrals_service, evidence_service, tmp_path
):
    folder = tmp_path / "police"
    argv = client_argv(
        setup,
        platform,
        referrals_service,
        evidence_service,
        folder,
        "--decide",
        "file",
        "--platform-key",
        str(platform.public_key_path),
    )
    report, lines = await asyncio.to_thread(poll_in_process, argv)

    name = sent_transfer.name
    assert report.taken_on == [name]
    assert [(d.evidence, d.matched) for d in report.downloads] == [
        (item.evidence, True) for item in sent_transfer.evidence
    ]
    assert [d.sha256 for d in report.downloads] == [item.sha256 for item in sent_transfer.evidence]
    assert [d.path.read_bytes() for d in report.downloads if d.path] == list(ITEMS)
    assert {d.via for d in report.downloads} == {"http" if setup.store == "s3" else "file"}  # presigned / embedded
    assert report.steps == [(name, "ReceiveTransfer"), (name, "AcceptTransfer"), (name, "FileCriminalCase")]
    assert not report.problems
    assert events(lines).count("evidence_checked") == 3
    filing = next(line for line in lines if line["event"] == "criminal_case_filed")
    assert filing["officers"] == [OFFICER]  # as the platform recorded the step
    authenticated = next(line for line in lines if line["event"] == "authenticated")
    assert (authenticated["agency"], authenticated["authentication_method"]) == (
        POLICE,
        "bearer+mtls" if setup.mtls else "bearer",
    )

    county = referrals_service.metadata(COUNTY)
    filed = (await transfers.GetTransfer(transfer_service_pb2.GetTransferRequest(name=name), metadata=county)).transfer
    assert filed.state == transfer_pb2.TRANSFER_STATE_FILED
    year = datetime.now(UTC).astimezone(CHINA).year
    assert filed.police_case_number == f"{POLICE}立字[{year}]{name.rsplit('/', 1)[-1]}号"
    records = await transfers.ListTransferRecords(
        transfer_service_pb2.ListTransferRecordsRequest(name=name), metadata=county
    )
    assert [r.kind for r in records.records][-3:] == ["ReceiveTransfer", "AcceptTransfer", "FileCriminalCase"]
    receipt = json.loads(records.records[-3].body)
    assert receipt["agency"] == POLICE and OFFICER in receipt["officers"]
    assert receipt["credential"]["method"] == ("bearer+mtls" if setup.mtls else "bearer")

    again = await poll_as_process(argv)
    assert "cycle_finished" in events(again)
    assert not {"transfer_sent", "evidence_checked", "transfer_received", "criminal_case_filed"} & set(events(again))
    finished = next(line for line in again if line["event"] == "cycle_finished")
    assert (finished["taken_on"], finished["steps"], finished["pending"]) == (0, 0, 0)
    unchanged = (
        await transfers.GetTransfer(transfer_service_pb2.GetTransferRequest(name=name), metadata=county)
    ).transfer
    assert unchanged.etag == filed.etag


@pytest.mark.parametrize("setup", ["plaintext-files"], indirect=True)
async def test_an_item_whose_bytes_changed_is_named_and_the_transfer_returned(
    setup, platform, sent_transfer, transfers, evidence, referrals_service, evidence_service, tmp_path
):
    altered = sent_transfer.evidence[1]
    url = await evidence.CreateDownloadUrl(
        evidence_service_pb2.CreateDownloadUrlRequest(name=altered.evidence), metadata=evidence_service.metadata(COUNTY)
    )
    alter_stored_bytes(url.url)
    argv = client_argv(
        setup,
        platform,
        referrals_service,
        evidence_service,
        tmp_path / "police",
        "--decide",
        "file",
        "--platform-key",
        str(platform.public_key_path),
    )
    report, _ = await asyncio.to_thread(poll_in_process, argv)

    name = sent_transfer.name
    assert [d.matched for d in report.downloads] == [True, False, True]
    assert report.steps == [(name, "ReceiveTransfer"), (name, "ReturnTransfer")]
    assert report.downloads[1].path and report.downloads[1].path.name.endswith(".mismatch")
    returned = (
        await transfers.GetTransfer(
            transfer_service_pb2.GetTransferRequest(name=name), metadata=referrals_service.metadata(COUNTY)
        )
    ).transfer
    assert returned.state == transfer_pb2.TRANSFER_STATE_RETURNED
    reason = returned.timeline[-1].note
    assert altered.evidence in reason and altered.sha256 in reason
    assert sent_transfer.evidence[0].evidence not in reason


@pytest.mark.parametrize("setup", ["plaintext-files"], indirect=True)
async def test_without_a_decision_it_receives_and_accepts_over_grpc_downloads_and_pins_the_key_it_first_saw(
    setup, platform, sent_transfer, transfers, referrals_service, evidence_service, tmp_path
):
    folder = tmp_path / "police"
    argv = client_argv(setup, platform, referrals_service, evidence_service, folder, "--download-via", "grpc")
    report, lines = await asyncio.to_thread(poll_in_process, argv)

    name = sent_transfer.name
    assert [(d.matched, d.via) for d in report.downloads] == [(True, "grpc")] * 3
    assert report.steps == [(name, "ReceiveTransfer"), (name, "AcceptTransfer")]
    accepted = (
        await transfers.GetTransfer(
            transfer_service_pb2.GetTransferRequest(name=name), metadata=referrals_service.metadata(COUNTY)
        )
    ).transfer
    assert accepted.state == transfer_pb2.TRANSFER_STATE_ACCEPTED
    pinned = next(line for line in lines if line["event"] == "platform_key_pinned")
    state = json.loads((folder / "state.json").read_text())
    assert state["platform_key_sha256"] == pinned["key_sha256"] and state["pending"] == {}
    assert state["watermark"] >= sent_transfer.change_seq
