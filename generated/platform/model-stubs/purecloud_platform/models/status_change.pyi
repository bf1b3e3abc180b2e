from .status import StatusChange as StatusChange
