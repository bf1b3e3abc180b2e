from .billing import BillingUsageResource as BillingUsageResource
