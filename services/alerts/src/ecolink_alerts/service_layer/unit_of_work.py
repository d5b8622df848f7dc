"""The alerts unit of work: the platform's (audit, directory) plus the registry, monitoring, alerts, grading and
held split-packet parts."""

from __future__ import annotations

from ecolink_alerts.adapters.alert_repository import AlertRepository
from ecolink_alerts.adapters.derived_mean_repository import DerivedMeanRepository
from ecolink_alerts.adapters.grade_repository import GradeRepository
from ecolink_alerts.adapters.history_repository import HistoryRepository
from ecolink_alerts.adapters.monitoring_repository import MonitoringRepository
from ecolink_alerts.adapters.registry_repository import RegistryRepository
from ecolink_alerts.adapters.split_packet_repository import SplitPacketRepository
from ecolink_common.unit_of_work import UnitOfWork


class AlertsUnitOfWork(UnitOfWork):
    """One transaction over the alerts database."""

    registry: RegistryRepository
    monitoring: MonitoringRepository
    alerts: AlertRepository
    history: HistoryRepository
    derived_means: DerivedMeanRepository
    grades: GradeRepository
    split_packets: SplitPacketRepository

    async def __aenter__(self) -> AlertsUnitOfWork:
        await super().__aenter__()
        self.registry = RegistryRepository(self.session)
        self.monitoring = MonitoringRepository(self.session)
        self.alerts = AlertRepository(self.session)
        self.history = HistoryRepository(self.session)
        self.derived_means = DerivedMeanRepository(self.session)
        self.grades = GradeRepository(self.session)
        self.split_packets = SplitPacketRepository(self.session)
        return self
