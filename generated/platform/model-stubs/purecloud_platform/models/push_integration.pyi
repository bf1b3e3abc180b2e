from .push import PushIntegration as PushIntegration
