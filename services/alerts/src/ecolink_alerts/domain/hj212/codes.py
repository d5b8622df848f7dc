"""HJ 212 command codes (CN), the interaction system code and the return codes of replies."""

from __future__ import annotations

from enum import IntEnum, StrEnum

INTERACTION_SYSTEM_CODE = "91"
"""HJ212.md §5: ST=91 marks system interaction, used by the 9011–9014 replies."""


class CommandCode(StrEnum):
    """The CN values of HJ 212-2017 Table 9 plus the 2025 additions (HJ212.md §4 and §9); others stay plain text."""

    SET_TIMEOUT_AND_RETRIES = "1000"
    UPLOAD_HARDWARE_SERIAL = "1001"
    SET_MN = "1002"
    SITE_TIME = "1011"
    SET_SITE_TIME = "1012"
    TIME_CALIBRATION_REQUEST = "1013"
    NEW_KEY = "1014"
    REALTIME_INTERVAL = "1061"
    SET_REALTIME_INTERVAL = "1062"
    MINUTE_INTERVAL = "1063"
    SET_MINUTE_INTERVAL = "1064"
    SET_ACCESS_PASSWORD = "1072"
    REALTIME_DATA = "2011"
    STOP_REALTIME_DATA = "2012"
    RAW_DATA = "2013"
    FACILITY_STATUS = "2021"
    STOP_FACILITY_STATUS = "2022"
    DAILY_DATA = "2031"
    FACILITY_DAILY_RUN_TIME = "2041"
    MINUTE_DATA = "2051"
    NOISE_SINGLE_MEASUREMENT = "2052"
    HOURLY_DATA = "2061"
    AUTOMATIC_STANDARD_CHECK = "2062"
    POWER_ON_TIME = "2081"
    CALIBRATE = "3011"
    SAMPLE_NOW = "3012"
    CLEAN_OR_BLOWBACK = "3013"
    COMPARISON_SAMPLING = "3014"
    OVER_LIMIT_SAMPLE_RETENTION = "3015"
    SET_SAMPLING_CYCLE = "3016"
    SAMPLING_CYCLE = "3017"
    SAMPLE_OUTPUT_TIME = "3018"
    INSTRUMENT_ID = "3019"
    SITE_INFO = "3020"
    SET_SITE_PARAMETERS = "3021"
    IMMEDIATE_SAMPLE_RETENTION = "3022"
    START_STANDARD_CHECK = "3024"
    REQUEST_REPLY = "9011"
    EXECUTION_RESULT = "9012"
    NOTIFICATION_REPLY = "9013"
    DATA_REPLY = "9014"
    HEARTBEAT = "9015"


class QnRtn(IntEnum):
    """Return codes of a 9011 request reply (HJ212.md §4)."""

    READY = 1
    REFUSED = 2
    PASSWORD_ERROR = 3
    MN_ERROR = 4
    ST_ERROR = 5
    FLAG_ERROR = 6
    QN_ERROR = 7
    CN_ERROR = 8
    CRC_ERROR = 9
    UNKNOWN_ERROR = 100


class ExeRtn(IntEnum):
    """Return codes of a 9012 execution result (HJ212.md §4)."""

    SUCCEEDED = 1
    FAILED_UNKNOWN_REASON = 2
    CONDITIONS_NOT_MET = 3
    TIMED_OUT = 4
    BUSY = 5
    FAULT = 6
    NO_DATA = 100
