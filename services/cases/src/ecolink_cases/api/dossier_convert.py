"""A case's dossier (service_layer.case_dossier) to ecolink.cases.v1.CaseDossier."""

from __future__ import annotations

from ecolink.cases.v1 import case_pb2 as pb
from ecolink_cases.api.case_convert import case_to_proto
from ecolink_cases.service_layer.case_dossier import CaseDossier
from ecolink_common.proto_time import timestamp_from_datetime


def dossier_to_proto(dossier: CaseDossier) -> pb.CaseDossier:
    return pb.CaseDossier(
        case=case_to_proto(dossier.view),
        officers=[
            pb.DossierOfficer(
                officer_id=officer.officer_id,
                name=officer.name,
                agency_id=officer.agency_id,
                certificate_number=officer.certificate_number,
            )
            for officer in dossier.officers
        ],
        evidence=[
            pb.DossierEvidence(evidence=item.name, sha256=item.sha256, cited_at=list(item.cited_at))
            for item in dossier.evidence
        ],
        read_time=timestamp_from_datetime(dossier.read_time),
    )
