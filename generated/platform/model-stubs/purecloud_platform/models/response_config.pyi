from .response import ResponseConfig as ResponseConfig
