"""Health is SERVING only once the database is migrated, and reflection lists the ecolink services."""

from __future__ import annotations

import asyncio

from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from ecolink_alerts.service import SPEC as ALERTS
from ecolink_common import operations
from ecolink_common.testing.channels import stubs
from ecolink_common.testing.platform import prepared_service

SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING


async def overall_health(target: str) -> int:
    async with stubs(target, health_pb2_grpc.HealthStub) as stub:
        response = await stub.Check(health_pb2.HealthCheckRequest(service=""))
        return response.status


async def wait_for(target: str, status: int, seconds: float = 10) -> int:
    deadline = asyncio.get_running_loop().time() + seconds
    current = await overall_health(target)
    while current != status and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.1)
        current = await overall_health(target)
    return current


async def test_unmigrated_database_is_not_serving_until_migrated(platform, database_url):
    service = await prepared_service(ALERTS, platform, database_url, migrate=False)
    try:
        assert await wait_for(service.target, NOT_SERVING) == NOT_SERVING
        await operations.migrate(ALERTS, database_url)
        assert await wait_for(service.target, SERVING) == SERVING
    finally:
        await service.running.stop()


async def test_reflection_lists_identity_and_health(alerts_service):
    async with stubs(alerts_service, reflection_pb2_grpc.ServerReflectionStub) as stub:
        responses = stub.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")]))
        async for response in responses:
            names = {s.name for s in response.list_services_response.service}
            break
    assert {"ecolink.common.v1.IdentityService", "grpc.health.v1.Health"} <= names


async def test_stopping_reports_not_serving_to_watchers(alerts_service):
    async with stubs(alerts_service, health_pb2_grpc.HealthStub) as health:
        watch = health.Watch(health_pb2.HealthCheckRequest(service=""))
        seen = [(await watch.read()).status]
        while seen[-1] != SERVING:
            seen.append((await watch.read()).status)
        stopping = asyncio.create_task(alerts_service.running.stop())
        seen.append((await watch.read()).status)
        await stopping
    assert seen[-1] == NOT_SERVING
