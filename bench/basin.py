"""bench/basin: ReportIncident to a basin of 20 members on Redis, the time until every downstream member's and the
desk's webhook (a local receiver) holds the incident, p50/p95 over incidents one after the other, against a raw
Celery group of 20 tasks on the same worker and broker, each making the same HTTP POST to the same receiver, in the
same run (issue 14)."""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import grpc
import redis
from celery import Celery, group
from google.protobuf.timestamp_pb2 import Timestamp
from sqlalchemy.engine import make_url

from bench.cases import AgencyTokens, Server, fresh_database, load_text, service_process
from bench.celery_http import HTTP_POST
from bench.referrals import REDIS_HOST, REDIS_PORT, RESULT_SECONDS, percentile, platform_worker
from bench.report import Figure, report
from ecolink.referrals.v1 import basin_service_pb2 as basin_pb
from ecolink.referrals.v1 import basin_service_pb2_grpc, webhook_service_pb2, webhook_service_pb2_grpc
from ecolink_common.celery_app import RELAY_OUTBOX, make_celery
from ecolink_common.testing.databases import admin_url, port_open
from ecolink_common.testing.platform import platform_settings_for_tests
from ecolink_referrals.domain.basin_agreements import read_basin_agreements
from ecolink_referrals.service import SPEC as REFERRALS
from ecolink_referrals.settings import ReferralsSettings
from ecolink_referrals.testing import Receiver, webhook_receiver
from ecolink_referrals.worker.tasks import DELIVER_WEBHOOKS

MEMBERS = 20
WARM_UP = 2
INCIDENTS = 20
BASINS = 10  # the burst's basins, each of the same 20 bureaus in another river order with a desk of its own
BURST = 200  # incidents at once across the BASINS basins
BURST_SECONDS = 120.0
IDLE_SECONDS = 10.0  # a burst stops waiting when no POST arrived for this long (beat, which would sweep, is not run)
AGREEMENT = "bench"
DESK = "basin-bench"
BROKER_DB, RESULT_DB = 7, 8  # Redis databases of this bench alone, flushed at start
BROKER_URL = f"redis://{REDIS_HOST}:{REDIS_PORT}/{BROKER_DB}"
RESULT_BACKEND = f"redis://{REDIS_HOST}:{REDIS_PORT}/{RESULT_DB}"
QUEUE = "celery"  # the default queue: where the service's wake sends the relay, and the relay deliver_webhooks
POLL_SECONDS = 0.002
ARRIVAL_SECONDS = 60.0


def member_ids() -> list[str]:
    """20 synthetic city bureaus in river order, on region codes 361000…362900 the demo directory does not use."""
    return [f"eeb-{3610 + index:04d}00" for index in range(MEMBERS)]


@dataclass(frozen=True)
class Basin:
    """One bench agreement: the 20 bureaus rotated by `2 * index` places, and its desk."""

    agreement_id: str
    desk: str
    members: tuple[str, ...]

    @property
    def recipients(self) -> set[str]:
        """Who an incident of the first member reaches: the 19 members below it and the desk."""
        return {*self.members[1:], self.desk}


def basins() -> list[Basin]:
    """`bench` (the 20 bureaus in order, desk basin-bench) first, then bench-1…bench-9."""
    ids = member_ids()
    return [
        Basin(
            AGREEMENT if index == 0 else f"{AGREEMENT}-{index}",
            DESK if index == 0 else f"{DESK}-{index}",
            tuple(ids[2 * index :] + ids[: 2 * index]),
        )
        for index in range(BASINS)
    ]


def downstream_recipients() -> set[str]:
    return basins()[0].recipients


def write_directory(demo: Path, target: Path) -> Path:
    """The demo directory plus the bench basin's bureaus and desk."""
    directory = json.loads(demo.read_text())
    used = {agency["region_code"] for agency in directory["agencies"]}
    for index, agency_id in enumerate(member_ids(), start=1):
        region = agency_id.removeprefix("eeb-")
        assert region not in used, region
        directory["agencies"].append(
            {
                "agency_id": agency_id,
                "display_name": f"基准{index}市生态环境局",
                "english_name": f"Bench City {index} Ecological Environment Bureau",
                "kind": "eco-bureau",
                "level": "city",
                "region_code": region,
                "basin_ids": [basin.agreement_id for basin in basins()],
                "document_prefix": f"基{index}环",
            }
        )
    for index, basin in enumerate(basins()):
        directory["agencies"].append(
            {
                "agency_id": basin.desk,
                "display_name": f"基准流域{index}联防联控办公室",
                "english_name": f"Bench Basin {index} Joint Prevention and Control Desk",
                "kind": "basin-desk",
                "level": "city",
                "region_code": basin.members[0].removeprefix("eeb-"),
                "basin_ids": [basin.agreement_id],
            }
        )
    directory["version"] = f"{directory['version']}+bench-basin"
    target.write_text(json.dumps(directory, ensure_ascii=False, indent=1))
    return target


def write_agreements(target: Path) -> Path:
    """The BASINS agreements, members upstream first, each with its desk; checked by the service's own reader."""
    text = 'version = "basin-agreements-bench"\n'
    for basin in basins():
        text += (
            f'\n[[agreements]]\nagreement_id = "{basin.agreement_id}"\nbasin_id = "{basin.agreement_id}"\n'
            f'name = "基准流域 bench basin {basin.agreement_id}"\nkind = "basin"\ndesk_agency_id = "{basin.desk}"\n'
            f"members = {json.dumps(list(basin.members))}\n"
        )
    target.write_text(text)
    read = read_basin_agreements(target)
    for basin in basins():
        agreement = read.get(basin.agreement_id)
        assert agreement is not None and {*agreement.downstream_of(basin.members[0]), basin.desk} == basin.recipients
    return target


def flush_redis() -> None:
    for db in (BROKER_DB, RESULT_DB):
        redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=db).flushdb()


def spill(index: int, agreement: str = AGREEMENT) -> basin_pb.ReportIncidentRequest:
    occurred = Timestamp()
    occurred.FromDatetime(datetime.now(UTC) - timedelta(minutes=20))
    incident = basin_pb.Incident(
        location=f"基准河 bench river, km {index}",
        pollutant="硫酸 sulphuric acid",
        estimated_quantity="约20吨 about 20 t",
        occur_time=occurred,
        description=f"槽罐车侧翻泄漏 a tanker overturned (bench incident {index})",
    )
    return basin_pb.ReportIncidentRequest(agreement=f"basins/{agreement}", incident=incident)


async def received(receiver: Receiver, before: int, count: int) -> list[tuple[str, dict[str, str], bytes]]:
    """Polls every POLL_SECONDS until the receiver holds `count` POSTs past the first `before`; those POSTs."""
    deadline = time.perf_counter() + ARRIVAL_SECONDS
    while len(receiver.accepted) - before < count:
        assert time.perf_counter() < deadline, f"{len(receiver.accepted) - before} of {count} POSTs arrived"
        await asyncio.sleep(POLL_SECONDS)
    return receiver.accepted[before:]


Post = tuple[str, dict[str, str], bytes]


async def arrivals(receiver: Receiver, before: int, count: int, key: Callable[[Post], str]) -> dict[str, list[float]]:
    """Polls every POLL_SECONDS until the receiver holds `count` POSTs past the first `before`, BURST_SECONDS passed
    or none came for IDLE_SECONDS; when each arrived (to the poll), by `key`."""
    seen, deadline = before, time.perf_counter() + BURST_SECONDS
    times: dict[str, list[float]] = {}
    last = time.perf_counter()
    while seen - before < count and time.perf_counter() < min(deadline, last + IDLE_SECONDS):
        current = len(receiver.accepted)
        now = time.perf_counter()
        for post in receiver.accepted[seen:current]:
            times.setdefault(key(post), []).append(now)
        if current > seen:
            seen, last = current, now
        await asyncio.sleep(POLL_SECONDS)
    return times


def incident_of(post: Post) -> str:
    return str(json.loads(post[2])["payload"]["incident"])


def group_of(post: Post) -> str:
    return post[0].split("/")[2]  # /raw/<group>/<i>


@dataclass(frozen=True)
class Burst:
    """BURST incidents (or groups) sent at once: each one's seconds from the start to its 20th POST, the POSTs that
    arrived, and the seconds until the last."""

    latencies: list[float]
    posts: int
    expected: int
    seconds: float
    runs: dict[str, int] = field(default_factory=dict)  # worker task runs by name, from its log

    @staticmethod
    def of(times: dict[str, list[float]], started: float, expected: int, each: int) -> Burst:
        complete = [max(arrived) - started for arrived in times.values() if len(arrived) == each]
        posts = sum(len(arrived) for arrived in times.values())
        last = max((max(arrived) for arrived in times.values()), default=started)
        return Burst(complete, posts, expected, last - started)


@dataclass
class Run:
    service: list[float] = field(default_factory=list)
    raw: list[float] = field(default_factory=list)
    body_bytes: int = 0
    worker_cpu_service: float = 0.0
    worker_cpu_raw: float = 0.0
    service_cpu: float = 0.0
    burst: Burst | None = None
    raw_burst: Burst | None = None


def task_runs(log: Path, offset: int) -> dict[str, int]:
    """Successful runs of the relay and of deliver_webhooks in the worker's log (celery -l info) after `offset`
    bytes."""
    with log.open("rb") as text:
        text.seek(offset)
        lines = text.read().decode(errors="replace").splitlines()
    return {
        task: sum(f"Task {task}[" in line and " succeeded in " in line for line in lines)
        for task in (RELAY_OUTBOX, DELIVER_WEBHOOKS)
    }


class Bench:
    """The reporter's stub, the receiver and the Celery client of one run."""

    def __init__(self, stub: basin_service_pb2_grpc.BasinServiceStub, tokens: AgencyTokens, receiver: Receiver):
        self.stub, self.receiver = stub, receiver
        self.reporter = tokens.metadata(member_ids()[0])
        self.body = ""
        self.count = 0

    async def incident(self) -> float:
        """Seconds from just before ReportIncident until all 20 POSTs of the incident arrived; each is checked to
        be this incident's "reported" event, once per recipient."""
        self.count += 1
        before = len(self.receiver.accepted)
        started = time.perf_counter()
        name = (await self.stub.ReportIncident(spill(self.count), metadata=self.reporter)).incident.name
        posts = await received(self.receiver, before, len(downstream_recipients()))
        elapsed = time.perf_counter() - started
        paths = [path.strip("/") for path, _, _ in posts]
        assert sorted(paths) == sorted(downstream_recipients()), paths
        for _, _, body in posts:
            payload = json.loads(body)["payload"]
            assert (payload["incident"], payload["event"]) == (name, "reported"), payload
        self.body = posts[-1][2].decode()
        return elapsed

    async def raw_group(self, client: Celery, base: str) -> float:
        """Seconds from sending a group of 20 bench.http_post tasks (a delivery's body each, to /raw/<i>) until the
        receiver holds all 20 POSTs; the group's results are then checked (untimed)."""
        count = len(downstream_recipients())
        signatures = [client.signature(HTTP_POST, args=(f"{base}/raw/{i}", self.body)) for i in range(count)]
        before = len(self.receiver.accepted)
        started = time.perf_counter()
        result = group(signatures, app=client).apply_async(queue=QUEUE)
        posts = await received(self.receiver, before, count)
        elapsed = time.perf_counter() - started
        assert sorted(path for path, _, _ in posts) == sorted(f"/raw/{i}" for i in range(count))
        # In this thread: the result consumer subscribed in it when the group was sent.
        assert result.get(timeout=RESULT_SECONDS) == [204] * count
        return elapsed

    async def burst(self, stubs: dict[str, basin_service_pb2_grpc.BasinServiceStub], tokens: AgencyTokens) -> Burst:
        """BURST incidents at once, one basin after the other round robin, each reported by its basin's first member
        over a channel of its own; each incident's POSTs checked to go to its basin's recipients once each."""
        count = len(downstream_recipients())
        chosen = [basins()[index % BASINS] for index in range(BURST)]
        requests = [(spill(1000 + index, basin.agreement_id), basin) for index, basin in enumerate(chosen)]
        before = len(self.receiver.accepted)
        started = time.perf_counter()
        tracker = asyncio.create_task(arrivals(self.receiver, before, BURST * count, incident_of))
        answers = await asyncio.gather(
            *(
                stubs[basin.agreement_id].ReportIncident(request, metadata=tokens.metadata(basin.members[0]))
                for request, basin in requests
            )
        )
        times = await tracker
        by_name = {answer.incident.name: basin for answer, (_, basin) in zip(answers, requests, strict=True)}
        paths: dict[str, list[str]] = {}
        for post in self.receiver.accepted[before:]:
            paths.setdefault(incident_of(post), []).append(post[0].strip("/"))
        assert set(paths) <= set(by_name), set(paths) - set(by_name)
        for name, reached in paths.items():
            assert len(reached) == len(set(reached)) and set(reached) <= by_name[name].recipients, (name, reached)
        return Burst.of(times, started, BURST * count, count)

    async def raw_burst(self, client: Celery, base: str) -> Burst:
        """BURST groups of 20 bench.http_post tasks sent one after the other at once (to /raw/<group>/<i>)."""
        count = len(downstream_recipients())
        before = len(self.receiver.accepted)
        started = time.perf_counter()
        tracker = asyncio.create_task(arrivals(self.receiver, before, BURST * count, group_of))
        results = [
            group(
                [client.signature(HTTP_POST, args=(f"{base}/raw/g{g}/{i}", self.body)) for i in range(count)],
                app=client,
            ).apply_async(queue=QUEUE)
            for g in range(BURST)
        ]
        times = await tracker
        for result in results:
            assert result.get(timeout=RESULT_SECONDS) == [204] * count
        return Burst.of(times, started, BURST * count, count)


async def set_webhooks(channel: grpc.aio.Channel, tokens: AgencyTokens, base: str) -> None:
    """Every member's and the desk's webhook, each with its own token, to `{base}/{agency_id}`."""
    stub = webhook_service_pb2_grpc.WebhookServiceStub(channel)
    for agency in [*member_ids(), *(basin.desk for basin in basins())]:
        request = webhook_service_pb2.SetWebhookRequest(url=f"{base}/{agency}")
        await stub.SetWebhook(request, metadata=tokens.metadata(agency))


async def measure(folder: Path, *, burst: bool) -> Run:
    var_dir = folder / "var"
    demo = platform_settings_for_tests(var_dir).directory_file
    directory = write_directory(demo, folder / "bench-directory.json")
    agreements = write_agreements(folder / "bench-agreements.toml")
    celery_env = {"ECOLINK_CELERY_BROKER_URL": BROKER_URL, "ECOLINK_CELERY_RESULT_BACKEND": RESULT_BACKEND}
    os.environ.update({**celery_env, "ECOLINK_DIRECTORY_FILE": str(directory)})  # service_process copies os.environ
    platform = platform_settings_for_tests(
        var_dir, directory_file=directory, celery_broker_url=BROKER_URL, celery_result_backend=RESULT_BACKEND
    )
    tokens = AgencyTokens(platform)
    client = make_celery("bench-basin", platform, include=[])
    flush_redis()
    run, log = Run(), var_dir / "worker.log"
    async with fresh_database("bench_basin") as database_url:
        worker_env = {
            **celery_env,
            "ECOLINK_VAR_DIR": str(var_dir),
            "ECOLINK_DIRECTORY_FILE": str(directory),
            "REFERRALS_DATABASE_URL": database_url,
            "REFERRALS_BASIN_AGREEMENTS_FILE": str(agreements),
        }
        with (
            webhook_receiver(down=False) as (receiver, base),
            platform_worker(worker_env, QUEUE, log, imports=["bench.celery_http"]) as process,
        ):
            worker = Server("", process.pid)
            async with (
                service_process(REFERRALS, platform, database_url, basin_agreements_file=str(agreements)) as server,
                grpc.aio.insecure_channel(server.target) as channel,
            ):
                await set_webhooks(channel, tokens, base)
                bench = Bench(basin_service_pb2_grpc.BasinServiceStub(channel), tokens, receiver)
                for _ in range(WARM_UP):
                    await bench.incident()
                    await bench.raw_group(client, base)
                run.body_bytes = len(bench.body.encode())
                for index in range(INCIDENTS):
                    for side in ("service", "raw") if index % 2 == 0 else ("raw", "service"):
                        cpu_before, service_before = worker.cpu_seconds(), server.cpu_seconds()
                        if side == "service":
                            run.service.append(await bench.incident())
                            run.worker_cpu_service += worker.cpu_seconds() - cpu_before
                            run.service_cpu += server.cpu_seconds() - service_before
                        else:
                            run.raw.append(await bench.raw_group(client, base))
                            run.worker_cpu_raw += worker.cpu_seconds() - cpu_before
                if burst:
                    run.raw_burst = await bench.raw_burst(client, base)
                    offset = log.stat().st_size
                    service_burst = await burst_incidents(bench, server.target, tokens)
                    await asyncio.sleep(1)  # the worker logs a run's success after its last POST
                    run.burst = replace(service_burst, runs=task_runs(log, offset))
    return run


async def burst_incidents(bench: Bench, target: str, tokens: AgencyTokens) -> Burst:
    """The burst over one channel per basin."""
    channels = {basin.agreement_id: grpc.aio.insecure_channel(target) for basin in basins()}
    try:
        stubs = {agreement: basin_service_pb2_grpc.BasinServiceStub(c) for agreement, c in channels.items()}
        return await bench.burst(stubs, tokens)
    finally:
        for channel in channels.values():
            await channel.close(None)


def milliseconds(seconds: float) -> float:
    return seconds * 1000


def figures(run: Run) -> list[Figure]:
    n, count = len(run.service), len(downstream_recipients())
    reference = f"Celery group of {count} tasks each POSTing the same body, same worker, broker and receiver"
    name = f"ReportIncident to all {count} webhooks (19 downstream + desk), basin of {MEMBERS}"
    per = 1000 / n
    return [
        Figure(
            f"{name}, p50 (n={n})",
            milliseconds(statistics.median(run.service)),
            "ms",
            f"{reference}, p50",
            milliseconds(statistics.median(run.raw)),
            "context (the goal is on p95)",
        ),
        Figure(
            f"{name}, p95 (n={n})",
            milliseconds(percentile(run.service, 0.95)),
            "ms",
            f"{reference}, p95",
            milliseconds(percentile(run.raw, 0.95)),
            "≤ 1.5× (issue 14)",
        ),
        Figure(
            "worker CPU per incident (relay + deliver_webhooks)",
            run.worker_cpu_service * per,
            "ms",
            f"worker CPU per group of {count} HTTP POST tasks",
            run.worker_cpu_raw * per,
            "context (where the ratio comes from)",
        ),
    ]


def burst_figures(service: Burst, raw: Burst) -> list[Figure]:
    count = len(downstream_recipients())
    reference = f"{BURST} Celery groups of {count} HTTP POST tasks sent at once, same worker, broker and receiver"
    name = f"{BURST} ReportIncident at once across {BASINS} basins"
    goal = "context (issue 14, the burst)"
    if service.posts < service.expected or raw.posts < raw.expected:
        # Stalled: a time to the last POST that came would read as faster than the reference.
        return [
            Figure(
                f"{name}: POSTs that arrived of {service.expected} (no beat; waited until {IDLE_SECONDS:.0f} s idle)",
                service.posts,
                "POSTs",
                f"{reference}: POSTs that arrived of {raw.expected} (all in {raw.seconds:,.1f} s)",
                raw.posts,
                goal,
            )
        ]
    return [
        Figure(
            f"{name}: until all {service.expected} POSTs",
            milliseconds(service.seconds),
            "ms",
            f"{reference}: until all {raw.expected} POSTs",
            milliseconds(raw.seconds),
            goal,
        ),
        Figure(
            f"{name}: start to an incident's 20th POST, p95 (n={len(service.latencies)})",
            milliseconds(percentile(service.latencies, 0.95)),
            "ms",
            f"{reference}: start to a group's 20th POST, p95 (n={len(raw.latencies)})",
            milliseconds(percentile(raw.latencies, 0.95)),
            goal,
        ),
    ]


def burst_notes(service: Burst | None, raw: Burst | None) -> str:
    if service is None or raw is None:
        return f"Not measured (--no-burst): {BURST} incidents at once across {BASINS} basins."
    stalled = (
        ""
        if service.posts == service.expected
        else (
            f" Only {service.posts} of the {service.expected} incident POSTs arrived ({len(service.latencies)} "
            f"incidents complete, the last POST {milliseconds(service.seconds):,.0f} ms after the start; the wait "
            f"ends after {IDLE_SECONDS:.0f} s without a POST, and no time or per-incident p95 is given; the groups' "
            f"{raw.posts} POSTs all came in {raw.seconds:,.1f} s): each relay run that publishes deliveries "
            "sends one deliver_webhooks, which sends "
            f"at most REFERRALS_WEBHOOK_BATCH={ReferralsSettings().webhook_batch} deliveries, and nothing sends "
            "another until a later relay or beat's sweep (every REFERRALS_WEBHOOK_SWEEP_SECONDS, not run here)."
        )
    )
    return (
        f"Burst, after the sequential part: {BASINS} agreements bench, bench-1…bench-9, each of the same "
        f"{MEMBERS} bureaus in river order rotated by two places per basin with a desk of its own; first {BURST} "
        f"Celery groups of {len(downstream_recipients())} bench.http_post tasks sent one after the other "
        f"(to /raw/<group>/<i>), then {BURST} ReportIncident at once (asyncio.gather, one channel per basin, round "
        "robin over the basins, each by its basin's first member), each timed from the start of its burst to the "
        f"poll that saw its 20th POST. The worker ran the relay {service.runs.get(RELAY_OUTBOX, 0)} times and "
        f"deliver_webhooks {service.runs.get(DELIVER_WEBHOOKS, 0)} times for the incident burst (its log).{stalled}"
    )


def notes(run: Run, load_before: tuple[float, float, float], seconds: float) -> str:
    samples = "; ".join(
        f"{milliseconds(s):,.0f} / {milliseconds(r):,.0f}" for s, r in zip(run.service, run.raw, strict=True)
    )
    settings = ReferralsSettings()
    return (
        f"The referrals service is `python -m ecolink_referrals` on a new PostgreSQL database, insecure loopback, "
        f"the demo directory plus {MEMBERS} synthetic city eco-bureaus (eeb-361000…eeb-362900, basin `bench`) and "
        f"the desk {DESK}, and the basin agreement `bench` of the {MEMBERS} members in river order (TOML, "
        f"REFERRALS_BASIN_AGREEMENTS_FILE, beside the burst's {BASINS - 1} others); every member and every desk set "
        "a webhook through WebhookService to a "
        "ThreadingHTTPServer in the bench process answering 204. One `celery -A ecolink_cli.worker_app worker "
        f"--pool=solo -Q {QUEUE} -I bench.celery_http` (as `make run` starts it, on the default queue) on Redis "
        f"({BROKER_URL}, results {RESULT_BACKEND}, both flushed at start); beat does not run. The first member "
        "reports each incident: the commit wakes the relay (ecolink.platform.relay_outbox through the broker, "
        "outbox wake on), which queues one delivery per recipient and sends ecolink.referrals.deliver_webhooks, "
        f"which POSTs them {settings.webhook_concurrency} at a time (REFERRALS_WEBHOOK_CONCURRENCY default) with "
        f"their HMAC headers. Timed from just before ReportIncident until the receiver holds all "
        f"{len(downstream_recipients())} POSTs (polled every {POLL_SECONDS * 1000:.0f} ms), each checked to be "
        "that incident's `reported` event once per recipient. The reference: a Celery group of "
        f"{len(downstream_recipients())} bench.http_post tasks (urllib POST, the platform tasks' options, results "
        f"kept) with a delivery's body ({run.body_bytes} bytes) to /raw/<i> of the same receiver, on the same worker "
        "and queue, timed from group(...).apply_async() until the receiver holds all its POSTs (the group's "
        f"results checked afterwards, untimed). {WARM_UP} untimed incidents and groups first; then {INCIDENTS} of "
        "each, alternating which goes first; p95 by nearest rank. Each pair (service / raw, ms): "
        f"{samples}. Service process CPU per incident: {run.service_cpu * 1000 / len(run.service):,.1f} ms. Client, "
        f"service, worker, PostgreSQL and Redis share the machine's {os.cpu_count()} cores, other work running "
        f"beside; load average (1, 5, 15 min) before {load_text(load_before)}, after {load_text(os.getloadavg())}; "
        f"the run took {seconds:,.0f} s (`python -m bench.basin`). {burst_notes(run.burst, run.raw_burst)}"
    )


async def main(argv: Sequence[str]) -> None:
    admin = make_url(admin_url())
    if not port_open(admin.host or "127.0.0.1", admin.port or 5432):
        print(f"bench/basin skipped: no PostgreSQL at {admin.host}:{admin.port} (set ECOLINK_TEST_POSTGRES_URL)")
        return
    if not port_open(REDIS_HOST, REDIS_PORT):
        print(f"bench/basin skipped: no Redis at {REDIS_HOST}:{REDIS_PORT}")
        return
    load_before, started = os.getloadavg(), time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        run = await measure(Path(tmp), burst="--no-burst" not in argv)
    extra = burst_figures(run.burst, run.raw_burst) if run.burst and run.raw_burst else []
    report("basin", figures(run) + extra, notes=notes(run, load_before, time.perf_counter() - started))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
