from .function import FunctionRuntime as FunctionRuntime
