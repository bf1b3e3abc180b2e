from .billing import BillingContract as BillingContract
