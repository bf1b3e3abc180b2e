from .email import EmailMediaPolicy as EmailMediaPolicy
