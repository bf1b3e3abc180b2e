from .messaging import MessagingTemplate as MessagingTemplate
