from .model import ModelMetaData as ModelMetaData
