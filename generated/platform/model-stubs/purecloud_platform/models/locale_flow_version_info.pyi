from .locale import LocaleFlowVersionInfo as LocaleFlowVersionInfo
