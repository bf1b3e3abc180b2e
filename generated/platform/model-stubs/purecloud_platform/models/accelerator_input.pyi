from .accelerator import AcceleratorInput as AcceleratorInput
