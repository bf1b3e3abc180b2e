from .function import FunctionZipConfig as FunctionZipConfig
