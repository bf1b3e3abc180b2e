from .billing import BillingInvoiceItem as BillingInvoiceItem
