from .summary import SummarySettingEntity as SummarySettingEntity
