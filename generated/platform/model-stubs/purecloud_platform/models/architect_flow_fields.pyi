from .architect import ArchitectFlowFields as ArchitectFlowFields
