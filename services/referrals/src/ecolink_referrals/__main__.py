"""`python -m ecolink_referrals`: serve the referrals API until SIGTERM."""

from ecolink_referrals.service import SPEC
from ecolink_common.service_main import main

main(SPEC)
