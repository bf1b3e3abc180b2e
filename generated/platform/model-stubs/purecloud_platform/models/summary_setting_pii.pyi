from .summary import SummarySettingPII as SummarySettingPII
