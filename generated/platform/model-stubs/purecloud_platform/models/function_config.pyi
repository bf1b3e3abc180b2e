from .function import FunctionConfig as FunctionConfig
