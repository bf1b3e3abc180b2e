from .billing import BillingUsage as BillingUsage
