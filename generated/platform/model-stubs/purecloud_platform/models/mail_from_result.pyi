from .mail import MailFromResult as MailFromResult
