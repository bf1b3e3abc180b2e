from .billing import BillingUsageReport as BillingUsageReport
