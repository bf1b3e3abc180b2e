from .facebook import FacebookId as FacebookId
