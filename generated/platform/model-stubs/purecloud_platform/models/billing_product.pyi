from .billing import BillingProduct as BillingProduct
