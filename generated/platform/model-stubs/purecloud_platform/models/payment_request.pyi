from .payment import PaymentRequest as PaymentRequest
