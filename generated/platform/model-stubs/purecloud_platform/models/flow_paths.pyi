from .flow import FlowPaths as FlowPaths
