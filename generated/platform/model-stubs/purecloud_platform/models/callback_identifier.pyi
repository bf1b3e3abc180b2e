from .callback import CallbackIdentifier as CallbackIdentifier
