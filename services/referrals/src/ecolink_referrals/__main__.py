"""`python -m ecolink_referrals`: serve the referrals API until SIGTERM."""

from ecolink_common.service_main import main
from ecolink_referrals.service import SPEC

main(SPEC)
