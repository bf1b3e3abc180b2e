from .billing import BillingInvoiceListing as BillingInvoiceListing
