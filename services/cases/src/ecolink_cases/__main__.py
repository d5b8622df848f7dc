"""`python -m ecolink_cases`: serve the cases API until SIGTERM."""

from ecolink_cases.service import SPEC
from ecolink_common.service_main import main

main(SPEC)
