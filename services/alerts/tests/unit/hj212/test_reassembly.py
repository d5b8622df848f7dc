"""Reassembling split packets (PNUM/PNO) keyed by (MN, QN), with bounded pending groups."""

from __future__ import annotations

import pytest

from ecolink_alerts.domain.hj212 import (
    DropReason,
    FormatWarningKind,
    Packet,
    PacketFlag,
    SubpacketAssembler,
    parse_packet,
)


def part(pno: int, pnum: int, data: str, *, qn: str = "20160801085857223", mn: str = "MN1") -> Packet:
    return parse_packet(f"QN={qn};ST=32;CN=2061;PW=1;MN={mn};Flag=7;PNUM={pnum};PNO={pno};CP=&&{data}&&")


FIRST = part(1, 2, "DataTime=20160801080000;w01018-Avg=22.5,w01018-Flag=N")
SECOND = part(2, 2, "DataTime=20160801080000;w21003-Avg=1.5,w21003-Flag=N")


def test_two_parts_become_one_packet_with_both_data_areas():
    assembler = SubpacketAssembler(max_age=60)
    assert assembler.add(FIRST, now=0).completed is None
    whole = assembler.add(SECOND, now=1).completed
    assert whole is not None
    assert (whole.pnum, whole.pno, whole.qn, whole.mn) == (None, None, FIRST.qn, "MN1")
    assert whole.cp.data_time == "20160801080000"
    assert set(whole.cp.factors) == {"w01018", "w21003"}
    assert whole.flag == PacketFlag(5)
    assert whole.warnings == ()
    assert assembler.pending_groups == 0


def test_parts_arriving_out_of_order_are_joined_in_pno_order():
    assembler = SubpacketAssembler(max_age=60)
    assembler.add(SECOND, now=0)
    whole = assembler.add(FIRST, now=0).completed
    assert whole is not None
    assert list(whole.cp.factors) == ["w01018", "w21003"]


def test_a_packet_that_is_not_split_comes_straight_back():
    whole = parse_packet("ST=32;CN=2011;PW=1;MN=X1;CP=&&w01018-Rtd=1&&")
    assert SubpacketAssembler(max_age=60).add(whole, now=0).completed is whole


def test_a_group_of_one_part_is_whole_at_once():
    only = part(1, 1, "w01018-Rtd=1")
    whole = SubpacketAssembler(max_age=60).add(only, now=0).completed
    assert whole is not None
    assert (whole.pnum, whole.cp.factors) == (None, {"w01018": {"Rtd": "1"}})


def test_a_part_sent_again_after_a_lost_reply_changes_nothing():
    assembler = SubpacketAssembler(max_age=60)
    assembler.add(FIRST, now=0)
    assert assembler.add(FIRST, now=1).completed is None
    assert assembler.add(SECOND, now=2).completed is not None


def test_groups_of_different_devices_or_qns_are_kept_apart():
    assembler = SubpacketAssembler(max_age=60)
    assembler.add(FIRST, now=0)
    assembler.add(part(2, 2, "a=1", mn="MN2"), now=0)
    assembler.add(part(2, 2, "a=1", qn="20160801085857224"), now=0)
    assert assembler.pending_groups == 3


def test_a_group_older_than_the_age_limit_is_dropped_when_time_moves_on():
    assembler = SubpacketAssembler(max_age=60)
    assembler.add(FIRST, now=100)
    assert assembler.expire(now=160) == ()
    [dropped] = assembler.expire(now=160.5)
    assert (dropped.mn, dropped.qn, dropped.received, dropped.expected, dropped.reason) == (
        "MN1",
        FIRST.qn,
        1,
        2,
        DropReason.EXPIRED,
    )
    step = assembler.add(SECOND, now=161)
    assert (step.completed, assembler.pending_groups) == (None, 1)


def test_adding_a_packet_also_reports_groups_that_expired_meanwhile():
    assembler = SubpacketAssembler(max_age=10)
    assembler.add(FIRST, now=0)
    step = assembler.add(part(1, 2, "a=1", mn="MN2"), now=11)
    assert [dropped.reason for dropped in step.dropped] == [DropReason.EXPIRED]


def test_the_oldest_group_is_evicted_when_the_pending_limit_is_reached():
    assembler = SubpacketAssembler(max_age=60, max_pending_groups=2)
    for number in range(3):
        step = assembler.add(part(1, 2, "a=1", mn=f"MN{number}"), now=number)
    assert [(dropped.mn, dropped.reason) for dropped in step.dropped] == [("MN0", DropReason.EVICTED)]
    assert assembler.pending_groups == 2


def test_a_new_part_count_for_the_same_key_restarts_the_group():
    assembler = SubpacketAssembler(max_age=60)
    assembler.add(FIRST, now=0)
    step = assembler.add(part(1, 3, "a=1"), now=1)
    assert [dropped.reason for dropped in step.dropped] == [DropReason.RESTARTED]
    assert assembler.pending_groups == 1


def test_a_group_with_more_parts_than_the_limit_is_not_held():
    assembler = SubpacketAssembler(max_age=60, max_subpackets=4)
    step = assembler.add(part(1, 5, "a=1"), now=0)
    assert (step.completed, [d.reason for d in step.dropped], assembler.pending_groups) == (
        None,
        [DropReason.TOO_LARGE],
        0,
    )


def test_parts_giving_one_key_two_values_keep_the_first_with_a_warning():
    assembler = SubpacketAssembler(max_age=60)
    assembler.add(FIRST, now=0)
    whole = assembler.add(part(2, 2, "DataTime=20160801090000;w01018-Avg=99"), now=0).completed
    assert whole is not None
    assert (whole.cp.data_time, whole.cp.factors["w01018"]["Avg"]) == ("20160801080000", "22.5")
    assert [(w.kind, w.detail) for w in whole.warnings] == [
        (FormatWarningKind.SUBPACKET_CONFLICT, "DataTime"),
        (FormatWarningKind.SUBPACKET_CONFLICT, "w01018-Avg"),
    ]


@pytest.mark.parametrize(
    "limits", [{"max_age": 0}, {"max_age": 1, "max_pending_groups": 0}, {"max_age": 1, "max_subpackets": 0}]
)
def test_limits_must_be_positive(limits):
    with pytest.raises(ValueError, match="positive"):
        SubpacketAssembler(**limits)
