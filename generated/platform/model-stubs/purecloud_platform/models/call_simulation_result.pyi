from .call import CallSimulationResult as CallSimulationResult
