from .facebook import FacebookIntegration as FacebookIntegration
