from .accelerator import AcceleratorMetadata as AcceleratorMetadata
