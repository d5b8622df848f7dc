"""Joining the parts of a split packet (PNUM/PNO) into one packet, in PNO order."""

from __future__ import annotations

from ecolink_alerts.domain.hj212 import FormatWarningKind, Packet, PacketFlag, joined_parts, parse_packet


def part(pno: int, pnum: int, data: str, *, qn: str = "20160801085857223", mn: str = "MN1") -> Packet:
    return parse_packet(f"QN={qn};ST=32;CN=2061;PW=1;MN={mn};Flag=7;PNUM={pnum};PNO={pno};CP=&&{data}&&")


FIRST = part(1, 2, "DataTime=20160801080000;w01018-Avg=22.5,w01018-Flag=N")
SECOND = part(2, 2, "DataTime=20160801080000;w21003-Avg=1.5,w21003-Flag=N")


def test_two_parts_become_one_packet_with_both_data_areas():
    whole = joined_parts([FIRST, SECOND])
    assert (whole.pnum, whole.pno, whole.qn, whole.mn) == (None, None, FIRST.qn, "MN1")
    assert whole.cp.data_time == "20160801080000"
    assert list(whole.cp.factors) == ["w01018", "w21003"]
    assert whole.flag == PacketFlag(5)
    assert whole.warnings == ()


def test_a_group_of_one_part_is_the_packet_without_split_fields():
    whole = joined_parts([part(1, 1, "w01018-Rtd=1")])
    assert (whole.pnum, whole.pno, whole.cp.factors) == (None, None, {"w01018": {"Rtd": "1"}})


def test_parts_giving_one_key_two_values_keep_the_first_with_a_warning():
    whole = joined_parts([FIRST, part(2, 2, "DataTime=20160801090000;w01018-Avg=99")])
    assert (whole.cp.data_time, whole.cp.factors["w01018"]["Avg"]) == ("20160801080000", "22.5")
    assert [(w.kind, w.detail) for w in whole.warnings] == [
        (FormatWarningKind.SUBPACKET_CONFLICT, "DataTime"),
        (FormatWarningKind.SUBPACKET_CONFLICT, "w01018-Avg"),
    ]
