from .execution import ExecutionDataRequest as ExecutionDataRequest
