from .alert import AlertNotification as AlertNotification
