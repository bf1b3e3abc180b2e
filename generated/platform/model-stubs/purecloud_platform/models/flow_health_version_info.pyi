from .flow import FlowHealthVersionInfo as FlowHealthVersionInfo
