from .on import OnDemandSummaryConfig as OnDemandSummaryConfig
