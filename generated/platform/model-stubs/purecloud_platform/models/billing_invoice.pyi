from .billing import BillingInvoice as BillingInvoice
