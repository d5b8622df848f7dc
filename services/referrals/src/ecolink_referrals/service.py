"""The referrals service as the runner, the worker, the CLI and the tests see it."""

from __future__ import annotations

from pathlib import Path

from ecolink.referrals.v1 import (
    basin_service_pb2,
    basin_service_pb2_grpc,
    listing_service_pb2,
    listing_service_pb2_grpc,
    transfer_service_pb2,
    transfer_service_pb2_grpc,
    webhook_service_pb2,
    webhook_service_pb2_grpc,
)
from ecolink_common.service_spec import BeatEntry, ServiceSpec, binding
from ecolink_referrals.adapters.tables import referrals_metadata
from ecolink_referrals.api.basin_servicer import BasinServicer
from ecolink_referrals.api.listing_servicer import ListingServicer
from ecolink_referrals.api.transfer_servicer import TransferServicer
from ecolink_referrals.api.webhook_servicer import WebhookServicer
from ecolink_referrals.bootstrap import bootstrap
from ecolink_referrals.settings import ReferralsSettings
from ecolink_referrals.worker.subscribers import referrals_subscribers
from ecolink_referrals.worker.tasks import DELIVER_WEBHOOKS, ESCALATE_BASIN_INCIDENTS, RECORD_OVERDUE_DEADLINES

SPEC = ServiceSpec(
    name="referrals",
    settings_type=ReferralsSettings,
    migrations_dir=Path(__file__).resolve().parents[2] / "migrations" / "versions",
    servicers=(
        binding(
            transfer_service_pb2,
            "TransferService",
            TransferServicer,
            transfer_service_pb2_grpc.add_TransferServiceServicer_to_server,
        ),
        binding(
            webhook_service_pb2,
            "WebhookService",
            WebhookServicer,
            webhook_service_pb2_grpc.add_WebhookServiceServicer_to_server,
        ),
        binding(
            listing_service_pb2,
            "ListingService",
            ListingServicer,
            listing_service_pb2_grpc.add_ListingServiceServicer_to_server,
        ),
        binding(
            basin_service_pb2,
            "BasinService",
            BasinServicer,
            basin_service_pb2_grpc.add_BasinServiceServicer_to_server,
        ),
    ),
    bootstrap=bootstrap,
    metadata=referrals_metadata,
    task_modules=("ecolink_referrals.worker.tasks",),
    beat=(
        BeatEntry(
            "record-overdue-deadlines", RECORD_OVERDUE_DEADLINES, lambda settings: settings.deadline_scan_seconds
        ),
        BeatEntry("deliver-webhooks", DELIVER_WEBHOOKS, lambda s: s.webhook_sweep_seconds),
        BeatEntry("escalate-basin-incidents", ESCALATE_BASIN_INCIDENTS, lambda s: s.basin_sweep_seconds),
    ),
    subscribers=referrals_subscribers,
    after_relay=(DELIVER_WEBHOOKS,),
)
