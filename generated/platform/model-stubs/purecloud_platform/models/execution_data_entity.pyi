from .execution import ExecutionDataEntity as ExecutionDataEntity
