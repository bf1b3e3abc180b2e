from .billing import BillingPlanItem as BillingPlanItem
