from .apple import ApplePay as ApplePay
