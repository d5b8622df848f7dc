"""Conversion of grading protos: exceedance grades and derived means, and their filters."""

from __future__ import annotations

from ecolink.alerts.v1 import (
    grading_service_pb2,
    monitoring_pb2,
)
from ecolink_alerts.api.convert import (
    KINDS,
    mn_from_name,
    region_filter,
    unit_id_from_name,
)
from ecolink_alerts.domain.grade_records import CurrentGrade, GradeFilter, MeanFilter, StoredMean
from ecolink_alerts.domain.grading import ExceedanceGrade
from ecolink_alerts.domain.readings import DataKind
from ecolink_common.proto_enums import EnumMap
from ecolink_common.proto_time import optional_datetime, timestamp_from_datetime

GRADES = EnumMap(
    {
        ExceedanceGrade.NONE: grading_service_pb2.GRADE_NONE,
        ExceedanceGrade.BLUE: grading_service_pb2.GRADE_BLUE,
        ExceedanceGrade.YELLOW: grading_service_pb2.GRADE_YELLOW,
        ExceedanceGrade.ORANGE: grading_service_pb2.GRADE_ORANGE,
        ExceedanceGrade.RED: grading_service_pb2.GRADE_RED,
    }
)


DERIVED_KINDS = EnumMap(
    {DataKind.HOURLY: monitoring_pb2.DATA_KIND_HOURLY, DataKind.DAILY: monitoring_pb2.DATA_KIND_DAILY}
)


def grade_filter_from_proto(request: grading_service_pb2.ListExceedanceGradesRequest) -> GradeFilter:
    return GradeFilter(
        unit_id=unit_id_from_name(request.unit, "unit") if request.unit else "",
        region_code=region_filter(request.region_code),
        grade=GRADES.optional_from_proto(request.grade, "grade"),
    )


def exceedance_grade_to_proto(grade: CurrentGrade) -> grading_service_pb2.ExceedanceGrade:
    return grading_service_pb2.ExceedanceGrade(
        name=grade.name,
        unit=f"units/{grade.unit_id}",
        factor_code=grade.factor,
        region_code=grade.region_code,
        grade=GRADES.to_proto(grade.grade),
        as_of_date=grade.as_of.isoformat() if grade.as_of else "",
        exceedance_dates=[day.isoformat() for day in grade.exceedance_days],
        update_time=timestamp_from_datetime(grade.updated_at),
        change_time=timestamp_from_datetime(grade.changed_at),
    )


def mean_filter_from_proto(request: grading_service_pb2.ListDerivedMeansRequest) -> MeanFilter:
    return MeanFilter(
        mn=mn_from_name(request.device, "device"),
        kind=DERIVED_KINDS.optional_from_proto(request.data_kind, "data_kind"),
        factor=request.factor_code,
        start_from=optional_datetime(request, "start_time"),
        start_before=optional_datetime(request, "end_time"),
    )


def derived_mean_to_proto(mean: StoredMean) -> grading_service_pb2.DerivedMean:
    return grading_service_pb2.DerivedMean(
        device=f"devices/{mean.mn}",
        data_kind=KINDS.to_proto(mean.kind),
        factor_code=mean.factor,
        period_start=timestamp_from_datetime(mean.period_start),
        value=mean.value,
        converted=mean.converted,
        flag=mean.flag.value,
        valid=mean.valid,
        valid_count=mean.valid_count,
        total_count=mean.total_count,
        required_count=mean.required_count,
        compute_time=timestamp_from_datetime(mean.computed_at),
    )
