from .nlu import NluQualityReportSummary as NluQualityReportSummary
