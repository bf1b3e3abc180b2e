from .model import ModelMetaDataResult as ModelMetaDataResult
