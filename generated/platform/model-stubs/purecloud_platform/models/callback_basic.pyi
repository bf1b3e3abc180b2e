from .callback import CallbackBasic as CallbackBasic
