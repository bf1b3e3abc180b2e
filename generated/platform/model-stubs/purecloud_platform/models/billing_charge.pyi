from .billing import BillingCharge as BillingCharge
