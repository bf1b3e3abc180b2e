from .additional import AdditionalMessage as AdditionalMessage
