from .analytics import AnalyticsParticipant as AnalyticsParticipant
