from .button import ButtonResponse as ButtonResponse
