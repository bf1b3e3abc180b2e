from .invoice import InvoiceAddress as InvoiceAddress
