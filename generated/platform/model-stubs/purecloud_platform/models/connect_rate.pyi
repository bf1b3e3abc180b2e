from .connect import ConnectRate as ConnectRate
