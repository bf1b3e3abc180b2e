from .response import ResponseText as ResponseText
