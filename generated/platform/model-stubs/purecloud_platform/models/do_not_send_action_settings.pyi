from .do import DoNotSendActionSettings as DoNotSendActionSettings
