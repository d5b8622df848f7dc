"""POSTs webhook deliveries over HTTP(S) with the standard library, in a thread, with a deadline per call."""

from __future__ import annotations

import asyncio
import urllib.error
import urllib.request
from collections.abc import Mapping

from ecolink_referrals.service_layer.ports import PostResult


class HttpWebhookSender:
    def __init__(self, timeout_seconds: float):
        self._timeout = timeout_seconds

    async def post(self, url: str, body: bytes, headers: Mapping[str, str]) -> PostResult:
        return await asyncio.to_thread(self._post, url, body, headers)

    def _post(self, url: str, body: bytes, headers: Mapping[str, str]) -> PostResult:
        if not url.startswith(("http://", "https://")):
            return PostResult(False, f"not an http(s) URL: {url[:80]}")
        request = urllib.request.Request(url, data=body, headers=dict(headers), method="POST")  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:  # noqa: S310
                return PostResult(200 <= response.status < 300, f"HTTP {response.status}")
        except urllib.error.HTTPError as error:
            return PostResult(False, f"HTTP {error.code}")
        except (urllib.error.URLError, OSError) as error:
            return PostResult(False, f"unreachable: {error}")
