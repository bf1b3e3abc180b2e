from .payment import PaymentLineItem as PaymentLineItem
