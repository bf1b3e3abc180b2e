from .billing import BillingWallet as BillingWallet
