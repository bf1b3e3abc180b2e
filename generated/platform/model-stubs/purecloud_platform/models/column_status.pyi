from .column import ColumnStatus as ColumnStatus
