from .recorders import RecordersState as RecordersState
