from .request import RequestDevice as RequestDevice
