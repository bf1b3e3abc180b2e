from .create import CreateCallbackCommand as CreateCallbackCommand
