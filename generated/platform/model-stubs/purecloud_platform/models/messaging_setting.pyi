from .messaging import MessagingSetting as MessagingSetting
