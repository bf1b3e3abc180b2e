from .status import StatusInfo as StatusInfo
