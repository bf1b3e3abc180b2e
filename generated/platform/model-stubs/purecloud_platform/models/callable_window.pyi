from .callable import CallableWindow as CallableWindow
