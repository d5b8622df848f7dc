"""`python -m ecolink_evidence`: serve the evidence API until SIGTERM."""

from ecolink_common.service_main import main
from ecolink_evidence.service import SPEC

main(SPEC)
