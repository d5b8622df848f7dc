"""`python -m police_integration`: poll the platform every N seconds as one police agency, until SIGTERM or Ctrl-C
(the cycle under way finishes first), or once with `--once`."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import ssl
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType

import grpc

from ecolink.evidence.v1 import evidence_service_pb2_grpc
from police_integration.connection import Tls, Token, open_channel, rpc_error
from police_integration.downloads import Downloader
from police_integration.log import JsonLog
from police_integration.poller import DEFAULT_CASE_NUMBER, DEFAULT_DECLINE_REASON, PoliceClient, Policy
from police_integration.records import load_public_key
from police_integration.state import StateFile, StateLocked


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None


def parser() -> argparse.ArgumentParser:
    env = os.environ.get
    p = argparse.ArgumentParser(
        prog="police-integration",
        description="A police agency's integration client of ecolink: takes on case transfers, verifies the signed "
        "manifest, downloads and checks every evidence item, answers with a receipt and a decision.",
    )
    p.add_argument("--referrals", default=env("ECOLINK_REFERRALS_ADDRESS", "127.0.0.1:50053"), help="host:port")
    p.add_argument("--evidence", default=env("ECOLINK_EVIDENCE_ADDRESS", "127.0.0.1:50054"), help="host:port")
    p.add_argument("--token", default=env("ECOLINK_TOKEN"), help="bearer token (or ECOLINK_TOKEN)")
    p.add_argument("--token-file", default=env("ECOLINK_TOKEN_FILE"), help="token file, read per call")
    p.add_argument("--ca", default=env("ECOLINK_CLIENT_CA_FILE"), help="CA of the platform's server certificates")
    p.add_argument("--cert", default=env("ECOLINK_CLIENT_CERT_FILE"), help="the agency's client certificate (mTLS)")
    p.add_argument("--key", default=env("ECOLINK_CLIENT_KEY_FILE"), help="its private key")
    p.add_argument("--server-name", default=None, help="TLS name to expect when it differs from the host")
    p.add_argument(
        "--platform-key",
        default=env("ECOLINK_PLATFORM_PUBLIC_KEY_FILE"),
        help="the platform's Ed25519 public key (PEM) the records must be signed with; unset: pinned on first use",
    )
    p.add_argument("--state", default="police-integration-state.json", help="state file (watermark, work in hand)")
    p.add_argument("--download-dir", default="evidence", help="where downloaded items are kept")
    p.add_argument("--download-via", choices=["url", "grpc"], default="url", help="CreateDownloadUrl or a gRPC stream")
    p.add_argument("--download-ca", default=None, help="CA for https download URLs (default: the system's)")
    p.add_argument(
        "--allow-file-urls", action="store_true", help="accept file:// URLs (a development install's embedded store)"
    )
    p.add_argument("--decide", choices=["file", "decline", "none"], default="none", help="decision after acceptance")
    p.add_argument("--officer", action="append", default=[], help="officer id recorded on every step (repeatable)")
    p.add_argument("--case-number-template", default=DEFAULT_CASE_NUMBER, help="police case number when filing")
    p.add_argument("--persons-held", type=int, default=0, help="persons under compulsory measures, when filing")
    p.add_argument("--detention-days", type=int, default=0, help="days of detention, to file a detention transfer")
    p.add_argument("--decline-reason", default=DEFAULT_DECLINE_REASON, help="the reasons given with --decide decline")
    p.add_argument("--max-attempts", type=int, default=10, help="cycles a failing transfer is tried before giving up")
    p.add_argument("--interval", type=float, default=60.0, help="seconds between cycles")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds per call")
    p.add_argument("--once", action="store_true", help="run one cycle and exit")
    return p


@contextlib.contextmanager
def client_from_args(args: argparse.Namespace, log: JsonLog) -> Iterator[PoliceClient]:
    """The client the options describe, its channels open for the life of the block, its state file locked."""
    tls = None
    if args.ca or args.cert or args.key:
        tls = Tls(_path(args.ca), _path(args.cert), _path(args.key), args.server_name)
    token = Token(value=args.token, file=_path(args.token_file))
    platform_key = load_public_key(Path(args.platform_key).read_bytes()) if args.platform_key else None
    ssl_context = ssl.create_default_context(cafile=args.download_ca) if args.download_ca else None
    state_file = StateFile(Path(args.state))
    with (
        state_file.locked(),
        open_channel(args.referrals, tls) as referrals,
        open_channel(args.evidence, tls) as evidence,
    ):
        downloader = Downloader(
            evidence_service_pb2_grpc.EvidenceServiceStub(evidence),
            token.metadata,
            Path(args.download_dir),
            via=args.download_via,
            allow_file_urls=args.allow_file_urls,
            ssl_context=ssl_context,
            timeout=args.timeout,
        )
        policy = Policy(
            decide=args.decide,
            officer_ids=tuple(args.officer),
            case_number_template=args.case_number_template,
            persons_held=args.persons_held,
            detention_days=args.detention_days,
            decline_reason=args.decline_reason,
            max_attempts=args.max_attempts,
        )
        log(
            "started",
            referrals=args.referrals,
            evidence=args.evidence,
            transport="plaintext" if tls is None else ("mtls" if args.cert else "tls"),
            platform_key="pinned" if platform_key else "trust on first use",
            decide=args.decide,
            state=str(state_file.path),
        )
        yield PoliceClient(
            referrals=referrals,
            downloader=downloader,
            token=token,
            state_file=state_file,
            log=log,
            policy=policy,
            platform_key=platform_key,
            timeout=args.timeout,
        )


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    log = JsonLog()
    stop = threading.Event()

    def stop_after_cycle(signum: int, _frame: FrameType | None) -> None:
        log("stopping", signal=signal.Signals(signum).name)
        stop.set()

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, stop_after_cycle)
    try:
        with client_from_args(args, log) as client:
            return _loop(client, log, stop, once=args.once, interval=args.interval)
    except StateLocked as error:
        log("not_started", level="error", error=str(error))
        return 2


def _loop(client: PoliceClient, log: JsonLog, stop: threading.Event, *, once: bool, interval: float) -> int:
    while True:
        failed = False
        try:
            client.run_cycle()
        except grpc.RpcError as error:
            failed = True
            log("cycle_failed", level="error", **rpc_error(error))
        except (OSError, ValueError) as error:
            failed = True
            log("cycle_failed", level="error", message=str(error))
        if once:
            return 1 if failed else 0
        if stop.wait(interval):
            return 0


if __name__ == "__main__":
    sys.exit(main())
