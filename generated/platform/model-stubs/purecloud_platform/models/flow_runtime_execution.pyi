from .flow import FlowRuntimeExecution as FlowRuntimeExecution
