from .summary import SummaryTransferConfig as SummaryTransferConfig
