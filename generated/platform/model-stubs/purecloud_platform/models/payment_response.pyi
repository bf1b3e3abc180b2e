from .payment import PaymentResponse as PaymentResponse
