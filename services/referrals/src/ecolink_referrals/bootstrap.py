"""Builds the referrals service's parts once per process: the cases and evidence clients, the record signer, the basin
agreements, the servicers."""

from __future__ import annotations

from ecolink_common.calls.channel import client_tls
from ecolink_common.calls.client import ServiceClient
from ecolink_common.service_spec import BuiltService, ServiceDependencies
from ecolink_referrals.adapters.cases_client import CasesClient
from ecolink_referrals.adapters.evidence_client import EvidenceClient
from ecolink_referrals.adapters.record_signer import KeyFileSigner
from ecolink_referrals.api.basin_servicer import BasinServicer
from ecolink_referrals.api.listing_servicer import ListingServicer
from ecolink_referrals.api.transfer_servicer import TransferServicer
from ecolink_referrals.api.webhook_servicer import WebhookServicer
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork
from ecolink_referrals.settings import ReferralsSettings


def bootstrap(deps: ServiceDependencies[ReferralsSettings]) -> BuiltService:
    """The transfer servicer over one unit-of-work factory, reading dossiers and handing evidence over as the
    caller."""
    settings = deps.settings
    tls = client_tls(deps.platform, settings)
    cases = CasesClient(ServiceClient(settings.cases_endpoint(), tls=tls))
    evidence = EvidenceClient(ServiceClient(settings.evidence_endpoint(), tls=tls))

    unit_of_work = deps.units_of_work(ReferralsUnitOfWork)

    servicer = TransferServicer(
        unit_of_work,
        settings,
        deps.clock,
        dossiers_for=cases.for_caller,
        evidence_for=evidence.for_caller,
        suspects_for=cases.for_caller,
        signer=KeyFileSigner(settings.signing_key_file or deps.platform.private_key_path),
    )
    listings = ListingServicer(
        unit_of_work, deps.clock, report_every_days=settings.listing_report_every_days, dossiers_for=cases.for_caller
    )
    basins = BasinServicer(unit_of_work, settings.basin_agreements(), deps.clock)
    return BuiltService([servicer, WebhookServicer(unit_of_work), listings, basins])
