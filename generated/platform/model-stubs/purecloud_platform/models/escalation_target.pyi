from .escalation import EscalationTarget as EscalationTarget
