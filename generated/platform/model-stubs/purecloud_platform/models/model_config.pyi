from .model import ModelConfig as ModelConfig
