from .button import ButtonComponent as ButtonComponent
