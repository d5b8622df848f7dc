"""`ecolink cameras create`: register a video monitoring channel (视频监控) of a key unit."""

from __future__ import annotations

from typing import Annotated

import typer

from ecolink.alerts.v1 import registry_pb2
from ecolink.alerts.v1 import registry_service_pb2 as pb
from ecolink_cli.client import AddressOption, AsOption, TokenOption, call, open_channel, resolve_token
from ecolink_cli.commands.registry_support import (
    CHANNEL_COLUMNS,
    RequestIdOption,
    as_dict,
    channel_row,
    outlet_name,
    registry_stub,
    unit_name,
)
from ecolink_cli.output import JsonFlag, emit, make_table

cameras_app = typer.Typer(help="Video monitoring channels (视频监控) of key units.")


@cameras_app.command("create")
def create_camera(
    channel_id: Annotated[str, typer.Argument(help="The channel's identifier within the unit, e.g. cam-02.")],
    unit: Annotated[str, typer.Option("--unit", help="The key unit, e.g. lingbi-jiancai.")],
    name: Annotated[str, typer.Option("--name", help="What the camera shows, e.g. 'kiln stack, north'.")],
    stream_url: Annotated[str, typer.Option("--stream-url", help="rtsp://, rtmp://, http:// or https:// address.")],
    outlet: Annotated[str, typer.Option("--outlet", help="The outlet it watches, e.g. DA001, if any.")] = "",
    request_id: RequestIdOption = "",
    token: TokenOption = None,
    as_agency: AsOption = None,
    address: AddressOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Register a camera (video channel) of a key unit."""
    channel_record = registry_pb2.VideoChannel(
        channel_id=channel_id,
        display_name=name,
        stream_url=stream_url,
        outlet=outlet_name(unit, outlet) if outlet else "",
    )
    request = pb.CreateVideoChannelRequest(parent=unit_name(unit), video_channel=channel_record, request_id=request_id)
    with open_channel("alerts", address) as channel:
        rpc = registry_stub(channel).CreateVideoChannel
        created = call(rpc, request, token=resolve_token(token, as_agency), as_json=as_json).video_channel
    emit(as_dict(created), as_json=as_json, table=make_table(created.name, CHANNEL_COLUMNS, [channel_row(created)]))
