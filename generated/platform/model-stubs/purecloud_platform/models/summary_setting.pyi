from .summary import SummarySetting as SummarySetting
