from .default import DefaultObjective as DefaultObjective
