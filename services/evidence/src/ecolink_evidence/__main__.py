"""`python -m ecolink_evidence`: serve the evidence API until SIGTERM."""

from ecolink_evidence.service import SPEC
from ecolink_common.service_main import main

main(SPEC)
