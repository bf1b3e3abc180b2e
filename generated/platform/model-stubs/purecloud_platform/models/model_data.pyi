from .model import ModelData as ModelData
