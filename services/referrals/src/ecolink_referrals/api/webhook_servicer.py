"""WebhookService: the caller's agency's webhook and the deliveries made to it."""

from __future__ import annotations

from collections.abc import Callable

import grpc

from ecolink.referrals.v1 import webhook_service_pb2 as pb
from ecolink.referrals.v1 import webhook_service_pb2_grpc
from ecolink_common.auth.principal import current_principal
from ecolink_common.errors import InvalidArgument
from ecolink_common.paging import page_request
from ecolink_common.proto_time import timestamp_from_datetime
from ecolink_common.text_rules import MAX_URL_CHARS
from ecolink_referrals.domain.webhooks import DeliveryRecord, DeliveryStatus, WebhookRecord
from ecolink_referrals.service_layer import webhook_deliveries
from ecolink_referrals.service_layer.unit_of_work import ReferralsUnitOfWork


def webhook_url(url: str) -> str:
    url = url.strip()
    if not url.startswith(("http://", "https://")) or len(url) > MAX_URL_CHARS or any(c.isspace() for c in url):
        raise InvalidArgument.for_field("url", f"must be an http or https URL of at most {MAX_URL_CHARS} characters")
    return url


def webhook_to_proto(webhook: WebhookRecord, *, with_secret: bool) -> pb.Webhook:
    return pb.Webhook(
        agency_id=webhook.agency_id,
        url=webhook.url,
        secret=webhook.secret if with_secret else "",
        update_time=timestamp_from_datetime(webhook.update_time),
    )


def delivery_to_proto(delivery: DeliveryRecord) -> pb.Delivery:
    pending = delivery.status is DeliveryStatus.PENDING
    return pb.Delivery(
        event_id=delivery.event_id,
        topic=delivery.topic,
        transfer=delivery.transfer,
        status=delivery.status.value,
        attempts=delivery.attempts,
        last_result=delivery.last_result,
        delivered_time=timestamp_from_datetime(delivery.delivered_time),
        next_attempt_time=timestamp_from_datetime(delivery.next_attempt_time if pending else None),
        create_time=timestamp_from_datetime(delivery.create_time),
    )


class WebhookServicer(webhook_service_pb2_grpc.WebhookServiceServicer):
    def __init__(self, uow_factory: Callable[[], ReferralsUnitOfWork]):
        self._uow = uow_factory

    async def SetWebhook(
        self, request: pb.SetWebhookRequest, context: grpc.aio.ServicerContext
    ) -> pb.SetWebhookResponse:
        webhook = await webhook_deliveries.set_webhook(self._uow(), current_principal(), webhook_url(request.url))
        return pb.SetWebhookResponse(webhook=webhook_to_proto(webhook, with_secret=True))

    async def GetWebhook(
        self, request: pb.GetWebhookRequest, context: grpc.aio.ServicerContext
    ) -> pb.GetWebhookResponse:
        webhook = await webhook_deliveries.get_webhook(self._uow(), current_principal())
        return pb.GetWebhookResponse(webhook=webhook_to_proto(webhook, with_secret=False))

    async def ListDeliveries(
        self, request: pb.ListDeliveriesRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListDeliveriesResponse:
        principal = current_principal()
        page = await webhook_deliveries.list_deliveries(
            self._uow(), principal, page_request(request, principal.agency_id)
        )
        return pb.ListDeliveriesResponse(
            deliveries=[delivery_to_proto(d) for d in page.items], next_page_token=page.next_page_token
        )
