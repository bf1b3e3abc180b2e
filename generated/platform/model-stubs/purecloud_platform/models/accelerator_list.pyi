from .accelerator import AcceleratorList as AcceleratorList
