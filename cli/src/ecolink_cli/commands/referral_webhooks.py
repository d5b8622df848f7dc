"""`ecolink referrals webhook set|get` and `deliveries`: your agency's push endpoint for transfer changes and overdue
deadlines (推送地址, HMAC-SHA256 signed with its secret) and each delivery made to it."""

from __future__ import annotations

from functools import partial
from typing import Annotated

import typer
from google.protobuf.json_format import MessageToDict
from rich.table import Table

from ecolink.referrals.v1 import webhook_service_pb2 as pb
from ecolink_cli.client import call
from ecolink_cli.commands import referral_calls
from ecolink_cli.commands.case_calls import Caller, with_caller
from ecolink_cli.commands.case_steps import calls
from ecolink_cli.commands.case_views import shown_time
from ecolink_cli.commands.referral_calls import PAGE_SIZE
from ecolink_cli.commands.referral_views import plain_table
from ecolink_cli.commands.registry_support import every_page
from ecolink_cli.output import emit

webhook_app = typer.Typer(
    help="Your agency's webhook (推送地址): every change of a transfer it is party to and every deadline missed is "
    "POSTed to it, signed with its secret (HMAC-SHA256), retried until accepted."
)
as_dict = partial(MessageToDict, preserving_proto_field_name=True)
DELIVERY_COLUMNS = [
    "event 事件",
    "topic 主题",
    "transfer 移送",
    "status 状态",
    "attempts 次数",
    "last result 最近结果",
    "queued 排队",
    "delivered 送达",
    "next attempt 下次重试",
]
STATUS_TERMS = {"pending": "pending 待送达", "delivered": "delivered 已送达"}


def webhook_table(webhook: pb.Webhook) -> Table:
    rows = [["agency 机关", webhook.agency_id], ["url 推送地址", webhook.url], ["set", shown_time(webhook.update_time)]]
    return plain_table(f"webhook 推送地址 of {webhook.agency_id}", ["field", "value"], rows)


def deliveries_table(deliveries: list[pb.Delivery]) -> Table:
    rows = [
        [
            d.event_id,
            d.topic,
            d.transfer or "—",
            STATUS_TERMS.get(d.status, d.status),
            d.attempts,
            d.last_result or "—",
            shown_time(d.create_time),
            shown_time(d.delivered_time),
            shown_time(d.next_attempt_time),
        ]
        for d in deliveries
    ]
    pending = sum(d.status == "pending" for d in deliveries)
    return plain_table(f"{len(deliveries)} deliveries 推送记录, {pending} pending 待送达", DELIVERY_COLUMNS, rows)


@webhook_app.command("set")
@calls("SetWebhook")
@with_caller
def set_webhook(
    url: Annotated[
        str, typer.Argument(help="Where events are POSTed: an http(s) URL, e.g. https://psb.example/ecolink.")
    ],
    *,
    caller: Caller,
) -> None:
    """Register (or replace) your agency's webhook; prints its new secret (签名密钥), shown this once only: keep it to
    check each delivery's X-Ecolink-Signature."""
    with referral_calls.webhook_stub(caller.address) as stub:
        webhook = call(stub.SetWebhook, pb.SetWebhookRequest(url=url), token=caller.bearer, as_json=caller.as_json)
    shown = webhook.webhook
    text = f"webhook of {shown.agency_id}: {shown.url}\nsecret 签名密钥 (shown once only 仅显示一次): {shown.secret}"
    emit(as_dict(shown), as_json=caller.as_json, text=text)


@webhook_app.command("get")
@with_caller
def get_webhook(*, caller: Caller) -> None:
    """Show your agency's webhook (without its secret)."""
    with referral_calls.webhook_stub(caller.address) as stub:
        found = call(stub.GetWebhook, pb.GetWebhookRequest(), token=caller.bearer, as_json=caller.as_json).webhook
    emit(as_dict(found), as_json=caller.as_json, table=webhook_table(found))


@with_caller
def deliveries(*, caller: Caller) -> None:
    """The deliveries to your agency's webhook (推送记录), newest first (follows all pages): each event's topic, its
    transfer, pending or delivered, the attempts and the last one's HTTP status or error."""
    request = pb.ListDeliveriesRequest(page_size=PAGE_SIZE)
    with referral_calls.webhook_stub(caller.address) as stub:
        found = every_page(stub.ListDeliveries, request, "deliveries", token=caller.bearer, as_json=caller.as_json)
    emit([as_dict(d) for d in found], as_json=caller.as_json, table=deliveries_table(found))
