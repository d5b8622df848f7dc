"""`python -m ecolink_alerts`: serve the alerts API until SIGTERM."""

from ecolink_alerts.service import SPEC
from ecolink_common.service_main import main

main(SPEC)
