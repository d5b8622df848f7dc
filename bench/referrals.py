"""bench/referrals: TransferCase of a case with 50 evidence items (dossier, a grant and a legal hold per item, signed
manifest) against the same grants and holds called directly on the evidence service, p50/p95; and webhook deliveries
per second through Celery on Redis against a raw Celery group of as many no-op tasks on the same worker."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import grpc
from celery import Celery, group
from sqlalchemy.engine import make_url

from bench.cases import AgencyTokens, Server, fresh_database, load_text, print_end_of, service_process
from bench.celery_noop import NOOP
from bench.report import Figure, report
from ecolink.cases.v1 import case_service_pb2_grpc
from ecolink.evidence.v1 import evidence_service_pb2 as evidence_pb
from ecolink.evidence.v1 import evidence_service_pb2_grpc
from ecolink.referrals.v1 import transfer_pb2, transfer_service_pb2_grpc, webhook_service_pb2, webhook_service_pb2_grpc
from ecolink_alerts.adapters.password_key import device_passwords
from ecolink_alerts.service import SPEC as ALERTS
from ecolink_alerts.service_layer.registry_loading import load_registry_file
from ecolink_alerts.settings import AlertsSettings
from ecolink_cases.service import SPEC as CASES
from ecolink_cases.testing import COUNTY_OFFICERS, CaseWalk, details
from ecolink_common.celery_app import RELAY_OUTBOX, make_celery
from ecolink_common.clock import SYSTEM_CLOCK
from ecolink_common.db import create_engine, create_session_factory
from ecolink_common.outbox import OutboxEvent, StoredEvent
from ecolink_common.proto_time import timestamp_from_datetime
from ecolink_common.settings import PlatformSettings
from ecolink_common.testing.databases import admin_url, port_open, sqlite_url
from ecolink_common.testing.platform import platform_settings_for_tests
from ecolink_common.testing.s3 import ACCESS_KEY, SECRET_KEY, S3Endpoint, running_s3_server
from ecolink_common.unit_of_work import UnitOfWork
from ecolink_evidence.service import SPEC as EVIDENCE
from ecolink_evidence.testing import upload_chunks
from ecolink_referrals.domain.webhook_signing import (
    IDEMPOTENCY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    signature_valid,
)
from ecolink_referrals.service import SPEC as REFERRALS
from ecolink_referrals.settings import ReferralsSettings
from ecolink_referrals.testing import COUNTY, POLICE, PROCURATORATE, Receiver, transfer_request, webhook_receiver
from ecolink_referrals.worker.tasks import DELIVER_WEBHOOKS

ITEMS = 50
TRANSFERS = 16
DELIVERIES = 600
ROUNDS = 4
UPLOAD_CONCURRENCY = 8
ITEM_BYTES = 4096
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379
BROKER_URL = f"redis://{REDIS_HOST}:{REDIS_PORT}/0"
RESULT_BACKEND = f"redis://{REDIS_HOST}:{REDIS_PORT}/1"
RESULT_SECONDS = 120
WORKER_STOP_SECONDS = 30
# The parties of a transfer event with a webhook in this benchmark: the police and the procuratorate (the bureau
# has none), so each event is two deliveries.
WEBHOOK_PARTIES = (POLICE, PROCURATORATE)
REPO_ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Options:
    transfers: int
    items: int
    deliveries: int
    rounds: int


def parse_options(argv: Sequence[str]) -> Options:
    parser = argparse.ArgumentParser(prog="python -m bench.referrals", description=__doc__)
    parser.add_argument("--transfers", type=int, default=TRANSFERS, help="timed transfers, each its own case")
    parser.add_argument("--items", type=int, default=ITEMS, help="evidence items a case cites")
    parser.add_argument("--deliveries", type=int, default=DELIVERIES, help="webhook deliveries per round (even)")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="rounds of the webhook comparison")
    parsed = parser.parse_args(argv)
    if parsed.deliveries % len(WEBHOOK_PARTIES):
        parser.error(f"--deliveries must be a multiple of {len(WEBHOOK_PARTIES)} (one per party and event)")
    return Options(parsed.transfers, parsed.items, parsed.deliveries, parsed.rounds)


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest rank: the smallest value at least `share` of the values are no greater than."""
    ordered = sorted(values)
    return ordered[max(1, math.ceil(len(ordered) * share)) - 1]


@asynccontextmanager
async def database(backend: str, folder: Path, name: str) -> AsyncIterator[str]:
    """A new PostgreSQL database (dropped afterwards), or a SQLite file in `folder`."""
    if backend == "sqlite":
        yield sqlite_url(folder, name)
        return
    async with fresh_database(f"bench_referrals_{name}") as url:
        yield url


# ---------------------------------------------------------------------------------------------------------------
# TransferCase against the direct grants and holds


@dataclass(frozen=True)
class Stack:
    """The four services a transfer touches, each `python -m ecolink_<name>` on a database of its own."""

    evidence: Server
    cases: Server
    referrals: Server


@asynccontextmanager
async def running_stack(
    platform: PlatformSettings, backend: str, folder: Path, s3: S3Endpoint, referrals_url: str
) -> AsyncIterator[Stack]:
    async with (
        database(backend, folder, "alerts") as alerts_url,
        service_process(ALERTS, platform, alerts_url) as alerts,
    ):
        passwords = device_passwords(AlertsSettings().device_password_key_path(platform))
        await load_registry_file(alerts_url, AlertsSettings().registry_file, passwords=passwords)
        async with (
            database(backend, folder, "evidence") as evidence_url,
            service_process(
                EVIDENCE,
                platform,
                evidence_url,
                alerts_target=alerts.target,
                s3_endpoint=s3.address,
                s3_access_key=ACCESS_KEY,
                s3_secret_key=SECRET_KEY,
                s3_bucket=f"bench-{uuid.uuid4().hex[:8]}",
            ) as evidence,
            database(backend, folder, "cases") as cases_url,
            service_process(
                CASES, platform, cases_url, alerts_target=alerts.target, evidence_target=evidence.target
            ) as cases,
            service_process(
                REFERRALS, platform, referrals_url, cases_target=cases.target, evidence_target=evidence.target
            ) as referrals,
        ):
            yield Stack(evidence, cases, referrals)


@dataclass(frozen=True)
class Prepared:
    """A case registered, under investigation and citing `items` items (for a transfer), and as many fresh items
    of the same case that nothing cites (for the direct calls)."""

    case: str
    fresh: list[str]


class Clients:
    """One channel to each service, with the county's signed metadata."""

    def __init__(self, tokens: AgencyTokens, channels: Mapping[str, grpc.aio.Channel]):
        self.tokens = tokens
        self.cases = case_service_pb2_grpc.CaseServiceStub(channels["cases"])
        self.evidence = evidence_service_pb2_grpc.EvidenceServiceStub(channels["evidence"])
        self.transfers = transfer_service_pb2_grpc.TransferServiceStub(channels["referrals"])
        self.webhooks = webhook_service_pb2_grpc.WebhookServiceStub(channels["referrals"])
        self.county = tokens.metadata(COUNTY)


@asynccontextmanager
async def clients(stack: Stack, tokens: AgencyTokens) -> AsyncIterator[Clients]:
    targets = {"cases": stack.cases.target, "evidence": stack.evidence.target, "referrals": stack.referrals.target}
    channels = {name: grpc.aio.insecure_channel(target) for name, target in targets.items()}
    try:
        yield Clients(tokens, channels)
    finally:
        for channel in channels.values():
            await channel.close(None)


async def upload_items(clients: Clients, subject: str, count: int) -> list[str]:
    """`count` small items of new bytes each for the county, UPLOAD_CONCURRENCY at a time; their names in order."""
    limit = asyncio.Semaphore(UPLOAD_CONCURRENCY)

    async def one(index: int) -> str:
        data = (f"{subject} item {index} {uuid.uuid4()} ".encode() * ITEM_BYTES)[:ITEM_BYTES]
        async with limit:
            item = await upload_chunks(
                clients.evidence,
                [data],
                clients.county,
                size=len(data),
                subject=subject,
                original_filename=f"现场照片-{index:02d}.jpg",
            )
        return str(item.name)

    return list(await asyncio.gather(*(one(index) for index in range(count))))


async def prepared(clients: Clients, items: int) -> Prepared:
    """As services/referrals/tests/conftest.py's investigated case, with `items` cited items and `items` fresh."""
    walk = CaseWalk(clients.cases, clients.tokens)
    await walk.create()
    await walk.approve("RegisterCase")
    await walk.step("RegisterCase")
    await walk.step("StartInvestigation")
    cited = await upload_items(clients, walk.name, items)
    record = details(*COUNTY_OFFICERS, note="现场检查 on-site inspection")
    record.evidence.extend(cited)
    await walk.step("RecordInvestigation", details=record)
    return Prepared(walk.name, await upload_items(clients, walk.name, items))


@dataclass
class Cpu:
    """CPU seconds the services' processes used over the timed calls of one side."""

    referrals: float = 0.0
    cases: float = 0.0
    evidence: float = 0.0

    def add(self, stack: Stack, before: tuple[float, float, float]) -> None:
        now = cpu_of(stack)
        self.referrals += now[0] - before[0]
        self.cases += now[1] - before[1]
        self.evidence += now[2] - before[2]

    @property
    def total(self) -> float:
        return self.referrals + self.cases + self.evidence


def cpu_of(stack: Stack) -> tuple[float, float, float]:
    return stack.referrals.cpu_seconds(), stack.cases.cpu_seconds(), stack.evidence.cpu_seconds()


async def timed_transfer(clients: Clients, case: str, items: int) -> float:
    """Seconds of one TransferCase with the head's approval; the answer must be sent with every item handed over."""
    started = time.perf_counter()
    sent = (await clients.transfers.TransferCase(transfer_request(case), metadata=clients.county)).transfer
    elapsed = time.perf_counter() - started
    assert sent.state == transfer_pb2.TRANSFER_STATE_SENT, sent.state
    assert len(sent.evidence) == items and all(i.grant_id and i.hold_placed for i in sent.evidence), sent.evidence
    return elapsed


async def timed_direct(clients: Clients, fresh: Sequence[str], purpose: str, grant_days: int) -> float:
    """Seconds of what the transfer's hand-over asks of the evidence service, called by the county itself: for each
    item in turn a grant to the police and a legal hold."""
    expire_time = timestamp_from_datetime(SYSTEM_CLOCK.now() + timedelta(days=grant_days))
    started = time.perf_counter()
    for name in fresh:
        grant = evidence_pb.GrantEvidenceAccessRequest(
            name=name, grantee_agency_id=POLICE, purpose=purpose, expire_time=expire_time
        )
        await clients.evidence.GrantEvidenceAccess(grant, metadata=clients.county)
        held = await clients.evidence.PlaceLegalHold(
            evidence_pb.PlaceLegalHoldRequest(name=name, reason=purpose), metadata=clients.county
        )
        assert held.evidence.legal_hold
    return time.perf_counter() - started


@dataclass
class TransferRun:
    transfers: list[float] = field(default_factory=list)
    direct: list[float] = field(default_factory=list)
    transfer_cpu: Cpu = field(default_factory=Cpu)
    direct_cpu: Cpu = field(default_factory=Cpu)


async def transfer_figures(stack: Stack, clients: Clients, options: Options) -> TransferRun:
    """One untimed case and direct set first; then each case's transfer and its fresh items' direct calls, the
    order alternating from case to case so both sides see the same load."""
    grant_days = ReferralsSettings().grant_days
    warm = await prepared(clients, options.items)
    await timed_transfer(clients, warm.case, options.items)
    await timed_direct(clients, warm.fresh, "bench warm-up", grant_days)
    cases = []
    for _ in range(options.transfers):
        cases.append(await prepared(clients, options.items))
    run = TransferRun()
    for index, case in enumerate(cases):
        for side in ("transfer", "direct") if index % 2 == 0 else ("direct", "transfer"):
            before = cpu_of(stack)
            if side == "transfer":
                run.transfers.append(await timed_transfer(clients, case.case, options.items))
                run.transfer_cpu.add(stack, before)
            else:
                run.direct.append(await timed_direct(clients, case.fresh, f"bench direct {index}", grant_days))
                run.direct_cpu.add(stack, before)
    return run


# ---------------------------------------------------------------------------------------------------------------
# Webhook deliveries against a raw Celery group


async def set_webhooks(clients: Clients, tokens: AgencyTokens, base: str) -> dict[str, str]:
    """The police's and the procuratorate's webhooks through the API; their secrets."""
    secrets = {}
    for agency in WEBHOOK_PARTIES:
        request = webhook_service_pb2.SetWebhookRequest(url=f"{base}/{agency}")
        secrets[agency] = (await clients.webhooks.SetWebhook(request, metadata=tokens.metadata(agency))).webhook.secret
    return secrets


@contextmanager
def platform_worker(
    env: Mapping[str, str], queue: str, log: Path, *, imports: Sequence[str] = ("bench.celery_noop",)
) -> Iterator[subprocess.Popen[bytes]]:
    """The platform's worker as `make run` starts it (`celery -A ecolink_cli.worker_app worker --pool=solo`), on
    `queue`, with the bench task modules `imports` (bench.celery_noop unless told) imported beside the platform's task
    modules; stopped with SIGTERM."""
    command = [sys.executable, "-m", "celery", "-A", "ecolink_cli.worker_app", "worker", "--pool=solo", "-Q", queue]
    command += ["-I", ",".join(imports), "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "info"]
    with log.open("ab") as sink:
        process = subprocess.Popen(command, env={**os.environ, **env}, cwd=REPO_ROOT, stdout=sink, stderr=sink)
    failed = True
    try:
        yield process
        failed = False
    finally:
        process.terminate()
        exit_code = process.wait(timeout=WORKER_STOP_SECONDS)
        if failed or exit_code != 0:
            print(f"worker exited with {exit_code}", file=sys.stderr)
            print_end_of(log)


@dataclass
class WebhookRun:
    deliveries_per_second: list[float] = field(default_factory=list)
    noops_per_second: list[float] = field(default_factory=list)
    delivery_runs: list[int] = field(default_factory=list)
    delivery_cpu_ms: list[float] = field(default_factory=list)
    noop_cpu_ms: list[float] = field(default_factory=list)
    warm_up: int = 0


class Deliveries:
    """The referrals database's outbox and the worker, driven from the benchmark's side."""

    def __init__(self, client: Celery, queue: str, referrals_url: str):
        self.client, self.queue = client, queue
        self.engine = create_engine(referrals_url)
        self.sessions = create_session_factory(self.engine)

    def run(self, task: str, **kwargs: object) -> dict[str, int]:
        result = self.client.send_task(task, kwargs=kwargs, queue=self.queue).get(timeout=RESULT_SECONDS)
        return dict(result)

    async def transfer_events(self) -> list[StoredEvent]:
        async with UnitOfWork(self.sessions) as uow:
            return [stored for stored in await uow.outbox.all_events() if "/bench/" not in stored.event.event_id]

    async def add_copies(self, templates: Sequence[StoredEvent], count: int, label: str) -> None:
        """`count` new events, each a copy of a real transfer event under a new id, through the platform's outbox."""
        async with UnitOfWork(self.sessions) as uow:
            now = uow.clock.now()
            for index in range(count):
                event = templates[index % len(templates)].event
                copy = OutboxEvent(f"{event.event_id}/bench/{label}/{index}", event.topic, event.payload, now)
                await uow.outbox.add(copy, at=now)
            await uow.commit()

    def relay(self, events: int) -> None:
        relayed = self.run(RELAY_OUTBOX, service="referrals")
        assert relayed["published"] == events, relayed

    def deliver_all(self, expected: int) -> tuple[float, int]:
        """Seconds of deliver_webhooks runs, one after the other, until `expected` deliveries are accepted."""
        accepted = sent = runs = 0
        started = time.perf_counter()
        while accepted < expected:
            outcome = self.run(DELIVER_WEBHOOKS)
            runs += 1
            sent, accepted = sent + outcome["sent"], accepted + outcome["accepted"]
            assert outcome["sent"], f"nothing due with {accepted} of {expected} accepted"
        elapsed = time.perf_counter() - started
        assert (sent, accepted) == (expected, expected), (sent, accepted, expected)
        return elapsed, runs

    def noop_group(self, count: int) -> float:
        """Seconds from sending a group of `count` no-op tasks to having every result."""
        started = time.perf_counter()
        result = group([self.client.signature(NOOP) for _ in range(count)], app=self.client).apply_async(
            queue=self.queue
        )
        result.get(timeout=RESULT_SECONDS)
        return time.perf_counter() - started


async def webhook_figures(platform: PlatformSettings, referrals_url: str, options: Options) -> WebhookRun:
    """The transfers' own events relayed and delivered first (untimed, with a no-op group); then each round K new
    deliveries queued through the outbox and the relay (untimed), timed through deliver_webhooks, and a group of K
    no-op tasks timed, the order alternating from round to round."""
    queue = f"bench-referrals-{uuid.uuid4().hex[:8]}"
    env = {
        "ECOLINK_VAR_DIR": str(platform.var_dir),
        "ECOLINK_CELERY_BROKER_URL": BROKER_URL,
        "ECOLINK_CELERY_RESULT_BACKEND": RESULT_BACKEND,
        "REFERRALS_DATABASE_URL": referrals_url,
        "ECOLINK_OUTBOX_WAKE": "false",  # the bench sends the relay and the sender itself, and times the sender
    }
    client_platform = platform_settings_for_tests(
        platform.var_dir, celery_broker_url=BROKER_URL, celery_result_backend=RESULT_BACKEND
    )
    client = make_celery("bench-referrals", client_platform, include=[])
    deliveries = Deliveries(client, queue, referrals_url)
    run = WebhookRun()
    events_per_round = options.deliveries // len(WEBHOOK_PARTIES)
    try:
        templates = await deliveries.transfer_events()
        with platform_worker(env, queue, platform.var_dir / "worker.log") as process:
            worker = Server("", process.pid)
            run.warm_up = len(templates) * len(WEBHOOK_PARTIES)
            await asyncio.to_thread(deliveries.relay, len(templates))
            await asyncio.to_thread(deliveries.deliver_all, run.warm_up)
            await asyncio.to_thread(deliveries.noop_group, 100)
            for index in range(options.rounds):
                await deliveries.add_copies(templates, events_per_round, f"r{index}")
                await asyncio.to_thread(deliveries.relay, events_per_round)
                for side in ("deliveries", "noops") if index % 2 == 0 else ("noops", "deliveries"):
                    cpu_before = worker.cpu_seconds()
                    if side == "deliveries":
                        seconds, runs = await asyncio.to_thread(deliveries.deliver_all, options.deliveries)
                        run.deliveries_per_second.append(options.deliveries / seconds)
                        run.delivery_runs.append(runs)
                        run.delivery_cpu_ms.append((worker.cpu_seconds() - cpu_before) * 1000 / options.deliveries)
                    else:
                        seconds = await asyncio.to_thread(deliveries.noop_group, options.deliveries)
                        run.noops_per_second.append(options.deliveries / seconds)
                        run.noop_cpu_ms.append((worker.cpu_seconds() - cpu_before) * 1000 / options.deliveries)
    finally:
        await deliveries.engine.dispose()
    return run


def check_received(receiver: Receiver, secrets: Mapping[str, str], expected: int) -> None:
    """Every accepted delivery once per party and idempotency key, its HMAC valid with the party's secret."""
    keys = [(path, headers[IDEMPOTENCY_HEADER]) for path, headers, _ in receiver.accepted]
    assert len(keys) == expected == len(set(keys)), (len(keys), expected, len(set(keys)))
    for path, headers, body in receiver.accepted:
        agency = path.strip("/")
        assert signature_valid(secrets[agency], headers[TIMESTAMP_HEADER], body, headers[SIGNATURE_HEADER]), path
        assert json.loads(body)["payload"]["police"] == POLICE


# ---------------------------------------------------------------------------------------------------------------


def milliseconds(seconds: float) -> float:
    return seconds * 1000


async def main(argv: Sequence[str]) -> None:
    options = parse_options(argv)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # moto's server logs every request
    admin = make_url(admin_url())
    backend = "postgres" if port_open(admin.host or "127.0.0.1", admin.port or 5432) else "sqlite"
    load_before, started = os.getloadavg(), time.perf_counter()
    webhooks: WebhookRun | None = None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        platform = platform_settings_for_tests(folder / "var")
        tokens = AgencyTokens(platform)
        async with database(backend, folder, "referrals") as referrals_url:
            with webhook_receiver(down=False) as (receiver, base):
                with running_s3_server() as s3:
                    async with (
                        running_stack(platform, backend, folder, s3, referrals_url) as stack,
                        clients(stack, tokens) as connected,
                    ):
                        transfers = await transfer_figures(stack, connected, options)
                        secrets = await set_webhooks(connected, tokens, base)
                if port_open(REDIS_HOST, REDIS_PORT):
                    webhooks = await webhook_figures(platform, referrals_url, options)
                    check_received(receiver, secrets, webhooks.warm_up + options.rounds * options.deliveries)
    figures = transfer_report(transfers, options)
    if webhooks is not None:
        figures.extend(webhook_report(webhooks, options))
    else:
        print(f"bench/referrals: webhook figure skipped, no Redis at {REDIS_HOST}:{REDIS_PORT}")
    report(
        "referrals",
        figures,
        notes=notes(options, backend, transfers, webhooks, load_before, time.perf_counter() - started),
    )


def transfer_report(run: TransferRun, options: Options) -> list[Figure]:
    reference = f"{options.items} GrantEvidenceAccess + {options.items} PlaceLegalHold direct on evidence, same run"
    n = options.transfers
    cpu_per = 1000 / n
    return [
        Figure(
            f"TransferCase with approval, {options.items} items, p50 (n={n})",
            milliseconds(statistics.median(run.transfers)),
            "ms",
            f"{reference}, p50",
            milliseconds(statistics.median(run.direct)),
            "≤ 1.5× (issue 13)",
        ),
        Figure(
            f"TransferCase with approval, {options.items} items, p95 (n={n})",
            milliseconds(percentile(run.transfers, 0.95)),
            "ms",
            f"{reference}, p95",
            milliseconds(percentile(run.direct, 0.95)),
            "≤ 1.5× (issue 13)",
        ),
        Figure(
            "server CPU per transfer (referrals + cases + evidence)",
            run.transfer_cpu.total * cpu_per,
            "ms",
            "server CPU per direct set (evidence)",
            run.direct_cpu.total * cpu_per,
            "context (where the ratio comes from)",
        ),
    ]


def webhook_report(run: WebhookRun, options: Options) -> list[Figure]:
    return [
        Figure(
            f"webhook deliveries/s, deliver_webhooks on one worker, Redis broker, {options.deliveries} a round",
            statistics.median(run.deliveries_per_second),
            "/s",
            f"Celery group of {options.deliveries} no-op tasks, same broker and worker",
            statistics.median(run.noops_per_second),
            "≥ 0.5× (issue 13)",
        ),
        Figure(
            "worker CPU per webhook delivery",
            statistics.median(run.delivery_cpu_ms) * 1000,
            "µs",
            "worker CPU per no-op task",
            statistics.median(run.noop_cpu_ms) * 1000,
            "context (where the ratio comes from)",
        ),
    ]


def notes(
    options: Options,
    backend: str,
    transfers: TransferRun,
    webhooks: WebhookRun | None,
    load_before: tuple[float, float, float],
    seconds: float,
) -> str:
    database = "PostgreSQL" if backend == "postgres" else "SQLite (no PostgreSQL answered)"
    webhook_text = (
        webhook_notes(options, database, webhooks)
        if webhooks is not None
        else f"Webhooks: skipped, no Redis at {REDIS_HOST}:{REDIS_PORT}."
    )
    return (
        f"{transfer_notes(options, database, transfers)} {webhook_text} Client, services, worker, PostgreSQL and "
        f"Redis share the machine's {os.cpu_count()} cores, other work running beside; load average (1, 5, 15 min) "
        f"before {load_text(load_before)}, after {load_text(os.getloadavg())}; the run took {seconds:,.0f} s "
        f"(`python -m bench.referrals --transfers {options.transfers} --items {options.items} --deliveries "
        f"{options.deliveries} --rounds {options.rounds}`)."
    )


def transfer_notes(options: Options, database: str, run: TransferRun) -> str:
    n, per = options.transfers, 1000 / options.transfers

    def cpu_text(cpu: Cpu) -> str:
        return f"referrals {cpu.referrals * per:,.0f}, cases {cpu.cases * per:,.0f}, evidence {cpu.evidence * per:,.0f}"

    return (
        f"Every service is `python -m ecolink_<name>` on a new {database} database of its own, insecure loopback, "
        "default settings: alerts (demo registry), evidence on moto's S3 server (in the bench process, object lock "
        "on), cases reading units from alerts and items from evidence, referrals reading dossiers from cases and "
        f"handing evidence over at evidence. Transfers: {n} Lingbi county cases, each registered, investigated and "
        f"citing {options.items} items of 4 KB in one RecordInvestigation (as services/referrals/tests/conftest.py; "
        "untimed), then one TransferCase each with the head's approval in the same call "
        "(ecolink_referrals.testing.transfer_request): the report, GetCaseDossier as the county, a grant to "
        f"{POLICE} and a legal hold per item through the evidence service one after the other, the signed "
        f"manifest; each answer checked SENT with every item granted and held. The reference: {options.items} "
        f"fresh items of the same case, uploaded beside the cited ones, each given GrantEvidenceAccess to {POLICE} "
        "and PlaceLegalHold by the county straight on the evidence service, in the order the transfer calls them; "
        "transfer and direct set alternate case by case, after one untimed case of each; p95 by nearest rank over "
        f"{n} samples (the largest when fewer than 20). Server CPU a transfer (ms): {cpu_text(run.transfer_cpu)}; "
        f"a direct set: {cpu_text(run.direct_cpu)} (user + system, /proc/<pid>/stat)."
    )


def webhook_notes(options: Options, database: str, run: WebhookRun) -> str:
    rounds = "; ".join(
        f"{d:,.0f} / {o:,.0f} ({r} runs)"
        for d, o, r in zip(run.deliveries_per_second, run.noops_per_second, run.delivery_runs, strict=True)
    )
    return (
        "Webhooks: one `celery -A ecolink_cli.worker_app worker --pool=solo -l info` (as `make run` starts it) on "
        f"Redis ({BROKER_URL}, results {RESULT_BACKEND}), the referrals database on {database}; the police and the "
        "procuratorate set webhooks through WebhookService to a ThreadingHTTPServer in the bench process answering "
        "204; the transfers' own events are relayed and delivered first (untimed). Each round queues "
        f"{options.deliveries // len(WEBHOOK_PARTIES)} new events, copies of the transfers' events under new ids "
        f"through the platform outbox, relayed by ecolink.platform.relay_outbox into {options.deliveries} "
        "deliveries (untimed); then ecolink.referrals.deliver_webhooks runs one after the other (default batch "
        f"{ReferralsSettings().webhook_batch}) until all are accepted, against a Celery group of "
        f"{options.deliveries} no-op tasks (bench.celery_noop, the platform tasks' options, results kept) on the "
        "same worker and queue, timed from apply_async to the last result; the order alternates by round; every "
        "delivery was received once per idempotency key with a valid HMAC (checked). Median of "
        f"{options.rounds} rounds (deliveries/s / no-ops/s: {rounds}). Worker CPU: "
        f"{statistics.median(run.delivery_cpu_ms):.2f} ms a delivery, {statistics.median(run.noop_cpu_ms):.2f} ms "
        "a no-op task."
    )


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
