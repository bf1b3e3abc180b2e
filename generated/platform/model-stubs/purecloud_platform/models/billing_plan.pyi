from .billing import BillingPlan as BillingPlan
