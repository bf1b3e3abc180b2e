from .billing import BillingContractPeriod as BillingContractPeriod
