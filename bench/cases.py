"""bench/cases: case transitions per second through gRPC on PostgreSQL against a bare grpc.aio server doing one
PostgreSQL insert per call, and 200 concurrent decisions of one agency (numbers per second, checked to be 1…200)."""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import asyncpg
import grpc
from sqlalchemy.engine import make_url

from bench.report import Figure, report
from ecolink.cases.v1 import case_pb2, case_service_pb2
from ecolink.cases.v1 import case_service_pb2_grpc as stubs
from ecolink_alerts.adapters.password_key import device_passwords
from ecolink_alerts.service import SPEC as ALERTS
from ecolink_alerts.service_layer.registry_loading import load_registry_file
from ecolink_alerts.settings import AlertsSettings
from ecolink_cases.service import SPEC as CASES
from ecolink_cases.testing import COUNTY, FINE_FEN, CaseWalk
from ecolink_common import operations
from ecolink_common.service_spec import ServiceSpec
from ecolink_common.settings import PlatformSettings
from ecolink_common.testing.databases import (
    admin_url,
    create_postgres_database,
    drop_postgres_database,
    free_port,
    port_open,
)
from ecolink_common.testing.platform import platform_settings_for_tests, token_for, wait_until_serving

CONCURRENCY = 16
CASES_PER_CALLER = 6
DECISIONS = 200
ROUNDS = 3
# Every state-changing RPC of one case, clue to closed, as CaseWalk drives it: CreateCase, ApproveCaseStep
# (RegisterCase), RegisterCase, StartInvestigation, RecordInvestigation, SubmitForLegalReview, NotifyIntendedPenalty,
# ApproveCaseStep (DecideCase), DecideCase, RecordService, RecordPayment, CloseCase.
RPCS_PER_CASE = 12
BARE_TABLE = "bare_call"


class AgencyTokens:
    """Each agency's call metadata signed once (a ServiceUnderTest signs per call; these services run elsewhere)."""

    def __init__(self, platform: PlatformSettings):
        self._platform = platform
        self._signed: dict[str, list[tuple[str, str]]] = {}

    def metadata(self, agency_id: str) -> list[tuple[str, str]]:
        if agency_id not in self._signed:
            token = token_for(self._platform, agency_id, ttl=timedelta(hours=1))
            self._signed[agency_id] = [("authorization", f"Bearer {token}")]
        return self._signed[agency_id]


async def clue_to_closed(walk: CaseWalk) -> None:
    """One county case through every step to closed: RPCS_PER_CASE state-changing calls, each with its etag."""
    await walk.to_decided()
    await walk.step("RecordService", method=case_pb2.SERVICE_METHOD_DIRECT)
    await walk.step("RecordPayment", amount_fen=FINE_FEN)
    await walk.step("CloseCase")


async def before_decision(walk: CaseWalk) -> None:
    """A county case up to the state before DecideCase: intended penalty notified, decision approved by the city."""
    await walk.to_legal_review()
    await walk.step("NotifyIntendedPenalty", intended_fine_fen=FINE_FEN)
    await walk.approve("DecideCase")


async def decide(walk: CaseWalk) -> case_pb2.Case:
    return await walk.step("DecideCase", outcome=case_pb2.DECISION_OUTCOME_PENALTY, fine_fen=FINE_FEN)


@dataclass(frozen=True)
class Server:
    """A gRPC server running in a process of its own."""

    target: str
    pid: int

    def cpu_seconds(self) -> float:
        """User and system CPU time the process has used so far (/proc/<pid>/stat, fields 14 and 15)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Transitions:
    """State-changing calls per second, and the server's CPU time per call, over the timed part."""

    per_second: float
    server_cpu_us: float


async def transitions_per_second(server: Server, tokens: AgencyTokens) -> Transitions:
    """CONCURRENCY callers, each driving CASES_PER_CALLER cases of its own from clue to closed one after the other,
    after one untimed case each; state-changing RPCs per second from the first call to the last answer."""
    calls = CONCURRENCY * CASES_PER_CALLER * RPCS_PER_CASE
    async with grpc.aio.insecure_channel(server.target) as channel:
        stub = stubs.CaseServiceStub(channel)

        async def caller(cases: int) -> None:
            for _ in range(cases):
                await clue_to_closed(CaseWalk(stub, tokens))

        await asyncio.gather(*(caller(1) for _ in range(CONCURRENCY)))
        started, cpu_before = time.perf_counter(), server.cpu_seconds()
        await asyncio.gather(*(caller(CASES_PER_CALLER) for _ in range(CONCURRENCY)))
        elapsed, cpu = time.perf_counter() - started, server.cpu_seconds() - cpu_before
    return Transitions(calls / elapsed, cpu / calls * 1_000_000)


async def prepared_walks(
    stub: stubs.CaseServiceStub, tokens: AgencyTokens, prepare: Callable[[CaseWalk], Awaitable[object]]
) -> list[CaseWalk]:
    """DECISIONS walks, each prepared by `prepare`, CONCURRENCY at a time (untimed)."""
    walks = [CaseWalk(stub, tokens) for _ in range(DECISIONS)]
    for start in range(0, DECISIONS, CONCURRENCY):
        await asyncio.gather(*(prepare(walk) for walk in walks[start : start + CONCURRENCY]))
    return walks


async def timed_decisions(walks: list[CaseWalk]) -> tuple[float, list[case_pb2.Case]]:
    """All the walks' DecideCase at once; decisions per second from the first call to the last answer."""
    started = time.perf_counter()
    decided = await asyncio.gather(*(decide(walk) for walk in walks))
    return len(walks) / (time.perf_counter() - started), decided


async def decision_numbers_per_second(target: str, tokens: AgencyTokens) -> float:
    """DECISIONS county cases prepared up to their decision, then DECISIONS concurrent DecideCase; the penalty
    decisions' numbers, read back with ListDocuments, must be exactly 1…DECISIONS, one per decided case."""
    async with grpc.aio.insecure_channel(target) as channel:
        stub = stubs.CaseServiceStub(channel)
        walks = await prepared_walks(stub, tokens, before_decision)
        rate, decided = await timed_decisions(walks)
        listed = await stub.ListDocuments(
            case_service_pb2.ListDocumentsRequest(kind=case_pb2.DOCUMENT_KIND_PENALTY_DECISION, page_size=500),
            metadata=tokens.metadata(COUNTY),
        )
    numbers = sorted(document.number for document in listed.documents)
    assert numbers == list(range(1, DECISIONS + 1)), f"decision numbers {numbers}"
    assert {d.case for d in listed.documents} == {case.name for case in decided}, "a decision of another case"
    answered = sorted(case.documents[-1].number for case in decided)
    assert answered == numbers, f"the answers name numbers {answered}"
    return rate


async def bare_decisions_per_second(target: str, tokens: AgencyTokens) -> float:
    """The same DECISIONS concurrent DecideCase calls against the bare server, each case created there first."""
    async with grpc.aio.insecure_channel(target) as channel:
        walks = await prepared_walks(stubs.CaseServiceStub(channel), tokens, CaseWalk.create)
        rate, _ = await timed_decisions(walks)
    return rate


def print_end_of(log: Path) -> None:
    print(log.read_text(errors="replace")[-4000:], file=sys.stderr)


@asynccontextmanager
async def serving(command: list[str], env: dict[str, str], port: int, log: Path) -> AsyncIterator[Server]:
    """Runs `command`, a gRPC server told to listen on `port`, until the block ends, from the moment it answers
    SERVING; prints the end of its log when the block fails."""
    with log.open("ab") as sink:
        process = subprocess.Popen(command, env=env, stdout=sink, stderr=sink)
    target, failed = f"127.0.0.1:{port}", True
    try:
        await wait_until_serving(target)
        yield Server(target, process.pid)
        failed = False
    finally:
        process.terminate()
        process.wait()
        if failed:
            print_end_of(log)


@asynccontextmanager
async def service_process(
    spec: ServiceSpec, platform: PlatformSettings, database_url: str, **settings: str
) -> AsyncIterator[Server]:
    """`python -m ecolink_<name>` (what `make run` starts) on a free port over a migrated database with the demo
    directory, its other settings as `<NAME>_…` variables."""
    await operations.migrate(spec, database_url)
    await operations.load_directory(spec, database_url, platform.directory_file)
    port, prefix = free_port(), spec.name.upper()
    env = {**os.environ, "ECOLINK_VAR_DIR": str(platform.var_dir)}
    env.update({f"{prefix}_{key.upper()}": value for key, value in settings.items()})
    env.update({f"{prefix}_DATABASE_URL": database_url, f"{prefix}_GRPC_PORT": str(port)})
    command = [sys.executable, "-m", f"ecolink_{spec.name}"]
    async with serving(command, env, port, platform.var_dir / f"{spec.name}.log") as server:
        yield server


@asynccontextmanager
async def fresh_database(prefix: str) -> AsyncIterator[str]:
    database_url = await create_postgres_database(prefix)
    try:
        yield database_url
    finally:
        await drop_postgres_database(database_url)


@asynccontextmanager
async def cases_service(platform: PlatformSettings, alerts_target: str) -> AsyncIterator[Server]:
    """The cases service on a fresh PostgreSQL database, reading units from `alerts_target`."""
    async with (
        fresh_database("bench_cases") as database_url,
        service_process(CASES, platform, database_url, alerts_target=alerts_target) as server,
    ):
        yield server


@asynccontextmanager
async def bare_case_server(platform: PlatformSettings) -> AsyncIterator[Server]:
    """bench/bare_case_server on a fresh PostgreSQL database holding only its one table."""
    async with fresh_database("bench_cases_bare") as database_url:
        dsn = make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)
        connection = await asyncpg.connect(dsn)
        try:
            await connection.execute(
                f"CREATE TABLE {BARE_TABLE} (id bigserial PRIMARY KEY, method text NOT NULL, case_name text NOT NULL,"
                " received_at timestamptz NOT NULL DEFAULT now())"
            )
        finally:
            await connection.close()
        port = free_port()
        command = [sys.executable, "-m", "bench.bare_case_server", str(port), dsn, BARE_TABLE]
        async with serving(command, dict(os.environ), port, platform.var_dir / "bare_case_server.log") as server:
            yield server


@dataclass(frozen=True)
class Round:
    """The figures of one round, each side on new databases."""

    transitions: Transitions
    bare: Transitions
    decisions: float
    bare_decisions: float


async def measure(var_dir: Path) -> Round:
    """One round: transitions through the service and the bare server, then decisions through both."""
    platform = platform_settings_for_tests(var_dir)
    tokens = AgencyTokens(platform)
    async with (
        fresh_database("bench_cases_alerts") as alerts_url,
        service_process(ALERTS, platform, alerts_url) as alerts,
    ):
        passwords = device_passwords(AlertsSettings().device_password_key_path(platform))
        await load_registry_file(alerts_url, AlertsSettings().registry_file, passwords=passwords)
        async with cases_service(platform, alerts.target) as cases:
            transitions = await transitions_per_second(cases, tokens)
        async with bare_case_server(platform) as bare:
            bare_transitions = await transitions_per_second(bare, tokens)
            bare_decisions = await bare_decisions_per_second(bare.target, tokens)
        async with cases_service(platform, alerts.target) as cases:
            decisions = await decision_numbers_per_second(cases.target, tokens)
    return Round(transitions, bare_transitions, decisions, bare_decisions)


def load_text(load: tuple[float, float, float]) -> str:
    return " ".join(f"{value:.2f}" for value in load)


async def main() -> None:
    admin = make_url(admin_url())
    if not port_open(admin.host or "127.0.0.1", admin.port or 5432):
        print(f"bench/cases skipped: no PostgreSQL at {admin.host}:{admin.port} (set ECOLINK_TEST_POSTGRES_URL)")
        return
    load_before, rounds = os.getloadavg(), []
    for _ in range(ROUNDS):
        with tempfile.TemporaryDirectory() as tmp:
            rounds.append(await measure(Path(tmp) / "var"))
    columns = [
        [r.transitions.per_second for r in rounds],
        [r.bare.per_second for r in rounds],
        [r.decisions for r in rounds],
        [r.bare_decisions for r in rounds],
        [r.transitions.server_cpu_us for r in rounds],
        [r.bare.server_cpu_us for r in rounds],
    ]
    transitions, bare, decisions, bare_decisions, cpu, bare_cpu = (statistics.median(column) for column in columns)
    each = "; ".join(" / ".join(f"{figure:,.0f}" for figure in figures) for figures in zip(*columns, strict=True))
    figures = [
        Figure(
            f"case transitions/s through gRPC, PostgreSQL, {CONCURRENCY} callers",
            transitions,
            "calls/s",
            "bare grpc.aio unary, one PostgreSQL INSERT per call, same callers, same run",
            bare,
            "≥ 0.5× (issue 12)",
        ),
        Figure(
            f"decision numbers/s, {DECISIONS} concurrent DecideCase of one agency (numbers 1…{DECISIONS} checked)",
            decisions,
            "numbers/s",
            f"bare grpc.aio unary, one PostgreSQL INSERT per call, {DECISIONS} concurrent, same run",
            bare_decisions,
            "context",
        ),
        Figure(
            "server CPU time per transition, cases service",
            cpu,
            "µs",
            "bare grpc.aio unary, one PostgreSQL INSERT per call, same callers, same run",
            bare_cpu,
            "context (where the ratio comes from)",
        ),
    ]
    report(
        "cases",
        figures,
        notes=(
            f"`python -m ecolink_cases` on a new PostgreSQL database (default settings: the county's registration and "
            f"decision approved by the city), reading units from `python -m ecolink_alerts` (demo registry, its own "
            f"database). Transitions: {CONCURRENCY} callers, each driving {CASES_PER_CALLER} Lingbi county cases of "
            f"its own one after the other from clue to closed (after one untimed case each) with "
            f"ecolink_cases.testing.CaseWalk, every call with the etag of the last answer; {RPCS_PER_CASE} "
            "state-changing RPCs a case counted (CreateCase, ApproveCaseStep ×2, RegisterCase, StartInvestigation, "
            "RecordInvestigation, SubmitForLegalReview, NotifyIntendedPenalty, DecideCase, RecordService, "
            "RecordPayment, CloseCase), each with its audit row, four of them issuing a numbered document "
            "(立字, 检字, 罚告字, 罚字). The floor: the same callers and calls against bench/bare_case_server "
            "(CaseService decoded on a bare grpc.aio server, one INSERT per call through an asyncpg pool of 20, "
            "the size a service's engine may reach; no auth, rules, approvals, documents or audit). Decisions: "
            f"{DECISIONS} cases prepared up to the decision (untimed) on another new database, then {DECISIONS} "
            f"DecideCase at once, timed to the last answer; the penalty decisions read back with ListDocuments are "
            f"numbered exactly 1…{DECISIONS}, one per case (asserted); its floor: {DECISIONS} DecideCase at once "
            "against the bare server. Server CPU: user and system time of the server's process over the timed "
            "transitions (/proc/<pid>/stat), per call. Each figure is the median of "
            f"{ROUNDS} rounds on new databases (transitions/s / floor, decisions/s / floor, CPU µs a call / floor: "
            f"{each}). Client, services "
            f"and PostgreSQL share the machine's {os.cpu_count()} cores, other work running beside; load average "
            f"(1, 5, 15 min) before {load_text(load_before)}, after {load_text(os.getloadavg())}."
        ),
    )


if __name__ == "__main__":
    asyncio.run(main())
